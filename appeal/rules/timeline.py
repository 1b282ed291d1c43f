"""build_timeline: the dates the date rules need, from options first, then the letter's own."""

from __future__ import annotations

import datetime as dt

from appeal.model import Refusal, Timeline

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
    (timeline or None, the ISO dates used, with where each came from).
    """
    def iso(d):
        return d.isoformat() if d else None

    def from_letter(s):
        try:
            return dt.date.fromisoformat(s) if s else None
        except ValueError:
            return None

    used: dict = {}
    letter = from_letter(refusal.dates.letter)
    if received is None and refusal.dates.received:
        received = from_letter(refusal.dates.received)
        if received:
            used["received_from"] = "letter"
    elif received is not None:
        used["received_from"] = "option"
    if refusal.is_review_outcome:
        if review_responded is None and letter:
            review_responded = letter
            used["review_responded_from"] = "letter"
    elif responded is None and letter:
        responded = letter
        used["responded_from"] = "letter"
    elif responded is not None:
        used["responded_from"] = "option"
    used.update(
        received=iso(received), responded=iso(responded),
        review_requested=iso(review_requested), review_responded=iso(review_responded),
    )
    if not any((received, responded, review_requested, review_responded)):
        return None, used
    try:
        from appeal.deadlines import compute_timeline
    except ImportError:
        return None, used
    timeline = compute_timeline(
        regime or refusal.regime or "FOIA",
        received=received,
        responded=responded,
        review_requested=review_requested,
        review_responded=review_responded,
    )
    return timeline, used

