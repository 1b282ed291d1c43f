"""Ingest: every format to clean text, and every guard against bad or hostile files.

All letters here are synthetic, written for these tests; binary fixtures are built in the
tests (tests/test_ingest_helpers.py).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import types
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from appeal.errors import UserError
from appeal.ingest import guards, kind_for, load_refusal, read_letter
from appeal.ingest.pdf import join_breaks
from appeal.model import Authority, Dates, Exemption, Refusal

sys.path.insert(0, str(Path(__file__).parent))
from test_ingest_helpers import LETTER, make_docx, make_pdf  # noqa: E402


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    p = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    p.write_bytes(data)
    return str(p)


def error_of(path: str) -> str:
    with pytest.raises(UserError) as exc:
        read_letter(path)
    msg = str(exc.value)
    assert "\n" not in msg, "a UserError is one line"
    return msg


# ---- plain text --------------------------------------------------------------------------
def test_utf8_text_is_verbatim(tmp_path):
    path = write(tmp_path, "letter.txt", LETTER)
    assert read_letter(path) == LETTER.strip("\n")


def test_utf8_bom_is_dropped(tmp_path):
    path = write(tmp_path, "letter.txt", b"\xef\xbb\xbf" + "Dear Mr Smith, it’s £450.".encode())
    assert read_letter(path) == "Dear Mr Smith, it’s £450."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(tmp_path, encoding):
    text = "The Council’s estimate is £450.\r\nSection 12 applies.\r\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = write(tmp_path, "letter.txt", data)
    assert read_letter(path) == "The Council’s estimate is £450.\nSection 12 applies."


def test_utf16_without_bom_is_recognised(tmp_path):
    path = write(tmp_path, "letter.txt", "Dear Requester, section 40(2) applies.".encode("utf-16-le"))
    assert read_letter(path) == "Dear Requester, section 40(2) applies."


def test_cp1252_curly_apostrophe_and_pound(tmp_path):
    data = "The Trust’s costs exceed £600 – “the appropriate limit”.".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fixture really is not UTF-8
    path = write(tmp_path, "letter.txt", data)
    assert read_letter(path) == "The Trust’s costs exceed £600 – “the appropriate limit”."


def test_latin1_last_resort_for_bytes_cp1252_lacks(tmp_path):
    # 0x81 is undefined in Windows-1252: latin-1 decodes it (a control, then removed).
    path = write(tmp_path, "letter.txt", b"Caf\xe9 \x81receipt \xa3 5")
    assert read_letter(path) == "Café receipt £ 5"


def test_clean_up_keeps_text_otherwise_verbatim(tmp_path):
    raw = "Line one\u00a0with  two spaces\r\n\tindented\x07\r\n\r\n\r\n\r\nAfter  gap   \rend\x0cpage two"
    path = write(tmp_path, "letter.txt", raw)
    assert read_letter(path) == "Line one with  two spaces\n\tindented\n\nAfter  gap\nend\npage two"


def test_clean_text_removes_invisible_and_expands_ligatures():
    assert guards.clean_text("con\ufb01rm sec\u00adtion\u200b 31") == "confirm section 31"


# ---- guards: files -----------------------------------------------------------------------
def test_missing_file(tmp_path):
    msg = error_of(str(tmp_path / "nope.txt"))
    assert "no such file" in msg and "nope.txt" in msg


def test_directory(tmp_path):
    assert "is a folder" in error_of(str(tmp_path))


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "letter.txt", LETTER)

    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(guards, "open", denied, raising=False)
    assert "permission denied" in error_of(path)


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t "])
def test_empty_file(tmp_path, content):
    assert "is empty" in error_of(write(tmp_path, "letter.txt", content))


def test_size_cap_says_size_and_limit(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(21 * 1024 * 1024)  # sparse: costs nothing on disk
    msg = error_of(str(p))
    assert "21.0 MB" in msg and "20.0 MB" in msg


def test_nul_bytes_in_txt_are_binary(tmp_path):
    path = write(tmp_path, "letter.txt", b"Dear Sir\x00\x00\x13\x00\xff\xfe\x00 junk" * 20)
    assert "binary" in error_of(path)


def test_many_control_characters_are_binary(tmp_path):
    junk = bytes([1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 65, 66]) * 100
    assert "binary" in error_of(write(tmp_path, "letter.txt", junk))


def test_long_text_is_capped_and_said(tmp_path, capsys):
    line = "The public interest in maintaining the exemption outweighs disclosure.\n"
    text = line * (guards.MAX_CHARS // len(line) + 500)
    path = write(tmp_path, "long.txt", text)
    out = read_letter(path)
    assert len(out) <= guards.MAX_CHARS
    assert out.endswith("disclosure.")  # cut at a line end
    err = capsys.readouterr().err
    assert "appeal: warning:" in err and "1,000,000" in err


# ---- HTML --------------------------------------------------------------------------------
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>FOI 24-117 | Example Council</title>
<style>.x{color:red}</style><script>var tracker = "TRACKING-SCRIPT";</script></head>
<body class="js-enabled">
<a href="#main" class="govuk-skip-link">Skip to main content</a>
<div id="cookie-banner" class="cookie-banner" role="region" aria-label="Cookies on this site">
  <p>We use COOKIES-TEXT to make this site work.</p><button>Accept all</button></div>
<header class="site-header"><div class="logo">SITE-LOGO Example Council</div></header>
<nav aria-label="Main"><ul><li>Bins NAV-ITEM</li><li>Council tax</li></ul></nav>
<ol class="govuk-breadcrumbs"><li>Home BREADCRUMB</li><li>FOI disclosure log</li></ol>
<main id="main">
<h1>FOI 24-117: Parking fines</h1>
<p>Dear Requester,</p>
<p>We hold the information. It is exempt under section&nbsp;31(1)(a) &amp; section 40(2).
The Council&#8217;s estimate is &pound;450.</p>
<ul><li>First point</li><li>Second point</li></ul>
<table><tr><th>Year</th><th>Fines</th></tr><tr><td>2022</td><td>1,204</td></tr></table>
<form><label>Was this page useful? FEEDBACK-FORM</label><input type="text"></form>
</main>
<div class="ccc-notify">Cookie Control POPUP-TEXT</div>
<footer class="site-footer"><p>FOOTER-TEXT © Example Council</p></footer>
<aside class="sidebar">Related SIDEBAR-TEXT</aside>
</body></html>"""


