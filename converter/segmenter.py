"""Stage 2: partition a release's lines into blocks, each with its kind and line span.

An ordered set of passes, each claiming lines the earlier ones left: page marks, tables, the end
mark and what follows it, signatures, then the front matter, the dateline and the body.
Every non-blank line ends in exactly one block; what fits no rule becomes ``other``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Final, Iterator, NamedTuple

from . import lines as shape
from .fields.dateline import match_dateline
from .fields.front import classify_front_line, is_contact_line, is_contact_start, is_letterhead
from .fields.safe_harbor import continues_safe_harbor, is_safe_harbor_heading, is_safe_harbor_text
from .fields.wire import LEADING_TAGS, strip_tags
from .input_cache import cached_per_input

_TRAILER_CONTACT: Final = re.compile(r"^\s*+/?\s*+(?:CONTACTS?|For\s+(?:further|more)\s+information)\s*:", re.IGNORECASE)
_SOURCE_LINE: Final = re.compile(r"^\s*SOURCE\s+\S")
_TABLE_HEADER_WORDS: Final = re.compile(
    r"\b(?:19|20)\d\d\b|Ended|Months|Weeks|Quarter|Fiscal|Year|Unaudited|millions|thousands|\(\$|Dollars|Percent|Change|Amount",
    re.IGNORECASE,
)
_MAX_FRONT_PARAGRAPHS: Final = 14


class Segment(NamedTuple):
    """A block plus whether it continues the paragraph of the segment before it (a NamedTuple:
    a frozen record made for every block, at half the cost of a frozen attrs class)."""

    kind: str
    first: int  # 0-based, inclusive
    last: int
    continues: bool = False


def segment(lines: tuple[str, ...]) -> tuple[Segment, ...]:
    """Partition the non-blank lines into segments in document order."""
    kinds = list(_page_and_table_marks(lines))
    body_end = _mark_back_matter(lines, kinds)
    paragraphs = _paragraphs(lines, kinds, 0, body_end)
    first_table = next((i for i, kind in enumerate(kinds) if kind == "table"), len(lines))
    segments = _classify_release(lines, paragraphs, first_table)
    segments += _runs(lines, kinds)
    return tuple(sorted(segments, key=lambda segment: segment.first))


@cached_per_input(maxsize=4)
def _page_and_table_marks(lines: tuple[str, ...]) -> tuple[str | None, ...]:
    """The first two passes, which ``split_releases`` and then ``segment`` both make over the
    same text: kept, so a text holding one release is not read for tables twice."""
    kinds: list[str | None] = [None] * len(lines)
    _mark_pages(lines, kinds)
    _mark_tables(lines, kinds)
    return tuple(kinds)


def _mark_pages(lines: tuple[str, ...], kinds: list[str | None]) -> None:
    marks = [i for i in shape.lines_that_may_match(lines, shape.PAGE_MARK) if shape.PAGE_MARK.match(lines[i])]
    for i in marks:
        kinds[i] = "page"
    leads = shape.line_leads(lines)
    last_text = next((i for i in range(len(leads) - 1, -1, -1) if leads[i]), -1)
    for i in shape.lines_that_may_match(lines, shape.PAGE_NUMBER):
        if kinds[i] or not shape.PAGE_NUMBER.match(lines[i]):
            continue
        nearby = marks[bisect_left(marks, i - 3): bisect_right(marks, i + 3)]  # not every mark: linear time
        near_mark = any(_only_blank_between(lines, i, mark) for mark in nearby)
        if near_mark or i == last_text:
            kinds[i] = "page"


def _only_blank_between(lines: tuple[str, ...], a: int, b: int) -> bool:
    low, high = sorted((a, b))
    return all(not lines[k].strip() for k in range(low + 1, high))


def _mark_tables(lines: tuple[str, ...], kinds: list[str | None]) -> None:
    """Fixed-width tables: SGML <TABLE> spans, then runs of number rows with their headings."""
    inside = False
    leads = shape.line_leads(lines)
    for i, line in enumerate(lines if "<" in leads else ()):  # no line starts with a tag: nothing to mark
        upper = line.strip().upper() if leads[i] == "<" else ""
        if upper.startswith("<TABLE>"):
            inside = True
        if inside and leads[i] and kinds[i] is None:
            kinds[i] = "table"
        if upper.startswith("</TABLE>"):
            inside = False
    rows = [i for i, line in enumerate(lines) if kinds[i] is None and shape.is_number_row(line)]
    first_prose = next((i for i, line in enumerate(lines) if shape.is_prose(line)), len(lines)) if rows else 0
    for group in _row_groups(lines, rows):
        first, last = group[0], group[-1]
        if len(group) < 2:
            continue
        first = _extend_table_up(lines, kinds, first, first_prose)
        for i in range(first, last + 1):
            if kinds[i] is None and lines[i].strip():
                kinds[i] = "table"


def _row_groups(lines: tuple[str, ...], rows: list[int]) -> Iterator[list[int]]:
    group: list[int] = []
    for i in rows:
        if group and not _table_gap(lines, group[-1], i):
            yield group
            group = []
        group.append(i)
    if group:
        yield group


def _table_gap(lines: tuple[str, ...], a: int, b: int) -> bool:
    """True when the lines between two number rows are table matter (labels, rules, few blanks)."""
    between = lines[a + 1 : b]
    blanks = sum(1 for line in between if not line.strip())
    if len(between) > 8 or blanks > 3:
        return False
    return not any(shape.is_prose(line) for line in between)


def _extend_table_up(lines: tuple[str, ...], kinds: list[str | None], first: int, first_prose: int) -> int:
    """Take in the headings and caption above a table's first row: paragraphs of table matter up
    to two blank lines apart, stopping at running text, contacts or lines already claimed.
    ``first_prose`` is the index of the text's first line of prose."""
    top, i = first, first - 1
    while first - top <= 20:
        end, blanks = i, 0
        while end >= 0 and not lines[end].strip() and kinds[end] is None:
            end, blanks = end - 1, blanks + 1
        if blanks > 2 or end < 0 or kinds[end] is not None:
            break
        start = end
        while start > 0 and lines[start - 1].strip() and kinds[start - 1] is None:
            start -= 1
        paragraph = [lines[k] for k in range(start, end + 1)]
        if any(is_contact_start(line) or is_contact_line(line) for line in paragraph):
            break
        if not shape.is_table_matter(paragraph, after_prose=first_prose < start):
            break
        top, i = start, start - 1
    return top


