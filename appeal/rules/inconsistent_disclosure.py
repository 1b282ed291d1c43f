"""inconsistent-disclosure (batch): the authority refused what other authorities disclosed.

Fires only when `appeal scan` supplies batch context (`ctx.batch`); on one letter it is silent.
The batch stage (appeal/batch/grounds.py) decides which other letters answered the same
request and disclosed the same questions, and passes them as
    ctx.batch = {"peers": [{"authority", "reference", "date"}], "questions": [...], "count": n}
"""

from __future__ import annotations

from appeal.rules.base import ALL_REGIMES, Rule

RULE = Rule(
    id="inconsistent-disclosure",
    title="Other authorities disclosed what this one refused",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="(appeal scan only) A refusal or neither-confirm-nor-deny response to a request that other "
    "authorities in the same batch answered, for the same request (or the same numbered questions of it), "
    "naming those authorities with their references and dates. Strong for an NCND response when two or more "
    "other authorities disclosed; moderate otherwise. Cost and not-held answers are not compared: one "
    "authority's records and systems say nothing about another's.",
    why="One authority's decision does not bind another, but it is evidence on the questions the law asks. "
    "A prejudice-based exemption needs a harm that is real, actual and of substance, caused by this "
    "disclosure: where other authorities have released the same information, the harm claimed can be tested "
    "against what followed those releases. For neither confirm nor deny, what confirming would reveal is "
    "already public when other bodies of the same kind have confirmed they hold such information. In the "
    "public interest test, information already in the public domain weighs less in favour of withholding.",
    example="Three police forces answer a request for the number of reports of an offence with NCND under "
    "s31(3); two others disclose the figures. The NCND letters are met with the two disclosures, named with "
    "their references and dates.",
    references=("FOIA s1(1)(a), s2(1)(b), s2(2)(b), s17(1)(c)", "ICO guidance: the prejudice test",
                "ICO guidance: information in the public domain",
                "ICO guidance: when to refuse to confirm or deny"),
)

NOT_COMPARED = ("cost", "not held")  # answers the batch stage never compares (see detects)


def check(ctx):
    batch = getattr(ctx, "batch", None)
    if not batch or not batch.get("peers"):
        return []
    peers = batch["peers"]
    names = []
    for p in peers:
        if p.get("authority") and p["authority"] not in names:
            names.append(p["authority"])
    if not names:
        return []
    ncnd = bool(ctx.refusal.ncnd) and ctx.refusal.ncnd_scope != "other"
    evidence = []
    span = ctx.ncnd_statement if ncnd else None
    if span:
        evidence.append(ctx.ev(*span))
    else:
        for ex in ctx.exemptions:
            ev = ctx.citation_ev(ex)
            if ev is not None:
                a, b = ctx.sentence_at(ev.start)
                evidence.append(ctx.ev(a, b))
                break
    count = batch.get("count") or len(names)
    strength = "strong" if ncnd and count >= 2 else "moderate"
    return [ctx.finding(RULE, strength, evidence, peers=[_named(p) for p in peers], count=count, ncnd=ncnd,
                        questions=list(batch.get("questions") or []))]


def _named(peer: dict) -> str:
    """'Kent Police (reference 123/24, 3 May 2024)': who, with what the reader needs to find it."""
    extra = ", ".join(x for x in (f"reference {peer['reference']}" if peer.get("reference") else None,
                                  peer.get("date")) if x)
    return f"{peer['authority']} ({extra})" if extra else peer["authority"]
