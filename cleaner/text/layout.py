"""Layout stage: where the article sits in a dump, and its headline.

A whole-page copy wraps the article in menus, teaser lists and footers. The
article is the stretch of the page where sentences are dense: each prose line
scores its word count (less further down the page, where sidebars live), every
other line a penalty that grows along a run of such lines (a lone sub-heading
costs little, a menu of thirty links a lot), and the best-scoring stretch (a
maximum subarray) is the body. The headline is the title-like line just above
it; bylines, dates and captions between the two are sorted out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice, takewhile

from .draft import Draft, Para
from .lines import (
    ADDRESS,
    HEADLINE_SENTENCE_WORDS,
    has_lowercase_word,
    is_headline_shaped,
    is_quotation,
    is_quoted_or_asked,
    is_story_list_item,
    is_timestamp,
    is_title_like,
    lowercase_share,
    shared_words,
    subject_words,
    word_stems,
)
from .patterns import (
    BYLINE,
    BYLINE_PREFIX,
    CAPTION_TRAILING_CREDIT,
    DATE_LINE,
    EMBED_ATTRIBUTION,
    meta_line,
    photo_credit,
)
from .split import is_separator
from .titles import NAMES, headline_score

NON_PROSE_COST = 2  # a live line that is not a sentence, times its place in the run
CUT_COST = 1  # a line a detector already cut, times its place in the run
POSITION_DISCOUNT = 0.5  # pages put the story before sidebars: later prose weighs less
RUN_CAP = 6  # the per-line penalty stops growing here
OPENING_LINES = 3  # a headline the body's stretch took in stands this close to its top
HEAD_FURNITURE = 3  # byline, date and caption lines between a headline and its standfirst
CAPTION_SENTENCE_WORDS = 12  # ... a caption there is a sentence this short
HEADLINE_LOOKBACK = 20  # live lines above the body searched for the headline
STORY_PARAGRAPHS = 5  # the story's first paragraphs say what it is about
SUBJECT_WEIGHT = 6  # a headline all of whose words the story is about scores this much more
SIGNED_WEIGHT = 6  # ... and a title with a byline or date right under it this much more
SIGNED_TITLE_WORDS = 3  # a title over a byline or date may be this short ('Kenia: Nairobi')
HEADLINE_MAX_WORDS = 40  # a first line longer than this is no headline
CREDIT_GAP = 2  # runs of cut lines between the last paragraph and the story's credit
CREDIT_WORDS = 30  # ... and the credit is no longer than this
BRACKETED_LINE = re.compile(r"^\([^()]+\)$")
BRACKETED_LABEL = re.compile(r"^[\[＜〈《【［<][^\]＞〉》】］>]+[\]＞〉》】］>]$")
LIST_LABEL_WORDS = 4  # a list's bracketed section label is this short
ANNOUNCED_ITEMS = 2  # list items under a line ending in a colon make it the story's list
CLOSING_CUT_BLOCKS = 2  # blocks of cut lines (an ad slot, a prompt) a last section may follow
CLOSING_LIST_LINES = 12  # a list the last section may open with is no longer than this
PROMPTS = frozenset({"donation_appeal", "newsletter_prompt", "paywall", "app_prompt",
                     "social_prompt", "call_to_action"})  # what a title may head
TITLE_ITEM_WORDS = 6  # a list item this long and title-like reads as another story's headline
LABEL = re.compile(r"^[^:]{1,40}: (\w)")  # 'We like: it folds flat', 'Плюсы: быстро сохнет'
SUBHEADING_WORDS = 8  # a sub-heading is no longer than this
SECTION_WORDS = 20  # ... and the paragraph under it at least this long
SECTION_PARAS = 2  # a line in a run of links titles the section when these paragraphs
TITLE_SHARE = 0.6  # ... under the run use this share of its words
TITLE_SUBJECT_WORDS = 3  # ... of which it has at least this many
SUB_TITLE_WORDS = 3  # a sub-title under the headline is at least this long
SUB_TITLE_MAX_WORDS = 12  # ... and at most this long (a caption runs longer)
SUB_TITLES_MIN = 2  # ... and stands with another
OVER_SUB_TITLES = 3  # live lines above a block of sub-titles searched for its headline
STANDFIRST_WORDS = 8  # running text under the headline this long is its summary, stop or not
# ... and this share of its words in lower case (German capitalises its nouns: 0.4)
STANDFIRST_LOWERCASE = 0.35
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\|)\s*")
_NAME = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}$")


def locate_article(draft: Draft) -> None:
    """Pick the body stretch and the headline; cut what lies around them. In a dump
    where no earlier stage found anything to cut and no separator line stands
    (headline and story only), the body runs to the end and its short lines
    stay: there is no page around it; its first line is the headline, and what
    stands between it and the story (a standfirst, sub-titles) stays too."""
    live = draft.live()
    if not live:
        return
    span = _densest_stretch(draft)
    if span is None:  # no sentence at all: no article here (the pipeline drops it)
        return
    start, end = span
    clean = all(p.cut is None and not is_separator(p) for p in draft.paras)  # no page seen
    end = len(draft.paras) - 1 if clean else _credit_line(draft, _closing_section(draft, end))
    titled = clean and draft.headline is None and _opens_with_title(draft, start)
    if titled:  # headline and story only: what stands between them is the story's
        draft.headline = live[0]
    above = [i for i in live if i < start]
    if draft.headline is None:  # not already known from the split
        story = _story_stems(draft, [i for i in live if start <= i <= end])
        draft.headline = _over_sub_titles(
            draft, above, _choose_headline(draft, above[-HEADLINE_LOOKBACK:], story))
    if draft.headline is None:
        draft.headline = _leading_title(draft, [i for i in live if start <= i <= end])
    if draft.headline is None:  # the stretch may begin above its headline
        draft.headline = _opening_title(draft, [i for i in live if start <= i <= end])
        if draft.headline is not None:
            above = [i for i in live if i <= draft.headline]
            start = draft.headline + 1
    head = [i for i in above if draft.headline is not None and i > draft.headline]
    sub_titles = _sub_titles(draft, head)
    opening_lists = _opening_lists(draft, head)
    for i in above:
        below_headline = draft.headline is not None and i > draft.headline
        if below_headline and _doubled(draft, i):
            draft.cut(i, "generic.caption.doubled", "caption")  # the copy of a caption
            continue
        if i == draft.headline or (below_headline and _is_standfirst(draft.paras[i])) \
                or i in sub_titles or i in opening_lists:
            continue  # a standfirst, sub-titles or lists under the headline are the story's
        if titled and not _head_meta(draft.paras[i]):
            continue  # ... and so are its sub-titles, in a dump with no page around it
        _cut_head_line(draft, i, near=below_headline)
    for i in live:
        if i > end:
            draft.cut(i, "generic.navigation.outside", "navigation")
    _cut_short_runs(draft, [i for i in draft.live() if start <= i <= end], links=not clean)


def _opening_lists(draft: Draft, head: list[int]) -> set[int]:
    """The story's own lists between its opening paragraphs above the body's stretch
    (a line-up under the first paragraphs weighs the stretch's start down below
    it): a run of short lines with running text right above it and below it."""
    kept: set[int] = set()
    runs: list[list[int]] = [[]]
    for i in head:
        if draft.paras[i].prose:
            runs.append([])
        else:
            runs[-1].append(i)
    for run in runs[1:]:  # (the first run stands right under the headline: its furniture)
        if len(run) >= 2 and run[-1] + 1 < len(draft.paras) and draft.paras[run[-1] + 1].prose \
                and (_story_list(draft, run) or len(_announced_list(draft, run)) == len(run)):
            kept.update(run)
    return kept


def _sub_titles(draft: Draft, head: list[int]) -> set[int]:
    """The story's sub-titles among the live lines between its headline and body:
    Korean, Japanese and Chinese papers print several short titles there, in a
    script without letter case (SUB_TITLES_MIN or more, of SUB_TITLE_WORDS or more
    words; a line in a cased script there is as often a teaser link)."""
    titles = {i for i in head if _sub_title_shaped(draft.paras[i])}
    return titles if len(titles) >= SUB_TITLES_MIN else set()


def _over_sub_titles(draft: Draft, above: list[int], chosen: int | None) -> int | None:
    """The headline over a block of sub-titles when the one chosen is in the block
    (the nearest titles to the story, or the one telling most of it): the title-like
    line above the block, past a widget or two."""
    if chosen is None or not _sub_title_shaped(draft.paras[chosen]):
        return chosen
    k = m = above.index(chosen)
    while k > 0 and _sub_title_shaped(draft.paras[above[k - 1]]):
        k -= 1
    while m + 1 < len(above) and _sub_title_shaped(draft.paras[above[m + 1]]):
        m += 1
    over = [i for i in above[max(0, k - OVER_SUB_TITLES):k]
            if (headline_score(draft.paras[i], 0) or 0) > 0]
    return over[-1] if m - k + 1 > SUB_TITLES_MIN and over else chosen


def _sub_title_shaped(para: Para) -> bool:
    """A short title-like line in a script without letter case, not a byline, a date
    or a time stamp."""
    text = para.text
    return (not para.prose and SUB_TITLE_WORDS <= para.words <= SUB_TITLE_MAX_WORDS
            and not _head_meta(para) and not is_timestamp(text)
            and is_title_like(text, para.words) and any(ch.isalpha() for ch in text)
            and not any(ch.isupper() or ch.islower() for ch in text))


def _opens_with_title(draft: Draft, start: int) -> bool:
    """A dump with no page around it opens with its headline: a first line above the
    densest stretch that is not a sentence, a byline, a date or a menu (a word in
    lower case, or a script without case), or a short quotation; the lines between
    the two are the story's standfirst or sub-titles."""
    first = draft.paras[0]
    if _quoted_title(first) and len(draft.paras) > 1:
        return True  # a quotation for a headline: '„Wer lacht, verliert. Er lacht.“'
    return (start > 0 and not first.prose and first.words <= HEADLINE_MAX_WORDS
            and lowercase_share(first.text) > 0
            and not BYLINE.match(first.text) and not DATE_LINE.match(first.text))


