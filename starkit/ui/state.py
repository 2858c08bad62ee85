"""Session-state keys with a per-page prefix, so two pages never share a widget key by accident.

Keys read like `"story.action"` or `"resume.edit.3"`: the prefix names the page, which also
lets tests address widgets by a stable key.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

PAGES = ("resume", "story", "bank", "email", "practice", "interviews")


class PageState:
    """A view of a session-state mapping restricted to one page's prefix."""

    def __init__(self, page: str, store: MutableMapping[str, Any]) -> None:
        if page not in PAGES:
            raise ValueError(f"unknown page {page!r}; expected one of {', '.join(PAGES)}")
        self.page = page
        self._store = store

    def key(self, *parts: object) -> str:
        """The full key for a name (and optional index), e.g. key("edit", 3) -> "resume.edit.3"."""
        return ".".join([self.page, *(str(p) for p in parts)])

    def get(self, *parts: object, default: Any = None) -> Any:
        """The stored value, or `default`."""
        return self._store.get(self.key(*parts), default)

    def set(self, *parts: object, value: Any) -> None:
        """Store a value under the page's prefix."""
        self._store[self.key(*parts)] = value

    def setdefault(self, *parts: object, value: Any) -> Any:
        """Store `value` unless a value is already there; return the stored value."""
        k = self.key(*parts)
        if k not in self._store:
            self._store[k] = value
        return self._store[k]

    def pop(self, *parts: object) -> Any:
        """Remove and return a value (None when absent)."""
        return self._store.pop(self.key(*parts), None)

    def clear(self) -> None:
        """Forget everything this page stored, leaving other pages' state alone."""
        prefix = self.page + "."
        for k in [k for k in self._store if isinstance(k, str) and k.startswith(prefix)]:
            del self._store[k]


KEEP: tuple[str, ...] = (
    "story.mode",
    "story.whole",
    "story.situation",
    "story.task",
    "story.action",
    "story.result",
    "story.title",
    "story.tags",
    "resume.paste",
    "resume.edit.*",
    "email.text",
    "bank.filter",
    "practice.source",
    "practice.kind",
    "practice.mtype",
    "practice.mode",
    "practice.answer-*",
    "interviews.email.*",
    "interviews.review.*",
    "interviews.followups.*",
)
"""Widget keys whose values must survive a visit to another page (glob patterns)."""


def keep_widget_values(store: MutableMapping[str, Any], patterns: tuple[str, ...] = KEEP) -> int:
    """Re-assign the kept widget values so Streamlit does not drop them when their page is not
    shown; returns how many were kept.

    Streamlit deletes a widget's state in any run where the widget is not drawn, so a story
    typed on one page would vanish after a look at another. Writing the value back from the
    script detaches it from that clean-up.
    """
    from fnmatch import fnmatchcase

    kept = 0
    for k in list(store.keys()):
        if isinstance(k, str) and any(fnmatchcase(k, p) for p in patterns):
            store[k] = store[k]
            kept += 1
    return kept
