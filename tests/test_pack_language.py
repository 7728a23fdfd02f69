"""Language purity of the blank pack: no Dutch sentence in the English pack, no English one in the Dutch pack.

Each text (a paragraph, a table cell paragraph, a footer, a workbook cell) is
split into words after the method's own terms are removed. A text counts as
written in the other language when it contains at least two of that language's
marker words, or one marker and no more markers of its own language. Marker
words are common function words and kamgen's most frequent nouns that occur
in one language only.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from kamgen import pack

DUTCH_MARKERS = frozenset("""
    de het een en van niet wat voor dat zijn worden wordt hoe welke bij naar ook wij onze ons uw u deze dit
    heeft hebben kunt moet zoals geen alle wie waar klant klanten werkblad werkbladen omzet winstbijdrage
    gewicht toelichting datum naam ingevuld totaal aantal
""".split())
ENGLISH_MARKERS = frozenset("""
    the and to what how which with for your you our this that does are be from into will should their they
    not each who when where customer customers worksheet worksheets revenue weight remark date name completed
    total number
""".split())
# The method's own terms, kept in both editions (matched case-insensitively, longest first).
ALLOWED_TERMS = (
    "key-account management", "key-account manager", "key-accounts", "key-account", "key accounts", "key account",
    "share of wallet", "inside sales", "business development", "business innovation", "business cases", "business case",
    "customer activity cycle", "customer intelligence", "cost-to-serve", "executive sponsor", "trusted advisors",
    "trusted advisor", "Pre-KAM", "Early-KAM", "Mid-KAM", "Partnership-KAM", "Synergistic-KAM", "Uncoupling-KAM",
    "DMU", "UBR", "SWOT", "HAP", "Plant", "Specialist", "kamgen build", "kamgen",
)
_ALLOWED = re.compile("|".join(re.escape(term) for term in sorted(ALLOWED_TERMS, key=len, reverse=True)), re.IGNORECASE)
# Identifiers such as growth_within_customer sit beside the labels on the hidden lists sheet; nobody reads them.
# So do the language codes of the language choice list.
_IDENTIFIER = re.compile(r"^(?:[A-Za-z0-9]+(?:[_.][A-Za-z0-9]+)+|nl|en)$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def foreign_language(text: str, language: str) -> bool:
    """Tell whether ``text`` reads as the other language than ``language``."""
    words = [word.lower() for word in _WORD.findall(_ALLOWED.sub(" ", text))]
    own, other = (DUTCH_MARKERS, ENGLISH_MARKERS) if language == "nl" else (ENGLISH_MARKERS, DUTCH_MARKERS)
    foreign = sum(word in other for word in words)
    native = sum(word in own for word in words)
    return foreign >= 2 or (foreign >= 1 and foreign >= native)


def docx_texts(path: Path) -> list[str]:
    document = docx.Document(path)
    texts = [Paragraph(element, document).text for element in document.element.body.iter(qn("w:p"))]
    for section in document.sections:
        texts.extend(paragraph.text for paragraph in section.footer.paragraphs)
    return texts


def xlsx_texts(path: Path) -> list[str]:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=False)
    texts = []
    for sheet in workbook.worksheets:
        # The very hidden metadata sheet holds what kamgen reads (kind, language code), not text for people.
        if sheet.sheet_state == "veryHidden":
            continue
        texts.append(sheet.title)
        for row in sheet.iter_rows():
            texts.extend(
                cell.value for cell in row
                if isinstance(cell.value, str) and not cell.value.startswith("=") and not _IDENTIFIER.match(cell.value)
            )
        texts.extend(validation.prompt for validation in sheet.data_validations.dataValidation if validation.prompt)
        texts.extend(validation.error for validation in sheet.data_validations.dataValidation if validation.error)
    return texts


def pack_texts(files: list[Path]) -> dict[str, list[str]]:
    texts = {}
    for path in files:
        if path.suffix == ".docx":
            texts[path.name] = docx_texts(path)
        elif path.suffix == ".xlsx":
            texts[path.name] = xlsx_texts(path)
    return texts


@pytest.fixture(scope="module")
def written_packs(tmp_path_factory):
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        yield {language: pack.write_pack(tmp_path_factory.mktemp(f"lang-{language}"), language).files for language in ("nl", "en")}
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved


@pytest.mark.parametrize("language", ["nl", "en"])
def test_pack_has_no_sentence_in_other_language(written_packs, language):
    offenders = [
        f"{name}: {text!r}"
        for name, texts in pack_texts(written_packs[language]).items()
        for text in texts
        if text and foreign_language(text, language)
    ]
    assert offenders == [], "\n".join(offenders[:40])


@pytest.mark.parametrize("language", ["nl", "en"])
def test_pack_texts_cover_every_file(written_packs, language):
    texts = pack_texts(written_packs[language])
    assert {path.name for path in written_packs[language] if path.suffix in (".docx", ".xlsx")} == set(texts)
    assert all(texts[name] for name in texts)


def test_checker_flags_dutch_sentence_in_english():
    assert foreign_language("Vul de naam van de klant in.", "en")
    assert foreign_language("Klant", "en")


def test_checker_flags_english_sentence_in_dutch():
    assert foreign_language("Fill in the name of the customer.", "nl")
    assert foreign_language("Remark", "nl")


def test_checker_passes_own_language_and_method_terms():
    assert not foreign_language("Vul de naam van de klant in.", "nl")
    assert not foreign_language("Fill in the name of the customer.", "en")
    assert not foreign_language("Welk deel gaat naar ons (share of wallet)?", "nl")
    assert not foreign_language("Welke rol hebben inside sales en de DMU?", "nl")
    assert not foreign_language("Score (1–5)", "nl")


def test_workbook_texts_are_read(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "WB01 Belang KAM"
    workbook.active["A1"] = "Naam van de klant"
    workbook.active["B1"] = "=SUM(C1:C3)"
    workbook.active["C1"] = "growth_within_customer"
    metadata = workbook.create_sheet("meta")
    metadata.sheet_state = "veryHidden"
    metadata["A1"] = "en"
    workbook.save(tmp_path / "check.xlsx")
    assert xlsx_texts(tmp_path / "check.xlsx") == ["WB01 Belang KAM", "Naam van de klant"]
