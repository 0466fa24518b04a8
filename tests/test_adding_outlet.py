"""README.md's "Adding an outlet" works as written (issue 8, point 6): in a copy of the
repository, a sixth sample is added with its rule file and its expected record, and
the seed tests pass there; without the expected record they say what is missing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_NAME = "005_harbour_gazette.txt"
SAMPLE = """\
Harbour Gazette Plus: read every story without ads for £1 a week
Harbour Council Approves New Ferry Timetable After Petition

The harbour council voted on Tuesday to add two evening ferries to the island route from \
next month, its chair said.

The change follows a petition signed by more than 3,000 residents who said the last boat \
left too early for shift workers.

"We listened," the chair told reporters after the vote. "People asked for a later boat and \
they will get one."

The operator said the extra sailings would cost about £40,000 a year, to be shared by the \
council and the port authority.

Harbour Gazette Plus: read every story without ads for £1 a week
Support the Harbour Gazette!
"""
# Step 2: a neighbour copied, outlet and domains set; steps 3-4: signatures and lines.
RULE_FILE = """\
# The Harbour Gazette: a local paper (made up for the test of README.md's steps).
outlet = "The Harbour Gazette"
domains = ["harbourgazette.example"]
signatures = ['^Support the Harbour Gazette!$', '^Harbour Gazette Plus: ']

[[lines]]
id = "plus-offer"
category = "paywall"
pattern = '^Harbour Gazette Plus: read every story without ads'

[[lines]]
id = "support-banner"
category = "banner"
pattern = '^Support the Harbour Gazette!$'
"""
EXPECTED = {
    "source": SAMPLE_NAME,
    "outlet": "The Harbour Gazette",
    "headline": "Harbour Council Approves New Ferry Timetable After Petition",
    "body": "\n\n".join(SAMPLE.split("\n\n")[1:5]),
    "captions": [],
}


def _copy_repo(target: Path) -> Path:
    """What the seed tests need: the package, the samples, the tests and their data."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache", ".pytest_cache")
    shutil.copytree(ROOT / "cleaner", target / "cleaner", ignore=ignore)
    shutil.copytree(ROOT / "samples", target / "samples", ignore=ignore)
    (target / "tests").mkdir()
    for name in ("conftest.py", "seedlib.py", "test_seeds.py"):
        shutil.copy2(ROOT / "tests" / name, target / "tests" / name)
    shutil.copytree(ROOT / "tests" / "seeds", target / "tests" / "seeds", ignore=ignore)
    if (ROOT / "tests" / "expected").is_dir():
        shutil.copytree(ROOT / "tests" / "expected", target / "tests" / "expected", ignore=ignore)
    shutil.copy2(ROOT / "pyproject.toml", target / "pyproject.toml")
    return target


def _seed_tests(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(repo)}
    env.pop("CLEANER_RULES", None)
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                           "tests/test_seeds.py", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository with the new outlet's sample and rule file (steps 1-4)."""
    repo = _copy_repo(tmp_path_factory.mktemp("repo"))
    rules = repo / "cleaner" / "builtin_rules"
    assert (rules / "themoscowtimes.toml").is_file()  # the neighbour step 2 copies
    (rules / "harbourgazette.toml").write_text(RULE_FILE, encoding="utf-8")
    (repo / "samples" / SAMPLE_NAME).write_text(SAMPLE, encoding="utf-8")
    return repo


def test_the_sample_needs_its_rule_file() -> None:
    """The new outlet is one the built-in rules do not know: without its rule file
    the record has no outlet, so the seed tests below really test the rule file."""
    [article] = cleaner.clean_text(SAMPLE)
    assert article.outlet != EXPECTED["outlet"]


def test_without_its_expected_record_the_seed_tests_name_what_is_missing(repo: Path) -> None:
    proc = _seed_tests(repo, "-k", "every_sample_has_expected_records")
    assert proc.returncode == 1, proc.stdout
    assert f"tests/expected/{SAMPLE_NAME}.jsonl" in proc.stdout


def test_with_its_rule_file_sample_and_expected_record_the_seed_tests_pass(repo: Path) -> None:
    expected = repo / "tests" / "expected"
    expected.mkdir(exist_ok=True)
    (expected / f"{SAMPLE_NAME}.jsonl").write_text(json.dumps(EXPECTED) + "\n", encoding="utf-8")
    proc = _seed_tests(repo, "-o", "addopts=", "-v")
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    ran = [line for line in proc.stdout.splitlines() if "PASSED" in line]
    assert any("005" in line and "test_seed_record_matches_expected" in line for line in ran)
    assert any(SAMPLE_NAME in line and "every_sample_has_expected_records" in line
               for line in ran)
