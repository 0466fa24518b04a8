"""What a run says on standard error, and the --errors file.

Standard error carries the messages (failures, warnings, --explain lines),
and, on a terminal, a progress line that is wiped before any message is
written and redrawn after it, so the two never share a line.
"""

from __future__ import annotations

import contextlib
import re
import sys
import time
from collections.abc import Iterator
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from ..io.inputs import STDIN
from ..io.output import JsonlWriter
from ..record import escaped_source, json_line
from .stats import BatchStats

if TYPE_CHECKING:
    from .clean import FileResult

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


class ErrorLog:
    """--errors: one JSON line {"source", "error"} per failed input, to a file
    (written whole at the end, like the output) or, for '-', to the log."""

    def __init__(self, target: str | None, console: Console) -> None:
        self.to_log = target == STDIN
        self._file = JsonlWriter(target, name=target) if target and not self.to_log else None
        self._console = console

    def __enter__(self) -> ErrorLog:
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


class Reporter:
    """Tells of each result as it comes: its failure and warnings on the console
    and in the --errors file, its --explain lines, and the progress line."""

    def __init__(self, console: Console, error_log: ErrorLog) -> None:
        self.console, self.error_log = console, error_log
        self.seen = BatchStats()  # the progress line's counts

    def __call__(self, result: FileResult) -> None:
        self.seen.add(result)
        self.seen.articles += len(result.records)
        self.tell(result)
        self.console.update(self.seen)

    def tell(self, result: FileResult) -> None:
        """The messages of one result, without counting it."""
        for warning in result.warnings:
            self.console.message(f"cleaner: {printable(result.source)}: warning: {warning}")
        if result.error is not None:
            if not self.error_log.to_log:
                self.console.message(f"cleaner: {printable(result.source)}: "
                                     f"{printable(result.error)}")
            self.error_log.write(result.source, result.error)
        for explained in result.explained:
            self.console.message(explained)

    def counted(self, stats: BatchStats) -> None:
        """Count a part of the run whose results were told elsewhere (a Dask task's)."""
        self.seen.merge(stats)
        self.console.update(self.seen)


@contextlib.contextmanager
def reporting(log: TextIO | None = None, progress: bool | None = None,
              errors: str | None = None) -> Iterator[Reporter]:
    """A Reporter for one run on `log` (standard error by default), with the --errors
    file opened first; `progress`: draw the progress line (default: when `log`
    is a terminal). The progress line is closed when the run ends."""
    log = sys.stderr if log is None else log
    console = Console(log, log.isatty() if progress is None else progress)
    with ErrorLog(errors, console) as error_log:
        reporter = Reporter(console, error_log)
        yield reporter
    console.update(reporter.seen, final=True)
