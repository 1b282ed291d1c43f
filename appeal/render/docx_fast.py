"""Word letters without importing python-docx: the same bytes, written directly.

python-docx costs ~35 ms to import and ~25 ms to build a letter, a fifth of a cold
`appeal review --format docx`. A letter only ever needs a few kinds of paragraph, so this
module writes WordprocessingML for them itself, exactly as python-docx serialises it, into a
*skeleton*: the package python-docx saves for an empty letter set up by appeal/render/docx.py
(styles, page, header and footer, properties). Skeletons are keyed by the python-docx version
and docx.py's source, shipped by the release step (`python -m appeal.cli.release`) and kept in
the user's cache; without one, docx.py builds the letter with python-docx as before (and
leaves a skeleton for next time). A test checks the two give identical bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zlib
from pathlib import Path

from appeal.render.clean import clean
from appeal.render.markdown import Block, Run, parse, parse_inline

HEADER_MARK = "APPEALHEADERMARK"
TITLE_MARK = "APPEALTITLEMARK"
AUTHOR_MARK = "APPEALAUTHORMARK"
STAMP_MARK = "2001-02-03T04:05:06Z"
STYLE_IDS = {"Heading 1": "Heading1", "Heading 2": "Heading2", "Heading 3": "Heading3",
             "Quote": "Quote", "List Bullet": "ListBullet"}


def _key() -> str | None:
    """python-docx's version and docx.py's source: what a skeleton depends on."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("docx")
    if spec is None or not spec.origin:
        return None
    version = "unknown"
    site = Path(spec.origin).parent.parent
    try:
        for entry in os.listdir(site):
            if entry.startswith("python_docx-") and entry.endswith(".dist-info"):
                version = entry[len("python_docx-"):-len(".dist-info")]
    except OSError:
        pass
    source = (Path(__file__).with_name("docx.py")).read_bytes()
    return f"{version}-{zlib.crc32(source):08x}"


def skeleton_name(with_header: bool) -> str | None:
    key = _key()
    return f"docx-skeleton-{'header' if with_header else 'plain'}-{key}.docx" if key else None


def _skeleton(with_header: bool) -> bytes | None:
    from appeal.resources import SHIPPED_CACHE, user_cache_dir

    name = skeleton_name(with_header)
    if name is None:
        return None
    for folder in (SHIPPED_CACHE, user_cache_dir()):
        try:
            return (folder / name).read_bytes()
        except OSError:
            continue
    return None


def build_skeleton(with_header: bool) -> bytes:
    """The package python-docx saves for an empty letter, with marks where the text goes."""
    from docx import Document

    from appeal.render import docx as D

    doc = Document()
    D._setup(doc)
    D._header_footer(doc, HEADER_MARK if with_header else None)
    props = doc.core_properties
    props.title = TITLE_MARK
    props.author = AUTHOR_MARK
    props.last_modified_by = AUTHOR_MARK
    props.comments = ""
    props.revision = 1
    stamp = dt.datetime(2001, 2, 3, 4, 5, 6)
    props.created = props.modified = stamp
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def save_skeleton(with_header: bool, data: bytes, folder: Path | None = None) -> None:
    """Keep a skeleton (best effort) in the user cache, or in `folder`."""
    from appeal.resources import user_cache_dir

    name = skeleton_name(with_header)
    if name is None:
        return
    target = (folder or user_cache_dir()) / name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(target)
        prefix = f"docx-skeleton-{'header' if with_header else 'plain'}-"
        for old in target.parent.glob(prefix + "*.docx"):  # skeletons of other versions: stale
            if old != target:
                old.unlink()
    except OSError:
        pass


# ---- WordprocessingML, as python-docx writes it ----------------------------------------------
def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _t(text: str) -> str:
    space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    return f"<w:t{space}>{_esc(text)}</w:t>"


def _content(text: str) -> str:
    """Run content: tabs and line breaks become their own elements (python-docx's appender)."""
    out, buf = [], []
    for ch in text:
        if ch == "\t" or ch in "\r\n":
            if buf:
                out.append(_t("".join(buf)))
                buf = []
            out.append("<w:tab/>" if ch == "\t" else "<w:br/>")
        else:
            buf.append(ch)
    if buf:
        out.append(_t("".join(buf)))
    return "".join(out)


def _run(text: str, *, bold=False, italic=False, code=False) -> str:
    rpr = ""
    if bold or italic or code:
        rpr = "<w:rPr>" + ('<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/>' if code else "") + \
              ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + "</w:rPr>"
    return f"<w:r>{rpr}{_content(text)}</w:r>"


