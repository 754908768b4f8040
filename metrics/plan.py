"""The editorial plan against what was published: matching, plan KPIs, key-message share.

Matching (deterministic: the same data gives the same matches):
- a plan item can be fulfilled by a post of the same platform (and the same account where the item
  names one, compared without case or umlaut spelling) published within ``WINDOW_DAYS`` calendar
  days of the planned day;
- each such pair is scored: 0.5 for the item's link (or its ``utm_campaign``) in the post's text or
  permalink, 0.25 × the share of the item's hashtags the post carries, 0.25 × the text similarity
  (rapidfuzz ``token_set_ratio`` over folded text). An item that names a link, hashtags or text is only
  matched to a post that shares at least one of them (or whose text is at least ``MIN_SIMILARITY``
  similar), so a missed item does not swallow an unrelated post of the same week; an item with none
  of these, or a post without text, is matched on channel and time alone;
- pairs are taken best score first, ties to the smaller time difference, then item id and post key;
  every item gets at most one post and every post at most one item;
- the user's decisions (``storage.plan.decide_match``) come first: a confirmed or chosen post is the
  item's, "no post" leaves it unmatched; those posts are out of the automatic pool.

Delays are calendar days (published day minus planned day, both as the plan and the export write them),
so a plan without clock times does not show hour-sized delays.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

WINDOW_DAYS = 2
MIN_SIMILARITY = 0.5
_HASHTAG = re.compile(r"#(\w+)")


def fold(text: object) -> str:
    """Text compared without case, accents or umlaut spelling: ä = ae, ö = oe, ü = ue, ß = ss."""
    if text is None or text is pd.NA or (isinstance(text, float) and text != text):
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        folded = folded.replace(umlaut, plain)
    decomposed = unicodedata.normalize("NFKD", folded)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def hashtags(*texts: object) -> frozenset[str]:
    """Folded hashtags without '#', from hashtag lists ("#azubi, #karriere" or "azubi karriere") and texts."""
    found: set[str] = set()
    for text in texts:
        folded = fold(text)
        tags = _HASHTAG.findall(folded)
        found.update(tags)
    return frozenset(found)


def listed_tags(text: object) -> frozenset[str]:
    """A hashtag column: tags separated by spaces, commas or semicolons, with or without '#'."""
    return frozenset(t.lstrip("#") for t in re.split(r"[\s,;]+", fold(text)) if t.lstrip("#"))


def _link_keys(link: object) -> tuple[str, ...]:
    """What identifies a planned link in a post: the URL without scheme, www, query or slash, and its utm_campaign."""
    text = fold(link)
    if not text:
        return ()
    parts = urlsplit(text if "://" in text else f"https://{text}")
    keys = [(parts.netloc.removeprefix("www.") + parts.path).rstrip("/")]
    campaign = parse_qs(parts.query).get("utm_campaign")
    if campaign:
        keys.append(f"utm_campaign={campaign[0]}")
    return tuple(k for k in keys if k)


@dataclass(frozen=True)
class PlanMatch:
    """Items with their posts and the posts of the same channels, ready for the plan KPIs.

    ``items``: the plan items plus ``post_platform``, ``post_account``, ``post_id``, ``permalink``,
    ``published_at`` (naive UTC), ``delay_days``, ``score`` and ``decided`` (the user chose).
    ``posts``: the posts on the platforms and accounts the plan names, plus ``item_id`` (missing: unplanned).
    """

    items: pd.DataFrame
    posts: pd.DataFrame


def match_plan(items: pd.DataFrame, posts: pd.DataFrame, decisions: pd.DataFrame | None = None) -> PlanMatch:
    """Match plan items (``storage.plan.current_plan``) to posts (canonical post frame); see the module doc."""
    posts = _plan_posts(items, posts)
    decided = _decided(items, posts, decisions)
    free_items = items[~items["id"].isin(decided["item_id"])]
    taken = set(zip(decided["platform"], decided["account"], decided["post_id"], strict=True))
    post_keys = pd.Series(list(zip(posts["platform"], posts["account"], posts["post_id"], strict=True)), index=posts.index, dtype=object)
    free_posts = posts[~post_keys.isin(taken)]
    automatic = _assign(_candidates(free_items, free_posts))
    chosen = pd.concat([decided.assign(decided=True), automatic.assign(decided=False)], ignore_index=True)
    chosen = chosen.dropna(subset=["post_id"])
    return _combine(items, posts, chosen)


def _plan_posts(items: pd.DataFrame, posts: pd.DataFrame) -> pd.DataFrame:
    """Posts on the platforms the plan names, restricted to the named accounts where every item of a platform names one."""
    out = posts[["platform", "account", "post_id", "published_at", "text", "permalink"]].copy()
    out["published_at"] = out["published_at"].dt.tz_convert(None) if out["published_at"].dt.tz is not None else out["published_at"]
    out["published_at"] = out["published_at"].astype("datetime64[us]")
    named = items.assign(folded=items["account"].map(fold))
    open_platforms = set(named.loc[named["folded"] == "", "platform"])
    accounts = set(zip(named["platform"], named["folded"], strict=True))
    folded_accounts = out["account"].map(fold)
    keep = out["platform"].isin(open_platforms) | pd.Series(
        [(p, a) in accounts for p, a in zip(out["platform"], folded_accounts, strict=True)], index=out.index, dtype=bool
    )
    return out[keep.to_numpy()].sort_values(["published_at", "platform", "account", "post_id"], ignore_index=True)


def _decided(items: pd.DataFrame, posts: pd.DataFrame, decisions: pd.DataFrame | None) -> pd.DataFrame:
    columns = ["item_id", "platform", "account", "post_id"]
    if decisions is None or decisions.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "item_id" else "string") for c in columns})
    frame = decisions[decisions["item_id"].isin(items["id"])][columns].copy()
    # A decision for a post that is no longer stored (its import undone) counts as "no post".
    known = frame.merge(posts[["platform", "account", "post_id"]], how="left", indicator=True)["_merge"].eq("both").to_numpy()
    frame.loc[~known, ["platform", "account", "post_id"]] = pd.NA
    return frame.astype({"platform": "string", "account": "string", "post_id": "string"})


def _candidates(items: pd.DataFrame, posts: pd.DataFrame) -> pd.DataFrame:
    """Every item-post pair that may match, with its score and time difference."""
    left = items[["id", "planned_at", "platform", "account", "hashtags", "link", "text"]].rename(
        columns={"id": "item_id", "text": "item_text", "account": "item_account"}
    )
    # Join on (platform, day) with each item spread over the window's days, not on the platform alone:
    # a year's plan against a year's posts stays thousands of pairs instead of millions.
    offsets = pd.DataFrame({"offset": pd.to_timedelta(range(-WINDOW_DAYS, WINDOW_DAYS + 1), unit="D")})
    spread = left.merge(offsets, how="cross")
    spread["day"] = spread["planned_at"].dt.normalize() + spread["offset"]
    pairs = spread.drop(columns="offset").merge(posts.assign(day=posts["published_at"].dt.normalize()), on=["platform", "day"], how="inner").drop(columns="day")
    if pairs.empty:
        return pairs.assign(score=pd.Series(dtype="float64"), seconds=pd.Series(dtype="float64"))
    day_gap = (pairs["published_at"].dt.normalize() - pairs["planned_at"].dt.normalize()).dt.days.abs()
    account_ok = (pairs["item_account"].map(fold) == "") | (pairs["item_account"].map(fold) == pairs["account"].map(fold))
    pairs = pairs[(day_gap <= WINDOW_DAYS).to_numpy() & account_ok.to_numpy()].reset_index(drop=True)
    post_text = (pairs["text"].fillna("") + " " + pairs["permalink"].fillna("")).map(fold)
    link_hit = np.array([any(key in text for key in _link_keys(link)) for link, text in zip(pairs["link"], post_text, strict=True)], dtype=bool)
    item_tags = [listed_tags(h) | hashtags(t) for h, t in zip(pairs["hashtags"], pairs["item_text"], strict=True)]
    post_tags = [hashtags(t) for t in pairs["text"]]
    shared = np.array([len(a & b) / len(a) if a else 0.0 for a, b in zip(item_tags, post_tags, strict=True)], dtype="float64")
    similarity = np.array(
        [fuzz.token_set_ratio(fold(a), fold(b)) / 100 if fold(a) and fold(b) else 0.0 for a, b in zip(pairs["item_text"], pairs["text"], strict=True)],
        dtype="float64",
    )
    clues = np.array(
        [bool(_link_keys(link)) or bool(tags) or bool(fold(t)) for link, tags, t in zip(pairs["link"], item_tags, pairs["item_text"], strict=True)],
        dtype=bool,
    )
    blind_post = pairs["text"].map(fold).eq("").to_numpy()
    related = link_hit | (shared > 0) | (similarity >= MIN_SIMILARITY)
    pairs["score"] = 0.5 * link_hit + 0.25 * shared + 0.25 * similarity
    pairs["seconds"] = (pairs["published_at"] - pairs["planned_at"]).dt.total_seconds().abs()
    return pairs[~clues | blind_post | related].reset_index(drop=True)


def _assign(pairs: pd.DataFrame) -> pd.DataFrame:
    """Greedy one-to-one assignment, best score first, ties to the smaller time difference."""
    columns = ["item_id", "platform", "account", "post_id"]
    if pairs.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "item_id" else "string") for c in columns})
    ordered = pairs.assign(neg=-pairs["score"].round(9)).sort_values(["neg", "seconds", "item_id", "platform", "account", "post_id"], kind="stable")
    used_items: set[int] = set()
    used_posts: set[tuple[str, str, str]] = set()
    rows = []
    # A greedy walk over the (few) candidate pairs: each choice depends on the ones before, so no vector form.
    for item_id, platform, account, post_id in ordered[columns].itertuples(index=False, name=None):
        key = (platform, account, post_id)
        if item_id in used_items or key in used_posts:
            continue
        used_items.add(item_id)
        used_posts.add(key)
        rows.append((item_id, platform, account, post_id))
    return pd.DataFrame(rows, columns=columns).astype({"platform": "string", "account": "string", "post_id": "string"})


def _combine(items: pd.DataFrame, posts: pd.DataFrame, chosen: pd.DataFrame) -> PlanMatch:
    matched = chosen.merge(posts, on=["platform", "account", "post_id"], how="left").rename(
        columns={"platform": "post_platform", "account": "post_account", "text": "post_text"}
    )
    out = items.merge(
        matched[["item_id", "post_platform", "post_account", "post_id", "permalink", "published_at", "decided"]], left_on="id", right_on="item_id", how="left"
    )
    out = out.drop(columns="item_id")
    out["decided"] = out["decided"].astype("boolean").fillna(False).astype(bool)
    out["delay_days"] = (out["published_at"].dt.normalize() - out["planned_at"].dt.normalize()).dt.days.astype("Float64")
    post_key = ["platform", "account", "post_id"]
    by_post = matched.rename(columns={"post_platform": "platform", "post_account": "account"})[[*post_key, "item_id"]]
    with_items = posts.merge(by_post, on=post_key, how="left")
    return PlanMatch(items=out.sort_values(["planned_at", "id"], ignore_index=True), posts=with_items)


# ---------------------------------------------------------------- plan KPIs


@dataclass(frozen=True)
class PlanSummary:
    """The plan against the posts for a window of days (both ends included)."""

    date_from: dt.date
    date_to: dt.date
    planned: int
    matched: int
    posts: int
    unplanned: int
    median_delay_days: float | None

    @property
    def fulfilment(self) -> float | None:
        return self.matched / self.planned if self.planned else None

    @property
    def unplanned_share(self) -> float | None:
        return self.unplanned / self.posts if self.posts else None


def _in_days(values: pd.Series, date_from: dt.date, date_to: dt.date) -> pd.Series:
    days = values.dt.normalize()
    return (days >= pd.Timestamp(date_from)) & (days <= pd.Timestamp(date_to))


def plan_window(items: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The plan's first to last planned day (None for an empty plan)."""
    if items.empty:
        return None
    return items["planned_at"].min().date(), items["planned_at"].max().date()


