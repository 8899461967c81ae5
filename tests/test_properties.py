"""Property tests: for any text or bytes, conversion returns valid records or raises ConversionError;
blocks partition the non-blank lines; JSON and XML round-trip to an equal record."""
from __future__ import annotations

import json
import math
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import ConversionError, convert_bytes, release_from_dict, release_from_xml, release_to_dict, release_to_xml
from converter.validation import validate_record

from .conftest import EXAMPLE_FILES
from .fuzz.invariants import FORMAT_NAMES, check_input

# Lines in the shapes releases are made of, so that generated texts reach the deep rules.
FRAGMENTS = [
    "Exhibit 99.1", "PRESS RELEASE", "For further information contact:", "Edward F. Ruttenberg",
    "Phone: (412) 422-2377", "Fax: (412) 422-2378", "Release No.: 2004-01", "BUSINESS EDITORS:",
    "(BW)(NY-ACME)(NASDAQ:ACME) ACME CORP REPORTS", "NEW YORK--(BUSINESS WIRE)--Jan. 5, 2004--Acme Corp. today said",
    "CHICAGO, Ill., July 22 /PRNewswire-FirstCall/ -- Acme Inc. (NYSE: A) reported", "San Jose, CA (August 10, 1995) --",
    "Safe Harbor Statement", "Forward-looking statements involve risks: (i) one, (ii) two and (iii) three.",
    "<PAGE>", "\f", "-0-", "###", "# # #", "/CONTACT: Jane Roe, +1-212-555-0100, or John Doe of Acme Corp./",
    "Revenues                 $ 1,234     $ (1,100)", "Net income (loss)            (12)          --",
    "Three Months Ended", "   2004      2003", "<TABLE>", "</TABLE>", "<S>", "<C>", "SIGNATURES", "",
    "Acme Corp. today announced record results for the quarter ended March 31, 2004.",
    "CONTACT: Acme Corp.", "         Jane Roe, 212/555-0100", "or", "Investor Contact:    Media Contact:",
    "<DOCUMENT>", "<TYPE>EX-99", "<TEXT>", "</TEXT>", "</DOCUMENT>", "<SEC-DOCUMENT>", "<SEC-HEADER>", "</SEC-HEADER>",
]

lines_strategy = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=st.characters(codec="latin-1"), max_size=90)),
    max_size=60,
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes) -> None:
    try:
        releases = convert_bytes(data, "generated.txt")
    except ConversionError as error:
        assert str(error).startswith("generated.txt")
        return
    for release in releases:
        plain = release_to_dict(release)
        validate_record(plain)
        assert release_from_dict(json.loads(json.dumps(plain))) == release
        assert release_from_xml(etree.fromstring(etree.tostring(release_to_xml(release)))) == release
        seen: set[int] = set()
        for block in release.blocks:
            span = set(range(block.lines[0], block.lines[1] + 1))
            assert not span & seen, "a line is in two blocks"
            seen |= span


