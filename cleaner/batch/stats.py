"""Totals of a run: inputs, failures, articles, and what was removed by which rule."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .clean import FileResult


@dataclass(slots=True)
class BatchStats:
    """Totals for a run, printed as its closing summary."""

    inputs: int = 0
    failed: int = 0
    no_article: int = 0
    articles: int = 0
    dedup: bool = False  # whether records with an id already written were dropped
    duplicates: int = 0  # records so dropped (always 0 without dedup)
    by_category: Counter[str] = field(default_factory=Counter)
    chars_by_category: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)

    def add(self, result: FileResult) -> None:
        self.inputs += 1
        if result.error is not None:
            self.failed += 1
        elif not result.records:
            self.no_article += 1
        for (rule, category), (spans, chars) in result.removed.items():
            self.by_category[category] += spans
            self.chars_by_category[category] += chars
            self.by_rule[rule] += spans

    def merge(self, other: BatchStats) -> None:
        """Add the totals of another part of the run (a shard) to these."""
        self.inputs += other.inputs
        self.failed += other.failed
        self.no_article += other.no_article
        self.articles += other.articles
        self.duplicates += other.duplicates
        self.by_category.update(other.by_category)
        self.chars_by_category.update(other.chars_by_category)
        self.by_rule.update(other.by_rule)

    def to_dict(self, seconds: float | None = None) -> dict[str, Any]:
        """The totals as written by --stats (one JSON object)."""
        return {
            "inputs": self.inputs, "cleaned": self.inputs - self.failed, "failed": self.failed,
            "without_article": self.no_article, "articles": self.articles,
            "duplicates_dropped": self.duplicates if self.dedup else None,
            "seconds": None if seconds is None else round(seconds, 3),
            "removed": {category: {"spans": count, "chars": self.chars_by_category[category]}
                        for category, count in self.by_category.most_common()},
            "rules": dict(self.by_rule.most_common()),
        }

    def summary(self, per_rule: bool = False) -> str:
        head = (f"cleaned {self.inputs - self.failed} of {self.inputs} inputs -> "
                f"{self.articles} articles ({self.failed} failed, {self.no_article} without "
                f"article text)")
        if self.dedup:
            noun = "record" if self.duplicates == 1 else "records"
            head += f"; {self.duplicates} duplicate {noun} dropped (--dedup)"
        lines = [head]
        for category, count in self.by_category.most_common():
            lines.append(f"  removed {category:<18} {count:>7} spans "
                         f"{self.chars_by_category[category]:>10,} chars")
        if per_rule:
            for rule, count in self.by_rule.most_common():
                lines.append(f"    rule {rule:<40} {count:>7}")
        return "\n".join(lines)
