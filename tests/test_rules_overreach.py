"""The over-reaches a lawyer found (issue 9, section A), each as a class: a synthetic letter where the
rule must fire and a near miss where it must not. Letters are written here, parsed as users' are."""

from __future__ import annotations

from types import SimpleNamespace

from appeal.parse import parse_text
from appeal.rules import run
from appeal.rules.context import short_quote

CLOSE = (
    "If you are unhappy with this response you may ask for an internal review within 40 working days. "
    "If you remain dissatisfied after the review you may complain to the Information Commissioner.\n\n"
    "Yours sincerely\n\nInformation Compliance Unit\n"
)


def police(request: str, response: str, *, close: str = CLOSE) -> str:
    return (
        "Westshire Police\nInformation Compliance Unit\n\n12 March 2024\n\nReference: FOI/2024/0101\n\n"
        "I write in connection with your request for information received on 14 February 2024. You asked:\n\n"
        f"{request}\n\nResponse\n\n{response}\n\n{close}"
    )


def council_eir(request: str, response: str) -> str:
    return (
        "Eastvale District Council\nInformation Governance\n\n3 April 2024\n\nOur reference: EIR-2024-077\n\n"
        "Thank you for your request for environmental information received on 4 March 2024. You asked:\n\n"
        f"{request}\n\nOur response\n\nThe request has been considered under the Environmental Information "
        f"Regulations 2004.\n\n{response}\n\n"
        "If you are unhappy with this response you may ask for an internal review within 40 working days. "
        "You may then complain to the Information Commissioner.\n\nYours faithfully\n\nInformation Governance\n"
    )


def findings(text: str, **change):
    refusal = parse_text(text)
    for k, v in change.items():
        setattr(refusal, k, v)
    return {f.rule: f for f in run(refusal).findings}


NCND_COUNTS = "How many offences of {what} were recorded by the force in each of the last three years?"


def ncnd_reply(cites: str, harm: str = "", pit: str = "") -> str:
    return (
        "Westshire Police neither confirms nor denies that it holds information relevant to your request, by "
        f"virtue of the following exemptions:\n\n{cites}\n\n{harm}\n\n{pit}"
    ).strip()


# ---- national security -------------------------------------------------------------------------
S30_ONLY = "Section 30(3) Investigations"
BALANCE_NS = ("Balance test\n\nThe security of the country is of paramount importance and the force will not "
              "divulge whether information is held if to do so would undermine national security.")


def test_national_security_weighed_under_s30_only_is_strong():
    f = findings(police(NCND_COUNTS.format(what="shoplifting"), ncnd_reply(S30_ONLY, pit=BALANCE_NS)))
    got = f["national-security-mismatch"]
    assert got.strength == "strong"
    assert "security of the country" in got.evidence[0].quote
    assert "s30(3)" in got.argument


def test_national_security_weighed_with_s24_cited_is_no_mismatch():
    cites = "Section 24(2) National Security\nSection 30(3) Investigations"
    f = findings(police(NCND_COUNTS.format(what="shoplifting"), ncnd_reply(cites, pit=BALANCE_NS)))
    assert "national-security-mismatch" not in f


def test_s23_cited_for_counts_is_not_national_security_mismatch_but_a_link_point():
    cites = "Section 23(5) Security Bodies\nSection 31(3) Law Enforcement"
    f = findings(police(NCND_COUNTS.format(what="burglary"), ncnd_reply(cites)))
    assert "national-security-mismatch" not in f
    assert f["security-link-unexplained"].strength in ("moderate", "weak")


def test_terrorism_talk_is_moderate_and_silent_when_the_request_is_about_terrorism():
    pit = ("Factors against confirming or denying\n\nConfirming or denying would assist terrorists in planning "
           "attacks on crowded places.")
    f = findings(police(NCND_COUNTS.format(what="shoplifting"), ncnd_reply(S30_ONLY, pit=pit)))
    assert f["national-security-mismatch"].strength == "moderate"
    f = findings(police(NCND_COUNTS.format(what="terrorism"), ncnd_reply(S30_ONLY, pit=pit)))
    assert "national-security-mismatch" not in f


# ---- security-link-unexplained ---------------------------------------------------------------------
S23_S24 = "Section 23(5) Information supplied by, or concerning, certain Security Bodies\nSection 24(2) National Security"


def test_security_link_unexplained_for_website_visit_counts():
    req = "How many times did computers on the force network visit the website example.com in 2023?"
    f = findings(police(req, ncnd_reply(S23_S24 + "\nSection 31(3) Law Enforcement")))
    got = f["security-link-unexplained"]
    assert got.strength == "moderate"  # moderate at most: an explanation point
    assert "may be cited in the alternative" in got.argument  # s23 + s24 together is no ground by itself
    assert "Section 23(5)" in got.evidence[0].quote
    assert "withdraw s23(5) and s24(2)" in got.ask


def test_security_link_anticipates_the_nca_for_online_child_abuse():
    req = NCND_COUNTS.format(what="online grooming of children")
    f = findings(police(req, ncnd_reply("Section 23(5) Security Bodies\nSection 31(3) Law Enforcement")))
    got = f["security-link-unexplained"]
    assert "National Crime Agency" in got.argument and "CEOP" in got.argument
    assert "reveals nothing" in got.argument and "holds figures of this kind" in got.argument


def test_security_link_answers_the_letters_own_gesture_at_other_agencies():
    pit = "We liaise with various other national agencies to provide suitable support."
    f = findings(police(NCND_COUNTS.format(what="fraud"), ncnd_reply("Section 23(5) Security Bodies", pit=pit)))
    got = f["security-link-unexplained"]
    assert "other national agencies" in got.argument
    assert any("other national agencies" in e.quote for e in got.evidence)


def test_security_link_silent_where_the_information_is_about_security_work():
    for req in ("How much did the force pay to informants in counter-terrorism investigations in 2022?",
                "How many Prevent referrals did the force make in 2023?",
                "How many officers were posted to special branch in 2021?"):
        f = findings(police(req, ncnd_reply(S23_S24)))
        assert "security-link-unexplained" not in f, req


def test_security_link_silent_for_a_named_operation_or_an_explained_link():
    f = findings(police("How many arrests were made under Operation Kestrel in Westtown?", ncnd_reply(S23_S24)))
    assert "security-link-unexplained" not in f
    pit = "Some of the information, if held, would have been supplied by the Security Service."
    f = findings(police(NCND_COUNTS.format(what="burglary"), ncnd_reply(S23_S24, pit=pit)))
    assert "security-link-unexplained" not in f


