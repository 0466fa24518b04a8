"""Generic detectors: named mechanisms that find boilerplate on any outlet.

Each detector looks at the paragraphs still live and cuts what it recognises
under its own category. They run in the order of DETECTORS; site rules run
before them, and the layout stage (layout.py) after them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ..io.text import squash
from .draft import Draft, Para
from .lines import (
    CLOSERS,
    OPENING_QUOTES,
    ends_full_stop,
    ends_sentence,
    is_headline_shaped,
    is_prose,
    is_sign_off,
    is_story_list_item,
    is_teaser_excerpt,
    is_timestamp,
    is_title_like,
    word_count,
    word_stems,
)
from .patterns import (
    AMOUNT_LINE,
    AUTHOR_BIO,
    AUTHOR_BIO_TAIL,
    BRACKETED,
    CAPTION_SHORT_CREDIT,
    CAPTION_SHORT_WORDS,
    CREDIT_TOKENS,
    CYRILLIC,
    DONATION_CUE,
    DONATION_START,
    EXACT_LINE_MAX,
    EXACT_LINES,
    FORM_REPLY,
    FORMAL_YOU,
    GENERIC_LINES,
    GIFT_FREQUENCY,
    GIVING,
    IMPERATIVE,
    IMPERATIVE_FORM,
    MIXED_SCRIPT_WORD,
    MORE_FROM,
    NUMBER_WIDGET,
    OUTLET_VOICE,
    QUOTED_SPEECH,
    READER,
    RELATED_HEADER,
    TEASER_HEADER,
    TEASER_HEADER_WORDS,
    line_key,
    meta_line,
    photo_credit,
    pointed_title,
    reader_prompt,
)

# Notices and prompts whose buttons follow them; how long a button is.
BUTTONED = frozenset({"cookie_notice", "newsletter_prompt", "app_prompt", "paywall",
                      "social_prompt", "donation_appeal", "call_to_action"})
BUTTON_WORDS = 4
# What the reader is asked to do, as cut: under a pitch about money, an appeal's button.
PROMPT_CUTS = frozenset({"donation_appeal", "call_to_action"})
FORM_HEAD_LINES = 2  # a sign-up box's title and pitch stand right above its email field
FORM_PITCH_WORDS = 25  # ... and are this short
PROMPT_TITLE_WORDS = 6  # a prompt's title: 'Want to read more?', 'Evening Digest'
LABEL_SEPARATOR = re.compile(r" [·•|] ")  # between labels glued into one line
# A short label, a separator, a title: 'Mehr zum Thema: X', 'Lire aussi | X', 'Video - X'.
LABELLED_LINK = re.compile(r"^[^\W\d][\w'’.&]*(?: [\w'’.&]+){0,3} ?[|:»›>–—-] +(?P<title>\S.*)$")
LINK_REACH = 2  # live lines either side searched for the story's paragraphs
LINK_STORY_ABOVE = 1  # story paragraphs above a link: the story has begun
LINK_TITLE_WORDS = 4  # a linked headline is at least this long
STORY_LINE_WORDS = 12  # a story paragraph above it is at least this long
APPEAL_BUTTON_WORDS = 5  # an appeal's button: 'Jetzt spenden', 'Become a patron'
APPEAL_PITCH_WORDS = 40  # an appeal's pitch line is no longer than this
APPEAL_PITCH_LINES = 3  # pitch lines above the buttons
APPEAL_GIVING_WORDS = 20  # a pitch line that only talks of giving is no longer than this
APPEAL_TITLE_WORDS = 8  # an appeal's title: 'Chip in for local news'
LINK_CONTEXT = 8  # live lines either side whose words a sub-heading would share
LINK_SHARED = 0.5  # ... at least this share of its own
CONTAINED_KEY = 6  # words a repeated standfirst or pull quote is looked up by
CONTAINED_CHECKS = 50  # substring searches per paragraph, at most
GLUED_MIN = 2  # a line holding this many paragraphs whole is their glued copy
TITLE_ECHO_LINES = 8  # a title repeated this close is the page echoing its headline
ECHO_STORY_LINES = 2  # ... with no more story paragraphs than this between the copies
CAPTION_UNDER_TITLE_WORDS = 20  # ... and a line this short printed under each copy, its caption
CAPTION_MIN_WORDS = 3  # a doubled line shorter than this is a widget ('Share', 'Share')
# ... and one longer than this a story paragraph copied twice (none in the dev set's dumps:
# every line over 20 words printed twice running there is a caption, a notice or a teaser)
CAPTION_DOUBLED_WORDS = 60
CAPTION_BESIDE_CREDIT_WORDS = 20  # a caption set tight to its credit line
CAPTION_ECHO_LINES = 4  # a caption's copy stands this close to its credited copy
COPYRIGHT_CREDIT_WORDS = 4  # '© Harbour Press' under a caption
CREDIT_LINE_WORDS = 12  # a credit on its own line ('Photo: Ana Ribeiro / Harbour Press')
QUESTION_OR_EXCLAMATION = "?!？！؟"  # a headline may end so, a caption does not
STORY_PARAGRAPH = 30  # words: a paragraph this long without an appeal cue is the story
TEASER_EXCERPT_WORDS = 60  # a teaser's excerpt sentence is no longer than this
RANK = re.compile(r"^(\d{1,2})[.)]? ")  # '1. ', '2) ', '3 ': a ranked list's entry
LISTED = re.compile(r"^(?:[-–•·*▪◦►▶] |\d{1,2}[.)] )")  # a bulleted or numbered list entry
ARTICLE_START_RUN = 3  # prose lines in a row that start a story
ARTICLE_HEAD_LINES = 12  # lines above a story start left for the headline and byline
ARTICLE_LOOKAHEAD = 12  # lines under a teaser list searched for the start of a story
STORY_ABOVE_LIST = 2  # story paragraphs above a teaser list that stands inside the story
SIGNATURE_WORDS = 6  # a comment's signature: 'Roscoe says:', 'Modern Wife sagt:'
STAMP_WORDS = 12  # ... over its date and time: 'August 15, 2020 at 9:35 am'
THREAD_MIN = 2  # signed comments that make a thread
COMMENT_BUTTON_WORDS = 2  # 'Reply', 'Antworten', 'Report' under a comment


def boilerplate_lines(draft: Draft) -> None:
    """Whole-line vocabulary and the generic line patterns (widgets, prompts, ads...)."""
    for i in draft.live():
        para = draft.paras[i]
        category = _exact_category(para.text) if len(para.text) <= EXACT_LINE_MAX else None
        if category:
            draft.cut(i, f"generic.{category}.exact", category)
            continue
        if para.words <= 3 and NUMBER_WIDGET.match(para.text):
            draft.cut(i, "generic.widget.number", "widget")
            continue
        quoted = _has_quote_mark(para.text) and bool(QUOTED_SPEECH.search(para.text))
        pattern = GENERIC_LINES.first_match(para.text, para.words, quoted, para.folded,
                                            para.tokens)
        if pattern is not None:
            draft.cut(i, pattern.id, pattern.category)


def _exact_category(text: str) -> str | None:
    """The category of a whole line of known furniture, or of one made of several
    such labels glued together ('Advertisement · Continue reading below')."""
    category = EXACT_LINES.get(line_key(text))
    if category is None and LABEL_SEPARATOR.search(text):
        parts = {EXACT_LINES.get(line_key(part)) for part in LABEL_SEPARATOR.split(text)
                 if part.strip()}
        if len(parts) == 1:
            category = parts.pop()
    return category


def reader_prompts(draft: Draft) -> None:
    """Calls to action by their form (patterns.reader_prompt): whatever their wording,
    short lines that ask the reader to act on one of the outlet's channels."""
    for i in draft.live():
        category = reader_prompt(draft.paras[i])
        if category is not None:
            draft.cut(i, "generic.reader_prompt", category)


