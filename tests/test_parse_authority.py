"""The gazetteer and the choice of the deciding authority."""

import tomllib

import pytest

from appeal.parse.authority import find_authority, gazetteer
from appeal.resources import data_path


def auth(text):
    return find_authority(text, []).authority


def test_gazetteer_has_every_police_force():
    data = tomllib.loads(data_path("authorities.toml").read_text(encoding="utf-8"))
    police = [a for a in data["authority"] if a["kind"] == "police"]
    assert len(police) == 49  # 43 in England and Wales + Scotland, PSNI, BTP, MDP, CNC, NCA
    nations = {a["name"]: a["nation"] for a in police}
    assert nations["Police Scotland"] == "scotland"
    assert nations["Police Service of Northern Ireland"] == "northern-ireland"
    assert nations["Gwent Police"] == "wales"
    assert nations["British Transport Police"] == "uk"
    for a in data["authority"]:
        assert a["kind"] in ("police", "council", "nhs", "department", "devolved", "university", "regulator", "other")
        assert a["nation"] in ("england", "wales", "scotland", "northern-ireland", "uk")
        # generic words are never aliases
        assert not {x.lower() for x in a.get("aliases", [])} & {"the constabulary", "the force", "the council"}


@pytest.mark.parametrize("alias, name", [
    ("WMP", "West Midlands Police"),
    ("PSNI", "Police Service of Northern Ireland"),
    ("Met Police", "Metropolitan Police Service"),
    ("Avon & Somerset Constabulary", "Avon and Somerset Constabulary"),
    ("Police Service of\nScotland", "Police Scotland"),
])
def test_aliases(alias, name):
    assert auth(f"{alias} can neither confirm nor deny that it holds the information.").name == name


def test_acronyms_are_case_sensitive_and_whole_words():
    assert auth("We checked the wmp files and the mps were consulted.").name is None
    assert auth("The PSNIX unit replied.").name is None


def test_the_body_that_decides_beats_the_letterhead():
    text = ("Information Rights\nBedfordshire Police Headquarters,\nWoburn Road, Kempston\n\n"
            "Email: foi@herts.pnn.police.uk\n\n9th April 2018\n\nDear Sir,\n\n"
            "Hertfordshire Constabulary neither confirms nor denies that it holds information.\n\n"
            "Hertfordshire Constabulary provides you the right to request an independent review.\n")
    a = auth(text)
    assert (a.name, a.kind, a.nation) == ("Hertfordshire Constabulary", "police", "england")


def test_force_named_in_holds_statement_beats_one_named_more_often_in_passing():
    text = ("Surrey Police and Sussex Police share a unit. Surrey Police staff handled this. Surrey Police thanks you.\n\n"
            "Sussex Police does not hold the information you requested.\n")
    assert auth(text).name == "Sussex Police"


@pytest.mark.parametrize("name, kind, nation", [
    ("Brentwood Borough Council", "council", "england"),
    ("London Borough of Lambeth", "council", "england"),
    ("Armagh City, Banbridge and Craigavon Borough Council", "council", "northern-ireland"),
    ("Fife Council", "council", "scotland"),
    ("Cardiff Council", "council", "wales"),
    ("Bolton NHS Foundation Trust", "nhs", "england"),
    ("NHS Lothian", "nhs", "scotland"),
    ("Hywel Dda University Health Board", "nhs", "wales"),
    ("Belfast Health and Social Care Trust", "nhs", "northern-ireland"),
    ("University of Edinburgh", "university", "scotland"),
    ("University of Leeds", "university", "england"),
    ("Cardiff University", "university", "wales"),
    ("Home Office", "department", "uk"),
    ("Scottish Government", "devolved", "scotland"),
    ("Welsh Government", "devolved", "wales"),
    ("Department for Infrastructure (Northern Ireland)", "devolved", "northern-ireland"),
    ("Ofcom", "regulator", "uk"),
])
def test_kinds_and_nations(name, kind, nation):
    from appeal.parse import parse_text

    a = parse_text(f"Dear Sir,\n\n{name} holds the information you asked for, but it is exempt.\n").authority
    assert (a.name, a.kind, a.nation) == (name, kind, nation)


def test_unlisted_council_under_the_scottish_act_is_scottish():
    from appeal.parse import parse_text

    text = ("Dear Requester,\n\nGlenbrae Council holds the information, but it is exempt under section 33(1)(b) "
            "of the Freedom of Information (Scotland) Act 2002.\n")
    r = parse_text(text)
    assert (r.authority.name, r.authority.nation, r.regime) == ("Glenbrae Council", "scotland", "FOISA")
    r2 = parse_text(text.replace(" (Scotland) Act 2002", " Act 2000"))
    assert (r2.authority.nation, r2.regime) == ("england", "FOIA")


def test_agency_is_answered_for_by_its_department():
    r = find_authority("Dear A,\n\nBorder Force does not hold the information requested.\n", [])
    assert r.authority.name == "Home Office"
    assert any("part of the Home Office" in a for a in r.assumptions)


def test_commissioner_named_for_complaints_is_not_the_authority():
    text = ("Dear Sir,\n\nThe council holds the information but it is exempt. The council has decided.\n\n"
            "You may complain to the Information Commissioner's Office (ICO) at ico.org.uk.\n")
    a = auth(text)
    assert a.name is None and a.kind == "council"


def test_third_party_publisher_of_another_kind_is_not_the_authority():
    text = ("Dear Sir,\n\nThe number of firearms officers employed by the force is published. "
            "If you visit the Home Office website you will find the figures the Home Office publish. "
            "The force relies on section 21.\n")
    a = auth(text)
    assert a.name is None and a.kind == "police"


def test_authority_from_a_web_address_only_is_an_assumption():
    r = find_authority("These exemptions are explained at http://www.west-midlands.police.uk/foi/exemptions.asp\n", [])
    assert r.authority.name == "West Midlands Police"
    assert any("letterhead" in a for a in r.assumptions)


def test_mentions_inside_the_request_weigh_less():
    text = ("You asked:\nHow many times did Kent Police, Essex Police and Kent Police again ask Kent Police for help?\n\n"
            "Response\nEssex Police does not hold the information.\n")
    from appeal.parse.request import find_request

    split = find_request(text)
    assert find_authority(text, split.spans).authority.name == "Essex Police"


def test_gazetteer_loads_once():
    assert gazetteer() is gazetteer()


@pytest.mark.parametrize("name, kind, nation", [
    ("Department for Exiting the European Union", "department", "uk"),
    ("Ministry of Silly Walks", "department", "uk"),
    ("Pensions Ombudsman", "regulator", None),  # nation unknown: not guessed
    ("Westshire Fire and Rescue Service", "other", "england"),
])
def test_bodies_by_pattern(name, kind, nation):
    from appeal.parse import parse_text

    a = parse_text(f"Dear Sir,\n\nThe {name} does not hold the information you asked for.\n").authority
    assert (a.name, a.kind, a.nation) == (name, kind, nation)


def test_force_not_in_the_gazetteer_is_still_a_police_force():
    from appeal.parse import parse_text

    r = parse_text("Dear Sir,\n\nNorthshire Constabulary neither confirms nor denies that it holds the information. "
                   "You may complain to the Northshire Police and Crime Commissioner.\n")
    assert (r.authority.name, r.authority.kind, r.authority.nation) == ("Northshire Constabulary", "police", "england")
    assert auth("Dear Sir,\n\nThe local police, the Police Federation and Special Constabulary met.\n").name is None
