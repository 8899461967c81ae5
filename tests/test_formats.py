"""The XSLT formats (html, ixbrl, text, md, csv, atom) for every example, variant, hostile and
corpus input: HTML5 that parses without errors, CSV that reads back to the JSON facts, Atom that
is valid RFC 4287, Inline XBRL that Arelle passes, and release text escaped in every format.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

import attrs
import html5lib
import pytest
from lxml import etree

from converter import convert_path, release_to_dict
from converter.output import FORMATS
from converter.records import Column, Fact, Period, Row, Table
from converter.transform import STYLESHEETS, safe_parser
from converter.xbrl import validate_xbrl

from .conftest import CORPUS_FILES, EXAMPLE_FILES, ROOT, VARIANT_FILES

XSLT_FORMATS = ["html", "ixbrl", "text", "md", "csv", "atom"]
HOSTILE = ROOT / "tests" / "hostile" / "script_amp_cdata_unicode.txt"
ALL_INPUTS = EXAMPLE_FILES + VARIANT_FILES + [HOSTILE] + CORPUS_FILES
XHTML = "{http://www.w3.org/1999/xhtml}"
IX = "{http://www.xbrl.org/2013/inlineXBRL}"
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
UPDATE = os.environ.get("PRCONVERT_UPDATE_GOLDEN") == "1"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")


@cache
def releases_of(path: Path) -> tuple:
    return tuple(convert_path(path))


def with_table(release):
    """The release with a made-up income statement whose labels are as hostile as its text."""
    this_year, last_year = Period(start="2004-04-04", end="2004-07-03"), Period(start="2003-04-06", end="2003-07-05")
    table = Table(
        caption='CONSOLIDATED <script>alert("t")</script> STATEMENTS & "RESULTS" ]]> (millions, except per share)',
        scale=1000000, unit="USD",
        columns=(Column("Three Months Ended July 3, 2004", this_year), Column("Q2 | 2003 <b>", last_year)),
        rows=(Row("Revenues", "Revenues", (9072000000, 9279000000), (40, 40)),
              Row('Net income (loss) from continuing operations, "as adjusted" <i>& more</i>', "NetIncomeLoss",
                  (-52000000, 358000000), (41, 42)),
              Row("Diluted earnings per share — café", "EarningsPerShareDiluted", (0.55, -0.1), (43, 43)),
              Row("Other | *stars* _under_", None, (None, 12000000), (44, 44))),
        lines=(38, 44))
    facts = []
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row.values):
            if row.concept and value is not None:
                per_share = row.concept.startswith("EarningsPerShare")
                facts.append(Fact(row.concept, value, "USD-per-share" if per_share else "USD", 2 if per_share else -6,
                                  table.columns[c].period, 0, r, c))
    return attrs.evolve(release, tables=release.tables + (table,), facts=release.facts + tuple(facts))


@cache
def hostile_with_table() -> tuple:
    return tuple(with_table(release) for release in releases_of(HOSTILE))


def render(fmt: str, releases) -> bytes:
    return FORMATS[fmt][1](list(releases))


INPUT_PARAMS = [pytest.param(p, id=p.name) for p in ALL_INPUTS]


# --- HTML --------------------------------------------------------------------------------------

def parse_html5(data: bytes):
    """html5lib with strict=True raises on the first HTML5 parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(data)


@pytest.mark.parametrize("path", INPUT_PARAMS)
def test_html_parses_as_html5_without_errors(path):
    document = parse_html5(render("html", releases_of(path)))
    assert document.get("lang") == "en"
    assert document.find(f"{XHTML}head/{XHTML}title").text.strip()
    assert len(document.findall(f".//{XHTML}h1")) == 1
    assert not document.findall(f".//{XHTML}script")


