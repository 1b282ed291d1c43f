"""late-response: the reply came after the statutory time limit for its regime."""

from __future__ import annotations

import re

from appeal.rules.base import ALL_REGIMES, Rule

RULE = Rule(
    id="late-response",
    title="The response was late",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="A response sent after the last day the law allows: the 20th working day after receipt "
    "(FOIA s10(1), EIR reg 5(2)/14(2), FOISA s10(1), EISR reg 5(2)(a)).",
    why="The time limit is a duty in its own right: a late refusal notice is a breach of s10(1) and "
    "s17(1) whatever the merits of the exemptions, and the Commissioner records it in a decision notice.",
    example="Request received 2 March; refusal dated 14 April, 26 working days later.",
    references=("FOIA s10(1), s10(6), s17(1)", "EIR reg 5(2), reg 14(2)", "FOISA s10(1)",
                "ICO guidance: time limits for compliance (section 10)"),
)

_RECEIVED = re.compile(r"\b(received|receipt|dated|of your (e-?mail|letter|request))\b[^.\n]{0,60}", re.I)


def check(ctx):
    tl = ctx.timeline
    if ctx.refusal.is_review_outcome:
        return []
    if tl is not None and tl.late is None and ctx.dates.get("received") and ctx.dates.get("responded"):
        ctx.note("late-response not claimed: the reply came on a day that is in dispute (the request "
                 "arrived on a non-working day and the authority may count from the next working day).")
        return []
    if tl is None or tl.late is None:
        if ctx.exemptions or ctx.refusal.ncnd:
            missing = []
            if not ctx.dates.get("received"):
                missing.append("the date the request was received (--received)")
            if not ctx.dates.get("responded"):
                missing.append("the date of the response (--responded)")
            if missing:
                ctx.note("late-response not checked: the letter does not show " + " or ".join(missing) + ".")
        return []
    if not tl.late:
        return []
    late_by = tl.late_by_working_days
    due = tl.event("response_due")
    alt = tl.event("response_due_alt")
    extended = tl.event("response_due_extended")
    # Receipt on a non-working day: the authority may argue one more day. Never call a reply
    # late on that disputed day alone.
    if alt is not None and late_by is not None and late_by <= 1:
        ctx.note("late-response: the reply came on the one day in dispute (the request arrived on a "
                 "non-working day), so it is not called late.")
        return []
    if (ctx.published_copy and ctx.dates.get("responded_from") == "letter" and late_by is not None
            and late_by <= 3):
        # a published page's date is often the day it went online, not the day the reply was sent
        ctx.note("late-response not claimed: the copy is a published page, and its date may be the day "
                 "it was published rather than the day of the reply; give --responded to check.")
        return []
    evidence = []
    for a, b in ctx.sentences_matching(_RECEIVED):
        evidence.append(ctx.ev(a, b))
        break
    from_letter = ctx.dates.get("received_from") == "letter" or ctx.dates.get("responded_from") == "letter"
    inferred = any("received" in a.lower() and "year" in a.lower() for a in ctx.refusal.assumptions)
    strength = "moderate" if (inferred and (late_by or 0) <= 2) else "strong"
    return [ctx.finding(
        RULE, strength, evidence,
        received=ctx.dates.get("received"),
        responded=ctx.dates.get("responded"),
        due=due.date if due else None,
        due_basis=due.basis if due else None,
        alt=alt.date if alt else None,
        extended=extended.date if extended else None,
        late_by=late_by,
        from_letter=from_letter,
        inferred=inferred,
    )]
