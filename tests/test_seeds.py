"""Every sample in samples/ against its expected records.

Expected records come from two places: tests/seeds/expected.jsonl, a copy of the
design's seed records (shared/seeds/expected.jsonl; a test keeps the copy in step
with the shared one when that is present), and tests/expected/<sample file
name>.jsonl for every sample added since (README.md, "Adding an outlet"). The
comparison is the one shared/tools/check_seeds.py makes: outlet exactly,
headline and body after whitespace normalisation, captions as a set. Nothing
here counts samples or records: every sample needs expected records, and every
expected record its sample.

The generic detectors alone (no rule file) must also clean the design seeds
(DESIGN_SEEDS): that is what keeps the code free of outlet-specific knowledge.
A sample added with its rule file is held to the rule file's result only.
"""

from __future__ import annotations

import pytest

import cleaner

from seedlib import ROOT, SAMPLES, SEEDS_FILE, jsonl, load_expected, sample_files

EXPECTED_FILE = SEEDS_FILE
SHARED_EXPECTED = ROOT.parent / "shared" / "seeds" / "expected.jsonl"
EXPECTED = load_expected()
DESIGN_SEEDS = jsonl(SEEDS_FILE)
SAMPLE_FILES = sample_files()


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def norm_body(body: str | None) -> list[str]:
    return [norm(p) for p in (body or "").split("\n\n") if norm(p)]


def case_id(record: dict) -> str:
    return f"{record['source'][:3]}-{norm(record['headline'])[:30]}"


@pytest.fixture(scope="module")
def empty_rules(tmp_path_factory: pytest.TempPathFactory) -> cleaner.RuleSet:
    return cleaner.load_rules(tmp_path_factory.mktemp("no-rules"))


def record_for(expected: dict, rules: cleaner.RuleSet) -> cleaner.Article:
    """The record cleaned from the expected record's sample with its headline."""
    records = cleaner.clean_file(str(SAMPLES / expected["source"]), rules=rules)
    match = [r for r in records if norm(r.headline) == norm(expected["headline"])]
    assert match, f"no record with this headline; got {[r.headline for r in records]}"
    assert len(match) == 1
    return match[0]


def test_expected_copy_matches_shared_seeds() -> None:
    if not SHARED_EXPECTED.is_file():
        pytest.skip("shared/seeds not present (fresh clone)")
    assert EXPECTED_FILE.read_bytes() == SHARED_EXPECTED.read_bytes()


def test_every_expected_record_has_its_sample() -> None:
    for record in EXPECTED:
        assert (SAMPLES / record["source"]).is_file(), record["source"]


@pytest.mark.parametrize("sample", SAMPLE_FILES)
def test_every_sample_has_expected_records(sample: str) -> None:
    assert any(r["source"] == sample for r in EXPECTED), (
        f"samples/{sample} has no expected record: add tests/expected/{sample}.jsonl "
        "(README.md, 'Adding an outlet')")


def test_expected_records_have_the_compared_fields() -> None:
    for record in EXPECTED:
        assert {"source", "outlet", "headline", "body", "captions"} <= set(record), record


@pytest.mark.parametrize("expected", EXPECTED, ids=case_id)
def test_seed_record_matches_expected(expected: dict, default_rules: cleaner.RuleSet) -> None:
    got = record_for(expected, default_rules)
    assert got.outlet == expected["outlet"]
    assert norm(got.headline) == norm(expected["headline"])
    assert norm_body(got.body) == norm_body(expected["body"])
    assert {norm(c) for c in got.captions} == {norm(c) for c in expected["captions"]}


@pytest.mark.parametrize("source", sorted({r["source"] for r in EXPECTED}))
def test_seed_gives_one_record_per_expected_article(
        source: str, default_rules: cleaner.RuleSet) -> None:
    records = cleaner.clean_file(str(SAMPLES / source), rules=default_rules)
    expected = [r for r in EXPECTED if r["source"] == source]
    assert [norm(r.headline) for r in records] == [norm(e["headline"]) for e in expected]


def test_seed_002_holds_two_articles(default_rules: cleaner.RuleSet,
                                     empty_rules: cleaner.RuleSet) -> None:
    path = str(next(SAMPLES.glob("002_*.txt")))
    for rules in (default_rules, empty_rules):
        records = cleaner.clean_file(path, rules=rules)
        assert [r.headline for r in records] == [
            "Russia and Ukraine to Hold First Direct Peace Talks in over 3 Years",
            "Zelenskiy Thanks Trump for Readiness to Support Ukraine",
        ]


# --- With no rule file at all, the generic detectors alone must clean the design seeds.

