"""Case-insensitive patterns that run on the lower-cased letter (same offsets, much faster).

    ci(pattern, word_start=False) -> re.Pattern    # see Context.search / finditer / sentences_matching
"""

from __future__ import annotations

import re

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
    alternatives = _alternatives(pattern)
    if all(a.startswith("\\b") for a in alternatives):
        word_start = True  # the same meaning, and the scan can skip to candidate characters
    if word_start:
        pattern = "|".join(a[2:] if a.startswith("\\b") else a for a in alternatives)
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
    rx = re.compile("".join(out), flags & ~re.IGNORECASE)
    _LOWER.add(rx)
    if word_start:
        _WORD_START.add(rx)
    return rx


def _alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level | (not inside groups or character classes)."""
    parts, depth, in_class, escaped, start = [], 0, False, False, 0
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _starts_word(hay: str, pos: int) -> bool:
    return pos == 0 or not (hay[pos - 1].isalnum() or hay[pos - 1] == "_")



# ---- literal prefixes: find candidates with str.find, run the pattern only there ------------
#
# Python's regex engine tries a pattern at every position of the text unless the pattern starts
# with one literal string; an alternation of words ("prejudic\w*|undermin\w*|...") is tried at
# most positions of a letter. Every match of such a pattern starts with one of a few literal
# strings, though, and str.find locates those in microseconds. `literal_prefixes(rx)` works
# them out from the pattern's text (conservatively: None when it cannot be sure), and
# Context.search / finditer then call rx.match only where one occurs. rx.match at a position
# gives exactly the match rx.search would find starting there (lookbehinds, \b and ^ see the
# whole text either way), so the results are the same, found sooner.

_PREFIXES: dict = {}
_MIN_PREFIX = 3  # shorter prefixes occur too often to be worth it
_MAX_SET = 160


def literal_prefixes(rx: re.Pattern) -> tuple[str, ...] | None:
    """Literal strings one of which starts every match of rx, or None (no such set known)."""
    try:
        return _PREFIXES[rx]
    except KeyError:
        pass
    out = None
    if not rx.flags & (re.IGNORECASE | re.VERBOSE):
        try:
            found = _alt_set(rx.pattern)
        except _Unknown:
            found = None
        if found:
            strings = sorted({s[:_LONG] for s, _open in found}, key=len)
            if strings and len(strings[0]) >= _MIN_PREFIX:
                kept: list[str] = []
                for s in strings:  # "harm" makes "harmful" redundant
                    if not any(s.startswith(k) for k in kept):
                        kept.append(s)
                out = tuple(kept)
    _PREFIXES[rx] = out
    return out


class _Unknown(Exception):
    """The pattern uses syntax the prefix reader does not know: no prefixes."""


_LITERAL_ESCAPES = frozenset(".^$*+?{}[]()|\\/-'\"#&~ ,:;!@%=<>`_")
_ZERO_ESCAPES = frozenset("bBAZ")


def _alt_set(pattern: str) -> set | None:
    """{(prefix, open)} for a pattern (its top-level alternatives); None if some alternative
    can start with any character. open: the prefix is the whole of what the alternative matched."""
    out: set = set()
    for alt in _alternatives(pattern):
        got = _seq(alt)
        if got is None:
            return None
        out |= got
        if len(out) > _MAX_SET:
            out = _shrink(out)
    return out


def _close(end: int, p: str, i: int) -> int:
    """Index after the bracket closing the group or class opened at p[i]."""
    if p[i] == "[":
        j = i + 1
        if j < end and p[j] == "^":
            j += 1
        if j < end and p[j] == "]":
            j += 1
        while j < end:
            if p[j] == "\\":
                j += 2
                continue
            if p[j] == "]":
                return j + 1
            j += 1
        raise _Unknown
    depth, j = 0, i
    while j < end:
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _close(end, p, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise _Unknown


_RUN = re.compile(r"[^\\\[\](){}.^$*+?|]+")
_LONG = 8  # prefixes this long are selective enough: stop extending them


def _seq(a: str) -> set:
    """{(prefix, open)} for one alternative (no top-level |)."""
    results = {("", True)}
    growing = True
    n, i = len(a), 0
    while i < n and growing:
        m = _RUN.match(a, i)
        if m is not None:
            run = m.group(0)
            j = m.end()
            if j < n and a[j] in "*+?{" and len(run) > 1:
                run, j = run[:-1], j - 1  # the last character is quantified: read it below
                atom = {(run, True)}
                quantified = False
                zero = False
            elif j < n and a[j] in "*+?{":
                atom, zero, j = {(run, True)}, False, i + 1
                quantified = None  # read below
            else:
                atom, zero, quantified = {(run, True)}, False, False
        else:
            quantified = None
            c = a[i]
            zero = False
            atom = None  # {(string, open)}; None: any character
            if c == "\\":
                if i + 1 >= n:
                    raise _Unknown
                e = a[i + 1]
                j = i + 2
                if e in _ZERO_ESCAPES:
                    zero = True
                elif e in _LITERAL_ESCAPES:
                    atom = {(e, True)}
                elif e.isalnum():
                    atom = None  # \s \d \w, \n, \x41, back-references: not read
                else:
                    raise _Unknown
            elif c == "[":
                j = _close(n, a, i)
            elif c == "(":
                j = _close(n, a, i)
                inner = a[i + 1 : j - 1]
                if inner.startswith(("?=", "?!", "?<=", "?<!")):
                    zero = True
                elif inner.startswith("?:"):
                    atom = _alt_set(inner[2:])
                elif inner.startswith("?P<"):
                    atom = _alt_set(inner[inner.index(">") + 1 :])
                elif inner.startswith("?"):
                    raise _Unknown  # inline flags, conditionals, named back-references
                else:
                    atom = _alt_set(inner)
            elif c in "^$":
                zero, j = True, i + 1
            elif c == ".":
                j = i + 1
            else:
                raise _Unknown  # a quantifier with nothing before it, a stray bracket
        least = 1
        if quantified is None:
            quantified = j < n and a[j] in "*+?{"
            if quantified:
                q = a[j]
                if q == "{":
                    k = a.find("}", j)
                    body = a[j + 1 : k] if k > 0 else ""
                    lo = body.split(",", 1)[0]
                    if k < 0 or not (lo.isdigit() or (lo == "" and "," in body)):
                        raise _Unknown  # a literal "{" is not read
                    least = int(lo or 0)
                else:
                    least = 0 if q in "*?" else 1
        if zero:
            if quantified:
                raise _Unknown
            i = j
            continue
        if atom is None or (quantified and least == 0):
            return {(s, False) for s, _o in results}
        new = set()
        growing = False
        for s, o in results:
            if not o:
                new.add((s, False))
                continue
            for t, to in atom:
                u = s + t
                keep = to and not quantified and len(u) < _LONG
                growing = growing or keep
                new.add((u, keep))
        results = new if len(new) <= _MAX_SET else _shrink(new)
        if quantified:
            return {(s, False) for s, _o in results}
        i = j
    return results


def _shrink(found: set) -> set:
    """Fewer, shorter prefixes (a prefix of a valid prefix is valid)."""
    for k in (8, 6, 4, 3):
        out = {(s[:k], o and len(s) <= k) for s, o in found}
        if len(out) <= _MAX_SET:
            return out
    raise _Unknown
