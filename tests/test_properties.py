"""Properties from DESIGN.md, checked with hypothesis.

- Any text or bytes: nothing but cleaner.InputError is ever raised.
- The cleaner only removes: every body paragraph stood in the input as a line
  (whitespace normalised, NFC).
- Cleaning a clean record again (headline, blank line, body) changes nothing.

Besides arbitrary text, a strategy composes realistic dumps: a headline, article
paragraphs with sub-headings and a dateline, and boilerplate lines of several
categories around and inside them.
"""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt"))
SETTINGS = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])




# --- Whitespace normalisation, applied the same way to input lines and output paragraphs.

# Zero-width and soft-hyphen characters are dropped and control characters count as
# spaces: both are whitespace normalisation, not a change of the text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return unicodedata.normalize("NFC", " ".join(_CONTROL.sub(" ", text).split()))


def input_lines(text: str) -> set[str]:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return {norm(line) for line in text.split("\n")}


def paragraphs(record: cleaner.Article) -> list[str]:
    return [p for p in record.body.split("\n\n") if p.strip()]


def assert_only_removed(text: str, records: list[cleaner.Article]) -> None:
    lines = input_lines(text)
    for record in records:
        for para in paragraphs(record):
            assert norm(para) in lines, para
        if record.headline is not None:
            assert norm(record.headline) in lines, record.headline
        for caption in record.captions:
            assert norm(caption) in lines, caption


def redump(record: cleaner.Article) -> str:
    return f"{record.headline}\n\n{record.body}" if record.headline else record.body


def assert_idempotent(record: cleaner.Article, rules: cleaner.RuleSet) -> None:
    again = cleaner.clean_text(redump(record), rules=rules)
    assert len(again) == 1, [r.headline for r in again]
    assert again[0].headline == record.headline
    assert paragraphs(again[0]) == paragraphs(record)


# --- Realistic dumps

HEADLINES = [
    "City Council Approves New Water Treatment Plant After Long Debate",
    "Drought Forces Farmers to Leave Fields Unplanted",
    "Port Strike Ends as Workers Accept a New Contract",
    "Scientists Warn of Faster Ice Loss in Greenland",
    "Zelensky invites Putin to talks in Istanbul after Trump urges a deal",
    "Central Bank Holds Rates Steady as Inflation Eases",
    "Will the New Water Plant Be Built on Time?",
    "WATER PLANT APPROVED",
]
STANDFIRSTS = [
    "Residents will pay a little more for water from July under the plan.",
    "The vote ends more than a year of argument over the cost of the project.",
]
ARTICLE = [
    "The city council voted 7-2 on Tuesday to approve a $45 million water treatment plant on "
    "the east bank of the river, ending more than a year of debate over its cost.",
    "Supporters said the plant would replace equipment that dates from the 1960s and has "
    "failed three times since January, forcing boil-water notices across the city.",
    "\"We cannot keep patching a system that was built for half the people who live here "
    "now,\" said council member Maria Lopez, who chaired the infrastructure committee.",
    "Opponents argued that the project should wait for a state grant decision expected next "
    "spring, which could cover up to a third of the construction bill.",
    "Construction is scheduled to begin in March and take about two years. Residents will see "
    "a small increase in their water bills from July, the city said.",
    "She told subscribers in a newsletter that prices would rise, and that the council would "
    "publish a full breakdown of the costs before the summer.",
    "The charity said donations rose 20 percent last year, most of them from people who had "
    "never given to a local cause before.",
    "Readers can follow the hearing on the council's website, where officials will also post "
    "the engineering reports that were cited in the debate.",
    "“We have support from our partners and we believe this is the moment to act,” the mayor "
    "said in a statement released after the vote.",
    "Hydrologists warn that pumping groundwater is causing the land to sink by up to a foot a "
    "year in some areas, damaging canals and bridges.",
    "The union said its members would return to work on Monday morning, and that the backlog "
    "of ships would take at least two weeks to clear.",
    "Officials did not say how many households would be affected, but a council report put the "
    "figure at about 40,000.",
    # Story sentences that open with words boilerplate also uses.
    "Support for the project grew after the third boil-water notice in February.",
    "Breaking with her party, council member Ann Reyes voted in favour of the plan.",
    "Home owners in the east end will pay slightly more under the new rate plan.",
    "By March, the city expects to have hired a contractor for the first phase of the work.",
    "Most read among the council papers was a 2021 engineering report that warned of pipe "
    "failures.",
    "Also read into the record was a letter from the state environmental agency supporting "
    "the plan.",
    "Reyes declined to comment on the vote.",
    "Lopez said 20 people had written to her about the plan.",
]
SUB_HEADINGS = ["Years of Delays", "What Happens Next", "A Divided Council", "Costs Under Scrutiny"]
DATELINES = ["", "SPRINGFIELD: ", "Kyiv (Reuters) - ", "LONDON — "]

