"""Worksheet content files: structure, titles, block vocabulary, and the default lists of worksheets 1, 2, 4–10."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from kamgen.catalogue import WORKSHEETS, worksheet
from kamgen.content import load_content, load_scales
from kamgen.i18n import LANGUAGES
from kamgen.render.forms import BLOCK_TYPES, content_problems

CONTENT = Path(__file__).resolve().parent.parent / "kamgen" / "content"
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
PRESENT = [sheet.number for sheet in WORKSHEETS if (CONTENT / f"ws{sheet.number:02d}.yaml").is_file()]
OWN = (1, 2, 4, 5, 6, 7, 8, 9, 10)


def test_every_worksheet_has_content_file():
    missing = [sheet.number for sheet in WORKSHEETS if sheet.number not in PRESENT]
    assert missing == [], f"content files missing for worksheets {missing}"


@pytest.mark.parametrize("number", PRESENT)
def test_content_matches_vocabulary(number):
    assert content_problems(load_content(number)) == []


@pytest.mark.parametrize("number", PRESENT)
def test_number_and_titles_match_catalogue(number):
    content = load_content(number)
    assert content["number"] == number
    assert content["title"]["nl"] == worksheet(number).title_nl
    assert content["title"]["en"] == worksheet(number).title_en


def _text_shape(value):
    if isinstance(value, list):
        return [_text_shape(item) for item in value]
    return "text"


def _language_shapes(node, language):
    """Return the shape of the node as seen through one language (lists of texts keep their lengths)."""
    if isinstance(node, dict):
        if set(LANGUAGES) <= set(node):
            rest = {key: _language_shapes(value, language) for key, value in node.items() if key not in LANGUAGES}
            return {"text": _text_shape(node[language]), **rest}
        return {key: _language_shapes(value, language) for key, value in node.items()}
    if isinstance(node, list):
        return [_language_shapes(item, language) for item in node]
    return node


@pytest.mark.parametrize("number", PRESENT)
def test_dutch_and_english_have_same_structure(number):
    content = load_content(number)
    assert _language_shapes(content, "nl") == _language_shapes(content, "en")


@pytest.mark.parametrize("number", PRESENT)
def test_only_known_block_types(number):
    types = {block["type"] for block in load_content(number)["blocks"]}
    assert types <= set(BLOCK_TYPES)


@pytest.mark.parametrize("number", PRESENT)
def test_list_ids_unique(number):
    for name, entries in (load_content(number).get("lists") or {}).items():
        ids = [entry["id"] for entry in entries]
        assert len(ids) == len(set(ids)), name


def test_shared_scales_have_one_label_per_value():
    for name, scale in load_scales().items():
        for language in LANGUAGES:
            # rating_1_5: 5 − 1 + 1 = 5 labels; attitude: 2 − (−2) + 1 = 5 labels.
            assert len(scale["labels"][language]) == scale["max"] - scale["min"] + 1, name


# -- the checker itself --------------------------------------------------------


def _valid_content() -> dict:
    return copy.deepcopy(load_content(1))


def test_checker_rejects_unknown_block_type():
    content = _valid_content()
    content["blocks"].append({"type": "pie_chart"})
    assert any("unknown block type 'pie_chart'" in problem for problem in content_problems(content))


def test_checker_rejects_uneven_text_lists():
    content = _valid_content()
    content["instructions"]["en"] = content["instructions"]["en"][:-1]
    assert any("instructions" in problem for problem in content_problems(content))


def test_checker_rejects_unknown_scale():
    content = _valid_content()
    content["blocks"].append({"type": "scale", "scale": "rating_1_7"})
    assert any("unknown scale 'rating_1_7'" in problem for problem in content_problems(content))


def test_checker_rejects_grid_with_missing_cell():
    content = _valid_content()
    grid = copy.deepcopy(next(block for block in load_content(8)["blocks"] if block["type"] == "grid"))
    grid["cells"][0].pop()
    content["blocks"].append(grid)
    assert any("one cell per column label" in problem for problem in content_problems(content))


def test_checker_rejects_table_cells_of_other_shape():
    content = _valid_content()
    content["blocks"].append({
        "type": "table", "columns": [{"nl": "A", "en": "A"}, {"nl": "B", "en": "B"}],
        "cells": {"nl": [["x", "y"]], "en": [["x"]]},
    })
    assert any("cells must be" in problem for problem in content_problems(content))


def test_checker_rejects_local_scale_with_wrong_label_count():
    content = _valid_content()
    content["scales"] = {"own_0_2": {"min": 0, "max": 2, "labels": {"nl": ["a", "b"], "en": ["a", "b"]}}}
    # 2 − 0 + 1 = 3 values need 3 labels.
    assert any("needs 3 labels" in problem for problem in content_problems(content))


# -- default lists of worksheets 1, 2, 4–10 -----------------------------------


def _schema() -> dict:
    return json.loads((SCHEMAS / "portfolio.schema.json").read_text(encoding="utf-8"))


def _schema_node(*names: str) -> dict:
    node = _schema()
    for name in names:
        node = node["properties"][name]
        if node.get("type") == "array":
            node = node["items"]
    return node


def test_drivers_are_the_statements_of_worksheet_1():
    content = load_content(1)
    drivers = content["lists"]["drivers"]
    statements = next(block for block in content["blocks"] if block["type"] == "statements")
    assert 8 <= len(drivers) <= 10
    assert [entry["id"] for entry in drivers] == [f"D{index}" for index in range(1, len(drivers) + 1)]
    assert statements["codes"] == [entry["id"] for entry in drivers]
    for language in LANGUAGES:
        assert statements["items"][language] == [entry[language] for entry in drivers]


def test_criteria_groups_follow_identifiers():
    groups = load_content(2)["lists"]["criteria_groups"]
    schema_groups = _schema_node("criteria", "group")["enum"]
    assert [entry["id"] for entry in groups] == schema_groups
    assert [entry["axis"] for entry in groups] == ["current_value"] * 4 + ["future_potential"] * 4


def test_worksheet_2_questions_follow_criteria_groups():
    content = load_content(2)
    questions = [block for block in content["blocks"] if block["type"] == "questions"]
    groups = content["lists"]["criteria_groups"]
    assert len(questions) == 8
    for block, group in zip(questions, groups):
        assert block["heading"]["nl"] == group["nl"]
        assert block["heading"]["en"] == group["en"]
        assert len(block["items"]["nl"]) >= 3, group["id"]


def test_worksheet_2_offers_the_four_segments():
    content = load_content(2)
    boxes = next(block for block in content["blocks"] if block["type"] == "checkboxes")
    segments = content["lists"]["segments"]
    assert [entry["id"] for entry in segments] == ["transactional", "development", "large", "strategic"]
    assert boxes["options"]["nl"] == [entry["nl"] for entry in segments]


def test_worksheet_4_lists_follow_schema():
    lists = load_content(4)["lists"]
    assert [entry["id"] for entry in lists["scoring"]] == _schema_node("criteria", "scoring")["enum"]
    assert [entry["id"] for entry in lists["direction"]] == _schema_node("criteria", "direction")["enum"]


def test_worksheet_5_lists_follow_schema():
    lists = load_content(5)["lists"]
    assert [entry["id"] for entry in lists["methods"]] == _schema_node("weighting", "method")["enum"]
    assert [entry["id"] for entry in lists["preferred"]] == _schema_node("weighting", "comparisons", "preferred")["enum"]


def test_worksheet_6_threshold_methods_follow_schema():
    methods = load_content(6)["lists"]["threshold_methods"]
    assert [entry["id"] for entry in methods] == _schema_node("thresholds", "current_value", "method")["enum"]


def test_worksheet_6_classification_table_covers_quadrants():
    content = load_content(6)
    table = next(block for block in content["blocks"] if block.get("cells"))
    assert table["cells"]["en"] == [
        ["high", "high", "Strategic customer / key account (S)"],
        ["high", "low", "Large customer (L)"],
        ["low", "high", "Development customer (D)"],
        ["low", "low", "Transactional customer (T)"],
    ]


def test_worksheet_7_steps_are_form_rows():
    content = load_content(7)
    steps = content["lists"]["steps"]
    table = next(block for block in content["blocks"] if block["type"] == "table")
    assert len(steps) == 10
    for language in LANGUAGES:
        rows = table["first_column"][language]
        assert [row.split(". ", 1)[1] for row in rows] == [entry[language] for entry in steps]
    assert [entry["id"] for entry in content["lists"]["status"]] == _schema_node("procedure", "steps", "status")["enum"]


def test_worksheet_8_grid_is_two_by_two():
    grid = next(block for block in load_content(8)["blocks"] if block["type"] == "grid")
    titles = [[cell["title"]["nl"] for cell in row] for row in grid["cells"]]
    assert titles == [["Ontwikkelklanten", "Strategische klanten"], ["Transactieklanten", "Grote klanten"]]
    assert grid["row_labels"]["en"] == ["High", "Low"]
    assert grid["column_labels"]["en"] == ["Low", "High"]


def test_worksheet_9_sub_areas_follow_schema():
    sub_areas = load_content(9)["lists"]["sub_areas"]
    for segment in ("transactional", "development", "large"):
        expected = list(_schema_node("strategies", segment, "sub_areas")["properties"])
        assert [entry["id"] for entry in sub_areas if entry["segment"] == segment] == expected


def test_worksheet_9_grid_names_sub_areas():
    content = load_content(9)
    grid = next(block for block in content["blocks"] if block["type"] == "grid")
    fields = {label["en"] for row in grid["cells"] for cell in row for label in cell.get("fields", [])}
    for entry in content["lists"]["sub_areas"]:
        assert entry["en"] in fields, entry["id"]


def test_worksheet_10_lists_follow_schema():
    lists = load_content(10)["lists"]
    concept = _schema_node("service_concepts", "strategic")
    assert [entry["id"] for entry in lists["serving_models"]] == concept["properties"]["serving_model"]["enum"]
    assert [entry["id"] for entry in lists["monitoring_frequencies"]] == concept["properties"]["monitoring_frequency"]["enum"]
    text_rows = ["strategy_summary", "interaction", "intelligence_planning", "service_level", "horizon_monitoring"]
    assert [entry["id"] for entry in lists["rows"]] == text_rows
    assert set(text_rows) <= set(concept["properties"])


def test_worksheet_10_rows_are_form_rows():
    content = load_content(10)
    table = next(block for block in content["blocks"] if block["type"] == "table")
    for language in LANGUAGES:
        assert table["first_column"][language] == [entry[language] for entry in content["lists"]["rows"]]


@pytest.mark.parametrize("number", OWN)
def test_portfolio_worksheets_have_purpose_and_steps(number):
    content = load_content(number)
    assert len(content["instructions"]["nl"]) >= 3
    assert worksheet(number).kind == "portfolio"
