"""The shortcuts of the speed work give exactly what the patterns and passes they stand for give.

Each shortcut (a pattern tried only near a word it needs, a guard asked before a pattern, a line
cut from the right, a walk asked before a dateline) is checked against the plain reading on every
line, paragraph and text the repository holds (and the corpus beside it), and on generated text
built from the words the shortcut turns on.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from converter import lines as shape
from converter import table_knowledge as words
from converter.fields import front, safe_harbor
from converter.fields.dateline import DATELINE, DATELINE_HEAD, match_dateline
from converter.input_cache import clear_input_caches
from converter.jsonform import _has_exponent
from converter.prefilter import finditer_near, may_hold
from converter.reader import _STRAY_CONTROL_TEXT, decode_bytes
from converter.segmenter import _page_and_table_marks, _paragraphs, _release_start, split_releases
from converter.table_cells import _cells_of_pieces, chunks, parse_number, pieces_from_the_right, read_number, read_value_cells
from converter.table_periods import _LONGEST, _PERIOD_ENDED, _QUARTER_ENDED, _REACH, _YEAR_ENDED

from .test_fast_paths import TEXT_FILES, _texts_we_have

_CALENDAR = (_YEAR_ENDED, _QUARTER_ENDED, _PERIOD_ENDED)
_EXPONENT = re.compile(rb"e-\d")  # the reference of jsonform._has_exponent


def _spans(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


def _agree_near(text: str) -> None:
    flat = " ".join(text.split())  # read_calendar's text: single spaces
    for pattern in _CALENDAR:
        assert _spans(finditer_near(pattern, flat, "end", _REACH, _LONGEST)) == _spans(pattern.finditer(flat)), flat
    marks = safe_harbor._MARKER
    assert _spans(finditer_near(marks, text, ")", 6, 8)) == _spans(marks.finditer(text)), text


def _is_date_line_reference(line: str) -> bool:
    text = line.strip().rstrip(".")
    for pattern in (front.WRITTEN_DATE, front.NUMERIC_DATE):
        match = pattern.search(text)
        if match and match.group(0) and len(text) - len(match.group(0)) <= 12 and not re.search(
                r"[a-z]{5,}", text.replace(match.group(0), "")):
            return True
    return False


def _classify_front_line_reference(line: str) -> str | None:
    if front.EXHIBIT.match(line) or front.HEADER_LINE.match(line) or _is_date_line_reference(line) or front.SCALE_LINE.match(line):
        return "header"
    parts = re.split(r"\s{3,}", line.strip())
    if len(parts) == 2 and any(front.HEADER_LINE.match(p) or front.EXHIBIT.match(p) for p in parts) and not any(
            front.CONTACT_START.match(p) for p in parts):
        return "header"
    if front.RELEASE_NUMBER.search(line) and len(line.split()) <= 6:
        return "header"
    if front.AUDIENCE.match(line):
        return "audience"
    if front.LEADING_TAGS.match(line):
        return "wire"
    return None


def _agree_guards(text: str) -> None:
    assert front._is_date_line(text) == _is_date_line_reference(text), text
    assert front.classify_front_line(text) == _classify_front_line_reference(text), text
    assert front.has_phone(text) == bool(front.PHONE.search(text)), text
    assert front.is_contact_start(text) == bool(front.CONTACT_START.match(text)), text
    if DATELINE.match(text):
        assert DATELINE_HEAD.match(text), text  # the guard match_dateline asks first
    notice = bool(safe_harbor._NOTICE.search(text) and safe_harbor._RISKY.search(text)) and not safe_harbor._ABOUT.match(text)
    assert safe_harbor.is_safe_harbor_text(text) == notice, text
    continues = bool(safe_harbor._CONTINUATION.search(text)) and not safe_harbor._ABOUT.match(text)
    assert safe_harbor.continues_safe_harbor(text) == continues, text
    for pattern, needed in words.WORDS_NEEDED.items():
        assert words.found(pattern, text) == bool(pattern.search(text)), (pattern.pattern, text)
        if pattern.search(text):
            assert may_hold(text, needed), (pattern.pattern, text)
    if text.isascii() and any(pattern.search(text) for _, pattern in words.ROW_UNITS):
        assert words.ROW_UNIT_HINT.search(text.lower()), text
    from converter.table_units import row_scale

    assert row_scale(text) == next((factor for factor, p in words.ROW_SCALES if p.search(text)), None), text
    for entries in (words.SCALES, words.TABLE_UNITS):
        assert words.first_found(entries, text) == next((key for key, p in entries if p.search(text)), None), text
    encoded = text.encode("utf-8", "replace")
    assert _has_exponent(encoded) == bool(_EXPONENT.search(encoded)), text


def _agree_leads(text: str) -> None:
    for end in [i for i, c in enumerate(text) if c == ";"] + [len(text) // 2, len(text)]:
        ends_by = [m for m in safe_harbor._LIST_LEAD.finditer(text) if m.end() <= end]
        found = safe_harbor._last_lead_before(text, end)
        assert (found.span() if found else None) == (ends_by[-1].span() if ends_by else None), (text, end)


def _agree_cells(line: str) -> None:
    for word in line.split():
        assert parse_number(word) == read_number(word), word
    flat = line.expandtabs().rstrip()
    assert read_value_cells(line) == _cells_of_pieces(flat, chunks(flat)), line
    stripped = line.strip()
    cells = list(reversed(shape._CELL_SPLIT.split(stripped)))
    if not shape.ODD_SPACE.search(stripped):
        assert [stripped[a:b] for a, b in pieces_from_the_right(stripped)] == (cells if stripped else []), line
    if not shape.ODD_SPACE.search(flat):
        assert list(pieces_from_the_right(flat)) == [(a, b) for a, b, _ in reversed(chunks(flat))], line


_WORDS = ["first", "second", "fourth", "fiscal", "quarter", "of", "2004", "ended", "ending", "ends", "on", "year",
          "year,", "period", "three", "months", "13", "weeks", "June", "30,", "Sept.", "December", "31", "1999",
          "END", "Ended", "(i)", "(ii)", "iii)", "a)", "(b)", "12)", "x)", "ſ", "ı", "K", "risk", "RISKS",
          "forward-looking", "Forward", "looking", "uncertainties", "Litigation", "Reform", "undertakes", "no",
          "(in", "thousands,", "except", "per", "share", "data)", "$000's", "millions", "MM", "%", "Change",
          "Inc.", "dollars", "U.S.D.", "kWh", "stores", "end", "of", "period", "5e-05", "e-mail", "re-5",
          "555-0100", "(212)", "6/5/04", "About", "  ", ")", "\u00a0", "\t", "SHARES", "outstanding",
          "Weighted", "average", "ratio", "Rate", "exchange", "employees", "Number", "EPS", "Diluted", "subscribers",
          "September", "30th,", "      ", "Release", "No.", "#", "EDITORS", "Business", "writers:", "(BW)", "NEWS",
          "CONTACT:", "Contacts", "For", "for", "further", "information", "Investor", "Relations:", "Media:", "Press",
          "Trade", "Shareholders:", "Public", "Communications", ":", "including", "include", "following", "the following:", "without limitation,", "but not limited to", ";",
          "007", "1234567890123456", "12345678901234567", "\u0663\u0664", "\u00b2", "12\u00b2", "1,234", "$1,234",
          "(1,234)%", "(23.4)", "$0.23", "9.2%", "(164", "0.5)", "(1.2%)", "($", "$", "--", "n/m", "2003*", "1,234(a)",
          "-4.1%", ".74", "$(145)", "NEW", "YORK,", "WINSTON-SALEM,", "N.C.,", "--", "\u2014", "-", "/PRNewswire/", "(BUSINESS",
          "WIRE)", "via", "First!", "Calif.,", "Aug.", "14", "de", "la", "O'HARE", "AT&T", "(CCNMatthews", "Sept.", "17,", "2002)", "12,34", "1,2345", "123456789012345.6", "1234567890123456.7", "$$5", "(5)(a)"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join))
def test_shortcuts_agree_on_generated_text(text):
    _agree_near(text)
    _agree_guards(text)
    _agree_cells(text)
    _agree_leads(text)


def test_shortcuts_agree_on_every_line_and_paragraph_we_have():
    texts = _texts_we_have()
    assert len(texts) > 1000
    for text in texts:
        _agree_near(text)
        _agree_guards(text)
        _agree_cells(text)
        _agree_leads(text)


def test_calendar_windows_find_matches_across_a_whole_release():
    """Whole releases (their many "end"s close together), not only paragraphs, read by windows."""
    found = 0
    for path in TEXT_FILES:
        text = " ".join(path.read_text(encoding="latin-1").split())
        _agree_near(text)
        found += sum(1 for pattern in _CALENDAR for _ in pattern.finditer(text))
    assert found > 5


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b"a", b" ", b"\t", b"\n", b"\r\n", b"\r", b"\x01", b"\x07", b"\x0b",
                                 b"\x0c", b"\x0e", b"\x1a", b"\x1b", b"\x1f", b"\x7f", b"1,234", b"  "]),
                min_size=1, max_size=30).map(b"".join))
def test_ascii_inputs_skip_the_control_pass_only_when_it_would_change_nothing(data):
    if not data.strip():
        return
    text = data.decode("ascii").replace("\r\n", "\n").replace("\r", "\n").replace("\x1a", "")
    reference = _STRAY_CONTROL_TEXT.sub(" ", text).expandtabs(8).split("\n")
    lines = tuple(line.rstrip() for line in reference)
    if "\f" in text:
        return  # form feeds take the per-line path, the same either way
    if lines and lines[-1] == "":
        lines = lines[:-1]
    try:
        assert decode_bytes(data).lines == lines
    except Exception as error:  # binary input is refused before the pass
        assert type(error).__name__ == "BinaryInputError"


def _split_releases_reference(lines: tuple[str, ...]) -> list[tuple[int, int]]:
    """split_releases as first written: every paragraph's dateline read, the walk up asked after."""
    kinds = list(_page_and_table_marks(lines))
    for i in shape.lines_that_may_match(lines, shape.END_MARK):
        if kinds[i] is None and shape.END_MARK.match(lines[i]):
            kinds[i] = "end"
    paragraphs = _paragraphs(lines, kinds, 0, len(lines))
    starts, seen_dateline = [0], False
    for index, paragraph in enumerate(paragraphs):
        found = match_dateline(shape.normalize(" ".join(lines[i] for i in paragraph)))
        if not found or (found.month is None and found.wire_text is None):
            continue
        if not seen_dateline:
            seen_dateline = True
            continue
        start = _release_start(lines, kinds, paragraphs, index)
        if start is not None and start > starts[-1]:
            starts.append(start)
    return list(zip(starts, [start - 1 for start in starts[1:]] + [len(lines) - 1]))


