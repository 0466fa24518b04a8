"""`cleaner explain` and `cleaner stats`: see what was cut and why, and check rules.

Exit codes, both commands: 0 done, 1 the input (explain) could not be read or
fetched, or some lines of the file (stats) are not records, 2 usage or
configuration errors (bad options, a broken rule file, a file stats cannot
read), 3 the report could not be written.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..batch import printable
from ..errors import InputError, RuleError
from ..io.inputs import DEFAULT_MAX_BYTES, FORMATS
from ..record import json_line
from ..rules import RULES_ENV, RuleSet, default_rule_dirs, load_rules
from . import report, terminal
from .model import explain_payload
from .source import read_target
from .stats import SHORT_BODY_WORDS, file_stats

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_OUTPUT = 0, 1, 2, 3


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `explain` and `stats` to `cleaner`'s subcommands."""
    explain = subparsers.add_parser(
        "explain", help="show every line of one input kept or cut, with the rule that cut it",
        description="Clean one dump or page as `cleaner clean` does and show every line of "
                    "it, kept or removed; a removed one with its category and rule id (for a "
                    "page, first the elements the HTML pre-pass removed). --html writes the "
                    "same as one self-contained page.")
    explain.add_argument("input", metavar="INPUT",
                         help="a file (optionally .gz), '-' for stdin, or an http(s) URL")
    explain.add_argument("--url", help="the URL the input came from (outlet, rule file)")
    explain.add_argument("--html", metavar="REPORT.html",
                         help="also write the report as one HTML page (no script, no "
                              "external assets)")
    explain.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                         help="colour the terminal view (default: auto, when standard output "
                              "is a terminal and NO_COLOR is not set)")
    explain.add_argument("--format", choices=FORMATS, default="auto",
                         help="input format (default: auto, by extension then content)")
    explain.add_argument("-q", "--quiet", action="store_true",
                         help="no terminal view (with --html: just write the report)")
    _rule_options(explain)

    stats = subparsers.add_parser(
        "stats", help="summarise an output file and flag rules and records to look at",
        description="Print the run summary of an output file (.jsonl, .jsonl.gz, '-' for "
                    "stdin) computed from its records, and flag: rules that never fired "
                    "(only rule files whose outlet has records in the file are judged; "
                    "the others had nothing to fire on), records with an empty or short "
                    "body, and records whose body is mostly text cut with one category "
                    "elsewhere in the file (needs records written with `clean --explain`).")
    stats.add_argument("output", metavar="OUT.jsonl", help="records written by `cleaner clean`")
    stats.add_argument("--json", action="store_true",
                       help="print one JSON object (the keys of `clean --stats` that apply, "
                            "and the flags)")
    stats.add_argument("--min-words", type=int, default=SHORT_BODY_WORDS, metavar="N",
                       help=f"flag bodies shorter than this (default: {SHORT_BODY_WORDS})")
    _rule_options(stats)


def _rule_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", metavar="DIR", action="append", default=[],
                        help=f"a folder of rule files layered over the built-in ones and "
                             f"${RULES_ENV}, as for `clean` (repeatable)")
    parser.add_argument("--no-builtin-rules", action="store_true",
                        help="do not load the built-in rule files")


def main(args: argparse.Namespace) -> int:
    try:
        rules = _rules(args)
        return _explain(args, rules) if args.command == "explain" else _stats(args, rules)
    except RuleError as exc:
        print(f"cleaner: rule error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _rules(args: argparse.Namespace) -> RuleSet:
    """The rule layers `clean` would use with the same options."""
    folders = default_rule_dirs(args.rules, builtin=not args.no_builtin_rules)
    return load_rules(*folders) if folders else RuleSet()


def _explain(args: argparse.Namespace, rules: RuleSet) -> int:
    try:
        payload, fetched_url = read_target(args.input, DEFAULT_MAX_BYTES)
        explanation = explain_payload(payload, source=args.input, rules=rules,
                                      url=args.url or fetched_url, fmt=args.format)
    except InputError as exc:
        print(f"cleaner: {printable(args.input)}: {printable(str(exc))}", file=sys.stderr)
        return EXIT_FAILED
    if not args.quiet:
        sys.stdout.write(terminal.render(explanation, _colour(args.color)))
    if args.html:
        try:
            Path(args.html).write_text(report.render(explanation), encoding="utf-8")
        except OSError as exc:
            print(f"cleaner: cannot write {printable(args.html)}: {exc.strerror or exc}",
                  file=sys.stderr)
            return EXIT_OUTPUT
        print(f"cleaner: wrote {printable(args.html)}", file=sys.stderr)
    return EXIT_OK


def _colour(choice: str) -> bool:
    """--color: `auto` colours a terminal unless NO_COLOR is set (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    try:
        tty = sys.stdout.isatty()
    except (AttributeError, ValueError):
        tty = False
    return tty and not os.environ.get("NO_COLOR")


def _stats(args: argparse.Namespace, rules: RuleSet) -> int:
    try:
        stats = file_stats(args.output, rules, args.min_words)
    except InputError as exc:
        print(f"cleaner: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        sys.stdout.write(json_line(stats.to_dict()).decode())
    else:
        print(stats.summary(args.min_words))
    for number in stats.bad_lines:
        print(f"cleaner: {printable(args.output)}:{number}: not a record", file=sys.stderr)
    return EXIT_FAILED if stats.bad_lines else EXIT_OK
