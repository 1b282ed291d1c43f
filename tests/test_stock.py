"""Stock paragraphs and dangling references (appeal.rules.stock), on synthetic text only."""

from __future__ import annotations

import re

import pytest

from appeal.rules import stock as S
from appeal.rules.stocktext import library as L

# One synthetic sentence per family, written for these tests: each paraphrases the stock
# wording closely enough that the fingerprint should catch it.
EXAMPLES = {
    "s40_absolute_no_pit": "Section 40(2) is an absolute and class based exemption, so no balance is needed.",
    "s23_absolute_no_pit": "Section 23(5) is a class based absolute exemption and we need not weigh anything.",
    "wmp_s23_constrictions": "Saying more would contravene the constrictions laid out within Section 23 of the Act.",
    "class_based_legislators_harm": "This means the legislators have identified that there would be harm in release.",
    "qualified_prejudice_articulate_harm": "Section 31 is a prejudice-based, qualified exemption and there is a requirement to articulate the harm.",
    "pi_public_funds_transparency": "The public are entitled to know how public funds are spent by the council.",
    "pi_better_informed_public": "Releasing the list would lead to a better-informed public.",
    "mosaic_or_picture": "Offenders could then build up a picture of where cameras are.",
    "ncnd_addon_any_other_information": "The Trust neither confirms nor denies that it holds any other information on this.",
    "purely_statistical": "Although purely statistical data is sought, release would still cause harm.",
    "terrorism_threat_cannot_be_ignored": "The threat from terrorism cannot be ignored by any police force.",
    "information_led_policing": "Modern-day policing is intelligence-led and depends on partners.",
    "police_will_not_divulge": "The Police Service will not divulge whether information is or is not held.",
    "national_security_padding": "The security of the nation is of paramount importance to every force.",
    "transparency_vs_integrity": "There is a very strong public interest in safeguarding our operations.",
    "law_enforcement_padding": "We have a duty to protect and defend vulnerable individuals in the county.",
    "pi_tactics_outweigh_resources": "Keeping effective law enforcement tactics in place matters more.",
    "balance_test_not_made_out": "In our opinion, for these issues the balance test for disclosure is not made out.",
    "regarding_these_techniques": "Whether any information is held regarding these techniques is not for release.",
    "evidence_gathering_speculation": "Release could add to public speculation and rumour about the matter.",
    "scotgov_pit_template": "So, taking account of all the circumstances of this case, we have considered if the public interest favours release.",
    "business_rates_credit_fraud": "Publishing the list may allow credit balances to be fraudulently obtained.",
    "empty_property_s31_notice": "We consider the list you asked for regarding empty properties to be exempt information under s31(1)(a).",
    "two_duties_s1": "The Act places two duties on public authorities, as explained below.",
    "s17_abc_recital": "The notice must: a) states that fact, b) specifies the exemption in question.",
    "ncnd_duty_does_not_apply": "The Council can neither confirm nor deny that it holds the records as the duty in s1(1)(a) does not apply.",
    "no_inference_ncnd": "No inference can be drawn from this reply about what we hold.",
    "public_domain_not_to_applicant": "We must answer every request blind to the identity of the person asking.",
    "numerical_data_unaudited": "Any figures are an unaudited snapshot of a live system.",
    "data_not_comparable_caveat": "Forces do not use generic systems or identical procedures for recording.",
    "refusal_notice_for_this_request": "Accordingly, this letter serves as a refusal notice for the withheld parts.",
    "i_write_in_connection": "I write in connection with your request dated 3 May.",
    "app_link_and_pit_required": "These exemptions and explanatory notes are shown here on our site.",
    "scotgov_while_our_aim": "While our aim is to provide information whenever possible, this part is exempt.",
    "scotgov_s38_not_subject_pit": "This exemption is not subject to the 'public interest test', so we are not required to weigh it.",
    "northumbria_provision_header": "We have now had the opportunity to fully consider your request.",
    "psni_ncnd_intro": "The Police Service of Northern Ireland is providing an NCND response to part 2.",
    "psni_s12_template": "PSNI have followed the Information Commissioner's Office guidance on costs.",
    "home_office_cost_template": "The £600 limit is based on work being carried out at £25 an hour.",
    "home_office_ir_paragraph": "You may request an independent internal review of our handling of your request by submitting a complaint within two months.",
    "legislation_gov_uk_pointer": "The full text of exemptions can be found at www.legislation.gov.uk for reference.",
    "statute_quote_duty_to_confirm": "The duty to confirm or deny does not arise if, or to the extent that, compliance with section 1(1)(a) would reveal it.",
    "s12_cost_elements_abcd": "Only the cost of locating, retrieving and extracting information can be included.",
}

