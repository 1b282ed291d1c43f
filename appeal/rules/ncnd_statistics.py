"""ncnd-statistics: neither-confirm-nor-deny applied to aggregate statistics or counts."""

from __future__ import annotations

from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.context import distinct, figures_given, harm_based_ncnd, ncnd_scope, says_not_held
from appeal.rules.request import count_units, is_count

RULE = Rule(
    id="ncnd-statistics",
    title="Neither confirm nor deny applied to statistics",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="An NCND response to questions asking for counts, totals or breakdowns, judged question by "
    "question: never for one transaction or extreme (the largest single payment), a named person, incident or "
    "operation, or the requester's own case.",
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


def _ncnd_questions(ctx):
    """The questions the NCND covers, where the parser has split the request (Refusal.questions)."""
    qs = getattr(ctx.refusal, "questions", None) or []
    return [q for q in qs if getattr(q, "answer", None) == "ncnd"]


def _unasked_covert(ctx, prof) -> bool:
    """The NCND is over covert use/tactics, and the request says nothing of covert work."""
    if not ctx.ncnd_statement:
        return False
    a, b = ctx.ncnd_statement
    return "covert" in ctx.text[a:b].lower() and "covert" not in (prof.text or "").lower()


def check(ctx):
    prof = ctx.request
    if not harm_based_ncnd(ctx) or not prof.known:
        return []
    ncnd_qs = _ncnd_questions(ctx)
    if ncnd_qs:
        counts = [q for q in ncnd_qs if is_count(q.text or "")]
        if not counts:
            return []  # the NCND covers questions that are not counts
        evidence = [ctx.ev(*ctx.ncnd_statement)] if ctx.ncnd_statement else []
        q = counts[0]
        if 0 <= q.start < q.end <= len(ctx.text) and ctx.text[q.start:q.end].strip():
            evidence.append(ctx.ev_sentence(q.start) if ctx.sentence_at(q.start)[1] - q.start < 400
                            else ctx.ev(q.start, q.end))
        strength = "strong" if len(counts) == len(ncnd_qs) else "moderate"
        return [ctx.finding(
            RULE, strength, evidence,
            scope="part" if len(ncnd_qs) < len(getattr(ctx.refusal, "questions", [])) else "all",
            words=distinct(prof.words("statistics"))[:3], case_level=False,
            citations=[e.citation for e in ctx.exemptions],
            s31_3=any(e.citation.startswith("s31(3)") for e in ctx.exemptions),
            questions=[q.number for q in counts if q.number],
        )]
    if not prof.mostly_statistics or prof.specific:
        return []
    if not count_units(prof.text):
        return []  # the figures asked for are one transaction or an extreme, not counts
    scope = ncnd_scope(ctx)
    if scope == "other" and (figures_given(ctx) or says_not_held(ctx) or _unasked_covert(ctx, prof)):
        # the figures were given (or said not to exist), or the NCND is the police add-on over
        # *covert* use the request never asked about: either way it is over something else, which
        # ncnd-after-confirmation argues
        return []
    if scope in ("all", "part") and prof.aggregate:
        strength = "strong"
    else:
        strength = "moderate"
    evidence = []
    if ctx.ncnd_statement:
        evidence.append(ctx.ev(*ctx.ncnd_statement))
    units = count_units(prof.text)
    ev_q = ctx.request_evidence("statistics")
    if units and ctx.request_span:
        a, b = units[0]
        base = ctx.request_span[0]
        if ctx.text[base + a: base + b] == prof.text[a:b]:
            ev_q = ctx.ev(base + a, base + b)
    evidence.append(ev_q)
    return [ctx.finding(
        RULE, strength, evidence,
        scope=scope,
        words=distinct(prof.words("statistics"))[:3],
        case_level=prof.case_level,
        citations=[e.citation for e in ctx.exemptions],
        s31_3=any(e.citation.startswith("s31(3)") for e in ctx.exemptions),
        questions=[],
    )]

