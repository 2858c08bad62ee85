"""Fixtures for the browser tests: a real `streamlit run` server on 127.0.0.1 and headless
Chromium from the system (Debian's `chromium` package) driven by Playwright.

When Chromium is not on PATH these tests skip with that reason, unless
STARKIT_REQUIRE_SYSTEM_TESTS=1 (CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_harness import CHROMIUM_ARGS, StreamlitServer, chromium_path


def require_chromium() -> str:
    """The Chromium path; skip (or, with STARKIT_REQUIRE_SYSTEM_TESTS=1, fail) without one."""
    path = chromium_path()
    if path:
        return path
    reason = "chromium is not on PATH (apt-get install chromium); browser tests need it"
    if os.environ.get("STARKIT_REQUIRE_SYSTEM_TESTS") == "1":
        pytest.fail(f"STARKIT_REQUIRE_SYSTEM_TESTS=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    return require_chromium()


@pytest.fixture(scope="session")
def browser(chromium_executable: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_executable, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def e2e_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="session")
def server(chromium_executable: str, e2e_tmp: Path) -> Iterator[StreamlitServer]:
    srv = StreamlitServer(e2e_tmp / "stories.db", e2e_tmp / "streamlit.log").start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    try:
        yield pg
    finally:
        context.close()
