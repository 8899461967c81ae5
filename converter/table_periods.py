"""Column headings to XBRL periods: "Three Months Ended / March 31, / 2004" -> 2004-01-01..2004-03-31.

A heading gives a duration (months, weeks, quarter, year) and an end date, or a date alone (an
instant, as in a balance sheet). What the heading leaves out (the year under "December 31,", the
day of "Second Quarter 1999") comes from the leaf year and from the release's own words
("for the second quarter ended June 30, 1999"). Where neither says, the period is None.
"""
from __future__ import annotations

import calendar as _calendar
import re
from datetime import date, timedelta
from typing import Final

from attrs import frozen

from .input_cache import cached_per_input
from .prefilter import finditer_near
from .records import Period

_MONTHS: Final = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH: Final = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
DATE: Final = re.compile(
    rf"""\b(?P<month>{_MONTH})(?![a-z])   # December  Dec.
        (?:\s+(?P<day>\d{{1,2}})(?!\d))?   # 31
        (?:,?\s*(?P<year>(?:19|20)\d\d)(?!\d))?  # , 2004
    """,
    re.VERBOSE | re.IGNORECASE,
)
_YEAR: Final = re.compile(r"(?<![\d,.$])(?:19|20)\d\d(?!\d)")
_NUMBER_WORDS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "nine": 9, "twelve": 12, "thirteen": 13,
    "twenty-six": 26, "thirty-nine": 39, "fifty-two": 52, "fifty-three": 53,
}
_COUNTED: Final = re.compile(
    r"\b(?P<count>\d{1,2}|one|two|three|four|six|nine|twelve|thirteen|twenty-six|thirty-nine|fifty-two|fifty-three)"
    r"[\s-]+(?P<unit>months?|weeks?)\b",
    re.IGNORECASE,
)
_QUARTER: Final = re.compile(
    r"\b(?:(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?)?quarter\b|\bQ(?P<q>[1-4])\b",
    re.IGNORECASE,
)
_HALF: Final = re.compile(r"\b(?:first\s+half|six\s+months)\b", re.IGNORECASE)
_YEAR_TO_DATE: Final = re.compile(r"\byear[\s-]+to[\s-]+date\b|\bYTD\b", re.IGNORECASE)
_FULL_YEAR: Final = re.compile(r"\b(?:fiscal\s+year|year|fiscal|FY)\b", re.IGNORECASE)
_INSTANT: Final = re.compile(rf"\b(?:as\s+of|at|balance\s+at)\s+{_MONTH}", re.IGNORECASE)
_ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# The release's own words about the period it reports on.
_QUARTER_ENDED: Final = re.compile(
    rf"\b(?P<ordinal>first|second|third|fourth)\s+(?:fiscal\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?\d{{4}})?,?"
    rf"\s+(?:ended|ending)\s+(?P<date>{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)
_YEAR_ENDED: Final = re.compile(
    rf"\b(?:fiscal\s+)?year,?\s+(?:ended|ending|ends)\s+(?:on\s+)?(?P<date>{_MONTH}\s+\d{{1,2}}(?:,?\s+(?:19|20)\d\d)?)",
    re.IGNORECASE,
)
_PERIOD_ENDED: Final = re.compile(
    rf"\b(?:quarter|period|(?:three|six|nine|twelve)\s+months|\d{{1,2}}\s+weeks),?\s+(?:ended|ending)\s+"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)


# The three patterns above are tried only near "end" (ended, ending, ends), which each match holds.
# In a text of single spaces it starts at most 38 characters into a match ("fourth fiscal quarter of
# fiscal 2004, ended"), and a match reads at most 38 + 29 characters ("ending on September. 30, 2004").
_REACH, _LONGEST = 40, 100


@frozen
class Calendar:
    """What the release says of its fiscal calendar: year end (month, day; 0 = month's last day)
    and the end of the period it reports on."""

    fiscal_end: tuple[int, int] | None = None
    reference_end: date | None = None


def read_calendar(text: str) -> Calendar:
    """The fiscal-year end and the reported period's end, from the release's sentences."""
    text = " ".join(text.split())
    fiscal_end = reference = None
    found = next(finditer_near(_YEAR_ENDED, text, "end", _REACH, _LONGEST), None)
    if found:
        month, day, _ = _date_parts(found["date"])
        fiscal_end = (month, day)
    for match in finditer_near(_QUARTER_ENDED, text, "end", _REACH, _LONGEST):
        month, day, year = _date_parts(match["date"])
        reference = reference or _safe_date(year, month, day)
        if fiscal_end is None and reference:
            n = _ORDINALS[match["ordinal"].lower()]
            end_month = (month + 3 * (4 - n) - 1) % 12 + 1
            fiscal_end = (end_month, 0 if day == _last_day(year, month) else day)
    if reference is None:
        found = next(finditer_near(_PERIOD_ENDED, text, "end", _REACH, _LONGEST), None)
        if found:
            month, day, year = _date_parts(found["date"])
            reference = _safe_date(year, month, day)
    return Calendar(fiscal_end=fiscal_end, reference_end=reference)


def column_period(header: str, context: str, calendar: Calendar) -> Period | None:
    """The period of a column from its heading words, the table's caption and the calendar."""
    years = _YEAR.findall(_without_dates(header))
    leaf = int(years[-1]) if years else None
    end = _end_date(header, leaf) or (_end_date(context, leaf) if not _dated(header) else None)
    months, weeks = _duration(header)
    if months is None and weeks is None and not _dated(header):
        months, weeks = _duration(context)
    if end is None:
        end = _inferred_end(header, leaf, months, calendar)
    if end is None:
        return None
    if months is None and weeks is None:
        return Period(instant=end.isoformat())
    start = end - timedelta(days=7 * weeks - 1) if weeks else _months_before(end, months)
    return Period(start=start.isoformat(), end=end.isoformat())


@cached_per_input()
def _dates(text: str) -> tuple[re.Match, ...]:
    """DATE's matches in a heading or caption (asked of each several times, for every column)."""
    return tuple(DATE.finditer(text))


@cached_per_input()
def _duration(text: str) -> tuple[int | None, int | None]:
    if _INSTANT.search(text):
        return None, None
    counted = _COUNTED.search(text)
    if counted:
        count = counted["count"].lower()
        number = int(count) if count.isdigit() else _NUMBER_WORDS[count]
        if number == 0:
            return None, None  # "0 Weeks Ended": no length to count back from
        return (None, number) if counted["unit"].lower().startswith("week") else (number, None)
    if _QUARTER.search(text):
        return 3, None
    if _HALF.search(text):
        return 6, None
    if _FULL_YEAR.search(text) and not _YEAR_TO_DATE.search(text):
        return 12, None
    return None, None


def _dated(text: str) -> bool:
    return any(match["day"] or match["year"] for match in _dates(text))


def _end_date(text: str, leaf: int | None) -> date | None:
    """The date a heading names: the one of the leaf year when it names several."""
    found = list(_dates(text))
    full = [m for m in found if m["year"]]
    if full:
        chosen = [m for m in full if leaf is None or int(m["year"]) == leaf]
        if len(chosen) != 1 and not (chosen and all(m.group() == chosen[0].group() for m in chosen)):
            return None
        month, day, year = _date_parts(chosen[0].group())
        return _safe_date(year, month, day or _last_day(year, month))
    if leaf is None or len({(m["month"][:3].lower(), m["day"]) for m in found}) != 1:
        return None
    month = _MONTHS[found[0]["month"][:3].lower()]
    day = int(found[0]["day"]) if found[0]["day"] else _last_day(leaf, month)
    return _safe_date(leaf, month, day)


def _inferred_end(header: str, leaf: int | None, months: int | None, calendar: Calendar) -> date | None:
    """"Second Quarter 1999", "Six Months 1999", "Fiscal 2004": the day from the calendar."""
    if leaf is None:
        return None
    quarter = _QUARTER.search(header)
    ordinal = quarter and (quarter["ordinal"] or quarter["q"])
    if ordinal and calendar.fiscal_end:
        n = _ORDINALS.get(ordinal.lower(), int(ordinal) if ordinal.isdigit() else 0)
        month = (calendar.fiscal_end[0] - 3 * (4 - n) - 1) % 12 + 1
        return _on(leaf, month, calendar.fiscal_end[1])
    if months == 12 and calendar.fiscal_end and calendar.fiscal_end[0] >= 6:
        return _on(leaf, *calendar.fiscal_end)
    if months and months < 12 and calendar.reference_end:
        return _on(leaf, calendar.reference_end.month, calendar.reference_end.day)
    return None


def _without_dates(text: str) -> str:
    """The heading without its full dates, so that the leaf year is the one printed alone."""
    pieces, last = [], 0
    for match in _dates(text):  # what DATE.sub would replace
        if match["year"] and match["day"]:
            pieces += [text[last: match.start()], " "]
            last = match.end()
    kept = "".join(pieces) + text[last:]
    return kept if _YEAR.search(kept) else text


def _months_before(end: date, months: int) -> date:
    """First day of a period of ``months`` ending on ``end`` (month ends stay month ends)."""
    if end.day == _last_day(end.year, end.month):
        total = end.year * 12 + end.month - 1 - months + 1
        return date(total // 12, total % 12 + 1, 1)
    total = end.year * 12 + end.month - 1 - months
    year, month = total // 12, total % 12 + 1
    return date(year, month, min(end.day, _last_day(year, month))) + timedelta(days=1)


def _date_parts(text: str) -> tuple[int, int, int]:
    match = DATE.search(text)
    month = _MONTHS[match["month"][:3].lower()]  # type: ignore[index]
    return month, int(match["day"]) if match["day"] else 0, int(match["year"]) if match["year"] else 0  # type: ignore[index]


def _on(year: int, month: int, day: int) -> date | None:
    return _safe_date(year, month, day or _last_day(year, month))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _last_day(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1] if year else 31
