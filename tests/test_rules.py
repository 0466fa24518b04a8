"""Rule files: loading, validation errors that name file + key + problem, signatures."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import RuleError, clean_text
from cleaner.rules import DEFAULT_RULES_DIR, SiteRule, check_rules, load_rule_file, load_rules

MINIMAL = """\
outlet = "Harbour Gazette"
domains = ["www.HarbourGazette.example"]
signatures = ['^Support the Harbour Gazette!$', '^Harbour Gazette newsletter$']
"""
LINE = """\
[[lines]]
id = "banner"
category = "banner"
pattern = '^Support the Harbour Gazette!$'
"""
HEADER = "outlet = 'X'\n"


def _rule_file(folder: Path, text: str, name: str = "gazette.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_rule_file_loads(tmp_path: Path) -> None:
    rule = load_rule_file(_rule_file(tmp_path, MINIMAL + LINE))
    assert rule.outlet == "Harbour Gazette"
    assert rule.name == "gazette"
    assert rule.domains == ("harbourgazette.example",)
    assert rule.min_signatures == 1
    assert [line.id for line in rule.lines] == ["banner"]
    assert rule.lines[0].pattern.search("Support the Harbour Gazette!")
    assert rule.blocks == ()


def test_outlet_alone_is_a_valid_rule_file(tmp_path: Path) -> None:
    rule = load_rule_file(_rule_file(tmp_path, HEADER))
    assert (rule.outlet, rule.domains, rule.signatures, rule.lines) == ("X", (), (), ())


def test_repo_rule_files_are_all_valid() -> None:
    results = check_rules(DEFAULT_RULES_DIR)
    assert results
    bad = [outcome for _, outcome in results if not isinstance(outcome, SiteRule)]
    assert bad == []


BROKEN = [
    ("syntax", 'outlet = "Harbour Gazette\n', "(syntax)", "TOML"),
    ("unknown-top-key", HEADER + 'colour = "red"\n', "colour", "unknown"),
    ("unknown-line-key",
     HEADER + '[[lines]]\nid = "a"\ncategory = "banner"\npattern = "^a$"\nflags = "i"\n',
     "lines[0].flags", "unknown"),
    ("unknown-block-key",
     HEADER + '[[blocks]]\nid = "a"\ncategory = "banner"\nstart = "^a$"\nstop = "^b$"\n',
     "blocks[0].stop", "unknown"),
    ("unknown-html-key", HEADER + '[html]\ndrop = ["nav"]\n', "html.drop", "unknown"),
    ("bad-regex",
     HEADER + '[[lines]]\nid = "a"\ncategory = "banner"\npattern = "(unclosed"\n',
     "lines[0].pattern", "regular expression"),
    ("bad-block-end-regex",
     HEADER + '[[blocks]]\nid = "a"\ncategory = "banner"\nstart = "^a$"\nend = "[z-a]"\n',
     "blocks[0].end", "regular expression"),
    ("bad-signature-regex", HEADER + 'signatures = ["(x"]\n', "signatures[0]",
     "regular expression"),
    ("domains-not-a-list", HEADER + 'domains = "x.example"\n', "domains", "list"),
    ("domain-not-a-string", HEADER + "domains = [42]\n", "domains[0]", "string"),
    ("outlet-not-a-string", "outlet = 7\n", "outlet", "str"),
    ("min-signatures-bool", HEADER + "signatures = ['^a$']\nmin_signatures = true\n",
     "min_signatures", "int"),
    ("missing-outlet", 'domains = ["x.example"]\n', "outlet", "missing"),
    ("empty-outlet", 'outlet = "  "\n', "outlet", "empty"),
    ("missing-pattern", HEADER + '[[lines]]\nid = "a"\ncategory = "banner"\n',
     "lines[0].pattern", "missing"),
    ("missing-line-id", HEADER + '[[lines]]\ncategory = "banner"\npattern = "^a$"\n',
     "lines[0].id", "missing"),
    ("unknown-category",
     HEADER + '[[lines]]\nid = "a"\ncategory = "spam"\npattern = "^a$"\n',
     "lines[0].category", "unknown category"),
    ("duplicate-id",
     HEADER + '[[lines]]\nid = "a"\ncategory = "banner"\npattern = "^a$"\n'
     '[[blocks]]\nid = "a"\ncategory = "banner"\nstart = "^b$"\n',
     "id", "twice"),
    ("min-signatures-zero", HEADER + "signatures = ['^a$', '^b$']\nmin_signatures = 0\n",
     "min_signatures", "between"),
    ("min-signatures-too-many", HEADER + "signatures = ['^a$', '^b$']\nmin_signatures = 3\n",
     "min_signatures", "between"),
    ("block-max-lines-zero",
     HEADER + '[[blocks]]\nid = "a"\ncategory = "banner"\nstart = "^a$"\nmax_lines = 0\n',
     "blocks[0].max_lines", "at least"),
    ("bad-css-remove", HEADER + '[html]\nremove = ["article", "div["]\n', "html.remove",
     "selector"),
    ("bad-css-body", HEADER + '[html]\nbody = "###"\n', "html.body", "selector"),
    ("html-not-a-table", HEADER + 'html = "nav"\n', "html", "table"),
    ("lines-not-tables", HEADER + 'lines = ["^a$"]\n', "lines[0]", "table"),
]


@pytest.mark.parametrize(("text", "key", "problem"), [case[1:] for case in BROKEN],
                         ids=[case[0] for case in BROKEN])
def test_broken_rule_file_error_names_file_key_and_problem(
        tmp_path: Path, text: str, key: str, problem: str) -> None:
    path = _rule_file(tmp_path, text)
    with pytest.raises(RuleError) as info:
        load_rule_file(path)
    error = info.value
    assert (error.path, error.key) == (str(path), key)
    assert problem.lower() in error.problem.lower()
    assert str(path) in str(error) and key in str(error)


def test_line_pattern_that_matches_every_line_is_rejected(tmp_path: Path) -> None:
    path = _rule_file(tmp_path, HEADER + '[[lines]]\nid = "a"\ncategory = "banner"\n'
                                         'pattern = ""\n')
    with pytest.raises(RuleError) as info:
        load_rule_file(path)
    assert info.value.key == "lines[0].pattern"


def test_duplicate_domain_across_two_files_names_the_later_file(tmp_path: Path) -> None:
    first = _rule_file(tmp_path, MINIMAL, "a_gazette.toml")
    second = _rule_file(tmp_path, 'outlet = "Copycat"\ndomains = ["harbourgazette.example"]\n',
                        "b_copycat.toml")
    with pytest.raises(RuleError) as info:
        load_rules(tmp_path)
    error = info.value
    assert (error.path, error.key) == (str(second), "domains")
    assert "harbourgazette.example" in error.problem and str(first) in error.problem


def test_check_rules_reports_every_bad_file_and_duplicate_domains(tmp_path: Path) -> None:
    _rule_file(tmp_path, MINIMAL, "a_gazette.toml")
    copycat = _rule_file(tmp_path, 'outlet = "Copycat"\ndomains = ["harbourgazette.example"]\n',
                         "b_copycat.toml")
    broken = _rule_file(tmp_path, 'outlet = "Broken"\nfoo = 1\n', "c_broken.toml")
    failures = {path: outcome for path, outcome in check_rules(tmp_path)
                if isinstance(outcome, RuleError)}
    assert set(failures) == {str(copycat), str(broken)}
    assert failures[str(copycat)].key == "domains"
    assert failures[str(broken)].key == "foo"


def test_load_rules_on_a_missing_folder_is_a_rule_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="no such rules folder"):
        load_rules(tmp_path / "missing")


def test_load_rules_caches_per_folder(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    _rule_file(one, MINIMAL)
    _rule_file(two, 'outlet = "Other"\n')
    first = load_rules(one)
    assert load_rules(one) is first
    other = load_rules(two)
    assert other is not first
    assert [r.outlet for r in other.rules] == ["Other"]


def test_rule_set_finds_the_rule_by_host(tmp_path: Path) -> None:
    _rule_file(tmp_path, MINIMAL)
    rules = load_rules(tmp_path)
    for host in ("harbourgazette.example", "www.harbourgazette.example",
                 "news.harbourgazette.example", "WWW.HarbourGazette.Example"):
        assert rules.for_host(host) is rules.rules[0], host
    assert rules.for_host("notharbourgazette.example") is None


# --- signature detection ------------------------------------------------------------------


def _gazette_dump(article_text: str, *extra: str) -> str:
    return "\n\n".join((article_text.strip(), *extra)) + "\n"


def test_text_with_the_signatures_is_attributed_to_the_rule(
        tmp_path: Path, article_text: str) -> None:
    _rule_file(tmp_path, MINIMAL + LINE)
    rules = load_rules(tmp_path)
    text = "Support the Harbour Gazette!\n\n" + _gazette_dump(article_text,
                                                               "Harbour Gazette newsletter")
    assert rules.for_text(text) is rules.rules[0]
    [article] = clean_text(text, rules=rules)
    assert article.outlet == "Harbour Gazette"
    assert "Support the Harbour Gazette!" not in article.body
    assert {"rule": "gazette.banner", "category": "banner",
            "chars": len("Support the Harbour Gazette!")} in [r.summary() for r in article.removed]


def test_signature_must_match_a_whole_line_when_anchored(
        tmp_path: Path, article_text: str) -> None:
    _rule_file(tmp_path, MINIMAL)
    rules = load_rules(tmp_path)
    text = _gazette_dump(article_text, "Readers who Support the Harbour Gazette! get a mug.")
    assert rules.for_text(text) is None


def test_min_signatures_is_respected(tmp_path: Path, article_text: str) -> None:
    _rule_file(tmp_path, MINIMAL + "min_signatures = 2\n" + LINE)
    rules = load_rules(tmp_path)
    one = "Support the Harbour Gazette!\n\n" + _gazette_dump(article_text)
    both = "Support the Harbour Gazette!\n\n" + _gazette_dump(article_text,
                                                               "Harbour Gazette newsletter")
    assert rules.rules[0].signature_hits(one) == 0
    assert rules.for_text(one) is None
    assert rules.for_text(both) is rules.rules[0]
    [article] = clean_text(one, rules=rules)
    assert article.outlet != "Harbour Gazette"
    assert all(not r.rule.startswith("gazette.") for r in article.removed)


def test_the_rule_with_more_signature_hits_wins(tmp_path: Path, article_text: str) -> None:
    _rule_file(tmp_path, MINIMAL, "a_gazette.toml")
    _rule_file(tmp_path, 'outlet = "Ferry Times"\nsignatures = [\'^Ferry Times$\', '
                         '\'^Support the Harbour Gazette!$\', \'^Ferry Times app$\']\n',
               "b_ferry.toml")
    rules = load_rules(tmp_path)
    text = "Support the Harbour Gazette!\n\n" + _gazette_dump(article_text, "Ferry Times app",
                                                               "Ferry Times")
    rule = rules.for_text(text)
    assert rule is not None and rule.outlet == "Ferry Times"


def test_url_host_beats_signatures(tmp_path: Path, article_text: str) -> None:
    _rule_file(tmp_path, MINIMAL, "a_gazette.toml")
    _rule_file(tmp_path, 'outlet = "Ferry Times"\ndomains = ["ferrytimes.example"]\n',
               "b_ferry.toml")
    rules = load_rules(tmp_path)
    text = "Support the Harbour Gazette!\n\n" + _gazette_dump(article_text)
    [article] = clean_text(text, url="https://ferrytimes.example/a/1", rules=rules)
    assert article.outlet == "Ferry Times"
