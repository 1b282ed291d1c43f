"""Writing files safely: never overwrite without --force, and never leave half a file.

Every file the product writes (letters, .ics, JSON) goes through `write_bytes`/`write_text`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from appeal.errors import UserError


def write_bytes(path: str | Path, data: bytes, *, force: bool = False) -> Path:
    """Write atomically: a temporary file in the same folder, then an atomic rename."""
    target = Path(path)
    if target.exists() and not target.is_file() and not target.is_dir():
        # A device or pipe (-o /dev/null, /dev/stdout, a FIFO): write into it. The atomic
        # rename below would replace the device node itself with a regular file.
        try:
            with open(target, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise UserError(f"cannot write {target}: {exc.strerror}") from None
        return target
    if target.exists() and not force:
        raise UserError(f"{target} already exists; use --force to overwrite it")
    if target.exists() and target.is_dir():
        raise UserError(f"{target} is a folder, not a file")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"cannot write {target}: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if not force and target.exists():  # appeared while we wrote: still never clobber
            raise UserError(f"{target} already exists; use --force to overwrite it")
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target


def write_text(path: str | Path, text: str, *, force: bool = False) -> Path:
    return write_bytes(path, text.encode("utf-8"), force=force)
