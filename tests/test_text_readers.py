"""JSON and YAML readers: values, YAML 1.1 traps and positions."""

from __future__ import annotations

from kamgen.readers.text import load_json, load_yaml


def test_yaml_norway_stays_text():
    data, _ = load_yaml("land: NO\nantwoord: yes\n", "f.yaml")
    assert data == {"land": "NO", "antwoord": "yes"}


def test_yaml_leading_zero_stays_text():
    data, _ = load_yaml("code: 0123\n", "f.yaml")
    assert data["code"] == "0123"


def test_yaml_date_stays_text():
    data, _ = load_yaml("start: 2026-01-01\n", "f.yaml")
    assert data["start"] == "2026-01-01"


def test_yaml_numbers_and_booleans():
    data, _ = load_yaml("a: 7\nb: 7.5\nc: true\nd: ~\ne: -3\n", "f.yaml")
    assert data == {"a": 7, "b": 7.5, "c": True, "d": None, "e": -3}


def test_yaml_explicit_str_tag():
    data, _ = load_yaml("a: !!str 12\n", "f.yaml")
    assert data["a"] == "12"


def test_yaml_positions_per_pointer():
    _, source_map = load_yaml("customers:\n  - name: A\n    revenue: 10\n", "f.yaml")
    location = source_map.locate("/customers/0/revenue")
    assert (location.line, location.column) == (3, 14)


def test_yaml_missing_key_located_at_parent():
    _, source_map = load_yaml("customers:\n  - name: A\n", "f.yaml")
    location = source_map.locate("/customers/0/revenue")
    assert (location.line, location.column) == (2, 5)
    assert location.pointer == "/customers/0/revenue"


def test_json_positions_per_pointer():
    text = '{\n  "customers": [\n    {"name": "A", "revenue": 10}\n  ]\n}'
    _, source_map = load_json(text, "f.json")
    location = source_map.locate("/customers/0/revenue")
    # Line 3: four spaces, then {"name": "A", "revenue": starts the value at column 30.
    assert (location.line, location.column) == (3, 30)


def test_json_pointer_escapes_slash():
    _, source_map = load_json('{"a/b": 1}', "f.json")
    assert source_map.entries["/a~1b"].column == 9
