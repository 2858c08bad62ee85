"""Which interview questions a set of stories answers, and which none answers well.

The fit of a story to a question (0-1) is plain and explainable:

    fit = 0.8 * competency_fit + 0.2 * word_fit

* `competency_fit` is the mean, over the question's competencies, of the story's strength in
  each: 1.0 for a competency the user tagged the story with (by id or name), else the strength
  suggested from the story's text (`starkit.story.competencies`: 0.39 for one cue term, 0.63
  for two, 0.78 for three...).
* `word_fit` is the TF-IDF cosine between the question and the story (words of three letters
  or more, stop words dropped, IDF over the questions and stories in the call), times 2.5 and
  capped at 1, so a story that shares the question's key words gets a small lift.

A question counts as *uncovered* when its best story's fit is under `COVERED_AT` (0.5): in
practice no story shows at least half of the question's competencies strongly.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from starkit.errors import InputError
from starkit.lexicons import StrictModel, read_toml, validate_model
from starkit.story.competencies import competency_scores, resolve_tags
from starkit.story.questions import Question, load_questions

if TYPE_CHECKING:
    import pandas as pd

COVERED_AT = 0.5
"""A question whose best story fits below this is listed in `CoverageResult.uncovered`."""

COMPETENCY_WEIGHT = 0.8
WORD_WEIGHT = 0.2
WORD_SCALE = 2.5


@runtime_checkable
class StoryLike(Protocol):
    """What coverage needs from a story: the bank's records have these attributes."""

    id: str
    title: str
    text: str
    tags: Sequence[str]


@dataclass(frozen=True)
class StoryInput:
    """A story as coverage reads it (built from a bank record, a mapping or a plain object)."""

    id: str
    title: str
    text: str
    tags: tuple[str, ...] = ()


def as_story_input(item: Any, index: int = 0) -> StoryInput:
    """Read `id`, `title`, `text`, `tags` from a record, a mapping or a plain str."""
    if isinstance(item, StoryInput):
        return item
    if isinstance(item, str):
        return StoryInput(id=f"story-{index + 1}", title=f"Story {index + 1}", text=item)

    def get(name: str, default: Any = None) -> Any:
        if isinstance(item, Mapping):
            return item.get(name, default)
        return getattr(item, name, default)

    text = get("text")
    if not isinstance(text, str):
        raise InputError(f"story {index + 1} has no text")
    sid = str(get("id") or f"story-{index + 1}")
    title = str(get("title") or sid)
    tags = get("tags") or ()
    if isinstance(tags, str):
        tags = [t for t in re.split(r"[,;]", tags) if t.strip()]
    return StoryInput(id=sid, title=title, text=text, tags=tuple(str(t) for t in tags))


# ----------------------------------------------------------------------------- word fit

STOPWORDS_FILE = "story/coverage.toml"


class _StopwordFile(StrictModel):
    description: str
    stopwords: tuple[str, ...]


@cache
def _stopwords() -> frozenset[str]:
    data = read_toml(STOPWORDS_FILE)
    sf = validate_model(STOPWORDS_FILE, None, data, _StopwordFile)
    return frozenset(w.lower() for w in sf.stopwords)


_WORD = re.compile(r"[a-z][a-z\-']{2,}")


def _words(text: str) -> list[str]:
    stop = _stopwords()
    return [w for w in _WORD.findall(text.lower()) if w not in stop]


def _tfidf(docs: list[list[str]]) -> list[dict[str, float]]:
    n = len(docs)
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(d))
    vecs = []
    for d in docs:
        tf = Counter(d)
        vec = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w])) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vecs.append({w: v / norm for w, v in vec.items()})
    return vecs


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


# ----------------------------------------------------------------------------- fit


def competency_profile(story: StoryInput) -> dict[str, float]:
    """The story's strength in every competency: tags at 1.0, the rest from its text."""
    profile = competency_scores(story.text)
    for cid in resolve_tags(story.tags):
        profile[cid] = 1.0
    return profile


def fit(question: Question, profile: Mapping[str, float], word_sim: float = 0.0) -> float:
    """The 0-1 fit of a story (its competency profile and word similarity) to a question."""
    comp = sum(profile.get(c, 0.0) for c in question.competencies) / len(question.competencies)
    words = min(1.0, max(0.0, word_sim) * WORD_SCALE)
    return round(COMPETENCY_WEIGHT * comp + WORD_WEIGHT * words, 3)


