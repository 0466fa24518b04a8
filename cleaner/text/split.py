"""Split stage: one dump may hold several articles back to back (seed 002).

An article start is a headline-shaped line (a title, or a short question or
quote) with a story under it: 80+ words of full paragraphs within a few lines.
What stands above it and in its head zone (the lines down to the first full
paragraph: captions, byline, date, widgets) is the evidence, strongest first:
- ECHOED: the same line again in its head zone (endless-scroll copies print
  title, captions, title again; a caption may be a sentence, printed twice too),
  unless a whole block is printed twice (the line before each copy, or the
  short credit after it, is the same);
- MARKED: a byline (or full names alone: 'Ana Lima and Tomas Ruiz') or a
  calendar date within its first lines, the line not
  being part of a teaser list ('title / date' or 'title / section' pairs); or,
  with paragraph spacing, a caption printed twice under it;
- SET_APART: three or more blank lines above it (or above its one- or two-word
  banner) where the dump uses fewer, or a separator line ("Up next", "Next
  article", "* * *") or a page's end (its footer) just above it.
A line under a teaser header ('More articles', 'Mehr zum Thema') is a teaser,
unless a byline or date stands right under it and the paragraphs below start a
new story rather than carry on the one above.
Without extra blank lines a start also needs a story that ended a little above
(a sub-heading with a byline right under a paragraph opens nothing), a subject
new to the story above (under half its word stems), and, unless ECHOED, words
shared with its own first paragraphs (a teaser title or a section label does not
lead into the text below it), unless a separator line stands right above it. Of
candidates with no full paragraph between them the strongest wins, then the most
headline-like, then the first. A split is kept only when both sides hold an
article's worth of full paragraphs (beside a marked headline, or one right under a
separator or a page's footer, two will do, or one long one).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from .draft import Para
from .lines import (
    HEADLINE_SENTENCE_WORDS,
    ends_full_stop,
    ends_sentence,
    has_sentence_break,
    is_quoted_or_asked,
    is_story_list_item,
    is_title_like,
    shared_words,
    word_stems,
)
from .patterns import (
    BYLINE,
    CAPTION_TRAILING_CREDIT,
    COPYRIGHT,
    DATE_LINE,
    EXACT_LINES,
    GENERIC_LINES,
    MONTH,
    NEXT_ARTICLE,
    READ_MORE,
    RELATED_HEADER,
    TEASER_HEADER,
    cookie_banner,
    line_key,
    meta_line,
    photo_credit,
    reader_prompt,
)
from .titles import DASH_QUOTE, headline_score

MIN_SENTENCES = 3  # full paragraphs each side of a split needs
LISTED_ITEMS = 6  # ... or one and this many items of the story's list
MARKED_MIN_SENTENCES = 2  # ... under a full headline echoed, signed, dated or captioned
LEAD_WINDOW = 12  # the first full paragraph follows a new headline within this many lines
SIGNED_WINDOW = 24  # ... or this many under a signed headline (a list, a live ticker)
LEAD_WORDS = 80  # words of full paragraphs in that window: a story, not a teaser's excerpt
HEAD_MARK = 3  # a byline or date line opens the head zone: within this many lines
STORY_END = 30  # lines above a headline within which the last story ended
SUBJECT_LINES = 30  # lines above a headline compared with it for shared words
SUBJECT_SHARE = 0.5  # a caption shares at least this share of its words with the story
CONTINUED_SHARE = 0.25  # paragraphs sharing this much of their stems with the text above go on
LEAD_SHARE = 0.3  # a headline shares at least this share of its words with its first paragraphs
LIST_REACH = 4  # lines either side searched for another teaser-list entry
HEADER_REACH = 2  # a teaser section's header stands this close above its first title
HEADER_WORDS = 6  # ... and is this short
LABEL_DATE_WORDS = 6  # a teaser's 'Section / 19 mins ago' line is this short
CAPTION_WORDS = 5  # a repeated line shorter than this is a widget, not a caption
BREAK_REACH = 2  # a separator or footer this close above a headline marks it
SEPARATOR_REACH = 5  # a separator line stands within this many lines above a headline
CREDIT_WORDS = 6  # the second line of a 'caption / credit' pair is this short
BANNER_WORDS = 2  # a section label or banner over a headline is this short
WIDGET_WORDS = 2  # a line this short under a headline is a widget: the lead window skips it
ASKED_TITLE_WORDS = 14  # a signed title may be a statement and a question this short
MIN_HEADLINE_WORDS = 4  # shorter ones need a byline, date or echo under them
ECHOED, MARKED, SET_APART = 3, 2, 1  # evidence for a headline, strongest first
# 'Also Read | title', 'Read more: title': a link under a short label (a headline's
# '| Site' comes last).
LINK_LABEL = re.compile(rf"^\w+(?: \w+){{0,2}} \| |{READ_MORE}\s*[|:»›>–—]", re.I)
# "Label: title", the shape of an inline teaser link as well as of many headlines.
LABELLED = re.compile(r"^\w+(?:[ -]\w+){0,2}: ")
# Two or more people's full names and nothing else: 'Nadia Belkacem and Marcus Oyelaran'
# (not an address: 'Old Fire Station, Station Road'). Stricter than titles.NAMES, which
# also takes one-word names ('Trump and Harris'): here the line alone starts an article.
_PERSON = r"[A-Z][\w'’-]+(?: [A-Z][\w.'’-]+){1,2}"
PERSONS = re.compile(rf"^{_PERSON}(?:, {_PERSON})*(?: and| und| y| et| e| og| och| &) {_PERSON}$")
# A date that names the day: a year, or a month's name.
CALENDAR_DATE = re.compile(rf"\b(?:1[89]|20)\d\d\b|\b{MONTH}\b", re.I)
# A teaser's section label: one or two words, letters only ('Economy', 'NP Comment').
SECTION_LABEL = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)?$")
# A sentence run on in lower case inside a line: 'Nail them to the wall. amazon is bad'
# (a comment; a headline's second sentence starts with a capital).
INNER_STOP = re.compile(r"[a-z]{2}\. [a-z]")
# A list item running on into the next ('...; and', '..., or', '...; и'): no title.
_RUNS_ON = re.compile(r"[,;]\s+(\w{1,3})$")
# A short line dated the way teaser lists date their entries: 'Holiday / 19 mins ago'.
TEASER_DATE = re.compile(
    r"\b(?:\d+|an?|one) ?(?:min|mins|minutes?|hrs?|hours?|days?|weeks?)\s+ago\b", re.I)
# Menu items set side by side: 'About us | Contact', 'Terms of use · Imprint'.
MENU_SEPARATOR = re.compile(r" [|·•] ")
FOOTER_COPYRIGHT = re.compile(COPYRIGHT, re.I)
FOOTER_WORDS = 12  # a footer's row of links is this short
MENU_ITEM_WORDS = 3  # ... and a row of two, of links this short
# A line of symbols only ("* * *", "~", "———") separates two stories.
SYMBOL_LINE = re.compile(r"^(?:[*~=_#•·—–-] ?)+$")


def split_articles(paras: list[Para]) -> list[list[Para]]:
    """Cut the paragraph list into one list per article; every list after the
    first opens with its article's headline."""
    usual_gap = Counter(p.gap for p in paras).most_common(1)[0][0] if paras else 0
    counts = Counter(p.text for p in paras)
    full = [_is_full_paragraph(p) for p in paras]
    breaks = _Breaks(paras)
    marks = {i: evidence for i in range(1, len(paras))
             if (evidence := _opens_article(paras, full, breaks, i, usual_gap, counts))}
    starts = _pick_starts(paras, full, marks)
    if not starts:
        return [paras]
    before, words, items = [0], [0], [0]  # full paragraphs, their words and list items
    for para, is_full in zip(paras, full, strict=True):  # before each line
        before.append(before[-1] + is_full)
        words.append(words[-1] + para.words * is_full)
        items.append(items[-1] + (not is_full and is_story_list_item(para.text)))
    segments, begin = [], 0
    for n, start in enumerate(starts):
        after_end = starts[n + 1] if n + 1 < len(starts) else len(paras)
        marked = ((marks[start] >= MARKED and paras[start].words >= MIN_HEADLINE_WORDS)
                  or breaks.above(max(0, start - BREAK_REACH), start))  # ('Up next', a footer)
        sides = ((begin, start), (start, after_end))
        if all(_holds_article((before, words, items), a, b, marked) for a, b in sides):
            segments.append(paras[begin:start])
            begin = start
    segments.append(paras[begin:])
    return segments


