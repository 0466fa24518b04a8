"""Labelled synthetic text dumps for the blind evaluation of the text-dump path.

Article text is real: paragraphs of the gold bodies in the shared dev sets (split by a
stable hash of the publisher into a "tuning" and a "blind" half). Boilerplate wording
comes from a wording file (eval/blind_wording.toml, frozen, or eval/tuning_wording.toml).
Every line of every dump carries a label, so eval/blind.py can score what the cleaner
kept and what it cut.

    python eval/synth.py --check eval/blind_wording.toml eval/tuning_wording.toml
    python eval/synth.py --wording eval/tuning_wording.toml --n 3 --show
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EVAL_DIR = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("CLEANER_EVAL_SHARED", EVAL_DIR.parents[1] / "shared"))
GOLD_DIRS = (SHARED / "devset" / "gold", SHARED / "devset-ml" / "gold")

# Boilerplate categories a wording file defines (one [[category]] entry per block).
CATEGORIES = (
    "donation_appeal", "newsletter_prompt", "social_prompt", "app_prompt", "cookie_notice",
    "advertisement", "inline_link", "teaser_block", "widget", "navigation", "banner",
    "caption", "call_to_action", "paywall", "trailer", "separator",
)
STRUCTURAL = ("headline_repeat",)  # boilerplate made from the dump itself, not from wording
ALL_CATEGORIES = CATEGORIES + STRUCTURAL
META_KINDS = ("byline", "date")
LOCAL_LANGS = ("de", "es", "fr")
# Article line kinds: gold paragraphs, then the short-but-real lines inserted into them.
ARTICLE_KINDS = (
    "paragraph", "short_gold", "standfirst", "subheading", "tweet_text", "tweet_attribution",
    "list_intro", "list_item", "wire_credit", "contributed", "agency_lead", "dateline",
)
SHORT_GOLD = 60  # a gold paragraph shorter than this counts as "short_gold"

# The usual trigger words per category: an English entry with none of them is "plain".
TRIGGERS = {cat: re.compile(rx, re.IGNORECASE) for cat, rx in {
    "donation_appeal": r"donat|support|contribut",
    "newsletter_prompt": r"newsletter|subscri|sign[ -]?up|inbox",
    "social_prompt": r"follow|facebook|twitter|instagram|whatsapp|telegram|social|notification"
                     r"|channel|youtube|tiktok",
    "app_prompt": r"\bapps?\b|download|app store|google play|install",
    "cookie_notice": r"cookie|consent|privacy|tracking|gdpr",
    "advertisement": r"advert|\bads?\b|sponsor|promot",
    "inline_link": r"\bread|\balso\b|\bmore\b|related|\bsee\b",
    "teaser_block": r"recent|related|\bmore\b|\bread|popular|latest|trending|\bnews\b|stories",
    "widget": r"share|listen|font|text size|print|save|comment|e-?mail",
    "navigation": r"home|menu|search|log ?in|sign ?in|skip to|register|subscribe",
    "banner": r"breaking|live|exclusive|developing|update",
    "caption": r"photo|image|credit|picture|foto|file",
    "call_to_action": r"e-?mail|\btips?\b|contact|story|stories",
    "paywall": r"member|subscri|log ?in|sign ?in|premium|paywall|unlock|account",
    "trailer": r"©|copyright|rights reserved",
    "separator": r"next|\bread|\bmore\b|continue",
}.items()}

PLACEHOLDER = re.compile(r"\{(\w+)\}")
PLACEHOLDERS = frozenset({
    "outlet", "name", "name2", "agency", "wire", "city", "city_upper", "email", "phone",
    "handle", "slug", "teaser", "excerpt", "caption", "caption_ws", "headline", "n", "min",
    "count", "year", "date", "time", "rank", "ago",
})
POOLS = ("outlets", "names", "cities", "agencies", "wires", "captions")
KEEP_LANG_KEYS = ("subheading", "wire_credit", "contributed", "agency_lead", "dateline")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MIN_BYTES, MAX_BYTES = 2048, 12288


INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))  # soft hyphen, zero widths


def norm(text: str) -> str:
    """Whitespace-normalised NFC text: what 'the same line' means when scoring."""
    return " ".join(unicodedata.normalize("NFC", text).translate(INVISIBLE).split())


def publisher_of(doc_id: str) -> str:
    """The publisher part of a gold id: 'fundus-de-FAZ_2024_03_11' -> 'fundus-de-FAZ'."""
    return re.sub(r"_\d{4}_\d{2}_\d{2}$", "", doc_id)


def half_of(publisher: str) -> str:
    """Stable split of publishers: first half of the hash space tuning, second half blind."""
    value = int(hashlib.sha256(publisher.encode("utf-8")).hexdigest()[:8], 16)
    return "tuning" if value < 2**31 else "blind"


# ---------------------------------------------------------------------------- corpus

@dataclass(slots=True, frozen=True)
class Doc:
    """One gold article: headline and body paragraphs (first one a standfirst or not)."""

    id: str
    lang: str
    headline: str
    paragraphs: tuple[str, ...]
    standfirst: bool
    captions: tuple[str, ...]


def load_corpus(half: str, dirs: Sequence[Path] = GOLD_DIRS) -> list[Doc]:
    """Gold docs with a body and headline whose publisher falls in `half`, sorted by id."""
    docs: list[Doc] = []
    for folder in dirs:
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            body, headline = gold.get("body"), gold.get("headline")
            if not body or not headline or half_of(publisher_of(gold["id"])) != half:
                continue
            paragraphs = tuple(p for p in (norm(x) for x in re.split(r"\n", body)) if p)
            if len(paragraphs) < 2 or norm(headline) in paragraphs:
                continue
            summary = norm(gold.get("summary") or "")
            captions = tuple(c for c in (norm(x) for x in gold.get("image_captions") or [])
                             if 15 <= len(c) <= 300 and c not in paragraphs)
            docs.append(Doc(gold["id"], gold.get("lang") or "en", norm(headline), paragraphs,
                            bool(summary) and summary == paragraphs[0], captions))
    return sorted(docs, key=lambda d: d.id)


# ---------------------------------------------------------------------------- wording

@dataclass(slots=True, frozen=True)
class Entry:
    """One phrasing of one category: a block of template lines ('' is a blank line)."""

    category: str
    index: int
    lines: tuple[str, ...]
    lang: str = "en"
    item: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()
    excerpt: bool = False

    @property
    def templates(self) -> tuple[str, ...]:
        return self.lines + self.item + self.footer

    @property
    def plain(self) -> bool:
        """English wording with none of the category's usual trigger words."""
        if self.lang != "en" or self.category not in TRIGGERS:
            return False
        text = PLACEHOLDER.sub(" ", " ".join(self.templates))
        return not TRIGGERS[self.category].search(text)


