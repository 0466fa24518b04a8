"""`make bench`, hostile inputs: seconds and peak RSS per case, each in a fresh
process (ru_maxrss is per process), next to the size of the input; and time per
paragraph at 1k, 10k and 100k paragraphs, which must stay flat (linear stages).
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CASE = r"""
import json, random, resource, sys, time
import cleaner
rules = cleaner.load_rules()
random.seed(1)
WORDS = "the a of to in and said officials minister city people government report".split()
def sentence(n):
    return " ".join(random.choice(WORDS) for _ in range(n)).capitalize() + "."
name, n = sys.argv[1], int(sys.argv[2])
if name == "paragraphs":
    kind, data = "text", "Headline\n\n" + "\n\n".join(sentence(10) for _ in range(n))
elif name == "shared openings":
    kind, data = "text", "Headline\n\n" + "\n\n".join(
        "The minister said that the city " + sentence(8) for _ in range(n))
elif name == "same line":
    kind, data = "text", "Headline\n\n" + "\n".join(["The same sentence again and again."] * n)
elif name == "short runs":  # a page (its menu is cut) whose body alternates pairs of
    kind, data = "text", "Menu\nHome\nHeadline of the big story today\n" + "\n".join(
        f"Council weighs plan number {i} today\nHarbour festival returns for year {i}\nThe "
        f"council said the harbour plan number {i} would be decided next week after a long "
        "debate." for i in range(n))  # short lines and sentences: every run is weighed
elif name == "one long line":
    kind, data = "text", "Headline\n\n" + " ".join(sentence(12) for _ in range(n))
elif name == "html paragraphs":
    kind, data = "html", "<html><body><article><h1>Headline</h1>" + "".join(
        f"<p>{sentence(12)}</p>" for _ in range(n)) + "</article></body></html>"
elif name == "nested divs":
    kind, data = "html", "<html><body>" + "<div>" * n + "<p>x</p></body></html>"
elif name == "links":
    kind, data = "html", "<html><body><article><p>" + sentence(40) + "</p>" + "".join(
        f'<a href="/x{i}">link {i}</a> ' for i in range(n)) + "</article></body></html>"
cleaner.clean_text("Warm up\n\nThe council approved the plan on Monday after a debate.",
                   rules=rules)  # the language detector's model loads once per process
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    clean = cleaner.clean_html if kind == "html" else cleaner.clean_text
    outcome = f"{len(clean(data, rules=rules))} record(s)"
except cleaner.CleanerError as exc:
    outcome = str(exc)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps([len(data.encode()), seconds, base * 1024, peak * 1024, outcome]))
"""

CASES = [("shared openings", 20_000), ("same line", 50_000), ("short runs", 20_000),
         ("paragraphs", 200_001),
         ("one long line", 50_000), ("html paragraphs", 10_000), ("html paragraphs", 50_000),
         ("nested divs", 400_000), ("links", 200_000)]
SCALING = [1_000, 10_000, 100_000]
MIB = 1024 * 1024


# A case runs as the child of a small interpreter: Linux carries a process's peak RSS
# over fork and exec, so a case forked from the bench itself would start at its peak.
VIA_SMALL = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:]).returncode)"


def run_case(name: str, n: int) -> tuple[int, float, int, int, str]:
    out = subprocess.run([sys.executable, "-c", VIA_SMALL, sys.executable, "-c", CASE, name,
                          str(n)], capture_output=True, text=True, check=True, timeout=600)
    size, seconds, base, peak, outcome = json.loads(out.stdout)
    return size, seconds, base, peak, outcome


# The command line on inputs that are endless or expand: peak RSS of the whole run.
CLI = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
      done.stderr.strip().splitlines()[0] if done.stderr.strip() else "")
"""


def run_cli(*args: str) -> tuple[float, int, str]:
    out = subprocess.run([sys.executable, "-c", CLI, sys.executable, "-m", "cleaner", "clean",
                          "-q", *args], capture_output=True, text=True, check=True, timeout=600)
    seconds, rss, message = out.stdout.split(" ", 2)
    return float(seconds), int(rss) * 1024, message.strip()


def bench_cli_inputs() -> None:
    """/dev/zero and a gzip bomb (100 MB of zeros in 100 KB): bounded by --max-bytes."""
    with tempfile.TemporaryDirectory(prefix="cleaner-hostile-") as tmp:
        bomb = Path(tmp) / "bomb.txt.gz"
        with gzip.open(bomb, "wb") as out:
            for _ in range(100):
                out.write(bytes(1024 * 1024))
        for label, path, size in (("/dev/zero", "/dev/zero", "endless"),
                                  ("gzip bomb (100 MB inside)", str(bomb),
                                   f"{bomb.stat().st_size / 1e6:.1f} MB")):
            seconds, rss, message = run_cli(path)
            print(f"{label:<28} {size:>8} {seconds:8.2f} {rss / MIB:9.0f} {'':>7}  {message}")


def bench_hostile() -> None:
    print("\nhostile inputs (each in a fresh process; +MiB: peak RSS over the import baseline)")
    print(f"{'case':<28} {'input MB':>8} {'seconds':>8} {'peak MiB':>9} {'+MiB':>7}  outcome")
    for name, n in CASES:
        size, seconds, base, peak, outcome = run_case(name, n)
        print(f"{f'{name} ({n:,})':<28} {size / 1e6:8.1f} {seconds:8.2f} {peak / MIB:9.0f} "
              f"{(peak - base) / MIB:7.0f}  {outcome}")
    bench_cli_inputs()
    print(f"\n{'paragraphs':>10} {'input MB':>8} {'seconds':>8} {'us/paragraph':>13} "
          f"{'+MiB':>7} {'x input':>8}")
    for n in SCALING:
        size, seconds, base, peak, _ = run_case("paragraphs", n)
        print(f"{n:>10,} {size / 1e6:8.1f} {seconds:8.2f} {seconds / n * 1e6:13.1f} "
              f"{(peak - base) / MIB:7.0f} {(peak - base) / size:8.1f}")


if __name__ == "__main__":
    bench_hostile()
