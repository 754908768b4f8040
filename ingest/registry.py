"""All adapters, and the choice of the one that fits a table best."""

from __future__ import annotations

from ingest.adapters import generic, linkedin, meta, tiktok, x, youtube
from ingest.adapters.base import Adapter, Match
from ingest.readers import RawTable

ADAPTERS: tuple[Adapter, ...] = linkedin.ADAPTERS + meta.ADAPTERS + x.ADAPTERS + youtube.ADAPTERS + tiktok.ADAPTERS + generic.ADAPTERS


def best_match(table: RawTable) -> Match | None:
    """The adapter that recognises most of the table's headers; None if none recognises it."""
    matches = [m for m in (adapter.detect(table) for adapter in ADAPTERS) if m is not None]
    return max(matches, key=lambda m: m.score, default=None)
