"""Fetch-and-clean throughput: `cleaner.fetch.fetch_urls` against a local HTTP
server holding 50 article pages, at concurrency 1 and 8, plus the cron re-run
where every page answers 304 Not Modified, then again with 100 ms of latency
before each answer, as a remote site has.

The server is a standard-library ThreadingHTTPServer in its own process on
127.0.0.1 (so it does not share the bench's interpreter lock), keep-alive,
with ETags. Pages are the dev set's first 50 HTML pages when ../shared is
there, else generated articles. Each run starts from an empty state and
output in a temporary folder; figures are the best of `repeat` runs, printed,
never asserted. No per-host delay: this measures our work, not politeness.

    python bench/fetch.py [--pages DIR] [--count 50] [--repeat 2] [--latency 0.1]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cleaner import load_rules
from cleaner.fetch import FetchOptions, fetch_urls

DEVSET_HTML = Path(__file__).resolve().parents[2] / "shared" / "devset" / "html"
SERVER = r"""
import hashlib, http.server, os, sys, time
root, latency = sys.argv[1], float(sys.argv[2])
pages = {name: open(os.path.join(root, name), "rb").read() for name in os.listdir(root)}
tags = {name: '"%s"' % hashlib.md5(data).hexdigest() for name, data in pages.items()}

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        time.sleep(latency)
        name = self.path.lstrip("/")
        if name not in pages:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.headers.get("If-None-Match") == tags[name]:
            self.send_response(304)
            self.send_header("ETag", tags[name])
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(pages[name])))
        self.send_header("ETag", tags[name])
        self.end_headers()
        self.wfile.write(pages[name])

    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


@dataclass(frozen=True, slots=True)
class FetchResult:
    label: str
    pages: int
    seconds: float
    records: int

    def row(self) -> str:
        return (f"{self.label:<42} {self.seconds:8.2f} {self.pages / self.seconds:8.1f} "
                f"{self.records:8}")


def article(n: int) -> bytes:
    paras = "".join(f"<p>Paragraph {i} of story {n}: the harbour council voted on Tuesday to "
                    f"add two evening ferries to the island route, its chair told reporters "
                    f"after a long meeting about timetables and fares.</p>" for i in range(12))
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Story {n}</title></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>Ferry story {n}</h1>{paras}"
            f"</article><footer>Copyright</footer></body></html>").encode()


def prepare_pages(source: Path | None, count: int, folder: Path) -> str:
    """Copy or generate `count` pages into `folder`; says where they came from."""
    found = sorted(source.glob("*.htm*"))[:count] if source and source.is_dir() else []
    for n in range(count):
        data = found[n].read_bytes() if n < len(found) else article(n)
        (folder / f"page{n}.html").write_bytes(data)
    if len(found) == count:
        return f"the first {count} pages of {source}"
    return f"{len(found)} pages of {source} and {count - len(found)} generated ones"


@contextmanager
def local_server(folder: Path, latency: float = 0.0) -> Iterator[str]:
    """Serve `folder` from a separate process, each answer `latency` seconds late;
    yields its base URL."""
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(folder), str(latency)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


def timed_run(urls: list[str], concurrency: int, work: Path, rerun: bool) -> tuple[float, int]:
    """Seconds and new records of one run from an empty state (`rerun`: a second
    run on the state the first left, timed alone)."""
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        out, state = f"{tmp}/out.jsonl", f"{tmp}/state.sqlite"
        options = FetchOptions(concurrency=concurrency, per_host=concurrency, delay=0.0)
        if rerun:
            fetch_urls(urls, output=out, state=state, options=options)
        start = time.perf_counter()
        report = fetch_urls(urls, output=out, state=state, options=options)
        seconds = time.perf_counter() - start
    expected = report.stats.not_modified if rerun else report.stats.fetched
    if expected != len(urls) or report.stats.failures:
        raise SystemExit(f"bench: unexpected run: {report.stats.summary()}")
    return seconds, report.stats.new_records


def bench_fetch(source: Path | None = DEVSET_HTML, count: int = 50, repeat: int = 2,
                concurrency: tuple[int, ...] = (1, 8), latency: float = 0.1) -> list[FetchResult]:
    """Print and return the fetch-and-clean table: the local server as fast as it
    goes, then with `latency` seconds before each answer (a remote site's round
    trip), which is where concurrency pays."""
    load_rules()  # loaded once, as a long run would
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pages = work / "pages"
        pages.mkdir()
        origin = prepare_pages(source, count, pages)
        nbytes = sum(path.stat().st_size for path in pages.iterdir())
        for delay in (0.0, latency):
            with local_server(pages, delay) as base:
                urls = [f"{base}/page{n}.html" for n in range(count)]
                timed_run(urls[:2], 1, work, rerun=False)  # warm-up: imports, caches
                late = f", {delay * 1000:.0f} ms latency" if delay else ""
                runs = [(f"fetch+clean, concurrency {c}{late}", c, False) for c in concurrency]
                if not delay:
                    runs.append((f"re-run, all 304, concurrency {max(concurrency)}",
                                 max(concurrency), True))
                for label, c, rerun in runs:
                    best = min((timed_run(urls, c, work, rerun) for _ in range(repeat)),
                               key=lambda run: run[0])
                    results.append(FetchResult(label, count, best[0], best[1]))
    print(f"\nfetch path: {count} pages ({origin}), {nbytes / 1e6:.1f} MB, from a local "
          f"server in another process; best of {repeat}, empty state each run")
    print(f"{'run':<42} {'seconds':>8} {'pages/s':>8} {'records':>8}")
    for result in results:
        print(result.row())
    print("pages are cleaned one at a time (CPU-bound); concurrency overlaps the downloads "
          "and waits with cleaning")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=DEVSET_HTML,
                        help="folder of HTML pages (default: the dev set's)")
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--latency", type=float, default=0.1,
                        help="seconds the server waits before each answer in the second half")
    args = parser.parse_args()
    bench_fetch(args.pages, args.count, args.repeat, latency=args.latency)


if __name__ == "__main__":
    main()
