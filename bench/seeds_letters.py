"""Acceptance check of the letters on the real seed refusals (../shared/seeds).

For every seed: write the review request and the complaint in md, txt and docx through the
CLI, then check that
  - every strong finding of `appeal check` is argued in the review letter (a ground with its
    quote, or a point merged into one) or named in the summary as left out (the judgement step
    caps a letter at five grounds and two pages); the letter leads with check's first finding;
  - every precedent cited is a verified entry of the library (by its letter citation);
  - the plain text has no Markdown markup;
  - the Word file opens and holds the same grounds and quotes as the Markdown.
Prints one line per seed and a total; exits 1 if any check fails.

    python bench/seeds_letters.py [SEEDS_DIR]
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def appeal(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "appeal", *args], capture_output=True, text=True, cwd=ROOT)


def norm(s: str) -> str:
    s = s.replace("\\", "")  # Markdown escapes
    s = s.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return " ".join(s.split())


def docx_text(path: Path) -> str:
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    seeds = Path(argv[0]) if argv else ROOT.parent / "shared" / "seeds"
    letters = sorted(p for p in seeds.glob("*.txt"))
    if not letters:
        print(f"no seed letters in {seeds}")
        return 1
    sys.path.insert(0, str(ROOT))
    from appeal.precedents import load_all

    verified = {p.letter_citation for p in load_all() if p.verified}
    unverified = {p.letter_citation for p in load_all() if not p.verified}
    failures = 0
    details = ["--name", "A Requester", "--email", "a@example.org", "--address", "1 High Street, Town",
               "--date", "2019-11-01"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for seed in letters:
            problems: list[str] = []
            found = json.loads(appeal("check", str(seed), "--json").stdout)["findings"]
            strong = [f for f in found if f["strength"] == "strong"]
            texts: dict[tuple[str, str], str] = {}
            summaries: dict[tuple[str, str], str] = {}
            for kind in ("review", "complaint"):
                for fmt in ("md", "txt", "docx"):
                    target = out / f"{seed.stem}.{kind}.{fmt}"
                    r = appeal(kind, str(seed), "--format", fmt, "-o", str(target), "--force", *details)
                    if r.returncode != 0 or not target.exists():
                        problems.append(f"{kind} {fmt}: exit {r.returncode}: {r.stderr.strip()[:200]}")
                        continue
                    texts[(kind, fmt)] = docx_text(target) if fmt == "docx" else target.read_text(encoding="utf-8")
                    summaries[(kind, fmt)] = r.stdout
            md = texts.get(("review", "md"), "")
            summary = summaries.get(("review", "md"), "")
            for f in strong:
                listed = re.search(rf"(?m)^\s+(\d+\. \w+\s+{re.escape(f['rule'])}:|.*\(with .*{re.escape(f['rule'])}|"
                                   rf"Left out: .*{re.escape(f['rule'])})", summary)
                if norm(f["title"]) in norm(md) or listed:
                    continue
                problems.append(f"strong finding {f['rule']} is neither argued nor listed as left out")
            heads = re.findall(r"(?m)^### 1\. (.+)$", md)
            if found and heads and norm(heads[0]) != norm(found[0]["title"]).replace("the letter", "your letter"):
                problems.append(f"the letter leads with {heads[0]!r}, check with {found[0]['title']!r}")
            for (kind, fmt), text in texts.items():
                for c in unverified:
                    if c and c in text:
                        problems.append(f"{kind} {fmt} cites an unverified precedent: {c}")
            cited = [c for c in verified if c in md]
            for kind in ("review", "complaint"):
                txt = texts.get((kind, "txt"), "")
                if re.search(r"(?m)^#{1,6} |\*\*|^> ", txt):
                    problems.append(f"{kind} txt holds Markdown markup")
                md_k, docx_k = texts.get((kind, "md"), ""), texts.get((kind, "docx"), "")
                heads = re.findall(r"(?m)^#{2,3} (?:\d+\. )?(.+)$", md_k)
                missing = [h for h in heads if norm(h) not in norm(docx_k)]
                if missing:
                    problems.append(f"{kind} docx lacks {len(missing)} headings of the Markdown, e.g. {missing[0]!r}")
                quotes = re.findall(r"(?m)^> (.+)$", md_k)
                lost = [q for q in quotes if norm(q)[:60] not in norm(docx_k)]
                if lost:
                    problems.append(f"{kind} docx lacks {len(lost)} quotes of the Markdown")
            status = "ok  " if not problems else "FAIL"
            print(f"{status}  {seed.name}: {len(strong)} strong findings, {len(cited)} verified citations"
                  + "".join(f"\n        - {p}" for p in problems))
            failures += bool(problems)
    print(f"\n{len(letters) - failures}/{len(letters)} seeds: letters in all formats meet the checks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
