"""The HTML report of an explanation: one self-contained page, readable offline.

Inline CSS only, no script, no external asset; a Content-Security-Policy that
allows nothing else backs that up. Every text from the input goes through
html.escape, so a page or dump holding `<script>` shows it as text. Each cut
span is one element carrying `data-category` and `data-rule` (the rule also in
`title`, shown on hover); the legend's rows carry `data-count`, counted from
the records' audit trails, so a test (or a reader) can check one against the
other.
"""

from __future__ import annotations

from html import escape

from ..categories import CATEGORIES
from ..record import Article, Removal
from .model import Explanation, Line, Part
from .palette import colour

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72em;padding:1em 2em;
color:#1d1d1f;background:#fff}
h1{font-size:1.5em;margin:.3em 0}h2{font-size:1.2em;margin:1.4em 0 .4em;
border-bottom:1px solid #ddd}h3{font-size:1em;margin:1em 0 .3em}
.meta{color:#555}
.legend{display:flex;gap:2em;flex-wrap:wrap}
table{border-collapse:collapse}td,th{padding:.15em .6em;text-align:left;
border-bottom:1px solid #eee}td.n{text-align:right;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.4em;
vertical-align:-.1em;border:1px solid #0002}
.lines p{margin:.1em 0;padding:.1em .4em;white-space:pre-wrap;overflow-wrap:anywhere}
.lines p.headline{font-weight:600}
.lines p.unused{color:#888}
.cut{border-radius:3px;padding:0 .15em}
.why{font-size:.75em;color:#555;margin-left:.6em;font-family:ui-monospace,monospace}
.prepass .cut{display:block;max-height:4.5em;overflow:auto}
.record{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:.8em 0}
.record dt{font-weight:600;color:#555}.record dd{margin:0 0 .4em 0}
.record .body p{margin:.3em 0}
"""


def render(explanation: Explanation) -> str:
    """The report as one HTML document."""
    records = explanation.articles
    kind = "HTML page" if explanation.kind == "html" else "text dump"
    head = (f"<h1>Why was this cut?</h1><p class='meta'>{escape(explanation.source)} "
            f"({kind}): {len(records)} record{'' if len(records) == 1 else 's'}, "
            f"{len(explanation.removed())} removed spans</p>")
    parts = "".join(_part(part, n, explanation) for n, part in enumerate(explanation.parts, 1))
    body = (head + _legend(explanation) + "<h2>Input</h2>" + parts + "<h2>Records</h2>"
            + ("".join(map(_record, records)) or "<p>No record: no sentence survived.</p>"))
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
            "<meta name='viewport' content='width=device-width'>"
            f"<title>cleaner explain: {escape(explanation.source)}</title>"
            f"<style>{_STYLE}{_category_style()}</style></head>"
            f"<body>{body}</body></html>\n")


def _category_style() -> str:
    return "".join(f".cut[data-category='{c}'],.swatch[data-category='{c}']"
                   f"{{background:{colour(c)[0]}}}" for c in CATEGORIES)


def _legend(explanation: Explanation) -> str:
    """Counts per category and per rule, from the records' audit trails."""
    removed = explanation.removed()
    chars: dict[str, int] = {}
    for r in removed:
        chars[r.category] = chars.get(r.category, 0) + len(r.text)
    categories = "".join(
        f"<tr data-category='{escape(c)}' data-count='{n}'><td><span class='swatch' "
        f"data-category='{escape(c)}'></span>{escape(c)}</td><td class='n'>{n}</td>"
        f"<td class='n'>{chars[c]:,}</td></tr>"
        for c, n in explanation.by_category().most_common())
    category_of = {r.rule: r.category for r in removed}
    rules = "".join(f"<tr data-rule='{escape(rule)}' data-count='{n}'><td><span class='swatch' "
                    f"data-category='{escape(category_of[rule])}'></span><code>{escape(rule)}"
                    f"</code></td><td class='n'>{n}</td></tr>"
                    for rule, n in explanation.by_rule().most_common())
    return ("<h2>Removed</h2><div class='legend' id='legend'>"
            "<table class='categories'><tr><th>category</th><th>spans</th><th>chars</th></tr>"
            f"{categories}</table>"
            f"<table class='rules'><tr><th>rule</th><th>spans</th></tr>{rules}</table></div>")


def _part(part: Part, n: int, explanation: Explanation) -> str:
    out = []
    if len(explanation.parts) > 1 or part.article is None:
        what = (escape(part.article.headline or "(no headline)") if part.article is not None
                else "no record (no sentence survived)")
        out.append(f"<h3>Article {n} of {len(explanation.parts)}: {what}</h3>")
    if explanation.kind == "html":
        out.append("<h3>HTML pre-pass: elements removed before text extraction</h3>")
        out.append("<div class='lines prepass'>"
                   + ("".join(_prepass(r) for r in part.prepass) or "<p>(none)</p>") + "</div>")
        if part.whole:
            out.append("<p class='meta'>The pre-pass result was doubted: the text was "
                       "extracted from the whole page.</p>")
        out.append("<h3>Text stages: the extracted text, line by line</h3>")
    out.append("<div class='lines'>" + "".join(map(_line, part.lines)) + "</div>")
    return "".join(out)


def _cut(removal: Removal) -> str:
    label = f"{removal.category} · {removal.rule}"
    if removal.element:
        label += f" · <{removal.element}>"
    return (f"<span class='cut' data-category='{escape(removal.category)}' "
            f"data-rule='{escape(removal.rule)}' title='{escape(label)}'>"
            f"{escape(removal.text)}</span><span class='why'>{escape(label)}</span>")


def _prepass(removal: Removal) -> str:
    return f"<p class='removed'>{_cut(removal)}</p>"


def _line(line: Line) -> str:
    text = _cut(line.cut) if line.cut is not None else escape(line.text)
    return f"<p class='{line.role}'>{text}</p>"


def _record(article: Article) -> str:
    fields = [("outlet", article.outlet), ("headline", article.headline),
              ("standfirst", article.standfirst), ("url", article.url)]
    facts = "".join(f"<dt>{name}</dt><dd>{escape(value)}</dd>"
                    for name, value in fields if value)
    body = "".join(f"<p>{escape(p)}</p>" for p in article.body.split("\n\n") if p)
    captions = "".join(f"<li>{escape(c)}</li>" for c in article.captions)
    return (f"<article class='record' data-id='{article.id}'><dl>{facts}<dt>body</dt>"
            f"<dd class='body'>{body}</dd>"
            + (f"<dt>captions</dt><dd><ul class='captions'>{captions}</ul></dd>"
               if captions else "") + "</dl></article>")
