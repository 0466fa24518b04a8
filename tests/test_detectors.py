"""Generic detectors, one category at a time, with no rule file to help.

Each positive case is a small dump: a headline, five article paragraphs and the
boilerplate line(s) of one category. The boilerplate must leave the body and
show up in `removed` under that category; every article paragraph must stay, in
order. Each negative case is a story sentence that merely uses the category's
trigger words: it must stay in the body.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import cleaner

HEADLINE = "City Council Approves New Water Treatment Plant After Long Debate"
ARTICLE = [
    "The city council voted 7-2 on Tuesday to approve a $45 million water treatment plant on "
    "the east bank of the river, ending more than a year of debate over its cost.",
    "Supporters said the plant would replace equipment that dates from the 1960s and has "
    "failed three times since January, forcing boil-water notices across several "
    "neighbourhoods.",
    "\"We cannot keep patching a system that was built for half the people who live here "
    "now,\" said council member Maria Lopez, who chaired the infrastructure committee.",
    "Opponents argued that the project should wait for a state grant decision expected next "
    "spring, which could cover up to a third of the construction bill.",
    "Construction is scheduled to begin in March and take about two years. Residents will see "
    "a small increase in their water bills from July, the city said.",
]
MIDDLE = 2  # where "mid" lines go: after the second paragraph



def clean_one(lines: list[str], rules: cleaner.RuleSet, sep: str = "\n\n") -> cleaner.Article:
    records = cleaner.clean_text(sep.join(lines), rules=rules)
    assert len(records) == 1, [r.headline for r in records]
    return records[0]


def body_of(record: cleaner.Article) -> list[str]:
    return record.body.split("\n\n") if record.body else []


def dump(top: tuple[str, ...] = (), head: tuple[str, ...] = (), mid: tuple[str, ...] = (),
         end: tuple[str, ...] = (), article: list[str] | None = None) -> list[str]:
    """Lines of a dump: top / headline / head / article with mid inserted / end."""
    article = ARTICLE if article is None else article
    return [*top, HEADLINE, *head, *article[:MIDDLE], *mid, *article[MIDDLE:], *end]


def cut_as(record: cleaner.Article, text: str) -> list[str]:
    """Categories under which `text` was removed."""
    return [r.category for r in record.removed if r.text == text]


def assert_cut_mid(line: str, category: str, rules: cleaner.RuleSet) -> None:
    """`line` set between the story's paragraphs is cut, once, as `category`."""
    record = clean_one(dump(mid=(line,)), rules)
    assert body_of(record) == ARTICLE
    assert cut_as(record, line) == [category]


@dataclass(frozen=True)
class Case:
    category: str
    top: tuple[str, ...] = ()
    head: tuple[str, ...] = ()
    mid: tuple[str, ...] = ()
    end: tuple[str, ...] = ()

    @property
    def boilerplate(self) -> tuple[str, ...]:
        return (*self.top, *self.head, *self.mid, *self.end)


POSITIVE = [
    pytest.param(Case("donation_appeal", end=(
        "A message from the editor:",
        "Dear readers,",
        "Independent journalism like ours costs money. If you value our reporting, please "
        "consider supporting us with a donation.",
        "Every contribution, big or small, helps keep our newsroom independent.",
        "Thank you for your support.",
    )), id="donation_appeal-block"),
    # The same appeal with the price line and the button that line patterns know on their own.
    pytest.param(Case("donation_appeal", end=(
        "A message from the editor:",
        "Dear readers,",
        "Independent journalism like ours costs money. If you value our reporting, please "
        "consider supporting us with a donation.",
        "Every contribution, big or small, helps fund our newsroom. Support us from just $1 a "
        "month.",
        "Donate now",
    )), id="donation_appeal-block-with-button"),
    pytest.param(Case("donation_appeal", end=(
        "Before you go...",
        "Local journalism needs your support. Our reporters cover council meetings nobody else "
        "attends, and that work is funded by readers like you.",
        "Please make a donation today to keep our reporting free for everyone.",
    )), id="donation_appeal-before-you-go"),
    # A sign-up box in words no pattern knows, over its email field.
    pytest.param(Case("newsletter_prompt", mid=(
        "The Valley Letter", "Five things worth knowing, before your first coffee.",
        "Email address",
    )), id="newsletter_prompt-form-over-email-field"),
    pytest.param(Case("newsletter_prompt", mid=(
        "Sign up for our daily newsletter to get the top stories delivered to your inbox.",
    )), id="newsletter_prompt-inline"),
    pytest.param(Case("newsletter_prompt", end=(
        "Sign up for our free weekly newsletter",
        "Our weekly newsletter brings you the best local stories of the week, every Friday "
        "morning.",
        "By signing up, you agree to our Privacy Policy and Terms of Use.",
    )), id="newsletter_prompt-box"),
    pytest.param(Case("caption", mid=(
        "Workers inspect pipes at the old treatment works on Monday. (Photo by John Smith / AFP)",
    )), id="caption-photo-by"),
    pytest.param(Case("caption", mid=(
        "A worker checks a valve at the pumping station on Monday. Photo: Jane Doe/Reuters",
    )), id="caption-label"),
    pytest.param(Case("caption", mid=(
        "A picture taken on March 3 shows the flooded pumping station east of the city.",
    )), id="caption-picture-taken"),
    # credit labels and agencies in other languages and scripts
    pytest.param(Case("caption", mid=(
        "A worker checks a valve at the pumping station on Monday. [ANP]",
    )), id="caption-bracketed-agency"),
    pytest.param(Case("caption", mid=("Bildrechte: picture alliance/dpa",)),
                 id="caption-german-credit-label"),
    pytest.param(Case("caption", mid=(
        "Ein Arbeiter prüft ein Ventil im Pumpwerk | Bildquelle: Stadtwerke",
    )), id="caption-german-source-label"),
    pytest.param(Case("caption", mid=("Max Muster / dpa",)), id="caption-name-slash-credit"),
    pytest.param(Case("caption", mid=(
        "시의회 의원들이 15일 새 정수장 건설안을 놓고 표결하고 있다. 연합뉴스",
    )), id="caption-korean-agency"),
    pytest.param(Case("caption", mid=(
        "1960년대에 지어진 옛 정수장의 모습. [사진 출처 = 시청]",
    )), id="caption-korean-bracketed"),
    pytest.param(Case("teaser_block", end=(
        "Related Stories",
        "Mayor Unveils Budget With Cuts to Parks",
        "School Board Delays Vote on New Calendar",
        "Bridge Repairs to Close Main Street for Summer",
    )), id="teaser_block-headlines"),
    # 'Most read' in another language, over a numbered list.
    pytest.param(Case("teaser_block", end=(
        "Meistgelesen",
        "1. Stadtrat beschließt neuen Haushalt mit Kürzungen bei den Bädern",
        "2. Schulamt verschiebt Entscheidung über den Ferienkalender",
        "3. Brückensanierung: Hauptstraße bleibt den ganzen Sommer gesperrt",
    )), id="teaser_block-most-read-german"),
    # A ranked list goes on by its numbers, question titles too.
    pytest.param(Case("teaser_block", end=(
        "Most read",
        "1. Mayor Unveils Budget With Cuts to Parks",
        "2. Is the city ready for another hot summer?",
        "3. Will the bridge close again this year?",
    )), id="teaser_block-ranked-questions"),
    # ... standing between the story's paragraphs, a question first.
    pytest.param(Case("teaser_block", mid=(
        "Most read",
        "1. Is the city ready for another hot summer?",
        "2. Mayor Unveils Budget With Cuts to Parks",
        "3. School Board Delays Vote on New Calendar",
    )), id="teaser_block-ranked-mid-story"),
    pytest.param(Case("teaser_block", mid=(
        "Top stories",
        "- Is the city ready for another hot summer?",
        "- Mayor Unveils Budget With Cuts to Parks",
        "- School Board Delays Vote on New Calendar",
        "- Bridge Repairs to Close Main Street for Summer",
    )), id="teaser_block-bulleted-mid-story"),
    # question titles, each over its cut-off excerpt
    pytest.param(Case("teaser_block", mid=(
        "Related stories",
        "Is the city ready for another hot summer?",
        "Forecasters expect more days above 40 degrees than in any year since records...",
        "Will the bridge close again this year?",
        "Engineers found new cracks in the supports of the main span during a routine...",
    )), id="teaser_block-question-titles"),
    pytest.param(Case("teaser_block", end=(
        "Recent News",
        "Mayor Unveils Budget With Cuts to Parks",
        "Springfield: The mayor on Monday proposed a budget that would close two public pools "
        "and cut opening hours at...",
        "Bridge Repairs to Close Main Street for Summer",
        "Springfield: Drivers face months of detours after engineers found cracks in the "
        "supports of the...",
    )), id="teaser_block-with-excerpts"),
    pytest.param(Case("inline_link", mid=(
        "Also Read | State Lawmakers Weigh New Rules for Utility Rates",
    )), id="inline_link-also-read"),
    pytest.param(Case("inline_link", mid=(
        "Read more: Drought Forces Farmers to Cut Water Use",
    )), id="inline_link-read-more"),
    pytest.param(Case("widget", head=("TT", "20", "Share")), id="widget-under-headline"),
    pytest.param(Case("widget", mid=("Share on Facebook",)), id="widget-mid"),
    pytest.param(Case("trailer", end=("Riverside Gazette",)), id="trailer"),
    pytest.param(Case("banner", top=("Support The Riverside Gazette!",)), id="banner-support"),
    pytest.param(Case("banner", top=("Breaking News",)), id="banner-breaking"),
    pytest.param(Case("navigation", top=(
        "Home", "News", "Local", "Politics", "Business", "Sport", "Opinion", "Culture",
        "Weather", "Obituaries",
    )), id="navigation-menu"),
    pytest.param(Case("navigation", end=(
        "Privacy Policy", "Terms of Use", "© 2024 Riverside Gazette. All rights reserved.",
    )), id="navigation-footer"),
    pytest.param(Case("cookie_notice", top=(
        "We use cookies to give you the best experience on our website.",
        "Accept all cookies",
    )), id="cookie_notice-we-use-cookies"),
    pytest.param(Case("cookie_notice", top=(
        "This website uses cookies to improve your experience.",
        "Cookie settings",
    )), id="cookie_notice-site-uses-cookies"),
    pytest.param(Case("paywall", end=(
        "Subscribe to continue reading",
        "Already a subscriber? Sign in",
    )), id="paywall"),
    pytest.param(Case("app_prompt", mid=(
        "Download our free app for breaking news alerts on your phone.",
    )), id="app_prompt-download"),
    pytest.param(Case("app_prompt", end=(
        "Get the Riverside Gazette app on the App Store and Google Play.",
    )), id="app_prompt-stores"),
    pytest.param(Case("social_prompt", end=(
        "Follow us on Twitter and Facebook for the latest updates.",
    )), id="social_prompt"),
    pytest.param(Case("advertisement", mid=("Advertisement",)), id="advertisement-label"),
    pytest.param(Case("advertisement", mid=("Story continues below advertisement",)),
                 id="advertisement-continues"),
    pytest.param(Case("comments", end=(
        "Comments are moderated and may take up to 24 hours to appear.",
    )), id="comments"),
    pytest.param(Case("disclaimer", end=(
        "Disclaimer: The views expressed in this article are those of the author and do not "
        "necessarily reflect the views of the Riverside Gazette.",
    )), id="disclaimer-views"),
    pytest.param(Case("disclaimer", end=(
        "We may earn a commission when you buy through affiliate links on our site.",
    )), id="disclaimer-affiliate"),
    pytest.param(Case("author_bio", end=(
        "Jane Doe is a senior reporter for the Riverside Gazette covering city hall and local "
        "government.",
    )), id="author_bio"),
    pytest.param(Case("byline", head=("By Jane Doe", "March 4, 2024")), id="byline"),
]


