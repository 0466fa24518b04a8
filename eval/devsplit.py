"""Dev-set scores per publisher half ("tune" / "check", eval/devset_split.json) and overall.

    python eval/devsplit.py [--devset ../shared/devset] [--devset ../shared/devset-ml]
                            [--paths html,text] [--out out/eval] [--json FILE] [--jobs 2]

For each dev set and path the cleaner runs in-process (html/ -> clean_html, text/ ->
clean_text, the default rules) and its predictions are written to --out as JSONL, one
line per page with an article (bodies of several records joined by a blank line), as
the CLI would write them.  Plain trafilatura runs on html/ in two settings:

    traf-ref      bare_extraction(bytes, with_metadata=True, include_comments=False,
                  include_tables=True): the dev set's reference run (text, title, sitename)
    traf-extract  extract(str, include_comments=False): body only

Trafilatura output is cached in --out/trafilatura-<version>/<file sha1>.json.  Every
prediction file is scored with the dev set's own score.py (load_predictions, score_doc,
summarise), per half and overall.  Extra columns: no_rec = pages without a record (for
trafilatura: extraction returned None); lost = pages where the cleaner gives no record
or an empty body while traf-ref has >= 200 chars.  Then the pages where cleaner body F1
falls furthest below traf-ref's (text dumps are compared with traf-ref on the same page's
HTML).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import logging
import multiprocessing
import sys
import time
from dataclasses import dataclass
from multiprocessing.pool import Pool
from pathlib import Path
from types import ModuleType
from typing import Any

import trafilatura

import cleaner

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
DEFAULT_DEVSETS = (str(SHARED / "devset"), str(SHARED / "devset-ml"))
SPLIT = HERE / "devset_split.json"
HALVES = ("tune", "check", "all")
TRAF_MIN_CHARS = 200
WORST = 15
Row = dict[str, Any]
Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Page:
    """One dev-set page: its id, half and input files."""

    id: str
    half: str
    html: Path
    text: Path


# --- workers -------------------------------------------------------------------------

_rules: cleaner.RuleSet | None = None


def _init_worker() -> None:
    """Load the rules once per worker; silence trafilatura's warnings."""
    global _rules
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    _rules = cleaner.load_rules()


def _clean(task: tuple[str, str]) -> Record:
    """Cleaner prediction for one file: kind 'html' or 'text'."""
    kind, path = task
    try:
        if kind == "html":
            articles = cleaner.clean_html(Path(path).read_bytes(), rules=_rules)
        else:
            articles = cleaner.clean_text(Path(path).read_text(encoding="utf-8"), rules=_rules)
    except Exception as exc:  # one broken page must not stop the evaluation
        return {"source": path, "records": 0, "error": f"{type(exc).__name__}: {exc}"}
    return {"source": path, "records": len(articles),
            "headline": next((a.headline for a in articles if a.headline), None),
            "outlet": next((a.outlet for a in articles if a.outlet), None),
            "body": "\n\n".join(a.body for a in articles if a.body)}


def _trafilatura(path: str) -> dict[str, Record]:
    """Both trafilatura settings on one HTML file."""
    data = Path(path).read_bytes()
    doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                      include_tables=True)
    text = trafilatura.extract(data.decode("utf-8"), include_comments=False)
    return {"traf-ref": {"none": doc is None, "body": (doc.text if doc else "") or "",
                         "headline": doc.title if doc else None,
                         "outlet": doc.sitename if doc else None},
            "traf-extract": {"none": text is None, "body": text or ""}}


# --- running -------------------------------------------------------------------------

