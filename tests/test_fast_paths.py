"""The fast paths give exactly what the reference implementations give.

jsonschema-rs decides validity, orjson prints JSON, a generated function per record class walks
records, the canonical XML is printed and parsed, and a line's last word rules out table rows;
``jsonschema``, ``json.dumps``, the plain recursive walk, the element-by-element XML and the full
reading of the line are the references.
"""
from __future__ import annotations

import json
import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import convert_path, release_to_dict
from converter.jsonform import json_bytes, reference_json
from converter.lines import (count_numeric_cells, is_number_row, is_table_row, is_value_row, reads_as_table_row,
                             reads_as_value_row)
from converter.table_cells import may_end_row, read_value_cells, value_cells
from converter.records import Paragraph, Row
from converter.xmlform import build_xml, release_to_xml
from converter.validation import fast_validator, reference_validator, validate_record
from converter.errors import InvalidRecordError

from .conftest import CORPUS_FILES, EXAMPLE_FILES, ROOT, VARIANT_FILES, corpus_params

# Every text the repository holds, and the development corpus where it is beside the checkout: the
# shortcuts below are checked against the full readings on all of their lines.
TEXT_FILES = (EXAMPLE_FILES + VARIANT_FILES + sorted((ROOT / "tests" / "heldout").glob("*.txt"))
              + sorted((ROOT / "tests" / "heldout2").glob("*.txt")) + CORPUS_FILES)


