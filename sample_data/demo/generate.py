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
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter
import yaml

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


def _csv(rows: list[list[object]], *, bom: bool = True, quote_all: bool = False, delimiter: str = ",") -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL, delimiter=delimiter, lineterminator="\n")
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode("utf-8") + buffer.getvalue().encode("utf-8")


def _utf16_overview(title: str, values: dict[dt.date, float], start: dt.date, end: dt.date, hour: int = 1) -> bytes:
    """Meta Business Suite's overview file: UTF-16 with BOM, a sep= line, a title line, Date/Primary."""
    lines = ["sep=,", f'"{title}"', '"Date","Primary"']
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
            [
                "Date",
                "Impressions (organic)",
                "Impressions (sponsored)",
                "Impressions (total)",
                "Unique impressions (organic)",
                "Clicks (organic)",
                "Clicks (sponsored)",
                "Clicks (total)",
                "Reactions (organic)",
                "Reactions (sponsored)",
                "Reactions (total)",
                "Comments (organic)",
                "Comments (sponsored)",
                "Comments (total)",
                "Reposts (organic)",
                "Reposts (sponsored)",
                "Reposts (total)",
                "Engagement rate (organic)",
                "Engagement rate (sponsored)",
                "Engagement rate (total)",
            ],
        ]
        for d in days:
            i, c, r, k, s = impressions[d], clicks[d], reactions[d], comments[d], reposts[d]
            rate = round((c + r + k + s) / i, 6) if i else 0.0
            metrics.append([f"{d:%m/%d/%Y}", i, 0, i, round(i * 0.62), c, 0, c, r, 0, r, k, 0, k, s, 0, s, rate, 0, rate])
        all_posts = [
            ["Engagement metrics for individual posts. Created date indicates when your post was created. All dates and times are in UTC."],
            [
                "Post title",
                "Post link",
                "Post type",
                "Campaign name",
                "Posted by",
                "Created date",
                "Campaign start date",
                "Campaign end date",
                "Audience",
                "Impressions",
                "Views",
                "Offsite Views",
                "Clicks",
                "Click through rate (CTR)",
                "Likes",
                "Comments",
                "Reposts",
                "Follows",
                "Engagement rate",
                "Content Type",
            ],
        ]
        for moment in (m for m in posts if start <= m.date() <= end):
            department = rng.choice(["pr", "pr", "hr", "marketing"])
            views, clicks_post = rng.randint(400, 4000), rng.randint(4, 90)
            likes, comments_post, reposts_post, follows = rng.randint(8, 120), rng.randint(0, 14), rng.randint(0, 9), rng.randint(0, 6)
            activity = 7000000000000000000 + int(moment.timestamp())
            all_posts.append(
                [
                    rng.choice(TOPICS[department]),
                    f"https://www.linkedin.com/feed/update/urn:li:activity:{activity}",
                    "Organic",
                    "",
                    "Haberland Antriebstechnik",
                    f"{moment:%m/%d/%Y}",
                    "",
                    "",
                    "All followers",
                    views,
                    "",
                    "",
                    clicks_post,
                    round(clicks_post / views, 6),
                    likes,
                    comments_post,
                    reposts_post,
                    follows,
                    round((clicks_post + likes + comments_post + reposts_post + follows) / views, 6),
                    rng.choice(["Image", "Text", "Video", "Document"]),
                ]
            )
        files[f"linkedin/haberland-antriebstechnik_content_{stamp}.xlsx"] = _xlsx([("Metrics", metrics), ("All posts", all_posts)])
        followers = [["Date", "Sponsored followers", "Organic followers", "Auto-invited followers", "Total followers"]]
        followers += [[f"{d:%m/%d/%Y}", 0, new_followers[d], 0, new_followers[d]] for d in days]
        demographics = [
            ("Location", ["Rosenheim, Bayern", "München, Bayern", "Stuttgart, Baden-Württemberg", "Wien, Österreich"]),
            ("Job function", ["Engineering", "Operations", "Sales", "Purchasing"]),
            ("Seniority", ["Senior", "Entry", "Manager", "Director"]),
            ("Industry", ["Machinery Manufacturing", "Automotive", "Food and Beverage Manufacturing"]),
            ("Company size", ["51-200", "201-500", "1001-5000"]),
        ]
        sheets = [("New followers", followers)]
        for dimension, buckets in demographics:
            sheets.append(
                (
                    dimension,
                    [[dimension, "Total followers"]]
                    + [
                        [b, n] for b, n in zip(buckets, sorted(_split(4200 + 600 * QUARTERS.index((start, end)), len(buckets), rng), reverse=True), strict=True)
                    ],
                )
            )
        files[f"linkedin/haberland-antriebstechnik_followers_{stamp}.xlsx"] = _xlsx(sheets)
        header = ["Date"] + [
            f"{page} {kind} ({device})"
            for page in ("Overview", "Life", "Jobs", "Total")
            for kind in ("page views", "unique visitors")
            for device in ("desktop", "mobile", "total")
        ]
        visitors = [header]
        for d in days:
            views = page_views[d]
            row = [f"{d:%m/%d/%Y}"]
            for share in (0.6, 0.15, 0.25, 1.0):
                total, unique = round(views * share), round(views * share * 0.55)
                row += [round(total * 0.7), total - round(total * 0.7), total, round(unique * 0.7), unique - round(unique * 0.7), unique]
            visitors.append(row)
        files[f"linkedin/haberland-antriebstechnik_visitors_{stamp}.xlsx"] = _xlsx([("Visitor metrics", visitors)])
    return files


