"""Editorial plan (Redaktionsplan): planned against published per channel and week, misses and unplanned
posts, fulfilment per department, campaigns and their key-message share; edit the plan, upload it,
download templates, keep campaigns and events. Text from uploads is shown as text, never as Markdown."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from access.permissions import Action, one_department
from charts.plan import week_grid
from ingest.plan_reader import plan_template, read_plan_upload
from metrics import formatting
from metrics.plan import PLAN_KPIS, candidate_posts, plan_view, plan_window
from model.canonical import Platform
from storage.plan import (
    all_campaigns,
    current_plan,
    decide_match,
    delete_event,
    forget_decision,
    plan_history,
    save_campaign,
    save_event,
    save_plan,
    undo_plan,
    update_item,
)
from ui.data import forget_workspace, visible_events, workspace
from ui.identity import authorize, record_unreadable, visible_departments
from ui.imports import issues_from
from ui.plan import editable_items, edited_items, editor_columns, item_label, matched_post_label, message_first, shown
from ui.resources import engine
from ui.state import date_widget_format, language, t
from ui.widgets import label, platform_labels, value

PERCENT = {"min_value": 0.0, "max_value": 100.0, "format": "%.0f %%"}  # shown() gives shares as 0..100


def long_text() -> dict[str, object]:
    """Texts of posts and plan items get the room to be read, not a cut-off first word."""
    return {t("col.text"): st.column_config.TextColumn(width="large")}


def changed() -> None:
    """After any write: the KPI engine (plan KPIs) must be rebuilt, the page drawn anew."""
    forget_workspace()
    st.rerun()


st.title(t("plan.title"))
st.caption(t("plan.intro"))
plan = workspace().engine.data.plan  # the plan of the departments this person sees (the whole plan for most)
scoped = visible_departments() is not None
overview, editing, upload, campaigns_tab = st.tabs([t("plan.tab.overview"), t("plan.tab.edit"), t("plan.tab.upload"), t("plan.tab.campaigns")])

with overview:
    window = plan_window(plan.match.items) if plan is not None else None
    if window is None:
        st.info(t("plan.empty"))
    else:
        chosen = st.date_input(t("plan.window"), value=window, format=date_widget_format(), key="plan_window")
        start, end = chosen if isinstance(chosen, tuple) and len(chosen) == 2 else window
        view = plan_view(plan, start, end)
        figures = {
            "plan_fulfilment": view.summary.fulfilment,
            "unplanned_share": view.summary.unplanned_share,
            "plan_median_delay": view.summary.median_delay_days,
            "key_message_share": view.key_message_share,
        }
        for column, key in zip(st.columns(len(PLAN_KPIS)), PLAN_KPIS, strict=True):
            column.metric(label(key), value(key, figures[key]))
        st.caption(t("plan.counts", matched=view.summary.matched, planned=view.summary.planned, unplanned=view.summary.unplanned, posts=view.summary.posts))
        if not view.grid.empty:
            st.plotly_chart(week_grid(view.grid, language=language(), title=t("plan.grid")), key="plan_grid", config={"displayModeBar": False})
        left, right = st.columns(2)
        with left:
            st.subheader(t("plan.misses"))
            st.dataframe(shown(view.misses.drop(columns="id"), language()), hide_index=True, width="stretch", column_config=long_text())
        with right:
            st.subheader(t("plan.unplanned"))
            st.dataframe(
                shown(view.unplanned, language()), hide_index=True, width="stretch", column_config={**long_text(), t("col.link"): st.column_config.LinkColumn()}
            )
        st.subheader(t("plan.departments"))
        st.dataframe(
            shown(view.departments[["department", "planned", "matched", "fulfilment", "median_delay_days"]], language()),
            hide_index=True,
            width="stretch",
            column_config={t("col.fulfilment"): st.column_config.ProgressColumn(**PERCENT)},
        )
        st.subheader(t("plan.campaigns"))
        if view.campaigns.empty:
            st.caption(t("plan.no_campaigns"))
        else:
            st.caption(t("plan.one_voice"))
            st.dataframe(
                shown(view.campaigns, language()),
                hide_index=True,
                width="stretch",
                column_config={t("col.share"): st.column_config.ProgressColumn(**PERCENT)},
            )

with editing:
    items = current_plan(engine())
    if scoped:  # the items of this person's departments only, as the overview counts them
        items = items[items["id"].isin(plan.match.items["id"] if plan is not None else [])]
    if items.empty:
        st.info(t("plan.empty"))
    else:
        editable = editable_items(items)
        edited = st.data_editor(editable, hide_index=True, width="stretch", disabled=["id"], key="plan_editor", column_config=editor_columns(language()))
        if st.button(t("plan.save_edits"), key="plan_save_edits"):
            before = items.set_index("id")["department"]
            for item_id, values in edited_items(editable, edited):
                # Moving an item to another department needs the right to write for both.
                departments = dict.fromkeys(one_department([d]) for d in (before.get(item_id), values.get("department")))
                if all(authorize(Action.PLAN, d, "plan_item", str(item_id)) for d in departments):
                    update_item(engine(), item_id, values)
            changed()
        st.subheader(t("plan.decide"))
        matched = plan.match.items.set_index("id") if plan is not None else pd.DataFrame()
        item_id = st.selectbox(
            t("plan.item"),
            items["id"].tolist(),
            key="plan_decide_item",
            format_func=item_label(items, language()),
        )
        if plan is not None and item_id is not None:
            st.text(t("plan.current_match", post=matched_post_label(plan, int(item_id), language())))
            candidates = candidate_posts(plan, int(item_id))
            options = ["auto", "none", *candidates["post_id"].tolist()]
            texts = dict(zip(candidates["post_id"], candidates["text"].fillna(""), strict=True))
            choice = st.selectbox(
                t("plan.choose_post"),
                options,
                key=f"plan_choose_{item_id}",
                format_func=lambda o: t(f"plan.choice.{o}") if o in ("auto", "none") else f"{o} · {texts[o][:60]}",
            )
            item_department = items.set_index("id").loc[item_id, "department"]
            if st.button(t("plan.decide_save"), key="plan_decide_save") and authorize(
                Action.PLAN, one_department([item_department]), "plan_match", str(item_id), str(choice)
            ):
                if choice == "auto":
                    forget_decision(engine(), int(item_id))
                elif choice == "none":
                    decide_match(engine(), int(item_id), None)
                else:
                    post = candidates.set_index("post_id").loc[choice]
                    decide_match(engine(), int(item_id), (str(post["platform"]), str(post["account"]), str(choice)))
                changed()

with upload:
    file = st.file_uploader(t("plan.uploader"), type=["xlsx", "csv"], key="plan_upload")
    if file is not None and st.button(t("plan.store"), type="primary", key="plan_store"):
        data = file.getvalue()
        parsed = read_plan_upload(file.name, data)
        if parsed.status != "parsed":
            record_unreadable(Action.PLAN, "plan_file", file.name, parsed.issues)
            st.error(t("plan.failed"))
            st.dataframe(issues_from(parsed.issues, language()), hide_index=True, width="stretch", column_config=message_first())
        elif authorize(Action.PLAN, one_department(parsed.tables["plan"]["department"]), "plan_file", file.name):
            stored = save_plan(engine(), file.name, data, parsed.tables["plan"])
            if stored.duplicate:
                st.info(t("plan.duplicate", id=stored.version_id))
            else:
                first, last = formatting.date(stored.date_from, language()), formatting.date(stored.date_to, language())
                st.success(t("plan.stored", items=stored.items, first=first, last=last))
                forget_workspace()
            if parsed.issues:
                st.warning(t("plan.warnings"))
                st.dataframe(issues_from(parsed.issues, language()), hide_index=True, width="stretch", column_config=message_first())
    st.subheader(t("plan.templates"))
    de, en = st.columns(2)
    de.download_button(t("plan.template_de"), plan_template("de"), file_name="Redaktionsplan_Vorlage.xlsx", key="plan_template_de")
    en.download_button(t("plan.template_en"), plan_template("en"), file_name="editorial_plan_template.xlsx", key="plan_template_en")
    history = plan_history(engine())
    if not history.empty:
        st.subheader(t("plan.history"))
        st.dataframe(shown(history.drop(columns=["sha256"]), language()), hide_index=True, width="stretch")
        active = sorted(history.loc[history["status"] == "active", "id"].tolist(), reverse=True)  # the newest first: undo what was just uploaded
        if active:
            names = dict(zip(history["id"], history["file_name"], strict=True))
            undo_id = st.selectbox(t("plan.undo_pick"), active, key="plan_undo_pick", format_func=lambda i: f"{i} · {names[i]}")
            version_items = current_plan(engine())
            version_department = one_department(version_items.loc[version_items["version_id"] == undo_id, "department"])
            if st.button(t("plan.undo"), key="plan_undo") and authorize(Action.PLAN, version_department, "plan_version", str(undo_id)):
                undo_plan(engine(), int(undo_id))
                changed()

with campaigns_tab:
    st.subheader(t("plan.campaigns"))
    campaign_rows = plan.campaigns if scoped and plan is not None else all_campaigns(engine())
    st.dataframe(shown(campaign_rows.drop(columns="id", errors="ignore"), language()), hide_index=True, width="stretch")
    with st.form("plan_campaign_form", clear_on_submit=True):
        name = st.text_input(t("plan.campaign_name"), key="plan_campaign_name")
        period = st.date_input(t("plan.campaign_period"), value=(dt.date.today(), dt.date.today()), format=date_widget_format(), key="plan_campaign_period")
        messages = st.text_area(t("plan.campaign_messages"), key="plan_campaign_messages")
        tags = st.text_input(t("plan.campaign_tags"), key="plan_campaign_tags")
        # A campaign names no department here: it is company-wide, so adding one is the admin's.
        if (
            st.form_submit_button(t("plan.campaign_add"))
            and name.strip()
            and isinstance(period, tuple)
            and len(period) == 2
            and authorize(Action.PLAN, None, "campaign", name.strip())
        ):
            save_campaign(engine(), name.strip(), period[0], period[1], messages, tags)
            changed()
    st.subheader(t("plan.events"))
    events = visible_events()
    st.dataframe(shown(events.drop(columns="id"), language()), hide_index=True, width="stretch")
    with st.form("plan_event_form", clear_on_submit=True):
        title = st.text_input(t("plan.event_title"), max_chars=60, key="plan_event_title")
        days = st.date_input(t("plan.event_days"), value=(dt.date.today(), dt.date.today()), format=date_widget_format(), key="plan_event_days")
        description = st.text_area(t("plan.event_description"), key="plan_event_description")
        category = st.text_input(t("plan.event_category"), key="plan_event_category")
        department = st.text_input(t("plan.event_department"), key="plan_event_department")
        channels = st.multiselect(
            t("plan.event_channels"), list(Platform), format_func=platform_labels(), placeholder=t("plan.choose_channels"), key="plan_event_channels"
        )
        colour = st.color_picker(t("plan.event_colour"), "#7E57C2", key="plan_event_colour")
        if st.form_submit_button(t("plan.event_add")) and title.strip() and authorize(Action.PLAN, department.strip() or None, "event", title.strip()[:60]):
            first, last = days if isinstance(days, tuple) and len(days) == 2 else (days, days)
            values = {
                "date_from": first,
                "date_to": last,
                "title": title.strip()[:60],
                "description": description,
                "category": category,
                "department": department or None,
                "channels": ",".join(str(c) for c in channels),
                "colour": colour,
            }
            save_event(engine(), values)
            changed()
    events_file = st.file_uploader(t("plan.events_upload"), type=["csv", "xlsx"], key="plan_events_upload")
    if events_file is not None and st.button(t("plan.events_import"), key="plan_events_import"):
        parsed = read_plan_upload(events_file.name, events_file.getvalue(), kind="events")
        if parsed.status != "parsed":
            record_unreadable(Action.PLAN, "events_file", events_file.name, parsed.issues)
            st.error(t("plan.events_failed"))
            st.dataframe(issues_from(parsed.issues, language()), hide_index=True, width="stretch", column_config=message_first())
        elif authorize(Action.PLAN, one_department(parsed.tables["events"]["department"]), "events_file", events_file.name):
            rows = parsed.tables["events"].to_dict("records")
            for row in rows:
                save_event(engine(), {**row, "date_from": row["date_from"].date(), "date_to": row["date_to"].date(), "department": row["department"] or None})
            st.session_state["plan_events_stored"] = len(rows)  # said after the rerun that redraws the charts
            changed()
    if count := st.session_state.pop("plan_events_stored", None):
        st.success(t("plan.events_stored", count=count))
    if not events.empty:
        remove = st.selectbox(
            t("plan.event_remove_pick"), events["id"].tolist(), key="plan_event_remove_pick", format_func=lambda i: events.set_index("id").loc[i, "title"]
        )
        remove_department = one_department([events.set_index("id").loc[remove, "department"]])
        if st.button(t("plan.event_remove"), key="plan_event_remove") and authorize(Action.PLAN, remove_department, "event", str(remove)):
            delete_event(engine(), int(remove))
            changed()
