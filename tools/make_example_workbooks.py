"""Generate the Excel twins of the YAML examples that have an input workbook layout.

Each YAML example in ``inputs/yaml/`` listed in ``EXAMPLES`` is read and
written into its kind's input workbook in ``inputs/excel/``, in the language
the YAML names, so the two versions cannot drift apart.

Usage::

    python tools/make_example_workbooks.py            # write the workbooks
    python tools/make_example_workbooks.py --check    # exit 1 when a committed workbook is out of date

The workbooks are normalised (fixed ZIP order and timestamps, dates from the
example's period), so ``--check`` compares bytes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from kamgen.readers import read_document
from kamgen.workbooks import layout_module
from kamgen.workbooks.writer import write_workbook

REPOSITORY = Path(__file__).resolve().parent.parent
# (YAML source, workbook target), both relative to inputs/.
EXAMPLES = (
    ("yaml/hoekstra-portfolio.yaml", "excel/hoekstra-portfolio.xlsx"),
)


def make_workbook(source: Path, target: Path) -> Path:
    """Write the workbook for the YAML example at ``source`` to ``target``; return ``target``."""
    document = read_document(source)
    errors = [problem for problem in document.problems if problem.is_error]
    if errors:
        raise SystemExit(f"{source} cannot be read: {errors[0].message}")

    data = document.data
    module = layout_module(document.kind)
    if module is None:
        raise SystemExit(f"{source}: the kind {document.kind} has no workbook layout")
    return write_workbook(module.layout(module.parameters_for(data)), target, data.get("language", "nl"), data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed workbooks instead of writing them")
    arguments = parser.parse_args(argv)

    inputs = REPOSITORY / "inputs"
    stale = []
    for source_name, target_name in EXAMPLES:
        source, target = inputs / source_name, inputs / target_name
        if not arguments.check:
            make_workbook(source, target)
            print(f"wrote {target.relative_to(REPOSITORY)}")
            continue
        with tempfile.TemporaryDirectory() as folder:
            fresh = make_workbook(source, Path(folder) / target.name)
            if not target.exists() or fresh.read_bytes() != target.read_bytes():
                stale.append(target)

    for target in stale:
        print(f"{target.relative_to(REPOSITORY)} is out of date; run python tools/make_example_workbooks.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
