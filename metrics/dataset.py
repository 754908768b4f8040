"""The data the metrics engine works on, and the scope a question is asked about.

A ``Dataset`` holds the current canonical frames (as ``storage.queries`` resolves them), the
accounts-to-departments mapping, the tags of posts and the manual values. It is built once and
treated as read-only: the dashboard caches it, every computation filters it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import pandas as pd

from model.canonical import Grain, empty_frame

ACCOUNT_KEY = ["platform", "account"]


@dataclass(frozen=True)
class Scope:
    """Which accounts and posts a KPI counts. An empty set means all."""

    platforms: frozenset[str] = frozenset()
    accounts: frozenset[str] = frozenset()
    departments: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()

    @classmethod
    def of(cls, platforms: object = (), accounts: object = (), departments: object = (), tags: object = ()) -> Scope:
        def clean(values: object) -> frozenset[str]:
            if values is None or values == "":
                return frozenset()
            items = [values] if isinstance(values, str) else list(values)  # type: ignore[call-overload]
            return frozenset(str(v) for v in items if v is not None and str(v) != "")

        return cls(clean(platforms), clean(accounts), clean(departments), clean(tags))

    def describe(self) -> str:
        parts = [", ".join(sorted(values)) for values in (self.platforms, self.accounts, self.departments, self.tags) if values]
        return " · ".join(parts) or "all"


@dataclass(frozen=True)
class TagRule:
    tag: str
    department: str | None
    terms: tuple[str, ...]  # hashtags ("#ausbildung") or keywords ("Ausbildung")


def manual_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "metric": pd.Series(dtype="string"),
            "date": pd.Series(dtype="datetime64[us]"),
            "value": pd.Series(dtype="float64"),
            "department": pd.Series(dtype="string"),
            "note": pd.Series(dtype="string"),
        }
    )


def accounts_frame() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype="string") for name in ("platform", "account", "department", "label")})


@dataclass(frozen=True)
class Dataset:
    daily: pd.DataFrame = field(default_factory=lambda: empty_frame(Grain.DAILY))
    posts: pd.DataFrame = field(default_factory=lambda: empty_frame(Grain.POST))
    audience: pd.DataFrame = field(default_factory=lambda: empty_frame(Grain.AUDIENCE))
    accounts: pd.DataFrame = field(default_factory=accounts_frame)  # platform, account -> department, label
    manual: pd.DataFrame = field(default_factory=manual_frame)
    tag_rules: tuple[TagRule, ...] = ()
    plan: object = None  # metrics.plan.PlanData: the matched editorial plan, for the plan KPIs

    def with_mapping(self, accounts: pd.DataFrame, tag_rules: tuple[TagRule, ...], manual: pd.DataFrame) -> Dataset:
        return replace(self, accounts=accounts, manual=manual, tag_rules=tag_rules)

    def with_plan(self, plan: object) -> Dataset:
        return replace(self, plan=plan)

    def known_accounts(self) -> pd.DataFrame:
        """Every (platform, account) with data, with its department where mapped."""
        keys = pd.concat([self.daily[ACCOUNT_KEY], self.posts[ACCOUNT_KEY]]).drop_duplicates()
        return keys.merge(self.accounts[[*ACCOUNT_KEY, "department", "label"]], on=ACCOUNT_KEY, how="left").reset_index(drop=True)

    def accounts_in(self, scope: Scope, known: pd.DataFrame | None = None) -> pd.DataFrame:
        """The (platform, account) pairs of the scope (tags do not narrow accounts).

        ``known`` is ``known_accounts()`` when the caller has it already (it reads every row).
        """
        known = self.known_accounts() if known is None else known
        mask = pd.Series(True, index=known.index)
        if scope.platforms:
            mask &= known["platform"].isin(scope.platforms)
        if scope.accounts:
            mask &= known["account"].isin(scope.accounts)
        if scope.departments:
            mask &= known["department"].isin(scope.departments).fillna(False)
        return known.loc[mask.to_numpy(dtype=bool), ACCOUNT_KEY]

    def post_tags(self) -> pd.DataFrame:
        """platform, account, post_id, tag, department for every post a tag rule matches."""
        return tag_posts(self.posts, self.tag_rules)


UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


def fold(text: pd.Series) -> pd.Series:
    """Text for matching: composed, case-folded, umlauts spelled out ("Prüfung", "PRUEFUNG" -> "pruefung")."""
    folded = text.astype("string").str.normalize("NFC").str.casefold()
    for umlaut, spelled in UMLAUTS.items():
        folded = folded.str.replace(umlaut, spelled, regex=False)
    return folded


def term_pattern(term: str) -> str:
    """A regex for one user-written term, matched on folded text: a hashtag as a whole tag
    ("#messe" not in "#messe2026"), a keyword as a whole word ("Messe" not in "Messestand" nor
    "#messe"). The term is escaped: it is user text ("C++")."""
    folded = re.escape(fold(pd.Series([term.strip()])).iloc[0])
    return folded + r"(?!\w)" if term.strip().startswith("#") else r"(?<![\w#])" + folded + r"(?!\w)"


def tag_posts(posts: pd.DataFrame, rules: tuple[TagRule, ...]) -> pd.DataFrame:
    """Match hashtags (whole tag) and keywords (whole word) in the post text, case- and
    umlaut-insensitive (ä = ae, ß = ss)."""
    frames = []
    text = fold(posts["text"]).fillna("")
    for rule in rules:
        patterns = [term_pattern(term) for term in rule.terms if term.strip()]
        if not patterns:
            continue
        hit = text.str.contains("|".join(patterns), regex=True).fillna(False).to_numpy(dtype=bool)
        frames.append(posts.loc[hit, ["platform", "account", "post_id"]].assign(tag=rule.tag, department=rule.department))
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="string") for c in ("platform", "account", "post_id", "tag", "department")})
    return pd.concat(frames, ignore_index=True)
