"""Generate the Excel twin of the organisation example from its YAML.

``inputs/yaml/hoekstra-organisatie.yaml`` is the source. This script writes
the same data into the organisation input workbook at
``inputs/excel/hoekstra-organisatie.xlsx``, in the language the YAML names.
The Excel example is generated rather than edited, so the two examples
cannot drift apart.

Usage::

    python tools/make_organisation_workbook.py            # write the workbook
    python tools/make_organisation_workbook.py --check    # exit 1 when the committed file is out of date

The workbook is normalised (fixed ZIP order and timestamps, dates from the
example's period), so ``--check`` compares bytes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from kamgen.ooxml import normalise_package
from kamgen.readers import read_document
from kamgen.workbooks.organisation import layout
from kamgen.workbooks.writer import document_date, write_workbook

REPOSITORY = Path(__file__).resolve().parent.parent
SOURCE = REPOSITORY / "inputs" / "yaml" / "hoekstra-organisatie.yaml"
TARGET = REPOSITORY / "inputs" / "excel" / "hoekstra-organisatie.xlsx"


def make_workbook(source: Path, target: Path) -> Path:
    """Write the organisation workbook for the YAML at ``source`` to ``target``; return ``target``."""
    document = read_document(source)
    if document.problems:
        raise SystemExit(f"{source} cannot be read: {document.problems[0].message}")

    data = document.data
    write_workbook(layout(), target, data.get("language", "nl"), data)
    normalise_package(target, document_date(data))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed workbook instead of writing it")
    arguments = parser.parse_args(argv)

    if not arguments.check:
        make_workbook(SOURCE, TARGET)
        print(f"wrote {TARGET.relative_to(REPOSITORY)}")
        return 0

    with tempfile.TemporaryDirectory() as folder:
        fresh = make_workbook(SOURCE, Path(folder) / TARGET.name)
        if TARGET.exists() and fresh.read_bytes() == TARGET.read_bytes():
            print(f"{TARGET.relative_to(REPOSITORY)} is up to date")
            return 0
    print(f"{TARGET.relative_to(REPOSITORY)} is out of date; run python tools/make_organisation_workbook.py", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