def load_scorer(devset: Path) -> ModuleType:
    """The dev set's own score.py as a module."""
    spec = importlib.util.spec_from_file_location(f"score_{devset.name.replace('-', '_')}",
                                                  devset / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(devset: Path, ids: list[str], split: dict[str, str]) -> list[Page]:
    """Every gold page, with its half ('unassigned' if the split lacks it)."""
    return [Page(i, split.get(i, "unassigned"), devset / "html" / f"{i}.html",
                 devset / "text" / f"{i}.txt") for i in ids]


def run_cleaner(pool: Pool, pages: list[Page], kind: str) -> dict[str, Record]:
    """id -> cleaner prediction for every page, biggest files first for balance."""
    files = {p.id: str(p.html if kind == "html" else p.text) for p in pages}
    order = sorted(files, key=lambda i: -Path(files[i]).stat().st_size)
    results = pool.map(_clean, [(kind, files[i]) for i in order], chunksize=1)
    return dict(zip(order, results, strict=True))


def run_trafilatura(pool: Pool, pages: list[Page], cache: Path) -> dict[str, dict[str, Record]]:
    """id -> {setting -> prediction}, from the cache where the file's sha1 is known."""
    cache.mkdir(parents=True, exist_ok=True)
    out: dict[str, dict[str, Record]] = {}
    todo: list[tuple[Page, Path]] = []
    for page in pages:
        entry = cache / f"{hashlib.sha1(page.html.read_bytes()).hexdigest()}.json"
        if entry.exists():
            out[page.id] = json.loads(entry.read_text(encoding="utf-8"))
        else:
            todo.append((page, entry))
    results = pool.map(_trafilatura, [str(page.html) for page, _ in todo], chunksize=1)
    for (page, entry), result in zip(todo, results, strict=True):
        entry.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        out[page.id] = result
    return out


def write_predictions(path: Path, pages: list[Page], preds: dict[str, Record],
                      skip_empty: bool) -> None:
    """JSONL in the scorer's format; skip_empty leaves out pages without a record."""
    with path.open("w", encoding="utf-8") as fh:
        for page in pages:
            pred = preds[page.id]
            if skip_empty and not pred.get("records"):
                continue
            rec = {"source": pred.get("source", str(page.html)), "body": pred.get("body") or ""}
            rec.update({k: pred[k] for k in ("headline", "outlet") if k in pred})
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


# --- scoring -------------------------------------------------------------------------

def score_file(scorer: ModuleType, gold: dict[str, Any], pred_file: Path, pages: list[Page],
               preds: dict[str, Record], traf_ref: dict[str, Record], is_cleaner: bool
               ) -> list[Row]:
    """score.py's per-document rows, plus half, body chars, no_rec and lost."""
    merged, unmatched, _ = scorer.load_predictions(str(pred_file), gold)
    if unmatched:
        sys.exit(f"{pred_file}: {len(unmatched)} unmatched record(s), e.g. {unmatched[:3]}")
    rows = []
    for page in pages:
        row = dict(scorer.score_doc(gold[page.id], merged.get(page.id)))
        pred = preds[page.id]
        body = pred.get("body") or ""
        no_rec = not pred.get("records") if is_cleaner else bool(pred.get("none"))
        row.update(half=page.half, body_chars=len(body), no_record=no_rec)
        if is_cleaner:
            row["lost"] = (no_rec or not body.strip()) and len(traf_ref[page.id]["body"]) >= \
                TRAF_MIN_CHARS
            if "error" in pred:
                row["error"] = pred["error"]
        rows.append(row)
    return rows


def summarise(scorer: ModuleType, rows: list[Row]) -> dict[str, dict[str, Any]]:
    """score.py's summary per half and over all pages, with no_rec and lost counts."""
    out = {}
    for half in HALVES:
        part = [r for r in rows if half in ("all", r["half"])]
        s = dict(scorer.summarise(part)) if part else {"docs": 0}
        s["no_rec"] = sum(r["no_record"] for r in part)
        s["lost"] = sum(r["lost"] for r in part) if part and "lost" in part[0] else None
        out[half] = s
    return out


COLS = (("docs", "docs"), ("body_p", "body_p"), ("body_r", "body_r"), ("body_f1", "body_f1"),
        ("head_em", "head_em"), ("contain", "contain"), ("not_contain", "not_cont"),
        ("outlet", "outlet"), ("no_rec", "no_rec"), ("lost", "lost"))


def fmt(value: Any) -> str:
    """A table cell."""
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def print_table(name: str, pages: list[Page], summaries: dict[tuple[str, str], Any]) -> None:
    """One row per (path, extractor) x half."""
    counts = {h: sum(p.half == h for p in pages) for h in ("tune", "check")}
    print(f"\n== {name}: {len(pages)} pages (tune {counts['tune']}, check {counts['check']}) ==")
    print(f"{'path':<5} {'extractor':<13} {'half':<6}" + "".join(f"{h:>9}" for _, h in COLS))
    for (path, extractor), by_half in summaries.items():
        for half in HALVES:
            s = by_half[half]
            print(f"{path:<5} {extractor:<13} {half:<6}"
                  + "".join(f"{fmt(s.get(k)):>9}" for k, _ in COLS))


def worst_pages(clean: list[Row], traf: list[Row], n: int = WORST) -> list[Row]:
    """The n pages where cleaner body F1 is lowest relative to traf-ref (ties: lowest F1)."""
    ref = {r["id"]: r for r in traf}
    pairs = [(c, ref[c["id"]]) for c in clean if "body_f1" in c]
    pairs.sort(key=lambda cr: (cr[0]["body_f1"] - cr[1]["body_f1"], cr[0]["body_f1"], cr[0]["id"]))
    return [{"id": c["id"], "half": c["half"], "cleaner_f1": c["body_f1"],
             "traf_f1": t["body_f1"], "cleaner_chars": c["body_chars"],
             "traf_chars": t["body_chars"]} for c, t in pairs[:n]]


def print_worst(name: str, path: str, worst: list[Row]) -> None:
    """The worst-pages list."""
    print(f"\n{name} {path}: {len(worst)} pages with the lowest cleaner body F1 - traf-ref F1")
    print(f"{'id':<44} {'half':<6} {'clean_f1':>8} {'traf_f1':>8} {'clean_ch':>9} {'traf_ch':>9}")
    for w in worst:
        print(f"{w['id']:<44} {w['half']:<6} {w['cleaner_f1']:>8.3f} {w['traf_f1']:>8.3f} "
              f"{w['cleaner_chars']:>9} {w['traf_chars']:>9}")


# --- main ----------------------------------------------------------------------------

def evaluate(devset: Path, paths: list[str], out: Path, split: dict[str, str], pool: Pool
             ) -> dict[str, Any]:
    """Run, write, score and print one dev set; its figures, rows and worst pages."""
    scorer = load_scorer(devset)
    gold = scorer.load_gold(devset / "gold")
    pages = load_pages(devset, list(gold), split)
    missing = [p.id for p in pages if p.half == "unassigned"]
    if missing:
        print(f"warning: {len(missing)} page(s) of {devset} not in the split, e.g. {missing[:3]}",
              file=sys.stderr)
    started = time.monotonic()
    traf = run_trafilatura(pool, pages, out / f"trafilatura-{trafilatura.__version__}")
    timings = {"trafilatura": round(time.monotonic() - started, 1)}
    preds: dict[tuple[str, str], dict[str, Record]] = {}
    for path in paths:
        started = time.monotonic()
        preds[path, "cleaner"] = run_cleaner(pool, pages, path)
        timings[f"cleaner {path}"] = round(time.monotonic() - started, 1)
    traf_ref = {i: t["traf-ref"] for i, t in traf.items()}
    # traf-ref is always scored: the lost counts and worst pages compare against it.
    for setting in ("traf-ref", "traf-extract") if "html" in paths else ("traf-ref",):
        preds["html", setting] = {i: t[setting] for i, t in traf.items()}
    rows: dict[tuple[str, str], list[Row]] = {}
    for (path, extractor), by_id in preds.items():
        is_cleaner = extractor == "cleaner"
        pred_file = out / f"{devset.name}-{path}-{extractor}.jsonl"
        write_predictions(pred_file, pages, by_id, skip_empty=is_cleaner)
        rows[path, extractor] = score_file(scorer, gold, pred_file, pages, by_id, traf_ref,
                                           is_cleaner)
    summaries = {k: summarise(scorer, r) for k, r in rows.items() if k[0] in paths}
    print_table(devset.name, pages, summaries)
    worst = {path: worst_pages(rows[path, "cleaner"], rows["html", "traf-ref"])
             for path in paths}
    for path, items in worst.items():
        print_worst(devset.name, path, items)
    for (path, _), rs in rows.items():
        for r in rs:
            if "error" in r:
                print(f"cleaner error on {path}/{r['id']}: {r['error']}", file=sys.stderr)
    print("\ntimes (s): " + ", ".join(f"{k} {v}" for k, v in timings.items()))
    return {"devset": str(devset), "timings_s": timings,
            "summary": {f"{p} {e}": s for (p, e), s in summaries.items()},
            "worst": worst,
            "documents": [{"path": p, "extractor": e, **r} for (p, e), rs in rows.items()
                          for r in rs]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--devset", action="append", help="dev-set folder (repeatable; "
                    "default: ../shared/devset and ../shared/devset-ml)")
    ap.add_argument("--paths", default="html,text", help="comma-separated: html, text")
    ap.add_argument("--out", default="out/eval", help="folder for predictions and the cache")
    ap.add_argument("--split", default=str(SPLIT), help="split JSON (eval/make_split.py)")
    ap.add_argument("--json", help="write all figures and per-document rows here")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    args = ap.parse_args(argv)
    paths = [p.strip() for p in args.paths.split(",") if p.strip()]
    if not paths or set(paths) - {"html", "text"}:
        ap.error("--paths takes html and/or text")
    split = json.loads(Path(args.split).read_text(encoding="utf-8"))["split"]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else None)
    with context.Pool(max(1, args.jobs), initializer=_init_worker) as pool:
        results = [evaluate(Path(d), paths, out, split, pool)
                   for d in (args.devset or DEFAULT_DEVSETS)]
    if args.json:
        Path(args.json).write_text(json.dumps({"split": args.split, "devsets": results},
                                              indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
