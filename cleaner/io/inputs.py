"""Input stage: find input files, read them within a size limit, tell text from HTML.

Directories are walked lazily in sorted order, so a batch of any size starts
at once, streams, and gives the same order on every run. Only regular files
are taken from a folder: a FIFO, device or socket there is skipped (reading
one could block forever or never end). Every input is read in chunks up to
one byte over the limit, so a pipe, a device, standard input or a gzip bomb
costs at most the limit, and nothing is reserved up front.

What was read is unwrapped before it is decoded: gzip (by the `.gz` name or
by its magic bytes, so `zcat`-less pipes and mislabelled files work), and the
HTTP response headers that `curl -i` or `wget --save-headers` put in front of a
page (their charset and content type are kept).

A folder walk also takes WARC archives (.warc, .warc.gz); they, and JSONL
files named on the command line (.jsonl, .jsonl.gz), hold many records and are
read record by record (cleaner/io/containers.py), not here: given to
`read_payload`, or met under another name, a WARC archive is refused with a
message saying how to have it read; an ARC archive (.arc) is refused.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from ..errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # 20 MiB: far above any real article page
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
WARC_SUFFIX = ".warc"  # .warc and .warc.gz: archives, read record by record
INPUT_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, WARC_SUFFIX)
STDIN = "-"
READ_CHUNK = 1 << 20
FORMATS = ("auto", "text", "html")
_HTML_START = re.compile(rb"<(?:!doctype html|html|head|body|meta|div|article|p)[\s>/]")
_GZIP_MAGIC = b"\x1f\x8b"
_ARC_SUFFIXES = (".arc", ".arc.gz")
_WARC_START = re.compile(rb"(?:WARC/\d\.\d|filedesc://)")
_HTTP_STATUS = re.compile(rb"HTTP/\d(?:\.\d)? \d{3}\b[^\r\n]*\r?\n")
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def iter_inputs(paths: list[str],
                skipped: Callable[[str, str], None] | None = None) -> Iterator[str]:
    """Expand the command-line paths: files as given, folders recursively (sorted).
    skipped(path, why) hears of each FIFO, device or socket left out of a folder."""
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            yield from _walk(path, set(), skipped or (lambda path, why: None))
        else:
            yield path


def _walk(folder: str, seen: set[tuple[int, int]],
          skipped: Callable[[str, str], None]) -> Iterator[str]:
    try:
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in seen:
            return  # a symlink loop, or a folder reached twice
        seen.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        yield folder  # reading it will report the reason
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            yield from _walk(entry.path, seen, skipped)
        elif not is_input_name(entry.name):
            continue
        elif is_file or not os.path.exists(entry.path):
            yield entry.path  # a dangling link is listed so that it gets reported
        else:
            skipped(entry.path, f"skipped: {_kind(entry.path)}, not a regular file")


def _kind(path: str) -> str:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "a special file"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file"


def is_input_name(path: str) -> bool:
    """Whether a folder walk takes a file of this name (by its extension)."""
    return _base_suffix(os.path.basename(path)) in INPUT_SUFFIXES


def _base_suffix(name: str) -> str:
    name = name.lower().removesuffix(".gz")
    return os.path.splitext(name)[1]


@dataclass(frozen=True, slots=True)
class Payload:
    """An input's content after unwrapping, with what the HTTP headers said about it."""

    data: bytes
    charset: str | None = None  # the Content-Type header's charset
    kind: str | None = None  # 'html' or 'text' when the Content-Type header says so