def _holds_article(sums: tuple[list[int], list[int], list[int]], a: int, b: int,
                   marked: bool) -> bool:
    """Lines a..b-1 hold an article's worth of full paragraphs (`sums`: prefix sums
    of them, of their words and of list items); beside a marked headline fewer
    will do, one long paragraph, or one paragraph and the story's list under it
    (a quake's intensities by town, a race's results)."""
    before, words, items = sums
    full = before[b] - before[a]
    if marked:
        return (full >= MARKED_MIN_SENTENCES or words[b] - words[a] >= LEAD_WORDS
                or (full >= 1 and items[b] - items[a] >= LISTED_ITEMS))
    return full >= MIN_SENTENCES


def headline_at(segment: list[Para]) -> int:
    """Where the headline of a segment after the first stands: its first line, or
    the echo of it a few lines down (the lines between are the echo's captions)."""
    return max(k for k, p in enumerate(segment[:LEAD_WINDOW]) if p.text == segment[0].text)


def _pick_starts(paras: list[Para], full: list[bool], marks: dict[int, int]) -> list[int]:
    """One start per run of candidates with no full paragraph between them: the
    one with the strongest evidence (ECHOED, MARKED, SET_APART), then the most
    headline-like, then the first (teasers, menus, appeals, bylines and captions
    stand around a headline too); never a repeat."""
    runs: list[list[int]] = []
    for i in sorted(marks):
        if runs and not any(full[runs[-1][-1]:i]):
            runs[-1].append(i)
        else:
            runs.append([i])
    starts = []
    for run in runs:
        seen: set[str] = set()
        firsts = []
        for i in run:
            if paras[i].text not in seen:
                firsts.append(i)
            seen.add(paras[i].text)
        starts.append(max(firsts, key=lambda i: (marks[i], headline_score(paras[i], 0) or 0, -i)))
    return starts


