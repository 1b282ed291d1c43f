"""`appeal deadlines`: the timeline (filled in by the deadline engine)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from appeal.cli import app, options as o
from appeal.errors import UserError


@app.command("deadlines")
def deadlines(
    refusal: Annotated[Optional[str], typer.Argument(metavar="[REFUSAL]", help="Optional letter to read dates and regime from.")] = None,
    regime: o.Regime = None,
    received: o.Received = None,
    responded: o.Responded = None,
    review_requested: o.ReviewRequested = None,
    review_responded: o.ReviewResponded = None,
    extended: Annotated[bool, typer.Option("--extended", help="A FOIA s10(3) public-interest or EIR reg 7 extension was claimed.")] = False,
    json_out: o.Json = False,
    ics: Annotated[Optional[str], typer.Option("--ics", metavar="FILE", help="Also write the deadlines as a calendar file.")] = None,
    force: o.Force = False,
) -> None:
    """Every date that matters: when the reply was due, when to ask for a review, when to complain."""
    raise UserError("'appeal deadlines' is not built yet")
