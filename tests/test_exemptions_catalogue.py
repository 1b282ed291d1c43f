"""The exemption catalogue: titles, status, NCND limbs, fallbacks and regime differences."""

import tomllib

import pytest

from appeal.law import exemptions
from appeal.law.exemptions import ExemptionInfo, is_exemption, lookup, section_of


def test_catalogue_loads_once_and_is_cached():
    assert exemptions.catalogue() is exemptions.catalogue()
    assert set(exemptions.catalogue()) == {"FOIA", "EIR", "FOISA", "EISR"}


def test_every_section_entry_has_a_title_and_a_known_test():
    with exemptions.CATALOGUE_PATH.open("rb") as fh:
        data = tomllib.load(fh)
    for regime in exemptions.REGIMES:
        for key, entry in data[regime].items():
            if "(" not in key:
                assert entry.get("title"), f"{regime} {key} has no title"
                assert entry.get("test") in exemptions.TESTS, f"{regime} {key}: test"
            if "test" in entry:
                assert entry["test"] in exemptions.TESTS, f"{regime} {key}: test"
            if "absolute" in entry:
                assert entry["absolute"] in (True, False, "depends"), f"{regime} {key}: absolute"
            if entry.get("absolute") is True:
                # nothing invented: every absolute provision says which provision makes it so
                assert entry.get("absolute_basis") or data[regime][section_of(key)].get("absolute_basis")


def test_every_entry_answers_with_its_own_basis():
    for regime in exemptions.REGIMES:
        for info in exemptions.all_entries(regime):
            assert info.basis == f"{regime} {info.citation}"
            assert info.title


@pytest.mark.parametrize(
    "citation, regime, title_part, absolute, test, ncnd",
    [
        ("s23(5)", "FOIA", "bodies dealing with security matters", True, "class", True),
        ("s24(2)", "FOIA", "National security", False, "other", True),
        ("s30(3)", "FOIA", "Investigations and proceedings", False, "class", True),
        ("s31(3)", "FOIA", "Law enforcement", False, "prejudice", True),
        ("s31(1)(a)", "FOIA", "prevention or detection of crime", False, "prejudice", False),
        ("s38(2)", "FOIA", "Health and safety", False, "other", True),
        ("s40(5)", "FOIA", "Personal information", None, "class", True),
        ("s40(2)", "FOIA", "Personal information", True, "class", False),
        ("s40(1)", "FOIA", "own personal data", True, "class", False),
        ("s41", "FOIA", "Information provided in confidence", True, "class", False),
        ("s43(2)", "FOIA", "Commercial interests", False, "prejudice", False),
        ("s43(3)", "FOIA", "Commercial interests", False, "prejudice", True),
        ("s21", "FOIA", "accessible to applicant by other means", True, "class", False),
        ("s32", "FOIA", "Court records", True, "class", False),
        ("s34", "FOIA", "Parliamentary privilege", True, "class", False),
        ("s44", "FOIA", "Prohibitions on disclosure", True, "class", False),
        ("s36(2)(b)(i)", "FOIA", "free and frank provision of advice", False, "prejudice", False),
        ("s12", "FOIA", "cost of compliance", None, "cost", False),
        ("s14(1)", "FOIA", "Vexatious", None, "vexatious", False),
        ("reg12(4)(b)", "EIR", "Manifestly unreasonable", False, "cost", False),
        ("reg12(5)(e)", "EIR", "commercial or industrial", False, "prejudice", False),
        ("reg12(6)", "EIR", "Neither confirm nor deny", False, "prejudice", True),
        ("reg13", "EIR", "Personal data", None, "class", False),
        ("reg13(5A)", "EIR", "Personal data", None, "class", True),
        ("s25", "FOISA", "Information otherwise accessible", True, "class", False),
        ("s30(b)(i)", "FOISA", "free and frank provision of advice", False, "prejudice", False),
        ("s35(1)(a)", "FOISA", "prevention or detection of crime", False, "prejudice", False),
        ("s36(2)", "FOISA", "breach of confidence", True, "class", False),
        ("s38(1)(b)", "FOISA", "Personal information", True, "class", False),
        ("s18", "FOISA", "responses to request", None, "other", True),
        ("s12", "FOISA", "Excessive cost", None, "cost", False),
        ("reg10(4)(b)", "EISR", "Manifestly unreasonable", False, "cost", False),
        ("reg10(5)(b)", "EISR", "course of justice", False, "prejudice", False),
        ("reg11", "EISR", "Personal data", None, "class", False),
    ],
)
def test_lookup(citation, regime, title_part, absolute, test, ncnd):
    info = lookup(citation, regime)
    assert isinstance(info, ExemptionInfo)
    assert info.citation == citation
    assert title_part.lower() in info.title.lower()
    assert (info.absolute, info.test, info.ncnd) == (absolute, test, ncnd)


