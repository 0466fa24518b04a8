"""JSONL output written so that a crash never leaves a half-written file.

Records go to a temporary file `.cleaner-<name>.<token>.part` beside the
target, which replaces the target only when the run finishes; an interrupted
run leaves the previous output as it was, and a rerun rewrites the file
instead of appending duplicates. A symlink is written through: its target is
replaced, the link stays. A target that is not a regular file (a pipe,
/dev/null, /dev/stdout, anything under /dev or /proc) is written in place.

A target whose name ends in `.gz` is written gzip-compressed (with no file
name or time stamp in the header, so the same records give the same bytes).

A run holds an exclusive lock (flock) on its temporary file, so a run killed
outright (SIGKILL, power loss) leaves one that no process holds: the next run
on the same output removes it, and never one a live run is still writing.
Every failure to write is an OutputError naming the output and the reason.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Iterable
from types import TracebackType
from typing import BinaryIO, Protocol

from ..errors import OutputError
from .inputs import STDIN, is_input_name

_PREFIX = ".cleaner-"
_LEGACY_PART = re.compile(r"\.cleaner-[a-z0-9_]{8}\.jsonl\.part")  # mkstemp names, no lock
LEGACY_AGE = 3600.0  # seconds: an unlocked part file of the old naming older than this is stale
_IN_PLACE = ("/dev/", "/proc/")
_OPEN_PARTS: set[int] = set()  # descriptors of this process's locked temporary files


def _release_parts_in_child() -> None:
    """A forked child (a worker) must not hold the parent's lock, nor ever write to
    its temporary file: its copies of the descriptors are pointed at /dev/null."""
    if _OPEN_PARTS:
        null = os.open(os.devnull, os.O_WRONLY)
        for fd in _OPEN_PARTS:
            with contextlib.suppress(OSError):
                os.dup2(null, fd)
        os.close(null)
        _OPEN_PARTS.clear()


os.register_at_fork(after_in_child=_release_parts_in_child)


class _Sink(Protocol):
    """What the writer writes to: a file, standard output, or a gzip stream."""

    def write(self, data: bytes, /) -> int: ...
    def flush(self) -> None: ...
    def close(self) -> None: ...
    def fileno(self) -> int: ...


class JsonlWriter:
    """Write JSON lines to a path ('-' or None for `stdio`, standard output by default).

    With dedup=True a record whose id was already written is dropped (and
    counted in `duplicates`); without it every record is written and no ids
    are kept, so memory does not grow with the run.
    """

    def __init__(self, target: str | None, dedup: bool = False,
                 stdio: BinaryIO | None = None, name: str | None = None) -> None:
        self.target = None if target in (None, STDIN) else target
        self.name = name or ("standard output" if self.target is None else self.target)
        self.written = 0
        self.duplicates = 0
        self._ids: set[str] | None = set() if dedup else None
        self.dedup = dedup
        self._stdio = stdio
        self._tmp: str | None = None
        self._final: str | None = None  # the file the temporary one replaces
        self._fh: _Sink  # what lines are written to (the compressor for .gz)
        self._raw: _Sink | None = None  # the file itself, when _fh compresses into it

    def __enter__(self) -> JsonlWriter:
        if self.target is None:
            self._fh = self._stdio or sys.stdout.buffer
            return self
        try:
            if writes_in_place(self.target):
                self._fh = open(self.target, "wb")  # closed in __exit__
            else:
                self._final = os.path.realpath(self.target)
                folder = os.path.dirname(self._final)
                os.makedirs(folder, exist_ok=True)
                remove_stale_parts(self._final)
                self._tmp, self._fh = _locked_part(self._final)
                os.chmod(self._tmp, 0o666 & ~_umask())  # outputs get the usual permissions
        except OSError as exc:
            raise OutputError(self.name, exc.strerror or str(exc)) from exc
        if self.target.lower().endswith(".gz"):
            self._raw = self._fh
            self._fh = gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0)
        return self

    def write(self, record_id: str, line: bytes) -> bool:
        """Write one record line; False if dedup is on and its id was already written."""
        if self._ids is not None:
            if record_id in self._ids:
                self.duplicates += 1
                return False
            self._ids.add(record_id)
        self.write_line(line)
        self.written += 1
        return True

    def write_line(self, line: bytes) -> None:
        """Write bytes as they are (no id, no count)."""
        try:
            self._fh.write(line)
        except BrokenPipeError:
            raise  # the reader went away: the command line stops quietly
        except OSError as exc:
            raise OutputError(self.name, exc.strerror or str(exc)) from exc

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            self._finish(kind is None)
        except BrokenPipeError:
            if kind is None:
                raise
        except OSError as error:
            if kind is None:  # on the way out of another error, that one is reported
                raise OutputError(self.name, error.strerror or str(error)) from error
        finally:
            if self._tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(self._tmp)

    def _finish(self, ok: bool) -> None:
        if self.target is None:
            if ok:
                self._fh.flush()
            return
        if self._raw is not None:  # the compressor: its trailer, then the file below it
            compressor, self._fh = self._fh, self._raw
            if ok:
                compressor.close()
        if self._tmp is None:  # written in place
            self._fh.close()
            return
        try:
            if ok:
                self._fh.flush()
                os.fsync(self._fh.fileno())
        finally:
            _OPEN_PARTS.discard(self._fh.fileno())
            self._fh.close()  # also lets go of the lock
        if ok:
            assert self._final is not None
            os.replace(self._tmp, self._final)
            self._tmp = None


def writes_in_place(target: str) -> bool:
    """A device, pipe or /proc entry: written as it is, never replaced by a file."""
    if target.startswith(_IN_PLACE):
        return True
    try:
        return not stat.S_ISREG(os.stat(target).st_mode)
    except OSError:
        return False  # does not exist yet: a file will be made


def _locked_part(final: str) -> tuple[str, BinaryIO]:
    """Create and lock a fresh temporary file for `final`. The lock is taken after
    the file exists, so a cleanup by another run could remove it in between: the
    path is checked to still be this file, else another one is made."""
    while True:
        path = _part_prefix(final) + secrets.token_hex(4) + ".part"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            _OPEN_PARTS.add(fd)
            return path, os.fdopen(fd, "wb")
        os.close(fd)


def _part_prefix(final: str) -> str:
    folder, base = os.path.split(final)
    base = os.fsdecode(os.fsencode(base)[:200])  # room for the prefix and token in 255 bytes
    return os.path.join(folder, f"{_PREFIX}{base}.")


def remove_stale_parts(final: str) -> int:
    """Remove the temporary files that killed runs left for this output (and old
    unnamed ones from before output names were part of the name); a file some
    process still holds locked is a live run's and stays. Returns how many went."""
    folder = os.path.dirname(final)
    own = os.path.basename(_part_prefix(final))
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            name = entry.name
            if not name.endswith(".part"):
                continue
            legacy = _LEGACY_PART.fullmatch(name) is not None
            if (name.startswith(own) or legacy) and _remove_if_unlocked(entry.path, legacy):
                removed += 1
    return removed


