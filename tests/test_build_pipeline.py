"""The build pipeline with a small stand-in renderer: names, manifest, skips, check, shards, failures.

The stand-in writes real .docx and .xlsx files with python-docx and openpyxl,
so the pipeline's normalising, hashing and renaming run on real packages
while each build stays fast. The real portfolio report is exercised in
test_determinism.py and test_build_cli.py.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from kamgen import build as pipeline
from kamgen.build import (
    BUILT, CURRENT, EDITED, FAILED, INVALID, MISSING, REMOVED, STALE, UP_TO_DATE, VALIDATED,
    ReportKind, build, parse_shard, portfolio_stem, register_report, select_shard,
)
from kamgen.cli import make_cli
from kamgen.errors import UsageError
from kamgen.i18n import set_language
from kamgen.manifest import MANIFEST_NAME, Manifest

BROKEN_PREFIX = "Kapot"


def write_stand_in_report(result, *, docx_path, xlsx_path, language, templates_dir=None):
    """Write a one-paragraph document and a one-sheet workbook; raise for organisations named Kapot…."""
    import docx
    import openpyxl

    organisation = result["organisation"]
    if organisation.startswith(BROKEN_PREFIX):
        raise ValueError(f"stand-in renderer cannot render {organisation}")
    document = docx.Document()
    document.add_paragraph(f"{organisation} ({language})")
    for customer in result.get("customers", []):
        document.add_paragraph(customer["name"])
    if templates_dir is not None:
        for template in sorted(Path(templates_dir).glob("*.docx")):
            document.add_paragraph(f"template {template.name}")
    document.save(docx_path)
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = organisation
    workbook.active["A2"] = language
    workbook.save(xlsx_path)


@pytest.fixture(autouse=True)
def stand_in_renderer():
    """Build portfolios with the stand-in renderer and no compute step; restore the registry afterwards."""
    previous = register_report(ReportKind("portfolio", portfolio_stem, render=f"{__name__}:write_stand_in_report", templates=("*.docx",)))
    set_language("nl")
    yield
    register_report(previous)
    set_language(None)


@pytest.fixture
def no_default_templates(monkeypatch, tmp_path):
    """Point the default template folder at an empty folder, so template hashes depend on the test only."""
    empty = tmp_path / "default-templates"
    empty.mkdir()
    import kamgen.resources

    original = kamgen.resources.data_dir
    monkeypatch.setattr(kamgen.resources, "data_dir", lambda name: empty if name == "templates" else original(name))
    return empty


def write_portfolio(path: Path, organisation: str, *, customers=("Versland Zuivel B.V.",), language: str | None = None, extra: str = "") -> Path:
    lines = ["kind: portfolio"]
    if language:
        lines.append(f"language: {language}")
    lines += [f"organisation: '{organisation}'", "period:", "  start: 2026-01-01", "  end: 2026-12-31", "customers:"]
    for index, name in enumerate(customers):
        lines += [f"  - name: '{name}'", f"    revenue: {1000 * (index + 1)}"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


def docx_text(path: Path) -> list[str]:
    import docx

    return [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]


def visible_files(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file() and not path.name.startswith("."))


def hidden_files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.rglob(".*") if path.is_file() and path.name != MANIFEST_NAME)


# ---------------------------------------------------------------------------
# Names and places


def test_documents_mirror_input_tree(tmp_path, no_default_templates):
    write_portfolio(tmp_path / "inputs/yaml/a.yaml", "Hoekstra Koeltechniek B.V.")
    write_portfolio(tmp_path / "inputs/json-ish/b.yaml", "Noordkaap & Zn <BV>")

    result = build([tmp_path / "inputs"], tmp_path / "output")

    assert result.exit_code == 0
    assert visible_files(tmp_path / "output") == [
        "json-ish/klantportfolio-noordkaap-zn-bv.docx",
        "json-ish/klantportfolio-noordkaap-zn-bv.xlsx",
        "yaml/klantportfolio-hoekstra-koeltechniek-b-v.docx",
        "yaml/klantportfolio-hoekstra-koeltechniek-b-v.xlsx",
    ]
    assert docx_text(tmp_path / "output/yaml/klantportfolio-hoekstra-koeltechniek-b-v.docx")[0] == "Hoekstra Koeltechniek B.V. (nl)"


def test_file_argument_writes_to_output_top(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "deep/folder/p.yaml", "Top BV")

    result = build([source], tmp_path / "out")

    assert result.exit_code == 0
    assert visible_files(tmp_path / "out") == ["klantportfolio-top-bv.docx", "klantportfolio-top-bv.xlsx"]


def test_no_arguments_builds_inputs_into_output(tmp_path, monkeypatch, no_default_templates):
    write_portfolio(tmp_path / "inputs/x.yaml", "Standaard BV")
    monkeypatch.chdir(tmp_path)

    result = build()

    assert result.exit_code == 0
    assert visible_files(tmp_path / "output") == ["klantportfolio-standaard-bv.docx", "klantportfolio-standaard-bv.xlsx"]


def test_english_document_names(tmp_path, no_default_templates):
    forced = write_portfolio(tmp_path / "in/forced.yaml", "Forced BV")
    own = write_portfolio(tmp_path / "in2/own.yaml", "Own BV", language="en")

    build([forced], tmp_path / "out", document_language="en")
    build([own], tmp_path / "out")

    assert visible_files(tmp_path / "out") == [
        "customer-portfolio-forced-bv.docx", "customer-portfolio-forced-bv.xlsx",
        "customer-portfolio-own-bv.docx", "customer-portfolio-own-bv.xlsx",
    ]
    assert docx_text(tmp_path / "out/customer-portfolio-own-bv.docx")[0] == "Own BV (en)"


@pytest.mark.parametrize(
    ("data", "language", "expected"),
    [
        ({"customer": "Versland Zuivel B.V."}, "nl", "accountplan-versland-zuivel-b-v"),
        ({"customer": "Versland Zuivel B.V."}, "en", "account-plan-versland-zuivel-b-v"),
        ({"customer": "Noordkaap", "plan_type": "development"}, "nl", "ontwikkelplan-noordkaap"),
        ({"customer": "Noordkaap", "segment": "development"}, "en", "development-plan-noordkaap"),
        ({"customer": "Noordkaap", "segment": "development", "plan_type": "key_account"}, "nl", "accountplan-noordkaap"),
        ({"customer": "../../etc/passwd"}, "nl", "accountplan-etc-passwd"),
    ],
)
def test_account_document_stem(data, language, expected):
    assert pipeline.account_stem(data, language) == expected


def test_organisation_document_stem():
    assert pipeline.organisation_stem({"organisation": "Hoekstra"}, "nl") == "invoering-kam-hoekstra"
    assert pipeline.organisation_stem({"organisation": "Hoekstra"}, "en") == "kam-implementation-hoekstra"


def test_output_folder_inside_input_folder_is_skipped(tmp_path, no_default_templates, monkeypatch):
    write_portfolio(tmp_path / "a.yaml", "Binnen BV")
    monkeypatch.chdir(tmp_path)

    first = build([Path(".")], Path("out"))
    # The second build must not read out/*.xlsx as inputs.
    second = build([Path(".")], Path("out"))

    assert first.exit_code == 0
    assert [outcome.task.display_name for outcome in second.outcomes] == ["a.yaml"]
    assert second.outcomes[0].status == UP_TO_DATE


def test_same_document_from_two_inputs_fails_both(tmp_path, no_default_templates):
    write_portfolio(tmp_path / "in/a.yaml", "Dubbel BV")
    write_portfolio(tmp_path / "in/b.yaml", "Dubbel  BV")  # another spelling, the same slug
    write_portfolio(tmp_path / "in/c.yaml", "Enkel BV")

    result = build([tmp_path / "in"], tmp_path / "out")

    statuses = {outcome.task.path.name: outcome.status for outcome in result.outcomes}
    assert statuses == {"a.yaml": FAILED, "b.yaml": FAILED, "c.yaml": BUILT}
    message = result.outcomes[0].message
    assert "klantportfolio-dubbel-bv.docx" in message
    assert "a.yaml" in message
    assert "b.yaml" in message
    assert visible_files(tmp_path / "out") == ["klantportfolio-enkel-bv.docx", "klantportfolio-enkel-bv.xlsx"]
    assert hidden_files(tmp_path / "out") == []
    assert result.exit_code == 1


def test_new_input_colliding_with_built_one_fails(tmp_path, no_default_templates):
    write_portfolio(tmp_path / "in/a.yaml", "Dubbel BV")
    build([tmp_path / "in"], tmp_path / "out")
    before = (tmp_path / "out/klantportfolio-dubbel-bv.docx").read_bytes()
    write_portfolio(tmp_path / "in/b.yaml", "Dubbel BV", customers=("Andere klant",))

    result = build([tmp_path / "in"], tmp_path / "out")

    statuses = {outcome.task.path.name: outcome.status for outcome in result.outcomes}
    assert statuses == {"a.yaml": UP_TO_DATE, "b.yaml": FAILED}
    assert "a.yaml" in result.outcomes[1].message
    assert (tmp_path / "out/klantportfolio-dubbel-bv.docx").read_bytes() == before


# ---------------------------------------------------------------------------
# Validation, failures and kinds without a report


def test_invalid_input_is_skipped_and_others_build(tmp_path, no_default_templates):
    write_portfolio(tmp_path / "in/good.yaml", "Goed BV")
    (tmp_path / "in/bad.yaml").write_text("kind: portfolio\norganisation: Fout BV\nperiod:\n  start: 2026-01-01\n  end: 2026-12-31\ncustomers:\n  - name: A\n    revenue: -5\n", encoding="utf-8")

    runner = CliRunner()
    result = runner.invoke(make_cli(), ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out")])

    assert result.exit_code == 1
    assert "schema.minimum" in result.stdout
    assert "bad.yaml: niet gebouwd" in result.stderr
    assert visible_files(tmp_path / "out") == ["klantportfolio-goed-bv.docx", "klantportfolio-goed-bv.xlsx"]


def test_strict_skips_input_with_warnings(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/w.yaml", "Waarschuwing BV", customers=("A", "A"))

    lenient = build([source], tmp_path / "lenient")
    strict = build([source], tmp_path / "strict", strict=True)

    assert lenient.outcomes[0].status == BUILT
    assert strict.outcomes[0].status == INVALID
    assert "--strict" in strict.outcomes[0].message
    assert strict.exit_code == 1
    assert visible_files(tmp_path / "strict") == []


def test_failing_input_does_not_stop_others(tmp_path, no_default_templates):
    for index in range(4):
        write_portfolio(tmp_path / f"in/ok{index}.yaml", f"Heel {index} BV")
    write_portfolio(tmp_path / "in/broken.yaml", f"{BROKEN_PREFIX} BV")

    result = build([tmp_path / "in"], tmp_path / "out", jobs=2)

    statuses = {outcome.task.path.name: outcome.status for outcome in result.outcomes}
    assert statuses["broken.yaml"] == FAILED
    assert "stand-in renderer cannot render" in result.outcomes[0].message
    assert [status for name, status in statuses.items() if name != "broken.yaml"] == [BUILT] * 4
    assert len(visible_files(tmp_path / "out")) == 8
    assert hidden_files(tmp_path / "out") == []
    assert result.exit_code == 1


def test_failed_build_keeps_earlier_documents(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Blijft BV")
    build([source], tmp_path / "out")
    before = {name: (tmp_path / "out" / name).read_bytes() for name in visible_files(tmp_path / "out")}
    manifest_before = (tmp_path / "out" / MANIFEST_NAME).read_text(encoding="utf-8")
    # Same document name, but the stand-in renderer now raises for the first customer's name.
    write_portfolio(source, "Blijft BV", customers=("Versland",), extra="")
    register_report(ReportKind("portfolio", portfolio_stem, render=f"{__name__}:write_broken_report"))

    result = build([source], tmp_path / "out")

    assert result.outcomes[0].status == FAILED
    assert {name: (tmp_path / "out" / name).read_bytes() for name in visible_files(tmp_path / "out")} == before
    assert (tmp_path / "out" / MANIFEST_NAME).read_text(encoding="utf-8") == manifest_before
    assert hidden_files(tmp_path / "out") == []


def write_broken_report(result, *, docx_path, xlsx_path, language, templates_dir=None):
    """Write half a document, then fail, as a renderer that crashes midway would."""
    Path(docx_path).write_bytes(b"PK\x03\x04 half a zip")
    raise RuntimeError("renderer crashed while writing")


def test_account_and_organisation_are_validated_only(tmp_path, no_default_templates):
    (tmp_path / "in").mkdir()
    (tmp_path / "in/account.yaml").write_text("kind: account\ncustomer: Versland Zuivel B.V.\nperiod:\n  start: 2026-01-01\n  end: 2026-12-31\n", encoding="utf-8")
    (tmp_path / "in/organisation.yaml").write_text("kind: organisation\norganisation: Hoekstra\nperiod:\n  start: 2026-01-01\n  end: 2026-12-31\n", encoding="utf-8")

    result = CliRunner().invoke(make_cli(), ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out")])

    assert result.exit_code == 0, result.output
    assert "account.yaml: gecontroleerd, geen fouten" in result.stderr
    assert "'organisation' maakt kamgen nog geen rapport" in result.stderr
    assert visible_files(tmp_path / "out") == []


def test_validated_only_message_in_english(tmp_path, no_default_templates):
    (tmp_path / "account.yaml").write_text("kind: account\ncustomer: Versland\nperiod:\n  start: 2026-01-01\n  end: 2026-12-31\n", encoding="utf-8")

    result = build([tmp_path / "account.yaml"], tmp_path / "out", language="en")

    assert result.outcomes[0].status == VALIDATED
    assert result.outcomes[0].message.endswith("kamgen does not write a report for 'account' inputs yet.")


# ---------------------------------------------------------------------------
# Incremental builds and the manifest


def test_second_build_skips_unchanged(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Stabiel BV")
    build([source], tmp_path / "out")
    document = tmp_path / "out/klantportfolio-stabiel-bv.docx"
    inode_before = document.stat().st_ino

    result = build([source], tmp_path / "out")

    assert result.outcomes[0].status == UP_TO_DATE
    assert [document.status for document in result.outcomes[0].documents] == [UP_TO_DATE, UP_TO_DATE]
    assert document.stat().st_ino == inode_before


def test_force_rebuilds_with_same_bytes(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Stabiel BV")
    build([source], tmp_path / "out")
    document = tmp_path / "out/klantportfolio-stabiel-bv.docx"
    before = document.read_bytes()
    inode_before = document.stat().st_ino

    result = build([source], tmp_path / "out", force=True)

    assert result.outcomes[0].status == BUILT
    assert document.stat().st_ino != inode_before
    assert document.read_bytes() == before


def test_manifest_records_hashes(tmp_path, no_default_templates):
    import hashlib

    source = write_portfolio(tmp_path / "in/p.yaml", "Manifest BV")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "portfolio.docx").write_bytes(b"template one")

    build([source], tmp_path / "out", templates_dir=templates)

    data = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text(encoding="utf-8"))
    entry = data["inputs"]["in/p.yaml"]
    assert data["format"] == 1
    assert entry["input_sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert entry["templates"] == {"portfolio.docx": hashlib.sha256(b"template one").hexdigest()}
    assert entry["language"] == "nl"
    assert entry["kind"] == "portfolio"
    for key, digest in entry["documents"].items():
        assert hashlib.sha256((tmp_path / "out" / key).read_bytes()).hexdigest() == digest
    assert sorted(entry["documents"]) == ["klantportfolio-manifest-bv.docx", "klantportfolio-manifest-bv.xlsx"]


def test_changed_template_rebuilds(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Sjabloon BV")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "portfolio.docx").write_bytes(b"template one")
    build([source], tmp_path / "out", templates_dir=templates)

    (templates / "portfolio.docx").write_bytes(b"template two")
    checked = build([source], tmp_path / "out", templates_dir=templates, check=True)
    rebuilt = build([source], tmp_path / "out", templates_dir=templates)

    assert checked.outcomes[0].status == STALE
    assert checked.outcomes[0].message == "de sjablonen zijn gewijzigd"
    assert rebuilt.outcomes[0].status == BUILT


def test_changed_input_rebuilds_only_that_input(tmp_path, no_default_templates):
    first = write_portfolio(tmp_path / "in/a.yaml", "Eerste BV")
    write_portfolio(tmp_path / "in/b.yaml", "Tweede BV")
    build([tmp_path / "in"], tmp_path / "out")

    write_portfolio(first, "Eerste BV", customers=("Nieuwe klant",))
    result = build([tmp_path / "in"], tmp_path / "out")

    assert [outcome.status for outcome in result.outcomes] == [BUILT, UP_TO_DATE]
    assert result.outcomes[0].reason == "de invoer " + str(tmp_path / "in/a.yaml") + " is gewijzigd"
    assert docx_text(tmp_path / "out/klantportfolio-eerste-bv.docx")[1] == "Nieuwe klant"


def test_language_change_rebuilds(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Taal BV")
    build([source], tmp_path / "out")

    result = build([source], tmp_path / "out", document_language="nl")

    assert result.outcomes[0].status == BUILT
    assert result.outcomes[0].reason == "gebouwd met een andere taal, --strict of SOURCE_DATE_EPOCH"


def test_renamed_organisation_removes_old_documents(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Oude Naam BV")
    build([source], tmp_path / "out")

    write_portfolio(source, "Nieuwe Naam BV")
    result = build([source], tmp_path / "out")

    assert visible_files(tmp_path / "out") == ["klantportfolio-nieuwe-naam-bv.docx", "klantportfolio-nieuwe-naam-bv.xlsx"]
    assert [document.status for document in result.outcomes[0].documents] == [BUILT, BUILT, REMOVED, REMOVED]


def test_renamed_organisation_keeps_edited_old_document(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Oude Naam BV")
    build([source], tmp_path / "out")
    (tmp_path / "out/klantportfolio-oude-naam-bv.docx").write_bytes(b"edited by someone")

    write_portfolio(source, "Nieuwe Naam BV")
    build([source], tmp_path / "out")

    assert (tmp_path / "out/klantportfolio-oude-naam-bv.docx").read_bytes() == b"edited by someone"
    assert not (tmp_path / "out/klantportfolio-oude-naam-bv.xlsx").exists()


def test_damaged_manifest_means_full_rebuild(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Herstel BV")
    build([source], tmp_path / "out")
    (tmp_path / "out" / MANIFEST_NAME).write_text("{not json", encoding="utf-8")

    result = build([source], tmp_path / "out")

    assert result.outcomes[0].status == BUILT
    assert Manifest.load(tmp_path / "out").entries["in/p.yaml"].kind == "portfolio"


def test_stale_temporary_files_are_removed(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Opruimen BV")
    (tmp_path / "out/sub").mkdir(parents=True)
    # A pid far above any real pid_max stands for a build that was killed.
    leftover = tmp_path / "out/sub/.klantportfolio-x.kamgen-tmp-999999999-0a1b2c3d.docx"
    leftover.write_bytes(b"partial")

    build([source], tmp_path / "out")

    assert not leftover.exists()


# ---------------------------------------------------------------------------
# --check


def test_check_after_build_is_current(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Actueel BV")
    build([source], tmp_path / "out")

    result = build([source], tmp_path / "out", check=True)

    assert result.exit_code == 0
    assert result.outcomes[0].status == CURRENT


def test_check_reports_changed_input_by_document(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Gewijzigd BV")
    build([source], tmp_path / "out")
    write_portfolio(source, "Gewijzigd BV", customers=("Andere klant",))

    result = CliRunner().invoke(make_cli(), ["build", "--check", str(source), "-o", str(tmp_path / "out")])

    assert result.exit_code == 1
    assert f"Verouderd: {tmp_path / 'out/klantportfolio-gewijzigd-bv.docx'} (de invoer {source} is gewijzigd)" in result.stderr


def test_check_reports_edited_and_missing_documents(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Handwerk BV")
    build([source], tmp_path / "out")
    (tmp_path / "out/klantportfolio-handwerk-bv.docx").write_bytes(b"edited")
    (tmp_path / "out/klantportfolio-handwerk-bv.xlsx").unlink()

    result = build([source], tmp_path / "out", check=True)

    assert result.exit_code == 1
    statuses = {document.path.name: document.status for document in result.outcomes[0].documents}
    assert statuses == {"klantportfolio-handwerk-bv.docx": EDITED, "klantportfolio-handwerk-bv.xlsx": MISSING}


def test_check_names_documents_never_built(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Nieuw BV")

    result = build([source], tmp_path / "out", check=True)

    assert result.outcomes[0].status == MISSING
    assert [document.key for document in result.outcomes[0].documents] == ["klantportfolio-nieuw-bv.docx", "klantportfolio-nieuw-bv.xlsx"]


def test_check_writes_nothing(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Niets BV")

    result = CliRunner().invoke(make_cli(), ["build", "--check", str(source), "-o", str(tmp_path / "out")])

    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_check_survives_reader_crash(tmp_path, monkeypatch, no_default_templates):
    import kamgen.readers

    crashing = write_portfolio(tmp_path / "in/a.yaml", "Crash BV")
    fine = write_portfolio(tmp_path / "in/b.yaml", "Gezond BV")
    build([fine], tmp_path / "out")

    def read_or_crash(path, display_name=None):
        raise RuntimeError(f"reader bug on {Path(path).name}")

    monkeypatch.setattr(kamgen.readers, "read_document", read_or_crash)
    result = build([tmp_path / "in"], tmp_path / "out", check=True)

    assert [outcome.status for outcome in result.outcomes] == [MISSING, CURRENT]
    assert result.outcomes[0].message.endswith("RuntimeError: reader bug on a.yaml")
    assert crashing.exists()


def test_check_ignores_kinds_without_report(tmp_path, no_default_templates):
    (tmp_path / "account.yaml").write_text("kind: account\ncustomer: Versland\nperiod:\n  start: 2026-01-01\n  end: 2026-12-31\n", encoding="utf-8")

    result = build([tmp_path / "account.yaml"], tmp_path / "out", check=True)

    assert result.exit_code == 0


def test_build_repairs_edited_document(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "in/p.yaml", "Hersteld BV")
    build([source], tmp_path / "out")
    document = tmp_path / "out/klantportfolio-hersteld-bv.docx"
    original = document.read_bytes()
    document.write_bytes(b"edited")

    result = build([source], tmp_path / "out")

    assert result.outcomes[0].status == BUILT
    assert document.read_bytes() == original


# ---------------------------------------------------------------------------
# --jobs and --shard


def test_two_jobs_give_same_bytes_as_one(tmp_path, no_default_templates):
    for index in range(5):
        write_portfolio(tmp_path / f"in/sub{index % 2}/p{index}.yaml", f"Parallel {index} BV", customers=[f"Klant {n}" for n in range(index + 1)])

    serial = build([tmp_path / "in"], tmp_path / "serial", jobs=1)
    parallel = build([tmp_path / "in"], tmp_path / "parallel", jobs=2)

    assert serial.exit_code == parallel.exit_code == 0
    names = visible_files(tmp_path / "serial")
    assert len(names) == 10
    assert names == visible_files(tmp_path / "parallel")
    for name in names:
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "parallel" / name).read_bytes(), name


def test_shards_cover_each_input_once(tmp_path, no_default_templates):
    for index in range(7):
        write_portfolio(tmp_path / f"in/{'ab'[index % 2]}/p{index}.yaml", f"Deel {index} BV")

    built: list[str] = []
    for shard in ("1/3", "2/3", "3/3"):
        result = build([tmp_path / "in"], tmp_path / "out", shard=shard)
        built += [outcome.task.key for outcome in result.outcomes]

    # 7 inputs over 3 shards: sorted positions 0,3,6 / 1,4 / 2,5 give 3 + 2 + 2.
    assert sorted(built) == sorted(f"in/{'ab'[index % 2]}/p{index}.yaml" for index in range(7))
    assert len(built) == len(set(built)) == 7
    assert len(visible_files(tmp_path / "out")) == 14


def test_select_shard_by_sorted_position():
    tasks = [pipeline.InputTask(Path(name), name, name, "") for name in ("d", "a", "c", "b", "e")]

    chosen = [task.key for task in select_shard(tasks, (2, 2))]

    # Sorted: a b c d e; positions 1 and 3 (b, d) form shard 2 of 2, kept in the original order.
    assert chosen == ["d", "b"]


@pytest.mark.parametrize("value", ["0/3", "4/3", "a/b", "3", "1/0", "-1/2", "1/3/4", ""])
def test_bad_shard_is_usage_error(value):
    with pytest.raises(UsageError):
        parse_shard(value)


def test_bad_shard_exit_code_two(tmp_path):
    source = write_portfolio(tmp_path / "p.yaml", "Shard BV")

    result = CliRunner().invoke(make_cli(), ["build", str(source), "-o", str(tmp_path / "out"), "--shard", "4/3"])

    assert result.exit_code == 2
    assert "--shard 4/3 is ongeldig" in result.output


def test_parse_shard_values():
    assert parse_shard("2/5") == (2, 5)
    assert parse_shard(" 1/1 ") == (1, 1)
    assert parse_shard(None) is None


def test_bad_source_date_epoch_is_usage_error(tmp_path, monkeypatch):
    source = write_portfolio(tmp_path / "p.yaml", "Tijd BV")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")

    result = CliRunner().invoke(make_cli(), ["build", str(source), "-o", str(tmp_path / "out")])

    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH is 'gisteren'" in result.output


# ---------------------------------------------------------------------------
# Output of the command


def test_one_line_per_document_and_summary(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "p.yaml", "Regels BV")

    first = CliRunner().invoke(make_cli(), ["build", str(source), "-o", str(tmp_path / "out")])
    second = CliRunner().invoke(make_cli(), ["--lang", "en", "build", str(source), "-o", str(tmp_path / "out")])

    assert first.exit_code == 0
    assert first.stderr.splitlines() == [
        f"Gebouwd: {tmp_path / 'out/klantportfolio-regels-bv.docx'}",
        f"Gebouwd: {tmp_path / 'out/klantportfolio-regels-bv.xlsx'}",
        "Klaar: 2 document(en) gebouwd, 0 actueel. Invoerbestanden: 0 alleen gecontroleerd, 0 met fouten, 0 mislukt.",
    ]
    # An explicit --lang en sets English documents, so the Dutch ones are out of date.
    assert second.stderr.splitlines()[0] == f"Built: {tmp_path / 'out/customer-portfolio-regels-bv.docx'}"


def test_quiet_prints_nothing_on_success(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "p.yaml", "Stil BV")

    result = CliRunner().invoke(make_cli(), ["build", "-q", str(source), "-o", str(tmp_path / "out")])

    assert result.exit_code == 0
    assert result.output == ""


def test_up_to_date_lines_on_rebuild(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "p.yaml", "Rust BV")
    CliRunner().invoke(make_cli(), ["build", str(source), "-o", str(tmp_path / "out")])

    result = CliRunner().invoke(make_cli(), ["build", str(source), "-o", str(tmp_path / "out")])

    assert result.stderr.splitlines()[0] == f"Actueel, overgeslagen: {tmp_path / 'out/klantportfolio-rust-bv.docx'}"
    assert "0 document(en) gebouwd, 2 actueel" in result.stderr


def test_json_format_prints_report(tmp_path, no_default_templates):
    (tmp_path / "bad.yaml").write_text("kind: portfolio\norganisation: X\nperiod:\n  start: 2026-01-01\n  end: 2026-13-31\n", encoding="utf-8")

    result = CliRunner().invoke(make_cli(), ["build", "--format", "json", str(tmp_path / "bad.yaml"), "-o", str(tmp_path / "out")])

    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert report["valid"] is False
    assert report["files"][0]["problems"][0]["pointer"] == "/period/end"


def test_verbose_shows_reason(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "p.yaml", "Reden BV")

    result = CliRunner().invoke(make_cli(), ["build", "-v", str(source), "-o", str(tmp_path / "out")])

    assert "  nog niet eerder gebouwd" in result.stderr.splitlines()


def test_documents_are_normalised(tmp_path, no_default_templates):
    source = write_portfolio(tmp_path / "p.yaml", "Normaal BV")

    build([source], tmp_path / "out")

    with zipfile.ZipFile(tmp_path / "out/klantportfolio-normaal-bv.xlsx") as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"
        assert {info.date_time for info in archive.infolist()} == {(2026, 12, 31, 0, 0, 0)}
        core = ElementTree.fromstring(archive.read("docProps/core.xml"))
    assert core.find("{http://purl.org/dc/terms/}created").text == "2026-12-31T00:00:00Z"
    assert core.find("{http://purl.org/dc/terms/}modified").text == "2026-12-31T00:00:00Z"


def test_build_restores_caller_language(tmp_path, no_default_templates):
    from kamgen.i18n import get_language

    source = write_portfolio(tmp_path / "p.yaml", "Taal BV")
    set_language("nl")

    result = build([source], tmp_path / "out", language="en")

    assert get_language() == "nl"
    # The input names no language, so the build's language decides the document's.
    assert result.outcomes[0].documents[0].path.name == "customer-portfolio-taal-bv.docx"
