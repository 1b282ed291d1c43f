"""appeal scan: the seeds and ../shared/corpus as one batch, speed, memory, and the HTML report
in a real browser.

    .venv/bin/python bench/scan_bench.py [--big N] [--no-browser]

1. Seeds + corpus in one batch: every letter gets a row; the Cambridgeshire and Hertfordshire
   seeds fall in one stock-text cluster.
2. Cost per extra letter in one process (--jobs 1): batches of 100 / 400 / 1600 letters made by
   replicating the corpus texts (each copy made distinct: its own reference and figures),
   each batch in a fresh process; the slope of time against letters (target <= 3 ms), how
   linear it is (time per letter at each size), and peak memory (RSS) against letters.
   The time of the batch stages alone (clusters, matrix, grounds, table) is shown apart from
   the per-letter read + parse + check.
3. N letters (default 10,000) written to a temporary folder (never the repo) and scanned with
   `appeal scan DIR --jobs 2 --json` (target: under a minute).
4. The HTML report of the seeds + corpus opened in headless Chromium, screenshot saved to
   /tmp/scan-report.png (look at it).

Replicated texts live only in memory and in a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
TARGET_MS_PER_LETTER = 3.0
TARGET_BIG_SECONDS = 60.0


def corpus_files() -> list[Path]:
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus" / "letters").glob("*"))
    return [f for f in files if f.is_file()]


def replicate(texts: list[str], n: int, seed: int = 7) -> list[str]:
    """n distinct letters from the corpus texts: each copy gets its own reference and figures."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        base = texts[i % len(texts)]
        copy = i // len(texts)
        if copy:
            base = re.sub(r"\b(\d{2,4})\b", lambda m: str(int(m.group(1)) + copy) if len(m.group(1)) < 4 else m.group(1),
                          base, count=3)
            base += f"\n\nBench copy {copy}-{rnd.randrange(10**6)}\n"
        out.append(base)
    return out


def one_batch() -> int:
    from appeal.batch import run
    from appeal.batch.report import to_dict

    files = corpus_files()
    t0 = time.perf_counter()
    batch = run([str(SHARED / "seeds"), str(SHARED / "corpus" / "letters")], jobs=1)
    took = time.perf_counter() - t0
    data = to_dict(batch)
    rows = data["letters"]
    print(f"seeds + corpus: {len(files)} files, {len(rows)} rows, {data['errors']} errors, "
          f"{len(data['clusters'])} stock clusters ({sum(1 for c in data['clusters'] if c['kind'] == 'reasoning')} "
          f"reasoning), {len(data['disclosures'])} matrix rows, {took:.2f} s in one process")
    ok = len(rows) == len(files)
    print(f"  every letter a row: {'OK' if ok else 'MISSED'}")
    together = [c for c in data["clusters"]
                if any("cambridgeshire" in f for f in c["letters"]) and any("hertfordshire" in f for f in c["letters"])]
    print(f"  Cambridgeshire and Hertfordshire seeds in one cluster: {'OK' if together else 'MISSED'} "
          f"({', '.join(c['id'] + ' ' + c['kind'] for c in together)})")
    for c in together[:3]:
        print(f"    {c['id']} [{c['kind']}] {len(c['authorities'])} authorities: \u201c{c['text'][:110]}\u201d")
    batch_grounds = sum(1 for r in rows if r["batch_grounds"])
    print(f"  letters with batch grounds: {batch_grounds}; outcomes: "
          + ", ".join(f"{k}={v}" for k, v in sorted(_count(r["outcome"] for r in rows).items())))
    return 0 if ok and together else 1


def _count(values) -> dict:
    out: dict = {}
    for v in values:
        out[str(v)] = out.get(str(v), 0) + 1
    return out


