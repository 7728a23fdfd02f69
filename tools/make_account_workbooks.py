"""Generate the Excel twins of the account examples from their YAML.

``inputs/yaml/versland-zuivel-accountplan.yaml`` and
``inputs/yaml/noordkaap-ontwikkelplan.yaml`` are read and written into the
account input workbook in ``inputs/excel/``, in the language the YAML names,
so the two versions cannot drift apart. The workbooks hold live formulas but
no saved results: Excel and LibreOffice calculate them when the file opens.

Usage::

    python tools/make_account_workbooks.py            # write the workbooks
    python tools/make_account_workbooks.py --check    # exit 1 when a committed workbook is out of date
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from kamgen.readers import read_document
from kamgen.workbooks import account
from kamgen.workbooks.writer import write_workbook

REPOSITORY = Path(__file__).resolve().parent.parent
# (YAML source, workbook target), both relative to inputs/.
EXAMPLES = (
    ("yaml/versland-zuivel-accountplan.yaml", "excel/versland-zuivel-accountplan.xlsx"),
    ("yaml/noordkaap-ontwikkelplan.yaml", "excel/noordkaap-ontwikkelplan.xlsx"),
)


def make_workbook(source: Path, target: Path) -> Path:
    """Write the account workbook for the YAML example at ``source`` to ``target``; return ``target``."""
    document = read_document(source)
    errors = [problem for problem in document.problems if problem.is_error]
    if errors:
        raise SystemExit(f"{source} cannot be read: {errors[0].message}")
    if document.kind != account.KIND:
        raise SystemExit(f"{source} is a {document.kind} input, not an account input")

    data = document.data
    return write_workbook(account.layout(account.parameters_for(data)), target, data.get("language", "nl"), data)


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
        print(f"{target.relative_to(REPOSITORY)} is out of date; run python tools/make_account_workbooks.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
