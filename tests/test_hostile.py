"""Hostile and broken input: fuzz findings kept as regressions, XML that tries entities, DTDs,
files and the network, output names that try to leave --out-dir, and release text full of markup
in every format. tests/HOSTILE.md lists each case and the test that guards it.
"""
from __future__ import annotations

import csv
import http.server
import io
import json
import os
import re
import socketserver
import subprocess
import sys
import threading
from pathlib import Path, PurePosixPath

import html5lib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import ConversionError, convert_bytes, convert_path
from converter.output import FORMATS
from converter.transform import TransformError, apply_stylesheet, load_stylesheet, safe_parser
from converter.xbrl import arelle_available

from .conftest import EXAMPLE_FILES, ROOT
from .fuzz.invariants import FORMAT_NAMES, check_input

REGRESSIONS = sorted((ROOT / "tests" / "fuzz" / "regressions").glob("*"))
TABLE_EXAMPLE = ROOT / "examples" / "010_nordal_instruments_1998.txt"
XSL_HEAD = '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'


def run_cli(*args, cwd=None, stdin=None):
    return subprocess.run([sys.executable, "-m", "converter", *map(str, args)], capture_output=True, cwd=cwd,
                          input=stdin, timeout=120, env={**os.environ, "SOURCE_DATE_EPOCH": "0"})


# --- fuzz findings ----------------------------------------------------------------------------

@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.name for p in REGRESSIONS])
def test_fuzz_regression(path, monkeypatch):
    """Inputs that once crashed or hung (see HOSTILE.md): every invariant holds, every format."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    check_input(path.read_bytes(), "regression.txt", FORMAT_NAMES)


def test_regressions_are_kept():
    assert len(REGRESSIONS) >= 7


# --- crashes found by hand ----------------------------------------------------------------------

def test_file_name_that_is_not_utf8_converts_to_every_format(tmp_path):
    """os.fsdecode turns undecodable bytes of a name into surrogates, which no encoder accepts."""
    name = os.fsdecode(b"caf\xe9 \x01.txt")
    path = tmp_path / name
    path.write_bytes(TABLE_EXAMPLE.read_bytes())
    releases = convert_path(path)
    assert releases[0].source.name == "caf\ufffd \ufffd.txt"
    for fmt in FORMAT_NAMES:
        FORMATS[fmt][1](releases)
    done = run_cli("convert", path, "--to", "html")
    assert done.returncode == 0 and b"Traceback" not in done.stderr


# --- XML the tool reads: stylesheets -------------------------------------------------------------

class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.end_headers()
        self.wfile.write(b'<?xml version="1.0"?><x>LEAKED-OVER-HTTP</x>')

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    """A live server on localhost that records every request made to it."""
    _Recorder.hits = []
    server = socketserver.TCPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.hits
    server.shutdown()
    server.server_close()


LAUGHS = "".join(
    f'<!ENTITY l{n} "{("&l%d;" % (n - 1)) * 10 if n else "ha" * 10}">' for n in range(10)
)


def hostile_stylesheets(base: str, secret: Path, written: Path) -> dict[str, str]:
    """name -> a stylesheet trying one way out; ``base`` is the recording server's URL."""
    text = "<xsl:output method='text'/><xsl:template match='/'>"
    return {
        "billion-laughs": f'<?xml version="1.0"?><!DOCTYPE x [{LAUGHS}]>{XSL_HEAD}{text}&l9;</xsl:template></xsl:stylesheet>',
        "external-entity-file": f'<!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>{XSL_HEAD}{text}[&e;]</xsl:template></xsl:stylesheet>',
        "external-entity-http": f'<!DOCTYPE x [<!ENTITY e SYSTEM "{base}/entity">]>{XSL_HEAD}{text}[&e;]</xsl:template></xsl:stylesheet>',
        "external-dtd-http": f'<!DOCTYPE x SYSTEM "{base}/dtd">{XSL_HEAD}{text}x</xsl:template></xsl:stylesheet>',
        "parameter-entity": f'<!DOCTYPE x [<!ENTITY % p SYSTEM "{base}/param"> %p;]>{XSL_HEAD}{text}x</xsl:template></xsl:stylesheet>',
        "document-file": f"{XSL_HEAD}{text}<xsl:copy-of select=\"document('{secret}')\"/></xsl:template></xsl:stylesheet>",
        "document-http": f"{XSL_HEAD}{text}<xsl:copy-of select=\"document('{base}/document')\"/></xsl:template></xsl:stylesheet>",
        "include-http": f"{XSL_HEAD}<xsl:include href='{base}/include.xsl'/></xsl:stylesheet>",
        "import-file": f"{XSL_HEAD}<xsl:import href='file://{secret}'/></xsl:stylesheet>",
        "import-dots": f"{XSL_HEAD}<xsl:import href='prconvert:../../../../../../{secret}'/></xsl:stylesheet>",
        "exsl-write": (f'<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" '
                       f'xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">{text}'
                       f"<exsl:document href='{written}' method='text'>x</exsl:document></xsl:template></xsl:stylesheet>"),
        "xinclude": (f'<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" '
                     f'xmlns:xi="http://www.w3.org/2001/XInclude"><xsl:output method="xml"/><xsl:template match="/">'
                     f'<out><xi:include href="{secret}" parse="text"/></out></xsl:template></xsl:stylesheet>'),
    }


