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


def test_read_toml_cache_is_used_refreshed_and_survives_damage(tmp_path, monkeypatch):
    # Data files are parsed once and kept as JSON; an edit or a damaged copy means a fresh parse.
    import os

    from appeal.resources import read_toml

    monkeypatch.setenv("APPEAL_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "data.toml"
    src.write_text('title = "first"\n[[item]]\nn = 1\n', encoding="utf-8")
    assert read_toml(src) == {"title": "first", "item": [{"n": 1}]}
    (copy,) = (tmp_path / "cache" / "toml").glob("data-*.json")
    copy.write_text("{damaged", encoding="utf-8")
    assert read_toml(src)["title"] == "first"
    src.write_text('title = "second, edited"\n', encoding="utf-8")
    os.utime(src, ns=(1, 2_000_000_000))  # a different mtime, as an edit would give
    assert read_toml(src) == {"title": "second, edited"}
