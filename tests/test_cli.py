"""Command line: the `cleaner clean` / `cleaner rules check` contract of DESIGN.md."""

from __future__ import annotations

import codecs
import gzip
import os
import stat
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

import cleaner.batch.clean
import cleaner.batch.run
from cleaner import RECORD_FIELDS
from cleaner.cli import main
from cleaner.io.output import JsonlWriter
from cleaner.io.text import normalise
from cleaner.rules import BUILTIN_RULES_DIR

from seedlib import load_expected, sample_files

MOSCOW_TIMES_SAMPLE = "000_eacdd442b5eadf3f.txt"  # ends with the site's donation appeal


def _records(data: bytes | str) -> list[dict]:
    if isinstance(data, str):
        data = data.encode()
    return [orjson.loads(line) for line in data.splitlines()]


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _python_m_cleaner(*args: str, stdin: bytes | None = None,
                      cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "cleaner", *args], input=stdin,
                          capture_output=True, cwd=cwd, timeout=60, check=False)


@pytest.fixture
def corpus(tmp_path: Path, samples_dir: Path, article_text: str) -> Path:
    """~30 dumps: the samples in several encodings (same articles), five distinct
    synthetic articles, and two inputs that fail."""
    folder = tmp_path / "corpus"
    for sample in sorted(samples_dir.glob("*.txt")):
        data = sample.read_bytes()
        text = data.decode("utf-8")
        _write(folder / f"a_{sample.name}", data)
        _write(folder / f"b_{sample.stem}_crlf.txt", text.replace("\n", "\r\n").encode())
        _write(folder / "nested" / f"c_{sample.stem}_utf16.txt", text.encode("utf-16"))
        _write(folder / f"d_{sample.name}.gz", gzip.compress(data))
    for n in range(5):
        _write(folder / "synthetic" / f"s{n}.txt",
               article_text.replace("Harbour Council", f"Harbour Council No. {n}"))
    _write(folder / "e_empty.txt", b"")
    _write(folder / "f_photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    return folder


# --- records ------------------------------------------------------------------------------


def test_clean_dir_writes_one_record_per_line_with_the_design_fields(
        tmp_path: Path, samples_dir: Path, run_cli) -> None:
    out = tmp_path / "out.jsonl"
    result = run_cli("clean", str(samples_dir), "-o", str(out))
    assert result.code == 0
    assert result.out == ""
    raw = out.read_bytes()
    assert raw.endswith(b"\n")
    records = _records(raw)
    inputs = [str(samples_dir / name) for name in sample_files()]
    assert len(records) > len(inputs)  # seed 002 holds several articles
    assert sorted({r["source"] for r in records}) == inputs
    for record in records:
        assert tuple(record) == RECORD_FIELDS
        assert isinstance(record["id"], str) and record["id"]
        assert isinstance(record["headline"], str) and record["headline"]
        assert isinstance(record["body"], str) and record["body"]
        assert isinstance(record["captions"], list) and isinstance(record["authors"], list)
        assert record["url"] is None  # no URL known for the samples
        assert record["language"] == "en"  # detected: a text dump declares none
        for removal in record["removed"]:
            assert set(removal) == {"rule", "category", "chars"}
            assert isinstance(removal["chars"], int) and removal["chars"] > 0
        assert record["removed_text"] == []  # only with --explain
    assert len({r["id"] for r in records}) == len(records)


def test_output_to_dash_and_default_output_both_go_to_stdout(
        tmp_path: Path, samples_dir: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.jsonl"
    to_file = run_cli("clean", str(samples_dir), "-o", str(out), "-q")
    dash = run_cli("clean", str(samples_dir), "-o", "-", "-q")
    default = run_cli("clean", str(samples_dir), "-q")
    assert to_file.code == dash.code == default.code == 0
    assert dash.out.encode() == default.out.encode() == out.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no file named "-"


def test_url_option_sets_url_and_outlet_from_rule_file_domains(
        tmp_path: Path, run_cli, article_text: str) -> None:
    path = _write(tmp_path / "a.txt", article_text)
    url = "https://www.themoscowtimes.com/2025/05/12/ferry-timetable-a1234"
    result = run_cli("clean", str(path), "--url", url, "-q")
    [record] = _records(result.out)
    assert record["url"] == url
    assert record["outlet"] == "The Moscow Times"


def test_url_header_line_sets_url_and_stays_out_of_the_body(
        tmp_path: Path, run_cli, article_text: str) -> None:
    url = "https://www.themoscowtimes.com/2025/05/12/ferry-timetable-a1234"
    path = _write(tmp_path / "a.txt", f"URL: {url}\n\n{article_text}")
    [record] = _records(run_cli("clean", str(path), "-q").out)
    assert record["url"] == url
    assert record["outlet"] == "The Moscow Times"
    assert record["headline"] == "Harbour Council Approves New Ferry Timetable"
    assert "URL:" not in record["body"] and url not in record["body"]
    assert record["body"].startswith("The harbour council voted on Tuesday")


# --- exit codes and error reporting ---------------------------------------------------------


def test_exit_code_0_when_every_input_is_cleaned(samples_dir: Path, run_cli) -> None:
    assert run_cli("clean", str(samples_dir), "-q").code == 0


def test_exit_code_1_when_some_inputs_fail_and_the_good_ones_are_still_written(
        tmp_path: Path, run_cli, article_text: str) -> None:
    good = _write(tmp_path / "in" / "good.txt", article_text)
    _write(tmp_path / "in" / "empty.txt", b"")
    out = tmp_path / "out.jsonl"
    result = run_cli("clean", str(tmp_path / "in"), "-o", str(out), "-q")
    assert result.code == 1
    assert [r["source"] for r in _records(out.read_bytes())] == [str(good)]


def test_failed_input_is_reported_on_stderr_with_path_and_reason(
        tmp_path: Path, run_cli, article_text: str) -> None:
    _write(tmp_path / "in" / "good.txt", article_text)
    empty = _write(tmp_path / "in" / "empty.txt", b"")
    result = run_cli("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl"))
    assert result.code == 1
    [line] = [line for line in result.err.splitlines() if str(empty) in line]
    assert "empty" in line.replace(str(empty), "")


def test_subprocess_reports_failed_input_on_stderr_and_exits_1(
        tmp_path: Path, article_text: str) -> None:
    good = _write(tmp_path / "good.txt", article_text)
    broken = _write(tmp_path / "broken.txt.gz", b"not gzip at all\n")
    proc = _python_m_cleaner("clean", str(good), str(broken))
    assert proc.returncode == 1
    assert [r["source"] for r in _records(proc.stdout)] == [str(good)]
    err = proc.stderr.decode()
    assert any(str(broken) in line and "gzip" in line for line in err.splitlines()), err
    assert "Traceback" not in err


def test_errors_file_gets_one_json_line_per_failed_input(
        tmp_path: Path, run_cli, article_text: str) -> None:
    src = tmp_path / "in"
    _write(src / "a.txt", article_text)
    empty = _write(src / "b.txt", b"")
    binary = _write(src / "c.txt", b"\x00\x01\x02\x03" * 100)
    errors = tmp_path / "errors.jsonl"
    result = run_cli("clean", str(src), "-o", str(tmp_path / "out.jsonl"),
                     "--errors", str(errors), "-q")
    assert result.code == 1
    lines = _records(errors.read_bytes())
    assert [e["source"] for e in lines] == [str(empty), str(binary)]
    assert all(set(e) == {"source", "error"} and e["error"] for e in lines)


def test_errors_file_is_empty_when_nothing_fails(
        tmp_path: Path, samples_dir: Path, run_cli) -> None:
    errors = tmp_path / "errors.jsonl"
    assert run_cli("clean", str(samples_dir), "--errors", str(errors), "-q").code == 0
    assert errors.read_bytes() == b""


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["clean"],
        ["clean", "x.txt", "--bogus"],
        ["clean", "x.txt", "--jobs", "0"],
        ["clean", "x.txt", "--jobs", "two"],
        ["clean", "x.txt", "--max-bytes", "-5"],
        ["clean", "x.txt", "--format", "pdf"],
        ["rules"],
        ["frobnicate"],
    ],
    ids=lambda argv: " ".join(argv) or "(none)",
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_stdin_given_twice_is_a_usage_error(run_cli) -> None:
    result = run_cli("clean", "-", "-")
    assert result.code == 2
    assert "-" in result.err


