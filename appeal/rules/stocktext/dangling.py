"""Dangling references: stock phrases ("the numerical data presented", "these techniques") whose
antecedent is absent from the request and the letter."""

from __future__ import annotations

import re
from bisect import bisect_left

from appeal.rules.stocktext.library import library
from appeal.rules.stocktext.match import _merge, _phrase, _prepared, _search
from appeal.rules.stocktext.normalise import fold, normalise
from appeal.rules.stocktext.records import Dangling, StockMatch
from appeal.rules.stocktext.sentences import sentence_span
from appeal.rules.textutil import lower_same_length

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A whitespace-delimited token with both a digit and a letter or one of _ / \ #: a reference or a
# code, not a figure. Tried once per token start, each lookahead stopping at the first character it
# needs (never nested \S* around the classes, which is cubic on a long run of slashes or underscores).
_CODE_TOKEN = re.compile(r"(?<!\S)(?=[^\s\d]*\d)(?=[^\sA-Za-z_/\\#]*[A-Za-z_/\\#])\S+")
_DIGIT = re.compile(r"\d")

_NOT_FIGURES = [
    re.compile(r"https?://\S+|www\.\S+|(?<!\S)[^\s@]+@\S+"),  # an address starts a token: tried once per token
    re.compile(r"^[ \t]*\(?\d{1,2}[a-z]?[.)](?=\s)", re.M),  # list markers
    re.compile(r"\+?\b0\d{2,4}[ -]?\d{3,4}[ -]?\d{0,4}\b"),  # phone numbers
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?:,?\s+\d{{2,4}})?", re.I),
    re.compile(rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?", re.I),
    re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"),  # 05.08.15, 25/09/2019
    re.compile(r"\b(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?\b"),  # years, 2013/14
    re.compile(
        r"\b(?:sections?|ss?|regs?|regulations?|articles?|schedules?|parts?|paras?|paragraphs?"
        r"|chapters?|questions?|q|requests?|items?|points?|numbers?|no|annex|appendix|page|pages"
        r"|step|stage|level|tier|option)\.?\s*\d+[a-z]?(?:\s*\(\s*\w+\s*\))*"
        r"(?:\s*(?:,|and|&|or|to|-)\s*\d+[a-z]?(?:\s*\(\s*\w+\s*\))*)*",
        re.I,
    ),
    re.compile(r"\b\d+[a-z]?(?:\s*\(\s*\w+\s*\))+"),  # 23(5), 1(1)(a)
    _CODE_TOKEN,  # FOI2018/01393, MK43, 5619_14 (a token holding a digit and a letter, _, /, \ or #)
    re.compile(r"\b\d{1,2}:\d{2}\b"),  # times
    # durations in procedural text ("within 40 working days", "six weeks"): not data presented
    re.compile(r"\b\d+\s+(?:working\s+|calendar\s+|business\s+)?(?:days?|weeks?|months?)\b", re.I),
]
_ATTACHMENT = re.compile(r"\battach|\bannex|\benclos|\bspreadsheet|\bappendix|\btable (?:below|above|attached)|\bsee (?:the )?table")


def _blank(m) -> str:
    return " " * (m.end() - m.start())


def _mask(seg: str) -> str:
    """Every non-figure number blanked (same length, so offsets hold), pattern after pattern: a
    later pattern sees what an earlier one left ("FOI 000452/24": the phone pattern takes 000452,
    then "/24" is a code token)."""
    for rx in _NOT_FIGURES:
        seg = rx.sub(_blank, seg)
    return seg


def has_figures(response: str) -> bool:
    """Does the response itself give figures (numbers that are not dates, section numbers,
    references, list markers, phone numbers or addresses)?"""
    return next(_figures(response), None) is not None


def _figure_positions(text: str) -> list[int]:
    """Offsets of the digits in `text` that are figures (every other number masked), in order."""
    return list(_figures(text))


_DIGITS = re.compile(r"\d+")
_REACH = 60  # the furthest a masking pattern reaches from the number it masks ("section ", a month)
_WINDOW_CAP = 4000  # merged windows are masked in pieces of about this size (early exit, bounded work)


def _figures(text: str):
    """Each run of digits is judged in a window around it (its whitespace token plus ~60 characters
    either side, within its line); overlapping windows are merged and masked once, so the cost is
    at most one masking pass over the letter, and about one scan for digits in ordinary prose."""
    n = len(text)
    cur_a = cur_b = -1
    for m in _DIGITS.finditer(text):
        i, j = m.span()
        if i < cur_b and cur_b - cur_a < _WINDOW_CAP:  # inside the current window: extend it
            line_b = text.find("\n", j, j + _REACH)
            cur_b = max(cur_b, min(n, j + _REACH) if line_b < 0 else line_b, j)
            continue
        if i < cur_b:
            a = cur_b  # the window is full: the next piece starts where it ends
        else:
            line_a = text.rfind("\n", max(0, i - _REACH), i) + 1
            a = max(line_a, i - _REACH, 0)
            k = a
            while k > 0 and k > a - 300 and not text[k - 1].isspace():
                k -= 1  # widen to whole tokens, so an address or a code is seen whole
            a = max(k, cur_b)
        line_b = text.find("\n", j, j + _REACH)
        b = min(n, j + _REACH) if line_b < 0 else line_b
        k = b
        while k < n and k < b + 300 and not text[k].isspace():
            k += 1
        b = k
        if cur_b > 0 and a <= cur_b and cur_b - cur_a < _WINDOW_CAP:
            cur_b = max(cur_b, b)
            continue
        if cur_b > 0:
            seg = _mask(text[cur_a:cur_b])
            for d in _DIGIT.finditer(seg):
                yield cur_a + d.start()
        cur_a, cur_b = a, b
    if cur_b > 0:
        seg = _mask(text[cur_a:cur_b])
        for d in _DIGIT.finditer(seg):
            yield cur_a + d.start()


