"""Unit cases for the field rules, written from the wire styles, not from any one document."""
from __future__ import annotations

import pytest

from converter.fields.contacts import read_contacts
from converter.fields.dateline import dateline_date, match_dateline
from converter.fields.wire import BARE_TICKER, TICKER, TICKER_GROUP


@pytest.mark.parametrize(
    "text, city, region, date, reference",
    [
        ("NEW YORK--(BUSINESS WIRE)--Jan. 5, 2004--Acme Corp. today said", "NEW YORK", None, "2004-01-05", None),
        ("BOSTON, Mass. -- (BUSINESS WIRE) -- March 3, 1997 -- Acme Inc. said", "BOSTON", "Mass.", "1997-03-03", None),
        ("CHICAGO, Ill., July 22 /PRNewswire-FirstCall/ -- Acme Inc. reported", "CHICAGO", "Ill.", "2004-07-22", "2004-07-23"),
        ("San Jose, CA (August 10, 1995) -- Acme Inc. announced", "San Jose", "CA", "1995-08-10", None),
        ("TORONTO, May 14 /CNW/ - Acme Mines Ltd. reported record gold output", "TORONTO", None, "2004-05-14", "2004-05-14"),
    ],
)
def test_datelines(text, city, region, date, reference):
    found = match_dateline(text)
    assert (found.city, found.region) == (city, region)
    # The year, when not printed, comes from the nearest reference date (a trailer or the filing).
    assert dateline_date(found, [reference or "2000-01-01"]) == (date, reference)


@pytest.mark.parametrize("text", ["Apple Computer, Inc. today announced", "The acquisition of NeXT", "Sears' second quarter"])
def test_no_dateline_in_ordinary_sentences(text):
    assert match_dateline(text) is None


def test_tickers_in_brackets_and_bare():
    tag = TICKER_GROUP.search("Acme Corp. (NYSE: ACM; Pacific: ACM) today").group(0)
    assert [(m["exchange"], m["symbol"]) for m in TICKER.finditer(tag)] == [("NYSE", "ACM"), ("Pacific", "ACM")]
    assert BARE_TICKER.search("Acme Energy Corporation, Nasdaq: ACME, today")
    assert not BARE_TICKER.search("BOSTON: ACME Corp. said")  # a city is no exchange outside brackets


def test_two_contacts_side_by_side_share_the_organization_above_them():
    group = [
        (1, "CONTACT:  Acme Financial Corporation"),
        (2, "          Jane Q. Roe                     John R. Doe"),
        (3, "          President and CEO               Chief Financial Officer"),
        (4, "          (212) 555-0101                  (212) 555-0102"),
    ]
    contacts = read_contacts([group])
    assert [(c.name, c.organization, c.title, c.phone) for c in contacts] == [
        ("Jane Q. Roe", "Acme Financial Corporation", "President and CEO", "(212) 555-0101"),
        ("John R. Doe", "Acme Financial Corporation", "Chief Financial Officer", "(212) 555-0102"),
    ]


def test_pr_newswire_trailer_contacts():
    group = [(1, "    /CONTACT:  Jane Roe, Treasurer of Acme Home Stores, 212-555-0129, or fax,"), (2, "212-555-0130/")]
    [contact] = read_contacts([group])
    assert (contact.name, contact.title, contact.organization, contact.phone, contact.fax) == (
        "Jane Roe", "Treasurer", "Acme Home Stores", "212-555-0129", "212-555-0130"
    )


def test_a_risk_keeps_the_end_of_its_last_word():
    from converter.fields.safe_harbor import split_risks

    text = ("Factors include: (1) pricing by each competitor and (2) changes in supply and "
            "(3) a weaker brand")
    assert split_risks(text) == ["pricing by each competitor", "changes in supply", "a weaker brand"]
    text = "Risks include weak demand; pricing by each competitor or; the loss of a brand"
    assert split_risks(text) == ["weak demand", "pricing by each competitor", "the loss of a brand"]


def test_a_department_after_or_does_not_continue_a_title_of_the_contact_before():
    # Found by a fuzzer: "Investor Relations" after an "or" line was added to the title of a new,
    # empty contact (KeyError: 'title', an internal error).
    from converter import convert_bytes

    text = (b"ACME CORP REPORTS RECORD QUARTER\n\n"
            b"NEW YORK--(BUSINESS WIRE)--July 29, 2004--Acme Corp. (NASDAQ:ACME) today said\n"
            b"revenue rose.\n\n"
            b"CONTACT: Jane Roe, Chief Financial Officer\nor\nInvestor Relations\n")
    [release] = convert_bytes(text, "x.txt")
    assert [(c.name, c.title) for c in release.contacts] == [("Jane Roe", "Chief Financial Officer")]


def test_a_bullet_that_is_only_a_joiner_is_no_risk():
    # Found by a fuzzer: the bullet "and" was kept until cleaning emptied it, and the empty risk
    # failed the record's schema ("internal error") instead of being left out.
    from converter import convert_bytes
    from converter.fields.safe_harbor import split_risks

    lines = ["  - weak demand", "  - and", "  - the loss of a brand"]
    assert split_risks("", lines) == ["weak demand", "the loss of a brand"]
    assert split_risks("", ["  - weak demand;", "  - or"]) == []  # one risk: not a list
    [release] = convert_bytes("n y w\nd d\u00a0s n d d .\n\nSafe Harbor\n\n- \u20ac\n\u2022 and".encode(), "x.txt")
    assert (release.safe_harbor.heading, release.safe_harbor.risks) == ("Safe Harbor", ())  # no empty risk


def test_an_undated_dateline_is_a_warning_that_points_at_a_date_above():
    from converter import convert_bytes

    text = (b"                                                  Jan. 25, 2005\n\n"
            b"              Acme Widget Corp. Reports Record Sales\n\n"
            b"ATLANTA - Acme Widget Corp. today reported record sales of $12.5 million for the\n"
            b"fourth quarter, compared with $10.1 million a year earlier, the company said.\n")
    [release] = convert_bytes(text, "x.txt")
    assert release.dateline.city == "ATLANTA" and release.dateline.date is None
    assert [(w.code, w.message, w.line) for w in release.warnings] == [
        ("dateline_undated", "the dateline prints no date; a line above it prints a date: Jan. 25, 2005", 5)]
