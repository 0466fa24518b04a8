"""Batch runs: clean many inputs, in one process or several, and count what happened.

Every input is cleaned on its own: a broken file, one that runs past the time
limit, even one whose record cannot be serialised, becomes one error line
(path and reason) and the run goes on. Results come back in input order, so
the output is the same for any --jobs. Every article found in every input
becomes a record; with dedup (--dedup) the parent drops a record whose id was
already written in the run, in input order, so that too is the same for any
--jobs.

With a time limit (the default) inputs are cleaned in worker processes, one
even for --jobs 1, so that an input past the limit can be stopped by killing
its worker (cleaner/workers.py); without one (--timeout 0) and with --jobs 1
they are cleaned in this process. Standard input is read here, in the parent,
and handed to a worker as bytes; so are the records of a WARC or JSONL file
(cleaner/containers.py), read one at a time as the workers ask for more, each
one input with its own source (`path#offset`, `path:line`) and url.

Standard error carries the messages (failures, warnings, --explain lines),
and, on a terminal, a progress line that is wiped before any message is
written and redrawn after it, so the two never share a line.
"""

from __future__ import annotations

import functools
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TextIO

from .api import clean_payload
from .containers import is_container, iter_records
from .errors import CleanerError, InputError
from .inputs import DEFAULT_MAX_BYTES, STDIN, Payload, read_payload
from .language import load_detector
from .output import JsonlWriter
from .record import escaped_source, json_line
from .rules import RuleSet, load_rules
from .workers import imap_limited

DEFAULT_TIMEOUT = 60.0  # seconds per input; a real page takes well under one


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Settings one worker needs to clean a file. `rule_dirs`: the rule folders in
    layer order (None: the default layers, built-in rules and $CLEANER_RULES)."""

    rule_dirs: tuple[str, ...] | None = None
    url: str | None = None
    fmt: str = "auto"
    max_bytes: int = DEFAULT_MAX_BYTES
    explain: bool = False


def rules_for(options: CleanOptions) -> RuleSet:
    if options.rule_dirs is None:
        return load_rules()
    return load_rules(*options.rule_dirs) if options.rule_dirs else RuleSet()


@dataclass(frozen=True, slots=True)
class Input:
    """One input to clean: a path, with its content when the parent read it already
    (standard input, a record of a WARC or JSONL file), or the reason it could not
    be read; `url`: where a record says it came from (over --url)."""

    source: str
    payload: Payload | None = None
    error: str | None = None
    url: str | None = None


@dataclass(slots=True)
class FileResult:
    """What cleaning one input gave: record lines, or the reason it failed."""

    source: str
    records: list[tuple[str, bytes]] = field(default_factory=list)
    removed: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # -> [spans, chars]
    explained: list[str] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    def __reduce__(self) -> tuple[type[FileResult], tuple[object, ...]]:
        # Sent back from a worker for every input: a plain tuple pickles several times
        # faster than the field-by-field state a slots dataclass would send.
        return FileResult, (self.source, self.records, self.removed, self.explained,
                            self.error, self.warnings)


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

    def to_dict(self, seconds: float | None = None) -> dict[str, Any]:
        """The totals as written by --stats (one JSON object)."""
        return {
            "inputs": self.inputs, "cleaned": self.inputs - self.failed, "failed": self.failed,
            "without_article": self.no_article, "articles": self.articles,
            "duplicates_dropped": self.duplicates if self.dedup else None,
            "seconds": None if seconds is None else round(seconds, 3),
            "removed": {category: {"spans": count, "chars": self.chars_by_category[category]}
                        for category, count in self.by_category.most_common()},
            "rules": dict(self.by_rule.most_common()),
        }

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


CHUNK = 16  # inputs handed to a worker at a time
_worker_options = CleanOptions()
_worker_rules: RuleSet | None = None


def _init_worker(options: CleanOptions) -> None:
    global _worker_options, _worker_rules
    _worker_options = options
    _worker_rules = rules_for(options)


def clean_one(item: Input | str) -> FileResult:
    """Clean one input with the worker's options; never raises for a bad input."""
    item = Input(item) if isinstance(item, str) else item
    result = FileResult(item.source)
    try:
        _clean_into(result, item, _worker_options)
    except CleanerError as exc:
        result = FileResult(item.source, error=str(exc))
    except Exception as exc:  # a bug must cost one input, not the batch
        result = FileResult(item.source, error=f"internal error: {type(exc).__name__}: {exc}")
    return result


def _clean_into(result: FileResult, item: Input, options: CleanOptions) -> None:
    if item.error is not None:
        raise InputError(item.error)
    payload = item.payload or read_payload(item.source, options.max_bytes)
    cleaned = clean_payload(payload, source=item.source, url=item.url or options.url,
                            rules=_worker_rules, fmt=options.fmt)
    articles, decoded = cleaned.articles, cleaned.decoded
    if decoded.garbled:
        result.warnings.append("the decoded text may be garbled (encoding guessed)")
    if decoded.replaced:
        result.warnings.append(f"{decoded.replaced} bytes not valid UTF-8 replaced by U+FFFD")
    for article in articles:
        record = article.to_dict(options.explain)
        result.records.append((str(record["id"]), json_line(record)))
        for removal in article.removed:  # tallied here: less to send back from a worker
            tally = result.removed.setdefault((removal.rule, removal.category), [0, 0])
            tally[0] += 1
            tally[1] += len(removal.text)
        if options.explain:
            result.explained.extend(f"{printable(item.source)}: [{r.rule}] {r.category}: "
                                    f"{r.text!r}" for r in article.removed)


