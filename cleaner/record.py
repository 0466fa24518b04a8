"""The output record: one cleaned article, serialised as one JSON line.

Every line is valid UTF-8 JSON. A file name that is not valid UTF-8 (Python
keeps its bytes as lone surrogates, U+DC80-U+DCFF) is written in `source` with
each such byte as the four characters `\\xNN`, and losslessly, as base64 of the
name's bytes, in an extra `source_bytes` field right after it. Any other lone
surrogate (a library caller's broken string) becomes U+FFFD.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Any

import orjson


@dataclass(slots=True, frozen=True)
class Removal:
    """One span the cleaner cut: which rule fired, its category, the text."""

    rule: str
    category: str
    text: str

    def summary(self) -> dict[str, object]:
        return {"rule": self.rule, "category": self.category, "chars": len(self.text)}


@dataclass(slots=True)
class Article:
    """A clean article record (schema in README.md, "Record")."""

    source: str | None
    headline: str | None
    body: str
    outlet: str | None = None
    url: str | None = None
    standfirst: str | None = None
    captions: list[str] = field(default_factory=list)
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    removed: list[Removal] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Stable id: the same outlet, headline and body give the same id on every run."""
        key = "\x1f".join((self.outlet or "", self.headline or "", self.body))
        return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()

    def to_dict(self, explain: bool = False) -> dict[str, object]:
        """The record as written; explain=True keeps each removed span's text."""
        return {
            "id": self.id, "source": self.source, "url": self.url, "outlet": self.outlet,
            "headline": self.headline, "standfirst": self.standfirst, "body": self.body,
            "captions": list(self.captions), "published": self.published,
            "authors": list(self.authors), "language": self.language,
            "removed": [{**r.summary(), "text": r.text} if explain else r.summary()
                        for r in self.removed],
        }

    def to_json(self, explain: bool = False) -> bytes:
        """One JSONL line, newline included."""
        return json_line(self.to_dict(explain))


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_line(record: dict[str, Any]) -> bytes:
    """One JSON line, newline included, whatever the strings hold (see the module doc)."""
    try:
        return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # orjson refuses lone surrogates
        return orjson.dumps(_valid_unicode(record), option=orjson.OPT_APPEND_NEWLINE)


def escaped_source(source: str) -> str:
    """The source as written in records and shown in messages: each byte of a file
    name that is not valid UTF-8 as `\\xNN`."""
    return _SURROGATE.sub(_escape_surrogate, source)


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def _valid_unicode(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        fixed: dict[str, Any] = {}
        for name, item in value.items():
            fixed[name] = _valid_unicode(item, name)
            if name == "source" and isinstance(item, str) and _SURROGATE.search(item):
                fixed["source_bytes"] = base64.b64encode(_name_bytes(item)).decode("ascii")
        return fixed
    if isinstance(value, list):
        return [_valid_unicode(item) for item in value]
    if isinstance(value, str):
        return escaped_source(value) if key == "source" else _SURROGATE.sub("\ufffd", value)
    return value


def _name_bytes(name: str) -> bytes:
    try:
        return os.fsencode(name)
    except UnicodeError:  # a surrogate no file name decodes to
        return name.encode("utf-8", "surrogatepass")
