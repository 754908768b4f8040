"""Checks of uploads that pages run before they use a file (the parsing itself is in ``ingest``)."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from access.permissions import Action
from ingest.templates import check_template
from ui.identity import record_unreadable
from ui.state import language, t
from ui.widgets import plain


def template_passes(upload: UploadedFile | None) -> bool:
    """True without a template or when the isolated parser opened it; else the problems are shown."""
    if upload is None:
        return True
    problems = check_template(upload.name, upload.getvalue())
    if problems:
        record_unreadable(Action.PACK_DOWNLOAD, "template", upload.name, problems)
    for issue in problems:
        st.error(t("review.template_error", error=plain(f"{upload.name}: {issue.text(language())}")))
    return not problems
