"""An internal-review outcome: what the review decided, and of which request.

    review_outcome(text, in_request, letter_date, exemptions) -> ReviewOutcome

result: "upheld" (the original decision stands), "partly-upheld" (varied: more released, or
some grounds dropped while others stand), "overturned" (a different decision substituted,
the complaint upheld, the information to be released); None when the letter does not say.
The original request's reference and dates are read only where printed.
"""

from __future__ import annotations

import datetime as dt
import re

from appeal.model import ReviewOutcome
from appeal.parse.fields import date_at
from appeal.text import finditer, lower, windows

_PARTLY = re.compile(
    r"(?i)\b(?:partially|partly)\s+(?:uphold|upheld)|\bupheld?\s+in\s+part\b|\buphold\s+(?:part|some)\s+of\b|"
    r"\b(?:partially|partly)\s+(?:overturn\w*|varied|vary)|\bvar(?:y|ied)\s+the\s+(?:original\s+)?(?:decision|response)"
)
_OVERTURN = re.compile(
    r"(?i)\bdifferent\s+decision\s+(?:should\s+be|has\s+been|is\s+to\s+be|will\s+be)\s+substituted|\boverturn\w*|"
    r"\bwrongly\s+(?:engaged|applied|withheld|relied)|\bnot\s+(?:correctly|properly)\s+applied|"
    r"(?<!not\s)\b(?:uphold|upheld)\s+your\s+(?:complaint|appeal)|\bshould\s+(?:now\s+)?(?:be\s+)?(?:released|disclosed)|"
    r"\bdo\s+not\s+uphold\s+the\s+(?:original\s+)?(?:decision|response)|\boriginal\s+(?:decision|response)\s+"
    r"(?:is|was|has\s+been|should\s+be)\s+(?:overturned|reversed|substituted|not\s+upheld)"
)
_UPHELD = re.compile(
    r"(?i)\buph(?:old|eld|olding)\s+the\s+(?:original\s+)?(?:decision|response|exemptions?|refusal)|"
    r"\boriginal\s+(?:decision|response)\s+(?:should\s+be|is|has\s+been|was)\s+(?:confirmed|upheld|maintained)|"
    r"\b(?:correctly|properly|rightly)\s+applied\s+and\s+(?:are|is)\s+upheld|\b(?:decision|exemptions?)(?:\s+to\s+\w+(?:\s+\w+){0,4})?"
    r"\s+(?:is|are|was|were|has\s+been|have\s+been|should\s+be)\s+upheld|\bconfirm(?:ed)?\s+the\s+original\s+(?:decision|response)|\b(?:I|we)\s+do\s+not\s+uphold\s+your\s+(?:complaint|appeal)|"
    r"\b(?:I|we)\s+(?:am|are)\s+satisfied\s+that\s+the\s+(?:original\s+)?(?:decision|response|exemptions?)\s+(?:was|were|is|are)\s+"
    r"(?:correct|correctly|properly|rightly|appropriate)"
)
_COND = re.compile(r"(?i)\b(?:if|whether|should\s+you|unless)\b[^.]{0,80}$")
_REF = r"(?P<ref>[A-Z]{0,8}[ \-/]?\d[\w/\-.]{2,}\d|\d{3,})"
_ORIG_REF = re.compile(
    rf"(?i)\b(?:review\s+of(?:\s+(?:your|our|FOI|FOISA|EIR|the))*(?:\s+(?:request|response|ref(?:erence)?|handling(?:\s+of)?))*"
    rf"|original\s+(?:FOI\s+|information\s+)?request(?:\s+ref(?:erence)?)?|(?:complaint|appeal)\s+in\s+respect\s+of|"
    rf"handling\s+of\s+(?:FOI\s+)?ref(?:erence)?|your\s+(?:FOI\s+|information\s+|original\s+)?request\s*(?:ref(?:erence)?)?|"
    rf"\(our\s+ref(?:erence)?)[\s:.(]{{0,4}}(?-i:{_REF})"
)
_ORIG_REQUEST_DATE = re.compile(
    r"(?i)(?<!response\sto\s)(?<!reply\sto\s)\byour\s+(?:original\s+)?(?:FOI\s+|FOISA\s+|EIR\s+|information\s+)?request\s*(?:\([^)]{1,30}\)\s*)?"
    r"(?:(?:which\s+was\s+)?(?:dated|from|of|made\s+on|received\s+on|sent\s+on|on))\b|"
    r"\boriginal\s+request\s+(?:was\s+)?(?:dated|made\s+on|received\s+on|of|on)\b|\byou\s+submitted\s+(?:your|the\s+following)\s+request\s+on\b"
)
_ORIG_RESPONSE_DATE = re.compile(
    r"(?i)\b(?:we|I)\s+responded(?:\s+to\s+your\s+request)?\s+on\b|\byou\s+received\s+a\s+response(?:\s+to\s+your\s+request)?\s+on\b|"
    r"\b(?:our|the)\s+(?:original\s+)?(?:response|reply|decision)\s+(?:was\s+)?(?:dated|of|issued\s+on|sent\s+on|on)\b|"
    r"\boriginal\s+decision\s*[=:\-]"
)
_REVIEW_REQUESTED = re.compile(
    r"(?i)\byour\s+(?:e-?mail|letter|request|correspondence)\s+(?:of|dated|on|which\s+we\s+received\s+on|received\s+on)?"
    r"(?=[^.]{0,20}\d)[^.\d]{0,3}|\byour\s+(?:request|application)\s+for\s+(?:an?\s+)?(?:internal\s+)?review\s+"
    r"(?:dated|of|on|received\s+on|which\s+we\s+received\s+on)\b|\brequest(?:ed)?\s+(?:an?\s+)?(?:internal\s+)?review\s+on\b"
)


