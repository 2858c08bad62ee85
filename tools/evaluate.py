"""Measure the lint rules and the quantity detector against the hand-labelled dev set.

The labels in `tests/data/devset/` were written from `shared/RULES.md` alone, never from the
linter's output, so the precision and recall printed here estimate how the rules will do on
text written by people outside the project. See `tests/data/devset/README.md` for the
labelling conventions.

    python tools/evaluate.py [--set bullets|emails|quantities|all] [--data DIR] [--errors]
    python tools/evaluate.py --file corpus/resume_bullets/dev.jsonl \
        --labels corpus/resume_bullets/dev.labels.jsonl --kind bullet
    python tools/evaluate.py --file corpus/metric_answers/sealed.jsonl \
        --labels corpus/metric_answers/sealed.labels.jsonl --kind answer [--errors]
    python tools/evaluate.py --first-runs    # the recorded first runs, one line a set
    python tools/evaluate.py --pooled bullet --save before.json   # every labelled set, pooled
    python tools/evaluate.py --pooled bullet --compare before.json  # calls a change moved
    python tools/evaluate.py --file SET.jsonl --labels A.labels.jsonl \
        --second-labels B.labels.jsonl       # labeller agreement, and starkit where they agree

`--first-runs` re-runs nothing: it reads the tables kept in `corpus/results/` (each scored once
on a set nobody had tuned on, before its errors were read) and prints one line a set: the
pooled figure and the rules the project is named for. Blind re-scores (`blind-*.txt`, errors
still unread) follow, marked as such.

The evaluation lives outside the installed package (`tools/`), beside the data it reads.

Scoring. For `bullets` and `emails` every text is one unit and every rule is a yes/no question
per text: a rule listed in the text's `rules` must fire, a rule not listed must not (a true
positive, false negative or false positive per text and rule). For `quantities`, each labelled
substring is a gold span and each span the detector returns is a prediction; they match when
their characters overlap. A gold span is found (TP) when any prediction overlaps it, else it is
missed (FN); a prediction overlapping no gold span is a false alarm (FP). Overlap, not exact
boundaries, is compared so that "2 weeks" against "2" is not an error. A second, text-level row
asks only "does the text hold any measuring quantity?", the question `no-quantification` turns on.

Metrics answers (`--kind answer`) are scored like bullets, one answer per unit, each linted with
its `question` (a line's optional field). A rule of one question type only (RULES.md, "Metric-
answer rules") is simply silent on the others, so a label lists only the rules that apply to
its type. When lines or labels give the labelled question `type`, the table is followed by the
types found against the types labelled, and `--errors` lists every answer typed differently.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from starkit.errors import InputError, StarkitError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = ROOT / "tests" / "data" / "devset"

# The rule codes of shared/RULES.md that apply to each kind (its "Which rules apply" table).
BULLET_RULES: tuple[str, ...] = (
    "no-quantification",
    "vanity-metric",
    "missing-guardrail",
    "weak-verb",
    "vague-language",
    "unfilled-placeholder",
    "missing-baseline",
)
EMAIL_RULES: tuple[str, ...] = (
    "email-no-metric",
    "email-length",
    "vague-language",
    "unfilled-placeholder",
)

STORY_RULES: tuple[str, ...] = (
    *(r for r in BULLET_RULES),
    "star-missing-section",
    "result-unquantified",
    "we-not-i",
    "answer-length",
)
# RULES.md "Metric-answer rules": every `answer-*` code, plus the two rules of every kind.
ANSWER_RULES: tuple[str, ...] = (
    "answer-no-goal",
    "answer-no-primary-metric",
    "answer-vanity-primary",
    "answer-no-input-metrics",
    "answer-no-guardrail",
    "answer-no-threshold",
    "answer-no-tradeoff",
    "answer-metric-list",
    "answer-one-family",
    "answer-no-segmentation",
    "answer-no-data-check",
    "answer-no-instrumentation",
    "answer-length",
    "vague-language",
    "unfilled-placeholder",
)
QUESTION_TYPES: tuple[str, ...] = ("success", "diagnosis", "program", "tradeoff")
SET_NAMES: tuple[str, ...] = ("bullets", "emails", "quantities", "stories")
_LABELLED = {
    "bullets": ("bullet", BULLET_RULES),
    "emails": ("email", EMAIL_RULES),
    "stories": ("story", STORY_RULES),
}
# The story dev set lives with the segmentation work; other data dirs hold their own.
STORY_DATA_DIR = ROOT / "tests" / "data" / "stories"
_KIND_RULES = {
    "bullet": BULLET_RULES,
    "email": EMAIL_RULES,
    "story": STORY_RULES,
    "answer": ANSWER_RULES,
}

# Row names of the quantities table.
QUANTITY_SPAN = "quantity-span"
QUANTITY_PRESENT = "has-quantity"


class _Finding(Protocol):
    rule: str


class _Report(Protocol):
    @property
    def findings(self) -> Sequence[_Finding]: ...

    @property
    def units(self) -> Sequence[Any]: ...


class _Quantity(Protocol):
    start: int
    end: int
    text: str


LintFn = Callable[..., _Report]  # (text, kind), or (text, kind, question) for answers
FindQuantitiesFn = Callable[[str], Iterable[_Quantity]]


# ---------------------------------------------------------------------------------------------
# Scores


@dataclass(frozen=True)
class Scores:
    """Confusion counts for one rule and the figures derived from them.

    Empty denominators follow the "nothing claimed, nothing wrong" convention: precision is
    1.0 when nothing was predicted and recall is 1.0 when nothing was to be found, so a rule
    that never fires shows up through its recall, not through a division error.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        """How many positives the labels hold."""
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        """Share of predictions that were right."""
        claimed = self.tp + self.fp
        return self.tp / claimed if claimed else 1.0

    @property
    def recall(self) -> float:
        """Share of labelled positives that were found."""
        return self.tp / self.support if self.support else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        """A JSON-ready view with the derived figures."""
        return {
            "support": self.support,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Miss:
    """One text the system got wrong: what it failed to report and what it reported wrongly."""

    id: str
    text: str
    missing: tuple[str, ...]
    extra: tuple[str, ...]


@dataclass(frozen=True)
class TypeMiss:
    """A metrics answer whose question type was found differently from its label."""

    id: str
    question: str
    found: str
    labelled: str


@dataclass
class Evaluation:
    """Per-rule scores for one set, and the texts behind every error. For metrics answers,
    the question types found and (when labelled) the labelled ones."""

    set_name: str
    size: int
    scores: dict[str, Scores]
    misses: list[Miss] = field(default_factory=list)
    types_found: Counter[str] = field(default_factory=Counter)
    types_labelled: Counter[str] = field(default_factory=Counter)
    type_misses: list[TypeMiss] = field(default_factory=list)

    def micro(self) -> Scores:
        """All rows pooled (for the quantities set, the span row only)."""
        if self.set_name == "quantities":
            return self.scores[QUANTITY_SPAN]
        total = Scores()
        for s in self.scores.values():
            total = total + s
        return total


# ---------------------------------------------------------------------------------------------
# Loading and validating the labelled files


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LabelledRecord(_Strict):
    """One line of bullets.jsonl or emails.jsonl."""

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    rules: list[str]
    note: str = ""


class PinnedQuantity(_Strict):
    """A gold span given with its offset, for a substring that also occurs earlier in the text."""

    text: str = Field(min_length=1)
    start: int = Field(ge=0)


class QuantityRecord(_Strict):
    """One line of quantities.jsonl."""

    id: str | None = None
    text: str = Field(min_length=1)
    quantities: list[str | PinnedQuantity]
    note: str = ""


@dataclass(frozen=True)
class LabelledText:
    """A bullet or email with the exact set of rules that must fire on it; a metrics answer
    also carries its question and, when labelled, the question's type."""

    id: str
    text: str
    rules: frozenset[str]
    note: str = ""
    question: str = ""
    qtype: str = ""


@dataclass(frozen=True)
class QuantityCase:
    """A text and the character spans of every measuring quantity in it."""

    id: str
    text: str
    spans: tuple[tuple[int, int], ...]
    note: str = ""

    def span_texts(self) -> tuple[str, ...]:
        """The gold substrings, in text order."""
        return tuple(self.text[s:e] for s, e in self.spans)


def _read_jsonl(path: Path) -> list[tuple[int, Any]]:
    """(line number, parsed object) for every non-blank line; a broken line names itself."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: dev set file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    rows: list[tuple[int, Any]] = []
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append((lineno, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{lineno}: invalid JSON: {exc.msg}") from None
    return rows


def _validate(path: Path, lineno: int, data: Any, model: type[_Strict]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"]) or "record"
        msg = "unknown field" if first["type"] == "extra_forbidden" else first["msg"]
        raise InputError(f"{path}:{lineno}: {loc}: {msg}") from None


def _story_record(data: Any) -> Any:
    """A stories.jsonl line as a labelled record: its `fires` list is the rule set."""
    if isinstance(data, dict) and "fires" in data:
        return {"id": data.get("id", ""), "text": data.get("text", ""), "rules": data["fires"]}
    return data


def load_labelled(path: Path, allowed_rules: Sequence[str]) -> list[LabelledText]:
    """Read a bullets/emails/stories JSONL file; unknown rule codes and duplicate ids are
    errors. Story lines carry their rules in `fires`."""
    allowed = set(allowed_rules)
    seen: set[str] = set()
    out: list[LabelledText] = []
    for lineno, data in _read_jsonl(path):
        if path.name == "stories.jsonl":
            data = _story_record(data)
        rec: LabelledRecord = _validate(path, lineno, data, LabelledRecord)
        if rec.id in seen:
            raise InputError(f"{path}:{lineno}: duplicate id '{rec.id}'")
        seen.add(rec.id)
        unknown = sorted(set(rec.rules) - allowed)
        if unknown:
            raise InputError(
                f"{path}:{lineno}: '{rec.id}': rule {unknown[0]!r} does not apply to this set"
            )
        if len(set(rec.rules)) != len(rec.rules):
            raise InputError(f"{path}:{lineno}: '{rec.id}': a rule is listed twice")
        out.append(LabelledText(rec.id, rec.text, frozenset(rec.rules), rec.note))
    return out


def _on_boundary(text: str, start: int, end: int) -> bool:
    """True when the span does not cut through a word or number on either side."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def locate_spans(text: str, quantities: Sequence[str | PinnedQuantity]) -> list[tuple[int, int]]:
    """Turn labelled substrings into character spans.

    Substrings are listed in text order; each is found at its first occurrence, on word
    boundaries, after the end of the previous one. A `PinnedQuantity` gives its offset outright.
    Raises ValueError when a substring is absent or would cut a word in two.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for q in quantities:
        if isinstance(q, PinnedQuantity):
            start, sub = q.start, q.text
            if text[start : start + len(sub)] != sub:
                raise ValueError(f"{sub!r} is not at offset {start}")
            if not _on_boundary(text, start, start + len(sub)):
                raise ValueError(f"{sub!r} at offset {start} cuts a word in two")
        else:
            sub = q
            start = text.find(sub, pos)
            while start != -1 and not _on_boundary(text, start, start + len(sub)):
                start = text.find(sub, start + 1)
            if start == -1:
                raise ValueError(f"{sub!r} not found on word boundaries after offset {pos}")
        spans.append((start, start + len(sub)))
        pos = start + len(sub)
    return sorted(spans)


def load_quantities(path: Path) -> list[QuantityCase]:
    """Read quantities.jsonl into cases with character spans (ids default to q<line>)."""
    seen: set[str] = set()
    out: list[QuantityCase] = []
    for lineno, data in _read_jsonl(path):
        rec: QuantityRecord = _validate(path, lineno, data, QuantityRecord)
        ident = rec.id or f"q{lineno:03d}"
        if ident in seen:
            raise InputError(f"{path}:{lineno}: duplicate id '{ident}'")
        seen.add(ident)
        try:
            spans = locate_spans(rec.text, rec.quantities)
        except ValueError as exc:
            raise InputError(f"{path}:{lineno}: '{ident}': {exc}") from None
        out.append(QuantityCase(ident, rec.text, tuple(spans), rec.note))
    return out


# ---------------------------------------------------------------------------------------------
# Scoring


def score_rules(
    items: Sequence[LabelledText],
    predicted: Sequence[Iterable[str]],
    rules: Sequence[str],
) -> Evaluation:
    """Per-rule confusion counts of predicted rule sets against the labels.

    Every rule in `rules` gets a row even with no support; a code the system emitted that is
    not in `rules` (a story rule on a bullet, say) gets a row of its own, all false positives.
    """
    if len(items) != len(predicted):
        raise ValueError("one prediction per labelled text is required")
    counts: dict[str, list[int]] = {r: [0, 0, 0] for r in rules}
    misses: list[Miss] = []
    for item, pred in zip(items, predicted, strict=True):
        fired = set(pred)
        for rule in item.rules | fired:
            row = counts.setdefault(rule, [0, 0, 0])
            if rule in item.rules and rule in fired:
                row[0] += 1
            elif rule in fired:
                row[1] += 1
            else:
                row[2] += 1
        missing = tuple(sorted(item.rules - fired))
        extra = tuple(sorted(fired - item.rules))
        if missing or extra:
            misses.append(Miss(item.id, item.text, missing, extra))
    scores = {rule: Scores(*row) for rule, row in counts.items()}
    return Evaluation("", len(items), scores, misses)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(
    gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]
) -> tuple[Scores, list[tuple[int, int]], list[tuple[int, int]]]:
    """Overlap matching: (counts, gold spans missed, predicted spans matching no gold span)."""
    missed = [g for g in gold if not any(_overlaps(g, p) for p in predicted)]
    false_alarms = [p for p in predicted if not any(_overlaps(p, g) for g in gold)]
    return Scores(len(gold) - len(missed), len(false_alarms), len(missed)), missed, false_alarms


def score_quantities(
    cases: Sequence[QuantityCase], predicted: Sequence[Sequence[tuple[int, int]]]
) -> Evaluation:
    """Span-level and text-level scores of a quantity detector's spans against the labels."""
    if len(cases) != len(predicted):
        raise ValueError("one prediction per case is required")
    spans_total = Scores()
    present = [0, 0, 0]
    misses: list[Miss] = []
    for case, pred in zip(cases, predicted, strict=True):
        counts, missed, false_alarms = match_spans(case.spans, pred)
        spans_total = spans_total + counts
        has_gold, has_pred = bool(case.spans), bool(pred)
        if has_gold and has_pred:
            present[0] += 1
        elif has_pred:
            present[1] += 1
        elif has_gold:
            present[2] += 1
        if missed or false_alarms:
            misses.append(
                Miss(
                    case.id,
                    case.text,
                    tuple(case.text[s:e] for s, e in missed),
                    tuple(case.text[s:e] for s, e in false_alarms),
                )
            )
    scores = {QUANTITY_SPAN: spans_total, QUANTITY_PRESENT: Scores(*present)}
    return Evaluation("quantities", len(cases), scores, misses)


# ---------------------------------------------------------------------------------------------
# Running a system over a set


def _default_lint() -> LintFn:
    import starkit

    return starkit.lint


def _default_find_quantities() -> FindQuantitiesFn:
    from starkit.quantities import find_quantities

    return find_quantities


def run(
    set_name: str,
    *,
    data_dir: Path | None = None,
    lint: LintFn | None = None,
    find_quantities: FindQuantitiesFn | None = None,
) -> Evaluation:
    """Run the linter (or the quantity detector) over one labelled set and score it.

    `lint` and `find_quantities` default to `starkit.lint` and
    `starkit.quantities.find_quantities`; tests pass stand-ins. Errors the system raises
    (NotImplementedError included) propagate, except a StarkitError on one text, which is
    re-raised naming the text's id.
    """
    base = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
    if set_name == "quantities":
        cases = load_quantities(base / "quantities.jsonl")
        finder = find_quantities or _default_find_quantities()
        preds = [[(q.start, q.end) for q in finder(c.text)] for c in cases]
        return score_quantities(cases, preds)
    if set_name not in _LABELLED:
        raise InputError(f"unknown set {set_name!r}: choose from {', '.join(SET_NAMES)}")
    kind, rules = _LABELLED[set_name]
    path = base / f"{set_name}.jsonl"
    if set_name == "stories" and data_dir is None:
        path = STORY_DATA_DIR / "stories.jsonl"
    items = load_labelled(path, rules)
    linter = lint or _default_lint()
    predicted: list[set[str]] = []
    for item in items:
        try:
            report = linter(item.text, kind)
        except StarkitError as exc:
            raise InputError(
                f"{set_name} '{item.id}': the linter rejected the text: {exc}"
            ) from None
        predicted.append({f.rule for f in report.findings})
    evaluation = score_rules(items, predicted, rules)
    evaluation.set_name = set_name
    return evaluation


def load_any(path: Path, kind: str, labels: Path | None = None) -> list[LabelledText]:
    """Any labelled JSONL: each line has an `id` and a `text`, and its rules in `rules` (or a
    story's `fires`), or in a separate labels file of `{"id", "rules"}` lines joined by id.
    Other fields (source, note) are ignored; a rule that does not apply to the kind is an
    error."""
    allowed = set(_KIND_RULES[kind])
    gold: dict[str, list[str]] = {}
    gold_types: dict[str, str] = {}
    if labels is not None:
        for lineno, data in _read_jsonl(labels):
            if not isinstance(data, dict) or "id" not in data or "rules" not in data:
                raise InputError(f"{labels}:{lineno}: a label line needs 'id' and 'rules'")
            gold[str(data["id"])] = list(data["rules"])
            gold_types[str(data["id"])] = _question_type(labels, lineno, data.get("type"))
    out: list[LabelledText] = []
    seen: set[str] = set()
    for lineno, data in _read_jsonl(path):
        if not isinstance(data, dict) or not data.get("text") or "id" not in data:
            raise InputError(f"{path}:{lineno}: a line needs 'id' and 'text'")
        ident = str(data["id"])
        if ident in seen:
            raise InputError(f"{path}:{lineno}: duplicate id '{ident}'")
        seen.add(ident)
        if labels is not None:
            if ident not in gold:
                continue  # not labelled (yet)
            rules = gold[ident]
            qtype = gold_types[ident]
        else:
            rules = data.get("rules", data.get("fires"))
            if rules is None:
                raise InputError(f"{path}:{lineno}: '{ident}' has no 'rules' (give --labels)")
            qtype = _question_type(path, lineno, data.get("type"))
        unknown = sorted(set(rules) - allowed)
        if unknown:
            raise InputError(
                f"{path}:{lineno}: '{ident}': rule {unknown[0]!r} is not a {kind} rule"
            )
        # the question an answer is linted with (a story's prompt is context only: ignored)
        question = (data.get("question") or "") if kind == "answer" else ""
        if not isinstance(question, str):
            raise InputError(f"{path}:{lineno}: '{ident}': 'question' must be a string")
        note = str(data.get("note", ""))
        out.append(LabelledText(ident, data["text"], frozenset(rules), note, question, qtype))
    return out


def _question_type(path: Path, lineno: int, value: Any) -> str:
    """A labelled question type ('' when absent); anything but the four types is an error."""
    if value is None or value == "":
        return ""
    if value not in QUESTION_TYPES:
        raise InputError(
            f"{path}:{lineno}: unknown question type {value!r}: choose from "
            + ", ".join(QUESTION_TYPES)
        )
    return str(value)


def _found_type(report: _Report) -> str:
    """The question type the linter gave a metrics answer ('?' when it reports none)."""
    units = getattr(report, "units", None) or []
    details = getattr(units[0], "details", None) if units else None
    found = details.get("question_type") if isinstance(details, dict) else None
    return str(found) if found else "?"


def run_file(
    path: Path, kind: str, *, labels: Path | None = None, lint: LintFn | None = None
) -> Evaluation:
    """Score the linter on any labelled JSONL file (see `load_any`), per rule of the kind."""
    if kind not in _KIND_RULES:
        raise InputError(f"unknown kind {kind!r}: choose from {', '.join(_KIND_RULES)}")
    items = load_any(path, kind, labels)
    linter = lint or _default_lint()
    predicted: list[set[str]] = []
    found_types: list[str] = []
    for item in items:
        try:
            report = _lint_item(linter, item, kind)
            if kind == "answer":
                found_types.append(_found_type(report))
        except StarkitError as exc:
            raise InputError(
                f"{path.name} '{item.id}': the linter rejected the text: {exc}"
            ) from None
        predicted.append({f.rule for f in report.findings})
    evaluation = score_rules(items, predicted, _KIND_RULES[kind])
    evaluation.set_name = path.name
    if kind == "answer":
        evaluation.types_found = Counter(found_types)
        evaluation.types_labelled = Counter(item.qtype for item in items if item.qtype)
        evaluation.type_misses = [
            TypeMiss(item.id, item.question, found, item.qtype)
            for item, found in zip(items, found_types, strict=True)
            if item.qtype and found != item.qtype
        ]
    return evaluation


# Every labelled set of a kind under corpus/, pooled: the check a rule change must pass before it
# lands (every call it changes, named right or wrong against the blind labels).
POOLED_FOLDERS: dict[str, tuple[str, ...]] = {
    "bullet": ("heldout_bullets", "metric_bullets", "resume_bullets"),
    "story": ("star_stories",),
    "answer": ("metric_answers",),
}


def labelled_sets(kind: str, corpus: Path = ROOT / "corpus") -> list[tuple[Path, Path | None]]:
    """The labelled sets of a kind: each JSONL text file with its `<stem>.labels.jsonl` (or
    with its rules on its own lines), in folder and name order. Unlabelled files are skipped."""
    out: list[tuple[Path, Path | None]] = []
    for folder in POOLED_FOLDERS[kind]:
        for path in sorted((corpus / folder).glob("*.jsonl")):
            if ".labels" in path.name:
                continue
            labels = path.with_name(path.stem + ".labels.jsonl")
            if labels.exists():
                out.append((path, labels))
            elif _labels_inline(path):
                out.append((path, None))
    return out


def _labels_inline(path: Path) -> bool:
    """The file carries its own labels: its first line has `rules` (or a story's `fires`)."""
    rows = _read_jsonl(path)
    first = rows[0][1] if rows else None
    return isinstance(first, dict) and ("rules" in first or "fires" in first)


@dataclass
class PooledRun:
    """Every labelled text of a kind with the calls the linter made on it, keyed
    `folder/stem:id`, and the pooled scores."""

    evaluation: Evaluation
    calls: dict[str, dict[str, Any]]


def run_pooled(kind: str, corpus: Path = ROOT / "corpus", lint: LintFn | None = None) -> PooledRun:
    """Score the linter on every labelled set of `kind` pooled (see `labelled_sets`)."""
    linter = lint or _default_lint()
    items: list[LabelledText] = []
    predicted: list[set[str]] = []
    calls: dict[str, dict[str, Any]] = {}
    for path, labels in labelled_sets(kind, corpus):
        for item in load_any(path, kind, labels):
            fired = {f.rule for f in _lint_item(linter, item, kind).findings}
            items.append(item)
            predicted.append(fired)
            key = f"{path.parent.name}/{path.stem}:{item.id}"
            calls[key] = {"text": item.text, "gold": sorted(item.rules), "pred": sorted(fired)}
    evaluation = score_rules(items, predicted, _KIND_RULES[kind])
    evaluation.set_name = f"all labelled {kind} sets"
    return PooledRun(evaluation, calls)


def compare_calls(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> str:
    """Every call that changed between two pooled runs of the same texts, named right (it now
    agrees with the label) or wrong, and a count of each."""
    lines, right, wrong = [], 0, 0
    for key in sorted(set(before) & set(after)):
        old, new, gold = set(before[key]["pred"]), set(after[key]["pred"]), set(after[key]["gold"])
        for rule in sorted(old ^ new):
            good = (rule in new) == (rule in gold)
            right, wrong = right + good, wrong + (not good)
            sign = "+" if rule in new else "-"
            text = after[key]["text"].replace("\n", " / ")[:160]
            lines.append(f"{'right' if good else 'WRONG'} {sign}{rule} {key} | {text}")
    added = len(set(after) - set(before))
    head = f"{right} calls right, {wrong} wrong ({len(set(before) & set(after))} texts in both runs"
    head += f", {added} new)" if added else ")"
    return "\n".join([head, *lines])


def _lint_item(linter: LintFn, item: LabelledText, kind: str) -> _Report:
    """The linter's report on one labelled text: a metrics answer with the question it answers
    (its rules depend on the question's type), any other kind on its text alone."""
    if kind == "answer":
        return linter(item.text, kind, item.question or None)
    return linter(item.text, kind)


def run_agreement(
    path: Path, kind: str, labels: Path, second: Path, *, lint: LintFn | None = None
) -> tuple[Evaluation, Evaluation]:
    """How far two labellers of the same texts agree, and how the linter does where they do.

    The first table scores the second labeller's labels against the first's, as if they were
    the system: its precision and recall are the ceiling a linter can reach against one
    labeller when the other is as right. The second scores the linter on the texts whose two
    labels agree on every code (the labels both labellers would accept)."""
    first = load_any(path, kind, labels)
    other = {item.id: item.rules for item in load_any(path, kind, second)}
    both = [item for item in first if item.id in other]
    if not both:
        raise InputError(f"{second}: labels no text of {labels}")
    agreement = score_rules(both, [other[item.id] for item in both], _KIND_RULES[kind])
    agreement.set_name = f"{second.name} against {labels.name} ({len(both)} texts both label)"
    agreed = [item for item in both if other[item.id] == item.rules]
    linter = lint or _default_lint()
    predicted = [{f.rule for f in _lint_item(linter, item, kind).findings} for item in agreed]
    system = score_rules(agreed, predicted, _KIND_RULES[kind])
    system.set_name = f"starkit on the {len(agreed)} texts whose two labels agree on every code"
    return agreement, system


def evaluate(
    set_name: str,
    *,
    data_dir: Path | None = None,
    lint: LintFn | None = None,
    find_quantities: FindQuantitiesFn | None = None,
) -> dict[str, Scores]:
    """Per-rule scores for one set ("bullets", "emails" or "quantities")."""
    return run(set_name, data_dir=data_dir, lint=lint, find_quantities=find_quantities).scores


# ---------------------------------------------------------------------------------------------
# Output


def format_table(evaluation: Evaluation) -> str:
    """A fixed-width table: one row per rule, then the pooled (micro-averaged) row."""
    unit = "spans" if evaluation.set_name == "quantities" else "texts"
    lines = [
        f"{evaluation.set_name} ({evaluation.size} texts; support counts {unit})",
        f"{'rule':<22} {'support':>7} {'TP':>5} {'FP':>5} {'FN':>5} "
        f"{'precision':>9} {'recall':>7} {'F1':>6}",
    ]

    def row(name: str, s: Scores) -> str:
        return (
            f"{name:<22} {s.support:>7} {s.tp:>5} {s.fp:>5} {s.fn:>5} "
            f"{s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f}"
        )

    lines += [row(name, s) for name, s in evaluation.scores.items()]
    if evaluation.set_name != "quantities":
        lines.append(row("(micro)", evaluation.micro()))
    if evaluation.types_found:
        lines.append(f"question types found: {_type_counts(evaluation.types_found)}")
        if evaluation.types_labelled:
            lines.append(f"question types labelled: {_type_counts(evaluation.types_labelled)}")
            agree = sum(evaluation.types_labelled.values()) - len(evaluation.type_misses)
            lines.append(
                f"types agreeing: {agree}/{sum(evaluation.types_labelled.values())} labelled"
            )
    return "\n".join(lines)


def _type_counts(counts: Counter[str]) -> str:
    """'success 12, tradeoff 11, ...': most frequent first, ties in the types' order."""
    order = {t: k for k, t in enumerate(QUESTION_TYPES)}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], len(order)), kv[0]))
    return ", ".join(f"{t} {n}" for t, n in ranked)


