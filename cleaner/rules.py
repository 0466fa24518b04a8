"""Rule files: per-outlet knowledge as data (rules/*.toml), loaded once and validated.

A rule file names an outlet, the domains it publishes on, the signature lines
that recognise its dumps when no URL is known, and line / block patterns that
cut its house boilerplate. Every problem is reported as RuleError naming the
file, the key and what is wrong, so a typo never silently disables a rule. A
regex that can backtrack catastrophically is refused (cleaner/backtracking.py).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .backtracking import backtracking_problem
from .categories import CATEGORIES
from .errors import RuleError

DEFAULT_RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@dataclass(frozen=True, slots=True)
class LineRule:
    """Cut every line the pattern matches (re.search; anchor it yourself)."""

    id: str
    category: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class BlockRule:
    """Cut from a line matching `start` through a line matching `end` (or the article end)."""

    id: str
    category: str
    start: re.Pattern[str]
    end: re.Pattern[str] | None
    max_lines: int


@dataclass(frozen=True, slots=True)
class HtmlRule:
    """CSS selectors for HTML pages of this outlet."""

    remove: tuple[str, ...] = ()
    body: str | None = None
    headline: str | None = None
    captions: str | None = None


@dataclass(frozen=True, slots=True)
class SiteRule:
    """Everything one rule file says about one outlet."""

    name: str
    path: str
    outlet: str
    domains: tuple[str, ...]
    signatures: tuple[re.Pattern[str], ...]
    min_signatures: int
    lines: tuple[LineRule, ...]
    blocks: tuple[BlockRule, ...]
    html: HtmlRule = field(default_factory=HtmlRule)

    def signature_hits(self, text: str) -> int:
        """How many distinct signatures occur in the text (0 when too few to count).
        Stops as soon as the rest could not make up min_signatures: put the cheap,
        literal ones first."""
        hits = 0
        for n, sig in enumerate(self.signatures):
            if hits + len(self.signatures) - n < self.min_signatures:
                return 0
            hits += _signature_found(sig, text)
        return hits if hits >= self.min_signatures else 0

    def owns_host(self, host: str) -> bool:
        return any(host == d or host.endswith("." + d) for d in self.domains)


_LEADING_ANCHOR = re.compile(r"^((?:\(\?[a-zA-Z]+\))?)\^(?=[\w ])")  # '^' before plain text


@lru_cache(maxsize=1024)
def _unanchored(signature: re.Pattern[str]) -> re.Pattern[str]:
    """The signature without its leading '^' when plain text follows it: it matches
    wherever the signature does, and a pattern opening with plain text is searched
    much faster (other signatures are returned as they are)."""
    return re.compile(_LEADING_ANCHOR.sub(r"\1", signature.pattern), signature.flags)


def _signature_found(signature: re.Pattern[str], text: str) -> bool:
    return bool(_unanchored(signature).search(text)) and bool(signature.search(text))


@dataclass(frozen=True, slots=True)
class RuleSet:
    """All loaded rule files, in file-name order."""

    rules: tuple[SiteRule, ...] = ()
    directory: str | None = None

    def for_host(self, host: str) -> SiteRule | None:
        host = host.lower().removeprefix("www.")
        return next((r for r in self.rules if r.owns_host(host)), None)

    def for_text(self, text: str) -> SiteRule | None:
        """The rule whose signatures match the text best, if any match."""
        best, best_hits = None, 0
        for rule in self.rules:
            hits = rule.signature_hits(text)
            if hits > best_hits:
                best, best_hits = rule, hits
        return best



_TOP_KEYS = {"outlet", "domains", "signatures", "min_signatures", "lines", "blocks", "html"}
_LINE_KEYS = {"id", "category", "pattern"}
_BLOCK_KEYS = {"id", "category", "start", "end", "max_lines"}
_HTML_KEYS = {"remove", "body", "headline", "captions"}


def rules_dir_default() -> Path:
    """$CLEANER_RULES if set, else the rules/ folder next to the package."""
    return Path(os.environ.get("CLEANER_RULES") or DEFAULT_RULES_DIR)


@lru_cache(maxsize=8)
def load_rules(directory: str | os.PathLike[str] | None = None) -> RuleSet:
    """Load and validate every *.toml in a folder (cached: loaded once per process)."""
    folder = Path(directory) if directory is not None else rules_dir_default()
    if not folder.is_dir():
        raise RuleError(str(folder), "(folder)", "no such rules folder")
    rules = tuple(load_rule_file(p) for p in sorted(folder.glob("*.toml")))
    _check_unique(rules)
    return RuleSet(rules, str(folder))


def check_rules(folder: Path) -> list[tuple[str, SiteRule | RuleError]]:
    """Validate every rule file in a folder, collecting each file's rule or error."""
    if not folder.is_dir():
        raise RuleError(str(folder), "(folder)", "no such rules folder")
    results: list[tuple[str, SiteRule | RuleError]] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            results.append((str(path), load_rule_file(path)))
        except RuleError as exc:
            results.append((str(path), exc))
    try:
        _check_unique(r for _, r in results if isinstance(r, SiteRule))
    except RuleError as exc:
        results.append((exc.path, exc))
    return results


