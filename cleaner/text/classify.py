"""A trained line classifier: boilerplate the hand-written detectors missed.

After the site rules, the generic detectors and the layout, each line still
live in a whole-page text dump's body is scored by a logistic regression over
hashed features of the line and its neighbours: its words and their
four-letter stems and endings (so inflections share features), its shape
(length, closing punctuation, figures), how much of its vocabulary the rest
of the dump shares, and whether the lines around it were cut or are
sentences. A line scoring at or over the model's threshold (log-odds) is cut
as `generic.classifier`, with the category the model's second head names.
The forms a story's own short lines take (list items, wire credits,
sign-offs, a sub-heading over its paragraph) are never cut on a guess, and a
dump in which nothing else was cut (clean input) is left as it is.

The model (`models/lines.npz`) is data, trained by eval/train_classifier.py
on the tuning half only, its threshold chosen for at most 0.05% of article
lines cut on held-out tuning publishers and phrasings. No network and no
training at run time; without the file the stage does nothing.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections import Counter
from importlib import resources

import numpy as np

from .draft import Draft
from .layout import heads_section
from .lines import WORD, is_sign_off, is_story_list_item, is_wire_credit, stems_of

BITS = 18  # hashed feature space: 2**18 weights for the boilerplate head
CATEGORY_BITS = 14  # ... folded to 2**14 rows for the category head
MODEL = "lines.npz"
MAX_WORDS = 40  # words of a line looked at
STEM_WORD = 5  # a word longer than this also counts by its first and last four letters
_DIGIT = re.compile(r"\d")
EVIDENCE = 2  # lines the rules, detectors and layout must have cut before a guess is made


def live_features(draft: Draft) -> dict[int, list[int]]:
    """The hashed feature indices of every live line of the draft."""
    live = draft.live()
    words = {i: WORD.findall(draft.paras[i].folded) for i in live}
    stems = {i: stems_of(words[i]) for i in live}
    counts: Counter[str] = Counter()
    for i in live:
        counts.update(stems[i])
    return {i: features(draft, i, words[i], stems[i], counts) for i in live}


def features(draft: Draft, i: int, words: list[str], stems: set[str],
             counts: Counter[str]) -> list[int]:
    """Line i's features: its words, stems and endings, its shape, its neighbours, and
    how much of its vocabulary (word_stems) the rest of the dump shares (a story's
    lines talk about the same things; a prompt or a teaser does not)."""
    para, paras = draft.paras[i], draft.paras
    found = [h for word in words[:MAX_WORDS] for h in _word_hashes(word)]
    text = para.text
    size = next(n for n in (1, 2, 3, 5, 8, 13, 21, 34, 10**9) if para.words <= n)
    last = text[-1:]
    shared = sum(counts[stem] > 1 for stem in stems)
    names = [f"len:{size}", f"end:{last if not last.isalnum() else 'a'}",
             f"prose:{para.prose}", f"digit:{_DIGIT.search(text) is not None}",
             f"upper:{text[:1].isupper()}", f"gap:{min(para.gap, 2)}",
             f"pos:{10 * i // max(len(paras), 1)}",
             f"topic:{min(4, 5 * shared // len(stems)) if stems else '-'}",
             f"topicn:{min(shared, 4)}"]
    for offset, side in ((-1, "p"), (1, "n")):
        j = i + offset
        if 0 <= j < len(paras):
            names.append(f"{side}cut:{paras[j].cut is not None}")
            names.append(f"{side}prose:{paras[j].prose}")
        else:
            names.append(f"{side}:edge")
    return found + [_hash(name) for name in names]


@functools.lru_cache(maxsize=1 << 16)
def _hash(name: str) -> int:
    return zlib.crc32(name.encode("utf-8", "surrogatepass")) & ((1 << BITS) - 1)


@functools.lru_cache(maxsize=1 << 16)
def _word_hashes(word: str) -> tuple[int, ...]:
    """A word's features: itself, and for a longer word its first and last four letters."""
    if len(word) <= STEM_WORD:
        return (_hash(f"w:{word}"),)
    return _hash(f"w:{word}"), _hash(f"s:{word[:4]}"), _hash(f"e:{word[-4:]}")


class LineModel:
    """Two heads over the same features: boilerplate or not, and which category."""

    def __init__(self, weights: np.ndarray, bias: float, threshold: float,
                 categories: list[str], category_weights: np.ndarray,
                 category_bias: np.ndarray) -> None:
        self.weights, self.bias, self.threshold = weights, bias, threshold
        self.categories = categories
        self.category_weights, self.category_bias = category_weights, category_bias

    def score(self, idx: list[int]) -> float:
        """The log-odds that the line is boilerplate."""
        return float(self.weights[idx].sum(dtype=np.float32)) + self.bias

    def category(self, idx: list[int]) -> str:
        """The category the second head names for a line scored as boilerplate."""
        rows = [i & ((1 << CATEGORY_BITS) - 1) for i in idx]
        scores = self.category_weights[rows].sum(axis=0, dtype=np.float32) + self.category_bias
        return self.categories[int(np.argmax(scores))]


@functools.cache
def load_model() -> LineModel | None:
    """The shipped model, or None when there is none (a build without it)."""
    try:
        with (resources.files("cleaner") / "models" / MODEL).open("rb") as fh:
            data = np.load(fh, allow_pickle=False)
            return LineModel(data["weights"].astype(np.float32), float(data["bias"]),
                             float(data["threshold"]), [str(c) for c in data["categories"]],
                             data["category_weights"].astype(np.float32),
                             data["category_bias"].astype(np.float32))
    except FileNotFoundError:
        return None


def _story_form(text: str) -> bool:
    """The short forms a story's own text takes (list items, an embedded post's
    attribution, wire credits, sign-offs): a statistical guess never cuts them."""
    return is_story_list_item(text) or is_wire_credit(text) or is_sign_off(text)


def classified_lines(draft: Draft) -> None:
    """Cut the live lines the model scores as boilerplate (whole-page dumps only)."""
    model = load_model()
    if model is None or sum(p.cut is not None for p in draft.paras) < EVIDENCE:
        return  # a clean dump (nothing else found) is left as it is
    for i, idx in live_features(draft).items():  # all first: a cut must not change the rest
        if model.score(idx) < model.threshold:
            continue
        para = draft.paras[i]
        below = draft.paras[i + 1] if i + 1 < len(draft.paras) else None
        if not (_story_form(para.text)
                or (below is not None and below.cut is None and heads_section(para, below))):
            draft.cut(i, "generic.classifier", model.category(idx))