@pytest.mark.parametrize("case", POSITIVE)
def test_generic_detector_cuts_its_category_and_keeps_the_article(
        case: Case, no_rules: cleaner.RuleSet) -> None:
    record = clean_one(dump(case.top, case.head, case.mid, case.end), no_rules)
    assert record.headline == HEADLINE
    assert body_of(record) == ARTICLE
    for line in case.boilerplate:
        assert case.category in cut_as(record, line), (line, cut_as(record, line))


# Categories whose positive case needs its own test (the cut line comes with kept lines).
OWN_TEST = {"duplicate", "embed", "call_to_action",  # call_to_action: see the end
            "recurring"}  # corpus-aware cleaning only: tests/test_learn.py


def test_covered_categories_are_all_the_generic_categories() -> None:
    """A new category in cleaner/categories.py needs cases here too."""
    from cleaner.categories import CATEGORIES

    covered = {p.values[0].category for p in POSITIVE} | OWN_TEST
    assert covered == set(CATEGORIES)
    assert {p.values[0] for p in NEGATIVE} >= set(CATEGORIES)


def test_repeated_paragraph_on_a_page_is_cut_as_duplicate(no_rules: cleaner.RuleSet) -> None:
    """(Printed twice running, a line is a caption and its copy: see the caption tests.)"""
    lines = [HEADLINE, *ARTICLE[:3], ARTICLE[1], *ARTICLE[3:], "Advertisement"]
    record = clean_one(lines, no_rules)
    assert body_of(record) == ARTICLE
    assert cut_as(record, ARTICLE[1]) == ["duplicate"]


@pytest.mark.parametrize("repeat_at", [3, len(ARTICLE)], ids=["mid-story", "at-the-end"])
def test_a_clean_dump_keeps_the_paragraphs_its_story_repeats(
        repeat_at: int, no_rules: cleaner.RuleSet) -> None:
    """Headline and paragraphs only, nothing else to cut: the story's own words,
    printed twice, come back as they stood (DESIGN.md: a clean body is unchanged)."""
    article = [*ARTICLE[:repeat_at], ARTICLE[1], *ARTICLE[repeat_at:]]
    assert body_of(clean_one([HEADLINE, *article], no_rules)) == article


def test_a_clean_dump_keeps_a_line_of_its_own_it_prints_twice(no_rules: cleaner.RuleSet) -> None:
    """Not only sentences: a fact-box line the story prints twice stays twice."""
    fact = "Capacity: 40 million litres a day"
    article = [*ARTICLE[:2], fact, *ARTICLE[2:4], fact, *ARTICLE[4:]]
    assert body_of(clean_one([HEADLINE, *article], no_rules)) == article


def test_a_page_of_menu_lines_is_a_page_though_nothing_was_cut_yet(
        no_rules: cleaner.RuleSet) -> None:
    """Most lines not sentences (a menu in words no list knows, a label printed
    twice): a page, so its headline printed twice comes out once."""
    menu = ["Mới nhất", "Tin theo khu vực", "Hà Nội", "TP Hồ Chí Minh", "Mới nhất", "Thời sự",
            "Thế giới", "Kinh doanh", "Pháp luật", "Thể thao"]
    record = clean_one([*menu, HEADLINE, HEADLINE, *ARTICLE[:2]], no_rules)
    assert record.headline == HEADLINE
    assert HEADLINE not in body_of(record)


