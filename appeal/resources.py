"""Where shipped data lives: templates and precedents.

In an installed wheel they are inside the package (`appeal/_shipped/...`, see pyproject);
in a source checkout or an editable install they are the top-level folders.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@cache
def shipped_dir(name: str) -> Path:
    """Return the folder holding shipped data `name` ("templates" or "precedents")."""
    for candidate in (_PKG / "_shipped" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"appeal is installed without its {name}/ folder")


def data_path(relative: str) -> Path:
    """A data file kept inside the package (law tables, gazetteer, fingerprints)."""
    return _PKG / "data" / relative


def user_cache_dir() -> Path:
    """Where derived, disposable data is cached (holiday tables, compiled templates).

    APPEAL_CACHE_DIR wins; then XDG_CACHE_HOME (or LOCALAPPDATA on Windows); then ~/.cache.
    Callers must work when it cannot be created or written.
    """
    env = os.environ.get("APPEAL_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return (Path(base) if base else Path.home() / ".cache") / "appeal"


def read_toml(path: str | Path) -> dict:
    """Parse a shipped TOML data file, keeping a JSON copy in the user cache.

    tomllib is pure Python and the data files (gazetteer, exemption catalogue, precedents,
    stock fingerprints) cost ~15 ms to parse on every run; the JSON copy loads in a tenth
    of a millisecond. The copy is keyed by the file's path, size and mtime, so an edited
    file is parsed afresh. Files holding TOML dates (not JSON-able) are simply not cached.
    Parse errors propagate as tomllib.TOMLDecodeError, as with tomllib itself.
    """
    import json
    import zlib  # built in: cheaper to import than hashlib

    path = Path(path)
    st = path.stat()
    key = f"{zlib.crc32(str(path.resolve()).encode()):08x}-{st.st_size}-{st.st_mtime_ns}"
    copy = user_cache_dir() / "toml" / f"{path.stem}-{key}.json"
    # The copy is {"crc": <crc32 of the data's JSON>, "data": ...}: a damaged, hand-edited or
    # foreign file (valid JSON of the wrong shape) fails the check and is simply rebuilt.
    try:
        raw = copy.read_text(encoding="utf-8")
        head, sep, body = raw.partition("\n")
        if sep and head == f"{zlib.crc32(body.encode('utf-8')):08x}":
            data = json.loads(body)
            if isinstance(data, dict):
                return data
    except (OSError, ValueError, RecursionError):
        pass
    import tomllib

    with path.open("rb") as fh:
        data = tomllib.load(fh)
    try:
        body = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return data  # not JSON-able (TOML dates): simply not cached
    write_cache_text(copy, f"{zlib.crc32(body.encode('utf-8')):08x}\n{body}")
    return data


def write_cache_json(path: Path, data) -> bool:
    """Write a cache file atomically, best effort: a cache is a convenience, so an unwritable
    folder or data JSON cannot hold only costs the next run the work again. True if written."""
    import json

    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return False
    return write_cache_text(path, text)


def write_cache_text(path: Path, text: str) -> bool:
    """write_cache_json's writer: atomic, best effort. True if written."""
    import tempfile

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
