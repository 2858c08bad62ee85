"""The evaluation script's arithmetic, matching and loading, driven by stand-in linters.

The real linter's scores are not asserted here: the lead sets the thresholds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from starkit.errors import InputError, StarkitError
from starkit.models import Finding, Report, UnitReport
from tools import evaluate as ev

# --- Scores ----------------------------------------------------------------------------------


def test_scores_arithmetic():
    s = ev.Scores(tp=8, fp=2, fn=4)
    assert s.support == 12
    assert s.precision == pytest.approx(0.8)
    assert s.recall == pytest.approx(8 / 12)
    assert s.f1 == pytest.approx(2 * 0.8 * (8 / 12) / (0.8 + 8 / 12))


def test_scores_empty_denominators():
    assert (ev.Scores().precision, ev.Scores().recall) == (1.0, 1.0)
    never_fires = ev.Scores(fn=3)
    assert (never_fires.precision, never_fires.recall, never_fires.f1) == (1.0, 0.0, 0.0)
    only_false_alarms = ev.Scores(fp=2)
    assert (only_false_alarms.precision, only_false_alarms.recall) == (0.0, 1.0)
    assert only_false_alarms.f1 == 0.0


def test_scores_add_and_dict():
    total = ev.Scores(1, 2, 3) + ev.Scores(4, 5, 6)
    assert (total.tp, total.fp, total.fn) == (5, 7, 9)
    d = ev.Scores(tp=1, fp=1, fn=0).as_dict()
    assert d == {
        "support": 1,
        "tp": 1,
        "fp": 1,
        "fn": 0,
        "precision": 0.5,
        "recall": 1.0,
        "f1": pytest.approx(0.6667),
    }


# --- per-text rule scoring -------------------------------------------------------------------


def _items(*pairs: tuple[str, set[str]]) -> list[ev.LabelledText]:
    return [
        ev.LabelledText(f"t{i}", text, frozenset(rules)) for i, (text, rules) in enumerate(pairs)
    ]


def test_score_rules_counts_each_text_and_rule_once():
    items = _items(
        ("a", {"weak-verb", "no-quantification"}),
        ("b", {"weak-verb"}),
        ("c", set()),
        ("d", {"vague-language"}),
    )
    predicted = [
        ["weak-verb", "weak-verb"],  # duplicate findings of one rule count once
        [],
        ["weak-verb", "we-not-i"],  # a code outside the set's rules
        ["vague-language"],
    ]
    result = ev.score_rules(
        items, predicted, ["weak-verb", "no-quantification", "vague-language", "missing-baseline"]
    )
    s = result.scores
    assert (s["weak-verb"].tp, s["weak-verb"].fp, s["weak-verb"].fn) == (1, 1, 1)
    assert (s["no-quantification"].tp, s["no-quantification"].fn) == (0, 1)
    assert (s["vague-language"].tp, s["vague-language"].fp, s["vague-language"].fn) == (1, 0, 0)
    assert s["missing-baseline"] == ev.Scores()  # listed rules always get a row
    assert s["we-not-i"] == ev.Scores(fp=1)  # unexpected codes are not hidden
    by_id = {m.id: m for m in result.misses}
    assert set(by_id) == {"t0", "t1", "t2"}
    assert by_id["t0"].missing == ("no-quantification",) and by_id["t0"].extra == ()
    assert by_id["t2"].extra == ("we-not-i", "weak-verb")
    assert result.micro() == ev.Scores(tp=2, fp=2, fn=2)


def test_score_rules_needs_one_prediction_per_text():
    with pytest.raises(ValueError):
        ev.score_rules(_items(("a", set())), [], ["weak-verb"])


# --- span matching ---------------------------------------------------------------------------


def test_match_spans_by_overlap():
    gold = [(0, 5), (10, 14)]
    counts, missed, false_alarms = ev.match_spans(gold, [(3, 7), (20, 22)])
    assert counts == ev.Scores(tp=1, fp=1, fn=1)
    assert missed == [(10, 14)] and false_alarms == [(20, 22)]


def test_touching_spans_do_not_overlap():
    counts, _, _ = ev.match_spans([(0, 5)], [(5, 8)])
    assert counts == ev.Scores(tp=0, fp=1, fn=1)


def test_merged_and_split_predictions_are_not_penalised():
    # "from 3.5 to 2.8 weeks" marked as one span still finds both gold numbers
    counts, _, _ = ev.match_spans([(5, 8), (12, 15)], [(5, 21)])
    assert counts == ev.Scores(tp=2, fp=0, fn=0)
    # "$" and "1.2M" as two spans inside one gold "$1.2M"
    counts, _, _ = ev.match_spans([(6, 11)], [(6, 7), (7, 11)])
    assert counts == ev.Scores(tp=1, fp=0, fn=0)


def test_score_quantities_span_and_text_rows():
    cases = [
        ev.QuantityCase("q1", "Cut costs 40% in 2021", ((10, 13),)),
        ev.QuantityCase("q2", "Migrated to Python 3", ()),
        ev.QuantityCase("q3", "Mentored three engineers", ((9, 14),)),
    ]
    predicted = [[(10, 13), (17, 21)], [(19, 20)], []]
    result = ev.score_quantities(cases, predicted)
    assert result.scores[ev.QUANTITY_SPAN] == ev.Scores(tp=1, fp=2, fn=1)
    # texts with a quantity: q1 found (TP), q2 wrongly (FP), q3 missed (FN)
    assert result.scores[ev.QUANTITY_PRESENT] == ev.Scores(tp=1, fp=1, fn=1)
    by_id = {m.id: m for m in result.misses}
    assert by_id["q1"].extra == ("2021",) and by_id["q1"].missing == ()
    assert by_id["q2"].extra == ("3",)
    assert by_id["q3"].missing == ("three",)


# --- locating labelled substrings ------------------------------------------------------------


def test_locate_spans_in_order_on_word_boundaries():
    text = "Cut onboarding from 140 to 40 days, then 40 more"
    assert ev.locate_spans(text, ["40", "40"]) == [(27, 29), (41, 43)]


def test_locate_spans_pinned_offset():
    text = "Upgraded Python 3 services for 3 teams"
    assert ev.locate_spans(text, [ev.PinnedQuantity(text="3", start=31)]) == [(31, 32)]
    with pytest.raises(ValueError, match="not at offset"):
        ev.locate_spans(text, [ev.PinnedQuantity(text="3", start=30)])


@pytest.mark.parametrize(
    ("text", "subs"),
    [
        ("Saved $1.2M", ["$2M"]),  # absent
        ("Processed 40k orders", ["40"]),  # would cut "40k" in two
        ("Cut 3 steps", ["3", "3"]),  # only one occurrence
    ],
)
def test_locate_spans_rejects_bad_labels(text, subs):
    with pytest.raises(ValueError):
        ev.locate_spans(text, subs)


# --- loading ---------------------------------------------------------------------------------


def _write(path: Path, rows: list[object]) -> Path:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", "utf-8"
    )
    return path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"id": "b1", "text": "x", "rules": ["we-not-i"]}, "does not apply"),
        ({"id": "b1", "text": "x", "rules": ["weak-verb", "weak-verb"]}, "listed twice"),
        ({"id": "b1", "text": "x", "rules": [], "label": "typo"}, "unknown field"),
        ({"id": "b1", "text": "", "rules": []}, "text"),
        ('{"id": "b1", "text": ', "invalid JSON"),
    ],
)
def test_load_labelled_errors_name_file_and_line(tmp_path, row, message):
    good = {"id": "b0", "text": "Led SOC 2 audit", "rules": ["no-quantification"]}
    path = _write(tmp_path / "bullets.jsonl", [good, row])
    with pytest.raises(InputError, match=message) as info:
        ev.load_labelled(path, ev.BULLET_RULES)
    assert f"{path}:2:" in str(info.value)
    assert "\n" not in str(info.value)


def test_load_labelled_rejects_duplicate_ids_and_missing_file(tmp_path):
    row = {"id": "b1", "text": "x", "rules": []}
    with pytest.raises(InputError, match="duplicate id 'b1'"):
        ev.load_labelled(_write(tmp_path / "dup.jsonl", [row, row]), ev.BULLET_RULES)
    with pytest.raises(StarkitError, match="not found"):
        ev.load_labelled(tmp_path / "absent.jsonl", ev.BULLET_RULES)


def test_load_quantities_default_ids_and_bad_substring(tmp_path):
    path = _write(
        tmp_path / "quantities.jsonl",
        [{"text": "Grew ARR 3x", "quantities": ["3x"]}, "", {"text": "Python 3", "quantities": []}],
    )
    cases = ev.load_quantities(path)
    assert [c.id for c in cases] == ["q001", "q003"]
    assert cases[0].span_texts() == ("3x",)
    bad = _write(tmp_path / "bad.jsonl", [{"text": "Grew ARR 3x", "quantities": ["3"]}])
    with pytest.raises(InputError, match=r"bad\.jsonl:1: 'q001'"):
        ev.load_quantities(bad)


# --- running a stand-in system ---------------------------------------------------------------

BULLETS = [
    {"id": "b1", "text": "Helped the team ship", "rules": ["weak-verb", "no-quantification"]},
    {"id": "b2", "text": "Cut build time from 40 to 12 minutes", "rules": []},
    {"id": "b3", "text": "Grew sign-ups 3x", "rules": ["vanity-metric", "missing-baseline"]},
]
EMAILS = [
    {
        "id": "e1",
        "text": "Dear Name, thanks!",
        "rules": ["unfilled-placeholder", "email-no-metric"],
    },
]
QUANTITIES = [
    {"text": "Cut build time from 40 to 12 minutes", "quantities": ["40", "12"]},
    {"text": "Migrated to Python 3", "quantities": []},
]


def _fake_lint(text: str, kind: str) -> Report:
    """A keyword linter: 'helped' -> weak-verb, no digit -> no-quantification, '3x' -> baseline."""
    rules = []
    if "helped" in text.lower():
        rules.append("weak-verb")
    if not re.search(r"\d", text):
        rules.append("email-no-metric" if kind == "email" else "no-quantification")
    if "3x" in text:
        rules.append("missing-baseline")
    findings = [
        Finding(rule=r, severity="warning", message="m", start=0, end=1, suggestion="s")
        for r in rules
    ]
    return Report(kind=kind, text=text, findings=findings, score=50, units=[])


@dataclass
class _Q:
    start: int
    end: int
    text: str


def _fake_find_quantities(text: str) -> list[_Q]:
    return [_Q(m.start(), m.end(), m.group()) for m in re.finditer(r"\d+", text)]


@pytest.fixture
def devset_dir(tmp_path):
    _write(tmp_path / "bullets.jsonl", BULLETS)
    _write(tmp_path / "emails.jsonl", EMAILS)
    _write(tmp_path / "quantities.jsonl", QUANTITIES)
    return tmp_path


def test_evaluate_bullets_with_fake_linter(devset_dir):
    scores = ev.evaluate("bullets", data_dir=devset_dir, lint=_fake_lint)
    assert scores["weak-verb"] == ev.Scores(tp=1)
    assert scores["no-quantification"] == ev.Scores(tp=1)
    assert scores["missing-baseline"] == ev.Scores(tp=1)
    assert scores["vanity-metric"] == ev.Scores(fn=1)
    assert set(ev.BULLET_RULES) <= set(scores)


def test_evaluate_emails_passes_the_email_kind(devset_dir):
    scores = ev.evaluate("emails", data_dir=devset_dir, lint=_fake_lint)
    assert scores["email-no-metric"] == ev.Scores(tp=1)
    assert scores["unfilled-placeholder"] == ev.Scores(fn=1)
    assert "no-quantification" not in scores


def test_evaluate_quantities_with_fake_detector(devset_dir):
    scores = ev.evaluate("quantities", data_dir=devset_dir, find_quantities=_fake_find_quantities)
    assert scores[ev.QUANTITY_SPAN] == ev.Scores(tp=2, fp=1, fn=0)
    assert scores[ev.QUANTITY_PRESENT] == ev.Scores(tp=1, fp=1, fn=0)


def test_linter_rejection_names_the_text(devset_dir):
    def rejecting(text: str, kind: str) -> Report:
        raise InputError("text too long")

    with pytest.raises(InputError, match=r"bullets 'b1'.*text too long"):
        ev.evaluate("bullets", data_dir=devset_dir, lint=rejecting)


def test_unknown_set_is_an_input_error(devset_dir):
    with pytest.raises(InputError, match="unknown set"):
        ev.evaluate("poems", data_dir=devset_dir, lint=_fake_lint)


# --- the command line ------------------------------------------------------------------------


def test_main_prints_tables_and_errors(devset_dir, monkeypatch, capsys):
    monkeypatch.setattr(ev, "_default_lint", lambda: _fake_lint)
    monkeypatch.setattr(ev, "_default_find_quantities", lambda: _fake_find_quantities)
    assert ev.main(["--data", str(devset_dir), "--errors"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^vanity-metric\s+1\s+0\s+0\s+1\s+1\.000\s+0\.000\s+0\.000$", out, re.M)
    assert re.search(r"^quantity-span\s+2\s+2\s+1\s+0\s+0\.667\s+1\.000", out, re.M)
    assert "b3: missed vanity-metric" in out
    assert "Grew sign-ups 3x" in out


def test_main_json(devset_dir, monkeypatch, capsys):
    monkeypatch.setattr(ev, "_default_lint", lambda: _fake_lint)
    assert ev.main(["--data", str(devset_dir), "--set", "bullets", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["bullets"]["vanity-metric"]["fn"] == 1
    assert payload["bullets"]["weak-verb"]["precision"] == 1.0


def test_main_reports_unimplemented_engine_in_one_line(devset_dir, monkeypatch, capsys):
    def unimplemented(text: str, kind: str) -> Report:
        raise NotImplementedError("lint engine pending")

    monkeypatch.setattr(ev, "_default_lint", lambda: unimplemented)
    assert ev.main(["--data", str(devset_dir), "--set", "emails"]) == 2
    err = capsys.readouterr().err
    assert "not implemented" in err and err.count("\n") == 1


def test_main_reports_bad_data_in_one_line(tmp_path, capsys):
    _write(tmp_path / "bullets.jsonl", [{"id": "b1", "text": "x", "rules": ["nope"]}])
    assert ev.main(["--data", str(tmp_path), "--set", "bullets"]) == 2
    err = capsys.readouterr().err
    assert "bullets.jsonl:1" in err and err.count("\n") == 1


def test_any_labelled_file_with_labels_joined_by_id(tmp_path):
    """`--file` + `--labels`: texts with extra fields, labels in a second file, unlabelled
    lines skipped, per-rule scores of the kind."""
    texts = tmp_path / "dev.jsonl"
    texts.write_text(
        "\n".join(
            json.dumps(r)
            for r in (
                {"id": "a", "text": "Helped the team ship", "source": "repo/x"},
                {"id": "b", "text": "Grew sign-ups 3x", "source": "repo/y"},
                {"id": "c", "text": "Led 4 squads", "source": "repo/z"},
            )
        ),
        encoding="utf-8",
    )
    labels = tmp_path / "dev.labels.jsonl"
    labels.write_text(
        '{"id": "a", "rules": ["weak-verb"]}\n{"id": "b", "rules": []}\n', encoding="utf-8"
    )
    evaluation = ev.run_file(texts, "bullet", labels=labels, lint=_fake_lint)
    assert evaluation.set_name == "dev.jsonl"
    scores = evaluation.scores
    assert scores["weak-verb"].tp == 1 and scores["weak-verb"].fp == 0
    assert scores["no-quantification"].tp == 0 and scores["no-quantification"].fp == 1
    assert scores["missing-baseline"].fp == 1
    assert [t.id for t in ev.load_any(texts, "bullet", labels)] == ["a", "b"]  # 'c': no label


def test_any_labelled_file_rejects_rules_of_another_kind(tmp_path):
    texts = tmp_path / "x.jsonl"
    texts.write_text('{"id": "a", "text": "Hi", "rules": ["email-length"]}\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a bullet rule"):
        ev.run_file(texts, "bullet", lint=_fake_lint)


# --- metrics answers (`--kind answer`) -------------------------------------------------------


def _fake_answer_lint(text: str, kind: str, question: str | None = None) -> Report:
    """Types the question 'tradeoff' when it asks 'should', else 'success'; fires
    answer-no-goal when the answer has no 'goal' and answer-no-guardrail when no 'churn'."""
    assert kind == "answer"
    qtype = "tradeoff" if question and "should" in question.lower() else "success"
    rules = []
    if "goal" not in text.lower() and qtype == "success":
        rules.append("answer-no-goal")
    if "churn" not in text.lower():
        rules.append("answer-no-guardrail")
    findings = [
        Finding(rule=r, severity="warning", message="m", start=0, end=1, suggestion="s")
        for r in rules
    ]
    unit = UnitReport(
        index=0,
        kind="answer",
        start=0,
        end=len(text),
        text=text,
        score=50,
        words=len(text.split()),
        details={"question_type": qtype},
    )
    return Report(kind="answer", text=text, findings=findings, score=50, units=[unit])


ANSWERS = [
    {"id": "a1", "question": "Should we run the deal?", "text": "Revenue per coupon; churn."},
    {"id": "a2", "question": "How would you measure success?", "text": "DAU and sessions."},
    {"id": "a3", "question": "Should we fund the show?", "text": "Watch hours."},
]
ANSWER_LABELS = [
    {"id": "a1", "type": "tradeoff", "rules": []},
    {"id": "a2", "type": "success", "rules": ["answer-no-goal", "answer-no-guardrail"]},
    {"id": "a3", "type": "success", "rules": ["answer-no-guardrail", "answer-no-goal"]},
]


@pytest.fixture
def answers_files(tmp_path):
    _write(tmp_path / "answers.jsonl", ANSWERS)
    _write(tmp_path / "answers.labels.jsonl", ANSWER_LABELS)
    return tmp_path / "answers.jsonl", tmp_path / "answers.labels.jsonl"


def test_answers_are_linted_with_their_question_and_scored_per_rule(answers_files):
    texts, labels = answers_files
    evaluation = ev.run_file(texts, "answer", labels=labels, lint=_fake_answer_lint)
    assert set(ev.ANSWER_RULES) <= set(evaluation.scores)
    # a3's question asks 'should': typed tradeoff, so the success-only rule stays silent
    assert evaluation.scores["answer-no-goal"] == ev.Scores(tp=1, fn=1)
    assert evaluation.scores["answer-no-guardrail"] == ev.Scores(tp=2)
    assert evaluation.types_found == {"tradeoff": 2, "success": 1}
    assert evaluation.types_labelled == {"tradeoff": 1, "success": 2}
    assert [(t.id, t.found, t.labelled) for t in evaluation.type_misses] == [
        ("a3", "tradeoff", "success")
    ]


def test_answer_table_prints_types_found_against_labelled(answers_files, monkeypatch, capsys):
    texts, labels = answers_files
    monkeypatch.setattr(ev, "_default_lint", lambda: _fake_answer_lint)
    args = ["--file", str(texts), "--labels", str(labels), "--kind", "answer", "--errors"]
    assert ev.main(args) == 0
    out = capsys.readouterr().out
    assert "question types found: tradeoff 2, success 1" in out
    assert "question types labelled: success 2, tradeoff 1" in out
    assert "types agreeing: 2/3 labelled" in out
    assert "a3: found tradeoff, labelled success" in out
    assert "Should we fund the show?" in out
    assert "a3: missed answer-no-goal" in out


def test_answer_json_carries_the_question_types(answers_files, monkeypatch, capsys):
    texts, labels = answers_files
    monkeypatch.setattr(ev, "_default_lint", lambda: _fake_answer_lint)
    args = ["--file", str(texts), "--labels", str(labels), "--kind", "answer", "--json"]
    assert ev.main(args) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["answers.jsonl"]["answer-no-goal"]["fn"] == 1
    assert payload["question_types"]["answers.jsonl"]["found"] == {"tradeoff": 2, "success": 1}


def test_answer_labels_reject_an_unknown_question_type(answers_files):
    texts, labels = answers_files
    _write(labels, [{"id": "a1", "type": "strategy", "rules": []}])
    with pytest.raises(InputError, match="unknown question type 'strategy'"):
        ev.run_file(texts, "answer", labels=labels, lint=_fake_answer_lint)


def test_a_question_is_passed_to_answers_only(tmp_path):
    """A story's prompt (`question`) is context: the story is linted without it."""
    texts = tmp_path / "s.jsonl"
    _write(
        texts, [{"id": "s1", "question": "Tell me about...", "text": "Led 4 squads", "rules": []}]
    )
    seen: list[tuple] = []

    def two_args(text: str, kind: str) -> Report:
        seen.append((text, kind))
        return _fake_lint(text, kind)

    ev.run_file(texts, "story", lint=two_args)
    assert seen == [("Led 4 squads", "story")]


