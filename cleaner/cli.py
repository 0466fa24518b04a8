"""Command line: a thin layer over the library (see README.md, "Usage").

Exit codes: 0 every input cleaned, 1 some inputs failed (each reported with
its path and reason), 2 usage or configuration errors (bad options, a broken
rule file).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .batch import CleanOptions, run_batch
from .errors import RuleError
from .inputs import DEFAULT_MAX_BYTES, iter_inputs
from .rules import check_rules, load_rules, rules_dir_default

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner", description="Strip boilerplate from news article dumps into JSONL records.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    clean = commands.add_parser(
        "clean", help="clean text dumps / HTML pages into JSONL records",
        description="Clean files, folders (recursively: .txt .html .htm, optionally .gz) "
                    "or '-' (stdin) into one JSONL record per article.")
    clean.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or - for stdin")
    clean.add_argument("-o", "--output", default="-", metavar="OUT",
                       help="output JSONL file (default: stdout; '-' is stdout)")
    clean.add_argument("--rules", metavar="DIR",
                       help=f"rule-file folder (default: $CLEANER_RULES or {rules_dir_default()})")
    clean.add_argument("--jobs", "-j", type=_positive_int, default=1, metavar="N",
                       help="worker processes (default: 1)")
    clean.add_argument("--url", help="the URL the input(s) came from (outlet, canonical url)")
    clean.add_argument("--format", choices=("auto", "text", "html"), default="auto",
                       help="input format (default: auto, by extension then content)")
    clean.add_argument("--errors", metavar="FILE",
                       help="also write one JSON line per failed input (source, error)")
    clean.add_argument("--dedup", action="store_true",
                       help="drop a record whose id was already written in this run "
                            "(default: one record per article in each input)")
    clean.add_argument("--explain", action="store_true",
                       help="show every removed span with its rule id (stderr and records)")
    clean.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES, metavar="N",
                       help=f"skip inputs larger than this (default: {DEFAULT_MAX_BYTES})")
    clean.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    clean.add_argument("-v", "--verbose", action="store_true",
                       help="summary per rule as well as per category")

    rules = commands.add_parser("rules", help="work with rule files")
    rules_commands = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    check = rules_commands.add_parser("check", help="validate a folder of rule files")
    check.add_argument("directory", nargs="?", metavar="DIR",
                       help="rule-file folder (default: the one clean uses)")
    return parser


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "clean":
            return _clean(args)
        return _rules_check(args.directory)
    except RuleError as exc:
        print(f"cleaner: rule error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\ncleaner: interrupted; output left as it was", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`cleaner clean ... | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED


def _clean(args: argparse.Namespace) -> int:
    load_rules(args.rules)  # validate up front: a broken rule file stops the run before it starts
    if args.paths.count("-") > 1:
        print("cleaner: '-' (stdin) can be given once", file=sys.stderr)
        return EXIT_USAGE
    for flag, path in (("-o", args.output), ("--errors", args.errors)):
        if path not in (None, "-") and os.path.isdir(path):
            print(f"cleaner: {flag} {path}: is a folder, expected a file", file=sys.stderr)
            return EXIT_USAGE
    options = CleanOptions(rules_dir=args.rules, url=args.url, fmt=args.format,
                           max_bytes=args.max_bytes, explain=args.explain)
    if args.errors:
        os.makedirs(os.path.dirname(os.path.abspath(args.errors)), exist_ok=True)
    errors = open(args.errors, "w", encoding="utf-8") if args.errors else None  # noqa: SIM115
    try:
        stats = run_batch(iter_inputs(args.paths), args.output, options, jobs=args.jobs,
                          errors=errors, progress=False if args.quiet else None,
                          dedup=args.dedup)
    finally:
        if errors is not None:
            errors.close()
    if not args.quiet:
        print(stats.summary(per_rule=args.verbose), file=sys.stderr)
    if not stats.inputs:
        print("cleaner: warning: no input files found (looked for .txt .html .htm .xhtml, "
              "optionally .gz)", file=sys.stderr)
    return EXIT_FAILED if stats.failed else EXIT_OK


def _rules_check(directory: str | None) -> int:
    """Validate every file (not just up to the first error) and list each verdict."""
    folder = Path(directory) if directory else rules_dir_default()
    results = check_rules(folder)
    for path, outcome in results:
        if isinstance(outcome, RuleError):
            print(f"FAIL {outcome}")
        else:
            print(f"ok   {path}: {outcome.outlet} ({len(outcome.lines)} line rules, "
                  f"{len(outcome.blocks)} block rules, {len(outcome.signatures)} signatures)")
    bad = sum(isinstance(outcome, RuleError) for _, outcome in results)
    print(f"{len(results) - bad} of {len(results)} rule files valid in {folder}")
    return EXIT_FAILED if bad else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
