"""Stage 3b: fixed-width financial tables -> ``Table`` records and XBRL-ready ``Fact``s.

Each table block is cut into tables (``table_layout``), its rows read (``table_rows``), its
columns given periods (``table_periods``) and its values scale and units (``table_units``);
``table_facts`` turns the numbers into facts. A table that cannot be split confidently is a
warning and no record: its lines stay a ``table`` block, with no facts and no wrong numbers.
"""
from __future__ import annotations

import re
from typing import Final

from . import table_knowledge as words
from .concepts import map_label
from .records import Column, Fact, ParseWarning, Period, Row, Source, Table
from .table_facts import ColumnInfo, FactBook
from .table_layout import Layout, classify, split_tables
from .table_periods import Calendar, column_period, read_calendar
from .table_rows import RowSpec, read_rows
from .table_units import TableScale, Value, cell_unit, column_unit, read_scale, row_scale, row_unit, scaled

_EXHIBIT_LINE: Final = re.compile(r"^\s*exhibit\b", re.IGNORECASE)
_YEAR: Final = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ABOVE_LIMIT: Final = 6


def read_tables(
    lines: tuple[str, ...], spans: list[tuple[int, int]], source: Source
) -> tuple[tuple[Table, ...], tuple[Fact, ...], list[ParseWarning]]:
    """Read the tables in ``spans`` (0-based, inclusive line ranges of table blocks).

    Returns the tables, their facts, and warnings for tables that could not be read confidently
    (those get no Table record; their lines stay a ``table`` block).
    """
    if not spans:
        return (), (), []
    taken = {i for a, b in spans for i in range(a, b + 1)}  # the lines of every table block
    calendar = read_calendar(" ".join(line for i, line in enumerate(lines) if i not in taken))
    tables: list[Table] = []
    book = FactBook()
    warnings: list[ParseWarning] = []
    for first, last in spans:
        above = _caption_above(lines, first, taken)
        inherited: TableScale | None = None
        for number, layout in enumerate(split_tables(classify(lines, first, last))):
            captions = ([line.text for line in layout.captions] or (above if number == 0 else []))
            context = " ".join(captions + ([] if number else above) + [line.text for line in layout.stub]
                               + [line.label for line in layout.headers if line.kind == "years"])
            if layout.problem:
                warnings.append(_warning("table_unreadable", f"table not read: {layout.problem}", layout))
                continue
            inherited = read_scale(context, inherited)
            table, warned = _read_table(layout, captions, context, inherited, calendar, len(tables), book)
            tables.append(table)
            warnings += warned
    return tuple(tables), tuple(book.facts), warnings


def _read_table(layout: Layout, captions: list[str], context: str, scale: TableScale, calendar: Calendar,
                index: int, book: FactBook) -> tuple[Table, list[ParseWarning]]:
    warnings = []
    headers = [" ".join(column.header) for column in layout.columns]
    periods, infos = _column_periods(layout, headers, context, calendar)
    for number, (header, period) in enumerate(zip(headers, periods)):
        if infos[number].period is None:
            warnings.append(_warning("table_period_unknown",
                                     f"column {number + 1} ({header or 'no heading'}): period not stated; no facts", layout))
    specs = read_rows(layout.body, layout.columns)
    dollar_seen = any(cell is not None and cell.dollar for spec in specs for cell in spec.cells)
    rows, units = [], []
    header_units = [column_unit(header) for header in headers]
    for row_index, spec in enumerate(specs):
        values = _values(spec, header_units, scale, dollar_seen)
        if any(value.unit is None for value in values):
            warnings.append(_warning("table_unit_unknown", f"{spec.label}: unit not stated; no facts", layout))
            values = [value for value in values if value.unit is not None]
        units += [value.unit for value in values]
        book.add_row(index, row_index, spec.label, spec.sections, values, infos)
        rows.append(_row(spec, values, len(headers)))
    table = Table(
        caption=" ".join(" ".join(captions).split()) or None,
        scale=scale.scale,
        unit=max(sorted(set(units)), key=units.count) if units else None,  # type: ignore[type-var]
        columns=[Column(label=" ".join(h.split()) or f"column {n + 1}", period=p) for n, (h, p) in enumerate(zip(headers, periods))],
        rows=rows,
        lines=(_first_line(layout), layout.body[-1].index + 1),
    )
    return table, warnings


