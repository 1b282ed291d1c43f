"""Compiled regular expressions kept between runs: compiling them was a third of a cold start.

The parser and the rules hold a few hundred patterns (the authority gazetteer alone is one
large trie); `re` compiles each from source in every new process, ~90 ms before any letter is
read. Python cannot pickle a compiled pattern, but what `re` compiles a pattern *to* is a list
of integers that `_sre.compile` turns back into the same Pattern in microseconds. This module
keeps those lists, keyed by the exact pattern text and flags, in a file named for the Python
version and the regex engine's MAGIC number, so a changed pattern is simply a miss (compiled
as usual, then kept) and another Python never reads a foreign file.

`install()` wraps `re._compile` for the command-line process (appeal.cli calls it first).
Anything unexpected (another Python's internals, an unreadable file) leaves `re` as it was.
A copy made at release ships in appeal/data/cache/ so the first run after install is as quick
(`python -m appeal.cli.release`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_INSTALLED = False
_STORE: dict | None = None  # (pattern, flags) -> marshalled entry, from disk
_NEW: dict = {}  # entries compiled in this process, to be saved
_USED: set = set()
_MAX_ENTRIES = 4000  # above this the saved store keeps only what this run used


def _file_name() -> str:
    import _sre

    impl = sys.implementation.name
    return f"regex-v2-{impl}-{sys.version_info[0]}{sys.version_info[1]}-{_sre.MAGIC}.marshal"


def shipped_path() -> Path:
    return Path(__file__).resolve().parent / "data" / "cache" / _file_name()


def user_path() -> Path:
    from appeal.resources import user_cache_dir

    return user_cache_dir() / _file_name()


def _load() -> dict:
    import marshal

    store: dict = {}
    for path in (shipped_path(), user_path()):
        try:
            data = marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            continue
        if isinstance(data, dict):
            store.update(data)
    return store


def install() -> None:
    """Route `re` compilation through the store, once per process."""
    global _INSTALLED
    if _INSTALLED or sys.implementation.name != "cpython":
        return
    try:
        import re
        from re import _compiler, _parser  # noqa: F401  (3.11+ names)

        import _sre

        original = re._compile
        if _sre.CODESIZE != 4:
            return
    except (ImportError, AttributeError):
        return
    skip = re.DEBUG | re.LOCALE | getattr(re, "TEMPLATE", 0)

    def cached_compile(pattern, flags):
        global _STORE
        if type(pattern) is not str:
            return original(pattern, flags)
        key = (pattern, int(flags))
        if key[1] & skip:
            return original(pattern, flags)
        hit = re._cache.get((type(pattern), pattern, flags)) if hasattr(re, "_cache") else None
        if hit is not None:
            return hit
        if _STORE is None:
            _STORE = _load()
        blob = _STORE.get(key)
        if blob is not None:
            try:
                compiled = _rebuild(pattern, blob)
            except Exception:  # a damaged entry: compile afresh
                compiled = None
            if compiled is not None:
                _USED.add(key)
                _remember(re, pattern, flags, compiled)
                return compiled
        compiled, blob = _compile(pattern, key[1])
        if compiled is None:
            return original(pattern, flags)
        _NEW[key] = blob
        _USED.add(key)
        _remember(re, pattern, flags, compiled)
        return compiled

    re._compile = cached_compile
    _INSTALLED = True
    import atexit

    atexit.register(save)


def _remember(re, pattern, flags, compiled) -> None:
    cache = getattr(re, "_cache", None)
    if isinstance(cache, dict) and len(cache) < getattr(re, "_MAXCACHE", 512):
        cache[(type(pattern), pattern, flags)] = compiled


def _rebuild(pattern: str, blob: bytes):
    import marshal

    import _sre

    from array import array

    flags, code, groups, groupindex, indexgroup = marshal.loads(blob)
    return _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex, indexgroup)


def _compile(pattern: str, flags: int):
    """What re._compiler.compile does, keeping the code list; (None, None) if it cannot."""
    import marshal
    from re import _compiler, _parser

    import _sre

    try:
        p = _parser.parse(pattern, flags)
        code = [int(c) for c in _compiler._code(p, flags)]
        groupindex = dict(p.state.groupdict)
        indexgroup = [None] * p.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        entry = (int(flags | p.state.flags), code, p.state.groups - 1, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *entry)
        from array import array

        packed = array("I", code)  # 4 bytes a code word (_sre.CODESIZE), loaded without parsing
        return compiled, marshal.dumps((entry[0], packed.tobytes(), *entry[2:]))
    except Exception:  # re's own errors are raised by the original compile, not here
        return None, None


def save(path: Path | None = None) -> None:
    """Write the store when this run compiled something new (best effort, atomic)."""
    if not _NEW:
        return
    import marshal
    import tempfile

    target = path or user_path()
    try:
        existing = marshal.loads(target.read_bytes())
        if not isinstance(existing, dict):
            existing = {}
    except (OSError, ValueError, EOFError, TypeError):
        existing = {}
    store = {**existing, **_NEW}
    if len(store) > _MAX_ENTRIES:  # patterns that changed over time: keep only today's
        everything = {**(_STORE or {}), **store}
        store = {k: everything[k] for k in _USED if k in everything}
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".regex.", suffix=".part", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(store))
        os.replace(tmp, target)
        _NEW.clear()
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass

