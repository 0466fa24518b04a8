"""Sharded runs that resume: one JSONL file per shard plus a completion marker.

Each input path (a file as discovered, a WARC or JSONL file as a whole) falls
into shard crc32(path) mod N, so the split is the same on every run and every
host given the same paths, whatever the order or number of files found. A
shard is written like any output (a temporary file renamed into place at the
end, cleaner/io/output.py), then its marker `part-K-of-N.done` (the shard's
totals, as JSON) is written beside it. A re-run skips every shard with a
marker: a killed run resumes with the shard it was on, rewritten from its
start, so no record is written twice and no line is cut; several hosts can
each take `--shard K/N` of one folder on a shared file system.

A marker also names the run's input paths: a folder holding the shards of a
run over other inputs, or with another shard count, is refused rather than
silently mixed.
"""

from __future__ import annotations

import glob
import os
import re
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import orjson

from ..errors import OutputError
from ..io.inputs import iter_inputs
from ..io.output import JsonlWriter
from .clean import CleanOptions, FileResult
from .run import PoolSettings, clean_all, write_results
from .stats import BatchStats

_MARKER = re.compile(r"part-(\d+)-of-(\d+)\.done")


def shard_of(source: str, shards: int) -> int:
    """The shard (1..shards) an input path falls into, the same on every host."""
    return zlib.crc32(os.fsencode(source)) % shards + 1


@dataclass(frozen=True, slots=True)
class ShardPlan:
    """The shards of one run: its input paths, the output folder, how many shards,
    and whether shard files are gzip-compressed."""

    paths: tuple[str, ...]
    out_dir: str
    shards: int
    gzip: bool = False

    def name(self, shard: int) -> str:
        return f"part-{shard:05d}-of-{self.shards:05d}"

    def output(self, shard: int) -> str:
        return os.path.join(self.out_dir, self.name(shard) + (".jsonl.gz" if self.gzip
                                                              else ".jsonl"))

    def marker(self, shard: int) -> str:
        return os.path.join(self.out_dir, self.name(shard) + ".done")

    def finished(self, shard: int) -> bool:
        return os.path.exists(self.marker(shard))

    def sources(self, shard: int,
                skipped: Callable[[str, str], None] | None = None) -> Iterator[str]:
        """The input paths of one shard, discovered lazily."""

        def skipped_here(path: str, why: str) -> None:
            if skipped is not None and shard_of(path, self.shards) == shard:
                skipped(path, why)

        return (source for source in iter_inputs(list(self.paths), skipped_here)
                if shard_of(source, self.shards) == shard)

    def problem(self) -> str | None:
        """Why the output folder cannot take this run's shards: it is a file, or its
        markers are of a run with another shard count or other inputs."""
        if os.path.exists(self.out_dir) and not os.path.isdir(self.out_dir):
            return "is not a folder"
        for path in sorted(glob.glob(os.path.join(glob.escape(self.out_dir), "part-*.done"))):
            match = _MARKER.fullmatch(os.path.basename(path))
            if match is None:
                continue
            if int(match[2]) != self.shards:
                return (f"holds the shards of a run with --shards {int(match[2])}; use another "
                        f"folder, or remove its part-* files to start over")
            try:
                with open(path, "rb") as marker:
                    paths = orjson.loads(marker.read()).get("paths")
            except (OSError, orjson.JSONDecodeError, AttributeError):
                return f"has an unreadable marker {os.path.basename(path)}; remove it to redo " \
                       f"that shard"
            if paths != list(self.paths):
                return (f"holds the shards of a run over other inputs ({' '.join(paths or [])}); "
                        f"use another folder, or remove its part-* files to start over")
        return None

    def mark_finished(self, shard: int, stats: BatchStats, seconds: float) -> None:
        """Write the shard's marker (atomically: a crash leaves none or a whole one)."""
        marker = self.marker(shard)
        body = {"shard": shard, "shards": self.shards, "paths": list(self.paths),
                "output": os.path.basename(self.output(shard)), **stats.to_dict(seconds)}
        temporary = f"{marker}.{os.getpid()}.tmp"
        try:
            with open(temporary, "wb") as out:
                out.write(orjson.dumps(body) + b"\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, marker)
        except OSError as exc:
            raise OutputError(marker, exc.strerror or str(exc)) from exc


def run_shard(plan: ShardPlan, shard: int, options: CleanOptions, pool: PoolSettings,
              report: Callable[[FileResult], None],
              skipped: Callable[[str, str], None] | None = None) -> BatchStats:
    """Clean one shard's inputs into its file, then mark it finished."""
    started = time.monotonic()
    try:
        os.makedirs(plan.out_dir, exist_ok=True)
    except OSError as exc:
        raise OutputError(plan.out_dir, exc.strerror or str(exc)) from exc
    with JsonlWriter(plan.output(shard)) as writer:
        stats = write_results(clean_all(plan.sources(shard, skipped), options, pool),
                              writer, report)
    plan.mark_finished(shard, stats, time.monotonic() - started)
    return stats


def run_shards(plan: ShardPlan, todo: list[int], options: CleanOptions, pool: PoolSettings,
               report: Callable[[FileResult], None],
               skipped: Callable[[str, str], None] | None = None) -> BatchStats:
    """The shards in `todo`, one after another, on this machine's worker pool."""
    total = BatchStats()
    for shard in todo:
        total.merge(run_shard(plan, shard, options, pool, report, skipped))
    return total
