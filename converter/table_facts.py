"""XBRL-ready facts from table rows: one fact per printed number, under a mapped concept or a
line item, with the period, unit and decimals that the table states.

A concept holds one value per context: when a later row maps to a concept already holding
another value for the same period (the "Operating income" of divested businesses after the
company's own), that row's values become line items instead, never a second, different value.
"""
from __future__ import annotations

from attrs import frozen

from . import table_knowledge as words
from .concepts import Concept, line_item, map_label
from .records import Fact, Period
from .table_units import UNIT_IDS, Value


@frozen
class ColumnInfo:
    """A column as the facts need it: the period of its facts and whether its facts need the
    column named in their context (a Change column, or columns sharing a period)."""

    period: Period | None
    qualified: bool


class FactBook:
    """The facts of one release, with the value each concept holds in each context."""

    def __init__(self):
        self.facts: list[Fact] = []
        self._claims: dict[tuple, int | float] = {}

    def add_row(self, table: int, row: int, label: str, sections: tuple[str, ...], values: list[Value],
                columns: list[ColumnInfo]) -> None:
        if not values:
            return
        deduction = all(value.value < 0 for value in values)  # type: ignore[operator]
        labelled_at_end = words.found(words.AT_PERIOD_END, label)  # asked once a row, not once a value
        mapped: dict[str, Concept | None] = {}  # the row's concept for each unit it prints
        facts, claims = self.facts, self._claims
        for column, unit, _, fact_value, decimals in values:
            info = columns[column]
            period = info.period
            if period is None:
                continue
            if unit in mapped:
                concept = mapped[unit]
            else:
                concept = mapped[unit] = map_label(label, sections, unit)  # type: ignore[index]
            if concept is not None and concept.sign == "expense" and deduction:
                concept = None  # "Income tax expense (32)": printed as a deduction
            if (labelled_at_end or (concept is not None and concept.period == "instant")) and period.instant is None \
                    and period.end:
                period = Period(instant=period.end)  # a balance in a column of durations: at its end date
            if concept is not None and (concept.period == "instant") == (period.instant is not None):
                # A concept holds one value per context: a second, different one makes this a line item.
                held = claims.setdefault((concept.name, period, (table, column) if info.qualified else None),
                                         fact_value)  # type: ignore[arg-type]
                if held != fact_value:
                    concept = None
            else:
                concept = None
            if concept is None:
                concept = line_item(unit, period.instant is not None)
            facts.append(Fact(concept.name, fact_value, UNIT_IDS[unit], decimals, period, table, row,  # type: ignore[arg-type,index]
                              column))
