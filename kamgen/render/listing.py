"""``kamgen list``: the worksheet catalogue as a table or as JSON."""

from __future__ import annotations

import json

from kamgen.catalogue import WORKSHEETS
from kamgen.i18n import t


def format_catalogue(output_format: str, language: str) -> str:
    if output_format == "json":
        rows = [
            {
                "number": worksheet.number,
                "slug": worksheet.slug,
                "title": worksheet.title(language),
                "title_nl": worksheet.title_nl,
                "title_en": worksheet.title_en,
                "kind": worksheet.kind,
                "status": worksheet.status,
                "sheet": worksheet.sheet_name(language),
            }
            for worksheet in WORKSHEETS
        ]
        return json.dumps(rows, ensure_ascii=False, indent=2)

    width = max(len(worksheet.title(language)) for worksheet in WORKSHEETS) + 2
    lines = [t("cli.list_header", language, pad=" " * (width - 5))]
    for worksheet in WORKSHEETS:
        kind = t(f"cli.kind_{worksheet.kind}", language)
        status = t(f"cli.status_{worksheet.status}", language)
        lines.append(f"{worksheet.number:>2}  {worksheet.title(language):<{width}}{kind:<14}{status}")
    return "\n".join(lines)
