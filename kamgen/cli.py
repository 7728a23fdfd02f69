"""The ``kamgen`` command line: a thin Click layer over the library.

Each command parses its options and calls one library function; this module
maps :class:`kamgen.errors.KamgenError` to exit codes in one place and keeps
heavy imports (openpyxl, docxtpl, matplotlib) inside the commands.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kamgen import __version__
from kamgen.errors import EXIT_INTERNAL, KamgenError
from kamgen.i18n import LANGUAGES, get_language, normalise_language, set_language, t


def translate_click() -> None:
    """Route Click's gettext texts through kamgen's Dutch table when the language is Dutch."""
    import gettext

    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    def translate(message: str) -> str:
        if get_language() != "nl":
            return gettext.gettext(message)
        from kamgen.messages.click_texts import MESSAGES

        return MESSAGES.get(message, message)

    def translate_plural(singular: str, plural: str, count: int) -> str:
        return translate(singular if count == 1 else plural)

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        if hasattr(module, "_"):
            module._ = translate
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural


def _language_from_argv(argv: list[str]) -> str | None:
    """Find ``--lang`` before Click parses, because help texts depend on it."""
    for index, argument in enumerate(argv):
        if argument == "--lang" and index + 1 < len(argv):
            return normalise_language(argv[index + 1])
        if argument.startswith("--lang="):
            return normalise_language(argument.split("=", 1)[1])
    return None


def _set_lang(context: click.Context, parameter: click.Parameter, value: str | None) -> str:
    if value:
        set_language(value)
    return get_language()


def lang_option(function):
    return click.option(
        "--lang", type=click.Choice(LANGUAGES), default=None, expose_value=False, is_eager=True,
        callback=_set_lang, help=t("cli.opt_lang"),
    )(function)


def _paths(values: tuple[str, ...]) -> list[Path]:
    return [Path(value) for value in values]


def _print_problems(report, output_format: str, strict: bool) -> None:
    from kamgen.render.problems import format_report

    text = format_report(report, output_format, strict=strict, color=sys.stdout.isatty())
    if text:
        click.echo(text)


class KamgenGroup(click.Group):
    """A Click group that turns kamgen's exceptions into one message and an exit code."""

    def invoke(self, context: click.Context):
        try:
            return super().invoke(context)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KamgenError as error:
            click.echo(error.message, err=True)
            if error.hint:
                click.echo(error.hint, err=True)
            context.exit(error.exit_code)
        except Exception as error:  # noqa: BLE001 - the one place that turns crashes into exit code 3
            if (context.obj or {}).get("debug"):
                raise
            click.echo(t("cli.internal_error", error=f"{type(error).__name__}: {error}"), err=True)
            context.exit(EXIT_INTERNAL)


