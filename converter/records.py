"""The release record: the project's vocabulary, as small frozen attrs classes.

Every object that came from the text carries ``lines = (first, last)``, 1-based and inclusive,
counted in the decoded document. Records hold values only: no I/O, parsing or formatting.
"""
from __future__ import annotations

from attrs import field, frozen

SCHEMA_VERSION = "1.0"

Lines = tuple[int, int]
Number = int | float


def _tuple(value) -> tuple:
    return tuple(value)


@frozen
class Filing:
    """What the EDGAR ``<SEC-HEADER>`` says about the whole submission."""

    accession_number: str | None = None
    form_type: str | None = None
    filed: str | None = None
    period: str | None = None
    cik: str | None = None
    company_name: str | None = None


@frozen
class Document:
    """One ``<DOCUMENT>`` wrapper of a submission (type, sequence, file name, description)."""

    type: str | None = None
    sequence: int | None = None
    filename: str | None = None
    description: str | None = None


@frozen
class Source:
    name: str
    sha256: str
    encoding: str
    line_count: int
    document: Document | None = None
    filing: Filing | None = None


@frozen
class Issuer:
    name: str | None
    cik: str | None
    lines: Lines | None


@frozen
class Security:
    exchange: str
    symbol: str
    lines: Lines


@frozen
class Wire:
    service: str
    code: str | None
    slug: str | None
    lines: Lines


@frozen
class Contact:
    name: str | None
    organization: str | None
    title: str | None
    phone: str | None
    fax: str | None
    email: str | None
    lines: Lines


@frozen
class Dateline:
    city: str | None
    region: str | None
    date: str | None
    text: str
    lines: Lines


@frozen
class Paragraph:
    text: str
    lines: Lines


@frozen
class SafeHarbor:
    heading: str | None
    text: str
    risks: tuple[str, ...] = field(converter=_tuple)
    lines: Lines = (0, 0)


@frozen(cache_hash=True)
class Period:
    """A duration (``start``/``end``) or a point in time (``instant``); ISO dates or None."""

    start: str | None = None
    end: str | None = None
    instant: str | None = None


@frozen
class Column:
    label: str
    period: Period | None


@frozen
class Row:
    label: str
    concept: str | None
    values: tuple[Number | None, ...] = field(converter=_tuple)
    lines: Lines = (0, 0)


@frozen
class Table:
    caption: str | None
    scale: int
    unit: str | None
    columns: tuple[Column, ...] = field(converter=_tuple)
    rows: tuple[Row, ...] = field(converter=_tuple)
    lines: Lines = (0, 0)


@frozen
class Fact:
    concept: str
    value: Number | str
    unit: str | None
    decimals: int | None
    period: Period | None
    table: int | None
    row: int | None
    column: int | None


@frozen
class Block:
    kind: str
    lines: Lines


@frozen
class ParseWarning:
    """Something the extractor was unsure of or skipped; ``code`` is stable for filtering."""

    code: str
    message: str
    line: int | None


@frozen
class FieldLines:
    """Source lines of the release's plain-string fields (the contract keeps them as strings)."""

    exhibit: Lines | None = None
    release_number: Lines | None = None
    headline: Lines | None = None
    subheadline: Lines | None = None
    audience: Lines | None = None


@frozen
class Release:
    schema_version: str
    source: Source
    exhibit: str | None
    release_number: str | None
    issuer: Issuer | None
    securities: tuple[Security, ...] = field(converter=_tuple)
    wire: Wire | None = None
    contacts: tuple[Contact, ...] = field(converter=_tuple, default=())
    headline: str | None = None
    subheadline: str | None = None
    audience: str | None = None
    dateline: Dateline | None = None
    body: tuple[Paragraph, ...] = field(converter=_tuple, default=())
    safe_harbor: SafeHarbor | None = None
    tables: tuple[Table, ...] = field(converter=_tuple, default=())
    facts: tuple[Fact, ...] = field(converter=_tuple, default=())
    blocks: tuple[Block, ...] = field(converter=_tuple, default=())
    warnings: tuple[ParseWarning, ...] = field(converter=_tuple, default=())
    field_lines: FieldLines = FieldLines()
