"""Department scoping of reads (issue 10): the one filter over data and goals, with counts computed by hand."""

from __future__ import annotations

import pandas as pd

from metrics.dataset import Dataset, TagRule, accounts_frame, manual_frame
from metrics.engine import KpiEngine
from metrics.goals import GoalsConfig, KeyResult, Objective
from metrics.periods import parse_period
from metrics.plan import PlanData, PlanMatch
from metrics.scoping import restrict_dataset, restrict_goals, visible_accounts, visible_comments
from model.canonical import Grain, empty_frame


def _frame(grain: Grain, rows: list[dict[str, object]]) -> pd.DataFrame:
    base = empty_frame(grain)  # every canonical column with its dtype; the rows fill some of them
    frame = pd.DataFrame(rows).reindex(columns=base.columns)
    frame["source_row"] = range(len(frame))  # the import bookkeeping columns are never blank
    frame["import_id"] = 1
    return frame.astype(base.dtypes.to_dict())


# Three accounts: ig/pr_main (pr), tt/azubis (hr), fb/unmapped (no department).
ACCOUNTS = pd.DataFrame({"platform": ["instagram", "tiktok"], "account": ["pr_main", "azubis"], "department": ["pr", "hr"], "label": ["PR", "Azubis"]}).astype(
    accounts_frame().dtypes.to_dict()
)
DAILY = _frame(
    Grain.DAILY,
    [{"platform": "instagram", "account": "pr_main", "date": pd.Timestamp(f"2026-01-0{d}"), "impressions": 100.0} for d in (1, 2, 3)]
    + [{"platform": "tiktok", "account": "azubis", "date": pd.Timestamp(f"2026-01-0{d}"), "impressions": 10.0} for d in (1, 2)]
    + [{"platform": "facebook", "account": "unmapped", "date": pd.Timestamp("2026-01-01"), "impressions": 1.0}],
)
POSTS = _frame(
    Grain.POST,
    [
        {"platform": "instagram", "account": "pr_main", "post_id": "p1", "published_at": pd.Timestamp("2026-01-01 09:00", tz="UTC"), "text": "#messe"},
        {"platform": "tiktok", "account": "azubis", "post_id": "t1", "published_at": pd.Timestamp("2026-01-02 09:00", tz="UTC"), "text": "#ausbildung"},
        {"platform": "tiktok", "account": "azubis", "post_id": "t2", "published_at": pd.Timestamp("2026-01-03 09:00", tz="UTC"), "text": "x"},
        {"platform": "facebook", "account": "unmapped", "post_id": "f1", "published_at": pd.Timestamp("2026-01-03 10:00", tz="UTC"), "text": "y"},
    ],
)
MANUAL = pd.DataFrame(
    {"metric": ["press_mentions", "applications", "x"], "date": pd.to_datetime(["2026-01-31"] * 3), "value": [5.0, 7.0, 1.0],
     "department": ["pr", "hr", None], "note": ["", "", ""]}
).astype(manual_frame().dtypes.to_dict())  # fmt: skip
TAGS = (TagRule("messe", "pr", ("#messe",)), TagRule("ausbildung", "hr", ("#ausbildung",)), TagRule("alle", None, ("#x",)))


def _plan() -> PlanData:
    items = pd.DataFrame(
        {"id": [1, 2, 3, 4], "platform": ["instagram", "tiktok", "tiktok", "facebook"], "account": ["pr_main", "azubis", "azubis", "unmapped"],
         "department": ["pr", "hr", None, None]}
    ).astype({"department": "string"})  # fmt: skip
    posts = POSTS[["platform", "account", "post_id"]].assign(item_id=[1, 2, None, None])
    campaigns = pd.DataFrame({"name": ["Messe", "Azubi", "Marke"], "department": ["pr", "hr", None]})
    events = pd.DataFrame({"title": ["Messe", "Feiertag", "Azubitag"], "department": ["pr", None, "hr"]})
    return PlanData(PlanMatch(items, posts), campaigns, events)


