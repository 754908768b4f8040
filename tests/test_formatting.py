"""German and English number and date formats (Babel)."""

from __future__ import annotations

import datetime as dt

import pytest

from metrics import formatting
from model.i18n import TEXTS, Language
from model.issues import info


@pytest.mark.parametrize(
    ("function", "args", "german", "english"),
    [
        (lambda value, language: formatting.number(value, language, digits=1), (1234.5,), "1.234,5", "1,234.5"),
        (formatting.number, (1234567,), "1.234.567", "1,234,567"),
        (formatting.percent, (0.123,), "12,3 %", "12.3%"),
        (lambda value, language: formatting.percent(value, language, digits=0), (0.8254,), "83 %", "83%"),
        (formatting.change, (-0.0404,), "-4,0 %", "-4.0%"),
        (formatting.kpi_value, (0.0434, "percent"), "4,34 %", "4.34%"),
        (formatting.date, (dt.date(2026, 12, 31),), "31.12.2026", "2026-12-31"),
        (formatting.period, (dt.date(2026, 4, 1), dt.date(2026, 4, 30)), "01.04.2026 – 30.04.2026", "2026-04-01 – 2026-04-30"),
        # stored times are UTC; shown in Europe/Berlin (CET in winter, CEST in summer)
        (formatting.datetime, (dt.datetime(2026, 11, 26, 7, 43),), "26.11.2026 08:43", "2026-11-26 08:43"),
        (formatting.datetime, (dt.datetime(2026, 7, 1, 22, 30),), "02.07.2026 00:30", "2026-07-02 00:30"),
        (formatting.number, (None,), "–", "–"),
    ],
)
def test_formats(function, args, german, english) -> None:
    assert function(*args, Language.DE) == german
    assert function(*args, Language.EN) == english


def test_every_text_exists_in_both_languages() -> None:
    assert [key for key, texts in TEXTS.items() if set(texts) != set(Language) or not all(texts.values())] == []


def test_platforms_are_written_as_their_makers_write_them() -> None:
    from model.i18n import platform_name

    names = [platform_name(p, Language.EN) for p in ("linkedin", "youtube", "tiktok", "x", "other")]
    assert names == ["LinkedIn", "YouTube", "TikTok", "X", "Other"]
    assert platform_name("other", Language.DE) == "Sonstige"
    assert platform_name("Haberland AG", Language.DE) == "Haberland AG"  # not a platform: left as it is


@pytest.mark.parametrize("language", list(Language))
def test_numbers_are_babel_s_own_formats_with_the_locale_parsed_once(language: Language) -> None:
    # formatting parses the locale and patterns once (a tenth of a Goals rerun); it must write what Babel's API writes.
    from babel.numbers import format_decimal, format_percent

    locale = formatting.LOCALES[language]
    for value in (0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 1234.5, 1_234_567.891, -98_765.4321, 1e15, 0.125, 0.0005):
        assert formatting.number(value, language) == format_decimal(value, format="#,##0", locale=locale)
        assert formatting.number(value, language, digits=2) == format_decimal(value, format="#,##0.00", locale=locale)
        sign = formatting.PERCENT_SIGN[language]
        assert formatting.percent(value / 1000, language) == format_percent(value / 1000, format="#,##0.0" + sign, locale=locale)
    assert formatting.number(1234.5, Language.DE, digits=2) == "1.234,50" and formatting.percent(0.123, Language.DE) == "12,3 %"


@pytest.mark.parametrize(
    ("code", "params", "german", "english"),
    [
        # a platform key is written by its name; a day in the reader's form (seen in a new user's run: "youtube-Dateien",
        # "Stand vom 2026-03-23" on a German page)
        (
            "ingest.account_from_siblings",
            {"platform": "youtube", "account": "Haberland TV"},
            "die anderen YouTube-Dateien seines Ordners gehören zu „Haberland TV“",
            "the other YouTube files of its folder are 'Haberland TV'",
        ),
        (
            "ingest.platform_undecided",
            {"candidates": "facebook / instagram", "siblings": "facebook, instagram"},
            "ob sie von Facebook / Instagram stammt, und die anderen Dateien helfen nicht weiter (gefunden: Facebook, Instagram)",
            "whether it is Facebook / Instagram, and the other files do not tell (found: Facebook, Instagram)",
        ),
        ("ingest.audience_snapshot", {"day": "2026-03-23"}, "gespeichert als Stand vom 23.03.2026.", "stored as the snapshot of 2026-03-23."),
        # what a file wrote stays as written: a value that only looks like a day, text around a day, no real day
        ("ingest.audience_snapshot", {"day": "2026-13-45"}, "Stand vom 2026-13-45.", "snapshot of 2026-13-45."),
        ("ingest.audience_snapshot", {"day": "am 2026-03-23"}, "Stand vom am 2026-03-23.", "snapshot of am 2026-03-23."),
        # the years assumed for dates without one (seen in a user's run: "angenommen: 2025-04-08 bis 2026-02-01")
        (
            "ingest.dates_no_year",
            {"first": "2025-04-08", "last": "2026-02-01", "reference": "2026-02-28"},
            "angenommen: 08.04.2025 bis 01.02.2026, die letzten solchen Tage bis zum 28.02.2026.",
            "assumed 2025-04-08 to 2026-02-01, the latest dates on or before 2026-02-28.",
        ),
        # a day is localised by the parameter's meaning: a value the file wrote that looks like one stays as written
        ("ingest.total_row_dropped", {"label": "2026-03-23"}, "Spaltensummen ('2026-03-23')", "column totals ('2026-03-23')"),
        # metric keys by their labels, counters in the reader's numbers (seen: "followers_gained", "32506.0 -> 1200")
        (
            "ingest.conflicting_days",
            {"other": "Follows.csv", "metrics": "followers_gained, engagements", "days": "3"},
            "andere Werte für Neue Follower, Interaktionen;",
            "other New followers, Engagements values",
        ),
        (
            "storage.counters_lowered",
            {"count": "2", "summary": "impressions 32506 -> 1200.5 (2)", "posts": "1800123456789 (impressions 32506 -> 1200.5)"},
            "nachher, in Klammern die Zahl der Beiträge): Impressionen 32.506 → 1.200,5 (2). Der neuere Export gilt trotzdem; "
            "prüfen Sie, ob er vollständig ist, und machen Sie den Import sonst rückgängig. Beiträge: 1800123456789 (Impressionen 32.506 → 1.200,5)",
            "(sum before → after, in brackets the number of posts): Impressions 32,506 → 1,200.5 (2).",
        ),
    ],
)
def test_message_parameters_are_written_in_the_readers_language(code: str, params: dict[str, str], german: str, english: str) -> None:
    issue = info(code, params=params)
    assert german in issue.text(Language.DE)
    assert english in issue.text(Language.EN) and english in issue.message  # the command line and logs write it alike
    assert issue.params == tuple(params.items())  # stored as given: the language is chosen when it is read