# Ordinary sentences that share words with a family but are not the stock text.
NEAR_MISSES = [
    ("s40_absolute_no_pit", "Section 40(2) applies because the names are personal data of junior staff."),
    ("s23_absolute_no_pit", "Section 23 does not apply, as no security body is involved."),
    ("pi_public_funds_transparency", "The public has an interest in knowing about road safety near schools."),
    ("mosaic_or_picture", "We have named the published table that the figures could be combined with."),
    ("two_duties_s1", "The officer had two duties that day on the public counter."),
    ("ncnd_addon_any_other_information", "We confirm that we hold other information, which is attached."),
    ("ncnd_duty_does_not_apply", "We confirm that the duty in s1(1)(a) applies and the records are held."),
    ("s17_abc_recital", "Your request asked for a) the budget and b) the contract."),
    ("numerical_data_unaudited", "The data were audited by the external auditor last year."),
    ("regarding_these_techniques", "We describe three techniques in the annex."),
    ("information_led_policing", "Intelligence gathering is one of many tasks of the force."),
    ("terrorism_threat_cannot_be_ignored", "The national threat level was lowered last spring."),
    ("transparency_vs_integrity", "There is a public interest in the transparency of council decisions."),
    ("balance_test_not_made_out", "Having weighed the points above, we find the balance favours release."),
    ("purely_statistical", "The statistics are published purely for information."),
    ("police_will_not_divulge", "The force will disclose whether information is held."),
]


@pytest.fixture(scope="module")
def lib():
    return S.families()


def families_in(text):
    return {m.family for m in S.find_stock(text)}


def test_every_family_has_an_example(lib):
    assert set(EXAMPLES) == set(lib), "write a synthetic example for every family"


@pytest.mark.parametrize("family", sorted(EXAMPLES))
def test_example_matches_its_family_with_verbatim_span(family):
    text = "Some opening words.\n\n" + EXAMPLES[family] + "\n\nYours faithfully"
    hits = [m for m in S.find_stock(text) if m.family == family]
    assert hits, family
    for m in hits:
        assert m.quote == text[m.start : m.end]
        assert m.quote.strip() and len(m.quote) <= 400
        assert m.kind == "stock"


@pytest.mark.parametrize("family,text", NEAR_MISSES)
def test_near_misses_do_not_match(family, text):
    assert family not in families_in(text)


def test_plain_letter_has_no_stock():
    text = (
        "Dear Ms Khan, thank you for your request of 3 March. We hold 14 reports on the bridge "
        "repairs and they are attached. The repairs cost £42,000. Yours sincerely, R. Patel"
    )
    assert S.find_stock(text) == []


def test_reasoning_flags(lib):
    for procedural in ("two_duties_s1", "s17_abc_recital", "refusal_notice_for_this_request", "home_office_ir_paragraph"):
        assert lib[procedural].reasoning is False
    for reasoning in ("pi_public_funds_transparency", "mosaic_or_picture", "national_security_padding",
                      "s23_absolute_no_pit", "ncnd_addon_any_other_information"):
        assert lib[reasoning].reasoning is True
    (m,) = [m for m in S.find_stock(EXAMPLES["two_duties_s1"]) if m.family == "two_duties_s1"]
    assert m.reasoning is False


