"""Split stage: one dump may hold several articles back to back (seed 002).

An article start shows as a title line that echoes a few lines later (page
title, captions and widgets, then the title again), or as a title after an
unusually long run of blank lines. A split is kept only when both sides hold
some prose, so a teaser list repeating a headline never splits a page.
"""

from __future__ import annotations

from collections import Counter

from .draft import Para
from .lines import is_title_like

ECHO_WINDOW = 8  # lines within which a repeated title marks an article start
MIN_PROSE = 3  # prose paragraphs each side of a split needs


def split_articles(paras: list[Para]) -> list[list[Para]]:
    """Cut the paragraph list into one list per article."""
    usual_gap = Counter(p.gap for p in paras).most_common(1)[0][0] if paras else 0
    starts = [i for i in range(1, len(paras)) if _opens_article(paras, i, usual_gap)]
    segments, begin = [], 0
    prose_before = _prose_prefix(paras)
    for start in starts:
        after_end = next((s for s in starts if s > start), len(paras))
        if (prose_before[start] - prose_before[begin] >= MIN_PROSE
                and prose_before[after_end] - prose_before[start] >= MIN_PROSE):
            segments.append(paras[begin:start])
            begin = start
    segments.append(paras[begin:])
    return segments


def _prose_prefix(paras: list[Para]) -> list[int]:
    counts = [0]
    for para in paras:
        counts.append(counts[-1] + para.prose)
    return counts


def _opens_article(paras: list[Para], i: int, usual_gap: int) -> bool:
    para = paras[i]
    if para.prose or para.words < 3 or not is_title_like(para.text, para.words):
        return False
    if any(p.text == para.text for p in paras[i + 1:i + 1 + ECHO_WINDOW]):
        return not any(p.text == para.text for p in paras[max(0, i - ECHO_WINDOW):i])
    return para.gap >= 3 and para.gap > usual_gap
