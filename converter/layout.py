"""Where a batch's inputs are found and where their outputs go.

Inputs are files, folders (recursive), glob patterns and listed paths. An output's path mirrors its
input's path below the folder or glob it was found in, made safe whatever the input is called.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

import attrs

from .errors import reason
from .output import FORMATS, TEMPORARY_NAME, remove_dead_temporary
from .pipeline import why_unreadable

DEFAULT_INCLUDE = ("*.txt", "*.txt.gz")  # what a folder contributes; files named directly always count
INPUT_SUFFIXES = (".txt", ".nc", ".sgml", ".sgm", ".text")  # dropped from an output's name
MAX_NAME_BYTES = 180  # room for ".N", the longest extension and write_atomic's temporary name
_GLOB_MAGIC = re.compile(r"[*?[]")
# Surrogates stand for bytes of a file name that are not UTF-8 (os.fsdecode): they cannot be encoded.
_UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|\ud800-\udfff]')


@attrs.frozen
class BatchInput:
    """A file to convert: where it is, where its outputs go below the output folder, how to name it.
    Kept as text, not path objects: an archive's inputs are all listed before the first is converted
    (with the checks of their output names, about 0.4 KB an input this way, 0.65 KB with paths)."""

    _path: str = attrs.field(converter=os.fspath)
    _relative: str = attrs.field(converter=str)  # "/"-separated, below the output folder
    shown: str

    @property
    def path(self) -> Path:
        return Path(self._path)

    @property
    def relative(self) -> PurePosixPath:
        return PurePosixPath(self._relative)

    @property
    def name(self) -> str:
        return os.path.basename(self._path)

    @property
    def stem(self) -> str:
        """Its outputs' path below the output folder, without extension (``stem_text``)."""
        return stem_text(self._relative)


@attrs.frozen
class Missing:
    """A named input that matched no file, or a folder below one that could not be listed."""

    source: str
    reason: str


# --- finding inputs -------------------------------------------------------------------------

def find_inputs(sources: Iterable[str], listed: Iterable[str] = (), include: Iterable[str] = DEFAULT_INCLUDE,
                exclude: Path | None = None) -> tuple[list[BatchInput], list[Missing]]:
    """Expand files, folders and glob patterns (``sources``) and paths from a list (``listed``).

    Below a folder or a glob's fixed part, outputs mirror the path found; a file named directly
    lands at the top; a listed relative path is mirrored as it is written. Each file counts once.
    """
    include, found, problems, seen = tuple(include), [], [], set()
    for source, mirror in [*((s, False) for s in sources), *((s, True) for s in listed)]:
        unreadable: list[tuple[str, OSError]] = []
        matches = list(_expand(source, mirror, include, exclude, unreadable))
        if not matches and not unreadable:
            problems.append(Missing(source, _why_nothing(source, include)))
        for folder, error in unreadable:  # once each, though a pattern may meet it more than once
            if (key := os.path.abspath(folder)) not in seen:
                seen.add(key)
                problems.append(Missing(folder, f"cannot read this folder: {reason(error)}; "
                                                "the files in it were not converted"))
        for item in matches:
            key = os.path.abspath(item.path)
            if key not in seen:
                seen.add(key)
                found.append(item)
    return found, problems


def _why_nothing(source: str, include: tuple[str, ...]) -> str:
    if os.path.isdir(source):
        return f"no file in this folder matches --include ({' '.join(p or repr(p) for p in include)})"
    if _GLOB_MAGIC.search(source) and not os.path.lexists(source):
        return "no file matches this pattern"
    why = why_unreadable(Path(source))  # a link to nothing, a folder above that cannot be entered
    return "no such file or folder" if why == "no such file" else why or "unreadable"


def read_file_list(stream) -> list[str]:
    """Paths one a line, blanks around each ignored (a list typed or edited by hand); or, exact,
    NUL-separated as ``find -print0`` writes them (a name that starts or ends with a blank)."""
    text = stream.read()
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if "\0" in text:
        return [entry.strip("\r\n") for entry in text.split("\0") if entry.strip()]
    return [entry.strip() for entry in text.splitlines() if entry.strip()]