def prompt_buttons(draft: Draft) -> None:
    """The buttons set tight under a prompt or notice ('Accept' 'Decline', 'Join',
    'Get it now'): short lines with no blank line before them, in a dump that
    otherwise keeps its paragraphs apart. (In a dump with no blank lines at all,
    tightness says nothing and nothing is taken.)"""
    paras = draft.paras
    if not _spaced(paras):
        return
    for i, para in enumerate(paras):
        cut = para.cut
        if cut is None or cut.category not in BUTTONED:
            continue
        j = i + 1
        while j < len(paras) and paras[j].gap == 0 and paras[j].cut is None \
                and paras[j].words <= BUTTON_WORDS and not is_story_list_item(paras[j].text):
            draft.cut(j, f"generic.{cut.category}.button", cut.category)
            j += 1


def signup_forms(draft: Draft) -> None:
    """A sign-up form around its email field, whatever its words: the box's title and
    pitch right above the field (FORM_HEAD_LINES short lines). (Its button is left
    to prompt_buttons: a short line under the form may be the story's sub-heading.)"""
    paras = draft.paras
    for i, para in enumerate(paras):
        if para.cut is None or para.cut.rule != "generic.newsletter.email":
            continue
        k = i - 1
        while k >= max(0, i - FORM_HEAD_LINES) and paras[k].cut is None \
                and paras[k].words <= FORM_PITCH_WORDS:
            draft.cut(k, "generic.newsletter_prompt.form", "newsletter_prompt")
            k -= 1


