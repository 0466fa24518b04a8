"""Whole-page copies (menus, bylines, teaser lists, footers around the article) and
dumps holding several articles. No rule file helps: the layout stage and the
splitter must find the article on their own."""

from __future__ import annotations

import pytest

import cleaner

NAV = [
    "Home", "World", "US News", "Politics", "Business", "Markets", "Tech", "Science", "Health",
    "Climate", "Sport", "Football", "Tennis", "Culture", "Books", "Film", "Music", "Travel",
    "Food", "Style", "Opinion", "Editorials", "Letters", "Obituaries", "Podcasts", "Video",
    "Photos", "Weather", "Crosswords", "Local News",
]
HEADLINE = "Drought Forces Farmers in the Central Valley to Leave Fields Unplanted"
BYLINE = "By Jane Doe"
DATE = "Published March 4, 2024"
ARTICLE = [
    "FRESNO, California (Reuters) - Farmers across California's Central Valley are leaving "
    "hundreds of thousands of acres unplanted this spring as a third year of drought cuts their "
    "water allocations to historic lows.",
    "State officials said on Tuesday that irrigation districts would receive just 5 percent of "
    "their requested supplies, down from 15 percent last year, forcing growers to choose which "
    "crops to save.",
    "\"We have never seen it this bad,\" said Luis Ortega, who farms almonds and tomatoes near "
    "Fresno. \"I am pulling out trees my father planted.\"",
    "The cuts fall hardest on smaller growers who cannot afford to drill deeper wells, "
    "according to a report by the state's farm bureau published last month.",
    "Groundwater Under Strain",
    "Hydrologists warn that the rush to pump groundwater is causing the land to sink by up to "
    "a foot a year in some areas, damaging canals and bridges.",
    "The state passed a law in 2014 to limit pumping, but its main provisions do not take full "
    "effect until 2040, and many basins have yet to submit plans.",
    "Ortega said he would wait for the autumn rains before deciding whether to replant. \"If "
    "they do not come, there will not be much left to decide,\" he said.",
]
MOST_READ = [
    "Most read",
    "Stocks Slide as Investors Weigh Rate Outlook",
    "Heat Wave Grips Southern Europe",
    "Five Things to Know Before the Markets Open",
    "The Best Hiking Trails Near the Coast",
    "Why Egg Prices Are Rising Again",
]
FOOTER = [
    "About Us", "Contact", "Careers", "Advertise", "Privacy Policy", "Terms of Use",
    "© 2024 Example Media. All rights reserved",
]
TEASERS = [
    ("Heat Wave Grips Southern Europe",
     "Temperatures topped 44C in parts of Spain and Italy on Monday, and officials urged people "
     "to stay indoors during the afternoon."),
    ("Stocks Slide as Investors Weigh Rate Outlook",
     "Wall Street ended lower for a third day as traders bet the central bank would keep rates "
     "higher for longer."),
    ("Why Egg Prices Are Rising Again",
     "Bird flu outbreaks on large farms have cut supplies just as demand picks up ahead of the "
     "holidays."),
    ("New Rail Link Opens Between Two Capitals",
     "The high-speed line cuts the journey to under three hours and is expected to carry 10 "
     "million passengers a year."),
    ("Scientists Map the Deepest Ocean Trench",
     "A robotic vessel spent six weeks charting the trench floor, finding species never seen "
     "before."),
    ("City Bans Cars From Historic Centre",
     "The ban starts in June and will be enforced by cameras at every entry point, the mayor "
     "said."),
    ("Tech Firm Cuts 2,000 Jobs",
     "The company said the cuts were needed to focus on artificial intelligence products."),
    ("Museum Returns Looted Bronzes",
     "The 30 sculptures were taken during a colonial raid in 1897 and will go on display in "
     "their home country."),
    ("Wildfire Forces Thousands to Flee Mountain Towns",
     "Firefighters said strong winds pushed the blaze across two ridges overnight, and more "
     "evacuations are likely."),
    ("Central Bank Holds Rates Steady",
     "Policymakers said inflation was easing but warned that it was too soon to cut borrowing "
     "costs."),
]



def body_of(record: cleaner.Article) -> list[str]:
    return record.body.split("\n\n") if record.body else []


def page_copy(*head: str) -> str:
    """A page copy, one line each: the menu, `head` (the headline and what stands
    around it), the story, its teaser list and footer."""
    return "\n".join([*NAV, *head, *ARTICLE, *MOST_READ, *FOOTER])


def page(article: list[str] = ARTICLE, after: list[str] = MOST_READ + FOOTER,
         sep: str = "\n") -> str:
    return sep.join([*NAV, HEADLINE, BYLINE, DATE, *article, *after])


def sidebar(excerpt: str) -> list[str]:
    """Teaser headline / excerpt pairs; excerpt 'full' keeps the sentence, 'cut' trims it."""
    lines = []
    for title, text in TEASERS:
        lines += [title, text if excerpt == "full" else text[:70].rsplit(" ", 1)[0] + "..."]
    return lines


# --- Whole-page copies


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["single-lines", "blank-lines"])
def test_whole_page_body_is_exactly_the_article(sep: str, no_rules: cleaner.RuleSet) -> None:
    [record] = cleaner.clean_text(page(sep=sep), rules=no_rules)
    assert record.headline == HEADLINE
    assert body_of(record) == ARTICLE
    assert "Jane Doe" in record.authors


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["single-lines", "blank-lines"])
def test_whole_page_cuts_menu_byline_list_and_footer(
        sep: str, no_rules: cleaner.RuleSet) -> None:
    [record] = cleaner.clean_text(page(sep=sep), rules=no_rules)
    cut = {r.text: r.category for r in record.removed}
    assert set(cut) == {*NAV, BYLINE, DATE, *MOST_READ, *FOOTER}
    assert cut[BYLINE] == "byline"
    assert cut[DATE] == "byline"
    assert cut["Privacy Policy"] == "navigation"
    assert cut["© 2024 Example Media. All rights reserved"] == "navigation"


def test_whole_page_with_two_authors_lists_both(no_rules: cleaner.RuleSet) -> None:
    text = page().replace(BYLINE, "By Jane Doe and John Roe")
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.authors == ["Jane Doe", "John Roe"]
    assert body_of(record) == ARTICLE


@pytest.mark.parametrize("header", [[], ["More from Example News"]], ids=["bare", "headed"])
@pytest.mark.parametrize("excerpt", ["cut", "full"])
@pytest.mark.parametrize("paragraphs", [2, 3])
def test_short_article_before_long_teaser_sidebar_is_kept(
        header: list[str], excerpt: str, paragraphs: int, no_rules: cleaner.RuleSet) -> None:
    article = ARTICLE[:paragraphs]
    text = page(article, after=[*header, *sidebar(excerpt), *FOOTER])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == HEADLINE
    assert body_of(record)[:paragraphs] == article


@pytest.mark.parametrize("header", [[], ["More from Example News"]], ids=["bare", "headed"])
def test_teaser_sidebar_with_cut_off_excerpts_is_cut(
        header: list[str], no_rules: cleaner.RuleSet) -> None:
    text = page(ARTICLE[:3], after=[*header, *sidebar("cut"), *FOOTER])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert body_of(record) == ARTICLE[:3]


@pytest.mark.parametrize("header", ["More from Example News", "Latest stories", "Most read"])
def test_headed_teaser_list_with_sentence_excerpts_is_cut(
        header: str, no_rules: cleaner.RuleSet) -> None:
    """DESIGN: 'Recent News' / 'Related' / 'Most read' teaser blocks are removed,
    excerpts included, whether or not the excerpt is cut off with an ellipsis."""
    text = page(ARTICLE, after=[header, *sidebar("full"), *FOOTER])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert body_of(record) == ARTICLE


def test_a_question_headline_under_a_menu_list_stays_the_headline(
        no_rules: cleaner.RuleSet) -> None:
    """A teaser header's list of section links, under a browser notice of two
    sentences, runs into the page's headline, a question: the story's paragraph
    right under it makes it the headline, not a teaser title."""
    headline = "Will the Central Valley run out of water this summer?"
    notice = ["Looks like you are using a browser we do not support on this site anymore.",
              "To improve your visit to our site, take a minute and upgrade your browser."]
    text = "\n".join([*notice, *NAV, "Latest", "World", "Politics", "Business", headline,
                      *ARTICLE, *MOST_READ, *FOOTER])
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline == headline
    assert body_of(record) == ARTICLE


def test_page_headline_repeated_in_teaser_list_stays_the_headline(
        no_rules: cleaner.RuleSet) -> None:
    """A 'Most read' list often holds the page's own story; that copy is not the headline."""
    after = ["Most read", *sidebar("full")[:6], HEADLINE, *FOOTER]
    [record] = cleaner.clean_text(page(after=after), rules=no_rules)
    assert record.headline == HEADLINE
    assert body_of(record)[:len(ARTICLE)] == ARTICLE


QUOTE = "„Wer lacht, verliert. Er lacht.“"
SIGNED_TWO_SENTENCES = "Valley Growers Were Promised Water. Then Came the Drought"
SIGNED_CREDIT_SHAPED = "Farmers Count the Cost of a Dry Spring. Jane Doe"
DASH_QUOTE = "- Vi har aldri sett så lite regn her"
EN_DASH_QUOTE = "– Vi har aldri sett så lite regn her"


@pytest.mark.parametrize(("head", "headline"), [
    (["„Trockene Jahre“", BYLINE, DATE], "„Trockene Jahre“"),
    ([QUOTE, BYLINE, DATE], QUOTE),
    ([DASH_QUOTE, BYLINE, DATE], DASH_QUOTE),
    ([EN_DASH_QUOTE, BYLINE, DATE], EN_DASH_QUOTE),
    ([SIGNED_TWO_SENTENCES, BYLINE], SIGNED_TWO_SENTENCES),
    ([SIGNED_CREDIT_SHAPED, BYLINE], SIGNED_CREDIT_SHAPED),
    ([HEADLINE, "Farmers walk through a dry field near Fresno. Jane Doe", BYLINE, DATE], HEADLINE),
    ([HEADLINE, "Dry Fields Near Fresno on Monday. Jane Doe", BYLINE, DATE], HEADLINE),
], ids=["two-word-quotation", "quotation-of-two-sentences", "dash-quote", "en-dash-quote",
        "signed-second-sentence", "signed-credit-shaped", "caption-over-byline",
        "title-case-caption-over-byline"])
def test_headlines_of_other_shapes_over_a_page_copys_byline(
        head: list[str], headline: str, no_rules: cleaner.RuleSet) -> None:
    """Headlines quoting a speaker: in quotation marks (of any length a headline
    has, full stops inside), or after a dash as Nordic papers print them. Two
    sentences, the second a few capitalised words, read as a caption and its
    credit: the headline when a byline stands right under it and no title above,
    a caption when it hangs under the headline."""
    [record] = cleaner.clean_text(page_copy(*head), rules=no_rules)
    assert record.headline == headline
    assert body_of(record) == ARTICLE


