"""Cold start of `appeal deadlines --received 2019-09-25 --json` against a bare `python -c pass`.

    .venv/bin/python bench/cold_start.py [--runs 9]

Each command runs as a fresh subprocess; the median of several runs is compared. The holiday
cache is warmed once first (it is built on the first run after installing `holidays`), and
the first cold build is timed separately. Commands run round-robin (a busy machine slows all
alike). Also shown, to tell our share from the framework's: `appeal --help` (the CLI framework
alone), `appeal deadlines --regime none` (framework plus typer's option processing, which
imports pydantic, failing before any of our work) and the engine called from Python. Target: the deadlines command at most 15x the bare interpreter.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _appeal() -> list[str]:
    script = Path(sys.executable).with_name("appeal")
    return [str(script)] if script.exists() else [sys.executable, "-m", "appeal"]


def _time(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0 and cmd[-1] != "none":  # `--regime none` exits 2 by design
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode(errors='replace').strip()}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()

    cache = tempfile.mkdtemp(prefix="appeal-bench-cache-")
    # As installed: bytecode is cached (pip compiles a wheel's modules). The bytecode goes to a
    # temporary folder, not into the checkout; PYTHONDONTWRITEBYTECODE would otherwise make
    # every run compile every module from source.
    env = dict(os.environ, APPEAL_CACHE_DIR=cache, PYTHONPYCACHEPREFIX=str(Path(cache) / "pyc"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    deadlines = _appeal() + ["deadlines", "--received", "2019-09-25", "--json"]
    try:
        first = _time(deadlines, env) * 1000  # builds the holiday cache
        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("appeal --help (framework only)", _appeal() + ["--help"]),
            ("engine from python (no CLI)", [sys.executable, "-c",
             "from appeal.deadlines import compute_timeline as c; c('FOIA', received='2019-09-25')"]),
            ("framework + option parsing", _appeal() + ["deadlines", "--regime", "none"]),
            ("appeal deadlines --json", deadlines),
        ]
        # Round-robin: each round runs every command once, so a busy machine slows them alike.
        for _, cmd in rows:
            _time(cmd, env)  # warm the OS file cache and the bytecode cache
        samples: dict[str, list[float]] = {name: [] for name, _ in rows}
        for _ in range(args.runs):
            for name, cmd in rows:
                samples[name].append(_time(cmd, env) * 1000)
        results = {name: statistics.median(v) for name, v in samples.items()}
    finally:
        shutil.rmtree(cache, ignore_errors=True)

    base = results["python -c pass"]
    print(f"median of {args.runs} runs (first run, building the holiday cache: {first:.0f} ms)")
    for name, ms in results.items():
        print(f"  {name:<34}{ms:7.1f} ms  {ms / base:5.1f}x")
    ours = results["appeal deadlines --json"] - results["framework + option parsing"]
    print(f"  ours (deadlines minus framework + option parsing): {ours:.1f} ms, {ours / base:.1f}x")
    ratio = results["appeal deadlines --json"] / base
    print(f"ratio: {ratio:.1f}x (target <= 15x): {'ok' if ratio <= 15 else 'OVER'}")


if __name__ == "__main__":
    main()