def summarise(result: PlanMatch, date_from: dt.date, date_to: dt.date) -> PlanSummary:
    """Plan fulfilment (matched / planned items in the window), unplanned share (unmatched / posts in the window) and median delay."""
    items = result.items[_in_days(result.items["planned_at"], date_from, date_to).to_numpy()]
    posts = result.posts[_in_days(result.posts["published_at"], date_from, date_to).to_numpy()]
    matched = items["post_id"].notna()
    delays = items.loc[matched.to_numpy(), "delay_days"].dropna()
    return PlanSummary(
        date_from=date_from,
        date_to=date_to,
        planned=len(items),
        matched=int(matched.sum()),
        posts=len(posts),
        unplanned=int(posts["item_id"].isna().sum()),
        median_delay_days=float(delays.median()) if len(delays) else None,
    )


BREAKDOWNS = ("platform", "department", "topic", "week")


def plan_kpis_by(result: PlanMatch, date_from: dt.date, date_to: dt.date, by: str) -> pd.DataFrame:
    """Plan KPIs per channel (``platform``), ``department``, ``topic`` or ISO ``week`` ("2026-W45").

    Columns: the group, planned, matched, fulfilment, posts, unplanned, unplanned_share, median_delay_days.
    Posts carry no department or topic of their own: a matched post counts for its item's; unplanned
    posts are only counted per channel and week (their department or topic is unknown, shown as missing).
    """
    if by not in BREAKDOWNS:
        raise ValueError(f"by must be one of {BREAKDOWNS}")
    items = result.items[_in_days(result.items["planned_at"], date_from, date_to).to_numpy()].copy()
    posts = result.posts[_in_days(result.posts["published_at"], date_from, date_to).to_numpy()].copy()
    items["week"] = _iso_week(items["planned_at"])
    posts["week"] = _iso_week(posts["published_at"])
    items["group"] = items[by].astype("string").fillna("–")
    items["is_matched"] = items["post_id"].notna()
    items["delay"] = items["delay_days"].astype("float64")
    planned = items.groupby("group").agg(planned=("id", "size"), matched=("is_matched", "sum"), median_delay_days=("delay", "median"))
    out = planned
    if by in ("platform", "week"):
        posts["group"] = posts[by].astype("string")
        posts["is_unplanned"] = posts["item_id"].isna()
        published = posts.groupby("group").agg(posts=("post_id", "size"), unplanned=("is_unplanned", "sum"))
        out = planned.join(published, how="outer")
    else:
        out = out.assign(posts=np.nan, unplanned=np.nan)
    out = out.astype({"planned": "float64", "matched": "float64", "posts": "float64", "unplanned": "float64"})
    out[["planned", "matched"]] = out[["planned", "matched"]].fillna(0.0)
    out["fulfilment"] = (out["matched"] / out["planned"]).where(out["planned"] > 0)
    out["unplanned_share"] = (out["unplanned"] / out["posts"]).where(out["posts"] > 0)
    out = out.reset_index().rename(columns={"group": by})
    return out[[by, "planned", "matched", "fulfilment", "posts", "unplanned", "unplanned_share", "median_delay_days"]].sort_values(by, ignore_index=True)


