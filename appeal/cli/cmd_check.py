"""`appeal check REFUSAL`: the findings (filled in by the rules engine)."""

from __future__ import annotations

from appeal.cli import app, options as o
from appeal.errors import UserError


@app.command("check")
def check(refusal: o.RefusalArg, json_out: o.Json = False) -> None:
    """Print every weakness found in the letter, strongest first, with the words quoted."""
    raise UserError("'appeal check' is not built yet")