def _quoted_title(para: Para) -> bool:
    """A whole line in quotation marks, short enough for a headline."""
    return 2 <= para.words <= HEADLINE_SENTENCE_WORDS and is_quotation(para.text)


def _densest_stretch(draft: Draft) -> tuple[int, int] | None:
    """Maximum-sum run of paragraph weights (Kadane); None when nothing scores."""
    best, best_span = 0.0, None
    total, run_start, gap_run = 0.0, 0, 0
    n = len(draft.paras)
    for i, para in enumerate(draft.paras):
        if para.prose and para.cut is None:
            weight, gap_run = para.words * (1 - POSITION_DISCOUNT * i / n), 0
        elif para.cut is not None and i and _same_block(draft.paras[i - 1], para):
            weight = 0.0
        else:
            gap_run += 1
            weight = -min(gap_run, RUN_CAP) * (CUT_COST if para.cut is not None else NON_PROSE_COST)
        if total <= 0:
            total, run_start = weight, i
        else:
            total += weight
        if total > best:
            best, best_span = total, (run_start, i)
    return best_span


def _same_block(above: Para, para: Para) -> bool:
    """Two lines one block detector cut as one block (an appeal's pitch and buttons):
    the block weighs as a single cut line, so a long appeal set between two paragraphs
    does not cut the story in two."""
    return (above.block_cut and para.block_cut and above.cut is not None
            and para.cut is not None and above.cut.rule == para.cut.rule)


