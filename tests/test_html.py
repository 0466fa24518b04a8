"""HTML pages: the pre-pass, extraction and metadata give the same clean records
as text dumps (fixtures in tests/fixtures/html, written for these tests)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from cleaner import InputError, clean_file, clean_html, load_rules
from cleaner.cli import main
from cleaner.text.titles import strip_site_suffix

FIXTURES = Path(__file__).parent / "fixtures" / "html"



def _page_text(html: str) -> str:
    """Every text the page holds (scripts included: JSON-LD is page text too)."""
    tree = LexborHTMLParser(html)
    return " ".join(unicodedata.normalize("NFC", tree.root.text(deep=True, separator=" ")).split())


def _herald_rules(tmp_path: Path, html_section: str):
    """A rule file for the fixtures' outlet with the given [html] keys."""
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "herald.toml").write_text(
        'outlet = "The Coastline Herald"\ndomains = ["coastlineherald.example"]\n'
        f"[html]\n{html_section}\n", encoding="utf-8")
    return load_rules(folder)


def _one(path: Path, rules) -> object:
    [article] = clean_html(path.read_bytes(), source=str(path), rules=rules)
    return article


def test_full_page_keeps_every_story_paragraph_and_sub_heading(no_rules) -> None:
    article = _one(FIXTURES / "full_article.html", no_rules)
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("The £40m scheme will protect 3,000 homes")  # standfirst
    assert "Residents wait for compensation" in paragraphs  # sub-heading, own paragraph
    for opening in ("Councillors voted 31 to 4", "The barrier, which will be built",
                    "Families in the lower town", "“We have waited so long",
                    "The council’s engineering director", "Opposition councillors who voted"):
        assert sum(p.startswith(opening) for p in paragraphs) == 1, opening


@pytest.mark.parametrize("boilerplate", [
    "We use cookies", "Accept all", "Home", "Share on Facebook", "Sign up for our free morning",
    "Storm season forecast", "Advertisement", "Read more:", "Great news for the town",
    "All rights reserved", "Privacy Policy", "Hidden promotional text", "By Mara Ellison",
    "The estuary wall at high tide",
])
def test_full_page_boilerplate_is_gone(no_rules, boilerplate: str) -> None:
    assert boilerplate not in _one(FIXTURES / "full_article.html", no_rules).body


def test_full_page_metadata(no_rules) -> None:
    article = _one(FIXTURES / "full_article.html", no_rules)
    assert article.headline == "Harbour council approves flood barrier after decade of delays"
    assert article.outlet == "Coastline Herald"  # og:site_name when no rule file knows it
    assert article.url == "https://www.coastlineherald.example/news/flood-barrier-approved"
    assert article.published == "2024-03-05"
    assert article.published_datetime == "2024-03-05T09:30:00+00:00"
    assert article.authors == ["Mara Ellison"]
    assert article.language == "en"
    assert article.standfirst and article.standfirst.startswith("The £40m scheme")
    assert article.captions == [
        "The estuary wall at high tide last winter. Photo: Coastline Herald"]


def test_removed_nodes_are_audited_once_each_by_category(no_rules) -> None:
    removed = _one(FIXTURES / "full_article.html", no_rules).removed
    categories = {r.category for r in removed}
    assert {"navigation", "newsletter_prompt", "teaser_block", "social_prompt", "cookie_notice",
            "comments", "advertisement", "caption", "inline_link"} <= categories
    texts = [r.text for r in removed if r.rule.startswith("generic.html.")]
    nested = [t for t in texts if any(t != other and t and t in other for other in texts)]
    assert not nested, "a node inside a removed box was recorded again"


def test_rule_file_html_selectors_apply(tmp_path: Path) -> None:
    rules = _herald_rules(tmp_path, 'remove = ["div.article-body > p:first-of-type"]')
    article = _one(FIXTURES / "full_article.html", rules)
    assert article.outlet == "The Coastline Herald"  # the rule file's name wins over og:site_name
    assert "Councillors voted 31 to 4" not in article.body
    assert any(r.rule == "herald.html" for r in article.removed)


def test_malformed_html_still_gives_the_story(no_rules) -> None:
    article = _one(FIXTURES / "malformed.html", no_rules)
    assert article.headline == "Ferry operator fined over safety lapses"
    assert article.body.startswith("A ferry operator was fined £250,000")
    assert "apologised to passengers." in article.body
    assert "|" not in article.body  # table cells come out as text, not '| cell |'


def test_page_without_an_article_gives_no_record(no_rules) -> None:
    assert clean_html((FIXTURES / "no_article.html").read_bytes(), rules=no_rules) == []


def test_script_rendered_page_uses_json_ld_article_body(no_rules) -> None:
    article = _one(FIXTURES / "script_rendered.html", no_rules)
    assert article.headline == "Pier restoration wins heritage award"
    assert article.body.split("\n\n")[0].startswith("The restored Victorian pier")
    assert len(article.body.split("\n\n")) == 3


def test_wrong_declared_charset_is_overruled_by_valid_utf8(no_rules) -> None:
    article = _one(FIXTURES / "wrong_charset.html", no_rules)
    assert article.headline == "Café owners rally against rent rises"
    assert "crème brûlée" in article.body and "town’s oldest café" in article.body


