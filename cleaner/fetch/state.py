"""What a cron run remembers between runs: one SQLite file (stdlib sqlite3, WAL).

Per URL: the ETag and Last-Modified to send back (conditional GET), a hash of
the body last fetched, the last status and outcome and when, and the id of
the last record written. Per (URL, record id): that the record is in the
output, so a page fetched again gives a new record only when its article
changed. Per output file: its size after the last record this state wrote,
so records a killed run wrote but never noted can be found again (the lines
past that size) and adopted instead of written twice.

A run holds an exclusive lock (flock) on `DB.lock` from start to end; a
second run on the same state exits at once (LockHeld). The lock goes with the
process, so `kill -9` or a power cut never leaves a stale one.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from ..errors import CleanerError, OutputError

VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    status INTEGER,
    outcome TEXT NOT NULL,
    checked_at TEXT NOT NULL,
    record_id TEXT
);
CREATE TABLE IF NOT EXISTS records (
    url TEXT NOT NULL,
    id TEXT NOT NULL,
    written_at TEXT NOT NULL,
    PRIMARY KEY (url, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outputs (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL
);
"""


class StateError(CleanerError):
    """The state file cannot be used (not a database, or from a newer cleaner)."""


class LockHeld(CleanerError):
    """Another run holds the lock on this state (or output)."""

    def __init__(self, what: str, holder: str = "") -> None:
        by = f" (pid {holder})" if holder else ""
        super().__init__(f"another fetch run{by} holds the lock on {what}; not started")


@dataclass(frozen=True, slots=True)
class PageState:
    """What the last run that fetched a URL learnt about it."""

    url: str
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    status: int | None
    outcome: str
    checked_at: str
    record_id: str | None

    def conditional_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class RunLock:
    """flock on a lock file; LockHeld at once if another process holds it."""

    def __init__(self, path: str, what: str | None = None) -> None:
        self.path, self.what = path, what or path
        self._fd: int | None = None

    def __enter__(self) -> RunLock:
        try:
            folder = os.path.dirname(os.path.abspath(self.path))
            os.makedirs(folder, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise OutputError(self.path, exc.strerror or str(exc)) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            raise LockHeld(self.what, holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)  # releases the lock; the file stays (it is reused)
            self._fd = None


class State:
    """The state file (None: an in-memory one, forgotten when the run ends)."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.name = path or "the in-memory state"
        try:
            if path:
                os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            self.db = sqlite3.connect(path or ":memory:", isolation_level=None)
        except OSError as exc:
            raise OutputError(self.name, exc.strerror or str(exc)) from exc
        except sqlite3.Error as exc:
            raise StateError(f"{self.name}: cannot open: {exc}") from exc
        try:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > VERSION:
                raise StateError(f"{self.name}: made by a newer cleaner (state version "
                                 f"{version}, this one reads {VERSION})")
            if path:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA busy_timeout=10000")
            self.db.executescript(_SCHEMA)
            self.db.execute(f"PRAGMA user_version={VERSION}")
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise StateError(f"{self.name}: not a cleaner state database ({exc})") from exc

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise OutputError(self.name, str(exc)) from exc

    def page(self, url: str) -> PageState | None:
        row = self.db.execute(
            "SELECT url, etag, last_modified, content_hash, status, outcome, checked_at, "
            "record_id FROM pages WHERE url = ?", (url,)).fetchone()
        return PageState(*row) if row else None

    def has_record(self, url: str, record_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM records WHERE url = ? AND id = ?",
                               (url, record_id)).fetchone() is not None

    def save(self, url: str, *, status: int, outcome: str, etag: str | None,
             last_modified: str | None, content_hash: str, record_id: str | None,
             new_records: Iterable[str] = (), output: tuple[str, int] | None = None) -> None:
        """A page fetched (200): its validators and hash, the records just written
        for it and the output's size after them, in one transaction."""
        now = _now()
        with self._transaction() as db:
            db.execute(
                "INSERT INTO pages (url, etag, last_modified, content_hash, status, outcome, "
                "checked_at, record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO "
                "UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
                "content_hash = excluded.content_hash, status = excluded.status, "
                "outcome = excluded.outcome, checked_at = excluded.checked_at, "
                "record_id = COALESCE(excluded.record_id, pages.record_id)",
                (url, etag, last_modified, content_hash, status, outcome, now, record_id))
            db.executemany("INSERT OR IGNORE INTO records (url, id, written_at) VALUES (?, ?, ?)",
                           ((url, rid, now) for rid in new_records))
            if output is not None:
                self._set_output(db, *output)

    def note(self, url: str, status: int | None, outcome: str) -> None:
        """A check that fetched nothing new (304, robots, a failure): the validators,
        hash and record of the last good fetch stay."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO pages (url, status, outcome, checked_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET status = excluded.status, "
                "outcome = excluded.outcome, checked_at = excluded.checked_at",
                (url, status, outcome, _now()))

    def output_size(self, path: str) -> int | None:
        """The output's size after the last record this state noted in it."""
        row = self.db.execute("SELECT size FROM outputs WHERE path = ?", (path,)).fetchone()
        return int(row[0]) if row else None

    def adopt(self, records: Iterable[tuple[str, str]], output: tuple[str, int]) -> int:
        """Note records found in the output (written by a run killed before it noted
        them) as written; returns how many were not noted yet."""
        now = _now()
        with self._transaction() as db:
            before = db.total_changes
            db.executemany("INSERT OR IGNORE INTO records (url, id, written_at) VALUES (?, ?, ?)",
                           ((url, rid, now) for url, rid in records))
            adopted = db.total_changes - before
            self._set_output(db, *output)
        return adopted

    @staticmethod
    def _set_output(db: sqlite3.Connection, path: str, size: int) -> None:
        db.execute("INSERT INTO outputs (path, size) VALUES (?, ?) ON CONFLICT(path) DO UPDATE "
                   "SET size = excluded.size", (path, size))