def _request_region(text: str, low: str, request_text: str | None) -> tuple[int, int] | None:
    """Where the quoted request sits in the letter (so its words are not taken as stock)."""
    if not request_text:
        return None
    words = request_text.lower().split()
    if len(" ".join(words)) < 15:
        return None
    i = low.find(request_text.lower().strip())
    if i != -1:
        return i, i + len(request_text.strip())
    # same words, different whitespace
    rx = re.compile(r"\s+".join(re.escape(w) for w in words[:400]))
    m = rx.search(low)
    return m.span() if m else None


class _Letter:
    """What the antecedent checks need to know about one letter, worked out once (not per match)."""

    def __init__(self, text: str, low: str, region, req_norm, response_text):
        self.text, self.low, self.region, self.req_norm = text, low, region, req_norm
        self.response_text = response_text
        self._figures: list[int] | None = None
        self._attach: list[tuple[int, int]] | None = None
        self._norm = None
        self._letter_hits: dict = {}

    def _response(self) -> str:
        """The reply without the quoted request, same length as the letter."""
        if self.response_text is not None and len(self.response_text) == len(self.text):
            return self.response_text
        if self.region:
            a, b = self.region
            return self.text[:a] + re.sub(r"[^\n]", " ", self.text[a:b]) + self.text[b:]
        return self.text

    def figures_outside(self, ss: int, se: int) -> bool:
        if self.response_text is not None and len(self.response_text) != len(self.text):
            # a reply given separately: judge it whole, less the referring sentence
            response = self.response_text.replace(self.text[ss:se], " ")
            return has_figures(response) or bool(_ATTACHMENT.search(response.lower()))
        if self._figures is None:
            resp = self._response()
            self._figures = _figure_positions(resp)
            self._attach = [m.span() for m in _ATTACHMENT.finditer(lower_same_length(resp))]
        lo = bisect_left(self._figures, ss)
        hi = bisect_left(self._figures, se)
        if hi - lo < len(self._figures):
            return True
        return any(e <= ss or s >= se for s, e in self._attach)

    def letter_match_outside(self, ref: Dangling, ss: int, se: int) -> bool:
        hits = self._letter_hits.get(ref.id)
        if hits is None:
            if self._norm is None:
                self._norm = normalise(self.text)
            n = self._norm
            hits = self._letter_hits[ref.id] = [n.span(*m.span()) for m in ref.letter_re.finditer(n.text)]
        return any(e <= ss or s >= se for s, e in hits)


def find_dangling(
    text: str,
    request_text: str | None = None,
    response_text: str | None = None,
    *,
    _dangling: tuple[Dangling, ...] | None = None,
) -> list[StockMatch]:
    """Stock references whose antecedent is absent. `request_text` is the request as quoted
    (None when unknown: request-based checks then fall back to the rest of the letter, or stay
    silent); `response_text` is the authority's own reply (default: the letter less the request)."""
    if not text:
        return []
    refs = _dangling if _dangling is not None else library()[1]
    low, tokens = _prepared(text)
    region = _request_region(text, low, request_text)
    req_norm = " ".join(fold(request_text.lower()).split()) if request_text else None
    letter = _Letter(text, low, region, req_norm, response_text)
    out: list[StockMatch] = []
    for ref in refs:
        found = []
        for rx in ref.regexes:
            for s, e in _search(rx, low, tokens):
                if region and s < region[1] and e > region[0]:
                    continue  # the requester's own words
                found.append((s, e))
        if not found:
            continue
        in_request = req_norm is not None and ref.request_re is not None and bool(ref.request_re.search(req_norm))
        for s, e in _merge(found):
            ss, se = sentence_span(text, s, e)
            if _antecedent_present(ref, letter, ss, se, in_request):
                continue
            out.append(
                StockMatch(ref.id, s, e, _phrase(text, s, e), ref.reasoning, text[s:e], kind="dangling", hint=ref.hint)
            )
    out.sort(key=lambda m: (m.start, m.end, m.family))
    return out


def _antecedent_present(ref: Dangling, letter: _Letter, ss: int, se: int, in_request: bool) -> bool:
    """Is what the reference points at there, outside the referring sentence [ss, se)?"""
    if ref.antecedent == "figures":
        return letter.figures_outside(ss, se)
    judged = False
    if letter.req_norm is not None and ref.request_re is not None:
        judged = True
        if in_request:
            return True
    if ref.letter_re is not None:
        judged = True
        if letter.letter_match_outside(ref, ss, se):
            return True
    # nothing to judge by (no request text and no letter-wide fallback): stay silent
    return not judged
