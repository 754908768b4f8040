"""Write the demo company's exports in the platforms' native formats, and its goals workbook.

    .venv/bin/python -m sample_data.demo.generate [--out DIR]

Deterministic: a fixed seed and fixed dates, no clock; the same code writes the same bytes (a test
checks the committed files against a fresh run). Haberland Antriebstechnik GmbH is fictional.

Accounts and owners: LinkedIn company page (PR), Facebook page and YouTube channel (Marketing,
Sales), Instagram careers account and TikTok apprentices account (HR), X service account
(Customer service), XING through the generic template (Sales). History: 2025-01-01 to the export
day 2026-11-22 (TikTok: its last 365 days, as TikTok Studio exports days without a year).
The goals' targets are derived from the generated series, so that their statuses on the export
day cover every case: achieved, on track, at risk, off track and no data.

Headers: every header is the one the adapter that reads the file declares (``TableAdapter.header``,
``meta.written`` and the adapters' header tables); the generator holds none of its own, and writes
only the columns the adapters read (tests/test_demo.py checks both).

Follower totals, so that the Cockpit's follower figure covers every account:
- Facebook and Instagram: Business Suite's "Followers" overview file per quarter (the daily total).
- TikTok: FollowerHistory; XING: the Follower column of the generic template.
- LinkedIn: the page exports carry no total. "Total followers" on the followers export's sheet "New
  followers" is the day's new followers of all kinds (read as followers_gained); the demographic
  sheets count followers per bucket of members who state it. The one LinkedIn export naming the page's
  total is the competitor export (not stored: it is about other pages).
- X: no export has a follower total (the account overview has New follows and Unfollows only).
- So for LinkedIn and X the demo does what a user does: note the total shown on the profile on the
  first of each month (and on the export day) in the generic template with the platform as channel
  (``follower/``), which stores it under that platform's account. X's total moves exactly by its
  overview's follows minus unfollows.
The totals are drawn from their own random streams, so that adding them changed no other figure.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import itertools
import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter
import yaml

from ingest.adapters import generic
from ingest.adapters import linkedin as linkedin_adapter
from ingest.adapters import meta as meta_adapter
from ingest.adapters import tiktok as tiktok_adapter
from ingest.adapters import x as x_adapter
from ingest.adapters import youtube as youtube_adapter
from ingest.adapters.base import TableAdapter
from metrics.goals import SHEETS
from sample_data.demo import DEMO_DIR, DEMO_EXPORT_DAY

START = dt.date(2025, 1, 1)
END = DEMO_EXPORT_DAY
HORIZON = dt.date(2026, 12, 31)  # series run to here, so targets can be set on the whole period
TIKTOK_START = END - dt.timedelta(days=364)
FIXED_TIME = dt.datetime(2026, 11, 22, 8, 0)
DAYS = [START + dt.timedelta(days=i) for i in range((HORIZON - START).days + 1)]
EXPORT_DAYS = [d for d in DAYS if d <= END]
QUARTERS = [(dt.date(y, m, 1), min(dt.date(y + (m + 2) // 12, (m + 2) % 12 + 1, 1) - dt.timedelta(days=1), END)) for y in (2025, 2026) for m in (1, 4, 7, 10)]
SOFT = "\u00ad"

TOPICS = {
    "hr": [
        "Ausbildung zum Mechatroniker (m/w/d) – jetzt bewerben! #ausbildung #azubi",
        "Ein Tag in unserer Lehrwerkstatt #ausbildung",
        "Unsere Azubis auf der Ausbildungsmesse #azubi",
        "Karriere bei Haberland: Ingenieurinnen gesucht #karriere",
    ],
    "marketing": [
        "Neu: Servoantrieb HX-400 mit 12 % weniger Energiebedarf #produkt",
        "Besuchen Sie uns auf der Hannover Messe, Halle 15 #messe",
        "Webinar: Antriebe richtig dimensionieren #webinar",
        "Kundenprojekt: Verpackungslinie mit 30 Achsen #referenz",
    ],
    "pr": [
        "Haberland veröffentlicht Nachhaltigkeitsbericht 2025 #nachhaltigkeit",
        "Geschäftsführerin Dr. Anna Haberland im Interview",
        "Werk Rosenheim spart 800 t CO₂ #nachhaltigkeit",
        "120 Jahre Haberland: ein Blick zurück",
    ],
    "service": [
        "Wartungstipp: so prüfen Sie Ihr Getriebeöl #service",
        "Neue Ersatzteil-Hotline ab Montag #service",
        "FAQ: Firmware-Update für HX-Serie #service",
        "Danke für 4,8 Sterne im Kundenservice-Ranking",
    ],
}


@dataclass
class Truth:
    """The generated daily values per (platform, metric), for deriving the goals' targets."""

    values: dict[tuple[str, str], dict[dt.date, float]]

    def total(self, platform: str, metric: str, start: dt.date, end: dt.date) -> float:
        return sum(v for d, v in self.values[(platform, metric)].items() if start <= d <= end)

    def last(self, platform: str, metric: str, day: dt.date) -> float:
        series = self.values[(platform, metric)]
        return series[max(d for d in series if d <= day)]


def daily_series(rng: random.Random, base: float, growth: float, weekend: float = 0.55, noise: float = 0.18) -> dict[dt.date, float]:
    """Daily values: a yearly growth trend, weekday pattern, summer and Christmas dips, noise."""
    values = {}
    for index, day in enumerate(DAYS):
        trend = base * (1 + growth) ** (index / 365)
        weekday = weekend if day.weekday() >= 5 else 1.0
        season = 0.75 if day.month == 8 else 0.6 if (day.month == 12 and day.day > 20) else 1.1 if day.month in (3, 4, 10) else 1.0
        values[day] = max(0.0, round(trend * weekday * season * (1 + rng.uniform(-noise, noise))))
    return values


