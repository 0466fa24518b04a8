"""A draft rule file from one outlet's pages: its recurring lines as rules.

Lines whose masked form stands in at least `min_support` of the outlet's
distinct stories are its chrome (mine.py). Chrome lines that follow each other
on nearly every page they stand on become one block (`start` .. `end`, so the
varying teasers between them go too); the others become line rules. A line
that also stands inside a longer paragraph somewhere is quoted story, not
chrome, and stays out. The best-supported distinctive lines become the
`signatures`. Every rule carries its support and an example in a comment, and
the same pages always give the same file.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..errors import CleanerError
from ..text.draft import Para
from ..text.patterns import EXACT_LINES, line_key
from .mine import (
    MONTH_NAME,
    PLACEHOLDER_REGEX,
    TIME,
    WEEKDAY,
    cluster_support,
    countable,
    document_keys,
    line_hash,
    story_clusters,
)

DEFAULT_MIN_SUPPORT = 0.4
MIN_DOCUMENTS = 20
MAX_GAP = 12  # varying lines a block may hold between two of its chrome lines
BLOCK_TOGETHER = 1.0  # share of their pages two chrome lines must stand together on: an
#                        element some pages lack stays a rule of its own
BLOCK_SLACK = 4  # max_lines: the longest block seen plus this
GAP_PROSE_WORDS = 15  # a sentence this long between two chrome lines is story: no block
SIGNATURES = 3
SIGNATURE_LETTERS = 10  # a signature needs words of its own, not 'Menu'
SIGNATURE_SUPPORT = 0.6
MIXED_OVERLAP = 0.1  # two recurring lines sharing fewer of their pages may be two outlets
MIXED_SHARED = 0.5  # ... when their pages share less than this of their other chrome
QUOTED_MARGIN = 20  # a paragraph this much longer than a chrome line that holds it quotes it
EXAMPLE_CHARS = 100


class LearnError(CleanerError):
    """The pages cannot give a rule file (too few, several outlets, nothing recurs)."""


@dataclass(frozen=True, slots=True)
class Chrome:
    """One recurring line: its masked form, an example, where it stands, its support."""

    key: int
    masked: str
    example: str
    stories: int
    support: float
    position: float  # median share of the page above it: 0 top, 1 bottom
    prose: bool


@dataclass(frozen=True, slots=True)
class Rule:
    """A drafted line rule (start only) or block rule (start .. end)."""

    id: str
    category: str
    start: Chrome
    end: Chrome | None
    max_lines: int
    members: int


@dataclass(frozen=True, slots=True)
class LearnedRules:
    """What the pages taught: the rules, the signatures and how well they recognise."""

    outlet: str
    domains: tuple[str, ...]
    documents: int
    stories: int
    min_support: float
    rules: tuple[Rule, ...]
    signatures: tuple[Chrome, ...]
    min_signatures: int
    recognised: int  # pages the signatures recognise

    def to_toml(self) -> str:
        """The rule file, commented for review."""
        out = [f"# {self.outlet}: a draft learned by `cleaner learn` from {self.documents} pages",
               f"# ({self.stories} distinct stories; lines in at least {self.min_support:.0%} "
               f"of them). Review every rule:",
               "# categories are guesses (byline for dated lines, call_to_action for sentences, "
               "navigation for the rest).",
               f"outlet = {toml_string(self.outlet)}",
               f"domains = [{', '.join(map(toml_string, self.domains))}]",
               f"# Recognise {self.recognised} of the {self.documents} pages.",
               "signatures = ["]
        out += [f"  {toml_string(pattern_of(s.masked))},  # {s.support:.2f}" for s in
                self.signatures]
        out += ["]", f"min_signatures = {self.min_signatures}"]
        for rule in self.rules:
            out.append("")
            out += _rule_toml(rule, self.stories)
        return "\n".join(out) + "\n"


def _rule_toml(rule: Rule, stories: int) -> list[str]:
    start = rule.start
    head = [f"# support {start.support:.2f} ({start.stories} of {stories} stories); "
            f"e.g. {_example(start.example)}"]
    if rule.end is None:
        return [*head, "[[lines]]", f"id = {toml_string(rule.id)}",
                f"category = {toml_string(rule.category)}",
                f"pattern = {toml_string(pattern_of(start.masked))}"]
    end = rule.end
    head.append(f"# {rule.members} recurring lines down to {_example(end.example)} "
                f"(support {end.support:.2f})")
    return [*head, "[[blocks]]", f"id = {toml_string(rule.id)}",
            f"category = {toml_string(rule.category)}",
            f"start = {toml_string(pattern_of(start.masked))}",
            f"end = {toml_string(pattern_of(end.masked))}",
            f"max_lines = {rule.max_lines}"]


def _example(text: str) -> str:
    short = text if len(text) <= EXAMPLE_CHARS else text[:EXAMPLE_CHARS - 1] + "…"
    return repr(short)


def toml_string(text: str) -> str:
    """A TOML string: literal ('...') when it can be, else basic with escapes."""
    if "'" not in text and not any(ord(ch) < 32 or ch == "\x7f" for ch in text):
        return f"'{text}'"
    escaped = "".join(f"\\u{ord(ch):04x}" if ord(ch) < 32 or ch == "\x7f" else
                      "\\" + ch if ch in '"\\' else ch for ch in text)
    return f'"{escaped}"'


def pattern_of(masked: str) -> str:
    """The anchored regex matching every line with this masked form: its text
    escaped (spaces left readable), each placeholder as the regex of what it masks."""
    parts = []
    for ch in masked:
        if ch in PLACEHOLDER_REGEX:
            parts.append(PLACEHOLDER_REGEX[ch])
        else:
            parts.append(" " if ch == " " else re.escape(ch))
    return "^" + "".join(parts) + "$"


def draft_rules(pages: Sequence[Sequence[str]], outlet: str, domains: Sequence[str] = (),
                min_support: float = DEFAULT_MIN_SUPPORT) -> LearnedRules:
    """Learn a draft rule file from one outlet's pages (their lines, in a stable order)."""
    if len(pages) < MIN_DOCUMENTS:
        raise LearnError(f"only {len(pages)} readable pages; learning needs at least "
                         f"{MIN_DOCUMENTS} pages of one outlet")
    keys = [document_keys(lines) for lines in pages]
    clusters = story_clusters(keys)
    stories, held = cluster_support(keys, clusters, range(len(pages)))
    wanted = {k for k, c in held.items() if c >= 2 and c / stories >= min_support}
    chrome = _chrome(pages, wanted, held, stories)
    if not chrome:
        raise LearnError(f"no line recurs in {min_support:.0%} of the {stories} distinct "
                         f"stories; lower --min-support, or add pages")
    first = _first_of_clusters(clusters)
    _check_one_outlet(chrome, [keys[i] for i in first])
    rules = _rules(chrome, [pages[i] for i in first])
    signatures = _signatures(chrome)
    min_signatures = min(2, len(signatures))
    recognised = sum(_recognised(signatures, min_signatures, set(k)) for k in keys)
    return LearnedRules(outlet, tuple(domains), len(pages), stories, min_support, rules, signatures,
                 min_signatures, recognised)


