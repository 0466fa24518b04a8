"""`cleaner learn DIR --outlet NAME -o rules/SLUG.toml`: a draft rule file from one
outlet's saved pages (text dumps or HTML, as `clean` reads them).

Exit codes: 0 the draft was written, 1 it was written but some pages could not
be read (each reported), or no line recurs enough to learn, 2 usage problems
(no such folder, too few pages, pages of several outlets, an output that exists
without --force).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..api import payload_lines
from ..errors import CleanerError, RuleError
from ..io.inputs import DEFAULT_MAX_BYTES, iter_inputs, read_payload
from ..rules import RuleSet, load_rule_file, load_rules
from ..text.outlet import host_of
from .draft_rules import DEFAULT_MIN_SUPPORT, MIN_DOCUMENTS, LearnError, draft_rules

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]
               ) -> argparse.ArgumentParser:
    """Add the `learn` command to `cleaner`'s subcommands."""
    parser = subparsers.add_parser(
        "learn", help="draft a rule file from 20+ saved pages of one outlet",
        description="Find the lines one outlet repeats across its pages (masthead, menus, "
                    "appeals, end-of-article modules, footers) and write them as a draft rule "
                    "file to review.")
    parser.add_argument("folder", metavar="DIR", help=f"a folder of at least {MIN_DOCUMENTS} "
                        "pages or dumps of one outlet (walked as `clean` walks folders)")
    parser.add_argument("--outlet", required=True, metavar="NAME", help="the outlet's name")
    parser.add_argument("--domain", action="append", default=[], metavar="D",
                        help="a domain the outlet publishes on (repeatable; default: the one "
                             "the pages' URLs name)")
    parser.add_argument("--min-support", type=_share, default=DEFAULT_MIN_SUPPORT, metavar="F",
                        help=f"learn lines standing in at least this share of the distinct "
                             f"stories (default: {DEFAULT_MIN_SUPPORT})")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="the rule file to write ('-': standard output)")
    parser.add_argument("--force", action="store_true", help="replace an existing OUT")
    return parser


def _share(value: str) -> float:
    try:
        share = float(value)
    except ValueError:
        share = -1.0
    if not 0 < share <= 1:
        raise argparse.ArgumentTypeError(f"expected a share between 0 and 1, got {value!r}")
    return share


def main(args: argparse.Namespace) -> int:
    """Run `cleaner learn`; every problem is one line on standard error."""
    try:
        return _learn(args)
    except LearnError as exc:
        return _fail(str(exc), EXIT_FAILED if "no line recurs" in str(exc) else EXIT_USAGE)
    except RuleError as exc:
        return _fail(f"rule error: {exc}", EXIT_USAGE)


def _fail(message: str, code: int) -> int:
    print(f"cleaner: learn: {message}", file=sys.stderr)
    return code


def _learn(args: argparse.Namespace) -> int:
    if not os.path.isdir(args.folder):
        return _fail(f"{args.folder}: not a folder", EXIT_USAGE)
    if args.output != "-" and os.path.exists(args.output) and not args.force:
        return _fail(f"{args.output} exists; add --force to replace it", EXIT_USAGE)
    rules = load_rules()
    pages, groups, failed = [], Counter[str](), 0
    for path, lines, group in _read(args.folder, rules):
        if isinstance(lines, str):
            print(f"cleaner: {path}: {lines}", file=sys.stderr)
            failed += 1
            continue
        pages.append(lines)
        if group is not None:
            groups[group] += 1
    domains = [d.lower().removeprefix("www.") for d in args.domain] or _domains(groups)
    _check_groups(groups, {args.outlet.casefold(), *domains})
    draft = draft_rules(pages, args.outlet, domains, args.min_support)
    _write(args.output, draft.to_toml())
    print(f"cleaner: learn: {args.output}: {len(draft.rules)} rules, {len(draft.signatures)} "
          f"signatures (recognise {draft.recognised} of {draft.documents} pages) from "
          f"{draft.stories} distinct stories; review it (`cleaner explain`, `cleaner clean "
          f"--explain --rules DIR`) before use", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _read(folder: str, rules: RuleSet) -> Iterator[tuple[str, list[str] | str, str | None]]:
    """(path, lines or why not, group) for each input file in the folder."""
    for path in iter_inputs([folder]):
        try:
            payload = read_payload(path, DEFAULT_MAX_BYTES)
            lines, group = payload_lines(payload, source=path, url=None, rules=rules)
        except (CleanerError, OSError, ValueError) as exc:
            yield path, str(exc) or type(exc).__name__, None
            continue
        if not any(line.strip() for line in lines):
            yield path, "no text in it", None
        else:
            yield path, lines, group


def _domains(groups: Counter[str]) -> list[str]:
    """The domains the pages' URLs name (a known outlet's name is not a domain)."""
    return sorted(g for g in groups if host_of(f"https://{g}/") == g and "." in g)


def _check_groups(groups: Counter[str], expected: set[str]) -> None:
    """Pages of other outlets (by URL or a rule file's signatures) stop the run."""
    others = [g for g in groups if g.casefold() not in expected]
    if len(groups) > 1 or others:
        found = ", ".join(f"{g} ({n} pages)" for g, n in sorted(groups.items()))
        raise LearnError(f"the pages come from several outlets or another one: {found}; "
                         f"learn from one outlet's pages at a time")


def _write(output: str, text: str) -> None:
    """Validate the draft as a rule file, then write it whole."""
    folder = tempfile.gettempdir() if output == "-" else os.path.dirname(output) or "."
    Path(folder).mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".toml",
                                     prefix=".cleaner-learn.", delete=False) as tmp:
        tmp.write(text)
    try:
        load_rule_file(Path(tmp.name))  # a RuleError here is a bug in the drafting
        if output == "-":
            sys.stdout.write(text)
        else:
            os.replace(tmp.name, output)
    finally:
        if os.path.exists(tmp.name):
            os.unlink(tmp.name)
