"""The one error path: bad usage or input is one line on stderr and exit code 2."""

import subprocess
import sys

import pytest

from appeal.cli import main


def run(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def test_unknown_option_is_one_line_exit_2(capsys):
    code, out, err = run(["parse", "--bogus", "x"], capsys)
    assert code == 2
    assert err.startswith("appeal: error:")
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_unknown_command_exit_2(capsys):
    code, _, err = run(["frobnicate"], capsys)
    assert code == 2 and "frobnicate" in err


def test_bare_command_prints_help(capsys):
    code, out, _ = run([], capsys)
    assert code == 0 and "deadlines" in out and "review" in out


def test_python_dash_m_works():
    proc = subprocess.run([sys.executable, "-m", "appeal", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "Usage" in proc.stdout
