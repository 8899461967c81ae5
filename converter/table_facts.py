"""XBRL-ready facts from table rows: one fact per printed number, under a mapped concept or a
line item, with the period, unit and decimals that the table states.

A concept holds one value per context: when a later row maps to a concept already holding
another value for the same period (the "Operating income" of divested businesses after the
company's own), that row's values become line items instead, never a second, different value.
"""
from __future__ import annotations

from typing import NamedTuple

from attrs import frozen

from . import table_knowledge as words
from .concepts import Concept, line_item, map_label
from .records import Fact, Period
from .table_units import UNIT_IDS, Reading


@frozen
class ColumnInfo:
    """A column as the facts need it: the period of its facts and whether its facts need the
    column named in their context (a Change column, or columns sharing a period)."""

    period: Period | None
    qualified: bool


class Value(NamedTuple):
    """One printed number of a row: its column, unit and reading."""

    column: int
    unit: str
    reading: Reading


class FactBook:
    """The facts of one release, with the value each concept holds in each context."""

    def __init__(self):
        self.facts: list[Fact] = []
        self._claims: dict[tuple, int | float] = {}

    def add_row(self, table: int, row: int, label: str, sections: tuple[str, ...], values: list[Value],
                columns: list[ColumnInfo]) -> None:
        printed = [value.reading.value for value in values]
        deduction = bool(printed) and all(number < 0 for number in printed)
        labelled_at_end = words.found(words.AT_PERIOD_END, label)  # asked once a row, not once a value
        mapped: dict[str, Concept | None] = {}  # the row's concept for each unit it prints
        for value in values:
            info = columns[value.column]
            if info.period is None:
                continue
            if value.unit not in mapped:
                mapped[value.unit] = map_label(label, sections, value.unit)
            concept = mapped[value.unit]
            if concept is not None and concept.sign == "expense" and deduction:
                concept = None  # "Income tax expense (32)": printed as a deduction
            period = _period_of(info.period, concept is not None and concept.period == "instant", labelled_at_end)
            concept = self._claim(concept, period, value, (table, value.column) if info.qualified else None)
            if concept is None:
                concept = line_item(value.unit, period.instant is not None)
            reading = value.reading
            self.facts.append(Fact(concept.name, reading.fact_value, UNIT_IDS[value.unit], reading.decimals, period,
                                   table, row, value.column))

    def _claim(self, concept: Concept | None, period: Period, value: Value, qualifier) -> Concept | None:
        if concept is None:
            return None
        if (concept.period == "instant") != (period.instant is not None):
            return None
        key = (concept.name, period, qualifier)
        held = self._claims.setdefault(key, value.reading.fact_value)
        return concept if held == value.reading.fact_value else None


def _period_of(period: Period, instant_concept: bool, labelled_at_end: bool) -> Period:
    """A balance (instant concept, or a label "End of Period ...") in a column of durations is
    taken at the column's end date."""
    if (labelled_at_end or instant_concept) and period.instant is None and period.end:
        return Period(instant=period.end)
    return period
