"""`cleaner fetch` end to end against a real server on 127.0.0.1: feeds and
sitemaps leading to pages, conditional re-runs, changed pages, the run lock,
a killed run resumed, signals, exit codes. Runs go through the fetch command's
main (in-process) or `python -m cleaner.fetch` (a subprocess)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from test_fetch_support import (
    BOMB,
    FakeClock,
    Site,
    article_page,
    gz,
    response,
    rss,
    site_fixture,
    sitemap_index,
    urlset,
)
from werkzeug.wrappers import Request, Response

from cleaner.fetch import FetchOptions, fetch_urls
from cleaner.fetch.cli import main
from cleaner.record import json_line

REPO = Path(__file__).resolve().parent.parent
QUICK = ["--delay", "0", "--retries", "0", "-q"]
NO_DELAY = FetchOptions(delay=0.0)


@pytest.fixture
def site() -> Iterator[Site]:
    yield from site_fixture()


def run(*args: str) -> int:
    return main([*args], clock=FakeClock())


def records(path: Path) -> list[dict[str, Any]]:
    """Every line of a JSONL file, parsed (a line that does not parse fails the test)."""
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def serve_pages(site: Site, count: int) -> list[str]:
    for n in range(count):
        site.serve(f"/a{n}", article_page(n))
    return [site.url(f"/a{n}") for n in range(count)]


def start(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "cleaner.fetch", *args], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for(condition: Callable[[], bool], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


def blocking(site: Site, arrived: list[str]) -> Callable[[Request], Response]:
    """A page handler that notes its request and answers only when released."""

    def handler(request: Request) -> Response:
        arrived.append(request.path)
        site.release.wait(20.0)
        return response(article_page(99))

    return handler


# --- sources --------------------------------------------------------------------------


def test_feed_leads_to_article_pages(site: Site, tmp_path: Path) -> None:
    urls = serve_pages(site, 3)
    site.serve("/feed.xml", rss((url, None) for url in urls), content_type="application/rss+xml")
    out = tmp_path / "news.jsonl"
    assert run("--feed", site.url("/feed.xml"), "-o", str(out), *QUICK) == 0
    assert sorted(r["source"] for r in records(out)) == urls
    assert (tmp_path / "news.jsonl.fetch.sqlite").exists()  # the default state, beside OUT


def test_sitemaps_plain_index_and_gzipped_lead_to_pages(site: Site, tmp_path: Path) -> None:
    urls = serve_pages(site, 4)
    site.serve("/index.xml", sitemap_index([site.url("/s1.xml"), site.url("/s2.xml.gz")]),
               content_type="application/xml")
    site.serve("/s1.xml", urlset(urls[:2]), content_type="application/xml")
    site.serve("/s2.xml.gz", gz(urlset(urls[2:3])), content_type="application/x-gzip")
    site.serve("/plain.xml", urlset(urls[2:]), content_type="text/xml")
    out = tmp_path / "news.jsonl"
    assert run("--sitemap", site.url("/index.xml"), "--sitemap", site.url("/plain.xml"),
               "-o", str(out), *QUICK) == 0
    assert sorted(r["source"] for r in records(out)) == urls  # a URL listed twice: once
    assert site.hits("/a2") == 1


def test_since_and_max_urls_bound_a_run(site: Site, tmp_path: Path) -> None:
    urls = serve_pages(site, 3)
    site.serve("/feed.xml", rss([(urls[0], "Tue, 07 May 2024 10:00:00 GMT"),
                                 (urls[1], "Wed, 01 May 2024 10:00:00 GMT"),
                                 (urls[2], None)]))
    out = tmp_path / "a.jsonl"
    assert run("--feed", site.url("/feed.xml"), "--since", "2024-05-05", "-o", str(out),
               *QUICK) == 0
    assert sorted(r["source"] for r in records(out)) == [urls[0], urls[2]]
    out = tmp_path / "b.jsonl"
    assert run("--feed", site.url("/feed.xml"), "--max-urls", "1", "-o", str(out), *QUICK) == 0
    assert [r["source"] for r in records(out)] == [urls[0]]


def test_url_file_and_standard_output(site: Site, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    urls = serve_pages(site, 2)
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today\n{urls[0]}\n\n{urls[1]}  # second\n")
    assert run("--urls", str(listing), "-o", "-", *QUICK) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sorted(orjson.loads(line)["source"] for line in lines) == urls
    assert list(tmp_path.iterdir()) == [listing]  # no state for standard output


def test_feed_with_an_entity_bomb_is_refused_quickly(site: Site, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    site.serve("/bomb.xml", BOMB, content_type="application/rss+xml")
    started = time.perf_counter()
    assert run("--feed", site.url("/bomb.xml"), "-o", str(tmp_path / "o.jsonl"), *QUICK) == 1
    assert time.perf_counter() - started < 3.0
    assert "bad feed: refused: the document declares the XML entity 'lol'" in \
        capsys.readouterr().err


# --- re-runs --------------------------------------------------------------------------


def test_second_run_sends_validators_gets_304_and_writes_nothing(site: Site,
                                                                 tmp_path: Path) -> None:
    modified = "Wed, 01 May 2024 10:00:00 GMT"

    def by_etag(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return response(status=304)
        return response(article_page(0), ETag='"v1"')

    def by_date(request: Request) -> Response:
        if request.headers.get("If-Modified-Since") == modified:
            return response(status=304)
        return response(article_page(1), Last_Modified=modified)

    site.handle("/a0", by_etag)
    site.handle("/a1", by_date)
    out = tmp_path / "news.jsonl"
    args = [site.url("/a0"), site.url("/a1"), "-o", str(out), "--delay", "0"]
    assert run(*args) == 0
    first = out.read_bytes()
    assert len(first.splitlines()) == 2
    report = fetch_urls([site.url("/a0"), site.url("/a1")], output=str(out),
                        state=str(out) + ".fetch.sqlite", options=NO_DELAY)
    assert report.stats.not_modified == 2 and report.stats.new_records == 0
    assert out.read_bytes() == first
    assert site.requests("/a0")[-1].headers["If-None-Match"] == '"v1"'
    assert site.requests("/a1")[-1].headers["If-Modified-Since"] == modified


def test_changed_page_gives_one_new_record(site: Site, tmp_path: Path) -> None:
    version = {"/a1": 1}

    def page(request: Request) -> Response:
        return response(article_page(int(request.path[2:]), version.get(request.path, 1)))

    site.handle("/a0", page)
    site.handle("/a1", page)
    out = tmp_path / "news.jsonl"
    args = [site.url("/a0"), site.url("/a1"), "-o", str(out), *QUICK]
    assert run(*args) == 0
    version["/a1"] = 2
    assert run(*args) == 0
    lines = records(out)
    assert len(lines) == 3
    assert lines[2]["source"] == site.url("/a1") and "version 2" in str(lines[2]["body"])
    assert run(*args) == 0  # same bytes again, no validators: unchanged
    assert len(records(out)) == 3


def test_records_written_but_not_noted_are_adopted_not_repeated(site: Site,
                                                                tmp_path: Path) -> None:
    urls = serve_pages(site, 2)
    out = tmp_path / "news.jsonl"
    state = str(out) + ".fetch.sqlite"
    fetch_urls(urls[:1], output=str(out), state=state, options=NO_DELAY)
    # A run killed after appending a1's record but before its state noted it:
    (article,) = fetch_urls(urls[1:], options=NO_DELAY).articles
    with out.open("ab") as fh:
        fh.write(json_line(article.to_dict()))
    report = fetch_urls(urls, output=str(out), state=state, options=NO_DELAY)
    assert report.stats.adopted == 1 and report.stats.new_records == 0
    assert len(records(out)) == 2
    os.remove(state)  # a lost state: the ids are read back from OUT
    report = fetch_urls(urls, output=str(out), state=state, options=NO_DELAY)
    assert report.stats.adopted == 2 and report.stats.new_records == 0
    assert len(records(out)) == 2


# --- concurrency, crashes, signals -------------------------------------------------------


def test_two_concurrent_runs_the_second_exits_3(site: Site, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    arrived: list[str] = []
    site.handle("/slow", blocking(site, arrived))
    out = tmp_path / "news.jsonl"
    first = start(site.url("/slow"), "-o", str(out), *QUICK)
    try:
        wait_for(lambda: bool(arrived))
        assert run(site.url("/slow"), "-o", str(out), *QUICK) == 3
        assert f"pid {first.pid}) holds the lock" in capsys.readouterr().err
    finally:
        site.release.set()
        assert first.wait(30) == 0
    assert len(records(out)) == 1


def test_killed_run_then_rerun_leaves_no_duplicate_or_truncated_line(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arrived: list[str] = []
    site.handle("/a2", blocking(site, arrived))  # before /a2's page: the first match answers
    urls = serve_pages(site, 5)
    out = tmp_path / "news.jsonl"
    args = [*urls, "-o", str(out), "--concurrency", "1", *QUICK]
    killed = start(*args)
    try:
        wait_for(lambda: bool(arrived) and out.exists() and out.read_bytes().count(b"\n") == 2)
    finally:
        killed.kill()
        killed.wait(10)
        site.release.set()
    with out.open("ab") as fh:  # and a half line, as an older crash could leave
        fh.write(b'{"id":"0123456789abcdef","source":"http')
    assert run(*args[:-1]) == 0
    lines = records(out)
    assert sorted(r["source"] for r in lines) == urls
    assert "removed a half-written last line" in capsys.readouterr().err


def test_sigterm_stops_the_run_and_keeps_what_was_written(site: Site, tmp_path: Path) -> None:
    urls = serve_pages(site, 2)
    arrived: list[str] = []
    site.handle("/slow", blocking(site, arrived))
    out = tmp_path / "news.jsonl"
    proc = start(*urls, site.url("/slow"), "-o", str(out), "--concurrency", "1", *QUICK)
    try:
        wait_for(lambda: bool(arrived))
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 143
    finally:
        site.release.set()
    assert proc.stderr is not None and b"fetch stopped (SIGTERM)" in proc.stderr.read()
    assert sorted(r["source"] for r in records(out)) == urls


# --- exit codes and reports --------------------------------------------------------------


def test_failures_exit_1_and_are_listed_in_the_errors_file(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    urls = serve_pages(site, 1)
    site.serve("/gone", "gone", status=404)
    errors = tmp_path / "errors.jsonl"
    out = tmp_path / "news.jsonl"
    code = main([urls[0], site.url("/gone"), "-o", str(out), "--errors", str(errors),
                 "--delay", "0"], clock=FakeClock())
    assert code == 1
    assert records(errors) == [{"source": site.url("/gone"), "error": "HTTP 404"}]
    err = capsys.readouterr().err
    assert f"cleaner: {site.url('/gone')}: HTTP 404" in err
    assert "fetched 1 of 2 URLs -> 1 new records" in err and "failed: HTTP 404 1" in err


def test_output_that_cannot_be_written_exits_3(site: Site,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    urls = serve_pages(site, 2)
    assert run(*urls, "-o", "/dev/full", *QUICK) == 3
    assert "cleaner: cannot write /dev/full: No space left on device" in capsys.readouterr().err


def test_usage_and_configuration_errors_exit_2(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "o.jsonl")
    assert run("-o", out) == 2
    assert run("example.com/story", "-o", out) == 2
    assert run("--urls", str(tmp_path / "missing.txt"), "-o", out) == 2
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not sqlite" * 200)
    assert run("http://127.0.0.1:9/a", "-o", out, "--state", str(junk)) == 2
    assert run("http://127.0.0.1:9/a", "-o", out, "--errors", out) == 2
    with pytest.raises(SystemExit) as stop:
        run("http://127.0.0.1:9/a", "-o", out, "--since", "last week")
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "nothing to fetch" in err and "not an absolute http(s) URL" in err
    assert "missing.txt: no such file" in err and "not a cleaner state database" in err
