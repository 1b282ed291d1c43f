"""The literal prefixes shipped with the package (appeal/prefilter.py, made by
`python -m appeal.cli.release`) are exactly what the prefix reader works out, and a file made
from another source of the reader is never used."""

from __future__ import annotations

import marshal
import re

from appeal import prefilter


def test_shipped_prefixes_match_the_reader():
    with open(prefilter._shipped_path(), "rb") as fh:
        data = marshal.loads(fh.read())
    # made from this very source: otherwise rerun the release step
    assert data["source"] == prefilter._source_crc()
    table = data["prefixes"]
    assert len(table) > 20
    for (pattern, flags), shipped in table.items():
        computed = prefilter._compute(re.compile(pattern, flags))
        # the order of prefixes of one length varies with the hash seed and does not matter:
        # candidates() sorts the positions found, and no kept prefix starts another
        assert (shipped is None) == (computed is None), pattern
        if computed is not None:
            assert sorted(shipped) == sorted(computed), pattern


def test_shipped_table_is_used_for_a_pattern_it_holds(monkeypatch):
    rx = re.compile(r"zzqx(?:alpha|beta)")
    monkeypatch.setattr(prefilter, "_SHIPPED", {(rx.pattern, rx.flags): ("sentinel",)})
    monkeypatch.setattr(prefilter, "_PREFIXES", {})
    assert prefilter.literal_prefixes(rx) == ("sentinel",)


def test_file_from_another_source_is_ignored(tmp_path, monkeypatch):
    rx = re.compile(r"zzqx(?:alpha|beta)")
    stale = tmp_path / prefilter.SHIPPED_NAME
    stale.write_bytes(marshal.dumps({"source": -1, "prefixes": {(rx.pattern, rx.flags): ("wrong",)}}))
    monkeypatch.setattr(prefilter, "_shipped_path", lambda: str(stale))
    monkeypatch.setattr(prefilter, "_SHIPPED", None)
    monkeypatch.setattr(prefilter, "_PREFIXES", {})
    assert sorted(prefilter.literal_prefixes(rx)) == ["zzqxalph", "zzqxbeta"]


def test_missing_or_damaged_file_falls_back(tmp_path, monkeypatch):
    rx = re.compile(r"zzqx(?:alpha|beta)")
    bad = tmp_path / prefilter.SHIPPED_NAME
    bad.write_bytes(b"\x00not marshal")
    for path in (bad, tmp_path / "missing.marshal"):
        monkeypatch.setattr(prefilter, "_shipped_path", lambda p=path: str(p))
        monkeypatch.setattr(prefilter, "_SHIPPED", None)
        monkeypatch.setattr(prefilter, "_PREFIXES", {})
        assert sorted(prefilter.literal_prefixes(rx)) == ["zzqxalph", "zzqxbeta"]


def test_ci_lowers_outside_escapes_and_reads_leading_word_boundaries():
    from appeal.rules.patterns import _WORD_START, ci

    every = ci(r"\bFoo|\bBar")  # every alternative starts a word: read as word_start
    assert every.pattern == "foo|bar" and every in _WORD_START
    some = ci(r"\bFoo|bar")  # not every one: left as written, lower-cased
    assert some.pattern == r"\bfoo|bar" and some not in _WORD_START
    escapes = ci(r"Foo\S+\W")  # escapes keep their case (\S is not \s)
    assert escapes.pattern == r"foo\S+\W"
    plain = ci(r"already lower\s+case")
    assert plain.pattern == r"already lower\s+case" and plain not in _WORD_START
    asked = ci(r"Alpha|\bbeta", word_start=True)
    assert asked.pattern == "alpha|beta" and asked in _WORD_START
