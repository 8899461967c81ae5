"""Row labels to concepts of the prconvert XBRL taxonomy, by the map in ``concepts.json``.

A row whose label maps to nothing still becomes a fact, under a line-item concept of its unit
and period type, so that no printed number is lost.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from functools import cache
from importlib import resources
from typing import Final

from attrs import frozen

from .input_cache import cached_per_input

TAXONOMY_NAMESPACE: Final = "http://prconvert.example/taxonomy/1.0"
TAXONOMY_URL: Final = "http://prconvert.example/taxonomy/1.0/prconvert.xsd"
# Unit of a value (as the table reader names it) -> the concept type that may carry it.
UNIT_TYPES: Final = {"USD": "monetary", "USD/share": "perShare", "shares": "shares", "percent": "pure", "pure": "pure",
              "count": "decimal", "kWh": "decimal"}

_FOOTNOTE: Final = re.compile(r"\((?:\d{1,2}|[a-z]|see\s+notes?(?:\s+\d+)?|notes?)\)|\*+|\$|\.{2,}")
_ROW_SCALE: Final = re.compile(r"\((?:in\s+)?(?:millions|thousands|000'?s)\)")


@frozen
class Concept:
    name: str
    label: str
    type: str  # monetary, perShare, shares, pure, decimal, string, date
    period: str  # duration or instant
    reference: str | None = None
    balance: str | None = None
    sign: str | None = None  # "expense": a row printed all in parentheses is a deduction


@frozen
class _Matcher:
    name: str
    labels: re.Pattern
    within: re.Pattern | None


@cache
def _data() -> dict:
    return json.loads(resources.files("converter").joinpath("concepts.json").read_text(encoding="utf-8"))


@cache
def all_concepts() -> dict[str, Concept]:
    """Every concept of the taxonomy: mapped statement lines, line items and cover facts."""
    found: dict[str, Concept] = {}
    data = _data()
    for entry in data["concepts"] + data["line_items"] + data["cover"]:
        if "label" in entry:
            found[entry["name"]] = Concept(
                name=entry["name"], label=entry["label"], type=entry["type"], period=entry.get("period", "instant"),
                reference=entry.get("reference"), balance=entry.get("balance"), sign=entry.get("sign"),
            )
    return found


@cache
def _matchers() -> tuple[tuple[_Matcher, ...], re.Pattern, re.Pattern, re.Pattern]:
    data = _data()
    matchers = tuple(
        _Matcher(entry["name"], re.compile("(?:" + "|".join(entry["labels"]) + ")"),
                 re.compile(entry["within"]) if "within" in entry else None)
        for entry in data["concepts"]
    )
    # Every label at once, each concept's in its group ``c<n>``: one match names the first concept
    # whose labels fit (or tells that none does, as for most rows, which are line items).
    any_label = re.compile("|".join(f"(?P<c{n}>{matcher.labels.pattern})" for n, matcher in enumerate(matchers)))
    return matchers, re.compile(data["exclude"]), re.compile(data["sections_allowed"]), any_label


@cached_per_input()
def normalize_label(label: str) -> str:
    """Lower case, no footnote marks, dollar signs, dot leaders or row scales; "&" read as "and"
    (kept: a section heading is asked again for every row under it)."""
    text = _ROW_SCALE.sub(" ", _FOOTNOTE.sub(" ", label.lower())).replace("&", " and ")
    return " ".join(text.split()).strip(" :-\u2013\u2014,")


@cached_per_input()
def map_label(label: str, sections: tuple[str, ...], unit: str) -> Concept | None:
    """The concept a row label maps to for values of ``unit``, or None (asked once per value,
    so a row's answer is kept)."""
    matchers, exclude, allowed, any_label = _matchers()
    text = normalize_label(label)
    fitting = any_label.fullmatch(text)
    if not fitting:
        return None
    path = [normalize_label(section) for section in sections]
    if exclude.search(text) or any(exclude.search(section) for section in path):
        return None
    if path and not allowed.fullmatch(path[-1]):
        return None
    context = " > ".join(path)
    first = int(fitting.lastgroup[1:])  # type: ignore[index]  # the concepts before it have no label that fits
    places, of_type = _matchers_of_type(UNIT_TYPES.get(unit))
    for matcher, concept in of_type[bisect_left(places, first):]:
        if matcher.labels.fullmatch(text) and (matcher.within is None or matcher.within.search(context)):
            return concept
    return None


@cache
def _matchers_of_type(kind: str | None) -> tuple[list[int], list[tuple[_Matcher, Concept]]]:
    """The matchers of the concepts of one type with their concepts, in the map's order, and their
    places in the map: a value of that type is tried against these alone, from the first that fits."""
    concepts = all_concepts()
    found = [(number, matcher) for number, matcher in enumerate(_matchers()[0]) if concepts[matcher.name].type == kind]
    return [number for number, _ in found], [(matcher, concepts[matcher.name]) for _, matcher in found]


@cache
def line_item(unit: str, instant: bool) -> Concept:
    """The generic concept for a value of ``unit`` whose row maps to nothing: a percentage apart
    from a rate or ratio printed as one (an exchange rate of 0.7353 is no 73.53 %)."""
    base = "LineItemRatio" if unit == "pure" else {
        "monetary": "LineItemAmount", "perShare": "LineItemPerShare", "shares": "LineItemShares",
        "pure": "LineItemPercent", "decimal": "LineItemNumber"}[UNIT_TYPES[unit]]
    return all_concepts()[base + ("AtInstant" if instant else "")]
