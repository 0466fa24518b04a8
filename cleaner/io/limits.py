"""Shape limits that keep one document's time and memory bounded.

Every text stage is linear, but the HTML parser is quadratic in nesting depth
and the extractor's time and memory grow fast with the number of elements, and
each text line costs a few hundred bytes as a paragraph. A document beyond
these limits is reported as too complex (an InputError) before any of that
work starts. The limits sit far above real pages: the dev sets' largest page
has about 10,000 elements and nests about 500 deep (counted as below).
"""

from __future__ import annotations

import re

from ..errors import InputError

MAX_LINES = 200_000  # non-empty lines in a text dump (or extracted from a page)
MAX_ELEMENTS = 100_000  # start tags in a page
MAX_DEPTH = 5_000  # open elements, counting every start tag without its end tag

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})


def check_text(text: str) -> None:
    """Refuse a dump of more than MAX_LINES non-empty lines."""
    if text.count("\n") < MAX_LINES:
        return
    lines = sum(1 for line in text.split("\n") if line.strip())
    if lines > MAX_LINES:
        raise InputError(f"too complex: {lines} lines (limit {MAX_LINES})")


def check_html(html: str) -> None:
    """Refuse a page with more than MAX_ELEMENTS elements or nested deeper than
    MAX_DEPTH, in one linear scan of its tags (no parser involved)."""
    depth = deepest = elements = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if closing:
            depth = max(0, depth - 1)
            continue
        elements += 1
        if not self_closing and name.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    if elements > MAX_ELEMENTS:
        raise InputError(f"too complex: {elements} elements (limit {MAX_ELEMENTS})")
    if deepest > MAX_DEPTH:
        raise InputError(f"too complex: elements nested {deepest} deep (limit {MAX_DEPTH})")
