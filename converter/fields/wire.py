"""Wire service tags and ticker tags: "(BW) (NY-ACME) (NASDAQ:ACME)", "/PRNewswire-FirstCall/"."""
from __future__ import annotations

import re
from typing import Final

from ..knowledge import BARE_EXCHANGES, EXCHANGES, SLASH_WIRE_CODES, WIRE_CODES, WIRE_SERVICES
from ..prefilter import finditer_near

_WIRE_NAMES: Final = sorted(
    (re.escape(name).replace(r"\ ", r"\s*") for name in WIRE_SERVICES if len(name) > 3),
    key=len,
    reverse=True,
)
_WIRE_NAME: Final = "(?:" + "|".join(_WIRE_NAMES) + ")"

# A wire named inside a dateline: "(BUSINESS WIRE)", "--BUSINESS WIRE--", "/PRNewswire-FirstCall/".
_SLASH_CODE: Final = "|".join(SLASH_WIRE_CODES)
WIRE_IN_DATELINE: Final = (
    rf"\(\s*(?i:{_WIRE_NAME})\s*(?:-\s*[^()]{{3,30}}?)?\)"   # (BUSINESS WIRE), (CCNMatthews - Sept. 17, 2002)
    rf"|/\s*(?:{_SLASH_CODE})\s*/"
    rf"|/\s*(?i:{_WIRE_NAME})(?:-[A-Za-z]+)*\s*/"
    rf"|(?<=-)\s*(?i:{_WIRE_NAME})(?=\s*-)"
)

# Tags at the head of a 1990s Business Wire line: "(BW)", then the routing slug "(NY-ACME-CORP)".
LEADING_TAGS: Final = re.compile(
    r"""^\s*\((?P<code>BW|PRN)\)\s*               # wire code
        (?:\((?P<slug>[A-Z0-9][A-Z0-9&.'-]*-[A-Z0-9&.'-]+)\)\s*)?   # routing slug
    """,
    re.VERBOSE,
)

_EXCHANGE: Final = "|".join(
    re.escape(name).replace(r"\ ", r"\s+").replace("/", r"\s*/\s*") for name in sorted(EXCHANGES, key=len, reverse=True)
)
TICKER: Final = re.compile(
    rf"""(?<![A-Za-z])(?P<exchange>(?i:{_EXCHANGE}))   # exchange as printed
        \s*(?::|\s-\s|\s)\s*                          # "NYSE: X", "Nasdaq - X", "NYSE X" in a tag
        (?P<symbol>[A-Z]{{1,6}}(?:\.[A-Z])?)(?![A-Za-z])""",
    re.VERBOSE,
)
# A ticker tag's brackets: "(NYSE: X; Pacific: X)".
TICKER_GROUP: Final = re.compile(rf"\(\s*(?i:{_EXCHANGE})\s*[:\s-][^()]{{0,80}}\)")
# Outside brackets only exchanges that cannot be a place or a word count: "Nasdaq: ABCD", not "BOSTON: ACME".
_BARE_EXCHANGE: Final = "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name in sorted(BARE_EXCHANGES, key=len, reverse=True)
)
BARE_TICKER: Final = re.compile(rf"(?<![A-Za-z])(?i:{_BARE_EXCHANGE})\s*:\s*[A-Z]{{1,6}}(?:\.[A-Z])?(?![A-Za-z])")
_BARE_EXCHANGE_HEADS: Final = tuple(sorted({re.split(r"[\s/]", name)[0].lower() for name in BARE_EXCHANGES}))


# In text whose blanks are single spaces, a match's colon is at most an exchange's name and a blank
# from its start; after the colon come a blank, up to 6 letters, ".X" and the one character the
# lookahead reads.
_BARE_REACH: Final = max(len(name) for name in BARE_EXCHANGES) + len(" ")
_BARE_LONGEST: Final = _BARE_REACH + len(": ") + 6 + len(".X") + 1


def bare_tickers(text: str) -> list[str]:
    """What BARE_TICKER finds in ``text``. The pattern is tried at every position of a paragraph, so
    an ASCII text with no colon or no exchange's first word is not scanned, and one whose blanks are
    single spaces (a paragraph as the extractors read it) is tried only before its colons."""
    if text.isascii():
        lowered = text.lower()
        if ":" not in text or not any(head in lowered for head in _BARE_EXCHANGE_HEADS):
            return []
        if " ".join(text.split()) == text:
            return [m.group(0) for m in finditer_near(BARE_TICKER, text, ":", _BARE_REACH, _BARE_LONGEST)]
    return [match.group(0) for match in BARE_TICKER.finditer(text)]


_BLANKS: Final = re.compile(r"\s+")
_SLASH: Final = re.compile(r"(?<!\s)\s*+/\s*+")  # starts only where its blanks start: linear
_CODE_WORDS: Final = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def wire_service(printed: str) -> str | None:
    """The full name of a wire from how it was printed ("BUSINESS  WIRE", "PRNewswire-FirstCall")."""
    key = _BLANKS.sub(" ", printed.strip(" ()/-").split(" - ")[0]).upper()
    if key in WIRE_SERVICES:
        return WIRE_SERVICES[key]
    squeezed = key.replace(" ", "")
    for name, service in WIRE_SERVICES.items():
        if squeezed == name.replace(" ", ""):
            return service
    head = key.split("-")[0].replace(" ", "")
    return WIRE_SERVICES.get(head)


def wire_code(printed: str) -> str | None:
    """The tag as printed where it is a code ("PRNewswire-FirstCall"); None for a spelled-out name."""
    inner = printed.strip(" ()/-")
    if printed.strip().startswith("/") and inner.upper() in SLASH_WIRE_CODES:
        return inner
    if _CODE_WORDS.fullmatch(inner) and not inner.isupper():
        return inner  # e.g. PRNewswire, PRNewswire-FirstCall, GlobeNewswire
    if inner.upper() in WIRE_CODES:
        return inner.upper()
    return None


def strip_tags(text: str) -> str:
    """A headline line without its wire, slug and ticker tags."""
    text = LEADING_TAGS.sub("", text)
    text = TICKER_GROUP.sub(" ", text)
    return _BLANKS.sub(" ", text).strip()


def exchange_name(printed: str) -> str:
    return _SLASH.sub("/", _BLANKS.sub(" ", printed.strip())).upper()
