"""Stage 3: from a release's lines and segments to the ``Release`` record.

Each field comes from the blocks the segmenter marked for it; what could not be found is None
with a warning of a stable code.
"""
from __future__ import annotations

import re
from typing import Final

import attrs

from . import lines as shape
from .edgar import submitting_filer
from .fields.contacts import read_contacts
from .fields.dateline import dateline_date, match_dateline, numeric_dates
from .fields.dates import NUMERIC_DATE, WRITTEN_DATE
from .fields.front import AUDIENCE, EXHIBIT, RELEASE_NUMBER
from .fields.issuer import issuer_from_sentence, issuer_from_tag_line, issuer_from_title, named_filer
from .fields.safe_harbor import is_safe_harbor_heading, split_risks
from .fields.wire import (
    LEADING_TAGS,
    TICKER,
    TICKER_GROUP,
    bare_tickers,
    exchange_name,
    strip_tags,
    wire_code,
    wire_service,
)
from .records import (
    SCHEMA_VERSION,
    Block,
    Contact,
    Dateline,
    FieldLines,
    Issuer,
    Paragraph,
    ParseWarning,
    Release,
    SafeHarbor,
    Security,
    Source,
    Wire,
)
from .segmenter import Segment
from .tables import read_tables

_BLOCK_KIND: Final = {"subheadline": "headline"}
_TERMINAL: Final = (".", "!", "?", '"', "\u201d", ":", ")")


class _Release:
    """The lines and segments of one release, with helpers to read them (1-based output)."""

    def __init__(self, lines: tuple[str, ...], segments: tuple[Segment, ...]):
        self.lines = lines
        self.segments = segments
        self.warnings: list[ParseWarning] = []

    def of(self, *kinds: str) -> list[Segment]:
        return [segment for segment in self.segments if segment.kind in kinds]

    def text(self, segment: Segment) -> str:
        return shape.join_lines(list(self.lines[segment.first: segment.last + 1]))

    def warn(self, code: str, message: str, line: int | None = None) -> None:
        self.warnings.append(ParseWarning(code=code, message=message, line=line))


def extract_release(lines: tuple[str, ...], segments: tuple[Segment, ...], source: Source, filers=()) -> Release:
    """Read every contract field except tables and facts from a segmented release (``filers``:
    the submission's registrants, which the issuer's CIK is chosen from)."""
    release = _Release(lines, segments)
    exhibit, exhibit_lines = _exhibit(release)
    number, number_lines = _release_number(release)
    headline, headline_lines = _joined(release, "headline", strip=True)
    subheadline, sub_lines = _joined(release, "subheadline", strip=True)
    if subheadline:
        subheadline = subheadline.strip(" -\u2013\u2014")
        if subheadline.startswith("(") and subheadline.endswith(")") and subheadline.count("(") == 1:
            subheadline = subheadline[1:-1].strip()  # "(Purchase Price of $86.5 Million)"
        subheadline = subheadline or None
    audience, audience_lines = _audience(release)
    dateline, dateline_rest, dateline_wire = _dateline(release, source)
    body = _body(release, dateline_rest)
    issuer = _issuer(release, body, headline, source, filers)
    spans = [(s.first, s.last) for s in release.of("table")]
    tables, facts, table_warnings = read_tables(lines, spans, source)
    release.warnings += table_warnings
    if headline is None:
        release.warn("headline_missing", "no headline found before the dateline")
    if not body:
        release.warn("body_missing", "no body paragraphs found")
    return Release(
        schema_version=SCHEMA_VERSION,
        source=source,
        exhibit=exhibit,
        release_number=number,
        issuer=issuer,
        securities=_securities(release),
        wire=_wire(release, dateline, dateline_wire),
        contacts=_contacts(release),
        headline=headline,
        subheadline=subheadline,
        audience=audience,
        dateline=dateline,
        body=body,
        safe_harbor=_safe_harbor(release),
        tables=tables,
        facts=facts,
        blocks=tuple(Block(kind=_BLOCK_KIND.get(s.kind, s.kind), lines=(s.first + 1, s.last + 1)) for s in segments),
        warnings=tuple(release.warnings),
        field_lines=FieldLines(
            exhibit=exhibit_lines, release_number=number_lines, headline=headline_lines,
            subheadline=sub_lines if subheadline else None, audience=audience_lines,
        ),
    )


def _front_lines(release: _Release, kinds=("header", "contact", "headline", "subheadline", "wire", "audience")):
    for segment in release.of(*kinds):
        for i in range(segment.first, segment.last + 1):
            yield i, release.lines[i]


def _exhibit(release: _Release):
    for i, line in _front_lines(release, ("header",)):
        match = EXHIBIT.match(line)
        if match:
            return match["number"], (i + 1, i + 1)
    return None, None


def _release_number(release: _Release):
    for i, line in _front_lines(release, ("header", "contact")):
        match = RELEASE_NUMBER.search(line)
        if match:
            return match["number"].rstrip("."), (i + 1, i + 1)
    return None, None


