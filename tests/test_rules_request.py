"""Request analysis: what kind of request it is, so NCND rules know when to stay quiet."""

from appeal.rules.request import analyse, content_terms


def test_statistics_request():
    p = analyse("Please tell me how many arrests were made, broken down by age band.")
    assert p.known and p.statistics and p.aggregate and not p.specific
    assert p.words("statistics")[0].lower() == "how many"


def test_named_person_and_incident_are_specific():
    assert analyse("Has PC Smith been suspended?").named_person
    assert analyse("How many officers attended the incident at Tigers Bay on Friday?").specific_incident
    assert analyse("Please send the file on Operation Nightjar.").specific
    assert not analyse("How many officers attended the incident at Tigers Bay?").aggregate


def test_cost_limit_talk_is_not_spending():
    p = analyse("How many offences were recorded? If it is not exceeding time and cost grounds, add the ages.")
    assert p.statistics and not p.spending
    assert analyse("What was the total cost of the contract?").spending


def test_case_level_detail():
    p = analyse("How many cases were there, and for each case the age of the suspect?")
    assert p.statistics and p.case_level and not p.aggregate


def test_policy_operational_and_security_links():
    assert analyse("Please provide your policy on body-worn video.").policy
    assert analyse("Which surveillance techniques are used?").operational
    assert analyse("How many Prevent referrals were made about terrorism?").security_link
    assert not analyse("How many shoplifting offences were recorded?").security_link


def test_no_request_is_unknown():
    p = analyse(None)
    assert not p.known and not p.statistics and not p.specific


def test_content_terms_fold_plurals_and_drop_generic_words():
    terms = content_terms("How many websites were used by offenders? Please provide the figures.")
    assert "website" in terms and "figures" not in terms and "offender" in terms


def test_statistics_share_counts_questions_not_words():
    mixed = analyse(
        "1) Does your department use the product?\n2) What is the name of the product?\n"
        "3) What is the total annual cost?\n4) Which units use it?\n"
    )
    assert mixed.statistics and not mixed.mostly_statistics
    counts = analyse("1. How many arrests were made?\n2. Break them down by age.\n3. The gender of those arrested\n")
    assert counts.mostly_statistics and counts.aggregate


def test_for_each_year_is_not_case_level_but_for_each_form_is():
    assert not analyse("How many devices were sent out? For each year, state the total cost.").case_level
    assert analyse("How many forms were submitted? For each form please state the date.").case_level
