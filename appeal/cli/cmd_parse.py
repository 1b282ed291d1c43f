"""`appeal parse REFUSAL`: the parsed refusal (filled in by the parser)."""

from __future__ import annotations

from appeal.cli import app, options as o
from appeal.errors import UserError


@app.command("parse")
def parse(refusal: o.RefusalArg, json_out: o.Json = False) -> None:
    """Print what was read from the letter: authority, regime, dates, exemptions, NCND."""
    raise UserError("'appeal parse' is not built yet")
