"""One fetch run: collect article URLs from the sources, fetch each page politely,
clean it with `clean_html` exactly as a saved page is cleaned, append a record
for each new or changed article, and remember what was seen.

Order of work: take the state lock, open (and repair) the output, adopt the
records a killed run wrote but never noted, read the sources (URL lists,
feeds, sitemaps; `--since`, `--max-urls`), then fetch the pages with at most
`concurrency` requests in flight (`per_host` per host, `delay` apart),
interleaving hosts so one slow host does not hold the others' places. Pages
are cleaned one at a time in a worker thread while other pages download.

For each page: a conditional GET with the validators the state holds; 304 is
"not modified"; a body whose hash matches the last one is "unchanged" without
cleaning; otherwise the page is cleaned and each record whose id this URL has
not had yet is appended (the line synced), then the state notes the
validators, the hash, the records and the output's size, in one transaction.
A run killed between the two leaves a complete line the state does not know
yet; the next run finds it past the noted size and adopts it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from types import TracebackType
from typing import TextIO
from urllib.parse import urlsplit

import httpx

from ..batch import printable
from ..errors import CleanerError, InputError
from ..io.decode import decode_document
from ..io.output import JsonlWriter
from ..io.text import declared_charset
from ..pipeline import clean_html
from ..record import Article, json_line
from ..rules import RuleSet, load_rules
from .append import AppendOutput, record_keys
from .http import Fetched, FetchError, HttpClient
from .options import Clock, FetchOptions
from .politeness import HostGate
from .robots import DISALLOWED, Robots
from .sources import (
    Entry,
    SourceError,
    check_url,
    is_recent,
    parse_feed,
    parse_sitemap,
    read_url_file,
)
from .state import RunLock, State

MAX_SITEMAPS = 200  # sitemap documents read per run (indexes included)
MAX_SITEMAP_DEPTH = 3  # index -> index -> sitemap is as deep as real sites go


@dataclass(slots=True)
class FetchStats:
    """Totals of a run, printed as its closing summary."""

    urls: int = 0  # article URLs tried
    fetched: int = 0  # answered 200
    unchanged: int = 0  # nothing new: 304, the same bytes, or the same article
    not_modified: int = 0  # of which 304
    new_records: int = 0
    no_article: int = 0
    robots: int = 0  # skipped: robots.txt disallows them
    failed: Counter[str] = field(default_factory=Counter)  # URLs and sources, by reason
    adopted: int = 0  # records found in the output that the state had not noted
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        return sum(self.failed.values())

    def summary(self) -> str:
        line = (f"fetched {self.fetched} of {self.urls} URLs -> {self.new_records} new records; "
                f"{self.unchanged} unchanged ({self.not_modified} not modified), "
                f"{self.no_article} without article text, {self.robots} skipped by robots.txt, "
                f"{self.failures} failed ({self.seconds:.1f} s)")
        lines = [line]
        if self.failed:
            lines.append("  failed: " + ", ".join(f"{kind} {count}" for kind, count
                                                  in self.failed.most_common()))
        if self.adopted:
            lines.append(f"  {self.adopted} records an interrupted run wrote were noted "
                         "in the state")
        return "\n".join(lines)


@dataclass(slots=True)
class FetchReport:
    """What `fetch_urls` returns: the totals, and the new articles when no output
    file was given."""

    stats: FetchStats
    articles: list[Article] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Sources:
    """Where the run's article URLs come from."""

    urls: Sequence[str] = ()
    url_files: Sequence[str] = ()
    feeds: Sequence[str] = ()
    sitemaps: Sequence[str] = ()


def fetch_urls(urls: Iterable[str] = (), *, url_files: Iterable[str] = (),
               feeds: Iterable[str] = (), sitemaps: Iterable[str] = (),
               output: str | None = None, state: str | None = None,
               options: FetchOptions | None = None, errors: str | None = None,
               log: TextIO | None = None, progress: bool = False, clock: Clock | None = None,
               rules: RuleSet | None = None,
               transport: httpx.AsyncBaseTransport | None = None) -> FetchReport:
    """Fetch and clean articles; see `afetch_urls` (this runs it in a new event loop)."""
    return asyncio.run(afetch_urls(
        Sources(tuple(urls), tuple(url_files), tuple(feeds), tuple(sitemaps)),
        output=output, state=state, options=options, errors=errors, log=log,
        progress=progress, clock=clock, rules=rules, transport=transport))


