"""Shape features of a single line, shared by the detectors, splitter and assembler.

"Prose" is the main signal: article paragraphs are sentences (several words
ending in terminal punctuation); menus, teasers, bylines and widgets are not.
Nothing here assumes English: sentence ends and closing quotes cover CJK,
Indic, Arabic, Armenian and Ethiopic scripts, a word keeps its vowel signs and
points (Devanagari, Bengali, Hebrew), Chinese and Japanese (written without
spaces) count about one word per two characters, and scripts without letter case
count as lower-case running text.
"""

from __future__ import annotations

import re
import unicodedata


def _mark_ranges() -> str:
    """A character class body of the combining marks (Unicode categories Mn, Mc, Me):
    the vowel signs of Devanagari, Bengali, Tamil and the like, Hebrew points, Arabic
    harakat. \\w leaves them out, which would split 'प्रधानमंत्री' into six words."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x10000):  # (marks beyond the BMP would make every match slow)
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"{chr(a)}-{chr(b)}" if a < b else chr(a) for a, b in ranges)


# A word in any script: letters and digits with the combining marks written on them.
WORD = re.compile(rf"[\w{_mark_ranges()}]+")
KEY_SYMBOLS = "()[]$£€©/>›»|"  # the non-word characters a pattern key may name
_KEY_SYMBOL = re.compile("[" + re.escape(KEY_SYMBOLS) + "]")
LONG_LINE_WORDS = 35  # a line this long is running text even without a full stop
LONG_LINE_LOWERCASE = 0.45  # ...when this share of its words is not capitalised (German
#                              capitalises nouns; a flattened menu capitalises nearly all)
CLOSERS = "\"'”’“‘»«›‹)]*」』）】》〉"  # German closes quotes with “ and ‘
OPENING_QUOTES = "\"'„“‚‘«»「『"
CLOSING_QUOTES = "\"'“”‘’»«」』"
QUOTE_WORDS = 6  # a whole-line quotation this long is a sentence
ATTRIBUTION_WORDS = 4  # '“...,” amesema Magomi': who said it, after the quotation
SHORT_WORD = 3  # a line of words shorter than STEM_CHARS is about those this long
STEM_CHARS = 5  # shorter words say little about a line's subject
HEADLINE_SENTENCE_WORDS = 20  # a quotation headline is this short
_TERMINAL = ".!?:;…。！？．｡।॥؟۔։።။"
FULL_STOPS = ".。．｡।॥۔։።"  # a statement's end in several scripts (no question or exclamation)
# Han, kana: written without spaces, so a sentence is one \w+ run.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_UNSPACED_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# "Reporting by X; Editing by Y", "With files from Reuters", "Compiled by X": a credit
# line, not a menu.
_WIRE_CREDIT = re.compile(
    r"^\(?(?:[—–-] ?)?(?:with (?:additional )?|additional )?(?:reporting|writing|editing|"
    r"edited|compiled|produced|translated|research|graphics)(?: by|:)\s|"
    r"^\(?(?:[—–-] ?)?(?:with files from|with input from|mit material von|con información de|"
    r"avec (?:l'|les )?agences?)\b", re.I)
_CREDIT_INITIALS = "RrWwEeAaCcPpTtGgMm—–-("
# "(dpa)", "(dpa/AFP)", "(phy)": a wire or reporter sign-off closing the story.
# '(dpa)', '(dpa/AFP)', and 'with' an agency in several languages: '(Avec Reuters)'.
_SIGN_OFF = re.compile(r"^\((?:(?:with|avec|con|mit|com|met) )?[A-Za-z]{1,8}"
                       r"(?:\s?[/,]\s?[A-Za-z]{1,8}){0,3}\)$", re.I)
_TRAILING_URL = re.compile(r"\s+(?:https?://|pic\.twitter\.com/|t\.co/)\S+$")
# "Kyiv:", "LONDON (Reuters) -", "Hong Kong, May 12 —": a dateline opening a paragraph.
DATELINE = re.compile(
    r"^[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,3}"
    r"(?:, [A-Z][\w.' ]{1,25})?(?: \([A-Za-z .]{2,20}\))?\s?(?::|—|–| -)\s"
)
_LIST_ITEM = re.compile(
    r"^(?:[-–—•·*▪◦►▶◆◇>]|\(?\d{1,3}[.):]|[A-Za-z][.)] |\d)"  # bullet, number, figure
    r"|\d\s[–—]\s|^[^:：]{1,40}[:：]\s?\S"  # "May 3 – Berlin", "GK: Name"
    r"|[,;、，；]$|\(@\w+\)")  # item closed by a comma, an embedded post's handle
ADDRESS = re.compile(r"^[^,:]{2,40}, \d{1,4}\w? [^\W\d]")  # 'Town Hall, 1 Market Square'
_QUOTE_ATTRIBUTED = re.compile(
    rf"^[{OPENING_QUOTES}].*[,.!?…][{CLOSING_QUOTES}]"  # '“..., ”' then a few words
    rf"\s+\w[\w.'’-]*(?:\s+[\w.'’-]+){{0,{ATTRIBUTION_WORDS - 1}}}$")
# Not a sentence's end: the full stop of a short title before a name ('Rep. Zooey
# Zephyr', 'Dr. Ruth', 'Hr. Meier'): a capital and at most two letters after a space.
NOT_ABBREVIATION = r"(?<![\s(][A-Z][a-z])(?<![\s(][A-Z][a-z]{2})"
_SENTENCE_BREAK = re.compile(rf"[a-z0-9)]{NOT_ABBREVIATION}[.!?][\"”’]? +[A-Z(]")


# A clock time and a date in one line ('Publié le 30 août 2023 à 14h52', '13/01/2025
# 10:22 Actualizado', '公開日： 2025/01/31 11:30', '2025年1月14日 01時28分', 'May 5, 2025
# at 00:46'): when something was published or posted, in any language.
_CLOCK = re.compile(r"(?<!\d)\d{1,2}(?:[:h]\d{2}(?!\d)|[時时]\d{1,2}分)")  # '01時28分'
_DATE = re.compile(r"(?<!\d)(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|(?:19|20)\d\d)(?!\d)"
                   r"|\d{1,2}月\d{1,2}日")  # '2025年1月14日'


def is_timestamp(text: str) -> bool:
    """The line names a day and a clock time."""
    return bool(_CLOCK.search(text) and _DATE.search(text))


def word_count(text: str) -> int:
    return _count(text, WORD.findall(text))


def _count(text: str, words: list[str]) -> int:
    """Words in a line, with unspaced scripts counted at two characters a word."""
    if text.isascii():
        return len(words)
    return len(words) + len(_UNSPACED.findall(text)) // 2


def title_words(text: str, words: int) -> int:
    """A title's length in words, a run of an unspaced script counted only at two
    characters a word (`word_count` counts the run once more: a long Chinese
    headline would pass for a paragraph)."""
    if text.isascii() or not _UNSPACED.search(text):
        return words
    return words - sum(1 for w in WORD.findall(text) if _UNSPACED_RUN.fullmatch(w))


def line_tokens(folded: str) -> tuple[int, frozenset[str]]:
    """Word count and token set of a casefolded line: its words plus any of
    KEY_SYMBOLS it contains (pattern pre-checks look tokens up)."""
    words = WORD.findall(folded)
    return _count(folded, words), frozenset(words).union(_KEY_SYMBOL.findall(folded))


def without_trailing_link(text: str) -> str:
    """The line without the link an embedded post ends with."""
    return _TRAILING_URL.sub("", text) if "/" in text[-80:] else text


def ends_sentence(text: str) -> bool:
    """True when the line ends in terminal punctuation (closing quotes allowed;
    a trailing link, as embedded posts end, is looked past)."""
    text = without_trailing_link(text)
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def ends_full_stop(text: str) -> bool:
    """The line ends in a full stop, in any script (closing quotes allowed)."""
    last = text.rstrip().rstrip(CLOSERS)[-1:]
    return bool(last) and last in FULL_STOPS


def is_sign_off(text: str) -> bool:
    """A bare wire or reporter sign-off line: '(dpa)', '(dpa/AFP)', '(AP)', '(Avec AFP)'."""
    return text[:1] == "(" and bool(_SIGN_OFF.match(text))


def is_wire_credit(text: str) -> bool:
    """A story's credit line: 'Reporting by X; Editing by Y', '(Writing by X)'."""
    return text[:1] in _CREDIT_INITIALS and bool(_WIRE_CREDIT.search(text))


