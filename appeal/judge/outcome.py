"""Decide what the requester should do next: the judgement step's outcome.

    decide(refusal, findings, timeline=None, *, is_review_outcome=None, today=None,
           review_requested=None, review_responded=None) -> Outcome

It takes plain domain objects (the Refusal, its findings, the Timeline, whether the letter is
a review outcome, today's date), so a Case can call it with what it gathered. The kinds:

- `complaint`: the letter is the outcome of an internal review; or a review was asked for and
  no reply came within the time allowed (FOIA: 40 working days, the most the s45 Code allows;
  EIR: reg 11(4), 40; FOISA/EISR: s21(1) / reg 16, 20). For FOISA and EISR an application
  lies only after a requirement for review (s47(1)).
- `fresh-request`: the letter says the information is not yet held (the answer is fixed at the
  time of the request, s1(4), so only a new request reaches what is held now); or the window
  for a review closed long ago (more than a year), when a new request is the surer route.
- `nothing-to-argue`: the request was answered in full (or the answer is "not held"); or all
  that is withheld is a bolt-on NCND over "any other information" nobody asked for; or no
  ground a lawyer would sign was found. No appeal letter then without --force; where it fits,
  the summary offers a two-line note asking the authority to confirm the answer is complete.
- `narrow`: a refusal on cost where no ground shows the estimate is wrong: a narrower request
  (s16 advice; a shorter period, fewer fields) is the better route.
- `review`: otherwise, ask for an internal review (late, if the window has passed: the letter
  says so and asks the authority to accept it).
"""

from __future__ import annotations

import datetime as dt
import re

from appeal.judge.rank import merge
from appeal.judge.weights import PROCEDURAL, TECHNICAL
from appeal.model import Finding, Outcome, Refusal, Timeline

SCOTTISH = ("FOISA", "EISR")
LONG_AGO_DAYS = 365

# Grounds that only describe a bolt-on NCND: not enough to argue when nothing asked is withheld.
_BOLT_ON_RULES = frozenset({
    "ncnd-after-confirmation", "ncnd-unexplained", "national-security-mismatch",
    "security-link-unexplained", "boilerplate-reasoning", "public-interest-irrelevant",
}) | TECHNICAL | PROCEDURAL
# Exemptions that point the requester elsewhere: s21 and FOISA s25 (reasonably accessible), s22
# and FOISA s27 (intended for future publication), EIR reg 6(1)(b) (already publicly available).
_ELSEWHERE = {"FOIA": frozenset({"s21", "s22"}), "EIR": frozenset({"reg6"}),
              "FOISA": frozenset({"s25", "s27"}), "EISR": frozenset({"reg6"})}
_COST_WINNERS = {"cost-estimate-unrealistic": ("strong", "moderate"), "cost-limit-no-estimate": ("strong",)}

_REFUSAL_WORDS = re.compile(
    r"\bexempt|\brefus|\bwithh[oe]ld|neither confirm nor deny|cannot confirm or deny|"
    r"not (?:be )?disclos|cost limit|appropriate limit|upper (?:cost )?limit|vexatious|"
    r"manifestly unreasonable|redact",
    re.IGNORECASE,
)
_NOT_YET_HELD = re.compile(
    r"(?:do|does|did) not (?:yet|currently) hold|not (?:yet|currently) (?:held|recorded|collated|available)|"
    r"(?:is|are) not held (?:yet|at (?:this|the present) time)|has not yet been (?:produced|compiled|collated|created)|"
    r"will (?:only )?(?:be )?(?:hold|held|available|collated|compiled) (?:from|after|once|when)",
    re.IGNORECASE,
)
_NOT_HELD = re.compile(r"\bnot held\b|does not hold|do not hold|holds no (?:recorded )?information|no information (?:is )?held", re.IGNORECASE)


_MONTHS = ("January February March April May June July August September October "
           "November December").split()