@SETTINGS
@given(lines_strategy, st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_release_like_text(lines, newline):
    check(newline.join(lines).encode("latin-1"))


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes(data):
    check(data)


@SETTINGS
@given(st.data())
def test_mutated_examples(data):
    source = bytearray(data.draw(st.sampled_from(EXAMPLE_FILES)).read_bytes())
    for _ in range(data.draw(st.integers(0, 20))):
        position = data.draw(st.integers(0, len(source) - 1))
        source[position] = data.draw(st.integers(9, 255))
    cut = data.draw(st.integers(1, len(source)))
    check(bytes(source[:cut]))


def test_non_blank_lines_of_generated_release_all_in_blocks():
    text = "\n".join(FRAGMENTS[:20]).encode()
    releases = convert_bytes(text, "x.txt")
    lines = text.decode().split("\n")
    covered = {n for r in releases for b in r.blocks for n in range(b.lines[0], b.lines[1] + 1)}
    assert all(n in covered for n, line in enumerate(lines, 1) if line.strip())


# --- the table reader and every output format on generated inputs ---------------------------------

PRINTED_NUMBERS = ["$", "($", "1,234", "(1,234)", "$ (1,234)", "$1,234.5", "--", "-", "\u2014", "-0-", "n/a", "12.5%",
                   "(1.2)%", "(1.2%)", ".25", "(.08)", "2003*", "1,23", "1,234(a)", "0", "00", "-4.1%", "$(145)",
                   "9" * 20, "1.2.3", "((1))", "1,,234", "\u2212" + "5"]
HEADER_LINES = ["Three Months Ended", "Six Months Ended June 30,", "0 Weeks Ended July 3,", "13 Weeks Ended June 0,",
                "Year Ended December 31,", "Q9 2004", "Fiscal 1999 2000", "(In thousands, except per share)",
                "(in millions)", "(Unaudited)", "2004      2003", "1997   1996   1997   1996", "  % Change",
                "Quarter Ended February 30,", "December 31,   September 30,", "-------   -------", "<TABLE>", "<S>   <C>"]
LABELS = ["Revenues", "Net income (loss)", "Diluted EPS", "Total assets", "Product sales ........", "  Basic",
          "Weighted average shares", "Cash and equivalents", "", "Other", "Income (loss) before", "  income taxes"]

table_row = st.builds(
    lambda label, cells, gap: label.ljust(24) + (" " * gap).join(cells),
    st.one_of(st.sampled_from(LABELS), st.text(alphabet=st.characters(codec="latin-1", exclude_categories=["Cc"]),
                                               max_size=30)),
    st.lists(st.sampled_from(PRINTED_NUMBERS), min_size=1, max_size=6),
    st.integers(1, 6),
)
table_text = st.lists(st.one_of(table_row, table_row, st.sampled_from(HEADER_LINES), st.just("")), min_size=2,
                      max_size=30)
CONCEPT_LABELS = ["Revenues", "Net sales", "Cost of revenues", "Operating income (loss)", "Net income (loss)",
                  "Total assets", "Diluted", "Basic", "Research and development", "Total current liabilities"]
PERIOD_HEADERS = ["Three Months Ended", "Six Months Ended", "Year Ended", "Nine Months Ended", "13 Weeks Ended",
                  "Quarter Ended", "December 31,", "(In thousands, except per share amounts)", ""]


@st.composite
def aligned_table(draw):
    """A fixed-width statement as printed: period headings, years over the columns, labelled rows."""
    columns, width = draw(st.integers(1, 4)), draw(st.integers(9, 14))
    lines = [draw(st.sampled_from(PERIOD_HEADERS)).rjust(30 + width * columns)]
    if draw(st.booleans()):
        lines.append(" " * 30 + "".join(draw(st.sampled_from(["June 30,", "Dec. 31,", "March 31,"])).rjust(width)
                                        for _ in range(columns)))
    lines.append(" " * 30 + "".join(str(draw(st.integers(1994, 2006))).rjust(width) for _ in range(columns)))
    for _ in range(draw(st.integers(1, 12))):
        label = draw(st.one_of(st.sampled_from(CONCEPT_LABELS), st.sampled_from(LABELS)))
        cells = [draw(st.sampled_from(PRINTED_NUMBERS)) for _ in range(columns)]
        lines.append(label.ljust(30) + "".join(cell.rjust(width) for cell in cells))
    return lines


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(HEADER_LINES), max_size=4), st.one_of(aligned_table(), table_text))
def test_table_reader_on_generated_tables(headers, rows):
    """Any fixed-width table converts or is refused cleanly; facts point into their table; numbers are finite."""
    text = "\n".join(["Exhibit 99.1", "", "ACME CORP REPORTS", "",
                      "NEW YORK--(BUSINESS WIRE)--Jan. 5, 2004--Acme Corp. today said revenue rose.", "",
                      *headers, *rows, ""])
    try:
        releases = convert_bytes(text.encode("latin-1", "replace"), "table.txt")
    except ConversionError as error:
        assert str(error).startswith("table.txt")
        return
    for release in releases:
        for table in release.tables:
            assert all(len(row.values) == len(table.columns) for row in table.rows)
            assert all(value is None or math.isfinite(value) for row in table.rows for value in row.values)
        for fact in release.facts:
            if fact.table is not None:
                table = release.tables[fact.table]
                assert table.rows[fact.row].values[fact.column] is not None
            assert not isinstance(fact.value, float) or math.isfinite(fact.value)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines_strategy, st.one_of(aligned_table(), table_text))
def test_every_format_on_generated_releases(lines, rows):
    """Every output format of any generated release is well-formed (XML parses, JSON loads, UTF-8)."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    check_input("\n".join(lines + rows).encode("latin-1", "replace"), "generated.txt", FORMAT_NAMES)
