"""`make bench`: throughput and peak memory of the text path, and the HTML path
against plain trafilatura.

The CLI rows run the real `cleaner clean` in a subprocess, as users run it, so
they include start-up, file reading and JSONL writing; the in-process row times
clean_text alone on the same texts. Inputs are synthetic (bench/generate.py):
no data to ship, and the same dumps on every machine. Peak RSS on 10,000 and
100,000 inputs side by side shows whether a batch streams (flat) or accumulates;
the sharded run is timed on the process pool and on a local Dask cluster.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from fetch import bench_fetch
from generate import write_dumps
from hostile import bench_hostile
from trafilatura import bare_extraction

from cleaner import clean_html, clean_text, load_rules

DEVSET_HTML = Path(__file__).resolve().parents[2] / "shared" / "devset" / "html"
# A batch streams when each added input raises peak RSS by well under its own size.
STREAMING_SHARE = 0.25
MIB = 1024 * 1024
# ru_maxrss is in KiB on Linux, in bytes on macOS.
MAXRSS_UNIT = 1 if sys.platform == "darwin" else 1024
# Times one CLI run and reports its peak RSS from a fresh, small interpreter: a child's
# ru_maxrss starts at its parent's peak (Linux carries it across fork and exec), and
# RUSAGE_CHILDREN keeps the maximum over every child waited for, so the bench process
# (cleaner imported, texts loaded, earlier runs) must not be the CLI's parent.
# Prints: seconds, ru_maxrss, exit code. The CLI's stderr goes to the file in argv[1].
MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[1], "w") as err:
    code = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=err).returncode
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


@dataclass(frozen=True, slots=True)
class Result:
    """One timed run over a folder of dumps."""

    label: str
    docs: int
    nbytes: int
    seconds: float
    records: int
    peak_rss: int = 0  # bytes; 0 when not measured (the in-process row)

    def row(self) -> str:
        rss = f"{self.peak_rss / MIB:7.1f} MiB" if self.peak_rss else f"{'-':>11}"
        return (f"{self.label:<24} {self.docs:>7,} {self.nbytes / 1e6:6.1f} {self.seconds:8.2f} "
                f"{self.docs / self.seconds:8,.0f} {self.nbytes / 1e6 / self.seconds:6.2f} "
                f"{rss} {self.records:>8,}")


HEADER = (f"{'run':<24} {'dumps':>7} {'MB':>6} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} "
          f"{'peak RSS':>11} {'records':>8}")


def dump_subset(source: Path, n: int, root: Path) -> Path:
    """A folder of n dumps hard-linked from `source` (no copy, no regeneration): its
    first n, or, for more than it holds, each one again under further names."""
    folder = root / f"first_{n}"
    if folder.exists():  # --docs may equal --small
        return folder
    folder.mkdir()
    names = sorted(source.iterdir())
    for i in range(n):
        path = names[i % len(names)]
        os.link(path, folder / (path.name if i < len(names) else f"{i:07d}_{path.name}"))
    return folder


def folder_bytes(folder: Path) -> tuple[int, list[int]]:
    """Total input bytes and each file's size: MB/s counts what the CLI reads."""
    sizes = [p.stat().st_size for p in folder.iterdir()]
    return sum(sizes), sizes


def run_cli(folder: Path, options: list[str], work: Path) -> tuple[float, int, int]:
    """Wall-clock seconds, peak RSS (bytes) and records of one `cleaner clean` run;
    `options` without an output go to -o, with --out-dir their shard files count."""
    out, errors = work / "out.jsonl", work / "stderr.txt"
    target = [] if "--out-dir" in options else ["-o", str(out)]
    cli = [sys.executable, "-m", "cleaner", "clean", str(folder), *target, "-q", *options]
    done = subprocess.run([sys.executable, "-I", "-S", "-c", MEASURE, str(errors), *cli],
                          capture_output=True, text=True, check=True)
    seconds, maxrss, code = done.stdout.split()
    if code != "0":
        raise SystemExit(f"bench: {' '.join(cli)} failed:\n{errors.read_text()[-2000:]}")
    outputs = ([out] if target else
               sorted(Path(options[options.index("--out-dir") + 1]).glob("*.jsonl")))
    records = 0
    for output in outputs:
        with output.open("rb") as fh:
            records += sum(1 for _ in fh)
    return float(seconds), int(maxrss) * MAXRSS_UNIT, records


