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

from .errors import InputError
from .io.decode import Decoded, decode_document
from .io.inputs import DEFAULT_MAX_BYTES, Payload, check_format, read_payload, sniff_format, unwrap
from .io.text import declared_charset
from .learn.recurring import RecurringIndex, document_lines
from .pipeline import clean_html, clean_text
from .record import Article
from .rules import RuleSet, load_rules


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What cleaning one input gave: its articles and how its bytes were decoded."""

    articles: list[Article]
    decoded: Decoded


def clean_payload(payload: Payload, *, source: str | None, url: str | None,
                  rules: RuleSet | None, fmt: str = "auto",
                  timeout: float | None = None,
                  recurring: RecurringIndex | None = None) -> Cleaned:
    """Decode and clean one unwrapped input; InputError when its text reads as noise
    and no article came of it (an unknown or wrong encoding, reported, not dropped).
    `recurring`: a batch's recurring lines to cut too (cleaner/learn/recurring.py)."""
    kind, decoded = _decode(payload, source, fmt)
    clean = clean_html if kind == "html" else clean_text
    articles = clean(decoded.text, url=url, source=source, rules=rules, timeout=timeout,
                     recurring=recurring)
    if decoded.garbled and not articles:
        raise InputError("the decoded text reads as noise (unknown or wrong encoding); "
                         "no article found")
    return Cleaned(articles, decoded)


def payload_lines(payload: Payload, *, source: str | None, url: str | None,
                  rules: RuleSet | None, fmt: str = "auto") -> tuple[list[str], str | None]:
    """One input's lines and group as the text stages will see them: the first pass
    of corpus-aware cleaning (RecurringIndex.add) and `cleaner learn` read these."""
    kind, decoded = _decode(payload, source, fmt)
    return document_lines(decoded.text, kind, url, load_rules() if rules is None else rules)


def _decode(payload: Payload, source: str | None, fmt: str) -> tuple[str, Decoded]:
    """The input's format ('text' or 'html') and its decoded text."""
    kind = check_format(fmt)
    if kind == "auto":
        kind = sniff_format(source or "", payload.data, payload.kind)
    charset = payload.charset  # HTTP's word first, as browsers take it
    if kind == "html" and charset is None:
        charset = declared_charset(payload.data)
    return kind, decode_document(payload.data, charset)


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