def is_teaser_excerpt(text: str) -> bool:
    """A cut-off excerpt ending in an ellipsis, as teaser lists show them."""
    return text.rstrip(CLOSERS).endswith(("...", "…"))


def is_prose(text: str, words: int | None = None) -> bool:
    """A sentence-like paragraph: what article bodies are made of.

    Terminal punctuation is the main sign. A long line without it still counts
    when most of its words are lower-case, as running text is in most
    languages; a menu flattened onto one line ('World Business Markets ...')
    is mostly capitalised.
    """
    words = word_count(text) if words is None else words
    if is_teaser_excerpt(text):
        return False
    if is_sign_off(text):
        return True
    if words >= 3 and (ends_sentence(text) or is_wire_credit(text)):
        return True
    if words >= QUOTE_WORDS and (is_quotation(text) or _QUOTE_ATTRIBUTED.match(text)):
        return True  # a quoted statement, as German and French dialogue end without a stop,
        # or one closed by who said it ('“...,” amesema Magomi'; a title's quote has no comma)
    return words >= LONG_LINE_WORDS and lowercase_share(text) >= LONG_LINE_LOWERCASE


def lowercase_share(text: str) -> float:
    """Share of word tokens that start with a letter that is not a capital
    (lower-case, or of a script without case: Arabic, Devanagari, Han...)."""
    tokens = WORD.findall(text)
    return sum(1 for t in tokens if _uncapitalised(t[0])) / len(tokens) if tokens else 0.0