def test_a_clean_dumps_sentence_repeated_inside_a_later_paragraph_stays(
        no_rules: cleaner.RuleSet) -> None:
    """Only a first paragraph that repeats a later one is a standfirst (DESIGN.md);
    lower down, a sentence the story says twice is its own."""
    sentence = "Construction is scheduled to begin in March and take about two years."
    article = [*ARTICLE[:2], sentence, *ARTICLE[2:]]
    assert body_of(clean_one([HEADLINE, *article], no_rules)) == article


def test_headline_repeated_under_a_short_story_keeps_its_top_copy(
        no_rules: cleaner.RuleSet) -> None:
    """A short story's headline printed again a few lines under it, over a teaser
    list: the story between the copies makes the lower one a repeat, not an echo."""
    teasers = ["Most read", "Ferry fares rise again as fuel costs climb",
               "Harbour festival returns after a three-year break"]
    record = clean_one([HEADLINE, *ARTICLE, HEADLINE, *teasers], no_rules)
    assert record.headline == HEADLINE
    assert body_of(record) == ARTICLE


EMBED_ATTRIBUTION = "— Maria Lopez (@marialopez) March 4, 2024"


@pytest.mark.parametrize("post", [
    "The vote is in: 7-2 for the new plant. Thank you to everyone who came out tonight! "
    "pic.twitter.com/abc123",
    "“The vote is in: 7-2 for the new plant. Thank you to everyone who came out tonight!”",
], ids=["bare-post", "quoted-post"])
def test_embedded_post_keeps_its_words_and_its_attribution(
        post: str, no_rules: cleaner.RuleSet) -> None:
    """DESIGN.md: an embedded post's '— Name (@handle) date' line is part of the story."""
    article = [*ARTICLE[:MIDDLE], post, EMBED_ATTRIBUTION, *ARTICLE[MIDDLE:]]
    record = clean_one([HEADLINE, *article], no_rules)
    assert body_of(record) == article


@pytest.mark.parametrize("attribution", [
    "— Visit Scotland (@VisitScotland) March 12, 2023",
    "— Get Surrey (@getsurrey) 4 May 2024",
], ids=["visit", "get"])
def test_an_embedded_posts_attribution_whose_account_reads_like_an_order_stays(
        attribution: str, no_rules: cleaner.RuleSet) -> None:
    """An account named like an order ('Visit Scotland') over a channel handle is
    still who posted the embedded post, not a call to action."""
    post = "Snow closed the road over the pass this morning. Take care out there."
    article = [*ARTICLE[:MIDDLE], post, attribution, *ARTICLE[MIDDLE:]]
    record = clean_one([HEADLINE, *article], no_rules)
    assert body_of(record) == article


def test_a_follow_prompt_with_a_handle_and_no_date_is_still_cut(
        no_rules: cleaner.RuleSet) -> None:
    """Without a date after the handle a dashed line is no embedded post's attribution."""
    prompt = "— Follow our news desk (@ournews)"
    record = clean_one([HEADLINE, *ARTICLE[:MIDDLE], prompt, *ARTICLE[MIDDLE:]], no_rules)
    assert body_of(record) == ARTICLE


def test_a_signed_story_with_sub_headings_keeps_the_standfirst_it_repeats(
        no_rules: cleaner.RuleSet) -> None:
    """A story with nothing around it but its byline and dates, whose short
    paragraphs and sub-headings make sentences no majority of its lines: its first
    paragraph, repeated inside a later one, stays (the byline and dates are the
    story's, not a page's furniture)."""
    standfirst = "Residents will pay a little more for water from July under the plan."
    story = [standfirst, ARTICLE[0], "Years of Delays", f"{standfirst} {ARTICLE[2]}",
             "What Happens Next", ARTICLE[3]]
    record = clean_one([HEADLINE, "By Jane Doe", "March 4, 2024", "Updated 5 hours ago",
                        *story], no_rules, sep="\n")
    assert body_of(record) == story


def test_byline_gives_the_author(no_rules: cleaner.RuleSet) -> None:
    record = clean_one(dump(head=("By Jane Doe", "March 4, 2024")), no_rules)
    assert record.authors == ["Jane Doe"]


# --- Negative cases: story sentences that merely use the trigger words.

NEGATIVE = [
    pytest.param("donation_appeal", "The charity said donations rose 20 percent last year."),
    pytest.param("donation_appeal", "A message from the mayor was read aloud at the start of "
                 "the meeting, urging residents to conserve water this summer."),
    pytest.param("newsletter_prompt", "She told subscribers in a newsletter that prices would "
                 "rise."),
    pytest.param("newsletter_prompt", "Lopez first raised the idea in a newsletter to "
                 "constituents last autumn, saying the plant was overdue."),
    pytest.param("caption", "The photo, taken by a resident in 2019, showed brown water "
                 "running from a kitchen tap."),
    pytest.param("caption", "Reuters reported last year that similar plants had run over "
                 "budget in two neighbouring states."),
    pytest.param("caption", "Lopez shook hands with the engineers and had her picture taken "
                 "for the council newsletter before leaving.", id="caption-picture-taken"),
    pytest.param("caption", "The first results were reported on Monday by the water board, "
                 "according to Reuters"),
    pytest.param("caption", "The new app lets residents report a leak on the spot and follow "
                 "the repair (and send in some images of the damage)."),
    pytest.param("teaser_block", "Most read among the council papers was a 2021 engineering "
                 "report that warned of pipe failures."),
    pytest.param("teaser_block", "Related projects, including a new pumping station, will be "
                 "put out to tender later this year."),
    pytest.param("inline_link", "Also read into the record was a letter from the state "
                 "environmental agency supporting the plan."),
    pytest.param("widget", "Residents can share their views at a public hearing on April 12."),
    pytest.param("widget", "Lopez said 20 people had written to her about the plan."),
    pytest.param("trailer", "Reuters contributed reporting."),
    pytest.param("banner", "Support for the project grew after the third boil-water notice in "
                 "February."),
    pytest.param("banner", "Breaking with her party, council member Ann Reyes voted in favour "
                 "of the plan."),
    pytest.param("navigation", "Home owners in the east end will pay slightly more under the "
                 "new rate plan."),
    pytest.param("navigation", "Privacy concerns about smart water meters were raised by two "
                 "residents at the hearing."),
    pytest.param("cookie_notice", "Volunteers said they use cookies and coffee to draw "
                 "residents to the public hearings."),
    pytest.param("paywall", "The utility said subscribers to its text-alert service would be "
                 "told of any interruptions."),
    pytest.param("paywall", "Already a member of the state water board, Lopez said she would "
                 "recuse herself from its vote.", id="paywall-already-a-member"),
    pytest.param("app_prompt", "Residents can report leaks through the city's app, which was "
                 "launched in 2022."),
    pytest.param("app_prompt", "The new meters mix free readings that every household gets with "
                 "premium alerts for large users.", id="app_prompt-free-and-premium"),
    pytest.param("social_prompt", "Readers can follow the trial on the court's website."),
    pytest.param("social_prompt", "The mayor posted on Facebook that the vote was a turning "
                 "point for the city."),
    pytest.param("advertisement", "An advertisement placed by opponents in the local paper "
                 "called the plant a waste of money."),
    pytest.param("comments", "The council received more than 300 comments on the plan during "
                 "the consultation."),
    pytest.param("comments", "Reyes declined to comment on the vote."),
    pytest.param("call_to_action", "Residents who saw the flooding were asked to send photos to "
                 "the council's emergency team, the mayor said."),
    pytest.param("disclaimer", "The consultants who drafted the plan disclosed that they had "
                 "worked for the equipment supplier."),
    pytest.param("author_bio", "Maria Lopez is a former engineer who worked at the plant for "
                 "20 years before joining the council."),
    pytest.param("byline", "Published figures show water use in the city fell 8 percent last "
                 "year."),
    pytest.param("duplicate", "Lopez said the plant would be finished by 2026 if the state "
                 "grant arrives on time."),
    pytest.param("embed", "The council's account (@springfieldcc) posted the result at 9 p.m. "
                 "on Tuesday."),
    pytest.param("recurring", "Readers like you keep this newsroom going, the editor wrote."),
]


