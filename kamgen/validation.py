"""The one validation path for every input kind and format.

``validate_document`` runs two layers over an :class:`InputDocument`: the JSON
Schema of its kind (draft 2020-12, format checking on) and the method rules
of :mod:`kamgen.rules`. Both yield :class:`Problem` records with a JSON
pointer; the document's source map turns each pointer into a cell or a line.
"""

from __future__ import annotations

import datetime as dt
import importlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from kamgen.errors import KamgenError
from kamgen.i18n import get_language, t
from kamgen.problems import ERROR, FileReport, Problem, Report, sort_problems
from kamgen.readers import InputDocument
from kamgen.resources import load_schema


@lru_cache(maxsize=None)
def _validator(kind: str):
    import jsonschema

    schema = load_schema(kind)
    checker = jsonschema.FormatChecker()

    @checker.checks("date", raises=ValueError)
    def _is_date(value: object) -> bool:
        # jsonschema's own date check depends on an optional package; this one does not.
        if not isinstance(value, str):
            return True
        dt.date.fromisoformat(value)
        return len(value) == 10

    return jsonschema.Draft202012Validator(schema, format_checker=checker)


def schema_node(kind: str, pointer: str) -> tuple[dict, int | None]:
    """Return the schema of the value at ``pointer`` and the nearest worksheet number above it."""
    node: dict = load_schema(kind)
    worksheet = node.get("x-worksheet")
    for token in [part for part in pointer.split("/")[1:]]:
        token = token.replace("~1", "/").replace("~0", "~")
        if node.get("type") == "array" or "items" in node:
            node = node.get("items", {})
        elif token in node.get("properties", {}):
            node = node["properties"][token]
        elif isinstance(node.get("additionalProperties"), dict):
            node = node["additionalProperties"]
        else:
            break
        worksheet = node.get("x-worksheet", worksheet)
    return node, worksheet


def field_title(kind: str, pointer: str, language: str | None = None) -> str:
    """Return the field's title in the language, with the item number for list items."""
    language = language or get_language()
    node, _ = schema_node(kind, pointer)
    title = node.get("title") if language == "nl" else node.get("x-title-en", node.get("title"))
    last = pointer.rpartition("/")[2]
    if last.isdigit():
        return t("schema.item", language, field=title or last, number=int(last) + 1)
    if not title:
        return last or t("schema.document", language)
    if node.get("type") in ("integer", "number") and title in ("Score", "Indicatorwaarde", "Indicator value"):
        return f"{title} {last}"
    return title


def describe_value(value: Any) -> str:
    if value is None:
        return t("schema.found_nothing")
    if isinstance(value, bool):
        if get_language() == "nl":
            return "ja" if value else "nee"
        return "yes" if value else "no"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        return t("schema.found_text", value=f"'{shown}'")
    if isinstance(value, list):
        return t("schema.found_list")
    if isinstance(value, dict):
        return t("schema.found_group")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",") if get_language() == "nl" else str(value)


def _pointer(path: Iterable[Any]) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def _schema_problem(error, kind: str) -> Problem:
    pointer = _pointer(error.absolute_path)
    validator = error.validator
    found = describe_value(error.instance)
    code = f"schema.{validator}"
    params: dict[str, Any] = {}
    key = "other"

    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else ""
        pointer = f"{pointer}/{missing}"
        key = "required"
    elif validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        key = f"type_{expected}" if expected in ("number", "integer", "string", "boolean", "object", "array") else "other"
        if pointer == "" and expected == "object":
            key = "root_not_object"
    elif validator in ("minimum", "exclusiveMinimum"):
        key, params = "minimum", {"limit": _number(error.validator_value)}
    elif validator in ("maximum", "exclusiveMaximum"):
        key, params = "maximum", {"limit": _number(error.validator_value)}
    elif validator == "enum":
        key, params = "enum", {"choices": ", ".join(str(choice) for choice in error.validator_value)}
    elif validator == "const":
        key, params = "const", {"expected": error.validator_value}
    elif validator == "format":
        key = "format_date" if error.validator_value == "date" else "other"
    elif validator == "pattern":
        # A schema's own "examples" show the form best; the table below covers schemas without them.
        examples = error.schema.get("examples") if isinstance(error.schema, dict) else None
        key, params = "pattern", {"example": examples[0] if examples else _pattern_example(error.validator_value)}
    elif validator == "minLength":
        key = "min_length"
    elif validator == "maxLength":
        key, params = "max_length", {"length": len(error.instance), "limit": error.validator_value}
    elif validator == "minItems":
        key, params = "min_items", {"count": len(error.instance), "limit": error.validator_value}
    elif validator == "maxItems":
        key, params = "max_items", {"count": len(error.instance), "limit": error.validator_value, "excess": len(error.instance) - error.validator_value}
    elif validator == "additionalProperties":
        extras = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        name = extras[0] if extras else "?"
        known = ", ".join(error.schema.get("properties", {}))
        pointer = f"{pointer}/{name}"
        key, params = "additional_property", {"name": name, "known": known}
        field = field_title(kind, pointer.rpartition("/")[0])
        return _make(f"schema.{validator}", key, pointer, kind, {**params, "field": field}, error.instance.get(name))
    elif validator == "propertyNames":
        name = error.instance if isinstance(error.instance, str) else "?"
        key, params = "property_name", {"name": name, "example": "C1"}
        field = field_title(kind, pointer)
        return _make(code, key, pointer, kind, {**params, "field": field}, name)

    field = field_title(kind, pointer)
    value = None if validator == "required" else error.instance
    return _make(code, key, pointer, kind, {"field": field, "found": found, **params}, value)