def test_html_drops_chrome_keeps_letter(tmp_path):
    text = read_letter(write(tmp_path, "page.html", PAGE))
    for junk in ("TRACKING-SCRIPT", "COOKIES-TEXT", "Accept all", "SITE-LOGO", "NAV-ITEM",
                 "BREADCRUMB", "FEEDBACK-FORM", "POPUP-TEXT", "FOOTER-TEXT", "SIDEBAR-TEXT",
                 "Skip to main content", "color:red", "FOI 24-117 | Example"):
        assert junk not in text, junk
    lines = text.split("\n")
    assert "FOI 24-117: Parking fines" in lines
    assert "Dear Requester," in lines
    assert "First point" in lines and "Second point" in lines
    assert "2022" in lines and "1,204" in lines and "Year" in lines
    assert "exempt under section 31(1)(a) & section 40(2)." in text
    assert "The Council’s estimate is £450." in text


def test_html_paragraphs_separated_by_blank_line(tmp_path):
    text = read_letter(write(tmp_path, "p.htm", "<p>One para.</p><p>Two <b>bold</b> para.</p><br>x"))
    assert text == "One para.\n\nTwo bold para.\n\nx"


def test_html_meta_charset_windows_1252(tmp_path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>It’s £10.</p></body></html>'
    text = read_letter(write(tmp_path, "p.html", page.encode("cp1252")))
    assert text == "It’s £10."


def test_html_body_class_named_like_chrome_keeps_letter(tmp_path):
    page = ('<html><body class="cookie-consent-pending"><div class="content">'
            "<p>The request is refused under section 12 of the Act.</p></div></body></html>")
    text = read_letter(write(tmp_path, "p.html", page))
    assert text == "The request is refused under section 12 of the Act."


def test_html_article_header_kept(tmp_path):
    page = ("<body><header>SITE</header><article><header><h2>Response to FOI 55</h2></header>"
            "<p>Refused.</p></article></body>")
    text = read_letter(write(tmp_path, "p.html", page))
    assert "SITE" not in text and "Response to FOI 55" in text


def test_html_chrome_names_match_whole_names_not_parts_of_the_letter(tmp_path):
    page = ('<body><div id="header">SITE-HEADER</div><div class="govuk-footer">SITE-FOOTER</div>'
            '<div class="correspondence"><div class="correspondence__header">From: Example Police, '
            '2 April 2024</div><div class="correspondence__body"><p>We refuse under section 30.</p>'
            '</div></div><div class="l-sidebar">SIDE</div></body>')
    text = read_letter(write(tmp_path, "wdtk.html", page))
    assert text == "From: Example Police, 2 April 2024\n\nWe refuse under section 30."


def test_html_only_chrome_is_an_error(tmp_path):
    msg = error_of(write(tmp_path, "p.html", "<html><body><nav>Menu</nav><script>x()</script></body></html>"))
    assert "no letter text" in msg


# ---- PDF ---------------------------------------------------------------------------------
def test_pdf_text_and_pages(tmp_path):
    pdf = make_pdf([["Dear Requester,", "The Trust’s estimate is £450 (see annex)."], ["Page two text."]])
    text = read_letter(write(tmp_path, "letter.pdf", pdf))
    assert text.startswith("Dear Requester,\nThe Trust’s estimate is £450 (see annex).")
    assert text.endswith("Page two text.")


def test_pdf_compressed_stream(tmp_path):
    pdf = make_pdf([["Compressed stream text."]], compress=True)
    assert read_letter(write(tmp_path, "letter.pdf", pdf)) == "Compressed stream text."


def test_pdf_citations_split_over_lines_are_joined(tmp_path):
    pdf = make_pdf([[
        "the information is exempt under section",
        "31(1)(a) and we neither confirm nor deny under Section 31",
        "(3) of the Act; personal data s.40(5)",
        "(b) applies, and regulation",
        "12(4)",
        "(b) too. This exemp-",
        "tion is qualified.",
    ]])
    text = read_letter(write(tmp_path, "letter.pdf", pdf))
    assert "exempt under section 31(1)(a) and" in text
    assert "Section 31(3) of the Act" in text
    assert "s.40(5)(b) applies" in text
    assert "regulation 12(4)(b) too" in text
    assert "This exemption is qualified." in text


def test_join_breaks_leaves_lists_and_compounds_sensible():
    assert join_breaks("under section 31\n(a) the prevention of crime") == "under section 31\n(a) the prevention of crime"
    assert join_breaks("the non-\ndisclosure of it") == "the non-disclosure of it"
    assert join_breaks("s.\n40(2)") == "s. 40(2)"
    assert join_breaks("sections 30(1)\n(a) and 31") == "sections 30(1)(a) and 31"
    assert join_breaks("Total: 2020-\n2021") == "Total: 2020-\n2021"
    # a real hyphen at a line end stays; only split words lose it
    assert join_breaks("a subscription-\nonly service") == "a subscription-only service"
    assert join_breaks("see /freedom-of-\ninformation/#x") == "see /freedom-of-information/#x"
    assert join_breaks("the disclo-\nsure of it; sec-\ntions 30") == "the disclosure of it; sections 30"
    assert join_breaks("at https://ico.org.uk/media/1199/\ncosts_limit.pdf today") == \
        "at https://ico.org.uk/media/1199/costs_limit.pdf today"
    assert join_breaks("section 31(1)(a)(b) and\n(c), which") == "section 31(1)(a)(b) and (c), which"
    assert join_breaks("the items:\n(a) one and\n(b) two") == "the items:\n(a) one and\n(b) two"


def test_join_breaks_in_lists_of_citations():
    assert join_breaks("Section 30 (1) (a) (b) and (2)\n(a) (i) investigations") == \
        "Section 30 (1) (a) (b) and (2)(a) (i) investigations"
    assert join_breaks("sections 30(b)(i) and\n30(b)(ii) of FOISA") == "sections 30(b)(i) and 30(b)(ii) of FOISA"
    # no citation on the line before: an ordinary list stays as laid out
    assert join_breaks("see items (1)\n(2) below") == "see items (1)\n(2) below"
    assert join_breaks("we hold 3 and\n4(a) items") == "we hold 3 and\n4(a) items"


def test_pdf_encrypted_with_empty_password_is_read(tmp_path):
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(make_pdf([["Encrypted but open letter."]])))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert pypdf.PdfReader(io.BytesIO(buf.getvalue())).is_encrypted
    assert read_letter(write(tmp_path, "e.pdf", buf.getvalue())) == "Encrypted but open letter."


