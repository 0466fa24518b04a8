"""Batch runs: many inputs cleaned in worker processes (or Dask tasks), into one
output or into shards that resume.

clean.py: one input, as a worker cleans it; workers.py: the worker pool with
a time limit per input; run.py: a run into one output; shards.py: sharded,
resumable runs; cluster.py: the shards as Dask tasks; console.py and
stats.py: what a run reports.
"""

from .clean import CleanOptions, FileResult, Input, clean_one
from .console import printable, reporting
from .run import DEFAULT_TIMEOUT, RECYCLE_AFTER, PoolSettings, clean_all, run_batch
from .shards import ShardPlan, run_shards
from .stats import BatchStats

__all__ = ["DEFAULT_TIMEOUT", "RECYCLE_AFTER", "BatchStats", "CleanOptions", "FileResult",
           "Input", "PoolSettings", "ShardPlan", "clean_all", "clean_one", "printable",
           "reporting", "run_batch", "run_shards"]
