"""Command line: a thin layer over the library (see README.md, "Usage").

Exit codes: 0 every input cleaned (also when the reader of standard output
went away, as with `| head`), 1 some inputs failed (each reported with its
path and reason; a timeout is a failure too), 2 usage or configuration errors
(bad options, a broken rule file, an output that would overwrite or be read as
an input, a broken installation), 3 an output could not be written (the
message names it and the reason; the previous output is left as it was), 130
interrupted (Ctrl-C), 143 terminated (SIGTERM).

Standard error carries progress (on a terminal only), one line per failure or
warning, and the closing summary: on a terminal, or with -v; `--stats FILE`
writes the totals as JSON. `-` is standard input for inputs, standard output
for records (-o), and standard error for the diagnostics (--errors, --stats).
Options are matched exactly (no abbreviations); a misspelt one gets a
suggestion.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import difflib
import importlib.util
import logging
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from types import FrameType, TracebackType
from typing import Any, NoReturn, cast

from . import __version__
from .batch import (
    DEFAULT_TIMEOUT,
    RECYCLE_AFTER,
    BatchStats,
    CleanOptions,
    PoolSettings,
    ShardPlan,
    printable,
    reporting,
    run_batch,
    run_shards,
)
from .batch.cluster import run_on_dask
from .batch.run import learn_recurring
from .errors import OutputError, RuleError
from .explain.cli import add_parsers as add_explain_parsers
from .explain.cli import main as explain_main
from .fetch.cli import add_parser as add_fetch_parser
from .fetch.cli import main as fetch_main
from .io.inputs import DEFAULT_MAX_BYTES, FORMATS, STDIN, iter_inputs
from .io.output import JsonlWriter, output_problem, writes_in_place
from .learn.cli import add_parser as add_learn_parser
from .learn.cli import main as learn_main
from .record import json_line
from .rules import BUILTIN_RULES_DIR, RULES_ENV, check_rules, default_rule_dirs, load_rules

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_OUTPUT = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143
DISTRIBUTION = "news-boilerplate-cleaner"

# What a run imports, checked once at start: a broken installation (lxml without
# lxml_html_clean, which jusText needs since lxml 5.2) stops the run with one message
# instead of failing every page. Imported here, forked workers inherit the modules.
REQUIRED_MODULES = ("orjson", "charset_normalizer", "selectolax.lexbor", "py3langid",
                    "trafilatura")


class Terminated(KeyboardInterrupt):
    """SIGTERM: stop like Ctrl-C does (previous output kept, temporary file removed)."""


class Parser(argparse.ArgumentParser):
    """argparse with exact option names only, and a suggestion for a misspelt option
    or command ('--verbos': did you mean --verbose?)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}{self._suggestion(message)}\n")

    def _suggestion(self, message: str) -> str:
        unknown = re.search(r"unrecognized arguments: (\S+)", message)
        choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if unknown:
            word, candidates = unknown[1].split("=")[0], sorted(self._options())
        elif choice:
            word, candidates = choice[1], re.findall(r"'([^']*)'", choice[2])
        else:
            return ""
        if not word:
            return ""
        starts = [c for c in candidates if c.startswith(word)]
        close = starts or difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
        return f" (did you mean {' or '.join(close[:3])}?)" if close else ""

    def _options(self) -> set[str]:
        """Every option string of this parser and of its sub-commands."""
        found: set[str] = set()
        for action in self._actions:
            found.update(s for s in action.option_strings if s.startswith("--"))
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    if isinstance(sub, Parser):
                        found |= sub._options()
        return found


