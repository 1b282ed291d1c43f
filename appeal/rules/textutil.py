"""Small text helpers the rules share, in one place: a lower-casing that keeps every offset, and
list wording. (Sentence finding lives in appeal.rules.sentences.)"""

from __future__ import annotations

import re
from bisect import bisect_right


from appeal.text import lower as lower_same_length  # noqa: E402,F401  (one home: appeal.text)


def distinct(words) -> list[str]:
    """Words in order, each once (ignoring case)."""
    out: list[str] = []
    seen: set[str] = set()
    for w in words:
        k = w.lower()
        if k not in seen:
            seen.add(k)
            out.append(w)
    return out


def and_list(items) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def normalise_prose(text: str) -> str:
    """Collapse a template's whitespace: paragraphs (blank-line separated) of single-spaced prose."""
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p)


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[A-Z0-9\"'“‘(])")
_CLAUSE_END = re.compile(r"[;:]\s+|\s[–—-]\s")


def short_quote(text: str, limit: int = 320) -> str:
    """The quoted words for an argument: whitespace collapsed; whole sentences, never cut mid-phrase.

    A quote longer than `limit` keeps its leading whole sentences; a single sentence longer than
    that is cut only at a clause break (a semicolon, colon or dash) with " …", else kept whole."""
    s = " ".join(text.split())
    if len(s) > limit:
        ends = [m.end() for m in _SENTENCE_END.finditer(s) if m.end() <= limit]
        if ends:
            s = s[: ends[-1]].rstrip()
        else:
            clauses = [m.start() for m in _CLAUSE_END.finditer(s) if 40 <= m.start() <= limit]
            if clauses:
                s = s[: clauses[-1]].rstrip(",;: ") + " …"
    return s.rstrip(".:;, ") if not s.endswith("…") else s



def within(spans: list[tuple[int, int]], pos: int) -> bool:
    """Is `pos` inside one of `spans` (sorted by start, not overlapping)? A bisection, not a scan,
    so asking it once per sentence stays linear in the letter's length."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
