"""User configuration: `[tool.starkit]` in a pyproject.toml, or a starkit.toml.

Found from the working directory upwards (the first file that has starkit settings wins), or
named with `--config`. A user can disable rules, re-level their severity, and extend or
remove lexicon entries:

    [tool.starkit]
    disable = ["weak-verb"]
    severity = { "missing-baseline" = "warning" }

    kinds = { "stories/*.md" = "story", "emails/*" = "email" }

    [tool.starkit.lexicons.vanity]
    extend = ["profile visits"]
    remove = ["stars"]
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from starkit.errors import ConfigError
from starkit.models import Severity

CONFIG_NAMES = ("starkit.toml", "pyproject.toml")


class LexiconEdit(BaseModel):
    """Terms a user adds to, or removes from, one lexicon."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    extend: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()


class Config(BaseModel):
    """Validated user settings. The default instance changes nothing."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    disable: frozenset[str] = frozenset()
    severity: dict[str, Severity] = Field(default_factory=dict)
    lexicons: dict[str, LexiconEdit] = Field(default_factory=dict)
    kinds: dict[str, Literal["bullet", "resume", "story", "email"]] = Field(
        default_factory=dict,
        description="glob pattern (relative to the config file's folder) -> the kind of the "
        "files it matches, for `starkit lint PATH...`",
    )
    source: str | None = Field(default=None, exclude=True)

    def cache_key(self) -> str:
        """A stable string for caching results per configuration."""
        return self.model_dump_json()


DEFAULT = Config()


def _parse(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("starkit")
    return data.get("tool", {}).get("starkit", data)


def config_from_dict(data: dict[str, Any], source: str = "<config>") -> Config:
    """Validate settings; unknown keys, unknown rule codes and bad severities are errors."""
    from starkit.rules import rule_codes

    try:
        cfg = Config.model_validate({**data, "source": source})
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        msg = "unknown setting" if err["type"] == "extra_forbidden" else err["msg"]
        raise ConfigError(f"{source}: {msg} '{loc}'") from None
    known = rule_codes()
    for code in [*cfg.disable, *cfg.severity]:
        if code not in known:
            raise ConfigError(f"{source}: unknown rule code '{code}'")
    from starkit.terms import validate_lexicon_edits

    validate_lexicon_edits(cfg, source)
    return cfg


def find_config(start: Path) -> Path | None:
    """The nearest starkit.toml or pyproject.toml with `[tool.starkit]`, from `start` up."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            path = folder / name
            if path.is_file() and _parse(path) is not None:
                return path
    return None


def load_config(explicit: str | Path | None = None, start: Path | None = None) -> Config:
    """Load the named config file, or discover one from `start` upwards, or the default."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
        data = _parse(path)
        if data is None:
            raise ConfigError(f"{path}: has no [tool.starkit] table")
        return config_from_dict(data, str(path))
    if start is None:
        return DEFAULT
    found = find_config(start.resolve())
    if found is None:
        return DEFAULT
    return config_from_dict(_parse(found) or {}, str(found))
