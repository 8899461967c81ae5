"""Tables of knowledge the extractors consult: wire services, exchanges, months, name suffixes.

Kept as data so that a new wire or exchange is one line here, not a new ``if``.
"""
from __future__ import annotations

from typing import Final

# Printed forms of wire services (matched case-insensitively, spaces optional) -> full name.
WIRE_SERVICES: dict[str, str] = {
    "BUSINESS WIRE": "Business Wire",
    "BUSINESSWIRE": "Business Wire",
    "BW": "Business Wire",
    "PR NEWSWIRE": "PR Newswire",
    "PRNEWSWIRE": "PR Newswire",
    "PRNEWSWIRE-FIRSTCALL": "PR Newswire",
    "PRNEWSWIRE-ASIA": "PR Newswire",
    "PRN": "PR Newswire",
    "GLOBE NEWSWIRE": "GlobeNewswire",
    "GLOBENEWSWIRE": "GlobeNewswire",
    "MARKET WIRE": "Market Wire",
    "MARKETWIRE": "Market Wire",
    "MARKETWIRED": "Marketwired",
    "PRIMEZONE": "PrimeZone Media Network",
    "PRIMEZONE MEDIA NETWORK": "PrimeZone Media Network",
    "CANADA NEWSWIRE": "Canada NewsWire",
    "CNW": "Canada NewsWire",
    "INTERNET WIRE": "Internet Wire",
    "EWORLDWIRE": "EWorldWire",
    "ACCESSWIRE": "ACCESSWIRE",
    "CCNMATTHEWS": "CCNMatthews",
    "CCN MATTHEWS": "CCNMatthews",
    "CNW": "Canada NewsWire",
    "DOW JONES NEWSWIRES": "Dow Jones Newswires",
}

# Short wire tags printed between slashes in datelines: "TORONTO, May 14 /CNW/ -".
SLASH_WIRE_CODES: tuple[str, ...] = ("CNW", "PRN")

# Wire tags printed at the head of a release line, e.g. "(BW)" -> the code is the tag as printed.
WIRE_CODES: dict[str, str] = {"BW": "Business Wire", "PRN": "PR Newswire"}

# Exchange names as printed in ticker tags (upper-cased, whitespace-normalized).
EXCHANGES: tuple[str, ...] = (
    "NASDAQ/NMS", "NASDAQ NMS", "NASDAQ/NM", "NASDAQ NM", "NASDAQ NATIONAL MARKET",
    "NASDAQ SMALLCAP", "NASDAQ SMALL CAP", "NASDAQ/SMALLCAP", "NASDAQ-NMS", "NASDAQ-NM",
    "NASDAQ", "NYSE", "AMEX", "ASE", "OTC BB", "OTCBB", "OTC BULLETIN BOARD", "OTC",
    "PINK SHEETS", "PACIFIC", "PSE", "PCX", "CHICAGO", "BOSTON", "PHLX", "CBOE", "TSX", "TSE",
    "TORONTO", "LSE", "LONDON", "NYSE ARCA", "ARCA", "NYSE AMEX", "NYSE ALTERNEXT", "AIM",
    "TSX VENTURE", "TSX-V", "TSXV", "CDNX", "VSE", "NASDAQ CAPITAL MARKET", "NASDAQ GLOBAL MARKET",
)

# Exchanges trusted in a ticker printed without brackets ("Nasdaq: ABCD"): no city or short word.
BARE_EXCHANGES: tuple[str, ...] = (
    "NASDAQ", "NASDAQ NATIONAL MARKET", "NASDAQ/NMS", "NASDAQ NMS", "NASDAQ SMALLCAP", "NYSE", "AMEX",
    "OTC BB", "OTCBB", "OTC BULLETIN BOARD", "TSX", "TSX VENTURE", "NYSE ARCA", "NYSE AMEX",
)

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}

MONTH_PATTERN: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

# Words that end a company name ("Acme Widget Co., Inc.").
COMPANY_SUFFIXES: tuple[str, ...] = (
    "Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company",
    "Companies", "Ltd", "Ltd.", "Limited", "LLC", "L.L.C.", "LP", "L.P.", "PLC", "plc",
    "N.V.", "S.A.", "AG", "Group", "Holdings", "Bancorp", "Bancshares", "Trust", "Partners",
)

# Words that mark a contact line as a job title.
TITLE_WORDS: tuple[str, ...] = (
    "President", "Officer", "Director", "Manager", "Vice", "Chairman", "Chief", "CEO", "CFO",
    "COO", "Treasurer", "Secretary", "Controller", "Counsel", "Head", "Executive", "Relations",
    "Communications", "Spokesman", "Spokeswoman", "Spokesperson", "Analyst", "Coordinator",
    "Specialist", "Senior", "SVP", "EVP", "VP", "Partner", "Associate",
)

# Words that mark a contact line as an organization.
ORGANIZATION_WORDS: tuple[str, ...] = COMPANY_SUFFIXES + (
    "Associates", "Agency", "Advisors", "Consultants", "Communications", "Public Relations",
    "Investor Relations", "Financial", "Media", "Partners", "Worldwide", "International",
    "Relations", "Capital", "Advisors", "Consulting", "Strategies", "Ventures", "Industries",
    "Systems", "Technologies", "Software", "Bank", "Bancorp", "Energy", "Resources",
)
