"""Worst times under hostile input, per class (issue 13): the slowest thing a user can meet.

    .venv/bin/python bench/hostile_worst.py [--limit SECONDS] [CLASS ...]

Each case is a synthetic input of the largest size the tool accepts (or the size the issue
named), run through `appeal check` (read + parse + rules) in a fresh subprocess with a time
limit, so a hang shows as "TIMEOUT" instead of stopping the bench. The figure printed is the
wall-clock time of the whole command, start-up included; the worst per class is at the end.
Target: every case in a few seconds (the issue's acceptance); over TARGET_S is flagged.
Bounded by design (the figure is the bound): a user template that loops (templating.RENDER_SECONDS,
5 s), a web page of megabytes of empty tags (ingest.html.MAX_HTML_SECONDS, 10 s, then one line)
and a FIFO nobody writes to (guards.FIFO_WAIT_SECONDS, 10 s): these are expected at their bound
and are measured against it, not against the target.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 5.0

_LETTER = """Northshire Constabulary
Freedom of Information Unit

Date: 3 March 2025
Our reference: FOI 2025/0412

Dear Requester,

Thank you for your request of 3 February 2025, in which you asked:

How many officers were disciplined for misuse of police systems in each of the last three years?

We can confirm that the information is held. However, it is exempt under section 40(2) and
section 31(1)(a) of the Freedom of Information Act 2000.

Disclosure would be likely to prejudice the prevention or detection of crime, because it
could assist those intent on committing offences.

Public interest test: we have considered the public interest in accountability and the
public interest in maintaining the exemption, and we find that it favours withholding.

If you are unhappy you may ask for an internal review within 40 working days, and then
complain to the Information Commissioner.

