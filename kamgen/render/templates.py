"""``kamgen templates export``: copy the Word templates, with a guide to their tags, for restyling.

A person restyles the copies in Word and passes the folder to
``kamgen build --templates DIR``. Next to the templates the export writes a
short guide in Dutch and in English (``sjablonen-uitleg.md`` and
``templates-guide.md``) on what may change and what each tag holds.
Existing files are never overwritten, so exporting into a folder of
restyled templates cannot destroy them.
"""

from __future__ import annotations

from pathlib import Path

from kamgen.errors import UsageError
from kamgen.i18n import LANGUAGES, t

# The top-level tags of the Klantportfolio template, in the order the guide
# lists them. ``label`` is described separately. A test checks that this is
# exactly the set of names the renderer puts in the template context.
PORTFOLIO_TAGS = (
    "doc", "toc", "show", "layout", "heading", "importance", "criteria", "weights", "classification",
    "procedure", "matrix", "strategies", "service", "warnings", "completeness",
)
TEMPLATE_TAGS = {"klantportfolio.docx": PORTFOLIO_TAGS}


def template_files() -> list[Path]:
    """Return kamgen's own Word templates, sorted by name."""
    from kamgen.resources import data_dir

    return sorted(path for path in data_dir("templates").glob("*.docx") if path.is_file())


def guide_text(language: str) -> str:
    """Return the guide to restyling the templates, as Markdown, in ``language``."""
    lines = [
        f"# {t('report.guide_title', language)}",
        "",
        t("report.guide_intro", language),
        "",
        f"    {t('report.guide_command', language)}",
        "",
        f"## {t('report.guide_change_heading', language)}",
        "",
        *[f"- {item}" for item in t("report.guide_change", language)],
        "",
        f"## {t('report.guide_keep_heading', language)}",
        "",
        *[f"- {item}" for item in t("report.guide_keep", language)],
    ]
    for template, tags in TEMPLATE_TAGS.items():
        lines += [
            "",
            f"## {t('report.guide_tags_heading', language, template=template)}",
            "",
            t("report.guide_tags_intro", language),
            "",
            f"- `label`: {t('report.guide_labels', language)}",
            *[f"- `{tag}`: {t(f'report.tag_{tag}', language)}" for tag in tags],
        ]
    return "\n".join(lines) + "\n"


def export_templates(directory: Path) -> list[Path]:
    """Copy the Word templates and write the guide in both languages into ``directory``; return the files written.

    Raises UsageError, and writes nothing, when ``directory`` is a file or
    already contains any of these files.
    """
    from kamgen.ooxml import write_atomically

    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise UsageError(t("report.export_not_a_folder", None, folder=directory))

    contents: dict[Path, bytes] = {}
    for source in template_files():
        contents[directory / source.name] = source.read_bytes()
    for language in LANGUAGES:
        contents[directory / t("report.guide_file", language)] = guide_text(language).encode("utf-8")

    existing = [path for path in contents if path.exists()]
    if existing:
        raise UsageError(
            t("report.export_exists", None, folder=directory, files=", ".join(path.name for path in existing)),
            hint=t("report.export_exists_hint"),
        )

    directory.mkdir(parents=True, exist_ok=True)
    return [write_atomically(path, content) for path, content in contents.items()]
