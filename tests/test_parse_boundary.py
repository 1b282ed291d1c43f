"""Where the request ends and the authority's answer begins, and which provisions are relied
on: a provision named inside the request, or set aside, is not relied on; one listed after
the request is. Synthetic letters, one per form."""

from __future__ import annotations

import pytest

from appeal.parse import parse_text


def cits(r):
    return [e.citation for e in r.exemptions]


def test_numbered_response_heading_then_exemption_list():
    r = parse_text(
        "FOI Reference: 123/2024\n"
        "Request 1 & 2:\n"
        "Response 1:\n"
        "I can confirm that Anyshire Police does hold the information requested, as outlined below.\n"
        "Response 2:\n"
        "Section 31(1)(a)(b) – Law Enforcement\n"
        "The Section 31 exemption is a prejudice based qualified exemption.\n"
    )
    assert cits(r) == ["s31(1)(a)", "s31(1)(b)"]


def test_request_without_end_heading_ends_at_authority_decision():
    r = parse_text(
        "Freedom of information request reference no: 01.FOI.23.000001\n"
        "I note you seek access to the following information:\n"
        "Number of investigations between 2010-2022 by the Example Unit\n"
        "I have today decided to disclose some of the requested information. Some data has been withheld "
        "as it is exempt by virtue of the following exemptions:\n"
        "Sections 24(1) – National Security and\n"
        "Sections 31(1)(a)(b) – Law Enforcement\n"
    )
    assert cits(r) == ["s24(1)", "s31(1)(a)", "s31(1)(b)"]
    assert "Number of investigations" in r.request_text
    assert "decided" not in r.request_text


def test_figures_table_ends_the_request():
    r = parse_text(
        "I note you seek the following:\n"
        "Please tell me the number of closures for each year 2016 / 2017 / 2018.\n"
        "2016 – no information held\n"
        "2017 – 7\n"
        "2018 – 19\n"
        "This information is exempt by virtue of:\n"
        "Section 23(1) Information supplied by, or concerning, certain security bodies.\n"
    )
    assert cits(r) == ["s23(1)"]
    assert "19" not in (r.request_text or "") and r.request_text.startswith("Please tell me")


def test_exemption_named_only_in_the_request_is_not_relied_on():
    r = parse_text(
        "Your request:\n"
        "1. How often did you apply section 40(1) in 2023?\n"
        "2. How many requests did you refuse under S.31(1)(a) or regulation 12(4)(b)?\n"
        "Our response:\n"
        "I can confirm that we hold the information. In 2023 we applied it 14 times.\n"
        "The figure for question 2 is 9.\n"
    )
    assert cits(r) == []


def test_exemption_set_aside_is_not_relied_on():
    r = parse_text(
        "You asked: copies of the minutes of the board.\n"
        "Response\n"
        "We have not applied section 12 to this request, although it was large. The minutes are "
        "withheld under section 36(2)(b)(ii) of the Freedom of Information Act 2000.\n"
    )
    assert cits(r) == ["s36(2)(b)(ii)"]


def test_authority_named_in_third_person_opens_the_answer():
    r = parse_text(
        "Request\n"
        "Please list the providers paid by the council in 2021/22.\n"
        "Anytown County Council believes compliance with this request would exceed the appropriate cost "
        "limit under Section 12 of the Freedom of Information Act 2000.\n"
    )
    assert cits(r) == ["s12"]
    assert r.exemptions[0].found == "cited"


def test_questions_heading_inside_the_answer_is_not_a_request_block():
    r = parse_text(
        "Dear Mr Smith\n"
        "Your request has been handled under the Freedom of Information Act 2000 (FOIA).\n"
        "Questions 1 and 2\n"
        "The Department holds information relevant to these questions. A small number of names are "
        "withheld under section 40(2) (personal information).\n"
    )
    assert cits(r) == ["s40(2)"]


def test_unmarked_request_is_one_paragraph():
    r = parse_text(
        "FOI request (FOIR-000111)\n"
        "I would like to see the responses made to the budget consultation.\n"
        "Anytown Borough Council invited comments on a confidential basis. Therefore the information you "
        "have requested is exempt information and falls under Section 41 of the Freedom of Information "
        "Act - Information provided in Confidence.\n"
    )
    assert cits(r) == ["s41"]


def test_flattened_page_answer_after_a_sentence():
    r = parse_text(
        "Your request: Please provide the number of drones held by the force. We can confirm that the "
        "information is held. This information is exempt under Section 24(1) and Section 31(1)(a) of the "
        "Freedom of Information Act 2000.\n"
    )
    assert cits(r) == ["s24(1)", "s31(1)(a)"]


def test_exemption_withdrawn_on_review_is_not_relied_on():
    r = parse_text(
        "Original decision = 3rd October 2017. The original harm and public interest arguments applied under "
        "Section 31 of the Freedom of Information Act 2000,\nhave been disregarded at the review stage.\n"
        "Your request:\nPlease provide the model's documentation.\nResponse\nThe documentation is attached.\n"
    )
    assert cits(r) == []


def test_a_list_of_provisions_the_requester_asks_about_is_part_of_the_request():
    r = parse_text(
        "Your request:\n"
        "Please tell me how many times you used each of these exemptions in 2023:\n"
        "Section 40(2) – Personal information\n"
        "Section 31(1)(a) – Law enforcement\n"
        "Response\n"
        "We used section 40(2) 41 times and section 31(1)(a) 12 times.\n"
    )
    assert cits(r) == []
    assert "Section 31(1)(a) – Law enforcement" in r.request_text


def test_ncnd_reported_as_an_exemption_from_the_duty_to_confirm_or_deny():
    r = parse_text("The Department declined to answer, citing an exemption from the duty to confirm or deny whether "
                   "information is held, where its disclosure could endanger the safety of individuals.\n")
    assert r.ncnd
    r = parse_text("Section 1 places two duties on public authorities: the first is to confirm or deny whether the "
                   "information is held. The figures are attached.\n")
    assert not r.ncnd


@pytest.mark.parametrize("sentence", [
    "The factors the Department considered when deciding where the public interest lies are listed below.",
    "In assessing the public interest, the Trust takes the view that withholding is right.",
    "The Trust accepts that there is a public interest in how the public purse is spent. However, safety comes first.",
    "We maintain that it is not in the public interest for confidential papers to be published.",
])
def test_public_interest_weighed_in_other_words(sentence):
    r = parse_text("You asked: the reports.\nResponse\nThe reports are withheld under section 38(1)(b). " + sentence + "\n")
    assert r.public_interest_test


def test_no_public_interest_words_means_no_test():
    r = parse_text("You asked: the reports.\nResponse\nThe reports are withheld under section 21.\n")
    assert not r.public_interest_test


def test_authority_like_word_mid_request_does_not_end_it_before_the_next_question():
    r = parse_text(
        "Your request:\n"
        "1. How many stop and search encounters were recorded in 2023? Unfortunately your site does not say.\n"
        "2. How often did you apply section 40(1) in 2023?\n"
        "Our response:\n"
        "I can confirm that we hold the information. The figures are 412 and 9.\n"
    )
    assert cits(r) == []
    assert "2. How often" in r.request_text
