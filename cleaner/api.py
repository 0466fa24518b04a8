"""The library's entry points for bytes and files, shared with the command line.

`clean_text` and `clean_html` (cleaner/pipeline.py) take text or a page; these
take what was saved: bytes in any encoding, gzipped or not, a page with the
HTTP headers `curl -i` kept, or a path (`str` or any `os.PathLike`). The
format is checked (`'auto'`, `'text'`, `'html'`, any case): a misspelt one
is a ValueError, never a silent fall-back to text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .decode import Decoded, decode_document
from .errors import InputError
from .inputs import DEFAULT_MAX_BYTES, Payload, check_format, read_payload, sniff_format, unwrap
from .pipeline import clean_html, clean_text
from .record import Article
from .rules import RuleSet
from .text import declared_charset


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What cleaning one input gave: its articles and how its bytes were decoded."""

    articles: list[Article]
    decoded: Decoded


def clean_payload(payload: Payload, *, source: str | None, url: str | None,
                  rules: RuleSet | None, fmt: str = "auto",
                  timeout: float | None = None) -> Cleaned:
    """Decode and clean one unwrapped input; InputError when its text reads as noise
    and no article came of it (an unknown or wrong encoding, reported, not dropped)."""
    kind = check_format(fmt)
    if kind == "auto":
        kind = sniff_format(source or "", payload.data, payload.kind)
    charset = payload.charset  # HTTP's word first, as browsers take it
    if kind == "html" and charset is None:
        charset = declared_charset(payload.data)
    decoded = decode_document(payload.data, charset)
    clean = clean_html if kind == "html" else clean_text
    articles = clean(decoded.text, url=url, source=source, rules=rules, timeout=timeout)
    if decoded.garbled and not articles:
        raise InputError("the decoded text reads as noise (unknown or wrong encoding); "
                         "no article found")
    return Cleaned(articles, decoded)


def clean_bytes(data: bytes, url: str | None = None, source: str | None = None,
                rules: RuleSet | None = None, fmt: str = "text",
                timeout: float | None = None) -> list[Article]:
    """Clean the raw bytes of a dump ('text'), a page ('html') or either ('auto');
    gzip and HTTP headers in front are taken off first."""
    check_format(fmt)
    return clean_payload(unwrap(data), source=source, url=url, rules=rules, fmt=fmt,
                         timeout=timeout).articles


def clean_file(path: str | os.PathLike[str], url: str | None = None,
               rules: RuleSet | None = None, fmt: str = "auto",
               max_bytes: int = DEFAULT_MAX_BYTES, timeout: float | None = None) -> list[Article]:
    """Read and clean one file (.txt/.html/.htm, optionally .gz; '-' is stdin); the
    records' `source` is the path as a string."""
    check_format(fmt)
    source = os.fsdecode(path)
    return clean_payload(read_payload(source, max_bytes), source=source, url=url, rules=rules,
                         fmt=fmt, timeout=timeout).articles