def test_broken_rule_file_via_rules_option_exits_2_before_cleaning(
        tmp_path: Path, run_cli, article_text: str) -> None:
    rules = tmp_path / "rules"
    _write(rules / "broken.toml", 'outlet = "Broken"\ndomains = "broken.example"\n')
    src = _write(tmp_path / "a.txt", article_text)
    out = tmp_path / "out.jsonl"
    result = run_cli("clean", str(src), "--rules", str(rules), "-o", str(out))
    assert result.code == 2
    assert str(rules / "broken.toml") in result.err and "domains" in result.err
    assert not out.exists()


def test_missing_rules_folder_exits_2(tmp_path: Path, run_cli, article_text: str) -> None:
    src = _write(tmp_path / "a.txt", article_text)
    result = run_cli("clean", str(src), "--rules", str(tmp_path / "no-such-rules"))
    assert result.code == 2
    assert "no-such-rules" in result.err


def test_output_path_that_is_a_directory_is_a_usage_error(
        tmp_path: Path, run_cli, article_text: str) -> None:
    src = _write(tmp_path / "in" / "a.txt", article_text)
    (tmp_path / "out").mkdir()
    result = run_cli("clean", str(src), "-o", str(tmp_path / "out"))
    assert result.code == 2
    assert str(tmp_path / "out") in result.err