@pytest.mark.parametrize(("category", "sentence"), NEGATIVE)
def test_story_sentence_with_trigger_words_stays_mid_body(
        category: str, sentence: str, no_rules: cleaner.RuleSet) -> None:
    record = clean_one(dump(mid=(sentence,)), no_rules)
    assert body_of(record) == [*ARTICLE[:MIDDLE], sentence, *ARTICLE[MIDDLE:]]


@pytest.mark.parametrize("sentence", [
    "Reuters contributed reporting.",
    "Maria Lopez is a former engineer who worked at the plant for 20 years before joining the "
    "council.",
    "Tom Hale is the director of the state water agency, which will review the plans next "
    "month.",
    "Readers can follow the council's vote on the city's website.",
], ids=["wire-credit", "person-is-a-former-engineer", "person-is-the-director", "follow-vote"])
def test_story_sentence_with_trigger_words_stays_at_the_end(
        sentence: str, no_rules: cleaner.RuleSet) -> None:
    record = clean_one(dump(end=(sentence,)), no_rules)
    assert body_of(record) == [*ARTICLE, sentence]


def test_story_line_opening_like_an_appeal_does_not_swallow_the_story(
        no_rules: cleaner.RuleSet) -> None:
    """'One more thing' opens appeals; in a story, the money words after it are news."""
    article = [
        *ARTICLE[:3],
        "One more thing stands in the way: the state must still approve the permits.",
        *ARTICLE[3:],
        "Supporters of the plan said the funding was secure.",
        "Members of the public will be able to tour the site next year.",
    ]
    record = clean_one([HEADLINE, *article], no_rules)
    assert body_of(record) == article


def test_story_sentence_starting_with_by_stays_as_first_paragraph(
        no_rules: cleaner.RuleSet) -> None:
    first = ("By March, the city expects to have hired a contractor for the first phase of "
             "the project.")
    record = clean_one([HEADLINE, first, *ARTICLE], no_rules)
    assert body_of(record) == [first, *ARTICLE]


def test_similar_paragraphs_are_not_duplicates(no_rules: cleaner.RuleSet) -> None:
    short = "Lopez said the plant would be finished by 2026."
    longer = ("Lopez said the plant would be finished by 2026 if the state grant arrives on "
              "time, and by 2027 if it does not.")
    article = [*ARTICLE[:2], short, *ARTICLE[2:4], longer, ARTICLE[4]]
    record = clean_one([HEADLINE, *article], no_rules)
    assert body_of(record) == article


# --- What the article keeps.

SUBHEADED = [
    ARTICLE[0],
    ARTICLE[1],
    "Years of Delays",
    ARTICLE[2],
    ARTICLE[3],
    "What Happens Next",
    ARTICLE[4],
]


@pytest.mark.parametrize("sep", ["\n\n", "\n"], ids=["blank-lines", "single-lines"])
def test_sub_headings_stay_as_their_own_paragraphs(sep: str, no_rules: cleaner.RuleSet) -> None:
    record = clean_one([HEADLINE, *SUBHEADED], no_rules, sep=sep)
    assert body_of(record) == SUBHEADED


@pytest.mark.parametrize("dateline", ["KYIV: ", "Kyiv (Reuters) - ", "Kyiv, May 12 — "])
def test_dateline_stays_at_the_start_of_the_first_paragraph(
        dateline: str, no_rules: cleaner.RuleSet) -> None:
    article = [dateline + ARTICLE[0], *ARTICLE[1:]]
    record = clean_one([HEADLINE, *article], no_rules)
    assert body_of(record) == article


@pytest.mark.parametrize("credit", [
    "Reuters contributed reporting.",
    "Additional reporting by the Associated Press.",
    "Reporting by Jane Doe in Kyiv; Editing by John Smith",
])
def test_wire_credit_stays_at_the_end(credit: str, no_rules: cleaner.RuleSet) -> None:
    record = clean_one([HEADLINE, *ARTICLE, credit], no_rules)
    assert body_of(record) == [*ARTICLE, credit]


QUOTES = [
    "“If you want clean water, you have to pay for the pipes,” Lopez said. “There is no "
    "cheaper way to do it.”",
    "“Subscribe to the idea that water is free and you will pay for it later,” Reyes said.",
    "“We need your support,” Lopez told residents at the hearing. “Sign up for the tours and "
    "see the old plant for yourselves.”",
    "“We will not raise bills again before 2030.”",
]


def test_quotes_stay_even_when_they_use_prompt_words(no_rules: cleaner.RuleSet) -> None:
    article = [*ARTICLE[:3], *QUOTES, *ARTICLE[3:]]
    record = clean_one([HEADLINE, *article], no_rules)
    assert body_of(record) == article


def test_quote_spanning_two_lines_stays(no_rules: cleaner.RuleSet) -> None:
    article = [
        *ARTICLE[:3],
        "In a post on Sunday, the mayor wrote: “This plant is the most important thing we will "
        "build this decade.",
        "“It will serve the city for fifty years, and I am proud of the council for backing it.”",
        *ARTICLE[3:],
    ]
    record = clean_one([HEADLINE, *article], no_rules, sep="\n")
    assert body_of(record) == article


CAPTION = ("Workers inspect pipes at the old treatment works on Monday. "
           "(Photo by John Smith / AFP)")


def test_caption_moves_to_captions_once(no_rules: cleaner.RuleSet) -> None:
    lines = [HEADLINE, CAPTION, CAPTION, *ARTICLE[:3], CAPTION, *ARTICLE[3:]]
    record = clean_one(lines, no_rules)
    assert record.captions == [CAPTION]
    assert body_of(record) == ARTICLE
    assert [r.category for r in record.removed] == ["caption"] * 3


def test_a_caption_with_no_full_stop_over_its_credit_mid_story_is_cut(
        no_rules: cleaner.RuleSet) -> None:
    """Set tight over a credit line, under a story paragraph (where no headline
    stands), a line is a caption however it ends."""
    pair = "Council member Maria Lopez speaks during Tuesday's vote in the chamber\nJane Doe / ANP"
    text = "\n\n".join([HEADLINE, *ARTICLE[:MIDDLE], pair, *ARTICLE[MIDDLE:]])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert body_of(record) == ARTICLE


def test_distinct_captions_are_all_kept_in_order(no_rules: cleaner.RuleSet) -> None:
    other = "Council member Maria Lopez speaks at Tuesday's meeting. (AP)"
    lines = [HEADLINE, CAPTION, *ARTICLE[:3], other, *ARTICLE[3:]]
    record = clean_one(lines, no_rules)
    assert record.captions == [CAPTION, other]
    assert body_of(record) == ARTICLE


STANDFIRST = "Residents will pay a little more for water from July under the plan."


