"""Where the bank lives: argument, then STARKIT_DB, then the user's data directory."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from starkit.bank import StoryBank
from starkit.bank.location import ENV_VAR, default_path, resolve
from starkit.errors import BankError


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "user-data"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(folder / a[0]))
    monkeypatch.delenv(ENV_VAR, raising=False)
    return folder


def test_default_is_stories_db_in_the_user_data_dir(data_dir):
    assert default_path() == data_dir / "starkit" / "stories.db"
    loc = resolve()
    assert loc.sqlite_path == data_dir / "starkit" / "stories.db" and loc.is_default


def test_default_bank_creates_its_folder(data_dir):
    with StoryBank() as bank:
        story_id = bank.add("T", "text")
    assert (data_dir / "starkit" / "stories.db").is_file()
    with StoryBank() as bank:
        assert bank.get(story_id).text == "text"


def test_env_var_overrides_the_default(data_dir, tmp_path, monkeypatch):
    target = tmp_path / "elsewhere.db"
    monkeypatch.setenv(ENV_VAR, str(target))
    with StoryBank() as bank:
        bank.add("T", "text")
    assert target.is_file()
    assert not (data_dir / "starkit").exists()


def test_explicit_argument_beats_the_env_var(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.db"))
    assert resolve(tmp_path / "arg.db").sqlite_path == tmp_path / "arg.db"


def test_env_var_may_be_a_url(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, f"sqlite:///{tmp_path / 'url.db'}")
    loc = resolve()
    assert loc.is_sqlite and loc.sqlite_path == tmp_path / "url.db"


def test_postgres_urls_get_the_psycopg_driver_and_hide_the_password():
    for raw in (
        "postgresql://coach:s3cret@db.example:5432/bank",
        "postgres://coach:s3cret@db.example/bank",
    ):
        loc = resolve(raw)
        assert loc.url.drivername == "postgresql+psycopg"
        assert loc.sqlite_path is None
        assert "s3cret" not in loc.display and "coach" in loc.display


def test_unreachable_server_is_one_line_without_the_password():
    with pytest.raises(BankError) as info:
        StoryBank("postgresql://coach:s3cret@127.0.0.1:1/bank?connect_timeout=2")
    msg = str(info.value)
    assert "s3cret" not in msg and "\n" not in msg
    assert msg.startswith("postgresql+psycopg://coach:***@127.0.0.1:1/bank")


def test_bad_url_is_a_bank_error_without_the_password():
    with pytest.raises(BankError) as info:
        resolve("not a url://user:pw@x")
    assert "pw" not in str(info.value)


def test_unknown_database_driver_is_a_bank_error(tmp_path):
    with pytest.raises(BankError, match="cannot use this database"):
        StoryBank("nosuchdb://host/bank")
