"""Figures read off the documents by hand: for each table, its column periods and, row by row,
the numbers as printed (cells separated by "|", an empty cell where nothing is printed).

Written by reading the documents, not by running the tool. The corpus files themselves stay in
../shared/corpus; only these figures are recorded here. A row label followed by "#2" is that
label's second row in the table. ``complete`` tables list every printed number: the test also
checks that the table has no other facts.
"""
from __future__ import annotations

from attrs import frozen

M = 1_000_000
K = 1_000


def D(start: str, end: str) -> dict:
    return {"start": start, "end": end, "instant": None}


def I(instant: str) -> dict:
    return {"start": None, "end": None, "instant": instant}


@frozen
class TableFigures:
    source: str  # corpus/NAME or variants/NAME or examples/NAME
    document: str | None  # EDGAR document type for a submission holding several releases
    table: int  # index in the release's tables
    caption: str  # words the table's caption contains
    columns: tuple  # the period of each column, as printed (a Change column: the period it compares)
    rows: tuple  # (label, unit, multiplier, "cell | cell | ...", at_period_end)
    complete: bool = True


def row(label: str, unit: str, multiplier: int, cells: str, at_end: bool = False) -> tuple:
    return (label, unit, multiplier, cells, at_end)


# Southern Company, quarter and year ended December 2004 and 2003.
SO_Q4_04, SO_Q4_03 = D("2004-10-01", "2004-12-31"), D("2003-10-01", "2003-12-31")
SO_FY_04, SO_FY_03 = D("2004-01-01", "2004-12-31"), D("2003-01-01", "2003-12-31")
# Sears, 13 and 26 weeks ended July 3, 2004 and June 28, 2003.
S_Q_04, S_Q_03 = D("2004-04-04", "2004-07-03"), D("2003-03-30", "2003-06-28")
S_H_04, S_H_03 = D("2004-01-04", "2004-07-03"), D("2002-12-29", "2003-06-28")
S_JUL04, S_JUN03, S_JAN04 = I("2004-07-03"), I("2003-06-28"), I("2004-01-03")

