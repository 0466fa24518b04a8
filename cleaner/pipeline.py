"""The text pipeline: decode -> detect outlet -> split -> site rules -> generic
detectors -> layout -> assemble. Data flows one way; each stage is a module."""

from __future__ import annotations

from .assemble import assemble
from .detectors import BODY_DETECTORS, DETECTORS
from .draft import Draft, paragraphs
from .errors import InputError
from .inputs import DEFAULT_MAX_BYTES, read_input, sniff_format
from .layout import locate_article
from .outlet import detect_site, readable_domain, split_header
from .record import Article
from .rules import RuleSet, load_rules
from .siterules import apply_site_rules
from .split import split_articles
from .text import decode_bytes, normalise


def clean_text(text: str, url: str | None = None, source: str | None = None,
               rules: RuleSet | None = None) -> list[Article]:
    """Clean one text dump; one Article per article found (none if no text survives)."""
    rules = load_rules() if rules is None else rules
    header_url, text = split_header(normalise(text))
    url = url or header_url
    site = detect_site(rules, text, url)
    articles = []
    for segment in split_articles(paragraphs(text)):
        draft = Draft(segment)
        apply_site_rules(draft, site)
        for detect in DETECTORS:
            detect(draft)
        locate_article(draft)
        for detect in BODY_DETECTORS:
            detect(draft)
        outlet = site.outlet if site else (draft.trailer or readable_domain(url))
        article = assemble(draft, source=source, url=url, outlet=outlet)
        if article.body:
            articles.append(article)
    return articles


def clean_bytes(data: bytes, url: str | None = None, source: str | None = None,
                rules: RuleSet | None = None, fmt: str = "text") -> list[Article]:
    """Clean raw bytes of a dump ('text') or a page ('html')."""
    if fmt == "html":
        raise InputError("HTML input is not supported yet")
    return clean_text(decode_bytes(data), url=url, source=source, rules=rules)


def clean_file(path: str, url: str | None = None, rules: RuleSet | None = None,
               fmt: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Read, decode and clean one file (.txt/.html/.htm, optionally .gz; '-' is stdin)."""
    data = read_input(path, max_bytes)
    kind = sniff_format(path, data) if fmt == "auto" else fmt
    return clean_bytes(data, url=url, source=path, rules=rules, fmt=kind)
