"""UI texts in German and English, in one place. German is the default.

Widgets carry stable values (enum members, ids) and show these labels through ``format_func``;
a label never drives logic.
"""

from __future__ import annotations

from metrics.formatting import Language

LANGUAGE_NAMES = {Language.DE: "Deutsch", Language.EN: "English"}

TEXTS: dict[str, dict[Language, str]] = {
    "app.title": {Language.DE: "Resonanz", Language.EN: "Resonanz"},
    "app.tagline": {Language.DE: "Social-Media-KPI-Cockpit", Language.EN: "Social media KPI cockpit"},
    "sidebar.language": {Language.DE: "Sprache", Language.EN: "Language"},
    "page.data": {Language.DE: "Daten", Language.EN: "Data"},
    "data.title": {Language.DE: "Daten importieren", Language.EN: "Import data"},
    "data.intro": {
        Language.DE: "Laden Sie die Exporte so hoch, wie LinkedIn, Meta Business Suite, X, YouTube Studio und TikTok sie liefern "
        "(CSV, XLS, XLSX oder ein ZIP mit mehreren Dateien). Resonanz erkennt Plattform und Exporttyp am Inhalt; "
        "dieselbe Datei zweimal zählt nur einmal.",
        Language.EN: "Upload the exports as LinkedIn, Meta Business Suite, X, YouTube Studio and TikTok deliver them "
        "(CSV, XLS, XLSX or a ZIP of several files). Resonanz recognises platform and export type by content; "
        "the same file twice counts once.",
    },
    "data.tab.upload": {Language.DE: "Hochladen", Language.EN: "Upload"},
    "data.tab.history": {Language.DE: "Importverlauf", Language.EN: "Import history"},
    "data.uploader": {Language.DE: "Exportdateien", Language.EN: "Export files"},
    "data.options": {Language.DE: "Optionen für Dateien ohne Plattform oder Konto", Language.EN: "Options for files that name no platform or account"},
    "data.platform": {Language.DE: "Plattform (nur für Meta-Dateien ohne Angabe)", Language.EN: "Platform (only for Meta files that do not say)"},
    "data.platform.auto": {Language.DE: "automatisch erkennen", Language.EN: "detect automatically"},
    "data.account": {Language.DE: "Konto (leer: aus dem Export)", Language.EN: "Account (blank: from the export)"},
    "data.import": {Language.DE: "Importieren", Language.EN: "Import"},
    "data.reading": {Language.DE: "Lese {file} …", Language.EN: "Reading {file} …"},
    "data.storing": {Language.DE: "Speichere {file} ({number} von {total}) …", Language.EN: "Storing {file} ({number} of {total}) …"},
    "data.done": {
        Language.DE: "{imported} importiert, {duplicate} Duplikate, {unsupported} nicht unterstützt, {error} fehlerhaft.",
        Language.EN: "{imported} imported, {duplicate} duplicates, {unsupported} unsupported, {error} failed.",
    },
    "data.results": {Language.DE: "Ergebnis je Datei", Language.EN: "Result per file"},
    "data.issues": {Language.DE: "Hinweise und Fehler", Language.EN: "Notes and errors"},
    "data.no_history": {Language.DE: "Noch keine Importe.", Language.EN: "No imports yet."},
    "data.undo": {Language.DE: "Import rückgängig machen", Language.EN: "Undo import"},
    "data.undo.pick": {Language.DE: "Import", Language.EN: "Import"},
    "data.undo.confirm": {
        Language.DE: "Ja, die Zeilen dieses Imports entfernen (ältere Werte gelten wieder).",
        Language.EN: "Yes, remove this import's rows (older values apply again).",
    },
    "data.undone": {Language.DE: "Import {id} wurde rückgängig gemacht.", Language.EN: "Import {id} was undone."},
    "col.file": {Language.DE: "Datei", Language.EN: "File"},
    "col.status": {Language.DE: "Status", Language.EN: "Status"},
    "col.platform": {Language.DE: "Plattform", Language.EN: "Platform"},
    "col.report": {Language.DE: "Exporttyp", Language.EN: "Export type"},
    "col.account": {Language.DE: "Konto", Language.EN: "Account"},
    "col.rows": {Language.DE: "Zeilen", Language.EN: "Rows"},
    "col.period": {Language.DE: "Zeitraum", Language.EN: "Period"},
    "col.issues": {Language.DE: "Hinweise", Language.EN: "Notes"},
    "col.level": {Language.DE: "Stufe", Language.EN: "Level"},
    "col.sheet": {Language.DE: "Blatt", Language.EN: "Sheet"},
    "col.row": {Language.DE: "Zeile", Language.EN: "Row"},
    "col.column": {Language.DE: "Spalte", Language.EN: "Column"},
    "col.value": {Language.DE: "Wert", Language.EN: "Value"},
    "col.message": {Language.DE: "Meldung", Language.EN: "Message"},
    "col.id": {Language.DE: "Nr.", Language.EN: "No."},
    "col.imported_at": {Language.DE: "Importiert am", Language.EN: "Imported at"},
    "status.imported": {Language.DE: "importiert", Language.EN: "imported"},
    "status.duplicate": {Language.DE: "Duplikat", Language.EN: "duplicate"},
    "status.unsupported": {Language.DE: "nicht unterstützt", Language.EN: "unsupported"},
    "status.error": {Language.DE: "Fehler", Language.EN: "error"},
    "status.parsed": {Language.DE: "gelesen", Language.EN: "read"},
    "status.active": {Language.DE: "aktiv", Language.EN: "active"},
    "status.undone": {Language.DE: "rückgängig gemacht", Language.EN: "undone"},
    "level.error": {Language.DE: "Fehler", Language.EN: "error"},
    "level.warning": {Language.DE: "Warnung", Language.EN: "warning"},
    "level.info": {Language.DE: "Info", Language.EN: "info"},
    "grain.post": {Language.DE: "Beiträge", Language.EN: "posts"},
    "grain.daily": {Language.DE: "Tage", Language.EN: "days"},
    "grain.audience": {Language.DE: "Zielgruppenwerte", Language.EN: "audience values"},
    "data.undo.unconfirmed": {Language.DE: "Bitte zuerst bestätigen.", Language.EN: "Please confirm first."},
}


def translate(key: str, language: Language, **values: object) -> str:
    """The text for ``key`` in ``language``; a missing key shows itself so it is noticed."""
    text = TEXTS.get(key, {}).get(language) or TEXTS.get(key, {}).get(Language.EN) or key
    return text.format(**values) if values else text
