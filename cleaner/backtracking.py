"""Refuse rule regexes that can backtrack catastrophically (`'^(a+)+$'`).

Python's `re` backtracks, has no time limit per match, and user patterns run
on every line of every input, so a rule file is checked when it loads rather
than each match being run under a limit (a thread or process per match would
cost more than the match). The check reads the parsed pattern (re._parser)
and refuses a repeated part (`+`, `*`, `{m,n}` with n > 1) that can match the
same text in more than one way, since a failing match then tries every way,
a number that doubles with each repetition:

- an inner repeat at its end that can also match what the part starts with:
  `(a+)+`, `(\\s*\\w+)*`, `(\\w+,?)+` (but `(\\w+\\s)+` is fine: the `\\s` ends
  each repetition);
- two alternatives that can start with the same character, unless both are
  plain strings neither of which begins the other: `(a|ab)+`, `(\\w|\\d)+`
  (but `(and|or|the)+` is fine);
- two repeats next to each other over shared characters: `(x\\d+\\d*y)+`.

Possessive repeats (`a++`) and atomic groups (`(?>...)`) never give text back,
so they are safe and are how to rewrite a refused pattern. Patterns that are
only polynomially slow (`\\d*\\d*x` on a long line) pass; the per-document time
limit (--timeout) bounds them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from re import _compiler, _constants, _parser  # type: ignore[attr-defined]
from typing import Any

_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT)
_SINGLE = (_constants.LITERAL, _constants.NOT_LITERAL, _constants.ANY, _constants.IN)
_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
_MAXREPEAT = _constants.MAXREPEAT
# Characters a character class is tried on: Latin-1 and Latin Extended, common
# punctuation and a few letters of other scripts; the pattern's own literals are added.
_SAMPLE = frozenset(map(chr, range(0x250))) | frozenset(
    "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u2009\u3000\u0434\u0414\u03b1\u4e2d"
    "\u0627\u05d0\u0966\u0660\uff10")
ALL = frozenset({"<any>"}) | _SAMPLE  # what a back-reference may match

Seq = list[tuple[Any, Any]]


def backtracking_problem(pattern: re.Pattern[str]) -> str | None:
    """Why the pattern can backtrack catastrophically, or None if it cannot."""
    tree = _parser.parse(pattern.pattern, pattern.flags)
    checker = _Checker(_literals(tree))
    for seq, flags in checker.repeated(list(tree), tree.state.flags):
        problem = checker.ambiguity(seq, flags)
        if problem:
            return problem
    return None


def _literals(tree: Any) -> frozenset[str]:
    """Every character the pattern names (literals, range ends, in classes too)."""
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, tuple) and len(node) == 2 and node[0] in (
                _constants.LITERAL, _constants.NOT_LITERAL):
            found.add(chr(node[1]))
        elif isinstance(node, tuple) and len(node) == 2 and node[0] is _constants.RANGE:
            found.update(map(chr, node[1]))
        elif isinstance(node, (list, tuple, _parser.SubPattern)):
            stack.extend(node)
    return frozenset(found)


class _Checker:
    def __init__(self, literals: frozenset[str]) -> None:
        self.sample = _SAMPLE | literals

    def repeated(self, seq: Seq, flags: int) -> Iterator[tuple[Seq, int]]:
        """The body of every repeat with max > 1 that can give text back, with its flags."""
        for op, av in seq:
            if op in _REPEATS:
                if av[1] > 1:
                    yield list(av[2]), flags
                yield from self.repeated(list(av[2]), flags)
            else:
                for part, inner in _parts(op, av, flags):
                    yield from self.repeated(part, inner)

    def ambiguity(self, body: Seq, flags: int) -> str | None:
        while len(body) == 1 and body[0][0] is _constants.SUBPATTERN:  # (...)+ is its content
            _, add, remove, inner = body[0][1]
            body, flags = list(inner), (flags | add) & ~remove
        starts = self.first(body, flags)
        for tail, tail_flags in self.tails(body, flags):
            if self.consumed(tail, tail_flags) & starts:
                return ("a repeat at the end of a repeated group can also match what the "
                        "group starts with (nested quantifiers, as in '(a+)+')")
        head = next((i for i, (op, av) in enumerate(body) if not self.nullable([(op, av)])), None)
        if head is not None and body[head][0] in _REPEATS and body[head][1][0] < body[head][1][1]:
            rest = self.consumed(body[head + 1:], flags)
            if rest and rest <= self.consumed(body[head:head + 1], flags):
                return ("a repeat at the start of a repeated group can also match the rest of "
                        "the group (nested quantifiers, as in '(a+a)+')")
        return self.inner_ambiguity(body, flags, starts)

    def inner_ambiguity(self, seq: Seq, flags: int, follow: frozenset[str]) -> str | None:
        """An ambiguous choice inside one repetition; `follow`: what may come after seq."""
        for i, (op, av) in enumerate(seq):
            rest = seq[i + 1:]
            after = self.first(rest, flags) | (follow if self.nullable(rest) else frozenset())
            if op is _constants.BRANCH and self.overlapping(av[1], flags, after):
                return ("two alternatives in a repeated group can match the same text "
                        "(as in '(a|aa)+' or '(\\w|\\d+)+')")
            if op in _REPEATS and av[0] < av[1]:
                mine = self.consumed([(op, av)], flags)
                for next_op, next_av in rest:
                    if next_op in _REPEATS and next_av[0] < next_av[1] and (
                            mine & self.consumed([(next_op, next_av)], flags)):
                        return ("two repeats next to each other in a repeated group can match "
                                "the same characters (as in '(x\\d+\\d*y)+')")
                    if not self.nullable([(next_op, next_av)]):
                        break
            if op not in (_constants.POSSESSIVE_REPEAT, _constants.ATOMIC_GROUP):
                for part, inner in _parts(op, av, flags, into_repeats=True):
                    inner_follow = after | (self.first(part, inner) if op in _REPEATS
                                            else frozenset())
                    problem = self.inner_ambiguity(part, inner, inner_follow)
                    if problem:
                        return problem
        return None

    def overlapping(self, alternatives: list[Any], flags: int, after: frozenset[str]) -> bool:
        """Whether two alternatives can match the same text and both go on: two plain
        strings only when equal, or when one is the other plus text that can follow."""
        def fold(text: str) -> str:
            return text.casefold() if flags & re.IGNORECASE else text

        texts = [_plain_text(alt) for alt in alternatives]
        firsts = [self.first(list(alt), flags) for alt in alternatives]
        for i in range(len(alternatives)):
            for j in range(i + 1, len(alternatives)):
                a, b = texts[i], texts[j]
                if a is None or b is None:
                    if firsts[i] & firsts[j]:
                        return True
                    continue
                short, long = sorted((fold(a), fold(b)), key=len)
                if long.startswith(short) and (
                        short == long or not {long[len(short)], long[len(short)].upper()}
                        .isdisjoint(after)):
                    return True
        return False

    def tails(self, seq: Seq, flags: int) -> Iterator[tuple[Seq, int]]:
        """Repeats that can give text back at the end of seq (past nullable items)."""
        for op, av in reversed(seq):
            if op in _REPEATS and av[0] < av[1] and av[1] > 1:
                yield [(op, av)], flags
            elif op is _constants.BRANCH or op is _constants.SUBPATTERN:
                for part, inner in _parts(op, av, flags):
                    yield from self.tails(part, inner)
            if not self.nullable([(op, av)]):
                return

    def first(self, seq: Seq, flags: int) -> frozenset[str]:
        """Characters a match of seq can start with."""
        return self.consumed(seq, flags, leading=True)

    def consumed(self, seq: Seq, flags: int, leading: bool = False) -> frozenset[str]:
        """Every character a match of seq can take (leading: only the first one)."""
        found: frozenset[str] = frozenset()
        for op, av in seq:
            if op in _SINGLE:
                found |= self.chars(op, av, flags)
            elif op is _constants.GROUPREF:
                found |= ALL
            elif op not in _ZERO_WIDTH:
                for part, inner in _parts(op, av, flags, into_repeats=True):
                    found |= self.consumed(part, inner, leading)
            if leading and not self.nullable([(op, av)]):
                break
        return found

    def nullable(self, seq: Seq) -> bool:
        """Whether seq can match the empty string."""
        return all(self._nullable_item(op, av) for op, av in seq)

    def _nullable_item(self, op: Any, av: Any) -> bool:
        if op in _SINGLE:
            return False
        if op in _REPEATS or op is _constants.POSSESSIVE_REPEAT:
            return av[0] == 0 or self.nullable(list(av[2]))
        if op is _constants.BRANCH:
            return any(self.nullable(list(alt)) for alt in av[1])
        if op is _constants.SUBPATTERN:
            return self.nullable(list(av[3]))
        if op is _constants.ATOMIC_GROUP:
            return self.nullable(list(av))
        if op is _constants.GROUPREF_EXISTS:
            return any(part is None or self.nullable(list(part)) for part in av[1:])
        return True  # anchors, lookarounds, back-references

    def chars(self, op: Any, av: Any, flags: int) -> frozenset[str]:
        """The sample characters one single-character item matches, under the flags."""
        return _chars(op, _hashable(av), flags, self.sample)


def _parts(op: Any, av: Any, flags: int, into_repeats: bool = False) -> Iterator[tuple[Seq, int]]:
    """The sub-sequences inside one item, with the flags that apply there."""
    if op is _constants.SUBPATTERN:
        _, add, remove, part = av
        yield list(part), (flags | add) & ~remove
    elif op is _constants.BRANCH:
        for alt in av[1]:
            yield list(alt), flags
    elif op is _constants.ATOMIC_GROUP:
        yield list(av), flags
    elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
        yield list(av[1]), flags
    elif op is _constants.GROUPREF_EXISTS:
        yield from ((list(p), flags) for p in av[1:] if p is not None)
    elif op is _constants.POSSESSIVE_REPEAT or (into_repeats and op in _REPEATS):
        yield list(av[2]), flags


def _plain_text(alt: Any) -> str | None:
    """The alternative's text when it is a plain string of literals."""
    if all(op is _constants.LITERAL for op, _ in alt):
        return "".join(chr(av) for _, av in alt)
    return None


@lru_cache(maxsize=4096)
def _chars(op: Any, av: Any, flags: int, sample: frozenset[str]) -> frozenset[str]:
    item = (op, list(av) if op is _constants.IN else av)
    try:
        matcher = _compiler.compile(_parser.SubPattern(_parser.State(), [item]), flags)
    except Exception:  # an internal shape this reading does not know: assume anything
        return ALL
    return frozenset(c for c in sample if matcher.fullmatch(c))


def _hashable(av: Any) -> Any:
    if isinstance(av, list):
        return tuple(_hashable(x) for x in av)
    return av
