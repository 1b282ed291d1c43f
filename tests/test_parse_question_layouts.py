"""Question layouts: "Request 1 / Answer 1" blocks (heading alone on its line), answers printed
after each question, one answer after several request blocks, and bulleted requests. Synthetic."""

from __future__ import annotations

from appeal.parse import parse_text


def _qs(r):
    return [(q.number, q.answer) for q in r.questions]


def test_request_answer_blocks_with_headings_alone():
    r = parse_text(
        "Thank you for your request, received 1 August 2025.\n"
        "Request 1\nHow many of the 40 people arrested were aged 18 or older?\n\n"
        "Answer 1\n31 of the 40 people arrested were 18 or older.\n\n"
        "Request 2\nHow many of that number had previous reports made against them?\n\n"
        "Answer\nAnyshire Police can neither confirm nor deny that it holds the information, by virtue of "
        "sections 30(3) and 40(5).\n"
    )
    assert _qs(r) == [("1", "answered"), ("2", "ncnd")]
    assert r.questions[0].text.startswith("How many of the 40")


def test_one_answer_after_several_request_blocks_covers_them_all():
    r = parse_text(
        "Request 1\nHow many applications were received in 2023?\n"
        "Request 2\nPlease give the number of applications refused in 2023.\n"
        "Answer\nThe Police Service can neither confirm nor deny that it holds the information, by virtue of "
        "section 31(3).\n"
    )
    assert _qs(r) == [("1", "ncnd"), ("2", "ncnd")]


def test_answers_printed_after_each_question():
    r = parse_text(
        "Please provide the following data about children in care.\n"
        "1. How many children were placed out of area in 2022?\n"
        "Example County Council does not hold this information.\n"
        "2. How many of those children were placed in unregistered homes?\n"
        "Example County Council does not hold this information.\n"
        "3. How many children in care died in 2022?\n"
        "In response to question 3, we consider this information is exempt under Section 40(2) of the Freedom "
        "of Information Act (Personal Data).\n"
    )
    assert _qs(r) == [("1", "not-held"), ("2", "not-held"), ("3", "refused")]
    assert "does not hold" not in (r.request_text or "")


def test_an_answer_naming_what_you_provided_is_not_a_disclosure():
    r = parse_text(
        "Request 1\nDoes the force have a written policy on vetting?\n"
        "Answer 1\nWe can confirm that the force does not hold information in relation to your request, based "
        "on the information you have provided.\n"
        "Request 2\nHow many officers failed vetting in 2024?\n"
        "Answer\nAnyshire Police can neither confirm nor deny that it holds the information, by virtue of "
        "section 40(5).\n"
    )
    assert _qs(r) == [("1", "not-held"), ("2", "ncnd")]


def test_bulleted_requests_are_questions_in_order():
    r = parse_text(
        "I would like the following questions answered for 2017:\n"
        "- How many CCTV cameras are operated by the council\n"
        "- I'd like a list of their locations.\n"
        "- How much is spent on camera maintenance?\n"
        "Response\nQ1 - 96\nQ2 - The locations are exempt under section 31(1)(a).\nQ3 - £12,000\n"
    )
    assert [q.number for q in r.questions] == ["1", "2", "3"]
    assert _qs(r)[:2] == [("1", "answered"), ("2", "refused")]


def test_short_bullets_are_fields_of_one_question():
    r = parse_text(
        "Please tell me, for each incident in 2023:\n- date\n- location\n- outcome\n"
        "Response\nThe information is exempt under section 31(1)(a).\n"
    )
    assert [q.number for q in r.questions] == [None]


def test_statement_questions_printed_with_their_answers():
    r = parse_text(
        "FOI 1234 Security\n\n"
        "1. The total amount spent by your trust on private security during:\n\n"
        "The Example Hospital NHS Foundation Trust is withholding this information under Section 38 (Health and "
        "Safety) of the Freedom of Information Act.\n\n"
        "a) 2014/15 N/A\n\nb) 2015/16 N/A\n\n"
        "2. The total number of physical assaults on staff during:\n\n"
        "a) 2014/15 – 36\n\nb) 2015/16 – 56\n"
    )
    assert r.request_text.startswith("1. The total amount spent by your trust")
    assert _qs(r) == [("1", "refused"), ("2", "answered")]


def test_authority_numbered_heading_is_not_a_question():
    r = parse_text(
        "You asked:\n1. How many cameras do you operate?\n"
        "Response\nWe operate 40 cameras.\n"
        "2. The following exemptions apply to the rest of your request:\n"
        "Section 31(1)(a) - Law enforcement\n"
    )
    assert [e.citation for e in r.exemptions] == ["s31(1)(a)"]
