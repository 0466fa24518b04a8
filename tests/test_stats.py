"""`cleaner stats OUT.jsonl` (issue 11): a run's summary from its output file,
with the keys `clean --stats` writes, and flags for rules that never fired,
empty or short bodies and bodies made of one category's leftovers."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from cleaner.explain.stats import APPLICABLE_KEYS

from seedlib import SAMPLES

GAZETTE = """outlet = "Harbour Gazette"
domains = ["harbourgazette.example"]

[[lines]]
id = "banner"
category = "banner"
pattern = '^Support the Harbour Gazette!$'

[[lines]]
id = "app-prompt"
category = "app_prompt"
pattern = '^Get the Harbour Gazette app$'
"""


@pytest.fixture
def gazette(tmp_path: Path, article_text: str, run_cli) -> tuple[Path, Path]:
    """A rules folder for the Harbour Gazette and an output file with one of its
    records, in which the banner rule fired and the app-prompt rule did not."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "gazette.toml").write_text(GAZETTE, "utf-8")
    dump = tmp_path / "story.txt"
    dump.write_text("Support the Harbour Gazette!\n\n" + article_text, "utf-8")
    out = tmp_path / "out.jsonl"
    assert run_cli("clean", str(dump), "--rules", str(rules), "--url",
                   "https://harbourgazette.example/ferry", "-o", str(out), "-q").code == 0
    return rules, out


def _stats_json(run_cli, *args: str) -> dict:
    result = run_cli("stats", "--json", *args)
    assert result.code == 0, result.err
    stats: dict = json.loads(result.out)
    return stats


def test_a_rule_that_never_fired_is_flagged(run_cli, gazette: tuple[Path, Path]) -> None:
    rules, out = gazette
    stats = _stats_json(run_cli, str(out), "--rules", str(rules))
    assert stats["rules"] == {"gazette.banner": 1}
    assert stats["never_fired"] == [{"rule": "gazette.app-prompt", "outlet": "Harbour Gazette"}]
    text = run_cli("stats", str(out), "--rules", str(rules)).out
    assert "rules that never fired (outlets with records here):\n  gazette.app-prompt" in text


def test_rules_of_outlets_not_in_the_file_are_not_judged(run_cli,
                                                         gazette: tuple[Path, Path]) -> None:
    """The built-in rules (The Moscow Times, ...) had no record to fire on."""
    rules, out = gazette
    flagged = [f["rule"] for f in _stats_json(run_cli, str(out), "--rules", str(rules))
               ["never_fired"]]
    assert flagged == ["gazette.app-prompt"]
    assert _stats_json(run_cli, str(out))["never_fired"] == []  # without the gazette's rules


def test_an_empty_or_short_body_is_flagged(run_cli, tmp_path: Path,
                                           gazette: tuple[Path, Path]) -> None:
    _, out = gazette
    [record] = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    empty = {**record, "id": "0" * 16, "source": "empty.txt", "body": ""}
    short = {**record, "id": "1" * 16, "source": "short.txt", "body": "Two words."}
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in (record, empty, short)))
    stats = _stats_json(run_cli, str(mixed))
    assert stats["short_body"] == [
        {"line": 2, "source": "empty.txt", "id": "0" * 16, "reason": "empty body"},
        {"line": 3, "source": "short.txt", "id": "1" * 16, "reason": "short body (2 words)"}]
    assert "line 2: empty.txt: empty body" in run_cli("stats", str(mixed)).out
    assert _stats_json(run_cli, str(mixed), "--min-words", "1")["short_body"][1:] == []


def test_json_has_the_keys_of_clean_stats_that_apply(run_cli, tmp_path: Path) -> None:
    out, totals = tmp_path / "out.jsonl.gz", tmp_path / "stats.json"
    assert run_cli("clean", str(SAMPLES), "-o", str(out), "--stats", str(totals),
                   "-q").code == 0
    run = json.loads(totals.read_text("utf-8"))
    stats = _stats_json(run_cli, str(out))  # a .gz output is read too
    assert {key: stats[key] for key in APPLICABLE_KEYS} == {key: run[key]
                                                             for key in APPLICABLE_KEYS}
    assert stats["sources"] == run["cleaned"] - run["without_article"]


def test_leftovers_of_one_category_are_flagged(run_cli, tmp_path: Path,
                                               gazette: tuple[Path, Path]) -> None:
    """A body that is mostly text cut as a newsletter prompt in another record."""
    _, out = gazette
    [record] = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    prompt = "Sign up for the Harbour Gazette morning newsletter and never miss a ferry story"
    cutter = {**record, "removed": [{"rule": "gazette.newsletter", "category":
                                     "newsletter_prompt", "chars": len(prompt)}],
              "removed_text": [prompt]}
    leaky = {**record, "id": "2" * 16, "source": "leaky.txt",
             "body": f"{prompt}\n\nThe ferry runs late.\n\n{prompt.upper()}"}
    path = tmp_path / "leftovers.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in (cutter, leaky)))
    [flag] = _stats_json(run_cli, str(path))["leftovers"]
    assert flag["source"] == "leaky.txt" and "newsletter_prompt" in flag["reason"]
    assert _stats_json(run_cli, str(out))["leftovers"] is None  # written without --explain


def test_standard_input_and_lines_that_are_not_records(gazette: tuple[Path, Path]) -> None:
    _, out = gazette
    data = gzip.compress(out.read_bytes() + b"not json\n")
    done = subprocess.run([sys.executable, "-m", "cleaner", "stats", "-"], input=data,
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 1
    assert done.stdout.decode().startswith("1 record from 1 source, 1 outlet")
    assert b"-:2: not a record" in done.stderr


def test_a_file_that_cannot_be_read_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    result = run_cli("stats", str(tmp_path / "missing.jsonl"))
    assert result.code == 2 and "missing.jsonl" in result.err
