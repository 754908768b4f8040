"""Accounts in a flat upload (a browser upload, files given one by one): only what belongs together is grouped.

A folder on disk is the user's grouping, and a ZIP is one download: a file that names no account takes theirs.
Across a flat upload nothing says two files belong together. A file's content naming an account still counts
(Meta's overview files beside the posts file of the same download), but a file name names its own file or ZIP
only; where only such names are around, the file asks instead of taking one. Two files that name no account,
hold different values for the same days and share no folder are two accounts: they ask too.
Real exports, taken out of their folders as a user's Downloads folder holds them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from model.i18n import Language
from model.results import FileResult
from tests.conftest import read_files
from tests.test_real_exports import studio_zip_and_chart

UFSCAR_ZIP = "youtube/ufscar-pt/Conte\u00fado 2024-06-02_2025-06-02 UFSCar - Universidade Federal de S\u00e3o Carlos.zip"
UFSCAR = "UFSCar - Universidade Federal de S\u00e3o Carlos"
DOORLY = "\u062f\u0648\u0631\u0644\u064a-doorly"


def flat(real_exports: Path, *names: str) -> list[tuple[str, bytes]]:
    """The files under their base names only: uploaded from one folder, or through the browser."""
    return [(Path(name).name, (real_exports / name).read_bytes()) for name in names]


def by_file(results: list[FileResult]) -> dict[str, FileResult]:
    return {r.file: r for r in results}


def test_a_youtube_table_of_another_channel_beside_a_studio_zip_asks_for_its_account(real_exports: Path) -> None:
    results = by_file(read_files(*flat(real_exports, UFSCAR_ZIP, "youtube/raphaeloe-de/Tabellendaten.csv")))
    table = results["Tabellendaten.csv"]
    assert (table.status.value, table.account, table.frames) == ("error", None, {})
    [question] = [i for i in table.issues if i.level.value == "error"]
    assert (question.code, dict(question.params)) == ("ingest.account_undecided", {"platform": "youtube", "accounts": UFSCAR})
    assert "die anderen YouTube-Dateien dieses Uploads" in question.text(Language.DE)
    assert "Feld „Konto“" in question.text(Language.DE) and "--account" in question.text(Language.EN)
    zipped = [r for name, r in results.items() if name.startswith(Path(UFSCAR_ZIP).name)]
    assert len(zipped) == 3 and {(r.status.value, r.account) for r in zipped} == {("parsed", UFSCAR)}


def test_the_account_chosen_on_upload_answers_the_question(real_exports: Path) -> None:
    results = by_file(read_files(*flat(real_exports, "youtube/raphaeloe-de/Tabellendaten.csv", UFSCAR_ZIP), account="Raphael"))
    assert {(r.status.value, r.account) for r in results.values()} == {("parsed", "Raphael")}


def test_a_flat_upload_says_upload_where_a_folder_says_folder(real_exports: Path) -> None:
    """A browser upload has no folder: a new user read that a file took its account from its 'Ordner'."""
    names = ["facebook/leonmpofu/Jan-14-2025_Apr-14-2025_1396269028466733.csv", "facebook/leonmpofu/Views.csv"]
    for files, code, word in [
        (flat(real_exports, *names), "ingest.account_from_upload", "dieses Uploads"),
        ([(name, (real_exports / name).read_bytes()) for name in names], "ingest.account_from_siblings", "seines Ordners"),
    ]:
        views = next(r for r in read_files(*files, platform="facebook") if r.file.endswith("Views.csv"))
        [said] = [i for i in views.issues if i.code.startswith("ingest.account_from")]
        assert (views.account, said.code) == ("Oigetit Fake News Filter - South Africa", code)
        assert word in said.text(Language.DE)


def test_in_a_folder_the_zip_beside_the_file_still_names_its_channel(real_exports: Path) -> None:
    """The pinned folder rule: youtube/ufscar-pt holds the ZIP and a table of the same channel."""
    table = "youtube/ufscar-pt/Dados da tabela youtube 30-06.csv"
    results = by_file(read_files(*[(name, (real_exports / name).read_bytes()) for name in (UFSCAR_ZIP, table)]))
    assert (results[table].status.value, results[table].account) == ("parsed", UFSCAR)
    assert [i.code for i in results[table].issues if "account" in i.code] == ["ingest.account_from_siblings"]


def test_a_creator_export_beside_a_linkedin_page_export_is_not_filed_under_the_page(real_exports: Path) -> None:
    page = f"linkedin/doorly/{DOORLY}_followers_1774355119598.xls"
    results = by_file(read_files(*flat(real_exports, page, "linkedin/amradel18/Content_2026-03-23.xlsx")))
    creator = results["Content_2026-03-23.xlsx"]
    assert (creator.status.value, creator.frames) == ("error", {})
    assert [(i.code, dict(i.params)["accounts"]) for i in creator.issues if i.level.value == "error"] == [("ingest.account_undecided", DOORLY)]
    assert (results[Path(page).name].status.value, results[Path(page).name].account) == ("parsed", DOORLY)


def test_a_creator_export_alone_is_stored_as_the_default_account(real_exports: Path) -> None:
    [creator] = read_files(*flat(real_exports, "linkedin/amradel18/Content_2026-03-23.xlsx"))
    assert (creator.status.value, creator.account) == ("parsed", "default")


@pytest.mark.parametrize(
    ("folder", "account"),
    [("facebook/leonmpofu", "Oigetit Fake News Filter - South Africa"), ("tiktok/htupycollabs", "haileytupy2.0"), ("tiktok/sobatti", "sobat.ti")],
)
def test_a_download_whose_content_names_the_account_keeps_it_when_uploaded_flat(real_exports: Path, folder: str, account: str) -> None:
    names = sorted(str(p.relative_to(real_exports)) for p in (real_exports / folder).iterdir() if p.is_file())
    in_folder = read_files(*[(name, (real_exports / name).read_bytes()) for name in names])
    flattened = read_files(*flat(real_exports, *names))
    assert [(r.status.value, r.account) for r in flattened] == [(r.status.value, r.account) for r in in_folder]
    assert {r.account for r in flattened if r.status.value == "parsed"} == {account}


def test_a_studio_zip_names_only_its_own_files_in_a_flat_upload(real_exports: Path) -> None:
    totals, table, chart = read_files(*studio_zip_and_chart(real_exports, ""))
    assert (totals.account, table.account) == ("Priyanka Patel", "Priyanka Patel")
    assert (chart.status.value, [i.code for i in chart.issues if i.level.value == "error"]) == ("error", ["ingest.account_undecided"])


def test_two_tiktok_overviews_of_two_accounts_without_names_ask_instead_of_merging(real_exports: Path) -> None:
    first, second = "tiktok/htupycollabs/Overview.csv", "tiktok/donovanz-es/metricas_todo.csv"
    results = read_files(*flat(real_exports, first, second))
    assert [(r.status.value, r.frames) for r in results] == [("error", {}), ("error", {})]
    questions = [[i for i in r.issues if i.code == "ingest.account_undecided_conflict"] for r in results]
    assert [[dict(q.params)["other"] for q in asked] for asked in questions] == [["metricas_todo.csv"], ["Overview.csv"]]
    days = dict(questions[0][0].params)["days"]
    assert days == "310"  # 2025-02-28 .. 2026-01-03, the days both cover: 307 in 2025 and 3 in 2026
    assert f"an {days} derselben Tage" in questions[0][0].text(Language.DE)


def test_the_same_tiktok_overview_twice_without_a_name_is_one_account(real_exports: Path) -> None:
    """Overview.csv and Overview.xlsx of one download hold the same values: nothing to ask."""
    results = read_files(*flat(real_exports, "tiktok/bosszy27/Overview.csv", "tiktok/bosszy27/Overview.xlsx"))
    assert [(r.status.value, r.account) for r in results] == [("parsed", "default"), ("parsed", "default")]


def test_two_accounts_without_names_in_their_own_folders_stay_as_they_were(real_exports: Path) -> None:
    """A folder is the user's grouping: the conflict stays a warning there, as before."""
    names = ("tiktok/htupycollabs/Overview.csv", "tiktok/donovanz-es/metricas_todo.csv")
    results = read_files(*[(f"upload/{Path(n).name}", (real_exports / n).read_bytes()) for n in names])
    assert [r.status.value for r in results] == ["parsed", "parsed"]
    assert [i.code for i in results[1].issues if i.level.value == "warning"] == ["ingest.conflicting_days"]


