"""Helpers for the fetch tests (no tests here): a real HTTP server on 127.0.0.1
(pytest-httpserver, threaded) with handlers for fault injection, article pages,
and a clock whose sleep only counts.

`responses` is not used: it patches the requests library, and cleaner fetches
with httpx, which it cannot intercept. A real local server tests the whole
path (sockets, streaming, timeouts, dropped connections) instead.
"""

from __future__ import annotations

import asyncio
import gzip
import threading
from collections.abc import Callable, Iterable, Iterator
from email.utils import formatdate

from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Request, Response

from cleaner.fetch import Clock

HTML = "text/html; charset=utf-8"


def article_page(n: int, version: int = 1, extra: str = "") -> bytes:
    """An article page with a headline and four paragraphs of running text."""
    paras = "".join(
        f"<p>Paragraph {i} of story {n}, version {version}: the harbour council voted on "
        f"Tuesday to add two evening ferries to the island route, its chair said.</p>"
        for i in range(4))
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>Ferry story number {n} makes the news</title></head><body><article>"
            f"<h1>Ferry story number {n} makes the news</h1>{paras}{extra}</article>"
            f"</body></html>").encode()


class FakeClock(Clock):
    """Time that moves only when the run sleeps; every sleep is recorded."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.t

    def wall(self) -> float:
        return 1_700_000_000.0 + self.t

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds
        await asyncio.sleep(0)


class _QuickServer(HTTPServer):
    """Stops within 10 ms instead of the default 0.5 s poll."""

    def thread_target(self) -> None:
        assert self.server is not None
        self.server.serve_forever(poll_interval=0.01)


class Site:
    """A local web site for one test; paths not set up answer 404 (so robots.txt
    is absent unless a test serves one)."""

    def __init__(self) -> None:
        self.server = _QuickServer(host="127.0.0.1", port=0, threaded=True)
        self.server.no_handler_status_code = 404
        self.release = threading.Event()  # handlers that block wait for this

    def __enter__(self) -> Site:
        self.server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.server.clear()
        if self.server.is_running():
            self.server.stop()

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def serve(self, path: str, body: bytes | str, content_type: str = HTML, status: int = 200,
              headers: dict[str, str] | None = None) -> None:
        self.server.expect_request(path).respond_with_data(
            body, status=status, content_type=content_type, headers=headers)

    def handle(self, path: str, handler: Callable[[Request], Response]) -> None:
        self.server.expect_request(path).respond_with_handler(handler)

    def sequence(self, path: str, responses: Iterable[Response]) -> None:
        """Answer each request with the next response; the last one repeats."""
        answers = list(responses)
        lock = threading.Lock()

        def next_answer(request: Request) -> Response:
            with lock:
                return answers.pop(0) if len(answers) > 1 else answers[0]

        self.handle(path, next_answer)

    def requests(self, path: str) -> list[Request]:
        return [request for request, _ in self.server.log if request.path == path]

    def hits(self, path: str) -> int:
        return len(self.requests(path))


def site_fixture() -> Iterator[Site]:
    with Site() as site:
        yield site


def response(body: bytes | str | Iterable[bytes] = b"", status: int = 200, content_type: str = HTML,
             **headers: str) -> Response:
    return Response(body, status=status, content_type=content_type,
                    headers={key.replace("_", "-"): value for key, value in headers.items()})


def dropped(sent: bytes = b"<html><body><p>Half a story", declared: int = 20_000) -> Response:
    """Headers promising `declared` bytes, then `sent` and a closed connection."""

    def body() -> Iterator[bytes]:
        yield sent
        raise ConnectionAbortedError("test: connection dropped mid-body")

    return Response(body(), headers={"Content-Type": HTML, "Content-Length": str(declared)})


def http_date(unix: float) -> str:
    return formatdate(unix, usegmt=True)


def rss(items: Iterable[tuple[str, str | None]]) -> str:
    """An RSS 2.0 feed of (link, RFC 822 date or None) items."""
    entries = "".join(
        f"<item><title>t</title><link>{link}</link>"
        + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>"
        for link, date in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>News</title><link>http://example.invalid/</link>{entries}</channel></rss>")


def urlset(urls: Iterable[str], lastmod: str | None = None) -> str:
    date = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    body = "".join(f"<url><loc>{url}</loc>{date}</url>" for url in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>')


def sitemap_index(urls: Iterable[str]) -> str:
    body = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}'
            "</sitemapindex>")


def gz(text: str) -> bytes:
    return gzip.compress(text.encode())


BOMB = ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
                  for i in range(1, 10))
        + ']>\n<rss version="2.0"><channel><item><link>http://x.invalid/&lol9;</link></item>'
          "</channel></rss>")
