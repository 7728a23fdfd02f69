"""Method rules of the organisation input (worksheets 31–34).

The schema already checks types and ranges (ratings 1–5 and 1–3, points as
whole numbers from 0 to 10). These rules check what a schema cannot: how many
conditions a domain has, that names refer to something that exists, and that
each team member spreads exactly ten points per questionnaire section. Parts
the schema rejects are skipped here, so one mistake gives one problem.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

from kamgen.compute.organisation import (
    CONDITIONS_PER_DOMAIN_MAX,
    CONDITIONS_PER_DOMAIN_MIN,
    DOMAINS,
    LETTERS,
    POINTS_PER_SECTION,
    SECTIONS,
    name_key,
)
from kamgen.i18n import get_language, t
from kamgen.problems import ERROR, WARNING, Problem

KIND = "organisation"
# Long texts are cut to this many characters inside a message.
QUOTE_LENGTH = 60


def check(data: Mapping[str, Any]) -> list[Problem]:
    """Return the method-rule problems of organisation data that passed (or partly passed) the schema."""
    problems: list[Problem] = []
    readiness = _mapping(data.get("readiness"))
    profile = _mapping(data.get("profile"))
    team_roles = _mapping(data.get("team_roles"))

    problems.extend(_check_conditions(_items(readiness.get("conditions"))))
    problems.extend(_check_profile(profile))
    problems.extend(_check_team_roles(team_roles))
    return problems


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _items(value: Any) -> list[tuple[int, Mapping[str, Any]]]:
    """Return (index, item) for the items of a list that are mappings; the schema reports the others."""
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, Mapping)]


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_domain(value: Any) -> bool:
    return isinstance(value, str) and value in DOMAINS


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…"


def _problem(code: str, severity: str, pointer: str, value: Any, **params: Any) -> Problem:
    from kamgen.validation import field_title, schema_node

    _, worksheet = schema_node(KIND, pointer)
    return Problem(
        code=f"organisation.{code}",
        severity=severity,
        message=t(f"organisation.{code}", **params),
        pointer=pointer,
        worksheet=worksheet,
        field=field_title(KIND, pointer),
        value=value,
    )


def _domain_label(domain: str) -> str:
    from kamgen.content import load_content

    for entry in load_content(31)["lists"]["domains"]:
        if entry["id"] == domain:
            return entry[get_language()]
    return domain


def _joined(names: list[str]) -> str:
    return ", ".join(f"'{name}'" for name in names) if names else t("organisation.none_yet")


# ---------------------------------------------------------------------------
# Worksheet 31


def _check_conditions(conditions: list[tuple[int, Mapping[str, Any]]]) -> Iterator[Problem]:
    if not conditions:
        return

    # A condition without a valid domain (a schema error) could belong to any domain, so counting waits for it.
    if all(_is_domain(item.get("domain")) for _, item in conditions):
        yield from _check_domain_counts(conditions)

    for index, item in conditions:
        statement = _text(item.get("statement"))
        if statement is None:
            continue
        for key, word in (("presence", "organisation.presence"), ("importance", "organisation.importance")):
            if item.get(key) is None:
                yield _problem("condition_unrated", WARNING, f"/readiness/conditions/{index}/{key}", None,
                               number=index + 1, statement=_quote(statement), missing=t(word))


def _check_domain_counts(conditions: list[tuple[int, Mapping[str, Any]]]) -> Iterator[Problem]:
    by_domain: dict[str, list[int]] = {domain: [] for domain in DOMAINS}
    for index, item in conditions:
        by_domain[item["domain"]].append(index)

    for domain, indexes in by_domain.items():
        count = len(indexes)
        limits = {"minimum": CONDITIONS_PER_DOMAIN_MIN, "maximum": CONDITIONS_PER_DOMAIN_MAX}
        if count < CONDITIONS_PER_DOMAIN_MIN:
            # A missing domain has no row to point at, so the problem sits on the list.
            pointer = f"/readiness/conditions/{indexes[-1]}/domain" if indexes else "/readiness/conditions"
            yield _problem("domain_too_few", WARNING, pointer, count, domain=_domain_label(domain), count=count, **limits)
        elif count > CONDITIONS_PER_DOMAIN_MAX:
            pointer = f"/readiness/conditions/{indexes[CONDITIONS_PER_DOMAIN_MAX]}/domain"
            yield _problem("domain_too_many", WARNING, pointer, count, domain=_domain_label(domain), count=count, **limits)


# ---------------------------------------------------------------------------
# Worksheet 32


def _check_profile(profile: Mapping[str, Any]) -> Iterator[Problem]:
    competencies = _items(profile.get("competencies"))
    people = _items(profile.get("people"))
    assessments = _items(profile.get("assessments"))

    known_competencies: dict[str, int] = {}
    for index, item in competencies:
        name = _text(item.get("name"))
        if name is None:
            continue
        key = name_key(name)
        if key in known_competencies:
            yield _problem("duplicate_competency", WARNING, f"/profile/competencies/{index}/name", name,
                           name=name, first=known_competencies[key] + 1)
            continue
        known_competencies[key] = index
        for field, word in (("importance", "organisation.importance"), ("required", "organisation.required_level")):
            if item.get(field) is None:
                yield _problem("competency_unrated", WARNING, f"/profile/competencies/{index}/{field}", None,
                               name=name, missing=t(word))

    yield from _duplicate_names(people, "/profile/people", "duplicate_person")
    known_people = {name_key(item.get("name")) for _, item in people if _text(item.get("name"))}
    person_names = [item["name"] for _, item in people if _text(item.get("name"))]
    competency_names = [item["name"] for index, item in competencies if index in known_competencies.values()]

    # A reference may be meant for a row whose name is missing (a schema error), so it is only checked once all rows have names.
    people_named = all(_text(item.get("name")) for _, item in people)
    competencies_named = all(_text(item.get("name")) for _, item in competencies)
    seen: dict[tuple[str, str], int] = {}
    for index, item in assessments:
        person = _text(item.get("person"))
        competency = _text(item.get("competency"))
        if person is not None and people_named and name_key(person) not in known_people:
            yield _problem("unknown_person", ERROR, f"/profile/assessments/{index}/person", person,
                           name=person, known=_joined(person_names))
        if competency is not None and competencies_named and name_key(competency) not in known_competencies:
            yield _problem("unknown_competency", ERROR, f"/profile/assessments/{index}/competency", competency,
                           name=competency, known=_joined(competency_names))
        if person is None or competency is None:
            continue
        pair = (name_key(person), name_key(competency))
        if pair in seen:
            yield _problem("duplicate_assessment", ERROR, f"/profile/assessments/{index}/competency", competency,
                           person=person, competency=competency, first=seen[pair] + 1)
        else:
            seen[pair] = index


def _duplicate_names(items: list[tuple[int, Mapping[str, Any]]], pointer: str, code: str) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, item in items:
        name = _text(item.get("name"))
        if name is None:
            continue
        key = name_key(name)
        if key in first:
            yield _problem(code, WARNING, f"{pointer}/{index}/name", name, name=name, first=first[key] + 1)
        else:
            first[key] = index


# ---------------------------------------------------------------------------
# Worksheet 33


def _check_team_roles(team_roles: Mapping[str, Any]) -> Iterator[Problem]:
    members = _items(team_roles.get("members"))
    answers = _items(team_roles.get("answers"))

    yield from _duplicate_names(members, "/team_roles/members", "duplicate_member")
    known = {name_key(item.get("name")) for _, item in members if _text(item.get("name"))}
    member_names = [item["name"] for _, item in members if _text(item.get("name"))]

    members_named = all(_text(item.get("name")) for _, item in members)
    answered: dict[str, dict[int, int]] = {}
    complete_rows = True
    for index, item in answers:
        member = _text(item.get("member"))
        section = item.get("section")
        if member is not None and members_named and name_key(member) not in known:
            yield _problem("unknown_member", ERROR, f"/team_roles/answers/{index}/member", member,
                           name=member, known=_joined(member_names))

        valid_section = _whole(section) and 1 <= section <= SECTIONS
        complete_rows = complete_rows and member is not None and valid_section
        if member is not None and valid_section:
            sections = answered.setdefault(name_key(member), {})
            if section in sections:
                yield _problem("duplicate_answer", ERROR, f"/team_roles/answers/{index}/section", section,
                               member=member, section=section, first=sections[section] + 1)
            else:
                sections[section] = index

        # Points the schema rejects (text, fractions, below 0 or above 10) leave the row to the schema's problem.
        points = [item.get(letter) for letter in LETTERS]
        if not valid_section or not all(value is None or (_whole(value) and 0 <= value <= POINTS_PER_SECTION) for value in points):
            continue
        total = sum(value for value in points if value is not None)
        if total != POINTS_PER_SECTION:
            member_label = member or t("organisation.answer_number", number=index + 1)
            yield _problem("section_points", ERROR, f"/team_roles/answers/{index}", total,
                           member=member_label, section=section, total=total, expected=POINTS_PER_SECTION)

    # Only once the questionnaire is in use: an empty worksheet 33 is not a problem. A row without
    # a member or a valid section (a schema error) may hold the missing section, so completeness waits for it.
    if not answers or not complete_rows:
        return
    warned: set[str] = set()
    for member_index, item in members:
        name = _text(item.get("name"))
        if name is None or name_key(name) in warned:
            continue
        warned.add(name_key(name))
        sections = answered.get(name_key(name), {})
        missing = [number for number in range(1, SECTIONS + 1) if number not in sections]
        if not missing:
            continue
        pointer = f"/team_roles/answers/{max(sections.values())}/section" if sections else f"/team_roles/members/{member_index}/name"
        yield _problem("sections_missing", WARNING, pointer, None, member=name, sections=_series(missing))


def _series(numbers: list[int]) -> str:
    """Return ``1, 3 en 5`` (or ``1, 3 and 5``) for a list of section numbers."""
    texts = [str(number) for number in numbers]
    if len(texts) == 1:
        return texts[0]
    return f"{', '.join(texts[:-1])} {t('organisation.and')} {texts[-1]}"
