"""Law as dated data: the tribunal step, cost limits, the Scottish calendars, dated changes."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from appeal.deadlines import compute_timeline
from appeal.deadlines import calendar as C
from appeal.law import changes, time_limits
from appeal.law.cost_limits import cost_limit

D = dt.date.fromisoformat


# ---- after the Commissioner: the tribunal ------------------------------------------------------
@pytest.mark.parametrize("regime", ["FOIA", "EIR"])
def test_tribunal_appeal_by_is_28_days_after_the_decision_notice(regime):
    t = compute_timeline(regime, decision_notice="2026-11-02", today="2026-11-03")
    ev = t.event("tribunal_appeal_by")
    assert ev.date == "2026-11-30" and "r22(1)(b)" in ev.basis
    notes = " ".join(t.notes)
    assert "Only a decision notice can be appealed" in notes and "s50(2)" in notes
    assert "do not accept an invitation to withdraw" in notes


def test_tribunal_date_on_a_weekend_is_flagged_not_moved():
    t = compute_timeline("FOIA", decision_notice="2026-11-07", today="2026-11-08")  # +28 = Sat 5 Dec
    ev = t.event("tribunal_appeal_by")
    assert ev.date == "2026-12-05" and "to be safe send the appeal by 2026-12-04" in ev.note


def test_no_tribunal_date_before_the_grc_rules_or_in_scotland():
    old = compute_timeline("FOIA", decision_notice="2009-06-01", today="2009-06-02")
    assert old.event("tribunal_appeal_by") is None and any("18 January 2010" in n or "2010-01-18" in n for n in old.notes)
    scot = compute_timeline("FOISA", decision_notice="2026-11-02", today="2026-11-03")
    assert scot.event("tribunal_appeal_by") is None
    assert any("Court of Session" in n and "point of law" in n for n in scot.notes)


def test_deadlines_cli_decision_notice(capsys):
    from appeal.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["deadlines", "--decision-notice", "2026-11-02", "--json"])
    out, err = capsys.readouterr()
    assert exc.value.code in (0, None), err
    data = json.loads(out)
    assert [e["id"] for e in data["events"]] == ["tribunal_appeal_by"]
    assert data["events"][0]["date"] == "2026-11-30"
    with pytest.raises(SystemExit) as exc:
        main(["deadlines", "--decision-notice", "not a date"])
    out, err = capsys.readouterr()
    assert exc.value.code == 2 and err.startswith("appeal: error: --decision-notice")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


# ---- cost limits -------------------------------------------------------------------------------
def test_foia_cost_limits():
    central, other = cost_limit("FOIA", central=True), cost_limit("FOIA", central=False)
    assert (central.amount, central.hourly_rate, central.hours) == (600, 25, 24)
    assert (other.amount, other.hourly_rate, other.hours) == (450, 25, 18)
    assert cost_limit("FOIA").amount == 450  # not known to be central: the general figure
    assert "determining whether the information is held" in other.counts
    assert not other.rate_is_cap and "3244" in other.basis


def test_foisa_cost_limit_excludes_deciding_whether_held():
    s = cost_limit("FOISA")
    assert (s.amount, s.hourly_rate, s.rate_is_cap) == (600, 15, True) and s.hours == 40
    assert "determining whether the information is held" in s.excludes
    assert "467" in s.basis


def test_environmental_regimes_have_no_fixed_limit():
    assert cost_limit("EIR") is None and cost_limit("EISR") is None


# ---- calendars -----------------------------------------------------------------------------------
@pytest.mark.parametrize("key", ["uk-any-part", "scotland"])
def test_st_andrews_day_and_the_2026_one_off_day_stop_the_clock(key):
    cal = C.calendar_for(key)
    for day in ("2026-06-15", "2026-11-30", "2025-12-01", "2020-11-30"):
        assert not cal.is_working_day(D(day)), (key, day)


def test_supplement_adds_what_an_older_holidays_package_lacks():
    """An older `holidays` without the 2026 proclamation or St Andrew's Day still gives both."""
    table = {s: {} for s in C.SUBDIVISIONS}
    out = C.supplement(table)
    assert "2026-06-15" in out["SCT"] and "2026-06-15" not in out["ENG"]
    assert out["SCT"]["2026-11-30"] == "Saint Andrew's Day"
    assert out["SCT"]["2025-12-01"] == "Saint Andrew's Day (observed)"  # 30 Nov 2025 was a Sunday
    assert "2022-09-19" in out["NIR"]  # one-off UK-wide day
    merged_uk = C.merge_calendar(out, "uk-any-part")
    merged_sct = C.merge_calendar(out, "scotland")
    assert "2026-06-15" in merged_uk and "2026-06-15" in merged_sct
    # the package's own names win where it has the day
    out2 = C.supplement({s: {"2026-06-15": "Package name"} for s in C.SUBDIVISIONS})
    assert out2["SCT"]["2026-06-15"] == "Package name"


# ---- dated changes -------------------------------------------------------------------------------
def test_dpa_2018_cutover_and_s40_renumbering():
    assert changes.date("dpa-2018") == D("2018-05-25")
    assert changes.in_force("s40(5B)", D("2018-05-25")) and not changes.in_force("s40(5B)", D("2018-05-24"))
    assert changes.in_force("s40(3)", D("2018-05-24")) and not changes.in_force("s40(3)", D("2018-05-25"))
    assert changes.in_force("s40(2)", D("2010-01-01")) and changes.in_force("s40(2)", D("2026-01-01"))
    assert "Sch 19" in changes.change("dpa-2018")["reference"]
    from appeal.rules import outdated_law

    assert outdated_law.CUTOVER == D("2018-05-25")


def test_unseen_commencement_has_no_date():
    assert changes.date("duaa-2025-s119") is None


def test_time_limits_carry_validity_where_the_law_changed():
    lim = time_limits.limit("FOIA", "tribunal_appeal")
    assert lim.days == 28 and lim.valid_from == "2010-01-18" and lim.describe() == "28 days"
    assert lim.in_force(D("2010-01-18")) and not lim.in_force(D("2010-01-17"))
