"""Answers kept for the length of one input: what the stages ask again and again about a line or
a label (its value cells, whether it is prose, the concept it maps to).

Every stage asks about the same lines, so the answers are kept; the pipeline empties all of them
at the start of each input, so memory stays flat and no input is converted faster because of the
inputs before it (a benchmark of near-copies would otherwise flatter the figures).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

LINE_CACHE_SIZE = None  # no bound, no eviction bookkeeping: one input's work limits bound its lines
_CACHES: list = []


def cached_per_input(maxsize: int | None = LINE_CACHE_SIZE) -> Callable:
    """``functools.lru_cache`` for a pure function, emptied by ``clear_input_caches``."""
    def wrap(function):
        cached = lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cached)
        return cached
    return wrap


def clear_input_caches() -> None:
    for cached in _CACHES:
        cached.cache_clear()