def post_days(rng: random.Random, per_week: float, start: dt.date = START) -> list[dt.datetime]:
    moments = []
    for day in (d for d in EXPORT_DAYS if d >= start):
        if day.weekday() < 5 and rng.random() < per_week / 5:
            moments.append(dt.datetime.combine(day, dt.time(rng.choice([8, 9, 11, 13, 16]), rng.choice([0, 15, 30, 45]))))
    return moments


Row = dict[str, object]  # canonical target of an adapter column -> cell


def _table(adapter: TableAdapter, rows: list[Row], targets: list[str] | None = None, spelling: int = 0) -> list[list[object]]:
    """A header row and the rows, each column headed as ``adapter`` reads it (``TableAdapter.header``).

    The generator names no platform header itself: every header comes from the adapter that reads the
    file, so a header the adapters change is written changed, and no header exists twice. Columns of a
    native export that no adapter reads are not written.
    """
    columns = targets or list(rows[0])
    return [[adapter.header(t, spelling) for t in columns]] + [[row[t] for t in columns] for row in rows]


_SYLLABLE = re.compile(r"([aeiouäöüy])(?=[bcdfghklmnprstvwz][aeiouäöüy])", re.IGNORECASE)


def _soft_hyphens(header: str) -> str:
    """German YouTube Studio hyphenates its headers with soft hyphens ("Auf\u00adru\u00adfe"); roughly so here."""
    return _SYLLABLE.sub("\\1" + SOFT, header)


def _csv(rows: list[list[object]], *, bom: bool = True, quote_all: bool = False, delimiter: str = ",") -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL, delimiter=delimiter, lineterminator="\n")
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode("utf-8") + buffer.getvalue().encode("utf-8")


def _utf16_overview(title: str, values: dict[dt.date, float], start: dt.date, end: dt.date, hour: int = 1) -> bytes:
    """Meta Business Suite's overview file: UTF-16 with BOM, a sep= line, a title line, Date/Primary."""
    header = ",".join(f'"{meta_adapter.written(h)}"' for h in (meta_adapter.DATE_HEADERS, meta_adapter.VALUE_HEADERS))
    lines = ["sep=,", f'"{title}"', header]
    lines += [f'"{d:%Y-%m-%d}T{hour:02d}:00:00","{int(values[d])}"' for d in values if start <= d <= end]
    return ("\n".join(lines) + "\n").encode("utf-16")


def _xlsx(sheets: list[tuple[str, list[list[object]]]]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_urls": False, "strings_to_numbers": False})
    book.set_properties({"created": FIXED_TIME, "author": "LinkedIn"})
    for name, rows in sheets:
        sheet = book.add_worksheet(name)
        for number, row in enumerate(rows):
            sheet.write_row(number, 0, row)
    book.close()
    return buffer.getvalue()


def _epoch_ms(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(9, 30), tzinfo=dt.UTC).timestamp() * 1000)


def _split(total: float, parts: int, rng: random.Random) -> list[int]:
    weights = [rng.random() + 0.2 for _ in range(parts)]
    return [round(total * w / sum(weights)) for w in weights]


# ---------------------------------------------------------------- platforms


