"""The library (issue 8, point 5): paths of any kind, checked formats, rule files that
are picked up when they change, rule folders that layer, `to_json()` as text, no
global state changed by importing, and the public names pinned."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import orjson
import pytest

import cleaner
from cleaner.cli import main

PAGE = ("<html><head><title>Harbour council approves new ferry timetable</title></head><body>"
        "<article><h1>Harbour council approves new ferry timetable</h1>"
        "<p>The harbour council voted on Tuesday to add two evening ferries to the island route "
        "from next month, its chair said.</p><p>The change follows a petition signed by more "
        "than 3,000 residents who said the last boat left too early.</p></article></body></html>")
RULE = """\
outlet = "Harbour Gazette"
domains = ["harbourgazette.example"]
signatures = ['^Support the Harbour Gazette!$']

[[lines]]
id = "banner"
category = "banner"
pattern = '^Support the Harbour Gazette!$'
"""


def test_public_names_are_pinned() -> None:
    assert sorted(cleaner.__all__) == sorted([
        "Article", "BUILTIN_RULES_DIR", "CleanerError", "DocumentTimeout", "InputError",
        "OutputError", "RECORD_FIELDS", "Removal", "RuleError", "RuleSet", "__version__",
        "clean_bytes", "clean_file", "clean_html", "clean_text", "load_rules",
        "record_features", "record_schema", "time_limit"])
    for name in cleaner.__all__:
        assert hasattr(cleaner, name)


# --- paths and formats ------------------------------------------------------------------------


def test_clean_file_takes_str_and_pathlike_paths(tmp_path: Path, article_text: str) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(article_text, encoding="utf-8")
    [from_str] = cleaner.clean_file(str(path))
    [from_path] = cleaner.clean_file(path)
    assert from_path.source == from_str.source == str(path)
    assert isinstance(from_path.source, str)
    assert from_path.to_json() == from_str.to_json()


@pytest.mark.parametrize("fmt", ["html", "HTML", "Html", "auto", "AUTO"])
def test_format_is_case_insensitive(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "page.dat"
    path.write_text(PAGE, encoding="utf-8")
    [article] = cleaner.clean_file(path, fmt=fmt)
    assert article.headline == "Harbour council approves new ferry timetable"
    assert "<p>" not in article.body
    [same] = cleaner.clean_bytes(PAGE.encode(), fmt=fmt)
    assert same.body == article.body


@pytest.mark.parametrize("fmt", ["pdf", "htm", "", "txt"])
def test_an_unknown_format_is_a_value_error_not_text(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    with pytest.raises(ValueError, match="unknown format"):
        cleaner.clean_file(path, fmt=fmt)
    with pytest.raises(ValueError, match="unknown format"):
        cleaner.clean_bytes(PAGE.encode(), fmt=fmt)


# --- records ---------------------------------------------------------------------------------


def test_to_json_is_text_and_to_json_bytes_is_bytes(article_text: str) -> None:
    [article] = cleaner.clean_text(article_text, source="a.txt")
    line = article.to_json()
    assert isinstance(line, str) and line.endswith("\n")
    assert article.to_json_bytes() == line.encode("utf-8")
    record = orjson.loads(line)
    assert tuple(record) == cleaner.RECORD_FIELDS
    assert record == article.to_dict()
    assert orjson.loads(article.to_json(explain=True))["removed_text"] == [
        r.text for r in article.removed]


# --- rules ------------------------------------------------------------------------------------


def _rules(folder: Path, text: str = RULE, name: str = "gazette.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_rules_picks_up_a_changed_rule_file(tmp_path: Path) -> None:
    path = _rules(tmp_path / "rules")
    first = cleaner.load_rules(tmp_path / "rules")
    assert cleaner.load_rules(tmp_path / "rules") is first  # unchanged: cached
    assert [r.outlet for r in first.rules] == ["Harbour Gazette"]
    path.write_text(RULE.replace("Harbour Gazette", "Harbour Times"), encoding="utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000))  # even within one tick
    changed = cleaner.load_rules(tmp_path / "rules")
    assert [r.outlet for r in changed.rules] == ["Harbour Times"]
    _rules(tmp_path / "rules", 'outlet = "Bay Post"\n', "baypost.toml")
    assert [r.outlet for r in cleaner.load_rules(tmp_path / "rules").rules] == [
        "Bay Post", "Harbour Times"]
    (tmp_path / "rules" / "baypost.toml").unlink()
    assert [r.outlet for r in cleaner.load_rules(tmp_path / "rules").rules] == ["Harbour Times"]


def test_default_rules_are_the_builtin_ones_wherever_the_package_is() -> None:
    rules = cleaner.load_rules()
    assert Path(cleaner.BUILTIN_RULES_DIR).parent == Path(cleaner.__file__).parent
    assert rules.folders[0] == str(cleaner.BUILTIN_RULES_DIR)
    assert "The Moscow Times" in {r.outlet for r in rules.rules}


def test_rule_folders_layer_and_override_by_outlet(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    _rules(mine, 'outlet = "The Moscow Times"\ndomains = ["mt.example"]\n', "mt.toml")
    _rules(mine, RULE)
    _rules(mine, 'outlet = "Express Mirror"\ndomains = ["express.co.uk"]\n', "mirror.toml")
    layered = cleaner.load_rules(cleaner.BUILTIN_RULES_DIR, mine)
    outlets = [r.outlet for r in layered.rules]
    assert outlets.count("The Moscow Times") == 1  # replaced, not doubled
    assert layered.for_host("mt.example").outlet == "The Moscow Times"
    assert layered.for_host("themoscowtimes.com") is None  # the built-in file is gone
    assert layered.for_host("express.co.uk").outlet == "Express Mirror"  # domain taken over
    assert "Daily Express" in outlets and "Harbour Gazette" in outlets  # added, others kept


def test_cleaner_rules_env_is_a_path_list_layered_over_the_builtin_rules(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    _rules(one, RULE)
    _rules(two, 'outlet = "Bay Post"\n', "baypost.toml")
    monkeypatch.setenv("CLEANER_RULES", f"{one}{os.pathsep}{two}")
    rules = cleaner.load_rules()
    assert rules.folders == (str(cleaner.BUILTIN_RULES_DIR), str(one), str(two))
    assert {"Harbour Gazette", "Bay Post", "The Moscow Times"} <= {r.outlet for r in rules.rules}


def test_command_line_rules_layer_and_no_builtin_rules_drops_the_shipped_ones(
        tmp_path: Path, samples_dir: Path, run_cli) -> None:
    _rules(tmp_path / "rules", RULE)
    sample = str(next(samples_dir.glob("000_*.txt")))
    layered = run_cli("clean", sample, "--rules", str(tmp_path / "rules"), "-q")
    [record] = [orjson.loads(line) for line in layered.out.splitlines()]
    assert record["outlet"] == "The Moscow Times"  # the built-in rule file still applies
    alone = run_cli("clean", sample, "--rules", str(tmp_path / "rules"), "--no-builtin-rules",
                    "-q")
    assert all(orjson.loads(line)["outlet"] != "The Moscow Times"
               for line in alone.out.splitlines())
    check = run_cli("rules", "check")
    assert check.code == 0 and "built-in rules" in check.out


# --- no global state ----------------------------------------------------------------------


def test_importing_and_using_the_library_leaves_logging_and_signals_alone() -> None:
    script = textwrap.dedent(f"""
        import logging, signal
        before = (logging.getLogger("trafilatura").level, logging.getLogger().level,
                  signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT))
        import cleaner
        cleaner.clean_html({PAGE!r})
        after = (logging.getLogger("trafilatura").level, logging.getLogger().level,
                 signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT))
        assert before == after, (before, after)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr


def test_the_command_line_puts_the_logger_back_when_called_in_process(
        tmp_path: Path, samples_dir: Path) -> None:
    import logging

    logger = logging.getLogger("trafilatura")
    before = logger.level
    assert main(["clean", str(samples_dir), "-o", str(tmp_path / "o.jsonl"), "-q"]) == 0
    assert logger.level == before


def test_the_package_is_typed() -> None:
    assert (Path(cleaner.__file__).parent / "py.typed").is_file()
