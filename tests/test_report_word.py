"""The Klantportfolio Word report, read back with python-docx and compared by content."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from kamgen.errors import TemplateError
from kamgen.render.portfolio_report import write_portfolio_report
from kamgen.render.portfolio_word import build_context
from kamgen.render.word import document_text
from report_samples import ORGANISATION, build_result, minimal_result

NBSP = "\u00a0"
DUTCH_CHAPTERS = [
    "Het belang van key-account management (werkblad 1)",
    "Selectiecriteria, indicatoren en scoringswijze (werkblad 4)",
    "Weging selectiecriteria (werkblad 5)",
    "Classificatie van klanten (werkblad 6)",
    "Werkwijze bij de selectie van key-accounts (werkblad 7)",
    "Klantportfolio (werkblad 8)",
    "Klantstrategieënmatrix (werkblad 9)",
    "Template bedieningsconcepten (werkblad 10)",
    "Aandachtspunten",
    "Volledigheid",
]
DUTCH_HEADER = f"{ORGANISATION} · 1 januari 2026 t/m 31 december 2026"


def render(tmp_path: Path, result, language: str = "nl", templates_dir: Path | None = None, name: str = "report"):
    docx_path = tmp_path / f"{name}.docx"
    write_portfolio_report(result, docx_path=docx_path, xlsx_path=tmp_path / f"{name}.xlsx", language=language,
                           templates_dir=templates_dir)
    return docx_path


@pytest.fixture(scope="module")
def dutch(tmp_path_factory) -> Path:
    return render(tmp_path_factory.mktemp("nl"), build_result(), "nl")


@pytest.fixture(scope="module")
def english(tmp_path_factory) -> Path:
    return render(tmp_path_factory.mktemp("en"), build_result(profit_available=False), "en")


def headings(path: Path, level: int = 1) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(path).paragraphs if paragraph.style.name == f"Heading {level}"]


def table_by_caption(document, caption: str):
    for table in document.tables:
        element = table._tbl.tblPr.find(qn("w:tblCaption"))
        if element is not None and element.get(qn("w:val")) == caption:
            return table
    raise AssertionError(f"no table titled {caption!r}")


def cell_lines(cell) -> list[str]:
    return [paragraph.text for paragraph in cell.paragraphs]


def rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def body_text(path: Path) -> str:
    return "\n".join(document_text(docx.Document(path)))


# --- structure -----------------------------------------------------------------


def test_chapters_in_method_order(dutch):
    assert headings(dutch) == DUTCH_CHAPTERS


def test_sections_use_heading_two(dutch):
    level_two = headings(dutch, 2)
    assert "Scores per criterium (werkblad 2)" in level_two
    assert "De portfolio in vier segmenten" in level_two
    assert "Portfoliodiagram" in level_two


def test_cover_date_from_period(dutch):
    texts = [paragraph.text for paragraph in docx.Document(dutch).paragraphs]
    assert "Datum: 31 december 2026" in texts
    assert "Periode: 1 januari 2026 t/m 31 december 2026" in texts
    assert "Opgesteld door: Marieke <Hoekstra>" in texts


def test_toc_field_and_update_on_open(dutch):
    document = docx.Document(dutch)
    instructions = [node.text for node in document.element.body.iter(qn("w:instrText"))]
    assert any(text.strip().startswith('TOC \\o "1-2"') for text in instructions)
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None
    assert update.get(qn("w:val")) == "true"
    # The field's first content lists the chapters, so viewers that do not update fields still show them.
    toc_entries = [paragraph.text for paragraph in document.paragraphs if paragraph.style.name == "toc 1" and paragraph.text]
    assert toc_entries == DUTCH_CHAPTERS


def test_header_and_page_numbers_every_section(dutch):
    document = docx.Document(dutch)
    for section in document.sections:
        assert section.header.paragraphs[0].text == DUTCH_HEADER
        footer = section.footer.paragraphs[0]
        assert footer.text.startswith("Pagina ")
        fields = [node.text.strip() for node in footer._p.iter(qn("w:instrText"))]
        assert fields == ["PAGE", "NUMPAGES"]
    # The cover page has a first-page header of its own, left empty.
    first = document.sections[0]
    assert first.different_first_page_header_footer
    assert first.first_page_header.paragraphs[0].text == ""


def test_tables_repeat_header_row(dutch):
    document = docx.Document(dutch)
    for caption in ("Customers", "Scores", "Concentration", "Segments", "Procedure", "Completeness"):
        first_row = table_by_caption(document, caption).rows[0]._tr
        assert first_row.trPr.find(qn("w:tblHeader")) is not None, caption


def test_pictures_have_alternative_text(dutch):
    document = docx.Document(dutch)
    pictures = list(document.element.body.iter(qn("wp:docPr")))
    descriptions = {picture.get("name"): picture.get("descr") for picture in pictures}
    assert set(descriptions) == {"pareto.png", "portfolio.png"}
    assert "4 klanten" in descriptions["portfolio.png"]
    # The top 20 % of customers (one customer) brings in 1,850,000 / 3,050,000 = 60.66 % → 60,7 %.
    assert f"60,7{NBSP}%" in descriptions["pareto.png"]
    with zipfile.ZipFile(dutch) as package:
        media = sorted(name for name in package.namelist() if name.startswith("word/media/"))
    assert media == ["word/media/image1.png", "word/media/image2.png"]


# --- content -------------------------------------------------------------------


def test_portfolio_grid_cells(dutch):
    grid = table_by_caption(docx.Document(dutch), "Portfolio")
    top, bottom, axis = grid.rows
    assert cell_lines(top.cells[0]) == ["Toekomst\u00adpotentieel", "hoog"]
    assert cell_lines(top.cells[1]) == [
        "Ontwikkelklanten",
        f"Klanten: 1 (25,0{NBSP}%)",
        f"Omzet: €{NBSP}240.000 (7,9{NBSP}%)",
        f"Winstbijdrage: €{NBSP}52.000 (8,4{NBSP}%)",
        "Voorbeelden: Noordkaap Visverwerking B.V.",
    ]
    assert cell_lines(top.cells[2])[:3] == [
        "Strategische klanten", f"Klanten: 2 (50,0{NBSP}%)", f"Omzet: €{NBSP}2.750.000 (90,1{NBSP}%)",
    ]
    assert cell_lines(top.cells[2])[4] == f"Voorbeelden: Versland Zuivel B.V., {ORGANISATION}"
    assert cell_lines(bottom.cells[1])[0] == "Transactieklanten"
    assert cell_lines(bottom.cells[1])[3] == f"Winstbijdrage: €{NBSP}-5.000 (-0,8{NBSP}%)"
    assert cell_lines(bottom.cells[2])[0] == "Grote klanten"
    assert cell_lines(bottom.cells[2])[4] == "Voorbeelden: –"
    assert [cell.text for cell in axis.cells[1:]] == ["Huidige klantwaarde: laag", "Huidige klantwaarde: hoog"]


def test_grid_profit_not_applicable(english):
    grid = table_by_caption(docx.Document(english), "Portfolio")
    strategic = cell_lines(grid.rows[0].cells[2])
    assert strategic[0] == "Strategic customers"
    assert strategic[3] == "Profit contribution: €570,000 (n/a)"


def test_customers_table_marks_difference(dutch):
    table = rows(table_by_caption(docx.Document(dutch), "Customers"))
    assert table[0][:3] == ["Klant", "Omzet", "Winstbijdrage"]
    assert table[2] == [
        ORGANISATION, f"€{NBSP}900.000", f"€{NBSP}150.000", "4,0", "2,0", "Grote klant",
        "Strategische klant / key-account", "≠ afwijkend",
    ]
    assert table[1][3:8] == ["4,6", "4,5", "Strategische klant / key-account", "", ""]
    texts = [paragraph.text for paragraph in docx.Document(dutch).paragraphs]
    assert f"{ORGANISATION}: berekend Grote klant, handmatig Strategische klant / key-account" in texts


def test_scores_table_shows_indicator_values(dutch):
    table = rows(table_by_caption(docx.Document(dutch), "Scores"))
    assert table[0] == ["Klant", "C1", "C2", "C3", "C4", "Huidige waarde", "Toekomst\u00adpotentieel"]
    assert table[1] == ["Versland Zuivel B.V.", "5 (1.850.000)", "4", "4", "5", "4,6", "4,5"]


def test_concentration_and_weights(dutch):
    document = docx.Document(dutch)
    concentration = rows(table_by_caption(document, "Concentration"))
    assert concentration[3] == [
        f"Top 20{NBSP}% van de klanten", "1", f"€{NBSP}1.850.000", f"60,7{NBSP}%", f"€{NBSP}420.000", f"68,1{NBSP}%",
    ]
    assert concentration[4] == ["Alle klanten", "4", f"€{NBSP}3.050.000", "", f"€{NBSP}617.000", ""]
    weights = [rows(table) for table in document.tables if table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == "Weights"]
    assert weights[0][1] == ["C1", "Omzet", "60", "direct toegekend"]
    assert weights[0][-1] == ["", "Totaal", "100", ""]
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert "Huidige waarde: gewichten direct toegekend" in texts
    # Mean rating (4 + 5 + 3) / 3 = 4.0, which reaches the "high" cut-off of 4.0.
    assert "Gemiddelde score: 4,0 over 3 stellingen" in texts
    assert "Urgentie van key-account management: hoog" in texts


def test_thresholds_show_design_constant(dutch):
    thresholds = rows(table_by_caption(docx.Document(dutch), "Thresholds"))
    assert thresholds[1] == ["Huidige waarde", "3,0", "schaalmidden (vaste ontwerpkeuze van kamgen)"]


def test_strategies_and_service_concepts(dutch):
    document = docx.Document(dutch)
    strategies = table_by_caption(document, "Strategies")
    development = cell_lines(strategies.rows[0].cells[0])
    assert development[:3] == ["Ontwikkelklanten", "ontwikkelpotentieel",
                               "Kernstrategie: Uitbouwen: kennis, relatie en zaken met de klant laten groeien (standaard)"]
    assert "Kennisontwikkeling: Kennis delen" in development
    assert "• Twee" in development
    assert cell_lines(strategies.rows[0].cells[1])[2] == "Kernstrategie: Samen innoveren"

    service = rows(table_by_caption(document, "Service concepts"))
    assert service[0] == ["Onderdeel", "Transactieklanten", "Ontwikkelklanten", "Grote klanten", "Strategische klanten"]
    assert ["Klantinteractie", "Webshop", "–", "–", "Accountteam"] in service
    assert ["Monitoring", "–", "–", "–", "per kwartaal"] in service

    load = rows(table_by_caption(document, "Visit load"))
    # Strategic: 2 customers × 12 visits = 24 visits; × 3 hours = 72 hours. Total 1 + 6 + 0 + 24 = 31 visits.
    assert load[4] == ["Strategische klanten", "2", "12", "24", "3", "72"]
    assert load[5] == ["Totaal", "4", "", "31", "", "72"]


def test_procedure_progress(dutch):
    texts = [paragraph.text for paragraph in docx.Document(dutch).paragraphs]
    # 1 of 3 steps done = 33.3 % → 33 % (no decimals).
    assert f"Voortgang: 1 van 3 stappen gereed (33{NBSP}%)." in texts


def test_warnings_listed(dutch):
    warnings = rows(table_by_caption(docx.Document(dutch), "Warnings"))
    assert warnings[1][0] == "6"
    assert ORGANISATION in warnings[1][1]


def test_user_text_literal(dutch):
    text = body_text(dutch)
    assert ORGANISATION in text
    assert "Koeling {{ x }}" in text
    assert "Klanten kopen {{ x }} centraal in." in text
    assert "Let op: {{ x }}" in text
    assert "Zie <notitie> & bijlage" in text
    # Every "{{" or "{%" left in the document is one of the input's own "{{ x }}" texts.
    remainder = text.replace("{{ x }}", "")
    for marker in ("{{", "}}", "{%", "%}"):
        assert marker not in remainder


# --- layout choices ----------------------------------------------------------------


def orientations(path: Path) -> list[str]:
    return [section.orientation.name for section in docx.Document(path).sections]


def test_narrow_scores_stay_portrait(dutch):
    # 4 criteria + name + 2 weighted scores = 7 columns, within PORTRAIT_MAX_SCORE_COLUMNS = 8.
    assert "LANDSCAPE" not in orientations(dutch)


def test_wide_scores_get_landscape_section(tmp_path):
    # 6 criteria + 3 = 9 columns > 8: chapter 6 sits in a landscape section of its own.
    path = render(tmp_path, build_result(extra_criteria=2))
    assert orientations(path) == ["PORTRAIT", "PORTRAIT", "LANDSCAPE", "PORTRAIT"]
    document = docx.Document(path)
    landscape = document.sections[2]
    assert landscape.page_width > landscape.page_height
    assert landscape.header.paragraphs[0].text == DUTCH_HEADER
    # The customers table is widened by (29.7 − 4) / (21 − 4) cm for the landscape text width.
    customers = table_by_caption(document, "Customers")
    grid = [int(column.get(qn("w:w"))) for column in customers._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) == pytest.approx(25.7 / 2.54 * 1440, rel=0.01)


def test_completeness_lists_empty_worksheets(tmp_path):
    path = render(tmp_path, build_result(with_procedure=False))
    assert "Werkwijze bij de selectie van key-accounts (werkblad 7)" not in headings(path)
    document = docx.Document(path)
    completeness = rows(table_by_caption(document, "Completeness"))
    assert ["7", "Werkwijze bij de selectie van key-accounts", "nog leeg"] in completeness
    assert ["6", "Classificatie van klanten", "ingevuld"] in completeness
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert any(text.startswith("Nog leeg: werkblad 7 (Werkwijze bij de selectie van key-accounts).") for text in texts)


def test_header_only_report(tmp_path):
    path = render(tmp_path, minimal_result())
    assert headings(path) == ["Aandachtspunten", "Volledigheid"]
    texts = [paragraph.text for paragraph in docx.Document(path).paragraphs]
    assert "Er zijn geen aandachtspunten." in texts
    assert not list(docx.Document(path).element.body.iter(qn("wp:docPr")))


def test_english_report(english):
    assert headings(english)[:2] == [
        "The importance of key-account management (worksheet 1)",
        "Selection criteria, indicators and scoring method (worksheet 4)",
    ]
    document = docx.Document(english)
    customers = rows(table_by_caption(document, "Customers"))
    assert customers[2][:3] == [ORGANISATION, "€900,000", "€150,000"]
    assert customers[2][5:] == ["Large customer", "Strategic customer / key account", "≠ differs"]
    strategies = table_by_caption(document, "Strategies")
    assert cell_lines(strategies.rows[0].cells[0])[2] == (
        "Core strategy: Build out: grow the knowledge, the relationship and the business with the customer (default)"
    )
    assert document.sections[1].header.paragraphs[0].text == f"{ORGANISATION} · 1 January 2026 to 31 December 2026"


# --- properties and determinism ------------------------------------------------------


def test_properties_without_clock(dutch):
    properties = docx.Document(dutch).core_properties
    assert properties.author == "kamgen"
    assert properties.created == dt.datetime(2026, 12, 31, tzinfo=properties.created.tzinfo)
    assert properties.modified == properties.created
    assert properties.title == f"Klantportfolio – {ORGANISATION}"
    styles = docx.Document(dutch).styles.element
    language = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert language.get(qn("w:val")) == "nl-NL"


def test_same_result_same_bytes(tmp_path):
    first = render(tmp_path, build_result(), name="first")
    second = render(tmp_path, build_result(), name="second")
    assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "first.xlsx").read_bytes() == (tmp_path / "second.xlsx").read_bytes()


def test_context_keys_match_template_guide():
    from kamgen.render.templates import PORTFOLIO_TAGS

    context = build_context(build_result(), "nl")
    assert set(context) == {"label", *PORTFOLIO_TAGS}


# --- user templates ----------------------------------------------------------------------


def user_template(folder: Path, old: str, new: str) -> Path:
    """Copy kamgen's template into ``folder`` with the paragraph ``old`` replaced by ``new``."""
    from kamgen.resources import template_path

    folder.mkdir(exist_ok=True)
    document = docx.Document(template_path("klantportfolio.docx"))
    for paragraph in document.paragraphs:
        if paragraph.text == old:
            for run in paragraph.runs[1:]:
                run.text = ""
            paragraph.runs[0].text = new
            break
    else:
        raise AssertionError(f"paragraph {old!r} not in the template")
    target = folder / "klantportfolio.docx"
    document.save(target)
    return target


