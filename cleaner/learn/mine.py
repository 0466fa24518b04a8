"""Finding an outlet's recurring lines: masking, hashing, near-duplicates, support.

A line is compared in its masked form: digits, times, month and weekday names
become placeholders, so 'Updated 12:30, March 3' on one page is the same line
as 'Updated 9:05, May 28' on another. Only hashes of masked lines are counted.

Support is counted over distinct *stories*, not files: the same story saved
twice, or a syndicated story several outlets carry, shares most of its rarer
lines with its copies, so such documents form one cluster and count once. A
line's support is the share of clusters that hold it.

Wire credits, sign-offs and bare datelines belong to the story they close or
open, however often they recur, so they are never counted (`never_chrome`).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..io.text import squash
from ..text.lines import DATELINE, is_sign_off, is_wire_credit
from ..text.patterns import MONTH

# Placeholders of the masked form, each standing for a part that varies between
# pages, with the regex a learned rule matches it by (case-insensitive where marked).
TIME, NUMBER, MONTH_NAME, WEEKDAY = "\ue000", "\ue001", "\ue002", "\ue003"
_VARYING = (  # placeholder, regex, ignore case; in the order they are masked
    (TIME, r"\b\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\b\.?)?", True),  # '9:05 pm', '21.30'
    (NUMBER, r"\d+(?:[.,:/-]\d+)*", False),  # '3', '12,345', '2024-03-01', '03/01/24'
    (MONTH_NAME, rf"\b{MONTH}(?!\w)", True),
    (WEEKDAY, r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?(?!\w)",
     True),
)
_MASKS = tuple((re.compile(rx, re.I if fold else 0), ph) for ph, rx, fold in _VARYING)
PLACEHOLDER_REGEX = {ph: f"(?i:{rx})" if fold else rx for ph, rx, fold in _VARYING}
MIN_LETTERS = 3  # a masked line needs some words: '20' or '|' says nothing about an outlet
MAX_CHARS = 600  # longer lines are story paragraphs, not chrome
NEAR_DUPLICATE = 0.5  # share of a document's rare-line weight another must hold to be a copy
MAX_COPIES = 64  # lines held by more documents than this never link two as copies


def mask(text: str) -> str:
    """The line with its varying parts replaced by placeholders (whitespace folded)."""
    text = squash(text)
    for pattern, placeholder in _MASKS:
        text = pattern.sub(placeholder, text)
    return text


def line_hash(masked: str) -> int:
    """A 64-bit hash of a masked line: what the counts hold instead of text."""
    return int.from_bytes(hashlib.blake2b(masked.encode("utf-8", "surrogatepass"),
                                          digest_size=8).digest(), "big")


def never_chrome(text: str) -> bool:
    """Lines that belong to the story however often they recur: wire credits
    ('(Reporting by X; Editing by Y)'), sign-offs ('(dpa)'), contributions ('Reuters
    contributed to this report.') and datelines standing alone ('KYIV —')."""
    text = squash(text)
    if is_sign_off(text) or is_wire_credit(text) or _CONTRIBUTED.search(text):
        return True
    dateline = DATELINE.match(text + " ")
    return dateline is not None and dateline.end() >= len(text)


_CONTRIBUTED = re.compile(r"\bcontributed (?:to )?(?:this |the )?(?:report|reporting|story)\b",
                          re.I)


def countable(text: str) -> str | None:
    """The masked line when it may be counted as chrome, else None."""
    if len(text) > MAX_CHARS or never_chrome(text):
        return None
    masked = mask(text)
    letters = sum(ch.isalpha() for ch in masked)
    return masked if letters >= MIN_LETTERS else None


def document_keys(lines: Sequence[str]) -> list[int]:
    """The distinct keys of a document's countable lines, in first-seen order."""
    keys: dict[int, None] = {}
    for text in lines:
        masked = countable(text)
        if masked is not None:
            keys.setdefault(line_hash(masked), None)
    return list(keys)


def story_clusters(docs: Sequence[Sequence[int]]) -> list[int]:
    """A cluster number per document: near-duplicates (copies of one story) share one.

    Two documents are copies when the lines they share carry at least half the
    rarer document's weight, a line weighing log(documents / documents holding
    it): chrome every page prints weighs nothing, the story's own lines weigh
    most, so two stories under the same chrome stay apart."""
    n = len(docs)
    df = Counter(k for doc in docs for k in doc)
    weight = {k: math.log(n / c) for k, c in df.items()}
    total = [sum(weight[k] for k in doc) for doc in docs]
    holders: defaultdict[int, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        for k in doc:
            if 2 <= df[k] <= MAX_COPIES:
                holders[k].append(i)
    shared: defaultdict[tuple[int, int], float] = defaultdict(float)
    for k, held in holders.items():
        for a, i in enumerate(held):
            for j in held[a + 1:]:
                shared[i, j] += weight[k]
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), w in sorted(shared.items()):
        if w >= NEAR_DUPLICATE * min(total[i], total[j]) > 0:
            ri, rj = root(i), root(j)
            parent[max(ri, rj)] = min(ri, rj)
    return [root(i) for i in range(n)]


def cluster_support(docs: Sequence[Sequence[int]], clusters: Sequence[int],
                    members: Sequence[int]) -> tuple[int, Counter[int]]:
    """For the documents `members` (indexes): how many distinct stories they hold,
    and per key in how many of those stories it stands."""
    order = sorted(members, key=lambda i: clusters[i])
    counts: Counter[int] = Counter()
    last: dict[int, int] = {}
    for i in order:
        cluster = clusters[i]
        for k in docs[i]:
            if last.get(k) != cluster:
                last[k] = cluster
                counts[k] += 1
    return len({clusters[i] for i in members}), counts
