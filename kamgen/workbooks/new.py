"""Blank input files for ``kamgen new``: an Excel workbook from the kind's layout, or a YAML or JSON skeleton.

The skeletons come from the kind's JSON Schema. Every section is present.
Text fields are empty strings and fields with a schema default carry it.
Fields without a valid empty value (numbers, yes/no, choices) are left out
of JSON; YAML shows them as comments, with the schema's title and
description in the requested language. ``kamgen validate`` accepts a
skeleton except for the required header values (organisation or customer,
the period), which nobody but the user can fill in.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kamgen.errors import KamgenError, UsageError
from kamgen.i18n import t

FORMATS = ("xlsx", "yaml", "json")
EXTENSIONS = {".xlsx": "xlsx", ".yaml": "yaml", ".yml": "yaml", ".json": "json"}
# Comment lines in a YAML skeleton wrap at this width.
COMMENT_WIDTH = 100
INDENT = "  "


def write_new_input(kind: str, path: Path, file_format: str | None, language: str) -> Path:
    """Write a blank input of ``kind`` to ``path``; refuse to overwrite an existing file."""
    path = Path(path)
    file_format = file_format or EXTENSIONS.get(path.suffix.lower())
    if file_format not in FORMATS:
        raise UsageError(t("workbook.format_unknown", file=path))
    if path.exists():
        raise UsageError(t("cli.output_exists", file=path))

    if file_format == "xlsx":
        return _write_workbook(kind, path, language)

    from kamgen.ooxml import write_atomically

    text = yaml_skeleton(kind, language) if file_format == "yaml" else json_skeleton(kind, language)
    return write_atomically(path, text.encode("utf-8"))


def _write_workbook(kind: str, path: Path, language: str) -> Path:
    from kamgen.workbooks import layout_module
    from kamgen.workbooks.writer import write_workbook

    module = layout_module(kind)
    if module is None:
        raise KamgenError(t("workbook.layout_missing", kind=kind))
    return write_workbook(module.layout(), path, language)


# --- skeletons from the schema --------------------------------------------------


def _header_values(kind: str, language: str) -> dict[str, Any]:
    """Return the header values a skeleton starts with; the names the user must fill stay empty."""
    return {"kind": kind, "format_version": 1, "language": language}


def _types(node: dict) -> set[str]:
    declared = node.get("type")
    if isinstance(declared, str):
        return {declared}
    return set(declared or ())


def _empty_value(node: dict, required: bool = False) -> tuple[bool, Any]:
    """Return (True, value) when the property has a value that is valid and means "nothing filled in".

    A required text (the organisation, the period's dates) is always written
    as an empty string, because only the user can fill it in.
    """
    types = _types(node)
    if "default" in node:
        return True, node["default"]
    if "object" in types:
        return True, {}
    if "array" in types:
        return (True, []) if not node.get("minItems") else (False, None)
    if types == {"string"} and (required or not ({"enum", "pattern", "const", "format"} & set(node))):
        return True, ""
    return False, None


def skeleton_data(kind: str, language: str) -> dict[str, Any]:
    """Return the skeleton as data: the header values, empty sections and empty text fields."""
    from kamgen.resources import load_schema

    schema = load_schema(kind)
    data = _fill_object(schema, required=set(schema.get("required", ())))
    data.update(_header_values(kind, language))
    return data


def _fill_object(node: dict, required: set[str]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, child in node.get("properties", {}).items():
        if "const" in child:
            result[key] = child["const"]
            continue
        has_value, value = _empty_value(child, key in required)
        if not has_value:
            continue
        if isinstance(value, dict) and "properties" in child:
            value = _fill_object(child, set(child.get("required", ())))
        result[key] = value
    return result


def json_skeleton(kind: str, language: str) -> str:
    return json.dumps(skeleton_data(kind, language), ensure_ascii=False, indent=2) + "\n"


def yaml_skeleton(kind: str, language: str) -> str:
    """Return a YAML skeleton with the schema's titles and descriptions as comments."""
    from kamgen.resources import load_schema

    schema = load_schema(kind)
    data = skeleton_data(kind, language)
    lines = [f"# {line}" for line in _wrap(t("workbook.skeleton_intro", language, kind=kind), COMMENT_WIDTH - 2)]
    title = _text(schema, "title", language)
    if title:
        lines.insert(0, f"# {title}")
    lines.append("")
    _emit_object(schema, data, 0, lines, language)
    return "\n".join(lines) + "\n"


def _text(node: dict, key: str, language: str) -> str | None:
    if language == "en":
        return node.get(f"x-{key}-en") or node.get(key)
    return node.get(key)


def _comment(node: dict, language: str, indent: int, lines: list[str]) -> None:
    title = _text(node, "title", language)
    description = _text(node, "description", language)
    if not title and not description:
        return
    text = f"{title}: {description}" if title and description else (title or description)
    pad = INDENT * indent
    for line in _wrap(text, COMMENT_WIDTH - len(pad) - 2):
        lines.append(f"{pad}# {line}")


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=max(width, 40)) or [""]


