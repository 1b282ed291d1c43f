"""Options shared by several commands, so they are spelled the same everywhere."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

import typer

from appeal.errors import UserError

Received = Annotated[Optional[str], typer.Option("--received", help="Date the authority received the request (2019-09-25, 25/09/2019, '25th Sept 2019', yesterday).")]
Responded = Annotated[Optional[str], typer.Option("--responded", help="Date of the authority's response.")]
ReviewRequested = Annotated[Optional[str], typer.Option("--review-requested", help="Date the internal review was asked for.")]
ReviewResponded = Annotated[Optional[str], typer.Option("--review-responded", help="Date of the internal review outcome.")]
Regime = Annotated[Optional[str], typer.Option("--regime", help="foia, eir, foisa or eisr (default: read from the letter, else foia).")]
Json = Annotated[bool, typer.Option("--json", help="Print the machine form (design.md).")]
Force = Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")]
def _out_not_empty(value: str | None) -> str | None:
    """-o '' is a slip (an unset shell variable), not a wish to write beside the letter."""
    if value is not None and not value.strip():
        raise typer.BadParameter("the file name is empty: give a file name, or '-' for standard output")
    return value


Out = Annotated[Optional[str], typer.Option("-o", "--out", callback=_out_not_empty, help="Where to write; '-' for standard output.")]
Format = Annotated[str, typer.Option("--format", help="md, txt or docx.")]
RefusalArg = Annotated[str, typer.Argument(metavar="REFUSAL", help="The letter: .txt .html .htm .pdf .docx .eml, '-' for stdin, or a .json from 'appeal parse --json'.")]

REGIME_NAMES = {"foia": "FOIA", "eir": "EIR", "foisa": "FOISA", "eisr": "EISR"}


def regime_option(value: str | None) -> str | None:
    """Normalise --regime; None stays None (the caller decides the default)."""
    if value is None:
        return None
    key = value.strip().lower()
    if key not in REGIME_NAMES:
        raise UserError(f"--regime {value!r} is not one of foia, eir, foisa, eisr")
    return REGIME_NAMES[key]


def date_option(name: str, value: str | None, today: dt.date | None = None) -> dt.date | None:
    """Read a date option; errors name the option."""
    if value is None:
        return None
    from appeal.dates import parse_user_date

    try:
        return parse_user_date(value, today=today)
    except UserError as exc:
        raise UserError(f"{name}: {exc}") from None


def format_option(value: str) -> str:
    fmt = value.strip().lower()
    if fmt in ("markdown",):
        fmt = "md"
    if fmt in ("text", "plain"):
        fmt = "txt"
    if fmt not in ("md", "txt", "docx"):
        raise UserError(f"--format {value!r} is not one of md, txt, docx")
    return fmt
