"""Every record validates, and its JSON and XML read back into an equal record."""
from __future__ import annotations

import json

import pytest
from lxml import etree

from converter import convert_path, release_from_dict, release_from_xml, release_to_dict, release_to_xml
from converter.resources import resource_path
from converter.validation import validate_record

from .conftest import EXAMPLE_FILES, VARIANT_FILES, corpus_params

XSD = etree.XMLSchema(etree.parse(str(resource_path("schemas", "release.xsd"))))
FILES = [pytest.param(p, id=p.name) for p in EXAMPLE_FILES + VARIANT_FILES] + corpus_params()


@pytest.mark.parametrize("path", FILES)
def test_round_trip(path):
    for release in convert_path(path):
        data = release_to_dict(release)
        validate_record(data)
        assert release_from_dict(json.loads(json.dumps(data))) == release
        xml = etree.fromstring(etree.tostring(release_to_xml(release)))
        assert XSD.validate(xml), XSD.error_log
        assert release_from_xml(xml) == release


def test_schema_describes_every_field():
    schema = json.loads(resource_path("schemas", "release.schema.json").read_text())

    def walk(node, where):
        if isinstance(node, dict):
            if "properties" in node:
                for name, child in node["properties"].items():
                    assert "description" in child or "$ref" in child, f"{where}.{name} has no description"
            for key, child in node.items():
                walk(child, f"{where}.{key}")

    walk(schema, "schema")


def test_xsd_matches_the_records():
    from .xsd_from_records import render

    assert resource_path("schemas", "release.xsd").read_text() == render(), (
        "schemas/release.xsd is out of date: python -m tests.xsd_from_records > schemas/release.xsd"
    )
