"""Headline tidying shared by both pipelines: what pages append to a title."""

from __future__ import annotations

import re

from .draft import Para
from .lines import (
    HEADLINE_SENTENCE_WORDS,
    NOT_ABBREVIATION,
    WORD,
    ends_full_stop,
    has_lowercase_word,
    is_quotation,
    is_timestamp,
    is_title_like,
    lowercase_share,
    title_words,
)
from .patterns import (
    CAPTION_SHORT_CREDIT,
    CAPTION_TRAILING_CREDIT,
    meta_line,
    photo_credit,
)

# The last " | ", " - ", " — " segment of a title: often the site's name.
_TITLE_SEGMENT = re.compile(r"^(?P<head>.+?)\s+(?P<sep>[|\-–—·•])\s+(?P<tail>[^|\-–—·•]+)$")
_SITE_NAME_WORDS = 5  # a site name is a short segment
# Names and the words that join them: 'Colm Gallagher and Owen Pritchard', a byline.
_NAME = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}"
NAMES = re.compile(rf"^{_NAME}(?:(?:,| (?:and|und|y|et|e|og|och|&)) {_NAME})+$")
# A full stop ending a sentence inside the line (not a day number: "am 26. August").
_FULL_STOP_BREAK = re.compile(rf"(?:[a-z)]|\d\d\d){NOT_ABBREVIATION}\.[\"”’]? +[A-Z(]")
# Nordic papers quote a speaker in a headline after a dash ('- Angsten vil øke').
DASH_QUOTE = re.compile(r"^[-–—] (?=[^\W\d_])")
TAG_LINE_WORDS = 4  # "... by friends. Here's why"
TAG_SENTENCE_WORDS = 14  # ... or a longer second sentence with no full stop,
TAG_LOWERCASE = 0.5  # ... in running words
# A breadcrumb trail glued in front of the title: 'Start / Ausland / ', 'News › Politics › '.
_CRUMBS = re.compile(r"^(?:[^/>›»\s]+(?: [^/>›»\s]+)? [/>›»] ){2,4}")
_CRUMBED_WORDS = 3  # ... and the title after it is this long
# Player labels a page copy glues to the headline line: "... Back to video".
_PLAYER_LABEL = re.compile(r"\s+(?:back to video|watch video|play video)$", re.I)


def _tag_line(tail: str) -> bool:
    """A headline's second sentence in running words ('... Here's why', '... Here's
    why that can be a bad idea, advisor says'), not a caption's credit ('... John
    Smith/AP') or its second sentence (which ends in a full stop)."""
    words = len(WORD.findall(tail))
    if words <= TAG_LINE_WORDS:
        return has_lowercase_word(tail)
    return (words <= TAG_SENTENCE_WORDS and not ends_full_stop(tail)
            and lowercase_share(tail) >= TAG_LOWERCASE)


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def strip_site_suffix(title: str, site: str | None = None, dashes: bool = True) -> str:
    """'Headline | Site | by Author' -> 'Headline'. A piped segment is dropped
    when short; a dashed one (unless dashes=False) only when it names the site
    or reads like a name ('- Mirror Online'), since '- here's how to check'
    belongs to the headline."""
    while True:
        match = _TITLE_SEGMENT.match(title)
        if match is None:
            return title
        head, sep, tail = match.group("head", "sep", "tail")
        words = WORD.findall(tail)
        if len(WORD.findall(head)) < 3 or len(words) > _SITE_NAME_WORDS:
            return title
        names_site = site is not None and _words(tail) <= _words(site) | {"the", "online", "news"}
        if sep not in "|·•" and not (dashes and (names_site or all(w[0].isupper()
                                                                   for w in words))):
            return title
        title = head


def tidy_headline(line: str) -> str:
    """A headline line from a text dump without a breadcrumb trail in front ('Start /
    Ausland / ...'), a piped site suffix or a player label (dashes stay: in running
    text they are as often part of the headline)."""
    crumbs = _CRUMBS.match(line)
    if crumbs and len(WORD.findall(line[crumbs.end():])) >= _CRUMBED_WORDS:
        line = line[crumbs.end():]
    return strip_site_suffix(_PLAYER_LABEL.sub("", line), dashes=False)


def headline_score(para: Para, distance: int, signed: bool = False) -> float | None:
    """How much a line looks like a headline `distance` lines above the story (None:
    not at all). signed: a byline or date stands right under it and no title above
    it, so a line ending like a credited caption or in a second short sentence
    ('... Were Promised Water. Then Came the Drought') heads the page still."""
    text, words = para.text, para.words
    if is_quotation(text) and 2 <= words <= HEADLINE_SENTENCE_WORDS:
        return min(words, 12) + 4 - 0.5 * distance  # '„Wer lacht, verliert. Er lacht.“'
    text = DASH_QUOTE.sub("", text)  # a quotation opened by a dash: '– Vi er lettet'
    if not is_title_like(text, words) or words < 3:
        return None
    if meta_line(text) or NAMES.match(text):
        return None
    if is_timestamp(text):
        return None  # a date line
    if not signed and (photo_credit(para) or CAPTION_TRAILING_CREDIT.match(text)
                       or CAPTION_SHORT_CREDIT.search(text)):
        return None  # a caption: 'The crowd at the gates. (Reuters)'
    stop = _FULL_STOP_BREAK.search(text)
    if stop and not signed and not _tag_line(text[stop.end() - 1:]):
        return None  # two sentences: a caption or a teaser ('Is it safe? What we know' is fine)
    # Headlines run 6-18 words; a longer title-like line is usually the standfirst.
    words = title_words(text, words)
    length = min(words, 12) - max(0, words - 18)
    return length + (4 if has_lowercase_word(text) else 0) - 0.5 * distance
