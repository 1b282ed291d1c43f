"""`appeal deadlines`: every date that matters, from dates given as options or read from a letter."""

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
    decision_notice: Annotated[Optional[str], typer.Option("--decision-notice", metavar="DATE", help="Date the Commissioner's decision notice was sent: adds tribunal_appeal_by (28 days, GRC Rules r22(1)(b)).")] = None,
    json_out: o.Json = False,
    ics: Annotated[Optional[str], typer.Option("--ics", metavar="FILE", help="Also write the deadlines as a calendar file.")] = None,
    force: o.Force = False,
) -> None:
    """Every date that matters: when the reply was due, when to ask for a review, when to complain."""
    import datetime as dt

    from appeal.case import gather_case

    today = dt.date.today()
    notice = o.date_option("--decision-notice", decision_notice, today)
    case = gather_case(refusal, regime=regime, received=received, responded=responded,
                       review_requested=review_requested, review_responded=review_responded,
                       extended=extended, today=today)
    if not case.dates and notice is None:
        raise UserError(
            "no dates to work from: give --received, --responded, --review-requested, "
            "--review-responded or --decision-notice (or a letter that states them)"
        )
    if ics is not None and not force:
        from pathlib import Path

        if Path(ics).exists():  # fail before any output, not after
            raise UserError(f"{ics} already exists; use --force to overwrite it")

    timeline = case.timeline
    if notice is not None:  # the step after the Commissioner: the tribunal
        from appeal.case import DATE_FIELDS
        from appeal.deadlines import compute_timeline

        timeline = compute_timeline(case.regime, extended=extended, today=today, decision_notice=notice,
                                    **{name: case.date(name) for name in DATE_FIELDS})
    reference = case.refusal.reference if refusal is not None else None
    authority = case.refusal.authority.name if refusal is not None else None
    timeline.notes[:0] = case.assumptions
    if refusal is not None:
        timeline.notes[:0] = [f"Read from {refusal}: {item}." for item in case.read_from_letter()]
        if case.regime_from == "assumed":
            timeline.notes.insert(0, "The letter does not say which law it answers under; FOIA was assumed.")
    elif case.regime_from == "assumed":
        timeline.notes.insert(0, "No --regime was given; FOIA was assumed.")

    if ics is not None:
        from appeal.deadlines.ics import timeline_to_ics
        from appeal.fileio import write_bytes

        if not timeline.events:
            raise UserError("no dated deadlines follow from the dates given, so there is nothing to write to --ics")
        # '<authority>: <event>' in a calendar of many requests; the reference when no name was found
        who = " ".join((authority or "").split()) or " ".join((reference or "").split())
        prefix = f"{who}: " if who else ""
        write_bytes(ics, timeline_to_ics(timeline, summary_prefix=prefix), force=force)

    if json_out:
        import json

        print(json.dumps(timeline.to_dict(), indent=2, ensure_ascii=False))
    else:
        from appeal.deadlines import render_text

        print(render_text(timeline), end="")
    if ics is not None:
        import sys

        print(f"appeal: wrote {len(timeline.events)} deadline(s) to {ics}", file=sys.stderr)

