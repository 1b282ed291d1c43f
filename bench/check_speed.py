"""Speed of parse + check on a ~10 KB letter, in-process, after warm-up (target: <= 10 ms).

    .venv/bin/python bench/check_speed.py [LETTER]

Without LETTER it uses the largest seed letter when ../shared is present, else a synthetic
letter from tests/rules_letters padded to 10 KB. Prints median and 90th percentile.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET_MS = 10.0


def sample_letter() -> tuple[str, str]:
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        best = max(seeds.glob("*.txt"), key=lambda p: p.stat().st_size)
        return best.name, best.read_text(encoding="utf-8")
    base = (ROOT / "tests" / "rules_letters" / "ncnd_counts_police.txt").read_text(encoding="utf-8")
    text = base
    filler = base.split("Public Interest Test", 1)[1]
    while len(text) < 10_000:
        text += "\n" + filler
    return "synthetic (padded)", text[:10_240]


def main(argv: list[str]) -> int:
    from appeal.parse import parse_text
    from appeal.rules import check

    if argv:
        name, text = argv[0], Path(argv[0]).read_text(encoding="utf-8")
    else:
        name, text = sample_letter()
    for _ in range(3):  # warm-up: imports, regex compilation, template compilation
        check(parse_text(text))
    times, cpus = [], []
    for i in range(50):
        # a fresh copy each time, so no per-text cache can answer for us
        t = text + " " * (i % 7)
        cpu = time.process_time()
        start = time.perf_counter()
        refusal = parse_text(t)
        mid = time.perf_counter()
        findings = check(refusal)
        end = time.perf_counter()
        cpus.append((time.process_time() - cpu) * 1000)
        times.append(((end - start) * 1000, (mid - start) * 1000, (end - mid) * 1000))
    total = sorted(t[0] for t in times)
    med = statistics.median(total)
    p90 = total[int(len(total) * 0.9) - 1]
    print(f"letter: {name} ({len(text):,} chars), {len(findings)} findings")
    print(f"parse + check: median {med:.2f} ms, p90 {p90:.2f} ms "
          f"(parse {statistics.median(t[1] for t in times):.2f} ms, check {statistics.median(t[2] for t in times):.2f} ms)")
    cpu_med = statistics.median(cpus)
    print(f"CPU time (less sensitive to a busy machine): median {cpu_med:.2f} ms")
    print(f"target {TARGET_MS:.0f} ms: {'met' if min(med, cpu_med) <= TARGET_MS else 'NOT met'}")
    return 0 if min(med, cpu_med) <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
