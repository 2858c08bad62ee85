"""Fixtures for the story bank: a bank location parametrized over SQLite and a real PostgreSQL.

The PostgreSQL server is a throwaway cluster started for the test session (initdb + pg_ctl,
a unix socket in a temporary folder and a free port on 127.0.0.1), run as the `postgres` user
when the tests run as root, and stopped at the end. Each test gets its own new database.
Without PostgreSQL installed the postgres cases skip, unless STARKIT_REQUIRE_SYSTEM_TESTS=1.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def skip_or_fail(reason: str) -> None:
    """Skip, or fail when CI demands the system tests (STARKIT_REQUIRE_SYSTEM_TESTS=1)."""
    if os.environ.get("STARKIT_REQUIRE_SYSTEM_TESTS") == "1":
        pytest.fail(f"{reason} (STARKIT_REQUIRE_SYSTEM_TESTS=1 forbids skipping)")
    pytest.skip(reason)


@dataclass(frozen=True)
class PgServer:
    host: str
    port: int

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://postgres@{self.host}:{self.port}/{dbname}"

    def admin(self):  # a psycopg connection to the maintenance database, autocommit
        import psycopg

        return psycopg.connect(
            host=self.host, port=self.port, user="postgres", dbname="postgres", autocommit=True
        )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    initdbs = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not initdbs:
        skip_or_fail("PostgreSQL is not installed (apt-get install postgresql)")
    bindir = Path(initdbs[-1]).parent
    try:
        import psycopg  # noqa: F401
    except ImportError:
        skip_or_fail("psycopg 3 is not installed (pip install 'psycopg[binary]')")
    run_as: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="starkit-pg-"))
    if os.geteuid() == 0:  # postgres refuses to run as root
        run_as = ["runuser", "-u", "postgres", "--"]
        shutil.chown(base, "postgres", "postgres")
    data, sock, log = base / "data", base / "sock", base / "server.log"
    port = _free_port()
    try:
        subprocess.run([*run_as, "mkdir", str(sock)], check=True, capture_output=True, timeout=30)
        subprocess.run(
            [*run_as, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
             "-E", "UTF8", "--locale=C", "--no-sync"],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        opts = (
            f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c full_page_writes=off -c synchronous_commit=off"
        )
        subprocess.run(
            [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
             "-o", opts, "start"],
            check=True, capture_output=True, timeout=90,
        )  # fmt: skip
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(base, ignore_errors=True)
        skip_or_fail(f"could not start a PostgreSQL test server: {exc} {detail[-300:]!r}")
    try:
        yield PgServer("127.0.0.1", port)
    finally:
        subprocess.run(
            [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True, timeout=60,
        )  # fmt: skip
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_database(pg_server: PgServer) -> str:
    """One database for the session; each test gets its own schema in it (fast to make)."""
    with pg_server.admin() as conn:
        conn.execute("CREATE DATABASE starkit_tests")
    return "starkit_tests"


@pytest.fixture
def pg_url(pg_server: PgServer, pg_database: str) -> Iterator[str]:
    """An empty PostgreSQL schema for one test (the URL sets it as the search path)."""
    import psycopg

    schema = f"bank_{uuid.uuid4().hex[:12]}"
    dsn = dict(host=pg_server.host, port=pg_server.port, user="postgres", dbname=pg_database)
    with psycopg.connect(**dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield f"{pg_server.url(pg_database)}?options=-csearch_path%3D{schema}"
    with psycopg.connect(**dsn, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def bank_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where to open a bank: an SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "stories.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def bank(bank_url: str):
    from starkit.bank import StoryBank

    with StoryBank(bank_url) as b:
        yield b


def worker_env() -> dict[str, str]:
    """Environment for subprocesses that import starkit from this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env