@dataclass(slots=True)
class Wording:
    """A wording file: pools, boilerplate entries per category, article keep-lines."""

    name: str
    articles: str
    path: str
    pools: dict[str, list[str]]
    entries: dict[str, list[Entry]]
    keep: dict[str, Any]


def load_wording(path: str | Path) -> Wording:
    """Read a wording TOML file (structure: see the header of blind_wording.toml)."""
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    meta = data.get("meta", {})
    entries: dict[str, list[Entry]] = {}
    for category in (*CATEGORIES, *META_KINDS):
        entries[category] = [
            Entry(category, i, tuple(raw.get("lines", ())), raw.get("lang", "en"),
                  tuple(raw.get("item", ())), tuple(raw.get("footer", ())),
                  bool(raw.get("excerpt", False)))
            for i, raw in enumerate(data.get(category, []))
        ]
    return Wording(meta.get("name", Path(path).stem), meta.get("articles", "blind"), str(path),
                   {k: list(v) for k, v in data.get("pools", {}).items()}, entries,
                   data.get("keep", {}))


def check_wording(wording: Wording) -> list[str]:
    """Problems with a wording file: too few phrasings, plain or foreign ones, bad keys."""
    problems: list[str] = []
    if wording.articles not in ("tuning", "blind"):
        problems.append(f"meta.articles must be 'tuning' or 'blind', not {wording.articles!r}")
    problems += [f"pools.{p}: missing or empty" for p in POOLS if not wording.pools.get(p)]
    for category in CATEGORIES:
        entries = wording.entries[category]
        plain = sum(e.plain for e in entries)
        langs = {e.lang for e in entries}
        if len(entries) < 10:
            problems.append(f"{category}: {len(entries)} phrasings, want at least 10")
        if plain < 3:
            problems.append(f"{category}: {plain} plain English phrasings, want at least 3")
        problems += [f"{category}: no phrasing in {lang}" for lang in LOCAL_LANGS
                     if lang not in langs]
        problems += [f"{category}[{e.index}]: no lines" for e in entries if not e.lines]
    if not all(wording.entries[k] for k in META_KINDS):
        problems.append("byline/date: need at least one entry each")
    for key in (*KEEP_LANG_KEYS, "tweet"):
        if not wording.keep.get(key):
            problems.append(f"keep.{key}: missing")
    if not wording.keep.get("list"):
        problems.append("keep.list: missing")
    for template in _all_templates(wording):
        problems += [f"unknown placeholder {{{p}}} in {template!r}"
                     for p in PLACEHOLDER.findall(template) if p not in PLACEHOLDERS]
    return problems


