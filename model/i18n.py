"""Texts in German and English, in one place, for the pages, the review pack, the command line and import messages.

German is the default.

Widgets carry stable values (enum members, ids) and show these labels through ``format_func``;
a label never drives logic.
"""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    DE = "de"
    EN = "en"


LANGUAGE_NAMES = {Language.DE: "Deutsch", Language.EN: "English"}

TEXTS: dict[str, dict[Language, str]] = {
    "app.title": {Language.DE: "Resonanz", Language.EN: "Resonanz"},
    # --- texts: E demo and misc (add new keys of this area below this line) ---
    "ingest.meta_overview_unknown_title": {
        Language.DE: "Die Datei ist wie eine Übersichtsdatei der Meta Business Suite aufgebaut (Titel '{title}', Spalten {header}, "
        "{days} Tage von {first} bis {last}), aber Resonanz kennt die Kennzahl '{title}' nicht und rät sie nicht; nichts wurde gespeichert. "
        "Resonanz liest diese Kennzahlen (in jeder Sprache der Business Suite): {known}. Für andere Kennzahlen nutzen Sie die allgemeine Vorlage.",
        Language.EN: "The file has the layout of a Meta Business Suite overview file (title '{title}', columns {header}, "
        "{days} days from {first} to {last}), but Resonanz does not know the metric '{title}' and does not guess it; nothing was stored. "
        "Resonanz reads these metrics (in every Business Suite language): {known}. For other metrics use the generic template.",
    },
    "ingest.meta_overview_untitled": {
        Language.DE: "Die Datei ist wie eine Übersichtsdatei der Meta Business Suite aufgebaut (Spalten {header}, {days} Tage von {first} bis {last}), "
        "aber die Titelzeile mit der Kennzahl fehlt, und ihr Name '{name}' ist keiner der Titel von Meta. Welche Kennzahl die Zahlen zählen, "
        "ist nicht zu erkennen; nichts wurde gespeichert. Laden Sie die Kennzahl in der Meta Business Suite erneut herunter und laden Sie die "
        "Datei unverändert hoch, oder benennen Sie die Datei nach dem Titel der Kennzahl (z. B. 'Reach.csv'; bekannt: {known}).",
        Language.EN: "The file has the layout of a Meta Business Suite overview file (columns {header}, {days} days from {first} to {last}), "
        "but its title line naming the metric is missing and its name '{name}' is none of Meta's titles. What the figures count cannot be told; "
        "nothing was stored. Download the metric again in Meta Business Suite and upload the file unchanged, or name the file after the "
        "metric's title (e.g. 'Reach.csv'; known: {known}).",
    },
    "ingest.meta_overview_title_from_name": {
        Language.DE: "Die Datei hat keine Titelzeile mit der Kennzahl. Meta benennt jeden Download nach diesem Titel; der Dateiname '{name}' "
        "wurde daher als Titel gelesen und die Zahlen als {metric} gespeichert. Wurde die Datei umbenannt, laden Sie sie erneut herunter.",
        Language.EN: "The file has no title line naming its metric. Meta names every download after that title, so the file name '{name}' "
        "was read as the title and the figures were stored as {metric}. If the file was renamed, download it again.",
    },
    "ingest.meta_overview_rows_below": {
        Language.DE: "Die Zeilen {first_row} bis {last_row} stehen nach einer Leerzeile unter den Tageswerten und gehören nicht zur Übersicht; "
        "sie wurden nicht gelesen. Prüfen Sie, ob die Datei von Hand ergänzt wurde.",
        Language.EN: "Rows {first_row} to {last_row} follow a blank line below the daily figures and are not part of the overview; "
        "they were not read. Check whether the file was edited by hand.",
    },
    "ingest.meta_audience_dated_by_daily": {
        Language.DE: "Die Zielgruppenanteile haben kein Datum; sie gelten als Stand vom {day}, dem letzten Tag der Tageswerte derselben Datei.",
        Language.EN: "The audience shares have no date; they are stored as the snapshot of {day}, the last day of the daily figures in the same file.",
    },
    "ingest.meta_audience_untitled_daily": {
        Language.DE: "Die Zeilen {first_row} bis {last_row} enthalten Tageswerte ({first} bis {last}) ohne einen Titel, den Resonanz kennt ('{title}'); "
        "welche Kennzahl sie zählen, ist nicht zu erkennen, daher wurden sie nicht importiert. Laden Sie die Kennzahl als eigene Datei aus der "
        "Meta Business Suite hoch.",
        Language.EN: "Rows {first_row} to {last_row} hold daily figures ({first} to {last}) without a title Resonanz knows ('{title}'); "
        "what they count cannot be told, so they were not imported. Upload the metric's own file from Meta Business Suite.",
    },
    "ingest.meta_audience_untitled_age": {
        Language.DE: "Die Zeilen {first_row} bis {last_row} haben keinen Abschnittstitel; ihre Kopfzeile aus Geschlechtern und die Altersgruppen "
        "zeigen, dass es der Abschnitt Alter und Geschlecht ist. So wurden sie gelesen.",
        Language.EN: "Rows {first_row} to {last_row} have no section title; their header of genders and the age bands show that they are the "
        "age & gender section, and they were read as such.",
    },
    "ingest.meta_audience_untitled_countries": {
        Language.DE: "Die Zeilen {first_row} bis {last_row} haben keinen Abschnittstitel; jeder Name darin ist ein Land, daher wurden sie als "
        "Top-Länder gelesen.",
        Language.EN: "Rows {first_row} to {last_row} have no section title; every name in them is a country, so they were read as the top countries.",
    },
    "ingest.meta_audience_untitled_block": {
        Language.DE: "Die Zeilen {first_row} bis {last_row} sind ein Zielgruppenabschnitt ohne Titel ({names}); ob er Städte oder etwas anderes "
        "zählt, ist nicht sicher zu erkennen, daher wurde er nicht importiert. Laden Sie die Zielgruppendatei unverändert erneut hoch.",
        Language.EN: "Rows {first_row} to {last_row} are an audience section without its title ({names}); whether it counts cities or something "
        "else cannot be told for certain, so it was not imported. Upload the audience file again unchanged.",
    },
    "ingest.meta_audience_names_split": {
        Language.DE: "Im Zielgruppenabschnitt '{section}' hat die Zeile der Namen {names} Zellen, die Zeile der Anteile {values}: Namen mit "
        "Kommas haben ihre Anführungszeichen verloren, und welcher Anteil zu welchem Namen gehört, ist nicht sicher. Der Abschnitt wurde "
        "nicht importiert. Laden Sie die Zielgruppendatei unverändert erneut herunter.",
        Language.EN: "In the audience section '{section}' the row of names has {names} cells and the row of shares {values}: names with commas "
        "lost their quotes, and which share belongs to which name is not certain. The section was not imported. Download the audience file "
        "again and upload it unchanged.",
    },
    "ingest.meta_audience_no_values": {
        Language.DE: "Der Zielgruppenabschnitt '{section}' hat Namen, aber keine Zeile mit Anteilen darunter; nichts wurde gespeichert. "
        "Laden Sie die Zielgruppendatei erneut herunter.",
        Language.EN: "The audience section '{section}' has names but no row of shares below them; nothing was stored. Download the audience file again.",
    },
    "ingest.meta_legacy_description_row": {
        Language.DE: "Die Zeile mit den Beschreibungen der Kennzahlen unter der Kopfzeile ist kein Datensatz und wurde übersprungen.",
        Language.EN: "The row of metric descriptions under the header is not data and was skipped.",
    },
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
    # --- texts: H pages (add new keys of this area below this line) ---
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
    # --- texts: G goals workbook and progress (add new keys of this area below this line) ---
    "status.undone": {Language.DE: "rückgängig gemacht", Language.EN: "undone"},
    "level.error": {Language.DE: "Fehler", Language.EN: "error"},
    "level.warning": {Language.DE: "Warnung", Language.EN: "warning"},
    "level.info": {Language.DE: "Info", Language.EN: "info"},
    "grain.post": {Language.DE: "Beiträge", Language.EN: "posts"},
    "grain.daily": {Language.DE: "Tage", Language.EN: "days"},
    "grain.audience": {Language.DE: "Zielgruppenwerte", Language.EN: "audience values"},
    "data.undo.unconfirmed": {Language.DE: "Bitte zuerst bestätigen.", Language.EN: "Please confirm first."},
    "page.cockpit": {Language.DE: "Cockpit", Language.EN: "Cockpit"},
    "page.goals": {Language.DE: "Ziele", Language.EN: "Goals"},
    "page.channels": {Language.DE: "Kanäle", Language.EN: "Channels"},
    "page.content": {Language.DE: "Inhalte", Language.EN: "Content"},
    "page.review": {Language.DE: "Management-Review", Language.EN: "Management review"},
    "filters.title": {Language.DE: "Auswahl", Language.EN: "Selection"},
    "filters.period": {Language.DE: "Zeitraum", Language.EN: "Period"},
    "filters.range": {Language.DE: "Von – bis", Language.EN: "From – to"},
    "filters.comparison": {Language.DE: "Vergleich mit", Language.EN: "Compare with"},
    "filters.platforms": {Language.DE: "Plattformen", Language.EN: "Platforms"},
    "filters.accounts": {Language.DE: "Konten", Language.EN: "Accounts"},
    "filters.departments": {Language.DE: "Abteilungen", Language.EN: "Departments"},
    "filters.all": {Language.DE: "alle", Language.EN: "all"},
    "preset.this_month": {Language.DE: "Dieser Monat", Language.EN: "This month"},
    "preset.last_month": {Language.DE: "Letzter Monat", Language.EN: "Last month"},
    "preset.this_quarter": {Language.DE: "Dieses Quartal", Language.EN: "This quarter"},
    "preset.last_quarter": {Language.DE: "Letztes Quartal", Language.EN: "Last quarter"},
    "preset.year_to_date": {Language.DE: "Jahr bis heute", Language.EN: "Year to date"},
    "preset.custom": {Language.DE: "Eigener Zeitraum", Language.EN: "Custom"},
    # --- texts: J security, roles, audit (add new keys of this area below this line) ---
    "comparison.previous": {Language.DE: "Vorperiode", Language.EN: "Previous period"},
    # --- texts: F engine: data through, comparisons (add new keys of this area below this line) ---
    "comparison.last_year": {Language.DE: "Vorjahr", Language.EN: "Last year"},
    "status.achieved": {Language.DE: "erreicht", Language.EN: "achieved"},
    "status.on_track": {Language.DE: "auf Kurs", Language.EN: "on track"},
    "status.at_risk": {Language.DE: "gefährdet", Language.EN: "at risk"},
    "status.off_track": {Language.DE: "nicht auf Kurs", Language.EN: "off track"},
    "status.no_data": {Language.DE: "keine Daten", Language.EN: "no data"},
    "cockpit.title": {Language.DE: "Cockpit", Language.EN: "Cockpit"},
    "cockpit.period": {Language.DE: "{period} · verglichen mit {comparison}", Language.EN: "{period} · compared with {comparison}"},
    "cockpit.objectives": {Language.DE: "Ziele nach Abteilung", Language.EN: "Objectives by department"},
    "cockpit.movers": {Language.DE: "Was sich am stärksten verändert hat", Language.EN: "What changed most"},
    "cockpit.no_goals": {
        Language.DE: "Noch keine Ziele hinterlegt. Laden Sie die Ziele-Arbeitsmappe auf der Seite Ziele hoch.",
        Language.EN: "No goals yet. Upload the goals workbook on the Goals page.",
    },
    "cockpit.no_movers": {Language.DE: "Keine nennenswerten Veränderungen.", Language.EN: "No notable changes."},
    "cockpit.target": {Language.DE: "Ziel {target} · Soll {expected}", Language.EN: "Target {target} · expected {expected}"},
    "cockpit.demo": {
        Language.DE: "Resonanz zeigt die Demo-Firma Haberland Antriebstechnik GmbH. Eigene Daten: Exporte auf der Seite Daten hochladen, Ziele auf der Seite Ziele; die Demo-Importe lassen sich im Importverlauf rückgängig machen.",
        Language.EN: "Resonanz shows the demo company Haberland Antriebstechnik GmbH. Your own data: upload exports on the Data page and goals on the Goals page; the demo imports can be undone in the import history.",
    },
    "cockpit.demo_loaded": {
        Language.DE: "Die Datenbank war leer: Die Demo-Firma wurde geladen.",
        Language.EN: "The database was empty: the demo company was loaded.",
    },
    "cockpit.loading_demo": {Language.DE: "Lade Demo-Firma …", Language.EN: "Loading the demo company …"},
    "col.kpi": {Language.DE: "Kennzahl", Language.EN: "KPI"},
    # --- texts: D batch, siblings, command line (add new keys of this area below this line) ---
    "col.change": {Language.DE: "Veränderung", Language.EN: "Change"},
    "col.comparison_value": {Language.DE: "Vergleichswert", Language.EN: "Comparison"},
    "goals.title": {Language.DE: "Ziele und Schlüsselergebnisse", Language.EN: "Objectives and key results"},
    "goals.as_of": {Language.DE: "Stand {date}", Language.EN: "As of {date}"},
    "goals.actual": {Language.DE: "Ist", Language.EN: "Actual"},
    "goals.target": {Language.DE: "Zielwert", Language.EN: "Target"},
    "goals.expected": {Language.DE: "Soll zum Stichtag", Language.EN: "Expected by now"},
    "goals.forecast": {Language.DE: "Prognose", Language.EN: "Forecast"},
    "goals.baseline": {Language.DE: "Ausgangswert", Language.EN: "Baseline"},
    "goals.progress": {Language.DE: "Zielerreichung", Language.EN: "Progress"},
    "goals.period": {Language.DE: "Zeitraum", Language.EN: "Period"},
    "goals.aspirational": {Language.DE: "ambitioniert", Language.EN: "aspirational"},
    "goals.upload": {Language.DE: "Ziele-Arbeitsmappe hochladen (.xlsx oder .yaml)", Language.EN: "Upload the goals workbook (.xlsx or .yaml)"},
    "goals.saved": {
        Language.DE: "Ziele gespeichert: {objectives} Ziele, {key_results} Schlüsselergebnisse.",
        Language.EN: "Goals saved: {objectives} objectives, {key_results} key results.",
    },
    "goals.errors": {
        Language.DE: "Die Arbeitsmappe wurde nicht übernommen. Bitte korrigieren:",
        Language.EN: "The workbook was not taken over. Please correct:",
    },
    "goals.download": {Language.DE: "Aktuelle Ziele herunterladen", Language.EN: "Download the current goals"},
    # --- texts: C rows, ids, overlaps (add new keys of this area below this line) ---
    "goals.template_de": {Language.DE: "Leere Vorlage (deutsch)", Language.EN: "Blank template (German)"},
    "goals.template_en": {Language.DE: "Leere Vorlage (englisch)", Language.EN: "Blank template (English)"},
    "goals.manage": {Language.DE: "Ziele verwalten", Language.EN: "Manage goals"},
    "goals.scope": {Language.DE: "Umfang", Language.EN: "Scope"},
    "goals.chart": {Language.DE: "Verlauf", Language.EN: "Path"},
    "channels.title": {Language.DE: "Kanäle", Language.EN: "Channels"},
    "channels.kpi": {Language.DE: "Kennzahl", Language.EN: "KPI"},
    "channels.accounts": {Language.DE: "Konten im Zeitraum", Language.EN: "Accounts in the period"},
    "channels.followers": {Language.DE: "Follower-Entwicklung", Language.EN: "Follower development"},
    "channels.engagement_rate": {Language.DE: "Interaktionsrate", Language.EN: "Engagement rate"},
    "channels.fact_sheet": {Language.DE: "Steckbrief", Language.EN: "Fact sheet"},
    "channels.no_data": {Language.DE: "Keine Daten für diese Auswahl.", Language.EN: "No data for this selection."},
    "content.title": {Language.DE: "Inhalte", Language.EN: "Content"},
    "content.search": {Language.DE: "Suche im Text", Language.EN: "Search the text"},
    "content.format": {Language.DE: "Format", Language.EN: "Format"},
    "content.tag": {Language.DE: "Thema", Language.EN: "Topic"},
    "content.posts": {Language.DE: "Beiträge", Language.EN: "Posts"},
    "content.top": {Language.DE: "Top-Beiträge", Language.EN: "Top posts"},
    "content.flop": {Language.DE: "Flop-Beiträge", Language.EN: "Flop posts"},
    "content.by_format": {Language.DE: "Nach Format", Language.EN: "By format"},
    "content.by_tag": {Language.DE: "Nach Thema", Language.EN: "By topic"},
    "content.when": {Language.DE: "Wann Beiträge wirken", Language.EN: "When posts perform"},
    "content.rank_by": {Language.DE: "Rangfolge nach", Language.EN: "Rank by"},
    "content.none": {Language.DE: "Keine Beiträge in dieser Auswahl.", Language.EN: "No posts in this selection."},
    "content.engagements_per_post": {Language.DE: "Interaktionen je Beitrag", Language.EN: "Engagements per post"},
    "col.date": {Language.DE: "Datum", Language.EN: "Date"},
    "col.text": {Language.DE: "Text", Language.EN: "Text"},
    "col.link": {Language.DE: "Link", Language.EN: "Link"},
    # --- texts: B headers and column variants (add new keys of this area below this line) ---
    "col.tags": {Language.DE: "Themen", Language.EN: "Topics"},
    "col.departments": {Language.DE: "Abteilungen", Language.EN: "Departments"},
    "col.format": {Language.DE: "Format", Language.EN: "Format"},
    "data.mapping": {Language.DE: "Konten und Abteilungen", Language.EN: "Accounts and departments"},
    "data.mapping_help": {
        Language.DE: "Die Zuordnung kommt aus der Ziele-Arbeitsmappe (Blatt Konten). Konten ohne Abteilung zählen in Abteilungsansichten nicht mit.",
        Language.EN: "The mapping comes from the goals workbook (sheet accounts). Accounts without a department do not count in department views.",
    },
    "col.label": {Language.DE: "Bezeichnung", Language.EN: "Label"},
    "col.department": {Language.DE: "Abteilung", Language.EN: "Department"},
    "report.title": {Language.DE: "Social Media Management-Review", Language.EN: "Social media management review"},
    "report.subtitle": {Language.DE: "{period} · Stand {date}", Language.EN: "{period} · as of {date}"},
    "report.summary": {Language.DE: "Zusammenfassung: Ziele und Status", Language.EN: "Executive summary: objectives and status"},
    "report.department": {Language.DE: "{department}: Ziele und Schlüsselergebnisse", Language.EN: "{department}: objectives and key results"},
    "report.kpis": {Language.DE: "KPI-Überblick", Language.EN: "KPI overview"},
    "report.trend": {Language.DE: "Impressionen je Woche und Plattform", Language.EN: "Impressions per week and platform"},
    "report.status_chart": {Language.DE: "Status der Schlüsselergebnisse je Abteilung", Language.EN: "Key result status by department"},
    # --- texts: I editorial plan, campaigns, events (add new keys of this area below this line) ---
    "plan.hootsuite_headerless": {
        Language.DE: "Die Datei sieht aus wie eine Hootsuite-Massenplanung ohne Kopfzeile (erste Zelle '{value}'); sie nennt keinen Kanal. "
        "Fügen Sie eine Kopfzeile ein (Datum;Text;Link;Kanal) und eine Spalte Kanal, oder nutzen Sie die Vorlage.",
        Language.EN: "The file looks like a Hootsuite bulk schedule without a header row (first cell '{value}'); it names no channel. "
        "Add a header row (Date,Message,Link,Channel) with a Channel column, or use the template.",
    },
    "plan.benchmark_title": {Language.DE: "{kpi} je Kalenderwoche mit eigenem Richtwert", Language.EN: "{kpi} per ISO week with the own benchmark"},
    "plan.col.week": {Language.DE: "KW", Language.EN: "Week"},
    "plan.col.planned": {Language.DE: "Geplant", Language.EN: "Planned"},
    "plan.col.published": {Language.DE: "Erschienen", Language.EN: "Published"},
    "plan.col.unplanned": {Language.DE: "Ungeplant", Language.EN: "Unplanned"},
    "plan.col.missed_topics": {Language.DE: "Meistverpasste Themen", Language.EN: "Most-missed topics"},
    "plan.col.campaign": {Language.DE: "Kampagne", Language.EN: "Campaign"},
    "plan.col.posts": {Language.DE: "Beiträge", Language.EN: "Posts"},
    "plan.col.carrying": {Language.DE: "Mit Kernbotschaft", Language.EN: "Carrying a key message"},
    "plan.col.share": {Language.DE: "Kernbotschafts-Anteil", Language.EN: "Key-message share"},
    "plan.col.from": {Language.DE: "Von", Language.EN: "From"},
    "plan.col.to": {Language.DE: "Bis", Language.EN: "To"},
    "plan.col.title": {Language.DE: "Titel", Language.EN: "Title"},
    "plan.col.channels": {Language.DE: "Kanäle", Language.EN: "Channels"},
    "plan.all_channels": {Language.DE: "alle", Language.EN: "all"},
    "plan.no_department": {Language.DE: "ohne Plan", Language.EN: "without plan item"},
    "plan.pack_title": {Language.DE: "Redaktionsplan Soll/Ist", Language.EN: "Editorial plan: planned vs published"},
    "plan.pack_campaigns": {Language.DE: "Kampagnen: Kernbotschafts-Anteil je Abteilung", Language.EN: "Campaigns: key-message share per department"},
    "plan.pack_total": {
        Language.DE: "Gesamt: {matched}/{planned} erschienen, {unplanned}/{posts} ungeplant",
        Language.EN: "Total: {matched}/{planned} published, {unplanned}/{posts} unplanned",
    },
    "page.plan": {Language.DE: "Redaktionsplan", Language.EN: "Editorial plan"},
    "plan.title": {Language.DE: "Redaktionsplan: Soll und Ist", Language.EN: "Editorial plan: planned and published"},
    "plan.intro": {
        Language.DE: "Was geplant war, was erschien, was fehlte und was ungeplant dazukam – je Kanal, Woche und Abteilung.",
        Language.EN: "What was planned, what was published, what was missed and what came unplanned – per channel, week and department.",
    },
    "plan.tab.overview": {Language.DE: "Soll/Ist", Language.EN: "Planned vs published"},
    "plan.tab.edit": {Language.DE: "Plan bearbeiten", Language.EN: "Edit the plan"},
    "plan.tab.upload": {Language.DE: "Hochladen und Vorlagen", Language.EN: "Upload and templates"},
    "plan.tab.campaigns": {Language.DE: "Kampagnen und Ereignisse", Language.EN: "Campaigns and events"},
    "plan.empty": {
        Language.DE: "Noch kein Redaktionsplan gespeichert. Laden Sie einen im Reiter 'Hochladen und Vorlagen' hoch.",
        Language.EN: "No editorial plan stored yet. Upload one in the tab 'Upload and templates'.",
    },
    "plan.window": {Language.DE: "Zeitraum", Language.EN: "Window"},
    "plan.counts": {
        Language.DE: "{matched} von {planned} geplanten Beiträgen erschienen; {unplanned} von {posts} Beiträgen waren ungeplant.",
        Language.EN: "{matched} of {planned} planned posts were published; {unplanned} of {posts} posts were unplanned.",
    },
    "plan.grid": {
        Language.DE: "Soll/Ist je Kanal und Kalenderwoche (erschienen/geplant, +ungeplant)",
        Language.EN: "Planned vs published per channel and ISO week (published/planned, +unplanned)",
    },
    "plan.fulfilment": {Language.DE: "Planerfüllung", Language.EN: "Plan fulfilment"},
    "plan.misses": {Language.DE: "Nicht erschienen", Language.EN: "Missed"},
    "plan.unplanned": {Language.DE: "Ungeplant erschienen", Language.EN: "Published unplanned"},
    "plan.departments": {Language.DE: "Planerfüllung je Abteilung", Language.EN: "Plan fulfilment per department"},
    "plan.campaigns": {Language.DE: "Kampagnen", Language.EN: "Campaigns"},
    "plan.no_campaigns": {Language.DE: "Keine Kampagne im Zeitraum.", Language.EN: "No campaign in the window."},
    "plan.one_voice": {
        Language.DE: "Eine Stimme: Anteil der Beiträge je Abteilung, die eine Kernbotschaft oder einen Hashtag der Kampagne tragen (leer: Beiträge ohne Plan).",
        Language.EN: "One voice: share of each department's posts that carry a key message or hashtag of the campaign (blank: posts without a plan item).",
    },
    "plan.save_edits": {Language.DE: "Änderungen speichern", Language.EN: "Save changes"},
    "plan.decide": {Language.DE: "Zuordnung bestätigen oder ändern", Language.EN: "Confirm or change a match"},
    "plan.item": {Language.DE: "Geplanter Beitrag", Language.EN: "Planned item"},
    "plan.current_match": {Language.DE: "Zugeordnet: {post}", Language.EN: "Matched: {post}"},
    "plan.choose_post": {Language.DE: "Beitrag", Language.EN: "Post"},
    "plan.choice.auto": {Language.DE: "automatisch zuordnen", Language.EN: "match automatically"},
    "plan.choice.none": {Language.DE: "kein Beitrag (nicht erschienen)", Language.EN: "no post (not published)"},
    "plan.decide_save": {Language.DE: "Zuordnung speichern", Language.EN: "Save the match"},
    "plan.uploader": {Language.DE: "Redaktionsplan (.xlsx oder .csv)", Language.EN: "Editorial plan (.xlsx or .csv)"},
    "plan.store": {Language.DE: "Plan speichern", Language.EN: "Store the plan"},
    "plan.failed": {
        Language.DE: "Der Plan wurde nicht gespeichert. Korrigieren Sie die genannten Zellen und laden Sie ihn erneut hoch.",
        Language.EN: "The plan was not stored. Correct the cells listed and upload it again.",
    },
    "plan.duplicate": {
        Language.DE: "Diese Datei ist bereits als Planversion {id} gespeichert; nichts geändert.",
        Language.EN: "This file is already stored as plan version {id}; nothing changed.",
    },
    "plan.stored": {
        Language.DE: "{items} geplante Beiträge vom {first} bis {last} gespeichert; sie ersetzen ältere Planstände für diese Tage.",
        Language.EN: "{items} planned posts from {first} to {last} stored; they replace older plan versions for these days.",
    },
    "plan.templates": {Language.DE: "Leere Vorlagen", Language.EN: "Blank templates"},
    "plan.template_de": {Language.DE: "Vorlage Deutsch (.xlsx)", Language.EN: "Template German (.xlsx)"},
    "plan.template_en": {Language.DE: "Vorlage Englisch (.xlsx)", Language.EN: "Template English (.xlsx)"},
    "plan.history": {Language.DE: "Planversionen", Language.EN: "Plan versions"},
    "plan.undo_pick": {Language.DE: "Planversion", Language.EN: "Plan version"},
    "plan.undo": {Language.DE: "Planversion rückgängig machen", Language.EN: "Undo the plan version"},
    "plan.campaign_name": {Language.DE: "Name der Kampagne", Language.EN: "Campaign name"},
    "plan.campaign_period": {Language.DE: "Zeitraum der Kampagne", Language.EN: "Campaign period"},
    "plan.campaign_messages": {Language.DE: "Kernbotschaften (durch Komma getrennt)", Language.EN: "Key messages (comma-separated)"},
    "plan.campaign_tags": {Language.DE: "Hashtags der Kampagne", Language.EN: "Campaign hashtags"},
    "plan.campaign_add": {Language.DE: "Kampagne anlegen", Language.EN: "Add the campaign"},
    "plan.events": {Language.DE: "Ereignisse", Language.EN: "Events"},
    "plan.event_title": {Language.DE: "Titel (bis 60 Zeichen)", Language.EN: "Title (up to 60 characters)"},
    "plan.event_days": {Language.DE: "Datum oder Zeitraum", Language.EN: "Date or range"},
    "plan.event_description": {Language.DE: "Beschreibung", Language.EN: "Description"},
    "plan.event_category": {Language.DE: "Kategorie", Language.EN: "Category"},
    "plan.event_department": {Language.DE: "Abteilung", Language.EN: "Department"},
    "plan.event_channels": {Language.DE: "Kanäle (leer: alle)", Language.EN: "Channels (blank: all)"},
    "plan.event_colour": {Language.DE: "Farbe", Language.EN: "Colour"},
    "plan.event_add": {Language.DE: "Ereignis anlegen", Language.EN: "Add the event"},
    "plan.events_upload": {Language.DE: "Ereignisse als CSV oder .xlsx importieren", Language.EN: "Import events as CSV or .xlsx"},
    "plan.events_import": {Language.DE: "Ereignisse importieren", Language.EN: "Import the events"},
    "plan.event_remove_pick": {Language.DE: "Ereignis", Language.EN: "Event"},
    "plan.event_remove": {Language.DE: "Ereignis löschen", Language.EN: "Delete the event"},
    "plan.benchmark": {
        Language.DE: "Eigener Richtwert: Median der letzten {weeks} Wochen (letzte Woche {deviation})",
        Language.EN: "Own benchmark: median of the previous {weeks} weeks (last week {deviation})",
    },
    "plan.benchmark_missing": {
        Language.DE: "Kein eigener Richtwert: erst {weeks} Wochen Verlauf, nötig sind {minimum}.",
        Language.EN: "No own benchmark: only {weeks} weeks of history, {minimum} are needed.",
    },
    "events.no_header": {
        Language.DE: "Die Datei hat keine Kopfzeile einer Ereignisliste. Nötig sind die Spalten Datum und Titel (optional: Bis, Beschreibung, "
        "Kategorie, Abteilung, Kanäle, Farbe).",
        Language.EN: "The file has no header row of an event list. The columns Date and Title are needed (optional: To, Description, "
        "Category, Department, Channels, Colour).",
    },
    "events.missing_column": {
        Language.DE: "Die Spalte {column} fehlt. Ergänzen Sie sie und laden Sie die Ereignisse erneut hoch.",
        Language.EN: "The column {column} is missing. Add it and upload the events again.",
    },
    "events.title_missing": {Language.DE: "Das Ereignis hat keinen Titel. Tragen Sie einen ein.", Language.EN: "The event has no title. Enter one."},
    "events.title_long": {
        Language.DE: "Der Titel ist länger als 60 Zeichen ('{value}'). Kürzen Sie ihn; Details gehören in die Beschreibung.",
        Language.EN: "The title is longer than 60 characters ('{value}'). Shorten it; details go into the description.",
    },
    "events.end_before_start": {
        Language.DE: "Das Ende '{value}' liegt vor dem Beginn. Tauschen Sie die Daten.",
        Language.EN: "The end '{value}' is before the start. Swap the dates.",
    },
    "events.colour": {
        Language.DE: "Die Farbe '{value}' ist kein Farbcode wie #1f77b4. Tragen Sie einen ein oder lassen Sie die Zelle leer.",
        Language.EN: "The colour '{value}' is not a colour code such as #1f77b4. Enter one or leave the cell empty.",
    },
    "plan.no_header": {
        Language.DE: "Kein Blatt der Datei hat eine Kopfzeile eines Redaktionsplans (gefunden: {headers}). Nötig sind mindestens die Spalten "
        "Datum und Kanal; laden Sie die Vorlage herunter und übernehmen Sie deren Spaltennamen.",
        Language.EN: "No sheet of the file has the header row of an editorial plan (found: {headers}). At least the columns Date and Channel "
        "are needed; download the template and use its column names.",
    },
    "plan.no_rows": {Language.DE: "Der Plan enthält keine Zeilen unter der Kopfzeile.", Language.EN: "The plan has no rows below its header row."},
    "plan.missing_column": {
        Language.DE: "Die Spalte {column} fehlt in der Kopfzeile. Ergänzen Sie sie (siehe Vorlage) und laden Sie den Plan erneut hoch.",
        Language.EN: "The column {column} is missing from the header row. Add it (see the template) and upload the plan again.",
    },
    "plan.date_missing": {
        Language.DE: "Die Zeile hat kein Datum. Tragen Sie das geplante Datum ein (TT.MM.JJJJ oder JJJJ-MM-TT) oder löschen Sie die Zeile.",
        Language.EN: "The row has no date. Enter the planned date (YYYY-MM-DD or DD.MM.YYYY) or delete the row.",
    },
    "plan.date_unknown": {
        Language.DE: "Das Datum '{value}' ist nicht lesbar oder gibt es nicht. Schreiben Sie es als TT.MM.JJJJ oder JJJJ-MM-TT.",
        Language.EN: "The date '{value}' cannot be read or does not exist. Write it as YYYY-MM-DD or DD.MM.YYYY.",
    },
    "plan.channel_unknown": {
        Language.DE: "Der Kanal '{value}' ist unbekannt. Schreiben Sie einen von: {known}.",
        Language.EN: "The channel '{value}' is unknown. Write one of: {known}.",
    },
    "plan.time_unknown": {
        Language.DE: "Die Uhrzeit '{value}' ist nicht lesbar. Schreiben Sie sie als HH:MM (z. B. 09:30) oder lassen Sie die Zelle leer.",
        Language.EN: "The time '{value}' cannot be read. Write it as HH:MM (e.g. 09:30) or leave the cell empty.",
    },
    "plan.zip": {
        Language.DE: "Ein Plan ist eine einzelne .xlsx- oder .csv-Datei, kein ZIP-Archiv. Entpacken Sie das Archiv und laden Sie den Plan einzeln hoch.",
        Language.EN: "A plan is a single .xlsx or .csv file, not a ZIP archive. Unpack the archive and upload the plan on its own.",
    },
    "plan.unexpected": {
        Language.DE: "Unerwarteter Fehler beim Lesen des Plans ({error}). Bitte melden Sie ihn mit der Datei.",
        Language.EN: "Unexpected error while reading the plan ({error}). Please report it with the file.",
    },
    "report.top_posts": {Language.DE: "Top-Beiträge", Language.EN: "Top posts"},
    "report.review": {Language.DE: "Kommentare, Entscheidungen und Maßnahmen", Language.EN: "Commentary, decisions and actions"},
    "report.decisions": {Language.DE: "Entscheidungen", Language.EN: "Decisions"},
    "report.actions": {Language.DE: "Maßnahmen", Language.EN: "Actions"},
    "report.open_actions": {Language.DE: "Offene Maßnahmen aus früheren Reviews", Language.EN: "Open actions from earlier reviews"},
    "report.comments": {Language.DE: "Kommentare", Language.EN: "Commentary"},
    "report.none": {Language.DE: "–", Language.EN: "–"},
    "report.trend_weeks": {
        Language.DE: "Impressionen je Kalenderwoche und Plattform (volle Wochen)",
        Language.EN: "Impressions per calendar week and platform (full weeks)",
    },
    "report.week": {Language.DE: "KW {week}", Language.EN: "W{week}"},
    "report.reason.forecast": {Language.DE: "{kr}: Prognose {forecast} bei Ziel {target}", Language.EN: "{kr}: forecast {forecast} against target {target}"},
    "report.reason.behind": {Language.DE: "{kr}: Ist {actual}, Soll heute {expected}", Language.EN: "{kr}: actual {actual}, expected by now {expected}"},
    "report.reason.no_data": {Language.DE: "{kr}: keine Daten", Language.EN: "{kr}: no data"},
    "report.reason.fine": {Language.DE: "alle Schlüsselergebnisse im Plan", Language.EN: "all key results on plan"},
    "col.reason": {Language.DE: "Warum", Language.EN: "Why"},
    "goals.baseline_short": {Language.DE: "Basis", Language.EN: "Baseline"},
    "chart.plan": {Language.DE: "Soll-Pfad", Language.EN: "Target path"},
    # --- texts: A dates, numbers, placeholders (add new keys of this area below this line) ---
    "chart.actual": {Language.DE: "Ist", Language.EN: "Actual"},
    "chart.forecast": {Language.DE: "Prognose", Language.EN: "Forecast"},
    "chart.target": {Language.DE: "Ziel", Language.EN: "Target"},
    "chart.hour_utc": {Language.DE: "Uhrzeit (UTC)", Language.EN: "Hour (UTC)"},
    "platform.linkedin": {Language.DE: "LinkedIn", Language.EN: "LinkedIn"},
    "platform.facebook": {Language.DE: "Facebook", Language.EN: "Facebook"},
    "platform.instagram": {Language.DE: "Instagram", Language.EN: "Instagram"},
    "platform.x": {Language.DE: "X", Language.EN: "X"},
    "platform.youtube": {Language.DE: "YouTube", Language.EN: "YouTube"},
    "platform.tiktok": {Language.DE: "TikTok", Language.EN: "TikTok"},
    "platform.other": {Language.DE: "Sonstige", Language.EN: "Other"},
    "col.objective": {Language.DE: "Ziel", Language.EN: "Objective"},
    "col.score": {Language.DE: "Fortschritt", Language.EN: "Progress"},
    "col.previous": {Language.DE: "Vorperiode", Language.EN: "Previous period"},
    "col.last_year": {Language.DE: "Vorjahr", Language.EN: "Last year"},
    "col.change_previous": {Language.DE: "Δ Vorperiode", Language.EN: "Δ previous"},
    "col.change_last_year": {Language.DE: "Δ Vorjahr", Language.EN: "Δ last year"},
    "col.owner": {Language.DE: "Verantwortlich", Language.EN: "Owner"},
    "col.due": {Language.DE: "Fällig", Language.EN: "Due"},
    "col.action": {Language.DE: "Maßnahme", Language.EN: "Action"},
    "col.done": {Language.DE: "Erledigt", Language.EN: "Done"},
    "col.key_result": {Language.DE: "Schlüsselergebnis", Language.EN: "Key result"},
    "col.actual": {Language.DE: "Ist", Language.EN: "Actual"},
    "col.target": {Language.DE: "Zielwert", Language.EN: "Target"},
    "col.expected": {Language.DE: "Soll", Language.EN: "Expected"},
    "col.forecast": {Language.DE: "Prognose", Language.EN: "Forecast"},
    "col.engagements": {Language.DE: "Interaktionen", Language.EN: "Engagements"},
    "col.impressions": {Language.DE: "Impressionen", Language.EN: "Impressions"},
    "col.engagement_rate": {Language.DE: "Interaktionsrate", Language.EN: "Engagement rate"},
    "col.comment": {Language.DE: "Kommentar", Language.EN: "Comment"},
    "col.published": {Language.DE: "Veröffentlicht", Language.EN: "Published"},
    "review.title": {Language.DE: "Management-Review", Language.EN: "Management review"},
    "review.held_on": {Language.DE: "Datum der Sitzung", Language.EN: "Meeting date"},
    "review.period": {Language.DE: "Berichtszeitraum", Language.EN: "Reporting period"},
    "review.summary": {Language.DE: "Kernaussage für die Geschäftsführung", Language.EN: "Key message for management"},
    "review.comments": {Language.DE: "Kommentare zu den Schlüsselergebnissen", Language.EN: "Comments on the key results"},
    "review.decisions": {Language.DE: "Entscheidungen (eine je Zeile)", Language.EN: "Decisions (one per line)"},
    "review.actions": {Language.DE: "Maßnahmen", Language.EN: "Actions"},
    "review.save": {Language.DE: "Review speichern", Language.EN: "Save review"},
    "review.saved": {Language.DE: "Review {id} gespeichert.", Language.EN: "Review {id} saved."},
    "review.downloads": {Language.DE: "Pack herunterladen", Language.EN: "Download the pack"},
    "review.build": {Language.DE: "Pack erstellen", Language.EN: "Build the pack"},
    "review.building": {Language.DE: "Erstelle {format} …", Language.EN: "Building {format} …"},
    "review.template": {Language.DE: "Eigene PowerPoint-Vorlage (optional, .pptx/.potx)", Language.EN: "Own PowerPoint template (optional, .pptx/.potx)"},
    "review.preview": {Language.DE: "Vorschau", Language.EN: "Preview"},
    "review.open": {Language.DE: "Offene Maßnahmen aus früheren Reviews", Language.EN: "Open actions from earlier reviews"},
    "review.no_goals": {Language.DE: "Für das Pack braucht es Ziele (Seite Ziele).", Language.EN: "The pack needs goals (Goals page)."},
    "review.period_help": {
        Language.DE: "Zum Beispiel 2026-Q4, 2026-11, 2026, KW 47/2026 oder 01.10.2026..30.11.2026 als 2026-10-01..2026-11-30.",
        Language.EN: "For example 2026-Q4, 2026-11, 2026, 2026-W47 or 2026-10-01..2026-11-30.",
    },
    "review.meeting": {Language.DE: "Sitzung", Language.EN: "Meeting"},
    "review.existing": {
        Language.DE: "Zuletzt gespeichert: Review vom {date}. Speichern legt eine neue Fassung an; das Pack nimmt die neueste.",
        Language.EN: "Last saved: the review of {date}. Saving stores a new version; the pack uses the newest.",
    },
    "review.pack": {Language.DE: "Review-Pack", Language.EN: "Review pack"},
    "review.pack_help": {
        Language.DE: "Das Pack enthält das zuletzt gespeicherte Review dieses Zeitraums und die offenen Maßnahmen früherer Sitzungen.",
        Language.EN: "The pack holds the last saved review of this period and the open actions of earlier meetings.",
    },
    "review.built": {Language.DE: "Pack für {period} erstellt ({seconds} s).", Language.EN: "Pack for {period} built ({seconds} s)."},
    "review.no_open": {Language.DE: "Keine offenen Maßnahmen.", Language.EN: "No open actions."},
    "review.done_saved": {Language.DE: "{count} Maßnahme(n) als erledigt markiert.", Language.EN: "{count} action(s) marked done."},
    "review.mark_done": {Language.DE: "Erledigte übernehmen", Language.EN: "Save done actions"},
    "review.template_error": {Language.DE: "Die Vorlage ist nicht nutzbar: {error}", Language.EN: "The template cannot be used: {error}"},
}


def platform_name(platform: object, language: Language) -> str:
    """How a platform is written for people (LinkedIn, YouTube, X), not its stored key; anything
    else (an account as a chart series) stays as it is."""
    key = f"platform.{platform}"
    return translate(key, language) if key in TEXTS else str(platform)


def translate(key: str, language: Language, **values: object) -> str:
    """The text for ``key`` in ``language``; a missing key shows itself so it is noticed."""
    text = TEXTS.get(key, {}).get(language) or TEXTS.get(key, {}).get(Language.EN) or key
    return text.format(**values) if values else text