def _new_subject(paras: list[Para], i: int) -> bool:
    """The line speaks of something the story above did not: a photo caption echoed
    mid-story names the story's people and places, the next article's headline
    mostly does not."""
    shared = shared_words(paras[i].folded, [p.folded for p in paras[max(0, i - SUBJECT_LINES):i]])
    return shared is not None and shared < SUBJECT_SHARE


def _is_full_paragraph(para: Para) -> bool:
    return para.words >= 12 and ends_sentence(para.text)


def _marks_headline(para: Para) -> bool:
    """A byline or full names alone, or a date line naming the day (a live blog's
    '21:00 Name' and a teaser list's '7 hrs ago' do not)."""
    return bool(BYLINE.match(para.text) or PERSONS.match(para.text)
                or (DATE_LINE.match(para.text) and CALENDAR_DATE.search(para.text)))


def _signed_and_dated(head: list[Para]) -> bool:
    """A byline, then a date line of its own, right under a headline: an article's
    head, not a sub-heading's (a story signs and dates itself once, at its top)."""
    return (len(head) >= 2 and bool(BYLINE.match(head[0].text) or PERSONS.match(head[0].text))
            and bool(DATE_LINE.match(head[1].text)))


def is_separator(para: Para) -> bool:
    """A line between two stories: 'Next article', 'Up next', '* * *'."""
    return line_key(para.text) in NEXT_ARTICLE or bool(SYMBOL_LINE.match(para.text))


def _page_break(para: Para) -> bool:
    """A page's last lines (its copyright, a row of links: 'Impressum | Datenschutz |
    Kontakt') or a new page's first (its cookie consent banner)."""
    return bool(FOOTER_COPYRIGHT.search(para.text) or cookie_banner(para)) or (
        para.words <= FOOTER_WORDS and _menu_row(para.text))


def _menu_row(text: str) -> bool:
    """Links set side by side, each of a few words: 'Impressum | Datenschutz | Kontakt',
    'Aviso legal | Contacto' (not an ad slot's labels: 'Advertisement · Continue
    reading below')."""
    items = MENU_SEPARATOR.split(text)
    return len(items) >= 3 or (len(items) == 2 and all(
        len(item.split()) <= MENU_ITEM_WORDS and not ends_sentence(item)
        and EXACT_LINES.get(line_key(item), "navigation") == "navigation" for item in items))


