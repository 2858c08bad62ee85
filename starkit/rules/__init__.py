"""The rule registry: one `lexicons/rules/<code>.toml` per RULES.md code, plus its check.

The file name is the code (no hand-typed duplicate). Each spec holds the severity, the kinds of
unit it applies to, the message template (named `{fields}` filled by the check), why panels
care, a better version, and examples that must fire and must stay silent.
"""

from __future__ import annotations

import string
from functools import cache
from typing import Literal

from pydantic import Field

from starkit.errors import LexiconError
from starkit.lexicons import StrictModel, lexicon_root, read_toml, validate_model
from starkit.models import Severity
from starkit.rules.checks import CHECKS


class FiresExample(StrictModel):
    """A text the rule must fire on; `span` is the text it must point at ('whole' = the unit)."""

    text: str
    span: str
    kind: Literal["bullet", "story", "email"] | None = None


class SilentExample(StrictModel):
    """A text the rule must stay silent on."""

    text: str
    kind: Literal["bullet", "story", "email"] | None = None


class Examples(StrictModel):
    """A rule's examples (Vale's `tests:`, proselint's examples table)."""

    fires: tuple[FiresExample, ...] = ()
    silent: tuple[SilentExample, ...] = ()


class RuleSpec(StrictModel):
    """One rule as data."""

    code: str
    severity: Severity
    kinds: tuple[Literal["bullet", "story", "email"], ...]
    summary: str
    message: str
    why: str
    instead: str
    sections: tuple[Literal["situation", "task", "action", "result"], ...] = ()
    examples: Examples = Field(default_factory=Examples)

    def message_fields(self) -> set[str]:
        """The `{names}` the message template uses."""
        return {f for _, f, _, _ in string.Formatter().parse(self.message) if f}

    def format(self, fields: dict[str, object]) -> str:
        """The message with its fields filled."""
        return self.message.format(**fields)


@cache
def load_rules() -> dict[str, RuleSpec]:
    """Every rule spec, keyed by code, validated; each must have a registered check."""
    import starkit.crosscheck  # noqa: F401  (registers the cross-document inconsistent-figure)

    folder = lexicon_root() / "rules"
    specs: dict[str, RuleSpec] = {}
    for path in sorted(folder.glob("*.toml")):
        code = path.stem
        rel = f"rules/{path.name}"
        spec = validate_model(rel, code, {**read_toml(rel), "code": code}, RuleSpec)
        if code not in CHECKS:
            raise LexiconError(rel, code, "no check is registered for this rule code")
        specs[code] = spec
    if not specs:
        raise LexiconError("rules/", None, f"no rule files found under {folder}")
    return specs


def rule_codes() -> frozenset[str]:
    """The rule codes starkit knows."""
    return frozenset(load_rules())


__all__ = ["RuleSpec", "load_rules", "rule_codes"]
