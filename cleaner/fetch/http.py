"""HTTP for fetching: one httpx.AsyncClient (pooled connections, timeouts, our
User-Agent), redirects followed by hand, tenacity retries, bounded bodies.

Redirects are followed here rather than by httpx so that every hop is checked
against robots.txt and the per-host politeness, a loop is named as one
(`redirect loop: A -> B -> A`) and the cap is ours. A body is read as a
stream and refused one byte past the cap (counted after content decoding,
so a gzip bomb costs at most the cap), or refused before any of it is read
when Content-Length already says it is too big.

Retries: connect errors, timeouts, a connection dropped mid-response, 429 and
5xx are tried again with exponential backoff plus jitter, or after the
server's Retry-After (seconds, or an HTTP date read against the response's
own Date header when it has one, so a skewed local clock does not matter).
A Retry-After longer than `max_retry_after` gives the URL up for this run
instead of waiting. Other 4xx are final at once. `url_budget` bounds one
URL's attempts and waits together, and each attempt in real time too, so a
server that drips a byte at a time cannot hold a run.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Literal

import httpx
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception
from tenacity.wait import wait_exponential, wait_random

from .options import Clock, FetchOptions
from .politeness import HostGate

Kind = Literal["page", "xml", "robots"]
HTML_TYPES = ("text/html", "application/xhtml+xml")
DRAIN_BYTES = 64 * 1024  # an unneeded body up to this size is read to keep the connection
_ACCEPT: dict[Kind, str] = {
    "page": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "xml": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,"
           "*/*;q=0.5",
    "robots": "text/plain,*/*;q=0.5",
}


class FetchError(Exception):
    """Why a URL gave no usable response. `kind` is the short reason the summary
    counts ("HTTP 404", "timeout", "too large", ...); the message adds details."""

    def __init__(self, kind: str, detail: str = "", *, status: int | None = None,
                 transient: bool = False, retry_after: float | None = None) -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind, self.detail, self.status = kind, detail, status
        self.transient, self.retry_after = transient, retry_after
        self.attempts = 1

    def __str__(self) -> str:
        text = super().__str__()
        return f"{text} (after {self.attempts} attempts)" if self.attempts > 1 else text


@dataclass(frozen=True, slots=True)
class Fetched:
    """A final response: 200 with its body, or 304 (not modified) without one."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None  # from the Content-Type header
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 1


Permit = Callable[[str], Awaitable[None]]  # raises FetchError when a URL may not be fetched