def test_case_whitespace_quotes_and_dashes_tolerated_with_original_spans():
    text = (
        "Intro \u2018quoted\u2019 bit.\r\n\r\nThe PUBLIC  are entitled\n to know how PUBLIC\tfunds are spent.\n"
        "Section 31 is a prejudice\u2011based,  qualified exemption and there is a requirement to articulate the harm.\n"
        "PSNI have followed the Information Commissioner\u2019s Office guidance."
    )
    found = {m.family: m for m in S.find_stock(text)}
    m = found["pi_public_funds_transparency"]
    assert m.quote == text[m.start : m.end]
    assert m.quote.startswith("PUBLIC  are entitled\n to know")
    assert m.phrase == "public are entitled to know how public funds are spent"
    assert "qualified_prejudice_articulate_harm" in found
    assert "psni_s12_template" in found  # curly apostrophe in the letter, straight in the fingerprint


def test_offsets_survive_non_bmp_and_expanding_lowercase():
    # "\u0130" lower-cases to two characters; offsets must still point into the original
    text = "\u0130stanbul \U0001F600 note.\nThe public are entitled to know how public funds are spent."
    (m,) = [m for m in S.find_stock(text) if m.family == "pi_public_funds_transparency"]
    assert text[m.start : m.end] == m.quote
    assert m.quote.lower().startswith("public are entitled")


def test_overlapping_patterns_of_one_family_are_merged():
    text = "The public are entitled to know how public funds are spent."
    hits = [m for m in S.find_stock(text) if m.family == "pi_public_funds_transparency"]
    assert len(hits) == 1
    assert hits[0].quote.endswith("are spent")


def test_results_are_in_text_order():
    text = EXAMPLES["two_duties_s1"] + " " + EXAMPLES["mosaic_or_picture"] + " " + EXAMPLES["no_inference_ncnd"]
    starts = [m.start for m in S.find_stock(text)]
    assert starts == sorted(starts) and len(starts) == 3


def test_fingerprints_are_short_not_paragraphs():
    import tomllib

    from appeal.resources import data_path

    data = tomllib.loads(data_path("stock_fingerprints.toml").read_text(encoding="utf-8"))
    for entry in data["family"] + data["dangling"]:
        assert entry.get("description"), entry["id"]
        for ph in entry.get("phrases", []):
            assert 3 <= len(ph.split()) <= 8, ph
            assert ph == " ".join(ph.lower().split()), ph
        for pat in entry.get("patterns", []):
            words = re.findall(r"[a-z]{2,}", pat)
            assert len(words) <= 16, pat
            assert len(pat) <= 160, pat


# --- sentence_span ----------------------------------------------------------------------


def span_text(text, needle):
    i = text.index(needle)
    s, e = S.sentence_span(text, i, i + len(needle))
    return text[s:e]


def test_sentence_span_basic():
    text = "Heading\nThe first sentence. The second one, regarding these techniques, ends here. Third."
    assert span_text(text, "these techniques") == "The second one, regarding these techniques, ends here."


def test_sentence_span_heading_line_is_not_glued():
    text = "Balance test\nThe security of the country is of paramount importance to all. Next."
    assert span_text(text, "paramount") == "The security of the country is of paramount importance to all."


def test_sentence_span_abbreviations_and_lowercase_continuations():
    text = "Earlier text. We rely on s. 23 and e.g. the mosaic effect applies here. Next one."
    assert span_text(text, "mosaic") == "We rely on s. 23 and e.g. the mosaic effect applies here."


def test_sentence_span_hard_wrapped_prose_joins_lines():
    text = (
        "Previous sentence ends here. This is a long line of prose that wraps in the middle of a\n"
        "sentence because of PDF extraction and the mosaic point continues. After."
    )
    got = span_text(text, "mosaic")
    assert got.startswith("This is a long line") and got.endswith("continues.")