def test_user_template_renders_in_sandbox(tmp_path):
    folder = tmp_path / "huisstijl"
    user_template(folder, "{{ label.subtitle }}", "Huisstijl van {{ doc.organisation|upper }}")
    path = render(tmp_path, build_result(), templates_dir=folder)
    texts = [paragraph.text for paragraph in docx.Document(path).paragraphs]
    assert "Huisstijl van JANSEN & ZN <BV>" in texts


def test_user_template_unsafe_access_rejected(tmp_path):
    folder = tmp_path / "onveilig"
    template = user_template(folder, "{{ label.subtitle }}", "{{ label.__class__.__mro__ }}")
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, build_result(), templates_dir=folder)
    assert str(template) in caught.value.message
    assert "SecurityError" in caught.value.message


def test_template_undefined_attribute_named(tmp_path):
    folder = tmp_path / "fout"
    template = user_template(folder, "{{ label.subtitle }}", "{{ doc.onbekend }}")
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, build_result(), templates_dir=folder)
    message = caught.value.message
    assert message.startswith(f"Het Word-sjabloon {template} kan niet worden gevuld: UndefinedError")
    assert "onbekend" in message
    # The quoted nearby text contains the failing tag.
    assert "“" in message
    assert "{{ doc.onbekend }}" in message.split("“", 1)[1]
    assert caught.value.hint


