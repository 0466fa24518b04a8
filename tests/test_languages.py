# ruff: noqa: E501
"""Nothing that decides what is kept assumes English: sentence ends, closing
quotes, letter case and word counts work for every script a newsroom writes in."""

from __future__ import annotations

import pytest

from cleaner import clean_html, clean_text
from cleaner.text.lines import (
    context_words,
    ends_full_stop,
    is_prose,
    is_title_like,
    subject_words,
    word_count,
)

# Short real-looking news paragraphs, one per script family, each a kept sentence.
PARAGRAPHS = {
    "chinese": "国家统计局周二公布的数据显示，今年前三个季度全国居民人均可支配收入同比增长百分之五点二。",
    "japanese": "気象庁によると、台風十号は今夜遅くに九州南部に上陸する見込みで、各地で警戒が強まっている。",
    "korean": "서울시는 다음 달부터 심야 버스 노선을 두 개 더 늘리고 배차 간격도 줄이기로 했다고 밝혔다.",
    "hindi": "राज्य सरकार ने मंगलवार को घोषणा की कि अगले महीने से सभी सरकारी स्कूलों में मुफ्त भोजन दिया जाएगा।",
    "bengali": "ঢাকা সিটি করপোরেশন জানিয়েছে, আগামী সপ্তাহ থেকে নগরীর প্রধান সড়কগুলোতে সংস্কার কাজ শুরু হবে।",
    "arabic": "أعلنت وزارة الصحة اليوم عن افتتاح ثلاثة مستشفيات جديدة في المحافظات الجنوبية خلال العام المقبل؟",
    "urdu": "وزیر اعظم نے کہا کہ حکومت آئندہ مالی سال میں تعلیم کے بجٹ میں نمایاں اضافہ کرے گی۔",
    "russian": "Городские власти сообщили, что ремонт моста через реку завершится к концу следующего месяца.",
    "greek": "Η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης για τους αγρότες που επλήγησαν από τις πλημμύρες.",
    "german_dialogue": "„Wir haben lange genug gewartet, jetzt muss die Stadt endlich handeln“",
    "armenian": "Կառավարությունը հայտարարեց, որ նոր դպրոցը կբացվի հաջորդ տարվա սեպտեմբերին։",
    "amharic": "የከተማው አስተዳደር አዲሱ የአውቶቡስ መስመር በሚቀጥለው ወር ሥራ እንደሚጀምር አስታውቋል።",
}

# A long German line without a full stop is still running text (nouns are
# capitalised, so a capital-letter share says little about German).
LONG_GERMAN = ("Die Stadtverwaltung hat am Dienstag angekündigt dass die Sanierung der "
               "Brücke über den Fluss wegen gestiegener Kosten und fehlender Fachkräfte erst "
               "im kommenden Frühjahr beginnen kann und der Verkehr bis dahin weiter über die "
               "Umleitung durch die Innenstadt geführt werden muss wie ein Sprecher erklärte")


@pytest.mark.parametrize("script", sorted(PARAGRAPHS))
def test_a_sentence_is_prose_in_every_script(script: str) -> None:
    assert is_prose(PARAGRAPHS[script])


def test_a_long_german_line_without_a_full_stop_is_prose() -> None:
    assert is_prose(LONG_GERMAN)


@pytest.mark.parametrize("line", [
    "“Tumefanya mikutano 97 ya utoaji elimu juu ya kuzuia uhalifu,” amesema Kamanda Magomi",
    "\"We will not stop until every family has clean water again,\" she said",
])
def test_a_quotation_closed_by_who_said_it_is_prose(line: str) -> None:
    """Dialogue and quoted statements often end in the speaker, with no full stop."""
    assert is_prose(line)


@pytest.mark.parametrize("title", [
    "“Ends recession debate”: economists weigh in on the new figures",
    "„Wir schaffen das nicht mehr allein“, sagt die Bürgermeisterin",  # comma outside: a title
])
def test_a_title_opening_with_a_quotation_is_not_prose(title: str) -> None:
    assert not is_prose(title)


def test_a_flattened_menu_is_not_prose() -> None:
    menu = " ".join(["Politik", "Wirtschaft", "Sport", "Kultur", "Wissen", "Panorama",
                     "Reise", "Auto", "Video", "Podcast"] * 4)
    assert not is_prose(menu)


@pytest.mark.parametrize("title", ["台風十号が九州に上陸へ", "मुफ्त भोजन योजना का विस्तार",
                                   "افتتاح ثلاثة مستشفيات جديدة", "Ремонт моста завершится"])
def test_caseless_and_other_script_titles_can_be_headlines(title: str) -> None:
    assert is_title_like(title)


@pytest.mark.parametrize("script", ["hindi", "bengali", "arabic", "urdu", "russian", "greek",
                                    "armenian", "amharic"])
def test_a_spaced_script_counts_its_words_as_written(script: str) -> None:
    """Vowel signs and points are part of a word: a Hindi or Bengali sentence has as
    many words as spaces put between them."""
    para = PARAGRAPHS[script]
    assert word_count(para) == len(para.split())


def test_a_long_hindi_headline_is_still_title_like() -> None:
    """Eighteen Hindi words (counted as about forty if vowel signs split words)."""
    title = ("राज्य सरकार ने अगले महीने से सभी सरकारी स्कूलों में मुफ्त भोजन योजना "
             "के विस्तार की घोषणा की")
    assert len(title.split()) == 18
    assert is_title_like(title)


