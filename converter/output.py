"""Stage 6: serialize records to a format and write files safely (temporary name, then rename)."""
from __future__ import annotations

import os
import re
import secrets
import stat
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from lxml import etree

try:
    import fcntl  # imported once: ``hold`` runs for every file a batch writes
except ImportError:  # Windows
    fcntl = None

from .errors import ConversionError
from .jsonform import json_bytes, release_to_dict
from .records import Release
from .transform import STYLESHEETS, render
from .xmlform import NAMESPACE, release_to_xml


def to_json(releases: list[Release]) -> bytes:
    """One release: a JSON object; several (a multi-exhibit submission): a JSON array of them."""
    return plain_to_json([release_to_dict(release) for release in releases])


def plain_to_json(plains: list[dict]) -> bytes:
    """``to_json`` of records already in plain form (the batch has them from the schema check)."""
    return json_bytes(plains[0] if len(plains) == 1 else plains)


def releases_to_xml(releases: list[Release]) -> etree._Element:
    if len(releases) == 1:
        return release_to_xml(releases[0])
    root = etree.Element(f"{{{NAMESPACE}}}releases", nsmap={None: NAMESPACE})
    for release in releases:
        root.append(release_to_xml(release))
    return root


def to_xml(releases: list[Release]) -> bytes:
    return etree.tostring(releases_to_xml(releases), xml_declaration=True, encoding="UTF-8", pretty_print=True)


FORMATS: dict[str, tuple[str, Callable[[list[Release]], bytes], str]] = {
    "json": (".json", to_json, "the record as JSON (an array when an input holds several releases)"),
    "xml": (".xml", to_xml, "the canonical XML (schemas/release.xsd)"),
}


def _stylesheet_format(name: str) -> Callable[..., bytes]:
    """A serializer running the built-in stylesheet ``name`` over the canonical XML (params optional)."""
    def serialize(releases: list[Release], params: dict[str, str] | None = None) -> bytes:
        return render(name, releases_to_xml(releases), params)
    return serialize


for _name, (_, _extension, _description) in STYLESHEETS.items():
    FORMATS.setdefault(_name, (_extension, _stylesheet_format(_name), _description))


