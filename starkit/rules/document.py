"""Document-level checks: rules that judge a whole document (a resume file as read), not one
unit of text. Each registers in the one registry (`starkit.rules.registry`) under its RULES.md
code with `@document_check(code)`, takes the document and returns hits whose fields fill the
rule's message; the severity, message and examples live in `lexicons/rules/<code>.toml` like
every other rule's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starkit.rules.registry import DOCUMENT_CHECKS, DocumentHit, document_check

if TYPE_CHECKING:
    from starkit.resume.model import Resume


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
