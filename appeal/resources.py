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
    """Parse a shipped TOML data file, by way of a JSON copy when one exists.

    tomllib is pure Python and the data files (gazetteer, exemption catalogue, precedents,
    stock fingerprints, time limits) cost ~15 ms to parse on every run; a JSON copy loads in a
    tenth of a millisecond. Copies are keyed by the file's content (crc32 and size), so an
    edited file is parsed afresh and a copy made at release (`ship_copies`, kept in
    appeal/data/cache/) serves the very first run after install. Copies in the user cache
    replace their stale predecessors. Files holding TOML dates (not JSON-able) are simply not
    copied. Parse errors propagate as tomllib.TOMLDecodeError, as with tomllib itself.
    """
    import json

    path = Path(path)
    raw = path.read_bytes()
    name = _copy_name(path, raw)
    user = user_cache_dir() / "toml"
    for folder in (SHIPPED_CACHE, user):
        try:
            text = (folder / name).read_text(encoding="utf-8")
            if folder is user:
                # a user copy starts with the CRC of its JSON: a damaged, hand-edited or
                # foreign file (valid JSON of the wrong shape) fails it and is rebuilt
                text = _crc_checked(text)
                if text is None:
                    continue
            data = json.loads(text)
            if isinstance(data, dict):
                return data
        except (OSError, ValueError, RecursionError):
            pass
    import tomllib

    data = tomllib.loads(raw.decode("utf-8"))
    try:
        body = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return data  # not JSON-able (TOML dates): simply not cached
    if write_cache_text(user / name, _crc_line(body) + body):
        prune(user, name)
    return data


def _crc_line(body: str) -> str:
    import zlib

    return f"{zlib.crc32(body.encode('utf-8')):08x}\n"


def _crc_checked(text: str) -> str | None:
    """The JSON after its CRC line, or None when the CRC does not match."""
    head, sep, body = text.partition("\n")
    return body if sep and head + "\n" == _crc_line(body) else None


SHIPPED_CACHE = _PKG / "data" / "cache"


def _copy_name(path: Path, raw: bytes) -> str:
    import zlib  # built in: cheaper to import than hashlib

    return f"{path.parent.name}.{path.stem}.{zlib.crc32(raw):08x}-{len(raw)}.json"


def prune(folder: Path, keep: str) -> None:
    """Remove the stale copies of `keep` (same name up to its last '.'-part), best effort."""
    stem = keep.rsplit(".", 2)[0] + "."
    try:
        for entry in os.scandir(folder):
            if entry.name != keep and entry.name.startswith(stem) and entry.name.count(".") == keep.count(".") \
                    and entry.name.endswith(".json"):
                os.unlink(entry.path)
    except OSError:
        pass


def ship_copies(paths) -> list[Path]:
    """Write the JSON copies shipped in appeal/data/cache/ (a release step), replacing old ones."""
    import json
    import tomllib

    SHIPPED_CACHE.mkdir(exist_ok=True)
    written = []
    for path in map(Path, paths):
        raw = path.read_bytes()
        name = _copy_name(path, raw)
        data = tomllib.loads(raw.decode("utf-8"))
        try:
            text = json.dumps(data, ensure_ascii=False)
        except (TypeError, ValueError):
            continue
        (SHIPPED_CACHE / name).write_text(text, encoding="utf-8")
        prune(SHIPPED_CACHE, name)
        written.append(SHIPPED_CACHE / name)
    return written


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


def shipped_toml_files() -> list[Path]:
    """Every TOML data file the product reads at run time."""
    files = sorted((_PKG / "data").glob("*.toml")) + sorted((_PKG / "law").glob("*.toml"))
    try:
        files += sorted(shipped_dir("precedents").glob("*.toml"))
    except FileNotFoundError:
        pass
    return files


if __name__ == "__main__":  # pragma: no cover - release step
    import sys

    if sys.argv[1:] != ["--ship"]:
        sys.exit("usage: python -m appeal.resources --ship")
    for p in ship_copies(shipped_toml_files()):
        print(p)
