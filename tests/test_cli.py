"""The command line as a user runs it: exit codes, messages, files written or not."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import EXAMPLES, ROOT

SEED = EXAMPLES / "000_9e0e0fb7cf4518a9.txt"


def run(*args, stdin: bytes | None = None, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "converter", *map(str, args)], input=stdin, capture_output=True, cwd=cwd, timeout=120
    )


def test_convert_to_stdout_is_the_record():
    result = run("convert", SEED)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["release_number"] == "2004-01"


def test_convert_stdin_to_xml():
    result = run("convert", "-", "--to", "xml", stdin=SEED.read_bytes())
    assert result.returncode == 0
    assert b"<release_number>2004-01</release_number>" in result.stdout
    assert b"<name>-</name>" in result.stdout


def test_output_file_is_written_and_not_overwritten(tmp_path):
    out = tmp_path / "out.json"
    assert run("convert", SEED, "-o", out).returncode == 0
    first = out.read_bytes()
    out.write_text("mine")
    again = run("convert", SEED, "-o", out)
    assert again.returncode == 1
    assert b"exists" in again.stderr and out.read_text() == "mine"
    assert run("convert", SEED, "-o", out, "--overwrite").returncode == 0
    assert out.read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", b"input is empty"),
        (b"   \n\n  \n", b"input is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), b"binary"),
        (b"Shopping list\n\nmilk\neggs\nbread and butter for the week ahead of us all\n", b"does not read as a press release"),
        (b"<SEC-DOCUMENT>x.txt\n<SEC-HEADER>\nACCESSION NUMBER: 1\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nACME, Ohio--\n",
         b"cut off"),
    ],
    ids=["empty", "blank", "binary", "not-a-release", "truncated-sgml"],
)
def test_bad_input_exits_1_with_one_line_and_no_file(tmp_path, content, message):
    source = tmp_path / "input.txt"
    source.write_bytes(content)
    out = tmp_path / "out.json"
    result = run("convert", source, "-o", out)
    assert result.returncode == 1
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "input.txt" in lines[0] and message.decode() in lines[0]
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.txt"]


def test_missing_file_and_bad_usage():
    missing = run("convert", "no-such-file.txt")
    assert missing.returncode == 1 and b"no-such-file.txt" in missing.stderr
    assert run("convert", SEED, "--to", "nope").returncode == 2
    assert run().returncode == 2


def test_help_version_schema_formats_inspect():
    assert b"examples:" in run("convert", "--help").stdout
    import converter.segmenter  # asked of another module than --version asks, in this process

    build = "pure Python" if converter.segmenter.__file__.endswith(".py") else "compiled by mypyc"
    assert run("--version").stdout.decode() == f"prconvert {converter.__version__} ({build})\n"
    schema = json.loads(run("schema").stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert b"xs:schema" in run("schema", "--xsd").stdout
    assert b"json" in run("formats").stdout
    inspected = run("inspect", SEED).stdout.decode()
    assert "dateline" in inspected and "safe_harbor" in inspected


@pytest.mark.parametrize("command", ["convert", "inspect", "validate"])
def test_an_input_that_is_no_file_says_what_it_is(tmp_path, command):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    if command == "validate":
        pytest.importorskip("arelle")
    for path, reason in [(tmp_path, "is a folder, not a file"), (tmp_path / "dangling.txt", "a link to nothing"),
                         (tmp_path / "gone.txt", "no such file")]:
        args = [command, path] if command != "convert" else [command, path, "--to", "xml"]
        if command == "convert" and path == tmp_path:
            continue  # a folder given to convert is a batch (tests/test_batch.py)
        result = run(*args)
        assert result.returncode == 1 and result.stderr.decode() == f"prconvert: {path}: {reason}\n"


def test_a_pipe_is_read_as_a_file(tmp_path):
    import os

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    source = EXAMPLES / "000_9e0e0fb7cf4518a9.txt"
    process = subprocess.Popen([sys.executable, "-m", "converter", "convert", str(pipe)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    import errno
    import time

    deadline = time.monotonic() + 120
    while True:  # as `prconvert convert <(zcat x.txt.gz)` hands it over, once the command opens it
        try:
            handle = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError as error:
            assert error.errno == errno.ENXIO and process.poll() is None and time.monotonic() < deadline, \
                process.stderr.read() if process.poll() is not None else "the command never opened the pipe"
            time.sleep(0.05)
    os.set_blocking(handle, True)
    with os.fdopen(handle, "wb") as writer:
        writer.write(source.read_bytes())
    out, _ = process.communicate(timeout=120)
    assert process.returncode == 0
    record = json.loads(out)
    assert record == json.loads(source.with_suffix(".json").read_bytes()) | {"source": record["source"]}
    assert record["source"]["name"] == "pipe"


def test_importing_the_package_leaves_the_conversion_for_later():
    """Every command imports the package before it can handle Ctrl-C: that import stays small, and
    each public name still resolves to its function."""
    code = ("import sys, converter; heavy = [m for m in sys.modules if m.startswith('converter.')]; "
            "print(heavy, converter.convert_path.__module__, 'Release' in dir(converter))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split("\n")[0] == "[] converter.pipeline True", done.stderr


def test_ctrl_c_while_the_command_is_imported_is_one_line(monkeypatch, capsys):
    """A Ctrl-C in the first third of a second (the command importing) printed Python's traceback."""
    import converter.__main__ as entry

    class InterruptedImport:
        def find_spec(self, name, path=None, target=None):
            if name == "converter.cli":
                raise KeyboardInterrupt
            return None

    monkeypatch.delitem(sys.modules, "converter.cli", raising=False)
    monkeypatch.setattr(sys, "meta_path", [InterruptedImport(), *sys.meta_path])
    assert entry.main() == 130
    assert capsys.readouterr().err == "prconvert: interrupted\n"


