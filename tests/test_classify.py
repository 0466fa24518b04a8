"""The trained line classifier: what it may cut, what it never cuts, and its model file."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cleaner.categories import CATEGORIES
from cleaner.text import classify
from cleaner.text.draft import Draft, paragraphs

STORY = [
    "The harbour council voted on Tuesday to add two evening ferries to the island "
    "route from next month, after a petition signed by more than 3,000 residents who "
    "said the last boat left too early for people working late shifts in town.",
    "Ferry operators said the extra crossings would be paid for by the council's "
    "transport budget until the end of the year, when the route will be reviewed "
    "again with figures on how many passengers used the two new evening boats.",
]


def _draft(lines: list[str], found: int = 2) -> Draft:
    """The lines after `found` lines of evidence that other stages already cut."""
    draft = Draft(paragraphs("\n\n".join(["Advertisement"] * found + lines)))
    for i in range(found):
        draft.cut(i, "test.found", "advertisement")
    return draft


def _kept(draft: Draft) -> list[str]:
    return [p.text for p in draft.paras if p.cut is None]


def test_the_shipped_model_loads_with_a_threshold_and_known_categories() -> None:
    model = classify.load_model()
    assert model is not None
    assert math.isfinite(model.threshold)
    assert model.weights.shape == (1 << classify.BITS,)
    assert set(model.categories) <= set(CATEGORIES)


def test_a_reader_prompt_between_story_paragraphs_is_cut_and_the_story_stays() -> None:
    prompt = "Sign up to get our morning briefing in your inbox every weekday."
    draft = _draft([STORY[0], prompt, STORY[1]])
    classify.classified_lines(draft)
    cut = [p for p in draft.paras if p.cut is not None and p.cut.rule != "test.found"]
    assert [p.text for p in cut] == [prompt]
    assert cut[0].cut is not None and cut[0].cut.rule == "generic.classifier"
    assert cut[0].cut.category in CATEGORIES


@pytest.fixture
def eager(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped model with no threshold: it would cut every line it may."""
    model = classify.load_model()
    assert model is not None
    eager = classify.LineModel(model.weights, model.bias, -math.inf, model.categories,
                               model.category_weights, model.category_bias)
    monkeypatch.setattr(classify, "load_model", lambda: eager)


@pytest.mark.usefixtures("eager")
def test_the_storys_own_short_forms_are_never_cut_on_a_guess() -> None:
    forms = ["1. Open the valve", "Tor: Jan Kessler",
             "(Reporting by Ana Ruiz; Editing by Kim Coghill)",
             "— Ana Ruiz (@anaruiz) May 3, 2024", "What happens next"]
    draft = _draft([STORY[0], "Some teaser headline about another thing", *forms, STORY[1]])
    classify.classified_lines(draft)
    assert _kept(draft) == forms  # the sub-heading stays over the paragraph it heads


@pytest.mark.usefixtures("eager")
def test_a_dump_in_which_nothing_else_was_cut_is_left_alone() -> None:
    lines = [STORY[0], "Some teaser headline about another thing", STORY[1]]
    clean = _draft(lines, found=0)
    classify.classified_lines(clean)
    assert _kept(clean) == lines
    one = _draft(lines, found=1)
    classify.classified_lines(one)
    assert _kept(one) == lines  # one cut line is not yet evidence of a page copy


def test_without_a_model_file_nothing_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(classify, "load_model", lambda: None)
    lines = [STORY[0], "Sign up to get our morning briefing.", STORY[1]]
    draft = _draft(lines)
    classify.classified_lines(draft)
    assert _kept(draft) == lines


def test_features_are_stable_hashes_in_range() -> None:
    draft = _draft([STORY[0], "Follow us", STORY[1]])
    first = classify.live_features(draft)
    assert first == classify.live_features(_draft([STORY[0], "Follow us", STORY[1]]))
    assert all(0 <= i < 1 << classify.BITS for idx in first.values() for i in idx)
    assert np.unique(first[3]).size > 5
