"""Who may see and change what: serving mode, identity, roles. Pure: no Streamlit, no database."""
