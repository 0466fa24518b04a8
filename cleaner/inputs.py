"""Input stage: find input files, read them within a size limit, tell text from HTML.

Directories are walked lazily in sorted order, so a batch of any size starts
at once, streams, and gives the same order on every run. Only regular files
are taken from a folder: a FIFO, device or socket there is skipped (reading
one could block forever or never end). Every input is read in chunks up to
one byte over the limit, so a pipe, a device, standard input or a gzip bomb
costs at most the limit, and nothing is reserved up front.
"""

from __future__ import annotations

import gzip
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from .errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # 20 MiB: far above any real article page
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
INPUT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
STDIN = "-"
READ_CHUNK = 1 << 20
_HTML_START = re.compile(rb"<(?:!doctype html|html|head|body|meta|div|article|p)[\s>/]")


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


def read_input(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The input's bytes (gunzipped if .gz), or InputError saying why not."""
    if path == STDIN:
        return read_stream(sys.stdin.buffer, max_bytes, "standard input")
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
    except FileNotFoundError as exc:
        raise InputError("no such file") from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory") from exc
    except PermissionError as exc:
        raise InputError("permission denied") from exc
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise InputError(f"corrupt gzip file: {exc}") from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc


def read_stream(stream: BinaryIO, max_bytes: int, what: str) -> bytes:
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


def sniff_format(path: str, data: bytes) -> str:
    """'html' or 'text': by extension, else by the first bytes of the content."""
    suffix = _base_suffix(path)
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = data[:2048].lstrip().lower()
    return "html" if head.startswith(b"<") and _HTML_START.search(head) else "text"