def is_stream(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a device or a named pipe (``-o /dev/null``, ``-o /dev/stdout``): written
    to as it is, as stdout is; a file renamed over it would replace the device itself."""
    if os.fspath(path).startswith(("/dev/", "/proc/")):  # /dev/stdout >> log: a link to the log file itself
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISBLK(mode)


def file_target(path: str | os.PathLike) -> str:
    """Where a file written to ``path`` goes: the file a link names (a link to a file stays a link
    to the new file, as ``cp`` leaves it), else ``path``."""
    path = os.fspath(path)
    return os.path.realpath(path) if os.path.islink(path) and os.path.exists(path) else path


def write_output(path: str | os.PathLike, data: bytes, overwrite: bool = False) -> None:
    """``write_atomic`` for a file the user named: a device or a pipe is written as it is, a link
    to a file has its file replaced."""
    if is_stream(path):
        with open(path, "ab") as stream:  # "a": -o /dev/stdout >> log appends, as stdout would
            stream.write(data)
        return
    refuse_to_replace(path, overwrite)
    write_atomic(file_target(path), data, overwrite=True)


def refuse_to_replace(path: str | os.PathLike, overwrite: bool) -> None:
    """ConversionError when a file the user named must not be written: a link to nothing (not
    written through), or a file that exists and ``overwrite`` is not given."""
    if os.path.islink(path) and not os.path.exists(path):
        raise ConversionError("is a link to nothing; not writing through it", os.fspath(path))
    if not overwrite and os.path.lexists(path):
        raise ConversionError("exists; not overwriting it (use --overwrite)", os.fspath(path))


def write_atomic(path: str | os.PathLike, data: bytes, overwrite: bool = False,
                 before_making_folder: Callable[[str], None] | None = None) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder, so no partial file is left.
    The folder is made when the temporary cannot be created for want of it: a batch writes many
    files to each folder, and asking for the folder first would cost a look-up per file. So the
    batch is told then, in ``before_making_folder(folder)``, and may stop: a folder it wrote to before
    was removed during its run."""
    path = os.fspath(path)
    if not overwrite and os.path.exists(path):
        raise ConversionError("exists; not overwriting it (use --overwrite)", path)
    try:
        try:
            handle, temporary = temporary_beside(path)
        except FileNotFoundError:
            folder = os.path.dirname(path) or "."
            if before_making_folder is not None:
                before_making_folder(folder)
            os.makedirs(folder, exist_ok=True)
            handle, temporary = temporary_beside(path)
    except (NotADirectoryError, FileExistsError):
        blocking = what_is_in_the_way(Path(path).parent)
        if blocking is None:
            raise
        raise ConversionError(f"cannot write: {blocking}", path) from None
    try:
        # Held until renamed: another run's clean-up (remove_dead_temporary) leaves it be. Where there
        # are no such locks, the file is closed first, as Windows renames no open file.
        held = hold(handle)
        try:
            view = memoryview(data)
            while view:  # plain os.write: a batch writes one file per release, a file object costs more
                view = view[os.write(handle, view):]
            if not held:
                os.close(handle)
                handle = None
            try:
                os.replace(temporary, path)
            except IsADirectoryError:
                raise ConversionError("is a folder; give a file name", path) from None
        finally:
            if handle is not None:
                os.close(handle)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# ``temporary_beside``'s names, ".TARGET.XXXXXXXX.part" (mkstemp's letters too, as earlier versions wrote).
TEMPORARY_NAME = re.compile(r"^\.(?P<target>.+)\.[A-Za-z0-9_]{8}\.part$")  # anchored: searched, it backtracked


def remove_temporaries_of(path: str | os.PathLike, keep: str | None = None) -> None:
    """Delete the temporary files a killed run left beside ``path`` but ``keep`` (this run's own,
    made and held first, so two runs started together cannot both pass). One that a live run holds
    (``hold``) is that run's: ConversionError."""
    folder, name = os.path.split(os.fspath(path))
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return  # no folder yet: nothing left in it
    keep = os.path.basename(keep) if keep else None
    for each in names:
        if (found := TEMPORARY_NAME.fullmatch(each)) and found["target"] == name and each != keep:
            if not remove_dead_temporary(os.path.join(folder, each)):
                raise ConversionError("another prconvert run is writing this file now; wait for it to end",
                                      os.fspath(path))


def remove_dead_temporary(temporary: str) -> bool:
    """Delete a temporary file a killed run left; False, leaving it, when a live run holds it
    (``hold``). One that cannot be deleted stays: it is never taken for an output."""
    try:
        if not stat.S_ISREG(os.lstat(temporary).st_mode):  # a pipe so named would block the open
            os.unlink(temporary)
            return True
        handle = os.open(temporary, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return True  # gone already, or not to be opened: nothing to do about it
    try:
        if hold(handle) is False:
            return False
        with suppress(OSError):
            os.unlink(temporary)
    finally:
        os.close(handle)
    return True


def hold(handle: int) -> bool | None:
    """Take the exclusive lock of the open file or folder ``handle`` (flock), which the system
    gives back when the last descriptor of it is closed, the process ending however it ends.
    False: another process holds it; None: the system or its file system has no such locks."""
    if fcntl is None:  # Windows: runs are not kept apart
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None
    return True


def what_is_in_the_way(folder: Path) -> str | None:
    """What stands where ``folder`` or one of the folders above it should be ("x is a file"), if
    anything: every write below it would fail, so it is told once, up front."""
    for each in [folder, *folder.parents]:
        if os.path.lexists(each):
            if os.path.isdir(each):
                return None
            return f"{each} is {'a link to nothing' if not os.path.exists(each) else 'a file'}"
    return None


def temporary_beside(path: str) -> tuple[int, str]:
    """A new file ``.NAME.XXXXXXXX.part`` beside ``path``, opened exclusively. Like mkstemp, but
    without its per-call setup (a batch makes one per release), and with the user's umask applied
    (mkstemp's files are private to their owner: a feed made so could not be read by the system
    it is for)."""
    folder, name = os.path.split(path)
    for _ in range(100):
        temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.part")
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")
