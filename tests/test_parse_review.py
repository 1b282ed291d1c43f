"""Internal-review outcomes: recognised as such, with the result (upheld / partly upheld /
overturned), the review's date and the original request's reference and dates where printed.
A first response that only explains the right to a review is not an outcome."""

from __future__ import annotations

import pytest

from appeal.parse import parse_text

HEAD = "Our ref: IR2024/0101\nDate: 16 April 2024\nDear Ms Jones\n"


@pytest.mark.parametrize("body, result", [
    ("I have now completed my review of our response to your request under the Freedom of Information Act "
     "2000. I have decided to uphold the original decision. The exemption at section 31(1)(a) applies.", "upheld"),
    ("The Panel reviewed the original response; it concluded that the exemptions were correctly applied and are "
     "upheld. The information remains withheld under section 36(2)(b)(ii).", "upheld"),
    ("I have now completed my review. I have concluded that a different decision should be substituted and the "
     "information is enclosed.", "overturned"),
    ("I have now completed my review. I have partially upheld your complaint: some of the information is now "
     "enclosed and the rest remains withheld under section 40(2).", "partly-upheld"),
    ("I have reviewed the circumstances and uphold your complaint in respect of the time taken to respond.",
     "overturned"),
])
def test_review_outcome_result(body, result):
    r = parse_text(HEAD + body + "\nYours sincerely\n")
    assert r.is_review_outcome
    assert r.review is not None and r.review.result == result
    assert r.review.date == "2024-04-16"


def test_original_reference_and_dates_where_printed():
    r = parse_text(
        HEAD + "Following your request for a review (our ref: IR2024/0101) of your Freedom of Information "
        "request (our ref: 101003819150), a review meeting was held on 10 April 2024.\n"
        "Your FOI Request (101003819150) from 7th February 2024 was discussed. We responded on 5 March 2024.\n"
        "The Panel concluded that the decision to withhold the information is upheld.\n"
    )
    assert r.is_review_outcome
    assert r.review.original_reference == "101003819150"
    assert r.review.original_request_date == "2024-02-07"
    assert r.review.original_response_date == "2024-03-05"
    assert r.review.result == "upheld"


def test_no_dates_printed_means_null_dates():
    r = parse_text("I have now completed my review of our response. I uphold the original decision.\n")
    assert r.is_review_outcome
    assert r.review.date is None and r.review.original_request_date is None
    assert r.review.original_response_date is None and r.review.original_reference is None


def test_first_response_explaining_review_rights_is_not_an_outcome():
    r = parse_text(
        HEAD + "Request\nHow many cars were bought?\nResponse\nThe information is withheld under section 43(2).\n"
        "If you are not satisfied with this response you may request an internal review within 40 working days. "
        "If you are unhappy with the outcome of the internal review you may complain to the Information "
        "Commissioner.\n"
    )
    assert not r.is_review_outcome and r.review is None


def test_flattened_review_outcome_page_is_recognised():
    r = parse_text(
        "Department for Examples Our ref: IR2024/05897 16 April 2024 Dear Ms Jones, INTERNAL REVIEW: Consultation "
        "responses Thank you for your email which we received on 13 March 2024 appealing against the decision. "
        "Your original request was dealt with under the Environmental Information Regulations 2004 and I have "
        "handled your request for an internal review under the same legislation. I have concluded that regulation "
        "12(4)(d) was wrongly engaged because instead regulation 12(4)(b) of the EIRs should have been engaged. "
        "Annex Chronology 21 February 2024 You submitted the following request: Please could you provide me with "
        "the consultation responses? 13 March 2024 We responded to your request confirming that the information "
        "is being withheld under regulation 12(4)(d) of the EIRs."
    )
    assert r.is_review_outcome and r.regime == "EIR"
    assert "reg12(4)(b)" in [e.citation for e in r.exemptions]
