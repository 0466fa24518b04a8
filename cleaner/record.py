"""The output record: one cleaned article, serialised as one JSON line.

Every record has the same keys with the same types (RECORD_FIELDS; the JSON
Schema, shipped in the package, is cleaner/schema/record.schema.json). A loader
that guesses each column's type from the first file it reads (`datasets`, Arrow)
cannot tell the type of a column that is null or an empty list throughout that
file, so record_features() gives `datasets` the types from the schema.
Every line is valid UTF-8 JSON. A file name that is not valid UTF-8 (Python
keeps its bytes as lone surrogates, U+DC80-U+DCFF) is written in `source` with
each such byte as the four characters `\\xNN`, and losslessly, as base64 of the
name's bytes, in `source_bytes` (null for every other name). Any other lone
surrogate (a library caller's broken string) becomes U+FFFD.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import orjson

from .text.dates import parse_published
from .text.language import normalise_language


@dataclass(slots=True, frozen=True)
class Removal:
    """One span the cleaner cut: which rule fired, its category, the text, and for
    the HTML pre-pass the element it was (`div#promo.newsletter-box`), so that
    `cleaner explain` can show what a selector took; not part of the record."""

    rule: str
    category: str
    text: str
    element: str | None = None

    def summary(self) -> dict[str, object]:
        return {"rule": self.rule, "category": self.category, "chars": len(self.text)}


# Every record has these keys, in this order, with these types (null only where
# cleaner/schema/record.schema.json allows it).
RECORD_FIELDS = ("id", "source", "source_bytes", "url", "outlet", "headline", "standfirst",
                 "body", "captions", "published", "published_datetime", "published_raw",
                 "authors", "language", "removed", "removed_text")


@dataclass(slots=True)
class Article:
    """A clean article record (schema in README.md, "Record").

    The fields a record normalises are normalised whenever they are set, by any
    stage: `published` takes a date in any spelling and keeps `YYYY-MM-DD`,
    filling `published_datetime` when the value has a time with an offset and
    `published_raw` when it holds no readable date (cleaner/text/dates.py);
    `language` becomes a lowercase BCP 47 tag (cleaner/text/language.py); a path
    given as `source` becomes a string.
    """

    source: str | None
    headline: str | None
    body: str
    outlet: str | None = None
    url: str | None = None
    standfirst: str | None = None
    captions: list[str] = field(default_factory=list)
    published_datetime: str | None = None
    published_raw: str | None = None
    published: str | None = None  # after the two above: setting it sets them
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    removed: list[Removal] = field(default_factory=list)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "published":
            when = parse_published(value)
            object.__setattr__(self, "published_datetime", when.datetime)
            object.__setattr__(self, "published_raw", when.raw)
            value = when.date
        elif name == "language":
            value = normalise_language(value)
        elif name == "source" and isinstance(value, os.PathLike):
            value = os.fsdecode(value)
        object.__setattr__(self, name, value)

    @property
    def id(self) -> str:
        """Stable id: the same outlet, headline and body give the same id on every run."""
        key = "\x1f".join((self.outlet or "", self.headline or "", self.body))
        return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """The record as written: every key of RECORD_FIELDS, always. `removed` lists
        each cut span's rule, category and length; `removed_text` their texts, in the
        same order, with explain=True (--explain), else nothing."""
        return {
            "id": self.id, "source": self.source, "source_bytes": None, "url": self.url,
            "outlet": self.outlet, "headline": self.headline, "standfirst": self.standfirst,
            "body": self.body, "captions": list(self.captions), "published": self.published,
            "published_datetime": self.published_datetime, "published_raw": self.published_raw,
            "authors": list(self.authors), "language": self.language,
            "removed": [r.summary() for r in self.removed],
            "removed_text": [r.text for r in self.removed] if explain else [],
        }

    def to_json(self, explain: bool = False) -> str:
        """One JSONL line (newline included) as text."""
        return self.to_json_bytes(explain).decode("utf-8")

    def to_json_bytes(self, explain: bool = False) -> bytes:
        """One JSONL line (newline included) as UTF-8 bytes, as the command line writes it."""
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
            if name == "source_bytes" and fixed.get(name) is not None:
                continue  # filled in from the name's bytes just before
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


@functools.cache
def _schema_text() -> str:
    return resources.files(__package__).joinpath("schema", "record.schema.json").read_text(
        encoding="utf-8")


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every record validates against (a fresh copy)."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


def record_features() -> Any:
    """The record's column types as `datasets.Features`, for
    `datasets.load_dataset("json", data_files=..., features=cleaner.record_features())`:
    with them, runs of any mix load as one table (needs the `datasets` package)."""
    from datasets import Features, Value

    def feature(node: dict[str, Any]) -> Any:
        kind = node.get("type", "string")
        kind = next(k for k in kind if k != "null") if isinstance(kind, list) else kind
        if kind == "array":
            return [feature(node["items"])]
        if kind == "object":
            return {name: feature(sub) for name, sub in node["properties"].items()}
        return Value("int64" if kind == "integer" else "string")

    return Features(feature(record_schema()))
