"""Per-host politeness: at most `per_host` requests in flight to one host, and a
minimum delay between the starts of two requests to it.

Each request reserves its start time when it gets a place, so requests to one
host start in the order they asked, `delay` apart, however many wait; a host
whose robots.txt asks for a longer Crawl-delay gets that (up to a cap).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from .options import Clock

MAX_CRAWL_DELAY = 30.0  # seconds: a longer Crawl-delay would stall a cron run


@dataclass(slots=True)
class _Host:
    places: asyncio.Semaphore
    next_start: float = float("-inf")
    last_start: float = float("-inf")
    crawl_delay: float = 0.0


@dataclass(slots=True)
class HostGate:
    """Hands out request slots per origin (scheme://host:port)."""

    per_host: int
    delay: float
    clock: Clock
    _hosts: dict[str, _Host] = field(default_factory=dict)

    def _host(self, origin: str) -> _Host:
        host = self._hosts.get(origin)
        if host is None:
            host = self._hosts[origin] = _Host(asyncio.Semaphore(self.per_host))
        return host

    def set_crawl_delay(self, origin: str, seconds: float) -> None:
        """robots.txt's Crawl-delay for this host (capped at MAX_CRAWL_DELAY); it
        applies from the request that fetched robots.txt on."""
        host = self._host(origin)
        host.crawl_delay = min(max(seconds, 0.0), MAX_CRAWL_DELAY)
        host.next_start = max(host.next_start, host.last_start + host.crawl_delay)

    @asynccontextmanager
    async def slot(self, origin: str) -> AsyncIterator[None]:
        """Hold one of the host's places for a request, started no sooner than the
        host's delay after the previous request's start."""
        host = self._host(origin)
        async with host.places:
            now = self.clock.now()
            start = host.last_start = max(now, host.next_start)
            host.next_start = start + max(self.delay, host.crawl_delay)
            if start > now:
                await self.clock.sleep(start - now)
            yield
