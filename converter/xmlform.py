"""Stage 5: the canonical XML, element for element the JSON record, in the project's namespace.

Absent values are absent elements; lists are container elements (present even when empty);
``lines`` is ``<lines first=".." last=".."/>``; a null table value is ``<value nil="true"/>``.
"""
from __future__ import annotations

import typing
from collections.abc import Callable
from functools import cache

import attrs
from lxml import etree
from lxml.etree import SubElement

from .records import Release
from .structure import ITEM_NAMES, field_types, is_lines, is_record, is_sequence, item_type, unwrap_optional

NAMESPACE = "urn:x-prconvert:release:1"
_NS = f"{{{NAMESPACE}}}"


def release_to_xml(release: Release) -> etree._Element:
    root = etree.Element(_NS + "release", nsmap={None: NAMESPACE})
    _fill(root, release)
    return root


def xml_bytes(release: Release) -> bytes:
    return etree.tostring(release_to_xml(release), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def release_from_xml(root: etree._Element) -> Release:
    return _read_record(Release, root)


def _fill(parent, record) -> None:
    for name, write in _writers(type(record)):
        value = getattr(record, name)
        if value is not None:
            write(parent, value)


@cache
def _writers(cls) -> tuple[tuple[str, Callable], ...]:
    """Each field of a ``cls`` record and the function writing its element, made once per class from
    the type hints: asked of the hints for every value, the walk cost more than the conversion."""
    hints = field_types(cls)
    return tuple((f.name, _writer(f.name, hints[f.name])) for f in attrs.fields(cls))


def _writer(name: str, kind) -> Callable:
    """The function writing a value of ``kind`` as the element ``name`` under a parent."""
    kind, _ = unwrap_optional(kind)
    tag = _NS + name
    if is_lines(kind):
        def write(parent, value):
            SubElement(parent, tag, first=str(value[0]), last=str(value[1]))
    elif is_sequence(kind):
        item_tag, write_item = _NS + ITEM_NAMES[name], _writer(ITEM_NAMES[name], item_type(kind))

        def write(parent, value):
            container = SubElement(parent, tag)
            for item in value:
                if item is None:
                    SubElement(container, item_tag, nil="true")
                else:
                    write_item(container, item)
    elif is_record(kind):
        def write(parent, value):
            _fill(SubElement(parent, tag), value)
    elif str in _members(kind):
        def write(parent, value):
            element = SubElement(parent, tag)
            element.text = value if type(value) is str else _text(value)
            if isinstance(value, (int, float)):  # a number in a field that may hold text says so
                element.set("type", "number")
    else:
        def write(parent, value):
            SubElement(parent, tag).text = _text(value)
    return write


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _members(kind) -> tuple:
    return typing.get_args(kind) or (kind,)


def _read_record(cls, element):
    hints = field_types(cls)
    kwargs = {}
    for f in attrs.fields(cls):
        child = element.find(_NS + f.name)
        if child is not None:
            kwargs[f.name] = _read(hints[f.name], child, f.name)
        elif f.default is attrs.NOTHING:
            kwargs[f.name] = None
    return cls(**kwargs)


def _read(kind, element, name: str):
    kind, _ = unwrap_optional(kind)
    if element.get("nil") == "true":
        return None
    if is_lines(kind):
        return (int(element.get("first")), int(element.get("last")))
    if is_sequence(kind):
        return tuple(_read(item_type(kind), child, ITEM_NAMES[name]) for child in element)
    if is_record(kind):
        return _read_record(kind, element)
    return _scalar(kind, element.text or "", element.get("type"))


def _scalar(kind, text: str, declared: str | None):
    members = _members(kind)
    if str in members and declared != "number":
        return text
    if int in members and float not in members:
        return int(text)
    if float in members or int in members:
        return float(text) if any(c in text for c in ".eE") or text in ("inf", "nan") else int(text)
    return text
