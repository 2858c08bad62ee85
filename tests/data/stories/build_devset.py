"""Build stories.jsonl from the hand-labelled devset.txt (run after editing devset.txt).

    .venv/bin/python tests/data/stories/build_devset.py

Each JSONL record: id, title, labelled, split, text, words, sentences (start, end, label as
offsets into text), rules (hand labels for the story rules of shared/RULES.md: the missing
sections, and yes/no for we-not-i, result-unquantified, answer-length) and fires (the story rule
codes that must fire on the text, in the form the bullet and email dev sets use). The script
also cross-checks the we-not-i hand label against a plain pronoun count of the Action sentences
and prints any disagreement, so a labelling slip gets a second look (it does not overwrite it).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "devset.txt"
TARGET = HERE / "stories.jsonl"
NAMES = {"S": "situation", "T": "task", "A": "action", "R": "result"}
TAG = re.compile(r"\{([STAR])\}(.*?)\{/\}", re.DOTALL)
YESNO = {"yes": True, "no": False}
STORY_RULES = ("star-missing-section", "we-not-i", "result-unquantified", "answer-length")


def parse(source: str) -> list[dict]:
    """Parse devset.txt into JSON-ready records."""
    body = "\n".join(line for line in source.splitlines() if not line.startswith("#"))
    records = []
    for chunk in re.split(r"^=== ", body, flags=re.MULTILINE)[1:]:
        head, _, raw = chunk.partition("\n---\n")
        lines = head.splitlines()
        meta = dict(line.split(": ", 1) for line in lines[1:] if line.strip())
        raw = raw.strip("\n")
        text, sentences, pos = "", [], 0
        for m in TAG.finditer(raw):
            text += raw[pos : m.start()]
            start = len(text)
            text += m.group(2)
            sentences.append({"start": start, "end": len(text), "label": NAMES[m.group(1)]})
            pos = m.end()
        text += raw[pos:]
        if "{" in text or "}" in text:
            raise SystemExit(f"{lines[0]}: unbalanced sentence tag")
        present = {s["label"] for s in sentences}
        words = len(text.split())
        records.append(
            {
                "id": lines[0].strip(),
                "title": meta["title"],
                "labelled": YESNO[meta["labelled"]],
                "split": meta["split"],
                "text": text,
                "words": words,
                "sentences": sentences,
                "rules": {
                    "star-missing-section": [n for n in NAMES.values() if n not in present],
                    "we-not-i": YESNO[meta["we_not_i"]],
                    "result-unquantified": YESNO[meta["result_unquantified"]],
                    "answer-length": words < 300 or words > 600,
                },
            }
        )
        rules = records[-1]["rules"]
        records[-1]["fires"] = [code for code in STORY_RULES if rules[code]]
    return records


def pronoun_check(rec: dict) -> str | None:
    """A disagreement message when a plain count contradicts the we-not-i hand label."""
    action = " ".join(
        rec["text"][s["start"] : s["end"]] for s in rec["sentences"] if s["label"] == "action"
    )
    plural = len(re.findall(r"\b(?:we|our|us|ours)\b", action, re.IGNORECASE))
    single = len(re.findall(r"\b(?:I|my|me|mine)\b", action)) + len(
        re.findall(r"(?<![\w'])i(?![\w'])", action)
    )
    if (plural > single) != rec["rules"]["we-not-i"]:
        return f"{rec['id']}: we-not-i labelled {rec['rules']['we-not-i']} but {plural} vs {single}"
    return None


def main() -> int:
    records = parse(SOURCE.read_text(encoding="utf-8"))
    with TARGET.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    notes = [n for n in (pronoun_check(r) for r in records) if n]
    for n in notes:
        print("check:", n)
    n_sent = sum(len(r["sentences"]) for r in records)
    print(f"{len(records)} stories, {n_sent} sentences -> {TARGET.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
