"""Where article URLs come from: the command line, URL files, RSS / Atom feeds and
sitemaps (indexes, news sitemaps, gzipped ones, plain-text ones).

Feed and sitemap XML comes from other people's servers, so it is parsed with
expat set to refuse what XML bombs are made of: a document that declares an
entity (`<!ENTITY ...>`, the "billion laughs" and quadratic-blowup attacks)
is refused at the declaration, before anything is expanded; parameter
entities and external entities are never loaded; a DOCTYPE without
declarations (RSS 0.91's) is fine. The bytes are capped before parsing (by
the download, and by the decompression of a .gz), so a document costs at most
the cap. Only elements this module looks for are kept, as short strings.

trafilatura's feed and sitemap helpers download through their own HTTP
client, read links with regular expressions and keep no entry dates, so they
are not used here: fetching must go through our client (robots.txt,
politeness, retries, size caps) and `--since` needs each entry's date.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit, urlunsplit
from xml.parsers import expat

from ..errors import InputError
from ..io.inputs import read_input

MAX_URL_LENGTH = 2048
MAX_TEXT = 4096  # characters kept of one element's text (a link or a date)
MAX_ENTRIES = 50_000  # URLs read from one feed or sitemap (the sitemap protocol's limit)
URL_FILE_BYTES = 16 * 1024 * 1024


class SourceError(InputError):
    """A feed, sitemap or URL file that cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One URL a feed or sitemap lists, with its date when the document gives one."""

    url: str
    date: datetime | None = None


@dataclass(slots=True)
class Sitemap:
    """A sitemap's page URLs, or (an index) the sitemaps it lists."""

    pages: list[Entry] = field(default_factory=list)
    sitemaps: list[Entry] = field(default_factory=list)


def check_url(url: str, base: str | None = None) -> str | None:
    """The absolute http(s) URL, without its fragment, or None if it is not one."""
    url = url.strip()
    if not url or len(url) > MAX_URL_LENGTH or any(ch.isspace() for ch in url):
        return None
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))


def read_url_file(path: str) -> list[str]:
    """The lines of a URL file ('-': standard input): blank lines and `#` comments
    skipped. Each line is returned as written; the caller checks it."""
    try:
        data = read_input(path, URL_FILE_BYTES)
    except InputError as exc:
        raise SourceError(f"{'standard input' if path == '-' else path}: {exc}") from exc
    text = data.decode("utf-8", errors="replace")
    lines = []
    for line in text.splitlines():
        line = re.sub(r"\s+#.*", "", line).strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


# --- dates -------------------------------------------------------------------------

_W3C_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?")


def parse_date(text: str) -> datetime | None:
    """A feed or sitemap date: RFC 822 (RSS), ISO 8601 / W3C (Atom, sitemaps, dc:date,
    also just YYYY or YYYY-MM). Naive values are UTC; None if unreadable."""
    text = text.strip()
    if not text:
        return None
    when: datetime | None = None
    if text[:1].isdigit():
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            partial = _W3C_PARTIAL.fullmatch(text)
            if partial:
                when = datetime(int(partial[1]), int(partial[2] or 1), 1)
    if when is None:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def is_recent(entry: Entry, since: datetime | None) -> bool:
    """Whether an entry passes `--since` (an entry without a date always does)."""
    return since is None or entry.date is None or entry.date >= since


# --- safe XML ----------------------------------------------------------------------

