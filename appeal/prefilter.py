"""Search a regular expression only where a match can start: at its literal prefixes.

Python's regex engine tries a pattern at every position of the text unless the pattern starts
with one literal string; an alternation of words ("prejudic\\w*|undermin\\w*|...") or a
case-insensitive pattern is tried at most positions of a letter. Every match of such a pattern
starts with one of a few literal strings, though, and str.find locates those quickly.

    literal_prefixes(rx) -> tuple[str, ...] | None   # one of these starts every match
    candidates(rx, text) -> sorted positions | None  # where they occur (None: search as usual)
    finditer(rx, text, pos, endpos) / search(...)    # exactly rx.finditer / rx.search

The prefixes are read from the pattern's text, conservatively: None whenever the reader is not
sure (a character class or \\w first, an inline flag it does not know, VERBOSE). rx.match at a
position gives exactly the match rx.search finds starting there (lookbehinds, \\b and ^ see the
whole text either way), and finditer's rule (the next match is looked for from the end of the
last) is kept, so the results are the same as the plain calls, found sooner.

Case-insensitive patterns: their prefixes are lower-cased and looked for in the lower-cased text.
That is exact when the text holds none of the four characters that match an ASCII letter under
IGNORECASE without lower-casing to it (U+017F long s, U+212A Kelvin sign, U+0130 and U+0131
dotted and dotless i); a text with one is searched as usual.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

_PREFIXES: dict = {}
_MIN_PREFIX = 3  # shorter prefixes occur too often to be worth it
_MAX_SET = 160
_COMMON = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t\n\r.,;:'\"-()/")
_SCAN_MIN = 256  # shorter texts are searched as usual (the regex engine is quick there)
_SCAN_MIN_CI = 64  # ... but slow on case-insensitive patterns
_FOLD_TRAPS = ("\u017f", "\u212a", "\u0130", "\u0131")
# A prefix that starts with LINE_START: the match starts at the start of the line the rest of the
# prefix is on, with only spaces and tabs before it ("^[ \t]*request" under MULTILINE).
LINE_START = "\x00"
_BLANKS = "[ \\t]*"
_GLOBAL_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")
_SCOPED_FLAGS = re.compile(r"\?[amsu]*(?:-[ms]+)?:")


def literal_prefixes(rx: re.Pattern) -> tuple[str, ...] | None:
    """Literal strings one of which starts every match of rx (lower case for an IGNORECASE
    pattern), or None (no such set known)."""
    try:
        return _PREFIXES[rx]
    except KeyError:
        pass
    key = (rx.pattern, rx.flags)
    shipped = _shipped()
    if key in shipped:
        out = _PREFIXES[rx] = shipped[key]
        return out
    out = _compute(rx)
    _PREFIXES[rx] = out
    return out


def _compute(rx: re.Pattern) -> tuple[str, ...] | None:
    out = None
    if not rx.flags & re.VERBOSE:
        pattern = rx.pattern
        if isinstance(pattern, str):
            g = _GLOBAL_FLAGS.match(pattern)
            if g:  # already in rx.flags
                pattern = pattern[g.end():]
            try:
                found = _alt_set(pattern)
            except _Unknown:
                found = None
        else:
            found = None
        if found:
            strings = sorted({s[:_LONG] for s, _open in found}, key=len)
            if rx.flags & re.IGNORECASE:
                strings = sorted({s.lower() for s in strings}, key=len) if all(map(_foldable, strings)) else []
            if strings and all(_selective(x) for x in strings):
                kept: list[str] = []
                seen: set[str] = set()
                for s in strings:  # shortest first: "harm" makes "harmful" redundant
                    if not any(s[:i] in seen for i in range(1, len(s) + 1)):
                        kept.append(s)
                        seen.add(s)
                out = tuple(kept)
    return out


# The prefixes of the patterns the commands use, worked out at release (python -m
# appeal.cli.release, ship_prefixes) so a cold start does not read every pattern again. The file
# names the source of this module it was made with (a CRC of it): from any other source, e.g.
# after an edit here without a release, it is not read and every prefix is worked out as above.
SHIPPED_NAME = "prefixes-v1.marshal"
_SHIPPED: dict | None = None


def _source_crc() -> int | None:
    import zlib

    try:
        with open(__file__, "rb") as fh:
            return zlib.crc32(fh.read())
    except (OSError, TypeError):
        return None


def _shipped_path() -> str:
    import os

    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "cache", SHIPPED_NAME)


def _shipped() -> dict:
    """{(pattern, flags): prefixes} shipped for this very source, else {} (best effort)."""
    global _SHIPPED
    if _SHIPPED is None:
        _SHIPPED = {}
        try:
            import marshal

            with open(_shipped_path(), "rb") as fh:
                data = marshal.loads(fh.read())
            crc = _source_crc()
            if isinstance(data, dict) and crc is not None and data.get("source") == crc:
                table = data.get("prefixes")
                if isinstance(table, dict):
                    _SHIPPED = table
        except (OSError, ValueError, EOFError, TypeError):
            pass
    return _SHIPPED


def ship(path: str | None = None) -> str:
    """Write the prefixes worked out in this process (release step); the path written."""
    import marshal

    table = {}
    for rx, out in list(_PREFIXES.items()):
        if isinstance(rx.pattern, str):
            table[(rx.pattern, rx.flags)] = _compute(rx)  # afresh, never a stale copy
    target = path or _shipped_path()
    with open(target, "wb") as fh:
        fh.write(marshal.dumps({"source": _source_crc(), "prefixes": table}))
    return target


def _foldable(prefix: str) -> bool:
    """ASCII, or signs with no case ("£"): lower-casing finds them as IGNORECASE matches them."""
    return prefix.isascii() or all(c.isascii() or (c.lower() == c == c.upper() == c.casefold()) for c in prefix)


def _selective(prefix: str) -> bool:
    """Rare enough to look for: three characters or more, or a sign seldom in prose ("£", "[")."""
    body = prefix.lstrip(LINE_START)
    return len(body) >= _MIN_PREFIX or (body != "" and body[0] not in _COMMON)


def candidates(rx: re.Pattern, text: str, positions=None, *, low: str | None = None) -> list[int] | None:
    """Sorted positions in text where a match of rx can start; None: search it as usual.
    positions(hay, needle) -> every position of needle in hay (default: appeal.text.find_all,
    which keeps whole-text answers for the letter being read); low: text lower-cased with the
    same length (appeal.text.lower), if the caller has it."""
    prefixes = literal_prefixes(rx)
    if prefixes is None:
        return None
    hay = text
    if rx.flags & re.IGNORECASE:
        if not text.isascii() and any(c in text for c in _FOLD_TRAPS):
            return None
        if low is None:
            from appeal.text import lower

            low = lower(text)
        hay = low
    if positions is None:
        if len(hay) >= 4096:  # a letter: its whole-text answers are kept (appeal.text.find_all)
            from appeal.text import find_all as positions
        else:
            positions = _positions
    out: list[int] = []
    at_lines = False
    for pre in prefixes:
        if pre[0] == LINE_START:
            at_lines = True
            for q in positions(hay, pre[1:]):
                p = q
                while p and hay[p - 1] in " \t":
                    p -= 1
                if not p or hay[p - 1] == "\n":  # (a superset when ^ is not MULTILINE: harmless)
                    out.append(p)
        else:
            out.extend(positions(hay, pre))
    return sorted(set(out)) if at_lines else sorted(out)


def _positions(hay: str, needle: str) -> list[int]:
    out = []
    find = hay.find
    i = find(needle)
    while i != -1:
        out.append(i)
        i = find(needle, i + 1)
    return out


def finditer(rx: re.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    """rx.finditer(text, pos, endpos), trying rx only where a match can start."""
    end = len(text) if endpos is None else min(endpos, len(text))
    scan_min = _SCAN_MIN_CI if rx.flags & re.IGNORECASE else _SCAN_MIN
    cands = candidates(rx, text) if end - pos >= scan_min else None
    if cands is None:
        return rx.finditer(text, pos, end)
    return matches_at(rx, text, cands, pos, end)


def search(rx: re.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    """rx.search(text, pos, endpos), trying rx only where a match can start."""
    for m in finditer(rx, text, pos, endpos):
        return m
    return None


def matches_at(rx: re.Pattern, hay: str, cands: list[int], start: int, end: int):
    """What rx.finditer(hay, start, end) yields, trying rx.match only at the candidate positions:
    after a match the next is looked for from its end, as finditer does (matches here are never
    empty: each starts with a literal prefix)."""
    pos = start
    for k in range(bisect_left(cands, start), len(cands)):
        p = cands[k]
        if p >= end:
            return
        if p < pos:
            continue
        m = rx.match(hay, p, end)
        if m is not None:
            pos = m.end()
            yield m


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


class _Unknown(Exception):
    """The pattern uses syntax the prefix reader does not know: no prefixes."""


_LITERAL_ESCAPES = frozenset(".^$*+?{}[]()|\\/-'\"#&~ ,:;!@%=<>`_")
_ZERO_ESCAPES = frozenset("bBAZ")


@lru_cache(maxsize=4096)
def _alt_set(pattern: str) -> frozenset:
    """_read_alts, kept: the same group is met again and again as the reader branches."""
    return frozenset(_read_alts(pattern))


def _read_alts(pattern: str) -> set:
    """{(prefix, open)} for a pattern (its top-level alternatives); None if some alternative
    can start with any character. open: the prefix is the whole of what the alternative matched."""
    out: set = set()
    for alt in _alternatives(pattern):
        out |= _seq(alt)
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


@lru_cache(maxsize=4096)
def _seq(a: str) -> frozenset:
    return frozenset(_read_seq(a))


def _read_seq(a: str) -> set:
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
                elif _SCOPED_FLAGS.match(inner):  # (?m:...), (?s:...): same letters matched
                    atom = _alt_set(inner[_SCOPED_FLAGS.match(inner).end():])
                elif inner.startswith("?"):
                    raise _Unknown  # (?i:...), conditionals, named back-references
                else:
                    atom = _alt_set(inner)
            elif c == "^" and a.startswith(_BLANKS, i + 1) and results == {("", True)}:
                # "^[ \t]*word" at the start: the match starts where the word's line does
                results = {(LINE_START, True)}
                i += 1 + len(_BLANKS)
                continue
            elif c in "^$":
                zero, j = True, i + 1
            elif c == ".":
                j = i + 1
            else:
                raise _Unknown  # a quantifier with nothing before it, a stray bracket
        least = 1
        after = j  # where the pattern goes on after the atom and its quantifier
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
                    after = k + 1
                else:
                    least = 0 if q in "*?" else 1
                    after = j + 1
                if after < n and a[after] in "?+":  # lazy or possessive
                    after += 1
        if zero:
            if quantified:
                raise _Unknown
            i = j
            continue
        if atom is None:
            return {(s, False) for s, _o in results}
        if quantified and least == 0:
            # optional: a match either starts with the atom here or goes straight on
            rest = _seq(a[after:])
            once = a[j] == "?"  # at most one copy ("?" or "??"), not "*" or "{0,n}"
            new = set()
            for s, o in results:
                if not o:
                    new.add((s, False))
                    continue
                for t, to in atom:
                    if to and once:  # "(a )?list": "a list" as well as "list"
                        for r, ro in rest:
                            new.add((s + t + r, ro))
                    else:  # a repeatable atom: what follows it is not known
                        new.add((s + t, False))
                for t, to in rest:
                    new.add((s + t, to))
            return new if len(new) <= _MAX_SET else _shrink(new)
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