CHINESE_STORY = [
    "国家航天局24日在北京举行新闻发布会，介绍首届中国与拉美国家航天合作论坛的筹备情况。",
    "发布会上，有关负责人表示，双方将在卫星遥感、月球探测和人才培养等领域深化合作。",
    "据介绍，论坛期间将签署多项合作协议，并发布联合声明，推动航天技术更好惠及两地人民。",
]


def test_a_long_chinese_headline_with_the_sites_suffix_is_the_headline(
        no_rules: cleaner.RuleSet) -> None:
    """Han characters count at two a word in a title, not also as one run each: a
    sixty-character Chinese headline is no paragraph."""
    headline = ("促进航天技术更好惠及人民――国家航天局向首届“中国－拉美和加勒比国家航天合作论坛”"
                "致贺信为双方深化航天合作指明方向--时政--人民网")
    text = "\n".join(["首页 | 时政 | 国际 | 财经 | 体育", headline, "2024年04月24日 08:15",
                      *CHINESE_STORY, "责编：张三", "人民网版权所有，未经书面授权禁止使用"])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == headline
    assert body_of(record)[:3] == CHINESE_STORY
    assert record.published == "2024-04-24"


def test_a_japanese_date_line_is_no_headline(no_rules: cleaner.RuleSet) -> None:
    """'2025年1月14日 01時28分 (1月14日 01時40分更新)': a clock time and a date, in the
    page's own script, mark when it was published (a date line, not the story's)."""
    headline = "南海トラフ、一時調査 巨大地震、基準達せず"
    story = ["宮崎県で最大震度５弱を観測した地震と南海トラフ地震との関連を調べるため、"
             "気象庁は評価検討会を開いた。",
             "気象庁は調査終了を受けた記者会見で「地震はいつ起きてもおかしくない。"
             "日頃から備えてほしい」と呼びかけた。"]
    text = "\n".join(["ニュース | 社会 | 政治 | 経済 | スポーツ", headline,
                      "2025年1月14日 01時28分 (1月14日 01時40分更新)",
                      *story, "著作権は中日新聞社に帰属します"])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == headline
    assert body_of(record)[:2] == story


def test_a_dated_headline_beats_a_title_of_the_storys_words_nearer_the_story(
        no_rules: cleaner.RuleSet) -> None:
    """A short title in the story's own words stands under the widgets, closer to
    the story than the headline, which shares none of them: the date right under
    the headline tells which title the page is hung from."""
    headline = "Bitter days for the orchards"
    text = page_copy(headline, DATE, "Share", "Listen", "Growers count the cost")
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == headline
    assert body_of(record) == ARTICLE


def test_headline_is_found_above_caption_and_widgets(no_rules: cleaner.RuleSet) -> None:
    caption = ("A farmer walks through a dry field near Fresno, California, on March 1, 2024. "
               "(Photo by Jane Doe / AFP)")
    text = "\n".join([*NAV, HEADLINE, caption, "Share", "TT", "20", BYLINE, DATE, *ARTICLE,
                      *FOOTER])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == HEADLINE
    assert record.captions == [caption]
    assert body_of(record) == ARTICLE


def test_a_headline_naming_someone_by_an_abbreviated_title_is_no_caption(
        no_rules: cleaner.RuleSet) -> None:
    """'Rep. Zooey Zephyr', 'Dr. Ruth': the full stop of a title before a name ends
    no sentence, so the line is no caption with a credit after it."""
    headline = "An Insider's View of the Legislature's Attacks on Trans Rep. Zooey Zephyr"
    caption = ("Rep. Zooey Zephyr walks out of the House chamber after lawmakers voted to ban "
               "her on April 26, 2023. Photo: Thom Bridge/AP")
    standfirst = "An advocate in Helena said the expulsion capped months of attacks."
    text = "\n".join([*NAV, caption, headline, standfirst, BYLINE, DATE, *ARTICLE, *FOOTER])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == headline
    assert body_of(record) == [standfirst, *ARTICLE]


def test_a_title_the_page_prints_twice_beats_the_skip_link_over_its_first_copy(
        no_rules: cleaner.RuleSet) -> None:
    """The title in the page's head and again over the story (that copy cut as a
    repeat) is the headline, not the shorter line above its first copy, even one
    sharing a word with the story ('Skip to the drought story')."""
    standfirst = "A third year of drought has cut water allocations to historic lows."
    text = "\n".join(["Skip to the drought story", HEADLINE, *NAV[:8], "Politics / March 4, 2024",
                      HEADLINE, standfirst, "Jane Doe", "Share", *ARTICLE, *FOOTER])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == HEADLINE


def test_a_signed_headline_under_a_notice_sentence_is_the_headline(
        no_rules: cleaner.RuleSet) -> None:
    """A sentence the detectors do not know (a browser notice) heads the body's
    stretch: the title under it with a byline right under it is still the headline,
    and the notice is no part of the story."""
    notice = ("You are using an older browser version. Please use a supported one for the "
              "best experience.")
    text = "\n".join([*NAV, notice, HEADLINE, BYLINE, *ARTICLE, *FOOTER])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == HEADLINE and body_of(record) == ARTICLE


def test_a_title_under_a_story_sentence_without_a_byline_is_no_headline(
        no_rules: cleaner.RuleSet) -> None:
    """Under a sentence of the story, an unsigned title is a sub-heading: it stays in
    the body and no headline is taken from it."""
    text = "\n".join([*NAV, ARTICLE[0], "Groundwater under strain", *ARTICLE[1:], *FOOTER])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert "Groundwater under strain" in body_of(record)


def test_a_last_section_past_an_ad_slot_under_its_sub_heading_stays(
        no_rules: cleaner.RuleSet) -> None:
    """The story's last section: a sub-heading, an ad slot and a link the detectors
    cut, then its paragraph: the body runs on over it."""
    closing = ["What Comes Next for Growers",
               "Advertisement", "Read more: Heat Wave Grips Southern Europe",
               "Growers meet state officials next month."]
    text = "\n".join([*NAV, HEADLINE, BYLINE, *ARTICLE, "Advertisement", *closing, *FOOTER])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert body_of(record) == [*ARTICLE, closing[0], closing[-1]]


def test_a_list_with_bracketed_section_labels_is_the_storys(no_rules: cleaner.RuleSet) -> None:
    """'＜震度4＞ / 宮崎県：延岡市、西都市': a list whose parts are headed by short
    labels in brackets is the story's own, not a list of links."""
    listing = ["＜震度5弱＞", "宮崎県：高鍋町、新富町、宮崎市",
               "＜震度4＞", "宮崎県：延岡市、西都市"]
    text = "\n".join([*NAV, HEADLINE, BYLINE, *ARTICLE[:3], *listing, *ARTICLE[3:], *FOOTER])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert body_of(record) == [*ARTICLE[:3], *listing, *ARTICLE[3:]]


# --- Several articles in one dump

SECOND_HEADLINE = "Port Strike Ends as Workers Accept a New Contract"
SECOND = [
    "Dock workers at the country's largest port voted on Sunday to accept a new four-year "
    "contract, ending a strike that had halted container traffic for nine days.",
    "The deal raises wages by 18 percent over the life of the contract and limits the use of "
    "automated cranes, the union said in a statement.",
    "Shipping companies said it would take at least two weeks to clear the backlog of more than "
    "60 vessels waiting offshore.",
    "\"Our members stood together and it paid off,\" said union president Carla Mendes, "
    "speaking to reporters outside the port gates.",
]
FIRST_HEADLINE = "Drought Forces Farmers to Leave Fields Unplanted"
FIRST = ARTICLE[:4]


