"""Builders for synthetic letter files used by the ingest tests (no real letters; no tests here)."""

from __future__ import annotations

import io
import zlib


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252")
    out = bytearray(b"(")
    for b in raw:
        if b in b"()\\":
            out += b"\\" + bytes([b])
        elif b < 32 or b > 126:
            out += b"\\%03o" % b
        else:
            out.append(b)
    out += b")"
    return bytes(out)


def make_pdf(pages: list[list[str]], *, text: bool = True, compress: bool = False) -> bytes:
    """A minimal valid PDF, one text line per entry, Helvetica in WinAnsi encoding.

    text=False draws a rectangle instead of text: a page with no text layer, like a scan.
    """
    n = len(pages)
    # objects: 1 catalog, 2 pages, 3 font, then (page, content) per page
    objects: dict[int, bytes] = {}
    kids = []
    for i, lines in enumerate(pages):
        page_id = 4 + 2 * i
        content_id = page_id + 1
        kids.append(f"{page_id} 0 R".encode())
        if text:
            ops = [b"BT /F1 11 Tf 14 TL 72 770 Td"]
            for j, line in enumerate(lines):
                ops.append(_pdf_string(line) + (b" Tj" if j == 0 else b" '"))
            ops.append(b"ET")
            stream = b"\n".join(ops)
        else:
            stream = b"0.5 g 72 600 200 100 re f"
        if compress:
            body = zlib.compress(stream)
            objects[content_id] = (
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"
            )
        else:
            objects[content_id] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id
        )
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n
    objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for oid in sorted(objects):
        offsets[oid] = len(out)
        out += b"%d 0 obj\n" % oid + objects[oid] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for oid in range(1, size):
        out += b"%010d 00000 n \n" % offsets[oid]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def make_docx(paragraphs_before: list[str], table: list[list[str]], paragraphs_after: list[str],
              header: str | None = None) -> bytes:
    import docx

    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    for p in paragraphs_before:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    for p in paragraphs_after:
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


LETTER = """Freedom of Information Request Reference: FOI-2024-0117

Dear Ms Example,

Thank you for your request received on 3 March 2024 asking how many parking fines
were cancelled in 2023.

The Council holds the information but considers it exempt under section 31(1)(a)
of the Freedom of Information Act 2000. Disclosure would be likely to prejudice the
prevention of crime.

If you are unhappy with this response you may ask for an internal review within
40 working days. You also have the right to complain to the Information Commissioner.

Yours sincerely,
Information Governance Team
"""
