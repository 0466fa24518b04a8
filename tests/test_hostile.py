"""Hostile inputs (issue 7): each bad input is mixed with good ones; the good records must
be written, the bad one reported with a reason, within generous time bounds.

The slow input is made with a rule file whose signature is only polynomially slow (it
passes the backtracking check): a line of 400 digits costs it hours, a normal line
nothing, so it stalls exactly one dump of a batch, whatever the text stages do.
"""

from __future__ import annotations

import base64
import fcntl
import gzip
import io
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest

import cleaner
import cleaner.batch.clean
import cleaner.record
from cleaner.backtracking import backtracking_problem
from cleaner.batch import CleanOptions, PoolSettings, run_batch
from cleaner.batch.workers import imap_limited
from cleaner.errors import DocumentTimeout, InputError, RuleError
from cleaner.io.inputs import iter_inputs, read_input
from cleaner.rules import load_rules
from cleaner.timelimit import time_limit

SLOW_SIGNATURE = "signatures = ['^\\d*\\d*\\d*\\d*\\d*X$']\n"  # a TOML literal string
DIGITS = "1" * 400


# --- helpers ----------------------------------------------------------------------------


def _cli(*args: str, stdin: bytes | None = None, timeout: float = 60,
         stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "cleaner", "clean", *args], input=stdin,
                          stdout=stdout, stderr=subprocess.PIPE, timeout=timeout, check=False)


def _records(data: bytes) -> list[dict]:
    return [orjson.loads(line) for line in data.splitlines()]


def _sources(path: Path) -> list[str]:
    return [r["source"] for r in _records(path.read_bytes())]


@pytest.fixture
def good(tmp_path: Path, samples_dir: Path) -> list[Path]:
    """Three good dumps (one record each) in their own folder, in walk order."""
    folder = tmp_path / "good"
    folder.mkdir()
    names = ("000_eacdd442b5eadf3f.txt", "001_682a5e59e430a017.txt", "003_2666b7082d92f24f.txt")
    paths = []
    for n, name in enumerate(names):
        path = folder / f"{n * 2}_{name}"
        path.write_bytes((samples_dir / name).read_bytes())
        paths.append(path)
    return paths


@pytest.fixture
def slow_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "slow-rules"
    folder.mkdir()
    (folder / "slow.toml").write_text('outlet = "Slow"\n' + SLOW_SIGNATURE, encoding="utf-8")
    return folder


def _slow_dump(path: Path, article_text: str) -> Path:
    path.write_text(article_text + "\n" + DIGITS + "\n", encoding="utf-8")
    return path


def _wait_for(predicate: Callable[[], object], seconds: float = 20) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


# --- 2. time limit per document ---------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_input_over_the_time_limit_is_reported_and_later_records_are_written_in_order(
        tmp_path: Path, good: list[Path], slow_rules: Path, article_text: str, jobs: str) -> None:
    slow = _slow_dump(good[0].parent / "1_slow.txt", article_text)
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    proc = _cli(str(good[0].parent), "--rules", str(slow_rules), "--timeout", "5",
                "--jobs", jobs, "-o", str(out), "-q")
    assert time.monotonic() - started < 30
    assert proc.returncode == 1
    assert f"{slow}: timeout".encode() in proc.stderr
    assert _sources(out) == [str(p) for p in good]  # the ones after it too, in input order


