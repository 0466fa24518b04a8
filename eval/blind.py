"""Blind synthetic evaluation of the text-dump path: leaks, losses, splits, headlines.

Generates labelled dumps (eval/synth.py) in memory, cleans each with
cleaner.clean_text and scores the records against the labels:

    python eval/blind.py [--n 400] [--seed 7] [--wording eval/blind_wording.toml]
                         [--json FILE] [--dump-dir DIR] [--failures N]

Use --wording eval/tuning_wording.toml while developing; the blind file is frozen.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parent
sys.path[:0] = [str(EVAL_DIR), str(EVAL_DIR.parent)]  # synth, and this checkout's cleaner

from synth import (  # noqa: E402
    ALL_CATEGORIES,
    ARTICLE_KINDS,
    Dump,
    Line,
    generate,
    load_corpus,
    load_wording,
    norm,
)

import cleaner  # noqa: E402

VARIANTS = ("keyword", "plain", "other-lang", "structural")


@dataclass(slots=True)
class Outcome:
    """What the cleaner made of one dump, matched line by line against its labels."""

    dump: Dump
    records: list[cleaner.Article]
    error: str | None
    paras: list[list[str]]  # normalised body paragraphs, per record
    leaked: dict[int, list[str]]  # block id -> its lines found in a body
    partial: dict[int, list[str]]  # block id -> body paragraphs that are a piece of its lines
    lost: list[int]  # indexes into dump.lines of article lines found in no body
    trimmed: list[str]  # body paragraphs that are a piece of an article line
    record_of: dict[int, int | None]  # article number -> record holding most of its lines
    split_ok: bool | None  # double dumps: two records, each with its own article's lines
    headline_ok: dict[int, bool]
    control_ok: bool | None
    meta_kept: tuple[int, int]  # byline/date lines surviving, out of
    outlet_case: bool | None  # a bare outlet-name trailer: did the record name the outlet?


def clean(dump: Dump, rules: cleaner.RuleSet) -> Outcome:
    """Clean one dump and score the result."""
    try:
        records, error = cleaner.clean_text(dump.text, rules=rules, source=f"{dump.id}.txt"), None
    except Exception as exc:  # a crash is a finding, not a reason to stop the run
        records, error = [], f"{type(exc).__name__}: {exc}"
    return score(dump, records, error)


def score(dump: Dump, records: list[cleaner.Article], error: str | None = None) -> Outcome:
    """Match the records' body paragraphs against the dump's labelled lines. A
    standfirst set apart from the body (DESIGN.md: it only repeats body text) is
    in the record: it counts as kept when article text, as leaked when boilerplate."""
    paras = [[p for p in (norm(x) for x in r.body.split("\n")) if p] for r in records]
    found = {p for ps in paras for p in ps} | {norm(r.standfirst) for r in records
                                                if r.standfirst}
    block_lines: dict[int, list[str]] = defaultdict(list)
    for line in dump.lines:
        if line.role == "boilerplate":
            block_lines[line.block].append(norm(line.text))
    leaked = {b: hit for b, texts in block_lines.items() if (hit := [t for t in texts
                                                                     if t in found])}
    lost = [i for i, ln in enumerate(dump.lines) if ln.is_body and norm(ln.text) not in found]
    inputs = {norm(ln.text) for ln in dump.lines if ln.role != "blank"}
    partial: dict[int, list[str]] = defaultdict(list)
    trimmed: list[str] = []
    for para in sorted(found - inputs):
        source = next((ln for ln in dump.lines if ln.role != "blank" and para in norm(ln.text)),
                      None)
        if source is not None and source.role == "boilerplate":
            partial[source.block].append(para)
        elif source is not None and source.is_body:
            trimmed.append(para)
    n_articles = len(dump.headlines)
    own = {a: {norm(ln.text) for ln in dump.body_lines(a)} for a in range(1, n_articles + 1)}
    record_of: dict[int, int | None] = {}
    for a, texts in own.items():
        counts = [len(texts & set(ps)) for ps in paras]
        record_of[a] = max(range(len(paras)), key=counts.__getitem__) if any(counts) else None
    headline_ok = {}
    for a in own:
        r = record_of[a] if record_of[a] is not None else (a - 1 if a - 1 < len(records) else None)
        headline_ok[a] = r is not None and norm(records[r].headline or "") == norm(
            dump.headlines[a - 1])
    split_ok = None
    if dump.kind == "double":
        split_ok = len(records) == 2 and all(
            len(own[a] & set(paras[a - 1])) * 2 >= len(own[a])
            and not (own[3 - a] - own[a]) & set(paras[a - 1]) for a in (1, 2))
    control_ok = None
    if dump.kind == "control":
        expected = [norm(ln.text) for ln in dump.body_lines(1)]
        control_ok = len(records) == 1 and paras[0] == expected
    meta = [ln for ln in dump.lines if ln.role in ("byline", "date")]
    outlet_case = None
    if any(b.category == "trailer" and block_lines[b.id] == [norm(dump.outlet)]
           for b in dump.blocks):
        outlet_case = any(r.outlet == dump.outlet for r in records)
    return Outcome(dump, records, error, paras, leaked, dict(partial), lost, trimmed, record_of,
                   split_ok, headline_ok, control_ok,
                   (sum(norm(ln.text) in found for ln in meta), len(meta)), outlet_case)


# ---------------------------------------------------------------------------- figures

def _rate(hit: int, total: int) -> float | None:
    return round(hit / total, 4) if total else None


@dataclass(slots=True)
class _Tally:
    hit: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hit += bool(hit)
        self.total += 1

    def as_dict(self) -> dict[str, object]:
        return {"hit": self.hit, "total": self.total, "rate": _rate(self.hit, self.total)}


@dataclass(slots=True)
class Figures:
    """Every figure of a run (see blind.py's docstring and --json)."""

    leak: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    leak_variant: dict[tuple[str, str], _Tally] = field(default_factory=lambda: defaultdict(
        _Tally))
    partial: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    leak_zone: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    leak_style: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    loss_style: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    split_style: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    loss: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    control: _Tally = field(default_factory=_Tally)
    split: _Tally = field(default_factory=_Tally)
    split_records: Counter[int] = field(default_factory=Counter)
    one_split: _Tally = field(default_factory=_Tally)
    one_empty: _Tally = field(default_factory=_Tally)
    headline: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    meta: _Tally = field(default_factory=_Tally)
    outlet: _Tally = field(default_factory=_Tally)
    trimmed: int = 0
    errors: int = 0
    kinds: Counter[str] = field(default_factory=Counter)

    def add(self, o: Outcome) -> None:
        """Count one dump's outcome in."""
        dump = o.dump
        self.kinds[dump.kind] += 1
        self.errors += o.error is not None
        for block in dump.blocks:
            leaked = block.id in o.leaked
            for key in (block.category, "all"):
                self.leak[key].add(leaked)
                self.partial[key].add(leaked or block.id in o.partial)
            self.leak_variant[(block.category, block.variant)].add(leaked)
            self.leak_variant[("all", block.variant)].add(leaked)
            self.leak_zone[block.zone].add(leaked)
            self.leak_style[dump.style].add(leaked)
        lost = set(o.lost)
        for i, line in enumerate(dump.lines):
            if line.is_body:
                kind = "standfirst" if line.role == "standfirst" else line.kind
                self.loss[kind].add(i in lost)
                self.loss["all"].add(i in lost)
                self.loss_style[dump.style].add(i in lost)
        if o.control_ok is not None:
            self.control.add(o.control_ok)
        if o.split_ok is not None:
            self.split.add(o.split_ok)
            self.split_style[dump.separator or "-"].add(o.split_ok)
            self.split_records[min(len(o.records), 3)] += 1
        else:
            self.one_split.add(len(o.records) > 1)
            self.one_empty.add(not o.records)
        for a, ok in o.headline_ok.items():
            self.headline["all"].add(ok)
            key = dump.kind if dump.kind != "double" else f"double, article {a}"
            self.headline[key].add(ok)
        self.meta.hit += o.meta_kept[0]
        self.meta.total += o.meta_kept[1]
        if o.outlet_case is not None:
            self.outlet.add(o.outlet_case)
        self.trimmed += len(o.trimmed)

    def as_dict(self) -> dict[str, object]:
        """Every figure, JSON-ready."""
        return {
            "dumps": dict(self.kinds), "errors": self.errors,
            "boilerplate_leak": {k: self.leak[k].as_dict() for k in ("all", *ALL_CATEGORIES)
                                 if k in self.leak},
            "boilerplate_leak_by_variant": {
                f"{c}/{v}": t.as_dict() for (c, v), t in sorted(self.leak_variant.items())},
            "boilerplate_leak_incl_partial": {k: t.as_dict() for k, t in self.partial.items()},
            "boilerplate_leak_by_zone": {k: t.as_dict() for k, t in self.leak_zone.items()},
            "boilerplate_leak_by_layout": {k: t.as_dict() for k, t in self.leak_style.items()},
            "sentence_loss_by_layout": {k: t.as_dict() for k, t in self.loss_style.items()},
            "sentence_loss": {k: self.loss[k].as_dict() for k in ("all", *ARTICLE_KINDS)
                              if k in self.loss},
            "trimmed_article_paragraphs": self.trimmed,
            "control_pass": self.control.as_dict(),
            "split_accuracy": self.split.as_dict(),
            "split_accuracy_by_separator": {k: t.as_dict() for k, t in self.split_style.items()},
            "double_record_counts": {("3+" if k == 3 else str(k)): v
                                     for k, v in sorted(self.split_records.items())},
            "one_article_split": self.one_split.as_dict(),
            "one_article_no_record": self.one_empty.as_dict(),
            "headline_exact": {k: t.as_dict() for k, t in self.headline.items()},
            "metadata_kept": self.meta.as_dict(),
            "outlet_from_trailer": self.outlet.as_dict(),
        }


def _pct(t: _Tally) -> str:
    return f"{100 * t.hit / t.total:5.1f}%" if t.total else "    -"


def report(fig: Figures, head: str) -> str:
    """The compact table printed after a run."""
    out = [head, ""]
    out.append("boilerplate leak: blocks with a line left in some body "
               "(plain = English wording without the usual trigger words)")
    out.append(f"  {'category':<18} {'blocks':>6} {'leaked':>6} {'rate':>6}   "
               f"{'keyword':>7} {'plain':>6} {'de/es/fr':>8}   {'+partial':>8}")
    for cat in (*ALL_CATEGORIES, "all"):
        t = fig.leak.get(cat)
        if t is None or not t.total:
            continue
        by = [fig.leak_variant.get((cat, v), _Tally()) for v in VARIANTS[:3]]
        out.append(f"  {cat:<18} {t.total:>6} {t.hit:>6} {_pct(t)}   {_pct(by[0]):>7} "
                   f"{_pct(by[1]):>6} {_pct(by[2]):>8}   {_pct(fig.partial[cat]):>8}")
    out.append("  by zone:   " + _line(fig.leak_zone, ("top", "head", "mid", "end", "between")))
    out.append("  by layout: " + _line(fig.leak_style, ("spaced", "compact")))
    out += ["", "sentence loss: article lines missing from every body",
            f"  {'kind':<18} {'lines':>6} {'lost':>6} {'rate':>6}"]
    for kind in (*ARTICLE_KINDS, "all"):
        t = fig.loss.get(kind)
        if t is not None and t.total:
            out.append(f"  {kind:<18} {t.total:>6} {t.hit:>6} {_pct(t)}")
    out.append("  by layout: " + _line(fig.loss_style, ("spaced", "compact")))
    if fig.trimmed:
        out.append(f"  ({fig.trimmed} body paragraphs are a trimmed piece of an article line)")
    counts = " ".join(f"{'3+' if k == 3 else k}:{v}" for k, v in sorted(fig.split_records.items()))
    heads = ", ".join(f"{k} {_pct(t).strip()}" for k, t in fig.headline.items() if k != "all")
    out += [
        "",
        f"control pass rate      {_frac(fig.control)}",
        f"split accuracy         {_frac(fig.split)}   records per double dump: {counts}",
        "  by separator:        " + _line(fig.split_style, ("blank", "gap", "marker", "echo")),
        f"one-article dumps split {_frac(fig.one_split)}   with no record: {_frac(fig.one_empty)}",
        f"headline exact match   {_frac(fig.headline['all'])}   ({heads})",
        f"metadata lines kept    {_frac(fig.meta)}   (byline/date: not scored)",
        f"outlet from trailer    {_frac(fig.outlet)}   (dumps ending in a bare outlet line)",
    ]
    if fig.errors:
        out.append(f"cleaner errors         {fig.errors}")
    return "\n".join(out)


def _line(tallies: dict[str, _Tally], keys: Sequence[str]) -> str:
    """'key rate (n)' for each key with data, on one line."""
    return "   ".join(f"{k} {_pct(tallies[k]).strip()} ({tallies[k].total})"
                       for k in keys if k in tallies and tallies[k].total)


def _frac(t: _Tally) -> str:
    return f"{t.hit}/{t.total} = {_pct(t).strip()}" if t.total else "-"


# ---------------------------------------------------------------------------- failures

def _round_robin(groups: dict[str, list[str]], n: int) -> Iterable[str]:
    """Up to n items, taking one from each group in turn (variety over volume)."""
    queues = [list(v) for _, v in sorted(groups.items())]
    taken = 0
    while taken < n and any(queues):
        for q in queues:
            if q and taken < n:
                yield q.pop(0)
                taken += 1


def _short(text: str, width: int = 110) -> str:
    text = norm(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def failures(outcomes: Sequence[Outcome], n: int) -> str:
    """Examples of leaked blocks, lost lines, wrong splits, failed controls and headlines."""
    leaks: dict[str, list[str]] = defaultdict(list)
    losses: dict[str, list[str]] = defaultdict(list)
    other: dict[str, list[str]] = defaultdict(list)
    for o in outcomes:
        d = o.dump
        for block in d.blocks:
            if block.id in o.leaked or block.id in o.partial:
                hit = o.leaked.get(block.id) or o.partial[block.id]
                how = "leaked" if block.id in o.leaked else "partly leaked"
                leaks[block.category].append(
                    f"  {d.id} {block.category} ({block.variant}, entry {block.entry}) {how}: "
                    + " ⏎ ".join(_short(t, 70) for t in hit[:3]))
        for i in o.lost:
            line = d.lines[i]
            before = _neighbour(d.lines, i, -1)
            context = (f"after {'/'.join(map(str, before.label))}: {_short(before.text, 60)!r}"
                       if before else "at the top")
            losses[line.kind or line.role].append(
                f"  {d.id} {line.kind or line.role} lost: {_short(line.text, 80)!r}\n"
                f"      {context}")
        if o.split_ok is False:
            other["split"].append(
                f"  {d.id} double (separator {d.separator}, {d.style}): {len(o.records)} "
                f"record(s), headlines {[_short(r.headline or '', 40) for r in o.records]}")
        if o.control_ok is False:
            want = [norm(ln.text) for ln in d.body_lines(1)]
            got = o.paras[0] if o.records else []
            diff = next((i for i, (a, b) in enumerate(zip(want, got, strict=False)) if a != b),
                        min(len(want), len(got)))
            other["control"].append(
                f"  {d.id} control: {len(o.records)} record(s); first difference at paragraph "
                f"{diff}: want {_short(want[diff], 50) if diff < len(want) else '-'!r}, got "
                f"{_short(got[diff], 50) if diff < len(got) else '-'!r}")
        for a, ok in o.headline_ok.items():
            if not ok:
                r = o.record_of[a]
                got = o.records[r].headline if r is not None else None
                other["headline"].append(
                    f"  {d.id} article {a}: want {_short(d.headlines[a - 1], 50)!r}, "
                    f"got {_short(got or '', 50) if got is not None else None!r}")
    out = []
    for title, groups in (("leaked blocks", leaks), ("lost article lines", losses)):
        total = sum(map(len, groups.values()))
        out.append(f"{title} ({total}, up to {n} shown, spread over kinds):")
        out += list(_round_robin(groups, n)) or ["  none"]
    for key in ("split", "control", "headline"):
        out.append(f"{key} failures ({len(other[key])}, up to {n} shown):")
        out += other[key][:n] or ["  none"]
    return "\n".join(out)


def _neighbour(lines: Sequence[Line], i: int, step: int) -> Line | None:
    j = i + step
    while 0 <= j < len(lines) and lines[j].role == "blank":
        j += step
    return lines[j] if 0 <= j < len(lines) else None


# ---------------------------------------------------------------------------- command line

def write_dumps(outcomes: Sequence[Outcome], folder: Path) -> None:
    """DIR/<id>.txt per dump, DIR/labels.jsonl (labels) and DIR/results.jsonl (outcomes)."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "labels.jsonl").open("w", encoding="utf-8") as labels, \
            (folder / "results.jsonl").open("w", encoding="utf-8") as results:
        for o in outcomes:
            (folder / f"{o.dump.id}.txt").write_text(o.dump.text, encoding="utf-8")
            labels.write(json.dumps(o.dump.to_json(), ensure_ascii=False) + "\n")
            results.write(json.dumps({
                "id": o.dump.id, "error": o.error,
                "records": [{"headline": r.headline, "outlet": r.outlet,
                             "standfirst": r.standfirst, "body": r.body}
                            for r in o.records],
                "leaked_blocks": sorted(o.leaked), "partly_leaked_blocks": sorted(o.partial),
                "lost_lines": o.lost, "split_ok": o.split_ok, "control_ok": o.control_ok,
                "headline_ok": {str(k): v for k, v in o.headline_ok.items()},
            }, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Generate, clean, score and report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=400, help="number of dumps (default 400)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--wording", default=str(EVAL_DIR / "blind_wording.toml"))
    parser.add_argument("--rules", default=None, help="rules folder (default: the cleaner's)")
    parser.add_argument("--json", metavar="FILE", help="write every figure as JSON")
    parser.add_argument("--dump-dir", metavar="DIR", help="write dumps, labels and results")
    parser.add_argument("--failures", type=int, default=0, metavar="N",
                        help="print up to N examples of each kind of failure")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    wording = load_wording(args.wording)
    corpus = load_corpus(wording.articles)
    dumps = generate(wording, args.n, args.seed, corpus)
    generated = time.perf_counter()
    rules = cleaner.load_rules(args.rules)
    outcomes = [clean(d, rules) for d in dumps]
    cleaned = time.perf_counter()

    fig = Figures()
    for o in outcomes:
        fig.add(o)
    size = sum(len(d.text.encode("utf-8")) for d in dumps)
    head = (f"wording {args.wording} ({wording.name}; articles: {wording.articles} half, "
            f"{len(corpus)} gold docs), n={args.n}, seed={args.seed}\n"
            f"dumps: {', '.join(f'{v} {k}' for k, v in sorted(fig.kinds.items()))}; "
            f"{size / 1e6:.2f} MB; generated in {generated - started:.1f} s, cleaned in "
            f"{cleaned - generated:.1f} s ({len(dumps) / max(cleaned - generated, 1e-9):.0f} "
            f"dumps/s)")
    print(report(fig, head))
    if args.failures:
        if wording.name == "blind":
            print("\n(blind wording: read these for mechanisms; never copy the phrasings into "
                  "patterns or rules)", file=sys.stderr)
        print()
        print(failures(outcomes, args.failures))
    if args.json:
        figures = {"wording": args.wording, "wording_name": wording.name, "n": args.n,
                   "seed": args.seed, "gold_docs": len(corpus), "bytes": size,
                   "seconds": {"generate": round(generated - started, 3),
                               "clean": round(cleaned - generated, 3)},
                   **fig.as_dict()}
        Path(args.json).write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    if args.dump_dir:
        write_dumps(outcomes, Path(args.dump_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
