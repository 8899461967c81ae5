"""Line shapes shared by the segmenter and the extractors: page marks, end marks, table rows, prose."""
from __future__ import annotations

import re
from typing import Final

from .input_cache import cached_per_input
from .table_cells import (
    ODD_SPACE,
    chunks,
    may_end_row,
    may_end_two_cells,
    pieces_from_the_right,
    read_value_cells,
    value_cells,
)

PAGE_MARK: Final = re.compile(r"^\s*(?:<PAGE>\s*\d*|\f+)\s*$", re.IGNORECASE)
PAGE_NUMBER: Final = re.compile(r"^\s*(?:-\s*\d{1,3}\s*-|\d{1,3}|Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|\(\s*\d{1,3}\s*\))\s*$", re.I)
END_MARK: Final = re.compile(
    r"""^\s*(?:-+\s*(?:0|30|END)\s*-+        # -0-  --30--dt/sf  - END -
        |\#{3,}|(?:\#\s+){2,}\#            # ###  # # #
        |\*\s*\*\s*\*)                    # * * *
        (?:\s*\S.*)?$""",
    re.VERBOSE | re.IGNORECASE,
)
RULE: Final = re.compile(r"^\s*+(?:[-=_]{2,}+\s*+)++$")  # possessive: "=====x" must fail fast
SGML_TABLE_TAG: Final = re.compile(r"^\s*</?(?:TABLE|CAPTION|S|C|FN)>", re.IGNORECASE)
SIGNATURE_START: Final = re.compile(
    r"^\s*(?:SIGNATURES?|Pursuant\s+to\s+the\s+requirements\s+of\s+the\s+Securities\s+Exchange\s+Act)\b"
)
# The ASCII characters that a line each pattern matches can begin with (after blanks): a line
# beginning with any other ASCII character is not tried. Asking a character is cheaper than trying
# a pattern, and most lines begin with none of these.
PATTERN_LEADS: Final = {PAGE_MARK: "<", PAGE_NUMBER: "-(Pp0123456789", END_MARK: "-#*", SIGNATURE_START: "SP"}


# Each pattern's leads as a character class, with every non-ASCII character: the lines it may match
# are found by one scan of the text of leads (``_lead_text``). Written as the ASCII characters it
# does not hold: a class of the range up to U+10FFFF took 5 ms to compile, in every command's start.
_LEAD_CLASSES: Final = {
    pattern: re.compile("[^" + re.escape("".join(chr(c) for c in range(128) if chr(c) not in leads)) + "]")
    for pattern, leads in PATTERN_LEADS.items()
}


@cached_per_input(maxsize=32)
def lines_that_may_match(lines: tuple[str, ...], pattern: re.Pattern) -> tuple[int, ...]:
    """The indexes of the lines whose first printed character can begin a match of ``pattern``, in
    order: passes over a whole text try the pattern on these, not on every line. A blank line (a
    line of form feeds alone among them) is never one."""
    return tuple(match.start() for match in _LEAD_CLASSES[pattern].finditer(_lead_text(lines)))


@cached_per_input(maxsize=4)
def _lead_text(lines: tuple[str, ...]) -> str:
    """The first printed character of each line, one character a line: a space for a blank line
    (no line's first printed character is a blank)."""
    return "".join([lead or " " for lead in line_leads(lines)])


