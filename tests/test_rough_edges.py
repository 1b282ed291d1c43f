"""The rough edges a new user hits first: where the letter goes and in what format, the
calendar's event names, --version, config keys."""

import zipfile

import pytest

from cli_util import run

LETTER = """Northshire Council
Date: 3 April 2024
Our reference: FOI/2024/0101

Freedom of Information Act 2000

Thank you for your request, received on 4 March 2024, in which you asked for the number of
potholes repaired in 2023. The information is withheld under section 43(2) of the Act.

If you are dissatisfied you may ask for an internal review. You may then complain to the
Information Commissioner.
"""

ME = ["--name", "Ann Example", "--email", "ann@example.org", "--date", "2024-04-10"]


@pytest.fixture(autouse=True)
def isolated(isolated_requester, tmp_path):
    """Every test here runs without the user's details or config (tests/conftest.py), beside a letter."""
    (tmp_path / "letter.txt").write_text(LETTER)


def test_docx_extension_writes_word(tmp_path, capsys):
    code, out, err = run(["review", "letter.txt", *ME, "-o", "mine.docx"], capsys)
    assert code == 0, err
    assert zipfile.is_zipfile(tmp_path / "mine.docx")  # Word opens it: not Markdown in disguise


def test_txt_extension_writes_plain_text(tmp_path, capsys):
    code, out, err = run(["review", "letter.txt", *ME, "-o", "mine.txt"], capsys)
    assert code == 0, err
    text = (tmp_path / "mine.txt").read_text()
    assert "Request for internal review" in text
    assert "# " not in text and "**" not in text


def test_format_that_contradicts_the_extension_is_an_error(tmp_path, capsys):
    code, out, err = run(["review", "letter.txt", *ME, "-o", "mine.docx", "--format", "md"], capsys)
    assert code == 2
    assert "--format md does not match -o mine.docx" in err
    assert not (tmp_path / "mine.docx").exists()


def test_out_dir(tmp_path, capsys):
    (tmp_path / "letters").mkdir()
    code, out, err = run(["review", "letter.txt", *ME, "--out-dir", "letters", "--format", "txt"], capsys)
    assert code == 0, err
    assert (tmp_path / "letters" / "letter.review.txt").is_file()
    code, out, err = run(["complaint", "letter.txt", *ME, "--out-dir", "missing"], capsys)
    assert code == 2 and "--out-dir missing: no such folder" in err


def test_o_folder_says_it_is_a_folder(tmp_path, capsys):
    (tmp_path / "letters").mkdir()
    code, out, err = run(["review", "letter.txt", *ME, "-o", "letters"], capsys)
    assert code == 2
    assert "is a folder" in err and "--force" not in err


def test_ics_events_are_named_by_authority(tmp_path, capsys):
    code, out, err = run(["deadlines", "letter.txt", "--ics", "dates.ics"], capsys)
    assert code == 0, err
    ics = (tmp_path / "dates.ics").read_text()
    summaries = [line for line in ics.splitlines() if line.startswith("SUMMARY:")]
    assert summaries and all(s.startswith("SUMMARY:Northshire Council: ") for s in summaries)


def test_version(capsys):
    from importlib.metadata import version

    code, out, err = run(["--version"], capsys)
    assert code == 0 and out.strip() == f"appeal {version('appeal')}"


def test_completion_installs_and_answers(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    code, out, err = run(["--install-completion", "bash"], capsys)
    assert code == 0, err
    assert "appeal" in (tmp_path / ".bash_completions" / "appeal.sh").read_text()
    # the shell's question: what completes 'appeal che'?
    monkeypatch.setenv("_APPEAL_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "appeal che")
    monkeypatch.setenv("COMP_CWORD", "1")
    code, out, err = run([], capsys)
    assert code == 0 and out.split() == ["check"]


def test_unknown_config_keys_are_warned_with_the_valid_ones(tmp_path, capsys):
    cfg = tmp_path / "config.toml"
    cfg.write_text('[requester]\nname = "Ann"\nemial = "ann@example.org"\n')
    code, out, err = run(["review", "letter.txt", "--config", cfg, "--date", "2024-04-10", "-o", "x.md"], capsys)
    assert code == 0, err
    assert "unknown key(s) requester.emial" in err and "name, email, address" in err


def test_minimum_strong_counts_what_it_hides(capsys):
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "examples" / "police-ncnd-refusal.txt"
    code, out, err = run(["check", example, "--json"], capsys)
    import json

    everything = json.loads(out)["findings"]
    weaker = [f for f in everything if f["strength"] != "strong"]
    assert weaker  # the sample letter has moderate or weak findings to hide
    code, out, err = run(["check", example, "--minimum", "strong"], capsys)
    assert code == 0, err
    assert "No weaknesses found" not in out
    assert f"{len(weaker)} weaker" in out


def test_only_the_command_run_is_loaded_and_help_lists_all_in_order(capsys):
    import subprocess
    import sys

    code = ("import sys, contextlib, io\nfrom appeal.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        main(['deadlines', '--received', '2019-09-25'])\n"
            "    except SystemExit:\n        pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('appeal.cli.cmd_')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['appeal.cli.cmd_deadlines']"
    code, out, err = run(["--help"], capsys)
    listed = [line.split()[0] for line in out.split("Commands:")[1].splitlines() if line.strip()]
    assert listed == ["deadlines", "parse", "check", "review", "complaint", "scan", "rules", "precedents"]


def test_a_yearless_letter_date_is_an_assumption(capsys):
    code, out, err = run(["review", "letter.txt", "--date", "10/4", "-o", "r.md"], capsys)
    assert code == 0, err
    assert "--date '10/4' has no year" in out
