"""The rows of a table body: multi-line labels joined, section headings kept as the rows' context.

A label-only line either starts a label that the next value line finishes ("Cost of sales,
buying and" / "occupancy  6,282") or is a heading ("REVENUES", "Basic", "Assets:"). Headings
nest by indentation; a heading printed flush with its rows covers them up to the next blank line.
"""
from __future__ import annotations

import re
from typing import Final, NamedTuple

from attrs import frozen

from . import lines as shape
from .table_cells import Cell
from .table_layout import Column, TableLine, column_at

_CONNECTOR: Final = re.compile(
    r"(?:\b(?:and|or|of|for|to|in|on|the|from|under|with|after|before|per|less|net|related|resulting|"
    r"a|an|by|at|including|excluding|than|into|over)|[,&/])$",
    re.IGNORECASE,
)
_TOTAL_START: Final = re.compile(r"^(?:Total|Less)\b")
_BULLET: Final = re.compile(r"^(?:-\s+)+")
# "Product sales ........": dots at most one space apart, to the end. The lookarounds start a match only
# where a longer one cannot start one character earlier, so a search over a long run stays linear.
_LEADER: Final = re.compile(r"(?<!\s)(?!(?<=\.)\s?\.)\s*+\.(?:\s?+\.)++\s*+$")


class RowSpec(NamedTuple):
    """A row as read: joined label, source lines, one cell (or None) per column, its sections."""

    label: str
    first: int
    last: int
    indent: int
    cells: tuple[Cell | None, ...]
    sections: tuple[str, ...]

    @property
    def is_heading(self) -> bool:
        return all(cell is None for cell in self.cells)


@frozen
class _Heading:
    text: str
    indent: int
    first: int
    last: int


class _Sections:
    """The open headings; ``mode`` of each is set by its first row: nested (deeper) or flat."""

    def __init__(self):
        self.open: list[list] = []  # [heading, mode, has_rows]

    def blank(self) -> None:
        self.open = [entry for entry in self.open if not (entry[1] == "flat" and entry[2])]

    def heading(self, heading: _Heading) -> None:
        self.open = [
            entry for entry in self.open
            if entry[0].indent < heading.indent or (entry[0].indent == heading.indent and not entry[2])
        ]
        self.open.append([heading, None, False])

    def row(self, indent: int) -> tuple[str, ...]:
        kept = []
        for entry in self.open:
            heading, mode, _ = entry
            if mode is None:
                mode = "nested" if indent > heading.indent else ("flat" if indent == heading.indent else None)
                entry[1] = mode
            if mode == "nested" and indent > heading.indent or mode == "flat" and indent >= heading.indent:
                kept.append(entry)
        if kept:
            kept[-1][2] = True  # only the innermost heading holds the row: "Basic" under "EPS"
        self.open = kept
        return tuple(entry[0].text for entry in kept)

    def names(self) -> tuple[str, ...]:
        return tuple(entry[0].text for entry in self.open)


def read_rows(body: tuple[TableLine, ...], columns: tuple[Column, ...]) -> list[RowSpec]:
    """Rows of the body in order; headings become rows without values."""
    rows: list[RowSpec] = []
    sections = _Sections()
    units: list[list[TableLine]] = []
    starts = [column.start for column in columns]
    for line in body:
        if line.kind == "blank":
            _flush_headings(units, rows, sections, columns)
            sections.blank()
        elif line.kind == "text":
            if units and _joins(units[-1], line):
                units[-1].append(line)
            else:
                units.append([line])
        elif line.kind in ("data", "years"):
            carried = units.pop() if units and _continues(units[-1], line) else []
            _flush_headings(units, rows, sections, columns)
            parts = carried + [line]
            path = sections.row(parts[0].indent)
            rows.append(RowSpec(
                label=_label(parts), first=parts[0].index, last=line.index, indent=parts[0].indent,
                cells=_by_column(line, starts), sections=path,
            ))
    return rows


def _flush_headings(units, rows, sections: _Sections, columns) -> None:
    for unit in units:
        heading = _Heading(_label(unit), unit[0].indent, unit[0].index, unit[-1].index)
        sections.heading(heading)
        rows.append(RowSpec(
            label=heading.text, first=heading.first, last=heading.last, indent=heading.indent,
            cells=(None,) * len(columns), sections=sections.names()[:-1],
        ))
    units.clear()


def _joins(unit: list[TableLine], line: TableLine) -> bool:
    """Does a label-only line continue the label lines above it?"""
    last = unit[-1].text.strip()
    if last.endswith(":"):
        return False
    start = line.text.strip()
    if not start[:1].isupper() or _CONNECTOR.search(last):
        return line.indent >= unit[0].indent
    return len(unit) >= 2 and line.indent == unit[-1].indent


def _continues(unit: list[TableLine], line: TableLine) -> bool:
    """Does the value line finish the label begun on the label-only lines above it?"""
    text = " ".join(part.text.strip() for part in unit)
    if any(part.text.rstrip().endswith((":", "-")) for part in unit) or line.indent < unit[0].indent:
        return False
    if _is_caps(text) and not _is_caps(line.label):
        return False
    start = line.label.strip()
    if not start or not start[:1].isupper() or _CONNECTOR.search(text) or _TOTAL_START.match(text):
        return True
    return len(unit) >= 2 and line.indent == unit[-1].indent


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _label(parts: list[TableLine]) -> str:
    texts = [part.label if part.kind in ("data", "years") else part.text for part in parts]
    label = shape.join_lines([_LEADER.sub("", _BULLET.sub("", text.strip())) for text in texts])
    return label or "(no label)"


def _by_column(line: TableLine, starts: list[int]) -> tuple[Cell | None, ...]:
    """The line's cells in the table's columns (``starts``: where each column starts)."""
    cells: list[Cell | None] = [None] * len(starts)
    if line.kind == "data":
        for cell in line.cells:
            cells[column_at(starts, cell)] = cell
    return tuple(cells)
