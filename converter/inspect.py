"""A human-readable view of how a release was segmented: each block's kind and lines beside the text."""
from __future__ import annotations

from .records import Release


def render_blocks(release: Release, lines: tuple[str, ...], width: int = 100) -> str:
    """Every line of the document, with its block's kind and span on the block's first line."""
    owner: dict[int, tuple[str, tuple[int, int], bool]] = {}
    for block in release.blocks:
        first, last = block.lines
        for number in range(first, last + 1):
            owner[number] = (block.kind, block.lines, number == first)
    out = [_title(release)]
    for number, text in enumerate(lines, 1):
        kind, span, starts = owner.get(number, ("", (0, 0), False))
        label = f"{kind:<11} {span[0]:>4}-{span[1]:<4}" if starts else " " * 21
        if not kind and not text.strip():
            label = " " * 21
        elif not kind:
            label = f"{'(none)':<21}"
        out.append(f"{number:>5} {label} | {text[:width]}")
    out += [f"warning: {w.code} (line {w.line}): {w.message}" for w in release.warnings]
    return "\n".join(out) + "\n"


def _title(release: Release) -> str:
    doc = release.source.document
    where = f" {doc.type} (sequence {doc.sequence})" if doc else ""
    return f"# {release.source.name}{where}: {release.headline or '(no headline)'}"
