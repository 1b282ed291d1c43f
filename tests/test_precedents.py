"""The precedent library: it loads, it is honest, and letters only get citable authority."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from appeal import precedents as P
from appeal.errors import UserError
from appeal.resources import shipped_dir

# Citation strings exactly as the source list gives them (copied here so the test does not
# need ../shared). If any of these change, someone edited a citation by hand.
EXPECTED_CITATIONS = {
    "surrey-police-fs50246819": "FS50246819",
    "hogan-oxford-2006": "Hogan & Anor v Information Commissioner [2006] UKIT EA_2005_0030 (17 October 2006)",
    "csa-v-sic-2008": "Common Services Agency v Scottish Information Commissioner (Scotland) [2008] UKHL 47 (9 July 2008)",
    "mcinerney-2015": "McInerney v Information Commissioner [2015] UKUT 47 (AAC)",
    "john-connor-2006": "John Connor Press Associates Ltd v The Information Commissioner [2006] UKIT EA_2006_0005 (24 January 2006)",
    "cobain-2015": "Home Office v Information Commissioner and Cobain (Final Decision) [2015] UKUT 27 (AAC)",
    "appger-2015-ukut-377": "All Party Parliamentary Group on Extraordinary Rendition v Information Commissioner and Foreign and Commonwealth Office [2015] UKUT 377 (AAC)",
    "dbt-uksc-2025": "Department for Business and Trade v The Information Commissioner [2025] UKSC 27",
    "craigdale-2010": "[2010] CSIH 43",
    "toms-royal-mail-2006": "Toms v The Information Commissioner [2006] UKIT EA_2005_0027 (19 June 2006)",
    "packham-norwich-2023": "James Packham v The Information Commissioner & Anor [2023] UKFTT 777 (GRC)",
    "psni-fs50550891": "FS50550891",
    "sic-informant-payments-2009": "Decision 037/2009 Mr Stephen Stewart of the Daily Record and the Chief Constables of Central, Grampian, Lothian and Borders, Strathclyde and Tayside Police",
    "zola-dwp-2016": "Department For Work And Pensions v The Information Commissioner & Anor [2016] EWCA Civ 758",
    "brown-tna-2007": "Brown v Information Commisioner and National Archive [2007] UKIT EA_2006_0088 (04 October 2007)",
    "fcdo-williams-2021": "Foreign, Commonwealth and Development Office v Information Commissioner and others [2021] UKUT 248 (AAC)",
}

# Recommended forms the source spells out verbatim in its cautions.
EXPECTED_CITE_AS = {
    "john-connor-2006": "John Connor Press Associates Ltd v Information Commissioner (EA/2005/0005, 25 January 2006)",
    "brown-tna-2007": "Brown v Information Commissioner and The National Archives (EA/2006/0088, 2 October 2007)",
    "craigdale-2010": "Appeal by Craigdale Housing Association and others v The Scottish Information Commissioner [2010] CSIH 43",
}

ALL_REGIMES = (None, "FOIA", "EIR", "FOISA", "EISR")


@pytest.fixture(scope="module")
def library():
    return P.load_all()


def test_every_file_loads_and_ids_match_file_names(library):
    files = sorted(shipped_dir("precedents").glob("*.toml"))
    assert len(files) >= 30
    assert len(library) == len(files)
    assert {p.id for p in library} == {f.stem for f in files}


def test_ids_unique(library):
    ids = [p.id for p in library]
    assert len(ids) == len(set(ids))


def test_supports_are_known_rules(library):
    for p in library:
        assert {s.split(":")[0] for s in p.supports} <= set(P.RULE_IDS), p.id
        assert p.regimes and set(p.regimes) <= set(P.REGIMES), p.id


def test_rule_ids_match_design_catalogue():
    # every rule in the registry can carry precedents; a typo here would silently drop support
    from appeal.rules.registry import BATCH_ONLY, all_rules

    assert len(P.RULE_IDS) == len(set(P.RULE_IDS))
    assert {r.id for r in all_rules()} | set(BATCH_ONLY) <= set(P.RULE_IDS)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", r) for r in P.RULE_IDS)


def test_dates_are_iso_or_year(library):
    for p in library:
        if p.date is not None:
            assert re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", p.date), p.id


@pytest.mark.parametrize("pid,citation", sorted(EXPECTED_CITATIONS.items()))
def test_citation_strings_are_the_source_strings(pid, citation):
    p = P.get(pid)
    assert p is not None, pid
    assert p.citation == citation


@pytest.mark.parametrize("pid,cite_as", sorted(EXPECTED_CITE_AS.items()))
def test_recommended_citation_form_kept_beside_the_source_string(pid, cite_as):
    p = P.get(pid)
    assert p.cite_as == cite_as
    assert p.letter_citation == cite_as
    assert p.citation != cite_as


def test_letter_citation_falls_back_to_citation():
    p = P.get("cobain-2015")
    assert p.cite_as is None and p.letter_citation == p.citation


@pytest.mark.parametrize("rule", P.RULE_IDS)
@pytest.mark.parametrize("regime", ALL_REGIMES)
def test_for_rule_never_returns_unverified_or_against_requester(rule, regime):
    for p in P.for_rule(rule, regime):
        assert p.verified and not p.against_requester, p.id
        assert rule in p.supports
        if regime:
            assert regime in p.regimes


def test_known_uncitable_entries_exist_and_are_excluded(library):
    imsi = P.get("imsi-catcher-ncnd-2018")
    assert imsi is not None and imsi.verified is False
    dbt = P.get("dbt-uksc-2025")
    assert dbt.against_requester is True
    returned = {p.id for rule in P.RULE_IDS for p in P.for_rule(rule)}
    assert "imsi-catcher-ncnd-2018" not in returned
    assert "dbt-uksc-2025" not in returned and "dbt-coa-2023" not in returned
    # ...but the engine can still learn that aggregation authority cuts the other way
    assert {"dbt-uksc-2025", "dbt-coa-2023"} <= {p.id for p in P.against("public-interest-missing")}


def test_ranking_best_fit_then_most_authoritative():
    """Audit §2.3: apt guidance beats an off-point decision notice; a home-regime authority
    beats a foreign one; an authority that only helps beats a double-edged one."""
    for rule in P.RULE_IDS:
        for regime in ("FOIA", "EIR", "FOISA", "EISR"):
            keys = [P._sort_key(p, regime, rule) for p in P.for_rule(rule, regime)]
            assert keys == sorted(keys), (rule, regime)
    # the English High Court decision that only helps leads the FOIA letter; the House of Lords
    # case (double-edged: its outcome went the authority's way) follows; under FOISA it leads
    assert [p.id for p in P.for_rule("personal-data-aggregate", "FOIA")][:2] == ["doh-v-ic-2011", "csa-v-sic-2008"]
    # under FOISA a SIC decision ordering a police count released leads; the Lords follow
    assert [p.id for p in P.for_rule("personal-data-aggregate", "FOISA")][:2] == ["sic-167-2018-rso-flats", "csa-v-sic-2008"]
    assert P.for_rule("investigation-not-specific", "FOIA")[0].id == "ico-ltt19-s30"  # Toms' requester lost
    assert [p.id for p in P.for_rule("ncnd-unexplained", "FOIA")][0] == "ico-ncnd-guidance"
    ns = [p.id for p in P.for_rule("national-security-mismatch", "FOIA", variant="no_link")]
    assert ns.index("surrey-police-fs50246819") < ns.index("cobain-2015")
    assert "ico-s23-guidance" not in ns  # double-edged and undated: not printed
    prej = [p.id for p in P.for_rule("prejudice-not-demonstrated", "FOIA")]
    assert prej[0] == "zola-dwp-2016" and "appger-2013-ukut-560" not in prej


def test_uncited_national_security_branch_has_its_own_authority():
    """Cobain, Surrey and the s23 guidance do not say that only interests the cited exemption
    protects may be weighed; the ICO PIT guide does."""
    uncited = [p.id for p in P.for_rule("national-security-mismatch", "FOIA", variant="uncited")]
    assert uncited and uncited[0] == "ico-pit-guide"
    assert not {"cobain-2015", "surrey-police-fs50246819", "ico-s24-ltt68"} & set(uncited)


def test_directions_and_cautions(library):
    for p in library:
        assert p.direction in ("helps", "caution", "hurts"), p.id
        if p.direction != "helps":
            assert p.caution, p.id
        assert p.against_requester == (p.direction == "hurts")
    assert P.get("fcdo-williams-2021").direction == "hurts"
    assert "fcdo-williams-2021" in {p.id for p in P.against("national-security-mismatch", "FOIA")}
    assert P.get("dransfield-2015").direction == "hurts"
    assert P.for_rule("vexatious-unexplained") == [] and P.against("vexatious-unexplained")[0].id == "dransfield-2015"
    assert P.get("cobain-2015").direction == "caution"


def test_core_rules_have_citable_support():
    for variant in ("uncited", "no_link"):
        assert P.for_rule("national-security-mismatch", "FOIA", variant=variant), variant
    for rule in ("ncnd-unexplained", "ncnd-statistics",
                 "prejudice-not-demonstrated", "likelihood-not-stated", "personal-data-aggregate",
                 "cost-limit-no-estimate", "cost-limit-no-advice", "late-response",
                 "review-rights-missing", "investigation-not-specific", "boilerplate-reasoning",
                 "mosaic-unsupported"):
        assert P.for_rule(rule), rule
    assert "surrey-police-fs50246819" in {p.id for p in P.for_rule("ncnd-unexplained", "FOIA")}


def test_regime_filter():
    eir = {p.id for p in P.for_rule("review-rights-missing", "EIR")}
    foia = {p.id for p in P.for_rule("review-rights-missing", "FOIA")}
    assert "ico-ltt191-eir-review" in eir and "ico-ltt191-eir-review" not in foia
    assert "ico-refusal-notice-guide" in foia
    # Scottish authority is persuasive for FOIA, and listed for FOISA
    assert "craigdale-2010" in {p.id for p in P.for_rule("personal-data-aggregate", "FOISA")}
    assert "craigdale-2010" in {p.id for p in P.for_rule("personal-data-aggregate", "FOIA")}
    # lower-case regime names work too
    assert P.for_rule("review-late", "eir")


def test_malformed_rule_id_is_an_error_and_a_new_rule_has_no_support():
    with pytest.raises(ValueError):
        P.for_rule("No Such Rule")
    assert P.for_rule("no-such-rule") == []  # a rule added after the catalogue: no support yet


def test_do_not_cite_balance_of_probabilities():
    """facts.md s6: neither APPGER [2015] nor Cobain establishes a s23(5) balance-of-probabilities test."""
    appger = P.get("appger-2015-ukut-377")
    cobain = P.get("cobain-2015")
    for p in (appger, cobain):
        assert any("balance of probabilities" in d for d in p.do_not_cite_for), p.id
        assert "balance of probabilities" not in p.holding.lower()
    # APPGER [2015] was tagged for the balance argument in the source; it supports nothing here
    assert appger.supports == ()
    assert "appger-2015-ukut-377" not in {p.id for p in P.for_rule("national-security-mismatch")}
    # no citable entry's holding puts a balance-of-probabilities test forward
    for rule in P.RULE_IDS:
        for p in P.for_rule(rule):
            assert "balance of probabilities" not in p.holding.lower(), p.id


def test_berend_not_cited_for_length_of_day():
    berend = P.get("berend-richmond-2007")
    assert berend.do_not_cite_for
    assert "after-hours" not in berend.holding and "midnight" not in berend.holding.lower()


def test_packham_is_about_the_late_review_not_the_first_response():
    p = P.get("packham-norwich-2023")
    assert "review-late" in p.supports and "late-response" not in p.supports
    assert p.regimes == ("EIR",)


def test_get_unknown_is_none():
    assert P.get("nope") is None


def test_to_dict_json_form(library):
    data = P.to_dict()
    text = json.dumps(data)
    back = json.loads(text)
    assert len(back["precedents"]) == len(library)
    first = back["precedents"][0]
    for key in ("id", "citation", "verified", "supports", "holding", "source_url", "against_requester",
                "regimes", "direction", "caution"):
        assert key in first
    one = P.to_dict([P.get("surrey-police-fs50246819")])
    assert one["precedents"][0]["citation"] == "FS50246819"


def test_load_all_is_cached():
    assert P.load_all()[0] is P.load_all()[0]


# --- validation: bad data names the file -------------------------------------------------

GOOD = """
id = "{id}"
kind = "case"
title = "A v B"
citation = "[2099] UKUT 1 (AAC)"
court_or_body = "Upper Tribunal"
source_url = "https://example.org/a"
holding = "Something in our own words."
holding_basis = "judgment_text"
supports = ["late-response"]
regimes = ["FOIA"]
verified = true
direction = "helps"
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validation_accepts_good_file(tmp_path):
    write(tmp_path, "a-v-b", GOOD.format(id="a-v-b"))
    (p,) = P.load_dir(tmp_path)
    assert p.id == "a-v-b" and p.supports == ("late-response",)


@pytest.mark.parametrize(
    "mutate,message",
    [
        (lambda s: s.replace('supports = ["late-response"]', 'supports = ["late_response"]'), "late_response"),
        (lambda s: s.replace('id = "a-v-b"', 'id = "other"'), "does not match the file name"),
        (lambda s: s.replace('citation = "[2099] UKUT 1 (AAC)"\n', ""), "citation"),
        (lambda s: s.replace("verified = true", 'verified = "yes"'), "verified"),
        (lambda s: s.replace('kind = "case"', 'kind = "blog"'), "kind"),
        (lambda s: s.replace('regimes = ["FOIA"]', 'regimes = ["foia"]'), "regime"),
        (lambda s: s + "\nextra_field = 1\n", "unknown field"),
        (lambda s: s + "\nthis is not toml\n", "TOML"),
    ],
)
def test_validation_errors_name_the_file(tmp_path, mutate, message):
    write(tmp_path, "a-v-b", mutate(GOOD.format(id="a-v-b")))
    with pytest.raises(UserError) as exc:
        P.load_dir(tmp_path)
    assert "a-v-b.toml" in str(exc.value)
    assert message in str(exc.value)