def _all_templates(wording: Wording) -> list[str]:
    """Every template string of a wording file (entries and keep-lines)."""
    out = [t for entries in wording.entries.values() for e in entries for t in e.templates]
    keep = wording.keep
    for key in KEEP_LANG_KEYS:
        out += [t for texts in keep.get(key, {}).values() for t in texts]
    out += list(keep.get("tweet", {}).get("text", ())) + list(keep.get("tweet", {}).get(
        "attribution", ()))
    for lst in keep.get("list", []):
        out += [lst.get("intro", ""), *lst.get("items", ())]
    return out


def shared_phrasings(a: Wording, b: Wording) -> list[str]:
    """Boilerplate template lines two wording files have in common (bare placeholders aside)."""
    def lines(w: Wording) -> set[str]:
        return {norm(t).lower() for c in CATEGORIES for e in w.entries[c] for t in e.templates
                if PLACEHOLDER.sub("", t).strip(" .,:|")}
    return sorted(lines(a) & lines(b))


# ---------------------------------------------------------------------------- labelled dumps

@dataclass(slots=True)
class Line:
    """One line of a dump with its label."""

    text: str
    role: str  # blank | headline | standfirst | article | byline | date | boilerplate
    article: int = 0  # 1-based article number, 0 for none
    kind: str = ""  # article kind, or the boilerplate category
    block: int = -1  # boilerplate block id

    @property
    def label(self) -> list[object]:
        """The label as written to labels.jsonl."""
        if self.role == "boilerplate":
            return ["boilerplate", self.kind, self.block]
        if self.role == "blank":
            return ["blank"]
        if self.role == "article":
            return ["article", self.article, self.kind]
        return [self.role, self.article]

    @property
    def is_body(self) -> bool:
        """Article text that must survive into a body."""
        return self.role in ("article", "standfirst")


@dataclass(slots=True, frozen=True)
class Block:
    """One boilerplate block: which category, which phrasing, in which article."""

    id: int
    category: str
    entry: int
    lang: str
    plain: bool
    article: int
    zone: str  # top | head | mid | end (of its article) | between (two articles)

    @property
    def variant(self) -> str:
        """structural | other-lang | plain (English, no trigger word) | keyword."""
        if self.category in STRUCTURAL:
            return "structural"
        if self.lang != "en":
            return "other-lang"
        return "plain" if self.plain else "keyword"


@dataclass(slots=True)
class Dump:
    """A generated text dump with its labels."""

    id: str
    kind: str  # single | double | control
    style: str  # spaced (blank line between paragraphs) | compact (none)
    separator: str | None  # double dumps: blank | gap | marker | echo
    outlet: str
    headlines: list[str]
    docs: list[str]
    langs: list[str]
    lines: list[Line]
    blocks: list[Block]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines) + "\n"

    def body_lines(self, article: int) -> list[Line]:
        """The lines of one article that must be kept, in order."""
        return [ln for ln in self.lines if ln.is_body and ln.article == article]

    def to_json(self) -> dict[str, object]:
        """The labels record: dump facts, blocks, and every line with its label."""
        return {
            "id": self.id, "kind": self.kind, "style": self.style, "separator": self.separator,
            "outlet": self.outlet, "headlines": self.headlines, "docs": self.docs,
            "langs": self.langs,
            "blocks": [{"id": b.id, "category": b.category, "entry": b.entry, "lang": b.lang,
                        "variant": b.variant, "article": b.article, "zone": b.zone}
                       for b in self.blocks],
            "lines": [[ln.text, ln.label] for ln in self.lines],
        }


@dataclass(slots=True)
class Seg:
    """Consecutive lines; tight=False puts a blank line between them in spaced dumps."""

    lines: list[Line]
    tight: bool = True


@dataclass(slots=True)
class Gap:
    """Override the number of blank lines before the next segment."""

    blanks: int


Part = Seg | Gap


