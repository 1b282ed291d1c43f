"""cost-limit-no-estimate: a cost-limit refusal with no estimate, or no breakdown of it."""

from __future__ import annotations


from appeal.rules.context import ci
from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.context import cost_refusal, is_cost_refusal

RULE = Rule(
    id="cost-limit-no-estimate",
    title="The cost limit is claimed without an estimate",
    regimes=ALL_REGIMES,
    strengths=("moderate", "weak"),
    detects="A refusal under the cost limit (FOIA/FOISA s12, EIR reg 12(4)(b)) that gives no estimate of the "
    "time or cost of compliance, or gives a bare total with no breakdown (how many records, how long each).",
    why="The authority may refuse only where it estimates that compliance would exceed the appropriate limit "
    "(£600 for central government, £450 for others, at £25 an hour), counting only the time to determine "
    "whether the information is held, locate, retrieve and extract it. The estimate must be reasonable: the "
    "ICO can test how it was reached and treats a breakdown as good practice (LTT116), and a tribunal set aside "
    "an estimate that counted the wrong costs and ignored a quicker source (Campbell [2023] UKFTT 885 (GRC)).",
    example="'To retrieve the information officers would have to search twelve months of invoices; this would "
    "exceed the appropriate limit.' with no number of invoices or time per invoice.",
    references=("FOIA s12; Fees Regulations 2004 regs 3-4", "Campbell v IC & Anor [2023] UKFTT 885 (GRC)", "Brown v IC and TNA (EA/2006/0088)",
                "ICO Line to Take LTT116 (reasonable estimates)", "EIR reg 12(4)(b)"),
    near_miss="A letter giving its own figure with a breakdown ('about 400 files at 5 minutes each, some 33 hours'); the limit itself ('£450, equivalent to 18 hours') is not such a figure, and the rule says 'restating the limit is not an estimate'.",
)

_UNIT = r"(hours?|hrs|minutes?|mins|seconds|working days|days|weeks)"
ESTIMATE = ci(
    rf"(estimat\w*|would take|would require|take approximately|approximately|at least|in excess of|around|"
    rf"roughly|over)\b[^.]{{0,140}}?\b\d[\d,.]*\s*{_UNIT}\b|\b\d[\d,.]*\s*{_UNIT}\b[^.]{{0,60}}\b(to (comply|complete|"
    rf"review|search|locate|retrieve|extract|check|read)|of (work|staff time|officer time))",
)
BREAKDOWN = ci(
    # a time per item: "2 minutes per file", "15 minutes of work ... to review each of these 101
    # placements", "2 minutes to interrogate each occurrence" (not "18 hours to extract the information",
    # which is a total)
    rf"\b\d[\d,.]*\s*{_UNIT}\s*(per|for each|for every)\b|"
    rf"\b\d[\d,.]*\s*{_UNIT}\b[^.]{{0,60}}\b(each|every|per)\b|"
    rf"\b\d[\d,]*\s*(records?|files?|cases?|documents?|invoices?|e-?mails?|reports?|logs?|incidents?|crimes?|"
    rf"entries|folders?|boxes)\b[^.]{{0,160}}\b\d[\d,.]*\s*{_UNIT}\b",
)


LIMIT_ONLY = ci(
    r"\b(represents|equates? to|equivalent (to|of)|set at|is based on|calculated at|rate of £\s?25)\b",
)
ESTIMATING = ci(
    r"estimat|would take|would require|would need",
)


# The appropriate limit itself, in money, hours or working days (FOIA £600/£450 = 24/18 hours at £25,
# about 3½/2½ working days; FOISA £600 = 40 hours). A sentence whose only figures are these restates
# the limit ("more than £450 (equivalent to 18 hours)", "more than 3½ working days"): not an estimate.
_LIMIT_FIGURE = ci(
    r"£\s?(?:450|600)(?:\.00)?(?!\d|,\d)|\b(?:18|24|40)\s*(?:hours?|hrs)\b|"
    r"\b(?:2|2\.5|2½|2 ½|3|3\.5|3½|3 ½|three and a half|two and a half)\s*(?:working )?days\b",
)
_ANY_FIGURE = ci(r"£\s?\d[\d,.]*|\b\d[\d,.½ ]*\s*(?:hours?|hrs|minutes?|mins|(?:working )?days|weeks)\b")


