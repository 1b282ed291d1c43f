"""E-mails (.eml): the headers a reader sees, the body, then each refusal attached.

Body: the text/plain part, else the HTML part converted like a web page. Attachments in
a format we read (PDF, Word, HTML, text, a forwarded e-mail) follow the body, each after a
separator line naming it, because refusals often arrive as attachments. An attachment that
cannot be read is skipped with a note, unless nothing else has any text.

When the body is only a cover note ("Please find attached our response...") and an
attachment holds the letter, the letter is the attachment alone: the cover note, the
e-mail's headers and the separator are not the letter's words, so the same letter gives the
same findings whether it came as a .txt, a .pdf, a .docx or attached to an e-mail.
"""

from __future__ import annotations

import re

from appeal.errors import UserError
from appeal.ingest.guards import Extracted

# A body that only hands over an attachment: short, and says so (or says almost nothing).
_COVER_WORDS = re.compile(
    r"(?i)\battach|\benclos|\bplease\s+(?:find|see)\b|\bfind\s+(?:below|herewith)|\bforward|\bherewith\b"
)
_COVER_MAX = 3000  # characters: a cover note is a few lines
_COVER_BARE = 400  # a body this short is a cover note whatever it says
# A body that cites provisions is making the refusal itself, not handing it over.
_CITES = re.compile(r"(?i)\b(?:sections?|s\.|regulations?|reg\.)\s*\d")

SEPARATOR = "----- Attachment: {name} -----"
# The headers kept above an inline letter: who sent it, what about, and the day (without
# time or zone: "10:00:00 +0000" are not figures the letter gives). "To" is the requester.
_HEADERS = ("From", "Date", "Subject")
_MAX_DEPTH = 3  # e-mails attached to e-mails


def read_eml(data: bytes, name: str, depth: int = 0) -> Extracted:
    import email
    from email import policy

    try:
        msg = email.message_from_bytes(data, policy=policy.default)
    except Exception:
        raise UserError(f"could not read {name} as an e-mail: it may be damaged") from None
    if msg.defects and not msg.keys():
        raise UserError(f"could not read {name} as an e-mail: it has no headers")
    try:
        return _message(msg, name, depth)
    except UserError:
        raise
    except RecursionError:
        raise UserError(f"could not read {name} as an e-mail: it is nested too deeply") from None
    except Exception:  # the e-mail package raises many kinds on broken messages
        raise UserError(f"could not read {name} as an e-mail: it may be damaged") from None


def _header_lines(msg) -> list[str]:
    lines = []
    for key in _HEADERS:
        try:
            value = msg.get(key)
        except Exception:  # a malformed header: show it raw rather than fail
            value = msg.get_all(key, [None])[0] if hasattr(msg, "get_all") else None
        if value and key == "Date":
            value = _day(str(value))
        if value:
            lines.append(f"{key}: {' '.join(str(value).split())}")
    return lines


def _day(value: str) -> str | None:
    """'Wed, 10 Mar 2021 10:00:00 +0000' -> '10 March 2021'; None if it is no date."""
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    return f"{when.day} {when:%B} {when.year}"


def _message(msg, name: str, depth: int) -> Extracted:
    from appeal.ingest.html import html_to_text
    from appeal.ingest.text import strip_chrome

    ex = Extracted("")
    pieces: list[str] = []
    header = "\n".join(_header_lines(msg))
    body_text = ""
    body_part = None
    try:
        body_part = msg.get_body(preferencelist=("plain", "html"))
    except Exception:
        body_part = None
    if body_part is not None:
        body_text = _part_text(body_part, name)
        if body_part.get_content_subtype() == "html":
            body_text = html_to_text(body_text)
        else:  # a page pasted into a plain e-mail: its chrome goes, as from a .txt
            body_text = strip_chrome(body_text)
    elif not msg.is_multipart() and msg.get_content_maintype() == "text":
        body_text = strip_chrome(_part_text(msg, name))
    body_text, quoted = _without_thread(body_text)
    if quoted == "below":  # a forwarding note on top: the outer headers are the forwarder's
        header = ""
    if header:
        pieces.append(header)
    if body_text.strip():
        pieces.append(body_text.strip("\n"))

    errors: list[UserError] = []
    letters: list[tuple[str, Extracted]] = []  # the readable attachments
    for index, part in enumerate(_attachments(msg, body_part), 1):
        filename = part.get_filename() or (
            "forwarded e-mail" if part.get_content_type() == "message/rfc822" else f"attachment {index}"
        )
        try:
            text = _attachment_text(part, filename, depth)
        except UserError as exc:
            errors.append(exc)
            ex.notes.append(f"{name}: attachment {filename} was skipped: {exc}")
            continue
        if text is None:
            continue
        pieces.append(SEPARATOR.format(name=filename) + "\n\n" + text.text)
        letters.append((filename, text))
        ex.notes.extend(text.notes)
        ex.truncated = ex.truncated or text.truncated
    if not body_text.strip() and len(pieces) <= (1 if header else 0):
        if errors:
            raise errors[0]
        raise UserError(f"{name} is an e-mail with no text and no readable attachment; copy the letter into a .txt file")
    if _is_cover_note(body_text, letters):
        # the letter is what is attached; the first attachment needs no separator
        ex.text = "\n\n".join(
            [letters[0][1].text.strip("\n")]
            + [SEPARATOR.format(name=f) + "\n\n" + t.text for f, t in letters[1:]]
        )
        return ex
    ex.text = "\n\n".join(pieces)
    return ex


