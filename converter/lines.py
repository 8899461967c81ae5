"""Line shapes shared by the segmenter and the extractors: page marks, end marks, table rows, prose."""
from __future__ import annotations

import re

PAGE_MARK = re.compile(r"^\s*(?:<PAGE>\s*\d*|\f+)\s*$", re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^\s*(?:-\s*\d{1,3}\s*-|\d{1,3}|Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|\(\s*\d{1,3}\s*\))\s*$", re.I)
END_MARK = re.compile(
    r"""^\s*(?:-+\s*(?:0|30|END)\s*-+        # -0-  --30--dt/sf  - END -
        |\#{3,}|(?:\#\s+){2,}\#            # ###  # # #
        |\*\s*\*\s*\*)                    # * * *
        (?:\s*\S.*)?$""",
    re.VERBOSE | re.IGNORECASE,
)
RULE = re.compile(r"^\s*(?:[-=_]{2,}\s*)+$")
SGML_TABLE_TAG = re.compile(r"^\s*</?(?:TABLE|CAPTION|S|C|FN)>", re.IGNORECASE)
SIGNATURE_START = re.compile(
    r"^\s*(?:SIGNATURES?|Pursuant\s+to\s+the\s+requirements\s+of\s+the\s+Securities\s+Exchange\s+Act)\b"
)
# One printed number as accountants print it: $1,234  (1,234)  12.5%  .25  --
NUMBER_CELL = re.compile(
    r"""(?:\$\s*)?\(?\$?\s*(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?\)?%?  # 1,234.5  (12)  12%
    """,
    re.VERBOSE,
)
_CELL_SPLIT = re.compile(r"\s{2,}")
_NUMERIC_TOKEN = re.compile(r"^(?:\$\s*)?\(?\$?\s*(?:\d{1,3}(?:,\d{3})+|\d+|\d*\.\d+)(?:\.\d+)?\s*\)?\s*%?\)?\*?$|^(?:-{1,3}|\u2014|n/?m|n/?a)$", re.I)


def is_blank(line: str) -> bool:
    return not line.strip()


def numeric_cells(line: str) -> int:
    """How many number-like cells end the line, split on runs of two or more spaces."""
    cells = _CELL_SPLIT.split(line.strip())
    count = 0
    for cell in reversed(cells):
        if cell in ("$", "($"):
            continue  # "$  122": the dollar sign printed apart from its number
        tokens = cell.split()
        if tokens and all(_NUMERIC_TOKEN.match(token) for token in _merge_dollars(tokens)):
            count += len(_merge_dollars(tokens))
        else:
            break
    return count


def _merge_dollars(tokens: list[str]) -> list[str]:
    merged: list[str] = []
    for token in tokens:
        if merged and merged[-1] in ("$", "($"):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def is_table_row(line: str) -> bool:
    """A line of a fixed-width table: a label (or none) then two or more number cells."""
    return numeric_cells(line) >= 2 and bool(re.search(r"\S\s{2,}\S", line.strip()) or line.strip()[0] in "$(0123456789")


def is_prose(line: str) -> bool:
    """A line of running text: many words, no wide gaps between them."""
    stripped = line.strip()
    words = stripped.split()
    return len(words) >= 7 and len(re.findall(r"\s{3,}", stripped)) <= 1 and not is_table_row(line)


def indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def normalize(text: str) -> str:
    """Whitespace-normalize: runs of spaces and line breaks become one space."""
    return " ".join(text.split())


def join_lines(lines: list[str]) -> str:
    """Reflow printed lines into one string, rejoining words hyphenated at a line end."""
    out = ""
    for line in lines:
        piece = line.strip()
        if not piece:
            continue
        if out.endswith("-") and not out.endswith("--") and re.search(r"[a-z]-$", out) and piece[:1].islower():
            out += piece
        else:
            out = f"{out} {piece}" if out else piece
    return normalize(out)
