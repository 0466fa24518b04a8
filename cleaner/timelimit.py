"""An in-process time limit for library calls: `with time_limit(5): clean_text(...)`.

It arms a SIGALRM interval timer, so it works in the main thread of a POSIX
process only, and it stops Python code and regular-expression matching (which
checks for signals) but not a single long call into C code such as an HTML
parse. The command line does not rely on it: there each document is cleaned
in a worker process that is killed when it runs over (cleaner/batch/workers.py).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from .errors import DocumentTimeout


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in the block once `seconds` have passed (None or 0: no limit).
    An enclosing limit that ends sooner stays in force and keeps its own error."""
    if not seconds:
        yield
        return
    main = threading.current_thread() is threading.main_thread()
    if not main or not hasattr(signal, "setitimer"):
        raise ValueError("a time limit needs the main thread of a POSIX process (SIGALRM)")
    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    if 0 < outer_left <= seconds:  # the enclosing limit ends first: it alone applies
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(seconds)

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:  # re-arm the enclosing limit with what is left of it
            signal.setitimer(signal.ITIMER_REAL,
                             max(outer_left - (time.monotonic() - started), 1e-3))
