"""Read an input file of any supported format into an :class:`InputDocument`.

Every reader returns the same thing: the data as the JSON Schema describes
it, a source map from JSON pointer to the place in the file, and the problems
met while reading (values that had to be interpreted, cells that could not).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kamgen.problems import Location, Problem


@dataclass
class SourceMap:
    """JSON pointer → location in the file; unknown pointers fall back to their nearest parent."""

    file: str
    entries: dict[str, Location] = field(default_factory=dict)

    def add(self, pointer: str, location: Location) -> None:
        self.entries[pointer] = location

    def locate(self, pointer: str) -> Location:
        probe = pointer
        while True:
            location = self.entries.get(probe)
            if location is not None:
                return Location(
                    file=location.file, sheet=location.sheet, cell=location.cell,
                    line=location.line, column=location.column, pointer=pointer,
                )
            if not probe:
                return Location(file=self.file, pointer=pointer)
            probe = probe.rpartition("/")[0]


@dataclass
class InputDocument:
    path: Path
    display_name: str
    format: str
    kind: str | None
    data: Any
    source_map: SourceMap
    problems: list[Problem] = field(default_factory=list)
    content_hash: str = ""


def pointer_join(pointer: str, key: str | int) -> str:
    token = str(key).replace("~", "~0").replace("/", "~1")
    return f"{pointer}/{token}"


def read_document(path: Path, display_name: str | None = None) -> InputDocument:
    """Read ``path`` by its content and extension; raise InputFileError when it is no kamgen input."""
    from kamgen.readers.detect import read_any

    return read_any(Path(path), display_name or str(path))
