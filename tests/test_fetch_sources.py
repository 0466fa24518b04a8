"""Fetch building blocks without a network: feeds, sitemaps and safe XML, dates,
URL files, robots.txt rules, Retry-After, the state store and the appended output."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_fetch_support import BOMB, rss, sitemap_index, urlset

from cleaner.errors import OutputError
from cleaner.fetch.append import AppendOutput, record_keys
from cleaner.fetch.http import retry_after_seconds
from cleaner.fetch.options import FetchOptions, parse_since
from cleaner.fetch.robots import parse_robots
from cleaner.fetch.sources import (
    Entry,
    SourceError,
    check_url,
    is_recent,
    parse_date,
    parse_feed,
    parse_sitemap,
    read_url_file,
)
from cleaner.fetch.state import LockHeld, RunLock, State, StateError

BASE = "https://news.example.com/feed.xml"
CAP = 1024 * 1024

# --- feeds ---------------------------------------------------------------------------


def test_rss_items_give_their_links_in_feed_order_with_dates() -> None:
    feed = rss([("https://news.example.com/b", "Tue, 07 May 2024 10:00:00 GMT"),
                ("/a", None)]).encode()
    entries = parse_feed(feed, BASE, CAP)
    assert entries == [
        Entry("https://news.example.com/b", datetime(2024, 5, 7, 10, tzinfo=UTC)),
        Entry("https://news.example.com/a", None),  # relative link resolved against the feed
    ]


def test_rss_guid_permalink_and_feedburner_original_link() -> None:
    feed = b"""<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
    <channel><title>x</title><link>https://news.example.com/</link>
    <item><guid>https://news.example.com/guid-only</guid></item>
    <item><guid isPermaLink="false">tag:news.example.com,2024:1</guid></item>
    <item><link>https://feeds.example.net/~r/x/1</link>
      <feedburner:origLink>https://news.example.com/original</feedburner:origLink></item>
    </channel></rss>"""
    urls = [entry.url for entry in parse_feed(feed, BASE, CAP)]
    assert urls == ["https://news.example.com/guid-only", "https://news.example.com/original"]


def test_atom_entries_give_their_alternate_link_and_newest_date() -> None:
    feed = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
      <link rel="self" href="https://news.example.com/atom.xml"/>
      <entry><title>a</title>
        <link rel="enclosure" type="audio/mpeg" href="https://news.example.com/a.mp3"/>
        <link rel="alternate" type="text/html" href="https://news.example.com/story-a"/>
        <published>2024-05-01T08:00:00Z</published><updated>2024-05-02T09:30:00+02:00</updated>
      </entry>
      <entry><title>b</title><link href="story-b"/></entry>
    </feed>"""
    entries = parse_feed(feed, "https://news.example.com/atom.xml", CAP)
    assert [e.url for e in entries] == ["https://news.example.com/story-a",
                                        "https://news.example.com/story-b"]
    assert entries[0].date == datetime(2024, 5, 2, 7, 30, tzinfo=UTC)


def test_rss_1_0_rdf_items() -> None:
    feed = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://news.example.com/"><title>x</title></channel>
      <item rdf:about="https://news.example.com/rdf-1"><title>t</title>
        <link>https://news.example.com/rdf-1</link><dc:date>2024-05-03</dc:date></item>
    </rdf:RDF>"""
    assert parse_feed(feed, BASE, CAP) == [
        Entry("https://news.example.com/rdf-1", datetime(2024, 5, 3, tzinfo=UTC))]


def test_entity_expansion_bomb_is_refused_at_once() -> None:
    started = time.perf_counter()
    with pytest.raises(SourceError, match="declares the XML entity 'lol'"):
        parse_feed(BOMB.encode(), BASE, CAP)
    assert time.perf_counter() - started < 0.5


def test_external_entity_is_refused() -> None:
    xxe = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           b"<rss><channel><item><link>http://x.invalid/&xxe;</link></item></channel></rss>")
    with pytest.raises(SourceError, match="entity"):
        parse_feed(xxe, BASE, CAP)


def test_external_dtd_without_declarations_is_read_but_never_loaded() -> None:
    feed = (b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS '
            b'0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">'
            b"<rss version=\"0.91\"><channel><item><link>https://news.example.com/old</link>"
            b"</item></channel></rss>")
    assert [e.url for e in parse_feed(feed, BASE, CAP)] == ["https://news.example.com/old"]


def test_html_or_broken_xml_is_not_a_feed() -> None:
    with pytest.raises(SourceError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body>hi</body></html>", BASE, CAP)
    with pytest.raises(SourceError, match="not well-formed"):
        parse_feed(b"<rss><channel><item>", BASE, CAP)


# --- sitemaps ------------------------------------------------------------------------


def test_sitemap_pages_with_lastmod_and_news_publication_date() -> None:
    doc = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://news.example.com/1</loc><lastmod>2024-05</lastmod></url>
      <url><loc>https://news.example.com/2</loc><news:news><news:publication>
        <news:name>X</news:name></news:publication>
        <news:publication_date>2024-05-06T12:00:00+00:00</news:publication_date></news:news></url>
      <url><loc>ftp://news.example.com/3</loc></url>
    </urlset>"""
    found = parse_sitemap(doc, BASE, CAP)
    assert found.pages == [Entry("https://news.example.com/1", datetime(2024, 5, 1, tzinfo=UTC)),
                           Entry("https://news.example.com/2",
                                 datetime(2024, 5, 6, 12, tzinfo=UTC))]
    assert found.sitemaps == []


