"""Draft the thank-you email for a logged interview, from the log and the stories told in it.

The draft greets the interviewer(s) by first name, names the company and the role, one topic
discussed, and one quantified result copied verbatim from a story told in that interview: the
reinforcement, which names the work by that result, never by the story's title. It is written
from the templates in `lexicons/interviews/draft.toml`, in the candidate's voice, and stays
under that file's `word_limit`. A fact the log lacks becomes a `<slot>` (which the email lint
flags as unfilled), never an invented value: a log with no quantified story gets a result slot
and no number, and the sign-off is always the `<Your name>` slot, so no draft reads as ready to
send before the user has signed it.

The result sentence is chosen from the Result sections of the stories told (the sentences that
measure something), closest to the interview's topic and questions first, then shortest; each
candidate draft is linted as an email and the first with no `error` or `warning` finding is
kept, so a complete log gives a draft the email lint passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from starkit.bank.records import Interview, utc_now
from starkit.errors import InputError
from starkit.interviews.templates import DraftLexicon, load_draft_lexicon
from starkit.story.coverage import StoryInput, as_story_input

_WORDS = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class ThankYouDraft:
    """A drafted thank-you email and how it was made."""

    text: str
    slots: tuple[str, ...] = ()
    """The `<slots>` left for facts the log lacks: for a complete log, only the sender's name
    in the sign-off (`<Your name>`), which the log never holds."""
    story_id: str | None = None
    story_title: str | None = None
    result: str | None = None
    """The result sentence copied from the story (None when the result is a slot)."""
    findings: tuple[str, ...] = field(default=())
    """Codes of the email lint's error and warning findings on the draft, other than on its
    own slots (empty when clean)."""

    @property
    def words(self) -> int:
        """The draft's length in words (see `word_count`)."""
        return word_count(self.text)


def word_count(text: str) -> int:
    """Words, counted the stricter of two common ways: whitespace-separated items, or runs of
    letters and digits ("4.2" and "O'Neil" count two). The word limit holds under both."""
    return max(len(text.split()), len(_WORDS.findall(text)))


def as_interview(interview: Interview | Mapping[str, Any]) -> Interview:
    """An `Interview` from a logged record or a mapping of its fields (`interviewer` may give
    one name, `stories_told` or `stories` the stories' ids or records, `outcome` the stage,
    `questions_asked` the questions; `id` and times are optional)."""
    if isinstance(interview, Interview):
        return interview
    if not isinstance(interview, Mapping):
        raise InputError(
            f"an interview is a logged Interview or a mapping, not {type(interview).__name__}"
        )
    from starkit.bank.store import valid_interview

    data = dict(interview)
    for alias in ("stories_told", "stories"):
        if alias in data and "story_ids" not in data:
            told = data.pop(alias) or ()
            data["story_ids"] = [
                t if isinstance(t, str) else as_story_input(t, i).id for i, t in enumerate(told)
            ]
    for alias, name in (("outcome", "stage"), ("questions_asked", "questions")):
        if alias in data and name not in data:
            data[name] = data.pop(alias)
    if "interviewer" in data:
        one = data.pop("interviewer")
        data["interviewers"] = (
            [one, *data.get("interviewers", ())] if one else data.get("interviewers", ())
        )
    now = utc_now()
    data.setdefault("id", "draft")
    data.setdefault("created_at", now)
    data.setdefault("updated_at", now)
    return valid_interview(data)


def stories_told(interview: Interview, stories: Iterable[Any]) -> list[StoryInput]:
    """The stories of `stories` told in the interview, in the log's order: those whose id (or
    else title, case-insensitive) the log names. When the log names none of the given stories,
    all of them are taken as the ones told (the caller chose them for this interview)."""
    given = [as_story_input(s, i) for i, s in enumerate(stories)]
    by_id = {s.id: s for s in given}
    by_title = {s.title.casefold(): s for s in reversed(given)}
    told: list[StoryInput] = []
    for ref in interview.story_ids:
        found = by_id.get(ref) or by_title.get(ref.casefold())
        if found is not None and found not in told:
            told.append(found)
    return told if told else given


