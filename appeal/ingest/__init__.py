"""Ingest: a letter file (or stdin) -> clean text; and load_refusal() for the commands.

    read_letter(path) -> str        "-" reads stdin; UserError on bad input
    load_refusal(path) -> Refusal   .json -> Refusal.from_dict, else read_letter + parse

The format is told by the extension, checked against the content: a file that starts like
a PDF or a Word zip is read as one whatever its name; an unknown extension is sniffed (PDF
magic, zip with word/document.xml, e-mail headers, HTML tags, else text). Each format lives
in its own small module and imports its heavy library only when that format is read.
Limits (size, pages, characters, zip bombs) and the shared text clean-up are in guards.py.
"""

from __future__ import annotations

import re
import sys

from appeal.errors import UserError
from appeal.ingest import guards
from appeal.ingest.guards import Extracted, display_name

__all__ = ["read_letter", "load_refusal", "read_extracted", "extract_bytes", "kind_for"]

_EXT_KIND = {
    ".txt": "text", ".text": "text", ".md": "text", ".asc": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".pdf": "pdf",
    ".docx": "docx", ".docm": "docx", ".dotx": "docx",
    ".eml": "eml", ".mht": "eml", ".mhtml": "eml",
    ".json": "json",
    ".doc": "doc", ".rtf": "rtf", ".msg": "msg", ".odt": "odt",
}
_TYPE_KIND = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/msword": "doc",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "message/rfc822": "eml",
}
_UNSUPPORTED = {
    "doc": "is an old Word .doc file; save it as .docx, or copy the text into a .txt file",
    "rtf": "is a Rich Text (.rtf) file; save it as .docx, or copy the text into a .txt file",
    "msg": "is an Outlook .msg file; save the e-mail as .eml, or copy the text into a .txt file",
    "odt": "is an OpenDocument (.odt) file; save it as .docx, or copy the text into a .txt file",
    "zip": "is a zip file, not a letter; unzip it and give the letter inside",
}
_HTML_SNIFF = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|p|div|br|table|span|h[1-6])[\s>/]", re.I
)
_EMAIL_HEADER = re.compile(
    rb"(?im)^(?:from|to|subject|date|received|return-path|message-id|mime-version|delivered-to):[ \t]"
)


