"""Resonanz: page config, language, navigation. Pages live in pages/ and stay thin."""

from __future__ import annotations

import streamlit as st

from ui.i18n import LANGUAGE_NAMES, Language
from ui.resources import warm_parser
from ui.state import LANGUAGE_WIDGET, init_state, language, remember_language, t

st.set_page_config(page_title="Resonanz", page_icon=":material/insights:", layout="wide")
init_state()
warm_parser()

with st.sidebar:
    st.selectbox(
        t("sidebar.language"),
        list(Language),
        index=list(Language).index(language()),
        format_func=LANGUAGE_NAMES.get,
        key=LANGUAGE_WIDGET,
        on_change=remember_language,
    )

navigation = st.navigation([st.Page("pages/data.py", title=t("page.data"), icon=":material/upload_file:", url_path="data", default=True)])
navigation.run()