def _joined(release: _Release, kind: str, strip: bool):
    segments = release.of(kind)
    if not segments:
        return None, None
    texts = [strip_tags(release.lines[i]) for s in segments for i in range(s.first, s.last + 1)]
    text = shape.normalize(" ".join(texts)) or None
    return text, (segments[0].first + 1, segments[-1].last + 1)


def _audience(release: _Release):
    for segment in release.of("audience"):
        match = AUDIENCE.match(release.lines[segment.first])
        if match:
            return shape.normalize(match["audience"]), (segment.first + 1, segment.first + 1)
    return None, None


def _dateline(release: _Release, source: Source):
    """The dateline record, the text of its paragraph after it (the first body words) and its wire tag."""
    segments = release.of("dateline")
    if not segments:
        release.warn("dateline_missing", "no dateline (CITY, State -- ...) found")
        return None, None, None
    head = segments[0]
    index = release.segments.index(head)
    follow = release.segments[index + 1] if index + 1 < len(release.segments) else None
    last = follow.last if follow and follow.continues and follow.kind == "body" else head.last
    paragraph = shape.flat_text(release.lines[head.first: last + 1])
    found = match_dateline(paragraph)
    trailer = (release.lines[i] for s in release.of("end", "other") for i in range(s.first, s.last + 1))
    references = numeric_dates(" ".join(trailer))
    if source.filing and source.filing.filed:
        references.append(source.filing.filed)
    date, reference = dateline_date(found, references)
    if reference:
        release.warn("dateline_year_inferred", f"dateline prints no year; took it from {reference}", head.first + 1)
    elif date is None:
        release.warn("dateline_undated", "the dateline prints no date" + _date_alone_above(release, head.first),
                     head.first + 1)
    dateline = Dateline(
        city=found.city, region=found.region, date=date, text=found.text, lines=(head.first + 1, head.last + 1)
    )
    rest = paragraph[found.end:].strip()
    return dateline, (rest, head.first + 1, last + 1), found.wire_text


_DATE_LABEL: Final = re.compile(r"(?:[A-Za-z][A-Za-z ]{0,29}:\s*)?")  # "Date:", "For release:"


def _date_alone_above(release: _Release, dateline_first: int) -> str:
    """A date printed on a line of its own above the dateline (the release's date, as some print
    it right-aligned over the headline or as "Date: ..."), for the warning: the dateline's date
    is only the dateline's own."""
    for i, line in _front_lines(release, ("header", "contact", "headline", "subheadline")):
        text = line.strip()
        if i >= dateline_first:
            break
        for pattern in (WRITTEN_DATE, NUMERIC_DATE):
            found = pattern.search(text)
            if found and found.end() == len(text) and _DATE_LABEL.fullmatch(text[:found.start()]):
                return f"; a line above it prints a date: {text}"
    return ""


def _body(release: _Release, dateline_rest) -> tuple[Paragraph, ...]:
    paragraphs: list[list] = []
    if dateline_rest and dateline_rest[0]:
        paragraphs.append([dateline_rest[0], dateline_rest[1], dateline_rest[2]])
    for segment in release.of("body"):
        if segment.continues:
            continue  # the rest of the dateline paragraph, already taken
        text = release.text(segment)
        if paragraphs and _continues_across_page(release, paragraphs[-1], segment, text):
            paragraphs[-1][0] += " " + text
            paragraphs[-1][2] = segment.last + 1
        else:
            paragraphs.append([text, segment.first + 1, segment.last + 1])
    return tuple(Paragraph(text=text, lines=(first, last)) for text, first, last in paragraphs if text)


def _continues_across_page(release: _Release, previous, segment: Segment, text: str) -> bool:
    """A paragraph cut by a page break: the first part has no final stop, the second starts lower-case."""
    if previous[0].endswith(_TERMINAL) or not text[:1].islower():
        return False
    between = range(previous[2], segment.first)
    kinds = {s.kind for s in release.segments if previous[2] <= s.first < segment.first}
    return kinds <= {"page"} and len(between) < 12


_SOURCE_NAME: Final = re.compile(r"^\s*SOURCE\s+(.+?)\s*$")  # PR Newswire's trailer: "SOURCE Acme Corp"


def _issuer(release: _Release, body, headline: str | None, source: Source, filers=()) -> Issuer | None:
    name, lines = _issuer_name(release, body)
    if name is None:
        release.warn("issuer_missing", "the issuer's name was not found in the release")
    cik = source.filing.cik if source.filing else None
    if len(filers) > 1:  # several registrants filed it: the issuer's CIK is the one named so
        named = named_filer(name, filers)
        if named is not None:
            cik = named.cik
        elif submitting_filer(source.filing.accession_number, filers) is None:  # type: ignore[union-attr]  # nor one who submitted it
            release.warn("issuer_cik_uncertain",
                         f"{len(filers)} companies filed this submission, none named {name or 'as the issuer'} nor the "
                         f"accession number's; the CIK is the first filer's ({source.filing.company_name})",  # type: ignore[union-attr]
                         lines[0] if lines else None)
    if name is None:
        return Issuer(name=None, cik=cik, lines=None) if cik else None
    return Issuer(name=name, cik=cik, lines=lines)