def prompt_titles(draft: Draft) -> None:
    """The title set tight over a prompt or notice ('Want to read more?', 'Evening
    Digest'): a short line with no full stop, apart from what is above it and with
    no blank line under it, in a dump that otherwise keeps its paragraphs apart."""
    paras = draft.paras
    if not _spaced(paras):
        return
    for i in range(len(paras) - 1):
        para, below = paras[i], paras[i + 1]
        if (below.cut is not None and below.cut.category in BUTTONED and below.gap == 0
                and para.cut is None and (i == 0 or para.gap > 0) and not ends_full_stop(para.text)
                and para.words <= PROMPT_TITLE_WORDS and not is_story_list_item(para.text)):
            draft.cut(i, f"generic.{below.cut.category}.title", below.cut.category)


def _spaced(paras: list[Para]) -> bool:
    """Paragraphs mostly stand apart (blank lines between them): only then does a line
    set tight to another say the two belong together."""
    return bool(paras) and Counter(p.gap for p in paras).most_common(1)[0][0] != 0


def teaser_links(draft: Draft) -> None:
    """Links to other stories set apart by their form: bracketed titles, or titles an
    arrow or a pictograph points at (a question or exclamation is a title too)."""
    for i in draft.live():
        text = draft.paras[i].text
        inner = text[1:-1].strip() if BRACKETED.match(text) else pointed_title(text)
        if inner and (not is_prose(inner) or is_headline_shaped(inner, word_count(inner))):
            draft.cut(i, "generic.inline.marked-link", "inline_link")


def labelled_links(draft: Draft) -> None:
    """'Mehr zum Thema: <title>', 'Lire aussi | <title>': a short label, a separator
    and another story's headline, standing on its own between two paragraphs of the
    story, in any language. Sub-headings and list items of the story itself are
    told apart by the title (four or more words, not sharing half its words with
    the text around it)."""
    live = draft.live()
    story_lines = 0  # story paragraphs above line k: a headline has none or a banner
    for k in range(1, len(live) - 1):
        story_lines += _is_story_line(draft.paras[live[k - 1]])
        para = draft.paras[live[k]]
        match = LABELLED_LINK.match(para.text)
        if (match is None or para.prose or story_lines < LINK_STORY_ABOVE
                or photo_credit(para) is not None):  # 'Photo: Ana Ribeiro / Harbour Press'
            continue
        title = match.group("title")
        if len(title.split()) < LINK_TITLE_WORDS or not is_title_like(title):
            continue
        above = [draft.paras[j] for j in live[max(0, k - LINK_REACH):k]]
        below = [draft.paras[j] for j in live[k + 1:k + 1 + LINK_REACH]]
        if not (any(map(_is_story_line, above)) and any(p.prose for p in below)):
            continue  # among the story's paragraphs
        stems = word_stems(title.casefold())
        around: set[str] = set()
        for j in live[max(0, k - LINK_CONTEXT):k] + live[k + 1:k + 1 + LINK_CONTEXT]:
            around |= word_stems(draft.paras[j].folded)
        if stems and len(stems & around) < LINK_SHARED * len(stems):
            draft.cut(live[k], "generic.inline.labelled-link", "inline_link")


def _is_story_line(para: Para) -> bool:
    return para.prose and para.words >= STORY_LINE_WORDS


def _has_quote_mark(text: str) -> bool:
    return '"' in text or "“" in text or "«" in text


def lookalike_text(draft: Draft) -> None:
    """Words spelled with Cyrillic look-alikes among Latin letters ('Аdvеrtіѕе'):
    ad copy disguised to dodge filters; story text never mixes scripts in a word."""
    if not CYRILLIC.search("".join(p.text for p in draft.paras)):
        return
    for i in draft.live():
        text = draft.paras[i].text
        if CYRILLIC.search(text) and len(MIXED_SCRIPT_WORD.findall(text)) >= 3:
            draft.cut(i, "generic.advertisement.lookalike", "advertisement")


def donation_appeals(draft: Draft, window: int = 30) -> None:
    """An appeal opener ('A Message from X:', 'Dear readers,') and the pitch after it.

    The block runs to the last line within `window` that talks money or
    support (lines the appeal patterns already cut count too), plus the
    buttons after it ('Once', 'Monthly', 'Continue'); it needs two such lines,
    so an opener alone never takes a story with it.
    """
    paras = draft.paras
    i = 0
    while i < len(paras):
        para = paras[i]
        if para.cut is not None or para.words > 25 or not DONATION_START.match(para.text):
            i += 1
            continue
        last, cues = i, 0
        for m in range(i + 1, min(len(paras), i + window)):
            if _appeal_line(paras[m]):
                last, cues = m, cues + 1
            elif _story_resumes(paras[m]):
                break
        if cues < 2:
            i += 1
            continue
        while last + 1 < len(paras) and (paras[last + 1].cut is not None
                                         or paras[last + 1].words <= 5):
            last += 1
        for m in range(i, last + 1):
            draft.cut(m, "generic.donation_appeal.block", "donation_appeal")
        i = last + 1


