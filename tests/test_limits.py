"""Time and size limits: no regular expression backtracks catastrophically, whole conversions of
pathological megabyte inputs finish in seconds, and oversized input (plain, piped or gzip) is
refused with a clear error. See tests/HOSTILE.md for what each case guards against.
"""
from __future__ import annotations

import ast
import functools
import gzip
import importlib
import pkgutil
import re
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

import converter
from converter import ConversionError, InputTooLargeError, convert_bytes, convert_path
from converter import pipeline
from converter.output import FORMATS
from converter.pipeline import read_input
from converter.reader import DEFAULT_MAX_BYTES, decode_bytes

from .conftest import EXAMPLE_FILES, ROOT

MB = 1024 * 1024


# --- a time budget per call ---------------------------------------------------------------------

class OverBudget(Exception):
    pass


@contextmanager
def time_budget(seconds: float, what: str):
    """Fail when the block runs longer than ``seconds``. On POSIX a timer interrupts it (CPython's
    regex engine and most of the pipeline check for signals), so a runaway case fails fast."""
    use_alarm = hasattr(signal, "setitimer") and threading_is_main()
    if use_alarm:
        def interrupt(signum, frame):
            raise OverBudget()
        previous = signal.signal(signal.SIGALRM, interrupt)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.perf_counter()
    try:
        yield
    except OverBudget:
        pytest.fail(f"{what} ran over its budget of {seconds} s (interrupted)")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    elapsed = time.perf_counter() - started
    assert elapsed <= seconds, f"{what} took {elapsed:.2f} s, over its budget of {seconds} s"


def threading_is_main() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


# --- every regular expression in converter/ -----------------------------------------------------

def converter_modules():
    names = ["converter"] + [m.name for m in pkgutil.walk_packages(converter.__path__, "converter.")]
    return [importlib.import_module(name) for name in sorted(names) if not name.endswith("__main__")]