def test_standfirst_repeated_later_is_set_and_not_duplicated(no_rules: cleaner.RuleSet) -> None:
    """On a page (a share widget is cut too) the standfirst that only repeats a
    later paragraph is set apart and kept out of the body (DESIGN.md)."""
    article = ["SPRINGFIELD: " + ARTICLE[0], ARTICLE[1], STANDFIRST + " " + ARTICLE[4],
               *ARTICLE[2:4]]
    record = clean_one([HEADLINE, "Share on Facebook", STANDFIRST, *article], no_rules)
    assert record.standfirst == STANDFIRST
    assert body_of(record) == article


def test_clean_story_keeps_a_standfirst_it_repeats_later(no_rules: cleaner.RuleSet) -> None:
    """With nothing around the story, the same standfirst stays: clean input comes
    back unchanged (issue 6)."""
    article = [STANDFIRST, "SPRINGFIELD: " + ARTICLE[0], ARTICLE[1],
               STANDFIRST + " " + ARTICLE[4], *ARTICLE[2:4]]
    record = clean_one([HEADLINE, *article], no_rules)
    assert body_of(record) == article


def test_a_question_headline_printed_twice_is_no_standfirst(no_rules: cleaner.RuleSet) -> None:
    """The standfirst set apart is one a later paragraph repeats (DESIGN.md), not a
    copy of the headline cut above the story (a question reads as a sentence)."""
    question = "Who will pay for the new water plant?"
    record = clean_one([question, "Share on Facebook", question, *ARTICLE], no_rules)
    assert record.standfirst is None
    assert body_of(record) == ARTICLE


def test_standfirst_that_repeats_nothing_also_opens_the_body(no_rules: cleaner.RuleSet) -> None:
    article = ["SPRINGFIELD: " + ARTICLE[0], *ARTICLE[1:]]
    record = clean_one([HEADLINE, STANDFIRST, *article], no_rules)
    assert record.standfirst == STANDFIRST
    assert body_of(record) == [STANDFIRST, *article]


def test_removed_audit_trail_lists_each_cut_line_once(no_rules: cleaner.RuleSet) -> None:
    boilerplate = ["Advertisement", "Share on Facebook",
                   "Also Read | State Lawmakers Weigh New Rules for Utility Rates"]
    record = clean_one(dump(mid=tuple(boilerplate)), no_rules)
    assert sorted(r.text for r in record.removed) == sorted(boilerplate)
    assert record.to_dict()["removed"] == [
        {"rule": r.rule, "category": r.category, "chars": len(r.text)} for r in record.removed]


@pytest.mark.parametrize(("line", "category"), [
    ("BVINEWS.COM", "navigation"),
    ("www.coastlineherald.co.uk", "navigation"),
    ("News date : 04/21/2022 Category : Press Releases", "byline"),
    ("Release Date:", "byline"),
    ("If you’re seeing this message but you’re already a subscriber, you can log in for "
     "immediate access to this story.", "paywall"),
    ("Follow The Herald on Twitter and Instagram @TheHerald and on Facebook @HeraldNews. "
     "Send us a message on WhatsApp or email us at news@herald.example.", "social_prompt"),
], ids=["domain", "www-domain", "filing-labels", "release-date-label", "already-subscriber",
        "follow-us-long"])
def test_page_furniture_lines_are_cut(line: str, category: str,
                                      no_rules: cleaner.RuleSet) -> None:
    record = clean_one(dump(mid=(line,)), no_rules)
    assert line not in record.body
    assert category in cut_as(record, line)
    assert body_of(record) == ARTICLE


@pytest.mark.parametrize("sentence", [
    "The company, which trades as Herald.com, said its sales rose 4 percent.",
    "The release date of the report has not been set, the ministry said.",
    "Tags on the crates showed they had been shipped from the north quay.",
], ids=["domain-in-sentence", "release-date-sentence", "tags-sentence"])
def test_sentences_mentioning_furniture_words_stay(sentence: str,
                                                   no_rules: cleaner.RuleSet) -> None:
    record = clean_one(dump(mid=(sentence,)), no_rules)
    assert body_of(record) == [*ARTICLE[:MIDDLE], sentence, *ARTICLE[MIDDLE:]]


# --- Calls to action caught by their form, whatever their wording.

@pytest.mark.parametrize("prompt, category", [
    ("Get the morning briefing in your inbox before breakfast.", "newsletter_prompt"),
    ("Never miss a story: turn on notifications in the Harbour Herald app", "app_prompt"),
    ("Join our WhatsApp channel for the day's headlines", "social_prompt"),
    ("Become a member and keep local reporting alive.", "donation_appeal"),
    ("Seen something newsworthy? Send it to us at tips@harbourherald.example", "call_to_action"),
    ("Do you have photos of the flooding? Share them with us: harbourherald.example/upload",
     "call_to_action"),
    ("Keep reading with unlimited access to every story on our site.", "paywall"),
    ("Vous avez aimé cet article ? Retrouvez-nous sur Instagram @harbourherald",
     "social_prompt"),
    ("Holen Sie sich unsere Nachrichten jeden Morgen als Newsletter.", "newsletter_prompt"),
    ("Téléchargez notre application pour suivre l'actualité.", "app_prompt"),
    ("Apúntate a nuestro canal de Telegram.", "social_prompt"),
    ("Unterstützen Sie unabhängigen Lokaljournalismus mit einer Spende.", "donation_appeal"),
    ("Werbung", "advertisement"),
    ("Jetzt kostenlos registrieren", "call_to_action"),
    ("Die Frühausgabe: jeden Morgen um sechs in Ihrem Postfach.", "newsletter_prompt"),
    ("Recevez chaque soir l'essentiel de la journée.", "call_to_action"),
    ("¿Ya eres suscriptor? Inicia sesión.", "paywall"),
    ("Dieser Beitrag ist nur für Abonnenten sichtbar.", "paywall"),
    ("Ohne Ihre Hilfe gäbe es diesen Journalismus nicht.", "donation_appeal"),
    ("Síguenos también en redes sociales.", "social_prompt"),
    ("Post your pictures with #RiverDay and we may share the best ones.", "call_to_action"),
    ("We're on Mastodon too: @harbourcourier", "social_prompt"),
    ("Send this article to a neighbour who should read it.", "call_to_action"),
    ("Our Threads account has every update from the council chamber.", "social_prompt"),
    ("Catch us live every Friday night, and bring a friend along.", "call_to_action"),
], ids=["briefing", "notifications", "channel", "member", "tip", "photos", "access", "french",
        "german-imperative", "french-imperative", "spanish-clitic", "german-donation",
        "ad-label", "german-infinitive", "german-mailbox", "french-ez-rhythm", "spanish-login",
        "this-piece-subscribers", "journalism-needs-you", "social-web", "hashtag",
        "outlet-on-a-channel", "this-article", "our-channel", "any-verb-us"])
def test_calls_to_action_are_cut_by_their_form(prompt: str, category: str,
                                                no_rules: cleaner.RuleSet) -> None:
    """None of these use the words the phrase patterns were written from."""
    assert_cut_mid(prompt, category, no_rules)


