"""The pipeline: bytes -> decoded lines -> EDGAR documents -> segments -> records -> validated.

``convert_bytes`` is the one entry point; the CLI and the batch API are thin layers over it.
"""
from __future__ import annotations

import errno
import gzip
import io
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Final

import attrs

from .edgar import EdgarDocument, Submission, read_submission
from .errors import ConversionError, InputTooLargeError, NoReleaseError, UnreadableInputError, reason
from .extract import extract_release
from .input_cache import clear_input_caches
from .jsonform import release_to_dict
from .markup import html_to_lines, is_html
from .reader import DEFAULT_MAX_BYTES, decode_bytes
from .records import ParseWarning, Release, Source
from .segmenter import segment, split_releases
from .validation import validate_record

_RELEASE_TYPE: Final = re.compile(r"^EX-(?:99|20)\b", re.IGNORECASE)
_UNPRINTABLE: Final = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_UUENCODED: Final = re.compile(r"^begin [0-7]{3} \S+")
_BODY_RELEASE: Final = re.compile(r"press\s+release", re.IGNORECASE)
_ANNOUNCES_RELEASE: Final = re.compile(r"(?:following|attached|below)\b.{0,40}press\s+release|press\s+release.{0,30}\b(?:follows|below)", re.I)


@attrs.frozen
class CheckedRelease:
    """A release and the plain form that passed the schema check; writers reuse it, read only."""

    release: Release
    plain: dict = attrs.field(eq=False, repr=False)


def convert_bytes(data: object, name: str = "-", *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Release]:
    """Convert one input (a bare release, a cut ``<DOCUMENT>`` or a full submission) to records."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"convert_bytes takes the input's bytes, not {type(data).__name__}: "
                        "give text as text.encode(), or a file to convert_path")
    if isinstance(data, memoryview):
        data = data.tobytes()  # the conversion's own functions take bytes (checked when compiled)
    return [checked.release for checked in convert_bytes_checked(data, name, max_bytes=max_bytes)]


def convert_bytes_checked(data: bytes | bytearray, name: str = "-", *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[CheckedRelease]:
    """``convert_bytes``, each record handed on with its checked plain form (the batch writers
    print JSON from it rather than walk the record again)."""
    clear_input_caches()  # answers about lines and labels serve one input only
    try:
        text = decode_bytes(data, max_bytes)
        submission = read_submission(text.lines)
        releases = []
        budget = _WorkBudget()
        documents = list(_release_documents(submission))
        budget.check_up_front(submission, documents)
        skipped = _skipped_documents(submission)
        for document, lines in documents:
            notes = list(skipped)
            if is_html(lines):
                lines = html_to_lines(lines)
                notes.append(ParseWarning("html_converted", "HTML exhibit: its text was extracted from the markup; "
                                          "line numbers count lines of that text", None))
            source = Source(
                name=_source_name(name), sha256=text.sha256, encoding=text.encoding, line_count=len(lines),
                document=document.document, filing=submission.filing,
            )
            budget.spend(lines)
            bundle = []
            for first, last in split_releases(lines):
                budget.spend_release()
                # Lines of the other releases are blanked, so numbers stay those of the document.
                part = ("",) * first + lines[first: last + 1] + ("",) * (len(lines) - last - 1)
                bundle.append(extract_release(part, _segment_span(lines, first, last), source, submission.filers))
            bundle = _share_exhibit(bundle)
            releases += [attrs.evolve(r, warnings=r.warnings + tuple(notes)) for r in bundle] if notes else bundle
        checked = []
        for release in releases:
            if not submission.is_wrapped:
                _require_release_like(release)
            plain = release_to_dict(release)
            validate_record(plain)
            checked.append(CheckedRelease(release, plain))
        return checked
    except ConversionError as error:
        raise error.at(name)


# Work limits, so that no input within --max-bytes runs for long: the text of the releases in one
# input (a full submission's other documents are not counted) and the releases it holds. A real
# exhibit is a few thousand lines; these are far above any we have seen.
MAX_RELEASE_LINES: Final = 10_000
MAX_RELEASE_CHARS: Final = 500_000
MAX_RELEASES: Final = 1_000
_SEGMENT_MARGIN: Final = 30  # blank lines kept around a bundled release when it is segmented alone


class _WorkBudget:
    """Counts the release text and releases of one input; over a limit is InputTooLargeError."""

    def __init__(self) -> None:
        self.lines = self.chars = self.releases = 0

    def check_up_front(self, submission: Submission, documents: list) -> None:
        """Refuse before any work what is sure to be over: too many exhibits, or too much plain text
        (HTML exhibits are counted once their markup is turned into text)."""
        exhibits = sum(1 for d in submission.documents if d.document and _RELEASE_TYPE.match(d.document.type or ""))
        if max(exhibits, len(documents)) > MAX_RELEASES:
            raise InputTooLargeError(f"input holds over {MAX_RELEASES:,} releases")
        lines = [line for _, text in documents if not is_html(text) for line in text]
        _WorkBudget().spend(tuple(lines))

    def spend(self, lines: tuple[str, ...]) -> None:
        self.lines += len(lines)
        self.chars += sum(map(len, lines))
        if self.lines > MAX_RELEASE_LINES or self.chars > MAX_RELEASE_CHARS:
            raise InputTooLargeError(
                f"release text is over the limit of {MAX_RELEASE_LINES:,} lines or {MAX_RELEASE_CHARS:,} "
                f"characters ({self.lines:,} lines, {self.chars:,} characters so far)")

    def spend_release(self) -> None:
        self.releases += 1
        if self.releases > MAX_RELEASES:
            raise InputTooLargeError(f"input holds over {MAX_RELEASES:,} releases")


def _source_name(name: str) -> str:
    """The input's name as a record can hold it: a file name's bytes that are not UTF-8 (which
    os.fsdecode makes surrogates) and control characters (which XML cannot hold) become U+FFFD."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _UNPRINTABLE.sub("\ufffd", name)


