"""Format sniffing that does not produce garbage (issue 8, point 3).

Markup saved as .txt goes to the HTML path; HTTP headers in front of a page
(`curl -i`, `wget --save-headers`) are parsed and dropped; a WARC archive is
read record by record, and refused with a clear message under another name;
gzip is recognised by its bytes; --url names one input unless --url-for-all
says it is for every input.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import orjson

import cleaner
from cleaner.io.inputs import unwrap

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour council approves new ferry timetable</title>
<link rel="canonical" href="https://www.coastlineherald.example/news/ferry">
<meta property="og:site_name" content="Coastline Herald">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour council approves new ferry timetable</h1>
<p>The harbour council voted on Tuesday to add two evening ferries to the island route from
next month, its chair said.</p>
<p>The change follows a petition signed by more than 3,000 residents who said the last boat
left too early for shift workers.</p>
<p>"We listened," the chair told reporters after the vote. "People asked for a later boat and
they will get one."</p></article>
<footer>© 2024 Coastline Herald</footer></body></html>
"""
HEADERS = (b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://example.com/a\r\n\r\n"
           b"HTTP/2 200\r\ncontent-type: text/html; charset=iso-8859-1\r\n"
           b"server: nginx\r\nset-cookie: a=b\r\n\r\n")


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "cleaner", "clean", *args], input=stdin,
                          capture_output=True, timeout=120, check=False)


def _records(data: bytes) -> list[dict]:
    return [orjson.loads(line) for line in data.splitlines()]


def _check_page_record(record: dict) -> None:
    assert record["headline"] == "Harbour council approves new ferry timetable"
    assert record["body"].startswith("The harbour council voted on Tuesday")
    assert "<" not in record["body"] and "HTTP/" not in record["body"]
    assert record["url"] == "https://www.coastlineherald.example/news/ferry"
    assert record["outlet"] == "Coastline Herald"


def test_an_html_page_saved_as_txt_goes_to_the_html_path(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    [article] = cleaner.clean_file(path)
    _check_page_record(article.to_dict())


def test_http_headers_in_front_of_a_page_are_parsed_and_dropped(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', "").replace("3,000", "3 000 (café)")
    saved = tmp_path / "curl-i-output"
    saved.write_bytes(HEADERS + page.encode("latin-1"))  # only the header names the charset
    proc = _run(str(saved), "-q")
    assert proc.returncode == 0, proc.stderr
    [record] = _records(proc.stdout)
    _check_page_record(record)
    assert "café" in record["body"]  # decoded as the header said, not guessed
    assert "nginx" not in record["body"] and "set-cookie" not in record["body"]


def test_unwrap_takes_off_gzip_and_every_header_block() -> None:
    payload = unwrap(gzip.compress(HEADERS + b"<html><body><p>x</p></body></html>"))
    assert payload.data.startswith(b"<html>")
    assert (payload.charset, payload.kind) == ("iso-8859-1", "html")


def test_a_warc_file_is_cleaned_and_one_under_another_name_is_refused(
        tmp_path: Path, article_text: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article_text, encoding="utf-8")
    info = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
    (folder / "b.txt").write_bytes(info)  # a WARC record saved under another name
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE.encode()
    response = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/a\r\n"
                b"Content-Length: %d\r\n\r\n%s\r\n\r\n" % (len(block), block))
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(gzip.compress(info) + gzip.compress(response))
    proc = _run(str(folder), str(archive), "-q", "-j", "2")
    assert proc.returncode == 1
    records = _records(proc.stdout)
    assert [r["source"] for r in records] == [str(folder / "a.txt"),
                                              f"{archive}#{len(gzip.compress(info))}"]
    assert records[1]["headline"] == "Harbour council approves new ferry timetable"
    assert records[1]["url"] == "https://x.example/a"  # the record's target URI, as --url
    err = proc.stderr.decode()
    assert f"cleaner: {folder / 'b.txt'}: a web archive (WARC) under another name" in err
    assert ".warc.gz" in err


def test_gzip_is_recognised_by_its_bytes_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "page.html"  # wget saved the compressed response as it came
    path.write_bytes(gzip.compress(PAGE.encode()))
    [article] = cleaner.clean_file(path)
    _check_page_record(article.to_dict())


def test_url_names_one_input_unless_url_for_all(tmp_path: Path, article_text: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(article_text.replace("Tuesday", name), encoding="utf-8")
    url = "https://www.themoscowtimes.com/2025/05/12/a"
    proc = _run(str(folder), "--url", url)
    assert proc.returncode == 2
    assert b"--url-for-all" in proc.stderr and proc.stdout == b""
    proc = _run(str(folder / "a.txt"), str(folder / "b.txt"), "--url", url)
    assert proc.returncode == 2
    proc = _run(str(folder), "--url", url, "--url-for-all", "-q")
    assert proc.returncode == 0
    assert [(r["url"], r["outlet"]) for r in _records(proc.stdout)] == [
        (url, "The Moscow Times")] * 2
    proc = _run(str(folder / "a.txt"), "--url", url, "-q")
    assert proc.returncode == 0 and _records(proc.stdout)[0]["url"] == url
    proc = _run("-", "--url", url, "-q", stdin=article_text.encode())
    assert proc.returncode == 0 and _records(proc.stdout)[0]["url"] == url


def test_format_text_still_forces_the_text_path(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    forced = _run(str(path), "--format", "text", "-q")
    sniffed = _run(str(path), "-q")
    assert _records(forced.stdout) != _records(sniffed.stdout)
    _check_page_record(_records(sniffed.stdout)[0])
