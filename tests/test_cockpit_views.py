"""The Cockpit's and Channels' core on the demo company: key-result progress as bullets, the trend
agreeing with the cards (YouTube's post-only impressions included), and the markers' flags."""

from __future__ import annotations

import datetime as dt

import pytest

from charts.figures import BULLET_CAP, key_result_bullets, trend
from charts.theme import STATUS_COLOURS
from ingest.goals_reader import load_goals
from metrics.dataset import Scope
from metrics.engine import KpiEngine
from metrics.periods import month_period
from metrics.progress import evaluate
from metrics.views import Comparison, key_result_shares, kpi_cards, kpi_trend, non_additive
from metrics.views import key_result_bullets as bullet_rows
from model.i18n import Language
from sample_data.demo import DEMO_EXPORT_DAY, DEMO_GOALS
from storage.engine import make_engine
from storage.queries import load_dataset
from ui.widgets import plain


@pytest.fixture(scope="module")
def demo(demo_db: str):
    config = load_goals(DEMO_GOALS.name, DEMO_GOALS.read_bytes())
    engine = KpiEngine(load_dataset(make_engine(demo_db)).with_mapping(config.accounts, config.tags, config.manual_values))
    return engine, config, evaluate(engine, config, DEMO_EXPORT_DAY)


OCTOBER = month_period(2026, 10)


def test_channel_trend_adds_up_to_the_cards_with_youtube_from_its_videos(demo) -> None:
    engine, _, _ = demo
    frame = kpi_trend(engine, "impressions", Scope(), OCTOBER)
    assert "youtube" in set(frame["series"])  # YouTube exports video figures only: no daily impressions
    for platform, group in frame.groupby("series"):
        card = engine.value("impressions", Scope.of(platforms=platform), OCTOBER)
        assert group["value"].sum() == pytest.approx(card.value), platform
        assert group["from_posts"].all() == bool(card.from_posts), platform
    assert frame.loc[frame["series"] == "youtube", "from_posts"].all()
    assert not frame.loc[frame["series"] == "linkedin", "from_posts"].any()
    whole = kpi_cards(engine, Scope(), OCTOBER, Comparison.PREVIOUS, dt.date(2026, 11, 22))
    assert frame["value"].sum() == pytest.approx(whole.set_index("kpi").loc["impressions", "value"])


def test_trend_draws_post_figures_dotted_and_marked(demo) -> None:
    engine, _, _ = demo
    figure = trend(kpi_trend(engine, "impressions", Scope(), OCTOBER), language="de", title="", y_title="Impressionen")
    modes = {trace.name: trace.mode for trace in figure.data}
    assert modes["YouTube ◆"] == "markers"  # lifetime figures on publish days: no line through the days between
    assert modes["LinkedIn"] == "lines"


def test_cards_say_what_is_a_sum_of_unique_counts_and_what_came_from_posts(demo) -> None:
    engine, _, _ = demo
    cards = kpi_cards(engine, Scope(), OCTOBER, Comparison.PREVIOUS, dt.date(2026, 11, 22)).set_index("kpi")
    assert bool(cards.loc["reach", "non_additive"]) and not bool(cards.loc["impressions", "non_additive"])
    assert non_additive("engagement_rate_reach") and non_additive("unique_visitors") and not non_additive("followers")
    assert any(item.startswith("youtube/") for item in cards.loc["impressions", "from_posts"])
    assert cards.loc["followers", "from_posts"] == ()


def result_of(report, key: str):
    return next(r for r in report.key_results if r.key_result.id == key)


def test_progress_shares_count_sums_from_zero_and_levels_from_their_baseline(demo) -> None:
    _, _, report = demo
    impressions = result_of(report, "PR-1.1")  # a sum: baseline 170,000 is last period's, the scale starts at 0
    assert key_result_shares(impressions) == pytest.approx((impressions.actual / 180_000, impressions.expected / 180_000))
    followers = result_of(report, "HR-1.1")  # a stock from 8,600 to 22,000
    share, expected = key_result_shares(followers)
    assert share == pytest.approx((followers.actual - 8_600) / (22_000 - 8_600))
    assert expected == pytest.approx((followers.expected - 8_600) / (22_000 - 8_600))
    response = result_of(report, "KS-1.1")  # lower is better: 6 h down to 4 h; 5 h would be half-way
    assert key_result_shares(response)[0] == pytest.approx((response.actual - 6) / (4 - 6))


