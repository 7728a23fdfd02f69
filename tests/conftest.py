"""Fixtures shared by several test modules."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repository() -> Path:
    """The checkout's root folder, with inputs/, templates/ and schemas/."""
    return REPOSITORY


@pytest.fixture
def kamgen_env() -> dict[str, str]:
    """Environment for running kamgen as a subprocess, free of the caller's language and build settings."""
    environment = dict(os.environ)
    for name in ("KAMGEN_LANG", "SOURCE_DATE_EPOCH"):
        environment.pop(name, None)
    return environment
