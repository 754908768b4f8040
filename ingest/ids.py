"""Post ids in one canonical text form, whatever a spreadsheet program did to them; keys for rows without one.

Platforms give posts numeric ids (Facebook ``939005954986064``, X and TikTok 19 digits such as
``2088707180694323466``) or text ids (YouTube ``UWQNrpakgcA``, LinkedIn ``urn:li:activity:...``). An export
read as text keeps them as they are. An ``.xlsx`` re-saved by Excel holds a numeric id as a number cell,
read as the float ``939005954986064.0``: integral floats up to 2**53 are exact, so the id is the integer.
Excel's scientific display (``9,39006E+14``, ``9.39006E+14``) and number cells beyond 2**53
(``2.088707180694323e+18``) have lost digits for good: those ids are refused, never guessed.
"""

from __future__ import annotations

import hashlib
import unicodedata

import pandas as pd

EXACT_LIMIT = 2**53  # every integer up to here is exactly one float64

_INTEGRAL_FLOAT = r"^(\d+)\.0+$"
_SCIENTIFIC = r"^(\d+)(?:[.,](\d+))?[eE]\+?(\d+)$"
DERIVED_PREFIX = "derived:"


def canonical_post_ids(ids: pd.Series) -> pd.Series:
    """Ids as pandas strings: stripped, empty -> missing, integral floats up to 2**53 as their integer.

    Scientific notation that still carries every digit (``9.39005954986064E+14``) is written out; shortened
    values are left as they are for ``destroyed_post_ids`` to find.
    """
    text = ids.astype("string").str.strip()
    text = text.where(text.str.len().gt(0).fillna(False).astype(bool))
    odd = _odd(text)
    if not odd.any():  # the usual case: ids as the platform wrote them
        return text
    sub = text[odd]
    integral = sub.str.extract(_INTEGRAL_FLOAT, expand=False)
    exact = integral.notna() & (integral.str.len() <= len(str(EXACT_LIMIT)))
    exact &= pd.to_numeric(integral.where(exact), errors="coerce").le(EXACT_LIMIT).fillna(False).astype(bool)
    sub = sub.mask(exact, integral)
    parts = sub.str.extract(_SCIENTIFIC)
    whole, fraction, exponent = parts[0], parts[1].fillna(""), pd.to_numeric(parts[2], errors="coerce")
    complete = whole.notna() & (fraction.str.len() == exponent) & (whole.str.len() == 1)
    text = text.copy()
    text[odd] = sub.mask(complete.fillna(False).astype(bool), whole + fraction)
    return text


def destroyed_post_ids(ids: pd.Series) -> pd.Series:
    """True where an id has lost digits in a spreadsheet program (input: ``canonical_post_ids``)."""
    text = ids.astype("string")
    destroyed = pd.Series(False, index=text.index)
    odd = _odd(text)
    if not odd.any():
        return destroyed
    sub = text[odd]
    scientific = sub.str.fullmatch(_SCIENTIFIC).fillna(False).astype(bool)
    integral = sub.str.extract(_INTEGRAL_FLOAT, expand=False)
    float_beyond_exact = integral.notna() & ~pd.to_numeric(integral, errors="coerce").le(EXACT_LIMIT).fillna(False).astype(bool)
    # Digit text stays as it is: Excel writes 2088707180694320000 for a number formatted with 0 decimals,
    # but ids ending in zeros are real too (the demo company's), so zeros alone prove nothing.
    destroyed[odd] = scientific | float_beyond_exact
    return destroyed


def _odd(text: pd.Series) -> pd.Series:
    """Ids a spreadsheet may have touched: only these have a decimal mark or an exponent's plus."""
    return text.str.contains(r"[.,+]", regex=True).fillna(False).astype(bool)


def derived_post_ids(platform: pd.Series, published_at: pd.Series, text: pd.Series) -> pd.Series:
    """Stable keys for rows without a post id, from platform, publish time (UTC) and text.

    The account is the other part of a stored post's key (platform, account, post_id), so it is not
    hashed again; the same row imported again gets the same key, and newest-wins and undo hold. Rows
    alike in all three get ``-2``, ``-3`` in file order, so none is lost.
    """
    if published_at.dt.tz is not None:
        published_at = published_at.dt.tz_convert("UTC")
    when = published_at.dt.strftime("%Y-%m-%dT%H:%M:%S").fillna("")
    words = text.astype("string").fillna("").map(lambda t: " ".join(unicodedata.normalize("NFC", t).split()))
    material = platform.astype("string").fillna("") + "\x1f" + when + "\x1f" + words
    digests = material.map(lambda m: hashlib.sha256(m.encode("utf-8")).hexdigest()[:16])
    keys = DERIVED_PREFIX + digests
    occurrence = keys.groupby(keys).cumcount()
    return keys.where(occurrence.eq(0), keys + "-" + (occurrence + 1).astype("string"))
