"""review-late: an internal review outcome sent after the time allowed for reviews."""

from __future__ import annotations

from appeal.rules.base import ALL_REGIMES, Rule

RULE = Rule(
    id="review-late",
    title="The internal review was late",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="An internal review outcome sent later than 20 working days after the review was asked for "
    "(FOIA, s45 Code; 40 only in exceptional cases), 40 (EIR reg 11(4)) or 20 (FOISA s21(1), EISR reg 16).",
    why="Under the EIR and FOISA the review period is statutory, so a late review is a breach; under FOIA "
    "the s45 Code of Practice sets 20 working days, 40 at most, and the Commissioner will accept a complaint "
    "once 40 working days have passed without a review.",
    example="Review asked for on 3 June; outcome dated 30 August, 62 working days later.",
    references=("s45 Code of Practice (2018), internal reviews; ICO guidance on internal reviews",
                "EIR reg 11(4)", "FOISA s21(1)", "EISR reg 16"),
)


def check(ctx):
    tl = ctx.timeline
    if tl is None or tl.review_late is None:
        if ctx.refusal.is_review_outcome and not ctx.dates.get("review_requested"):
            ctx.note("review-late not checked: give the date you asked for the review (--review-requested).")
        return []
    if not tl.review_late:
        return []
    due = tl.event("review_due")
    due_max = tl.event("review_due_max")
    responded = ctx.dates.get("review_responded")
    beyond_max = False
    if ctx.regime == "FOIA":
        if due_max and responded:
            beyond_max = responded > due_max.date
        strength = "strong" if beyond_max else "moderate"
    else:
        strength = "strong"
    return [ctx.finding(
        RULE, strength, [],
        requested=ctx.dates.get("review_requested"),
        responded=responded,
        due=due.date if due else None,
        due_max=due_max.date if due_max else None,
        beyond_max=beyond_max,
        late_by=tl.review_late_by_working_days,
    )]