def appeal_blocks(draft: Draft) -> None:
    """A membership or donation appeal by its shape, whatever its words: buttons
    (amounts, or a short line about giving: '$6', 'Donner 5 €', 'Become a patron')
    under a pitch in the outlet's voice or addressed to the reader ('Our newsroom
    has five reporters...'), often under a short title ('Chip in for local news')."""
    paras = draft.paras
    k = 0
    while k < len(paras):
        if not _appeal_anchor(paras, k):
            k += 1
            continue
        top, pitch = k, 0  # lines other detectors cut already belong to the block too
        while top > 0 and pitch < APPEAL_PITCH_LINES:
            above = paras[top - 1]
            if above.cut is not None:
                pitch += above.cut.category == "donation_appeal"
            elif _pitch(above):
                pitch += 1
            elif not _appeal_button(above):
                break
            top -= 1
        if not pitch:  # buttons with no pitch above them: left to the other detectors
            k += 1
            continue
        if top > 0 and paras[top - 1].cut is None and _appeal_title(paras[top - 1]):
            top -= 1
        end = k
        while end + 1 < len(paras) and (paras[end + 1].cut is not None
                                        or _appeal_button_row(paras[end + 1])):
            end += 1
        for j in range(top, end + 1):
            draft.cut(j, "generic.donation_appeal.shape", "donation_appeal")
        k = end + 1


def _appeal_anchor(paras: list[Para], k: int) -> bool:
    """The first button of an appeal: one by its form, one a line pattern took as an
    appeal already ('Become a member from $4 a month'), or the reader's answer
    ('Count me in', 'Je participe') or an order ('Help us get there') right under a
    pitch that talks of giving."""
    para = paras[k]
    if para.words > APPEAL_TITLE_WORDS:  # (no button is longer)
        return False
    if para.cut is not None and para.cut.category == "donation_appeal":
        return not para.block_cut and not para.prose
    if _appeal_button(para) or _gift_choice(paras, k):
        return True
    if para.words > APPEAL_BUTTON_WORDS or para.prose or not k:
        return False
    reply = para.cut is None and FORM_REPLY.match(para.text)
    order = para.cut is not None and para.cut.category in PROMPT_CUTS  # 'Help us get there'
    above = paras[k - 1]
    return (bool(reply or order) and above.cut is None and _pitch(above)
            and bool(GIVING.search(above.text) or DONATION_CUE.search(above.text)))


def _gift_choice(paras: list[Para], k: int) -> bool:
    """How often to give, offered as a choice: 'Once' over 'Every month' (one such word
    alone may be a story's sub-heading)."""
    return bool(GIFT_FREQUENCY.match(paras[k].text)) and any(
        GIFT_FREQUENCY.match(paras[j].text) or AMOUNT_LINE.match(paras[j].text)
        for j in (k - 1, k + 1) if 0 <= j < len(paras))


def _appeal_button(para: Para) -> bool:
    """An amount, or a short order to give ('Give the price of a coffee')."""
    text = para.text
    if AMOUNT_LINE.match(text):
        return True
    if para.prose or not GIVING.search(text):
        return False
    ordered = IMPERATIVE.match(text) or IMPERATIVE_FORM.match(text)
    return para.words <= APPEAL_BUTTON_WORDS or (para.words <= APPEAL_TITLE_WORDS and bool(ordered))


def _appeal_button_row(para: Para) -> bool:
    """What follows the first button: more buttons ('€7', 'Become a patron'), or a
    short line set right under it ('Not today')."""
    return _appeal_button(para) or (
        para.gap == 0 and para.words <= APPEAL_BUTTON_WORDS and not para.prose
        and not is_story_list_item(para.text))


def _appeal_title(para: Para) -> bool:
    """'Chip in for local news', 'Hazte socio', 'A note from the editor': a short title that
    orders, asks to give or opens an appeal."""
    text = para.text
    return (para.words <= APPEAL_TITLE_WORDS and not para.prose
            and bool(IMPERATIVE.match(text) or IMPERATIVE_FORM.match(text) or GIVING.search(text)
                     or OUTLET_VOICE.search(text) or READER.search(text)
                     or DONATION_START.match(text)))


def _pitch(para: Para) -> bool:
    """A line of an appeal's pitch: speaks as 'we' or to 'you', short, no quotation."""
    text = para.text
    if para.words > APPEAL_PITCH_WORDS or _has_quote_mark(text):
        return False
    return bool(OUTLET_VOICE.search(text) or READER.search(text) or FORMAL_YOU.search(text)
                or (para.words <= APPEAL_GIVING_WORDS and GIVING.search(text)))


def _story_resumes(para: Para) -> bool:
    """A long paragraph that neither talks money nor speaks as 'we' to 'you': the
    story, not the appeal's pitch."""
    return (para.cut is None and para.prose and para.words >= STORY_PARAGRAPH
            and not OUTLET_VOICE.search(para.text) and not READER.search(para.text))


def _appeal_line(para: Para) -> bool:
    if para.cut is not None:
        return para.cut.category == "donation_appeal"
    return bool(DONATION_CUE.search(para.text))