def _iso_week(values: pd.Series) -> pd.Series:
    calendar = values.dt.isocalendar()
    return (calendar["year"].astype("string") + "-W" + calendar["week"].astype("string").str.zfill(2)).astype("string")


def key_message_share(posts: pd.DataFrame, campaign_from: dt.date, campaign_to: dt.date, key_messages: str, campaign_tags: str) -> float | None:
    """Share of the posts published in the campaign's period that carry at least one of its key messages
    (comma-separated phrases) or hashtags, compared folded (ä = ae, case-insensitive). None without posts."""
    carried = carries_message(posts, key_messages, campaign_tags)
    inside = _in_days(_naive(posts["published_at"]), campaign_from, campaign_to).to_numpy()
    return float(carried[inside].mean()) if inside.any() else None


def carries_message(posts: pd.DataFrame, key_messages: str, campaign_tags: str) -> np.ndarray:
    """Per post: does its text carry one of the key messages or hashtags (folded comparison)?"""
    phrases = [fold(p) for p in re.split(r"[,;\n]", key_messages or "") if fold(p)]
    tags = listed_tags(campaign_tags)
    texts = posts["text"].map(fold)
    post_tags = [hashtags(t) for t in posts["text"]]
    return np.array([any(p in text for p in phrases) or bool(tags & found) for text, found in zip(texts, post_tags, strict=True)], dtype=bool)


