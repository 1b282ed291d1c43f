"""personal-data-aggregate: s40 / reg 13 applied to anonymous aggregate figures."""

from __future__ import annotations

import re

from appeal.rules.base import ALL_REGIMES, Rule

RULE = Rule(
    id="personal-data-aggregate",
    title="Personal-data exemption applied to anonymous figures",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="s40 (FOIA), reg 13 (EIR), s38 (FOISA) or reg 11 (EISR), including their NCND forms, relied on for "
    "a request for counts or breakdowns, with no explanation of how anyone could be identified from them.",
    why="The exemption covers personal data only: information relating to an identified or identifiable living "
    "person. Statistics from which no one can be identified are not personal data (Common Services Agency v "
    "Scottish Information Commissioner [2008] UKHL 47). The ICO's guidance on s40 refusal notices says the "
    "authority should explain how the information is personal data, particularly for statistical data; "
    "identifiability is judged on the facts, with reasons (Craigdale Housing Association v SIC [2010] CSIH 43).",
    example="Counts of offences by age band of victim refused under s40(5) with only 'Section 40 is a class "
    "based absolute exemption'.",
    references=("FOIA s40, DPA 2018 s3", "Common Services Agency v SIC [2008] UKHL 47",
                "Craigdale Housing Association v SIC [2010] CSIH 43", "ICO guidance: s40 refusal notices"),
)

IDENTIFY = re.compile(
    r"identif\w*[^.]{0,100}\b(individuals?|persons?|people|victims?|offenders?|suspects?|data subjects?|them|"
    r"someone|families|family|children|child)\b|\b(small|low) (numbers?|counts?|figures?)\b|fewer than \d|"
    r"\bre-?identif\w*|\b(could|would|may|might) be identified\b|\bjigsaw identification\b|\bbarnardis\w*|"
    r"\bsuppress\w*|\bidentifiable\b",
    re.I,
)


def check(ctx):
    pd = ctx.cited("personal_data")
    prof = ctx.request
    if not pd or not prof.known or not prof.statistics or prof.specific or prof.case_level:
        return []
    explained = [s for s in ctx.sentences_matching(IDENTIFY)]
    if explained:
        return []
    if ctx.refusal.truncated:
        return []
    strength = "strong" if prof.aggregate else "moderate"
    evidence = [ctx.citation_ev(e) for e in pd]
    span = ctx.request_span
    first = prof.first("statistics")
    if span and first:
        evidence.append(ctx.ev_sentence(span[0] + first[0]))
    ctx.cover(pd, RULE.id)
    return [ctx.finding(
        RULE, strength, evidence,
        citations=[e.citation for e in pd],
        ncnd=any(e.ncnd or ctx.info(e)[2] for e in pd),
        words=prof.words("statistics")[:3],
    )]
