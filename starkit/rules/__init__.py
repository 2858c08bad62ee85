"""The rule registry: one `lexicons/rules/<code>.toml` per RULES.md code, plus its check.

The file name is the code (no hand-typed duplicate). A unit rule's check is in
`starkit.rules.checks`; a document rule's (kind `resume`: a whole resume file) in
`starkit.rules.document`. Each spec holds the severity, the kinds of
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
from starkit.rules.registry import CHECKS, DOCUMENT_CHECKS, REGISTRY

RuleKind = Literal["bullet", "story", "email", "answer", "resume"]
"""Unit kinds, and `resume`: a whole resume file as read (document-level rules)."""
QuestionType = Literal["success", "diagnosis", "program", "tradeoff"]


class FiresExample(StrictModel):
    """A text the rule must fire on; `span` is the text it must point at ('whole' = the unit)."""

    text: str
    span: str
    kind: RuleKind | None = None
    question: str | None = None


class SilentExample(StrictModel):
    """A text the rule must stay silent on."""

    text: str
    kind: RuleKind | None = None
    question: str | None = None


class Examples(StrictModel):
    """A rule's examples (Vale's `tests:`, proselint's examples table)."""

    fires: tuple[FiresExample, ...] = ()
    silent: tuple[SilentExample, ...] = ()


class RuleSpec(StrictModel):
    """One rule as data."""

    code: str
    severity: Severity
    kinds: tuple[RuleKind, ...]
    summary: str
    message: str
    why: str
    instead: str
    sections: tuple[Literal["situation", "task", "action", "result"], ...] = ()
    rewrite_scope: Literal["unit", "sentence", "span"] = "unit"
    """'sentence': in a story or email the rewrite works on the sentence holding the hit;
    'span': the rewrite replaces the finding's own span (a story's Result section)."""
    params: dict[str, int | float | tuple[str, ...]] = Field(default_factory=dict)
    """The rule's figures (word limits, speaking rate), read by the check, the message and the
    rewrite alike."""
    types: tuple[QuestionType, ...] = ()
    """For kind `answer`: the question types the rule applies to (empty: every type)."""
    examples: Examples = Field(default_factory=Examples)

    def message_fields(self) -> set[str]:
        """The `{names}` the message template uses."""
        return {f for _, f, _, _ in string.Formatter().parse(self.message) if f}

    def format(self, fields: dict[str, object]) -> str:
        """The message with its fields filled."""
        return self.message.format(**fields)


@cache
def load_specs() -> dict[str, RuleSpec]:
    """Every rule spec, keyed by code, validated (data only: imports no check, no spaCy)."""
    folder = lexicon_root() / "rules"
    specs: dict[str, RuleSpec] = {}
    for path in sorted(folder.glob("*.toml")):
        code = path.stem
        rel = f"rules/{path.name}"
        specs[code] = validate_model(rel, code, {**read_toml(rel), "code": code}, RuleSpec)
    if not specs:
        raise LexiconError("rules/", None, f"no rule files found under {folder}")
    return specs


@cache
def load_rules() -> dict[str, RuleSpec]:
    """Every rule spec, keyed by code; each must have a registered check."""
    import starkit.answer.checks
    import starkit.crosscheck  # the cross-document inconsistent-figure
    import starkit.rewrite
    import starkit.rules.checks
    import starkit.rules.document  # noqa: F401  (these register the checks)

    specs = load_specs()
    for code in specs:
        if code not in CHECKS and code not in DOCUMENT_CHECKS:
            raise LexiconError(f"rules/{code}.toml", code, "no check is registered for this code")
    return specs


def rule_param(code: str, name: str) -> int | float | tuple[str, ...]:
    """One figure of a rule (`params` in its TOML file)."""
    spec = load_specs().get(code)
    if spec is None or name not in spec.params:
        raise LexiconError(f"rules/{code}.toml", code, f"missing parameter '{name}'")
    return spec.params[name]


def is_document_rule(code: str) -> bool:
    """True for a rule that judges a whole document (see `starkit.rules.document`)."""
    load_rules()
    return code in DOCUMENT_CHECKS


def rule_codes() -> frozenset[str]:
    """The rule codes starkit knows (no spaCy is loaded to answer)."""
    return frozenset(load_specs())


__all__ = [
    "REGISTRY",
    "RuleSpec",
    "is_document_rule",
    "load_rules",
    "load_specs",
    "rule_codes",
    "rule_param",
]
