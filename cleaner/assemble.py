"""Assemble stage: turn a finished draft into an Article record."""

from __future__ import annotations

from .dates import find_date
from .draft import Draft
from .lines import DATELINE
from .record import Article
from .titles import tidy_headline


def assemble(draft: Draft, *, source: str | None, url: str | None, outlet: str | None,
             headline: str | None = None) -> Article:
    """Headline, standfirst, body, captions and the audit trail from the draft
    (headline: one known from elsewhere, e.g. a page's metadata)."""
    body = draft.live()
    if headline is None and draft.headline is not None:
        headline = tidy_headline(draft.paras[draft.headline].text)
    return Article(
        source=source,
        url=url,
        outlet=outlet,
        headline=headline,
        standfirst=_standfirst(draft, body),
        body="\n\n".join(draft.paras[i].text for i in body),
        captions=list(draft.captions),
        authors=list(dict.fromkeys(draft.authors)),
        published=next(filter(None, map(find_date, draft.dates)), None),
        removed=[p.cut for p in draft.paras if p.cut is not None],
    )


def _standfirst(draft: Draft, body: list[int]) -> str | None:
    """The summary under the headline: a repeated one (cut from the body as a
    duplicate) or a first paragraph that stands before the dateline paragraph."""
    if not body:
        return None
    top = draft.headline if draft.headline is not None else -1
    for para in draft.paras[top + 1:body[0]]:
        if para.cut is not None and para.cut.category == "duplicate" and para.prose:
            return para.text
    if len(body) > 1:
        first, second = draft.paras[body[0]].text, draft.paras[body[1]].text
        if DATELINE.match(second) and not DATELINE.match(first):
            return first
    return None
