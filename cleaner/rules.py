"""Rule files: per-outlet knowledge as data (*.toml), loaded, validated and layered.

A rule file names an outlet, the domains it publishes on, the signature lines
that recognise its dumps when no URL is known, and line / block patterns that
cut its house boilerplate. Every problem is reported as RuleError naming the
file, the key and what is wrong, so a typo never silently disables a rule. A
regex that can backtrack catastrophically is refused (cleaner/backtracking.py).

Rule folders layer: the built-in rules shipped inside the package
(cleaner/builtin_rules/), then each folder of $CLEANER_RULES (a path list),
then each --rules folder. A later folder's file replaces an earlier one for the
same outlet (same `outlet` name or same file name), and a domain it claims is
taken from the earlier files. Loaded folders are cached by path and by the
names, sizes and modification times of their files, so an edited rule file is
picked up by the next load.
"""

from __future__ import annotations

import dataclasses
import os
import re
import threading
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .backtracking import backtracking_problem
from .categories import CATEGORIES
from .errors import RuleError

BUILTIN_RULES_DIR = Path(__file__).resolve().parent / "builtin_rules"
_BUILTIN = str(BUILTIN_RULES_DIR)
DEFAULT_RULES_DIR = BUILTIN_RULES_DIR  # the name earlier versions used
RULES_ENV = "CLEANER_RULES"


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
    """All loaded rule files (each folder's in file-name order, folders in layer order)."""

    rules: tuple[SiteRule, ...] = ()
    folders: tuple[str, ...] = ()

    @property
    def directory(self) -> str | None:
        """The last (most specific) folder the rules came from."""
        return self.folders[-1] if self.folders else None

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
    """The built-in rule folder, shipped inside the package."""
    return BUILTIN_RULES_DIR


def env_rule_dirs() -> list[str]:
    """The folders named by $CLEANER_RULES (a path list, ':'-separated on POSIX)."""
    return [part for part in os.environ.get(RULES_ENV, "").split(os.pathsep) if part]


def default_rule_dirs(extra: Sequence[str | os.PathLike[str]] = (),
                      builtin: bool = True) -> list[str]:
    """The layers a run uses: built-in rules (unless builtin=False), $CLEANER_RULES,
    then `extra` (the --rules folders), most specific last."""
    folders = [_BUILTIN] if builtin else []
    return [*folders, *env_rule_dirs(), *(os.fspath(folder) for folder in extra)]


def load_rules(*folders: str | os.PathLike[str] | None) -> RuleSet:
    """Load, validate and layer the rule files of `folders` (later ones override
    earlier ones by outlet). With no folder: the built-in rules, then $CLEANER_RULES.
    Cached by folder and by the files' names, sizes and modification times, so a
    changed rule file is loaded again and an unchanged one costs a directory scan."""
    given = [os.fspath(f) for f in folders if f is not None]
    paths = given or default_rule_dirs()
    layers = tuple(_load_folder(path) for path in paths)
    with _CACHE_LOCK:
        cached = _MERGED.get(layers)
        if cached is None:
            cached = _MERGED[layers] = RuleSet(_layer(layers), tuple(paths))
            _trim(_MERGED)
    return cached


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity
class _Layer:
    folder: str
    rules: tuple[SiteRule, ...]


_FOLDERS: dict[tuple[object, ...], _Layer] = {}
_MERGED: dict[tuple[_Layer, ...], RuleSet] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 32


def _load_folder(path: str) -> _Layer:
    folder = Path(path)
    key = _folder_key(folder)
    with _CACHE_LOCK:
        layer = _FOLDERS.get(key)
    if layer is None:
        rules = tuple(load_rule_file(p) for p in _rule_files(folder))
        _check_unique(rules)
        layer = _Layer(str(folder), rules)
        with _CACHE_LOCK:
            _FOLDERS[key] = layer
            _trim(_FOLDERS)
    return layer


def _folder_key(folder: Path) -> tuple[object, ...]:
    """What identifies a folder's contents: its path and each rule file's name,
    inode, size and modification time (nanoseconds)."""
    try:
        entries = sorted((e.name, e.inode(), info.st_size, info.st_mtime_ns)
                         for e in os.scandir(folder) if e.name.endswith(".toml")
                         for info in (e.stat(),))
    except NotADirectoryError as exc:
        raise RuleError(str(folder), "(folder)", "not a folder") from exc
    except FileNotFoundError as exc:
        raise RuleError(str(folder), "(folder)", "no such rules folder") from exc
    except OSError as exc:
        raise RuleError(str(folder), "(folder)", f"cannot read: {exc.strerror or exc}") from exc
    return (os.path.abspath(folder), *entries)


def _rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


def _trim(cache: dict[Any, Any]) -> None:
    while len(cache) > _CACHE_SIZE:
        del cache[next(iter(cache))]


def _layer(layers: Iterable[_Layer]) -> tuple[SiteRule, ...]:
    """Merge folders in order: a later file replaces an earlier one with the same
    outlet or file name, and the domains it claims are taken from earlier files."""
    merged: list[SiteRule] = []
    for layer in layers:
        outlets = {r.outlet.casefold() for r in layer.rules}
        names = {r.name for r in layer.rules}
        domains = {d for r in layer.rules for d in r.domains}
        kept = [r for r in merged if r.outlet.casefold() not in outlets and r.name not in names]
        merged = [_without_domains(r, domains) for r in kept] + list(layer.rules)
    return tuple(merged)


def _without_domains(rule: SiteRule, taken: set[str]) -> SiteRule:
    if not taken.intersection(rule.domains):
        return rule
    return dataclasses.replace(rule, domains=tuple(d for d in rule.domains if d not in taken))


def check_rules(folder: str | os.PathLike[str]) -> list[tuple[str, SiteRule | RuleError]]:
    """Validate every rule file in a folder, collecting each file's rule or error."""
    folder = Path(folder)
    _folder_key(folder)  # RuleError for a folder that is missing or unreadable
    results: list[tuple[str, SiteRule | RuleError]] = []
    for path in _rule_files(folder):
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
    ids = [r.id for r in lines] + [r.id for r in blocks]
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
    category: str = _get(where, entry, "category", str, required=True, prefix=key)
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
    value: list[str] = _get(where, data, key, list, default=[], prefix=prefix)
    name = f"{prefix}.{key}" if prefix else key
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise RuleError(where, f"{name}[{i}]", f"must be a string, got {item!r}")
    return value


def _table_list(where: str, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value: list[dict[str, Any]] = _get(where, data, key, list, default=[])
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise RuleError(where, f"{key}[{i}]", f"must be a table ([[{key}]])")
    return value
