"""NCND, disclosure, public-interest test, rights, review outcome, truncation, regime."""

import pytest

from appeal.parse import parse_text


@pytest.mark.parametrize("sentence", [
    "Cleveland Police can neither confirm nor deny that it holds the information relevant to your request.",
    "Essex Police neither confirms nor denies that it holds information.",
    "We will neither confirm nor deny whether the information is held.",
    "The Police Service of Northern Ireland is providing an NCND response to your request.",
    "The Trust is neither confirming nor denying whether it holds the information.",
    "We have adopted a neither confirm nor deny (NCND) stance in relation to your request.",
    "We cannot confirm or deny whether the information is held.",
])
def test_ncnd_statements(sentence):
    r = parse_text(f"Dear Sir,\n\n{sentence}\n")
    assert r.ncnd and r.ncnd_scope == "all"


@pytest.mark.parametrize("sentence", [
    "This request was refused in full. This may include information where we can neither confirm nor deny that we hold it.",
    "Factors favouring neither confirming nor denying: none.",
    "The balancing test for neither confirming nor denying is a matter for the authority.",
    "I am unable to confirm whether the department holds information, because of the cost.",
])
def test_not_ncnd(sentence):
    r = parse_text(f"Dear Sir,\n\n{sentence}\n")
    assert not r.ncnd and r.ncnd_scope is None


@pytest.mark.parametrize("sentence", [
    "In addition, West Midlands Police can neither confirm nor deny that it holds any other information relevant to this request.",
    "Northumbria Police can neither confirm nor deny that it holds any further information.",
    "The force neither confirms nor denies that it holds additional information in relation to your request.",
])
def test_ncnd_bolt_on_scope(sentence):
    r = parse_text(f"Response\n\nThe figure is 12.\n\n{sentence}\n")
    assert r.ncnd and r.ncnd_scope == "other"


def test_ncnd_quoted_in_the_request_is_not_the_authoritys():
    text = ("You asked:\nWhy did you say you will neither confirm nor deny holding my file?\n\n"
            "Response\nWe hold your file and attach a copy of it.\n")
    r = parse_text(text)
    assert not r.ncnd


@pytest.mark.parametrize("response, partial", [
    ("Please find attached a spreadsheet with the figures.", True),
    ("I am able to disclose the located information to you as follows.", True),
    ("1a. Charged - 5\n\n1b. Cautioned - 0", True),
    ("Some names have been redacted under section 40(2).", True),
    ("Please find this PIT attached below.", False),
    ("The figures are set out in Annex A.", True),
    ("Your request is set out in full at Annex A.", False),
    ("The arguments for and against disclosure are set out in Annex B.", False),
    ("We do not hold some of the information sought in this request.", False),
    ("A link to the Disclosure Log is provided below.", False),
    ("The information is exempt under section 31(1)(a) and is withheld.", False),
])
def test_partial_disclosure(response, partial):
    r = parse_text(f"Request\n\nHow many cases were there?\n\nResponse\n\n{response}\n")
    assert r.partial_disclosure is partial


@pytest.mark.parametrize("text, pit", [
    ("Factors favouring disclosure\nTransparency.\nFactors against disclosure\nHarm.", True),
    ("Balance test\nThe public interest in maintaining the exemption outweighs that in disclosure.", True),
    ("Public Interest Test (PIT)\n\nSection 31(3) Law Enforcement", True),
    ("Section 40(2) is an absolute exemption so there is no requirement to consider the public interest test.", False),
    ("This exemption is not subject to the public interest test.", False),
    ("This is a class based and absolute exemption, requiring no prejudice or public interest to be considered.", False),
])
def test_public_interest_test(text, pit):
    assert parse_text(f"Response\n\n{text}\n").public_interest_test is pit


def test_rights_stated_and_guidance_mentions_are_not_rights():
    both = parse_text("If you are dissatisfied you may request an internal review within 40 working days. "
                      "If you remain dissatisfied you can complain to the Information Commissioner.\n")
    assert both.review_rights_stated and both.commissioner_rights_stated
    neither = parse_text("PSNI have followed the Information Commissioner's Office guidance on costs.\n")
    assert not neither.review_rights_stated and not neither.commissioner_rights_stated
    scot = parse_text("If you are still unhappy after our review, you can ask the Scottish Information "
                      "Commissioner to review our decision.\n")
    assert scot.commissioner_rights_stated


@pytest.mark.parametrize("sentence, outcome", [
    ("I have now completed the internal review and I have upheld the original decision.", True),
    ("I have concluded that a different decision should be substituted.", True),
    ("The review panel met on 3 May and agreed with the original response.", True),
    ("If you are unhappy you may request an internal review of our decision.", False),
])
def test_review_outcome(sentence, outcome):
    assert parse_text(f"Dear Sir,\n\n{sentence}\n").is_review_outcome is outcome


@pytest.mark.parametrize("ending, truncated", [
    ("The information is exempt because it would", True),
    ("The information is exempt because...", True),
    ("In reply to question 3, the figures were:", True),
    ("The information is exempt.", False),
    ("The information is exempt.\n\nYours sincerely\n\nA Officer\nFOI Team", False),
    ("No inference can be taken from this.\n\nAttachments\n\nComments are closed", False),
])
def test_truncation(ending, truncated):
    assert parse_text(f"Dear Sir,\n\nThank you for your request.\n\n{ending}").truncated is truncated