# Where an earlier message starts in a reply or a forward: Outlook's "-----Original Message-----"
# or "From: ... / Sent: ..." block, a line of underscores before "From:", "On ... wrote:".
_THREAD_BREAK = re.compile(
    r"(?im)^[ \t]*(?:-{2,}[ \t]*(?:original|forwarded)[ \t]+(?:message|e-?mail)[ \t]*-{2,}[ \t]*$"
    r"|_{10,}[ \t]*\n(?=[ \t]*from:)"
    r"|on\b[^\n]{0,200}\d[^\n]{0,200}\bwrote:[ \t]*$"
    r"|(?=from:[^\n]*\n[ \t]*(?:sent|date):))"
)
_QUOTED_HEADER = re.compile(r"(?im)\A(?:[ \t]*(?:from|sent|date|to|cc|bcc|subject|importance):[^\n]*\n|[ \t]*\n)+")
_LETTER_MIN = 400  # characters: shorter, and citing nothing, a part is a note, not the letter


def _without_thread(body: str) -> tuple[str, str | None]:
    """The body without the earlier messages quoted under a reply (or the note over a
    forward): (text, None) when there is no thread, (text, "above") when the letter is the
    reply on top, (text, "below") when it is a forwarded message under a short note. The
    quoted messages (often the requester's own request) are not the letter's words."""
    cuts = [m.start() for m in _THREAD_BREAK.finditer(body) if m.start() > 0 or m.group(0) == ""]
    cuts = sorted({c for c in cuts})
    if not cuts:
        return body, None
    bounds = [0, *cuts, len(body)]
    for i in range(len(bounds) - 1):
        part = body[bounds[i]:bounds[i + 1]]
        if i:
            part = _THREAD_BREAK.sub("", part, count=1) if _THREAD_BREAK.match(part) else part
            part = _QUOTED_HEADER.sub("", part, count=1)
        part = part.strip("\n")
        if len(part.strip()) >= _LETTER_MIN or _CITES.search(part):
            return part, ("above" if i == 0 else "below")
    return body, None


def _is_cover_note(body: str, letters: list[tuple[str, Extracted]]) -> bool:
    """The body only hands over the attached letter: short, saying so, citing nothing, and
    shorter than what is attached."""
    body = body.strip()
    attached = sum(len(t.text.strip()) for _, t in letters)
    if not letters or attached <= len(body):
        return False
    if len(body) > _COVER_MAX or _CITES.search(body):
        return False
    return len(body) <= _COVER_BARE or bool(_COVER_WORDS.search(body))


def _part_text(part, name: str) -> str:
    try:
        content = part.get_content()
    except Exception:
        payload = part.get_payload(decode=True) or b""
        from appeal.ingest.text import decode

        return decode(payload, name, declared=part.get_content_charset())
    if isinstance(content, bytes):
        from appeal.ingest.text import decode

        return decode(content, name, declared=part.get_content_charset())
    return content if isinstance(content, str) else ""


def _attachments(msg, body_part):
    """Parts that are files: named, or marked as attachments, or a forwarded e-mail."""
    if not msg.is_multipart():
        return
    stack = list(msg.iter_parts())
    while stack:
        part = stack.pop(0)
        if part is body_part:
            continue
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            yield part
            continue
        if part.is_multipart():
            stack[0:0] = list(part.iter_parts())
            continue
        disposition = part.get_content_disposition()
        if part.get_filename() or disposition == "attachment":
            yield part
        elif ctype in ("application/pdf",) or ctype.startswith("application/vnd.openxmlformats"):
            yield part


def _attachment_text(part, filename: str, depth: int) -> Extracted | None:
    from appeal.ingest import extract_bytes, kind_for

    ctype = part.get_content_type()
    if ctype == "message/rfc822":
        if depth >= _MAX_DEPTH:
            return None
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        if inner is None or isinstance(inner, (str, list)):
            return None
        return _message(inner, filename, depth + 1)
    maintype = part.get_content_maintype()
    if maintype in ("image", "audio", "video", "font"):
        return None
    payload = part.get_payload(decode=True)
    if not payload or not payload.strip():
        return None
    kind = kind_for(filename, payload, content_type=ctype, attachment=True)
    if kind is None:
        return None  # a spreadsheet, an image...: not a letter we read
    return extract_bytes(payload, filename, kind, depth=depth + 1, charset=part.get_content_charset())
