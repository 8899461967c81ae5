"""The dateline: "CITY, Region (WIRE) Month D, YYYY --" in its many wire styles.

Matched on a paragraph's whitespace-normalized text so that datelines wrapped over two lines
are found too.
"""
from __future__ import annotations

import re
from typing import Final

from attrs import frozen

from ..input_cache import cached_per_input
from ..knowledge import MONTHS
from .dates import NUMERIC_DATE, WRITTEN_DATE, iso_date, parse_written, year_near
from .wire import WIRE_IN_DATELINE

_CITY_WORD: Final = r"(?:[A-Z][A-Za-z.'&]*(?:-[A-Z][A-Za-z.'&]*)*|(?:de|del|la|du|of)(?=\s[A-Z]))"
_REGION_WORD: Final = r"(?:[A-Z][A-Za-z.]*)"
_DATE: Final = re.sub(r"\(\?P<\w+>", "(?:", WRITTEN_DATE.pattern)

DATELINE: Final = re.compile(
    rf"""^(?P<city>{_CITY_WORD}(?:\s{_CITY_WORD}){{0,3}})          # city, upper or title case
        (?:,\s*(?P<region>{_REGION_WORD}(?:\s{_REGION_WORD}){{0,2}}))?  # state, country
        (?P<tail>(?:                                                  # then wire, date, dashes
            (?:\s*+,)?\s*+(?:--+|[\u2013\u2014]|-(?=\s*[(A-Z/]))      #   dash separators
          | (?:\s*+,)?\s++-\s                                         #   " - "
          | (?:\s*+,)?\s*+\(\s*{_DATE}\s*\)                           #   (Month D, YYYY)
          | (?:\s*+,)?\s*+{_DATE}                                     #   Month D, YYYY
          | (?:(?<=-)|\s*+)(?:{WIRE_IN_DATELINE})                     #   (BUSINESS WIRE), /PRNewswire/
          | (?<=\))\s*via\s+[A-Z][\w!]*                              #   "(BUSINESS WIRE) via First!"
        )+)""",
    re.VERBOSE,
)  # Blanks are possessive (``\s*+``): "\s*,?\s*" retried every split of a long blank run.
# (A change to what the city, region or tail may hold must keep DATELINE_HEAD below a guard that every
# match passes: tests/test_shortcuts.py checks it on every text we have and on generated datelines.)
_HAS_DASH: Final = re.compile(r"[-\u2013\u2014]")
# Every part of a dateline's tail holds a dash, "(", "/" or a digit, and what comes before the first
# of them is city and region words: letters, ". ' &", commas and blanks. A paragraph that does not
# begin so ("The company said $5 ...") holds no dateline, without trying DATELINE's many readings.
DATELINE_HEAD: Final = re.compile(r"\A[A-Za-z.'&,\s]*+[-\u2013\u2014(/\d]")


@frozen
class DatelineMatch:
    city: str
    region: str | None
    year: int | None
    month: int | None
    day: int | None
    text: str
    end: int  # offset in the normalized paragraph text where the body words start
    wire_text: str | None


_WIRE: Final = re.compile(WIRE_IN_DATELINE)
_WORD_START: Final = re.compile(r"[\w\"'(\u201c$]")


@cached_per_input()
def match_dateline(text: str) -> DatelineMatch | None:
    """Read a dateline at the start of a normalized paragraph, or None when there is none (kept:
    splitting releases, segmenting and extracting each ask it of the same paragraphs)."""
    match = DATELINE.match(text) if DATELINE_HEAD.match(text) else None
    if not match:
        return None
    tail = match["tail"]
    date = WRITTEN_DATE.search(tail)
    wire = _WIRE.search(tail)
    if not (date or wire or _HAS_DASH.search(tail)):
        return None
    if not date and not wire and match["region"] is None and not _looks_like_place(match["city"]):
        return None
    end = match.end()
    # "ATLANTA - Southern Company": the body must follow as words, not more punctuation.
    rest = text[end:].lstrip()
    if rest and not _WORD_START.match(rest):
        return None
    year = month = day = None
    if date:
        year, month, day = parse_written(date)
    return DatelineMatch(
        city=match["city"],
        region=match["region"],
        year=year,
        month=month,
        day=day,
        text=text[:end].strip(),
        end=end,
        wire_text=wire.group(0).strip() if wire else None,
    )


def _looks_like_place(city: str) -> bool:
    # A bare "WORD -" only reads as a dateline when the city is printed in capitals.
    return city.isupper() and len(city) >= 3


def dateline_date(found: DatelineMatch, reference_dates: list[str]) -> tuple[str | None, str | None]:
    """ISO date of the dateline; the year comes from a nearby printed date when it is missing.

    Returns the date and, when its year was inferred, the reference date it came from.
    """
    if found.month is None:
        return None, None
    if found.year is not None:
        return iso_date(found.year, found.month, found.day), None  # type: ignore[arg-type]
    for reference in reference_dates:
        year = year_near(found.month, found.day, reference)  # type: ignore[arg-type]
        if year is not None:
            return iso_date(year, found.month, found.day), reference  # type: ignore[arg-type]
    return None, None


_WIRE_STAMP: Final = re.compile(r"(?<![\w-])(?P<day>\d{1,2})-(?P<month>[A-Za-z]{3})-(?P<year>\d{2}|\d{4})(?![\w-])")


def numeric_dates(text: str) -> list[str]:
    """ISO dates printed as MM/DD/YYYY (PR Newswire trailers) or DD-MON-YY (wire time stamps)."""
    found = []
    for match in _WIRE_STAMP.finditer(text):
        month = MONTHS.get(match["month"].lower())
        year = int(match["year"])
        year += 0 if year >= 100 else (1900 if year >= 50 else 2000)
        iso = iso_date(year, month, int(match["day"])) if month else None
        if iso:
            found.append(iso)
    for match in NUMERIC_DATE.finditer(text):
        year = int(match["year"])
        year += 0 if year >= 100 else (1900 if year >= 50 else 2000)  # "-0- 10/08/96"
        iso = iso_date(year, int(match["month"]), int(match["day"]))
        if iso:
            found.append(iso)
    return found