def _heading_slot(units: list[Part], want: int) -> int | None:
    """Where a sub-heading may go: at `want` or the nearest place after it, else the
    nearest before it; right over a story paragraph and not under another
    sub-heading, as in a real article (never its last line, never two in a row).
    None: no such place."""
    def kind(k: int, step: int) -> str:
        while 0 <= k < len(units) and isinstance(units[k], Gap):
            k += step
        part = units[k] if 0 <= k < len(units) else None
        return part.lines[0].kind if isinstance(part, Seg) else ""

    fits = [k for k in range(1, len(units) + 1)
            if kind(k, 1) == "paragraph" and kind(k - 1, -1) != "subheading"]
    return min(fits, key=lambda k: (k < want, abs(k - want))) if fits else None


class GenerationError(RuntimeError):
    """A dump could not be built within the size and collision limits."""


# Probabilities of each boilerplate block per zone of a fully dressed article.
TOP = (("cookie_notice", 0.15), ("navigation", 0.35), ("app_prompt", 0.08), ("banner", 0.35))
MID = (("caption", 0.2), ("newsletter_prompt", 0.15), ("donation_appeal", 0.1),
       ("social_prompt", 0.1), ("app_prompt", 0.08), ("call_to_action", 0.08),
       ("paywall", 0.05), ("widget", 0.05))
END = (("newsletter_prompt", 0.35), ("donation_appeal", 0.35), ("social_prompt", 0.3),
       ("call_to_action", 0.25), ("teaser_block", 0.5), ("widget", 0.25), ("paywall", 0.1),
       ("app_prompt", 0.12), ("cookie_notice", 0.1), ("advertisement", 0.1),
       ("navigation", 0.15), ("headline_repeat", 0.08))
DUMP_KINDS = (("single", 0.62), ("double", 0.20), ("control", 0.18))
SEPARATORS = (("blank", 0.2), ("gap", 0.25), ("marker", 0.3), ("echo", 0.25))


def _weighted(rng: random.Random, options: Sequence[tuple[str, float]]) -> str:
    return rng.choices([o for o, _ in options], [w for _, w in options])[0]