def build_parser() -> Parser:
    parser = Parser(
        prog="cleaner", description="Strip boilerplate from news article dumps into JSONL records.")
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    clean = commands.add_parser(
        "clean", help="clean text dumps / HTML pages into JSONL records",
        description="Clean files, folders (recursively: .txt .html .htm .xhtml, optionally "
                    ".gz, and .warc / .warc.gz), JSONL files of {html|text, url} records "
                    "named on the command line, or '-' (stdin) into one JSONL record per "
                    "article.")
    clean.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or - for stdin")
    clean.add_argument("-o", "--output", metavar="OUT",
                       help="output JSONL file, gzip-compressed when it ends in .gz "
                            "(default: stdout; '-' is stdout)")
    clean.add_argument("--rules", metavar="DIR", action="append", default=[],
                       help=f"a folder of rule files layered over the built-in ones and "
                            f"${RULES_ENV} (repeatable; a later folder overrides an earlier "
                            f"one's outlet)")
    clean.add_argument("--no-builtin-rules", action="store_true",
                       help="do not load the built-in rule files")
    clean.add_argument("--jobs", "-j", type=_positive_int, default=1, metavar="N",
                       help="worker processes (default: 1)")
    clean.add_argument("--url", help="the URL the input came from (outlet, canonical url); "
                                     "for one input or stdin")
    clean.add_argument("--url-for-all", action="store_true",
                       help="use --url for every input (several files or a folder)")
    clean.add_argument("--format", choices=FORMATS, default="auto",
                       help="input format (default: auto, by extension then content)")
    clean.add_argument("--errors", metavar="FILE",
                       help="also write one JSON line per failed input (source, error); "
                            "'-' is standard error")
    clean.add_argument("--stats", metavar="FILE",
                       help="write the run's totals as one JSON object ('-': standard error)")
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
    clean.add_argument("--learn-recurring", action="store_true",
                       help="read the inputs twice: first count the lines each outlet (rule "
                            "file or domain) prints across its stories, then cut those that "
                            "recur (category 'recurring'); see README, 'Corpus-aware cleaning'")
    clean.add_argument("--unordered", action="store_true",
                       help="write records as inputs finish, not in input order (faster "
                            "when input sizes vary a lot)")
    clean.add_argument("--recycle-after", type=_count, default=RECYCLE_AFTER, metavar="N",
                       help=f"replace a worker process after it has cleaned N inputs, to "
                            f"contain leaks in third-party parsers (default: {RECYCLE_AFTER}; "
                            f"0: never)")
    scale = clean.add_argument_group(
        "sharded runs (resumable; see README, 'Scaling out')")
    scale.add_argument("--out-dir", metavar="DIR",
                       help="write one JSONL file per shard, and a completion marker per "
                            "shard, into DIR (instead of -o); a re-run skips finished shards")
    scale.add_argument("--shards", type=_positive_int, metavar="N",
                       help="how many shards (default: 1); an input path always falls into "
                            "the same shard")
    scale.add_argument("--shard", type=_shard, metavar="K/N",
                       help="run only shard K of N (1 <= K <= N), e.g. one per host")
    scale.add_argument("--gzip", action="store_true",
                       help="gzip-compress the shard files (.jsonl.gz)")
    scale.add_argument("--executor", choices=("pool", "dask"), default="pool",
                       help="run shards on this machine's worker pool (default) or as Dask "
                            "tasks (needs the [dask] extra and --out-dir)")
    scale.add_argument("--scheduler", metavar="ADDRESS",
                       help="the Dask scheduler to use (default: a local cluster of --jobs "
                            "worker processes)")
    clean.add_argument("-q", "--quiet", action="store_true",
                       help="no progress line, no summary (failures are still reported)")
    clean.add_argument("-v", "--verbose", action="store_true",
                       help="print the summary even when stderr is not a terminal, with "
                            "a line per rule")

    # `cleaner fetch` (cleaner/fetch/cli.py; building its parser imports no HTTP stack)
    add_fetch_parser(cast("argparse._SubParsersAction[argparse.ArgumentParser]", commands))
    # `cleaner explain` and `cleaner stats` (cleaner/explain/cli.py)
    add_explain_parsers(cast("argparse._SubParsersAction[argparse.ArgumentParser]", commands))
    # `cleaner learn` (cleaner/learn/cli.py)
    add_learn_parser(cast("argparse._SubParsersAction[argparse.ArgumentParser]", commands))

    rules = commands.add_parser("rules", help="work with rule files")
    rules_commands = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    check = rules_commands.add_parser(
        "check", help="validate folders of rule files",
        description=f"Validate every rule file in the folders (default: the built-in rules "
                    f"and ${RULES_ENV}, the folders `clean` uses).")
    check.add_argument("directories", nargs="*", metavar="DIR", help="rule-file folder")
    return parser


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}")
    return number


