"""appeal check / rules / precedents on the command line."""

from __future__ import annotations

import json
from pathlib import Path


from cli_util import run

LETTERS = Path(__file__).parent / "rules_letters"


def test_check_text_groups_by_strength_with_quotes(capsys):
    code, out, err = run(["check", str(LETTERS / "ncnd_counts_police.txt")], capsys)
    assert code == 0, err
    assert out.index("STRONG") < out.index("MODERATE")
    assert "[ncnd-statistics]" in out and '"Southshire Constabulary neither confirms' in out
    assert "why: " in out


def test_check_json_form(capsys):
    code, out, _ = run(["check", str(LETTERS / "supplied_then_ncnd_all.txt"), "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["schema"] == "appeal.findings/1"
    f = data["findings"][0]
    assert set(f) >= {"rule", "title", "strength", "evidence", "argument", "precedents", "ask"}
    assert {"quote", "start", "end"} <= set(f["evidence"][0])
    assert "assumptions" in data and "notes" in data


def test_check_strict_exit_1_on_strong(capsys):
    code, _, _ = run(["check", str(LETTERS / "supplied_then_ncnd_all.txt"), "--strict"], capsys)
    assert code == 1
    code, _, _ = run(["check", str(LETTERS / "prejudice_specific_ok.txt"), "--strict"], capsys)
    assert code == 0


def test_check_dates_feed_late_response(capsys):
    letter = str(LETTERS / "supplied_then_ncnd_all.txt")
    code, out, _ = run(["check", letter, "--json", "--received", "2021-06-02", "--responded", "2021-07-20",
                        "--include", "late-response"], capsys)
    rules = [f["rule"] for f in json.loads(out)["findings"]]
    assert code == 0 and rules == ["late-response"]


def test_check_include_unknown_rule_exit_2(capsys):
    code, _, err = run(["check", str(LETTERS / "cost_no_estimate.txt"), "--include", "bogus"], capsys)
    assert code == 2 and "unknown rule" in err and len(err.strip().splitlines()) == 1


def test_rules_list_and_one(capsys):
    code, out, _ = run(["rules"], capsys)
    assert code == 0 and "ncnd-statistics" in out and "moderate-strong" in out and "inconsistent-disclosure" in out
    code, out, _ = run(["rules", "likelihood-not-stated"], capsys)
    assert code == 0 and "Why it is a weakness in law" in out and "LTT13" in out
    code, _, err = run(["rules", "nope"], capsys)
    assert code == 2 and "unknown rule" in err


def test_precedents_list_show_json(capsys):
    code, out, _ = run(["precedents", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["precedents"] and {"id", "citation", "verified"} <= set(data["precedents"][0])
    pid = data["precedents"][0]["id"]
    code, out, _ = run(["precedents", pid], capsys)
    assert code == 0 and pid in out and "Holding" in out
    code, _, err = run(["precedents", "no-such-case"], capsys)
    assert code == 2 and "unknown precedent" in err
