"""The ICO online form pack in the complaint: two answers within the form's 2,000-character
boxes, disputed and accepted exemptions, the documents to upload unedited with their dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from appeal.model import Authority, Dates, Evidence, Exemption, Finding, Refusal
from appeal.render.letters import FORM_BOX, build_complaint, to_markdown
from appeal.render.requester import Requester
from appeal.render.text import to_text

ME = Requester(name="Ann Example", email="ann@example.org", address=["1 Test Row"])
ROOT = Path(__file__).resolve().parent.parent


def refusal(regime="FOIA", request="How many reports of fraud were recorded in 2023?", **kw):
    base = dict(authority=Authority(name="Northshire Constabulary", kind="police"), regime=regime,
                reference="FOI-1", dates=Dates(letter="2024-03-01", received="2024-02-02"),
                request_text=request,
                exemptions=[Exemption("s31(1)(a)"), Exemption("s40(2)"), Exemption("s30(1)")])
    base.update(kw)
    return Refusal(**base)


def finding(n, ask_len=40, title_len=60):
    q = "We will not."
    return Finding(rule=f"rule-{n}", title=("T" * title_len) + f" {n}", strength="strong",
                   evidence=[Evidence(q, 0, len(q))], argument="An argument.", precedents=[],
                   ask="Disclose " + "x" * ask_len + ".")


def complaint(regime="FOIA", findings=(), accepted=(), **kw):
    return build_complaint(refusal(regime, **kw), list(findings), None, ME, regime=regime,
                           letter_date=dt.date(2024, 5, 1), received=dt.date(2024, 2, 2),
                           responded=dt.date(2024, 3, 1), review_requested=dt.date(2024, 3, 8),
                           review_responded=dt.date(2024, 4, 5), accepted=accepted)


@pytest.mark.parametrize("n_grounds,ask_len,request_len", [(0, 0, 10), (3, 40, 100), (25, 400, 5000), (60, 1500, 200)])
def test_both_answers_fit_their_boxes(n_grounds, ask_len, request_len):
    letter = complaint(findings=[finding(i, ask_len) for i in range(n_grounds)], request="r" * request_len)
    form = letter.ico_form
    assert len(form["complaint"]) == form["complaint_chars"] <= FORM_BOX
    why = "\n".join(form["why_lines"])
    assert len(why) == form["why_chars"] <= FORM_BOX
    listed = sum(1 for g in letter.grounds if f"{g.number}. {g.title}" in why)
    if listed < len(letter.grounds):
        assert "further ground" in why  # what did not fit is pointed to, not silently dropped
    assert len(letter.grounds) <= 5  # the letter argues at most five (appeal.judge); the rest are in the summary
    md = to_markdown(letter)
    assert f"({form['complaint_chars']} of 2,000 characters)" in md


def test_the_printed_answer_is_the_counted_answer():
    letter = complaint(findings=[finding(i) for i in range(3)])
    text = to_text(to_markdown(letter))
    assert letter.ico_form["complaint"] in " ".join(text.split())


def test_disputed_and_accepted_exemptions():
    letter = complaint(accepted=("s40(2)",))
    form = letter.ico_form
    assert form["disputed"] == ["section 31(1)(a)", "section 30(1)"]
    assert form["accepted"] == ["section 40(2)"]
    assert "I accept its reliance on section 40(2)" in form["complaint"]
    assert "sections 31(1)(a) and 30(1)" in form["complaint"]
    md = to_markdown(letter)
    assert "Disputed: section 31(1)(a), section 30(1)." in md and "Accepted: section 40(2)." in md


def test_nothing_accepted_by_default_and_the_summary_says_so():
    letter = complaint()
    assert letter.ico_form["accepted"] == [] and "I do not accept any" in letter.ico_form["complaint"]
    assert any("listed as disputed" in a for a in letter.assumptions)
    assert any("personal data" in a for a in letter.assumptions)  # s40 disputed: the form asks


def test_documents_with_their_dates_unedited():
    md = to_markdown(complaint())
    for line in ("my original request (received 2 February 2024)", "the authority's response (dated 1 March 2024)",
                 "my request for an internal review (sent 8 March 2024)",
                 "the outcome of the internal review (dated 5 April 2024)"):
        assert line in md.replace("\u2019", "'")  # the letter prints apostrophes as \u2019
    assert "unedited" in md and "WhatDoTheyKnow" in md and "1.5 MB" in md


def test_scottish_application_has_no_ico_form():
    letter = complaint("FOISA")
    assert letter.ico_form == {} and "online complaint form" not in to_markdown(letter)


def test_the_complaint_template_includes_the_partial_in_one_line():
    text = (ROOT / "templates" / "letters" / "complaint_ico.md.j2").read_text(encoding="utf-8")
    assert text.count('{% include "letters/_ico_form.md.j2" %}') == 1
    assert (ROOT / "templates" / "letters" / "_ico_form.md.j2").exists()


def test_accepted_exemptions_in_any_usual_spelling():
    letter = complaint(accepted=("Section 40(2)", "s.30(1)", "s99"))
    assert letter.ico_form["accepted"] == ["section 40(2)", "section 30(1)"]
    assert letter.ico_form["disputed"] == ["section 31(1)(a)"]
    assert any("--accept s99" in a for a in letter.assumptions)


def test_complaint_cli_accept_option(tmp_path, capsys):
    from appeal.cli import main

    src = ROOT / "tests" / "letters" / "psni_blocks.txt"
    out = tmp_path / "c.md"
    with pytest.raises(SystemExit) as exc:
        main(["complaint", str(src), "-o", str(out), "--name", "A", "--email", "a@b.org",
              "--review-requested", "2024-01-10", "--accept", "s24(2)"])
    assert exc.value.code in (0, None), capsys.readouterr().err
    md = out.read_text(encoding="utf-8")
    assert "## For the online complaint form" in md and "of 2,000 characters" in md
    assert "Disputed: section 31(3)" in md and "Accepted: section 24(2)." in md
