"""Where `cleaner explain` reads its one input: a file, '-', or an http(s) URL.

A URL is fetched once through `cleaner fetch`'s client (its User-Agent, time
limits, retries and size cap), like a browser opening the page: robots.txt is
not consulted for one page a person asked for.
"""

from __future__ import annotations

import asyncio

from ..errors import InputError
from ..io.inputs import DEFAULT_MAX_BYTES, Payload, read_payload


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def read_target(target: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Payload, str | None]:
    """The input's content, and for a URL the URL it ended at after redirects;
    InputError when it cannot be read or fetched."""
    if not is_url(target):
        return read_payload(target, max_bytes), None
    from ..fetch.http import Fetched, FetchError, HttpClient  # the HTTP stack, only for a URL
    from ..fetch.options import Clock, FetchOptions
    from ..fetch.politeness import HostGate
    from ..fetch.sources import check_url

    url = check_url(target)
    if url is None:
        raise InputError(f"not a usable http(s) URL: {target}")
    options, clock = FetchOptions(max_bytes=max_bytes), Clock()

    async def fetch() -> Fetched:
        client = HttpClient(options, clock, HostGate(options.per_host, options.delay, clock))
        try:
            return await client.get(url)
        finally:
            await client.aclose()

    try:
        fetched = asyncio.run(fetch())
    except FetchError as exc:
        raise InputError(f"cannot fetch: {exc}") from exc
    return Payload(fetched.body, fetched.charset, "html"), fetched.final_url
