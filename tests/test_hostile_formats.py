"""The same letter gives the same findings whatever it came in (issue 13).

One synthetic refusal, written out as .txt, .pdf, .docx, an e-mail with the letter inline,
an e-mail with the letter attached (as .txt, .pdf and .docx, under a cover note that
confirms things and mentions the request), and a WhatDoTheyKnow-style web page. Every form
must give the same findings (rule and strength) quoting the same words; the e-mail's cover
note, headers and separators must never be quoted as the letter's words.
"""

from __future__ import annotations

import html
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile_util import bounded  # noqa: E402
from test_ingest_helpers import make_docx, make_pdf  # noqa: E402

from appeal.ingest import load_refusal  # noqa: E402
from appeal.rules import check  # noqa: E402

LETTERS = Path(__file__).parent / "rules_letters"
# A cover note built to trip the rules if it were read as the letter: it confirms ("We can
# confirm that we hold..."), speaks of a response and of the request.
COVER = (
    "Dear Ms Example,\n\n"
    "Please find attached our response to your Freedom of Information request. We can confirm "
    "that we hold your request on file and that it has been dealt with.\n\n"
    "Kind regards\nInformation Access Team\n"
)


# The requester's own e-mail, quoted under the reply: words that would trip the rules if read
# as the authority's (a stock caveat, a public-funds factor, a confirmation).
_QUOTED_REQUEST = (
    "\n\n-----Original Message-----\nFrom: Ann Example <ann@example.org>\nSent: 01 February 2021 09:00\n"
    "To: FOI <foi@southshire.police.example>\nSubject: Freedom of Information request\n\nDear Sir or Madam,\n\n"
    "Please provide the number of offences recorded in each of the last three years. We can confirm that "
    "the public is entitled to know how public funds are spent. The figures presented in this response "
    "would help.\n\nYours faithfully,\nAnn Example\n"
)


