"""The spine: every command gathers the case the same way, so they cannot disagree.

One letter of each kind (a first response, a review outcome) goes through `deadlines`,
`check`, `review` and `complaint`; the dates each shows must be the same. Dates read from a
letter are evidence: one that cannot be right is set aside and said so, and errors about
dates name where the value came from (an option, or the letter), never an option not given.
"""

import ast
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from appeal.case import gather_case
from cli_util import run
from appeal.errors import UserError

LETTERS = Path(__file__).parent / "letters"

FIRST = """Northshire Council
Date: 3 April 2024
Our reference: FOI/2024/0101

Dear Requester

Freedom of Information Act 2000

Thank you for your request, received on 4 March 2024, in which you asked for the number of
potholes repaired in 2023. The information is withheld under section 43(2) of the Act.

If you are dissatisfied you may ask for an internal review within 40 working days.
You may then complain to the Information Commissioner.

Yours sincerely
Information Officer
"""

OUTCOME = """Northshire Council
Date: 15 May 2024
Our reference: IR/2024/0033

Dear Requester

Freedom of Information Act 2000 - internal review

I have now completed the internal review of our response to your request. I have upheld
the original decision to withhold the information under section 43(2) of the Act.

If you remain dissatisfied you may complain to the Information Commissioner.

Yours sincerely
Review Officer
"""

TODAY = "2024-05-20"


@pytest.fixture(autouse=True)
def isolated(isolated_requester):
    """Every test here runs without the user's details or config (tests/conftest.py)."""


def _events_from_summary(text: str) -> dict[str, str]:
    """'  Go to the Commissioner by: 26 June 2024 (...)' -> {label: '26 June 2024'}"""
    out = {}
    for line in text.splitlines():
        m = re.match(r"\s+([A-Z][A-Za-z ]+): (\d{1,2} \w+ \d{4})", line)
        if m:
            out[m[1]] = m[2]
    return out


def _long(iso: str) -> str:
    from appeal.dates import long_date

    return long_date(iso)


LABELS = {"response_due": "Reply was due", "review_request_by": "Ask for a review by",
          "review_due": "Review due", "review_due_max": "Review due at the latest",
          "commissioner_complaint_by": "Go to the Commissioner by"}


@pytest.mark.parametrize("text,kind", [(FIRST, "first-response"), (OUTCOME, "review-outcome")])
def test_every_command_gives_the_same_dates(text, kind, tmp_path, capsys, monkeypatch):
    letter = tmp_path / "letter.txt"
    letter.write_text(text)
    # one "today" for every command: deadlines and check take the clock, the letters --date
    import appeal.case

    real = appeal.case.gather_case

    def pinned(*a, **kw):
        kw["today"] = kw.get("today") or dt.date.fromisoformat(TODAY)
        return real(*a, **kw)

    monkeypatch.setattr(appeal.case, "gather_case", pinned)

    code, out, err = run(["deadlines", letter, "--json"], capsys)
    assert code == 0, err
    deadlines = {e["id"]: e["date"] for e in json.loads(out)["events"]}

    code, out, err = run(["check", letter, "--json"], capsys)
    assert code == 0, err
    case = json.loads(out)["case"]
    assert case["kind"] == kind
    assert {e["id"]: e["date"] for e in case["events"]} == deadlines

    shown = {}
    for command in ("review", "complaint"):
        # a review of a review outcome is written only on purpose (--force): the next step is a complaint
        force = ["--force"] if command == "review" and kind == "review-outcome" else []
        code, out, err = run([command, letter, "--date", TODAY, "-o", tmp_path / f"{command}.md", *force], capsys)
        assert code == 0, err
        shown[command] = _events_from_summary(out)
    expected = {LABELS[k]: _long(v) for k, v in deadlines.items() if k in LABELS and k != "review_due_max"
                and not (k in ("review_due",) and kind == "first-response")}
    # the complaint shows every date the case has; the review letter adds its own review dates
    for label, when in expected.items():
        assert shown["complaint"].get(label) == when, (label, shown)
        if kind == "review-outcome" or label != "Review due":
            assert shown["review"].get(label) == when, (label, shown)
    if kind == "review-outcome":
        # the outcome's date is the review's answer: six weeks to the ICO run from it ...
        assert deadlines["commissioner_complaint_by"] == "2024-06-26"
        # ... and it is never read as a first response that still needs a review
        assert "review_request_by" not in deadlines
    else:
        assert deadlines["review_request_by"]


def test_review_outcome_is_a_review_outcome_everywhere(tmp_path):
    letter = tmp_path / "outcome.txt"
    letter.write_text(OUTCOME)
    case = gather_case(str(letter), today=dt.date(2024, 5, 20))
    assert case.kind == "review-outcome"
    assert case.date("review_responded") == dt.date(2024, 5, 15) and case.date("responded") is None
    assert case.source("review_responded") == "letter"


def test_domain_never_imports_the_cli():
    root = Path(__file__).resolve().parent.parent / "appeal"
    offenders = []
    for path in root.rglob("*.py"):
        rel = path.relative_to(root)
        if rel.parts[0] == "cli":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            if any(n == "appeal.cli" or n.startswith("appeal.cli.") for n in names):
                offenders.append(f"{rel}:{node.lineno}")
    # __main__ is the entry point, not the domain
    assert [o for o in offenders if not o.startswith("__main__.py")] == []


