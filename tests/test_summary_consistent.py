"""The summary never contradicts itself: a reason that says no ground was found is never printed
beside a strong ground; "it is argued" only where a letter argues it; no date to go to the
Commissioner where no review is being asked for. Synthetic letters only."""

from pathlib import Path

import pytest

from appeal.cli import main

LETTERS = Path(__file__).parent / "letters"
ME = ["--name", "Ann Example", "--email", "ann@example.org"]


@pytest.fixture(autouse=True)
def isolated(isolated_requester):
    """Every test here runs without the user's details or config (tests/conftest.py)."""


def summary(capsys, *args):
    with pytest.raises(SystemExit):
        main([str(a) for a in ("review", *args, *ME, "-o", "-")])
    return capsys.readouterr().err


def test_a_strong_procedural_ground_is_named_not_denied(capsys):
    # council_cost.txt, long out of time: its one strong ground is a late reply
    err = summary(capsys, LETTERS / "council_cost.txt", "--date", "2024-10-01")
    assert "Outcome: fresh-request" in err and "Grounds: 1 strong" in err
    assert "no ground a lawyer would sign" not in err
    assert "late-response is only about the handling or form of the response" in err


def test_no_commissioner_date_where_no_review_is_asked_for(capsys):
    err = summary(capsys, LETTERS / "scotgov_foisa.txt")
    assert "Outcome: fresh-request" in err and "Go to the Commissioner by" not in err
    forced = summary(capsys, LETTERS / "scotgov_foisa.txt", "--force")
    assert "Go to the Commissioner by" in forced  # a review is written: its next step is dated


def test_a_promoted_ground_is_argued_only_where_a_letter_argues_it(capsys, monkeypatch):
    import appeal.judge.outcome as outcome

    monkeypatch.setattr(outcome, "promoted_rules", lambda findings, raised: ["cost-limit-no-estimate"])
    err = summary(capsys, LETTERS / "council_cost.txt", "--date", "2024-10-01")
    assert "Outcome: fresh-request" in err and "it is argued" not in err
    forced = summary(capsys, LETTERS / "council_cost.txt", "--date", "2024-10-01", "--force")
    assert "cost-limit-no-estimate was found weak but is the one real ground here: it is argued" in forced


def test_the_check_the_words_line_only_where_words_are_quoted(capsys):
    # a narrowing quotes nothing; a fresh request with the request's words quotes them
    err = summary(capsys, LETTERS / "council_cost.txt", "--date", "2022-03-10")
    assert "Narrowing my request" in err and "Check the request's words above" not in err
    err = summary(capsys, LETTERS / "council_cost.txt", "--date", "2024-10-01")
    assert "> " in err and "Check the request's words above" in err
