"""Recognise what a file really is before reading it, and reject what kamgen cannot read.

The extension is only a hint: a renamed file, an HTML page saved as ``.xls``,
a password-protected workbook (an OLE2 container holding an
``EncryptedPackage`` stream) or a truncated ZIP each get their own message
naming the file and the fix.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from kamgen.catalogue import KINDS
from kamgen.errors import InputFileError, UsageError
from kamgen.i18n import t
from kamgen.problems import ERROR, Location, Problem
from kamgen.readers import InputDocument, SourceMap

# Inputs larger than this are rejected before parsing; a real portfolio of
# 10,000 customers is about 1 MB as xlsx and 3 MB as YAML.
MAX_INPUT_BYTES = 50 * 1024 * 1024

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def sniff(path: Path, head: bytes) -> str:
    """Return what the bytes are: xlsx, xlsm, ods, docx, zip, xls, encrypted, html, text or binary."""
    if head.startswith(_ZIP):
        return _sniff_zip(path)
    if head.startswith(_OLE2):
        with open(path, "rb") as stream:
            content = stream.read(4 * 1024 * 1024)
        return "encrypted" if _ENCRYPTED_STREAM in content else "xls"
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) and b"<html" in head.lower() or probe.startswith(b"<table"):
        return "html"
    if b"\x00" in head:
        return "binary"
    return "text"


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace")
                if "opendocument.spreadsheet" in mimetype:
                    return "ods"
                return "zip"
            if "xl/workbook.xml" in names:
                if "xl/vbaProject.bin" in names:
                    return "xlsm"
                content_types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
                if b"macroEnabled" in content_types:
                    return "xlsm"
                return "xlsx"
            if "word/document.xml" in names:
                return "docx"
            return "zip"
    except (zipfile.BadZipFile, OSError, EOFError, KeyError):
        return "corrupt_zip"


_DETECTED_NAMES = {
    "nl": {"xlsx": "Excel-werkmap", "xlsm": "werkmap met macro's", "ods": "OpenDocument-werkblad", "docx": "Word-document",
           "zip": "ZIP-archief", "xls": "oud Excel-bestand", "html": "webpagina", "text": "tekstbestand", "binary": "binair bestand"},
    "en": {"xlsx": "Excel workbook", "xlsm": "macro-enabled workbook", "ods": "OpenDocument spreadsheet", "docx": "Word document",
           "zip": "ZIP archive", "xls": "old Excel file", "html": "web page", "text": "text file", "binary": "binary file"},
}


def _reject(key: str, display_name: str, **params) -> InputFileError:
    return InputFileError(
        t(f"reading.{key}", file=display_name, **params), code=f"reading.{key}", location=Location(file=display_name),
    )


def read_any(path: Path, display_name: str) -> InputDocument:
    from kamgen.i18n import get_language

    if not path.exists():
        raise UsageError(t("reading.not_found", file=display_name))
    size = path.stat().st_size
    if size == 0:
        raise _reject("empty_file", display_name)
    if size > MAX_INPUT_BYTES:
        raise _reject("too_large", display_name, size=round(size / 1024 / 1024, 1), limit=MAX_INPUT_BYTES // 1024 // 1024)

    with open(path, "rb") as stream:
        head = stream.read(8192)
    detected = sniff(path, head)
    extension = path.suffix.lower()
    names = _DETECTED_NAMES[get_language()]

    if detected in ("xls", "xlsm", "ods", "encrypted", "html", "corrupt_zip"):
        raise _reject(detected, display_name)
    if detected == "xlsx":
        # A workbook is read by its content, whatever its extension.
        from kamgen.readers.excel import read_workbook

        document = read_workbook(path, display_name)
        return _with_hash(document, path)
    if detected in ("docx", "zip", "binary"):
        if extension == ".xlsx":
            raise _reject("not_xlsx", display_name, detected=names[detected])
        raise _reject("unsupported_extension", display_name, extension=extension or "(geen)")

    # A text file: JSON, YAML, or something kamgen does not read.
    if extension == ".csv" or (extension in (".txt", "") and b"," in head and b":" not in head):
        raise _reject("csv", display_name)
    if extension in (".xlsx", ".xls"):
        raise _reject("not_xlsx", display_name, detected=names["text"])
    if extension not in (".json", ".yaml", ".yml"):
        raise _reject("unsupported_extension", display_name, extension=extension or "(geen)")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _reject("binary_text", display_name) from error
    if not text.strip():
        raise _reject("empty_file", display_name)
    document = read_text(text, extension, display_name, path)
    return _with_hash(document, path)


def _with_hash(document: InputDocument, path: Path) -> InputDocument:
    document.content_hash = hashlib.sha256(path.read_bytes()).hexdigest()
    return document


def read_text(text: str, extension: str, display_name: str, path: Path) -> InputDocument:
    """Parse JSON or YAML text; syntax errors raise InputFileError with line and column."""
    from kamgen.readers.text import DuplicateKeyError, YamlSyntaxError, load_json, load_yaml

    problems: list[Problem] = []
    file_format = "json" if extension == ".json" else "yaml"
    try:
        if file_format == "json":
            data, source_map = load_json(text, display_name)
        else:
            data, source_map = load_yaml(text, display_name)
    except DuplicateKeyError as error:
        location = Location(file=display_name, line=error.line or None, column=error.column or None)
        raise InputFileError(t("reading.duplicate_key", key=str(error)), code="reading.duplicate_key", location=location) from error
    except YamlSyntaxError as error:
        location = Location(file=display_name, line=error.line, column=error.column)
        raise InputFileError(t("reading.yaml_syntax", file=display_name, detail=str(error)), code="reading.yaml_syntax", location=location) from error
    except json.JSONDecodeError as error:
        location = Location(file=display_name, line=error.lineno, column=error.colno)
        raise InputFileError(t("reading.json_syntax", file=display_name, detail=error.msg), code="reading.json_syntax", location=location) from error

    kind = detect_kind(data, display_name, problems, source_map)
    return InputDocument(
        path=path, display_name=display_name, format=file_format, kind=kind, data=data,
        source_map=source_map, problems=problems,
    )


def detect_kind(data: object, display_name: str, problems: list[Problem], source_map: SourceMap) -> str | None:
    if not isinstance(data, dict) or "kind" not in data:
        problems.append(Problem(code="reading.unknown_kind", severity=ERROR, message=t("reading.unknown_kind", file=display_name), pointer="/kind"))
        return None
    kind = data["kind"]
    if kind not in KINDS:
        problems.append(Problem(code="reading.bad_kind", severity=ERROR, message=t("reading.bad_kind", file=display_name, found=repr(kind)), pointer="/kind", value=kind))
        return None
    return kind
