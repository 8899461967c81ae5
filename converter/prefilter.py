"""Cheap necessary conditions asked before a pattern is tried at every position of a long text.

A case-insensitive pattern tried at every position of a paragraph costs far more than finding a
word it cannot match without: ``may_hold`` answers from the lowered text, ``finditer_near`` tries
the pattern only around the places where its required word occurs. Both give the same answers
as the pattern alone (``tests/test_shortcuts.py`` checks them on every text we have); a text
that is not ASCII, where case folding has exceptions (``ſ`` matches ``s``), is always scanned.
"""
from __future__ import annotations

import re
from collections.abc import Iterator


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when the ASCII ``text`` holds none of the lower-case ``words`` in any case."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(word in lowered for word in words)


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
