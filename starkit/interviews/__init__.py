"""After the interview: the debrief of a logged interview and the thank-you email drafted from
it. The log itself is kept in the story bank (`StoryBank.add_interview`). See
docs/interviews.md.
"""

from __future__ import annotations

from starkit.interviews.debrief import Debrief, QuestionCheck, StoryCheck, debrief
from starkit.interviews.draft import ThankYouDraft, compose_thank_you, draft_thank_you, to_eml
from starkit.interviews.templates import DraftLexicon, load_draft_lexicon

__all__ = [
    "Debrief",
    "DraftLexicon",
    "QuestionCheck",
    "StoryCheck",
    "ThankYouDraft",
    "compose_thank_you",
    "debrief",
    "draft_thank_you",
    "load_draft_lexicon",
    "to_eml",
]
