"""The layout of a fixed-width table block: captions, column headers, columns found by alignment.

A block may hold several tables one after another (a statement, then a balance sheet): a new
table starts where column headings follow rows. Columns are the clusters of value cells whose
printed extents overlap down the rows; header words are given to the columns they stand over.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final, NamedTuple

from attrs import frozen

from . import lines as shape
from .table_cells import Cell, chunks, untabbed, value_cells

_SGML_TAG_LINE: Final = re.compile(r"^\s*(?:</?(?:TABLE|CAPTION|FN)>|<S>|<C>)(?:\s*<C>)*\s*$", re.IGNORECASE)
_MONTH_WORD: Final = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?=\s|$)")
_YEAR_WORD: Final = re.compile(r"(?<![\d,.$])(?:19|20)\d\d\b")
_HEADER_SLACK: Final = 6  # header words may start this far left of the first value column


class TableLine(NamedTuple):
    """One line of a table block, classified: blank, skip (SGML tag), rule, data, years or text."""

    index: int  # type: ignore[assignment]
    kind: str
    text: str
    indent: int
    label: str = ""
    cells: tuple[Cell, ...] = ()


class Column(NamedTuple):
    """A value column: its printed extent and the header words above it, top to bottom."""

    start: int
    end: int
    header: tuple[str, ...] = ()


@frozen
class Layout:
    """One table of a block: caption lines, stub text, columns, and the body lines."""

    captions: tuple[TableLine, ...]
    stub: tuple[TableLine, ...]
    headers: tuple[TableLine, ...]
    body: tuple[TableLine, ...]
    columns: tuple[Column, ...]
    problem: str | None = None  # why the columns could not be split confidently


def classify(lines: tuple[str, ...], first: int, last: int) -> list[TableLine]:
    """Classify the lines ``first..last`` (0-based, inclusive) of a table block."""
    out = []
    for index in range(first, last + 1):
        raw = untabbed(lines[index]).rstrip()
        indent = len(raw) - len(raw.lstrip())
        if not raw.strip():
            out.append(TableLine(index, "blank", "", indent))
        elif _SGML_TAG_LINE.match(raw):
            out.append(TableLine(index, "skip", raw.strip(), indent))
        elif shape.RULE.match(raw):
            out.append(TableLine(index, "rule", raw.strip(), indent))
        else:
            label, _, cells = value_cells(raw)
            kind = "text"
            if cells:
                kind = "years" if all(cell.is_year for cell in cells) else "data"
            out.append(TableLine(index, kind, raw, indent, label, cells))
    return out


def split_tables(block: list[TableLine]) -> list[Layout]:
    """Cut a classified block into tables: captions, headers (with stub text), then body lines."""
    tables: list[dict] = []
    current = _new_table()
    pending: list[TableLine] = []
    data = [line for line in block if line.kind == "data"]  # in order, so rows below are a bisect away
    data_at = [line.index for line in data]
    for line in block:
        if line.kind in ("blank", "skip", "rule"):
            pending.append(line)
            continue
        if line.kind == "years" or (line.kind == "text" and _in_value_area(line, _rows_below(line, data, data_at))):
            if current["body_rows"]:
                tables.append(current)
                current = _new_table()
                current["captions"] = [p for p in pending if p.kind == "text"]
            elif not current["headers"]:
                current["captions"] += [p for p in pending if p.kind == "text"]
            else:
                current["stub"] += [p for p in pending if p.kind == "text"]
            pending = []
            current["headers"].append(line)
        elif line.kind == "data":
            current["body"] += pending + [line]
            current["body_rows"] += 1
            pending = []
        else:
            pending.append(line)
    current["body"] += [p for p in pending if p.kind != "text" or (data_at and data_at[-1] > p.index)]
    tables.append(current)
    return [_layout(table) for table in tables if table["body_rows"]]


def _new_table() -> dict:
    return {"captions": [], "stub": [], "headers": [], "body": [], "body_rows": 0}


def _rows_below(line: TableLine, data: list[TableLine], data_at: list[int]) -> list[TableLine]:
    """The next few data lines after ``line`` (``data_at``: their line numbers, in order)."""
    first = bisect_right(data_at, line.index)
    return data[first: first + 6]


def _in_value_area(line: TableLine, below: list[TableLine]) -> bool:
    """A text line whose words start over the value columns of the rows below it (a header);
    ``below`` holds the next few data lines."""
    if not below:
        return False
    left = min(other.cells[0].start for other in below)
    pieces = chunks(line.text)
    return bool(pieces) and pieces[0][0] >= left - _HEADER_SLACK and not is_sentence(line.text)


def is_sentence(text: str) -> bool:
    """Running text: one piece (no wide gaps) of seven or more words."""
    pieces = chunks(text)
    return len(pieces) == 1 and len(pieces[0][2].split()) >= 7


def _layout(table: dict) -> Layout:
    rows = [line for line in table["body"] if line.kind == "data"]
    columns, problem = find_columns(rows)
    if not problem:
        columns = attach_headers(columns, table["headers"])
    return Layout(
        captions=tuple(table["captions"]), stub=tuple(table["stub"]), headers=tuple(table["headers"]),
        body=tuple(table["body"]), columns=tuple(columns), problem=problem,
    )


def find_columns(rows: list[TableLine]) -> tuple[list[Column], str | None]:
    """Cluster the value cells of all rows by overlapping extents; one cell per row and column."""
    spans = sorted((cell.start, cell.end) for row in rows for cell in row.cells)
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    columns = [Column(start, end) for start, end in merged]
    starts = [column.start for column in columns]
    for row in rows:
        slots = [column_at(starts, cell) for cell in row.cells]
        if len(set(slots)) != len(slots):
            return columns, f"line {row.index + 1}: two values fall in one column"
    if not columns:
        return columns, "no value columns"
    return columns, None


def column_at(starts: list[int], cell: Cell) -> int:
    """The column of a cell of the rows the columns were found from: each such cell lies inside one
    of the disjoint, ordered columns, the last starting at or before it (tests/test_shortcuts.py)."""
    return bisect_right(starts, cell.start) - 1


def attach_headers(columns: list[Column], headers: list[TableLine]) -> list[Column]:
    """Give each header piece to the columns it stands over (a group heading spans several)."""
    words: list[list[str]] = [[] for _ in columns]
    left = columns[0].start - _HEADER_SLACK if columns else 0
    for position, line in enumerate(headers):
        leaf = position == len(headers) - 1
        # Pieces left of the columns are stub text: the scale or the rows' heading.
        pieces = [p for p in _header_pieces(line, columns, leaf) if p[1] > left]
        for number, column in enumerate(columns):
            words[number] += [text for text in _over(column, pieces)]
    return [Column(c.start, c.end, tuple(w)) for c, w in zip(columns, words)]


def _over(column: Column, pieces: list[tuple[int, int, str]]) -> list[str]:
    """The pieces standing over a column: those overlapping it, else the nearest one when the
    column lies within half that piece's width of it (a group heading centred over its columns)."""
    hits = [text for start, end, text in pieces if start < column.end and column.start < end]
    if hits or not pieces:
        return hits
    middle = (column.start + column.end) / 2
    distance, start, end, text = min((max(start - middle, middle - end), start, end, text) for start, end, text in pieces)
    return [text] if distance <= (end - start) / 2 + 1 else []