def _count(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number (0: never), got {value!r}")
    return int(value)


def _shard(value: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d+)/(\d+)", value)
    if match is None or not 1 <= int(match[1]) <= int(match[2]):
        raise argparse.ArgumentTypeError(f"expected K/N with 1 <= K <= N, got {value!r}")
    return int(match[1]), int(match[2])


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
    if args.command == "fetch":  # it handles its own signals and errors
        with _quiet_libraries():
            return fetch_main(args)
    try:
        with _stop_signals(), _quiet_libraries():
            if args.command == "clean":
                return _clean(args)
            if args.command in ("explain", "stats"):
                return explain_main(args)
            if args.command == "learn":
                return learn_main(args)
            return _rules_check(args.directories)
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
        return EXIT_OK


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


@contextlib.contextmanager
def _quiet_libraries() -> Iterator[None]:
    """trafilatura logs every page it finds too short; the run reports outcomes
    itself. Set for the command's own run only, and put back after it."""
    logger = logging.getLogger("trafilatura")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _discard_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def check_installation() -> str | None:
    """Why the installation cannot clean (a required module that does not import), or None."""
    import importlib

    for name in REQUIRED_MODULES:
        try:
            importlib.import_module(name)
        except Exception as exc:  # ImportError, or a module that breaks while loading
            reason = " ".join(str(exc).split()) or type(exc).__name__
            return (f"cannot import {name}: {reason} — the installation is incomplete; "
                    f"reinstall with `pip install --force-reinstall {DISTRIBUTION}`")
    return None


def _clean(args: argparse.Namespace) -> int:
    rule_dirs = tuple(default_rule_dirs(args.rules, builtin=not args.no_builtin_rules))
    if rule_dirs:
        load_rules(*rule_dirs)  # validate up front: a broken rule file stops the run here
    problem = _usage_problem(args) or check_installation()
    if problem:
        print(f"cleaner: {printable(problem)}", file=sys.stderr)
        return EXIT_USAGE
    options = CleanOptions(rule_dirs=rule_dirs, url=args.url, fmt=args.format,
                           max_bytes=args.max_bytes, explain=args.explain)
    pool = PoolSettings(jobs=args.jobs, timeout=args.timeout, ordered=not args.unordered,
                        recycle=args.recycle_after)
    stderr_tty = _isatty(sys.stderr)
    records_to_terminal = args.output in (None, STDIN) and _isatty(sys.stdout)
    progress = stderr_tty and not args.quiet and not records_to_terminal

    def skipped(path: str, why: str) -> None:
        print(f"cleaner: {printable(path)}: {why}", file=sys.stderr)

    started = time.monotonic()
    if args.learn_recurring:
        index = learn_recurring(iter_inputs(args.paths), options, pool)
        options = dataclasses.replace(options, recurring=index)
        if progress or args.verbose:
            print(f"cleaner: --learn-recurring: lines counted in {index.documents:,} inputs",
                  file=sys.stderr)
    failed_shards: list[str] = []
    with _StatsFile(args.stats) as stats_file:
        if args.out_dir is None:
            stats = run_batch(iter_inputs(args.paths, skipped), args.output, options, pool,
                              errors=args.errors, progress=progress, dedup=args.dedup)
        else:
            stats, failed_shards = _clean_shards(args, options, pool, progress, skipped)
        stats_file.write(stats, time.monotonic() - started)
    if not args.quiet and (stderr_tty or args.verbose):
        print(stats.summary(per_rule=args.verbose), file=sys.stderr)
    for failure in failed_shards:
        print(f"cleaner: {printable(failure)}", file=sys.stderr)
    if not stats.inputs and args.out_dir is None:
        print("cleaner: warning: no input files found (looked for .txt .html .htm .xhtml, "
              "optionally .gz, and .warc, .warc.gz)", file=sys.stderr)
    return EXIT_FAILED if stats.failed or failed_shards else EXIT_OK


def _shard_plan(args: argparse.Namespace) -> ShardPlan:
    shards = args.shard[1] if args.shard else args.shards or 1
    return ShardPlan(tuple(args.paths), args.out_dir, shards, gzip=args.gzip)


def _clean_shards(args: argparse.Namespace, options: CleanOptions, pool: PoolSettings,
                  progress: bool, skipped: Callable[[str, str], None]
                  ) -> tuple[BatchStats, list[str]]:
    """--out-dir: the run's shards not finished yet (all, or --shard K/N's one)."""
    plan = _shard_plan(args)
    wanted = [args.shard[0]] if args.shard else list(range(1, plan.shards + 1))
    todo = [shard for shard in wanted if not plan.finished(shard)]
    if len(todo) < len(wanted) and not args.quiet:
        print(f"cleaner: {len(wanted) - len(todo)} of {len(wanted)} shards already finished "
              f"in {printable(plan.out_dir)} (a .done marker each); skipped", file=sys.stderr)
    with reporting(None, progress, args.errors) as report:
        if args.executor == "dask":
            return run_on_dask(plan, todo, options, pool, report, args.scheduler)
        return run_shards(plan, todo, options, pool, report, skipped), []


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


class _StatsFile:
    """--stats: the run's totals as one JSON object, to a file (opened before the run,
    written whole like the output) or, for '-', to standard error."""

    def __init__(self, target: str | None) -> None:
        self._target = target
        self._writer = JsonlWriter(target) if target not in (None, STDIN) else None

    def __enter__(self) -> _StatsFile:
        if self._writer is not None:
            self._writer.__enter__()
        return self

    def write(self, stats: BatchStats, seconds: float) -> None:
        line = json_line(stats.to_dict(seconds))
        if self._writer is not None:
            self._writer.write_line(line)
        elif self._target == STDIN:
            sys.stderr.write(line.decode())

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._writer is not None:
            self._writer.__exit__(kind, exc, tb)


def _usage_problem(args: argparse.Namespace) -> str | None:
    """What makes the command line unusable before any input is read: stdin twice,
    --url for several inputs, or an output that is a folder, is an input, would be
    read as one, or is another output."""
    if args.paths.count(STDIN) > 1:
        return "'-' (stdin) can be given once"
    if args.learn_recurring and STDIN in args.paths:
        return "--learn-recurring reads the inputs twice; '-' (stdin) can be read once"
    problem = _sharding_problem(args)
    if problem:
        return problem
    if args.url_for_all and not args.url:
        return "--url-for-all needs --url"
    if args.url and not args.url_for_all and (
            len(args.paths) > 1 or os.path.isdir(args.paths[0])):
        return ("--url names where one input came from; to use it for every input "
                "(several paths or a folder), add --url-for-all")
    outputs = {"-o": args.output, "--errors": args.errors, "--stats": args.stats}
    for flag, path in outputs.items():
        problem = output_problem(path, args.paths)
        if problem:
            return f"{flag} {path}: {problem}"
    files = [(flag, path) for flag, path in outputs.items()
             if path not in (None, STDIN) and not writes_in_place(path)]
    for n, (flag, path) in enumerate(files):
        for other_flag, other in files[:n]:
            if os.path.realpath(path) == os.path.realpath(other):
                return f"{flag} {path}: is also the {other_flag} output"
    return None


def _sharding_problem(args: argparse.Namespace) -> str | None:
    """What makes the sharding options unusable: one needing --out-dir without it,
    --out-dir with -o, stdin, or --dedup, or a folder holding another run's shards."""
    if args.out_dir is None:
        given = [flag for flag, value in (("--shards", args.shards), ("--shard", args.shard),
                                          ("--gzip", args.gzip),
                                          ("--executor dask", args.executor == "dask"))
                 if value]
        return f"{given[0]} needs --out-dir DIR (shards are written there)" if given else None
    if args.scheduler and args.executor != "dask":
        return "--scheduler needs --executor dask"
    if args.output is not None:
        return "-o and --out-dir: give one (--out-dir writes one file per shard)"
    if STDIN in args.paths:
        return "'-' (stdin) cannot be split into shards; save it to a file first"
    if args.dedup:
        return "--dedup works on one output (-o), not across shards"
    if args.shard and args.shards and args.shard[1] != args.shards:
        return f"--shard {args.shard[0]}/{args.shard[1]} and --shards {args.shards} disagree"
    if args.executor == "dask" and importlib.util.find_spec("distributed") is None:
        return ("--executor dask needs Dask: pip install 'news-boilerplate-cleaner[dask]'")
    problem = _shard_plan(args).problem()
    return f"--out-dir {args.out_dir}: {problem}" if problem else None


def _rules_check(directories: list[str]) -> int:
    """Validate every file (not just up to the first error) and list each verdict."""
    folders = directories or default_rule_dirs()
    bad = 0
    for folder in folders:
        results = check_rules(folder)
        for path, outcome in results:
            if isinstance(outcome, RuleError):
                print(f"FAIL {outcome}")
            else:
                print(f"ok   {path}: {outcome.outlet} ({len(outcome.lines)} line rules, "
                      f"{len(outcome.blocks)} block rules, {len(outcome.signatures)} "
                      f"signatures)")
        failed = sum(isinstance(outcome, RuleError) for _, outcome in results)
        where = "built-in rules, " if folder == str(BUILTIN_RULES_DIR) else ""
        print(f"{len(results) - failed} of {len(results)} rule files valid in {where}{folder}")
        bad += failed
    return EXIT_FAILED if bad else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