META_POST_HEADER = [
    "Post ID",
    "Page ID",
    "Page name",
    "Title",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Caption type",
    "Permalink",
    "Is crosspost",
    "Is share",
    "Post type",
    "Languages",
    "Custom labels",
    "Funded content status",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Reactions, Comments and Shares",
    "Reactions",
    "Comments",
    "Shares",
    "Total clicks",
    "Link Clicks",
    "Other Clicks",
    "Matched Audience Targeting Consumption (Photo Click)",
    "Seconds viewed",
    "Average Seconds viewed",
    "Estimated earnings (USD)",
    "Ad impressions",
]
IG_POST_HEADER = [
    "Post ID",
    "Account ID",
    "Account username",
    "Account name",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Permalink",
    "Post type",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Likes",
    "Shares",
    "Comments",
    "Saves",
    "Follows",
]


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
    prefix = "Facebook " if facebook else "Instagram "
    titles = {
        "Reach.csv": (prefix + "reach", reach),
        "Views.csv": ("Views", views),
        "Follows.csv": (prefix + "follows", follows),
        "Visits.csv": ("Facebook visits" if facebook else "Instagram profile visits", visits),
        "Interactions.csv": ("Content interactions", interactions),
        "Link clicks.csv": (prefix + "link clicks", link_clicks),
    }
    posts = post_days(rng, 4 if facebook else 3.5)
    files = {}
    for start, end in QUARTERS:
        folder = f"{platform}/{start:%Y}-Q{(start.month - 1) // 3 + 1}"
        for name, (title, values) in titles.items():
            files[f"{folder}/{name}"] = _utf16_overview(title, values, start, end, hour=1 if facebook else 0)
        rows = [META_POST_HEADER if facebook else IG_POST_HEADER]
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
                    [
                        identifier,
                        "104455667788990",
                        "Haberland Antriebstechnik",
                        "",
                        text,
                        rng.randint(15, 120) if seconds else "",
                        f"{moment:%m/%d/%Y %H:%M}",
                        "",
                        f"https://www.facebook.com/haberland.antriebe/posts/{identifier}",
                        "No",
                        "No",
                        kind,
                        "",
                        "",
                        "",
                        "",
                        "Lifetime",
                        post_views,
                        post_reach,
                        likes + comments + shares,
                        likes,
                        comments,
                        shares,
                        link + other,
                        link,
                        other,
                        0,
                        seconds,
                        "",
                        "",
                        "",
                    ]
                )
            else:
                saves, follows_post = rng.randint(0, 40), rng.randint(0, 8)
                kind = rng.choice(["IG image", "IG carousel", "IG reel", "IG reel"])
                rows.append(
                    [
                        identifier,
                        "17841400000000001",
                        "haberland_karriere",
                        "Haberland Karriere",
                        text,
                        rng.randint(10, 60) if kind == "IG reel" else "",
                        f"{moment:%m/%d/%Y %H:%M}",
                        f"https://www.instagram.com/p/{identifier[-11:]}/",
                        kind,
                        "",
                        "Lifetime",
                        post_views,
                        post_reach,
                        likes,
                        shares,
                        comments,
                        saves,
                        follows_post,
                    ]
                )
        page_id = "104455667788990" if facebook else "17841400000000001"
        files[f"{folder}/{start:%b-%d-%Y}_{end:%b-%d-%Y}_{page_id}.csv"] = _csv(rows)
    return files