def test_a_system_error_no_stage_caught_is_one_line_not_a_traceback(monkeypatch, capsys):
    from converter import cli

    def fails(args):
        raise PermissionError(13, "Permission denied", "out/2005")
    monkeypatch.setitem(cli.COMMANDS, "convert", fails)
    assert cli.main(["convert", "x.txt"]) == 1
    assert capsys.readouterr().err == "prconvert: out/2005: Permission denied\n"


def test_every_public_name_resolves_and_is_listed_for_type_checkers():
    """The lazy table of public names and the imports type checkers read are two lists of one API."""
    import ast
    import importlib

    import converter

    source = (ROOT / "converter" / "__init__.py").read_text(encoding="utf-8")
    checked = {alias.name: node.module for node in ast.walk(ast.parse(source))
               if isinstance(node, ast.ImportFrom) and node.level == 1 for alias in node.names}
    assert checked == converter._PUBLIC
    for name, module in checked.items():
        assert getattr(converter, name) is getattr(importlib.import_module(f"converter.{module}"), name)
    assert sorted(converter.__all__) == sorted([*checked, "__version__"])


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b"")],
                         ids=["le-bom", "be-bom", "le-no-bom"])
def test_a_utf16_file_converts_as_its_text_does(tmp_path, codec, bom):
    text = (EXAMPLES / "000_9e0e0fb7cf4518a9.txt").read_bytes()
    (tmp_path / "x.txt").write_bytes(bom + text.decode("ascii").encode(codec))
    result = run("convert", tmp_path / "x.txt")
    assert result.returncode == 0, result.stderr
    record, expected = json.loads(result.stdout), json.loads(run("convert", EXAMPLES / "000_9e0e0fb7cf4518a9.txt").stdout)
    assert record["source"].pop("encoding") == "utf-16" and expected["source"].pop("encoding") == "ascii"
    for each in (record, expected):
        del each["source"]["sha256"], each["source"]["name"]
    assert record == expected


