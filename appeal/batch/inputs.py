"""PATH... -> the letter files of a batch, in a stable order.

Files are taken as given (even with an unusual extension: the reader sniffs the format, and
an unreadable one becomes a row with its error). Folders are walked recursively for the
formats a letter comes in (and the ones we can name an error for, so a .doc in the folder
is reported rather than silently skipped); hidden files and folders are left out, as are the
letters and calendars `scan --out-dir` writes. Globs (`letters/*.pdf`, `**/*.eml`) are
expanded when the path does not exist as written. Order: the arguments' order, each folder
or glob sorted by path; a file named twice is read once.
"""

from __future__ import annotations

import glob as _glob
import os
from dataclasses import dataclass

from appeal.errors import UserError

LETTER_EXTENSIONS = frozenset({
    ".txt", ".text", ".html", ".htm", ".xhtml", ".pdf", ".docx", ".eml", ".mht", ".mhtml", ".json",
    ".doc", ".rtf", ".odt", ".msg",
})
# What `scan --out-dir` writes: never read back as letters.
_OWN_OUTPUTS = (".review.md", ".review.txt", ".review.docx", ".complaint.md", ".complaint.txt", ".complaint.docx",
                "scan.json")


@dataclass(frozen=True)
class Input:
    path: str  # as the user would recognise it (relative when given relative)
    missing: str | None = None  # why it cannot be read, when known before reading


def _wanted(name: str) -> bool:
    if name.startswith("."):
        return False
    low = name.lower()
    if low.endswith(_OWN_OUTPUTS) or low == "index.md":
        return False
    return os.path.splitext(low)[1] in LETTER_EXTENSIONS


def _walk(folder: str) -> list[str]:
    """Regular files only: a pipe or device in a folder is not a letter (and could block)."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in files:
            path = os.path.join(root, f)
            if _wanted(f) and os.path.isfile(path):
                found.append(path)
    return sorted(found)


def _is_glob(path: str) -> bool:
    return any(c in path for c in "*?[")


def expand(paths: list[str]) -> list[Input]:
    if not paths:
        raise UserError("give at least one letter, folder or glob (e.g. 'appeal scan replies/')")
    out: list[Input] = []
    seen: set[str] = set()

    def add(p: str, missing: str | None = None) -> None:
        key = os.path.realpath(p)
        if key in seen:
            return
        seen.add(key)
        out.append(Input(p, missing))

    for raw in paths:
        if raw == "-":
            raise UserError("'appeal scan' reads files and folders, not standard input; save the letter to a file")
        if os.path.isdir(raw):
            files = _walk(raw)
            if not files:
                raise UserError(f"{raw}: no letters in this folder (looked for {', '.join(sorted(LETTER_EXTENSIONS - {'.doc', '.rtf', '.odt', '.msg'}))})")
            for f in files:
                add(f)
        elif os.path.exists(raw):
            add(raw)
        elif _is_glob(raw):
            matches = sorted(m for m in _glob.glob(raw, recursive=True) if os.path.isfile(m) or os.path.isdir(m))
            files = []
            for m in matches:
                files.extend(_walk(m) if os.path.isdir(m) else [m])
            if not files:
                raise UserError(f"{raw}: no files match this pattern")
            for f in files:
                add(f)
        else:
            add(raw, "no such file or folder")
    return out
