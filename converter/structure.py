"""Generic walk between attrs records and plain data, driven by the records' type hints.

The JSON and XML forms both use it, so that the record, not each writer, decides the shape.
"""
from __future__ import annotations

import types
import typing
from functools import cache
from typing import Final

import attrs

from . import records

# List fields and the name of one of their items (used by the XML form).
ITEM_NAMES: Final = {
    "securities": "security", "contacts": "contact", "body": "paragraph", "risks": "risk",
    "tables": "table", "columns": "column", "rows": "row", "values": "value", "facts": "fact",
    "blocks": "block", "warnings": "warning",
}


@cache
def field_types(cls) -> dict[str, object]:
    return typing.get_type_hints(cls, vars(records))


def unwrap_optional(kind) -> tuple[object, bool]:
    """``X | None`` -> (X, True); anything else -> (kind, False)."""
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
        args = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        optional = len(args) < len(typing.get_args(kind))
        if len(args) == 1:
            return args[0], optional
        return typing.Union[tuple(args)], optional
    return kind, False


def is_lines(kind) -> bool:
    return typing.get_origin(kind) is tuple and typing.get_args(kind) == (int, int)


def is_sequence(kind) -> bool:
    return typing.get_origin(kind) is tuple and len(typing.get_args(kind)) == 2 and typing.get_args(kind)[1] is Ellipsis


def item_type(kind):
    return typing.get_args(kind)[0]


def is_record(kind) -> bool:
    return isinstance(kind, type) and attrs.has(kind)


_LEAVES: Final = (str, int, float, bool, type(None))


def to_plain(value):
    """A record as JSON-ready data: dicts, lists, str, int, float, None (records through their
    ``plain_form``)."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is tuple or kind is list:
        return [item if type(item) in _LEAVES else to_plain(item) for item in value]
    if attrs.has(kind):
        return plain_form(kind)(value)
    return value


@cache
def plain_form(cls):
    """A function giving ``to_plain`` of a ``cls`` record, written out from its type hints.

    It runs for every record twice (the schema check, then the writer), so like attrs' own
    generated methods it is made once per class as straight-line code: one dict display, a
    direct attribute read per field, nested records converted by their own such function.
    """
    hints, parts, names = field_types(cls), [], {"_to_plain": to_plain}
    for number, f in enumerate(attrs.fields(cls)):
        kind, _ = unwrap_optional(hints[f.name])
        read = f"record.{f.name}"
        if is_record(kind):
            names[f"_form{number}"] = plain_form(kind)
            value = f"None if {read} is None else _form{number}({read})"
        elif is_lines(kind) or (is_sequence(kind) and _is_leaf(item_type(kind))):
            value = f"None if {read} is None else list({read})"
        elif is_sequence(kind) and is_record(item_type(kind)):
            names[f"_form{number}"] = plain_form(item_type(kind))
            value = f"[_form{number}(item) for item in {read}]"
        elif _is_leaf(kind):
            value = read
        else:
            value = f"_to_plain({read})"
        parts.append(f"{f.name!r}: {value}")
    source = f"def plain(record):\n    return {{{', '.join(parts)}}}\n"
    exec(compile(source, f"<plain form of {cls.__name__}>", "exec"), names)  # noqa: S102 - our own names only
    return names["plain"]


def _is_leaf(kind) -> bool:
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
        return all(_is_leaf(arg) for arg in typing.get_args(kind))
    return kind in _LEAVES


def from_plain(cls, data: dict):
    """Build a record of ``cls`` from JSON-like data (the inverse of ``to_plain``)."""
    hints = field_types(cls)
    kwargs = {}
    for f in attrs.fields(cls):
        if f.name in data:
            kwargs[f.name] = _value(hints[f.name], data[f.name])
    return cls(**kwargs)


def _value(kind, data):
    kind, _ = unwrap_optional(kind)
    if data is None:
        return None
    if is_lines(kind):
        return (int(data[0]), int(data[1]))
    if is_sequence(kind):
        return tuple(_value(item_type(kind), item) for item in data)
    if is_record(kind):
        return from_plain(kind, data)
    return data
