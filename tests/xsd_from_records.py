"""Build schemas/release.xsd from the records, so the XSD cannot drift from them.

Regenerate after changing converter/records.py:  python -m tests.xsd_from_records > schemas/release.xsd
"""
import typing, attrs
from converter import records
from converter.structure import field_types, unwrap_optional, is_lines, is_sequence, is_record, item_type, ITEM_NAMES
XS = "http://www.w3.org/2001/XMLSchema"
out = []
types_done = {}
def scalar(kind):
    args = typing.get_args(kind) or (kind,)
    if str in args and len(args) > 1: return "NumberOrText"
    if str in args: return "Text"
    if float in args: return "xs:double"
    if int in args: return "xs:integer"
    return "Text"
def element(name, kind, optional, indent="      "):
    kind, opt = unwrap_optional(kind)
    occurs = ' minOccurs="0"' if (opt or optional) else ''
    if is_lines(kind):
        return f'{indent}<xs:element name="{name}" type="Lines"{occurs}/>'
    if is_sequence(kind):
        item = item_type(kind)
        tname = f"{name.title().replace('_','')}List"
        item_kind, item_opt = unwrap_optional(item)
        if is_record(item_kind):
            itype = complex_type(item_kind)
        else:
            itype = "NullableNumber" if item_opt else scalar(item_kind)
        types_done.setdefault(tname, f'''  <xs:complexType name="{tname}">
    <xs:sequence>
      <xs:element name="{ITEM_NAMES[name]}" type="{itype}" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>''')
        return f'{indent}<xs:element name="{name}" type="{tname}"{occurs}/>'
    if is_record(kind):
        return f'{indent}<xs:element name="{name}" type="{complex_type(kind)}"{occurs}/>'
    return f'{indent}<xs:element name="{name}" type="{scalar(kind)}"{occurs}/>'
def complex_type(cls):
    name = cls.__name__
    if name in types_done: return name
    types_done[name] = None
    hints = field_types(cls)
    els = [element(f.name, hints[f.name], f.default is not attrs.NOTHING and f.default is None) for f in attrs.fields(cls)]
    body = "\n".join(els)
    types_done[name] = f'''  <xs:complexType name="{name}">
    <xs:sequence>
{body}
    </xs:sequence>
  </xs:complexType>'''
    return name
def render():
    types_done.clear()
    complex_type(records.Release)
    parts = [f'''<?xml version="1.0" encoding="UTF-8"?>
<!-- The canonical XML of a prconvert release record. It mirrors the JSON record element for
     element (see release.schema.json for what each field means): absent values are absent
     elements, lists are container elements, lines are <lines first=".." last=".."/>, and a
     null table value is <value nil="true"/>. Several releases in one file sit in <releases>. -->
<xs:schema xmlns:xs="{XS}" targetNamespace="urn:x-prconvert:release:1"
           xmlns="urn:x-prconvert:release:1" elementFormDefault="qualified">
  <xs:element name="release" type="Release"/>
  <xs:element name="releases">
    <xs:complexType>
      <xs:sequence>
        <xs:element ref="release" maxOccurs="unbounded"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
  <xs:simpleType name="Text">
    <xs:restriction base="xs:string"><xs:minLength value="0"/></xs:restriction>
  </xs:simpleType>
  <xs:complexType name="Lines">
    <xs:attribute name="first" type="xs:positiveInteger" use="required"/>
    <xs:attribute name="last" type="xs:positiveInteger" use="required"/>
  </xs:complexType>
  <xs:complexType name="NullableNumber">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute name="nil" type="xs:boolean"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="NumberOrText">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute name="type" type="xs:string"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>''']
    parts += list(types_done.values())
    parts.append('</xs:schema>')
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(render(), end="")
