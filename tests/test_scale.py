"""Batch at scale: sharded runs that resume, --shard K/N by hand, the Dask executor,
unordered output and worker recycling."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from cleaner.batch.shards import shard_of
from cleaner.batch.workers import imap_limited

SHARDS = 3
SLOW_RULE = "outlet = \"Slow\"\nsignatures = ['^\\d*\\d*\\d*\\d*\\d*X$']\n"  # backtracks on digits
DIGITS = "1" * 400


@pytest.fixture
def folder(tmp_path: Path, samples_dir: Path) -> Path:
    """Copies of four samples under names chosen so that every shard holds some."""
    folder = tmp_path / "in"
    folder.mkdir()
    samples = sorted(samples_dir.glob("*.txt"))[:4]
    counts = dict.fromkeys(range(1, SHARDS + 1), 0)
    for copy in range(200):
        sample = samples[copy % len(samples)]
        path = folder / f"{copy}_{sample.name}"
        shard = shard_of(str(path), SHARDS)
        if counts[shard] < 4:
            path.write_bytes(sample.read_bytes())
            counts[shard] += 1
    assert set(counts.values()) == {4}
    return folder


def _records(*files: Path) -> list[dict]:
    return [orjson.loads(line) for path in files for line in path.read_bytes().splitlines()]


def _shard_files(out: Path) -> list[Path]:
    return sorted(out.glob("part-*.jsonl"))


def test_shards_hold_every_input_once_and_a_rerun_skips_them(
        tmp_path: Path, folder: Path, run_cli) -> None:
    single = tmp_path / "single.jsonl"
    assert run_cli("clean", str(folder), "-o", str(single), "-q").code == 0
    out = tmp_path / "out"
    assert run_cli("clean", str(folder), "--out-dir", str(out), "--shards", str(SHARDS),
                   "-q").code == 0
    files = _shard_files(out)
    assert [p.name for p in files] == [f"part-0000{k}-of-00003.jsonl" for k in (1, 2, 3)]
    assert sorted(out.glob("*.done")) == [p.with_suffix(".done") for p in files]
    by_shard = [_records(p) for p in files]
    for shard, records in enumerate(by_shard, 1):
        assert records and all(shard_of(r["source"], SHARDS) == shard for r in records)
    assert sorted(map(orjson.dumps, _records(*files))) == sorted(
        map(orjson.dumps, _records(single)))
    marker = orjson.loads((out / "part-00002-of-00003.done").read_bytes())
    assert (marker["shard"], marker["shards"], marker["paths"]) == (2, 3, [str(folder)])
    assert marker["articles"] == len(by_shard[1])

    before = {p: p.stat().st_mtime_ns for p in files}
    rerun = run_cli("clean", str(folder), "--out-dir", str(out), "--shards", str(SHARDS))
    assert rerun.code == 0 and "3 of 3 shards already finished" in rerun.err
    assert {p: p.stat().st_mtime_ns for p in files} == before


def test_shard_k_of_n_by_hand_gives_the_same_files(tmp_path: Path, folder: Path,
                                                    run_cli) -> None:
    whole, by_hand = tmp_path / "whole", tmp_path / "by-hand"
    run_cli("clean", str(folder), "--out-dir", str(whole), "--shards", "3", "-q")
    for k in (3, 1, 2):
        assert run_cli("clean", str(folder), "--out-dir", str(by_hand), "--shard", f"{k}/3",
                       "--gzip", "-q").code == 0
    for k in (1, 2, 3):
        name = f"part-0000{k}-of-00003"
        assert gzip.decompress((by_hand / f"{name}.jsonl.gz").read_bytes()) == \
            (whole / f"{name}.jsonl").read_bytes()


@pytest.mark.parametrize(("extra", "message"), [
    (["--shards", "2"], "--shards needs --out-dir"),
    (["--executor", "dask"], "--executor dask needs --out-dir"),
    (["--out-dir", "{out}", "-o", "{tmp}/x.jsonl"], "-o and --out-dir: give one"),
    (["--out-dir", "{out}", "--dedup"], "--dedup works on one output"),
    (["--out-dir", "{out}", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --executor"),
    (["--out-dir", "{out}", "--shard", "2/3", "--shards", "4"], "disagree"),
    (["--out-dir", "{tmp}/in/0_000_eacdd442b5eadf3f.txt"], "is not a folder"),
])
def test_sharding_options_that_cannot_work_are_refused(
        tmp_path: Path, folder: Path, run_cli, extra: list[str], message: str) -> None:
    argv = [arg.format(out=tmp_path / "out", tmp=tmp_path) for arg in extra]
    result = run_cli("clean", str(folder), *argv)
    assert result.code == 2 and message in result.err
    assert not (tmp_path / "out").exists()


def test_a_folder_holding_another_runs_shards_is_refused(tmp_path: Path, folder: Path,
                                                        samples_dir: Path, run_cli) -> None:
    out = tmp_path / "out"
    run_cli("clean", str(folder), "--out-dir", str(out), "--shards", "2", "-q")
    other_count = run_cli("clean", str(folder), "--out-dir", str(out), "--shards", "3")
    assert other_count.code == 2 and "a run with --shards 2" in other_count.err
    other_inputs = run_cli("clean", str(samples_dir), "--out-dir", str(out), "--shards", "2")
    assert other_inputs.code == 2 and "a run over other inputs" in other_inputs.err


def _slow_corpus(folder: Path, article: str) -> None:
    """Slow inputs (each stalls until the time limit) in every shard but the first,
    so that a run is still busy when the first shard's marker appears."""
    slow_in = {shard_of(str(folder / f"slow{n}.txt"), SHARDS): n for n in range(40)}
    for shard in range(2, SHARDS + 1):
        (folder / f"slow{slow_in[shard]}.txt").write_text(f"{article}\n{DIGITS}\n")