def dataset() -> Dataset:
    data = Dataset(daily=DAILY, posts=POSTS, audience=empty_frame(Grain.AUDIENCE))
    return data.with_mapping(ACCOUNTS, TAGS, MANUAL).with_plan(_plan())


def goals() -> GoalsConfig:
    period = parse_period("2026-Q1")
    objectives = (Objective("O1", "Sichtbarkeit", "pr"), Objective("O2", "Azubis", "hr"), Objective("O3", "Mehr", "pr"))
    key_results = tuple(KeyResult(f"{o}.1", o, "impressions", period, "2026-Q1", 1000.0) for o in ("O1", "O2", "O3")) + (
        KeyResult("O2.2", "O2", "posts", period, "2026-Q1", 10.0),
    )
    return GoalsConfig(objectives, key_results, MANUAL, ACCOUNTS, TAGS)


def test_everyone_unscoped_gets_the_same_objects() -> None:
    data, config = dataset(), goals()
    assert restrict_dataset(data, None) is data
    assert restrict_goals(config, None) is config
    assert restrict_goals(None, frozenset({"pr"})) is None


def test_a_pr_grant_reads_only_the_pr_account_and_goals() -> None:
    data = restrict_dataset(dataset(), frozenset({"pr"}))
    assert visible_accounts(dataset(), frozenset({"pr"})).values.tolist() == [["instagram", "pr_main"]]
    assert len(data.daily) == 3 and set(data.daily["account"]) == {"pr_main"}  # 3 of 6 daily rows
    assert data.posts["post_id"].tolist() == ["p1"]  # 1 of 4 posts; the unmapped account is nobody's
    assert data.accounts["account"].tolist() == ["pr_main"]
    assert data.manual["metric"].tolist() == ["press_mentions"]  # the company-wide value has no department: not shown
    assert [rule.tag for rule in data.tag_rules] == ["messe", "alle"]  # a tag of no department applies to the visible posts
    assert data.plan.match.items["id"].tolist() == [1]  # item 4 has no department and an invisible account
    assert data.plan.match.posts["post_id"].tolist() == ["p1"]
    assert data.plan.campaigns["name"].tolist() == ["Messe", "Marke"]  # company-wide campaigns stay
    assert data.plan.events["title"].tolist() == ["Messe", "Feiertag"]
    assert KpiEngine(data).data.known_accounts()["account"].tolist() == ["pr_main"]

    config = restrict_goals(goals(), frozenset({"pr"}))
    assert [o.id for o in config.objectives] == ["O1", "O3"]
    assert [kr.id for kr in config.key_results] == ["O1.1", "O3.1"]
    assert config.accounts["account"].tolist() == ["pr_main"]
    assert visible_comments({"O1.1": "gut", "O2.1": "hr intern", "O2.2": "x"}, config) == {"O1.1": "gut"}


def test_an_hr_grant_keeps_an_unassigned_plan_item_of_its_own_account() -> None:
    data = restrict_dataset(dataset(), frozenset({"hr"}))
    assert len(data.daily) == 2
    assert data.posts["post_id"].tolist() == ["t1", "t2"]
    assert data.plan.match.items["id"].tolist() == [2, 3]  # item 3: no department, but on the hr account
    config = restrict_goals(goals(), frozenset({"hr"}))
    assert [kr.id for kr in config.key_results] == ["O2.1", "O2.2"]
    assert config.manual_values["value"].tolist() == [7.0]


def test_two_departments_and_none() -> None:
    both = restrict_dataset(dataset(), frozenset({"pr", "hr"}))
    assert len(both.daily) == 5 and len(both.posts) == 3  # everything but the unmapped account
    nothing = restrict_dataset(dataset(), frozenset())
    assert nothing.daily.empty and nothing.posts.empty and nothing.plan.match.items.empty
    assert restrict_goals(goals(), frozenset()).key_results == ()
