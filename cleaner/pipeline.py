"""The pipelines. Text: decode -> detect outlet -> split -> site rules -> generic
detectors -> layout -> assemble. HTML: decode -> metadata -> prune -> extract
main text, then the same text stages. Data flows one way; each stage is a module."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from .assemble import assemble
from .detectors import BODY_DETECTORS, DETECTORS
from .draft import Draft, Para, paragraphs
from .extract import main_text, selected_text
from .htmlmeta import read_meta
from .htmlprune import prune, strip_non_content
from .inputs import DEFAULT_MAX_BYTES, read_input, sniff_format
from .layout import locate_article
from .outlet import copyright_holder, detect_site, host_of, readable_domain, split_header
from .record import Article
from .rules import RuleSet, SiteRule, load_rules
from .siterules import apply_site_rules
from .split import split_articles
from .text import declared_charset, decode_bytes, normalise, squash

ARTICLE_BODY_SHARE = 0.5  # extracted text shorter than this share of articleBody: use the latter


def clean_text(text: str, url: str | None = None, source: str | None = None,
               rules: RuleSet | None = None) -> list[Article]:
    """Clean one text dump; one Article per article found (none if no text survives)."""
    rules = load_rules() if rules is None else rules
    header_url, text = split_header(normalise(text))
    url = url or header_url
    site = detect_site(rules, text, url)
    articles = []
    for segment in split_articles(paragraphs(text)):
        draft = _clean_draft(Draft(segment), site, page=True)
        outlet = site.outlet if site else (draft.trailer or readable_domain(url)
                                           or _footer_outlet(draft))
        article = assemble(draft, source=source, url=url, outlet=outlet)
        if _has_story(draft):
            articles.append(article)
    return articles


def clean_html(html: str | bytes, url: str | None = None, source: str | None = None,
               rules: RuleSet | None = None) -> list[Article]:
    """Clean one HTML page into (at most) one Article."""
    rules = load_rules() if rules is None else rules
    if isinstance(html, bytes):
        html = decode_bytes(html, declared_charset(html))
    tree = LexborHTMLParser(html)
    meta = read_meta(tree)
    url = url or meta.url
    host = host_of(url)
    site = rules.for_host(host) if host else None
    html_rule = site.html if site else None
    if html_rule and html_rule.headline:
        meta.headline = _first_text(tree, html_rule.headline) or meta.headline
    strip_non_content(tree)
    visible = squash(tree.body.text(deep=True, separator=" ")) if tree.body else ""
    pruned = prune(tree, site)
    chosen = selected_text(tree, html_rule.body) if html_rule and html_rule.body else ""
    text = normalise(chosen or main_text(tree, url))
    if meta.article_body and len(text) < ARTICLE_BODY_SHARE * len(meta.article_body):
        text = normalise(meta.article_body)  # the page renders its story from script data
    site = site or rules.for_text(text)
    paras = paragraphs(text)
    standfirst = _visible_standfirst(meta.description, visible, paras)
    if standfirst:
        paras.insert(0, Para.of(standfirst))
    draft = Draft(paras, captions=pruned.captions, authors=list(meta.authors))
    _drop_headline_echo(draft, meta.titles)
    draft = _clean_draft(draft, site, page=False)
    outlet = site.outlet if site else (meta.outlet or draft.trailer or readable_domain(url))
    article = assemble(draft, source=source, url=url, outlet=outlet, headline=meta.headline)
    article.removed[:0] = pruned.removed
    article.published, article.language = meta.published, meta.language
    if standfirst or (meta.description and article.body.startswith(meta.description)):
        article.standfirst = meta.description
    return [article] if _has_story(draft) else []


def _footer_outlet(draft: Draft) -> str | None:
    """The publisher named by the page's copyright line, if a footer survived in the dump."""
    for para in draft.paras:
        if para.cut is not None and para.cut.rule == "generic.navigation.copyright":
            name = copyright_holder(para.text)
            if name:
                return name
    return None


def _first_text(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    return squash(node.text(deep=True)) or None if node is not None else None


def _has_story(draft: Draft) -> bool:
    """An article needs at least one sentence: a list of links is not one."""
    return any(draft.paras[i].prose for i in draft.live())


def _clean_draft(draft: Draft, site: SiteRule | None, page: bool) -> Draft:
    """Site rules, generic detectors, then (for whole-page text dumps) the layout."""
    apply_site_rules(draft, site)
    for detect in DETECTORS:
        detect(draft)
    if page:
        locate_article(draft)
    for detect in BODY_DETECTORS:
        detect(draft)
    return draft


def _visible_standfirst(description: str | None, visible: str, paras: list[Para]) -> str | None:
    """The page's summary when it is shown on the page (under the headline) but
    missing from the extracted text: trafilatura often drops the header block."""
    if not description or len(description.split()) < 6 or description not in visible:
        return None
    if any(description in para.text or para.text in description for para in paras[:5]):
        return None
    return description


def _drop_headline_echo(draft: Draft, titles: list[str]) -> None:
    """Extracted text often opens with the headline (or its <h1> variant)."""
    wanted = {squash(title).casefold() for title in titles}
    for i, para in enumerate(draft.paras[:3]):
        if para.folded in wanted:
            draft.cut(i, "generic.duplicate.headline", "duplicate")


def clean_bytes(data: bytes, url: str | None = None, source: str | None = None,
                rules: RuleSet | None = None, fmt: str = "text") -> list[Article]:
    """Clean raw bytes of a dump ('text') or a page ('html')."""
    if fmt == "html":
        return clean_html(data, url=url, source=source, rules=rules)
    return clean_text(decode_bytes(data), url=url, source=source, rules=rules)


def clean_file(path: str, url: str | None = None, rules: RuleSet | None = None,
               fmt: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Read, decode and clean one file (.txt/.html/.htm, optionally .gz; '-' is stdin)."""
    data = read_input(path, max_bytes)
    kind = sniff_format(path, data) if fmt == "auto" else fmt
    return clean_bytes(data, url=url, source=path, rules=rules, fmt=kind)



