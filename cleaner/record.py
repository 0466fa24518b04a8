"""The output record: one cleaned article, serialised as one JSON line."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

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
        return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()

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
        return orjson.dumps(self.to_dict(explain), option=orjson.OPT_APPEND_NEWLINE)
