"""Dates: a flattened letterhead's date before "Request under the Freedom of Information Act"
is the letter's date; an undated letter whose request names a past date is no earlier than
that (an assumption, never the letter's date). Synthetic."""

from __future__ import annotations

from appeal.parse import parse_text


def test_flattened_letterhead_date_before_the_request_heading():
    r = parse_text(
        "Our Ref: 000123/15 Freedom of Information Section Anyshire Police HQ Tel: 101 Fax: 0100 000 0000 "
        "11 June 2015 Request under the Freedom of Information Act 2000 (FOIA) I write in connection with your "
        "request for information, which was received by Anyshire Police on 15/05/2015. The force can neither "
        "confirm nor deny that it holds the information, by virtue of section 30(3)."
    )
    assert r.dates.letter == "2015-06-11"
    assert r.dates.received == "2015-05-15"


def test_undated_letter_is_bounded_by_the_request_not_dated_by_it():
    r = parse_text(
        "Request\nPlease state how many reports you received on the 5th and 6th of July 2025 about the group.\n"
        "Response\nAnyshire Police can neither confirm nor deny that it holds the information, by virtue of "
        "section 24(2).\n"
    )
    assert r.dates.letter is None
    assert any("6 July 2025" in a and "lower bound" in a for a in r.assumptions)


def test_a_deadline_in_the_request_is_no_bound():
    r = parse_text(
        "Request\nPlease send me the plans for the works due by 31 March 2030.\n"
        "Response\nThe plans are withheld under section 43(2).\n"
    )
    assert not any("lower bound" in a for a in r.assumptions)


def test_review_decision_key_dates_a_review_outcome():
    r = parse_text(
        "Received on 23/08/2017 Our Ref: DC/FOI 1/17\n\n"
        "Original decision = 3rd October 2017 and the Internal Review (IR) Decision = 30th\nJanuary 2018. "
        "The response below relates to the outcome of the internal review.\n\n"
        "Your request:\nDetails of the use of the tool.\n\nResponse\nThe information is withheld under section "
        "31(1)(a).\n"
    )
    assert r.dates.letter == "2018-01-30"
