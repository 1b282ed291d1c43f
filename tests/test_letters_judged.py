"""Letters after the judgement step: what every letter must be, in every template and regime."""

import datetime as dt
import re
from pathlib import Path

import pytest

from appeal.model import Authority, Dates, Event, Evidence, Exemption, Finding, Refusal, Timeline
from appeal.render.letters import build_complaint, build_review, to_markdown, whole_sentence
from appeal.render.requester import Requester
from appeal.render.text import to_text

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "letters"
REGIMES = ("FOIA", "EIR", "FOISA", "EISR")
ME = Requester(name="Ann Example", email="ann@example.org", address=["1 Test Row"])
TEXT = ("Dear Requester. Your request was received. We can neither confirm nor deny that we hold the "
        "information requested. Disclosure would be likely to prejudice the prevention and detection of crime across the whole county. "
        "Please write to foi.team@northshire.example.gov.uk for a review.")


def finding(rule, phrase, strength="strong", argument=None, ask=None):
    i = TEXT.index(phrase)
    return Finding(rule, f"The letter gets {rule} wrong", strength, [Evidence(phrase, i, i + len(phrase))],
                   argument or f'The letter says "{phrase}". That is wrong in law for {rule}.', [],
                   ask or f"Put {rule} right.")


def refusal(regime="FOIA", known=True, **kw):
    base = dict(regime=regime, exemptions=[Exemption("s31(3)" if regime in ("FOIA", "FOISA") else "reg12(5)(b)",
                                                     ncnd=True)], ncnd=True, ncnd_scope="all", text=TEXT)
    if known:
        base.update(authority=Authority(name="Northshire Police"), reference="FOI-1",
                    dates=Dates(letter="2024-03-01", received="2024-02-02"),
                    request_text="How many burglaries were recorded in 2023?")
    base.update(kw)
    return Refusal(**base)


def timeline(regime="FOIA", by="2024-04-26"):
    return Timeline(regime, "uk-any-part", [Event("review_request_by", by, "b"), Event("review_due", "2024-05-01", "b"),
                                            Event("commissioner_complaint_by", "2024-06-12", "b")], late=True,
                    late_by_working_days=3)


FINDINGS = [finding("ncnd-statistics", "We can neither confirm nor deny that we hold the information requested"),
            finding("prejudice-not-demonstrated", "Disclosure would be likely to prejudice", "moderate")]

_PLACEHOLDER = re.compile(r"\[[^\]]*\]|\{\{|\}\}|\{%|%\}|(?-i:\bNone\b)|\bTODO\b|\bXXX\b|<[a-z]+>", re.IGNORECASE)


def letters():
    for regime in REGIMES:
        for known in (True, False):
            for grounds in (FINDINGS, []):
                ref = refusal(regime, known)
                who = ME if known else Requester()
                tl = timeline(regime) if known else None
                kw = dict(regime=regime, letter_date=dt.date(2024, 5, 8), cite=lambda p: None)
                yield f"review-{regime}-{known}-{bool(grounds)}", build_review(ref, grounds, tl, who, **kw)
                for review in ({}, {"review_requested": dt.date(2024, 3, 5)},
                               {"review_requested": dt.date(2024, 3, 5), "review_responded": dt.date(2024, 4, 2)}):
                    yield (f"complaint-{regime}-{known}-{bool(grounds)}-{sorted(review)}",
                           build_complaint(ref, grounds, tl, who, **kw, **review))


@pytest.mark.parametrize("name,letter", list(letters()), ids=lambda x: x if isinstance(x, str) else "")
def test_no_placeholder_ever_printed(name, letter):
    md = to_markdown(letter)
    text = to_text(md)
    assert not _PLACEHOLDER.search(text), (name, _PLACEHOLDER.search(text).group(0))
    assert '"' not in text, name  # one style of quotation marks: curly throughout
    assert "  ." not in text and " ," not in text, name


def test_templates_take_the_regulator_from_the_context():
    for path in TEMPLATES.glob("*.j2"):
        body = re.sub(r"\{#.*?#\}", "", path.read_text(), flags=re.S)
        assert "Information Commissioner" not in body, path.name
        assert "Wycliffe House" not in body and "Kinburn Castle" not in body, path.name


def test_regulator_names_and_addresses_reach_the_letters():
    for regime, name, street in (("FOIA", "Information Commissioner", "Wycliffe House"),
                                 ("FOISA", "Scottish Information Commissioner", "Kinburn Castle")):
        letter = build_complaint(refusal(regime), FINDINGS, timeline(regime), ME, regime=regime,
                                 letter_date=dt.date(2024, 5, 8), review_requested=dt.date(2024, 3, 5),
                                 review_responded=dt.date(2024, 4, 2), cite=lambda p: None)
        md = to_markdown(letter)
        assert street in md and name in md
        review = to_markdown(build_review(refusal(regime), FINDINGS, timeline(regime), ME, regime=regime,
                                          letter_date=dt.date(2024, 4, 1), cite=lambda p: None))
        assert f"the {name}" in review


