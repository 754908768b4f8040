"""The KPI catalog: every number Resonanz shows is defined here once, declaratively.

Every canonical metric is a KPI under its own name (summed over the period, or the last value of a
stock); derived KPIs are ratios of sums (never means of daily ratios), per-post rates, counts and
follower growth. Manual KPIs (applications, leads, awareness) have no platform: their values come
from the goals workbook's manual values. ``validate_catalog`` lists every inconsistency; a test
keeps that list empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from model.canonical import METRICS, NON_ADDITIVE_METRICS, Platform


class Aggregation(StrEnum):
    SUM = "sum"  # a flow: summed over the period's days (or its posts)
    LAST = "last"  # a stock: the last value in the period, per account, added over accounts
    RATIO = "ratio"  # sum of the numerator over sum of the denominator
    PER_POST = "per_post"  # sum over the period's posts divided by their number
    COUNT = "count"  # number of posts published in the period
    GROWTH = "growth"  # net follower change (stock difference, else gained minus lost, else net)
    GROWTH_RATE = "growth_rate"  # net follower change over the followers at the period start
    MEDIAN = "median"  # the median over the period's items (plan delay)


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class Impact(StrEnum):
    """DPRG/ICV impact levels (Wirkungsstufen)."""

    INPUT = "input"
    OUTPUT = "output"
    OUTCOME = "outcome"
    OUTFLOW = "outflow"


class Unit(StrEnum):
    COUNT = "count"
    PERCENT = "percent"  # stored as a fraction, shown as percent
    HOURS = "hours"
    PER_POST = "per_post"
    DAYS = "days"


class Source(StrEnum):
    PLATFORM = "platform"  # computed from imported exports
    MANUAL = "manual"  # entered in the goals workbook's manual values
    PLAN = "plan"  # the editorial plan matched against the posts (metrics.plan)


ALL_PLATFORMS: tuple[Platform, ...] = tuple(Platform)


@dataclass(frozen=True)
class Kpi:
    key: str
    label_de: str
    label_en: str
    description_de: str
    description_en: str
    unit: Unit
    aggregation: Aggregation
    numerator: tuple[str, ...] = ()  # canonical metrics added up
    denominator: tuple[str, ...] = ()  # for ratios
    direction: Direction = Direction.HIGHER
    impact: Impact = Impact.OUTPUT
    platforms: tuple[Platform, ...] = ALL_PLATFORMS
    source: Source = Source.PLATFORM
    caveat_de: str = ""
    caveat_en: str = ""

    def label(self, language: str) -> str:
        return self.label_de if language == "de" else self.label_en

    def description(self, language: str) -> str:
        return self.description_de if language == "de" else self.description_en

    def caveat(self, language: str) -> str:
        return self.caveat_de if language == "de" else self.caveat_en

    @property
    def is_flow(self) -> bool:
        """Flows accumulate over the period; their targets are period totals."""
        return self.aggregation in (Aggregation.SUM, Aggregation.COUNT, Aggregation.GROWTH)

    def formula(self, language: str = "en") -> str:
        names = {m.name: (m.label_de if language == "de" else m.label_en) for m in METRICS}
        top = " + ".join(names.get(m, m) for m in self.numerator)
        bottom = " + ".join(names.get(m, m) for m in self.denominator)
        posts = "Beiträge" if language == "de" else "posts"
        return {
            Aggregation.SUM: f"Σ {top}",
            Aggregation.LAST: f"{top} (letzter Wert)" if language == "de" else f"{top} (last value)",
            Aggregation.RATIO: f"Σ {top} / Σ {bottom}",
            Aggregation.PER_POST: f"Σ {top} / {posts}",
            Aggregation.COUNT: posts,
            Aggregation.GROWTH: "Follower am Ende − Follower am Anfang (sonst Σ neue − Σ verlorene)"
            if language == "de"
            else "followers at end − followers at start (else Σ new − Σ lost)",
            Aggregation.GROWTH_RATE: "Follower-Zuwachs / Follower am Anfang" if language == "de" else "follower growth / followers at start",
            Aggregation.MEDIAN: f"Median({top})",
        }[self.aggregation]


NON_ADDITIVE_DE = "Unique-Werte: Die Summe über Tage oder Konten zählt Personen mehrfach, die an mehreren Tagen erreicht wurden."
NON_ADDITIVE_EN = "Unique counts: the sum over days or accounts counts people reached on several days more than once."
STOCK_DE = "Bestandsgröße: Es zählt der letzte Wert im Zeitraum, nie die Summe."
STOCK_EN = "A stock: the last value in the period counts, never a sum."
ENGAGEMENTS_DE = "Interaktionen je Plattform: LinkedIn Klicks+Reaktionen+Kommentare+Reposts(+Follows), Instagram Likes+Kommentare+Shares+Saves, TikTok Likes+Kommentare+Shares, sonst der Plattformwert."
ENGAGEMENTS_EN = "Engagements per platform: LinkedIn clicks+reactions+comments+reposts(+follows), Instagram likes+comments+shares+saves, TikTok likes+comments+shares, else the platform's own total."

_METRIC_IMPACT = {
    "impressions": Impact.OUTPUT,
    "reach": Impact.OUTPUT,
    "views": Impact.OUTPUT,
    "engagements": Impact.OUTCOME,
    "reactions": Impact.OUTCOME,
    "comments": Impact.OUTCOME,
    "shares": Impact.OUTCOME,
    "saves": Impact.OUTCOME,
    "clicks": Impact.OUTCOME,
    "profile_visits": Impact.OUTCOME,
    "page_views": Impact.OUTCOME,
    "unique_visitors": Impact.OUTCOME,
    "followers": Impact.OUTCOME,
    "followers_gained": Impact.OUTCOME,
    "followers_lost": Impact.OUTCOME,
    "followers_net": Impact.OUTCOME,
    "watch_time_hours": Impact.OUTCOME,
}
_METRIC_PLATFORMS: dict[str, tuple[Platform, ...]] = {
    "impressions": (Platform.LINKEDIN, Platform.FACEBOOK, Platform.INSTAGRAM, Platform.X, Platform.YOUTUBE, Platform.OTHER),
    "reach": (Platform.LINKEDIN, Platform.FACEBOOK, Platform.INSTAGRAM, Platform.TIKTOK, Platform.OTHER),
    "views": (Platform.LINKEDIN, Platform.FACEBOOK, Platform.X, Platform.YOUTUBE, Platform.TIKTOK, Platform.OTHER),
    "saves": (Platform.INSTAGRAM, Platform.X, Platform.OTHER),
    "page_views": (Platform.LINKEDIN, Platform.OTHER),
    "unique_visitors": (Platform.LINKEDIN, Platform.OTHER),
    "watch_time_hours": (Platform.FACEBOOK, Platform.YOUTUBE, Platform.OTHER),
    "followers_net": (Platform.YOUTUBE, Platform.TIKTOK, Platform.OTHER),
    "followers_lost": (Platform.FACEBOOK, Platform.X, Platform.OTHER),
}


def _metric_kpi(name: str) -> Kpi:
    metric = next(m for m in METRICS if m.name == name)
    caveat_de, caveat_en = "", ""
    if not metric.additive:
        caveat_de, caveat_en = NON_ADDITIVE_DE, NON_ADDITIVE_EN
    elif metric.stock:
        caveat_de, caveat_en = STOCK_DE, STOCK_EN
    elif name == "engagements":
        caveat_de, caveat_en = ENGAGEMENTS_DE, ENGAGEMENTS_EN
    return Kpi(
        key=name,
        label_de=metric.label_de,
        label_en=metric.label_en,
        description_de=metric.label_de + ": " + metric.description,
        description_en=metric.description,
        unit=Unit.HOURS if name == "watch_time_hours" else Unit.COUNT,
        aggregation=Aggregation.LAST if metric.stock else Aggregation.SUM,
        numerator=(name,),
        direction=Direction.LOWER if name == "followers_lost" else Direction.HIGHER,
        impact=_METRIC_IMPACT[name],
        platforms=_METRIC_PLATFORMS.get(name, ALL_PLATFORMS),
        caveat_de=caveat_de,
        caveat_en=caveat_en,
    )


PER_POST_CAVEAT_DE = "Je Beitrag: Summe über die im Zeitraum veröffentlichten Beiträge (Lebenszeitwerte) geteilt durch ihre Zahl."
PER_POST_CAVEAT_EN = "Per post: sum over the posts published in the period (lifetime figures) divided by their number."

DERIVED: tuple[Kpi, ...] = (
    Kpi(
        "engagement_rate",
        "Interaktionsrate",
        "Engagement rate",
        "Interaktionen je Impression (Standarddefinition in Resonanz).",
        "Engagements per impression (Resonanz's default definition).",
        Unit.PERCENT,
        Aggregation.RATIO,
        ("engagements",),
        ("impressions",),
        impact=Impact.OUTCOME,
        platforms=(Platform.LINKEDIN, Platform.FACEBOOK, Platform.INSTAGRAM, Platform.X, Platform.OTHER),
        caveat_de="Quote aus Summen: Σ Interaktionen / Σ Impressionen, nie ein Mittel täglicher Quoten. Nur Konten mit beiden Werten zählen.",
        caveat_en="A ratio of sums: Σ engagements / Σ impressions, never a mean of daily rates. Only accounts with both values count.",
    ),
    Kpi(
        "engagement_rate_reach",
        "Interaktionsrate (Reichweite)",
        "Engagement rate (reach)",
        "Interaktionen je erreichter Person.",
        "Engagements per account reached.",
        Unit.PERCENT,
        Aggregation.RATIO,
        ("engagements",),
        ("reach",),
        impact=Impact.OUTCOME,
        platforms=(Platform.LINKEDIN, Platform.FACEBOOK, Platform.INSTAGRAM, Platform.TIKTOK, Platform.OTHER),
        caveat_de=NON_ADDITIVE_DE,
        caveat_en=NON_ADDITIVE_EN,
    ),
    Kpi(
        "engagement_rate_followers",
        "Interaktionsrate (Follower)",
        "Engagement rate (followers)",
        "Interaktionen im Zeitraum je Follower am Ende des Zeitraums.",
        "Engagements in the period per follower at the end of the period.",
        Unit.PERCENT,
        Aggregation.RATIO,
        ("engagements",),
        ("followers",),
        impact=Impact.OUTCOME,
        caveat_de="Nenner ist der Follower-Bestand am Periodenende (letzter Wert), nicht eine Summe.",
        caveat_en="The denominator is the follower total at the period end (last value), not a sum.",
    ),
    Kpi(
        "ctr",
        "Klickrate (CTR)",
        "Click-through rate",
        "Klicks je Impression.",
        "Clicks per impression.",
        Unit.PERCENT,
        Aggregation.RATIO,
        ("clicks",),
        ("impressions",),
        impact=Impact.OUTCOME,
        platforms=(Platform.LINKEDIN, Platform.FACEBOOK, Platform.INSTAGRAM, Platform.X, Platform.OTHER),
        caveat_de="Quote aus Summen; YouTube-Impressionen sind Thumbnail-Impressionen.",
        caveat_en="A ratio of sums; YouTube impressions are thumbnail impressions.",
    ),
    Kpi(
        "follower_growth",
        "Follower-Zuwachs (netto)",
        "Follower growth (net)",
        "Nettoveränderung der Follower im Zeitraum.",
        "Net change of followers in the period.",
        Unit.COUNT,
        Aggregation.GROWTH,
        ("followers",),
        impact=Impact.OUTCOME,
        caveat_de="Aus dem Bestand (Ende − Anfang), sonst neue minus verlorene Follower. LinkedIn exportiert keine Entfolgungen: dort zählen nur neue Follower.",
        caveat_en="From the follower total (end − start), else new minus lost followers. LinkedIn exports no unfollows: there only new followers count.",
    ),
    Kpi(
        "follower_growth_rate",
        "Follower-Wachstumsrate",
        "Follower growth rate",
        "Netto-Zuwachs geteilt durch die Follower am Anfang des Zeitraums.",
        "Net growth divided by the followers at the start of the period.",
        Unit.PERCENT,
        Aggregation.GROWTH_RATE,
        ("followers",),
        impact=Impact.OUTCOME,
        caveat_de="Braucht einen Follower-Bestand; ohne ihn: keine Daten.",
        caveat_en="Needs a follower total; without one: no data.",
    ),
    Kpi(
        "posts",
        "Beiträge",
        "Posts",
        "Im Zeitraum veröffentlichte Beiträge.",
        "Posts published in the period.",
        Unit.COUNT,
        Aggregation.COUNT,
        impact=Impact.OUTPUT,
    ),
    Kpi(
        "amplification_rate",
        "Verbreitungsrate",
        "Amplification rate",
        "Geteilte Inhalte je Beitrag.",
        "Shares per post.",
        Unit.PER_POST,
        Aggregation.PER_POST,
        ("shares",),
        impact=Impact.OUTCOME,
        caveat_de=PER_POST_CAVEAT_DE,
        caveat_en=PER_POST_CAVEAT_EN,
    ),
    Kpi(
        "conversation_rate",
        "Gesprächsrate",
        "Conversation rate",
        "Kommentare je Beitrag.",
        "Comments per post.",
        Unit.PER_POST,
        Aggregation.PER_POST,
        ("comments",),
        impact=Impact.OUTCOME,
        caveat_de=PER_POST_CAVEAT_DE,
        caveat_en=PER_POST_CAVEAT_EN,
    ),
    Kpi(
        "applause_rate",
        "Zustimmungsrate",
        "Applause rate",
        "Reaktionen je Beitrag.",
        "Reactions per post.",
        Unit.PER_POST,
        Aggregation.PER_POST,
        ("reactions",),
        impact=Impact.OUTCOME,
        caveat_de=PER_POST_CAVEAT_DE,
        caveat_en=PER_POST_CAVEAT_EN,
    ),
)

MANUAL: tuple[Kpi, ...] = (
    Kpi(
        "applications",
        "Bewerbungen",
        "Applications",
        "Eingegangene Bewerbungen (manuell erfasst).",
        "Job applications received (entered manually).",
        Unit.COUNT,
        Aggregation.SUM,
        ("applications",),
        impact=Impact.OUTFLOW,
        platforms=(),
        source=Source.MANUAL,
    ),
    Kpi(
        "leads",
        "Leads",
        "Leads",
        "Vertriebs-Leads aus Social Media (manuell erfasst).",
        "Sales leads from social media (entered manually).",
        Unit.COUNT,
        Aggregation.SUM,
        ("leads",),
        impact=Impact.OUTFLOW,
        platforms=(),
        source=Source.MANUAL,
    ),
    Kpi(
        "awareness",
        "Bekanntheit",
        "Awareness",
        "Gestützte Bekanntheit laut Umfrage (manuell erfasst).",
        "Aided awareness from a survey (entered manually).",
        Unit.PERCENT,
        Aggregation.LAST,
        ("awareness",),
        impact=Impact.OUTCOME,
        platforms=(),
        source=Source.MANUAL,
        caveat_de="Umfragewert: Es zählt die letzte Messung im Zeitraum.",
        caveat_en="A survey value: the last measurement in the period counts.",
    ),
    Kpi(
        "service_requests_resolved",
        "Gelöste Serviceanfragen",
        "Service requests resolved",
        "Über Social Media gelöste Kundenanfragen (manuell erfasst).",
        "Customer requests resolved via social media (entered manually).",
        Unit.COUNT,
        Aggregation.SUM,
        ("service_requests_resolved",),
        impact=Impact.OUTFLOW,
        platforms=(),
        source=Source.MANUAL,
    ),
    Kpi(
        "response_time_hours",
        "Antwortzeit (Stunden)",
        "Response time (hours)",
        "Mittlere Antwortzeit auf Anfragen (manuell erfasst).",
        "Average time to answer requests (entered manually).",
        Unit.HOURS,
        Aggregation.LAST,
        ("response_time_hours",),
        direction=Direction.LOWER,
        impact=Impact.OUTCOME,
        platforms=(),
        source=Source.MANUAL,
        caveat_de="Es zählt der letzte gemeldete Wert.",
        caveat_en="The last reported value counts.",
    ),
)

PLAN_CAVEAT_DE = (
    "Aus dem Redaktionsplan: Ein geplanter Beitrag gilt als erfüllt, wenn ein Beitrag desselben Kanals (und Kontos) bis 2 Tage davor "
    "oder danach erschien und zu Link, Hashtags oder Text passt; Zuordnungen lassen sich auf der Seite Redaktionsplan bestätigen oder ändern."
)
PLAN_CAVEAT_EN = (
    "From the editorial plan: a planned post counts as fulfilled when a post of the same channel (and account) appeared up to 2 days before "
    "or after and fits its link, hashtags or text; matches can be confirmed or changed on the Editorial plan page."
)
PLAN: tuple[Kpi, ...] = (
    Kpi(
        "plan_fulfilment",
        "Planerfüllung",
        "Plan fulfilment",
        "Anteil der geplanten Beiträge im Zeitraum, die veröffentlicht wurden (geplante Beiträge mit zugeordnetem Beitrag / geplante Beiträge).",
        "Share of the period's planned posts that were published (planned items matched to a post / planned items).",
        Unit.PERCENT,
        Aggregation.RATIO,
        ("plan_matched_items",),
        ("plan_items",),
        impact=Impact.INPUT,
        source=Source.PLAN,
        caveat_de=PLAN_CAVEAT_DE,
        caveat_en=PLAN_CAVEAT_EN,
    ),
    Kpi(
        "unplanned_share",
        "Anteil ungeplanter Beiträge",
        "Unplanned share",
        "Anteil der Beiträge im Zeitraum (auf den Kanälen und Konten des Plans), die keinem geplanten Beitrag zugeordnet sind.",
        "Share of the period's posts (on the plan's channels and accounts) that match no planned item.",
        Unit.PERCENT,
        Aggregation.RATIO,
        ("plan_unplanned_posts",),
        ("plan_channel_posts",),
        direction=Direction.LOWER,
        impact=Impact.INPUT,
        source=Source.PLAN,
        caveat_de=PLAN_CAVEAT_DE + " Nach Abteilung oder Thema nicht bestimmbar: Ungeplante Beiträge haben keine.",
        caveat_en=PLAN_CAVEAT_EN + " Not available by department or topic: unplanned posts have none.",
    ),
    Kpi(
        "plan_median_delay",
        "Verzug (Median, Tage)",
        "Median delay (days)",
        "Median der Kalendertage zwischen geplantem und tatsächlichem Veröffentlichungstag der erfüllten Planbeiträge (negativ: früher).",
        "Median of the calendar days between the planned and the actual publishing day of the fulfilled plan items (negative: early).",
        Unit.DAYS,
        Aggregation.MEDIAN,
        ("plan_delay_days",),
        direction=Direction.LOWER,
        impact=Impact.INPUT,
        source=Source.PLAN,
        caveat_de=PLAN_CAVEAT_DE,
        caveat_en=PLAN_CAVEAT_EN,
    ),
    Kpi(
        "key_message_share",
        "Kernbotschafts-Anteil",
        "Key-message share",
        "Anteil der Beiträge aus Kampagnenzeiträumen, die mindestens eine Kernbotschaft oder einen Hashtag der Kampagne tragen "
        "(ohne Groß-/Kleinschreibung, ä = ae).",
        "Share of the posts published in a campaign's period that carry at least one of its key messages or hashtags (case-insensitive, ä = ae).",
        Unit.PERCENT,
        Aggregation.RATIO,
        ("plan_key_message_posts",),
        ("plan_campaign_posts",),
        impact=Impact.OUTPUT,
        source=Source.PLAN,
        caveat_de="Nach Abteilung: Beiträge, die einem geplanten Beitrag der Abteilung zugeordnet sind.",
        caveat_en="By department: the posts matched to planned items of the department.",
    ),
)

CATALOG: dict[str, Kpi] = {kpi.key: kpi for kpi in (*(_metric_kpi(m.name) for m in METRICS), *DERIVED, *MANUAL, *PLAN)}
MANUAL_KPIS: frozenset[str] = frozenset(k.key for k in MANUAL)


def adds_unique_counts(key: str) -> bool:
    """True for KPIs built on unique counts (reach, unique visitors): summed over days, accounts or posts
    they count the same person more than once, so every surface marks such a sum."""
    item = CATALOG[key]
    return any(m in NON_ADDITIVE_METRICS for m in item.numerator + item.denominator)


def kpi(key: str) -> Kpi:
    """The catalog entry for ``key``; KeyError names the known keys."""
    try:
        return CATALOG[key]
    except KeyError:
        raise KeyError(f"Unknown KPI '{key}'. Known: {', '.join(sorted(CATALOG))}") from None


def validate_catalog() -> list[str]:
    """Every inconsistency of the catalog, as readable problems (empty when it is sound)."""
    problems = []
    metric_names = {m.name for m in METRICS}
    for item in CATALOG.values():
        if not (item.label_de and item.label_en and item.description_de and item.description_en):
            problems.append(f"{item.key}: label or description missing in a language")
        if item.source is Source.PLATFORM and not set(item.numerator) <= metric_names:
            problems.append(f"{item.key}: numerator {item.numerator} is not canonical metrics")
        if item.aggregation is Aggregation.RATIO and not item.denominator:
            problems.append(f"{item.key}: a ratio needs a denominator")
        if item.aggregation is not Aggregation.RATIO and item.denominator:
            problems.append(f"{item.key}: only ratios have a denominator")
        if item.aggregation in (Aggregation.SUM, Aggregation.LAST, Aggregation.PER_POST) and not item.numerator:
            problems.append(f"{item.key}: needs a numerator")
        if item.source is Source.MANUAL and item.platforms:
            problems.append(f"{item.key}: manual KPIs have no platform")
        if item.unit is Unit.PERCENT and item.aggregation not in (Aggregation.RATIO, Aggregation.GROWTH_RATE, Aggregation.LAST):
            problems.append(f"{item.key}: a percentage must be a ratio or a measured value")
    return problems


def fact_sheet(key: str, language: str = "de") -> dict[str, str]:
    """What the UI and the reports show one click away: definition, formula, sources, caveats."""
    item = kpi(key)
    german = language == "de"
    names = {
        Aggregation.SUM: ("Summe über den Zeitraum", "sum over the period"),
        Aggregation.LAST: ("letzter Wert im Zeitraum", "last value in the period"),
        Aggregation.RATIO: ("Quote aus Summen", "ratio of sums"),
        Aggregation.PER_POST: ("je Beitrag", "per post"),
        Aggregation.COUNT: ("Anzahl", "count"),
        Aggregation.GROWTH: ("Nettoveränderung", "net change"),
        Aggregation.GROWTH_RATE: ("Veränderungsrate", "rate of change"),
        Aggregation.MEDIAN: ("Median", "median"),
    }
    platforms = ", ".join(p.value for p in item.platforms) if item.platforms else ("manuell (Ziele-Arbeitsmappe)" if german else "manual (goals workbook)")
    if item.source is Source.PLAN:
        platforms += " · " + ("Redaktionsplan" if german else "editorial plan")
    return {
        "key": item.key,
        "label": item.label(language),
        "description": item.description(language),
        "formula": item.formula(language),
        "aggregation": names[item.aggregation][0 if german else 1],
        "unit": item.unit.value,
        "direction": ("höher ist besser" if german else "higher is better")
        if item.direction is Direction.HIGHER
        else ("niedriger ist besser" if german else "lower is better"),
        "impact": item.impact.value.capitalize(),
        "sources": ", ".join(item.numerator + item.denominator) or ("Beiträge" if german else "posts"),
        "platforms": platforms,
        "caveat": item.caveat(language),
        "missing": "Fehlt ein Wert, zeigt Resonanz 'keine Daten', nie 0." if german else "Where a value is missing, Resonanz shows 'no data', never 0.",
    }
