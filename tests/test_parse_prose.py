"""Grounds stated in prose only: a cost refusal is s12 (FOIA, FOISA) or the manifestly
unreasonable exception (EIR reg 12(4)(b), EISR reg 10(4)(b)); "vexatious" is s14(1). Each
is recorded as found "inferred" and listed in the assumptions. General statements of the
law and grounds set aside add nothing."""

from __future__ import annotations

import pytest

from appeal.parse import parse_text

REQ = "Your request:\nPlease provide every e-mail sent by the planning team in 2022.\n\nResponse\n"


def only(r):
    return [(e.citation, e.found) for e in r.exemptions]


@pytest.mark.parametrize("answer", [
    "Unfortunately, Anyshire Police are unable to provide the information. It is estimated that the cost "
    "of locating the information you seek would exceed the time threshold.",
    "We have estimated that the cost of meeting your request would exceed the cost limit of £600.",
    "To provide the information requested would far exceed the permitted 18 hours.",
    "We estimate that it will take us in excess of 2.5 working days to locate and retrieve it.",
])
def test_cost_in_prose_is_s12_under_foia(answer):
    r = parse_text(REQ + answer + "\nThe request was dealt with under the Freedom of Information Act 2000.\n")
    assert only(r) == [("s12", "inferred")]
    assert any("s12" in a or "section 12" in a for a in r.assumptions)
    ex = r.exemptions[0]
    assert r.text[ex.spans[0][0]:ex.spans[0][1]]  # the words it was inferred from


def test_cost_in_prose_under_foisa_is_foisa_s12():
    r = parse_text(REQ + "Your request would exceed the upper cost limit of £600 under the Freedom of "
                   "Information (Scotland) Act 2002, so we are not required to comply with it.\n")
    assert r.regime == "FOISA"
    assert only(r) == [("s12", "inferred")]
    assert any("FOISA section 12" in a for a in r.assumptions)


def test_cost_in_prose_under_eir_is_manifestly_unreasonable():
    r = parse_text(REQ + "We have dealt with your request under the Environmental Information Regulations "
                   "2004. We estimate that compliance would exceed the appropriate limit of 18 hours.\n")
    assert r.regime == "EIR"
    assert only(r) == [("reg12(4)(b)", "inferred")]


def test_vexatious_in_prose_is_s14_1():
    r = parse_text(REQ + "Your request is considered vexatious and we will not respond to it further. "
                   "This is dealt with under the Freedom of Information Act 2000.\n")
    assert only(r) == [("s14(1)", "inferred")]


def test_cited_provision_is_not_inferred_again():
    r = parse_text(REQ + "Section 12(1) of the Freedom of Information Act 2000 applies: the cost of compliance "
                   "would exceed the appropriate limit.\n")
    assert only(r) == [("s12(1)", "cited")]
    assert not any("inferred" in a for a in r.assumptions)


@pytest.mark.parametrize("answer", [
    "The Act allows a public authority to refuse a request where the cost would exceed the appropriate limit. "
    "The figures are attached.",
    "The work needed to answer your request would not exceed the appropriate limit, so the figures are attached.",
    "We were able to answer within the cost limit. The figures are attached.",
    "We do not consider your request vexatious. The figures are attached.",
])
def test_general_law_or_negation_infers_nothing(answer):
    r = parse_text(REQ + answer + "\n")
    assert only(r) == []


def test_cost_words_inside_the_request_infer_nothing():
    r = parse_text("Your request:\nIf answering would exceed the appropriate limit, please provide only 2022.\n\n"
                   "Response\nThe figures are attached.\n")
    assert only(r) == []
