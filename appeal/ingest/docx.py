"""Word letters (.docx): paragraphs and tables in document order, headers first.

The zip is checked before python-docx sees it: declared sizes and compression ratios
(zip bombs), then every part is unpacked under a byte budget, because declared sizes can
lie. Only then is python-docx (imported here, only when needed) given the checked bytes.
Text boxes (often the letterhead) and content controls are read where they stand.
"""

from __future__ import annotations

import io
import zipfile

from appeal.errors import UserError
from appeal.ingest import guards
from appeal.ingest.guards import Extracted

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def is_docx_zip(data: bytes) -> bool:
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except Exception:
        return False


def _damaged(name: str) -> UserError:
    return UserError(f"could not read {name} as a Word document: it may be damaged")


def _checked_zip(data: bytes, name: str) -> bytes:
    """Open the zip, refuse bombs, and return it rebuilt from what really unpacked."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        if data[:8].startswith(b"\xd0\xcf\x11\xe0"):
            raise UserError(
                f"{name} is an old Word .doc file; save it as .docx, or copy the text into a .txt file"
            ) from None
        raise _damaged(name) from None
    except Exception:
        raise _damaged(name) from None
    with zf:
        guards.check_zip(name, zf)
        names = zf.namelist()
        if "word/document.xml" not in names:
            raise UserError(f"{name} is a zip file but not a Word document (no word/document.xml)")
        budget = [guards.MAX_ZIP_TOTAL]
        out = io.BytesIO()
        try:
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as clean:
                for info in zf.infolist():
                    if info.is_dir():
                        continue
                    member = info.filename
                    clean.writestr(member, guards.read_zip_member(name, zf, member, budget))
        except UserError:
            raise
        except Exception:
            raise _damaged(name) from None
    return out.getvalue()


def read_docx(data: bytes, name: str) -> Extracted:
    if not data.startswith(b"PK"):
        if data[:8].startswith(b"\xd0\xcf\x11\xe0"):
            raise UserError(
                f"{name} is an old Word .doc file; save it as .docx, or copy the text into a .txt file"
            )
        raise _damaged(name)
    checked = _checked_zip(data, name)
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise UserError("reading Word letters needs python-docx: pip install python-docx") from None
    try:
        try:
            document = docx.Document(io.BytesIO(checked))
        except ValueError:
            # python-docx opens only documents; templates (.dotx) and macro-enabled
            # files (.docm) have the same body under another content type.
            return Extracted("\n".join(_body_only(checked)))
        lines: list[str] = []
        seen_headers: set[str] = set()
        for section in document.sections:
            for header in (section.first_page_header, section.header):
                try:
                    if header.is_linked_to_previous:
                        continue
                    block = "\n".join(_block_lines(header._element))
                except Exception:
                    continue
                if block.strip() and block not in seen_headers:
                    seen_headers.add(block)
                    lines.append(block)
                    lines.append("")
        lines.extend(_block_lines(document.element.body))
    except UserError:
        raise
    except MemoryError:
        raise UserError(f"could not read {name} as a Word document: it needs too much memory") from None
    except Exception:
        raise _damaged(name) from None
    text = "\n".join(lines)
    return Extracted(text)


def _body_only(checked: bytes) -> list[str]:
    from docx.oxml import parse_xml  # python-docx's parser: no entity expansion

    with zipfile.ZipFile(io.BytesIO(checked)) as zf:
        root = parse_xml(zf.read("word/document.xml"))
    body = root.find(_W + "body")
    if body is None:
        raise ValueError("no body")
    return _block_lines(body)


def _block_lines(container) -> list[str]:
    """Paragraphs and table cells under a body/header/cell element, in document order."""
    out: list[str] = []
    for child in container.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            out.extend(_paragraph_lines(child))
        elif tag == _W + "tbl":
            out.extend(_table_lines(child))
            out.append("")
        elif tag == _W + "sdt":  # a content control: its content is more blocks
            content = child.find(_W + "sdtContent")
            if content is not None:
                out.extend(_block_lines(content))
        elif tag in (_W + "customXml", _W + "ins", _W + "smartTag"):
            out.extend(_block_lines(child))
    return out


def _table_lines(tbl) -> list[str]:
    out: list[str] = []
    for tr in tbl.iter(_W + "tr"):
        if _ancestor_table(tr) is not tbl:
            continue  # rows of a nested table are read inside their cell
        for tc in tr.iterchildren(_W + "tc"):
            cell = [line for line in _block_lines(tc) if line.strip()]
            out.extend(cell)
    return out


def _ancestor_table(el):
    parent = el.getparent()
    while parent is not None and parent.tag != _W + "tbl":
        parent = parent.getparent()
    return parent


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not the paragraph's own: deleted text, text boxes (read after
# the paragraph), the VML copy of a drawing, field codes' results are kept.
_PRUNE = {_W + "del", _W + "moveFrom", _W + "txbxContent", _MC_FALLBACK, _W + "instrText", _W + "delText"}


def _paragraph_text(p) -> str:
    parts: list[str] = []

    def walk(el) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _PRUNE:
                continue
            if tag == _W + "t":
                parts.append(child.text or "")
            elif tag in (_W + "tab", _W + "ptab"):
                parts.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                parts.append("\n")
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
            elif tag == _W + "softHyphen":
                continue
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _paragraph_lines(p) -> list[str]:
    """One paragraph's text (runs, hyperlinks, tracked insertions), then its text boxes."""
    lines = [_paragraph_text(p)]
    for box in p.iter(_W + "txbxContent"):
        # A shape may carry the box twice (DrawingML and a VML fallback); read it once.
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        if any(a.tag == _W + "txbxContent" for a in box.iterancestors()):
            continue  # a box inside a box is read with the outer one
        lines.extend(_block_lines(box))
    return lines