# ---- likelihood and harm by regime ---------------------------------------------------------------
HEDGED_HARM = ("Harm\n\nDisclosure of the figures could compromise the gathering of evidence and may assist "
               "offenders.")


def test_likelihood_not_stated_fires_for_foia_when_only_could_and_may():
    req = "How many speed cameras did the force operate in 2023?"
    f = findings(police(req, "The information is withheld under Section 31(1)(a) Law Enforcement.\n\n" + HEDGED_HARM))
    assert "likelihood-not-stated" in f


def test_likelihood_read_from_the_whole_letter_including_the_balance():
    req = "How many speed cameras did the force operate in 2023?"
    pit = ("Factors against disclosure\n\nDisclosure would prejudice the prevention of crime because offenders "
           "would know where cameras are not.")
    text = police(req, "The information is withheld under Section 31(1)(a) Law Enforcement.\n\n" + HEDGED_HARM
                  + "\n\n" + pit)
    assert "likelihood-not-stated" not in findings(text)


def test_eir_has_no_likely_limb_so_adverse_effect_not_shown_instead():
    req = "Please provide the site access plans for the depot at Mill Lane."
    resp = ("The information is withheld under regulation 12(5)(a) of the EIR (public safety).\n\n"
            "Harm\n\nDisclosure could make the sites targets for sabotage and may put staff at risk.")
    f = findings(council_eir(req, resp))
    assert "likelihood-not-stated" not in f
    got = f["adverse-effect-not-shown"]
    assert got.strength == "moderate"
    assert "no \"would be likely to\" limb" in got.argument
    assert "presumption in favour of disclosure" in got.argument
    assert "could make the sites targets" in got.evidence[0].quote


def test_adverse_effect_shown_as_would_with_the_presumption_is_a_near_miss():
    req = "Please provide the site access plans for the depot at Mill Lane."
    resp = ("The information is withheld under regulation 12(5)(a) of the EIR (public safety).\n\n"
            "Harm\n\nDisclosure would adversely affect public safety because the plans show the gaps in the "
            "perimeter fence that intruders have used twice this year.\n\nWe have applied the presumption in "
            "favour of disclosure in regulation 12(2).")
    assert "adverse-effect-not-shown" not in findings(council_eir(req, resp))


def test_adverse_effect_12_5_e_needs_the_four_conditions():
    req = "Please provide the contract prices for the waste collection contract."
    resp = ("The information is withheld under regulation 12(5)(e) of the EIR.\n\nDisclosure would adversely "
            "affect the contractor because competitors would undercut its prices.\n\nWe have applied the "
            "presumption in favour of disclosure in regulation 12(2).")
    got = findings(council_eir(req, resp))["adverse-effect-not-shown"]
    assert "four things" in got.argument and "legitimate economic interest" in got.argument
    resp2 = resp.replace("competitors would undercut its prices.",
                         "competitors would undercut its prices. The prices are commercial information subject "
                         "to a common law duty of confidence which protects the contractor's legitimate economic "
                         "interest.")
    assert "adverse-effect-not-shown" not in findings(council_eir(req, resp2))


def test_foisa_is_not_judged_by_the_foia_likelihood_rule():
    text = (
        "Northshire Council\n\n12 March 2024\n\nFreedom of Information (Scotland) Act 2002\n\nYou asked: How many "
        "speed cameras did the council operate in 2023?\n\nThe information is withheld under section 35(1)(a) "
        "of the Freedom of Information (Scotland) Act 2002.\n\n" + HEDGED_HARM + "\n\nYou may ask for a review "
        "within 40 working days and then apply to the Scottish Information Commissioner.\n"
    )
    refusal = parse_text(text)
    assert refusal.regime == "FOISA"
    assert "likelihood-not-stated" not in {f.rule for f in run(refusal).findings}


def test_prejudice_for_an_ncnd_provision_is_about_what_confirming_would_reveal():
    harm = ("Harm\n\nReleasing details drawn from an investigation could compromise the gathering of "
            "evidence.")
    f = findings(police(NCND_COUNTS.format(what="stalking"), ncnd_reply("Section 31(3) Law Enforcement", harm=harm)))
    got = f["prejudice-not-demonstrated"]
    assert "confirming or denying" in got.argument
    assert "disclosure of the specific information" not in got.ask


# ---- investigations: s30(1) only ----------------------------------------------------------------------
def test_investigation_not_specific_for_s30_1_statistics_never_for_s30_2():
    req = NCND_COUNTS.format(what="burglary")
    base = "The figures are withheld under {cite}.\n\nThis exemption is class based."
    f = findings(police(req, base.format(cite="Section 30(1)(a) Investigations")))
    assert "investigation-not-specific" in f
    f = findings(police(req, base.format(cite="Section 30(2)(a) Investigations (confidential sources)")))
    assert "investigation-not-specific" not in f


def test_investigation_not_specific_silent_where_the_request_names_an_operation_or_investigation():
    base = "The figures are withheld under Section 30(1)(a) Investigations.\n\nThis exemption is class based."
    for req in ("How many people were arrested under Operation Harbour in 2023, and how many were charged?",
                "How many people were arrested under Op HARBOUR in 2023?",
                "How many officers worked on the investigation into the death of a prisoner at Westshire "
                "prison in 2022?"):
        assert "investigation-not-specific" not in findings(police(req, base)), req
    # near miss the other way: investigations in general are not a particular one
    req = "How many investigations into burglary did the force open in each of the last three years?"
    assert "investigation-not-specific" in findings(police(req, base))


def test_investigation_not_specific_silent_for_informant_payments():
    req = "How much did the force pay to informants in 2022, and how many informants were paid?"
    f = findings(police(req, ncnd_reply("Section 30(3) Investigations")))
    assert "investigation-not-specific" not in f


# ---- NCND over statistics: counts only, per question -----------------------------------------------
def test_ncnd_statistics_never_for_the_largest_single_payment():
    req = "What was the largest single payment made to an informant in 2022?"
    f = findings(police(req, ncnd_reply("Section 31(3) Law Enforcement")))
    assert "ncnd-statistics" not in f
    f = findings(police(NCND_COUNTS.format(what="burglary"), ncnd_reply("Section 31(3) Law Enforcement")))
    assert f["ncnd-statistics"].strength == "strong"