DANDIRECTOR = "instagram/dandirector"


def _folder_files(real_exports: Path, folder: str) -> list[str]:
    return sorted(str(p.relative_to(real_exports)) for p in (real_exports / folder).iterdir() if p.is_file())


def test_a_download_with_a_collaboration_post_gives_its_files_the_account_most_rows_name(real_exports: Path) -> None:
    """Seen in a user's run: the posts export names elitravelguy in 20 rows and caryjack in one (a collaboration);
    its overview files went to 'default', and the same account's views were counted twice, once under each name."""
    results = read_files(*flat(real_exports, *_folder_files(real_exports, DANDIRECTOR)))
    assert {r.status.value for r in results} == {"parsed"}
    posts = next(r for r in results if r.report == "instagram_posts")
    assert posts.frames["post"]["account"].value_counts().to_dict() == {"elitravelguy": 20, "caryjack": 1}  # rows keep theirs
    bare = [r for r in results if r is not posts]
    assert len(bare) == 7 and {r.account for r in bare} == {"elitravelguy"}
    notes = [dict(i.params) for r in bare for i in r.issues if i.code == "ingest.account_from_siblings_main"]
    assert len(notes) == 7 and notes[0] == {"platform": "instagram", "account": "elitravelguy", "others": "caryjack", "rows": "20", "total": "21"}
    german = next(i for i in bare[0].issues if i.code == "ingest.account_from_siblings_main").text(Language.DE)
    assert "gehören zu „elitravelguy“ (20 von 21 Zeilen; die übrigen nennen caryjack" in german