def _child(n: int, folder: str) -> None:
    """In a fresh process: scan `folder` (n letters) with --jobs 1; print timings and peak RSS."""
    from appeal.batch import clusters as cl, grounds as gr, matrix as mx, report
    from appeal.batch import run
    from appeal.batch.analyse import Job, analyse

    files = sorted(str(p) for p in Path(folder).iterdir())[:n]
    # warm-up on a few letters of another folder: imports, regexes, templates
    for f in files[:3]:
        analyse(Job(0, f))
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu0, t0 = time.process_time(), time.perf_counter()
    batch = run(files, jobs=1)
    t1 = time.perf_counter()
    report.to_json(batch)
    t2 = time.perf_counter()
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # the batch stages alone, on the analysed letters
    items = [x.item for x in batch.letters]
    good = [it for it in items if it.error is None]
    s0 = time.process_time()
    keys = [cl.authority_key(it) for it in good]
    clusters = cl.find_clusters(good)
    cl.mark_absent(clusters, good)
    groups = mx.request_groups(good)
    rows = mx.build(good, groups)
    gr.inconsistent(good, rows, keys)
    gr.boilerplate(good, clusters, keys, groups)
    s1 = time.process_time()
    print(json.dumps({"n": len(files), "wall": t2 - t0, "scan": t1 - t0, "cpu": time.process_time() - cpu0,
                      "batch_stage": s1 - s0, "rss_kb": rss1, "rss0_kb": rss0, "clusters": len(clusters)}))


def per_letter(texts: list[str], sizes=(100, 400, 1600)) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="scan-bench-"))
    try:
        letters = replicate(texts, max(sizes))
        for i, t in enumerate(letters):
            (tmp / f"{i:06d}.txt").write_text(t, encoding="utf-8")
        results = []
        for n in sizes:
            out = subprocess.run([sys.executable, __file__, "--child", str(n), str(tmp)], capture_output=True,
                                 text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
            if out.returncode != 0:
                print(out.stderr[-2000:])
                return 1
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print("one process (--jobs 1), replicated corpus letters:")
        for r in results:
            print(f"  {r['n']:>5} letters: {r['wall']:6.2f} s wall, {r['cpu']:6.2f} s CPU, "
                  f"{1000 * r['wall'] / r['n']:5.2f} ms/letter; batch stages alone {1000 * r['batch_stage'] / r['n']:.2f} ms/letter; "
                  f"peak RSS {r['rss_kb'] / 1024:.0f} MB; {r['clusters']} clusters")
        a, b = results[0], results[-1]
        slope = 1000 * (b["wall"] - a["wall"]) / (b["n"] - a["n"])
        slope_cpu = 1000 * (b["cpu"] - a["cpu"]) / (b["n"] - a["n"])
        stage = 1000 * (b["batch_stage"] - a["batch_stage"]) / (b["n"] - a["n"])
        mem = (b["rss_kb"] - a["rss_kb"]) / (b["n"] - a["n"])
        per = [r["cpu"] / r["n"] for r in results]
        linear = max(per) / min(per)
        # CPU time is the fair measure on a shared machine (wall time includes waiting for a core)
        print(f"  per extra letter: {slope_cpu:.2f} ms CPU, {slope:.2f} ms wall (target <= {TARGET_MS_PER_LETTER} ms): "
              f"{'OK' if slope_cpu <= TARGET_MS_PER_LETTER else 'MISSED'}; of which batch stages {stage:.2f} ms CPU")
        print(f"  linear: CPU time per letter varies x{linear:.2f} from {a['n']} to {b['n']} letters "
              f"({'OK' if linear < 1.3 else 'NOT LINEAR'})")
        print(f"  memory: {mem:.1f} KB per extra letter (peak RSS {a['rss_kb'] / 1024:.0f} -> {b['rss_kb'] / 1024:.0f} MB)")
        return 0 if slope_cpu <= TARGET_MS_PER_LETTER else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def breakdown() -> None:
    """Where a letter's CPU time goes, in one process (corpus + seeds, three passes, warm)."""
    from appeal import rules
    from appeal.batch import analyse as A
    from appeal.batch.adapters import case_timeline

    files = [str(f) for f in corpus_files()]
    for f in files[:5]:
        A.analyse(A.Job(0, f))
    t = dict.fromkeys(("read + parse", "dates (spine)", "rules", "fingerprint", "dangling refs", "answer"), 0.0)
    for _ in range(3):
        for f in files:
            c = time.process_time()
            r = A._load(f, [])
            t["read + parse"] += time.process_time() - c
            c = time.process_time()
            tl, d = case_timeline(r)
            t["dates (spine)"] += time.process_time() - c
            c = time.process_time()
            rules.run(r, timeline=tl, dates=d, minimum="weak")
            t["rules"] += time.process_time() - c
            c = time.process_time()
            s0, e0, _sh = A.fingerprint(r)
            A.paragraph_breaks(r.text, s0, e0)
            t["fingerprint"] += time.process_time() - c
            c = time.process_time()
            A._dangling(r)
            t["dangling refs"] += time.process_time() - c
            c = time.process_time()
            A.what_came_back(r)
            t["answer"] += time.process_time() - c
    n = 3 * len(files)
    print("CPU per letter, one process: " + ", ".join(f"{k} {1000 * v / n:.2f} ms" for k, v in t.items())
          + f"; total {1000 * sum(t.values()) / n:.2f} ms (scan's own part: fingerprint, dangling refs, answer)")


def big(texts: list[str], n: int) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="scan-bench-big-"))
    try:
        for i, t in enumerate(replicate(texts, n)):
            (tmp / f"{i:06d}.txt").write_text(t, encoding="utf-8")
        appeal = ROOT / ".venv" / "bin" / "appeal"
        cmd = [str(appeal), "scan", str(tmp), "--jobs", "2", "--json"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        load = os.getloadavg()[0]
        t0 = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, env={**os.environ})
        took = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        rows = len(json.loads(out.stdout)["letters"]) if out.stdout else 0
        print(f"{n} letters, --jobs 2: {took:.1f} s wall, {cpu:.1f} s CPU in all processes (so {cpu / 2:.1f} s on 2 "
              f"free cores), {rows} rows, exit {out.returncode}, load average before {load:.1f} "
              f"(target < {TARGET_BIG_SECONDS:.0f} s): {'OK' if took < TARGET_BIG_SECONDS and rows == n else 'MISSED'}")
        if out.returncode not in (0, 1):
            print(out.stderr.decode()[-1000:])
        return 0 if took < TARGET_BIG_SECONDS else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def browser() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        print("browser: no chromium found (apt-get install -y chromium): skipped")
        return 0
    page = Path("/tmp/scan-report.html")
    shot = Path("/tmp/scan-report.png")
    appeal = ROOT / ".venv" / "bin" / "appeal"
    subprocess.run([str(appeal), "scan", str(SHARED / "seeds"), str(SHARED / "corpus" / "letters"), "--html",
                    str(page), "--force"], capture_output=True)
    shot.unlink(missing_ok=True)
    out = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                          "--window-size=1600,1200", f"--screenshot={shot}", f"file://{page}"],
                         capture_output=True, text=True, timeout=120)
    ok = shot.exists() and shot.stat().st_size > 10_000
    print(f"browser: {page} opened in headless Chromium, screenshot {shot} "
          f"({shot.stat().st_size if shot.exists() else 0} bytes): {'OK' if ok else 'MISSED'}")
    if not ok:
        print(out.stderr[-1000:])
    return (0 if ok else 1) | sort_in_browser(chromium, page)