@pytest.mark.parametrize("text, regime", [
    ("We have dealt with your request under the Freedom of Information (Scotland) Act 2002 (FOISA).", "FOISA"),
    ("This information is exempt under section 30(b)(i) of FOISA.", "FOISA"),
    ("We refuse the request under regulation 12(4)(b) of the Environmental Information Regulations 2004.", "EIR"),
    ("We apply the exception in regulation 10(4)(b) of the Environmental Information (Scotland) Regulations 2004 "
     "and section 39(2) of the Freedom of Information (Scotland) Act 2002.", "EISR"),
    ("The information is exempt under section 43(2) of the Freedom of Information Act 2000.", "FOIA"),
    ("Your request is refused as vexatious under section 14(1) of FOIA. Any environmental information is "
     "withheld under regulation 12(4)(b) of the EIR. We are dealing with your request under the "
     "Freedom of Information Act 2000.", "FOIA"),
])
def test_regime(text, regime):
    r = parse_text(f"Dear Sir,\n\n{text}\n")
    assert r.regime == regime
    assert not any("FOIA assumed" in a for a in r.assumptions)


def test_police_scotland_letter_is_foisa_by_nation():
    r = parse_text("Dear Sir,\n\nPolice Scotland does not hold the information you asked for.\n")
    assert r.regime == "FOISA" and r.authority.nation == "scotland"


def test_exemptions_merged_per_citation_with_every_span():
    text = ("Response\n\nThe information is exempt under Section 31(1)(a). Section 31 is a qualified exemption. "
            "We also rely on section 31(1)(a) for the second part.\n")
    r = parse_text(text)
    assert [e.citation for e in r.exemptions] == ["s31(1)(a)"]
    assert len(r.exemptions[0].spans) == 3


def test_explaining_s1_and_s17_relies_on_nothing():
    text = ("Response\n\nSection 1 of the Freedom of Information Act 2000 places two duties on public authorities. "
            "Section 17 of the Act requires a notice stating which exemption applies. We enclose the figures.\n")
    r = parse_text(text)
    assert r.exemptions == []


def test_list_of_bodies_subsection_is_not_relied_on():
    text = ("Response\n\nWe rely on Section 23(5) Information supplied by, or concerning, certain security bodies "
            "listed at Section 23(3).\n")
    assert [e.citation for e in parse_text(text).exemptions] == ["s23(5)"]


def test_likelihood_not_stated_and_would():
    text = ("Response\n\nThe information is exempt under section 31(1)(a) of the Freedom of Information Act 2000.\n\n"
            "Harm\n\nDisclosure could assist offenders and may undermine investigations.\n")
    ex = parse_text(text).exemptions[0]
    assert ex.harm_stated and ex.likelihood == ["could", "may"]
    text2 = text.replace("could assist offenders and may undermine", "would undermine")
    assert parse_text(text2).exemptions[0].likelihood == ["would"]
    text3 = ("Response\n\nThe information is exempt under section 31(1)(a) of the Freedom of Information Act 2000.\n")
    ex3 = parse_text(text3).exemptions[0]
    assert ex3.harm_stated is False and ex3.likelihood == []


@pytest.mark.parametrize("sentence", [
    "We have considered section 36 but section 36 does not apply here.",
    "We have not applied section 43 to this information.",
    "In reply to question 3, the department used section 35 to withhold information the following number of times: 12.",
])
def test_exemptions_set_aside_or_counted_are_not_relied_on(sentence):
    text = f"Response\n\nThe information is exempt under section 40(2) of the Freedom of Information Act 2000.\n{sentence}\n"
    assert [e.citation for e in parse_text(text).exemptions] == ["s40(2)"]


def test_review_rights_paragraph_is_not_a_review_outcome():
    text = ("Dear Sir,\n\nThe information is enclosed.\n\nIf you are not content with the outcome of the internal "
            "review, you have the right to apply directly to the Information Commissioner.\n")
    r = parse_text(text)
    assert not r.is_review_outcome and r.commissioner_rights_stated


def test_decision_heading_does_not_hide_the_harm():
    text = ("Your request:\nHow much was spent on agency nurses per ward?\n\nDecision\n\nThe ward figures are withheld "
            "under section 43(2) of the Freedom of Information Act 2000 because release would be likely to prejudice "
            "the Trust's commercial interests.\n")
    r = parse_text(text)
    assert r.request_text == "How much was spent on agency nurses per ward?"
    assert r.exemptions[0].likelihood == ["would be likely to"] and r.exemptions[0].harm_stated


def test_general_harm_statement_counts_and_balance_test_does_not():
    text = ("Response\n\nWe rely on the following exemptions:\nSection 30(3) - Investigations\n"
            "Section 31(3) - Law enforcement\n\nThe Section 30 exemption is class based, so it would need no "
            "harm test.\n\nOverall harm:\nDisclosure could compromise investigations.\n\n"
            "S31 Factors against disclosure:\nConfirming that the information is held may harm detection.\n\n"
            "Balance test\nIt would undermine law enforcement to confirm, so the balance favours NCND.\n")
    by = {e.citation: e for e in parse_text(text).exemptions}
    assert by["s31(3)"].likelihood == ["could", "may"]  # the "would" sentences are not its harm
    assert by["s31(3)"].harm_stated


def test_scottish_review_outcome_and_no_review_right_after_it():
    text = ("Our reference: ABC/1/R\nDate: 30 August 2024\n\nFREEDOM OF INFORMATION (SCOTLAND) ACT 2002 - REVIEW OF "
            "RESPONSE\n\nThank you for your requirement for review. Having reconsidered the request, I uphold the "
            "original decision.\n\nIf you remain dissatisfied, you have the right to apply to the Scottish Information "
            "Commissioner for a decision within six months of receiving this review response.\n")
    r = parse_text(text)
    assert r.is_review_outcome and r.regime == "FOISA"
    assert r.commissioner_rights_stated and not r.review_rights_stated
