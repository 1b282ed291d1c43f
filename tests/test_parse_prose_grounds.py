"""Grounds stated only in prose: an NCND whose harm names one FOIA subject (safety -> s38(2)),
and a cost refusal as "would cost more than £450" / "exceeds the 'appropriate level'".
Recorded as inferred, with an assumption; never when a provision is cited or two subjects fit."""

from __future__ import annotations

from appeal.parse import parse_text


def _cits(r):
    return [(e.citation, e.found) for e in r.exemptions]


def test_prose_ncnd_on_safety_is_s38_2():
    r = parse_text(
        "You asked how many asylum seekers were housed in one postcode.\n"
        "The Home Office declined to answer, citing an exemption from the duty to confirm or deny whether "
        "information is held, where its disclosure could endanger the safety of individuals.\n"
    )
    assert r.ncnd is True
    assert _cits(r) == [("s38(2)", "inferred")]
    assert any("38(2)" in a and "inferred" in a for a in r.assumptions)


def test_prose_ncnd_on_national_security_is_s24_2():
    r = parse_text(
        "You asked how many reports were received.\n"
        "We are relieved of the duty to confirm or deny whether we hold this information because to do so "
        "would harm national security.\n"
    )
    assert _cits(r) == [("s24(2)", "inferred")]


def test_prose_ncnd_with_two_subjects_infers_nothing():
    r = parse_text(
        "You asked how many reports were received.\n"
        "We are relieved of the duty to confirm or deny whether we hold this information because to do so "
        "would harm national security and law enforcement.\n"
    )
    assert r.exemptions == []


def test_cited_ncnd_provision_is_not_doubled():
    r = parse_text(
        "You asked how many reports were received.\n"
        "Anyshire Police neither confirm nor deny that it holds the information, by virtue of section 38(2), "
        "as the duty to confirm or deny could endanger the safety of individuals.\n"
    )
    assert [e.citation for e in r.exemptions] == ["s38(2)"]
    assert all(e.found == "cited" for e in r.exemptions)


def test_cost_more_than_450_in_prose_is_s12():
    r = parse_text(
        "You asked for every record of drone trials since 2010.\n"
        "Locating the information exceeds the 'appropriate level' as stated in the Fees Regulations. "
        "It is estimated that it would cost more than £450 to comply with your request.\n"
    )
    assert ("s12", "inferred") in _cits(r)


def test_cost_figure_within_the_limit_is_not_a_refusal():
    r = parse_text(
        "You asked for the list of contracts.\n"
        "Please find the list attached. Locating it did not exceed the appropriate limit.\n"
    )
    assert r.exemptions == []