def _closing_section(draft: Draft, end: int) -> int:
    """Extend the body over a short last section the sums undervalue: after at most
    two cut lines, an optional sub-heading or list of the story's own (a line-up,
    tour dates) and the sentences under it (under a sub-heading, past at most
    CLOSING_CUT_BLOCKS blocks of cut lines: an ad slot, a link)."""
    paras, i = draft.paras, end + 1
    while i < len(paras):
        j = i
        while j < len(paras) and j - i < 2 and paras[j].cut is not None:
            j += 1
        k = j  # a run of short live lines: a sub-heading, or the story's list
        while k < len(paras) and k - j < CLOSING_LIST_LINES and paras[k].cut is None \
                and not paras[k].prose:
            k += 1
        if k - j == 1 and is_title_like(paras[j].text, paras[j].words):
            j = _past_cut_blocks(paras, k, CLOSING_CUT_BLOCKS)  # a sub-heading: kept
            #                                           only with a sentence under it
        elif k - j > 1 and _story_list(draft, list(range(j, k))):
            if j == i and (k >= len(paras) or paras[k].cut is not None):
                end, i = k - 1, k  # a list right under the last paragraph is the story's
                continue
            j = k
        if j >= len(paras) or paras[j].cut is not None or not paras[j].prose:
            return end
        while j + 1 < len(paras) and paras[j + 1].cut is None and paras[j + 1].prose:
            j += 1
        end, i = j, j + 1
    return end


