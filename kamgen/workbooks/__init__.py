"""Excel input workbooks: declarative layouts, the writer, and blank inputs for ``kamgen new``.

See :mod:`kamgen.workbooks.layout` for how a layout is built and read.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType


def layout_module(kind: str) -> ModuleType | None:
    """Return ``kamgen.workbooks.<kind>`` when that kind has a workbook layout, else None."""
    from kamgen.catalogue import KINDS

    if kind not in KINDS:
        return None
    name = f"kamgen.workbooks.{kind}"
    if importlib.util.find_spec(name) is None:
        return None
    return importlib.import_module(name)