def test_pdf_with_password_is_a_clear_error(tmp_path):
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(make_pdf([["Secret letter."]])))
    writer = pypdf.PdfWriter()
    writer.add_page(reader.pages[0])
    writer.encrypt(user_password="letmein", owner_password="o", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    msg = error_of(write(tmp_path, "p.pdf", buf.getvalue()))
    assert "password-protected" in msg


def test_scanned_pdf_without_text(tmp_path):
    msg = error_of(write(tmp_path, "scan.pdf", make_pdf([[], []], text=False)))
    assert "scanned PDF with no text; copy the text into a .txt file" in msg


def test_random_bytes_pdf_is_damaged(tmp_path):
    rnd = bytes((i * 7919 + 13) % 256 for i in range(5000))
    assert "could not read" in error_of(write(tmp_path, "r.pdf", rnd))
    msg = error_of(write(tmp_path, "r2.pdf", b"%PDF-1.7\n" + rnd))
    assert msg.startswith("could not read") and "as a PDF: it may be damaged" in msg


def test_truncated_pdf_is_damaged_or_partial(tmp_path):
    pdf = make_pdf([["Dear Requester, page one."]] * 3)
    try:
        text = read_letter(write(tmp_path, "t.pdf", pdf[: len(pdf) // 2]))
    except UserError as exc:
        assert "PDF" in str(exc)
    else:
        assert "Dear Requester" in text  # pypdf recovered what it could


def test_pdf_page_cap(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(guards, "MAX_PDF_PAGES", 3)
    pdf = make_pdf([[f"Text of page {i}."] for i in range(1, 8)])
    text = read_letter(write(tmp_path, "many.pdf", pdf))
    assert "Text of page 3." in text and "Text of page 4." not in text
    assert "has 7 pages; only the first 3 were read" in capsys.readouterr().err


def test_pdf_page_with_megabytes_of_drawing_is_skipped(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(guards, "MAX_PDF_PAGE_CONTENT", 400)
    pdf = make_pdf([["A short first page."], ["A very long line of drawing. " * 30], ["Third page."]])
    text = read_letter(write(tmp_path, "heavy.pdf", pdf))
    assert "A short first page." in text and "Third page." in text and "drawing" not in text
    assert "page 2 was skipped" in capsys.readouterr().err


def test_pdf_damaged_page_is_skipped_others_read(tmp_path, monkeypatch, capsys):
    import pypdf

    real = pypdf.PageObject.extract_text

    def flaky(self, *a, **k):
        out = real(self, *a, **k)
        if "BROKEN" in out:
            raise ValueError("bad operator")
        return out

    monkeypatch.setattr(pypdf.PageObject, "extract_text", flaky)
    pdf = make_pdf([["Good page one."], ["BROKEN page"], ["Good page three."]])
    text = read_letter(write(tmp_path, "p.pdf", pdf))
    assert text == "Good page one.\n\nGood page three."
    assert "page(s) 2 could not be read" in capsys.readouterr().err


def test_pdf_reading_is_time_limited(tmp_path, monkeypatch):
    import time

    import pypdf

    monkeypatch.setattr(guards, "MAX_PDF_SECONDS", 0.3)
    monkeypatch.setattr(pypdf.PageObject, "extract_text", lambda self, *a, **k: time.sleep(30) or "")
    msg = error_of(write(tmp_path, "slow.pdf", make_pdf([["Never read."]])))
    assert "took over 0.3 seconds" in msg


# ---- Word --------------------------------------------------------------------------------
def test_docx_paragraphs_tables_in_order_with_header(tmp_path):
    data = make_docx(
        ["Dear Ms Example,", "Your request is refused under section 43(2)."],
        [["Question", "Answer"], ["Q1 contracts", "Withheld"]],
        ["Yours sincerely,", "Records Team"],
        header="Example Borough Council — Information Governance",
    )
    text = read_letter(write(tmp_path, "letter.docx", data))
    order = ["Example Borough Council — Information Governance", "Dear Ms Example,",
             "refused under section 43(2).", "Question", "Answer", "Q1 contracts", "Withheld",
             "Yours sincerely,", "Records Team"]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)
    assert "Q1 contracts\nWithheld" in text


def test_docx_hyperlinks_tracked_changes_and_text_boxes(tmp_path):
    import docx
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    document = docx.Document()
    p = document.add_paragraph("See ")
    p._p.append(parse_xml(f'<w:hyperlink {ns} r:id="rId99"><w:r><w:t>our guidance</w:t></w:r></w:hyperlink>'))
    p._p.append(parse_xml(f'<w:ins {ns} w:id="1" w:author="a"><w:r><w:t xml:space="preserve"> under section 21</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {ns} w:id="2" w:author="a"><w:r><w:delText>DELETED-TEXT</w:delText></w:r></w:del>'))
    box = document.add_paragraph()
    box._p.append(parse_xml(
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        '<w:p><w:r><w:t>Letterhead: Example Police</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Letterhead: Example Police</w:t></w:r></w:p>'
        '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    buf = io.BytesIO()
    document.save(buf)
    text = read_letter(write(tmp_path, "x.docx", buf.getvalue()))
    assert "See our guidance under section 21" in text
    assert "DELETED-TEXT" not in text
    assert text.count("Letterhead: Example Police") == 1


def test_word_template_or_macro_file_body_is_read(tmp_path):
    data = make_docx(["Template letter body."], [], [])
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for info in zin.infolist():
            blob = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
            zf.writestr(info, blob)
    assert read_letter(write(tmp_path, "letter.dotx", out.getvalue())) == "Template letter body."


def test_docx_truncated_is_damaged(tmp_path):
    data = make_docx(["A letter."], [], [])
    msg = error_of(write(tmp_path, "t.docx", data[: len(data) // 2]))
    assert msg == f"could not read {tmp_path / 't.docx'} as a Word document: it may be damaged"


def test_docx_random_bytes_is_damaged(tmp_path):
    assert "as a Word document: it may be damaged" in error_of(write(tmp_path, "r.docx", b"PK\x03\x04" + b"\x99" * 300))


def _bomb(path: Path, size: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        with zf.open("word/media/image1.png", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)


def test_docx_zip_bomb_refused_before_python_docx(tmp_path, monkeypatch):
    import docx

    def must_not_open(*a, **k):
        raise AssertionError("python-docx opened a zip bomb")

    monkeypatch.setattr(docx, "Document", must_not_open)
    p = tmp_path / "bomb.docx"
    _bomb(p, 40 * 1024 * 1024)
    assert p.stat().st_size < 200_000  # small on disk, 40 MB unpacked
    msg = error_of(str(p))
    assert "zip bomb" in msg and "40.0 MB" in msg


def test_docx_total_unpacked_size_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(guards, "MAX_ZIP_RATIO", 10**9)  # only the total limit applies
    monkeypatch.setattr(guards, "MAX_ZIP_TOTAL", 5 * 1024 * 1024)
    p = tmp_path / "big.docx"
    _bomb(p, 8 * 1024 * 1024)
    assert "would unpack to 8.0 MB" in error_of(str(p))


def test_docx_budget_counts_real_bytes(monkeypatch):
    """Declared sizes may lie: the reader counts what really comes out."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", b"x" * 5000)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        with pytest.raises(UserError, match="zip bomb"):
            guards.read_zip_member("f.docx", zf, "word/document.xml", [1000])


def test_zip_that_is_not_word(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert "not a Word document" in error_of(write(tmp_path, "sheet.docx", buf.getvalue()))
    assert "is a zip file, not a letter" in error_of(write(tmp_path, "archive.zip", buf.getvalue()))


def test_old_word_doc_is_explained(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    assert "old Word .doc" in error_of(write(tmp_path, "letter.doc", ole))


def test_password_protected_word_file_is_explained(tmp_path):
    # Word saves an encrypted .docx as an OLE container holding an "EncryptedPackage" stream.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100
    assert "password-protected Word file" in error_of(write(tmp_path, "letter.docx", ole))


# ---- e-mail ------------------------------------------------------------------------------
def _email(body: str | None = None, html: str | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "FOI Team <foi@example-council.gov.uk>"
    msg["To"] = "requester@example.org"
    msg["Subject"] = "Your FOI request FOI-2024-0117"
    msg["Date"] = "Tue, 02 Apr 2024 10:15:00 +0100"
    if body is not None:
        msg.set_content(body)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    elif html is not None:
        msg.set_content(html, subtype="html")
    return msg


def test_eml_cover_note_then_pdf_attachment_is_the_attachment_alone(tmp_path):
    # The cover note, the headers and the separator are not the letter's words (issue 13).
    msg = _email("Please find our response attached.\n\nRegards, FOI Team")
    pdf = make_pdf([["Response to FOI-2024-0117", "Exempt under section 31(1)(a)."]])
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="response.pdf")
    text = read_letter(write(tmp_path, "mail.eml", msg.as_bytes()))
    assert text.startswith("Response to FOI-2024-0117") and "Exempt under section 31(1)(a)." in text
    for absent in ("Please find our response attached.", "Subject:", "From:", "----- Attachment:"):
        assert absent not in text


def test_eml_letter_in_body_with_annex_keeps_both(tmp_path):
    # A body that is the refusal itself (it cites its exemption) is kept, the annex after it.
    msg = _email("Dear Requester,\n\nThe information is exempt under section 31(1)(a); "
                 "the attached annex lists what was searched.\n\nFOI Team")
    pdf = make_pdf([["Annex: search log"] + [f"Searched folder {i} of the case system." for i in range(12)]])
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="annex.pdf")
    text = read_letter(write(tmp_path, "mail.eml", msg.as_bytes()))
    assert "Subject: Your FOI request FOI-2024-0117" in text
    assert text.index("exempt under section 31(1)(a)") < text.index("----- Attachment: annex.pdf -----") \
        < text.index("Annex: search log")


def test_eml_html_cover_note_and_docx_attachment(tmp_path):
    msg = _email(html="<html><body><script>track()</script><p>Our reply is attached.</p></body></html>")
    data = make_docx(["Refusal notice", "Section 43(2) applies."], [], [])
    msg.add_attachment(data, maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                       filename="refusal.docx")
    text = read_letter(write(tmp_path, "mail.eml", msg.as_bytes()))
    assert "track()" not in text and "<p>" not in text
    assert text.startswith("Refusal notice") and "Section 43(2) applies." in text
    assert "Our reply is attached." not in text and "----- Attachment:" not in text


def test_eml_forwarded_message_and_text_attachment(tmp_path):
    inner = _email("Original refusal: section 12 applies, the cost exceeds £450.")
    inner.add_attachment("Annex: breakdown of hours.".encode("cp1252"), maintype="text",
                         subtype="plain", filename="annex.txt")
    outer = EmailMessage()
    outer["From"] = "me@example.org"
    outer["Subject"] = "Fwd: FOI"
    outer.set_content("Forwarding the council's reply.")
    outer.add_attachment(inner)
    text = read_letter(write(tmp_path, "fwd.eml", outer.as_bytes()))
    # the forwarding note is not the letter; the forwarded refusal keeps its own annex after it
    assert "Forwarding the council's reply." not in text and "Fwd: FOI" not in text
    assert text.index("Original refusal") < text.index("----- Attachment: annex.txt -----") < text.index("Annex: breakdown of hours.")


def test_eml_prefers_plain_text_over_html(tmp_path):
    msg = _email("PLAIN version of the reply.", "<p>HTML version of the reply.</p>")
    text = read_letter(write(tmp_path, "mail.eml", msg.as_bytes()))
    assert "PLAIN version" in text and "HTML version" not in text


def test_eml_damaged_attachment_is_skipped_with_a_note(tmp_path, capsys):
    msg = _email("The refusal is in the attachment.")
    msg.add_attachment(b"%PDF-1.4 garbage", maintype="application", subtype="pdf", filename="broken.pdf")
    msg.add_attachment(b"\x89PNG....", maintype="image", subtype="png", filename="logo.png")
    text = read_letter(write(tmp_path, "mail.eml", msg.as_bytes()))
    assert "The refusal is in the attachment." in text and "logo.png" not in text
    assert "broken.pdf was skipped" in capsys.readouterr().err


def test_eml_with_only_a_damaged_attachment_is_an_error(tmp_path):
    msg = EmailMessage()
    msg["Subject"] = "FOI"
    msg.add_attachment(b"%PDF-1.4 garbage", maintype="application", subtype="pdf", filename="broken.pdf")
    msg.set_content  # noqa: B018 - no body at all
    assert "could not read broken.pdf as a PDF" in error_of(write(tmp_path, "m.eml", msg.as_bytes()))


# ---- sniffing unknown extensions ---------------------------------------------------------
def test_sniffing(tmp_path):
    pdf = make_pdf([["Sniffed PDF letter."]])
    assert read_letter(write(tmp_path, "letter.dat", pdf)) == "Sniffed PDF letter."
    assert read_letter(write(tmp_path, "letter.txt", pdf)) == "Sniffed PDF letter."  # misnamed
    docx_bytes = make_docx(["Sniffed Word letter."], [], [])
    assert read_letter(write(tmp_path, "download", docx_bytes)) == "Sniffed Word letter."
    html = "<!DOCTYPE html><html><body><nav>Menu</nav><p>Sniffed page.</p></body></html>"
    assert read_letter(write(tmp_path, "page.aspx", html)) == "Sniffed page."
    mail = _email("Sniffed e-mail body.").as_bytes()
    assert "Sniffed e-mail body." in read_letter(write(tmp_path, "message", mail))
    assert read_letter(write(tmp_path, "notes", "Plain letter, no extension.")) == "Plain letter, no extension."
    assert kind_for("x.bin", b"just words") == "text"


# ---- stdin -------------------------------------------------------------------------------
def test_stdin_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Dear Requester,\r\nsection 12 applies.\r\n"))
    assert read_letter("-") == "Dear Requester,\nsection 12 applies."


def test_stdin_binary_pdf(monkeypatch):
    stream = io.TextIOWrapper(io.BytesIO(make_pdf([["Piped PDF letter."]])))
    monkeypatch.setattr(sys, "stdin", stream)
    assert read_letter("-") == "Piped PDF letter."


def test_stdin_empty(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with pytest.raises(UserError, match="standard input is empty"):
        read_letter("-")


# ---- load_refusal ------------------------------------------------------------------------
def _refusal() -> Refusal:
    text = "We rely on section 31(1)(a)."
    return Refusal(
        authority=Authority(name="Example Council", kind="council", nation="england"),
        regime="FOIA", reference="FOI-2024-0117",
        dates=Dates(letter="2024-04-02", received="2024-03-03"),
        request_text="How many fines?",
        exemptions=[Exemption(citation="s31(1)(a)", title="Law enforcement", absolute=False,
                              test="prejudice", spans=[[12, 28]], likelihood=["would"])],
        public_interest_test=True, assumptions=["received year taken from the letter date"],
        text=text, source="letter.txt",
    )


def test_json_round_trip(tmp_path):
    original = _refusal()
    path = write(tmp_path, "refusal.json", json.dumps(original.to_dict(), indent=2))
    assert load_refusal(path) == original


def test_json_on_stdin(monkeypatch):
    original = _refusal()
    monkeypatch.setattr(sys, "stdin", io.StringIO("  " + json.dumps(original.to_dict())))
    assert load_refusal("-") == original


def test_malformed_json_names_the_line(tmp_path):
    path = write(tmp_path, "r.json", '{\n  "schema": "appeal.refusal/1",\n  "regime": FOIA\n}')
    with pytest.raises(UserError) as exc:
        load_refusal(path)
    assert "not valid JSON" in str(exc.value) and "line 3" in str(exc.value)


def test_json_bad_field_is_named(tmp_path):
    d = _refusal().to_dict()
    d["regime"] = "GDPR"
    with pytest.raises(UserError, match="'regime'"):
        load_refusal(write(tmp_path, "r.json", json.dumps(d)))


def test_load_refusal_reads_then_parses(tmp_path, monkeypatch):
    calls = []

    def parse_text(text, *, source=None):
        calls.append((text, source))
        return Refusal(text=text, source=source)

    monkeypatch.setitem(sys.modules, "appeal.parse", types.SimpleNamespace(parse_text=parse_text))
    path = write(tmp_path, "letter.html", "<nav>Menu</nav><p>Refused under section 12.</p>")
    refusal = load_refusal(path)
    assert calls == [("Refused under section 12.", path)]
    assert refusal.text == "Refused under section 12." and not refusal.truncated


def test_load_refusal_marks_truncation(tmp_path, monkeypatch):
    monkeypatch.setattr(guards, "MAX_CHARS", 100)
    monkeypatch.setitem(sys.modules, "appeal.parse",
                        types.SimpleNamespace(parse_text=lambda text, source=None: Refusal(text=text)))
    refusal = load_refusal(write(tmp_path, "l.txt", "A line of the letter text here.\n" * 20))
    assert refusal.truncated and len(refusal.text) <= 100
    assert any("too long" in a for a in refusal.assumptions)


# ---- never a traceback, and heavy imports stay lazy --------------------------------------
@pytest.mark.parametrize("ext", [".txt", ".html", ".pdf", ".docx", ".eml", "", ".json"])
def test_junk_of_any_kind_is_a_user_error_or_text(tmp_path, ext):
    import random

    rng = random.Random(ext)
    for i in range(25):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        if i % 3 == 0:
            data = {".pdf": b"%PDF-1.5\n", ".docx": b"PK\x03\x04"}.get(ext, b"") + data
        path = write(tmp_path, f"junk{i}{ext}", data)
        try:
            result = load_refusal(path) if ext == ".json" else read_letter(path)
        except UserError as exc:
            assert "\n" not in str(exc)
        else:
            # what comes back is clean text, never raw control bytes (a bare isinstance check
            # here could not fail: read_letter always returns str)
            text = result if isinstance(result, str) else result.text
            assert not any(ch in text for ch in "\x00\x07\x1b\ufffe"), (ext, i)


def test_heavy_libraries_imported_only_when_needed(tmp_path):
    path = write(tmp_path, "letter.txt", LETTER)
    code = (
        "import sys; from appeal.ingest import read_letter; read_letter(sys.argv[1]); "
        "print(sorted(m for m in ('pypdf', 'docx', 'email.parser', 'html.parser', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True,
                         cwd=Path(__file__).parent.parent, env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
