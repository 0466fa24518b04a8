"""WARC and JSONL inputs (issue 10, point 1): each record one input, with its url and
source; a broken record is reported with its position, the others are cleaned."""

from __future__ import annotations

import gzip
import inspect
from pathlib import Path

import orjson
import pytest

from cleaner.batch import CleanOptions, PoolSettings, run_batch
from cleaner.io.containers import iter_records
from cleaner.io.inputs import iter_inputs

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="Coastline Herald"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1>
<p>The harbour council voted on Tuesday to add two evening ferries to the island route from
next month, its chair said after a long debate in the town hall.</p>
<p>The change follows a petition signed by more than 3,000 residents who said the last boat
left too early for shift workers and students who study on the mainland.</p>
<p>"We listened," the chair told reporters after the vote. "People asked for a later boat and
they will get one, starting with the summer timetable."</p></article>
<footer>© 2024 Coastline Herald</footer></body></html>
"""


def _page(title: str) -> bytes:
    return PAGE.format(title=title).encode()


def _http(body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8",
          extra: bytes = b"") -> bytes:
    return (f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n".encode() + extra
            + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)


def _record(uri: str, block: bytes, kind: str = "response", n: int = 0) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
            f"WARC-Date: 2024-05-01T10:00:00Z\r\n"
            f"Content-Type: application/http; msgtype={kind}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


URLS = [f"https://www.coastlineherald.example/news/{n}" for n in range(6)]
RECORDS = [
    _record(URLS[0], b"GET /news/0 HTTP/1.1\r\nHost: x\r\n\r\n", "request", 0),
    _record(URLS[0], _http(_page("Ferries one")), n=1),
    _record(URLS[1], b"this is no HTTP response at all", n=2),  # broken
    _record(URLS[2], _http(b"\x89PNG....", ctype="image/png"), n=3),  # not HTML: passed over
    _record(URLS[3], _http(_page("Not here"), "404 Not Found"), n=4),  # not 200: passed over
    _record(URLS[4], _http(gzip.compress(_page("Ferries two")),
                           extra=b"Content-Encoding: gzip\r\n"), n=5),
]


def _write_warc(path: Path, gzipped: bool) -> list[int]:
    """The archive (one gzip member per record when gzipped); the records' offsets."""
    offsets, data = [], b""
    for record in RECORDS:
        offsets.append(len(data))
        data += gzip.compress(record) if gzipped else record
    path.write_bytes(data)
    return offsets


def _run(sources: list[str], tmp_path: Path) -> tuple[list[dict], list[dict], object]:
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    log = tmp_path / "log.txt"
    with log.open("w") as stream:
        stats = run_batch(sources, str(out), CleanOptions(), PoolSettings(jobs=1, timeout=0),
                          errors=str(errors), progress=False, log=stream)
    return ([orjson.loads(line) for line in out.read_bytes().splitlines()],
            [orjson.loads(line) for line in errors.read_bytes().splitlines()], stats)


@pytest.mark.parametrize("gzipped", [False, True], ids=["warc", "warc.gz"])
def test_warc_html_responses_are_cleaned_with_their_url_and_offset(
        tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    offsets = _write_warc(path, gzipped)

    records, errors, stats = _run([str(path)], tmp_path)

    assert [(r["headline"], r["url"], r["source"]) for r in records] == [
        ("Ferries one", URLS[0], f"{path}#{offsets[1]}"),
        ("Ferries two", URLS[4], f"{path}#{offsets[5]}"),
    ]
    assert records[0]["outlet"] == "Coastline Herald"
    assert records[1]["body"].startswith("The harbour council voted")
    [error] = errors
    assert error["source"] == f"{path}#{offsets[2]}"
    assert "HTTP status line" in error["error"]
    assert (stats.inputs, stats.failed) == (3, 1)  # type: ignore[attr-defined]


def test_jsonl_lines_are_inputs_with_their_url_and_line(tmp_path: Path, article_text: str
                                                        ) -> None:
    lines = [
        orjson.dumps({"html": _page("From the crawler").decode(), "url": URLS[0]}),
        b"",  # a blank line is skipped, but counted
        b'{"html": "<html><body><p>cut',  # broken: not JSON
        orjson.dumps({"text": article_text, "id": "doc-7"}),
        orjson.dumps({"url": URLS[1]}),  # broken: no html or text
        orjson.dumps({"text": article_text.replace("Harbour", "Island"), "source": "feed/42",
                      "url": URLS[2]}),
    ]
    data = b"\n".join(lines) + b"\n"
    plain, packed = tmp_path / "crawl.jsonl", tmp_path / "crawl.jsonl.gz"
    plain.write_bytes(data)
    packed.write_bytes(gzip.compress(data))

    for path in (plain, packed):
        records, errors, _ = _run([str(path)], tmp_path)
        assert [(r["source"], r["url"]) for r in records] == [
            (f"{path}:1", URLS[0]), ("doc-7", None), ("feed/42", URLS[2])]
        assert records[0]["headline"] == "From the crawler"
        assert [e["source"] for e in errors] == [f"{path}:3", f"{path}:5"]
        assert "JSON" in errors[0]["error"] and "`html` or `text`" in errors[1]["error"]


def test_records_are_read_lazily_and_a_missing_file_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _write_warc(path, gzipped=False)
    records = iter_records(str(path))
    assert inspect.isgenerator(records)
    first = next(records)
    assert first.url == URLS[0] and first.payload is not None
    [missing] = list(iter_records(str(tmp_path / "gone.jsonl")))
    assert missing.error == "no such file"
    [not_warc] = list(iter_records(str(_write(tmp_path / "x.warc", b"hello there\n"))))
    assert not_warc.source == str(tmp_path / "x.warc")
    assert "not a WARC file" in (not_warc.error or "")


def test_an_oversized_record_is_reported_and_the_next_one_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_bytes(orjson.dumps({"text": "word " * 2000}) + b"\n"
                     + orjson.dumps({"text": "short text"}) + b"\n")
    big, small = iter_records(str(path), max_bytes=1000)
    assert big.source == f"{path}:1" and "--max-bytes" in (big.error or "")
    assert small.source == f"{path}:2" and small.error is None


def test_a_folder_walk_takes_warc_files_but_not_jsonl(tmp_path: Path) -> None:
    for name in ("a.txt", "b.warc", "c.warc.gz", "d.jsonl", "e.arc"):
        _write(tmp_path / name, b"x")
    assert [Path(p).name for p in iter_inputs([str(tmp_path)])] == [
        "a.txt", "b.warc", "c.warc.gz"]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
