"""The one rule registry: per RULES.md code, the check that finds hits and the builder that
turns a hit into a suggestion and rewrite. Both register here by code (`@check(code)`,
`@rewriter(code)`); the rule's data (severity, kinds, message, parameters, examples) lives in
`lexicons/rules/<code>.toml` (`starkit.rules.load_rules`).

This module imports no spaCy: validating a config reads rule codes without building a pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starkit.rules.context import UnitContext


@dataclass(frozen=True)
class Hit:
    """A rule firing: unit-relative character span plus fields for the message and rewrite."""

    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)


Check = Callable[["UnitContext"], list[Hit]]
Rewrite = Callable[[Hit, "UnitContext"], tuple[str, str]]


@dataclass
class RuleImpl:
    """The code behind one rule: its check and its rewrite builder."""

    check: Check | None = None
    rewrite: Rewrite | None = None


REGISTRY: dict[str, RuleImpl] = {}


def check(code: str) -> Callable[[Check], Check]:
    """Register the check for a rule code."""

    def deco(fn: Check) -> Check:
        REGISTRY.setdefault(code, RuleImpl()).check = fn
        return fn

    return deco


def rewriter(code: str) -> Callable[[Rewrite], Rewrite]:
    """Register the suggestion/rewrite builder for a rule code."""

    def deco(fn: Rewrite) -> Rewrite:
        REGISTRY.setdefault(code, RuleImpl()).rewrite = fn
        return fn

    return deco


class _Checks(Mapping[str, Check]):
    """Read-only view of the registered checks, keyed by code."""

    def __getitem__(self, code: str) -> Check:
        impl = REGISTRY.get(code)
        if impl is None or impl.check is None:
            raise KeyError(code)
        return impl.check

    def __iter__(self) -> Iterator[str]:
        return (c for c, impl in REGISTRY.items() if impl.check is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


CHECKS: Mapping[str, Check] = _Checks()
