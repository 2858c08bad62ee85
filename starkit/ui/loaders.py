"""Cached access to the library from the app: one pipeline and one story bank per server.

Streamlit re-runs a page script on every interaction, so anything slow or shared lives here:
- `warm_up` loads the spaCy pipeline once per server (`st.cache_resource`);
- `lint_cached` never re-lints text it has already seen (`st.cache_data`), which is what keeps a
  page's answer to a small edit fast;
- `get_bank` opens the story bank once per server, so every browser session reads and writes
  the same bank, and saves are serialised by a lock.

The spaCy pipeline is shared by every session's thread; `LINT_LOCK` serialises calls into it
rather than trusting it to be thread-safe.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any

import streamlit as st

from starkit.models import Report

if TYPE_CHECKING:
    from starkit.bank import StoryBank

LINT_LOCK = threading.Lock()
BANK_LOCK = threading.RLock()
BANK_ENV = "STARKIT_DB"


@st.cache_resource(show_spinner="Loading the language model (first visit only)…")
def warm_up() -> bool:
    """Load the lint pipeline by linting one short bullet; cached for the server's life."""
    from starkit.engine import lint

    with LINT_LOCK:
        lint("Led the checkout launch for 3 teams.", "bullet")
    return True


@st.cache_data(max_entries=2048, show_spinner=False)
def lint_cached(text: str, kind: str) -> Report:
    """`starkit.lint(text, kind)`, computed once per distinct (text, kind) on this server."""
    from starkit.engine import lint

    with LINT_LOCK:
        return lint(text, kind)


@st.cache_data(max_entries=256, show_spinner=False)
def lint_many_cached(texts: tuple[str, ...], kind: str) -> list[Report]:
    """`starkit.lint_many` over a tuple of texts, cached like `lint_cached`."""
    from starkit.engine import lint_many

    with LINT_LOCK:
        return lint_many(list(texts), kind)


def bank_location() -> str | None:
    """Where the story bank lives: `STARKIT_DB` (a path or database URL), else the default."""
    return os.environ.get(BANK_ENV) or None


@st.cache_resource(show_spinner=False)
def _open_bank(location: str | None) -> StoryBank:
    from starkit.bank import StoryBank

    return StoryBank(location) if location else StoryBank()


def get_bank() -> StoryBank:
    """The server's one story bank (opened on first use, shared by every session)."""
    return _open_bank(bank_location())


@st.cache_resource(show_spinner=False)
def question_bank() -> list[Any]:
    """The interview question bank shipped with starkit (loaded once per server)."""
    from starkit.story import load_questions

    return list(load_questions())
