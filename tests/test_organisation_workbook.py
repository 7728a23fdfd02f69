"""The organisation input workbook: writing, filling as a user would, reading back, and live formulas."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kamgen.compute.organisation import LETTERS, TEAM_ROLES, compute_organisation
from kamgen.content import load_content
from kamgen.i18n import set_language
from kamgen.readers import read_document
from kamgen.resources import load_schema
from kamgen.validation import validate_file
from kamgen.workbooks.organisation import (
    ANSWERS,
    ASSESSMENTS,
    COMPETENCIES,
    CONDITIONS,
    MEMBERS,
    PEOPLE,
    ROLE_BANDS,
    ROLE_SCORES,
    default_competencies,
    default_conditions,
    layout,
)
from kamgen.workbooks.writer import column_letter, plan, write_workbook

EXAMPLE_YAML = "inputs/yaml/hoekstra-organisatie.yaml"
EXAMPLE_XLSX = "inputs/excel/hoekstra-organisatie.xlsx"
SOFFICE_TIMEOUT = 180

requires_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


@pytest.fixture(scope="module")
def example_data():
    return read_document(Path(__file__).resolve().parent.parent / EXAMPLE_YAML).data


def _problems(path: Path):
    report, _ = validate_file(path, path.name)
    return report.problems


def _cell(placement, table: str, key: str, position: int) -> tuple[str, str]:
    place = placement.tables[table]
    return place.sheet, f"{column_letter(place.columns[key])}{place.first_row + position}"


def _named(placement, name: str) -> tuple[str, str]:
    sheet, row, column = placement.cells[name]
    return sheet, f"{column_letter(column)}{row}"


# ---------------------------------------------------------------------------
# Writing


def test_example_workbook_is_up_to_date(repository, kamgen_env):
    completed = subprocess.run(
        [sys.executable, "tools/make_organisation_workbook.py", "--check"],
        cwd=repository, env=kamgen_env, capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_example_workbook_reads_as_the_yaml(repository, example_data):
    document = read_document(repository / EXAMPLE_XLSX)
    assert document.kind == "organisation"
    assert document.problems == []
    assert document.data == example_data
    assert _problems(repository / EXAMPLE_XLSX) == []


@pytest.mark.parametrize(("language", "sheets"), [
    ("nl", ["Start", "WB31 Voorwaarden", "WB32 Profiel KAM", "WB33 Teamrollen vragenlijst", "WB34 Teamrollen scoring"]),
    ("en", ["Start", "WS31 Conditions", "WS32 KAM profile", "WS33 Team roles questionnaire", "WS34 Team roles scoring"]),
])
def test_blank_workbook_starts_from_default_rows(tmp_path, language, sheets):
    import openpyxl

    path = write_workbook(layout(), tmp_path / "blank.xlsx", language)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[:5] == sheets
    placement = plan(layout(), language)

    domains = {entry["id"]: entry[language] for entry in load_content(31)["lists"]["domains"]}
    for position, (domain, statement) in enumerate(default_conditions()):
        sheet, cell = _cell(placement, CONDITIONS, "domain", position)
        assert workbook[sheet][cell].value == domains[domain]
        sheet, cell = _cell(placement, CONDITIONS, "statement", position)
        assert workbook[sheet][cell].value == statement[language]
    assert len(default_conditions()) == 23

    for position, (_, name, _) in enumerate(default_competencies()):
        sheet, cell = _cell(placement, COMPETENCIES, "name", position)
        assert workbook[sheet][cell].value == name[language]

    sections = [workbook[sheet][cell].value for sheet, cell in (_cell(placement, ANSWERS, "section", p) for p in range(9))]
    assert sections == [1, 2, 3, 4, 5, 6, 7, 1, 2]


def test_blank_workbook_reads_as_empty_sections(tmp_path):
    path = write_workbook(layout(), tmp_path / "blank.xlsx", "nl")
    document = read_document(path)
    # The default rows do not count until someone fills in the table.
    assert "readiness" not in document.data
    assert "profile" not in document.data
    assert "team_roles" not in document.data
    assert document.data["language"] == "nl"
    codes = sorted((problem.code, problem.pointer) for problem in _problems(path))
    assert codes == [("schema.required", "/organisation"), ("schema.required", "/period")]


def test_input_cells_are_validated_and_formulas_locked(tmp_path):
    import openpyxl

    path = write_workbook(layout(), tmp_path / "blank.xlsx", "nl")
    workbook = openpyxl.load_workbook(path)
    placement = plan(layout(), "nl")
    sheet, presence = _cell(placement, CONDITIONS, "presence", 0)
    worksheet = workbook[sheet]
    rules = [rule for rule in worksheet.data_validations.dataValidation if presence in rule.sqref]
    assert [(rule.type, rule.formula1, rule.formula2) for rule in rules] == [("whole", "1", "5")]
    assert worksheet.protection.sheet is True
    assert worksheet[presence].protection.locked is False
    _, gap = _cell(placement, CONDITIONS, "gap", 0)
    assert worksheet[gap].value.startswith("=IF(")
    assert worksheet[gap].protection.locked is True


# ---------------------------------------------------------------------------
# Filling in as a user would


def _fill_as_user(path: Path, data: dict, language: str) -> None:
    """Type the example's values into a blank workbook, the way people do: numbers, text, dates as text."""
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    placement = plan(layout(), language)

    def put(location: tuple[str, str], value) -> None:
        sheet, cell = location
        workbook[sheet][cell].value = value

    put(_named(placement, "organisation"), data["organisation"])
    put(_named(placement, "business_unit"), data["business_unit"])
    put(_named(placement, "prepared_by"), data["prepared_by"])
    # People type Dutch dates as text; kamgen reads dd-mm-jjjj.
    put(_named(placement, "period_start"), "01-01-2026")
    put(_named(placement, "period_end"), "31-12-2026")

    for position, condition in enumerate(data["readiness"]["conditions"]):
        put(_cell(placement, CONDITIONS, "presence", position), condition["presence"])
        put(_cell(placement, CONDITIONS, "importance", position), condition["importance"])
    put(_named(placement, "readiness_conclusion"), data["readiness"]["conclusion"])

    profile = data["profile"]
    for position, competency in enumerate(profile["competencies"]):
        put(_cell(placement, COMPETENCIES, "importance", position), competency["importance"])
        put(_cell(placement, COMPETENCIES, "required", position), competency["required"])
    for position, person in enumerate(profile["people"]):
        put(_cell(placement, PEOPLE, "name", position), person["name"])
        put(_cell(placement, PEOPLE, "function", position), person["function"])
    for position, assessment in enumerate(profile["assessments"]):
        for key in ("person", "competency", "current", "evidence", "development_action"):
            if key in assessment:
                put(_cell(placement, ASSESSMENTS, key, position), assessment[key])

    team = data["team_roles"]
    for position, member in enumerate(team["members"]):
        put(_cell(placement, MEMBERS, "name", position), member["name"])
        put(_cell(placement, MEMBERS, "function", position), member["function"])
    for position, answer in enumerate(team["answers"]):
        # The section numbers 1–7 are already there in a blank workbook.
        put(_cell(placement, ANSWERS, "member", position), answer["member"])
        for letter in LETTERS:
            if letter in answer:
                put(_cell(placement, ANSWERS, letter, position), answer[letter])
    put(_named(placement, "team_role_scoring_conclusion"), data["team_role_scoring"]["conclusion"])
    workbook.save(path)