def _limit_only(ctx, a: int, b: int) -> bool:
    """Every time or money figure in the sentence is the appropriate limit itself."""
    figures = list(ctx.finditer(_ANY_FIGURE, a, b))
    if not figures:
        return False
    limits = [(m.start(), m.end()) for m in ctx.finditer(_LIMIT_FIGURE, a, b)]
    return all(any(la <= f.start() < lb or f.start() <= la < f.end() for la, lb in limits) for f in figures)


_COMPARED = ci(r"exceed|in excess|more than|over |above", word_start=True)
_ESTIMATED = ci(r"estimat", word_start=True)


def _limit_restated(ctx):
    """The sentence that states the limit as the letter's only figure, or None: preferably the one
    that says compliance would exceed it ("more than 3½ working days"), not the one that defines it."""
    found = []
    for m in ctx.finditer(_LIMIT_FIGURE, response=True):
        a, b = ctx.sentence_at(m.start())
        if _limit_only(ctx, a, b):
            rank = 0 if ctx.search(_COMPARED, a, b) else 1 if ctx.search(_ESTIMATED, a, b) else 2
            found.append((rank, m.start(), m))
    return min(found, key=lambda t: t[:2])[2] if found else None


def _estimate(ctx, text):
    for m in ctx.finditer(ESTIMATE, response=True):
        a, b = ctx.sentence_at(m.start())
        if ctx.search(LIMIT_ONLY, a, b) and not ctx.search(ESTIMATING, a, b):
            continue  # a statement of the limit itself, not an estimate
        if _limit_only(ctx, a, b):
            continue  # "in excess of 2.5 working days", "more than £450": the limit restated
        return m
    return None


def _parsed_is_limit(c) -> bool:
    """The parser's hours/pounds are the limit itself (£450, £600, 18, 24 or 40 hours)."""
    return (c.pounds in (450, 600) and not c.hours) or (c.hours in (18, 24, 40) and not c.pounds) or \
        (c.pounds in (450, 600) and c.hours in (18, 24, 40))


def _moved_on(ctx, m) -> bool:
    """The copy is cut, but well after the estimate: a breakdown comes with its estimate, so its
    absence there can be judged (the letter has gone on to other things)."""
    if m is None:
        return False
    _a, b = ctx.sentence_at(m.start())
    return len(ctx.text.rstrip()) - b > 300


def check(ctx):
    cost = cost_refusal(ctx)
    c = ctx.refusal.cost
    if not is_cost_refusal(ctx):
        return []
    text = ctx.response_text
    breakdown = (c.breakdown_given if c else False) or bool(ctx.search(BREAKDOWN, response=True))
    if breakdown:
        return []
    estimate_m = _estimate(ctx, text)
    limit_m = None if estimate_m else _limit_restated(ctx)
    parsed = bool(c and (c.hours or c.pounds)) and not (limit_m or _parsed_is_limit(c))
    has_estimate = bool(parsed or estimate_m)
    if ctx.refusal.truncated and has_estimate and not _moved_on(ctx, estimate_m):
        return []  # the breakdown may be in the part of the letter we do not have
    if limit_m is not None:
        # the limit restated is not an estimate: as strong as no figure at all, once the letter has moved on
        if ctx.refusal.truncated and not _moved_on(ctx, limit_m):
            return []  # the copy stops at the limit: its own estimate may follow
        strength = "moderate"
    else:
        strength = "weak" if (has_estimate or ctx.refusal.truncated) else "moderate"
    evidence = [ctx.citation_ev(e) for e in cost]
    if limit_m is not None:
        evidence = [ctx.ev_sentence(limit_m.start())] + evidence
    elif estimate_m:
        evidence.append(ctx.ev_sentence(estimate_m.start()))
    return [ctx.finding(
        RULE, strength, evidence,
        has_estimate=has_estimate,
        limit_restated=limit_m is not None,
        limit_named=ctx.search(_LIMIT_FIGURE, response=True) is not None,
        copy_only=ctx.refusal.truncated,
        citations=[e.citation for e in cost] or (["regulation 12(4)(b)"] if ctx.regime in ("EIR", "EISR") else []),
        central=False,
    )]
