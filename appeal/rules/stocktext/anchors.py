"""Anchor words: a whole word every match of a pattern must contain, so that most patterns are
skipped at once for a letter that lacks the word (worked out by parsing the pattern)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    import re._constants as _sre_c  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_UNKNOWN, _BOUND, _OPTNA = object(), object(), object()  # _OPTNA: optional, never alnum
_MIN_ANCHOR = 4
# Words in nearly every refusal: a poor anchor (the window search then covers the whole letter)
_COMMON = frozenset(
    "information exemption exemptions request requested public interest section police force "
    "disclosure disclose confirm confirming deny denying neither held hold holds that this "
    "with would which there their these those such from have been will your under act".split()
)


def _class_has_alnum(items) -> bool:
    for op, av in items:
        if op is _sre_c.LITERAL:
            if chr(av).isalnum():
                return True
        elif op is _sre_c.RANGE:
            lo, hi = av
            if any(chr(x).isalnum() for x in range(lo, min(hi, lo + 300) + 1)):
                return True
        elif op is _sre_c.NEGATE:
            return True
        elif op is _sre_c.CATEGORY:
            if av is not _sre_c.CATEGORY_SPACE:
                return True
    return False


def _never_alnum(seq) -> bool:
    """Can this parsed sequence only ever match non-alphanumeric characters?"""
    for op, av in seq:
        if op is _sre_c.LITERAL:
            if chr(av).isalnum():
                return False
        elif op is _sre_c.IN:
            if _class_has_alnum(av):
                return False
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
            if not _never_alnum(av[2]):
                return False
        else:
            return False
    return True


def _anchor_candidates(seq, edges_bounded: bool = True) -> list[list[str]]:
    """Candidate anchor sets for a parsed sequence: each candidate is a list of alternative
    whole words, at least one of which every match contains. Inside groups and branches the
    sequence edges are not taken as word edges (the parser may have factored a common prefix
    out of the alternatives: "any|additional" becomes "a" + "ny|dditional")."""
    items: list[object] = []  # chars, _BOUND, _UNKNOWN, _OPTNA
    cands: list[list[str]] = []
    for op, av in seq:
        if op is _sre_c.LITERAL:
            items.append(chr(av))
        elif op is _sre_c.AT:
            items.append(_BOUND)
        elif op is _sre_c.IN:
            items.append(_UNKNOWN if _class_has_alnum(av) else _BOUND)
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
            lo, _hi, sub = av
            if _never_alnum(sub):
                items.append(_BOUND if lo >= 1 else _OPTNA)
                continue
            if lo >= 1:
                cands.extend(_anchor_candidates(sub, False))
            items.append(_UNKNOWN)
        elif op is _sre_c.SUBPATTERN:
            cands.extend(_anchor_candidates(av[-1], False))
            items.append(_UNKNOWN)
        elif op is _sre_c.BRANCH:
            alts = []
            for branch in av[1]:
                sub = [c for c in _anchor_candidates(branch, False) if _good(c)]
                if not sub:
                    alts = None
                    break
                alts.append(max(sub, key=lambda c: min(map(len, c))))
            if alts:
                cands.append([w for alt in alts for w in alt])
            items.append(_UNKNOWN)
        elif op is _sre_c.ASSERT_NOT or op is _sre_c.ASSERT:
            continue  # zero-width
        else:
            items.append(_UNKNOWN)
    # whole words: runs of alnum literal chars whose neighbours (skipping optional
    # non-alnum items) are non-alnum literals, boundaries or the ends of the sequence (a match
    # could in theory abut a letter there; a real stock phrase never does)
    def bounded(k: int, step: int) -> bool:
        while 0 <= k < len(items) and items[k] is _OPTNA:
            k += step
        if not 0 <= k < len(items):
            return edges_bounded
        it = items[k]
        return it is _BOUND or (isinstance(it, str) and not it.isalnum())

    k = 0
    while k < len(items):
        it = items[k]
        if isinstance(it, str) and it.isalnum():
            j = k
            while j < len(items) and isinstance(items[j], str) and items[j].isalnum():
                j += 1
            if bounded(k - 1, -1) and bounded(j, 1):
                cands.append(["".join(items[k:j])])  # type: ignore[arg-type]
            k = j
        else:
            k += 1
    return cands


def _good(cand: list[str]) -> bool:
    return bool(cand) and all(len(w) >= _MIN_ANCHOR or (w.isdigit() and len(w) >= 2) for w in cand)


def anchors(pattern: str) -> tuple[str, ...] | None:
    """The best anchor set for a normalised-form pattern (None: no usable anchor)."""
    try:
        parsed = _sre_parse.parse(pattern)
    except Exception:  # pragma: no cover - compile() reports the real error
        return None
    cands = [c for c in _anchor_candidates(list(parsed)) if _good(c)]
    if not cands:
        return None
    def score(c: list[str]) -> tuple[int, int, int]:
        common = sum(w in _COMMON for w in c)
        return (-common, min(len(w) if not w.isdigit() else 3 for w in c), -len(c))

    best = max(cands, key=score)
    return tuple(sorted(set(best)))


@dataclass(frozen=True)
class _Rx:
    source: str  # the normalised-form pattern, as written
    tolerant_source: str  # what is actually matched (see `tolerant`)
    anchors: tuple[str, ...] | None
    word_start: bool  # a phrase: the match must not start inside a word

    @cached_property
    def regex(self) -> re.Pattern[str]:
        # Compiled on first use (re keeps it in its own cache): most families' anchor words
        # are absent from a given letter, so most patterns are never needed in a run.
        return re.compile(self.tolerant_source, re.S)