def test_a_killed_sharded_run_resumes_with_one_record_per_article(
        tmp_path: Path, folder: Path, article_text: str, run_cli) -> None:
    single = tmp_path / "single.jsonl"
    run_cli("clean", str(folder), "-o", str(single), "-q")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "slow.toml").write_text(SLOW_RULE)
    _slow_corpus(folder, article_text)
    out = tmp_path / "out"
    argv = [sys.executable, "-m", "cleaner", "clean", str(folder), "--out-dir", str(out),
            "--shards", str(SHARDS), "--rules", str(rules), "--timeout", "4"]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    end = time.monotonic() + 60
    while not list(out.glob("*.done")) and time.monotonic() < end and proc.poll() is None:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # a crash: no clean-up of any kind
    proc.communicate()
    assert [p.name for p in out.glob("*.done")] == ["part-00001-of-00003.done"]
    assert [p.name for p in _shard_files(out)] == ["part-00001-of-00003.jsonl"]
    _records(*_shard_files(out))  # whole lines only

    resumed = subprocess.run(argv, capture_output=True, timeout=120)
    assert resumed.returncode == 1  # the slow inputs time out, and are reported
    assert b"1 of 3 shards already finished" in resumed.stderr
    assert resumed.stderr.count(b": timeout") == SHARDS - 1
    resumed_records = sorted(map(orjson.dumps, _records(*_shard_files(out))))
    assert resumed_records == sorted(map(orjson.dumps, _records(single)))  # each article once
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_unordered_output_holds_the_same_records(tmp_path: Path, folder: Path,
                                                 run_cli) -> None:
    ordered, unordered = tmp_path / "ordered.jsonl", tmp_path / "unordered.jsonl"
    run_cli("clean", str(folder), "-o", str(ordered), "--jobs", "2", "-q")
    run_cli("clean", str(folder), "-o", str(unordered), "--jobs", "2", "--unordered", "-q")
    assert sorted(ordered.read_bytes().splitlines()) == \
        sorted(unordered.read_bytes().splitlines())


def _pid(item: int) -> tuple[int, int]:
    return item, os.getpid()


def _lost(item: int, reason: str) -> tuple[int, int]:
    return item, -1


@pytest.mark.parametrize("ordered", [True, False])
def test_workers_are_recycled_after_n_items(ordered: bool) -> None:
    results = list(imap_limited(_pid, range(40), jobs=2, timeout=0, lost=_lost, batch=2,
                                recycle=4, ordered=ordered))
    assert sorted(item for item, _ in results) == list(range(40))
    if ordered:
        assert [item for item, _ in results] == list(range(40))
    pids = [pid for _, pid in results]
    assert -1 not in pids
    assert len(set(pids)) >= 40 // 4 - 1  # a fresh process at least every four items
    assert max(pids.count(pid) for pid in set(pids)) <= 4 + 2  # at most one share more


def test_the_dask_executor_writes_the_same_shards_as_the_process_pool(
        tmp_path: Path, folder: Path, article_text: str) -> None:
    pytest.importorskip("distributed", reason="the [dask] extra is not installed")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "slow.toml").write_text(SLOW_RULE)
    (folder / "stalls.txt").write_text(f"{article_text}\n{DIGITS}\n")
    runs = {}
    for executor in ("pool", "dask"):
        out = tmp_path / executor
        result = subprocess.run(
            [sys.executable, "-m", "cleaner", "clean", str(folder), "--out-dir", str(out),
             "--shards", str(SHARDS), "--executor", executor, "--jobs", "2",
             "--rules", str(rules), "--timeout", "3"],
            capture_output=True, timeout=180)
        assert result.returncode == 1, result.stderr.decode()
        assert f"{folder / 'stalls.txt'}: timeout".encode() in result.stderr
        runs[executor] = {p.name: p.read_bytes() for p in _shard_files(out)}
    assert len(runs["pool"]) == SHARDS and runs["dask"] == runs["pool"]