@dataclass
class CoverageResult:
    """Questions x stories fit scores, the best story per question, and the gaps."""

    matrix: pd.DataFrame
    """Fit scores: one row per question (index: question id), one column per story id."""
    best: pd.DataFrame
    """One row per question: question_id, question, category, story_id, story_title, fit,
    covered. story_id and story_title are None when there are no stories."""
    uncovered: list[Question]
    """The questions whose best fit is under `threshold`, in bank order."""
    threshold: float = COVERED_AT
    questions: list[Question] = field(default_factory=list)
    stories: list[StoryInput] = field(default_factory=list)

    def best_for(self, question: str) -> StoryInput | None:
        """The best covering story for a question (by id or exact text), None if uncovered."""
        rows = self.best[
            (self.best["question_id"] == question) | (self.best["question"] == question)
        ]
        if rows.empty or not bool(rows.iloc[0]["covered"]):
            return None
        sid = rows.iloc[0]["story_id"]
        return next((s for s in self.stories if s.id == sid), None)

    def display_matrix(self) -> pd.DataFrame:
        """`matrix` labelled for people: question text down, story titles across."""
        titles: list[str] = []
        for s in self.stories:
            title = s.title if s.title not in titles else f"{s.title} ({s.id})"
            titles.append(title)
        out = self.matrix.copy()
        out.index = [q.text for q in self.questions]
        out.columns = titles
        return out


def coverage(
    stories: Iterable[Any],
    questions: Iterable[Question] | None = None,
    *,
    threshold: float = COVERED_AT,
) -> CoverageResult:
    """Match stories (bank records, mappings with id/title/text/tags, or str) to questions."""
    import pandas as pd

    story_list = [as_story_input(s, i) for i, s in enumerate(stories)]
    seen: set[str] = set()
    for s in story_list:
        if s.id in seen:
            raise InputError(f"two stories share the id '{s.id}'")
        seen.add(s.id)
    q_list = list(load_questions() if questions is None else questions)

    vecs = _tfidf([_words(q.text) for q in q_list] + [_words(s.text) for s in story_list])
    q_vecs, s_vecs = vecs[: len(q_list)], vecs[len(q_list) :]
    profiles = [competency_profile(s) for s in story_list]

    scores = [
        [fit(q, profiles[j], _cosine(q_vecs[i], s_vecs[j])) for j in range(len(story_list))]
        for i, q in enumerate(q_list)
    ]
    matrix = pd.DataFrame(
        scores,
        index=pd.Index([q.id for q in q_list], name="question"),
        columns=pd.Index([s.id for s in story_list], name="story"),
        dtype=float,
    )
    rows = []
    uncovered: list[Question] = []
    for i, q in enumerate(q_list):
        if story_list:
            j = max(range(len(story_list)), key=lambda k, i=i: (scores[i][k], -k))
            best_fit, sid, title = scores[i][j], story_list[j].id, story_list[j].title
        else:
            best_fit, sid, title = 0.0, None, None
        covered = best_fit >= threshold
        if not covered:
            uncovered.append(q)
        rows.append(
            {
                "question_id": q.id,
                "question": q.text,
                "category": q.category,
                "story_id": sid,
                "story_title": title,
                "fit": best_fit,
                "covered": covered,
            }
        )
    best = pd.DataFrame(
        rows,
        columns=[
            "question_id",
            "question",
            "category",
            "story_id",
            "story_title",
            "fit",
            "covered",
        ],
    )
    return CoverageResult(matrix, best, uncovered, threshold, q_list, story_list)


# ----------------------------------------------------------------------------- CLI


def run_cli(stories: Iterable[Any], args: argparse.Namespace) -> int:
    """`starkit bank coverage`: print the best story per question and the gaps (text or JSON)."""
    from starkit.textio import terminal_safe

    result = coverage(stories)
    if getattr(args, "fmt", "text") == "json":
        payload = {
            "threshold": result.threshold,
            "questions": result.best.to_dict(orient="records"),
            "uncovered": [q.id for q in result.uncovered],
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    covered = result.best[result.best["covered"]]
    print(
        f"{len(covered)} of {len(result.best)} questions have a story that fits (fit >= "
        f"{result.threshold})."
    )
    for row in covered.itertuples(index=False):
        print(f"  {row.fit:.2f}  {row.question_id}: {terminal_safe(str(row.story_title))}")
    if result.uncovered:
        print(f"\nNo story answers these {len(result.uncovered)} well:")
        for q in result.uncovered:
            print(f"  {q.id}: {q.text}")
    return 0
