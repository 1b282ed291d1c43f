"""Cold start of each command, as a ratio to a bare `python -c pass` in the same run.

    .venv/bin/python bench/cold_start.py [--runs 9] [--only deadlines,check,review-docx]

Each command runs as a fresh subprocess, twice over: with a warm cache (the second run after
install) and with an empty cache folder (the first run after install: whatever the product
builds into its cache on first use is paid here). Commands run round-robin so that a busy
machine slows all alike; medians are compared. Bytecode is cached as an installed wheel's is
(pip compiles it), and PYTHONDONTWRITEBYTECODE is cleared, as a user's shell would have it.

Targets (issue 12), both cache states:
    appeal deadlines --received DATE --json     <= 10x
    appeal check LETTER                         <= 15x
    appeal review LETTER --format docx -o FILE  <= 25x
Exit status 1 when any is over. The children's CPU time is shown beside the wall time: on a
machine busy with other work it is the steadier of the two.
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
EXAMPLE = ROOT / "examples" / "police-ncnd-refusal.txt"
TARGETS = {"deadlines": 10.0, "check": 15.0, "review-docx": 25.0}


def _appeal() -> list[str]:
    script = Path(sys.executable).with_name("appeal")
    return [str(script)] if script.exists() else [sys.executable, "-m", "appeal"]


def commands(out_dir: Path) -> dict[str, list[str]]:
    a = _appeal()
    return {
        "deadlines": a + ["deadlines", "--received", "2019-09-25", "--json"],
        "check": a + ["check", str(EXAMPLE)],
        "review-docx": a + ["review", str(EXAMPLE), "--format", "docx", "-o", str(out_dir / "letter.docx"),
                            "--force", "--name", "Bench Requester", "--date", "2024-03-08"],
    }


def _time(cmd: list[str], env: dict[str, str], cpu: dict | None = None, name: str = "") -> float:
    """Wall time in ms; the child's CPU time (user + system) goes into `cpu[name]` when given,
    a steadier figure than wall time on a machine busy with other work."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.decode(errors='replace').strip()}")
    if cpu is not None:
        cpu.setdefault(name, []).append((usage.ru_utime + usage.ru_stime) * 1000)
    return elapsed * 1000


def measure(runs: int, only: list[str]) -> tuple[dict[str, float], dict[str, float]]:
    tmp = Path(tempfile.mkdtemp(prefix="appeal-bench-"))
    warm_cache = tmp / "cache"
    base_env = dict(os.environ, PYTHONPYCACHEPREFIX=str(tmp / "pyc"))
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)
    base_env.pop("APPEAL_CACHE_DIR", None)
    cmds = {k: v for k, v in commands(tmp).items() if k in only}
    samples: dict[str, list[float]] = {"python -c pass": []}
    cpu: dict[str, list[float]] = {}
    try:
        warm_env = dict(base_env, APPEAL_CACHE_DIR=str(warm_cache))
        for cmd in cmds.values():  # fills the bytecode cache, the OS file cache, the warm cache
            _time(cmd, warm_env)
            _time(cmd, warm_env)
        for _ in range(runs):
            samples["python -c pass"].append(_time([sys.executable, "-c", "pass"], base_env, cpu, "python -c pass"))
            for name, cmd in cmds.items():
                samples.setdefault(f"{name} warm", []).append(_time(cmd, warm_env, cpu, f"{name} warm"))
                empty = tempfile.mkdtemp(prefix="empty-", dir=tmp)
                samples.setdefault(f"{name} empty", []).append(
                    _time(cmd, dict(base_env, APPEAL_CACHE_DIR=empty), cpu, f"{name} empty"))
                shutil.rmtree(empty, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return ({name: statistics.median(v) for name, v in samples.items()},
            {name: statistics.median(v) for name, v in cpu.items()})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--only", default=",".join(TARGETS))
    args = ap.parse_args()
    only = [x.strip() for x in args.only.split(",") if x.strip()]
    results, cpu = measure(args.runs, only)
    base = results["python -c pass"]
    cbase = cpu["python -c pass"]
    print(f"median of {args.runs} runs; python -c pass {base:.1f} ms wall, {cbase:.1f} ms CPU "
          f"(load average {os.getloadavg()[0]:.1f})")
    over = False
    for name in only:
        for state in ("warm", "empty"):
            ms = results[f"{name} {state}"]
            ratio = ms / base
            ok = ratio <= TARGETS[name]
            over |= not ok
            c = cpu[f"{name} {state}"]
            print(f"  {name:<12} {state:<5} cache {ms:7.1f} ms  {ratio:5.1f}x  "
                  f"(target <= {TARGETS[name]:.0f}x) {'ok' if ok else 'OVER'}   "
                  f"CPU {c:6.1f} ms {c / cbase:5.1f}x")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