def linkedin(rng: random.Random, truth: Truth) -> dict[str, bytes]:
    impressions = daily_series(rng, 1400, 0.35)
    clicks = {d: round(v * rng.uniform(0.012, 0.02)) for d, v in impressions.items()}
    reactions = {d: round(v * rng.uniform(0.02, 0.03)) for d, v in impressions.items()}
    comments = {d: round(v * rng.uniform(0.001, 0.003)) for d, v in impressions.items()}
    reposts = {d: round(v * rng.uniform(0.001, 0.002)) for d, v in impressions.items()}
    new_followers = {d: round(v * rng.uniform(0.003, 0.006)) for d, v in impressions.items()}
    page_views = {d: round(v * rng.uniform(0.03, 0.05)) for d, v in impressions.items()}
    truth.values.update(
        {
            ("linkedin", "impressions"): impressions,
            ("linkedin", "clicks"): clicks,
            ("linkedin", "reactions"): reactions,
            ("linkedin", "comments"): comments,
            ("linkedin", "shares"): reposts,
            ("linkedin", "followers_gained"): new_followers,
        }
    )
    posts = post_days(rng, 3)
    files = {}
    for start, end in QUARTERS:
        days = [d for d in EXPORT_DAYS if start <= d <= end]
        stamp = _epoch_ms(end)
        metrics = [
            [
                (
                    "Aggregated engagement metrics for your organic and sponsored posts over time. Date indicates when your posts were viewed "
                    "by LinkedIn members. Data is delayed by up to 2 days. All dates and times are in UTC."
                )
            ],
        ]
        metrics += _table(
            linkedin_adapter.CONTENT_METRICS,
            [
                {
                    "date": f"{d:%m/%d/%Y}",
                    "impressions": impressions[d],
                    "reach": round(impressions[d] * 0.62),
                    "clicks": clicks[d],
                    "reactions": reactions[d],
                    "comments": comments[d],
                    "shares": reposts[d],
                }
                for d in days
            ],
        )
        all_posts = [["Engagement metrics for individual posts. Created date indicates when your post was created. All dates and times are in UTC."]]
        post_rows: list[Row] = []
        for moment in (m for m in posts if start <= m.date() <= end):
            department = rng.choice(["pr", "pr", "hr", "marketing"])
            views, clicks_post = rng.randint(400, 4000), rng.randint(4, 90)
            likes, comments_post, reposts_post, follows = rng.randint(8, 120), rng.randint(0, 14), rng.randint(0, 9), rng.randint(0, 6)
            activity = 7000000000000000000 + int(moment.timestamp())
            post_rows.append(
                {
                    "text": rng.choice(TOPICS[department]),
                    "permalink": f"https://www.linkedin.com/feed/update/urn:li:activity:{activity}",
                    "distribution": "Organic",  # LinkedIn's "Post type"; the format is "Content Type"
                    "published_at": f"{moment:%m/%d/%Y}",
                    "impressions": views,
                    "views": "",
                    "clicks": clicks_post,
                    "reactions": likes,
                    "comments": comments_post,
                    "shares": reposts_post,
                    "followers_gained": follows,
                    "content_type": rng.choice(["Image", "Text", "Video", "Document"]),
                }
            )
        posts_targets = ["text", "permalink", "distribution", "published_at", "impressions", "views", "clicks", "reactions", "comments", "shares"]
        all_posts += _table(linkedin_adapter.CONTENT_POSTS, post_rows, posts_targets + ["followers_gained", "content_type"])
        files[f"linkedin/haberland-antriebstechnik_content_{stamp}.xlsx"] = _xlsx([("Metrics", metrics), ("All posts", all_posts)])
        followers = _table(
            linkedin_adapter.NEW_FOLLOWERS, [{"date": f"{d:%m/%d/%Y}", "_organic": new_followers[d], "followers_gained": new_followers[d]} for d in days]
        )
        demographics = [
            ("location", ["Rosenheim, Bayern", "München, Bayern", "Stuttgart, Baden-Württemberg", "Wien, Österreich"]),
            ("job_function", ["Engineering", "Operations", "Sales", "Purchasing"]),
            ("seniority", ["Senior", "Entry", "Manager", "Director"]),
            ("industry", ["Machinery Manufacturing", "Automotive", "Food and Beverage Manufacturing"]),
            ("company_size", ["51-200", "201-500", "1001-5000"]),
        ]
        sheets = [("New followers", followers)]
        for dimension, buckets in demographics:
            title = linkedin_adapter.DIMENSION_HEADERS[dimension][0]
            counts = sorted(_split(4200 + 600 * QUARTERS.index((start, end)), len(buckets), rng), reverse=True)
            header = [title, linkedin_adapter.DEMOGRAPHIC_VALUE_HEADERS["followers"][0]]
            sheets.append((title, [header] + [[b, n] for b, n in zip(buckets, counts, strict=True)]))
        files[f"linkedin/haberland-antriebstechnik_followers_{stamp}.xlsx"] = _xlsx(sheets)
        visits = [{"date": f"{d:%m/%d/%Y}", "page_views": page_views[d], "unique_visitors": round(page_views[d] * 0.55)} for d in days]
        files[f"linkedin/haberland-antriebstechnik_visitors_{stamp}.xlsx"] = _xlsx([("Visitor metrics", _table(linkedin_adapter.VISITORS, visits))])
    totals = follower_totals("linkedin follower totals", new_followers, 4100)
    truth.values[("linkedin", "followers")] = totals
    files["follower/linkedin_follower.csv"] = _noted_totals("LinkedIn", "haberland-antriebstechnik", totals)
    return files


# The posts exports' columns, in Business Suite's order, by the adapters' targets (the headers come from the adapters).
FACEBOOK_POST_COLUMNS = [
    "post_id", "_page_id", "account", "title", "text", "_duration", "published_at", "permalink", "post_type", "impressions", "reach",
    "engagements", "reactions", "comments", "shares", "clicks", "link_clicks", "other_clicks", "seconds_viewed",
]  # fmt: skip
INSTAGRAM_POST_COLUMNS = [
    "post_id", "_account_id", "account", "_account_name", "text", "_duration", "published_at", "permalink", "post_type", "impressions", "reach",
    "reactions", "shares", "comments", "saves", "followers_gained",
]  # fmt: skip


# X's columns, in X's order, by the adapters' targets.
X_CONTENT_COLUMNS = [
    "post_id", "published_at", "text", "permalink", "impressions", "reactions", "engagements", "saves", "share", "followers_gained",
    "comments", "reposts", "profile_visits", "clicks",
]  # fmt: skip
X_OVERVIEW_COLUMNS = [
    "date", "impressions", "reactions", "engagements", "saves", "share", "followers_gained", "followers_lost", "comments", "reposts",
    "profile_visits", "views",
]  # fmt: skip


