"""ncnd-statistics: neither-confirm-nor-deny applied to aggregate statistics or counts."""

from __future__ import annotations

from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.context import distinct, figures_given, harm_based_ncnd, ncnd_scope, says_not_held

RULE = Rule(
    id="ncnd-statistics",
    title="Neither confirm nor deny applied to statistics",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="An NCND response to a request for counts, totals or breakdowns, where the request names no "
    "person, incident or operation.",
    why="NCND protects what the bare fact of holding information would reveal. Whether a police force records "
    "offences of a type, or has investigations of a kind, is not a secret: forces record crimes and publish "
    "crime statistics. ICO guidance says NCND is more likely to be needed for very specific requests than for "
    "general ones, and that the ICO's s31(3) NCND scenarios typically involve a named subject. A count reveals "
    "nothing about any individual case, so the fact of holding it cannot cause the harm NCND guards against.",
    example="A request for the number of live investigations into a type of offence answered with 'neither "
    "confirms nor denies that it holds information', under s30(3) and s31(3).",
    references=("FOIA s1(1)(a)", "ICO guidance: when to refuse to confirm or deny (general v specific requests)",
                "ICO guidance: section 31, neither confirm nor deny", "ICO decision FS50246819 (Surrey Police)"),
)


def check(ctx):
    prof = ctx.request
    if not harm_based_ncnd(ctx) or not prof.known:
        return []
    if not prof.mostly_statistics or prof.specific:
        return []
    scope = ncnd_scope(ctx)
    if scope == "other" and (figures_given(ctx) or says_not_held(ctx)):
        return []  # the figures were given (or said not to exist); the NCND is over something else
    if scope in ("all", "part") and prof.aggregate:
        strength = "strong"
    else:
        strength = "moderate"
    evidence = []
    if ctx.ncnd_statement:
        evidence.append(ctx.ev(*ctx.ncnd_statement))
    evidence.append(ctx.request_evidence("statistics"))
    return [ctx.finding(
        RULE, strength, evidence,
        scope=scope,
        words=distinct(prof.words("statistics"))[:3],
        case_level=prof.case_level,
        citations=[e.citation for e in ctx.exemptions],
        s31_3=any(e.citation.startswith("s31(3)") for e in ctx.exemptions),
    )]

