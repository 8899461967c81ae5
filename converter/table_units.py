"""Scale and unit of each value: from the table's caption, the column heading, the row's label
and section headings, and the cell itself (``%``), in that order of precedence.

Money and share counts take the stated scale ("(in thousands)" x 1000) unless the caption
exempts them ("except share and per share data"); per-share amounts, percentages, ratios and
counts never do.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Final, NamedTuple

from attrs import frozen

from . import table_knowledge as words
from .input_cache import cached_per_input
from .table_cells import Cell

# Unit of a value -> the XBRL unit id of its facts.
UNIT_IDS: Final = {"USD": "USD", "USD/share": "USD-per-share", "shares": "shares", "percent": "pure", "pure": "pure",
            "count": "pure", "kWh": "kWh"}
_SCALED: Final = {"USD", "shares", "kWh"}


@frozen
class TableScale:
    """What a table's caption states: the multiplier, the default unit, whether shares are exempt."""

    scale: int
    stated: bool
    unit: str | None
    shares_exempt: bool
    per_share_exception: bool


def read_scale(caption: str, inherited: TableScale | None = None) -> TableScale:
    """The scale statement in a caption; a table without one inherits the block's previous one."""
    scale = words.first_found(words.SCALES, caption)
    unit = words.first_found(words.TABLE_UNITS, caption)
    if scale is None and inherited is not None and inherited.stated:
        return TableScale(inherited.scale, True, unit or "USD", inherited.shares_exempt, inherited.per_share_exception)
    without_per_share = words.PER_SHARE_PHRASE.sub(" ", caption) if words.found(words.PER_SHARE_PHRASE, caption) else caption
    return TableScale(
        scale=scale or 1,
        stated=scale is not None,
        unit=unit or ("USD" if scale else None),
        shares_exempt=words.found(words.SHARES_EXEMPT, without_per_share),
        per_share_exception=words.found(words.PER_SHARE_EXCEPTION, caption),
    )


def row_unit(label: str, sections: tuple[str, ...]) -> str | None:
    """The unit a row's label or (innermost first) section headings state, if any."""
    for text in (label,) + tuple(reversed(sections)):
        unit = _stated_unit(text)
        if unit:
            return unit
    if any(words.BASIC_OR_DILUTED.match(section.strip()) for section in sections):
        return "USD/share"
    return None


@cached_per_input()
def _stated_unit(text: str) -> str | None:
    """The first unit whose words ``text`` holds (a section heading is asked for each of its rows)."""
    if text.isascii() and not words.ROW_UNIT_HINT.search(text.lower()):
        return None
    return next((name for name, pattern in words.ROW_UNITS if pattern.search(text)), None)


def column_unit(header: str) -> str | None:
    return next((name for name, pattern in words.COLUMN_UNITS if pattern.search(header)), None)


def cell_unit(cell: Cell, row: str | None, column: str | None, table: TableScale, dollar_seen: bool) -> str | None:
    """Precedence: a printed %, a percent column, the row's words, the column's words, the table's."""
    if cell.percent or column == "percent":
        return "percent"
    if row or column:
        return row or column
    unit = table.unit or ("USD" if dollar_seen else None)
    if unit == "USD" and table.per_share_exception and table.scale > 1 and cell.places >= 2:
        return "USD/share"  # "$ (3.86)" in a statement in millions "except per share"
    return unit


def row_scale(label: str) -> int | None:
    if "(" not in label:
        return None  # each scale printed in a label is in brackets
    return next((factor for factor, pattern in words.ROW_SCALES if pattern.search(label)), None)


class Value(NamedTuple):
    """One printed number of a row: its column and unit, the number after scale (as the table
    shows it), the fact's value (percentages as ratios) and its printed precision as XBRL
    ``decimals``."""

    column: int
    unit: str | None
    value: int | float | None
    fact_value: int | float | None
    decimals: int | None


def scaled(column: int, cell: Cell, unit: str, table: TableScale, own_scale: int | None) -> Value:
    """The cell's value with the scale that holds for ``unit``; percentages become ratios for the fact."""
    factor = 1
    if unit in _SCALED and not (unit == "shares" and table.shares_exempt and own_scale is None):
        factor = own_scale or table.scale
    exponent = len(str(factor)) - 1
    if type(cell.value) is int and unit != "percent":  # most figures: integer arithmetic is exact
        value: int | float = cell.value * factor
        return Value(column, unit, value, value, cell.places - exponent)
    exact = Decimal(repr(cell.value)) * factor
    value = _number(exact)
    if unit == "percent":
        return Value(column, unit, value, _number(exact / 100), cell.places + 2)
    return Value(column, unit, value, value, cell.places - exponent)


def _number(exact: Decimal) -> int | float:
    return int(exact) if exact == exact.to_integral_value() else float(exact)
