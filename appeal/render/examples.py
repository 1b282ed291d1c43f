"""The checked-in examples: synthetic refusals in examples/ and the letters made from them.

    python -m appeal.render.examples --refresh   # regenerate them on purpose
    python -m appeal.render.examples --check     # exit 1 if any differs (tests/test_examples.py)

Every letter is made with a fixed --date and fixed requester details, so the output only
changes when the code, the templates or the examples change. Word files are written
byte-for-byte reproducibly, but compared by their paragraph text, so that a change of
python-docx version alone does not fail the check.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "examples"
REQUESTER = ["--name", "Alex Requester", "--email", "alex.requester@example.org",
             "--address", "12 Sample Street, Exampleton, EX1 2MP"]

# (refusal, letter kind, format, extra options)
EXAMPLES = [
    ("police-ncnd-refusal.txt", "review", "md", ["--date", "2024-03-08"]),
    ("police-ncnd-refusal.txt", "review", "docx", ["--date", "2024-03-08"]),
    ("police-ncnd-refusal.txt", "complaint", "md",
     ["--date", "2024-05-14", "--review-requested", "2024-03-08"]),
    ("council-cost-limit-refusal.txt", "review", "md", ["--date", "2024-05-20"]),
    ("council-cost-limit-refusal.txt", "review", "docx", ["--date", "2024-05-20"]),
    ("council-cost-limit-refusal.txt", "complaint", "md",
     ["--date", "2024-07-01", "--review-requested", "2024-05-20", "--review-responded", "2024-06-14"]),
    ("scottish-foisa-refusal.txt", "review", "md", ["--date", "2024-07-08"]),
    ("scottish-foisa-refusal.txt", "review", "docx", ["--date", "2024-07-08"]),
    ("scottish-foisa-refusal.txt", "complaint", "md",
     ["--date", "2024-09-09", "--review-requested", "2024-07-08",
      "--review-outcome", "scottish-foisa-review-outcome.txt"]),
]


def output_name(refusal: str, kind: str, fmt: str) -> str:
    return f"{Path(refusal).stem}.{kind}.{fmt}"


def generate(refusal: str, kind: str, fmt: str, extra: list[str], out: Path) -> bytes:
    """Make one example letter into `out`, exactly as the command line would."""
    import contextlib
    import io
    import os

    from appeal.render.run import Options, make_letter, write

    args = dict(zip(REQUESTER[::2], REQUESTER[1::2]))
    args.update(zip(extra[::2], extra[1::2]))
    here = os.getcwd()
    os.chdir(FOLDER)  # so that relative names (the review outcome) are the examples'
    try:
        opts = Options(
            kind=kind, refusal=refusal, fmt=fmt, out=str(out), force=True,
            name=args["--name"], email=args["--email"], address=args["--address"],
            date=args["--date"], review_requested=args.get("--review-requested"),
            review_responded=args.get("--review-responded"),
            review_outcome=args.get("--review-outcome"),
            env={}, config=None,
        )
        with contextlib.redirect_stdout(io.StringIO()):
            result = make_letter(opts)
            write(result, force=True)
    finally:
        os.chdir(here)
    return out.read_bytes()


def comparable(data: bytes, fmt: str) -> list[str]:
    if fmt == "docx":
        from appeal.render.docx import paragraphs

        return paragraphs(data)
    return data.decode("utf-8").splitlines()


def differences() -> list[str]:
    """One unified diff per example that no longer matches what is checked in."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for refusal, kind, fmt, extra in EXAMPLES:
            name = output_name(refusal, kind, fmt)
            fresh = generate(refusal, kind, fmt, extra, Path(tmp) / name)
            stored = FOLDER / name
            if not stored.exists():
                problems.append(f"{name}: missing (run python -m appeal.render.examples --refresh)")
                continue
            a, b = comparable(stored.read_bytes(), fmt), comparable(fresh, fmt)
            if a != b:
                diff = "\n".join(difflib.unified_diff(a, b, f"{name} (checked in)", f"{name} (now)", lineterm="", n=1))
                problems.append(diff)
    return problems


def refresh() -> list[Path]:
    written = []
    for refusal, kind, fmt, extra in EXAMPLES:
        target = FOLDER / output_name(refusal, kind, fmt)
        with tempfile.TemporaryDirectory() as tmp:
            fresh = generate(refusal, kind, fmt, extra, Path(tmp) / target.name)
        if target.exists() and target.read_bytes() == fresh:
            continue
        target.write_bytes(fresh)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m appeal.render.examples", description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--refresh", action="store_true", help="regenerate the example letters")
    group.add_argument("--check", action="store_true", help="exit 1 if any example letter differs")
    args = parser.parse_args(argv)
    from appeal.errors import UserError

    try:
        if args.refresh:
            changed = refresh()
            print("\n".join(f"wrote {p.relative_to(ROOT)}" for p in changed) or "examples unchanged")
            return 0
        problems = differences()
    except UserError as exc:
        print(f"examples: error: {exc}", file=sys.stderr)
        return 2
    for p in problems:
        print(p)
    print("examples match" if not problems else f"{len(problems)} example(s) differ")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