def _in_list(paras: list[Para], i: int) -> bool:
    """Line i and another 'title / date' or 'title / section' pair close above it,
    or close below when line i forms one too: a teaser list."""
    def pair_at(j: int) -> bool:
        if not 0 <= j < len(paras) - 1 or paras[j].words < 4 or meta_line(paras[j].text):
            return False  # a date over a widget ('Vorlesen') is no teaser
        if (MENU_SEPARATOR.search(paras[j].text) or _prompt(paras[j])
                or has_sentence_break(paras[j].text)):
            return False  # 'About us | Contact | Careers' over a banner is a menu, a
            #               'Follow us on Instagram' prompt is no teaser's title, nor is
            #               a notice of two sentences over its button ('... Show content?')
        after = paras[j + 1]
        return is_title_like(paras[j].text, paras[j].words) and (
            meta_line(after.text)
            or (bool(SECTION_LABEL.match(after.text)) and not _header(after)
                and not is_separator(after) and not _label_run(paras, j + 1))
            or (after.words <= LABEL_DATE_WORDS and bool(TEASER_DATE.search(after.text))))
    below = range(i + 2, i + LIST_REACH + 1) if pair_at(i) else range(0)
    return any(map(pair_at, [*range(i - LIST_REACH, i - 1), *below]))


def _echoed_question(paras: list[Para], i: int, counts: Counter[str]) -> bool:
    """A short line of two sentences or a long question with no full stop at its end
    ('Povilas Aleksandravičius. Kodėl Judas išdavė Jėzų?'), printed again a few lines
    down with lines between: a headline and its echo (a caption ends in a full stop
    or its credit)."""
    para = paras[i]
    return (counts[para.text] == 2
            and MIN_HEADLINE_WORDS <= para.words <= HEADLINE_SENTENCE_WORDS
            and not ends_full_stop(para.text)
            and any(paras[k].text == para.text
                    for k in range(i + 2, min(len(paras), i + 1 + LEAD_WINDOW))))


def _asked_title(para: Para) -> bool:
    """A statement and a question, short ('Business Brief: Nvidia's into nation
    building. We cool with that?'): a title when a byline or date signs it."""
    return (para.words <= ASKED_TITLE_WORDS and para.text.endswith(("?", "!"))
            and is_quoted_or_asked(para.text))


def _label_run(paras: list[Para], j: int) -> bool:
    """Line j is one of several short labels in a row: a share widget or a menu
    ('Facebook / Twitter / WhatsApp'), not one teaser's section label."""
    return any(0 <= k < len(paras) and SECTION_LABEL.match(paras[k].text)
               for k in (j - 1, j + 1))


