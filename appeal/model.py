"""The records every stage passes on: Refusal, Exemption, Finding, Timeline.

Their JSON forms are the contract in design.md ("Machine forms"): outside tools read them,
so field names are stable. Unknown values are None, never guessed; whatever the parser
inferred is listed in `Refusal.assumptions`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from appeal.errors import UserError

REFUSAL_SCHEMA = "appeal.refusal/2"
# Older forms that still load (the fields /2 added take their defaults).
REFUSAL_SCHEMAS_READ = ("appeal.refusal/1", REFUSAL_SCHEMA)
FINDINGS_SCHEMA = "appeal.findings/1"
DEADLINES_SCHEMA = "appeal.deadlines/1"

from appeal.law.regimes import KEYS as REGIMES  # noqa: E402  (named once: law/regimes.py)
STRENGTHS = ("strong", "moderate", "weak")


@dataclass
class Authority:
    name: str | None = None
    kind: str | None = None  # police, council, nhs, department, devolved, university, regulator, other
    nation: str | None = None  # england, wales, scotland, northern-ireland, uk


@dataclass
class Exemption:
    """One provision the letter relies on, in canonical form (s31(1)(a), reg12(4)(b))."""

    citation: str
    title: str | None = None
    ncnd: bool = False  # the neither-confirm-nor-deny provision (s23(5), s31(3), s40(5)...)
    absolute: bool | None = None
    test: str | None = None  # "class", "prejudice", "cost", "vexatious", "other"
    spans: list[list[int]] = field(default_factory=list)  # [start, end) into Refusal.text
    # What the letter says of harm for this exemption: the likelihood words it uses
    # ("would", "would be likely to", "could", "may") and whether any harm is stated.
    likelihood: list[str] = field(default_factory=list)
    harm_stated: bool | None = None
    # How it was found: "cited" (the letter names the provision) or "inferred" (only stated
    # in prose: "exceeds the appropriate limit" -> s12, "vexatious" -> s14(1)); an inferred
    # one is also listed in Refusal.assumptions.
    found: str = "cited"

    @property
    def section(self) -> str:
        """The section or regulation number alone: s31(1)(a) -> s31, reg12(4)(b) -> reg12."""
        head = self.citation.split("(", 1)[0]
        return head


@dataclass
class Dates:
    letter: str | None = None  # ISO dates
    received: str | None = None


@dataclass
class CostEstimate:
    """For s12 / reg 12(4)(b) refusals: what the letter says of its estimate."""

    hours: float | None = None
    pounds: float | None = None
    breakdown_given: bool = False
    advice_given: bool = False  # s16 advice on narrowing the request


ANSWERS = ("answered", "not-held", "refused", "ncnd", "cost", "unknown")
REVIEW_RESULTS = ("upheld", "partly-upheld", "overturned")


@dataclass
class Question:
    """One numbered (or lettered) part of the request and what came back for it."""

    number: str | None = None  # "1", "2a", "iii" as printed; None when not numbered
    text: str = ""
    start: int = 0  # [start, end) into Refusal.text: the question as quoted
    end: int = 0
    answer: str = "unknown"  # one of ANSWERS
    exemptions: list[str] = field(default_factory=list)  # canonical citations refused under


@dataclass
class ReviewOutcome:
    """For an internal-review outcome letter: what the review decided, and of what."""

    result: str | None = None  # one of REVIEW_RESULTS, None when not stated
    date: str | None = None  # ISO: the review decision's date (normally the letter date)
    original_reference: str | None = None
    original_request_date: str | None = None  # ISO
    original_response_date: str | None = None  # ISO
    review_requested: str | None = None  # ISO: when the requester asked for the review


@dataclass
class Refusal:
    authority: Authority = field(default_factory=Authority)
    regime: str | None = None
    reference: str | None = None
    dates: Dates = field(default_factory=Dates)
    request_text: str | None = None
    exemptions: list[Exemption] = field(default_factory=list)
    ncnd: bool = False
    ncnd_scope: str | None = None  # "all" (the whole request) or "other" ("any other information")
    partial_disclosure: bool = False
    public_interest_test: bool = False
    review_rights_stated: bool = False
    commissioner_rights_stated: bool = False
    is_review_outcome: bool = False  # an internal-review outcome letter, not a first refusal
    truncated: bool = False
    cost: CostEstimate | None = None
    questions: list[Question] = field(default_factory=list)
    review: ReviewOutcome | None = None  # set on review outcomes (is_review_outcome)
    assumptions: list[str] = field(default_factory=list)
    text: str = ""  # the extracted letter text; every span indexes into it
    source: str | None = None  # the file it came from, for messages

    # ---- JSON form -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return {"schema": REFUSAL_SCHEMA, **d}

    @classmethod
    def from_dict(cls, data: Any) -> "Refusal":
        """Build from the JSON form, validating as we go: bad input names the field."""
        if not isinstance(data, dict):
            raise UserError("the JSON file is not a parsed refusal (expected an object)")
        schema = data.get("schema")
        if schema not in REFUSAL_SCHEMAS_READ:
            raise UserError(f"field 'schema': expected {REFUSAL_SCHEMA!r}, got {schema!r}")
        auth = _obj(data, "authority", {})
        authority = Authority(
            name=_opt_str(auth, "name", "authority.name"),
            kind=_opt_str(auth, "kind", "authority.kind"),
            nation=_opt_str(auth, "nation", "authority.nation"),
        )
        regime = _opt_str(data, "regime", "regime")
        if regime is not None:
            regime = regime.upper()
            if regime not in REGIMES:
                raise UserError(f"field 'regime': {regime!r} is not one of {', '.join(REGIMES)}")
        dates_d = _obj(data, "dates", {})
        dates = Dates(
            letter=_opt_date(dates_d, "letter", "dates.letter"),
            received=_opt_date(dates_d, "received", "dates.received"),
        )
        text = _opt_str(data, "text", "text") or ""
        exemptions = []
        raw_ex = data.get("exemptions", [])
        if not isinstance(raw_ex, list):
            raise UserError("field 'exemptions': expected a list")
        for i, e in enumerate(raw_ex):
            where = f"exemptions[{i}]"
            if not isinstance(e, dict):
                raise UserError(f"field '{where}': expected an object")
            citation = _opt_str(e, "citation", f"{where}.citation")
            if not citation:
                raise UserError(f"field '{where}.citation' is missing")
            spans = e.get("spans", [])
            if not isinstance(spans, list) or not all(
                isinstance(s, list) and len(s) == 2 and all(isinstance(x, int) for x in s)
                and 0 <= s[0] <= s[1] <= len(text)
                for s in spans
            ):
                raise UserError(f"field '{where}.spans': expected [[start, end], ...] within the text")
            test = _opt_str(e, "test", f"{where}.test")
            found = _opt_str(e, "found", f"{where}.found") or "cited"
            if found not in ("cited", "inferred"):
                raise UserError(f"field '{where}.found': {found!r} is not 'cited' or 'inferred'")
            likelihood = e.get("likelihood", [])
            if not isinstance(likelihood, list) or not all(isinstance(x, str) for x in likelihood):
                raise UserError(f"field '{where}.likelihood': expected a list of strings")
            exemptions.append(
                Exemption(
                    citation=citation,
                    title=_opt_str(e, "title", f"{where}.title"),
                    ncnd=_bool(e, "ncnd", f"{where}.ncnd", False),
                    absolute=_opt_bool(e, "absolute", f"{where}.absolute"),
                    test=test,
                    spans=[list(s) for s in spans],
                    likelihood=list(likelihood),
                    harm_stated=_opt_bool(e, "harm_stated", f"{where}.harm_stated"),
                    found=found,
                )
            )
        cost = None
        if data.get("cost") is not None:
            c = _obj(data, "cost", {})
            cost = CostEstimate(
                hours=_opt_num(c, "hours", "cost.hours"),
                pounds=_opt_num(c, "pounds", "cost.pounds"),
                breakdown_given=_bool(c, "breakdown_given", "cost.breakdown_given", False),
                advice_given=_bool(c, "advice_given", "cost.advice_given", False),
            )
        assumptions = data.get("assumptions", [])
        if not isinstance(assumptions, list) or not all(isinstance(a, str) for a in assumptions):
            raise UserError("field 'assumptions': expected a list of strings")
        scope = _opt_str(data, "ncnd_scope", "ncnd_scope")
        if scope not in (None, "all", "other"):
            raise UserError(f"field 'ncnd_scope': {scope!r} is not 'all', 'other' or null")
        questions = _questions(data, len(text))
        review = None
        if data.get("review") is not None:
            rv = _obj(data, "review", {})
            result = _opt_str(rv, "result", "review.result")
            if result not in (None, *REVIEW_RESULTS):
                raise UserError(f"field 'review.result': {result!r} is not one of {', '.join(REVIEW_RESULTS)} or null")
            review = ReviewOutcome(
                result=result,
                date=_opt_date(rv, "date", "review.date"),
                original_reference=_opt_str(rv, "original_reference", "review.original_reference"),
                original_request_date=_opt_date(rv, "original_request_date", "review.original_request_date"),
                original_response_date=_opt_date(rv, "original_response_date", "review.original_response_date"),
                review_requested=_opt_date(rv, "review_requested", "review.review_requested"),
            )
        return cls(
            authority=authority,
            regime=regime,
            reference=_opt_str(data, "reference", "reference"),
            dates=dates,
            request_text=_opt_str(data, "request_text", "request_text"),
            exemptions=exemptions,
            ncnd=_bool(data, "ncnd", "ncnd", False),
            ncnd_scope=scope,
            partial_disclosure=_bool(data, "partial_disclosure", "partial_disclosure", False),
            public_interest_test=_bool(data, "public_interest_test", "public_interest_test", False),
            review_rights_stated=_bool(data, "review_rights_stated", "review_rights_stated", False),
            commissioner_rights_stated=_bool(
                data, "commissioner_rights_stated", "commissioner_rights_stated", False
            ),
            is_review_outcome=_bool(data, "is_review_outcome", "is_review_outcome", False),
            truncated=_bool(data, "truncated", "truncated", False),
            cost=cost,
            questions=questions,
            review=review,
            assumptions=list(assumptions),
            text=text,
            source=_opt_str(data, "source", "source"),
        )


@dataclass
class Evidence:
    quote: str  # verbatim: Refusal.text[start:end]
    start: int
    end: int


@dataclass
class Finding:
    rule: str
    title: str
    strength: str  # strong | moderate | weak
    evidence: list[Evidence] = field(default_factory=list)
    argument: str = ""
    precedents: list[str] = field(default_factory=list)
    ask: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


OUTCOMES = ("review", "complaint", "nothing-to-argue", "fresh-request", "narrow")


@dataclass
class Outcome:
    """The judgement step's decision: what the requester should do next, and why.

    kind: review | complaint | nothing-to-argue | fresh-request | narrow (design.md).
    notes: machine-readable hints for the letters and the summary ("late-review",
    "confirm-complete").
    """

    kind: str
    reason: str
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "reason": self.reason}


def findings_to_dict(findings: list[Finding], refusal: Refusal | None = None,
                     outcome: Outcome | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"schema": FINDINGS_SCHEMA, "findings": [f.to_dict() for f in findings]}
    if outcome is not None:
        out["outcome"] = outcome.to_dict()
    if refusal is not None:
        out["assumptions"] = list(refusal.assumptions)
    return out


@dataclass
class Event:
    """One dated step: what is due, by when, on what statutory basis."""

    id: str  # response_due, response_due_alt, response_due_extended, review_request_by, ...
    date: str  # ISO date
    basis: str  # e.g. "FOIA s10(1)"
    note: str = ""
    working_days_left: int | None = None  # from today; negative once passed
    passed: bool | None = None


@dataclass
class Timeline:
    regime: str
    calendar: str  # "uk-any-part" (FOIA/EIR) or "scotland" (FOISA/EISR)
    events: list[Event] = field(default_factory=list)
    late: bool | None = None  # None: cannot be told from the dates given
    late_by_working_days: int | None = None
    review_late: bool | None = None
    review_late_by_working_days: int | None = None
    holidays_skipped: list[str] = field(default_factory=list)  # "2019-12-25 Christmas Day"
    notes: list[str] = field(default_factory=list)  # disputed points, assumptions
    # What the dates were computed from ({"received": "2019-09-25", ...}, ISO or None) and
    # the day "working days left" counts from.
    inputs: dict[str, Any] = field(default_factory=dict)
    today: str | None = None

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": DEADLINES_SCHEMA, **asdict(self)}


# ---- validation helpers for from_dict ----------------------------------------------------
def _questions(data: dict, n: int) -> list[Question]:
    raw = data.get("questions", [])
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise UserError("field 'questions': expected a list")
    out = []
    for i, q in enumerate(raw):
        where = f"questions[{i}]"
        if not isinstance(q, dict):
            raise UserError(f"field '{where}': expected an object")
        start, end = q.get("start", 0), q.get("end", 0)
        if not (isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool)
                and not isinstance(end, bool) and 0 <= start <= end <= n):
            raise UserError(f"field '{where}.start/end': expected 0 <= start <= end <= length of the text")
        answer = _opt_str(q, "answer", f"{where}.answer") or "unknown"
        if answer not in ANSWERS:
            raise UserError(f"field '{where}.answer': {answer!r} is not one of {', '.join(ANSWERS)}")
        exs = q.get("exemptions", [])
        if not isinstance(exs, list) or not all(isinstance(x, str) for x in exs):
            raise UserError(f"field '{where}.exemptions': expected a list of strings")
        out.append(Question(
            number=_opt_str(q, "number", f"{where}.number"),
            text=_opt_str(q, "text", f"{where}.text") or "",
            start=start, end=end, answer=answer, exemptions=list(exs),
        ))
    return out


def _obj(d: dict, key: str, default: Any) -> dict:
    v = d.get(key, default)
    if v is None:
        return {}
    if not isinstance(v, dict):
        raise UserError(f"field '{key}': expected an object")
    return v


def _opt_str(d: dict, key: str, where: str) -> str | None:
    v = d.get(key)
    if v is None or isinstance(v, str):
        return v
    raise UserError(f"field '{where}': expected a string or null, got {type(v).__name__}")


def _bool(d: dict, key: str, where: str, default: bool) -> bool:
    v = d.get(key, default)
    if v is None:
        return default
    if not isinstance(v, bool):
        raise UserError(f"field '{where}': expected true or false")
    return v


def _opt_bool(d: dict, key: str, where: str) -> bool | None:
    v = d.get(key)
    if v is None or isinstance(v, bool):
        return v
    raise UserError(f"field '{where}': expected true, false or null")


def _opt_num(d: dict, key: str, where: str) -> float | None:
    v = d.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise UserError(f"field '{where}': expected a number or null")
    return float(v)


def _opt_date(d: dict, key: str, where: str) -> str | None:
    v = _opt_str(d, key, where)
    if v is None:
        return None
    try:
        dt.date.fromisoformat(v)
    except ValueError:
        raise UserError(f"field '{where}': {v!r} is not a date in the form YYYY-MM-DD") from None
    return v