def is_teaser_header(text: str, words: int) -> bool:
    """'Recent News', 'Most read', 'More from Reuters', 'Meistgelesen': a line that
    opens a teaser list."""
    if words <= 7 and RELATED_HEADER.match(text):
        return True
    if words > 7 or not TEASER_HEADER.match(text):
        return False
    if MORE_FROM.match(text):
        return True
    return all(w in TEASER_HEADER_WORDS for w in line_key(text).split())


def teaser_blocks(draft: Draft) -> None:
    """A teaser header and the headlines / cut-off excerpts listed under it."""
    live = draft.live()
    k = 0
    while k < len(live):
        para = draft.paras[live[k]]
        if not is_teaser_header(para.text, para.words):
            k += 1
            continue
        end = k + 1
        while end < len(live) and _teaser_item(draft, live, end, k):
            end += 1
        stop = end
        inside = sum(_is_story_line(draft.paras[j]) for j in live[:k]) >= STORY_ABOVE_LIST
        upcoming = [j for j in live[end:end + ARTICLE_LOOKAHEAD] if not _furniture(draft.paras[j])]
        if not inside and _story_starts(draft, upcoming[:ARTICLE_START_RUN + 2]):
            # The list ran into the article: its last lines are the headline and byline,
            # past its last bulleted or numbered entry (no headline is one). (Under a
            # list inside the story, the story resumes: no headline there.)
            listed = [m + 1 for m in range(k + 1, end) if LISTED.match(draft.paras[live[m]].text)]
            stop = max(k + 1, end - ARTICLE_HEAD_LINES, *listed)
        if end - k > 1 or end == len(live):
            for m in range(k, stop):
                draft.cut(live[m], "generic.teaser_block.list", "teaser_block")
        k = end


def _furniture(para: Para) -> bool:
    """A byline, a date or a widget of a word or two: what stands between a
    headline and its story."""
    return para.words <= 2 or meta_line(para.text)


def _teaser_item(draft: Draft, live: list[int], n: int, header: int) -> bool:
    """Headlines (a bulleted or numbered one may ask a question: '1. Is it safe?'),
    cut-off excerpts, and a question title or a one-sentence excerpt with another
    entry under it; two sentences in a row mean the story has resumed (under the
    page's own headline, a question too)."""
    item = draft.paras[live[n]]
    if not item.prose or is_teaser_excerpt(item.text) or LISTED.match(item.text):
        return True
    if n - 1 > header and _next_rank(draft.paras[live[n - 1]].text, item.text):
        return True  # a ranked list goes on by its numbers, a question among its titles too
    after = draft.paras[live[n + 1]] if n + 1 < len(live) else None
    if is_headline_shaped(item.text, item.words):
        return after is None or not after.prose or is_teaser_excerpt(after.text)
    return (n - 1 > header and _teaser_headline(draft.paras[live[n - 1]])
            and item.words <= TEASER_EXCERPT_WORDS and (after is None or _teaser_headline(after)))


def _next_rank(above: str, text: str) -> bool:
    """'2. Title' under '1. Title': the next entry of a ranked list."""
    first, second = RANK.match(above), RANK.match(text)
    return (first is not None and second is not None
            and int(second.group(1)) == int(first.group(1)) + 1)


def _teaser_headline(para: Para) -> bool:
    return not para.prose and para.words >= 4 and is_title_like(para.text, para.words)


def _story_starts(draft: Draft, upcoming: list[int]) -> bool:
    """Sentences in a row (a byline or date may sit between them): the body of an
    article, not a teaser excerpt."""
    return sum(draft.paras[i].prose for i in upcoming) >= ARTICLE_START_RUN


def photo_captions(draft: Draft) -> None:
    """Lines closed by a photo credit ('(Photo by X / AFP)', 'Photo: Reuters', '. (AP)')."""
    for i in draft.live():
        para = draft.paras[i]
        if is_sign_off(para.text):
            continue  # '(dpa/AFP)' under the last paragraph credits the story, not a photo
        credit = photo_credit(para)
        if credit is not None:
            draft.cut(i, credit.id, "caption")
        elif (para.words <= CAPTION_SHORT_WORDS and not para.tokens.isdisjoint(CREDIT_TOKENS)
              and CAPTION_SHORT_CREDIT.search(para.text)):
            draft.cut(i, "generic.caption.short-credit", "caption")


