"""A readable summary of a parsed refusal (what `appeal parse` prints)."""

from __future__ import annotations

import datetime as dt
import textwrap

from appeal.law.regimes import REGIMES
from appeal.model import Refusal

_NATIONS = {"england": "England", "wales": "Wales", "scotland": "Scotland",
            "northern-ireland": "Northern Ireland", "uk": "UK-wide"}
_REGIMES = {k: f"{k} ({r.instrument.removeprefix('the ')})" for k, r in REGIMES.items()}
_WIDTH = 88


def _date(iso: str | None) -> str:
    if not iso:
        return "not in the letter"
    try:
        return dt.date.fromisoformat(iso).strftime("%-d %B %Y")
    except ValueError:
        return iso


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def render_summary(refusal: Refusal, *, request_lines: int = 4) -> str:
    r = refusal
    out: list[str] = []
    a = r.authority
    if a.name:
        extra = ", ".join(x for x in (a.kind, _NATIONS.get(a.nation or "", a.nation)) if x)
        out.append(f"Authority:   {a.name}" + (f" ({extra})" if extra else ""))
    elif a.kind:
        out.append(f"Authority:   not named (a {a.kind}, by how the letter refers to itself)")
    else:
        out.append("Authority:   not found in the letter")
    out.append(f"Regime:      {_REGIMES.get(r.regime or '', r.regime or 'unknown')}")
    out.append(f"Reference:   {r.reference or 'not in the letter'}")
    out.append(f"Letter date: {_date(r.dates.letter)}")
    out.append(f"Received:    {_date(r.dates.received)}")
    if r.is_review_outcome:
        out.append("This is an internal-review outcome, not a first response.")
        rv = getattr(r, "review", None)
        if rv is not None:
            bits = [{"upheld": "original decision upheld", "partly-upheld": "original decision partly upheld",
                     "overturned": "original decision overturned"}.get(rv.result or "", "result not stated")]
            if rv.original_reference:
                bits.append(f"original request {rv.original_reference}")
            if rv.original_request_date:
                bits.append(f"made {_date(rv.original_request_date)}")
            if rv.original_response_date:
                bits.append(f"first answered {_date(rv.original_response_date)}")
            out.append("Review:      " + "; ".join(bits))
    if r.source:
        out.append(f"Source:      {'standard input' if r.source == '-' else r.source}")

    out.append("")
    if r.request_text:
        lines = [ln.strip() for ln in r.request_text.splitlines() if ln.strip()]
        out.append("Request:")
        for ln in lines[:request_lines]:
            out.extend(textwrap.wrap(ln, _WIDTH, initial_indent="  ", subsequent_indent="  ") or ["  "])
        if len(lines) > request_lines:
            out.append(f"  ... ({len(lines) - request_lines} more lines)")
    else:
        out.append("Request:     not quoted in the letter")

    out.append("")
    if r.exemptions:
        out.append("Exemptions relied on:")
        for e in r.exemptions:
            marks = []
            if e.ncnd:
                marks.append("[NCND]")
            if e.absolute:
                marks.append("[absolute]")
            elif e.absolute is False:
                marks.append("[qualified]")
            title = f" {e.title}" if e.title else ""
            line = f"  {e.citation:<14}{title} {' '.join(marks)}".rstrip()
            out.append(line)
            details = []
            if e.test:
                details.append(f"test: {e.test}")
            if e.likelihood:
                details.append("harm put as: " + ", ".join(f'"{w}"' for w in e.likelihood))
            elif e.test == "prejudice":
                details.append("no likelihood words near it" if e.harm_stated else "no harm stated near it")
            n = len(e.spans)
            if getattr(e, "found", "cited") == "inferred":
                details.append("inferred from the letter's words (no provision named)")
            else:
                details.append(f"cited {n} time{'s' if n != 1 else ''}")
            out.append("                " + "; ".join(details))
    else:
        out.append("Exemptions relied on: none found")

    qs = getattr(r, "questions", None) or []
    if len(qs) > 1 or (qs and qs[0].answer != "unknown"):
        out.append("")
        out.append("Question by question:")
        for q in qs:
            label = f"Q{q.number}" if q.number else "Request"
            ans = {"not-held": "not held", "ncnd": "neither confirmed nor denied", "cost": "refused on cost",
                   "unknown": "not clear from the letter"}.get(q.answer, q.answer)
            if q.exemptions:
                ans += " (" + ", ".join(q.exemptions) + ")"
            out.append(f"  {label + ':':<9}{ans}")

    out.append("")
    if r.ncnd:
        scope = {"all": "over the whole request",
                 "other": "over \"any other information\" (a bolt-on after answering)"}.get(r.ncnd_scope or "", "")
        out.append(f"Neither confirm nor deny: yes {scope}".rstrip())
    else:
        out.append("Neither confirm nor deny: no")
    out.append(f"Partial disclosure:       {_yes(r.partial_disclosure)}")
    out.append(f"Public-interest test:     {_yes(r.public_interest_test)}")
    out.append(f"Review rights stated:     {_yes(r.review_rights_stated)}")
    out.append(f"Commissioner rights:      {_yes(r.commissioner_rights_stated)}")
    if r.cost is not None:
        c = r.cost
        bits = []
        if c.hours is not None:
            bits.append(f"{c.hours:g} hours")
        if c.pounds is not None:
            bits.append(f"£{c.pounds:,.2f}".replace(".00", ""))
        est = ", ".join(bits) if bits else "no figure given"
        out.append(f"Cost estimate:            {est}; breakdown {_yes(c.breakdown_given)}; "
                   f"advice on narrowing {_yes(c.advice_given)}")
    if r.truncated:
        out.append("The text looks cut short: the letter may go on beyond what was read.")

    if r.assumptions:
        out.append("")
        out.append("Assumed (check these):")
        for s in r.assumptions:
            out.extend(textwrap.wrap(s, _WIDTH, initial_indent="  - ", subsequent_indent="    "))
    return "\n".join(out) + "\n"
