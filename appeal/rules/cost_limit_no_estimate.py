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


def _estimate(ctx, text):
    for m in ctx.finditer(ESTIMATE, response=True):
        a, b = ctx.sentence_at(m.start())
        if ctx.search(LIMIT_ONLY, a, b) and not ctx.search(ESTIMATING, a, b):
            continue  # a statement of the limit itself, not an estimate
        return m
    return None


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
    has_estimate = bool((c and (c.hours or c.pounds)) or estimate_m)
    if ctx.refusal.truncated and has_estimate and not _moved_on(ctx, estimate_m):
        return []  # the breakdown may be in the part of the letter we do not have
    strength = "weak" if (has_estimate or ctx.refusal.truncated) else "moderate"
    evidence = [ctx.citation_ev(e) for e in cost]
    if estimate_m:
        evidence.append(ctx.ev_sentence(estimate_m.start()))
    return [ctx.finding(
        RULE, strength, evidence,
        has_estimate=has_estimate,
        copy_only=ctx.refusal.truncated,
        citations=[e.citation for e in cost] or ["the cost limit"],
        central=False,
    )]
