"""HTML exhibits (EDGAR accepted HTML from 2001): turn their markup into plain lines of text.

Parsed with lxml's HTML parser with network access off; block elements become line breaks and
``<pre>`` keeps its layout, so the segmenter sees text much like a plain-text exhibit.
"""
from __future__ import annotations

import re

from lxml import etree, html

# EDGAR's own plain-text tags (<TABLE>, <CAPTION>, <S>, <C>, <PAGE>) are not HTML.
_HTML_ROOT = re.compile(r"<\s*(?:html|body)\b[^>]*>", re.IGNORECASE)
_HTML_HINT = re.compile(r"<\s*(?:p|div|br|font|td|tr|b|i)\b[^>]*>", re.IGNORECASE)
_BREAK_BEFORE = re.compile(r"<\s*(?:br|p|div|tr|li|h[1-6]|table|center|blockquote)\b[^>]*>", re.IGNORECASE)
_BREAK_AFTER = re.compile(r"<\s*/\s*(?:p|div|tr|li|h[1-6]|table|center|blockquote)\s*>", re.IGNORECASE)
_CELL_END = re.compile(r"<\s*/\s*t[dh]\s*>", re.IGNORECASE)
_PARSER = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)


def is_html(lines: tuple[str, ...]) -> bool:
    """True when a document's text is HTML markup rather than plain text."""
    head = "\n".join(lines[:200])
    if "<" not in head:
        return False  # every tag the patterns look for starts with "<"
    return bool(_HTML_ROOT.search(head)) or len(_HTML_HINT.findall(head)) >= 3


def html_to_lines(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The visible text of an HTML document, one printed line per line."""
    source = "\n".join(lines)
    if not re.search(r"<\s*pre\b", source, re.IGNORECASE):
        source = re.sub(r"(?<!\s)\s*\n\s*", " ", source)  # HTML line breaks are spaces outside <pre>
    source = _BREAK_BEFORE.sub(lambda m: "\n" + m.group(0), source)
    source = _BREAK_AFTER.sub(lambda m: m.group(0) + "\n", source)
    source = _CELL_END.sub(lambda m: "   " + m.group(0), source)
    try:
        root = html.document_fromstring(source, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return lines
    for element in root.iter("script", "style"):
        element.drop_tree()
    text = root.text_content().replace("\xa0", " ")
    out = [line.rstrip() for line in text.split("\n")]
    while out and not out[0].strip():
        out.pop(0)
    return tuple(out)
