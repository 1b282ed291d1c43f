"""`appeal review` and `appeal complaint` end to end, with a stand-in rules engine.

The rules engine is tested on its own; here a fixed set of findings keeps these tests about
the letters: formats, where files go, never overwriting, templates, requester details.
"""

import json

import pytest

from cli_util import run
from appeal.model import Evidence, Finding

TEXT = "We can neither confirm nor deny that we hold the information. Section 23(5) applies."

REFUSAL = {
    "schema": "appeal.refusal/1",
    "authority": {"name": "Northshire Constabulary", "kind": "police", "nation": "england"},
    "regime": "FOIA", "reference": "FOI-24-042",
    "dates": {"letter": "2024-03-01", "received": "2024-02-02"},
    "request_text": "How many reports of fraud were recorded in 2023?",
    "exemptions": [{"citation": "s23(5)", "ncnd": True, "spans": [[62, 76]]}],
    "ncnd": True, "ncnd_scope": "all", "text": TEXT, "assumptions": [],
}


def fake_findings(refusal, **kw):
    all_ = [
        Finding("ncnd-statistics", "Counts reveal nothing", "strong",
                [Evidence(refusal.text[:60], 0, 60)], "A count says nothing about an operation.",
                [], "Confirm or deny whether the information is held."),
        Finding("national-security-mismatch", "No link to security bodies", "moderate",
                [Evidence("Section 23(5) applies.", 62, 84)], "Fraud figures have no link to security bodies.",
                [], "Withdraw reliance on section 23(5)."),
        Finding("likelihood-not-stated", "Likelihood not stated", "weak", [], "No likelihood is given.",
                [], "State the likelihood of harm."),
    ]
    if refusal.is_review_outcome:
        all_ = [Finding("review-late", "The review was late", "strong", [Evidence("Sorry for the delay.", 0, 5)],
                        "The review came late.", [], "Explain the delay.")]
    include, exclude = set(kw.get("include") or ()), set(kw.get("exclude") or ())
    return [f for f in all_ if (not include or f.rule in include) and f.rule not in exclude]


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    monkeypatch.setattr("appeal.flow._check", fake_findings)
    for var in ("APPEAL_NAME", "APPEAL_EMAIL", "APPEAL_ADDRESS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def letter_json(tmp_path):
    path = tmp_path / "northshire.json"
    path.write_text(json.dumps(REFUSAL))
    return path


ME = ["--name", "Ann Example", "--email", "ann@example.org", "--date", "2024-03-05"]


def test_review_markdown_beside_the_input(letter_json, capsys, tmp_path):
    code, out, err = run(["review", letter_json, *ME], capsys)
    assert code == 0, err
    target = tmp_path / "northshire.review.md"
    md = target.read_text()
    assert md.startswith("Ann Example  \nann@example.org")
    assert "# Request for internal review: your reference FOI-24-042" in md
    assert "### 1. Counts reveal nothing" in md and "### 2. No link to security bodies" in md
    assert "Likelihood not stated" not in md  # weak: left out by default
    # the summary: where it went, grounds by strength, dates, what was assumed
    assert str(target) in out
    assert "1 strong, 1 moderate (1 more left out" in out and "Left out: likelihood-not-stated" in out
    assert "Review due: 5 April 2024" in out
    assert "taken as requested on the letter's date" in out
    assert "taken as requested" not in md


def test_all_adds_weak_grounds_and_include_exclude_reach_the_engine(letter_json, capsys, tmp_path):
    code, out, _ = run(["review", letter_json, *ME, "--all", "-o", "-"], capsys)
    assert code == 0 and "Likelihood not stated" in out
    code, out, _ = run(["review", letter_json, *ME, "--exclude", "ncnd-statistics", "-o", "-"], capsys)
    assert "Counts reveal nothing" not in out and "No link to security bodies" in out
    # a lone weak ground is nothing a lawyer would sign: no letter without --force
    code, out, err = run(["review", letter_json, *ME, "--include", "likelihood-not-stated", "-o", "-"], capsys)
    assert out == "" and "Outcome: nothing-to-argue: information is withheld, but no ground" in err
    code, out, err = run(["review", letter_json, *ME, "--include", "likelihood-not-stated", "--force", "-o", "-"],
                         capsys)
    assert "Likelihood not stated" in out and "Counts reveal nothing" not in out
    code, _, err = run(["review", letter_json, *ME, "--include", "x", "--exclude", "x"], capsys)
    assert code == 2 and "both included and excluded" in err


def test_stdout_letter_and_summary_on_stderr(letter_json, capsys):
    code, out, err = run(["review", letter_json, *ME, "-o", "-"], capsys)
    assert code == 0
    assert out.startswith("Ann Example") and "Yours faithfully" in out
    assert "written to standard output" in err and "Grounds:" not in out


def test_plain_text_has_no_markup(letter_json, capsys, tmp_path):
    code, _, err = run(["review", letter_json, *ME, "--format", "txt"], capsys)
    assert code == 0, err
    text = (tmp_path / "northshire.review.txt").read_text()
    assert "Request for internal review: your reference FOI-24-042" in text
    for mark in ("#", "**", "> ", "|", "\\"):
        assert mark not in text, mark


def test_word_letter(letter_json, capsys, tmp_path):
    from appeal.render.docx import paragraphs

    code, _, err = run(["review", letter_json, *ME, "--format", "docx"], capsys)
    assert code == 0, err
    paras = paragraphs((tmp_path / "northshire.review.docx").read_bytes())
    assert paras[0] == "[header] Your reference: FOI-24-042"
    assert "[Heading 3] 1. Counts reveal nothing" in paras


def test_word_to_stdout_is_refused(letter_json, capsys):
    code, out, err = run(["review", letter_json, *ME, "--format", "docx", "-o", "-"], capsys)
    assert code == 2 and "-o FILE" in err and len(err.strip().splitlines()) == 1


def test_never_overwrite_without_force(letter_json, capsys, tmp_path):
    target = tmp_path / "out.md"
    target.write_text("precious")
    code, _, err = run(["review", letter_json, *ME, "-o", target], capsys)
    assert code == 2 and "already exists" in err and "--force" in err
    assert target.read_text() == "precious"
    code, _, err = run(["review", letter_json, *ME, "-o", target, "--force"], capsys)
    assert code == 0 and "Request for internal review" in target.read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]  # no temp files left


