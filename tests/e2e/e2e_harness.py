"""Start `streamlit run app.py` on 127.0.0.1 and drive the system Chromium with Playwright.

Shared by the browser tests (tests/e2e), the screenshot script and bench/app_latency.py.
Chromium runs with flags that stop it from reaching the network on its own.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT_S = 60


def chromium_path() -> str | None:
    """The system Chromium, or None."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """`streamlit run app.py` on 127.0.0.1 with its own story bank file."""

    def __init__(self, db: Path, log: Path) -> None:
        self.db = db
        self.log = log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> StreamlitServer:
        env = {**os.environ, "STARKIT_DB": str(self.db), "PYTHONPATH": str(ROOT)}
        cmd = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ]
        self.log.parent.mkdir(parents=True, exist_ok=True)
        out = self.log.open("ab")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early; see {self.log}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"streamlit did not answer within {START_TIMEOUT_S} s; see {self.log}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None


def screenshot(pg: object, name: str, folder: Path = ARTIFACTS) -> Path:
    """Save a full-page screenshot as `<folder>/<name>.png`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    # Streamlit scrolls its main area, not the document: bring it back to the top.
    pg.evaluate(
        "document.querySelectorAll('section.stMain, [data-testid=\"stMain\"]')"
        ".forEach(e => e.scrollTo(0, 0))"
    )
    pg.mouse.move(0, 0)
    pg.wait_for_timeout(300)
    pg.screenshot(path=str(path), full_page=True)
    return path


def wait_for_app(pg: object) -> None:
    """Wait until the app has drawn its page (not just until the server answers)."""
    pg.locator('[data-testid="stSidebar"]').get_by_text("starkit").first.wait_for()
    pg.locator("h1").first.wait_for()


def choose_option(pg: object, key: str, option: str, attempts: int = 3) -> None:
    """Pick `option` in the multiselect or selectbox with widget key `key`.

    Clicks the widget's own input (not its container, whose centre can fall on the label) and
    opens the list again if it closed before the option showed, as it can on a loaded machine.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = pg.locator(f".st-key-{key} input").first
    wanted = pg.get_by_role("option", name=option)
    for _ in range(attempts):
        box.click()
        try:
            wanted.first.wait_for(timeout=10_000)
        except PlaywrightTimeout:
            pg.keyboard.press("Escape")
            continue
        wanted.first.click()
        return
    raise AssertionError(f"option {option!r} never showed in the {key!r} list")
