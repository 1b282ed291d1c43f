"""The working-day calendars: which days count (FOIA s10(6), FOISA s73), counting, the cache."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pathlib import Path
from hypothesis import given, settings, strategies as st

from appeal.deadlines import calendar as C
from appeal.deadlines.calendar import WorkingDayCalendar, calendar_for
from appeal.errors import UserError

D = dt.date.fromisoformat


@pytest.fixture(autouse=True, scope="module")
def _private_cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("APPEAL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        C._reset_for_tests()
        yield
    C._reset_for_tests()


UK = lambda: calendar_for("uk-any-part")  # noqa: E731
SCOT = lambda: calendar_for("scotland")  # noqa: E731


# ---- which days are holidays ------------------------------------------------------------------
@pytest.mark.parametrize("day,uk,scot,why", [
    ("2019-12-25", True, True, "Christmas Day"),
    ("2019-04-19", True, True, "Good Friday"),
    ("2019-04-22", True, False, "Easter Monday: not a Scottish bank holiday"),
    ("2019-08-05", True, True, "Scotland's August holiday counts for FOIA too"),
    ("2019-08-26", True, False, "late-August holiday in England, Wales and NI only"),
    ("2019-01-02", True, True, "2 January, Scotland"),
    ("2019-12-02", True, True, "St Andrew's Day substitute (30 Nov 2019 was a Saturday)"),
    ("2018-03-19", True, False, "St Patrick's Day substitute, NI only"),
    ("2022-07-12", True, False, "Battle of the Boyne, NI only"),
    ("2022-01-04", True, True, "Scottish 2 January substitute"),
    ("2021-12-27", True, True, "Christmas Day substitute"),
    ("2021-12-28", True, True, "Boxing Day substitute"),
    ("2022-06-03", True, True, "Platinum Jubilee, proclamation"),
    ("2022-09-19", True, True, "Queen's funeral, proclamation"),
    ("2023-05-08", True, True, "Coronation, proclamation"),
    ("2026-06-15", True, True, "Scottish one-off day, 2026"),
    ("2019-10-23", False, False, "an ordinary Wednesday"),
])
def test_which_days_are_holidays(day, uk, scot, why):
    assert UK().is_holiday(D(day)) is uk, why
    assert SCOT().is_holiday(D(day)) is scot, why


def test_uk_without_a_subdivision_would_be_wrong():
    """Why the calendar is a union: holidays.UK() alone lacks Easter Monday and regional days."""
    import holidays

    bare = holidays.UK(years=2019)
    assert D("2019-04-22") not in bare and D("2019-01-02") not in bare
    assert UK().is_holiday(D("2019-04-22")) and UK().is_holiday(D("2019-01-02"))


def test_holiday_names_say_which_part_of_the_uk():
    assert "Northern Ireland" in UK().names[D("2018-03-19")]
    assert "Scotland" in UK().names[D("2026-06-15")]
    assert UK().names[D("2019-12-25")] == "Christmas Day"


# ---- counting -----------------------------------------------------------------------------------
def test_day_zero_is_the_start_and_weekends_do_not_count():
    cal = WorkingDayCalendar()
    assert cal.add_working_days(D("2019-09-25"), 0) == D("2019-09-25")
    assert cal.add_working_days(D("2019-09-27"), 1) == D("2019-09-30")  # Friday -> Monday
    assert cal.add_working_days(D("2019-09-28"), 1) == D("2019-09-30")  # Saturday -> Monday
    assert cal.add_working_days(D("2019-09-30"), -1) == D("2019-09-27")


def test_injected_holidays_are_skipped():
    cal = WorkingDayCalendar({D("2019-09-30"): "made-up day"})
    assert cal.add_working_days(D("2019-09-27"), 1) == D("2019-10-01")
    assert cal.holidays_between(D("2019-09-27"), D("2019-10-01")) == [(D("2019-09-30"), "made-up day")]
    assert cal.next_working_day(D("2019-09-27")) == D("2019-10-01")


def test_working_days_between_and_holidays_between():
    uk = UK()
    assert uk.working_days_between(D("2018-03-13"), D("2018-04-13")) == 20
    assert uk.working_days_between(D("2018-04-13"), D("2018-03-13")) == -20
    skipped = [d.isoformat() for d, _ in uk.holidays_between(D("2018-03-13"), D("2018-04-13"))]
    assert skipped == ["2018-03-19", "2018-03-30", "2018-04-02"]


def test_examples_from_the_issue():
    assert UK().add_working_days(D("2019-09-25"), 20) == D("2019-10-23")
    assert UK().add_working_days(D("2018-03-13"), 20) == D("2018-04-13")


def test_outside_the_calendar_years_is_a_user_error():
    with pytest.raises(UserError, match="outside the years"):
        UK().add_working_days(D("1999-12-01"), 20)
    with pytest.raises(UserError, match="outside the years"):
        UK().add_working_days(D("2050-12-20"), 20)


# ---- properties -----------------------------------------------------------------------------------
starts = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2049, 6, 30))
counts = st.integers(min_value=0, max_value=60)


@settings(max_examples=300, deadline=None)
@given(start=starts, n=st.integers(min_value=1, max_value=60), key=st.sampled_from(["uk-any-part", "scotland"]))
def test_adding_working_days_lands_on_a_working_day(start, n, key):
    cal = calendar_for(key)
    end = cal.add_working_days(start, n)
    assert cal.is_working_day(end)
    assert cal.working_days_between(start, end) == n


@settings(max_examples=300, deadline=None)
@given(start=starts, n=counts)
def test_monotonic_in_n(start, n):
    cal = UK()
    assert cal.add_working_days(start, n + 1) > cal.add_working_days(start, n)


@settings(max_examples=300, deadline=None)
@given(a=starts, b=starts, n=counts)
def test_monotonic_in_the_start_date(a, b, n):
    cal = UK()
    a, b = min(a, b), max(a, b)
    assert cal.add_working_days(a, n) <= cal.add_working_days(b, n)


@settings(max_examples=300, deadline=None)
@given(start=starts, n=counts)
def test_foia_date_never_earlier_than_foisa_date(start, n):
    assert UK().add_working_days(start, n) >= SCOT().add_working_days(start, n)


def test_scottish_holidays_are_a_subset_of_the_uk_set():
    assert set(SCOT().names) <= set(UK().names)


# ---- the cache --------------------------------------------------------------------------------------
def _fresh(monkeypatch, where, shipped=False):
    """An empty cache; without the shipped table unless asked (as after a holidays upgrade)."""
    monkeypatch.setenv("APPEAL_CACHE_DIR", str(where))
    if not shipped:
        monkeypatch.setattr(C, "shipped_path", lambda: Path(str(where)) / "no-shipped-table.json")
    C._reset_for_tests()


def test_shipped_table_is_what_holidays_builds(tmp_path, monkeypatch):
    """The table shipped in the package equals the one the installed holidays builds, and a
    first run with an empty cache uses it without importing holidays at all."""
    shipped = json.loads(C.shipped_path().read_text(encoding="utf-8"))
    if shipped["holidays_version"] != C.holidays_version():
        # another holidays is installed: the shipped table must then be ignored (and rebuilt)
        assert C._read_shipped() is None
        return
    built = C.build_table()
    assert shipped["calendars"] == {key: C.merge_calendar(built, key) for key in C.CALENDARS}, (
        "the shipped holiday table differs from holidays' own: python -m appeal.deadlines.calendar --ship")
    _fresh(monkeypatch, tmp_path, shipped=True)
    monkeypatch.setattr(C, "build_table", lambda: pytest.fail("the shipped table was not used"))
    assert calendar_for("uk-any-part").is_holiday(D("2018-03-19"))
    C._reset_for_tests()


def test_shipped_table_of_another_holidays_version_is_not_used(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path, shipped=True)
    monkeypatch.setattr(C, "holidays_version", lambda: "0.0-not-shipped")
    calls = []
    real = C.build_table
    monkeypatch.setattr(C, "build_table", lambda: calls.append(1) or real())
    assert calendar_for("scotland").is_holiday(D("2026-06-15"))
    assert calls == [1]
    C._reset_for_tests()


def test_cache_is_written_then_used_without_holidays(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    first = calendar_for("uk-any-part")
    files = list(tmp_path.glob("holidays-*.json"))
    assert len(files) == 1
    assert C.holidays_version() in files[0].name and f"{C.FIRST_YEAR}-{C.LAST_YEAR}" in files[0].name

    C._reset_for_tests()
    monkeypatch.setattr(C, "build_table", lambda: pytest.fail("the cache was not used"))
    second = calendar_for("uk-any-part")
    assert second.names == first.names
    C._reset_for_tests()


def test_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    path = C.cache_path()
    path.write_text("{not json", encoding="utf-8")
    cal = calendar_for("uk-any-part")
    assert cal.is_holiday(D("2018-03-19"))
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == C.CACHE_FORMAT
    # Valid JSON with a wrong shape is rebuilt too.
    path.write_text(json.dumps({"format": C.CACHE_FORMAT, "years": [C.FIRST_YEAR, C.LAST_YEAR],
                                "calendars": {"uk-any-part": {}, "scotland": {}}}), encoding="utf-8")
    C._reset_for_tests()
    assert calendar_for("uk-any-part").is_holiday(D("2018-03-19"))
    C._reset_for_tests()


def test_unwritable_cache_still_works(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    _fresh(monkeypatch, blocker / "cache")  # a folder inside a file cannot be made
    cal = calendar_for("scotland")
    assert cal.is_holiday(D("2026-06-15"))
    assert not (blocker / "cache").exists()
    C._reset_for_tests()


def test_lookups_do_not_touch_the_holidays_package_once_built(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    cal = calendar_for("uk-any-part")
    monkeypatch.setattr(C, "build_table", lambda: pytest.fail("rebuilt"))
    monkeypatch.setattr(C, "_read_cache", lambda path: pytest.fail("re-read"))
    assert calendar_for("uk-any-part") is cal
    C._reset_for_tests()


@settings(max_examples=300, deadline=None)
@given(a=starts, b=starts, key=st.sampled_from(["uk-any-part", "scotland"]))
def test_working_days_between_matches_a_day_by_day_count(a, b, key):
    cal = calendar_for(key)
    lo, hi = min(a, b), max(a, b)
    hi = min(hi, lo + dt.timedelta(days=400))
    naive = sum(cal.is_working_day(lo + dt.timedelta(days=i)) for i in range(1, (hi - lo).days + 1))
    assert cal.working_days_between(lo, hi) == naive
    assert cal.working_days_between(hi, lo) == -naive
