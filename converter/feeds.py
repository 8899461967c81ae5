"""Feeds: many inputs as one stream for downstream systems (JSON Lines, one Atom feed, one CSV).

Workers turn each release into a ``FeedPiece``; a ``FeedWriter`` in the main process puts the pieces
together in input order, so the stream is the same whichever engine or number of jobs made them.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from typing import BinaryIO

import attrs
from lxml import etree

from .pipeline import CheckedRelease
from .records import Release
from .transform import render
from .xmlform import NAMESPACE, release_to_xml

FEEDS = {
    "jsonl": "JSON Lines: one JSON record a line, in input order",
    "atom": "one Atom 1.0 feed of all releases, newest first",
    "csv": "one CSV of all facts, one header row",
}
ATOM = "http://www.w3.org/2005/Atom"


@attrs.frozen
class FeedPiece:
    """One release as its feed wants it; ``updated`` and ``entry_id`` order and name an Atom entry."""

    data: bytes
    updated: str = ""
    entry_id: str = ""


def feed_piece(checked: CheckedRelease, feed: str, params: dict[str, str] | None = None) -> FeedPiece:
    """Serialize one checked release for ``feed`` (run in the workers)."""
    if feed == "jsonl":
        return FeedPiece(jsonl_line(checked.plain))
    release = checked.release
    if feed == "csv":
        table = render("csv", release_to_xml(release), params)
        return FeedPiece(table.partition(b"\r\n")[2])  # the rows; the writer prints the header once
    if feed == "atom":
        return _atom_entry(release, params)
    raise ValueError(f"not a feed: {feed}")


def jsonl_line(plain: dict) -> bytes:
    """One record as a JSON Lines line: compact, non-ASCII kept."""
    return (json.dumps(plain, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _atom_entry(release: Release, params: dict[str, str] | None) -> FeedPiece:
    # Rendered inside <releases>, so the entry is written for a feed (no xml:lang of its own).
    wrapper = etree.Element(f"{{{NAMESPACE}}}releases", nsmap={None: NAMESPACE})
    wrapper.append(release_to_xml(release))
    entry = etree.fromstring(render("atom", wrapper, params)).find(f"{{{ATOM}}}entry")
    data = b"  " + etree.tostring(entry, encoding="UTF-8", with_tail=False).rstrip() + b"\n"
    return FeedPiece(data, entry.findtext(f"{{{ATOM}}}updated"), entry.findtext(f"{{{ATOM}}}id"))


class FeedWriter:
    """Writes one feed to a binary stream; Atom entries wait in a spool file until all are known."""

    def __init__(self, feed: str, stream: BinaryIO, params: dict[str, str]):
        self.feed, self.stream, self.params = feed, stream, params
        self._spool = tempfile.TemporaryFile() if feed == "atom" else None
        self._entries: list[tuple[str, int, int, int, str]] = []  # updated, order, offset, size, id
        self._ids: set[str] = set()
        if feed == "csv":
            empty = etree.Element(f"{{{NAMESPACE}}}releases", nsmap={None: NAMESPACE})
            stream.write(render("csv", empty, params))  # the header row alone

    def add(self, piece: FeedPiece) -> None:
        if self._spool is None:
            self.stream.write(piece.data)
            return
        if piece.entry_id in self._ids:
            return  # the same release again (an identical file): Atom names it once
        self._ids.add(piece.entry_id)
        offset = self._spool.tell()
        self._spool.write(piece.data)
        self._entries.append((piece.updated, -len(self._entries), offset, len(piece.data), piece.entry_id))

    def close(self) -> None:
        """Finish the feed: for Atom, the entries newest first (ties in input order)."""
        if self._spool is None:
            self.stream.flush()
            return
        self._entries.sort(reverse=True)
        self.stream.write(self._atom_head())
        for _, _, offset, size, _ in self._entries:
            self._spool.seek(offset)
            self.stream.write(self._spool.read(size))
        self.stream.write(b"</feed>\n")
        self.stream.flush()
        self._spool.close()

    def _atom_head(self) -> bytes:
        # Imported here: it imports urllib.request, a twentieth of the start of every command.
        from xml.sax.saxutils import escape, quoteattr

        # The feed is named by its entries; updated is its newest entry's (now, when it is empty).
        digest = hashlib.sha256("\n".join(entry[4] for entry in self._entries).encode("utf-8")).hexdigest()
        updated = self._entries[0][0] if self._entries else self.params["now"]
        return _ATOM_HEAD.format(lang=quoteattr(self.params.get("lang", "en")), digest=digest,
                                 updated=escape(updated)).encode("utf-8")


_ATOM_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={lang}>
  <id>urn:x-prconvert:feed:{digest}</id>
  <title type="text">Press releases</title>
  <updated>{updated}</updated>
  <generator uri="urn:x-prconvert">prconvert</generator>
"""
