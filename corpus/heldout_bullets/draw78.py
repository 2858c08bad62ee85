"""Draw set78: result lines from agency / consultant / freelancer case studies.

Reads only the texts saved under raw/ (raw/manifest.json lists them), so it reruns offline.
Every choice below is mechanical: section headings or fields, word counts, a personal-data
screen, exact and near duplicates, one plain regex, and random.Random(78).
"""

import html
import itertools
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

import gender_guesser.detector as gender_detector
import yaml
from set_filter import KEEP_RE as KEEP  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
OUT = HERE / "set78.jsonl"
STATS = HERE / "set78.stats.json"
SEEN = Path("/work/briefs/seen_texts.txt")

MAX_PER_REPO = 4
MAX_PER_STUDY = 4
MAX_LINES = 200
NGRAM = 6
OVERLAP = 0.30

RESULT_TITLE = re.compile(
    r"^(the\s+|key\s+|our\s+)?(results?|outcomes?|impact|what\s+we\s+achieved)\b", re.I
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"(\+?\d[\d\s().-]{7,}\d)")
URL = re.compile(r"https?://|www\.|\b[\w-]+\.(com|org|net|io|co|uk|de|dev|app)\b/?", re.I)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
HTML_HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.I | re.S)
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
TOKEN = re.compile(r"[a-z0-9%$']+")
NAMES = gender_detector.Detector(case_sensitive=False)


def split_front_matter(text: str) -> tuple[str, str]:
    """Return (front matter, body) of a Markdown / HTML file."""
    match = re.match(r"^---\s*\n(.*?)\n---\s*\n?(.*)$", text, re.S)
    if match:
        return match.group(1), match.group(2)
    return "", text


def strings_in(value: Any) -> list[str]:
    """Every string leaf of a YAML / JSON value, in document order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings_in(item)]
    return []


def heading_sections(body: str) -> list[str]:
    """Text under every heading whose title names results, up to the next equal heading."""
    body = HTML_HEADING.sub(lambda m: "\n" + "#" * int(m.group(1)) + " " + m.group(2) + "\n", body)
    blocks: list[str] = []
    current: list[str] | None = None
    level = 0
    fenced = False
    for line in body.splitlines():
        if line.strip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        match = HEADING.match(line.strip())
        if match:
            depth = len(match.group(1))
            title = clean(match.group(2))
            if current is not None and depth <= level:
                blocks.append("\n".join(current))
                current = None
            if current is None and RESULT_TITLE.match(title):
                current, level = [], depth
            elif current is not None:
                current.append("")
            continue
        if current is not None:
            current.append(line)
    if current is not None:
        blocks.append("\n".join(current))
    return blocks


def pair_sections(front: dict[str, Any], key: str) -> list[str]:
    """Texts of list entries under key whose title field names results."""
    blocks: list[str] = []
    for item in front.get(key) or []:
        if not isinstance(item, dict):
            continue
        titles = [v for k, v in item.items() if "title" in k and isinstance(v, str)]
        if any(RESULT_TITLE.match(clean(t)) for t in titles):
            blocks += [s for k, v in item.items() if "text" in k for s in strings_in(v)]
    return blocks


def result_blocks(entry: dict[str, str], text: str) -> list[str]:
    """The results part of one case study, as raw text blocks."""
    mode, key = entry["mode"], entry["key"]
    if mode == "json_key":
        return strings_in(json.loads(text).get(key))
    front, body = split_front_matter(text)
    if mode == "heading":
        return heading_sections(body)
    try:
        data = yaml.safe_load(front) if front else {}
    except yaml.YAMLError:
        return []
    if not isinstance(data, dict):
        return []
    if mode == "yaml_key":
        return strings_in(data.get(key))
    return pair_sections(data, key)


def clean(text: str) -> str:
    """Strip Markdown / HTML markup, keep words and figures."""
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.I)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{\{[<%].*?[>%]\}\}", " ", text)
    text = re.sub(r"\{[.#][^}]*\}", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    text = re.sub(r"(?<!\w)_(?=\w)|(?<=\w)_(?!\w)", "", text)
    text = re.sub(r"^\s*>\s?", "", text)
    return re.sub(r"\s+", " ", text).strip()


def block_lines(block: str) -> list[str]:
    """List items as they are; paragraphs split into sentences."""
    units: list[tuple[str, list[str]]] = []
    for raw in block.splitlines():
        line = raw.rstrip()
        if not line.strip() or re.match(r"^\s*(\||import\s|export\s|:::|---)", line):
            units.append(("gap", []))
            continue
        item = LIST_ITEM.match(line)
        if item:
            units.append(("item", [item.group(1)]))
        elif units and units[-1][0] in ("item", "para") and units[-1][1]:
            units[-1][1].append(line.strip())
        else:
            units.append(("para", [line.strip()]))
    lines: list[str] = []
    for kind, parts in units:
        text = clean(" ".join(parts))
        if not text:
            continue
        lines += [text] if kind == "item" else SENTENCE_SPLIT.split(text)
    return [s.strip() for s in lines if s.strip()]


def has_person_name(line: str) -> bool:
    """A capitalised known first name followed by another capitalised word."""
    words = re.findall(r"[A-Za-z][\w'-]*", line)
    for first, second in itertools.pairwise(words):
        if first[0].isupper() and second[0].isupper() and not second.isupper():
            if NAMES.get_gender(first) in ("male", "female"):
                return True
    return False


def personal(line: str) -> bool:
    """Emails, phone numbers, URLs or person names."""
    return bool(
        EMAIL.search(line) or PHONE.search(line) or URL.search(line) or has_person_name(line)
    )


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return re.sub(r"\s+", " ", text).strip().lower()


def grams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text."""
    toks = TOKEN.findall(text.lower())
    return {tuple(toks[i : i + NGRAM]) for i in range(len(toks) - NGRAM + 1)}