def _walk(value):
    """The plain form the obvious way, as the generated functions must reproduce it."""
    if attrs.has(type(value)):
        return {f.name: _walk(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, (tuple, list)):
        return [_walk(item) for item in value]
    return value


@pytest.mark.parametrize("path", EXAMPLE_FILES + VARIANT_FILES + corpus_params(), ids=lambda p: p.name)
def test_fast_paths_agree_with_the_references(path):
    for release in convert_path(path):
        plain = release_to_dict(release)
        assert plain == _walk(release)
        assert json.dumps(plain) == json.dumps(_walk(release))  # same key order too
        assert json_bytes(plain) == reference_json(plain).encode("utf-8")
        assert fast_validator().is_valid(plain) and reference_validator().is_valid(plain)


def _same_xml(release) -> None:
    """The printed tree and the element-by-element one serialize to the same bytes, or both fail alike."""
    try:
        reference = build_xml(release)
    except ValueError as error:
        with pytest.raises(ValueError, match=re.escape(str(error))):
            release_to_xml(release)
        return
    for pretty in (False, True):
        assert etree.tostring(release_to_xml(release), pretty_print=pretty) == etree.tostring(reference, pretty_print=pretty)


@pytest.mark.parametrize("path", EXAMPLE_FILES + VARIANT_FILES + corpus_params(), ids=lambda p: p.name)
def test_printed_xml_is_the_element_by_element_xml(path):
    for release in convert_path(path):
        _same_xml(release)


_XML_TEXT = st.lists(st.sampled_from(["a", " ", "&", "<", ">", "]]>", '"', "'", "\r", "\n", "\t", "\r\n", "é", "\u2014",
                                     "\x00", "\x01", "\x1f", "\x7f", "\ufffe", "\ud800", "&amp;", "&#13;"]),
                     max_size=8).map("".join)


@settings(max_examples=400, deadline=None)
@given(_XML_TEXT, _XML_TEXT, st.one_of(st.none(), _XML_TEXT), st.one_of(st.integers(-10**20, 10**20), st.floats(), _XML_TEXT))
def test_printed_xml_escapes_what_the_element_builder_would(headline, paragraph, concept, value):
    """Markup characters, carriage returns, empty text, characters XML cannot hold: the printed tree
    gives the same bytes as the element builder, or fails with the same message."""
    release = _RELEASE_WITH_TABLES
    release = attrs.evolve(
        release, headline=headline, body=(Paragraph(text=paragraph, lines=(1, 2)),) + release.body,
        tables=(attrs.evolve(release.tables[0], rows=(Row(label=paragraph, concept=concept, values=(value, None)),)),),
        facts=(attrs.evolve(release.facts[0], value=value),) + release.facts[1:],
    )
    _same_xml(release)


# An example with tables and facts, so that row labels, row values and fact values (numbers marked
# type="number", text not) are printed too.
_RELEASE_WITH_TABLES = next(release for path in EXAMPLE_FILES for release in convert_path(path)
                            if release.tables and release.facts)


_JSON_LEAVES = (st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.text()
                | st.floats(allow_nan=False, allow_infinity=False))


@settings(max_examples=400, deadline=None)
@given(st.recursive(_JSON_LEAVES, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=12))
def test_json_bytes_are_those_of_json_dumps(data):
    """Tiny floats, integers over 64 bits, escapes: orjson's text is used only where it is identical."""
    assert json_bytes(data) == reference_json(data).encode("utf-8")


def test_tiny_and_huge_numbers_fall_back_to_json():
    for value in (5e-05, 1e-7, -3.2e-9, 2**64, [0.00001, "x"]):
        assert json_bytes({"v": value}) == (json.dumps({"v": value}, indent=2) + "\n").encode()


def test_broken_records_are_refused_by_both_validators():
    plain = release_to_dict(convert_path(EXAMPLE_FILES[0])[0])
    # "1998-13-45" fits the schema's pattern: only the "date" format check refuses it.
    breakages = [("source", "sha256", "not a hash"), ("dateline", "date", "1998-13-45"), ("headline", None, 7),
                 ("blocks", None, [{"kind": "nonsense", "lines": [1, 1]}]), ("warnings", None, "x")]
    for field, inner, bad in breakages:
        broken = json.loads(json.dumps(plain))
        if inner is None:
            broken[field] = bad
        else:
            broken[field][inner] = bad
        assert not fast_validator().is_valid(broken), (field, inner)
        assert not reference_validator().is_valid(broken), (field, inner)
        with pytest.raises(InvalidRecordError, match=field):
            validate_record(broken)


_CELL_WORDS = ["Net", "income", "sales", "per", "share", "$", "($", "$(12)", "(1,234)", "1,234", "12.5%", "(1.2)%",
               "(1.2%)", ".74", "--", "---", "-", "\u2014", "\u2013", "-0-", "n/a", "N/M", "NA", "nm", "*", "1998",
               "2003*", "1,234(a)", "12a", "x", "(a)", "%", "(", ")", "0"]
_TABLE_LINES = st.lists(st.tuples(st.sampled_from(_CELL_WORDS), st.sampled_from([" ", "  ", "    ", "\t", " \t "])),
                        max_size=8).map(lambda parts: "".join(word + gap for word, gap in parts))


@settings(max_examples=2000, deadline=None)
@given(_TABLE_LINES)
def test_the_last_word_shortcut_never_changes_a_reading(line):
    assert value_cells(line) == read_value_cells(line)
    assert (count_numeric_cells(line) if may_end_row(line) else 0) == count_numeric_cells(line)
    assert is_number_row(line) == (is_table_row(line) or is_value_row(line))
    assert is_table_row(line) == reads_as_table_row(line)
    assert is_value_row(line) == reads_as_value_row(line)


def test_the_last_word_shortcut_on_every_line_we_have():
    lines = _texts_we_have()
    assert len(lines) > 1000
    for line in lines:
        assert value_cells(line) == read_value_cells(line), line
        assert (count_numeric_cells(line) if may_end_row(line) else 0) == count_numeric_cells(line), line
        assert is_number_row(line) == (is_table_row(line) or is_value_row(line)), line
        assert is_table_row(line) == reads_as_table_row(line), line
        assert is_value_row(line) == reads_as_value_row(line), line


def test_the_all_labels_pattern_names_the_first_concept_whose_labels_fit():
    """``map_label`` first asks one pattern of every label: it fails where no concept's labels fit,
    and otherwise names the first concept whose labels do."""
    from converter.concepts import _matchers, normalize_label

    matchers, _, _, any_label = _matchers()
    labels = {normalize_label(piece) for path in TEXT_FILES
              for line in path.read_text(encoding="latin-1").splitlines() for piece in line.strip().split("  ")}
    hits = 0
    for text in labels:
        first = next((n for n, matcher in enumerate(matchers) if matcher.labels.fullmatch(text)), None)
        found = any_label.fullmatch(text)
        assert (found.lastgroup if found else None) == (None if first is None else f"c{first}"), text
        hits += first is not None
    assert hits > 20


def _texts_we_have() -> set[str]:
    """Every line, and every paragraph joined on one line, of TEXT_FILES."""
    texts: set[str] = set()
    for path in TEXT_FILES:
        text = path.read_text(encoding="latin-1")
        texts.update(text.splitlines())
        texts.update(" ".join(paragraph.split()) for paragraph in text.split("\n\n"))
    return texts


_GUARD_SAMPLES = ["FAX: 555", "faxed", "Fax.", "\u0130 fax", "Nasdaq: ACME", "NYSE:X", "(OTC BB: ABCD)", "TSX Venture: ZZ", "call 555-0100 x 12", "(212) 555-0100",
                  "jane@acme.com", "FAX", "fax: 555 0100", "NAſDAQ: ACME", "\uff11\uff12\uff13-4567 555-0100", "Nasdaq : ACME",
                  "Nasdaq National Market: ABCDEF.G", "Nasdaq National Market: ABCDEF.GH", "NASDAQ  NATIONAL MARKET : ABC", "OTC Bulletin Board:X", "nyse:abc",
                  "TSX Venture:ZZ.A", "(AMEX: AB)", ":"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_GUARD_SAMPLES + ["the", "company", ":", " ", "  ", "1998", "-", "@", "Boston"]),
                max_size=10).map(" ".join))
