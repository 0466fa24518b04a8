"""Split stage: one dump may hold several articles back to back (seed 002).

An article start is a headline after a longer run of blank lines than the
dump uses between paragraphs: two or more when the headline echoes a few
lines later (page title, captions and widgets, then the title again), three
or more otherwise. A split is kept only when both sides hold an article's
worth of sentences. Whole-page copies, whose blank-line runs are collapsed,
are never split, however often a teaser list repeats a headline.
"""

from __future__ import annotations

from collections import Counter

from .draft import Para
from .lines import ends_sentence, is_title_like

ECHO_WINDOW = 8  # lines within which a repeated headline marks an article start
MIN_SENTENCES = 3  # full paragraphs each side of a split needs
LEAD_WINDOW = 12  # the first full paragraph follows a new headline within this many lines


def split_articles(paras: list[Para]) -> list[list[Para]]:
    """Cut the paragraph list into one list per article."""
    usual_gap = Counter(p.gap for p in paras).most_common(1)[0][0] if paras else 0
    starts = [i for i in range(1, len(paras)) if _opens_article(paras, i, usual_gap)]
    if not starts:
        return [paras]
    full = [_is_full_paragraph(p) for p in paras]
    before = [0]
    for is_full in full:
        before.append(before[-1] + is_full)
    starts = [i for i in starts if any(full[i + 1:i + 1 + LEAD_WINDOW])]
    segments, begin = [], 0
    for n, start in enumerate(starts):
        after_end = starts[n + 1] if n + 1 < len(starts) else len(paras)
        if (before[start] - before[begin] >= MIN_SENTENCES
                and before[after_end] - before[start] >= MIN_SENTENCES):
            segments.append(paras[begin:start])
            begin = start
    segments.append(paras[begin:])
    return segments


def _is_full_paragraph(para: Para) -> bool:
    return para.words >= 12 and ends_sentence(para.text)


def _opens_article(paras: list[Para], i: int, usual_gap: int) -> bool:
    para = paras[i]
    if para.gap <= max(1, usual_gap) or para.prose or para.words < 4 or \
            not is_title_like(para.text, para.words):
        return False
    window = paras[i + 1:i + 1 + ECHO_WINDOW]
    echo = next((k for k, p in enumerate(window) if p.text == para.text), None)
    if echo is not None:
        # Only captions and widgets stand between a headline and its echo, never a sentence.
        return not any(_is_full_paragraph(p) for p in window[:echo])
    return para.gap >= 3