class _Builder:
    """Builds one dump from gold docs and a wording file, labelling every line."""

    def __init__(self, rng: random.Random, wording: Wording, corpus: Sequence[Doc],
                 outlet: str, style: str, exclude: set[str]) -> None:
        self.rng = rng
        self.w = wording
        self.outlet = outlet
        self.style = style
        self.blocks: list[Block] = []
        self.teasers = [d for d in corpus if d.id not in exclude]
        self.used_teasers: set[str] = set()
        self.lang = "en"  # teasers come mostly from articles in this language
        self.zone = "top"  # where the next blocks go, recorded in their Block

    # ------------------------------------------------------------ placeholders
    def render(self, template: str, values: dict[str, str]) -> str:
        """Fill {placeholders}; values drawn once per block are memoised in `values`."""
        return PLACEHOLDER.sub(lambda m: self._value(m.group(1), values), template)

    def _value(self, key: str, values: dict[str, str]) -> str:
        if key not in values:
            values[key] = self._draw(key, values)
        return values[key]

    def _draw(self, key: str, values: dict[str, str]) -> str:
        rng, pools = self.rng, self.w.pools
        slug = re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", self.outlet.lower())
                      .encode("ascii", "ignore").decode())
        match key:
            case "outlet":
                return self.outlet
            case "slug":
                return slug
            case "name":
                return rng.choice(pools["names"])
            case "name2":
                first = self._value("name", values)
                return rng.choice([n for n in pools["names"] if n != first])
            case "agency":
                return rng.choice(pools["agencies"])
            case "wire":
                return rng.choice(pools["wires"])
            case "city":
                return rng.choice(pools["cities"])
            case "city_upper":
                return self._value("city", values).upper()
            case "email":
                user = rng.choice(("tips", "newsdesk", "desk", "news", "redaktion", "reader"))
                return f"{user}@{slug}.{rng.choice(('com', 'news', 'co.uk', 'org'))}"
            case "phone":
                return f"+44 7700 9{rng.randint(10000, 99999)}"
            case "handle":
                base = values.get("name") or slug
                return re.sub(r"[^A-Za-z]", "", unicodedata.normalize("NFKD", base)
                              .encode("ascii", "ignore").decode())[:15] or slug
            case "teaser" | "excerpt":
                headline, excerpt = self.teaser()
                values.setdefault("teaser", headline)
                values.setdefault("excerpt", excerpt)
                return values[key]
            case "caption" | "caption_ws":
                raise KeyError(key)  # always given by the caption block
            case "n":
                return str(rng.randint(2, 480))
            case "min":
                return str(rng.randint(2, 14))
            case "count":
                return f"{rng.randint(8, 190)},{rng.randint(0, 999):03d}"
            case "year":
                return str(rng.randint(2023, 2026))
            case "date":
                return self._date()
            case "time":
                hour, minute = rng.randint(0, 23), rng.randint(0, 59)
                if rng.random() < 0.5:
                    return f"{hour:02d}:{minute:02d}"
                return f"{hour % 12 or 12}:{minute:02d} {'am' if hour < 12 else 'pm'}"
            case "rank":
                return "1"
            case "ago":
                return rng.choice((f"{rng.randint(1, 23)} hours ago",
                                   f"{rng.randint(2, 59)} min ago", "Yesterday",
                                   f"{rng.randint(2, 6)} days ago"))
        raise KeyError(key)

    def _date(self) -> str:
        rng = self.rng
        year, month, day = rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28)
        return rng.choice((f"{MONTHS[month - 1]} {day}, {year}",
                           f"{day} {MONTHS[month - 1]} {year}",
                           f"{day:02d}.{month:02d}.{year}", f"{year}-{month:02d}-{day:02d}"))

    def teaser(self) -> tuple[str, str]:
        """A headline and excerpt of another gold article, not used before in this dump."""
        same = [d for d in self.teasers if d.lang == self.lang]
        pool = same if len(same) >= 8 and self.rng.random() < 0.8 else self.teasers
        for _ in range(50):
            doc = self.rng.choice(pool)
            if doc.headline not in self.used_teasers:
                break
        self.used_teasers.add(doc.headline)
        lead = doc.paragraphs[0]
        cut = self.rng.randint(90, 170)
        if len(lead) > cut:
            lead = lead[:cut].rsplit(" ", 1)[0].rstrip(",;:") + self.rng.choice(("...", "…"))
        return doc.headline, lead

    # ------------------------------------------------------------ boilerplate blocks
    def entry(self, category: str, lang: str) -> Entry:
        """A phrasing for the category, in the article's language now and then."""
        entries = self.w.entries[category]
        local = [e for e in entries if e.lang == lang and lang != "en"]
        foreign = [e for e in entries if e.lang != "en"]
        english = [e for e in entries if e.lang == "en"]
        roll = self.rng.random()
        if local and roll < 0.6:
            return self.rng.choice(local)
        if foreign and roll < (0.05 if lang == "en" else 0.2 if not local else 0.0):
            return self.rng.choice(foreign)
        return self.rng.choice(english or entries)

    def block(self, category: str, article: int, lang: str, *, headline: str = "",
              caption: str = "", entry: Entry | None = None) -> Seg:
        """One labelled boilerplate block of the category."""
        bid = len(self.blocks)
        if category == "headline_repeat":
            self.blocks.append(Block(bid, category, -1, "en", False, article, self.zone))
            return Seg([Line(headline, "boilerplate", article, category, bid)])
        entry = entry or self.entry(category, lang)
        self.blocks.append(Block(bid, category, entry.index, entry.lang, entry.plain, article,
                                 self.zone))
        values: dict[str, str] = {"headline": headline}
        if caption:
            values["caption"], values["caption_ws"] = caption, self._ws_variant(caption)
        texts = [self.render(t, values) for t in entry.lines]
        if category == "teaser_block":
            texts += self._teaser_items(entry)
        lines = [Line(t, "blank") if not t else Line(t, "boilerplate", article, category, bid)
                 for t in texts]
        if self.style == "compact":
            lines = [ln for ln in lines if ln.role != "blank"]
        return Seg(lines)

    def _teaser_items(self, entry: Entry) -> list[str]:
        spaced = self.style == "spaced" and (entry.excerpt or self.rng.random() < 0.5)
        out = [""] if spaced else []
        for rank in range(1, self.rng.randint(3, 6) + 1):
            headline, excerpt = self.teaser()
            values = {"teaser": headline, "excerpt": excerpt, "rank": str(rank)}
            for template in entry.item or ("{teaser}",):
                out.append(self.render(template, values))
                if spaced:
                    out.append("")
        out += [self.render(t, {}) for t in entry.footer]
        return out[:-1] if out and not out[-1] and not entry.footer else out

    def _ws_variant(self, text: str) -> str:
        """The same caption with NBSPs, doubled spaces or a trailing space in it."""
        spaces = [i for i, ch in enumerate(text) if ch == " "]
        chars = list(text)
        for i in self.rng.sample(spaces, min(len(spaces), self.rng.randint(1, 3))):
            chars[i] = self.rng.choice(("\xa0", "  ", " \xa0"))
        return "".join(chars) + self.rng.choice(("", " ", "\xa0"))

    # ------------------------------------------------------------ articles
    def article(self, doc: Doc, no: int, budget: int, *, control: bool, dressed: bool,
                head: str, top: bool) -> list[Part]:
        """Headline, head zone, body with keep-lines and boilerplate, end zone."""
        rng, lang = self.rng, doc.lang
        self.lang = lang
        units = self._body_units(doc, no, budget)
        self._insert_keep_lines(units, doc, no, control)
        parts: list[Part] = []
        self.zone = "top"
        if dressed and top:
            for category, p in TOP:
                if rng.random() < p:
                    parts.append(self.block(category, no, lang))
        parts.append(Seg([Line(doc.headline, "headline", no)]))
        if dressed:
            parts += self._head_zone(doc, no, head)
            units = self._with_mid_blocks(units, doc, no)
        parts += units
        if dressed:
            parts += self._end_zone(doc, no)
        return parts

    def _body_units(self, doc: Doc, no: int, budget: int) -> list[Part]:
        units: list[Part] = []
        used = 0
        for i, text in enumerate(doc.paragraphs):
            if i >= 2 and used >= budget:
                break
            used += len(text.encode("utf-8"))
            role = "standfirst" if i == 0 and doc.standfirst else "article"
            kind = "standfirst" if role == "standfirst" else (
                "short_gold" if len(text) < SHORT_GOLD else "paragraph")
            if units and self.style == "spaced" and self.rng.random() < 0.04:
                units.append(Gap(0))  # two paragraphs on consecutive lines (seed 001)
            units.append(Seg([Line(self._noise(text), role, no, kind)]))
        return units

    def _noise(self, text: str) -> str:
        """Now and then a trailing space or NBSP, as copy-pasted dumps have."""
        return text + self.rng.choice((" ", "\xa0")) if self.rng.random() < 0.06 else text

    def _insert_keep_lines(self, units: list[Part], doc: Doc, no: int, control: bool) -> None:
        """Short lines that are article text: datelines, sub-headings, embeds, lists, credits."""
        rng, keep, lang = self.rng, self.w.keep, doc.lang
        scale = 0.6 if control else 1.0
        segs = [u for u in units if isinstance(u, Seg)]
        lead = next((s for s in segs if s.lines[0].role == "article"
                     and len(s.lines[0].text) >= 80), None)
        values: dict[str, str] = {}
        if lead is not None:
            roll = rng.random()
            prefixes = keep["agency_lead"].get(lang)
            if roll < 0.22 * scale:
                self._prefix(lead, rng.choice(keep["dateline"]["any"]), "dateline", values)
            elif prefixes and roll < 0.36 * scale:
                self._prefix(lead, rng.choice(prefixes), "agency_lead", values)

        def insert(seg: Seg) -> None:
            lo = min(2, len(units))
            units.insert(rng.randint(lo, len(units)), seg)

        subheadings = keep["subheading"].get(lang)
        if subheadings and rng.random() < 0.35 * scale:
            for text in rng.sample(subheadings, min(len(subheadings), rng.randint(1, 2))):
                at = _heading_slot(units, rng.randint(min(2, len(units)), len(units)))
                if at is not None:
                    units.insert(at, Seg([Line(self.render(text, {}), "article", no,
                                               "subheading")]))
        if rng.random() < 0.15 * scale:
            tweet = keep["tweet"]
            values = {}
            insert(Seg([Line(self.render(rng.choice(tweet["text"]), values), "article", no,
                             "tweet_text"),
                        Line(self.render(rng.choice(tweet["attribution"]), values), "article",
                             no, "tweet_attribution")], tight=rng.random() < 0.5))
        lists = [x for x in keep["list"] if x.get("lang", "en") == lang] or (
            [x for x in keep["list"] if x.get("lang", "en") == "en"] if lang == "en" else [])
        if lists and rng.random() < 0.2 * scale:
            chosen = rng.choice(lists)
            items = chosen["items"][: rng.randint(3, len(chosen["items"]))]
            seg = Seg([Line(self.render(t, {}), "article", no, "list_item") for t in items],
                      tight=rng.random() < 0.6)
            if chosen.get("intro") and rng.random() < 0.7:
                seg.lines.insert(0, Line(chosen["intro"], "article", no, "list_intro"))
                seg.tight = seg.tight or rng.random() < 0.5
            insert(seg)
        for key, p in (("wire_credit", 0.15), ("contributed", 0.15)):
            texts = keep[key].get(lang)
            if texts and rng.random() < p * scale:
                units.append(Seg([Line(self.render(rng.choice(texts), {}), "article", no, key)]))

    def _prefix(self, seg: Seg, template: str, kind: str, values: dict[str, str]) -> None:
        line = seg.lines[0]
        seg.lines[0] = Line(self.render(template, values) + line.text, line.role, line.article,
                            kind)

    def _head_zone(self, doc: Doc, no: int, head: str) -> list[Part]:
        """What stands between the headline and the body: captions, meta lines, widgets."""
        rng, lang = self.rng, doc.lang
        self.zone = "head"
        caption = rng.choice(doc.captions) if doc.captions and rng.random() < 0.7 else \
            rng.choice(self.w.pools["captions"])
        parts: list[Part] = []
        if head == "echo":  # seed 002: caption, widget, the headline again, caption again
            entry = self.entry("caption", lang)
            parts.append(self.block("caption", no, lang, caption=caption, entry=entry))
            if rng.random() < 0.6:
                parts.append(self.block("widget", no, lang))
            parts.append(self.block("headline_repeat", no, lang, headline=doc.headline))
            if rng.random() < 0.7:
                parts.append(self.block("caption", no, lang, caption=caption, entry=entry))
            if rng.random() < 0.3:
                parts.append(self._meta("byline", no, lang))
            return parts
        meta = [self._meta(k, no, lang) for k in META_KINDS if rng.random() < 0.5]
        if meta and rng.random() < 0.5:
            parts.append(Seg([ln for m in meta for ln in m.lines]))
        else:
            parts += meta
        if rng.random() < 0.3:
            parts.append(self.block("widget", no, lang))
        if rng.random() < 0.45:
            parts.append(self.block("caption", no, lang, caption=caption))
        return parts

    def _meta(self, kind: str, no: int, lang: str) -> Seg:
        entry = self.entry(kind, lang)
        values: dict[str, str] = {}
        return Seg([Line(self.render(t, values), kind, no) for t in entry.lines])

    def _with_mid_blocks(self, units: list[Part], doc: Doc, no: int) -> list[Part]:
        """Boilerplate between paragraphs (never before the first one)."""
        rng, lang = self.rng, doc.lang
        self.zone = "mid"
        wanted = ["inline_link"] * rng.choice((0, 1, 1, 2, 2, 3))
        wanted += ["advertisement"] * rng.choice((0, 0, 1, 2))
        wanted += [c for c, p in MID if rng.random() < p]
        slots: dict[int, list[Part]] = {}
        places = [i for i, u in enumerate(units)  # between two segments, never inside a Gap
                  if i and isinstance(u, Seg) and isinstance(units[i - 1], Seg)]
        places.append(len(units))
        for category in wanted:
            at = rng.choice(places)
            glue: list[Part] = [Gap(0)] if (category in ("inline_link", "advertisement")
                                            and rng.random() < 0.1) else []
            caption = rng.choice(doc.captions or tuple(self.w.pools["captions"]))
            slots.setdefault(at, []).extend(
                [*glue, self.block(category, no, lang, caption=caption)])
        out: list[Part] = []
        for i, unit in enumerate(units):
            out += slots.get(i, [])
            out.append(unit)
        return out + slots.get(len(units), [])

    def _end_zone(self, doc: Doc, no: int) -> list[Part]:
        rng, lang = self.rng, doc.lang
        self.zone = "end"
        chosen = [c for c, p in END if rng.random() < p]
        rng.shuffle(chosen)
        parts: list[Part] = [self.block(c, no, lang, headline=doc.headline) for c in chosen]
        if rng.random() < 0.45:
            parts.append(self.block("trailer", no, lang))
        return parts

    # ------------------------------------------------------------ layout
    def layout(self, parts: Sequence[Part]) -> list[Line]:
        """Lines with the dump's blank-line style applied."""
        default = 1 if self.style == "spaced" else 0
        out: list[Line] = []
        pending: int | None = None
        for part in parts:
            if isinstance(part, Gap):
                pending = part.blanks
                continue
            if not part.lines:
                continue
            if out:
                out += [Line("", "blank")] * (default if pending is None else pending)
            pending = None
            for i, line in enumerate(part.lines):
                if i and not part.tight and self.style == "spaced":
                    out.append(Line("", "blank"))
                out.append(line)
        return out


