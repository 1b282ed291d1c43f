"""The one error path: bad usage or input is one line on stderr and exit code 2."""

import json
import subprocess
import sys


from cli_util import run


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
    # Data files are parsed once and kept as JSON; an edit or a damaged copy means a fresh parse,
    # and the copy of an edited file replaces the stale one.
    from appeal.resources import read_toml

    monkeypatch.setenv("APPEAL_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "data.toml"
    src.write_text('title = "first"\n[[item]]\nn = 1\n', encoding="utf-8")
    assert read_toml(src) == {"title": "first", "item": [{"n": 1}]}
    (copy,) = (tmp_path / "cache" / "toml").glob("*.data.*.json")
    from appeal.resources import _crc_line

    body = '{"title": "from the copy"}'
    copy.write_text(_crc_line(body) + body, encoding="utf-8")
    assert read_toml(src)["title"] == "from the copy"  # the copy is what is read
    copy.write_text(body, encoding="utf-8")  # valid JSON of the wrong shape, no CRC: rebuilt
    assert read_toml(src)["title"] == "first"
    copy.write_text("{damaged", encoding="utf-8")
    assert read_toml(src)["title"] == "first"
    src.write_text('title = "second, edited"\n', encoding="utf-8")
    assert read_toml(src) == {"title": "second, edited"}
    copies = list((tmp_path / "cache" / "toml").glob("*.data.*.json"))
    assert len(copies) == 1 and "second" in copies[0].read_text()  # the stale copy was pruned


def test_shipped_copies_are_current_for_the_files_they_name():
    """A shipped JSON copy is named by its TOML's content, so it can be missing (an edited
    file is parsed afresh) but never wrong: each equals its file parsed now."""
    import tomllib

    from appeal.resources import SHIPPED_CACHE, _copy_name, shipped_toml_files

    current = {_copy_name(p, p.read_bytes()): p for p in shipped_toml_files()}
    shipped = list(SHIPPED_CACHE.glob("*.json"))
    assert shipped
    for copy in shipped:
        if copy.name in current:
            assert json.loads(copy.read_text(encoding="utf-8")) == tomllib.loads(
                current[copy.name].read_text(encoding="utf-8"))
