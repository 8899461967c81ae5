"""Printed dates: "Dec. 20, 1996", "February 8, 2005", "07/22/2004", "July 22" (no year)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Final

from ..knowledge import MONTH_PATTERN, MONTHS

WRITTEN_DATE: Final = re.compile(
    rf"""(?P<month>{MONTH_PATTERN})\.?\s+     # month name or abbreviation
        (?P<day>\d{{1,2}})(?:st|nd|rd|th)?      # day
        (?:,?\s+(?P<year>(?:19|20)\d\d))?       # year, often missing in PR Newswire datelines
        (?![\d])""",
    re.VERBOSE | re.IGNORECASE,
)
NUMERIC_DATE: Final = re.compile(r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d|\d\d)(?![\d/])")


def iso_date(year: int | None, month: int, day: int) -> str | None:
    """The ISO form of a date, or None when it is not a real calendar date."""
    if year is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_written(match: re.Match) -> tuple[int | None, int, int]:
    year = int(match["year"]) if match["year"] else None
    return year, MONTHS[match["month"].lower().rstrip(".")], int(match["day"])


def year_near(month: int, day: int, reference: str) -> int | None:
    """The year that puts month/day closest to a reference ISO date (a filing or trailer date)."""
    ref = dt.date.fromisoformat(reference)
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        distance = abs((candidate - ref).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    if best is None or best[0] > 60:
        return None
    return best[1]