def test_filled_in_workbook_validates(tmp_path, example_data):
    path = write_workbook(layout(), tmp_path / "ingevuld.xlsx", "nl")
    _fill_as_user(path, example_data, "nl")

    assert _problems(path) == []
    document = read_document(path)
    assert document.data == example_data
    result = compute_organisation(document.data)
    assert result.readiness.readiness == pytest.approx(56 / 115)
    assert result.team_roles.uncovered_roles == ["teamworker"]


def _required_pointers(data: dict) -> list[str]:
    """Return one pointer per required field of the schema, in the second item of each list (the first for one-item lists)."""
    schema = load_schema("organisation")
    pointers = []

    def walk(node: dict, pointer: str, value) -> None:
        if node.get("type") == "object":
            for name in node.get("required", []):
                if name != "kind":
                    pointers.append(f"{pointer}/{name}")
            for name, child in node.get("properties", {}).items():
                if isinstance(value, dict) and name in value and child.get("type") in ("object", "array"):
                    walk(child, f"{pointer}/{name}", value[name])
        elif node.get("type") == "array" and isinstance(value, list) and value:
            index = 1 if len(value) > 1 else 0
            walk(node["items"], f"{pointer}/{index}", value[index])

    walk(schema, "", data)
    return [pointer for pointer in pointers if pointer != "/period"]


