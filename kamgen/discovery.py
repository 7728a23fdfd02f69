"""Find the input files a command works on: named files, folders, or ``inputs/``."""

from __future__ import annotations

from pathlib import Path

from kamgen.errors import UsageError
from kamgen.i18n import t

INPUT_SUFFIXES = (".xlsx", ".yaml", ".yml", ".json")
DEFAULT_INPUT_DIR = Path("inputs")
DEFAULT_OUTPUT_DIR = Path("output")


def collect_inputs(paths: list[Path]) -> list[Path]:
    """Expand folders into their input files, sorted by name; files are taken as given.

    Files in folders whose name starts with ``.`` or ``~$`` (Excel's lock files)
    are skipped; a named file of any extension is passed on, so the reader can
    say what is wrong with it.
    """
    if not paths:
        paths = [DEFAULT_INPUT_DIR]
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UsageError(t("reading.not_found", file=path))
        if path.is_dir():
            files = sorted(
                candidate for candidate in path.rglob("*")
                if candidate.is_file()
                and candidate.suffix.lower() in INPUT_SUFFIXES
                and not any(part.startswith((".", "~$")) for part in candidate.relative_to(path).parts)
            )
            if not files:
                raise UsageError(t("reading.is_directory_empty", file=path))
            found.extend(files)
        else:
            found.append(path)
    unique: list[Path] = []
    for path in found:
        if path not in unique:
            unique.append(path)
    return unique
