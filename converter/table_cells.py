"""Value cells of a fixed-width table line, read the way accountants print numbers.

``$1,234``, ``$ (1,234)``, ``(0.12)``, ``-4.1%``, ``.74``, ``2003*`` are numbers; ``-``, ``--``,
``—`` and ``n/a`` are printed nils. A cell keeps its columns (for alignment) and its printed
precision (for XBRL ``decimals``).
"""
from __future__ import annotations

import re
from typing import Final, NamedTuple

from .input_cache import cached_per_input

# One printed number: sign, parentheses, dollar sign, separators, percent, footnote mark.
_NUMBER: Final = re.compile(
    r"""^(?P<open>\()?            # (1,234)  accountants' negative
        (?P<minus>[-\u2013\u2212])?  # -4.1%    a printed minus
        \$?                       # ($145)   dollar sign inside the parenthesis
        (?P<open2>\()?            # $(145)
        (?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
        (?P<close>\))?            # closing parenthesis before a percent sign: (1.2)%
        (?P<percent>%)?
        (?P<close2>\))?           # or after it: (1.2%)
        (?P<mark>\*{1,3}|\([a-z]\)|[a-z])?$  # footnote marks: 2003*  1,234(a)
    """,
    re.VERBOSE,
)
_NIL: Final = re.compile(r"^(?:-{1,3}|\u2014{1,2}|\u2013|-0-|n/?[am]|N/?[AM]|\*)$")
# Both at once, the nil first as parse_number asks them: one match a word, its groups read in one go.
_NIL_OR_NUMBER: Final = re.compile(f"(?P<nil>{_NIL.pattern})|{_NUMBER.pattern}", re.VERBOSE)
_CHUNK: Final = re.compile(r"\S+(?: \S+)*")  # text pieces split at runs of two or more spaces
_YEAR: Final = re.compile(r"^(?:19|20)\d\d\*{0,3}$")
_MAX_DIGITS: Final = 16  # 15 significant digits (what a float holds exactly) and a decimal point


class Cell(NamedTuple):
    """One value cell: ``start``/``end`` columns of the number (no detached ``$``), its value.
    (A NamedTuple, like the other records made for every line or number: a frozen record at
    half the cost of a frozen attrs class.)"""

    start: int
    end: int
    text: str
    value: int | float | None  # None for a printed nil
    places: int  # digits after the decimal point as printed
    percent: bool
    dollar: bool

    @property
    def is_year(self) -> bool:
        return not self.dollar and bool(_YEAR.match(self.text))


# The shapes most table cells take (48,712  $0.23  (164)  9.2%  (23.4)%): read by this short
# pattern, several times faster than the full one, with the same answers (tests/test_shortcuts.py).
_COMMON_NUMBER: Final = re.compile(r"(\()?\$?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\))?(%)?")


def parse_number(text: str) -> tuple[int | float | None, int, bool] | None:
    """``(value, places, percent)`` of a printed number or nil; None when it is not one."""
    if text.isdigit() and text.isascii():  # "2002", "283": as the pattern reads them, with no match made
        return (int(text), 0, False) if len(text) <= _MAX_DIGITS else None
    common = _COMMON_NUMBER.fullmatch(text)
    if common is None:
        return read_number(text)
    opened, whole, fraction, closed, percent = common.groups()
    digits = whole.replace(",", "") + (fraction or "")
    if (opened is None) != (closed is None) or len(digits) > _MAX_DIGITS:
        return None
    value: int | float = float(digits) if fraction else int(digits)
    return (-value if opened else value), len(fraction) - 1 if fraction else 0, percent is not None


def read_number(text: str) -> tuple[int | float | None, int, bool] | None:
    """``parse_number`` by the pattern alone, without the shortcut for bare integers."""
    match = _NIL_OR_NUMBER.match(text)
    if not match:
        return None
    nil, opened, minus, opened2, digits, closed, percent, closed2, _ = match.groups()
    if nil is not None:
        return None, 0, False
    if bool(opened or opened2) != bool(closed or closed2):
        return None
    digits = digits.replace(",", "")
    if len(digits) > _MAX_DIGITS:
        return None  # no printed figure is this long (and int() refuses over 4,300 digits)
    places = len(digits) - digits.index(".") - 1 if "." in digits else 0
    value: int | float = float(digits) if places else int(digits)
    if opened or opened2 or minus:
        value = -value
    return value, places, bool(percent)


def untabbed(line: str) -> str:
    """The line with its tabs expanded; the line itself (not a copy, so its hash is kept and the
    per-input caches find it) when it has none, as the reader's lines never do."""
    return line.expandtabs() if "\t" in line else line


def chunks(line: str) -> list[tuple[int, int, str]]:
    """The line's text pieces split at runs of two or more spaces: ``(start, end, text)``."""
    return [(m.start(), m.end(), m.group()) for m in _CHUNK.finditer(untabbed(line))]


# The last word of a line that may end a row of values: a number, a nil or a detached dollar sign.
# Any other last word (most lines of prose) means no value cells, without reading the line further.
_MAY_END_ROW: Final = re.compile(r"\d|^(?:[-\u2013\u2014]{1,3}|[nN]/?[aAmM]|\*|\(?\$)$")


@cached_per_input()
def may_end_row(line: str) -> bool:
    """False when the line's last word can be no value cell (so no table row ends the line)."""
    words = line.rsplit(None, 1)
    return bool(words) and bool(_MAY_END_ROW.search(words[-1]))