def _issuer_name(release: _Release, body) -> tuple[str | None, tuple[int, int] | None]:
    for i, line in _front_lines(release, ("headline", "wire")):
        name = issuer_from_tag_line(line)
        if name:
            return name, (i + 1, i + 1)
    for segment in release.of("headline")[:1]:
        name = issuer_from_title(release.text(segment))
        if name:
            return name, (segment.first + 1, segment.first + 1)
    if body:
        name = issuer_from_sentence(body[0].text)
        if name:
            return name, (body[0].lines[0], body[0].lines[0])
    for segment in release.of("end"):
        match = _SOURCE_NAME.match(release.lines[segment.first])
        if match:
            return match[1], (segment.first + 1, segment.first + 1)
    return None, None


def _securities(release: _Release) -> tuple[Security, ...]:
    found: list[Security] = []
    seen: set[tuple[str, str]] = set()
    kinds = ("header", "headline", "subheadline", "wire", "dateline", "body", "contact", "other")
    for group in _paragraph_groups(release, kinds):
        flat = shape.flat_text(tuple(release.lines[i] for s in group for i in range(s.first, s.last + 1)))
        spans = [m.group(0) for m in TICKER_GROUP.finditer(flat)] + bare_tickers(flat)
        for span in spans:
            for match in TICKER.finditer(span):
                key = (exchange_name(match["exchange"]), match["symbol"])
                if key in seen:
                    continue
                seen.add(key)
                line = _line_with(release, group, match["exchange"])
                found.append(Security(exchange=key[0], symbol=key[1], lines=(line, line)))
    return tuple(found)


def _paragraph_groups(release: _Release, kinds) -> list[list[Segment]]:
    """Segments of the wanted kinds, those that continue one paragraph grouped together."""
    groups: list[list[Segment]] = []
    for segment in release.segments:
        if segment.kind not in kinds:
            continue
        if segment.continues and groups and groups[-1][-1].last < segment.first:
            groups[-1].append(segment)
        else:
            groups.append([segment])
    return groups


def _line_with(release: _Release, group: list[Segment], needle: str) -> int:
    for segment in group:
        for i in range(segment.first, segment.last + 1):
            if needle in release.lines[i]:
                return i + 1
    return group[0].first + 1


def _wire(release: _Release, dateline: Dateline | None, wire_text: str | None) -> Wire | None:
    for i, line in _front_lines(release, ("headline", "wire")):
        match = LEADING_TAGS.match(line)
        if match:
            return Wire(service=wire_service(match["code"]), code=match["code"], slug=match["slug"], lines=(i + 1, i + 1))  # type: ignore[arg-type]
    service = wire_service(wire_text) if wire_text else None
    if dateline and service:
        return Wire(service=service, code=wire_code(wire_text), slug=None, lines=dateline.lines)  # type: ignore[arg-type]
    return None


def _contacts(release: _Release) -> tuple[Contact, ...]:
    groups = [
        [(i + 1, release.lines[i]) for i in range(s.first, s.last + 1) if release.lines[i].strip()]
        for s in release.of("contact")
    ]
    merged: list[list] = []
    for group in groups:
        # A contact stack split by a blank line is still one block of contacts.
        if merged and group and merged[-1] and group[0][0] - merged[-1][-1][0] <= 3 and not group[0][1].lstrip().startswith("/"):
            merged[-1] = merged[-1] + group
        else:
            merged.append(group)
    contacts = read_contacts(merged)
    letterhead = _letterhead_organization(release)
    if letterhead:
        contacts = [c if c.organization else attrs.evolve(c, organization=letterhead) for c in contacts]
    return tuple(contacts)


def _letterhead_organization(release: _Release) -> str | None:
    """A company name printed on the letterhead line just above a front contact block."""
    for index, segment in enumerate(release.segments[1:], 1):
        above = release.segments[index - 1]
        if segment.kind == "contact" and above.kind == "header" and above.last == segment.first - 1:
            name = issuer_from_title(shape.WIDER_GAP.split(release.lines[above.last].strip())[0])
            if name:
                return name
    return None


def _safe_harbor(release: _Release) -> SafeHarbor | None:
    segments = release.of("safe_harbor")
    if not segments:
        return None
    heading = None
    texts: list[str] = []
    item_lines: list[str] = []
    for segment in segments:
        text = release.text(segment)
        if heading is None and not texts and is_safe_harbor_heading(text):
            heading = text
            continue
        texts.append(text)
        item_lines += list(release.lines[segment.first: segment.last + 1]) + [""]
    text = " ".join(texts)
    return SafeHarbor(
        heading=heading,
        text=text or (heading or ""),
        risks=tuple(split_risks(text, item_lines)),
        lines=(segments[0].first + 1, segments[-1].last + 1),
    )
