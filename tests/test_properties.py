"""Property tests: for any text or bytes, conversion returns valid records or raises ConversionError;
blocks partition the non-blank lines; JSON and XML round-trip to an equal record."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import ConversionError, convert_bytes, release_from_dict, release_from_xml, release_to_dict, release_to_xml
from converter.validation import validate_record

from .conftest import EXAMPLE_FILES

# Lines in the shapes releases are made of, so that generated texts reach the deep rules.
FRAGMENTS = [
    "Exhibit 99.1", "PRESS RELEASE", "For further information contact:", "Edward F. Ruttenberg",
    "Phone: (412) 422-2377", "Fax: (412) 422-2378", "Release No.: 2004-01", "BUSINESS EDITORS:",
    "(BW)(NY-ACME)(NASDAQ:ACME) ACME CORP REPORTS", "NEW YORK--(BUSINESS WIRE)--Jan. 5, 2004--Acme Corp. today said",
    "CHICAGO, Ill., July 22 /PRNewswire-FirstCall/ -- Acme Inc. (NYSE: A) reported", "San Jose, CA (August 10, 1995) --",
    "Safe Harbor Statement", "Forward-looking statements involve risks: (i) one, (ii) two and (iii) three.",
    "<PAGE>", "\f", "-0-", "###", "# # #", "/CONTACT: Jane Roe, +1-212-555-0100, or John Doe of Acme Corp./",
    "Revenues                 $ 1,234     $ (1,100)", "Net income (loss)            (12)          --",
    "Three Months Ended", "   2004      2003", "<TABLE>", "</TABLE>", "<S>", "<C>", "SIGNATURES", "",
    "Acme Corp. today announced record results for the quarter ended March 31, 2004.",
    "CONTACT: Acme Corp.", "         Jane Roe, 212/555-0100", "or", "Investor Contact:    Media Contact:",
    "<DOCUMENT>", "<TYPE>EX-99", "<TEXT>", "</TEXT>", "</DOCUMENT>", "<SEC-DOCUMENT>", "<SEC-HEADER>", "</SEC-HEADER>",
]

lines_strategy = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=st.characters(codec="latin-1"), max_size=90)),
    max_size=60,
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes) -> None:
    try:
        releases = convert_bytes(data, "generated.txt")
    except ConversionError as error:
        assert str(error).startswith("generated.txt")
        return
    for release in releases:
        plain = release_to_dict(release)
        validate_record(plain)
        assert release_from_dict(json.loads(json.dumps(plain))) == release
        assert release_from_xml(etree.fromstring(etree.tostring(release_to_xml(release)))) == release
        seen: set[int] = set()
        for block in release.blocks:
            span = set(range(block.lines[0], block.lines[1] + 1))
            assert not span & seen, "a line is in two blocks"
            seen |= span


@SETTINGS
@given(lines_strategy, st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_release_like_text(lines, newline):
    check(newline.join(lines).encode("latin-1"))


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes(data):
    check(data)


@SETTINGS
@given(st.data())
def test_mutated_examples(data):
    source = bytearray(data.draw(st.sampled_from(EXAMPLE_FILES)).read_bytes())
    for _ in range(data.draw(st.integers(0, 20))):
        position = data.draw(st.integers(0, len(source) - 1))
        source[position] = data.draw(st.integers(9, 255))
    cut = data.draw(st.integers(1, len(source)))
    check(bytes(source[:cut]))


def test_non_blank_lines_of_generated_release_all_in_blocks():
    text = "\n".join(FRAGMENTS[:20]).encode()
    releases = convert_bytes(text, "x.txt")
    lines = text.decode().split("\n")
    covered = {n for r in releases for b in r.blocks for n in range(b.lines[0], b.lines[1] + 1)}
    assert all(n in covered for n, line in enumerate(lines, 1) if line.strip())
