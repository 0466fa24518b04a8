"""Fuzzing with mutated real inputs: the sample dumps and the HTML fixtures, cut,
spliced, duplicated and sprinkled with random bytes. Whatever comes in, only a
CleanerError may come out, and every body paragraph of a text dump stood in its
input. `make test` runs a bounded number of examples; `make fuzz` runs many
more (FUZZ_EXAMPLES)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import assert_only_removed

import cleaner
from cleaner.io.decode import decode_document

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "samples").glob("*.txt"))
PAGES = sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# One edit: (kind, where as a share of the input, how many bytes, bytes to put in).
EDITS = st.lists(st.tuples(st.sampled_from(["cut", "insert", "repeat", "truncate"]),
                           st.floats(0, 1), st.integers(1, 400), st.binary(max_size=40)),
                 min_size=1, max_size=6)


def mutate(data: bytes, edits: list[tuple[str, float, int, bytes]]) -> bytes:
    for kind, where, size, extra in edits:
        at = int(where * len(data))
        if kind == "cut":
            data = data[:at] + data[at + size:]
        elif kind == "insert":
            data = data[:at] + extra + data[at:]
        elif kind == "repeat":
            data = data[:at + size] + data[at:at + size] * 3 + data[at + size:]
        else:
            data = data[:at]
    return data


def clean(data: bytes, fmt: str, rules: cleaner.RuleSet) -> list[cleaner.Article]:
    try:
        records = cleaner.clean_bytes(data, rules=rules, fmt=fmt)
    except cleaner.CleanerError:
        return []
    for record in records:
        record.to_json()
    return records


@pytest.mark.parametrize("path", [*TEXTS, *PAGES], ids=lambda p: p.name)
@FUZZ
@given(edits=EDITS)
def test_mutated_input_cleans_or_fails_cleanly_and_only_removes(
        path: Path, edits: list[tuple[str, float, int, bytes]],
        default_rules: cleaner.RuleSet) -> None:
    """(Only text dumps are checked for 'only removes': a page's text is not its lines.)"""
    data = mutate(path.read_bytes(), edits)
    fmt = "html" if path.suffix == ".html" else "text"
    records = clean(data, fmt, default_rules)
    if records and fmt == "text":
        assert_only_removed(decode_document(data).text, records)