def test_required_fields_cover_every_table(example_data):
    pointers = _required_pointers(example_data)
    assert pointers == [
        "/organisation", "/period/start", "/period/end",
        "/readiness/conditions/1/domain", "/readiness/conditions/1/statement",
        "/profile/competencies/1/cluster", "/profile/competencies/1/name",
        "/profile/people/1/name",
        "/profile/assessments/1/person", "/profile/assessments/1/competency", "/profile/assessments/1/current",
        "/team_roles/members/1/name",
        "/team_roles/answers/1/member", "/team_roles/answers/1/section",
    ]


def test_emptying_a_required_field_names_its_cell(tmp_path, repository, example_data):
    import openpyxl

    source = repository / EXAMPLE_XLSX
    locations = read_document(source).source_map
    for pointer in _required_pointers(example_data):
        location = locations.entries[pointer]
        workbook = openpyxl.load_workbook(source)
        workbook[location.sheet][location.cell].value = None
        path = tmp_path / f"leeg-{pointer.strip('/').replace('/', '-')}.xlsx"
        workbook.save(path)

        problems = _problems(path)
        assert [(problem.code, problem.location.sheet, problem.location.cell) for problem in problems] == [
            ("schema.required", location.sheet, location.cell)
        ], pointer
        assert problems[0].message.endswith("ontbreekt; vul het in."), pointer


# ---------------------------------------------------------------------------
# Live formulas, recalculated by LibreOffice


def _recalculate(path: Path, folder: Path) -> Path:
    """Let LibreOffice open and save the workbook, so every formula gets a saved result; return the new file."""
    output = folder / "recalculated"
    profile = folder / "soffice-profile"
    completed = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--calc",
         "--convert-to", "xlsx", "--outdir", str(output), str(path)],
        capture_output=True, text=True, timeout=SOFFICE_TIMEOUT,
    )
    result = output / path.name
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert result.exists(), completed.stdout + completed.stderr
    return result


def _saved_values(path: Path):
    import openpyxl

    return openpyxl.load_workbook(path, data_only=True)


def _blank_to_none(value):
    return None if value == "" else value


