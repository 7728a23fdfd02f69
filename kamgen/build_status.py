"""Progress output of `kamgen build`: one status line per document, or a progress bar.

Status lines go to stderr, so stdout carries only the problem report
(text, JSON or GitHub annotations) and stays usable in pipes.
"""

from __future__ import annotations

import sys

from kamgen.build import (
    BUILT, CURRENT, EDITED, FAILED, INVALID, MISSING, STALE, UP_TO_DATE, VALIDATED,
    BuildOptions, BuildResult, InputOutcome,
)
from kamgen.i18n import t


class StatusPrinter:
    """Status lines on stderr (one per document), or a progress bar when stdout is a terminal."""

    def __init__(self, options: BuildOptions, show_bar: bool):
        self.options = options
        self.show_bar = show_bar
        self.bar = None
        self.bar_context = None
        self.failures: list[InputOutcome] = []

    def start(self, count: int) -> None:
        import click

        if self.show_bar and count:
            self.bar_context = click.progressbar(length=count, label=t("build.progress_label"), file=sys.stdout)
            self.bar = self.bar_context.__enter__()

    def outcome(self, outcome: InputOutcome) -> None:
        if outcome.status in (INVALID, FAILED, MISSING, STALE, EDITED):
            self.failures.append(outcome)
        if self.bar is not None and outcome.status != UP_TO_DATE:
            self.bar.update(1)
            return
        for line in self.lines(outcome):
            self.echo(line)

    def finish(self) -> None:
        if self.bar_context is not None:
            self.bar_context.__exit__(None, None, None)
            self.bar_context = self.bar = None
            for outcome in self.failures:
                for line in self.lines(outcome):
                    self.echo(line)

    def lines(self, outcome: InputOutcome) -> list[str]:
        options = self.options
        quiet, verbose = options.quiet, options.verbose
        status = outcome.status
        lines: list[str] = []

        if status in (BUILT, UP_TO_DATE, CURRENT):
            if quiet or (status == CURRENT and not verbose):
                return []
            for document in outcome.documents:
                lines.append(t(f"build.document_{document.status}", document=str(document.path)))
                if verbose and document.reason:
                    lines.append(f"  {document.reason}")
            if verbose and outcome.reason:
                lines.append(f"  {outcome.reason}")
            return lines
        if status == VALIDATED:
            return [] if quiet else [outcome.message or ""]
        if status in (MISSING, STALE, EDITED):
            if not outcome.documents:
                return [outcome.message or ""]
            for document in outcome.documents:
                if document.status != CURRENT:
                    lines.append(t(f"build.check_{document.status}", document=str(document.path), reason=document.reason or ""))
            return lines

        lines.append(outcome.message or "")
        if verbose and outcome.detail:
            lines.append(outcome.detail.rstrip())
        return lines

    def echo(self, line: str) -> None:
        import click

        if line:
            click.echo(line, err=True)

    def summary(self, result: BuildResult) -> None:
        import click

        if self.options.quiet and result.ok:
            return
        if result.check:
            problems = sum(1 for outcome in result.outcomes if outcome.status != CURRENT)
            key = "build.check_summary_ok" if result.ok else "build.check_summary_failed"
            click.echo(t(key, current=result.count_documents(CURRENT), inputs=len(result.outcomes), problems=problems), err=True)
            return
        click.echo(t(
            "build.summary", built=result.count_documents(BUILT), current=result.count_documents(UP_TO_DATE),
            validated=result.count(VALIDATED), invalid=result.count(INVALID), failed=result.count(FAILED),
        ), err=True)

