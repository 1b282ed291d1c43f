"""How long parse_text takes on a 10 KB letter (in-process, after the first call).

    python bench/parse_speed.py [--runs 200] [--size 10000]

Target: median <= 5 ms. The letter is synthetic: the test letters' paragraphs repeated
until the size is reached, so every detector has work to do.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from appeal.parse import parse_text  # noqa: E402

LETTERS = HERE.parent / "tests" / "letters"


def make_letter(size: int) -> str:
    head = (LETTERS / "joint_unit_ncnd.txt").read_text(encoding="utf-8")
    body_parts = [(LETTERS / n).read_text(encoding="utf-8") for n in
                  ("wmp_style_bolt_on.txt", "council_cost.txt", "scotgov_foisa.txt", "dept_about_scotland.txt")]
    # the PIT paragraphs of the head letter, then other letters' bodies, until the size is met
    mid = head.index("Yours sincerely")
    text = head[:mid]
    i = 0
    while len(text) < size - len(head) + mid:
        text += "\n" + body_parts[i % len(body_parts)].split("\n", 6)[-1]
        i += 1
    text = text[: size - (len(head) - mid)] + "\n\n" + head[mid:]
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--size", type=int, default=10_000)
    args = ap.parse_args(argv)
    text = make_letter(args.size)
    parse_text(text)  # warm-up: imports, gazetteer, compiled patterns
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        parse_text(text)
        times.append((time.perf_counter() - t) * 1000)
    med = statistics.median(times)
    p90 = sorted(times)[int(len(times) * 0.9)]
    print(f"letter: {len(text)} chars; runs: {args.runs}")
    print(f"parse_text median {med:.2f} ms, p90 {p90:.2f} ms (target <= 5 ms): {'OK' if med <= 5 else 'SLOW'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