def make_cli() -> click.Group:
    """Build the command group; called after the language is known so help texts are localised."""

    @click.group(cls=KamgenGroup, help=t("cli.main_help"), context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
    @click.version_option(__version__, "--version", prog_name="kamgen", message="%(prog)s %(version)s", help=t("cli.opt_version"))
    @lang_option
    @click.option("--debug", is_flag=True, help=t("cli.opt_debug"))
    @click.pass_context
    def cli(context: click.Context, debug: bool) -> None:
        context.ensure_object(dict)
        context.obj["debug"] = debug

    @cli.command("list", help=t("cli.list_help"))
    @lang_option
    @click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", help=t("cli.opt_list_format"))
    def list_command(output_format: str) -> None:
        from kamgen.render.listing import format_catalogue

        click.echo(format_catalogue(output_format, get_language()))

    @cli.command("validate", help=t("cli.validate_help"))
    @lang_option
    @click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=True))
    @click.option("--format", "output_format", type=click.Choice(["text", "json", "github"]), default="text", help=t("cli.opt_problem_format"))
    @click.option("--strict", is_flag=True, help=t("cli.opt_strict"))
    @click.option("-q", "--quiet", is_flag=True, help=t("cli.opt_quiet"))
    def validate_command(inputs: tuple[str, ...], output_format: str, strict: bool, quiet: bool) -> None:
        from kamgen.discovery import collect_inputs
        from kamgen.validation import validate_paths

        report = validate_paths(collect_inputs(_paths(inputs)))
        if not (quiet and report.valid(strict)):
            _print_problems(report, output_format, strict)
        sys.exit(0 if report.valid(strict) else 1)

    @cli.command("build", help=t("cli.build_help"))
    @lang_option
    @click.argument("inputs", nargs=-1, type=click.Path(exists=True, dir_okay=True))
    @click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False), default=None, help=t("cli.opt_output"))
    @click.option("--templates", "templates_dir", type=click.Path(exists=True, file_okay=False), default=None, help=t("cli.opt_templates"))
    @click.option("--format", "output_format", type=click.Choice(["text", "json", "github"]), default="text", help=t("cli.opt_problem_format"))
    @click.option("--strict", is_flag=True, help=t("cli.opt_strict"))
    @click.option("--force", is_flag=True, help=t("cli.opt_force"))
    @click.option("--check", is_flag=True, help=t("cli.opt_check"))
    @click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, help=t("cli.opt_jobs"))
    @click.option("--shard", default=None, metavar="I/N", help=t("cli.opt_shard"))
    @click.option("-q", "--quiet", is_flag=True, help=t("cli.opt_quiet"))
    @click.option("-v", "--verbose", is_flag=True, help=t("cli.opt_verbose"))
    @click.pass_context
    def build_command(context, inputs, output_dir, templates_dir, output_format, strict, force, check, jobs, shard, quiet, verbose) -> None:
        from kamgen.build import BuildOptions, language_chosen, run_build

        # An explicit --lang or KAMGEN_LANG sets the documents' language; otherwise each input's own `language` does.
        options = BuildOptions(
            inputs=_paths(inputs), output_dir=Path(output_dir) if output_dir else None,
            templates_dir=Path(templates_dir) if templates_dir else None, problem_format=output_format,
            strict=strict, force=force, check=check, jobs=jobs, shard=shard, quiet=quiet, verbose=verbose,
            language=get_language(), document_language=get_language() if language_chosen(context) else None,
        )
        sys.exit(run_build(options))

    @cli.command("new", help=t("cli.new_help"))
    @lang_option
    @click.argument("kind", type=click.Choice(["portfolio", "account", "organisation"]))
    @click.option("--format", "file_format", type=click.Choice(["xlsx", "yaml", "json"]), default=None, help=t("cli.opt_new_format"))
    @click.option("-o", "--output", "output", type=click.Path(dir_okay=False), required=True, help=t("cli.opt_new_output"))
    def new_command(kind: str, file_format: str | None, output: str) -> None:
        from kamgen.workbooks.new import write_new_input

        path = write_new_input(kind, Path(output), file_format, get_language())
        click.echo(t("cli.written", file=path), err=True)

    @cli.command("pack", help=t("cli.pack_help"))
    @lang_option
    @click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False), default=None, help=t("cli.opt_pack_output"))
    @click.option("--pdf", is_flag=True, help=t("cli.opt_pdf"))
    @click.option("-q", "--quiet", is_flag=True, help=t("cli.opt_quiet"))
    def pack_command(output_dir: str | None, pdf: bool, quiet: bool) -> None:
        from kamgen.pack import write_pack

        language = get_language()
        default = "werkbladen" if language == "nl" else "worksheets"
        result = write_pack(Path(output_dir or default), language, pdf=pdf)
        if not quiet:
            for path in result.files:
                click.echo(t("cli.written", file=path), err=True)
        for message in result.messages:
            click.echo(message, err=True)

    @cli.command("schema", help=t("cli.schema_help"))
    @lang_option
    @click.argument("kind", type=click.Choice(["portfolio", "account", "organisation"]))
    def schema_command(kind: str) -> None:
        from kamgen.resources import schema_path

        click.echo(schema_path(kind).read_text(encoding="utf-8"), nl=False)

    @cli.group("templates", help=t("cli.templates_help"))
    @lang_option
    def templates_group() -> None:
        pass

    @templates_group.command("export", help=t("cli.templates_export_help"))
    @lang_option
    @click.argument("directory", type=click.Path(file_okay=False))
    def templates_export(directory: str) -> None:
        from kamgen.render.templates import export_templates

        for path in export_templates(Path(directory)):
            click.echo(t("cli.written", file=path), err=True)

    return cli


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; every failure ends in one message and an exit code, never a traceback."""
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_from_argv(argv) or os.environ.get("KAMGEN_LANG"))
    translate_click()
    make_cli().main(args=argv, prog_name="kamgen")
