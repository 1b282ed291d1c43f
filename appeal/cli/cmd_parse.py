"""`appeal parse REFUSAL`: what was read from the letter (`--json` for the machine form)."""

from __future__ import annotations

import json

import typer

from appeal.cli import app, options as o


@app.command("parse")
def parse(refusal: o.RefusalArg, json_out: o.Json = False) -> None:
    """Print what was read from the letter: authority, regime, dates, exemptions, NCND."""
    from appeal.ingest import load_refusal

    r = load_refusal(refusal)
    if json_out:
        typer.echo(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
        return
    from appeal.parse.summary import render_summary

    typer.echo(render_summary(r), nl=False)
