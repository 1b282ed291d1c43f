"""The rules' pattern search by literal prefixes (appeal/rules/patterns.py literal_prefixes, and
Context.search / finditer): it must find exactly what a plain regex search finds.

If the prefix reader misread a pattern (a prefix that some match does not start with), a rule
would silently miss a sentence; these tests would then fail.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from appeal.model import Refusal
from appeal.rules.letter import Context, _SCAN_MIN
from appeal.rules.patterns import _LOWER, _WORD_START, _starts_word, ci, literal_prefixes
from appeal.rules.registry import all_rules

HERE = Path(__file__).parent


def _prefixes(pattern: str, flags: int = 0):
    return literal_prefixes(re.compile(pattern, flags))


@pytest.mark.parametrize("pattern, expected", [
    (r"harm\w*|prejudic\w*", {"harm", "prejudic"}),
    (r"\bthe (?:number|total)\b", {"the numb", "the tota"}),  # capped at 8 characters
    (r"public interest", {"public i"}),
    (r"(?<![a-z])section 30", {"section "}),  # a lookbehind consumes nothing
    (r"(?:is|are) held", {"is held", "are held"}),
    (r"jeopardi[sz]e", {"jeopardi"}),
    (r"colou?r scheme", {"colo"}),  # the optional letter ends the prefix before it
    (r"abc+d", {"abc"}),  # one or more: its first copy counts, then the prefix ends
    (r"sect(ion)? 12", {"sect"}),
    (r"s\.?\s*40", None),  # "s" alone is too short
    (r"[a-z]+ing", None),  # any letter first: no prefix
    (r"\d+ hours", None),
    (r"(?i)harm", None),  # inline flags are not read
    (r"x{0,2}harm", None),  # may start with "h": the reader stops at once
    (r"(?:a|b|c)(?:def)", {"adef", "bdef", "cdef"}),
    (r"who\?|what\.", {"who?", "what."}),
    (r"(?P<w>would|could) be", {"would be", "could be"}),
    (r"^harm\b|\bprejudice test", {"harm", "prejudic"}),  # "^" and "\b" consume nothing
])
def test_prefix_reader(pattern, expected):
    got = _prefixes(pattern)
    assert (set(got) if got is not None else None) == expected


def test_ignorecase_patterns_are_never_prefiltered():
    assert _prefixes(r"harm", re.IGNORECASE) is None


def _letters():
    files = sorted((HERE / "letters").glob("*.txt")) + sorted((HERE / "rules_letters").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def _plain(rx, hay, start, end):
    """What Context.finditer / search returned before prefixes: the regex over the range."""
    found = [m.span() for m in rx.finditer(hay, start, end)]
    if rx in _WORD_START:
        found = [s for s in found if _starts_word(hay, s[0])]
    m = rx.search(hay, start, end)
    if rx in _WORD_START:
        while m is not None and not _starts_word(hay, m.start()):
            m = rx.search(hay, m.start() + 1, end)
    return found, (m.span() if m else None)


def test_every_rule_pattern_finds_what_the_regex_finds():
    all_rules()  # import every rule module, so that their patterns are known
    import appeal.rules.readings  # noqa: F401
    patterns = [rx for rx in list(_LOWER) if literal_prefixes(rx)]
    assert len(patterns) > 50  # the rules' patterns are read (a reader that gave up would pass)
    letters = _letters()
    assert letters
    checked = 0
    for text in letters:
        text = text * max(1, 2 * _SCAN_MIN // max(1, len(text)))
        ctx = Context(Refusal(text=text))
        n = len(text)
        for rx in patterns:
            for start, end in ((0, n), (n // 3, n), (n // 5, n - n // 4)):
                if end - start < _SCAN_MIN:
                    continue
                hay = ctx._hay(rx)
                want_all, want_first = _plain(rx, hay, start, end)
                assert [m.span() for m in ctx.finditer(rx, start, end)] == want_all, rx.pattern
                m = ctx.search(rx, start, end)
                assert (m.span() if m else None) == want_first, rx.pattern
                checked += bool(want_all)
    assert checked > 100  # the letters exercise the patterns (matches were compared, not only misses)


def test_overlapping_candidates_follow_finditer():
    # a match that runs over the next candidate hides it, exactly as finditer does
    rx = ci(r"harm(?:ful)? harm|harm")
    text = ("x " * 200) + "harm harm harm harmful harm " + ("y " * 200)
    ctx = Context(Refusal(text=text))
    want = [m.span() for m in rx.finditer(ctx.low)]
    assert [m.span() for m in ctx.finditer(rx)] == want
    assert len(want) == 3
