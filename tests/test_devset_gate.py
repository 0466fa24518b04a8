"""Quality gate: the dev set must keep the floors the issues set (skipped when the
dev set, which lives beside the checkout in ../shared/devset, is not there)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import orjson
import pytest

import cleaner
from cleaner.io.text import normalise

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"
CLEAN_DUMPS_UNCHANGED = 0.96  # share of clean gold dumps given back exactly (measured: 0.981)
pytestmark = pytest.mark.skipif(not (DEVSET / "score.py").is_file(),
                                reason="no dev set beside the checkout")


def _scorer():
    spec = importlib.util.spec_from_file_location("devset_score", DEVSET / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _summary(folder: str, clean) -> dict[str, dict]:
    score = _scorer()
    gold = score.load_gold(DEVSET / "gold")
    rows = []
    for path in sorted((DEVSET / folder).iterdir()):
        articles = clean(path)
        prediction = {"body": "\n\n".join(a.body for a in articles),
                      "headline": articles[0].headline if articles else None, "outlet": None,
                      "has_headline_field": True, "has_outlet_field": False}
        rows.append(score.score_doc(gold[score.doc_key(path.name)], prediction))
    return {name: score.summarise([r for r in rows if r["dataset"] == name])
            for name in ("fundus", "trafilatura-eval")}


def test_whole_page_text_dumps_keep_their_floors() -> None:
    rules = cleaner.load_rules()
    summary = _summary("text", lambda p: cleaner.clean_text(p.read_text("utf-8"), rules=rules))
    assert summary["fundus"]["body_f1"] >= 0.93
    assert summary["trafilatura-eval"]["contain"] >= 0.95
    assert summary["trafilatura-eval"]["not_contain"] >= 0.85


def test_html_pages_keep_their_floors() -> None:
    rules = cleaner.load_rules()
    summary = _summary("html", lambda p: cleaner.clean_html(p.read_bytes(), rules=rules))
    assert summary["fundus"]["body_f1"] >= 0.97
    assert summary["fundus"]["head_em"] >= 0.85
    assert summary["trafilatura-eval"]["contain"] >= 0.97
    assert summary["trafilatura-eval"]["not_contain"] >= 0.92


def _gold_dumps() -> list[tuple[str, list[str]]]:
    """A clean dump per gold article (headline, blank line, the body's paragraphs) and
    the body it must give back: all of it. DESIGN.md's standfirst that only repeats a
    later paragraph is cut from a page, not from a story with nothing around it."""
    dumps = []
    for folder in (DEVSET, DEVSET.parent / "devset-ml"):
        for path in sorted((folder / "gold").glob("*.json")):
            gold = orjson.loads(path.read_bytes())
            if not gold.get("body") or not gold.get("headline"):
                continue
            paras = [p for p in normalise(gold["body"]).split("\n") if p]
            dumps.append((f"{gold['headline']}\n\n{gold['body']}", paras))
    return dumps


def test_clean_gold_dumps_come_back_unchanged() -> None:
    """Headline + clean paragraphs: nothing to remove. Not yet true of every gold
    article (issue 6 keeps the gap open); the floor stops it from sliding."""
    rules = cleaner.load_rules()
    dumps = _gold_dumps()
    unchanged = 0
    for text, paras in dumps:
        records = cleaner.clean_text(text, rules=rules)
        unchanged += [p for r in records for p in r.body.split("\n\n")] == paras
    assert unchanged / len(dumps) >= CLEAN_DUMPS_UNCHANGED
