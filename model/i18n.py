"""Texts in German and English, in one place, for the pages, the review pack, the command line and import messages.

German is the default.

Widgets carry stable values (enum members, ids) and show these labels through ``format_func``;
a label never drives logic.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from model.canonical import METRICS


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
    "data.reading": {Language.DE: "Lese die Dateien … ({number} von {total} gelesen)", Language.EN: "Reading the files … ({number} of {total} read)"},
    "data.refreshing": {
        Language.DE: "Gespeichert. Die Kennzahlen werden mit den neuen Daten berechnet …",
        Language.EN: "Stored. The figures are being computed with the new data …",
    },
    "data.storing_start": {Language.DE: "Speichere …", Language.EN: "Storing …"},
    "progress.elapsed": {Language.DE: "{seconds} s", Language.EN: "{seconds} s"},
    "data.storing": {Language.DE: "Speichere {file} ({number} von {total}) …", Language.EN: "Storing {file} ({number} of {total}) …"},
    # --- texts: H pages (add new keys of this area below this line) ---
    "col.progress_text": {Language.DE: "Fortschritt / Budget", Language.EN: "Progress / budget"},
    "kr.not_started": {Language.DE: "Der Zeitraum hat noch nicht begonnen.", Language.EN: "The period has not started."},
    "data.freshness": {Language.DE: "Datenstand je Konto", Language.EN: "Data per account"},
    "data.freshness_help": {
        Language.DE: "Der letzte Tag mit Daten je Konto. Konten, deren letzter Export älter als {days} Tage ist, sind als veraltet markiert: Laden Sie ihren neuesten Export hoch.",
        Language.EN: "The last day with data per account. Accounts whose last export is older than {days} days are marked as outdated: upload their latest export.",
    },
    "col.last_day": {Language.DE: "Daten bis", Language.EN: "Data through"},
    "col.days_behind": {Language.DE: "Tage zurück", Language.EN: "Days behind"},
    "col.stale": {Language.DE: "Veraltet", Language.EN: "Outdated"},
    "channels.change_of": {Language.DE: "{kpi} ggü. {comparison}", Language.EN: "{kpi} vs. {comparison}"},
    "format.image": {Language.DE: "Bild", Language.EN: "Image"},
    "format.video": {Language.DE: "Video", Language.EN: "Video"},
    "format.reel": {Language.DE: "Reel", Language.EN: "Reel"},
    "format.carousel": {Language.DE: "Karussell", Language.EN: "Carousel"},
    "format.link": {Language.DE: "Link", Language.EN: "Link"},
    "format.text": {Language.DE: "Text", Language.EN: "Text"},
    "format.document": {Language.DE: "Dokument", Language.EN: "Document"},
    "format.article": {Language.DE: "Artikel", Language.EN: "Article"},
    "format.poll": {Language.DE: "Umfrage", Language.EN: "Poll"},
    "format.story": {Language.DE: "Story", Language.EN: "Story"},
    "format.live": {Language.DE: "Live", Language.EN: "Live"},
    "format.short": {Language.DE: "Short", Language.EN: "Short"},
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
    "export.linkedin_creator_discovery": {Language.DE: "LinkedIn-Creator: Reichweite", Language.EN: "LinkedIn creator: discovery"},
    "export.linkedin_creator_engagement": {Language.DE: "LinkedIn-Creator: Interaktionen je Tag", Language.EN: "LinkedIn creator: daily engagement"},
    "export.linkedin_creator_top_posts": {Language.DE: "LinkedIn-Creator: Top-Beiträge", Language.EN: "LinkedIn creator: top posts"},
    "export.linkedin_creator_followers": {Language.DE: "LinkedIn-Creator: Follower", Language.EN: "LinkedIn creator: followers"},
    "export.linkedin_creator_demographics": {Language.DE: "LinkedIn-Creator: Zielgruppe", Language.EN: "LinkedIn creator: demographics"},
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
        Language.DE: "Σ = Summe nicht additiver Werte · ◆ = aus Beitragswerten · → = Follower-Stand fortgeschrieben (Details im ?-Symbol der Kachel)",
        Language.EN: "Σ = sum of non-additive figures · ◆ = from post figures · → = follower total carried forward (details in the tile's ? icon)",
    },
    "data.done": {
        # Counts without plural nouns: "1 Duplikate" read wrong, and the words stay right for any number.
        Language.DE: "{imported} importiert, {duplicate} schon vorhanden, {unsupported} nicht unterstützt, {error} fehlerhaft.",
        Language.EN: "{imported} imported, {duplicate} already there, {unsupported} unsupported, {error} failed.",
    },
    "data.results": {Language.DE: "Ergebnis je Datei", Language.EN: "Result per file"},
    "data.issues": {Language.DE: "Hinweise und Fehler", Language.EN: "Notes and errors"},
    "data.issues_in_full": {Language.DE: "Meldungen im Wortlaut ({count})", Language.EN: "Messages in full ({count})"},
    "data.issues_more": {
        Language.DE: "… und {count} weitere: Sie stehen in der Tabelle oben.",
        Language.EN: "… and {count} more: they are in the table above.",
    },
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
    # --- texts: J security, roles, audit (add new keys of this area below this line) ---
    "audit.tab": {Language.DE: "Protokoll", Language.EN: "Audit log"},
    "audit.actor": {Language.DE: "Person (E-Mail)", Language.EN: "Person (e-mail)"},
    "audit.action": {Language.DE: "Aktion", Language.EN: "Action"},
    "audit.result": {Language.DE: "Ergebnis", Language.EN: "Result"},
    "audit.col.at": {Language.DE: "Zeit ({zone})", Language.EN: "Time ({zone})"},  # the company's time zone, as every time shown
    "audit.col.role": {Language.DE: "Rolle", Language.EN: "Role"},
    "audit.col.object_type": {Language.DE: "Objekt", Language.EN: "Object"},
    "audit.col.object_id": {Language.DE: "Objekt-ID", Language.EN: "Object id"},
    "audit.col.department": {Language.DE: "Abteilung", Language.EN: "Department"},
    "audit.col.details": {Language.DE: "Details", Language.EN: "Details"},
    "audit.details.added": {Language.DE: "hinzugefügt: {items}", Language.EN: "added: {items}"},
    "audit.details.removed": {Language.DE: "entfernt: {items}", Language.EN: "removed: {items}"},
    "audit.details.changed": {Language.DE: "geändert: {items}", Language.EN: "changed: {items}"},
    "audit.details.unchanged": {Language.DE: "keine Änderung", Language.EN: "no change"},
    "audit.details.no_role": {Language.DE: "keine Rolle", Language.EN: "no role"},
    "audit.unreadable": {Language.DE: "Die Datei konnte nicht gelesen werden.", Language.EN: "The file could not be read."},
    "audit.object.goal_set": {Language.DE: "Zieldatei", Language.EN: "goals workbook"},
    "audit.object.file": {Language.DE: "Exportdatei", Language.EN: "export file"},
    "audit.object.demo": {Language.DE: "Demo-Daten", Language.EN: "demo data"},
    "audit.object.import": {Language.DE: "Import", Language.EN: "import"},
    "audit.object.mode": {Language.DE: "Anmeldung", Language.EN: "sign-in"},
    "audit.object.audit_log": {Language.DE: "Protokoll", Language.EN: "audit log"},
    "audit.object.role_assignment": {Language.DE: "Rolle", Language.EN: "role"},
    "audit.object.pack": {Language.DE: "Review-Paket", Language.EN: "review pack"},
    "audit.object.template": {Language.DE: "Vorlage", Language.EN: "template"},
    "audit.object.plan_file": {Language.DE: "Redaktionsplan", Language.EN: "editorial plan"},
    "audit.object.events_file": {Language.DE: "Ereignisdatei", Language.EN: "events file"},
    "audit.object.plan_item": {Language.DE: "Planeintrag", Language.EN: "plan item"},
    "audit.object.plan_version": {Language.DE: "Planversion", Language.EN: "plan version"},
    "audit.object.campaign": {Language.DE: "Kampagne", Language.EN: "campaign"},
    "audit.object.event": {Language.DE: "Ereignis", Language.EN: "event"},
    "audit.object.review": {Language.DE: "Review-Protokoll", Language.EN: "review minutes"},
    "audit.object.review_comment": {Language.DE: "Review-Kommentar", Language.EN: "review comment"},
    "audit.object.review_action": {Language.DE: "Review-Maßnahme", Language.EN: "review action"},
    "audit.col.reason": {Language.DE: "Grund", Language.EN: "Reason"},
    "audit.result.allowed": {Language.DE: "erlaubt", Language.EN: "allowed"},
    "audit.result.denied": {Language.DE: "abgelehnt", Language.EN: "denied"},
    "audit.result.failed": {Language.DE: "fehlgeschlagen", Language.EN: "failed"},
    "audit.result.refused": {Language.DE: "zurückgewiesen", Language.EN: "refused"},
    "audit.days": {Language.DE: "Tage (UTC)", Language.EN: "Days (UTC)"},
    "audit.all": {Language.DE: "alle", Language.EN: "all"},
    "audit.download": {Language.DE: "Protokoll als CSV ⬇", Language.EN: "Audit log as CSV ⬇"},
    "access.allowed": {Language.DE: "Erlaubt.", Language.EN: "Allowed."},
    "action.import": {Language.DE: "Import", Language.EN: "Import"},
    "action.undo_import": {Language.DE: "Import rückgängig machen", Language.EN: "Undo an import"},
    "action.goal_set": {Language.DE: "Ziele ersetzen", Language.EN: "Replace the goals"},
    "action.key_result": {Language.DE: "Schlüsselergebnisse und manuelle Werte", Language.EN: "Key results and manual values"},
    "action.account_mapping": {Language.DE: "Konten zuordnen", Language.EN: "Map accounts"},
    "action.review": {Language.DE: "Review-Protokoll", Language.EN: "Review minutes"},
    "action.plan": {Language.DE: "Redaktionsplan", Language.EN: "Editorial plan"},
    "action.pack_download": {Language.DE: "Review-Paket herunterladen", Language.EN: "Download the review pack"},
    "action.roles": {Language.DE: "Rollen verwalten", Language.EN: "Manage roles"},
    "action.audit_download": {Language.DE: "Protokoll herunterladen", Language.EN: "Download the audit log"},
    "action.settings": {Language.DE: "Einstellungen", Language.EN: "Settings"},
    "action.sign_in": {Language.DE: "Anmeldung", Language.EN: "Sign-in"},
    "access.denied_no_role": {
        Language.DE: "Kein Zugriff: Für Ihre Anmeldung ist keine Rolle hinterlegt. Eine Administratorin oder ein Administrator vergibt sie auf der Seite Daten (Rollen).",
        Language.EN: "No access: no role is set for your sign-in. An administrator assigns one on the Data page (Roles).",
    },
    "access.denied_viewer": {
        Language.DE: "Nicht erlaubt ({action}): Ihre Rolle ist Lesen. Für Änderungen braucht es die Rolle Bearbeiten für die Abteilung; eine Administratorin oder ein Administrator vergibt sie.",
        Language.EN: "Not allowed ({action}): your role is viewer. Changes need the editor role for the department; an administrator grants it.",
    },
    "access.denied_admin_only": {
        Language.DE: "Nicht erlaubt ({action}): Das betrifft alle Abteilungen und ist Administratoren vorbehalten.",
        Language.EN: "Not allowed ({action}): this concerns every department and is reserved for administrators.",
    },
    "access.denied_department": {
        Language.DE: "Nicht erlaubt ({action}): Die Abteilung {department} gehört nicht zu Ihren Abteilungen ({departments}).",
        Language.EN: "Not allowed ({action}): department {department} is not one of yours ({departments}).",
    },
    "access.denied_no_department": {
        Language.DE: "Nicht erlaubt ({action}): Das Konto ist keiner Abteilung zugeordnet. Eine Administratorin oder ein Administrator ordnet es zu (Blatt Konten der Ziele) oder führt die Änderung aus.",
        Language.EN: "Not allowed ({action}): the account belongs to no department. An administrator maps it (accounts sheet of the goals) or makes the change.",
    },
    "auth.local_mode": {
        Language.DE: "Lokaler Einzelplatzmodus: ohne Anmeldung, nur auf diesem Rechner erreichbar (127.0.0.1). Für mehrere Personen die Anmeldung einrichten (README, Abschnitt Sicherheit).",
        Language.EN: "Local single-user mode: no sign-in, reachable from this computer only (127.0.0.1). For several people, configure sign-in (README, section Security).",
    },
    "auth.refused": {
        Language.DE: "Resonanz zeigt keine Daten: Der Server ist im Netz erreichbar, aber keine Anmeldung ist eingerichtet. Entweder OpenID Connect in .streamlit/secrets.toml ([auth], Vorlage secrets.toml.example) oder einen Reverse-Proxy mit server.trustedUserHeaders einrichten, oder lokal mit ./start starten (nur 127.0.0.1). Siehe README, Abschnitt Sicherheit.",
        Language.EN: "Resonanz shows no data: the server is reachable from the network but no sign-in is configured. Configure OpenID Connect in .streamlit/secrets.toml ([auth], template secrets.toml.example) or a reverse proxy with server.trustedUserHeaders, or start locally with ./start (127.0.0.1 only). See README, section Security.",
    },
    "auth.proxy_untrusted": {
        Language.DE: "Resonanz zeigt keine Daten: Im Proxy-Modus ist der Server im Netz erreichbar, und dieser Aufruf kam nicht von einem vertrauenswürdigen Proxy. Entweder Resonanz an 127.0.0.1 binden (Proxy auf demselben Rechner) oder die Adresse des Proxys in RESONANZ_TRUSTED_PROXIES eintragen. Siehe README, Abschnitt Sicherheit.",
        Language.EN: "Resonanz shows no data: in proxy mode the server is reachable from the network, and this request did not come from a trusted proxy. Either bind Resonanz to 127.0.0.1 (proxy on the same machine) or put the proxy's address into RESONANZ_TRUSTED_PROXIES. See README, section Security.",
    },
    "auth.proxy_list_invalid": {
        Language.DE: "Resonanz zeigt keine Daten: RESONANZ_TRUSTED_PROXIES enthält {entry}, keine IP-Adresse und kein Netz. Die IT korrigiert die Liste (Adressen oder Netze, durch Kommas getrennt, z. B. 10.0.0.5, 10.1.0.0/16).",
        Language.EN: "Resonanz shows no data: RESONANZ_TRUSTED_PROXIES holds {entry}, which is no IP address or network. IT corrects the list (addresses or networks, comma-separated, e.g. 10.0.0.5, 10.1.0.0/16).",
    },
    "auth.sign_in": {Language.DE: "Anmelden", Language.EN: "Sign in"},
    "auth.sign_out": {Language.DE: "Abmelden", Language.EN: "Sign out"},
    "auth.signed_in": {Language.DE: "Angemeldet: {email}", Language.EN: "Signed in: {email}"},
    "auth.signed_in_as": {Language.DE: "Angemeldet: {name} ({email})", Language.EN: "Signed in: {name} ({email})"},
    "auth.no_email": {
        Language.DE: 'Der Identitätsanbieter hat keine E-Mail-Adresse übermittelt. Die IT bittet den Scope "email" freizugeben (client_kwargs in secrets.toml).',
        Language.EN: 'The identity provider sent no e-mail address. Ask IT to grant the "email" scope (client_kwargs in secrets.toml).',
    },
    "auth.no_header": {
        Language.DE: "Keine Identität vom Proxy erhalten: Der Aufruf kam nicht über den Anmelde-Proxy oder dessen Kopfzeile fehlt. Bitte die Adresse des Proxys verwenden; die IT prüft server.trustedUserHeaders.",
        Language.EN: "No identity received from the proxy: the request did not come through the sign-in proxy or its header is missing. Use the proxy's address; IT checks server.trustedUserHeaders.",
    },
    "col.rows": {Language.DE: "Zeilen", Language.EN: "Rows"},
    "col.period": {Language.DE: "Zeitraum", Language.EN: "Period"},
    "col.issues": {Language.DE: "Warnungen und Fehler", Language.EN: "Warnings and errors"},  # infos are not counted here
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
    "goals.stored_invalid": {
        Language.DE: "Die gespeicherte Ziele-Arbeitsmappe {file} lässt sich nicht mehr lesen; bitte korrigieren und neu hochladen:",
        Language.EN: "The stored goals workbook {file} can no longer be read; please correct it and upload it again:",
    },
    "goals.too_large": {
        Language.DE: "Die Ziele-Datei ist größer als 5 MB; eine Ziele-Arbeitsmappe hat wenige Kilobyte. Bitte die richtige Datei wählen.",
        Language.EN: "The goals file is larger than 5 MB; a goals workbook is a few kilobytes. Please choose the right file.",
    },
    "goals.cannot_open": {
        Language.DE: "Die Ziele-Arbeitsmappe lässt sich nicht öffnen: Sie ist beschädigt oder keine Excel-Arbeitsmappe. Bitte in Excel erneut als .xlsx speichern.",
        Language.EN: "The goals workbook cannot be opened: it is damaged or not an Excel workbook. Save it again as .xlsx in Excel.",
    },
    "goals.not_xlsx": {
        Language.DE: "Die Datei endet auf .xlsx, ist aber keine Excel-Arbeitsmappe (vielleicht eine umbenannte CSV- oder Textdatei). Bitte in Excel als Excel-Arbeitsmappe (.xlsx) speichern.",
        Language.EN: "The file ends in .xlsx but is not an Excel workbook (perhaps a renamed CSV or text file). Save it in Excel as an Excel workbook (.xlsx).",
    },
    "goals.unknown_sheet": {
        Language.DE: "Unbekanntes Blatt. Erlaubt sind: {sheets} (und ein Blatt Anleitung oder Listen).",
        Language.EN: "Unknown sheet. Sheets are: {sheets} (and an Instructions or Lists sheet).",
    },
    "goals.unknown_section": {Language.DE: "Unbekannter Abschnitt. Erlaubt sind: {sheets}.", Language.EN: "Unknown section. Sections are: {sheets}."},
    "goals.not_yaml": {
        Language.DE: "Die Ziele-Datei ist weder eine .xlsx-Arbeitsmappe noch YAML in UTF-8.",
        Language.EN: "The goals file is neither an .xlsx workbook nor UTF-8 YAML.",
    },
    "goals.yaml_invalid": {Language.DE: "Das YAML ist ungültig: {problem}.", Language.EN: "The YAML is not valid: {problem}."},
    "goals.yaml_not_mapping": {
        Language.DE: "Eine Ziele-YAML-Datei besteht aus Abschnitten (objectives, key_results, ...), nicht aus einer Liste.",
        Language.EN: "A goals YAML file is a mapping of sections (objectives, key_results, ...), not a list.",
    },
    "goals.section_not_list": {
        Language.DE: "Ein Abschnitt ist eine Liste von Einträgen (- schlüssel: wert).",
        Language.EN: "A section is a list of entries (- key: value).",
    },
    "goals.needs_sheets": {
        Language.DE: "Eine Ziele-Arbeitsmappe braucht die Blätter Ziele (objectives) und Kennzahlen (key_results). Die leere Vorlage auf der Seite Ziele hat sie.",
        Language.EN: "A goals file needs the sheets objectives (Ziele) and key_results (Kennzahlen). The blank template on the Goals page has them.",
    },
    "goals.unknown_column": {
        Language.DE: "Unbekannte Spalte „{column}“. Spalten dieses Blatts sind: {allowed}.",
        Language.EN: "Unknown column '{column}'. Columns here are: {allowed}.",
    },
    "goals.unknown_column_like": {
        Language.DE: "Unbekannte Spalte „{column}“: meinten Sie „{de}“ (englisch „{en}“)? Bitte die Überschrift korrigieren.",
        Language.EN: "Unknown column '{column}': did you mean '{en}' (German '{de}')? Please correct the header.",
    },
    "goals.missing_columns": {Language.DE: "Pflichtspalte(n) fehlen: {columns}.", Language.EN: "Required column(s) missing: {columns}."},
    "goals.empty_cell": {Language.DE: "Diese Zelle darf nicht leer sein.", Language.EN: "This cell must not be empty."},
    "goals.number_required": {Language.DE: "Hier ist eine Zahl nötig.", Language.EN: "A number is required here."},
    "goals.not_yes_no": {Language.DE: "Hier steht ein Ja/Nein-Wert; nötig ist eine Zahl.", Language.EN: "This must be a number, not yes/no."},
    "goals.not_a_number": {
        Language.DE: "Keine lesbare Zahl. Beispiele: 1234,5, 1.234,5, 1,234.5 oder 12 %.",
        Language.EN: "Not a readable number. For example: 1234.5, 1,234.5, 1.234,5 or 12%.",
    },
    "goals.percent_hint": {
        Language.DE: "Prozentwerte mit %-Zeichen oder als Bruch: {written_de} ohne % wäre mehr als 100 %. Schreiben Sie {written_de} % oder {fraction_de}.",
        Language.EN: "Percentages take a % sign or are written as a fraction: {written_en} without % would be more than 100%. Write {written_en}% or {fraction_en}.",
    },
    "goals.not_a_date": {
        Language.DE: "Kein Datum. Schreiben Sie TT.MM.JJJJ (31.03.2026) oder JJJJ-MM-TT.",
        Language.EN: "Not a date. Write YYYY-MM-DD (2026-03-31) or TT.MM.JJJJ.",
    },
    "goals.unknown_kpi": {
        Language.DE: "Unbekannte Kennzahl. Erlaubt sind die Kennzahlen des Katalogs, deutsch oder englisch oder als ID: {de}.",
        Language.EN: "Unknown KPI. Allowed are the catalog's KPIs, in English, German or as ids: {en}.",
    },
    "goals.unknown_metric": {
        Language.DE: "Keine manuelle Kennzahl. Manuelle Werte gibt es für: {de}.",
        Language.EN: "Not a manual KPI. Manual values exist for: {en}.",
    },
    "goals.unknown_department": {Language.DE: "Unbekannte Abteilung. Erlaubt sind: {de}.", Language.EN: "Unknown department. Allowed: {en}."},
    "goals.unknown_platform": {Language.DE: "Unbekannte Plattform. Erlaubt sind: {de}.", Language.EN: "Unknown platform. Allowed: {en}."},
    "goals.unknown_level": {Language.DE: "Unbekannte Ebene. Erlaubt sind: {de}.", Language.EN: "Unknown level. Allowed: {en}."},
    "goals.unknown_type": {
        Language.DE: "Unbekannter Typ. Erlaubt sind: verbindlich (committed) oder ambitioniert (aspirational).",
        Language.EN: "Unknown type. Allowed: committed (verbindlich) or aspirational (ambitioniert).",
    },
    "goals.duplicate_id": {
        Language.DE: "Diese ID steht zweimal (auch in Zeile {row}). Jedes Ziel braucht eine eigene ID.",
        Language.EN: "The id is used twice (also in row {row}). Give each objective its own id.",
    },
    "goals.duplicate_tag": {
        Language.DE: "Das Thema {tag} steht mehrfach; geben Sie jedem Thema eine Zeile mit allen Hashtags und Stichwörtern.",
        Language.EN: "The tag {tag} is defined more than once; give each tag one row with all its hashtags and keywords.",
    },
    "goals.unknown_objective": {
        Language.DE: "Kein Ziel auf dem Blatt Ziele hat diese ID.",
        Language.EN: "No objective on the objectives sheet has this id.",
    },
    "goals.unknown_account": {
        Language.DE: "Dieses Konto steht nicht auf dem Blatt Konten.",
        Language.EN: "This account is not on the accounts sheet.",
    },
    "goals.unknown_tag": {Language.DE: "Dieses Thema steht nicht auf dem Blatt Themen.", Language.EN: "This tag is not on the tags sheet."},
    "goals.bad_period": {
        Language.DE: "Unbekannter Zeitraum. Beispiele: 2026, 2026-Q3 oder Q3/2026, 2026-04, KW 14/2026, 2026-04-01..2026-04-30, GJ2026.",
        Language.EN: "Unknown period. For example: 2026, 2026-Q3, 2026-04, 2026-W14, 2026-04-01..2026-04-30, FY2026.",
    },
    "progress.share": {Language.DE: "Zielerreichung", Language.EN: "Progress"},
    "progress.budget": {Language.DE: "Budget verbraucht", Language.EN: "Budget used"},
    "progress.way": {Language.DE: "Weg zum Ziel", Language.EN: "Way to target"},
    "progress.zero_target": {
        Language.DE: "Zielwert 0: kein Anteil berechenbar, es zählt der Status",
        Language.EN: "Target 0: no share to compute, the status tells",
    },
    "progress.no_baseline": {
        Language.DE: "ohne Ausgangswert kein Fortschritt berechenbar",
        Language.EN: "no progress without a baseline",
    },
    "progress.hold": {
        Language.DE: "Ziel schon zu Beginn erreicht: zu halten",
        Language.EN: "target met at the start: to be held",
    },
    "progress.no_data": {Language.DE: "keine Daten", Language.EN: "no data"},
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
    "freshness.through": {Language.DE: "Daten bis {date}", Language.EN: "Data through {date}"},
    "freshness.stale": {Language.DE: "Ältere Daten (Export fehlt): {accounts}.", Language.EN: "Older data (export missing): {accounts}."},
    "freshness.upload_elsewhere": {
        Language.DE: "Laden Sie den neuesten Export dieser Konten auf der Seite Daten hoch.",
        Language.EN: "Upload these accounts' latest export on the Data page.",
    },
    "freshness.upload_here": {
        Language.DE: "Laden Sie den neuesten Export dieser Konten unten im Reiter „Hochladen“ hoch.",
        Language.EN: "Upload these accounts' latest export below, in the 'Upload' tab.",
    },
    "freshness.held_back": {
        Language.DE: (
            "Kennzahlen, für die {accounts} Daten hat, zählen hier alle Konten nur bis {date}: So weit reichen diese Daten; die "
            "übrigen Konten reichen bis {latest}. So messen Vergleiche und Ziele für jedes Konto dieselben Tage. Kanäle und Inhalte "
            "zählen jedes Konto bis zu seinem letzten Tag. Laden Sie die neueren Exporte dieser Konten hoch oder wählen Sie sie im Filter ab."
        ),
        Language.EN: (
            "KPIs that {accounts} has data for count every account here only up to {date}: that is as far as this data goes; "
            "the other accounts reach {latest}. So comparisons and goals measure the same days for every account. Channels and "
            "Content count each account up to its own last day. Upload these accounts' newer exports or deselect them in the filter."
        ),
    },
    "freshness.own_days": {
        Language.DE: (
            "Jedes Konto zählt hier bis zu seinem letzten Tag mit Daten, längstens bis {latest}; {accounts} nur bis {date}. "
            "Das Cockpit und die Ziele zählen alle Konten bis {date}, damit Vergleiche dieselben Tage messen."
        ),
        Language.EN: (
            "Each account counts here up to its own last day with data, at most {latest}; {accounts} only up to {date}. "
            "The Cockpit and the goals count every account up to {date}, so that comparisons measure the same days."
        ),
    },
    "freshness.stale_account": {
        Language.DE: "{platform} {account}: letzter Export bis {date}",
        Language.EN: "{platform} {account}: last export through {date}",
    },
    "change.change": {Language.DE: "Veränderung", Language.EN: "Change"},
    "change.new": {Language.DE: "neu", Language.EN: "new"},
    "change.not_comparable": {Language.DE: "nicht vergleichbar", Language.EN: "not comparable"},
    "change.no_data": {Language.DE: "keine Daten", Language.EN: "no data"},
    "change.new_help": {
        Language.DE: "Im Vergleichszeitraum gibt es keinen Wert (oder 0): keine Basis für eine Veränderung.",
        Language.EN: "The comparison period has no value (or 0): there is no base for a change.",
    },
    "marker.carried": {
        Language.DE: "→ Follower-Stand mit dem letzten bekannten Wert fortgeschrieben (Export älter als die Frist): {accounts}.",
        Language.EN: "→ Follower total carried forward from the last known value (export older than the threshold): {accounts}.",
    },
    "marker.not_comparable": {
        Language.DE: "„nicht vergleichbar“: Die Daten eines Kontos decken einen der beiden Zeiträume nicht ab (Daten beginnen mitten im "
        "Zeitraum oder fehlen an vielen Tagen), oder sie stammen in einem Zeitraum aus Tageswerten, im anderen aus Beitragswerten.",
        Language.EN: '"not comparable": an account\'s data does not cover one of the two periods (its data starts mid-period or is missing '
        "on many days), or it comes from daily figures in one period and from post figures in the other.",
    },
    "kr.judged_as_of": {
        Language.DE: "Beurteilt zum {date}: So weit reichen die Daten von {accounts}; die übrigen Konten reichen bis {latest}. "
        "Ist, Soll und Prognose gelten für diesen Tag.",
        Language.EN: "Judged as of {date}: that is as far as the data of {accounts} goes; the other accounts reach {latest}. "
        "Actual, expected and forecast are for that day.",
    },
    "kr.provisional": {
        Language.DE: "vorläufig: Der Zeitraum ist vorbei, die Daten reichen bis {date}",
        Language.EN: "provisional: the period has ended, the data runs through {date}",
    },
    "kr.final": {Language.DE: "endgültig", Language.EN: "final"},
    "kr.provisional_short": {Language.DE: "vorläufig", Language.EN: "provisional"},
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
    "cockpit.no_goals_in_period": {
        Language.DE: "Kein Schlüsselergebnis gilt für {period}. Alle Ziele stehen auf der Seite Ziele.",
        Language.EN: "No key result applies to {period}. Every goal is on the Goals page.",
    },
    "cockpit.no_movers": {Language.DE: "Keine nennenswerten Veränderungen.", Language.EN: "No notable changes."},
    "cockpit.target": {Language.DE: "Ziel {target} · Soll {expected}", Language.EN: "Target {target} · expected {expected}"},
    "ingest.formulas_without_values": {
        Language.DE: "{count} Zelle(n) enthalten eine Formel ohne gespeichertes Ergebnis (zuerst {cell}); sie wurden als leer gelesen. "
        "Öffnen Sie die Datei in Excel oder LibreOffice, speichern Sie sie, damit die Ergebnisse mitgespeichert werden, und laden Sie sie erneut hoch.",
        Language.EN: "{count} cell(s) hold a formula without a stored result (first {cell}); they were read as empty. Open the file in "
        "Excel or LibreOffice and save it, so that the results are stored with it, then upload it again.",
    },
    "ingest.posts_undated": {
        Language.DE: "{count} Beitrag/Beiträge ohne Veröffentlichungszeit (Zeilen {rows}): gespeichert, aber in keinem Zeitraum gezählt, "
        "denn ein Zeitraum zählt die Beiträge, die in ihm veröffentlicht wurden. Ihre Zahlen fehlen daher in den Kennzahlen.",
        Language.EN: "{count} post(s) without a publish time (rows {rows}): stored, but counted in no period, as a period counts the "
        "posts published in it. Their figures are therefore missing from the KPIs.",
    },
    "cockpit.demo": {
        Language.DE: "Resonanz zeigt die Demo-Firma Haberland Antriebstechnik GmbH. Ihre Exporte reichen bis {through}; liegt das mehr als "
        "{days} Tage zurück, nennt Resonanz ihre Konten als veraltet, wie jedes Konto, dessen Export fehlt. Eigene Daten: Exporte auf der Seite Daten hochladen, Ziele auf der Seite Ziele; die Demo-Importe lassen sich im Importverlauf rückgängig machen.",
        Language.EN: "Resonanz shows the demo company Haberland Antriebstechnik GmbH. Its exports run to {through}; more than {days} days "
        "later Resonanz names its accounts as late, as it names every account whose export is missing. Your own data: upload exports on the Data page and goals on the Goals page; the demo imports can be undone in the import history.",
    },
    "cockpit.demo_loaded": {
        Language.DE: "Die Datenbank war leer: Die Demo-Firma wurde geladen.",
        Language.EN: "The database was empty: the demo company was loaded.",
    },
    "cockpit.loading_demo": {Language.DE: "Lade Demo-Firma …", Language.EN: "Loading the demo company …"},
    "col.kpi": {Language.DE: "Kennzahl", Language.EN: "KPI"},
    # --- texts: D batch, siblings, command line (add new keys of this area below this line) ---
    "ingest.unknown_export": {
        Language.DE: (
            "Resonanz erkennt diesen Export nicht. Gesehen: Format {format}; Blätter und Zeilen: {sheets}; Kopfzeile: {header}; "
            "erste Datumswerte: {dates}. Stammt die Datei von LinkedIn, Meta Business Suite, X, YouTube Studio oder TikTok, "
            "laden Sie den Export dort erneut herunter und laden Sie ihn unverändert hoch (in Excel neu gespeicherte oder von Hand "
            "bearbeitete Dateien verlieren oft Titel oder Spaltenköpfe). Für andere Kanäle nutzen Sie die allgemeine Vorlage."
        ),
        Language.EN: (
            "Resonanz does not recognise this export. It saw: format {format}; sheets and rows: {sheets}; header line: {header}; "
            "first dates: {dates}. If it comes from LinkedIn, Meta Business Suite, X, YouTube Studio or TikTok, download the export "
            "again and upload it unchanged (files re-saved in Excel or edited by hand often lose titles or column headers). "
            "For other channels use the generic template."
        ),
    },
    "ingest.unexpected_error": {
        Language.DE: "Unerwarteter Fehler beim Lesen der Datei ({error}). Nichts wurde gespeichert. Bitte melden Sie ihn zusammen mit der Datei.",
        Language.EN: "Unexpected error while reading the file ({error}). Nothing was stored. Please report it with the file.",
    },
    "ingest.zip_too_deep": {
        Language.DE: "So tief verschachtelte ZIP-Archive werden nicht geöffnet. Entpacken Sie das innere Archiv und laden Sie es einzeln hoch.",
        Language.EN: "ZIP archives nested this deep are not opened. Unpack the inner archive and upload it on its own.",
    },
    "ingest.zip_empty": {
        Language.DE: "Das ZIP-Archiv enthält keine Exportdateien. Prüfen Sie, ob es die richtige Datei ist.",
        Language.EN: "The ZIP archive holds no export files. Check that it is the right file.",
    },
    "ingest.sheet_skipped": {
        Language.DE: "Das Blatt „{sheet}“ wurde nicht erkannt und wird übersprungen.",
        Language.EN: "The sheet '{sheet}' was not recognised and is skipped.",
    },
    "ingest.mixed_platforms": {
        Language.DE: "Die Arbeitsmappe mischt Blätter verschiedener Plattformen ({platforms}). Laden Sie den Export jeder Plattform einzeln hoch.",
        Language.EN: "The workbook mixes sheets of different platforms ({platforms}). Upload each platform's export separately.",
    },
    "ingest.no_rows": {
        Language.DE: "Der Export enthält für seinen Zeitraum keine Zeilen.",
        Language.EN: "The export holds no rows for its period.",
    },
    "ingest.audience_snapshot": {
        Language.DE: "Die Zielgruppenzahlen haben kein Datum; gespeichert als Stand vom {day}.",
        Language.EN: "The audience figures have no date; stored as the snapshot of {day}.",
    },
    "ingest.keys_missing": {
        Language.DE: "Einigen Zeilen fehlen nach dem Lesen Plattform oder Konto; nichts wurde gespeichert. Wählen Sie Plattform und Konto beim Hochladen.",
        Language.EN: "Some rows lack a platform or account after reading; nothing was stored. Choose the platform and account when uploading.",
    },
    "ingest.conflicting_days": {
        Language.DE: (
            "„{other}“ aus demselben Upload hat an {days} derselben Tage andere Werte für {metrics}; diese Datei wird später "
            "importiert und gilt. Prüfen Sie, ob beide wirklich zu diesem Konto gehören."
        ),
        Language.EN: (
            "'{other}' of the same upload has other {metrics} values for {days} of the same days; this file is imported later "
            "and wins. Check that both really belong to this account."
        ),
    },
    "ingest.platform_from_folder": {
        Language.DE: "Die Datei nennt ihre Plattform nicht; die anderen Meta-Dateien ihres Ordners sind {platform}.",
        Language.EN: "The file does not name its platform; the other Meta files of its folder are {platform}.",
    },
    "ingest.platform_from_upload": {
        Language.DE: "Die Datei nennt ihre Plattform nicht; die anderen Meta-Dateien dieses Uploads sind {platform}.",
        Language.EN: "The file does not name its platform; the other Meta files of this upload are {platform}.",
    },
    "ingest.platform_from_same_days": {
        Language.DE: "Die Datei nennt ihre Plattform nicht; die Meta-Dateien dieses Uploads mit genau denselben Tagen sind {platform}.",
        Language.EN: "The file does not name its platform; the Meta files of this upload covering exactly the same days are {platform}.",
    },
    "ingest.platform_undecided": {
        Language.DE: (
            "Die Datei sagt nicht, ob sie von {candidates} stammt, und die anderen Dateien helfen nicht weiter (gefunden: {siblings}). "
            "Laden Sie sie zusammen mit den anderen Dateien desselben Exports im selben Ordner hoch, oder wählen Sie die Plattform "
            "(Seite Daten: Auswahl „Plattform“; Kommandozeile: --platform)."
        ),
        Language.EN: (
            "The file does not say whether it is {candidates}, and the other files do not tell (found: {siblings}). "
            "Upload it together with the other files of the same export in one folder, or choose the platform "
            "(Data page: the platform choice; command line: --platform)."
        ),
    },
    "ingest.account_conflict": {
        Language.DE: (
            "Der Inhalt der Datei nennt das Konto „{content}“, ihr Dateiname aber „{name}“. Nichts wurde gespeichert. "
            "Wählen Sie das Konto (Seite Daten: Feld „Konto“; Kommandozeile: --account) oder benennen Sie die Datei um."
        ),
        Language.EN: (
            "The file's content names the account '{content}', its file name '{name}'. Nothing was stored. "
            "Choose the account (Data page: the account field; command line: --account) or rename the file."
        ),
    },
    "ingest.account_from_siblings": {
        Language.DE: "Der Export nennt sein Konto nicht; die anderen {platform}-Dateien seines Ordners gehören zu „{account}“.",
        Language.EN: "The export does not name its account; the other {platform} files of its folder are '{account}'.",
    },
    "ingest.account_from_upload": {
        Language.DE: "Der Export nennt sein Konto nicht; die anderen {platform}-Dateien dieses Uploads gehören zu „{account}“. "
        "Gehört er zu einem anderen Konto, wählen Sie es beim Hochladen.",
        Language.EN: "The export does not name its account; the other {platform} files of this upload are '{account}'. "
        "If it belongs to another account, choose it when uploading.",
    },
    "ingest.account_undecided": {
        Language.DE: (
            "Die Datei nennt ihr Konto nicht, und die anderen {platform}-Dateien dieses Uploads sagen nicht, zu welchem Konto sie gehört "
            "(gefunden: {accounts}; ein Dateiname nennt nur das Konto seiner eigenen Datei oder ZIP-Datei). Nichts wurde gespeichert. "
            "Wählen Sie das Konto und laden Sie die Datei allein oder mit den Dateien desselben Kontos hoch "
            "(Seite Daten: Feld „Konto“; Kommandozeile: --account), oder legen Sie die Dateien eines Kontos in einen eigenen Ordner."
        ),
        Language.EN: (
            "The file does not name its account, and the other {platform} files of this upload do not tell which it is "
            "(found: {accounts}; a file name names the account of its own file or ZIP only). Nothing was stored. "
            "Choose the account and upload the file alone or with the files of the same account "
            "(Data page: the account field; command line: --account), or put each account's files in a folder of their own."
        ),
    },
    "ingest.account_undecided_conflict": {
        Language.DE: (
            "Weder diese Datei noch „{other}“ aus demselben Upload nennt ihr Konto, und an {days} derselben Tage haben sie "
            "verschiedene Werte für {metrics}: Sie stammen wohl von zwei Konten. Nichts wurde gespeichert. Laden Sie jede Datei "
            "allein hoch und wählen Sie dabei ihr Konto (Seite Daten: Feld „Konto“; Kommandozeile: --account)."
        ),
        Language.EN: (
            "Neither this file nor '{other}' of the same upload names its account, and on {days} of the same days they hold "
            "different {metrics} values: they are likely two accounts' files. Nothing was stored. Upload each file on its own "
            "and choose its account (Data page: the account field; command line: --account)."
        ),
    },
    "ingest.account_from_siblings_main": {
        Language.DE: "Der Export nennt sein Konto nicht; die anderen {platform}-Dateien gehören zu „{account}“ ({rows} von {total} Zeilen; "
        "die übrigen nennen {others}, etwa Beiträge in Zusammenarbeit). Gespeichert als „{account}“; wählen Sie sonst beim Hochladen das Konto.",
        Language.EN: "The export does not name its account; the other {platform} files are '{account}' ({rows} of {total} rows; the "
        "rest name {others}, such as collaboration posts). Stored as '{account}'; otherwise choose the account when uploading.",
    },
    "ingest.account_default": {
        Language.DE: "Der Export nennt sein Konto nicht; gespeichert als „{account}“. Wählen Sie beim Hochladen das Konto, um es zu benennen.",
        Language.EN: "The export does not name its account; stored as '{account}'. Choose the account when uploading to name it.",
    },
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
    "goals.unchanged": {
        Language.DE: "Die hochgeladene Zieldatei stimmt mit den gespeicherten Zielen überein: nichts zu speichern.",
        Language.EN: "The uploaded goals workbook matches the stored goals: nothing to save.",
    },
    "goals.saved": {
        Language.DE: "Ziele gespeichert (Ziele: {objectives}, Schlüsselergebnisse: {key_results}; neu: {added}, geändert: {changed}, entfernt: {removed}).",
        Language.EN: "Goals saved (objectives: {objectives}, key results: {key_results}; added: {added}, changed: {changed}, removed: {removed}).",
    },
    "goals.saved_departments": {
        Language.DE: "Ziele von {departments} gespeichert (Ziele: {objectives}, Schlüsselergebnisse: {key_results}; neu: {added}, geändert: {changed}, "
        "entfernt: {removed}); die anderen Abteilungen behalten ihre.",
        Language.EN: "Goals of {departments} saved (objectives: {objectives}, key results: {key_results}; added: {added}, changed: {changed}, "
        "removed: {removed}); every other department keeps its own.",
    },
    "goals.errors": {
        Language.DE: "Die Arbeitsmappe wurde nicht übernommen. Bitte korrigieren:",
        Language.EN: "The workbook was not taken over. Please correct:",
    },
    "goals.download": {Language.DE: "Aktuelle Ziele herunterladen", Language.EN: "Download the current goals"},
    # --- texts: C rows, ids, overlaps (add new keys of this area below this line) ---
    "ingest.ragged_rows": {
        Language.DE: "{count} Zeile(n) haben mehr Zellen, als die Kopfzeile Spalten hat; Trennzeichen oder Anführungszeichen sind kaputt. Exportieren Sie die Datei erneut.",
        Language.EN: "{count} row(s) have more cells than the header has columns; the separator or quoting is broken. Re-export the file.",
    },
    "ingest.safety.empty": {
        Language.DE: "Die Datei ist leer. Laden Sie den Export erneut von der Plattform herunter.",
        Language.EN: "The file is empty. Download the export again from the platform.",
    },
    "ingest.safety.too_large": {
        Language.DE: "Die Datei ist größer als {mb} MB; teilen Sie den Export nach Zeiträumen auf.",
        Language.EN: "The file is larger than {mb} MB; split the export by period.",
    },
    "ingest.safety.markup": {
        Language.DE: "Die Datei ist XML oder HTML, kein Plattform-Export. Laden Sie den Export als CSV oder Excel herunter.",
        Language.EN: "The file is XML or HTML, not a platform export. Download the export as CSV or Excel.",
    },
    "ingest.safety.binary": {
        Language.DE: "Die Datei enthält Binärdaten, keinen CSV- oder Excel-Export.",
        Language.EN: "The file is binary data, not a CSV or Excel export.",
    },
    "ingest.safety.password": {
        Language.DE: "Die Arbeitsmappe ist kennwortgeschützt. Entfernen Sie das Kennwort in Excel und laden Sie sie erneut hoch.",
        Language.EN: "The workbook is password-protected. Remove the password in Excel and upload it again.",
    },
    "ingest.safety.macros": {
        Language.DE: "Die Arbeitsmappe enthält Makros. Speichern Sie sie als einfache .xlsx oder .csv ohne Makros.",
        Language.EN: "The workbook contains macros. Save it as a plain .xlsx or .csv without macros.",
    },
    "ingest.safety.damaged_zip": {
        Language.DE: "Die ZIP-/XLSX-Datei ist beschädigt oder unvollständig. Laden Sie sie erneut herunter. (Technische Meldung: {problem})",
        Language.EN: "The file is a damaged or truncated ZIP/XLSX ({problem}). Download it again.",
    },
    "ingest.safety.empty_zip": {Language.DE: "Die ZIP-Datei ist leer.", Language.EN: "The ZIP file is empty."},
    "ingest.safety.zip_members": {
        Language.DE: "Die ZIP-Datei enthält {count} Dateien; höchstens {limit} werden angenommen.",
        Language.EN: "The ZIP file holds {count} files; at most {limit} are accepted.",
    },
    "ingest.safety.zip_member_encrypted": {
        Language.DE: "„{member}“ in der ZIP-Datei ist kennwortgeschützt. Laden Sie sie unverschlüsselt hoch.",
        Language.EN: "'{member}' inside the ZIP is password-protected. Upload it unencrypted.",
    },
    "ingest.safety.zip_bomb": {
        Language.DE: "„{member}“ entpackt sich auf das {ratio}-Fache: Das sieht nach einer ZIP-Bombe aus und wurde nicht geöffnet.",
        Language.EN: "'{member}' expands {ratio}-fold: this looks like a ZIP bomb and was not opened.",
    },
    "ingest.safety.zip_total": {
        Language.DE: "Die ZIP-Datei entpackt sich auf {mb} MB; höchstens {limit} MB werden angenommen.",
        Language.EN: "The ZIP file expands to {mb} MB; at most {limit} MB are accepted.",
    },
    "ingest.safety.dtd": {
        Language.DE: "Der Arbeitsmappen-Teil „{part}“ deklariert eine DTD oder Entitäten; solche Dateien werden aus Sicherheitsgründen abgelehnt. Speichern Sie sie in Excel neu.",
        Language.EN: "The workbook part '{part}' declares a DTD or entities; such files are refused for safety. Re-save it in Excel.",
    },
    "ingest.safety.huge_range": {
        Language.DE: "Das Tabellenblatt nutzt oder meldet Zellen bis {where}, weit jenseits dessen, was Resonanz liest (höchstens {columns} Spalten und rund eine Million Zeilen). Löschen Sie die verstreuten Zellen in Excel und speichern Sie neu, oder exportieren Sie die Daten erneut.",
        Language.EN: "The worksheet uses or declares cells up to {where}, far beyond what Resonanz reads (at most {columns} columns and about a million rows). Delete the stray cells in Excel and save again, or export the data again.",
    },
    "ingest.read.cp1252": {
        Language.DE: "Die Datei ist kein UTF-8; sie wurde als Windows-1252 gelesen (so speichert Excel in Westeuropa).",
        Language.EN: "The file is not UTF-8; it was read as Windows-1252 (what Excel saves in Western Europe).",
    },
    "ingest.read.nul_characters": {
        Language.DE: "Die Datei enthielt {count} Null-Zeichen (Byte 0, etwa aus einem defekten Export); sie wurden beim Lesen "
        "entfernt, der Rest der Datei ist unverändert.",
        Language.EN: "The file held {count} NUL character(s) (byte 0, e.g. from a damaged export); they were dropped while reading, "
        "the rest of the file is unchanged.",
    },
    "ingest.read.bad_encoding": {
        Language.DE: "Die Datei gibt sich als {encoding}-Text aus, aber Byte {position} ist kein gültiges {encoding}; sie ist abgeschnitten oder falsch kodiert gespeichert. Laden Sie sie erneut herunter.",
        Language.EN: "The file claims {encoding} text but byte {position} is not valid {encoding}; it is truncated or saved with a wrong encoding. Download it again.",
    },
    "ingest.read.no_rows": {Language.DE: "Die Datei hat keine Zeilen.", Language.EN: "The file has no rows."},
    "ingest.parser.not_started": {
        Language.DE: "Der Parser-Prozess ist nicht gestartet. Prüfen Sie die Installation (./start richtet sie ein).",
        Language.EN: "The parser process did not start. Check the installation (./start sets it up).",
    },
    "ingest.parser.crashed": {
        Language.DE: "Der Dateileser ist an dieser Datei abgestürzt; sie ist beschädigt oder gebaut, um den Server anzugreifen. Speichern Sie sie in Excel neu oder exportieren Sie sie erneut.",
        Language.EN: "The file reader crashed on this file; it is damaged or built to attack the server. Re-save it in Excel or export it again.",
    },
    "ingest.parser.timeout": {
        Language.DE: "Das Lesen der Datei dauerte länger als {seconds} s und wurde abgebrochen. Prüfen Sie, ob es ein echter Export ist.",
        Language.EN: "Reading the file took longer than {seconds} s and was stopped. Check that it is a real export.",
    },
    "storage.failed": {
        Language.DE: "Das Speichern der Datei ist fehlgeschlagen, nichts davon wurde gespeichert ({detail}). "
        "Versuchen Sie es erneut; wenn es bleibt, melden Sie es.",
        Language.EN: "Storing the file failed and nothing of it was stored ({detail}). Try again; if it persists, report it.",
    },
    "storage.duplicate": {
        Language.DE: "Genau diese Datei wurde schon importiert (Import {import_id}); nichts wurde geändert.",
        Language.EN: "These exact bytes were imported before (import {import_id}); nothing was changed.",
    },
    "ingest.workbook_unreadable": {
        Language.DE: "Die Datei ließ sich nicht als Tabellendokument lesen ({detail}). Prüfen Sie, ob sie beschädigt oder kennwortgeschützt ist; "
        "speichern Sie sie bei Bedarf in Excel neu.",
        Language.EN: "The file could not be read as a spreadsheet ({detail}). Check that it is not damaged or password-protected; "
        "re-save it in Excel if needed.",
    },
    "ingest.xml_invalid_characters": {
        Language.DE: "Die Datei enthielt {count} Zeichen, die in XML nicht erlaubt sind (Steuerzeichen, etwa aus eingefügtem Text); "
        "sie wurden beim Lesen entfernt, der Rest der Datei ist unverändert.",
        Language.EN: "The file held {count} character(s) that XML does not allow (control characters, e.g. from pasted text); "
        "they were dropped while reading, the rest of the file is unchanged.",
    },
    "storage.counters_lowered": {
        Language.DE: "Dieser Import senkt Zähler, die über die Lebenszeit eines Beitrags nur wachsen, bei {count} Beitrag/Beiträgen (Summe vorher → nachher, in Klammern die Zahl der Beiträge): {summary}. "
        "Der neuere Export gilt trotzdem; prüfen Sie, ob er vollständig ist, und machen Sie den Import sonst rückgängig. Beiträge: {posts}",
        Language.EN: "This import lowers counters that only grow over a post's life on {count} post(s) (sum before → after, in brackets the number of posts): {summary}. "
        "The newer export still wins; check that it is complete, and undo the import if it is not. Posts: {posts}",
    },
    "ingest.row_without_date": {
        Language.DE: "Die Zeile hat statt eines Datums '{value}' und wiederholt nicht die Spaltensummen; deshalb wurde nichts gespeichert. "
        "Löschen Sie die Zeile oder exportieren Sie die Datei erneut.",
        Language.EN: "The row holds '{value}' instead of a date and does not repeat the column totals, so nothing was stored. "
        "Delete the row or export the file again.",
    },
    "ingest.total_row_dropped": {
        Language.DE: "Die Zeile wiederholt die Spaltensummen ('{label}') und ist kein Beitrag und kein Tag; sie wurde ausgelassen.",
        Language.EN: "The row repeats the column totals ('{label}') and is no post or day; it was left out.",
    },
    "ingest.caption_rows_dropped": {
        Language.DE: "{count} Zeile(n) ohne ID oder Datum und ohne Zahlen sind keine Daten (Fußzeile oder Hinweis) und wurden ausgelassen: Zeilen {rows}.",
        Language.EN: "{count} line(s) without an id or date and without figures are not data (a footer or note) and were left out: rows {rows}.",
    },
    "ingest.key_missing": {
        Language.DE: "{count} Zeile(n) haben keinen Wert in der Spalte {what} (Zeilen {rows}); jede Zeile braucht einen, deshalb wurde nichts gespeichert. "
        "Ergänzen Sie die Werte oder exportieren Sie die Datei erneut.",
        Language.EN: "{count} row(s) have no {what} (rows {rows}); every row needs one, so nothing was stored. Fill in the values or export the file again.",
    },
    "ingest.key_twice": {
        Language.DE: "Die Datei enthält {what} '{value}' mehrfach (Zeilen {rows}); damit nichts doppelt zählt, wurde nichts gespeichert. Prüfen Sie den Export.",
        Language.EN: "The file lists {what} '{value}' more than once (rows {rows}); nothing was stored so nothing is counted twice. Check the export.",
    },
    "ingest.post_id_destroyed": {
        Language.DE: "{count} Beitrags-ID(s) wurden von einem Tabellenprogramm gekürzt (z. B. {examples}; Zeilen {rows}): Ziffern fehlen, "
        "die Beiträge sind nicht mehr zu unterscheiden, deshalb wurde nichts gespeichert. Formatieren Sie die ID-Spalte vor dem Speichern als Text "
        "oder exportieren Sie die Datei erneut von der Plattform.",
        Language.EN: "{count} post id(s) were shortened by a spreadsheet program (e.g. {examples}; rows {rows}): digits are lost and the posts "
        "can no longer be told apart, so nothing was stored. Format the id column as text before saving, or export the file again from the platform.",
    },
    "ingest.post_without_key": {
        Language.DE: "{count} Zeile(n) haben weder Beitrags-ID noch Veröffentlichungszeit noch Text (Zeilen {rows}); sie lassen sich keinem Beitrag "
        "zuordnen, deshalb wurde nichts gespeichert. Ergänzen oder löschen Sie diese Zeilen oder exportieren Sie die Datei erneut.",
        Language.EN: "{count} row(s) have neither a post id nor a publish time nor a text (rows {rows}); they belong to no post, so nothing was "
        "stored. Complete or delete these rows, or export the file again.",
    },
    "ingest.post_id_derived": {
        Language.DE: "{count} Zeile(n) haben keine Beitrags-ID (Zeilen {rows}); sie wurden unter einem Schlüssel aus Plattform, Konto, "
        "Veröffentlichungszeit und Text gespeichert, ein erneuter Import aktualisiert dieselben Beiträge. Zahlen je Zeile: {figures}.",
        Language.EN: "{count} row(s) have no post id (rows {rows}); they were stored under a key made from platform, account, publish time and "
        "text, so importing them again updates the same posts. Figures per row: {figures}.",
    },
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
    "ingest.linkedin_competitors_not_stored": {
        Language.DE: "Die LinkedIn-Wettbewerbsanalyse vergleicht Seiten anderer Unternehmen; Resonanz verfolgt Ihre eigenen Konten, "
        "daher wird sie nicht gespeichert.",
        Language.EN: "LinkedIn competitor analytics compares other companies' pages; Resonanz tracks your own accounts, so it is not stored.",
    },
    "ingest.youtube_chart_breakdown": {
        Language.DE: "Diagrammdaten werden als tägliche Aufteilung nach {dimension} gespeichert; "
        "importieren Sie die Gesamtwerte für die täglichen Aufrufe des Kanals.",
        Language.EN: "Chart data is stored as a daily breakdown by {dimension}; import Totals for the channel's daily views.",
    },
    "ingest.share_below_threshold": {
        Language.DE: "{count} Anteil(e) nennt die Plattform nur als „{value}“; sie sind als fehlend gespeichert, nicht als 0.",
        Language.EN: "The platform gives {count} share(s) only as '{value}'; they are stored as missing, not as 0.",
    },
    "ingest.linkedin_creator_period_totals": {
        Language.DE: "Gesamtwerte des Zeitraums {period} ({figures}) sind keine Tageswerte und werden nicht gespeichert; "
        "die täglichen Impressionen kommen aus dem Blatt ENGAGEMENT.",
        Language.EN: "The totals of the period {period} ({figures}) are not daily figures and are not stored; "
        "the daily impressions come from the sheet ENGAGEMENT.",
    },
    "ingest.column_missing": {
        Language.DE: "Die Spalte „{column}“ fehlt ({report}). Exportieren Sie den vollständigen Bericht erneut.",
        Language.EN: "The column '{column}' is missing ({report}). Export the full report again.",
    },
    "ingest.columns_not_read": {
        Language.DE: "{count} Spalte(n) ohne Kennzahl in Resonanz, nicht importiert: {columns}. Die übrigen Spalten wurden gelesen.",
        Language.EN: "{count} column(s) Resonanz has no metric for were not imported: {columns}. The other columns were read.",
    },
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
    "col.from": {Language.DE: "Von", Language.EN: "From"},
    "col.to": {Language.DE: "Bis", Language.EN: "To"},
    "col.undone_at": {Language.DE: "Rückgängig am", Language.EN: "Undone at"},
    "col.title": {Language.DE: "Titel", Language.EN: "Title"},
    "col.description": {Language.DE: "Beschreibung", Language.EN: "Description"},
    "col.category": {Language.DE: "Kategorie", Language.EN: "Category"},
    "col.channels": {Language.DE: "Kanäle", Language.EN: "Channels"},
    "col.colour": {Language.DE: "Farbe", Language.EN: "Colour"},
    "col.key_messages": {Language.DE: "Kernbotschaften", Language.EN: "Key messages"},
    "plan.status.active": {Language.DE: "aktiv", Language.EN: "active"},
    "plan.status.undone": {Language.DE: "rückgängig gemacht", Language.EN: "undone"},
    "plan.events_failed": {
        Language.DE: "Die Ereignisse wurden nicht gespeichert. Korrigieren Sie die genannten Zellen und laden Sie die Datei erneut hoch.",
        Language.EN: "The events were not stored. Correct the cells listed and upload the file again.",
    },
    "plan.events_stored": {Language.DE: "{count} Ereignisse gespeichert.", Language.EN: "{count} events stored."},
    "plan.warnings": {
        Language.DE: "Gespeichert, mit Hinweisen zu einzelnen Zeilen:",
        Language.EN: "Stored, with notes on single rows:",
    },
    "plan.choose_channels": {Language.DE: "Kanäle wählen (leer: alle)", Language.EN: "Choose channels (blank: all)"},
    "plan.row_repeated": {
        Language.DE: "Diese Zeile wiederholt Zeile {first} (gleiche Zeit, Kanal und Texte) und zählt nur einmal. Soll es zwei Beiträge geben, unterscheiden Sie Zeit oder Text.",
        Language.EN: "This row repeats row {first} (same time, channel and texts) and counts once. If two posts are meant, give them different times or texts.",
    },
    "plan.channel_unknown_near": {
        Language.DE: "Der Kanal '{value}' ist unbekannt; gemeint ist wohl '{closest}'. Schreiben Sie einen von: {known}.",
        Language.EN: "The channel '{value}' is unknown; did you mean '{closest}'? Write one of: {known}.",
    },
    "col.planned_at": {Language.DE: "Geplant für", Language.EN: "Planned for"},
    "col.topic": {Language.DE: "Thema", Language.EN: "Topic"},
    "col.post_id": {Language.DE: "Beitrags-ID", Language.EN: "Post ID"},
    "col.planned": {Language.DE: "Geplant", Language.EN: "Planned"},
    "col.matched": {Language.DE: "Erschienen", Language.EN: "Published as planned"},
    "col.fulfilment": {Language.DE: "Planerfüllung", Language.EN: "Plan fulfilment"},
    "col.median_delay": {Language.DE: "Verzug (Median, Tage)", Language.EN: "Delay (median, days)"},
    "col.campaign": {Language.DE: "Kampagne", Language.EN: "Campaign"},
    "col.posts": {Language.DE: "Beiträge", Language.EN: "Posts"},
    "col.carrying": {Language.DE: "Mit Kernbotschaft", Language.EN: "Carrying a key message"},
    "col.share": {Language.DE: "Anteil", Language.EN: "Share"},
    "col.week": {Language.DE: "Woche", Language.EN: "Week"},
    "col.missed": {Language.DE: "Verpasst", Language.EN: "Missed"},
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
    "ingest.tiktok_no_export_day": {
        Language.DE: "Die Datei nennt ihren Exporttag nicht (Spalte „Time“); die Jahre der Veröffentlichungstage werden vom Stichtag "
        "{reference} aus angenommen. War der Exporttag ein anderer, importieren Sie mit ihm als Stichtag (Kommandozeile: --as-of); "
        "die Seite Daten nimmt den heutigen Tag.",
        Language.EN: "The file does not name its export day (column 'Time'); the years of the publish days are assumed from the day "
        "of reference {reference}. If the export day was another, import with it as the day of reference (command line: --as-of); "
        "the Data page takes today.",
    },
    "ingest.cell_not_number": {
        Language.DE: "Die Zelle ist keine Zahl. Korrigieren Sie sie im Export oder laden Sie den Export neu herunter.",
        Language.EN: "The cell is not a number. Correct it in the export or download the export again.",
    },
    "ingest.cell_not_date": {
        Language.DE: "Die Zelle ist kein Datum im Format der Spalte. Korrigieren Sie sie im Export oder laden Sie den Export neu herunter.",
        Language.EN: "The cell is not a date in the column's format. Correct it in the export or download the export again.",
    },
    "ingest.cells_more_unreadable": {
        Language.DE: "{count} weitere Zellen dieser Spalte sind nicht lesbar.",
        Language.EN: "{count} more cells in this column are unreadable.",
    },
    "ingest.dates_unknown": {
        Language.DE: "Die Daten haben ein Format, das Resonanz nicht kennt ({examples}). Speichern Sie sie als JJJJ-MM-TT oder TT.MM.JJJJ.",
        Language.EN: "The dates are in a format Resonanz does not know ({examples}). Save them as YYYY-MM-DD or DD.MM.YYYY.",
    },
    "ingest.dates_no_year": {
        Language.DE: "Die Daten haben keine Jahreszahl; angenommen: {first} bis {last}, die letzten solchen Tage bis zum {reference}. "
        "Stimmt das nicht, importieren Sie mit dem richtigen Stichtag (Kommandozeile: --as-of); die Seite Daten nimmt den heutigen Tag.",
        Language.EN: "The dates have no year; assumed {first} to {last}, the latest dates on or before {reference}. "
        "If that is wrong, import with the right day of reference (command line: --as-of); the Data page takes today.",
    },
    "ingest.dates_month_first": {
        Language.DE: "Jeder Wert passt als Monat/Tag wie als Tag/Monat; gelesen als Monat/Tag, wie die Plattform schreibt ({example} = {date}).",
        Language.EN: "Every value fits month/day as well as day/month; read month first, as the platform writes them ({example} = {date}).",
    },
    "ingest.dates_day_first": {
        Language.DE: "Jeder Wert passt als Tag/Monat wie als Monat/Tag; gelesen als Tag/Monat, wie die Datei (Semikolon, deutsches Excel) nahelegt "
        "({example} = {date}).",
        Language.EN: "Every value fits day/month as well as month/day; read day first, as the file (semicolons, German Excel) suggests ({example} = {date}).",
    },
    "ingest.month_names_ambiguous": {
        Language.DE: "Die Monatsnamen passen zu zwei Sprachen mit verschiedenen Monaten ({chosen_de} und {other_de}); gelesen als {chosen_de} "
        "(z. B. {example}). Stimmt das nicht, stellen Sie die Sprache der Plattform auf Englisch und exportieren Sie erneut.",
        Language.EN: "The month names fit two languages with different months ({chosen} and {other}); read as {chosen} "
        "(e.g. {example}). If that is wrong, set the platform's interface language to English and export again.",
    },
    "ingest.decimal_ambiguous_comma": {
        Language.DE: "Jeder Wert der Spalte liest sich mit Dezimalkomma wie mit Dezimalpunkt; gelesen mit Dezimalkomma, wie das "
        "Semikolon als Trennzeichen der Datei nahelegt ({example} = {number}). Prüfen Sie die Summen.",
        Language.EN: "Every value of the column reads with a decimal comma as well as a decimal point; read with a decimal comma, "
        "as the file's semicolon separator suggests ({example} = {number}). Check the totals.",
    },
    "ingest.decimal_ambiguous_point": {
        Language.DE: "Jeder Wert der Spalte liest sich mit Dezimalpunkt wie mit Dezimalkomma; gelesen mit Dezimalpunkt, wie die Datei "
        "nahelegt ({example} = {number}). Prüfen Sie die Summen.",
        Language.EN: "Every value of the column reads with a decimal point as well as a decimal comma; read with a decimal point, "
        "as the file suggests ({example} = {number}). Check the totals.",
    },
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
    "review.period_invalid": {
        Language.DE: "„{value}“ ist kein Zeitraum, den Resonanz lesen kann. Schreiben Sie ihn zum Beispiel als 2026-Q4, 2026-11, 2026, "
        "2026-W47 oder 2026-10-01..2026-11-30.",
        Language.EN: "'{value}' is not a period Resonanz can read. Write it, for example, as 2026-Q4, 2026-11, 2026, 2026-W47 or 2026-10-01..2026-11-30.",
    },
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
    # --- texts: K roles page, write checks, department scopes (add new keys of this area below this line) ---
    "access.denied_company_wide": {
        Language.DE: "Nicht erlaubt ({action}): Das betrifft keine einzelne Ihrer Abteilungen (abteilungsübergreifend oder ohne Abteilung) und ist Administratoren vorbehalten.",
        Language.EN: "Not allowed ({action}): this concerns no single department of yours (several departments or none) and is reserved for administrators.",
    },
    "roles.tab": {Language.DE: "Rollen", Language.EN: "Roles"},
    "roles.intro": {
        Language.DE: "Wer was darf: Ein Eintrag für die E-Mail-Adresse gilt vor den Gruppen aus dem Identitätsanbieter; wer weder hier steht noch in einer Gruppe ist, bekommt die Standardrolle. Jede Änderung steht im Protokoll.",
        Language.EN: "Who may do what: an entry for the e-mail address applies before the identity provider's groups; anyone in neither gets the default role. Every change is in the audit log.",
    },
    "roles.current": {Language.DE: "Vergebene Rollen", Language.EN: "Assigned roles"},
    "roles.none_yet": {Language.DE: "Noch keine Rollen vergeben.", Language.EN: "No roles assigned yet."},
    "roles.set": {Language.DE: "Rolle vergeben oder ändern", Language.EN: "Assign or change a role"},
    "roles.kind": {Language.DE: "Für", Language.EN: "For"},
    "roles.kind.email": {Language.DE: "E-Mail-Adresse", Language.EN: "E-mail address"},
    "roles.kind.group": {Language.DE: "Gruppe (Identitätsanbieter)", Language.EN: "Group (identity provider)"},
    "roles.kind.default": {Language.DE: "Standard (unbekannte Personen)", Language.EN: "Default (unknown people)"},
    "roles.subject": {Language.DE: "E-Mail-Adresse oder Gruppenname", Language.EN: "E-mail address or group name"},
    "roles.role": {Language.DE: "Rolle", Language.EN: "Role"},
    "roles.departments": {Language.DE: "Abteilungen (leer: alle)", Language.EN: "Departments (empty: all)"},
    "roles.departments_all": {Language.DE: "alle", Language.EN: "all"},
    "roles.save": {Language.DE: "Speichern", Language.EN: "Save"},
    "roles.saved": {
        Language.DE: "Gespeichert: {subject} hat jetzt die Rolle {role}, Abteilungen: {departments}.",
        Language.EN: "Saved: {subject} now has the role {role}, departments: {departments}.",
    },
    "roles.remove_pick": {Language.DE: "Eintrag entfernen", Language.EN: "Remove an entry"},
    "roles.remove": {Language.DE: "Entfernen", Language.EN: "Remove"},
    "roles.removed": {Language.DE: "Entfernt: {subject}.", Language.EN: "Removed: {subject}."},
    "roles.default": {Language.DE: "Standardrolle für unbekannte Personen", Language.EN: "Default role for unknown people"},
    "roles.default_help": {
        Language.DE: "Keine: Wer angemeldet, aber hier nicht eingetragen ist, sieht nichts. Administrator ist als Standard nicht wählbar.",
        Language.EN: "None: anyone signed in but not listed here sees nothing. Administrator cannot be the default.",
    },
    "roles.default_saved": {Language.DE: "Standardrolle gespeichert: {role}.", Language.EN: "Default role saved: {role}."},
    "roles.no_access": {Language.DE: "keine (kein Zugriff)", Language.EN: "none (no access)"},
    "roles.bad_email": {
        Language.DE: "Nicht gespeichert: {subject} ist keine E-Mail-Adresse (name@firma.de).",
        Language.EN: "Not saved: {subject} is not an e-mail address (name@company.com).",
    },
    "roles.bad_group": {Language.DE: "Nicht gespeichert: Der Gruppenname ist leer.", Language.EN: "Not saved: the group name is empty."},
    "roles.last_admin": {
        Language.DE: "Nicht gespeichert: {subject} ist der letzte Administrator-Eintrag per E-Mail. Mit Anmeldung kommen Gruppen vom Identitätsanbieter und können wegfallen; dann könnte niemand mehr Rollen vergeben. Zuerst eine weitere Person per E-Mail zum Administrator machen.",
        Language.EN: "Not saved: {subject} is the last administrator entry by e-mail. With sign-in, groups come from the identity provider and may vanish; then nobody could assign roles any more. First make another person administrator by e-mail.",
    },
    "role.admin": {Language.DE: "Administrator", Language.EN: "Administrator"},
    "role.editor": {Language.DE: "Bearbeiten", Language.EN: "Editor"},
    "role.viewer": {Language.DE: "Lesen", Language.EN: "Viewer"},
    "col.kind": {Language.DE: "Art", Language.EN: "Kind"},
    "col.subject": {Language.DE: "Für", Language.EN: "For"},
    "col.role": {Language.DE: "Rolle", Language.EN: "Role"},
    "col.updated_at": {Language.DE: "Geändert (UTC)", Language.EN: "Changed (UTC)"},
    "col.updated_by": {Language.DE: "Geändert von", Language.EN: "Changed by"},
    "review.nothing_changed": {Language.DE: "Nichts geändert: nichts gespeichert.", Language.EN: "Nothing changed: nothing saved."},
    "review.partly_saved": {
        Language.DE: "Nur die erlaubten Teile wurden gespeichert; die übrigen blieben wie zuvor.",
        Language.EN: "Only the parts you may change were saved; the others stayed as they were.",
    },
    "goals.download_mine": {Language.DE: "Ziele meiner Abteilungen herunterladen", Language.EN: "Download my departments' goals"},
    "goals.workbook_of": {
        Language.DE: "Diese Arbeitsmappe enthält die Ziele von {workbook}; Sie bearbeiten die von {yours}. Nichts wurde gespeichert. Laden Sie die Arbeitsmappe Ihrer Abteilungen herunter („Ziele meiner Abteilungen herunterladen“).",
        Language.EN: "This workbook holds the goals of {workbook}; you edit those of {yours}. Nothing was saved. Download your departments' workbook (“Download my departments' goals”).",
    },
    "goals.changed_since_download": {
        Language.DE: "Die Ziele von {departments} wurden geändert, nachdem diese Arbeitsmappe heruntergeladen wurde (zuletzt gespeichert am {date}). Nichts wurde gespeichert, damit diese Änderungen nicht verloren gehen: Laden Sie die Arbeitsmappe neu herunter und tragen Sie Ihre Änderungen dort ein.",
        Language.EN: "The goals of {departments} were changed after this workbook was downloaded (last saved on {date}). Nothing was saved, so that those changes are not lost: download the workbook again and make your changes there.",
    },
    "goals.outside_workbook": {
        Language.DE: "Diese Arbeitsmappe enthält die Ziele von {workbook}, aber auch Änderungen für {others}. Nichts wurde gespeichert: Entfernen Sie die Zeilen von {others} und laden Sie die Arbeitsmappe erneut hoch. Ziele von {others} ändert, wer diese Abteilung bearbeiten darf, in deren eigener Arbeitsmappe.",
        Language.EN: "This workbook holds the goals of {workbook} but also changes for {others}. Nothing was saved: remove the rows of {others} and upload the workbook again. The goals of {others} are changed by whoever may edit that department, in its own workbook.",
    },
    "goals.shared_parts": {Language.DE: "Konten oder Themen", Language.EN: "accounts or tags"},
    "goals.empty": {
        Language.DE: "Die Datei ist leer (0 Bytes). Speichern Sie die Arbeitsmappe in Excel erneut und laden Sie sie dann hoch.",
        Language.EN: "The file is empty (0 bytes). Save the workbook again in Excel, then upload it.",
    },
    "goals.show_paths": {Language.DE: "Verlauf jedes Schlüsselergebnisses zeigen", Language.EN: "Show each key result's path"},
    "goals.paths_hidden": {
        Language.DE: "{count} Schlüsselergebnisse: Die Verläufe erscheinen ab {limit} erst auf Wunsch (Schalter oben), damit die Seite schnell bleibt. Oder wählen Sie links eine Abteilung.",
        Language.EN: "{count} key results: beyond {limit} the paths appear on request (switch above), so the page stays fast. Or choose a department on the left.",
    },
    "goals.shared_changed": {Language.DE: "Geändert wurde: {parts}.", Language.EN: "What changed: {parts}."},
    "goals.shared.first_set": {Language.DE: "die erste Zieldatei überhaupt", Language.EN: "the very first goals workbook"},
    "goals.shared.accounts": {Language.DE: "das Blatt Konten", Language.EN: "the accounts sheet"},
    "goals.shared.tags": {Language.DE: "das Blatt Themen", Language.EN: "the tags sheet"},
    "goals.shared.company_values": {
        Language.DE: "manuelle Werte ohne Abteilung (des ganzen Unternehmens)",
        Language.EN: "manual values without a department (the whole company's)",
    },
    "goals.download_mine_read": {
        Language.DE: "Die Arbeitsmappe enthält die Ziele, Schlüsselergebnisse und manuellen Werte von {departments}.",
        Language.EN: "The workbook holds the objectives, key results and manual values of {departments}.",
    },
    "goals.download_mine_file": {Language.DE: "ziele", Language.EN: "goals"},
    "goals.download_mine_help": {
        Language.DE: "Die Arbeitsmappe enthält die Ziele, Schlüsselergebnisse und manuellen Werte von {departments}. Bearbeitet wieder hochladen: die Ziele der anderen Abteilungen bleiben, wie sie sind. Die Blätter Konten und Themen dienen zum Nachschlagen; ändern kann sie ein Admin.",
        Language.EN: "The workbook holds the objectives, key results and manual values of {departments}. Upload it again once edited: the other departments' goals stay as they are. The accounts and tags sheets are for reference; an admin changes them.",
    },
    # --- texts: L isolated parsing, hostile uploads, memory limits (add new keys of this area below this line) ---
    "template.not_pptx": {
        Language.DE: "Die Vorlage ist keine PowerPoint-Datei. Geben Sie eine in PowerPoint gespeicherte .pptx oder .potx an.",
        Language.EN: "The template is not a PowerPoint file. Give a .pptx or .potx saved by PowerPoint.",
    },
    "template.unusable": {
        Language.DE: "Auf dieser Vorlage lässt sich kein Pack erstellen. Speichern Sie sie in PowerPoint neu oder nehmen Sie eine andere; ohne Vorlage nutzt das Pack das Standardlayout. (Technische Meldung: {problem})",
        Language.EN: "No pack can be built on this template ({problem}). Save it again in PowerPoint or choose another; without a template the pack uses the standard layout.",
    },
    "ingest.parser.memory": {
        Language.DE: "Das Lesen der Datei brauchte mehr als {gb} GB Speicher und wurde abgebrochen; nichts wurde gespeichert. Die Datei ist beschädigt oder gebaut, um den Server anzugreifen: speichern Sie sie in Excel oder PowerPoint neu und laden Sie sie erneut hoch.",
        Language.EN: "Reading the file needed more than {gb} GB of memory and was stopped; nothing was stored. The file is damaged or built to attack the server: save it again in Excel or PowerPoint and upload it again.",
    },
    "storage.read_failed": {
        Language.DE: "Das Lesen der Datenbank {path} ist fehlgeschlagen: {reason}. Nichts wurde verändert. {advice}",
        Language.EN: "Reading the database {path} failed: {reason}. Nothing was changed. {advice}",
    },
    "storage.read_failed.signal": {
        Language.DE: "der Leseprozess wurde vom Betriebssystem beendet (Signal {signal}), meist wegen zu wenig Speicher",
        Language.EN: "the reading process was ended by the operating system (signal {signal}), usually for lack of memory",
    },
    "storage.read_failed.exit": {
        Language.DE: "der Leseprozess endete mit Code {code} ({detail})",
        Language.EN: "the reading process ended with code {code} ({detail})",
    },
    "storage.read_failed.timeout": {
        Language.DE: "der Leseprozess brauchte länger als {seconds} s",
        Language.EN: "the reading process took longer than {seconds} s",
    },
    "storage.read_failed.advice": {
        Language.DE: "Geben Sie dem Server mindestens 1 GiB Speicher (ulimit -v mindestens 4 GiB), prüfen Sie, dass die Datei lesbar ist, und versuchen Sie es erneut; Details stehen im Server-Log.",
        Language.EN: "Give the server at least 1 GiB of memory (ulimit -v at least 4 GiB), check that the file is readable, and try again; details are in the server log.",
    },
    # --- texts: S speed, progress (add new keys of this area below this line) ---
    # --- texts: R review pack ---
    "report.rank_by": {Language.DE: "Top- und schwächste Beiträge nach", Language.EN: "Rank top and weakest posts by"},
    "report.ranked_posts": {Language.DE: "Top- und schwächste Beiträge", Language.EN: "Top and weakest posts"},
    "report.top_n": {Language.DE: "Top {n}", Language.EN: "Top {n}"},
    "report.weakest_n": {Language.DE: "Schwächste {n}", Language.EN: "Weakest {n}"},
    "report.overview": {Language.DE: "Übersicht", Language.EN: "Overview"},
    "report.source_line": {Language.DE: "{platform}: {accounts}", Language.EN: "{platform}: {accounts}"},
    "report.sources": {Language.DE: "Quellen – {line}", Language.EN: "Sources – {line}"},
    "report.source_account": {Language.DE: "{account} (bis {date})", Language.EN: "{account} (through {date})"},
    "report.no_sources": {Language.DE: "Keine Exporte im Zeitraum", Language.EN: "No exports in the period"},
    "report.headline.count": {
        Language.DE: "{good} von {total} Schlüsselergebnissen auf Kurs",
        Language.EN: "{good} of {total} key results on track",
    },
    "report.headline.behind": {Language.DE: "{kr} {gap} hinter Plan", Language.EN: "{kr} {gap} behind pace"},
    "report.headline.ahead": {Language.DE: "{kr} {gap} vor Plan", Language.EN: "{kr} {gap} ahead of pace"},
    "report.headline.forecast": {Language.DE: "Prognose {forecast} von {target}", Language.EN: "forecast {forecast} of {target}"},
    "report.bullet.actual": {Language.DE: "Ist", Language.EN: "Actual"},
    "report.bullet.expected": {Language.DE: "Soll heute", Language.EN: "Expected"},
    "report.bullet.forecast": {Language.DE: "Prognose", Language.EN: "Forecast"},
    "report.bullet.target": {Language.DE: "Ziel", Language.EN: "Target"},
    "report.continued": {Language.DE: "{title} ({page}/{pages})", Language.EN: "{title} ({page}/{pages})"},
    "report.appendix": {Language.DE: "Anhang: {title}", Language.EN: "Appendix: {title}"},
    "report.no_comment": {Language.DE: "Kein Kommentar aus dem Review.", Language.EN: "No comment from the review."},
    "report.note.kr": {
        Language.DE: "{kr} (Ziel {objective}): Ist {actual}, Soll heute {expected}, Prognose {forecast}, Ziel {target}, "
        "Ausgangswert {baseline}, Fortschritt {progress}, Status {status}, Daten bis {through}.",
        Language.EN: "{kr} (objective {objective}): actual {actual}, expected by now {expected}, forecast {forecast}, target {target}, "
        "baseline {baseline}, progress {progress}, status {status}, data through {through}.",
    },
    "report.note.definition": {
        Language.DE: "{label}: {description} Formel: {formula} ({aggregation}).",
        Language.EN: "{label}: {description} Formula: {formula} ({aggregation}).",
    },
    "report.note.comment": {Language.DE: "Kommentar: {comment}", Language.EN: "Comment: {comment}"},
    "report.note.status_chart": {
        Language.DE: "Anzahl der Schlüsselergebnisse je Status und Abteilung, Stand {date}.",
        Language.EN: "Number of key results per status and department, as of {date}.",
    },
    "report.note.trend": {
        Language.DE: "Impressionen je vollständiger Kalenderwoche und Plattform; angeschnittene Wochen am Rand fehlen.",
        Language.EN: "Impressions per complete calendar week and platform; weeks cut by the period's edges are left out.",
    },
    "review.template_error": {Language.DE: "Die Vorlage ist nicht nutzbar: {error}", Language.EN: "The template cannot be used: {error}"},
}


LOCALES = {Language.DE: "de_DE", Language.EN: "en_GB"}  # Babel's locale per language (metrics.formatting formats with them)
DAY_PATTERNS = {Language.DE: "dd.MM.yyyy", Language.EN: "yyyy-MM-dd"}  # 31.12.2026 / 2026-12-31
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
PLATFORM_PARAMETERS = frozenset({"platform", "platforms", "candidates", "siblings"})  # message parameters of platform keys
METRIC_PARAMETERS = frozenset({"metric", "metrics"})  # of canonical metric keys
DAY_PARAMETERS = frozenset({"date", "day", "first", "last", "reference"})  # of ISO days (a file's own text stays as written)
COUNTER_CHANGE_PARAMETERS = frozenset({"summary", "posts"})  # storage.counters_lowered: "impressions 1200 -> 1100"
FIGURE_PARAMETERS = frozenset({"figures"})  # "5: impressions 120, reach 80" or a file's "Impressions 32506"
_METRIC_LABELS = {m.name: (m.label_de, m.label_en) for m in METRICS}
_METRIC_KEY = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _METRIC_LABELS), key=len, reverse=True)) + r")\b")
_FIGURE = re.compile(r"(?P<label>[^\W\d][\w ]*?) (?P<number>-?\d+(?:\.\d+)?)(?=[,;)]|$)")
_COUNTER_CHANGE = re.compile(rf"(?P<metric>{_METRIC_KEY.pattern}) (?P<before>-?\d+(?:\.\d+)?) -> (?P<after>-?\d+(?:\.\d+)?)")
_PLATFORM_KEY = re.compile(r"[a-z_]+")


def format_day(value: dt.date, language: Language) -> str:
    """A day as people of ``language`` write it: the one definition the pages, reports and messages share."""
    from babel.dates import format_date  # imported here: model stays light for the parser process' start

    return format_date(value, format=DAY_PATTERNS[language], locale=LOCALES[language])


def localised_param(name: str, value: str, language: Language) -> str:
    """A message parameter as the reader writes it, by what the parameter holds: platform keys by their names
    ("youtube" -> "YouTube"), metric keys by their labels ("followers_gained" -> "Neue Follower"), a day in the
    reader's form ("2026-03-23" -> "23.03.2026"), a counter's change and figures in the reader's numbers ("impressions
    32506.0 -> 1200" -> "Impressionen 32.506 → 1.200"); anything else (a value as the file wrote it) as it is."""
    if name in PLATFORM_PARAMETERS:  # one key, or several joined by ", " or " / "
        return _PLATFORM_KEY.sub(lambda key: platform_name(key.group(0), language), value)
    if name in METRIC_PARAMETERS:
        return _METRIC_KEY.sub(lambda key: metric_label(key.group(0), language), value)
    if name in COUNTER_CHANGE_PARAMETERS:
        return _COUNTER_CHANGE.sub(lambda change: _counter_change(change, language), value)
    if name in FIGURE_PARAMETERS:  # a metric key by its label, a label the file wrote as written; the number localised
        return _FIGURE.sub(lambda figure: f"{_METRIC_KEY.sub(lambda key: metric_label(key.group(0), language), figure.group('label'))} "
                           f"{_number(figure.group('number'), language)}", value)  # fmt: skip
    if name in DAY_PARAMETERS and _ISO_DAY.fullmatch(value):
        try:
            return format_day(dt.date.fromisoformat(value), language)
        except ValueError:  # "2026-13-45" is no day: shown as written
            return value
    return value


