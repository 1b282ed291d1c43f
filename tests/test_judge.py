"""The judgement step: rank by likely success, merge grounds on the same words, cap, decide."""

import datetime as dt

import pytest

from appeal.judge import decide, merge, rank, score, select_grounds
from appeal.model import Authority, CostEstimate, Event, Evidence, Exemption, Finding, Refusal, Timeline

_AT = iter(range(0, 10**6, 100))


def f(rule, strength="moderate", span=None):
    start, end = span or (lambda a: (a, a + 50))(next(_AT))
    return Finding(rule=rule, title=rule, strength=strength, evidence=[Evidence("x" * (end - start), start, end)],
                   argument=f"The point of {rule}. The law on it.", ask=f"Do {rule}.")


def refusal(*cites, text="We refuse.", ncnd=False, scope=None, partial=False, regime="FOIA", **kw):
    ex = [Exemption(c, ncnd=c in ("s23(5)", "s24(2)", "s30(3)", "s31(3)", "s40(5)"),
                    test="cost" if c.startswith("s12") else None) for c in cites]
    return Refusal(authority=Authority(name="Northshire Police"), regime=regime, exemptions=ex, ncnd=ncnd,
                   ncnd_scope=scope, partial_disclosure=partial, text=text,
                   request_text=kw.pop("request", "How many thefts were recorded in 2023?"), **kw)


def timeline(regime="FOIA", **events):
    return Timeline(regime, "uk-any-part", [Event(k, v, "basis") for k, v in events.items()])


TODAY = dt.date(2024, 6, 3)


# ---- ranking ---------------------------------------------------------------------------------------
def test_a_technicality_never_leads_even_when_strong():
    ranked = rank([f("subsection-not-specified", "strong"), f("review-rights-missing", "strong"),
                   f("prejudice-not-demonstrated", "moderate")], refusal("s31"))
    assert ranked[0].rule == "prejudice-not-demonstrated"
    assert [x.rule for x in ranked[1:]] == ["subsection-not-specified", "review-rights-missing"]


def test_ncnd_over_statistics_outranks_a_strong_explanation_point():
    r = refusal("s31(3)", ncnd=True, scope="all")
    ranked = rank([f("boilerplate-reasoning", "strong"), f("personal-data-aggregate", "strong"),
                   f("ncnd-statistics", "moderate")], r)
    assert ranked[0].rule == "ncnd-statistics"


def test_national_security_weighed_under_s30_only_is_raised():
    only_s30 = refusal("s30(3)", ncnd=True)
    with_s23 = refusal("s23(5)", "s30(3)", ncnd=True)
    ground = f("national-security-mismatch", "strong")
    assert score(ground, only_s30) > score(f("ncnd-after-confirmation", "strong"), refusal("s31(3)"))
    assert score(ground, with_s23) < score(f("ncnd-statistics", "moderate"), with_s23)


def test_security_link_point_is_weak_where_the_letter_names_a_security_body():
    plain = refusal("s23(5)", ncnd=True, text="Section 23(5) applies.")
    nca = refusal("s23(5)", ncnd=True, text="We work with the National Crime Agency. Section 23(5) applies.")
    g = f("security-link-unexplained", "moderate")
    assert score(g, nca) < score(g, plain)


def test_ncnd_after_disclosing_the_same_figures_is_raised():
    g = f("ncnd-after-confirmation", "moderate")
    assert score(g, refusal("s31(3)", ncnd=True, partial=True)) > score(g, refusal("s31(3)", ncnd=True))


def test_ncnd_over_published_statistics_is_raised():
    g = f("ncnd-statistics", "moderate")
    published = refusal("s31(3)", ncnd=True, request="How many offences under Home Office offence code 88A?")
    assert score(g, published) > score(g, refusal("s31(3)", ncnd=True))


# ---- merging -------------------------------------------------------------------------------------
def test_three_ncnd_grounds_become_one_with_its_points():
    plans = merge([f("ncnd-unexplained"), f("ncnd-statistics"), f("ncnd-after-confirmation"),
                   f("mosaic-unsupported")], refusal("s31(3)", ncnd=True))
    ncnd = [p for p in plans if "ncnd-statistics" in p.rules]
    assert len(ncnd) == 1 and ncnd[0].lead.rule == "ncnd-statistics"
    assert set(ncnd[0].rules) == {"ncnd-statistics", "ncnd-unexplained", "ncnd-after-confirmation"}
    assert len(plans) == 2