# Boilerplate by where it sits; each entry is a run of lines of one category.
TOP = [
    ["Support The Riverside Gazette!"],
    ["Breaking News"],
    ["Home", "News", "Local", "Politics", "Business", "Sport", "Opinion", "Culture", "Weather"],
    ["Skip to main content", "Menu", "Search"],
    ["Cookie settings", "Accept all cookies"],
]
HEAD = [
    ["By Jane Doe"],
    ["By Jane Doe", "March 4, 2024"],
    ["TT", "20"],
    ["Share", "Tweet", "Email"],
    ["Updated 5 hours ago"],
    ["Workers inspect pipes at the old treatment works on Monday. (Photo by John Smith / AFP)"],
]
# The story's own lines, not a page around it: a byline, a date, the outlet's sign-off.
STORY_METADATA = {"By Jane Doe", "March 4, 2024", "Updated 5 hours ago", "Riverside Gazette"}
MID = [
    ["Also Read | State Lawmakers Weigh New Rules for Utility Rates"],
    ["Read more: Drought Forces Farmers to Cut Water Use"],
    ["Advertisement"],
    ["Story continues below advertisement"],
    ["Share on Facebook"],
    ["Sign up for our daily newsletter to get the top stories delivered to your inbox."],
    ["Download our free app for breaking news alerts on your phone."],
    ["A worker checks a valve at the pumping station on Monday. Photo: Jane Doe/Reuters"],
]
END = [
    ["Related Stories", "Mayor Unveils Budget With Cuts to Parks",
     "School Board Delays Vote on New Calendar", "Bridge Repairs to Close Main Street"],
    ["Recent News", "Mayor Unveils Budget With Cuts to Parks",
     "Springfield: The mayor on Monday proposed a budget that would close two public pools "
     "and cut opening hours at..."],
    ["A message from the editor:", "Dear readers,",
     "Independent journalism like ours costs money. If you value our reporting, please "
     "consider supporting us with a donation.",
     "Every contribution, big or small, helps keep our newsroom independent.",
     "Thank you for your support."],
    ["Sign up for our free weekly newsletter",
     "Our weekly newsletter brings you the best local stories of the week, every Friday "
     "morning.",
     "By signing up, you agree to our Privacy Policy and Terms of Use."],
    ["Follow us on Twitter and Facebook for the latest updates."],
    ["Comments are moderated and may take up to 24 hours to appear."],
    ["Riverside Gazette"],
    ["Privacy Policy", "Terms of Use", "© 2024 Riverside Gazette. All rights reserved."],
]


@st.composite
def realistic_dumps(draw: st.DrawFn) -> tuple[str, str, list[str], list[str]]:
    """(dump, headline, article paragraphs in order, boilerplate lines)."""
    headline = draw(st.sampled_from(HEADLINES))
    story = draw(st.lists(st.sampled_from(ARTICLE), min_size=4, max_size=8, unique=True))
    story[0] = draw(st.sampled_from(DATELINES)) + story[0]
    # A standfirst under the headline, either new text (it opens the body) or the opening
    # sentence of a later paragraph (on a page it is set apart and not repeated in the
    # body; with nothing around the story it stays: clean input comes back unchanged).
    standfirst = draw(st.sampled_from([None, *STANDFIRSTS]))
    repeated = standfirst is not None and draw(st.booleans())
    if repeated:
        at = draw(st.integers(2, len(story) - 1))
        story[at] = f"{standfirst} {story[at]}"
    # Sub-headings stand between paragraphs, never first or last, never two in a row.
    slots = draw(st.sets(st.integers(2, len(story) - 1), max_size=2))
    names = iter(draw(st.permutations(SUB_HEADINGS)))
    article: list[str] = []
    for n, para in enumerate(story):
        if n in slots:
            article.append(next(names))
        article.append(para)
    top = draw(st.lists(st.sampled_from(TOP), max_size=2, unique_by=id))
    head = draw(st.lists(st.sampled_from(HEAD), max_size=2, unique_by=id))
    mids = draw(st.lists(st.tuples(st.integers(2, len(article) - 1), st.sampled_from(MID)),
                         max_size=2, unique_by=lambda t: t[0]))
    end = draw(st.lists(st.sampled_from(END), max_size=2, unique_by=id))
    body = list(article)
    for at, lines in sorted(mids, reverse=True):
        if body[at - 1] not in SUB_HEADINGS:  # keep a sub-heading right above its paragraph
            body[at:at] = lines
    if standfirst is not None:
        body.insert(0, standfirst)
        if not repeated:
            article.insert(0, standfirst)
    flat = itertools.chain.from_iterable
    lines = [*flat(top), headline, *flat(head), *body, *flat(end)]
    boilerplate = [line for line in lines
                   if line not in article and line not in (headline, standfirst)]
    if repeated and set(boilerplate) <= STORY_METADATA:
        article.insert(0, standfirst)  # no page around the story: it is given back whole
    sep = draw(st.sampled_from(["\n", "\n\n"]))
    return sep.join(lines), headline, article, boilerplate


# --- (a) nothing but InputError, whatever the input


@SETTINGS
@given(text=st.text())
def test_any_text_cleans_without_error(
        text: str, no_rules: cleaner.RuleSet, default_rules: cleaner.RuleSet) -> None:
    for rules in (no_rules, default_rules):
        for record in cleaner.clean_text(text, rules=rules):
            assert isinstance(record.body, str)
            record.to_json()