def test_declared_charset_is_used_when_the_bytes_are_not_utf8(no_rules) -> None:
    html = (FIXTURES / "wrong_charset.html").read_text(encoding="utf-8")
    data = html.replace("’", "'").replace("“", '"').replace("”", '"').encode("latin-1")
    [article] = clean_html(data, rules=no_rules)
    assert "crème brûlée" in article.body


def test_huge_page_is_skipped_with_a_clear_message(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    page.write_bytes(b"<html><body>" + b"<p>filler text</p>" * 200_000 + b"</body></html>")
    with pytest.raises(InputError, match=r"over the .* limit"):
        clean_file(str(page), max_bytes=1_000_000)


def test_format_option_and_sniffing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.dat"  # no telling extension: the content says HTML
    page.write_bytes((FIXTURES / "full_article.html").read_bytes())
    assert main(["clean", str(page), "-q"]) == 0
    assert "Harbour council approves flood barrier" in capsys.readouterr().out
    assert main(["clean", str(page), "-q", "--format", "text"]) == 0
    assert "<p>" in capsys.readouterr().out  # forced text: the markup is the text


@pytest.mark.parametrize("title, site, expected", [
    ("Headline about the flood | The Herald", None, "Headline about the flood"),
    ("Headline about the flood | Herald | by A. Writer", None, "Headline about the flood"),
    ("Your $1 bill could be worth THOUSANDS - here's how to check", None,
     "Your $1 bill could be worth THOUSANDS - here's how to check"),
    ("UK riots LIVE: stand-off in Plymouth - Mirror Online", None,
     "UK riots LIVE: stand-off in Plymouth"),
    ("BUDGET 3.0 | Sars gets R4bn to hire army of debt collectors", None,
     "BUDGET 3.0 | Sars gets R4bn to hire army of debt collectors"),
    ("Flood barrier approved - coastline herald", "Coastline Herald", "Flood barrier approved"),
])
def test_site_suffix_is_stripped_only_when_it_names_a_site(title, site, expected) -> None:
    assert strip_site_suffix(title, site) == expected


_SENTENCE = st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{2,9}){6,14}\.", fullmatch=True)
_BLOCKS = st.sampled_from([
    '<div class="newsletter"><p>Sign up for our newsletter</p></div>',
    '<aside class="related"><a href="/x">Other story headline here</a></aside>',
    '<div class="share"><a>Share</a><a>Tweet</a></div>',
    '<nav><a href="/">Home</a><a href="/n">News</a></nav>',
    '<figure><figcaption>A caption. Photo: Agency</figcaption></figure>',
    "<p>Advertisement</p>",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_SENTENCE.map(lambda s: f"<p>{s}</p>"), _BLOCKS), min_size=1,
                max_size=14))
def test_body_paragraphs_come_from_the_page_text(parts: list[str]) -> None:
    html = ("<html><head><title>A generated story page</title></head><body><article>"
            "<h1>A generated story page</h1>" + "".join(parts) + "</article></body></html>")
    # Only removed: each paragraph's characters stand in the page in the same order.
    # Spaces are left out (adjacent inline elements, '<a>Home</a><a>News</a>', read
    # as one word) and a removed box may have stood between two pieces of one line.
    page = re.sub(r"\s+", "", _page_text(html))
    for article in clean_html(html, rules=load_rules()):
        for paragraph in article.body.split("\n\n"):
            assert _in_order(re.sub(r"\s+", "", paragraph), page), paragraph


def _in_order(text: str, page: str) -> bool:
    rest = iter(page)
    return all(char in rest for char in text)


def test_rule_file_body_and_headline_selectors_choose_the_text(tmp_path: Path) -> None:
    rules = _herald_rules(tmp_path, 'headline = "div.article-header h1"\n'
                                    'body = "div.article-body"')
    article = _one(FIXTURES / "full_article.html", rules)
    paragraphs = article.body.split("\n\n")
    assert article.headline == "Harbour council approves flood barrier after decade of delays"
    assert paragraphs[1].startswith("Councillors voted 31 to 4")  # after the standfirst
    assert paragraphs[-1].startswith("Opposition councillors who voted against")
    assert "Residents wait for compensation" in paragraphs
    assert not any(p.startswith(("Sign up", "Storm season", "Related", "Read more"))
                   for p in paragraphs)  # boxes inside the body still go


def test_list_items_come_out_as_the_page_wrote_them(no_rules) -> None:
    html = ("<html><head><title>Council plan</title></head><body><article><h1>Council plan</h1>"
            "<p>The council met on Tuesday to discuss the plan for the harbour and the town.</p>"
            "<ul><li>Two new ferries will run in the evening from next month.</li>"
            "<li>The pier will be repaired before the summer season starts.</li></ul>"
            "<p>The chair said the council would publish the full plan next week.</p>"
            "</article></body></html>")
    [article] = clean_html(html, rules=no_rules)
    assert "Two new ferries will run in the evening from next month." in \
        article.body.split("\n\n")
    assert not any(p.startswith("- ") for p in article.body.split("\n\n"))
