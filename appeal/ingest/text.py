"""Plain-text letters: find the encoding, refuse binary junk.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; then UTF-16 without a mark (told by
its NUL bytes in every other place); then strict UTF-8; then Windows-1252, the usual
encoding of letters saved on Windows (curly quotes, the pound sign); latin-1 last, which
decodes anything.
"""

from __future__ import annotations

import codecs

from appeal.errors import UserError
from appeal.ingest.guards import Extracted, check_not_binary

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, name: str, declared: str | None = None, what: str = "text") -> str:
    """Bytes to str. `declared` is a charset named by the file itself (HTML meta, e-mail)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                text = body.decode(enc)
            except UnicodeDecodeError:
                if enc != "utf-8":
                    raise UserError(
                        f"{name} starts with a {enc.upper()} byte-order mark but is not valid {enc.upper()}; "
                        "save it again as UTF-8"
                    ) from None
                text = _fallback(body)
            check_not_binary(name, text, what)
            return text
    utf16 = _sniff_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            check_not_binary(name, text, what)
            return text
    if b"\x00" in data:
        check_not_binary(name, "\x00", what)  # raises: NUL bytes in what should be text
    text = None
    if declared:
        enc = _known(declared)
        if enc:
            try:
                text = data.decode(enc)
            except (UnicodeError, LookupError, ValueError):  # idna, punycode raise plain UnicodeError
                text = None
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _fallback(data)
    check_not_binary(name, text, what)
    return text


def _fallback(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _known(label: str) -> str | None:
    label = label.strip().strip("\"'").lower()
    if label in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        # WHATWG and every browser read these as Windows-1252; so do we (it is a superset).
        return "cp1252"
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None  # rot13, base64, zlib...: a file cannot name them as its charset
    return info.name


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: mostly-ASCII text has NULs in every other byte."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        sample = sample[: len(sample) - (len(sample) % 2)]
    if len(sample) < 8:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    half = len(sample) // 2
    even_nul = even.count(0) / half
    odd_nul = odd.count(0) / half
    if odd_nul > 0.7 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.7 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def read_text(data: bytes, name: str) -> Extracted:
    return Extracted(decode(data, name))
