"""Command-line conventions users expect (issue 8, point 4).

--version; progress and summary on stderr only when it is a terminal (the
summary with -v or --stats FILE otherwise), never on a line shared with other
output; `-` for the standard streams everywhere and never a file named `-`;
.gz output compressed; gzip accepted on standard input; exact option names with
a suggestion on a typo. SIGTERM (tests/test_hostile.py) and a closed pipe
downstream (tests/test_cli.py) have their own tests.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import orjson
import pytest
from ptylib import on_a_terminal

import cleaner
from cleaner.cli import main

DISTRIBUTION = "news-boilerplate-cleaner"


def _cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None,
         **streams: object) -> subprocess.CompletedProcess[bytes]:
    options = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **streams}
    return subprocess.run([sys.executable, "-m", "cleaner", *args], input=stdin, cwd=cwd,
                          timeout=120, check=False, **options)  # type: ignore[call-overload]


def _records(data: bytes) -> list[dict]:
    return [orjson.loads(line) for line in data.splitlines()]


def _on_a_terminal(args: list[str], tmp_path: Path, stdout_too: bool = False) -> tuple[int, str]:
    """Run with standard error (and standard output, if asked) on a pseudo-terminal;
    return the exit code and what the terminal received."""
    return on_a_terminal(args, stderr=True, stdout=stdout_too)


def _screen_lines(raw: str) -> list[str]:
    """What a terminal shows: each line as left by carriage returns and clear-to-end."""
    lines = []
    for segment in raw.split("\n"):
        shown = ""
        for part in segment.split("\r"):
            part = part.replace("\x1b[K", "")
            shown = part + shown[len(part):] if "\x1b[K" not in segment else part
        lines.append(shown)
    return lines


@pytest.fixture
def many(tmp_path: Path, samples_dir: Path, article_text: str) -> Path:
    """Enough inputs for a run that lasts a while, and two that fail."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(12):
        for sample in sorted(samples_dir.glob("*.txt")):
            text = sample.read_text("utf-8").replace("Trump", f"Trump{n}")
            (folder / f"{n:02d}_{sample.name}").write_text(text, encoding="utf-8")
    (folder / "50_empty.txt").write_bytes(b"")
    (folder / "51_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    return folder


# --- --version --------------------------------------------------------------------------------


def test_version_option_and_attribute_agree_with_the_installed_distribution() -> None:
    proc = _cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().strip() == f"cleaner {cleaner.__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+", cleaner.__version__)
    try:
        installed = metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pytest.skip(f"{DISTRIBUTION} is not installed (run `make install`)")
    assert installed == cleaner.__version__


# --- progress and summary -----------------------------------------------------------------------


def test_on_a_terminal_progress_and_summary_go_to_stderr(many: Path, tmp_path: Path) -> None:
    code, shown = _on_a_terminal(["clean", str(many), "-o", str(tmp_path / "o.jsonl")], tmp_path)
    assert code == 1
    lines = _screen_lines(shown)
    assert any(re.match(r"\d+ inputs, \d+ articles, \d+ failed \(", line) for line in lines)
    assert any(line.startswith("cleaned 60 of 62 inputs -> ") for line in lines)
    assert any("removed donation_appeal" in line for line in lines)


def test_progress_never_shares_a_line_with_messages(many: Path, tmp_path: Path) -> None:
    code, shown = _on_a_terminal(["clean", str(many), "-o", str(tmp_path / "o.jsonl"),
                                  "--explain"], tmp_path)
    assert code == 1
    lines = [line for line in _screen_lines(shown) if line]
    progress = [line for line in lines if re.match(r"\d+ inputs, \d+ articles", line)]
    messages = [line for line in lines if line.startswith(("cleaner: ", str(many)))]
    assert progress and len(messages) > 100
    for line in lines:  # a progress line is whole, and nothing else holds one
        assert line in progress or "inputs/s" not in line, line
    for line in messages:
        assert re.match(rf"(cleaner: )?{re.escape(str(many))}/\S+: ", line), line


def test_records_on_the_terminal_get_no_progress_line(tmp_path: Path, samples_dir: Path) -> None:
    code, shown = _on_a_terminal(["clean", str(samples_dir)], tmp_path, stdout_too=True)
    assert code == 0
    assert "inputs/s" not in shown
    assert all(line.startswith("{") or not line.strip() or line.startswith(("cleaned ", " "))
               for line in _screen_lines(shown)), shown[:2000]


def test_off_a_terminal_there_is_no_summary_unless_asked(many: Path, tmp_path: Path) -> None:
    quiet = _cli("clean", str(many), "-o", str(tmp_path / "o.jsonl"))
    assert quiet.returncode == 1
    assert quiet.stderr.decode().splitlines() == [
        f"cleaner: {many / '50_empty.txt'}: empty input",
        f"cleaner: {many / '51_binary.txt'}: binary content, not text (control bytes such as "
        "NUL)"]
    verbose = _cli("clean", str(many), "-o", str(tmp_path / "o.jsonl"), "-v")
    assert "cleaned 60 of 62 inputs" in verbose.stderr.decode()
    assert "    rule themoscowtimes." in verbose.stderr.decode()  # -v: per rule too


