"""Problems found in an input, as data.

A :class:`Problem` has a stable code, a severity, a location, the worksheet
and field it concerns, the value found and a message in the user's language
that tells people what to do. Readers, the schema layer and the method rules all
produce problems; :class:`Report` collects them and decides the exit code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Location:
    """Place of a problem: a file, plus a cell for Excel or a line for JSON/YAML."""

    file: str
    sheet: str | None = None
    cell: str | None = None
    line: int | None = None
    column: int | None = None
    pointer: str | None = None

    def describe(self) -> str:
        """Return ``file, Sheet!C7`` or ``file:12:5`` as shown to people."""
        if self.sheet:
            return f"{self.file}, {self.sheet}!{self.cell}" if self.cell else f"{self.file}, {self.sheet}"
        if self.line is not None:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return self.file

    def sort_key(self) -> tuple:
        row, column = _cell_order(self.cell)
        return (self.file, self.sheet or "", row, column, self.line or 0, self.column or 0, self.pointer or "")


_CELL = re.compile(r"([A-Z]+)(\d+)")


def _cell_order(cell: str | None) -> tuple[int, int]:
    """Return (row, column) so that C9 sorts before AA10, and B7 before B10."""
    match = _CELL.fullmatch(cell or "")
    if not match:
        return (0, 0)
    letters, row = match.groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return (int(row), column)


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str
    message: str
    pointer: str = ""
    worksheet: int | None = None
    field: str | None = None
    value: Any = None
    location: Location | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def located(self, location: Location) -> "Problem":
        return replace(self, location=location)

    def as_dict(self) -> dict[str, Any]:
        location = self.location or Location(file="")
        return {
            "code": self.code,
            "severity": self.severity,
            "file": location.file,
            "sheet": location.sheet,
            "cell": location.cell,
            "line": location.line,
            "column": location.column,
            "pointer": location.pointer if location.pointer is not None else self.pointer,
            "worksheet": self.worksheet,
            "field": self.field,
            "value": _jsonable(self.value),
            "message": self.message,
        }


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    return str(value)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(
        problems,
        key=lambda problem: (
            (problem.location or Location(file="")).sort_key(),
            problem.severity != ERROR,
            problem.code,
            problem.message,
        ),
    )


@dataclass
class FileReport:
    """The problems of one input file, and what kind of input it turned out to be."""

    file: str
    kind: str | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.is_error]

    def valid(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)


@dataclass
class Report:
    files: list[FileReport] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [problem for report in self.files for problem in report.problems]

    def valid(self, strict: bool = False) -> bool:
        return all(report.valid(strict) for report in self.files)

    def counts(self) -> tuple[int, int]:
        problems = self.problems
        errors = sum(1 for problem in problems if problem.is_error)
        return errors, len(problems) - errors

    def as_dict(self, strict: bool = False) -> dict[str, Any]:
        errors, warnings = self.counts()
        return {
            "valid": self.valid(strict),
            "errors": errors,
            "warnings": warnings,
            "files": [
                {
                    "file": report.file,
                    "kind": report.kind,
                    "valid": report.valid(strict),
                    "problems": [problem.as_dict() for problem in sort_problems(report.problems)],
                }
                for report in self.files
            ],
        }

    def to_json(self, strict: bool = False) -> str:
        return json.dumps(self.as_dict(strict), ensure_ascii=False, indent=2)