def make_dump(wording: Wording, corpus: Sequence[Doc], seed: int, index: int) -> Dump:
    """Dump number `index` of the set for `seed`: the same inputs give the same dump."""
    rng = random.Random(f"{wording.name}:{seed}:{index}")
    kind = _weighted(rng, DUMP_KINDS)
    for attempt in range(40):
        dump = _try_dump(rng, wording, corpus, f"{wording.name}-{seed}-{index:04d}", kind,
                         shrink=0.85 ** attempt)
        if dump is not None:
            return dump
    raise GenerationError(f"dump {index}: no valid dump in 40 attempts")


def _try_dump(rng: random.Random, wording: Wording, corpus: Sequence[Doc], dump_id: str,
              kind: str, shrink: float) -> Dump | None:
    """One attempt; None when the dump is outside the size limits or labels would clash."""
    n_articles = 2 if kind == "double" else 1
    docs = rng.sample(list(corpus), n_articles)
    if n_articles == 2 and docs[0].headline == docs[1].headline:
        return None
    style = "compact" if rng.random() < 0.2 else "spaced"
    builder = _Builder(rng, wording, corpus, rng.choice(wording.pools["outlets"]), style,
                       {d.id for d in docs})
    separator = _weighted(rng, SEPARATORS) if kind == "double" else None
    parts: list[Part] = []
    for no, doc in enumerate(docs, start=1):
        budget = int(rng.uniform(1500, 6500) * shrink / n_articles)
        if no == 2:
            if separator == "gap":
                parts.append(Gap(rng.randint(3, 5)))
            elif separator == "marker":
                builder.zone = "between"
                parts.append(builder.block("separator", 0, docs[0].lang))
        head = "echo" if (separator == "echo" and no == 2) or (
            kind == "single" and rng.random() < 0.25) else "plain"
        parts += builder.article(doc, no, budget, control=kind == "control",
                                 dressed=kind != "control", head=head,
                                 top=no == 1 or rng.random() < 0.25)
    lines = builder.layout(parts)
    while lines and lines[-1].role == "blank":
        lines.pop()
    dump = Dump(dump_id, kind, style, separator, builder.outlet, [d.headline for d in docs],
                [d.id for d in docs], [d.lang for d in docs], lines, builder.blocks)
    size = len(dump.text.encode("utf-8"))
    if not MIN_BYTES <= size <= MAX_BYTES or _clashes(dump):
        return None
    return dump