def unpack(data: bytes, limit: int) -> bytes:
    """The document's bytes: gunzipped if they are gzip (whatever the URL or the
    content type say), never more than `limit` bytes of it."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    unzip = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = unzip.decompress(data, limit + 1)
    except zlib.error as exc:
        raise SourceError(f"corrupt gzip data: {exc}") from exc
    if len(out) > limit or unzip.unconsumed_tail:
        raise SourceError(f"decompressed size over the {limit:,}-byte limit")
    return out


class _Refused(Exception):
    """Raised from an expat handler: the document declares something we never expand."""


Handler = Callable[[str, dict[str, str]], None]


class _Tree:
    """Streams a document through expat, keeping for each element its local name,
    its attributes and (for the elements asked for) its text."""

    def __init__(self, start: Handler, end: Callable[[str, str], None]) -> None:
        self.stack: list[str] = []
        self._text: list[str] = []
        self._size = 0
        self._start, self._end = start, end

    def parse(self, data: bytes) -> None:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.EntityDeclHandler = self._refuse_entity
        parser.UnparsedEntityDeclHandler = self._refuse_entity
        parser.ExternalEntityRefHandler = self._refuse_external
        parser.StartElementHandler = self._open
        parser.EndElementHandler = self._close
        parser.CharacterDataHandler = self._chars
        parser.buffer_text = True
        try:
            parser.Parse(data, True)
        except _Refused as exc:
            raise SourceError(str(exc)) from None
        except expat.ExpatError as exc:
            raise SourceError(f"not well-formed XML: {exc}") from None

    @staticmethod
    def _refuse_entity(name: str, *args: object) -> None:
        raise _Refused(f"refused: the document declares the XML entity {name!r} "
                       "(entity expansion is not allowed)")

    @staticmethod
    def _refuse_external(*args: object) -> int:
        raise _Refused("refused: the document refers to an external entity")

    def _open(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        self.stack.append(local)
        self._text, self._size = [], 0
        self._start(local, {key.rpartition(" ")[2]: value for key, value in attrs.items()})

    def _chars(self, data: str) -> None:
        if self._size < MAX_TEXT:
            self._text.append(data)
            self._size += len(data)

    def _close(self, name: str) -> None:
        text = "".join(self._text)[:MAX_TEXT].strip()
        self._text, self._size = [], 0
        self._end(self.stack.pop(), text)

    def parent(self, up: int = 1) -> str:
        return self.stack[-1 - up] if len(self.stack) > up else ""


_FEED_ROOTS = {"rss", "RDF", "feed"}
_DATE_NAMES = {"pubDate", "published", "updated", "date", "issued", "modified"}
_PAGE_TYPES = ("", "text/html", "application/xhtml+xml")


class _FeedReader:
    """RSS 0.9x/1.0/2.0 and Atom: each item's or entry's article link and newest date."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.entries: list[Entry] = []
        self.root = ""
        self._item: dict[str, str] | None = None
        self._dates: list[datetime] = []
        self.tree = _Tree(self._start, self._end)

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if not self.root:
            self.root = name
            if name not in _FEED_ROOTS:
                raise _Refused(f"not an RSS or Atom feed (root element <{name}>)")
        if name in ("item", "entry"):
            self._item, self._dates = {}, []
            if "about" in attrs:  # RSS 1.0: <item rdf:about="URL">
                self._item["about"] = attrs["about"]
        elif self._item is not None and name == "link" and "href" in attrs:
            rel = attrs.get("rel", "alternate")
            media = attrs.get("type", "").split(";")[0].strip().lower()
            if rel == "alternate" and media in _PAGE_TYPES:
                self._item.setdefault("alternate", attrs["href"])
        elif self._item is not None and name == "guid":
            self._item["permalink"] = attrs.get("isPermaLink", "true")

    def _end(self, name: str, text: str) -> None:
        item = self._item
        if item is None:
            return
        if name in ("item", "entry"):
            self._add(item)
            self._item = None
        elif name == "link" and text:
            item.setdefault("link", text)
        elif name == "origLink" and text:  # FeedBurner's copy of the publisher's URL
            item["orig"] = text
        elif name == "guid" and text and item.get("permalink") != "false":
            item["guid"] = text
        elif name in _DATE_NAMES and text:
            when = parse_date(text)
            if when is not None:
                self._dates.append(when)

    def _add(self, item: dict[str, str]) -> None:
        if len(self.entries) >= MAX_ENTRIES:
            return
        for key in ("orig", "alternate", "link", "guid", "about"):
            url = check_url(item[key], self.base) if key in item else None
            if url:
                self.entries.append(Entry(url, max(self._dates, default=None)))
                return


def parse_feed(data: bytes, base: str, limit: int) -> list[Entry]:
    """The article links of an RSS or Atom feed, in feed order. SourceError for a
    document that is not a feed, is not well-formed, or declares entities."""
    reader = _FeedReader(base)
    reader.tree.parse(unpack(data, limit))
    if not reader.root:
        raise SourceError("empty document")
    return reader.entries


class _SitemapReader:
    """<urlset> (with news:publication_date) and <sitemapindex>."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.result = Sitemap()
        self.root = ""
        self._loc = ""
        self._dates: list[datetime] = []
        self.tree = _Tree(self._start, self._end)

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if not self.root:
            self.root = name
            if name not in ("urlset", "sitemapindex"):
                raise _Refused(f"not a sitemap (root element <{name}>)")
        if name in ("url", "sitemap") and self.tree.parent() == self.root:
            self._loc, self._dates = "", []

    def _end(self, name: str, text: str) -> None:
        parent = self.tree.parent(0) if self.tree.stack else ""
        if name == "loc" and parent in ("url", "sitemap"):
            self._loc = text
        elif name in ("lastmod", "publication_date") and text:
            when = parse_date(text)
            if when is not None:
                self._dates.append(when)
        elif name in ("url", "sitemap") and parent == self.root:
            kept = self.result.pages if name == "url" else self.result.sitemaps
            url = check_url(self._loc, self.base)
            if url and len(kept) < MAX_ENTRIES:
                kept.append(Entry(url, max(self._dates, default=None)))


def parse_sitemap(data: bytes, base: str, limit: int) -> Sitemap:
    """A sitemap's pages or an index's sitemaps, in document order; a document that
    is not XML is read as a text sitemap (one URL a line)."""
    data = unpack(data, limit)
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        lines = data.decode("utf-8", errors="replace").splitlines()
        urls = (check_url(line) for line in lines[:MAX_ENTRIES])
        return Sitemap(pages=[Entry(url) for url in urls if url])
    reader = _SitemapReader(base)
    # The stack is popped before `_end` runs, so a <loc>'s parent is the top.
    reader.tree.parse(data)
    if not reader.root:
        raise SourceError("empty document")
    return reader.result


def unique(urls: Iterable[str]) -> list[str]:
    """URLs in first-seen order, each once."""
    return list(dict.fromkeys(urls))