def test_sitemap_index_gzip_and_text_sitemaps() -> None:
    index = parse_sitemap(sitemap_index(["https://news.example.com/s1.xml.gz"]).encode(),
                          BASE, CAP)
    assert [e.url for e in index.sitemaps] == ["https://news.example.com/s1.xml.gz"]
    packed = gzip.compress(urlset(["https://news.example.com/z"]).encode())
    assert [e.url for e in parse_sitemap(packed, BASE, CAP).pages] == [
        "https://news.example.com/z"]
    text = b"https://news.example.com/t1\nnot a url\nhttps://news.example.com/t2\n"
    assert [e.url for e in parse_sitemap(text, BASE, CAP).pages] == [
        "https://news.example.com/t1", "https://news.example.com/t2"]


def test_gzip_bomb_sitemap_is_refused_at_the_cap() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * (4 * CAP))
    with pytest.raises(SourceError, match="over the"):
        parse_sitemap(bomb, BASE, CAP)


def test_sitemap_with_entity_declaration_is_refused() -> None:
    doc = b'<!DOCTYPE urlset [<!ENTITY a "aaaa">]><urlset><url><loc>&a;</loc></url></urlset>'
    with pytest.raises(SourceError, match="entity"):
        parse_sitemap(doc, BASE, CAP)


# --- dates, --since, URLs ------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Tue, 07 May 2024 10:00:00 +0200", datetime(2024, 5, 7, 8, tzinfo=UTC)),
    ("2024-05-07T10:00:00Z", datetime(2024, 5, 7, 10, tzinfo=UTC)),
    ("2024-05-07", datetime(2024, 5, 7, tzinfo=UTC)),
    ("2024", datetime(2024, 1, 1, tzinfo=UTC)),
    ("yesterday", None),
])
def test_feed_and_sitemap_dates(text: str, expected: datetime | None) -> None:
    assert parse_date(text) == expected


def test_since_takes_dates_and_ages() -> None:
    now = datetime(2024, 5, 10, 12, tzinfo=UTC)
    assert parse_since("2d", now) == now - timedelta(days=2)
    assert parse_since("12h", now) == now - timedelta(hours=12)
    assert parse_since("2024-05-01") == datetime(2024, 5, 1, tzinfo=UTC)
    with pytest.raises(ValueError, match="expected a date"):
        parse_since("last week")
    since = datetime(2024, 5, 5, tzinfo=UTC)
    assert is_recent(Entry("u", datetime(2024, 5, 6, tzinfo=UTC)), since)
    assert not is_recent(Entry("u", datetime(2024, 5, 4, tzinfo=UTC)), since)
    assert is_recent(Entry("u", None), since)  # undated entries are kept


def test_url_checks_and_url_files(tmp_path: Path) -> None:
    assert check_url("HTTPS://Example.com/a#frag") == "https://Example.com/a"
    assert check_url("https://example.com") == "https://example.com/"
    assert check_url("/rel", "https://example.com/x/") == "https://example.com/rel"
    for bad in ("ftp://example.com/", "example.com/a", "https://", "http://x:99999/",
                "https://exa mple.com/"):
        assert check_url(bad) is None
    listing = tmp_path / "urls.txt"
    listing.write_text("# morning run\nhttps://a.example/1\n\n  https://a.example/2  # two\n")
    assert read_url_file(str(listing)) == ["https://a.example/1", "https://a.example/2"]
    with pytest.raises(SourceError, match="no such file"):
        read_url_file(str(tmp_path / "missing.txt"))


# --- robots.txt ----------------------------------------------------------------------


def test_robots_longest_match_wins_and_allow_wins_a_tie() -> None:
    rules = parse_robots("User-agent: *\nDisallow: /\nAllow: /news/\nDisallow: /news/private\n"
                         "Allow: /tie\nDisallow: /tie\n", "cleaner")
    assert rules.allows("https://x.example/news/story")
    assert not rules.allows("https://x.example/news/private/1")
    assert not rules.allows("https://x.example/about")
    assert rules.allows("https://x.example/tie")
    assert rules.allows("https://x.example/robots.txt")


def test_robots_wildcards_and_end_anchor() -> None:
    rules = parse_robots("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\n", "cleaner")
    assert not rules.allows("https://x.example/a/report.pdf")
    assert rules.allows("https://x.example/a/report.pdf.html")
    assert not rules.allows("https://x.example/story?print=1")
    assert rules.allows("https://x.example/story?page=2")


