"""Bounds for the hostile battery: a case that regresses into a hang fails instead of hanging.

Two ways, no plugin needed:
- `bounded(seconds)`: in-process; a watchdog thread interrupts the test (`interrupt_main`,
  which also breaks a blocking system call such as opening a FIFO) and the test fails
  with "did not finish". It cannot interrupt one long C call (a regular expression that
  backtracks for minutes), so:
- `run_bounded(code, seconds)`: runs Python code in a fresh subprocess, killed at the limit.
  For the regular-expression and super-linear cases. The time is reported in the failure
  message (the worst time seen), never asserted against a target (speed lives in bench/).
"""

from __future__ import annotations

import _thread
import functools
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def bounded(seconds: float):
    """Fail the test if it runs longer than `seconds` (a hang guard, not a speed test)."""

    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            lock = threading.Lock()
            state = {"done": False, "fired": False}
            finished = threading.Event()

            def watch():
                if finished.wait(seconds):
                    return
                with lock:
                    if not state["done"]:
                        state["fired"] = True
                        _thread.interrupt_main()

            threading.Thread(target=watch, daemon=True).start()
            failed = f"did not finish within {seconds} s: a hang or a super-linear path"
            try:
                try:
                    result = fn(*args, **kwargs)
                finally:
                    with lock:
                        state["done"] = True
                    finished.set()
            except BaseException:
                # the interrupt may surface as KeyboardInterrupt, or as the CLI's exit 130
                if state["fired"]:
                    pytest.fail(failed)
                raise
            if state["fired"]:
                pytest.fail(failed)
            return result

        return wrapper

    return deco


def run_bounded(code: str, seconds: float, *, env: dict | None = None) -> tuple[float, str]:
    """Run `code` in a fresh interpreter (repo on sys.path); fail if it errs or passes `seconds`.

    Returns (wall time, stdout)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)],
            capture_output=True, text=True, timeout=seconds, env=full_env, cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"did not finish within {seconds} s (killed): a hang or a super-linear path")
    took = time.perf_counter() - t0
    assert proc.returncode == 0, f"exit {proc.returncode} after {took:.1f} s: {proc.stderr[-2000:]}"
    return took, proc.stdout


def run_cli(args: list[str], seconds: float, *, env: dict | None = None, cwd: str | Path | None = None,
            stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """`python -m appeal ARGS` in a subprocess, killed at `seconds` (then the test fails)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    try:
        return subprocess.run(
            [sys.executable, "-m", "appeal", *map(str, args)],
            capture_output=True, timeout=seconds, env=full_env, cwd=cwd or ROOT, input=stdin,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"appeal {' '.join(map(str, args))[:80]} did not finish within {seconds} s (killed)")