def _runs(runs: list[Run], *, all_bold: bool = False) -> str:
    out = []
    for r in runs:
        if r.br:
            out.append("<w:r>" + ("<w:rPr><w:b/></w:rPr>" if all_bold else "") + "<w:br/></w:r>")
            continue
        out.append(_run(clean(r.text), bold=r.bold or all_bold, italic=r.italic, code=r.code))
    return "".join(out)


class _Para:
    __slots__ = ("style", "after", "indent", "body")

    def __init__(self, style: str | None = None, body: str = "", indent: bool = False):
        self.style, self.after, self.indent, self.body = style, None, indent, body

    def xml(self) -> str:
        ppr = ""
        if self.style:
            ppr += f'<w:pStyle w:val="{STYLE_IDS[self.style]}"/>'
        if self.after is not None:
            ppr += f'<w:spacing w:after="{self.after}"/>'
        if self.indent:
            ppr += '<w:ind w:left="425" w:hanging="425"/>'
        return "<w:p>" + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + self.body + "</w:p>"


def _twips(cm: float) -> int:
    return round(cm * 360000 / 635)


def _table(block: Block) -> str | None:
    rows = [r for r in block.rows if any(c.strip() for c in r)]
    if not rows:
        return None
    cols = max(len(r) for r in rows)
    widths = [_twips(11.0), _twips(5.0)] if cols == 2 else [_twips(16.0 / cols)] * cols
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/>'
           '<w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" '
           'w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>']
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append("</w:tblGrid>")
    for i, row in enumerate(rows):
        out.append("<w:tr>")
        for j in range(cols):
            shade = '<w:shd w:val="clear" w:color="auto" w:fill="E8ECF2"/>' if i == 0 else ""
            body = _runs(parse_inline(row[j] if j < len(row) else ""), all_bold=(i == 0))
            out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{widths[j]}"/>{shade}</w:tcPr>'
                       f'<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>{body}</w:p></w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _blocks(blocks: list[Block], items: list, *, quote: bool = False) -> None:
    """items: _Para objects and table XML strings, in order (docx.py's _blocks, mirrored)."""
    prev = None
    for b in blocks:
        if prev in ("bullet", "number") and b.kind not in ("bullet", "number"):
            last = next((x for x in reversed(items) if isinstance(x, _Para)), None)
            if last is not None:
                last.after = 160  # air after a list (8 pt)
        prev = b.kind
        if b.kind == "heading":
            items.append(_Para(f"Heading {min(max(b.level, 1), 3)}", _runs(b.runs)))
        elif b.kind == "para":
            items.append(_Para("Quote" if quote else None, _runs(b.runs)))
        elif b.kind == "quote":
            _blocks(b.children, items, quote=True)
        elif b.kind == "bullet":
            items.append(_Para("List Bullet", _runs(b.runs)))
        elif b.kind == "number":
            items.append(_Para(None, _run(f"{b.level}.\t") + _runs(b.runs), indent=True))
        elif b.kind == "table":
            table = _table(b)
            if table is not None:
                items.append(table)
                p = _Para()
                p.after = 0
                items.append(p)


def body_xml(markdown: str) -> str:
    items: list = []
    _blocks(parse(clean(markdown)), items)
    return "".join(x if isinstance(x, str) else x.xml() for x in items)


def to_docx(markdown: str, *, header: str | None, title: str | None, author: str | None,
            date: dt.date | None, skeleton: bytes | None = None) -> bytes | None:
    """The letter's bytes, or None when there is no skeleton (or the letter needs what only
    python-docx does: its own errors for over-long properties)."""
    title_text, author_text = clean(title or ""), clean(author or "")
    if len(title_text) > 255 or len(author_text) > 255:
        return None
    skeleton = skeleton or _skeleton(bool(header))
    if skeleton is None:
        return None
    import zipfile

    from appeal.render.docx import _fixed_zip

    when = dt.datetime.combine(date or dt.date.today(), dt.time(9, 0))
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(skeleton)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                i = text.index("<w:body>") + len("<w:body>")
                data = (text[:i] + body_xml(markdown) + text[i:]).encode("utf-8")
            elif item.filename == "docProps/core.xml":
                text = data.decode("utf-8").replace(TITLE_MARK, _esc(title_text))
                text = text.replace(AUTHOR_MARK, _esc(author_text)).replace(STAMP_MARK, stamp)
                data = text.encode("utf-8")
            elif header and item.filename.startswith("word/header"):
                text = data.decode("utf-8")
                if HEADER_MARK in text:
                    text = text.replace(f"<w:t>{HEADER_MARK}</w:t>", _content(clean(header)))
                    data = text.encode("utf-8")
            dst.writestr(item, data)
    return _fixed_zip(out.getvalue(), when)