def main() -> None:
    """Extract, filter and draw; write set78.jsonl and its counts."""
    manifest = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    manifest.sort(key=lambda e: (e["repo"], e["path"]))
    seen_lines = SEEN.read_text(encoding="utf-8").splitlines()
    seen = {norm(s) for s in seen_lines}
    known: set[tuple[str, ...]] = set()
    for s in seen_lines:
        known |= grams(s)
    counts = {
        k: 0
        for k in (
            "files",
            "with_results_part",
            "near_duplicate_dropped",
            "lines_raw",
            "len_6_60",
            "no_personal_data",
            "not_seen",
            "not_duplicate",
            "regex_kept",
            "studies_kept",
            "over_repo_cap",
        )
    }
    per_repo: dict[str, int] = {}
    dup: set[str] = set()
    studies: list[tuple[dict[str, str], list[str]]] = []
    for entry in manifest:
        counts["files"] += 1
        text = (RAW / entry["repo"].replace("/", "+") / entry["path"]).read_text(encoding="utf-8")
        blocks = result_blocks(entry, text)
        lines = [s for b in blocks for s in block_lines(b)]
        if not lines:
            continue
        counts["with_results_part"] += 1
        g = grams(" ".join(lines))
        if g and len(g & known) / len(g) >= OVERLAP:
            counts["near_duplicate_dropped"] += 1
            continue
        if per_repo.get(entry["repo"], 0) >= MAX_PER_REPO:
            counts["over_repo_cap"] += 1
            continue
        kept: list[str] = []
        for line in lines:
            counts["lines_raw"] += 1
            if not 6 <= len(line.split()) <= 60:
                continue
            counts["len_6_60"] += 1
            if personal(line):
                continue
            counts["no_personal_data"] += 1
            if norm(line) in seen:
                continue
            counts["not_seen"] += 1
            if norm(line) in dup:
                continue
            dup.add(norm(line))
            counts["not_duplicate"] += 1
            if KEEP.search(line):
                counts["regex_kept"] += 1
                kept.append(line)
        if not kept:
            continue
        known |= g
        per_repo[entry["repo"]] = per_repo.get(entry["repo"], 0) + 1
        studies.append((entry, kept))
    counts["studies_kept"] = len(studies)
    rng = random.Random(78)
    rng.shuffle(studies)
    rows: list[dict[str, Any]] = []
    for entry, kept in studies:
        for line in rng.sample(kept, min(MAX_PER_STUDY, len(kept))):
            if len(rows) >= MAX_LINES:
                break
            source = {k: entry[k] for k in ("repo", "path", "commit", "role")}
            rows.append(
                {
                    "id": f"hb78-{len(rows) + 1:03d}",
                    "text": line,
                    "source": source,
                    "resume": f"{entry['repo']}#{entry['path']}",
                }
            )
    with OUT.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    summary = {
        "counts": counts,
        "drawn": len(rows),
        "studies_per_repo": dict(sorted(per_repo.items())),
        "lines_per_repo": {},
    }
    for row in rows:
        repo = row["source"]["repo"]
        summary["lines_per_repo"][repo] = summary["lines_per_repo"].get(repo, 0) + 1
    STATS.write_text(json.dumps(summary, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    json.dump(summary, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