def test_bullet_chart_groups_key_results_under_their_departments(demo) -> None:
    _, config, report = demo
    rows = bullet_rows(config, report, Language.DE)
    assert len(rows) == 14
    assert list(dict.fromkeys(rows["department"])) == ["pr", "marketing", "sales", "hr", "service"]
    figure = key_result_bullets(rows, language="de")
    band, bars, ticks, *_ = figure.data
    names, shares = bullet_labels(figure, "left"), bullet_labels(figure, "right")
    assert names[:3] == [(0, "<b>Unternehmenskommunikation / PR</b>"), (1, "PR-1.1 Impressionen · LinkedIn"), (3, "PR-1.2 Interaktionsrate · LinkedIn")]
    assert [text for _, text in names if text.startswith("<b>")] == [
        "<b>Unternehmenskommunikation / PR</b>", "<b>Marketing</b>", "<b>Vertrieb</b>", "<b>Personal / Employer Branding</b>", "<b>Kundenservice</b>",
    ]  # fmt: skip
    assert list(bars.y[:2]) == [1.95, 3.95]  # each bar under its name
    assert list(band.x) == [1.0] * 14
    first = rows.iloc[0]
    assert bars.x[0] == pytest.approx(min(first["share"], BULLET_CAP))
    assert bars.marker.color[0] == STATUS_COLOURS[first["status"]]
    assert shares[0] == (1.95, f"{first['share'] * 100:.0f} %")  # its share at the right, on its line
    assert "Soll heute" in bars.hovertext[0]
    assert ticks.name == "Soll heute"
    assert len(ticks.x) == rows["expected_share"].notna().sum()
    english = key_result_bullets(bullet_rows(config, report, Language.EN), language="en")
    assert bullet_labels(english, "left")[0] == (0, "<b>Corporate communications / PR</b>")
    assert figure.layout.xaxis.ticktext[:3] == ("0 %", "50 %", "100 %")  # German percent with its space
    assert english.layout.xaxis.ticktext[:3] == ("0%", "50%", "100%")
    assert english.data[2].name == "Expected by now"


def bullet_labels(figure: object, side: str) -> list[tuple[float, str]]:
    """The bullet chart's labels as (row, text), top down: names and department lines at the left, shares at the right."""
    position = "middle right" if side == "left" else "middle left"
    found = [
        (y, text)
        for trace in figure.data
        if getattr(trace, "mode", None) == "text" and trace.textposition == position
        for y, text in zip(trace.y, trace.text, strict=True)
    ]
    return sorted(found, key=lambda label: label[0])


def test_bullets_follow_the_department_filter(demo) -> None:
    _, config, report = demo
    rows = bullet_rows(config, report, Language.DE, frozenset({"hr"}))
    assert set(rows["key_result"]) == {"HR-1.1", "HR-1.2", "HR-1.3", "HR-1.4"}
    assert bullet_rows(None, None, Language.DE).empty


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("$5 instead of $10", r"\$5 instead of \$10"),
        ("*today*", r"\*today\*"),
        ("![x](https://tracker.example/p.png)", "\\!\\[x\\]\\(https\\:\u2060//tracker\\.example/p\\.png\\)"),
        ("see www.acme.example or mail jo@acme.example", "see www\u2060\\.acme\\.example or mail jo@\u2060acme\\.example"),  # no autolink
        (":red[alarm] <b>", r"\:red\[alarm\] \<b\>"),
        ("two\nlines", "two lines"),
        (None, ""),
    ],
)
def test_upload_text_is_escaped_for_markdown(text: str | None, escaped: str) -> None:
    assert plain(text) == escaped


def test_bullets_carry_the_cockpit_marks(demo) -> None:
    engine, config, report = demo
    rows = bullet_rows(config, report, Language.DE, frozenset({"pr"}), engine, DEMO_EXPORT_DAY)
    assert rows["from_posts"].tolist() == [(), (), ()]  # the demo's LinkedIn has daily figures; awareness is manual
    marked = rows.assign(non_additive=[True, False, False], from_posts=[(), ("youtube/Haberland TV",), ()])
    names = [text for _, text in bullet_labels(key_result_bullets(marked, language="de"), "left")]
    assert names[1:4] == ["PR-1.1 Impressionen Σ · LinkedIn", "PR-1.2 Interaktionsrate ◆ · LinkedIn", "PR-1.3 Bekanntheit"]


@pytest.mark.parametrize("scope", [Scope(), Scope.of(platforms="linkedin"), Scope.of(departments="marketing")])
def test_a_ratio_line_pairs_accounts_as_its_card_does(demo, scope: Scope) -> None:
    """The pack's engagement-rate sparkline ran at 9-10 % beside a card of 3.7 %: the day's engagements of every
    account were divided by the impressions of only those that export impressions."""
    from metrics.views import _paired_daily_totals, kpi_series

    engine, _, _ = demo
    card = engine.value("engagement_rate", scope, OCTOBER).value
    top, bottom = _paired_daily_totals(engine, "engagements", "impressions", scope, OCTOBER)
    assert top.sum() / bottom.sum() == pytest.approx(card, rel=1e-9)  # the days add up to the card
    line = kpi_series(engine, "engagement_rate", scope, OCTOBER)
    assert line.min() > card / 3 and line.max() < card * 3  # the line runs around the card's value
