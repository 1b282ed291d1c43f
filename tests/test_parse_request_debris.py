"""A web form's own words copied with the request (field guidance, options to tick, lead-ins
whose items were lost) are not the request: where the request is printed it is quoted without
them; where only debris is left the quote is null. And a provision the letter names ("Section 12
of the FoI Act") is cited, even beside a prose cost sentence. Synthetic letters."""

from __future__ import annotations

from appeal.parse import parse_text
from appeal.parse.citations import find_citations

_RESPONSE = (
    "Response:\n"
    "We estimate that the cost of complying with your request would exceed the appropriate limit. "
    "Anyshire Police is therefore relying on section 12(1) of the Freedom of Information Act 2000.\n"
)


def test_form_guidance_only_is_no_quote():
    r = parse_text(
        "FOI Reference: 101/2024\nRequest:\nThis might include:\nThis might include:\n"
        "Please feel free to disregard this question if it will take too long to answer.\n"
        "Please select all that apply.\n" + _RESPONSE
    )
    assert r.request_text is None
    assert [(e.citation, e.found) for e in r.exemptions] == [("s12(1)", "cited")]


def test_lead_in_and_form_option_only_is_no_quote():
    r = parse_text(
        "REQUEST\nUnder the Freedom of Information Act 2000, I am writing to request the following information:\n"
        "iii. Other (please state).\n" + _RESPONSE.replace("Response:", "RESPONSE")
    )
    assert r.request_text is None


def test_lead_in_alone_is_no_quote():
    r = parse_text(
        "Request:\nUnder the Freedom of Information Act, I would like to request the following information, please:\n"
        + _RESPONSE
    )
    assert r.request_text is None


def test_real_request_quoted_without_the_form_words():
    r = parse_text(
        "Request:\nI would like to request the following information:\n"
        "1. How many drones did the force buy in 2023?\nThis might include:\nPlease select all that apply.\n"
        "2. What did each cost?\n" + _RESPONSE
    )
    q = r.request_text
    assert q is not None
    assert "How many drones" in q and "What did each cost?" in q
    assert "I would like to request the following information:" in q  # the lead-in stays with its items
    assert "This might include" not in q and "select all" not in q


def test_near_miss_substantive_line_ending_in_a_colon_is_kept():
    # a long request line that happens to end in ":" is the request, not a lead-in
    r = parse_text(
        "Request:\nPlease provide the number of officers disciplined for misuse of police systems in 2023, by rank:\n"
        + _RESPONSE
    )
    assert r.request_text is not None and r.request_text.startswith("Please provide the number of officers")


def test_near_miss_form_words_inside_the_requesters_sentence_are_kept():
    r = parse_text(
        "Request:\nPlease select all contracts that apply to parking enforcement and tell me their value.\n"
        + _RESPONSE
    )
    assert r.request_text is not None and "parking enforcement" in r.request_text


def test_foi_act_in_mixed_case_names_our_act():
    assert [(c.citation, c.instrument) for c in find_citations("Under Section 12 of the FoI Act the Department")] == [
        ("s12", "FOIA")]


def test_named_section_with_a_prose_cost_sentence_is_cited():
    r = parse_text(
        "Dear Requester,\nThank you for your request. You wrote:\n“Please tell me how many appeals were upheld in 2024.”\n"
        "Our Response\nWe have estimated that the cost of meeting your request would exceed the cost limit of £600. "
        "Under Section 12 of the FoI Act the Department is not therefore obliged to comply with your request.\n"
    )
    assert [(e.citation, e.found) for e in r.exemptions] == [("s12", "cited")]
    assert not any("inferred" in a for a in r.assumptions)


def test_near_miss_cost_prose_alone_is_still_inferred():
    r = parse_text(
        "Dear Requester,\nThank you for your request. You wrote:\n“Please tell me how many appeals were upheld in 2024.”\n"
        "Our Response\nWe have estimated that the cost of meeting your request would exceed the cost limit of £600, "
        "so we will not be processing it further.\n"
    )
    assert [(e.citation, e.found) for e in r.exemptions] == [("s12", "inferred")]


def test_refusers_sentence_is_not_the_request():
    # nothing marks the request; the only line that reads like an ask is the authority's own
    r = parse_text(
        "Anyshire Borough Council\nFOI 10001\nCorner Shop, High Street\n\n"
        "Under the Freedom of Information Act (FOIA) we have the right to refuse a request for information held "
        "if an exemption applies. We believe such an exemption applies and have decided to refuse your request.\n\n"
        "The information is commercially sensitive and falls under Section 43 FOIA.\n"
    )
    assert r.request_text is None
    assert [e.citation for e in r.exemptions] == ["s43"]


def test_near_miss_requesters_unmarked_ask_is_still_quoted():
    r = parse_text(
        "Anyshire Borough Council\nFOI 10002\n\n"
        "Under the Freedom of Information Act I would like to know how long the lease of the corner shop has to run.\n\n"
        "The information is commercially sensitive and falls under Section 43 FOIA.\n"
    )
    assert r.request_text is not None and r.request_text.startswith("Under the Freedom of Information Act I would like")