def test_ncnd_statistics_never_for_the_requesters_own_case():
    req = ("1. How many subject access requests are open?\n2. What is the current position of my request in "
           "that queue?")
    resp = ("1. 325 requests are open.\n\nWestshire Police can neither confirm nor deny that it holds any other "
            "information you have requested, by virtue of Section 40(5) Personal Information.")
    assert "ncnd-statistics" not in findings(police(req, resp))


def test_ncnd_statistics_judged_per_question_when_the_parser_lists_them():
    req = ("1. How many offences of burglary were recorded in 2023?\n2. Was the suspect arrested at 4 Mill Lane "
           "on 3 May 2023 a police informant?")
    text = police(req, ncnd_reply("Section 31(3) Law Enforcement"))
    q1, q2 = text.index("How many offences"), text.index("Was the suspect")
    questions = [
        SimpleNamespace(number="1", text=text[q1:text.index("?", q1) + 1], start=q1, end=text.index("?", q1) + 1,
                        answer="answered", exemptions=[]),
        SimpleNamespace(number="2", text=text[q2:text.index("?", q2) + 1], start=q2, end=text.index("?", q2) + 1,
                        answer="ncnd", exemptions=["s31(3)"]),
    ]
    assert "ncnd-statistics" not in findings(text, questions=questions)
    questions[0].answer, questions[1].answer = "ncnd", "answered"
    got = findings(text, questions=questions)["ncnd-statistics"]
    assert "Question 1" in got.argument
    assert any("How many offences of burglary" in e.quote for e in got.evidence)


# ---- subsection-not-specified: silent where the limb is in words, weak otherwise --------------------
def test_subsection_silent_where_the_limb_is_stated_in_words():
    req = NCND_COUNTS.format(what="burglary")
    said = ("Harm\n\nConfirming or denying would hinder the prevention or detection of crime and the "
            "apprehension or prosecution of offenders.")
    f = findings(police(req, ncnd_reply("Section 31(3) Law Enforcement", harm=said)))
    assert "subsection-not-specified" not in f
    unsaid = "Harm\n\nConfirming or denying would undermine policing."
    got = findings(police(req, ncnd_reply("Section 31(3) Law Enforcement", harm=unsaid)))["subsection-not-specified"]
    assert got.strength == "weak"


def test_subsection_silent_for_s36_with_the_limb_in_words():
    req = "Please provide the minutes of the budget board of 4 March 2024."
    resp = ("The minutes are withheld under section 36 of the Act because disclosure would inhibit the free and "
            "frank exchange of views for the purposes of deliberation. The qualified person gave the opinion.")
    assert "subsection-not-specified" not in findings(police(req, resp))


def test_subsection_is_never_the_lead():
    req = NCND_COUNTS.format(what="burglary")
    report = run(parse_text(police(req, ncnd_reply("Section 31(3) Law Enforcement",
                                                   harm="Harm\n\nConfirming or denying would undermine policing."))))
    rules = [f.rule for f in report.findings]
    assert "subsection-not-specified" in rules and rules[0] != "subsection-not-specified"


# ---- boilerplate-reasoning: never a statement of law, never an overclaim ---------------------------
LAW = ("Section 23 is a class based absolute exemption and there is no requirement to consider the public "
       "interest.\n\nWestshire Police neither confirms nor denies that it holds any other information relevant "
       "to your request.")


def test_boilerplate_never_quotes_statements_of_law():
    resp = ncnd_reply("Section 23(5) Security Bodies\nSection 31(3) Law Enforcement", harm=LAW)
    f = findings(police(NCND_COUNTS.format(what="burglary"), resp))
    assert "boilerplate-reasoning" not in f


def test_boilerplate_on_a_dangling_reference_does_not_overclaim():
    pit = ("Balance test\n\nThe balancing test for confirming or denying whether any information is held "
           "regarding these techniques is not made out.")
    resp = ncnd_reply("Section 31(3) Law Enforcement", harm=LAW, pit=pit)
    got = findings(police(NCND_COUNTS.format(what="burglary"), resp))["boilerplate-reasoning"]
    assert any("these techniques" in e.quote for e in got.evidence)
    assert all("class based absolute" not in e.quote for e in got.evidence)
    assert "can only have" not in got.argument


# ---- exemptions relied on, not named in the request ------------------------------------------------
def test_exemption_named_only_in_the_request_is_not_relied_on():
    req = "How many times in 2023 did the force rely on section 40(2) to refuse requests, by month?"
    resp = ("The figures are withheld under Section 31(1)(a) because disclosure would prejudice the prevention "
            "of crime.")
    f = findings(police(req, resp))
    assert "personal-data-aggregate" not in f
    assert "subsection-not-specified" not in f  # s40(2) named in the request is not cited by the authority
    refusal = parse_text(police(req, resp.replace("Section 31(1)(a)", "Section 40(2)")))
    assert "personal-data-aggregate" in {f.rule for f in run(refusal).findings}


# ---- review rights: weak, worded for a copy ---------------------------------------------------------
def test_review_rights_missing_is_weak_and_allows_for_an_incomplete_copy():
    got = findings(police(NCND_COUNTS.format(what="burglary"), ncnd_reply("Section 31(3) Law Enforcement"),
                          close="Yours sincerely\n"))["review-rights-missing"]
    assert got.strength == "weak"
    assert "copy of your letter that I have" in got.argument and "please disregard this point" in got.argument


def test_review_rights_missing_silent_unless_the_copy_runs_to_a_sign_off():
    resp = ncnd_reply("Section 31(3) Law Enforcement")
    req = NCND_COUNTS.format(what="burglary")
    # ends mid-reasoning, no sign-off: an extract, so the missing paragraph proves nothing
    cut = police(req, resp, close="The force considers that the harm in confirming or denying would be")
    assert "review-rights-missing" not in findings(cut)
    # signed off but far above a long tail (an annex follows the letter): not evidently the end
    annex = police(req, resp, close="Yours sincerely\n\nAnnex A\n\n" + "Table of figures withheld. " * 40)
    assert "review-rights-missing" not in findings(annex)
    # the letter as sent, signed off, with no review or Commissioner paragraph: fires, weak
    whole = police(req, resp, close="Kind regards\n\nJ Smith\nDisclosure Officer\n")
    assert findings(whole)["review-rights-missing"].strength == "weak"


