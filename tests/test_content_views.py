"""The Content page's core: topics matched as whole words, publish times in the company's zone,
date-only posts out of the hour heatmap, and stored keys shown by their labels."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pandas as pd
import pytest

from ingest.pipeline import parse_export
from ingest.safety import sniff_container
from metrics.dataset import Dataset, Scope, TagRule, tag_posts
from metrics.engine import KpiEngine
from metrics.periods import period_between
from metrics.views import filter_posts, performance_by, post_table, topic_names, untimed, weekday_hour
from model.canonical import Grain, conform
from model.i18n import Language, export_name
from model.timezones import company_timezone, has_time_of_day, local_times, source_zone
from tests.conftest import REAL_EXPORTS, REFERENCE_DATE, read_one, require
from ui.imports import mapping_table, results_table

TEXTS = {
    "p1": "Wir sind auf der Messe in Hannover",
    "p2": "Heute am Messestand 4 #Messestand",
    "p3": "Neues Release für C++ und Rust",
    "p4": "C++11 ist alt",
    "p5": "Prüfung bestanden! #PRUEFUNG",
    "p6": "Pruefungsphase beginnt",
    "p7": "#messe2026 wir kommen",
    "p8": "MESSE-Tag: alle da",
}


def posts_frame(times: dict[str, str] | None = None) -> pd.DataFrame:
    times = times or {}
    rows = [
        {
            "platform": "linkedin",
            "account": "acme",
            "post_id": key,
            "published_at": times.get(key, "2026-04-06 08:15"),
            "text": text,
            "engagements": 10.0 * (n + 1),
        }
        for n, (key, text) in enumerate(TEXTS.items())
    ]
    frame = pd.DataFrame(rows)
    frame["published_at"] = pd.to_datetime(frame["published_at"], utc=True)
    return conform(frame.assign(source_row=1), Grain.POST)


RULES = (
    TagRule("Messe", "marketing", ("Messe",)),
    TagRule("Messestand", "marketing", ("#messestand",)),
    TagRule("C++", None, ("C++",)),
    TagRule("Prüfung", "hr", ("prüfung", "#prüfung")),
)


def tagged(rules: tuple[TagRule, ...] = RULES) -> dict[str, set[str]]:
    found = tag_posts(posts_frame(), rules)
    return {tag: set(found.loc[found["tag"] == tag, "post_id"]) for tag in found["tag"].unique()}


def test_keywords_match_whole_words_and_hashtags_whole_tags() -> None:
    tags = tagged()
    assert tags["Messe"] == {"p1", "p8"}  # not "Messestand" (p2), not the hashtag "#messe2026" (p7)
    assert tags["Messestand"] == {"p2"}


def test_user_terms_are_escaped_not_read_as_regex() -> None:
    assert tagged()["C++"] == {"p3"}  # "C++11" is another word


def test_matching_ignores_case_and_spells_umlauts_out() -> None:
    assert tagged()["Prüfung"] == {"p5"}  # "Prüfung" and "#PRUEFUNG"; "Pruefungsphase" is another word


def engine_with(rules: tuple[TagRule, ...], times: dict[str, str] | None = None) -> KpiEngine:
    return KpiEngine(Dataset(posts=posts_frame(times), tag_rules=rules))


APRIL = period_between(dt.date(2026, 4, 1), dt.date(2026, 4, 30))


def test_topic_filter_takes_whole_topic_names_and_survives_regex_characters() -> None:
    posts = post_table(engine_with(RULES), Scope(), APRIL)
    assert topic_names(posts) == ["C++", "Messe", "Messestand", "Prüfung"]
    assert set(filter_posts(posts, topics=["Messe"])["post_id"]) == {"p1", "p8"}
    assert set(filter_posts(posts, topics=["C++"])["post_id"]) == {"p3"}
    assert set(filter_posts(posts, search="c++")["post_id"]) == {"p3", "p4"}  # search is plain text too
    assert set(filter_posts(posts, search="(", topics=[])["post_id"]) == set()
    by_topic = performance_by(posts, "topics").set_index("category")
    assert by_topic.loc["Messe", "posts"] == 2
    assert by_topic.loc["Messe", "engagements_per_post"] == (10 + 80) / 2  # p1 = 10, p8 = 80


def test_topic_departments_are_keys_for_the_page_to_label() -> None:
    posts = post_table(engine_with(RULES), Scope(), APRIL).set_index("post_id")
    assert posts.loc["p5", "departments"] == ("hr",)
    assert posts.loc["p5", "tags"] == "Prüfung"


# ---------------------------------------------------------------- times


def test_times_are_shown_in_the_company_zone_and_days_stay_days(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RESONANZ_TIMEZONE", raising=False)
    assert company_timezone() == "Europe/Berlin"
    stored = pd.Series(pd.to_datetime(["2026-01-15 08:30", "2026-07-15 08:30", "2026-03-02 00:00", "2026-03-02 23:30"], utc=True))
    assert has_time_of_day(stored).tolist() == [True, True, False, True]
    assert local_times(stored).tolist() == [
        pd.Timestamp("2026-01-15 09:30"),  # CET
        pd.Timestamp("2026-07-15 10:30"),  # CEST
        pd.Timestamp("2026-03-02 00:00"),  # a day without a time keeps its day
        pd.Timestamp("2026-03-03 00:30"),  # late UTC evening is the next morning in Berlin
    ]
    monkeypatch.setenv("RESONANZ_TIMEZONE", "America/New_York")
    assert local_times(stored).tolist()[2:] == [pd.Timestamp("2026-03-02 00:00"), pd.Timestamp("2026-03-02 18:30")]  # not 01.03. 19:00
    monkeypatch.setenv("RESONANZ_TIMEZONE", "Mars/Olympus")
    assert company_timezone() == "Europe/Berlin"  # a typo does not stop every page


def test_heatmap_uses_local_hours_and_leaves_date_only_posts_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RESONANZ_TIMEZONE", raising=False)
    times = {"p1": "2026-04-06 08:15", "p2": "2026-04-06 00:00", "p3": "2026-04-07 00:00"}  # Monday 10:15 CEST; two date-only posts
    posts = post_table(engine_with((), times), Scope(), APRIL)
    assert untimed(posts) == 2
    grid = weekday_hour(posts)
    assert 0 not in grid.columns  # no hot "00" column from date-only posts
    # Monday 10 h (Berlin): p1 (10) and the other timed posts of that Monday 08:15 UTC: p4..p8 -> 40, 50, 60, 70, 80
    assert grid.loc[0, 10] == pytest.approx((10 + 40 + 50 + 60 + 70 + 80) / 6)
    assert int(grid.notna().sum().sum()) == 1


def posts_read_here(path: Path) -> pd.DataFrame:
    """The file's posts parsed in this process (the parser processes keep the environment they started with)."""
    data = path.read_bytes()
    return parse_export(path.name, data, sniff_container(path.name, data), REFERENCE_DATE).frames[Grain.POST].set_index("post_id")


