"""Records every downstream tool loads (issue 8, point 2).

Runs over text dumps and HTML pages, with and without --explain, give records
with the same keys and types; every record validates against the JSON Schema
shipped in the package; `datasets` and pandas load them together; `published`
is one format throughout; `language` is a lowercase BCP 47 tag, detected when
the input declares none; authors come without job titles.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import orjson
import pandas as pd
import pytest

import cleaner
from cleaner.categories import CATEGORIES
from cleaner.cli import main
from cleaner.text.authors import clean_author
from cleaner.text.dates import parse_published
from cleaner.text.language import detect_language, normalise_language

FIXTURES = Path(__file__).with_name("fixtures") / "html"
DEVSET_ML = Path(__file__).resolve().parents[2] / "shared" / "devset-ml" / "html"

GERMAN = "\n\n".join([
    "Stadtrat beschließt neuen Fahrplan für die Fähre",
    "Der Stadtrat hat am Dienstag beschlossen, ab dem kommenden Monat zwei zusätzliche "
    "Abendfähren zur Insel einzusetzen, wie die Vorsitzende mitteilte.",
    "Die Änderung folgt auf eine Petition, die von mehr als 3.000 Einwohnern unterschrieben "
    "wurde. Sie hatten erklärt, das letzte Boot fahre für Schichtarbeiter zu früh ab.",
])


def _page(body: str, head: str = "", lang: str | None = None) -> str:
    attr = f' lang="{lang}"' if lang else ""
    return (f"<!DOCTYPE html><html{attr}><head><meta charset='utf-8'>{head}</head>"
            f"<body><article>{body}</article></body></html>")


GERMAN_PAGE = _page(
    "<h1>Stadtrat beschließt neuen Fahrplan für die Fähre</h1>"
    + "".join(f"<p>{p}</p>" for p in GERMAN.split("\n\n")[1:]),
    head="<title>Stadtrat beschließt neuen Fahrplan für die Fähre</title>"
         "<meta name='author' content='Anna Schmidt, Redakteurin'>"
         "<meta property='article:published_time' content='vor drei Stunden'>")
ENGLISH_PAGE = _page(
    "<h1>Harbour council approves new ferry timetable</h1>"
    "<p>The harbour council voted on Tuesday to add two evening ferries to the island route "
    "from next month, its chair said.</p>"
    "<p>The change follows a petition signed by more than 3,000 residents who said the last "
    "boat left too early for shift workers.</p>",
    head="<title>Harbour council approves new ferry timetable</title>"
         "<meta property='og:locale' content='en_GB'>"
         "<meta property='article:published_time' content='2024-04-30 16:38:37 +0200'>"
         "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
         "{\"name\": \"Evan Halper Staff Writer\"}}</script>")


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, samples_dir_module: Path) -> dict[str, Path]:
    """Four outputs: text dumps and HTML pages, each with and without --explain."""
    root = tmp_path_factory.mktemp("runs")
    html = root / "html"
    html.mkdir()
    for page in FIXTURES.glob("*.html"):
        (html / page.name).write_bytes(page.read_bytes())
    (html / "german.html").write_text(GERMAN_PAGE, encoding="utf-8")
    (html / "english.html").write_text(ENGLISH_PAGE, encoding="utf-8")
    for page in sorted(DEVSET_ML.glob("*.html"))[:12]:  # real pages when the dev set is here
        (html / page.name).write_bytes(page.read_bytes())
    text = root / "text"
    text.mkdir()
    for sample in samples_dir_module.iterdir():
        (text / sample.name).write_bytes(sample.read_bytes())
    (text / "german.txt").write_text(GERMAN, encoding="utf-8")
    outputs = {}
    for kind, folder in (("text", text), ("html", html)):
        for explain in (False, True):
            out = root / f"{kind}{'-explain' if explain else ''}.jsonl"
            code = main(["clean", str(folder), "-o", str(out), "-q",
                         *(["--explain"] if explain else [])])
            assert code in (0, 1)  # no_article.html gives no record, not a failure
            outputs[out.stem] = out
    return outputs


@pytest.fixture(scope="module")
def samples_dir_module() -> Path:
    return Path(__file__).resolve().parents[1] / "samples"


def _records(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def _all(runs: dict[str, Path]) -> list[dict]:
    return [r for path in runs.values() for r in _records(path)]


# --- the schema ---------------------------------------------------------------------------


def test_schema_ships_in_the_package_and_names_every_field() -> None:
    schema = cleaner.record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert tuple(schema["properties"]) == cleaner.RECORD_FIELDS
    assert tuple(schema["required"]) == cleaner.RECORD_FIELDS
    assert schema["additionalProperties"] is False
    categories = schema["properties"]["removed"]["items"]["properties"]["category"]["enum"]
    assert categories == list(CATEGORIES)  # a new category must be added to the schema too
    shipped = Path(cleaner.__file__).parent / "schema" / "record.schema.json"
    assert json.loads(shipped.read_text("utf-8")) == schema


def test_every_record_validates_and_has_the_same_keys_in_the_same_order(runs) -> None:
    validator = jsonschema.Draft202012Validator(cleaner.record_schema())
    records = _all(runs)
    assert len(records) > 20
    for record in records:
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (record["source"], errors)
        assert tuple(record) == cleaner.RECORD_FIELDS


def test_explain_changes_only_removed_text(runs) -> None:
    for kind in ("text", "html"):
        plain, explained = _records(runs[kind]), _records(runs[f"{kind}-explain"])
        assert [{**r, "removed_text": []} for r in explained] == plain
        assert all(len(r["removed_text"]) == len(r["removed"]) for r in explained)
        assert any(r["removed_text"] for r in explained)


# --- loaders --------------------------------------------------------------------------------


def test_datasets_loads_text_and_html_runs_with_and_without_explain_together(
        runs, tmp_path: Path) -> None:
    files = [str(runs[name]) for name in ("text", "html", "text-explain", "html-explain")]
    script = textwrap.dedent("""
        import json, sys
        import datasets
        import cleaner
        datasets.disable_progress_bars()
        files = json.loads(sys.argv[1])
        data = datasets.load_dataset("json", data_files=files, split="train",
                                     features=cleaner.record_features())
        print(json.dumps({"rows": data.num_rows, "columns": data.column_names,
                          "published": data.features["published"].dtype,
                          "removed": str(data.features["removed"])}))
    """)
    env = {**os.environ, "HF_DATASETS_CACHE": str(tmp_path / "hf"), "HF_HOME": str(tmp_path),
           "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-c", script, json.dumps(files)], env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    assert loaded["rows"] == sum(len(_records(Path(f))) for f in files)
    assert tuple(loaded["columns"]) == cleaner.RECORD_FIELDS
    assert loaded["published"] == "string"


def test_pandas_reads_every_run_and_parses_published(runs) -> None:
    frames = [pd.read_json(path, lines=True, dtype={"id": str}) for path in runs.values()]
    df = pd.concat(frames, ignore_index=True)
    assert tuple(df.columns) == cleaner.RECORD_FIELDS
    published = pd.to_datetime(df.published, utc=True)
    assert published.notna().sum() == df.published.notna().sum() > 5
    moments = pd.to_datetime(df.published_datetime, utc=True)
    assert moments.notna().sum() == df.published_datetime.notna().sum() > 0


# --- field by field -------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "date", "moment", "raw"), [
    ("2025-11-03", "2025-11-03", None, None),
    ("2025-11-03T10:00:00.123Z", "2025-11-03", "2025-11-03T10:00:00+00:00", None),
    ("2024-04-30T16:38:37+0000", "2024-04-30", "2024-04-30T16:38:37+00:00", None),
    ("2024-04-30 16:38:37 +02:00", "2024-04-30", "2024-04-30T16:38:37+02:00", None),
    ("2024-05-01T10:00:00.123456-07:00", "2024-05-01", "2024-05-01T10:00:00-07:00", None),
    ("Tue, 26 Nov 2024 21:27:00 GMT", "2024-11-26", "2024-11-26T21:27:00+00:00", None),
    ("2024-04-30T16:38", "2024-04-30", None, None),  # a time with no offset: date only
    ("April 25, 2023", "2023-04-25", None, None),
    ("1714491517", "2024-04-30", "2024-04-30T15:38:37+00:00", None),
    ("3 hours ago", None, None, "3 hours ago"),
    ("03/04/2024", None, None, "03/04/2024"),  # day or month first: not guessed
    ("0001-01-01T00:00:00Z", None, None, "0001-01-01T00:00:00Z"),
    (None, None, None, None),
])
def test_published_is_read_into_one_format(value, date, moment, raw) -> None:
    got = parse_published(value)
    assert (got.date, got.datetime, got.raw) == (date, moment, raw)


def test_article_normalises_published_whenever_it_is_set() -> None:
    article = cleaner.Article(source="x", headline="h", body="b", published="2024-04-30")
    assert (article.published, article.published_raw) == ("2024-04-30", None)
    article.published = "2024-04-30T16:38:37+02:00"
    assert article.published == "2024-04-30"
    assert article.published_datetime == "2024-04-30T16:38:37+02:00"
    article.published = "last Tuesday"
    assert (article.published, article.published_datetime, article.published_raw) == (
        None, None, "last Tuesday")


@pytest.mark.parametrize(("declared", "tag"), [
    ("en-GB", "en-gb"), ("en_US", "en-us"), ("de-de", "de-de"), ("EN", "en"),
    ("zh-Hant-TW", "zh-hant-tw"), ("iw", "he"), ("English", "en"), ("en, de", "en"),
    ("und", None), ("x-default", None), ("", None), (None, None), ("12", None),
])
def test_declared_language_becomes_a_lowercase_bcp47_tag(declared, tag) -> None:
    assert normalise_language(declared) == tag


def test_language_is_detected_for_text_dumps_and_undeclared_pages() -> None:
    assert detect_language(GERMAN) == "de"
    assert detect_language("Too short.") is None
    [dump] = cleaner.clean_text(GERMAN)
    assert dump.language == "de"
    [page] = cleaner.clean_html(GERMAN_PAGE)
    assert page.language == "de"  # no lang attribute, no og:locale


def test_records_from_the_runs_carry_normalised_fields(runs) -> None:
    by_name = {Path(r["source"]).name: r for r in _records(runs["html"])}
    german, english = by_name["german.html"], by_name["english.html"]
    assert (german["language"], english["language"]) == ("de", "en-gb")
    assert (german["published"], german["published_raw"]) == (None, "vor drei Stunden")
    assert english["published"] == "2024-04-30"
    assert english["published_datetime"] == "2024-04-30T16:38:37+02:00"
    assert german["authors"] == ["Anna Schmidt"]
    assert english["authors"] == ["Evan Halper"]
    texts = _records(runs["text"])
    assert all(r["language"] for r in texts)
    assert {r["language"] for r in texts if Path(r["source"]).name == "german.txt"} == {"de"}


@pytest.mark.parametrize(("byline", "name"), [
    ("Evan Halper Staff Writer", "Evan Halper"),
    ("Lucy Thornton, News Reporter", "Lucy Thornton"),
    ("Jane Doe | Political Editor", "Jane Doe"),
    ("Jane Doe - Senior Correspondent", "Jane Doe"),
    ("By Glen Owen For The Mail On Sunday", "Glen Owen"),
    ("Elena Oberholzer (obe)", "Elena Oberholzer"),
    ("Anna Schmidt, Redakteurin", "Anna Schmidt"),
    ("Jean Dupont, envoyé spécial à Kyiv", "Jean Dupont"),
    ("Povilas Aleksandravičius, universiteto fakulteto profesorius", "Povilas Aleksandravičius"),
    # names stay whole
    ("Samya Kullab and Vasilisa Stepanenko", "Samya Kullab and Vasilisa Stepanenko"),
    ("Ursula von der Leyen", "Ursula von der Leyen"),
    ("Felix Schröder und Jörg Soldwisch, dpa", "Felix Schröder und Jörg Soldwisch, dpa"),
    ("Letters To The Editor", "Letters To The Editor"),
    ("Di Maria", "Di Maria"),
    ("F T W M", None),
])
def test_authors_lose_job_titles_and_keep_names(byline: str, name: str | None) -> None:
    assert clean_author(byline) == name