def test_a_worker_past_the_limit_is_replaced_and_the_rest_of_its_share_is_cleaned(
        tmp_path: Path, good: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Several stalls in a row (a block no signal reaches: the worker must be killed)."""
    real = cleaner.batch.clean.clean_one

    def stall_on_odd(item: cleaner.batch.Input) -> cleaner.batch.FileResult:
        if item.source.endswith("stall"):
            threading.Event().wait()  # forever
        return real(item)

    monkeypatch.setattr(cleaner.batch.clean, "clean_one", stall_on_odd)
    sources = [str(good[0]), "a.stall", str(good[1]), "b.stall", str(good[2])]
    log = io.StringIO()
    started = time.monotonic()
    stats = run_batch(sources, str(tmp_path / "out.jsonl"), CleanOptions(),
                      PoolSettings(jobs=1, timeout=3), log=log, progress=False)
    assert time.monotonic() - started < 20
    assert (stats.inputs, stats.failed, stats.articles) == (5, 2, 3)
    assert "a.stall: timeout" in log.getvalue() and "b.stall: timeout" in log.getvalue()
    assert _sources(tmp_path / "out.jsonl") == [str(p) for p in good]


def test_a_worker_that_dies_costs_only_its_input(tmp_path: Path, good: list[Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real = cleaner.batch.clean.clean_one

    def crash(item: cleaner.batch.Input) -> cleaner.batch.FileResult:
        if item.source == "crash":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(item)

    monkeypatch.setattr(cleaner.batch.clean, "clean_one", crash)
    log = io.StringIO()
    stats = run_batch([str(good[0]), "crash", str(good[1])], str(tmp_path / "out.jsonl"),
                      CleanOptions(), PoolSettings(jobs=2), log=log, progress=False)
    assert (stats.failed, stats.articles) == (1, 2)
    assert "crash: internal error: the worker process died (killed by signal 9)" in log.getvalue()


def test_library_time_limit_stops_a_slow_call_and_restores_the_alarm(
        slow_rules: Path, article_text: str) -> None:
    rules = load_rules(slow_rules)
    previous = signal.getsignal(signal.SIGALRM)
    started = time.monotonic()
    with pytest.raises(DocumentTimeout, match="timeout"), time_limit(0.5):
        cleaner.clean_text(article_text + "\n" + DIGITS + "\n", rules=rules)
    assert time.monotonic() - started < 10
    assert signal.getsignal(signal.SIGALRM) is previous
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_limit(5):
        assert cleaner.clean_text(article_text, rules=rules)


def test_clean_text_takes_a_timeout(slow_rules: Path, article_text: str) -> None:
    rules = load_rules(slow_rules)
    with pytest.raises(DocumentTimeout):
        cleaner.clean_text(article_text + "\n" + DIGITS + "\n", rules=rules, timeout=0.5)
    assert cleaner.clean_text(article_text, rules=rules, timeout=5)


def test_library_time_limit_nests_and_needs_the_main_thread() -> None:
    started = time.monotonic()
    # the enclosing, shorter limit still applies
    with pytest.raises(DocumentTimeout) as outer, time_limit(0.3), time_limit(10):
        time.sleep(5)
    assert outer.value.seconds == 0.3 and time.monotonic() - started < 3
    with pytest.raises(DocumentTimeout) as inner, time_limit(10), time_limit(0.2):
        time.sleep(5)
    assert inner.value.seconds == 0.2
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    errors: list[BaseException] = []

    def in_thread() -> None:
        try:
            with time_limit(1):
                pass
        except ValueError as exc:
            errors.append(exc)

    thread = threading.Thread(target=in_thread)
    thread.start()
    thread.join()
    assert errors and "main thread" in str(errors[0])


def test_pool_holds_a_bounded_window_of_results_behind_a_slow_item() -> None:
    pulled: list[int] = []

    def items() -> Iterator[int]:
        for n in range(1000):
            pulled.append(n)
            yield n

    results = imap_limited(_sleep_on_zero, items(), jobs=2, timeout=0, lost=_lost,
                           batch=2, window=8)
    assert next(results) == 0
    assert len(pulled) <= 8 + 2  # the window, not the thousand behind it
    assert list(results) == list(range(1, 1000))


def _sleep_on_zero(n: int) -> int:
    if n == 0:
        time.sleep(1.0)
    return n


def _lost(item: int, reason: str) -> int:
    return -1


# --- 3. rule regexes that cannot hang ---------------------------------------------------


def test_rules_check_and_clean_refuse_a_catastrophic_regex_naming_file_and_key(
        tmp_path: Path, good: list[Path]) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    bad = rules / "bad.toml"
    bad.write_text('outlet = "Bad"\n[[lines]]\nid = "x"\ncategory = "banner"\n'
                   "pattern = '^(a+)+$'\n", encoding="utf-8")
    started = time.monotonic()
    check = subprocess.run([sys.executable, "-m", "cleaner", "rules", "check", str(rules)],
                           capture_output=True, timeout=60, check=False)
    assert check.returncode == 1
    fail = check.stdout.decode()
    assert f"FAIL {bad}: lines[0].pattern:" in fail and "'^(a+)+$'" in fail
    assert "exponential time" in fail
    proc = _cli(str(good[0]), "--rules", str(rules))
    assert proc.returncode == 2 and b"lines[0].pattern" in proc.stderr
    assert time.monotonic() - started < 20
    with pytest.raises(RuleError, match="nested quantifiers"):
        load_rules(rules)


@pytest.mark.parametrize("pattern", [
    r"^(a+)+$", r"(\s*\w+)*$", r"(\w+,?)+$", r"(a|aa)+$", r"(x\d+\d*y)+$", r"(?i)(A+a)+$",
    r"(.*)+x", r"(?:x(?:a|a)y)+z",
])
def test_backtracking_check_refuses(pattern: str) -> None:
    import re

    assert backtracking_problem(re.compile(pattern, re.MULTILINE))


@pytest.mark.parametrize("pattern", [
    r"^(\w+\s)+$", r"(?:[^,]+,)*x", r"(and|or|the)+", r"^(a++)+$", r"^(?>a+)+$",
    r"(\d+\.)+\d+", r"^Read more: (?:[A-Z][\w'-]*|and|as)(?: (?:[A-Z][\w'-]*|a|and|as))+$",
])
def test_backtracking_check_accepts(pattern: str) -> None:
    import re

    assert backtracking_problem(re.compile(pattern, re.MULTILINE)) is None


# --- 4. nothing serialisation can break --------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_non_utf8_and_control_character_file_names_are_kept_and_printed_safely(
        tmp_path: Path, good: list[Path], jobs: str) -> None:
    folder = os.fsencode(good[0].parent)
    latin = folder + b"/1_caf\xe9.txt"
    with open(latin, "wb") as fh:
        fh.write(good[1].read_bytes())
    with open(folder + b"/1_empty\xff.txt", "wb"):
        pass
    (good[0].parent / "1_z\x1b[31mred\nname.txt").write_bytes(good[2].read_bytes())
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    proc = _cli(os.fsdecode(folder), "--jobs", jobs, "-o", str(out), "--errors", str(errors),
                "-q")
    assert proc.returncode == 1
    records = _records(out.read_bytes())  # orjson: every line is valid UTF-8 JSON
    assert len(records) == 5
    [named] = [r for r in records if r["source_bytes"]]
    assert named["source"].endswith("1_caf\\xe9.txt")
    assert base64.b64decode(named["source_bytes"]) == latin
    assert any(r["source"].endswith("1_z\x1b[31mred\nname.txt") for r in records)
    [error] = _records(errors.read_bytes())
    assert error["error"] == "empty input"
    assert base64.b64decode(error["source_bytes"]) == folder + b"/1_empty\xff.txt"
    assert b"1_empty\\xff.txt: empty input" in proc.stderr
    assert b"\x1b" not in proc.stderr and b"\xff" not in proc.stderr


def test_lone_surrogate_in_a_library_string_serialises(article_text: str) -> None:
    [article] = cleaner.clean_text(article_text.replace("voted", "voted \ud800"),
                                   source="dump\udce9.txt")
    record = orjson.loads(article.to_json())
    assert "\ufffd" in record["body"]
    assert record["source"] == "dump\\xe9.txt"
    assert base64.b64decode(record["source_bytes"]) == b"dump\xe9.txt"


def test_an_error_while_serialising_one_input_is_that_inputs_error(
        tmp_path: Path, good: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    real = cleaner.batch.clean.json_line

    def broken(record: dict) -> bytes:
        if str(record.get("source")).endswith(good[1].name):
            raise ValueError("cannot serialise")
        return real(record)

    monkeypatch.setattr(cleaner.batch.clean, "json_line", broken)
    log = io.StringIO()
    stats = run_batch([str(p) for p in good], str(tmp_path / "out.jsonl"), CleanOptions(),
                      PoolSettings(jobs=2), log=log, progress=False)
    assert (stats.failed, stats.articles) == (1, 2)
    assert f"{good[1]}: internal error: ValueError: cannot serialise" in log.getvalue()


# --- 5. bounded reading ------------------------------------------------------------------


def test_a_device_a_pipe_and_stdin_over_the_limit_are_refused_after_the_limit(
        tmp_path: Path, good: list[Path]) -> None:
    fifo = tmp_path / "big.fifo"
    os.mkfifo(fifo)

    def flood() -> None:
        with open(fifo, "wb") as fh, __import__("contextlib").suppress(BrokenPipeError):
            for _ in range(64):
                fh.write(b"a" * 65536)

    writer = threading.Thread(target=flood, daemon=True)
    writer.start()
    out = tmp_path / "out.jsonl"
    proc = _cli(str(good[0]), "/dev/zero", str(fifo), "-", str(good[1]), "--max-bytes",
                "100000", "-o", str(out), stdin=b"b" * 200_000, timeout=60)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert "/dev/zero: input is over the 97.7 KiB limit (--max-bytes)" in err
    assert f"{fifo}: input is over the 97.7 KiB limit" in err
    assert "-: standard input is over the 97.7 KiB limit" in err
    assert _sources(out) == [str(good[0]), str(good[1])]


def test_a_huge_max_bytes_reserves_nothing_up_front(tmp_path: Path, good: list[Path]) -> None:
    packed = tmp_path / "packed.txt.gz"
    packed.write_bytes(gzip.compress(good[1].read_bytes()))
    out = tmp_path / "out.jsonl"
    proc = _cli(str(good[0]), str(packed), "-", "--max-bytes", "100000000000", "--jobs", "2",
                "-o", str(out), stdin=good[2].read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    assert _sources(out) == [str(good[0]), str(packed), "-"]


def test_read_input_reads_a_device_only_to_the_limit() -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match="over the"):
        read_input("/dev/zero", max_bytes=5_000_000)
    assert time.monotonic() - started < 5


def test_fifos_and_devices_in_a_folder_are_skipped_with_a_message(
        tmp_path: Path, good: list[Path]) -> None:
    os.mkfifo(good[0].parent / "1_nobody_writes.txt")
    (good[0].parent / "3_zero.txt").symlink_to("/dev/zero")
    skipped: list[tuple[str, str]] = []
    found = list(iter_inputs([str(good[0].parent)], lambda p, why: skipped.append((p, why))))
    assert found == [str(p) for p in good]
    assert [why for _, why in skipped] == [
        "skipped: a FIFO (named pipe), not a regular file",
        "skipped: a device, not a regular file"]
    out = tmp_path / "out.jsonl"
    proc = _cli(str(good[0].parent), "-o", str(out), "-q", timeout=30)
    assert proc.returncode == 0
    assert b"1_nobody_writes.txt: skipped: a FIFO" in proc.stderr
    assert _sources(out) == [str(p) for p in good]


def test_stdin_is_read_with_any_number_of_jobs(tmp_path: Path, good: list[Path]) -> None:
    one = _cli(str(good[0]), "-", "-q", "--jobs", "1", stdin=good[1].read_bytes())
    two = _cli(str(good[0]), "-", "-q", "--jobs", "2", stdin=good[1].read_bytes())
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert [r["source"] for r in _records(two.stdout)] == [str(good[0]), "-"]


# --- 6. never touch inputs ---------------------------------------------------------------


@pytest.mark.parametrize("case", ["output is an input", "errors is an input",
                                  "output links to an input", "output would be walked",
                                  "errors would be walked"])
def test_an_output_that_is_or_would_become_an_input_is_refused_before_any_work(
        tmp_path: Path, good: list[Path], case: str) -> None:
    folder = good[0].parent
    before = {p: p.read_bytes() for p in good}
    link = tmp_path / "link.jsonl"
    link.symlink_to(good[1])
    flag, target, inputs = {
        "output is an input": ("-o", good[1], [str(good[1]), str(good[0])]),
        "errors is an input": ("--errors", good[1], [str(folder)]),
        "output links to an input": ("-o", link, [str(good[1])]),
        "output would be walked": ("-o", folder / "sub" / "out.txt", [str(folder)]),
        "errors would be walked": ("--errors", folder / "errors.html", [str(folder)]),
    }[case]
    proc = _cli(*inputs, flag, str(target))
    assert proc.returncode == 2
    assert f"cleaner: {flag} {target}:".encode() in proc.stderr
    assert {p: p.read_bytes() for p in good} == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in good)


def test_an_output_beside_the_inputs_that_the_walk_skips_is_allowed(
        good: list[Path]) -> None:
    out = good[0].parent / "out.jsonl"
    for _ in range(2):  # the rerun does not read its own output back
        proc = _cli(str(good[0].parent), "-o", str(out), "-q")
        assert proc.returncode == 0
        assert _sources(out) == [str(p) for p in good]


def test_a_symlinked_output_is_written_through_and_devices_in_place(
        tmp_path: Path, good: list[Path]) -> None:
    target = tmp_path / "real.jsonl"
    target.write_bytes(b"old\n")
    link = tmp_path / "out.jsonl"
    link.symlink_to(target.name)
    proc = _cli(str(good[0]), "-o", str(link), "-q")
    assert proc.returncode == 0
    assert link.is_symlink() and os.readlink(link) == target.name
    assert _sources(target) == [str(good[0])]
    proc = _cli(str(good[0]), "-o", "/dev/null", "-q", "--errors", "/dev/null")
    assert proc.returncode == 0 and Path("/dev/null").is_char_device()


def test_errors_dash_writes_json_lines_to_stderr(tmp_path: Path, good: list[Path]) -> None:
    empty = good[0].parent / "1_empty.txt"
    empty.write_bytes(b"")
    proc = _cli(str(good[0].parent), "--errors", "-", "-q", "-o", str(tmp_path / "o.jsonl"))
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == [
        orjson.dumps({"source": str(empty), "error": "empty input"}).decode()]


# --- 7. signals and leftovers ------------------------------------------------------------


def _start(tmp_path: Path, good: list[Path], slow_rules: Path, article_text: str,
           jobs: str) -> tuple[subprocess.Popen[bytes], Path]:
    """A run that stalls on its second input, its output holding an earlier result."""
    slow = _slow_dump(good[0].parent / "1_slow.txt", article_text)
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id":"previous"}\n')
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "clean", str(good[0]), str(slow), str(good[1]),
         "--rules", str(slow_rules), "--jobs", jobs, "-o", str(out), "--timeout", "120"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    assert _wait_for(lambda: _parts(tmp_path)), "the run never started writing"
    time.sleep(0.5)  # into the slow input
    return proc, out


def _parts(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_keeps_the_previous_output_removes_the_temporary_file_and_exits_143(
        tmp_path: Path, good: list[Path], slow_rules: Path, article_text: str,
        jobs: str) -> None:
    proc, out = _start(tmp_path, good, slow_rules, article_text, jobs)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143
    assert b"cleaner: terminated; output left as it was" in err
    assert b"Traceback" not in err
    assert out.read_bytes() == b'{"id":"previous"}\n'
    assert _parts(tmp_path) == []


def test_ctrl_c_with_two_jobs_prints_no_worker_traceback(
        tmp_path: Path, good: list[Path], slow_rules: Path, article_text: str) -> None:
    proc, out = _start(tmp_path, good, slow_rules, article_text, "2")
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal does: the whole group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert b"interrupted; output left as it was" in err and b"Traceback" not in err
    assert out.read_bytes() == b'{"id":"previous"}\n' and _parts(tmp_path) == []


def test_a_killed_runs_temporary_file_is_removed_by_the_next_run_but_a_live_ones_is_not(
        tmp_path: Path, good: list[Path], slow_rules: Path, article_text: str) -> None:
    proc, out = _start(tmp_path, good, slow_rules, article_text, "2")
    proc.kill()
    proc.communicate(timeout=30)
    [stale] = _parts(tmp_path)
    live = tmp_path / ".cleaner-out.jsonl.0123abcd.part"  # another run, still writing
    with open(live, "wb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        proc = _cli(str(good[0]), "-o", str(out), "-q")
        assert proc.returncode == 0
        assert _parts(tmp_path) == [live.name]
    assert stale != live.name
    assert _sources(out) == [str(good[0])]


# --- 8. decoding that never garbles silently ---------------------------------------------


def test_utf8_with_a_few_stray_bytes_stays_utf8_and_the_bytes_are_counted(
        tmp_path: Path, good: list[Path]) -> None:
    text = good[1].read_text(encoding="utf-8")
    assert "Trump’s" in text
    lines = text.split("\n")
    for n in [n for n, line in enumerate(lines) if " " in line][2:7]:
        lines[n] = lines[n].replace(" ", " \xa7 ", 1)  # five paragraphs, a stray byte each
    stray = tmp_path / "stray.txt"
    stray.write_bytes("\n".join(lines).encode("utf-8").replace("\xa7".encode(), b"\xe9"))
    out = tmp_path / "out.jsonl"
    proc = _cli(str(good[0]), str(stray), "-o", str(out), "-q")
    assert proc.returncode == 0
    assert f"{stray}: warning: 5 bytes not valid UTF-8 replaced by U+FFFD".encode() in \
        proc.stderr
    [_, record] = _records(out.read_bytes())
    assert "Trump’s" in record["body"] and record["body"].count("\ufffd") <= 5


def test_a_declared_charset_that_cannot_be_right_is_ignored(tmp_path: Path,
                                                             good: list[Path]) -> None:
    paragraph = ("Le conseil municipal a voté mardi une hausse du budget des écoles, "
                 "a déclaré la maire à la presse après une longue séance. ")
    page = tmp_path / "page.html"
    page.write_bytes((
        '<html><head><meta charset="utf-16"><title>Budget des écoles</title></head><body>'
        f"<article><h1>Budget des écoles</h1><p>{paragraph * 3}</p><p>{paragraph * 2}</p>"
        "</article></body></html>").encode("latin-1"))
    out = tmp_path / "out.jsonl"
    proc = _cli(str(good[0]), str(page), "-o", str(out), "-q")
    assert proc.returncode == 0, proc.stderr.decode()
    [_, record] = _records(out.read_bytes())
    assert "voté mardi une hausse du budget des écoles" in record["body"]


def test_text_that_decodes_to_noise_is_reported(tmp_path: Path, good: list[Path]) -> None:
    noisy = tmp_path / "noisy.txt"  # a UTF-16 byte-order mark before Latin-1 text
    data = b"\xff\xfe" + good[0].read_text(encoding="utf-8").encode("latin-1", "replace")
    noisy.write_bytes(data + b" " * (len(data) % 2))
    proc = _cli(str(good[0]), str(noisy), "-o", str(tmp_path / "out.jsonl"), "-q")
    [line] = proc.stderr.decode().splitlines()
    assert line.startswith(f"cleaner: {noisy}: ")
    assert "may be garbled" in line or "reads as noise" in line
    assert _sources(tmp_path / "out.jsonl")[0] == str(good[0])


# --- 9. output errors --------------------------------------------------------------------


def test_a_full_device_gives_one_line_and_exit_3(good: list[Path]) -> None:
    proc = _cli(str(good[0]), str(good[1]), "-o", "/dev/full", "-q")
    assert proc.returncode == 3
    assert proc.stderr == b"cleaner: cannot write /dev/full: No space left on device\n"
    with open("/dev/full", "wb") as full:
        proc = _cli(str(good[0]), "-q", stdout=full)
    assert proc.returncode == 3
    assert proc.stderr == b"cleaner: cannot write standard output: No space left on device\n"


def test_an_unwritable_output_is_refused_before_the_work_starts(
        tmp_path: Path, good: list[Path], slow_rules: Path, article_text: str) -> None:
    slow = _slow_dump(tmp_path / "slow.txt", article_text)
    started = time.monotonic()
    proc = _cli(str(slow), "--rules", str(slow_rules), "-o", str(good[0] / "out.jsonl"))
    assert time.monotonic() - started < 20  # the slow input was never read
    assert proc.returncode == 3
    assert proc.stderr.startswith(f"cleaner: cannot write {good[0] / 'out.jsonl'}: ".encode())
    assert proc.stderr.count(b"\n") == 1


def test_an_output_naming_a_folder_is_a_usage_error(tmp_path: Path, good: list[Path]) -> None:
    proc = _cli(str(good[0]), "-o", str(tmp_path / "missing") + "/")
    assert proc.returncode == 2 and b"is a folder, expected a file" in proc.stderr
    assert not (tmp_path / "missing").exists()