def test_releases_are_split_as_when_every_dateline_was_read():
    bundles = 0
    for path in TEXT_FILES:
        lines = tuple(path.read_text(encoding="latin-1").splitlines())
        clear_input_caches()
        spans = split_releases(lines)
        assert spans == _split_releases_reference(lines), path.name
        bundles += len(spans) > 1
    assert bundles >= 1  # the bundled variant at least


def test_a_date_line_at_the_most_printed_characters_is_still_one():
    """19 printed characters of date and 12 others: the length test must let it through."""
    for line in ("123456789012September. 30th, 2004", "  December 31st, 1999   (000)  ", "12/31/1999  123456789012"):
        assert front._is_date_line(line) == _is_date_line_reference(line)
    assert front._is_date_line("123456789012September. 30th, 2004")  # 31 printed characters


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["x", " ", "  ", " " * 300, "1,234", "y" * 300]), max_size=8).map("".join))
def test_the_end_of_the_text_before_a_gap_is_that_of_the_stripped_head(text):
    from converter.table_cells import _end_of_text_before

    for gap in range(len(text) + 1):
        assert _end_of_text_before(text, gap) == len(text[:gap].rstrip(" "))


def _is_organization_reference(text: str) -> bool:
    from converter.fields import contacts

    words = [word.strip(",") for word in text.split()]
    if any(word.rstrip(".").lower() in contacts._BARE_SUFFIX for word in words[1:]):
        return True
    spaced = f" {' '.join(words)} "
    return any(phrase in spaced for phrase in contacts._ORGANIZATION_PHRASES)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Acme", "Inc.", "Inc", "Public", "Relations", "Investor", "Media", ",", "", "Bank",
                                 "L.L.C.", "Jane", "Roe", "Capital,", "  ", "International"]), max_size=8).map(" ".join))