@pytest.mark.parametrize("script", sorted(PARAGRAPHS))
def test_a_dump_in_any_script_keeps_its_paragraphs(script: str, no_rules) -> None:
    para = PARAGRAPHS[script]
    dump = f"Headline Of The Day\n\n{para}\n\n{para[: len(para) // 2]}.\n\n{para}"
    [article] = clean_text(dump, rules=no_rules)
    assert para in article.body.split("\n\n")


@pytest.mark.parametrize("script", ["chinese", "japanese", "hindi", "bengali", "arabic"])
def test_an_html_page_in_any_script_gives_a_record(script: str, no_rules) -> None:
    para = PARAGRAPHS[script]
    html = (f"<html><body><nav><a href='/'>Home</a></nav><article><h1>Title</h1>"
            f"<p>{para}</p><p>{para[::-1]}</p><p>{para}</p></article></body></html>")
    [article] = clean_html(html, rules=no_rules)
    assert para in article.body


GERMAN = [
    "Jährlich legt der US-Präsident einen Blumenkranz auf dem Soldatenfriedhof in Arlington "
    "nieder. Der Gedenktag ist allen altgedienten Soldaten gewidmet.",
    "Die eigenen Soldaten will künftig auch die Bundesrepublik würdigen. Am Donnerstag hat "
    "der Bundestag dafür einen nationalen Gedenktag beschlossen.",
    "Die Debatte wurde von gegenseitigem Lob für die Zusammenarbeit der Fraktionen begleitet.",
]


def test_a_german_standfirst_ending_in_an_ordinal_date_stays(no_rules) -> None:
    """'... am 15. Juni' is no photo credit, and German capitalises its nouns: the
    summary under the headline is article text."""
    standfirst = ("Deutsches Parlament beschließt nationalen Gedenktag für "
                  "Bundeswehr-Veteranen am 15. Juni")
    text = "\n\n".join(["Nationaler Veteranentag: Orden fürs Morden", standfirst, *GERMAN])
    record = clean_text(text, rules=no_rules)[0]
    assert record.body.split("\n\n") == [standfirst, *GERMAN]


def test_a_quotation_headline_is_the_headline(no_rules) -> None:
    headline = "«Die israelische Zurückhaltung hat viel mit den USA zu tun»"
    record = clean_text("\n\n".join([headline, *GERMAN]), rules=no_rules)[0]
    assert record.headline == headline
    assert record.body.split("\n\n") == GERMAN


@pytest.mark.parametrize("line, stops", [
    ("The plant opens in March.", True),
    ("工厂将于三月开放。", True),
    ("संयंत्र मार्च में खुलेगा।", True),
    ("«Завод откроется в марте.»", True),
    ("Will the plant open in March?", False),
    ("工厂三月开放吗？", False),
    ("Evening Digest", False),
], ids=["latin", "cjk", "devanagari", "quoted-cyrillic", "question", "cjk-question", "title"])
def test_a_full_stop_ends_a_statement_in_any_script(line: str, stops: bool) -> None:
    """Titles are told from statements by a full stop, whatever the script's stop looks like."""
    assert ends_full_stop(line) is stops


def test_a_line_of_short_words_is_about_those_words() -> None:
    """Subjects are compared by five-letter stems; a headline with no word that long is
    compared by its words of three letters or more, which other lines' words include."""
    assert subject_words("man, 32, held as cops hunt gun") == {"man", "held", "cops", "hunt", "gun"}
    assert subject_words("drought forces farmers to leave fields") == {
        "droug", "force", "farme", "leave", "field"}
    assert {"cops", "gun"} <= context_words("the cops found the gun in the park")


KOREAN = [
    "서울시는 다음 달부터 심야 버스 노선을 두 개 더 늘리고 배차 간격도 줄이기로 했다고 밝혔다.",
    "시는 지난해 심야 이용객이 크게 늘어난 데 따라 노선 조정안을 마련했다고 설명했다.",
    "새 노선은 강남과 도심을 잇는 구간에 집중적으로 배치될 예정이라고 시 관계자는 말했다.",
]


def test_korean_sub_titles_under_the_headline_stay(no_rules) -> None:
    """Korean and Japanese papers print several short sub-titles between the headline
    and the story: on a page copy they are the story's, in a script without case."""
    sub_titles = ["심야 버스 노선 두 개 더 늘린다", "배차 간격도 줄이기로", "강남과 도심 잇는 구간 집중"]
    text = "\n".join(["Home", "News", "Sport", "Weather", "서울시, 심야 버스 노선 확대",
                      "2025-06-03 10:20", *sub_titles, *KOREAN, "© 2025 Example Ilbo"])
    [record] = clean_text(text, rules=no_rules)
    assert record.body.split("\n\n") == [*sub_titles, *KOREAN]


def test_the_headline_over_a_block_of_sub_titles_is_the_title_above_it(no_rules) -> None:
    """With no byline or date to sign it, the headline over a block of sub-titles is
    the title above the block (past a widget line), not a line of the block."""
    headline = "서울시, 심야 버스 노선 확대"
    sub_titles = ["심야 버스 노선 두 개 더 늘린다", "배차 간격도 줄이기로",
                  "강남과 도심 잇는 구간 집중", "시민 의견 수렴 거쳐 확정"]
    text = "\n".join(["Home", "News", "Sport", "Weather", headline, "Audio version",
                      *sub_titles, *KOREAN, "© 2025 Example Ilbo"])
    [record] = clean_text(text, rules=no_rules)
    assert record.headline == headline
    assert record.body.split("\n\n") == [*sub_titles, *KOREAN]
