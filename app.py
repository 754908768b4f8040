"""Resonanz: page config, language, first start, navigation. Pages live in views/ and stay thin.

Not in pages/: Streamlit would discover that folder and run its scripts by URL without this frame.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from model.i18n import LANGUAGE_NAMES, Language
from storage.settings import database_url
from ui.firststart import ensure_data
from ui.identity import forget_denials, show_denials, sign_in
from ui.resources import page_run, warm_pages, warm_parser
from ui.state import LANGUAGE_WIDGET, init_state, language, remember_language, t

# The icon is a file of ours: a ":material/...:" page icon makes every browser fetch it from fonts.gstatic.com.
st.set_page_config(page_title="Resonanz", page_icon=str(Path(__file__).parent / "ui" / "favicon.png"), layout="wide")
init_state()

with st.sidebar:
    st.markdown(f"### Resonanz\n{t('app.tagline')}")
    st.selectbox(
        t("sidebar.language"), list(Language), index=list(Language).index(language()),
        format_func=LANGUAGE_NAMES.get, key=LANGUAGE_WIDGET, on_change=remember_language,
    )  # fmt: skip
sign_in()  # before any data is touched: stops the run for a visitor who may not see it
ensure_data(database_url())

pages = [
    # The default page lives at "/" (Streamlit ignores a default page's url_path; "/cockpit" would be "not found").
    st.Page("views/cockpit.py", title=t("page.cockpit"), icon=":material/dashboard:", default=True),
    st.Page("views/goals.py", title=t("page.goals"), icon=":material/flag:", url_path="goals"),
    st.Page("views/channels.py", title=t("page.channels"), icon=":material/hub:", url_path="channels"),
    st.Page("views/content.py", title=t("page.content"), icon=":material/article:", url_path="content"),
    st.Page("views/plan.py", title=t("page.plan"), icon=":material/calendar_month:", url_path="plan"),
    st.Page("views/review.py", title=t("page.review"), icon=":material/slideshow:", url_path="review"),
    st.Page("views/data.py", title=t("page.data"), icon=":material/upload_file:", url_path="data"),
]
show_denials()
with page_run():
    st.navigation(pages).run()
forget_denials()  # not reached after a page's st.rerun(): its denials are shown by the next run
# After the first page, not before: on two cores the parser processes' start (a second each) slowed the first page,
# which no longer needs them (the stored goals come from their snapshot); the first upload finds them ready.
warm_parser()
warm_pages()
