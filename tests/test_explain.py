"""`cleaner explain` (issue 11): every line of one input kept or cut, with the
rule that cut it, on the terminal and as a self-contained HTML report.

The report is also rendered in a real headless Chromium: every cut span names
its category, the legend counts what the records' audit trails hold, and a
`<script>` in the input does not run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from ptylib import on_a_terminal
from pytest_httpserver import HTTPServer
from selectolax.lexbor import LexborHTMLParser

import cleaner
from cleaner.categories import CATEGORIES
from cleaner.explain.report import CSP

from seedlib import SAMPLES

SEED = SAMPLES / "000_eacdd442b5eadf3f.txt"
SEED_MANY = SAMPLES / "002_f8a6b1e95007139e.txt"
DEVSET_PAGE = (Path(__file__).resolve().parents[2] / "shared" / "devset" / "html"
               / "fundus-au-NineNews_2024_05_02.html")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
HOSTILE_LINES = ("<script>document.title='pwned';document.body.setAttribute('data-pwned','1')"
                 "</script>",
                 "<img src=x onerror=\"document.title='pwned'\"> Follow us on Twitter")


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cleaner", *args], capture_output=True,
                          text=True, timeout=120, check=False, env={**os.environ, **(env or {})})


def _on_a_terminal(*args: str, env: dict[str, str] | None = None) -> str:
    """What standard output shows when it is a pseudo-terminal."""
    code, shown = on_a_terminal(list(args), stdout=True, env=env)
    assert code == 0
    return shown


# --- the terminal view -----------------------------------------------------------------------


def test_every_line_is_shown_kept_or_cut_with_category_and_rule(run_cli) -> None:
    result = run_cli("explain", str(SEED))
    assert result.code == 0
    lines = result.out.splitlines()
    assert "- [banner themoscowtimes.support-banner] Support The Moscow Times!" in lines
    assert "# Trump Floats Idea of Flying to Istanbul for Russia-Ukraine Talks" in lines
    assert "- [caption generic.caption.head] Donald Trump talks to reporters. The White House" \
        in lines
    assert any(line.startswith("+ U.S. President Donald Trump on Monday") for line in lines)
    [article] = cleaner.clean_file(SEED)
    cut = [line for line in lines if line.startswith("- [")]
    assert len(cut) == len(article.removed)
    shown = {line[2:] for line in lines if line.startswith("+ ")}
    assert set(article.body.split("\n\n")) <= shown
    assert not ANSI.search(result.out)  # captured output is no terminal


def test_several_articles_in_one_dump_are_shown_one_after_another(run_cli) -> None:
    result = run_cli("explain", str(SEED_MANY))
    headings = [line for line in result.out.splitlines() if line.startswith("article ")]
    assert [h.split(":")[0] for h in headings] == ["article 1 of 2", "article 2 of 2"]
    assert "-> 2 records" in result.out.splitlines()[0]


def test_no_colour_when_piped_or_with_no_color_and_colour_when_forced() -> None:
    piped = _cli("explain", str(SEED))
    assert piped.returncode == 0 and "- [banner " in piped.stdout
    assert not ANSI.search(piped.stdout)
    on_tty = _on_a_terminal("explain", str(SEED), env={"NO_COLOR": ""})
    assert ANSI.search(on_tty), "a terminal gets colour"
    assert "- [banner themoscowtimes.support-banner] " in ANSI.sub("", on_tty)
    assert not ANSI.search(_on_a_terminal("explain", str(SEED), env={"NO_COLOR": "1"}))
    assert not ANSI.search(_on_a_terminal("explain", str(SEED), "--color", "never"))
    forced = _cli("explain", str(SEED), "--color", "always")
    assert ANSI.search(forced.stdout)
    assert ANSI.sub("", forced.stdout) == piped.stdout  # colour adds nothing but colour


def test_a_page_shows_the_pre_pass_removals_by_element_then_the_text(
        run_cli, tmp_path: Path, article_text: str) -> None:
    page = tmp_path / "page.html"
    page.write_text(_page(article_text, "<div class='newsletter-signup'>Get our newsletter "
                                        "every morning</div><nav id='menu'><a>Home</a> "
                                        "<a>World</a></nav>"), "utf-8")
    out = run_cli("explain", str(page)).out
    lines = out.splitlines()
    pre, text = lines.index(next(x for x in lines if x.startswith("HTML pre-pass"))), \
        lines.index(next(x for x in lines if x.startswith("text stages")))
    assert pre < text
    assert ("- [newsletter_prompt generic.html.newsletter_prompt] <div.newsletter-signup> "
            "Get our newsletter every morning") in lines[pre:text]
    assert "- [navigation generic.html.navigation] <nav#menu> Home World" in lines[pre:text]
    assert any(x.startswith("+ The harbour council voted") for x in lines[text:])


def test_a_url_is_fetched_and_explained(run_cli, httpserver: HTTPServer,
                                        article_text: str) -> None:
    httpserver.expect_request("/story").respond_with_data(
        _page(article_text, "<aside>Most read today</aside>"),
        content_type="text/html; charset=utf-8")
    result = run_cli("explain", httpserver.url_for("/story"))
    assert result.code == 0, result.err
    assert "(HTML page) -> 1 record" in result.out
    assert "- [teaser_block generic.html.teaser_block] <aside> Most read today" in result.out
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    missing = run_cli("explain", httpserver.url_for("/gone"))
    assert missing.code == 1 and "cannot fetch" in missing.err


def test_an_unreadable_input_is_one_message_and_exit_1(run_cli, tmp_path: Path) -> None:
    result = run_cli("explain", str(tmp_path / "missing.txt"))
    assert result.code == 1 and "missing.txt" in result.err and not result.out


# --- the HTML report -------------------------------------------------------------------------


def test_the_report_is_self_contained_and_escapes_the_input(
        run_cli, tmp_path: Path, article_text: str) -> None:
    report = tmp_path / "report.html"
    dump = _hostile_dump(tmp_path, article_text)
    assert run_cli("explain", str(dump), "--format", "text", "-q", "--html", str(report)).code == 0
    html = report.read_text("utf-8")
    assert f'content="{CSP}"' in html
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;document.title=" in html
    assert not re.search(r"""(src|href)\s*=\s*['"]?(https?:|//)""", html)  # no external asset


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("Chromium is not installed and cannot be installed here "
                    "(`apt-get install chromium`; .ci/run installs it where it can)")
    return found


def _render(report: Path, tmp_path: Path) -> LexborHTMLParser:
    """The report as headless Chromium renders it (a fresh profile each time, a time
    limit): a screenshot is taken and the DOM after load is returned, parsed."""
    browser = _chromium()
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--window-size=1280,1600", "--no-first-run", "--disable-extensions"]
    shot = tmp_path / f"{report.stem}.png"
    for extra in ([f"--screenshot={shot}"], ["--dump-dom"]):
        profile = tmp_path / f"profile-{report.stem}-{extra[0][2:8]}"
        done = subprocess.run([*flags, f"--user-data-dir={profile}", *extra, report.as_uri()],
                              capture_output=True, text=True, timeout=60, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    return LexborHTMLParser(done.stdout)


def _check_rendered(dom: LexborHTMLParser, articles: list[cleaner.Article]) -> None:
    removed = [r for article in articles for r in article.removed]
    spans = dom.css("span.cut")
    assert len(spans) == len(removed)
    for span in spans:
        assert span.attributes.get("data-category") in CATEGORIES
        assert span.attributes.get("data-rule")
        assert span.attributes["data-rule"] in (span.attributes.get("title") or "")
    legend = {row.attributes["data-category"]: int(row.attributes["data-count"] or -1)
              for row in dom.css("#legend tr[data-category]")}
    assert legend == Counter(r.category for r in removed)
    rules = {row.attributes["data-rule"]: int(row.attributes["data-count"] or -1)
             for row in dom.css("#legend tr[data-rule]")}
    assert rules == Counter(r.rule for r in removed)
    records = dom.css("article.record")
    assert [r.attributes["data-id"] for r in records] == [a.id for a in articles]


def test_reports_render_in_headless_chromium(run_cli, tmp_path: Path) -> None:
    """A seed dump and a dev-set page, as Chromium renders their reports."""
    _chromium()
    inputs = [SEED, SEED_MANY] + ([DEVSET_PAGE] if DEVSET_PAGE.is_file() else [])
    for source in inputs:
        report = tmp_path / f"{source.stem}.html"
        assert run_cli("explain", str(source), "-q", "--html", str(report)).code == 0
        _check_rendered(_render(report, tmp_path), cleaner.clean_file(source))
    if not DEVSET_PAGE.is_file():
        pytest.skip(f"dev-set page not present: {DEVSET_PAGE}")


def test_a_script_in_the_input_does_not_run_in_the_report(
        run_cli, tmp_path: Path, article_text: str) -> None:
    _chromium()
    report = tmp_path / "hostile.html"
    dump = _hostile_dump(tmp_path, article_text)
    assert run_cli("explain", str(dump), "--format", "text", "-q", "--html", str(report)).code == 0
    dom = _render(report, tmp_path)
    assert dom.css_first("title").text() == f"cleaner explain: {dump}"
    assert dom.body is not None and "data-pwned" not in dom.body.attributes
    assert not dom.css("script") and not dom.css("img")
    assert "document.title='pwned'" in dom.body.text()  # shown as text, not run
    _check_rendered(dom, cleaner.clean_file(dump, fmt="text"))


def _hostile_dump(tmp_path: Path, article_text: str) -> Path:
    dump = tmp_path / "hostile.txt"
    head, rest = article_text.split("\n\n", 1)
    dump.write_text("\n\n".join((head, HOSTILE_LINES[0], rest, HOSTILE_LINES[1])), "utf-8")
    return dump


def _page(article_text: str, boilerplate: str) -> str:
    headline, *paras = article_text.strip().split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<!DOCTYPE html><html lang='en'><head><title>{headline}</title></head><body>"
            f"{boilerplate}<article><h1>{headline}</h1>{body}</article></body></html>")