def test_law_does_not_import_the_deadline_engine():
    src = (Path(__file__).resolve().parent.parent / "appeal" / "law" / "time_limits.py").read_text()
    assert "appeal.deadlines" not in src


# ---- dates that cannot be right ---------------------------------------------------------------
def test_a_letter_date_in_the_future_is_set_aside_not_fatal(tmp_path, capsys):
    letter = tmp_path / "typo.txt"
    letter.write_text(FIRST.replace("3 April 2024", "3 April 2060"))
    code, out, err = run(["check", letter, "--json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["case"]["dates"]["responded"] is None
    assert data["case"]["dates"]["received"]["date"] == "2024-03-04"
    assert any("2060-04-03" in n and "not used" in n for n in data["notes"])
    # the rest of the letter still counts: its exemption was read and checked
    assert data["findings"]


def test_a_one_word_edit_never_blames_an_option_not_given(tmp_path, capsys):
    # the received date now falls after the letter's date: the old code said
    # "--responded ... is before --received ...", naming options nobody typed
    letter = tmp_path / "edited.txt"
    letter.write_text(FIRST.replace("4 March 2024", "4 May 2024"))
    code, out, err = run(["check", letter, "--json"], capsys)
    assert code == 0, err
    assert "--responded" not in err
    notes = json.loads(out)["notes"]
    assert any("does not fit" in n and "letter" in n for n in notes)


def test_options_that_contradict_each_other_are_named(capsys):
    code, out, err = run(["deadlines", "--received", "2024-03-04", "--responded", "2024-03-01"], capsys)
    assert code == 2
    assert "--responded 2024-03-01 is before --received 2024-03-04" in err
    assert "Traceback" not in err


def test_an_option_beats_the_letter_and_a_clashing_letter_date_is_set_aside(tmp_path):
    letter = tmp_path / "first.txt"
    letter.write_text(FIRST)
    case = gather_case(str(letter), received="2024-04-10", today=dt.date(2024, 5, 20))
    assert case.date("received") == dt.date(2024, 4, 10) and case.source("received") == "option"
    # the letter's own date (3 April) cannot be a response to a request received on 10 April
    assert case.date("responded") is None
    assert any("--received" in a and "not used" in a for a in case.assumptions)


def test_a_date_before_foi_existed_is_set_aside(tmp_path):
    letter = tmp_path / "old.txt"
    letter.write_text(FIRST.replace("3 April 2024", "3 April 1924").replace("4 March 2024", "4 March 1924"))
    case = gather_case(str(letter), today=dt.date(2024, 5, 20))
    assert case.dates == {}
    assert len([a for a in case.assumptions if "before FOI law" in a]) == 2


def test_a_yearless_date_is_listed_as_an_assumption():
    case = gather_case(None, received="25/9", today=dt.date(2024, 5, 20))
    assert case.date("received") == dt.date(2023, 9, 25)
    assert any("'25/9'" in a and "no year" in a for a in case.assumptions)
    case = gather_case(None, received="25/09/2023", today=dt.date(2024, 5, 20))
    assert not any("no year" in a for a in case.assumptions)


def test_a_yearless_date_is_shown_by_deadlines(capsys):
    code, out, err = run(["deadlines", "--received", "25 Sept"], capsys)
    assert code == 0, err
    assert "no year" in out


def test_a_received_date_in_the_future_is_warned(capsys):
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    code, out, err = run(["deadlines", "--received", future], capsys)
    assert code == 0, err
    assert "after today" in out


def test_bad_option_date_names_the_option():
    with pytest.raises(UserError, match="--received"):
        gather_case(None, received="31/02/2024")


def test_regime_from_option_letter_or_assumed(tmp_path):
    assert gather_case(None, received="2024-01-10", regime="eir").regime_from == "option"
    case = gather_case(None, received="2024-01-10")
    assert (case.regime, case.regime_from) == ("FOIA", "assumed")
    letter = tmp_path / "first.txt"
    letter.write_text(FIRST)
    assert gather_case(str(letter), today=dt.date(2024, 5, 20)).regime_from == "letter"


def test_review_rights_paragraph_is_not_a_review_outcome():
    """'Your requirement for review must be made within 40 working days' is the rights
    paragraph of a first response, not the outcome of a review."""
    from appeal.parse import parse_text

    letter = ("Date: 28 June 2024\n\nFREEDOM OF INFORMATION (SCOTLAND) ACT 2002\n\nThank you for your "
              "request, received on 30 May 2024. The information is withheld under section 33(1)(b).\n\n"
              "Your right to request a review\n\nYour requirement for review must be made in writing "
              "within 40 working days of receipt of this letter.\n")
    assert parse_text(letter).is_review_outcome is False
    assert parse_text(letter.replace("Your requirement for review must be made",
                                     "We have received your requirement for review and")).is_review_outcome


def test_the_engine_itself_never_names_an_option():
    from appeal.deadlines import compute_timeline

    with pytest.raises(UserError) as exc:
        compute_timeline("FOIA", received="2024-03-04", responded="2024-03-01")
    assert "--" not in str(exc.value) and "before" in str(exc.value)


def test_a_letter_dated_before_the_response_is_said_so(tmp_path):
    letter = tmp_path / "first.txt"
    letter.write_text(FIRST)
    case = gather_case(str(letter), today=dt.date(2024, 5, 20), assume_review_requested=dt.date(2024, 3, 1))
    assert "review_requested" not in case.dates
    assert any("check --date" in a for a in case.assumptions)
