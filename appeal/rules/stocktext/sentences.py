"""sentence_span: the sentence (or heading line) around a match, for verbatim quoting; looks no
further than ~600 characters either way, so its cost never depends on the letter's length."""

from __future__ import annotations

import re

_ABBREV = {
    "e.g", "i.e", "eg", "ie", "no", "nos", "s", "ss", "para", "paras", "etc", "mr", "mrs", "ms",
    "dr", "reg", "regs", "cf", "v", "vs", "st", "co", "ltd", "sch", "art", "ref", "tel", "approx",
}
_TERM = re.compile(r"[.!?][\"')\]]*(?=\s)")
_SENT_LIMIT = 600


def _is_boundary_after_terminator(text: str, i: int, j: int) -> bool:
    """text[i] is . ! or ?, text[i:j] the terminator with closing quotes; is it a sentence end?"""
    k = j
    n = len(text)
    while k < n and text[k].isspace():
        k += 1
    if k >= n:
        return True
    if text[k].islower():
        return False
    if text[i] == ".":
        w = i
        while w > 0 and (text[w - 1].isalnum() or text[w - 1] == "."):
            w -= 1
        word = text[w:i].lower()
        if word in _ABBREV:
            return False
        if len(word) == 1 and word.isalpha() and text[k].isupper() and w > 0 and text[w - 1] == " ":
            # initials like "J. Smith": keep going
            return False
    return True


def _newline_is_boundary(text: str, nl: int) -> bool:
    """A single newline ends a sentence after a short line (a heading), after a line ending
    in punctuation, before a blank line, or before a bullet; not in hard-wrapped prose."""
    # only the last ~200 characters of the line matter (its length past 60, its last character):
    # never scan back over a long line, which would make the cost grow with the letter
    floor = max(0, nl - 200)
    ls = text.rfind("\n", floor, nl) + 1 or floor
    prev = text[ls:nl].strip()
    rest = text[nl + 1 : nl + 80]
    nxt = rest.lstrip(" \t\r\f\v")
    if not prev or nxt.startswith("\n") or not nxt:
        return True
    if prev[-1] in ".!?:;":
        return True
    if len(prev) < 60:
        return True
    if re.match(r"(?:[-•*·]|\d{1,2}[.)]|\([a-z0-9]{1,3}\))\s", nxt):
        return True
    return False


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or heading line) enclosing text[start:end], trimmed of outer whitespace.
    Never more than ~600 characters either side of the match."""
    n = len(text)
    start = max(0, min(start, n))
    end = max(start, min(end, n))
    # left edge
    lo = max(0, start - _SENT_LIMIT)
    left = None
    i = start - 1
    while i >= lo:
        c = text[i]
        if c == "\n" and _newline_is_boundary(text, i):
            left = i + 1
            break
        if c in ".!?":
            m = _TERM.match(text, i)
            if m and m.end() <= start and _is_boundary_after_terminator(text, i, m.end()):
                left = m.end()
                break
        i -= 1
    if left is None:
        if lo == 0:
            left = 0
        else:
            sp = text.find(" ", lo, start)
            left = sp + 1 if sp != -1 else lo
    # right edge
    hi = min(n, end + _SENT_LIMIT)
    right = None
    i = max(end, start)
    # a terminator inside the match does not end the sentence
    while i < hi:
        c = text[i]
        if c == "\n" and i >= end and _newline_is_boundary(text, i):
            right = i
            break
        if c in ".!?" and i >= end - 1:
            m = _TERM.match(text, i)
            if m and _is_boundary_after_terminator(text, i, m.end()):
                right = m.end()
                break
            if i == n - 1 or (i + 1 < n and text[i + 1] in "\"')]" and i + 2 >= n):
                right = n
                break
        i += 1
    if right is None:
        if hi >= n:
            right = n
        else:
            sp = text.rfind(" ", end, hi)
            right = sp if sp != -1 else hi
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return min(left, start), max(right, end)