@pytest.mark.parametrize("line", [
    "Whether you're climbing peaks or visiting a park, we've found the best bags for the trip.",
    "\"Follow us to the river,\" the volunteers told the families, \"and bring a torch.\"",
    "Our hearts go out to the families. Please support the appeal if you can.",
    "Residents can send comments to the council until Friday, the town clerk said.",
    "Lesen Sie das Protokoll, sagte der Bürgermeister den Abgeordneten im Rathaus.",
    "Rendez-vous était pris à la mairie de Nantes pour la signature du contrat.",
    "Negative Folgen",
    "What is dangerous about a post that says ‘we see you’, shared widely on social media?",
    "The paper's reporting on the case was funded by a grant, the court heard.",
    "We don’t like: it takes up a lot of space when folded out",
    "Here's what we know — and what we don't — about the new plant.",
    "In our view, the council should publish the plant's full costs on its website.",
], ids=["you-and-we", "quoted", "no-channel", "third-person", "german-no-channel",
        "french-ez-no-channel", "german-noun-folgen", "social-media-news", "reporting-funded",
        "review-dont-like", "what-we-dont-know", "in-our-view"])
def test_story_lines_that_address_the_reader_stay(line: str, no_rules: cleaner.RuleSet) -> None:
    article = [*ARTICLE[:MIDDLE], line, *ARTICLE[MIDDLE:]]
    assert body_of(clean_one([HEADLINE, *article], no_rules)) == article


@pytest.mark.parametrize("link", [
    "[See also: Water board warns of a dry summer ahead]",
    "[MORE: How the new plant will change your bill]",
    "► Explainer: Why the city's pipes keep bursting",
    "→ Timeline of the council's water crisis",
    "☛ Timeline of the council's water crisis",
    "⏩ Warum die Bahn im Winter so oft zu spät kommt",
    "→ Will the new plant really lower your water bill?",
    "[Read: Who pays when the city's pipes burst?]",
], ids=["see-also", "more", "arrow-explainer", "arrow", "pointing-hand", "pictograph",
        "arrowed-question", "bracketed-question"])
def test_bracketed_and_arrowed_teaser_links_are_cut(link: str, no_rules: cleaner.RuleSet) -> None:
    """Any symbol opening a title points at another story as an arrow does."""
    assert_cut_mid(link, "inline_link", no_rules)


@pytest.mark.parametrize("line", [
    "☛ The council says the water is safe to drink again, but warns residents to run taps.",
    "◆ What the council decided",
    "＜Cost of the plant＞",
], ids=["sentence-after-pointer", "diamond-sub-heading", "bracketed-sub-heading"])
def test_a_sentence_or_a_sub_heading_after_a_symbol_is_no_teaser_link(
        line: str, no_rules: cleaner.RuleSet) -> None:
    """Only a symbol pointing right marks a link, and only before a title."""
    article = [*ARTICLE[:MIDDLE], line, *ARTICLE[MIDDLE:]]
    assert body_of(clean_one([HEADLINE, *article], no_rules)) == article


def test_a_bracketed_editors_note_stays(no_rules: cleaner.RuleSet) -> None:
    note = "[Editor's note: An earlier version of this story misstated the plant's cost.]"
    article = [*ARTICLE, note]
    assert body_of(clean_one([HEADLINE, *article], no_rules)) == article


# --- Labelled links: 'Label: another story's headline' between two paragraphs.

@pytest.mark.parametrize("link", [
    "Mehr zum Thema: Warum die Bahn im Winter so oft zu spät kommt",
    "Lire aussi | Le port de Nantes bloqué par une grève des dockers",
    "Explained – Why ferry fares keep rising faster than inflation",
    "Lesen Sie auch: Wie sicher ist das Stromnetz im Winter?",
    "Click here to read: Ferry fares rise again as fuel costs climb",
], ids=["german-colon", "french-bar", "english-dash", "known-label-question",
        "four-word-label"])
def test_a_labelled_link_between_paragraphs_is_cut_in_any_language(
        link: str, no_rules: cleaner.RuleSet) -> None:
    assert_cut_mid(link, "inline_link", no_rules)


def test_a_labelled_link_right_after_the_first_paragraph_is_cut(
        no_rules: cleaner.RuleSet) -> None:
    """One story paragraph above is enough to know the story has begun."""
    link = "In depth | Why ferry fares keep rising faster than inflation"
    record = clean_one([HEADLINE, ARTICLE[0], link, *ARTICLE[1:]], no_rules)
    assert body_of(record) == ARTICLE
    assert cut_as(record, link) == ["inline_link"]


@pytest.mark.parametrize("line", [
    "Next steps: what the water treatment plant means for the council",
    "Vote: Seven council members backed the plant",
], ids=["sub-heading-on-subject", "label-value"])
def test_a_labelled_sub_heading_of_the_story_stays(line: str, no_rules: cleaner.RuleSet) -> None:
    article = [*ARTICLE[:MIDDLE], line, *ARTICLE[MIDDLE:]]
    assert body_of(clean_one([HEADLINE, *article], no_rules)) == article


def test_a_labelled_headline_under_a_banner_stays(no_rules: cleaner.RuleSet) -> None:
    headline = "Water crisis: Council approves the new treatment plant"
    record = clean_one(["This site uses cookies.", headline, *ARTICLE], no_rules)
    assert record.headline == headline


# --- Appeals by their shape: a pitch in the outlet's voice over giving buttons.

@pytest.mark.parametrize("block", [
    ("Chip in for local news",
     "Our newsroom has five reporters covering the valley. A gift of any size keeps one of "
     "them on the beat.", "£3\n£8\nNot today"),
    ("Wenn Ihnen dieser Artikel gefallen hat, freuen wir uns über Ihre Unterstützung.",
     "Einmalig\nMonatlich\nJetzt spenden"),
    ("Patrons receive our quarterly print edition and their name in our annual report.",
     "Become a patron"),
    # How often to give, as a form offers it, with no amount and no giving word.
    ("A word from the publisher",
     "We have never charged for a single story, and we only can because enough of you back us.",
     "Once\nEvery month\nEvery year\nNext"),
    # The reader's own answer on the button, under a pitch that talks of money.
    ("Our two reporters are paid by readers who chip in what they can afford.",
     "Count me in\nNot now"),
    ("Cette enquête a été financée par nos lecteurs, à partir de 3 € par mois.",
     "Je participe"),
    # An order to give that runs past five words.
    ("Each winter we ask the people who read us for one small thing.",
     "If every reader gave what a sandwich costs, our year would be paid for.",
     "Give what a sandwich costs"),
    # An order the prompt detector took, under a pitch that talks money.
    ("We have raised $8,200 of the $15,000 we need for this year's reporting.",
     "Help us get there"),
    # The amounts in one row under a label of their own.
    ("Our newsroom has five reporters covering the valley. A gift of any size keeps one of "
     "them on the beat.", "Pick what suits you: $5 · $10 · $25"),
], ids=["english-no-trigger-word", "german", "patron", "frequency-choice", "reply-button",
        "french-reply", "long-order", "order-under-a-goal", "amount-row"])
def test_an_appeal_is_cut_by_its_shape(block: tuple[str, ...],
                                       no_rules: cleaner.RuleSet) -> None:
    """(Buttons set line under line, as a page copy prints them.)"""
    record = clean_one(dump(mid=block), no_rules)
    assert body_of(record) == ARTICLE
    assert all(cut_as(record, line) for part in block for line in part.split("\n"))


def test_an_appeal_between_paragraphs_leaves_the_rest_of_the_story(
        no_rules: cleaner.RuleSet) -> None:
    """A long appeal block cut mid-story weighs as one cut line in the search for the
    body, not as a menu that would end the article above it."""
    block = ("Before you go", "Reporting like ours takes weeks, and readers pay for it, not "
             "advertisers.", "$5\n$10\n$25\nOther\nCount me in")
    story = [ARTICLE[0], ARTICLE[1], ARTICLE[3]]
    record = clean_one([HEADLINE, *story[:2], *block, *story[2:]], no_rules)
    assert body_of(record) == story


