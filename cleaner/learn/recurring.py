"""Corpus-aware cleaning: lines an outlet prints on many of its pages in one batch.

Two passes over a batch. The first feeds every document's lines to a
RecurringIndex (`add`), under its group: the outlet its rule file names, else
its URL's domain (`group_of`; documents with neither count towards the batch
only). The second cleans each document with `recurring=index` (clean_text,
clean_html, clean_payload), which cuts every line whose masked form stands in
at least `min_support` of its group's distinct stories, with the category
`recurring` and the support in the rule id (`recurring.outlet:0.82`). A line
that recurs in the stories of several groups (a shared platform's footer) is
cut by its share of all the batch's stories (`recurring.batch:0.40`).

Memory: the index holds, per document, the 64-bit hashes of its masked lines,
never text; past `max_keys` hashes the rarest are dropped first (a line seen
once or twice is never chrome).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..html import read_page
from ..io.text import normalise
from ..rules import RuleSet, SiteRule
from ..text.draft import Draft, paragraphs
from ..text.outlet import detect_site, host_of, split_header
from .mine import cluster_support, countable, document_keys, line_hash, story_clusters

DEFAULT_MIN_SUPPORT = 0.5
MIN_STORIES = 5  # a group with fewer distinct stories says nothing about what recurs
BATCH_MIN_GROUPS = 3  # a line is the batch's chrome only when this many outlets print it
BATCH_SHARE = 0.5  # ... in this share of min_support of all the batch's stories
DEFAULT_MAX_KEYS = 4_000_000  # 32 MB of hashes


def group_of(site: SiteRule | None, url: str | None) -> str | None:
    """Which outlet a document is counted under: its rule file's, else its domain."""
    return site.outlet if site is not None else host_of(url)


def document_lines(text: str, kind: str, url: str | None,
                   rules: RuleSet) -> tuple[list[str], str | None]:
    """The lines the text stages will see in a decoded input ('text' or 'html') and
    its group, as the first pass needs them (the cleaning pass finds the same)."""
    if kind == "html":
        page = read_page(text, url, rules)
        return [p.text for p in page.paras], group_of(page.site, page.url)
    header_url, text = split_header(normalise(text))
    url = url or header_url
    return [p.text for p in paragraphs(text)], group_of(detect_site(rules, text, url), url)


@dataclass(frozen=True, slots=True)
class RecurringLines:
    """The recurring lines one group's documents are cleaned of: key -> support."""

    outlet: dict[int, float] = field(default_factory=dict)
    batch: dict[int, float] = field(default_factory=dict)

    def support(self, text: str) -> tuple[str, float] | None:
        """('outlet' or 'batch', support) when the line recurs, else None."""
        masked = countable(text)
        if masked is None:
            return None
        key = line_hash(masked)
        if key in self.outlet:
            return "outlet", self.outlet[key]
        if key in self.batch:
            return "batch", self.batch[key]
        return None


class RecurringIndex:
    """Counts of masked-line hashes per group; frozen into RecurringLines per group."""

    def __init__(self, min_support: float = DEFAULT_MIN_SUPPORT,
                 max_keys: int = DEFAULT_MAX_KEYS) -> None:
        if not 0 < min_support <= 1:
            raise ValueError(f"min_support must be in (0, 1], got {min_support!r}")
        self.min_support = min_support
        self.max_keys = max_keys
        self._docs: list[array[int]] = []
        self._groups: list[str | None] = []
        self._stored = 0
        self._frozen: dict[str | None, RecurringLines] | None = None
        self.documents = 0  # documents added, kept after freezing

    def add(self, lines: Sequence[str], group: str | None) -> None:
        """Count one document's lines under its group (None: the batch only)."""
        if self._frozen is not None:
            raise RuntimeError("RecurringIndex.add after freeze")
        keys = array("Q", document_keys(lines))
        self.documents += 1
        self._docs.append(keys)
        self._groups.append(group)
        self._stored += len(keys)
        if self._stored > self.max_keys:
            self._drop_rarest()

    def _drop_rarest(self) -> None:
        """Forget the hashes held by the fewest documents until half the cap is used."""
        counts = Counter(k for doc in self._docs for k in doc)
        by_count = Counter(counts.values())
        stored, floor = self._stored, 0
        for count in sorted(by_count):
            if stored <= self.max_keys // 2:
                break
            stored -= count * by_count[count]
            floor = count
        self._docs = [array("Q", (k for k in doc if counts[k] > floor)) for doc in self._docs]
        self._stored = sum(map(len, self._docs))

    def freeze(self) -> None:
        """Cluster near-duplicate documents and keep the lines at or over min_support."""
        if self._frozen is not None:
            return
        members: dict[str | None, list[int]] = {}
        for i, group in enumerate(self._groups):
            members.setdefault(group, []).append(i)
        stories, counts = 0, Counter[int]()
        outlets: Counter[int] = Counter()
        frozen: dict[str | None, RecurringLines] = {}
        for group, docs in members.items():
            group_docs = [self._docs[i] for i in docs]
            n, held = cluster_support(group_docs, story_clusters(group_docs),
                                      range(len(docs)))
            stories += n
            counts.update(held)
            if group is None:
                continue
            outlets.update(held.keys())
            frozen[group] = RecurringLines(self._over(held, n, self.min_support)
                                           if n >= MIN_STORIES else {})
        shared = {k: c for k, c in counts.items() if outlets[k] >= BATCH_MIN_GROUPS}
        batch = self._over(shared, stories, self.min_support * BATCH_SHARE)
        self._frozen = {group: RecurringLines(lines.outlet, batch)
                        for group, lines in frozen.items()}
        self._frozen[None] = RecurringLines({}, batch)
        self._docs, self._stored = [], 0

    @staticmethod
    def _over(counts: dict[int, int], stories: int, threshold: float) -> dict[int, float]:
        return {k: round(c / stories, 2) for k, c in counts.items()
                if c >= 2 and c / stories >= threshold}

    def lines_for(self, group: str | None) -> RecurringLines:
        """What a document of `group` is cleaned of (freezes the index on first use)."""
        self.freeze()
        assert self._frozen is not None
        return self._frozen.get(group, self._frozen[None])


def learn_recurring(documents: Iterable[tuple[Sequence[str], str | None]],
                    min_support: float = DEFAULT_MIN_SUPPORT) -> RecurringIndex:
    """A frozen index of (lines, group) documents, e.g. from document_lines()."""
    index = RecurringIndex(min_support)
    for lines, group in documents:
        index.add(lines, group)
    index.freeze()
    return index


def lines_for(index: RecurringIndex | None, site: SiteRule | None,
              url: str | None) -> RecurringLines | None:
    """What one document is cleaned of, by the group its site or URL puts it in."""
    return index.lines_for(group_of(site, url)) if index is not None else None


def cut_recurring(draft: Draft, lines: RecurringLines) -> None:
    """Cut the draft's lines that recur across the batch, support in the rule id."""
    for i in draft.live():
        found = lines.support(draft.paras[i].text)
        if found is not None:
            scope, support = found
            draft.cut(i, f"recurring.{scope}:{support:.2f}", "recurring")
