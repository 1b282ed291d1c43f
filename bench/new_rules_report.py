"""The new grounds of issue 9 over the real letters in ../shared: where each fires, to read.

    python bench/new_rules_report.py [--rule ID] [--show]

For each new rule: the letters it fires on (corpus and seeds), with strength and the first
quote; the corpus labels (`rules_must_fire` / `rules_must_not_fire`) that name it, hit or
missed. --show prints each finding's argument, for reading as the authority's FOI officer
would. Needs ../shared (relative to the repo root); exits 0 with a note when it is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NEW = ("public-domain", "derivable-figures", "cost-estimate-unrealistic", "error-of-law",
       "irrelevant-consideration", "vexatious-unexplained", "qualified-person-not-shown")


def letters():
    corpus = SHARED / "corpus"
    labels = {}
    for line in (corpus / "index.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels[row["file"]] = row
    for file, row in sorted(labels.items()):
        yield f"corpus/{file}", (corpus / file), row
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        yield f"seeds/{path.name}", path, {}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rule", action="append")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print("../shared not found: nothing to measure")
        return 0
    sys.path.insert(0, str(ROOT))
    from appeal.parse import parse_text
    from appeal.rules import run

    wanted = tuple(args.rule or NEW)
    fires = {r: [] for r in wanted}
    must = {r: [0, 0] for r in wanted}  # hit, labelled
    must_not = {r: [0, 0] for r in wanted}  # fired (wrong), labelled
    for name, path, row in letters():
        text = path.read_text(encoding="utf-8", errors="replace")
        found = {f.rule: f for f in run(parse_text(text, source=name)).findings}
        for r in wanted:
            if r in found:
                fires[r].append((name, found[r]))
            if r in (row.get("rules_must_fire") or ()):
                must[r][1] += 1
                must[r][0] += r in found
            if r in (row.get("rules_must_not_fire") or ()):
                must_not[r][1] += 1
                must_not[r][0] += r in found
    for r in wanted:
        print(f"== {r}: fires on {len(fires[r])} letters; must-fire {must[r][0]}/{must[r][1]}; "
              f"must-not-fire fired {must_not[r][0]}/{must_not[r][1]}")
        for name, f in fires[r]:
            quote = " ".join((f.evidence[0].quote if f.evidence else "").split())[:140]
            print(f"   {f.strength:<8} {name}: {quote}")
            if args.show:
                print("      ARG:", f.argument.replace("\n\n", "\n      "))
                print("      ASK:", f.ask)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
