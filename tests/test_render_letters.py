"""Letters built from hand-made records: grounds, regime wording, dates never invented."""

import datetime as dt

import pytest

from appeal.model import Authority, Dates, Event, Evidence, Exemption, Finding, Refusal, Timeline
from appeal.render.letters import build_complaint, build_review, citation_text, to_markdown
from appeal.render.text import to_text
from appeal.render.requester import Requester

ME = Requester(name="Ann Example", email="ann@example.org", address=["1 Test Row", "Testtown TT1 1TT"])


def refusal(regime="FOIA", **kw):
    base = dict(
        authority=Authority(name="Northshire Constabulary", kind="police"), regime=regime,
        reference="FOI-2024-0042", dates=Dates(letter="2024-03-01", received="2024-02-02"),
        request_text="How many reports of fraud were recorded in 2023, by month?",
        exemptions=[Exemption("s23(5)", ncnd=True), Exemption("s31(3)", ncnd=True)],
        ncnd=True, ncnd_scope="all",
    )
    base.update(kw)
    return Refusal(**base)


_AT = iter(range(0, 10**6, 100))


def finding(rule, strength, quote=None, ask=None, precedents=()):
    # each finding quotes its own words (findings on the same words are merged into one ground)
    quote = quote or f"We can neither confirm nor deny, says {rule}."
    at = next(_AT)
    return Finding(rule=rule, title=f"Title of {rule}", strength=strength,
                   evidence=[Evidence(quote, at, at + len(quote))], argument=f"Argument for {rule}.",
                   precedents=list(precedents), ask=ask or f"Do something about {rule}.")


def timeline(regime="FOIA", **extra):
    events = [Event("response_due", "2024-03-01", "s10(1)"), Event("review_due", "2024-04-03", "code"),
              Event("review_due_max", "2024-05-02", "code"),
              Event("commissioner_complaint_by", "2024-06-12", "ICO policy")]
    return Timeline(regime, "uk-any-part", events, **extra)


def review_md(regime="FOIA", findings=None, ref=None, tl=None, **kw):
    ref = ref or refusal(regime)
    findings = findings if findings is not None else [finding("ncnd-statistics", "strong")]
    letter = build_review(ref, findings, tl or timeline(regime), ME, regime=regime,
                          letter_date=dt.date(2024, 3, 5), received=dt.date(2024, 2, 2),
                          responded=dt.date(2024, 3, 1), cite=lambda pid: f"CITATION<{pid}>", **kw)
    return letter, to_markdown(letter)


def test_review_has_the_parts_of_a_letter():
    letter, md = review_md()
    text = to_text(md)
    assert text.startswith("Ann Example\n1 Test Row\nTesttown TT1 1TT\nann@example.org")
    assert "5 March 2024" in text
    assert "Northshire Constabulary" in text and "FOI-2024-0042" in text
    assert "received on 2 February 2024" in text and "Your response of 1 March 2024" in text
    assert "How many reports of fraud" in text
    assert "would neither confirm nor deny" in text and "sections 23(5) and 31(3) of the Act" in text
    assert "by 3 April 2024" in text  # the review due date from the timeline
    assert text.rstrip().endswith("Yours faithfully,\n\nAnn Example")


def test_grounds_strongest_first_and_numbered():
    findings = [finding("a-rule", "moderate"), finding("b-rule", "strong"), finding("c-rule", "moderate")]
    letter, md = review_md(findings=findings)
    assert [g.rule for g in letter.grounds] == ["b-rule", "a-rule", "c-rule"]
    assert [g.number for g in letter.grounds] == [1, 2, 3]
    assert md.index("### 1. Title of b-rule") < md.index("### 2. Title of a-rule") < md.index("### 3. Title of c-rule")


def test_weak_grounds_only_with_all_or_include():
    findings = [finding("strong-one", "strong"), finding("weak-one", "weak")]
    letter, md = review_md(findings=findings)
    assert [g.rule for g in letter.grounds] == ["strong-one"] and letter.left_out == {"weak": 1}
    letter, md = review_md(findings=findings, all_strengths=True)
    assert [g.rule for g in letter.grounds] == ["strong-one", "weak-one"]
    letter, md = review_md(findings=findings, include=("weak-one",))
    assert "weak-one" in [g.rule for g in letter.grounds]


