"""parse_text on synthetic letters (tests/letters/), one per form the parser must read."""

from pathlib import Path

import pytest

from appeal.parse import parse_text

LETTERS = Path(__file__).parent / "letters"


def parse(name: str):
    return parse_text((LETTERS / name).read_text(encoding="utf-8"), source=name)


def cits(r):
    return [e.citation for e in r.exemptions]


def test_joint_unit_letterhead_is_not_the_deciding_authority():
    r = parse("joint_unit_ncnd.txt")
    # Kent's headquarters letterhead and e-mail, but Essex neither confirms nor denies
    assert r.authority.name == "Essex Police"
    assert (r.authority.kind, r.authority.nation) == ("police", "england")
    assert r.reference == "FOI2021/00321"
    assert r.dates.letter == "2021-02-04"
    assert r.dates.received == "2021-01-11"
    assert any("taken from the letter date" in a for a in r.assumptions)
    assert cits(r) == ["s23(5)", "s31(3)"]
    assert r.ncnd and r.ncnd_scope == "other"
    assert r.partial_disclosure and r.public_interest_test
    assert r.review_rights_stated and r.commissioner_rights_stated
    assert not r.truncated and not r.is_review_outcome
    assert r.request_text.startswith("1. How many reports of online fraud")
    assert "world at large" not in r.request_text


def test_exemption_records_come_from_the_catalogue_with_all_spans():
    r = parse("joint_unit_ncnd.txt")
    s23, s31 = r.exemptions
    assert s23.ncnd and s23.absolute is True and s23.test == "class"
    assert s31.ncnd and s31.absolute is False and s31.test == "prejudice"
    # "Section 31(3)" in the list and the bare "Section 31" paragraph are the same exemption
    assert len(s31.spans) == 2
    for a, b in s31.spans:
        assert "31" in r.text[a:b]
    assert s31.harm_stated is True
    assert s31.likelihood[:2] == ["could", "may"]


def test_bolt_on_ncnd_after_answers_and_request_false_positives():
    r = parse("wmp_style_bolt_on.txt")
    assert r.authority.name == "Greater Manchester Police"
    assert r.reference == "2231_19"  # from the title, not the offence code 71/17
    assert r.dates.letter is None and r.dates.received is None  # 05.08.19 is in the request
    # section 15 of the Sexual Offences Act is in the request and is another Act
    assert cits(r) == ["s31(1)(a)", "s31(1)(b)", "s23(5)", "s31(3)"]
    assert r.ncnd and r.ncnd_scope == "other"
    assert r.partial_disclosure  # figures answered
    assert r.public_interest_test
    assert not r.review_rights_stated and not r.commissioner_rights_stated
    by = {e.citation: e for e in r.exemptions}
    assert by["s31(1)(a)"].likelihood == ["could", "might"]  # the Harm section
    assert by["s31(3)"].likelihood == ["would"]
    assert not r.truncated  # web chrome after the last sentence


def test_s1_and_s17_explained_are_not_exemptions():
    r = parse("s1_s17_explained.txt")
    assert r.exemptions == []
    assert not r.ncnd and r.ncnd_scope is None
    assert r.authority.name == "Northshire County Council" and r.authority.kind == "council"
    assert r.reference == "FOI-2023-0456"
    assert r.dates.letter == "2023-06-07" and r.dates.received == "2023-05-16"
    assert r.request_text == "Please tell me how many potholes were repaired on the B1234 in 2022."


def test_cost_refusal_estimate_breakdown_and_advice():
    r = parse("council_cost.txt")
    assert cits(r) == ["s12"]
    assert r.exemptions[0].test == "cost"
    assert r.cost is not None
    # the £450 / 18 hours limit is not the estimate
    assert r.cost.hours == 66 and r.cost.pounds == 1650
    assert r.cost.breakdown_given and r.cost.advice_given
    assert r.reference == "FOI 7781"
    assert r.dates.received == "2022-02-01"


def test_cost_refusal_without_estimate_or_advice():
    text = (LETTERS / "council_cost.txt").read_text()
    text = text.replace(
        "We estimate that there are around 800 paper files, and that it would take about 5 minutes per file "
        "to locate and extract the invoices, which comes to approximately 66 hours, or £1,650.", "")
    text = text.replace("You may wish to narrow your request, for example by asking for a single quarter "
                        "of 2021, which we may be able to answer within the limit.", "")
    r = parse_text(text)
    assert r.cost.hours is None and r.cost.pounds is None
    assert not r.cost.breakdown_given and not r.cost.advice_given


def test_scottish_government_foisa():
    r = parse("scotgov_foisa.txt")
    assert r.regime == "FOISA"
    assert (r.authority.name, r.authority.kind, r.authority.nation) == ("Scottish Government", "devolved", "scotland")
    assert r.reference == "FOI/22/01234"
    assert r.dates.received == "2022-05-04" and r.dates.letter == "2022-05-30"
    assert cits(r) == ["s30(b)(i)", "s38(1)(b)"]
    assert r.partial_disclosure and r.public_interest_test
    assert r.commissioner_rights_stated and r.review_rights_stated


