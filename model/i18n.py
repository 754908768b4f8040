"""Texts in German and English, in one place, for the pages, the review pack, the command line and import messages.

German is the default.

Widgets carry stable values (enum members, ids) and show these labels through ``format_func``;
a label never drives logic.
"""

from __future__ import annotations

from enum import StrEnum

from model.canonical import METRICS


class Language(StrEnum):
    DE = "de"
    EN = "en"


LANGUAGE_NAMES = {Language.DE: "Deutsch", Language.EN: "English"}

TEXTS: dict[str, dict[Language, str]] = {
    "app.title": {Language.DE: "Resonanz", Language.EN: "Resonanz"},
    # --- texts: E demo and misc (add new keys of this area below this line) ---
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
    "export.facebook_posts": {Language.DE: "Facebook-Beiträge", Language.EN: "Facebook posts"},
    "export.instagram_posts": {Language.DE: "Instagram-Beiträge", Language.EN: "Instagram posts"},
    "export.meta_overview": {Language.DE: "Meta-Übersicht", Language.EN: "Meta overview"},
    "export.meta_overview_metric": {Language.DE: "Meta-Übersicht: {metric}", Language.EN: "Meta overview: {metric}"},
    "export.meta_audience": {Language.DE: "Meta-Zielgruppe", Language.EN: "Meta audience"},
    "export.facebook_insights_posts": {Language.DE: "Facebook Insights (alt): Beiträge", Language.EN: "Facebook Insights (legacy): posts"},
    "export.facebook_insights_videos": {Language.DE: "Facebook Insights (alt): Videos", Language.EN: "Facebook Insights (legacy): videos"},
    "export.facebook_insights_page": {Language.DE: "Facebook Insights (alt): Seite", Language.EN: "Facebook Insights (legacy): page"},
    "export.linkedin_content_metrics": {Language.DE: "LinkedIn-Inhalte: Kennzahlen je Tag", Language.EN: "LinkedIn content: daily metrics"},
    "export.linkedin_content_posts": {Language.DE: "LinkedIn-Inhalte: Beiträge", Language.EN: "LinkedIn content: posts"},
    "export.linkedin_followers": {Language.DE: "LinkedIn-Follower", Language.EN: "LinkedIn followers"},
    "export.linkedin_visitors": {Language.DE: "LinkedIn-Besucher", Language.EN: "LinkedIn visitors"},
    "export.linkedin_demographics": {Language.DE: "LinkedIn-Zielgruppe", Language.EN: "LinkedIn demographics"},
    "export.linkedin_competitors": {Language.DE: "LinkedIn-Wettbewerber", Language.EN: "LinkedIn competitors"},
    "export.tiktok_overview": {Language.DE: "TikTok-Übersicht", Language.EN: "TikTok overview"},
    "export.tiktok_content": {Language.DE: "TikTok-Inhalte", Language.EN: "TikTok content"},
    "export.tiktok_viewers": {Language.DE: "TikTok-Zuschauer", Language.EN: "TikTok viewers"},
    "export.tiktok_follower_history": {Language.DE: "TikTok-Follower-Verlauf", Language.EN: "TikTok follower history"},
    "export.tiktok_follower_activity": {Language.DE: "TikTok-Follower-Aktivität", Language.EN: "TikTok follower activity"},
    "export.tiktok_follower_gender": {Language.DE: "TikTok-Follower nach Geschlecht", Language.EN: "TikTok followers by gender"},
    "export.tiktok_follower_territories": {Language.DE: "TikTok-Follower nach Land", Language.EN: "TikTok followers by territory"},
    "export.generic_daily": {Language.DE: "Resonanz-Vorlage: Tageswerte", Language.EN: "Resonanz template: daily values"},
    "export.generic_posts": {Language.DE: "Resonanz-Vorlage: Beiträge", Language.EN: "Resonanz template: posts"},
    "export.x_tweet_activity": {Language.DE: "X-Tweet-Aktivität (alt)", Language.EN: "X tweet activity (legacy)"},
    "export.x_daily_tweet_activity": {Language.DE: "X-Tagesaktivität (alt)", Language.EN: "X daily activity (legacy)"},
    "export.x_account_analytics_content": {Language.DE: "X-Kontoanalyse: Inhalte", Language.EN: "X account analytics: content"},
    "export.x_account_overview": {Language.DE: "X-Kontoanalyse: Übersicht", Language.EN: "X account analytics: overview"},
    "export.youtube_table_videos": {Language.DE: "YouTube Studio: Videos", Language.EN: "YouTube Studio: videos"},
    "export.youtube_totals": {Language.DE: "YouTube Studio: Summen je Tag", Language.EN: "YouTube Studio: daily totals"},
    "export.youtube_chart": {Language.DE: "YouTube Studio: Diagrammdaten", Language.EN: "YouTube Studio: chart data"},
    "export.youtube_table_audience": {Language.DE: "YouTube Studio: Zielgruppe", Language.EN: "YouTube Studio: audience"},
    "chart.hour_local": {Language.DE: "Uhrzeit ({zone})", Language.EN: "Hour ({zone})"},
    "content.untimed": {
        Language.DE: "{count} Beiträge ohne Uhrzeit (Exporte, die nur das Datum nennen) fehlen in dieser Übersicht.",
        Language.EN: "{count} posts without a time of day (exports that give the date only) are left out of this chart.",
    },
    "content.times_in": {Language.DE: "Zeiten in {zone}.", Language.EN: "Times in {zone}."},
    "col.time": {Language.DE: "Uhrzeit", Language.EN: "Time"},
    "content.no_format": {Language.DE: "ohne Formatangabe", Language.EN: "no format given"},
    "cockpit.progress": {Language.DE: "Ziele: Fortschritt", Language.EN: "Goals: progress"},
    "channels.from_posts": {
        Language.DE: "◆ = aus Beitragswerten: Für diese Plattform gibt es keine Tageswerte; ein Punkt ist die Summe der Lebenszeitwerte der an diesem Tag veröffentlichten Beiträge.",
        Language.EN: "◆ = from post figures: this platform has no daily figures; a point is the sum of the lifetime figures of the posts published that day.",
    },
    "cockpit.progress_help": {
        Language.DE: "Je Schlüsselergebnis: Balken = Ist in % des Zielwerts, Strich = Soll heute, Ende der Skala = Ziel (100 %). Farbe = Status.",
        Language.EN: "Per key result: bar = actual as % of the target, tick = expected by now, end of the scale = target (100%). Colour = status.",
    },
    "chart.expected_now": {Language.DE: "Soll heute", Language.EN: "Expected by now"},
    "chart.of_target": {Language.DE: "% des Ziels", Language.EN: "% of target"},
    "chart.budget_used": {Language.DE: "Budget verbraucht", Language.EN: "budget used"},
    "chart.no_data": {Language.DE: "keine Daten", Language.EN: "no data"},
    "marker.non_additive": {
        Language.DE: "Σ Summe nicht additiver Werte: Personen, die an mehreren Tagen oder über mehrere Konten erreicht wurden, zählen mehrfach (keine Unique-Personen).",
        Language.EN: "Σ Sum of non-additive figures: people reached on several days or via several accounts count more than once (not unique people).",
    },
    "marker.from_posts": {
        Language.DE: "◆ Aus Beitragswerten: Für {accounts} gibt es keine Tageswerte; es zählen die Lebenszeitwerte der im Zeitraum veröffentlichten Beiträge.",
        Language.EN: "◆ From post figures: {accounts} have no daily figures; the lifetime figures of the posts published in the period count.",
    },
    "marker.legend": {
        Language.DE: "Σ = Summe nicht additiver Werte · ◆ = aus Beitragswerten (Details im ?-Symbol der Kachel)",
        Language.EN: "Σ = sum of non-additive figures · ◆ = from post figures (details in the tile's ? icon)",
    },
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


def export_name(report: object, language: Language) -> str:
    """How an export type is written for people ("Instagram-Beiträge"), not its stored key
    ("instagram_posts"); several sheets' types joined by "+" are named each. An unknown key is
    written with spaces and its platform's name rather than as a raw id."""
    if report is None or report != report or str(report) == "":
        return "–"
    names = []
    for part in str(report).split("+"):
        if f"export.{part}" in TEXTS:
            names.append(translate(f"export.{part}", language))
        elif part.startswith("meta_overview_"):
            metric = part.removeprefix("meta_overview_")
            names.append(translate("export.meta_overview_metric", language, metric=_metric_label(metric, language)))
        else:
            platform, _, rest = part.partition("_")
            names.append(f"{platform_name(platform, language)} {rest.replace('_', ' ')}".strip())
    return " + ".join(names)


def _metric_label(name: str, language: Language) -> str:
    found = next((m for m in METRICS if m.name == name), None)
    return (found.label_de if language is Language.DE else found.label_en) if found else name.replace("_", " ")


def translate(key: str, language: Language, **values: object) -> str:
    """The text for ``key`` in ``language``; a missing key shows itself so it is noticed."""
    text = TEXTS.get(key, {}).get(language) or TEXTS.get(key, {}).get(Language.EN) or key
    return text.format(**values) if values else text
