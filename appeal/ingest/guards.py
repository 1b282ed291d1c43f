"""Limits and the final clean-up every format's text goes through.

Hostile or broken input must end in a one-line `UserError`, never a traceback or a hung
process: files are size-capped before they are read, Word files are checked for zip bombs
before python-docx opens them, PDFs are page-capped and extracted text is character-capped.

`clean_text` is the one normalisation all formats share. Every later span and quote indexes
into its output, so it changes only what a reader cannot see: line endings, non-breaking
spaces, invisible and control characters, trailing spaces and runs of blank lines.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only Word and e-mail reading need zipfile; import it there
    import zipfile

from appeal.errors import UserError

MAX_FILE_BYTES = 20 * 1024 * 1024  # a refusal with annexes is well under this
MAX_CHARS = 1_000_000  # about 300 pages of text; later stages slow down beyond this
MAX_PDF_PAGES = 500
MAX_PDF_PAGE_CONTENT = 4 * 1024 * 1024  # decoded drawing instructions of one page
MAX_PDF_CONTENT_TOTAL = 40 * 1024 * 1024  # ... and of all pages read
MAX_PDF_SECONDS = 60.0  # wall-clock limit on reading one PDF (Unix main thread)
# Word (zip) limits: checked against the declared sizes first, then while reading.
MAX_ZIP_MEMBERS = 2000
MAX_ZIP_TOTAL = 100 * 1024 * 1024  # bytes once unpacked, all members together
MAX_ZIP_RATIO = 200  # uncompressed / compressed, for members above ZIP_RATIO_FLOOR
ZIP_RATIO_FLOOR = 1024 * 1024
MAX_CONTROL_SHARE = 0.02  # above this share of control characters a ".txt" is binary


@dataclass
class Extracted:
    """What a reader returns: the text plus notes for the user (truncation, skipped parts)."""

    text: str
    notes: list[str] = field(default_factory=list)
    truncated: bool = False


def display_name(path: str) -> str:
    return "standard input" if path == "-" else path


def human_size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def read_bytes(path: str) -> bytes:
    """The file's bytes, or a UserError saying why not (missing, a folder, too big...)."""
    name = display_name(path)
    if path == "-":
        return _read_stdin()
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise UserError(f"{name}: no such file; check the path") from None
    except PermissionError:
        raise UserError(f"{name}: permission denied; check the file's permissions") from None
    except (OSError, ValueError) as exc:
        raise UserError(f"{name}: cannot open ({_reason(exc)})") from None
    import stat as _stat

    if _stat.S_ISDIR(st.st_mode):
        raise UserError(f"{name} is a folder, not a letter file; give the path of one letter")
    if _stat.S_ISFIFO(st.st_mode):
        return _read_fifo(path, name)  # `appeal check <(cmd)`, or a named pipe
    if not _stat.S_ISREG(st.st_mode):
        kind = "a terminal or device" if _stat.S_ISCHR(st.st_mode) or _stat.S_ISBLK(st.st_mode) else "not a regular file"
        raise UserError(f"{name} is {kind}, not a letter file; give the path of the letter, or '-' to read standard input")
    from appeal.fileio import protect_input

    protect_input(path)  # never written over by this run, even with --force
    if st.st_size > MAX_FILE_BYTES:
        raise UserError(
            f"{name} is {human_size(st.st_size)}; the limit is {human_size(MAX_FILE_BYTES)}: "
            "give the refusal letter itself, or copy its text into a .txt file"
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)  # device files and pipes report size 0
    except IsADirectoryError:
        raise UserError(f"{name} is a folder, not a letter file; give the path of one letter") from None
    except PermissionError:
        raise UserError(f"{name}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise UserError(f"{name}: cannot read ({_reason(exc)})") from None
    _check_size(name, data)
    return data


FIFO_WAIT_SECONDS = 10.0  # how long a named pipe may stay silent before anyone writes to it


def _read_fifo(path: str, name: str) -> bytes:
    """A pipe, opened without blocking: one that nobody writes to is an error, not a hang."""
    import select
    import time

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise UserError(f"{name}: cannot open ({_reason(exc)})") from None
    chunks: list[bytes] = []
    size = 0
    seen = False  # a writer has sent something: the next end-of-file is the end
    start = time.monotonic()
    try:
        while True:
            try:
                chunk = os.read(fd, 1 << 16)
            except BlockingIOError:  # a writer is there, with nothing to say yet
                chunk = None
            if chunk:
                seen = True
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    break
                continue
            if chunk == b"" and seen:
                break
            left = FIFO_WAIT_SECONDS - (time.monotonic() - start)
            if left <= 0:
                raise UserError(
                    f"{name} is a pipe that nobody wrote to within {FIFO_WAIT_SECONDS:.0f} seconds; "
                    "give the letter file itself"
                )
            if chunk is None:
                select.select([fd], [], [], min(left, 0.5))
            else:
                time.sleep(min(left, 0.05))  # no writer yet: poll
    finally:
        os.close(fd)
    data = b"".join(chunks)
    _check_size(name, data)
    return data


def _read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None:
        raise UserError("standard input is closed; give a letter file instead of '-'")
    try:
        buf = getattr(stream, "buffer", None)
        if buf is not None:
            data = buf.read(MAX_FILE_BYTES + 1)
        else:  # a text stream (e.g. io.StringIO in tests)
            chunk = stream.read(MAX_FILE_BYTES + 1)
            data = chunk.encode("utf-8", "surrogatepass") if isinstance(chunk, str) else chunk
    except (OSError, ValueError) as exc:
        raise UserError(f"standard input: cannot read ({_reason(exc)})") from None
    except UnicodeDecodeError:
        raise UserError("standard input is not text; give the letter file's path instead of '-'") from None
    if not isinstance(data, bytes):
        data = bytes(data or b"")
    _check_size("standard input", data)
    return data


def _check_size(name: str, data: bytes) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise UserError(
            f"{name} is over {human_size(MAX_FILE_BYTES)}, the limit: give the refusal letter "
            "itself, or copy its text into a .txt file"
        )
    if not data.strip():
        raise UserError(f"{name} is empty; give the file that holds the refusal letter")


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or type(exc).__name__


# ---- text bound for a terminal ------------------------------------------------------------
# Escape sequences (ESC, CSI) and other controls in an attachment's name, a JSON field or a
# file name could move the cursor, retitle the window or hide text: never printed raw.
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def terminal_safe(text: str) -> str:
    """`text` with control characters (other than tab and line feed) and lone surrogates
    replaced by U+FFFD, so that it can be printed to a terminal as it is."""
    return _TERMINAL_UNSAFE.sub("\ufffd", text)


# ---- binary junk -------------------------------------------------------------------------
# Control characters other than line breaks, tab and form feed (common in text exports).
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def check_not_binary(name: str, text: str, what: str = "text") -> None:
    """Reject decoded 'text' that is really binary: NUL bytes or many control characters."""
    if "\x00" in text:
        raise UserError(
            f"{name} holds binary data (NUL bytes), not {what}; give a .txt, .html, .pdf, .docx or .eml letter"
        )
    sample = text[:200_000]
    if not sample:
        return
    controls = len(_BINARY_CONTROLS.findall(sample))
    if controls > 8 and controls / len(sample) > MAX_CONTROL_SHARE:
        raise UserError(
            f"{name} looks like binary data ({controls / len(sample):.0%} control characters), not {what}; "
            "give a .txt, .html, .pdf, .docx or .eml letter"
        )


# ---- zip bombs ---------------------------------------------------------------------------
def check_zip(name: str, zf: zipfile.ZipFile, kind: str = "Word document") -> None:
    """Refuse a zip whose declared sizes are absurd, before anything unpacks it."""
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise UserError(f"{name} has {len(infos)} parts inside, over the limit of {MAX_ZIP_MEMBERS}; it is not a normal {kind}")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > ZIP_RATIO_FLOOR:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_ZIP_RATIO:
                raise UserError(
                    f"{name} would unpack {info.filename} from {human_size(info.compress_size)} to "
                    f"{human_size(info.file_size)} (ratio {ratio:.0f}:1, limit {MAX_ZIP_RATIO}:1); "
                    f"it looks like a zip bomb, not a {kind}"
                )
    if total > MAX_ZIP_TOTAL:
        raise UserError(
            f"{name} would unpack to {human_size(total)}, over the limit of {human_size(MAX_ZIP_TOTAL)}; "
            f"it is not a normal {kind}"
        )


def read_zip_member(name: str, zf: zipfile.ZipFile, member: str, budget: list[int]) -> bytes:
    """Read one member, stopping once more than the remaining budget comes out.

    The declared sizes in a zip can lie; this counts what really unpacks.
    """
    out = bytearray()
    with zf.open(member) as fh:
        while True:
            chunk = fh.read(256 * 1024)
            if not chunk:
                break
            out += chunk
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise UserError(
                    f"{name} unpacks to more than {human_size(MAX_ZIP_TOTAL)}; "
                    "it looks like a zip bomb, not a normal Word document"
                )
    return bytes(out)


# ---- the shared clean-up -----------------------------------------------------------------
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_SPACES = re.compile(r"[\u00a0\u202f\u2007]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u2060\ufeff]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_TRAILING = re.compile(r"[ \t]+$", re.M)
_BLANK_RUNS = re.compile(r"\n{3,}")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_LIGATURE_RE = re.compile("[" + "".join(_LIGATURES) + "]")


def clean_text(text: str) -> str:
    """Normalise what a reader cannot see; keep everything else verbatim."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _LIGATURE_RE.sub(lambda m: _LIGATURES[m.group()], text)
    text = _TRAILING.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")


def cap_chars(name: str, ex: Extracted) -> Extracted:
    """Cut text longer than MAX_CHARS at a line end, and say so."""
    if len(ex.text) <= MAX_CHARS:
        return ex
    full = len(ex.text)
    cut = ex.text.rfind("\n", 0, MAX_CHARS)
    if cut < MAX_CHARS // 2:
        cut = MAX_CHARS
    ex.text = ex.text[:cut].rstrip()
    ex.truncated = True
    ex.notes.append(
        f"{name}: the text is {full:,} characters; only the first {len(ex.text):,} were read "
        f"(limit {MAX_CHARS:,})"
    )
    return ex
