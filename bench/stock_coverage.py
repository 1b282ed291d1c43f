"""How well the stock fingerprints find the stock paragraphs catalogued in ../shared.

For every family listed in ../shared/corpus/stock-paragraphs.md, compares the stored letters it
names ("Seen in") with the letters our fingerprints match (recall per family), lists letters
matched that the catalogue does not name (often the catalogue's own patterns were narrower,
so read them before calling them false positives), and shows what matches in each seed letter
with its dangling references. Also times find_stock on 10 KB.

    .venv/bin/python bench/stock_coverage.py [--shared ../shared] [--json bench/out/stock_coverage.json]

Reads ../shared only; nothing from it is copied into the project.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from appeal.rules import stock as S  # noqa: E402


def catalogue(md: str) -> tuple[dict[int, str], dict[str, set[str]]]:
    """Ranking number -> family id, and family id -> the letters/ files it is 'Seen in'."""
    names: dict[int, str] = {}
    for m in re.finditer(r"^\|\s*(\d+)\s*\|\s*([a-z0-9_]+)\s*\|", md, re.M):
        names[int(m.group(1))] = m.group(2)
    seen: dict[str, set[str]] = {}
    for sec in re.split(r"^## ", md, flags=re.M)[1:]:
        head = re.match(r"(\d+)\.", sec)
        if not head or int(head.group(1)) not in names:
            continue
        fam = names[int(head.group(1))]
        part = sec.split("- Seen in:", 1)[1] if "- Seen in:" in sec else ""
        seen[fam] = set(re.findall(r"`letters/([^`]+)`", part))
    return names, seen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--json", dest="json_out", default=None)
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    md_path = shared / "corpus" / "stock-paragraphs.md"
    if not md_path.exists():
        print(f"no {md_path}: nothing to measure", file=sys.stderr)
        return 0
    _, expected = catalogue(md_path.read_text(encoding="utf-8"))
    letters = sorted((shared / "corpus" / "letters").glob("*.txt"))
    seeds = sorted((shared / "seeds").glob("*.txt"))
    ours = S.families()

    matched: dict[str, set[str]] = defaultdict(set)
    for path in letters:
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in S.find_stock(text):
            matched[m.family].add(path.name)

    report: dict = {"families": {}, "seeds": {}, "missing_families": []}
    print("## Recall against stock-paragraphs.md (stored letters only)\n")
    print(f"{'family':38} {'listed':>6} {'found':>6} {'recall':>7}  extra (matched, not listed)")
    tot_listed = tot_found = 0
    for fam in sorted(expected, key=lambda f: (-len(expected[f]), f)):
        want = expected[fam]
        if fam not in ours:
            report["missing_families"].append(fam)
            print(f"{fam:38} {len(want):6} {'-':>6} {'n/a':>7}  (no fingerprint with this id)")
            continue
        got = matched.get(fam, set())
        hit = want & got
        extra = sorted(got - want)
        recall = len(hit) / len(want) if want else None
        tot_listed += len(want)
        tot_found += len(hit)
        report["families"][fam] = {
            "listed": sorted(want), "found": sorted(hit), "missed": sorted(want - got),
            "extra": extra, "recall": recall,
        }
        r = f"{recall:7.0%}" if recall is not None else "    n/a"
        print(f"{fam:38} {len(want):6} {len(hit):6} {r}  {', '.join(x[:3] for x in extra)}")
        for miss in sorted(want - got):
            print(f"{'':38} missed: {miss}")
    if tot_listed:
        print(f"\noverall recall: {tot_found}/{tot_listed} = {tot_found / tot_listed:.0%}")
    others = sorted(set(matched) - set(expected))
    if others:
        print("\n## Our families not in the catalogue (letters matched)\n")
        for fam in others:
            files = sorted(matched[fam])
            report["families"].setdefault(fam, {})["matched"] = files
            print(f"{fam:38} {len(files):3}  {', '.join(f[:3] for f in files)}")

    print("\n## Seeds\n")
    parse_text = None
    try:
        from appeal.parse import parse_text  # type: ignore[assignment]
    except Exception:  # the parser may not be there yet
        pass
    for path in seeds:
        text = path.read_text(encoding="utf-8", errors="replace")
        fams = S.find_stock(text)
        request = None
        if parse_text is not None:
            try:
                request = parse_text(text).request_text
            except Exception:
                request = None
        dangling = S.find_dangling(text, request)
        reasoning = sorted({m.family for m in fams if m.reasoning})
        procedural = sorted({m.family for m in fams if not m.reasoning})
        report["seeds"][path.name] = {
            "reasoning": reasoning, "procedural": procedural,
            "dangling": [{"id": d.family, "quote": d.quote} for d in dangling],
            "request_text_known": bool(request),
        }
        print(f"{path.name}  (request text {'known' if request else 'unknown'})")
        print(f"  reasoning:  {', '.join(reasoning) or '-'}")
        print(f"  procedural: {', '.join(procedural) or '-'}")
        for d in dangling:
            print(f"  dangling:   {d.family}: {d.quote!r}")

    # shared families across seeds (the batch signal)
    by_family: dict[str, list[str]] = defaultdict(list)
    for name, r in report["seeds"].items():
        for fam in r["reasoning"]:
            by_family[fam].append(name.split("-")[0])
    print("\n  reasoning families in 2+ seeds: " + "; ".join(
        f"{f} ({', '.join(v)})" for f, v in sorted(by_family.items()) if len(v) > 1))

    sample = "\n\n".join(p.read_text(encoding="utf-8", errors="replace") for p in seeds + letters)
    ten_kb = sample[:10_000]
    S.find_stock(ten_kb)
    best = min(_timed(f"{ten_kb} {i}") for i in range(30))  # distinct texts: no cache hits
    report["ms_per_10kb"] = round(best * 1000, 3)
    print(f"\nfind_stock on 10 KB: {best * 1000:.3f} ms (best of 30)")

    if args.json_out:
        out = Path(args.json_out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


def _timed(text: str) -> float:
    t0 = time.perf_counter()
    S.find_stock(text)  # first call for this text: lower-casing, word set and every search
    return time.perf_counter() - t0


if __name__ == "__main__":
    raise SystemExit(main())