def test_each_ground_has_its_point_words_law_and_ask():
    letter = build_review(refusal(), FINDINGS, timeline(), ME, regime="FOIA", letter_date=dt.date(2024, 4, 1),
                          cite=lambda p: None)
    g = letter.grounds[0]
    assert g.point.startswith("Your letter says") and g.law.startswith("That is wrong in law")
    md = to_markdown(letter)
    assert "*What I ask:* Put ncnd-statistics right." in md
    assert "The letter" not in md and "Your letter gets ncnd-statistics wrong" in md  # addressed to the authority


def test_the_complaint_speaks_of_the_response_and_asks_for_what_a_decision_notice_orders():
    letter = build_complaint(refusal(), FINDINGS + [finding("subsection-not-specified", "Dear Requester")],
                             timeline(), ME, regime="FOIA", letter_date=dt.date(2024, 5, 8),
                             review_requested=dt.date(2024, 3, 5), review_responded=dt.date(2024, 4, 2),
                             cite=lambda p: None)
    text = to_text(to_markdown(letter)).replace("\n", " ")
    assert "The response says" in text and "Your letter" not in text
    assert "confirm or deny whether it holds the information I asked for" in text
    assert "issue a refusal notice that complies with section 17" in text
    # time (s10(1)) and the notice (s17), which the dates and the letter show; never the duty s1(1) itself
    assert "breached sections 10(1) and 17 of the Act" in text and "1(1)" not in text.split("record that")[1]
    assert "Put ncnd-statistics right" not in text  # the review's asks are not the Commissioner's


def test_a_late_review_says_so_in_the_letter():
    late = to_text(to_markdown(build_review(refusal(), FINDINGS, timeline(by="2024-04-26"), ME, regime="FOIA",
                                            letter_date=dt.date(2024, 5, 8), cite=lambda p: None)))
    assert "after the time usually allowed for it, which ended on 26 April 2024" in late
    assert "accept it nonetheless" in late and "withheld at all" in late
    timely = to_text(to_markdown(build_review(refusal(), FINDINGS, timeline(by="2024-06-26"), ME, regime="FOIA",
                                              letter_date=dt.date(2024, 5, 8), cite=lambda p: None)))
    assert "time usually allowed" not in timely


def test_the_foi_address_is_taken_from_the_letter():
    letter = build_review(refusal(), FINDINGS, timeline(), ME, regime="FOIA", letter_date=dt.date(2024, 4, 1),
                          cite=lambda p: None)
    assert letter.recipient["email"] == "foi.team@northshire.example.gov.uk"
    assert "foi.team@northshire.example.gov.uk" in to_markdown(letter).split("# ")[0]
    mine = Requester(name="A", email="foi.team@northshire.example.gov.uk")
    assert build_review(refusal(), FINDINGS, timeline(), mine, regime="FOIA", letter_date=dt.date(2024, 4, 1),
                        cite=lambda p: None).recipient["email"] is None


def test_each_quote_is_used_once():
    phrase = "Disclosure would be likely to prejudice the prevention and detection of crime across the whole county"
    a = finding("prejudice-not-demonstrated", phrase, argument=f'Its harm case is: "{phrase}". No link is shown.')
    b = finding("mosaic-unsupported", phrase, argument=f'It also says: "{phrase}". No other pieces are named.')
    b.evidence.append(Evidence("Your request was received", 16, 42))  # not all of b's words are a's
    letter = build_review(refusal(), [a, b], timeline(), ME, regime="FOIA", letter_date=dt.date(2024, 4, 1),
                          cite=lambda p: None)
    md = to_markdown(letter)
    assert len(letter.grounds) == 2
    assert md.count(phrase) == 1 and "the passage quoted under ground 1" in md
    # a short phrase inside a sentence's grammar stays quoted where it is used
    short = finding("public-interest-irrelevant", "Your request was received",
                    argument='It weighs "Your request was received", which is not a factor.')
    letter = build_review(refusal(), [a, short], timeline(), ME, regime="FOIA", letter_date=dt.date(2024, 4, 1),
                          cite=lambda p: None)
    assert "“Your request was received”, which is not a factor" in to_markdown(letter)


def test_quotes_are_whole_sentences():
    i = TEXT.index("likely to prejudice")
    e = Evidence("likely to prejudice", i, i + len("likely to prejudice"))
    assert whole_sentence(TEXT, e) == ("Disclosure would be likely to prejudice the prevention and detection of "
                                       "crime across the whole county.")


