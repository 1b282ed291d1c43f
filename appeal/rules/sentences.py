"""split_sentences: the letter cut into sentence spans, as the rules see it (the stock matcher's
sentence_span, in stocktext/sentences.py, finds the one sentence around a match instead)."""

from __future__ import annotations

import re

def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split at sentence punctuation, blank lines, and ends of short lines.

    A single line break ends a sentence only after a short line (a heading, a list item) or
    where the next line starts afresh; long wrapped lines (PDF text) run on.
    """
    out = []
    start = 0
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        if m.group("stop") is not None:
            end = m.start() + len(m.group("stop"))
            if m.group("sp") is not None:  # ". Next": only before a capital, digit, bullet or quote
                nxt = text[m.end() : m.end() + 1]
                if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘([•"):
                    continue
        else:
            end = m.start()
            if m.group("nl") is not None:
                # only whether the line is longer than 70 matters: never scan back over a long line
                floor = max(0, m.start() - 200)
                line_start = text.rfind("\n", floor, m.start()) + 1 or floor
                line = text[line_start : m.start()].strip()
                nxt = text[m.end() : m.end() + 1]
                if len(line) > 70 and not line.endswith((":", ";")) and not (
                    nxt.isupper() or nxt.isdigit() or (nxt and nxt in "•-–*(")
                ):
                    continue
        if text[start:end].strip():
            out.append((start, end))
        start = m.end()
    if start < n and text[start:].strip():
        out.append((start, n))
    return out


_BOUNDARY = re.compile(
    r"(?P<stop>[.!?][\"'”’)\]]?)(?:(?P<sp>[ \t]+)|[ \t]*\n\s*)"
    r"|\n[ \t]*\n\s*"
    r"|(?P<nl>[ \t]*\n[ \t]*)"
)

