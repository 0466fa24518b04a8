"""Fetching against a real HTTP server on 127.0.0.1 with faults injected: retries
(request counts, and waits that honour Retry-After, on a clock whose sleep only
counts), dropped connections, timeouts, redirects, content types, size caps,
robots.txt, politeness, charsets."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator

import httpx
import pytest
from test_fetch_support import (
    FakeClock,
    Site,
    article_page,
    dropped,
    http_date,
    response,
    site_fixture,
)
from werkzeug.wrappers import Request, Response

from cleaner.fetch import FetchOptions, FetchReport, fetch_urls

FAST = FetchOptions(delay=0.0, backoff=0.5, max_backoff=4.0, retries=3, read_timeout=5.0)


@pytest.fixture
def site() -> Iterator[Site]:
    yield from site_fixture()


def fetch(site: Site, *paths: str, clock: FakeClock | None = None,
          options: FetchOptions = FAST) -> FetchReport:
    return fetch_urls([site.url(path) for path in paths], options=options,
                      clock=clock or FakeClock())


# --- retries -------------------------------------------------------------------------


def test_429_with_retry_after_seconds_waits_that_long_then_succeeds(site: Site) -> None:
    site.sequence("/a", [response("busy", 429, Retry_After="7"), response(article_page(1))])
    clock = FakeClock()
    report = fetch(site, "/a", clock=clock)
    assert site.hits("/a") == 2
    assert clock.sleeps == [7.0]
    assert report.stats.new_records == 1 and not report.stats.failed


def test_429_with_retry_after_http_date_is_measured_from_the_server_date(site: Site) -> None:
    # Our (fake) wall clock is years off: only the server's Date header and its
    # Retry-After date count (both to the second, hence the range).
    site.sequence("/a", [response("busy", 429, Retry_After=http_date(time.time() + 12)),
                         response(article_page(1))])
    clock = FakeClock()
    report = fetch(site, "/a", clock=clock)
    assert site.hits("/a") == 2
    (wait,) = clock.sleeps
    assert 11.0 <= wait <= 13.0
    assert report.stats.new_records == 1


def test_503_twice_then_200_backs_off_exponentially_with_jitter(site: Site) -> None:
    site.sequence("/a", [response("down", 503), response("down", 503),
                         response(article_page(1))])
    clock = FakeClock()
    report = fetch(site, "/a", clock=clock)
    assert site.hits("/a") == 3
    first, second = clock.sleeps
    assert 0.5 <= first <= 1.0 and 1.0 <= second <= 1.5  # backoff * 2**n + jitter in [0, backoff]
    assert report.stats.new_records == 1


def test_persistent_503_gives_up_after_the_retries(site: Site) -> None:
    site.serve("/a", "down", status=503)
    clock = FakeClock()
    report = fetch(site, "/a", clock=clock)
    assert site.hits("/a") == 4  # the first attempt and 3 retries
    assert len(clock.sleeps) == 3
    assert report.stats.failed == {"HTTP 503": 1}


def test_retry_after_over_the_cap_leaves_the_url_for_the_next_run(site: Site) -> None:
    site.serve("/a", "busy", status=429, headers={"Retry-After": "3600"})
    clock = FakeClock()
    report = fetch(site, "/a", clock=clock)
    assert site.hits("/a") == 1
    assert clock.sleeps == []
    assert report.stats.failed == {"HTTP 429": 1}


def test_url_budget_bounds_the_total_wait(site: Site) -> None:
    site.serve("/a", "busy", status=503, headers={"Retry-After": "100"})
    clock = FakeClock()
    report = fetch(site, "/a", clock=clock, options=FetchOptions(
        delay=0.0, retries=10, max_retry_after=120, url_budget=250))
    assert site.hits("/a") == 3  # 100 + 100 s fit in 250 s, a third wait would not
    assert clock.sleeps == [100.0, 100.0]
    assert report.stats.failed == {"HTTP 503": 1}


def test_other_4xx_are_not_retried(site: Site) -> None:
    site.serve("/gone", "gone", status=410)
    site.serve("/missing", "missing", status=404)
    clock = FakeClock()
    report = fetch(site, "/gone", "/missing", clock=clock)
    assert site.hits("/gone") == site.hits("/missing") == 1
    assert clock.sleeps == []
    assert report.stats.failed == {"HTTP 410": 1, "HTTP 404": 1}


def test_connection_dropped_mid_body_is_retried(site: Site) -> None:
    site.sequence("/a", [dropped(), response(article_page(1))])
    site.handle("/always", lambda request: dropped())
    clock = FakeClock()
    report = fetch(site, "/a", "/always", clock=clock,
                   options=FetchOptions(delay=0.0, backoff=0.5, retries=2))
    assert site.hits("/a") == 2
    assert site.hits("/always") == 3
    assert report.stats.new_records == 1
    assert report.stats.failed == {"connection dropped": 1}


def test_read_timeout_is_retried_then_reported(site: Site) -> None:
    arrived: list[str] = []

    def slow(request: Request) -> Response:
        arrived.append(request.path)
        site.release.wait(5.0)  # answers only once the test is over
        return response(article_page(1))

    site.handle("/slow", slow)
    clock = FakeClock()
    report = fetch(site, "/slow", clock=clock,
                   options=FetchOptions(delay=0.0, read_timeout=0.2, retries=1, backoff=0.1))
    assert arrived == ["/slow", "/slow"]
    assert len(clock.sleeps) == 1
    assert report.stats.failed == {"timeout": 1}


# --- redirects, content, size ----------------------------------------------------------


def test_redirect_loop_is_named_and_not_retried(site: Site) -> None:
    site.serve("/a", "", status=302, headers={"Location": "/b"})
    site.serve("/b", "", status=301, headers={"Location": "/a"})
    report = fetch(site, "/a")
    assert site.hits("/a") == 1 and site.hits("/b") == 1
    assert report.stats.failed == {"redirect loop": 1}


def test_redirect_chain_over_the_cap(site: Site) -> None:
    for n in range(4):
        site.serve(f"/r{n}", "", status=302, headers={"Location": f"/r{n + 1}"})
    report = fetch(site, "/r0", options=FetchOptions(delay=0.0, max_redirects=2))
    assert report.stats.failed == {"too many redirects": 1}
    assert site.hits("/r3") == 0


def test_redirect_is_followed_and_the_record_keeps_the_asked_url(site: Site) -> None:
    site.serve("/old", "", status=301, headers={"Location": "/new"})
    site.serve("/new", article_page(1))
    report = fetch(site, "/old")
    (article,) = report.articles
    assert article.source == site.url("/old")
    assert article.url == site.url("/new")


def test_non_html_content_type_is_reported_not_cleaned(site: Site) -> None:
    site.serve("/doc.pdf", b"%PDF-1.7 ...", content_type="application/pdf")
    report = fetch(site, "/doc.pdf")
    assert report.stats.failed == {"not HTML": 1}
    assert report.articles == []


def test_body_over_the_cap_is_refused_while_streaming(site: Site) -> None:
    big = article_page(1, extra="<p>" + "word " * 100_000 + "</p>")

    def chunked(request: Request) -> Response:
        return response(iter([big[i:i + 8192] for i in range(0, len(big), 8192)]))

    site.handle("/chunked", chunked)
    site.serve("/declared", big)
    options = FetchOptions(delay=0.0, max_bytes=100_000)
    report = fetch(site, "/chunked", "/declared", options=options)
    assert report.stats.failed == {"too large": 2}
    assert site.hits("/chunked") == 1  # a size cap is final, not retried


# --- robots.txt and politeness -----------------------------------------------------------


def test_robots_txt_disallow_skips_the_page_without_requesting_it(site: Site) -> None:
    site.serve("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.serve("/private/a", article_page(1))
    site.serve("/public/b", article_page(2))
    report = fetch(site, "/private/a", "/public/b")
    assert site.hits("/private/a") == 0
    assert site.hits("/robots.txt") == 1  # once per host per run
    assert report.stats.robots == 1 and report.stats.new_records == 1
    assert not report.stats.failed


def test_robots_txt_is_matched_by_our_user_agent_token(site: Site) -> None:
    site.serve("/robots.txt", "User-agent: cleaner\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
               content_type="text/plain")
    site.serve("/a", article_page(1))
    assert fetch(site, "/a").stats.robots == 1
    other = FetchOptions(delay=0.0, user_agent="newsbot/1.0 (+mailto:ops@example.org)")
    assert fetch(site, "/a", options=other).stats.new_records == 1
    assert site.requests("/a")[0].headers["User-Agent"] == other.user_agent


def test_robots_txt_5xx_waits_and_retries_then_leaves_the_host_for_later(site: Site) -> None:
    site.serve("/robots.txt", "oops", status=503)
    site.serve("/a", article_page(1))
    clock = FakeClock()
    report = fetch(site, "/a", clock=clock)
    assert site.hits("/robots.txt") == 4 and len(clock.sleeps) == 3
    assert site.hits("/a") == 0
    assert report.stats.failed == {"robots.txt unavailable": 1}


def test_robots_txt_4xx_means_everything_is_allowed(site: Site) -> None:
    site.serve("/robots.txt", "forbidden", status=403)
    site.serve("/a", article_page(1))
    assert fetch(site, "/a").stats.new_records == 1


def test_per_host_delay_spaces_requests(site: Site) -> None:
    for n in range(3):
        site.serve(f"/a{n}", article_page(n))
    clock = FakeClock()
    report = fetch(site, "/a0", "/a1", "/a2", clock=clock,
                   options=FetchOptions(delay=5.0, per_host=1, concurrency=8))
    assert report.stats.new_records == 3
    assert clock.sleeps == [5.0, 5.0, 5.0]  # robots.txt, then three pages, 5 s apart


def test_crawl_delay_longer_than_ours_wins(site: Site) -> None:
    site.serve("/robots.txt", "User-agent: *\nCrawl-delay: 9\n", content_type="text/plain")
    for n in range(2):
        site.serve(f"/a{n}", article_page(n))
    clock = FakeClock()
    fetch(site, "/a0", "/a1", clock=clock, options=FetchOptions(delay=1.0, per_host=1))
    assert clock.sleeps == [9.0, 9.0]


def test_charset_comes_from_the_content_type_header(site: Site) -> None:
    page = article_page(1, extra="<p>The new café on the pier opened its doors to the island "
                                 "ferry passengers on Tuesday morning, the owner said.</p>")
    site.serve("/cp", page.decode().replace("charset='utf-8'", "").encode("cp1252"),
               content_type="text/html; charset=windows-1252")
    (article,) = fetch(site, "/cp").articles
    assert "The new café on the pier" in article.body


def test_redirect_to_another_host_obeys_that_hosts_robots_txt() -> None:
    # Two hosts, so httpx.MockTransport (a unit test's transport) instead of the server.
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/robots.txt":
            if request.url.host == "a.example":
                return httpx.Response(404)
            return httpx.Response(200, text="User-agent: *\nDisallow: /story\n")
        if request.url.host == "a.example":
            return httpx.Response(302, headers={"Location": "https://b.example/story"})
        return httpx.Response(200, content=article_page(1), headers={"Content-Type": "text/html"})

    report = fetch_urls(["https://a.example/moved"], options=FAST, clock=FakeClock(),
                        transport=httpx.MockTransport(handler))
    assert report.stats.robots == 1 and report.articles == []
    assert seen == ["https://a.example/robots.txt", "https://a.example/moved",
                    "https://b.example/robots.txt"]


def test_progress_line_is_wiped_before_messages() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404)

    log = io.StringIO()
    report = fetch_urls(["https://a.example/1", "https://a.example/2"], options=FAST,
                        clock=FakeClock(), transport=httpx.MockTransport(handler), log=log,
                        progress=True)
    assert report.stats.failed == {"HTTP 404": 2}
    text = log.getvalue()
    assert re.search(r"\d URLs: 0 new, 0 unchanged, 0 robots, 1 failed\r\x1b\[K"
                     r"cleaner: https://a.example/2: HTTP 404\n", text)
    assert text.startswith("cleaner: https://a.example/1: HTTP 404\n")