# ---- quotes: whole sentences, never cut mid-phrase ---------------------------------------------------
def test_quotes_are_whole_sentences_or_cut_at_a_clause():
    long = ("The force neither confirms nor denies that it holds information relevant to your request as the duty "
            "in Section 1(1)(a) of the Freedom of Information Act 2000 does not apply, by virtue of the following "
            "exemptions: Section 23(5), Section 30(3), Section 31(3) and Section 40(5) of the Freedom of "
            "Information Act 2000, each of which is explained below in turn and at some length.")
    q = short_quote(long)
    assert q.endswith("by virtue of the following exemptions …")
    assert short_quote("First sentence here. Second one.") == "First sentence here. Second one"
    two = "A" * 200 + " ends here. " + "B" * 200 + " ends too."
    assert short_quote(two) == "A" * 200 + " ends here"
    assert short_quote("word " * 100).endswith("word")  # no clause break: kept whole, never cut


def test_citation_evidence_is_the_whole_line_not_a_fragment():
    f = findings(police(NCND_COUNTS.format(what="burglary"), ncnd_reply("Section 30(3) Investigations")))
    got = f["investigation-not-specific"]
    assert got.evidence[0].quote == "Section 30(3) Investigations"


# ---- read as an FOI officer would: classes found in the review letters ------------------------------
def test_a_heading_is_not_a_harm_statement():
    harm = ("Harm in complying with s1(1)(a) - to confirm or not whether information is held\n\n"
            "Confirming or denying could compromise police tactics.")
    got = findings(police(NCND_COUNTS.format(what="burglary"),
                          ncnd_reply("Section 31(3) Law Enforcement", harm=harm)))["prejudice-not-demonstrated"]
    assert all("Harm in complying" not in e.quote for e in got.evidence)
    assert "could compromise police tactics" in got.argument


def test_please_find_below_our_answers_over_a_whole_ncnd_confirms_nothing():
    resp = ("Please find below answers to your questions:\n\n" +
            ncnd_reply("Section 30(3) Investigations\nSection 40(5) Personal Information"))
    f = findings(police(NCND_COUNTS.format(what="electoral fraud"), resp))
    assert "ncnd-after-confirmation" not in f
    resp2 = "We have supplied a spreadsheet of the figures.\n\n" + ncnd_reply("Section 30(3) Investigations")
    assert "ncnd-after-confirmation" in findings(police(NCND_COUNTS.format(what="electoral fraud"), resp2))


def test_investigation_not_specific_silent_for_a_named_operation_or_named_days():
    for req in ("How many people arrested under Op Kestrel were aged over 18?",
                "How many reports did the force receive on the 5th and 6th of July 2025 about the protest group?"):
        f = findings(police(req, ncnd_reply("Section 30(3) Investigations")))
        assert "investigation-not-specific" not in f, req


def test_eir_prejudice_is_worded_as_adverse_effect_never_as_likely():
    req = "Please provide the inspection reports for the bridge at Mill Lane."
    resp = ("The information is withheld under regulation 12(5)(a) of the EIR.\n\nHarm\n\nDisclosure would "
            "adversely affect public safety.\n\nWe have applied the presumption in favour of disclosure.")
    got = findings(council_eir(req, resp))["prejudice-not-demonstrated"]  # generic: no link to the reports
    assert "would be likely to" not in got.argument and "adversely affect" in got.argument


def test_review_rights_silent_where_the_copy_ends_at_the_review_paragraph():
    close = ("If you are dissatisfied you can ask for an internal review within 40 working days. Requests should "
             "be addressed to:\nInformation Rights Unit\nWestshire Police\n")
    f = findings(police(NCND_COUNTS.format(what="burglary"), ncnd_reply("Section 31(3) Law Enforcement"), close=close))
    assert "review-rights-missing" not in f


def test_late_response_not_claimed_on_a_published_pages_date_a_day_out():
    text = ("Skip to main content\n\nFirst published:\n15 March 2024\n\nWestshire Police\n\n"
            "Thank you for your request which I received on 14 February 2024. You asked: How many offences of "
            "burglary were recorded in 2023?\n\nThe figures are withheld under Section 31(1)(a) because "
            "disclosure would prejudice the prevention of crime.\n\n" + CLOSE)
    refusal = parse_text(text)
    assert (refusal.dates.letter, refusal.dates.received) == ("2024-03-15", "2024-02-14")
    assert "late-response" not in {f.rule for f in run(refusal).findings}  # due 13 March: 2 days out
    late = parse_text(text.replace("15 March 2024", "29 March 2024"))
    assert "late-response" in {f.rule for f in run(late).findings}


def test_cost_estimate_per_record_times_records_is_a_breakdown():
    req = "Please tell me how many placements were in unregistered homes in 2022/23."
    resp = ("Compliance would exceed the appropriate cost limit under Section 12 of the Freedom of Information Act "
            "2000. We estimate that a minimum of 15 minutes of work is required to review each of these 101 "
            "placements and so a minimum of 25 hours is required.")
    assert "cost-limit-no-estimate" not in findings(police(req, resp))
    bare = "Compliance would exceed the appropriate cost limit under Section 12 of the Freedom of Information Act 2000."
    assert "cost-limit-no-estimate" in findings(police(req, bare))


def test_ncnd_over_counts_with_a_harm_about_operations_is_not_demonstrated():
    harm = ("Harm\n\nConfirming or denying any information exists regarding operations would prejudice the "
            "force's ability to conduct its investigations.")
    req = "How many live investigations into child sexual exploitation and operations does the force have?"
    got = findings(police(req, ncnd_reply("Section 31(3) Law Enforcement", harm=harm)))["prejudice-not-demonstrated"]
    assert "bare fact that such figures are held" in got.argument
    said = harm.replace("regarding operations", "regarding the number of child sexual exploitation operations")
    f = findings(police(req, ncnd_reply("Section 31(3) Law Enforcement", harm=said)))
    assert "prejudice-not-demonstrated" not in f


def test_harm_after_figures_were_given_is_about_what_was_withheld_never_the_figures():
    req = ("1. How many grooming offences were recorded in 2023?\n2. Which websites were used to contact the "
           "victims?")
    resp = ("1. Offences - 5\n\nThe names of the websites are withheld under Section 31(1)(a) Law Enforcement.\n\n"
            "Harm\n\nThe disclosure of this information could directly jeopardise current investigations.")
    got = findings(police(req, resp))["prejudice-not-demonstrated"]
    assert "the figures" not in got.argument
    assert "information withheld" in got.argument