def _naive(values: pd.Series) -> pd.Series:
    return values.dt.tz_convert(None) if getattr(values.dt, "tz", None) is not None else values


# ---------------------------------------------------------------- plan KPIs for the engine (catalog source "plan")


@dataclass(frozen=True)
class PlanData:
    """What the KPI engine needs for the plan KPIs: the matched plan and the campaigns."""

    match: PlanMatch
    campaigns: pd.DataFrame  # name, date_from, date_to, key_messages, hashtags, department
    events: pd.DataFrame | None = None  # date_from, date_to, title, description, category, department, channels, colour


PLAN_KPIS = ("plan_fulfilment", "unplanned_share", "plan_median_delay", "key_message_share")


def plan_kpi(
    plan: PlanData | None,
    key: str,
    start: dt.date,
    end: dt.date,
    platforms: frozenset[str] = frozenset(),
    accounts: frozenset[str] = frozenset(),
    departments: frozenset[str] = frozenset(),
    topics: frozenset[str] = frozenset(),
) -> float:
    """A plan KPI over a scope and the days ``start``..``end``; NaN where it has no data (no plan, no posts).

    Departments and topics narrow the plan items, and the posts to those matched to such items (a post
    has no department of its own); platforms and accounts narrow both.
    """
    if plan is None:
        return float("nan")
    items = plan.match.items[_in_days(plan.match.items["planned_at"], start, end).to_numpy()]
    posts = plan.match.posts[_in_days(plan.match.posts["published_at"], start, end).to_numpy()]
    if platforms:
        items, posts = items[items["platform"].isin(platforms).to_numpy()], posts[posts["platform"].isin(platforms).to_numpy()]
    if accounts:
        folded = {fold(a) for a in accounts}
        items = items[items["account"].map(fold).isin(folded).to_numpy() | items["account"].isna().to_numpy()]
        posts = posts[posts["account"].map(fold).isin(folded).to_numpy()]
    for column, wanted in (("department", departments), ("topic", topics)):
        if wanted:
            inside = _named(plan.match.items[column], wanted, departments=column == "department")
            items = items[items["id"].isin(plan.match.items.loc[inside, "id"]).to_numpy()]
            posts = posts[posts["item_id"].isin(plan.match.items.loc[inside, "id"]).to_numpy()]
    if key == "plan_fulfilment":
        return float(items["post_id"].notna().mean()) if len(items) else float("nan")
    if key == "unplanned_share":
        return float(posts["item_id"].isna().mean()) if len(posts) and not (departments or topics) else float("nan")
    if key == "plan_median_delay":
        delays = items["delay_days"].dropna()
        return float(delays.median()) if len(delays) else float("nan")
    if key == "key_message_share":
        return _key_message_share(posts, plan.campaigns)
    raise KeyError(f"not a plan KPI: {key}")