Yours sincerely,
Information Compliance Officer
"""


def _pad(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


_DANGLING = "The numerical data presented in this response is an un-audited snapshot.\n"


def cases() -> dict[str, tuple[str, str, str | bytes]]:
    """name -> (class, file suffix, content). Classes marked (stock) exercise the stock-text
    matcher (appeal/rules/stock.py)."""
    big = _pad(_LETTER + "\n", 1_000_000)
    stock_letter = (ROOT / "tests" / "rules_letters" / "ncnd_counts_police.txt").read_text(encoding="utf-8")
    words = "the council information about roads and footways in the district "
    out = {
        "letter-1MB": ("size", ".txt", big),
        "letter-1MB-one-line": ("long line", ".txt", _LETTER + _pad(words, 990_000) + "\n"),
        "slashes-10KB": ("long line", ".txt", _LETTER + "/" * 10_000 + "\n"),
        "slashes-100KB": ("long line", ".txt", _LETTER + "/" * 100_000 + "\n"),
        "underscores-2000": ("long line", ".txt", _LETTER + "Signed: " + "_" * 2000 + "\n"),
        "underscores-100KB": ("long line", ".txt", _LETTER + "_" * 100_000 + "\n"),
        "path-like-100KB": ("long line", ".txt", _LETTER + _pad("a1/b2\\c3#d4_", 100_000) + "\n"),
        "citations-160KB": ("citation run", ".txt", _pad("regulation 12(4)(b) ", 160_000)),
        "citations-160KB-in-letter": (
            "citation run", ".txt", _LETTER.replace("section 40(2)", _pad("regulation 12(4)(b) ", 160_000))),
        "citations-160KB-commas": ("citation run", ".txt", "We rely on " + _pad("section 31(1)(a), ", 160_000)),
        "citations-160KB-not": ("citation run", ".txt", _pad("regulation 12(4)(b) ", 160_000) + " not"),
        "brackets-160KB": ("citation run", ".txt", "section 31" + _pad("(1)(a)", 160_000)),
        "request-sentence-100KB": (
            "long sentence", ".txt",
            _LETTER.replace("How many officers", _pad(words, 100_000) + " how many officers")),
        "response-sentence-100KB": (
            "long sentence", ".txt", _LETTER.replace("Disclosure would", _pad(words, 100_000) + " disclosure would")),
        "questions-100KB": ("long sentence", ".txt", _LETTER + _pad("how many? ", 100_000)),
        "dates-100KB": ("many matches", ".txt", _LETTER + _pad("3 March 2025 ", 100_000)),
        "exempt-words-100KB": ("many matches", ".txt", _LETTER + _pad("exempt would prejudice ", 100_000)),
        "blank-lines-1MB": ("size", ".txt", _LETTER + "\n \n" * 300_000 + "end\n"),
        "html-nested-1MB": ("size", ".html", "<html><body>" + "<div>" * 100_000 + _LETTER + "</div>" * 100_000),
        "html-paragraphs-3MB": ("web page", ".html", "<html><body>" + "<p>x</p>" * 400_000 + _LETTER + "</body></html>"),
        "json-refusal-1MB-text": ("size", ".json", ""),  # filled below
        "stock-letter-1MB": ("size (stock)", ".txt", _pad(stock_letter + "\n\n", 1_000_000)),
        "stock-dangling-1MB": ("size (stock)", ".txt", _LETTER + _pad(_DANGLING + "These techniques are used.\n", 990_000)),
        "stock-slashes-3000": ("long line (stock)", ".txt", _LETTER.replace("Yours", _DANGLING + "/" * 3000 + "\nYours")),
        "stock-underscores-2000": (
            "long line (stock)", ".txt", _LETTER.replace("Yours", _DANGLING + "Signed " + "_" * 2000 + "\nYours")),
        "stock-path-tokens-10KB": (
            "long line (stock)", ".txt", _LETTER.replace("Yours", _DANGLING + _pad("a1/b2\\c3#d4_", 10_000) + "\nYours")),
        "eml-attached-1MB": ("size", ".eml", b""),  # filled below
    }
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "foi@example.gov.uk"
    msg["Subject"] = "Your request"
    msg.set_content("Please find attached our response.")
    msg.add_attachment(big.encode(), maintype="text", subtype="plain", filename="response.txt")
    out["eml-attached-1MB"] = ("size", ".eml", msg.as_bytes())
    sys.path.insert(0, str(ROOT / "tests"))
    from test_ingest_helpers import make_docx, make_pdf

    lines = big.split("\n")
    out["pdf-1MB-500-pages"] = ("size", ".pdf", make_pdf([lines[i:i + 50] for i in range(0, len(lines), 50)][:500]))
    out["docx-1MB"] = ("size", ".docx", make_docx(lines, [], []))
    from appeal.model import Refusal

    r = Refusal(text=big)
    d = r.to_dict()
    out["json-refusal-1MB-text"] = ("size", ".json", json.dumps(d))
    d = json.loads(json.dumps(d))
    d["exemptions"] = [{"citation": "s31(1)(a)", "spans": [[i, i + 10] for i in range(0, 900_000, 10)]}]
    out["json-refusal-90k-spans"] = ("size", ".json", json.dumps(d))
    return out


def template_case(tmp: Path, limit: float) -> tuple[str, float | None]:
    """A user template with nested loops: bounded by the render time limit (templating.py)."""
    folder = tmp / "tpl" / "letters"
    folder.mkdir(parents=True)
    body = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}x"
    for regime in ("foia", "eir", "foisa", "eisr"):
        (folder / f"review_{regime}.md.j2").write_text(body, encoding="utf-8")
    letter = tmp / "tpl-letter.txt"
    letter.write_text(_LETTER, encoding="utf-8")
    return "template-nested-loops", run_case(letter, limit, ["review", "--template-dir", str(tmp / "tpl"), "-o", "-"])


def html_tags_case(tmp: Path, limit: float) -> tuple[str, float | None]:
    """18 MB of empty tags: bounded by ingest.html.MAX_HTML_SECONDS, then one clear line."""
    page = tmp / "tags.html"
    page.write_text("<html><body>" + "<b></b>" * 2_700_000 + "<p>We refuse under section 40(2).</p></body></html>")
    return "html-empty-tags-18MB", run_case(page, limit)


def fifo_case(tmp: Path, limit: float) -> tuple[str, float | None]:
    """A FIFO nobody writes to: bounded by the wait in guards.FIFO_WAIT_SECONDS."""
    fifo = tmp / "nobody.txt"
    os.mkfifo(fifo)
    return "fifo-no-writer", run_case(fifo, limit)


def run_case(path: Path, limit: float, command: list[str] | None = None) -> float | None:
    env = dict(os.environ)
    env.setdefault("APPEAL_CACHE_DIR", tempfile.mkdtemp(prefix="appeal-hostile-bench-"))
    cmd = ["check", str(path)] if command is None else [command[0], str(path), *command[1:]]
    t0 = time.perf_counter()
    try:
        subprocess.run(
            [sys.executable, "-m", "appeal", *cmd],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=limit, env=env, cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - t0


def report(worst: dict, klass: str, name: str, size: int, took: float | None, limit: float,
           target: float = TARGET_S) -> int:
    shown = "TIMEOUT" if took is None else f"{took:6.2f} s"
    flag = "" if took is not None and took <= target else "   <-- over target"
    kb = f"{size / 1024:8.0f} KB" if size else " " * 11
    print(f"{klass:18} {name:28} {kb}  {shown}{flag}", flush=True)
    t = limit if took is None else took
    if klass not in worst or t > worst[klass][0]:
        worst[klass] = (t, name + (" (TIMEOUT)" if took is None else ""))
    return int(bool(flag))


def main(argv: list[str]) -> int:
    limit = 120.0
    if "--limit" in argv:
        i = argv.index("--limit")
        limit = float(argv[i + 1])
        del argv[i : i + 2]
    wanted = set(argv)
    worst: dict[str, tuple[float, str]] = {}
    missed = 0
    with tempfile.TemporaryDirectory(prefix="appeal-hostile-") as tmp:
        for name, (klass, suffix, content) in cases().items():
            if wanted and klass not in wanted and name not in wanted:
                continue
            path = Path(tmp) / f"{name}{suffix}"
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            path.write_bytes(data)
            took = run_case(path, limit)
            missed += report(worst, klass, name, len(data), took, limit)
        from appeal.ingest.guards import FIFO_WAIT_SECONDS
        from appeal.ingest.html import MAX_HTML_SECONDS
        from appeal.templating import RENDER_SECONDS

        extra = [("user template", template_case, RENDER_SECONDS + 3),
                 ("web page", html_tags_case, MAX_HTML_SECONDS + 3),
                 ("special file", fifo_case, FIFO_WAIT_SECONDS + 3)]
        for klass, fn, bound in extra:
            if wanted and klass not in wanted:
                continue
            name, took = fn(Path(tmp), limit)
            missed += report(worst, klass, name, 0, took, limit, bound)
    print("\nworst per class (whole `appeal check` command, start-up included):")
    for klass, (t, name) in worst.items():
        print(f"  {klass:18} {t:6.2f} s  {name}")
    print(f"target {TARGET_S:.0f} s: {'all met' if not missed else f'{missed} case(s) over'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
