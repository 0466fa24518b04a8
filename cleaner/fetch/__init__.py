"""Fetch-and-clean for cron jobs: `cleaner fetch` and `fetch_urls`.

    from cleaner.fetch import FetchOptions, fetch_urls

    report = fetch_urls(["https://example.com/story"])            # articles in memory
    report = fetch_urls(feeds=["https://example.com/rss"], output="out/news.jsonl",
                        state="out/news.jsonl.fetch.sqlite",
                        options=FetchOptions(delay=2.0, max_urls=200))
    print(report.stats.summary(), len(report.articles))

Modules: sources (URL lists, feeds, sitemaps, safe XML), http (httpx client,
tenacity retries, caps), robots (RFC 9309), politeness (per-host places and
delay), state (SQLite state and lock), append (the appended output), run (the
orchestration) and cli. The HTTP stack is imported on first use of the names
below, so `import cleaner.fetch` (and cleaner's argument parser) stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .options import Clock, FetchOptions
from .state import LockHeld, StateError

if TYPE_CHECKING:
    from .http import FetchError
    from .run import FetchReport, FetchStats, Sources, afetch_urls, fetch_urls

__all__ = [
    "Clock",
    "FetchError",
    "FetchOptions",
    "FetchReport",
    "FetchStats",
    "LockHeld",
    "Sources",
    "StateError",
    "afetch_urls",
    "fetch_urls",
]

_LAZY = {"FetchError": "http", "FetchReport": "run", "FetchStats": "run", "Sources": "run",
         "afetch_urls": "run", "fetch_urls": "run"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
