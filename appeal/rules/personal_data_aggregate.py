"""personal-data-aggregate: s40 / reg 13 applied to anonymous aggregate figures."""

from __future__ import annotations

import re


from appeal.rules.context import distinct, ci
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

IDENTIFY = ci(
    r"identif\w*[^.]{0,100}?\b(?:individual|person|people|victim|offender|suspect|data subject|them\b|someone|"
    r"famil|child)|small numbers?\b|small counts?\b|small figures?\b|low numbers?\b|low counts?\b|low figures?\b|"
    r"fewer than \d|re-?identif|could be identified|would be identified|may be identified|might be identified|"
    r"jigsaw identification|barnardis|suppress|identifiable\b",
    word_start=True,
)


def _question_line(ctx, pos: int) -> bool:
    """A line that asks ("d. How old was the youngest child? (We will not identify this child...)")
    holds the requester's words, quoted: they explain nothing for the authority."""
    a = ctx.text.rfind("\n", max(0, pos - 400), pos) + 1
    b = ctx.text.find("\n", pos, pos + 400)
    line = ctx.text[a : b if b >= 0 else len(ctx.text)]
    return "?" in line[: pos - a + 1] or bool(re.match(r"\s*(?:\(?[a-z0-9]{1,3}[.)]|Q\d+)\s", line) and "?" in line)


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_M = "(" + "|".join(m.capitalize() for m in _MONTHS) + ")"
_D = r"\d{1,2}(?:st|nd|rd|th)?"
# A short window: one month, particular days, a day-to-day range within a month or two.
_RANGE = re.compile(rf"\bbetween (?:the )?{_D} (?:of )?{_M}(?: \d{{4}})? and (?:the )?{_D} (?:of )?{_M}", re.I)
_SHORT = re.compile(
    rf"\b(?:in|during|for) (?:the month of )?{_M},? \d{{4}}\b(?! (?:to|and|until|-))|"
    rf"\bon (?:the )?{_D}(?: (?:and|&|or) (?:the )?{_D})? (?:of )?{_M}\b|"
    r"\b(?:last|past|previous|one|a single|single) (?:month|week|day)\b", re.I)
# A small area: a district, ward or neighbourhood, or a postcode district ("BT12").
_AREA = re.compile(r"\b(?:district|ward|neighbourhood|village|parish|estate|postcode)\b", re.I)
_POSTCODE = re.compile(r"\b[A-Z]{2}\d{1,2}[A-Z]?\b")


def _small_scope(text: str) -> bool:
    """The count is for a short window or a small area, where a few people may be recognisable to
    colleagues or neighbours: the point is arguable, not strong (round 2, 105)."""
    for m in _RANGE.finditer(text):
        a, b = (_MONTHS.index(m.group(i).lower()) for i in (1, 2))
        if (b - a) % 12 <= 1:
            return True
    return bool(_SHORT.search(text) or _AREA.search(text) or _POSTCODE.search(text))


def check(ctx):
    pd = ctx.cited("personal_data")
    prof = ctx.request
    if not pd or not prof.known or not prof.aggregate:
        return []
    explained = [s for s in ctx.sentences_matching(IDENTIFY) if not _question_line(ctx, s[0])]
    if explained:
        return []
    if ctx.refusal.truncated:
        # the explanation may be in the part we do not have: letters often name the exemptions first
        # and explain them in a later section ("we have detailed our rationale below")
        return []
    small = _small_scope(prof.text or "")
    strength = "moderate" if small else "strong"
    evidence = [ctx.citation_ev(e) for e in pd]
    evidence.append(ctx.request_evidence("statistics"))
    ctx.cover(pd, RULE.id)
    return [ctx.finding(
        RULE, strength, evidence,
        citations=[e.citation for e in pd],
        ncnd=any(e.ncnd or ctx.info(e)[2] for e in pd),
        words=distinct(prof.words("statistics"))[:3],
        small_scope=small,
    )]