@cached_per_input()
def may_end_two_cells(line: str) -> bool:
    """``may_end_row``, and the word before the last can be a value cell (or a dollar sign) too: else
    no row of two or more values ends the line, as none ends most lines of prose that end in a sum."""
    if not may_end_row(line):
        return False
    words = line.rsplit(None, 2)
    return len(words) >= 2 and bool(_MAY_END_ROW.search(words[-2]))


@cached_per_input()
def value_cells(line: str) -> tuple[str, int, tuple[Cell, ...]]:
    """Split a line into its label (and where it ends) and the value cells that end the line.

    Values are taken from the right while every piece is a number, a nil or a ``$``; a number
    printed one space after a word (``change (2)``) stays part of the label.
    """
    line = untabbed(line).rstrip()
    if not may_end_row(line):
        return line.strip(), len(line), ()  # what read_value_cells finds there (tests/test_fast_paths.py)
    return read_value_cells(line)


# Whitespace other than a plain space: a line holding some is cut into pieces by ``_CHUNK``.
ODD_SPACE: Final = re.compile(r"[^\S ]")


def read_value_cells(line: str) -> tuple[str, int, tuple[Cell, ...]]:
    """``value_cells`` read in full, without the last-word shortcut or the cache."""
    line = untabbed(line).rstrip()
    if ODD_SPACE.search(line):
        return _cells_of_pieces(line, chunks(line))
    taken: list[list[Cell]] = []  # the pieces' cells, right to left
    label_end = 0
    for start, end in pieces_from_the_right(line):
        found = _piece_cells(start, line[start:end])
        if found is None:
            label_end = end
            break
        taken.append(found)
    return _cells_and_label(line, taken, label_end)


def pieces_from_the_right(text: str):
    """``(start, end)`` of the text's pieces split at runs of two or more spaces, right to left,
    for a right-stripped text whose only blanks are spaces: what ``chunks`` gives, found with
    ``str.rfind`` only as far as a reader asks, so a label's words are never cut apart
    (tests/test_shortcuts.py)."""
    end = len(text)
    while end > 0:
        gap = text.rfind("  ", 0, end)
        if gap < 0:
            yield len(text) - len(text.lstrip(" ")), end
            return
        yield gap + 2, end
        end = _end_of_text_before(text, gap)


def _end_of_text_before(text: str, gap: int) -> int:
    """Where the text before the blanks at ``gap`` ends: a short head is copied and stripped (fast),
    a long one walked back over its blanks (a line of many cells stays linear)."""
    if gap <= 256:
        return len(text[:gap].rstrip(" "))
    while gap > 0 and text[gap - 1] == " ":
        gap -= 1
    return gap


def _cells_of_pieces(line: str, pieces: list[tuple[int, int, str]]) -> tuple[str, int, tuple[Cell, ...]]:
    taken: list[list[Cell]] = []  # the pieces' cells, right to left
    cut = len(pieces)
    while cut > 0:
        found = _piece_cells(pieces[cut - 1][0], pieces[cut - 1][2])
        if found is None:
            break
        taken.append(found)
        cut -= 1
    return _cells_and_label(line, taken, pieces[cut - 1][1] if cut else 0)


def _cells_and_label(line: str, taken: list[list[Cell]], label_end: int) -> tuple[str, int, tuple[Cell, ...]]:
    """The cells of the value pieces (``taken``, right to left) and the label before ``label_end``."""
    cells = [cell for found in reversed(taken) for cell in found]
    label = line[:label_end].strip()
    for cell in cells:
        if cell.text == "$":  # a dollar sign printed apart: attached to its number, then dropped
            cells = _attach_dollars(cells)
            if cells[0].text == "$":
                return line.strip(), len(line), ()  # a lone dollar sign with no number
            return label, label_end, tuple([cell for cell in cells if cell.text != "$"])
    return label, label_end, tuple(cells)


def _piece_cells(at: int, text: str) -> list[Cell] | None:
    """The cells of the piece ``text`` printed from column ``at``; None when a word is no value."""
    if " " not in text:  # most pieces are one word: no split
        cell = _word_cell(at, text)
        return None if cell is None else [cell]
    cells = []
    for word in text.split(" "):  # a piece's words are one space apart (``_CHUNK``)
        cell = _word_cell(at, word)
        if cell is None:
            return None
        cells.append(cell)
        at += len(word) + 1
    return cells


def _word_cell(at: int, word: str) -> Cell | None:
    """The cell of one word printed from column ``at``: a detached dollar sign, a number or a nil."""
    if word == "$" or word == "($":
        return Cell(at, at + len(word), "$", None, 0, False, True)
    parsed = parse_number(word)
    if parsed is None:
        return None
    value, places, percent = parsed
    # A number's only leading "$" is its first character (``_NUMBER``): the cell starts after it.
    return Cell(at + 1 if word[0] == "$" else at, at + len(word), word, value, places, percent, "$" in word)


def _attach_dollars(cells: list[Cell]) -> list[Cell]:
    """A ``$`` printed apart from its number (``$   53``) marks the number that follows it."""
    out: list[Cell] = []
    for cell in cells:
        if out and out[-1].text == "$" and cell.text != "$":
            out[-1] = Cell(cell.start, cell.end, cell.text, cell.value, cell.places, cell.percent, True)
        else:
            out.append(cell)
    return out