def read_input(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The input's content (unwrapped: see the module doc), or InputError saying why not."""
    return read_payload(path, max_bytes).data


def read_payload(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Payload:
    """Read an input ('-': standard input) and unwrap it (gzip, HTTP headers)."""
    path = os.fsdecode(path)
    if path == STDIN:
        return unwrap(read_stream(sys.stdin.buffer, max_bytes, "standard input"), max_bytes)
    if path.lower().endswith(_ARC_SUFFIXES):
        raise InputError("an ARC web archive, which cleaner cannot read: convert it to WARC "
                         "(.warc, .warc.gz) and clean that")
    if path.lower().endswith((WARC_SUFFIX, WARC_SUFFIX + ".gz", ".jsonl", ".jsonl.gz")):
        raise InputError("a WARC or JSONL file holds many documents: give it to `cleaner "
                         "clean` or read it with cleaner.io.containers.iter_records")
    return unwrap(_read_file(path, max_bytes), max_bytes)


_WARC_REFUSED = ("a web archive (WARC) under another name: name it .warc or .warc.gz "
                 "to have its pages cleaned")


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            gz = path.lower().endswith(".gz")
            if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes and not gz:
                raise InputError(f"file is {_size(info.st_size)}, over the {_size(max_bytes)} "
                                 "limit (--max-bytes)")
            if gz:
                with gzip.GzipFile(fileobj=fh) as unpacked:
                    return read_stream(unpacked, max_bytes, "decompressed content")
            return read_stream(fh, max_bytes, "input")
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise InputError(f"corrupt gzip file: {exc}") from exc
    except OSError as exc:
        raise read_error(exc) from exc


def open_input(path: str) -> BinaryIO:
    """The file opened for reading, or InputError saying why it cannot be."""
    try:
        return open(path, "rb")
    except OSError as exc:
        raise read_error(exc) from exc


def read_error(exc: OSError) -> InputError:
    """Why a file could not be opened or read, in the words every input error uses."""
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file")
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory")
    if isinstance(exc, PermissionError):
        return InputError("permission denied")
    return InputError(f"cannot read: {exc.strerror or exc}")


def unwrap(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Payload:
    """Content as saved -> the document: gunzipped when it starts with gzip's magic
    bytes (within the size limit), HTTP response headers in front parsed and taken
    off; a WARC archive is refused (InputError)."""
    if data.startswith(_GZIP_MAGIC):
        data = gunzip(data, max_bytes)
    charset = kind = None
    while _HTTP_STATUS.match(data):  # several blocks: a redirect or '100 Continue' first
        end = _HEADER_END.search(data)
        if end is None:
            raise InputError("HTTP response headers with no content after them")
        headers = _headers(data[:end.start()])
        data = data[end.end():]
        content_type = headers.get("content-type", "")
        found = _CHARSET.search(content_type)
        charset = found.group(1) if found else charset
        if content_type:
            kind = "html" if "html" in content_type.lower() else "text"
        if data.startswith(_GZIP_MAGIC):  # saved without decoding the Content-Encoding
            data = gunzip(data, max_bytes)
    if _WARC_START.match(data):
        raise InputError(_WARC_REFUSED)
    if not data.strip():
        raise InputError("empty input" if charset is None and kind is None
                         else "HTTP response with an empty body")
    return Payload(data, charset, kind)


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data held in memory, refused one byte past the limit."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
            return read_stream(unpacked, max_bytes, "decompressed content")
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise InputError(f"corrupt gzip data: {exc}") from exc


def _headers(block: bytes) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in block.decode("latin-1").splitlines()[1:]:
        name, sep, value = line.partition(":")
        if sep:
            fields[name.strip().lower()] = value.strip()
    return fields


class Readable(Protocol):
    """A binary stream: a file, standard input, a gzip stream."""

    def read(self, size: int = -1, /) -> bytes: ...


def read_stream(stream: Readable, max_bytes: int, what: str) -> bytes:
    """Read to the end in chunks, stopping one byte past the limit (InputError then)."""
    chunks, total = [], 0
    while total <= max_bytes:
        chunk = stream.read(min(READ_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise InputError(f"{what} is over the {_size(max_bytes)} limit (--max-bytes)")
    data = b"".join(chunks)
    if not data or data.isspace():
        raise InputError("empty input")
    return data


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1048576:
        return f"{n / 1024:.1f} KiB"
    return f"{n / 1048576:.1f} MiB"


def check_format(fmt: str) -> str:
    """A format name as given by a caller ('HTML' too), or ValueError for an unknown one."""
    kind = fmt.lower() if isinstance(fmt, str) else fmt
    if kind not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    return str(kind)


def sniff_format(path: str | os.PathLike[str], data: bytes, declared: str | None = None) -> str:
    """'html' or 'text': an HTML extension says html; otherwise the content decides
    (markup saved as .txt goes to the HTML path), then `declared` (an HTTP
    Content-Type), then the extension."""
    suffix = _base_suffix(os.fsdecode(path))
    if suffix in HTML_SUFFIXES or looks_like_html(data):
        return "html"
    if declared:
        return declared
    return "text"


_BOM = re.compile(rb"^(?:\xef\xbb\xbf)?\s*")
_PROLOGUE = re.compile(rb"^(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*", re.S)


def looks_like_html(data: bytes) -> bool:
    """Markup from its first bytes: after a byte-order mark, an XML declaration and
    comments, the content opens with a tag, and an HTML tag (doctype, html, head,
    body, meta, div, article, p) follows within 2 KB. Text that merely mentions
    '<html>' stays text."""
    head = _BOM.sub(b"", data[:4096], count=1)
    head = _PROLOGUE.sub(b"", head, count=1)[:2048].lower()
    return head.startswith(b"<") and _HTML_START.search(head) is not None
