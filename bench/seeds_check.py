"""Acceptance over the seed letters: every 'must fire' fires, no 'must not' fires, every quote is
really in the letter. Reads ../shared/seeds (not shipped; skipped when absent).

    .venv/bin/python bench/seeds_check.py [-v]      exit 1 when any expectation fails
    .venv/bin/python bench/seeds_check.py --corpus  the corpus letters: what fired, beside the
                                                    lawyers' notes in corpus/index.jsonl, to read
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEEDS = ROOT.parent / "shared" / "seeds"


def expectations(md: str, known: set[str]) -> dict[str, dict[str, set[str]]]:
    out: dict[str, dict[str, set[str]]] = {}
    current = None
    bullet = None
    for line in md.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            out[current] = {"must": set(), "must_not": set(), "may": set()}
            continue
        if current is None:
            continue
        if line.startswith("- "):
            text = line[2:]
            if text.startswith("Must fire"):
                bullet = "must"
            elif text.startswith("Must not fire"):
                bullet = "must_not"
            elif text.startswith("May fire"):
                bullet = "may"
            elif re.match(r"`[a-z-]+`", text) and text[1:text.index("`", 1)] in known:
                bullet = "must"  # "- `review-rights-missing` as above": fire it
            else:
                bullet = None
            line = text
        if bullet:
            for rid in re.findall(r"`([a-z][a-z-]+)`", line):
                if rid in known:
                    out[current][bullet].add(rid)
    return out


def corpus(verbose: bool) -> int:
    import json

    from appeal.parse import parse_text
    from appeal.rules import run

    folder = ROOT.parent / "shared" / "corpus"
    if not folder.is_dir():
        print(f"skipped: {folder} not found")
        return 0
    counts: dict[str, int] = {}
    bad_quotes = 0
    for line in (folder / "index.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        path = folder / entry["file"]
        text = path.read_text(encoding="utf-8")
        refusal = parse_text(text, source=str(path))
        report = run(refusal)
        for f in report.findings:
            counts[f.rule] = counts.get(f.rule, 0) + 1
            bad_quotes += sum(text[e.start:e.end] != e.quote for e in f.evidence)
        print(f"== {entry['file'].split('/')[-1]}  [{', '.join(entry.get('exemptions') or [])}]")
        print(f"   notes: {entry.get('notes', '')}")
        print("   fired: " + (", ".join(f"{f.rule}({f.strength[0]})" for f in report.findings) or "-"))
        if verbose:
            for f in report.findings:
                print(f"      {f.rule}: {[e.quote[:100] for e in f.evidence[:2]]}")
    print("\nfindings per rule: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])))
    print(f"quotes not verbatim: {bad_quotes}")
    return 1 if bad_quotes else 0


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    if "--corpus" in argv:
        return corpus(verbose)
    if not SEEDS.is_dir():
        print(f"skipped: {SEEDS} not found")
        return 0
    from appeal.parse import parse_text
    from appeal.rules import run
    from appeal.rules.registry import all_rules

    known = {r.id for r in all_rules()}
    exp = expectations((SEEDS / "EXPECTED.md").read_text(encoding="utf-8"), known)
    failures = 0
    for name, want in exp.items():
        path = SEEDS / name
        text = path.read_text(encoding="utf-8")
        refusal = parse_text(text, source=str(path))
        report = run(refusal)
        fired = {f.rule: f for f in report.findings}
        problems = []
        for rid in sorted(want["must"] - fired.keys()):
            problems.append(f"missing must-fire {rid}")
        for rid in sorted(want["must_not"] & fired.keys()):
            problems.append(f"fired must-not {rid}")
        for f in report.findings:
            for e in f.evidence:
                if text[e.start:e.end] != e.quote or e.quote not in text:
                    problems.append(f"{f.rule}: quote not in the letter at {e.start}-{e.end}")
        rr = fired.get("review-rights-missing")
        if rr and "review-rights-missing" in want["must"] and "copy" not in rr.argument:
            problems.append("review-rights-missing not worded for the copy provided")
        extra = sorted(fired.keys() - want["must"] - want["may"] - want["must_not"])
        status = "ok" if not problems else "FAIL"
        failures += bool(problems)
        print(f"{status:4}  {name}")
        for p in problems:
            print(f"      {p}")
        line = ", ".join(f"{f.rule}({f.strength[0]})" for f in report.findings)
        print(f"      fired: {line}")
        if extra:
            print(f"      also fired (not listed in EXPECTED): {', '.join(extra)}")
        if verbose:
            for n in report.notes:
                print(f"      note: {n}")
            for f in report.findings:
                print(f"\n      [{f.strength}] {f.rule}: {f.argument}\n      ASK: {f.ask}\n      quotes: {[e.quote[:90] for e in f.evidence]}")
    print(f"\n{len(exp) - failures}/{len(exp)} seeds meet their expectations")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
