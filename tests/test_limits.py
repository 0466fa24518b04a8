"""Bounded work per document (issue: hostile input). Every text stage is linear,
and what the parser or extractor cannot do in bounded time is refused up front
as "too complex" (cleaner/io/limits.py). Time bounds here are generous, for CI;
the figures themselves are in `make bench`."""

from __future__ import annotations

import time

import pytest

import cleaner
from cleaner.io.limits import MAX_DEPTH, MAX_ELEMENTS, MAX_LINES


def sentence(n: int) -> str:
    words = ["minister", "said", "the", "city", "would", "report", "on", "police", "court"]
    return " ".join(words[(n * 7 + k) % len(words)] for k in range(10)).capitalize() + "."


def test_many_paragraphs_sharing_their_opening_words_take_linear_time(
        no_rules: cleaner.RuleSet) -> None:
    """Each paragraph opens with the same words: the repeat check must not compare
    every paragraph with every other (that took 53 s for 20,000 of them)."""
    text = "Headline of the test\n\n" + "\n\n".join(
        f"The minister said that the city {n} " + sentence(n) for n in range(20_000))
    started = time.perf_counter()
    records = cleaner.clean_text(text, rules=no_rules)
    assert time.perf_counter() - started < 30
    assert records and len(records[0].body) > 100_000


def test_a_standfirst_repeated_in_the_body_is_still_cut(no_rules: cleaner.RuleSet) -> None:
    lead = "The council approved the new water plant on Tuesday after a long debate."
    body = [lead + " Work starts in May, the mayor said.", sentence(1), sentence(2)]
    text = "\n\n".join(["Council approves water plant", "Share on Facebook", lead, *body])
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.body.split("\n\n") == body


def test_too_many_lines_are_refused_as_too_complex(no_rules: cleaner.RuleSet) -> None:
    text = "\n".join(sentence(n) for n in range(MAX_LINES + 1))
    with pytest.raises(cleaner.InputError, match="too complex"):
        cleaner.clean_text(text, rules=no_rules)


@pytest.mark.parametrize("page", [
    "<html><body>" + "<div>" * (MAX_DEPTH + 1) + "<p>x</p></body></html>",
    "<html><body>" + '<a href="/x">x</a>' * (MAX_ELEMENTS + 1) + "</body></html>",
], ids=["nested", "many-elements"])
def test_pages_the_parser_cannot_handle_in_bounded_time_are_refused(
        page: str, no_rules: cleaner.RuleSet) -> None:
    """400,000 nested <div>s never finished parsing; 200,000 links took 31 s and 1.35 GB."""
    started = time.perf_counter()
    with pytest.raises(cleaner.InputError, match="too complex"):
        cleaner.clean_html(page, rules=no_rules)
    assert time.perf_counter() - started < 10