def test_html_tables_are_real_tables_with_numbers_right_aligned():
    document = parse_html5(render("html", hostile_with_table()))
    table = document.find(f".//{XHTML}table")
    assert "STATEMENTS & \"RESULTS\"" in "".join(table.find(f"{XHTML}caption").itertext())
    headers = table.findall(f"{XHTML}thead/{XHTML}tr/{XHTML}th")
    assert [h.get("scope") for h in headers] == ["col", "col"]
    rows = table.findall(f"{XHTML}tbody/{XHTML}tr")
    assert [row.find(f"{XHTML}th").get("scope") for row in rows] == ["row"] * 4
    cells = [[td.text or "" for td in row.findall(f"{XHTML}td")] for row in rows]
    assert cells == [["9,072,000,000", "9,279,000,000"], ["(52,000,000)", "358,000,000"], ["0.55", "(0.1)"],
                     ["", "12,000,000"]]
    assert all(td.get("class") == "num" for row in rows for td in row.findall(f"{XHTML}td"))
    assert "td.num { text-align: right;" in document.find(f".//{XHTML}style").text


def test_html_sets_the_safe_harbor_apart():
    document = parse_html5(render("html", releases_of(EXAMPLE_FILES[0])))
    aside = document.find(f".//{XHTML}aside[@class='safe-harbor']")
    assert aside is not None and aside.find(f"{XHTML}h2").text.startswith("Safe Harbor Statement")


# --- Inline XBRL --------------------------------------------------------------------------------

@pytest.mark.parametrize("path", INPUT_PARAMS)
def test_ixbrl_is_well_formed_xhtml(path):
    root = etree.fromstring(render("ixbrl", releases_of(path)), safe_parser())
    assert root.tag == f"{XHTML}html"
    assert root.find(f"{XHTML}body//{{http://www.xbrl.org/2013/inlineXBRL}}header") is not None


def test_ixbrl_tags_table_cells_in_place_with_the_sign_outside():
    root = etree.fromstring(render("ixbrl", hostile_with_table()), safe_parser())
    cells = [e for e in root.iter(f"{IX}nonFraction") if e.getparent().tag == f"{XHTML}td"]
    assert len(cells) == 6
    negative = [e for e in cells if e.get("sign") == "-"]
    assert [(e.text, e.getparent().text, e.tail) for e in negative] == [("52,000,000", "(", ")"), ("0.1", "(", ")")]


@pytest.fixture(scope="module")
def arelle_results(tmp_path_factory) -> dict[str, list[str]]:
    """Every input's Inline XBRL, validated offline in one Arelle run: path -> problems."""
    folder = tmp_path_factory.mktemp("ixbrl")
    documents = {}
    for index, (name, releases) in enumerate(IXBRL_CASES.items()):
        documents[name] = folder / f"{index}.xhtml"
        documents[name].write_bytes(render("ixbrl", releases()))
    documents["teeth"] = folder / "teeth.xhtml"  # a concept the taxonomy lacks: must be an error
    documents["teeth"].write_bytes(render("ixbrl", hostile_with_table()).replace(b'"prc:Revenues"', b'"prc:Revenuez"'))
    results = validate_xbrl(*documents.values())
    return {name: results[str(path.resolve())] for name, path in documents.items()}


IXBRL_CASES = {path.name: (lambda path=path: releases_of(path)) for path in ALL_INPUTS}
IXBRL_CASES["hostile-with-table"] = hostile_with_table


@pytest.mark.parametrize("name", IXBRL_CASES)
def test_ixbrl_passes_arelle(name, arelle_results):
    assert arelle_results[name] == []


def test_arelle_would_tell(arelle_results):
    assert any("Revenuez" in message for message in arelle_results["teeth"])


def ix_facts(root) -> list[tuple]:
    """(concept, context, unit, decimals, value) of every ix fact, its value as XBRL reads it."""
    facts = []
    for element in root.iter(f"{IX}nonFraction", f"{IX}nonNumeric"):
        text = "".join(element.itertext())
        if element.tag == f"{IX}nonFraction":
            value = Decimal(text.replace(",", "")) * (-1 if element.get("sign") == "-" else 1)
        elif element.get("format") == "ixt:date-monthname-day-year-en":
            value = datetime.strptime(text, "%B %d, %Y").date().isoformat()
        else:
            value = text
        facts.append((element.get("name").split(":")[1], element.get("contextRef"), element.get("unitRef"),
                      element.get("decimals"), value))
    return sorted(facts, key=repr)


