"""Session-wide test settings."""

from __future__ import annotations

import os
import tempfile


def pytest_configure(config) -> None:
    """Keep the pipeline's term cache (starkit.nlp.term_tokens) inside a temporary folder, so
    no test reads or writes the user's cache folder; subprocesses inherit it."""
    os.environ.setdefault("STARKIT_CACHE_DIR", tempfile.mkdtemp(prefix="starkit-cache-"))
