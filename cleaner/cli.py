"""Command line: a thin layer over the library (see README.md, "Usage").

Exit codes: 0 every input cleaned, 1 some inputs failed (each reported with
its path and reason; a timeout is a failure too), 2 usage or configuration
errors (bad options, a broken rule file, an output that would overwrite or be
read as an input), 3 an output could not be written (the message names it and
the reason; the previous output is left as it was), 130 interrupted (Ctrl-C),
143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType

from .batch import DEFAULT_TIMEOUT, CleanOptions, printable, run_batch
from .errors import OutputError, RuleError
from .inputs import DEFAULT_MAX_BYTES, STDIN, iter_inputs
from .output import output_problem, writes_in_place
from .rules import check_rules, load_rules, rules_dir_default

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_OUTPUT = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


class Terminated(KeyboardInterrupt):
    """SIGTERM: stop like Ctrl-C does (previous output kept, temporary file removed)."""


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
                       help="also write one JSON line per failed input (source, error); "
                            "'-' is standard error")
    clean.add_argument("--dedup", action="store_true",
                       help="drop a record whose id was already written in this run "
                            "(default: one record per article in each input)")
    clean.add_argument("--explain", action="store_true",
                       help="show every removed span with its rule id (stderr and records)")
    clean.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES, metavar="N",
                       help=f"skip inputs larger than this (default: {DEFAULT_MAX_BYTES})")
    clean.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                       help=f"give up on an input still being cleaned after this long "
                            f"(default: {DEFAULT_TIMEOUT:g}; 0: no limit)")
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


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds (0: no limit), "
                                          f"got {value!r}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with _stop_signals():
            if args.command == "clean":
                return _clean(args)
            return _rules_check(args.directory)
    except RuleError as exc:
        print(f"cleaner: rule error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OutputError as exc:
        if exc.target == "standard output":  # nothing more can go there, even at exit
            _discard_stdout()
        print(f"cleaner: {printable(str(exc))}", file=sys.stderr)
        return EXIT_OUTPUT
    except Terminated:
        print("\ncleaner: terminated; output left as it was", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("\ncleaner: interrupted; output left as it was", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (`cleaner clean ... | head`): stop quietly
        _discard_stdout()
        return EXIT_FAILED


@contextlib.contextmanager
def _stop_signals() -> Iterator[None]:
    """SIGINT and SIGTERM stop the run once, by an exception that unwinds it (the
    output's temporary file is removed, workers are stopped); a second signal
    during that clean-up is ignored instead of breaking it with a traceback."""

    def stop(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise Terminated if signum == signal.SIGTERM else KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set in the main thread
        return
    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _discard_stdout() -> None:
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _clean(args: argparse.Namespace) -> int:
    load_rules(args.rules)  # validate up front: a broken rule file stops the run before it starts
    problem = _usage_problem(args)
    if problem:
        print(f"cleaner: {printable(problem)}", file=sys.stderr)
        return EXIT_USAGE
    options = CleanOptions(rules_dir=args.rules, url=args.url, fmt=args.format,
                           max_bytes=args.max_bytes, explain=args.explain)

    def skipped(path: str, why: str) -> None:
        print(f"cleaner: {printable(path)}: {why}", file=sys.stderr)

    stats = run_batch(iter_inputs(args.paths, skipped), args.output, options, jobs=args.jobs,
                      errors=args.errors, progress=False if args.quiet else None,
                      dedup=args.dedup, timeout=args.timeout)
    if not args.quiet:
        print(stats.summary(per_rule=args.verbose), file=sys.stderr)
    if not stats.inputs:
        print("cleaner: warning: no input files found (looked for .txt .html .htm .xhtml, "
              "optionally .gz)", file=sys.stderr)
    return EXIT_FAILED if stats.failed else EXIT_OK


def _usage_problem(args: argparse.Namespace) -> str | None:
    """What makes the command line unusable before any input is read: stdin twice,
    or an output that is a folder, is an input, or would be read as one."""
    if args.paths.count(STDIN) > 1:
        return "'-' (stdin) can be given once"
    for flag, path in (("-o", args.output), ("--errors", args.errors)):
        problem = output_problem(path, args.paths)
        if problem:
            return f"{flag} {path}: {problem}"
    if (args.errors not in (None, STDIN) and args.output != STDIN
            and not writes_in_place(args.errors)
            and os.path.realpath(args.errors) == os.path.realpath(args.output)):
        return f"--errors {args.errors}: is also the output (-o)"
    return None


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