def test_falls_back_to_parents_but_keeps_the_citation():
    info = lookup("s31(2)(b)", "FOIA")  # not catalogued itself: s31's entry answers
    assert info.citation == "s31(2)(b)"
    assert info.section == "s31"
    assert info.basis == "FOIA s31"
    assert info.title == "Law enforcement"
    limb = lookup("s40(5B)(a)(i)", "FOIA")  # inherits the NCND flag from s40(5B)
    assert limb.ncnd is True and limb.basis == "FOIA s40(5B)" and limb.citation == "s40(5B)(a)(i)"


def test_limb_overrides_section():
    assert lookup("s43", "FOIA").test == "prejudice"
    assert lookup("s43(1)", "FOIA").test == "class"  # trade secrets
    assert lookup("s37(1)(a)", "FOIA").absolute is True
    assert lookup("s37(1)(b)", "FOIA").absolute is False
    assert lookup("s37(2)", "FOIA").absolute is None  # depends on the limb it protects


@pytest.mark.parametrize(
    "citation, regime",
    [
        ("s1(1)(a)", "FOIA"), ("s1", "FOIA"), ("s2", "FOIA"), ("s10", "FOIA"), ("s16", "FOIA"),
        ("s17(1)", "FOIA"), ("s45", "FOIA"), ("s50", "FOIA"), ("s77", "FOIA"), ("s84", "FOIA"),
        ("s23(3)", "FOIA"),  # the list of security bodies grants nothing by itself
        ("s17", "FOISA"), ("s47", "FOISA"),
        ("reg5", "EIR"), ("reg14", "EIR"), ("reg11", "EIR"),  # reg 11 EIR is representations
        ("s31", "EIR"), ("reg12(4)(b)", "FOIA"),  # wrong regime for the form
        ("reg12(4)(b)", "EISR"), ("reg10(4)(b)", "EIR"),
        ("not a citation", "FOIA"), ("s31", "GDPR"),
    ],
)
def test_not_exemptions(citation, regime):
    assert lookup(citation, regime) is None
    assert is_exemption(citation, regime) is False


def test_regime_differences():
    # FOISA s30 is the public-affairs exemption (FOIA s36); FOIA s30 is investigations
    assert "Investigations" in lookup("s30", "FOIA").title
    assert "effective conduct of public affairs" in lookup("s30", "FOISA").title
    assert lookup("s30", "FOIA").test == "class"
    assert lookup("s30", "FOISA").test == "prejudice"
    # law enforcement is s31 in FOIA, s35 in FOISA
    assert lookup("s35", "FOISA").title == "Law enforcement"
    assert "Formulation of government policy" in lookup("s35", "FOIA").title
    # FOISA s38 personal information, FOIA s38 health and safety
    assert lookup("s38", "FOISA").title == "Personal information"
    assert lookup("s38", "FOIA").title == "Health and safety"
    # FOISA s36(2) confidence is absolute; FOIA s36 is qualified
    assert lookup("s36(2)", "FOISA").absolute is True
    assert lookup("s36(2)", "FOIA").absolute is False
    # NCND: FOIA subsections vs FOISA s18
    assert lookup("s31(3)", "FOIA").ncnd is True
    assert lookup("s18", "FOISA").ncnd is True
    assert lookup("s18", "FOIA") is None


def test_manifestly_unreasonable_covers_cost_and_vexatious():
    for cit, regime in (("reg12(4)(b)", "EIR"), ("reg10(4)(b)", "EISR")):
        info = lookup(cit, regime)
        assert info.covers == ("cost", "vexatious")
        assert info.qualified is True  # subject to the public interest test
    assert lookup("s12", "FOIA").qualified is False  # a refusal ground: no public interest test
    assert lookup("s14", "FOISA").qualified is False


def test_absolute_carries_its_basis():
    assert lookup("s23(5)", "FOIA").absolute_basis == "FOIA s2(3)(b)"
    assert lookup("s25(1)", "FOISA").absolute_basis == "FOISA s2(2)(a)"
    assert lookup("s31(3)", "FOIA").absolute_basis is None


def test_regime_is_case_insensitive_and_citation_tolerant():
    assert lookup("s23(5)", "foia").citation == "s23(5)"
    assert lookup("S 31(3)", "FOIA").citation == "s31(3)"


def test_unverified_entries_are_marked():
    assert lookup("reg10(8)", "EISR").verified is False
    assert lookup("s31(1)(a)", "FOIA").verified is True


@pytest.mark.parametrize(
    "citation, section",
    [("s31(1)(a)", "s31"), ("reg12(4)(b)", "reg12"), ("s40(5B)(a)(i)", "s40"), ("s12", "s12"),
     ("reg13", "reg13"), ("s22A(2)", "s22A")],
)
def test_section_of(citation, section):
    assert section_of(citation) == section


def test_seed_exemptions_resolve():
    # the exemptions the seed letters cite (design.md example: s23(5) absolute class NCND)
    for cit in ("s23(5)", "s30(3)", "s31(3)", "s40(5)", "s31(1)(a)", "s31(1)(b)"):
        assert is_exemption(cit, "FOIA")
    d = lookup("s23(5)", "FOIA")
    assert (d.ncnd, d.absolute, d.test) == (True, True, "class")