def _mark_back_matter(lines: tuple[str, ...], kinds: list[str | None]) -> int:
    """Mark the end mark, the trailer after it and any 8-K signature; return where the body ends."""
    end = len(lines)
    for i in shape.lines_that_may_match(lines, shape.SIGNATURE_START):
        if kinds[i] is None and shape.SIGNATURE_START.match(lines[i]):
            end = i
            for k in range(i, len(lines)):
                if kinds[k] is None and lines[k].strip():
                    kinds[k] = "signature"
            break
    for i in shape.lines_that_may_match(lines, shape.END_MARK):
        if i >= end:
            break
        if kinds[i] is None and shape.END_MARK.match(lines[i]):
            kinds[i] = "end"
            if i > 0 and _SOURCE_LINE.match(lines[i - 1]) and kinds[i - 1] is None:
                kinds[i - 1] = "end"
            _mark_trailer(lines, kinds, i + 1, end)
            return i - 1 if i > 0 and kinds[i - 1] == "end" else i
    return end


def _mark_trailer(lines: tuple[str, ...], kinds: list[str | None], start: int, end: int) -> None:
    """After the end mark: PR Newswire "/CONTACT: .../" runs, contact stacks, and other trailer lines."""
    in_slashed = was_slashed = False
    segments: list[Segment] = []
    for paragraph in _paragraphs(lines, kinds, start, end):
        for i in paragraph:
            line = lines[i]
            if line.lstrip().startswith("/") and _TRAILER_CONTACT.match(line):
                in_slashed = True
            elif line.lstrip().startswith("/") or shape.END_MARK.match(line):
                in_slashed = False
            stacked = not in_slashed and i == paragraph[0] and _is_body_contact(lines, paragraph, segments)
            continued = (
                segments and segments[-1].kind == "contact" and segments[-1].last == i - 1 and not was_slashed
                and not line.lstrip().startswith("/") and not shape.END_MARK.match(line)
            )
            was_slashed = in_slashed
            if in_slashed or stacked or continued:
                kinds[i] = "contact"
            else:
                kinds[i] = "other"
            if kinds[i] == "contact" and segments and segments[-1].kind == "contact":
                segments[-1] = Segment("contact", segments[-1].first, i)
            else:
                segments.append(Segment(kinds[i], i, i))  # type: ignore[arg-type]
            if in_slashed and line.rstrip().endswith("/"):
                in_slashed = False