def _findings(path: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    refusal = load_refusal(str(path))
    out = []
    for f in check(refusal):
        quotes = tuple(" ".join(e.quote.split()) for e in f.evidence)
        for e in f.evidence:  # every quote is the letter's own words, verbatim, where it says
            assert refusal.text[e.start:e.end] == e.quote
        out.append((f.rule, f.strength, quotes))
    return sorted(out)


def _email(body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Information Access Team <foi@southshire.police.example>"
    msg["To"] = "ann@example.org"
    msg["Subject"] = "Your FOI request FOI2021/00412"
    msg["Date"] = "Wed, 10 Mar 2021 10:00:00 +0000"
    msg.set_content(body)
    return msg


def _wdtk_page(text: str) -> str:
    """A WhatDoTheyKnow-like page: site chrome around one incoming message."""
    paras = "".join(
        "<p>" + "<br>\n".join(html.escape(line) for line in block.split("\n")) + "</p>\n"
        for block in text.split("\n\n")
    )
    return (
        "<!DOCTYPE html><html><head><title>FOI request - WhatDoTheyKnow</title>"
        "<script>var tracking = 1;</script></head><body>"
        "<header id='banner'><nav class='navbar'><a href='/'>Home</a> <a href='/list'>Browse requests</a>"
        "</nav></header>"
        "<div id='cookie-banner'>We use cookies. Accept all cookies?</div>"
        "<main id='main'><div class='correspondence' id='incoming-1'>"
        f"<div class='correspondence_text'>{paras}</div></div></main>"
        "<footer class='footer'>WhatDoTheyKnow is run by a charity. Donate. Privacy policy.</footer>"
        "</body></html>"
    )


def _forms(letter: str, tmp: Path) -> dict[str, Path]:
    lines = letter.split("\n")
    pdf = make_pdf([lines[i:i + 45] for i in range(0, len(lines), 45)])
    docx = make_docx(lines, [], [])
    forms = {"txt": letter.encode("utf-8"), "pdf": pdf, "docx": docx}
    out: dict[str, Path] = {}
    for ext, data in forms.items():
        p = tmp / f"letter.{ext}"
        p.write_bytes(data)
        out[ext] = p
    inline = _email(letter)
    (tmp / "inline.eml").write_bytes(inline.as_bytes())
    out["eml-inline"] = tmp / "inline.eml"
    for ext, data, (maintype, subtype) in (
        ("txt", forms["txt"], ("text", "plain")),
        ("pdf", pdf, ("application", "pdf")),
        ("docx", docx, ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")),
    ):
        msg = _email(COVER)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=f"FOI2021-00412 response.{ext}")
        p = tmp / f"attached-{ext}.eml"
        p.write_bytes(msg.as_bytes())
        out[f"eml-attached-{ext}"] = p
    # the reply on top of the quoted request (which says things the rules would pick up)
    reply = _email(letter + _QUOTED_REQUEST)
    (tmp / "reply.eml").write_bytes(reply.as_bytes())
    out["eml-reply-above-thread"] = tmp / "reply.eml"
    # the requester forwarding the authority's e-mail to themselves: a note, then the letter
    fwd = _email("FYI - see the council's answer below.\n\n-----Original Message-----\n"
                 "From: Information Access Team <foi@southshire.police.example>\nSent: 10 March 2021 10:00\n"
                 "To: Ann Example\nSubject: Your FOI request\n\n" + letter + _QUOTED_REQUEST)
    (tmp / "fwd.eml").write_bytes(fwd.as_bytes())
    out["eml-forwarded-below-note"] = tmp / "fwd.eml"
    (tmp / "wdtk.html").write_text(_wdtk_page(letter), encoding="utf-8")
    out["wdtk-html"] = tmp / "wdtk.html"
    return out


@pytest.mark.parametrize("name", ["ncnd_counts_police.txt", "partial_then_ncnd_other.txt", "qualified_no_pit.txt"])
@bounded(60)
def test_same_letter_same_findings_in_every_form(name, tmp_path):
    letter = (LETTERS / name).read_text(encoding="utf-8")
    forms = _forms(letter, tmp_path)
    expected = _findings(forms["txt"])
    assert expected, "the fixture must give findings, or the comparison proves nothing"
    for form, path in forms.items():
        got = _findings(path)
        assert [(r, s) for r, s, _ in got] == [(r, s) for r, s, _ in expected], form
        assert got == expected, form


@bounded(30)
def test_cover_note_is_never_quoted(tmp_path):
    letter = (LETTERS / "partial_then_ncnd_other.txt").read_text(encoding="utf-8")
    for form, path in _forms(letter, tmp_path).items():
        refusal = load_refusal(str(path))
        for f in check(refusal):
            for e in f.evidence:
                for words in ("Please find attached", "We can confirm that we hold your request",
                              "----- Attachment:", "Subject:", "cookies", "Original Message",
                              "public funds are spent", "figures presented in this response", "FYI"):
                    assert words not in e.quote, (form, f.rule, e.quote)


def test_thread_breaks_are_found_and_plain_letters_left_alone():
    from appeal.ingest.eml import _without_thread

    letter = "Dear Ms Example,\n\nWe refuse under section 40(2).\n\nYours sincerely\nFOI Team"
    assert _without_thread(letter) == (letter, None)
    # "You\nwrote:" inside a letter is not Gmail's "On <date>, <name> wrote:"
    quoting = "Thank you for your request received on 6 December. You\nwrote:\n\"figures please\"\n" + letter
    assert _without_thread(quoting) == (quoting, None)
    gmail = letter + "\n\nOn Mon, 1 Feb 2021 at 09:00, Ann Example <ann@example.org> wrote:\n> figures please\n"
    assert _without_thread(gmail) == (letter, "above")
    outlook = letter + "\n\nFrom: Ann Example <ann@example.org>\nSent: 01 February 2021 09:00\nSubject: FOI\n\nfigures"
    assert _without_thread(outlook) == (letter, "above")
    underscores = letter + "\n\n________________________________\nFrom: Ann\nSent: today\n\nfigures"
    assert _without_thread(underscores) == (letter, "above")
    forward = "FYI\n\n---------- Forwarded message ---------\nFrom: FOI Team <foi@x.gov.uk>\nDate: 1 Feb 2021\n\n" + letter
    assert _without_thread(forward) == (letter, "below")
    notes_only = "Thanks!\n\n-----Original Message-----\nFrom: me\nSent: then\n\nok"
    assert _without_thread(notes_only) == (notes_only, None)  # nothing looks like a letter: all kept


@bounded(30)
def test_web_page_printed_to_pdf_or_pasted_into_word_reads_as_the_txt(tmp_path):
    from appeal.ingest import read_letter

    chrome = ["Skip to main content", "Tell us whether you accept cookies", "Accept additional cookies",
              "Print this page"]
    letter = (LETTERS / "qualified_no_pit.txt").read_text(encoding="utf-8")
    lines = chrome + letter.split("\n")
    (tmp_path / "page.txt").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "page.pdf").write_bytes(make_pdf([lines[i:i + 45] for i in range(0, len(lines), 45)]))
    (tmp_path / "page.docx").write_bytes(make_docx(lines, [], []))
    txt = read_letter(str(tmp_path / "page.txt"))
    assert not any(c in txt for c in chrome)
    for ext in ("pdf", "docx"):
        text = read_letter(str(tmp_path / f"page.{ext}"))
        assert not any(c in text for c in chrome), ext
    assert _findings(tmp_path / "page.pdf") == _findings(tmp_path / "page.txt") == _findings(tmp_path / "page.docx")
