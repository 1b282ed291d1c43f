"""Text helpers shared by the parser, the rules and the batch: one home for each.

- `lower(text)`: lower case with the same length (so positions carry over);
- `find_all`, `windows`, `windows_at`, `finditer`: find keywords with str.find, then run the
  (slower) regular expressions only in windows around them. Python's regex engine tries a
  pattern at every position of the text; a 10 KB letter and a few dozen case-insensitive
  patterns would cost tens of milliseconds, where keyword windows cost well under one;
- `merge_spans`: overlapping or touching (start, end) spans as one;
- `sentence_start`, `sentence_end`, `sentence_bounds`: the sentence around a position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_last: list = [None, ""]


def lower(text: str) -> str:
    """Lower case with the same length as text (so positions carry over). The last text's
    answer is kept: the parser's stages all ask for the same letter."""
    if _last[0] is text:
        return _last[1]
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two: keep those as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    _last[0], _last[1] = text, low
    return low


lower_same_length = lower


_found: dict[tuple[int, str], list[int]] = {}
_found_src: list = [None, None]


def find_all(low: str, needle: str, start: int = 0, end: int | None = None) -> list[int]:
    """Every position of needle in low[start:end]. Whole-text answers are kept for the
    letter being parsed (the stages ask for the same words more than once)."""
    if start == 0 and end is None:
        if _found_src[0] is not low and _found_src[1] is not low:
            _found.clear()
            _found_src[0], _found_src[1] = _found_src[1], low
        key = (id(low), needle)
        hit = _found.get(key)
        if hit is None:
            hit = _found[key] = _find_all(low, needle, 0, len(low))
        return hit
    return _find_all(low, needle, start, len(low) if end is None else end)


def _find_all(low: str, needle: str, start: int, end: int) -> list[int]:
    out = []
    i = low.find(needle, start, end)
    while i != -1:
        out.append(i)
        i = low.find(needle, i + 1, end)
    return out


def windows(low: str, needles: Iterable[str], before: int, after: int, start: int = 0,
            end: int | None = None, *, align: bool = False) -> list[tuple[int, int]]:
    """Merged [s, e) windows around every occurrence of any needle; with align=True widened
    to whole lines at the edges so that ^ and $ keep their meaning."""
    n = len(low)
    whole = start == 0 and end is None
    end = n if end is None else end
    spans = []
    for nd in needles:
        for i in (find_all(low, nd) if whole else find_all(low, nd, start, end)):
            s = max(start, i - before)
            e = min(end, i + len(nd) + after)
            if align:
                ls = low.rfind("\n", 0, s) + 1
                if s - ls < 200:
                    s = max(start, ls)
                le = low.find("\n", e)
                if le != -1 and le - e < 200:
                    e = min(end, le)
                elif le == -1 and n - e < 200:
                    e = end
            spans.append((s, e))
    if not spans:
        return []
    spans.sort()
    merged = [list(spans[0])]
    for s, e in spans[1:]:
        if s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def windows_at(positions: Iterable[tuple[int, int]], before: int, after: int, n: int) -> list[tuple[int, int]]:
    """Merged windows around given (start, end) anchors."""
    spans = sorted((max(0, a - before), min(n, b + after)) for a, b in positions)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def finditer(rx: re.Pattern, text: str, wins: list[tuple[int, int]]) -> Iterator[re.Match]:
    """rx.finditer over each window; matches come in text order, none twice."""
    last = -1
    for s, e in wins:
        for m in rx.finditer(text, s, e):
            if m.start() > last:
                last = m.start()
                yield m


def search(rx: re.Pattern, text: str, wins: list[tuple[int, int]]) -> re.Match | None:
    for m in finditer(rx, text, wins):
        return m
    return None


def merge_spans(spans) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones merged: [(0, 5), (3, 8), (9, 10)] -> [(0, 8), (9, 10)]."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n[ \t]*\n|:\s*\n")
_SENTENCE_GAP = re.compile(r"[.!?]\s+|\n[ \t]*\n")


def sentence_end(text: str, pos: int) -> int:
    """Where the sentence running at pos ends: after its full stop, a blank line or a colon
    ending its line; the end of the text else."""
    m = _SENTENCE_END.search(text, pos)
    return m.end() if m else len(text)


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding pos starts (looking back at most 600 characters)."""
    best = 0
    for m in _SENTENCE_GAP.finditer(text[max(0, pos - 600):pos]):
        best = max(0, pos - 600) + m.end()
    return best


def sentence_bounds(text: str, a: int, b: int) -> tuple[int, int]:
    """The sentence around text[a:b], by full stops and blank lines (quick, no abbreviations)."""
    s = max(text.rfind(". ", 0, a), text.rfind("\n\n", 0, a), text.rfind(".\n", 0, a))
    s = 0 if s == -1 else s + 1
    ends = [x for x in (text.find(". ", b), text.find(".\n", b), text.find("\n\n", b)) if x != -1]
    return s, (min(ends) + 1 if ends else len(text))
