"""`appeal parse FILE` (summary) and `--json` (the machine form), and edited JSON fed back."""

import json
from pathlib import Path


from cli_util import run
from appeal.parse import parse_text
from appeal.parse.summary import render_summary

LETTERS = Path(__file__).parent / "letters"


def test_parse_prints_a_readable_summary(capsys):
    code, out, err = run(["parse", str(LETTERS / "joint_unit_ncnd.txt")], capsys)
    assert code == 0, err
    assert "Authority:   Essex Police (police, England)" in out
    assert "Regime:      FOIA" in out
    assert "Reference:   FOI2021/00321" in out
    assert "Letter date: 4 February 2021" in out
    assert "Received:    11 January 2021" in out
    assert "1. How many reports of online fraud" in out
    assert "s23(5)" in out and "[NCND] [absolute]" in out
    assert "s31(3)" in out and "[NCND] [qualified]" in out
    assert 'Neither confirm nor deny: yes over "any other information"' in out
    assert "Partial disclosure:       yes" in out
    assert "Public-interest test:     yes" in out
    assert "Review rights stated:     yes" in out
    assert "Assumed (check these):" in out and "taken from the letter date" in out


def test_parse_json_is_the_contract(capsys):
    code, out, _ = run(["parse", "--json", str(LETTERS / "wmp_style_bolt_on.txt")], capsys)
    assert code == 0
    d = json.loads(out)
    assert d["schema"] == "appeal.refusal/2"
    assert d["authority"] == {"name": "Greater Manchester Police", "kind": "police", "nation": "england"}
    assert d["regime"] == "FOIA" and d["reference"] == "2231_19"
    assert d["dates"] == {"letter": None, "received": None}
    assert [e["citation"] for e in d["exemptions"]] == ["s31(1)(a)", "s31(1)(b)", "s23(5)", "s31(3)"]
    assert d["ncnd"] is True and d["ncnd_scope"] == "other"
    for e in d["exemptions"]:
        for a, b in e["spans"]:
            assert d["text"][a:b]  # spans index the text carried in the record


def test_edited_json_is_used_as_edited(tmp_path, capsys):
    code, out, _ = run(["parse", "--json", str(LETTERS / "council_cost.txt")], capsys)
    d = json.loads(out)
    d["authority"]["name"] = "Anytown Metropolitan Borough Council"
    d["dates"]["received"] = "2022-02-02"
    d["exemptions"] = [e for e in d["exemptions"] if e["citation"] != "s12"]
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(["parse", str(path)], capsys)
    assert code == 0, err
    assert "Anytown Metropolitan Borough Council" in out
    assert "Received:    2 February 2022" in out
    assert "Exemptions relied on: none found" in out


def test_bad_json_is_one_line_exit_2(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text('{"schema": "appeal.refusal/1", "dates": {"letter": "23/10/2019"}}', encoding="utf-8")
    code, _, err = run(["parse", str(path)], capsys)
    assert code == 2 and err.startswith("appeal: error:") and len(err.strip().splitlines()) == 1


def test_summary_says_what_is_missing_and_cost():
    r = parse_text((LETTERS / "council_cost.txt").read_text())
    s = render_summary(r)
    assert "Cost estimate:            66 hours, £1,650; breakdown yes; advice on narrowing yes" in s
    r2 = parse_text((LETTERS / "no_act_named.txt").read_text())
    s2 = render_summary(r2)
    assert "Authority:   not found in the letter" in s2
    assert "Reference:   not in the letter" in s2
    assert "Exemptions relied on: none found" in s2
    assert "FOIA assumed" in s2


def test_summary_flags_truncation_and_review_outcome():
    s = render_summary(parse_text((LETTERS / "truncated.txt").read_text()))
    assert "cut short" in s
    s2 = render_summary(parse_text((LETTERS / "review_outcome.txt").read_text()))
    assert "internal-review outcome" in s2
