"""Case-insensitive patterns that run on the lower-cased letter (same offsets, much faster).

    ci(pattern, word_start=False) -> re.Pattern    # see Context.search / finditer / sentences_matching
"""

from __future__ import annotations

import re

from appeal.prefilter import _alternatives, literal_prefixes  # noqa: F401  (literal_prefixes: for the rules)

_F = re.IGNORECASE
_LOWER: set = set()


_WORD_START: set = set()


def ci(pattern: str, flags: int = 0, *, word_start: bool = False) -> re.Pattern:
    """A case-insensitive pattern, compiled to run (much faster) on the lower-cased letter.

    Use it through Context.search/finditer/sentences_matching, which pick the lower-cased text
    for these patterns; spans are the same, because the lower-cased copy keeps every offset.
    word_start=True: every match must begin a word (as a leading \\b would require). Write such
    patterns with a literal first character in every alternative and no leading \\b: Python's
    regex engine then skips ahead to candidate characters instead of trying every position.
    """
    # (the first alternative starts the pattern: unless it starts with \b, not all of them do)
    alternatives = _alternatives(pattern) if word_start or pattern.startswith("\\b") else ()
    if alternatives and all(a.startswith("\\b") for a in alternatives):
        word_start = True  # the same meaning, and the scan can skip to candidate characters
    if word_start:
        pattern = "|".join(a[2:] if a.startswith("\\b") else a for a in alternatives)
    if pattern.lower() == pattern:
        lowered = pattern  # no capital anywhere (escapes included): every character lowers to itself
    else:
        out, escaped = [], False
        for ch in pattern:
            if escaped:
                out.append(ch)
                escaped = False
            elif ch == "\\":
                out.append(ch)
                escaped = True
            else:
                out.append(ch.lower())
        lowered = "".join(out)
    rx = re.compile(lowered, flags & ~re.IGNORECASE)
    _LOWER.add(rx)
    if word_start:
        _WORD_START.add(rx)
    return rx


def _starts_word(hay: str, pos: int) -> bool:
    return pos == 0 or not (hay[pos - 1].isalnum() or hay[pos - 1] == "_")