def test_a_ground_resting_on_the_same_words_is_a_point_of_the_stronger():
    a = f("prejudice-not-demonstrated", "strong", span=(100, 300))
    b = f("boilerplate-reasoning", "moderate", span=(150, 250))  # quotes words inside a's quote
    c = f("mosaic-unsupported", "moderate", span=(400, 500))
    plans = merge([a, b, c], refusal("s31(1)(a)"))
    assert [p.rules for p in plans] == [["prejudice-not-demonstrated", "boilerplate-reasoning"],
                                        ["mosaic-unsupported"]]


def test_technicalities_are_never_merged_into_a_substantive_ground():
    a = f("prejudice-not-demonstrated", "strong", span=(100, 300))
    t = f("subsection-not-specified", "strong", span=(120, 140))
    plans = merge([a, t], refusal("s31"))
    assert [p.rules for p in plans] == [["prejudice-not-demonstrated"], ["subsection-not-specified"]]


# ---- the cap -------------------------------------------------------------------------------------
RULES7 = ["ncnd-statistics", "national-security-mismatch", "investigation-not-specific", "personal-data-aggregate",
          "mosaic-unsupported", "public-interest-irrelevant", "subsection-not-specified"]


def test_cap_at_five_and_the_rest_listed():
    sel = select_grounds([f(r) for r in RULES7], refusal("s30(3)", "s40(5)", ncnd=True))
    assert len(sel.grounds) == 5
    assert [p.lead.rule for p in sel.left_out] == ["public-interest-irrelevant", "subsection-not-specified"]
    everything = select_grounds([f(r) for r in RULES7], refusal("s30(3)"), limit=None)
    assert len(everything.grounds) == 7


def test_weak_findings_are_left_out_unless_asked_for():
    sel = select_grounds([f("ncnd-statistics"), f("likelihood-not-stated", "weak")], refusal("s31(3)", ncnd=True))
    assert [p.lead.rule for p in sel.grounds] == ["ncnd-statistics"]
    assert [p.lead.rule for p in sel.left_out] == ["likelihood-not-stated"]
    sel = select_grounds([f("ncnd-statistics"), f("likelihood-not-stated", "weak")], refusal("s31(3)"),
                         all_strengths=True)
    assert len(sel.grounds) == 2


# ---- the outcome ---------------------------------------------------------------------------------
def test_review_when_there_are_grounds_in_time():
    tl = timeline(review_request_by="2024-07-01")
    o = decide(refusal("s31(3)", ncnd=True, scope="all"), [f("ncnd-statistics", "strong")], tl, today=TODAY)
    assert o.kind == "review" and "ncnd-statistics" in o.reason and "late-review" not in o.notes


def test_review_out_of_time_says_so():
    tl = timeline(review_request_by="2024-05-01")
    o = decide(refusal("s31(3)", ncnd=True), [f("ncnd-statistics", "strong")], tl, today=TODAY)
    assert o.kind == "review" and "late-review" in o.notes and "1 May 2024" in o.reason


def test_fresh_request_when_the_review_window_closed_long_ago():
    tl = timeline(review_request_by="2019-12-19")
    o = decide(refusal("s31(3)", ncnd=True), [f("ncnd-statistics", "strong")], tl, today=TODAY)
    assert o.kind == "fresh-request" and "19 December 2019" in o.reason


def test_fresh_request_when_the_information_was_not_yet_held():
    r = refusal(text="We do not currently hold this information. It will be available from April.")
    o = decide(r, [], None, today=TODAY)
    assert o.kind == "fresh-request" and "1(4)" in o.reason


def test_complaint_on_a_review_outcome():
    o = decide(refusal("s31(3)", is_review_outcome=True), [], None, today=TODAY)
    assert o.kind == "complaint" and "appeal complaint" in o.reason
    sc = decide(refusal("s30(b)(i)", regime="FOISA", is_review_outcome=True), [], None, today=TODAY)
    assert sc.kind == "complaint" and "Scottish Information Commissioner" in sc.reason


@pytest.mark.parametrize("regime,due,overdue", [
    ("FOIA", "2024-05-31", True), ("FOIA", "2024-06-10", False),
    ("FOISA", "2024-05-31", True), ("EIR", "2024-06-10", False),
])
def test_complaint_when_no_review_reply_came_in_time(regime, due, overdue):
    ids = {"review_due": due} if regime != "FOIA" else {"review_due": "2024-05-01", "review_due_max": due}
    tl = timeline(regime, **ids)
    o = decide(refusal("s31(3)", regime=regime), [f("ncnd-statistics", "strong")], tl, today=TODAY,
               review_requested=dt.date(2024, 4, 1))
    assert (o.kind == "complaint") is overdue


