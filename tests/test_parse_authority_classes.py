"""The deciding authority: never a third party named in the body; the signature, the sender's
unit, the e-mail domain, the letterhead and the page's own name; null when none names it."""

from __future__ import annotations

from appeal.parse import parse_text


def test_third_party_whose_code_is_followed_is_not_the_authority():
    r = parse_text(
        "Request\nPlease provide the minutes of the board meetings in 2023.\n"
        "Response\nWe follow the code of practice used by The Scottish Government when handling requests. "
        "Anytown Council holds the minutes and they are withheld under section 30(b)(i) of the Freedom of "
        "Information (Scotland) Act 2002.\nYours sincerely\nInformation Officer, Anytown Council\n"
    )
    assert r.authority.name == "Anytown Council"


def test_company_the_request_is_about_is_not_the_authority():
    r = parse_text(
        "Your request:\nPlease provide the contract with Acme Widgets Limited.\n"
        "Response\nThe contract with Acme Widgets Limited is withheld under section 43(2).\n"
        "Yours sincerely\nFreedom of Information Team\nExampleshire County Council\n"
    )
    assert r.authority.name == "Exampleshire County Council"


def test_body_named_once_then_by_its_initials():
    r = parse_text(
        "Request:\nI am writing to request information regarding Greater Exampleton Authority's spending "
        "on hotels.\nResponse:\nI can confirm that the GEA holds the information. The names of the hotels "
        "are withheld under section 38(1)(b).\n"
    )
    assert r.authority.name == "Greater Exampleton Authority"


def test_body_the_request_is_addressed_to_beats_the_subject_of_the_request():
    r = parse_text(
        "Anyshire Police chief officer meetings: FOI release\n"
        "Information requested\n"
        "1. Minutes of meetings with the Anyshire Police Chief Constable.\n"
        "2. All documentation held by the Scottish Government about the complaint.\n"
        "Response\nI enclose some of the information. Some is withheld under section 30(b)(i) of FOISA.\n"
    )
    assert r.authority.name == "Scottish Government"


def test_email_domain_names_the_police_force():
    r = parse_text(
        "Response\nWe can neither confirm nor deny that we hold the information, by virtue of section 31(3).\n"
        "Freedom of Information Unit\nfoi@gwent.police.uk\n"
    )
    assert r.authority.name == "Gwent Police"


def test_null_when_the_text_never_names_the_authority():
    r = parse_text(
        "Request\nHow many vehicles were bought in 2022?\n"
        "Response\nThe information is withheld under section 43(2) of the Freedom of Information Act 2000.\n"
    )
    assert r.authority.name is None


def test_the_former_body_a_trust_merged_with_is_not_the_authority():
    r = parse_text(
        "Freedom of Information Request: 0329\n"
        "Dear Requester\n"
        "Eastford Hospitals NHS Foundation Trust (EHT) completed a merger by acquisition of Westvale NHS Foundation "
        "Trust on 1st April 2018.\nDue to differences across EHT and the former Westvale NHS Foundation Trust some "
        "responses are given by site.\n"
        "1. The local tariff of every orthotics product.\n"
        "The Trust holds the tariff. However, it is withheld under Section 43(2).\n"
    )
    assert r.authority.name == "Eastford Hospitals NHS Foundation Trust"