def meta(rng: random.Random, truth: Truth, platform: str) -> dict[str, bytes]:
    facebook = platform == "facebook"
    views = daily_series(rng, 2600 if facebook else 1900, 0.05 if facebook else 0.45)
    reach = {d: round(v * rng.uniform(0.55, 0.7)) for d, v in views.items()}
    interactions = {d: round(v * rng.uniform(0.025, 0.04)) for d, v in views.items()}
    follows = {d: round(v * rng.uniform(0.002, 0.004)) for d, v in views.items()}
    visits = {d: round(v * rng.uniform(0.02, 0.04)) for d, v in views.items()}
    link_clicks = {d: round(v * rng.uniform(0.004, 0.008)) for d, v in views.items()}
    truth.values.update(
        {
            (platform, "impressions"): views,
            (platform, "reach"): reach,
            (platform, "engagements"): interactions,
            (platform, "followers_gained"): follows,
            (platform, "clicks"): link_clicks,
        }
    )
    followers = follower_totals(f"{platform} follower totals", follows, 8200 if facebook else 3100)
    truth.values[(platform, "followers")] = followers
    name = "Facebook" if facebook else "Instagram"

    def title(key: str, named: bool = True) -> str:
        """An overview file's title as Business Suite writes it: the metric, after the platform's name where Meta names it."""
        text = meta_adapter.written(meta_adapter.OVERVIEW_TITLES[key][0])
        return f"{name} {text[0].lower()}{text[1:]}" if named else text

    titles = {
        "Reach.csv": (title("reach"), reach),
        "Views.csv": (title("views", named=False), views),
        "Follows.csv": (title("follows"), follows),
        "Followers.csv": (title("followers"), followers),
        "Visits.csv": (title("visits") if facebook else title("profile_visits"), visits),
        "Interactions.csv": (title("content_interactions", named=False), interactions),
        "Link clicks.csv": (title("link_clicks"), link_clicks),
    }
    posts = post_days(rng, 4 if facebook else 3.5)
    adapter = meta_adapter.FACEBOOK_POSTS if facebook else meta_adapter.INSTAGRAM_POSTS
    files = {}
    for start, end in QUARTERS:
        folder = f"{platform}/{start:%Y}-Q{(start.month - 1) // 3 + 1}"
        for file_name, (file_title, values) in titles.items():
            files[f"{folder}/{file_name}"] = _utf16_overview(file_title, values, start, end, hour=1 if facebook else 0)
        rows: list[Row] = []
        for moment in (m for m in posts if start <= m.date() <= end):
            department = rng.choice(["marketing", "marketing", "service", "pr"] if facebook else ["hr", "hr", "hr", "pr"])
            text = rng.choice(TOPICS[department])
            post_views, post_reach = rng.randint(300, 6000), 0
            post_reach = round(post_views * rng.uniform(0.5, 0.8))
            likes, comments, shares = rng.randint(5, 160), rng.randint(0, 25), rng.randint(0, 30)
            identifier = str(10**15 + int(moment.timestamp()))
            if facebook:
                link, other = rng.randint(0, 60), rng.randint(0, 40)
                kind = rng.choice(["Photos", "Photos", "Links", "Videos", "Reels"])
                seconds = rng.randint(200, 9000) if kind in ("Videos", "Reels") else ""
                rows.append(
                    {
                        "post_id": identifier,
                        "_page_id": "104455667788990",
                        "account": "Haberland Antriebstechnik",
                        "title": "",
                        "text": text,
                        "_duration": rng.randint(15, 120) if seconds else "",
                        "published_at": f"{moment:%m/%d/%Y %H:%M}",
                        "permalink": f"https://www.facebook.com/haberland.antriebe/posts/{identifier}",
                        "post_type": kind,
                        "impressions": post_views,
                        "reach": post_reach,
                        "engagements": likes + comments + shares,
                        "reactions": likes,
                        "comments": comments,
                        "shares": shares,
                        "clicks": link + other,
                        "link_clicks": link,
                        "other_clicks": other,
                        "seconds_viewed": seconds,
                    }
                )
            else:
                saves, follows_post = rng.randint(0, 40), rng.randint(0, 8)
                kind = rng.choice(["IG image", "IG carousel", "IG reel", "IG reel"])
                rows.append(
                    {
                        "post_id": identifier,
                        "_account_id": "17841400000000001",
                        "account": "haberland_karriere",
                        "_account_name": "Haberland Karriere",
                        "text": text,
                        "_duration": rng.randint(10, 60) if kind == "IG reel" else "",
                        "published_at": f"{moment:%m/%d/%Y %H:%M}",
                        "permalink": f"https://www.instagram.com/p/{identifier[-11:]}/",
                        "post_type": kind,
                        "impressions": post_views,
                        "reach": post_reach,
                        "reactions": likes,
                        "shares": shares,
                        "comments": comments,
                        "saves": saves,
                        "followers_gained": follows_post,
                    }
                )
        page_id = "104455667788990" if facebook else "17841400000000001"
        targets = FACEBOOK_POST_COLUMNS if facebook else INSTAGRAM_POST_COLUMNS
        files[f"{folder}/{start:%b-%d-%Y}_{end:%b-%d-%Y}_{page_id}.csv"] = _csv(_table(adapter, rows, targets))
    return files


def follower_totals(seed: str, follows: dict[dt.date, float], start: float) -> dict[dt.date, float]:
    """A follower total per day: the start plus each day's new followers minus a few unfollows.

    Its own random stream, so that adding the totals leaves every other generated figure as it was.
    """
    rng, total, totals = random.Random(seed), start, {}
    for day in DAYS:
        total += follows[day] - rng.randint(0, max(1, round(follows[day] * 0.4)))
        totals[day] = total
    return totals