def _remove_if_unlocked(path: str, legacy: bool) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        info = os.fstat(fd)
        if legacy and time.time() - info.st_mtime < LEGACY_AGE:
            return False  # an old-style run may still be writing it
        if os.stat(path).st_ino != info.st_ino:
            return False
        os.unlink(path)
        return True
    except OSError:  # locked by a live run, or gone already
        return False
    finally:
        os.close(fd)


def output_problem(target: str | None, inputs: Iterable[str]) -> str | None:
    """Why `target` must not be written for these inputs (None if it may): it is a
    folder, it is one of the inputs, or it lies in an input folder where the walk
    would read it back as an input."""
    if target in (None, STDIN):
        return None
    if target.endswith(os.sep) or os.path.isdir(target):
        return "is a folder, expected a file"
    if writes_in_place(target):
        return None
    real = os.path.realpath(target)
    for path in inputs:
        if path == STDIN:
            continue
        source = os.path.realpath(path)
        if os.path.isdir(path):
            parts = os.path.relpath(real, source).split(os.sep)
            if (parts[0] != os.pardir and is_input_name(real)
                    and not any(part.startswith(".") for part in parts)):
                if os.path.exists(real):
                    return f"is an input (in the folder {path}); it would be overwritten"
                return f"is inside the input folder {path} and would be read as an input"
        elif source == real or _same_file(path, target):
            return f"is also an input ({path}); it would be overwritten"
    return None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
