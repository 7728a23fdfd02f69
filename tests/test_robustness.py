"""No input, however broken, makes validation or computation raise.

Hypothesis mutates the worked examples: any leaf or branch may become another
type, text with control characters, formula-looking text, a huge number or
nothing, and sections may be dropped or duplicated.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamgen.i18n import set_language
from kamgen.readers.detect import read_text
from kamgen.validation import validate_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "inputs" / "yaml").glob("*.yaml"))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["=SUM(A1:A9)", "#REF!", "1.234", "7,5", "30%", "\x00\x07", "{{ x }}", "{% if %}", "C1", "K1", "S1×K1", "HAP1", "P1", "2026-02-30", ""]),
)
values = st.recursive(scalars, lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)), max_leaves=12)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, prefix + (key,))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _paths(child, prefix + (index,))


def _mutate(document, path, value):
    if not path:
        return value
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return document


@st.composite
def mutated_documents(draw):
    source = draw(st.sampled_from(EXAMPLES)) if EXAMPLES else None
    document = yaml.safe_load(source.read_text(encoding="utf-8")) if source else {"kind": "portfolio"}
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = list(_paths(document))
        path = draw(st.sampled_from(paths[1:] or paths))
        document = _mutate(copy.deepcopy(document), path, draw(values))
    return document


def _validate_text(text: str, extension: str):
    document = read_text(text, extension, f"fuzz{extension}", Path(f"fuzz{extension}"))
    problems = validate_document(document)
    for problem in problems:
        assert problem.message
        assert problem.location is not None
    return document, problems


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_documents(), st.sampled_from(["nl", "en"]))
def test_mutated_documents_never_raise(document, language):
    set_language(language)
    text = json.dumps(document, default=str)
    parsed, problems = _validate_text(text, ".json")
    if parsed.kind is not None and not any(problem.is_error for problem in problems):
        import importlib

        compute = importlib.import_module(f"kamgen.compute.{parsed.kind}")
        getattr(compute, f"compute_{parsed.kind}")(parsed.data)
    set_language(None)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_random_yaml_text_never_raises(text):
    from kamgen.errors import InputFileError

    try:
        _validate_text(text, ".yaml")
    except InputFileError:
        pass


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.name)
def test_examples_validate_without_errors(example):
    set_language("nl")
    _, problems = _validate_text(example.read_text(encoding="utf-8"), ".yaml")
    assert [problem for problem in problems if problem.is_error] == []