def _first_of_clusters(clusters: Sequence[int]) -> list[int]:
    """One page per distinct story (the first), so copies do not weigh twice."""
    first: dict[int, int] = {}
    for i, cluster in enumerate(clusters):
        first.setdefault(cluster, i)
    return sorted(first.values())


def _chrome(pages: Sequence[Sequence[str]], wanted: set[int], held: Counter[int],
            stories: int) -> dict[int, Chrome]:
    """The recurring lines that are not quoted inside any longer paragraph."""
    found: dict[int, tuple[str, str]] = {}
    positions: dict[int, list[float]] = {}
    paragraphs: list[str] = []
    for lines in pages:
        for n, text in enumerate(lines):
            masked = countable(text)
            key = line_hash(masked) if masked is not None else None
            if key in wanted and masked is not None:
                found.setdefault(key, (masked, text))
                positions.setdefault(key, []).append(n / max(1, len(lines) - 1))
            else:
                paragraphs.append(text)
    chrome = {}
    for key, (masked, example) in found.items():
        literal = max(re.split("[\ue000-\ue0ff]", masked), key=len)
        if any(literal in p and len(p) >= len(example) + QUOTED_MARGIN for p in paragraphs):
            continue  # the line is quoted in a story
        chrome[key] = Chrome(key, masked, example, held[key], round(held[key] / stories, 2),
                             statistics.median(positions[key]), Para.of(example).prose)
    return chrome