X_CONTENT_HEADER = [
    "Post id",
    "Date",
    "Post text",
    "Post Link",
    "Impressions",
    "Likes",
    "Engagements",
    "Bookmarks",
    "Shares",
    "New follows",
    "Replies",
    "Reposts",
    "Profile visits",
    "Detail Expands",
    "URL Clicks",
    "Hashtag Clicks",
    "Permalink Clicks",
]
X_OVERVIEW_HEADER = [
    "Date",
    "Impressions",
    "Likes",
    "Engagements",
    "Bookmarks",
    "Shares",
    "New follows",
    "Unfollows",
    "Replies",
    "Reposts",
    "Profile visits",
    "Create Post",
    "Video views",
    "Media views",
]


def x_service(rng: random.Random, truth: Truth) -> dict[str, bytes]:
    impressions = daily_series(rng, 900, 0.1)
    replies = {d: round(v * rng.uniform(0.01, 0.02)) for d, v in impressions.items()}
    truth.values.update({("x", "impressions"): impressions, ("x", "comments"): replies})
    posts = post_days(rng, 5)
    files = {}
    for start, end in QUARTERS:
        folder = f"x/{start:%Y}-Q{(start.month - 1) // 3 + 1}"
        overview = [X_OVERVIEW_HEADER]
        for d in sorted((d for d in EXPORT_DAYS if start <= d <= end), reverse=True):  # X writes the newest day first
            i = impressions[d]
            likes, reposts, shares, bookmarks = round(i * 0.02), round(i * 0.003), round(i * 0.001), round(i * 0.001)
            follows, unfollows, visits = round(i * 0.002), round(i * 0.0008), round(i * 0.006)
            overview.append(
                [
                    f"{d:%a, %b %d, %Y}",
                    i,
                    likes,
                    likes + replies[d] + reposts + shares + bookmarks + visits,
                    bookmarks,
                    shares,
                    follows,
                    unfollows,
                    replies[d],
                    reposts,
                    visits,
                    rng.randint(0, 3),
                    0,
                    round(i * 0.05),
                ]
            )
        files[f"{folder}/account_overview_analytics.csv"] = _csv(overview, bom=False)
        content = [X_CONTENT_HEADER]
        for moment in sorted((m for m in posts if start <= m.date() <= end), reverse=True):
            identifier = str(1850000000000000000 + int(moment.timestamp()) * 1000)
            i = rng.randint(150, 2500)
            content.append(
                [
                    identifier,
                    f"{moment:%a, %b %d, %Y}",
                    rng.choice(TOPICS["service"]),
                    f"https://x.com/HaberlandAG/status/{identifier}",
                    i,
                    rng.randint(1, 40),
                    rng.randint(5, 80),
                    rng.randint(0, 5),
                    rng.randint(0, 4),
                    rng.randint(0, 3),
                    rng.randint(0, 12),
                    rng.randint(0, 8),
                    rng.randint(0, 20),
                    rng.randint(0, 10),
                    rng.randint(0, 15),
                    rng.randint(0, 5),
                    rng.randint(0, 6),
                ]
            )
        files[f"{folder}/account_analytics_content_{start:%Y-%m-%d}_{end:%Y-%m-%d}.csv"] = _csv(content, bom=False)
    return files