def module_patterns() -> dict[str, re.Pattern]:
    """Compiled patterns held by a module, directly or in a tuple, list, set or dict (knowledge tables)."""
    found: dict[str, re.Pattern] = {}

    def walk(value, name: str, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found[name] = value
        elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
            for index, item in enumerate(value):
                walk(item, f"{name}[{index}]", depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{name}[{key!r}]", depth + 1)

    for module in converter_modules():
        for attribute, value in vars(module).items():
            if not isinstance(value, type(re)):
                walk(value, f"{module.__name__}.{attribute}")
    return found


_RE_CALLS = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "findall": 2, "finditer": 2, "split": 3,
             "sub": 4, "subn": 4}


def inline_patterns() -> dict[str, re.Pattern]:
    """Literal patterns written inside functions (``re.search(r"...", text)``), found in the source."""
    found: dict[str, re.Pattern] = {}
    for module in converter_modules():
        source = Path(module.__file__)  # a compiled module (mypyc) is a .so: its .py lies beside it
        source = source if source.suffix == ".py" else source.parent / (module.__name__.rsplit(".", 1)[-1] + ".py")
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in _RE_CALLS and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                continue
            flags = [kw.value for kw in node.keywords if kw.arg == "flags"]
            if len(node.args) > _RE_CALLS[node.func.attr]:
                flags.append(node.args[_RE_CALLS[node.func.attr]])
            value = eval(compile(ast.Expression(flags[0]), "<flags>", "eval"), dict(vars(module))) if flags else 0
            found[f"{module.__name__}:{node.lineno}"] = re.compile(node.args[0].value, value)
    return found


def all_patterns() -> dict[str, re.Pattern]:
    """Module-level and inline patterns, each (pattern, flags) once."""
    seen, unique = set(), {}
    for name, pattern in {**module_patterns(), **inline_patterns()}.items():
        if (pattern.pattern, pattern.flags) not in seen:
            seen.add((pattern.pattern, pattern.flags))
            unique[name] = pattern
    return unique


PATTERNS = all_patterns()
# Runs of what releases are made of, ~20,000 characters, no line break: the shapes that make a
# regex with nested or adjacent quantifiers over the same characters retry without end.
UNITS = [" ", ".", "1", "(", ")", "A", "a", "-", "=", "_", "$", ",", "/", "\t", "'", ":", "#", "*",
         ". ", "A ", "a ", "A.", "1,", "1 ", "( ", "- ", ", ", "(1)", "A-", "1,234  ", "$ (1)", "Aa "]
HOSTILE_STRINGS = [(prefix + unit * (20_000 // len(unit)) + suffix)
                   for unit in UNITS for prefix in ("", "A") for suffix in ("", "!")]
REGEX_BUDGET = 0.25  # seconds per call; a linear pattern needs about a millisecond here


def test_patterns_were_found():
    assert len(module_patterns()) > 100 and len(inline_patterns()) > 20
    assert "converter.lines.RULE" in PATTERNS and "converter.fields.dateline.DATELINE" in PATTERNS


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_catastrophic_backtracking(name):
    pattern = PATTERNS[name]
    for text in HOSTILE_STRINGS:
        subject = text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text
        for method in (pattern.search, pattern.match):
            with time_budget(REGEX_BUDGET, f"{name}.{method.__name__}({text[:12]!r}... {len(text)} chars)"):
                method(subject)


def test_the_budget_would_catch_a_backtracking_pattern():
    """The check has teeth: the rule pattern as it was before it was made possessive."""
    old_rule = re.compile(r"^\s*(?:[-=_]{2,}\s*)+$")
    with pytest.raises(pytest.fail.Exception, match="over its budget"):
        with time_budget(REGEX_BUDGET, "old RULE"):
            old_rule.match("=" * 60 + "x")


# --- whole conversions of megabyte pathological inputs -------------------------------------------

def _fill(unit: str, size: int = 470_000) -> str:
    return unit * (size // len(unit))


def _lines(line: str, head: str = "Exhibit 99.1\n\n", size: int = 470_000) -> str:
    """``line`` repeated to about ``size`` bytes (a paragraph of several lines counts as one)."""
    return head + (line + "\n") * (size // (len(line.encode()) + 1))


def as_megabyte_submission(text: str) -> bytes:
    """A 1 MB EDGAR submission: ``text`` as a 10-K (read and split, not converted) and again as its
    EX-99 (converted: about 470 KB, just under the work limits of 10,000 lines and 500,000 characters)."""
    other = text * (1 + 600_000 // max(1, len(text)))
    return ("<SEC-DOCUMENT>\n<SEC-HEADER>\nFILED AS OF DATE: 20040105\n</SEC-HEADER>\n"
            f"<DOCUMENT>\n<TYPE>10-K\n<TEXT>\n{other[:600_000]}\n</TEXT>\n</DOCUMENT>\n"
            f"<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\n{text}\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n").encode("utf-8")


# The release text of each case; converted inside a 1 MB submission (as_megabyte_submission).
PATHOLOGICAL = {
    "spaces-one-line": lambda: "Exhibit 99.1 " + _fill(" ") + "x",
    "dots-one-line": lambda: "Exhibit 99.1 " + _fill(".") + "x",
    "digits-one-line": lambda: "Exhibit 99.1 " + _fill("1"),
    "parens-one-line": lambda: "Exhibit 99.1 " + _fill("("),
    "capitals-one-line": lambda: "Exhibit 99.1 " + _fill("A"),
    "number-cells-one-line": lambda: "Revenues " + _fill("1,234  "),
    "rules": lambda: _lines("=" * 60 + "x"),
    "leaders": lambda: _lines("Product sales " + ". " * 25 + "!"),
    "table-rows": lambda: _lines("Revenues and other operating income, net    $ 1,234     $ (1,100)",
                                 "Exhibit 99.1\n\n                 Three Months Ended\n                  2004      2003\n"),
    "contacts": lambda: _lines("Jane Roe, 212/555-0100, or John Doe, both of Acme Corporation of Ohio",
                               "Exhibit 99.1\n\nCONTACT: Acme\n"),
    "datelines-without-marks": lambda: _lines("NEW YORK--(BUSINESS WIRE)--Jan. 5, 2004--Acme Corp" + " and Acme" * 17
                                              + "\n\nACME\n", ""),
    "bundled-releases": lambda: _lines("NEW YORK--(BUSINESS WIRE)--Jan. 5, 2004--Acme Corp. said.\n\n"
                                       + ("Acme rose. " * 9 + "\n") * 28 + "\n-0-\n", ""),
    "page-marks": lambda: _lines("<PAGE>\n1\n" + "Acme Corp. " * 14),
    "html-exhibit": lambda: "<html><body>" + _lines("<p>NEW YORK--(BUSINESS WIRE)--Jan. 5, 2004--Acme said. " + "Acme rose. " * 10 + "</p>", "")
                            + "</body></html>",
    "nested-html": lambda: "<html><body>" + "<div>" * 45_000 + "Exhibit 99.1" + "</div>" * 45_000,
    "markup-characters": lambda: _lines("<script>&amp;]]>\"'<>& <!-- --> <![CDATA[ x <?xml?> &#0; &bogus; {{x}}"),
}
# Bare (not in a submission) and 1 MB: far over the work limits, so the refusal must come early.
OVER_THE_LIMITS = {
    "short-lines": lambda: "Exhibit 99.1\n" + "A\n" * 500_000,
    "one-line": lambda: "Exhibit 99.1 " + "( " * 500_000,
    "tabs": lambda: "Exhibit 99.1\n" + "\t" * 1_000_000 + "x",
    "many-exhibits": lambda: "<SEC-DOCUMENT>\n" + "<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nACME said.\n</TEXT>\n</DOCUMENT>\n" * 15_000
                             + "</SEC-DOCUMENT>\n",
    "unclosed-documents": lambda: "<SEC-DOCUMENT>\n" + "<DOCUMENT>\n" * 90_000,
    "table-rows": lambda: "Exhibit 99.1\n" + "Revenues          $ 1,234     $ 1,100\n" * 27_000,
}
CONVERSION_BUDGET = 8.0  # seconds for a megabyte; measured 0.1-3 s on one (shared) core


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_megabyte_pathological_input_converts_in_seconds(name):
    text = PATHOLOGICAL[name]()
    assert 400_000 < len(text) < pipeline.MAX_RELEASE_CHARS and text.count("\n") < pipeline.MAX_RELEASE_LINES
    data = as_megabyte_submission(text)
    assert len(data) > MB
    with time_budget(CONVERSION_BUDGET, f"converting {name} ({len(data):,} bytes)"):
        try:
            releases = convert_bytes(data, f"{name}.txt")
        except ConversionError as error:
            assert str(error).startswith(f"{name}.txt") and not isinstance(error, InputTooLargeError), str(error)
            releases = []
        for fmt in ("json", "xml"):
            if releases:
                FORMATS[fmt][1](releases)


@pytest.mark.parametrize("name", OVER_THE_LIMITS)
def test_megabyte_input_over_the_work_limits_is_refused_fast(name):
    data = OVER_THE_LIMITS[name]().encode()
    assert len(data) > 900_000
    with time_budget(2.0, f"refusing {name}"):
        with pytest.raises(ConversionError) as caught:
            convert_bytes(data, f"{name}.txt")
    assert str(caught.value).startswith(f"{name}.txt")


def test_bundled_releases_are_not_quadratic():
    """Hundreds of releases bundled in one text: each is segmented over its own lines only."""
    releases = convert_bytes(PATHOLOGICAL["bundled-releases"]().encode(), "bundle.txt")
    assert len(releases) > 150
    assert releases[-1].blocks[0].lines[0] > 5000  # numbered in the document all the same


# --- the work limits ---------------------------------------------------------------------------

def test_release_text_over_the_line_limit_is_refused_clearly():
    data = ("Exhibit 99.1\n" + "Acme\n" * (pipeline.MAX_RELEASE_LINES + 1)).encode()
    with pytest.raises(InputTooLargeError, match=r"big\.txt: release text is over the limit of 10,000 lines"):
        convert_bytes(data, "big.txt")


def test_release_text_over_the_character_limit_is_refused_clearly():
    data = ("Exhibit 99.1 " + "x" * pipeline.MAX_RELEASE_CHARS).encode()
    with pytest.raises(InputTooLargeError, match="500,000 characters"):
        convert_bytes(data, "wide.txt")


def test_too_many_releases_are_refused_before_any_is_converted():
    one = "<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nNEW YORK--(BUSINESS WIRE)--Jan. 5, 2004--Acme said.\n</TEXT>\n</DOCUMENT>\n"
    data = ("<SEC-DOCUMENT>\n" + one * (pipeline.MAX_RELEASES + 1) + "</SEC-DOCUMENT>\n").encode()
    started = time.perf_counter()
    with pytest.raises(InputTooLargeError, match="over 1,000 releases"):
        convert_bytes(data, "many.txt")
    assert time.perf_counter() - started < 2


def test_a_big_submission_with_a_small_exhibit_still_converts():
    """The limits count release text only: a 10-K of megabytes beside a short EX-99 is fine."""
    data = ("<SEC-DOCUMENT>\n<SEC-HEADER>\nFILED AS OF DATE: 20040105\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>10-K\n<TEXT>\n"
            + "Revenues          $ 1,234     $ 1,100\n" * 60_000 + "</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\n"
            + "NEW YORK--(BUSINESS WIRE)--Jan. 5, 2004--Acme Corp. said revenue rose.\n</TEXT>\n</DOCUMENT>\n"
              "</SEC-DOCUMENT>\n").encode()
    with time_budget(CONVERSION_BUDGET, "a 2 MB submission"):
        releases = convert_bytes(data, "10k.txt")
    assert len(releases) == 1 and releases[0].source.document.type == "EX-99"


# --- the input size limit ----------------------------------------------------------------------

def test_default_limit_is_50_megabytes():
    assert DEFAULT_MAX_BYTES == 50 * MB
    assert pipeline.DEFAULT_MAX_BYTES == DEFAULT_MAX_BYTES


def test_input_over_max_bytes_is_refused_before_decoding():
    data = EXAMPLE_FILES[0].read_bytes()
    with pytest.raises(InputTooLargeError, match=r"over the limit of 1,000 \(see --max-bytes\)"):
        convert_bytes(data, "x.txt", max_bytes=1000)
    with pytest.raises(InputTooLargeError):
        decode_bytes(b"\0" * 2000, max_bytes=1000)  # refused for size before it is looked at


def test_cli_max_bytes_refuses_a_file_and_stdin(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(EXAMPLE_FILES[0].read_bytes())
    for args, stdin in (([str(big)], None), (["-"], big.read_bytes())):
        done = subprocess.run([sys.executable, "-m", "converter", "convert", *args, "--max-bytes", "500"],
                              input=stdin, capture_output=True, timeout=60)
        assert done.returncode == 1 and done.stdout == b""
        message = done.stderr.decode()
        assert message.count("\n") == 1 and "over the limit of 500" in message and "Traceback" not in message


# --- gzip input ----------------------------------------------------------------------------------

def test_gzip_input_is_decompressed(tmp_path):
    packed = tmp_path / "release.txt.gz"
    packed.write_bytes(gzip.compress(EXAMPLE_FILES[0].read_bytes()))
    assert [r.headline for r in convert_path(packed)] == [r.headline for r in convert_path(EXAMPLE_FILES[0])]


def test_gzip_bomb_is_capped_at_max_bytes(tmp_path):
    """100 MB of zeros packs into 100 KB: reading stops at the limit instead of filling memory."""
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as stream:
        chunk = b"\0" * MB
        for _ in range(100):
            stream.write(chunk)
    assert bomb.stat().st_size < 200_000
    with time_budget(10, "reading a gzip bomb"):
        with pytest.raises(InputTooLargeError, match="decompresses to over the limit of 52,428,800 bytes"):
            read_input(bomb)
        with pytest.raises(InputTooLargeError, match="over the limit of 1,000,000"):
            convert_path(bomb, max_bytes=1_000_000)


def test_gzip_bomb_from_the_cli(tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"A" * (20 * MB)))
    done = subprocess.run([sys.executable, "-m", "converter", "convert", str(bomb), "--max-bytes", "1000000"],
                          capture_output=True, timeout=60)
    assert done.returncode == 1 and b"decompresses to over the limit" in done.stderr and b"Traceback" not in done.stderr


@pytest.mark.parametrize("data", [b"\x1f\x8b\x08\x00garbage", gzip.compress(b"Exhibit 99.1\n" * 1000)[:-20], b""],
                         ids=["corrupt", "truncated", "empty"])
def test_broken_gzip_is_a_conversion_error(tmp_path, data):
    path = tmp_path / "broken.txt.gz"
    path.write_bytes(data)
    with pytest.raises(ConversionError):
        convert_path(path)


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux /proc")
def test_a_file_that_claims_size_zero_is_read_only_up_to_the_limit():
    """/proc files (and files still growing) say size 0: the read itself stops past max_bytes."""
    assert Path("/proc/self/maps").stat().st_size == 0
    with pytest.raises(InputTooLargeError, match="over the limit of 100 bytes"):
        read_input(Path("/proc/self/maps"), 100)


@functools.cache
def long_table_releases():
    lines = (ROOT / "examples" / "010_nordal_instruments_1998.txt").read_text().split("\n")
    data = ("\n".join(lines[:33]) + "\n" + ("\n".join(lines[33:56]) + "\n") * 200).encode()
    return convert_bytes(data, "long.txt")


@pytest.mark.parametrize("fmt", ["xbrl", "ixbrl", "csv"])
def test_long_tables_write_in_seconds(fmt, monkeypatch):
    """10,000 facts over 2,800 rows: these formats were quadratic or worse in the facts (contexts and
    units found by preceding-sibling scans, rows by position); a key or set:distinct each time now."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    releases = long_table_releases()
    assert len(releases[0].facts) >= 10_000
    with time_budget(CONVERSION_BUDGET, f"writing 10,000 facts as {fmt}"):
        FORMATS[fmt][1](releases)