STYLESHEET_CASES = list(hostile_stylesheets("http://x", Path("/s"), Path("/w")))


@pytest.mark.parametrize("name", STYLESHEET_CASES)
def test_hostile_stylesheet_reads_writes_and_fetches_nothing(name, tmp_path, http_server):
    base, hits = http_server
    secret, written = tmp_path / "secret.txt", tmp_path / "written.txt"
    secret.write_text("S3CRET-FILE-CONTENT")
    mine = tmp_path / "mine.xsl"
    mine.write_text(hostile_stylesheets(base, secret, written)[name])
    done = run_cli("convert", EXAMPLE_FILES[0], "--xslt", mine, "-o", tmp_path / "out.txt")
    produced = (tmp_path / "out.txt").read_bytes() if (tmp_path / "out.txt").exists() else b""
    everything = done.stdout + done.stderr + produced
    assert hits == [], f"the stylesheet made requests: {hits}"
    assert b"S3CRET" not in everything and b"LEAKED" not in everything
    assert b"haha" * 100 not in everything  # no entity expansion
    assert not written.exists()
    assert b"Traceback" not in done.stderr
    if done.returncode != 0:
        assert done.returncode == 1 and len(done.stderr.decode().strip().splitlines()) == 1


def test_the_parser_for_stylesheets_is_safe():
    options = safe_parser()
    root = etree.fromstring(f'<!DOCTYPE x [{LAUGHS}]><x>&l2;</x>'.encode(), options)
    assert "haha" not in "".join(root.itertext())  # entities stay unexpanded references


def test_billion_laughs_in_a_stylesheet_is_an_error_not_a_hang(tmp_path):
    mine = tmp_path / "laughs.xsl"
    mine.write_text(hostile_stylesheets("http://x", tmp_path, tmp_path)["billion-laughs"])
    with pytest.raises(TransformError):
        stylesheet = load_stylesheet(mine)
        apply_stylesheet(stylesheet, etree.fromstring(b"<x/>"))


# --- XML the tool reads: `prconvert validate` ----------------------------------------------------

INSTANCE = """<?xml version="1.0"?>{doctype}
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:prc="http://prconvert.example/taxonomy/1.0">
<link:schemaRef xlink:type="simple" xlink:href="http://prconvert.example/taxonomy/1.0/prconvert.xsd"/>
<xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:instant>2004-01-05</xbrli:instant></xbrli:period></xbrli:context>
<prc:Headline contextRef="c">{value}</prc:Headline>
</xbrli:xbrl>
"""


def hostile_instances(base: str, secret: Path) -> dict[str, str]:
    return {
        "external-entity-file": INSTANCE.format(doctype=f'<!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>', value="&e;"),
        "external-entity-http": INSTANCE.format(doctype=f'<!DOCTYPE x [<!ENTITY e SYSTEM "{base}/e">]>', value="&e;"),
        "external-dtd-http": INSTANCE.format(doctype=f'<!DOCTYPE x SYSTEM "{base}/dtd">', value="x"),
        "billion-laughs": INSTANCE.format(doctype=f"<!DOCTYPE x [{LAUGHS}]>", value="&l9;"),
    }