def retry_after_seconds(value: str | None, date: str | None, now: float) -> float | None:
    """Retry-After as seconds from now: delta-seconds, or an HTTP date measured from
    the response's Date (else from `now`, a Unix time). None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return None
    if date:
        with contextlib.suppress(TypeError, ValueError, IndexError):
            now = parsedate_to_datetime(date).timestamp()
    return max(0.0, when - now)


def origin(url: httpx.URL | str) -> str:
    """scheme://host[:port] as httpx normalises it: the key of per-host politeness
    and of robots.txt."""
    url = httpx.URL(url)
    return f"{url.scheme}://{url.netloc.decode('ascii', 'replace')}"


class HttpClient:
    """GET with retries, politeness and caps; one per run (one connection pool)."""

    def __init__(self, options: FetchOptions, clock: Clock, gate: HostGate,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.options, self.clock, self.gate = options, clock, gate
        self.client = httpx.AsyncClient(
            headers={"User-Agent": options.user_agent},
            timeout=httpx.Timeout(connect=options.connect_timeout, read=options.read_timeout,
                                  write=options.read_timeout, pool=None),
            limits=httpx.Limits(max_connections=options.concurrency + 1,
                                max_keepalive_connections=options.concurrency + 1),
            follow_redirects=False, transport=transport)
        self._backoff = (wait_exponential(multiplier=options.backoff, max=options.max_backoff)
                         + wait_random(0, options.backoff))

    async def aclose(self) -> None:
        await self.client.aclose()

    async def get(self, url: str, kind: Kind = "page", *, headers: Mapping[str, str] | None = None,
                  permit: Permit | None = None, limit: int | None = None,
                  truncate: bool = False) -> Fetched:
        """The response to GET `url` (200 or 304), after retries; FetchError if none.
        `limit`: the body's cap (default: max_bytes, max_xml_bytes for "xml");
        `truncate`: keep the first `limit` bytes of a longer body instead of refusing it."""
        if limit is None:
            limit = self.options.max_xml_bytes if kind == "xml" else self.options.max_bytes
        started = self.clock.now()
        attempts = 0

        def stop(state: RetryCallState) -> bool:
            if state.attempt_number > self.options.retries:
                return True
            return self.clock.now() - started + state.upcoming_sleep > self.options.url_budget

        retrying = AsyncRetrying(sleep=self.clock.sleep, stop=stop, wait=self._wait,
                                 retry=retry_if_exception(_retryable), reraise=True)
        try:
            async for attempt in retrying:
                with attempt:
                    attempts += 1
                    fetched = await self._attempt(url, kind, headers or {}, permit, limit,
                                                  truncate)
                    return dataclasses.replace(fetched, attempts=attempts)
        except FetchError as exc:
            exc.attempts = attempts
            raise
        raise AssertionError("unreachable: tenacity either returns or raises")

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, FetchError) and error.retry_after is not None:
            return error.retry_after
        return float(self._backoff(state))

    async def _attempt(self, url: str, kind: Kind, headers: Mapping[str, str],
                       permit: Permit | None, limit: int, truncate: bool) -> Fetched:
        try:
            async with asyncio.timeout(self.options.url_budget):
                return await self._follow(url, kind, headers, permit, limit, truncate)
        except TimeoutError:
            raise FetchError("timeout", f"no complete response within "
                             f"{self.options.url_budget:g} s") from None
        except httpx.InvalidURL as exc:
            raise FetchError("invalid URL", str(exc)) from None
        except httpx.HTTPError as exc:
            raise _transport_error(exc) from None

    async def _follow(self, url: str, kind: Kind, headers: Mapping[str, str],
                      permit: Permit | None, limit: int, truncate: bool) -> Fetched:
        request = self.client.build_request("GET", url, headers={"Accept": _ACCEPT[kind],
                                                                 **headers})
        chain = [str(request.url)]
        for _ in range(self.options.max_redirects + 1):
            if permit is not None:
                await permit(str(request.url))
            async with self.gate.slot(origin(request.url)):
                response = await self.client.send(request, stream=True)
                try:
                    following = response.next_request if response.has_redirect_location else None
                    if following is None:
                        return await self._complete(url, response, kind, limit, truncate)
                    await _drain(response)
                finally:
                    await response.aclose()
            request = following
            target = str(request.url)
            if target in chain:
                raise FetchError("redirect loop", " -> ".join([*chain, target]))
            chain.append(target)
        raise FetchError("too many redirects", f"more than {self.options.max_redirects}: "
                         + " -> ".join(chain))

    async def _complete(self, url: str, response: httpx.Response, kind: Kind, limit: int,
                        truncate: bool) -> Fetched:
        status = response.status_code
        content_type = response.headers.get("content-type", "")
        found = Fetched(url, str(response.url), status, content_type=content_type,
                        charset=response.charset_encoding, etag=response.headers.get("etag"),
                        last_modified=response.headers.get("last-modified"))
        if status != 200:
            await _drain(response)
        if status == 304:
            return found
        if status == 429 or 500 <= status <= 599:
            raise self._retry_later(response)
        if status != 200:
            raise FetchError(f"HTTP {status}", status=status)
        media = content_type.split(";")[0].strip().lower()
        if kind == "page" and media and media not in HTML_TYPES:
            raise FetchError("not HTML", f"content type {media}")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit and not truncate:
            raise FetchError("too large", f"{int(declared):,} bytes, over the {limit:,}-byte "
                             "limit")
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) > limit:
                if truncate:
                    del body[limit:]
                    break
                raise FetchError("too large", f"over the {limit:,}-byte limit (stopped reading)")
        return dataclasses.replace(found, body=bytes(body))

    def _retry_later(self, response: httpx.Response) -> FetchError:
        status = response.status_code
        dates = response.headers.get_list("date")
        wait = retry_after_seconds(response.headers.get("retry-after"),
                                   dates[0] if dates else None, self.clock.wall())
        if wait is not None and wait > self.options.max_retry_after:
            return FetchError(f"HTTP {status}", f"Retry-After {wait:g} s is over the "
                              f"{self.options.max_retry_after:g} s limit; left for the next run",
                              status=status)
        return FetchError(f"HTTP {status}", status=status, transient=True, retry_after=wait)


async def _drain(response: httpx.Response) -> None:
    """Read a small body we do not need (a redirect's, an error page, a 304's empty
    one) so the connection goes back to the pool; a large one is not worth it."""
    if response.is_stream_consumed:  # read already (a test's MockTransport)
        return
    read = 0
    async for chunk in response.aiter_raw():
        read += len(chunk)
        if read > DRAIN_BYTES:
            break


def _retryable(error: BaseException) -> bool:
    return isinstance(error, FetchError) and error.transient


def _transport_error(exc: httpx.HTTPError) -> FetchError:
    """An httpx error as a FetchError: network trouble is transient, the rest final."""
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchError("connect timeout", detail, transient=True)
    if isinstance(exc, httpx.TimeoutException):
        return FetchError("timeout", detail or "read timed out", transient=True)
    if isinstance(exc, httpx.RemoteProtocolError):
        return FetchError("connection dropped", detail, transient=True)
    if isinstance(exc, httpx.ConnectError):
        return FetchError("cannot connect", detail, transient=True)
    if isinstance(exc, httpx.NetworkError | httpx.ProxyError):
        return FetchError("connection error", detail, transient=True)
    if isinstance(exc, httpx.DecodingError):
        return FetchError("bad content encoding", detail)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return FetchError("invalid URL", detail)
    return FetchError("request error", f"{type(exc).__name__}: {detail}")