async def afetch_urls(sources: Sources, *, output: str | None = None, state: str | None = None,
                      options: FetchOptions | None = None, errors: str | None = None,
                      log: TextIO | None = None, progress: bool = False,
                      clock: Clock | None = None, rules: RuleSet | None = None,
                      transport: httpx.AsyncBaseTransport | None = None) -> FetchReport:
    """Fetch the sources' article pages and clean them.

    `output`: JSONL file the new records are appended to ('-': standard output);
    None keeps the new articles in the report instead. `state`: the SQLite state
    file (None: nothing is remembered after the run). `errors`: failures as JSON
    lines {"source", "error"} ('-': on `log`). Messages go to `log` (standard
    error by default). `rules`: as for clean_html (default: load_rules()).
    Raises RuleError, SourceError (an unreadable URL file), StateError, LockHeld
    (another run holds the state or the output) and OutputError; a URL or feed
    that fails is counted and reported, not raised."""
    options = options or FetchOptions()
    log = sys.stderr if log is None else log
    rules = load_rules() if rules is None else rules
    listed = [line for path in sources.url_files for line in read_url_file(path)]
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        if state:
            stack.enter_context(RunLock(state + ".lock", state))
        store = State(state)
        stack.callback(store.close)
        out = stack.enter_context(AppendOutput(output)) if output else None
        error_file = stack.enter_context(_ErrorFile(errors))
        run = _Run(options, clock or Clock(), rules, store, out, error_file, log, progress)
        if out is not None:
            run.recover()
        try:
            await run.go([*sources.urls, *listed], sources, transport)
        finally:
            run.stats.seconds = time.monotonic() - started
            run.bar.finish()
        return FetchReport(run.stats, run.articles)
    raise AssertionError("unreachable")


