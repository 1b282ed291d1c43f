"""The deciding authority by the name the page gives it: a company name opening with
"National"/"British", a council known only by its initials and the place it names, a body
known by its initials in a publication page; null where the page names nobody. Synthetic."""

from __future__ import annotations

from appeal.parse import parse_text


def test_company_name_keeps_its_national_lead_word():
    r = parse_text(
        "Dear Example National Grid Limited,\nPlease send the asset register.\nYours faithfully,\nA Requester\n\n"
        "Dear A Requester\nThank you for your request. British Canal Works Limited can confirm that we hold the "
        "information, which is withheld under Regulation 12(4)(b).\n"
    )
    assert r.authority.name == "British Canal Works Limited"


def test_national_highways_by_its_registered_name():
    r = parse_text(
        "Dear National Highways Limited,\nPlease publish the business cases for schemes over £100m.\n"
        "Yours faithfully,\nA Requester\n\nDear A Requester\nWe can confirm that we hold the information. "
        "It is withheld under Regulation 12(4)(b) of the Environmental Information Regulations 2004.\n"
    )
    assert r.authority.name == "National Highways"


def test_council_known_only_by_initials_and_the_place_it_names():
    r = parse_text(
        "FOI request (FOIR-1)\nExampleford Pier - Licensing\n"
        "Please provide copies of all correspondence between EBC and the owners of Exampleford Pier in 2019.\n"
        "Response\nThe correspondence with EBC officers about Exampleford Pier is withheld under regulation "
        "12(5)(b) of the Environmental Information Regulations 2004.\n"
    )
    assert r.authority.name == "Exampleford Borough Council"
    assert r.authority.kind == "council"
    assert any("initials" in a for a in r.assumptions)


def test_initials_with_two_places_that_fit_are_left_alone():
    r = parse_text(
        "Please provide correspondence between EBC and the owners of Exampleford Pier and Eastbridge Quay.\n"
        "Response\nThe correspondence about Exampleford Pier and Eastbridge Quay is withheld under regulation "
        "12(5)(b).\n"
    )
    assert r.authority.name is None


def test_body_by_its_initials_on_its_publication_page():
    r = parse_text(
        "FOI 2023/24-001 - Communications with the Chief Constable\nResponse\n"
        "Having considered your request, the Authority has assessed that the cost of compliance would exceed "
        "the £600 limit in section 12 of the Freedom of Information (Scotland) Act 2002.\n"
        "Agendas and papers for public sessions are published in advance - SPA Meetings.\n"
    )
    assert r.authority.name == "Scottish Police Authority"


def test_publication_page_naming_nobody_gives_null():
    r = parse_text(
        "Information request and response under the Freedom of Information (Scotland) Act 2002\n"
        "Information requested\nA copy of the report on ferry replacement.\nResponse\n"
        "The report is withheld under section 33(1)(b) of FOISA.\n"
    )
    assert r.authority.name is None
