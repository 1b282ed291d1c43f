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
