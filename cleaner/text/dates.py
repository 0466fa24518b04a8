"""Publication dates, written the same way in every record.

Pages give dates in many spellings (`2025-11-03`, `...T10:00:00.123Z`,
`+0000`, `2024-04-30 16:38:37 +02:00`, `Tue, 26 Nov 2024 21:27:00 GMT`), text
dumps as a date line under the headline ('Tue, 26 November 2024 9:27PM',
'April 25, 2023'). A record carries two forms, each always written one way,
because a loader reads a column in the format of its first value and fails
on any other (`pandas.to_datetime(df.published, utc=True)` does):

- `published`: the date as the source wrote it, `YYYY-MM-DD`, whenever one is known;
- `published_datetime`: `YYYY-MM-DDTHH:MM:SS+HH:MM` (seconds, the source's own
  offset) when the source gives a time with an offset or a time zone; a time
  without one cannot be placed and is not kept (the date is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_MONTHS = {m: n for n, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_PATTERNS = (
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? {_MONTH},? (?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b{_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"(?P<year>(?:19|20)\d\d)年(?P<mon>\d{1,2})月(?P<day>\d{1,2})日"),  # CJK
)
# ISO 8601 as pages write it: date, optional time (minutes, seconds, fractions),
# optional offset ('Z', '+02:00', '+0200', '+02', a space before it allowed).
_ISO = re.compile(
    r"(?P<date>\d{4}-\d\d-\d\d)"
    r"(?:[T ](?P<h>\d\d):(?P<m>\d\d)(?::(?P<s>\d\d)(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)?",
    re.I)
_EPOCH = re.compile(r"\d{10}(?:\d{3})?")  # Unix time in seconds or milliseconds
_YEARS = range(1800, 2200)  # outside this a "date" is a placeholder or a typo


def find_date(text: str) -> str | None:
    """The first calendar date written in the line, as YYYY-MM-DD."""
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        parts = match.groupdict()
        month = int(parts["mon"]) if parts.get("mon") else _MONTHS[parts["month"][:3].lower()]
        try:
            return date(int(parts["year"]), month, int(parts["day"])).isoformat()
        except ValueError:  # 31 February and the like
            continue
    return None


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date read from the source: the date, the instant when the
    source gives one, or the raw value when neither could be read."""

    date: str | None = None
    datetime: str | None = None
    raw: str | None = None


def parse_published(value: str | None) -> Published:
    """Read a date the source gave (see the module doc); `raw` keeps a value that
    holds no date readable without guessing (relative dates, day-first numerals
    such as 03/04/2024)."""
    if not value or not (text := " ".join(value.split())):
        return Published()
    when, exact = _iso(text) or _email(text) or _epoch(text) or (None, False)
    if when is None:
        found = find_date(text)
        when = datetime.fromisoformat(found) if found else None
    if when is None or when.year not in _YEARS:
        return Published(raw=text)
    return Published(when.date().isoformat(),
                      when.isoformat(timespec="seconds") if exact else None)


def _iso(text: str) -> tuple[datetime, bool] | None:
    match = _ISO.match(text)
    if match is None or (match.end() < len(text) and text[match.end()].isalnum()):
        return None
    try:
        day = date.fromisoformat(match["date"])
        clock = (int(match["h"] or 0), int(match["m"] or 0), int(match["s"] or 0))
        when = datetime(day.year, day.month, day.day, *clock)
    except ValueError:
        return None
    if match["h"] is None or match["tz"] is None:
        return when, False
    return when.replace(tzinfo=_offset(match["tz"])), True


def _offset(tz: str) -> timezone:
    if tz.upper() in ("Z", "UTC", "GMT"):
        return UTC
    digits = tz[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return timezone(timedelta(minutes=minutes if tz[0] == "+" else -minutes))


def _email(text: str) -> tuple[datetime, bool] | None:
    """RFC 2822 dates, as feeds and HTTP headers write them."""
    if not text[:1].isalnum():
        return None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return when, when.tzinfo is not None


def _epoch(text: str) -> tuple[datetime, bool] | None:
    if not _EPOCH.fullmatch(text):
        return None
    seconds = int(text) / (1000 if len(text) == 13 else 1)
    return datetime.fromtimestamp(seconds, UTC), True
