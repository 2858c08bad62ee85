"""Pick one quantified result from the user's own stories to reinforce in a thank-you email.

A thank-you note lands better when it reminds the panel of one result the candidate owns, in
one sentence. The result comes from the stories the user saved (never invented): the sentences
of each story's Result section that hold a measuring quantity, ranked by how much they share
with the email (the topic the interview touched), then by brevity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[a-z][a-z0-9'-]{3,}")
_STOP = frozenset(
    {
        "that",
        "this",
        "with",
        "from",
        "have",
        "were",
        "what",
        "when",
        "your",
        "about",
        "thank",
        "thanks",
        "again",
        "today",
        "time",
        "really",
        "enjoyed",
        "talking",
        "team",
        "role",
        "would",
        "could",
        "will",
        "just",
        "more",
        "very",
        "also",
        "their",
        "them",
    }
)


@dataclass(frozen=True)
class Reinforcement:
    """A result sentence from one of the user's stories and a line to add to the email."""

    title: str
    sentence: str
    line: str


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def email_line(sentence: str) -> str:
    """The line to add: the result in the user's own words, the work named by that result and
    never by the story's title (a label of the user's, not something the panel heard)."""
    body = sentence.strip().rstrip(".")
    return f"Our conversation reminded me of a result of mine: {body}."


def pick_result(
    email: str,
    stories: Iterable[tuple[str, str]],
    result_sentences: Callable[[str], list[str]],
    has_quantity: Callable[[str], bool],
) -> Reinforcement | None:
    """The best quantified result sentence among `stories` ((title, text) pairs), or None.

    `result_sentences(text)` gives a story's Result sentences; `has_quantity(sentence)` says
    whether a sentence measures something.
    """
    topic = _content_words(email)
    best: tuple[tuple[int, int], str, str] | None = None
    for title, text in stories:
        for sentence in result_sentences(text):
            sentence = sentence.strip()
            if not sentence or not has_quantity(sentence):
                continue
            overlap = len(topic & _content_words(sentence + " " + title))
            rank = (overlap, -len(sentence))
            if best is None or rank > best[0]:
                best = (rank, title, sentence)
    if best is None:
        return None
    _, title, sentence = best
    return Reinforcement(title=title, sentence=sentence, line=email_line(sentence))
