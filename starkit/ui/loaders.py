"""Cached access to the library from the app: one pipeline and one story bank per server.

Streamlit re-runs a page script on every interaction, so anything slow or shared lives here:
- `warm_up` loads the spaCy pipeline once per server (`st.cache_resource`);
- `lint_cached` never re-lints text it has already seen (`st.cache_data`), which is what keeps a
  page's answer to a small edit fast;
- `get_bank` opens the story bank once per server, so every browser session reads and writes
  the same bank, and saves are serialised by a lock.

The spaCy pipeline is shared by every session's thread; `LINT_LOCK` serialises calls into it
rather than trusting it to be thread-safe.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any

import streamlit as st

from starkit.models import Report, Story
from starkit.ui import feature

if TYPE_CHECKING:
    from starkit.bank import StoryBank

LINT_LOCK = threading.Lock()
BANK_LOCK = threading.RLock()
BANK_ENV = "STARKIT_DB"


@st.cache_resource(show_spinner="Loading the language model (first visit only)…")
def warm_up() -> bool:
    """Load the lint pipeline by linting one short bullet; cached for the server's life."""
    from starkit.engine import lint

    with LINT_LOCK:
        lint("Led the checkout launch for 3 teams.", "bullet")
    return True


@st.cache_data(max_entries=2048, show_spinner=False)
def lint_cached(text: str, kind: str) -> Report:
    """`starkit.lint(text, kind)`, computed once per distinct (text, kind) on this server. A
    text starkit does not judge (not English) raises `InputError` (`judged`)."""
    from starkit.engine import lint

    with LINT_LOCK:
        return judged(lint(text, kind))


def judged(report: Report) -> Report:
    """The report, or `InputError` with the reason when starkit did not judge the text (not
    English): every page shows it as an error (`widgets.plain_errors`), never a clean score."""
    if report.not_judged:
        from starkit.errors import InputError

        raise InputError(f"not judged: {report.not_judged}")
    return report


@st.cache_data(max_entries=256, show_spinner=False)
def lint_many_cached(texts: tuple[str, ...], kind: str) -> list[Report]:
    """`starkit.lint_many` over a tuple of texts, cached like `lint_cached`."""
    from starkit.engine import lint_many

    with LINT_LOCK:
        return lint_many(list(texts), kind)


def bank_location() -> str | None:
    """Where the story bank lives: `STARKIT_DB` (a path or database URL), else the default."""
    return os.environ.get(BANK_ENV) or None


@st.cache_resource(show_spinner=False)
def _open_bank(location: str | None) -> StoryBank:
    from starkit.bank import StoryBank

    return StoryBank(location) if location else StoryBank()


def get_bank() -> StoryBank:
    """The server's one story bank (opened on first use, shared by every session)."""
    return _open_bank(bank_location())


@st.cache_resource(show_spinner=False)
def question_bank() -> list[Any]:
    """The interview question bank shipped with starkit (loaded once per server)."""
    from starkit.story import load_questions

    return list(load_questions())


@st.cache_data(max_entries=512, show_spinner=False)
def parse_cached(text: str) -> Story:
    """`starkit.parse_story(text)`, once per distinct text."""
    from starkit.story import parse_story

    return parse_story(text)


def _as_text(item: object) -> str:
    """The display text of a question-like record (a str, or a record with `.text`)."""
    if isinstance(item, str):
        return item
    for attr in ("text", "question", "prompt"):
        value = getattr(item, attr, None)
        if isinstance(value, str):
            return value
    return str(item)


@st.cache_data(max_entries=512, show_spinner=False)
def followups_cached(text: str) -> list[str]:
    """Likely follow-up questions for a story, as plain strings ([] when the feature is absent)."""
    story = feature.optional_module("starkit.story.followups")
    if story is None:
        return []
    return [_as_text(q) for q in story.followups(text)]


@st.cache_data(max_entries=512, show_spinner=False)
def suggested_competencies(text: str) -> list[str]:
    """Competency ids a story seems to show, best first ([] when the feature is absent)."""
    mod = feature.optional_module("starkit.story.competencies")
    if mod is None or not text.strip():
        return []
    return list(mod.suggest_competencies(text))


@st.cache_resource(show_spinner=False)
def competency_names() -> dict[str, str]:
    """Competency id -> display name, from the question bank ({} when absent)."""
    mod = feature.optional_module("starkit.story.questions")
    if mod is None:
        return {}
    return {c.id: c.name for c in mod.load_competencies()}