def test_errors_file_in_a_missing_folder_does_not_crash(
        tmp_path: Path, run_cli, article_text: str) -> None:
    src = _write(tmp_path / "a.txt", article_text)
    errors = tmp_path / "logs" / "errors.jsonl"
    result = run_cli("clean", str(src), "--errors", str(errors), "-q")
    assert result.code == 2 or (result.code == 0 and errors.exists())


# --- determinism, reruns, duplicates, interruption ----------------------------------------


def test_jobs_2_gives_byte_identical_output_to_jobs_1(tmp_path: Path, corpus: Path,
                                                      run_cli) -> None:
    runs = {}
    for jobs in ("1", "2"):
        out, errors = tmp_path / f"out{jobs}.jsonl", tmp_path / f"errors{jobs}.jsonl"
        result = run_cli("clean", str(corpus), "-o", str(out), "--errors", str(errors),
                         "--jobs", jobs, "-q")
        assert result.code == 1  # the empty and the binary input
        runs[jobs] = (out.read_bytes(), errors.read_bytes())
    assert runs["1"] == runs["2"]
    records = _records(runs["1"][0])
    assert len(records) >= 10
    assert len(_records(runs["1"][1])) == 2


def test_rerun_into_the_same_output_does_not_duplicate_records(
        tmp_path: Path, samples_dir: Path, run_cli) -> None:
    out = tmp_path / "out.jsonl"
    run_cli("clean", str(samples_dir), "-o", str(out), "-q")
    first = out.read_bytes()
    run_cli("clean", str(samples_dir), "-o", str(out), "-q")
    assert out.read_bytes() == first
    ids = [r["id"] for r in _records(first)]
    assert len(ids) == len(set(ids))