def _first_date(rx: re.Pattern, text: str, in_request, letter: dt.date | None, near_review: bool = False) -> str | None:
    for m in rx.finditer(text):
        if in_request(m.start()):
            continue
        if near_review and "review" not in text[max(0, m.start() - 120):m.end() + 120].lower():
            continue
        h = date_at(text, m.end(), span=6)
        if not h:
            continue
        d = h.date(letter.year if letter else None)
        if d and letter and h.year is None and d > letter:
            d = h.date(letter.year - 1)
        if d:
            return d.isoformat()
    return None


def review_outcome(text: str, in_request, letter: str | None, relied: int) -> ReviewOutcome:
    low = lower(text)
    result = None
    words = ("uphold", "upheld", "substitut", "overturn", "wrongly", "varied", "vary", "released", "disclosed",
             "satisfied", "confirm", "correctly", "properly")
    wins = windows(low, words, 120, 80)
    found = {}
    for name, rx in (("partly-upheld", _PARTLY), ("overturned", _OVERTURN), ("upheld", _UPHELD)):
        for m in finditer(rx, text, wins):
            if in_request(m.start()):
                continue
            line_s = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            if _COND.search(text[line_s:m.start()]):
                continue
            found[name] = m.start()
            break
    if "partly-upheld" in found:
        result = "partly-upheld"
    elif "overturned" in found and "upheld" in found:
        result = "partly-upheld"
    elif "overturned" in found:
        result = "partly-upheld" if relied else "overturned"
    elif "upheld" in found:
        result = "upheld"
    letter_d = dt.date.fromisoformat(letter) if letter else None
    orig_ref = None
    for m in _ORIG_REF.finditer(text):
        if in_request(m.start()):
            continue
        ref = m.group("ref").strip().rstrip(".,;:)")
        if re.fullmatch(r"(?:19|20)\d\d", ref) or not re.search(r"\d{2,}", ref):
            continue
        orig_ref = ref
        break
    return ReviewOutcome(
        result=result,
        date=letter,
        original_reference=orig_ref,
        original_request_date=_first_date(_ORIG_REQUEST_DATE, text, in_request, letter_d),
        original_response_date=_first_date(_ORIG_RESPONSE_DATE, text, in_request, letter_d),
        review_requested=_first_date(_REVIEW_REQUESTED, text, in_request, letter_d, near_review=True),
    )
