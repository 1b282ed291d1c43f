"""build_timeline: the dates the date rules need, from options first, then the letter's own."""

from __future__ import annotations

import datetime as dt

from appeal.model import Refusal, Timeline  # noqa: F401


def build_timeline(
    refusal: Refusal,
    *,
    received: dt.date | None = None,
    responded: dt.date | None = None,
    review_requested: dt.date | None = None,
    review_responded: dt.date | None = None,
    regime: str | None = None,
) -> tuple[Timeline | None, dict]:
    """The timeline the date rules need, from options first, then the letter's own dates.

    A review-outcome letter's date is the review response, not the first response. Returns
    (timeline or None, the ISO dates used, with where each came from). The work is done by
    the spine, `appeal.case.gather_case`, so that the rules see what every command sees.
    """
    from appeal.case import gather_case

    case = gather_case(refusal, regime=regime, received=received, responded=responded,
                       review_requested=review_requested, review_responded=review_responded)
    return case.timeline, case.rule_dates()