def instance_facts(root) -> list[tuple]:
    facts = [(etree.QName(e).localname, e.get("contextRef"), e.get("unitRef"), e.get("decimals"),
              Decimal(e.text) if e.get("unitRef") else e.text)
             for e in root if etree.QName(e).namespace == "http://prconvert.example/taxonomy/1.0"]
    return sorted(facts, key=repr)


@pytest.mark.parametrize("name", IXBRL_CASES)
def test_ixbrl_holds_exactly_the_xbrl_instance_facts(name):
    releases = IXBRL_CASES[name]()
    inline = etree.fromstring(render("ixbrl", releases), safe_parser())
    instance = etree.fromstring(render("xbrl", releases), safe_parser())
    assert ix_facts(inline) == instance_facts(instance)
    assert contexts(inline) == contexts(instance)


def contexts(root) -> list:
    return [[(e.tag, sorted(e.attrib.items()), (e.text or "").strip()) for e in context.iter()]
            for context in root.iter("{http://www.xbrl.org/2003/instance}context")]


# --- Atom ---------------------------------------------------------------------------------------

@cache
def atom_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(ROOT / "tests" / "atom.rng")))


def assert_valid_atom(data: bytes) -> etree._Element:
    root = etree.fromstring(data, safe_parser())
    schema = atom_schema()
    assert schema.validate(root), schema.error_log
    # RFC 4287 Appendix B's two Schematron rules, which RELAX NG does not check.
    for entry in root.xpath("descendant-or-self::atom:entry", namespaces=ATOM):
        assert entry.xpath("atom:link[@rel='alternate'] or atom:link[not(@rel)] or atom:content", namespaces=ATOM)
        assert entry.xpath("atom:author or ../atom:author or atom:source/atom:author", namespaces=ATOM)
    return root


@pytest.mark.parametrize("path", INPUT_PARAMS)
def test_atom_validates_against_rfc4287(path):
    releases = releases_of(path)
    root = assert_valid_atom(render("atom", releases))
    assert root.tag == ("{http://www.w3.org/2005/Atom}" + ("entry" if len(releases) == 1 else "feed"))


def test_several_releases_make_one_feed_with_distinct_ids():
    releases = releases_of(EXAMPLE_FILES[0]) + releases_of(EXAMPLE_FILES[1])
    feed = assert_valid_atom(render("atom", releases))
    ids = feed.xpath("atom:entry/atom:id/text()", namespaces=ATOM)
    assert len(ids) == 2 and len(set(ids)) == 2
    assert feed.xpath("atom:updated/text()", namespaces=ATOM) == ["1970-01-01T00:00:00Z"]  # one is undated


def test_atom_updated_is_the_dateline_date():
    entry = assert_valid_atom(render("atom", releases_of(EXAMPLE_FILES[1])))
    assert entry.xpath("atom:updated/text()", namespaces=ATOM) == ["2005-02-08T00:00:00Z"]


# --- CSV ----------------------------------------------------------------------------------------

def read_csv(data: bytes) -> list[dict]:
    text = data.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def facts_as_text(release_dicts) -> list[dict]:
    """The JSON facts in the CSV's columns, values as the CSV writes them."""
    rows = []
    for data in release_dicts:
        for fact in data["facts"]:
            period = fact["period"] or {}
            value = fact["value"]
            rows.append({
                "concept": fact["concept"], "value": value if isinstance(value, str) else json.dumps(value),
                "unit": fact["unit"] or "", "decimals": "" if fact["decimals"] is None else str(fact["decimals"]),
                "period_start": period.get("start") or "", "period_end": period.get("end") or "",
                "period_instant": period.get("instant") or "",
            })
    return rows


