"""Method rules of the organisation input, through the real validation path."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from kamgen.compute.organisation import DOMAINS
from kamgen.i18n import set_language
from kamgen.rules.organisation import check
from kamgen.validation import validate_file

HEADER = {"kind": "organisation", "format_version": 1, "language": "nl", "organisation": "Test BV",
          "period": {"start": "2026-01-01", "end": "2026-12-31"}}


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


def _validate(tmp_path: Path, data: dict):
    path = tmp_path / "organisatie.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    report, _ = validate_file(path, "organisatie.yaml")
    return report.problems


def _found(problems):
    return [(problem.code, problem.severity, problem.pointer) for problem in problems]


def _conditions(counts: dict[str, int], presence=3, importance=2):
    return [
        {"domain": domain, "statement": f"{domain} {number}", "presence": presence, "importance": importance}
        for domain in DOMAINS
        for number in range(counts.get(domain, 2))
    ]


def _answer(member, section, **points):
    return {"member": member, "section": section, **points}


def _full_answers(member):
    return [_answer(member, section, a=6, b=4) for section in range(1, 8)]


# Worksheet 31


def test_two_conditions_per_domain_is_fine(tmp_path):
    data = {**HEADER, "readiness": {"conditions": _conditions({})}}
    assert _validate(tmp_path, data) == []


def test_domain_with_one_condition_warns(tmp_path):
    data = {**HEADER, "readiness": {"conditions": _conditions({"processes": 1})}}
    problems = _validate(tmp_path, data)
    # Conditions 0–5 belong to the first three domains, so processes' single condition is index 6.
    assert _found(problems) == [("organisation.domain_too_few", "warning", "/readiness/conditions/6/domain")]
    assert problems[0].message == (
        "Het domein 'Processen' heeft 1 voorwaarde(n); werkblad 31 vraagt er 2 tot 4 per domein. "
        "Voeg voorwaarden voor dit domein toe."
    )
    assert problems[0].worksheet == 31
    assert problems[0].value == 1


def test_domain_with_five_conditions_warns_at_fifth(tmp_path):
    data = {**HEADER, "readiness": {"conditions": _conditions({"strategy_selection": 5})}}
    problems = _validate(tmp_path, data)
    assert _found(problems) == [("organisation.domain_too_many", "warning", "/readiness/conditions/4/domain")]
    assert "heeft 5 voorwaarden" in problems[0].message


def test_missing_domain_warns_on_the_list(tmp_path):
    data = {**HEADER, "readiness": {"conditions": _conditions({"measures_rewards": 0})}}
    problems = _validate(tmp_path, data)
    assert _found(problems) == [("organisation.domain_too_few", "warning", "/readiness/conditions")]
    assert "'Meten en belonen' heeft 0 voorwaarde(n)" in problems[0].message


def test_empty_readiness_gives_no_domain_warnings(tmp_path):
    assert _validate(tmp_path, {**HEADER, "readiness": {"conditions": []}}) == []


def test_unrated_condition_warns(tmp_path):
    conditions = _conditions({})
    del conditions[0]["presence"]
    problems = _validate(tmp_path, {**HEADER, "readiness": {"conditions": conditions}})
    assert _found(problems) == [("organisation.condition_unrated", "warning", "/readiness/conditions/0/presence")]
    assert problems[0].message.startswith("Voorwaarde 1 ('strategy_selection 0') heeft geen aanwezigheid;")


@pytest.mark.parametrize(("field", "value", "code"), [
    ("presence", 6, "schema.maximum"),
    ("presence", 0, "schema.minimum"),
    ("importance", 4, "schema.maximum"),
    ("presence", 2.5, "schema.type"),
])
def test_rating_out_of_range(tmp_path, field, value, code):
    conditions = _conditions({})
    conditions[3][field] = value
    problems = _validate(tmp_path, {**HEADER, "readiness": {"conditions": conditions}})
    assert _found(problems) == [(code, "error", f"/readiness/conditions/3/{field}")]


# Worksheet 32

PROFILE = {
    "competencies": [
        {"cluster": "business_insight", "name": "Markt", "importance": 3, "required": 4},
        {"cluster": "business_acumen", "name": "Marge", "importance": 2, "required": 4},
    ],
    "people": [{"name": "An"}, {"name": "Bo"}],
    "assessments": [
        {"person": "An", "competency": "Markt", "current": 2},
        {"person": "Bo", "competency": "marge", "current": 4},
    ],
}


def test_valid_profile(tmp_path):
    assert _validate(tmp_path, {**HEADER, "profile": PROFILE}) == []


def test_unknown_competency(tmp_path):
    profile = {**PROFILE, "assessments": [{"person": "An", "competency": "Marketing", "current": 3}]}
    problems = _validate(tmp_path, {**HEADER, "profile": profile})
    assert _found(problems) == [("organisation.unknown_competency", "error", "/profile/assessments/0/competency")]
    assert problems[0].message == (
        "De beoordeling verwijst naar de competentie 'Marketing', maar die staat niet in het profiel; "
        "kies een van: 'Markt', 'Marge'."
    )
    assert problems[0].value == "Marketing"
    assert problems[0].worksheet == 32


def test_unknown_person(tmp_path):
    profile = {**PROFILE, "assessments": [{"person": "Cas", "competency": "Markt", "current": 3}]}
    problems = _validate(tmp_path, {**HEADER, "profile": profile})
    assert _found(problems) == [("organisation.unknown_person", "error", "/profile/assessments/0/person")]
    assert "(bekend: 'An', 'Bo')" in problems[0].message


def test_duplicate_assessment(tmp_path):
    profile = {**PROFILE, "assessments": PROFILE["assessments"] + [{"person": "an", "competency": "MARKT", "current": 3}]}
    problems = _validate(tmp_path, {**HEADER, "profile": profile})
    assert _found(problems) == [("organisation.duplicate_assessment", "error", "/profile/assessments/2/competency")]
    assert "(beoordeling 1)" in problems[0].message


def test_duplicate_person_warns(tmp_path):
    profile = {**PROFILE, "people": [{"name": "An"}, {"name": "Bo"}, {"name": " an"}]}
    problems = _validate(tmp_path, {**HEADER, "profile": profile})
    assert _found(problems) == [("organisation.duplicate_person", "warning", "/profile/people/2/name")]


def test_duplicate_competency_warns(tmp_path):
    profile = {**PROFILE, "competencies": PROFILE["competencies"] + [{"cluster": "personal_qualities", "name": "Markt", "importance": 1, "required": 2}]}
    problems = _validate(tmp_path, {**HEADER, "profile": profile})
    assert _found(problems) == [("organisation.duplicate_competency", "warning", "/profile/competencies/2/name")]


def test_unrated_competency_warns(tmp_path):
    profile = {**PROFILE, "competencies": [PROFILE["competencies"][0], {"cluster": "business_acumen", "name": "Marge", "importance": 2}]}
    problems = _validate(tmp_path, {**HEADER, "profile": profile})
    assert _found(problems) == [("organisation.competency_unrated", "warning", "/profile/competencies/1/required")]
    assert "geen vereist niveau" in problems[0].message


def test_current_level_out_of_range(tmp_path):
    profile = {**PROFILE, "assessments": [{"person": "An", "competency": "Markt", "current": 7}]}
    problems = _validate(tmp_path, {**HEADER, "profile": profile})
    assert _found(problems) == [("schema.maximum", "error", "/profile/assessments/0/current")]


# Worksheet 33


def test_complete_questionnaire_is_valid(tmp_path):
    team = {"members": [{"name": "An"}, {"name": "Bo"}], "answers": _full_answers("An") + _full_answers("Bo")}
    assert _validate(tmp_path, {**HEADER, "team_roles": team}) == []


def test_section_points_per_person(tmp_path):
    answers = _full_answers("An") + _full_answers("Bo")
    answers[9] = _answer("Bo", 3, a=6, c=3)
    problems = _validate(tmp_path, {**HEADER, "team_roles": {"members": [{"name": "An"}, {"name": "Bo"}], "answers": answers}})
    assert _found(problems) == [("organisation.section_points", "error", "/team_roles/answers/9")]
    # 6 + 3 = 9 points instead of 10
    assert problems[0].message == "Bo heeft in sectie 3 9 punten verdeeld; verdeel precies 10 punten over de stellingen a tot en met i."
    assert problems[0].value == 9
    assert problems[0].worksheet == 33


def test_section_points_in_english(tmp_path):
    set_language("en")
    answers = _full_answers("An")
    answers[0] = _answer("An", 1, a=6, b=4, i=2)
    problems = _validate(tmp_path, {**HEADER, "team_roles": {"members": [{"name": "An"}], "answers": answers}})
    # 6 + 4 + 2 = 12
    assert problems[0].message == "An spread 12 points in section 1; spread exactly 10 points over statements a to i."


@pytest.mark.parametrize(("value", "code"), [(-1, "schema.minimum"), (2.5, "schema.type"), ("drie", "schema.type"), (11, "schema.maximum")])
def test_points_must_be_whole_and_not_negative(tmp_path, value, code):
    answers = _full_answers("An")
    answers[2] = _answer("An", 3, a=6, b=value)
    problems = _validate(tmp_path, {**HEADER, "team_roles": {"members": [{"name": "An"}], "answers": answers}})
    # The schema reports the value; the sum rule stays silent, so there is one problem.
    assert _found(problems) == [(code, "error", "/team_roles/answers/2/b")]


def test_unknown_member(tmp_path):
    answers = _full_answers("An")
    answers[4] = _answer("Anne", 5, a=10)
    problems = _validate(tmp_path, {**HEADER, "team_roles": {"members": [{"name": "An"}], "answers": answers}})
    codes = _found(problems)
    assert ("organisation.unknown_member", "error", "/team_roles/answers/4/member") in codes
    message = next(problem.message for problem in problems if problem.code == "organisation.unknown_member")
    assert message == "Het antwoord is van 'Anne', maar die staat niet bij de teamleden; voeg 'Anne' daar toe of corrigeer de naam (bekend: 'An')."


def test_duplicate_member_warns(tmp_path):
    team = {"members": [{"name": "An"}, {"name": "AN"}], "answers": _full_answers("An")}
    problems = _validate(tmp_path, {**HEADER, "team_roles": team})
    assert ("organisation.duplicate_member", "warning", "/team_roles/members/1/name") in _found(problems)


def test_duplicate_section_is_an_error(tmp_path):
    answers = _full_answers("An") + [_answer("An", 2, a=10)]
    problems = _validate(tmp_path, {**HEADER, "team_roles": {"members": [{"name": "An"}], "answers": answers}})
    assert _found(problems) == [("organisation.duplicate_answer", "error", "/team_roles/answers/7/section")]
    assert "(ook in antwoord 2)" in problems[0].message


def test_missing_sections_warn(tmp_path):
    answers = _full_answers("An")[:5]
    team = {"members": [{"name": "An"}, {"name": "Bo"}], "answers": answers}
    problems = _validate(tmp_path, {**HEADER, "team_roles": team})
    assert _found(problems) == [
        ("organisation.sections_missing", "warning", "/team_roles/members/1/name"),
        ("organisation.sections_missing", "warning", "/team_roles/answers/4/section"),
    ]
    messages = sorted(problem.message for problem in problems)
    assert messages[0].startswith("An heeft sectie(s) 6 en 7 nog niet ingevuld;")
    assert messages[1].startswith("Bo heeft sectie(s) 1, 2, 3, 4, 5, 6 en 7 nog niet ingevuld;")


def test_problems_are_located_by_line(tmp_path):
    answers = _full_answers("An")
    answers[0] = _answer("An", 1, a=3)
    problems = _validate(tmp_path, {**HEADER, "team_roles": {"members": [{"name": "An"}], "answers": answers}})
    assert problems[0].location.line is not None
    assert problems[0].location.file == "organisatie.yaml"


def test_check_skips_parts_the_schema_rejects():
    data = {**HEADER, "readiness": "geen lijst", "profile": {"assessments": ["tekst", {"person": 3}]},
            "team_roles": {"members": [{"name": "An"}], "answers": [{"member": "An", "section": "een", "a": 3}]}}
    # The row without a valid section is the schema's problem: no sum and no completeness check follow from it.
    assert check(data) == []


def test_condition_without_domain_holds_back_counts(tmp_path):
    conditions = _conditions({})
    del conditions[12]["domain"]
    problems = _validate(tmp_path, {**HEADER, "readiness": {"conditions": conditions}})
    # measures_rewards would drop to one condition, but the condition without a domain may be one of its.
    assert _found(problems) == [("schema.required", "error", "/readiness/conditions/12/domain")]


def test_competency_without_name_holds_back_references(tmp_path):
    profile = {**PROFILE, "competencies": [PROFILE["competencies"][0], {"cluster": "business_acumen", "importance": 2, "required": 4}]}
    problems = _validate(tmp_path, {**HEADER, "profile": profile})
    assert _found(problems) == [("schema.required", "error", "/profile/competencies/1/name")]


def test_person_without_name_holds_back_references(tmp_path):
    profile = {**PROFILE, "people": [{"name": "An"}, {"function": "KAM"}]}
    problems = _validate(tmp_path, {**HEADER, "profile": profile})
    assert _found(problems) == [("schema.required", "error", "/profile/people/1/name")]


def test_answer_without_member_holds_back_completeness(tmp_path):
    answers = _full_answers("An")
    del answers[3]["member"]
    problems = _validate(tmp_path, {**HEADER, "team_roles": {"members": [{"name": "An"}], "answers": answers}})
    assert _found(problems) == [("schema.required", "error", "/team_roles/answers/3/member")]


def test_member_without_name_holds_back_references(tmp_path):
    team = {"members": [{"name": "An"}, {"function": "Service"}], "answers": _full_answers("An") + _full_answers("Bo")}
    problems = _validate(tmp_path, {**HEADER, "team_roles": team})
    assert _found(problems) == [("schema.required", "error", "/team_roles/members/1/name")]


ODD_VALUES = ([], [1], {}, {"a": 1}, "x", "", 3, -1, 2.5, None, True)


def _pointers(value, pointer=""):
    yield pointer
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _pointers(child, f"{pointer}/{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _pointers(child, f"{pointer}/{index}")


def _replace(data, pointer, value):
    data = copy.deepcopy(data)
    parts = pointer.strip("/").split("/")
    node = data
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    last = parts[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return data


def test_rules_and_compute_never_raise_on_odd_values():
    from kamgen.compute.organisation import compute_organisation
    from kamgen.validation import schema_problems

    small = {
        **HEADER,
        "readiness": {"conditions": _conditions({})[:3]},
        "profile": {**PROFILE, "assessments": PROFILE["assessments"][:1]},
        "team_roles": {"members": [{"name": "An"}], "answers": _full_answers("An")[:2]},
    }
    for pointer in list(_pointers(small))[1:]:
        for value in ODD_VALUES:
            data = _replace(small, pointer, value)
            problems = check(data)
            assert all(problem.code.startswith("organisation.") for problem in problems)
            if not schema_problems(data, "organisation"):
                compute_organisation(data)
