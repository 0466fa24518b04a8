"""Input stage: find input files, read them within a size limit, tell text from HTML.

Directories are walked lazily in sorted order, so a batch of any size starts
at once, streams, and gives the same order on every run.
"""

from __future__ import annotations

import gzip
import os
import re
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # 20 MiB: far above any real article page
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
INPUT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
STDIN = "-"
_HTML_START = re.compile(rb"<(?:!doctype html|html|head|body|meta|div|article|p)[\s>/]")


def iter_inputs(paths: list[str]) -> Iterator[str]:
    """Expand the command-line paths: files as given, folders recursively (sorted)."""
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path


def _walk(folder: str, seen: set[tuple[int, int]] | None = None) -> Iterator[str]:
    seen = set() if seen is None else seen
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
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path, seen)
        elif _base_suffix(entry.name) in INPUT_SUFFIXES:
            yield entry.path


def _base_suffix(name: str) -> str:
    name = name.lower().removesuffix(".gz")
    return os.path.splitext(name)[1]


def read_input(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The input's bytes (gunzipped if .gz), or InputError saying why not."""
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        return _within_limit(data, max_bytes, "standard input")
    try:
        size = os.path.getsize(path)
        if size > max_bytes and not path.lower().endswith(".gz"):
            raise InputError(f"file is {_size(size)}, over the {_size(max_bytes)} limit "
                             "(--max-bytes)")
        if path.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        else:
            data = Path(path).read_bytes()
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
    return _within_limit(data, max_bytes, "decompressed content")


def _within_limit(data: bytes, max_bytes: int, what: str) -> bytes:
    if len(data) > max_bytes:
        raise InputError(f"{what} is over the {_size(max_bytes)} limit (--max-bytes)")
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
