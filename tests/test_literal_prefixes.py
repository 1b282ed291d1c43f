"""Pattern search by literal prefixes (appeal/prefilter.py, and the rules' Context.search /
finditer): it must find exactly what a plain regex search finds.

If the prefix reader misread a pattern (a prefix that some match does not start with), a rule
would silently miss a sentence; these tests would then fail.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from appeal import prefilter
from appeal.model import Refusal
from appeal.rules.letter import Context, _SCAN_MIN
from appeal.prefilter import _SCAN_MIN as _SCAN_MIN_ANY
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
    (r"colou?r scheme", {"colour s", "color sc"}),  # with and without the optional letter
    (r"abc+d", {"abc"}),  # one or more: its first copy counts, then the prefix ends
    (r"sect(ion)? 12", {"section ", "sect 12"}),
    (r"(?:quoting\s+)?ref(?:erence)?", {"quoting", "ref"}),
    (r"(?m:^[ \t]*request)", {"\x00request"}),  # at the start of the line "request" is on
    (r"(?m)^\s*request", None),  # \s* could run over lines: not read
    (r"(?m:^request)", {"request"}),  # a scoped flag that matches the same letters
    (r"(?i:harm)", None),  # a scoped IGNORECASE is not read
    (r"(?im)^harm|^prejudic", {"harm", "prejudic"}),  # global flags are in rx.flags
    (r"s\.?\s*40", None),  # "s" alone is too short
    (r"[a-z]+ing", None),  # any letter first: no prefix
    (r"\d+ hours", None),
    (r"(?i)HARM", {"harm"}),  # case-insensitive: lower case, looked for in the lower-cased text
    (r"x{0,2}harm", None),  # may start with "h": the reader stops at once
    (r"(?:a|b|c)(?:def)", {"adef", "bdef", "cdef"}),
    (r"who\?|what\.", {"who?", "what."}),
    (r"(?P<w>would|could) be", {"would be", "could be"}),
    (r"^harm\b|\bprejudice test", {"harm", "prejudic"}),  # "^" and "\b" consume nothing
])
def test_prefix_reader(pattern, expected):
    got = _prefixes(pattern)
    assert (set(got) if got is not None else None) == expected


def test_ignorecase_prefixes_are_lower_case():
    assert _prefixes(r"HARM|Prejudice", re.IGNORECASE) == ("harm", "prejudic")
    assert _prefixes(r"£ ?\d+ an hour|cost\w*", re.IGNORECASE) == ("£", "cost")  # "£" is rare enough
    assert _prefixes(r"a ?\d+ an hour|cost\w*", re.IGNORECASE) is None  # "a" is not
    assert _prefixes("caf\u00e9 menu", re.IGNORECASE) is None  # "é" has a case: not looked for


def test_ignorecase_search_falls_back_where_lower_case_would_miss():
    # under IGNORECASE "s" also matches U+017F (long s), which lower() leaves alone
    rx = re.compile(r"request number", re.IGNORECASE)
    for odd in ("REQUE\u017fT NUMBER", "REQUEST NUMBER", "Request Number"):
        text = "x " * 200 + odd + " 42"
        assert prefilter.search(rx, text).span() == rx.search(text).span()
        assert [m.span() for m in prefilter.finditer(rx, text)] == [m.span() for m in rx.finditer(text)]


def _module_patterns():
    """Every compiled pattern held at module level by the parser and the rules."""
    import importlib
    import pkgutil

    import appeal.parse
    import appeal.rules

    out = []
    for pkg in (appeal.parse, appeal.rules):
        for info in pkgutil.iter_modules(pkg.__path__):
            mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
            out += [v for v in vars(mod).values() if isinstance(v, re.Pattern) and isinstance(v.pattern, str)]
    return list({id(rx): rx for rx in out}.values())


def test_module_patterns_find_what_the_regex_finds():
    patterns = [rx for rx in _module_patterns() if literal_prefixes(rx)]
    assert sum(1 for rx in patterns if rx.flags & re.IGNORECASE) > 20
    checked = 0
    for text in _letters():
        text = text * max(1, 2 * _SCAN_MIN_ANY // max(1, len(text)))
        for rx in patterns:
            for pos, end in ((0, len(text)), (len(text) // 3, len(text) - 7)):
                want = [m.span() for m in rx.finditer(text, pos, end)]
                assert [m.span() for m in prefilter.finditer(rx, text, pos, end)] == want, rx.pattern
                m = prefilter.search(rx, text, pos, end)
                assert (m.span() if m else None) == (want[0] if want else None), rx.pattern
                checked += bool(want)
    assert checked > 100


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
    for text in letters[:: max(1, len(letters) // 4)]:  # four letters, each made long
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


def test_line_start_prefixes_find_indented_headings():
    rx = re.compile(r"(?im)^[ \t]*(?:your\s+request|request(?:\s+details)?)[ \t]*:?[ \t]*$")
    text = ("Some text about a request here.\n" * 10 + "  \tRequest details:\n" + "x request\n"
            + "Your request\n" + "words " * 60)
    want = [m.span() for m in rx.finditer(text)]
    assert len(want) == 2
    assert [m.span() for m in prefilter.finditer(rx, text)] == want