def test_the_letter_fits_two_pages_with_the_grounds_that_fit():
    long_arg = "The point. " + "This sentence of law runs on at some length, " * 12 + "and ends."
    phrases = ["Dear Requester", "Your request was received", "We can neither confirm nor deny",
               "Disclosure would be likely to prejudice", "Please write to"]
    rules = ["ncnd-statistics", "national-security-mismatch", "personal-data-aggregate", "mosaic-unsupported",
             "public-interest-missing"]
    fs = [finding(r, p, argument=long_arg + f" ({r})", ask="Do this, " * 15 + "and that.") for r, p in zip(rules, phrases)]
    letter = build_review(refusal(), fs, timeline(), ME, regime="FOIA", letter_date=dt.date(2024, 4, 1),
                          cite=lambda p: None)
    words = len(to_markdown(letter).split())
    assert 3 <= len(letter.grounds) <= 5 and words <= 900
    assert letter.left_out_rules  # what did not fit is listed for the summary
    everything = build_review(refusal(), fs, timeline(), ME, regime="FOIA", letter_date=dt.date(2024, 4, 1),
                              cite=lambda p: None, all_strengths=True)
    assert len(everything.grounds) == 5


def test_a_quote_that_cannot_be_whole_shows_its_cut():
    text = "Opening words. " + "word " * 80 + "and then it could be endangered by crime."
    i = text.index("could be")
    e = Evidence("could be endangered by crime", i, i + len("could be endangered by crime"))
    assert whole_sentence(text, e) == "… could be endangered by crime"


def test_regulations_are_named_in_words():
    from appeal.render.letters import _voice

    assert _voice("It relies on reg12(5)(a). reg13(1) applies.", "review") == \
        "It relies on regulation 12(5)(a). Regulation 13(1) applies."


def test_a_technicality_alone_never_leads_a_letter():
    t = finding("subsection-not-specified", "Dear Requester")
    letter = build_review(refusal(), [t], timeline(), ME, regime="FOIA", letter_date=dt.date(2024, 4, 1),
                          cite=lambda p: None)
    assert letter.grounds == [] and "subsection-not-specified" in letter.left_out_rules
    with_one = build_review(refusal(), [FINDINGS[0], t], timeline(), ME, regime="FOIA",
                            letter_date=dt.date(2024, 4, 1), cite=lambda p: None)
    assert [g.rule for g in with_one.grounds] == ["ncnd-statistics", "subsection-not-specified"]


def test_scottish_review_rights_are_a_section_19_breach():
    r = finding("review-rights-missing", "Dear Requester")
    letter = build_complaint(refusal("FOISA"), [FINDINGS[0], r], timeline("FOISA"), ME, regime="FOISA",
                             letter_date=dt.date(2024, 5, 8), review_requested=dt.date(2024, 3, 5),
                             review_responded=dt.date(2024, 4, 2), cite=lambda p: None)
    assert "section 19" in letter.orders["breaches"] and "section 16" not in letter.orders["breaches"]
    assert letter.orders["breached"].endswith("and 19 of the Act")


def test_a_ground_the_letter_answers_is_left_out_beside_enough_good_ones():
    # "no security body" where the letter itself names the National Crime Agency: scored below
    # the floor, and left out when three grounds worth signing fill the letter
    text = TEXT + " We work with the National Crime Agency on this."
    ref = refusal(text=text, exemptions=[Exemption("s23(5)", ncnd=True), Exemption("s31(3)", ncnd=True)])
    good = [finding("ncnd-statistics", "We can neither confirm nor deny"),
            finding("personal-data-aggregate", "Your request was received"),
            finding("mosaic-unsupported", "Disclosure would be likely to prejudice")]
    weak_point = finding("security-link-unexplained", "Please write to", "moderate")
    letter = build_review(ref, good + [weak_point], timeline(), ME, regime="FOIA",
                          letter_date=dt.date(2024, 4, 1), cite=lambda p: None)
    assert "security-link-unexplained" not in [g.rule for g in letter.grounds]
    assert "security-link-unexplained" in letter.left_out_rules


def test_a_complaint_never_addresses_the_authority():
    f = finding("ncnd-statistics", "We can neither confirm nor deny",
                argument="Your letter refuses to confirm or deny. Your letter's reasons are stock text.")
    letter = build_complaint(refusal(), [f], timeline(), ME, regime="FOIA", letter_date=dt.date(2024, 5, 8),
                             review_requested=dt.date(2024, 3, 5), review_responded=dt.date(2024, 4, 2),
                             cite=lambda p: None)
    text = to_text(to_markdown(letter))
    assert "Your letter" not in text and "The response refuses to confirm or deny" in text


def test_a_late_bare_review_points_to_nothing_below():
    text = to_text(to_markdown(build_review(refusal(), [], timeline(by="2024-04-26"), ME, regime="FOIA",
                                            letter_date=dt.date(2024, 5, 8), cite=lambda p: None)))
    assert "accept it nonetheless." in text and "points below" not in text


