"""Stage 3b: fixed-width financial tables -> ``Table`` records and XBRL-ready ``Fact``s.

(Placeholder until the table reader lands: no tables are read, every table block is kept as a block.)
"""
from __future__ import annotations

from .records import Fact, ParseWarning, Source, Table


def read_tables(
    lines: tuple[str, ...], spans: list[tuple[int, int]], source: Source
) -> tuple[tuple[Table, ...], tuple[Fact, ...], list[ParseWarning]]:
    """Read the tables in ``spans`` (0-based, inclusive line ranges of table blocks).

    Returns the tables, their facts, and warnings for tables that could not be read confidently
    (those get no Table record; their lines stay a ``table`` block).
    """
    return (), (), []
