"""Options shared by several commands, so they are spelled the same everywhere."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

import typer


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
Format = Annotated[Optional[str], typer.Option("--format", help="md, txt or docx (default: from the -o file's extension, else md).")]
OutDir = Annotated[Optional[str], typer.Option("--out-dir", metavar="FOLDER", help="Write the letter into this folder, named after the refusal.")]
RefusalArg = Annotated[str, typer.Argument(metavar="REFUSAL", help="The letter: .txt .html .htm .pdf .docx .eml, '-' for stdin, or a .json from 'appeal parse --json'.")]

from appeal.law.regimes import REGIMES as _REGIMES  # noqa: E402

REGIME_NAMES = {r.option: k for k, r in _REGIMES.items()}


# The readers live in the domain (appeal.case, appeal.flow) so that nothing below the CLI
# imports it; these names stay for the commands that use them.
def regime_option(value: str | None) -> str | None:
    """Normalise --regime; None stays None (the caller decides the default)."""
    from appeal.case import read_regime

    return read_regime(value)


def date_option(name: str, value: str | None, today: dt.date | None = None) -> dt.date | None:
    """Read a date option; errors name the option."""
    from appeal.case import read_date

    return read_date(name, value, today or dt.date.today())


def format_option(value: str) -> str:
    from appeal.flow import read_format

    return read_format(value)
