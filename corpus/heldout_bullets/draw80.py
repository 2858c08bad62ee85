"""Draw set80: traction lines from founders' public launch posts, pitches and project pages.

Reads the saved documents in raw/ (one file per document: a header of ``key: value`` lines,
a ``---`` line, then the traction text as saved), splits each text into lines mechanically,
applies the mechanical filters of the brief and draws at most four lines per document with
``random.Random(80)``. Writes set80.jsonl beside this file and prints the count of each step.
Runs offline and is deterministic.
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
from pathlib import Path

from set_filter import KEEP_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW_DIR = HERE / "raw"
OUT_PATH = HERE / "set80.jsonl"
SEEN_PATH = Path("/work/briefs/seen_texts.txt")

SEED = 80
PER_DOC = 4
MAX_LINES = 200
MIN_WORDS = 6
MAX_WORDS = 60


SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
BULLET_RE = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s+")
HEADING_RE = re.compile(r"^\s*#{1,6}\s")

# Personal data: e-mail addresses, URLs and bare web addresses, phone numbers, @handles,
# the redaction markers written into raw/ where a person's name or contact stood, and
# titled names (Mr. X, Dr. X).
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL_RE = re.compile(
    r"https?://|www\.|\b[\w-]+\.(?:com|net|org|io|co|dev|app|ai|me|ly|us|uk|de|fr)\b",
    re.IGNORECASE,
)
PHONE_RE = re.compile(r"(?<!\w)(?:\+\d{1,3}[\s-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\w)")
HANDLE_RE = re.compile(r"(?<![\w.])@\w+")
MARKER_RE = re.compile(r"\[(?:name|email|url|handle|phone)\]", re.IGNORECASE)
TITLED_NAME_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+[A-Z][a-z]+")


def read_document(path: Path) -> dict[str, str]:
    """Parse one raw file into its header fields and its text."""
    header, _, text = path.read_text(encoding="utf-8").partition("\n---\n")
    doc: dict[str, str] = {}
    for line in header.splitlines():
        key, _, value = line.partition(":")
        doc[key.strip()] = value.strip()
    doc["text"] = text
    doc["file"] = path.name
    return doc


def address(doc: dict[str, str]) -> str:
    """The document's address: its url, or repo/path@commit."""
    if "url" in doc:
        return doc["url"]
    return f"{doc['repo']}/{doc['path']}@{doc['commit']}"


def strip_markup(text: str) -> str:
    """Remove HTML, Markdown and template markup, keeping words and figures."""
    text = re.sub(r"\{%.*?%\}", " ", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = text.replace("**", "").replace("__", "").replace("`", "")
    return html.unescape(text)


def split_block(block: list[str]) -> list[str]:
    """Split one blank-line-separated block into list items and sentences."""
    items: list[str] = []
    paragraph: list[str] = []
    in_item = False
    for raw in block:
        if HEADING_RE.match(raw):
            continue
        if BULLET_RE.match(raw):
            items.append(BULLET_RE.sub("", raw, count=1).strip())
            in_item = True
        elif in_item and raw[:1].isspace():
            items[-1] = f"{items[-1]} {raw.strip()}"
        else:
            in_item = False
            paragraph.append(raw.strip())
    sentences: list[str] = []
    if paragraph:
        sentences = SENTENCE_SPLIT_RE.split(" ".join(paragraph))
    return sentences + items


def split_lines(text: str) -> list[str]:
    """The traction text's list items, or its sentences where it is a paragraph."""
    lines: list[str] = []
    block: list[str] = []
    for raw in [*strip_markup(text).splitlines(), ""]:
        if raw.strip():
            block.append(raw.rstrip())
        elif block:
            lines.extend(split_block(block))
            block = []
    return [" ".join(line.split()) for line in lines if line.strip()]


def word_count(line: str) -> int:
    """Whitespace-separated tokens that hold at least one letter or digit."""
    return sum(1 for token in line.split() if any(ch.isalnum() for ch in token))


def has_personal_data(line: str) -> bool:
    """True when the line holds an e-mail, URL, phone, @handle or a person's name."""
    patterns = (EMAIL_RE, URL_RE, PHONE_RE, HANDLE_RE, MARKER_RE, TITLED_NAME_RE)
    return any(pattern.search(line) for pattern in patterns)


def normalise(line: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(line.lower().split())


def load_seen() -> set[str]:
    """Lines that earlier sets already hold."""
    return {normalise(line) for line in SEEN_PATH.read_text(encoding="utf-8").splitlines()}


def source_of(doc: dict[str, str]) -> tuple[dict[str, str], str]:
    """The source record and the resume pointer of a document."""
    if "url" in doc:
        return {"url": doc["url"], "role": doc["role"]}, doc["url"]
    source = {
        "repo": doc["repo"],
        "path": doc["path"],
        "commit": doc["commit"],
        "role": doc["role"],
    }
    return source, f"{doc['repo']}#{doc['path']}"


def main() -> int:
    """Run the draw and write set80.jsonl."""
    docs = sorted(
        (read_document(path) for path in RAW_DIR.glob("*.txt")),
        key=address,
    )
    seen = load_seen()
    counts: dict[str, int] = {"documents": len(docs)}
    kept_seen: set[str] = set()
    pools: dict[str, list[str]] = {}
    stage_totals = {"split": 0, "words": 0, "personal": 0, "seen": 0, "dedup": 0, "regex": 0}
    for doc in docs:
        lines = split_lines(doc["text"])
        stage_totals["split"] += len(lines)
        lines = [line for line in lines if MIN_WORDS <= word_count(line) <= MAX_WORDS]
        stage_totals["words"] += len(lines)
        lines = [line for line in lines if not has_personal_data(line)]
        stage_totals["personal"] += len(lines)
        lines = [line for line in lines if normalise(line) not in seen]
        stage_totals["seen"] += len(lines)
        unique: list[str] = []
        for line in lines:
            key = normalise(line)
            if key not in kept_seen:
                kept_seen.add(key)
                unique.append(line)
        stage_totals["dedup"] += len(unique)
        kept = [line for line in unique if KEEP_RE.search(line)]
        stage_totals["regex"] += len(kept)
        pools[address(doc)] = kept
    counts.update({f"lines_after_{name}": total for name, total in stage_totals.items()})
    counts["documents_with_lines"] = sum(1 for pool in pools.values() if pool)

    rng = random.Random(SEED)
    rng.shuffle(docs)
    records: list[dict[str, object]] = []
    for doc in docs:
        pool = pools[address(doc)]
        if not pool or len(records) >= MAX_LINES:
            continue
        for line in rng.sample(pool, min(PER_DOC, len(pool))):
            if len(records) >= MAX_LINES:
                break
            source, resume = source_of(doc)
            record_id = f"hb80-{len(records) + 1:03d}"
            records.append({"id": record_id, "text": line, "source": source, "resume": resume})
    counts["drawn"] = len(records)
    counts["documents_drawn"] = len({json.dumps(r["source"], sort_keys=True) for r in records})

    with OUT_PATH.open("w", encoding="utf-8", newline="\n") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    for name, value in counts.items():
        print(f"{name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