def youtube(rng: random.Random, truth: Truth) -> dict[str, bytes]:
    views = daily_series(rng, 380, 0.3, weekend=1.15)
    subscribers = {d: round(v * rng.uniform(0.002, 0.006)) for d, v in views.items()}
    truth.values.update({("youtube", "views"): views, ("youtube", "followers_net"): subscribers})
    files = {}
    for start, end in QUARTERS:
        folder = f"youtube/{start:%Y}-Q{(start.month - 1) // 3 + 1}"
        rows = [[f"Da{SOFT}tum", f"Auf{SOFT}ru{SOFT}fe", f"Abon{SOFT}nen{SOFT}ten"]]
        rows += [[f"{d:%Y-%m-%d}", int(views[d]), int(subscribers[d])] for d in EXPORT_DAYS if start <= d <= end]
        files[f"{folder}/Gesamtwerte.csv"] = _csv(rows, bom=False)
    header = [
        f"Vi{SOFT}deo",
        f"Vi{SOFT}deo{SOFT}ti{SOFT}tel",
        f"Ver{SOFT}öf{SOFT}fent{SOFT}li{SOFT}chungs{SOFT}zeit{SOFT}punkt des Vi{SOFT}de{SOFT}os",
        f"Auf{SOFT}ru{SOFT}fe",
        f"Wie{SOFT}der{SOFT}ga{SOFT}be{SOFT}zeit (Stun{SOFT}den)",
        f"Abon{SOFT}nen{SOFT}ten",
        f"Im{SOFT}pres{SOFT}sio{SOFT}nen",
        f"Klick{SOFT}ra{SOFT}te der Im{SOFT}pres{SOFT}sio{SOFT}nen (%)",
    ]
    videos = []
    for moment in post_days(rng, 0.6):
        identifier = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") for _ in range(11))
        video_views = rng.randint(200, 9000)
        impressions = video_views * rng.randint(8, 20)
        title = rng.choice(
            ["HX-400 im Praxistest", "So funktioniert ein Planetengetriebe", "Messe-Rundgang Hannover", "Ausbildung bei Haberland", "Wartung in 5 Minuten"]
        )
        videos.append(
            [
                identifier,
                f"{title} | Haberland TV",
                f"{moment:%b %-d, %Y}",
                video_views,
                round(video_views * rng.uniform(0.02, 0.06), 4),
                rng.randint(0, 40),
                impressions,
                round(video_views / impressions * 100, 2),
            ]
        )
    total = [
        "Ge" + SOFT + "samt",
        "",
        "",
        sum(v[3] for v in videos),
        round(sum(v[4] for v in videos), 4),
        sum(v[5] for v in videos),
        sum(v[6] for v in videos),
        round(sum(v[3] for v in videos) / sum(v[6] for v in videos) * 100, 2),
    ]
    files["youtube/Tabellendaten.csv"] = _csv([header, total, *sorted(videos, key=lambda v: -v[3])], bom=False)
    return files


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

    overview = [["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]]
    overview += [[label(d), int(views[d]), round(views[d] * 0.01), round(views[d] * 0.06), round(views[d] * 0.004), round(views[d] * 0.003)] for d in days]
    history = [["Date", "Followers", "Difference in followers from previous day"]]
    history += [[label(d), int(followers[d]), int(followers[d] - followers[d - dt.timedelta(days=1)])] for d in days]
    content = [["Time", "Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares", "Total views"]]
    for moment in post_days(rng, 2.5, TIKTOK_START):
        identifier = 7400000000000000000 + int(moment.timestamp())
        video_views = rng.randint(800, 60000)
        content.append(
            [
                label(END),
                rng.choice(TOPICS["hr"]),
                f"https://www.tiktok.com/@haberland.azubis/video/{identifier}",
                label(moment.date()),
                round(video_views * rng.uniform(0.03, 0.09)),
                rng.randint(0, 120),
                rng.randint(0, 90),
                video_views,
            ]
        )
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
        rows = [["Kanal", "Konto", "Datum", "Impressionen", "Interaktionen", "Klicks", "Follower"]]
        for d in (d for d in EXPORT_DAYS if d.year == year):
            i = impressions[d]
            rows.append(
                [
                    "XING",
                    "Haberland Antriebstechnik",
                    f"{d:%d.%m.%Y}",
                    f"{int(i):,}".replace(",", "."),
                    round(i * 0.03),
                    round(i * 0.01),
                    f"{int(followers[d]):,}".replace(",", "."),
                ]
            )
        files[f"xing/xing_tageswerte_{year}.csv"] = _csv(rows, delimiter=";")
    return files


# ---------------------------------------------------------------- goals


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


GERMAN = {
    "objectives": ("Ziele", {"id": "ID", "objective": "Ziel", "department": "Abteilung", "level": "Ebene", "description": "Beschreibung"}),
    "key_results": (
        "Kennzahlen",
        {
            "objective_id": "Ziel-ID",
            "kpi": "Kennzahl",
            "platform": "Plattform",
            "account": "Konto",
            "tag": "Thema",
            "period": "Zeitraum",
            "baseline": "Ausgangswert",
            "target": "Zielwert",
            "type": "Typ",
        },
    ),
    "manual_values": ("Manuelle Werte", {"metric": "Kennzahl", "date": "Datum", "value": "Wert", "department": "Abteilung", "note": "Notiz"}),
    "accounts": ("Konten", {"platform": "Plattform", "account": "Konto", "department": "Abteilung", "label": "Bezeichnung"}),
    "tags": ("Themen", {"tag": "Thema", "department": "Abteilung", "match": "Treffer"}),
}


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