@pytest.mark.parametrize("line", [
    "Keep the presses running: a monthly gift of $5 pays for an hour of local reporting.",
    "Enjoyed this piece? Buy us a coffee.",
], ids=["order-and-gift", "buy-us-a-coffee"])
def test_a_one_line_appeal_is_cut(line: str, no_rules: cleaner.RuleSet) -> None:
    record = clean_one(dump(mid=(line,)), no_rules)
    assert body_of(record) == ARTICLE
    assert cut_as(record, line) in (["donation_appeal"], ["call_to_action"])


def test_a_story_line_with_an_order_and_a_price_stays(no_rules: cleaner.RuleSet) -> None:
    line = "Get 25% more value when you redeem points for flights, worth $1,000 toward travel."
    article = [*ARTICLE[:MIDDLE], line, *ARTICLE[MIDDLE:]]
    assert body_of(clean_one([HEADLINE, *article], no_rules)) == article


@pytest.mark.parametrize("lines", [
    ("The club's treasurer said volunteers paid for the new roof out of their own pockets.",
     "I'm in"),
    ("We spoke to the organisers about how the festival is funded.", "Monthly"),
], ids=["first-person-line", "one-word-sub-heading"])
def test_short_lines_under_story_text_are_no_appeal(lines: tuple[str, ...],
                                                    no_rules: cleaner.RuleSet) -> None:
    record = clean_one([HEADLINE, *ARTICLE[:MIDDLE], *lines, *ARTICLE[MIDDLE:]], no_rules)
    assert not [r for r in record.removed if r.category == "donation_appeal"]
    assert lines[0] in body_of(record)


def test_prices_in_a_story_are_not_an_appeal(no_rules: cleaner.RuleSet) -> None:
    prices = ["Tickets for the open day go on sale on Monday, the organisers said.",
              "£3 for children", "£8 for adults"]
    record = clean_one([HEADLINE, *ARTICLE[:MIDDLE], *prices, *ARTICLE[MIDDLE:]], no_rules)
    assert prices[0] in body_of(record)
    assert not [r for r in record.removed if r.category == "donation_appeal"]


@pytest.mark.parametrize("caption", [
    "Students march through the city centre on Friday.",
    "The container ship is seen at anchor off the coast. [ANP]",
], ids=["no-credit", "bracketed-credit"])
def test_a_caption_printed_twice_in_a_row_is_cut_both_times(
        caption: str, no_rules: cleaner.RuleSet) -> None:
    record = clean_one(dump(mid=(caption, caption)), no_rules)
    assert body_of(record) == ARTICLE
    assert cut_as(record, caption) == ["caption", "caption"]


@pytest.mark.parametrize("line, category", [
    ("Diese Website verwendet Cookies.", "cookie_notice"),
    ("Ce site utilise des cookies pour mesurer l'audience.", "cookie_notice"),
    ("Dieser Artikel ist nur für Abonnenten zugänglich.", "paywall"),
    ("Only paying readers can see the rest of this page.", "paywall"),
    # Reading this piece, and what it takes, with no 'subscribe' or 'member'.
    ("Your free preview of this report has now ended.", "paywall"),
    ("This article is open only to readers of our weekend print edition.", "paywall"),
    ("To read on, choose one of our plans.", "paywall"),
    ("Read without limits for a year", "paywall"),
    ("You have two more free stories this month.", "paywall"),
    ("Start your 30-day trial", "paywall"),
], ids=["cookie-de", "cookie-fr", "paywall-de", "paywall-no-trigger-word", "preview-ended",
        "print-readers", "read-on", "without-limits", "free-stories-left", "n-day-trial"])
def test_cookie_and_paywall_lines_in_any_language(line: str, category: str,
                                                  no_rules: cleaner.RuleSet) -> None:
    assert_cut_mid(line, category, no_rules)


@pytest.mark.parametrize("line", [
    "The full text of the agreement is available on the ministry's website.",
    "The report is available in English and French.",
    "Schools will offer free reads for children over the summer, the library said.",
    "Only members of the committee were allowed to read the full report before the vote.",
    "She said she would keep reading to her grandchildren every night.",
    "The rest of the story is told in letters found in the attic of the family home.",
    "Visitors can read on a bench by the lake, where the council installed free Wi-Fi.",
])
def test_story_lines_about_reading_are_no_paywall(line: str, no_rules: cleaner.RuleSet) -> None:
    article = [*ARTICLE[:MIDDLE], line, *ARTICLE[MIDDLE:]]
    assert body_of(clean_one([HEADLINE, *article], no_rules)) == article


def test_a_prompts_title_set_tight_over_it_goes_with_it(no_rules: cleaner.RuleSet) -> None:
    """Paragraphs apart, the title tight over the prompt: the two are one block."""
    prompt = "Hungry for more?\nCreate a free account to unlock three more stories this month."
    record = clean_one(dump(mid=(prompt,)), no_rules)
    assert body_of(record) == ARTICLE
    assert cut_as(record, "Hungry for more?") == ["paywall"]


def test_a_short_line_over_a_prompt_stays_in_a_dump_with_no_blank_lines(
        no_rules: cleaner.RuleSet) -> None:
    """With every line tight, tightness says nothing: the short line is left alone."""
    lines = dump(mid=("What happens next",
                      "Create a free account to unlock three more stories this month."))
    record = clean_one(lines, no_rules, sep="\n")
    assert "What happens next" in body_of(record)


def test_a_story_about_cookies_keeps_its_lines(no_rules: cleaner.RuleSet) -> None:
    line = "The bakery sold 2,000 cookies on Saturday, the owner said."
    article = [*ARTICLE[:MIDDLE], line, *ARTICLE[MIDDLE:]]
    assert body_of(clean_one([HEADLINE, *article], no_rules)) == article


@pytest.mark.parametrize("line", [
    "Advertisement · Continue reading below",
    "Contenido patrocinado",
    "Gesponserte Inhalte",
    "In partnership with Harbour Bank",
    "The story continues after this",
], ids=["glued-labels", "sponsored-es", "sponsored-de", "partnership", "continues"])
def test_ad_slot_labels_in_any_form_are_cut(line: str, no_rules: cleaner.RuleSet) -> None:
    assert_cut_mid(line, "advertisement", no_rules)


@pytest.mark.parametrize("caption", [
    "Students march through the city centre on Friday. Bild: dpa",
    "The ferry leaves the harbour at dawn. © Harbour Press",
    "An aerial view of the new plant.Photograph by Ana Ribeiro",
    "The old pump house on the east bank. Courtesy of Ana Ribeiro",
    "Engineers test a valve at the pumping station. [Photo: Ana Ribeiro/Harbour Press]",
    "Engineers test a valve at the pumping station. Picture by Ana Ribeiro",
    "Engineers test a valve at the pumping station. Credit...Ana Ribeiro for The Courier",
    "Engineers test a valve at the pumping station. | Harbour Press",
    "Engineers test a valve at the pumping station. — Ana Ribeiro, Harbour Press",
    "Arbeiter prüfen ein Ventil im Pumpwerk. Foto: picture alliance/dpa | Ana Ribeiro",
    "Arbeiter prüfen ein Ventil im Pumpwerk. (dpa)",
    "IMAGE: Engineers test a valve at the pumping station.",
    "Engineers test a valve at the pumping station. Photos by Ana Ribeiro and Luis Arrieta",
    "Engineers test a valve at the pumping station. Photo courtesy Ana Ribeiro",
], ids=["german-label", "copyright-sign", "photograph-by-glued", "courtesy-of", "bracketed",
        "picture-by", "credit-dots", "after-a-bar", "after-a-dash", "picture-alliance",
        "lower-case-agency", "label-first", "photos-by", "courtesy-no-of"])