def test_no_complaint_for_a_late_review_without_a_requirement_for_review():
    # FOISA s47(1): no requirement for review, no application, however late the reply
    tl = timeline("FOISA", review_due="2024-01-01")
    o = decide(refusal("s30(b)(i)", regime="FOISA"), [f("prejudice-not-demonstrated", "strong")], tl, today=TODAY)
    assert o.kind != "complaint"


def test_nothing_to_argue_when_answered_in_full():
    r = refusal(text="Thank you for your request. The figure for 2023 is 412 thefts.")
    o = decide(r, [f("late-response", "strong")], None, today=TODAY)
    assert o.kind == "nothing-to-argue" and "confirm-complete" in o.notes


def test_a_parser_miss_is_not_read_as_a_full_answer():
    r = refusal(text="The information is exempt under section 31 and is withheld.")
    o = decide(r, [], None, today=TODAY)
    # nothing to argue, but never "answered in full", and no confirm-complete note over a refusal
    assert o.kind == "nothing-to-argue" and "withheld" in o.reason and "answered" not in o.reason
    assert "confirm-complete" not in o.notes


def test_nothing_to_argue_over_a_bolt_on_ncnd():
    r = refusal("s23(5)", "s24(2)", ncnd=True, scope="other", partial=True,
                text="The figure is 12. We neither confirm nor deny that any other information is held.")
    o = decide(r, [f("ncnd-after-confirmation", "strong"), f("security-link-unexplained", "moderate")], None,
               today=TODAY)
    assert o.kind == "nothing-to-argue" and "any other information" in o.reason


def test_a_bolt_on_ncnd_beside_a_substantive_refusal_is_argued():
    r = refusal("s31(1)(a)", "s23(5)", ncnd=True, scope="other", partial=True, text="Websites are withheld.")
    o = decide(r, [f("ncnd-after-confirmation", "moderate"), f("prejudice-not-demonstrated")], None, today=TODAY)
    assert o.kind == "review"


def test_nothing_to_argue_when_pointed_to_published_information():
    o = decide(refusal("s21", text="This is exempt under section 21: see our website."), [], None, today=TODAY)
    assert o.kind == "nothing-to-argue" and "s21" in o.reason
    # FOISA s27 is future publication; FOIA s27 is international relations, which is argued
    assert decide(refusal("s27", regime="FOISA", text="Exempt."), [], None, today=TODAY).kind == "nothing-to-argue"
    o27 = decide(refusal("s27", text="Exempt."), [], None, today=TODAY)
    assert "published" not in o27.reason  # not the pointer path: no ground was found
    assert decide(refusal("s27", text="Exempt."), [f("prejudice-not-demonstrated", "strong")], None,
                  today=TODAY).kind == "review"


def test_narrow_for_a_cost_refusal_with_nothing_against_the_estimate():
    r = refusal("s12(1)", cost=CostEstimate(hours=30, breakdown_given=True, advice_given=True),
                text="Answering would exceed the appropriate limit.")
    o = decide(r, [f("cost-limit-no-advice", "moderate")], None, today=TODAY)
    assert o.kind == "narrow" and "section 16" in o.reason
    scot = refusal("s12(1)", regime="FOISA", cost=CostEstimate(hours=30), text="It would exceed the limit of £600.")
    assert "section 15" in decide(scot, [], None, today=TODAY).reason  # FOISA s15: advice and assistance


def test_review_for_a_cost_refusal_whose_estimate_does_not_stand():
    r = refusal("s12(1)", cost=CostEstimate(hours=30), text="Answering would exceed the appropriate limit.")
    o = decide(r, [f("cost-estimate-unrealistic", "strong")], None, today=TODAY)
    assert o.kind == "review"


def test_vexatious_is_never_narrowed():
    r = refusal("s14(1)", text="We consider the request vexatious.")
    assert decide(r, [f("vexatious-unexplained", "strong")], None, today=TODAY).kind == "review"


def test_outcome_in_the_findings_json():
    from appeal.model import Outcome, findings_to_dict

    d = findings_to_dict([], refusal(), Outcome("narrow", "because"))
    assert d["outcome"] == {"kind": "narrow", "reason": "because"}


def test_a_selection_lists_the_lead_finding_of_each_ground():
    fs = [f("ncnd-unexplained"), f("ncnd-statistics"), f("mosaic-unsupported")]
    sel = select_grounds(fs, refusal("s31(3)", ncnd=True))
    assert [x.rule for x in sel] == ["ncnd-statistics", "mosaic-unsupported"] and len(sel) == 2


