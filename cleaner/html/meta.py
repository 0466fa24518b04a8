"""HTML metadata: headline, outlet, canonical URL, date, authors and language.

Read from the page before any pruning, in the order publishers fill them
deliberately: JSON-LD first, then Open Graph and Twitter cards, then
<title>, and the visible <h1> last (measured on the dev set, the declared
headline matches what news parsers such as fundus record more often than the
<h1>, which tends to carry live-blog labels and longer variants).

The date is the first declared one that reads as a date (cleaner/text/dates.py).
The language is the one the page declares (<html lang>, og:locale, a
content-language meta), as a lowercase BCP 47 tag; a page that declares none
gets the language of its paragraph text (cleaner/text/language.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from typing import Any

import orjson
from selectolax.lexbor import LexborHTMLParser

from ..io.text import squash
from ..text.dates import parse_published
from ..text.language import SAMPLE_CHARS, detect_language, normalise_language
from ..text.lines import WORD
from ..text.titles import strip_site_suffix

# Meta tags that carry the publication date, in the order they are trusted.
_DATE_METAS = ("article:published_time", "og:published_time", "datepublished", "pubdate",
               "publishdate", "publish-date", "date", "dc.date.issued", "dc.date", "dcterms.date",
               "sailthru.date", "parsely-pub-date")
_LANGUAGE_METAS = ("og:locale", "content-language", "language", "dc.language", "dcterms.language")

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting",
                  "analysisnewsarticle", "opinionnewsarticle", "liveblogposting",
                  "backgroundnewsarticle", "reviewnewsarticle", "report"}


@dataclass(slots=True)
class PageMeta:
    """What the page says about itself."""

    headline: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    description: str | None = None
    article_body: str | None = None  # JSON-LD articleBody: the text of script-rendered pages
    titles: list[str] = field(default_factory=list)  # every title the page gives itself


def read_meta(tree: LexborHTMLParser) -> PageMeta:
    """Collect the page's metadata (call before pruning the tree)."""
    metas = _meta_tags(tree)
    ld = _json_ld_article(tree)
    html = tree.css_first("html")
    site = metas.get("og:site_name")
    declared = [t for t in (_str(ld.get("headline")), metas.get("og:title"),
                            metas.get("twitter:title"), _text(tree.css_first("title"))) if t]
    h1s = [t for t in (_text(n) for n in tree.css("h1")) if t]
    return PageMeta(
        headline=_headline(declared, h1s, site),
        outlet=metas.get("og:site_name") or _name(ld.get("publisher")),
        url=_canonical(tree) or metas.get("og:url"),
        published=_published([_str(ld.get("datePublished")),
                              *(metas.get(key) for key in _DATE_METAS), _time_attr(tree)]),
        authors=_authors(ld, metas),
        language=_language([html.attributes.get("lang") if html else None,
                            *(metas.get(key) for key in _LANGUAGE_METAS)], tree),
        description=metas.get("og:description") or metas.get("description"),
        article_body=ld.get("articleBody") if isinstance(ld.get("articleBody"), str) else None,
        titles=[*(strip_site_suffix(t, site) for t in declared), *h1s],
    )


def _published(candidates: list[str | None]) -> str | None:
    """The first declared date that reads as one, else the first declared value."""
    given = [c for c in candidates if c]
    return next((c for c in given if parse_published(c).date), given[0] if given else None)


def _language(declared: list[str | None], tree: LexborHTMLParser) -> str | None:
    """The first declared language that is a language tag, else the paragraphs' language."""
    for tag in declared:
        language = normalise_language(tag)
        if language:
            return language
    text, size = [], 0
    for node in tree.css("p"):
        line = squash(node.text(deep=True))
        if len(line) >= 40:
            text.append(line)
            size += len(line)
            if size >= SAMPLE_CHARS:
                break
    return detect_language("\n".join(text))


def _meta_tags(tree: LexborHTMLParser) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
               or attrs.get("http-equiv") or "").lower()
        content = squash(attrs.get("content") or "")
        if key and content and key not in found:
            found[key] = content
    return found


def _json_ld_article(tree: LexborHTMLParser) -> dict[str, Any]:
    """The first JSON-LD object typed as an article (graphs searched too), else
    the first typed as a web page."""
    page: dict[str, Any] = {}
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = orjson.loads(node.text(deep=True) or "null")
        except orjson.JSONDecodeError:
            continue
        for item in _ld_items(data):
            kinds = item.get("@type")
            kinds = {k.lower() for k in (kinds if isinstance(kinds, list) else [kinds])
                     if isinstance(k, str)}
            if kinds & _ARTICLE_TYPES:
                return item
            if not page and "webpage" in kinds:
                page = item
    return page


def _ld_items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_items(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_items(data["@graph"])


def _headline(declared: list[str], h1s: list[str], site: str | None) -> str | None:
    """The first declared title (site suffix removed), else the first <h1>."""
    for title in (*declared, *h1s):
        if len(WORD.findall(title)) >= 2:
            return strip_site_suffix(title, site) if title in declared else title
    return None


def _canonical(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first('link[rel="canonical"]')
    href = node.attributes.get("href") if node else None
    return href if href and href.startswith(("http://", "https://")) else None


def _time_attr(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("time[datetime]")
    return node.attributes.get("datetime") if node else None


def _authors(ld: dict[str, Any], metas: dict[str, str]) -> list[str]:
    people = ld.get("author")
    people = people if isinstance(people, list) else [people]
    names = [n for n in (_name(p) for p in people) if n]
    if not names and metas.get("author") and not metas["author"].startswith("http"):
        names = [metas["author"]]
    return list(dict.fromkeys(names))


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = value[0] if value else None
    return _str(value)


def _str(value: Any) -> str | None:
    return squash(unescape(value)) or None if isinstance(value, str) else None


def _text(node: Any) -> str | None:
    return squash(node.text(deep=True)) or None if node is not None else None