# Boilerplate lines as they stand in the seed dumps (checked to be in the input).
SEED_BOILERPLATE: dict[str, list[str]] = {
    "000": [
        "Support The Moscow Times!",
        "Sign up for our free weekly newsletter",
        "Our weekly newsletter contains a hand-picked selection of news, features, analysis "
        "and more from The Moscow Times. You will receive it in your mailbox every Friday. "
        "Never miss the latest news from Russia. Preview",
        "Subscribers agree to the Privacy Policy",
        "A Message from The Moscow Times:",
        "Dear readers,",
        "We are facing unprecedented challenges. Russia's Prosecutor General's Office has "
        "designated The Moscow Times as an \"undesirable\" organization, criminalizing our "
        "work and putting our staff at risk of prosecution. This follows our earlier unjust "
        "labeling as a \"foreign agent.\"",
        "We, the journalists of The Moscow Times, refuse to be silenced. But to continue our "
        "work, we need your help.",
        "Your support, no matter how small, makes a world of difference. If you can, please "
        "support us monthly starting from just $2. It's quick to set up, and every "
        "contribution makes a significant impact.",
        "By supporting The Moscow Times, you're defending open, independent journalism in the "
        "face of repression. Thank you for standing with us.",
        "Once", "Monthly", "Annual", "Continue", "paiment methods",
        "Not ready to support today?", "Remind me later.", "Read more",
        "Donald Trump talks to reporters. The White House",
    ],
    "001": [
        "Also Read | US and China Reach Key Consensus in Geneva Trade Talks",
        "Recent News",
        "BLA Urges India to Act, Offers Support in Offensive Against Pakistan",
        "Quetta: The Baloch Liberation Army (BLA) has claimed responsibility for 71 coordinated "
        "attacks across more than 51 locations in Balochistan, targeting various sites "
        "linked...",
        "CATL’s $4 Billion Hong Kong IPO Sets Global Record for 2025",
        "Hong Kong: Chinese electric vehicle battery giant Contemporary Amperex Technology Co. "
        "Limited (CATL) is set to raise at least HK$31.01 billion (approximately $3.99 "
        "billion)...",
        "Kurdish PKK Announces End to 40-Year Conflict with Turkish State",
        "Istanbul: The Kurdistan Workers Party (PKK), a Kurdish militant group engaged in a "
        "protracted and deadly insurgency against the Turkish state for over 40...",
        "Survey Finds Global Image of US Now Worse Than China’s",
        "Copenhagen: Global perceptions of the United States have declined sharply over the "
        "past year, falling below those of China, according to a new annual...",
    ],
    "002": ["TT", "20"],
    "003": ["Read more: US Halts Aid to Ukraine as Trump’s Tense Clash with Zelenskyy Escalates"],
    "004": ["Daily Express"],
}


def sample_text(source: str) -> str:
    return " ".join((SAMPLES / source).read_text("utf-8").split())


@pytest.mark.parametrize("expected", DESIGN_SEEDS, ids=case_id)
def test_generic_detectors_keep_seed_headline_and_paragraphs(
        expected: dict, empty_rules: cleaner.RuleSet) -> None:
    got = record_for(expected, empty_rules)
    body = norm_body(got.body)
    want = norm_body(expected["body"])
    missing = [p[:60] for p in want if p not in body]
    assert not missing
    assert [p for p in body if p in want] == want  # in order
    assert norm(expected["headline"]) not in body


@pytest.mark.parametrize("expected", DESIGN_SEEDS, ids=case_id)
def test_generic_detectors_cut_seed_boilerplate(
        expected: dict, empty_rules: cleaner.RuleSet) -> None:
    lines = SEED_BOILERPLATE[expected["source"][:3]]
    text = sample_text(expected["source"])
    for line in lines:
        assert norm(line) in text, f"not in the seed: {line!r}"
    got = record_for(expected, empty_rules)
    body = norm_body(got.body)
    left = [line for line in lines if norm(line) in body]
    assert not left
    for line in lines:
        if len(line) > 40:  # long boilerplate must not survive inside a paragraph either
            assert norm(line) not in norm(got.body)


@pytest.mark.parametrize("expected", DESIGN_SEEDS, ids=case_id)
def test_generic_detectors_move_seed_captions_out_of_body(
        expected: dict, empty_rules: cleaner.RuleSet) -> None:
    got = record_for(expected, empty_rules)
    body = norm_body(got.body)
    assert {norm(c) for c in got.captions} == {norm(c) for c in expected["captions"]}
    assert len(got.captions) == len({norm(c) for c in got.captions})  # each caption once
    for caption in expected["captions"]:
        assert norm(caption) not in body


def test_generic_detectors_find_seed_004_outlet_from_trailer(
        empty_rules: cleaner.RuleSet) -> None:
    [record] = cleaner.clean_file(str(next(SAMPLES.glob("004_*.txt"))), rules=empty_rules)
    assert record.outlet == "Daily Express"
    assert "Daily Express" not in record.body
