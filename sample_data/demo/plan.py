"""The demo company's editorial plan for November 2026, its two campaigns and a few events.

The plan is written as the team would write it (German headers, ``;``, TT.MM.JJJJ) to
``redaktionsplan.csv``, the events to ``ereignisse.csv``; ``python -m sample_data.demo.plan`` rewrites
both, and a test checks the committed files are what this module writes. The plan is made to show
something in every view: most items were published as planned, a few a day early or late, some were
missed (the sales department's customer story, a LinkedIn sustainability post, an Advent campaign) and
customer service posted unplanned thank-you notes. Accounts are left blank: every account of the channel.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine

from ingest.plan_reader import TEMPLATE_HEADERS

DEMO_DIR = Path(__file__).resolve().parent
DEMO_PLAN = DEMO_DIR / "redaktionsplan.csv"
DEMO_EVENTS = DEMO_DIR / "ereignisse.csv"

PLAN_HEADER = TEMPLATE_HEADERS["de"]  # the German template's header, as the plan reader reads it

# Datum, Uhrzeit, Kanal, Abteilung, Thema, Kampagne, Verantwortlich, Hashtags, Text
_SERVICE, _WEBINAR, _PRODUCT = (
    "Neue Ersatzteil-Hotline ab Montag",
    "Webinar: Antriebe richtig dimensionieren",
    "Neu: Servoantrieb HX-400 mit 12 % weniger Energiebedarf",
)
_FAIR, _CAREER = "Unsere Azubis auf der Ausbildungsmesse", "Karriere bei Haberland: Ingenieurinnen gesucht"
_APPRENTICE, _WORKSHOP = "Ausbildung zum Mechatroniker (m/w/d) – jetzt bewerben!", "Ein Tag in unserer Lehrwerkstatt"
_TIP, _FAQ, _REPORT = "Wartungstipp: so prüfen Sie Ihr Getriebeöl", "FAQ: Firmware-Update für HX-Serie", "Haberland veröffentlicht Nachhaltigkeitsbericht 2025"
_REFERENCE = "Kundenprojekt: Verpackungslinie mit 30 Achsen"
ITEMS: tuple[tuple[str, ...], ...] = (
    ("02.11.2026", "09:00", "X", "Kundenservice", "Service", "", "Jonas Berger", "#service", _SERVICE),
    ("02.11.2026", "10:00", "LinkedIn", "Marketing", "Produkt", "HX-400 Markteinführung", "Lea Schmid", "#produkt", _PRODUCT),
    ("02.11.2026", "08:00", "Facebook", "Marketing", "Webinar", "", "Lea Schmid", "#webinar", _WEBINAR),
    ("02.11.2026", "11:00", "Instagram", "HR", "Ausbildung", "Azubi-Offensive", "Mara Vogel", "#azubi", _FAIR),
    ("03.11.2026", "10:00", "LinkedIn", "PR", "Unternehmen", "", "Tim Keller", "", "Geschäftsführerin Dr. Anna Haberland im Interview"),
    ("03.11.2026", "08:30", "Facebook", "Marketing", "Messe", "", "Lea Schmid", "#messe", "Besuchen Sie uns auf der Hannover Messe, Halle 15"),
    ("03.11.2026", "16:30", "Instagram", "HR", "Karriere", "", "Mara Vogel", "#karriere", _CAREER),
    ("03.11.2026", "12:00", "YouTube", "HR", "Ausbildung", "Azubi-Offensive", "Mara Vogel", "", "Ausbildung bei Haberland"),
    ("03.11.2026", "09:00", "X", "Kundenservice", "Service", "", "Jonas Berger", "#service", _TIP),
    ("04.11.2026", "10:00", "LinkedIn", "Marketing", "Webinar", "", "Lea Schmid", "#webinar", _WEBINAR),
    ("04.11.2026", "16:00", "Facebook", "Marketing", "Webinar", "", "Lea Schmid", "#webinar", _WEBINAR),
    ("04.11.2026", "09:00", "X", "Kundenservice", "Service", "", "Jonas Berger", "#service", _SERVICE),  # published a day late
    ("05.11.2026", "10:00", "LinkedIn", "HR", "Ausbildung", "Azubi-Offensive", "Mara Vogel", "#azubi", _FAIR),
    ("05.11.2026", "11:30", "Facebook", "Kundenservice", "Service", "", "Jonas Berger", "#service", _FAQ),
    ("05.11.2026", "15:00", "TikTok", "HR", "Karriere", "", "Mara Vogel", "#karriere", _CAREER),
    ("05.11.2026", "16:00", "Instagram", "HR", "Ausbildung", "Azubi-Offensive", "Mara Vogel", "#azubi", _FAIR),
    ("06.11.2026", "10:00", "LinkedIn", "Vertrieb", "Referenz", "", "Paul Wagner", "#referenz", _REFERENCE),  # missed
    ("06.11.2026", "09:00", "Facebook", "Marketing", "Produkt", "HX-400 Markteinführung", "Lea Schmid", "#produkt", _PRODUCT),
    ("06.11.2026", "16:45", "Instagram", "HR", "Karriere", "", "Mara Vogel", "#karriere", _CAREER),
    ("09.11.2026", "08:30", "Facebook", "Marketing", "Webinar", "", "Lea Schmid", "#webinar", _WEBINAR),
    ("09.11.2026", "11:45", "Instagram", "HR", "Ausbildung", "Azubi-Offensive", "Mara Vogel", "#ausbildung #azubi", _APPRENTICE),
    ("09.11.2026", "10:00", "LinkedIn", "PR", "Nachhaltigkeit", "", "Tim Keller", "#nachhaltigkeit", _REPORT),  # missed on LinkedIn
    ("10.11.2026", "11:45", "Instagram", "HR", "Ausbildung", "Azubi-Offensive", "Mara Vogel", "#azubi", _FAIR),
    ("10.11.2026", "13:30", "Facebook", "Kundenservice", "Service", "", "Jonas Berger", "#service", _TIP),
    ("10.11.2026", "09:00", "X", "Kundenservice", "Service", "", "Jonas Berger", "#service", _SERVICE),
    ("11.11.2026", "10:00", "LinkedIn", "Marketing", "Webinar", "", "Lea Schmid", "#webinar", _WEBINAR),
    ("11.11.2026", "15:00", "TikTok", "HR", "Ausbildung", "Azubi-Offensive", "Mara Vogel", "#ausbildung #azubi", _APPRENTICE),
    ("10.11.2026", "09:00", "Instagram", "PR", "Nachhaltigkeit", "", "Tim Keller", "#nachhaltigkeit", _REPORT),  # published a day late
    ("12.11.2026", "16:30", "Facebook", "Marketing", "Webinar", "", "Lea Schmid", "#webinar", _WEBINAR),
    ("12.11.2026", "15:00", "TikTok", "HR", "Ausbildung", "Azubi-Offensive", "Mara Vogel", "#ausbildung", _WORKSHOP),
    ("12.11.2026", "16:30", "Instagram", "HR", "Karriere", "", "Mara Vogel", "#karriere", _CAREER),
    ("13.11.2026", "09:00", "Facebook", "Kundenservice", "Service", "", "Jonas Berger", "#service", _FAQ),
    ("13.11.2026", "15:00", "TikTok", "HR", "Ausbildung", "Azubi-Offensive", "Mara Vogel", "#ausbildung #azubi", _APPRENTICE),
    ("13.11.2026", "10:00", "LinkedIn", "Vertrieb", "Referenz", "", "Paul Wagner", "#referenz", _REFERENCE),  # missed again
    ("16.11.2026", "13:15", "Facebook", "Marketing", "Produkt", "HX-400 Markteinführung", "Lea Schmid", "#produkt", _PRODUCT),
    ("16.11.2026", "13:15", "Instagram", "HR", "Ausbildung", "Azubi-Offensive", "Mara Vogel", "#azubi", _FAIR),
    ("17.11.2026", "09:00", "X", "Kundenservice", "Service", "", "Jonas Berger", "#service", _SERVICE),  # published a day early
    ("18.11.2026", "15:00", "TikTok", "HR", "Ausbildung", "Azubi-Offensive", "Mara Vogel", "#azubi", _FAIR),
    ("19.11.2026", "10:00", "LinkedIn", "PR", "Nachhaltigkeit", "", "Tim Keller", "#nachhaltigkeit", "Werk Rosenheim spart 800 t CO₂"),
    ("19.11.2026", "13:30", "Facebook", "Marketing", "Webinar", "", "Lea Schmid", "#webinar", _WEBINAR),
    ("20.11.2026", "10:00", "LinkedIn", "HR", "Ausbildung", "Azubi-Offensive", "Mara Vogel", "#ausbildung", _WORKSHOP),
    ("20.11.2026", "15:00", "TikTok", "HR", "Ausbildung", "Azubi-Offensive", "Mara Vogel", "#ausbildung", _WORKSHOP),
    ("20.11.2026", "17:00", "Instagram", "Marketing", "Advent", "", "Lea Schmid", "#advent", "Adventskalender-Gewinnspiel startet"),  # missed
)

CAMPAIGNS: tuple[dict[str, object], ...] = (
    {
        "name": "Azubi-Offensive",
        "date_from": dt.date(2026, 11, 1),
        "date_to": dt.date(2026, 11, 30),
        "key_messages": "Ausbildung mit Zukunft, Ausbildung, Azubis",
        "hashtags": "#azubi #ausbildung",
        "department": "HR",
    },
    {
        "name": "HX-400 Markteinführung",
        "date_from": dt.date(2026, 10, 26),
        "date_to": dt.date(2026, 11, 20),
        "key_messages": "HX-400, weniger Energiebedarf",
        "hashtags": "#produkt",
        "department": "Marketing",
    },
)

EVENTS_HEADER = ("Datum", "Bis", "Titel", "Beschreibung", "Kategorie", "Abteilung", "Kanäle", "Farbe")
EVENTS: tuple[tuple[str, ...], ...] = (
    ("30.10.2026", "", "Launch Servoantrieb HX-400", "Markteinführung mit Pressemitteilung", "Produkt", "Marketing", "LinkedIn, Facebook", "#E07B39"),
    ("03.11.2026", "06.11.2026", "Ausbildungsmesse Rosenheim", "Stand mit Azubis aus der Lehrwerkstatt", "Messe", "HR", "", "#3D9970"),
    ("18.11.2026", "", "120 Jahre Haberland", "Firmenjubiläum", "Unternehmen", "PR", "", "#B10DC9"),
)


def _csv(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> bytes:
    """UTF-8 with BOM and ``;`` as German Excel writes it; no cell holds a ``;`` or a quote."""
    lines = [";".join(header), *(";".join(row) for row in rows)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def plan_bytes() -> bytes:
    rows = [(d, t, ch, "", dep, topic, camp, "", owner, "geplant", "", tags, "", text) for d, t, ch, dep, topic, camp, owner, tags, text in ITEMS]
    return _csv(PLAN_HEADER, rows)


def events_bytes() -> bytes:
    return _csv(EVENTS_HEADER, list(EVENTS))


def load_demo_plan(engine: Engine) -> bool:
    """Store the demo plan, campaigns and events; a second call changes nothing. True if stored now."""
    from ingest.plan_reader import read_plan_upload
    from storage.plan import all_campaigns, save_campaign, save_event, save_plan

    parsed = read_plan_upload(DEMO_PLAN.name, DEMO_PLAN.read_bytes())
    if parsed.status != "parsed":
        raise RuntimeError("; ".join(str(i) for i in parsed.issues))
    stored = save_plan(engine, DEMO_PLAN.name, DEMO_PLAN.read_bytes(), parsed.tables["plan"])
    if stored.duplicate or not all_campaigns(engine).empty:
        return False
    for campaign in CAMPAIGNS:
        save_campaign(engine, **campaign)  # type: ignore[arg-type]
    events = read_plan_upload(DEMO_EVENTS.name, DEMO_EVENTS.read_bytes(), kind="events")
    for row in events.tables["events"].to_dict("records"):
        save_event(engine, {**row, "date_from": row["date_from"].date(), "date_to": row["date_to"].date(), "department": row["department"] or None})
    return True


if __name__ == "__main__":
    DEMO_PLAN.write_bytes(plan_bytes())
    DEMO_EVENTS.write_bytes(events_bytes())