def test_stats_file_gets_the_totals_as_json(many: Path, tmp_path: Path) -> None:
    stats = tmp_path / "stats.json"
    proc = _cli("clean", str(many), "-o", str(tmp_path / "o.jsonl"), "--stats", str(stats),
                "--errors", str(tmp_path / "e.jsonl"))
    assert proc.returncode == 1
    assert len(proc.stderr.splitlines()) == 2  # the two failures; no summary
    [totals] = _records(stats.read_bytes())
    records = _records((tmp_path / "o.jsonl").read_bytes())
    assert (totals["inputs"], totals["cleaned"], totals["failed"]) == (62, 60, 2)
    assert totals["articles"] == len(records)
    assert totals["removed"]["donation_appeal"]["spans"] > 0
    assert totals["seconds"] > 0


# --- `-` and the standard streams -----------------------------------------------------------


def test_dash_is_a_standard_stream_everywhere_and_never_a_file(
        tmp_path: Path, samples_dir: Path, article_text: str) -> None:
    sample = next(samples_dir.glob("000_*.txt"))
    proc = _cli("clean", "-", "-o", "-", "--errors", "-", "--stats", "-", "-q",
                stdin=sample.read_bytes(), cwd=tmp_path)
    assert proc.returncode == 0
    assert [r["source"] for r in _records(proc.stdout)] == ["-"]
    [stats] = _records(proc.stderr)
    assert stats["articles"] == 1
    proc = _cli("clean", "-", "--errors", "-", "-o", "out.jsonl", stdin=b"", cwd=tmp_path)
    assert proc.returncode == 1
    assert _records(proc.stderr) == [{"source": "-", "error": "empty input"}]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no file named '-'


def test_gzip_on_standard_input_is_accepted(samples_dir: Path) -> None:
    sample = next(samples_dir.glob("000_*.txt"))
    plain = _cli("clean", "-", "-q", stdin=sample.read_bytes())
    packed = _cli("clean", "-", "-q", stdin=gzip.compress(sample.read_bytes()))
    assert packed.returncode == 0, packed.stderr
    assert packed.stdout == plain.stdout and plain.stdout


# --- .gz output ------------------------------------------------------------------------------


def test_gz_output_is_compressed_and_holds_the_same_records(
        tmp_path: Path, samples_dir: Path, run_cli) -> None:
    plain, packed = tmp_path / "o.jsonl", tmp_path / "o.jsonl.gz"
    assert run_cli("clean", str(samples_dir), "-o", str(plain), "-q").code == 0
    assert run_cli("clean", str(samples_dir), "-o", str(packed), "-q", "--jobs", "2").code == 0
    data = packed.read_bytes()
    assert data[:2] == b"\x1f\x8b"
    assert gzip.decompress(data) == plain.read_bytes()
    again = tmp_path / "again.jsonl.gz"
    assert run_cli("clean", str(samples_dir), "-o", str(again), "-q").code == 0
    assert again.read_bytes() == data  # no time stamp or name in the header: same bytes


def test_gz_errors_file_is_compressed(tmp_path: Path, run_cli) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    errors = tmp_path / "errors.jsonl.gz"
    assert run_cli("clean", str(tmp_path / "in"), "--errors", str(errors), "-q").code == 1
    [line] = _records(gzip.decompress(errors.read_bytes()))
    assert line["error"] == "empty input"


# --- exact options, suggestions ----------------------------------------------------------------


@pytest.mark.parametrize(("argv", "suggestion"), [
    (["clean", "x.txt", "--verb"], "--verbose"),  # a prefix is not taken as the option
    (["clean", "x.txt", "--out", "o.jsonl"], "--output"),
    (["clean", "x.txt", "--explian"], "--explain"),
    (["clean", "x.txt", "--no-builtin"], "--no-builtin-rules"),
    (["claen", "x.txt"], "clean"),
    (["rules", "chek"], "check"),
    (["fecth", "https://example.com/a"], "fetch"),
], ids=lambda value: " ".join(value) if isinstance(value, list) else value)
def test_options_are_exact_and_a_typo_gets_a_suggestion(
        argv: list[str], suggestion: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "did you mean " in err
    assert suggestion in err.split("did you mean ", 1)[1].rstrip("?)\n").split(" or ")


def test_fetch_is_a_command_of_the_same_parser() -> None:
    proc = _cli("fetch", "--help")
    assert proc.returncode == 0
    assert b"usage: cleaner fetch" in proc.stdout and b"--feed" in proc.stdout
    assert b"fetch" in _cli("--help").stdout
