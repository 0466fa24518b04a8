"""Decoding that never garbles silently: what the batch uses to turn an input's bytes
into text, with what it had to repair or doubt.

On top of cleaner.io.text.decode_bytes (byte-order mark, UTF-8, declared charset,
charset-normalizer's guess) it keeps UTF-8 text with a few stray bytes UTF-8
(each stray byte becomes U+FFFD and is counted) instead of re-reading the
whole file in a legacy code page, ignores a declared charset that cannot be
right for the bytes (UTF-16 declared on ASCII markup, a code page whose text
reads as noise), and flags a result that still reads as noise (a UTF-16 byte
order mark before single-byte text), so the caller can report it instead of
dropping the page without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from charset_normalizer.md import mess_ratio

from .text import _BOMS, _looks_binary, decode_bytes

_VALID_2 = re.compile(rb"[\xc2-\xdf][\x80-\xbf]")
_VALID_3_4 = re.compile(rb"[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_REPLACEMENT = "\ufffd".encode()
MAX_STRAY_BYTES = 8  # text with 3- or 4-byte UTF-8 sequences stays UTF-8 up to this many strays
NOISE = 0.25  # charset-normalizer's mess ratio above which decoded text reads as noise
_SAMPLE = 4000  # characters of the text that mess_ratio looks at (it is slow)


@dataclass(frozen=True, slots=True)
class Decoded:
    """An input's text, the bytes replaced to get it, and whether it reads as noise."""

    text: str
    replaced: int = 0  # bytes that were not valid UTF-8 in UTF-8 text, now U+FFFD
    garbled: bool = False  # decoded with a guessed or declared code page, reads as noise


def decode_document(data: bytes, declared: str | None = None) -> Decoded:
    """Decode an input's bytes (`declared`: the charset an HTML page names), raising
    InputError for binary or undecodable data."""
    if _looks_binary(data):
        return Decoded(decode_bytes(data))  # raises InputError
    bom = next((codec for mark, codec in _BOMS if data.startswith(mark)), None)
    if bom is not None:  # a stray BOM before single-byte text decodes to CJK noise
        text = decode_bytes(data)
        return Decoded(text, garbled=bom != "utf-8-sig" and _reads_as_noise(text))
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    valid_short, valid_long = len(_VALID_2.findall(data)), len(_VALID_3_4.findall(data))
    valid = valid_short + valid_long
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - data.count(_REPLACEMENT)
    # Legacy single-byte text holds valid multi-byte sequences only by accident, and
    # then far fewer than broken ones; 3-byte ones (curly quotes, dashes) almost never.
    if valid and (stray <= max(2, valid) or (valid_long and stray <= MAX_STRAY_BYTES)):
        return Decoded(text, replaced=stray)
    if declared and not _fits(data, declared):
        declared = None
    text = decode_bytes(data, declared)
    return Decoded(text, garbled=_reads_as_noise(text))


def _fits(data: bytes, charset: str) -> bool:
    """Whether a declared charset can be the page's: it must read ASCII markup as
    ASCII (UTF-16 cannot, on a page the binary check let through), decode the
    bytes, and give text that does not read as noise."""
    try:
        if "<meta charset>".encode(charset) != b"<meta charset>":
            return False
        return not _reads_as_noise(data.decode(charset))
    except (LookupError, UnicodeError):
        return False


def _reads_as_noise(text: str) -> bool:
    """charset-normalizer's mess ratio of a sample from the start and the middle."""
    middle = max(0, len(text) // 2 - _SAMPLE // 2)
    sample = text[:_SAMPLE] + "\n" + text[middle:middle + _SAMPLE]
    return mess_ratio(sample, maximum_threshold=1.0) > NOISE