@pytest.mark.parametrize("path", INPUT_PARAMS + [pytest.param("hostile+table", id="hostile-with-table")])
def test_csv_reads_back_to_the_json_facts(path):
    releases = hostile_with_table() if path == "hostile+table" else releases_of(path)
    rows = read_csv(render("csv", releases))
    expected = facts_as_text(release_to_dict(release) for release in releases)
    assert [{key: row[key] for key in expected[0]} for row in rows] == expected if expected else rows == []
    for row in rows:
        assert float(row["value"]) == pytest.approx(float(row["value"]))  # numbers stay numbers


def test_csv_row_carries_label_issuer_release_and_lines():
    rows = read_csv(render("csv", hostile_with_table()))
    net_income = [row for row in rows if row["concept"] == "NetIncomeLoss"]
    assert net_income[0]["label"] == 'Net income (loss) from continuing operations, "as adjusted" <i>& more</i>'
    assert net_income[0]["value"] == "-52000000"
    assert (net_income[0]["issuer"], net_income[0]["release_number"]) == ("AT&T CAFÉ DÉJÀ INC.", "2005-07")
    assert (net_income[0]["first_line"], net_income[0]["last_line"]) == ("41", "42")


# --- text and Markdown --------------------------------------------------------------------------

@pytest.mark.parametrize("path", INPUT_PARAMS)
def test_text_is_reflowed_to_72_columns(path):
    text = render("text", releases_of(path)).decode("utf-8")
    for line in text.splitlines():
        assert len(line) <= 72 or " " not in line.strip() or line.startswith(("---", "   ")) or "  " in line, line


def test_text_tables_are_realigned():
    text = render("text", hostile_with_table()).decode("utf-8")
    lines = text.splitlines()
    table = lines[lines.index("(USD; printed in millions, shown in whole units)") + 2:]
    table = table[:table.index("")]
    # Digits end in one column per value column; a negative's ")" stands one to the right.
    assert table[:4] == [
        "                                         Three Months",
        "                                        Ended July 3,",
        "                                                 2004    Q2 | 2003 <b>",
        "------------------------------------   ---------------   --------------",
    ]
    assert table[4] == "Revenues                                9,072,000,000    9,279,000,000"
    assert table[7] == " more</i>                                 (52,000,000)     358,000,000"
    assert table[8] == "Diluted earnings per share — café                0.55             (0.1)"
    assert table[5] == "Net income (loss) from continuing"  # long labels wrap


def test_markdown_has_pipe_tables():
    markdown = render("md", hostile_with_table()).decode("utf-8")
    table = [line for line in markdown.splitlines() if line.startswith("|")]
    assert table[1] == "| --- | ---: | ---: |"
    assert len(table) == 2 + 4
    assert all(line.count("|") - line.count("\\|") == 4 for line in table)


# --- hostile text: escaped and well-formed everywhere ------------------------------------------

@pytest.mark.parametrize("fmt", XSLT_FORMATS)
def test_hostile_release_is_escaped_and_well_formed(fmt):
    data = render(fmt, hostile_with_table())
    text = data.decode("utf-8")
    assert "café" in text
    if fmt == "html":
        document = parse_html5(data)
        assert not document.findall(f".//{XHTML}script") and not document.findall(f".//{XHTML}b")
        assert '<script>alert("x")</script>' in "".join(document.find(f".//{XHTML}h1").itertext())
    if fmt in ("ixbrl", "atom"):
        root = etree.fromstring(data, safe_parser())
        assert not root.xpath("//*[local-name() = 'script' or local-name() = 'b' or local-name() = 'i']")
        assert "<script>alert('x')</script>" in "".join(root.itertext())
        assert "]]>" in "".join(root.itertext())
    elif fmt == "md":
        prose = re.sub(r"^>( |$)", "", text.replace("\\\\", ""), flags=re.MULTILINE)  # less quote markers
        assert not re.search(r"(?<!\\)[<>&]", prose)
        assert r"\<script\>alert('x')\</script\>" in text and r"\]\]\>" in text
    if fmt != "csv":
        assert "日本語" in text
    if fmt == "text":
        assert "<script>alert('x')</script>" in text and "]]>" in text
    elif fmt == "csv":
        labels = [row["label"] for row in read_csv(data)]
        assert 'Net income (loss) from continuing operations, "as adjusted" <i>& more</i>' in labels