def test_guarded_patterns_find_what_the_patterns_find(text):
    _assert_guards_agree(text)


def test_guarded_patterns_on_every_line_and_paragraph_we_have():
    texts = _texts_we_have()
    assert len(texts) > 1000
    for text in texts | set(_GUARD_SAMPLES):
        _assert_guards_agree(text)


def _assert_guards_agree(text: str) -> None:
    from converter.fields.front import EMAIL, PHONE, has_email, has_phone, is_contact_line
    from converter.fields.wire import BARE_TICKER, bare_tickers

    assert has_phone(text) == bool(PHONE.search(text)), text
    assert has_email(text) == bool(EMAIL.search(text)), text
    assert bare_tickers(text) == [m.group(0) for m in BARE_TICKER.finditer(text)], text
    unguarded = bool(PHONE.search(text) or EMAIL.search(text) or re.search(r"\bFax\b", text, re.IGNORECASE))
    assert is_contact_line(text) == unguarded, text



_LEAD_LINES = st.lists(st.sampled_from(["", " ", "\t", "\f", "<PAGE>", "<page> 3", "- 3 -", "-0-", "--30--", "###", "# # #",
                                        "* * *", "====", "---", "___", "Page 2 of 9", "(4)", "12", "SIGNATURES", "Pursuant",
                                        "x", "END", "\u3000", "\x1c", "\u0663"]), max_size=4).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_LEAD_LINES)
def test_line_patterns_need_the_first_characters_we_ask_of_them(line):
    _assert_leads_needed(line)


def test_line_patterns_need_the_first_characters_we_ask_of_them_on_every_line_we_have():
    for line in _texts_we_have():
        _assert_leads_needed(line)


def test_the_lines_that_may_match_hold_every_line_each_pattern_matches_in_every_text_we_have():
    from converter import lines as shape
    from converter.input_cache import clear_input_caches

    for path in TEXT_FILES:
        lines = tuple(path.read_text(encoding="latin-1").splitlines())
        clear_input_caches()
        for pattern in shape.PATTERN_LEADS:
            candidates = shape.lines_that_may_match(lines, pattern)
            assert list(candidates) == sorted(set(candidates))
            matched = [i for i, line in enumerate(lines) if line.strip() and pattern.match(line)]
            assert [i for i in candidates if pattern.match(lines[i])] == matched, (path.name, pattern.pattern)


def _assert_leads_needed(line: str) -> None:
    from converter import lines as shape

    for pattern in shape.PATTERN_LEADS:
        may_match = shape.lines_that_may_match((line,), pattern) == (0,)
        if pattern.match(line) and line.strip():
            assert may_match, (pattern.pattern, line)
        if not line.strip():
            assert not may_match, (pattern.pattern, line)


def _parse_number_reference(text: str):
    """parse_number as first written: the nil pattern, then the number pattern and its groups by name."""
    from converter.table_cells import _NIL, _NUMBER

    if _NIL.match(text):
        return None, 0, False
    match = _NUMBER.match(text)
    if not match or bool(match["open"] or match["open2"]) != bool(match["close"] or match["close2"]):
        return None
    digits = match["digits"].replace(",", "")
    if len(digits) > 16:
        return None
    places = len(digits.split(".")[1]) if "." in digits else 0
    value = float(digits) if places else int(digits)
    if match["open"] or match["open2"] or match["minus"]:
        value = -value
    return value, places, bool(match["percent"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["(", ")", "-", "\u2013", "\u2212", "$", "1", "23", ",", ",456", ".", "5", "%", "*", "a",
                                 "(a)", "n/a", "N/M", "--", "\u2014", "-0-", "1234567890123456789"]), min_size=1, max_size=7)
       .map("".join))
def test_one_pattern_reads_numbers_as_the_two_did(word):
    from converter.table_cells import parse_number

    assert repr(parse_number(word)) == repr(_parse_number_reference(word))  # 1 and 1.0 told apart
