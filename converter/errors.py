"""One hierarchy of errors under ``ConversionError``; each carries the source and, where known, a line.

The CLI maps them to exit code 1 and prints ``str(error)``: ``name:line: message``.
"""
from __future__ import annotations

import os
import re

_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f\udc80-\udcff]")


def one_line(text: str) -> str:
    """``text`` with control characters escaped (a file named with a line break stays on its line)
    and a file name's bytes that are not UTF-8 (os.fsdecode's surrogates) shown as the bytes: \\xff."""
    return _UNSHOWABLE.sub(_escaped, text)


def reason(error: BaseException) -> str:
    """Why an operation failed, in the system's words ("No space left on device"), without
    Python's "[Errno 28]" and the file name it adds, which the message names its own way."""
    if isinstance(error, OSError) and error.errno is not None:
        return error.strerror or os.strerror(error.errno)
    return one_line(str(error))


def _escaped(match: re.Match) -> str:
    character = match.group()
    if "\udc80" <= character <= "\udcff":
        return f"\\x{ord(character) - 0xdc00:02x}"
    return repr(character)[1:-1]


class ConversionError(Exception):
    """Base class: an input could not be converted."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return one_line(f"{where}: {self.message}")

    def at(self, source: str) -> "ConversionError":
        """Name the source file, for errors raised where only text was known."""
        self.source = source
        return self


class EmptyInputError(ConversionError):
    """The input holds no text at all."""


class UnreadableInputError(ConversionError):
    """The input file cannot be read: missing, a folder, or not readable by this user."""


class BinaryInputError(ConversionError):
    """The input is not text (NUL bytes or control characters)."""


class InputTooLargeError(ConversionError):
    """The input is over the configured size limit."""


class TruncatedSubmissionError(ConversionError):
    """An EDGAR SGML submission ends before its closing tags."""


class NoReleaseError(ConversionError):
    """The text (or submission) holds nothing that reads as a press release."""


class InvalidRecordError(ConversionError):
    """The record failed JSON Schema validation; nothing is written. A bug, reported as such."""


class TransformError(ConversionError):
    """An XSLT stylesheet failed to load or run."""


class BatchStopped(ConversionError):
    """The batch cannot go on: every later output would fail as this one did (a full or read-only
    disk, a feed that cannot be written). It stops there: the files written are whole, a feed's
    file is not left half-written, and the same command run again resumes."""