def _title_list(draft: Draft, run: list[int]) -> bool:
    """Most lines of the run are titles of some length ('2. Baerbock zur UN: Nur
    eine Etappe'), not labels with a value in running words ('We like: it folds
    flat'): other stories' headlines."""
    return 2 * sum(_long_title(draft.paras[j]) for j in run) > len(run)


def _long_title(para: Para) -> bool:
    label = LABEL.match(para.text)  # a label whose value runs on in lower case, any script
    return (para.words >= TITLE_ITEM_WORDS and is_title_like(para.text, para.words)
            and not (label and label.group(1).islower())
            and not ADDRESS.match(para.text))  # ('Old Fire Station, 18 Mill Road')


def _credit_line(draft: Draft, end: int) -> int:
    """Extend the body over the story's credit under its last paragraph, past at most
    CREDIT_GAP runs of cut lines (a sign-up box, an ad slot): a whole line in
    brackets ('(Reporting by X; Editing by Y)', '(Con información de Europa
    Press)'), or the attribution of an embedded post the story ends with ('— Name
    (@handle) May 4, 2024')."""
    i = _past_cut_blocks(draft.paras, end + 1, CREDIT_GAP)
    if i >= len(draft.paras) or draft.paras[i].cut is not None:
        return end
    para = draft.paras[i]
    credit = BRACKETED_LINE.match(para.text) or EMBED_ATTRIBUTION.match(para.text)
    return i if para.words <= CREDIT_WORDS and credit else end


def _past_cut_blocks(paras: list[Para], i: int, blocks: int) -> int:
    """The first line from i on past at most `blocks` runs of cut lines, a run being
    lines in a row cut as one category (a sign-up box's title, pitch and button)."""
    for _ in range(blocks):
        first = paras[i].cut if i < len(paras) else None
        if first is None:
            break
        while i < len(paras) and (cut := paras[i].cut) is not None \
                and cut.category == first.category:
            i += 1
    return i


def _story_stems(draft: Draft, body: list[int]) -> set[str]:
    """What the story's first paragraphs are about (their word stems)."""
    stems: set[str] = set()
    for i in [i for i in body if draft.paras[i].prose][:STORY_PARAGRAPHS]:
        stems |= word_stems(draft.paras[i].folded)
    return stems


def _choose_headline(draft: Draft, candidates: list[int], story: set[str]) -> int | None:
    """The best-scoring title-like line, the more so the more of its words the story
    under it is about (a widget or menu line shares none); when a shorter title
    stands right above it, that one is the headline and the chosen line its
    standfirst, if the story speaks of it or the page printed it twice."""
    scores = {}
    for distance, i in enumerate(reversed(candidates)):
        para = draft.paras[i]
        signed = i + 1 < len(draft.paras) and _meta(draft.paras[i + 1])  # or dated
        score = headline_score(para, distance)
        over = candidates[-distance - 2] if distance + 1 < len(candidates) else None
        if score is None and signed and not _under_title(draft, over):
            score = headline_score(para, distance, signed=True)
        if score is not None and score > 0:
            stems = word_stems(para.folded)
            scores[i] = score + SUBJECT_WEIGHT * len(stems & story) / max(1, len(stems))
            scores[i] += SIGNED_WEIGHT if signed else 0
    if not scores:
        return None
    best = max(scores, key=lambda i: scores[i])
    if _echoed(draft, best):
        return best  # the page printed it twice: the title, not a standfirst
    k = candidates.index(best)
    while k > 0 and not _echoed(draft, candidates[k]) and not _repeated_below(
            draft, candidates[k]):  # (a title printed twice is the one)
        j = k - 1  # the line above, past the byline, date and photo lines under a headline
        while j > 0 and k - j <= HEAD_FURNITURE and _head_furniture(draft.paras[candidates[j]]):
            j -= 1
        above = draft.paras[candidates[j]]
        signed = any(_meta(draft.paras[candidates[m]]) for m in range(j + 1, k))
        if (candidates[j] not in scores or above.words < (SIGNED_TITLE_WORDS if signed else 5)
                or (above.words >= draft.paras[candidates[k]].words and not signed)
                or not has_lowercase_word(above.text)  # a menu line: 'Weather Traffic Jobs'
                or (story and not word_stems(above.folded) & story  # about nothing told
                    and not _echoed(draft, candidates[j]))):
            break  # (a longer title above counts only over a byline or date: the headline's)
        k = j
    return candidates[k]


