"""The ``prconvert`` command: a thin layer over the Python API.

Exit codes: 0 converted, 1 an input could not be converted (or its output not written), 2 bad usage.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
from contextlib import nullcontext
from pathlib import Path

from . import __version__
from .batch import BatchOptions, ConsoleReporter, convert_batch
from .engines import ENGINES, dask_noise_kept_off_stderr
from .feeds import FEEDS
from .errors import ConversionError, one_line, reason
from .inspect import render_blocks
from .layout import DEFAULT_INCLUDE, find_inputs, read_file_list
from .output import FORMATS, file_target, releases_to_xml, remove_temporaries_of, what_is_in_the_way, write_output
from .pipeline import convert_bytes, read_input
from .reader import DEFAULT_MAX_BYTES
from .transform import PARAM_NAME, STYLESHEETS, apply_stylesheet, check_params, load_stylesheet
from .validation import release_schema

_GLOB = re.compile(r"[*?[]")


def build() -> str:
    """Which build converts: the optional mypyc one (README, "A compiled build") is a shared
    library per module, and falls back to the pure package when it cannot compile. Named by
    ``--version``, the test suite's header and the benchmarks."""
    from . import pipeline

    return "pure Python" if pipeline.__file__.endswith(".py") else "compiled by mypyc"

EXAMPLES = """examples:
  prconvert convert examples/000_9e0e0fb7cf4518a9.txt            JSON on stdout
  prconvert convert filing.txt --to xml -o filing.xml              canonical XML to a file
  cat release.txt | prconvert convert - --to json                  read stdin
  prconvert convert release.txt --to html -o release.html          a web page (prconvert formats: all formats)
  prconvert convert release.txt --xslt mine.xsl --param lang=de    your own XSLT 1.0 over the canonical XML
  prconvert convert archive/ more/*.txt.gz --out-dir out/          a file per release; run again to resume
  find archive -name '*.txt' | prconvert convert --files-from - --out-dir out --jobs 4 --errors errors.jsonl
  prconvert convert archive/ --to jsonl > releases.jsonl           one feed: jsonl, atom or csv
  prconvert convert archive/ --out-dir out --engine dask --scheduler tcp://host:8786   on a Dask cluster
  prconvert inspect filing.txt                                     how the text was segmented
  prconvert schema > release.schema.json                           the JSON Schema of the record

exit codes: 0 done; 1 an input failed (or a batch stopped); 2 bad usage; 130 interrupted;
  141 stdout's reader went away. SOURCE_DATE_EPOCH fixes the time the outputs state (Atom, XBRL).
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prconvert",
        description="Turn plain-text (EDGAR) press releases into validated records: JSON, XML and more.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"prconvert {__version__} ({build()})")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser("convert", help="convert an input file, or many (folders, globs, lists)",
                                  epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    convert.add_argument("inputs", nargs="*", metavar="INPUT",
                         help="a release, an EDGAR <DOCUMENT> or a full submission (.txt or .gz); - for stdin; "
                              "several, folders or glob patterns convert as a batch")
    convert.add_argument("-o", "--output", help="output file (default: stdout; - for stdout); in a batch, the feed's file")
    target = convert.add_mutually_exclusive_group()
    target.add_argument("--to", choices=sorted({*FORMATS, *FEEDS}), default="json",
                        help="output format (default: json); jsonl only as a batch feed")
    target.add_argument("--xslt", metavar="FILE",
                        help="apply your XSLT 1.0 stylesheet to the canonical XML (no file or network access)")
    convert.add_argument("--param", metavar="NAME=VALUE", type=_param, action="append", default=[],
                         help="a string parameter for the stylesheet (--xslt or an XSLT format); repeatable")
    convert.add_argument("--overwrite", action="store_true", help="replace existing output files")
    _batch_options(convert)
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


def _batch_options(parser: argparse.ArgumentParser) -> None:
    batch = parser.add_argument_group("batch (several inputs; see README, Batch)")
    batch.add_argument("--out-dir", metavar="DIR", type=Path,
                       help="a file per release below DIR, mirroring the inputs' paths; existing ones are skipped")
    batch.add_argument("--files-from", metavar="FILE",
                       help="also convert the paths listed in FILE (- for stdin): one a line, or NUL-separated (find -print0)")
    batch.add_argument("--include", metavar="PATTERN", action="append",
                       help=f"files a folder contributes (default: {' '.join(DEFAULT_INCLUDE)}); repeatable")
    batch.add_argument("--jobs", metavar="N", type=_jobs, default=0,
                       help="worker processes; 0 or all: one per core (the default; none for a batch under 1 MB); "
                            "1: in the command's own process")
    batch.add_argument("--engine", choices=ENGINES, default="local", help="local processes, or a Dask cluster")
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="the Dask scheduler (tcp://host:8786); without it, a local Dask cluster")
    batch.add_argument("--errors", metavar="FILE", type=Path, help="a JSON line (input, reason, line) per failed input")
    batch.add_argument("--timeout", metavar="SECONDS", type=_positive(float),
                       help="fail an input that takes longer to convert (local engine; default: no limit)")
    batch.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")


def _jobs(text: str) -> int:
    if text == "all":
        return 0
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of processes or 'all', got {text!r}")
    return int(text)


def _positive(kind):
    """An argparse type: a number of ``kind`` above zero (a limit of 0 or below would fail every input)."""
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
        if not value > 0:  # also refuses nan
            raise argparse.ArgumentTypeError(f"expected a number above 0, got {text!r}")
        return value
    parse.__name__ = kind.__name__  # argparse names the type in its messages
    return parse


def _limits(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--max-bytes", type=_positive(int), default=DEFAULT_MAX_BYTES,
                        help=f"refuse inputs larger than this (default: {DEFAULT_MAX_BYTES:,})")


def main(argv: list[str] | None = None) -> int:
    args = None
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except ConversionError as error:
        print(f"prconvert: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader of stdout went away (| head): stop quietly, as a shell's tools do
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no flush error at exit
        except (OSError, ValueError):
            pass
        return 141
    except KeyboardInterrupt:
        print(f"prconvert: interrupted; {_after_interrupt(args)}", file=sys.stderr)
        return 130
    except OSError as error:  # the last resort: a system error no stage turned into a message
        where = os.fsdecode(error.filename) if error.filename is not None else "prconvert"
        print(f"prconvert: {one_line(f'{where}: {reason(error)}')}", file=sys.stderr)
        return 1


def _after_interrupt(args) -> str:
    """What an interrupted command left, and what running it again does."""
    if getattr(args, "out_dir", None):
        return "run the same command again to resume"
    if getattr(args, "output", None) not in (None, "-"):
        return f"{args.output} was not written; run the same command again to write it whole"
    return "what reached stdout may stop short; run the same command again for all of it"


def _read(args) -> tuple[bytes, str]:
    if args.input == "-":
        return sys.stdin.buffer.read(args.max_bytes + 1), "-"
    return read_input(args.input, args.max_bytes), Path(args.input).name


def _convert(args, data: bytes, name: str):
    """The input's records; an error names the path as given (the record: the file's name)."""
    try:
        return convert_bytes(data, name, max_bytes=args.max_bytes)
    except ConversionError as error:
        raise (error.at(args.input) if error.source == name else error) from None


def run_convert(args) -> int:
    if _is_batch(args):
        return run_batch(args)
    if not args.inputs:
        print("prconvert: convert needs an INPUT (or --files-from FILE)", file=sys.stderr)
        return 2
    args.input = args.inputs[0]
    params = dict(args.param)
    if params and not args.xslt and args.to not in STYLESHEETS:
        print(f"prconvert: --param needs --xslt or an XSLT format, not --to {args.to}", file=sys.stderr)
        return 2
    if params and not args.xslt and (wrong := _wrong_param(args.to, params)):
        print(f"prconvert: {wrong}", file=sys.stderr)
        return 2
    stylesheet = load_stylesheet(args.xslt) if args.xslt else None
    data, name = _read(args)
    releases = _convert(args, data, name)
    if stylesheet is not None:
        payload = apply_stylesheet(stylesheet, releases_to_xml(releases), params, source=args.xslt)
    else:
        extension, serialize, _ = FORMATS[args.to]
        payload = serialize(releases, params) if params else serialize(releases)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    else:
        folder = Path(args.output).parent
        if not os.path.isdir(folder) and what_is_in_the_way(folder) is None:  # a mistyped path is told, not made
            raise ConversionError(f"cannot write: no folder {folder}", args.output)
        try:
            remove_temporaries_of(file_target(args.output))  # what a killed run left
            write_output(args.output, payload, overwrite=args.overwrite)
        except BrokenPipeError:
            raise  # -o a pipe whose reader went away: as stdout's (141)
        except OSError as error:
            raise ConversionError(f"cannot write: {reason(error)}", args.output) from None
    _print_warnings(args, data, releases)
    return 0


def _print_warnings(args, data: bytes, releases) -> None:
    """Each warning on stderr at the line of the file it is about (as an error's line is, so that
    an editor's "go to line" lands on it); records count lines inside an exhibit's <TEXT>."""
    starts = {}
    if any(w.line for r in releases if r.source.document is not None for w in r.warnings):
        from .edgar import read_submission
        from .reader import decode_bytes

        starts = {d.document: d.first_line for d in read_submission(decode_bytes(data, args.max_bytes).lines).documents}
    for release in releases:
        html = any(w.code == "html_converted" for w in release.warnings)
        for warning in release.warnings:
            where, note = f":{warning.line}" if warning.line else "", ""
            if warning.line and release.source.document in starts:
                if html:
                    note = " (a line of the text taken from the exhibit's HTML)"
                else:
                    where = f":{warning.line + starts[release.source.document] - 1}"
            print(one_line(f"prconvert: {args.input}{where}: warning: {warning.code}: {warning.message}{note}"),
                  file=sys.stderr)


def _is_batch(args) -> bool:
    """One existing file (or -) without batch options converts as ever; anything more is a batch."""
    if len(args.inputs) != 1 or args.files_from or args.out_dir or args.errors or args.to == "jsonl":
        return len(args.inputs) > 0 or bool(args.files_from)
    return args.engine != "local" or _many_in_one(args.inputs[0]) is not None


def _many_in_one(source: str) -> str | None:
    """"folder" or "pattern" when one INPUT names many files (a batch), else None."""
    if os.path.isdir(source):
        return "folder"
    if _GLOB.search(source) and not os.path.lexists(source):
        return "pattern"
    return None


def run_batch(args) -> int:
    usage = _batch_usage(args)
    if usage:
        print(f"prconvert: {usage}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up temporary files as on Ctrl-C
    listed = []
    if args.files_from:
        try:
            with (nullcontext(sys.stdin.buffer) if args.files_from == "-" else open(args.files_from, "rb")) as stream:
                listed = read_file_list(stream)
        except OSError as error:
            raise ConversionError(f"cannot read the file list: {error.strerror}", args.files_from) from None
    inputs, missing = find_inputs(args.inputs, listed, args.include or DEFAULT_INCLUDE, exclude=args.out_dir)
    options = BatchOptions(
        to=args.to, out_dir=args.out_dir, output=None if args.output in (None, "-") else Path(args.output),
        params=dict(args.param), jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
        overwrite=args.overwrite, errors=args.errors, max_bytes=args.max_bytes, timeout=args.timeout,
    )
    reporter = ConsoleReporter(quiet=args.quiet)
    try:
        with dask_noise_kept_off_stderr() if args.engine == "dask" else nullcontext():
            summary = convert_batch(inputs, options, reporter=reporter, missing=missing)
    finally:
        reporter.close()
    return 1 if summary.failed or summary.stopped else 0


def _wrong_param(to: str, params: dict[str, str]) -> str | None:
    """Why a built-in format cannot take these --param values, or None."""
    try:
        check_params(to, params)
    except ConversionError as error:
        return error.message
    return None


def _what_makes_a_batch(args) -> str:
    kind = _many_in_one(args.inputs[0]) if len(args.inputs) == 1 and not args.files_from else None
    if kind is None:
        return "several inputs"
    return f"a {kind} ({args.inputs[0]}: its {'files' if kind == 'folder' else 'matches'} convert as a batch)"


def _batch_usage(args) -> str | None:
    """Why these options do not make a batch, or None."""
    if args.xslt:
        return "--xslt converts one input; for many, use a built-in format"
    if "-" in args.inputs:
        return "- (stdin) converts alone; for a list of paths on stdin use --files-from -"
    if args.out_dir and args.output not in (None, "-"):
        return "give --out-dir (a file per release) or -o (one feed), not both"
    if not args.out_dir and args.to not in FEEDS:
        return f"--to {args.to} with {_what_makes_a_batch(args)} needs --out-dir DIR (or a feed: --to {', '.join(sorted(FEEDS))})"
    if args.param and args.to not in STYLESHEETS:
        return f"--param needs an XSLT format, not --to {args.to}"
    if args.param and (wrong := _wrong_param(args.to, dict(args.param))):
        return wrong
    if args.scheduler and args.engine != "dask":
        return "--scheduler needs --engine dask"
    if args.timeout is not None and args.engine != "local":
        return "--timeout works with the local engine only (Dask runs conversions in threads, where no timer can stop one)"
    return None


def run_inspect(args) -> int:
    from .edgar import read_submission
    from .reader import decode_bytes

    data, name = _read(args)
    releases = _convert(args, data, name)
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
