"""Stage 1: bytes in, decoded lines out.

Old filings are mostly ASCII, sometimes Windows-1252 or Latin-1; a few modern ones are UTF-8, and
a file saved by a Windows tool may be UTF-16.
Line ends are normalized and tabs expanded so that columns line up as they did on paper.
"""
from __future__ import annotations

import hashlib
import re
from typing import Final

from attrs import frozen

from .errors import BinaryInputError, EmptyInputError, InputTooLargeError

DEFAULT_MAX_BYTES: Final = 50 * 1024 * 1024
TAB_SIZE: Final = 8
# Bytes that Windows-1252 leaves undefined: their presence means Latin-1.
_CP1252_UNDEFINED: Final = frozenset(b"\x81\x8d\x8f\x90\x9d")
# Control characters that plain text never holds (tab, LF, CR, FF and SUB are allowed).
_CONTROL: Final = frozenset(range(0, 32)) - {9, 10, 12, 13, 26}
_NOT_CONTROL: Final = bytes(byte for byte in range(256) if byte not in _CONTROL)  # deleted to count controls
_STRAY_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
# The same less tab, line feed and form feed, for the whole text at once (tabs count one column
# for each of these characters, so replacing them before tabs are expanded changes no column).
_STRAY_CONTROL_TEXT: Final = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f\ufffe\uffff]")
# Its ASCII characters as bytes, less CR and SUB (gone before it is asked): deleting every other
# byte from an ASCII input leaves nothing when the pass has nothing to replace (most inputs).
_NOT_STRAY_BYTE: Final = bytes(byte for byte in range(256)
                        if byte in b"\r\x1a" or not (byte < 128 and _STRAY_CONTROL_TEXT.match(chr(byte))))


@frozen
class DecodedText:
    """The input as text: its lines (no line ends, tabs expanded) and how it was decoded."""

    lines: tuple[str, ...]
    encoding: str
    sha256: str


def decode_bytes(data: bytes | bytearray, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Decode raw input bytes, refusing empty, binary and oversized input with a clear error."""
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"input is {len(data):,} bytes, over the limit of {max_bytes:,} (see --max-bytes)"
        )
    if not data.strip():
        raise EmptyInputError("input is empty")
    utf16 = _utf16_encoding(data)
    if utf16 is not None:
        text, encoding = _decode_utf16(data, utf16), "utf-16"
    else:
        _refuse_binary(data)
        text, encoding = _decode(data)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1a" in text:
        text = text.replace("\x1a", "")
    # Whole-text passes first, then per line only what needs it: 20 MB of short lines stays fast.
    if encoding == "ascii" and not data.translate(None, _NOT_STRAY_BYTE):
        clean = text.expandtabs(TAB_SIZE).split("\n")  # no stray control character to replace
    else:
        clean = _STRAY_CONTROL_TEXT.sub(" ", text).expandtabs(TAB_SIZE).split("\n")  # columns restart at "\n"
    if "\f" in text:
        raw = text.split("\n")
        lines = tuple(_clean_line(r) if "\f" in r else c.rstrip() for r, c in zip(raw, clean))
    else:
        lines = tuple(map(str.rstrip, clean))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    return DecodedText(lines=lines, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def _clean_line(line: str) -> str:
    """Tabs expanded, trailing blanks cut, stray control characters made spaces (XML cannot hold them).

    A form feed is a page break: a line holding nothing else becomes the one-character line "\\f",
    which the segmenter reads as a page mark; elsewhere it is dropped.
    """
    if "\f" in line:
        line = line.replace("\f", "")
        if not line.strip():
            return "\f"
    return _STRAY_CONTROL.sub(" ", line.expandtabs(TAB_SIZE)).rstrip()


def _utf16_encoding(data: bytes | bytearray) -> str | None:
    """"utf-16" for a UTF-16 byte-order mark; "utf-16-le"/"-be" for text saved as UTF-16 without
    one (Windows tools): ASCII letters then show as a NUL in every other byte and in no other."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    if data.find(b"\x00", 0, 4096) < 0 or len(data) % 2 or len(data) < 4:
        return None  # every text input but these: asked without copying it
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and 0 not in other:
            return encoding
    return None


def _decode_utf16(data: bytes | bytearray, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[:error.start].decode(encoding, errors="replace").count("\n") + 1
        raise BinaryInputError(f"input reads as UTF-16 but is not: {error.reason} at byte {error.start:,}",
                               line=line) from None
    if not text.strip():
        raise EmptyInputError("input is empty")
    return text


def _refuse_binary(data: bytes | bytearray) -> None:
    sample = data[:65536]
    nul = sample.find(b"\x00")
    if nul >= 0:
        line = sample.count(b"\n", 0, nul) + 1
        raise BinaryInputError("input is binary, not text (NUL byte)", line=line)
    controls = len(sample.translate(None, _NOT_CONTROL))
    if controls > max(8, len(sample) // 100):
        raise BinaryInputError(f"input is binary, not text ({controls} control bytes)")


def _decode(data: bytes | bytearray) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    if data.isascii():
        return data.decode("ascii"), "ascii"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if any(byte in _CP1252_UNDEFINED for byte in data):
        return data.decode("latin-1"), "latin-1"
    return data.decode("cp1252"), "windows-1252"
