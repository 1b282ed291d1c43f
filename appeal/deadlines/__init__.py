"""Deadlines: the working-day calendar, the Timeline, the readable report and the .ics file.

    from appeal.deadlines import compute_timeline, render_text
    tl = compute_timeline("FOIA", received="2019-09-25")
    tl.event("response_due").date   # "2019-10-23"

The two names are loaded on first use, so `--json` never imports the text renderer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["compute_timeline", "render_text"]

if TYPE_CHECKING:  # pragma: no cover
    from appeal.deadlines.report import render_text
    from appeal.deadlines.timeline import compute_timeline


def __getattr__(name: str) -> Any:
    if name == "compute_timeline":
        from appeal.deadlines.timeline import compute_timeline

        return compute_timeline
    if name == "render_text":
        from appeal.deadlines.report import render_text

        return render_text
    raise AttributeError(f"module 'appeal.deadlines' has no attribute {name!r}")
