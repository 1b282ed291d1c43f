"""Plain text: the letter to paste into an e-mail or a web form. No markup at all.

Made from the template's Markdown: headings become plain lines, quotes are indented,
lists keep their "-" or number, a table becomes "label: value" lines.
"""

from __future__ import annotations

from appeal.render.clean import clean
from appeal.render.markdown import Block, parse, plain


def _table(block: Block) -> list[str]:
    header, *body = block.rows or [[]]
    lines = []
    for row in body:
        cells = [plain(c) for c in row]
        if len(cells) == 2:
            lines.append(f"{cells[0]}: {cells[1]}")
        else:
            lines.append(" - ".join(c for c in cells if c))
    return lines


def _render(blocks: list[Block], indent: str = "") -> list[str]:
    out: list[str] = []
    prev = None
    for b in blocks:
        if b.kind in ("bullet", "number") and prev == b.kind:
            pass  # list items sit on consecutive lines
        elif out:
            out.append("")
        if b.kind in ("heading", "para"):
            out.extend(indent + line for line in plain(b.text).split("\n"))
        elif b.kind == "bullet":
            out.append(f"{indent}- {plain(b.text)}")
        elif b.kind == "number":
            out.append(f"{indent}{b.level}. {plain(b.text)}")
        elif b.kind == "quote":
            out.extend(_render(b.children, indent + "    "))
        elif b.kind == "table":
            out.extend(indent + line for line in _table(b))
        elif b.kind == "rule":
            if out and out[-1] == "":
                out.pop()
        prev = b.kind
    return out


def to_text(markdown: str) -> str:
    lines = _render(parse(markdown))
    return clean("\n".join(line.rstrip() for line in lines)).strip("\n") + "\n"
