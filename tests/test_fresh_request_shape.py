"""The fresh or narrowed request (`new_request.md.j2`) learns from the refusal: the request is
quoted whole (or plainly marked abridged), a fixed historic period is never widened to "now",
it never thanks the authority for a response that may be years old, and one modest sentence
reshapes it to what the refusal turned on. Synthetic letters only."""

from pathlib import Path

import pytest

from appeal.cli import main
from appeal.model import CostEstimate, Exemption, Refusal
from appeal.render.letters import FRESH_REQUEST_LIMIT, _fresh

LETTERS = Path(__file__).parent / "letters"
ME = ["--name", "Ann Example", "--email", "ann@example.org"]

LETTER = """Westshire Police
Freedom of Information Unit

Date: 4 June 2013
Reference: FOI-2013-0456

Dear Requester,

Freedom of Information Act 2000 request

You asked for the following information:
"{request}"

The information is exempt under section 40(2) of the Act because it is personal data of third
parties, and disclosure would breach the data protection principles.

You may ask for an internal review within 40 working days, and then complain to the Information Commissioner.

Yours faithfully
Freedom of Information Unit
"""

FIXED = ("A spreadsheet of every arrest made in Westshire between 1 April 2012 and 31 March 2013. For each "
         "arrest please give 1. the time of the arrest, 2. the age of the person arrested, 3. the offence "
         "for which they were arrested, and 4. the outcome of the arrest, including whether they were "
         "charged, cautioned or released without further action.")


@pytest.fixture(autouse=True)
def isolated(isolated_requester):
    """Every test here runs without the user's details or config (tests/conftest.py)."""


def fresh_document(tmp_path, capsys, request, date="2026-11-29"):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER.format(request=request), encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["review", str(path), *ME, "--date", date, "-o", "-"])
    err = capsys.readouterr().err
    assert "Outcome: fresh-request" in err
    return err.split("Send this instead:")[1].split("Grounds:")[0]


def test_a_fixed_historic_period_is_never_widened_and_the_request_is_quoted_whole(tmp_path, capsys):
    doc = fresh_document(tmp_path, capsys, FIXED)
    assert "up to the date of this request" not in doc and "as it stands on the date" not in doc
    assert "released without further action" in doc  # past the 240-character opening cut
    assert "…" not in doc and "[…]" not in doc


def test_a_request_with_no_fixed_period_asks_for_the_information_as_it_stands(tmp_path, capsys):
    doc = fresh_document(tmp_path, capsys, "The names of the officers currently assigned to the Westshire dog unit.")
    assert "as it stands on the date of this request" in doc


def test_personal_data_refusal_offers_aggregate_figures(tmp_path, capsys):
    doc = fresh_document(tmp_path, capsys, FIXED)
    assert "aggregate figures" in doc


def _refusal(request, exemptions, regime_cost=None):
    return Refusal(text="x", request_text=request, exemptions=exemptions, cost=regime_cost)


def test_a_request_too_long_to_quote_is_marked_abridged_never_cut_silently():
    long = " ".join(f"Question {i}: how many widgets of type {i} were bought in 2019." for i in range(60))
    got = _fresh(_refusal(long, [Exemption("s43(2)")]), "FOIA")
    assert got["abridged"] and len(got["request_full"]) <= FRESH_REQUEST_LIMIT
    assert got["request_full"].endswith("2019")  # cut at a sentence's end
    short = _fresh(_refusal("How many widgets were bought in 2019?", [Exemption("s43(2)")]), "FOIA")
    assert not short["abridged"] and short["request_full"] == "How many widgets were bought in 2019?"


@pytest.mark.parametrize("regime, cites, want", [
    ("FOIA", ["s40(2)"], ["personal"]),
    ("FOIA", ["s38(1)"], []),  # FOIA s38 is health and safety, not personal data
    ("FOISA", ["s38(1)(b)"], ["personal"]),
    ("FOISA", ["s36(2)"], ["confidence"]),
    ("FOIA", ["s36(2)(b)(i)"], []),  # FOIA s36 is the conduct of public affairs
    ("FOIA", ["s41(1)"], ["confidence"]),
    ("FOIA", ["s43(2)"], ["commercial"]),
    ("EIR", ["reg13(1)", "reg12(4)(b)"], ["personal", "cost"]),
    ("FOIA", ["s12(1)"], ["cost"]),
    ("FOIA", ["s31(1)(a)"], []),
])
def test_the_reshaping_follows_the_provisions_of_the_regime(regime, cites, want):
    assert _fresh(_refusal("Any records for 2019.", [Exemption(c) for c in cites]), regime)["reshape"] == want


def test_a_cost_estimate_alone_offers_what_is_held_or_a_shorter_period():
    assert _fresh(_refusal("All files.", [], CostEstimate(hours=40)), "FOIA")["reshape"] == ["cost"]


def test_the_narrowing_never_thanks_the_authority_for_its_response(capsys):
    with pytest.raises(SystemExit):
        main(["review", str(LETTERS / "council_cost.txt"), *ME, "--date", "2022-03-10", "-o", "-"])
    err = capsys.readouterr().err
    doc = err.split("Send this instead:")[1].split("Grounds:")[0]
    assert "Narrowing my request" in doc and "Thank you for your response" not in doc
    assert "refused my request because answering it would exceed the cost limit" in doc
    assert "without a manual search" in doc


def test_names_withheld_from_disclosed_documents_offer_redaction_not_aggregates():
    r = Refusal(text="x", request_text="The contract signed in 2019.", exemptions=[Exemption("s40(2)")],
                partial_disclosure=True)
    assert _fresh(r, "FOIA")["reshape"] == ["names"]


@pytest.mark.parametrize("request_words", [
    "For the period August 2013 to November 2013, the minutes of the board.",
    "Officers removed from frontline roles. Time frame: Jan 2020 - Jan 2025.",
    "Every arrest recorded on 01/04/2012.",
])
def test_any_year_or_date_in_the_request_fixes_its_period(request_words):
    assert _fresh(_refusal(request_words, []), "FOIA")["fixed_period"]


def test_a_request_that_already_runs_to_now_is_not_fixed():
    assert not _fresh(_refusal("All complaints since 2015.", []), "FOIA")["fixed_period"]


def test_a_cost_refusal_of_several_numbered_parts_offers_them_one_by_one():
    from appeal.model import Question

    qs = [Question(number=str(i), text=f"part {i}", answer="cost") for i in (1, 2, 3)]
    r = Refusal(text="x", request_text="1. A. 2. B. 3. C.", exemptions=[Exemption("s12(1)")], questions=qs)
    assert _fresh(r, "FOIA")["reshape"] == ["cost", "parts"]
    r.questions = qs[:1]
    assert _fresh(r, "FOIA")["reshape"] == ["cost"]


def test_words_cut_off_with_the_letter_are_marked_abridged_at_a_sentence_end():
    r = Refusal(text="x", request_text="How many vans were bought in 2019? Please list their mak",
                exemptions=[Exemption("s12(1)")], truncated=True)
    got = _fresh(r, "FOIA")
    assert got["abridged"] and got["request_full"] == "How many vans were bought in 2019?"
    r.truncated = False
    assert not _fresh(r, "FOIA")["abridged"]


def test_a_preamble_read_without_its_list_is_marked_abridged_not_quoted_as_the_whole():
    r = Refusal(text="x", request_text="I would like the following data about arrests in 2012:",
                exemptions=[Exemption("s40(2)")])
    got = _fresh(r, "FOIA")
    assert got["abridged"] and got["request_full"] == "I would like the following data about arrests in 2012"
