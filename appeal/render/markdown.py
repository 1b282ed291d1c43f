"""Markdown: the one form every letter template writes.

The templates write Markdown; `escape` makes any text from outside (the refusal's words,
the requester's details, the rule arguments) safe to put into it, so that a quoted
`*`, `_`, `#`, `[ ]` or a leading `>` never changes the letter's structure.

Plain text and Word are made from the same Markdown: `parse` reads the small subset the
templates use (ATX headings, paragraphs with hard breaks, block quotes, bullet and
numbered lists, pipe tables, rules; inline bold, italic, code, links and backslash
escapes) into blocks of styled runs. `parse_inline(escape(s))` gives back `s` exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# ---- escaping ------------------------------------------------------------------------------
_ALWAYS = set("\\`*<>|#~")
# Brackets are common in citations ("[2015] UKUT 27 (AAC)") and harmless on their own: they
# are escaped only where they could make a link, an image or a reference definition.
_LINKISH = re.compile(r"\][(\[:]|^\s*\[|!\[", re.M)
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^([ \t]*)([-+=]|\d+(?=[.)]))", re.M)


def escape(text: str) -> str:
    """Escape `text` so that Markdown shows it literally, wherever it is placed."""
    out = []
    n = len(text)
    brackets = _LINKISH.search(text) is not None
    for i, ch in enumerate(text):
        if ch in _ALWAYS or (brackets and ch in "[]"):
            out.append("\\" + ch)
        elif ch == "_":
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < n else ""
            # An underscore inside a word (FOI_2019_123) never emphasises: keep it readable.
            out.append("_" if before.isalnum() and after.isalnum() else "\\_")
        else:
            out.append(ch)
    s = "".join(out)
    s = _ENTITY.sub(r"\\&", s)

    # A value may start a line (or hold line breaks): "- x", "+ x", "= x" and "1. x" would
    # become lists or headings there.
    def _lead(m: re.Match) -> str:
        if m.group(2).isdigit():
            return m.group(1) + m.group(2) + "\\"  # 1. -> 1\.
        return m.group(1) + "\\" + m.group(2)

    s = _LINE_START.sub(_lead, s)
    # The digit rule above inserted the backslash before the dot or bracket already.
    return s


# ---- inline --------------------------------------------------------------------------------
@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    br: bool = False  # a hard line break (text is "")


_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def parse_inline(text: str) -> list[Run]:
    """Bold (**x**/__x__), italic (*x*/_x_), `code`, [text](url), escapes, hard breaks."""
    runs: list[Run] = []
    buf: list[str] = []
    bold = italic = False

    def flush() -> None:
        if buf:
            piece = "".join(buf)
            if runs and not runs[-1].br and not runs[-1].code and (runs[-1].bold, runs[-1].italic) == (bold, italic):
                runs[-1].text += piece
            else:
                runs.append(Run(piece, bold=bold, italic=italic))
            buf.clear()

    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in _PUNCT:
            buf.append(text[i + 1])
            i += 2
            continue
        if ch == "\\" and i + 1 < n and text[i + 1] == "\n":
            flush()
            runs.append(Run("", br=True))
            i += 2
            continue
        if ch == "\n":
            # two trailing spaces before a newline: a hard break; otherwise a space
            if len(buf) >= 2 and buf[-1] == " " and buf[-2] == " ":
                while buf and buf[-1] == " ":
                    buf.pop()
                flush()
                runs.append(Run("", br=True))
            else:
                while buf and buf[-1] == " ":
                    buf.pop()
                buf.append(" ")
            i += 1
            while i < n and text[i] == " ":
                i += 1
            continue
        if ch == "`":
            end = text.find("`", i + 1)
            if end != -1:
                flush()
                runs.append(Run(text[i + 1:end], bold=bold, italic=italic, code=True))
                i = end + 1
                continue
        if ch in "*_" and text.startswith(ch * 2, i):
            if bold or _closes(text, i + 2, ch * 2):
                flush()
                bold = not bold
                i += 2
                continue
        if ch in "*_":
            intraword = ch == "_" and i and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum()
            if not intraword and (italic or _closes(text, i + 1, ch)):
                flush()
                italic = not italic
                i += 1
                continue
        if ch == "[":
            m = re.match(r"\[([^\]\\]*(?:\\.[^\]\\]*)*)\]\(([^)\s]+)\)", text[i:])
            if m:
                inner = "".join(r.text for r in parse_inline(m.group(1)))
                url = m.group(2)
                buf.append(inner if inner == url or url == "mailto:" + inner else f"{inner} ({url})")
                i += m.end()
                continue
        buf.append(ch)
        i += 1
    flush()
    return runs


def _closes(text: str, start: int, marker: str) -> bool:
    """Is there an unescaped closing `marker` after `start`, with something between?"""
    j = start
    if j >= len(text) or text[j].isspace():
        return False
    while True:
        k = text.find(marker, j)
        if k == -1:
            return False
        if k > start and text[k - 1] != "\\" and not text[k - 1].isspace():
            return True
        j = k + 1


def plain(text: str) -> str:
    """The inline text with all markup removed (hard breaks become newlines)."""
    return "".join("\n" if r.br else r.text for r in parse_inline(text))


# ---- blocks --------------------------------------------------------------------------------
@dataclass
class Block:
    kind: str  # heading, para, quote, bullet, number, table, rule
    level: int = 0  # heading level; list item number
    text: str = ""  # the inline Markdown (para, heading, list item)
    children: list["Block"] = field(default_factory=list)  # quote: its paragraphs
    rows: list[list[str]] = field(default_factory=list)  # table: header row first

    @property
    def runs(self) -> list[Run]:
        return parse_inline(self.text)


_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^\s{0,3}(\d{1,9})[.)]\s+(.*)$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    cells, cur, i = [], [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            cur.append(s[i:i + 2])
            i += 2
            continue
        if s[i] == "|":
            cells.append("".join(cur).strip())
            cur = []
        else:
            cur.append(s[i])
        i += 1
    cells.append("".join(cur).strip())
    return cells


def parse(markdown: str) -> list[Block]:
    """Read the template subset of Markdown into blocks."""
    lines = markdown.replace("\r\n", "\n").split("\n")
    blocks: list[Block] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if m := _HEADING.match(line):
            blocks.append(Block("heading", level=len(m.group(1)), text=m.group(2)))
            i += 1
            continue
        if _RULE.match(line):
            blocks.append(Block("rule"))
            i += 1
            continue
        if _QUOTE.match(line):
            inner = []
            while i < n and (m := _QUOTE.match(lines[i])):
                inner.append(m.group(1))
                i += 1
            blocks.append(Block("quote", children=parse("\n".join(inner))))
            continue
        if line.lstrip().startswith("|") and i + 1 < n and _TABLE_SEP.match(lines[i + 1]):
            rows = [_cells(line)]
            i += 2
            while i < n and lines[i].lstrip().startswith("|"):
                rows.append(_cells(lines[i]))
                i += 1
            blocks.append(Block("table", rows=rows))
            continue
        m_b, m_n = _BULLET.match(line), _NUMBER.match(line)
        if m_b or m_n:
            kind = "bullet" if m_b else "number"
            item = [m_b.group(1) if m_b else m_n.group(2)]
            number = int(m_n.group(1)) if m_n else 0
            i += 1
            # continuation lines: indented, not a new item or a blank line
            while i < n and lines[i].strip() and lines[i].startswith((" ", "\t")) \
                    and not _BULLET.match(lines[i]) and not _NUMBER.match(lines[i]):
                item.append(lines[i].strip())
                i += 1
            blocks.append(Block(kind, level=number, text="\n".join(item)))
            continue
        para = [line]
        i += 1
        while i < n and lines[i].strip() and not (
            _HEADING.match(lines[i]) or _QUOTE.match(lines[i]) or _BULLET.match(lines[i])
            or _NUMBER.match(lines[i]) or _RULE.match(lines[i])
        ):
            para.append(lines[i])
            i += 1
        text = "\n".join(p.lstrip() for p in para)
        blocks.append(Block("para", text=text.rstrip("\n")))
    return blocks