def _under_title(draft: Draft, over: int | None) -> bool:
    """The live line over a line (index `over`) is title-like itself: the line
    hangs under a headline (a photo caption with its credit), it does not head the
    page's block."""
    return over is not None and headline_score(draft.paras[over], 0) is not None


def _meta(para: Para) -> bool:
    """A byline, names alone or a date line."""
    return meta_line(para.text) or bool(NAMES.match(para.text))


def _head_furniture(para: Para) -> bool:
    """A byline (names alone too), a date or a short photo caption, as stand between
    a headline and its standfirst."""
    return _meta(para) or (para.prose and para.words <= CAPTION_SENTENCE_WORDS)


def _echoed(draft: Draft, i: int) -> bool:
    """Line i repeats a line above it that was cut as a duplicate."""
    text = draft.paras[i].text
    return any(p.text == text and p.cut is not None and p.cut.category == "duplicate"
               for p in draft.paras[max(0, i - HEADLINE_LOOKBACK):i - 1])  # (a caption
    #            printed twice in a row is no headline echoed under its captions)


def _repeated_below(draft: Draft, i: int) -> bool:
    """Line i has a copy further down cut as a duplicate: the page printed its title
    in its head and again over the story."""
    text = draft.paras[i].text
    return any(p.text == text and p.cut is not None and p.cut.category == "duplicate"
               for p in draft.paras[i + 1:])


def _doubled(draft: Draft, i: int) -> bool:
    """Line i is the second of a line printed twice in a row (the first cut as its
    duplicate): a photo caption and its copy, under the headline."""
    above = draft.paras[i - 1] if i else None
    return (above is not None and above.text == draft.paras[i].text and above.cut is not None
            and above.cut.category == "duplicate")


def _is_standfirst(para: Para) -> bool:
    """Running text under the headline, with or without a full stop (not a byline,
    a date or a photo caption with its credit)."""
    if para.prose:
        return True
    text = para.text
    return (para.words >= STANDFIRST_WORDS and lowercase_share(text) >= STANDFIRST_LOWERCASE
            and not BYLINE.match(text) and not DATE_LINE.match(text)
            and not CAPTION_TRAILING_CREDIT.match(text) and not photo_credit(para))


def _opening_title(draft: Draft, body: list[int]) -> int | None:
    """A title among the body's first lines with only short lines above it (a banner,
    a prompt the classifier cuts later) and the story under it: the stretch the
    layout found began a line or two above the headline."""
    sentence_above = False
    for n, i in enumerate(body[:OPENING_LINES]):
        para = draft.paras[i]
        signed = i + 1 < len(draft.paras) and _meta(draft.paras[i + 1])
        if n + 1 < len(body) and (headline_score(para, 0) or 0) > 0 and (
                not sentence_above or signed):
            return i  # (under a sentence, only a title signed or dated right under it:
            #            'You are using an older browser.' over the headline and its byline)
        sentence_above = sentence_above or para.words > CAPTION_SENTENCE_WORDS
    return None


def _leading_title(draft: Draft, body: list[int]) -> int | None:
    """A question, exclamation or quotation headline opening the body ('Is this the
    end?', '«Die Zurückhaltung hat viel mit den USA zu tun»')."""
    if len(body) < 2:
        return None
    para, text = draft.paras[body[0]], draft.paras[body[0]].text
    if para.words > HEADLINE_SENTENCE_WORDS or not is_headline_shaped(text, para.words):
        return None
    return body[0] if is_quoted_or_asked(text) else None