def test_eir_regulations_relied_on():
    r = parse("eir_council.txt")
    assert r.regime == "EIR"
    assert cits(r) == ["reg12(4)(b)"]
    assert r.reference == "EIR-24-0099"
    assert r.dates.received == "2024-08-22"
    assert r.public_interest_test


def test_uk_department_answering_about_scotland_is_foia():
    r = parse("dept_about_scotland.txt")
    assert r.regime == "FOIA"
    assert r.authority.name == "Department for Transport"
    assert (r.authority.kind, r.authority.nation) == ("department", "uk")
    assert r.reference == "F0012345"
    assert cits(r) == ["s43(2)"]
    assert r.exemptions[0].likelihood == ["would be likely to"]
    assert r.dates.letter == "2023-10-12" and r.dates.received == "2023-09-20"


def test_internal_review_outcome():
    r = parse("review_outcome.txt")
    assert r.is_review_outcome
    assert r.authority.name == "Durham Constabulary"
    assert r.reference == "IR/2022/0077"
    assert cits(r) == ["s40(2)"]
    assert r.commissioner_rights_stated
    assert not r.review_rights_stated  # "I have completed the review" is not a right to one


def test_truncated_letter():
    r = parse("truncated.txt")
    assert r.truncated
    assert cits(r) == ["s31(1)(a)"]
    assert r.reference == "1234/19"
    assert r.dates.letter == "2019-04-02" and r.dates.received == "2019-03-06"


def test_ellipsis_ending_is_truncated_and_signed_letter_is_not():
    assert parse_text("Dear Sir,\n\nWe hold the information and it is exempt because...").truncated
    assert not parse("council_cost.txt").truncated


def test_december_request_for_january_letter_takes_previous_year():
    r = parse("december_received.txt")
    assert r.dates.letter == "2020-01-10"
    assert r.dates.received == "2019-12-16"
    assert any("the year before" in a for a in r.assumptions)
    # nothing names the Act: FOIA is assumed, and said so
    assert r.regime == "FOIA"
    assert any("FOIA assumed" in a for a in r.assumptions)


def test_psni_request_answer_blocks():
    r = parse("psni_blocks.txt")
    assert r.authority.name == "Police Service of Northern Ireland"
    assert r.authority.nation == "northern-ireland"
    assert r.reference == "FOI/00123"
    assert cits(r) == ["s24(2)", "s31(3)"]  # s1 and s17(1) are explained, not relied on
    assert r.ncnd and r.ncnd_scope == "all"
    assert "unmarked surveillance vans" in r.request_text
    assert "How many such vans" in r.request_text
    assert "Refusal Notice" not in r.request_text


def test_nothing_to_go_on():
    r = parse("no_act_named.txt")
    assert r.authority.name is None and r.reference is None
    assert r.dates.letter is None and r.dates.received is None
    assert r.exemptions == [] and not r.ncnd
    assert r.regime == "FOIA" and any("FOIA assumed" in a for a in r.assumptions)


@pytest.mark.parametrize("name", sorted(p.name for p in LETTERS.glob("*.txt")))
def test_every_letter_round_trips_through_json(name):
    from appeal.model import Refusal

    r = parse(name)
    again = Refusal.from_dict(r.to_dict())
    assert again.to_dict() == r.to_dict()
    for e in r.exemptions:
        assert e.spans and all(0 <= a < b <= len(r.text) for a, b in e.spans)


def test_numbered_questions_without_a_marker():
    text = ("Southvale City Council\nOur Ref: EIR/2021/0456\nDate: 9th July 2021\n\nDear Mr Brown,\n\n"
            "Thank you for your request for information received on 14th June 2021.\n\n"
            "1. What is the gate fee per tonne paid to the operator?\n"
            "2. Who negotiated the contract?\n\n"
            "We have considered your request under the Environmental Information Regulations 2004.\n\n"
            "The gate fee is withheld under regulation 12(5)(e), as disclosure would adversely affect the "
            "operator's legitimate economic interests.\n")
    r = parse_text(text)
    assert r.request_text == "1. What is the gate fee per tonne paid to the operator?\n2. Who negotiated the contract?"
    assert r.regime == "EIR" and [e.citation for e in r.exemptions] == ["reg12(5)(e)"]
    assert r.dates.received == "2021-06-14" and r.dates.letter == "2021-07-09"


def test_parsing_one_letter_after_another_gives_the_same_answers():
    a = (LETTERS / "joint_unit_ncnd.txt").read_text()
    b = (LETTERS / "council_cost.txt").read_text()
    first = parse_text(a).to_dict()
    other = parse_text(b).to_dict()
    assert parse_text(a).to_dict() == first
    assert parse_text(b).to_dict() == other
    # an equal text in a new string object is read the same way
    assert parse_text("".join(list(a))).to_dict() == first
