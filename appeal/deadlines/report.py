"""The readable timeline: what is due, by when, on what basis, and how long is left."""

from __future__ import annotations

import datetime as dt
import textwrap

from appeal.model import Timeline

LABELS = {
    "response_due": "Response due",
    "response_due_alt": "Response due (disputed later date)",
    "response_due_extended": "Response due (extended)",
    "review_request_by": "Ask for an internal review by",
    "review_due": "Review outcome due",
    "review_due_max": "No review outcome by then: complain to {regulator}",
    "commissioner_complaint_by": "Complain to the Commissioner by",
    "tribunal_appeal_by": "Appeal to the First-tier Tribunal by",
}
_SIC = "Apply to the Scottish Commissioner by"
_INPUTS = (("received", "Request received"), ("responded", "Response"),
           ("review_requested", "Review asked for"), ("review_responded", "Review outcome"))


def event_label(event_id: str, regime: str) -> str:
    if event_id == "commissioner_complaint_by":
        from appeal.law.regimes import scottish

        return _SIC if scottish(regime) else f"Complain to {_regulator(regime)} by"
    label = LABELS.get(event_id, event_id)
    return label.format(regulator=_regulator(regime)) if "{regulator}" in label else label


def _regulator(regime: str) -> str:
    """The regulator in force today (appeal.law.regulator): its name is dated data."""
    from appeal.law.regulator import regulator_for

    try:
        return regulator_for(regime).name
    except Exception:  # noqa: BLE001 - a label must never stop the report
        return "the Commissioner"


def _day(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.strftime('%a')} {d.day:>2} {d.strftime('%b %Y')}"


def _status(passed: bool | None, left: int | None) -> str:
    if left is None:
        return ""
    if passed:
        n = -left
        return "passed" if n <= 0 else f"passed ({n} working day{'s' if n != 1 else ''} ago)"
    if left == 0:
        return "today"
    return f"{left} working day{'s' if left != 1 else ''} left"


def _wrap(text: str, indent: str, rest: str | None = None) -> str:
    return textwrap.fill(text, width=92, initial_indent=indent,
                         subsequent_indent=rest if rest is not None else indent)


def render_text(timeline: Timeline) -> str:
    t = timeline
    cal = {"uk-any-part": "working days exclude bank holidays in any part of the UK",
           "scotland": "working days exclude Scottish bank holidays only"}.get(t.calendar, f"calendar: {t.calendar}")
    lines = [f"{t.regime} timeline ({cal})"]
    if t.today:
        lines[0] += f", as of {_day(t.today).strip()}"
    lines.append("")
    given = [(label, t.inputs.get(k)) for k, label in _INPUTS if t.inputs.get(k)]
    width = 2 + max([len(label) for label, _ in given] + [len(event_label(e.id, t.regime)) for e in t.events]
                    + [len("Extension claimed")])
    for label, iso in given:
        lines.append(f"  {label + ':':<{width}}{_day(iso)}")
    if t.inputs.get("extended"):
        lines.append(f"  {'Extension claimed:':<{width}}yes")
    if given:
        lines.append("")
    for e in t.events:
        label = event_label(e.id, t.regime)
        status = _status(e.passed, e.working_days_left)
        lines.append(f"  {label + ':':<{width}}{_day(e.date)}   {status}")
        lines.append(_wrap(f"basis: {e.basis}", "      "))
        if e.note:
            lines.append(_wrap(e.note, "      "))
    if not t.events:
        lines.append("  No deadlines follow from the dates given.")
    verdicts = []
    if t.late is True:
        verdicts.append(f"The response was LATE by {t.late_by_working_days} working day(s).")
    elif t.late is False:
        verdicts.append("The response was on time.")
    elif t.late_by_working_days:
        verdicts.append("Whether the response was late is disputed (see the notes).")
    if t.review_late is True:
        verdicts.append(f"The internal review was LATE by {t.review_late_by_working_days} working day(s).")
    elif t.review_late is False:
        verdicts.append("The internal review was on time.")
    elif t.review_late_by_working_days:
        verdicts.append("Whether the review was late is disputed (see the notes).")
    if verdicts:
        lines += [""] + [f"  {v}" for v in verdicts]
    if t.holidays_skipped:
        lines += ["", "Holidays skipped:"] + [f"  {h}" for h in t.holidays_skipped]
    if t.notes:
        lines += ["", "Notes:"] + [_wrap(n, "  - ", "    ") for n in t.notes]
    return "\n".join(lines) + "\n"
