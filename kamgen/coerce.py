"""Schema-guided reading of typed-by-hand values in JSON and YAML inputs.

People write ``omzet: 1.234,56`` or ``start: 01-02-2026`` in YAML, and CRM
exports put numbers in quotes. Where the schema expects a number, a date or a
yes/no and the text is unambiguous, the value is converted and a warning shows
how to write it; ambiguous or unreadable text is left alone for the schema
layer to report. The input file itself is never changed.
"""

from __future__ import annotations

import copy
from typing import Any

from kamgen.i18n import t
from kamgen.problems import ERROR, WARNING, Problem
from kamgen.readers import pointer_join
from kamgen.tolerant import AMBIGUOUS, ambiguous_spellings, parse_boolean, parse_date, parse_number, strip_control_characters


def _resolve(schema: dict, root: dict) -> dict:
    reference = schema.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/"):
        node: Any = root
        for part in reference[2:].split("/"):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        return {**node, **{key: value for key, value in schema.items() if key != "$ref"}}
    return schema


def _title(schema: dict) -> str | None:
    from kamgen.i18n import get_language

    return schema.get("title") if get_language() == "nl" else schema.get("x-title-en", schema.get("title"))


def _types(schema: dict) -> set[str]:
    declared = schema.get("type")
    if isinstance(declared, str):
        return {declared}
    if isinstance(declared, list):
        return set(declared)
    return set()


def coerce(data: Any, schema: dict) -> tuple[Any, list[Problem]]:
    """Return a converted copy of ``data`` and a warning per converted value.

    Text anywhere in the document loses the control characters that XML
    cannot hold, so they never reach a Word or Excel file.
    """
    problems: list[Problem] = []
    result = _walk(copy.deepcopy(data), schema, schema, "", problems)
    return result, problems


def _walk(value: Any, schema: dict, root: dict, pointer: str, problems: list[Problem]) -> Any:
    schema = _resolve(schema, root)
    types = _types(schema)

    if isinstance(value, str):
        cleaned, removed = strip_control_characters(value)
        if removed:
            problems.append(Problem(
                code="reading.control_characters", severity=WARNING, pointer=pointer, value=cleaned,
                message=t("reading.control_characters", field=_title(schema) or pointer.rpartition("/")[2] or pointer),
            ))
            value = cleaned

    if isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key in list(value):
            if key in properties:
                child = properties[key]
            elif isinstance(extra, dict):
                child = extra
            else:
                continue
            if _is_blank_non_text(value[key], _resolve(child, root)):
                # A blank field of a blank skeleton (`start: ''`) is missing, not an invalid date.
                del value[key]
                continue
            value[key] = _walk(value[key], child, root, pointer_join(pointer, key), problems)
        return value
    if isinstance(value, list):
        items = schema.get("items")
        if isinstance(items, dict):
            return [_walk(item, items, root, pointer_join(pointer, index), problems) for index, item in enumerate(value)]
        return value

    if isinstance(value, str) and "string" not in types:
        if types & {"integer", "number"} and parse_number(value).status == AMBIGUOUS:
            problems.append(Problem(
                code="reading.ambiguous_number", severity=ERROR, pointer=pointer, value=value,
                message=t("coerce.ambiguous", found=value, thousands=ambiguous_spellings(value, "en")[0], decimal=ambiguous_spellings(value, "en")[1]),
            ))
            return value
        converted = _convert_text(value, types, schema)
        if converted is not None:
            problems.append(Problem(
                code="reading.converted", severity=WARNING, pointer=pointer, value=value,
                message=t("coerce.converted", found=value, result=_as_written(converted)),
            ))
            return converted
        return value
    if isinstance(value, str) and schema.get("format") == "date":
        parsed = parse_date(value)
        if parsed.ok and parsed.value and parsed.value != value:
            problems.append(Problem(
                code="reading.converted", severity=WARNING, pointer=pointer, value=value,
                message=t("coerce.converted_date", found=value, result=parsed.value),
            ))
            return parsed.value
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and types == {"string"} and "enum" not in schema and "format" not in schema:
        # YAML reads `code: 123` as a number; where the schema wants text the digits are kept as written.
        return str(value)
    return value


def _is_blank_non_text(value: Any, schema: dict) -> bool:
    if not isinstance(value, str) or value.strip():
        return False
    types = _types(schema)
    return bool(types) and ("string" not in types or "format" in schema or "enum" in schema)


def _convert_text(value: str, types: set[str], schema: dict) -> Any:
    if "integer" in types or "number" in types:
        parsed = parse_number(value, integer="number" not in types)
        if parsed.ok and parsed.value is not None:
            return parsed.value
        return None
    if "boolean" in types:
        parsed = parse_boolean(value)
        if parsed.ok and parsed.value is not None:
            return parsed.value
    return None


def _as_written(value: Any) -> str:
    """Return the value as it would be written in YAML or JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)