def _opens_article(paras: list[Para], full: list[bool], breaks: _Breaks, i: int,
                   usual_gap: int, counts: Counter[str]) -> int:
    """How strongly line i reads as the headline of a new article (0: not at all).
    `breaks`: which lines are separators or page breaks; `counts`: how often each
    line occurs (a headline and its echo occur twice, a repeated widget line more
    often)."""
    para = paras[i]
    if (not (_headline_shaped(para) or _echoed_question(paras, i, counts)
             or (_asked_title(para) and i + 1 < len(paras) and _marks_headline(paras[i + 1])))
            or LINK_LABEL.match(para.text) or _is_caption(para)):
        return 0  # (a credited caption printed twice around a line is no headline's echo)
    # an endless-scroll copy prints the headline again under its captions (which may
    # be sentences, printed twice too): the story starts below the echo
    origin = next((k for k in range(i + 1, min(len(paras), i + 1 + LEAD_WINDOW))
                   if paras[k].text == para.text), i)
    if any(full[k] and (counts[paras[k].text] < 2 or para.words < MIN_HEADLINE_WORDS)
           for k in range(i + 1, origin)):
        origin = i  # a story paragraph between (or a prompt's text under its short title)
    lead = [k for k in range(origin + 1, min(len(paras), origin + 1 + LEAD_WINDOW)) if full[k]]
    if (sum(paras[k].words for k in lead) < LEAD_WORDS
            and breaks.above(max(0, i - SEPARATOR_REACH), i)):  # after a separator or footer
        lead = [k for k in range(origin + 1, _window_end(paras, origin)) if full[k]]
    if (sum(paras[k].words for k in lead) < LEAD_WORDS and i + 1 < len(paras)
            and _marks_headline(paras[i + 1]) and (para.gap > max(1, usual_gap)
                                                   or breaks.above(max(0, i - BREAK_REACH), i))):
        # signed and set apart (blank lines, 'Next'): a story of short lines may follow
        lead = [k for k in range(origin + 1, min(len(paras), origin + 1 + SIGNED_WINDOW))
                if full[k]]
    if sum(paras[k].words for k in lead) < LEAD_WORDS:
        return 0  # no story opens below
    head = paras[i + 1:lead[0]]  # captions, byline, date, widgets
    echo = origin - i - 1 if origin > i else None  # its place in the head
    echoed = (echo is not None and echo > 0 and counts[para.text] >= 2
              and not _repeated_block(paras, i, echo + 1))
    marked = any(map(_marks_headline, head[:HEAD_MARK])) and not _in_list(paras, i)
    evidence = ECHOED if echoed else MARKED if marked else 0
    if para.words < MIN_HEADLINE_WORDS and not evidence:
        return 0
    # set apart by extra blank lines (above it, or above its banner: 'Exclusive', 'Sport')
    banner = paras[i - 1].words <= BANNER_WORDS and not _header(paras[i - 1])  # ('Most read')
    gap = max(para.gap, paras[i - 1].gap if banner else 0)
    if gap > max(1, usual_gap):
        return evidence or (SET_APART if gap >= 3 and _new_subject(paras, i) else 0)
    last_story = next((k for k in range(i - 1, max(-1, i - 1 - STORY_END), -1)
                       if full[k] and not (k > i - SEPARATOR_REACH and _prompt(paras[k]))),
                      None)  # (a sign-up prompt right above is no story paragraph)
    if last_story is None:
        return 0
    if last_story == i - 1 and evidence == MARKED and not _signed_and_dated(head):
        evidence = 0  # a sub-heading (and a byline, a photo) right after a paragraph
    if (not evidence and last_story < i - 1 and not _in_list(paras, i)
            and (_captioned(para, head, counts)
                 or _credited_after_prompts(paras, full, i, head, last_story))):
        evidence = MARKED
    if breaks.above(max(last_story + 1, i - SEPARATOR_REACH), i):
        evidence = evidence or SET_APART  # a separator, or where one page ends and one starts
    # The costlier tests last, for the few lines with evidence.
    if not evidence or not _new_subject(paras, i) or _boilerplate(para):
        return 0  # ('Story continues below advertisement' twice is no headline and its echo)
    signed = marked and bool(head) and _marks_headline(head[0])  # byline or date right under it
    teaser = _under_teaser_header(paras, i, breaks)
    if teaser and not (signed and not _story_goes_on(paras, i, full)):
        return 0  # a teaser; unless dated or signed right under it, over a new story
    # right under 'Up next' and printed once (a page's 'Next article' link to one
    # title stands at its top and its foot)
    announced = counts[para.text] == 1 and is_separator(paras[i - 1])
    if (evidence != ECHOED and (teaser or not signed) and not announced
            and not _leads_into(paras, i, full)):
        return 0  # a teaser, a section label or a comment: the text below is about something else
    return evidence


class _Breaks:
    """Which lines are separators or page breaks, worked out only for the lines asked about."""

    def __init__(self, paras: list[Para]) -> None:
        self.paras = paras
        self.known: dict[int, bool] = {}

    def above(self, start: int, i: int) -> bool:
        """A separator or page break among lines start..i-1."""
        return any(self._at(k) for k in range(start, i))

    def _at(self, k: int) -> bool:
        if k not in self.known:
            self.known[k] = is_separator(self.paras[k]) or _page_break(self.paras[k])
        return self.known[k]


def _window_end(paras: list[Para], origin: int) -> int:
    """Where the lead window under a headline after a separator ends: LEAD_WINDOW
    lines on, not counting widget lines of a word or two ('Vorlesen', 'Share')."""
    counted, k = 0, origin + 1
    while k < len(paras) and counted < LEAD_WINDOW:
        counted += paras[k].words > WIDGET_WORDS
        k += 1
    return k


def _boilerplate(para: Para) -> bool:
    """A line a generic phrase pattern names as boilerplate."""
    return GENERIC_LINES.first_match(para.text, para.words, False, para.folded,
                                     para.tokens) is not None


def _prompt(para: Para) -> bool:
    """A line a generic pattern names as boilerplate, or a call to action to the reader."""
    return _boilerplate(para) or reader_prompt(para) is not None


def _leads_into(paras: list[Para], i: int, full: list[bool]) -> bool:
    """A headline shares words with the first paragraphs of its story."""
    shared = shared_words(paras[i].folded, [p.folded for p in _first_paragraphs(paras, i, full)])
    return shared is not None and shared >= LEAD_SHARE


def _story_goes_on(paras: list[Para], i: int, full: list[bool]) -> bool:
    """The full paragraphs below line i carry on the story above it (a signed teaser
    in the middle of a story), rather than start another: they share at least
    CONTINUED_SHARE of their word stems with the lines above."""
    below = _stems_below(paras, i, full)
    return len(below & _stems_above(paras, i)) >= CONTINUED_SHARE * max(1, len(below))


