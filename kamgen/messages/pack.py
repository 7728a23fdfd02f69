"""Texts of the blank worksheet pack: form furniture, the combined document, PDF copies."""

MESSAGES = {
    "form_title": {"nl": "Werkblad {number} – {title}", "en": "Worksheet {number} – {title}"},
    "purpose": {"nl": "Doel", "en": "Purpose"},
    "instructions": {"nl": "Zo vult u dit werkblad in", "en": "How to fill in this worksheet"},
    "footer": {"nl": "Werkblad {number} · {title}", "en": "Worksheet {number} · {title}"},
    "footer_page": {"nl": "pagina", "en": "page"},
    "footer_of": {"nl": "van", "en": "of"},
    "number_header": {"nl": "Nr.", "en": "No."},
    "statement_header": {"nl": "Stelling", "en": "Statement"},
    "remark_header": {"nl": "Toelichting", "en": "Remark"},
    "score_header": {"nl": "Score ({low}–{high})", "en": "Score ({low}–{high})"},
    "scale_legend": {"nl": "Schaal", "en": "Scale"},
    "cover_title": {"nl": "Werkbladen key-account management", "en": "Key-account management worksheets"},
    "cover_subtitle": {
        "nl": "De 34 werkbladen van de methode, blanco, om te printen of in Word in te vullen",
        "en": "The 34 worksheets of the method, blank, to print or to fill in in Word",
    },
    "cover_parts": {
        "nl": "Portfolio: werkbladen 1, 2 en 4–10 · Account: werkbladen 3 en 11–30 · Organisatie: werkbladen 31–34",
        "en": "Portfolio: worksheets 1, 2 and 4–10 · Account: worksheets 3 and 11–30 · Organisation: worksheets 31–34",
    },
    "cover_workbooks": {
        "nl": "Wilt u dat kamgen de scores en matrices berekent? Vul dan de Excel-invoerwerkmappen uit dit pakket in en maak de rapporten met kamgen build.",
        "en": "Would you like kamgen to compute the scores and matrices? Fill in the Excel input workbooks of this pack and make the reports with kamgen build.",
    },
    "cover_version": {"nl": "Gemaakt met kamgen {version}", "en": "Made with kamgen {version}"},
    "toc_heading": {"nl": "Inhoud", "en": "Contents"},
    "toc_hint": {
        "nl": "Ontbreken de paginanummers? Klik in de inhoudsopgave en druk op F9 om hem bij te werken.",
        "en": "Page numbers missing? Click in the table of contents and press F9 to update it.",
    },
    "workbook_unavailable": {
        "nl": "De Excel-invoerwerkmap voor {kind} zit nog niet in deze versie van kamgen; het pakket is zonder {file} geschreven.",
        "en": "The Excel input workbook for {kind} is not yet part of this version of kamgen; the pack was written without {file}.",
    },
    "pdf_written": {"nl": "{count} PDF-kopieën gemaakt met LibreOffice.", "en": "{count} PDF copies made with LibreOffice."},
    "pdf_timeout": {
        "nl": "LibreOffice was na {seconds} seconden nog niet klaar met de PDF-kopieën en is gestopt. Probeer het opnieuw, of sluit eerst andere LibreOffice-vensters.",
        "en": "LibreOffice had not finished the PDF copies after {seconds} seconds and was stopped. Try again, or close other LibreOffice windows first.",
    },
    "pdf_failed": {
        "nl": "LibreOffice kon geen PDF maken van {files} (afsluitcode {code}): {detail}",
        "en": "LibreOffice could not make a PDF of {files} (exit code {code}): {detail}",
    },
    "pdf_not_started": {
        "nl": "LibreOffice ({program}) kon niet worden gestart: {detail}",
        "en": "LibreOffice ({program}) could not be started: {detail}",
    },
    "content_missing": {
        "nl": "De tekst van werkblad {number} ontbreekt in deze installatie van kamgen ({file}); installeer kamgen opnieuw.",
        "en": "The text of worksheet {number} is missing from this installation of kamgen ({file}); reinstall kamgen.",
    },
    "output_is_file": {
        "nl": "{folder} is een bestand, geen map; kies met -o een map voor het pakket.",
        "en": "{folder} is a file, not a folder; choose a folder for the pack with -o.",
    },
}
