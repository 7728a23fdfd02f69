"""Deterministic packages and atomic writes (kamgen.ooxml)."""

from __future__ import annotations

import datetime as dt
import io
import os
import struct
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest

from kamgen.errors import UsageError
from kamgen.ooxml import (
    is_temporary, normalise_package, remove_stale_temporaries, set_core_dates, source_date_epoch,
    strip_png_metadata, temporary_path, write_atomically, zip_date_time,
)

END_OF_2026 = dt.datetime(2026, 12, 31, tzinfo=dt.timezone.utc)
DCTERMS = "{http://purl.org/dc/terms/}"


def make_workbook(path: Path, created: dt.datetime) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Versland Zuivel B.V."
    workbook.properties.created = created
    workbook.save(path)
    return path


def make_document(path: Path, text: str = "Hoekstra Koeltechniek") -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def core_dates(path: Path) -> tuple[str, str]:
    with zipfile.ZipFile(path) as archive:
        core = ElementTree.fromstring(archive.read("docProps/core.xml"))
    return core.find(f"{DCTERMS}created").text, core.find(f"{DCTERMS}modified").text


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def tiny_png(*extra_chunks: bytes) -> bytes:
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    pixels = png_chunk(b"IDAT", zlib.compress(b"\x00\x00"))
    return b"\x89PNG\r\n\x1a\n" + header + b"".join(extra_chunks) + pixels + png_chunk(b"IEND", b"")


def chunk_types(png: bytes) -> list[bytes]:
    types, position = [], 8
    while position < len(png):
        (length,) = struct.unpack(">I", png[position:position + 4])
        types.append(png[position + 4:position + 8])
        position += 12 + length
    return types


def test_entry_order_content_types_first(tmp_path):
    path = make_workbook(tmp_path / "a.xlsx", dt.datetime(2024, 5, 1, 12, 0))

    normalise_package(path, END_OF_2026)

    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert names[2:] == sorted(names[2:])


def test_entries_carry_the_timestamp(tmp_path):
    path = make_document(tmp_path / "a.docx")

    normalise_package(path, END_OF_2026)

    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
    assert {info.date_time for info in infos} == {(2026, 12, 31, 0, 0, 0)}
    assert {info.create_system for info in infos} == {3}
    assert {info.external_attr for info in infos} == {0o644 << 16}
    assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED}


def test_core_properties_get_the_timestamp(tmp_path):
    path = make_workbook(tmp_path / "a.xlsx", dt.datetime(2024, 5, 1, 12, 0))

    normalise_package(path, dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc))

    assert core_dates(path) == ("2026-03-04T05:06:07Z", "2026-03-04T05:06:07Z")
    with zipfile.ZipFile(path) as archive:
        core = ElementTree.fromstring(archive.read("docProps/core.xml"))
    assert core.find("{http://purl.org/dc/elements/1.1/}creator").text == "openpyxl"


def test_workbooks_saved_at_different_times_become_identical(tmp_path):
    first = make_workbook(tmp_path / "first.xlsx", dt.datetime(2020, 1, 1, 8, 0))
    second = make_workbook(tmp_path / "second.xlsx", dt.datetime(2025, 7, 9, 17, 33))
    assert first.read_bytes() != second.read_bytes()

    normalise_package(first, END_OF_2026)
    normalise_package(second, END_OF_2026)

    assert first.read_bytes() == second.read_bytes()


def test_normalising_twice_changes_nothing(tmp_path):
    path = make_document(tmp_path / "a.docx")
    normalise_package(path, END_OF_2026)
    once = path.read_bytes()

    normalise_package(path, END_OF_2026)

    assert path.read_bytes() == once


def test_normalised_document_still_opens(tmp_path):
    import docx

    path = make_document(tmp_path / "a.docx", "Jansen & Zn <BV>")

    normalise_package(path, END_OF_2026)

    assert [paragraph.text for paragraph in docx.Document(str(path)).paragraphs] == ["Jansen & Zn <BV>"]


def test_timestamp_in_other_zone_is_converted_to_utc(tmp_path):
    path = make_document(tmp_path / "a.docx")
    amsterdam_winter = dt.timezone(dt.timedelta(hours=1))

    # 01:00 on 1 January at UTC+1 is 00:00 UTC.
    normalise_package(path, dt.datetime(2027, 1, 1, 1, 0, tzinfo=amsterdam_winter))

    assert core_dates(path) == ("2027-01-01T00:00:00Z", "2027-01-01T00:00:00Z")


def test_missing_core_dates_are_added():
    core = (
        b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>kamgen</dc:creator></cp:coreProperties>'
    )

    rewritten = ElementTree.fromstring(set_core_dates(core, END_OF_2026))

    assert rewritten.find(f"{DCTERMS}created").text == "2026-12-31T00:00:00Z"
    assert rewritten.find(f"{DCTERMS}modified").text == "2026-12-31T00:00:00Z"
    assert rewritten.find(f"{DCTERMS}created").get("{http://www.w3.org/2001/XMLSchema-instance}type") == "dcterms:W3CDTF"


