"""Text that every output format can hold.

Letters quote text extracted from PDFs, Word files and e-mails, which can carry control
characters (form feeds, NULs, escape sequences), lone surrogates from broken decoding,
and the two non-characters U+FFFE/U+FFFF. XML 1.0 (and so Word) cannot hold any of them,
and python-docx raises on them. They are cleaned, never fatal: form feeds and vertical
tabs become line breaks, everything else that XML refuses is dropped.
"""

from __future__ import annotations

import re

# Everything outside the XML 1.0 Char production, except \t \n \r which are handled below.
_INVALID = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)
_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}
_SPACE = re.compile(r"\s+")


def clean(text: str | None) -> str:
    """Remove what XML cannot hold; normalise line endings. None becomes ''."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for ch, rep in _BREAKS.items():
        if ch in text:
            text = text.replace(ch, rep)
    return _INVALID.sub("", text)


def one_line(text: str | None) -> str:
    """Clean and collapse every run of whitespace (line breaks included) to one space."""
    return _SPACE.sub(" ", clean(text)).strip()


def shorten(text: str, limit: int) -> str:
    """Cut `text` at a word boundary to at most `limit` characters, marking the cut with …"""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.-")
    return cut + " …"
