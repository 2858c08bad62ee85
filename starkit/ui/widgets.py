"""Small Streamlit building blocks the pages share: highlighted text, finding cards, errors.

Everything that shows user text goes through `starkit.ui.highlight` (escaped HTML rendered with
`st.html`, which DOMPurify sanitises again) or through Streamlit's plain-text elements. User
text never goes through `st.markdown`: Markdown would turn an image link into a network
fetch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import streamlit as st

from starkit.errors import StarkitError
from starkit.models import Finding
from starkit.ui import highlight
from starkit.ui.views import suggestion_excerpt


def stylesheet() -> None:
    """Send the shared stylesheet once per run (style-only HTML takes no space on the page).

    One stylesheet for the page, rather than one per block, keeps each rerun's work in the
    browser small: every `st.html` block is sanitised and laid out again on each change.
    """
    st.html(highlight.STYLE)


def html(body: str) -> None:
    """Render already-escaped markup (styled by `stylesheet`)."""
    st.html(body)


def highlighted(
    text: str, findings: Iterable[Finding], *, offset: int = 0, max_share: float = 1.0
) -> None:
    """The text with each finding's span marked by severity (see `highlight_html`)."""
    html(highlight.highlight_html(text, findings, offset=offset, max_share=max_share))


def cards_html(findings: Iterable[Finding], text: str = "", *, offset: int = 0) -> str:
    """Each finding as a card. A suggestion that repeats a long text with one clause added is
    cut to the part that changed."""
    return "".join(
        highlight.finding_card_html(
            f.model_copy(update={"suggestion": suggestion_excerpt(text, f.suggestion)}),
            text,
            offset=offset,
        )
        for f in findings
    )


def finding_cards(findings: Iterable[Finding], text: str = "", *, offset: int = 0) -> None:
    """Each finding as a card (see `cards_html`)."""
    body = cards_html(findings, text, offset=offset)
    if body:
        html(body)


def annotated(text: str, findings: list[Finding], *, max_share: float = 1.0) -> None:
    """The marked-up text, the colour key and the finding cards in one block (one element
    for the browser to redraw on each change)."""
    html(
        highlight.highlight_html(text, findings, max_share=max_share)
        + highlight.legend_html()
        + cards_html(findings, text)
    )


def plain_list(items: Iterable[object]) -> None:
    """An escaped bullet list."""
    html(highlight.list_html(items))


def legend() -> None:
    """The key to the highlight colours."""
    html(highlight.legend_html())


def wide_or_narrow(name: str) -> tuple[Any, Any]:
    """Two containers for one view: (wide, narrow). The stylesheet shows `wide` on a screen
    wider than `highlight.NARROW_PX` and `narrow` (a list form of the table or chart) on a
    phone, so neither a table cut at the screen's edge nor an unreadable chart reaches one.
    `name` must be unique on the page."""
    return st.container(key=f"sk-wide-{name}"), st.container(key=f"sk-narrow-{name}")


def row_list(rows: Iterable[Mapping[str, object]], head: str, *, skip: Iterable[str] = ()) -> None:
    """Table rows as an escaped list (see `highlight.rows_html`)."""
    html(highlight.rows_html(rows, head, skip=skip))


@contextmanager
def plain_errors(what: str) -> Iterator[None]:
    """Show a starkit error as one plain sentence instead of a traceback.

    `what` names the action, e.g. "read the resume".
    """
    try:
        yield
    except StarkitError as exc:
        st.error(f"Could not {what}: {exc}", icon=":material/error:")


def downloads(files: list[tuple[str, str, str, str, str]]) -> None:
    """One download button per file, side by side: (label, data, file name, MIME type, key)."""
    for col, (label, data, file_name, mime, key) in zip(st.columns(len(files)), files, strict=True):
        col.download_button(
            label, data, file_name=file_name, mime=mime, key=key, icon=":material/download:"
        )
