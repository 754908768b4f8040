"""The Data page's presentation of import results and history (tables for st.dataframe)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from metrics import formatting
from metrics.goals import DEPARTMENTS
from model.i18n import Language, export_name, platform_name, translate
from model.issues import Issue, Level
from model.results import FileResult


def _rows_text(counts: dict[str, int], language: Language) -> str:
    """{"post": 12, "daily": 30} -> "12 Beiträge, 30 Tage"."""
    return ", ".join(f"{formatting.number(n, language)} {translate('grain.' + g, language)}" for g, n in counts.items() if n) or "–"


def results_table(results: list[FileResult], language: Language) -> pd.DataFrame:
    def tr(key: str) -> str:
        return translate(key, language)

    return pd.DataFrame(
        [
            {
                tr("col.file"): result.file,
                tr("col.status"): tr(f"status.{result.status}"),
                tr("col.platform"): platform_name(result.platform, language) if result.platform else "–",
                tr("col.report"): export_name(result.report, language),
                tr("col.account"): result.account or result.accounts_in_rows() or "–",
                tr("col.rows"): _rows_text(result.rows, language),
                tr("col.period"): formatting.period(*result.date_range, language),
                tr("col.issues"): sum(1 for i in result.issues if i.level != "info"),
            }
            for result in results
        ]
    )


def issues_table(results: list[FileResult], language: Language) -> pd.DataFrame:
    return issues_from([replace(issue, file=issue.file or result.file) for result in results for issue in result.issues], language)


def issues_from(issues: list[Issue], language: Language) -> pd.DataFrame:
    """Issues as a table: level, file, sheet, row, column, value, message; errors first, then warnings, then notes
    (what stopped a file must not hide below a hundred notes), each level in the order found."""

    def tr(key: str) -> str:
        return translate(key, language)

    rows = [
        {
            tr("col.level"): tr(f"level.{issue.level}"),
            tr("col.file"): issue.file or "",
            tr("col.sheet"): issue.sheet or "",
            tr("col.row"): "" if issue.row is None else f"{issue.row}",  # a file-wide issue has no row: blank, not "None"
            tr("col.column"): issue.column or "",
            tr("col.value"): issue.value or "",
            tr("col.message"): issue.text(language),
        }
        for issue in sorted(issues, key=lambda issue: list(Level).index(Level(issue.level)))
    ]
    return pd.DataFrame(rows) if rows else pd.DataFrame()


@dataclass(frozen=True)
class IssueText:
    """One message to read in full, once however many rows say it: the grid cuts long messages off, and its end is
    often what to do ("... Wählen Sie beim Hochladen ...")."""

    level: Level
    file: str
    message: str


def readable_issues(results: list[FileResult], language: Language) -> list[IssueText]:
    """The distinct messages of the results, errors first, then warnings, then notes (each in the order found)."""
    found = [IssueText(Level(issue.level), issue.file or result.file, issue.text(language)) for result in results for issue in result.issues]
    return sorted(dict.fromkeys(found), key=lambda issue: list(Level).index(issue.level))


def history_table(history: pd.DataFrame, language: Language) -> pd.DataFrame:
    def tr(key: str) -> str:
        return translate(key, language)

    if history.empty:
        return pd.DataFrame()
    counts = history[["rows_post", "rows_daily", "rows_audience"]].rename(columns=lambda c: c.removeprefix("rows_")).astype(int)
    starts, ends = pd.to_datetime(history["date_from"]).dt.date, pd.to_datetime(history["date_to"]).dt.date
    return pd.DataFrame(
        {
            tr("col.id"): history["id"],
            tr("col.imported_at"): pd.to_datetime(history["imported_at"]).map(lambda v: formatting.datetime(v.to_pydatetime(), language)),
            tr("col.status"): history["status"].map(lambda s: tr(f"status.{s}")),
            tr("col.file"): history["file_name"],
            tr("col.platform"): history["platform"].map(lambda p: platform_name(p, language), na_action="ignore").fillna("–"),
            tr("col.report"): history["report"].map(lambda r: export_name(r, language), na_action="ignore").fillna("–"),
            tr("col.account"): history["account"].fillna("–"),
            tr("col.rows"): [_rows_text(row, language) for row in counts.to_dict("records")],
            tr("col.period"): [formatting.period(a, b, language) for a, b in zip(starts, ends, strict=True)],
        }
    )


def mapping_table(accounts: pd.DataFrame, language: Language) -> pd.DataFrame:
    """Accounts with their department for the Data page: platforms and departments by their labels, never their keys."""

    def tr(key: str) -> str:
        return translate(key, language)

    return pd.DataFrame(
        {
            tr("col.platform"): accounts["platform"].map(lambda p: platform_name(p, language)),
            tr("col.account"): accounts["account"],
            # Every value mapped (no na_action + fillna): with no department at all (no goals workbook yet) pandas 3
            # typed the all-missing result as Arrow null, and fillna("–") on it raised: the Data page crashed.
            tr("col.department"): accounts["department"].map(lambda d: DEPARTMENTS[d].label(language) if isinstance(d, str) and d in DEPARTMENTS else "–"),
            tr("col.label"): accounts["label"].map(lambda v: v if isinstance(v, str) and v else "–"),  # not "None"
        }
    )