def test_captions_with_a_credit_in_any_form_are_cut(caption: str,
                                                   no_rules: cleaner.RuleSet) -> None:
    assert_cut_mid(caption, "caption", no_rules)


@pytest.mark.parametrize("pair", [
    ("Engineers test a valve at the pumping station.", "Photo: Ana Ribeiro / Harbour Press"),
    ("Engineers test a valve at the pumping station.", "© Harbour Press"),
    ("Photo: Ana Ribeiro / Harbour Press", "Engineers test a valve at the pumping station."),
], ids=["credit-under", "copyright-under", "credit-above"])
def test_a_caption_set_tight_to_its_credit_goes_with_it(pair: tuple[str, str],
                                                        no_rules: cleaner.RuleSet) -> None:
    """Paragraphs apart, caption and credit tight together: both are the picture's."""
    record = clean_one(dump(mid=("\n".join(pair),)), no_rules)
    assert body_of(record) == ARTICLE
    assert all(cut_as(record, line) for line in pair)


def test_a_story_line_over_a_credit_stays_in_a_dump_with_no_blank_lines(
        no_rules: cleaner.RuleSet) -> None:
    """With every line tight, a sentence over a credit may be the story's own."""
    line = "Engineers tested every valve at the pumping station before the vote."
    record = clean_one(dump(mid=(line, "Photo: Ana Ribeiro / Harbour Press")), no_rules, sep="\n")
    assert line in body_of(record)


def test_a_long_caption_printed_twice_in_a_row_is_cut_both_times(
        no_rules: cleaner.RuleSet) -> None:
    """However long: a story never says the same sentence twice running."""
    caption = ("Engineers from the regional water authority inspect the corroded intake valves "
               "at the old pumping station on the east bank of the river, which the new plant "
               "will replace by the end of the decade.")
    record = clean_one(dump(mid=(caption, caption)), no_rules)
    assert body_of(record) == ARTICLE
    assert cut_as(record, caption) == ["caption", "caption"]


def test_a_headline_with_its_site_after_a_bar_is_no_caption(no_rules: cleaner.RuleSet) -> None:
    line = "What comes next for the river, after the council's vote? | Harbour News"
    article = [*ARTICLE[:MIDDLE], line, *ARTICLE[MIDDLE:]]
    record = clean_one([HEADLINE, *article], no_rules)
    assert cut_as(record, line) != ["caption"]


def test_a_caption_sentence_doubled_under_the_headline_is_cut(no_rules: cleaner.RuleSet) -> None:
    caption = "Workers inspect the new pumps at the plant."
    record = clean_one(dump(head=(caption, caption)), no_rules)
    assert record.headline == HEADLINE
    assert body_of(record) == ARTICLE


def test_a_with_agency_sign_off_stays(no_rules: cleaner.RuleSet) -> None:
    article = [*ARTICLE, "(Avec Reuters)"]
    assert body_of(clean_one([HEADLINE, *article], no_rules)) == article


@pytest.mark.parametrize("line, category", [
    ("The Morning Briefing, free every weekday", "newsletter_prompt"),
    ("Available on iOS and Android", "app_prompt"),
], ids=["newsletter-blurb", "app-blurb"])
def test_a_service_blurb_with_no_you_or_order_is_a_prompt(line: str, category: str,
                                                         no_rules: cleaner.RuleSet) -> None:
    assert_cut_mid(line, category, no_rules)


def test_a_notices_buttons_set_tight_under_it_go_with_it(no_rules: cleaner.RuleSet) -> None:
    notice = "Diese Website verwendet Cookies.\nZustimmen\nAblehnen"
    record = clean_one(dump(mid=(notice,)), no_rules)
    assert body_of(record) == ARTICLE
    assert cut_as(record, "Ablehnen") == ["cookie_notice"]


def test_a_trial_in_a_story_is_no_prompt(no_rules: cleaner.RuleSet) -> None:
    line = "He was held in the city jail while awaiting trial."
    article = [*ARTICLE[:MIDDLE], line, *ARTICLE[MIDDLE:]]
    assert body_of(clean_one([HEADLINE, *article], no_rules)) == article


def test_a_teaser_list_running_into_a_signed_headline_spares_it(
        no_rules: cleaner.RuleSet) -> None:
    """'Latest' over the site's menu, a caption and the headline, then its standfirst,
    byline, date and a widget before the story starts: the teaser list's cut stops
    short of the headline, however many furniture lines stand between it and the
    story."""
    top = ("Latest", "Politics", "Culture", "Climate", "Books", "Magazine Subscribe Sign In",
           "Council member Maria Lopez at the old treatment works on the river's east bank.")
    head = ("The plant will replace equipment that has failed three times since January.",
            "By Jane Doe", "March 4, 2024", "Add to reading list")
    record = clean_one(dump(top=top, head=head), no_rules)
    assert "teaser_block" not in cut_as(record, HEADLINE)


COMMENTS = {
    "en": ["3 thoughts on “City Council Approves New Water Treatment Plant”",
           "Roscoe says:", "August 15, 2020 at 1:49 pm",
           "It seems like there should be a simple fix to this, but nobody asked us.",
           "Reply",
           "chris says:", "August 15, 2020 at 4:07 pm",
           "this will raise our bills as well",
           "Reply",
           "Librarian says:", "August 16, 2020 at 9:55 am",
           "The old plant failed three times this year, so I am glad they voted."],
    "de": ["2 Ergänzungen",
           "Modern Wife sagt:", "28. April 2024 um 10:17 Uhr",
           "Die Beobachtungen sind richtig, aber was steckt dahinter?",
           "Antworten",
           "Philipp sagt:", "28. April 2024 um 12:34 Uhr",
           "Kommt aus den USA, ja. Das steht ja auch im Artikel.",
           "Antworten"],
}


@pytest.mark.parametrize("lang", sorted(COMMENTS))
def test_readers_comments_under_the_story_are_cut_by_their_form(
        lang: str, no_rules: cleaner.RuleSet) -> None:
    """A signature ending in a colon over a date and time, twice or more: a comment
    thread in any language, every line of it (its 'Reply' buttons too)."""
    record = clean_one(dump(end=tuple(COMMENTS[lang])), no_rules)
    assert body_of(record) == ARTICLE
    assert {r.text for r in record.removed} >= set(COMMENTS[lang]) - {"Reply", "Antworten"}


def test_a_quotation_announced_with_a_colon_is_no_comment(no_rules: cleaner.RuleSet) -> None:
    """'The mayor said:' over a quotation has no time stamp under it: the story's."""
    lines = ["The mayor said:",
             "\"This plant is the most important thing this council will build in a decade.\"",
             "Her deputy said:",
             "\"We have waited long enough for clean water, and the vote shows it.\""]
    record = clean_one(dump(mid=tuple(lines)), no_rules)
    assert body_of(record) == [*ARTICLE[:MIDDLE], *lines, *ARTICLE[MIDDLE:]]


def test_a_story_glued_into_one_line_is_the_copy_that_goes(no_rules: cleaner.RuleSet) -> None:
    """A read-aloud widget glues the story's paragraphs into one line under it: that
    line is cut as their copy, the paragraphs stay (on a page: a story with nothing
    around it keeps what it prints twice)."""
    glued = " ".join(ARTICLE)
    record = clean_one(dump(end=(glued, "© 2024 Harbour Press. All rights reserved.")), no_rules)
    assert body_of(record) == ARTICLE
    assert cut_as(record, glued) == ["duplicate"]
