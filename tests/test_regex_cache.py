"""The store of compiled regular expressions (appeal/regex_cache.py): a hit is the very
pattern `re` would compile, a miss is compiled and kept, damage is ignored."""

import marshal
import re

from appeal import regex_cache as R


def _original_compile(pattern, flags=0):
    from re import _compiler

    return _compiler.compile(pattern, flags)


def test_every_shipped_entry_is_the_pattern_re_compiles():
    store = marshal.loads(R.shipped_path().read_bytes())
    assert len(store) > 100
    for (pattern, flags), blob in store.items():
        ours = R._rebuild(pattern, blob)
        theirs = _original_compile(pattern, flags)
        assert (ours.pattern, ours.flags, ours.groups, dict(ours.groupindex)) == \
               (theirs.pattern, theirs.flags, theirs.groups, dict(theirs.groupindex))


def test_rebuilt_patterns_match_alike():
    text = "Section 31(1)(a) and s40(2) were cited on 25 September 2019 by Northshire Police."
    for pattern, flags in [(r"(?i)s(?:ection)?\s*(\d+)\((\d)\)", 0), (r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)", re.I)]:
        compiled, blob = R._compile(pattern, int(flags))
        rebuilt = R._rebuild(pattern, blob)
        assert [m.groups() for m in rebuilt.finditer(text)] == \
               [m.groups() for m in _original_compile(pattern, flags).finditer(text)] != []


def test_a_miss_is_kept_and_damage_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("APPEAL_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(R, "_NEW", {})
    compiled, blob = R._compile(r"kept\s+between\s+runs", 0)
    R._NEW[(r"kept\s+between\s+runs", 0)] = blob
    R.save()
    saved = marshal.loads(R.user_path().read_bytes())
    assert (r"kept\s+between\s+runs", 0) in saved and R._NEW == {}
    R.user_path().write_bytes(b"\x00damaged")
    monkeypatch.setattr(R, "shipped_path", lambda: tmp_path / "none.marshal")
    assert R._load() == {}  # a damaged store is no store: patterns compile as usual


def test_installed_in_the_cli_and_patterns_still_raise_their_errors():
    import pytest

    import appeal.cli  # noqa: F401  (installs the store)

    assert R._INSTALLED
    with pytest.raises(re.error):
        re.compile(r"unbalanced (")
    assert re.compile(r"a+b").fullmatch("aaab")


def test_a_first_run_uses_the_shipped_compiled_templates(tmp_path, monkeypatch):
    """With an empty cache, templates whose shipped bytecode matches their source are not
    compiled (a template edited since the last release step is simply compiled)."""
    import jinja2

    from appeal import templating
    from appeal.resources import shipped_dir

    monkeypatch.setenv("APPEAL_CACHE_DIR", str(tmp_path))
    templating.environment.cache_clear()
    compiled = []
    real = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return real(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    names = sorted(p.relative_to(shipped_dir("templates")).as_posix()
                   for p in shipped_dir("templates").rglob("*.j2"))
    env = templating.environment(None)
    for name in names:
        env.get_template(name)
    templating.environment.cache_clear()
    # most came from the shipped bytecode; if not, templates changed since the release step:
    assert len(compiled) < len(names) / 2, (
        f"{len(compiled)} of {len(names)} templates compiled on a first run: "
        "run 'python -m appeal.cli.release' to re-ship the precomputed data")