def test_a_file_that_is_utf16_only_by_its_mark_is_one_line(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\xff\xfe" + "ACME, Ohio".encode("utf-16-le") + b"\x00\xd8A\x00")  # a lone surrogate
    result = run("convert", tmp_path / "x.txt")
    assert result.returncode == 1
    assert result.stderr.decode() == f"prconvert: {tmp_path / 'x.txt'}:1: input reads as UTF-16 but is not: illegal UTF-16 surrogate at byte 22\n"


def test_single_file_messages_name_the_path_as_given(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    result = run("convert", "sub/empty.txt", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (1, "prconvert: sub/empty.txt: input is empty\n")
    (tmp_path / "mine.json").write_text("mine")
    result = run("convert", SEED, "-o", tmp_path / "mine.json")
    assert result.stderr.decode() == f"prconvert: {tmp_path / 'mine.json'}: exists; not overwriting it (use --overwrite)\n"


def test_a_warning_names_the_line_of_the_file(tmp_path):
    """Records count lines inside an exhibit's <TEXT>; on stderr a warning is at the file's line, as errors are."""
    text = SEED.read_bytes()
    wrapped = b"<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>2\n<TEXT>\n" + text + b"</TEXT>\n</DOCUMENT>\n"
    (tmp_path / "x.txt").write_bytes(wrapped)
    record = json.loads(run("convert", SEED).stdout)
    [warning] = record["warnings"]  # the seed's dateline prints no date
    result = run("convert", tmp_path / "x.txt")
    assert result.returncode == 0
    line = warning["line"] + 4  # below the four wrapper lines
    assert result.stderr.decode() == (f"prconvert: {tmp_path / 'x.txt'}:{line}: warning: dateline_undated: "
                                      "the dateline prints no date\n")
    assert wrapped.decode().splitlines()[line - 1] == text.decode().splitlines()[warning["line"] - 1]


def test_the_api_refuses_what_it_cannot_read_with_conversion_errors(tmp_path):
    import converter

    with pytest.raises(converter.UnreadableInputError, match=f"^{tmp_path}: is a folder, not a file$"):
        converter.convert_path(tmp_path)
    with pytest.raises(converter.UnreadableInputError, match="gone.txt: no such file$"):
        converter.convert_path(tmp_path / "gone.txt")
    with pytest.raises(TypeError, match="iter_releases takes several paths"):
        list(converter.iter_releases(str(SEED)))
    with pytest.raises(TypeError, match="convert_bytes takes the input's bytes, not str"):
        converter.convert_bytes(SEED.read_text())


def test_the_api_takes_bytes_in_each_of_python_s_buffer_types():
    import converter

    data = SEED.read_bytes()
    expected = converter.convert_bytes(data, "seed.txt")
    for buffer in (bytearray(data), memoryview(data)):
        assert converter.convert_bytes(buffer, "seed.txt") == expected


def test_a_mistyped_output_folder_is_told_not_made(tmp_path):
    result = run("convert", SEED, "-o", tmp_path / "typo" / "deeper" / "x.json")
    assert (result.returncode, result.stderr.decode()) == (
        1, f"prconvert: {tmp_path / 'typo' / 'deeper' / 'x.json'}: cannot write: no folder {tmp_path / 'typo' / 'deeper'}\n")
    result = run("convert", EXAMPLES, "--to", "jsonl", "-o", tmp_path / "typo" / "all.jsonl")
    assert (result.returncode, result.stderr.decode()) == (
        1, f"prconvert: {tmp_path / 'typo' / 'all.jsonl'}: cannot write the feed: no folder {tmp_path / 'typo'}\n")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_without_out_dir_says_it_is_a_folder(tmp_path):
    result = run("convert", tmp_path)
    assert (result.returncode, result.stderr.decode()) == (
        2, f"prconvert: --to json with a folder ({tmp_path}: its files convert as a batch) needs --out-dir DIR "
           "(or a feed: --to atom, csv, jsonl)\n")
