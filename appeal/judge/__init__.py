"""The judgement step between the findings and the letter (domain: never imports appeal.cli).

    select_grounds(findings, refusal, limit=5) -> Selection   # rank, merge, cap
    rank(findings, refusal) -> list[Finding]                  # the order a letter argues them
    decide(refusal, findings, timeline, ...) -> Outcome       # review, complaint, ...
    decide_case(case, findings) -> Outcome                    # the same, for an appeal.case.Case
"""

from __future__ import annotations

from appeal.judge.outcome import decide, decide_case
from appeal.judge.rank import GroundPlan, Selection, cap, merge, rank, score, select_grounds

__all__ = ["decide", "decide_case", "select_grounds", "rank", "merge", "cap", "score", "GroundPlan", "Selection"]