def test_organization_words_are_found_as_in_the_joined_text(text):
    from converter.fields.contacts import _is_organization

    assert _is_organization(text) == _is_organization_reference(text)


def test_organization_words_on_every_piece_we_have():
    from converter.fields.contacts import _is_organization

    for text in _texts_we_have():
        for piece in [text] + text.split(","):
            assert _is_organization(piece) == _is_organization_reference(piece), piece


def test_a_lowered_twin_is_refused_where_lowering_would_change_an_escape():
    import pytest

    from converter.prefilter import lowered_twin

    assert lowered_twin(re.compile(r"Risk\s+Factors", re.IGNORECASE)).pattern == r"risk\s+factors"
    with pytest.raises(ValueError, match="escape"):
        lowered_twin(re.compile(r"\S+Risk", re.IGNORECASE))


def _column_of(columns, cell) -> int:
    """The first column the cell overlaps: how the table reader first found a cell's column."""
    return next(number for number, column in enumerate(columns) if cell.start < column.end and column.start < cell.end)


def test_a_cell_s_column_is_found_by_its_start_as_by_overlap():
    """``column_at`` (a bisect on the columns' starts) names the column ``_column_of`` (the first that
    overlaps the cell) names, for every value cell of every table the repository's texts hold."""
    from converter.table_layout import classify, column_at, split_tables

    cells = 0
    for path in TEXT_FILES:
        lines = tuple(path.read_text(encoding="latin-1").splitlines())
        clear_input_caches()
        for layout in split_tables(classify(lines, 0, len(lines) - 1)) if lines else ():
            starts = [column.start for column in layout.columns]
            for line in layout.body:
                for cell in line.cells if line.kind == "data" and not layout.problem else ():
                    assert column_at(starts, cell) == _column_of(layout.columns, cell), (path.name, line.text)
                    cells += 1
    assert cells > 300  # the repository's own texts alone hold 395 (the corpus beside it more)