def test_stdin_goes_to_stdout(letter_json, capsys, monkeypatch):
    import io
    import sys

    class Stdin:
        buffer = io.BytesIO(letter_json.read_bytes())

    monkeypatch.setattr(sys, "stdin", Stdin())
    code, out, err = run(["review", "-", *ME], capsys)
    assert code == 0, err
    assert "Request for internal review" in out
    code, out, err = run(["review", "-", *ME, "--format", "docx"], capsys)
    assert code == 2 and "-o FILE.docx" in err


def test_control_characters_never_fatal(tmp_path, capsys):
    from appeal.render.docx import paragraphs

    dirty = dict(REFUSAL, text="We can neither\x00 confirm\x0b nor deny \x1b[0m that we hold the information. Section 23(5) applies.",
                 request_text="Counts\x07 of fraud\x0c please", exemptions=[])
    path = tmp_path / "dirty.json"
    path.write_text(json.dumps(dirty))
    for fmt in ("md", "txt", "docx"):
        code, _, err = run(["review", path, *ME, "--format", fmt], capsys)
        assert code == 0, err
    paras = paragraphs((tmp_path / "dirty.review.docx").read_bytes())
    joined = "\n".join(paras)
    assert "\x00" not in joined and "\x07" not in joined and "\x1b" not in joined
    assert "Counts of fraud" in (tmp_path / "dirty.review.md").read_text()


def test_template_dir_overrides_one_file(letter_json, capsys, tmp_path):
    mine = tmp_path / "mine" / "letters"
    mine.mkdir(parents=True)
    (mine / "_signoff.md.j2").write_text("With best wishes,\n\n{{ requester.name }} (custom)\n")
    code, out, err = run(["review", letter_json, *ME, "--template-dir", tmp_path / "mine", "-o", "-"], capsys)
    assert code == 0, err
    assert "With best wishes" in out and "Ann Example (custom)" in out
    assert "Request for internal review" in out  # the rest still shipped


