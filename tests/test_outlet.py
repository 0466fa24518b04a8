"""Outlet detection for dumps: URL header, rule signatures, trailer, copyright footer."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.text.outlet import copyright_holder, split_header

STORY = "\n".join([
    "Harbour council approves flood barrier",
    "Councillors voted 31 to 4 on Tuesday night to approve a tidal barrier across the harbour.",
    "The barrier will be built in two phases starting next spring, the council said.",
    "Residents of the lower town said they welcomed the decision after years of flooding.",
])


@pytest.mark.parametrize("line, holder", [
    ("© 2024 Coastline Herald Ltd. All rights reserved", "Coastline Herald"),
    ("© 2023 Reuters. All rights reserved", "Reuters"),
    ("Copyright © 2019-2024 The Daily Example Limited", "The Daily Example"),
    ("(c) 2022 Harbour News Inc.", "Harbour News"),
    ("All rights reserved", None),
    ("Copyright 2024, all rights reserved.", None),
])
def test_copyright_holder(line: str, holder: str | None) -> None:
    assert copyright_holder(line) == holder


def test_footer_copyright_names_the_outlet_when_nothing_else_does(
        no_rules: cleaner.RuleSet) -> None:
    page = "\n".join(["Home", "News", "Sport", STORY, "Privacy Policy",
                      "© 2024 Coastline Herald Ltd. All rights reserved"])
    [article] = cleaner.clean_text(page, rules=no_rules)
    assert article.outlet == "Coastline Herald"
    assert "©" not in article.body


def test_url_header_line_gives_url_and_is_not_body() -> None:
    url, rest = split_header("URL: https://www.example.com/a\n\n" + STORY)
    assert url == "https://www.example.com/a"
    assert rest.strip().startswith("Harbour council")


def test_url_header_beyond_the_first_lines_is_story_text() -> None:
    text = STORY + "\nURL: https://www.example.com/a"
    assert split_header(text) == (None, text)


def test_domain_is_the_outlet_of_last_resort(no_rules: cleaner.RuleSet) -> None:
    [article] = cleaner.clean_text(STORY, url="https://www.example.com/a", rules=no_rules)
    assert article.outlet == "example.com"
    assert article.url == "https://www.example.com/a"
