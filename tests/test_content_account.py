"""Content files of the account worksheets (3 and 11–30): structure, languages and shared ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kamgen.catalogue import worksheet
from kamgen.content import load_content, load_scales
from kamgen.render.forms import content_problems

ACCOUNT_NUMBERS = (3, *range(11, 31))
LANGUAGES = ("nl", "en")
IDENTIFIERS_MD = Path(__file__).resolve().parents[1] / "docs" / "identifiers.md"

# The block vocabulary of docs/architecture.md, with the keys each block may carry.
BLOCK_KEYS = {
    "heading": {"text"},
    "paragraph": {"text"},
    "note": {"text"},
    "fields": {"fields", "columns"},
    "lines": {"label", "lines"},
    "questions": {"items", "lines", "score", "fields"},
    "statements": {"items", "scale", "codes", "remarks"},
    "table": {"columns", "rows", "first_column", "cells", "row_lines", "total"},
    "checkboxes": {"options", "inline"},
    "grid": {"axis", "row_labels", "column_labels", "cells"},
    "matrix": {"row_labels", "column_labels", "corner", "rows", "totals"},
    "scale": {"scale"},
}
COMMON_BLOCK_KEYS = {"type", "heading"}
TOP_LEVEL_KEYS = {"number", "title", "purpose", "instructions", "orientation", "blocks", "scales", "lists"}

# (worksheet, list name) → the row of docs/identifiers.md whose ids the list must carry, in order.
IDENTIFIER_ROWS = {
    (3, "levels"): "relationship levels (3)",
    (3, "statements"): "relationship statements (3)",
    (12, "levels"): "contact levels (12)",
    (12, "dmu_roles"): "DMU roles (12)",
    (12, "attitudes"): "attitude −2..+2 (12)",
    (12, "competitor_relationship"): "competitor relationship (12)",
    (13, "stages"): "development stages 1–5 (13)",
    (13, "dimensions"): "stage dimensions (13)",
    (14, "quadrants"): "purchasing quadrants (14)",
    (15, "areas"): "customer finding areas (15)",
    (15, "horizons"): "horizon (15)",
    (15, "qualifications"): "qualification (15)",
    (16, "areas"): "internal finding areas (16)",
    (16, "qualifications"): "qualification (16)",
    (17, "priorities"): "priority (17–20)",
    (18, "priorities"): "priority (17–20)",
    (19, "priorities"): "priority (17–20)",
    (20, "priorities"): "priority (17–20)",
    (22, "quadrants"): "confrontation quadrants (22)",
    (25, "angles"): "angles (25)",
    (26, "criteria"): "choice criteria (26)",
    (27, "statuses"): "project status (27)",
    (28, "statuses"): "activity status (28)",
    (30, "levels"): "goal levels (30)",
    (30, "categories"): "objective categories (30)",
}


def identifier_rows() -> dict[str, list[str]]:
    """Read docs/identifiers.md into {what: [ids in order]}."""
    rows = {}
    for line in IDENTIFIERS_MD.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 2 and "`" in cells[1]:
            rows[cells[0]] = re.findall(r"`([^`]+)`", cells[1])
    return rows


def texts_in(value, path="") -> list[tuple[str, dict]]:
    """Collect every {nl, en} mapping in a content tree, with its path."""
    found = []
    if isinstance(value, dict):
        if set(LANGUAGES) & set(value):
            found.append((path, value))
        for key, child in value.items():
            found.extend(texts_in(child, f"{path}/{key}"))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(texts_in(child, f"{path}/{index}"))
    return found


def nulls_in(value, path="") -> list[str]:
    """List paths holding None: in YAML a flow mapping with an unquoted comma makes one."""
    if value is None:
        return [path]
    if isinstance(value, dict):
        return [hit for key, child in value.items() for hit in nulls_in(child, f"{path}/{key}")]
    if isinstance(value, list):
        return [hit for index, child in enumerate(value) for hit in nulls_in(child, f"{path}/{index}")]
    return []


def blocks_of(number: int, kind: str) -> list[dict]:
    return [block for block in load_content(number)["blocks"] if block["type"] == kind]


def list_texts(entries: list[dict], language: str) -> list[str]:
    return [entry[language] for entry in entries]


@pytest.mark.parametrize("number", ACCOUNT_NUMBERS)
def test_file_loads_with_known_keys(number):
    content = load_content(number)

    assert content["number"] == number
    assert set(content) <= TOP_LEVEL_KEYS
    assert {"number", "title", "purpose", "instructions", "blocks"} <= set(content)
    assert content.get("orientation", "portrait") in ("portrait", "landscape")
    assert nulls_in(content) == []


@pytest.mark.parametrize("number", ACCOUNT_NUMBERS)
def test_title_equals_catalogue(number):
    content = load_content(number)
    entry = worksheet(number)

    assert content["title"]["nl"] == entry.title_nl
    assert content["title"]["en"] == entry.title_en


@pytest.mark.parametrize("number", ACCOUNT_NUMBERS)
def test_every_text_has_both_languages(number):
    for path, text in texts_in(load_content(number)):
        assert set(LANGUAGES) <= set(text), f"{path} lacks a language"
        nl, en = text["nl"], text["en"]
        assert type(nl) is type(en), f"{path}: nl and en differ in kind"
        if isinstance(nl, list):
            assert len(nl) == len(en), f"{path}: {len(nl)} Dutch against {len(en)} English"
            items = nl + en
        else:
            items = [nl, en]
        for item in items:
            if isinstance(item, list):
                # Rows of table cells: "" is a blank cell, so only the row shape matters.
                continue
            assert isinstance(item, str) and item.strip(), f"{path}: empty text"


@pytest.mark.parametrize("number", ACCOUNT_NUMBERS)
def test_instructions_are_several_steps(number):
    instructions = load_content(number)["instructions"]

    assert len(instructions["nl"]) >= 3


@pytest.mark.parametrize("number", ACCOUNT_NUMBERS)
def test_blocks_use_only_the_vocabulary(number):
    for index, block in enumerate(load_content(number)["blocks"]):
        kind = block.get("type")
        assert kind in BLOCK_KEYS, f"block {index + 1}: type {kind!r} is not in the vocabulary"
        unknown = set(block) - BLOCK_KEYS[kind] - COMMON_BLOCK_KEYS
        assert not unknown, f"block {index + 1} ({kind}): unknown keys {sorted(unknown)}"


@pytest.mark.parametrize("number", ACCOUNT_NUMBERS)
def test_renderer_accepts_the_file(number):
    assert content_problems(load_content(number)) == []


@pytest.mark.parametrize("number", ACCOUNT_NUMBERS)
def test_scales_exist_and_match_their_range(number):
    content = load_content(number)
    scales = {**load_scales(), **(content.get("scales") or {})}

    for name, scale in (content.get("scales") or {}).items():
        values = scale["max"] - scale["min"] + 1
        assert len(scale["labels"]["nl"]) == values, name
        assert len(scale["labels"]["en"]) == values, name
    for block in content["blocks"]:
        if "scale" in block:
            assert block["scale"] in scales, block["scale"]


@pytest.mark.parametrize("number", ACCOUNT_NUMBERS)
def test_list_entries_have_unique_ids_and_labels(number):
    for name, entries in (load_content(number).get("lists") or {}).items():
        ids = [entry["id"] for entry in entries]
        assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
        for entry in entries:
            assert entry["nl"].strip(), f"{name}/{entry['id']}"
            assert entry["en"].strip(), f"{name}/{entry['id']}"


@pytest.mark.parametrize(("number", "name"), sorted(IDENTIFIER_ROWS))
def test_list_ids_follow_identifiers_doc(number, name):
    expected = identifier_rows()[IDENTIFIER_ROWS[(number, name)]]
    entries = load_content(number)["lists"][name]

    assert [entry["id"] for entry in entries] == expected


def test_relationship_statements_match_the_form():
    content = load_content(3)
    statements = content["lists"]["statements"]
    levels = [entry["id"] for entry in content["lists"]["levels"]]

    # Three statement blocks, one per level, together the ten statements in list order.
    blocks = blocks_of(3, "statements")
    assert len(blocks) == len(levels) == 3
    for language in LANGUAGES:
        on_form = [item for block in blocks for item in block["items"][language]]
        assert on_form == list_texts(statements, language)
    assert [entry["id"].split("_")[0] for entry in statements] == ["strategic"] * 3 + ["functional"] * 3 + ["organisational"] * 4
    assert all(block["scale"] in ("rating_1_5", "agreement_1_5") for block in blocks)


def test_relationship_model_credits_senn():
    notes = [block["text"] for block in blocks_of(3, "note")]

    assert any("Senn (2012)" in note["nl"] and "Senn (2012)" in note["en"] for note in notes)


def test_attitude_values_run_from_minus_two():
    attitudes = load_content(12)["lists"]["attitudes"]

    assert [entry["value"] for entry in attitudes] == [-2, -1, 0, 1, 2]


def test_relationship_matrix_columns_are_our_people():
    content = load_content(12)
    matrix = blocks_of(12, "matrix")[0]
    people = content["lists"]["our_people"]

    for language in LANGUAGES:
        # The last column is for the strongest relationship per contact.
        assert matrix["column_labels"][language][:-1] == list_texts(people, language)
    assert matrix["row_labels"]["nl"] == blocks_of(12, "table")[0]["first_column"]["nl"]


def test_stage_descriptors_cover_every_dimension_and_stage():
    lists = load_content(13)["lists"]
    stages = [entry["id"] for entry in lists["stages"]]
    dimensions = [entry["id"] for entry in lists["dimensions"]]
    descriptors = {entry["id"]: entry for entry in lists["descriptors"]}

    # 7 dimensions × 5 stages = 35 descriptors.
    assert len(descriptors) == 35
    assert sorted(descriptors) == sorted(f"{dimension}.{stage}" for dimension in dimensions for stage in stages)
    assert [entry["value"] for entry in lists["stages"]] == [1, 2, 3, 4, 5]


def test_stage_tick_table_repeats_the_descriptors():
    lists = load_content(13)["lists"]
    tick_table = blocks_of(13, "table")[1]

    descriptors = {entry["id"]: entry for entry in lists["descriptors"]}

    for language in LANGUAGES:
        rows = tick_table["cells"][language]
        assert [row[0] for row in rows] == list_texts(lists["dimensions"], language)
        for row, dimension in zip(rows, lists["dimensions"]):
            keys = [dimension["id"] + "." + stage["id"] for stage in lists["stages"]]
            assert row[1:6] == ["☐ " + descriptors[key][language] for key in keys]


def test_stage_overview_repeats_stage_descriptions():
    lists = load_content(13)["lists"]
    overview = blocks_of(13, "table")[0]

    for language in LANGUAGES:
        assert [row[1] for row in overview["cells"][language]] == [entry["description"][language] for entry in lists["stages"]]
        # The stage names stay as the field uses them, in both editions.
        assert [entry[language] for entry in lists["stages"]] == ["Pre-KAM", "Early-KAM", "Mid-KAM", "Partnership-KAM", "Synergistic-KAM"]


def test_uncoupling_is_a_risk_not_a_stage():
    lists = load_content(13)["lists"]
    trigger_box = blocks_of(13, "checkboxes")[0]

    assert "uncoupling" not in [entry["id"] for entry in lists["stages"]]
    for language in LANGUAGES:
        assert trigger_box["options"][language] == list_texts(lists["uncoupling_triggers"], language)


def test_purchasing_quadrants_carry_buyer_behaviour():
    lists = load_content(14)["lists"]
    behaviour = {entry["id"]: entry for entry in lists["buyer_behaviour"]}
    expected = identifier_rows()["expected buyer behaviour (14)"]

    assert list(behaviour) == expected
    assert [entry["behaviour"] for entry in lists["quadrants"]] == expected
    # High impact with low risk is leverage; high with high is strategic.
    axes = {entry["id"]: (entry["profit_impact"], entry["supply_risk"]) for entry in lists["quadrants"]}
    assert axes == {"routine": ("low", "low"), "leverage": ("high", "low"), "bottleneck": ("low", "high"), "strategic": ("high", "high")}


def test_purchasing_grid_shows_each_quadrant_with_its_behaviour():
    lists = load_content(14)["lists"]
    grid = blocks_of(14, "grid")[0]
    names = {entry["nl"]: entry for entry in lists["quadrants"]}
    behaviour = {entry["id"]: entry["nl"] for entry in lists["buyer_behaviour"]}

    # Top row is high profit impact; left column is low supply risk.
    layout = [[cell["title"]["nl"] for cell in row] for row in grid["cells"]]
    assert layout == [["Hefboomproducten", "Strategische producten"], ["Routineproducten", "Knelpuntproducten"]]
    for row in grid["cells"]:
        for cell in row:
            assert cell["text"]["nl"] == behaviour[names[cell["title"]["nl"]]["behaviour"]]


@pytest.mark.parametrize("number", (17, 18, 19, 20))
def test_scoring_form_priority_bands(number):
    lists = load_content(number)["lists"]
    bands = {entry["id"]: (entry["min"], entry["max"]) for entry in lists["priorities"]}

    # A product of two 1–5 ratings runs 1–25: high ≥ 15, medium 8–14, low ≤ 7.
    assert bands == {"high": (15, 25), "medium": (8, 14), "low": (1, 7)}
    assert [entry["id"] for entry in lists["swot_choice"]] == identifier_rows()["scoring forms (17–20), account sections"][-2:]
    assert len(lists["ratings"]) == 2


@pytest.mark.parametrize("number", (17, 18, 19, 20))
def test_scoring_form_columns_name_both_ratings(number):
    content = load_content(number)
    table = blocks_of(number, "table")[0]
    headings = [column["nl"] for column in table["columns"]]

    for rating in content["lists"]["ratings"]:
        assert any(rating["nl"] in heading for heading in headings), rating["id"]
    assert "Score (A × B)" in headings


def test_swot_quadrants_hold_five_items_internal_above():
    grid = blocks_of(21, "grid")[0]
    quadrants = load_content(21)["lists"]["quadrants"]

    assert [[cell["title"]["nl"] for cell in row] for row in grid["cells"]] == [
        ["Sterkten (S1–S5)", "Zwakten (Z1–Z5)"],
        ["Kansen (K1–K5)", "Bedreigingen (B1–B5)"],
    ]
    assert [[cell["title"]["en"] for cell in row] for row in grid["cells"]] == [
        ["Strengths (S1–S5)", "Weaknesses (W1–W5)"],
        ["Opportunities (O1–O5)", "Threats (T1–T5)"],
    ]
    assert all(cell["lines"] == 5 for row in grid["cells"] for cell in row)
    assert [entry["max"] for entry in quadrants] == [5, 5, 5, 5]


def test_confrontation_matrix_codes_per_edition():
    content = load_content(22)
    matrix = blocks_of(22, "matrix")[0]

    assert content["orientation"] == "landscape"
    assert matrix["row_labels"]["nl"] == [f"S{i}" for i in range(1, 6)] + [f"Z{i}" for i in range(1, 6)]
    assert matrix["row_labels"]["en"] == [f"S{i}" for i in range(1, 6)] + [f"W{i}" for i in range(1, 6)]
    assert matrix["column_labels"]["nl"] == [f"K{i}" for i in range(1, 6)] + [f"B{i}" for i in range(1, 6)]
    assert matrix["column_labels"]["en"] == [f"O{i}" for i in range(1, 6)] + [f"T{i}" for i in range(1, 6)]
    assert any(block["scale"] == "link_0_3" for block in blocks_of(22, "scale"))


def test_confrontation_quadrants_name_and_question():
    quadrants = load_content(22)["lists"]["quadrants"]
    grid = blocks_of(22, "grid")[0]

    assert [entry["nl"] for entry in quadrants] == ["Aanvallen", "Verdedigen", "Versterken", "Terugtrekken of vermijden"]
    assert [(entry["row"], entry["column"]) for entry in quadrants] == [
        ("strength", "opportunity"), ("strength", "threat"), ("weakness", "opportunity"), ("weakness", "threat"),
    ]
    cells = [cell for row in grid["cells"] for cell in row]
    for language in LANGUAGES:
        assert [cell["title"][language] for cell in cells] == list_texts(quadrants, language)
        assert [cell["text"][language] for cell in cells] == [entry["question"][language] for entry in quadrants]


def test_hap_table_has_three_to_five_rows():
    table = blocks_of(23, "table")[0]

    assert table["first_column"]["nl"] == ["HAP1", "HAP2", "HAP3", "HAP4", "HAP5"]


def test_brainwriting_grid_is_six_rounds_of_three():
    table = blocks_of(24, "table")[0]
    ideas = [column["nl"] for column in table["columns"] if column["nl"].startswith("Idee")]

    # 6 rounds × 3 ideas, with room to write two lines per box.
    assert table["first_column"]["nl"] == ["1", "2", "3", "4", "5", "6"]
    assert ideas == ["Idee 1", "Idee 2", "Idee 3"]
    assert table["row_lines"] >= 2


def test_angles_table_rows_and_questions_follow_the_list():
    angles = load_content(25)["lists"]["angles"]
    tables = blocks_of(25, "table")
    questions = blocks_of(25, "questions")[0]

    for language in LANGUAGES:
        rows = [label for table in tables for label in table["first_column"][language]]
        assert rows == list_texts(angles, language)
        expected = [f"{entry[language]}: {entry['question'][language][0].lower()}{entry['question'][language][1:]}" for entry in angles]
        assert questions["items"][language] == expected


def test_choice_criteria_weights_add_up_to_100():
    criteria = load_content(26)["lists"]["criteria"]
    table = blocks_of(26, "table")[0]

    # 25 + 20 + 15 + 10 + 10 + 10 + 10 = 100
    assert sum(entry["weight"] for entry in criteria) == 100
    for language in LANGUAGES:
        rows = table["cells"][language]
        assert [row[0] for row in rows] == list_texts(criteria, language)
        assert [row[1] for row in rows] == [entry["favourable"][language] for entry in criteria]
        assert [row[2] for row in rows] == [str(entry["weight"]) for entry in criteria]


def test_choice_matrix_has_a_column_per_criterion():
    criteria = load_content(26)["lists"]["criteria"]
    matrix = blocks_of(26, "table")[1]
    headings = [column["en"] for column in matrix["columns"]]

    # A soft hyphen in a heading only marks where Word may break the word.
    headings = [heading.replace("\u00ad", "") for heading in headings]
    for entry in criteria:
        assert entry["short"]["en"] in headings
    knockouts = blocks_of(26, "checkboxes")[0]["options"]["nl"]
    assert knockouts[: len(load_content(26)["lists"]["knockouts"])] == list_texts(load_content(26)["lists"]["knockouts"], "nl")


def test_project_form_has_smart_check_and_status():
    content = load_content(27)
    checkboxes = blocks_of(27, "checkboxes")
    smart = [entry["id"] for entry in content["lists"]["smart"]]

    assert smart == ["specific", "measurable", "acceptable", "realistic", "time_bound"]
    assert len(checkboxes[0]["options"]["nl"]) == 5
    assert checkboxes[1]["options"]["nl"] == list_texts(content["lists"]["statuses"], "nl")


def test_project_form_asks_every_field():
    content = load_content(27)
    labels = []
    for block in content["blocks"]:
        labels += [field["en"] for field in block.get("fields", [])]
        if block["type"] == "table":
            labels += [column["en"] for column in block["columns"]]
        if "label" in block:
            labels.append(block["label"]["en"])
        if "heading" in block:
            labels.append(block["heading"]["en"])
    joined = " | ".join(labels).lower()

    for field in (
        "project code", "project name", "linked haps", "goal tree", "project owner", "counterpart", "project team",
        "reason", "goal", "kpi", "baseline", "target", "in scope", "out of scope", "deliverables", "main activities",
        "milestone", "start date", "end date", "hours", "budget", "risk", "measure", "dependencies", "approved by",
        "date approved", "smart check",
    ):
        assert field in joined, field


def test_project_planning_has_thirteen_weeks():
    table = blocks_of(28, "table")[0]
    weeks = [column["nl"] for column in table["columns"] if column["nl"].isdigit()]

    assert load_content(28)["orientation"] == "landscape"
    assert weeks == [str(week) for week in range(1, 14)]
    assert table["first_column"]["nl"][0] == "A1"


def test_budget_runs_from_year_zero_to_five():
    costs, benefits, result = blocks_of(29, "table")
    lists = load_content(29)["lists"]

    for table in (costs, benefits, result):
        headings = [column["en"] for column in table["columns"]]
        assert headings[1:8] == ["Year 0", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Total"]
    assert result["first_column"]["en"][-2:] == ["Net (benefits − costs)", "Cumulative net"]
    # Every input line of the budget appears on the form; internal hours also as hours × rate.
    for entry in lists["cost_lines"]:
        assert any(row.startswith(entry["en"]) for row in costs["first_column"]["en"]), entry["id"]
    for entry in lists["benefit_lines"]:
        assert any(row.startswith(entry["en"]) for row in benefits["first_column"]["en"]), entry["id"]
    results = " ".join(field["en"] for block in blocks_of(29, "fields") for field in block["fields"])
    assert "ROI" in results
    assert "Payback period" in results


def test_goal_tree_levels_and_directions():
    content = load_content(30)
    grid = blocks_of(30, "grid")[0]

    assert [entry["value"] for entry in content["lists"]["levels"]] == [0, 1, 2, 3]
    assert grid["column_labels"]["nl"] == list_texts(content["lists"]["categories"], "nl")
    # Reading the tree downwards gives the "how", upwards the "why".
    assert "how?" in grid["heading"]["en"]
    assert "why?" in grid["heading"]["en"]
    assert "hoe?" in grid["heading"]["nl"]
    assert "waarom?" in grid["heading"]["nl"]
