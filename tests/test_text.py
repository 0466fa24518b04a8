"""Decode stage: bytes in any common encoding become normalised text."""

from __future__ import annotations

import codecs
import random
import unicodedata
from pathlib import Path

import pytest

from cleaner import InputError, clean_bytes, clean_file
from cleaner.io.text import decode_bytes, normalise

RUSSIAN_HEADLINE = "Путин предложил провести прямые переговоры в Стамбуле"
RUSSIAN = (
    "Президент России Владимир Путин заявил в понедельник, что Москва готова к прямым "
    "переговорам с Украиной. По его словам, встреча может состояться в Стамбуле уже в четверг. "
    "Представитель Кремля Дмитрий Песков добавил, что решение о составе делегации будет принято "
    "позднее. Эксперты считают, что такие переговоры станут первыми с весны 2022 года."
)
FRENCH = (
    "Le président français a déclaré lundi que la réunion à Genève était « très préoccupante » "
    "pour l'Europe. Selon lui, les négociations doivent reprendre dès que possible, même si la "
    "délégation russe hésite encore. Les ministres se réuniront à nouveau jeudi après-midi à "
    "l'hôtel de ville. Ça reste une étape décisive, a-t-il ajouté, avant l'été."
)
GERMAN = (
    "Die Bundesregierung hat am Montag erklärt, dass die Gespräche über eine Waffenruhe "
    "fortgesetzt werden müssen. Außenministerin Baerbock äußerte sich in Brüssel vorsichtig "
    "optimistisch über die nächsten Schritte. Für die Bürger in der Ukraine sei jede Pause in "
    "den Kämpfen von größter Bedeutung. Gleichzeitig müsse der Druck auf Moskau durch weitere "
    "Sanktionen erhöht werden, sagte sie."
)
# Mostly ASCII English with a few accented words and cp1252 curly quotes: the bytes
# 0xE9, 0xEF, 0x93 ... are invalid UTF-8, so the decoder must fall back to detection.
ENGLISH_LATIN = (
    "The na\u00efve caf\u00e9 owner in Z\u00fcrich served cr\u00e8me br\u00fbl\u00e9e to the "
    "visiting delegation on Monday. The minister said the talks in Geneva had been \u201cvery "
    "difficult\u201d but that both sides were ready to continue. Officials from both "
    "delegations declined to comment on the details of the draft agreement. The next round is "
    "expected to start on Thursday \u2013 if the weather allows the flights to land."
)


def _dump(headline: str, *paragraphs: str) -> str:
    return "\n\n".join((headline, *paragraphs)) + "\n"


def _no_controls(text: str) -> bool:
    return all(ch == "\n" or unicodedata.category(ch) != "Cc" for ch in text)


# --- decode_bytes -----------------------------------------------------------------------


def test_utf8_without_bom_decodes() -> None:
    assert decode_bytes("Grüße aus Kyiv — “quoted”".encode()) == "Grüße aus Kyiv — “quoted”"


def test_utf8_bom_is_not_part_of_the_text() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "Grüße aus Kyiv".encode()) == "Grüße aus Kyiv"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_unicode_with_bom_decodes_without_the_bom(bom: bytes, codec: str) -> None:
    text = "Zelenskiy’s offer: «переговоры» in Türkiye\nsecond line"
    assert decode_bytes(bom + text.encode(codec)) == text


def test_truncated_utf16_after_bom_is_an_input_error() -> None:
    data = codecs.BOM_UTF16_LE + "some text".encode("utf-16-le") + b"A"  # odd byte count
    with pytest.raises(InputError, match="utf-16"):
        decode_bytes(data)


def test_cp1251_russian_paragraph_decodes() -> None:
    assert decode_bytes(RUSSIAN.encode("cp1251")) == RUSSIAN


def test_cp1252_french_paragraph_decodes() -> None:
    assert decode_bytes(FRENCH.encode("cp1252")) == FRENCH


def test_cp1252_german_paragraph_decodes() -> None:
    assert decode_bytes(GERMAN.encode("cp1252")) == GERMAN


def test_latin_bytes_invalid_as_utf8_decode_as_cp1252() -> None:
    data = ENGLISH_LATIN.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data) == ENGLISH_LATIN


