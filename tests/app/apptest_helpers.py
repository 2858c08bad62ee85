"""Helpers for reading what an AppTest page shows."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT_S = 60
"""Streamlit's 3 s default is shorter than a cold pipeline load on a busy 2-core machine."""


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


def card_count(at: AppTest) -> int:
    """How many finding cards the page shows (each carries `data-rule="<code>"`)."""
    return sum(body.count('data-rule="') for body in html_bodies(at))