def load_story_into_builder(store: Any, story_id: str, title: str, text: str, tags: Any) -> None:
    """Put a bank story into the Story builder's fields, segmented, ready to edit and re-save
    as a new revision."""
    from starkit.ui.views import fields_from_story

    fields = fields_from_story(parse_cached(text))
    if not any(fields.values()):
        fields["situation"] = text
    for name, body in fields.items():
        store[f"story.{name}"] = body
    store["story.mode"] = "Four fields"
    store["story.title"] = title
    store["story.tags"] = list(tags)
    store["story.id"] = story_id
    store.pop("story.saved", None)
    store.pop("story.save_error", None)


@st.cache_data(max_entries=64, show_spinner=False)
def coverage_cached(key: tuple[tuple[str, int], ...], _stories: list[Any]) -> Any:
    """`starkit.story.coverage` of the bank's stories, recomputed only when a story or a
    revision changes (`key`); None when the feature is absent."""
    mod = feature.optional_module("starkit.story.coverage")
    if mod is None:
        return None
    return mod.coverage(_stories)


def coverage_view(stories: list[Any]) -> tuple[Any, list[str]] | None:
    """(question text x story fit matrix, questions no story answers) or None; each story's
    column is named by `story_labels`, as the pickers name it."""
    from starkit.ui.views import story_labels

    result = coverage_cached(tuple((s.id, s.revision) for s in stories), stories)
    if result is None:
        return None
    matrix = result.display_matrix()
    labels = story_labels(stories)
    matrix.columns = [
        labels.get(str(sid), col)
        for sid, col in zip(result.matrix.columns, matrix.columns, strict=True)
    ]
    return matrix, [q.text for q in result.uncovered]


def result_sentences(text: str) -> list[str]:
    """The sentences of a story's Result section (the whole story when none is found)."""
    from starkit.story import sentences
    from starkit.ui.views import strip_label

    story = parse_cached(text)
    section = story.section("result")
    lo, hi = (section.start, section.end) if section else (0, len(text))
    return [strip_label(text[a:b]) for a, b in sentences(text) if a >= lo and b <= hi]


@st.cache_data(max_entries=256, show_spinner=False)
def reinforcement(email: str, stories: tuple[tuple[str, str], ...]) -> Any:
    """One quantified result from the user's stories for the email (None when none has one)."""
    from starkit.quantities import has_quantity
    from starkit.ui.reinforce import pick_result

    with LINT_LOCK:
        return pick_result(email, stories, result_sentences, has_quantity)


@st.cache_resource(show_spinner=False)
def practice_questions() -> list[str]:
    """The question bank's questions as text ([] when the feature is absent)."""
    mod = feature.optional_module("starkit.story.questions")
    if mod is None:
        return []
    return [_as_text(q) for q in mod.load_questions()]


def best_story(question: str, stories: list[Any]) -> Any:
    """The saved story that best answers `question` (with `.title` and `.text`), or None."""
    if not stories:
        return None
    result = coverage_cached(tuple((s.id, s.revision) for s in stories), stories)
    return None if result is None else result.best_for(question)


@st.cache_data(max_entries=32, show_spinner="Reading the resume…")
def resume_report(data: bytes, name: str, pasted: bool, marked: tuple[int, ...] = ()) -> Any:
    """Read and lint a resume once per distinct file or paste (`starkit.resume.report`).

    The reading runs in a worker process with a time and memory budget (`starkit.worker`), so
    a hostile upload can neither stall the server's other sessions nor outlive its request.
    A paste with no section headings is a list of bullets, one a line (`read_pasted_resume`).
    `marked` are the sections (indexes into `Resume.sections`) the user marked as experience
    by hand.
    """
    from starkit.resume.diagnose import mark_as_experience
    from starkit.resume.report import lint_resume
    from starkit.worker import read_pasted_resume, read_resume_bounded, run_bounded

    if pasted:
        resume = run_bounded(read_pasted_resume, data.decode("utf-8"), name, label=name)
    else:
        resume = read_resume_bounded(data, name)
    resume = mark_as_experience(resume, set(marked))
    with LINT_LOCK:
        return lint_resume(resume)


# ----------------------------------------------------------------------------- practice


@st.cache_data(max_entries=2048, show_spinner=False)
def lint_answer_cached(text: str, question: str) -> Report:
    """`starkit.lint(text, "answer", question)`, computed once per distinct pair."""
    from starkit.engine import lint

    with LINT_LOCK:
        return judged(lint(text, "answer", question or None))


@st.cache_resource(show_spinner=False)
def metric_questions() -> list[Any]:
    """The metrics questions (`lexicons/answer/questions.toml`), loaded once per server."""
    from starkit.answer import load_metric_questions

    return list(load_metric_questions())


def question_competency(question: str) -> str:
    """The first competency of a behavioural bank question ('' when unknown)."""
    for q in question_bank():
        if _as_text(q) == question:
            comps = getattr(q, "competencies", ())
            return comps[0] if comps else ""
    return ""