def _expand(source: str, mirror: bool, include: tuple[str, ...], exclude: Path | None,
            unreadable: list[tuple[str, OSError]]) -> Iterator[BatchInput]:
    """The inputs ``source`` names; a folder below it that cannot be listed goes to ``unreadable``."""
    path = Path(source)
    own = _mirrored(source) if mirror else None
    if os.path.isdir(path):
        yield from _walk(path, own or PurePosixPath(), include, exclude, unreadable)
    elif why_unreadable(path) is None:  # a file, or a pipe or device named as one (read as a file is)
        yield BatchInput(path, own or PurePosixPath(path.name), source)
    elif _GLOB_MAGIC.search(source):
        base = _fixed_part(source)
        for match in glob_matches(source, unreadable):
            if _inside(match, exclude):
                continue  # the output folder's files are never inputs, as a folder's walk leaves it out
            found = Path(match)
            relative = _mirrored(match) if mirror else PurePosixPath(*found.relative_to(base).parts)
            if os.path.isdir(found):
                yield from _walk(found, relative or PurePosixPath(), include, exclude, unreadable)
            elif os.path.lexists(found):  # a link to nothing, or round in a loop, fails when read, as in a walk
                yield BatchInput(found, relative or PurePosixPath(found.name), match)


def _walk(folder: Path, prefix: PurePosixPath, include: tuple[str, ...], exclude: Path | None,
          unreadable: list[tuple[str, OSError]]) -> Iterator[BatchInput]:
    """Files below ``folder`` that match ``include``, sorted; hidden files and folders are left out.
    A folder that cannot be listed is told (``unreadable``), not passed over."""
    found = []
    for top, folders, files in os.walk(folder, onerror=lambda error: _note(unreadable, error.filename, error)):
        folders[:] = [f for f in folders if not f.startswith(".") and not _inside(os.path.join(top, f), exclude)]
        below = prefix.parts + Path(top).relative_to(folder).parts
        for name in files:
            if not name.startswith(".") and any(fnmatch(name, pattern) for pattern in include):
                found.append((below + (name,), os.path.join(top, name)))  # text: one entry a file
    found.sort()
    for parts, path in found:
        yield BatchInput(path, "/".join(parts), path)


def _inside(path: str, folder: Path | None) -> bool:
    """Whether ``path`` is ``folder`` or lies below it."""
    if folder is None:
        return False
    path, folder_text = os.path.abspath(path), os.path.abspath(folder)
    return path == folder_text or path.startswith(os.path.join(folder_text, ""))


def _mirrored(path: str) -> PurePosixPath | None:
    """A listed path, when it is relative and stays inside (no ``..``); else None."""
    pure = PurePosixPath(Path(path).as_posix())
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        return None
    return pure


def glob_matches(pattern: str, unreadable: list[tuple[str, OSError]] | None = None) -> list[str]:
    """``sorted(set(glob.glob(pattern, recursive=True)))``, except that a link to a folder met below
    the pattern's fixed part is neither gone down nor matched, as a folder's walk does not go down
    one: ``**`` follows such links, and one to a folder above it repeats the tree forty times over
    (until the system refuses the path). A folder that cannot be listed goes to ``unreadable``."""
    parts = pattern.replace(os.sep, "/").split("/")
    first = next((index for index, part in enumerate(parts) if _GLOB_MAGIC.search(part)), None)
    if first is None:
        return [pattern] if os.path.lexists(pattern) else []
    fixed = "/".join(parts[:first]) or ("/" if first else "")  # "" is the current folder
    found = set(_matches_below(fixed, [part for part in parts[first:] if part], None,
                               [] if unreadable is None else unreadable))
    if pattern.endswith("/"):  # folders only, written with the slash, as glob does
        found = {os.path.join(path, "") for path in found if os.path.isdir(path)}
    return sorted(found)


def _matches_below(folder: str, parts: list[str], listed: list | None, unreadable: list) -> Iterator[str]:
    """Paths below ``folder`` matching ``parts``; ``listed``: the folder's entries, when known."""
    head, rest = parts[0], parts[1:]
    if head == "**":  # no folder, or any number of folders down
        if rest:
            yield from _matches_in_every_folder(folder, rest, unreadable)
        else:
            if folder:
                yield os.path.join(folder, "")
            yield from (path for path, _ in _everything_below(folder, unreadable))
    elif not _GLOB_MAGIC.search(head):  # a part without wildcards is taken as written, link or not
        path = os.path.join(folder, head)
        if rest and os.path.isdir(path):
            yield from _matches_below(path, rest, None, unreadable)
        elif not rest and os.path.lexists(path):
            yield path
    else:
        for entry, path, is_folder in _entries(folder, unreadable) if listed is None else listed:
            if fnmatch(entry.name, head) and (head.startswith(".") or not entry.name.startswith(".")):
                if rest and is_folder:
                    yield from _matches_below(path, rest, None, unreadable)
                elif not rest:
                    yield path