def test_meta_publish_times_are_read_in_the_business_suite_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    path = REAL_EXPORTS / "facebook" / "leonmpofu" / "Jan-14-2025_Apr-14-2025_1396269028466733.csv"
    require(path.exists(), f"{path} not found")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    first = next(r for r in rows if r["Post ID"] and r["Publish time"])
    written = dt.datetime.strptime(first["Publish time"], "%m/%d/%Y %H:%M")
    monkeypatch.delenv("RESONANZ_META_TIMEZONE", raising=False)
    monkeypatch.setenv("RESONANZ_TIMEZONE", "Europe/Berlin")
    expected = pd.Timestamp(written).tz_localize("Europe/Berlin").tz_convert("UTC")
    assert posts_read_here(path).loc[first["Post ID"], "published_at"] == expected
    monkeypatch.setenv("RESONANZ_META_TIMEZONE", "Africa/Johannesburg")
    assert source_zone("meta") == "Africa/Johannesburg"
    assert posts_read_here(path).loc[first["Post ID"], "published_at"] == pd.Timestamp(written).tz_localize("Africa/Johannesburg").tz_convert("UTC")


def test_legacy_facebook_insights_times_are_pacific() -> None:
    path = REAL_EXPORTS / "facebook" / "vicvisual" / "Facebook Insights Data Export (Post Level) - Visualization Studio VIC - 2014-08-24 - 2015-02-19.csv"
    require(path.exists(), f"{path} not found")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    first = next(r for r in rows if r["Post ID"] and r["Posted"])
    written = dt.datetime.strptime(first["Posted"], "%m/%d/%Y %I:%M:%S %p")
    posts = read_one(path.name, path.read_bytes()).frames[Grain.POST].set_index("post_id")
    assert posts.loc[first["Post ID"], "published_at"] == pd.Timestamp(written).tz_localize("America/Los_Angeles").tz_convert("UTC")


# ---------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("report", "german", "english"),
    [
        ("instagram_posts", "Instagram-Beiträge", "Instagram posts"),
        ("meta_overview_reach", "Meta-Übersicht: Reichweite", "Meta overview: Reach"),
        (
            "linkedin_content_metrics+linkedin_content_posts",
            "LinkedIn-Inhalte: Kennzahlen je Tag + LinkedIn-Inhalte: Beiträge",
            "LinkedIn content: daily metrics + LinkedIn content: posts",
        ),
        ("youtube_newfangled_report", "YouTube newfangled report", "YouTube newfangled report"),
        (None, "–", "–"),
    ],
)
def test_export_types_are_named_not_keyed(report: str | None, german: str, english: str) -> None:
    assert export_name(report, Language.DE) == german
    assert export_name(report, Language.EN) == english


def test_import_results_show_the_export_type_label() -> None:
    result = read_one("x.csv", b"channel,account,post_id,published_at,impressions\nBlog,acme,1,2026-04-01 10:00,5\n")
    table = results_table([result], Language.DE)
    assert table["Exporttyp"].tolist() == ["Resonanz-Vorlage: Beiträge"]