def doubled_captions(draft: Draft) -> None:
    """A short line printed twice in a row: a photo caption and its copy (pages
    print the caption over the picture and again in its alt text). A story never
    says the same sentence twice running. Above the story's first paragraph (not a
    doubled line: a caption) only a sentence counts, unless the split found the
    headline: a title there may be the headline and its echo, left to the layout;
    so is a title printed above too."""
    paras, story_began = draft.paras, False
    keys = [squash(p.folded) for p in paras]
    headed = draft.headline is not None  # (the split found the headline: no title is its echo)
    above: set[str] = set()
    for i in range(len(paras) - 1):
        para, after = paras[i], paras[i + 1]
        doubled = keys[i] == keys[i + 1]
        story_began = story_began or (para.prose and para.words >= STORY_LINE_WORDS
                                      and not doubled and (i == 0 or keys[i - 1] != keys[i]))
        if (doubled and para.cut is None and after.cut is None
                and CAPTION_MIN_WORDS <= para.words <= CAPTION_DOUBLED_WORDS
                and (i + 2 >= len(paras) or paras[i + 2].text != para.text)):  # twice, not more
            sentence = ends_sentence(para.text)
            echo = not sentence and keys[i] in above  # a title printed above too: the headline's
            if (story_began or sentence or headed) and not echo:
                draft.cut(i, "generic.caption.doubled", "caption")
                draft.cut(i + 1, "generic.caption.doubled", "caption")
        above.add(keys[i])


def credited_captions(draft: Draft) -> None:
    """A caption's text echoed next to its credit: the same line twice within a few
    lines with a credit line beside one copy ('caption / Photo: X / caption'), or
    a line that opens a credited caption nearby ('caption' and 'caption. (Photo
    by X)'). A single line above a credit stays: as often as not it is the
    story's own sentence, with the picture's credit printed under it; so does a
    title above the story's first paragraph, unless the split already found the
    headline (the headline and its echo around the lead picture are the layout's
    to judge)."""
    paras = draft.paras
    credited = [i for i, p in enumerate(paras) if p.cut is not None and p.cut.category == "caption"]
    if not credited:
        return
    near: dict[int, list[int]] = {}
    for c in credited:
        for i in range(max(0, c - CAPTION_ECHO_LINES), min(len(paras), c + CAPTION_ECHO_LINES + 1)):
            near.setdefault(i, []).append(c)
    story = 0 if draft.headline is not None else next(  # (a headline the split found)
        (i for i, p in enumerate(paras)
         if p.prose and p.words >= STORY_LINE_WORDS and p.cut is None), len(paras))
    for i, credits in near.items():
        para = paras[i]
        if para.cut is not None or para.words < 3:
            continue
        if i < story and (not ends_sentence(para.text)
                          or para.text.rstrip(CLOSERS)[-1:] in QUESTION_OR_EXCLAMATION):
            continue  # above the story a title twice (a question too) is the headline and its echo
        if any(paras[c].folded.startswith(para.folded) and c != i for c in credits):
            draft.cut(i, "generic.caption.echo", "caption")
            continue
        for j in range(max(0, i - CAPTION_ECHO_LINES), min(len(paras), i + CAPTION_ECHO_LINES + 1)):
            if j != i and paras[j].folded == para.folded and _beside_credit(paras, i, j):
                draft.cut(i, "generic.caption.echo", "caption")
                draft.cut(j, "generic.caption.echo", "caption")
                break


def captions_beside_credits(draft: Draft) -> None:
    """In a dump that keeps its paragraphs apart, a short sentence set tight to a
    credit line, above or below it, the two apart from the rest ('caption' /
    'Photo: X / Agency'), is the picture's caption: a story paragraph stands apart
    from a credit printed next to it."""
    paras = draft.paras
    if not _spaced(paras):
        return
    for i in range(len(paras) - 1):
        first, second = paras[i], paras[i + 1]
        pair_apart = (second.gap == 0 and (i == 0 or first.gap > 0)
                      and (i + 2 >= len(paras) or paras[i + 2].gap > 0))
        if not pair_apart:
            continue
        if _credit_line(second) and (_caption_sentence(first) or _mid_story_caption(paras, i)):
            draft.cut(i, "generic.caption.over-credit", "caption")
        elif _credit_line(first) and _caption_sentence(second):
            draft.cut(i + 1, "generic.caption.under-credit", "caption")


def _caption_sized(para: Para) -> bool:
    return para.cut is None and CAPTION_MIN_WORDS <= para.words <= CAPTION_BESIDE_CREDIT_WORDS


def _caption_sentence(para: Para) -> bool:
    return _caption_sized(para) and ends_sentence(para.text)


def _mid_story_caption(paras: list[Para], i: int) -> bool:
    """Line i stands under a story paragraph: mid-story, where no headline stands,
    it is a caption (over its credit) however it ends."""
    return (i > 0 and _caption_sized(paras[i]) and paras[i - 1].cut is None
            and paras[i - 1].prose)


def _credit_line(para: Para) -> bool:
    """A short line cut as a photo credit, or a bare '© Agency' (a footer's notice
    names a year)."""
    return _cut_credit(para) or (
        para.cut is not None and para.text.startswith("©")
        and para.words <= COPYRIGHT_CREDIT_WORDS and not any(ch.isdigit() for ch in para.text))


