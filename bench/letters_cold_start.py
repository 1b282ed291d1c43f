"""Cold start of a Word letter: `appeal review <example> --format docx -o <tmp> --force`
against a bare `python -c pass`, median of several runs each. Target: at most 40x.

    .venv/bin/python bench/letters_cold_start.py [--runs N] [--example FILE]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 40.0


def timed(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.decode(errors='replace')}")
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--example", default=str(ROOT / "examples" / "police-ncnd-refusal.txt"))
    args = ap.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "letter.docx")
        letter = [py, "-m", "appeal", "review", args.example, "--format", "docx", "-o", out, "--force",
                  "--name", "Bench Requester", "--date", "2024-03-08"]
        subprocess.run(letter, cwd=ROOT, capture_output=True)  # warm the OS file cache, .pyc files
        bare = timed([py, "-c", "pass"], args.runs)
        full = timed(letter, args.runs)
    ratio = full / bare
    print(f"python -c pass:          {bare * 1000:7.1f} ms (median of {args.runs})")
    print(f"appeal review --format docx: {full * 1000:7.1f} ms (median of {args.runs})")
    print(f"ratio: {ratio:.1f}x (target at most {TARGET:.0f}x) -> {'OK' if ratio <= TARGET else 'OVER'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
