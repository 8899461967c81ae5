"""Stage 1b: EDGAR wrappers. Split a submission (or a single ``<DOCUMENT>``) into its documents.

Handles the PEM envelope of 1990s-2000s filings, the ``<SEC-HEADER>`` key/value header and the
newer ``<SUBMISSION>`` tag header. Line numbers of a document are counted inside its ``<TEXT>``.
"""
from __future__ import annotations

import datetime
import re
from typing import Final

from attrs import frozen

from .errors import TruncatedSubmissionError
from .records import Document, Filing

_WRAPPER_START: Final = re.compile(r"^\s*<(SEC-DOCUMENT|SUBMISSION|DOCUMENT|SEC-HEADER|IMS-DOCUMENT)>", re.I)
_HEADER_FIELD: Final = re.compile(r"^\s*(?P<key>[A-Z][A-Z0-9 ()/-]*?):\s*(?P<value>.*?)\s*$")
_TAG_FIELD: Final = re.compile(r"^\s*<(?P<key>[A-Z][A-Z0-9-]*)>\s*(?P<value>.*?)\s*$", re.I)
_DOC_TAG: Final = re.compile(r"^\s*<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>\s*(.*?)\s*$", re.I)


@frozen
class EdgarDocument:
    """One document of a submission: its wrapper fields and the lines of its ``<TEXT>``."""

    document: Document | None
    lines: tuple[str, ...]
    first_line: int  # 1-based line of the first text line in the whole input


@frozen
class Filer:
    """One registrant of a submission (a utility's holding company and its subsidiaries file one
    release together): who the issuer's CIK is chosen from."""

    cik: str | None
    company_name: str | None


@frozen
class Submission:
    filing: Filing | None
    documents: tuple[EdgarDocument, ...]
    is_wrapped: bool
    filers: tuple[Filer, ...] = ()


def is_sgml(lines: tuple[str, ...]) -> bool:
    """True when the input is an EDGAR submission or a cut ``<DOCUMENT>`` rather than a bare text."""
    for line in lines[:40]:
        if _WRAPPER_START.match(line):
            return True
        if line.strip() and not line.startswith(("-----BEGIN", "Proc-Type", "Originator", "MIC-Info", " ")):
            return False
    return False


def read_submission(lines: tuple[str, ...]) -> Submission:
    """Split an EDGAR file into its header and documents; refuse one cut off in the middle."""
    if not is_sgml(lines):
        return Submission(filing=None, documents=(EdgarDocument(None, lines, 1),), is_wrapped=False)
    _check_complete(lines)
    filing, filers = _read_header(lines)
    return Submission(filing=filing, documents=tuple(_read_documents(lines)), is_wrapped=True, filers=filers)


def _check_complete(lines: tuple[str, ...]) -> None:
    opened: list[tuple[str, int]] = []
    for number, line in enumerate(lines, 1):
        if "<" not in line:
            continue  # most lines: skipped cheaply, for submissions of millions of lines
        upper = line.strip().upper()
        for tag in ("SEC-DOCUMENT", "SUBMISSION", "DOCUMENT", "TEXT", "SEC-HEADER"):
            if upper.startswith(f"<{tag}>"):
                opened.append((tag, number))
            elif upper.startswith(f"</{tag}>"):
                while opened and opened[-1][0] != tag:
                    opened.pop()
                if opened:
                    opened.pop()
    if opened:
        tag, number = opened[-1]
        raise TruncatedSubmissionError(
            f"EDGAR submission is cut off: <{tag}> opened here is never closed", line=number
        )


_KEY_BLANKS: Final = re.compile(r"[\s-]+")


def _read_header(lines: tuple[str, ...]) -> tuple[Filing | None, tuple[Filer, ...]]:
    """The header's fields and its filers. With several filers, the filing's CIK and name are
    those of the filer whose CIK opens the accession number (the one who submitted it), else the
    first's."""
    fields: dict[str, str] = {}
    filers: list[dict[str, str]] = []
    in_header = False
    for line in lines:
        upper = line.strip().upper()
        if upper.startswith(("<SEC-HEADER>", "<IMS-HEADER>", "<SUBMISSION>")):
            in_header = True
            continue
        if upper.startswith(("</SEC-HEADER>", "</IMS-HEADER>", "<DOCUMENT>")):
            break
        if not in_header:
            continue
        if upper in ("FILER:", "<FILER>"):
            filers.append({})
            continue
        match = _HEADER_FIELD.match(line) or _TAG_FIELD.match(line)
        if match and match["value"]:
            key = _KEY_BLANKS.sub(" ", match["key"].upper())
            fields.setdefault(key, match["value"])
            if filers:
                filers[-1].setdefault(key, match["value"])
    if not fields:
        return None, ()
    registrants = tuple(Filer(cik=f.get("CENTRAL INDEX KEY") or f.get("CIK"),
                              company_name=f.get("COMPANY CONFORMED NAME") or f.get("CONFORMED NAME"))
                        for f in filers)
    submitter = submitting_filer(fields.get("ACCESSION NUMBER"), registrants)
    return Filing(
        accession_number=fields.get("ACCESSION NUMBER"),
        form_type=fields.get("CONFORMED SUBMISSION TYPE") or fields.get("TYPE"),
        filed=_iso(fields.get("FILED AS OF DATE") or fields.get("FILING DATE")),
        period=_iso(fields.get("CONFORMED PERIOD OF REPORT") or fields.get("PERIOD")),
        cik=submitter.cik if submitter else fields.get("CENTRAL INDEX KEY") or fields.get("CIK"),
        company_name=submitter.company_name if submitter else
        fields.get("COMPANY CONFORMED NAME") or fields.get("CONFORMED NAME"),
    ), registrants


def submitting_filer(accession_number: str | None, filers) -> Filer | None:
    """The filer whose CIK opens the accession number: the one who submitted the filing (an
    agent's accession number names none of them)."""
    return next((f for f in filers if f.cik and (accession_number or "").startswith(f.cik.zfill(10))), None)


_EIGHT_DIGITS: Final = re.compile(r"[0-9]{8}")  # a date as the header prints it: 20050125


def _iso(value: str | None) -> str | None:
    """YYYYMMDD as an ISO date; None when it is not a calendar date ("39922440")."""
    if value and _EIGHT_DIGITS.fullmatch(value):
        try:
            return datetime.date(int(value[:4]), int(value[4:6]), int(value[6:])).isoformat()
        except ValueError:
            return None
    return None


def _read_documents(lines: tuple[str, ...]):
    index = 0
    while index < len(lines):
        if "<" in lines[index] and lines[index].strip().upper().startswith("<DOCUMENT>"):
            index = yield from _read_document(lines, index + 1)
        index += 1


def _read_document(lines: tuple[str, ...], index: int):
    tags: dict[str, str] = {}
    while index < len(lines) and not lines[index].strip().upper().startswith("<TEXT>"):
        match = _DOC_TAG.match(lines[index])
        if match:
            tags[match[1].upper()] = match[2]
        index += 1
    start = index + 1
    end = start
    while end < len(lines) and not ("<" in lines[end] and lines[end].strip().upper().startswith("</TEXT>")):
        end += 1  # "<" asked first: most lines hold none
    sequence = tags.get("SEQUENCE", "")
    document = Document(
        type=tags.get("TYPE") or None,
        sequence=int(sequence) if sequence.isdecimal() and len(sequence) <= 9 else None,  # "²".isdigit()
        filename=tags.get("FILENAME") or None,
        description=tags.get("DESCRIPTION") or None,
    )
    yield EdgarDocument(document=document, lines=lines[start:end], first_line=start + 1)
    return end
