"""Front matter: exhibit label, release number, audience line, header lines and contact starts."""
from __future__ import annotations

import re
from typing import Final

from ..lines import WIDER_GAP
from ..prefilter import may_hold
from .dates import NUMERIC_DATE, WRITTEN_DATE
from .wire import LEADING_TAGS

EXHIBIT: Final = re.compile(r"^\s*EXHIBIT\s+(?:NO\.?\s*)?(?P<number>\d+(?:\.\d+)*)\b", re.IGNORECASE)
RELEASE_NUMBER: Final = re.compile(r"\bRelease\s+(?:No|Number|#)\.?\s*[:#]?\s*(?P<number>[A-Z0-9][\w./-]*)", re.IGNORECASE)
AUDIENCE: Final = re.compile(
    r"^\s*(?P<audience>[A-Za-z][A-Za-z&.,'/ -]{0,80}?\b(?:EDITORS?|WRITERS?|DESKS?|REPORTERS?|CORRESPONDENTS?))\s*:?\s*$",
    re.IGNORECASE,
)
HEADER_LINE: Final = re.compile(
    r"""^\s*+(?:PRESS\s+RELEASES?|NEWS\s+RELEASES?|NEWS|NEWS\s+BULLETIN|FOR\s+IMMEDIATE\s+RELEASE
        |IMMEDIATE\s+RELEASE|FOR\s+RELEASE\b.*|RELEASE\s+DATE\b.*|DATE\s*:.*|EMBARGOED\b.*
        |\[?\s*LOGO\s*\]?|FOR\s+PUBLICATION\b.*|-\s*MORE\s*-)\s*:?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
CONTACT_START: Final = re.compile(
    r"^\s*+(?:[\w &/.,-]{0,40}\bcontacts?\b[\w &/.,()-]{0,30}:|contacts?\s*$|for\s+(?:further|more|additional)\b)"
    r"|^\s*For\s*$"
    r"|^\s*(?:Investors?|Media|Press|Analysts?|Financial|Shareholders?|Editorial|Trade\s+Press|Business\s+Press)"
    r"(?:\s+(?:Relations|Inquiries|Information))?\s*:"
    r"|^\s*(?:Investor|Public|Media|Shareholder|Corporate)\s+(?:Relations|Communications)\s*:",
    re.IGNORECASE,
)
# "(In Millions of Dollars Except Earnings Per Share)" above a table exhibit's title.
SCALE_LINE: Final = re.compile(r"^\s*\((?:[^()]*\b(?:millions|thousands|billions|dollars|unaudited)\b[^()]*)\)\s*$", re.IGNORECASE)
_ADDRESS: Final = re.compile(
    r"""^\s*\d{1,6}\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,4}\s+
        (?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.?|Drive|Dr\.|Parkway|Pkwy\.?|Plaza|Way|Lane|Place|Court|Circle|Center|Highway)\b
      | ^\s*[A-Z][A-Za-z. ]{1,30},\s+(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+\d{5}(?:-\d{4})?\b""",
    re.VERBOSE,
)
PHONE: Final = re.compile(
    r"(?<![\d-])(?:\+?1[-.\s]?)?(?:\(\d{3}\)\s*|\d{3}[-.\s/])\d{3}[-.\s]\d{4}(?![\d])(?:\s*(?:x|ext\.?)\s*\d+)?",
    re.IGNORECASE,
)
EMAIL: Final = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
URL: Final = re.compile(r"(?:https?://|www\.)\S++", re.IGNORECASE)


def classify_front_line(line: str) -> str | None:
    """The kind of a front-matter line that can be told by itself, else None (headline text)."""
    if EXHIBIT.match(line) or HEADER_LINE.match(line) or _is_date_line(line) or SCALE_LINE.match(line):
        return "header"
    parts = WIDER_GAP.split(line.strip())
    if len(parts) == 2 and any(HEADER_LINE.match(part) or EXHIBIT.match(part) for part in parts) and not any(
        is_contact_start(part) for part in parts
    ):
        return "header"  # a letterhead: "Acme Corp.          NEWS RELEASE"
    if len(line.split()) <= 6 and may_hold(line, ("release",)) and RELEASE_NUMBER.search(line):
        return "header"
    if may_hold(line, _AUDIENCE_WORDS) and AUDIENCE.match(line):
        return "audience"
    if LEADING_TAGS.match(line):
        return "wire"
    return None


_AUDIENCE_WORDS: Final = ("editor", "writer", "desk", "reporter", "correspondent")  # one ends every AUDIENCE match
# A date line is a date and at most 12 other characters: a date prints at most 19 that are not blanks
# ("September. 30th, 2004"), so a line with more than 31 is none (asked before the patterns' scans).
_DATE_LINE_MOST_PRINTED: Final = 19 + 12
# What a match of each date pattern must hold, asked first (the patterns are tried at every position):
# a blank before the day of "June 5", a slash of "6/5/04".
_DATE_GUARDS: Final = ((re.compile(r"\s\d"), WRITTEN_DATE), (re.compile(r"/"), NUMERIC_DATE))


_LONG_LOWER_WORD: Final = re.compile(r"[a-z]{5,}")


def _is_date_line(line: str) -> bool:
    text = line.strip().rstrip(".")
    if len("".join(text.split())) > _DATE_LINE_MOST_PRINTED:
        return False
    for guard, pattern in _DATE_GUARDS:
        match = guard.search(text) and pattern.search(text)
        if match and match.group(0) and len(text) - len(match.group(0)) <= 12 and not _LONG_LOWER_WORD.search(text.replace(match.group(0), "")):
            return True
    return False


def is_letterhead(lines) -> bool:
    """A company's printed letterhead: a street address or a ZIP code among short lines."""
    return any(_ADDRESS.search(line) for line in lines)


def is_contact_start(line: str) -> bool:
    """A line that opens contacts (CONTACT_START). Every match holds "contact" or ":" or begins
    with "for", asked first: most lines hold none, and the pattern costs more."""
    if not may_hold(line, _CONTACT_START_WORDS) and line.lstrip()[:3].lower() != "for":
        return False
    return bool(CONTACT_START.match(line))


_CONTACT_START_WORDS: Final = ("contact", ":")


# The engine tries a pattern such as PHONE's at every position of a text: the tests below turn away,
# at the cost of a search that starts with a digit or a literal, the many lines that hold no "555-1212"
# or no "@".
_FAX_WORD: Final = re.compile(r"\bFax\b", re.IGNORECASE)
PHONE_CORE: Final = re.compile(r"\d{3}[-.\s]\d{4}")  # what every match of PHONE ends with


def has_phone(text: str) -> bool:
    """Whether PHONE finds a number in ``text``."""
    return bool(PHONE_CORE.search(text) and PHONE.search(text))


def has_email(text: str) -> bool:
    """Whether EMAIL finds an address in ``text``."""
    return "@" in text and bool(EMAIL.search(text))


def is_contact_line(line: str) -> bool:
    """A line that only a contact block holds: a phone number, an e-mail address, "Fax"."""
    return has_phone(line) or has_email(line) or ("fax" in line.lower() and bool(_FAX_WORD.search(line)))
