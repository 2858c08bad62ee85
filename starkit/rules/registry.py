"""The one rule registry: per RULES.md code, the check that finds hits and the builder that
turns a hit into a suggestion and rewrite. Both register here by code (`@check(code)`,
`@rewriter(code)`); a rule that judges a whole document (a resume file as read) registers a
document check instead (`@document_check(code)`). The rule's data (severity, kinds, message,
parameters, examples) lives in `lexicons/rules/<code>.toml` (`starkit.rules.load_rules`).

This module imports no spaCy: validating a config reads rule codes without building a pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starkit.resume.model import Resume
    from starkit.rules.context import UnitContext


@dataclass(frozen=True)
class Hit:
    """A rule firing: unit-relative character span plus fields for the message and rewrite."""

    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentHit:
    """A document rule firing: the fields its message uses and a suggestion."""

    fields: dict[str, Any] = field(default_factory=dict)
    suggestion: str = ""


Check = Callable[["UnitContext"], list[Hit]]
Rewrite = Callable[[Hit, "UnitContext"], tuple[str, str]]
DocumentCheck = Callable[["Resume"], list[DocumentHit]]


@dataclass
class RuleImpl:
    """The code behind one rule: its check (or document check) and its rewrite builder."""

    check: Check | None = None
    rewrite: Rewrite | None = None
    document: DocumentCheck | None = None


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


def document_check(code: str) -> Callable[[DocumentCheck], DocumentCheck]:
    """Register the document-level check for a rule code."""

    def deco(fn: DocumentCheck) -> DocumentCheck:
        REGISTRY.setdefault(code, RuleImpl()).document = fn
        return fn

    return deco


class _View(Mapping[str, Any]):
    """Read-only view of one field of the registry, keyed by code."""

    def __init__(self, attr: str) -> None:
        self._attr = attr

    def __getitem__(self, code: str) -> Any:
        impl = REGISTRY.get(code)
        fn = getattr(impl, self._attr) if impl is not None else None
        if fn is None:
            raise KeyError(code)
        return fn

    def __iter__(self) -> Iterator[str]:
        return (c for c, impl in REGISTRY.items() if getattr(impl, self._attr) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


CHECKS: Mapping[str, Check] = _View("check")
"""The unit checks, keyed by code."""
DOCUMENT_CHECKS: Mapping[str, DocumentCheck] = _View("document")
"""The document checks, keyed by code."""