def test_template_unknown_top_level_tags(tmp_path):
    folder = tmp_path / "onbekend"
    template = user_template(folder, "{{ label.subtitle }}", "{{ raadsel }} en {{ puzzel }}")
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, build_result(), templates_dir=folder)
    assert caught.value.message == (
        f"Het Word-sjabloon {template} gebruikt velden die kamgen niet kent: puzzel, raadsel."
    )


def test_template_syntax_error_quotes_text(tmp_path):
    folder = tmp_path / "syntax"
    user_template(folder, "{{ label.subtitle }}", "{{ doc.title ")
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, build_result(), templates_dir=folder)
    assert "TemplateSyntaxError" in caught.value.message
    assert "{{ doc.title" in caught.value.message


def test_unreadable_user_template(tmp_path):
    folder = tmp_path / "kapot"
    folder.mkdir()
    (folder / "klantportfolio.docx").write_bytes(b"this is not a Word document")
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, build_result(), templates_dir=folder)
    assert caught.value.message.startswith(f"Het Word-sjabloon {folder / 'klantportfolio.docx'} kan niet worden geopend")


def test_folder_without_template_uses_default(tmp_path):
    empty = tmp_path / "leeg"
    empty.mkdir()
    path = render(tmp_path, build_result(), templates_dir=empty)
    assert headings(path) == DUTCH_CHAPTERS