def _same_article_twice(folder: Path, samples_dir: Path) -> tuple[Path, Path]:
    """One article saved in two files: as is, and with a BOM and CRLF line ends."""
    data = (samples_dir / MOSCOW_TIMES_SAMPLE).read_bytes()
    first = _write(folder / "a.txt", data)
    second = _write(folder / "b.txt", codecs.BOM_UTF8 + data.replace(b"\n", b"\r\n"))
    return first, second


def test_dedup_is_off_by_default_same_article_in_two_files_gives_two_records(
        tmp_path: Path, samples_dir: Path, run_cli) -> None:
    first, second = _same_article_twice(tmp_path / "in", samples_dir)
    out = tmp_path / "out.jsonl"
    result = run_cli("clean", str(tmp_path / "in"), "-o", str(out), "-v")
    assert result.code == 0
    records = _records(out.read_bytes())
    assert [r["source"] for r in records] == [str(first), str(second)]
    assert records[0]["id"] == records[1]["id"]
    assert records[0]["body"] == records[1]["body"]
    assert "-> 2 articles" in result.err
    assert "duplicate" not in result.err


def test_dedup_writes_an_article_once_and_the_summary_counts_the_dropped_record(
        tmp_path: Path, samples_dir: Path, run_cli) -> None:
    first, _ = _same_article_twice(tmp_path / "in", samples_dir)
    out = tmp_path / "out.jsonl"
    result = run_cli("clean", str(tmp_path / "in"), "-o", str(out), "--dedup", "-v")
    assert result.code == 0
    [record] = _records(out.read_bytes())
    assert record["source"] == str(first)  # the first in input order is kept
    assert "-> 1 articles" in result.err
    assert "1 duplicate record dropped (--dedup)" in result.err


@pytest.mark.parametrize("dedup", [["--dedup"], []], ids=["dedup", "no-dedup"])
def test_dedup_with_jobs_2_gives_the_same_output_as_jobs_1(
        tmp_path: Path, corpus: Path, run_cli, monkeypatch: pytest.MonkeyPatch,
        dedup: list[str]) -> None:
    # Small chunks, so the inputs (and the copies of one article) are spread over both workers.
    monkeypatch.setattr(cleaner.batch.run, "CHUNK", 3)
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        result = run_cli("clean", str(corpus), "-o", str(out), "--jobs", jobs, "-v", *dedup)
        assert result.code == 1  # the empty and the binary input
        summary = [line for line in result.err.splitlines() if line.startswith("cleaned ")]
        runs[jobs] = (out.read_bytes(), summary)
    assert runs["1"] == runs["2"]
    records = _records(runs["1"][0])
    ids = [r["id"] for r in records]
    [summary] = runs["1"][1]
    if dedup:
        assert len(ids) == len(set(ids)) >= 10
        dropped = 3 * (len(ids) - 5)  # each sample article in 4 inputs; 5 distinct synthetic
        assert f"{dropped} duplicate records dropped (--dedup)" in summary
    else:
        assert len(ids) == 4 * (len(set(ids)) - 5) + 5  # samples x 4 copies + 5 synthetic
        assert "duplicate" not in summary