def test_sentence_span_contains_match_and_is_bounded():
    text = "word " * 1000
    s, e = S.sentence_span(text, 2500, 2504)
    assert s <= 2500 and e >= 2504
    assert e - s < 1400


# --- dangling references ------------------------------------------------------------------

CAVEAT = "The numerical data presented in this response is an un-audited snapshot of live systems."


def dangling_ids(text, request=None, response=None):
    return {m.family for m in S.find_dangling(text, request, response)}


def test_numerical_data_fires_when_no_figures_given():
    text = (
        "Our Ref: FOI2021/00123. 9th April 2021. Dear Sir, we neither confirm nor deny holding the "
        "information by virtue of Section 30(3) and Section 31(3) of the Act 2000. Call 0303 123 1113. "
        + CAVEAT
    )
    (m,) = S.find_dangling(text)
    assert m.family == "numerical_data_presented" and m.kind == "dangling"
    assert text[m.start : m.end] == m.quote and "numerical data presented" in m.quote
    assert m.hint and m.reasoning is True


def test_numerical_data_silent_when_figures_given():
    text = "Response: 1a. Charged - 5. 1b. Cautioned - 0. " + CAVEAT
    assert "numerical_data_presented" not in dangling_ids(text)


def test_numerical_data_silent_when_attachment_holds_the_data():
    text = "Please find the data in the attached spreadsheet. " + CAVEAT
    assert "numerical_data_presented" not in dangling_ids(text)


def test_figures_in_the_request_do_not_count():
    request = "How many cases were there in 2019? Give 3 age bands."
    text = "You asked: " + request + " We neither confirm nor deny. " + CAVEAT
    assert "numerical_data_presented" in dangling_ids(text, request)


def test_has_figures_ignores_dates_sections_refs_and_phones():
    assert not S.has_figures("Letter of 23rd October 2019, ref FOI2019/05954, s31(1)(a), section 23(5), tel 01234 842547, Act 2000, 05.08.15")
    assert S.has_figures("There were 129,091 logs.")
    assert S.has_figures("The unit has 12 staff.")


TECH = "For these reasons the balance test regarding these techniques is not made out."


def test_these_techniques_fires_when_request_never_mentions_them():
    request = "How many indecent image offences were recorded last year?"
    text = "Request: " + request + " Response: neither confirm nor deny. " + TECH
    ids = dangling_ids(text, request)
    assert "these_techniques" in ids


def test_these_techniques_silent_when_request_mentions_a_technique_or_tactic():
    request = "Which covert tactics does the force use to monitor chat rooms?"
    text = "Request: " + request + " " + TECH
    assert "these_techniques" not in dangling_ids(text, request)


def test_these_techniques_without_request_text_uses_the_rest_of_the_letter():
    letter_without = "We neither confirm nor deny. " + TECH
    assert "these_techniques" in dangling_ids(letter_without)
    letter_with = "You asked about surveillance techniques used in prisons. " + TECH
    assert "these_techniques" not in dangling_ids(letter_with)


def test_public_funds_fires_only_when_request_not_about_money():
    stock = "The public are entitled to know how public funds are spent."
    counts = "How many live investigations into exploitation are there?"
    money = "What was the total cost of the new helicopter contract?"
    assert "public_funds_spent" in dangling_ids("Q: " + counts + " " + stock, counts)
    assert "public_funds_spent" not in dangling_ids("Q: " + money + " " + stock, money)
    # no request text: nothing to judge by, so say nothing
    assert "public_funds_spent" not in dangling_ids(stock)


def test_police_resources_reference():
    stock = "It outweighs the public interest in the use of police resources."
    counts = "How many offences of this type were recorded?"
    staff = "How many staff work in the unit?"
    assert "use_of_police_resources" in dangling_ids("Q: " + counts + " " + stock, counts)
    assert "use_of_police_resources" not in dangling_ids("Q: " + staff + " " + stock, staff)


