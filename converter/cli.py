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
from .output import FORMATS, write_atomic
from .pipeline import convert_bytes, read_input
from .reader import DEFAULT_MAX_BYTES
from .validation import release_schema

EXAMPLES = """examples:
  prconvert convert examples/000_9e0e0fb7cf4518a9.txt            JSON on stdout
  prconvert convert filing.txt --to xml -o filing.xml              canonical XML to a file
  cat release.txt | prconvert convert - --to json                  read stdin
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
    convert.add_argument("--to", choices=sorted(FORMATS), default="json", help="output format (default: json)")
    convert.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    _limits(convert)

    inspect = commands.add_parser("inspect", help="show how a release was segmented into blocks")
    inspect.add_argument("input", help="input file; - for stdin")
    _limits(inspect)

    schema = commands.add_parser("schema", help="print the JSON Schema of the record")
    schema.add_argument("--xsd", action="store_true", help="print the XML Schema of the canonical XML instead")

    commands.add_parser("formats", help="list the output formats")
    return parser


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
    data, name = _read(args)
    releases = convert_bytes(data, name, max_bytes=args.max_bytes)
    extension, serialize, _ = FORMATS[args.to]
    payload = serialize(releases)
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
    for name, (extension, _, description) in sorted(FORMATS.items()):
        print(f"{name:8} {extension:7} {description}")
    return 0


COMMANDS = {"convert": run_convert, "inspect": run_inspect, "schema": run_schema, "formats": run_formats}
