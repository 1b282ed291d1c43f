"""Writing files safely: never overwrite without --force, and never leave half a file.

Every file the product writes (letters, .ics, JSON) goes through `write_bytes`/`write_text`.

- Atomic: the bytes go to a temporary file in the same folder, which then takes the
  target's name in one step.
- No-clobber is atomic too: without --force the temporary file is *linked* to the target
  name (`os.link` fails if the name exists), never "check, then replace", so of two writers
  released together exactly one succeeds. Where links are not supported, an exclusive
  create (O_EXCL) keeps the promise.
- Never the input: a letter read by this run (`protect_input`, called by the reader) is
  never written over, even with --force (-o naming the letter is a slip, not a wish).
- A symbolic link is not followed into a replacement: without --force, an -o naming a
  link (dangling or not) is refused; with --force the link itself is replaced, never the
  file it points to.
- Pipes and devices (-o /dev/null, a FIFO) are written into, opened without blocking: a
  FIFO that nobody reads is an error, not a hang.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from appeal.errors import UserError

# Every letter file this run has read, by device, inode, size and modification time (so
# that a later file reusing a deleted input's inode is not mistaken for it): never a target.
_INPUTS: set[tuple[int, int, int, int]] = set()


def _key(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def protect_input(path: str | Path) -> None:
    """Remember a file this run reads, so that no write replaces it."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return
    if stat.S_ISREG(st.st_mode):
        _INPUTS.add(_key(st))


def _is_input(st: os.stat_result) -> bool:
    return _key(st) in _INPUTS


def write_bytes(path: str | Path, data: bytes, *, force: bool = False) -> Path:
    """Write `data` to `path` atomically; without `force`, never replace anything."""
    if str(path).strip() == "":
        raise UserError("the output file name is empty: give a file name, or '-' for standard output")
    target = Path(path)
    try:
        lst = os.lstat(target)
    except FileNotFoundError:
        lst = None
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror}") from None
    if lst is not None and stat.S_ISLNK(lst.st_mode):
        try:
            real = os.stat(target)
        except OSError:
            real = None
        if real is not None and _is_input(real):
            raise UserError(f"{target} is the letter being read; choose another output file")
        if not force:
            what = "a symbolic link to a file that does not exist" if real is None else "a symbolic link"
            raise UserError(f"{target} is {what}; use --force to replace the link (its target is left alone)")
    elif lst is not None:
        if _is_input(lst):
            raise UserError(f"{target} is the letter being read; choose another output file")
        if stat.S_ISDIR(lst.st_mode):
            raise UserError(f"{target} is a folder, not a file")
        if not stat.S_ISREG(lst.st_mode):
            # A device or pipe (-o /dev/null, /dev/stdout, a FIFO): write into it. The atomic
            # rename below would replace the device node itself with a regular file.
            _write_special(target, lst, data)
            return target
        if not force:
            raise UserError(f"{target} already exists; use --force to overwrite it")
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
        if force:
            os.replace(tmp, target)  # a link at target is itself replaced, never followed
        else:
            _link_new(tmp, target, data)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass  # renamed away, or never made
    return target


def _link_new(tmp: str, target: Path, data: bytes) -> None:
    """Give the finished temporary file the name `target` only if that name is free."""
    exists = f"{target} already exists; use --force to overwrite it"
    try:
        os.link(tmp, target)
        return
    except FileExistsError:
        raise UserError(exists) from None
    except OSError:
        pass  # no hard links here (some network and FAT file systems): exclusive create
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    except FileExistsError:
        raise UserError(exists) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except BaseException:
        try:
            os.unlink(target)
        except OSError:
            pass
        raise


def _write_special(target: Path, st: os.stat_result, data: bytes) -> None:
    flags = os.O_WRONLY
    if stat.S_ISFIFO(st.st_mode):
        flags |= os.O_NONBLOCK  # no reader: ENXIO at once instead of waiting for ever
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        if stat.S_ISFIFO(st.st_mode) and exc.errno == 6:  # ENXIO
            raise UserError(f"cannot write {target}: it is a pipe that nobody is reading") from None
        raise UserError(f"cannot write {target}: {exc.strerror}") from None
    try:
        if flags & os.O_NONBLOCK:
            os.set_blocking(fd, True)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror}") from None


def write_text(path: str | Path, text: str, *, force: bool = False) -> Path:
    return write_bytes(path, text.encode("utf-8"), force=force)