def test_one_stray_byte_in_utf8_text_does_not_garble_the_rest() -> None:
    text = ("Kyiv: President Zelenskiy\u2019s offer to meet Putin in T\u00fcrkiye marks a dramatic "
            "shift \u2014 \u201cI will be waiting,\u201d he wrote. ") * 5
    data = text.encode("utf-8").replace(b"Kyiv:", b"Kyiv\xa0:", 1)  # one latin-1 NBSP
    decoded = decode_bytes(data)
    assert decoded.endswith(text[len("Kyiv:"):])
    assert "Zelenskiy\u2019s" in decoded and "T\u00fcrkiye" in decoded


def test_png_bytes_are_rejected_as_binary() -> None:
    rng = random.Random(20250512)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4096))
    with pytest.raises(InputError, match="binary"):
        decode_bytes(png)


def test_binary_without_nul_bytes_is_still_rejected() -> None:
    rng = random.Random(7)
    noise = bytes(rng.randrange(1, 256) for _ in range(4096))
    with pytest.raises(InputError):
        decode_bytes(noise)


def test_a_stray_control_byte_in_long_text_is_not_binary() -> None:
    text = "A long paragraph of ordinary text about the harbour ferry. " * 20
    decoded = decode_bytes(text.encode() + b"\x07" + text.encode())
    assert decoded.startswith("A long paragraph")


# --- normalise ----------------------------------------------------------------------------


def test_normalise_composes_decomposed_characters() -> None:
    decomposed = "Cafe\u0301 in Zu\u0308rich"
    assert normalise(decomposed) == "Café in Zürich"
    assert normalise(decomposed) == unicodedata.normalize("NFC", decomposed)


def test_normalise_folds_whitespace_within_lines_but_keeps_lines() -> None:
    text = "  first\t\tline   here \n\n\nsecond\u00a0\u2003line\n"
    assert normalise(text).split("\n") == ["first line here", "", "", "second line", ""]


def test_normalise_turns_crlf_and_cr_into_lf() -> None:
    assert normalise("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_normalise_drops_zero_width_characters(invisible: str) -> None:
    assert normalise(f"peace{invisible}talks in Istan{invisible}bul") == "peacetalks in Istanbul"


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x08", "\x1b", "\x7f", "\x85", "\x9b"])
def test_normalise_replaces_control_characters(control: str) -> None:
    result = normalise(f"talks{control}in Istanbul")
    assert control not in result
    assert _no_controls(result)
    assert result.replace(" ", "") == "talksinIstanbul"


def test_normalise_output_is_nfc_when_an_invisible_char_splits_a_combining_sequence() -> None:
    result = normalise("Caf\u0065\u200b\u0301")
    assert result == unicodedata.normalize("NFC", result)
    assert result == "Café"


# --- end to end -------------------------------------------------------------------------


def test_clean_bytes_reads_a_cp1251_dump() -> None:
    data = _dump(RUSSIAN_HEADLINE, RUSSIAN, "Москва и Киев пока не подтвердили дату встречи.")
    [article] = clean_bytes(data.encode("cp1251"))
    assert article.headline == RUSSIAN_HEADLINE
    assert RUSSIAN in article.body


def test_clean_file_reads_a_cp1252_french_dump(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    headline = "Genève : les négociations reprennent jeudi"
    path.write_bytes(_dump(headline, FRENCH, "La délégation ukrainienne est déjà arrivée.")
                     .encode("cp1252"))
    [article] = clean_file(str(path))
    assert article.headline == headline
    assert "la réunion à Genève était « très préoccupante »" in article.body


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be"])
def test_same_article_in_another_unicode_encoding_gives_the_same_record(
        article_text: str, encoding: str) -> None:
    data = article_text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    [expected] = clean_bytes(article_text.encode("utf-8"))
    [article] = clean_bytes(data)
    assert article.to_dict() == expected.to_dict()


def test_clean_bytes_normalises_the_body(article_text: str) -> None:
    messy = (article_text.replace("harbour council", "harbour\u200b  council")
             .replace("Tuesday", "Tue\u00adsday\x07")
             .replace("reporters", "repo\u0301rters")
             .replace("\n", "\r\n"))
    [article] = clean_bytes(messy.encode())
    assert "The harbour council voted on Tuesday" in article.body
    assert "repórters" in article.body
    assert article.body == unicodedata.normalize("NFC", article.body)
    assert "\r" not in article.body and "\u200b" not in article.body
    assert _no_controls(article.body)


def test_clean_bytes_rejects_binary_data() -> None:
    with pytest.raises(InputError):
        clean_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 50)
