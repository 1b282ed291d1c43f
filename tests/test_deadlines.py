"""The timeline: every rule of facts.md section 1, lateness, notes, and the `appeal deadlines` CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from cli_util import run
from appeal.deadlines import compute_timeline, render_text
from appeal.deadlines import calendar as C
from appeal.deadlines.calendar import WorkingDayCalendar
from appeal.deadlines.timeline import add_months
from appeal.errors import UserError
from appeal.law import time_limits

FIXED_IDS = {"response_due", "response_due_alt", "response_due_extended", "review_request_by",
             "review_due", "review_due_max", "commissioner_complaint_by"}
TODAY = "2030-01-01"


@pytest.fixture(autouse=True, scope="module")
def _private_cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("APPEAL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        C._reset_for_tests()
        yield
    C._reset_for_tests()


def tl(regime="FOIA", **kw):
    kw.setdefault("today", TODAY)
    return compute_timeline(regime, **kw)


def date_of(timeline, event_id):
    ev = timeline.event(event_id)
    return ev.date if ev else None


def joined_notes(timeline):
    return " ".join(timeline.notes)


# ---- the response ---------------------------------------------------------------------------------
@pytest.mark.parametrize("regime,received,due,why", [
    ("FOIA", "2019-09-25", "2019-10-23", "the issue's example: no holidays"),
    ("FOIA", "2018-03-13", "2018-04-13", "NI St Patrick's substitute 19 March, Good Friday, Easter Monday"),
    ("FOISA", "2018-03-13", "2018-04-11", "Scotland: only Good Friday of the three"),
    ("EIR", "2018-03-13", "2018-04-13", "EIR counts like FOIA"),
    ("EISR", "2018-03-13", "2018-04-11", "EISR counts like FOISA"),
    ("FOIA", "2022-07-01", "2022-08-02", "NI 12 July and Scotland's 1 August both count for FOIA"),
    ("FOISA", "2022-07-01", "2022-07-29", "the NI day does not count in Scotland"),
    ("FOIA", "2022-09-05", "2022-10-04", "the Queen's funeral, 19 September 2022 (proclamation)"),
    ("FOIA", "2023-04-24", "2023-05-24", "Coronation 8 May 2023 and the 1 May holiday"),
    ("FOIA", "2026-06-05", "2026-07-06", "Scottish one-off day 15 June 2026 counts for FOIA"),
    ("FOISA", "2026-06-05", "2026-07-06", "and for FOISA"),
    ("FOIA", "2021-12-20", "2022-01-21", "year end: 27, 28 Dec and 3 Jan substitutes, Scottish 4 Jan"),
    ("FOIA", "2024-02-01", "2024-02-29", "leap year: 29 February is a working day"),
    ("FOIA", "2023-02-01", "2023-03-01", "non-leap year"),
    ("FOIA", "2014-12-31", "2015-01-30", "New Year's Day and Scotland's 2 January"),
])
def test_response_due(regime, received, due, why):
    t = tl(regime, received=received)
    assert date_of(t, "response_due") == due, why
    ev = t.event("response_due")
    assert ev.basis.startswith({"FOIA": "FOIA s10(1)", "EIR": "EIR reg 5(2)", "FOISA": "FOISA s10(1)",
                                "EISR": "EI(S)R reg 5(2)(a)"}[regime])
    assert t.calendar == ("scotland" if regime in ("FOISA", "EISR") else "uk-any-part")


def test_holidays_skipped_are_listed_with_their_region():
    t = tl(received="2018-03-13")
    assert t.holidays_skipped[:3] == [
        "2018-03-19 Saint Patrick's Day (observed) (Northern Ireland)",
        "2018-03-30 Good Friday",
        "2018-04-02 Easter Monday (England & Wales, Northern Ireland)",
    ]
    scot = tl("FOISA", received="2018-03-13").holidays_skipped
    assert scot[0] == "2018-03-30 Good Friday"
    assert not any("Patrick" in h or "Easter Monday" in h for h in scot)


# ---- receipt on a non-working day ------------------------------------------------------------------
def test_weekend_receipt_gives_the_disputed_alternative():
    t = tl(received="2019-09-28")  # a Saturday
    assert date_of(t, "response_due") == "2019-10-25"  # day 1 is Monday 30 September
    assert date_of(t, "response_due_alt") == "2019-10-28"  # Tuesday as day 1
    assert "disputed" in t.event("response_due_alt").note.lower()
    assert "disputed" in joined_notes(t).lower()


def test_working_day_receipt_has_no_alternative():
    assert tl(received="2019-09-27").event("response_due_alt") is None


def test_bank_holiday_receipt_gives_the_alternative():
    t = tl(received="2019-04-19")  # Good Friday
    assert t.event("response_due_alt") is not None
    assert "Good Friday" in t.event("response_due_alt").note


def test_reply_on_the_disputed_day_is_not_called_late():
    t = tl(received="2019-09-28", responded="2019-10-28")
    assert t.late is None and t.late_by_working_days == 1
    assert "not called late" in joined_notes(t)


def test_reply_after_the_disputed_day_is_late():
    t = tl(received="2019-09-28", responded="2019-10-29")
    assert t.late is True and t.late_by_working_days == 2


def test_reply_one_day_late_after_working_day_receipt_is_late():
    t = tl(received="2019-09-25", responded="2019-10-24")
    assert t.late is True and t.late_by_working_days == 1


def test_reply_on_the_due_day_is_on_time():
    t = tl(received="2019-09-25", responded="2019-10-23")
    assert t.late is False and t.late_by_working_days == 0


def test_lateness_counts_working_days_over_holidays():
    # due 2018-04-13; 2018-05-07 is a bank holiday everywhere
    t = tl(received="2018-03-13", responded="2018-05-08")
    assert t.late is True and t.late_by_working_days == 16


def test_reply_on_a_saturday_after_a_friday_deadline_is_late():
    t = tl(received="2019-09-25", responded="2019-10-26")  # due Wed 23, reply Sat 26
    assert t.late is True and t.late_by_working_days >= 1


def test_no_response_date_means_lateness_is_unknown():
    t = tl(received="2019-09-25")
    assert t.late is None
    assert "late since 2019-10-23" in joined_notes(t)


# ---- extensions ------------------------------------------------------------------------------------
def test_foia_public_interest_extension_is_the_ico_norm_not_statute():
    t = tl(received="2019-09-25", extended=True)
    ev = t.event("response_due_extended")
    assert ev.date == "2019-11-20"  # 20 more working days after 2019-10-23
    assert "not statute" in ev.basis and "s10(3)" in ev.basis
    assert "s17(2)" in joined_notes(t)


def test_foia_extension_changes_lateness_only_when_claimed():
    assert tl(received="2019-09-25", responded="2019-11-01").late is True
    t = tl(received="2019-09-25", responded="2019-11-01", extended=True)
    assert t.late is False
    t = tl(received="2019-09-25", responded="2019-11-21", extended=True)
    assert t.late is True and t.late_by_working_days == 1


def test_extension_event_only_when_claimed():
    assert tl(received="2019-09-25").event("response_due_extended") is None


def test_eir_reg7_extension_is_40_working_days_from_receipt():
    t = tl("EIR", received="2019-09-25", extended=True)
    ev = t.event("response_due_extended")
    assert ev.date == "2019-11-20" and ev.basis == "EIR reg 7(1)"
    assert "complex and voluminous" in ev.note


def test_foisa_has_no_extension():
    t = tl("FOISA", received="2019-09-25", responded="2019-11-01", extended=True)
    assert t.event("response_due_extended") is None
    assert "no public-interest extension" in joined_notes(t)
    assert t.late is True


def test_eisr_extension_is_unverified_so_not_judged():
    t = tl("EISR", received="2019-09-25", responded="2019-11-01", extended=True)
    assert t.event("response_due_extended") is None
    assert t.late is None and "not seen" in joined_notes(t)
    assert tl("EISR", received="2019-09-25", responded="2019-11-01").late is True


def test_weekend_receipt_with_extension_keeps_the_dispute():
    t = tl(received="2019-09-28", extended=True)
    ext = t.event("response_due_extended").date
    day_after = C.calendar_for("uk-any-part").add_working_days(dt.date.fromisoformat(ext), 1)
    assert tl(received="2019-09-28", extended=True, responded=day_after).late is None


# ---- asking for and getting a review ----------------------------------------------------------------
def test_foia_review_request_window_is_40_working_days_non_statutory():
    t = tl(responded="2019-10-23")
    ev = t.event("review_request_by")
    assert ev.date == "2019-12-19"
    assert "not statute" in ev.basis


def test_review_request_window_crosses_christmas():
    t = tl(responded="2019-12-02")
    # 25, 26 Dec 2019 and 1, 2 Jan 2020 (Scotland's 2 January counts for FOIA)
    assert t.event("review_request_by").date == "2020-01-31"
    assert "2020-01-02 New Year Holiday (Scotland)" in t.holidays_skipped


def test_foia_review_20_then_40_working_days():
    t = tl(review_requested="2019-10-23")
    assert date_of(t, "review_due") == "2019-11-20"
    assert date_of(t, "review_due_max") == "2019-12-19"  # St Andrew's substitute 2 Dec
    assert "ICO will accept a complaint" in t.event("review_due_max").note
    assert "not statute" in joined_notes(t)


def test_foia_review_late_but_within_the_maximum():
    t = tl(review_requested="2019-10-23", review_responded="2019-11-27")
    assert t.review_late is True and t.review_late_by_working_days == 5
    # s45 Code para 5.5: 40 working days is not a cap; the note must not call it one
    assert "within 40 working days" in joined_notes(t) and "para 5.5" in joined_notes(t)
    assert "maximum" not in joined_notes(t)


def test_foia_review_past_the_maximum():
    t = tl(review_requested="2019-10-23", review_responded="2020-01-06")
    assert t.review_late is True and "past 40 working days" in joined_notes(t)
    assert "accepts a complaint" in joined_notes(t) and "maximum" not in joined_notes(t)


def test_foia_review_on_time():
    assert tl(review_requested="2019-10-23", review_responded="2019-11-20").review_late is False


def test_eir_review_is_40_working_days_statutory():
    t = tl("EIR", review_requested="2019-10-23", review_responded="2019-12-19")
    assert date_of(t, "review_due") == "2019-12-19"
    assert t.event("review_due").basis == "EIR reg 11(4)"
    assert t.event("review_due_max") is None
    assert t.review_late is False
    assert tl("EIR", review_requested="2019-10-23", review_responded="2019-12-20").review_late is True


def test_eir_representations_within_40_working_days():
    t = tl("EIR", responded="2019-10-23")
    assert date_of(t, "review_request_by") == "2019-12-19"
    assert t.event("review_request_by").basis == "EIR reg 11(2)"


def test_foisa_review_20_working_days_statutory():
    t = tl("FOISA", responded="2019-10-23", review_requested="2019-10-30", review_responded="2019-11-28")
    assert t.event("review_request_by").basis == "FOISA s20"
    assert t.event("review_due").basis == "FOISA s21(1)"
    assert date_of(t, "review_due") == "2019-11-27"
    assert t.event("review_due_max") is None
    assert t.review_late is True and t.review_late_by_working_days == 1


def test_foisa_no_response_review_window_runs_from_the_deadline():
    t = tl("FOISA", received="2019-09-25")
    assert date_of(t, "response_due") == "2019-10-23"
    assert date_of(t, "review_request_by") == "2019-12-19"
    assert "response deadline" in t.event("review_request_by").note


def test_review_asked_on_a_weekend_is_disputed_by_one_day():
    # asked Saturday 2019-10-26: due Friday 2019-11-22; the day after is disputed
    t = tl(review_requested="2019-10-26", review_responded="2019-11-25")
    assert date_of(t, "review_due") == "2019-11-22"
    assert t.review_late is None and "Disputed" in joined_notes(t)


# ---- the Commissioner -----------------------------------------------------------------------------------
def test_ico_six_weeks_from_the_review_outcome_is_policy():
    t = tl(review_requested="2019-10-23", review_responded="2019-11-20")
    ev = t.event("commissioner_complaint_by")
    assert ev.date == "2020-01-01"  # 42 calendar days; New Year's Day itself
    assert "not statute" in ev.basis
    assert "No rule is known" in ev.note
    assert "2019-12-31" in ev.note  # be safe: the working day before


def test_ico_no_complaint_date_without_a_review_outcome():
    t = tl(responded="2019-10-23")
    assert t.event("commissioner_complaint_by") is None
    assert "internal review before" in joined_notes(t)


def test_ico_accepts_complaint_without_review_after_40_working_days_note():
    t = tl(review_requested="2019-10-23")
    assert "2019-12-19" in joined_notes(t) and "without one" in joined_notes(t)


def test_sic_six_months_after_the_review_notice():
    t = tl("FOISA", review_requested="2019-07-01", review_responded="2019-08-31")
    ev = t.event("commissioner_complaint_by")
    assert ev.date == "2020-02-29"  # no 31 February: the month's last day (leap year)
    assert ev.basis == "FOISA s47(4)"
    assert "six months" in joined_notes(t).lower()


def test_sic_six_months_after_the_review_deadline_when_no_notice():
    t = tl("FOISA", review_requested="2019-10-23")
    assert date_of(t, "review_due") == "2019-11-20"
    assert date_of(t, "commissioner_complaint_by") == "2020-05-20"


def test_eisr_sic_six_months():
    t = tl("EISR", review_requested="2019-10-23", review_responded="2019-11-01")
    assert date_of(t, "commissioner_complaint_by") == "2020-05-01"
    assert "EI(S)R reg 17" in t.event("commissioner_complaint_by").basis


def test_add_months():
    assert add_months(dt.date(2019, 8, 31), 6) == dt.date(2020, 2, 29)
    assert add_months(dt.date(2019, 9, 30), 6) == dt.date(2020, 3, 30)
    assert add_months(dt.date(2019, 12, 31), 2) == dt.date(2020, 2, 29)
    assert add_months(dt.date(2021, 8, 31), 6) == dt.date(2022, 2, 28)


# ---- the whole timeline -------------------------------------------------------------------------------------
def test_full_timeline_ids_bases_and_today():
    t = tl(received="2019-09-25", responded="2019-10-23", review_requested="2019-10-30",
           review_responded="2019-11-27", today="2019-11-01")
    ids = [e.id for e in t.events]
    assert set(ids) <= FIXED_IDS
    assert {"response_due", "review_request_by", "review_due", "review_due_max",
            "commissioner_complaint_by"} <= set(ids)
    assert all(e.basis for e in t.events)
    assert [e.date for e in t.events] == sorted(e.date for e in t.events)
    due = t.event("response_due")
    assert due.passed is True and due.working_days_left < 0
    rv = t.event("review_due")  # 2019-11-27, from Friday 1 November: 18 working days
    assert rv.passed is False and rv.working_days_left == 18


def test_working_days_left_is_zero_on_the_day():
    ev = tl(received="2019-09-25", today="2019-10-23").event("response_due")
    assert ev.working_days_left == 0 and ev.passed is False


def test_json_form():
    d = tl(received="2019-09-25").to_dict()
    assert d["schema"] == "appeal.deadlines/1"
    assert d["regime"] == "FOIA" and d["calendar"] == "uk-any-part"
    assert {"id", "date", "basis", "note"} <= set(d["events"][0])
    assert "late" in d and "holidays_skipped" in d and "notes" in d
    json.dumps(d)


def test_injected_calendar_is_used():
    cal = WorkingDayCalendar({dt.date(2019, 10, 1): "test day"}, name="test")
    t = tl(received="2019-09-25", calendar=cal)
    assert t.calendar == "test"
    assert date_of(t, "response_due") == "2019-10-24"


def test_dates_out_of_order_are_user_errors():
    with pytest.raises(UserError, match="before"):
        tl(received="2019-10-25", responded="2019-10-01")
    with pytest.raises(UserError, match="before"):
        tl(review_requested="2019-10-25", review_responded="2019-10-01")


def test_unknown_regime_is_a_user_error():
    with pytest.raises(UserError):
        compute_timeline("GDPR", received="2019-09-25")


def test_readable_text():
    text = render_text(tl(received="2018-03-13", responded="2018-04-20", today="2018-04-20"))
    assert "Response due:" in text and "Fri 13 Apr 2018" in text
    assert "basis: FOIA s10(1)" in text
    assert "LATE by 5 working day(s)" in text
    assert "2018-03-19 Saint Patrick's Day (observed) (Northern Ireland)" in text
    assert "passed" in text


def test_readable_text_counts_down():
    text = render_text(tl(received="2019-09-25", today="2019-10-21"))
    assert "2 working days left" in text


# ---- the data file ---------------------------------------------------------------------------------------
def test_every_time_limit_has_its_basis_and_source():
    for key in time_limits.regimes():
        reg = time_limits.regime(key)
        assert {"response", "review_request", "review", "complaint"} <= set(reg.limits)
        for lim in reg.limits.values():
            assert lim.basis and lim.source.startswith("http") and lim.note
            assert lim.status in ("verified", "secondary", "unverified")
            assert (lim.working_days, lim.weeks, lim.months, lim.days).count(None) == 3
            if not lim.statutory:
                assert "not statute" in lim.basis or "not statute" in lim.note


def test_a_limit_without_basis_is_rejected():
    data = {"calendars": {"c": {}}, "regimes": {"X": {"calendar": "c", "response": {
        "working_days": 20, "from": "received", "source": "http://x", "note": "n",
        "status": "verified", "statutory": True}}}}
    with pytest.raises(ValueError, match="basis"):
        time_limits._validate(data)


# ---- the command line ------------------------------------------------------------------------------------


def test_cli_readable(capsys):
    code, out, err = run(["deadlines", "--received", "25/09/2019"], capsys)
    assert code == 0
    assert "Response due:" in out and "Wed 23 Oct 2019" in out and "FOIA s10(1)" in out
    assert "FOIA was assumed" in out


def test_cli_json(capsys):
    code, out, _ = run(["deadlines", "--regime", "foisa", "--received", "2018-03-13",
                        "--responded", "2018-04-12", "--json"], capsys)
    assert code == 0
    d = json.loads(out)
    assert d["schema"] == "appeal.deadlines/1" and d["regime"] == "FOISA" and d["calendar"] == "scotland"
    assert d["events"][0] == {**d["events"][0], "id": "response_due", "date": "2018-04-11", "basis": "FOISA s10(1)"}
    assert d["late"] is True and d["holidays_skipped"][0] == "2018-03-30 Good Friday"
    assert not any("Patrick" in h for h in d["holidays_skipped"])


def test_cli_extended(capsys):
    code, out, _ = run(["deadlines", "--regime", "eir", "--received", "2019-09-25", "--extended", "--json"], capsys)
    assert code == 0
    assert any(e["id"] == "response_due_extended" for e in json.loads(out)["events"])


def test_cli_ics(tmp_path, capsys):
    target = tmp_path / "d.ics"
    code, out, err = run(["deadlines", "--received", "2019-09-25", "--responded", "2019-10-23",
                          "--ics", str(target)], capsys)
    assert code == 0 and "wrote" in err
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"DTSTART;VALUE=DATE:20191023\r\n" in data and b"DTEND;VALUE=DATE:20191024\r\n" in data


def test_cli_ics_refuses_to_overwrite(tmp_path, capsys):
    target = tmp_path / "d.ics"
    target.write_bytes(b"keep me")
    code, out, err = run(["deadlines", "--received", "2019-09-25", "--ics", str(target)], capsys)
    assert code == 2 and "--force" in err and len(err.strip().splitlines()) == 1
    assert out == "" and target.read_bytes() == b"keep me"
    code, _, _ = run(["deadlines", "--received", "2019-09-25", "--ics", str(target), "--force"], capsys)
    assert code == 0 and target.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_cli_bad_date_is_one_line_exit_2(capsys):
    code, out, err = run(["deadlines", "--received", "31/02/2019"], capsys)
    assert code == 2 and err.startswith("appeal: error: --received")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_cli_bad_regime_and_no_dates(capsys):
    code, _, err = run(["deadlines", "--regime", "gdpr", "--received", "2019-09-25"], capsys)
    assert code == 2 and "--regime" in err
    code, _, err = run(["deadlines"], capsys)
    assert code == 2 and "no dates" in err


def test_cli_dates_out_of_order(capsys):
    code, _, err = run(["deadlines", "--received", "2019-10-25", "--responded", "2019-10-01"], capsys)
    assert code == 2 and "before" in err


def test_cli_reads_a_json_refusal(tmp_path, capsys):
    from appeal.model import Dates, Refusal

    path = tmp_path / "refusal.json"
    ref = Refusal(regime="FOISA", dates=Dates(letter="2018-04-20", received="2018-03-13"))
    path.write_text(json.dumps(ref.to_dict()), encoding="utf-8")
    code, out, _ = run(["deadlines", str(path), "--json"], capsys)
    assert code == 0
    d = json.loads(out)
    assert d["regime"] == "FOISA" and d["inputs"]["received"] == "2018-03-13"
    assert d["inputs"]["responded"] == "2018-04-20" and d["late"] is True
    # options override the letter
    code, out, _ = run(["deadlines", str(path), "--regime", "foia", "--responded", "2018-04-13", "--json"], capsys)
    d = json.loads(out)
    assert d["regime"] == "FOIA" and d["inputs"]["responded"] == "2018-04-13" and d["late"] is False


def test_cli_review_outcome_letter_and_its_reference_in_the_ics(tmp_path, capsys):
    from appeal.model import Dates, Refusal

    path = tmp_path / "review.json"
    ref = Refusal(regime="FOIA", reference="FOI/2019/123", is_review_outcome=True,
                  dates=Dates(letter="2019-11-20"))
    path.write_text(json.dumps(ref.to_dict()), encoding="utf-8")
    target = tmp_path / "out.ics"
    code, out, _ = run(["deadlines", str(path), "--json", "--ics", str(target)], capsys)
    assert code == 0
    d = json.loads(out)
    assert d["inputs"]["review_responded"] == "2019-11-20" and d["inputs"]["responded"] is None
    assert [e["id"] for e in d["events"]] == ["commissioner_complaint_by"]
    assert any("Read from" in n for n in d["notes"])
    # the regulator named from dated data (appeal/law/regulators.toml), not a literal
    assert b"SUMMARY:FOI/2019/123: Complain to the Information Commissioner by (FOIA)" in target.read_bytes()


def test_scottish_weekend_receipt_does_not_cite_the_ico():
    note = tl("FOISA", received="2019-09-28").event("response_due_alt").note
    assert "LTT47" not in note and "disputed" in note
    assert "LTT47" in tl("EIR", received="2019-09-28").event("response_due_alt").note


def test_time_limits_are_cached_as_json(tmp_path, monkeypatch):
    import tomllib

    import appeal.resources as R

    monkeypatch.setenv("APPEAL_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(R, "SHIPPED_CACHE", tmp_path / "nothing-shipped")
    time_limits._data.cache_clear()
    time_limits.regime.cache_clear()
    try:
        first = time_limits._data()
        assert len(list((tmp_path / "toml").glob("law.time_limits.*.json"))) == 1
        time_limits._data.cache_clear()
        real_loads = tomllib.loads
        monkeypatch.setattr(tomllib, "loads", lambda s: pytest.fail("parsed the TOML again"))
        assert time_limits._data() == first
        # a corrupt copy is ignored: the TOML is read again
        next((tmp_path / "toml").glob("law.time_limits.*.json")).write_text("{", encoding="utf-8")
        monkeypatch.setattr(tomllib, "loads", real_loads)
        time_limits._data.cache_clear()
        assert time_limits._data() == first
    finally:
        time_limits._data.cache_clear()
        time_limits.regime.cache_clear()


def test_extension_without_receipt_says_it_cannot_be_dated():
    t = tl(responded="2019-10-23", extended=True)
    assert t.event("response_due_extended") is None
    assert "--received" in joined_notes(t)
