"""`cleaner stats`: a run's summary computed from its output, and what looks wrong.

The totals are a BatchStats filled from the records' audit trails, so the JSON
uses the keys `clean --stats` writes wherever they apply (`articles`,
`removed`, `rules`); what only a run knows (inputs, failures, seconds) is not
in an output file and is left out. Three flags point at rules to fix:

- **never fired**: a rule of a rule file whose outlet has records in the file
  but that cut nothing in any of them (the site changed its layout). Rule
  files of outlets absent from the file are not judged: their rules had no
  chance to fire. A rule file's `html` selectors (rule id `NAME.html`) are
  judged only when some record of its outlet came through the HTML pre-pass
  (has a `*.html` removal): text dumps never reach them.
- **short body**: a body with fewer than `min_words` words (empty included).
- **leftovers**: a body whose paragraphs are, for at least LEFTOVER_SHARE of
  its characters, text that was cut with one category elsewhere in the file
  (the same paragraph, compared case- and space-insensitively). It needs the
  removed texts, which records carry when written with `clean --explain`;
  `duplicate` cuts are not counted (their text stays once by design).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import orjson

from ..batch import BatchStats
from ..errors import InputError
from ..io.inputs import STDIN
from ..io.text import squash
from ..rules import RuleSet, SiteRule

SHORT_BODY_WORDS = 50
LEFTOVER_SHARE = 0.5
APPLICABLE_KEYS = ("articles", "removed", "rules")  # of BatchStats.to_dict()
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(slots=True)
class Flag:
    """One record that looks wrong: where it is and why."""

    line: int
    source: str | None
    id: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "source": self.source, "id": self.id, "reason": self.reason}


@dataclass(slots=True)
class FileStats:
    """The totals of one output file and its flags."""

    totals: BatchStats = field(default_factory=BatchStats)
    sources: set[str] = field(default_factory=set)
    outlets: Counter[str] = field(default_factory=Counter)
    page_outlets: set[str] = field(default_factory=set)  # outlets with pre-pass removals
    never_fired: list[tuple[str, str]] = field(default_factory=list)  # (rule, outlet)
    short: list[Flag] = field(default_factory=list)
    leftovers: list[Flag] | None = None  # None: not checked (no removed texts in the file)
    bad_lines: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        totals = self.totals.to_dict()
        return {
            **{key: totals[key] for key in APPLICABLE_KEYS},
            "sources": len(self.sources),
            "outlets": dict(self.outlets.most_common()),
            "never_fired": [{"rule": rule, "outlet": outlet}
                            for rule, outlet in self.never_fired],
            "short_body": [flag.to_dict() for flag in self.short],
            "leftovers": (None if self.leftovers is None
                          else [flag.to_dict() for flag in self.leftovers]),
            "bad_lines": self.bad_lines,
        }

    def summary(self, min_words: int) -> str:
        lines = [f"{_count_of(self.totals.articles, 'record')} from "
                 f"{_count_of(len(self.sources), 'source')}, "
                 f"{_count_of(len(self.outlets), 'outlet')}"]
        lines += self.totals.summary(per_rule=True).split("\n")[1:]  # its per-category lines
        lines += _listed("rules that never fired (outlets with records here)",
                         [f"{rule}  ({outlet}, {_count_of(self.outlets[outlet], 'record')})"
                          for rule, outlet in self.never_fired])
        lines += _listed(f"records with a body under {min_words} words",
                         [f"line {f.line}: {f.source}: {f.reason}" for f in self.short])
        if self.leftovers is None:
            lines.append("leftovers: not checked (the records carry no removed texts; "
                         "write them with `cleaner clean --explain`)")
        else:
            lines += _listed("records whose body is mostly one category's leftovers",
                             [f"line {f.line}: {f.source}: {f.reason}" for f in self.leftovers])
        if self.bad_lines:
            lines.append(f"lines that are not records: {', '.join(map(str, self.bad_lines))}")
        return "\n".join(lines)


def _listed(title: str, items: list[str]) -> list[str]:
    return [f"{title}: none"] if not items else [f"{title}:", *(f"  {i}" for i in items)]


def _count_of(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def file_stats(path: str, rules: RuleSet, min_words: int = SHORT_BODY_WORDS) -> FileStats:
    """Read an output file ('-': standard input; gzip by its magic bytes) and judge it.
    InputError when it cannot be read."""
    stats = FileStats()
    records: list[tuple[int, dict[str, Any]]] = []
    for number, line in _lines(path):
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError:
            record = None
        if not isinstance(record, dict) or not isinstance(record.get("body"), str):
            stats.bad_lines.append(number)
            continue
        records.append((number, record))
        _count(stats, record)
        words = len(record["body"].split())
        if words < min_words:
            reason = "empty body" if not words else f"short body ({words} words)"
            stats.short.append(_flag(number, record, reason))
    stats.never_fired = _never_fired(rules, stats)
    stats.leftovers = _leftovers(records)
    return stats


def _count(stats: FileStats, record: dict[str, Any]) -> None:
    totals = stats.totals
    totals.articles += 1
    stats.sources.add(str(record.get("source")))
    outlet = str(record.get("outlet") or "")
    if outlet:
        stats.outlets[outlet] += 1
    for removal in record.get("removed") or []:
        if removal["rule"].endswith(".html") or removal["rule"].startswith("generic.html."):
            stats.page_outlets.add(outlet)
        totals.by_category[removal["category"]] += 1
        totals.chars_by_category[removal["category"]] += removal["chars"]
        totals.by_rule[removal["rule"]] += 1


def _flag(number: int, record: dict[str, Any], reason: str) -> Flag:
    return Flag(number, record.get("source"), record.get("id"), reason)


def rule_ids(rule: SiteRule, pages: bool = True) -> list[str]:
    """Every rule id a rule file can put in the audit trail (`pages`: its HTML
    selectors' too)."""
    ids = [f"{rule.name}.{r.id}" for r in rule.blocks] + [f"{rule.name}.{r.id}" for r in rule.lines]
    return ids + ([f"{rule.name}.html"] if pages and rule.html.remove else [])


def _never_fired(rules: RuleSet, stats: FileStats) -> list[tuple[str, str]]:
    outlets = {outlet.casefold(): outlet for outlet in stats.outlets}
    pages = {outlet.casefold() for outlet in stats.page_outlets}
    return [(rule_id, outlets[rule.outlet.casefold()])
            for rule in rules.rules if rule.outlet.casefold() in outlets
            for rule_id in rule_ids(rule, pages=rule.outlet.casefold() in pages)
            if not stats.totals.by_rule[rule_id]]


def _leftovers(records: list[tuple[int, dict[str, Any]]]) -> list[Flag] | None:
    cut_as: dict[str, Counter[str]] = defaultdict(Counter)  # paragraph -> category counts
    for _, record in records:
        for removal, text in zip(record.get("removed") or [], record.get("removed_text") or [],
                                 strict=False):
            if removal["category"] != "duplicate" and isinstance(text, str):
                cut_as[_key(text)][removal["category"]] += 1
    if not cut_as:
        return None
    flags = []
    for number, record in records:
        body = record["body"]
        chars: Counter[str] = Counter()
        for para in body.split("\n\n"):
            found = cut_as.get(_key(para))
            if found:
                chars[found.most_common(1)[0][0]] += len(para)
        if chars and body:
            category, share = chars.most_common(1)[0][0], chars.most_common(1)[0][1] / len(body)
            if share >= LEFTOVER_SHARE:
                flags.append(_flag(number, record, f"{share:.0%} of the body is {category} "
                                                   "text cut elsewhere"))
    return flags


def _key(text: str) -> str:
    return squash(text).casefold()


def _lines(path: str) -> Iterator[tuple[int, bytes]]:
    """Non-blank lines with their numbers."""
    try:
        with contextlib.ExitStack() as stack:
            raw = cast(io.BufferedReader, sys.stdin.buffer) if path == STDIN else (
                stack.enter_context(open(path, "rb")))
            stream: Iterable[bytes] = raw
            if raw.peek(2)[:2] == GZIP_MAGIC:
                stream = stack.enter_context(gzip.GzipFile(fileobj=raw))
            for number, line in enumerate(stream, 1):
                if line.strip():
                    yield number, line
    except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
        raise InputError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from exc