@pytest.mark.parametrize("name", list(hostile_instances("http://x", Path("/s"))))
def test_validate_refuses_instances_with_a_doctype(name, tmp_path, http_server):
    """Instances go to Arelle as files: prconvert refuses DTDs and entities before Arelle parses."""
    base, hits = http_server
    secret = tmp_path / "secret.txt"
    secret.write_text("S3CRET-FILE-CONTENT")
    evil = tmp_path / "evil.xbrl"
    evil.write_text(hostile_instances(base, secret)[name])
    done = run_cli("validate", evil)
    assert done.returncode == 1 and hits == []
    assert b"S3CRET" not in done.stdout + done.stderr and b"Traceback" not in done.stderr
    if arelle_available():
        assert b"evil.xbrl" in done.stderr and (b"DOCTYPE" in done.stderr or b"not well-formed" in done.stderr)


@pytest.mark.skipif(not arelle_available(), reason="Arelle is not installed")
def test_validate_still_checks_a_plain_instance(tmp_path):
    plain = tmp_path / "plain.xbrl"
    plain.write_bytes(run_cli("convert", TABLE_EXAMPLE, "--to", "xbrl").stdout)
    done = run_cli("validate", plain)
    assert done.returncode == 0, done.stdout + done.stderr


# --- output names that try to leave --out-dir ----------------------------------------------------

HOSTILE_NAMES = ["../escape", "..", ".", "/etc/passwd", "a/../../b", "nul\0byte", "new\nline", "back\\slash",
                 "x" * 400, "é" * 200, os.fsdecode(b"caf\xe9"), "-rf", "con", ".hidden", "*?<>|:\"", " ", ""]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=[repr(n)[:40] for n in HOSTILE_NAMES])
def test_output_stem_stays_inside_and_is_a_valid_name(name):
    from converter.layout import MAX_NAME_BYTES, output_stem

    for relative in (PurePosixPath(name) if name else PurePosixPath(), PurePosixPath("sub", name or "_")):
        stem = output_stem(relative)
        assert not stem.is_absolute() and stem.parts
        for part in stem.parts:
            assert part not in ("", ".", "..") and not part.startswith(".")
            assert not set(part) & set('/\\\0\n:*?"<>|')
            assert len(part.encode("utf-8")) <= MAX_NAME_BYTES  # encodes: no surrogates left
        resolved = (Path("/out") / f"{stem}.json").resolve()
        assert resolved.is_relative_to("/out")


def _files_below(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def test_batch_writes_nothing_outside_out_dir(tmp_path):
    """Inputs named to escape, listed by relative and absolute paths, with EDGAR names that try too."""
    source = tmp_path / "in"
    (source / "sub").mkdir(parents=True)
    text = TABLE_EXAMPLE.read_bytes()
    edgar = ("<DOCUMENT>\n<TYPE>EX-99.1/../../../../escape\n<SEQUENCE>1\n<FILENAME>../../../../../tmp/escape.txt\n"
             "<DESCRIPTION>../../x\n<TEXT>\n").encode() + text + b"\n</TEXT>\n</DOCUMENT>\n"
    names = [b"plain.txt", b"..dots.txt", b"-rf.txt", b"new\nline.txt", b"caf\xe9.txt", b"x" * 250 + b".txt",
             b"back\\slash.txt", b"colon:star*.txt"]
    for name in names:
        (source / os.fsdecode(name)).write_bytes(text)
    (source / "sub" / "edgar.txt").write_bytes(edgar)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(text)
    listing = tmp_path / "list.txt"
    listing.write_text(f"../outside.txt\n{outside}\nin/sub/../../outside.txt\n")
    out = tmp_path / "out"
    before = _files_below(tmp_path)
    done = run_cli("convert", source, "--files-from", listing, "--include", "*", "--out-dir", out, "--jobs", "1",
                   cwd=tmp_path)
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    created = _files_below(tmp_path) - before
    assert created and all(path.resolve().is_relative_to(out.resolve()) for path in created), created
    assert all(len(part.encode()) <= 255 for path in created for part in path.relative_to(out).parts)
    assert not any(part.startswith(".") or part == ".." for path in created for part in path.relative_to(out).parts)
    assert not (tmp_path / "escape").exists() and not Path("/tmp/escape.txt").exists()


# --- release text full of markup, in every format -----------------------------------------------

MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "]]>", "<![CDATA[", "&amp;", "&lt;",
          "&#0;", "&bogus;", "<!--", "-->", "<?xml version='1.0'?>", "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>",
          "\"", "'", "`", "*", "_", "#", "|", "\\", "[link](http://127.0.0.1:9/x)", "![img](http://127.0.0.1:9/i.png)",
          "<http://127.0.0.1:9/>", "=HYPERLINK(\"http://127.0.0.1:9/\")", "+1-212-555", "@SUM(A1)", "{{x}}", "${x}",
          "<a href='javascript:alert(1)'>x</a>", "<iframe src=//127.0.0.1:9>", "javascript:alert(1)",
          "mailto:x@y.z?body=<script>", "\u202e", "\u00a0", "\u2028", "\ufeff", "日本語", "😀"]