def metric_label(metric: str, language: Language) -> str:
    """A canonical metric's label ("Neue Follower"); anything else with spaces for its underscores."""
    labels = _METRIC_LABELS.get(metric)
    return (labels[0] if language is Language.DE else labels[1]) if labels else metric.replace("_", " ")


def _counter_change(change: re.Match[str], language: Language) -> str:
    before, after = (_number(change.group(g), language) for g in ("before", "after"))
    return f"{metric_label(change.group('metric'), language)} {before} \u2192 {after}"


def plain_number(value: float) -> str:
    """A figure for a message parameter, plainly ("32506", "12.5"): ``localised_param`` writes it in the reader's
    numbers when the message is read, so the stored parameter stays readable by a program."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def _number(plain: str, language: Language) -> str:
    """A plainly written number ("32506.0", see ``plain_number``) as the reader writes it ("32.506")."""
    from babel.numbers import format_decimal  # imported here: model stays light for the parser process' start

    return format_decimal(float(plain), format="#,##0.##", locale=LOCALES[language])


def format_name(post_format: object, language: Language) -> str:
    """A post format by its label ("Bild"), a post type Resonanz does not know as the export wrote it."""
    key = f"format.{post_format}"
    return translate(key, language) if key in TEXTS else str(post_format)


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
            names.append(translate("export.meta_overview_metric", language, metric=metric_label(metric, language)))
        else:
            platform, _, rest = part.partition("_")
            names.append(f"{platform_name(platform, language)} {rest.replace('_', ' ')}".strip())
    return " + ".join(names)


def translate(key: str, language: Language, **values: object) -> str:
    """The text for ``key`` in ``language``; a missing key shows itself so it is noticed."""
    text = TEXTS.get(key, {}).get(language) or TEXTS.get(key, {}).get(Language.EN) or key
    return text.format(**values) if values else text