def test_an_exemption_ground_is_never_folded_into_another_by_shared_words():
    sentence = (0, 200)  # "We neither confirm nor deny ... by virtue of section 30(3)."
    plans = merge([f("ncnd-statistics", "strong", span=sentence), f("investigation-not-specific", span=sentence),
                   f("ncnd-unexplained", span=sentence)], refusal("s30(3)", ncnd=True))
    assert [p.rules for p in plans] == [["ncnd-statistics", "ncnd-unexplained"], ["investigation-not-specific"]]


def test_a_named_ground_stays_within_the_cap():
    fs = [f(r) for r in RULES7]
    sel = select_grounds(fs, refusal("s30(3)", "s40(5)", ncnd=True), include=("subsection-not-specified",))
    assert len(sel.grounds) == 5 and "subsection-not-specified" in [p.lead.rule for p in sel.grounds]
    assert "mosaic-unsupported" in [p.lead.rule for p in sel.left_out]  # the last one nobody named


# ---- judge2: empty letters, promotion, narrow, windows, assumed dates, the cap ------------------
def test_no_ground_a_lawyer_would_sign_is_nothing_to_argue_not_a_bare_review():
    r = refusal("s31(1)", text="The information is exempt under section 31(1) and is withheld.")
    o = decide(r, [f("subsection-not-specified", "weak"), f("review-rights-missing", "weak")], None, today=TODAY)
    assert o.kind == "nothing-to-argue" and "subsection-not-specified" in o.reason
    # a subsection point, even moderate, is never enough on its own
    assert decide(r, [f("subsection-not-specified", "moderate")], None, today=TODAY).kind == "nothing-to-argue"


def test_a_cost_refusal_with_no_estimate_is_promoted_to_a_ground():
    from appeal.judge.outcome import promote

    r = refusal("s12(1)", text="Answering would exceed the appropriate limit.", cost=CostEstimate())
    weak = [f("cost-limit-no-estimate", "weak"), f("subsection-not-specified", "weak")]
    raised = promote(weak, r)
    assert [x.strength for x in raised] == ["moderate", "weak"]
    o = decide(r, weak, None, today=TODAY)
    assert o.kind == "review" and "cost-limit-no-estimate" in o.reason  # no estimate: nothing to narrow against
    assert "promoted:cost-limit-no-estimate" in o.notes and "found weak" in o.reason


def test_the_limit_restated_is_not_an_estimate_but_a_real_one_is():
    from appeal.judge.outcome import promote, real_estimate

    restated = refusal("s12(1)", text="It would take in excess of 2.5 working days.", cost=CostEstimate(hours=18.5))
    real = refusal("s12(1)", text="It would take 60 hours.", cost=CostEstimate(hours=60))
    assert not real_estimate(restated) and real_estimate(real)
    assert promote([f("cost-limit-no-estimate", "weak")], restated)[0].strength == "moderate"
    assert promote([f("cost-limit-no-estimate", "weak")], real)[0].strength == "weak"


def test_promotion_only_where_nothing_else_is_signable():
    from appeal.judge.outcome import promote

    r = refusal("s12(1)", text="Answering would exceed the appropriate limit.", cost=CostEstimate())
    out = promote([f("cost-estimate-unrealistic", "strong"), f("cost-limit-no-estimate", "weak")], r)
    assert out[1].strength == "weak"


def test_security_link_promoted_on_a_cut_copy_but_not_where_a_security_body_is_named():
    from appeal.judge.outcome import promote

    cut = refusal("s24(2)", "s31(1)", text="We exempt any information under section 24 and section 31.",
                  truncated=True)
    named = refusal("s24(2)", text="Counter-terrorism work is engaged. Section 24(2) applies.", truncated=True)
    whole = refusal("s24(2)", text="We exempt any information under section 24.")
    assert promote([f("security-link-unexplained", "weak")], cut)[0].strength == "moderate"
    assert promote([f("security-link-unexplained", "weak")], named)[0].strength == "weak"
    assert promote([f("security-link-unexplained", "weak")], whole)[0].strength == "weak"


def test_narrow_not_chosen_where_the_request_was_already_narrowed():
    r = refusal("s12(1)", cost=CostEstimate(hours=30, breakdown_given=True, advice_given=True),
                text="Answering would exceed the appropriate limit.",
                request="I have refined my earlier request to bring it within the cost limit: how many cases in 2016?")
    assert decide(r, [f("cost-limit-no-advice", "moderate")], None, today=TODAY).kind != "narrow"


