"""Rule accuracy against the lawyers' labels: must-fire recall and wrong grounds, per rule.

    .venv/bin/python bench/rules_accuracy.py [-v] [--json]

Reads ../shared/corpus/index.jsonl (letters carrying `rules_must_fire` / `rules_must_not_fire`,
numbers 100-169) and ../shared/reviews/seeds-lawyer.jsonl (the five seeds as a lawyer read them),
runs parse + check on each letter, and reports:

  - must-fire recall: labelled must-fire grounds that fired / all labelled must-fire grounds
  - wrong grounds: labelled must-not grounds that fired / all labelled must-not grounds
    (and as a share of every finding on those letters)
  - the lead ground where the label names one (first finding after the engine's ordering)
  - the same per rule, and every miss and every wrong ground by letter.

A must-fire for a rule the registry does not know is counted as a miss and marked "(no rule)".
Skipped (exit 0) when ../shared is absent. Exit 0 always otherwise: this is a measurement.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEEDS_LAWYER = SHARED / "reviews" / "seeds-lawyer.jsonl"


def labelled() -> list[dict]:
    out = []
    index = CORPUS / "index.jsonl"
    if index.is_file():
        for line in index.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            e = json.loads(line)
            if "rules_must_fire" in e or "rules_must_not_fire" in e:
                e["_set"] = "corpus"
                out.append(e)
    if SEEDS_LAWYER.is_file():
        for line in SEEDS_LAWYER.read_text(encoding="utf-8").splitlines():
            if line.strip():
                e = json.loads(line)
                e["_set"] = "seeds"
                out.append(e)
    return out


def _lead(report, text: str, path) -> str | None:
    """The ground a letter would argue first: the judge's ranking when `appeal.judge` is there,
    else the engine's order (strongest first)."""
    try:
        from appeal.judge import select_grounds
        from appeal.parse import parse_text

        sel = select_grounds(report.findings, parse_text(text, source=str(path)))
        return sel.grounds[0].lead.rule if sel.grounds else None
    except Exception:  # no judge yet, or another signature: the engine's order
        return report.findings[0].rule if report.findings else None


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found")
        return 0
    from appeal.parse import parse_text
    from appeal.rules import run
    from appeal.rules.registry import all_rules

    known = {r.id for r in all_rules()}
    per_rule: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[str] = []
    wrongs: list[str] = []
    lead_ok = lead_n = 0
    leads: list[str] = []
    for e in labelled():
        path = (CORPUS / e["file"]).resolve()
        text = path.read_text(encoding="utf-8")
        report = run(parse_text(text, source=str(path)))
        fired = [f.rule for f in report.findings]
        fset = set(fired)
        name = path.name
        t = totals[e["_set"]]
        t["letters"] += 1
        t["findings"] += len(fired)
        for rid in e.get("rules_must_fire") or ():
            per_rule[rid]["must"] += 1
            t["must"] += 1
            if rid in fset:
                per_rule[rid]["hit"] += 1
                t["hit"] += 1
            else:
                misses.append(f"{name}: {rid}{'' if rid in known else ' (no rule)'}")
        for rid in e.get("rules_must_not_fire") or ():
            per_rule[rid]["must_not"] += 1
            t["must_not"] += 1
            if rid in fset:
                per_rule[rid]["wrong"] += 1
                t["wrong"] += 1
                f = next(f for f in report.findings if f.rule == rid)
                q = f.evidence[0].quote[:90].replace("\n", " ") if f.evidence else ""
                wrongs.append(f"{name}: {rid} ({f.strength}) «{q}»")
        for rid in fset:
            per_rule[rid]["fired"] += 1
        lead = e.get("lead_ground")
        if lead:
            lead_n += 1
            first = _lead(report, text, path)
            lead_ok += first == lead
            if first != lead:
                leads.append(f"{name}: lead {first or '-'}, want {lead}")
        if verbose:
            print(f"{name}: fired {', '.join(fired) or '-'}")

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:.0f}%" if b else "n/a"

    result = {}
    print("set      letters  must-fire recall      wrong grounds (of must-not)   findings")
    for key in ("corpus", "seeds", "all"):
        if key == "all":
            t = defaultdict(int)
            for v in totals.values():
                for k, n in v.items():
                    t[k] += n
        else:
            t = totals[key]
        result[key] = dict(t)
        print(f"{key:8} {t['letters']:7}  {t['hit']:3}/{t['must']:<3} {pct(t['hit'], t['must']):>5}          "
              f"{t['wrong']:3}/{t['must_not']:<4} {pct(t['wrong'], t['must_not']):>5}              {t['findings']}")
    print(f"lead ground (seeds with a lead, after the judge's ranking where it exists): {lead_ok}/{lead_n}")
    for line in leads:
        print("  " + line)
    print("\nper rule                        recall        wrong        fired on")
    for rid in sorted(per_rule):
        r = per_rule[rid]
        print(f"  {rid:30} {r['hit']:2}/{r['must']:<2} {pct(r['hit'], r['must']):>5}   "
              f"{r['wrong']:2}/{r['must_not']:<3} {pct(r['wrong'], r['must_not']):>5}   {r['fired']:3}"
              f"{'' if rid in known else '   (no rule)'}")
    print(f"\nmisses ({len(misses)}):")
    for m in misses:
        print("  " + m)
    print(f"\nwrong grounds ({len(wrongs)}):")
    for w in wrongs:
        print("  " + w)
    if "--json" in argv:
        print(json.dumps({"totals": result, "lead": [lead_ok, lead_n],
                          "per_rule": {k: dict(v) for k, v in per_rule.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
