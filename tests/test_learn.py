"""`cleaner learn` and corpus-aware cleaning (issue 12), on small invented outlets."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from conftest import CliRun

import cleaner
from cleaner.learn import RecurringIndex, document_lines, learn_recurring
from cleaner.rules import SiteRule, check_rules, load_rule_file

WORDS = ("council harbour ferry petition residents evening island route chair vote operator "
         "budget school bridge river market farmers weather storm road repair museum library "
         "hospital nurses teachers station train timetable plan report minister court").split()
CHROME_TOP = ["THE ORCHARD POST", "Valley · Towns · Money · Culture · Letters"]
APPEAL = ["The Orchard Circle",
          "Readers like you keep this newsroom going. Join the Circle for a coffee a week.",
          "Join the Circle"]
FOOTER = "Orchard Post Media"
CREDIT = "(Reporting by Ana Ruiz; Editing by Kim Coghill)"
QUOTED = "The ministry did not answer questions about the plan."
SYNDICATED = ["Storm closes the coast road for a second night.",
              "Engineers said the sea wall held but the road surface was washed away in two "
              "places near the old harbour.",
              "Buses will run inland until the repairs are finished, the operator said."]


def _sentence(rng: random.Random) -> str:
    words = rng.sample(WORDS, rng.randint(8, 14))
    return " ".join(words).capitalize() + "."


def _page(rng: random.Random, n: int, domain: str, story: list[str] | None = None,
          chrome: tuple[list[str], list[str], str] = (CHROME_TOP, APPEAL, FOOTER)) -> str:
    top, appeal, footer = chrome
    paragraphs = story or [" ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
                           for _ in range(rng.randint(3, 5))]
    lines = [f"URL: https://{domain}/story-{n}", *top, "",
             f"Headline number {n} about the {rng.choice(WORDS)}", f"Filed {n + 1}:05 pm", ""]
    lines += [line for p in paragraphs for line in (p, "")]
    if n % 5 == 0:
        lines += [f"Officials met on Monday. {QUOTED} A decision is due in May.", ""]
    elif n % 3:
        lines += [QUOTED, ""]
    if n % 4:
        lines += [CREDIT, ""]
    lines += [*appeal, "", f"© {2020 + n % 5} {footer}", "Ethics · Jobs · Corrections"]
    return "\n".join(lines) + "\n"


def _corpus(folder: Path, pages: int = 24, domain: str = "orchardpost.example",
            syndicated: int = 10, seed: int = 3,
            chrome: tuple[list[str], list[str], str] = (CHROME_TOP, APPEAL, FOOTER)) -> Path:
    """An outlet's dumps: chrome around random stories, one story saved `syndicated` times."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(pages):
        story = SYNDICATED if n < syndicated else None
        (folder / f"{domain}-{n:02d}.txt").write_text(_page(rng, n, domain, story, chrome),
                                                       encoding="utf-8")
    return folder


def _learn(run_cli: Callable[..., CliRun], folder: Path, out: Path, *extra: str) -> CliRun:
    return run_cli("learn", str(folder), "--outlet", "The Orchard Post", "-o", str(out), *extra)


def test_learned_file_validates_and_is_deterministic(
        tmp_path: Path, run_cli: Callable[..., CliRun]) -> None:
    pages = _corpus(tmp_path / "pages")
    first, second = tmp_path / "rules" / "orchard.toml", tmp_path / "again" / "orchard.toml"
    assert _learn(run_cli, pages, first).code == 0
    assert _learn(run_cli, pages, second).code == 0
    assert first.read_bytes() == second.read_bytes()
    [(_, rule)] = check_rules(first.parent)
    assert isinstance(rule, SiteRule)
    assert rule.domains == ("orchardpost.example",)
    text = first.read_text(encoding="utf-8")
    assert "# support 1.00" in text and "e.g. 'THE ORCHARD POST'" in text
    assert run_cli("rules", "check", str(first.parent)).code == 0


def _cut_by_rules(folder: Path, page: str) -> set[str]:
    """The lines the learned rule file (not the generic detectors) cuts from a page."""
    articles = cleaner.clean_text(page, rules=cleaner.load_rules(folder))
    return {r.text for a in articles for r in a.removed if r.rule.startswith("orchard.")}


