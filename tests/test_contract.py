"""The values ../shared/CONTRACT.md fixes for the two bundled examples."""
from __future__ import annotations

from converter import convert_path

from .conftest import EXAMPLES


def only(path):
    releases = convert_path(path)
    assert len(releases) == 1
    return releases[0]


def test_release_2004_01():
    r = only(EXAMPLES / "000_9e0e0fb7cf4518a9.txt")
    assert r.exhibit == "99.1"
    assert r.release_number == "2004-01"
    assert [(c.name, c.phone, c.fax) for c in r.contacts] == [("Edward F. Ruttenberg", "(412) 422-2377", "(412) 422-2378")]
    assert [(s.exchange, s.symbol) for s in r.securities] == [("NASDAQ", "ALGI")]
    assert (r.wire.service, r.wire.code, r.wire.slug) == ("Business Wire", "BW", "NY-AMERICAN-LOCKER-GROUP")
    assert r.audience == "BUSINESS EDITOR"
    assert (r.dateline.city, r.dateline.region, r.dateline.date) == ("JAMESTOWN", "N.Y.", None)
    assert r.issuer.name == "AMERICAN LOCKER GROUP INCORPORATED"
    assert r.headline == "AMERICAN LOCKER GROUP INCORPORATED ANNOUNCES RESIGNATION OF A CORPORATE DIRECTOR"
    assert len(r.safe_harbor.risks) == 4
    assert r.safe_harbor.risks[1] == (
        "the Company's plans and results of operations will be affected by the Company's ability to manage "
        "its growth and inventory"
    )
    assert r.tables == () and r.facts == ()
    assert [p.text for p in r.body] == [
        "On March 19, 2004, Lawrence J. Goldstein resigned as a director of American Locker Group Incorporated."
    ]


def test_release_2005_01():
    r = only(EXAMPLES / "003_69f0ec2b4db790cd.txt")
    assert r.exhibit == "99.1"
    assert r.release_number == "2005-01"
    assert (r.dateline.city, r.dateline.region, r.dateline.date) == ("JAMESTOWN", "NY", "2005-02-08")
    assert any(block.kind == "page" for block in r.blocks)
    assert r.headline == "AMERICAN LOCKER GROUP INCORPORATED POSTAL CONTRACT EXPIRATION"
    assert r.audience == "BUSINESS EDITOR"
    assert len(r.safe_harbor.risks) == 4
    assert r.body[0].text.startswith("American Locker Group Incorporated announced that the United States Postal Service")
    assert r.body[0].lines == (16, 28)
