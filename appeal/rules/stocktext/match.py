"""find_stock: every known stock paragraph in a letter. Each pattern runs only in windows around its
anchor word, found once per letter, so the work is linear in the letter's length."""

from __future__ import annotations

from functools import lru_cache

from appeal.rules.stocktext.library import library
from appeal.rules.stocktext.normalise import fold
from appeal.rules.stocktext.records import Family, StockMatch
from appeal.rules.stocktext.anchors import _Rx
from appeal.rules.textutil import lower_same_length

_TOKEN_TABLE = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))
_WINDOW = 400  # a match never reaches further than this from its anchor word


def _tokens(low: str) -> frozenset[bytes]:
    return frozenset(low.encode("ascii", "replace").translate(_TOKEN_TABLE).split())


def _search(rx: _Rx, low: str, tokens: frozenset[bytes]) -> list[tuple[int, int]]:
    if rx.anchors is None:
        spans = [m.span() for m in rx.regex.finditer(low)]
    else:
        present = [a for a in rx.anchors if a.encode() in tokens]
        if not present:
            return []
        windows: list[list[int]] = []
        for a in present:
            i = low.find(a)
            while i != -1:
                windows.append([max(0, i - _WINDOW), i + len(a) + _WINDOW])
                i = low.find(a, i + 1)
        windows.sort()
        merged: list[list[int]] = []
        for w in windows:
            if merged and w[0] <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], w[1])
            else:
                merged.append(w)
        seen: set[tuple[int, int]] = set()
        spans = []
        for lo, hi in merged:
            for m in rx.regex.finditer(low, lo, min(hi, len(low))):
                if m.span() not in seen:
                    seen.add(m.span())
                    spans.append(m.span())
    if rx.word_start:
        spans = [(s, e) for s, e in spans if s == 0 or not low[s - 1].isalnum()]
    return spans


from appeal.text import merge_spans as _merge  # noqa: E402  (merge overlapping matches of one family)


def _phrase(text: str, s: int, e: int) -> str:
    return " ".join(fold(text[s:e].lower()).split())


@lru_cache(maxsize=16)
def _prepared(text: str) -> tuple[str, frozenset[bytes]]:
    low = lower_same_length(text)
    return low, _tokens(low)


def find_stock(text: str, *, _families: tuple[Family, ...] | None = None) -> list[StockMatch]:
    """Every known stock paragraph in `text`, in order of position."""
    if not text:
        return []
    if _families is None:
        return list(_find_stock_cached(text))
    return _find_stock(text, _families)


@lru_cache(maxsize=16)
def _find_stock_cached(text: str) -> tuple[StockMatch, ...]:
    # several rules (and `scan`) ask about the same letter; StockMatch is immutable
    return tuple(_find_stock(text, library()[0]))


def _find_stock(text: str, fams: tuple[Family, ...]) -> list[StockMatch]:
    low, tokens = _prepared(text)
    matches: list[StockMatch] = []
    for fam in fams:
        found = [span for rx in fam.regexes for span in _search(rx, low, tokens)]
        if not found:
            continue
        for s, e in _merge(found):
            matches.append(StockMatch(fam.id, s, e, _phrase(text, s, e), fam.reasoning, text[s:e]))
    matches.sort(key=lambda m: (m.start, m.end, m.family))
    return matches