def _segment_span(lines: tuple[str, ...], first: int, last: int):
    """The segments of lines ``first..last`` as if the rest of the document were blank, numbered in
    the document. Only the span and a blank margin are segmented, so a text bundling many
    releases stays linear."""
    low, high = max(0, first - _SEGMENT_MARGIN), min(len(lines), last + 1 + _SEGMENT_MARGIN)
    window = ("",) * (first - low) + lines[first: last + 1] + ("",) * (high - last - 1)
    if low == 0:
        return segment(window)  # the usual text of one release: numbered as it stands
    return tuple(s._replace(first=s.first + low, last=s.last + low) for s in segment(window))


def convert_path(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Release]:
    """Convert a file (``.gz`` files are decompressed, capped at ``max_bytes``). The record names
    the file (``source.name``); an error names the path as given, so a user can find it."""
    data = read_input(path, max_bytes)
    try:
        return convert_bytes(data, Path(path).name, max_bytes=max_bytes)
    except ConversionError as error:
        raise error.at(os.fspath(path)) from None


def iter_releases(paths: Iterable[str | os.PathLike], *,
                  on_error: Callable[[ConversionError], None] | None = None, **options) -> Iterator[Release]:
    """Yield the records of many files in order; a file that fails raises its ConversionError,
    or, given ``on_error``, is handed to it and skipped, so a feed goes on past a bad file."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError("iter_releases takes several paths (a list, a generator); for one file use convert_path")
    for path in paths:
        try:
            releases = convert_path(path, **options)
        except ConversionError as error:
            if on_error is None:
                raise
            on_error(error)
            continue
        yield from releases


def why_unreadable(path: Path) -> str | None:
    """Why ``path`` is no input to read, or None. A pipe or a device is read as a file is
    (``prconvert convert <(zcat x.txt.gz)``, ``/dev/stdin``)."""
    try:
        if stat.S_ISDIR(os.stat(path).st_mode):
            return "is a folder, not a file"
    except OSError as error:
        if error.errno == errno.ENOENT:
            return "a link to nothing" if os.path.islink(path) else "no such file"
        return f"cannot read: {reason(error)}"  # a folder above it closed, a loop of links
    return None


def read_input(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes (a ``.gz`` file's decompressed), refused when over ``max_bytes``. Every error
    is a ConversionError naming the path as given (one that cannot be read: UnreadableInputError)."""
    path = Path(path)
    try:
        data = read_bounded(path, max_bytes)
        return gunzip_input(data, path.name, max_bytes) if path.suffix == ".gz" else data
    except OSError as error:
        raise UnreadableInputError(why_unreadable(path) or f"cannot read: {reason(error)}",
                                   os.fspath(path)) from None
    except ConversionError as error:
        raise error.at(os.fspath(path)) from None