def x_service(rng: random.Random, truth: Truth) -> dict[str, bytes]:
    impressions = daily_series(rng, 900, 0.1)
    replies = {d: round(v * rng.uniform(0.01, 0.02)) for d, v in impressions.items()}
    truth.values.update({("x", "impressions"): impressions, ("x", "comments"): replies})
    posts = post_days(rng, 5)
    files = {}
    for start, end in QUARTERS:
        folder = f"x/{start:%Y}-Q{(start.month - 1) // 3 + 1}"
        overview: list[Row] = []
        for d in sorted((d for d in EXPORT_DAYS if start <= d <= end), reverse=True):  # X writes the newest day first
            i = impressions[d]
            likes, reposts, shares, bookmarks = round(i * 0.02), round(i * 0.003), round(i * 0.001), round(i * 0.001)
            follows, unfollows, visits = round(i * 0.002), round(i * 0.0008), round(i * 0.006)
            overview.append(
                {
                    "date": f"{d:%a, %b %d, %Y}",
                    "impressions": i,
                    "reactions": likes,
                    "engagements": likes + replies[d] + reposts + shares + bookmarks + visits,
                    "saves": bookmarks,
                    "share": shares,
                    "followers_gained": follows,
                    "followers_lost": unfollows,
                    "comments": replies[d],
                    "reposts": reposts,
                    "profile_visits": visits,
                    "_posts_created": rng.randint(0, 3),  # "Create Post": a column no adapter reads, not written
                    "views": 0,
                }
            )
        files[f"{folder}/account_overview_analytics.csv"] = _csv(_table(x_adapter.OVERVIEW, overview, X_OVERVIEW_COLUMNS), bom=False)
        content: list[Row] = []
        for moment in sorted((m for m in posts if start <= m.date() <= end), reverse=True):
            identifier = str(1850000000000000000 + int(moment.timestamp()) * 1000)
            i = rng.randint(150, 2500)
            content.append(
                {
                    "post_id": identifier,
                    "published_at": f"{moment:%a, %b %d, %Y}",
                    "text": rng.choice(TOPICS["service"]),
                    "permalink": f"https://x.com/HaberlandAG/status/{identifier}",
                    "impressions": i,
                    "reactions": rng.randint(1, 40),
                    "engagements": rng.randint(5, 80),
                    "saves": rng.randint(0, 5),
                    "share": rng.randint(0, 4),
                    "followers_gained": rng.randint(0, 3),
                    "comments": rng.randint(0, 12),
                    "reposts": rng.randint(0, 8),
                    "profile_visits": rng.randint(0, 20),
                    # Detail expands, URL clicks, hashtag clicks, permalink clicks: drawn as before (the
                    # random stream stays the same); of them the adapter reads URL clicks only.
                    "_detail_expands": rng.randint(0, 10),
                    "clicks": rng.randint(0, 15),
                    "_hashtag_clicks": rng.randint(0, 5),
                    "_permalink_clicks": rng.randint(0, 6),
                }
            )
        name = f"{folder}/account_analytics_content_{start:%Y-%m-%d}_{end:%Y-%m-%d}.csv"
        files[name] = _csv(_table(x_adapter.CONTENT, content, X_CONTENT_COLUMNS), bom=False)
    # The total moves by the overview's new follows minus unfollows (the same roundings).
    net = {d: round(i * 0.002) - round(i * 0.0008) for d, i in impressions.items()}
    totals = {d: 1650.0 + running for d, running in zip(DAYS, itertools.accumulate(net[d] for d in DAYS), strict=True)}
    truth.values[("x", "followers")] = totals
    files["follower/x_follower.csv"] = _noted_totals("X", "HaberlandAG", totals)
    return files


def _noted_totals(channel: str, account: str, totals: dict[dt.date, float]) -> bytes:
    """The follower total noted from the profile on the first of each month and on the export day, in the
    generic template (German, like the XING file): what a user does for a platform whose exports have none."""
    days = [d for d in EXPORT_DAYS if d.day == 1] + [END]
    rows = [{"_channel": channel, "_account": account, "date": f"{d:%d.%m.%Y}", "followers": int(totals[d])} for d in days]
    return _csv(_table(generic.DAILY, rows, spelling=GENERIC_GERMAN), delimiter=";")


def youtube(rng: random.Random, truth: Truth) -> dict[str, bytes]:
    views = daily_series(rng, 380, 0.3, weekend=1.15)
    subscribers = {d: round(v * rng.uniform(0.002, 0.006)) for d, v in views.items()}
    truth.values.update({("youtube", "views"): views, ("youtube", "followers_net"): subscribers})
    files = {}
    for start, end in QUARTERS:
        folder = f"youtube/{start:%Y}-Q{(start.month - 1) // 3 + 1}"
        days = [{"date": f"{d:%Y-%m-%d}", "views": int(views[d]), "followers_net": int(subscribers[d])} for d in EXPORT_DAYS if start <= d <= end]
        files[f"{folder}/Gesamtwerte.csv"] = _csv(_german_youtube(youtube_adapter.TOTALS, days), bom=False)
    videos = []
    for moment in post_days(rng, 0.6):
        identifier = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") for _ in range(11))
        video_views = rng.randint(200, 9000)
        impressions = video_views * rng.randint(8, 20)
        title = rng.choice(
            ["HX-400 im Praxistest", "So funktioniert ein Planetengetriebe", "Messe-Rundgang Hannover", "Ausbildung bei Haberland", "Wartung in 5 Minuten"]
        )
        videos.append(
            {
                "post_id": identifier,
                "text": f"{title} | Haberland TV",
                "published_at": f"{moment:%b %-d, %Y}",
                "views": video_views,
                "watch_time_hours": round(video_views * rng.uniform(0.02, 0.06), 4),
                "followers_net": rng.randint(0, 40),
                "impressions": impressions,
            }
        )
    # The total row first, as Studio writes it, labelled with YouTube's German word for it.
    total = {"post_id": _soft_hyphens(youtube_adapter.TOTAL_ROW[1].capitalize()), "text": "", "published_at": ""} | {
        key: sum(v[key] for v in videos) for key in ("views", "followers_net", "impressions")
    }
    total["watch_time_hours"] = round(sum(v["watch_time_hours"] for v in videos), 4)
    table = _german_youtube(youtube_adapter.TABLE_VIDEOS, [total, *sorted(videos, key=lambda v: -v["views"])], YOUTUBE_VIDEO_COLUMNS)
    files["youtube/Tabellendaten.csv"] = _csv(table, bom=False)
    return files


