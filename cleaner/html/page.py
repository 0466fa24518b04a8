"""HTML stage: from a page to the text the text stages clean, plus what the page
says about itself. Order matters: metadata is read before pruning, the visible
text is taken after scripts go but before boilerplate boxes do.

The pre-pass can be wrong about a page it has never seen (a story inside a box
whose class reads like a widget, a story streamed into a hidden element or
kept in <noscript>). So its result is checked against the page's own
paragraph text, counted before anything is removed: when the extraction holds
less than DOUBT_SHARE of it, trafilatura runs again on the whole, unpruned
page and the longer text wins. The text stages clean either result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from ..io.decode import decode_document
from ..io.limits import check_html, check_text
from ..io.text import declared_charset, normalise, squash
from ..record import Removal
from ..rules import RuleSet, SiteRule
from ..text.draft import Para, paragraphs
from ..text.outlet import host_of
from .extract import main_text, selected_text
from .meta import PageMeta, read_meta
from .prune import LONG_PARAGRAPH, prune, strip_non_content

ARTICLE_BODY_SHARE = 0.5  # extracted text shorter than this share of articleBody: use the latter
DOUBT_SHARE = 0.5  # extracted text shorter than this share of the page's paragraph text


@dataclass(slots=True)
class Page:
    """A page reduced to paragraphs, with its metadata and what the pre-pass cut."""

    meta: PageMeta
    site: SiteRule | None
    url: str | None
    paras: list[Para]
    standfirst: str | None = None
    captions: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    whole: bool = False  # the text came from the unpruned page (the pre-pass was doubted)


def read_page(html: str | bytes, url: str | None, rules: RuleSet, whole: bool = False) -> Page:
    """Decode, read metadata, prune and extract one page (`whole`: extract from the
    unpruned page whatever the pre-pass gives)."""
    if isinstance(html, bytes):
        html = decode_document(html, declared_charset(html)).text
    check_html(html)
    tree = LexborHTMLParser(html)
    meta = read_meta(tree)
    page_chars = _paragraph_chars(tree)
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
    # A retry (`whole`) skips the pruned extraction: it already failed to give a story.
    text = normalise(chosen or ("" if whole else main_text(tree, url)))
    if not chosen and (whole or len(text) < DOUBT_SHARE * page_chars):
        unpruned = normalise(main_text(LexborHTMLParser(html), url))
        whole = len(unpruned) > len(text)
        if whole:
            text, pruned.removed = unpruned, []
    if meta.article_body and len(text) < ARTICLE_BODY_SHARE * len(meta.article_body):
        text = normalise(meta.article_body)  # the page renders its story from script data
    check_text(text)
    paras = paragraphs(text)
    standfirst = _visible_standfirst(meta.description, visible, paras)
    if standfirst:
        paras.insert(0, Para.of(standfirst))
    elif meta.description and paras and paras[0].text.startswith(meta.description):
        standfirst = meta.description
    return Page(meta, site or rules.for_text(text), url, paras, standfirst, pruned.captions,
                pruned.removed, whole)


def _paragraph_chars(tree: LexborHTMLParser) -> int:
    """Characters in the page's long paragraphs, hidden and <noscript> ones included."""
    return sum(size for p in tree.css("p") if (size := len(p.text(deep=True))) >= LONG_PARAGRAPH)


def _first_text(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    return squash(node.text(deep=True)) or None if node is not None else None


def _visible_standfirst(description: str | None, visible: str, paras: list[Para]) -> str | None:
    """The page's summary when it is shown on the page (under the headline) but
    missing from the extracted text: trafilatura often drops the header block."""
    if not description or len(description.split()) < 6 or description not in visible:
        return None
    if any(description in para.text or para.text in description for para in paras[:5]):
        return None
    return description