def _check_one_outlet(chrome: dict[int, Chrome], pages: Sequence[Sequence[int]]) -> None:
    """Two recurring lines on disjoint pages whose pages share little other chrome are
    two outlets' chrome (one outlet's variants, such as two date formats, stand on
    pages that share the rest of it)."""
    holders = {k: {i for i, page in enumerate(pages) if k in page} for k in chrome}
    ranked = sorted(chrome.values(), key=lambda c: (-c.stories, c.masked))
    for n, one in enumerate(ranked):
        for other in ranked[n + 1:]:
            a, b = holders[one.key], holders[other.key]
            if len(a & b) >= MIXED_OVERLAP * min(len(a), len(b)):
                continue
            common_a, common_b = _common(holders, a), _common(holders, b)
            if len(common_a & common_b) < MIXED_SHARED * min(len(common_a), len(common_b)):
                raise LearnError(
                    f"the pages look like several outlets: {_example(one.example)} recurs on "
                    f"{len(a)} pages, {_example(other.example)} on {len(b)} others, and the "
                    f"two sets share little else; learn from one outlet's pages at a time")


def _common(holders: dict[int, set[int]], pages: set[int]) -> set[int]:
    """The chrome lines standing on at least half of these pages."""
    return {k for k, held in holders.items() if 2 * len(held & pages) >= len(pages)}


def _rules(chrome: dict[int, Chrome], pages: Sequence[Sequence[str]]) -> tuple[Rule, ...]:
    """Chains of chrome lines that stand together become blocks, the rest lines."""
    together: Counter[tuple[int, int]] = Counter()
    spans: dict[tuple[int, int], int] = {}
    for lines in pages:
        marks = [(n, k) for n, text in enumerate(lines)
                 if (k := _key(text)) is not None and k in chrome]
        for (n, a), (m, b) in pairwise(marks):
            gap = lines[n + 1:m]
            if a != b and len(gap) <= MAX_GAP and not any(_story(t) for t in gap):
                together[a, b] += 1
                spans[a, b] = max(spans.get((a, b), 0), m - n)
    pages_of = Counter(k for lines in pages for k in {_key(t) for t in lines} if k in chrome)
    follows: dict[int, int] = {}
    for (a, b), count in sorted(together.items(), key=lambda ab: (-ab[1], ab[0])):
        if (a not in follows and b not in follows.values()
                and count >= BLOCK_TOGETHER * max(pages_of[a], pages_of[b])):
            follows[a] = b
    rules: list[Rule] = []
    used_ids: set[str] = set()
    starts = [k for k in chrome if k not in follows.values()]
    for key in sorted(starts, key=lambda k: (chrome[k].position, chrome[k].masked)):
        chain, span = [key], 1
        while chain[-1] in follows and follows[chain[-1]] not in chain:
            span += spans[chain[-1], follows[chain[-1]]]
            chain.append(follows[chain[-1]])
        start, end = chrome[chain[0]], chrome[chain[-1]] if len(chain) > 1 else None
        rules.append(Rule(_rule_id(start.example, used_ids),
                          _category(start),
                          start, end, span + BLOCK_SLACK, len(chain)))
    return tuple(rules)


def _category(chrome: Chrome) -> str:
    """A guess for the reviewer: dates and times are a byline's, sentences ask the
    reader something, the rest is labels and links."""
    if any(ph in chrome.masked for ph in (TIME, MONTH_NAME, WEEKDAY)):
        return "byline"
    return "call_to_action" if chrome.prose else "navigation"


def _key(text: str) -> int | None:
    masked = countable(text)
    return line_hash(masked) if masked is not None else None


def _story(text: str) -> bool:
    para = Para.of(text)
    return para.prose and para.words >= GAP_PROSE_WORDS


def _rule_id(example: str, used: set[str]) -> str:
    words = re.findall(r"[a-z]+", example.lower())[:4]
    base = "-".join(words) or "line"
    rule_id, n = base, 1
    while rule_id in used:
        n += 1
        rule_id = f"{base}-{n}"
    used.add(rule_id)
    return rule_id


def _signatures(chrome: dict[int, Chrome]) -> tuple[Chrome, ...]:
    """The best-supported lines with words of their own (no generic 'Menu' or 'Home')."""
    distinctive = [c for c in chrome.values()
                   if sum(ch.isalpha() for ch in c.masked) >= SIGNATURE_LETTERS
                   and line_key(c.example) not in EXACT_LINES]
    ranked = sorted(distinctive, key=lambda c: (-c.support, -len(c.masked), c.masked))
    good = [c for c in ranked if c.support >= SIGNATURE_SUPPORT]
    return tuple((good or ranked)[:SIGNATURES])


def _recognised(signatures: Sequence[Chrome], needed: int, keys: set[int]) -> bool:
    return needed > 0 and sum(s.key in keys for s in signatures) >= needed
