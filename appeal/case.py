"""The spine: one place that gathers a case, so that every command sees the same facts.

    case = gather_case("letter.pdf", received="25/09/2019", today=dt.date(2019, 11, 1))
    case.kind                       # "first-response" | "review-outcome"
    case.regime, case.regime_from   # "FOIA", "letter" | "option" | "assumed"
    case.dates["responded"]         # Dated(date, source="letter", where="the letter's date")
    case.timeline                   # the Timeline every command shows (None without dates)
    case.assumptions                # what was inferred, set aside or assumed, in plain words

`deadlines`, `check`, `review`, `complaint` (and `scan`) all build on `gather_case`, so given
the same letter and options they cannot disagree about its kind, its regime or its dates.

Where each date came from matters: an error about a date names its source (an option the
user typed, or the letter), never an option that was not given. Dates the user typed are
trusted, and their contradictions are errors. Dates read from a letter are evidence, not
orders: one that cannot be right (in the future, before FOI existed, out of order with the
others) is set aside and listed in `assumptions`, and the rest of the letter still counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from appeal.errors import UserError
from appeal.model import REGIMES

if TYPE_CHECKING:  # pragma: no cover
    from appeal.model import Refusal, Timeline

KINDS = ("first-response", "review-outcome")
DATE_FIELDS = ("received", "responded", "review_requested", "review_responded")
OPTION_NAMES = {name: "--" + name.replace("_", "-") for name in DATE_FIELDS}
# Plain words for each date, for messages.
DATE_WORDS = {
    "received": "the date the request was received",
    "responded": "the date of the response",
    "review_requested": "the date the review was asked for",
    "review_responded": "the date of the review outcome",
}
# No FOI letter is older than the Acts' coming into force (1 January 2005).
EARLIEST = dt.date(2005, 1, 1)


@dataclass
class Dated:
    """One date of the case and where it came from."""

    date: dt.date
    source: str  # "option" | "letter" | "outcome-letter" | "assumed"
    where: str  # for messages: "--received", "the letter's date", "the letter ('received on ...')"

    def describe(self, name: str) -> str:
        return f"{DATE_WORDS[name]} {self.date.isoformat()} ({self.where})"


@dataclass
class Case:
    refusal: "Refusal"
    kind: str  # "first-response" | "review-outcome"
    regime: str
    regime_from: str  # "option" | "letter" | "outcome-letter" | "assumed"
    dates: dict[str, Dated] = field(default_factory=dict)
    timeline: "Timeline | None" = None
    today: dt.date = field(default_factory=dt.date.today)
    extended: bool = False
    outcome: "Refusal | None" = None  # a separate review-outcome letter (complaint --review-outcome)
    requester: Any = None  # appeal.render.requester.Requester, for the letters
    assumptions: list[str] = field(default_factory=list)  # case-level: dates and regime
    set_aside: list[str] = field(default_factory=list)  # letter dates not used, and why

    # ---- reading it ---------------------------------------------------------------------
    def date(self, name: str) -> dt.date | None:
        d = self.dates.get(name)
        return d.date if d else None

    def source(self, name: str) -> str | None:
        d = self.dates.get(name)
        return d.source if d else None

    @property
    def is_review_outcome(self) -> bool:
        return self.kind == "review-outcome"

    def rule_dates(self) -> dict[str, Any]:
        """The form the rules read: ISO dates and, for each, "<name>_from": option|letter."""
        out: dict[str, Any] = {}
        for name in DATE_FIELDS:
            d = self.dates.get(name)
            out[name] = d.date.isoformat() if d else None
            if d:
                out[f"{name}_from"] = "option" if d.source == "option" else "letter"
        return out

    def read_from_letter(self) -> list[str]:
        """What was taken from the letter, one short phrase each ("received 2019-09-25")."""
        out = []
        for name in DATE_FIELDS:
            d = self.dates.get(name)
            if d and d.source in ("letter", "outcome-letter"):
                words = name.replace("_", " ")
                out.append(f"{words} {d.date.isoformat()} ({d.where})")
        if self.regime_from in ("letter", "outcome-letter"):
            out.append(f"regime {self.regime}")
        return out

    def to_dict(self) -> dict[str, Any]:
        """The machine form shown by `check --json` as "case"."""
        return {
            "kind": self.kind,
            "regime": self.regime,
            "regime_from": self.regime_from,
            "dates": {name: ({"date": d.date.isoformat(), "from": d.source, "where": d.where}
                             if (d := self.dates.get(name)) else None) for name in DATE_FIELDS},
            "events": ([{"id": e.id, "date": e.date} for e in self.timeline.events]
                       if self.timeline is not None else []),
            "assumptions": list(self.assumptions),
        }


# ---- reading what the user typed ------------------------------------------------------------
def read_regime(value: str | None, where: str = "--regime") -> str | None:
    """Normalise a regime the user gave ('foia', 'EIR'); None stays None."""
    if value is None:
        return None
    key = str(value).strip().upper()
    if key not in REGIMES:
        raise UserError(f"{where} {value!r} is not one of {', '.join(r.lower() for r in REGIMES)}")
    return key


def read_date(name: str, value: dt.date | str | None, today: dt.date,
              assumptions: list[str] | None = None) -> dt.date | None:
    """A date the user typed, as a date; errors name the option. A year left out ('25/9',
    '25 Sept') is inferred and, when `assumptions` is given, listed there."""
    if value is None or isinstance(value, dt.date):
        return value
    from appeal.dates import parse_user_date, year_given

    try:
        day = parse_user_date(value, today=today)
    except UserError as exc:
        raise UserError(f"{name}: {exc}") from None
    if assumptions is not None and not year_given(value):
        assumptions.append(f"{name} {value!r} has no year: read as {day.isoformat()}, the most recent "
                           "such day (give the year if that is wrong)")
    return day


# ---- gathering ------------------------------------------------------------------------------
def gather_case(
    refusal: "Refusal | str | None",
    *,
    regime: str | None = None,
    received: dt.date | str | None = None,
    responded: dt.date | str | None = None,
    review_requested: dt.date | str | None = None,
    review_responded: dt.date | str | None = None,
    review_outcome: "Refusal | str | None" = None,
    extended: bool = False,
    today: dt.date | None = None,
    assume_review_requested: dt.date | None = None,
    timeline: bool = True,
) -> Case:
    """Gather the case: the letter (a path, '-', a .json or a Refusal), its kind, its regime,
    each date with its source, and the timeline that follows.

    Options win over the letter. `assume_review_requested` (the review letter's own date) is
    used for the review date when nothing else gives one, and said so. With `timeline=False`
    the timeline is not computed (the caller only wants the facts).
    """
    from appeal.model import Refusal

    today = today or dt.date.today()
    notes: list[str] = []
    given = {
        "received": read_date("--received", received, today, notes),
        "responded": read_date("--responded", responded, today, notes),
        "review_requested": read_date("--review-requested", review_requested, today, notes),
        "review_responded": read_date("--review-responded", review_responded, today, notes),
    }
    chosen_regime = read_regime(regime)

    letter = _load(refusal) if refusal is not None else Refusal()
    outcome = _load(review_outcome) if review_outcome is not None else None
    kind = "review-outcome" if letter.is_review_outcome else "first-response"

    dates: dict[str, Dated] = {n: Dated(d, "option", OPTION_NAMES[n]) for n, d in given.items() if d}
    _check_options(dates)
    for name, d in dates.items():
        if d.date > today and name != "review_requested":
            notes.append(f"{OPTION_NAMES[name]} {d.date.isoformat()} is after today ({today.isoformat()}): "
                         "check the date")

    set_aside: list[str] = []
    if refusal is not None:
        for name, day, where in _letter_dates(letter, kind, "letter"):
            _offer(dates, name, day, "letter", where, today, set_aside)
    if outcome is not None:
        day = _iso(outcome.dates.letter)
        if day is not None:
            _offer(dates, "review_responded", day, "outcome-letter", "the review outcome letter's date",
                   today, set_aside)
            if dates.get("review_responded") and dates["review_responded"].source == "outcome-letter":
                from appeal.dates import long_date

                notes.append(f"review outcome date {long_date(day)} taken from the outcome letter")
        else:
            notes.append("the review outcome letter has no date: give --review-responded")
        rv = getattr(outcome, "review", None)
        if rv is not None and getattr(rv, "review_requested", None):
            _offer(dates, "review_requested", _iso(rv.review_requested), "outcome-letter",
                   "the review outcome letter", today, set_aside)
    if assume_review_requested is not None and "review_requested" not in dates and kind == "first-response":
        dates["review_requested"] = Dated(assume_review_requested, "assumed", "assumed: this letter's date")
        if not _in_order(dates):
            del dates["review_requested"]
            latest = max(d.date for d in dates.values())
            notes.append(f"this letter's date, {assume_review_requested.isoformat()}, is before the case's other "
                         f"dates (up to {latest.isoformat()}): check --date; the review's due date is not shown")
        else:
            from appeal.dates import long_date

            notes.append(f"the review is taken as requested on the letter's date, "
                         f"{long_date(assume_review_requested)}: the date it is due counts from then "
                         "(give --review-requested if you send it later)")

    if chosen_regime:
        regime_key, regime_from = chosen_regime, "option"
    elif letter.regime:
        regime_key, regime_from = letter.regime, "letter"
    elif outcome is not None and outcome.regime:
        regime_key, regime_from = outcome.regime, "outcome-letter"
    else:
        regime_key, regime_from = "FOIA", "assumed"

    case = Case(refusal=letter, kind=kind, regime=regime_key, regime_from=regime_from,
                dates=dict(sorted(dates.items(), key=lambda kv: DATE_FIELDS.index(kv[0]))),
                today=today, extended=extended, outcome=outcome,
                assumptions=notes + set_aside, set_aside=set_aside)
    if timeline and case.dates:
        from appeal.deadlines import compute_timeline

        case.timeline = compute_timeline(
            regime_key, extended=extended, today=today,
            **{name: case.date(name) for name in DATE_FIELDS})
    return case


def _load(source: "Refusal | str") -> "Refusal":
    from appeal.model import Refusal

    if isinstance(source, Refusal):
        return source
    from appeal.ingest import load_refusal

    letter = load_refusal(source)
    if letter.source is None:
        letter.source = source
    return letter


def _iso(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _letter_dates(letter: "Refusal", kind: str, source: str) -> list[tuple[str, dt.date, str]]:
    """The dates a letter states, by what they are in this kind of letter."""
    out: list[tuple[str, dt.date | None, str]] = []
    letter_day = _iso(letter.dates.letter)
    if kind == "review-outcome":
        rv = getattr(letter, "review", None)
        review_day = _iso(getattr(rv, "date", None)) or letter_day
        out.append(("review_responded", review_day, "the review outcome's date"))
        if rv is not None:
            out.append(("review_requested", _iso(getattr(rv, "review_requested", None)),
                        "the review outcome ('your review request of ...')"))
            out.append(("responded", _iso(getattr(rv, "original_response_date", None)),
                        "the review outcome ('our response of ...')"))
        out.append(("received", _iso(letter.dates.received), "the letter ('your request received ...')"))
    else:
        out.append(("received", _iso(letter.dates.received), "the letter ('your request received ...')"))
        out.append(("responded", letter_day, "the letter's date"))
    return [(n, d, w) for n, d, w in out if d is not None]


def _offer(dates: dict[str, Dated], name: str, day: dt.date, source: str, where: str,
           today: dt.date, set_aside: list[str]) -> None:
    """Take a date read from a letter unless an option gave it, or it cannot be right."""
    if name in dates:
        return
    label = f"{DATE_WORDS[name]} read from {where}, {day.isoformat()},"
    fix = f"give {OPTION_NAMES[name]} if it matters"
    if day > today:
        set_aside.append(f"{label} is after today ({today.isoformat()}), so it cannot be right and was "
                         f"not used ({fix})")
        return
    if day < EARLIEST:
        set_aside.append(f"{label} is before FOI law came into force (1 January 2005), so it cannot be "
                         f"right and was not used ({fix})")
        return
    dates[name] = Dated(day, source, where)
    clash = _first_clash(dates, name)
    if clash is not None:
        del dates[name]
        other_name, other = clash
        set_aside.append(f"{label} does not fit {other.describe(other_name)}, so it was not used ({fix})")


def _order_pairs(dates: dict[str, Dated]):
    present = [(n, dates[n]) for n in DATE_FIELDS if n in dates]
    for i, (n1, d1) in enumerate(present):
        for n2, d2 in present[i + 1:]:
            if d2.date < d1.date:
                yield (n1, d1), (n2, d2)


def _in_order(dates: dict[str, Dated]) -> bool:
    return next(_order_pairs(dates), None) is None


def _first_clash(dates: dict[str, Dated], name: str):
    for a, b in _order_pairs(dates):
        if a[0] == name:
            return b
        if b[0] == name:
            return a
    return None


def _check_options(dates: dict[str, Dated]) -> None:
    """Dates the user typed must follow one another: received, responded, review asked, review answered."""
    for (n1, d1), (n2, d2) in _order_pairs(dates):
        raise UserError(f"{d2.where} {d2.date.isoformat()} is before {d1.where} {d1.date.isoformat()}: "
                        f"{DATE_WORDS[n2]} cannot come before {DATE_WORDS[n1]}; check the dates")
