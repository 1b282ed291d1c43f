"""`appeal check REFUSAL`: every weakness the rules engine finds, strongest first."""

from __future__ import annotations

import json
import textwrap
from typing import Annotated, Optional

import typer

from appeal.cli import app, options as o

Include = Annotated[Optional[list[str]], typer.Option("--include", metavar="RULE", help="Run only these rules (repeat, or comma-separate).")]
Exclude = Annotated[Optional[list[str]], typer.Option("--exclude", metavar="RULE", help="Skip these rules (repeat, or comma-separate).")]
Strict = Annotated[bool, typer.Option("--strict", help="Exit 1 when any strong finding is reported.")]
Minimum = Annotated[str, typer.Option("--minimum", metavar="STRENGTH", help="Report only findings at least this strong: strong, moderate or weak.")]


@app.command("check")
def check(
    refusal: o.RefusalArg,
    json_out: o.Json = False,
    received: o.Received = None,
    responded: o.Responded = None,
    review_requested: o.ReviewRequested = None,
    review_responded: o.ReviewResponded = None,
    regime: o.Regime = None,
    include: Include = None,
    exclude: Exclude = None,
    minimum: Minimum = "weak",
    strict: Strict = False,
) -> None:
    """Print every weakness found in the letter, strongest first, with the words quoted."""
    from appeal.case import gather_case
    from appeal.model import findings_to_dict
    from appeal.rules import run

    case = gather_case(refusal, regime=regime, received=received, responded=responded,
                       review_requested=review_requested, review_responded=review_responded)
    letter = case.refusal
    letter.regime = case.regime if case.regime_from != "assumed" else letter.regime
    from appeal.model import STRENGTHS
    from appeal.errors import UserError

    wanted = minimum.strip().lower()
    if wanted not in STRENGTHS:
        raise UserError(f"--minimum {minimum!r} is not one of {', '.join(STRENGTHS)}")
    report = run(letter, timeline=case.timeline, dates=case.rule_dates(), include=include or (),
                 exclude=exclude or (), minimum="weak")
    keep = STRENGTHS[: STRENGTHS.index(wanted) + 1]
    hidden = [f for f in report.findings if f.strength not in keep]
    report.findings = [f for f in report.findings if f.strength in keep]
    report.notes[:0] = case.assumptions
    report.hidden = len(hidden)
    if hidden:
        report.notes.insert(0, f"{len(hidden)} weaker finding{'s' if len(hidden) != 1 else ''} not shown "
                               f"(--minimum {wanted}): use --minimum weak to see them")
    from appeal.judge import decide_case, rank

    # The order a letter argues them, the lead ground first (design.md, machine forms).
    report.findings = rank(report.findings, letter)
    outcome = decide_case(case, report.findings + hidden)  # judged on everything found
    if json_out:
        out = findings_to_dict(report.findings, letter, outcome)
        out["notes"] = list(report.notes)
        out["case"] = case.to_dict()
        out["hidden"] = report.hidden  # findings below --minimum, not listed
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print(render_text(report, letter, outcome))
    if strict and any(f.strength == "strong" for f in report.findings):
        raise typer.Exit(1)


def render_text(report, letter, outcome=None) -> str:
    from appeal.rules import get_rule

    lines: list[str] = []
    name = letter.authority.name or "Unknown authority"
    head = f"{name}"
    if letter.reference:
        head += f", ref {letter.reference}"
    if letter.regime:
        head += f" ({letter.regime})"
    lines.append(head)
    if outcome is not None:
        lines.extend(textwrap.wrap(f"Outcome: {outcome.kind}: {outcome.reason}", width=96,
                                   subsequent_indent="  "))
        if outcome.kind == "nothing-to-argue":
            from appeal.flow import companion_notes

            for how, text in companion_notes(letter, letter):  # letter: the Refusal here
                if how == "confirm" and "confirm-complete" not in outcome.notes:
                    continue
                lead = {"confirm": "To be sure nothing was missed, send: ", "send": "Send instead: "}.get(how, "")
                lines.extend(textwrap.wrap(lead + text, width=96, initial_indent="  ", subsequent_indent="  "))
    n = len(report.findings)
    hidden = getattr(report, "hidden", 0)
    if n:
        lines.append(f"{n} finding{'s' if n != 1 else ''}, the likeliest to succeed first"
                     + (f" ({hidden} weaker not shown: use --minimum weak)" if hidden else ""))
    elif hidden:
        lines.append(f"No weaknesses at this strength; {hidden} weaker not shown (use --minimum weak).")
    else:
        lines.append("No weaknesses found by the rules.")
    if report.findings:
        lines.append("")
    for number, f in enumerate(report.findings, 1):
        lines.append(f"  {number}. {f.strength.upper():<8} {f.title}  [{f.rule}]")
        for e in f.evidence[:2]:
            quote = " ".join(e.quote.split())
            if len(quote) > 160:
                quote = quote[:157].rsplit(" ", 1)[0] + " ..."
            lines.extend(textwrap.wrap(f'"{quote}"', width=96, initial_indent="    ", subsequent_indent="     "))
        why = first_sentence(f.argument) or first_sentence(get_rule(f.rule).why)
        if len(why) > 240:
            why = why[:237].rsplit(" ", 1)[0] + " ..."
        lines.extend(textwrap.wrap("why: " + why, width=96, initial_indent="    ", subsequent_indent="         "))
        if f.precedents:
            lines.append("    see: " + ", ".join(f.precedents))
    assumed = list(letter.assumptions)
    if assumed or report.notes:
        lines.append("")
        lines.append("What was assumed or could not be checked")
        for a in assumed:
            lines.extend(textwrap.wrap(a, width=96, initial_indent="  - ", subsequent_indent="    "))
        for note in report.notes:
            lines.extend(textwrap.wrap(note, width=96, initial_indent="  - ", subsequent_indent="    "))
    return "\n".join(lines)


def first_sentence(text: str) -> str:
    import re

    text = " ".join(text.split())
    m = re.search(r"(?<=[.])[\"”]?\s+(?=[A-Z])", text)
    return text[: m.start()] if m else text
