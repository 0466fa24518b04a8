"""The pipelines. Text: decode -> detect outlet -> split -> site rules -> generic
detectors -> layout -> line classifier -> assemble. HTML: the page stage (html/:
decode, metadata, prune, extract), then the same text stages without the layout
and the classifier. Data flows one way."""

from __future__ import annotations

from .html import Page, read_page
from .io.limits import check_text
from .io.text import normalise, squash
from .learn.recurring import RecurringIndex, RecurringLines, cut_recurring, lines_for
from .record import Article
from .rules import RuleSet, SiteRule, load_rules
from .text.assemble import assemble
from .text.classify import classified_lines
from .text.detectors import BODY_DETECTORS, DETECTORS
from .text.draft import Draft, Para, paragraphs
from .text.layout import locate_article
from .text.lines import LONG_LINE_LOWERCASE, lowercase_share
from .text.outlet import copyright_holder, detect_site, readable_domain, split_header
from .text.siterules import apply_site_rules
from .text.split import headline_at, split_articles
from .timelimit import time_limit
from .trace import note

RUNNING_TEXT_WORDS = 25  # a page paragraph this long counts as a story without a full stop
STRAY_PARAGRAPHS = 3  # a first segment with fewer, and no headline, is no article of its own


def clean_text(text: str, url: str | None = None, source: str | None = None,
               rules: RuleSet | None = None, timeout: float | None = None,
               recurring: RecurringIndex | None = None) -> list[Article]:
    """Clean one text dump; one Article per article found (none if no text survives).
    `timeout`: seconds before DocumentTimeout (main thread only; see timelimit.py).
    `recurring`: a batch's recurring lines to cut too (cleaner/learn/recurring.py)."""
    rules = load_rules() if rules is None else rules
    with time_limit(timeout):
        return _clean_text(text, url, source, rules, recurring)


def _clean_text(text: str, url: str | None, source: str | None,
                rules: RuleSet, recurring: RecurringIndex | None) -> list[Article]:
    header_url, text = split_header(normalise(text))
    check_text(text)
    url = url or header_url
    site = detect_site(rules, text, url)
    lines = lines_for(recurring, site, url)
    segments = split_articles(paragraphs(text))
    cleaned = [_clean_segment(segment, n, site, lines, url, source)
               for n, segment in enumerate(segments)]
    articles = []
    for n, (draft, article) in enumerate(cleaned):
        stray = n == 0 and len(cleaned) > 1 and _stray(draft, article)
        kept = _has_story(draft) and not stray
        note(draft, None, article if kept else None)
        if kept:
            articles.append(article)
    return articles


def _clean_segment(segment: list[Para], n: int, site: SiteRule | None,
                   lines: RecurringLines | None, url: str | None,
                   source: str | None) -> tuple[Draft, Article]:
    """Clean one article's share of a dump (after the first, its headline is known
    from the split)."""
    draft = Draft(segment, headline=headline_at(segment) if n else None)
    _clean_draft(draft, site, page=True, recurring=lines)
    outlet = site.outlet if site else (draft.trailer or readable_domain(url)
                                       or _footer_outlet(draft))
    return draft, assemble(draft, source=source, url=url, outlet=outlet)


def _stray(draft: Draft, article: Article) -> bool:
    """What the split left above the first headline it found is no article: no
    headline and fewer than STRAY_PARAGRAPHS paragraphs once cleaned (a consent
    blurb, a teaser's excerpt), page furniture above the story."""
    kept = [i for i in draft.live() if i != draft.headline]
    return article.headline is None and len(kept) < STRAY_PARAGRAPHS


def clean_html(html: str | bytes, url: str | None = None, source: str | None = None,
               rules: RuleSet | None = None, timeout: float | None = None,
               recurring: RecurringIndex | None = None) -> list[Article]:
    """Clean one HTML page into (at most) one Article. When the pruned page yields
    no story, the whole page gets a second chance before the page is given up.
    `timeout`: as for clean_text (it cannot stop one long parse inside C code);
    `recurring` too."""
    rules = load_rules() if rules is None else rules
    with time_limit(timeout):
        return _clean_html(html, url, source, rules, recurring)


def _clean_html(html: str | bytes, url: str | None, source: str | None,
                rules: RuleSet, recurring: RecurringIndex | None) -> list[Article]:
    page = read_page(html, url, rules)
    article, draft = _clean_page(page, source, recurring)
    if not _has_story(draft) and not page.whole:
        page = read_page(html, url, rules, whole=True)
        article, draft = _clean_page(page, source, recurring)
    kept = _has_story(draft) or _has_running_text(draft)
    note(draft, page, article if kept else None)
    return [article] if kept else []


def _clean_page(page: Page, source: str | None,
                recurring: RecurringIndex | None) -> tuple[Article, Draft]:
    meta = page.meta
    draft = Draft(page.paras, captions=page.captions, authors=list(meta.authors))
    _drop_headline_echo(draft, meta.titles)
    lines = lines_for(recurring, page.site, page.url)
    _clean_draft(draft, page.site, page=False, recurring=lines)
    outlet = page.site.outlet if page.site else (meta.outlet or draft.trailer
                                                 or readable_domain(page.url))
    article = assemble(draft, source=source, url=page.url, outlet=outlet,
                       headline=meta.headline, language=meta.language)
    article.removed[:0] = page.removed
    article.standfirst = page.standfirst
    article.published = meta.published or article.published
    return article, draft


def _footer_outlet(draft: Draft) -> str | None:
    """The publisher named by the page's copyright line, if a footer survived in the dump."""
    for para in draft.paras:
        if para.cut is not None and para.cut.rule == "generic.navigation.copyright":
            name = copyright_holder(para.text)
            if name:
                return name
    return None


def _has_story(draft: Draft) -> bool:
    """An article needs at least one sentence: a list of links is not one."""
    return any(draft.paras[i].prose for i in draft.live())


def _has_running_text(draft: Draft) -> bool:
    """A page's main text may be one long paragraph without a full stop (a post
    that trails off in '…'): running text, not a list of links, still counts."""
    return any(draft.paras[i].words >= RUNNING_TEXT_WORDS
               and lowercase_share(draft.paras[i].text) >= LONG_LINE_LOWERCASE
               for i in draft.live())


def _clean_draft(draft: Draft, site: SiteRule | None, page: bool,
                 recurring: RecurringLines | None = None) -> None:
    """Site rules, the batch's recurring lines, generic detectors, then (for
    whole-page text dumps) the layout and the trained line classifier."""
    apply_site_rules(draft, site)
    if recurring is not None:
        cut_recurring(draft, recurring)
    for detect in DETECTORS:
        detect(draft)
    if page:
        locate_article(draft)
        classified_lines(draft)
    for detect in BODY_DETECTORS:
        detect(draft)


def _drop_headline_echo(draft: Draft, titles: list[str]) -> None:
    """Extracted text often opens with the headline (or its <h1> variant)."""
    wanted = {squash(title).casefold() for title in titles}
    for i, para in enumerate(draft.paras[:3]):
        if para.folded in wanted:
            draft.cut(i, "generic.duplicate.headline", "duplicate")
