"""Editorial plan page helpers: what the plan editor changed."""

from __future__ import annotations

import pandas as pd


def edited_items(before: pd.DataFrame, after: pd.DataFrame) -> list[tuple[int, dict[str, object]]]:
    """(item id, all column values) of every row the data editor changed; missing cells become None."""
    old, new = before.set_index("id"), after.set_index("id")
    same = (old == new.reindex(old.index)) | (old.isna() & new.reindex(old.index).isna())
    changed = old.index[~same.all(axis=1).to_numpy()]
    rows = new.loc[changed].astype(object)
    rows = rows.where(rows.notna(), None)
    return [(int(item_id), values) for item_id, values in zip(changed, rows.to_dict("records"), strict=True)]