def bench_cli(folder: Path, jobs: tuple[int, ...], work: Path, repeat: int) -> list[Result]:
    """One row per --jobs value: the best of `repeat` runs, taken in turns so that
    a burst of other load on the machine hits every value alike."""
    docs, nbytes = len(os.listdir(folder)), folder_bytes(folder)[0]
    runs: dict[int, list[tuple[float, int, int]]] = {j: [] for j in jobs}
    for _ in range(repeat):
        for j in jobs:
            runs[j].append(run_cli(folder, ["--jobs", str(j)], work))
    return [Result(f"cleaner clean --jobs {j}", docs, nbytes, min(r[0] for r in runs[j]),
                   runs[j][0][2], max(r[1] for r in runs[j])) for j in jobs]


def bench_executors(folder: Path, work: Path, repeat: int, shards: int = 8) -> None:
    """The same sharded run on the process pool and on a local Dask cluster, both with
    two worker processes: the Dask row includes starting the cluster."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("\ndask: not installed (pip install '.[dask]'); executor comparison skipped")
        return
    docs, nbytes = len(os.listdir(folder)), folder_bytes(folder)[0]
    best: dict[str, tuple[float, int, int]] = {}
    for _ in range(repeat):
        for executor in ("pool", "dask"):
            out = work / f"shards-{executor}"
            shutil.rmtree(out, ignore_errors=True)
            run = run_cli(folder, ["--jobs", "2", "--out-dir", str(out), "--shards", str(shards),
                                   "--executor", executor], work)
            best[executor] = min(best.get(executor, run), run)
    print(f"\nsharded run, {shards} shards, 2 worker processes:")
    print(HEADER)
    for executor, (seconds, rss, records) in best.items():
        print(Result(f"--executor {executor}", docs, nbytes, seconds, records, rss).row())
    print(f"dask-local vs process pool: {best['pool'][0] / best['dask'][0]:.2f}x the throughput")


def bench_in_process(folder: Path, repeat: int) -> Result:
    """clean_text on texts already in memory: the cleaner's own cost, single thread."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]
    clean_text(texts[0])  # rule files load and patterns compile once per process
    best, records = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        records = sum(len(clean_text(text)) for text in texts)
        best = min(best, time.perf_counter() - start)
    return Result("clean_text in-process", len(texts), folder_bytes(folder)[0], best, records)


def bench_html(folder: Path | None, repeat: int) -> None:
    """HTML path: cleaner.clean_html vs plain trafilatura.bare_extraction, timed in this
    process on the same pages, alternating, best of `repeat` runs each."""
    pages = sorted(folder.glob("*.htm*")) if folder and folder.is_dir() else []
    if not pages:
        print("\nhtml path: no pages (pass --html DIR; the dev set's html/ is the default)")
        return
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    data = [page.read_bytes() for page in pages]
    nbytes = sum(map(len, data))
    rules = load_rules()
    runs = {
        "trafilatura (reference)": lambda page: bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=True),
        "trafilatura, no metadata": lambda page: bare_extraction(
            page, with_metadata=False, include_comments=False, include_tables=True),
        "cleaner clean_html": lambda page: clean_html(page, rules=rules),
    }
    for run in runs.values():
        run(data[0])  # warm-up: imports and caches
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for label, run in runs.items():
            start = time.perf_counter()
            for page in data:
                run(page)
            best[label] = min(best[label], time.perf_counter() - start)
    print(f"\nhtml path: {len(data)} pages from {folder}, {nbytes / 1e6:.1f} MB, "
          f"in this process, best of {repeat}")
    print(f"{'run':<26} {'seconds':>8} {'docs/s':>8} {'MB/s':>6}")
    for label, seconds in best.items():
        print(f"{label:<26} {seconds:8.2f} {len(data) / seconds:8.1f} "
              f"{nbytes / 1e6 / seconds:6.2f}")
    ours = best["cleaner clean_html"]
    print(f"cleaner vs trafilatura (reference settings): "
          f"{best['trafilatura (reference)'] / ours:.2f}x as fast; vs trafilatura without "
          f"metadata: {best['trafilatura, no metadata'] / ours:.2f}x")


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}")
    return number