def _make(code: str, key: str, pointer: str, kind: str, params: dict, value: Any) -> Problem:
    _, worksheet = schema_node(kind, pointer)
    return Problem(
        code=code,
        severity=ERROR,
        message=t(f"schema.{key}", **params),
        pointer=pointer,
        worksheet=worksheet,
        field=params.get("field"),
        value=value,
    )


def _number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",") if get_language() == "nl" else str(value)


def _pattern_example(pattern: str) -> str:
    examples = {"^C[0-9]{1,2}$": "C1", "^D[0-9]{1,2}$": "D1", "^[A-Z]{3}$": "EUR"}
    return examples.get(pattern, pattern)


def _narrow(error):
    """Reduce a oneOf/anyOf failure to the branch that explains it best."""
    import jsonschema

    if error.validator in ("oneOf", "anyOf") and error.context:
        return _narrow(jsonschema.exceptions.best_match(error.context))
    return error


def schema_problems(data: Any, kind: str) -> list[Problem]:
    problems = []
    for error in _validator(kind).iter_errors(data):
        problems.append(_schema_problem(_narrow(error), kind))
    return problems


def rule_problems(data: Any, kind: str) -> list[Problem]:
    """Run the method rules of the kind; they expect schema-valid parts and skip what is not."""
    module = importlib.import_module(f"kamgen.rules.{kind}")
    return list(module.check(data))


def validate_document(document: InputDocument) -> list[Problem]:
    """Return every problem of the document, located and sorted."""
    problems = list(document.problems)
    if document.kind is not None:
        if document.format in ("json", "yaml"):
            from kamgen.coerce import coerce

            document.data, converted = coerce(document.data, load_schema(document.kind))
            problems.extend(converted)
        # A value the reader already reported as unreadable needs no second, schema-worded problem.
        reported = {problem.pointer for problem in problems if problem.is_error and problem.pointer}
        found = schema_problems(document.data, document.kind)
        problems.extend(problem for problem in found if problem.pointer not in reported)
        if isinstance(document.data, dict):
            problems.extend(rule_problems(document.data, document.kind))
    located = [_complete(problem, document) for problem in problems]
    return sort_problems(_deduplicate(located))


def _complete(problem: Problem, document: InputDocument) -> Problem:
    """Fill in the location from the source map, and the worksheet and field from the schema."""
    from dataclasses import replace

    if problem.location is None:
        problem = problem.located(document.source_map.locate(problem.pointer))
    if document.kind is not None and problem.pointer and (problem.worksheet is None or problem.field is None):
        _, worksheet = schema_node(document.kind, problem.pointer)
        problem = replace(
            problem,
            worksheet=problem.worksheet if problem.worksheet is not None else worksheet,
            field=problem.field if problem.field is not None else field_title(document.kind, problem.pointer),
        )
    return problem


def _deduplicate(problems: list[Problem]) -> list[Problem]:
    seen = set()
    unique = []
    for problem in problems:
        key = (problem.code, problem.pointer, problem.message)
        if key not in seen:
            seen.add(key)
            unique.append(problem)
    return unique


def validate_file(path: Path, display_name: str | None = None) -> tuple[FileReport, InputDocument | None]:
    """Read and validate one file; a file that cannot be read gives one problem, not an exception."""
    from kamgen.readers import read_document
    from kamgen.problems import Location

    name = display_name or str(path)
    try:
        document = read_document(path, name)
    except KamgenError as error:
        problem = Problem(
            code=getattr(error, "code", "reading.failed"), severity=ERROR, message=error.message,
            location=getattr(error, "location", None) or Location(file=name),
        )
        return FileReport(file=name, problems=[problem]), None
    return FileReport(file=name, kind=document.kind, problems=validate_document(document)), document


def validate_paths(paths: Iterable[Path]) -> Report:
    report = Report()
    for path in paths:
        file_report, _ = validate_file(path)
        report.files.append(file_report)
    return report
