"""Shared fixtures: a small clean article, the repo's sample dumps, an in-process CLI runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main

REPO = Path(__file__).resolve().parent.parent

ARTICLE = "\n\n".join((
    "Harbour Council Approves New Ferry Timetable",
    "The harbour council voted on Tuesday to add two evening ferries to the island route from "
    "next month, its chair said.",
    "The change follows a petition signed by more than 3,000 residents who said the last boat "
    "left too early for shift workers.",
    '"We listened," the chair told reporters after the vote. "People asked for a later boat and '
    'they will get one."',
)) + "\n"


@dataclass
class CliRun:
    code: int
    out: str
    err: str


@pytest.fixture
def article_text() -> str:
    """A short article with no boilerplate: headline, blank line, three paragraphs."""
    return ARTICLE


@pytest.fixture
def samples_dir() -> Path:
    return REPO / "samples"


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliRun]:
    """Run cleaner.cli.main in-process and return exit code, stdout and stderr."""

    def run(*args: str) -> CliRun:
        code = main(list(args))
        captured = capsys.readouterr()
        return CliRun(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def no_rules(tmp_path_factory: pytest.TempPathFactory) -> cleaner.RuleSet:
    """An empty rules folder: only the generic detectors work."""
    return cleaner.load_rules(tmp_path_factory.mktemp("no-rules"))


@pytest.fixture(scope="session")
def default_rules() -> cleaner.RuleSet:
    """The default rules: the built-in rule files (and $CLEANER_RULES, if set)."""
    return cleaner.load_rules()
