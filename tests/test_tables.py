"""The table reader against figures read off the documents by hand (tests/table_figures.py),
plus the pieces: printed numbers, periods, units, and tables that must not be read."""
from __future__ import annotations

import re

import pytest

from converter import convert_bytes, convert_path
from converter.records import Period
from converter.table_cells import parse_number, value_cells
from converter.table_periods import Calendar, column_period, read_calendar

from .conftest import CORPUS, CORPUS_FILES, EXAMPLES, VARIANTS
from .table_figures import TABLES, TableFigures

UNIT_IDS = {"USD": "USD", "USD/share": "USD-per-share", "shares": "shares", "pure": "pure", "count": "pure",
            "kWh": "kWh"}
FOLDERS = {"corpus": CORPUS, "variants": VARIANTS, "examples": EXAMPLES}
_NIL = re.compile(r"^\$?\s*(?:-|--|n/m)$")


def _release(figures: TableFigures):
    folder, name = figures.source.split("/")
    if folder == "corpus" and not CORPUS_FILES:
        pytest.skip("the development corpus (../shared/corpus) is not beside this checkout")
    releases = convert_path(FOLDERS[folder] / name)
    if figures.document:
        releases = [r for r in releases if r.source.document and r.source.document.type == figures.document]
    return releases[0]


def _printed(text: str):
    """A number as typed from the page: (value, is_percent), or None for a printed nil."""
    text = text.strip()
    if _NIL.match(text):
        return None
    percent = text.endswith("%")
    digits = text.replace("$", "").replace(",", "").replace("%", "").replace(" ", "")
    negative = digits.startswith("(") or digits.startswith("-")
    number = float(digits.strip("()-"))
    return (-number if negative else number), percent


def _row_index(table, label: str) -> int:
    base, _, nth = label.partition("#")
    matches = [n for n, row in enumerate(table.rows) if row.label == base]
    assert matches, f"no row labelled {base!r} in table {table.caption!r}"
    return matches[int(nth or 1) - 1]


def _checks(figures: TableFigures):
    for label, unit, multiplier, cells, at_end in figures.rows:
        for column, text in enumerate(cells.split("|")):
            if text.strip():
                yield label, unit, multiplier, column, text, at_end


@pytest.mark.parametrize("figures", TABLES, ids=lambda f: f"{f.source.split('/')[-1]}-{f.document or ''}-t{f.table}")
def test_every_printed_number_is_one_fact(figures):
    release = _release(figures)
    table = release.tables[figures.table]
    assert figures.caption in (table.caption or ""), table.caption
    numbers = 0
    for label, unit, multiplier, column, text, at_end in _checks(figures):
        row = _row_index(table, label)
        found = [f for f in release.facts if (f.table, f.row, f.column) == (figures.table, row, column)]
        printed = _printed(text)
        where = f"{table.caption!r} / {label} / column {column + 1} ({text.strip()})"
        if printed is None:
            assert not found and table.rows[row].values[column] is None, where
            continue
        numbers += 1
        value, percent = printed
        assert len(found) == 1, f"{where}: {len(found)} facts"
        fact = found[0]
        expected = round(value / 100, 6) if percent else round(value * multiplier, 6)
        assert round(fact.value, 6) == expected, where
        assert round(table.rows[row].values[column], 6) == round(value if percent else value * multiplier, 6), where
        assert fact.unit == ("pure" if percent else UNIT_IDS[unit]), where
        period = figures.columns[column]
        if at_end:
            period = {"start": None, "end": None, "instant": period["end"]}
        assert fact.period == Period(**period), where
    if figures.complete:
        assert numbers == sum(1 for f in release.facts if f.table == figures.table), "facts not printed in the table"


def test_figures_cover_enough():
    """The issue's bar: at least 150 hand-read numbers across at least 8 tables of different layouts."""
    numbers = sum(1 for figures in TABLES for check in _checks(figures) if _printed(check[4]) is not None)
    assert numbers >= 150 and len(TABLES) >= 8


@pytest.mark.parametrize("text, expected", [
    ("$1,234", (1234, 0, False)), ("(1,234)", (-1234, 0, False)), ("$(145)", (-145, 0, False)),
    ("($145)", (-145, 0, False)), (".74", (0.74, 2, False)), ("-4.1%", (-4.1, 1, True)),
    ("(23.4)%", (-23.4, 1, True)), ("2003*", (2003, 0, False)), ("--", (None, 0, False)),
    ("\u2014", (None, 0, False)), ("n/m", (None, 0, False)), ("12a3", None), ("(12", None),
])
def test_printed_numbers(text, expected):
    assert parse_number(text) == expected


def test_value_cells_keep_footnote_marks_in_the_label():
    label, _, cells = value_cells("     change (2)                       -         -         17        0.04")
    assert label == "change (2)" and [c.value for c in cells] == [None, None, 17, 0.04]
    label, _, cells = value_cells("    NET INCOME/ (LOSS)                   $  53   $  309   $  (806)  $   501")
    assert [c.value for c in cells] == [53, 309, -806, 501] and all(c.dollar for c in cells)