# --- the worked example ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_result(repository_root=Path(__file__).resolve().parent.parent):
    from kamgen.compute.portfolio import compute_portfolio
    from kamgen.readers import read_document

    document = read_document(repository_root / "inputs" / "yaml" / "hoekstra-portfolio.yaml")
    return compute_portfolio(document.data)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_example_renders(tmp_path, example_result, language):
    path = render(tmp_path, example_result, language)
    chapters = headings(path)
    assert len(chapters) == 10
    assert chapters[-2:] == (["Aandachtspunten", "Volledigheid"] if language == "nl" else ["Points to check", "Completeness"])
    text = body_text(path)
    assert "Hoekstra Koeltechniek B.V." in text
    assert "Dorrestein Bakkerijen B.V." in text
    for marker in ("{{", "}}", "{%", "%}"):
        assert marker not in text
    assert len(list(docx.Document(path).element.body.iter(qn("wp:docPr")))) == 2


def test_example_grid_adds_up(tmp_path, example_result):
    matrix = example_result.matrix
    grid = table_by_caption(docx.Document(render(tmp_path, example_result)), "Portfolio")
    shown = []
    for row in grid.rows[:2]:
        for cell in row.cells[1:]:
            line = cell_lines(cell)[1]  # "Klanten: 8 (19,0 %)"
            shown.append(int(line.split(": ")[1].split(" ")[0]))
    assert sum(shown) == matrix.total_customers


def test_result_not_mutated(tmp_path):
    result = build_result()
    before = dataclasses.asdict(result)
    render(tmp_path, result)
    assert dataclasses.asdict(result) == before
