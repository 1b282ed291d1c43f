"""The timeline as an iCalendar file (RFC 5545), written by hand: no dependency.

One all-day VEVENT per event: DTSTART;VALUE=DATE and DTEND the next day (DTEND is
exclusive), a stable UID so that importing again updates rather than duplicates, DTSTAMP
in UTC. Text values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11);
lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character (3.1).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from appeal.model import Timeline

PRODID = "-//appeal//appeal deadlines//EN"


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> bytes:
    """One content line, folded so that no physical line exceeds 75 octets (CRLF excluded)."""
    data = line.encode("utf-8")
    out: list[bytes] = []
    limit = 75
    while len(data) > limit:
        cut = limit
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # never inside a UTF-8 sequence
            cut -= 1
        out.append(data[:cut])
        data = data[cut:]
        limit = 74  # continuation lines start with one space
    out.append(data)
    return b"\r\n ".join(out) + b"\r\n"


def timeline_to_ics(timeline: Timeline, *, summary_prefix: str = "",
                    stamp: dt.datetime | None = None) -> bytes:
    from appeal.deadlines.report import event_label

    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.timezone.utc)
    dtstamp = stamp.strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    inputs = "|".join(f"{k}={v}" for k, v in sorted(timeline.inputs.items()))
    for e in timeline.events:
        day = dt.date.fromisoformat(e.date)
        seed = f"{timeline.regime}|{e.id}|{inputs}|{summary_prefix}".encode("utf-8")
        uid = f"{e.id}-{hashlib.sha256(seed).hexdigest()[:16]}@appeal.invalid"
        summary = f"{summary_prefix}{event_label(e.id, timeline.regime)} ({timeline.regime})"
        desc = f"Basis: {e.basis}"
        if e.note:
            desc += f"\n{e.note}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(desc)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)