def test_stock_words_inside_the_quoted_request_are_ignored():
    request = "Do these techniques cost public funds? I mean how public funds are spent on these techniques."
    text = "You asked: " + request + " We hold nothing."
    assert S.find_dangling(text, request) == []


# --- machinery ----------------------------------------------------------------------------


def test_tolerant_rewrite():
    rx = re.compile(S.tolerant("prejudice[ -]?based,? qualified 'public interest test'"), re.S)
    assert rx.search("prejudice\u2013based,\n  qualified \u2018public  interest test\u2019")
    assert rx.search("prejudicebased qualified 'public interest test'")
    assert re.compile(S.tolerant("section 40 ?\\(2\\)")).search("section 40(2)")


def test_anchor_words_are_whole_words():
    # the regex parser factors "a" out of "any|additional"; the anchor must not be "dditional"
    a = S.anchors("neither confirms? nor den(?:y|ies) (?:any other|additional) information")
    assert a is not None and all(w in ("neither", "information", "confirms", "nor") for w in a)
    assert S.anchors("places[ -]+two[ -]+duties") in (("places",), ("duties",))
    assert S.anchors("class[ -]?based") is None  # "classbased" is possible: no safe word


def test_bad_fingerprint_file_names_the_entry(tmp_path):
    bad = tmp_path / "fp.toml"
    bad.write_text('[[family]]\nid = "broken"\nreasoning = true\npatterns = ["(unclosed"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="broken"):
        S.load_fingerprints(bad)
    bad.write_text('[[family]]\nid = "empty"\nreasoning = true\n', encoding="utf-8")
    with pytest.raises(ValueError, match="empty"):
        S.load_fingerprints(bad)


def test_repeated_calls_give_equal_independent_lists():
    text = EXAMPLES["mosaic_or_picture"]
    a = S.find_stock(text)
    a.clear()
    assert S.find_stock(text) and S.find_stock(text) == S.find_stock(text)


def test_durations_in_procedural_text_are_not_figures_presented():
    # "within 40 working days" is a time limit, not numerical data given in the response,
    # so a stock "numerical data presented" line still dangles.
    from appeal.rules.stock import has_figures

    assert not has_figures("You may ask for an internal review within 40 working days of this letter.")
    assert has_figures("In 2019 the force recorded 45 such offences.")


def test_anchor_memo_is_written_reused_and_survives_damage(tmp_path, monkeypatch):
    # The anchor words are kept between runs; a damaged cache is ignored, not fatal.
    import appeal.resources

    monkeypatch.setenv("APPEAL_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(appeal.resources, "SHIPPED_CACHE", tmp_path / "nothing-shipped")
    monkeypatch.setattr(L, "_ANCHOR_MEMO", {})
    (tmp_path / "stock-anchors-v1-1-2.json").write_text("{}")  # a copy for an older file: stale
    fams, _ = S.load_fingerprints()
    memo = list(tmp_path.glob("stock-anchors-*.json"))
    assert len(memo) == 1 and memo[0].stat().st_size > 2
    monkeypatch.setattr(L, "_ANCHOR_MEMO", {})
    again, _ = S.load_fingerprints()
    assert [r.anchors for f in again for r in f.regexes] == [r.anchors for f in fams for r in f.regexes]
    memo[0].write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(L, "_ANCHOR_MEMO", {})
    third, _ = S.load_fingerprints()
    assert [r.anchors for f in third for r in f.regexes] == [r.anchors for f in fams for r in f.regexes]


def test_shipped_anchor_memo_serves_a_first_run(tmp_path, monkeypatch):
    # With an empty cache, the anchors shipped by the release step are used: nothing to write.
    monkeypatch.setenv("APPEAL_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(L, "_ANCHOR_MEMO", {})
    S.load_fingerprints()
    assert list(tmp_path.glob("stock-anchors-*.json")) == []