def test_writer_interrupted_mid_run_leaves_previous_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id":"old"}\n')
    with pytest.raises(RuntimeError), JsonlWriter(str(out)) as writer:
        writer.write("new", b'{"id":"new"}\n')
        raise RuntimeError("crash mid-run")
    assert out.read_bytes() == b'{"id":"old"}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_writer_replaces_output_only_when_the_run_finishes(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id":"old"}\n')
    with JsonlWriter(str(out), dedup=True) as writer:
        assert writer.write("a", b'{"id":"a"}\n')
        assert not writer.write("a", b'{"id":"a"}\n')
        assert out.read_bytes() == b'{"id":"old"}\n'
    assert out.read_bytes() == b'{"id":"a"}\n'
    assert (writer.written, writer.duplicates) == (1, 1)
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_writer_without_dedup_writes_repeated_ids_and_keeps_no_ids(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with JsonlWriter(str(out)) as writer:
        assert writer.write("a", b'{"id":"a"}\n')
        assert writer.write("a", b'{"id":"a"}\n')
        assert writer._ids is None  # nothing grows with the run
    assert out.read_bytes() == b'{"id":"a"}\n' * 2
    assert (writer.written, writer.duplicates) == (2, 0)


def test_cli_interrupted_run_keeps_the_previous_output(
        tmp_path: Path, samples_dir: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    run_cli("clean", str(samples_dir), "-o", str(out), "-q")
    before = out.read_bytes()
    real_clean_one, calls = cleaner.batch.clean.clean_one, []

    def interrupt_on_third(source: str) -> cleaner.batch.FileResult:
        calls.append(source)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_clean_one(source)

    monkeypatch.setattr(cleaner.batch.clean, "clean_one", interrupt_on_third)
    result = run_cli("clean", str(samples_dir), str(samples_dir), "-o", str(out), "-q")
    assert result.code == 130
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_output_file_gets_normal_permissions(
        tmp_path: Path, samples_dir: Path, run_cli) -> None:
    out = tmp_path / "out.jsonl"
    old = os.umask(0o022)
    try:
        run_cli("clean", str(samples_dir), "-o", str(out), "-q")
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


# --- --explain ----------------------------------------------------------------------------


def test_explain_adds_the_removed_text_to_records(
        tmp_path: Path, samples_dir: Path, run_cli) -> None:
    sample = samples_dir / MOSCOW_TIMES_SAMPLE
    plain = _records(run_cli("clean", str(sample), "-q").out)
    explained = _records(run_cli("clean", str(sample), "--explain", "-q").out)
    assert [r["body"] for r in explained] == [r["body"] for r in plain]
    source_lines = set(normalise(sample.read_text(encoding="utf-8")).split("\n"))
    assert [tuple(r) for r in explained] == [tuple(r) for r in plain]  # the same keys
    assert [r["removed"] for r in explained] == [r["removed"] for r in plain]
    for record in explained:
        assert record["removed"]
        assert len(record["removed_text"]) == len(record["removed"])
        for item, text in zip(record["removed"], record["removed_text"], strict=True):
            assert text in source_lines
            assert item["chars"] == len(text)
    assert all(r["removed_text"] == [] for r in plain)


def test_explain_prints_removed_spans_with_rule_ids_on_stderr(
        samples_dir: Path, run_cli) -> None:
    sample = samples_dir / MOSCOW_TIMES_SAMPLE
    result = run_cli("clean", str(sample), "--explain", "-q")
    [record] = _records(result.out)
    donation = next(text for x, text in zip(record["removed"], record["removed_text"],
                                            strict=True)
                    if x["rule"] == "themoscowtimes.donation-appeal")
    lines = [line for line in result.err.splitlines() if "[themoscowtimes.donation-appeal]" in line]
    assert lines, result.err
    assert any(donation in line for line in lines)
    assert all(str(sample) in line for line in lines)


# --- subprocess: python -m cleaner ------------------------------------------------------------


def test_python_m_cleaner_help_works() -> None:
    proc = _python_m_cleaner("--help")
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert "usage: cleaner" in out and "clean" in out and "rules" in out


def test_dash_reads_stdin(samples_dir: Path, tmp_path: Path, run_cli) -> None:
    sample = samples_dir / MOSCOW_TIMES_SAMPLE
    proc = _python_m_cleaner("clean", "-", "-q", stdin=sample.read_bytes(), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    from_stdin = _records(proc.stdout)
    from_file = _records(run_cli("clean", str(sample), "-q").out)
    assert [r["source"] for r in from_stdin] == ["-"]
    assert [(r["id"], r["body"]) for r in from_stdin] == [(r["id"], r["body"]) for r in from_file]


# --- rules check ------------------------------------------------------------------------------


def test_rules_check_on_the_builtin_rules_exits_0(run_cli) -> None:
    repo_rules = BUILTIN_RULES_DIR
    result = run_cli("rules", "check", str(repo_rules))
    assert result.code == 0
    assert "FAIL" not in result.out
    for path in repo_rules.glob("*.toml"):
        assert str(path) in result.out


def test_rules_check_names_the_broken_file_and_exits_1(tmp_path: Path, run_cli) -> None:
    _write(tmp_path / "good.toml", 'outlet = "Good"\ndomains = ["good.example"]\n')
    broken = _write(tmp_path / "broken.toml",
                    'outlet = "Broken"\n[[lines]]\nid = "x"\ncategory = "banner"\n'
                    'pattern = "(unclosed"\n')
    result = run_cli("rules", "check", str(tmp_path))
    assert result.code == 1
    [fail] = [line for line in result.out.splitlines() if line.startswith("FAIL")]
    assert str(broken) in fail and "lines[0].pattern" in fail
    assert any(str(tmp_path / "good.toml") in line and "FAIL" not in line
               for line in result.out.splitlines())


def test_progress_line_is_drawn_only_when_asked_or_on_a_terminal(samples_dir: Path,
                                                                  tmp_path: Path) -> None:
    import io

    from cleaner.batch import CleanOptions, run_batch

    sources = [str(samples_dir / name) for name in sample_files()]
    shown, hidden = io.StringIO(), io.StringIO()
    out = str(tmp_path / "out.jsonl")
    stats = run_batch(sources, out, CleanOptions(), progress=True, log=shown)
    run_batch(sources, out, CleanOptions(), log=hidden)  # a StringIO is no terminal
    articles = len(load_expected())
    assert stats.inputs == len(sources) and stats.articles == articles
    assert f"{len(sources)} inputs, {articles} articles" in shown.getvalue()
    assert hidden.getvalue() == ""


def test_summary_counts_removals_per_category_and_rule(samples_dir: Path,
                                                       tmp_path: Path) -> None:
    import io

    from cleaner.batch import CleanOptions, run_batch

    sources = [str(samples_dir / name) for name in sample_files()]
    stats = run_batch(sources, str(tmp_path / "out.jsonl"), CleanOptions(), progress=False,
                      log=io.StringIO())
    summary = stats.summary(per_rule=True)
    n = len(sources)
    assert f"cleaned {n} of {n} inputs -> {len(load_expected())} articles" in summary
    assert "removed donation_appeal" in summary and "rule themoscowtimes." in summary


def test_output_to_a_pipe_writes_through_it_and_leaves_it_a_pipe(samples_dir: Path,
                                                                 tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "records.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code = main(["clean", str(samples_dir), "-o", str(fifo), "-q"])
    reader.join(timeout=30)
    assert code == 0
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert len(_records(received[0])) == len(load_expected())


def test_closed_pipe_downstream_stops_quietly_with_exit_0(samples_dir: Path,
                                                        tmp_path: Path) -> None:
    """`cleaner clean ... | head -c 10`: no traceback, no message, exit 0 when the
    reader goes away (as `yes | head` does)."""
    folder = tmp_path / "many"
    for n in range(40):
        for sample in samples_dir.glob("*.txt"):
            _write(folder / f"{n:02d}_{sample.name}",
                   sample.read_text("utf-8").replace("Trump", f"Trump{n}"))
    with subprocess.Popen([sys.executable, "-m", "cleaner", "clean", str(folder), "-q"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(10)
        proc.stdout.close()
        err = proc.stderr.read()
        proc.wait(timeout=60)
    assert err == b""
    assert proc.returncode == 0


def test_empty_folder_warns(tmp_path: Path, run_cli) -> None:
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    result = run_cli("clean", str(tmp_path), "-q")
    assert result.code == 0 and result.out == ""
    assert "no input files found" in result.err
