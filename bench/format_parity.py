"""Same letter, same findings, whatever it came in (issue 13), measured on real letters.

    .venv/bin/python bench/format_parity.py [FOLDER ...]   (default: ../shared/corpus/letters, ../shared/seeds)

Each .txt letter is written out as a PDF, a Word file, an e-mail with the letter inline, an
e-mail with the letter attached under a cover note, a reply above the quoted request, and a
WhatDoTheyKnow-style page; each form's findings (rule, strength, quotes) are compared with the
.txt's. Prints, per form, how many letters give the same rules and strengths, and how many
the same quotes too, with the letters that differ.
"""

from __future__ import annotations

import sys
import tempfile
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

QUOTED = ("\n\n-----Original Message-----\nFrom: Ann Example <ann@example.org>\nSent: 01 February 2021 09:00\n"
          "Subject: Freedom of Information request\n\nPlease give the figures presented in this response. "
          "How are public funds spent?\n")
COVER = "Dear Ms Example,\n\nPlease find attached our response to your request.\n\nKind regards\nFOI Team\n"


def _email(body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "FOI Team <foi@example.gov.uk>"
    msg["Subject"] = "Your request"
    msg.set_content(body)
    return msg


def forms(letter: str, tmp: Path) -> dict[str, Path]:
    from test_hostile_formats import _wdtk_page
    from test_ingest_helpers import make_docx, make_pdf

    lines = letter.split("\n")
    out = {}

    def put(name: str, data: bytes) -> None:
        p = tmp / name
        p.write_bytes(data)
        out[name.split(".")[0]] = p

    try:  # the synthetic PDF writer speaks WinAnsi only: letters with other characters skip it
        put("pdf.pdf", make_pdf([lines[i:i + 45] for i in range(0, len(lines), 45)]))
    except UnicodeEncodeError:
        pass
    put("docx.docx", make_docx(lines, [], []))
    put("eml-inline.eml", _email(letter).as_bytes())
    msg = _email(COVER)
    msg.add_attachment(letter.encode("utf-8"), maintype="text", subtype="plain", filename="response.txt")
    put("eml-attached.eml", msg.as_bytes())
    put("eml-reply-above-thread.eml", _email(letter + QUOTED).as_bytes())
    put("wdtk-page.html", _wdtk_page(letter).encode("utf-8"))
    return out


def findings(path: Path):
    from appeal.ingest import load_refusal
    from appeal.rules import check

    refusal = load_refusal(str(path))
    return sorted((f.rule, f.strength, tuple(" ".join(e.quote.split()) for e in f.evidence)) for f in check(refusal))


def main(argv: list[str]) -> int:
    import contextlib
    import io

    folders = [Path(a) for a in argv] or [ROOT.parent / "shared" / "corpus" / "letters", ROOT.parent / "shared" / "seeds"]
    letters = [p for f in folders if f.is_dir() for p in sorted(f.glob("*.txt"))]
    if not letters:
        print("no letters found (../shared absent?)")
        return 0
    same_rules: dict[str, int] = {}
    same_quotes: dict[str, int] = {}
    differ: dict[str, list[str]] = {}
    total: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in letters:
            text = path.read_text(encoding="utf-8", errors="replace")
            with contextlib.redirect_stderr(io.StringIO()):
                base = findings(path)
                for form, p in forms(text, Path(tmp)).items():
                    try:
                        got = findings(p)
                    except Exception as exc:  # noqa: BLE001 - a bench reports, it does not stop
                        got = [("error", type(exc).__name__, ())]
                    total[form] = total.get(form, 0) + 1
                    rs = [(r, s) for r, s, _ in got] == [(r, s) for r, s, _ in base]
                    same_rules[form] = same_rules.get(form, 0) + rs
                    same_quotes[form] = same_quotes.get(form, 0) + (got == base)
                    if not rs:
                        differ.setdefault(form, []).append(path.name)
    n = len(letters)
    print(f"{n} letters; per form: same rules and strengths / same quotes too (vs the .txt)")
    for form in same_rules:
        t = total[form]
        print(f"  {form:24} {same_rules[form]:4}/{t}  {same_quotes[form]:4}/{t}")
        for name in differ.get(form, [])[:8]:
            print(f"      differs: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
