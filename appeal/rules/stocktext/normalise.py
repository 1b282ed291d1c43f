"""Normalised text (lower case, straight quotes, "-" for dashes, one space for any whitespace run)
with a map back to the original offsets, and the rewriting that lets a pattern written for
normalised text match the raw lower-cased letter instead."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from appeal.rules.textutil import lower_same_length

_TRANS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
    }
)
_WS_RUN = re.compile(r"\s{2,}|[^\S ]")


@dataclass(frozen=True)
class Normalised:
    text: str
    _norm_starts: tuple[int, ...]
    _orig_starts: tuple[int, ...]

    def to_orig(self, n: int) -> int:
        i = bisect_right(self._norm_starts, n) - 1
        return self._orig_starts[i] + (n - self._norm_starts[i])

    def span(self, s: int, e: int) -> tuple[int, int]:
        """Original [start, end) for normalised [s, e)."""
        if e <= s:
            o = self.to_orig(s)
            return o, o
        return self.to_orig(s), self.to_orig(e - 1) + 1



_FOLD = tuple((chr(k), v) for k, v in _TRANS.items())


def fold(low: str) -> str:
    """low.translate(_TRANS), faster: a dozen replace() scans instead of a lookup per character
    (every mapping is one character to one, so offsets hold)."""
    if low.isascii():
        return low
    for a, b in _FOLD:
        if a in low:
            low = low.replace(a, b)
    return low


def normalise(text: str) -> Normalised:
    low = fold(lower_same_length(text))
    pieces: list[str] = []
    norm_starts = [0]
    orig_starts = [0]
    pos = npos = 0
    for m in _WS_RUN.finditer(low):
        s, e = m.span()
        pieces.append(low[pos:s])
        npos += s - pos
        pieces.append(" ")
        norm_starts.append(npos)
        orig_starts.append(s)
        npos += 1
        norm_starts.append(npos)
        orig_starts.append(e)
        pos = e
    pieces.append(low[pos:])
    return Normalised("".join(pieces), tuple(norm_starts), tuple(orig_starts))


#
# Fingerprints are written for normalised text. Rather than normalise every letter (slow, and
# spans would need mapping back), each pattern is rewritten to tolerate what normalisation
# removes: a space matches any run of whitespace, a quote any curly quote, a hyphen any dash.
# Matching then runs on `text.lower()`, whose offsets are the original text's.

_DASHES = "\\-\u2010-\u2015\u2212"
_SQ = "'\u2018\u2019\u201a\u201b\u2032`"
_DQ = '"\u201c\u201d\u201e\u2033'
_SEP_REQ = "[ -]+"  # between words of a phrase (normalised form)
_SEP_OPT = "[ -]*"


def tolerant(pattern: str) -> str:
    """Rewrite a pattern written for normalised text so that it matches raw lower-cased text."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    class_start = 0
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "]" and i > class_start:
                in_class = False
                out.append(c)
            elif c == " ":
                out.append(r"\s")
            elif c == "'":
                out.append(_SQ)
            elif c == '"':
                out.append(_DQ)
            elif c == "-" and (i == class_start or (i + 1 < n and pattern[i + 1] == "]")):
                out.append(_DASHES)
            else:
                out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            class_start = i
            continue
        if c == " ":
            nxt = pattern[i + 1] if i + 1 < n else ""
            if nxt and nxt in "?*":
                out.append(r"\s*")
                i += 2
                continue
            if nxt == "+":
                i += 1
            out.append(r"\s+")
        elif c == "'":
            out.append(f"[{_SQ}]")
        elif c == '"':
            out.append(f"[{_DQ}]")
        elif c == "-":
            out.append(f"[{_DASHES}]")
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _phrase_pattern(phrase: str) -> str:
    """A literal phrase as a normalised-form pattern: words separated by spaces or hyphens;
    a space in the phrase needs a separator, a hyphen allows none ("un-audited" = "unaudited")."""
    phrase = " ".join(phrase.lower().translate(_TRANS).split())
    parts = re.split(r"([ -]+)", phrase)
    out = []
    for k, part in enumerate(parts):
        if k % 2:
            out.append(_SEP_OPT if "-" in part and " " not in part else _SEP_REQ)
        elif part:
            out.append(re.escape(part))
    body = "".join(out)
    if phrase and phrase[-1].isalnum():
        body += r"(?![a-z0-9])"
    return body

