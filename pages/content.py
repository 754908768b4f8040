"""Content: the post table, top and flop posts, performance by format and topic, and when posts perform."""

from __future__ import annotations

import streamlit as st

from charts.figures import bars, heatmap
from metrics import formatting
from metrics.views import performance_by, post_table, weekday_hour
from model.i18n import platform_name
from ui.data import workspace
from ui.filters import sidebar
from ui.state import date_widget_format, language, t
from ui.widgets import kpi_labels, label

space = workspace()
selection = sidebar(space)
st.title(t("content.title"))
st.caption(selection.period.label(language()))

posts = post_table(space.engine, selection.scope, selection.period)
filters = st.columns(3)
search = filters[0].text_input(t("content.search"), key="content_search").strip()
formats = sorted(posts["post_type"].dropna().unique())
chosen_formats = filters[1].multiselect(t("content.format"), formats, key="content_formats", placeholder=t("filters.all"))
topics = sorted({tag for tags in posts["tags"].dropna() for tag in tags.split(", ")})
chosen_topics = filters[2].multiselect(t("content.tag"), topics, key="content_topics", placeholder=t("filters.all"))
if search:
    posts = posts[posts["text"].fillna("").str.contains(search, case=False, regex=False)]
if chosen_formats:
    posts = posts[posts["post_type"].isin(chosen_formats)]
if chosen_topics:
    posts = posts[posts["tags"].fillna("").str.contains("|".join(chosen_topics), regex=True)]

if posts.empty:
    st.info(t("content.none"))
    st.stop()

st.caption(f"{formatting.number(len(posts), language())} {t('content.posts')}")
shown = [
    "published_at",
    "platform",
    "account",
    "post_type",
    "text",
    "tags",
    "departments",
    "impressions",
    "engagements",
    "engagement_rate",
    "views",
    "permalink",
]
table = posts[shown]
table = table.assign(
    published_at=table["published_at"].dt.tz_convert(None), text=table["text"].fillna("").str.slice(0, 140),
    post_type=table["post_type"].fillna("–"), tags=table["tags"].fillna(""),
    platform=table["platform"].map(lambda p: platform_name(p, language())),
)  # fmt: skip
st.dataframe(
    table, hide_index=True, width="stretch", height=380, key="content_table",
    column_config={
        "published_at": st.column_config.DatetimeColumn(t("col.date"), format=date_widget_format() + " HH:mm"),
        "platform": t("col.platform"), "account": t("col.account"), "post_type": t("col.format"), "text": t("col.text"), "tags": t("col.tags"),
        "departments": t("col.departments"), "impressions": st.column_config.NumberColumn(label("impressions"), format="localized"),
        "engagements": st.column_config.NumberColumn(label("engagements"), format="localized"),
        "engagement_rate": st.column_config.NumberColumn(label("engagement_rate"), format="percent"),
        "views": st.column_config.NumberColumn(label("views"), format="localized"), "permalink": st.column_config.LinkColumn(t("col.link"), display_text="↗"),
    },
)  # fmt: skip

rank_keys = ["engagements", "engagement_rate", "impressions", "views"]
rank = st.radio(t("content.rank_by"), rank_keys, format_func=kpi_labels(), horizontal=True, key=f"content_rank_{language()}")
ranked = posts.dropna(subset=[rank]).sort_values(rank, ascending=False)
top, flop = st.columns(2)
for column, title, frame in ((top, t("content.top"), ranked.head(5)), (flop, t("content.flop"), ranked.tail(5).iloc[::-1])):
    with column:
        st.subheader(title)
        for post in frame.itertuples(index=False):
            figure = formatting.kpi_value(getattr(post, rank), "percent" if rank == "engagement_rate" else "count", language())
            st.markdown(
                f"**{figure}** · {platform_name(post.platform, language())} · "
                f"{formatting.date(post.published_at.date(), language())}  \n{(post.text or '')[:110]}"
            )

left, right = st.columns(2)
with left:
    by_format = performance_by(posts, "post_type").rename(columns={"engagements_per_post": "value"})
    st.plotly_chart(
        bars(by_format, language=language(), title=t("content.by_format"), y_title=t("content.engagements_per_post")),
        key="content_by_format",
        config={"displayModeBar": False},
    )
with right:
    by_topic = performance_by(posts.dropna(subset=["tags"]), "tags").rename(columns={"engagements_per_post": "value"})
    if not by_topic.empty:
        st.plotly_chart(
            bars(by_topic, language=language(), title=t("content.by_tag"), y_title=t("content.engagements_per_post")),
            key="content_by_topic",
            config={"displayModeBar": False},
        )
st.plotly_chart(
    heatmap(weekday_hour(posts), language=language(), title=t("content.when"), value_title=t("content.engagements_per_post")),
    key="content_heatmap",
    config={"displayModeBar": False},
)