def test_robots_group_for_our_agent_replaces_the_star_group() -> None:
    text = ("User-agent: *\nDisallow: /\n\nUser-agent: Cleaner/2.0\nUser-agent: other\n"
            "Disallow: /drafts/\nCrawl-delay: 4\n\nUser-agent: cleaner\nDisallow: /tmp/\n")
    rules = parse_robots(text, FetchOptions().agent_token)
    assert rules.allows("https://x.example/news/1")
    assert not rules.allows("https://x.example/drafts/1")
    assert not rules.allows("https://x.example/tmp/1")  # both groups naming us, merged
    assert rules.crawl_delay == 4.0
    assert parse_robots(text, "someone-else").allows("https://x.example/news/1") is False


def test_retry_after_seconds_and_http_dates() -> None:
    assert retry_after_seconds("7", None, 0.0) == 7.0
    date = "Wed, 01 May 2024 10:00:00 GMT"
    later = "Wed, 01 May 2024 10:00:30 GMT"
    assert retry_after_seconds(later, date, 0.0) == 30.0  # measured from the response's Date
    assert retry_after_seconds(date, later, 0.0) == 0.0  # a date in the past: no wait
    assert retry_after_seconds("soon", None, 0.0) is None
    assert retry_after_seconds(None, None, 0.0) is None


# --- state and output ----------------------------------------------------------------


def test_state_keeps_validators_records_and_output_size(tmp_path: Path) -> None:
    path = str(tmp_path / "state.sqlite")
    state = State(path)
    state.save("https://a.example/1", status=200, outcome="new record", etag='"v1"',
               last_modified="Wed, 01 May 2024 10:00:00 GMT", content_hash="h1",
               record_id="r1", new_records=["r1"], output=("/out.jsonl", 120))
    state.note("https://a.example/1", 503, "HTTP 503")  # a failure keeps the validators
    state.close()
    state = State(path)
    page = state.page("https://a.example/1")
    assert page is not None and page.status == 503 and page.record_id == "r1"
    assert page.conditional_headers() == {"If-None-Match": '"v1"',
                                          "If-Modified-Since": "Wed, 01 May 2024 10:00:00 GMT"}
    assert state.has_record("https://a.example/1", "r1")
    assert state.output_size("/out.jsonl") == 120
    assert state.adopt([("https://a.example/1", "r1"), ("https://a.example/2", "r2")],
                       ("/out.jsonl", 300)) == 1
    assert state.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    state.close()


def test_state_file_that_is_not_one_is_a_configuration_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StateError, match="not a cleaner state database"):
        State(str(junk))
    newer = State(str(tmp_path / "newer.sqlite"))
    newer.db.execute("PRAGMA user_version=99")
    newer.close()
    with pytest.raises(StateError, match="newer cleaner"):
        State(str(tmp_path / "newer.sqlite"))


def test_run_lock_is_exclusive_and_names_the_holder(tmp_path: Path) -> None:
    lock = str(tmp_path / "s.sqlite.lock")
    held = rf"\(pid {os.getpid()}\) holds the lock on s.sqlite"
    with RunLock(lock, "s.sqlite"), pytest.raises(LockHeld, match=held):
        RunLock(lock, "s.sqlite").__enter__()
    with RunLock(lock):  # released at exit
        pass


def test_output_half_line_is_removed_and_a_whole_record_completed(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    good = b'{"id":"a1","source":"https://a.example/1"}\n'
    out.write_bytes(good + b'{"id":"b2","sou')
    with AppendOutput(str(out)) as writer:
        assert "removed a half-written last line (15 bytes)" in writer.repair
        assert writer.size == len(good)
        writer.write(b'{"id":"c3","source":"https://a.example/3"}\n')
        assert [record_keys(line) for line in writer.lines_from(0)] == [
            ("https://a.example/1", "a1"), ("https://a.example/3", "c3")]
    out.write_bytes(good + b'{"id":"d4","source":"https://a.example/4"}')
    with AppendOutput(str(out)) as writer:
        assert writer.repair == "completed a last record that had no newline"
    assert out.read_bytes().endswith(b'"https://a.example/4"}\n')


def test_output_is_locked_while_a_run_appends(tmp_path: Path) -> None:
    out = str(tmp_path / "out.jsonl")
    with AppendOutput(out), pytest.raises(LockHeld):
        AppendOutput(out).__enter__()


def test_output_that_cannot_be_opened_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="cannot write"):
        AppendOutput(str(tmp_path / "file" / "out.jsonl")).__enter__()


def test_public_names_resolve_and_the_parser_does_not_import_httpx() -> None:
    import cleaner.fetch

    for name in cleaner.fetch.__all__:
        assert getattr(cleaner.fetch, name) is not None
    probe = ("import sys, cleaner.fetch.cli as c; c.build_parser(); "
             "print('httpx' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"
