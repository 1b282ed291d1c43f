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
    grounds: list = field(default_factory=list)  # each ground's lead finding, lead ground first
    decision: object | None = None  # appeal.model.Outcome, for the letter writers
    argued: list = field(default_factory=list)  # every finding the letter argues (points merged in too)


def _usable(findings):
    return [f for f in findings if f.strength in ("strong", "moderate")]


def _capped(findings, keep=()) -> list:
    """The strongest usable findings, at most GROUND_LIMIT, keeping the batch grounds (what only
    the batch can show) within the cap."""
    usable = _usable(findings)
    kept = usable[:GROUND_LIMIT]
    for f in usable[GROUND_LIMIT:]:
        if f.rule in keep:
            drop = next((g for g in reversed(kept) if g.rule not in keep), None)
            if drop is None:
                break
            kept.remove(drop)
            kept.append(f)
    return sorted(kept, key=usable.index)


def judgement(refusal, findings, timeline=None, today=None, keep=()) -> Judgement:
    try:
        from appeal.judge import decide, select_grounds
    except ImportError:
        decide = select_grounds = None
    if decide is not None:
        outcome = decide(refusal, findings, timeline, today=today)
        selection = select_grounds(findings, refusal, limit=GROUND_LIMIT, include=tuple(keep))
        plans = getattr(selection, "grounds", selection)
        grounds = [getattr(p, "lead", p) for p in plans]
        argued = [f for p in plans for f in (getattr(p, "findings", None) or [p])]
        return Judgement(getattr(outcome, "kind", None), getattr(outcome, "reason", None), grounds, outcome,
                         argued)
    grounds = _capped(findings, keep)
    if getattr(refusal, "is_review_outcome", False):
        return Judgement("complaint", "the letter is an internal review outcome", grounds, argued=grounds)
    if grounds:
        return Judgement("review", "grounds to ask for an internal review", grounds, argued=grounds)
    return Judgement(None, None, [])


def letter_kwargs(builder, judgement: Judgement, findings: list, kind: str) -> tuple[list, dict]:
    """What to hand the letter builders: with the judgement step in place they take every
    finding and the decision (they select the grounds themselves); without it, the grounds."""
    import inspect

    params = inspect.signature(builder).parameters
    key = "outcome" if kind == "review" else "judgement"
    if judgement.decision is not None and key in params:
        return list(findings), {key: judgement.decision}
    return list(judgement.grounds), {}


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


def case_timeline(refusal, today=None):
    """(timeline or None, the dates it was built from, in the form the rules read)."""
    case = gather(refusal, today=today)
    if case is not None:
        for note in case.assumptions:
            if note not in refusal.assumptions:
                refusal.assumptions.append(note)
        return case.timeline, case.rule_dates()
    from appeal.rules import build_timeline

    return build_timeline(refusal)
