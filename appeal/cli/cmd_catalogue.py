"""`appeal rules [ID]` and `appeal precedents [ID]`: the rule catalogue and precedent library."""

from __future__ import annotations

import json
import textwrap
from typing import Annotated, Optional

import typer

from appeal.cli import app, options as o
from appeal.errors import UserError


@app.command("rules")
def rules(rule_id: Annotated[Optional[str], typer.Argument(metavar="[ID]")] = None) -> None:
    """List the rules, or explain one with its legal basis."""
    from appeal.rules.registry import BATCH_ONLY, all_rules, get_rule

    if rule_id is None:
        catalogue = all_rules()
        width = max(len(r.id) for r in catalogue)
        for r in catalogue:
            batch = " (appeal scan only)" if r.id in BATCH_ONLY else ""
            print(f"{r.id:<{width}}  {r.strength_range:<15}  {r.title}{batch}")
        return
    print(describe_rule(get_rule(rule_id.strip())))


def describe_rule(rule) -> str:
    from appeal.rules.context import precedents_for

    wrap = lambda s, ind="  ": textwrap.fill(s, width=96, initial_indent=ind, subsequent_indent=ind)  # noqa: E731
    out = [f"{rule.id}: {rule.title}", f"  strength: {rule.strength_range}; regimes: {', '.join(rule.regimes)}", ""]
    out += ["What it detects", wrap(rule.detects), "", "Why it is a weakness in law", wrap(rule.why), "",
            "Example", wrap(rule.example), ""]
    if getattr(rule, "near_miss", ""):
        out += ["Near miss (the rule stays silent)", wrap(rule.near_miss), ""]
    out.append("References")
    out += [f"  - {ref}" for ref in rule.references]
    cited = []
    try:
        from appeal.precedents import get
        for pid in sorted({p for reg in rule.regimes for p in precedents_for(rule.id, reg)}):
            p = get(pid)
            if p is not None:
                cited.append(f"  - {pid}: {p.letter_citation}")
    except ImportError:
        pass
    if cited:
        out += ["", "Precedents the letters cite for it"] + cited
    return "\n".join(out)


@app.command("precedents")
def precedents(
    precedent_id: Annotated[Optional[str], typer.Argument(metavar="[ID]")] = None,
    json_out: o.Json = False,
) -> None:
    """List the precedent library, or show one entry."""
    from appeal import precedents as lib

    if precedent_id is None:
        items = lib.load_all()
    else:
        p = lib.get(precedent_id.strip())
        if p is None:
            raise UserError(f"unknown precedent {precedent_id!r} (see 'appeal precedents' for the list)")
        items = [p]
    if json_out:
        print(json.dumps(lib.to_dict(items), indent=2, ensure_ascii=False))
        return
    if precedent_id is None:
        width = max((len(p.id) for p in items), default=10)
        for p in items:
            flag = ("verified" if p.verified else "UNVERIFIED") + f", {p.direction}"
            print(f"{p.id:<{width}}  {flag:<20}  {'/'.join(p.regimes):<20}  {p.letter_citation}")
        return
    p = items[0]
    wrap = lambda s: textwrap.fill(" ".join(s.split()), width=96, initial_indent="  ", subsequent_indent="  ")  # noqa: E731
    out = [p.id, f"  {p.letter_citation}", f"  {p.court_or_body}" + (f", {p.date}" if p.date else ""),
           f"  {'verified' if p.verified else 'NOT VERIFIED: never cited in letters'}"
           + f"; {p.direction}" + ("; cuts against the requester" if p.against_requester else "")
           + f"; regimes {', '.join(p.regimes)}",
           f"  source: {p.source_url}", "", "Holding (our paraphrase)", wrap(p.holding)]
    if p.supports:
        out += ["", "Supports rules: " + ", ".join(p.supports)]
    if p.caution:
        out += ["", "Caution", wrap(p.caution)]
    print("\n".join(out))
