"""The .ics file, written by hand to RFC 5545: CRLF, escaping, folding, all-day events."""

from __future__ import annotations

import datetime as dt

import pytest

from appeal.deadlines import calendar as C
from appeal.deadlines.ics import escape_text, fold, timeline_to_ics
from appeal.deadlines.timeline import compute_timeline
from appeal.model import Event, Timeline

STAMP = dt.datetime(2019, 9, 26, 8, 30, tzinfo=dt.timezone.utc)


@pytest.fixture(autouse=True, scope="module")
def _private_cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("APPEAL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        C._reset_for_tests()
        yield
    C._reset_for_tests()


def unfold(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def test_escaping():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert escape_text("x\r\ny") == "x\\ny"


def test_folding_at_75_octets_keeps_utf8_characters_whole():
    line = "DESCRIPTION:" + "é" * 100 + "x" * 50
    folded = fold(line)
    physical = folded.split(b"\r\n")[:-1]
    assert len(physical) > 1
    assert all(len(p) <= 75 for p in physical)
    assert all(p.startswith(b" ") for p in physical[1:])
    for p in physical:
        p.decode("utf-8")  # raises if a character was split
    assert folded.decode("utf-8").replace("\r\n ", "").rstrip("\r\n") == line


def test_short_lines_are_not_folded():
    assert fold("VERSION:2.0") == b"VERSION:2.0\r\n"


def test_calendar_structure():
    t = compute_timeline("FOIA", received="2019-09-25", responded="2019-10-23", today="2019-09-26")
    data = timeline_to_ics(t, stamp=STAMP)
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF only
    assert all(len(p) <= 75 for p in data.split(b"\r\n"))
    lines = unfold(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(x.startswith("PRODID:") for x in lines)
    assert lines.count("BEGIN:VEVENT") == len(t.events) == lines.count("END:VEVENT")
    assert "DTSTART;VALUE=DATE:20191023" in lines and "DTEND;VALUE=DATE:20191024" in lines
    assert lines.count("DTSTAMP:20190926T083000Z") == len(t.events)
    uids = [x for x in lines if x.startswith("UID:")]
    assert len(set(uids)) == len(t.events)
    summaries = [x for x in lines if x.startswith("SUMMARY:")]
    assert "SUMMARY:Response due (FOIA)" in summaries
    desc = next(x for x in lines if x.startswith("DESCRIPTION:Basis: FOIA s10(1)"))
    assert "\\n" in desc and "\\;" in desc  # the note is on its own line; ';' escaped


def test_dtend_crosses_the_year():
    t = Timeline(regime="FOIA", calendar="uk-any-part",
                 events=[Event(id="review_due", date="2019-12-31", basis="b, with; specials\\")])
    lines = unfold(timeline_to_ics(t, stamp=STAMP))
    assert "DTSTART;VALUE=DATE:20191231" in lines and "DTEND;VALUE=DATE:20200101" in lines
    assert "DESCRIPTION:Basis: b\\, with\\; specials\\\\" in lines


def test_uids_are_stable_across_runs():
    t = compute_timeline("FOIA", received="2019-09-25", today="2019-09-26")
    a = timeline_to_ics(t, stamp=STAMP)
    b = timeline_to_ics(t, stamp=STAMP + dt.timedelta(hours=1))
    uid = lambda d: [x for x in unfold(d) if x.startswith("UID:")]  # noqa: E731
    assert uid(a) == uid(b)


def test_parses_with_icalendar_when_available():
    import icalendar  # a test dependency: missing, this test must fail, not skip
    t = compute_timeline("FOISA", review_requested="2019-10-23", review_responded="2019-11-01",
                         today="2019-11-02")
    cal = icalendar.Calendar.from_ical(timeline_to_ics(t, summary_prefix="Ref 123, ", stamp=STAMP))
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(t.events)
    starts = sorted(e.decoded("DTSTART") for e in events)
    assert starts == sorted(dt.date.fromisoformat(e.date) for e in t.events)
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == dt.timedelta(days=1) for e in events)
    assert any(str(e.get("SUMMARY")).startswith("Ref 123, ") for e in events)
