"""EDGAR wrappers: HTML exhibits, binary parts, submissions without exhibits, several filers."""
from __future__ import annotations

import pytest

from converter import NoReleaseError, convert_bytes, convert_path

from .conftest import CORPUS, needs_corpus

HEADER = b"""<SEC-DOCUMENT>0009990001-04-000001.txt : 20040105
<SEC-HEADER>0009990001-04-000001.hdr.sgml : 20040105
ACCESSION NUMBER:\t\t0009990001-04-000001
CONFORMED SUBMISSION TYPE:\t8-K
FILED AS OF DATE:\t\t20040105
FILER:
\tCOMPANY DATA:
\t\tCOMPANY CONFORMED NAME:\t\t\tACME WIDGET CORP
\t\tCENTRAL INDEX KEY:\t\t\t0009990001
FILER:
\tCOMPANY DATA:
\t\tCOMPANY CONFORMED NAME:\t\t\tACME SUBSIDIARY INC
\t\tCENTRAL INDEX KEY:\t\t\t0009990002
</SEC-HEADER>
"""
HTML_EXHIBIT = b"""<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<FILENAME>ex991.htm
<TEXT>
<HTML><BODY>
<P ALIGN="center"><B>Acme Widget Corp. Reports Record Sales</B></P>
<P>BOSTON, Mass.--(BUSINESS WIRE)--Jan. 5, 2004--Acme Widget Corp. (NASDAQ:ACME) today
reported record sales for the fourth quarter &amp; year.</P>
<P>CONTACT: Acme Widget Corp.<BR>Jane Roe, 617/555-0100</P>
</BODY></HTML>
</TEXT>
</DOCUMENT>
"""
UUENCODED = b"""<DOCUMENT>
<TYPE>EX-99.2
<SEQUENCE>3
<FILENAME>logo.gif
<TEXT>
begin 644 logo.gif
M1TE&.#EA`0`!`(```/___P```"'Y!`$`````+`````!``$```("1`$`.P``
end
</TEXT>
</DOCUMENT>
"""


def test_html_exhibit_text_is_converted_and_binary_part_skipped_with_warning():
    [release] = convert_bytes(HEADER + HTML_EXHIBIT + UUENCODED + b"</SEC-DOCUMENT>\n", "f.txt")
    assert release.headline == "Acme Widget Corp. Reports Record Sales"
    assert (release.dateline.city, release.dateline.date) == ("BOSTON", "2004-01-05")
    assert release.body[0].text.endswith("fourth quarter & year.")
    assert [(c.name, c.organization, c.phone) for c in release.contacts] == [("Jane Roe", "Acme Widget Corp.", "617/555-0100")]
    codes = [w.code for w in release.warnings]
    assert "html_converted" in codes and "document_skipped" in codes


def test_multi_filer_header_gives_first_filer():
    [release] = convert_bytes(HEADER + HTML_EXHIBIT + b"</SEC-DOCUMENT>\n", "f.txt")
    filing = release.source.filing
    assert (filing.cik, filing.company_name, filing.filed) == ("0009990001", "ACME WIDGET CORP", "2004-01-05")
    assert release.issuer.cik == "0009990001"


def _reordered(header: bytes, accession: bytes) -> bytes:
    """HEADER with the subsidiary listed first and the accession number given."""
    first, second = header.split(b"FILER:\n")[1:]
    head = header.split(b"FILER:\n")[0].replace(b"0009990001-04-000001", accession)
    return head + b"FILER:\n" + second.replace(b"</SEC-HEADER>\n", b"") + b"FILER:\n" + first + b"</SEC-HEADER>\n"


@pytest.mark.parametrize("accession, filing_cik", [(b"0009990001-04-000001", "0009990001"),  # the issuer submitted it
                                                   (b"0000950123-04-000001", "0009990002")])  # an agent did: first filer
def test_several_filers_the_issuer_s_cik_is_the_one_named(accession, filing_cik):
    data = _reordered(HEADER, accession) + HTML_EXHIBIT + b"</SEC-DOCUMENT>\n"
    [release] = convert_bytes(data, "f.txt")
    assert release.source.filing.cik == filing_cik
    assert (release.issuer.name, release.issuer.cik) == ("Acme Widget Corp.", "0009990001")  # ACME WIDGET CORP
    assert "issuer_cik_uncertain" not in [w.code for w in release.warnings]


def test_several_filers_none_named_is_a_warning():
    data = _reordered(HEADER, b"0000950123-04-000001").replace(b"ACME WIDGET CORP", b"OTHER HOLDINGS CORP")
    [release] = convert_bytes(data + HTML_EXHIBIT + b"</SEC-DOCUMENT>\n", "f.txt")
    assert release.issuer.cik == "0009990002"  # the first filer's, said to be uncertain
    [warning] = [w for w in release.warnings if w.code == "issuer_cik_uncertain"]
    assert warning.message == ("2 companies filed this submission, none named Acme Widget Corp. nor the accession "
                               "number's; the CIK is the first filer's (ACME SUBSIDIARY INC)")


@pytest.mark.parametrize("name, conformed", [("Southern Company", "SOUTHERN CO"), ("The Boeing Company", "BOEING CO"),
                                             ("Sears, Roebuck and Co.", "SEARS ROEBUCK & CO"),
                                             ("Alabama Power", "ALABAMA POWER CO"), ("AT&T Corp.", "AT&T CORP")])
def test_a_printed_name_finds_its_conformed_filer(name, conformed):
    from converter.edgar import Filer
    from converter.fields.issuer import named_filer

    filers = [Filer("1", "SOUTHERN POWER CO"), Filer("2", conformed), Filer("3", "GEORGIA POWER CO")]
    assert named_filer(name, filers) == Filer("2", conformed)
    assert named_filer("Southern", [Filer("1", "SOUTHERN CO"), Filer("2", "SOUTHERN POWER CO")]) is None  # two fit


def test_submission_without_release_is_refused_clearly():
    body = b"<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nItem 9. Regulation FD Disclosure.\nNothing here.\n</TEXT>\n</DOCUMENT>\n"
    with pytest.raises(NoReleaseError, match="no EX-99 or EX-20 exhibit"):
        convert_bytes(HEADER + body + b"</SEC-DOCUMENT>\n", "f.txt")


@needs_corpus
def test_release_pasted_in_8k_body_is_found():
    [release] = convert_path(CORPUS / "d_foodconcepts_1998-02-03_0000703901-98-000003.txt")
    assert release.source.document.type == "8-K"
    assert release.headline == "Food Concepts Announces New Majority Shareholder"
    assert [(s.exchange, s.symbol) for s in release.securities] == [("OTC BB", "JAVA")]


@needs_corpus
def test_bundled_releases_and_multi_exhibit_submission():
    cisco = convert_path(CORPUS / "d_cisco_1995-12-06_ex20-1.txt")
    assert [r.dateline.date for r in cisco] == ["1995-08-10", None]
    assert all(r.exhibit == "20.1" for r in cisco)
    southern = convert_path(CORPUS / "c_southern_2005-01-25_0000092122-05-000042.txt")
    assert [r.source.document.type for r in southern] == [f"EX-99.0{n}" for n in range(1, 7)]
