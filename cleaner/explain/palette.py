"""One colour per category, shared by the terminal view and the HTML report, so a
category looks the same in both. Colour only helps: both views also name it."""

from __future__ import annotations

from ..categories import CATEGORIES

# category -> (CSS background, ANSI SGR foreground code); neighbours in CATEGORIES differ.
_COLOURS = (
    ("#ffd6d6", "31"), ("#d6e8ff", "34"), ("#fff1b8", "33"), ("#d9f7d6", "32"),
    ("#f3dcff", "35"), ("#d4f4f4", "36"), ("#ffe2c4", "91"), ("#e2e2ff", "94"),
    ("#e8dccb", "93"), ("#c9f0e0", "92"), ("#ffd9ef", "95"), ("#cfe9f7", "96"),
)
OTHER = ("#e6e6e6", "37")  # a Removal a library caller made up


def colour(category: str) -> tuple[str, str]:
    """(CSS colour, ANSI code) of a category."""
    names = list(CATEGORIES)
    if category not in CATEGORIES:
        return OTHER
    return _COLOURS[names.index(category) % len(_COLOURS)]