def test_chrome_is_learned_but_not_syndicated_stories_wire_credits_or_quoted_lines(
        tmp_path: Path, run_cli: Callable[..., CliRun]) -> None:
    out = tmp_path / "rules" / "orchard.toml"
    assert _learn(run_cli, _corpus(tmp_path / "pages"), out).code == 0
    page = _page(random.Random(9), 97, "orchardpost.example", SYNDICATED)
    cut = _cut_by_rules(out.parent, page)
    assert {*CHROME_TOP, *APPEAL, "Filed 98:05 pm", "© 2022 Orchard Post Media"} <= cut
    assert not cut & {*SYNDICATED, CREDIT, QUOTED}
    assert QUOTED in page and CREDIT in page
    assert load_rule_file(out).signature_hits(page.split("\n", 1)[1])


def test_learned_rules_clean_an_unseen_page(tmp_path: Path,
                                            run_cli: Callable[..., CliRun]) -> None:
    out = tmp_path / "rules" / "orchard.toml"
    assert _learn(run_cli, _corpus(tmp_path / "pages"), out).code == 0
    page = _page(random.Random(5), 41, "elsewhere.example").split("\n", 1)[1]  # no URL line
    [article] = cleaner.clean_text(page, rules=cleaner.load_rules(out.parent))
    assert article.outlet == "The Orchard Post"
    assert not set(article.body.split("\n\n")) & {*CHROME_TOP, *APPEAL}
    assert CREDIT in article.body


def test_too_few_pages_is_a_usage_error(tmp_path: Path,
                                        run_cli: Callable[..., CliRun]) -> None:
    result = _learn(run_cli, _corpus(tmp_path / "pages", pages=12), tmp_path / "o.toml")
    assert result.code == 2
    assert result.err.strip() == ("cleaner: learn: only 12 readable pages; learning needs at "
                                  "least 20 pages of one outlet")
    assert not (tmp_path / "o.toml").exists()


def test_pages_of_two_domains_are_refused_naming_both(
        tmp_path: Path, run_cli: Callable[..., CliRun]) -> None:
    pages = _corpus(tmp_path / "pages")
    _corpus(pages, pages=22, domain="other.example", syndicated=0, seed=4)
    result = _learn(run_cli, pages, tmp_path / "o.toml")
    assert result.code == 2
    assert "orchardpost.example (24 pages)" in result.err
    assert "other.example (22 pages)" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_two_outlets_without_urls_are_told_apart_by_their_recurring_lines(
        tmp_path: Path, run_cli: Callable[..., CliRun]) -> None:
    pages = _corpus(tmp_path / "pages", pages=20, syndicated=0)
    _corpus(pages, pages=20, domain="other.example", syndicated=0, seed=4,
            chrome=(["Kestrel Daily", "Top | Markets | Planet"],
                    ["Keep Kestrel open.", "Count me in"], "Kestrel Media Cooperative"))
    for path in pages.iterdir():  # no URL lines: the outlets are not known by domain
        path.write_text(path.read_text("utf-8").split("\n", 1)[1], encoding="utf-8")
    result = _learn(run_cli, pages, tmp_path / "o.toml", "--domain", "orchardpost.example")
    assert result.code == 2
    assert "look like several outlets" in result.err


