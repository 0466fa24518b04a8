"""Input stage: finding input files, reading them safely, telling text from HTML."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import orjson
import pytest

from cleaner import InputError, clean_file
from cleaner.io.inputs import iter_inputs, read_input, sniff_format

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00\x00\x00\x01\x80\x08\x06" * 40


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)
    return path


def _lines(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


# --- read_input ---------------------------------------------------------------------------


def test_read_input_returns_the_file_bytes(tmp_path: Path, article_text: str) -> None:
    path = _write(tmp_path / "a.txt", article_text)
    assert read_input(str(path)) == article_text.encode()


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n   \n"], ids=["empty", "whitespace-only"])
def test_empty_or_blank_file_is_an_input_error(tmp_path: Path, content: bytes) -> None:
    path = _write(tmp_path / "a.txt", content)
    with pytest.raises(InputError, match="empty"):
        read_input(str(path))


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_input(str(tmp_path / "nope.txt"))


def test_dangling_symlink_is_an_input_error(tmp_path: Path) -> None:
    link = tmp_path / "x.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(InputError):
        read_input(str(link))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod-000 files")
def test_file_without_read_permission_is_an_input_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "secret.txt", "text")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission"):
            read_input(str(path))
    finally:
        path.chmod(0o644)


def test_directory_given_as_a_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_input(str(tmp_path))


def test_oversized_file_error_names_the_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", "word " * 100)  # 500 bytes
    with pytest.raises(InputError) as info:
        read_input(str(path), max_bytes=100)
    message = str(info.value)
    assert "--max-bytes" in message
    assert "100" in message, f"the 100-byte limit is not named: {message!r}"


def test_file_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", "x" * 100)
    assert len(read_input(str(path), max_bytes=100)) == 100


def test_gzip_input_is_decompressed(tmp_path: Path, article_text: str) -> None:
    path = _write(tmp_path / "a.txt.gz", gzip.compress(article_text.encode()))
    assert read_input(str(path)) == article_text.encode()


def test_gzip_over_the_limit_after_decompression_is_an_input_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "bomb.txt.gz", gzip.compress(b"a" * 10_000))
    assert path.stat().st_size < 1000
    with pytest.raises(InputError, match="limit"):
        read_input(str(path), max_bytes=1000)


@pytest.mark.parametrize(
    "data",
    [b"\x1f\x8b\x08\x00garbage that is not deflate data" * 3,
     b"plain text saved with a .gz name\n",
     gzip.compress(b"a complete sentence that gets cut off " * 20)[:-30]],
    ids=["bad-deflate", "not-gzip", "truncated"],
)
def test_corrupt_gzip_is_an_input_error(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path / "a.txt.gz", data)
    with pytest.raises(InputError, match="gzip"):
        read_input(str(path))


def test_binary_file_is_an_input_error_when_cleaned(tmp_path: Path) -> None:
    path = _write(tmp_path / "photo.txt", PNG)
    with pytest.raises(InputError, match="binary"):
        clean_file(str(path))


def test_gzipped_dump_is_cleaned_like_the_plain_one(tmp_path: Path, article_text: str) -> None:
    plain = _write(tmp_path / "a.txt", article_text)
    packed = _write(tmp_path / "a.txt.gz", gzip.compress(article_text.encode()))
    [expected] = clean_file(str(plain))
    [article] = clean_file(str(packed))
    assert (article.id, article.body) == (expected.id, expected.body)
    assert article.source == str(packed)


# --- iter_inputs ----------------------------------------------------------------------------


def test_directory_walk_is_recursive_sorted_and_skips_hidden_and_other_files(
        tmp_path: Path) -> None:
    root = tmp_path / "in"
    wanted = ["Upper.TXT", "a.txt", "b.html", "c.htm", "d.txt.gz", "e.text",
              "m/deep/z.txt", "m/n.txt", "z.xhtml"]
    ignored = ["notes.md", "data.json", "photo.png", "archive.gz", "out.jsonl",
               ".hidden.txt", ".git/config.txt", "m/.cache/x.html", "m/deep/.swp.txt"]
    for name in reversed(wanted + ignored):  # creation order must not matter
        _write(root / name, "text")
    assert list(iter_inputs([str(root)])) == [str(root / name) for name in wanted]


def test_explicit_paths_are_passed_through_in_the_order_given(tmp_path: Path) -> None:
    notes = _write(tmp_path / "notes.md", "text")
    folder = tmp_path / "dir"
    _write(folder / "a.txt", "text")
    paths = [str(notes), "-", str(folder), str(tmp_path / "missing.txt")]
    assert list(iter_inputs(paths)) == [str(notes), "-", str(folder / "a.txt"),
                                        str(tmp_path / "missing.txt")]


def test_dangling_symlink_in_a_folder_is_listed_so_it_gets_reported(tmp_path: Path) -> None:
    (tmp_path / "x.txt").symlink_to(tmp_path / "gone.txt")
    assert list(iter_inputs([str(tmp_path)])) == [str(tmp_path / "x.txt")]


def test_directory_walk_survives_a_symlink_loop(tmp_path: Path) -> None:
    root = tmp_path / "in"
    _write(root / "a.txt", "text")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)
    found = list(iter_inputs([str(root)]))
    real = [os.path.realpath(p) for p in found]
    assert str(root / "a.txt") in found
    assert len(real) == len(set(real)), f"{len(found)} paths for one file"


# --- sniff_format ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("page.html", b"Just a headline\n\nand text", "html"),  # extension first
        ("page.HTM", b"Just text", "html"),
        ("page.xhtml", b"Just text", "html"),
        ("page.html.gz", b"Just text", "html"),
        ("dump.txt", b"<!DOCTYPE html><html><body>x</body></html>", "html"),  # markup wins
        ("dump.text", b"<html><body>x</body></html>", "html"),
        ("dump.TXT.gz", b"<html><body>x</body></html>", "html"),
        ("dump.txt", b"Headline\n\nA story that mentions <html> tags.", "text"),
        ("download", b"\n  <!DOCTYPE html>\n<html lang=en>", "html"),  # then content
        ("download.dat", b"<div class='story'><p>Text</p></div>", "html"),
        ("-", b"<html><head><title>x</title></head>", "html"),
        ("-", b"Headline\n\nA paragraph of text.", "text"),
        ("download", b"<<< Breaking news >>> and a sentence.", "text"),
        ("download", b"A story that mentions <html> and <div> tags.", "text"),
    ],
)
def test_sniff_format_uses_extension_then_content(name: str, head: bytes, expected: str) -> None:
    assert sniff_format(name, head) == expected


# --- through the command line -----------------------------------------------------------------


def test_cli_cleans_good_inputs_and_reports_each_bad_one(
        tmp_path: Path, run_cli, article_text: str) -> None:
    src = tmp_path / "in"
    _write(src / "a_good.txt", article_text)
    _write(src / "b_empty.txt", b"")
    _write(src / "c_blank.txt", b" \n\n \t \n")
    _write(src / "d_photo.txt", PNG)
    _write(src / "e_corrupt.txt.gz", b"\x1f\x8b\x08\x00 this is not deflate data at all")
    _write(src / "f_packed.txt.gz",
           gzip.compress(article_text.replace("Harbour", "Island").encode()))
    (src / "x.txt").symlink_to(src / "gone.txt")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"

    result = run_cli("clean", str(src), "-o", str(out), "--errors", str(errors), "-q")

    assert result.code == 1
    assert [r["source"] for r in _lines(out)] == [str(src / "a_good.txt"),
                                                  str(src / "f_packed.txt.gz")]
    reasons = {Path(e["source"]).name: e["error"].lower() for e in _lines(errors)}
    assert set(reasons) == {"b_empty.txt", "c_blank.txt", "d_photo.txt", "e_corrupt.txt.gz",
                            "x.txt"}
    assert "empty" in reasons["b_empty.txt"]
    assert "empty" in reasons["c_blank.txt"]
    assert "binary" in reasons["d_photo.txt"]
    assert "gzip" in reasons["e_corrupt.txt.gz"]
    assert "no such file" in reasons["x.txt"]


def test_cli_skips_an_oversized_file_and_cleans_the_rest(
        tmp_path: Path, run_cli, article_text: str) -> None:
    src = tmp_path / "in"
    _write(src / "big.txt", article_text + "\n" + "More text for the big file.\n" * 100)
    _write(src / "small.txt", article_text)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"

    result = run_cli("clean", str(src), "-o", str(out), "--errors", str(errors),
                     "--max-bytes", "2000", "-q")

    assert result.code == 1
    assert [r["source"] for r in _lines(out)] == [str(src / "small.txt")]
    [error] = _lines(errors)
    assert error["source"] == str(src / "big.txt")
    assert "limit" in error["error"] and "--max-bytes" in error["error"]


def test_cli_cleans_a_cp1251_file(tmp_path: Path, run_cli) -> None:
    headline = "Песков: решение о делегации примут позднее"
    body = ("Представитель Кремля Дмитрий Песков заявил, что решение о составе делегации будет "
            "принято позднее. По его словам, Москва готова к прямым переговорам с Украиной в "
            "Стамбуле. Эксперты считают, что такие переговоры станут первыми с весны 2022 года.")
    path = _write(tmp_path / "ru.txt", f"{headline}\n\n{body}\n\nВстреча назначена на четверг.\n"
                  .encode("cp1251"))
    result = run_cli("clean", str(path), "-q")
    assert result.code == 0
    [record] = [orjson.loads(line) for line in result.out.splitlines()]
    assert record["headline"] == headline
    assert body in record["body"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod-000 files")
def test_cli_reports_an_unreadable_file(tmp_path: Path, run_cli, article_text: str) -> None:
    secret = _write(tmp_path / "in" / "secret.txt", article_text)
    secret.chmod(0)
    errors = tmp_path / "errors.jsonl"
    try:
        result = run_cli("clean", str(tmp_path / "in"), "--errors", str(errors), "-q")
    finally:
        secret.chmod(0o644)
    assert result.code == 1
    assert _lines(errors) == [{"source": str(secret), "error": "permission denied"}]
