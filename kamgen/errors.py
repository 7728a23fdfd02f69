"""Exceptions for conditions that stop a command as a whole.

Problems in an input (a wrong value, a missing field) are not exceptions: they
are collected as :class:`kamgen.problems.Problem` records. The classes here are
for what makes a run impossible; :mod:`kamgen.cli` maps each to an exit code.
"""

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class KamgenError(Exception):
    """Base class; ``message`` is already in the user's language."""

    exit_code = EXIT_INVALID

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(KamgenError):
    """Raised for a bad option value or a path that does not exist."""

    exit_code = EXIT_USAGE


class InputFileError(KamgenError):
    """Raised when a file cannot be read as a kamgen input at all.

    ``code`` is the stable problem code (``reading.xls``, ``reading.empty_file``,
    …) and ``location`` the place in the file when one is known, so the
    validation report can show the failure like any other problem.
    """

    exit_code = EXIT_INVALID

    def __init__(self, message: str, *, code: str = "reading.failed", location=None, hint: str | None = None):
        super().__init__(message, hint=hint)
        self.code = code
        self.location = location


class TemplateError(KamgenError):
    """Raised when a Word template fails to render, with the nearby template text."""

    exit_code = EXIT_INVALID


class ToolMissingError(KamgenError):
    """Raised when an external program (LibreOffice) is needed but not installed."""

    exit_code = EXIT_INVALID
