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

    today = dt.date.today()
    dates = {
        "received": o.date_option("--received", received, today),
        "responded": o.date_option("--responded", responded, today),
        "review_requested": o.date_option("--review-requested", review_requested, today),
        "review_responded": o.date_option("--review-responded", review_responded, today),
    }
    notice = o.date_option("--decision-notice", decision_notice, today)
    chosen_regime = o.regime_option(regime)
    from_letter: list[str] = []
    reference = None
    if refusal is not None:
        letter_regime, letter_dates, from_letter, reference = _read_letter(refusal)
        chosen_regime = chosen_regime or letter_regime
        for key, value in letter_dates.items():
            if dates.get(key) is None and value is not None:  # options override the letter
                dates[key] = value
            else:
                from_letter = [n for n in from_letter if not n.startswith(key.replace("_", " "))]
    if not any(dates.values()) and notice is None:
        raise UserError(
            "no dates to work from: give --received, --responded, --review-requested, "
            "--review-responded or --decision-notice (or a letter that states them)"
        )
    if ics is not None and not force:
        from pathlib import Path

        if Path(ics).exists():  # fail before any output, not after
            raise UserError(f"{ics} already exists; use --force to overwrite it")

    from appeal.deadlines import compute_timeline

    timeline = compute_timeline(chosen_regime or "FOIA", extended=extended, today=today,
                                decision_notice=notice, **dates)
    if refusal is not None:
        timeline.notes[:0] = [f"Read from {refusal}: {item}." for item in from_letter]
        if chosen_regime is None:
            timeline.notes.insert(0, "The letter does not say which law it answers under; FOIA was assumed.")
    elif chosen_regime is None:
        timeline.notes.insert(0, "No --regime was given; FOIA was assumed.")

    if ics is not None:
        from appeal.deadlines.ics import timeline_to_ics
        from appeal.fileio import write_bytes

        if not timeline.events:
            raise UserError("no dated deadlines follow from the dates given, so there is nothing to write to --ics")
        prefix = f"{reference}: " if reference else ""
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


def _read_letter(path: str):
    """The regime and dates a letter states (via the ingest/parse stages)."""
    import datetime as dt

    try:
        from appeal.ingest import load_refusal
    except ImportError:
        raise UserError("reading a letter is not available in this build; give the dates as options") from None
    ref = load_refusal(path)

    def iso(value):
        return dt.date.fromisoformat(value) if value else None

    letter_date = iso(ref.dates.letter)
    found: list[str] = []
    if ref.is_review_outcome:
        dates = {"review_responded": letter_date}
        if letter_date:
            found.append(f"review responded {letter_date.isoformat()} (the date of the review outcome)")
    else:
        dates = {"received": iso(ref.dates.received), "responded": letter_date}
        if dates["received"]:
            found.append(f"received {dates['received'].isoformat()}")
        if letter_date:
            found.append(f"responded {letter_date.isoformat()} (the date of the letter)")
    if ref.regime:
        found.append(f"regime {ref.regime}")
    return ref.regime, dates, found, ref.reference
