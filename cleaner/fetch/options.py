"""What a fetch run may do (limits, politeness, retries) and the clock it waits by.

Kept free of httpx so that the command line can build its parser without
importing the HTTP stack. Tests pass a Clock whose sleep only counts, so a
retry that honours `Retry-After: 120` costs no real time.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

MIB = 1024 * 1024


def _version() -> str:
    from .. import __version__  # the package's own, whatever its distribution name
    return __version__


# The product token ("cleaner") is what robots.txt groups are matched against.
DEFAULT_USER_AGENT = f"cleaner/{_version()} (news article cleaner; python-httpx)"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Settings of one fetch run; the defaults suit a cron job on a few news sites."""

    user_agent: str = DEFAULT_USER_AGENT
    concurrency: int = 8  # requests in flight, all hosts together
    per_host: int = 2  # requests in flight to one host (scheme, host and port)
    delay: float = 1.0  # seconds between the starts of two requests to one host
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # seconds without a byte from the server
    max_redirects: int = 5
    max_bytes: int = 10 * MIB  # one page, after content decoding
    max_xml_bytes: int = 50 * MIB  # one feed or sitemap, decompressed (the sitemap limit)
    retries: int = 3  # further attempts after the first, on transient failures only
    backoff: float = 1.0  # first wait between attempts; doubles each time, plus jitter
    max_backoff: float = 30.0
    max_retry_after: float = 120.0  # a longer Retry-After gives up on the URL for this run
    url_budget: float = 300.0  # seconds for one URL, attempts and waits included
    robots: bool = True  # honour robots.txt
    max_urls: int | None = None  # article URLs per run, in source order
    since: datetime | None = None  # feed / sitemap entries dated before this are skipped

    @property
    def agent_token(self) -> str:
        """The User-Agent's product token, lower-cased: what robots.txt groups name."""
        token = re.match(r"[A-Za-z_-]+", self.user_agent.strip())
        return token[0].lower() if token else "*"


class Clock:
    """Monotonic and wall time and an async sleep: the only way a run waits."""

    def now(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        return time.time()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


_RELATIVE = re.compile(r"(\d+(?:\.\d+)?)\s*([dhm])", re.IGNORECASE)
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """`--since`: a date (2024-05-01), an ISO date-time, or an age such as 2d, 12h,
    30m. Naive values are UTC. ValueError for anything else."""
    text = value.strip()
    match = _RELATIVE.fullmatch(text)
    if match:
        now = now or datetime.now(UTC)
        return now - timedelta(**{_UNITS[match[2].lower()]: float(match[1])})
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"expected a date (2024-05-01), a date-time or an age "
                         f"(2d, 12h, 30m), got {value!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
