"""Messages of `kamgen build`: per-document status lines, reasons, check results and the summary."""

MESSAGES = {
    "document_built": {"nl": "Gebouwd: {document}", "en": "Built: {document}"},
    "document_up_to_date": {"nl": "Actueel, overgeslagen: {document}", "en": "Up to date, skipped: {document}"},
    "document_current": {"nl": "Actueel: {document}", "en": "Up to date: {document}"},
    "document_removed": {
        "nl": "Verwijderd: {document} (vervangen door een document met een nieuwe naam)",
        "en": "Removed: {document} (replaced by a document with a new name)",
    },
    "document_kept": {
        "nl": "Laten staan: {document} (met de hand gewijzigd; verwijder het zelf als u het niet meer nodig hebt)",
        "en": "Kept: {document} (edited by hand; remove it yourself if you no longer need it)",
    },
    "progress_label": {"nl": "Documenten bouwen", "en": "Building documents"},
    "no_report_yet": {
        "nl": "{file}: gecontroleerd, geen fouten. Voor invoer van de soort '{kind}' maakt kamgen nog geen rapport.",
        "en": "{file}: validated, no errors. kamgen does not write a report for '{kind}' inputs yet.",
    },
    "invalid": {
        "nl": "{file}: niet gebouwd, want de invoer bevat fouten (zie hieronder).",
        "en": "{file}: not built, because the input has errors (see below).",
    },
    "invalid_strict": {
        "nl": "{file}: niet gebouwd, want de invoer geeft waarschuwingen en u gebruikt --strict (zie hieronder).",
        "en": "{file}: not built, because the input has warnings and --strict is on (see below).",
    },
    "failed": {
        "nl": "{file}: bouwen mislukt: {error}",
        "en": "{file}: build failed: {error}",
    },
    "worker_died": {
        "nl": "het werkproces is onverwacht gestopt ({error}); probeer het opnieuw met minder --jobs",
        "en": "the worker process stopped unexpectedly ({error}); try again with fewer --jobs",
    },
    "collision": {
        "nl": "{document} zou door {file} en door {others} worden geschreven. kamgen schrijft het van geen van beide; geef een van de twee invoerbestanden een andere naam voor de organisatie of klant, of bouw ze naar verschillende mappen.",
        "en": "{document} would be written by {file} and by {others}. kamgen writes it for neither; give one of the two inputs another organisation or customer name, or build them into different folders.",
    },
    "output_is_input": {
        "nl": "{file}: het document zou het invoerbestand zelf overschrijven; kies met -o een andere uitvoermap.",
        "en": "{file}: the document would overwrite the input file itself; choose another output folder with -o.",
    },
    "bad_source_date_epoch": {
        "nl": "SOURCE_DATE_EPOCH is '{value}'; dat moet een geheel aantal seconden sinds 1970-01-01 UTC zijn, bijvoorbeeld 1767139200.",
        "en": "SOURCE_DATE_EPOCH is '{value}'; it must be a whole number of seconds since 1970-01-01 UTC, for example 1767139200.",
    },
    "reason_new": {"nl": "nog niet eerder gebouwd", "en": "not built before"},
    "reason_forced": {"nl": "opnieuw gebouwd door --force", "en": "rebuilt because of --force"},
    "reason_input": {"nl": "de invoer {file} is gewijzigd", "en": "the input {file} has changed"},
    "reason_templates": {"nl": "de sjablonen zijn gewijzigd", "en": "the templates have changed"},
    "reason_version": {"nl": "gebouwd met kamgen {old}, nu is het {new}", "en": "built with kamgen {old}, now it is {new}"},
    "reason_settings": {
        "nl": "gebouwd met een andere taal, --strict of SOURCE_DATE_EPOCH",
        "en": "built with another language, --strict or SOURCE_DATE_EPOCH",
    },
    "reason_folder": {"nl": "gebouwd naar een andere map", "en": "built into another folder"},
    "reason_missing": {"nl": "het document ontbreekt", "en": "the document is missing"},
    "reason_edited": {"nl": "het document is na het bouwen met de hand gewijzigd", "en": "the document was edited by hand after it was built"},
    "reason_renamed": {"nl": "de invoer geeft het document nu een andere naam", "en": "the input now gives the document another name"},
    "kept_edited": {"nl": "met de hand gewijzigd, dus niet verwijderd", "en": "edited by hand, so not removed"},
    "never_built": {
        "nl": "{file}: hiervan is nog geen document gebouwd; voer kamgen build uit.",
        "en": "{file}: no document has been built from this input yet; run kamgen build.",
    },
    "check_missing": {"nl": "Ontbreekt: {document} ({reason})", "en": "Missing: {document} ({reason})"},
    "check_stale": {"nl": "Verouderd: {document} ({reason})", "en": "Out of date: {document} ({reason})"},
    "check_edited": {"nl": "Met de hand gewijzigd: {document} ({reason})", "en": "Edited by hand: {document} ({reason})"},
    "check_summary_ok": {
        "nl": "Alle {current} document(en) van {inputs} invoerbestand(en) zijn actueel.",
        "en": "All {current} document(s) of {inputs} input(s) are up to date.",
    },
    "check_summary_failed": {
        "nl": "{problems} van de {inputs} invoerbestand(en) hebben documenten die ontbreken of verouderd zijn; voer kamgen build uit.",
        "en": "{problems} of {inputs} input(s) have documents that are missing or out of date; run kamgen build.",
    },
    "summary": {
        "nl": "Klaar: {built} document(en) gebouwd, {current} actueel. Invoerbestanden: {validated} alleen gecontroleerd, {invalid} met fouten, {failed} mislukt.",
        "en": "Done: {built} document(s) built, {current} up to date. Inputs: {validated} validated only, {invalid} with errors, {failed} failed.",
    },
}
