"""Worksheet content as data: one YAML file per worksheet, Dutch and English side by side."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def load_content(number: int) -> dict:
    """Return the content of worksheet ``number`` (``kamgen/content/wsNN.yaml``)."""
    import yaml

    return yaml.safe_load((_HERE / f"ws{number:02d}.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_scales() -> dict:
    import yaml

    return yaml.safe_load((_HERE / "scales.yaml").read_text(encoding="utf-8"))
