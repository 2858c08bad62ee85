"""Document-level checks: rules that judge a whole document (a resume file as read), not one
unit of text.  Each is registered under its RULES.md code with `@document_check(code)` and
takes the document, returning hits whose fields fill the rule's message; the severity,
message and examples live in `lexicons/rules/<code>.toml` like every other rule's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starkit.resume.model import Resume


@dataclass(frozen=True)
class DocumentHit:
    """A document rule firing: the fields its message uses and a suggestion."""

    fields: dict[str, Any] = field(default_factory=dict)
    suggestion: str = ""


DocumentCheck = Callable[["Resume"], list[DocumentHit]]
DOCUMENT_CHECKS: dict[str, DocumentCheck] = {}


def document_check(code: str) -> Callable[[DocumentCheck], DocumentCheck]:
    """Register the document-level check for a rule code."""

    def deco(fn: DocumentCheck) -> DocumentCheck:
        DOCUMENT_CHECKS[code] = fn
        return fn

    return deco


@document_check("resume-no-achievements")
def resume_no_achievements(resume: Resume) -> list[DocumentHit]:
    """The file holds text but no achievement bullet was read, or the reading looks wrong."""
    from starkit.resume.diagnose import diagnose

    d = diagnose(resume)
    if d.problem is None:
        return []
    return [
        DocumentHit(
            fields={"problem": d.problem, "read": d.summary()},
            suggestion=d.advice(),
        )
    ]


__all__ = ["DOCUMENT_CHECKS", "DocumentHit", "document_check"]
