"""Container inputs: WARC archives and JSONL files, each record one input of the batch.

A WARC file (`.warc`, `.warc.gz`) gives one input per HTML response record
(HTTP 200, an HTML content type), its `WARC-Target-URI` as the url and
`path#offset` (the record's byte offset in the file, compressed for .warc.gz)
as its source; other records (requests, metadata, redirects, images) are
passed over. The HTTP transfer and content encodings are undone (chunked,
gzip, brotli...). It is read with FastWARC (resiliparse), several times faster
than warcio (README.md, "Dependencies").

A JSONL file (`.jsonl`, `.jsonl.gz`) gives one input per line: an object with
`html` (a page) or `text` (a dump), an optional `url`, and an optional
`source` (or else `id`) naming the record in the records written; without
either the source is `path:line`.

Records are read one at a time (a generator): an archive of any size streams.
A broken record (not JSON, no `html`/`text`, a WARC response without an HTTP
status line or with an empty or undecodable body, over the size limit) is an
input with an error naming its path, position and reason; the records around
it are still cleaned. A file that cannot be read at all is one such error.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

import orjson

from ..errors import InputError
from .inputs import DEFAULT_MAX_BYTES, Payload, open_input, unwrap

WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
_STATUS = re.compile(rb"HTTP/\d(?:\.\d)? (\d{3})\b")
_LINE_SLACK = 4096  # a JSONL line may exceed the size limit by its JSON syntax


@dataclass(frozen=True, slots=True)
class Record:
    """One input found in a container: its content and url, or why it is broken."""

    source: str
    payload: Payload | None = None
    url: str | None = None
    error: str | None = None


def container_kind(path: str) -> str | None:
    """'warc' or 'jsonl' when the file's name says it holds many records, else None."""
    name = path.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return None


def iter_records(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record]:
    """Every input in a WARC or JSONL file, lazily, broken records included (with their
    error); a file that cannot be opened is one such record. ValueError for a file
    whose name is neither."""
    kind = container_kind(path)
    if kind is None:
        raise ValueError(f"not a WARC or JSONL file name: {path!r}")
    return _records(path, kind, max_bytes)


def _records(path: str, kind: str, max_bytes: int) -> Iterator[Record]:
    try:
        fh = open_input(path)
    except InputError as exc:
        yield Record(path, error=str(exc))
        return
    with fh:
        yield from (_warc if kind == "warc" else _jsonl)(fh, path, max_bytes)


# --- WARC ------------------------------------------------------------------------------------