def test_a_partly_upheld_review_is_not_said_to_rely_on_everything_it_names():
    from appeal.model import ReviewOutcome

    kw = dict(regime="FOIA", letter_date=dt.date(2024, 5, 8), review_requested=dt.date(2024, 3, 5),
              review_responded=dt.date(2024, 4, 2), cite=lambda p: None)
    both = [Exemption("s31(1)(a)"), Exemption("s40(2)")]
    partly = refusal(exemptions=both, ncnd=False, review=ReviewOutcome(result="partly-upheld"), is_review_outcome=True)
    upheld = refusal(exemptions=both, ncnd=False, review=ReviewOutcome(result="upheld"), is_review_outcome=True)
    text = to_markdown(build_complaint(refusal(), FINDINGS, timeline(), ME, outcome=partly, **kw))
    assert "upholding its original decision in part" in text and "relying on" not in text.split("## Internal review")[1]
    text = to_markdown(build_complaint(refusal(), FINDINGS, timeline(), ME, outcome=upheld, **kw))
    assert "upholding its original decision, relying on sections 31(1)(a) and 40(2)" in text


def test_a_complaint_past_the_commissioners_window_says_so_in_the_letter():
    kw = dict(regime="FOIA", review_requested=dt.date(2024, 3, 5), review_responded=dt.date(2024, 4, 2),
              cite=lambda p: None)
    late = to_markdown(build_complaint(refusal(), FINDINGS, timeline(), ME, letter_date=dt.date(2024, 7, 1), **kw))
    assert "the six weeks ended on 12 June 2024, so I am complaining after them" in late
    on_time = to_markdown(build_complaint(refusal(), FINDINGS, timeline(), ME, letter_date=dt.date(2024, 5, 8), **kw))
    assert "complaining after them" not in on_time and "run to 12 June 2024" in on_time


def test_a_late_review_on_lateness_alone_does_not_say_the_points_go_to_withholding():
    from appeal.model import Outcome

    kw = dict(regime="FOIA", letter_date=dt.date(2024, 6, 1), cite=lambda p: None)
    late_only = [finding("late-response", "Your request was received.", "strong")]
    text = to_text(to_markdown(build_review(refusal(), late_only, timeline(), ME, **kw))).replace("\n", " ")
    assert "after the time usually allowed for it, which ended on 26 April 2024" in text
    assert "go to whether the information should have been withheld" not in text
    # the window only inferred (no response date): said without a date
    inferred = Outcome("review", "late", notes=["late-review", "assumed-date"])
    no_dates = Timeline("FOIA", "uk-any-part", [])
    text = to_text(to_markdown(build_review(refusal(), FINDINGS, no_dates, ME, outcome=inferred, **kw)))
    text = text.replace("\n", " ")
    assert "after the time usually allowed for it. I ask you to accept it nonetheless: the points below" in text


def test_the_review_builder_argues_a_raised_finding_for_every_caller():
    from appeal.model import CostEstimate

    r = refusal(exemptions=[Exemption("s12(1)", test="cost")], ncnd=False, cost=CostEstimate())
    weak = [finding("cost-limit-no-estimate", "Your request was received.", "weak")]
    letter = build_review(r, weak, timeline(), ME, regime="FOIA", letter_date=dt.date(2024, 4, 1), cite=lambda p: None)
    assert [g.rule for g in letter.grounds] == ["cost-limit-no-estimate"]


def test_a_strong_ground_may_overrun_the_budget_a_little_but_a_moderate_one_may_not():
    from appeal.render.letters import GROUNDS_WORDS, STRONG_OVERRUN, Ground, fit

    def ground(rule: str, strength: str, words: int) -> Ground:
        return Ground(number=0, rule=rule, title="t", strength=strength, quotes=[], argument="",
                      citations=[], ask="", point=" ".join(["word"] * (words - 1)))

    three = [ground(r, "strong", 150) for r in ("ncnd-statistics", "ncnd-unexplained", "mosaic-unsupported")]
    over = GROUNDS_WORDS - 450 + STRONG_OVERRUN // 2  # past the budget, within the overrun
    kept, dropped = fit(three + [ground("boilerplate-reasoning", "strong", over)])
    assert [g.rule for g in kept][-1] == "boilerplate-reasoning" and not dropped
    kept, dropped = fit(three + [ground("boilerplate-reasoning", "moderate", over)])
    assert [g.rule for g in dropped] == ["boilerplate-reasoning"]
    kept, dropped = fit(three + [ground("boilerplate-reasoning", "strong", over + STRONG_OVERRUN)])
    assert [g.rule for g in dropped] == ["boilerplate-reasoning"]
