"""Streamlit helpers for the starkit app: safe highlighting, cached loaders, page state.

Kept apart from the pages so the pages stay thin and the helpers can be unit-tested without a
browser. `highlight` and `state` import no Streamlit; `loaders` does.
"""
