"""Score the parser against labelled letters.

    python bench/parse_accuracy.py DIR            # DIR/index.jsonl + the letters it names
    python bench/parse_accuracy.py DIR --index PATH
    python bench/parse_accuracy.py /work/shared/seeds   # uses bench/seeds_index.jsonl
    add -v to list every mismatch

index.jsonl lines: {"file", "authority", "regime", "reference", "letter_date",
"received_date", "exemptions", "ncnd", ...} (the form of ../shared/corpus/index.jsonl).
Exemptions are compared at section level (s31(1)(a) -> s31) and first-subsection level
(-> s31(1)), micro-F1 over all letters. A null label is right when the parser says null.
Labels may carry a regime prefix ("FOISA s30(b)(i)") or a note in brackets
("Home Office (Border Force)", "X Council (inferred)"): the bracket is an alternative name
unless it is a note ("inferred ...", "review of ...").

Letters are read as a user's file is read (appeal.ingest.read_letter: page chrome dropped).
`authority` and `reference` count null as right where the text never names the authority or
prints the reference (issue 8: some labels come from the page's address, not its text);
`authority_label` and `reference_label` are the strict scores against the label. A table per
kind of authority (the label's authority_type) follows the overall figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from appeal.ingest import read_letter  # noqa: E402
from appeal.parse import parse_text  # noqa: E402


def _norm_name(s: str) -> str:
    s = s.lower().replace("&", " and ").replace("’", "'")
    s = re.sub(r"[^a-z0-9 ]", " ", s)
    words = [w for w in s.split() if w not in ("the",)]
    return " ".join(words)


def _alternatives(label: str) -> list[str]:
    main = re.sub(r"\s*\([^)]*\)", "", label).strip()
    alts = [main] if main else []
    for inner in re.findall(r"\(([^)]*)\)", label):
        if not re.match(r"(?i)\s*(?:inferred|review of|see|note)", inner):
            alts.append(inner.strip())
    return alts


def _norm_ref(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _strip_prefix(c: str) -> str:
    return re.sub(r"^(?:FOISA|EISR|FOIA|EIR)\s+", "", c.strip())


def _section(c: str) -> str:
    return c.split("(", 1)[0]


def _subsection(c: str) -> str:
    m = re.match(r"[a-z]+\d+[A-Z]*(?:\([^)]*\))?", c)
    return m.group(0) if m else c


class F1:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, got: set, want: set) -> None:
        self.tp += len(got & want)
        self.fp += len(got - want)
        self.fn += len(want - got)

    def score(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"{self.score():.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


class Acc:
    def __init__(self) -> None:
        self.ok = self.n = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.ok += bool(ok)

    def score(self) -> float:
        return self.ok / self.n if self.n else float("nan")

    def __str__(self) -> str:
        return f"{self.score():.3f}  ({self.ok}/{self.n})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", help="folder holding the letters (and normally index.jsonl)")
    ap.add_argument("--index", help="labels file (default DIR/index.jsonl, or bench/seeds_index.jsonl for seeds)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    args = ap.parse_args(argv)

    root = Path(args.dir)
    index = Path(args.index) if args.index else root / "index.jsonl"
    if not index.exists() and not args.index:
        index = HERE / "seeds_index.jsonl"
    rows = [json.loads(line) for line in index.read_text(encoding="utf-8").splitlines() if line.strip()]

    sec, sub = F1(), F1()
    kinds: dict[str, dict] = {}
    acc = {k: Acc() for k in ("ncnd", "ncnd_scope", "authority", "authority_label", "authority_named_in_text", "reference", "reference_label",
                              "letter_date", "received_date", "regime", "partial_disclosure",
                              "public_interest_test", "is_review_outcome", "truncated")}
    misses: list[str] = []
    for row in rows:
        path = root / row["file"]
        if not path.exists():
            print(f"missing: {path}", file=sys.stderr)
            continue
        # read as a user's file is read (page chrome dropped at ingest), then parsed
        text = read_letter(str(path))
        r = parse_text(text, source=str(path))
        name = Path(row["file"]).name
        kind = row.get("authority_type") or "unknown"
        per = kinds.setdefault(kind, {"n": 0, "sec": F1(), "sub": F1(), "acc": {}})
        per["n"] += 1

        def check(field: str, ok: bool, got, want) -> None:
            acc[field].add(ok)
            per["acc"].setdefault(field, Acc()).add(ok)
            if not ok:
                misses.append(f"{name}: {field}: got {got!r}, want {want!r}")

        want_ex = {_strip_prefix(c) for c in row.get("exemptions") or []}
        got_ex = {e.citation for e in r.exemptions}
        s_got, s_want = {_section(c) for c in got_ex}, {_section(c) for c in want_ex}
        u_got, u_want = {_subsection(c) for c in got_ex}, {_subsection(c) for c in want_ex}
        sec.add(s_got, s_want)
        sub.add(u_got, u_want)
        per["sec"].add(s_got, s_want)
        per["sub"].add(u_got, u_want)
        if s_got != s_want or u_got != u_want:
            misses.append(f"{name}: exemptions: got {sorted(got_ex)}, want {sorted(want_ex)}")

        if row.get("ncnd") is not None:
            check("ncnd", r.ncnd == row["ncnd"], r.ncnd, row["ncnd"])
        if row.get("ncnd_scope") is not None:
            check("ncnd_scope", r.ncnd_scope == row["ncnd_scope"], r.ncnd_scope, row["ncnd_scope"])

        label = row.get("authority")
        got_auth = r.authority.name
        if label is None:
            ok = got_auth is None
        else:
            ok = got_auth is not None and _norm_name(got_auth) in {_norm_name(a) for a in _alternatives(label)}
        ntext = " " + _norm_name(text) + " "
        named = label is None or any(" " + _norm_name(a) + " " in ntext for a in _alternatives(label))
        acc["authority_label"].add(ok)
        # null is right where the text never names the authority (issue 8)
        check("authority", ok or (got_auth is None and not named), got_auth, label)
        if named:
            acc["authority_named_in_text"].add(ok)

        label = row.get("reference")
        if label is None:
            ok = r.reference is None
        else:
            main_ref = re.sub(r"\s*\((?:review of|see)[^)]*\)", "", label)
            ok = r.reference is not None and _norm_ref(r.reference) == _norm_ref(main_ref)
        acc["reference_label"].add(ok)
        # null is right where the text never prints the reference (labels sometimes come from the URL)
        printed = label is None or _norm_ref(main_ref) in _norm_ref(text)
        check("reference", ok or (r.reference is None and not printed), r.reference, label)

        check("letter_date", r.dates.letter == row.get("letter_date"), r.dates.letter, row.get("letter_date"))
        check("received_date", r.dates.received == row.get("received_date"), r.dates.received,
              row.get("received_date"))
        if row.get("regime"):
            check("regime", r.regime == row["regime"], r.regime, row["regime"])
        for field, key in (("partial_disclosure", "partial_disclosure"),
                           ("public_interest_test", "public_interest_test_present"),
                           ("is_review_outcome", "is_internal_review_outcome")):
            if row.get(key) is not None:
                got = getattr(r, field)
                check(field, got == row[key], got, row[key])
        if row.get("complete") is not None:
            check("truncated", r.truncated == (not row["complete"]), r.truncated, not row["complete"])

    print(f"letters: {len(rows)}  ({index})")
    print(f"exemptions F1 by section     {sec}")
    print(f"exemptions F1 by subsection  {sub}")
    for k, a in acc.items():
        if a.n:
            print(f"{k:28s} {a}")
    if len(kinds) > 1:
        fields = ["ncnd", "regime", "authority", "reference", "letter_date", "received_date", "is_review_outcome",
                  "partial_disclosure"]
        print()
        print(f"{'per kind of authority':24s} {'n':>3s} {'secF1':>6s} {'subF1':>6s} " +
              " ".join(f"{f[:9]:>9s}" for f in fields))
        for kind, per in sorted(kinds.items(), key=lambda kv: -kv[1]["n"]):
            cells = []
            for f in fields:
                a = per["acc"].get(f)
                cells.append(f"{a.score():9.2f}" if a and a.n else f"{'-':>9s}")
            print(f"{kind:24s} {per['n']:3d} {per['sec'].score():6.2f} {per['sub'].score():6.2f} " + " ".join(cells))
    if args.verbose:
        print()
        for m in misses:
            print(m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