def _extension(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return ("." + base.rsplit(".", 1)[-1].lower()) if "." in base else ""


def kind_for(name: str, data: bytes, content_type: str | None = None, *, attachment: bool = False) -> str | None:
    """What format `data` is: text, html, pdf, docx, eml, json, or an unsupported kind.

    For attachments (`attachment=True`) None means "not a letter format; skip it".
    """
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        from appeal.ingest.docx import is_docx_zip

        if is_docx_zip(data):
            return "docx"
        ext = _extension(name)
        if _EXT_KIND.get(ext) == "docx":
            return "docx"  # the Word reader says what is wrong with it
        return None if attachment else "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc" if not attachment or _extension(name) in (".doc", ".dot", ".docx") else None
    ext = _extension(name)
    kind = _EXT_KIND.get(ext)
    if kind == "text" and _looks_html(data):
        return "html"
    if kind is not None:
        return kind
    if content_type:
        kind = _TYPE_KIND.get(content_type.lower())
        if kind is not None:
            return kind
    if attachment:
        return None  # an unknown file type attached to a letter: not read
    if _looks_email(data):
        return "eml"
    if _looks_html(data):
        return "html"
    return "text"


def _looks_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<!", b"<html", b"<HTML", b"<?xml")):
        return bool(_HTML_SNIFF.search(data[:4096])) or head.lower().startswith(b"<!doctype html")
    return len(_HTML_SNIFF.findall(data[:4096])) >= 3


def _looks_email(data: bytes) -> bool:
    first = data[:4096].split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    return len(_EMAIL_HEADER.findall(first)) >= 2 and _EMAIL_HEADER.match(first.lstrip()) is not None


def extract_bytes(data: bytes, name: str, kind: str, *, depth: int = 0, charset: str | None = None) -> Extracted:
    """Text from bytes of a known kind (not yet cleaned or capped)."""
    if kind == "doc" and "EncryptedPackage".encode("utf-16-le") in data:
        raise UserError(
            f"{name} is a password-protected Word file; open it, copy the text into a .txt file and use that"
        )
    if kind in _UNSUPPORTED:
        raise UserError(f"{name} {_UNSUPPORTED[kind]}")
    # A web page printed to PDF or pasted into Word keeps the site's chrome lines: dropped as
    # from a .txt or .html, so the same letter reads the same whatever it came in.
    if kind == "pdf":
        from appeal.ingest.pdf import read_pdf
        from appeal.ingest.text import strip_chrome

        ex = read_pdf(data, name)
        ex.text = strip_chrome(ex.text)
        return ex
    if kind == "docx":
        from appeal.ingest.docx import read_docx
        from appeal.ingest.text import strip_chrome

        ex = read_docx(data, name)
        ex.text = strip_chrome(ex.text)
        return ex
    if kind == "html":
        from appeal.ingest.html import read_html

        return read_html(data, name, charset=charset)
    if kind == "eml":
        from appeal.ingest.eml import read_eml

        return read_eml(data, name, depth=depth)
    from appeal.ingest.text import decode, strip_chrome

    return Extracted(strip_chrome(decode(data, name, declared=charset)))


def read_extracted(path: str, data: bytes | None = None) -> Extracted:
    """The clean, capped text of a letter file, with notes (truncation, skipped parts)."""
    name = display_name(path)
    if data is None:
        data = guards.read_bytes(path)
    kind = kind_for("" if path == "-" else path, data)
    if kind == "json":
        kind = "text"  # read_letter on a parsed refusal: its text is what there is
    ex = extract_bytes(data, name, kind)
    ex.text = guards.clean_text(ex.text)
    if not ex.text.strip():
        raise UserError(f"no letter text found in {name}; check it is the refusal letter, or copy the text into a .txt file")
    return guards.cap_chars(name, ex)


def _warn(notes: list[str]) -> None:
    for note in notes:
        print(f"appeal: warning: {guards.terminal_safe(' '.join(note.split()))}", file=sys.stderr)


def read_letter(path: str) -> str:
    """The letter's text, clean and verbatim. "-" reads standard input."""
    ex = read_extracted(path)
    _warn(ex.notes)
    return ex.text


def load_refusal(path: str):
    """A Refusal from a parsed-refusal .json, or from a letter file read and parsed."""
    data = None
    if path == "-":
        data = guards.read_bytes("-")
        if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            return _refusal_from_json(data, "standard input")
    elif _extension(path) == ".json":
        return _refusal_from_json(guards.read_bytes(path), path)
    ex = read_extracted(path, data)
    _warn(ex.notes)
    return parse_extracted(ex, path)


def parse_extracted(ex, path: str):
    """Parse what was read from `path`; a letter cut at the size cap says so in its assumptions."""
    from appeal.parse import parse_text

    refusal = parse_text(ex.text, source=path)
    if ex.truncated:
        refusal.truncated = True
        note = "only the start of the letter was read (it was too long)"
        if note not in refusal.assumptions:
            refusal.assumptions.append(note)
    return refusal


class _BadNumber(ValueError):
    pass


_MAX_NUMBER_DIGITS = 30  # positions, counts and years are far shorter


def _json_int(token: str) -> int:
    if len(token.lstrip("-")) > _MAX_NUMBER_DIGITS:
        raise _BadNumber(f"it holds a number of {len(token.lstrip('-')):,} digits")
    return int(token)


def _json_float(token: str) -> float:
    if len(token) > _MAX_NUMBER_DIGITS + 10:
        raise _BadNumber(f"it holds a number written with {len(token):,} characters")
    value = float(token)
    if value != value or value in (float("inf"), float("-inf")):
        raise _BadNumber(f"it holds a number too large to use ({token[:20]}...)")
    return value


def _json_constant(token: str):
    raise _BadNumber(f"it holds {token}, which is not a number JSON allows")


# Characters that must not reach a terminal or a file from someone else's JSON: controls
# (escape sequences) are dropped, and lone surrogates (which cannot be written as UTF-8)
# become U+FFFD. In the letter's text, which spans index into, each control becomes a
# space instead, one for one, so that every span still points at the same words.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def _json_safe(obj, key: str | None = None):
    if isinstance(obj, str):
        obj = _SURROGATES.sub("\ufffd", obj)
        return _CONTROL_CHARS.sub(" " if key == "text" else "", obj)
    if isinstance(obj, list):
        return [_json_safe(v) for v in obj]
    if isinstance(obj, dict):
        return {_json_safe(k): _json_safe(v, k if isinstance(k, str) else None) for k, v in obj.items()}
    return obj


def _refusal_from_json(data: bytes, name: str):
    import json

    from appeal.model import Refusal

    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{name} is not UTF-8 JSON; save it as UTF-8 or run 'appeal parse --json' again") from None
    try:
        obj = json.loads(raw, parse_int=_json_int, parse_float=_json_float, parse_constant=_json_constant)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}; "
            "fix it or run 'appeal parse --json' again"
        ) from None
    except RecursionError:
        raise UserError(f"{name} is not a parsed refusal: the JSON is nested too deeply") from None
    except _BadNumber as exc:
        raise UserError(f"{name} is not a parsed refusal: {exc}; run 'appeal parse --json' again") from None
    except ValueError as exc:  # whatever else the decoder refuses
        raise UserError(f"{name} is not valid JSON ({' '.join(str(exc).split())[:120]})") from None
    try:
        obj = _json_safe(obj)
    except RecursionError:
        raise UserError(f"{name} is not a parsed refusal: the JSON is nested too deeply") from None
    for key, what in (("text", "the letter text"), ("request_text", "the request")):
        value = obj.get(key) if isinstance(obj, dict) else None
        if isinstance(value, str) and len(value) > guards.MAX_CHARS:
            raise UserError(
                f"{name}: {what} is {len(value):,} characters, over the limit of {guards.MAX_CHARS:,}; "
                "parse the letter again with 'appeal parse --json'"
            )
    try:
        refusal = Refusal.from_dict(obj)
    except UserError as exc:
        raise UserError(f"{name}: {exc}") from None
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise UserError(f"{name} is not a parsed refusal ({type(exc).__name__}); run 'appeal parse --json' again") from None
    if refusal.source is None and name != "standard input":
        refusal.source = name
    return refusal