def test_subsection_silent_for_a_citation_cut_off_by_the_end_of_the_copy():
    req = "1) Please provide the number of premises used.\n2) Please provide their names."
    resp = "We have concluded that the information you are seeking is exempt from disclosure under Section 38("
    f = findings(police(req, resp, close=""))
    assert "subsection-not-specified" not in f
    whole = resp[:-1] + " of the Act, because disclosure would endanger the safety of residents."
    assert findings(police(req, whole))["subsection-not-specified"].strength == "weak"


def test_ncnd_tied_to_named_questions_is_not_a_bolt_on():
    req = ("1. How many subject access requests are open?\n2. How long will the oldest take to complete?\n"
           "3. How many staff work on them?")
    tied = ("1. 325 requests are open.\n\nAnswers 2 and 3\n\nIn accordance with the Act, this represents a Refusal "
            "Notice for Request 2. Westshire Police can neither confirm nor deny that it holds any other information "
            "you have requested, by virtue of Section 31(3) Law Enforcement.")
    assert "ncnd-after-confirmation" not in findings(police(req, tied))
    bolt_on = ("1. 325 requests are open.\n\nWestshire Police can neither confirm nor deny that it holds any other "
               "information relevant to your request, by virtue of Section 31(3) Law Enforcement.")
    assert "ncnd-after-confirmation" in findings(police(req, bolt_on))


def test_scottish_eir_keep_a_likelihood_limb_so_no_adverse_effect_ground():
    # EISR reg 10(5): "would, or would be likely to, prejudice substantially" (unlike EIR reg 12(5))
    text = ("Northshire Council\n\n3 April 2024\n\nEnvironmental Information (Scotland) Regulations 2004\n\n"
            "You asked: Please provide the site access plans for the depot at Mill Lane.\n\nThe information is "
            "withheld under regulation 10(5)(a) of the Environmental Information (Scotland) Regulations 2004.\n\n"
            "Harm\n\nDisclosure could make the site a target for sabotage.\n\nYou may ask for a review within 40 "
            "working days and then apply to the Scottish Information Commissioner.\n")
    refusal = parse_text(text)
    assert refusal.regime == "EISR"
    f = {x.rule: x for x in run(refusal).findings}
    assert "adverse-effect-not-shown" not in f
    # "could make the site a target for sabotage" states a harm, in words the harm list lacks:
    # never "states no harm at all"
    assert "prejudice-not-demonstrated" not in f
    vague = parse_text(text.replace("Disclosure could make the site a target for sabotage.",
                                    "Disclosure could undermine security at the site."))
    got = {x.rule: x for x in run(vague).findings}["prejudice-not-demonstrated"]
    assert "substantial" in got.argument and "would adversely affect" not in got.argument


def test_a_recital_of_the_statutory_test_is_not_a_harm_statement():
    req = "Please provide the minutes of the budget board of 4 March 2024."
    resp = ("The minutes are withheld under section 36(2)(b)(ii). This exemption applies because disclosure would, "
            "or would be likely to, inhibit substantially the free and frank exchange of views. The board members "
            "were told their views would be private, and publishing them would inhibit the next meeting.")
    got = findings(police(req, resp)).get("prejudice-not-demonstrated")
    assert got is None or all("would be likely to, inhibit" not in e.quote for e in got.evidence)


def test_an_exemptions_title_in_brackets_is_not_a_harm_statement():
    req = "Please provide the report on the ferry contract."
    resp = ("An exemption under section 43(2) (prejudice to commercial interests) applies to some of the "
            "information requested. The information is commercially sensitive.")
    got = findings(police(req, resp))["prejudice-not-demonstrated"]
    assert "states no harm at all" in got.argument and got.strength == "strong"


def test_cost_estimate_without_breakdown_judged_in_a_cut_copy_once_the_letter_moved_on():
    req = "Please tell me how many prescriptions of ketamine were issued in 2023."
    est = ("Compliance would exceed the appropriate cost limit under Section 12 of the Freedom of Information Act "
           "2000. We estimate that this would take over 18 hours of staff time.")
    after = "\n\n" + "The Trust publishes its prescribing policies on its website for anyone to read. " * 5
    moved_on = parse_text(police(req, est + after, close=""))
    moved_on.truncated = True
    assert "cost-limit-no-estimate" in {f.rule for f in run(moved_on).findings}
    cut_at_estimate = parse_text(police(req, est, close=""))
    cut_at_estimate.truncated = True
    assert "cost-limit-no-estimate" not in {f.rule for f in run(cut_at_estimate).findings}


def test_the_requesters_own_words_about_identification_explain_nothing():
    req = "Please provide the following data on children in care."
    resp = ("1. How many children in care died in 2022? (We will not identify any child by area.)\n\n"
            "This information is exempt under Section 40(2) of the Freedom of Information Act. Releasing it would "
            "contravene the first data protection principle.")
    assert "personal-data-aggregate" in findings(police(req, resp))
    said = resp + " The numbers are so small that the children could be identified by people who know them."
    assert "personal-data-aggregate" not in findings(police(req, said))


def test_personal_data_silent_in_a_cut_copy_even_after_the_letter_moved_on():
    # the exemptions are often named first and explained in a later section the copy may have lost
    req = "Please provide the following data on children in care."
    resp = ("1. How many children in care died in 2022?\n\nThis information is exempt under Section 40(2) of the "
            "Freedom of Information Act; we have detailed our rationale below.")
    on = parse_text(police(req, resp + "\n\n" + "Question 2 is answered in the attached table of placements. " * 12,
                           close=""))
    assert "personal-data-aggregate" in {f.rule for f in run(on).findings}
    on.truncated = True
    assert "personal-data-aggregate" not in {f.rule for f in run(on).findings}


# ---- cost: the limit restated is not an estimate; EIR is manifestly unreasonable; pointers are not advice ----
COST_REQ = "How many complaints about noise did the force log in each month of the last five years?"


def test_cost_limit_restated_is_not_an_estimate_and_is_worded_so():
    for limit in ("more than £450 (equivalent to 18 hours of work)", "more than 3½ working days",
                  "in excess of 2.5 working days"):
        resp = (f"We estimate that locating, retrieving and extracting this information would take {limit}. "
                "Section 12 of the Freedom of Information Act 2000 therefore applies.")
        got = findings(police(COST_REQ, resp))["cost-limit-no-estimate"]
        assert got.strength == "moderate", limit
        assert "Restating the limit is not an estimate" in got.argument
        assert "no total time or cost" not in got.argument  # the letter does give the limit figure
        assert limit.split()[-1] in got.evidence[0].quote or "working days" in got.evidence[0].quote


