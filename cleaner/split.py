"""Split stage: one dump may hold several articles back to back (seed 002).

An article start is a headline-like line that opens a story:
- after a longer run of blank lines than the dump uses between paragraphs:
  three or more, or two when the same headline, a byline or a date line
  follows within a few lines with no full paragraph between;
- right after a separator line ("Up next", "Read next", "Next article");
- with paragraph spacing, when the headline comes again after its captions
  (endless-scroll copies print the next article's title, its photo captions,
  then the title again) and the line is no caption of the story above: not a
  'caption / credit / caption / credit' pair, and sharing under half its
  word stems with the lines above.
Without extra spacing, a story must also end just above and another open
just below. A split is kept only when both sides hold an article's worth of
full paragraphs, so a teaser list repeating a headline never splits a page.
"""

from __future__ import annotations

from collections import Counter

from .draft import Para
from .lines import WORD, ends_sentence, is_title_like
from .patterns import BYLINE, DATE_LINE, NEXT_ARTICLE, line_key

ECHO_WINDOW = 8  # lines within which a repeated headline marks an article start
MIN_SENTENCES = 3  # full paragraphs each side of a split needs
STORY_END = 3  # lines above an unspaced headline within which the last story ended
LEAD_WINDOW = 12  # the first full paragraph follows a new headline within this many lines
SUBJECT_LINES = 30  # lines above a headline compared with it for shared words
SUBJECT_WORD = 5  # characters: shorter words say little about the subject
SUBJECT_SHARE = 0.5  # a caption shares at least this share of its words with the story


def split_articles(paras: list[Para]) -> list[list[Para]]:
    """Cut the paragraph list into one list per article."""
    usual_gap = Counter(p.gap for p in paras).most_common(1)[0][0] if paras else 0
    counts = Counter(p.text for p in paras)
    starts = [i for i in range(1, len(paras)) if _opens_article(paras, i, usual_gap, counts)]
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


def _new_subject(paras: list[Para], i: int) -> bool:
    """The line speaks of something the story above did not: a photo caption echoed
    mid-story names the story's people and places, the next article's headline
    mostly does not."""
    words = {w[:SUBJECT_WORD] for w in WORD.findall(paras[i].folded) if len(w) >= SUBJECT_WORD}
    if not words:
        return False
    above = set()  # word stems: inflected languages change the ending ('Путин', 'Путина')
    for para in paras[max(0, i - SUBJECT_LINES):i]:
        above.update(w[:SUBJECT_WORD] for w in WORD.findall(para.folded))
    return len(words & above) < SUBJECT_SHARE * len(words)


def _caption_pair(paras: list[Para], i: int, distance: int) -> bool:
    """'Caption / credit / caption / credit': a duplicated caption block, not a
    headline and its echo (the line after each copy is the same)."""
    j = i + distance
    return j + 1 < len(paras) and paras[j + 1].text == paras[i + 1].text


def _is_full_paragraph(para: Para) -> bool:
    return para.words >= 12 and ends_sentence(para.text)


def _opens_article(paras: list[Para], i: int, usual_gap: int, counts: Counter[str]) -> bool:
    """Is line i the headline of a new article? (`counts`: how often each line occurs;
    a headline and its echo occur twice, a repeated widget line more often.)"""
    para = paras[i]
    if para.prose or para.words < 4 or not is_title_like(para.text, para.words):
        return False
    spaced = para.gap > max(1, usual_gap)
    # Without extra spacing, a story must end right above and another open right
    # below (a page's menus, teaser lists and footers repeat lines too).
    after_story = any(_is_full_paragraph(p) for p in paras[max(0, i - STORY_END):i]) and \
        sum(_is_full_paragraph(p) for p in paras[i + 1:i + 1 + LEAD_WINDOW]) >= MIN_SENTENCES
    if line_key(paras[i - 1].text) in NEXT_ARTICLE and after_story:
        return True
    window = paras[i + 1:i + 1 + ECHO_WINDOW]
    mark = next((k for k, p in enumerate(window)
                 if p.text == para.text or BYLINE.match(p.text) or DATE_LINE.match(p.text)), None)
    if mark is not None and not any(_is_full_paragraph(p) for p in window[:mark]):
        # Only captions and widgets stand between a headline and its echo or byline.
        echo = (window[mark].text == para.text and mark > 0 and counts[para.text] == 2
                and not _caption_pair(paras, i, mark + 1))
        return spaced or (echo and after_story and _new_subject(paras, i))
    return para.gap >= 3 and spaced