def _work(item: Input) -> FileResult:
    return clean_one(item)  # looked up on each call, so a patched clean_one is used


def _lost(item: Input, reason: str) -> FileResult:
    return FileResult(item.source, error=reason)


def clean_all(sources: Iterable[str], options: CleanOptions, jobs: int = 1,
              timeout: float = DEFAULT_TIMEOUT) -> Iterator[FileResult]:
    """Results for every source, in input order, using `jobs` processes; an input
    still being cleaned after `timeout` seconds (0: no limit) fails with a timeout."""
    _init_worker(options)  # loaded once here; forked workers inherit it
    items = _read_here(sources, options.max_bytes)
    if jobs <= 1 and not timeout:
        yield from map(_work, items)
        return
    if jobs > 1:
        load_detector()  # here, once: the workers share its model instead of loading one each
    yield from imap_limited(_work, items, jobs=jobs, timeout=timeout, lost=_lost,
                            setup=functools.partial(_init_worker, options), batch=CHUNK)


def _read_here(sources: Iterable[str], max_bytes: int) -> Iterator[Input]:
    """The inputs, lazily: a file path as it is, standard input read, a WARC or JSONL
    file opened into its records."""
    for source in sources:
        if source != STDIN and is_container(source):
            for record in iter_records(source, max_bytes):
                yield Input(record.source, record.payload, record.error, record.url)
            continue
        if source != STDIN:
            yield Input(source)
            continue
        try:
            yield Input(source, payload=read_payload(STDIN, max_bytes))
        except InputError as exc:
            yield Input(source, error=str(exc))


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters (and line separators,
    bidirectional overrides) as \\xNN or \\uNNNN, the bytes of a file name that
    is not valid UTF-8 as \\xNN."""
    return _UNPRINTABLE.sub(_escape_char, escaped_source(text))


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class Console:
    """Standard error for one run: messages, each on its own line, and on a terminal
    a progress line (redrawn at most every 0.2 s) that is wiped before a message
    is written and drawn again after it."""

    def __init__(self, stream: TextIO, progress: bool) -> None:
        self.stream, self.progress = stream, progress
        self.started = self.last = time.monotonic()
        self._drawn = False

    def message(self, line: str) -> None:
        self._wipe()
        self.stream.write(line + "\n")

    def update(self, stats: BatchStats, final: bool = False) -> None:
        now = time.monotonic()
        if not self.progress or (not final and now - self.last < 0.2):
            return
        self.last = now
        rate = stats.inputs / max(now - self.started, 1e-9)
        self._wipe()
        self.stream.write(f"{stats.inputs} inputs, {stats.articles} articles, "
                          f"{stats.failed} failed ({rate:,.0f} inputs/s)")
        self._drawn = True
        if final:
            self.stream.write("\n")
            self._drawn = False
        self.stream.flush()

    def _wipe(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")  # to the line's start, then clear it
            self._drawn = False


class _ErrorLog:
    """--errors: one JSON line {"source", "error"} per failed input, to a file
    (written whole at the end, like the output) or, for '-', to the log."""

    def __init__(self, target: str | None, console: Console) -> None:
        self.to_log = target == STDIN
        self._file = JsonlWriter(target, name=target) if target and not self.to_log else None
        self._console = console

    def __enter__(self) -> _ErrorLog:
        if self._file is not None:
            self._file.__enter__()
        return self

    def write(self, source: str, error: str) -> None:
        if self.to_log or self._file is not None:
            line = json_line({"source": source, "error": error})
        if self.to_log:
            self._console.message(line.decode().rstrip("\n"))
        elif self._file is not None:
            self._file.write_line(line)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._file is not None:
            self._file.__exit__(kind, exc, tb)


def run_batch(sources: Iterable[str], output: str | None, options: CleanOptions, jobs: int = 1,
              errors: str | None = None, progress: bool | None = None,
              log: TextIO | None = None, dedup: bool = False,
              timeout: float = DEFAULT_TIMEOUT) -> BatchStats:
    """Clean every source into one JSONL output; report failures as they happen
    (on `log`, standard error by default) and, as JSON lines, in the `errors` file
    ('-': on `log` instead of the plain line). dedup=True drops a record whose id
    was already written in this run and counts it in `BatchStats.duplicates`.
    `progress`: draw the progress line (default: when `log` is a terminal).
    Both outputs are opened before any input is read: OutputError if they cannot be."""
    log = sys.stderr if log is None else log
    stats = BatchStats(dedup=dedup)
    console = Console(log, log.isatty() if progress is None else progress)
    with JsonlWriter(output, dedup=dedup) as writer, _ErrorLog(errors, console) as error_log:
        for result in clean_all(sources, options, jobs, timeout):
            stats.add(result)
            for warning in result.warnings:
                console.message(f"cleaner: {printable(result.source)}: warning: {warning}")
            if result.error is not None:
                if not error_log.to_log:
                    console.message(f"cleaner: {printable(result.source)}: "
                                    f"{printable(result.error)}")
                error_log.write(result.source, result.error)
            for record_id, record in result.records:
                stats.articles += writer.write(record_id, record)
            for explained in result.explained:
                console.message(explained)
            console.update(stats)
        stats.duplicates = writer.duplicates
    console.update(stats, final=True)
    return stats
