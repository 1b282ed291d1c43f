"""Word (.docx) from the template's Markdown, with python-docx (imported only here).

Real headings; the grounds keep the numbers the template gives them (python-docx's
"List Number" would keep counting across letters); quotes in the Quote style; the key
dates as a small table; A4 with 2.5 cm margins; 11 pt Calibri; the authority's reference
in the page header and the page number in the footer. Text Word cannot hold (control
characters, lone surrogates) is cleaned first: python-docx raises on it.
"""

from __future__ import annotations

import datetime as dt
import io

from appeal.render.clean import clean
from appeal.render.markdown import Block, Run, parse, parse_inline

FONT = "Calibri"
DARK = (0x1F, 0x2A, 0x3C)
GREY = (0x59, 0x59, 0x59)


def _font(style, *, size=None, bold=None, italic=None, colour=None, name=FONT) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    f = style.font
    f.name = name
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:  # theme fonts would win over the name we set
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        fonts.set(qn("w:eastAsia"), name)
        fonts.set(qn("w:cs"), name)
    if size is not None:
        f.size = Pt(size)
    if bold is not None:
        f.bold = bold
    if italic is not None:
        f.italic = italic
    if colour is not None:
        f.color.rgb = RGBColor(*colour)


def _setup(doc) -> None:
    from docx.shared import Cm, Pt

    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
        section.header_distance = section.footer_distance = Cm(1.25)
    styles = doc.styles
    normal = styles["Normal"]
    _font(normal, size=11)
    _british(doc)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    for level, size, before in ((1, 13, 12), (2, 12, 12), (3, 11, 10)):
        st = styles[f"Heading {level}"]
        _font(st, size=size, bold=True, italic=False, colour=DARK)
        st.paragraph_format.space_before = Pt(before)
        st.paragraph_format.space_after = Pt(4)
        st.paragraph_format.keep_with_next = True
    quote = styles["Quote"]
    _font(quote, size=11, italic=True, colour=GREY)
    quote.paragraph_format.left_indent = Cm(1.0)
    quote.paragraph_format.right_indent = Cm(1.0)
    quote.paragraph_format.space_before = Pt(2)
    quote.paragraph_format.space_after = Pt(6)
    for name in ("List Bullet",):
        _font(styles[name], size=11)
        styles[name].paragraph_format.space_after = Pt(3)


