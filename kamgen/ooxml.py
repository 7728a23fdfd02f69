"""Deterministic Office packages and atomic writes.

Word (.docx) and Excel (.xlsx) files are ZIP packages. python-docx and
openpyxl write the entries in their own order, stamp every entry and the
document properties with the current time, and matplotlib adds text chunks to
PNG images. :func:`normalise_package` rewrites such a package so that the same
content always gives the same bytes. :func:`write_atomically` writes a file
under a hidden temporary name in the target folder and renames it into place,
so an interrupted run never leaves a half-written file under the real name.

Every document kamgen writes (reports and the blank pack) goes through both.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import struct
import zipfile
from pathlib import Path
from typing import Callable, Mapping

from kamgen.errors import UsageError
from kamgen.i18n import t

# ZIP stores local DOS time with two-second resolution, from 1980 to 2107.
ZIP_EARLIEST = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)
ZIP_LATEST = dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.timezone.utc)

# Entries that readers expect near the start of the package; the rest follow sorted by name.
LEADING_ENTRIES = ("[Content_Types].xml", "_rels/.rels")
CORE_PROPERTIES = "docProps/core.xml"
COMPRESSION_LEVEL = 6
UNIX_SYSTEM = 3
ENTRY_MODE = 0o644

# The environment variable of the reproducible-builds convention: seconds since 1970-01-01 UTC.
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"

_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Ancillary PNG chunks that carry text or a modification time rather than pixels.
_PNG_METADATA_CHUNKS = {b"tEXt", b"zTXt", b"iTXt", b"tIME"}

TEMPORARY_MARKER = ".kamgen-tmp-"
# ".<stem>.kamgen-tmp-<pid>-<token><suffix>": hidden, with the pid of the writing process.
_TEMPORARY_NAME = re.compile(r"^\..*\.kamgen-tmp-(\d+)-[0-9a-f]+(\.[A-Za-z0-9]+)?$")


def source_date_epoch(environ: Mapping[str, str] | None = None) -> dt.datetime | None:
    """Return the time set in ``SOURCE_DATE_EPOCH`` as an aware UTC datetime, or None when unset.

    Raises UsageError when the value is not a whole number of seconds,
    because silently ignoring it would break reproducibility.
    """
    environ = os.environ if environ is None else environ
    raw = environ.get(SOURCE_DATE_EPOCH, "").strip()
    if not raw:
        return None
    try:
        seconds = int(raw)
        return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError) as error:
        raise UsageError(t("build.bad_source_date_epoch", value=raw)) from error


def as_utc(timestamp: dt.datetime | dt.date | int | float) -> dt.datetime:
    """Return the timestamp as an aware UTC datetime; a naive datetime counts as UTC, a date as 00:00 UTC."""
    if isinstance(timestamp, (int, float)):
        return dt.datetime.fromtimestamp(timestamp, tz=dt.timezone.utc)
    if isinstance(timestamp, dt.datetime):
        if timestamp.tzinfo is None:
            return timestamp.replace(tzinfo=dt.timezone.utc)
        return timestamp.astimezone(dt.timezone.utc)
    return dt.datetime(timestamp.year, timestamp.month, timestamp.day, tzinfo=dt.timezone.utc)


def normalise_package(path: Path, timestamp: dt.datetime | dt.date | int | float) -> None:
    """Rewrite the ZIP package at ``path`` so that its bytes depend only on its content and ``timestamp``.

    What changes:

    - entry order: ``[Content_Types].xml``, ``_rels/.rels``, then every other entry sorted by name;
    - every entry gets ``timestamp`` (in UTC, clamped to the years ZIP can hold), the same
      compression, no extra fields and the same file mode (0644);
    - ``docProps/core.xml``: ``dcterms:created`` and ``dcterms:modified`` are set to ``timestamp``
      (added when missing); other properties such as the author are kept;
    - PNG images lose their text and time chunks (``tEXt``, ``zTXt``, ``iTXt``, ``tIME``).

    Normalising twice gives the same bytes as normalising once. Deflate output
    can differ between zlib implementations, so equal bytes across machines
    assume the same zlib. The package is rewritten through a temporary file in
    the same folder, so ``path`` never contains a half-written package. Works
    for any OOXML package (.docx, .xlsx, .pptx); the blank pack uses it too.
    """
    path = Path(path)
    moment = as_utc(timestamp)
    with zipfile.ZipFile(path) as source:
        entries = {info.filename: source.read(info) for info in source.infolist() if not info.is_dir()}

    entries = {name: _normalise_entry(name, content) for name, content in entries.items()}
    if CORE_PROPERTIES in entries:
        entries[CORE_PROPERTIES] = set_core_dates(entries[CORE_PROPERTIES], moment)

    write_atomically(path, lambda temporary: _write_zip(temporary, entries, moment))


def _normalise_entry(name: str, content: bytes) -> bytes:
    if name.lower().endswith(".png"):
        return strip_png_metadata(content)
    return content


def _entry_order(name: str) -> tuple[int, str]:
    if name in LEADING_ENTRIES:
        return (LEADING_ENTRIES.index(name), "")
    return (len(LEADING_ENTRIES), name)


def zip_date_time(moment: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """Return the ZIP ``date_time`` for an aware datetime: UTC, clamped to 1980–2107, even seconds."""
    moment = min(max(moment, ZIP_EARLIEST), ZIP_LATEST)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second - moment.second % 2)


def _write_zip(target: Path, entries: Mapping[str, bytes], moment: dt.datetime) -> None:
    date_time = zip_date_time(moment)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESSION_LEVEL) as archive:
        for name in sorted(entries, key=_entry_order):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            # ZipInfo's defaults depend on the platform (0 on Windows, 3 elsewhere); fix them to
            # "made on Unix, mode rw-r--r--" so extracting gives ordinary readable files.
            info.create_system = UNIX_SYSTEM
            info.external_attr = ENTRY_MODE << 16
            archive.writestr(info, entries[name], compresslevel=COMPRESSION_LEVEL)


def set_core_dates(core_xml: bytes, moment: dt.datetime) -> bytes:
    """Return ``docProps/core.xml`` with ``dcterms:created`` and ``dcterms:modified`` set to ``moment``."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    root = etree.fromstring(core_xml, parser)
    stamp = as_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")

    for local_name in ("created", "modified"):
        element = root.find(f"{{{_DCTERMS}}}{local_name}")
        if element is None:
            element = etree.SubElement(root, f"{{{_DCTERMS}}}{local_name}", nsmap={"dcterms": _DCTERMS, "xsi": _XSI})
        element.set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
        element.text = stamp

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def strip_png_metadata(content: bytes) -> bytes:
    """Return the PNG without its text and time chunks; anything that is not a well-formed PNG is returned as is."""
    if not content.startswith(_PNG_SIGNATURE):
        return content
    kept = [_PNG_SIGNATURE]
    position = len(_PNG_SIGNATURE)
    while position + 8 <= len(content):
        (length,) = struct.unpack(">I", content[position:position + 4])
        chunk_type = content[position + 4:position + 8]
        end = position + 12 + length
        if end > len(content):
            return content
        if chunk_type not in _PNG_METADATA_CHUNKS:
            kept.append(content[position:end])
        position = end
        if chunk_type == b"IEND":
            break
    return b"".join(kept)