def _column_periods(layout: Layout, headers: list[str], context: str, calendar: Calendar):
    """Periods of the columns; a Change column has none of its own and its facts take the
    latest period of its heading group."""
    periods: list[Period | None] = []
    changes: list[bool] = []
    for column, header in zip(layout.columns, headers):
        leaf = column.header[-1] if column.header else ""
        change = bool(words.CHANGE_COLUMN.search(leaf)) and not _YEAR.search(leaf)
        changes.append(change)
        periods.append(None if change else column_period(header, context, calendar))
    infos = []
    for number, period in enumerate(periods):
        fact_period = _group_period(layout, number, periods) if changes[number] else period
        shared = period is not None and sum(1 for other in periods if other == period) > 1
        infos.append(ColumnInfo(period=fact_period, qualified=changes[number] or shared))
    return periods, infos


def _group_period(layout: Layout, number: int, periods: list[Period | None]) -> Period | None:
    """The latest period among the columns under the same top heading as column ``number``."""
    group = layout.columns[number].header[:1]
    members = [p for c, p in zip(layout.columns, periods) if p is not None and c.header[:1] == group]
    if not members:
        members = [p for p in periods[:number] if p is not None][-1:]
    return max(members, key=lambda p: p.end or p.instant or "") if members else None


def _values(spec: RowSpec, header_units: list[str | None], scale: TableScale, dollar_seen: bool) -> list[Value]:
    values: list[Value] = []
    if not any(cell is not None and cell.value is not None for cell in spec.cells):
        return values  # a heading, or a row of nils: its label's unit and scale are not asked
    label_unit = row_unit(spec.label, spec.sections)
    own_scale = row_scale(spec.label)
    for number, cell in enumerate(spec.cells):
        if cell is None or cell.value is None:
            continue
        unit = cell_unit(cell, label_unit, header_units[number], scale, dollar_seen)
        values.append(scaled(number, cell, unit, scale, own_scale) if unit else Value(number, None, None, None, None))
    return values


def _row(spec: RowSpec, values: list[Value], width: int) -> Row:
    printed: list[int | float | None] = [None] * width
    for value in values:
        printed[value.column] = value.value
    units = [value.unit for value in values]
    concept = None
    if units:
        found = map_label(spec.label, spec.sections, max(sorted(set(units)), key=units.count))  # type: ignore[type-var]
        concept = found.name if found else None
    return Row(label=spec.label, concept=concept, values=printed, lines=(spec.first + 1, spec.last + 1))


def _caption_above(lines: tuple[str, ...], first: int, taken: set[int]) -> list[str]:
    """Title and scale lines printed just above a block (an SGML <TABLE> leaves them outside);
    ``taken`` holds the lines of all table blocks."""
    found: list[str] = []
    blanks = 0
    for i in range(first - 1, max(-1, first - 12), -1):
        text = lines[i].strip()
        if not text:
            blanks += 1
            if blanks > 2 and found:
                break
            continue
        if i in taken or _EXHIBIT_LINE.match(text) or len(text.split()) > 12 or text.endswith("."):
            break
        found.insert(0, text)
        blanks = 0
        if len(found) >= _ABOVE_LIMIT:
            break
    return found


def _first_line(layout: Layout) -> int:
    return min(line.index for line in layout.captions + layout.headers + layout.body) + 1


def _warning(code: str, message: str, layout: Layout) -> ParseWarning:
    return ParseWarning(code=code, message=message, line=layout.body[0].index + 1 if layout.body else None)