def _content(text: str) -> set[str]:
    """Content words (the coverage word fit's own splitter and stop words)."""
    from starkit.story.coverage import _words

    return set(_words(text))


def _one_line(sentence: str) -> str:
    clean = " ".join(sentence.split())
    return clean if clean.endswith((".", "!", "?")) else clean + "."


def result_sentences(text: str) -> list[str]:
    """The sentences of a story's Result section (the whole story when it has none), with any
    'Result:' label removed."""
    from starkit.story import parse_story, sentences
    from starkit.ui.views import strip_label

    story = parse_story(text)
    section = story.section("result")
    lo, hi = (section.start, section.end) if section else (0, len(text))
    return [strip_label(text[a:b]) for a, b in sentences(text) if a >= lo and b <= hi]


def quantified_results(story: StoryInput) -> list[str]:
    """The story's Result sentences that measure something, as one-line sentences."""
    from starkit.quantities import has_quantity

    out = []
    for sentence in result_sentences(story.text):
        if sentence.strip() and has_quantity(sentence):
            out.append(_one_line(sentence))
    return out


def greeting_name(name: str, honorifics: Iterable[str] = ()) -> str:
    """How the greeting names one interviewer: the first name ('Priya Raman' -> 'Priya'); a
    name opened by a title keeps the title and the surname ('Dr. Ada Okafor' -> 'Dr. Okafor',
    'Ms Quinn' as written)."""
    words = name.split()
    if not words:
        return name
    titles = {t.casefold().rstrip(".") for t in honorifics}
    if words[0].casefold().rstrip(".") in titles:
        return " ".join([words[0], words[-1]]) if len(words) > 1 else words[0]
    return words[0]


