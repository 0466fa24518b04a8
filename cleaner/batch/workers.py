"""Worker processes with a time limit per item, results in input order.

multiprocessing.Pool can neither stop one item that runs too long nor tell
which item a dead worker was on, so the batch runs on this small pool
instead. Each worker takes a share of a few items at a time and notes in
shared memory which item it is on and since when; it sends results back in
small bundles (every FLUSH_SECONDS, or when its share is done), so fast items
cost few messages. The parent kills a worker whose item runs past the limit
(or notices one that died), reports that item as lost and hands the rest of
the worker's share, results not sent yet included, to a new worker. Results
are yielded in input order (or as they come, unordered), and at most `window`
items are in flight at once, so one slow item never makes the parent hold an
unbounded run of later results. A worker that has handled `recycle` items is
stopped between shares and a fresh one takes over, so a leak in a third-party
parser cannot grow for the whole run.

Workers are forked where the platform can (they inherit the parent's loaded
rules and models); a caller inside a threaded host (a Dask worker) asks for
"forkserver" instead, since forking a process with other threads running can
deadlock the child.

Workers ignore SIGINT (the parent handles Ctrl-C and stops them), take
SIGTERM's default action, and on Linux die with the parent (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import select
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from ..errors import DocumentTimeout

FLUSH_SECONDS = 0.02  # a worker holds finished results at most this long
_INTERRUPTED = "interrupted"  # a worker's item raised KeyboardInterrupt: the run stops
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
_SEQ, _STARTED = 0, 1  # a worker's shared state: the item it is on and when it began it


@dataclass(slots=True)
class _Worker:
    process: Any  # multiprocessing.Process (its context's class)
    conn: Connection
    state: Any  # a shared array of two doubles: _SEQ, _STARTED
    items: dict[int, Any] = field(default_factory=dict)  # seq -> item: sent, no result yet
    since: float = 0.0  # when its current share was sent
    handled: int = 0  # items it has sent results for

    def started(self) -> tuple[int | None, float]:
        """The item it is on and since when. None for the item: the first one not
        reported yet (the share is not begun, or the last item was just reported)."""
        seq, began = int(self.state[_SEQ]), self.state[_STARTED]
        if began < self.since:  # still the state of an earlier share
            return None, self.since
        return (seq if seq in self.items else None), began


def imap_limited(work: Callable[[Any], Any], items: Iterable[Any], *, jobs: int,
                 timeout: float, lost: Callable[[Any, str], Any],
                 setup: Callable[[], None] = lambda: None, batch: int = 16,
                 window: int | None = None, ordered: bool = True, recycle: int = 0,
                 start_method: str | None = None) -> Iterator[Any]:
    """work(item) for every item in `jobs` worker processes, in input order (or,
    with ordered=False, as each finishes).

    An item still running after `timeout` seconds (0: no limit) or whose worker
    dies gives lost(item, reason) instead, and a new worker takes over. `setup`
    runs once in each worker before its first item. A worker is replaced after
    `recycle` items (0: never). `start_method`: how workers start (None: fork
    where available)."""
    pool = _Pool(work, setup, timeout, lost, start_method)
    window = window or max(4 * jobs * batch, 2 * batch)
    source = iter(enumerate(items))
    next_out = pulled = 0  # next_out: how many results were yielded
    exhausted = False
    try:
        pool.start(jobs)
        while True:
            ready = (sorted(pool.done) if not ordered
                     else range(next_out, next_out + len(pool.done)))
            for seq in ready:
                if seq not in pool.done:
                    break
                yield pool.done.pop(seq)
                next_out += 1
            while not exhausted and pulled - next_out < window:
                try:
                    pool.queue.append(next(source))
                    pulled += 1
                except StopIteration:
                    exhausted = True
            if exhausted and next_out == pulled:
                return
            pool.recycle(recycle)
            pool.dispatch(batch)
            pool.collect()
    finally:
        pool.stop()


class _Pool:
    """The workers, the items not sent yet and the results not yielded yet."""

    def __init__(self, work: Callable[[Any], Any], setup: Callable[[], None], timeout: float,
                 lost: Callable[[Any, str], Any], start_method: str | None = None) -> None:
        self.work, self.setup, self.timeout, self.lost = work, setup, timeout, lost
        if start_method is None and "fork" in multiprocessing.get_all_start_methods():
            start_method = "fork"
        self.context = multiprocessing.get_context(start_method)
        self.queue: list[tuple[int, Any]] = []  # (seq, item) pulled, not sent yet, in order
        self.done: dict[int, Any] = {}  # seq -> result, not yielded yet
        self.workers: dict[int, _Worker] = {}  # by the parent end's file descriptor
        self.poller = select.poll()

    def start(self, jobs: int) -> None:
        for _ in range(jobs):
            worker = _start(self.context, self.work, self.setup)
            self.workers[worker.conn.fileno()] = worker
            self.poller.register(worker.conn.fileno(), select.POLLIN)

    def recycle(self, after: int) -> None:
        """Replace each idle worker that has handled `after` items or more."""
        if after:
            for worker in [w for w in self.workers.values()
                           if w.handled >= after and not w.items]:
                self._replace(worker, gently=True)

    def dispatch(self, batch: int) -> None:
        for worker in self.workers.values():
            if self.queue and not worker.items:
                share, self.queue[:batch] = self.queue[:batch], []
                worker.items.update(share)
                worker.since = time.monotonic()
                worker.conn.send(share)

    def collect(self) -> None:
        """Wait for results, a death or a deadline, and deal with what happened."""
        busy = [w for w in self.workers.values() if w.items]
        wait_ms = -1
        if self.timeout:
            deadline = min(w.started()[1] for w in busy) + self.timeout
            wait_ms = min(max(0, int((deadline - time.monotonic()) * 1000) + 1), 3_600_000)
        ready = {fd for fd, _ in self.poller.poll(wait_ms)}
        for worker in busy:
            if worker.conn.fileno() in ready:  # results, or the end of a worker that died
                gone = self._receive(worker)
            elif self.timeout and time.monotonic() >= worker.started()[1] + self.timeout:
                gone = str(DocumentTimeout(self.timeout))
            else:
                continue
            if gone is not None:
                seq = worker.started()[0]
                seq = min(worker.items) if seq is None else seq
                self.done[seq] = self.lost(worker.items.pop(seq), gone)
                self.queue[:0] = sorted(worker.items.items())
                worker.items.clear()
                self._replace(worker)

    def _receive(self, worker: _Worker) -> str | None:
        """Take one bundle of results; a reason if the worker died."""
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            code = worker.process.exitcode
            how = (f"killed by signal {-code}" if code is not None and code < 0
                   else f"exit status {code}")
            return f"internal error: the worker process died ({how})"
        if message == _INTERRUPTED:
            raise KeyboardInterrupt
        for seq, result in message:
            del worker.items[seq]
            self.done[seq] = result
        worker.handled += len(message)
        return None

    def _replace(self, worker: _Worker, gently: bool = False) -> None:
        fd = worker.conn.fileno()
        self.poller.unregister(fd)
        del self.workers[fd]
        _stop(worker, gently)
        self.start(1)

    def stop(self) -> None:
        for worker in self.workers.values():
            _stop(worker, gently=not worker.items)


def _start(context: Any, work: Callable[[Any], Any], setup: Callable[[], None]) -> _Worker:
    parent_end, child_end = context.Pipe()
    state = context.RawArray("d", 2)
    state[_SEQ] = -1
    # Signals are held while forking so that the child never runs the parent's handlers.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        process = context.Process(target=_serve, args=(child_end, parent_end, state, work, setup),
                                  daemon=True)
        process.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    child_end.close()
    return _Worker(process, parent_end, state)


def _stop(worker: _Worker, gently: bool = False) -> None:
    with contextlib.suppress(OSError):
        if gently:
            worker.conn.send(None)
    worker.process.join(1 if gently else 0)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    worker.conn.close()


def _serve(conn: Connection, parent_end: Connection, state: Any, work: Callable[[Any], Any],
           setup: Callable[[], None]) -> None:
    """A worker: shares of (seq, item) in, bundles of (seq, result) out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    parent_end.close()
    _die_with_parent()
    setup()
    while True:
        try:
            share = conn.recv()
        except (EOFError, OSError):
            return
        if share is None:
            return
        bundle: list[tuple[int, Any]] = []
        sent = time.monotonic()
        for n, (seq, item) in enumerate(share, 1):
            state[_STARTED] = time.monotonic()
            state[_SEQ] = seq
            try:
                bundle.append((seq, work(item)))
            except KeyboardInterrupt:
                conn.send(_INTERRUPTED)
                return
            if n == len(share) or time.monotonic() - sent >= FLUSH_SECONDS:
                conn.send(bundle)
                bundle, sent = [], time.monotonic()


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError, TypeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