def main() -> None:
    parser = argparse.ArgumentParser(description="Throughput and peak RSS of the text path.")
    parser.add_argument("--docs", type=positive, default=3000,
                        help="dumps for the throughput runs (default: 3000)")
    parser.add_argument("--small", type=positive, default=10000,
                        help="inputs in the smaller peak-RSS run (default: 10000)")
    parser.add_argument("--large", type=positive, default=100000,
                        help="inputs in the larger peak-RSS run (default: 100000; dumps "
                             "are generated up to --small and hard-linked again beyond)")
    parser.add_argument("--repeat", type=positive, default=3,
                        help="throughput runs per row, best kept (default: 3)")
    parser.add_argument("--seed", type=int, default=1, help="dump series (default: 1)")
    parser.add_argument("--html", type=Path, default=DEVSET_HTML,
                        help=f"folder of HTML pages for the HTML section (default: {DEVSET_HTML})")
    args = parser.parse_args()
    if args.large <= args.small:
        parser.error("--large must be more dumps than --small")

    print(f"cleaner bench, text path: Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, "
          f"load average {os.getloadavg()[0]:.2f} at start")
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        root = Path(tmp)
        total = max(args.docs, args.small)
        start = time.perf_counter()
        nbytes = write_dumps(total, root / "all", args.seed)
        print(f"generated {total:,} dumps (seed {args.seed}), {nbytes / 1e6:.1f} MB, "
              f"in {time.perf_counter() - start:.1f} s")
        main_set = dump_subset(root / "all", args.docs, root)
        sizes = folder_bytes(main_set)[1]
        print(f"throughput set: {args.docs:,} dumps, {min(sizes) / 1e3:.1f} / "
              f"{statistics.mean(sizes) / 1e3:.1f} / {max(sizes) / 1e3:.1f} KB "
              f"(min / mean / max)\n")

        print(HEADER)
        print(bench_in_process(main_set, args.repeat).row())
        one, two = bench_cli(main_set, (1, 2), root, args.repeat)
        print(one.row())
        print(two.row())
        small, large = (bench_cli(dump_subset(root / "all", n, root), (2,), root, 1)[0]
                        for n in (args.small, args.large))
        print(small.row())
        print(large.row())
        startup = bench_cli(dump_subset(root / "all", 1, root), (1,), root, 1)[0]
        bench_executors(main_set, root, args.repeat)

    per_dump = (large.peak_rss - small.peak_rss) / (large.docs - small.docs)
    dump_size = large.nbytes / large.docs
    verdict = "streams" if per_dump < STREAMING_SHARE * dump_size else "ACCUMULATES"
    print(f"\njobs 2 vs jobs 1: {one.seconds / two.seconds:.2f}x as fast "
          f"({os.cpu_count()} CPUs)")
    print(f"peak RSS, {small.docs:,} -> {large.docs:,} dumps: {small.peak_rss / MIB:.1f} -> "
          f"{large.peak_rss / MIB:.1f} MiB, {per_dump / 1e3:+.2f} KB per added dump "
          f"(a dump is {dump_size / 1e3:.1f} KB): {verdict}")
    print(f"start-up alone (1 dump): {startup.seconds:.2f} s, peak RSS "
          f"{startup.peak_rss / MIB:.1f} MiB")
    print("seconds: wall clock, best of runs (CLI rows include start-up); MB = 10^6 bytes of "
          "input; peak RSS: largest process of the run, from its rusage")
    bench_html(args.html, 2)
    bench_fetch(args.html, repeat=2)
    bench_hostile()


if __name__ == "__main__":
    main()
