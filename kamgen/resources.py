"""Locate the data that ships with kamgen: schemas, templates, worksheet content.

In an installed wheel, ``schemas/`` and ``templates/`` sit inside the package
(see ``[tool.setuptools.package-dir]`` in pyproject.toml); in a source
checkout they sit beside it. Both layouts are looked up here, nowhere else.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder ``schemas``, ``templates`` or ``content``."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"kamgen data folder {name!r} not found next to {_PACKAGE}")


def schema_path(kind: str) -> Path:
    return data_dir("schemas") / f"{kind}.schema.json"


@lru_cache(maxsize=None)
def load_schema(kind: str) -> dict:
    return json.loads(schema_path(kind).read_text(encoding="utf-8"))


def template_path(name: str) -> Path:
    return data_dir("templates") / name
