"""The ``prconvert`` command: a thin layer over the Python API.

Exit codes: 0 converted, 1 an input could not be converted (or its output not written), 2 bad usage.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .errors import ConversionError
from .inspect import render_blocks
from .output import FORMATS, releases_to_xml, write_atomic
from .pipeline import convert_bytes, read_input
from .reader import DEFAULT_MAX_BYTES
from .transform import PARAM_NAME, STYLESHEETS, apply_stylesheet, load_stylesheet
from .validation import release_schema

EXAMPLES = """examples:
  prconvert convert examples/000_9e0e0fb7cf4518a9.txt            JSON on stdout
  prconvert convert filing.txt --to xml -o filing.xml              canonical XML to a file
  cat release.txt | prconvert convert - --to json                  read stdin
  prconvert convert release.txt --to html -o release.html          a web page (prconvert formats: all formats)
  prconvert convert release.txt --xslt mine.xsl --param lang=de    your own XSLT 1.0 over the canonical XML
  prconvert inspect filing.txt                                     how the text was segmented
  prconvert schema > release.schema.json                           the JSON Schema of the record
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prconvert",
        description="Turn plain-text (EDGAR) press releases into validated records: JSON, XML and more.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"prconvert {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser("convert", help="convert one input file", epilog=EXAMPLES,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    convert.add_argument("input", help="a release, an EDGAR <DOCUMENT> or a full submission (.txt or .gz); - for stdin")
    convert.add_argument("-o", "--output", help="output file (default: stdout; - for stdout)")
    target = convert.add_mutually_exclusive_group()
    target.add_argument("--to", choices=sorted(FORMATS), default="json", help="output format (default: json)")
    target.add_argument("--xslt", metavar="FILE",
                        help="apply your XSLT 1.0 stylesheet to the canonical XML (no file or network access)")
    convert.add_argument("--param", metavar="NAME=VALUE", type=_param, action="append", default=[],
                         help="a string parameter for the stylesheet (--xslt or an XSLT format); repeatable")
    convert.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    _limits(convert)

    inspect = commands.add_parser("inspect", help="show how a release was segmented into blocks")
    inspect.add_argument("input", help="input file; - for stdin")
    _limits(inspect)

    schema = commands.add_parser("schema", help="print the JSON Schema of the record")
    schema.add_argument("--xsd", action="store_true", help="print the XML Schema of the canonical XML instead")

    commands.add_parser("formats", help="list the output formats")

    validate = commands.add_parser("validate", help="check XBRL instances with Arelle, offline (needs arelle-release)")
    validate.add_argument("input", nargs="+", help="an XBRL instance (convert --to xbrl), or a release to convert and check")
    _limits(validate)
    return parser


def _param(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not equals or not PARAM_NAME.match(name):
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE with NAME an XML name, got {text!r}")
    return name, value


def _limits(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                        help=f"refuse inputs larger than this (default: {DEFAULT_MAX_BYTES:,})")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ConversionError as error:
        print(f"prconvert: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1


def _read(args) -> tuple[bytes, str]:
    if args.input == "-":
        return sys.stdin.buffer.read(args.max_bytes + 1), "-"
    path = Path(args.input)
    if not path.is_file():
        raise ConversionError("no such file", args.input)
    try:
        return read_input(path, args.max_bytes), path.name
    except OSError as error:
        raise ConversionError(f"cannot read: {error.strerror}", args.input) from None


def run_convert(args) -> int:
    params = dict(args.param)
    if params and not args.xslt and args.to not in STYLESHEETS:
        print(f"prconvert: --param needs --xslt or an XSLT format, not --to {args.to}", file=sys.stderr)
        return 2
    stylesheet = load_stylesheet(args.xslt) if args.xslt else None
    data, name = _read(args)
    releases = convert_bytes(data, name, max_bytes=args.max_bytes)
    if stylesheet is not None:
        payload = apply_stylesheet(stylesheet, releases_to_xml(releases), params, source=args.xslt)
    else:
        extension, serialize, _ = FORMATS[args.to]
        payload = serialize(releases, params) if params else serialize(releases)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    else:
        write_atomic(Path(args.output), payload, overwrite=args.overwrite)
    for release in releases:
        for warning in release.warnings:
            where = f":{warning.line}" if warning.line else ""
            print(f"prconvert: {name}{where}: warning: {warning.code}: {warning.message}", file=sys.stderr)
    return 0


def run_inspect(args) -> int:
    from .edgar import read_submission
    from .reader import decode_bytes

    data, name = _read(args)
    releases = convert_bytes(data, name, max_bytes=args.max_bytes)
    documents = {d.document: d.lines for d in read_submission(decode_bytes(data, args.max_bytes).lines).documents}
    for release in releases:
        sys.stdout.write(render_blocks(release, documents.get(release.source.document, ())))
    return 0


def run_schema(args) -> int:
    if args.xsd:
        from .resources import resource_path

        sys.stdout.write(resource_path("schemas", "release.xsd").read_text(encoding="utf-8"))
    else:
        sys.stdout.write(json.dumps(release_schema(), indent=2) + "\n")
    return 0


def run_formats(args) -> int:
    width = max(len(extension) for extension, _, _ in FORMATS.values())
    for name, (extension, _, description) in sorted(FORMATS.items()):
        print(f"{name:8} {extension:{width}} {description}")
    print(f"{'--xslt':8} {'':{width}} your own XSLT 1.0 stylesheet over the canonical XML (with --param NAME=VALUE)")
    return 0


def run_validate(args) -> int:
    from .xbrl import validate_paths

    return validate_paths(args.input, max_bytes=args.max_bytes)


COMMANDS = {"convert": run_convert, "inspect": run_inspect, "schema": run_schema, "formats": run_formats,
            "validate": run_validate}
