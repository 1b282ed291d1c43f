"""Plain-text letters: find the encoding, refuse binary junk.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; then UTF-16 without a mark (told by
its NUL bytes in every other place); then strict UTF-8; then Windows-1252, the usual
encoding of letters saved on Windows (curly quotes, the pound sign); latin-1 last, which
decodes anything.
"""

from __future__ import annotations

import codecs
import re

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


# ---- page chrome copied with the letter -----------------------------------------------------------
# Whole lines that a web page puts around a letter: cookie banners (English and Welsh),
# "Quickly exit this site", skip links, beta and rebuild banners, print and share links, a
# page's status label. Only whole lines are dropped, so no line of the letter is lost.
_CHROME = re.compile(
    r"(?i)^[ \t]*(?:"
    # exit-this-site buttons (domestic-abuse pages on police.uk sites)
    r"quickly\s+exit\s+this\s+site\b.*|(?:leave|exit)\s+this\s+site|allanfa\s+gyflym|gadael\s+y\s+wefan(?:\s+hon)?|"
    # cookie banners
    r"we\s+use\s+(?:some\s+)?(?:essential\s+|necessary\s+)?cookies\b.*|we['’]d\s+(?:also\s+)?like\s+to\s+(?:set|use)\s+"
    r"(?:additional|analytics|some\s+additional)\s+cookies\b.*|you\s+can\s+manage\s+your\s+(?:preferences\s+and\s+)?cookie.*|"
    r"your\s+cookie\s+(?:preferences|settings)\s+ha(?:ve|s)\s+been\s+saved.*|you(?:['’]ve|\s+have)\s+(?:accepted|rejected)\s+"
    r"(?:additional|analytics|all)\s+cookies.*|tell\s+us\s+whether\s+you\s+accept\s+cookies|cookies\s+on\s+[\w .'’-]{1,60}|"
    r"(?:accept|reject|allow|deny)\s+(?:all\s+|additional\s+|analytics\s+|optional\s+)?cookies|(?:view|customi[sz]e|manage)\s+"
    r"cookies(?:\s+settings)?|cookie\s+(?:settings|preferences|policy|notice)|hide\s+(?:this\s+)?(?:cookie\s+)?message|"
    r"this\s+(?:site|website)\s+uses\s+cookies\b.*|"
    r"rydym\s+yn\s+defnyddio\s+(?:rhai\s+)?cwcis\b.*|gallwch\s+reoli\s+eich\s+dewisiadau\b.*|mae\s+eich\s+dewisiadau\s+cwcis\b.*|"
    r"(?:derbyn|gwrthod)\s+(?:pob\s+|y\s+)?cwcis(?:\s+ychwanegol)?|mae['’]r\s+wefan\s+hon\s+yn\s+defnyddio\s+cwcis\b.*|"
    r"sorry,\s+there\s+was\s+a\s+technical\s+problem\.?(?:\s+please\s+try\s+again\.?)?|"
    r"mae['’]n\s+ddrwg\s+gennym,\s+roedd\s+problem\s+dechnegol\b.*|"
    # skip links
    r"skip\s+to\s+(?:the\s+)?(?:main\s+|site\s+|page\s+)?(?:content|navigation|menu|main)(?:\s+skip\s+to\s+(?:the\s+)?"
    r"(?:main\s+|site\s+)?(?:content|navigation|menu|main))*|neidio\s+i['’]r\s+(?:prif\s+)?gynnwys|"
    # beta and rebuild banners
    r"this\s+(?:site|website|service)\s+is\s+(?:a\s+|in\s+)?beta\b.*|(?:beta\s+)?this\s+is\s+a\s+new\s+service\b.*|"
    r"diolch\s+am\s+roi\s+cynnig\s+ar\s+fersiwn\b.*|please\s+be\s+aware\s+we['’]re\s+making\s+some\s+improvements\b.*|"
    r".{0,60}this\s+site\s+won['’]t\s+be\s+routinely\s+updated\s+during\s+the\s+pre-election\s+period\.?|"
    # print and share
    r"(?:print|share)(?:\s+this\s+(?:page|article))?|share\s+(?:on|via)\s+(?:facebook|twitter|x|linkedin|whatsapp|e-?mail)|"
    r"back\s+to\s+top|was\s+this\s+page\s+(?:useful|helpful)\??.*|report\s+a\s+problem\s+with\s+this\s+page|"
    r"rate\s+this\s+page|"
    # a page's status label
    r"this\s+request\s+was\s+(?:refused|answered)\s+in\s+(?:full|part),\s+so\s+we\b.*"
    r")[ \t]*$"
)
_CHROME_WORDS = ("cookie", "cwci", "skip to", "exit this site", "leave this site", "gyflym", "gadael", "neidio",
                 "technical problem", "dechnegol", "beta", "new service", "improvements", "pre-election", "print",
                 "share", "back to top", "this page", "rate this", "in full, so we", "in part, so we")


def strip_chrome(text: str) -> str:
    """The text without whole lines of page chrome (see _CHROME)."""
    low = text.lower()
    if not any(w in low for w in _CHROME_WORDS):
        return text
    out = []
    dropped = False
    for line in text.split("\n"):
        if len(line) < 400 and line.strip() and _CHROME.match(line):
            dropped = True
            continue
        out.append(line)
    if not dropped:
        return text
    return "\n".join(out).lstrip("\n")


def read_text(data: bytes, name: str) -> Extracted:
    return Extracted(strip_chrome(decode(data, name)))