def test_zip_date_time_clamps_and_rounds():
    assert zip_date_time(dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)) == (1980, 1, 1, 0, 0, 0)
    # ZIP keeps even seconds: 13 s becomes 12 s.
    assert zip_date_time(dt.datetime(2026, 6, 1, 10, 20, 13, tzinfo=dt.timezone.utc)) == (2026, 6, 1, 10, 20, 12)
    assert zip_date_time(dt.datetime(2200, 1, 1, tzinfo=dt.timezone.utc)) == (2107, 12, 31, 23, 59, 58)


def test_png_text_and_time_chunks_removed():
    text = png_chunk(b"tEXt", b"Software\x00matplotlib version3.11")
    stamp = png_chunk(b"tIME", struct.pack(">HBBBBB", 2026, 12, 4, 19, 56, 6))
    international = png_chunk(b"iTXt", b"Comment\x00\x00\x00\x00\x00hallo")
    gamma = png_chunk(b"gAMA", struct.pack(">I", 45455))

    stripped = strip_png_metadata(tiny_png(text, stamp, gamma, international))

    assert chunk_types(stripped) == [b"IHDR", b"gAMA", b"IDAT", b"IEND"]
    assert stripped == tiny_png(gamma)


def test_png_in_package_is_stripped(tmp_path):
    path = tmp_path / "with-image.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/media/image1.png", tiny_png(png_chunk(b"tEXt", b"Software\x00x")))

    normalise_package(path, END_OF_2026)

    with zipfile.ZipFile(path) as archive:
        assert chunk_types(archive.read("word/media/image1.png")) == [b"IHDR", b"IDAT", b"IEND"]


def test_broken_png_left_alone():
    truncated = tiny_png()[:20]

    assert strip_png_metadata(truncated) == truncated
    assert strip_png_metadata(b"not a png") == b"not a png"


def test_matplotlib_png_loses_software_text():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure = pyplot.figure(figsize=(1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    pyplot.close(figure)

    assert b"tEXt" in buffer.getvalue()
    assert b"tEXt" not in strip_png_metadata(buffer.getvalue())


def test_write_atomically_bytes(tmp_path):
    target = tmp_path / "sub/file.json"

    write_atomically(target, b"{}")

    assert target.read_bytes() == b"{}"
    assert os.listdir(tmp_path / "sub") == ["file.json"]


def test_write_atomically_keeps_old_content_on_failure(tmp_path):
    target = tmp_path / "report.docx"
    target.write_bytes(b"old")

    def failing_writer(path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, failing_writer)

    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["report.docx"]


def test_write_atomically_normalises_with_timestamp(tmp_path):
    import docx

    target = tmp_path / "form.docx"

    def save(path: Path) -> None:
        document = docx.Document()
        document.add_paragraph("Werkblad 1")
        document.save(str(path))

    write_atomically(target, save, timestamp=dt.date(2026, 12, 31))

    assert core_dates(target) == ("2026-12-31T00:00:00Z", "2026-12-31T00:00:00Z")


def test_temporary_path_is_hidden_and_keeps_suffix(tmp_path):
    temporary = temporary_path(tmp_path / "klantportfolio-x.xlsx", owner=4242)

    assert temporary.parent == tmp_path
    assert temporary.name.startswith(".klantportfolio-x.kamgen-tmp-4242-")
    assert temporary.suffix == ".xlsx"
    assert is_temporary(temporary)
    assert not is_temporary(tmp_path / "klantportfolio-x.xlsx")


def test_stale_temporaries_of_dead_writers_removed(tmp_path):
    # 999999999 is above Linux's largest pid (4194304), so no process has it.
    dead = temporary_path(tmp_path / "deep/a.docx", owner=999_999_999)
    alive = temporary_path(tmp_path / "deep/b.docx")
    ordinary = tmp_path / "deep/.kamgen-tmp-notes.txt"
    dead.parent.mkdir()
    for path in (dead, alive, ordinary):
        path.write_bytes(b"x")

    removed = remove_stale_temporaries(tmp_path)

    assert removed == [dead]
    assert not dead.exists()
    assert alive.exists()
    assert ordinary.exists()


def test_source_date_epoch_parsed():
    # 1767139200 s = 20453 days × 86400 s, and day 20453 after 1970-01-01 is 2025-12-31.
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "1767139200"}) == dt.datetime(2025, 12, 31, tzinfo=dt.timezone.utc)
    assert source_date_epoch({}) is None
    assert source_date_epoch({"SOURCE_DATE_EPOCH": " "}) is None


@pytest.mark.parametrize("value", ["gisteren", "1.5", "1e9", "99999999999999999999"])
def test_bad_source_date_epoch_rejected(value):
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH"):
        source_date_epoch({"SOURCE_DATE_EPOCH": value})