@pytest.mark.parametrize("fmt", ["text", "html"])
@SETTINGS
@given(data=st.binary())
def test_any_bytes_clean_or_raise_input_error(
        fmt: str, data: bytes, no_rules: cleaner.RuleSet) -> None:
    try:
        records = cleaner.clean_bytes(data, rules=no_rules, fmt=fmt)
    except cleaner.InputError:
        return
    for record in records:
        record.to_json()


@SETTINGS
@given(body=st.lists(st.text(max_size=60), max_size=12))
def test_any_html_page_cleans_or_raises_input_error(
        body: list[str], no_rules: cleaner.RuleSet) -> None:
    """Arbitrary text inside real markup reaches the HTML extractor, not just the decoder."""
    page = "<html><body><article>" + "".join(f"<p>{t}</p>" for t in body) + \
        "</article></body></html>"
    try:
        records = cleaner.clean_bytes(page.encode("utf-8"), rules=no_rules,
                                      fmt="html")
    except cleaner.InputError:
        return
    for record in records:
        record.to_json()


@SETTINGS
@given(lines=st.lists(st.text(st.characters(codec="utf-8"), max_size=80), max_size=30),
       sep=st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n\n"]))
def test_any_lines_clean_without_error(
        lines: list[str], sep: str, no_rules: cleaner.RuleSet) -> None:
    """Many lines: exercises the splitter and the layout stage, not just one line."""
    for record in cleaner.clean_text(sep.join(lines), rules=no_rules):
        record.to_json()


# --- (b) the cleaner only removes


@SETTINGS
@given(text=st.text())
def test_body_paragraphs_of_any_text_stood_in_the_input(
        text: str, no_rules: cleaner.RuleSet) -> None:
    assert_only_removed(text, cleaner.clean_text(text, rules=no_rules))


@SETTINGS
@given(lines=st.lists(st.text(max_size=60), min_size=1, max_size=20))
def test_body_paragraphs_of_any_lines_stood_in_the_input(
        lines: list[str], no_rules: cleaner.RuleSet) -> None:
    text = "\n".join(lines)
    assert_only_removed(text, cleaner.clean_text(text, rules=no_rules))


@SETTINGS
@given(case=realistic_dumps())
def test_body_paragraphs_of_realistic_dumps_stood_in_the_input(
        case: tuple[str, str, list[str], list[str]], no_rules: cleaner.RuleSet) -> None:
    text = case[0]
    assert_only_removed(text, cleaner.clean_text(text, rules=no_rules))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_sample_body_paragraphs_stood_in_the_input(
        path: Path, default_rules: cleaner.RuleSet) -> None:
    text = path.read_text("utf-8")
    assert_only_removed(text, cleaner.clean_file(str(path), rules=default_rules))


# --- Realistic dumps: the article survives, the boilerplate does not


@SETTINGS
@given(case=realistic_dumps())
def test_realistic_dump_keeps_headline_and_every_article_paragraph(
        case: tuple[str, str, list[str], list[str]], no_rules: cleaner.RuleSet) -> None:
    text, headline, article, _ = case
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == headline
    assert paragraphs(record) == article


@SETTINGS
@given(case=realistic_dumps())
def test_realistic_dump_body_holds_no_boilerplate_line(
        case: tuple[str, str, list[str], list[str]], no_rules: cleaner.RuleSet) -> None:
    text, _, _, boilerplate = case
    for record in cleaner.clean_text(text, rules=no_rules):
        assert not set(paragraphs(record)) & set(boilerplate)


# --- (c) idempotence


@SETTINGS
@given(case=realistic_dumps())
def test_recleaning_a_realistic_record_changes_nothing(
        case: tuple[str, str, list[str], list[str]], no_rules: cleaner.RuleSet) -> None:
    for record in cleaner.clean_text(case[0], rules=no_rules):
        assert_idempotent(record, no_rules)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_recleaning_a_sample_record_changes_nothing(
        path: Path, default_rules: cleaner.RuleSet, no_rules: cleaner.RuleSet) -> None:
    records = cleaner.clean_file(str(path), rules=default_rules)
    assert records
    for record in records:
        assert_idempotent(record, default_rules)
        assert_idempotent(record, no_rules)


# --- Regressions: counterexamples hypothesis found, shrunk to plain tests.


@pytest.mark.parametrize("cut_line", [
    "Advertisement",
    "Also Read | State Lawmakers Weigh New Rules for Utility Rates",
])
def test_short_closing_section_after_a_cut_line_is_kept(
        cut_line: str, no_rules: cleaner.RuleSet) -> None:
    """A cut line, a sub-heading and a short last paragraph: the section is story, not a
    footer (found by test_realistic_dump_keeps_headline_and_every_article_paragraph)."""
    article = [*ARTICLE[:5], "What Happens Next", "Reyes declined to comment on the vote."]
    text = "\n\n".join([HEADLINES[0], *article[:5], cut_line, *article[5:]])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert paragraphs(record) == article
    assert [r.text for r in record.removed] == [cut_line]