@pytest.mark.parametrize("fmt", XSLT_FORMATS)
def test_hostile_golden(fmt):
    """The hostile release with its table, byte for byte (refresh like the examples' goldens)."""
    produced = render(fmt, hostile_with_table())
    golden = HOSTILE.with_suffix(STYLESHEETS[fmt][1])
    if UPDATE:
        golden.write_bytes(produced)
    assert golden.exists(), f"{golden.name} missing: run with PRCONVERT_UPDATE_GOLDEN=1 to create it"
    assert produced == golden.read_bytes(), f"{golden.name} differs from the conversion"


# --- the command line ---------------------------------------------------------------------------

def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "converter", *map(str, args)], capture_output=True, cwd=cwd,
                          timeout=120, env={**os.environ, "SOURCE_DATE_EPOCH": "0"})


def test_formats_lists_every_format_on_a_line():
    lines = run("formats").stdout.decode().splitlines()
    assert sorted(line.split()[0] for line in lines if not line.startswith("--")) == sorted(FORMATS)
    assert any(line.startswith("--xslt") for line in lines)


@pytest.mark.parametrize("fmt", XSLT_FORMATS)
def test_convert_to_each_format_from_the_cli(fmt, tmp_path):
    out = tmp_path / f"out{STYLESHEETS[fmt][1]}"
    result = run("convert", EXAMPLE_FILES[0], "--to", fmt, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == EXAMPLE_FILES[0].with_suffix(STYLESHEETS[fmt][1]).read_bytes()


def test_users_stylesheet_with_params(tmp_path):
    mine = tmp_path / "mine.xsl"
    mine.write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"'
        ' xmlns:r="urn:x-prconvert:release:1"><xsl:output method="text"/><xsl:param name="greeting" select="\'Hi\'"/>'
        '<xsl:template match="/"><xsl:value-of select="concat($greeting, \' \', //r:release_number)"/></xsl:template>'
        "</xsl:stylesheet>")
    result = run("convert", EXAMPLE_FILES[0], "--xslt", mine, "--param", "greeting=Hello 'there\"")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Hello 'there\" 2004-01".encode()


def test_users_stylesheet_may_import_a_builtin_and_override_a_template(tmp_path):
    mine = tmp_path / "mine.xsl"
    mine.write_text('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                    '<xsl:import href="prconvert:text.xsl"/><xsl:template name="provenance">(mine)</xsl:template>'
                    "</xsl:stylesheet>")
    result = run("convert", EXAMPLE_FILES[0], "--xslt", mine)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(b"(mine)") and b"AMERICAN LOCKER" in result.stdout