@cached_per_input(maxsize=4)
def line_leads(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The first printed character of each line ("" for a blank line)."""
    return tuple(line.lstrip()[:1] for line in lines)


# One printed number as accountants print it: $1,234  (1,234)  12.5%  .25  --
_CELL_SPLIT: Final = re.compile(r"\s{2,}")
_NUMERIC_TOKEN: Final = re.compile(r"^(?:\$\s*)?\(?\$?\s*(?:\d{1,3}(?:,\d{3})+|\d+|\d*\.\d+)(?:\.\d+)?\s*\)?\s*%?\)?\*?$|^(?:-{1,3}|\u2014|n/?m|n/?a)$", re.I)


def count_numeric_cells(line: str) -> int:
    """How many number-like cells end the line, split on runs of two or more spaces."""
    text = line.strip()
    if ODD_SPACE.search(text):
        cells = reversed(_CELL_SPLIT.split(text))
    else:
        cells = (text[start:end] for start, end in pieces_from_the_right(text))  # as far as asked
    count = 0
    for cell in cells:
        if cell in ("$", "($"):
            continue  # "$  122": the dollar sign printed apart from its number
        tokens = _merge_dollars(cell.split())
        if not tokens:
            break
        for token in tokens:
            if not _NUMERIC_TOKEN.match(token):
                return count
        count += len(tokens)
    return count


def _merge_dollars(tokens: list[str]) -> list[str]:
    merged: list[str] = []
    for token in tokens:
        if merged and merged[-1] in ("$", "($"):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


_WIDE_GAP: Final = re.compile(r"\S\s{2,}\S")
WIDER_GAP: Final = re.compile(r"\s{3,}")  # the gap between columns of text (a letterhead, side-by-side blocks)


@cached_per_input()
def is_table_row(line: str) -> bool:
    """A line of a fixed-width table: a label (or none) then two or more number cells."""
    return may_end_two_cells(line) and reads_as_table_row(line)


def reads_as_table_row(line: str) -> bool:
    """``is_table_row`` read in full, without the shortcut on the last two words."""
    return count_numeric_cells(line) >= 2 and bool(_WIDE_GAP.search(line.strip()) or line.strip()[0] in "$(0123456789")


@cached_per_input()
def is_number_row(line: str) -> bool:
    """A table row of either reading (``is_table_row`` or ``is_value_row``). This runs on every line
    of a text, so the last-word test is asked first, then the last two words, once for both
    readings: together they answer for most lines. The value reading comes next: the table reader
    needs a row's value cells anyway, and most rows have them, so the other is seldom made."""
    return may_end_row(line) and may_end_two_cells(line) and (is_value_row(line) or is_table_row(line))


@cached_per_input()
def is_prose(line: str) -> bool:
    """A line of running text: many words, no wide gaps between them."""
    stripped = line.strip()
    words = stripped.split()
    return len(words) >= 7 and len(WIDER_GAP.findall(stripped)) <= 1 and not is_table_row(line)


def indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def normalize(text: str) -> str:
    """Whitespace-normalize: runs of spaces and line breaks become one space."""
    return " ".join(text.split())


@cached_per_input()
def flat_text(lines: tuple[str, ...]) -> str:
    """Lines joined with their whitespace normalized: a paragraph as the field patterns read it
    (kept: splitting releases, segmenting and extracting each ask it of the same paragraphs)."""
    return normalize(" ".join(lines))


def join_lines(lines: list[str]) -> str:
    """Reflow printed lines into one string, rejoining words hyphenated at a line end."""
    pieces: list[str] = []  # joined once at the end: adding to one string copies it for every line
    for line in lines:
        piece = line.strip()
        if not piece:
            continue
        last = pieces[-1] if pieces else ""
        if last.endswith("-") and "a" <= last[-2:-1] <= "z" and piece[:1].islower():  # "re-" + "ported"
            pieces[-1] = last + piece
        else:
            pieces.append(piece)
    return normalize(" ".join(pieces))


@cached_per_input()
def is_value_row(line: str) -> bool:
    """A table row as accountants print it, ``$  (839) $     -`` included: two or more value
    cells at the end of the line, at least one of them a number other than a year."""
    return may_end_two_cells(line) and _holds_value_row(value_cells(line))


def reads_as_value_row(line: str) -> bool:
    """``is_value_row`` read in full, without the shortcut on the last two words."""
    return _holds_value_row(read_value_cells(line))


def _holds_value_row(reading) -> bool:
    label, _, cells = reading
    return (len(cells) >= 2 and any(cell.value is not None and not cell.is_year for cell in cells)
            and len(label.split()) < 12)


_ABBREVIATION_END: Final = re.compile(r"\b(?:Co|Inc|Corp|Ltd|Cos|Bros|L\.P|N\.A|S\.A)\.$")


def is_sentence(line: str) -> bool:
    """Running text: one piece (no gaps of two or more spaces) of seven or more words, or of
    four or more ending a sentence; a parenthesized note such as a scale line is not one."""
    pieces = chunks(line)
    if len(pieces) != 1:
        return False
    text = pieces[0][2]
    if text.startswith("(") and text.endswith(")"):
        return False
    words = len(text.split())
    ends = text.endswith(".") and not _ABBREVIATION_END.search(text) and any(c.islower() for c in text)
    return words >= 7 or (words >= 4 and ends)


def is_header_like(line: str) -> bool:
    """Column headings: words in two or more pieces set apart by wide gaps, or years alone."""
    _, _, cells = value_cells(line)
    return len(chunks(line)) >= 2 or bool(cells and all(cell.is_year for cell in cells))


_HEADER_WORDS: Final = re.compile(
    r"\b(?:(?:19|20)\d\d|Ended|Ending|Months|Weeks|Quarter|Fiscal|Year|Unaudited|millions|thousands|Dollars|"
    r"Percent|Change|As\s+of|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\(\$|%",
    re.IGNORECASE,
)
_PERIOD_PHRASE: Final = re.compile(
    r"\b(?:ended|ending)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d", re.IGNORECASE
)


def is_table_matter(paragraph: list[str], after_prose: bool) -> bool:
    """A paragraph above a table that belongs to it: column headings, or (once the release's
    prose has begun, so that it cannot be the exhibit's own title) a caption; never running text,
    except a one-line caption naming the period ("For the 13 Weeks Ended July 3, 2004 ...")."""
    if not paragraph or len(paragraph) > 7:
        return False
    if len(paragraph) == 1 and _PERIOD_PHRASE.search(paragraph[0]) and not paragraph[0].rstrip().endswith("."):
        return True
    if any(is_sentence(line) for line in paragraph):
        return False
    if after_prose:
        return True
    return all(is_header_like(line) or RULE.match(line) or _HEADER_WORDS.search(line) for line in paragraph)