TABLES = (
    TableFigures(
        "corpus/b_southern_2005-01-25_ex9902.txt", None, 0, "Financial Highlights",
        (SO_Q4_04, SO_Q4_03, SO_FY_04, SO_FY_03),
        (
            row("Retail Business", "USD", M, "$ 122 | $ 117 | $ 1,200 | $ 1,153"),
            row("Competitive Generation", "USD", M, "44 | 30 | 220 | 224"),
            row("Total", "USD", M, "166 | 147 | 1,420 | 1,377"),
            row("Synthetic Fuels", "USD", M, "14 | 14 | 74 | 58"),
            row("Leasing Business", "USD", M, "1 | 8 | 24 | 29"),
            row("Parent Company and Other", "USD", M, "(1) | (7) | (10) | (36)"),
            row("Net Income - Excluding One-Time Items (See Notes)", "USD", M, "$ 180 | $ 162 | $ 1,508 | $ 1,428"),
            row("As Reported", "USD", M, "$ 204 | $ 125 | $ 1,532 | $ 1,474"),
            row("Excluding One-Time Items (See Notes)", "USD/share", 1, "$ 0.24 | $ 0.22 | $ 2.04 | $ 1.97"),
            row("As Reported#2", "USD/share", 1, "$ 0.27 | $ 0.17 | $ 2.07 | $ 2.03"),
            row("Operating Revenues", "USD", M, "$2,721 | $2,520 | $11,903 | $11,186"),
            row("Average Shares Outstanding (in millions)", "shares", M, "741 | 733 | 739 | 727"),
            row("End of Period Shares Outstanding (in millions)", "shares", M, " | | 741 | 735", True),
        ),
    ),
    TableFigures(
        "corpus/b_southern_2005-01-25_ex9903.txt", None, 0, "Significant Factors Impacting EPS",
        (SO_Q4_04, SO_Q4_03, SO_Q4_04, SO_FY_04, SO_FY_03, SO_FY_04),
        (
            row("Consolidated Earnings-", "USD/share", 1, "$ 0.24 | $ 0.22 | $0.02 | $2.04 | $1.97 | $0.07"),
            row("Retail Business", "USD/share", 1, " | | - | | | 0.06"),
            row("Competitive Generation", "USD/share", 1, " | | 0.02 | | | (0.01)"),
            row("Synthetic Fuels", "USD/share", 1, " | | - | | | 0.02"),
            row("Leasing Business", "USD/share", 1, " | | - | | | -"),
            row("Parent Company and Other", "USD/share", 1, " | | 0.01 | | | 0.04"),
            row("Impact of Additional Shares", "USD/share", 1, " | | (0.01) | | | (0.04)"),
            row("Total", "USD/share", 1, " | | $0.02 | | | $0.07"),
        ),
    ),
    TableFigures(
        "corpus/c_southern_2005-01-25_0000092122-05-000042.txt", "EX-99.04", 0, "Analysis of Consolidated Earnings",
        (SO_Q4_04, SO_Q4_03, SO_Q4_04, SO_FY_04, SO_FY_03, SO_FY_04),
        (
            row("Retail Revenue", "USD", M, "$2,194 | $1,968 | $226 | $ 9,731 | $ 8,875 | $856"),
            row("Wholesale Revenue", "USD", M, "305 | 324 | (19) | 1,343 | 1,358 | (15)"),
            row("Other Electric Revenues", "USD", M, "105 | 105 | - | 392 | 373 | 19"),
            row("Contract Termination", "USD", M, "- | - | - | - | 142 | (142)"),
            row("Non-regulated Operating Revenues", "USD", M, "117 | 123 | (6) | 437 | 438 | (1)"),
            row("Total Revenues", "USD", M, "2,721 | 2,520 | 201 | 11,903 | 11,186 | 717"),
            row("Fuel and Purchased Power", "USD", M, "948 | 824 | 124 | 4,165 | 3,594 | 571"),
            row("Non-fuel O & M", "USD", M, "984 | 953 | 31 | 3,329 | 3,174 | 155"),
            row("Depreciation and Amortization", "USD", M, "240 | 263 | (23) | 955 | 1,027 | (72)"),
            row("Taxes Other Than Income Taxes", "USD", M, "153 | 139 | 14 | 627 | 586 | 41"),
            row("Total Operating Expenses", "USD", M, "2,325 | 2,179 | 146 | 9,076 | 8,381 | 695"),
            row("Operating Income", "USD", M, "396 | 341 | 55 | 2,827 | 2,805 | 22"),
            row("Other Income, net", "USD", M, "(15) | (10) | (5) | (11) | (20) | 9"),
            row("Interest Charges and Dividends", "USD", M, "179 | 180 | (1) | 698 | 699 | (1)"),
            row("Income Taxes", "USD", M, "(2) | 26 | (28) | 586 | 612 | (26)"),
            row("NET INCOME AS REPORTED (See Note)", "USD", M, "$ 204 | $ 125 | $ 79 | $ 1,532 | $ 1,474 | $ 58"),
            row("NET INCOME EXCLUDING ONE-TIME ITEMS", "USD", M, "$ 180 | $ 162 | $ 18 | $ 1,508 | $ 1,428 | $ 80"),
        ),
    ),
    TableFigures(
        "corpus/c_southern_2005-01-25_0000092122-05-000042.txt", "EX-99.05", 0, "Kilowatt-Hour Sales",
        (SO_Q4_04, SO_Q4_03, SO_Q4_04, SO_FY_04, SO_FY_03, SO_FY_04),
        (
            row("Total Sales", "kWh", M, "45,217 | 47,147 | -4.1% | 192,382 | 192,138 | 0.1%"),
            row("Total Retail Sales-", "kWh", M, "37,056 | 35,474 | 4.5% | 157,143 | 151,618 | 3.6%"),
            row("Residential", "kWh", M, "10,748 | 10,275 | 4.6% | 49,703 | 47,833 | 3.9%"),
            row("Commercial", "kWh", M, "12,020 | 11,460 | 4.9% | 50,037 | 48,372 | 3.4%"),
            row("Industrial", "kWh", M, "14,039 | 13,492 | 4.0% | 56,399 | 54,415 | 3.6%"),
            row("Total Wholesale Sales", "kWh", M, "8,161 | 11,673 | -30.1% | 35,239 | 40,520 | -13.0%"),
        ),
    ),
    TableFigures(
        "corpus/c_southern_2005-01-25_0000092122-05-000042.txt", "EX-99.06", 0, "Financial Overview",
        (SO_Q4_04, SO_Q4_03, SO_Q4_04, SO_FY_04, SO_FY_03, SO_FY_04),
        (
            row("Operating Revenues", "USD", M, "$2,721 | $2,520 | 8.0% | $11,903 | $11,186 | 6.4%"),
            row("Earnings Before Income Taxes", "USD", M, "202 | 151 | 33.9% | 2,118 | 2,086 | 1.5%"),
            row("Net Income As Reported (See Note)", "USD", M, "204 | 125 | 63.6% | 1,532 | 1,474 | 4.0%"),
            row("Operating Revenues#3", "USD", M, "$1,238 | $1,111 | 11.5% | $5,372 | $4,914 | 9.3%"),
            row("Earnings Before Income Taxes#3", "USD", M, "106 | 122 | -13.0% | 1,038 | 998 | 4.0%"),
            row("Net Income Available to Common#3", "USD", M, "0 | 3 | -86.1% | 68 | 69 | -1.1%"),
            row("Earnings Before Income Taxes#5", "USD", M, "5 | (58) | - | 131 | 121 | 8.1%"),
            row("Net Income Available to Common (See Note)", "USD", M, "2 | (36) | - | 77 | 73 | 4.5%"),
            row("Earnings Before Income Taxes#7", "USD", M, "43 | 20 | 106.2% | 185 | 240 | -23.1%"),
        ),
        complete=False,
    ),
    TableFigures(
        "corpus/b_sears_2004-07-22_ex99.txt", None, 0, "CONSOLIDATED INCOME",
        (S_Q_04, S_Q_03, S_H_04, S_H_03),
        (
            row("Merchandise sales and services", "USD", M, "$8,700 | $ 8,851 | $16,403 | $16,325"),
            row("Credit and financial products revenues", "USD", M, "81 | 1,345 | 172 | 2,751"),
            row("Total revenues", "USD", M, "8,781 | 10,196 | 16,575 | 19,076"),
            row("Cost of sales, buying and occupancy", "USD", M, "6,282 | 6,402 | 11,903 | 11,876"),
            row("Selling and administrative", "USD", M, "2,064 | 2,299 | 3,958 | 4,409"),
            row("Provision for uncollectible accounts", "USD", M, "11 | 461 | 27 | 944"),
            row("Depreciation and amortization", "USD", M, "262 | 230 | 490 | 455"),
            row("Interest, net", "USD", M, "68 | 287 | 144 | 566"),
            row("Special charges and impairments", "USD", M, "41 | 28 | 41 | 28"),
            row("Total costs and expenses", "USD", M, "8,728 | 9,707 | 16,563 | 18,278"),
            row("Operating income", "USD", M, "53 | 489 | 12 | 798"),
            row("Other income, net", "USD", M, "36 | 13 | 52 | 14"),
            row("Income before income taxes, minority interest and cumulative effect of change in accounting principle",
                "USD", M, "89 | 502 | 64 | 812"),
            row("Income tax expense", "USD", M, "(32) | (186) | (23) | (301)"),
            row("Minority interest", "USD", M, "(4) | (7) | (8) | (10)"),
            row("Income before cumulative effect of change in accounting principle", "USD", M, "53 | 309 | 33 | 501"),
            row("Cumulative effect of change in accounting principle", "USD", M, "- | - | (839) | -"),
            row("NET INCOME/ (LOSS)", "USD", M, "$ 53 | $ 309 | $ (806) | $ 501"),
            row("Earnings per share before cumulative effect of change in accounting principle", "USD/share", 1,
                "$ 0.25 | $ 1.04 | $ 0.15 | $ 1.63"),
            row("Cumulative effect of change in accounting principle#2", "USD/share", 1, "$ - | $ - | $ (3.86) | $ -"),
            row("Earnings/ (loss) per share", "USD/share", 1, "$ 0.25 | $ 1.04 | $ (3.71) | $ 1.63"),
            row("Earnings per share before cumulative effect of change in accounting principle#2", "USD/share", 1,
                "$ 0.24 | $ 1.04 | $ 0.15 | $ 1.63"),
            row("Cumulative effect of change in accounting principle#3", "USD/share", 1, "$ - | $ - | $ (3.86) | $ -"),
            row("Earnings/ (loss) per share#2", "USD/share", 1, "$ 0.24 | $ 1.04 | $ (3.71) | $ 1.63"),
            row("Average common equivalent shares outstanding", "shares", M, "216.5 | 298.0 | 217.1 | 307.9"),
        ),
    ),
    TableFigures(
        "corpus/b_sears_2004-07-22_ex99.txt", None, 1, "CONSOLIDATED BALANCE SHEET",
        (S_JUL04, S_JUN03, S_JAN04),
        (
            row("Cash and cash equivalents", "USD", M, "$ 3,559 | $ 2,921 | $ 9,057"),
            row("Domestic credit card receivables", "USD", M, "- | 29,465 | -"),
            row("Sears Canada credit card receivables", "USD", M, "1,813 | 1,849 | 1,998"),
            row("Less allowance for uncollectible accounts", "USD", M, "31 | 1,953 | 42"),
            row("Merchandise inventories, net", "USD", M, "5,543 | 5,447 | 5,335"),
            row("Total current assets", "USD", M, "12,920 | 39,921 | 18,196"),
            row("Goodwill", "USD", M, "943 | 945 | 943"),
            row("Total assets", "USD", M, "$21,927 | $50,373 | $27,723"),
            row("Short-term borrowings", "USD", M, "$ 770 | $ 5,464 | $ 1,033"),
            row("Total current liabilities", "USD", M, "9,084 | 19,025 | 13,759"),
            row("Total liabilities", "USD", M, "16,226 | 44,141 | 21,322"),
            row("Treasury stock - at cost", "USD", M, "(8,740) | (5,463) | (7,945)"),
            row("Accumulated other comprehensive loss", "USD", M, "(117) | (956) | (1,106)"),
            row("Total shareholders' equity", "USD", M, "5,701 | 6,232 | 6,401"),
            row("Total liabilities and shareholders' equity", "USD", M, "$21,927 | $50,373 | $27,723"),
            row("Total common shares outstanding", "shares", M, "213.1 | 282.6 | 230.4"),
        ),
        complete=False,
    ),
    TableFigures(
        "corpus/b_sears_2004-07-22_ex99.txt", None, 2, "Segment Income Statements",
        (S_Q_04, S_Q_03, S_Q_04, S_Q_03, S_Q_04, S_Q_03),
        (
            row("Merchandise sales and services", "USD", M, "$7,673 | $7,871 | $1,027 | $ 980 | $8,700 | $ 8,851"),
            row("Credit and financial products revenues", "USD", M, "- | 1,266 | 81 | 79 | 81 | 1,345"),
            row("Total revenues", "USD", M, "7,673 | 9,137 | 1,108 | 1,059 | 8,781 | 10,196"),
            row("Operating income", "USD", M, "$ 42 | $ 466 | $ 11 | $ 23 | $ 53 | $ 489"),
            row("Foreign exchange rate (quarterly average)", "pure", 1, " | | 0.7353 | 0.7109 | | "),
            row("Net income", "USD", M, " | | | | $ 53 | $ 309"),
            row("EPS - Diluted", "USD/share", 1, " | | | | $ 0.24 | $ 1.04"),
            row("Average shares outstanding", "shares", M, " | | | | 216.5 | 298.0"),
        ),
        complete=False,
    ),
    TableFigures(
        "corpus/b_sears_2004-07-22_ex99.txt", None, 7, "Domestic Retail Stores",
        (S_JUL04, S_JUN03, S_JAN04),
        (
            row("Full-line", "count", 1, "871 | 869 | 871"),
            row("Specialty", "count", 1, "1,109 | 1,307 | 1,105"),
            row("Lands' End", "count", 1, "16 | 15 | 16"),
            row("Total Domestic Retail Stores", "count", 1, "1,996 | 2,191 | 1,992"),
        ),
    ),
    TableFigures(
        "corpus/b_sears_2004-07-22_ex99.txt", None, 8, "Summary of Certain Significant Items",
        (S_Q_04, S_Q_04, S_Q_03, S_Q_03),
        (
            row("Negative carry related to Credit legacy debt", "USD", M, "$19 | | $ - | $ -"),
            row("Special Charges", "USD", M, "41 | | 28 | "),
            row("Operating income", "USD", M, "- | | (364) | "),
            row("Total", "USD", M, "$99 | | $(219) | "),
            row("Negative carry related to Credit legacy debt#1", "USD/share", 1, " | $0.05 | | "),
            row("Special Charges#1", "USD/share", 1, " | 0.12 | | 0.06"),
            row("Operating income#1", "USD/share", 1, " | - | | (0.78)"),
            row("Total#1", "USD/share", 1, " | $0.29 | | $(0.46)"),
            row("Average common equivalent shares outstanding", "shares", M, " | 216.5 | | 298.0"),
        ),
        complete=False,
    ),
    TableFigures(
        "variants/prn_firstcall_trailer_2003.txt", None, 0, "Condensed Consolidated Statements of Income",
        (D("2002-10-01", "2002-12-31"), D("2001-10-01", "2001-12-31"), D("2002-01-01", "2002-12-31"),
         D("2001-01-01", "2001-12-31")),
        (
            row("Revenues", "USD", K, "$38,612 | $31,648 | $141,207 | $126,380"),
            row("Cost of revenues", "USD", K, "28,904 | 24,311 | 106,442 | 97,115"),
            row("Gross profit", "USD", K, "9,708 | 7,337 | 34,765 | 29,265"),
            row("Operating expenses", "USD", K, "5,912 | 5,561 | 22,870 | 21,904"),
            row("Operating income", "USD", K, "3,796 | 1,776 | 11,895 | 7,361"),
            row("Net income", "USD", K, "$ 2,402 | $ 1,103 | $ 7,440 | $ 4,512"),
            row("Diluted earnings per share", "USD/share", 1, "$ 0.31 | $ 0.14 | $ 0.96 | $ 0.58"),
        ),
    ),
    TableFigures(
        "variants/bw_slug_tagline_table_1999.txt", None, 0, "Consolidated Summary of Operations",
        (D("1999-04-01", "1999-06-30"), D("1998-04-01", "1998-06-30"), D("1999-01-01", "1999-06-30"),
         D("1998-01-01", "1998-06-30")),
        (
            row("Net sales", "USD", M, "$143.6 | $134.2 | $279.4 | $265.0"),
            row("Income before income taxes", "USD", M, "15.6 | 12.9 | 29.3 | 25.1"),
            row("Net income", "USD", M, "9.8 | 8.1 | 18.4 | 15.8"),
            row("Basic", "USD/share", 1, "$.74 | $.61 | $1.39 | $1.19"),
            row("Diluted", "USD/share", 1, ".73 | .60 | 1.37 | 1.17"),
            row("Average shares outstanding", "shares", M, "13.2 | 13.3 | 13.2 | 13.3"),
        ),
    ),
    TableFigures(
        "variants/bundled_bw_ex99_1996.txt", None, 0, "CONDENSED STATEMENTS OF OPERATIONS",
        (D("1995-10-01", "1995-12-31"), D("1994-10-01", "1994-12-31")),
        (
            row("Net revenues", "USD", K, "$14,225 | $10,870"),
            row("Income before income taxes", "USD", K, "2,710 | 1,921"),
            row("Net income", "USD", K, "$ 1,762 | $ 1,249"),
            row("Net income per share", "USD/share", 1, "$ .21 | $ .16"),
            row("Shares used in per share calculation", "shares", K, "8,390 | 7,806"),
        ),
    ),
)