def _long(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _event_date(timeline: Timeline | None, *ids: str) -> dt.date | None:
    if timeline is None:
        return None
    for eid in ids:
        ev = timeline.event(eid)
        if ev is not None:
            return _date(ev.date)
    return None


def _regulator_name(regime: str, on: dt.date) -> str:
    """The Commissioner in force on the day (appeal.law.regulator), for the reasons we print."""
    try:
        from appeal.law.regulator import regulator_for

        return regulator_for(regime, on).name
    except Exception:  # the dated table cannot answer: the names in force when this was written
        return "the Scottish Information Commissioner" if regime in SCOTTISH else "the Information Commissioner"


def _cost_refusal(refusal: Refusal) -> bool:
    if any(e.test == "vexatious" or e.section == "s14" for e in refusal.exemptions):
        return False  # vexatious (or manifestly unreasonable as such): not a matter of narrowing
    for e in refusal.exemptions:
        if e.test == "cost" or e.section == "s12" or e.citation.startswith("reg12(4)(b)") and refusal.cost:
            return True
    return refusal.cost is not None and not any(e.test == "vexatious" or e.section == "s14" for e in refusal.exemptions)


def _questions(refusal: Refusal) -> list:
    return list(getattr(refusal, "questions", None) or [])


def _review_result(refusal: Refusal) -> str | None:
    review = getattr(refusal, "review", None)
    return getattr(review, "result", None) if review is not None else None


def _answered_in_full(refusal: Refusal) -> bool:
    """Nothing refused: no exemption relied on, no NCND, no cost or vexatious refusal, and
    nothing in the response that reads as a refusal (a parser miss must not read as a full answer)."""
    qs = _questions(refusal)
    if qs and all(getattr(q, "answer", "unknown") in ("answered", "not-held") for q in qs):
        return not refusal.ncnd
    if refusal.exemptions or refusal.ncnd or refusal.cost is not None:
        return False
    # Read the whole letter: a request quoted too widely must not hide the refusal.
    text = refusal.text or ""
    return bool(text.strip()) and not _REFUSAL_WORDS.search(text)


def _response_text(refusal: Refusal) -> str:
    text = refusal.text or ""
    req = refusal.request_text
    if req:
        i = text.find(req[:80])
        if i != -1:
            return text[:i] + text[i + len(req):]
    return text


def _bolt_on_only(refusal: Refusal, findings: list[Finding]) -> bool:
    """All that is withheld is an NCND over "any other information", with the request answered."""
    if not refusal.ncnd or refusal.ncnd_scope != "other" or refusal.cost is not None:
        return False
    qs = _questions(refusal)
    if qs and any(getattr(q, "answer", "unknown") in ("refused", "cost") for q in qs):
        return False
    if any(not e.ncnd for e in refusal.exemptions):
        return False  # something asked for is withheld under a substantive exemption
    return all(f.rule in _BOLT_ON_RULES or f.strength == "weak" for f in findings)


def decide(refusal: Refusal, findings: list[Finding], timeline: Timeline | None = None, *,
           is_review_outcome: bool | None = None, today: dt.date | None = None,
           review_requested: dt.date | str | None = None,
           review_responded: dt.date | str | None = None) -> Outcome:
    # "today" is the day the timeline was worked out for, where there is one (a batch run with
    # --date judges as of that date), else the clock.
    today = today or _date(getattr(timeline, "today", None)) or dt.date.today()
    regime = (timeline.regime if timeline is not None else None) or refusal.regime or "FOIA"
    if is_review_outcome is None:
        is_review_outcome = bool(refusal.is_review_outcome) or _review_result(refusal) is not None
    review_requested = _date(review_requested)
    review_responded = _date(review_responded)
    commissioner = _regulator_name(regime, today)

    # 1. After a review: the Commissioner.
    if is_review_outcome:
        if _review_result(refusal) == "overturned" and not refusal.exemptions and not refusal.ncnd:
            return Outcome("nothing-to-argue", "the internal review overturned the original decision "
                           "and withholds nothing: there is nothing left to take to the Commissioner")
        return Outcome("complaint", f"this letter is the outcome of an internal review: the next step "
                       f"is {commissioner} (run 'appeal complaint')")
    if review_requested and not review_responded:
        due = _event_date(timeline, "review_due_max", "review_due")
        if due is not None and due < today:
            limit = "20 working days (section 21(1))" if regime == "FOISA" else \
                "20 working days (regulation 16)" if regime == "EISR" else \
                "40 working days (regulation 11(4))" if regime == "EIR" else \
                "40 working days, the most the section 45 Code allows"
            return Outcome("complaint", f"the review was asked for on {_long(review_requested)} and no "
                           f"reply came within {limit}: go to {commissioner}")

    findings = list(findings)
    plans = merge([f for f in findings if f.strength != "weak"], refusal)
    signable = [p for p in plans if p.signable]

    # 2. The information may be held now, but was not then (s1(4)).
    if not refusal.exemptions and not refusal.ncnd and _NOT_YET_HELD.search(_response_text(refusal)):
        return Outcome("fresh-request", "the response says the information was not yet held when you "
                       "asked; the answer is fixed at the time of the request (section 1(4)), so a new "
                       "request is the way to what is held now")

    # 3. Nothing worth arguing.
    if _answered_in_full(refusal) and not signable:
        not_held = bool(_NOT_HELD.search(_response_text(refusal)))
        return Outcome("nothing-to-argue",
                       "the request was answered" + (" (or the information is not held)" if not_held else " in full")
                       + " and no ground worth sending was found",
                       notes=["confirm-complete"])
    if _bolt_on_only(refusal, findings):
        return Outcome("nothing-to-argue", "the request was answered; the only thing withheld is a "
                       "neither-confirm-nor-deny over 'any other information', which covers nothing you asked for",
                       notes=["confirm-complete"])

    # 4. Cost: a narrower request usually does better than a review.
    if _cost_refusal(refusal):
        wins = [f for f in findings if f.strength in _COST_WINNERS.get(f.rule, ())]
        other = [p for p in signable if not (set(p.rules) <= {"cost-estimate-unrealistic", "cost-limit-no-estimate",
                                                                 "cost-limit-no-advice"})]
        if not wins and not other:
            advice = {"FOISA": "section 15", "EIR": "regulation 9", "EISR": "regulation 9"}.get(regime, "section 16")
            return Outcome("narrow", "the request was refused on cost and nothing shows the estimate is wrong: "
                           "a narrower request (a shorter period, fewer questions or fields), with the advice "
                           f"the authority must give under {advice}, is the quicker route")

    if not signable:
        heads = {e.section for e in refusal.exemptions}
        if heads and heads <= _ELSEWHERE.get(regime, frozenset()) and not refusal.ncnd:
            return Outcome("nothing-to-argue", "the authority withholds the information only because it is "
                           "published or to be published elsewhere (" + ", ".join(sorted(heads)) + "), and "
                           "no ground against that was found: follow its pointer, and ask again if it does not "
                           "lead to the information", notes=["confirm-complete"])
        if not (refusal.exemptions or refusal.ncnd or refusal.partial_disclosure) and not _REFUSAL_WORDS.search(refusal.text or ""):
            return Outcome("nothing-to-argue", "no ground a lawyer would sign was found, and the letter "
                           "withholds nothing that could be read", notes=["confirm-complete"])
        # Information is withheld but the rules found nothing strong: a review still asks the
        # authority to look again; the letter argues only what was found.
        withheld_reason = ("information is withheld but no strong ground was found: a review asks the "
                           "authority to look again; read the refusal for points the rules cannot see")
    else:
        withheld_reason = None

    # 5. Long out of time: a new request is the surer route.
    by = _event_date(timeline, "review_request_by")
    if by is not None and (today - by).days > LONG_AGO_DAYS:
        return Outcome("fresh-request", f"the window to ask for a review closed on {_long(by)}, over a "
                       "year ago: the authority may refuse a review now, and a new request for the same "
                       "information (for the period since, too) is the surer route",
                       notes=["late-review"])
    if by is not None and by < today:
        head = withheld_reason or "there are grounds worth arguing"
        return Outcome("review", f"{head}; the usual window for a review closed on {_long(by)}, so the "
                       "letter asks the authority to accept it late", notes=["late-review"])
    if withheld_reason:
        return Outcome("review", withheld_reason)
    lead = signable[0].lead.rule
    return Outcome("review", f"{len(signable)} ground{'s' if len(signable) != 1 else ''} worth arguing, "
                   f"led by {lead}: ask for an internal review")


def decide_case(case, findings: list[Finding], outcome_findings: list[Finding] = ()) -> Outcome:
    """`decide` for an appeal.case.Case: the letter judged is the review outcome where there is
    one; a review date the case only assumed (a review letter's own date) is not a review asked for."""
    asked = case.date("review_requested") if case.source("review_requested") not in (None, "assumed") else None
    judged = case.outcome if case.outcome is not None else case.refusal
    return decide(judged, list(outcome_findings) if case.outcome is not None else findings, case.timeline,
                  is_review_outcome=bool(case.is_review_outcome or case.outcome is not None),
                  today=case.today, review_requested=asked, review_responded=case.date("review_responded"))
