"""Content: the post table, top and flop posts, performance by format and topic, and when posts perform."""

from __future__ import annotations

import streamlit as st

from charts.figures import bars, heatmap
from metrics import formatting
from metrics.catalog import CATALOG
from metrics.views import RANK_KPIS, filter_posts, format_labels, performance_by, post_table, top_and_weakest, topic_names, untimed, weekday_hour
from model.i18n import format_name, platform_name
from model.timezones import company_timezone
from ui.data import workspace
from ui.filters import sidebar
from ui.state import date_widget_format, language, t
from ui.widgets import department_labels, freshness, kpi_labels, label, plain

space = workspace()
selection = sidebar(space)
zone = company_timezone()
st.title(t("content.title"))
st.caption(f"{selection.period.label(language())} · {t('content.times_in', zone=zone)}")
freshness(space.engine, selection.scope, selection.period, selection.today, cut=False)

posts = post_table(space.engine, selection.scope, selection.period, zone)
filters = st.columns(3)
search = filters[0].text_input(t("content.search"), key="content_search")
formats = sorted(posts["format"].dropna().unique(), key=lambda f: format_name(f, language()))
chosen_formats = filters[1].multiselect(
    t("content.format"), formats, format_func=lambda f: format_name(f, language()), key=f"content_formats_{language()}", placeholder=t("filters.all")
)
chosen_topics = filters[2].multiselect(t("content.tag"), topic_names(posts), key="content_topics", placeholder=t("filters.all"))
posts = filter_posts(posts, search, chosen_formats, chosen_topics)

if posts.empty:
    st.info(t("content.none"))
    st.stop()

st.caption(f"{formatting.number(len(posts), language())} {t('content.posts')}")
names, lang = department_labels(), language()
# Labels once per distinct value: per row they asked the session's language 200,000 times at agency scale.
platform_labels = {platform: platform_name(platform, lang) for platform in posts["platform"].unique()}
department_texts = {keys: ", ".join(names(k) for k in keys) for keys in set(posts["departments"])}
# Post texts, accounts and topics are shown by st.dataframe as plain text (never Markdown).
table = posts.assign(
    date=posts["local_time"].dt.normalize(), time=posts["local_time"].dt.strftime("%H:%M").where(posts["has_time"], "–"),
    text=posts["text"].fillna("").str.slice(0, 140), tags=posts["tags"].fillna(""),
    post_type=format_labels(posts["format"], lang),
    platform=posts["platform"].map(platform_labels.__getitem__),
    departments=posts["departments"].map(department_texts.__getitem__),
)[["date", "time", "platform", "account", "post_type", "text", "tags", "departments",
  "impressions", "engagements", "engagement_rate", "views", "permalink"]]  # fmt: skip
st.dataframe(
    table, hide_index=True, width="stretch", height=380, key="content_table",
    column_config={
        "date": st.column_config.DateColumn(t("col.date"), format=date_widget_format()), "time": t("col.time"),
        "platform": t("col.platform"), "account": t("col.account"), "post_type": t("col.format"), "text": t("col.text"), "tags": t("col.tags"),
        "departments": t("col.departments"), "impressions": st.column_config.NumberColumn(label("impressions"), format="localized"),
        "engagements": st.column_config.NumberColumn(label("engagements"), format="localized"),
        "engagement_rate": st.column_config.NumberColumn(label("engagement_rate"), format="percent"),
        "views": st.column_config.NumberColumn(label("views"), format="localized"), "permalink": st.column_config.LinkColumn(t("col.link"), display_text="↗"),
    },
)  # fmt: skip

rank = st.radio(t("content.rank_by"), list(RANK_KPIS), format_func=kpi_labels(), horizontal=True, key=f"content_rank_{language()}")
best, weakest = top_and_weakest(posts, rank, top=5, weakest=5)  # the review pack's ranking (metrics.views)
top, flop = st.columns(2)
for column, title, frame in ((top, t("content.top"), best), (flop, t("content.flop"), weakest)):
    with column:
        st.subheader(title)
        for post in frame.itertuples(index=False):
            figure = formatting.kpi_value(getattr(post, rank), CATALOG[rank].unit.value, language())
            when = formatting.date(post.local_time.date(), language()) + (f" {post.local_time:%H:%M}" if post.has_time else "")
            st.markdown(f"**{figure}** · {platform_name(post.platform, language())} · {plain(post.account)} · {when}  \n{plain((post.text or '')[:110])}")

left, right = st.columns(2)
with left:
    by_format = performance_by(posts, "format").rename(columns={"engagements_per_post": "value"})
    by_format["category"] = by_format["category"].map(lambda f: t("content.no_format") if f == "–" else format_name(f, language()))
    st.plotly_chart(
        bars(by_format, language=language(), title=t("content.by_format"), y_title=t("content.engagements_per_post")),
        key="content_by_format",
        config={"displayModeBar": False},
    )
with right:
    by_topic = performance_by(posts, "topics").rename(columns={"engagements_per_post": "value"})
    if not by_topic.empty:
        st.plotly_chart(
            bars(by_topic, language=language(), title=t("content.by_tag"), y_title=t("content.engagements_per_post")),
            key="content_by_topic",
            config={"displayModeBar": False},
        )
st.plotly_chart(
    heatmap(weekday_hour(posts), language=language(), title=t("content.when"), value_title=t("content.engagements_per_post"), zone=zone),
    key="content_heatmap",
    config={"displayModeBar": False},
)
if without_time := untimed(posts):
    st.caption(t("content.untimed", count=formatting.number(without_time, language())))
