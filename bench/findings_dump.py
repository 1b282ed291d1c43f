"""Dump what `appeal check --json` says for every seed and corpus letter, to compare before and
after a change that must not change behaviour (a speed change, a refactor).

    .venv/bin/python bench/findings_dump.py OUT.json            # write the dump
    .venv/bin/python bench/findings_dump.py OUT.json --diff OLD.json   # ... and compare with OLD

In-process (the same code path as `appeal check --json`: gather_case, run, rank, decide_case,
findings_to_dict), one letter after another, so the whole corpus takes seconds. The dump holds
every finding's rule, strength, title, argument, evidence and precedents, the notes and the
outcome; `case` is left out only for its `today`-dependent parts being the same on one day.
Exit 1 when --diff finds a difference (each difference is printed).
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def letters() -> list[Path]:
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus" / "letters").glob("*"))
    files += sorted((ROOT / "tests" / "letters").glob("*.txt")) + sorted((ROOT / "tests" / "rules_letters").glob("*.txt"))
    return [f for f in files if f.is_file()]


def dump_one(path: Path) -> object:
    from appeal.cli.cmd_check import check
    from appeal.errors import UserError

    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            check(str(path), json_out=True, received=None, responded=None, review_requested=None,
                  review_responded=None, regime=None, include=None, exclude=None, minimum="weak",
                  strict=False)
    except UserError as e:
        return {"error": str(e)}
    return json.loads(out.getvalue())


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if not args:
        print(__doc__)
        return 2
    target = Path(args[0])
    data = {}
    for f in letters():
        key = f"{f.parent.name}/{f.name}"
        data[key] = dump_one(f)
    target.write_text(json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    n = sum(len(v.get("findings", [])) for v in data.values() if isinstance(v, dict))
    print(f"{len(data)} letters, {n} findings -> {target}")
    if "--diff" in argv:
        old = json.loads(Path(args[1]).read_text(encoding="utf-8"))
        diffs = 0
        for key in sorted(set(old) | set(data)):
            a, b = old.get(key), data.get(key)
            if a != b:
                diffs += 1
                print(f"DIFF {key}")
                _show(a, b)
        print("identical" if not diffs else f"{diffs} letters differ")
        return 1 if diffs else 0
    return 0


def _show(a, b, path: str = "") -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                _show(a.get(k), b.get(k), f"{path}.{k}")
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                _show(x, y, f"{path}[{i}]")
    else:
        print(f"  {path}: {str(a)[:300]!r}\n  {' ' * len(path)}  -> {str(b)[:300]!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