def _head_meta(para: Para) -> bool:
    """A byline, a date, names or a credited caption: what stands under a headline
    apart from the story."""
    return bool(_meta(para) or _NAME.match(para.text)
                or CAPTION_TRAILING_CREDIT.match(para.text) or photo_credit(para))


def _cut_head_line(draft: Draft, i: int, near: bool) -> None:
    """Lines above the body: bylines, dates and captions near the headline, else navigation."""
    text = draft.paras[i].text
    if BYLINE.match(text):
        draft.authors.extend(_authors(text))
        draft.cut(i, "generic.byline.author", "byline")
    elif DATE_LINE.match(text):
        draft.dates.insert(len(draft.dates) if not near else 0, text)  # under the headline first
        draft.cut(i, "generic.byline.date", "byline")
    elif near and (CAPTION_TRAILING_CREDIT.match(text) or
                   photo_credit(draft.paras[i])):
        draft.cut(i, "generic.caption.head", "caption")
    elif near and _NAME.match(text) and not draft.authors:
        draft.authors.append(text)
        draft.cut(i, "generic.byline.name", "byline")
    else:
        draft.cut(i, "generic.navigation.outside", "navigation")


def _authors(byline: str) -> list[str]:
    names = _AUTHOR_SPLIT.split(BYLINE_PREFIX.sub("", byline))
    return [n.strip() for n in names if _NAME.match(n.strip())]


def _story_list(draft: Draft, run: list[int]) -> bool:
    """Most lines of the run carry the marks of a story's own list (items, figures,
    labels, attributions): tour dates, line-ups and results stay; a numbered list
    of other stories' titles does not."""
    return (2 * sum(is_story_list_item(draft.paras[j].text) or _list_label(draft.paras[j])
                    for j in run) > len(run)
            and not _title_list(draft, run))


def _announced_list(draft: Draft, run: list[int]) -> set[int]:
    """A line ending in a colon and the story's list items right under it ('Final
    standings:' over '1. Kenya 58 pts'): a list the story announces, not links."""
    kept: set[int] = set()
    for n, j in enumerate(run):
        if not draft.paras[j].text.rstrip().endswith((":", "：")):
            continue
        items = list(takewhile(lambda k: _short_item(draft.paras[k]), run[n + 1:]))
        if len(items) >= ANNOUNCED_ITEMS:
            kept.update([j, *items])
    return kept


def _listed_groups(draft: Draft, run: list[int]) -> set[int]:
    """The parts of a run between the lines other stages cut (an ad slot) made of
    the story's list items alone: three results over an ad label and a row of
    widget buttons are the story's list, the buttons are not."""
    groups: list[list[int]] = []
    for j in run:
        if groups and groups[-1][-1] == j - 1:
            groups[-1].append(j)
        else:
            groups.append([j])
    if len(groups) < 2:
        return set()  # (the run as a whole was weighed already)
    return {j for group in groups
            if len(group) >= 2 and all(_short_item(draft.paras[k]) for k in group) for j in group}


def _short_item(para: Para) -> bool:
    """An item of the story's list, not a title of another story's length."""
    return is_story_list_item(para.text) and not _long_title(para)


def _list_label(para: Para) -> bool:
    """A short label in brackets heading a part of a list ('＜震度4＞', '[Group A]'); a
    bracketed link has a colon or a title's length ('[See also: ...]')."""
    return (para.words <= LIST_LABEL_WORDS and bool(BRACKETED_LABEL.match(para.text))
            and ":" not in para.text and "：" not in para.text)


def heads_section(line: Para, below: Para) -> bool:
    """A sub-heading over the paragraph right under it: a short title, then a full
    paragraph of the story."""
    return _subheading_shaped(line) and _section_text(below)


def _subheading_shaped(line: Para) -> bool:
    """A short title with a word in lower case (or in a script without case), not a
    byline, a date or a label announcing what follows ('Read more:')."""
    text = line.text
    return (line.words <= SUBHEADING_WORDS and is_title_like(text, line.words)
            and lowercase_share(text) > 0 and not text.rstrip().endswith((":", "："))
            and not BYLINE.match(text) and not DATE_LINE.match(text))