def _expected_cells(data: dict, language: str) -> list[tuple[str, str, object, str]]:
    """Return (sheet, cell, kamgen's value, what) for every formula the computations can check."""
    result = compute_organisation(data)
    placement = plan(layout(), language, data)
    expected = []

    def add(location, value, what):
        expected.append((*location, value, what))

    readiness = result.readiness
    ranks = {condition.index: rank for rank, condition in enumerate(readiness.ranked_gaps, start=1)}
    for condition in readiness.conditions:
        add(_cell(placement, CONDITIONS, "gap", condition.index), condition.gap, f"gap {condition.index}")
        add(_cell(placement, CONDITIONS, "rank", condition.index), ranks.get(condition.index), f"rank {condition.index}")
    add(_named(placement, "ws31_readiness"), readiness.readiness, "readiness")
    for domain in readiness.domains:
        add(_named(placement, f"ws31_{domain.domain}_count"), domain.conditions, f"{domain.domain} count")
        add(_named(placement, f"ws31_{domain.domain}_mean"), domain.mean_presence, f"{domain.domain} mean")
        add(_named(placement, f"ws31_{domain.domain}_readiness"), domain.readiness, f"{domain.domain} readiness")
        add(_named(placement, f"ws31_{domain.domain}_gap"), domain.total_gap, f"{domain.domain} gap")

    people = {person.name: person for person in result.profile.people}
    for position, person in enumerate(data["profile"]["people"]):
        computed = people[person["name"]]
        add(_cell(placement, PEOPLE, "fit", position), computed.fit, f"fit {person['name']}")
        add(_cell(placement, PEOPLE, "weighted", position), computed.total_weighted_gap, f"weighted {person['name']}")
        add(_cell(placement, PEOPLE, "assessed", position), len(computed.assessments), f"assessed {person['name']}")
    for person in result.profile.people:
        for assessment in person.assessments:
            for key in ("required", "importance", "gap", "weighted_gap"):
                add(_cell(placement, ASSESSMENTS, key, assessment.index), getattr(assessment, key), f"{key} {assessment.index}")

    ok, not_ten, not_seventy = (_message(key, language) for key in ("wb_ok", "wb_not_ten", "wb_not_seventy"))
    for position, answer in enumerate(data["team_roles"]["answers"]):
        total = sum(answer.get(letter, 0) for letter in LETTERS)
        add(_cell(placement, ANSWERS, "total", position), total, f"answer total {position}")
        add(_cell(placement, ANSWERS, "check", position), ok if total == 10 else f"{total}{not_ten}", f"answer check {position}")

    team = result.team_roles
    members = {member.name: member for member in team.members}
    roles = {entry["id"]: entry[language] for entry in load_content(34)["lists"]["roles"]}
    bands = {entry["id"]: entry[language] for entry in load_content(34)["lists"]["bands"]}
    for position, listed in enumerate(data["team_roles"]["members"]):
        member = members.get(listed["name"])
        add(_cell(placement, ROLE_SCORES, "name", position), listed["name"], f"name {position}")
        for role in TEAM_ROLES:
            score = next((item for item in member.scores if item.role == role), None) if member else None
            add(_cell(placement, ROLE_SCORES, role, position), score.score if score else None, f"{role} {listed['name']}")
            add(_cell(placement, ROLE_BANDS, role, position), bands[score.band] if score else None, f"band {role} {listed['name']}")
        total = member.total if member else None
        add(_cell(placement, ROLE_SCORES, "total", position), total, f"total {listed['name']}")
        check = None
        if member is not None:
            check = ok if total == 70 else f"{total}{not_seventy}"
        add(_cell(placement, ROLE_SCORES, "check", position), check, f"check {listed['name']}")
        preferred = ", ".join(roles[role] for role in TEAM_ROLES if member and role in member.preferred)
        add(_cell(placement, ROLE_BANDS, "preferred", position), preferred or None, f"preferred {listed['name']}")
    for role in TEAM_ROLES:
        add(_named(placement, f"ws34_{role}_count"), len(team.preferred_by_role[role]), f"count {role}")
        flag = _message("wb_uncovered_flag", language) if role in team.uncovered_roles else None
        add(_named(placement, f"ws34_{role}_uncovered"), flag, f"uncovered {role}")
    return expected


def _message(key: str, language: str) -> str:
    from kamgen.i18n import t

    return t(f"organisation.{key}", language)


def _assert_saved_equal_computed(path: Path, data: dict, language: str) -> None:
    saved = _saved_values(path)
    mismatches = []
    for sheet, cell, value, what in _expected_cells(data, language):
        found = _blank_to_none(saved[sheet][cell].value)
        if isinstance(value, float) or isinstance(found, float):
            equal = value is not None and found is not None and found == pytest.approx(value, rel=1e-9)
        else:
            equal = found == value
        if not equal:
            mismatches.append(f"{what} at {sheet}!{cell}: LibreOffice {found!r}, kamgen {value!r}")
    assert mismatches == []


