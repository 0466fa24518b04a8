"""The working state of one article as it passes the stages.

Stages never delete paragraphs: they mark them cut with the rule and category
that fired, so the record can carry an audit trail and `--explain` can show
every removed span. Only the assembler reads the live paragraphs back out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..record import Removal
from .lines import is_prose, line_tokens

# Rule ids (their endings) of the detectors that cut a block of lines as one: an
# appeal's title, pitch and buttons.
BLOCK_RULES = (".block", ".shape")


@dataclass(slots=True)
class Para:
    """One input line (in a text dump, each non-empty line is a paragraph)."""

    text: str
    gap: int = 0  # blank lines before it in the input
    words: int = 0
    prose: bool = False
    folded: str = ""  # casefolded text and its tokens, for pattern pre-checks
    tokens: frozenset[str] = frozenset()
    cut: Removal | None = None

    @classmethod
    def of(cls, text: str, gap: int = 0) -> Para:
        folded = text.casefold()
        words, tokens = line_tokens(folded)
        return cls(text, gap, words, is_prose(text, words), folded, tokens)

    @property
    def block_cut(self) -> bool:
        """Cut as one line of a whole block, not on its own."""
        return self.cut is not None and self.cut.rule.endswith(BLOCK_RULES)


def paragraphs(text: str) -> list[Para]:
    """Split normalised text into paragraphs, remembering blank-line gaps."""
    paras, gap = [], 0
    for line in text.split("\n"):
        if line:
            paras.append(Para.of(line, gap))
            gap = 0
        else:
            gap += 1
    return paras


@dataclass(slots=True)
class Draft:
    """One article being cleaned."""

    paras: list[Para]
    captions: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # date lines cut around the headline
    headline: int | None = None  # index into paras
    trailer: str | None = None  # text of a bare outlet-name line cut at the end
    _live_headline: int | None = None

    _live: list[int] | None = None  # cache of live(), dropped whenever a paragraph is cut

    def live(self) -> list[int]:
        """Indices of the paragraphs not cut so far (a fresh list each call)."""
        if self._live is None or self._live_headline != self.headline:
            self._live = [i for i, p in enumerate(self.paras)
                          if p.cut is None and i != self.headline]
            self._live_headline = self.headline
        return list(self._live)

    def cut(self, i: int, rule: str, category: str) -> None:
        """Mark paragraph i removed (the first rule to cut it is the one recorded)."""
        para = self.paras[i]
        if para.cut is None:
            self._live = None
            para.cut = Removal(rule, category, para.text)
            if category == "caption":
                self.add_caption(para.text)

    def add_caption(self, text: str) -> None:
        if text not in self.captions:
            self.captions.append(text)
