"""Word letters: real headings, grounds numbered per letter, quotes styled, dates table, page set-up."""

import datetime as dt
import io

import docx  # a dependency: missing, these tests must fail, not skip

from appeal.model import Authority, Dates, Event, Evidence, Exemption, Finding, Refusal, Timeline
from appeal.render.docx import paragraphs, to_docx
from appeal.render.letters import build_review, to_markdown
from appeal.render.requester import Requester


def make(quote="We neither confirm nor deny.", name="Ann Example", n=2):
    ref = Refusal(authority=Authority(name="Northshire Council"), regime="FOIA", reference="REF-9",
                  dates=Dates(letter="2024-03-01", received="2024-02-02"), request_text="The budget.",
                  exemptions=[Exemption("s12", test="cost")])
    findings = [Finding(f"rule-{i}", f"Ground title {i}", "strong", [Evidence(quote, i, i + 1)],
                        f"Argument {i}.", [], f"Ask {i}.") for i in range(n)]
    tl = Timeline("FOIA", "uk-any-part", [Event("review_due", "2024-04-03", "code")])
    letter = build_review(ref, findings, tl, Requester(name=name, email="a@example.org"), regime="FOIA",
                          letter_date=dt.date(2024, 3, 5), responded=dt.date(2024, 3, 1))
    md = to_markdown(letter)
    return to_docx(md, header="Your reference: REF-9", title="t", author=name, date=dt.date(2024, 3, 5))


def test_structure_of_the_word_letter():
    data = make()
    paras = paragraphs(data)
    assert paras[0] == "[header] Your reference: REF-9"
    assert "[Heading 1] Request for internal review: your reference REF-9" in paras
    assert "[Heading 2] Grounds" in paras
    assert "[Heading 3] 1. Ground title 0" in paras and "[Heading 3] 2. Ground title 1" in paras
    assert "[Quote] “We neither confirm nor deny.”" in paras
    assert "[Normal] What I ask: Ask 0." in paras
    # the dates are in the review's text, not a table (the complaint and the summary list them)
    assert not any(p.startswith("[table]") for p in paras)
    assert any("by 3 April 2024" in p for p in paras)


def test_numbering_restarts_in_each_letter():
    first, second = paragraphs(make(n=3)), paragraphs(make(n=2))
    grounds = [p for p in second if p.startswith("[Heading 3]")]
    assert grounds[0].startswith("[Heading 3] 1. ")
    assert len([p for p in first if p.startswith("[Heading 3]")]) == 3


def test_page_setup_and_font():
    from docx.shared import Cm, Pt

    doc = docx.Document(io.BytesIO(make()))
    s = doc.sections[0]
    for margin in (s.left_margin, s.right_margin, s.top_margin, s.bottom_margin):
        assert abs(margin - Cm(2.5)) < Cm(0.01)
    normal = doc.styles["Normal"].font
    assert normal.name == "Calibri" and normal.size == Pt(11)
    assert doc.core_properties.author == "Ann Example"


def test_control_characters_and_surrogates_are_cleaned_not_fatal():
    data = make(quote="bad\x00 text\x07 with \x1b[31m escapes\x0c and \ud800 a surrogate", name="Ann\x0b Example")
    paras = paragraphs(data)
    quote = next(p for p in paras if p.startswith("[Quote]"))
    assert quote == "[Quote] “bad text with [31m escapes and a surrogate”"
    joined = "".join(paras)
    assert "\x00" not in joined and "\ud800" not in joined


def test_word_proofs_the_letter_in_british_english():
    import zipfile

    with zipfile.ZipFile(io.BytesIO(make())) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    assert 'w:val="en-GB"' in styles and 'w:val="en-US"' not in styles