def format_misses(evaluation: Evaluation) -> str:
    """Every misclassified text: its id, what was missed, what was wrongly reported, the text;
    then every metrics answer whose question type was found differently from its label."""
    lines = [_format_rule_misses(evaluation)]
    if evaluation.type_misses:
        lines.append(f"{evaluation.set_name}: {len(evaluation.type_misses)} question types differ")
        for t in evaluation.type_misses:
            question = " ".join(t.question.split())
            if len(question) > 160:
                question = question[:157] + "..."
            lines.append(f"  {t.id}: found {t.found}, labelled {t.labelled}\n      {question}")
    return "\n".join(lines)


def _format_rule_misses(evaluation: Evaluation) -> str:
    if not evaluation.misses:
        return f"{evaluation.set_name}: no errors"
    lines = [f"{evaluation.set_name}: {len(evaluation.misses)} texts with errors"]
    for m in evaluation.misses:
        parts = []
        if m.missing:
            parts.append("missed " + ", ".join(m.missing))
        if m.extra:
            parts.append("wrongly reported " + ", ".join(m.extra))
        text = " ".join(m.text.split())
        if len(text) > 160:
            text = text[:157] + "..."
        lines.append(f"  {m.id}: {'; '.join(parts)}\n      {text}")
    return "\n".join(lines)