def test_answer_rules_match_the_registry():
    """Every rule the registry applies to answers is scored, and nothing else."""
    from starkit.rules import load_rules

    applied = {code for code, spec in load_rules().items() if "answer" in spec.kinds}
    assert applied == set(ev.ANSWER_RULES)


def test_agreement_scores_the_second_labeller_and_the_linter_where_both_agree(tmp_path):
    texts = tmp_path / "set.jsonl"
    first = tmp_path / "a.labels.jsonl"
    second = tmp_path / "b.labels.jsonl"
    rows = [
        ("t1", "helped the team ship", ["weak-verb", "no-quantification"]),
        ("t2", "Grew sign-ups 3x", ["missing-baseline"]),
        ("t3", "Led the roadmap", ["no-quantification"]),
    ]
    texts.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t, _ in rows))
    first.write_text("".join(json.dumps({"id": i, "rules": r}) + "\n" for i, _, r in rows))
    # the second labeller misses the weak verb of t1 and adds one to t3; t2 alike
    other = {"t1": ["no-quantification"], "t2": ["missing-baseline"], "t3": ["weak-verb"]}
    second.write_text("".join(json.dumps({"id": i, "rules": r}) + "\n" for i, r in other.items()))
    agreement, system = ev.run_agreement(texts, "bullet", first, second, lint=_fake_lint)
    weak = agreement.scores["weak-verb"]
    assert (weak.tp, weak.fp, weak.fn) == (0, 1, 1)
    nq = agreement.scores["no-quantification"]
    assert (nq.tp, nq.fp, nq.fn) == (1, 0, 1)
    assert system.size == 1  # only t2 is labelled alike by both
    assert system.scores["missing-baseline"].tp == 1


