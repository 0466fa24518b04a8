"""JSONL output written so that a crash never leaves a half-written file.

Records go to a temporary file beside the target, which replaces the target
only when the run finishes; an interrupted run leaves the previous output as
it was, and a rerun rewrites the file instead of appending duplicates. A
target that is not a regular file (a pipe, /dev/null) is written in place.
"""

from __future__ import annotations

import os
import sys
import tempfile
from types import TracebackType
from typing import BinaryIO


class JsonlWriter:
    """Write JSON lines to a path ('-' or None for stdout).

    With dedup=True a record whose id was already written is dropped (and
    counted in `duplicates`); without it every record is written and no ids
    are kept, so memory does not grow with the run.
    """

    def __init__(self, target: str | None, dedup: bool = False) -> None:
        self.target = None if target in (None, "-") else target
        self.written = 0
        self.duplicates = 0
        self._ids: set[str] | None = set() if dedup else None
        self._tmp: str | None = None
        self._stream = False
        self._fh: BinaryIO

    def __enter__(self) -> JsonlWriter:
        if self.target is None:
            self._fh = sys.stdout.buffer
            return self
        if os.path.exists(self.target) and not os.path.isfile(self.target):
            # A device or pipe (/dev/null, a FIFO): written in place, never replaced.
            self._fh = open(self.target, "wb")
            self._stream = True
            return self
        folder = os.path.dirname(os.path.abspath(self.target))
        os.makedirs(folder, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=".cleaner-", suffix=".jsonl.part", dir=folder)
        os.chmod(self._tmp, 0o666 & ~_umask())  # mkstemp makes it private; outputs are not
        self._fh = os.fdopen(fd, "wb")
        return self

    def write(self, record_id: str, line: bytes) -> bool:
        """Write one record line; False if dedup is on and its id was already written."""
        if self._ids is not None:
            if record_id in self._ids:
                self.duplicates += 1
                return False
            self._ids.add(record_id)
        self._fh.write(line)
        self.written += 1
        return True

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.target is None:
            self._fh.flush()
            return
        if self._stream:
            self._fh.close()
            return
        assert self._tmp is not None
        try:
            if kind is None:
                self._fh.flush()
                os.fsync(self._fh.fileno())
            self._fh.close()
            if kind is None:
                os.replace(self._tmp, self.target)
                self._tmp = None
        finally:
            if self._tmp is not None and os.path.exists(self._tmp):
                os.unlink(self._tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