def test_cost_own_estimate_above_the_limit_is_an_estimate_near_miss():
    resp = ("We estimate that locating, retrieving and extracting this information would take about 60 hours. "
            "Section 12 of the Freedom of Information Act 2000 therefore applies.")
    got = findings(police(COST_REQ, resp)).get("cost-limit-no-estimate")
    assert got is None or "Restating the limit" not in got.argument  # its own figure: a total, not the limit


def test_cost_eir_is_worded_as_manifestly_unreasonable():
    resp = ("Regulation 12(4)(b) applies because the request is manifestly unreasonable: the cost of "
            "compliance would be excessive. No estimate has been prepared.")
    got = findings(council_eir("All correspondence about the landfill site since 2010.", resp))
    f = got["cost-limit-no-estimate"]
    assert "manifestly unreasonable" in f.argument and "on the ground of cost" not in f.argument


def test_cost_advice_that_only_points_to_publications_is_not_advice():
    resp = ("Compliance would exceed the appropriate cost limit under Section 12 of the Freedom of Information Act "
            "2000. To assist, we would point you to our website, where our annual reports are published.\n\n"
            "The force publishes its policies in its publication scheme and reviews them each year.")
    got = findings(police(COST_REQ, resp))["cost-limit-no-advice"]
    assert got.strength == "moderate" and "pointing elsewhere is not advice" in got.argument
    # near miss: the same pointer with real narrowing advice is advice
    helped = resp.replace("To assist,", "If you were to narrow the request to one year we could answer it. Also,")
    assert "cost-limit-no-advice" not in findings(police(COST_REQ, helped))


# ---- template-artifacts: a review outcome cites the original request's reference ------------------
def _review_outcome(original_ref: str) -> str:
    return (
        "Westshire Police\nInformation Compliance Unit\n\nInternal review outcome\n\n2 May 2024\n\n"
        "Our reference: IR/2024/0042\n\n"
        f"Following your request for an internal review of your Freedom of Information request (our ref: "
        f"{original_ref}) received on 14 February 2024, the review panel met on 30 April 2024.\n\n"
        "You asked: How many offences of burglary were recorded in each of the last three years?\n\n"
        "The panel has decided to uphold the original decision to withhold the figures under Section 31(1)(a) "
        "of the Freedom of Information Act 2000, because disclosure would prejudice the prevention of crime.\n\n"
        "If you remain dissatisfied you may complain to the Information Commissioner.\n\nYours sincerely\n\n"
        "Review Panel\n"
    )


def test_template_artifacts_silent_on_the_original_reference_in_a_review_outcome():
    refusal = parse_text(_review_outcome("IR/2024/0017"))
    assert refusal.is_review_outcome
    assert "template-artifacts" not in {f.rule for f in run(refusal).findings}
    # fire case: a first response quoting another request's number as its own is still a leftover
    first = police("How many offences of burglary were recorded?",
                   "In relation to request number FOI/2023/0999 we write about your request. The figures are "
                   "withheld under Section 31(1)(a) because disclosure would prejudice the prevention of crime.")
    assert "template-artifacts" in findings(first)


# ---- EIR: the adverse-effect ground, never the FOIA prejudice ground beside it; no page banners ------
def test_prejudice_defers_to_adverse_effect_under_eir_and_never_quotes_a_banner():
    req = "Copies of the minutes of meetings with the highways agency about road closures for the works."
    resp = ("This is an HTML version of an attachment to the Freedom of Information request.\n\n"
            "The information is withheld under regulation 12(5)(a) (public safety).\n\n"
            "Harm\n\nDisclosure could assist those intent on crime and could put staff at risk.")
    got = findings(council_eir(req, resp))
    assert "adverse-effect-not-shown" in got
    assert "prejudice-not-demonstrated" not in got  # the letter would contradict itself
    for f in got.values():
        assert not any("HTML version of an attachment" in e.quote for e in f.evidence)
    # FOIA near miss: the same possible-only harm under s38 is the prejudice ground
    foia = findings(police(req, resp.replace("regulation 12(5)(a) (public safety)", "Section 31(1)(a) of the "
                                             "Freedom of Information Act 2000")))
    assert "prejudice-not-demonstrated" in foia and "adverse-effect-not-shown" not in foia
    assert not any("HTML version" in e.quote for e in foia["prejudice-not-demonstrated"].evidence)


# ---- the statute recited is not the authority's finding; speculative chains; FOISA substantial prejudice ----
RECITAL_S31 = ("Section 31(1) provides that information is exempt information if its disclosure would, or would be "
               "likely to, prejudice the prevention or detection of crime.")


def test_likelihood_looks_past_the_recited_statute_to_the_authoritys_own_reasons():
    req = "How many bicycles were reported stolen from the city centre in each of the last three years?"
    hedged = f"{RECITAL_S31}\n\nHarm\n\nDisclosure of the figures could potentially assist offenders in choosing targets."
    got = findings(police(req, hedged))
    assert "likelihood-not-stated" in got
    assert not any("would, or would be likely to" in e.quote for e in got["likelihood-not-stated"].evidence)
    # near miss: the authority's own finding is put as "would be likely to"
    own = hedged.replace("could potentially assist", "would be likely to assist")
    assert "likelihood-not-stated" not in findings(police(req, own))


def test_prejudice_catches_a_speculative_chain_whatever_is_asserted_elsewhere():
    req = "How much did the hospital spend on private security in each of the last four years?"
    resp = ("The information is withheld under Section 31(1)(a) of the Freedom of Information Act 2000. There is a "
            "need to withhold any information that would prejudice the prevention of crime. Disclosure of the "
            "security spend could potentially reveal the level of security and could therefore encourage crime.")
    got = findings(police(req, resp))["prejudice-not-demonstrated"]
    assert "could potentially reveal" in got.evidence[0].quote and "might happen" in got.argument
    # near miss: one concrete step, put as "would", names what was asked for
    firm = resp.replace("Disclosure of the security spend could potentially reveal the level of security and "
                        "could therefore encourage crime.", "Disclosure of the security spend would reveal the number "
                        "of guards on duty at night, which would be likely to help offenders choose their time.")
    assert "prejudice-not-demonstrated" not in findings(police(req, firm))


