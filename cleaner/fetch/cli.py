"""`cleaner fetch`: fetch article pages (listed, or found in feeds and sitemaps),
clean them and append new records, for a cron job.

Exit codes: 0 every URL and source fine, 1 some failed (each reported with
its URL and reason), 2 usage or configuration errors (bad options, a broken
rule file, an unreadable URL file, a state file that is not one), 3 another
run holds the lock on the state or output (or an output cannot be written),
130 / 143 stopped by Ctrl-C / SIGTERM (records written so far stay).

Building the parser does not import httpx; running does.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import threading
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, TypeVar

from ..errors import CleanerError, OutputError, RuleError
from ..io.output import writes_in_place
from ..rules import default_rule_dirs, load_rules
from .options import Clock, FetchOptions, parse_since
from .sources import SourceError, check_url
from .state import LockHeld, StateError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3
STATE_SUFFIX = ".fetch.sqlite"
_DEFAULTS = FetchOptions()
T = TypeVar("T")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]
               ) -> argparse.ArgumentParser:
    """Add the `fetch` command to `cleaner`'s subcommands."""
    parser = subparsers.add_parser(
        "fetch", help="fetch pages (URLs, feeds, sitemaps), clean them, append new records",
        description="Fetch article pages, clean them as saved pages are cleaned and append a "
                    "JSONL record for each new or changed article. State (ETags, what was "
                    "written) makes a re-run fetch and write only what is new.")
    add_arguments(parser)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleaner fetch", description=__doc__.split("\n\n")[0])
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    d = _DEFAULTS
    parser.add_argument("urls", nargs="*", metavar="URL", help="an article page to fetch")
    parser.add_argument("--urls", dest="url_files", action="append", default=[], metavar="FILE",
                        help="a file of URLs, one a line, # comments ('-': standard input)")
    parser.add_argument("--feed", dest="feeds", action="append", default=[], metavar="URL",
                        help="an RSS or Atom feed: fetch its article links (repeatable)")
    parser.add_argument("--sitemap", dest="sitemaps", action="append", default=[],
                        metavar="URL", help="a sitemap, sitemap index or news sitemap, "
                        "optionally .gz (repeatable)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="JSONL file new records are appended to ('-': standard output)")
    parser.add_argument("--state", metavar="DB",
                        help=f"state file (default: OUT{STATE_SUFFIX}; with -o -: none, so "
                             "every run fetches everything)")
    parser.add_argument("--max-urls", type=_positive_int, metavar="N",
                        help="fetch at most N article URLs this run, in source order")
    parser.add_argument("--since", type=_since, metavar="DATE",
                        help="skip feed and sitemap entries dated before DATE (2024-05-01, "
                             "an ISO date-time, or an age: 2d, 12h, 30m)")
    parser.add_argument("--errors", metavar="FILE",
                        help="also write one JSON line per failure (source, error); "
                             "'-' is standard error")
    parser.add_argument("--rules", metavar="DIR",
                        help="rule-file folder (default: the rules `cleaner clean` uses)")
    parser.add_argument("--user-agent", default=d.user_agent, metavar="UA",
                        help=f"User-Agent sent, and matched in robots.txt by its first word "
                             f"(default: {d.user_agent!r}; add a contact URL or address)")
    parser.add_argument("--ignore-robots", action="store_true",
                        help="do not fetch or obey robots.txt")
    parser.add_argument("--concurrency", type=_positive_int, default=d.concurrency, metavar="N",
                        help=f"requests in flight, all hosts (default: {d.concurrency})")
    parser.add_argument("--per-host", type=_positive_int, default=d.per_host, metavar="N",
                        help=f"requests in flight to one host (default: {d.per_host})")
    parser.add_argument("--delay", type=_seconds, default=d.delay, metavar="SECONDS",
                        help=f"minimum time between two requests to one host (default: "
                             f"{d.delay:g}; a longer robots.txt Crawl-delay wins)")
    parser.add_argument("--timeout", type=_seconds, default=d.read_timeout, metavar="SECONDS",
                        help=f"read timeout (default: {d.read_timeout:g})")
    parser.add_argument("--connect-timeout", type=_seconds, default=d.connect_timeout,
                        metavar="SECONDS", help=f"default: {d.connect_timeout:g}")
    parser.add_argument("--retries", type=_count, default=d.retries, metavar="N",
                        help=f"further attempts after a connection error, timeout, 429 or 5xx "
                             f"(default: {d.retries})")
    parser.add_argument("--max-retry-after", type=_seconds, default=d.max_retry_after,
                        metavar="SECONDS", help=f"longest Retry-After waited for; a longer "
                        f"one leaves the URL for the next run (default: {d.max_retry_after:g})")
    parser.add_argument("--url-budget", type=_seconds, default=d.url_budget, metavar="SECONDS",
                        help=f"time for one URL, attempts and waits together (default: "
                             f"{d.url_budget:g})")
    parser.add_argument("--max-bytes", type=_positive_int, default=d.max_bytes, metavar="N",
                        help=f"largest page, decoded (default: {d.max_bytes})")
    parser.add_argument("--max-redirects", type=_count, default=d.max_redirects, metavar="N",
                        help=f"default: {d.max_redirects}")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")


N = TypeVar("N", int, float)


def _number(convert: Callable[[str], N], least: N, what: str) -> Callable[[str], N]:
    """An argparse type: a finite number of at least `least`."""

    def parse(value: str) -> N:
        try:
            number = convert(value)
        except ValueError:
            number = None
        if number is None or not least <= number < float("inf"):
            raise argparse.ArgumentTypeError(f"expected {what}, got {value!r}")
        return number

    return parse


_positive_int = _number(int, 1, "a positive integer")
_count = _number(int, 0, "a whole number")
_seconds = _number(float, 0.0, "a number of seconds")


def _since(value: str) -> object:
    try:
        return parse_since(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def options_from(args: argparse.Namespace) -> FetchOptions:
    return FetchOptions(
        user_agent=args.user_agent, concurrency=args.concurrency, per_host=args.per_host,
        delay=args.delay, connect_timeout=args.connect_timeout, read_timeout=args.timeout,
        max_redirects=args.max_redirects, max_bytes=args.max_bytes, retries=args.retries,
        max_retry_after=args.max_retry_after, url_budget=args.url_budget,
        robots=not args.ignore_robots, max_urls=args.max_urls, since=args.since)


def default_state(output: str) -> str | None:
    """The state beside a file output; none for standard output or a device."""
    if output == "-" or writes_in_place(output):
        return None
    return output + STATE_SUFFIX


def usage_problem(args: argparse.Namespace) -> str | None:
    if not (args.urls or args.url_files or args.feeds or args.sitemaps):
        return "nothing to fetch: give URLs, --urls FILE, --feed URL or --sitemap URL"
    for flag, values in (("", args.urls), ("--feed ", args.feeds),
                         ("--sitemap ", args.sitemaps)):
        for value in values:
            if check_url(value) is None:
                return f"{flag}{value}: not an absolute http(s) URL"
    if args.output != "-" and (args.output.endswith(os.sep) or os.path.isdir(args.output)):
        return f"-o {args.output}: is a folder, expected a file"
    files = {"-o": args.output, "--errors": args.errors, "--state": args.state}
    named = {flag: os.path.realpath(path) for flag, path in files.items()
             if path and path != "-" and not writes_in_place(path)}
    for flag, path in named.items():
        for other, other_path in named.items():
            if flag < other and path == other_path:
                return f"{other} {files[other]}: is also {flag}"
    return None


class Stopped(Exception):
    """The run was stopped by a signal (SIGINT or SIGTERM)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def run_stoppable(coro: Coroutine[Any, Any, T]) -> T:
    """Run `coro` in a new event loop; SIGINT / SIGTERM cancel it (its clean-up
    runs) and raise Stopped."""

    async def runner() -> T:
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        assert task is not None
        caught: list[int] = []
        previous: dict[int, Any] = {}
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                previous[signum] = signal.getsignal(signum)
                loop.add_signal_handler(signum, _stop, task, caught, signum)
        try:
            return await coro
        except asyncio.CancelledError:
            if caught:
                raise Stopped(caught[0]) from None
            raise
        finally:
            for number, handler in previous.items():
                loop.remove_signal_handler(number)
                signal.signal(number, handler)

    return asyncio.run(runner())


def _stop(task: asyncio.Task[Any], caught: list[int], signum: int) -> None:
    if not caught:
        caught.append(signum)
        task.cancel()


def main(argv: argparse.Namespace | Sequence[str] | None = None, *,
         clock: Clock | None = None) -> int:
    """Run `cleaner fetch` with parsed arguments (from cleaner's parser) or a list."""
    args = argv if isinstance(argv, argparse.Namespace) else build_parser().parse_args(argv)
    problem = usage_problem(args)
    if problem:
        print(f"cleaner: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from .run import Sources, afetch_urls  # imports httpx: only when a fetch runs

    sources = Sources(tuple(args.urls), tuple(args.url_files), tuple(args.feeds),
                      tuple(args.sitemaps))
    state = args.state or default_state(args.output)
    try:
        # built-in rules, $CLEANER_RULES, then --rules, as `cleaner clean` layers them
        rules = load_rules(*default_rule_dirs([args.rules] if args.rules else []))
        report = run_stoppable(afetch_urls(
            sources, output=args.output, state=state, options=options_from(args),
            errors=args.errors, progress=not args.quiet and sys.stderr.isatty(), clock=clock,
            rules=rules))
    except RuleError as exc:
        print(f"cleaner: rule error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (SourceError, StateError) as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (LockHeld, OutputError) as exc:
        if isinstance(exc, OutputError) and exc.target == "standard output":
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more goes
            if isinstance(exc.__cause__, BrokenPipeError):
                return EXIT_FAILED  # the reader went away (`... -o - | head`): stop quietly
        print(f"cleaner: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except Stopped as exc:
        print(f"\ncleaner: fetch stopped ({exc}); the records written so far are kept",
              file=sys.stderr)
        return 128 + exc.signum
    except CleanerError as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not args.quiet:
        print(report.stats.summary(), file=sys.stderr)
    return EXIT_FAILED if report.stats.failures else EXIT_OK
