"""appeal scan on a synthetic batch: six forces asked the same request; Kent and Essex
disclosed, Norfolk, Suffolk and Surrey NCND'd in the same stock paragraph, Dorset's file
cannot be read. The letters come as text, a web page (Essex) and an e-mail (Suffolk)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from cli_util import run

LETTERS = Path(__file__).parent / "scan_letters"
NCND = ["Norfolk Constabulary", "Suffolk Constabulary", "Surrey Police"]
DISCLOSED = ["Essex Police", "Kent Police"]


@pytest.fixture
def batch(tmp_path):
    folder = tmp_path / "replies"
    folder.mkdir()
    for name in ("kent.txt", "essex.html", "surrey.txt", "norfolk.txt", "suffolk.eml"):
        shutil.copy(LETTERS / name, folder / name)
    (folder / "dorset.pdf").write_bytes(b"%PDF-1.4\nthis is not really a PDF\n")
    return folder


DAY = ["--date", "2024-03-20"]  # the day the batch is judged on: the review windows are open


def scan_json(batch, capsys, *extra):
    code, out, err = run(["scan", str(batch), "--request", str(LETTERS / "request.txt"), "--json", *DAY, *extra],
                         capsys)
    return code, json.loads(out), err


def by_authority(data):
    return {row["authority"]: row for row in data["letters"] if row["authority"]}


def test_every_letter_is_a_row_in_a_stable_order_with_every_column(batch, capsys):
    code, data, err = scan_json(batch, capsys, "--jobs", "1")
    assert code == 1 and "1 of 6 letters could not be read" in err
    assert data["schema"] == "appeal.scan/1"
    assert [Path(r["file"]).name for r in data["letters"]] == [
        "dorset.pdf", "essex.html", "kent.txt", "norfolk.txt", "suffolk.eml", "surrey.txt"]
    bad = data["letters"][0]
    assert bad["error"] and "dorset.pdf" in bad["error"] and bad["authority"] is None
    rows = by_authority(data)
    assert sorted(rows) == sorted(DISCLOSED + NCND)
    kent = rows["Kent Police"]
    assert (kent["reference"], kent["letter_date"], kent["regime"]) == ("FOI 24/0137", "2024-03-01", "FOIA")
    assert kent["answer"] == "disclosed" and kent["exemptions"] == [] and kent["ncnd_scope"] is None
    assert kent["late"] is False and kent["outcome"] in (None, "nothing-to-argue")
    assert kent["grounds"] == 0 and kent["lead"] is None
    assert kent["next_deadline"]["id"] == "review_request_by" and kent["next_deadline"]["date"] == "2024-05-01"
    for name in NCND:
        r = rows[name]
        assert r["answer"] == "NCND" and r["ncnd"] is True and r["ncnd_scope"] == "all"
        assert r["exemptions"] == ["s30(3)", "s31(3)"]
        assert r["outcome"] == "review" and 1 <= r["grounds"] <= 5 and r["lead"] == r["rules"][0]
        assert r["late"] in (True, False) and r["next_deadline"]["date"]
        assert "inconsistent-disclosure" in r["batch_grounds"] and "boilerplate-reasoning" in r["batch_grounds"]
        assert "inconsistent-disclosure" in r["argued"] and "boilerplate-reasoning" in r["argued"]
        assert r["error"] is None
    # received 14 February, answered 14 March 2024: the 21st working day
    assert rows["Norfolk Constabulary"]["late"] is True and rows["Surrey Police"]["late"] is False


def test_the_stock_paragraph_is_one_cluster_of_the_three_ncnd_forces(batch, capsys):
    _code, data, _ = scan_json(batch, capsys)
    reasoning = [c for c in data["clusters"] if c["kind"] == "reasoning"]
    assert len(reasoning) == 1
    c = reasoning[0]
    assert sorted(c["authorities"]) == NCND and len(c["letters"]) == 3
    for row in data["letters"]:  # each row lists the clusters it is in
        assert (c["id"] in row["stock"]) == (row["file"] in c["letters"])
    assert "build a picture of where police activity is concentrated" in c["text"]
    assert len(c["text"].split()) <= 30  # short: the shared words, not the letter
    # the stock paragraph speaks of "numerical data presented in this response": there is none
    for m in c["members"]:
        assert [a["id"] for a in m["absent"]] == ["numerical_data_presented"], m["file"]
    # the rights paragraph is shared by all five too, but it is not reasoning
    assert any(c2["kind"] == "rights" and len(c2["authorities"]) == 5 for c2 in data["clusters"])


def test_disclosure_matrix(batch, capsys):
    _code, data, _ = scan_json(batch, capsys)
    assert data["disclosures"]
    for row in data["disclosures"]:
        assert row["disclosed_by"] == DISCLOSED
        assert row["refused_by"] == NCND and row["ncnd_by"] == NCND
    assert data["disclosures"][0]["question"].startswith(("1. How many reports", "How many reports"))


def test_jobs_one_and_two_give_the_same_output(batch, capsys):
    one = run(["scan", str(batch), "--request", str(LETTERS / "request.txt"), "--json", "--jobs", "1"], capsys)
    two = run(["scan", str(batch), "--request", str(LETTERS / "request.txt"), "--json", "--jobs", "2"], capsys)
    assert one == two and one[0] == 1 and len(json.loads(one[1])["letters"]) == 6
    t1 = run(["scan", str(batch), "--jobs", "1", *DAY], capsys)
    t2 = run(["scan", str(batch), "--jobs", "2", *DAY], capsys)
    assert t1 == t2


def test_terminal_table_and_csv(batch, capsys):
    code, out, err = run(["scan", str(batch), "--request", str(LETTERS / "request.txt"), *DAY], capsys)
    assert code == 1
    assert "ERROR:" in out and "dorset.pdf" in out and "6 letters, 1 could not be read" in out
    for name in DISCLOSED + NCND:
        assert name in out
    assert "Stock text shared across authorities" in out and "Who disclosed what" in out
    assert "scanning [" not in err  # no progress bar when stderr is not a terminal
    code, out, _ = run(["scan", str(batch), "--request", str(LETTERS / "request.txt"), "--csv", *DAY], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["File", "Authority", "Reference", "Letter date", "Regime", "Came back", "Exemptions",
                             "NCND scope", "Timing", "Next deadline", "Date", "Outcome", "Grounds", "Lead ground",
                             "Batch grounds", "Stock text", "Error"]
    assert len(rows) == 6 and rows[0]["Error"]
    surrey = next(r for r in rows if r["Authority"] == "Surrey Police")
    assert surrey["Came back"] == "NCND" and surrey["Exemptions"] == "s30(3), s31(3)" and surrey["Timing"] == "on time"
    assert surrey["Next deadline"] == "review_request_by" and surrey["Outcome"] == "review"
    assert "inconsistent-disclosure" in surrey["Batch grounds"] and surrey["Stock text"].startswith("C")


def test_letters_for_the_batch_carry_the_batch_grounds(batch, tmp_path, capsys):
    out_dir = tmp_path / "letters"
    args = ["scan", str(batch), "--request", str(LETTERS / "request.txt"), "--out-dir", str(out_dir),
            "--name", "A Reporter", "--email", "reporter@example.org", "--date", "2024-03-20"]
    code, _out, err = run(args, capsys)
    assert code == 1, err
    written = sorted(p.name for p in out_dir.glob("*.review.md"))
    assert written == ["04-norfolk-constabulary.review.md", "05-suffolk-constabulary.review.md",
                       "06-surrey-police.review.md"]
    for name in written:
        text = (out_dir / name).read_text()
        # inconsistent-disclosure: the others named, with references and dates
        assert "Kent Police (reference FOI 24/0137, 1 March 2024)" in text
        assert "Essex Police (reference FOI/ESX/8812, 4 March 2024)" in text
    norfolk = (out_dir / "04-norfolk-constabulary.review.md").read_text()
    assert "in the refusals that two other authorities sent in answer to the same request: Suffolk Constabulary and Surrey Police" in norfolk
    index = (out_dir / "index.md").read_text()
    assert "04-norfolk-constabulary.review.md" in index and "could not be read" in index
    kent_row = next(line for line in index.splitlines() if "Kent Police" in line)
    assert "nothing written" in kent_row  # Kent disclosed
    # never overwritten without --force; nothing at all is written then
    before = norfolk
    code, _out, err = run(args, capsys)
    assert code == 2 and "already exists" in err and "--force" in err
    assert (out_dir / "04-norfolk-constabulary.review.md").read_text() == before
    code, _out, err = run(args + ["--force", "--format", "txt"], capsys)
    assert code == 1 and (out_dir / "06-surrey-police.review.txt").exists()


def test_one_calendar_for_the_batch(batch, tmp_path, capsys):
    out_dir = tmp_path / "letters"
    run(["scan", str(batch), "--request", str(LETTERS / "request.txt"), "--out-dir", str(out_dir),
         "--date", "2024-03-20"], capsys)
    data = (out_dir / "deadlines.ics").read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert data.count(b"BEGIN:VCALENDAR") == 1
    unfolded = data.decode().replace("\r\n ", "")
    summaries = [line[len("SUMMARY:"):] for line in unfolded.splitlines() if line.startswith("SUMMARY:")]
    for name in DISCLOSED + NCND:
        assert any(s.startswith(f"{name}: ") for s in summaries), name
    assert "Surrey Police: Ask for an internal review by (FOIA)" in summaries
    uids = [line for line in unfolded.splitlines() if line.startswith("UID:")]
    assert len(uids) == len(set(uids)) == len(summaries)
    import icalendar  # a test dependency: missing, this test must fail, not skip
    cal = icalendar.Calendar.from_ical(data)
    assert len(cal.walk("VEVENT")) == len(summaries)


def test_html_report_is_self_contained(batch, tmp_path, capsys):
    page = tmp_path / "report.html"
    code, _out, err = run(["scan", str(batch), "--request", str(LETTERS / "request.txt"), "--html", str(page)], capsys)
    assert code == 1 and "report written" in err
    html = page.read_text()
    assert html.startswith("<!DOCTYPE html>") and '<table id="letters">' in html
    assert "src=" not in html and "href=" not in html and "@import" not in html and "url(" not in html
    assert "Stock text shared across authorities" in html and "Who disclosed what" in html
    assert html.count('<tr data-i="') == 6 and "build a picture of where police activity" in html
    code, _out, err = run(["scan", str(batch), "--html", str(page)], capsys)
    assert code == 2 and "already exists" in err


def test_different_requests_are_never_compared(batch, tmp_path, capsys):
    """A force that disclosed something else is no evidence against an NCND: no inconsistent-disclosure."""
    other = (batch / "kent.txt").read_text().replace(
        "theft of catalytic converters from vehicles were recorded by the force in the calendar year 2023",
        "dogs seized under the Dangerous Dogs Act were kept in kennels by the force during the financial year")
    other = other.replace("resulted in a suspect being charged", "were returned to their owners afterwards")
    (batch / "kent.txt").write_text(other)
    (batch / "essex.html").unlink()
    code, out, _ = run(["scan", str(batch), "--json", *DAY], capsys)
    data = json.loads(out)
    for row in data["letters"]:
        assert "inconsistent-disclosure" not in row["batch_grounds"]


def test_inputs_globs_missing_files_and_bad_usage(batch, tmp_path, capsys):
    code, out, err = run(["scan", str(batch / "*.txt"), str(batch / "*.e?l"), str(batch / "kent.txt"),
                          str(tmp_path / "nope.txt"), "--json"], capsys)
    data = json.loads(out)
    assert code == 1 and [Path(r["file"]).name for r in data["letters"]] == [
        "kent.txt", "norfolk.txt", "surrey.txt", "suffolk.eml", "nope.txt"]  # kent.txt named twice, read once
    assert data["letters"][-1]["error"].endswith("no such file or folder")
    empty = tmp_path / "empty"
    empty.mkdir()
    for args in (["scan", str(empty)], ["scan", str(tmp_path / "*.nothing")], ["scan", str(batch), "--csv", "--json"],
                 ["scan", str(batch), "--jobs", "0"], ["scan", str(batch), "--request", str(tmp_path / "none.txt")]):
        code, _out, err = run(args, capsys)
        assert code == 2 and err.startswith("appeal: error:") and "Traceback" not in err, args


def test_rule_is_documented(capsys):
    code, out, _ = run(["rules", "inconsistent-disclosure"], capsys)
    assert code == 0 and "Why it is a weakness in law" in out and "appeal scan only" in out


def test_inconsistent_disclosure_rule_with_batch_context():
    from appeal.parse import parse_text
    from appeal.rules.context import Context
    from appeal.rules.inconsistent_disclosure import check

    refusal = parse_text((LETTERS / "surrey.txt").read_text())
    ctx = Context(refusal)
    assert check(ctx) == []  # one letter: silent
    ctx.batch = {"peers": [{"authority": "Kent Police", "reference": "FOI 24/0137", "date": "1 March 2024"}],
                 "questions": ["1"], "count": 1}
    (f,) = check(ctx)
    assert f.rule == "inconsistent-disclosure" and f.strength == "moderate"  # one other authority
    assert "Kent Police (reference FOI 24/0137, 1 March 2024)" in f.argument and "what question 1 asked for" in f.argument
    assert "neither confirms nor denies" in f.evidence[0].quote and f.ask
    ctx.batch["peers"].append({"authority": "Essex Police", "reference": None, "date": "4 March 2024"})
    ctx.batch["count"] = 2
    (f,) = check(ctx)
    assert f.strength == "strong" and "Essex Police (4 March 2024)" in f.argument


def test_per_question_matrix_and_grounds_from_the_question_split(tmp_path, capsys):
    """With the parser's question split, a letter that answered question 1 but refused
    question 2 is met only with the authorities that answered question 2."""
    from appeal.model import Exemption, Question
    from appeal.parse import parse_text

    def parsed(name, answers, exemptions=()):
        from appeal.ingest import read_letter

        text = read_letter(str(next(LETTERS.glob(f"{name}.*"))))
        r = parse_text(text, source=name)
        r.questions = [Question(number=str(i + 1), text=q, answer=a, exemptions=list(exemptions))
                       for i, (q, a) in enumerate(zip(["How many reports of theft of catalytic converters",
                                                          "How many of those reports resulted in a charge"], answers))]
        if "refused" in answers and not r.exemptions:
            at = text.index("Question 2")
            r.exemptions = [Exemption("s31(1)(a)", test="prejudice", spans=[[at, at + 10]])]
            r.partial_disclosure = True
        (tmp_path / f"{name}.json").write_text(json.dumps(r.to_dict()))

    parsed("kent", ["answered", "answered"])
    parsed("essex", ["answered", "refused"])  # answered question 1, refused question 2
    parsed("norfolk", ["ncnd", "ncnd"])
    code, out, err = run(["scan", str(tmp_path), "--json", *DAY], capsys)
    assert code == 0, err
    data = json.loads(out)
    rows = {r["question"][:2]: r for r in data["disclosures"]}
    assert rows["1."]["disclosed_by"] == ["Essex Police", "Kent Police"] and rows["1."]["ncnd_by"] == ["Norfolk Constabulary"]
    assert rows["2."]["disclosed_by"] == ["Kent Police"] and rows["2."]["refused_by"] == ["Essex Police", "Norfolk Constabulary"]
    letters = by_authority(data)
    assert "inconsistent-disclosure" in letters["Essex Police"]["batch_grounds"]
    assert "inconsistent-disclosure" in letters["Norfolk Constabulary"]["batch_grounds"]
    assert "inconsistent-disclosure" not in letters["Kent Police"]["batch_grounds"]
    out_dir = tmp_path / "out"
    code, _out, err = run(["scan", str(tmp_path / "essex.json"), str(tmp_path / "kent.json"), str(tmp_path / "norfolk.json"),
                           "--out-dir", str(out_dir), "--date", "2024-03-20"], capsys)
    essex = next(out_dir.glob("*essex-police.review.md")).read_text()
    assert "what question 2 asked for" in essex and "Kent Police (reference FOI 24/0137, 1 March 2024)" in essex
    assert "Norfolk" not in essex  # Norfolk disclosed nothing


def test_progress_bar_only_on_a_terminal(batch, capsys, monkeypatch):
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    code, out, err = run(["scan", str(batch), "--jobs", "1", "--json"], capsys)
    assert "scanning [" in err and "6/6" in err and "scanning" not in out
    json.loads(out)  # stdout stays clean JSON


def test_odd_files_in_a_folder(batch, tmp_path, capsys):
    """A name that is not UTF-8, an empty file, a pipe, and our own letters from an earlier
    run in the same folder: rows with errors where they are letters, skipped where they are not."""
    import os

    odd = os.fsencode(str(batch)) + b"/caf\xe9.txt"
    with open(odd, "wb") as fh:
        fh.write((LETTERS / "kent.txt").read_bytes())
    (batch / "empty.txt").write_bytes(b"")
    os.mkfifo(batch / "pipe.txt")
    (batch / "01-kent-police.review.md").write_text("our own letter")
    (batch / "01-kent-police.review.docx").write_bytes(b"PK")
    code, out, err = run(["scan", str(batch), "--json", *DAY], capsys)
    data = json.loads(out)
    names = [Path(r["file"]).name for r in data["letters"]]
    assert "caf\ufffd.txt" in names and "empty.txt" in names
    assert "pipe.txt" not in names and not any("review" in n for n in names)
    assert code == 1 and "2 of 8 letters could not be read" in err
    empty = next(r for r in data["letters"] if r["file"].endswith("empty.txt"))
    assert empty["error"] and "Traceback" not in empty["error"]
    code, out, _ = run(["scan", str(batch), *DAY], capsys)
    assert "caf\ufffd.txt" in out


def test_the_request_file_beside_the_replies_is_not_a_letter(batch, capsys):
    shutil.copy(LETTERS / "request.txt", batch / "request.txt")
    code, out, _ = run(["scan", str(batch), "--request", str(batch / "request.txt"), "--json", *DAY], capsys)
    names = [Path(r["file"]).name for r in json.loads(out)["letters"]]
    assert "request.txt" not in names and len(names) == 6
    # without --request it is read, but nothing in it says anything was disclosed
    code, out, _ = run(["scan", str(batch), "--json", *DAY], capsys)
    row = next(r for r in json.loads(out)["letters"] if r["file"].endswith("request.txt"))
    assert row["answer"] == "unclear"


def test_letters_never_name_an_authority_by_its_file(batch, tmp_path, capsys):
    """A reply whose authority was not found still joins the clusters, but a letter to another
    authority never cites it (it has no name, and may be the same authority)."""
    text = (batch / "surrey.txt").read_text().replace("Surrey Police", "The force")
    (batch / "surrey.txt").write_text(text)
    out_dir = tmp_path / "letters"
    run(["scan", str(batch), "--out-dir", str(out_dir), *DAY], capsys)
    for letter in out_dir.glob("*.review.md"):
        body = letter.read_text()
        assert "surrey.txt" not in body and "surrey" not in body.lower(), letter.name


def test_a_review_outcome_gets_the_complaint(batch, tmp_path, capsys):
    shutil.copy(LETTERS / "hampshire-review.txt", batch / "hampshire-review.txt")
    out_dir = tmp_path / "letters"
    code, out, _ = run(["scan", str(batch), "--request", str(LETTERS / "request.txt"), "--json", "--out-dir",
                        str(out_dir), "--date", "2024-04-25"], capsys)
    row = next(r for r in json.loads(out)["letters"] if r["file"].endswith("hampshire-review.txt"))
    assert row["answer"] == "review outcome" and row["review_result"] == "upheld"
    assert row["outcome"] == "complaint" and row["next_deadline"]["id"] == "commissioner_complaint_by"
    (complaint,) = out_dir.glob("*hampshire*")
    assert complaint.name.endswith(".complaint.md") and "Commissioner" in complaint.read_text()
    # it refused what Kent and Essex disclosed: the complaint says so
    assert "Kent Police (reference FOI 24/0137, 1 March 2024)" in complaint.read_text()
    summaries = (out_dir / "deadlines.ics").read_bytes().decode().replace("\r\n ", "")
    assert "Hampshire and Isle of Wight Constabulary: Complain to the Information Commissioner by" in summaries


_PARENT = []
_REAL_ANALYSE = __import__("appeal.batch.analyse", fromlist=["analyse"]).analyse


def _dying_analyse(job):
    """analyse(), but a worker process that reaches Norfolk's letter is killed."""
    import os
    import signal

    if _PARENT and os.getpid() != _PARENT[0] and job.path.endswith("norfolk.txt"):
        os.kill(os.getpid(), signal.SIGKILL)
    return _REAL_ANALYSE(job)


def test_a_worker_that_dies_does_not_lose_the_batch(batch, capsys, monkeypatch):
    """A worker process killed mid-batch: the letters it had not finished are read in-process."""
    import os

    import appeal.batch.analyse as A

    _PARENT[:] = [os.getpid()]
    monkeypatch.setattr(A, "analyse", _dying_analyse)
    try:
        code, out, err = run(["scan", str(batch), "--json", "--jobs", "2", *DAY], capsys)
    finally:
        _PARENT.clear()
    data = json.loads(out)
    assert len(data["letters"]) == 6 and code == 1, err  # dorset.pdf is still the only error
    assert sum(1 for r in data["letters"] if r["error"]) == 1


def test_nearly_the_same_paragraph_is_the_same_cluster(batch, capsys):
    """Stock text edited a little (a word changed here and there) is still the same passage."""
    eml = batch / "suffolk.eml"
    text = eml.read_text().replace("across the country", "across the region").replace(
        "hinder the apprehension", "impede the apprehension")
    assert text != eml.read_text()
    eml.write_text(text)
    _code, data, _ = scan_json(batch, capsys)
    (c,) = [c for c in data["clusters"] if c["kind"] == "reasoning"]
    assert sorted(c["authorities"]) == NCND