def temporary_path(target: Path, owner: int | None = None) -> Path:
    """Return a new hidden name beside ``target`` for writing it: ``.<stem>.kamgen-tmp-<pid>-<token><suffix>``.

    The name keeps the suffix, because some writers choose the format by it;
    the leading dot keeps it out of ``*.docx`` globs and file listings. The pid
    (``owner``, default this process) lets :func:`remove_stale_temporaries`
    tell files of a killed run from files of a running one.
    """
    target = Path(target)
    pid = os.getpid() if owner is None else owner
    return target.with_name(f".{target.stem}{TEMPORARY_MARKER}{pid}-{secrets.token_hex(4)}{target.suffix}")


def commit(temporary: Path, target: Path) -> None:
    """Move a finished temporary file onto ``target`` in one step (``os.replace`` on the same file system)."""
    with open(temporary, "rb") as stream:
        os.fsync(stream.fileno())
    os.replace(temporary, target)


def discard(temporary: Path) -> None:
    """Remove a temporary file if it exists."""
    try:
        Path(temporary).unlink()
    except FileNotFoundError:
        pass


def write_atomically(
    target: Path,
    content: bytes | Callable[[Path], object],
    *,
    timestamp: dt.datetime | dt.date | int | float | None = None,
) -> Path:
    """Write ``target`` through a temporary file in its folder and rename it into place.

    ``content`` is either the bytes to write or a function that writes the
    file at the path it is given (``document.save``, ``workbook.save``). With
    ``timestamp``, the written file is an Office package and is normalised
    with :func:`normalise_package` before the rename. On any exception the
    temporary file is removed and ``target`` keeps its old content.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(target)
    try:
        if callable(content):
            content(temporary)
        else:
            temporary.write_bytes(content)
        if timestamp is not None:
            normalise_package(temporary, timestamp)
        commit(temporary, target)
    except BaseException:
        discard(temporary)
        raise
    return target


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":
        # NOTE: os.kill(pid, 0) sends CTRL_C_EVENT on Windows, so there every writer counts as alive
        # and leftover temporary files stay until someone removes them.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove temporary files that killed runs left anywhere under ``folder``; return what was removed.

    A temporary file whose writer (the pid in its name) still runs is kept, so
    two builds into the same folder do not remove each other's files.
    """
    folder = Path(folder)
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.rglob(f"*{TEMPORARY_MARKER}*"):
        match = _TEMPORARY_NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        if _process_alive(int(match.group(1))):
            continue
        discard(path)
        removed.append(path)
    return removed


def is_temporary(path: Path) -> bool:
    """Tell whether ``path`` is a temporary file name made by :func:`temporary_path`."""
    return _TEMPORARY_NAME.match(Path(path).name) is not None

