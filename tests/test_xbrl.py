"""XBRL instances validated as a user would: Arelle, offline, with the shipped taxonomy package.

One Arelle run checks every instance (the examples, the variants and corpus releases with
tables); each must load with zero errors, warnings and inconsistencies.
"""
from __future__ import annotations

import io
import zipfile

import pytest

from converter import convert_path
from converter import xbrl
from converter.output import FORMATS

from . import taxonomy_from_concepts
from .conftest import CORPUS_FILES, EXAMPLE_FILES, VARIANT_FILES

XBRLI = "{http://www.xbrl.org/2003/instance}"
PRC = "{http://prconvert.example/taxonomy/1.0}"
arelle = pytest.mark.skipif(not xbrl.arelle_available(), reason="Arelle is not installed: pip install arelle-release")


def _sources():
    files = EXAMPLE_FILES + VARIANT_FILES + CORPUS_FILES
    return [path for path in files if any(release.tables for release in convert_path(path))]


@pytest.fixture(scope="module")
def instances(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xbrl")
    found = {}
    for path in _sources():
        for number, release in enumerate(convert_path(path)):
            if release.tables:
                target = folder / f"{path.stem}-{number}.xbrl"
                target.write_bytes(FORMATS["xbrl"][1]([release]))
                found[target] = release
    return found


@pytest.fixture(scope="module")
def arelle_messages(instances):
    return xbrl.validate_xbrl(*instances)


def test_taxonomy_files_match_the_concept_map():
    for name, build in taxonomy_from_concepts.FILES.items():
        shipped = (taxonomy_from_concepts.FOLDER / name).read_text(encoding="utf-8")
        assert shipped == build(), f"{name} is stale: run python -m tests.taxonomy_from_concepts"


def test_taxonomy_package_layout(tmp_path):
    package = xbrl.write_taxonomy_package(tmp_path / "p.zip")
    names = zipfile.ZipFile(package).namelist()
    assert {"prconvert-taxonomy/META-INF/taxonomyPackage.xml", "prconvert-taxonomy/META-INF/catalog.xml",
            "prconvert-taxonomy/1.0/prconvert.xsd"} <= set(names)
    assert xbrl.write_taxonomy_package(tmp_path / "q.zip").read_bytes() == package.read_bytes()


def test_the_corpus_and_examples_give_instances(instances):
    assert len(instances) >= 8 if CORPUS_FILES else len(instances) >= 2


@arelle
def test_arelle_finds_no_error_in_any_instance(instances, arelle_messages):
    assert len(arelle_messages) >= len(instances)
    problems = {path.name: arelle_messages.get(str(path.resolve()), ["not validated"]) for path in instances}
    assert {name: found for name, found in problems.items() if found} == {}
    assert not arelle_messages.get("(run)")


def test_every_fact_of_the_record_is_in_the_instance(instances):
    for path, release in instances.items():
        root = xbrl.instance_root(path.read_bytes())
        facts = [e for e in root if e.tag.startswith(PRC)]
        contexts = {e.get("id"): e for e in root.iter(f"{XBRLI}context")}
        cover = [e for e in facts if e.get("unitRef") is None]
        assert len(facts) - len(cover) == len(release.facts), path.name
        assert all(e.get("contextRef") in contexts for e in facts)
        for element, fact in zip([e for e in facts if e.get("unitRef")], release.facts):
            assert element.tag == PRC + fact.concept and float(element.text) == fact.value
            assert element.get("unitRef") == fact.unit and int(element.get("decimals")) == fact.decimals


def test_entity_is_the_cik_when_the_filing_header_gives_it(instances):
    for path, release in instances.items():
        root = xbrl.instance_root(path.read_bytes())
        schemes = {e.get("scheme") for e in root.iter(f"{XBRLI}identifier")}
        if release.source.filing and release.source.filing.cik:
            assert schemes == {"http://www.sec.gov/CIK"}
        elif release.securities:
            assert schemes == {"urn:x-prconvert:ticker"}


def test_cover_facts():
    release = convert_path(EXAMPLE_FILES[0].parent / "011_kestrel_bay_foods_2002.txt")
    root = xbrl.instance_root(FORMATS["xbrl"][1](release))
    cover = {e.tag[len(PRC):]: e.text for e in root if e.tag.startswith(PRC) and e.get("unitRef") is None}
    assert cover == {
        "DocumentType": "EX-99.1", "EntityRegistrantName": "Kestrel Bay Foods Corporation", "TradingSymbol": "KBFC",
        "SecurityExchangeName": "NASDAQ", "Headline": "Kestrel Bay Foods Reports Fiscal 2002 Fourth Quarter Results",
        "DatelineDate": "2002-08-14",
    }


@arelle
def test_prconvert_validate_reports_a_missing_unit(tmp_path, instances):
    good = next(iter(instances))
    broken = tmp_path / "broken.xbrl"
    data = good.read_bytes()
    broken.write_bytes(data.replace(b'<xbrli:unit id="USD">', b'<xbrli:unit id="USD-gone">', 1))
    out = io.StringIO()
    assert xbrl.validate_paths([str(good), str(broken)], out=out) == 1
    text = out.getvalue()
    assert f"{good}: valid" in text and f"{broken}: INVALID" in text
    assert "xbrl.4.6.2" in text  # a numeric fact without its unit


def test_prconvert_validate_says_how_to_install_arelle(monkeypatch, capsys):
    monkeypatch.setattr(xbrl, "arelle_available", lambda: False)
    assert xbrl.validate_paths(["x.xbrl"]) == 1
    assert "pip install arelle-release" in capsys.readouterr().err


def test_validate_reads_each_input_once_and_takes_an_instance_from_a_gz(tmp_path, instances, monkeypatch):
    import gzip

    from converter import pipeline
    from converter.errors import ConversionError

    good = next(iter(instances))
    zipped = tmp_path / "instance.xbrl.gz"
    zipped.write_bytes(gzip.compress(good.read_bytes()))
    read, real = [], pipeline.read_input
    monkeypatch.setattr(pipeline, "read_input", lambda path, limit: read.append(path) or real(path, limit))
    work = tmp_path / "work"
    work.mkdir()
    handed = xbrl._instance_of(zipped, work, None)  # Arelle reads no .gz: it gets the instance itself
    assert handed.parent == work and handed.read_bytes() == good.read_bytes() and read == [zipped]
    assert xbrl._instance_of(good, work, None) == good and read == [zipped, good]  # a plain file as it is
    release = EXAMPLE_FILES[0]
    expected = FORMATS["xbrl"][1](convert_path(release))  # (convert_path reads it too)
    read.clear()
    assert xbrl._instance_of(release, work, None).read_bytes() == expected and read == [release]
    hostile = tmp_path / "doctype.xbrl.gz"
    hostile.write_bytes(gzip.compress(b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e "x">]>\n'
                                      b'<xbrl xmlns="http://www.xbrl.org/2003/instance"/>\n'))
    with pytest.raises(ConversionError, match="DOCTYPE") as refused:
        xbrl._instance_of(hostile, work, None)
    assert refused.value.source == str(hostile)  # named as the user gave it, not as the copy
