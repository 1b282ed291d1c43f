"""Page chrome copied with a letter (cookie banners in English and Welsh, "Quickly exit this
site", skip links, beta banners, print and share links) is dropped from .txt and .html alike,
no line of the letter is lost, and spans point into the stored text."""

from __future__ import annotations

import pytest

from appeal.ingest import read_letter
from appeal.ingest.text import strip_chrome
from appeal.parse import parse_text

CHROME_EN = [
    "Quickly exit this site by pressing the Escape key Leave this site",
    "Skip to main content",
    "Skip to site content Skip to main menu",
    "Tell us whether you accept cookies",
    "We use some essential cookies to make our website work. We’d like to set additional cookies so we can "
    "remember your preferences.",
    "You can manage your preferences and cookie settings at any time by clicking on “Customise Cookies” below.",
    "Your cookie preferences have been saved. You can update your cookie settings at any time on the cookies page.",
    "Sorry, there was a technical problem. Please try again.",
    "This site is a beta, which means it's a work in progress and we'll be adding more to it.",
    "Accept additional cookies",
    "Reject additional cookies",
    "Print this page",
    "Share",
]
CHROME_CY = [
    "Allanfa Gyflym",
    "Rydym yn defnyddio rhai cwcis hanfodol i wneud i’n gwefan weithio.",
    "Gallwch reoli eich dewisiadau a gosodiadau cwcis unrhyw bryd drwy glicio ar “Addasu cwcis” isod.",
    "Mae eich dewisiadau cwcis wedi’u cadw.",
    "Mae’n ddrwg gennym, roedd problem dechnegol. Rhowch gynnig arall arni.",
    "Diolch am roi cynnig ar fersiwn 'beta' ein gwefan newydd.",
]
LETTER = [
    "FOI Reference: 123/2025",
    "Request:",
    "Please tell me how many cookies were bought for the staff canteen, and share the invoices.",
    "Response:",
    "I can confirm that Dyfed-Powys Police holds the information. We use a supplier chosen by tender.",
    "The invoices are withheld under Section 43(2) of the Freedom of Information Act 2000.",
    "Print copies are kept at headquarters.",
    "Yours sincerely",
    "Information Rights Unit",
]


@pytest.mark.parametrize("chrome", [CHROME_EN, CHROME_CY])
def test_txt_chrome_dropped_and_every_letter_line_kept(tmp_path, chrome):
    p = tmp_path / "page.txt"
    p.write_text("\n".join(chrome + LETTER) + "\n", encoding="utf-8")
    text = read_letter(str(p))
    for line in chrome:
        assert line not in text
    for line in LETTER:
        assert line in text
    r = parse_text(text)
    assert [e.citation for e in r.exemptions] == ["s43(2)"]
    (a, b), = r.exemptions[0].spans
    assert r.text == text and text[a:b].startswith("Section 43(2)")


def test_html_chrome_in_plain_divs_is_dropped(tmp_path):
    body = "".join(f"<div>{c}</div>" for c in CHROME_EN + CHROME_CY) + "".join(f"<p>{x}</p>" for x in LETTER)
    p = tmp_path / "page.html"
    p.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    text = read_letter(str(p))
    assert "cookie" not in text.split("Request:")[0].lower()
    assert "Quickly exit" not in text and "Allanfa" not in text
    for line in LETTER:
        assert line in text


def test_lines_merely_mentioning_chrome_words_are_kept():
    text = ("We use the cookies policy of the council to decide.\nShare of costs: 40%\n"
            "Skip to content of the attached report, page 4.\n")
    assert strip_chrome(text) == text


def test_text_without_chrome_is_returned_as_is():
    text = "Dear Mr Smith\nYour request is refused under section 40(2).\n"
    assert strip_chrome(text) is text


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(top=st.lists(st.sampled_from(CHROME_EN + CHROME_CY), max_size=8),
       bottom=st.lists(st.sampled_from(["Print this page", "Share", "Back to top", "Was this page useful?"]),
                       max_size=3))
def test_chrome_around_a_letter_never_changes_what_is_read(top, bottom):
    letter = "\n".join(LETTER) + "\n"
    want = parse_text(strip_chrome(letter))
    got = parse_text(strip_chrome("\n".join(top + [letter] + bottom)))
    assert [e.citation for e in got.exemptions] == [e.citation for e in want.exemptions]
    assert (got.authority, got.reference, got.dates, got.ncnd, got.regime) == (
        want.authority, want.reference, want.dates, want.ncnd, want.regime)
    for line in top:
        assert line not in got.text


def test_a_page_ending_in_rate_this_page_or_a_postcode_is_not_cut_short():
    letter = "Dear Sir\nThe minutes are withheld under section 36(2)(b)(ii).\n\nCentral Enquiry Unit\nRegent Road\nEdinburgh\nEH1 3DG\n"
    assert not parse_text(strip_chrome(letter + "\nRate this Page\n")).truncated
    assert "Rate this Page" not in strip_chrome(letter + "\nRate this Page\n")
    assert parse_text("Dear Sir\nThe minutes are withheld under section 36(2)(b)(ii) because the").truncated