def test_account_mapping_shows_platform_and_department_labels() -> None:
    accounts = pd.DataFrame({"platform": ["linkedin", "instagram", "x"], "account": ["acme", "acme_ig", "acme_x"]})
    accounts = accounts.assign(department=["marketing", "hr", None], label=[None, "Jobs", None])
    table = mapping_table(accounts, Language.DE)
    assert table["Plattform"].tolist() == ["LinkedIn", "Instagram", "X"]
    assert table["Abteilung"].tolist() == ["Marketing", "Personal / Employer Branding", "–"]
    assert mapping_table(accounts, Language.EN)["Department"].tolist() == ["Marketing", "HR / employer branding", "–"]
    assert table["Bezeichnung"].tolist() == ["–", "Jobs", "–"]  # a new user saw "None" for accounts without a label


def test_account_mapping_without_any_department_shows_dashes() -> None:
    """No goals workbook yet: every department missing (string dtype, as the store reads it). pandas 3 typed the
    mapped column as Arrow null and fillna raised ArrowInvalid: the Data page crashed on a fresh install."""
    accounts = pd.DataFrame({"platform": ["linkedin", "tiktok"], "account": ["acme", "acme.azubis"], "department": [pd.NA, pd.NA], "label": [pd.NA, pd.NA]})
    table = mapping_table(accounts.astype("string"), Language.DE)
    assert table["Abteilung"].tolist() == ["–", "–"]
    assert table["Bezeichnung"].tolist() == ["–", "–"]


def test_every_export_type_of_the_real_exports_has_a_name_in_both_languages() -> None:
    """Seen in a user's run: LinkedIn creator sheets listed by their keys' fallback ("LinkedIn creator discovery")."""
    from model.i18n import TEXTS
    from tests.test_real_exports import EXPECTED

    parts = {part for row in EXPECTED if row[3] for part in str(row[3]).split("+")}
    unnamed = sorted(p for p in parts if f"export.{p}" not in TEXTS and not p.startswith("meta_overview_"))
    assert unnamed == []
    assert export_name("linkedin_creator_discovery+linkedin_creator_top_posts", Language.DE) == "LinkedIn-Creator: Reichweite + LinkedIn-Creator: Top-Beiträge"


# ---------------------------------------------------------------- formats


@pytest.mark.parametrize(
    ("post_type", "key"),
    [  # every post type the real exports and the demo write, and the languages' words for them
        *[(t, "image") for t in ("Photo", "Photos", "IG image", "Imagem do Instagram", "Image", "Immagine di Instagram", "Bild", "Foto")],
        *[(t, "reel") for t in ("Reels", "IG reel", "Reel di Instagram", "Reel do Instagram")],
        *[(t, "carousel") for t in ("IG carousel", "Carrossel do Instagram", "Carosello di Instagram", "Karussell")],
        *[(t, "video") for t in ("Video", "Videos", "Vídeo")],
        *[(t, "link") for t in ("Link", "Links")],
        *[(t, "text") for t in ("Status", "Text")],
        ("Document", "document"),
        ("  ig_REEL ", "reel"),  # case, blanks and separators do not matter
        ("Live stream", "Live stream"),  # a type Resonanz does not know stays as written
        ("Organic", "Organic"),
    ],
)
def test_post_types_read_as_one_format_across_platforms_and_languages(post_type: str, key: str) -> None:
    from model.formats import post_format

    assert post_format(post_type) == key


def test_the_content_page_filters_and_compares_formats_not_spellings() -> None:
    """A user saw "Photos", "IG image", "Video" and "Videos" side by side on the Content page."""
    from model.i18n import format_name

    types = {"p1": "Photos", "p2": "IG image", "p3": "Video", "p4": "Videos", "p5": "Reel di Instagram"}
    frame = posts_frame().assign(post_type=lambda f: f["post_id"].map(types).astype("string"))
    posts = post_table(KpiEngine(Dataset(posts=frame)), Scope(), APRIL)
    assert set(filter_posts(posts, formats=["image"])["post_id"]) == {"p1", "p2"}
    by_format = performance_by(posts, "format").set_index("category")
    assert by_format["posts"].to_dict() == {"image": 2, "video": 2, "–": 3, "reel": 1}  # p6 to p8 have no type
    assert by_format.loc["image", "engagements_per_post"] == (10 + 20) / 2
    assert [format_name(f, Language.DE) for f in ("image", "carousel", "Live stream")] == ["Bild", "Karussell", "Live stream"]


@pytest.mark.parametrize("types", [{}, {"p1": "Photos", "p3": "Reel di Instagram"}], ids=["no post names a type", "some do"])
def test_formats_are_labelled_and_a_missing_one_is_a_dash(types: dict[str, str]) -> None:
    """Found at agency scale: exports that name no post type left an all-missing column, and the Content page crashed."""
    from metrics.views import format_labels

    frame = posts_frame().assign(post_type=lambda f: f["post_id"].map(types).astype("string"))
    posts = post_table(KpiEngine(Dataset(posts=frame)), Scope(), APRIL).set_index("post_id")
    labels = format_labels(posts["format"], Language.DE)
    expected = {key: {"p1": "Bild", "p3": "Reel"}.get(key, "–") if types else "–" for key in TEXTS}
    assert labels.to_dict() == expected