def _named(values: pd.Series, wanted: frozenset[str], *, departments: bool) -> np.ndarray:
    """Which values name one of ``wanted`` (folded); departments also by their key ("Vertrieb" is "sales")."""
    from metrics.goals import department_key  # goals know the department names; only needed for a department scope

    folded = {fold(w) for w in wanted}
    hit = values.map(fold).isin(folded).to_numpy(dtype=bool)
    if departments:
        keys = {department_key(w) or fold(w) for w in wanted}
        hit = hit | values.map(lambda v: department_key(v) if isinstance(v, str) else None).isin(keys).to_numpy(dtype=bool)
    return hit


def _key_message_share(posts: pd.DataFrame, campaigns: pd.DataFrame) -> float:
    """Posts inside any campaign's period carrying one of that campaign's messages or hashtags / posts inside a campaign's period."""
    inside = np.zeros(len(posts), dtype=bool)
    carried = np.zeros(len(posts), dtype=bool)
    for campaign in campaigns.itertuples(index=False):  # a handful of campaigns; each is a vectorised pass over the posts
        during = _in_days(posts["published_at"], pd.Timestamp(campaign.date_from).date(), pd.Timestamp(campaign.date_to).date()).to_numpy()
        inside |= during
        carried |= during & carries_message(posts, campaign.key_messages, campaign.hashtags)
    return float(carried[inside].mean()) if inside.any() else float("nan")