def test_sandbox_stops_unsafe_templates(letter_json, capsys, tmp_path):
    mine = tmp_path / "evil" / "letters"
    mine.mkdir(parents=True)
    (mine / "review_foia.md.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    code, out, err = run(["review", letter_json, *ME, "--template-dir", tmp_path / "evil", "-o", "-"], capsys)
    assert code == 2 and "sandbox" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_broken_template_is_one_line(letter_json, capsys, tmp_path):
    mine = tmp_path / "broken" / "letters"
    mine.mkdir(parents=True)
    (mine / "review_foia.md.j2").write_text("{% if %}")
    code, _, err = run(["review", letter_json, *ME, "--template-dir", tmp_path / "broken"], capsys)
    assert code == 2 and "line 1" in err


def test_requester_precedence_on_the_command_line(letter_json, capsys, tmp_path, monkeypatch):
    cfg = tmp_path / "cfg.toml"
    cfg.write_text('[requester]\nname = "Config Name"\nemail = "config@example.org"\naddress = "9 Config Close, Conftown"\n')
    monkeypatch.setenv("APPEAL_EMAIL", "env@example.org")
    code, out, _ = run(["review", letter_json, "--config", cfg, "--date", "2024-03-05", "-o", "-"], capsys)
    assert out.startswith("Config Name  \n9 Config Close  \nConftown  \nenv@example.org")
    code, out, _ = run(["review", letter_json, "--config", cfg, "--name", "Option Name", "--date", "2024-03-05", "-o", "-"], capsys)
    assert out.startswith("Option Name") and "Config Name" not in out


def test_regime_option_changes_the_letter(letter_json, capsys):
    code, out, _ = run(["review", letter_json, *ME, "--regime", "eir", "-o", "-"], capsys)
    assert "Representations under regulation 11" in out and "section 45" not in out
    code, out, _ = run(["review", letter_json, *ME, "--regime", "foisa", "-o", "-"], capsys)
    assert "Requirement for review under section 20" in out and "Scottish Information Commissioner" in out


def test_bad_options_are_one_line(letter_json, capsys):
    for args in (["--format", "pdf"], ["--date", "31/02/2024"], ["--regime", "gdpr"]):
        code, _, err = run(["review", letter_json, *ME[:4], *args], capsys)
        assert code == 2 and err.startswith("appeal: error:") and len(err.strip().splitlines()) == 1, args


def test_complaint_after_review_outcome(letter_json, capsys, tmp_path):
    outcome = dict(REFUSAL, reference="IR-24-007", dates={"letter": "2024-05-20"}, is_review_outcome=True, exemptions=[],
                   text="Sorry for the delay. We uphold the decision.")
    path = tmp_path / "outcome.json"
    path.write_text(json.dumps(outcome))
    code, out, err = run(["complaint", letter_json, *ME[:4], "--date", "2024-05-22",
                          "--review-requested", "2024-03-05", "--review-outcome", path], capsys)
    assert code == 0, err
    md = (tmp_path / "northshire.complaint.md").read_text()
    assert "# Complaint under section 50: Northshire Constabulary (FOI-24-042)" in md
    assert "gave its decision on 20 May 2024" in md and "(reference IR-24-007)" in md
    assert "The review was late" in md and "In the review outcome: The review came late." in md
    assert "the outcome of the review (outcome.json)" in md
    assert "six weeks" in md
    assert "review outcome date 20 May 2024 taken from the outcome letter" in out


def test_complaint_without_review_warns_in_summary(letter_json, capsys):
    code, out, err = run(["complaint", letter_json, *ME, "-o", "-"], capsys)
    assert code == 0
    assert "I have not asked the authority for an internal review" in out
    assert "unlikely to accept" in err


def test_scottish_application(letter_json, capsys, tmp_path):
    code, out, err = run(["complaint", letter_json, *ME[:4], "--regime", "foisa", "--date", "2024-05-22",
                          "--review-requested", "2024-03-05", "-o", "-"], capsys)
    assert code == 0, err
    assert "section 47(1) of the Freedom of Information (Scotland) Act 2002" in out
    assert "six months" in out and "has not done so" in out


def test_review_outcome_only_for_complaints(letter_json, capsys):
    code, _, err = run(["review", letter_json, *ME, "--review-outcome", letter_json], capsys)
    assert code == 2


def test_writing_into_a_pipe_keeps_the_pipe(letter_json, capsys, tmp_path):
    """-o /dev/stdout or a FIFO: write into it; never replace the node with a regular file."""
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()), daemon=True)
    reader.start()
    code, out, err = run(["review", letter_json, *ME, "-o", fifo], capsys)
    reader.join(timeout=10)
    assert code == 0, err
    assert got and b"Request for internal review" in got[0]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_summary_warns_when_the_window_has_closed(letter_json, capsys):
    code, _, err = run(["review", letter_json, *ME[:4], "--date", "2025-01-10", "-o", "-"], capsys)
    assert code == 0 and "LATE: a review should be asked for by 1 May 2024" in err
    code, _, err = run(["review", letter_json, *ME[:4], "--date", "2024-03-05", "-o", "-"], capsys)
    assert code == 0 and "LATE" not in err


