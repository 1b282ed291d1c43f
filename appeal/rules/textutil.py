"""Small text helpers the rules share, in one place: a lower-casing that keeps every offset, and
list wording. (Sentence finding lives in appeal.rules.sentences.)"""

from __future__ import annotations


def lower_same_length(text: str) -> str:
    """text.lower(), except characters that lower-case to two (İ) are kept, so offsets still match."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


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