BROKEN = {
    "not-xml": ("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>\n"
                "<xsl:template match='/'>\n</xsl:templat>\n</xsl:stylesheet>", 3, "not well-formed"),
    "bad-xpath": ("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>\n"
                  "<xsl:template match='/'>\n\n<xsl:value-of select='concat(1,'/>\n</xsl:template>\n</xsl:stylesheet>",
                  4, "Invalid"),
    "unknown-instruction": ("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>\n"
                            "<xsl:template match='/'>\n<xsl:bogus/>\n</xsl:template>\n</xsl:stylesheet>", 3, "bogus"),
    "reads-a-file": ("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>\n"
                     "<xsl:template match='/'>\n<xsl:copy-of select=\"document('/etc/passwd')\"/>\n"
                     "</xsl:template>\n</xsl:stylesheet>", 3, "read for /etc/passwd refused"),
    "writes-a-file": ("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
                      " xmlns:exsl='http://exslt.org/common' extension-element-prefixes='exsl'>\n"
                      "<xsl:template match='/'>\n<exsl:document href='{OUT}' method='text'>x</exsl:document>\n"
                      "</xsl:template>\n</xsl:stylesheet>", 3, "write for"),
    "reads-the-network": ("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>\n"
                          "<xsl:template match='/'>\n<xsl:copy-of select=\"document('http://127.0.0.1:9/x')\"/>\n"
                          "</xsl:template>\n</xsl:stylesheet>", 3, "refused"),
    "imports-outside-xslt": ("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>\n"
                             "<xsl:import href='/etc/passwd'/>\n</xsl:stylesheet>", 2, "may not read /etc/passwd"),
    "imports-by-dots": ("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>\n\n"
                        "<xsl:include href='prconvert:../converter/cli.py'/>\n</xsl:stylesheet>", 3, "may not read"),
}


@pytest.mark.parametrize("name", BROKEN)
def test_broken_or_forbidden_stylesheet_is_reported_at_its_line(name, tmp_path):
    source, line, words = BROKEN[name]
    written = tmp_path / "written.txt"
    mine = tmp_path / "mine.xsl"
    mine.write_text(source.replace("{OUT}", str(written)))
    result = run("convert", EXAMPLE_FILES[0], "--xslt", mine, "-o", tmp_path / "out.txt")
    assert result.returncode == 1
    message = result.stderr.decode().strip()
    assert len(message.splitlines()) == 1 and f"mine.xsl:{line}:" in message and words in message, message
    assert not written.exists() and not (tmp_path / "out.txt").exists()


def test_stylesheet_entities_and_dtds_are_not_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("s3cret")
    mine = tmp_path / "mine.xsl"
    mine.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>\n'
                    '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                    '<xsl:output method="text"/><xsl:template match="/">[&e;]</xsl:template></xsl:stylesheet>')
    result = run("convert", EXAMPLE_FILES[0], "--xslt", mine)
    assert b"s3cret" not in result.stdout + result.stderr


def test_param_needs_an_xslt_format_and_a_name():
    assert run("convert", EXAMPLE_FILES[0], "--param", "x=1").returncode == 2  # json
    assert run("convert", EXAMPLE_FILES[0], "--to", "text", "--param", "novalue").returncode == 2
    assert run("convert", EXAMPLE_FILES[0], "--to", "text", "--xslt", "x.xsl").returncode == 2
    narrow = run("convert", EXAMPLE_FILES[0], "--to", "text", "--param", "width=40")
    assert narrow.returncode == 0 and max(map(len, narrow.stdout.decode().splitlines())) <= 40


@pytest.mark.parametrize("param, told", [
    ("width=0", "width must be a whole number from 20 to 1000, not '0'"),
    ("width=abc", "width must be a whole number from 20 to 1000, not 'abc'"),
    ("widht=60", "--to text takes no parameter 'widht' (it takes header-width, label-width, width)"),
])
def test_a_built_in_format_refuses_a_parameter_it_cannot_use(param, told):
    result = run("convert", EXAMPLE_FILES[0], "--to", "text", "--param", param)
    assert (result.returncode, result.stdout, result.stderr.decode()) == (2, b"", f"prconvert: {told}\n")
    assert run("convert", EXAMPLE_FILES[0], "--to", "text", "--param", "width=60").returncode == 0


def test_convert_batch_checks_a_built_in_format_s_parameters_before_converting(tmp_path):
    from converter import BatchOptions, TransformError, convert_batch, find_inputs

    inputs, _ = find_inputs([str(EXAMPLE_FILES[0])])
    with pytest.raises(TransformError, match="^--param: --to text takes no parameter 'widht'"):
        convert_batch(inputs, BatchOptions(to="text", out_dir=tmp_path / "out", params={"widht": "60"}, jobs=1))
    assert not (tmp_path / "out").exists()
