"""The issuer's name as printed: after the wire tags, at the head of the first sentence, or in a title."""
from __future__ import annotations

import re
from typing import Final

from ..knowledge import COMPANY_SUFFIXES
from .wire import LEADING_TAGS, TICKER_GROUP

_SUFFIX: Final = "|".join(re.escape(suffix) for suffix in sorted(COMPANY_SUFFIXES, key=len, reverse=True))
_WORD: Final = r"(?:[A-Z0-9][\w&.'/-]*|&)"
_CONNECTOR: Final = r"(?:and|of|the|for|de|du|&)"
# "Acme Widget Co., Inc." -- capitalized words ending in one or more company suffixes.
NAME_WITH_SUFFIX: Final = re.compile(
    rf"^(?P<name>(?:{_WORD},?\s+(?:{_CONNECTOR}\s+)?){{0,6}}?(?:(?i:{_SUFFIX})(?![\w])\.?)(?:,?\s+(?i:{_SUFFIX})(?![\w])\.?)*)"
)
_VERB: Final = (
    r"today|yesterday|announced|announces|reported|reports|said|says|has|have|had|will|is|was|plans|completed|"
    r"signed|named|names|declared|declares|posted|received|agreed|agrees|introduced|introduces|unveiled|launched|"
    r"released|filed|entered|closed|expects|recorded|posted|began|begins|completes|reached|raised|raises"
)
# The subject of the first sentence: "Sears, Roebuck and Co. (NYSE: S) today reported ..."
SUBJECT: Final = re.compile(
    rf"""^(?P<name>(?:{_WORD},?\s+(?:{_CONNECTOR}\s+)?){{0,7}}?{_WORD})   # capitalized words
        ,?\s*+(?=\((?:[^()]{{0,40}}:)|,?\s*(?:{_VERB})\b)               # then a ticker tag or a verb""",
    re.VERBOSE,
)
_GENERIC: Final = re.compile(r"^(?:The\s+)?(?:Company|Corporation|Registrant|Bank|We|It|Management)$", re.I)


def issuer_from_tag_line(line: str) -> str | None:
    """1990s Business Wire: "(BW)(SLUG)(NASDAQ:X) ACME CORP" prints the name after the tags."""
    if not LEADING_TAGS.match(line):
        return None
    rest = TICKER_GROUP.sub(" ", LEADING_TAGS.sub("", line)).strip()
    return _name_with_suffix(rest)


_TWO_LETTERS: Final = re.compile(r"[A-Za-z]{2}")


def issuer_from_sentence(text: str) -> str | None:
    match = SUBJECT.match(text)
    if not match:
        return _name_with_suffix(text)
    name = match["name"].strip(" ,")
    if _GENERIC.match(name) or not _TWO_LETTERS.search(name):
        return None
    return name


def issuer_from_title(text: str) -> str | None:
    return _name_with_suffix(text)


_NOT_A_NAME_WORD: Final = re.compile(rf"(?i:{_VERB}|to|of the|from|with)")


def _name_with_suffix(text: str) -> str | None:
    match = NAME_WITH_SUFFIX.match(text.strip())
    if not match:
        return None
    name = match["name"].strip(" ,")
    words = name.split()
    if len(words) < 2 or len(words) > 8 or _GENERIC.match(name):
        return None
    if any(_NOT_A_NAME_WORD.fullmatch(word.strip(",.")) for word in words):
        return None
    return name


# EDGAR's conformed names abbreviate: "SOUTHERN CO" for "Southern Company", "SEARS ROEBUCK & CO".
_CONFORMED_WORDS: Final = {"COMPANY": "CO", "COMPANIES": "COS", "CORPORATION": "CORP", "INCORPORATED": "INC",
                    "LIMITED": "LTD", "AND": "&"}
_NAME_WORD: Final = re.compile(r"[A-Z0-9&]+")


def conformed_words(name: str) -> tuple[str, ...]:
    """A company name as EDGAR's conformed names spell it, word by word: upper case, no
    punctuation, suffixes abbreviated, a leading "The" dropped."""
    words = [_CONFORMED_WORDS.get(word, word) for word in _NAME_WORD.findall(name.upper().replace("'", ""))]
    return tuple(words[1:] if words[:1] == ["THE"] else words)


def named_filer(name: str | None, filers):
    """The one filer of a submission whose conformed name is the issuer's name (or the name with
    words dropped at its end, "Alabama Power" for ALABAMA POWER CO); None when none or several are."""
    if not name:
        return None
    wanted = conformed_words(name)
    named = [f for f in filers if f.company_name and conformed_words(f.company_name) == wanted]
    if not named:
        named = [f for f in filers if f.company_name and wanted
                 and conformed_words(f.company_name)[:len(wanted)] == wanted]
    return named[0] if len(named) == 1 else None
