"""The fetch output: JSON lines appended to OUT, one complete line per write.

Each record is one write() of a whole line on a file opened O_APPEND, so the
file holds only complete lines at every moment a process can be killed; the
line is synced to disk before the state notes it. A half line can still be
left by something else (a power cut during the write, a full disk, an older
writer): when a run opens the output, a last line without its newline is
completed when it is a whole JSON record, and removed (with a warning) when
it is not. The run holds an exclusive flock on the output while it appends.

'-' appends to standard output; a device or pipe (/dev/null, a FIFO) is
written as it is, without lock or repair.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import sys
from collections.abc import Iterator
from typing import BinaryIO

import orjson

from ..errors import OutputError
from ..io.output import writes_in_place
from .state import LockHeld

_BLOCK = 1024 * 1024


class AppendOutput:
    """Append-only JSONL output with a lock and a repaired tail."""

    def __init__(self, target: str, stdio: BinaryIO | None = None) -> None:
        self.target = target
        self.name = "standard output" if target == "-" else target
        self.size = 0  # regular files: the size after the last line written
        self.repair = ""  # what opening did to a half line, for a warning
        self._fd: int | None = None
        self._stream: BinaryIO | None = None
        self._stdio = stdio
        self.regular = False

    @property
    def key(self) -> str | None:
        """The file's real path (the state's key for it); None when not a regular file."""
        return os.path.realpath(self.target) if self.regular else None

    def __enter__(self) -> AppendOutput:
        if self.target == "-":
            self._stream = self._stdio or sys.stdout.buffer
            return self
        try:
            if writes_in_place(self.target):
                self._stream = open(self.target, "ab", buffering=0)  # closed in __exit__
                return self
            folder = os.path.dirname(os.path.abspath(self.target))
            os.makedirs(folder, exist_ok=True)
            fd = os.open(self.target, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o666)
        except OSError as exc:
            raise OutputError(self.name, exc.strerror or str(exc)) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise LockHeld(self.name) from None
        self._fd, self.regular = fd, stat.S_ISREG(os.fstat(fd).st_mode)
        try:
            self.repair = self._repair_tail()
            self.size = os.fstat(fd).st_size
        except OSError as exc:
            raise OutputError(self.name, exc.strerror or str(exc)) from exc
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        elif self._stream is not None:
            stream, self._stream = self._stream, None
            try:
                stream.flush()
                if stream is not self._stdio and stream is not sys.stdout.buffer:
                    stream.close()
            except OSError as error:
                if kind is None:  # on the way out of another error, that one is reported
                    raise OutputError(self.name, error.strerror or str(error)) from error

    def _repair_tail(self) -> str:
        """Complete or drop a last line that has no newline; says what was done."""
        assert self._fd is not None
        size = os.fstat(self._fd).st_size
        if size == 0 or os.pread(self._fd, 1, size - 1) == b"\n":
            return ""
        end, keep = size, 0
        while end > 0:
            start = max(0, end - _BLOCK)
            at = os.pread(self._fd, end - start, start).rfind(b"\n")
            if at >= 0:
                keep = start + at + 1
                break
            end = start
        tail = os.pread(self._fd, size - keep, keep)
        if _is_record(tail):
            os.write(self._fd, b"\n")
            return "completed a last record that had no newline"
        os.ftruncate(self._fd, keep)
        return (f"removed a half-written last line ({size - keep:,} bytes) left by an "
                "interrupted run")

    def lines_from(self, offset: int) -> Iterator[bytes]:
        """The complete lines from byte `offset` (a line start) to the end."""
        assert self._fd is not None
        rest = b""
        position = offset
        while position < self.size:
            block = os.pread(self._fd, min(_BLOCK, self.size - position), position)
            if not block:
                break
            position += len(block)
            lines = (rest + block).split(b"\n")
            rest = lines.pop()
            yield from lines
        if rest:
            yield rest

    def write(self, line: bytes) -> None:
        """Append one line (newline included) in one write; on failure nothing of it
        stays in a regular file."""
        if self._fd is None:
            assert self._stream is not None
            try:
                view = memoryview(line)
                while view:  # a pipe or device may take part of it
                    view = view[self._stream.write(view) or 0:]
                self._stream.flush()
            except OSError as exc:
                raise OutputError(self.name, exc.strerror or str(exc)) from exc
            return
        view = memoryview(line)
        try:
            while view:
                view = view[os.write(self._fd, view):]
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self.size)
            raise OutputError(self.name, exc.strerror or str(exc)) from exc
        self.size += len(line)

    def sync(self) -> None:
        """Make the lines written so far durable (before the state says they are)."""
        if self._fd is not None:
            try:
                os.fdatasync(self._fd)
            except OSError as exc:
                raise OutputError(self.name, exc.strerror or str(exc)) from exc


def _is_record(data: bytes) -> bool:
    try:
        return isinstance(orjson.loads(data), dict)
    except orjson.JSONDecodeError:
        return False


def record_keys(line: bytes) -> tuple[str, str] | None:
    """(source, id) of a record line; None for a line that is not one of ours."""
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if isinstance(record, dict):
        source, rid = record.get("source"), record.get("id")
        if isinstance(source, str) and isinstance(rid, str):
            return source, rid
    return None
