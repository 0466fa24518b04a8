"""The synthetic generator of `make eval` (eval/synth.py): its article shapes
must be ones real articles have, or the figures it gives measure the generator."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from synth import Gap, Line, Part, Seg, _heading_slot


def _units(*kinds: str) -> list[Part]:
    return [Gap(2) if k == "gap" else Seg([Line(k, "article", 1, k)]) for k in kinds]


def test_a_sub_heading_goes_over_a_story_paragraph_at_or_below_the_place_drawn() -> None:
    units = _units("paragraph", "paragraph", "list_item", "paragraph", "paragraph")
    assert _heading_slot(units, 2) == 3  # not over the list item: over the next paragraph
    assert _heading_slot(units, 4) == 4


def test_a_sub_heading_is_never_an_article_s_last_line() -> None:
    units = _units("paragraph", "paragraph", "paragraph")
    assert _heading_slot(units, 3) == 2  # nothing to head at the end: the nearest above


def test_a_sub_heading_never_stands_under_another_across_a_gap() -> None:
    units = _units("paragraph", "subheading", "gap", "paragraph", "short_gold", "paragraph")
    assert _heading_slot(units, 2) == 5  # not between 'subheading' and its paragraph
    assert _heading_slot(units[:5], 2) is None  # no other paragraph to head