def _section_text(para: Para) -> bool:
    return para.prose and para.words >= SECTION_WORDS


def _cut_short_runs(draft: Draft, body: list[int], links: bool = True) -> None:
    """Inside the body, two or more non-sentence lines in a row are a list of links,
    not a sub-heading (a sub-heading stands alone before its paragraph), unless
    they read as the story's own list or as two headings over a paragraph. A
    heading set apart from the rest of the run by lines other stages cut (an ad
    slot, a prompt) stands alone too. A run opening with bylines or dates loses
    those lines. links=False (a dump with no page around it): bylines and dates only."""
    run: list[int] = []
    for pos, i in enumerate([*body, None]):
        para = draft.paras[i] if i is not None else None
        if i is not None and para is not None and not para.prose:
            run.append(i)
            continue
        headings = (para is not None and _section_text(para) and len(run) == 2
                    and all(_heading(draft, j) or _word_heading(draft, j) for j in run)
                    and any(_heading(draft, j) for j in run))  # ('Vorlesen / Teilen': widgets)
        if links and len(run) >= 2 and not _story_list(draft, run) and not headings:
            if para is not None and heads_section(draft.paras[run[-1]], para):
                run.pop()  # the sub-heading of the paragraph below stays
            kept = _announced_list(draft, run) | _listed_groups(draft, run)
            for n, j in enumerate(run):
                if j in kept:
                    continue
                if EMBED_ATTRIBUTION.match(draft.paras[j].text):
                    continue  # an embedded post's '— Name (@handle) date' is the story's
                if (_heading(draft, j) or _word_heading(draft, j)) and _set_apart(run, n):
                    continue  # a heading cut lines set apart from the rest of the run
                if n == len(run) - 1 and _titles_section(draft, j, islice(body, pos, None)):
                    continue  # the story's own title of the section below
                draft.cut(j, "generic.navigation.link-run", "navigation")
        else:
            for j in run:  # the byline and date lines the run opens with
                text = draft.paras[j].text
                if not meta_line(text):
                    break
                if DATE_LINE.match(text):
                    draft.dates.append(text)  # (after any date found above the story)
                draft.cut(j, "generic.byline.inline", "byline")
        run = []


def _titles_section(draft: Draft, j: int, below: Iterable[int]) -> bool:
    """Line j is a title whose words the paragraphs under the run (`below`: the body
    lines from the run's end on) mostly use: the story's own sub-heading (a live
    blog's entry, a review's product line), not a link to another story."""
    line = draft.paras[j]
    if len(subject_words(line.folded)) < TITLE_SUBJECT_WORDS:
        return False
    section = islice((draft.paras[k].folded for k in below if draft.paras[k].prose),
                     SECTION_PARAS)  # (lazily: a dump may hold many runs)
    return (shared_words(line.folded, list(section)) or 0) >= TITLE_SHARE


def _heading(draft: Draft, j: int) -> bool:
    """Line j is sub-heading shaped and not the title of a prompt: the line right
    under it was not cut as a prompt or an appeal ('Evening digest' over a sign-up
    line)."""
    return _subheading_shaped(draft.paras[j]) and not _titles_prompt(draft, j)


def _word_heading(draft: Draft, j: int) -> bool:
    """A one-word heading ('Reaktionen', 'Background'): a capitalised word of letters,
    not the title of a prompt."""
    text = draft.paras[j].text
    return (draft.paras[j].words == 1 and text.isalpha() and text[:1].isupper()
            and not text.isupper() and not _titles_prompt(draft, j))


def _titles_prompt(draft: Draft, j: int) -> bool:
    """The line right under line j was cut as a prompt or an appeal: j is its title."""
    below = draft.paras[j + 1].cut if j + 1 < len(draft.paras) else None
    return below is not None and below.category in PROMPTS


def _set_apart(run: list[int], n: int) -> bool:
    """Line run[n] has no run line right next to it: cut lines stand between."""
    j = run[n]
    return (n == 0 or run[n - 1] != j - 1) and (n == len(run) - 1 or run[n + 1] != j + 1)