markup_text = st.lists(st.one_of(st.sampled_from(MARKUP), st.text(alphabet=st.characters(codec="utf-8",
                                                                                          exclude_categories=["Cs", "Cc"]),
                                                                    max_size=8)), min_size=1, max_size=6).map(" ".join)


def release_with(hostile: list[str]) -> bytes:
    """A release whose headline, body, contact, table label and ticker line carry ``hostile`` text."""
    a, b, c, d, e = (hostile * 5)[:5]
    return "\n".join([
        "Exhibit 99.1", "", f"ACME {a.upper()} REPORTS", "",
        f"NEW YORK--(BUSINESS WIRE)--Jan. 5, 2004--Acme {b} Corp. (NASDAQ:ACME) today said revenue rose {c}.", "",
        f"Acme said {d} and more.", "",
        "                          Three Months Ended", "                          2004        2003",
        f"{e[:30]:<23}$ 1,234     $ 1,100", "Net income (loss)         (12)          --", "",
        f"CONTACT: Jane Roe {a}, 212/555-0100, jane@acme.example", "",
    ]).encode("utf-8")


def assert_no_injected_markup(fmt: str, payload: bytes) -> None:
    text = payload.decode("utf-8")
    if fmt in ("xml", "xbrl", "ixbrl", "atom"):
        root = etree.fromstring(payload, safe_parser())
        names = {etree.QName(e).localname.lower() for e in root.iter() if isinstance(e.tag, str)}
        assert not names & {"script", "img", "iframe", "a"} or fmt == "ixbrl" and "script" not in names
        assert not [e for e in root.iter() if isinstance(e, etree._Entity)]
        for element in root.iter():
            for attribute, value in element.attrib.items():
                assert not attribute.lower().startswith("on"), attribute
                if attribute in ("href", "src"):
                    assert value.startswith(("mailto:", "#", "http://prconvert.example/", "http://www.xbrl.org/")), value
    elif fmt == "html":
        document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(payload)
        assert document.findall(".//script") == [] and document.findall(".//img") == []
        assert document.findall(".//iframe") == []
        for element in document.iter():
            for attribute, value in element.attrib.items():
                assert not attribute.lower().startswith("on"), attribute
                if attribute in ("href", "src"):
                    assert value.startswith(("mailto:", "#")), value
    elif fmt == "md":
        prose = re.sub(r"^>( |$)", "", text.replace("\\\\", ""), flags=re.MULTILINE)
        assert not re.search(r"(?<!\\)[<>]", prose), "raw < or > in Markdown"
        assert not re.search(r"(?<!\\)\]\(", prose) and not re.search(r"(?<!\\)!\[", prose), "a Markdown link"
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        for row in rows[1:]:
            for index in (1, 8, 9):  # label, issuer, release number: text from the release
                assert not row[index][:1] in ("=", "+", "-", "@", "\t", "\r"), row[index]
    elif fmt == "json":
        json.loads(payload)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(markup_text, min_size=1, max_size=5))