def _edge_cases(data: dict) -> dict:
    """Return the example with the cases the formulas must handle: unrated rows, ties, incomplete answers."""
    data = copy.deepcopy(data)
    conditions = data["readiness"]["conditions"]
    del conditions[5]["presence"]  # unrated: no gap, no rank, left out of the readiness
    del conditions[9]["importance"]  # presence counts, but there is no gap
    conditions[20]["presence"], conditions[20]["importance"] = 2, 3  # one more gap of 9 in a late domain
    del data["profile"]["competencies"][11]["required"]  # Contractvoorwaarden: no gap and no fit for it
    answers = data["team_roles"]["answers"]
    data["team_roles"]["answers"] = [answer for answer in answers if not (answer["member"] == "Marten Hoekstra" and answer["section"] == 7)]
    data["team_roles"]["answers"][0] = {"member": "Sanne Veldkamp", "section": 1, "a": 2, "b": 1, "e": 3, "i": 2}  # 8 points
    data["team_roles"]["members"].append({"name": "Jan Smit", "function": "Inkoper"})  # no answers yet
    return data


@pytest.mark.soffice
@requires_soffice
@pytest.mark.parametrize("language", ["nl", "en"])
def test_libreoffice_matches_python_on_example(tmp_path, example_data, language):
    path = write_workbook(layout(), tmp_path / f"voorbeeld-{language}.xlsx", language, example_data)
    recalculated = _recalculate(path, tmp_path)
    _assert_saved_equal_computed(recalculated, example_data, language)
    # The reader compares the saved results with kamgen's own and finds no difference.
    assert _problems(recalculated) == []


@pytest.mark.soffice
@requires_soffice
def test_libreoffice_matches_python_on_edge_cases(tmp_path, example_data):
    data = _edge_cases(example_data)
    path = write_workbook(layout(), tmp_path / "randgevallen.xlsx", "en", data)
    recalculated = _recalculate(path, tmp_path)
    _assert_saved_equal_computed(recalculated, data, "en")

    saved = _saved_values(recalculated)
    placement = plan(layout(), "en", data)
    # Marten skipped section 7 (4 + 4 + 2 = 10 points), so his total is 60.
    marten = next(position for position, member in enumerate(data["team_roles"]["members"]) if member["name"] == "Marten Hoekstra")
    sheet, cell = _cell(placement, ROLE_SCORES, "check", marten)
    assert saved[sheet][cell].value == "60 instead of 70"
    sheet, cell = _cell(placement, ANSWERS, "check", 0)
    assert saved[sheet][cell].value == "8 instead of 10"


@pytest.mark.soffice
@requires_soffice
def test_edited_formula_result_is_reported(tmp_path, example_data):
    path = write_workbook(layout(), tmp_path / "voorbeeld.xlsx", "nl", example_data)
    recalculated = _recalculate(path, tmp_path)
    placement = plan(layout(), "nl", example_data)
    sheet, cell = _cell(placement, ROLE_SCORES, "shaper", 3)

    # Someone overwrote Marten's Shaper score formula's result: 29 becomes 31 in the saved file.
    tampered = tmp_path / "aangepast.xlsx"
    _replace_saved_value(recalculated, tampered, sheet, cell, "31")
    problems = _problems(tampered)
    assert [(problem.code, problem.location.cell) for problem in problems] == [("reading.formula_differs", cell)]
    assert "31" in problems[0].message
    assert "29" in problems[0].message


def _replace_saved_value(source: Path, target: Path, sheet_title: str, cell: str, value: str) -> None:
    """Copy a workbook, changing the saved result of one formula cell in the sheet's XML."""
    import openpyxl

    index = openpyxl.load_workbook(source, read_only=True).sheetnames.index(sheet_title) + 1
    part = f"xl/worksheets/sheet{index}.xml"
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as output:
        for info in archive.infolist():
            content = archive.read(info)
            if info.filename == part:
                text = content.decode("utf-8")
                pattern = re.compile(rf'(<c r="{cell}"[^>]*>.*?<v>)([^<]*)(</v>)', re.DOTALL)
                text, count = pattern.subn(lambda match: match.group(1) + value + match.group(3), text, count=1)
                assert count == 1, f"{cell} has no saved result in {part}"
                content = text.encode("utf-8")
            output.writestr(info, content)