# Table data's columns, in Studio's order, by the adapter's targets.
YOUTUBE_VIDEO_COLUMNS = ["post_id", "text", "published_at", "views", "watch_time_hours", "followers_net", "impressions"]
YOUTUBE_GERMAN = 1  # YouTube's alias tuples list each header in en, de, es, fr, it, pt, nl


def _german_youtube(adapter: TableAdapter, rows: list[Row], targets: list[str] | None = None) -> list[list[object]]:
    """A YouTube Studio table as the German UI writes it: German headers with soft hyphens."""
    header, *body = _table(adapter, rows, targets, spelling=YOUTUBE_GERMAN)
    return [[_soft_hyphens(str(h)) for h in header], *body]


def tiktok(rng: random.Random, truth: Truth) -> dict[str, bytes]:
    views = daily_series(rng, 2400, 0.9, weekend=1.3, noise=0.35)
    followers, total = {}, 1800.0
    for day in DAYS:
        total += max(0, round(views[day] * rng.uniform(0.004, 0.008)) - rng.randint(0, 6))
        followers[day] = total
    truth.values.update({("tiktok", "views"): views, ("tiktok", "followers"): followers})
    days = [d for d in EXPORT_DAYS if d >= TIKTOK_START]

    def label(day: dt.date) -> str:
        return f"{day:%B} {day.day}"

    overview = _table(
        tiktok_adapter.OVERVIEW,
        [
            {
                "date": label(d),
                "views": int(views[d]),
                "profile_visits": round(views[d] * 0.01),
                "reactions": round(views[d] * 0.06),
                "comments": round(views[d] * 0.004),
                "shares": round(views[d] * 0.003),
            }
            for d in days
        ],
    )
    history = _table(
        tiktok_adapter.FOLLOWER_HISTORY,
        [{"date": label(d), "followers": int(followers[d]), "followers_net": int(followers[d] - followers[d - dt.timedelta(days=1)])} for d in days],
    )
    videos: list[Row] = []
    for moment in post_days(rng, 2.5, TIKTOK_START):
        identifier = 7400000000000000000 + int(moment.timestamp())
        video_views = rng.randint(800, 60000)
        videos.append(
            {
                "_export_day": label(END),
                "text": rng.choice(TOPICS["hr"]),
                "permalink": f"https://www.tiktok.com/@haberland.azubis/video/{identifier}",
                "_post_time": label(moment.date()),
                "reactions": round(video_views * rng.uniform(0.03, 0.09)),
                "comments": rng.randint(0, 120),
                "shares": rng.randint(0, 90),
                "views": video_views,
            }
        )
    content = _table(tiktok_adapter.CONTENT, videos)
    return {
        "tiktok/Overview.csv": _csv(overview, quote_all=True),
        "tiktok/FollowerHistory.csv": _csv(history, quote_all=True),
        "tiktok/Content.csv": _csv(content, quote_all=True),
    }


def xing(rng: random.Random, truth: Truth) -> dict[str, bytes]:
    impressions = daily_series(rng, 260, 0.2)
    followers, total = {}, 2100.0
    for day in DAYS:
        total += rng.randint(0, 3)
        followers[day] = total
    truth.values.update({("other", "impressions"): impressions, ("other", "followers"): followers})
    files = {}
    for year in (2025, 2026):
        rows = [
            {
                "_channel": "XING",
                "_account": "Haberland Antriebstechnik",
                "date": f"{d:%d.%m.%Y}",
                "impressions": f"{int(impressions[d]):,}".replace(",", "."),
                "engagements": round(impressions[d] * 0.03),
                "clicks": round(impressions[d] * 0.01),
                "followers": f"{int(followers[d]):,}".replace(",", "."),
            }
            for d in EXPORT_DAYS
            if d.year == year
        ]
        # The template's German headers: Kanal, Konto, Datum and the metrics' German labels (GENERIC_GERMAN).
        files[f"xing/xing_tageswerte_{year}.csv"] = _csv(_table(generic.DAILY, rows, spelling=GENERIC_GERMAN), delimiter=";")
    return files


# ---------------------------------------------------------------- goals


GENERIC_GERMAN = -1  # the generic template's aliases: the canonical name, the English label, the German one last


