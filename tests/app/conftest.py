"""AppTest fixtures: the app run in-process against a fresh story bank per test.

The first run of a session loads the lint pipeline; `warm` does it once up front, and the
timeout is long because Streamlit's 3 s default is shorter than a cold load on a busy
2-core machine (see MEASURED.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from apptest_helpers import APP, TIMEOUT_S
from streamlit.testing.v1 import AppTest


@pytest.fixture(scope="session", autouse=True)
def warm() -> None:
    """Build the lint pipeline once before the first AppTest run."""
    from starkit.engine import lint

    lint("Led the checkout launch for 3 teams.", "bullet")


@pytest.fixture
def bank_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "stories.db"
    monkeypatch.setenv("STARKIT_DB", str(path))
    return path


@pytest.fixture
def open_page(bank_path: Path) -> Callable[[str], AppTest]:
    """Run the app, switch to a page file (relative to app.py) and run it."""

    def _open(page: str) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
        at.run()
        if page != "app_pages/resume.py":
            at.switch_page(page)
            at.run()
        return at

    return _open