def sort_in_browser(chromium: str, page: Path) -> int:
    """Click the Authority heading in the real browser (a copy of the page with one extra
    script) and read the rows' order back from the DOM: the sorter must work there."""
    probe = page.with_name("scan-report-sortprobe.html")
    click = ("<script>var th=document.querySelectorAll('#letters th')[2];th.click();"
             "document.body.setAttribute('data-order',Array.prototype.map.call("
             "document.querySelectorAll('#letters tbody tr'),function(r){return r.cells[2].textContent.trim()})"
             ".join('|'));</script></body>")
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", click), encoding="utf-8")
    out = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", f"file://{probe}"],
                         capture_output=True, text=True, timeout=120)
    m = re.search(r'data-order="([^"]*)"', out.stdout)
    if not m:
        print("browser: sorting could not be read back from the page: MISSED")
        return 1
    import html as _html

    order = [_html.unescape(x) for x in m.group(1).split("|")]
    named = [x for x in order if x]
    ok = named == sorted(named, key=str.lower) and order[: len(named)] == named
    print(f"browser: clicking 'Authority' sorts {len(order)} rows A-Z in Chromium: {'OK' if ok else 'MISSED'} "
          f"({named[0]!r} ... {named[-1]!r})")
    return 0 if ok else 1


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        _child(int(argv[1]), argv[2])
        return 0
    if not SHARED.is_dir():
        print("../shared not found: nothing to measure")
        return 0
    n_big = 10_000
    if "--big" in argv:
        n_big = int(argv[argv.index("--big") + 1])
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in corpus_files()]
    rc = one_batch()
    breakdown()
    rc |= per_letter(texts)
    if n_big:
        rc |= big(texts, n_big)
    if "--no-browser" not in argv:
        rc |= browser()
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