def goals(truth: Truth) -> dict[str, list[dict[str, object]]]:
    q4 = (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    q3 = (dt.date(2026, 7, 1), dt.date(2026, 9, 30))

    def full(platform: str, metric: str, period: tuple[dt.date, dt.date]) -> float:
        return truth.total(platform, metric, *period)

    def so_far(platform: str, metric: str, period: tuple[dt.date, dt.date]) -> float:
        return truth.total(platform, metric, period[0], END)

    def rounded(value: float) -> float:
        magnitude = 10 ** max(0, int(math.log10(abs(value))) - 1) if value else 1
        return round(value / magnitude) * magnitude

    linkedin_engagements = sum(full("linkedin", m, q4) for m in ("clicks", "reactions", "comments", "shares"))
    linkedin_rate = linkedin_engagements / full("linkedin", "impressions", q4)
    tiktok_start = truth.last("tiktok", "followers", dt.date(2025, 12, 31))
    tiktok_end = truth.last("tiktok", "followers", dt.date(2026, 12, 31))
    objectives = [
        {
            "id": "PR-1",
            "objective": "Haberland als Technologieführer sichtbar machen",
            "department": "pr",
            "level": "outcome",
            "description": "Reichweite und Resonanz der Unternehmenskommunikation auf LinkedIn",
        },
        {
            "id": "MK-1",
            "objective": "Reichweite der Produktkommunikation ausbauen",
            "department": "marketing",
            "level": "output",
            "description": "Facebook und YouTube",
        },
        {
            "id": "VT-1",
            "objective": "Qualifizierte Leads aus Social Media gewinnen",
            "department": "sales",
            "level": "outflow",
            "description": "XING, YouTube und Messekontakte",
        },
        {
            "id": "HR-1",
            "objective": "Arbeitgebermarke bei Schulabgängern stärken",
            "department": "hr",
            "level": "outflow",
            "description": "Instagram, TikTok und Bewerbungen",
        },
        {
            "id": "KS-1",
            "objective": "Kundenanfragen schnell und freundlich beantworten",
            "department": "service",
            "level": "outcome",
            "description": "Service über X",
        },
    ]
    key_results = [
        # PR: on track (impressions), achieved (engagement rate already above target), at risk (awareness survey)
        {
            "objective_id": "PR-1",
            "kpi": "impressions",
            "platform": "linkedin",
            "period": "2026-Q4",
            "baseline": rounded(full("linkedin", "impressions", (dt.date(2026, 7, 1), dt.date(2026, 9, 30)))),
            "target": rounded(full("linkedin", "impressions", q4) * 0.92),
            "type": "verbindlich",
        },
        {
            "objective_id": "PR-1",
            "kpi": "engagement_rate",
            "platform": "linkedin",
            "period": "2026-Q4",
            "baseline": round(linkedin_rate * 0.8, 4),
            "target": round(linkedin_rate * 0.9, 4),
            "type": "verbindlich",
        },
        {"objective_id": "PR-1", "kpi": "awareness", "period": "2026", "baseline": 0.30, "target": 0.35, "type": "ambitioniert"},
        # Marketing: off track (Facebook impressions), on track (YouTube views), no data (LinkedIn has no saves)
        {
            "objective_id": "MK-1",
            "kpi": "impressions",
            "platform": "facebook",
            "period": "2026-Q4",
            "baseline": rounded(full("facebook", "impressions", q3)),
            "target": rounded(full("facebook", "impressions", q4) * 1.8),
            "type": "verbindlich",
        },
        {
            "objective_id": "MK-1",
            "kpi": "views",
            "platform": "youtube",
            "period": "2026",
            "baseline": rounded(full("youtube", "views", (dt.date(2025, 1, 1), dt.date(2025, 12, 31)))),
            "target": rounded(full("youtube", "views", year) * 0.95),
            "type": "verbindlich",
        },
        {"objective_id": "MK-1", "kpi": "saves", "platform": "linkedin", "period": "2026-Q4", "baseline": 0, "target": 200, "type": "ambitioniert"},
        # Sales: at risk (leads), on track (XING impressions)
        {"objective_id": "VT-1", "kpi": "leads", "period": "2026", "baseline": 300, "target": 330, "type": "verbindlich"},
        {
            "objective_id": "VT-1",
            "kpi": "impressions",
            "platform": "other",
            "account": "XING: Haberland Antriebstechnik",
            "period": "2026",
            "baseline": rounded(full("other", "impressions", (dt.date(2025, 1, 1), dt.date(2025, 12, 31)))),
            "target": rounded(full("other", "impressions", year) * 0.97),
            "type": "verbindlich",
        },
        # HR: at risk (TikTok followers: the linear trend lags the accelerating growth), off track (Instagram engagements),
        # achieved (applications in the past quarter Q3; posts tagged "Ausbildung" in Q4)
        {
            "objective_id": "HR-1",
            "kpi": "followers",
            "platform": "tiktok",
            "period": "2026",
            "baseline": rounded(tiktok_start),
            "target": rounded(tiktok_start + (tiktok_end - tiktok_start) * 0.95),
            "type": "verbindlich",
        },
        {
            "objective_id": "HR-1",
            "kpi": "engagements",
            "platform": "instagram",
            "period": "2026-Q4",
            "baseline": rounded(full("instagram", "engagements", q3)),
            "target": rounded(full("instagram", "engagements", q4) / 0.6),
            "type": "verbindlich",
        },
        {"objective_id": "HR-1", "kpi": "applications", "period": "2026-Q3", "baseline": 90, "target": 110, "type": "verbindlich"},
        {"objective_id": "HR-1", "kpi": "posts", "tag": "Ausbildung", "period": "2026-Q4", "baseline": 20, "target": 30, "type": "ambitioniert"},
        # Service: achieved (response time, lower is better), at risk (X replies)
        {"objective_id": "KS-1", "kpi": "response_time_hours", "period": "2026-Q4", "baseline": 6, "target": 4, "type": "verbindlich"},
        {
            "objective_id": "KS-1",
            "kpi": "comments",
            "platform": "x",
            "period": "2026-Q4",
            "baseline": rounded(full("x", "comments", q3)),
            "target": rounded(full("x", "comments", q4) / 0.85),
            "type": "verbindlich",
        },
    ]
    manual = []
    for month in range(1, 24):
        day = dt.date(2025 + (month - 1) // 12, (month - 1) % 12 + 1, 28)
        if day > END:
            break
        manual.append(
            {
                "metric": "applications",
                "date": day,
                "value": 30 + month % 5 + (8 if day.month in (7, 8, 9) else 0),
                "department": "hr",
                "note": "Bewerbermanagement (Personio), Quelle Social Media",
            }
        )
        manual.append({"metric": "leads", "date": day, "value": 24 + month % 4, "department": "sales", "note": "CRM-Auswertung Kampagnenquelle Social"})
        manual.append({"metric": "service_requests_resolved", "date": day, "value": 140 + 3 * month, "department": "service", "note": "Ticketsystem, Kanal X"})
        manual.append(
            {"metric": "response_time_hours", "date": day, "value": round(6.5 - 0.12 * month, 2), "department": "service", "note": "Ticketsystem, Median"}
        )
    manual += [
        {"metric": "awareness", "date": dt.date(2025, 9, 30), "value": 0.29, "department": "pr", "note": "Markenmonitor 2025"},
        {"metric": "awareness", "date": dt.date(2026, 3, 31), "value": 0.31, "department": "pr", "note": "Markenmonitor Frühjahr 2026"},
        {"metric": "awareness", "date": dt.date(2026, 9, 30), "value": 0.34, "department": "pr", "note": "Markenmonitor Herbst 2026"},
    ]
    accounts = [
        {"platform": "linkedin", "account": "haberland-antriebstechnik", "department": "pr", "label": "Haberland Antriebstechnik (LinkedIn)"},
        {"platform": "facebook", "account": "Haberland Antriebstechnik", "department": "marketing", "label": "Haberland Antriebstechnik (Facebook)"},
        {"platform": "instagram", "account": "haberland_karriere", "department": "hr", "label": "Haberland Karriere (Instagram)"},
        {"platform": "x", "account": "HaberlandAG", "department": "service", "label": "@HaberlandAG (X)"},
        {"platform": "youtube", "account": "Haberland TV", "department": "marketing", "label": "Haberland TV (YouTube)"},
        {"platform": "tiktok", "account": "haberland.azubis", "department": "hr", "label": "@haberland.azubis (TikTok)"},
        {"platform": "other", "account": "XING: Haberland Antriebstechnik", "department": "sales", "label": "Haberland Antriebstechnik (XING)"},
    ]
    tags = [
        {"tag": "Ausbildung", "department": "hr", "match": "#ausbildung, #azubi, Ausbildung"},
        {"tag": "Karriere", "department": "hr", "match": "#karriere, Karriere"},
        {"tag": "Messe", "department": "marketing", "match": "#messe, Hannover Messe"},
        {"tag": "Nachhaltigkeit", "department": "pr", "match": "#nachhaltigkeit, CO₂"},
        {"tag": "Service", "department": "service", "match": "#service, Hotline"},
    ]
    return {"objectives": objectives, "key_results": key_results, "manual_values": manual, "accounts": accounts, "tags": tags}


# The goals workbook's sheets and columns in German, as the goals reader names them.
GERMAN = {key: (german, {column: names[1] for column, names in columns.items()}) for key, (_, german, columns, _) in SHEETS.items()}


def goals_workbook(content: dict[str, list[dict[str, object]]]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"created": FIXED_TIME, "title": "Ziele Haberland Antriebstechnik 2026"})
    bold, day = book.add_format({"bold": True, "bg_color": "#E8EEF4"}), book.add_format({"num_format": "dd.mm.yyyy"})
    for key, (sheet_name, columns) in GERMAN.items():
        sheet = book.add_worksheet(sheet_name)
        sheet.write_row(0, 0, list(columns.values()), bold)
        for number, row in enumerate(content[key], start=1):
            for position, column in enumerate(columns):
                value = row.get(column)
                if isinstance(value, dt.date):
                    sheet.write_datetime(number, position, dt.datetime.combine(value, dt.time()), day)
                elif value is not None:
                    sheet.write(number, position, value)
        sheet.set_column(0, len(columns) - 1, 24)
        sheet.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()


class _PlainDumper(yaml.SafeDumper):
    """No anchors and aliases for repeated values (the goals reader refuses aliases)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def goals_yaml(content: dict[str, list[dict[str, object]]]) -> bytes:
    header = "# The demo company's goals, the same as ziele.xlsx, in the YAML form of the goals workbook.\n"
    return (header + yaml.dump(content, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=200)).encode("utf-8")


# ---------------------------------------------------------------- main


def build() -> dict[str, bytes]:
    """Every file of the demo, path relative to sample_data/demo -> bytes."""
    rng = random.Random(20261122)
    truth = Truth({})
    writers: list[Callable[[random.Random, Truth], dict[str, bytes]]] = [
        linkedin,
        lambda r, t: meta(r, t, "facebook"),
        lambda r, t: meta(r, t, "instagram"),
        x_service,
        youtube,
        tiktok,
        xing,
    ]
    files: dict[str, bytes] = {}
    for writer in writers:
        files.update({f"exports/{name}": data for name, data in writer(rng, truth).items()})
    content = goals(truth)
    files["ziele.xlsx"] = goals_workbook(content)
    files["goals.yaml"] = goals_yaml(content)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEMO_DIR)
    args = parser.parse_args()
    files = build()
    exports = args.out / "exports"
    for stale in sorted(exports.rglob("*"), reverse=True) if exports.exists() else []:
        stale.unlink() if stale.is_file() else stale.rmdir()
    for name, data in files.items():
        path = args.out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(f"wrote {len(files)} files to {args.out}")


if __name__ == "__main__":
    main()