def read_bounded(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, refused when over ``max_bytes`` (before reading when its size says so).
    Plain os calls: a batch reads every input this way, and a file object costs three more system
    calls. A file that grew since, or says size 0 as /proc does, is read on to its end."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(handle).st_size
        if size > max_bytes:
            raise InputTooLargeError(f"input is {size:,} bytes, over the limit of {max_bytes:,}", path.name)
        parts, total = [], 0
        chunk = os.read(handle, size + 1)  # all of it, as its size says; then read on to the end
        while chunk:
            parts.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise InputTooLargeError(f"input is over the limit of {max_bytes:,} bytes", path.name)
            chunk = os.read(handle, 1 << 16)
        return parts[0] if len(parts) == 1 else b"".join(parts)
    finally:
        os.close(handle)


def gunzip_input(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The content of a ``.gz`` input read whole, refused when it decompresses to over ``max_bytes``."""
    with gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb") as stream:
        try:
            content = stream.read(max_bytes + 1)
        except (OSError, EOFError) as error:
            raise ConversionError(f"not a readable gzip file ({error})", name) from None
    if len(content) > max_bytes:
        raise InputTooLargeError(f"decompresses to over the limit of {max_bytes:,} bytes", name)
    return content


def _release_documents(submission: Submission) -> Iterator[tuple[EdgarDocument, tuple[str, ...]]]:
    """The documents to convert: EX-99/EX-20 exhibits, else a release pasted into the 8-K text."""
    if not submission.is_wrapped:
        yield submission.documents[0], submission.documents[0].lines
        return
    documents = list(submission.documents)
    exhibits = [d for d in documents if d.document and _RELEASE_TYPE.match(d.document.type or "")]
    exhibits = [d for d in exhibits if not _is_uuencoded(d)]
    if exhibits:
        for document in exhibits:
            yield document, document.lines
        return
    if len(documents) == 1 and submission.filing is None and documents[0].lines:
        yield documents[0], documents[0].lines  # a single cut <DOCUMENT> of another type
        return
    for document in documents:
        lines = _release_in_body(document.lines)
        if lines is not None:
            yield document, lines
            return
    raise NoReleaseError("submission has no EX-99 or EX-20 exhibit and no press release in its text")


def _share_exhibit(bundle: list[Release]) -> list[Release]:
    """Releases bundled in one exhibit share the exhibit label printed once at its top."""
    first = bundle[0].exhibit
    return [release if release.exhibit or not first else attrs.evolve(release, exhibit=first) for release in bundle]


def _skipped_documents(submission: Submission) -> list[ParseWarning]:
    """Warnings for exhibits that look like releases but hold binary parts (uuencoded graphics)."""
    notes = []
    for document in submission.documents:
        doc = document.document
        if doc and _RELEASE_TYPE.match(doc.type or "") and _is_uuencoded(document):
            notes.append(ParseWarning(
                "document_skipped", f"{doc.type} (sequence {doc.sequence}) is a uuencoded binary part; skipped",
                document.first_line,
            ))
    return notes


def _is_uuencoded(document: EdgarDocument) -> bool:
    head = next((line for line in document.lines if line.strip()), "")
    return bool(_UUENCODED.match(head))


_EXHIBIT_WORD: Final = re.compile(r"\bExhibit\b", re.IGNORECASE)


def _release_in_body(lines: tuple[str, ...]) -> tuple[str, ...] | None:
    """An 8-K that pastes its release under "Item 5. Press Release": blank out what comes before."""
    for index, line in enumerate(lines):
        if _BODY_RELEASE.search(line) and not _EXHIBIT_WORD.search(line):
            for ahead in range(index + 1, min(index + 8, len(lines))):
                if _ANNOUNCES_RELEASE.search(lines[ahead]):
                    index = ahead
            end = index
            while end + 1 < len(lines) and lines[end + 1].strip():
                end += 1  # the rest of the sentence that announces the release
            return tuple("" for _ in range(end + 1)) + lines[end + 1:]
    return None


def _require_release_like(release: Release) -> None:
    """A bare text must show at least one mark of a press release, else it is refused."""
    marks = (
        release.dateline, release.wire, release.exhibit, release.contacts, release.securities,
        release.release_number, release.safe_harbor, release.audience,
        any(block.kind == "table" for block in release.blocks),
    )
    if not any(marks):
        raise NoReleaseError(
            "does not read as a press release: no dateline, wire, exhibit label, contact, ticker or table found",
            line=1,
        )
