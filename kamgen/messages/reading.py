"""Messages about reading input files: wrong formats, unreadable cells, syntax errors."""

MESSAGES = {
    "not_found": {
        "nl": "{file} bestaat niet; controleer het pad.",
        "en": "{file} does not exist; check the path.",
    },
    "is_directory_empty": {
        "nl": "In de map {file} staan geen invoerbestanden (.xlsx, .yaml, .yml, .json).",
        "en": "The folder {file} contains no input files (.xlsx, .yaml, .yml, .json).",
    },
    "empty_file": {
        "nl": "{file} is leeg; vul het bestand of maak een nieuw met kamgen new.",
        "en": "{file} is empty; fill it in or start a new one with kamgen new.",
    },
    "too_large": {
        "nl": "{file} is {size} MB; kamgen leest bestanden tot {limit} MB. Splits de invoer of verwijder wat er niet in hoort.",
        "en": "{file} is {size} MB; kamgen reads files up to {limit} MB. Split the input or remove what does not belong in it.",
    },
    "unsupported_extension": {
        "nl": "{file} heeft de extensie {extension}, die kamgen niet leest; gebruik een .xlsx-, .yaml- of .json-bestand.",
        "en": "{file} has the extension {extension}, which kamgen does not read; use an .xlsx, .yaml or .json file.",
    },
    "xls": {
        "nl": "{file} is een oud Excel-bestand (.xls); open het in Excel of LibreOffice en sla het op als Excel-werkmap (.xlsx).",
        "en": "{file} is an old Excel file (.xls); open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx).",
    },
    "xlsm": {
        "nl": "{file} is een werkmap met macro's (.xlsm); sla het op als Excel-werkmap (.xlsx) zonder macro's.",
        "en": "{file} is a macro-enabled workbook (.xlsm); save it as an Excel workbook (.xlsx) without macros.",
    },
    "ods": {
        "nl": "{file} is een OpenDocument-werkblad (.ods); kies in LibreOffice Opslaan als en dan Excel 2007-365 (.xlsx).",
        "en": "{file} is an OpenDocument spreadsheet (.ods); in LibreOffice choose Save As and then Excel 2007-365 (.xlsx).",
    },
    "csv": {
        "nl": "{file} is een CSV-bestand; kamgen heeft alle werkbladen nodig. Zet de gegevens in de werkmap van kamgen new en sla die op als .xlsx.",
        "en": "{file} is a CSV file; kamgen needs all the worksheets. Copy the data into the workbook from kamgen new and save it as .xlsx.",
    },
    "html": {
        "nl": "{file} is een webpagina (HTML), geen Excel-werkmap; open het in Excel en sla het op als Excel-werkmap (.xlsx).",
        "en": "{file} is a web page (HTML), not an Excel workbook; open it in Excel and save it as an Excel workbook (.xlsx).",
    },
    "encrypted": {
        "nl": "{file} is met een wachtwoord beveiligd; verwijder het wachtwoord in Excel (Bestand > Info > Werkmap beveiligen) en sla opnieuw op.",
        "en": "{file} is password-protected; remove the password in Excel (File > Info > Protect Workbook) and save it again.",
    },
    "corrupt_zip": {
        "nl": "{file} is beschadigd of onvolledig (geen geldig .xlsx-bestand); kopieer of download het opnieuw.",
        "en": "{file} is damaged or incomplete (not a valid .xlsx file); copy or download it again.",
    },
    "not_xlsx": {
        "nl": "{file} heeft de extensie .xlsx maar is geen Excel-werkmap ({detected}); sla het bestand op als Excel-werkmap (.xlsx).",
        "en": "{file} has the extension .xlsx but is not an Excel workbook ({detected}); save the file as an Excel workbook (.xlsx).",
    },
    "renamed": {
        "nl": "{file} heeft de extensie {extension} maar is een {detected}; geef het bestand de juiste extensie.",
        "en": "{file} has the extension {extension} but is a {detected}; give the file the right extension.",
    },
    "binary_text": {
        "nl": "{file} is geen tekstbestand in UTF-8; sla het op als UTF-8-tekst.",
        "en": "{file} is not a UTF-8 text file; save it as UTF-8 text.",
    },
    "yaml_syntax": {
        "nl": "{file} bevat een YAML-fout: {detail}. Controleer inspringing en dubbele punten rond deze regel.",
        "en": "{file} contains a YAML error: {detail}. Check indentation and colons around this line.",
    },
    "json_syntax": {
        "nl": "{file} bevat een JSON-fout: {detail}. Controleer komma's, haakjes en aanhalingstekens rond deze plek.",
        "en": "{file} contains a JSON error: {detail}. Check commas, brackets and quotes around this place.",
    },
    "duplicate_key": {
        "nl": "Het veld {key} staat twee keer in dezelfde groep; verwijder een van beide.",
        "en": "The field {key} occurs twice in the same group; remove one of them.",
    },
    "unknown_kind": {
        "nl": "{file} zegt niet welke soort invoer het is; zet bovenaan kind: portfolio, account of organisation.",
        "en": "{file} does not say what kind of input it is; put kind: portfolio, account or organisation at the top.",
    },
    "bad_kind": {
        "nl": "{file} heeft kind {found}; kies portfolio, account of organisation.",
        "en": "{file} has kind {found}; choose portfolio, account or organisation.",
    },
    "foreign_workbook": {
        "nl": "{file} is geen invoerwerkmap van kamgen (de verborgen bladen met kenmerken ontbreken; gevonden bladen: {sheets}). Maak een werkmap met kamgen new en kopieer de gegevens erin.",
        "en": "{file} is not a kamgen input workbook (the hidden metadata sheets are missing; sheets found: {sheets}). Create a workbook with kamgen new and copy the data into it.",
    },
    "newer_format": {
        "nl": "{file} heeft formaatversie {found}, nieuwer dan deze kamgen ({supported}); werk kamgen bij.",
        "en": "{file} has format version {found}, newer than this kamgen ({supported}); upgrade kamgen.",
    },
    "sheet_missing": {
        "nl": "Het blad voor werkblad {worksheet} ontbreekt in {file} (gevonden bladen: {sheets}); herstel het blad of begin opnieuw met kamgen new.",
        "en": "The sheet for worksheet {worksheet} is missing from {file} (sheets found: {sheets}); restore the sheet or start again from kamgen new.",
    },
    "cell_number": {
        "nl": "{field} is {found}, geen getal; vul een getal in, zoals 7,5 of 1.234,56.",
        "en": "{field} is {found}, not a number; enter a number such as 7.5 or 1,234.56.",
    },
    "cell_integer": {
        "nl": "{field} is {found}, geen geheel getal; vul een geheel getal in.",
        "en": "{field} is {found}, not a whole number; enter a whole number.",
    },
    "cell_ambiguous": {
        "nl": "{field} is {found}; dat kan zowel duizendtallen als decimalen zijn. Typ {thousands} als u duizendtallen bedoelt, of {decimal} als u een decimaal getal bedoelt.",
        "en": "{field} is {found}; that could be thousands or decimals. Type {thousands} if you mean thousands, or {decimal} if you mean a decimal number.",
    },
    "cell_percentage": {
        "nl": "{field} is {found}, geen percentage; vul bijvoorbeeld 30% of 0,3 in.",
        "en": "{field} is {found}, not a percentage; enter for example 30% or 0.3.",
    },
    "cell_date": {
        "nl": "{field} is {found}, geen geldige datum; vul de datum in als dd-mm-jjjj.",
        "en": "{field} is {found}, not a valid date; enter the date as dd-mm-yyyy.",
    },
    "cell_boolean": {
        "nl": "{field} is {found}; vul ja of nee in.",
        "en": "{field} is {found}; enter yes or no.",
    },
    "cell_choice": {
        "nl": "{field} is {found}; kies een waarde uit de keuzelijst: {choices}.",
        "en": "{field} is {found}; pick a value from the drop-down list: {choices}.",
    },
    "cell_excel_error": {
        "nl": "{field} bevat de Excel-fout {found}; herstel de formule of vul een waarde in.",
        "en": "{field} contains the Excel error {found}; repair the formula or enter a value.",
    },
    "formula_in_input": {
        "nl": "{field} bevat een formule zonder opgeslagen uitkomst; open de werkmap in Excel of LibreOffice, sla op en probeer opnieuw, of typ de waarde in.",
        "en": "{field} contains a formula without a saved result; open the workbook in Excel or LibreOffice, save it and try again, or type the value.",
    },
    "formula_differs": {
        "nl": "{field}: Excel berekende {found}, kamgen {expected}; controleer of iemand de formule heeft aangepast.",
        "en": "{field}: Excel calculated {found}, kamgen {expected}; check whether someone changed the formula.",
    },
    "control_characters": {
        "nl": "{field} bevatte onzichtbare stuurtekens die Word en Excel niet aankunnen; kamgen heeft ze verwijderd.",
        "en": "{field} contained invisible control characters that Word and Excel cannot hold; kamgen removed them.",
    },
    "hidden_row": {
        "nl": "Rij {row} van {sheet} is verborgen of weggefilterd maar bevat gegevens; kamgen leest die mee. Maak de rij zichtbaar als dat niet de bedoeling is.",
        "en": "Row {row} of {sheet} is hidden or filtered out but contains data; kamgen reads it too. Unhide the row if that is not intended.",
    },
    "row_below_table": {
        "nl": "Rij {row} van {sheet} staat onder de tabel {table} en wordt gelezen; breid de tabel uit zodat de rij erbij hoort.",
        "en": "Row {row} of {sheet} is below the table {table} and is read; extend the table so the row belongs to it.",
    },
    "merged_cell": {
        "nl": "{field} ligt in samengevoegde cellen {range}; kamgen leest de waarde linksboven. Maak het samenvoegen ongedaan.",
        "en": "{field} lies in merged cells {range}; kamgen reads the top-left value. Unmerge the cells.",
    },
    "used_range_large": {
        "nl": "{sheet} is opgemaakt tot rij {rows}; kamgen leest alleen de rijen met gegevens. Wis de opmaak van de lege rijen eronder, dan wordt het bestand kleiner en sneller.",
        "en": "{sheet} is formatted down to row {rows}; kamgen reads only the rows with data. Clear the formatting of the empty rows below them to make the file smaller and faster.",
    },
    "formula_overwritten": {
        "nl": "{field} bevat {found} waar de formule van kamgen stond; kamgen berekent deze grijze cel zelf en gebruikt die waarde niet. Typ gegevens alleen in de gele invoercellen.",
        "en": "{field} contains {found} where kamgen's formula was; kamgen calculates this grey cell itself and does not use that value. Type data only in the yellow input cells.",
    },
    "start_sheet_missing": {
        "nl": "Het startblad {sheet} met de algemene gegevens ontbreekt in {file} (gevonden bladen: {sheets}); herstel het blad of begin opnieuw met kamgen new.",
        "en": "The start sheet {sheet} with the general details is missing from {file} (sheets found: {sheets}); restore the sheet or start again from kamgen new.",
    },
    "part_too_large": {
        "nl": "{file} is uitgepakt te groot: het onderdeel {part} is {size} MB en kamgen leest onderdelen tot {limit} MB. Wis opmaak en gegevens die er niet in horen en sla het bestand opnieuw op.",
        "en": "{file} is too large when unpacked: its part {part} is {size} MB and kamgen reads parts up to {limit} MB. Clear formatting and data that do not belong in it and save the file again.",
    },
    "yaml_changed_type": {
        "nl": "{field} is {found} zonder aanhalingstekens; kamgen leest het als tekst. Zet het tussen aanhalingstekens om dit te bevestigen.",
        "en": "{field} is {found} without quotes; kamgen reads it as text. Put it in quotes to confirm.",
    },
}
