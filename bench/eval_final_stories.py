"""Score the linter and the STAR segmenter on the sealed final story set (run once, report).

    .venv/bin/python bench/eval_final_stories.py [--data tests/data/final/stories.jsonl]

For each story it calls `starkit.lint(text, "story")` and `starkit.parse_story(text)` and prints:

* per-rule precision / recall / F1 over the story's `fires` list (every RULES.md code that must
  fire on the story; a code that fires and is not listed is a false positive);
* per-sentence section accuracy: a hand-labelled sentence counts as correct when the section
  that contains its start offset carries the same label (no section there counts as "none");
  overall, labelled vs plain-prose stories, and a confusion table;
* whether the sections `parse_story` could not find match the hand-labelled missing sections;
* every error, so a reader can judge whether the label or the linter is right.

The set is sealed: its labels were written from shared/RULES.md alone and committed before
this script was first run. Do not tune rules on its errors (tests/data/final/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import starkit  # noqa: E402
from starkit.models import SECTION_NAMES, Story  # noqa: E402

DEFAULT_DATA = ROOT / "tests" / "data" / "final" / "stories.jsonl"
STORY_CODES = (
    "no-quantification",
    "vanity-metric",
    "missing-guardrail",
    "missing-baseline",
    "weak-verb",
    "vague-language",
    "unfilled-placeholder",
    "star-missing-section",
    "result-unquantified",
    "we-not-i",
    "answer-length",
)


def section_at(story: Story, offset: int) -> str:
    """The name of the section whose span contains `offset`, or "none"."""
    for sec in story.sections:
        if sec.start <= offset < sec.end:
            return sec.name
    return "none"


def ratio(num: int, den: int) -> float:
    """num/den, 0.0 for an empty denominator."""
    return num / den if den else 0.0


def main(argv: list[str] | None = None) -> int:
    """Print the rule table, the segmentation accuracy and every error."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    records = [json.loads(x) for x in args.data.read_text(encoding="utf-8").splitlines() if x]

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    rule_errors: list[str] = []
    sent_ok: Counter[str] = Counter()
    sent_all: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    sent_errors: list[str] = []
    missing_agree = 0
    missing_errors: list[str] = []

    for rec in records:
        text = rec["text"]
        gold = set(rec["fires"])
        report = starkit.lint(text, "story")
        pred = {f.rule for f in report.findings}
        for code in STORY_CODES:
            if code in gold and code in pred:
                tp[code] += 1
            elif code in pred:
                fp[code] += 1
            elif code in gold:
                fn[code] += 1
        extra, lost = sorted(pred - gold), sorted(gold - pred)
        if extra or lost:
            msgs = [f.message for f in report.findings if f.rule in extra]
            rule_errors.append(
                f"  {rec['id']}: FP {extra or '-'}  FN {lost or '-'}"
                + "".join(f"\n      fired: {m}" for m in msgs)
            )

        story = starkit.parse_story(text)
        group = "labelled" if rec["labelled"] else "prose"
        for s in rec["sentences"]:
            got = section_at(story, s["start"])
            confusion[(s["label"], got)] += 1
            sent_all[group] += 1
            if got == s["label"]:
                sent_ok[group] += 1
            else:
                snippet = text[s["start"] : s["end"]][:90]
                sent_errors.append(f"  {rec['id']} gold={s['label']} got={got}: {snippet}")
        found = {sec.name for sec in story.sections}
        missing_pred = sorted(set(SECTION_NAMES) - found)
        missing_gold = sorted(rec["rules"]["star-missing-section"])
        if missing_pred == missing_gold:
            missing_agree += 1
        else:
            missing_errors.append(f"  {rec['id']}: gold {missing_gold} parse_story {missing_pred}")

    print(f"stories: {len(records)}\n")
    print(f"{'rule':<22}{'supp':>5}{'TP':>4}{'FP':>4}{'FN':>4}{'P':>7}{'R':>7}{'F1':>7}")
    for code in (*STORY_CODES, "micro"):
        if code == "micro":
            t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            t, f_p, f_n = tp[code], fp[code], fn[code]
        p, r = ratio(t, t + f_p), ratio(t, t + f_n)
        f1 = ratio(2 * p * r, p + r)
        print(f"{code:<22}{t + f_n:>5}{t:>4}{f_p:>4}{f_n:>4}{p:>7.3f}{r:>7.3f}{f1:>7.3f}")

    total_ok, total = sum(sent_ok.values()), sum(sent_all.values())
    print("\nper-sentence section accuracy (section containing the sentence's start offset)")
    print(f"  overall   {ratio(total_ok, total):.1%} ({total_ok}/{total})")
    for group in ("labelled", "prose"):
        print(
            f"  {group:<9} {ratio(sent_ok[group], sent_all[group]):.1%} "
            f"({sent_ok[group]}/{sent_all[group]})"
        )
    names = [*SECTION_NAMES, "none"]
    print("\n  confusion (rows gold, columns parse_story)")
    print("  " + " " * 10 + "".join(f"{n[:6]:>8}" for n in names))
    for g in SECTION_NAMES:
        print(f"  {g:<10}" + "".join(f"{confusion[(g, n)]:>8}" for n in names))
    print(f"\nmissing sections agree with parse_story: {missing_agree}/{len(records)}")

    print("\nrule errors")
    print("\n".join(rule_errors) or "  none")
    print("\nsentence errors")
    print("\n".join(sent_errors) or "  none")
    print("\nmissing-section disagreements")
    print("\n".join(missing_errors) or "  none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