@pytest.mark.parametrize("header, context, expected", [
    ("Three Months Ended March 31, 2004", "", Period(start="2004-01-01", end="2004-03-31")),
    ("Year Ended December 31 2003", "", Period(start="2003-01-01", end="2003-12-31")),
    ("As of June 30, 2002", "", Period(instant="2002-06-30")),
    ("July 3, 2004", "", Period(instant="2004-07-03")),
    ("13 Weeks Ended July 3, 2004 and June 28, 2003 2003", "", Period(start="2003-03-30", end="2003-06-28")),
    ("Domestic 2004", "For the 26 Weeks Ended July 3, 2004 and June 28, 2003", Period(start="2004-01-04", end="2004-07-03")),
    ("Nine Months Ended September 30, 1999", "", Period(start="1999-01-01", end="1999-09-30")),
    ("2004", "", None),
])
def test_column_periods(header, context, expected):
    assert column_period(header, context, Calendar()) == expected


def test_fiscal_year_end_from_the_text():
    calendar = read_calendar("results for its fiscal 2002 fourth quarter ended June 30, 2002. Net sales")
    assert column_period("Fiscal 2002", "", calendar) == Period(start="2001-07-01", end="2002-06-30")
    assert column_period("Fourth Quarter 2001", "", calendar) == Period(start="2001-04-01", end="2001-06-30")
    assert column_period("Fiscal 2002", "", Calendar()) is None  # not stated: no period, no facts


RELEASE = """\
    ACME WIDGET CO. today reported results for the quarter ended March 31, 2004, the company said
in a statement released on Tuesday to the financial press and its shareholders.

                              Three Months Ended
                                  March 31,
                               2004        2003
    {0:<22}{1:>9}{2:>12}
    {3:<22}{4:>9}{5:>12}
"""


def _acme(*cells: str):
    return convert_bytes(RELEASE.format(*cells).encode(), "acme.txt")[0]


def test_a_table_that_cannot_be_split_gives_a_warning_and_no_numbers():
    release = _acme("Revenues", "$1,234", "$1,100", "Net income", "12", "110")
    assert len(release.facts) == 4
    # Two values printed in one column: the columns cannot be told apart.
    release = _acme("Revenues", "$1,234", "$1,100", "Net income", "12 3", "110")
    assert release.tables == () and release.facts == ()
    assert "table_unreadable" in [w.code for w in release.warnings]
    assert any(block.kind == "table" for block in release.blocks)


def test_a_readable_table_and_a_row_that_maps_to_nothing():
    release = _acme("Widget royalties", "$1,234", "$1,100", "Net income", "12", "110")
    table = release.tables[0]
    assert [c.period for c in table.columns] == [
        Period(start="2004-01-01", end="2004-03-31"), Period(start="2003-01-01", end="2003-03-31")]
    assert [(r.label, r.concept, r.values) for r in table.rows] == [
        ("Widget royalties", None, (1234, 1100)), ("Net income", "NetIncomeLoss", (12, 110))]
    assert [f.concept for f in release.facts] == ["LineItemAmount", "LineItemAmount", "NetIncomeLoss", "NetIncomeLoss"]
    assert all(f.decimals == 0 and f.unit == "USD" for f in release.facts)


def test_a_rate_is_a_ratio_and_a_percentage_a_percent():
    """An exchange rate of 0.7353 is no 73.53 %: its line item is a ratio, apart from percentages."""
    release = _acme("Exchange rate", "0.7353", "0.7109", "Gross margin %", "41.2", "39.8")
    assert [(f.concept, f.value, f.unit) for f in release.facts] == [
        ("LineItemRatio", 0.7353, "pure"), ("LineItemRatio", 0.7109, "pure"),
        ("LineItemPercent", 0.412, "pure"), ("LineItemPercent", 0.398, "pure")]


def test_a_deduction_printed_in_parentheses_is_not_the_expense_concept():
    """Some statements print expenses as deductions; mapped, (432) would read as a tax benefit."""
    release = _acme("Income tax expense", "$(432)", "$(410)", "Income tax expense", "(12)", "15")
    assert [(f.row, f.concept, f.value) for f in release.facts] == [
        (0, "LineItemAmount", -432), (0, "LineItemAmount", -410),
        (1, "IncomeTaxExpenseBenefit", -12), (1, "IncomeTaxExpenseBenefit", 15)]


def test_no_wrong_second_value_for_a_concept():
    """A later row mapping to a concept already holding another value becomes a line item."""
    release = convert_path(EXAMPLES / "011_kestrel_bay_foods_2002.txt")[0]
    seen: dict = {}
    for fact in release.facts:
        if fact.concept.startswith("LineItem"):
            continue
        key = (fact.concept, fact.period, fact.table, fact.column)
        assert seen.setdefault(key, fact.value) == fact.value


def test_no_unit_no_facts():
    release = _acme("Widgets shipped", "432", "410", "Widgets returned", "12", "15")
    assert release.facts == () and {w.code for w in release.warnings} >= {"table_unit_unknown"}
