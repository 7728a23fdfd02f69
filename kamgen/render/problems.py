"""Problem reports as text (grouped per file and worksheet), JSON, or GitHub annotations."""

from __future__ import annotations

from kamgen.catalogue import BY_NUMBER
from kamgen.i18n import get_language, t
from kamgen.problems import Report, sort_problems

_RED = "\x1b[31m"
_YELLOW = "\x1b[33m"
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def format_report(report: Report, output_format: str, *, strict: bool = False, color: bool = False) -> str:
    if output_format == "json":
        return report.to_json(strict)
    if output_format == "github":
        return format_github(report)
    return format_text(report, strict=strict, color=color)


def format_text(report: Report, *, strict: bool = False, color: bool = False) -> str:
    language = get_language()
    lines: list[str] = []

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    for file_report in report.files:
        problems = sort_problems(file_report.problems)
        if not problems:
            lines.append(t("cli.file_ok", file=file_report.file))
            continue
        lines.append(paint(file_report.file, _BOLD))
        groups: dict[int | None, list] = {}
        for problem in problems:
            groups.setdefault(problem.worksheet, []).append(problem)
        for worksheet in sorted(groups, key=lambda number: (number is not None, number or 0)):
            if worksheet is None:
                heading = t("cli.general_group")
            else:
                heading = t("cli.worksheet_group", number=worksheet, title=BY_NUMBER[worksheet].title(language))
            lines.append(f"  {heading}")
            for problem in groups[worksheet]:
                severity = t(f"cli.severity_{problem.severity}")
                severity = paint(severity, _RED if problem.is_error else _YELLOW)
                where = problem.location.describe() if problem.location else file_report.file
                lines.append(f"    {where}: {severity} [{problem.code}] {problem.message}")
    errors, warnings = report.counts()
    if errors or (strict and warnings):
        lines.append(t("cli.summary_invalid", files=len(report.files), errors=errors, warnings=warnings))
    else:
        lines.append(t("cli.summary_valid", files=len(report.files), warnings=warnings))
    return "\n".join(lines)


def _escape_github(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(report: Report) -> str:
    """Return workflow command lines (``::error file=…,line=…::message``) for GitHub Actions."""
    lines = []
    for problem in sort_problems(report.problems):
        location = problem.location
        properties = [f"file={_escape_github(location.file if location else '', property_value=True)}"]
        if location and location.line is not None:
            properties.append(f"line={location.line}")
            if location.column is not None:
                properties.append(f"col={location.column}")
        title = problem.code
        if location and location.sheet:
            title = f"{location.sheet}!{location.cell or ''} {problem.code}".strip()
        properties.append(f"title={_escape_github(title, property_value=True)}")
        command = "error" if problem.is_error else "warning"
        lines.append(f"::{command} {','.join(properties)}::{_escape_github(problem.message)}")
    return "\n".join(lines)