def _join_lines_reference(lines: list[str]) -> str:
    """join_lines as first written: the text built up one line at a time."""
    out = ""
    for line in lines:
        piece = line.strip()
        if not piece:
            continue
        if out.endswith("-") and not out.endswith("--") and re.search(r"[a-z]-$", out) and piece[:1].islower():
            out += piece
        else:
            out = f"{out} {piece}" if out else piece
    return " ".join(out.split())


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["ab-", "cd", "-", "--", "x--", " Ef", "", "  ", "a -", "re-", "- b", "é-", "Z-"]),
                         max_size=3).map("".join), max_size=8))
def test_lines_are_joined_as_when_one_string_was_built_up(lines):
    assert shape.join_lines(lines) == _join_lines_reference(lines)


def test_a_pattern_s_lead_class_holds_its_leads_and_every_non_ascii_character():
    from converter.lines import _LEAD_CLASSES, PATTERN_LEADS

    for pattern, leads in PATTERN_LEADS.items():
        for code in [*range(128), 0x80, 0xA0, 0xFF, 0x100, 0x2014, 0xD800, 0xDFFF, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF]:
            expected = chr(code) in leads or code >= 128
            assert bool(_LEAD_CLASSES[pattern].match(chr(code))) == expected, (leads, hex(code))
