"""Reference, letter date and date received, read from the letter's own words.

Each field is chosen from candidates found by labelled patterns ("Our ref:", "Date of
response:", "received on ..."), strongest label first, then earliest in the letter.
Dates printed without a year take it from the letter date (recorded as an assumption).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from appeal import prefilter
from appeal.text import finditer, lower, windows

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _month_alt() -> str:
    # Title case or capitals only: "may" and "march" in running text are not months.
    forms = []
    for name in _MONTH_NAMES:
        short = name[:3]
        tail = name[3:]
        extra = "|t|t" + tail[1:] if name == "September" else ""
        for f in (lambda x: x, str.upper):
            if tail:
                forms.append(f(short) + "(?:" + f(tail) + (f(extra) if extra else "") + ")?")
            else:
                forms.append(f(short))
    return "(?:" + "|".join(forms) + ")"


_MONTH = _month_alt()
_WEEKDAY = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY,?\s+|"
            r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+)")
# 23rd October 2019, 25th September, Friday 18 November 2022, 1st of May 2020
_DAY_MONTH = re.compile(
    rf"(?<![\w/.])(?:{_WEEKDAY})?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})\b\.?,?"
    rf"(?:[ \t]+(?P<y>(?:19|20)\d\d)(?!\d))?",
)
# January 22, 2025 / October 23rd 2019
_MONTH_DAY = re.compile(
    rf"(?<![\w/])(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
)
# 19/11/2012, 31/03/15, 11/06/25, 05.08.15
_NUMERIC = re.compile(r"(?<![\w/.\-])(?P<d>\d{1,2})(?:([/.])(?P<m>\d{1,2})\2(?P<y>\d{4}|\d{2})|-(?P<m2>\d{1,2})-(?P<y2>(?:19|20)\d\d))"
                      r"(?![\w/\-]|\.\d)")
_ISO = re.compile(r"(?<![\w/.\-])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\w/])")


@dataclass
class DateHit:
    day: int
    month: int
    year: int | None
    start: int
    end: int

    def date(self, year: int | None = None) -> dt.date | None:
        y = self.year if self.year is not None else year
        if y is None:
            return None
        try:
            return dt.date(y, self.month, self.day)
        except ValueError:
            return None


def _month_no(word: str) -> int:
    return _MONTHS[word[:3].lower()]


def _hit(m: re.Match, numeric: bool = False) -> DateHit | None:
    d = int(m["d"])
    hyphen = numeric and "m2" in m.re.groupindex and m["m2"] is not None  # 28-07-2021
    mo = int(m["m2"] if hyphen else m["m"]) if numeric else _month_no(m["m"])
    y = m["y2"] if hyphen else m["y"]
    year = None
    if y:
        year = int(y)
        if year < 100:
            year += 2000
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    h = DateHit(d, mo, year, m.start(), m.end())
    if year is not None and h.date() is None:
        return None
    if year is None:
        try:
            dt.date(2000, mo, d)  # a leap year: is there such a day at all?
        except ValueError:
            return None
    return h


def date_at(text: str, pos: int, *, span: int = 40) -> DateHit | None:
    """The first date starting within `span` characters after `pos` (nothing but
    spaces, colons or dashes in between)."""
    window = text[pos: pos + span + 40]
    lead = re.match(r"[\s:;,\-–—.]*", window)
    off = lead.end() if lead else 0
    if off > span:
        return None
    rest = window[off:]
    for rx, numeric in ((_DAY_MONTH, False), (_MONTH_DAY, False), (_NUMERIC, True), (_ISO, True)):
        m = rx.match(rest)
        if m:
            h = _hit(m, numeric)
            if h:
                h.start += pos + off
                h.end += pos + off
                return h
    return None


def find_dates(text: str) -> list[DateHit]:
    hits: list[DateHit] = []
    for rx, numeric in ((_DAY_MONTH, False), (_MONTH_DAY, False), (_NUMERIC, True), (_ISO, True)):
        for m in rx.finditer(text):
            h = _hit(m, numeric)
            if h:
                hits.append(h)
    hits.sort(key=lambda h: h.start)
    return hits


# ---- letter date -----------------------------------------------------------------------
# (label pattern, rank): lower rank wins; position breaks ties.
_LETTER_LABELS = [
    (re.compile(r"\b(?:date\s+of\s+(?:response|reply|letter|decision|this\s+letter)|date\s+responded|(?m:^[ \t]*)issued"
                r"|(?<!we )(?<!We )(?<!I )responded\s+on|response\s+date|date\s+of\s+issue|date\s+sent)\b", re.I), 1),
    (re.compile(r"(?m)^[ \t]*(?:date|dat\s+e)[ \t]*[:\-–]", re.I), 2),
    # a review outcome's own key: "the Internal Review (IR) Decision = 30th January 2018"
    (re.compile(r"\b(?:internal\s+review|review)(?:\s+\(IR\))?\s+decision\s*[=:]", re.I), 1),
    (re.compile(r"\b(?:date\s+published|publish(?:ed)?\s+date|published(?:\s+on)?|date\s+of\s+publication)\b",
                re.I), 4),
    (re.compile(r"(?m)^[ \t]*dated\b", re.I), 5),
    # a page's own key: "Responded Fri 24 March 2023", "Response 28-07-2021"
    (re.compile(r"(?m)^[ \t]*(?:responded|response)\b[ \t]*[:\-–]?(?=[ \t]*(?:[A-Z][a-z]{2}\.?,?[ \t]+)?\d)", re.I), 2),
]
_DATE_BEFORE_HEAD = re.compile(
    rf"(?<![\w/])\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+(?:19|20)\d\d(?=\s+(?:Our\s+ref|Your\s+ref|Dear\b|Ref(?:erence)?\b|"
    rf"(?:Freedom\s+of\s+Information\s+(?:Act\s+)?)?Request\s+(?:under|for|no\b|number|ref)|RE:|Subject:))",
    re.I,
)
_DATE_LINE_TAIL = re.compile(r"[ \t]*(?:$|\||Dear\b|Case\b|Ref|Our\b|Your\b|[A-Z][a-z]+[ \t]+Reference)", re.M)
_RANGE_AFTER = re.compile(r"\s*(?:[-–—]|to\b|and\b|until\b)", re.I)


def letter_date(text: str, body_start: int, in_request=None) -> tuple[dt.date | None, str | None]:
    """Return (date, how) for the date of the letter itself (never one inside the quoted request)."""
    if in_request is None:
        in_request = _nowhere
    best: tuple[int, int, dt.date] | None = None
    # "response" only at a line start ("Response 28-07-2021"): the word is everywhere else too
    wins = windows(lower(text), ("date", "dat e", "responded", "\nresponse", "published", "publish", "issue", "sent", "decision =", "decision:"),
                   40, 30, align=True)
    for rx, rank in _LETTER_LABELS:
        for m in finditer(rx, text, wins):
            h = date_at(text, m.end())
            if h and h.year is not None and (d := h.date()):
                cand = (rank, m.start(), d)
                if best is None or cand[:2] < best[:2]:
                    best = cand
                break
    # A line that is (or starts with) a full date, in the heading part of the letter.
    limit = max(body_start, min(len(text), 1500))
    for m in re.finditer(r"(?m)^[ \t]*", text[:limit]):
        if in_request(m.start()):
            continue
        h = date_at(text, m.end(), span=0)
        if not h or h.year is None:
            continue
        if _RANGE_AFTER.match(text, h.end):
            continue
        if not _DATE_LINE_TAIL.match(text, h.end):
            continue
        prev = text[:m.start()].rstrip().rsplit("\n", 1)[-1].strip().lower()
        if prev.endswith(":") and re.search(r"published|updated|modified|received|requested", prev):
            continue  # the value of a page key ("First published:"), not the letter's date
        d = h.date()
        if d and (best is None or (3, m.start()) < best[:2]):
            best = (3, m.start(), d)
    if best is None or best[0] > 3:
        # a page flattened to one line: the date just before "Our ref" or "Dear"
        for m in _DATE_BEFORE_HEAD.finditer(text, 0, min(len(text), 1500)):
            h = date_at(text, m.start(), span=0)
            if h and h.year is not None and (d := h.date()) and (best is None or best[0] > 3):
                best = (3, m.start(), d)
                break
    if best is None:
        return None, None
    return best[2], ("label" if best[0] != 3 else "line")


# a date the request names as a deadline or a plan, not as something past
_NOT_PAST_BEFORE = re.compile(r"(?i)\b(?:by|until|till|before|due|expected|planned|scheduled|deadline|no\s+later\s+than|next)\W+(?:the\s+)?$")


def not_before(text: str, spans: list[tuple[int, int]]) -> dt.date | None:
    """The latest full date the quoted request names as past ("reports received on the 5th and
    6th of July 2025", "as of 30 July 2025"): the request, and so the response, is not earlier.
    A lower bound only; None when the request names no such date."""
    best = None
    for s, e in spans:
        for h in find_dates(text[s:e]):
            if h.year is None:
                continue
            if _NOT_PAST_BEFORE.search(text[max(s, s + h.start - 30): s + h.start]):
                continue
            d = h.date()
            if d and (best is None or d > best):
                best = d
    return best


def _nowhere(_pos: int) -> bool:
    return False


# ---- date received ------------------------------------------------------------------------
_RECEIVED_LABELS = [
    (re.compile(r"\b(?:date\s+(?:of\s+)?(?:request\s+)?received|date\s+of\s+receipt|request\s+received"
                r"|received\s+date|date\s+of\s+request|date\s+requested|request\s+date)\b[ \t]*[:\-–]?", re.I), 1),
    (re.compile(r"(?m)^[ \t]*(?:received|requested)(?:[ \t]+on)?\b[ \t]*[:\-–]?", re.I), 1),
    # "... your request for information received on 25th September", "which we received on"
    (re.compile(r"\b(?:request|e-?mail|letter|application|correspondence)\b[^.\n]{0,120}?\breceived"
                r"(?:\s+(?:by\s+(?:us|this\s+office|(?:the\s+)?(?:[\w’']+\s+){0,3}?[A-Za-z’']+(?=\s+on\b))|in\s+this\s+office|here))?(?:\s+on)?\b", re.I), 2),
    (re.compile(r"\bwhich\s+(?:we|was)\s+received(?:\s+on)?\b", re.I), 2),
    # "Thank you for your e-mail of 15 November", "your request dated 20th April 2023"
    (re.compile(r"\byour\s+(?:(?:recent|original|information|FOI|FOIA|freedom\s+of\s+information)\s+)?"
                r"(?:e-?mails?|letters?|requests?|correspondence|application|enquiry)\s+(?:dated|of|on)\b", re.I), 3),
    (re.compile(r"\brequest\s+dated\b", re.I), 3),
]
# "your 28 February request"
_YOUR_DATE_REQUEST = re.compile(rf"\b[Yy]our\s+(?=\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b[^.\n]{{0,12}}\b(?:request|e-?mail|letter)\b)")


def received_date(
    text: str, letter: dt.date | None
) -> tuple[dt.date | None, list[str]]:
    """Return (date, assumptions) for the date the request was received."""
    best: tuple[int, int, DateHit] | None = None
    low = lower(text)
    near = {
        0: windows(low, ("date", "request", "receipt", "received"), 30, 40, align=True),
        1: windows(low, ("received", "requested"), 5, 10, align=True),
        2: windows(low, ("received",), 140, 60),
        3: windows(low, ("received",), 30, 40),
        4: windows(low, ("your ",), 5, 70),
        5: windows(low, ("dated",), 20, 5),
    }
    pats = list(_RECEIVED_LABELS) + [(_YOUR_DATE_REQUEST, 3)]
    for k, (rx, rank) in enumerate(pats):
        wins = near[k] if k in near else near[4]
        for m in finditer(rx, text, wins):
            h = date_at(text, m.end(), span=40 if rank == 1 else 3)
            if not h:
                continue
            cand = (rank, m.start(), h)
            if best is None or cand[:2] < best[:2]:
                best = cand
            break
    if best is None:
        return None, []
    h = best[2]
    if h.year is not None:
        return h.date(), []
    shown = f"{h.day} {dt.date(2000, h.month, 1):%B}"
    if letter is not None:
        year = letter.year
        if (h.month, h.day) > (letter.month, letter.day):
            year -= 1
        d = h.date(year)
        if d:
            note = f"the year of the date received ({shown}) was taken from the letter date"
            if year != letter.year:
                note += " (the year before, as that day falls after the letter)"
            return d, [note]
    # No letter date: a full date elsewhere in the letter with the same day and month.
    for other in find_dates(text):
        if other.year is not None and (other.day, other.month) == (h.day, h.month):
            d = other.date()
            return d, [f"the year of the date received ({shown}) was taken from another date in "
                       f"the letter ({d:%d %B %Y})"]
    return None, [f"the date received is printed without a year ({shown}); give --received"]


# ---- reference -----------------------------------------------------------------------------
_VAL = (r"(?P<v>(?=[A-Z0-9\-/_ ]*\d)[A-Z]{0,8}[\-/ ]?[A-Z0-9][A-Z0-9/_\-.]*(?:[ ]?[\-–/][ ]?\d[A-Z0-9/_\-]*(?![A-Z0-9/_\-])(?![ \t]+(?-i:[A-Z][a-z]{2}))|[ ]\d{2,}[A-Z0-9/_\-]*(?![A-Z0-9/_\-])"
        r"(?![ \t]+(?-i:[A-Z][a-z]{2})))*)")
_STRONG_LABELS = (
    r"our\s+ref(?:erence)?(?:\s+(?:no|number))?\.?|ref(?:erence)?\s*(?:no|number)\.?|"
    r"(?:FOI|FOIA|EIR|FOISA|freedom\s+of\s+information|information)\s+(?:request\s+)?(?:ref(?:erence)?|no|number)\.?"
    r"(?:\s+(?:no|number)\.?)?|case\s+ref(?:erence)?(?:\s+(?:no|number))?\.?|enquiry\s+ref(?:erence)?|"
    r"request\s+(?:ref(?:erence)?|no|number)\.?|(?:internal\s+)?review\s+ref(?:erence)?|"
    r"(?<=\n)reference|(?<=\n)ref\.?|^reference|^ref\.?|\[ref\.?|our\s+ref\.?"
)
_REF_STRONG = re.compile(rf"(?:{_STRONG_LABELS})[ \t]*[:#\-–]?[ \t]*\n?[ \t]*{_VAL}", re.I | re.M)
_REF_REQUEST_LINE = re.compile(rf"(?m)^[ \t]*request[ \t]*(?::[ \t]*{_VAL}|[ \t]+(?P<n>\d{{5,}}))[ \t]*$", re.I)
_REF_SUBJECT = re.compile(
    rf"(?:freedom\s+of\s+information(?:\s+act)?(?:\s+\((?:FOIA?|FOI)\))?|FOIA?|EIR|environmental\s+information"
    rf"(?:\s+regulations)?)\s+request[ \t]*(?:no\.?|number)?[ \t]*[:\-–—][ \t]*{_VAL}",
    re.I,
)
_REF_ANNEX = re.compile(rf"(?:annex\s+[A-Z]|appendix\s+\d+)[ \t]*[\-–—][ \t]*{_VAL}", re.I)
_REF_REQUEST_CODE = re.compile(r"\brequest[ \t]+(?P<v>[A-Z]{1,6}[\-/][A-Z0-9/_\-]*\d[A-Z0-9/_\-]*)", re.I)
_REF_WEAK = re.compile(rf"\b(?:(?:quoting|quote)\s+(?:the\s+)?)?(?:reference|ref\.?)(?:\s+(?:no|number)\.?)?[ \t]*:?[ \t]*{_VAL}", re.I)
# heading lines: "Intelligence reports (180A/24)", "Informants - 910/12"
_REF_TITLE = re.compile(r"(?m)^[^\n]{2,120}?(?:\(|[ \t][\-–][ \t])(?P<v>\d{1,6}[A-Z]?[/_]\d{2})\)?[ \t]*$")
_REF_FOI_LINE = re.compile(r"(?m)^[ \t]*[\-•]?[ \t]*(?P<v>(?:FOIR?|EIR|ATISN|RFI|IR)[ \-/]?\d[\d/\-_]{2,}|FOI[ \-]?\d{4}/\d+)"
                           r"(?:[ \t]*$|[ \t]+(?:[\-–—][ \t]+)?(?:in\s+any|review\s+of|[A-Z][a-z]))")
_REF_FOI_ANY = re.compile(r"\b(?P<v>FOI[ \-]?\d{4}/\d{3,}|FOI/\d{4,})\b", re.I)
# a page title carrying the reference: "FOI request (FOIR-496350235)"
_REF_TITLE_CODE = re.compile(r"(?m)^[^\n]{2,120}?\((?P<v>[A-Z]{2,8}[\-/ ]?\d[\w/\-]{3,})\)[ \t]*$")
# a key and its value on the next line, as gov.scot pages print them: "- FOI reference\n- FOI/2023..."
_REF_KEY_NEXT = re.compile(r"(?im)^[ \t]*[\-•]?[ \t]*(?:FOI|EIR|request|case)\s+ref(?:erence)?[ \t]*:?[ \t]*\n[ \t]*[\-•]?[ \t]*"
                           r"(?P<v>[A-Z]{0,8}[\-/ ]?\d[\w/\-]{3,})")


def _clean_ref(v: str | None) -> str | None:
    if not v:
        return None
    v = v.strip().rstrip(".,;:)]")
    # a word swept in before the value ("was 2025...", "Review of ...") is not part of it
    w = re.match(r"(?:[A-Za-z]+[ ])+(?=\d)", v)
    if w and not w.group(0).strip().replace(" ", "").isupper():
        v = v[w.end():]
    v = re.sub(r"\s*([\-–/])\s*", r"\1", v).replace("–", "-")
    if not re.search(r"\d", v):
        return None
    if len(v) < 3 or len(v) > 40:
        return None
    # A year alone or a date is not a reference.
    if re.fullmatch(r"(?:19|20)\d\d", v) or re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", v):
        return None
    return v


def reference(text: str, request_spans: list[tuple[int, int]]) -> str | None:
    def in_request(pos: int) -> bool:
        return any(s <= pos < e for s, e in request_spans)

    head = text[:2500]
    # a page's title lines: the first few, and only those before the request is quoted
    title = "\n".join(text.splitlines()[:8])
    if request_spans:
        title = title[:request_spans[0][0]]
    for rx, region in (
        (_REF_STRONG, text), (_REF_REQUEST_LINE, text), (_REF_SUBJECT, text), (_REF_ANNEX, text),
        (_REF_REQUEST_CODE, text),
        (_REF_KEY_NEXT, head),
        (_REF_TITLE, title), (_REF_TITLE_CODE, "\n".join(text.splitlines()[:4])),
        (_REF_FOI_LINE, head), (_REF_FOI_ANY, head),
        (_REF_WEAK, text),
    ):
        for m in prefilter.finditer(rx, region):  # = rx.finditer(region), quicker
            if in_request(m.start()):  # every region is a prefix of the text: same positions
                continue
            ref = _clean_ref(m["v"] if m["v"] is not None else m["n"]) if "n" in rx.groupindex else _clean_ref(m["v"])
            if ref:
                return ref
    return None