def test_foisa_substantial_prejudice_recited_with_own_reasons_only_potential():
    text = (
        "Northvale Council\n\n11 December 2020\n\nFreedom of Information (Scotland) Act 2002\n\n"
        "You asked for copies of the council's planning assessments for the end of the transition period.\n\n"
        "Section 33(1)(b) applies: release would be likely to prejudice substantially the commercial interests of "
        "the Council. Release of the documents would potentially prejudice the council's position with local "
        "businesses and could damage those relationships.\n\n"
        "You may ask for a review within 40 working days, and then apply to the Scottish Information "
        "Commissioner.\n\nYours sincerely\n\nInformation Officer\n")
    refusal = parse_text(text)
    assert refusal.regime == "FOISA"
    got = {f.rule: f for f in run(refusal).findings}
    assert "prejudice-not-demonstrated" in got and "likelihood-not-stated" not in got
    firm = text.replace("would potentially prejudice the council's position with local businesses and could damage "
                        "those relationships", "would reveal the prices the council is negotiating with three named "
                        "suppliers, which would prejudice substantially its position in those negotiations")
    assert "prejudice-not-demonstrated" not in {f.rule for f in run(parse_text(firm)).findings}


def test_adverse_effect_where_the_regulation_is_recited_and_the_reasons_are_only_an_ongoing_case():
    req = "All correspondence about planning enforcement at the harbour since 2018."
    resp = ("The information is withheld under regulation 12(5)(b) (the course of justice).\n\n"
            "If disclosing the information would adversely affect the course of justice, the exception applies.\n\n"
            "This case is currently ongoing and requires the council to have fairness in negotiations.")
    got = findings(council_eir(req, resp))["adverse-effect-not-shown"]
    assert "currently ongoing" in got.evidence[-1].quote and "reciting the regulation" in got.argument
    firm = resp.replace("This case is currently ongoing and requires the council to have fairness in negotiations.",
                        "Disclosure would reveal the council's legal advice on the enforcement appeal now before "
                        "the inspector, and would adversely affect its ability to defend that appeal.")
    assert "adverse-effect-not-shown" not in findings(council_eir(req, firm))


# ---- public-interest-irrelevant never attacks the authority's own factors for disclosure -------------
def test_public_interest_irrelevant_leaves_the_factors_for_disclosure_alone():
    req = NCND_COUNTS.format(what="harassment")
    pit = ("Factors favouring confirming or denying\n\nThe public is entitled to know how public funds are spent.\n\n"
           "Factors against confirming or denying\n\nConfirming whether the figures are held would prejudice the "
           "prevention of crime.\n\nBalance test\n\nThe factors against outweigh those in favour.")
    got = findings(police(req, ncnd_reply("Section 31(3) Law Enforcement", pit=pit)))
    assert "public-interest-irrelevant" not in got
    # fire case: the balance itself weighs the use of police resources against a request for counts
    unbalanced = pit.replace("The factors against outweigh those in favour.",
                             "The public interest in effective law enforcement outweighs the public interest in "
                             "the use of police resources.")
    got = findings(police(req, ncnd_reply("Section 31(3) Law Enforcement", pit=unbalanced)))
    assert "use of police resources" in got["public-interest-irrelevant"].evidence[0].quote


# ---- ncnd-after-confirmation: question-scoped NCND; an earlier disclosure recited in the request ------
def test_ncnd_scoped_to_one_question_is_not_a_bolt_on():
    req = ("Q1. How many traffic officers did the force have in each of the last three years?\n"
           "Q2. How many were on patrol at each time of day?")
    resp = ("Q1. 2021 - 60, 2022 - 58, 2023 - 61.\n\nFor question 2 we would rely on the following:\n\n"
            "Section 1 of the Freedom of Information Act 2000 places two duties on public authorities. Unless "
            "exemptions apply, the first duty at Section 1(1)(a) is to confirm or deny whether the information "
            "specified in a request is held. The second duty at Section 1(1)(b) is to disclose information that "
            "has been confirmed as being held. Where exemptions are relied upon Section 17(1) requires a notice.\n\n"
            "Westshire Police can neither confirm nor deny that it holds any other information relevant to your "
            "request by virtue of Section 31(3) Law Enforcement.\n\nHarm\n\nConfirming whether patrol patterns "
            "are held would be likely to help offenders avoid patrols.")
    got = findings(police(req, resp))
    assert "ncnd-after-confirmation" not in got
    # fire case: the same bolt-on with no question heading is an NCND over nothing asked
    got = findings(police(req, resp.replace("For question 2 we would rely on the following:", "Further:")))
    assert got["ncnd-after-confirmation"].strength == "moderate"


def test_ncnd_after_an_earlier_disclosure_recited_in_the_request():
    req = ("Through FOI/2024/0200, the force confirmed that 40 people were arrested in the operation and 12 of "
           "them had earlier reports of domestic abuse made against them. How many of the adults arrested had "
           "earlier reports of domestic abuse made against them?")
    resp = ncnd_reply("Section 30(3) Investigations and Section 40(5) Personal Information",
                      harm="Harm\n\nConfirming whether the information is held would be likely to prejudice "
                           "investigations.")
    got = findings(police(req, resp))
    f = got["ncnd-after-confirmation"]
    assert f.strength == "strong" and "already disclosed information of this kind" in f.argument
    assert "public-domain" not in got  # the subset asked for is not public; holding the data is confirmed
    # near miss: an earlier request that was refused confirms nothing
    refused = req.replace("the force confirmed that 40 people were arrested", "the force refused to say how many "
                          "people were arrested").replace(" and 12 of them had earlier reports of domestic abuse "
                                                         "made against them.", ".")
    got = findings(police(refused, resp))
    assert got.get("ncnd-after-confirmation") is None or "already disclosed" not in got["ncnd-after-confirmation"].argument


# ---- outdated-law: the pre-2018 s40(5) numbering; never beside error-of-law on the same sentence -------
def test_outdated_law_catches_the_old_s40_5_numbering_after_may_2018_and_error_of_law_stays_off_it():
    resp = ncnd_reply("Section 31(3) Law Enforcement\nSection 40(5) Personal Information",
                      harm="Harm\n\nConfirming whether the figures are held would be likely to prejudice the "
                           "prevention of crime.")
    got = findings(police(NCND_COUNTS.format(what="stalking"), resp))  # dated 12 March 2024
    f = got["outdated-law"]
    assert f.strength == "moderate" and "40(5A)" in f.argument and "40(5B)" in f.argument
    assert "Data Protection Act 1998 was repealed" not in f.argument  # the letter never cites it
    if "error-of-law" in got:  # never both on the same sentence
        spans = {(e.start, e.end) for e in f.evidence}
        assert not any((e.start, e.end) in spans for e in got["error-of-law"].evidence)
    # near miss: the same citation in a letter dated before 25 May 2018
    old = police(NCND_COUNTS.format(what="stalking"), resp).replace("12 March 2024", "12 March 2017").replace(
        "14 February 2024", "14 February 2017")
    assert "outdated-law" not in findings(old)