def _first_paragraphs(paras: list[Para], i: int, full: list[bool]) -> list[Para]:
    """The first three full paragraphs under line i, within its lead window."""
    return [paras[k] for k in range(i + 1, min(len(paras), i + 1 + LEAD_WINDOW)) if full[k]][:3]


def _stems_below(paras: list[Para], i: int, full: list[bool]) -> set[str]:
    """Word stems of the first full paragraphs under line i."""
    return {stem for para in _first_paragraphs(paras, i, full) for stem in word_stems(para.folded)}


def _stems_above(paras: list[Para], i: int) -> set[str]:
    """Word stems of the SUBJECT_LINES lines above line i."""
    above: set[str] = set()
    for para in paras[max(0, i - SUBJECT_LINES):i]:
        above |= word_stems(para.folded)
    return above


def _under_teaser_header(paras: list[Para], i: int, breaks: _Breaks) -> bool:
    """'Mehr zum Thema', 'Most read' just above: a teaser, not the next article; but
    right under a page's footer ('More stories' over the next page) it announces it."""
    return any(_header(paras[k]) and not is_separator(paras[k])  # ('Read next' names it)
               and not (k and breaks.above(k - 1, k))
               for k in range(max(0, i - HEADER_REACH), i) if paras[k].words <= HEADER_WORDS)


def _header(para: Para) -> bool:
    """A teaser section's header ('More articles', 'Meistgelesen'): a line about what
    follows it, not a section label under a title."""
    return bool(RELATED_HEADER.match(para.text) or TEASER_HEADER.match(para.text))


def _captioned(para: Para, head: list[Para], counts: Counter[str]) -> bool:
    """A photo caption printed twice under the line (a widget repeats more often)."""
    if LABELLED.match(para.text):  # 'Read more: <title>' over a photo (captions open nothing)
        return False
    others = [p.text for p in head if p.text != para.text and p.words >= CAPTION_WORDS]
    return any(others.count(text) == 2 == counts[text] for text in set(others))


def _credited_after_prompts(paras: list[Para], full: list[bool], i: int, head: list[Para],
                            last_story: int) -> bool:
    """Line i is a title with a credited photo under it, after the prompts that close
    a story above it (a prompt between that story's last paragraph and the title,
    MIN_SENTENCES story paragraphs above). A sentence (an interview's question)
    needs more."""
    if (paras[i].prose or not any(map(_is_caption, head[:HEAD_MARK]))
            or not any(_prompt(paras[k]) for k in range(last_story + 1, i))):
        return False
    story = (k for k in range(i) if full[k] and not _prompt(paras[k]))
    return len(list(islice(story, MIN_SENTENCES))) == MIN_SENTENCES  # (stops at the third)


def _is_caption(para: Para) -> bool:
    return bool(photo_credit(para) or CAPTION_TRAILING_CREDIT.match(para.text))


def _headline_shaped(para: Para) -> bool:
    """Title-like, or a short quote, question or exclamation standing on its own."""
    if para.words < 2 or meta_line(para.text):
        return False
    if not para.prose or not ends_sentence(para.text):  # (or prose by its length alone:
        # a Chinese headline with its sub-title and site name runs to 35 words; 'Nail
        # them to the wall. amazon is bad' is a comment, no title)
        title = DASH_QUOTE.sub("", para.text)  # ('- Vi er lettet': a Nordic quotation)
        return (is_title_like(title, para.words) and not INNER_STOP.search(title)
                and not _runs_on(title))
    text = para.text
    return (para.words <= HEADLINE_SENTENCE_WORDS and not has_sentence_break(text)
            and is_quoted_or_asked(text))


def _runs_on(text: str) -> bool:
    """The line ends in a short lower-case word after a comma or semicolon, in any
    cased script: a list item that runs on into the next."""
    end = _RUNS_ON.search(text)
    return end is not None and end.group(1).islower()


def _repeated_block(paras: list[Para], i: int, distance: int) -> bool:
    """A block printed twice ('caption / credit / caption / credit', a subscription
    box), not a headline and its echo: the line before each copy is the same, or
    the short credit after it."""
    j = i + distance
    return (paras[j - 1].text == paras[i - 1].text
            or (j + 1 < len(paras) and paras[j + 1].text == paras[i + 1].text
                and paras[i + 1].words <= CREDIT_WORDS))