@pytest.mark.parametrize("sep", ["\n\n", "\n"], ids=["blank-lines", "single-lines"])
def test_two_articles_three_blank_lines_apart_give_two_records(
        sep: str, no_rules: cleaner.RuleSet) -> None:
    text = sep.join([FIRST_HEADLINE, *FIRST]) + "\n\n\n\n" + sep.join([SECOND_HEADLINE, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


def test_blank_lines_above_the_next_headlines_banner_set_it_apart(
        no_rules: cleaner.RuleSet) -> None:
    """The extra blank lines stand above a one-word section banner ('Sport') over the
    second headline, not right above the headline."""
    text = ("\n\n".join([FIRST_HEADLINE, *FIRST]) + "\n\n\n\n"
            + "\n\n".join(["Sport", SECOND_HEADLINE, *SECOND]))
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


@pytest.mark.parametrize("second", [
    "Port Strike Ends After Workers Accept New Contract",
    "- Our members stood together and it paid off",
], ids=["all-title-case", "dash-quotation"])
def test_two_articles_split_on_second_headlines_of_other_shapes(
        second: str, no_rules: cleaner.RuleSet) -> None:
    """A headline with no lower-case word, or a Nordic dash quotation ('- Vi har
    aldri sett så lite regn'), opens the next article."""
    text = "\n\n".join([FIRST_HEADLINE, *FIRST]) + "\n\n\n\n" + "\n\n".join([second, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, second]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


def test_two_articles_with_echoed_headlines_split_two_blank_lines_apart(
        no_rules: cleaner.RuleSet) -> None:
    """Headline, widgets, the headline again, then the story (as seed 002 is laid out)."""
    def block(headline: str, paras: list[str]) -> str:
        return "\n\n".join([headline, "TT\n20", headline, *paras])

    text = block(FIRST_HEADLINE, FIRST) + "\n\n\n" + block(SECOND_HEADLINE, SECOND)
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


@pytest.mark.parametrize("caption", [
    "Dock workers gather outside the port gates on Monday as the strike enters its "
    "second week.",
    SECOND_HEADLINE.replace("Ends", "ends") + " after talks that ran through the night, "
                                              "officials said."],
    ids=["caption-sentence", "caption-longer-than-twelve-words"])
def test_an_echoed_headline_with_a_sentence_caption_between_opens_the_next_article(
        caption: str, no_rules: cleaner.RuleSet) -> None:
    """Endless scroll: the next headline, its photo caption (a whole sentence), a widget,
    the headline again and the caption again, then the story."""
    text = "\n".join([FIRST_HEADLINE, *FIRST, SECOND_HEADLINE, caption, "Share", SECOND_HEADLINE,
                      caption, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert body_of(records[0]) == FIRST


def test_an_echoed_title_of_two_sentences_opens_the_next_article(
        no_rules: cleaner.RuleSet) -> None:
    """A column's title ('Name. Question?'), printed again under its caption, heads the
    next article though it reads like two sentences."""
    title = "Carla Mendes. Why did the port strike end so fast?"
    caption = "Dock workers leave the port gates on Sunday (AFP)"
    text = "\n".join([FIRST_HEADLINE, *FIRST, "Join", title, caption, caption, "Share", title,
                      *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, title]
    assert body_of(records[0]) == FIRST


def test_a_short_prompt_title_printed_twice_with_its_text_splits_nothing(
        no_rules: cleaner.RuleSet) -> None:
    """'Login not possible?' and its explanation printed twice mid-page: a prompt, not a
    headline and its echo over a caption."""
    prompt = ["Login not possible?",
              "We would like to show you a login option here, but an extension you installed "
              "blocks the cookies it needs to work properly."]
    text = "\n".join([HEADLINE, *ARTICLE[:3], *prompt, "Disable the extension", *prompt,
                      *ARTICLE[3:]])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [HEADLINE]


@pytest.mark.parametrize("headline", [
    "«Port strike ends as workers accept new contract»",
    "Port Strike Ends as Workers Accept a New Contract",
], ids=["quoted", "title"])
def test_an_echoed_headline_also_repeated_below_still_opens_the_next_article(
        headline: str, no_rules: cleaner.RuleSet) -> None:
    """Headline, caption, widgets, the headline again, then the story, with the
    headline printed a third time further down (a 'most read' entry): still the
    next article's headline, a quoted one too."""
    caption = "Dock workers leave the port gates on Sunday (Photo: Harbour Press)"
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, headline, caption, "Escuchar", "Guardar", headline,
                         caption, *SECOND, "Most read", headline, "Mayor Unveils Budget"])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, headline]
    assert body_of(records[1]) == SECOND


def test_a_quoted_sub_heading_after_extra_blank_lines_does_not_start_an_article(
        no_rules: cleaner.RuleSet) -> None:
    """A quotation set apart as a sub-heading, in the story's own words: no new story."""
    quote = "'We have never seen it this bad,' says a Fresno farmer"
    text = "\n".join([HEADLINE, *ARTICLE[:4]]) + "\n\n\n\n" + "\n".join([quote, *ARTICLE[4:]])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [HEADLINE]


def test_a_one_paragraph_article_before_a_signed_next_article_is_split(
        no_rules: cleaner.RuleSet) -> None:
    """A first article of one long paragraph is still an article's worth of text
    when the next headline is signed."""
    first = [" ".join(FIRST)]
    text = "\n\n".join([FIRST_HEADLINE, *first, "Advertisement", SECOND_HEADLINE, "By Carla Mendes",
                         *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [first, SECOND]



def test_a_dated_headline_under_a_notice_and_its_button_opens_the_next_article(
        no_rules: cleaner.RuleSet) -> None:
    """A notice of two sentences over its one-word button ('... Show external
    content?' / 'Show') is no teaser list's 'title / section' pair: the dated
    headline under it still opens the next article."""
    notice = ["This content is hosted by a third party. Show external content?", "Show"]
    text = "\n".join([FIRST_HEADLINE, *FIRST, *notice, SECOND_HEADLINE,
                      "Last updated: 2024-03-04 8:33 pm", *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert body_of(records[1]) == SECOND


@pytest.mark.parametrize("names", ["Carla Mendes and Tomas Ruiz",
                                   "Carla Mendes, Tomas Ruiz & Ana Lima"])
def test_a_headline_signed_by_names_alone_opens_the_next_article(
        names: str, no_rules: cleaner.RuleSet) -> None:
    """Two or more full names joined by 'and' under a headline sign it as a byline
    does; a list of places ('Old Fire Station, Station Road') does not."""
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, "Advertisement", SECOND_HEADLINE, names,
                         *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert body_of(records[1]) == SECOND


def test_a_long_chinese_headline_with_its_sub_title_opens_the_next_article(
        no_rules: cleaner.RuleSet) -> None:
    """A Chinese headline with its sub-title and the site's name runs to 68
    characters with no full stop: long enough to pass for running text by its
    length, it is still a title that can open the next article."""
    headline = ("推动数字经济更好造福人民――总理在首届“中国－东盟数字经济合作论坛”开幕式上"
                "发表主旨讲话为双方深化数字领域合作指明方向--时政--新华网")
    story = ["新华社南宁9月18日电 首届中国－东盟数字经济合作论坛18日在广西南宁开幕，"
             "来自多个国家的代表出席了开幕式并参加了相关活动。",
             "讲话指出，数字经济合作是双方全面战略伙伴关系的重要组成部分，双方在电子商务、"
             "智慧城市等领域的合作不断取得新成果。",
             "与会代表表示，愿与中方一道推动数字技术更好惠及各国人民，为地区发展注入新动力。"]
    text = "\n".join([FIRST_HEADLINE, *FIRST, "Advertisement", headline, "By Luis Arrieta",
                      *story])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [body_of(r) for r in records] == [FIRST, story]


def test_a_one_paragraph_article_with_its_list_before_a_signed_next_article_is_split(
        no_rules: cleaner.RuleSet) -> None:
    """A short wire story, one paragraph and the list it announces (intensities by
    town), is an article's worth of text beside a signed next headline."""
    first = ["The weather agency said a magnitude 6.9 earthquake struck off the coast at "
             "9.19 p.m. on Monday, with shaking felt across the region:",
             "Intensity 5-: Takanabe, Shintomi", "Intensity 4: Nobeoka, Saito",
             "Intensity 3: Kurume, Kanzaki", "Intensity 3: Aso, Takamori",
             "Intensity 2: Oita, Usuki", "Intensity 2: Kagoshima, Kirishima"]
    text = "\n\n".join([FIRST_HEADLINE, *first, SECOND_HEADLINE, "By Carla Mendes", *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [first, SECOND]


def test_a_next_headline_with_a_credited_photo_after_the_pages_prompts_is_split(
        no_rules: cleaner.RuleSet) -> None:
    """No byline, no date: a title with a credited photo under it, after the prompts
    that close the story above, opens the next article."""
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, "Follow us on Instagram for more stories like this",
                         "Stay in the browser", "Use the app", SECOND_HEADLINE,
                         "Dock workers at the port gates. (Photo by Ana Ribeiro / AFP)", *SECOND])
    assert [(r.headline, body_of(r)) for r in cleaner.clean_text(text, rules=no_rules)] == [
        (FIRST_HEADLINE, FIRST), (SECOND_HEADLINE, SECOND)]


def test_a_sub_heading_with_a_credited_photo_after_a_prompt_splits_nothing(
        no_rules: cleaner.RuleSet) -> None:
    """A prompt inside the story, then its sub-heading and a credited photo: the
    section goes on with the story's subject, so no new article opens."""
    closing = ["Growers Brace for a Fourth Dry Year",
               "A farmer walks a dry field near Fresno. (Photo by Ana Ribeiro / AFP)",
               "Growers in the Central Valley said the drought and the water cuts would force "
               "them to leave even more acres unplanted next spring, and some expect to sell "
               "their farms."]
    text = "\n\n".join([HEADLINE, *ARTICLE[:4], "Follow us on Instagram for more stories like this",
                         *closing])
    records = cleaner.clean_text(text, rules=no_rules)
    assert len(records) == 1


def test_a_list_of_places_is_no_byline_under_a_list_item(no_rules: cleaner.RuleSet) -> None:
    places = ["Polling stations that will stay open late:", "Town Hall, 1 Market Square",
              "Riverside School, 45 Quay Street", "Greenbank Church Hall, 7 Elm Row",
              "Old Fire Station, Station Road"]
    text = "\n\n".join([HEADLINE, *ARTICLE[:2], *places, *ARTICLE[2:]])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [HEADLINE]
    assert body_of(records[0]) == [*ARTICLE[:2], *places, *ARTICLE[2:]]


def test_a_footer_row_of_two_links_ends_a_page_before_the_next_headline(
        no_rules: cleaner.RuleSet) -> None:
    """'Aviso legal | Contacto' (a row of two links) is where one page ends and the
    next begins, with no blank line between them."""
    text = "\n".join([FIRST_HEADLINE, *FIRST, "Aviso legal | Contacto", SECOND_HEADLINE,
                      *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert body_of(records[1]) == SECOND


def test_an_ad_slots_labels_over_a_sub_heading_split_nothing(no_rules: cleaner.RuleSet) -> None:
    """'Advertisement · Continue reading below' has the shape of a row of two links
    but is an ad slot inside the story: the sub-heading under it opens nothing."""
    subheading = "Hydrologists Warn the Land Is Sinking"
    text = "\n".join([HEADLINE, *ARTICLE[:4], "Advertisement · Continue reading below",
                      subheading, *ARTICLE[5:]])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [HEADLINE]


@pytest.mark.parametrize("apart", ["\n\n\n\n", "\n\nNext\n\n"], ids=["blank-lines", "next"])
def test_a_signed_headline_set_apart_opens_an_article_that_starts_with_a_list(
        apart: str, no_rules: cleaner.RuleSet) -> None:
    """Set apart (by blank lines, or under 'Next') and signed, a headline opens the next
    article even when its story starts with a list of short lines (a ticker) and its
    paragraphs come further down than a teaser's excerpt would."""
    ticker = [f"{hour}:05 - Berth {hour} reopens to container traffic" for hour in range(6, 16)]
    text = ("\n\n".join([FIRST_HEADLINE, *FIRST]) + apart
            + "\n\n".join([SECOND_HEADLINE, "By Carla Mendes", *ticker, *SECOND]))
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert body_of(records[0]) == FIRST


ASKED = "Business Brief: The port strike is over. Who won?"


def test_a_signed_statement_and_question_title_opens_the_next_article(
        no_rules: cleaner.RuleSet) -> None:
    """'Statement. Question?' is a title when a byline signs it."""
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, "Advertisement", ASKED, "By Carla Mendes",
                         *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, ASKED]


def test_an_unsigned_statement_and_question_teaser_opens_nothing(
        no_rules: cleaner.RuleSet) -> None:
    """Unsigned, the same shape over an excerpt is a teaser, even under a page break."""
    teasers = ["This website uses cookies to ensure you get the best experience.", "Got it!",
               "What others are reading", ASKED, *SECOND[:2],
               "Heat Wave Grips Southern Europe", *SECOND[2:]]
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, *teasers])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE]


def test_a_headline_signed_and_dated_right_under_a_paragraph_opens_the_next_article(
        no_rules: cleaner.RuleSet) -> None:
    """A byline and then a date line of its own under a title: an article's head, even
    with the last paragraph of the story above right over it."""
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, SECOND_HEADLINE, "By Carla Mendes",
                         "Published March 4, 2024", *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


def test_a_sub_heading_signed_right_under_a_paragraph_opens_nothing(
        no_rules: cleaner.RuleSet) -> None:
    """A sub-heading with a byline but no date under it, right after a paragraph: an
    interview's or a section's signature inside the story, not a new article."""
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, SECOND_HEADLINE, "By Carla Mendes", *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE]

CAPTION = "Dock workers leave the port gates on Sunday"
CREDIT = "Photo: Ana Ribeiro / Harbour Press"


@pytest.mark.parametrize("between", [
    [SECOND_HEADLINE, CAPTION, CREDIT],
    ["Up next", SECOND_HEADLINE],
    ["Read next", SECOND_HEADLINE, CAPTION, CREDIT, CAPTION],
    ["Next article", SECOND_HEADLINE, "By Carla Mendes"],
], ids=["headline-captions-echo", "up-next", "read-next", "next-article-byline"])
def test_back_to_back_articles_with_paragraph_spacing_are_split(
        between: list[str], no_rules: cleaner.RuleSet) -> None:
    """Endless-scroll copies: the next article follows after the same spacing as paragraphs."""
    second = [*between, SECOND_HEADLINE] if between[0] == SECOND_HEADLINE else between
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, *second, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


APPEAL = ["Please support our journalism with a donation today.", "Donate monthly", "Donate once"]


@pytest.mark.parametrize("between", [
    [*APPEAL, SECOND_HEADLINE, "By Carla Mendes", "March 3, 2024"],
    [*APPEAL, SECOND_HEADLINE, CAPTION, CAPTION],
    ["* * *", "Cookies help us run this site. Accept", SECOND_HEADLINE],
], ids=["byline-date", "caption-twice", "symbol-separator"])
def test_next_article_after_boilerplate_with_paragraph_spacing_is_split(
        between: list[str], no_rules: cleaner.RuleSet) -> None:
    """No extra blank lines, boilerplate between the stories: the second headline is
    known by what stands under it (byline, date, a caption printed twice) or above it."""
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, *between, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert body_of(records[0]) == FIRST
    assert body_of(records[1])[-len(SECOND):] == SECOND  # (one caption copy still leaks)


@pytest.mark.parametrize("header", ["More articles", "Weitere Artikel"])
def test_a_signed_next_article_under_a_more_articles_header_is_split(
        header: str, no_rules: cleaner.RuleSet) -> None:
    """A header that often heads teasers ('More articles') can stand over the next
    article too: a byline right under the headline, and a story on a new subject."""
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, header, SECOND_HEADLINE, "By Carla Mendes",
                         *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


def test_a_title_over_a_more_articles_header_is_no_teaser_pair(
        no_rules: cleaner.RuleSet) -> None:
    """A title at the first story's foot, then 'More articles' over the next, signed
    article: a title over a header is no 'title / section' teaser entry, so the
    byline under the next headline marks it."""
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, "Mayor Unveils Budget With Cuts to Parks",
                         "More articles", SECOND_HEADLINE, "By Carla Mendes", "March 3, 2024",
                         *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert body_of(records[1]) == SECOND


@pytest.mark.parametrize("meta", [["By Carla Mendes"], ["Published: 4 March 2024"],
                                  ["Stand: 04.03.2024, 10:15 Uhr"]],
                         ids=["byline", "date", "german-date-label"])
def test_a_signed_next_article_with_a_cryptic_headline_is_split(
        meta: list[str], no_rules: cleaner.RuleSet) -> None:
    """A headline that shares no word with its story ('Breaking the Deadlock') still
    opens the next article when a byline or a date stands right under it."""
    headline = "Breaking the Deadlock at Last"
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, "Advertisement", headline, *meta, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, headline]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


@pytest.mark.parametrize("separator", ["Up next", "NEXT", "Nächster Artikel"])
def test_a_cryptic_headline_right_under_a_separator_opens_the_next_article(
        separator: str, no_rules: cleaner.RuleSet) -> None:
    """'Up next' right over a headline announces the next article, even one whose
    title shares few words with its first paragraphs and has no byline."""
    headline = "Breaking the Deadlock at Last"
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, separator, headline, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, headline]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


def test_a_title_like_caption_printed_twice_under_the_next_headline_is_cut(
        no_rules: cleaner.RuleSet) -> None:
    """Under a headline the split found, a line printed twice in a row is the photo's
    caption and its copy, title-shaped or not."""
    caption = "Dock workers at the gates of the port on Sunday morning"
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, "Up next", SECOND_HEADLINE, "By Carla Mendes",
                         caption, caption, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert body_of(records[1]) == SECOND


@pytest.mark.parametrize("headline", [
    HEADLINE, "Will the drought force farmers out of the valley?"], ids=["title", "question"])
def test_a_caption_printed_under_the_headline_and_its_echo_is_cut(
        headline: str, no_rules: cleaner.RuleSet) -> None:
    """Headline, its caption, widgets, the headline again and the caption again over
    the story: the line printed under each copy of the title is its caption, a
    sentence with no credit too (a question headline as well); the story's own
    paragraphs stay."""
    caption = "Farmers walk past a dry irrigation canal near Fresno on Monday."
    text = "\n\n".join([*NAV, headline, caption, "Escuchar", "Guardar", headline, caption,
                         *ARTICLE, *MOST_READ, *FOOTER])
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline == headline
    assert body_of(record) == ARTICLE


def test_the_next_page_after_its_cookie_banner_and_a_sign_up_prompt_is_split(
        no_rules: cleaner.RuleSet) -> None:
    """The next page's cookie banner, then a sign-up prompt of a full sentence, then
    the next headline: the prompt is no story paragraph, so the page break above it
    still sets the headline apart."""
    between = ["This website uses cookies.", "Accept", "Reject",
               "Subscribe to our free newsletter and get the most important news by email."]
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, *between, SECOND_HEADLINE, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


def test_a_next_article_link_printed_twice_opens_nothing(no_rules: cleaner.RuleSet) -> None:
    """A page's 'Next article' link to one title, at its top and at its foot, over
    text that does not lead from that title: no second article starts there."""
    link = ["Next article", "Breaking the Deadlock at Last"]
    text = "\n\n".join([*link, *NAV, HEADLINE, BYLINE, DATE, *ARTICLE, *MOST_READ, *link,
                         *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [HEADLINE]


@pytest.mark.parametrize("before", [["Next article"], ["© 2024 Harbour Courier"]],
                         ids=["separator", "footer"])
def test_a_short_next_article_under_many_widgets_is_split(
        before: list[str], no_rules: cleaner.RuleSet) -> None:
    """After a separator or a page's footer, the widget lines under the next headline
    ('Listen', 'Share', 'Facebook') do not push its story out of the lead window."""
    widgets = ["By Carla Mendes", "March 4, 2024", "Escuchar", "Guardar", "Facebook", "X",
               "WhatsApp", "Email", "Print", "Copy link"]
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, *before, SECOND_HEADLINE, *widgets, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


def test_a_next_article_with_widgets_under_its_date_is_split(no_rules: cleaner.RuleSet) -> None:
    """'Date / Listen' under a headline is no 'title / section' teaser pair, and a
    menu line ('About us | Contact') over a 'LIVE' banner is no teaser title."""
    text = "\n".join([FIRST_HEADLINE, *FIRST, "About us | Contact | Careers | Advertise", "LIVE",
                       SECOND_HEADLINE, "By Carla Mendes", "March 4, 2024", "Escuchar", "Guardar",
                       *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


def test_an_echoed_headline_whose_story_starts_far_below_is_split(
        no_rules: cleaner.RuleSet) -> None:
    """Endless scroll: headline, caption, a row of widgets, the headline again, the
    caption again; the story starts under the echo, further down than a lead is
    looked for under a headline."""
    caption = ["Dock workers leave the port after the vote.", "Ana Ruiz / Reuters"]
    head = [SECOND_HEADLINE, *caption, "Font size", "Small", "Medium", "Large", "Listen",
            "Share", "Print", SECOND_HEADLINE, *caption, "By Carla Mendes"]
    text = "\n\n".join([FIRST_HEADLINE, *FIRST, *head, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


def test_an_ad_label_printed_twice_around_a_short_sentence_does_not_split_a_story(
        no_rules: cleaner.RuleSet) -> None:
    """'Story continues below advertisement' twice looks like a headline and its echo;
    a line a boilerplate pattern names opens no article (a property test found it)."""
    ad = "Story continues below advertisement"
    headline = "City Council Approves New Water Treatment Plant After Long Debate"
    article = [
        "The city council voted 7-2 on Tuesday to approve a $45 million water treatment plant "
        "on the east bank of the river, ending more than a year of debate over its cost.",
        "Supporters said the plant would replace equipment that dates from the 1960s and has "
        "failed three times since January, forcing boil-water notices across the city.",
        "Reyes declined to comment on the vote.",
        '"We cannot keep patching a system that was built for half the people who live here '
        'now," said council member Maria Lopez, who chaired the infrastructure committee.',
        "Opponents argued that the project should wait for a state grant decision expected "
        "next spring, which could cover up to a third of the construction bill.",
        "Construction is scheduled to begin in March and take about two years. Residents will "
        "see a small increase in their water bills from July, the city said."]
    text = "\n".join([headline, *article[:2], ad, article[2], ad, *article[3:]])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == headline
    assert body_of(record) == article


def test_a_short_story_before_a_signed_next_article_is_split(no_rules: cleaner.RuleSet) -> None:
    """Two full paragraphs are story enough when the next headline is signed."""
    text = "\n\n".join([FIRST_HEADLINE, *FIRST[:2], "Advertisement", SECOND_HEADLINE,
                         "By Carla Mendes", *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST[:2], SECOND]


def test_a_two_word_echoed_label_does_not_split_a_short_standfirst_off(
        no_rules: cleaner.RuleSet) -> None:
    """'Dive Deeper' printed twice over the byline is a widget, not a headline: a
    page whose story starts under it stays one record."""
    text = "\n".join([*NAV, HEADLINE, ARTICLE[0], ARTICLE[1], "Dive Deeper", "Listen",
                       "Dive Deeper", BYLINE, *ARTICLE[2:], *FOOTER])
    assert len(cleaner.clean_text(text, rules=no_rules)) == 1


@pytest.mark.parametrize("footer", [["Impressum | Datenschutz | Kontakt"],
                                    ["© 2024 Example Media. All rights reserved"],
                                    ["All content © 2024 Example Media Holdings"],
                                    ["Beispiel Verlag GmbH. Alle Rechte vorbehalten."],
                                    ["Diese Website verwendet Cookies.", "Zustimmen"]],
                         ids=["link-row", "copyright", "copyright-year-inside",
                              "rights-reserved-german", "next-pages-cookie-banner"])
def test_the_next_page_after_the_last_pages_footer_is_split(
        footer: list[str], no_rules: cleaner.RuleSet) -> None:
    """Endless scroll: the first page's footer, then the next page's headline with
    no byline or date, and its story."""
    text = "\n".join([FIRST_HEADLINE, *FIRST, *footer, SECOND_HEADLINE, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


def test_a_teaser_header_under_the_last_pages_footer_announces_the_next_article(
        no_rules: cleaner.RuleSet) -> None:
    """'More stories' right under a page's footer heads the next page's article, not a
    teaser list: the headline under it opens a second record."""
    text = "\n".join([FIRST_HEADLINE, *FIRST, "Impressum | Datenschutz | Kontakt",
                      "More stories", SECOND_HEADLINE, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST, SECOND]


def test_a_signed_headline_under_a_teaser_list_and_a_share_widget_opens_the_next_article(
        no_rules: cleaner.RuleSet) -> None:
    """The last teaser title over 'Facebook / Twitter / WhatsApp' is no 'title / section'
    entry right above the next headline: its byline marks it."""
    text = "\n".join([FIRST_HEADLINE, *FIRST, "Most read", *sidebar("full")[:6:2],
                      "Facebook", "Twitter", "WhatsApp", SECOND_HEADLINE, BYLINE, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert body_of(records[1]) == SECOND


def test_a_prompt_over_a_short_label_is_no_teaser_entry_above_the_next_headline(
        no_rules: cleaner.RuleSet) -> None:
    """'Follow us on Instagram' over a two-word line reads like a 'title / section'
    teaser entry by shape, but a prompt is no teaser's title: the signed headline
    under them opens the next article."""
    text = "\n".join([FIRST_HEADLINE, *FIRST, "Follow us on Instagram for the day's best photos",
                      "Page two", SECOND_HEADLINE, BYLINE, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert body_of(records[1]) == SECOND


@pytest.mark.parametrize("between", [["Up next"], ["Impressum | Datenschutz | Kontakt"]],
                         ids=["separator", "footer"])
def test_a_short_article_above_a_separator_or_footer_is_split_off(
        between: list[str], no_rules: cleaner.RuleSet) -> None:
    """Two paragraphs are an article's worth when a separator or a page's footer stands
    right above the next headline."""
    text = "\n".join([FIRST_HEADLINE, *FIRST[:2], *between, SECOND_HEADLINE, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, SECOND_HEADLINE]
    assert [body_of(r) for r in records] == [FIRST[:2], SECOND]


def test_a_signed_headline_of_short_words_only_opens_the_next_article(
        no_rules: cleaner.RuleSet) -> None:
    """'Man, 32, held as cops hunt gun': no word of five letters or more to compare with
    the story above, so its short words are compared instead."""
    second = "Man, 32, held as cops hunt gun"
    text = "\n".join([FIRST_HEADLINE, *FIRST, "Advertisement", second, BYLINE, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, second]
    assert body_of(records[1]) == SECOND


def test_an_unsigned_headline_of_short_words_leads_into_its_story(
        no_rules: cleaner.RuleSet) -> None:
    """Under the last page's footer, 'Man, 32, held as cops hunt gun' shares its short
    words with the story under it: it opens the next article."""
    second = "Man, 32, held as cops hunt gun"
    story = ["A man of 32 was held overnight as cops searched the park for the gun used in "
             "Saturday's robbery, police said on Sunday.",
             "Officers said the man was held after a caller saw him near the park gates "
             "shortly before midnight, and that the search would go on today.",
             "The cops asked anyone who saw the gun being thrown away to call the station, "
             "and said the park would stay closed until the search ends.",
             "Neighbours said they had heard two shots on Saturday night and seen a car leave "
             "the park at speed a few minutes later."]
    text = "\n".join([FIRST_HEADLINE, *FIRST, "Impressum | Datenschutz | Kontakt", second,
                      *story])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE, second]
    assert body_of(records[1]) == story


def test_a_credited_caption_printed_around_a_short_paragraph_splits_nothing(
        no_rules: cleaner.RuleSet) -> None:
    """'Caption. Photo: Name/Agency', a short sentence, the caption again (found by the
    property test): a caption, not a headline and its echo."""
    caption = "A farmer checks a dry canal outside Fresno on Monday. Photo: Jane Doe/Reuters"
    story = [*ARTICLE[:2], caption, "Ortega declined to comment on the cuts.", caption,
             *ARTICLE[2:]]
    records = cleaner.clean_text("\n".join([HEADLINE, *story]), rules=no_rules)
    assert [r.headline for r in records] == [HEADLINE]
    assert "Ortega declined to comment on the cuts." in body_of(records[0])


def test_a_consent_blurb_above_a_signed_headline_does_not_become_a_record(
        no_rules: cleaner.RuleSet) -> None:
    """The split finds the headline under page furniture; what is left above it once
    cleaned (no headline, one paragraph) goes back to the page, not out as a record."""
    furniture = [*NAV, "Most read", *sidebar("full")[:4],
                 "The administrator of your personal data will be Example Media, 1 Main "
                 "Street, Springfield. Details on how we process personal data are in the "
                 "privacy policy and in the message confirming your subscription.",
                 "Weather Traffic Jobs"]
    text = "\n".join([*furniture, HEADLINE, BYLINE, "March 4, 2024", *ARTICLE, *FOOTER])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [HEADLINE]
    assert body_of(records[0]) == ARTICLE


def test_a_signed_teaser_in_the_middle_of_a_story_does_not_split_it(
        no_rules: cleaner.RuleSet) -> None:
    """'More articles / title / By X' mid-story, the story going on under it."""
    teaser = "Rival Farmers Weigh the Same Drought Aid Plan"
    text = "\n\n".join([FIRST_HEADLINE, *FIRST[:3], "More articles", teaser,
                         "By Carla Mendes", *FIRST[3:]])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE]


@pytest.mark.parametrize("headline", [FIRST_HEADLINE, "Drought: How Long Can the Farms Hold On?",
                                      "干ばつで畑は守れるのか？"],
                         ids=["title", "question", "cjk-question"])
def test_a_headline_printed_twice_around_credited_captions_stays_the_headline(
        headline: str, no_rules: cleaner.RuleSet) -> None:
    """'headline / caption. Photo: X / headline / caption. Photo: Y' over the story:
    the second copy is the headline's echo, not a caption's (a question too)."""
    caption = "Farmers walk past unplanted fields near the river. Photo: Reuters"
    text = "\n\n".join([headline, caption, headline, caption.replace("Reuters", "AFP"), *FIRST])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == headline
    assert body_of(record) == FIRST


def test_a_headline_echoed_over_the_story_and_repeated_far_below_stays_the_headline(
        no_rules: cleaner.RuleSet) -> None:
    """'headline / caption / caption / headline' over the story, the headline again
    under it: the echo over the story is the one kept."""
    caption = "Farmers walk past unplanted fields near the river on May 7, 2025. (EPA)"
    story = FIRST + SECOND  # longer than the reach of an echo
    text = "\n\n".join([FIRST_HEADLINE, caption, caption, FIRST_HEADLINE, *story,
                         FIRST_HEADLINE])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == FIRST_HEADLINE
    assert body_of(record) == story


STORM_STORY = [
    "Forecasters said gusts of up to 90 miles an hour could reach the coastal towns on "
    "Friday, with the strongest winds expected after dark.",
    "Residents of the coastal towns were told to secure boats, bins and garden furniture, "
    "and to stay away from the sea front on Saturday.",
    "The storm is the third to hit the coast this month, and crews are still repairing "
    "damage from the last one, the council said.",
    "Schools in two of the towns will close early on Friday so that children can get home "
    "before the winds pick up, officials said."]


def test_the_headline_above_byline_and_caption_wins_over_its_longer_standfirst(
        no_rules: cleaner.RuleSet) -> None:
    """'headline / byline / caption / standfirst' (a title-like summary with no full
    stop, longer than the headline): the title above the furniture is the headline."""
    headline = "Strong winds possible in severe storm outbreak in coastal towns"
    standfirst = "Strong winds are possible across the coastal towns both Friday and Saturday"
    story = STORM_STORY
    text = "\n\n".join(["Open menu", "Update", headline, "By Carla Mendes, Staff Writer",
                         "A man ties down a boat in the harbour. Photo: Ana Ribeiro / AFP",
                         standfirst, *story])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == headline
    assert standfirst in (record.standfirst or record.body)
    assert body_of(record)[-len(story):] == story


@pytest.mark.parametrize("top", [["Put the Example Post on your phone, it is free today."],
                                 ["Put the Example Post on your phone, it is free today.",
                                  "Exclusive"]], ids=["prompt", "prompt-and-banner"])
def test_a_headline_under_a_short_prompt_sentence_is_the_headline(
        top: list[str], no_rules: cleaner.RuleSet) -> None:
    """A one-sentence prompt no pattern knows, right over the headline, makes the
    densest stretch begin above the headline: the headline is still found there, and
    stays out of the body."""
    caption = "A farmer walks through a dry field near Fresno. Photo: Ana Ribeiro / AFP"
    text = "\n".join([*top, HEADLINE, caption, *ARTICLE, *FOOTER])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == HEADLINE
    assert body_of(record)[:len(ARTICLE)] == ARTICLE


def test_a_title_like_caption_printed_twice_in_a_row_is_no_echoed_headline(
        no_rules: cleaner.RuleSet) -> None:
    """A caption with no full stop printed twice running under the dated headline: a
    caption and its copy (both cut), not a headline echoed under its captions."""
    caption = "Farmers inspect a dry irrigation canal outside Fresno in the Central Valley"
    text = "\n".join(["Breaking", HEADLINE, DATE, caption, caption, *ARTICLE, *FOOTER])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == HEADLINE
    assert body_of(record)[:len(ARTICLE)] == ARTICLE


def test_a_four_word_headline_over_byline_and_date_wins_over_its_standfirst(
        no_rules: cleaner.RuleSet) -> None:
    """A short title ('Coast braces for storm') signed and dated under it is the
    headline, not the longer title-like standfirst below the byline and date."""
    headline = "Coast braces for storm"
    standfirst = "Strong winds are possible across the coastal towns both Friday and Saturday"
    text = "\n\n".join(["Open menu", "Update", headline, "By Carla Mendes, Staff Writer",
                         "Posted on 21.10.2017",
                         "A man ties down a boat in the harbour. Photo: Ana Ribeiro / AFP",
                         standfirst, *STORM_STORY])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == headline
    assert standfirst in (record.standfirst or record.body)


@pytest.mark.parametrize("headings", [["What happened next", "Reactions"],
                                      ["Reactions", "What happened next"]],
                         ids=["word-heading-last", "word-heading-first"])
def test_a_sub_heading_and_a_one_word_heading_in_a_row_stay_in_a_page(
        headings: list[str], no_rules: cleaner.RuleSet) -> None:
    """In a whole page, two headings in a row over a paragraph (one of them a single
    word) are the story's, not a list of links."""
    article = [*ARTICLE[:2], *headings, *ARTICLE[2:]]
    [record] = cleaner.clean_text(page(article), rules=no_rules)
    assert body_of(record) == article


def test_two_one_word_lines_in_a_row_in_a_page_are_a_widget(no_rules: cleaner.RuleSet) -> None:
    """'Escuchar / Guardar' between two paragraphs: no heading among them, a widget."""
    [record] = cleaner.clean_text(page([*ARTICLE[:2], "Escuchar", "Guardar", *ARTICLE[2:]]),
                                  rules=no_rules)
    assert body_of(record) == ARTICLE


def test_a_clean_dump_keeps_its_sub_headings_in_a_row_and_its_last_short_line(
        no_rules: cleaner.RuleSet) -> None:
    """Headline and story only, nothing any stage finds to cut: two headings in a row
    (no link list) and a closing short line stay, as everything else does."""
    story = [*FIRST[:2], "What happened", "Reactions", *FIRST[2:], "Key facts"]
    [record] = cleaner.clean_text("\n\n".join([FIRST_HEADLINE, *story]), rules=no_rules)
    assert record.headline == FIRST_HEADLINE
    assert body_of(record) == story


@pytest.mark.parametrize("headline", [
    "Kenia: Nairobi von unten",  # shorter than the title-like standfirst under it
    "Farmers Leave Fields Unplanted as Drought Deepens Across the Central Valley and the "
    "State Cuts Water Allocations to Historic Lows",  # longer than any headline score allows
])
def test_a_clean_dump_opens_with_its_headline_above_a_title_like_standfirst(
        headline: str, no_rules: cleaner.RuleSet) -> None:
    """Headline and story only: the first line is the headline, and the title-like
    standfirst under it (no full stop) stays the story's first paragraph."""
    story = ["Farmers across the valley are leaving fields unplanted as the drought deepens",
             *FIRST]
    [record] = cleaner.clean_text("\n\n".join([headline, *story]), rules=no_rules)
    assert record.headline == headline
    assert body_of(record) == story


@pytest.mark.parametrize("headline", [
    "„Wer nicht pflanzt, verliert. Wir haben keine Wahl.“",
    "“We cannot plant. There is no water left.”",
    "«Nous ne pouvons plus semer»",
])
def test_a_clean_dump_opening_with_a_quoted_headline_keeps_its_story(
        headline: str, no_rules: cleaner.RuleSet) -> None:
    """A quotation for a headline, even one of two sentences, over the story only:
    the headline, and exactly the story below it."""
    [record] = cleaner.clean_text("\n\n".join([headline, *FIRST]), rules=no_rules)
    assert record.headline == headline
    assert body_of(record) == FIRST


def test_teaser_list_with_dates_and_excerpts_does_not_split_a_story(
        no_rules: cleaner.RuleSet) -> None:
    """'Title / date' pairs under a story are a teaser list, even where a long excerpt
    follows the last one."""
    teasers = []
    for title, _ in TEASERS[:3]:
        teasers += [title, "March 3, 2024"]
    text = "\n\n".join([HEADLINE, *ARTICLE, "More stories", *teasers, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [HEADLINE]


def test_a_list_item_running_on_into_the_next_is_no_headline(no_rules: cleaner.RuleSet) -> None:
    """'...; and' closes an item that runs on into the next: however the story under it
    speaks of the same things, and with a caption printed twice below, it heads no new
    article."""
    caption = "Street traders set out their stalls near the station [Ridgeway Photo]"
    below = [
        "A durable settlement requires collaboration between traders, property owners and "
        "municipal authorities, who have spent years in court instead of at the table.",
        "Property owners say the authorities let stalls block entrances, while traders say "
        "municipal officers confiscate goods without warning or receipts.",
        "Stakeholders met twice last year, but the talks broke down over who would pay for "
        "cleaning, lighting and security in the busiest streets of the inner city.",
        "Municipal authorities have promised a new round of talks in the spring, with an "
        "independent mediator chosen by both the traders and the property owners."]
    items = ["Investing in adequate infrastructure;",
             "Promoting collaboration among traders, property owners, municipal authorities "
             "and other stakeholders; and",
             "Enforcing regulations that protect livelihoods instead of punishing them."]
    text = "\n\n".join([HEADLINE, *ARTICLE, *items, "How we got here", caption, caption,
                         *below])
    assert len(cleaner.clean_text(text, rules=no_rules)) == 1


def test_a_caption_echoed_mid_story_does_not_split_it(no_rules: cleaner.RuleSet) -> None:
    """'Caption / credit / caption / credit' inside one story is a duplicated caption."""
    caption = "Farmers Walk Past Unplanted Fields Near the River"
    text = "\n\n".join([FIRST_HEADLINE, *FIRST[:2], caption, CREDIT, caption, CREDIT,
                         *FIRST[2:]])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [FIRST_HEADLINE]
    assert body_of(records[0]) == FIRST
    assert caption in records[0].captions


def test_a_headline_under_a_repeated_cookie_banner_keeps_its_first_copy(
        no_rules: cleaner.RuleSet) -> None:
    """The cookie banner's buttons are printed twice and the headline once more at the
    foot: the headline right under the first banner is no part of a repeated block, so
    it stays the headline (its copy at the foot goes)."""
    banner = ["Diese Website verwendet Cookies.", "Zustimmen", "Ablehnen"]
    text = "\n".join([*banner, HEADLINE, DATE, *ARTICLE[:3], *banner, *ARTICLE[3:], HEADLINE,
                      "Impressum | Datenschutz | Kontakt"])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == HEADLINE
    assert HEADLINE not in record.body


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["single-lines", "blank-lines"])
def test_whole_page_whose_teaser_list_repeats_a_headline_is_not_split(
        sep: str, no_rules: cleaner.RuleSet) -> None:
    after = ["Most read", HEADLINE, *MOST_READ[1:], "Latest", MOST_READ[1], *FOOTER]
    records = cleaner.clean_text(page(after=after, sep=sep), rules=no_rules)
    assert len(records) == 1
    assert records[0].headline == HEADLINE
    assert body_of(records[0]) == ARTICLE


def test_blank_line_page_with_sidebar_after_a_gap_is_not_split(no_rules: cleaner.RuleSet) -> None:
    """A whole page saved with blank lines: the sidebar's own headlines after a long gap,
    with sentence excerpts, must not become a second article."""
    text = ("\n\n".join(NAV) + "\n\n\n\n" + "\n\n".join([HEADLINE, BYLINE, DATE, *ARTICLE])
            + "\n\n\n\n" + "\n\n".join(["Most read", *sidebar("full")[:8]])
            + "\n\n\n\n" + "\n\n".join(FOOTER))
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [HEADLINE]
    assert body_of(records[0])[:len(ARTICLE)] == ARTICLE


def test_sub_heading_after_two_blank_lines_does_not_start_an_article(
        no_rules: cleaner.RuleSet) -> None:
    """Two blank lines before a title, with no echo of it, are a wider gap, not a new story."""
    text = "\n\n".join([HEADLINE, *ARTICLE[:4]]) + "\n\n\n" + "\n\n".join(ARTICLE[4:])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [HEADLINE]
    assert body_of(records[0]) == ARTICLE


@pytest.mark.parametrize("line, headline", [
    ("Storm closes the harbour for a week | Coastline News", "Storm closes the harbour for a week"),
    ("Storm closes the harbour for a week Back to video", "Storm closes the harbour for a week"),
    ("Storm closes the harbour - What Comes Next", "Storm closes the harbour - What Comes Next"),
    ("Start / Ausland / Storm closes the harbour for a week after the pier gives way",
     "Storm closes the harbour for a week after the pier gives way"),
    ("Front Page » Local » Storm closes the harbour for a week after the pier gives way",
     "Storm closes the harbour for a week after the pier gives way"),
    ("Ferries / Harbour: storm closes the pier for a week, council says",
     "Ferries / Harbour: storm closes the pier for a week, council says"),
])
def test_headline_line_loses_site_suffix_and_player_label(line: str, headline: str,
                                                         no_rules: cleaner.RuleSet) -> None:
    text = "\n".join(["Home", "News", line,
                      "The harbour was closed on Monday after the storm damaged the pier.",
                      "Ferries will run from the north quay until repairs are finished.",
                      "The council said the work would take at least a week."])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.headline == headline


@pytest.mark.parametrize("line, published", [
    ("Tue, 26 November 2024 9:27PM", "2024-11-26"),
    ("Published April 25, 2023 2:26 PM GMT+2", "2023-04-25"),
    ("Updated: 2024-03-05 09:30", "2024-03-05"),
    ("3 hours ago", None),
])
def test_date_line_under_the_headline_gives_published(line: str, published: str | None,
                                                      no_rules: cleaner.RuleSet) -> None:
    text = "\n".join(["Home", "News", "Storm closes the harbour for a week", "By Jane Doe",
                      line,
                      "The harbour was closed on Monday after the storm damaged the pier.",
                      "Ferries will run from the north quay until repairs are finished.",
                      "The council said the work would take at least a week."])
    [record] = cleaner.clean_text(text, rules=no_rules)
    assert record.published == published
    assert record.authors == ["Jane Doe"]


@pytest.mark.parametrize("above, headline", [
    (["Weather Traffic Jobs Classifieds Events"], "Storm closes the harbour for a week"),
    ([], "Is the harbour safe? What the storm tells us about the pier"),
], ids=["menu-line-above", "question-then-phrase"])
def test_headline_is_the_title_not_a_menu_or_byline_line(
        above: list[str], headline: str, no_rules: cleaner.RuleSet) -> None:
    """A menu line is no headline; a two-part headline that asks first is one; a line
    of names ('Colm Gallagher and Owen Pritchard') is a byline."""
    text = "\n\n".join([*above, headline, "Colm Gallagher and Owen Pritchard", *ARTICLE])
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline == headline
    assert body_of(record) == ARTICLE


def test_a_sub_heading_next_to_a_short_line_stays_over_its_paragraph(
        no_rules: cleaner.RuleSet) -> None:
    """In a page copy (its menu cut), a stray short line (a widget label nobody knows)
    and a sub-heading make a run of two; the sub-heading over a full paragraph is the
    story's and stays, the label goes."""
    subheading = "What farmers say now"
    article = [*ARTICLE[:2], subheading, *ARTICLE[2:]]
    text = "\n\n".join([*NAV, HEADLINE, *ARTICLE[:2], "Zoom in", subheading, *ARTICLE[2:]])
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert body_of(record) == article


def test_a_line_up_before_the_last_paragraphs_stays(no_rules: cleaner.RuleSet) -> None:
    line_up = ["The line-up:", "Goal: Jan Kessler", "Defence: Mert Yildiz",
               "Midfield: Paul Reinhardt", "Attack: Luca Berisha", "Coach: Ana Ruiz",
               "Bench: Tom Weber"]
    last = "The league said it would rule on the result within a week."
    article = [*ARTICLE, *line_up, last]
    record = cleaner.clean_text("\n\n".join([HEADLINE, *article, *FOOTER]), rules=no_rules)[0]
    assert body_of(record) == article


def test_a_paragraph_under_the_storys_closing_list_and_two_cut_lines_stays(
        no_rules: cleaner.RuleSet) -> None:
    """A list right under the last paragraph is the story's; a paragraph past a
    link and an ad slot under the list still is too."""
    tour = ["12 May – Berlin, Tempodrom", "14 May – Hamburg, Docks", "16 May – Köln, E-Werk"]
    last = "Tickets go on sale on Friday, the promoter said, and will cost between 40 and 60 euros."
    text = "\n\n".join([*NAV, HEADLINE, *ARTICLE, *tour, "Read more: Ferry fares rise again",
                         "Advertisement", last, *FOOTER])
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert body_of(record) == [*ARTICLE, *tour, last]


@pytest.mark.parametrize("meta", [["Last updated: 2024-03-04 05:45"],
                                  ["Colm Gallagher and Owen Pritchard", "March 4, 2024"]],
                         ids=["date", "names-and-date"])
def test_a_longer_headline_over_a_date_wins_over_the_standfirst_below(
        meta: list[str], no_rules: cleaner.RuleSet) -> None:
    """Headline, byline or date, then a title-like standfirst shorter than the
    headline: the line over the byline and date is the headline."""
    headline = ("Valley farmers face the hardest choice in a generation after the driest "
                "spring on record")
    standfirst = "The decision came days after the state cut its water allocations to historic lows"
    text = page_copy(headline, *meta, standfirst)
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline == headline
    assert body_of(record) == [standfirst, *ARTICLE]


def test_a_headline_printed_twice_under_a_cookie_notice_stays_the_headline(
        no_rules: cleaner.RuleSet) -> None:
    """A consent sentence above it is no story start: the title printed twice around
    credited captions is the headline and its echo, not a caption."""
    headline = "Farmers leave Central Valley fields unplanted as the drought deepens"
    cookie = "By using this site you consent to our use of cookies in accordance with our policy."
    caption = "A farmer walks past a dry irrigation canal near Fresno. Photo: Getty Images"
    text = "\n\n".join([cookie, headline, caption, headline, caption.replace("Getty Images", "AP"),
                         *ARTICLE])
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline == headline


def test_an_echoed_headline_stays_the_headline_under_a_two_part_notice(
        no_rules: cleaner.RuleSet) -> None:
    """Notice, headline, captions, the headline again, byline, a title-like standfirst:
    the title printed twice is the headline, not the shorter notice above it."""
    headline = "Wine Guy: three rosé bottles to sip on a sunny day this summer"
    notice = "This content is hosted by a third party. Show external content?"
    caption = "A glass of rosé on a terrace in the sun. [ANP]"
    standfirst = "Pink wines made from red grapes taste lighter than red wines from the same grapes"
    story = ["Rosé wine is made from red grapes whose skins touch the juice only briefly, "
             "which gives it its pink colour and a lighter taste than red wine.",
             *FIRST]
    text = "\n".join([notice, "Show", headline, caption, caption, headline, caption,
                      "By Marcus Oyelaran", standfirst, *story, *MOST_READ, *FOOTER])
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline == headline


def test_the_headline_is_found_above_a_long_run_of_page_furniture(
        no_rules: cleaner.RuleSet) -> None:
    """Fifteen lines of section labels and tags between the headline and the story:
    the headline is still found above them."""
    tags = ["Farming", "Drought", "California", "Water", "Agriculture", "Climate", "Almonds",
            "Tomatoes", "Fresno", "Central Valley", "Irrigation", "Groundwater", "Weather",
            "Economy", "Food prices"]
    text = page_copy(HEADLINE, BYLINE, *tags)
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline == HEADLINE
    assert body_of(record) == ARTICLE


def test_a_shorter_title_above_the_best_counts_only_if_the_story_is_about_it(
        no_rules: cleaner.RuleSet) -> None:
    """A player's notice stands right above a video caption that scores best: a
    shorter title above a candidate is its headline only when the story speaks of
    what it says."""
    notice = "Media playback is unsupported on your device"
    text = page_copy("Drought: farmers leave Central Valley fields unplanted", DATE,
                     "Close share panel", "Coronavirus pandemic", notice,
                     "Media caption Drone footage shows farmers leaving Central Valley fields")
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline != notice


@pytest.mark.parametrize("widget", [
    "Media playback is unsupported on your device",
    "Search the archive of this author on our partner sites",
], ids=["player-notice", "author-search"])
def test_a_title_like_widget_line_over_the_story_is_no_headline(
        widget: str, no_rules: cleaner.RuleSet) -> None:
    """Lines shaped like titles but about nothing the story is about, standing between
    the headline and the story (a share panel, a player's notice): the headline is
    the title that names the story's subject."""
    headline = "Farmers leave Central Valley fields unplanted as the drought deepens"
    share = ["Share this with Facebook", "Share this with WhatsApp", "Copy this link",
             "These are external links and will open in a new window", "Close share panel"]
    text = page_copy(headline, BYLINE, *share, widget)
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline == headline


@pytest.mark.parametrize("dated", [
    "Publié le 30 août 2023 à 14h52, modifié le 30 août 2023 à 15h54",
    "13/01/2025 10:22 Actualizado a 13/01/2025 15:43",
    "公開日： 2025/01/31 11:30 更新日： 2025/01/31 11:30",
    "Innlent | mbl | 11.2.2025 | 23:55 | Uppfært 12.2.2025 7:25",
], ids=["french", "spanish", "japanese", "icelandic"])
def test_a_date_line_in_any_language_is_no_headline(dated: str, no_rules: cleaner.RuleSet) -> None:
    """A line with a date and a clock time says when the story was published: under
    the headline, its standfirst and widgets, right over the story, it is no title."""
    standfirst = "The decision came days after the state cut its water allocations to historic lows"
    text = page_copy(HEADLINE, standfirst, "Comment", "Share", dated)
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline == HEADLINE


def test_a_headline_opening_with_a_photo_word_and_a_colon_is_the_headline(
        no_rules: cleaner.RuleSet) -> None:
    """'Erstes Bild: ...' has a credit label's shape, but running words follow it."""
    headline = "Erstes Bild: So könnte die neue Seilbahn über den Rhein aussehen"
    text = page_copy(headline, BYLINE, DATE)
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline == headline


def test_a_two_sentence_caption_over_the_story_is_no_headline(
        no_rules: cleaner.RuleSet) -> None:
    """A caption's second sentence ends in a full stop: the title above it is the headline."""
    caption = "Farmers walk past a dry irrigation canal. The canal has been empty since March."
    text = page_copy(HEADLINE, BYLINE, DATE, caption)
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline == HEADLINE


@pytest.mark.parametrize("credit", ["[dpa]", "(dpa)", "[epa/afp]"])
def test_a_caption_with_a_bracketed_agency_credit_is_no_headline(
        credit: str, no_rules: cleaner.RuleSet) -> None:
    """Headline, its caption twice, widgets, the headline again and the caption with
    another credit over the story: a sentence and an agency's name in brackets is a
    caption, however close it stands to the story and however short the headline."""
    headline = "Fields Lie Bare as Drought Deepens"
    caption = f"Farmers walk past a dry irrigation canal near Fresno on Monday. {credit}"
    text = page_copy(headline, caption, caption, "Escuchar", "Guardar", headline,
                     caption.replace(credit, "[AP]"))
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline == headline


@pytest.mark.parametrize("headline", [
    "Will the Central Bank Cut Rates Again? Clear Signal",
    "Farmers are leaving their fields unplanted. Here's why",
    "Farmers are leaving their fields unplanted. Why that may be a costly bet, growers say",
], ids=["question-then-capitalised-words", "sentence-then-tag-line",
        "sentence-then-running-words"])
def test_a_two_part_headline_over_a_page_copy_is_the_headline(
        headline: str, no_rules: cleaner.RuleSet) -> None:
    """A question followed by capitalised words is no caption with its credit, and
    a second part after a full stop (a short tag line, or running words with no full
    stop of their own) does not make the title a caption."""
    text = page_copy(headline, BYLINE, DATE)
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert record.headline == headline
    assert body_of(record) == ARTICLE


def test_two_headings_in_a_row_over_a_paragraph_stay_in_a_page_copy(
        no_rules: cleaner.RuleSet) -> None:
    """A page copy (menus, footer): a section heading and a sub-heading right above
    a full paragraph are the story's, not a two-line link list."""
    article = [*ARTICLE[:4], "What comes next", "The water board's view", *ARTICLE[5:]]
    record = cleaner.clean_text(page(article=article), rules=no_rules)[0]
    assert body_of(record) == article


def test_a_heading_set_apart_by_an_ad_label_stays(no_rules: cleaner.RuleSet) -> None:
    article = [*ARTICLE[:4], "What comes next", "Advertisement", "Where the water goes",
               *ARTICLE[5:]]
    record = cleaner.clean_text(page(article=article), rules=no_rules)[0]
    assert body_of(record) == [a for a in article if a != "Advertisement"]


@pytest.mark.parametrize("heading", ["Reactions", "Reaktionen"])
def test_a_one_word_heading_set_apart_by_cut_lines_stays(
        heading: str, no_rules: cleaner.RuleSet) -> None:
    """A one-word sub-heading with an ad label over it and a link under it, inside a
    run of short lines: the cut lines set it apart from the rest of the run."""
    article = [*ARTICLE[:4], "What comes next", "Advertisement", heading,
               "Read more: Council Budget Talks Stall Over Bus Fares", "Where the water goes",
               *ARTICLE[5:]]
    record = cleaner.clean_text(page(article=article), rules=no_rules)[0]
    assert heading in body_of(record)


def test_the_title_of_a_cut_sign_up_prompt_goes_with_it(no_rules: cleaner.RuleSet) -> None:
    prompt = ["The evening edition", "Sign up for our newsletter to get it in your inbox."]
    article = [*ARTICLE[:4], *prompt, "Where the water goes", *ARTICLE[5:]]
    record = cleaner.clean_text(page(article=article), rules=no_rules)[0]
    assert body_of(record) == [*ARTICLE[:4], "Where the water goes", *ARTICLE[5:]]


@pytest.mark.parametrize("credit", [
    "With files from The Canadian Press",
    "Compiled by Ana Ribeiro",
    "Reporting: Ana Ribeiro; editing: Luis Arrieta",
    "Mit Material von dpa",
])
def test_a_wire_credit_under_the_last_paragraph_of_a_page_copy_stays(
        credit: str, no_rules: cleaner.RuleSet) -> None:
    """A credit line of any common form closes the story; the page's lists below go."""
    record = cleaner.clean_text(page(article=[*ARTICLE, credit]), rules=no_rules)[0]
    assert body_of(record) == [*ARTICLE, credit]


def test_an_embedded_post_closing_the_story_keeps_its_attribution(
        no_rules: cleaner.RuleSet) -> None:
    post = ["The vote is in: 7-2 for the new plant. Thank you to everyone who came!",
            "— Maria Lopez (@marialopez) March 4, 2024"]
    record = cleaner.clean_text(page(article=[*ARTICLE, *post]), rules=no_rules)[0]
    assert body_of(record) == [*ARTICLE, *post]


@pytest.mark.parametrize("closing", [
    ["Town Hall, 1 Market Square", "Riverside School, 45 Quay Street",
     "Greenbank Church Hall, 7 Elm Row"],
    ["Remaining dates:", "12 May – Leeds", "14 May – Glasgow", "17 May – Bristol"],
], ids=["addresses", "dates-with-intro"])
def test_a_list_closing_the_story_before_the_page_footer_stays(
        closing: list[str], no_rules: cleaner.RuleSet) -> None:
    """The story's own list as its last lines, right under the last paragraph: the
    footer below it is cut, the list is not."""
    record = cleaner.clean_text(page(article=[*ARTICLE, *closing], after=FOOTER),
                                rules=no_rules)[0]
    assert body_of(record) == [*ARTICLE, *closing]


@pytest.mark.parametrize("listing", [
    ["Final standings:", "1. Kenya 58 pts", "2. Norway 51 pts", "3. Japan 47 pts"],
    ["Die Aufstellung:", "Tor: Jan Kessler", "Abwehr: Mert Yıldız", "Mittelfeld: Paul Reinhardt"],
], ids=["numbered", "labelled"])
def test_a_list_the_story_announces_with_a_colon_stays_among_other_short_lines(
        listing: list[str], no_rules: cleaner.RuleSet) -> None:
    """A line ending in a colon over the story's list items stays, even in a run of
    short lines whose other lines (a sub-heading, a short line of the story) make
    list items no majority of it."""
    article = [*ARTICLE[:3], "Where the water goes", *listing, "What comes next", *ARTICLE[3:]]
    record = cleaner.clean_text(page(article=article), rules=no_rules)[0]
    assert [*listing, "What comes next"] == [p for p in body_of(record) if p in listing
                                             or p == "What comes next"]


def test_a_line_up_between_the_storys_first_paragraphs_stays(no_rules: cleaner.RuleSet) -> None:
    """A list of the story's own under its first paragraph, above the rest: the
    list weighs the body's stretch down so that it starts below it, and the list
    is still the story's, not the page's furniture."""
    line_up = ["The team:", "GK: Piotr Zalewski", "DF: Ama Boateng", "DF: Lars Eriksen",
               "MF: Diego Salcedo", "MF: Jamie Colquhoun"]
    article = [ARTICLE[0], *line_up, *ARTICLE[1:]]
    record = cleaner.clean_text(page(article=article), rules=no_rules)[0]
    assert body_of(record) == article


def test_titles_announced_with_a_colon_are_still_links(no_rules: cleaner.RuleSet) -> None:
    """"Elsewhere today:" over titles of other stories: no list items, so cut as links."""
    links = ["Elsewhere today:", "Stocks Slide as Investors Weigh the Rate Outlook",
             "Heat Wave Grips Southern Europe as Temperatures Climb Again"]
    record = cleaner.clean_text(page(article=[*ARTICLE[:3], *links, *ARTICLE[3:]]),
                                rules=no_rules)[0]
    assert body_of(record) == ARTICLE


def test_a_live_blog_entrys_title_under_its_time_and_author_stays(
        no_rules: cleaner.RuleSet) -> None:
    """A line in a run of short lines whose words the paragraphs under it use
    ('Loud bang heard at the depot' over 'a loud bang was heard at the depot') titles
    the story's own section; the time and author line over it goes."""
    entry = ["21:00 Jane Doe", "Loud bang heard near the pumping station depot on Friday night",
             "Local reporters said a loud bang was heard near the pumping station depot."]
    article = [*ARTICLE[:4], *entry, *ARTICLE[4:]]
    record = cleaner.clean_text(page(article=article), rules=no_rules)[0]
    assert entry[1] in body_of(record) and entry[0] not in body_of(record)


def test_a_link_to_another_story_in_a_run_stays_cut_when_the_paragraph_is_elsewhere(
        no_rules: cleaner.RuleSet) -> None:
    """A teaser title over a paragraph about something else is still a link."""
    links = ["More from the region", "Heat Wave Grips Southern Europe as Temperatures Climb Again"]
    record = cleaner.clean_text(page(article=[*ARTICLE[:3], *links, *ARTICLE[3:]]),
                                rules=no_rules)[0]
    assert body_of(record) == ARTICLE


def test_an_address_list_inside_the_body_stays(no_rules: cleaner.RuleSet) -> None:
    """'Old Fire Station, 18 Mill Road': an address of six words reads like a title,
    but a place, a comma and a street number make it the story's list item."""
    places = ["Drop-in sessions will be held at these places:", "Town Hall, 12 Market Street",
              "St Mary's School, 4 Church Lane", "Old Fire Station, 18 Mill Road"]
    article = [*ARTICLE[:2], *places, *ARTICLE[2:]]
    record = cleaner.clean_text(page(article=article), rules=no_rules)[0]
    assert body_of(record) == article


def test_a_results_list_over_an_ad_slot_and_a_row_of_buttons_stays(
        no_rules: cleaner.RuleSet) -> None:
    """The story's results, then an ad label and a row of widget buttons no pattern
    knows: the run of short lines across the ad slot is mostly not list items, but
    the part of it the ad slot sets off is made of them alone and stays."""
    results = ["1. Faith Kipyegon – Kenya 58", "2. Ingrid Larsen – Norway 51",
               "3. Mei Tanaka – Japan 47"]
    buttons = ["Larger type", "Smaller", "Reset"]
    article = [*ARTICLE[:3], *results, "Advertisement", *buttons, *ARTICLE[3:]]
    record = cleaner.clean_text(page(article=article), rules=no_rules)[0]
    assert body_of(record) == [*ARTICLE[:3], *results, *ARTICLE[3:]]


def test_a_numbered_list_of_other_stories_titles_inside_the_body_is_cut(
        no_rules: cleaner.RuleSet) -> None:
    """Numbers make a list look like the story's own; long titles with capitals after
    their kicker ('Markets: Stocks Slide...') say they are other stories."""
    titles = [f"{n}. {t}" for n, t in enumerate(
        ["Markets: Stocks Slide as Investors Weigh the Rate Outlook",
         "Heat Wave Grips Southern Europe as Temperatures Climb",
         "Why Egg Prices Are Rising Again This Winter"], 1)]
    record = cleaner.clean_text(page(article=[*ARTICLE[:3], *titles, *ARTICLE[3:]]),
                                rules=no_rules)[0]
    assert body_of(record) == ARTICLE


def test_a_numbered_review_list_with_labelled_verdicts_stays(no_rules: cleaner.RuleSet) -> None:
    review = ["1. Lakeland Three-Tier Heated Airer With Cover", "Currently £204.98, Lakeland",
              "We like: the ventilated cover speeds up the drying process",
              "We don't like: it is large when deployed"]
    record = cleaner.clean_text(page(article=[*ARTICLE[:3], *review, *ARTICLE[3:]]),
                                rules=no_rules)[0]
    assert body_of(record) == [*ARTICLE[:3], *review, *ARTICLE[3:]]


def test_labelled_verdicts_in_a_script_other_than_latin_stay(no_rules: cleaner.RuleSet) -> None:
    """'Label: value in lower case' is the story's list in any script, not a title."""
    review = ["1. Сушилка Lakeland с тремя ярусами и чехлом",
              "Плюсы: быстро сохнет и легко складывается после стирки",
              "Минусы: занимает много места в маленькой квартире"]
    record = cleaner.clean_text(page(article=[*ARTICLE[:3], *review, *ARTICLE[3:]]),
                                rules=no_rules)[0]
    assert body_of(record) == [*ARTICLE[:3], *review, *ARTICLE[3:]]


def test_other_stories_titles_right_under_the_story_are_still_cut(
        no_rules: cleaner.RuleSet) -> None:
    titles = MOST_READ[1:]  # no header: only their shape says they are other stories
    record = cleaner.clean_text(page(after=[*titles, *FOOTER]), rules=no_rules)[0]
    assert body_of(record) == ARTICLE


@pytest.mark.parametrize("after", [
    ["Reply", "Deserttrek says:", "August 15, 2020 at 4:53 pm",
     "Nail them to the wall. amazon is bad for the country and the taxpayer", "Reply"],
    ["Best farm deals of the week", "Business / 19 mins ago",
     "Farmers who planted early are selling their stored grain at the best prices in a decade "
     "this week, and buyers from three states have driven up prices at the county auctions.",
     "Best water deals of the week", "Business / 25 mins ago"],
    ["Mehr zum Thema", "Dürre in Kalifornien: Farmer lassen ihre Felder brachliegen",
     "Von Anna Berg",
     "Farmers who planted early are selling their stored grain at the best prices in a decade "
     "this week, and buyers from three states have driven up prices at the county auctions."],
], ids=["comment-thread", "dated-teaser-list", "teaser-under-a-header"])
def test_comments_and_dated_teasers_after_a_story_do_not_split_it(
        after: list[str], no_rules: cleaner.RuleSet) -> None:
    text = "\n\n".join([HEADLINE, *ARTICLE, *after, *SECOND])
    records = cleaner.clean_text(text, rules=no_rules)
    assert [r.headline for r in records] == [HEADLINE]


@pytest.mark.parametrize("between", [
    ["Sign up for our newsletter"],
    ["Get the day's top stories in your inbox every morning.", "Sign up for our newsletter",
     "Subscribe to our newsletter", "Advertisement"],
], ids=["one-line", "sign-up-box-and-ad"])
def test_the_storys_credit_under_cut_lines_stays(between: list[str],
                                                 no_rules: cleaner.RuleSet) -> None:
    """Past at most CREDIT_GAP runs of lines cut as one kind (a sign-up box's pitch
    and button count once)."""
    credit = "(Reporting by Ana Ruiz in Fresno; Editing by Tom Weber)"
    text = "\n\n".join([HEADLINE, *ARTICLE, *between, credit, *FOOTER])
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert body_of(record) == [*ARTICLE, credit]


def test_an_embedded_posts_attribution_in_a_run_of_short_lines_stays(
        no_rules: cleaner.RuleSet) -> None:
    post = ["We are aware of reports of an incident and will share more soon.",
            "— Fresno Police (@FresnoPolice) March 4, 2024"]
    article = [*ARTICLE[:2], *post, *ARTICLE[2:]]
    text = "\n\n".join([*NAV, HEADLINE, *ARTICLE[:2], *post, "#Fresno #drought",
                         *ARTICLE[2:]])  # a page copy: its menu is cut
    record = cleaner.clean_text(text, rules=no_rules)[0]
    assert body_of(record) == article
