"""The Data page's presentation of import results and history (tables for st.dataframe)."""

from __future__ import annotations

import pandas as pd

from ingest.pipeline import FileResult
from ui import formatting
from ui.i18n import Language, translate


def results_table(results: list[FileResult], language: Language) -> pd.DataFrame:
    def tr(key: str) -> str:
        return translate(key, language)

    rows = []
    for result in results:
        start, end = result.date_range
        rows.append(
            {
                tr("col.file"): result.file,
                tr("col.status"): tr(f"status.{result.status}"),
                tr("col.platform"): str(result.platform) if result.platform else "–",
                tr("col.report"): result.report or "–",
                tr("col.account"): result.account or result.accounts_in_rows() or "–",
                tr("col.rows"): ", ".join(f"{formatting.number(n, language)} {tr('grain.' + g)}" for g, n in result.rows.items()) or "–",
                tr("col.period"): formatting.period(start, end, language),
                tr("col.issues"): sum(1 for i in result.issues if i.level != "info"),
            }
        )
    return pd.DataFrame(rows)


def issues_table(results: list[FileResult], language: Language) -> pd.DataFrame:
    def tr(key: str) -> str:
        return translate(key, language)

    rows = [
        {
            tr("col.level"): tr(f"level.{issue.level}"),
            tr("col.file"): issue.file or result.file,
            tr("col.sheet"): issue.sheet or "",
            tr("col.row"): issue.row,
            tr("col.column"): issue.column or "",
            tr("col.value"): issue.value or "",
            tr("col.message"): issue.message,
        }
        for result in results
        for issue in result.issues
    ]
    return pd.DataFrame(rows).astype({tr("col.row"): "Int64"}) if rows else pd.DataFrame()


def history_table(history: pd.DataFrame, language: Language) -> pd.DataFrame:
    def tr(key: str) -> str:
        return translate(key, language)

    if history.empty:
        return pd.DataFrame()
    rows = history["rows_post"].astype(int), history["rows_daily"].astype(int), history["rows_audience"].astype(int)
    return pd.DataFrame(
        {
            tr("col.id"): history["id"],
            tr("col.imported_at"): [formatting.datetime(v.to_pydatetime(), language) for v in pd.to_datetime(history["imported_at"])],
            tr("col.status"): history["status"].map(lambda s: tr(f"status.{s}")),
            tr("col.file"): history["file_name"],
            tr("col.platform"): history["platform"].fillna("–"),
            tr("col.report"): history["report"].fillna("–"),
            tr("col.account"): history["account"].fillna("–"),
            tr("col.rows"): [
                ", ".join(f"{formatting.number(n, language)} {tr('grain.' + g)}" for g, n in zip(("post", "daily", "audience"), counts, strict=True) if n)
                for counts in zip(*rows, strict=True)
            ],
            tr("col.period"): [
                formatting.period(a, b, language)
                for a, b in zip(pd.to_datetime(history["date_from"]).dt.date, pd.to_datetime(history["date_to"]).dt.date, strict=True)
            ],
        }
    )
