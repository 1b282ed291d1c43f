"""How long read_letter takes on a ~10 KB letter in each format (in-process).

    .venv/bin/python bench/ingest_speed.py [--runs N]

Generates a synthetic letter of about 10 KB of text, writes it as .txt, .html, .docx, .pdf
and .eml (with the PDF attached) in a temporary folder, then times read_letter on each:
the first call (which includes importing that format's library) and the median of N
further calls.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_ingest_helpers import make_pdf  # noqa: E402

PARAGRAPH = (
    "The Constabulary can neither confirm nor deny that it holds the information you have "
    "requested, as the duty in section 1(1)(a) does not apply by virtue of section 31(3) and "
    "section 40(5)(b) of the Freedom of Information Act 2000. Disclosure would be likely to "
    "prejudice the prevention or detection of crime; the public interest has been considered."
)


def letter_paragraphs(target: int = 10_000) -> list[str]:
    paras, size, i = [], 0, 0
    while size < target:
        i += 1
        p = f"{i}. {PARAGRAPH}"
        paras.append(p)
        size += len(p) + 2
    return paras


def wrap(p: str, width: int = 90) -> list[str]:
    import textwrap

    return textwrap.wrap(p, width) or [""]


def build(folder: Path) -> dict[str, Path]:
    import docx

    paras = letter_paragraphs()
    text = "\n\n".join(paras)
    files = {}
    files["txt"] = folder / "letter.txt"
    files["txt"].write_text(text, encoding="utf-8")
    html = (
        "<!DOCTYPE html><html><head><title>t</title><script>var x=1;</script></head><body>"
        '<div class="cookie-banner"><p>We use cookies.</p></div><nav><ul><li>Home</li></ul></nav>'
        "<main>" + "".join(f"<p>{p}</p>" for p in paras) + "</main><footer>Footer</footer></body></html>"
    )
    files["html"] = folder / "letter.html"
    files["html"].write_text(html, encoding="utf-8")
    document = docx.Document()
    for p in paras:
        document.add_paragraph(p)
    files["docx"] = folder / "letter.docx"
    document.save(files["docx"])
    lines = [line for p in paras for line in wrap(p) + [""]]
    pages = [lines[i:i + 50] for i in range(0, len(lines), 50)]
    pdf = make_pdf(pages, compress=True)
    files["pdf"] = folder / "letter.pdf"
    files["pdf"].write_bytes(pdf)
    msg = EmailMessage()
    msg["From"] = "foi@example.police.uk"
    msg["Subject"] = "FOI response"
    msg.set_content("Please find our response attached.")
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="letter.pdf")
    files["eml"] = folder / "letter.eml"
    files["eml"].write_bytes(msg.as_bytes())
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    from appeal.ingest import read_letter

    with tempfile.TemporaryDirectory() as tmp:
        files = build(Path(tmp))
        print(f"{'format':6} {'file':>9} {'chars':>7} {'first ms':>9} {'median ms':>10}")
        for kind, path in files.items():
            t0 = time.perf_counter()
            text = read_letter(str(path))
            first = (time.perf_counter() - t0) * 1000
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                read_letter(str(path))
                times.append((time.perf_counter() - t0) * 1000)
            size = path.stat().st_size
            print(f"{kind:6} {size:>8}B {len(text):>7} {first:>9.1f} {statistics.median(times):>10.2f}")


if __name__ == "__main__":
    main()
