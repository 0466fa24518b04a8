"""Assemble stage: turn a finished draft into an Article record."""

from __future__ import annotations

import os

from ..record import Article
from .authors import clean_authors
from .dates import find_date
from .draft import Draft
from .language import detect_language, normalise_language
from .lines import DATELINE
from .titles import tidy_headline


def assemble(draft: Draft, *, source: str | os.PathLike[str] | None, url: str | None,
             outlet: str | None, headline: str | None = None,
             language: str | None = None) -> Article:
    """Headline, standfirst, body, captions and the audit trail from the draft
    (headline, language: known from elsewhere, e.g. a page's metadata; a language
    not known is detected from the body)."""
    body = draft.live()
    if headline is None and draft.headline is not None:
        headline = tidy_headline(draft.paras[draft.headline].text)
    text = "\n\n".join(draft.paras[i].text for i in body)
    return Article(
        source=os.fsdecode(source) if isinstance(source, os.PathLike) else source,
        url=url,
        outlet=outlet,
        headline=headline,
        standfirst=_standfirst(draft, body),
        body=text,
        captions=list(draft.captions),
        authors=clean_authors(draft.authors),
        published=next(filter(None, map(find_date, draft.dates)), None),
        language=normalise_language(language) or detect_language(text),
        removed=[p.cut for p in draft.paras if p.cut is not None],
    )


def _standfirst(draft: Draft, body: list[int]) -> str | None:
    """The summary under the headline: one a later paragraph repeats (cut from the
    body as contained in it; a copy of the headline or of a caption is no summary)
    or a first paragraph that stands before the dateline paragraph."""
    if not body:
        return None
    top = draft.headline if draft.headline is not None else -1
    for para in draft.paras[top + 1:body[0]]:
        if para.cut is not None and para.cut.rule == "generic.duplicate.contained":
            return para.text
    if len(body) > 1:
        first, second = draft.paras[body[0]].text, draft.paras[body[1]].text
        if DATELINE.match(second) and not DATELINE.match(first):
            return first
    return None