def _matches_in_every_folder(folder: str, parts: list[str], unreadable: list) -> Iterator[str]:
    """``**/PARTS``: each folder is listed once, both to match ``parts`` in and to go down."""
    listed = _entries(folder, unreadable)
    yield from _matches_below(folder, parts, listed, unreadable)
    for entry, path, is_folder in listed:
        if is_folder and not entry.name.startswith("."):
            yield from _matches_in_every_folder(path, parts, unreadable)


def _everything_below(folder: str, unreadable: list) -> Iterator[tuple[str, bool]]:
    """``(path, is a folder)`` of every file and folder below ``folder`` whose name is not hidden."""
    for entry, path, is_folder in _entries(folder, unreadable):
        if not entry.name.startswith("."):
            yield path, is_folder
            if is_folder:
                yield from _everything_below(path, unreadable)


def _entries(folder: str, unreadable: list) -> list[tuple[os.DirEntry, str, bool]]:
    """A folder's entries, each with its path and whether it is a folder; a link to a folder is
    left out (never matched, never gone down), a link to a file is kept."""
    try:
        with os.scandir(folder or ".") as entries:
            listed = list(entries)
    except OSError as error:
        _note(unreadable, folder or ".", error)
        return []
    found = []
    for entry in listed:
        try:
            is_folder = entry.is_dir()
            if is_folder and entry.is_symlink():
                continue
        except OSError:  # a link round in a loop: an input that fails when read, as in a walk
            is_folder = False
        found.append((entry, os.path.join(folder, entry.name) if folder else entry.name, is_folder))
    return found


def _note(unreadable: list[tuple[str, OSError]], folder: str, error: OSError) -> None:
    """Keep a folder that could not be listed, unless it is gone (a race) or is no folder at all."""
    if error.errno not in (errno.ENOENT, errno.ENOTDIR):
        unreadable.append((os.fspath(folder), error))


def _fixed_part(pattern: str) -> Path:
    """The folder a glob pattern starts in: its parts before the first one with a wildcard."""
    parts = Path(pattern).parts
    first = next(index for index, part in enumerate(parts) if _GLOB_MAGIC.search(part))
    return Path(*parts[:first]) if first else Path(".")


# --- naming outputs -------------------------------------------------------------------------

def output_stem(relative: PurePosixPath) -> PurePosixPath:
    """The output's path below the output folder, without extension: safe whatever the input's name."""
    return PurePosixPath(stem_text(relative))


def stem_text(relative: PurePosixPath | str) -> str:
    """``output_stem`` as text, parts joined by "/": what the batch names outputs with (text costs
    less than path objects, once per input)."""
    *folders, name = PurePosixPath(relative).parts or ("_",)
    name = name[:-3] if name.lower().endswith(".gz") else name
    for suffix in INPUT_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return "/".join(_safe_part(part) for part in [*folders, name])


def _safe_part(part: str) -> str:
    """One path part that cannot leave the folder, hide itself, or be too long for a file system."""
    safe = _UNSAFE_CHARS.sub("_", part)
    if safe in ("", ".", "..") or safe.startswith("."):
        safe = "_" + safe
    if len(safe.encode("utf-8")) > MAX_NAME_BYTES:
        digest = hashlib.sha256(part.encode("utf-8", "surrogateescape")).hexdigest()[:12]
        safe = safe.encode("utf-8")[: MAX_NAME_BYTES - 13].decode("utf-8", "ignore") + "-" + digest
    return safe


def release_paths(out_dir: str | os.PathLike, stem: str | PurePosixPath, extension: str, count: int) -> list[str]:
    """One release: ``STEM.ext``; several (a multi-exhibit submission): ``STEM.1.ext``, ``STEM.2.ext``…"""
    base = os.path.join(out_dir, stem)
    if count == 1:
        return [base + extension]
    return [f"{base}.{number}{extension}" for number in range(1, count + 1)]


def extension(to: str) -> str:
    return ".jsonl" if to == "jsonl" else FORMATS[to][0]


def remove_temporaries(out_dir: Path) -> int:
    """Delete the temporary files a killed run left in ``out_dir`` (never a finished output, nor
    one a live run writes: a feed's beside the outputs, a run into a folder below)."""
    removed = 0
    for top, _, files in os.walk(out_dir):
        for name in files:
            if TEMPORARY_NAME.fullmatch(name):  # write_atomic's, left by a killed run
                removed += remove_dead_temporary(os.path.join(top, name))
    return removed
