"""Template export (``kamgen templates export``), the template guide and the template generator."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from kamgen.errors import UsageError
from kamgen.i18n import set_language
from kamgen.render.templates import PORTFOLIO_TAGS, export_templates, guide_text

REPOSITORY = Path(__file__).resolve().parent.parent
EXPORTED = ["klantportfolio.docx", "sjablonen-uitleg.md", "templates-guide.md"]


def test_export_writes_templates_and_guides(tmp_path):
    written = export_templates(tmp_path / "sjablonen")
    assert sorted(path.name for path in written) == EXPORTED
    copy = tmp_path / "sjablonen" / "klantportfolio.docx"
    assert copy.read_bytes() == (REPOSITORY / "templates" / "klantportfolio.docx").read_bytes()
    # The copy is a Word document a person can open, tags and all.
    texts = [paragraph.text for paragraph in docx.Document(copy).paragraphs]
    assert "{{ label.title }}" in texts


def test_export_never_overwrites(tmp_path):
    folder = tmp_path / "sjablonen"
    folder.mkdir()
    restyled = folder / "klantportfolio.docx"
    restyled.write_bytes(b"my restyled template")
    with pytest.raises(UsageError) as caught:
        export_templates(folder)
    assert "klantportfolio.docx" in caught.value.message
    assert restyled.read_bytes() == b"my restyled template"
    assert sorted(path.name for path in folder.iterdir()) == ["klantportfolio.docx"]


def test_export_into_file_rejected(tmp_path):
    target = tmp_path / "bestand.txt"
    target.write_text("x")
    with pytest.raises(UsageError):
        export_templates(target)


@pytest.mark.parametrize(("language", "heading", "command"), [
    ("nl", "# Werken met de Word-sjablonen van kamgen", "kamgen build --templates MAP"),
    ("en", "# Working with kamgen's Word templates", "kamgen build --templates FOLDER"),
])
def test_guide_in_both_languages(language, heading, command):
    text = guide_text(language)
    assert text.startswith(heading + "\n")
    assert command in text
    for tag in ("label", *PORTFOLIO_TAGS):
        assert f"- `{tag}`: " in text


def test_developer_readme_lists_every_tag():
    readme = (REPOSITORY / "templates" / "README.md").read_text(encoding="utf-8")
    for tag in ("label", *PORTFOLIO_TAGS):
        assert f"| `{tag}" in readme, tag


def test_cli_export(tmp_path):
    set_language("nl")
    from kamgen.cli import make_cli

    try:
        outcome = CliRunner().invoke(make_cli(), ["templates", "export", str(tmp_path / "uit")])
    finally:
        set_language(None)
    assert outcome.exit_code == 0, outcome.output
    assert sorted(path.name for path in (tmp_path / "uit").iterdir()) == EXPORTED


def test_cli_export_rejects_second_run(tmp_path, kamgen_env):
    target = tmp_path / "uit"
    first = subprocess.run([sys.executable, "-m", "kamgen", "templates", "export", str(target)],
                           capture_output=True, text=True, env=kamgen_env, timeout=60)
    assert first.returncode == 0, first.stderr
    second = subprocess.run([sys.executable, "-m", "kamgen", "templates", "export", str(target)],
                            capture_output=True, text=True, env=kamgen_env, timeout=60)
    assert second.returncode == 2
    assert "overschrijft ze niet" in second.stderr
    assert "Traceback" not in second.stderr


def test_exported_template_builds(tmp_path, kamgen_env):
    """A restyled export drives the build: kamgen build --templates DIR."""
    folder = tmp_path / "huisstijl"
    export_templates(folder)
    template = folder / "klantportfolio.docx"
    document = docx.Document(template)
    for paragraph in document.paragraphs:
        if paragraph.text == "{{ label.subtitle }}":
            paragraph.runs[0].text = "Rapport in huisstijl"
    document.save(template)

    output = tmp_path / "output"
    run = subprocess.run(
        [sys.executable, "-m", "kamgen", "build", str(REPOSITORY / "inputs" / "yaml" / "hoekstra-portfolio.yaml"),
         "-o", str(output), "--templates", str(folder)],
        capture_output=True, text=True, env=kamgen_env, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    built = sorted(output.glob("*.docx"))
    assert len(built) == 1
    assert "Rapport in huisstijl" in [paragraph.text for paragraph in docx.Document(built[0]).paragraphs]


def test_committed_template_is_current():
    """The committed template equals a freshly generated one (tools/make_templates.py --check)."""
    run = subprocess.run([sys.executable, str(REPOSITORY / "tools" / "make_templates.py"), "--check"],
                         capture_output=True, text=True, timeout=120, cwd=REPOSITORY)
    assert run.returncode == 0, run.stderr
