"""AppTest fixtures: the app run in-process against a fresh story bank per test.

The first run of a session loads the lint pipeline; `warm` does it once up front, and the
timeout is long because Streamlit's 3 s default is shorter than a cold load on a busy
2-core machine (see MEASURED.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT_S = 60


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


def html_bodies(at: AppTest) -> list[str]:
    """The markup of every `st.html` element on the page except the live-typing script."""
    return [h.value for h in at.get("html") if not h.value.startswith("<script>")]


def shown_text(at: AppTest) -> str:
    """What the `st.html` elements show as text (tags dropped, entities decoded)."""
    from html.parser import HTMLParser

    parts: list[str] = []

    class _Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            parts.append(data)

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag == "style":
                parts.append("\0")

    for body in html_bodies(at):
        p = _Text()
        p.feed(body)
        p.close()
    return "".join(x for x in parts if "{" not in x or "}" not in x).replace("\0", "")


def rules_shown(at: AppTest) -> set[str]:
    """Rule codes of the finding cards on the page."""
    import re

    found: set[str] = set()
    for body in html_bodies(at):
        found.update(re.findall(r'class="sk-rule">([a-z-]+)<', body))
    return found


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
