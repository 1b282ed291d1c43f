"""The age of a letter that prints no date: a reference carrying a year, or the Data Protection
Act 1998 relied on as in force, and the near misses that are not the letter's date."""

from __future__ import annotations

import datetime as dt

import pytest

from appeal.judge import decide
from appeal.model import Authority, Evidence, Exemption, Finding, Refusal
from appeal.parse.era import letter_era, reference_year, relies_on_dpa_1998

TODAY = dt.date(2026, 11, 29)


@pytest.mark.parametrize("ref, year", [
    ("FOI/2023/0456", 2023), ("2023-0456", 2023), ("IR2024/05897", 2024), ("828/2023", 2023),
    ("728-24", 2024), ("FOI 1234/24", 2024), ("728 - 24", 2024), ("FOI/18/00467", 2018),
    ("180A/24", 2024), ("7680_17", 2017), ("DC/FOI 782/17", 2017), ("HQ/PA/002769/19", 2019),
    ("FOI 2023/24-017", 2024), ("FOI/2025/26/002", 2026),
])
def test_a_reference_carrying_a_year(ref, year):
    assert reference_year(ref, TODAY) == year


@pytest.mark.parametrize("ref", [
    "0329", "202500469111", "FOI/202500000001",  # bare digits: the first four need not be a year
    "FOI/18/12", "18/00467",  # a two-digit year first needs a letters prefix and a request number
    "FOI 2023/25-017",  # not a financial year
    "12/24",  # too short to be a request number with a year suffix
    "1234/56", "FOI/2031/0001",  # a year after today
    "FOIR-000123456", "ATISN 16000", "12/05/2024", None, "",
])
def test_near_miss_references_carry_no_year(ref):
    assert reference_year(ref, TODAY) is None


DPA_CURRENT = ("The information is personal data and is subject to the provisions of the Data Protection "
               "Act 1998. Disclosure would breach the first data protection principle.")


def test_the_dpa_1998_relied_on_as_in_force_dates_the_letter_before_may_2018():
    era = letter_era(DPA_CURRENT, None, TODAY)
    assert era is not None and era.firm and era.latest == dt.date(2018, 5, 25)
    assert "Data Protection Act 1998" in era.reason


@pytest.mark.parametrize("text", [
    # named as past law
    "The records were kept under the former Data Protection Act 1998, now repealed.",
    "At the time, the Data Protection Act 1998 was in force, and disclosure would breach the principles of it.",
    # a transitional or later letter that knows the new law
    DPA_CURRENT + " The Data Protection Act 2018 and the UK GDPR now govern this.",
    "Section 40(2) applies: disclosure would breach the principles of the GDPR and the DPA 1998.",
    # quoted from a decision elsewhere
    "The Tribunal held that under the Data Protection Act 1998 the names were personal data.",
    # only mentioned, not applied
    "See our guidance page, Data Protection Act 1998 archive.",
])
def test_near_misses_for_the_dpa_1998(text):
    assert not relies_on_dpa_1998(text)


def test_the_dpa_1998_inside_the_request_is_not_the_letter_relying_on_it():
    req = "Please send the policy you keep under the Data Protection Act 1998."
    assert not relies_on_dpa_1998("Your request: " + req + " We refuse it under section 40(2).", req)
    assert relies_on_dpa_1998("Your request: " + req + " " + DPA_CURRENT, req)


def test_a_recent_reference_is_a_clue_but_not_firm():
    era = letter_era("We refuse.", "FOI/2025/0012", TODAY)
    assert era is not None and era.year == 2025 and not era.firm
    assert letter_era("We refuse.", "FOI/2024/0012", TODAY).firm


def test_a_later_year_in_the_letter_drops_the_clue():
    assert letter_era("We refuse.", "FOI/2022/0012", TODAY, text_year=2025) is None
    assert letter_era(DPA_CURRENT, None, TODAY, text_year=2021) is None
    assert letter_era("We refuse.", "FOI/2022/0012", TODAY, text_year=2023) is not None


def test_no_clue_no_era():
    assert letter_era("We refuse under section 40(2) of the Freedom of Information Act 2000.", "FOI 0329", TODAY) is None


# ---- in the judgement step -------------------------------------------------------------------

def refusal(text, reference=None, request="How many thefts were recorded?"):
    return Refusal(authority=Authority(name="Northshire Police"), regime="FOIA", exemptions=[Exemption("s31(1)")],
                   text=text, request_text=request, reference=reference)


def strong():
    return Finding(rule="prejudice-not-demonstrated", title="t", strength="strong", evidence=[Evidence("x" * 40, 0, 40)],
                   argument="The point. The law on it.", ask="Release it.")


def test_an_old_reference_year_makes_a_fresh_request_as_an_assumption():
    o = decide(refusal("We refuse under section 31.", "FOI/2023/0456"), [strong()], None, today=TODAY)
    assert o.kind == "fresh-request" and "assumed-date" in o.notes and "FOI/2023/0456" in o.reason


def test_a_dpa_1998_letter_is_a_fresh_request_as_an_assumption():
    o = decide(refusal("We refuse under section 31. " + DPA_CURRENT), [strong()], None, today=TODAY)
    assert o.kind == "fresh-request" and "assumed-date" in o.notes and "25 May 2018" in o.reason


def test_a_reference_of_last_year_lets_the_review_go_ahead():
    o = decide(refusal("We refuse under section 31.", "FOI/2025/0456"), [strong()], None, today=TODAY)
    assert o.kind == "review" and "assumed-date" not in o.notes


def test_a_request_naming_a_later_date_overrides_the_reference_year():
    r = refusal("We refuse under section 31.", "FOI/2023/0456", request="Thefts reported as of 30 July 2026.")
    o = decide(r, [strong()], None, today=TODAY)
    assert o.kind == "review" and "assumed-date" not in o.notes


def test_a_printed_response_date_outranks_the_reference_year():
    from appeal.model import Event, Timeline
    tl = Timeline("FOIA", "uk-any-part", [Event("review_request_by", "2026-12-20", "basis")])
    o = decide(refusal("We refuse under section 31.", "FOI/2023/0456"), [strong()], tl, today=TODAY)
    assert o.kind == "review" and "assumed-date" not in o.notes