def _clashes(dump: Dump) -> bool:
    """A boilerplate line equal to an article line would make the labels ambiguous."""
    body = {norm(ln.text) for ln in dump.lines if ln.is_body}
    return any(norm(ln.text) in body or not norm(ln.text)
               for ln in dump.lines if ln.role == "boilerplate")


def generate(wording: Wording, n: int, seed: int,
             corpus: Sequence[Doc] | None = None) -> list[Dump]:
    """The evaluation set: n labelled dumps from the wording's half of the gold articles."""
    docs = list(corpus) if corpus is not None else load_corpus(wording.articles)
    if len(docs) < 3:
        raise GenerationError(f"only {len(docs)} gold docs in the {wording.articles!r} half")
    return [make_dump(wording, docs, seed, i) for i in range(n)]


# ---------------------------------------------------------------------------- command line

def main(argv: Sequence[str] | None = None) -> int:
    """--check wording files, or --show a few generated dumps with their labels."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", nargs="+", metavar="TOML", help="validate wording files")
    parser.add_argument("--wording", default=str(EVAL_DIR / "tuning_wording.toml"))
    parser.add_argument("--n", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", action="store_true", help="print dumps with labels")
    args = parser.parse_args(argv)
    if args.check:
        return _check(args.check)
    wording = load_wording(args.wording)
    for dump in generate(wording, args.n, args.seed):
        print(f"=== {dump.id} {dump.kind} {dump.style} sep={dump.separator} "
              f"{len(dump.text.encode())} B")
        if args.show:
            for line in dump.lines:
                print(f"{'/'.join(map(str, line.label)):<34} {line.text[:100]}")
    return 0


def _check(paths: Sequence[str]) -> int:
    wordings = [load_wording(p) for p in paths]
    bad = 0
    for w in wordings:
        problems = check_wording(w)
        bad += len(problems)
        print(f"{w.path}: {'OK' if not problems else f'{len(problems)} problem(s)'}")
        for problem in problems:
            print(f"  {problem}")
        for category in CATEGORIES:
            entries = w.entries[category]
            print(f"  {category:<18} {len(entries):>3} phrasings, "
                  f"{sum(e.plain for e in entries):>2} plain, "
                  f"{sum(e.lang != 'en' for e in entries):>2} de/es/fr")
        print(f"  articles from the {w.articles!r} half: {len(load_corpus(w.articles))} docs")
    for i, a in enumerate(wordings):
        for b in wordings[i + 1:]:
            common = shared_phrasings(a, b)
            print(f"{a.name} vs {b.name}: {len(common)} shared template line(s)")
            for line in common:
                print(f"  {line}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
