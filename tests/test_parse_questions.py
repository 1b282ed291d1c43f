"""A numbered request split into questions, with what came back for each: answered, not
held, refused (and under which exemptions), NCND, cost. Partial disclosure follows; a full
answer with a bolt-on NCND over "any other information" is a full answer."""

from __future__ import annotations

import pytest

from appeal.parse import parse_text


def answers(r):
    return [(q.number, q.answer, q.exemptions) for q in r.questions]


def test_q1_answered_q2_to_4_ncnd():
    r = parse_text(
        "Request\n"
        "1) How many intelligence logs were created in 2023?\n"
        "2) How many of these relate to financial investigations?\n"
        "3) How many were submitted by the source handling unit?\n"
        "4) How many of those relate to financial investigations?\n"
        "Response\n"
        "1. How many intelligence logs were created in 2023?\n"
        "129,091\n"
        "For questions 2, 3, and 4 above.\n"
        "Anyshire Police will neither confirm nor deny that we hold any of the requested information, as the "
        "following exemptions apply: Section 24(2) National Security, Section 31(3) Law Enforcement.\n"
    )
    assert answers(r) == [
        ("1", "answered", []),
        ("2", "ncnd", ["s24(2)", "s31(3)"]),
        ("3", "ncnd", ["s24(2)", "s31(3)"]),
        ("4", "ncnd", ["s24(2)", "s31(3)"]),
    ]
    assert r.partial_disclosure
    q2 = r.questions[1]
    assert q2.text == "How many of these relate to financial investigations?"
    assert r.text[q2.start:q2.end] == q2.text  # the question's words, without its number


def test_numbered_responses_answered_not_held_refused_cost():
    r = parse_text(
        "Your request:\n"
        "1. The number of drones owned by the force.\n"
        "2. The policy on drone use at protests.\n"
        "3. The locations of drone bases.\n"
        "4. Every flight log since 2015.\n"
        "Our response:\n"
        "Response 1:\nThe force owns 12 drones.\nThere were 12 at 1 April.\n"
        "Response 2:\nNo information is held.\n"
        "Response 3:\nThe locations are exempt from disclosure under section 31(1)(a) of the Freedom of "
        "Information Act 2000.\n"
        "Response 4:\nTo locate every log would exceed the appropriate limit under section 12(1).\n"
    )
    assert answers(r) == [
        ("1", "answered", []),
        ("2", "not-held", []),
        ("3", "refused", ["s31(1)(a)"]),
        ("4", "cost", ["s12(1)"]),
    ]
    assert r.partial_disclosure


def test_full_answer_with_bolt_on_ncnd_is_answered():
    r = parse_text(
        "Request\n"
        "1. How many complaints about officers were made in 2022?\n"
        "2. How many were upheld?\n"
        "Response\n"
        "Question 1\nThere were 431 complaints.\n"
        "Question 2\nThere were 57 upheld.\n"
        "To confirm or deny whether any other information is held would breach section 31(3); Anyshire Police "
        "therefore neither confirms nor denies that it holds any other information.\n"
    )
    assert [q.answer for q in r.questions] == ["answered", "answered"]
    assert r.ncnd and r.ncnd_scope == "other"


def test_questions_range_heading():
    r = parse_text(
        "Your request:\n"
        "1) The number of hotels used.\n"
        "2) The names of the hotels.\n"
        "3) The cost of each hotel.\n"
        "Our Response:\n"
        "Questions 1-2\n"
        "We have concluded that the information you are seeking in questions 1-2 is exempt from disclosure "
        "under Section 38(1)(b).\n"
        "Question 3\nNo information is held.\n"
    )
    assert answers(r) == [("1", "refused", ["s38(1)(b)"]), ("2", "refused", ["s38(1)(b)"]), ("3", "not-held", [])]


def test_unnumbered_request_is_one_question_answered_by_the_whole_response():
    r = parse_text(
        "You asked: the total spent on taxis by the council in 2023.\n"
        "Response\nThe total spent was £12,400.\n"
    )
    assert answers(r) == [(None, "answered", [])]
    assert r.questions[0].text.startswith("the total spent on taxis")


def test_no_request_printed_means_no_questions():
    r = parse_text("Dear Sir\nThe information is withheld under section 43(2).\n")
    assert r.questions == []


def test_summary_shows_question_by_question_and_inferred_grounds():
    from appeal.parse.summary import render_summary

    r = parse_text(
        "Request\n1) How many drones?\n2) Where are they based?\n3) Every flight log.\n"
        "Response\nResponse 1:\nThere are 12.\nResponse 2:\nThe bases are exempt under section 31(1)(a).\n"
        "Response 3:\nWe estimate that locating every log would exceed the appropriate limit.\n"
    )
    s = render_summary(r)
    assert "Question by question:" in s
    assert "Q1:      answered" in s and "Q2:      refused (s31(1)(a))" in s
    assert "Q3:      refused on cost (s12)" in s
    assert "inferred from the letter's words" in s


def test_partial_disclosure_phrases():
    for answer in (
        "I have today decided to disclose some of the requested information. Some data has been withheld under "
        "section 24(1).",
        "I can confirm that Anyshire Police does hold the information requested, as outlined below.\nSection "
        "31(1)(a) applies to the rest.",
        "Most of the information has been disclosed; the names are withheld under section 40(2).",
        "Please find below the information we hold within the scope of your request.",
    ):
        r = parse_text("You asked: the hotels used in 2023.\nResponse\n" + answer + "\n")
        assert r.partial_disclosure, answer


@pytest.mark.parametrize("text, want", [
    ("Your request:\nQ1. How many officers were disciplined in 2022?\nQ2. How many were dismissed?\nResponse\n"
     "Q1 - 45 officers.\nQ2 - No information is held.\n", [("1", "answered"), ("2", "not-held")]),
    ("You asked:\na) the number of fixed cameras;\nb) the locations of each camera.\nOur response\n"
     "a) There are 31 fixed cameras.\nb) The locations are exempt under section 31(1)(a).\n",
     [("a", "answered"), ("b", "refused")]),
    ("Request\nQuestion 1: How many drones?\nQuestion 2: Where are they based?\nAnswer 1: The force has 4 drones.\n"
     "Answer 2: This information is not held.\n", [("1", "answered"), ("2", "not-held")]),
])
def test_numbering_schemes(text, want):
    assert [(q.number, q.answer) for q in parse_text(text).questions] == want
