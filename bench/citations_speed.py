"""How long find_citations takes on a 10 KB synthetic refusal letter (microseconds).

    .venv/bin/python bench/citations_speed.py

The budget (design brief): well under 1-2 ms for 10 KB. Prints the median of many runs and,
when ../shared is present, the median over the corpus letters too.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from appeal.parse.citations import find_citations  # noqa: E402

PARAGRAPHS = [
    "Thank you for your request for information dated 3 March, which has now been considered.",
    "The duty in Section 1(1)(a) of the Freedom of Information Act 2000 does not apply by virtue "
    "of the following exemptions: Sections 23(5), 24(2), 30(3) & 31(3).",
    "Section 31(1)(a)(b) Law Enforcement and s.38(1)(a) and (b) are engaged; the harm would be "
    "likely to arise because disclosure would reveal tactics used by officers in 2019/20.",
    "Offences under section 15 of the Invented Offences Act 2003 are recorded under code 86/10.",
    "Under regulation 12(4)(b) of the Environmental Information Regulations the request is "
    "manifestly unreasonable; reg. 12(5)(e) was also considered, see paragraph 31.",
    "If you are dissatisfied you may ask for an internal review within 40 working days, and you "
    "may complain to the Information Commissioner under section 50 after that review.",
    "Article 6(1)(f) of the UK GDPR and the s.45 Code of Practice were taken into account.",
]


def letter(size: int = 10_000) -> str:
    out, i = [], 0
    while sum(len(p) + 2 for p in out) < size:
        out.append(PARAGRAPHS[i % len(PARAGRAPHS)])
        i += 1
    return "\n\n".join(out)[:size]


def median_us(text: str, runs: int = 300) -> float:
    find_citations(text)  # warm up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        find_citations(text)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e6


def main() -> None:
    text = letter()
    n = len(find_citations(text))
    print(f"synthetic letter: {len(text)} chars, {n} citations, median {median_us(text):.0f} us")
    shared = Path(__file__).resolve().parents[2] / "shared"
    letters = sorted((shared / "corpus" / "letters").glob("*.txt")) + sorted((shared / "seeds").glob("*.txt"))
    if letters:
        per_kb = []
        for p in letters:
            t = p.read_text(encoding="utf-8", errors="replace")
            per_kb.append(median_us(t, runs=30) / max(len(t), 1) * 1000)
        print(f"../shared letters: {len(letters)} files, median {statistics.median(per_kb):.0f} us per KB")


if __name__ == "__main__":
    main()
