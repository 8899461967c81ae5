"""Cheap necessary conditions asked before a pattern is tried at every position of a long text.

A case-insensitive pattern tried at every position of a paragraph costs far more than finding a
word it cannot match without: ``may_hold`` answers from the lowered text, ``finditer_near`` tries
the pattern only around the places where its required word occurs, and ``lowered_twin`` makes a
case-sensitive copy of the pattern to search the lowered text with. All give the same answers
as the pattern alone (``tests/test_shortcuts.py`` checks them on every text we have); a text
that is not ASCII, where case folding has exceptions (``ſ`` matches ``s``), is always scanned.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when the ASCII ``text`` holds none of the lower-case ``words`` in any case."""
    if not text.isascii():
        return True
    lowered = text.lower()
    for word in words:  # a loop, not any() over a generator: this is asked of most lines and labels
        if word in lowered:
            return True
    return False


def finditer_near(pattern: re.Pattern, text: str, word: str, reach: int, longest: int) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern whose every match holds the lower-case ``word``
    (in any case) at most ``reach`` characters after the match's start, and reads (with its
    lookarounds) at most ``longest`` characters from its start: the pattern is tried only from
    ``reach`` characters before each occurrence of the word, so most of the text is never tried.

    A search from ``pos`` to ``endpos`` sees the characters before ``pos`` (lookbehinds and
    ``\\b`` behave as in the whole text), and a match starting at or before ``last`` reads nothing
    from ``last + longest`` on, so each window finds exactly the matches the whole text has there.
    """
    if not text.isascii():
        yield from pattern.finditer(text)
        return
    lowered = text.lower()
    at = lowered.find(word)
    done = 0  # where the last match ended: matches do not overlap
    while at >= 0:
        first, last = max(done, at - reach), at
        at = lowered.find(word, at + 1)
        while at >= 0 and at - reach <= last + 1:  # windows that touch are tried as one
            last, at = at, lowered.find(word, at + 1)
        while first <= last:
            match = pattern.search(text, first, last + longest)
            if match is None or match.start() > last:
                break
            yield match
            done = first = max(match.end(), match.start() + 1)


def lowered_twin(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` for lowered ASCII text: its letters lowered, case kept. Searching the lowered text
    with it finds what ``pattern`` finds in the text (ASCII letters fold exactly), several times
    faster over a long paragraph. Only for patterns whose escapes are all lower case (``\\s``,
    ``\\d``, ``\\b``), which lowering keeps."""
    if _UPPER_ESCAPE.search(pattern.pattern):
        raise ValueError(f"lowering would change an escape of {pattern.pattern!r}")
    return re.compile(pattern.pattern.lower(), pattern.flags & ~re.IGNORECASE)


_UPPER_ESCAPE: Final = re.compile(r"\\[A-Z]")  # \S, \W, \D, \B, \A, \Z mean other things in lower case