class _Run:
    def __init__(self, options: FetchOptions, clock: Clock, rules: RuleSet, state: State,
                 out: AppendOutput | None, errors: _ErrorFile, log: TextIO,
                 progress: bool) -> None:
        self.options, self.clock, self.rules = options, clock, rules
        self.state, self.out, self.errors, self.log = state, out, errors, log
        self.stats = FetchStats()
        self.articles: list[Article] = []
        self.bar = _Progress(log, progress, self.stats)
        self.gate = HostGate(options.per_host, options.delay, clock)

    def recover(self) -> None:
        """Repair note, then adopt records past the size the state noted for the output."""
        out = self.out
        assert out is not None
        if out.repair:
            self._say(f"cleaner: {printable(out.name)}: warning: {out.repair}")
        if out.key is None:
            return
        noted = self.state.output_size(out.key)
        start = 0 if noted is None else min(noted, out.size)
        found = (keys for keys in map(record_keys, out.lines_from(start)) if keys)
        self.stats.adopted = self.state.adopt(found, (out.key, out.size))

    async def go(self, urls: Sequence[str], sources: Sources,
                 transport: httpx.AsyncBaseTransport | None) -> None:
        http = HttpClient(self.options, self.clock, self.gate, transport)
        self.http = http
        self.robots = Robots(http, self.gate, self.options.robots)
        cleaning = ThreadPoolExecutor(1, thread_name_prefix="cleaner-fetch")
        self.cleaning = cleaning
        try:
            queue = deque(_interleave_hosts(await self._collect(urls, sources)))
            async with asyncio.TaskGroup() as group:
                for _ in range(min(self.options.concurrency, len(queue))):
                    group.create_task(self._worker(queue))
        except ExceptionGroup as failed:  # an output that cannot be written stops every worker
            for error in failed.exceptions:
                if isinstance(error, CleanerError):
                    raise error from error.__cause__
            raise
        finally:
            cleaning.shutdown(wait=False, cancel_futures=True)
            await http.aclose()

    # --- sources ---------------------------------------------------------------------

    async def _collect(self, urls: Sequence[str], sources: Sources) -> list[str]:
        found: dict[str, None] = {}
        limit = self.options.max_urls

        def add(url: str) -> None:
            if limit is None or len(found) < limit:
                found.setdefault(url)

        for raw in urls:
            self._add_checked(raw, add)
        for feed in sources.feeds:
            if limit is not None and len(found) >= limit:
                break
            for entry in await self._read_feed(feed):
                if is_recent(entry, self.options.since):
                    add(entry.url)
        await self._read_sitemaps(sources.sitemaps, add, lambda: limit is not None
                                  and len(found) >= limit)
        return list(found)

    def _add_checked(self, raw: str, add: Callable[[str], None]) -> None:
        url = check_url(raw)
        if url is None:
            self._failed(raw, FetchError("invalid URL", "expected an absolute http(s) URL"))
        else:
            add(url)

    async def _fetch_source(self, url: str) -> Fetched | None:
        try:
            return await self.http.get(url, "xml", permit=self.robots.check)
        except FetchError as exc:
            self._failed(url, exc)
            return None

    async def _read_feed(self, url: str) -> list[Entry]:
        fetched = await self._fetch_source(url)
        if fetched is None:
            return []
        try:
            return parse_feed(fetched.body, fetched.final_url, self.options.max_xml_bytes)
        except SourceError as exc:
            self._failed(url, FetchError("bad feed", str(exc)))
            return []

    async def _read_sitemaps(self, roots: Sequence[str], add: Callable[[str], None],
                             full: Callable[[], bool]) -> None:
        queue: deque[tuple[str, int]] = deque((url, 0) for url in roots)
        seen: set[str] = set()
        while queue and not full() and len(seen) < MAX_SITEMAPS:
            url, depth = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            fetched = await self._fetch_source(url)
            if fetched is None:
                continue
            try:
                found = parse_sitemap(fetched.body, fetched.final_url,
                                      self.options.max_xml_bytes)
            except SourceError as exc:
                self._failed(url, FetchError("bad sitemap", str(exc)))
                continue
            for entry in found.pages:
                if is_recent(entry, self.options.since):
                    add(entry.url)
            for child in found.sitemaps:
                if depth < MAX_SITEMAP_DEPTH and is_recent(child, self.options.since):
                    queue.append((child.url, depth + 1))

    # --- pages -----------------------------------------------------------------------

    async def _worker(self, queue: deque[str]) -> None:
        while queue:
            await self._page(queue.popleft())
            self.bar.update()

    async def _page(self, url: str) -> None:
        self.stats.urls += 1
        prior = self.state.page(url)
        try:
            fetched = await self.http.get(url, "page", permit=self.robots.check,
                                          headers=prior.conditional_headers() if prior else None)
        except FetchError as exc:
            if exc.kind == DISALLOWED:
                self.stats.robots += 1
                self.state.note(url, None, DISALLOWED)
            else:
                self._failed(url, exc)
                self.state.note(url, exc.status, str(exc))
            return
        if fetched.status == 304:
            self.stats.unchanged += 1
            self.stats.not_modified += 1
            self.state.note(url, 304, "not modified")
            return
        self.stats.fetched += 1
        digest = hashlib.blake2b(fetched.body, digest_size=16).hexdigest()
        if prior is not None and prior.content_hash == digest:
            self.stats.unchanged += 1
            self._save(url, fetched, digest, "unchanged (same bytes)")
            return
        loop = asyncio.get_running_loop()
        try:
            articles, warnings = await loop.run_in_executor(self.cleaning, _clean, fetched,
                                                            self.rules)
        except CleanerError as exc:
            self._failed(url, FetchError("not cleaned", str(exc)))
            self.state.note(url, fetched.status, f"not cleaned: {exc}")
            return
        except Exception as exc:  # a bug must cost one page, not the run
            self._failed(url, FetchError("internal error", f"{type(exc).__name__}: {exc}"))
            return
        for warning in warnings:
            self._say(f"cleaner: {printable(url)}: warning: {warning}")
        if not articles:
            self.stats.no_article += 1
            self._save(url, fetched, digest, "no article text")
            return
        new = [a for a in articles if not self.state.has_record(url, a.id)]
        for article in new:
            self._emit(article)
        self.stats.new_records += len(new)
        if not new:
            self.stats.unchanged += 1
        self._save(url, fetched, digest, "new record" if new else "unchanged (same article)",
                   record_id=articles[-1].id, new_records=[a.id for a in new])

    def _emit(self, article: Article) -> None:
        if self.out is None:
            self.articles.append(article)
        else:
            self.out.write(json_line(article.to_dict()))

    def _save(self, url: str, fetched: Fetched, digest: str, outcome: str,
              record_id: str | None = None, new_records: Sequence[str] = ()) -> None:
        output = None
        if self.out is not None and new_records:
            self.out.sync()
            if self.out.key is not None:
                output = (self.out.key, self.out.size)
        self.state.save(url, status=fetched.status, outcome=outcome, etag=fetched.etag,
                        last_modified=fetched.last_modified, content_hash=digest,
                        record_id=record_id, new_records=new_records, output=output)

    # --- reporting -------------------------------------------------------------------

    def _failed(self, source: str, error: FetchError) -> None:
        self.stats.failed[error.kind] += 1
        line = self.errors.line(source, str(error))
        self._say(line.decode().rstrip("\n") if line is not None
                  else f"cleaner: {printable(source)}: {printable(str(error))}")

    def _say(self, line: str) -> None:
        self.bar.clear()
        self.log.write(line + "\n")


