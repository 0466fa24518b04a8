"""How much outlet chrome learning removes that the generic detectors miss.

Builds the invented outlets' dumps (eval/learn_corpus.py), then cleans the unseen
test dumps three ways and scores them against their labels (blind.score):

- generic: the built-in rules and the generic detectors only;
- learned: plus the rule file `cleaner learn` drafts from each outlet's 40
  training dumps (the test dumps without their URL line: the outlet is found by
  the learned signatures);
- recurring: corpus-aware cleaning, the RecurringIndex learned from the test
  dumps alone (all outlets in one batch), then each cleaned with it.

Chrome removed = share of the chrome lines generic cleaning left in a body that
the method removes; sentence loss = share of article sentences (in lines the
labels call article text) missing from the bodies. Targets: learned >= 90%,
recurring >= 80%, each losing at most 0.5 percentage points more than generic.

    python eval/learn.py [--seed 11] [--keep DIR]   # --keep: write the learned rule files there
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parent
sys.path[:0] = [str(EVAL_DIR), str(EVAL_DIR.parent)]

from blind import score  # noqa: E402
from learn_corpus import Corpus, build, text_of  # noqa: E402
from synth import Dump, norm  # noqa: E402

import cleaner  # noqa: E402
from cleaner.learn import document_lines, learn_recurring  # noqa: E402
from cleaner.learn.draft_rules import draft_rules  # noqa: E402

LEARNED_TARGET, RECURRING_TARGET, LOSS_MARGIN = 0.90, 0.80, 0.005
_SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’»)]*)(?:\s|$)")


@dataclass(slots=True)
class Tally:
    """One method on a set of dumps: chrome lines left, article sentences lost."""

    chrome_left: set[tuple[str, int]]  # (dump id, line index)
    sentences: int = 0
    lost: int = 0

    @property
    def loss(self) -> float:
        return self.lost / self.sentences if self.sentences else 0.0


def sentences(text: str) -> int:
    """Sentences in an article line (at least one)."""
    return max(1, len(_SENTENCE_END.findall(text)))


def run(dumps: Sequence[Dump], clean: Callable[[Dump], list[cleaner.Article]]) -> Tally:
    """Clean every dump and tally what stayed of its chrome and what went of its story."""
    tally = Tally(set())
    for dump in dumps:
        outcome = score(dump, clean(dump))
        found = {p for paras in outcome.paras for p in paras}
        tally.chrome_left |= {(dump.id, i) for i, line in enumerate(dump.lines)
                              if line.role == "boilerplate" and norm(line.text) in found}
        body = [i for i, line in enumerate(dump.lines) if line.is_body]
        tally.sentences += sum(sentences(dump.lines[i].text) for i in body)
        tally.lost += sum(sentences(dump.lines[i].text) for i in outcome.lost)
    return tally


def learned_rules(corpus: Corpus, folder: Path, rules: cleaner.RuleSet) -> None:
    """Draft each outlet's rule file from its training dumps, as `cleaner learn` does."""
    for outlet in corpus.outlets:
        pages = [document_lines(text_of(d), "text", None, rules)[0]
                 for d in corpus.train[outlet.name]]
        draft = draft_rules(pages, outlet.name, [outlet.domain])
        (folder / f"{outlet.domain.split('.')[0]}.toml").write_text(draft.to_toml(), "utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", metavar="DIR", help="write the learned rule files here")
    args = parser.parse_args(argv)
    corpus = build(args.seed)
    generic = cleaner.load_rules(cleaner.BUILTIN_RULES_DIR)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        learned_rules(corpus, folder, generic)
        learned = cleaner.load_rules(cleaner.BUILTIN_RULES_DIR, folder)
    tests = [d for o in corpus.outlets for d in corpus.test[o.name]]
    index = learn_recurring(document_lines(text_of(d), "text", None, generic) for d in tests)
    recognised = sum(learned.for_text(text_of(d, url=False)) is not None for d in tests)

    methods: dict[str, Callable[[Dump], list[cleaner.Article]]] = {
        "generic": lambda d: cleaner.clean_text(text_of(d), rules=generic),
        "learned": lambda d: cleaner.clean_text(text_of(d, url=False), rules=learned),
        "recurring": lambda d: cleaner.clean_text(text_of(d), rules=generic, recurring=index),
    }
    first = corpus.outlets[0].name
    print(f"learn: {len(corpus.outlets)} invented outlets, {len(corpus.train[first])} training "
          f"and {len(corpus.test[first])} unseen test dumps each; learned signatures recognise "
          f"{recognised} of {len(tests)} test dumps")
    print(f"{'outlet':<22} {'chrome':>7} {'missed':>7} {'learned':>8} {'recurring':>10}"
          f" {'loss generic':>13} {'learned':>8} {'recurring':>10}")
    totals = {name: run(tests, clean) for name, clean in methods.items()}
    chrome = sum(line.role == "boilerplate" for d in tests for line in d.lines)
    for outlet in corpus.outlets:
        dumps = corpus.test[outlet.name]
        per = {name: run(dumps, clean) for name, clean in methods.items()}
        outlet_chrome = sum(line.role == "boilerplate" for d in dumps for line in d.lines)
        _row(outlet.name, outlet_chrome, per)
    _row("all", chrome, totals)
    ok = True
    for name, target in (("learned", LEARNED_TARGET), ("recurring", RECURRING_TARGET)):
        removed = _removed(totals["generic"], totals[name])
        extra = totals[name].loss - totals["generic"].loss
        good = removed >= target and extra <= LOSS_MARGIN
        ok &= good
        print(f"{name}: removes {removed:.1%} of the chrome generic cleaning missed (target "
              f">= {target:.0%}), sentence loss {extra * 100:+.2f} points over generic (target "
              f"<= +{LOSS_MARGIN * 100:.1f}): {'PASS' if good else 'FAIL'}")
    return 0 if ok else 1


def _removed(generic: Tally, method: Tally) -> float:
    missed = generic.chrome_left
    return len(missed - method.chrome_left) / len(missed) if missed else 1.0


def _row(name: str, chrome: int, tallies: dict[str, Tally]) -> None:
    generic = tallies["generic"]
    print(f"{name[:22]:<22} {chrome:>7} {len(generic.chrome_left):>7} "
          f"{_removed(generic, tallies['learned']):>8.1%} "
          f"{_removed(generic, tallies['recurring']):>10.1%} {generic.loss:>13.2%} "
          f"{tallies['learned'].loss:>8.2%} {tallies['recurring'].loss:>10.2%}")


if __name__ == "__main__":
    sys.exit(main())
