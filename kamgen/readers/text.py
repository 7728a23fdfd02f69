"""JSON and YAML inputs, with the line and column of every value.

YAML is read with YAML 1.2 core-schema scalars rather than PyYAML's YAML 1.1
defaults, so ``NO`` stays the text ``NO``, ``0123`` stays ``0123`` and
``2026-01-01`` stays a date string for the schema to check. JSON positions
come from a small scanner run after :func:`json.loads` accepted the text.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from kamgen.problems import Location
from kamgen.readers import SourceMap, pointer_join

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?|[-+]?\.[0-9]+([eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


class YamlSyntaxError(ValueError):
    def __init__(self, message: str, line: int, column: int):
        super().__init__(message)
        self.line = line
        self.column = column


class DuplicateKeyError(YamlSyntaxError):
    pass


def load_yaml(text: str, file: str) -> tuple[Any, SourceMap]:
    source_map = SourceMap(file)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlSyntaxError(str(error.problem or error), line, column) from error
    except yaml.YAMLError as error:
        raise YamlSyntaxError(str(error), 1, 1) from error
    if node is None:
        return None, source_map
    return _convert(node, "", file, source_map), source_map


def _convert(node: yaml.Node, pointer: str, file: str, source_map: SourceMap) -> Any:
    source_map.add(pointer, Location(file=file, line=node.start_mark.line + 1, column=node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlSyntaxError("merge keys (<<) are not supported", key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if key in result:
                raise DuplicateKeyError(key, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _convert(value_node, pointer_join(pointer, key), file, source_map)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, pointer_join(pointer, index), file, source_map) for index, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    text = node.value
    if node.style in ("'", '"', "|", ">"):
        return text
    if node.tag == _STR_TAG and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) != _STR_TAG:
        # An explicit !!str on a plain scalar.
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()


def load_json(text: str, file: str) -> tuple[Any, SourceMap]:
    """Parse JSON; raises json.JSONDecodeError with line and column for bad syntax."""
    data = json.loads(text, object_pairs_hook=_reject_duplicates)
    source_map = SourceMap(file)
    _JsonPositions(text, file, source_map).value("")
    return data, source_map


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKeyError(key, 0, 0)
        result[key] = value
    return result


class _JsonPositions:
    """Walk JSON text that is known to be valid, recording where each value starts."""

    _WHITESPACE = " \t\r\n"

    def __init__(self, text: str, file: str, source_map: SourceMap):
        self.text = text
        self.index = 0
        self.file = file
        self.source_map = source_map
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self.decoder = json.JSONDecoder()

    def _location(self) -> Location:
        import bisect

        line = bisect.bisect_right(self.line_starts, self.index)
        return Location(file=self.file, line=line, column=self.index - self.line_starts[line - 1] + 1)

    def _skip(self) -> None:
        while self.index < len(self.text) and self.text[self.index] in self._WHITESPACE:
            self.index += 1

    def value(self, pointer: str) -> None:
        self._skip()
        self.source_map.add(pointer, self._location())
        char = self.text[self.index]
        if char == "{":
            self.index += 1
            self._skip()
            if self.text[self.index] == "}":
                self.index += 1
                return
            while True:
                self._skip()
                key, self.index = self.decoder.raw_decode(self.text, self.index)
                self._skip()
                self.index += 1  # the colon
                self.value(pointer_join(pointer, key))
                self._skip()
                separator = self.text[self.index]
                self.index += 1
                if separator == "}":
                    return
        elif char == "[":
            self.index += 1
            self._skip()
            if self.text[self.index] == "]":
                self.index += 1
                return
            position = 0
            while True:
                self.value(pointer_join(pointer, position))
                position += 1
                self._skip()
                separator = self.text[self.index]
                self.index += 1
                if separator == "]":
                    return
        else:
            _, self.index = self.decoder.raw_decode(self.text, self.index)
