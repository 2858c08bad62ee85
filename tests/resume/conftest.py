"""Fixture resumes built at test time from `fixtures/content.py` (session-scoped: each is
rendered once)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def pdf_fixtures() -> dict[str, bytes]:
    from tests.resume.fixtures import pdfs

    return {
        "latex-like": pdfs.latex_like(),
        "word-like": pdfs.word_like(),
        "word-like-no-glyphs": pdfs.word_like(glyph=None),
        "word-like-no-glyphs-no-spacing-flush": pdfs.word_like(glyph=None, space_after=0, indent=0),
        "two-column-sidebar-first": pdfs.two_column(sidebar_first=True),
        "two-column-main-first": pdfs.two_column(sidebar_first=False),
    }