def test_a_flat_upload_whose_posts_name_two_accounts_alike_asks_for_the_bare_files_account(real_exports: Path) -> None:
    """Two accounts' posts exports of the same weeks and one bare overview file: no account holds most rows, so the
    overview asks. (The second export is the first with another account's name in every row.)"""
    posts = f"{DANDIRECTOR}/May-25-2026_Jun-21-2026_1493633672508178.csv"
    original = (real_exports / posts).read_bytes()
    other = original.replace(b",elitravelguy,", b",other_brand,").replace(b",caryjack,", b",other_brand,")
    assert other.count(b",other_brand,") == 21
    views = ("Views.csv", (real_exports / DANDIRECTOR / "Views.csv").read_bytes())
    results = by_file(read_files((Path(posts).name, original), ("other brand posts.csv", other), views))
    assert (results["Views.csv"].status.value, results["Views.csv"].frames) == ("error", {})
    [question] = [dict(i.params) for i in results["Views.csv"].issues if i.code == "ingest.account_undecided"]
    assert question == {"platform": "instagram", "accounts": "caryjack, elitravelguy, other_brand"}


def test_a_flat_upload_takes_no_account_from_a_download_of_other_days(real_exports: Path) -> None:
    """Seen in a user's run: a TikTok overview of April 2026 took the account of another account's download, whose
    posts end in February. A download's files cover one period: content of other days names no account for it."""
    names = [*_folder_files(real_exports, "tiktok/htupycollabs"), "tiktok/bosszy27/Overview.xlsx"]
    results = by_file(read_files(*flat(real_exports, *names)))
    april = results["Overview.xlsx"]
    assert (april.status.value, [dict(i.params) for i in april.issues if i.code == "ingest.account_undecided"]) == (
        "error",
        [{"platform": "tiktok", "accounts": "haileytupy2.0"}],
    )
    assert {r.account for name, r in results.items() if name != "Overview.xlsx"} == {"haileytupy2.0"}  # its own download


def test_posts_of_other_weeks_give_no_account_and_those_of_the_same_weeks_do(real_exports: Path) -> None:
    names = ("instagram/leonmpofu/Mar-18-2025_Apr-14-2025_1019826952924933.csv", f"{DANDIRECTOR}/May-25-2026_Jun-21-2026_1493633672508178.csv")
    views = ("Views.csv", (real_exports / DANDIRECTOR / "Views.csv").read_bytes())  # 25.05.-21.06.2026
    results = by_file(read_files(*flat(real_exports, *names), views))
    assert (results["Views.csv"].status.value, results["Views.csv"].account) == ("parsed", "elitravelguy")


def test_in_a_folder_two_accounts_alike_still_leave_the_bare_files_to_default(real_exports: Path) -> None:
    """A folder is the user's grouping (one account's folder that holds another's posts export too): as before."""
    names = ("instagram/leonmpofu/Mar-18-2025_Apr-14-2025_1019826952924933.csv", f"{DANDIRECTOR}/May-25-2026_Jun-21-2026_1493633672508178.csv")
    files = [(f"upload/{Path(n).name}", (real_exports / n).read_bytes()) for n in names]
    views = read_files(*files, ("upload/Views.csv", (real_exports / DANDIRECTOR / "Views.csv").read_bytes()))[-1]
    assert (views.status.value, views.account) == ("parsed", "default")


def test_the_result_rows_count_warnings_and_errors_and_say_so(real_exports: Path) -> None:
    """Seen in a user's run: "Hinweise 0" above two info notes of the same file. The column counts what needs a look."""
    from ui.imports import results_table

    [table] = read_files(*flat(real_exports, "youtube/priyankapatel05/Table data.csv"))
    assert [i.level.value for i in table.issues] and all(i.level.value == "info" for i in table.issues)
    shown = results_table([table], Language.DE)
    assert shown["Warnungen und Fehler"].tolist() == [0]
