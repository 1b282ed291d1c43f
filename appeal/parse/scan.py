"""Moved to `appeal.text` (the shared text helpers' one home; the name `scan` is the batch
command's). Kept so that code written against the old path still imports."""

from appeal.text import find_all, finditer, lower, search, windows, windows_at  # noqa: F401