def _cut_credit(para: Para) -> bool:
    """A short line ('Photo: Ana Ribeiro / Harbour Press') cut as a caption."""
    return (para.cut is not None and para.cut.category == "caption"
            and para.words <= CREDIT_LINE_WORDS)


def _beside_credit(paras: list[Para], *copies: int) -> bool:
    """A short credit line stands right after one of the copies."""
    return any(i + 1 < len(paras) and _cut_credit(paras[i + 1]) for i in copies)


def comment_threads(draft: Draft) -> None:
    """Readers' comments under the story, by their form in any language: a short line
    ending in a colon ('Roscoe says:', 'Modern Wife sagt:') right over a line with a
    date and a clock time, at least THREAD_MIN times. Each comment runs from its
    signature through its text and buttons ('Reply') to the next signature, or to
    the last one's first line that is neither; a count over the first ('12
    Ergänzungen', '20 thoughts on ...') goes with them. A story's quotation ('She said:') has no
    time stamp under it."""
    paras = draft.paras
    signed = [i for i in range(len(paras) - 1) if _comment_signature(paras, i)]
    if len(signed) < THREAD_MIN:
        return
    above = signed[0] - 1
    if above >= 0 and paras[above].text[:1].isdigit() and not paras[above].prose:
        draft.cut(above, "generic.comments.thread", "comments")
    for n, start in enumerate(signed):
        end = signed[n + 1] if n + 1 < len(signed) else len(paras)
        last = n + 1 == len(signed)
        for k in range(start, end):
            para = paras[k]
            if last and k > start + 1 and not (para.prose or para.words <= COMMENT_BUTTON_WORDS):
                break
            draft.cut(k, "generic.comments.thread", "comments")


def _comment_signature(paras: list[Para], i: int) -> bool:
    """A commenter's name and verb over the comment's time stamp."""
    para, stamp = paras[i], paras[i + 1]
    return (para.words <= SIGNATURE_WORDS and para.text.endswith((":", "："))
            and not is_timestamp(para.text)
            and stamp.words <= STAMP_WORDS and is_timestamp(stamp.text))


def repeated_paragraphs(draft: Draft) -> None:
    """Paragraphs that occur twice: keep one copy.

    A repeated run of prose (a preview of the article above it: lines printed
    twice side by side) keeps its last copy, a lone repeated sentence its first.
    A title keeps the last of the copies that echo each other within a few lines
    (headline, captions, the headline again), and loses its repeats far below (a
    teaser list).
    A short line printed under each copy of such an echoed title is its photo
    caption: both copies go. A short paragraph contained in a longer one (a
    standfirst or pull quote repeating body text) is cut in favour of the longer one.
    In a dump where nothing else was cut and most lines are sentences (a story
    with no page around it) what the story prints twice stays, but for copies of
    its first line (the title): clean input comes back unchanged.
    """
    live = draft.live()
    texts = [draft.paras[i].text for i in live]
    prose = sum(draft.paras[i].prose for i in live)
    own = sum(not meta_line(t) for t in texts)  # (a story's byline and dates are its own)
    page = len(live) < len(draft.paras) or 2 * prose < own  # ('Home / News / ...')
    at: dict[str, list[int]] = {}
    for k, t in enumerate(texts):
        at.setdefault(t, []).append(k)
    repeated = [len(at[t]) > 1 for t in texts]
    story: list[bool] = []  # which live lines are story paragraphs, worked out once
    for k, t in enumerate(texts):
        if not repeated[k] or (not page and t != texts[0]):
            continue  # with nothing around the story, what it repeats is its own (not its title)
        in_run = any(0 <= n < len(texts) and repeated[n] and texts[n] != t
                     and any(0 <= c + n - k < len(texts) and texts[c + n - k] == texts[n]
                             for c in at[t] if c != k)
                     for n in (k - 1, k + 1))  # printed twice with the paragraph beside it
        if _under_echoed_title(draft, live, at, k):
            draft.cut(live[k], "generic.caption.under-title", "caption")
            continue
        if in_run:
            keep = at[t][-1]
        elif draft.paras[live[k]].prose:
            keep = at[t][0]
        else:
            story = story or [_is_story_line(draft.paras[i]) for i in live]
            keep = _echoed_title(at[t], story)
        if k != keep:
            draft.cut(live[k], "generic.duplicate.repeat", "duplicate")
    if page:
        _contained_paragraphs(draft)


def _under_echoed_title(draft: Draft, live: list[int], at: dict[str, list[int]],
                        k: int) -> bool:
    """Line k is short and each of its copies stands right under a copy of a title
    the page echoes within a few lines ('headline / caption / widgets / headline /
    caption'): the headline's photo caption, printed with it twice. (Printed
    twice so, a question or exclamation is a title too.)"""
    para = draft.paras[live[k]]
    if k == 0 or para.words > CAPTION_UNDER_TITLE_WORDS:
        return False
    title = draft.paras[live[k - 1]]
    titles = at[title.text]
    copies = at[para.text]
    return (title.words >= 4 and is_title_like(title.text, title.words)
            and len(titles) == len(copies) == 2
            and titles[1] - titles[0] <= TITLE_ECHO_LINES
            and all(c - 1 in titles for c in copies))


