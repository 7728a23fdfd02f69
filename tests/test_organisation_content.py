"""Content of worksheets 31–34: the form texts, the default lists and the team-role key."""

from __future__ import annotations

import re

import pytest

from kamgen.catalogue import worksheet
from kamgen.compute.organisation import BANDS, CLUSTERS, DOMAINS, LETTERS, SECTIONS, TEAM_ROLES, load_scoring_key
from kamgen.content import load_content
from kamgen.render.forms import content_problems

NUMBERS = (31, 32, 33, 34)


@pytest.mark.parametrize("number", NUMBERS)
def test_content_file_is_valid(number):
    content = load_content(number)
    assert content_problems(content) == []
    assert content["number"] == number


@pytest.mark.parametrize("number", NUMBERS)
def test_title_equals_catalogue(number):
    content = load_content(number)
    assert content["title"]["nl"] == worksheet(number).title_nl
    assert content["title"]["en"] == worksheet(number).title_en


def test_domains_follow_identifiers():
    domains = load_content(31)["lists"]["domains"]
    assert tuple(entry["id"] for entry in domains) == DOMAINS


@pytest.mark.parametrize("language", ["nl", "en"])
def test_two_to_four_default_conditions_per_domain(language):
    for entry in load_content(31)["lists"]["domains"]:
        assert 2 <= len(entry["conditions"][language]) <= 4, entry["id"]


def test_conditions_are_the_form_rows():
    content = load_content(31)
    tables = [block for block in content["blocks"] if block["type"] == "table"]
    domains = content["lists"]["domains"]
    assert [table["first_column"] for table in tables] == [entry["conditions"] for entry in domains]
    assert [table["heading"]["nl"] for table in tables] == [entry["nl"] for entry in domains]


def test_clusters_follow_identifiers():
    clusters = load_content(32)["lists"]["clusters"]
    assert tuple(entry["id"] for entry in clusters) == CLUSTERS


@pytest.mark.parametrize("language", ["nl", "en"])
def test_three_competencies_per_cluster(language):
    names = []
    for entry in load_content(32)["lists"]["clusters"]:
        assert len(entry["competencies"][language]) == 3, entry["id"]
        assert len(entry["descriptions"][language]) == 3, entry["id"]
        names.extend(entry["competencies"][language])
    # Assessments refer to competencies by name, so the names must be unique.
    assert len(set(names)) == len(names)


def test_level_scale_has_five_labels():
    scale = load_content(32)["scales"]["level_1_5"]
    assert (scale["min"], scale["max"]) == (1, 5)
    assert len(scale["labels"]["nl"]) == len(scale["labels"]["en"]) == 5


def test_questionnaire_has_seven_sections_of_nine():
    sections = load_content(33)["lists"]["sections"]
    assert [section["number"] for section in sections] == list(range(1, SECTIONS + 1))
    for section in sections:
        for language in ("nl", "en"):
            statements = section["statements"][language]
            assert [statement[:3] for statement in statements] == [f"{letter}. " for letter in LETTERS]
            assert section["situation"][language].strip()
            assert section[language].startswith(("Sectie", "Section"))


def test_questionnaire_statements_are_unique():
    sections = load_content(33)["lists"]["sections"]
    for language in ("nl", "en"):
        texts = [statement[3:] for section in sections for statement in section["statements"][language]]
        assert len(set(texts)) == len(texts) == 63


def test_questionnaire_note_disclaims_official_instrument():
    content = load_content(33)
    notes = [block["text"] for block in content["blocks"] if block["type"] == "note"]
    assert any("niet de officiële Belbin-vragenlijst" in note["nl"] for note in notes)
    assert any("not the official Belbin inventory" in note["en"] for note in notes)


def test_key_maps_each_section_to_all_roles():
    key = load_scoring_key()
    assert sorted(key) == list(range(1, SECTIONS + 1))
    for section, letters in key.items():
        assert tuple(letters) == LETTERS, section
        assert sorted(letters.values()) == sorted(TEAM_ROLES), section


def test_key_order_differs_per_section():
    key = load_scoring_key()
    orders = {tuple(letters.values()) for letters in key.values()}
    assert len(orders) == SECTIONS
    assert TEAM_ROLES not in orders


def test_scoring_form_shows_the_key():
    content = load_content(34)
    table = next(block for block in content["blocks"] if block["type"] == "table")
    key = load_scoring_key()
    roles = {entry["id"]: entry for entry in load_content(34)["lists"]["roles"]}
    for language in ("nl", "en"):
        for role, row in zip(TEAM_ROLES, table["cells"][language]):
            assert row[0] == roles[role][language]
            for section in range(1, SECTIONS + 1):
                letter = next(letter for letter, mapped in key[section].items() if mapped == role)
                assert row[section] == f"{letter}:"


def test_role_names_in_both_languages():
    roles = load_content(34)["lists"]["roles"]
    assert [entry["id"] for entry in roles] == list(TEAM_ROLES)
    assert [entry["nl"] for entry in roles] == [
        "Plant", "Brononderzoeker", "Voorzitter", "Vormer", "Monitor",
        "Groepswerker", "Bedrijfsman", "Zorgdrager", "Specialist",
    ]
    assert [entry["en"] for entry in roles] == [
        "Plant", "Resource Investigator", "Co-ordinator", "Shaper", "Monitor Evaluator",
        "Teamworker", "Implementer", "Completer Finisher", "Specialist",
    ]


def test_bands_follow_identifiers():
    assert tuple(entry["id"] for entry in load_content(34)["lists"]["bands"]) == BANDS


@pytest.mark.parametrize("number", NUMBERS)
def test_dutch_instructions_use_u_form(number):
    text = " ".join(load_content(number)["instructions"]["nl"])
    assert not re.search(r"\b(je|jij|jouw|jullie)\b", text, re.IGNORECASE)
