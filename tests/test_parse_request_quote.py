"""The request quote is the requester's words: not the letterhead, a page's metadata line, a
header line above the quote, or the requester's own request for a review. Synthetic letters,
one per form seen on real pages."""

from __future__ import annotations

from appeal.parse import parse_text


def test_flattened_letterhead_is_not_the_request():
    # a PDF flattened to one line: letterhead, date, "I write in connection with your request",
    # then the question glued to a heading
    r = parse_text(
        "Our Ref: 000123/19 Freedom of Information Office Anyshire Police HQ Tel: 101 Fax: 0100 000 0000 "
        "3 March 2019 Request under the Freedom of Information Act 2000 (FOIA) I write in connection with your "
        "request for information, which was received by Anyshire Police on 01/02/2019. Please find below answers "
        "to your questions:RESPONSE How many drones did the force buy in 2018? Please state the cost of each. "
        "Section 1 of the Freedom of Information Act 2000 (FOIA) places two duties on public authorities. "
        "Anyshire Police can neither confirm nor deny that it holds the information by virtue of section 31(3)."
    )
    assert r.request_text.startswith("How many drones")
    assert "Fax" not in r.request_text and "places two duties" not in r.request_text


def test_metadata_date_glued_to_the_request():
    r = parse_text(
        "FOI request (FOI-1234)\nParking\nRequested Mon 05 March 2018\n"
        "Responded Wed 04 April 2018I would like to request the number of parking fines issued in 2017.\n"
        "Response\nWe issued 4,000 fines.\n"
    )
    assert r.request_text.startswith("I would like to request")


def test_original_request_header_line_is_not_quoted():
    r = parse_text(
        "Information requested\nOriginal request 202400012345\n"
        "All correspondence between the Minister and the Example Board in 2024.\n"
        "Response\nI have now completed my review. Some information is withheld under section 30(b)(i) of FOISA.\n"
    )
    assert r.request_text.startswith("All correspondence")
    assert "202400012345" not in r.request_text


def test_we_received_a_request_lead_in():
    r = parse_text(
        "FOI reference\nFOI 1234/23\n\nWe received a request under the Freedom of Information Act 2000 (FOIA):\n\n"
        "I am trying to find out the number of burglaries reported in Exampletown in each month of 2022.\n\n"
        "Our Response:\n\nUnfortunately, Anyshire Police are unable to provide the information; it would exceed "
        "the appropriate limit under section 12.\n"
    )
    assert r.request_text.startswith("I am trying to find out")
    assert "Unfortunately" not in r.request_text


def test_first_numbered_question_kept_without_a_marker():
    r = parse_text(
        "I'm researching care placements.\n"
        "1. How much did the council spend on placements in 2022/23?\n"
        "2. Please list the providers paid, with the total paid to each.\n"
        "Example County Council believes compliance with this request would exceed the appropriate cost limit "
        "under Section 12 of the Freedom of Information Act 2000.\n"
    )
    assert r.request_text.startswith("1. How much did the council spend")
    assert "2. Please list" in r.request_text


def test_review_outcome_printing_only_the_review_request():
    r = parse_text(
        "FOI Request - Review of 100000000001 Staff Restructure\nRequest 100000000002\n"
        "Review of 100000000001 Staff Restructure\n"
        "I am writing to request an internal review of Example Council's handling of my FOI request.\n"
        "A restructure should be in the public domain.\n"
        "Response 01-09-2025\n"
        "Following your request for a review, the Panel reviewed the original response and concluded that the "
        "exemption under section 30(c) of the Freedom of Information (Scotland) Act 2002 was correctly applied "
        "and is upheld.\n"
    )
    assert r.request_text is None
    assert [e.citation for e in r.exemptions] == ["s30(c)"]


def test_review_outcome_quoting_the_original_request_in_its_answer():
    r = parse_text(
        "Information requested\n\n"
        "Please could I request a review of this decision as I believe the exemption has not been applied "
        "correctly.\n\n"
        "I have now completed my review of our response to your request under the Freedom of Information "
        "(Scotland) Act 2002 (FOISA) for \u201cAll correspondence between the Minister and the Example Board in "
        "2021.\u201d I have decided to uphold the decision to withhold it under section 30(b)(ii) of FOISA.\n"
    )
    assert r.request_text == "All correspondence between the Minister and the Example Board in 2021."


def test_a_request_about_a_review_is_still_the_request():
    r = parse_text(
        "You asked:\nPlease provide a copy of the review of the parking policy carried out in 2022.\n"
        "Response\nThe review is withheld under section 22 as it is intended for future publication.\n"
    )
    assert r.request_text.startswith("Please provide a copy of the review")


def test_lone_item_marker_at_the_end_of_the_quote_is_dropped():
    r = parse_text(
        "I am writing to you under the Freedom of Information Act 2000 to request the following information "
        "for each of the years 2016 / 2017 / 2018.\na)\n"
        "2016 – no information held\n2017 – 7\n"
        "This information is exempt by virtue of:\nSection 31(1) Law enforcement\n"
    )
    assert r.request_text.endswith("2016 / 2017 / 2018.")