def test_agreement_lints_an_answer_with_its_question(tmp_path):
    """The linter's table on agreed answers lints each with the question it answers, as the
    first-run table does (an answer's rules depend on its question's type)."""
    texts = tmp_path / "answers.jsonl"
    first = tmp_path / "a.labels.jsonl"
    second = tmp_path / "b.labels.jsonl"
    row = {"id": "a1", "text": "Ship it: conversion rose 2%.", "question": "Should we ship?"}
    texts.write_text(json.dumps(row) + "\n")
    for path in (first, second):
        path.write_text(json.dumps({"id": "a1", "rules": ["answer-length"]}) + "\n")
    seen: list[tuple] = []

    def with_question(text: str, kind: str, question: str | None = None) -> Report:
        seen.append((text, kind, question))
        return _fake_lint(text, kind)

    ev.run_agreement(texts, "answer", first, second, lint=with_question)
    assert seen == [("Ship it: conversion rose 2%.", "answer", "Should we ship?")]


# --- Pooled runs and the calls a change moves --------------------------------------------------


def _pooled_corpus(root: Path) -> Path:
    folder = root / "heldout_bullets"
    folder.mkdir(parents=True)
    rows = [
        {"id": "a1", "text": "Helped the team ship the app"},
        {"id": "a2", "text": "Cut churn 12% in Q3"},
    ]
    labels = [{"id": "a1", "rules": ["weak-verb", "no-quantification"]}, {"id": "a2", "rules": []}]
    (folder / "setx.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (folder / "setx.labels.jsonl").write_text("\n".join(json.dumps(r) for r in labels) + "\n")
    (folder / "unlabelled.jsonl").write_text(json.dumps({"id": "u1", "text": "No labels"}) + "\n")
    return root


def test_pooled_run_scores_every_labelled_set_and_keys_each_call(tmp_path):
    pooled = ev.run_pooled("bullet", corpus=_pooled_corpus(tmp_path), lint=_fake_lint)
    assert set(pooled.calls) == {"heldout_bullets/setx:a1", "heldout_bullets/setx:a2"}
    assert pooled.calls["heldout_bullets/setx:a1"]["pred"] == ["no-quantification", "weak-verb"]
    assert pooled.evaluation.scores["weak-verb"].tp == 1
    assert pooled.evaluation.size == 2  # the unlabelled file is skipped


def test_compare_calls_names_each_changed_call_right_or_wrong():
    gold = {"text": "t", "gold": ["weak-verb"]}
    before = {"s:1": {**gold, "pred": []}, "s:2": {**gold, "pred": ["weak-verb"]}}
    after = {
        "s:1": {**gold, "pred": ["weak-verb"]},
        "s:2": {**gold, "pred": ["no-quantification", "weak-verb"]},
    }
    out = ev.compare_calls(before, after)
    assert out.splitlines()[0].startswith("1 calls right, 1 wrong")
    assert "right +weak-verb s:1" in out and "WRONG +no-quantification s:2" in out