def test_empty_and_unreadable_pages_are_reported_and_skipped(
        tmp_path: Path, run_cli: Callable[..., CliRun]) -> None:
    pages = _corpus(tmp_path / "pages")
    (pages / "empty.txt").write_text("", encoding="utf-8")
    (pages / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = _learn(run_cli, pages, tmp_path / "o.toml")
    assert result.code == 1
    assert f"cleaner: {pages / 'empty.txt'}: " in result.err
    assert f"cleaner: {pages / 'binary.txt'}: " in result.err
    assert (tmp_path / "o.toml").exists()


def test_usage_errors(tmp_path: Path, run_cli: Callable[..., CliRun]) -> None:
    missing = _learn(run_cli, tmp_path / "nope", tmp_path / "o.toml")
    assert (missing.code, missing.err.strip()) == (2, f"cleaner: learn: {tmp_path / 'nope'}: "
                                                      "not a folder")
    (tmp_path / "o.toml").write_text("# mine\n", encoding="utf-8")
    exists = _learn(run_cli, _corpus(tmp_path / "pages"), tmp_path / "o.toml")
    assert exists.code == 2 and "exists; add --force" in exists.err
    assert (tmp_path / "o.toml").read_text(encoding="utf-8") == "# mine\n"
    with pytest.raises(SystemExit) as bad:
        run_cli("learn", str(tmp_path / "pages"), "--outlet", "X", "-o", "-",
                "--min-support", "1.5")
    assert bad.value.code == 2


def test_recurring_lines_are_cut_with_their_support_and_the_story_stays(
        tmp_path: Path) -> None:
    pages = sorted(_corpus(tmp_path / "pages", syndicated=4).iterdir())
    rules = cleaner.load_rules(cleaner.BUILTIN_RULES_DIR)
    texts = [p.read_text(encoding="utf-8") for p in pages]
    index = learn_recurring(document_lines(t, "text", None, rules) for t in texts)
    plain = cleaner.clean_text(texts[-1], rules=rules)
    [article] = cleaner.clean_text(texts[-1], rules=rules, recurring=index)
    recurring = {r.text: r.rule for r in article.removed if r.category == "recurring"}
    assert recurring["The Orchard Circle"].startswith("recurring.outlet:")
    assert float(recurring["The Orchard Circle"].split(":")[1]) >= 0.5
    assert set(article.body.split("\n\n")) <= set(plain[0].body.split("\n\n"))
    for line in [SYNDICATED[0], CREDIT]:
        assert line not in recurring
    story = [p for p in texts[-1].split("\n") if len(p) > 80 and p != APPEAL[1]]
    assert all(p in article.body for p in story)


def test_recurring_index_past_its_cap_drops_the_rarest_lines_first() -> None:
    rng = random.Random(1)
    index = RecurringIndex(max_keys=200)
    for n in range(30):
        index.add([*CHROME_TOP, *(_sentence(rng) for _ in range(12)), f"© {2000 + n} Post"],
                  "orchardpost.example")
    lines = index.lines_for("orchardpost.example")
    assert lines.support(CHROME_TOP[0]) == ("outlet", 1.0)
    assert lines.support("© 1999 Post") == ("outlet", 1.0)  # digits masked
    assert lines.support(_sentence(rng)) is None
    assert index.lines_for("elsewhere.example").support(CHROME_TOP[0]) is None


def test_clean_learn_recurring_cuts_the_outlets_chrome_in_a_batch_run(
        tmp_path: Path, run_cli: Callable[..., CliRun]) -> None:
    pages = _corpus(tmp_path / "pages", syndicated=4)
    plain, outputs = tmp_path / "plain.jsonl", []
    assert run_cli("clean", str(pages), "-o", str(plain), "-q").code == 0
    for jobs in ("1", "2"):
        out = tmp_path / f"learned{jobs}.jsonl"
        assert run_cli("clean", str(pages), "-o", str(out), "--learn-recurring",
                       "--jobs", jobs, "-q").code == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    learned = [orjson.loads(line) for line in outputs[0].splitlines()]
    before = [orjson.loads(line) for line in plain.read_bytes().splitlines()]
    assert len(learned) == len(before) == len(list(pages.iterdir()))
    cut = [r for record in learned for r in record["removed"] if r["category"] == "recurring"]
    assert cut and all(r["rule"].startswith("recurring.") for r in cut)
    for old, new in zip(before, learned, strict=True):
        assert set(new["body"].split("\n\n")) <= set(old["body"].split("\n\n"))
        assert APPEAL[1] not in new["body"]


def test_learn_recurring_refuses_stdin(run_cli: Callable[..., CliRun]) -> None:
    result = run_cli("clean", "-", "--learn-recurring")
    assert result.code == 2 and "reads the inputs twice" in result.err