def test_quotes_and_citations_come_from_the_findings():
    f = finding("ncnd-statistics", "strong", quote="The *force* [neither] confirms # nor denies",
                precedents=["p1", "p2"])
    letter, md = review_md(findings=[f])
    assert "> “The \\*force\\* [neither] confirms \\# nor denies”" in md
    assert "See CITATION<p1>." in to_text(md).replace("\n", " ")  # the one authority that fits best
    assert "CITATION<p2>" not in md


def test_unknown_precedent_is_never_cited():
    f = finding("ncnd-statistics", "strong", precedents=["no-such-precedent"])
    letter = build_review(refusal(), [f], timeline(), ME, regime="FOIA", letter_date=dt.date(2024, 3, 5))
    assert letter.grounds[0].citations == []


def test_real_precedent_cited_by_its_exact_citation():
    from appeal import precedents

    p = precedents.get("surrey-police-fs50246819")
    f = finding("ncnd-unexplained", "strong", precedents=[p.id])
    letter = build_review(refusal(), [f], timeline(), ME, regime="FOIA", letter_date=dt.date(2024, 3, 5))
    assert p.citation in letter.grounds[0].citations[0]
    assert citation_text(p) == letter.grounds[0].citations[0]


def test_asks_are_consolidated():
    fs = [finding("a", "strong", ask="Confirm or deny whether the information is held."),
          finding("b", "strong", ask="Confirm or deny whether the information is held"),
          finding("c", "moderate", ask="Disclose the statistics.")]
    letter, md = review_md(findings=fs)
    assert letter.asks == ["Confirm or deny whether the information is held.", "Disclose the statistics."]
    assert md.count("Confirm or deny whether the information is held") == 1


def test_unknown_dates_are_not_invented():
    ref = refusal(dates=Dates(), reference=None, authority=Authority())
    letter = build_review(ref, [finding("x", "strong")], None, Requester(), regime="FOIA",
                          letter_date=dt.date(2024, 3, 5))
    text = to_text(to_markdown(letter))
    assert "Your response would neither" in text  # no date where none is known
    assert "received on" not in text
    assert "within 20 working days of receiving this letter" in text  # no due date without dates
    # no authority name is invented under the addressee line (the old check here, '"your
    # authority" in text or "Freedom of Information team" in text', could not fail: the
    # second phrase is in every letter)
    lines = [line.rstrip() for line in text.splitlines()]
    i = lines.index("Freedom of Information team")
    assert lines[i + 1] == "" and "None" not in text
    assert "[" not in text  # no placeholder is ever printed: the letter is left unsigned
    notes = " ".join(letter.assumptions)
    assert "--received" in notes and "--responded" in notes and "--name" in notes
    # the letter itself never lists the assumptions
    assert "--received" not in text


WORDING = {
    "FOIA": ["Request for internal review", "section 45", "20 working days",
             "Information Commissioner under section 50"],
    "EIR": ["Representations under regulation 11", "Regulation 11(4)", "40 working days",
            "as applied by regulation 18", "environmental information"],
    "FOISA": ["Requirement for review under section 20", "section 20 of the Act", "Section 21(1)",
              "Scottish Information Commissioner", "section 47"],
    "EISR": ["Request for review under regulation 16", "regulation 16", "20 working days",
             "Scottish Information Commissioner", "section 47"],
}


@pytest.mark.parametrize("regime", list(WORDING))
def test_review_wording_follows_the_regime(regime):
    letter, md = review_md(regime)
    text = to_text(md).replace("\n", " ")
    for phrase in WORDING[regime]:
        assert phrase in text, (regime, phrase)
    others = {"FOIA": "section 45", "EIR": "regulation 11", "FOISA": "section 20 of the Act",
              "EISR": "regulation 16"}
    for other, phrase in others.items():
        if other != regime:
            assert phrase not in text, (regime, phrase)
    assert "para" not in text.lower().replace("paragraph", "")  # no Code paragraph numbers