def campaign_table(plan: PlanData, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Per campaign overlapping ``start``..``end`` and per department of the matched plan items ("one voice"):
    campaign, department (missing: posts without a plan item), posts, carrying, share."""
    rows = []
    posts = plan.match.posts.merge(plan.match.items[["id", "department"]], left_on="item_id", right_on="id", how="left")
    for campaign in plan.campaigns.itertuples(index=False):
        first, last = max(pd.Timestamp(campaign.date_from).date(), start), min(pd.Timestamp(campaign.date_to).date(), end)
        if first > last:
            continue
        during = posts[_in_days(posts["published_at"], first, last).to_numpy()]
        carried = carries_message(during, campaign.key_messages, campaign.hashtags)
        frame = pd.DataFrame({"department": during["department"].astype("string").to_numpy(), "carrying": carried})
        grouped = frame.groupby("department", dropna=False).agg(posts=("carrying", "size"), carrying=("carrying", "sum")).reset_index()
        rows.append(grouped.assign(campaign=campaign.name))
    if not rows:
        return pd.DataFrame(
            {
                "campaign": pd.Series(dtype="string"),
                "department": pd.Series(dtype="string"),
                "posts": pd.Series(dtype="int64"),
                "carrying": pd.Series(dtype="int64"),
                "share": pd.Series(dtype="float64"),
            }
        )
    out = pd.concat(rows, ignore_index=True)
    out["share"] = out["carrying"] / out["posts"]
    return out[["campaign", "department", "posts", "carrying", "share"]]


@dataclass(frozen=True)
class PlanView:
    """Everything the Editorial plan page and the pack show for a window, computed once."""

    summary: PlanSummary
    grid: pd.DataFrame  # platform, week, planned, matched, posts, unplanned
    misses: pd.DataFrame  # plan items without a post: id, planned_at, platform, account, department, topic, text
    unplanned: pd.DataFrame  # posts without an item: published_at, platform, account, post_id, text, permalink
    departments: pd.DataFrame  # plan_kpis_by(..., "department")
    campaigns: pd.DataFrame  # campaign_table
    missed_topics: pd.DataFrame  # platform, week, topic, missed (the most-missed topics per channel and week)
    key_message_share: float  # NaN: no post in a campaign's period


def plan_view(plan: PlanData, start: dt.date, end: dt.date) -> PlanView:
    items = plan.match.items[_in_days(plan.match.items["planned_at"], start, end).to_numpy()]
    posts = plan.match.posts[_in_days(plan.match.posts["published_at"], start, end).to_numpy()]
    misses = items[items["post_id"].isna().to_numpy()]
    grid = _grid(items, posts)
    missed = misses.assign(week=_iso_week(misses["planned_at"]), topic=misses["topic"].fillna("–"))
    missed_topics = (
        missed.groupby(["platform", "week", "topic"])
        .size()
        .rename("missed")
        .reset_index()
        .sort_values(["platform", "week", "missed", "topic"], ascending=[True, True, False, True])
    )
    return PlanView(
        summary=summarise(plan.match, start, end),
        grid=grid,
        misses=misses[["id", "planned_at", "platform", "account", "department", "topic", "text"]].reset_index(drop=True),
        unplanned=posts[posts["item_id"].isna().to_numpy()][["published_at", "platform", "account", "post_id", "text", "permalink"]].reset_index(drop=True),
        departments=plan_kpis_by(plan.match, start, end, "department"),
        campaigns=campaign_table(plan, start, end),
        missed_topics=missed_topics.groupby(["platform", "week"]).head(3).reset_index(drop=True),
        key_message_share=_key_message_share(posts, plan.campaigns),
    )


def _grid(items: pd.DataFrame, posts: pd.DataFrame) -> pd.DataFrame:
    planned = items.assign(week=_iso_week(items["planned_at"]), is_matched=items["post_id"].notna())
    published = posts.assign(week=_iso_week(posts["published_at"]), is_unplanned=posts["item_id"].isna())
    left = planned.groupby(["platform", "week"]).agg(planned=("id", "size"), matched=("is_matched", "sum"))
    right = published.groupby(["platform", "week"]).agg(posts=("post_id", "size"), unplanned=("is_unplanned", "sum"))
    out = left.join(right, how="outer").fillna(0).astype("int64").reset_index()
    return out.astype({"platform": "string", "week": "string"})


def candidate_posts(plan: PlanData, item_id: int) -> pd.DataFrame:
    """Posts a user may choose for an item: same platform within the window, closest first."""
    item = plan.match.items.set_index("id").loc[item_id]
    posts = plan.match.posts[plan.match.posts["platform"].eq(item["platform"]).to_numpy()]
    gap = (posts["published_at"].dt.normalize() - item["planned_at"].normalize()).dt.days.abs()
    near = posts[(gap <= WINDOW_DAYS).to_numpy()]
    order = (near["published_at"] - item["planned_at"]).dt.total_seconds().abs()
    return near.assign(order=order).sort_values(["order", "post_id"]).drop(columns="order").reset_index(drop=True)


def plan_for_period(plan: PlanData | None, start: dt.date, end: dt.date) -> tuple[PlanView | None, pd.DataFrame]:
    """The plan view and the events touching ``start``..``end`` for the pack (None / empty without a plan)."""
    if plan is None:
        return None, pd.DataFrame()
    events = plan.events if plan.events is not None else pd.DataFrame()
    if not events.empty:
        first, last = pd.to_datetime(events["date_from"]).dt.date, pd.to_datetime(events["date_to"]).dt.date
        events = events[((first <= end) & (last >= start)).to_numpy()].sort_values(["date_from", "title"], kind="stable", ignore_index=True)
    view = plan_view(plan, start, end) if not plan.match.items.empty else None
    return view, events
