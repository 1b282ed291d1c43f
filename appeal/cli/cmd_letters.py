"""`appeal review` and `appeal complaint`: the letters (machinery in appeal.render)."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from appeal.cli import app, options as o

Name = Annotated[Optional[str], typer.Option("--name", help="Your name (else APPEAL_NAME, else the config file).")]
Email = Annotated[Optional[str], typer.Option("--email", help="Your e-mail address (else APPEAL_EMAIL, else the config file).")]
Address = Annotated[Optional[str], typer.Option("--address", help="Your postal address; lines separated by commas (else APPEAL_ADDRESS, else the config file).")]
Config = Annotated[Optional[str], typer.Option("--config", metavar="FILE", help="Config file with your details (default: $XDG_CONFIG_HOME/appeal/config.toml or ~/.config/appeal/config.toml).")]
Include = Annotated[Optional[list[str]], typer.Option("--include", metavar="RULE", help="Only these rules (repeatable); a rule named here is used even when weak.")]
Accept = Annotated[Optional[list[str]], typer.Option("--accept", metavar="EXEMPTION", help="An exemption you accept, e.g. s40(2) (repeatable): the complaint and the ICO form say the others are disputed.")]
Exclude = Annotated[Optional[list[str]], typer.Option("--exclude", metavar="RULE", help="Leave this rule out (repeatable).")]
AllGrounds = Annotated[bool, typer.Option("--all", help="Every ground found: weak ones too, and those past the five-ground cap (default: the five likeliest to succeed that fit two pages).")]
LetterDate = Annotated[Optional[str], typer.Option("--date", help="The letter's date (default: today).")]
TemplateDir = Annotated[Optional[str], typer.Option("--template-dir", metavar="DIR", help="Your own templates, used before the shipped ones.")]
ReviewOutcome = Annotated[Optional[str], typer.Option("--review-outcome", metavar="FILE", help="The internal review outcome letter; its own weaknesses become grounds too.")]


def _run(kind: str, **kw) -> None:
    from appeal.flow import Options, make_letter, summary, write

    opts = Options(kind=kind, **kw)
    result = make_letter(opts)
    where = write(result, force=opts.force)
    # The summary goes where it cannot mix with the letter.
    stream = sys.stderr if result.target is None else sys.stdout
    stream.write(summary(result, where))


@app.command("review")
def review(
    refusal: o.RefusalArg,
    out: o.Out = None,
    out_dir: o.OutDir = None,
    fmt: o.Format = None,
    force: o.Force = False,
    regime: o.Regime = None,
    received: o.Received = None,
    responded: o.Responded = None,
    review_requested: o.ReviewRequested = None,
    name: Name = None,
    email: Email = None,
    address: Address = None,
    config: Config = None,
    include: Include = None,
    exclude: Exclude = None,
    all_grounds: AllGrounds = False,
    date: LetterDate = None,
    template_dir: TemplateDir = None,
) -> None:
    """Parse, check, work out the dates and write the internal-review request."""
    _run("review", refusal=refusal, out=out, out_dir=out_dir, fmt=fmt, force=force, regime=regime,
         received=received, responded=responded, review_requested=review_requested,
         name=name, email=email, address=address, config=config,
         include=tuple(include or ()), exclude=tuple(exclude or ()), all=all_grounds,
         date=date, template_dir=template_dir)


@app.command("complaint")
def complaint(
    refusal: o.RefusalArg,
    out: o.Out = None,
    out_dir: o.OutDir = None,
    fmt: o.Format = None,
    force: o.Force = False,
    regime: o.Regime = None,
    received: o.Received = None,
    responded: o.Responded = None,
    review_requested: o.ReviewRequested = None,
    review_responded: o.ReviewResponded = None,
    review_outcome: ReviewOutcome = None,
    name: Name = None,
    email: Email = None,
    address: Address = None,
    config: Config = None,
    include: Include = None,
    exclude: Exclude = None,
    accept: Accept = None,
    all_grounds: AllGrounds = False,
    date: LetterDate = None,
    template_dir: TemplateDir = None,
) -> None:
    """Write the complaint to the regulator: the Information Commissioner (FOIA, EIR) or the Scottish Information Commissioner (FOISA, EISR)."""
    _run("complaint", refusal=refusal, out=out, out_dir=out_dir, fmt=fmt, force=force, regime=regime,
         received=received, responded=responded, review_requested=review_requested,
         review_responded=review_responded, review_outcome=review_outcome,
         name=name, email=email, address=address, config=config,
         include=tuple(include or ()), exclude=tuple(exclude or ()), accept=tuple(accept or ()),
         all=all_grounds, date=date, template_dir=template_dir)