def _british(doc) -> None:
    """Word proofs the letter in British English: en-GB on the document defaults and on Normal."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    targets = [doc.styles["Normal"].element.get_or_add_rPr()]
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
            targets.append(rpr_default.find(qn("w:rPr")))
    for rpr in targets:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), "en-GB")
        lang.set(qn("w:eastAsia"), "en-GB")
        lang.set(qn("w:bidi"), "ar-SA")


def _runs(paragraph, runs: list[Run]) -> None:
    for r in runs:
        if r.br:
            paragraph.add_run().add_break()
            continue
        run = paragraph.add_run(clean(r.text))
        if r.bold:
            run.bold = True
        if r.italic:
            run.italic = True
        if r.code:
            run.font.name = "Consolas"


def _page_number(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def _header_footer(doc, header_text: str | None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    section = doc.sections[0]
    if header_text:
        p = section.header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run(clean(header_text))
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor(*GREY)
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(p)
    for r in p.runs:
        r.font.size = Pt(9)


def _table(doc, block: Block) -> None:
    from docx.shared import Cm, Pt

    rows = [r for r in block.rows if any(c.strip() for c in r)]
    if not rows:
        return
    cols = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=cols)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    widths = [Cm(11.0), Cm(5.0)] if cols == 2 else [Cm(16.0 / cols)] * cols
    for j, column in enumerate(table.columns):  # the grid (LibreOffice reads this)
        column.width = widths[j]
    for i, row in enumerate(rows):
        for j in range(cols):
            cell = table.cell(i, j)
            cell.width = widths[j]
            p = cell.paragraphs[0]
            p.paragraph_format.space_after = Pt(0)
            _runs(p, parse_inline(row[j] if j < len(row) else ""))
            if i == 0:
                for run in p.runs:
                    run.bold = True
                _shade(cell, "E8ECF2")
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _shade(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _para(doc, style: str | None = None):
    """A new paragraph in `style` (a style name). python-docx looks a style up by scanning
    every style on each call; set the style id on the XML instead, looked up once."""
    p = doc.add_paragraph()
    if style:
        ids = doc.__dict__.setdefault("_appeal_style_ids", {})
        if style not in ids:
            ids[style] = doc.styles[style].style_id
        p._p.style = ids[style]
    return p


def _blocks(doc, blocks: list[Block], *, quote: bool = False) -> None:
    from docx.shared import Cm, Pt

    prev = None
    for b in blocks:
        if prev in ("bullet", "number") and b.kind not in ("bullet", "number") and doc.paragraphs:
            doc.paragraphs[-1].paragraph_format.space_after = Pt(8)  # air after a list
        prev = b.kind
        if b.kind == "heading":
            p = _para(doc, f"Heading {min(max(b.level, 1), 3)}")
            _runs(p, b.runs)
        elif b.kind == "para":
            p = _para(doc, "Quote" if quote else None)
            _runs(p, b.runs)
        elif b.kind == "quote":
            _blocks(doc, b.children, quote=True)
        elif b.kind == "bullet":
            p = _para(doc, "List Bullet")
            _runs(p, b.runs)
        elif b.kind == "number":
            # Numbered by hand: Word's list numbering would carry on from list to list.
            p = _para(doc)
            p.paragraph_format.left_indent = Cm(0.75)
            p.paragraph_format.first_line_indent = Cm(-0.75)
            p.add_run(f"{b.level}.\t")
            _runs(p, b.runs)
        elif b.kind == "table":
            _table(doc, b)
        # "rule": nothing (a letter needs no horizontal lines)


def to_docx(markdown: str, *, header: str | None = None, title: str | None = None,
            author: str | None = None, date: dt.date | None = None) -> bytes:
    """The letter as .docx bytes: written directly into a skeleton when there is one
    (docx_fast.py, the same bytes without importing python-docx), else with python-docx."""
    from appeal.render import docx_fast

    fast = docx_fast.to_docx(markdown, header=header, title=title, author=author, date=date)
    if fast is not None:
        return fast
    data = to_docx_slow(markdown, header=header, title=title, author=author, date=date)
    try:  # a skeleton for the next letter
        docx_fast.save_skeleton(bool(header), docx_fast.build_skeleton(bool(header)))
    except Exception:  # pragma: no cover - best effort: the slow path stays correct
        pass
    return data


def to_docx_slow(markdown: str, *, header: str | None = None, title: str | None = None,
                 author: str | None = None, date: dt.date | None = None) -> bytes:
    """The letter as .docx bytes, built with python-docx."""
    from docx import Document

    doc = Document()
    _setup(doc)
    _header_footer(doc, header)
    _blocks(doc, parse(clean(markdown)))
    props = doc.core_properties
    props.title = clean(title or "")
    props.author = clean(author or "")
    props.last_modified_by = clean(author or "")
    props.comments = ""
    props.revision = 1
    when = dt.datetime.combine(date or dt.date.today(), dt.time(9, 0))
    props.created = props.modified = when
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue(), when)


def _fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same letter gives the same bytes: every zip entry stamped with the letter's date."""
    import zipfile

    out = io.BytesIO()
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


def paragraphs(data: bytes) -> list[str]:
    """The text of a .docx, paragraph by paragraph (tables row by row), for comparisons."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    out = []
    body = doc.element.body
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(child, doc)
            out.append(f"[{p.style.name}] {p.text}")
        elif tag == "tbl":
            for row in Table(child, doc).rows:
                out.append("[table] " + " | ".join(c.text for c in row.cells))
    header = " ".join(p.text for p in doc.sections[0].header.paragraphs).strip()
    return ([f"[header] {header}"] if header else []) + out
