"""What cleaning one input did, line by line: the model both views render.

The input is cleaned by the ordinary pipeline (the records are the ones `clean`
writes) inside `trace.tracing()`, which hands back every draft: each of its
lines kept, cut (with the Removal that cut it) or left out because its part of
the input gave no record. For a page, the HTML pre-pass's removals come first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from ..api import clean_payload
from ..io.inputs import Payload
from ..record import Article, Removal
from ..rules import RuleSet
from ..trace import Step, tracing

Role = Literal["headline", "body", "removed", "unused"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the (extracted) text and what became of it."""

    text: str
    role: Role
    cut: Removal | None = None


@dataclass(frozen=True, slots=True)
class Part:
    """One article's share of the input: for a page, what the pre-pass removed
    (`whole`: its result was doubted and the text taken from the whole page), then
    the lines of the text; `article` is None when no record came of them."""

    prepass: tuple[Removal, ...]
    whole: bool
    lines: tuple[Line, ...]
    article: Article | None


@dataclass(frozen=True, slots=True)
class Explanation:
    """One input explained: its parts in input order."""

    source: str
    kind: Literal["html", "text"]
    parts: tuple[Part, ...]

    @property
    def articles(self) -> list[Article]:
        return [part.article for part in self.parts if part.article is not None]

    def removed(self) -> list[Removal]:
        """The records' audit trails, in order (what the legend counts)."""
        return [removal for article in self.articles for removal in article.removed]

    def by_category(self) -> Counter[str]:
        return Counter(r.category for r in self.removed())

    def by_rule(self) -> Counter[str]:
        return Counter(r.rule for r in self.removed())


def explain_payload(payload: Payload, *, source: str, url: str | None, rules: RuleSet,
                    fmt: str = "auto") -> Explanation:
    """Clean one input as `cleaner clean` does and explain every line of it."""
    with tracing() as steps:
        clean_payload(payload, source=source, url=url, rules=rules, fmt=fmt)
    pages = [step for step in steps if step.page is not None]
    if pages:  # a page's last draft is the one that counted (an earlier one was retried)
        return Explanation(source, "html", (_part(pages[-1]),))
    return Explanation(source, "text", tuple(map(_part, steps)))


def _part(step: Step) -> Part:
    draft, page, article = step.draft, step.page, step.article
    lines = []
    for i, para in enumerate(draft.paras):
        if para.cut is not None:
            lines.append(Line(para.text, "removed", para.cut))
        elif article is None:
            lines.append(Line(para.text, "unused"))
        else:
            lines.append(Line(para.text, "headline" if i == draft.headline else "body"))
    prepass = tuple(page.removed) if page is not None else ()
    return Part(prepass, page is not None and page.whole, tuple(lines), article)
