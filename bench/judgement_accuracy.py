"""The judgement step measured: lead ground, number of grounds, outcome, and letter length.

Reads the lawyer's verdicts on the seeds (../shared/reviews/seeds-lawyer.jsonl: `lead_ground`,
`max_grounds`, `expected_outcome`, `outcome_accept`) and the outcome labels in
../shared/corpus/index.jsonl (`expected_outcome` where a letter has one; a letter labelled
`is_internal_review_outcome` expects `complaint`, or `fresh-request` once the Commissioner's window closed over a year ago). For every letter it builds the review
request in-process (as `appeal review --force` would, so that the length is measured even
where the outcome says not to send it) and reports:

  - lead ground right: the letter's first ground is the lawyer's lead (strictly; and
    "in the first ground", where the lead is merged into it as a point);
  - at most `max_grounds` grounds (5 by default);
  - outcome right: the decision is the expected outcome or one the lawyer accepts;
  - words of the review letters (Markdown, table and headings included);
  - a proxy for the lead on letters the weights were not tuned on: on corpus letters with
    `rules_must_fire` labels, how often the lead ground is one of the must-have grounds that fired.

    python bench/judgement_accuracy.py [SHARED_DIR]

Run against another checkout (PYTHONPATH=/path/to/other) to get the "before" figures: where
the code has no judgement step, the outcome is taken as "review" (the old tool always wrote one).
Exits 0; the targets (lead >= 75%, outcome >= 85%) are printed, not enforced.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def build(path: Path, today: dt.date):
    """(lead rule, rules of the first ground, grounds, outcome kind, words) for one letter."""
    from appeal.render.run import Options, make_letter

    opts = Options(kind="review", refusal=str(path), out=os.devnull, force=True, today=today,
                   name="A Requester", email="a@example.org",
                   env={"XDG_CONFIG_HOME": str(Path(tempfile.gettempdir()) / "appeal-bench-no-config")})
    result = make_letter(opts)
    grounds = result.letter.grounds
    lead = grounds[0].rule if grounds else None
    first = set(getattr(grounds[0], "rules", None) or [lead]) if grounds else set()
    outcome = getattr(result, "outcome", None)
    kind = outcome.kind if outcome is not None else "review"
    fired = {r for g in grounds for r in (getattr(g, "rules", None) or [g.rule])}
    fired |= set(getattr(result.letter, "left_out_rules", []) or [])
    build.fired = fired  # every rule found, for the corpus lead proxy
    return lead, first, len(grounds), kind, len(result.markdown.split())


def pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "0/0"


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else ROOT.parent / "shared"
    seeds_file = shared / "reviews" / "seeds-lawyer.jsonl"
    index_file = shared / "corpus" / "index.jsonl"
    if not seeds_file.exists():
        print(f"no {seeds_file}: nothing to measure")
        return 0
    os.environ.setdefault("APPEAL_CACHE_DIR", str(Path(tempfile.gettempdir()) / "appeal-bench-judgement"))
    try:
        import appeal.judge  # noqa: F401
        mode = "judgement step"
    except ImportError:
        mode = "no judgement step (baseline)"
    today = dt.date.today()
    print(f"judgement accuracy ({mode}), today {today.isoformat()}")

    leads = lead_in_first = lead_total = 0
    capped = outcome_ok = outcome_total = 0
    words: list[int] = []
    rows = []
    for line in seeds_file.read_text().splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        path = (seeds_file.parent / case["file"]).resolve()
        lead, first, n, kind, w = build(path, today)
        words.append(w)
        want_lead = case.get("lead_ground")
        if want_lead:
            lead_total += 1
            leads += lead == want_lead
            lead_in_first += want_lead in first
        capped += n <= case.get("max_grounds", 5)
        accept = case.get("outcome_accept") or [case.get("expected_outcome")]
        outcome_total += 1
        outcome_ok += kind in accept
        rows.append((path.name, lead, want_lead, n, kind, accept, w))
    print("seeds (../shared/reviews/seeds-lawyer.jsonl):")
    for name, lead, want, n, kind, accept, w in rows:
        mark = "" if not want else (" ok" if lead == want else f" WANT {want}")
        print(f"  {name[:44]:<44} lead {lead}{mark}; {n} grounds; outcome {kind}"
              f"{'' if kind in accept else ' WANT ' + '/'.join(accept)}; {w} words")
    seed_words = list(words)

    corpus_total = corpus_ok = 0
    corpus_words: list[int] = []
    corpus_grounds: list[int] = []
    kinds: dict[str, int] = {}
    misses = []
    errors = 0
    proxy_ok = proxy_total = 0
    proxy_bad = []
    if index_file.exists():
        for line in index_file.read_text().splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            path = index_file.parent / d["file"]
            want = d.get("expected_outcome")
            accept = d.get("outcome_accept") or ([want] if want else None)
            if accept is None and d.get("is_internal_review_outcome"):
                accept = ["complaint"]
                # A lawyer sends a fresh request, not a complaint, once the Commissioner's window
                # (ICO six weeks; SIC six months) closed over a year ago (lawyer review, round 2).
                dated = d.get("letter_date")
                if dated:
                    weeks = 26 if d.get("regime") in ("FOISA", "EISR") else 6
                    closed = dt.date.fromisoformat(dated) + dt.timedelta(weeks=weeks)
                    if (today - closed).days > 365:
                        accept.append("fresh-request")
            try:
                lead, first, n, kind, w = build(path, today)
            except Exception as exc:  # a letter the tool refuses: counted, never fatal here
                errors += 1
                misses.append(f"{path.name}: {type(exc).__name__}: {' '.join(str(exc).split())[:90]}")
                continue
            kinds[kind] = kinds.get(kind, 0) + 1
            must, must_not = set(d.get("rules_must_fire") or []), set(d.get("rules_must_not_fire") or [])
            if lead and (must & getattr(build, "fired", set())):
                proxy_total += 1
                proxy_ok += lead in must
                if lead not in must:
                    proxy_bad.append(f"{path.name}: lead {lead}, must-have fired: {sorted(must & build.fired)}")
            if lead and lead in must_not:
                proxy_bad.append(f"{path.name}: lead {lead} is a must-not ground")
            if kind in ("review",):
                corpus_words.append(w)
                corpus_grounds.append(n)
            if accept:
                corpus_total += 1
                corpus_ok += kind in accept
                if kind not in accept:
                    misses.append(f"{path.name}: outcome {kind}, want {'/'.join(accept)}")

    print()
    print(f"lead ground right (seeds):            {pct(leads, lead_total)}"
          f"   [in the first ground: {pct(lead_in_first, lead_total)}]  target >= 75%")
    print(f"at most max_grounds grounds (seeds):  {pct(capped, len(rows))}")
    print(f"outcome right (seeds):                {pct(outcome_ok, outcome_total)}  target >= 85%")
    print(f"outcome right (corpus labels):        {pct(corpus_ok, corpus_total)}")
    print(f"lead is a must-have ground (corpus 100-169, where one fired): {pct(proxy_ok, proxy_total)}")
    both_ok, both = outcome_ok + corpus_ok, outcome_total + corpus_total
    print(f"outcome right (all labelled):         {pct(both_ok, both)}")
    if seed_words:
        print(f"review letter words (seeds):          min {min(seed_words)}, median "
              f"{statistics.median(seed_words):.0f}, max {max(seed_words)}; "
              f"400-900: {pct(sum(400 <= w <= 900 for w in seed_words), len(seed_words))}")
    if corpus_words:
        print(f"review letter words (corpus, review): min {min(corpus_words)}, median "
              f"{statistics.median(corpus_words):.0f}, max {max(corpus_words)}; "
              f"<= 900: {pct(sum(w <= 900 for w in corpus_words), len(corpus_words))}; "
              f"<= 5 grounds: {pct(sum(g <= 5 for g in corpus_grounds), len(corpus_grounds))}")
    if kinds:
        print("outcomes over the corpus:             "
              + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))
              + (f"; {errors} refused" if errors else ""))
    for m in (misses + proxy_bad)[:20]:
        print(f"  miss: {m}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT)) if "PYTHONPATH" not in os.environ else None
    sys.exit(main(sys.argv[1:]))