def _paragraphs(lines: tuple[str, ...], kinds: list[str | None], start: int, end: int) -> list[list[int]]:
    """Groups of unclaimed non-blank lines, split at blanks, claimed lines and paragraph indents."""
    paragraphs: list[list[int]] = []
    current: list[int] = []
    for i in range(start, min(end, len(lines))):
        if kinds[i] is not None or not lines[i].strip():
            if current:
                paragraphs.append(current)
            current = []
            continue
        if current and _starts_new_paragraph(lines[current[-1]], lines[i]):
            paragraphs.append(current)
            current = []
        current.append(i)
    if current:
        paragraphs.append(current)
    return paragraphs


def _starts_new_paragraph(previous: str, line: str) -> bool:
    # Paragraphs of some releases are marked only by a first-line indent, with no blank line.
    if not previous.rstrip().endswith((".", '"', "\u201d", ":", "!", "?")):
        return False  # asked first: most lines end mid-sentence
    indented = shape.indent(previous) + 3 <= shape.indent(line) <= 12
    return indented and shape.is_prose(previous)


def _classify_release(lines: tuple[str, ...], paragraphs: list[list[int]], first_table: int) -> list[Segment]:
    # Front matter ends at the dateline, or failing that at the first prose or the first table.
    before_table = sum(1 for paragraph in paragraphs if paragraph[0] < first_table)
    start = _find_dateline(lines, paragraphs[:before_table])
    segments: list[Segment] = []
    if start is None:
        prose = _find_first_prose(lines, paragraphs)
        start = min(prose, before_table)
        segments += _classify_front(lines, paragraphs[:start])
        if prose > before_table:
            # A table exhibit: the text after its tables is notes to them, not a release body.
            return segments + [Segment("other", p[0], p[-1]) for p in paragraphs[start:]]
        segments += _classify_body(lines, paragraphs[start:], dateline_lines=0)
        return segments
    segments += _classify_front(lines, paragraphs[:start])
    paragraph = paragraphs[start]
    found = match_dateline(shape.flat_text(lines[paragraph[0]: paragraph[-1] + 1]))
    covered = _lines_covering(lines, paragraph, len(found.text))
    segments += _classify_body(lines, paragraphs[start:], dateline_lines=covered)
    return segments


def _find_dateline(lines: tuple[str, ...], paragraphs: list[list[int]]) -> int | None:
    for index, paragraph in enumerate(paragraphs[:_MAX_FRONT_PARAGRAPHS]):
        text = shape.flat_text(lines[paragraph[0]: paragraph[-1] + 1])
        found = match_dateline(text)
        if not found:
            continue
        rest = text[found.end :].split()
        strong = found.month is not None or found.wire_text is not None
        if rest and (strong or (len(rest) >= 8 and any(word.islower() for word in rest))):
            return index
    return None


