"""Every authority printed in the letters written for real refusals is a verified precedent's
citation, exactly, apt for the letter's regime and not one that cuts against the requester.

    .venv/bin/python bench/letter_citations.py [FOLDER ...]   (default: ../shared/seeds and corpus)

For each letter: the review and the complaint (all grounds, --all), once in the regime the
letter states and once forced into each other regime; each printed citation is checked with
the same checker as tests/test_letter_citations.py (anything citation-like outside the
library's allowed strings fails). Prints letters written, failures, and how often each
authority was printed. Exit 1 on any failure.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def main(argv: list[str]) -> int:
    import pytest

    from appeal.ingest import load_refusal
    from appeal.render.letters import build_complaint, build_review, to_markdown
    from appeal.render.requester import Requester
    from appeal.rules import run
    from test_letter_citations import check_printed

    folders = [Path(a) for a in argv] or [ROOT.parent / "shared" / "seeds", ROOT.parent / "shared" / "corpus" / "letters"]
    files = [p for f in folders if f.is_dir() for p in sorted(f.iterdir()) if p.suffix in (".txt", ".html", ".eml", ".pdf", ".docx")]
    if not files:
        print("no letters found (../shared absent?)")
        return 0
    me = Requester(name="A", email="a@b.org")
    day = dt.date(2026, 11, 30)
    written = failed = 0
    counts: dict[str, int] = {}
    for path in files:
        try:
            base = load_refusal(str(path))
        except Exception as exc:  # noqa: BLE001 - a letter we cannot read is not a citation failure
            print(f"skip {path.name}: {exc}")
            continue
        stated = base.regime or "FOIA"
        for regime in dict.fromkeys([stated, "FOIA", "EIR", "FOISA", "EISR"]):
            refusal = load_refusal(str(path))
            refusal.regime = regime
            findings = run(refusal).findings
            for letter in (build_review(refusal, findings, None, me, regime=regime, letter_date=day, all_strengths=True),
                           build_complaint(refusal, findings, None, me, regime=regime, letter_date=day,
                                           review_requested=dt.date(2026, 10, 1), all_strengths=True)):
                written += 1
                try:
                    for c in check_printed(to_markdown(letter), regime, f"{path.name} {letter.kind}"):
                        counts[c] = counts.get(c, 0) + 1
                except pytest.fail.Exception as exc:
                    failed += 1
                    print("FAIL", str(exc)[:400])
    print(f"letters written: {written} from {len(files)} refusals x regimes; citation failures: {failed}; "
          f"distinct authorities printed: {len(counts)}")
    for c, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {n:5d}  {c[:120]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