def test_markup_in_the_release_is_text_in_every_format(monkeypatch, hostile):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    try:
        releases = convert_bytes(release_with(hostile), "hostile.txt")
    except ConversionError:
        return
    for fmt in FORMAT_NAMES:
        assert_no_injected_markup(fmt, FORMATS[fmt][1](releases))


def test_every_markup_fragment_at_once(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    releases = convert_bytes(release_with([" ".join(MARKUP[i:i + 8]) for i in range(0, len(MARKUP), 8)]), "all.txt")
    assert releases[0].tables, "the hostile label must reach a table"
    for fmt in FORMAT_NAMES:
        assert_no_injected_markup(fmt, FORMATS[fmt][1](releases))


def test_csv_keeps_a_formula_as_text():
    """A row label and issuer that a spreadsheet would run as formulas stay text; numbers keep their sign."""
    import attrs

    release = convert_path(TABLE_EXAMPLE)[0]
    formula = '=HYPERLINK("http://127.0.0.1:9/")'
    table = release.tables[0]
    rows = tuple(attrs.evolve(row, label=formula) if row.concept == "Revenues" else row for row in table.rows)
    release = attrs.evolve(release, tables=(attrs.evolve(table, rows=rows),) + release.tables[1:],
                           issuer=attrs.evolve(release.issuer, name="@SUM(A1)"))
    written = list(csv.DictReader(io.StringIO(FORMATS["csv"][1]([release]).decode(), newline="")))
    assert "'" + formula in [row["label"] for row in written]
    assert {row["issuer"] for row in written} == {"'@SUM(A1)"}
    assert any(row["value"].startswith("-") for row in written)


# --- text long enough to exhaust libxslt's 3,000 nested template calls ----------------------------

def _deep_cases() -> dict:
    import attrs

    base = convert_path(TABLE_EXAMPLE)[0]
    table = base.tables[0]

    def with_label(label):
        rows = tuple(attrs.evolve(row, label=label) if row.concept == "Revenues" else row for row in table.rows)
        return attrs.evolve(base, tables=(attrs.evolve(table, rows=rows),) + base.tables[1:])

    column = attrs.evolve(table.columns[0], label="y " * 4000)
    return {
        "label-of-3500-quotes": with_label('"' * 3500),  # csv doubles each quote
        "label-wrapping-to-4000-lines": with_label("abcdefghij " * 12_000),  # text: one call per line
        "column-header-of-4000-words": attrs.evolve(base, tables=(attrs.evolve(table, columns=(column,) + table.columns[1:]),)
                                                    + base.tables[1:]),  # text: one call per word
        "headline-of-5000-lines": attrs.evolve(base, headline="ACME " * 70_000),  # text: its rule, per line
        "issuer-of-3500-quotes": attrs.evolve(base, issuer=attrs.evolve(base.issuer, name='"' * 3500)),
    }


DEEP_CASES = list(_deep_cases())


@pytest.mark.parametrize("name", DEEP_CASES)
def test_long_text_renders_in_every_format(name, monkeypatch):
    """Templates that recursed once per line, word, quote or trailing space failed past 3,000 of
    them ("potential infinite template recursion"); they work through 1,000 characters at a time."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    release = _deep_cases()[name]
    for fmt in FORMAT_NAMES:
        FORMATS[fmt][1]([release])


@pytest.mark.parametrize("name", ["external-entity-file", "external-entity-http"])  # laughs: refused as it is parsed
def test_a_stylesheet_s_entity_is_refused_at_its_line_not_dropped(name, tmp_path):
    """Unexpanded, libxslt left the reference out of the output without a word."""
    mine = tmp_path / "mine.xsl"
    mine.write_text(hostile_stylesheets("http://x", tmp_path / "secret.txt", tmp_path / "w.txt")[name])
    done = run_cli("convert", EXAMPLE_FILES[0], "--xslt", mine)
    assert done.returncode == 1 and done.stdout == b""
    assert done.stderr.decode() == (f"prconvert: {mine}:1: entity &e; is not expanded (stylesheets are read "
                                    "without DTDs): write its text instead\n")
