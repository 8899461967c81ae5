"""The forward-looking-statements notice and its enumerated risks."""
from __future__ import annotations

import re
from typing import Final

from ..prefilter import finditer_near, lowered_twin

_HEADING: Final = re.compile(
    r"^(?:[\"']?(?:Safe\s+Harbor|Forward[-\s]Looking\s+(?:Statements?|Information)|Cautionary\s+(?:Statements?|Note|Language)"
    r"|Private\s+Securities\s+Litigation|Note\s+Regarding\s+Forward|Statements?\s+Regarding\s+Forward))",
    re.IGNORECASE,
)
_NOTICE: Final = re.compile(r"forward[-\s]looking", re.IGNORECASE)
_RISKY: Final = re.compile(r"risks?|uncertaint|Litigation\s+Reform", re.IGNORECASE)
_CONTINUATION: Final = re.compile(
    r"forward[-\s]looking|risks?\b|uncertaint|undertakes?\s+no|Securities\s+and\s+Exchange\s+Commission"
    r"|^\s*(?:\(?[ivx]{1,5}\)|\(?\d{1,2}\)|\(?[a-z]\)|[*\u2022\u00b7o]|--?)\s",
    re.IGNORECASE,
)
_ABOUT: Final = re.compile(r"^About\s", re.IGNORECASE)
# For ASCII paragraphs, searched in lower case: a case-insensitive scan of a long one costs more.
_NOTICE_LOWERED, _RISKY_LOWERED, _CONTINUATION_LOWERED = map(lowered_twin, (_NOTICE, _RISKY, _CONTINUATION))


def is_safe_harbor_heading(text: str) -> bool:
    """A short heading line such as "Safe Harbor Statement under the ... Act of 1995"."""
    return len(text) <= 120 and not text.endswith(".") and bool(_HEADING.match(text))


def is_safe_harbor_text(text: str) -> bool:
    """A paragraph that is itself the notice, printed without a heading."""
    if text.isascii():
        lowered = text.lower()
        found = _NOTICE_LOWERED.search(lowered) and _RISKY_LOWERED.search(lowered)
    else:
        found = _NOTICE.search(text) and _RISKY.search(text)
    return bool(found) and not _ABOUT.match(text)


def continues_safe_harbor(text: str) -> bool:
    found = _CONTINUATION_LOWERED.search(text.lower()) if text.isascii() else _CONTINUATION.search(text)
    return bool(found) and not _ABOUT.match(text)


_ROMAN: Final = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
          "xvi", "xvii", "xviii", "xix", "xx"]
_SEQUENCES: Final = {
    "roman": _ROMAN,
    "number": [str(n) for n in range(1, 31)],
    "letter": list("abcdefghijklmnopqrstuvwxyz"),
}
_MARKER: Final = re.compile(r"(?:(?<=\s)|^)\(?(?P<mark>[ivx]{1,5}|\d{1,2}|[a-z])\)(?=\s)")  # ")" at most 6 in, 8 read
_LEADING_JOINER: Final = re.compile(r"^(?:and|or)\s+")
_BULLET: Final = re.compile(r"^\s*(?:[*\u2022\u00b7o]|--?)\s+")
_LIST_LEAD: Final = re.compile(
    r"\b(?:include|includes|including|following)\b(?:,?\s*(?:without\s+limitation|but\s+(?:are\s+)?not\s+limited\s+to),?)?\s*(?:the\s+following)?\s*:?\s",
    re.IGNORECASE,
)


def split_risks(text: str, item_lines: list[str] | None = None) -> list[str]:
    """The enumerated risks of a notice: (i)/(1)/(a) items, bullet lines, or a semicolon list."""
    marks = list(finditer_near(_MARKER, text, ")", 6, 8))  # found once for the three sequences
    for name in ("roman", "number", "letter"):
        items = _marked_items(text, marks, _SEQUENCES[name])
        if len(items) >= 2:
            return items
    if item_lines:
        bullets = _bullet_items(item_lines)
        if len(bullets) >= 2:
            return bullets
    return _semicolon_items(text)


def _marked_items(text: str, found: list[re.Match], sequence: list[str]) -> list[str]:
    marks = [m for m in found if m["mark"] in sequence]
    chosen: list[re.Match] = []
    for match in marks:
        expected = sequence[len(chosen)] if len(chosen) < len(sequence) else None
        if match["mark"] == expected:
            chosen.append(match)
    if len(chosen) < 2:
        return []
    items = []
    for index, match in enumerate(chosen):
        end = chosen[index + 1].start() if index + 1 < len(chosen) else len(text)
        items.append(_clean_item(text[match.end(): end], last=index + 1 == len(chosen)))
    return [item for item in items if item]


def _bullet_items(item_lines: list[str]) -> list[str]:
    items: list[str] = []
    current: list[str] | None = None
    for line in item_lines:
        if _BULLET.match(line):
            if current:
                items.append(" ".join(current))
            current = [_BULLET.sub("", line).strip()]
        elif current is not None and line.strip():
            current.append(line.strip())
        elif current is not None:
            items.append(" ".join(current))
            current = None
    if current:
        items.append(" ".join(current))
    cleaned = (_clean_item(item, last=False) for item in items)
    return [item for item in cleaned if item]  # a bullet of a joiner alone ("and") cleans to nothing


_SENTENCE_END: Final = re.compile(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])")


def _semicolon_items(text: str) -> list[str]:
    for sentence in _SENTENCE_END.split(text):
        if sentence.count(";") < 2:
            continue
        first_item_end = sentence.find(";")
        colon = sentence.rfind(": ", 0, first_item_end)
        if colon >= 0:
            body = sentence[colon + 2:]
        else:
            lead = _last_lead_before(sentence, first_item_end)
            body = sentence[lead.end():] if lead else sentence
        parts = [part for part in (_clean_item(part, last=False) for part in body.split(";")) if part]
        if len(parts) >= 3:
            return parts
    return []


def _last_lead_before(sentence: str, end: int) -> re.Match | None:
    """The last "including" (or "the following", ...) that ends by ``end``; the scan stops at the
    first that starts there or later, as every later one ends after it."""
    last = None
    for match in _LIST_LEAD.finditer(sentence):
        if match.start() >= end:
            break
        if match.end() <= end:
            last = match
    return last


def _clean_item(item: str, last: bool) -> str:
    item = " ".join(item.split())
    if last:
        item = _SENTENCE_END.split(item)[0]
    item = _LEADING_JOINER.sub("", item)
    return _drop_trailing_joiner(item).rstrip(".;, ").strip()


def _drop_trailing_joiner(item: str) -> str:
    """The item without the joiner to the next one at its end (", and", "; or", ","); "and" and
    "or" only as words of their own, so "brand" and "competitor" keep their ends."""
    text = item.rstrip()
    for word in ("and", "or"):
        before = text[: -len(word)]
        if text.endswith(word) and not (before[-1:].isalnum() or before[-1:] == "_"):
            text = before.rstrip()
            break
    return text[:-1] if text.endswith((",", ";")) else text
