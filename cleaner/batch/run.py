"""Batch runs into one output: clean many inputs, in one process or several.

Results come back in input order (unless unordered), so the output is the
same for any --jobs. Every article found in every input becomes a record;
with dedup (--dedup) the writer drops a record whose id was already written
in the run, in input order, so that too is the same for any --jobs.

With a time limit (the default) inputs are cleaned in worker processes, one
even for --jobs 1, so that an input past the limit can be stopped by killing
its worker (workers.py); without one (--timeout 0) and with --jobs 1 they are
cleaned in this process. Inputs are discovered and read lazily, a few at a
time as workers ask for more, so memory does not grow with their number.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from ..io.output import JsonlWriter
from ..learn.recurring import RecurringIndex
from ..text.language import load_detector
from .clean import CleanOptions, FileResult, Input, init_worker, lines_of, lost, read_inputs, work
from .console import reporting
from .stats import BatchStats
from .workers import imap_limited

DEFAULT_TIMEOUT = 60.0  # seconds per input; a real page takes well under one
RECYCLE_AFTER = 1000  # inputs a worker process cleans before a fresh one takes over
CHUNK = 16  # inputs handed to a worker at a time


@dataclass(frozen=True, slots=True)
class PoolSettings:
    """How inputs are spread over worker processes. `timeout`: seconds per input
    (0: no limit); `recycle`: inputs per worker before it is replaced (0: never);
    `start_method`: how workers start (None: fork where available)."""

    jobs: int = 1
    timeout: float = DEFAULT_TIMEOUT
    ordered: bool = True
    recycle: int = RECYCLE_AFTER
    start_method: str | None = None


def clean_all(sources: Iterable[str], options: CleanOptions,
              pool: PoolSettings = PoolSettings()) -> Iterator[FileResult]:
    """Results for every source, in input order unless `pool.ordered` is off; an
    input still being cleaned after the time limit fails with a timeout."""
    init_worker(options)  # loaded once here; forked workers inherit it
    items = read_inputs(sources, options.max_bytes)
    if pool.jobs <= 1 and not pool.timeout:
        yield from map(work, items)
        return
    if pool.jobs > 1 and pool.start_method is None:
        load_detector()  # here, once: forked workers share its model instead of loading one each
    yield from imap_limited(work, items, jobs=pool.jobs, timeout=pool.timeout, lost=lost,
                            setup=functools.partial(init_worker, options), batch=CHUNK,
                            ordered=pool.ordered, recycle=pool.recycle,
                            start_method=pool.start_method)


def learn_recurring(sources: Iterable[str], options: CleanOptions,
                    pool: PoolSettings = PoolSettings()) -> RecurringIndex:
    """--learn-recurring's first pass: every input's lines counted (in the workers,
    under the same time limit), the index frozen for the cleaning pass."""
    init_worker(options)
    items = read_inputs(sources, options.max_bytes)
    if pool.jobs <= 1 and not pool.timeout:
        found: Iterable[tuple[list[str], str | None] | None] = map(lines_of, items)
    else:
        found = imap_limited(lines_of, items, jobs=pool.jobs, timeout=pool.timeout,
                             lost=_nothing, setup=functools.partial(init_worker, options),
                             batch=CHUNK, ordered=False, recycle=pool.recycle,
                             start_method=pool.start_method)
    index = RecurringIndex()
    for document in found:
        if document is not None:
            index.add(*document)
    index.freeze()
    return index


def _nothing(item: Input, reason: str) -> None:
    return None


def write_results(results: Iterable[FileResult], writer: JsonlWriter,
                  report: Callable[[FileResult], None]) -> BatchStats:
    """Write every result's records, tell of each result, and count them."""
    stats = BatchStats(dedup=writer.dedup)
    for result in results:
        stats.add(result)
        report(result)
        for record_id, record in result.records:
            stats.articles += writer.write(record_id, record)
    stats.duplicates = writer.duplicates
    return stats


def run_batch(sources: Iterable[str], output: str | None, options: CleanOptions,
              pool: PoolSettings = PoolSettings(), errors: str | None = None,
              progress: bool | None = None, log: TextIO | None = None,
              dedup: bool = False) -> BatchStats:
    """Clean every source into one JSONL output; report failures as they happen
    (on `log`, standard error by default) and, as JSON lines, in the `errors` file
    ('-': on `log` instead of the plain line). dedup=True drops a record whose id
    was already written in this run and counts it in `BatchStats.duplicates`.
    `progress`: draw the progress line (default: when `log` is a terminal).
    Both outputs are opened before any input is read: OutputError if they cannot be."""
    with JsonlWriter(output, dedup=dedup) as writer, reporting(log, progress, errors) as report:
        return write_results(clean_all(sources, options, pool), writer, report)
