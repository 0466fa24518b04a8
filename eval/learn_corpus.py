"""Labelled dumps of invented outlets, for measuring `cleaner learn` (eval/learn.py).

Each outlet of eval/learn_outlets.toml wraps gold articles of the dev set (see
synth.load_corpus) in its own chrome: masthead, menu, a date line, a membership
appeal worded without trigger words, an end-of-article module of teasers, a
footer. A few stories are syndicated: the same text in several outlets, one of
them saved many times over by one outlet. Every line is labelled (synth.Line),
so blind.score tells what a cleaning kept and cut.

    python eval/learn_corpus.py --out out/learn-corpus   # write the dumps to look at
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EVAL_DIR = Path(__file__).resolve().parent
sys.path[:0] = [str(EVAL_DIR)]

from synth import MONTHS, Doc, Dump, Line, load_corpus  # noqa: E402

OUTLETS = EVAL_DIR / "learn_outlets.toml"
TRAIN, TEST = 40, 15
SYNDICATED = 5  # stories several outlets carry
SYNDICATED_TRAIN, SYNDICATED_TEST = 4, 2  # of them, per outlet
LIVE_COPIES = 18  # the first outlet saved one syndicated story this often (a live page)
MAX_PARAGRAPHS = 9
PLATFORM = "Built on Quire Press, the newsroom toolkit"


@dataclass(frozen=True, slots=True)
class Outlet:
    """One invented outlet's chrome templates."""

    name: str
    domain: str
    chrome: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Corpus:
    """Per outlet: training dumps and unseen test dumps."""

    outlets: tuple[Outlet, ...]
    train: dict[str, list[Dump]]
    test: dict[str, list[Dump]]


def load_outlets(path: Path = OUTLETS) -> tuple[Outlet, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(Outlet(o["name"], o["domain"], o) for o in data["outlet"])


def build(seed: int = 11, docs: Sequence[Doc] | None = None, train: int = TRAIN,
          test: int = TEST) -> Corpus:
    """The corpus for `seed`: the same seed and articles give the same dumps."""
    outlets = load_outlets()
    pool = sorted(docs if docs is not None else [*load_corpus("tuning"), *load_corpus("blind")],
                  key=lambda d: d.id)
    rng = random.Random(f"learn-corpus:{seed}")
    rng.shuffle(pool)
    syndicated, pool = pool[:SYNDICATED], pool[SYNDICATED:]
    own_test = [pool[i * test:(i + 1) * test - SYNDICATED_TEST] for i in range(len(outlets))]
    rest = pool[len(outlets) * test:]
    corpus = Corpus(outlets, {}, {})
    for n, outlet in enumerate(outlets):
        o_rng = random.Random(f"learn-corpus:{seed}:{outlet.domain}")
        shared = o_rng.sample(syndicated, SYNDICATED_TRAIN)
        copies = [shared[0]] * (LIVE_COPIES if n == 0 else 2) + shared[1:]
        stories = copies + o_rng.sample(rest, train - len(copies))
        tests = own_test[n] + o_rng.sample(syndicated, SYNDICATED_TEST)
        for part, docs_of in (("train", stories), ("test", tests)):
            getattr(corpus, part)[outlet.name] = [
                _dump(o_rng, outlet, doc, rest, f"{outlet.domain}-{part}-{i:02d}")
                for i, doc in enumerate(docs_of)]
    return corpus


class _Lines:
    """A dump being written: labelled lines, one block id per chrome element."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.blocks = 0

    def chrome(self, category: str, texts: Sequence[str]) -> None:
        if self.lines:
            self.lines.append(Line("", "blank"))
        self.lines += [Line(t, "boilerplate", 1, category, self.blocks) for t in texts]
        self.blocks += 1

    def article(self, text: str, kind: str = "paragraph", role: str = "article") -> None:
        self.lines += [Line("", "blank"), Line(text, role, 1, kind)]


def _dump(rng: random.Random, outlet: Outlet, doc: Doc, teasers: Sequence[Doc],
          dump_id: str) -> Dump:
    c, values = outlet.chrome, _values(rng)

    def fill(template: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: values[m[1]], template)

    out = _Lines()
    out.lines.append(Line(f"URL: https://{outlet.domain}/{dump_id}", "blank"))
    out.chrome("banner", [fill(t) for t in c["masthead"]])
    out.chrome("navigation", c["menu"])
    out.lines += [Line("", "blank"), Line(doc.headline, "headline", 1)]
    out.lines.append(Line(fill(c["meta"]), "date", 1))
    paragraphs = doc.paragraphs[:MAX_PARAGRAPHS]
    appeal_at = rng.randint(2, len(paragraphs)) if rng.random() < 0.3 else None
    for i, text in enumerate(paragraphs):
        if i == appeal_at:
            out.chrome("donation_appeal", c["appeal"])
        out.article(text, role="standfirst" if i == 0 and doc.standfirst else "article")
    if "credit" in c and rng.random() < 0.7:
        out.article(c["credit"], "wire_credit")
    if appeal_at is None and rng.random() < 0.85:
        out.chrome("donation_appeal", c["appeal"])
    if rng.random() < 0.9:
        picks = rng.sample([d.headline for d in teasers if d.id != doc.id], rng.randint(3, 5))
        out.chrome("teaser_block", [c["module_start"], *picks, c["module_end"]])
    footer = [fill(t) for t in c["footer"]] + ([PLATFORM] if c.get("platform") else [])
    out.chrome("navigation", footer)
    return Dump(dump_id, "single", "spaced", None, outlet.name, [doc.headline], [doc.id],
                [doc.lang], out.lines, [])


def _values(rng: random.Random) -> dict[str, str]:
    month, day, year = rng.choice(MONTHS), rng.randint(1, 28), rng.randint(2022, 2026)
    hour, minute = rng.randint(1, 12), rng.randint(0, 59)
    return {"date": rng.choice((f"{month} {day}, {year}", f"{day} {month} {year}")),
            "time": f"{hour}:{minute:02d} {rng.choice(('am', 'pm'))}", "year": str(year),
            "n": str(rng.randint(2, 480)),
            "count": f"{rng.randint(2, 90)},{rng.randint(0, 999):03d}"}


def text_of(dump: Dump, url: bool = True) -> str:
    """The dump as saved; url=False leaves out its `URL:` line (outlet by signatures)."""
    lines = dump.lines[1:] if not url and dump.lines[0].text.startswith("URL: ") else dump.lines
    return "\n".join(line.text for line in lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="folder for OUTLET/{train,test}/*.txt")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    corpus = build(args.seed)
    for outlet in corpus.outlets:
        for part, dumps in (("train", corpus.train[outlet.name]),
                            ("test", corpus.test[outlet.name])):
            folder = Path(args.out) / outlet.domain / part
            folder.mkdir(parents=True, exist_ok=True)
            for dump in dumps:
                (folder / f"{dump.id}.txt").write_text(text_of(dump), encoding="utf-8")
    print(f"wrote {len(corpus.outlets)} outlets to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
