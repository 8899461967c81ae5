"""Words that tell a table's scale and the unit of a row, column or table, kept as data.

Each entry is a compiled pattern; the readers in ``table_units.py`` only ask which one matches.
"""
from __future__ import annotations

import re
from typing import Final

from .prefilter import may_hold

_I: Final = re.IGNORECASE | re.VERBOSE

# The stated scale: "(in thousands, except per share data)", "($000's)", "(In Millions of Dollars)".
SCALES: tuple[tuple[int, re.Pattern], ...] = (
    (1_000_000_000, re.compile(r"\bin\s+billions\b | \(\s*\$?\s*billions\b | \bbillions\s+of\b", _I)),
    (1_000_000, re.compile(
        r"""\bin\s+millions\b | \(\s*\$?\s*(?:in\s+)?millions\b | \bmillions\s+of\b   # (millions) (In Millions of ..)
          | \$\s*(?:in\s+)?millions\b | \$\s*mm\b | \(\s*\$?\s*000,000'?s\s*\)      # ($ millions) ($000,000)
        """, _I)),
    (1_000, re.compile(
        r"""\bin\s+thousands\b | \(\s*\$?\s*(?:in\s+)?thousands\b | \bthousands\s+of\b
          | \$\s*0{3}'?s\b | \(\s*0{3}'?s\s*\) | \b000'?s\s+omitted\b | \bin\s+\$?000'?s\b   # ($000's) (000s omitted)
        """, _I)),
)
# "except per share data": per-share amounts are never scaled; removing them first leaves
# "except share ... data" where share counts are exempt too.
PER_SHARE_PHRASE: Final = re.compile(r"\b(?:earnings\s+|amounts\s+)?per[\s-]+(?:common\s+|diluted\s+)?share\b|\beps\b", _I)
SHARES_EXEMPT: Final = re.compile(r"\bexcept\b[^)]*\bshares?\b", _I)
PER_SHARE_EXCEPTION: Final = re.compile(r"\bexcept\b[^)]*(?:\bper[\s-]+(?:common\s+)?share\b|\beps\b)", _I)

# Unit words of a whole table (in its caption): the first that matches names the default unit.
TABLE_UNITS: tuple[tuple[str, re.Pattern], ...] = (
    ("kWh", re.compile(r"\bkwhs?\b | \bkilowatt[\s-]?hours?\b", _I)),
    ("count", re.compile(r"\b(?:stores|restaurants|employees|locations|outlets|branches)\b", _I)),
    ("USD/share", re.compile(r"^(?!.*\bexcept\b).*(?:\bper[\s-]+share\b|\beps\b)", _I)),
    ("USD", re.compile(r"\bdollars?\b | \$ | \bU\.?S\.?D\b", _I)),
)

# Unit words of a row label or section heading, in order of precedence.
ROW_UNITS: tuple[tuple[str, re.Pattern], ...] = (
    ("shares", re.compile(
        r"""^(?=.*\bshares\b)                     # share counts, not "Common shares" (a dollar amount)
            (?=.*\b(?:outstanding|average|weighted|used|number|equivalent|computing|calculation)\b)""", _I)),
    ("USD/share", re.compile(r"\bper\s+(?:common\s+|diluted\s+|basic\s+)?share\b | \beps\b | \bper\s+diluted\b", _I)),
    ("percent", re.compile(r"%\s*\)?$ | \(%\) | \bas\s+a\s+percent(?:age)?\b | \bpercent(?:age)?\s+of\b", _I)),
    ("pure", re.compile(r"\b(?:exchange\s+)?rate\b(?!\s+of\s+return) | \bratio\b", _I)),
    ("count", re.compile(
        r"\b(?:stores|restaurants|employees|locations|outlets|branches|subscribers|number\s+of\s+(?!shares))\b", _I)),
)
# Every match of a ROW_UNITS pattern, lowered, holds a match of this (asked first of an ASCII label:
# most labels hold none, and this one case-sensitive scan costs a fraction of the five above).
ROW_UNIT_HINT: Final = re.compile(r"shar|eps|dilut|%|percent|rat|store|restaurant|employee|location|outlet|branch|subscriber|number")
# Headings that say per share only in context: "Basic" / "Diluted" under an EPS heading.
BASIC_OR_DILUTED: Final = re.compile(r"^(?:basic|diluted|primary|fully\s+diluted)\s*:?$", _I)

# Column headings: "Earnings Per Share", "% Change", "Shares".
COLUMN_UNITS: tuple[tuple[str, re.Pattern], ...] = (
    ("percent", re.compile(r"% | \bpercent\b", _I)),
    ("USD/share", re.compile(r"\bper\s+share\b | \beps\b", _I)),
    ("shares", re.compile(r"\bshares\b", _I)),
)
# A column of differences between periods: "Change", "% Change", "Increase (Decrease)".
CHANGE_COLUMN: Final = re.compile(r"\b(?:change|increase|decrease|inc\.?|dec\.?|variance|better|worse)\b | %", _I)

# A scale printed in a row's own label: "Average Shares Outstanding (in millions)".
ROW_SCALES: tuple[tuple[int, re.Pattern], ...] = (
    (1_000_000, re.compile(r"\(\s*in\s+millions\s*\) | \(\s*millions\s*\)", _I)),
    (1_000, re.compile(r"\(\s*in\s+thousands\s*\) | \(\s*thousands\s*\) | \(\s*000'?s\s*\)", _I)),
)
# A row valued at the end of the period even in a column of durations.
AT_PERIOD_END: Final = re.compile(r"\bend\s+of\s+(?:the\s+)?(?:period|year|quarter)\b | \bat\s+(?:period|year|quarter)[\s-]end\b", _I)

# The words (lower case) every match of each pattern tried on a whole caption holds, in any case: a
# caption holding none of them is not scanned. tests/test_shortcuts.py checks them on every caption,
# label and heading we have. (A short label is scanned at once: the test would cost more.)
WORDS_NEEDED: dict[re.Pattern, tuple[str, ...]] = {
    **dict(zip((pattern for _, pattern in SCALES), (("billions",), ("millions", "mm", "000,000"), ("thousands", "000")))),
    PER_SHARE_PHRASE: ("per", "eps"),
    SHARES_EXEMPT: ("except",),
    PER_SHARE_EXCEPTION: ("except",),
    **dict(zip((pattern for _, pattern in TABLE_UNITS), (
        ("kwh", "kilowatt"), ("stores", "restaurants", "employees", "locations", "outlets", "branches"),
        ("share", "eps"), ("dollar", "$", "usd", "u.sd", "us.d", "u.s.d")))),
    AT_PERIOD_END: ("end",),
}


def first_found(entries: tuple[tuple[object, re.Pattern], ...], text: str):
    """The key of the first entry whose pattern ``text`` holds, or None."""
    return next((key for key, pattern in entries if found(pattern, text)), None)


def found(pattern: re.Pattern, text: str) -> bool:
    """Whether ``text`` holds a match of ``pattern``, one of those in WORDS_NEEDED."""
    return may_hold(text, WORDS_NEEDED[pattern]) and pattern.search(text) is not None
