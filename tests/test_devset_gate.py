"""Quality gate: the dev set must keep the floors the issues set (skipped when the
dev set, which lives beside the checkout in ../shared/devset, is not there)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import cleaner

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"
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