def _names(names: tuple[str, ...]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class _Topic:
    """One way to name a topic discussed: which template line, and the value it takes."""

    template: str  # "topic", "topic_question" or "" (the topic slot)
    value: str


def topic_options(interview: Interview, told: list[StoryInput]) -> list[_Topic]:
    """The ways to name one topic discussed, best first: the topic the log names; the
    competencies of the questions asked (lower-case); a question asked, quoted; the
    competencies of the stories told (their tags); last the topic slot."""
    from starkit.interviews.debrief import question_competencies
    from starkit.story.competencies import resolve_tags
    from starkit.story.questions import load_competencies

    out: list[_Topic] = []
    if interview.topic:
        out.append(_Topic("topic", interview.topic))
    names = [name.lower() for q in interview.questions for _, name in question_competencies(q)]
    out += [_Topic("topic", n) for n in dict.fromkeys(names)]
    out += [_Topic("topic_question", _one_line(q)) for q in interview.questions]
    comp_names = {c.id: c.name.lower() for c in load_competencies()}
    tags = [comp_names[t] for s in told for t in resolve_tags(s.tags) if t in comp_names]
    out += [_Topic("topic", n) for n in dict.fromkeys(tags) if n not in names]
    out.append(_Topic("", ""))
    return out


def interview_topic(interview: Interview, told: Iterable[StoryInput] = ()) -> str:
    """The topic the draft names first ('' when the log gives none)."""
    return topic_options(interview, list(told))[0].value


def _render(
    lex: DraftLexicon,
    interview: Interview,
    topic: _Topic,
    story: StoryInput | None,
    result: str,
) -> tuple[str, tuple[str, ...]]:
    slots: list[str] = []

    def fill(name: str, value: str) -> str:
        if value:
            return value
        slots.append(lex.slots[name])
        return lex.slots[name]

    first = tuple(greeting_name(n, lex.honorifics) for n in interview.interviewers)
    values = {
        "interviewers": fill("interviewers", _names(first)),
        "company": interview.company,
        "role": fill("role", interview.role),
        "topic": fill("topic", topic.value),
        "question": topic.value,
        "result": fill("result", result),
        "name": fill("name", ""),  # the log holds no sender name: the user signs
    }
    reinforce = lex.reinforce_slot if story is None else lex.reinforce
    about = lex.topic_question if topic.template == "topic_question" else lex.topic
    body = " ".join(
        [lex.thanks.format(**values), about.format(**values), reinforce.format(**values)]
    )
    text = "\n\n".join(
        [
            lex.greeting.format(**values),
            body,
            lex.close.format(**values),
            lex.signoff.format(**values),
        ]
    )
    return text + "\n", tuple(slots)


def _blocking(text: str, slots: tuple[str, ...] = ()) -> tuple[tuple[str, ...], bool]:
    """(codes of error/warning findings, whether any is an error) of the email lint, leaving
    out the findings on the draft's own `slots` (a fact the log lacks is meant to be flagged)."""
    from starkit.engine import lint

    report = lint(text, "email")
    bad = [
        f
        for f in report.findings
        if f.severity.value in ("error", "warning")
        and not (f.rule == "unfilled-placeholder" and text[f.start : f.end] in slots)
    ]
    return tuple(f.rule for f in bad), any(f.severity.value == "error" for f in bad)


def compose_thank_you(
    interview: Interview | Mapping[str, Any], stories: Iterable[Any] = ()
) -> ThankYouDraft:
    """The draft with its slots, the story and result it reinforces, and its lint codes."""
    lex = load_draft_lexicon()
    iv = as_interview(interview)
    told = stories_told(iv, stories)
    topics = topic_options(iv, told)
    focus = _content(" ".join([topics[0].value, *iv.questions]))
    candidates: list[tuple[tuple[int, int], int, StoryInput, str]] = []
    for order, story in enumerate(told):
        for sentence in quantified_results(story):
            overlap = len(focus & _content(sentence + " " + story.title))
            candidates.append(((-overlap, len(sentence)), order, story, sentence))
    candidates.sort(key=lambda c: (c[0], c[1]))
    fallback: ThankYouDraft | None = None
    for topic in topics:
        for _, _, story, sentence in candidates:
            text, slots = _render(lex, iv, topic, story, sentence)
            if word_count(text) >= lex.word_limit:
                continue
            codes, has_error = _blocking(text, slots)
            made = ThankYouDraft(text, slots, story.id, story.title, sentence, codes)
            if not codes:
                return made
            if fallback is None and not has_error:
                fallback = made
    if fallback is not None:
        return fallback
    # no result to reinforce: the draft holds no figure at all, so a number in it can never be
    # read as a result (a topic or question with a digit gives way to the next one)
    topic = next(t for t in topics if not _DIGIT.search(t.value))
    text, slots = _render(lex, iv, topic, None, "")
    return ThankYouDraft(text, slots, findings=_blocking(text, slots)[0])


def draft_thank_you(interview: Interview | Mapping[str, Any], stories: Iterable[Any] = ()) -> str:
    """The thank-you email for a logged interview, drafted from the log and the stories told
    (`stories`: bank records, mappings with id/title/text, or plain texts). See the module
    docstring for what it holds and when it leaves a `<slot>`."""
    return compose_thank_you(interview, stories).text


def to_eml(text: str, interview: Interview | Mapping[str, Any]) -> bytes:
    """The email as an `.eml` file (RFC 5322, UTF-8) to open in a mail client; nothing is
    sent. The subject names the role and company; no addresses are filled in."""
    iv = as_interview(interview)
    msg = EmailMessage()
    what = f"the {iv.role} role" if iv.role else "our conversation"
    msg["Subject"] = f"Thank you: {what} at {iv.company}"
    msg["X-Unsent"] = "1"  # mail clients open it as a draft to send
    msg.set_content(text)
    return bytes(msg)