def _header_pieces(line: TableLine, columns: list[Column], leaf: bool):
    if line.kind == "years":
        for cell in line.cells:
            yield cell.start, cell.end, cell.text
        return
    for start, end, text in chunks(line.text):
        if leaf:
            yield from _split_leaf(start, text, columns)
        else:
            yield from _split_merged(start, text, columns)


_WORD: Final = re.compile(r"\S+")


def _split_leaf(start: int, text: str, columns: list[Column]):
    """The heading line nearest the numbers names one column per word group: ``2003 Change``
    printed one space apart are two headings."""
    groups: list[list] = []
    for token in _WORD.finditer(text):
        a, b = start + token.start(), start + token.end()
        owner = _covered(columns, a, b)
        key = owner[0] if len(owner) == 1 else None
        if groups and (key is None or groups[-1][0] in (None, key)):
            groups[-1][0] = groups[-1][0] if key is None else key
            groups[-1][2] = b
        else:
            groups.append([key, a, b])
    if len(groups) < 2:
        yield from _split_merged(start, text, columns)
        return
    for _, a, b in groups:
        yield a, b, text[a - start: b - start]


def _split_merged(start: int, text: str, columns: list[Column]):
    """``June 28, January 3,`` printed one space apart: cut before each month or year when a
    piece over several columns names more than one."""
    end = start + len(text)
    cuts = [m.start() for m in _MONTH_WORD.finditer(text)]
    if len(cuts) < 2:
        cuts = [m.start() for m in _YEAR_WORD.finditer(text)] if len(_YEAR_WORD.findall(text)) >= 2 else []
    if len(cuts) < 2 or len(_covered(columns, start, end)) < 2 or " and " in text:
        yield start, end, text
        return
    bounds = [0] + cuts[1:] + [len(text)]
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a:b].strip()
        if piece:
            offset = a + len(text[a:b]) - len(text[a:b].lstrip())
            yield start + offset, start + offset + len(piece), piece


def _covered(columns: list[Column], start: int, end: int) -> list[int]:
    hits = [n for n, c in enumerate(columns) if start < c.end and c.start < end]
    if hits:
        return hits
    middle = (start + end) / 2
    distance, nearest = min((abs((c.start + c.end) / 2 - middle), n) for n, c in enumerate(columns))
    return [nearest] if distance <= 4 else []