def _uncapitalised(char: str) -> bool:
    return char.islower() or (char.isalpha() and not char.isupper())


def has_sentence_break(text: str) -> bool:
    """A full stop inside the line followed by a new sentence."""
    return bool(_SENTENCE_BREAK.search(text))


def is_title_like(text: str, words: int | None = None) -> bool:
    """Could be a headline or sub-heading: short, no full stop at the end."""
    words = title_words(text, word_count(text) if words is None else words)
    first = text.lstrip(OPENING_QUOTES)[:1]  # "'Ends recession debate': economists weigh in"
    if not 2 <= words <= 30 or first.islower() or not first.isalnum():
        return False
    return not text.rstrip(CLOSERS).endswith((".", ":", ";", ",", "…"))


def is_quotation(text: str) -> bool:
    """The whole line stands in quotation marks ('«...»', '„...“', '"..."')."""
    return text[:1] in OPENING_QUOTES and text[-1:] in CLOSING_QUOTES


def is_quoted_or_asked(text: str) -> bool:
    """A whole-line quotation, or a line ending in a question or exclamation mark
    (inside closing quotes too): the sentence shapes a headline may take."""
    return is_quotation(text) or text.rstrip(CLOSING_QUOTES).endswith(("?", "!"))


def is_headline_shaped(text: str, words: int) -> bool:
    """Title-like, or a quotation short enough for a headline, with no sentence
    break inside ('«Die Zurückhaltung hat viel mit den USA zu tun»')."""
    if is_title_like(text, words):
        return True
    return (2 <= words <= HEADLINE_SENTENCE_WORDS and is_quotation(text)
            and not has_sentence_break(text))


def is_story_list_item(text: str) -> bool:
    """A short line that belongs to a story's list or table, not a link list: a
    numbered or bulleted item, a line opening with a figure ('3 May – Berlin'), a
    'Label: value' pair, an item closed by ',' or ';', an address ('Town Hall, 1
    Market Square'), or an embedded post's '— Name (@handle) date' attribution."""
    return bool(_LIST_ITEM.search(text) or ADDRESS.match(text))


def word_stems(folded: str) -> set[str]:
    """The first STEM_CHARS characters of the longer words of a casefolded line: what
    it is about, across inflections ('Путин', 'Путина')."""
    return stems_of(WORD.findall(folded))


def subject_words(folded: str) -> set[str]:
    """What a casefolded line is about: its word_stems or, for a line of short words
    only ('man, 32, held as cops hunt gun'), those words of three letters or more."""
    words = WORD.findall(folded)
    return stems_of(words) or _short_words(words)


def context_words(folded: str) -> set[str]:
    """A casefolded line's words as subject_words of other lines are looked up in:
    the stems of its longer words and its short words (no short word is a stem)."""
    words = WORD.findall(folded)
    return stems_of(words) | _short_words(words)


def shared_words(folded: str, context: list[str]) -> float | None:
    """The share of a casefolded line's words the (casefolded) context lines use too,
    by word stems; for a line of short words only ('Man, 32, held as cops hunt gun'),
    by those words. None: the line has no word to tell."""
    words = subject_words(folded)
    used = {word for line in context for word in context_words(line)}
    return len(words & used) / len(words) if words else None


def _short_words(words: list[str]) -> set[str]:
    return {w for w in words if SHORT_WORD <= len(w) < STEM_CHARS and not w.isdigit()}


def stems_of(words: list[str]) -> set[str]:
    """word_stems of a line already split into its words."""
    return {w[:STEM_CHARS] for w in words if len(w) >= STEM_CHARS}


def has_lowercase_word(text: str) -> bool:
    """A word in lower case, in any cased script ('für', 'и')."""
    return any(word[:1].islower() for word in WORD.findall(text))