def test_eir_cites_regulations_in_its_own_terms():
    ref = refusal("EIR", exemptions=[Exemption("reg12(4)(b)"), Exemption("reg13")], ncnd=False)
    letter, md = review_md("EIR", ref=ref)
    assert "regulations 12(4)(b) and 13 of the Regulations" in to_text(md)


def complaint_md(regime="FOIA", **kw):
    ref = refusal(regime)
    args = dict(regime=regime, letter_date=dt.date(2024, 5, 8), received=dt.date(2024, 2, 2),
                responded=dt.date(2024, 3, 1), review_requested=dt.date(2024, 3, 5), cite=lambda p: p)
    args.update(kw)
    letter = build_complaint(ref, [finding("ncnd-statistics", "strong")], timeline(regime), ME, **args)
    return letter, to_text(to_markdown(letter)).replace("\n", " ")


def test_ico_complaint_follows_the_form():
    letter, text = complaint_md("FOIA")
    for heading in ("About me", "The public authority", "My request", "The response", "Internal review",
                    "Why I believe the response is wrong", "What I would like the Commissioner to do",
                    "Documents", "Timing"):
        assert heading in text
    assert "section 50 of the Freedom of Information Act 2000" in text
    assert "Wycliffe House" in text
    assert "six weeks" in text and "not a statutory limit" in text and "12 June 2024" in text
    # review requested 5 March, latest date 2 May, letter 8 May: overdue
    assert "no decision" in text and "40 working days" in text
    assert "my request for an internal review" in text


def test_ico_complaint_eir_goes_through_regulation_18():
    letter, text = complaint_md("EIR")
    assert "as applied by regulation 18 of the Environmental Information Regulations 2004" in text


def test_complaint_with_review_outcome_and_its_grounds():
    outcome = refusal(reference="IR-77", is_review_outcome=True, source="/x/outcome.txt")
    rf = [finding("review-late", "strong", quote="We apologise for the delay.")]
    letter, text = complaint_md("FOIA", review_responded=dt.date(2024, 4, 30), outcome=outcome,
                                outcome_findings=rf)
    assert "gave its decision on 30 April 2024" in text and "(reference IR-77)" in text
    assert "In the review outcome: Argument for review-late." in text
    assert "the outcome of the review (outcome.txt)" in text


@pytest.mark.parametrize("regime", ["FOISA", "EISR"])
def test_scottish_application(regime):
    letter, text = complaint_md(regime)
    assert "section 47(1) of the Freedom of Information (Scotland) Act 2002" in text
    assert "Scottish Information Commissioner" in text and "Kinburn Castle" in text
    assert "six months" in text and "section 47(4)" in text
    assert "Information Commissioner's Office" not in text
    if regime == "EISR":
        assert "regulation 17" in text and "regulation 16" in text
    else:
        assert "section 20 of the Act" in text


def test_scottish_application_without_review_warns():
    letter, text = complaint_md("FOISA", review_requested=None)
    assert "have not yet required" in text
    assert any("s47(1)" in a for a in letter.assumptions)


def test_argument_sentence_case_but_citations_untouched():
    a = finding("r1", "strong")
    a.argument = "the Act requires a review."
    b = finding("r2", "strong")
    b.argument = "s31(3) is a prejudice-based exemption."
    letter, md = review_md(findings=[a, b])
    # a sentence opens on the word, never "S31(3)" nor "s31(3)"
    assert [g.argument for g in letter.grounds] == ["The Act requires a review.",
                                                    "Section 31(3) is a prejudice-based exemption."]
    c = finding("r3", "strong")
    c.argument = "It relies on s31(3) and s40(2). s28 and s27(1) are qualified."
    letter, md = review_md(findings=[c])
    assert letter.grounds[0].argument == "It relies on s31(3) and s40(2). Sections 28 and 27(1) are qualified."
