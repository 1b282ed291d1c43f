"""`appeal scan PATH...`: many letters at once (a later issue fills this in)."""

from __future__ import annotations

from typing import Annotated

import typer

from appeal.cli import app
from appeal.errors import UserError


@app.command("scan")
def scan(paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Letters or folders of letters.")]) -> None:
    """Many letters: a table, cross-letter boilerplate, inconsistencies (not built yet)."""
    raise UserError("'appeal scan' is not built yet; run 'appeal check' on each letter for now")
