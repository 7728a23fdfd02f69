"""LibreOffice renders the reports to PDF: no template tag is left and the key figures appear."""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from kamgen.render.formatting import Formatter
from kamgen.render.portfolio_report import write_portfolio_report
from report_samples import ORGANISATION, build_result

REPOSITORY = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.soffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]


def convert(source: Path, target_format: str, folder: Path) -> Path:
    profile = folder / f"profile-{uuid.uuid4().hex}"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target_format,
         "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    converted = folder / f"{source.stem}.{target_format.split(':')[0]}"
    assert converted.is_file()
    return converted


def readable_text(source: Path, folder: Path) -> str:
    """Return the text of ``source`` as printed: through the PDF with pdftotext, else LibreOffice's text export."""
    if shutil.which("pdftotext"):
        pdf = convert(source, "pdf", folder)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                              timeout=60).stdout
    else:
        text = convert(source, "txt:Text", folder).read_text(encoding="utf-8", errors="replace")
    # Compare figures without caring whether a space came out as non-breaking or how lines were wrapped.
    return re.sub(r"[ \u00a0]+", " ", text)


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    from kamgen.compute.portfolio import compute_portfolio
    from kamgen.readers import read_document

    folder = tmp_path_factory.mktemp("pdf")
    result = compute_portfolio(read_document(REPOSITORY / "inputs" / "yaml" / "hoekstra-portfolio.yaml").data)
    write_portfolio_report(result, docx_path=folder / "klantportfolio.docx", xlsx_path=folder / "klantportfolio.xlsx",
                           language="nl")
    return result, folder


def test_word_pdf_has_no_tags_and_key_figures(example):
    result, folder = example
    text = readable_text(folder / "klantportfolio.docx", folder)
    for marker in ("{{", "}}", "{%", "%}"):
        assert marker not in text
    money = Formatter("nl", result.currency)
    matrix = result.matrix
    assert "Hoekstra Koeltechniek B.V." in text
    assert "Klantportfolio (werkblad 8)" in text
    assert money.money(matrix.total_revenue, 0).replace("\u00a0", " ") in text
    strategic = matrix.segments["strategic"]
    assert f"Klanten: {strategic.customers} ({money.percent_points(strategic.customer_percent)})".replace("\u00a0", " ") in text
    assert "Dorrestein Bakkerijen B.V." in text


def test_excel_pdf_has_no_tags(example):
    result, folder = example
    text = readable_text(folder / "klantportfolio.xlsx", folder)
    for marker in ("{{", "{%", "%}"):
        assert marker not in text
    assert "Hoekstra Koeltechniek B.V." in text
    assert "Strategische klant / key-account" in text


def test_literal_user_text_survives_pdf(tmp_path):
    write_portfolio_report(build_result(), docx_path=tmp_path / "sample.docx", xlsx_path=tmp_path / "sample.xlsx",
                           language="nl")
    text = readable_text(tmp_path / "sample.docx", tmp_path)
    assert ORGANISATION in text
    assert "Koeling {{ x }}" in text
    remainder = text.replace("{{ x }}", "")
    for marker in ("{{", "}}", "{%", "%}"):
        assert marker not in remainder
