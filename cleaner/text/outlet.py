"""Outlet detection: which publication a dump comes from.

In order: the URL (given with --url, or a `URL:` / `Source:` line at the top
of the dump) matched against rule-file domains; the rule files' signature
lines; a bare outlet-name line at the end of the article (the trailer).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..rules import RuleSet, SiteRule

HEADER_LINES = 3  # a URL header must be among the first non-empty lines
_HEADER = re.compile(r"^(?:url|source|link|canonical)\s*:\s*(https?://\S+)$", re.I)


def split_header(text: str) -> tuple[str | None, str]:
    """Take a 'URL: https://...' line off the top of a dump; return (url, rest)."""
    lines = text.split("\n")
    seen = 0
    for n, line in enumerate(lines):
        if not line:
            continue
        match = _HEADER.match(line)
        if match:
            return match.group(1), "\n".join(lines[:n] + lines[n + 1:])
        seen += 1
        if seen >= HEADER_LINES:
            break
    return None, text


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.") if host else None


def detect_site(rules: RuleSet, text: str, url: str | None) -> SiteRule | None:
    """The rule file that applies: by URL host first, else by signatures in the text."""
    host = host_of(url)
    if host:
        by_host = rules.for_host(host)
        if by_host is not None:
            return by_host
    return rules.for_text(text)


def readable_domain(url: str | None) -> str | None:
    """'https://www.example.co.uk/x' -> 'example.co.uk': an outlet name of last resort."""
    return host_of(url)


# "© 2024 Coastline Herald Ltd. All rights reserved": the footer names the publisher.
_COPYRIGHT = re.compile(
    r"(?i:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>[A-Z][\w&'’-]*(?:\.[a-z]{2,})?(?: (?:[A-Z&][\w&'’-]*|of|the|and)){0,5})")
_COMPANY_SUFFIX = re.compile(r"[.,]?\s+(?:ltd|limited|inc|llc|plc|corp|gmbh|pty)\.?$", re.I)


def copyright_holder(line: str) -> str | None:
    """The publisher a copyright line names, without company suffixes."""
    match = _COPYRIGHT.search(line)
    if match is None:
        return None
    name = _COMPANY_SUFFIX.sub("", match.group("name"))
    return None if name == "The" or name.startswith("All") else name  # "All rights reserved"