# ---- personal-data-aggregate: a small count (one month, one district) is arguable, not strong ---------
def test_personal_data_aggregate_moderate_for_a_short_window_or_small_area():
    resp = ncnd_reply("Section 40(5) Personal Information")
    wide = "How many officers were suspended by the force in each of the last three years?"
    assert findings(police(wide, resp))["personal-data-aggregate"].strength == "strong"
    for narrow in ("How many officers were suspended in the North district between 20th June and 20th July 2023?",
                   "How many officers were suspended in March 2023?",
                   "How many asylum seekers were housed in BT12 in each of the last three years?"):
        f = findings(police(narrow, resp))["personal-data-aggregate"]
        assert f.strength == "moderate", narrow
        assert "wider area or a longer period" in f.ask


def test_s38_speculative_chain_is_argued_in_endangerment_terms():
    req = "How much did the trust spend on private security contractors in each of the last four years?"
    resp = ("The information is withheld under Section 38(1)(b) of the Freedom of Information Act 2000. Disclosure of "
            "the security spend could potentially reveal the level of security and could therefore encourage crime "
            "and could also put staff at risk.")
    f = findings(police(req, resp))["prejudice-not-demonstrated"]
    assert "Section 38 is engaged only where disclosure would, or would be likely to, endanger" in f.argument
    assert "prejudice-based exemption" not in f.argument and "endanger anyone's health or safety" in f.ask
    firm = resp.replace("could potentially reveal the level of security and could therefore encourage crime and "
                        "could also put staff at risk", "would reveal the night rota of the two guards named in the "
                        "contract, who have been threatened, and would endanger their safety")
    assert "prejudice-not-demonstrated" not in findings(police(req, firm))


def test_cost_no_estimate_never_says_no_total_when_the_limit_figure_is_given():
    resp = ("Compliance would exceed the appropriate limit under Section 12 of the Freedom of Information Act 2000. "
            "The limit is £450, calculated at £25 per hour.")
    got = findings(police(COST_REQ, resp))["cost-limit-no-estimate"]
    assert "no total time or cost" not in got.argument
    bare = "Compliance would exceed the appropriate limit under Section 12 of the Freedom of Information Act 2000."
    assert "no total time or cost" in findings(police(COST_REQ, bare))["cost-limit-no-estimate"].argument


def test_prejudice_where_the_only_reason_is_that_the_information_is_sensitive():
    base = (
        "Scottish Ministers\n\n4 March 2024\n\nFreedom of Information (Scotland) Act 2002\n\n"
        "You asked for the consultants' report on the ferry contract.\n\n"
        "Some names are withheld under section 38(1)(b) of FOISA: disclosing them would contravene the data "
        "protection principles.\n\n"
        "Section 33(1)(b) - Substantial prejudice to commercial interests\n"
        "An exemption under section 33(1)(b) of FOISA applies to some of the information requested. {reason}\n"
        "This exemption is subject to the public interest test. We recognise a public interest in disclosure, "
        "but it is outweighed by the public interest in applying the exemption.\n\n"
        "You may ask for a review within 40 working days.\n\nYours sincerely\n\nFOI Unit\n")
    sensitive = "The report concerns ongoing negotiations and much of it is commercially sensitive."
    refusal = parse_text(base.format(reason=sensitive))
    assert refusal.regime == "FOISA"
    f = {x.rule: x for x in run(refusal).findings}["prejudice-not-demonstrated"]
    assert "commercially sensitive" in f.evidence[0].quote and "substantial" in f.argument
    harm = ("Disclosure would reveal the prices the operator is negotiating with two yards, which would "
            "prejudice substantially its position in those negotiations.")
    assert "prejudice-not-demonstrated" not in {x.rule for x in run(parse_text(base.format(reason=harm))).findings}


def test_security_talk_in_a_cost_refusal_is_no_national_security_factor():
    # s12 weighs no public interest: naming a counter-terrorism unit among the places to search is not
    # national security weighed in a balance
    cost = ("The information is not held in a form that can be searched. To answer, officers in each "
            "district and in Counter Terrorism Policing would have to read every file, and the security of "
            "the country team holds further records. We estimate this would take 60 hours, which exceeds "
            "the appropriate limit of 18 hours, so section 12(1) of the Act applies.")
    f = findings(police(NCND_COUNTS.format(what="shoplifting"), cost))
    assert "national-security-mismatch" not in f


def test_a_counter_terrorism_unit_named_is_not_terrorism_weighed_but_terrorism_reasoning_is():
    cites = "Section 31(1)(a) Law Enforcement"
    named = ("Balance test\n\nThe figures are held by the Counter Terrorism Command and by districts. "
             "Disclosure would be likely to prejudice the prevention of crime, and the public interest "
             "favours withholding them.")
    f = findings(police("How many bicycles were stolen in 2023?", f"The information is exempt.\n\n{cites}\n\n{named}"))
    assert "national-security-mismatch" not in f
    weighed = named.replace("The figures are held by the Counter Terrorism Command and by districts. ",
                            "Terrorists could use the figures to plan attacks. ")
    f = findings(police("How many bicycles were stolen in 2023?", f"The information is exempt.\n\n{cites}\n\n{weighed}"))
    assert f["national-security-mismatch"].strength == "moderate"


def test_a_bolt_on_ncnd_over_covert_use_nobody_asked_about_is_not_ncnd_over_statistics():
    request = ("1. How many drones does the force own?\n"
               "2. How many times were drones used in operations in 2023?")
    reply = ("Please find attached our response with regard to the overt use of drones.\n\n"
             "In addition, with regard to any information relating to the covert use of drones, Westshire "
             "Police neither confirms nor denies that it holds any other information, by virtue of Section "
             "31(3) Law Enforcement. Confirming or denying would reveal tactical capability and would be "
             "likely to prejudice the prevention of crime.")
    rules = {f.rule for f in run(parse_text(police(request, reply))).findings}
    assert "ncnd-statistics" not in rules
    assert "ncnd-after-confirmation" in rules
    # near miss: the request asks about covert use itself, so the NCND is over what was asked
    asked = request + "\n3. How many times were drones used covertly in 2023?"
    rules = {f.rule for f in run(parse_text(police(asked, reply))).findings}
    assert "ncnd-statistics" in rules