_LOWER_CASE: Final = re.compile(r"[a-z]")


def _find_first_prose(lines: tuple[str, ...], paragraphs: list[list[int]]) -> int:
    for index, paragraph in enumerate(paragraphs):
        prose = sum(shape.is_prose(lines[i]) for i in paragraph)
        sentence = prose == 1 and lines[paragraph[-1]].rstrip().endswith(".") and len(" ".join(lines[i] for i in paragraph).split()) >= 10
        if prose >= 2 or sentence:
            text = " ".join(lines[i] for i in paragraph)
            if not is_contact_start(lines[paragraph[0]]) and _LOWER_CASE.search(text):
                return index
    return len(paragraphs)


def _lines_covering(lines: tuple[str, ...], paragraph: list[int], chars: int) -> int:
    """How many of the paragraph's lines the first ``chars`` normalized characters span."""
    seen = 0
    for count, i in enumerate(paragraph, 1):
        seen += len(shape.normalize(lines[i])) + 1
        if seen > chars:
            return count
    return len(paragraph)


def _classify_front(lines: tuple[str, ...], paragraphs: list[list[int]]) -> list[Segment]:
    segments: list[Segment] = []
    headlines = 0
    for paragraph in paragraphs:
        if is_letterhead(lines[i] for i in paragraph):
            segments.append(Segment("header", paragraph[0], paragraph[-1]))
            continue
        kinds = [classify_front_line(lines[i]) for i in paragraph]
        contact_from = next(
            (n for n, i in enumerate(paragraph) if kinds[n] is None and is_contact_start(lines[i])), None
        )
        if contact_from is None and any(is_contact_line(lines[i]) for i in paragraph) and not any(
            LEADING_TAGS.match(lines[i]) for i in paragraph
        ):
            contact_from = next((n for n, kind in enumerate(kinds) if kind is None), None)
        if contact_from is not None:
            for n in range(contact_from, len(paragraph)):
                kinds[n] = "contact"
        if any(kind is None for kind in kinds):
            text_kind = "headline" if headlines == 0 else ("subheadline" if headlines == 1 else "other")
            headlines += 1
            kinds = [text_kind if kind is None else kind for kind in kinds]
        for n, i in enumerate(paragraph):
            if kinds[n] == "wire" and strip_tags(lines[i]):
                kinds[n] = "headline" if headlines <= 1 else "other"
        segments += _merge(paragraph, kinds)  # type: ignore[arg-type]
    return segments


def _merge(paragraph: list[int], kinds: list[str]) -> list[Segment]:
    """Consecutive lines of one kind inside a paragraph become one segment."""
    runs: list[list] = []  # [kind, first, last], made Segments once complete
    for i, kind in zip(paragraph, kinds):
        if runs and runs[-1][0] == kind and runs[-1][2] == i - 1:
            runs[-1][2] = i
        else:
            runs.append([kind, i, i])
    return [Segment(kind, first, last, continues=n > 0) for n, (kind, first, last) in enumerate(runs)]


def _classify_body(lines: tuple[str, ...], paragraphs: list[list[int]], dateline_lines: int) -> list[Segment]:
    segments: list[Segment] = []
    in_safe_harbor = False
    for index, paragraph in enumerate(paragraphs):
        text = shape.flat_text(lines[paragraph[0]: paragraph[-1] + 1])
        if index == 0 and dateline_lines:
            head = paragraph[:dateline_lines]
            segments.append(Segment("dateline", head[0], head[-1]))
            rest = paragraph[dateline_lines:]
            if rest:
                segments.append(Segment("body", rest[0], rest[-1], continues=True))
            continue
        if _is_body_contact(lines, paragraph, segments):
            in_safe_harbor = False
            segments.append(Segment("contact", paragraph[0], paragraph[-1]))
            continue
        if is_safe_harbor_heading(text) or is_safe_harbor_text(text):
            in_safe_harbor = True
        elif in_safe_harbor and not continues_safe_harbor(text):
            in_safe_harbor = False
        kind = "safe_harbor" if in_safe_harbor else "body"
        segments.append(Segment(kind, paragraph[0], paragraph[-1]))
    return segments


