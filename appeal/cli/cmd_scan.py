"""`appeal scan PATH...`: many letters at once (machinery in appeal.batch)."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from appeal.cli import app, options as o
from appeal.errors import UserError


LetterFormat = Annotated[str, typer.Option("--format", help="md, txt or docx: the letters written with --out-dir.")]


class _Progress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // max(1, total)
        if filled == self.last and done != total:
            return
        self.last = filled
        sys.stderr.write(f"\rscanning [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\r" + " " * (width + 30) + "\r")
        sys.stderr.flush()


@app.command("scan")
def scan(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Letters, folders (read recursively) or globs such as 'replies/*.pdf'.")],
    request: Annotated[Optional[str], typer.Option("--request", metavar="FILE", help="The request sent to every authority, for letters that do not quote it.")] = None,
    csv_out: Annotated[bool, typer.Option("--csv", help="Print the table as CSV.")] = False,
    json_out: o.Json = False,
    html: Annotated[Optional[str], typer.Option("--html", metavar="FILE", help="Also write a self-contained HTML report (sortable table, stock text, who disclosed what).")] = None,
    out_dir: Annotated[Optional[str], typer.Option("--out-dir", metavar="DIR", help="Write the review request or complaint for every letter that warrants one, a deadlines.ics and an index.")] = None,
    fmt: LetterFormat = "md",
    force: o.Force = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", metavar="N", help="Worker processes (default: the number of cores).")] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="Your name, for the letters.")] = None,
    email: Annotated[Optional[str], typer.Option("--email", help="Your e-mail address, for the letters.")] = None,
    address: Annotated[Optional[str], typer.Option("--address", help="Your postal address; lines separated by commas.")] = None,
    config: Annotated[Optional[str], typer.Option("--config", metavar="FILE", help="Config file with your details.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="The day the batch is judged on and the letters are dated (default: today): which deadlines have passed, and so each letter's next step.")] = None,
) -> None:
    """Many letters: a table, stock text shared across authorities, who disclosed what, batch grounds."""
    if csv_out and json_out:
        raise UserError("--csv and --json print different forms: choose one")
    if jobs is not None and jobs < 1:
        raise UserError(f"--jobs {jobs}: give 1 or more")
    from appeal.batch import run

    plan = None
    if out_dir is not None:
        from appeal.batch.letters import Plan

        plan = Plan(out_dir, o.format_option(fmt), force=force, name=name, email=email, address=address,
                    config=config, date=date)
        plan.check_early()
    if html is not None:
        from appeal.batch.html import check_target

        check_target(html, force=force)
    today = None
    if date is not None:
        from appeal.case import read_date
        import datetime as dt

        today = read_date("--date", date, dt.date.today())
    progress = _Progress() if sys.stderr.isatty() else None
    batch = run(paths, request=request, jobs=jobs, progress=progress, today=today)
    from appeal.batch import report

    if json_out:
        sys.stdout.write(report.to_json(batch))
    elif csv_out:
        sys.stdout.write(report.to_csv(batch))
    else:
        sys.stdout.write(report.to_text(batch))
    if html is not None:
        from appeal.batch.html import write_html

        where = write_html(batch, html, force=force)
        print(f"appeal: report written to {where}", file=sys.stderr)
    if plan is not None:
        written = plan.write(batch)
        print(f"appeal: {written} letter{'s' if written != 1 else ''} written to {out_dir} "
              f"(see index.md there)", file=sys.stderr)
    errors = len(batch.errors)
    if errors:
        print(f"appeal: {errors} of {len(batch.letters)} letters could not be read (see the Error column)",
              file=sys.stderr)
        raise typer.Exit(1)
