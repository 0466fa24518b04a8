"""Decode stage: raw bytes to normalised text with its line structure kept.

Dumps arrive as UTF-8 (with or without BOM), UTF-16/32 with a BOM, or a legacy
single-byte encoding (cp1251, latin-1, ...) that charset-normalizer identifies.
Normalisation is NFC plus whitespace folding inside each line, so that "the
cleaner only removes" can be checked line by line against the input.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text (tab, LF, FF, CR and ESC excluded).
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]{1,3}")
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
# Invisible characters are dropped, other non-printing ones become spaces.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")



def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode a dump's bytes, raising InputError for binary or undecodable data.

    Order: a byte-order mark, then UTF-8, then the encoding the document
    declares (an HTML page's meta charset, often wrong, so only when UTF-8
    fails), then charset-normalizer's best guess.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} after its byte-order mark: {exc}") from exc
    if _looks_binary(data):
        raise InputError("binary content, not text (control bytes such as NUL)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace")  # a stray byte in UTF-8 text
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return _guess_legacy(data)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 text with a few broken bytes: it holds valid multi-byte sequences,
    which single-byte legacy text essentially never does."""
    valid = len(_UTF8_MULTIBYTE.findall(data))
    broken = data.decode("utf-8", errors="replace").count("\ufffd")
    return valid > 0 and broken <= max(2, valid // 10)


def _guess_legacy(data: bytes) -> str:
    """charset-normalizer's guess, preferring the Western code pages on a tie:
    cp1250, cp1257 and cp1252 read French almost equally "cleanly", but only
    one is right, and news in Latin script is mostly Western European."""
    matches = list(from_bytes(data))
    if not matches:
        raise InputError("not UTF-8 and no known encoding decodes it")
    best = matches[0]
    for match in matches:
        if (match.encoding in _WESTERN and match.chaos <= best.chaos + 0.02
                and match.coherence >= best.coherence - 0.05):
            return str(match)
    return str(best)


def _looks_binary(data: bytes, sample: int = 8192) -> bool:
    head = data[:sample]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _BINARY_BYTES))
    return controls / len(head) > 0.05


def normalise(text: str) -> str:
    """NFC, LF line ends, invisible characters dropped, spaces folded within lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _needs_work(text):  # many dumps need nothing beyond NFC
        text = "\n".join(map(_normalise_line, text.split("\n")))
    return unicodedata.normalize("NFC", text)


def _needs_work(text: str) -> bool:
    """Anything _normalise_line would change: doubled or edge spaces, or any other
    whitespace, control or invisible character (none of them is printable)."""
    return ("  " in text or " \n" in text or "\n " in text or text[:1] == " "
            or text[-1:] == " " or not text.replace("\n", "").isprintable())


def _normalise_line(line: str) -> str:
    if not line.isprintable():  # rare: only then pay for the substitutions
        line = _CONTROL.sub(" ", _INVISIBLE.sub("", line))
    return " ".join(line.split())


def squash(text: str) -> str:
    """Whitespace-normalised form used to compare paragraphs."""
    return " ".join(text.split())


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def declared_charset(html: bytes) -> str | None:
    """The charset an HTML page declares in its first kilobytes, if any."""
    match = _META_CHARSET.search(html[:4096])
    return match.group(1).decode("ascii", "replace") if match else None