def _clean(fetched: Fetched, rules: RuleSet) -> tuple[list[Article], list[str]]:
    """Decode a page as a saved page is decoded, the Content-Type charset first,
    then the page's own; clean it with clean_html."""
    declared = fetched.charset if _known_codec(fetched.charset) else None
    decoded = decode_document(fetched.body, declared or declared_charset(fetched.body))
    articles = clean_html(decoded.text, url=fetched.final_url, source=fetched.url, rules=rules)
    warnings = []
    if decoded.garbled and not articles:
        raise InputError("the decoded text reads as noise (unknown or wrong encoding); "
                         "no article found")
    if decoded.garbled:
        warnings.append("the decoded text may be garbled (encoding guessed)")
    if decoded.replaced:
        warnings.append(f"{decoded.replaced} bytes not valid UTF-8 replaced by U+FFFD")
    return articles, warnings


def _known_codec(name: str | None) -> bool:
    if not name:
        return False
    try:
        "".encode(name)
    except LookupError:
        return False
    return True


def _interleave_hosts(urls: Iterable[str]) -> list[str]:
    """Round-robin over hosts, each host's URLs in their order, so the first
    requests spread over every host instead of queueing behind one."""
    by_host: dict[str, deque[str]] = {}
    for url in urls:
        by_host.setdefault(urlsplit(url).netloc, deque()).append(url)
    order: list[str] = []
    while by_host:
        for host in list(by_host):
            order.append(by_host[host].popleft())
            if not by_host[host]:
                del by_host[host]
    return order


class _ErrorFile:
    """--errors FILE: one JSON line {"source", "error"} per failure, written whole
    when the run ends (like `cleaner clean --errors`); '-' writes them to the log."""

    def __init__(self, target: str | None) -> None:
        self.to_log = target == "-"
        self._writer = JsonlWriter(target, name=target) if target and not self.to_log else None

    def __enter__(self) -> _ErrorFile:
        if self._writer is not None:
            self._writer.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._writer is not None:
            self._writer.__exit__(kind, exc, tb)

    def line(self, source: str, error: str) -> bytes | None:
        """Note a failure; the JSON line when it belongs on the log instead."""
        line = json_line({"source": source, "error": error})
        if self._writer is not None:
            self._writer.write_line(line)
        return line if self.to_log else None


class _Progress:
    """One line on a terminal, redrawn at most every 0.2 s."""

    def __init__(self, stream: TextIO, enabled: bool, stats: FetchStats) -> None:
        self.stream, self.enabled, self.stats = stream, enabled, stats
        self.last = 0.0
        self.shown = False

    def update(self) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.2:
            return
        self.last = now
        s = self.stats
        self.clear()
        self.stream.write(f"{s.urls} URLs: {s.new_records} new, {s.unchanged} unchanged, "
                          f"{s.robots} robots, {s.failures} failed")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Wipe the progress line, so a message gets a line of its own."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.shown = False

    def finish(self) -> None:
        self.clear()