def load_rule_file(path: Path) -> SiteRule:
    """Parse and validate one rule file."""
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(where, "(syntax)", f"not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(where, "(file)", f"cannot read: {exc}") from exc
    _no_unknown(where, "", data, _TOP_KEYS)
    outlet = _get(where, data, "outlet", str, required=True)
    if not outlet.strip():
        raise RuleError(where, "outlet", "must not be empty")
    domains = tuple(d.lower().removeprefix("www.") for d in _str_list(where, data, "domains"))
    signatures = tuple(_regex(where, f"signatures[{i}]", s)
                       for i, s in enumerate(_str_list(where, data, "signatures")))
    min_sigs = _get(where, data, "min_signatures", int, default=1)
    if not 1 <= min_sigs <= max(1, len(signatures)):
        raise RuleError(where, "min_signatures",
                        f"must be between 1 and the number of signatures ({len(signatures)})")
    lines = tuple(_line_rule(where, i, entry) for i, entry in
                  enumerate(_table_list(where, data, "lines")))
    blocks = tuple(_block_rule(where, i, entry) for i, entry in
                   enumerate(_table_list(where, data, "blocks")))
    ids = [r.id for r in (*lines, *blocks)]
    dup = next((i for i in ids if ids.count(i) > 1), None)
    if dup:
        raise RuleError(where, "id", f"{dup!r} is used twice; rule ids must be unique in a file")
    return SiteRule(name=path.stem, path=where, outlet=outlet, domains=domains,
                    signatures=signatures, min_signatures=min_sigs, lines=lines,
                    blocks=blocks, html=_html_rule(where, data.get("html")))


def _check_unique(rules: Iterable[SiteRule]) -> None:
    owner: dict[str, str] = {}
    for rule in rules:
        for domain in rule.domains:
            if domain in owner:
                raise RuleError(rule.path, "domains",
                                f"{domain!r} is already claimed by {owner[domain]}")
            owner[domain] = rule.path


def _line_rule(where: str, i: int, entry: dict[str, Any]) -> LineRule:
    key = f"lines[{i}]"
    _no_unknown(where, key, entry, _LINE_KEYS)
    return LineRule(id=_get(where, entry, "id", str, required=True, prefix=key),
                    category=_category(where, key, entry),
                    pattern=_regex(where, f"{key}.pattern",
                                   _get(where, entry, "pattern", str, required=True, prefix=key)))


def _block_rule(where: str, i: int, entry: dict[str, Any]) -> BlockRule:
    key = f"blocks[{i}]"
    _no_unknown(where, key, entry, _BLOCK_KEYS)
    end = _get(where, entry, "end", str, prefix=key)
    max_lines = _get(where, entry, "max_lines", int, default=200, prefix=key)
    if max_lines < 1:
        raise RuleError(where, f"{key}.max_lines", "must be at least 1")
    return BlockRule(id=_get(where, entry, "id", str, required=True, prefix=key),
                     category=_category(where, key, entry),
                     start=_regex(where, f"{key}.start",
                                  _get(where, entry, "start", str, required=True, prefix=key)),
                     end=_regex(where, f"{key}.end", end) if end is not None else None,
                     max_lines=max_lines)


def _html_rule(where: str, data: Any) -> HtmlRule:
    if data is None:
        return HtmlRule()
    if not isinstance(data, dict):
        raise RuleError(where, "html", "must be a table")
    _no_unknown(where, "html", data, _HTML_KEYS)
    selectors = {k: _get(where, data, k, str, prefix="html") for k in ("body", "headline",
                                                                       "captions")}
    remove = tuple(_str_list(where, data, "remove", prefix="html"))
    for key, sel in [*(("remove", s) for s in remove), *selectors.items()]:
        if sel is not None:
            _check_selector(where, f"html.{key}", sel)
    return HtmlRule(remove=remove, **selectors)


def _check_selector(where: str, key: str, selector: str) -> None:
    from selectolax.lexbor import LexborHTMLParser

    try:
        LexborHTMLParser("<p></p>").css(selector)
    except Exception as exc:  # selectolax raises plain exceptions for bad selectors
        raise RuleError(where, key, f"bad CSS selector {selector!r}: {exc}") from exc


def _category(where: str, key: str, entry: dict[str, Any]) -> str:
    category = _get(where, entry, "category", str, required=True, prefix=key)
    if category not in CATEGORIES:
        raise RuleError(where, f"{key}.category",
                        f"unknown category {category!r}; use one of {', '.join(CATEGORIES)}")
    return category


def _regex(where: str, key: str, pattern: str) -> re.Pattern[str]:
    try:
        compiled = re.compile(pattern, re.MULTILINE)
    except re.error as exc:
        raise RuleError(where, key, f"bad regular expression {pattern!r}: {exc}") from exc
    if compiled.search(""):
        raise RuleError(where, key, f"regular expression {pattern!r} matches the empty string, "
                                    "so it would match every line")
    problem = backtracking_problem(compiled)
    if problem:
        raise RuleError(where, key, f"regular expression {pattern!r} can take exponential time "
                                    f"on a line it does not match: {problem}; make the repeats "
                                    "unambiguous, possessive ('a++') or atomic ('(?>...)')")
    return compiled


def _no_unknown(where: str, prefix: str, data: dict[str, Any], allowed: set[str]) -> None:
    for key in data:
        if key not in allowed:
            name = f"{prefix}.{key}" if prefix else key
            raise RuleError(where, name, f"unknown key; allowed: {', '.join(sorted(allowed))}")


def _get(where: str, data: dict[str, Any], key: str, kind: type, *, required: bool = False,
         default: Any = None, prefix: str = "") -> Any:
    name = f"{prefix}.{key}" if prefix else key
    if key not in data:
        if required:
            raise RuleError(where, name, "missing required key")
        return default
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise RuleError(where, name,
                        f"must be {kind.__name__}, got {type(value).__name__} {value!r}")
    return value


def _str_list(where: str, data: dict[str, Any], key: str, prefix: str = "") -> list[str]:
    value = _get(where, data, key, list, default=[], prefix=prefix)
    name = f"{prefix}.{key}" if prefix else key
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise RuleError(where, f"{name}[{i}]", f"must be a string, got {item!r}")
    return value


def _table_list(where: str, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = _get(where, data, key, list, default=[])
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise RuleError(where, f"{key}[{i}]", "must be a table ([[{key}]])")
    return value
