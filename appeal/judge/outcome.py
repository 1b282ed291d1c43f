"""Decide what the requester should do next: the judgement step's outcome.

    decide(refusal, findings, timeline=None, *, is_review_outcome=None, today=None,
           review_requested=None, review_responded=None) -> Outcome

It takes plain domain objects (the Refusal, its findings, the Timeline, whether the letter is
a review outcome, today's date), so a Case can call it with what it gathered. The kinds:

- `complaint`: the letter is the outcome of an internal review, and the Commissioner's window
  (ICO: six weeks from the final response, policy; SIC: six months, FOISA s47(4)) is open or
  closed less than a year ago (then the complaint asks to be accepted late); or a review was asked for and
  no reply came within the time allowed (FOIA: 40 working days, the most the s45 Code allows;
  EIR: reg 11(4), 40; FOISA/EISR: s21(1) / reg 16, 20). For FOISA and EISR an application
  lies only after a requirement for review (s47(1)).
- `fresh-request`: the letter says the information is not yet held (the answer is fixed at the
  time of the request, s1(4), so only a new request reaches what is held now); or the window
  for a review (or, after a review, for the Commissioner) closed long ago (more than a year),
  when a new request is the surer route. Where the response's date is unknown, a received date
  the letter prints stands in for it (firm); then a clue to the letter's age
  (`appeal.parse.era`: the Data Protection Act 1998 relied on as in force, firm; a year in the
  authority's reference, firm when two years or more before today); then the latest year the
  letter mentions gives a warning only (the review goes ahead, asking to be accepted late):
  all shown as assumptions.
- `nothing-to-argue`: the request was answered in full (or the answer is "not held"); or all
  that is withheld is a bolt-on NCND over "any other information" nobody asked for; or no
  ground a lawyer would sign was found, even after `promote` raised the weak findings that are
  a real ground on their own (a cost refusal with no estimate; a s23/s24 link unexplained on a
  cut copy). A bare "I do not accept" review is never the answer. No appeal letter then without --force; where it fits,
  the summary offers a two-line note asking the authority to confirm the answer is complete.
- `narrow`: a refusal on cost with a real estimate (not the limit restated) that no ground shows
  is wrong, on a request not already cut down to fit: a narrower request (s16 advice; a
  shorter period, fewer fields) is the better route.
- `review`: otherwise, ask for an internal review (late, if the window has passed: the letter
  says so and asks the authority to accept it).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace as dc_replace

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


# ---- weak findings that are a real ground when nothing else is -----------------------------
# A cost refusal with no estimate (or only the limit restated) is a solid s12/s17 point; a
# s23/s24 citation with no link shown to any security body is a s17(1)(c) point, where the
# letter names no such body. A missing subsection, by itself, is never worth a letter.
PROMOTABLE = ("cost-limit-no-estimate", "security-link-unexplained")
MAX_PROMOTED = 2
# The cost limit restated as if it were an estimate: 18 or 24 hours, 2.5 or 3.5 working days,
# £450 or £600 (the Fees Regulations' figures).
# 2.5 or 3.5 working days are read at 7.4 or 7.5 hours a day.
_LIMIT_HOURS = (18.0, 18.5, 18.75, 24.0, 25.9, 26.25)
_LIMIT_POUNDS = (450.0, 600.0)


def real_estimate(refusal: Refusal) -> bool:
    """Does the letter give an estimate of its own (hours or cost beyond the limit restated,
    or a breakdown)? "In excess of 2.5 working days" is the limit, not an estimate."""
    c = refusal.cost
    if c is None:
        return False
    if c.breakdown_given:
        return True
    if c.hours is not None and not any(abs(c.hours - x) < 0.2 for x in _LIMIT_HOURS):
        return True
    if c.pounds is not None and not any(abs(c.pounds - x) < 1 for x in _LIMIT_POUNDS):
        return True
    return False


def _promotable(f: Finding, refusal: Refusal) -> bool:
    """The rules rate these weak for two reasons: the copy is cut (the estimate or the link may
    come after the cut: argued, with a warning to check), or the point itself is slight (an
    estimate given; a request not for figures): never promoted."""
    if f.strength != "weak" or f.rule not in PROMOTABLE:
        return False
    if f.rule == "cost-limit-no-estimate":
        # the rule read a total in the letter (its wording says so): a breakdown point at most,
        # which may be the limit restated or a real estimate; not raised on our guess
        if "states a total" in (f.argument or ""):
            return False
        return not real_estimate(refusal)
    if f.rule == "security-link-unexplained":
        from appeal.judge.rank import _SECURITY_BODY

        # weak on a whole letter means the request is not for figures: a link is easier to see
        return bool(refusal.truncated) and not _SECURITY_BODY.search(refusal.text or "")
    return False


def promote(findings: list[Finding], refusal: Refusal) -> list[Finding]:
    """Where no ground a lawyer would sign survives, raise to moderate the weak findings that are
    a real must-have ground on their own (PROMOTABLE); otherwise the findings unchanged."""
    findings = list(findings)
    if any(p.signable for p in merge([f for f in findings if f.strength != "weak"], refusal)):
        return findings
    out, n = [], 0
    for f in findings:
        if n < MAX_PROMOTED and _promotable(f, refusal):
            f = dc_replace(f, strength="moderate")
            n += 1
        out.append(f)
    return out


def promoted_rules(before: list[Finding], after: list[Finding]) -> list[str]:
    return [b.rule for b, a in zip(before, after) if b.strength != a.strength]


# A request that says it was already cut down to fit the limit: narrowing it again is poor advice.
_ALREADY_NARROWED = re.compile(
    r"\b(?:refined|narrowed|reduced|revised|amended|resubmitted|cut down|re-?framed)\b[^.\n]{0,80}"
    r"\b(?:request|scope|limit|question)|\b(?:within|under) (?:the )?(?:cost|appropriate|fees?) limit|"
    r"(?:following|further to) your (?:advice|suggestion)",
    re.IGNORECASE,
)


def already_narrowed(refusal: Refusal) -> bool:
    return bool(_ALREADY_NARROWED.search(refusal.request_text or ""))


# ---- how old is a response whose date is unknown --------------------------------------------
_STATUTE_YEAR = re.compile(
    r"(?:Act|Regulations|Order|Rules|Code(?: of Practice)?|\(Scotland\))\s*(?:\(Scotland\)\s*)?(?:19|20)\d\d\b|"
    r"\[(?:19|20)\d\d\]|(?:19|20)\d\d\s*(?:UKFTT|UKUT|EWHC|EWCA|UKSC|UKIT|EA/)|EA/(?:19|20)\d\d",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\d/£.-])((?:19|20)\d\d)(?![\d])")
_SHORT_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./](\d\d)\b")
_FIN_YEAR = re.compile(r"\b((?:19|20)\d\d)\s*[/-]\s*(\d\d)\b")


YEARS_QUIET = 5


def latest_year(text: str, today: dt.date) -> int | None:
    """The latest past year a letter mentions (statute and case-citation years aside): a letter is
    almost always written in, or soon after, the last year it speaks of."""
    text = _STATUTE_YEAR.sub(" ", text or "")
    years = [int(m.group(1)) for m in _YEAR.finditer(text)]
    years += [2000 + int(m.group(1)) for m in _SHORT_DATE.finditer(text)]
    years += [int(m.group(1)[:2] + m.group(2)) for m in _FIN_YEAR.finditer(text)
              if int(m.group(2)) == (int(m.group(1)) + 1) % 100]
    years = [y for y in years if 1990 <= y <= today.year]
    return max(years) if years else None


def _era(refusal: Refusal, text_year: int | None, today: dt.date):
    """A clue in the letter to its age (a reference carrying a year; the Data Protection Act 1998
    relied on as in force), unless the request names a later date (then the clue is wrong)."""
    from appeal.parse.era import letter_era
    from appeal.parse.fields import not_before

    req = refusal.request_text or ""
    era = letter_era(refusal.text or "", refusal.reference, today, req, text_year)
    if era is not None and req:
        floor = not_before(req, [(0, len(req))])
        if floor is not None and floor > era.latest:
            return None
    return era


def dated_from(refusal: Refusal, received: dt.date | None, received_source: str | None,
               today: dt.date) -> tuple[dt.date, str, bool] | None:
    """When the response's date is unknown: (the latest day it can plausibly be from, how we
    know, whether that is firm). Firm: a received date the letter prints in full (a response
    comes within weeks of it); the DPA 1998 relied on as in force; a reference year two or more
    years back. Not firm: a received date whose year was inferred, a recent reference year, or
    the last year the letter mentions."""
    inferred = any("year of the date received" in a for a in refusal.assumptions)
    if received is not None and received_source in ("letter", "option", "outcome-letter"):
        # the response due 20 working days on; allow it a generous four months beyond that
        when = received + dt.timedelta(days=150)
        how = f"the request was received on {_long(received)}"
        return when, how + (" (a year the letter implies)" if inferred else ""), not inferred
    year = latest_year(refusal.text or "", today)
    era = _era(refusal, year, today)
    if era is not None:
        return era.latest, era.reason, era.firm
    # Only a letter that speaks of nothing in the last five years: a recent answer about old
    # figures normally names the current period somewhere too.
    if year is not None and year <= today.year - YEARS_QUIET:
        return dt.date(year + 1, 6, 30), f"the latest year the letter mentions is {year}", False
    return None


def decide(refusal: Refusal, findings: list[Finding], timeline: Timeline | None = None, **kw) -> Outcome:
    outcome = _decide(refusal, findings, timeline, **kw)
    if outcome.kind in ("review", "fresh-request") and not (kw.get("is_review_outcome") or refusal.is_review_outcome):
        raised = promoted_rules(list(findings), promote(list(findings), refusal))
        if raised and outcome.kind == "review":
            outcome.reason += (f" ({', '.join(raised)} was found weak but is the one real ground here, "
                               "so it is argued)")
        outcome.notes += [f"promoted:{r}" for r in raised]
    return outcome


def _decide(refusal: Refusal, findings: list[Finding], timeline: Timeline | None = None, *,
           is_review_outcome: bool | None = None, today: dt.date | None = None,
           review_requested: dt.date | str | None = None,
           review_responded: dt.date | str | None = None,
           received: dt.date | str | None = None, received_source: str | None = None) -> Outcome:
    # "today" is the day the timeline was worked out for, where there is one (a batch run with
    # --date judges as of that date), else the clock.
    today = today or _date(getattr(timeline, "today", None)) or dt.date.today()
    regime = (timeline.regime if timeline is not None else None) or refusal.regime or "FOIA"
    if is_review_outcome is None:
        is_review_outcome = bool(refusal.is_review_outcome) or _review_result(refusal) is not None
    review_requested = _date(review_requested)
    review_responded = _date(review_responded)
    received = _date(received)
    commissioner = _regulator_name(regime, today)
    scottish = regime in SCOTTISH
    window = ("six months, FOISA section 47(4)" if scottish
              else "six weeks from the final response, its policy rather than statute")

    # 1. After a review: the Commissioner, while the window for it is open.
    if is_review_outcome:
        if _review_result(refusal) == "overturned" and not refusal.exemptions and not refusal.ncnd:
            return Outcome("nothing-to-argue", "the internal review overturned the original decision "
                           "and withholds nothing: there is nothing left to take to the Commissioner")
        by = _event_date(timeline, "commissioner_complaint_by")
        if by is not None and by < today:
            if (today - by).days > LONG_AGO_DAYS:
                return Outcome("fresh-request", f"this letter is the outcome of an internal review, but the window "
                               f"to go to {commissioner} ({window}) closed on {_long(by)}, over a year ago: "
                               "a complaint now is unlikely to be accepted, and a new request for the same "
                               "information (for the period since, too) is the surer route",
                               notes=["late-complaint"])
            return Outcome("complaint", f"this letter is the outcome of an internal review; the window to go to "
                           f"{commissioner} ({window}) closed on {_long(by)}, so the complaint asks "
                           "the Commissioner to accept it late (run 'appeal complaint')", notes=["late-complaint"])
        if by is None and not review_responded:
            # The review outcome's date is unknown: the case's earlier dates bound it. A review
            # normally follows within months of the response; allow it a whole year.
            base = _event_date(timeline, "review_request_by") or received
            if base is not None and (today - base).days > 365 + LONG_AGO_DAYS:
                return Outcome("fresh-request", f"this letter is the outcome of an internal review of a response "
                               f"from about {base.year}; its own date is unknown, but even a review a year later "
                               f"would put the window to go to {commissioner} ({window}) long closed (assumed; "
                               "give --review-responded if that is wrong): a new request for the same "
                               "information (for the period since, too) is the surer route",
                               notes=["late-complaint", "assumed-date"])
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

    findings = promote(list(findings), refusal)
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

    # How long ago: the review window from the response's date or, where that is unknown, from
    # what the case knows (the received date; the years the letter speaks of), as an assumption.
    by = _event_date(timeline, "review_request_by")
    long_ago = by is not None and (today - by).days > LONG_AGO_DAYS
    assumed = None
    if by is None:  # no response date: the review window is not known
        guess = dated_from(refusal, received, received_source, today)
        if guess is not None and (today - guess[0]).days > LONG_AGO_DAYS + 60:
            assumed = guess
    advice = {"FOISA": "section 15", "EIR": "regulation 9", "EISR": "regulation 9"}.get(regime, "section 16")

    # 4. Cost: a narrower request usually does better than a review, where there is an estimate
    # to narrow against and the request was not already cut down to fit.
    if _cost_refusal(refusal) and not long_ago and not (assumed and assumed[2]):
        wins = [f for f in findings if f.strength in _COST_WINNERS.get(f.rule, ())]
        other = [p for p in signable if not (set(p.rules) <= {"cost-estimate-unrealistic", "cost-limit-no-estimate",
                                                                 "cost-limit-no-advice"})]
        if not wins and not other and real_estimate(refusal) and not already_narrowed(refusal):
            return Outcome("narrow", "the request was refused on cost with an estimate nothing shows is wrong: "
                           "a narrower request (a shorter period, fewer questions or fields), with the advice "
                           f"the authority must give under {advice}, is the quicker route")

    if not signable:
        # Grounds found but not signable (procedural or technical, such as a late reply) are
        # named, so the reason never contradicts the "1 strong" the summary counts.
        unsigned = list(dict.fromkeys(p.lead.rule for p in plans))
        no_ground = ("no ground a lawyer would sign was found" if not unsigned else
                     f"no ground against the withholding itself was found ({', '.join(unsigned)} "
                     f"{'is' if len(unsigned) == 1 else 'are'} only about the handling or form of the "
                     "response, not a reason to release the information)")
        heads = {e.section for e in refusal.exemptions}
        if heads and heads <= _ELSEWHERE.get(regime, frozenset()) and not refusal.ncnd:
            return Outcome("nothing-to-argue", "the authority withholds the information only because it is "
                           "published or to be published elsewhere (" + ", ".join(sorted(heads)) + "), and "
                           "no ground against that was found: follow its pointer, and ask again if it does not "
                           "lead to the information", notes=["confirm-complete"])
        if not (refusal.exemptions or refusal.ncnd or refusal.partial_disclosure) and not _REFUSAL_WORDS.search(refusal.text or ""):
            return Outcome("nothing-to-argue", "no ground a lawyer would sign was found, and the letter "
                           "withholds nothing that could be read", notes=["confirm-complete"])
        if long_ago or assumed:
            when = f"closed on {_long(by)}" if by is not None else \
                f"closed long ago (assumed: {assumed[1]}; give --responded if that is wrong)"
            return Outcome("fresh-request", f"{no_ground}, and the window to ask "
                           f"for a review {when}: a new request (for the period since, too) costs nothing and "
                           "gets a response you can challenge in time", notes=["late-review"]
                           + (["assumed-date"] if assumed else []))
        # Information is withheld but nothing worth sending was found: a bare "I do not accept"
        # review rarely moves an authority, and no letter is written without --force.
        found = sorted({f.rule for f in findings})
        head = f"information is withheld, but {no_ground}" if unsigned else (
            "information is withheld, but no ground a lawyer would sign was found"
            + (f" (only {', '.join(found)}, too slight to send alone)" if found else ""))
        return Outcome("nothing-to-argue", head
                       + ": read the refusal for points the rules cannot see before asking for a review",
                       notes=["confirm-complete"] if (refusal.partial_disclosure or _some_answered(refusal)) else [])

    # 5. Long out of time: a new request is the surer route.
    if long_ago:
        return Outcome("fresh-request", f"the window to ask for a review closed on {_long(by)}, over a "
                       "year ago: the authority may refuse a review now, and a new request for the same "
                       "information (for the period since, too) is the surer route",
                       notes=["late-review"])
    if assumed is not None and assumed[2]:
        return Outcome("fresh-request", f"the response's date is unknown, but {assumed[1]}, so the window to "
                       "ask for a review closed long ago (assumed; give --responded if that is wrong): a new "
                       "request for the same information (for the period since, too) is the surer route",
                       notes=["late-review", "assumed-date"])
    if assumed is not None:
        return Outcome("review", f"there are grounds worth arguing; the response's date is unknown, but "
                       f"{assumed[1]}, so the usual window for a review has probably closed (assumed; give "
                       "--responded if that is wrong): the letter asks the authority to accept it late",
                       notes=["late-review", "assumed-date"])
    if by is not None and by < today:
        return Outcome("review", f"there are grounds worth arguing; the usual window for a review closed on "
                       f"{_long(by)}, so the letter asks the authority to accept it late", notes=["late-review"])
    lead = signable[0].lead.rule
    # no count here: the letter may hold fewer grounds than this once it fits its length
    return Outcome("review", f"grounds worth arguing, led by {lead}: ask for an internal review")


def _some_answered(refusal: Refusal) -> bool:
    return any(getattr(q, "answer", None) in ("answered", "not-held") for q in _questions(refusal))


def decide_case(case, findings: list[Finding], outcome_findings: list[Finding] = ()) -> Outcome:
    """`decide` for an appeal.case.Case: the letter judged is the review outcome where there is
    one; a review date the case only assumed (a review letter's own date) is not a review asked for."""
    asked = case.date("review_requested") if case.source("review_requested") not in (None, "assumed") else None
    judged = case.outcome if case.outcome is not None else case.refusal
    return decide(judged, list(outcome_findings) if case.outcome is not None else findings, case.timeline,
                  is_review_outcome=bool(case.is_review_outcome or case.outcome is not None),
                  today=case.today, review_requested=asked, review_responded=case.date("review_responded"),
                  received=case.date("received"), received_source=case.source("received"))