RESULTS_DIR = Path(__file__).resolve().parent.parent / "corpus" / "results"
FIRST_RUN_RULES = (
    "vanity-metric",
    "missing-guardrail",
    "missing-baseline",
    "star-missing-section",
    "result-unquantified",
)
_TABLE_HEAD = re.compile(r"^(\S+) \((\d+) texts; support counts texts\)$")
_TABLE_ROW = re.compile(r"^(\S+)\s+\d+\s+(\d+)\s+(\d+)\s+(\d+)\s+[\d.]+\s+[\d.]+\s+[\d.]+$")
_MICRO = "(micro)"


@dataclass
class RecordedTable:
    """One scored table kept in a results file: its set, size and the counts of each row."""

    file: str
    set_name: str
    size: int
    rows: dict[str, Scores] = field(default_factory=dict)

    def micro(self) -> Scores:
        """The pooled row as printed (summed from the rules when a table lacks it)."""
        pooled = sum((s for name, s in self.rows.items() if name != _MICRO), Scores())
        return self.rows.get(_MICRO, pooled)


def read_recorded(path: Path) -> list[RecordedTable]:
    """Every table `format_table` printed into a results file, in order."""
    tables: list[RecordedTable] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        head = _TABLE_HEAD.match(line.strip())
        if head:
            tables.append(RecordedTable(path.name, head.group(1), int(head.group(2))))
            continue
        row = _TABLE_ROW.match(line.strip())
        if row and tables:
            tp, fp, fn = (int(row.group(i)) for i in (2, 3, 4))
            tables[-1].rows[row.group(1)] = Scores(tp, fp, fn)
    return tables


