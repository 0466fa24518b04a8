"""The Dask executor: the shards of a run as Dask tasks, with retries.

Each unfinished shard is one task, run on a Dask worker exactly as the
process pool runs it on this machine (shards.run_shard): it walks the input
paths, cleans its own inputs, and writes its shard file and marker, so the
paths and the output folder must be on a file system every worker sees. The
task sends back only the shard's totals and its failures and warnings, which
are reported here as they come.

The per-input time limit holds there too: the task cleans in a child process
it can kill, started from a fork server (forking a threaded Dask worker
directly can deadlock the child). A Dask worker is a daemon process by
default and may not have children, so workers must run with
`distributed.worker.daemon: False`; the local cluster started here is, and a
task on a daemonic worker fails with that remedy in its message.

Dask is an optional extra (`pip install news-boilerplate-cleaner[dask]`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import secrets
from collections.abc import Iterator
from typing import Any

from ..errors import CleanerError
from .clean import CleanOptions, FileResult
from .console import Reporter
from .run import PoolSettings
from .shards import ShardPlan, run_shard
from .stats import BatchStats

RETRIES = 2  # a task whose worker died is run again this many times
_DAEMON_KEY = "distributed.worker.daemon"
_PRELOAD = ["cleaner.batch.clean"]  # imported once by each worker's fork server


class DaskUnavailable(CleanerError):
    """--executor dask without Dask installed."""


@dataclasses.dataclass(slots=True)
class ShardOutcome:
    """What a shard's task sends back: its totals and the results worth telling of
    (failures, warnings, --explain lines), their records left behind."""

    shard: int
    stats: BatchStats
    notes: list[FileResult]


def clean_shard_task(plan: ShardPlan, shard: int, options: CleanOptions,
                     pool: PoolSettings) -> ShardOutcome:
    """One shard, run inside a Dask worker."""
    if pool.timeout and multiprocessing.current_process().daemon:
        raise RuntimeError(
            "this Dask worker is a daemon process and cannot start the child process that "
            "enforces the per-input time limit; start the workers with "
            f"DASK_DISTRIBUTED__WORKER__DAEMON=False (config {_DAEMON_KEY}: false), "
            "or run with --timeout 0")
    multiprocessing.get_context("forkserver").set_forkserver_preload(_PRELOAD)
    notes: list[FileResult] = []

    def keep(result: FileResult) -> None:
        if result.error is not None or result.warnings or result.explained:
            notes.append(dataclasses.replace(result, records=[], removed={}))

    inner = dataclasses.replace(pool, jobs=1, ordered=True, start_method="forkserver")
    stats = run_shard(plan, shard, options, inner, keep)
    return ShardOutcome(shard, stats, notes)


def run_on_dask(plan: ShardPlan, todo: list[int], options: CleanOptions, pool: PoolSettings,
                report: Reporter, scheduler: str | None = None) -> tuple[BatchStats, list[str]]:
    """Run the shards in `todo` as Dask tasks on the cluster at `scheduler` (None: a
    local cluster of `pool.jobs` worker processes); the run's totals, and a
    message for each shard whose task failed after its retries."""
    try:
        from distributed import as_completed
    except ImportError as exc:
        raise DaskUnavailable(
            f"--executor dask needs Dask ({exc}); install it with "
            f"`pip install 'news-boilerplate-cleaner[dask]'`") from exc
    total, failures = BatchStats(), []
    token = secrets.token_hex(4)  # this run's task keys, apart from another client's
    with _client(scheduler, pool.jobs) as client:
        futures = {client.submit(clean_shard_task, plan, shard, options, pool,
                                 key=f"cleaner-{plan.name(shard)}-{token}",
                                 retries=RETRIES, pure=False): shard for shard in todo}
        for future in as_completed(futures):
            try:
                outcome: ShardOutcome = future.result()
            except Exception as exc:  # the task's own error, after its retries
                failures.append(f"shard {futures[future]}/{plan.shards} failed: "
                                f"{type(exc).__name__}: {exc}")
                continue
            for note in outcome.notes:
                report.tell(note)
            report.counted(outcome.stats)
            total.merge(outcome.stats)
    return total, failures


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A Dask client on the given scheduler, or on a local cluster started (and
    closed) here with non-daemonic workers of one thread each."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    with dask.config.set({_DAEMON_KEY: False}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    with cluster, Client(cluster) as client:
        yield client
