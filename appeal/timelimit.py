"""A wall-clock limit for work on untrusted input (a PDF, a user's template).

`time_limit(seconds)` raises `TimeUp` inside the block once `seconds` have passed. TimeUp is a
BaseException so that third-party code's `except Exception` (pypdf, a template's own filters)
cannot swallow it. It uses SIGALRM, so it only limits in the main thread on Unix and only when
no other alarm is set; elsewhere the block runs without a limit.
"""

from __future__ import annotations

from contextlib import contextmanager


class TimeUp(BaseException):
    """Raised by the alarm when the limit is reached."""


@contextmanager
def time_limit(seconds: float):
    import signal
    import threading

    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable or seconds <= 0:
        yield
        return

    def on_alarm(signum, frame):
        raise TimeUp()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
