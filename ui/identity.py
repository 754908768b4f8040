"""The one place the app reads who is using it (issue 10). app.py calls sign_in() before any data is loaded."""

from __future__ import annotations

import json
from typing import NoReturn

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from access.identity import LOCAL_ADMIN, Identity, Mode, identity_from_claims, serving_mode
from ui.state import t

IDENTITY = "identity"  # session key: the Identity of this run, for the pages' permission checks


def _oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except StreamlitSecretNotFoundError:  # no secrets.toml at all: no sign-in configured
        return False


def _proxy_configured() -> bool:
    headers = st.get_option("server.trustedUserHeaders")
    if isinstance(headers, str):  # given as JSON on the command line or in an environment variable
        headers = json.loads(headers or "{}")
    return bool(headers)


def current_mode() -> Mode:
    return serving_mode(st.get_option("server.address"), _oidc_configured(), _proxy_configured())


def _stop(message_key: str) -> NoReturn:
    st.error(t(message_key))
    st.stop()
    raise AssertionError  # st.stop() raises; this line tells type checkers so


def sign_in() -> Identity:
    """The signed-in person, or stop the run with what the visitor (or IT) has to do."""
    mode = current_mode()
    if mode is Mode.REFUSED:
        _stop("auth.refused")
    if mode is Mode.LOCAL:
        st.sidebar.info(t("auth.local_mode"), icon=":material/lock:")
        identity = LOCAL_ADMIN
    else:
        if mode is Mode.OIDC and not st.user.is_logged_in:
            st.title("Resonanz")
            st.button(t("auth.sign_in"), on_click=st.login, type="primary")
            st.stop()
        found = identity_from_claims(st.user.to_dict())
        if found is None:
            _stop("auth.no_email" if mode is Mode.OIDC else "auth.no_header")
        identity = found
        with st.sidebar:
            st.caption(t("auth.signed_in_as", name=identity.name, email=identity.actor))
            if mode is Mode.OIDC:
                st.button(t("auth.sign_out"), on_click=st.logout)
    st.session_state[IDENTITY] = identity
    return identity
