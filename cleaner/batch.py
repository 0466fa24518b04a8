"""Batch runs: clean many inputs, in one process or several, and count what happened.

Every input is cleaned on its own: a broken file becomes one error line (path
and reason) and the run goes on. Results come back in input order, so the
output is the same for any --jobs. Every article found in every input becomes
a record; with dedup (--dedup) the parent drops a record whose id was already
written in the run, in input order, so that too is the same for any --jobs.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

import orjson

from .errors import CleanerError
from .output import JsonlWriter
from .pipeline import clean_file
from .rules import RuleSet, load_rules


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Settings one worker needs to clean a file."""

    rules_dir: str | None = None
    url: str | None = None
    fmt: str = "auto"
    max_bytes: int = 20 * 1024 * 1024
    explain: bool = False


@dataclass(slots=True)
class FileResult:
    """What cleaning one input gave: record lines, or the reason it failed."""

    source: str
    records: list[tuple[str, bytes]] = field(default_factory=list)
    removed: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # -> [spans, chars]
    explained: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass(slots=True)
class BatchStats:
    """Totals for a run, printed as its closing summary."""

    inputs: int = 0
    failed: int = 0
    no_article: int = 0
    articles: int = 0
    dedup: bool = False  # whether records with an id already written were dropped
    duplicates: int = 0  # records so dropped (always 0 without dedup)
    by_category: Counter[str] = field(default_factory=Counter)
    chars_by_category: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)

    def add(self, result: FileResult) -> None:
        self.inputs += 1
        if result.error is not None:
            self.failed += 1
        elif not result.records:
            self.no_article += 1
        for (rule, category), (spans, chars) in result.removed.items():
            self.by_category[category] += spans
            self.chars_by_category[category] += chars
            self.by_rule[rule] += spans

    def summary(self, per_rule: bool = False) -> str:
        head = (f"cleaned {self.inputs - self.failed} of {self.inputs} inputs -> "
                f"{self.articles} articles ({self.failed} failed, {self.no_article} without "
                f"article text)")
        if self.dedup:
            noun = "record" if self.duplicates == 1 else "records"
            head += f"; {self.duplicates} duplicate {noun} dropped (--dedup)"
        lines = [head]
        for category, count in self.by_category.most_common():
            lines.append(f"  removed {category:<18} {count:>7} spans "
                         f"{self.chars_by_category[category]:>10,} chars")
        if per_rule:
            for rule, count in self.by_rule.most_common():
                lines.append(f"    rule {rule:<40} {count:>7}")
        return "\n".join(lines)


CHUNK = 64  # inputs handed to a worker at a time
_worker_options = CleanOptions()
_worker_rules: RuleSet | None = None


def _init_worker(options: CleanOptions) -> None:
    global _worker_options, _worker_rules
    _worker_options = options
    _worker_rules = load_rules(options.rules_dir)


def clean_one(source: str) -> FileResult:
    """Clean one input with the worker's options; never raises for a bad input."""
    options, result = _worker_options, FileResult(source)
    try:
        articles = clean_file(source, url=options.url, rules=_worker_rules, fmt=options.fmt,
                              max_bytes=options.max_bytes)
    except CleanerError as exc:
        result.error = str(exc)
        return result
    except Exception as exc:  # a bug must cost one input, not the batch
        result.error = f"internal error: {type(exc).__name__}: {exc}"
        return result
    for article in articles:
        record = article.to_dict(options.explain)
        result.records.append((str(record["id"]), orjson.dumps(
            record, option=orjson.OPT_APPEND_NEWLINE)))
        for removal in article.removed:  # tallied here: less to send back from a worker
            tally = result.removed.setdefault((removal.rule, removal.category), [0, 0])
            tally[0] += 1
            tally[1] += len(removal.text)
        if options.explain:
            result.explained.extend(f"{source}: [{r.rule}] {r.category}: {r.text!r}"
                                    for r in article.removed)
    return result


def clean_all(sources: Iterable[str], options: CleanOptions, jobs: int = 1) -> Iterator[FileResult]:
    """Results for every source, in input order, using `jobs` processes."""
    if jobs <= 1:
        _init_worker(options)
        yield from map(clean_one, sources)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        # Big chunks keep the workers busy and the parent's share of the work small.
        yield from pool.imap(clean_one, sources, chunksize=CHUNK)


class Progress:
    """A one-line counter on stderr, redrawn at most every 0.2 s (only on a terminal)."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream, self.enabled = stream, enabled
        self.started = self.last = time.monotonic()

    def update(self, stats: BatchStats, final: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not final and now - self.last < 0.2):
            return
        self.last = now
        rate = stats.inputs / max(now - self.started, 1e-9)
        self.stream.write(f"\r{stats.inputs} inputs, {stats.articles} articles, "
                          f"{stats.failed} failed ({rate:,.0f} inputs/s)")
        if final:
            self.stream.write("\n")
        self.stream.flush()


def run_batch(sources: Iterable[str], output: str | None, options: CleanOptions, jobs: int = 1,
              errors: TextIO | None = None, progress: bool | None = None,
              log: TextIO | None = None, dedup: bool = False) -> BatchStats:
    """Clean every source into one JSONL output; report failures as they happen
    (on `log`, standard error by default). dedup=True drops a record whose id
    was already written in this run and counts it in `BatchStats.duplicates`."""
    log = sys.stderr if log is None else log
    stats = BatchStats(dedup=dedup)
    bar = Progress(log, log.isatty() if progress is None else progress)
    with JsonlWriter(output, dedup=dedup) as writer:
        for result in clean_all(sources, options, jobs):
            stats.add(result)
            if result.error is not None:
                if bar.enabled:
                    log.write("\n")
                log.write(f"cleaner: {result.source}: {result.error}\n")
                if errors is not None:
                    errors.write(orjson.dumps({"source": result.source,
                                               "error": result.error}).decode() + "\n")
            for record_id, line in result.records:
                stats.articles += writer.write(record_id, line)
            for line in result.explained:
                log.write(line + "\n")
            bar.update(stats)
        stats.duplicates = writer.duplicates
    bar.update(stats, final=True)
    return stats