def _echoed_title(copies: list[int], story: list[bool]) -> int:
    """Which copy of a repeated title to keep: the last of the first group of copies
    that echo each other within a few lines (headline, captions, headline again)
    with no more than ECHO_STORY_LINES of story between them, else the first copy
    (a title repeated below the story's first paragraphs, in a teaser list)."""
    group = [copies[0]]
    for later in copies[1:]:
        if (later - group[-1] > TITLE_ECHO_LINES
                or sum(story[group[-1]:later]) > ECHO_STORY_LINES):
            if len(group) > 1:
                break
            group = []
        group.append(later)
    return group[-1] if len(group) > 1 else copies[0]


def _contained_paragraphs(draft: Draft, min_words: int = 6, max_words: int = 60) -> None:
    """Standfirsts and pull quotes: a sentence or two, repeated inside a paragraph.
    A story may quote its own words again further down, so a repeat counts only
    when it stands above the paragraph it repeats (a summary) or is set apart
    as a whole-line quotation (a pull quote). A line holding GLUED_MIN or more
    of the story's paragraphs whole is the copy (a read-aloud or 'speed read'
    widget glues the story into one line): it goes, and they stay.

    Linear in the text: each short paragraph is looked up by its first words
    (CONTAINED_KEY of them) while every paragraph's word windows are walked
    once, and only paragraphs sharing that opening are searched for it: at most
    CONTAINED_CHECKS searches per paragraph and candidates per opening."""
    live = draft.live()
    wanted: dict[tuple[str, ...], list[int]] = {}  # opening words -> positions in `live`
    for k, i in enumerate(live):
        para = draft.paras[i]
        if min_words <= para.words <= max_words and para.prose:
            words = para.text.split()
            if len(words) >= CONTAINED_KEY:
                wanted.setdefault(tuple(words[:CONTAINED_KEY]), []).append(k)
    if not wanted:
        return
    found: dict[int, list[int]] = {}  # container position -> contained positions
    firsts = {key[0] for key in wanted}  # most word windows are ruled out by their first word
    for j, i in enumerate(live):
        text = draft.paras[i].text
        words, checks = text.split(), 0
        for n in range(len(words) - CONTAINED_KEY + 1):
            if checks >= CONTAINED_CHECKS:
                break
            if words[n] not in firsts:
                continue
            key = tuple(words[n:n + CONTAINED_KEY])
            for k in wanted.get(key, ())[:CONTAINED_CHECKS]:
                short = draft.paras[live[k]].text
                if k == j or (k > j and short[:1] not in OPENING_QUOTES):
                    continue
                checks += 1
                if short in text:
                    found.setdefault(j, []).append(k)
                    wanted[key].remove(k)  # found once is enough
                    break
    for j, contained in found.items():
        if len(contained) >= GLUED_MIN:
            draft.cut(live[j], "generic.duplicate.glued", "duplicate")
            continue
        for k in contained:
            draft.cut(live[k], "generic.duplicate.contained", "duplicate")


def trailing_outlet_name(draft: Draft) -> None:
    """A bare name line ('Daily Express') after the last paragraph: the outlet's sign-off."""
    live = draft.live()
    if len(live) < 2:
        return
    last, before = draft.paras[live[-1]], draft.paras[live[-2]]
    words = last.text.split()
    if (
        1 <= len(words) <= 5
        and before.prose
        and not last.prose
        and all(w[:1].isupper() or w in ("&", "of", "the", "and") for w in words)
        and not any(ch in last.text for ch in ".!?:|")
    ):
        draft.trailer = last.text
        draft.cut(live[-1], "generic.trailer.name", "trailer")


Detector = Callable[[Draft], None]
DETECTORS: tuple[Detector, ...] = (
    boilerplate_lines,
    reader_prompts,
    prompt_buttons,
    signup_forms,
    prompt_titles,
    teaser_links,
    labelled_links,
    lookalike_text,
    donation_appeals,
    appeal_blocks,
    teaser_blocks,
    photo_captions,
    doubled_captions,
    credited_captions,
    captions_beside_credits,
    comment_threads,
    repeated_paragraphs,
    trailing_outlet_name,
)


def author_notes(draft: Draft) -> None:
    """'X is a senior writer for Y' in the last paragraphs of the body (after layout)."""
    body = draft.live()
    for i in body[-AUTHOR_BIO_TAIL:]:
        para = draft.paras[i]
        if para.words <= 80 and AUTHOR_BIO.match(para.text):
            draft.cut(i, "generic.author_bio.tail", "author_bio")


# Detectors that need to know where the body ends run after the layout stage.
BODY_DETECTORS: tuple[Detector, ...] = (author_notes,)