def _cell(scores: Scores | None) -> str:
    if scores is None:
        return "-"
    if scores.support == 0 and scores.fp == 0:
        return "(0)"
    return f"{scores.precision:.2f}/{scores.recall:.2f} ({scores.support})"


def format_first_runs(results_dir: Path = RESULTS_DIR) -> str:
    """One line a recorded table: first runs, then blind re-scores; P/R (positives) a rule."""
    header = f"{'file':<50} {'set':<22} {'n':>4} {'micro':>11}  " + "  ".join(
        f"{r:<17}" for r in FIRST_RUN_RULES
    )
    out: list[str] = []
    for prefix, title in (
        ("first-run-", "FIRST RUNS"),
        ("blind-", "BLIND RE-SCORES (errors unread)"),
    ):
        paths = sorted(results_dir.glob(f"{prefix}*.txt"))
        if not paths:
            continue
        out += ["", title, header] if out else [title, header]
        for path in paths:
            for t in read_recorded(path):
                micro = t.micro()
                cells = "  ".join(f"{_cell(t.rows.get(rule)):<17}" for rule in FIRST_RUN_RULES)
                out.append(
                    f"{t.file[:50]:<50} {t.set_name[:22]:<22} {t.size:>4} "
                    f"{micro.precision:.3f}/{micro.recall:.3f}  {cells}"
                )
    if not out:
        return f"no recorded runs in {results_dir}"
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point: print the tables; exit 2 with one line when the system or data fails."""
    parser = argparse.ArgumentParser(
        prog="python tools/evaluate.py",
        description="Precision and recall of the lint rules on hand-labelled sets.",
    )
    parser.add_argument("--file", type=Path, default=None, help="any labelled JSONL file")
    parser.add_argument("--labels", type=Path, default=None, help="labels joined by id")
    parser.add_argument("--kind", choices=list(_KIND_RULES), default="bullet")
    parser.add_argument("--set", dest="set_name", choices=[*SET_NAMES, "all"], default="all")
    parser.add_argument("--data", type=Path, default=None, help="directory of the JSONL files")
    parser.add_argument("--errors", action="store_true", help="list every misclassified text")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--second-labels",
        type=Path,
        default=None,
        help="with --file and --labels: a second labeller's labels of the same texts; print "
        "their agreement and the linter on the texts both label alike",
    )
    parser.add_argument(
        "--first-runs",
        action="store_true",
        help="print the first runs recorded in corpus/results/ (re-runs nothing)",
    )
    parser.add_argument(
        "--pooled",
        choices=list(POOLED_FOLDERS),
        default=None,
        help="score every labelled set of this kind under corpus/ pooled",
    )
    parser.add_argument(
        "--save", type=Path, default=None, help="with --pooled: write every call as JSON here"
    )
    parser.add_argument(
        "--compare",
        type=Path,
        default=None,
        help="with --pooled: list every call that changed since a run saved with --save",
    )
    args = parser.parse_args(argv)
    if args.first_runs:
        print(format_first_runs())
        return 0
    if args.pooled is not None:
        return _main_pooled(args.pooled, args.save, args.compare)

    names = SET_NAMES if args.set_name == "all" else (args.set_name,)
    if args.set_name == "all" and args.data is not None:
        names = tuple(n for n in names if (args.data / f"{n}.jsonl").is_file())
    try:
        if args.file is not None and args.second_labels is not None:
            if args.labels is None:
                parser.error("--second-labels needs --labels (the first labeller's)")
            evaluations = list(run_agreement(args.file, args.kind, args.labels, args.second_labels))
        elif args.file is not None:
            evaluations = [run_file(args.file, args.kind, labels=args.labels)]
        else:
            evaluations = [run(name, data_dir=args.data) for name in names]
    except NotImplementedError as exc:
        detail = f" ({exc})" if str(exc) else ""
        print(f"evaluate: error: the linter is not implemented yet{detail}", file=sys.stderr)
        return 2
    except ImportError as exc:
        print(f"evaluate: error: cannot import the system to measure: {exc}", file=sys.stderr)
        return 2
    except StarkitError as exc:
        print(f"evaluate: error: {exc}", file=sys.stderr)
        return 2

    if args.json:
        payload: dict[str, Any] = {
            ev.set_name: {name: s.as_dict() for name, s in ev.scores.items()} for ev in evaluations
        }
        types = {
            ev.set_name: {"found": dict(ev.types_found), "labelled": dict(ev.types_labelled)}
            for ev in evaluations
            if ev.types_found
        }
        if types:
            payload["question_types"] = types
        print(json.dumps(payload, indent=2))
    else:
        print("\n\n".join(format_table(ev) for ev in evaluations))
    if args.errors:
        print()
        print("\n\n".join(format_misses(ev) for ev in evaluations))
    return 0


def _main_pooled(kind: str, save: Path | None, compare: Path | None) -> int:
    """`--pooled`: the pooled table; with `--compare`, the calls changed since a saved run."""
    try:
        before = json.loads(compare.read_text(encoding="utf-8")) if compare is not None else None
        pooled = run_pooled(kind)
    except (OSError, ValueError, StarkitError) as exc:
        print(f"evaluate: error: {exc}", file=sys.stderr)
        return 2
    print(format_table(pooled.evaluation))
    if save is not None:
        save.write_text(json.dumps(pooled.calls, ensure_ascii=False), encoding="utf-8")
    if before is not None:
        print()
        print(compare_calls(before, pooled.calls))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