# Plain words that YAML 1.1 tools would read as booleans or null, so they stay quoted.
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def _scalar(value: Any) -> str:
    """Return a YAML scalar: simple words plain, everything else as a JSON string (which YAML reads too)."""
    import re

    if isinstance(value, str) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", value) and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


def _emit_object(node: dict, data: dict, indent: int, lines: list[str], language: str) -> None:
    pad = INDENT * indent
    for key, child in node.get("properties", {}).items():
        _comment(child, language, indent, lines)
        if key not in data:
            lines.append(f"{pad}# {key}: {_placeholder(child, language)}")
            continue
        value = data[key]
        if isinstance(value, dict) and value:
            lines.append(f"{pad}{key}:")
            _emit_object(child, value, indent + 1, lines, language)
        elif isinstance(value, dict):
            lines.append(f"{pad}{key}: {{}}")
            _emit_map_example(child, indent + 1, lines, language)
        elif isinstance(value, list):
            lines.append(f"{pad}{key}: []")
            _emit_item_example(child.get("items", {}), indent + 1, lines, language)
        else:
            lines.append(f"{pad}{key}: {_scalar(value)}")


def _placeholder(node: dict, language: str = "nl") -> str:
    """Return a hint for a commented-out scalar: its choices, range, an example code or kind of value."""
    if "enum" in node:
        return " | ".join(str(choice) for choice in node["enum"])
    types = _types(node)
    if types & {"integer", "number"}:
        low, high = node.get("minimum"), node.get("maximum")
        if low is not None and high is not None:
            return f"{low}–{high}"
        return "0"
    if "boolean" in types:
        return "true | false"
    if node.get("format") == "date":
        return "jjjj-mm-dd" if language == "nl" else "yyyy-mm-dd"
    if "pattern" in node:
        return _pattern_example(node["pattern"])
    return '""'


def _pattern_example(pattern: str) -> str:
    """Return an example value for a code pattern: C1 for a criterion code, EUR for a currency."""
    import re

    match = re.fullmatch(r"\^([A-Z]+)\[0-9\].*", pattern)
    if match:
        return f"{match.group(1)}1"
    if pattern == "^[A-Z]{3}$":
        return "EUR"
    return pattern


def _emit_map_example(node: dict, indent: int, lines: list[str], language: str) -> None:
    extra = node.get("additionalProperties")
    if isinstance(extra, dict):
        pad = INDENT * indent
        lines.append(f"{pad}# C1: {_placeholder(extra, language)}")


def _emit_item_example(items: dict, indent: int, lines: list[str], language: str) -> None:
    """Write one commented list item showing every field of an item."""
    pad = INDENT * indent
    lines.append(f"{pad}# {t('workbook.skeleton_list_item', language)}")
    if "properties" not in items:
        lines.append(f"{pad}# - {_placeholder(items, language)}")
        return
    first = True
    for key, child in items["properties"].items():
        marker = "- " if first else "  "
        first = False
        title = _text(child, "title", language)
        hint = f"  # {title}" if title else ""
        if "properties" in child:
            lines.append(f"{pad}# {marker}{key}:{hint}")
            for inner_key, inner in child["properties"].items():
                lines.append(f"{pad}#     {inner_key}: {_placeholder(inner, language)}")
        elif _types(child) == {"array"}:
            lines.append(f"{pad}# {marker}{key}: []{hint}")
        elif _types(child) == {"object"}:
            lines.append(f"{pad}# {marker}{key}: {{}}{hint}")
        else:
            lines.append(f"{pad}# {marker}{key}: {_placeholder(child, language)}{hint}")