def _is_body_contact(lines: tuple[str, ...], paragraph: list[int], segments: list[Segment]) -> bool:
    """Contacts printed after the body: a "Contact:" label, or a short stack with phones or e-mail
    right after other contacts."""
    content = [i for i in paragraph if not shape.RULE.match(lines[i])]
    if not content:
        return False
    if is_contact_start(lines[content[0]].strip(" [")):
        return True
    if any(shape.is_prose(lines[i]) and not is_contact_line(lines[i]) for i in content):
        return False
    after_contact = bool(segments) and segments[-1].kind == "contact"
    separator = len(content) == 1 and lines[content[0]].strip().lower() in ("or", "and")
    return after_contact and (separator or any(is_contact_line(lines[i]) for i in content))


def _runs(lines: tuple[str, ...], kinds: list[str | None]) -> list[Segment]:
    """Blocks for lines claimed by the line passes (pages, tables, end, trailer, signature)."""
    runs: list[list] = []  # [kind, first, last], made Segments once complete
    for i, kind in enumerate(kinds):
        if kind is None:
            continue
        if runs and runs[-1][0] == kind and (runs[-1][2] == i - 1 or _only_blank_between(lines, runs[-1][2], i)):
            runs[-1][2] = i
        else:
            runs.append([kind, i, i])
    return [Segment(kind, first, last) for kind, first, last in runs]


def split_releases(lines: tuple[str, ...]) -> list[tuple[int, int]]:
    """Line spans (0-based, inclusive) of the releases bundled in one text, in order.

    A new release starts where a dateline with a date or a wire follows a page or end mark,
    with only front matter (headline, editor line, tags) between them.
    """
    kinds = list(_page_and_table_marks(lines))
    for i in shape.lines_that_may_match(lines, shape.END_MARK):
        if kinds[i] is None and shape.END_MARK.match(lines[i]):
            kinds[i] = "end"
    paragraphs = _paragraphs(lines, kinds, 0, len(lines))
    starts = [0]
    seen_dateline = False
    for index, paragraph in enumerate(paragraphs):
        # After the first dateline, only a paragraph below a mark (across front matter) can start a
        # release: that walk is asked first, as it is cheaper than reading a dateline.
        start = _release_start(lines, kinds, paragraphs, index) if seen_dateline else None
        if seen_dateline and (start is None or start <= starts[-1]):
            continue
        found = match_dateline(shape.flat_text(lines[paragraph[0]: paragraph[-1] + 1]))
        if not found or (found.month is None and found.wire_text is None):
            continue
        if not seen_dateline:
            seen_dateline = True
            continue
        starts.append(start)  # type: ignore[arg-type]
    ends = [start - 1 for start in starts[1:]] + [len(lines) - 1]
    return list(zip(starts, ends))


def _release_start(lines: tuple[str, ...], kinds: list[str | None], paragraphs: list[list[int]], index: int) -> int | None:
    """Walk up from a dateline over front matter to the page or end mark that closes the last release."""
    top = paragraphs[index][0]
    # Front matter is a few paragraphs: walking farther made many datelines quadratic.
    for paragraph in reversed(paragraphs[max(0, index - _MAX_FRONT_PARAGRAPHS): index]):
        gap = range(paragraph[-1] + 1, top)
        mark = [i for i in gap if kinds[i] in ("page", "end")]
        if mark:
            return mark[-1] + 1
        if len(paragraph) > 3 or lines[paragraph[-1]].rstrip().endswith(".") or sum(
            shape.is_prose(lines[i]) for i in paragraph
        ) > 1:
            return None
        top = paragraph[0]
    return None