def _warc(fh: BinaryIO, path: str, max_bytes: int) -> Iterator[Record]:
    """One Record per HTML response record of a WARC file (see the module doc)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType  # only a WARC run loads it

    seen = 0
    position = 0
    try:
        records = ArchiveIterator(fh, record_types=WarcRecordType.any_type,
                                  auto_decode="all", strict_mode=False)
        for record in records:
            seen += 1
            position = record.stream_pos
            if record.record_type != WarcRecordType.response:
                continue
            found = _warc_response(record, f"{path}#{position}", max_bytes)
            if found is not None:
                yield found
    except Exception as exc:  # the reader gave up mid-file: the rest is unreadable
        reason = " ".join(str(exc).split()) or type(exc).__name__
        if not seen:
            yield Record(path, error=f"not a WARC file: {reason}")
        else:
            yield Record(f"{path}#{position}", error=f"unreadable WARC data after this "
                                                      f"record: {reason}")
        return
    if not seen:
        yield Record(path, error="no WARC records found (not a WARC file, or corrupt)")


def _warc_response(record: Any, source: str, max_bytes: int) -> Record | None:
    """The input a response record gives, None when it is not an HTML page with 200."""
    url = record.headers.get("WARC-Target-URI") or None
    if not record.is_http:  # no `Content-Type: application/http` header: read it here
        return _unparsed_response(record, source, url, max_bytes)
    http = record.http_headers if record.is_http_parsed else None
    status = http.status_code if http is not None else None
    if status is None:
        return Record(source, url=url, error="response record without an HTTP status line")
    content_type = (record.http_content_type or "").lower()
    if status != 200 or "html" not in content_type:
        return None
    try:
        body: bytes = record.reader.read(max_bytes + 1)
    except Exception as exc:  # a broken transfer or content encoding
        reason = " ".join(str(exc).split()) or type(exc).__name__
        return Record(source, url=url, error=f"cannot decode the HTTP body: {reason}")
    if len(body) > max_bytes:
        return Record(source, url=url, error=f"HTTP body is over the {max_bytes} bytes "
                                             "limit (--max-bytes)")
    if not body.strip():
        return Record(source, url=url, error="HTTP response with an empty body "
                                             "(a truncated record?)")
    try:
        payload = unwrap(body, max_bytes)  # a body gzipped twice, or saved with headers
    except InputError as exc:
        return Record(source, url=url, error=str(exc))
    charset = payload.charset or record.http_charset or None
    return Record(source, Payload(payload.data, charset, "html"), url=url)


def _unparsed_response(record: Any, source: str, url: str | None,
                       max_bytes: int) -> Record | None:
    """A response record whose WARC headers do not say it holds HTTP: its block is
    taken as a saved HTTP response (status line, headers, body) all the same."""
    block: bytes = record.reader.read(max_bytes + _LINE_SLACK + 1)
    status = _STATUS.match(block)
    if status is None:
        return Record(source, url=url, error="response record without an HTTP status line")
    if len(block) > max_bytes + _LINE_SLACK:
        return Record(source, url=url, error=f"HTTP body is over the {max_bytes} bytes "
                                             "limit (--max-bytes)")
    try:
        payload = unwrap(block, max_bytes)
    except InputError as exc:
        return Record(source, url=url, error=str(exc))
    if status[1] != b"200" or payload.kind != "html":
        return None
    return Record(source, payload, url=url)


# --- JSONL -----------------------------------------------------------------------------------


def _jsonl(fh: BinaryIO, path: str, max_bytes: int) -> Iterator[Record]:
    """One Record per line of a JSONL file (see the module doc); blank lines are skipped."""
    limit = max_bytes + _LINE_SLACK
    number = 0
    gz = path.lower().endswith(".gz")
    stream: io.BufferedIOBase | BinaryIO = gzip.GzipFile(fileobj=fh) if gz else fh
    while True:
        number += 1
        where = f"{path}:{number}"
        try:
            line = stream.readline(limit + 1)
            if not line:
                return
            if len(line) > limit and not line.endswith(b"\n"):
                _skip_line(stream)
                yield Record(where, error=f"line is over the {max_bytes} bytes limit "
                                          "(--max-bytes)")
                continue
        except (gzip.BadGzipFile, EOFError, zlib.error, OSError) as exc:
            yield Record(where, error=f"cannot read on from here: {exc}")
            return
        if line.strip():
            yield _jsonl_record(line, where)


def _skip_line(stream: io.BufferedIOBase | BinaryIO) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _jsonl_record(line: bytes, where: str) -> Record:
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return Record(where, error=f"not valid JSON: {exc}")
    if not isinstance(value, dict):
        return Record(where, error="not a JSON object")
    url = value.get("url")
    if url is not None and not isinstance(url, str):
        return Record(where, error="`url` is not a string")
    name = value.get("source", value.get("id"))
    source = str(name) if isinstance(name, str | int) and str(name) else where
    for field, kind in (("html", "html"), ("text", "text")):
        content = value.get(field)
        if content is None:
            continue
        if not isinstance(content, str):
            return Record(where, url=url, error=f"`{field}` is not a string")
        if not content.strip():
            return Record(where, url=url, error=f"`{field}` is empty")
        return Record(source, Payload(content.encode("utf-8", "replace"), "utf-8", kind),
                      url=url or None)
    return Record(where, error="no `html` or `text` field")


def is_container(path: str | os.PathLike[str]) -> bool:
    """Whether this input is read as many records (a WARC or JSONL file name)."""
    return container_kind(os.fsdecode(path)) is not None
