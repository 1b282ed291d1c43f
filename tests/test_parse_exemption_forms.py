"""Exemptions in every form letters print them, read from the authority's own words."""

from __future__ import annotations

import pytest

from appeal.parse import parse_text

REQ = "Your request:\nPlease provide the reports.\n\nResponse\n"


@pytest.mark.parametrize("answer, regime, want", [
    ("Section 31(1)(a)(b)-'Law Enforcement' applies to the reports, which are withheld.", "FOIA",
     ["s31(1)(a)", "s31(1)(b)"]),
    ("The names are exempt under Section 40(2)(a)&(b)&(3A)(a) of the Act.", "FOIA",
     ["s40(2)(a)", "s40(2)(b)", "s40(3A)(a)"]),
    ("The reports are withheld under S.31(1)(a).", "FOIA", ["s31(1)(a)"]),
    ("The reports are exempt under section 38(1)(b) of the Freedom of Information (Scotland) Act 2002.", "FOISA",
     ["s38(1)(b)"]),
    ("We are withholding the reports under section 30(b)(ii) of FOISA.", "FOISA", ["s30(b)(ii)"]),
    ("The names are withheld under Section 40(2) (Personal Information) of the Freedom of Information Act 2000.",
     "FOIA", ["s40(2)"]),
    ("This request has been handled under the Environmental Information Regulations 2004. The drafts are withheld "
     "under 12(4)(d) and the contract under 12(5)(e).", "EIR", ["reg12(4)(d)", "reg12(5)(e)"]),
    ("We have dealt with your request under the Environmental Information Regulations 2004. The names are withheld "
     "under regulation 13.", "EIR", ["reg13"]),
    ("This request was dealt with under the Environmental Information Regulations 2004. The contract is withheld "
     "under EIR 12(5)(e).", "EIR", ["reg12(5)(e)"]),
    ("We have handled your request under the Environmental Information Regulations 2004. The following exceptions "
     "apply:\n12(5)(e) – confidentiality of commercial information\n12(4)(d) – unfinished documents", "EIR",
     ["reg12(5)(e)", "reg12(4)(d)"]),
    ("The information is withheld as follows:\n| Document | Exemption |\n| Report A | Section 43(2) |\n"
     "| Report B | s.36(2)(b)(ii) |\n", "FOIA", ["s43(2)", "s36(2)(b)(ii)"]),
])
def test_exemption_forms(answer, regime, want):
    r = parse_text(REQ + answer + "\n")
    assert r.regime == regime
    assert [e.citation for e in r.exemptions] == want
    assert all(e.found == "cited" for e in r.exemptions)


def test_eisr_letter_printing_the_eir_numbering_is_recorded_under_the_eisr():
    r = parse_text(REQ + "We have dealt with your request under the Environmental Information (Scotland) "
                   "Regulations 2004. The drafts are withheld under regulation 12(4)(d) of the EIRs.\n")
    assert r.regime == "EISR"
    assert [e.citation for e in r.exemptions] == ["reg10(4)(d)"]
    assert any("EIR's numbering" in a and "10(4)(d)" in a for a in r.assumptions)
    (a, b), = r.exemptions[0].spans
    assert r.text[a:b].endswith("12(4)(d)")


def test_bare_regulation_shape_inside_the_request_is_not_relied_on():
    r = parse_text("Your request:\nHow often did you refuse under 12(4)(d) in 2023?\n\nResponse\n"
                   "We refused 14 requests in 2023.\n")
    assert r.exemptions == []


def test_subsections_only_described_in_an_annex_do_not_replace_the_section_relied_on():
    r = parse_text(REQ + "The information is exempt from release under Section 27 (International Relations) of the "
                   "Freedom of Information Act 2000.\n\nAnnex 1\nSection 27 – International Relations\n"
                   "Section 27(1) Information is exempt if its disclosure would, or would be likely to, harm UK "
                   "interests.\nSections 27(2) and (3) provide an exemption for information obtained in confidence.\n")
    assert [e.citation for e in r.exemptions] == ["s27"]
    assert len(r.exemptions[0].spans) >= 2


def test_a_subsection_relied_on_is_kept_beside_its_description():
    r = parse_text(REQ + "Section 40(2) provides that personal data of third parties is exempt. The names are "
                   "withheld under section 40(2) of the Act.\n")
    assert [e.citation for e in r.exemptions] == ["s40(2)"]