def test_complaint_window_closed_recently_asks_to_accept_late_and_long_ago_is_a_fresh_request():
    r = refusal("s31(1)", is_review_outcome=True)
    recent = timeline(commissioner_complaint_by="2024-05-01")
    o = decide(r, [], recent, today=TODAY)
    assert o.kind == "complaint" and "late-complaint" in o.notes and "1 May 2024" in o.reason
    old = timeline(commissioner_complaint_by="2022-05-01")
    assert decide(r, [], old, today=TODAY).kind == "fresh-request"
    sic = decide(refusal("s38(1)(b)", regime="FOISA", is_review_outcome=True), [],
                 timeline("FOISA", commissioner_complaint_by="2022-05-01"), today=TODAY)
    assert sic.kind == "fresh-request" and "47(4)" in sic.reason


def test_review_outcome_of_unknown_date_after_an_old_response_is_a_fresh_request():
    r = refusal("s31(1)", is_review_outcome=True)
    o = decide(r, [], timeline(review_request_by="2017-11-28"), today=TODAY)
    assert o.kind == "fresh-request" and "assumed-date" in o.notes


def test_an_old_received_date_makes_an_undated_response_long_out_of_time_as_an_assumption():
    r = refusal("s31(3)", ncnd=True, text="We neither confirm nor deny.")
    o = decide(r, [f("ncnd-statistics", "strong")], None, today=TODAY,
               received=dt.date(2019, 8, 3), received_source="letter")
    assert o.kind == "fresh-request" and "assumed-date" in o.notes and "3 August 2019" in o.reason
    # a received date the user typed recently: in time, no assumption
    o = decide(r, [f("ncnd-statistics", "strong")], None, today=TODAY,
               received=dt.date(2024, 5, 1), received_source="option")
    assert o.kind == "review" and "assumed-date" not in o.notes


def test_years_in_the_letter_only_warn_they_do_not_decide():
    r = refusal("s31(3)", ncnd=True, text="We neither confirm nor deny. Figures for 2013/14 are held under the "
                "Freedom of Information Act 2000.", request="How many in the last financial year 2013/14?")
    o = decide(r, [f("ncnd-statistics", "strong")], None, today=TODAY)
    assert o.kind == "review" and "late-review" in o.notes and "2014" in o.reason


def test_latest_year_ignores_statute_and_case_years():
    from appeal.judge.outcome import latest_year

    text = "Under the Data Protection Act 2018 and [2023] UKFTT 885 (GRC), figures for 2015 are exempt."
    assert latest_year(text, TODAY) == 2015
    assert latest_year("Request of 05.08.15 about 2030 targets", TODAY) == 2015


def test_the_cap_keeps_a_strong_ground_over_a_moderate_one_it_nearly_matches():
    r = refusal("s23(5)", "s30(3)", ncnd=True, text="Section 23(5) applies.")
    found = [f("ncnd-statistics", "strong"), f("investigation-not-specific", "strong"),
             f("personal-data-aggregate", "strong"), f("prejudice-not-demonstrated", "strong"),
             f("security-link-unexplained", "moderate"), f("boilerplate-reasoning", "strong")]
    sel = select_grounds(found, r)
    kept = [p.lead.rule for p in sel.grounds]
    assert "boilerplate-reasoning" in kept and "security-link-unexplained" not in kept
    # a moderate ground far stronger than the strong one keeps its place
    found[4] = f("ncnd-after-confirmation", "moderate")
    found[0] = f("public-domain", "strong")
    kept = [p.lead.rule for p in select_grounds(found, r).grounds]
    assert "ncnd-after-confirmation" in kept


def test_an_estimate_near_the_limit_is_still_an_estimate():
    from appeal.judge.outcome import real_estimate

    # 101 records at 15 minutes: 25 hours is a real estimate, not the 24-hour limit restated
    assert real_estimate(refusal("s12(1)", cost=CostEstimate(hours=25.25)))
    assert not real_estimate(refusal("s12(1)", cost=CostEstimate(hours=24)))
    assert not real_estimate(refusal("s12(1)", cost=CostEstimate(pounds=450)))


def test_a_letter_that_speaks_of_recent_years_is_not_taken_as_old():
    r = refusal("s31(3)", ncnd=True, text="We neither confirm nor deny. Figures for 2021/22 are not given.",
                request="How many in 2021/22?")
    o = decide(r, [f("ncnd-statistics", "strong")], None, today=dt.date(2024, 6, 3))
    assert o.kind == "review" and "late-review" not in o.notes


def test_a_cost_point_where_the_rule_read_a_total_is_not_promoted():
    from dataclasses import replace

    from appeal.judge.outcome import promote

    r = refusal("s12(1)", text="It would cost more than £2,000.", cost=CostEstimate())
    read_a_total = replace(f("cost-limit-no-estimate", "weak"),
                           argument="The letter refuses the request under s12 on the ground of cost and states a total.")
    assert promote([read_a_total], r)[0].strength == "weak"