# ---- the judgement step at the command line ----------------------------------------------------
def _json(tmp_path, name, **changes):
    path = tmp_path / name
    path.write_text(json.dumps(dict(REFUSAL, **changes)))
    return path


def test_review_of_a_review_outcome_points_to_complaint(tmp_path, capsys):
    path = _json(tmp_path, "outcome.json", is_review_outcome=True)
    code, out, err = run(["review", path, *ME], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "appeal complaint" in err
    assert not (tmp_path / "outcome.review.md").exists()
    code, out, err = run(["review", path, *ME, "--force"], capsys)  # on purpose: written
    assert code == 0 and "The next step is the Commissioner" in out


def test_complaint_without_a_review(tmp_path, capsys):
    scot = _json(tmp_path, "scot.json", regime="FOISA")
    code, out, err = run(["complaint", scot, *ME], capsys)
    assert code == 2 and "s47(1)" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(["complaint", scot, *ME, "--review-requested", "2024-03-01", "-o", "-"], capsys)
    assert code == 0 and "required the authority to review" in out
    eng = _json(tmp_path, "eng.json")
    code, out, err = run(["complaint", eng, *ME, "-o", "-"], capsys)
    assert code == 0 and "the Commissioner normally needs one first" in err


def test_nothing_to_argue_writes_no_letter_without_force(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("appeal.flow._check", lambda refusal, **kw: [])
    answered = _json(tmp_path, "answered.json", exemptions=[], ncnd=False, ncnd_scope=None,
                     text="Thank you for your request. In 2023 we recorded 412 reports of fraud.")
    code, out, err = run(["review", answered, *ME], capsys)
    assert code == 0 and not (tmp_path / "answered.review.md").exists()
    assert "Outcome: nothing-to-argue" in out and "add --force" in out
    assert "Please confirm that your response" in out and "your reference FOI-24-042" in out
    assert "Thank you for your response" not in out  # the response may be years old
    code, out, err = run(["review", answered, *ME, "--force"], capsys)
    assert code == 0 and (tmp_path / "answered.review.md").exists()


def test_check_reports_the_outcome(letter_json, capsys):
    code, out, _ = run(["check", letter_json, "--json"], capsys)
    data = json.loads(out)
    assert data["outcome"]["kind"] in ("review", "fresh-request") and data["outcome"]["reason"]
    code, out, _ = run(["check", letter_json], capsys)
    assert "Outcome: " in out


def test_check_offers_the_completeness_note_where_nothing_is_worth_arguing(tmp_path, capsys):
    answered = _json(tmp_path, "answered2.json", exemptions=[], ncnd=False, ncnd_scope=None,
                     text="Thank you for your request. In 2023 we recorded 412 reports of fraud.")
    code, out, _ = run(["check", answered], capsys)
    assert "Outcome: nothing-to-argue" in out and "Please confirm that your response" in out
