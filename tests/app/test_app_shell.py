"""AppTest: the app shell (every page runs, settings are safe) and the bank shared by sessions."""

from __future__ import annotations

import tomllib
import uuid
from pathlib import Path

import pytest
import streamlit as st
from apptest_helpers import APP, TIMEOUT_S, no_exception
from streamlit.testing.v1 import AppTest

from starkit.bank import StoryBank
from starkit.textio import MAX_FILE_BYTES

PAGES = {
    "app_pages/resume.py": "Resume",
    "app_pages/story_builder.py": "Story builder",
    "app_pages/email.py": "Thank-you email",
    "app_pages/story_bank.py": "Story bank",
    "app_pages/practice.py": "Practice",
}


@pytest.mark.parametrize(("page", "title"), PAGES.items())
def test_every_page_runs_and_shows_its_title(open_page, page, title):
    at = open_page(page)
    no_exception(at)
    assert at.title[0].value == title


def test_streamlit_settings_are_private_and_safe():
    config = tomllib.loads((APP.parent / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True
    # maxUploadSize is in megabytes; the reader refuses anything over MAX_FILE_BYTES.
    assert config["server"]["maxUploadSize"] * 1_000_000 == MAX_FILE_BYTES
    assert "theme" in config


def test_the_app_loads_nothing_from_the_network():
    """No page or helper refers to a remote URL (fonts, images, scripts, CDNs)."""
    sources = [APP, *APP.parent.glob("app_pages/*.py"), *APP.parent.glob("starkit/ui/*.py")]
    for path in sources:
        text = path.read_text()
        assert "http://" not in text and "https://" not in text, path


def _new_session() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    at.run()
    at.switch_page("app_pages/story_builder.py")
    return at.run()


def test_a_save_in_one_session_is_seen_by_another_and_after_a_restart(bank_path: Path):
    writer, reader = _new_session(), _new_session()
    writer.text_area(key="story.situation").input("Checkout took 6 s.")
    writer.text_area(key="story.task").input("I owned the fix.")
    writer.text_area(key="story.action").input("I cut 3 blocking calls.")
    writer.text_area(key="story.result").input("Load time fell to 2 s in 4 weeks.")
    writer.text_input(key="story.title").input("Checkout speed")
    writer.run()
    writer.button(key="story.save").click().run()
    no_exception(writer)

    reader.switch_page("app_pages/story_bank.py").run()
    titles = next(d.value for d in reader.dataframe if "title" in d.value.columns)["title"]
    assert list(titles) == ["Checkout speed"]

    # A server restart drops every cached resource, the open bank included.
    st.cache_resource.clear()
    fresh = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    fresh.run()
    fresh.switch_page("app_pages/story_bank.py").run()
    titles = next(d.value for d in fresh.dataframe if "title" in d.value.columns)["title"]
    assert list(titles) == ["Checkout speed"]
    with StoryBank(str(bank_path)) as bank:
        assert [s.title for s in bank.list()] == ["Checkout speed"]


def test_unchanged_text_is_not_linted_again(open_page, monkeypatch):
    import starkit.engine

    calls: list[str] = []
    real = starkit.engine.lint

    def counting(text, kind="bullet", **kw):
        calls.append(text)
        return real(text, kind, **kw)

    monkeypatch.setattr(starkit.engine, "lint", counting)
    at = open_page("app_pages/story_builder.py")
    marker = uuid.uuid4().hex[:8]  # a story no earlier test has linted (the cache is shared)
    story = f"Checkout {marker} took 7 s to load and I cut it."
    at.text_area(key="story.situation").input(story).run()
    at.text_input(key="story.title").input("A title").run()  # a rerun with the same story
    at.text_input(key="story.title").input("Another title").run()
    assert len([t for t in calls if marker in t]) == 1
    # A changed story is linted.
    at.text_area(key="story.task").input("I owned the fix.").run()
    assert len([t for t in calls if marker in t]) == 2
