"""The two places where `scan` leans on work other modules are still building.

- `judgement(...)`: the judgement step (outcome, lead ground, grounds capped). It uses
  `appeal.judge` (`decide`, `select_grounds`) when that package is present; until then a
  small stand-in: a review-outcome letter goes to the Commissioner, a letter with grounds to
  review, anything else has no outcome (None); the lead is the first (strongest) finding.
- `gather(refusal)` / `case_timeline(refusal)`: the letter's kind, regime, dates and timeline
  from `appeal.case.gather_case` (the spine every command shares), else the rules engine's
  own `build_timeline` (received + letter date).

Everything else in `appeal.batch` calls these two, so wiring the real modules is a one-line
change here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

GROUND_LIMIT = 5


@dataclass
class Judgement:
    outcome: str | None  # review | complaint | nothing-to-argue | fresh-request | narrow | None
    reason: str | None
    grounds: list = field(default_factory=list)  # the findings the letter argues, lead first


def _usable(findings):
    return [f for f in findings if f.strength in ("strong", "moderate")]


def judgement(refusal, findings, timeline=None, today=None) -> Judgement:
    try:
        from appeal import judge  # noqa: F401
        decide = getattr(judge, "decide")
        select_grounds = getattr(judge, "select_grounds")
    except (ImportError, AttributeError):
        decide = select_grounds = None
    if decide is not None:
        try:
            outcome = decide(refusal, findings, timeline=timeline, today=today)
            grounds = select_grounds(findings, refusal, limit=GROUND_LIMIT)
            return Judgement(getattr(outcome, "kind", None), getattr(outcome, "reason", None), list(grounds))
        except TypeError:  # a different signature than agreed: fall back, never crash a batch
            pass
    grounds = _usable(findings)[:GROUND_LIMIT]
    if getattr(refusal, "is_review_outcome", False):
        return Judgement("complaint", "the letter is an internal review outcome", grounds)
    if grounds:
        return Judgement("review", "grounds to ask for an internal review", grounds)
    return Judgement(None, None, [])


def gather(refusal, *, today=None, assume_review_requested=None):
    """The case for one letter of the batch (appeal.case.gather_case: its kind, regime, each
    date with its source, the timeline), or None when the spine is not available."""
    try:
        from appeal.case import gather_case
    except ImportError:
        return None
    case = gather_case(refusal, today=today, assume_review_requested=assume_review_requested)
    if case.regime_from != "assumed":
        refusal.regime = case.regime
    return case


def case_timeline(refusal):
    """(timeline or None, the dates it was built from, in the form the rules read)."""
    case = gather(refusal)
    if case is not None:
        for note in case.assumptions:
            if note not in refusal.assumptions:
                refusal.assumptions.append(note)
        return case.timeline, case.rule_dates()
    from appeal.rules import build_timeline

    return build_timeline(refusal)
