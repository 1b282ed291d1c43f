"""`appeal rules [ID]` and `appeal precedents [ID]`: the rule catalogue and precedent library."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from appeal.cli import app, options as o
from appeal.errors import UserError


@app.command("rules")
def rules(rule_id: Annotated[Optional[str], typer.Argument(metavar="[ID]")] = None) -> None:
    """List the rules, or explain one with its legal basis."""
    raise UserError("'appeal rules' is not built yet")


@app.command("precedents")
def precedents(precedent_id: Annotated[Optional[str], typer.Argument(metavar="[ID]")] = None, json_out: o.Json = False) -> None:
    """List the precedent library, or show one entry."""
    raise UserError("'appeal precedents' is not built yet")
