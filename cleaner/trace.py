"""What one clean did, draft by draft, for `cleaner explain`.

A record keeps only its audit trail; to show every line of an input kept or
cut, explain needs the drafts themselves, including those that gave no record.
The pipeline hands each finished draft to `note`, which keeps it only inside
`tracing()` (a context variable), so an ordinary run pays one lookup per draft.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from .html import Page
from .record import Article
from .text.draft import Draft


@dataclass(frozen=True, slots=True)
class Step:
    """One cleaned draft: the page it came from (HTML) and its record, if it gave one."""

    draft: Draft
    page: Page | None
    article: Article | None


_STEPS: ContextVar[list[Step] | None] = ContextVar("cleaner_trace", default=None)


@contextmanager
def tracing() -> Iterator[list[Step]]:
    """Collect the steps of every clean inside the block, in order."""
    steps: list[Step] = []
    token = _STEPS.set(steps)
    try:
        yield steps
    finally:
        _STEPS.reset(token)


def note(draft: Draft, page: Page | None, article: Article | None) -> None:
    steps = _STEPS.get()
    if steps is not None:
        steps.append(Step(draft, page, article))
