"""How old is a letter that prints no date: the latest it can plausibly be from, and why.

    letter_era(text, reference, today, request_text="", text_year=None) -> Era | None

Two clues, each read narrowly (a wrong date costs the requester the whole letter):

- the authority's own reference carries a year: "FOI/2023/0456", "2023-0456", "IR2024/05897",
  "828/2023", a two-digit suffix on a request number ("728-24", "1234/24"), a two-digit
  year between slashes after a letters prefix ("FOI/18/00467"), or a financial year ("FOI
  2023/24-017", read as its later year). A reference is
  given when the request arrives, so the response is from that year or early the next. Firm
  (a fresh request is the surer route) when the year is at least two years before today.
- the Data Protection Act 1998 relied on as the law in force ("subject to the provisions of
  the Data Protection Act 1998", "would breach the principles of the DPA 1998"): that Act was
  replaced on 25 May 2018 (Data Protection Act 2018, s. 212 and Sch. 19; UK GDPR), so a letter
  relying on it is older than that. Firm.

Near misses, not clues: years inside the request (periods asked about), statute years, case
citations, the DPA 1998 named as repealed, former or in force "at the time", the DPA 1998 in a
letter that also cites the DPA 2018 or the GDPR, a decision quoted from elsewhere, and a
reference that is a bare run of digits (whose first four need not be a year). A clue is dropped
when the letter speaks of a year after it (`text_year`, the latest the letter mentions).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple


class Era(NamedTuple):
    year: int
    latest: dt.date  # the latest day the response can plausibly be from
    reason: str
    firm: bool


# "FOI/2023/0456", "2023-0456", "IR2024/05897", "FOI 2023 0456": a year, then a separator
_REF_YEAR_FIRST = re.compile(r"^(?:[A-Za-z]{1,8}\s*[/ _-]?\s*)?(20\d\d)\s*[/_ -]\s*\d{1,7}[A-Za-z]?$")
# "828/2023", "FOI 1234-2023"
_REF_YEAR_LAST = re.compile(r"^(?:[A-Za-z]{1,8}\s*[/ _-]?\s*)?\d{1,7}\s*[/_-]\s*(20\d\d)$")
# "FOI/18/00467", "EIR/24/0123": a letters prefix, the year, a number, slashes both sides
_REF_YY_FIRST = re.compile(r"^[A-Za-z]{2,8}\s*/\s*(\d\d)\s*/\s*\d{3,7}$")
# "728-24", "1234/24", "FOI 728 - 24": a request number of three digits or more, then the year
# ("180A/24", "7680_17", "DC/FOI 782/17", "HQ/PA/002769/19")
_REF_YY_LAST = re.compile(r"^(?:[A-Za-z]{1,8}\s*[/ _-]?\s*){0,3}\d{3,7}[A-Za-z]?\s*[/_-]\s*(\d\d)$")
# "FOI 2023/24-017", "FOI/2025/26/002": a financial year, then a number (the later year counts)
_REF_FIN_YEAR = re.compile(r"^(?:[A-Za-z]{1,8}\s*[/ _-]?\s*)?(20\d\d)\s*/\s*(\d\d)\s*[/_-]\s*\d{1,7}$")

_DPA98 = re.compile(r"\bData\s+Protection\s+Act\s+1998\b|\bDPA\s*(?:19)?98\b", re.I)
# the letter knows the law that replaced it: a transitional or later letter
_NEWER_LAW = re.compile(r"\bData\s+Protection\s+Act\s+2018\b|\bDPA\s*(?:20)?18\b|\bGDPR\b|"
                        r"\bGeneral\s+Data\s+Protection\s+Regulation", re.I)
# named as past law, or quoted from a decision about past events
_AS_PAST = re.compile(r"\b(?:repealed|replaced|superseded|former(?:ly)?|previous(?:ly)?|old|then\s+in\s+force|"
                      r"at\s+the\s+time|in\s+force\s+(?:at|when)|was\s+in\s+force|predecessor|"
                      r"tribunal|decision\s+notice|judgment|held\s+that|commissioner\s+(?:found|decided))\b", re.I)
# relied on: the letter applies it to this request
_RELIED = re.compile(r"\b(?:subject\s+to|under|breach(?:es)?|contravene?s?|defined|definition|principles?|"
                     r"in\s+accordance\s+with|within\s+the\s+meaning\s+of|as\s+set\s+out\s+in|for\s+the\s+purposes\s+of|"
                     r"section\s+\d+\w*(?:\(\w+\))*\s+of|schedule\s+\d+\w*\s+(?:to|of)|provisions\s+of)\b", re.I)

DPA_REPLACED = dt.date(2018, 5, 25)
FIRM_YEARS = 2


def reference_year(reference: str | None, today: dt.date) -> int | None:
    """The year an authority's reference carries, or None (never from a bare run of digits)."""
    ref = " ".join((reference or "").split())
    if not ref:
        return None
    year = None
    fin = _REF_FIN_YEAR.match(ref)
    full = _REF_YEAR_FIRST.match(ref) or _REF_YEAR_LAST.match(ref)
    short = _REF_YY_LAST.match(ref) or _REF_YY_FIRST.match(ref)
    if fin and int(fin.group(2)) == (int(fin.group(1)) + 1) % 100:
        year = int(fin.group(1)) + 1
    elif full:
        year = int(full.group(1))
    elif short and 10 <= int(short.group(1)) <= today.year % 100:
        year = 2000 + int(short.group(1))
    return year if year is not None and 2000 <= year <= today.year else None


def relies_on_dpa_1998(text: str, request_text: str = "") -> bool:
    """True when the letter applies the Data Protection Act 1998 as the law in force."""
    if request_text and request_text in text:
        text = text.replace(request_text, " ")
    if _NEWER_LAW.search(text):
        return False
    for m in _DPA98.finditer(text):
        before, after = text[max(0, m.start() - 80):m.start()], text[m.end():m.end() + 60]
        if _AS_PAST.search(before) or _AS_PAST.search(after):
            continue
        if _RELIED.search(before[-50:]):
            return True
    return False


def letter_era(text: str, reference: str | None, today: dt.date, request_text: str = "",
               text_year: int | None = None) -> Era | None:
    """The latest a letter with no printed date can be from, with the reason; None without a clue."""
    clues: list[Era] = []
    if relies_on_dpa_1998(text or "", request_text or "") and (text_year is None or text_year <= 2018):
        clues.append(Era(2018, DPA_REPLACED, "the letter relies on the Data Protection Act 1998 as in force, "
                         "and that Act was replaced on 25 May 2018", today.year - 2018 >= FIRM_YEARS))
    year = reference_year(reference, today)
    if year is not None and (text_year is None or text_year <= year + 1):
        clues.append(Era(year, dt.date(year + 1, 3, 31), f"the letter's reference {reference} carries the year {year}",
                         today.year - year >= FIRM_YEARS))
    return min(clues, key=lambda e: e.latest) if clues else None
