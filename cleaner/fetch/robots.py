"""robots.txt as RFC 9309 says, fetched once per host per run.

The group for our User-Agent's product token is used (all groups naming it,
merged), else the `*` groups; within it the longest matching Allow/Disallow
pattern wins and Allow wins a tie (`*` and a final `$` work as wildcards).
Python's urllib.robotparser takes the first matching line instead, which
answers wrongly for the common `Disallow: /` + `Allow: /news/` file.

Loading: 2xx is parsed (the first MAX_BYTES of it); 4xx means there are no
rules (everything allowed), as does a robots.txt lost in redirects; 5xx or a
network failure is retried with the usual backoff, and if it still fails the
host is treated as fully disallowed for this run: its URLs are reported as
failed ("robots.txt unavailable") and tried again by the next run.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import quote, urlsplit

from .http import FetchError, HttpClient, origin
from .politeness import HostGate

MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
DISALLOWED = "disallowed by robots.txt"
UNAVAILABLE = "robots.txt unavailable"
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")


class _Rule(NamedTuple):
    allow: bool
    pattern: str  # as written: its length ranks matches
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The rules of the group that applies to us."""

    rules: tuple[_Rule, ...] = ()
    crawl_delay: float | None = None

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        target = _normalise((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
        if target == "/robots.txt":
            return True
        best: _Rule | None = None
        for rule in self.rules:
            if rule.regex.match(target) and (
                    best is None or len(rule.pattern) > len(best.pattern)
                    or (len(rule.pattern) == len(best.pattern) and rule.allow)):
                best = rule
        return best is None or best.allow


ALLOW_ALL = RobotsRules()


def _normalise(path: str) -> str:
    """Percent-encode what is not ASCII and upper-case escapes, so `/caf%c3%a9`,
    `/caf%C3%A9` and `/café` compare equal."""
    path = quote(path, safe="/?&=%:@!$'()*+,;~-._[]")
    return _PERCENT.sub(lambda m: m[0].upper(), path)


def _compile(pattern: str) -> re.Pattern[str]:
    anchored = pattern.endswith("$")
    body = _normalise(pattern[:-1] if anchored else pattern)
    regex = ".*".join(re.escape(part) for part in body.split("*"))
    return re.compile(regex + ("$" if anchored else ""))


@dataclass(slots=True)
class _Group:
    agents: list[str] = field(default_factory=list)
    rules: list[_Rule] = field(default_factory=list)
    crawl_delay: float | None = None


def parse_robots(text: str, agent: str) -> RobotsRules:
    """The rules that apply to the product token `agent` (lower case)."""
    groups: list[_Group] = []
    current: _Group | None = None
    in_agents = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        key, sep, value = line.partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip()
        if key in ("user-agent", "useragent"):
            if not in_agents:
                current = _Group()
                groups.append(current)
                in_agents = True
            assert current is not None
            current.agents.append(value.split("/")[0].strip().lower())
            continue
        in_agents = False
        if current is None:
            continue  # rules before any user-agent line belong to no group
        if key in ("allow", "disallow") and value:
            current.rules.append(_Rule(key == "allow", value, _compile(value)))
        elif key == "crawl-delay":
            with contextlib.suppress(ValueError):
                current.crawl_delay = float(value)
    chosen = [g for g in groups if agent in g.agents] or [g for g in groups if "*" in g.agents]
    delays = [g.crawl_delay for g in chosen if g.crawl_delay is not None]
    return RobotsRules(tuple(rule for g in chosen for rule in g.rules),
                       max(delays) if delays else None)


class Robots:
    """The robots.txt of each host, loaded once per run (concurrent askers share
    one request)."""

    def __init__(self, http: HttpClient, gate: HostGate, enabled: bool = True) -> None:
        self.http, self.gate, self.enabled = http, gate, enabled
        self.agent = http.options.agent_token
        self._hosts: dict[str, asyncio.Task[RobotsRules | FetchError]] = {}

    async def check(self, url: str) -> None:
        """Return if `url` may be fetched; FetchError (DISALLOWED or UNAVAILABLE) if not."""
        if not self.enabled:
            return
        host = origin(url)
        task = self._hosts.get(host)
        if task is None:
            task = self._hosts[host] = asyncio.ensure_future(self._load(host))
        rules = await asyncio.shield(task)
        if isinstance(rules, FetchError):
            raise FetchError(UNAVAILABLE, rules.detail)
        if not rules.allows(url):
            raise FetchError(DISALLOWED)

    async def _load(self, host: str) -> RobotsRules | FetchError:
        try:
            fetched = await self.http.get(f"{host}/robots.txt", "robots", limit=MAX_BYTES,
                                          truncate=True)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                return ALLOW_ALL  # no robots.txt: no rules
            if exc.kind in ("redirect loop", "too many redirects"):
                return ALLOW_ALL  # RFC 9309: a robots.txt not found after redirects
            return FetchError(UNAVAILABLE, f"{host}/robots.txt: {exc}")
        rules = parse_robots(fetched.body.decode("utf-8", "replace"), self.agent)
        if rules.crawl_delay:
            self.gate.set_crawl_delay(host, rules.crawl_delay)
        return rules
