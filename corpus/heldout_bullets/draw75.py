"""Draw set75: result lines from marketing and growth case studies (stored web pages).

Reads the saved results parts under raw/ (one JSON file per page), splits them into lines,
applies the mechanical filters of the brief, and draws at most 4 lines per page with
random.Random(75). Writes set75.jsonl and prints the counts per step. Runs offline.
"""

import json
import random
import re
from pathlib import Path

from set_filter import KEEP_RE as KEEP_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW_DIR = HERE / "raw"
OUT_PATH = HERE / "set75.jsonl"
SEEN_PATH = Path("/work/briefs/seen_texts.txt")

SEED = 75
PER_PAGE = 4
TOTAL = 200
MIN_WORDS = 6
MAX_WORDS = 60


SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
BULLET_RE = re.compile(r"^\s*(?:[-*\u2022\u2023\u25aa\u25cf]|\d{1,2}[.)])\s*")
TAG_RE = re.compile(r"<[^>]+>")
MD_RE = re.compile(r"\*\*|__|`|\[([^\]]*)\]\([^)]*\)")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL_RE = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|net|org|io|co|ai|app|dev)\b", re.I)
PHONE_RE = re.compile(r"\+?\(?\d[\d\s().-]{7,}\d")
HANDLE_RE = re.compile(r"(?<![\w.])@\w{2,}")
HONORIFIC_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+[A-Z][a-z]+")


def norm(text: str) -> str:
    """Whitespace-normalised lowercase form used for the seen-list and duplicate checks."""
    return " ".join(text.split()).lower()


def clean(text: str) -> str:
    """Strip markup and bullet marks, keep words and figures, collapse whitespace."""
    text = TAG_RE.sub(" ", text)
    text = MD_RE.sub(lambda m: m.group(1) or "", text)
    text = BULLET_RE.sub("", text)
    return " ".join(text.split())


def split_lines(results_text: str) -> list[str]:
    """List items stay whole; paragraph text is split into sentences."""
    lines: list[str] = []
    for raw_line in results_text.splitlines():
        if not raw_line.strip():
            continue
        if BULLET_RE.match(raw_line):
            lines.append(clean(raw_line))
        else:
            lines.extend(clean(s) for s in SENTENCE_SPLIT_RE.split(raw_line.strip()))
    return [line for line in lines if line]


def has_personal_data(text: str) -> bool:
    """Emails, URLs, phone numbers, handles, or an honorific followed by a name."""
    if EMAIL_RE.search(text) or URL_RE.search(text) or HANDLE_RE.search(text):
        return True
    if HONORIFIC_RE.search(text):
        return True
    phones = PHONE_RE.finditer(text)
    return any(sum(ch.isdigit() for ch in m.group(0)) >= 9 for m in phones)


def load_pages() -> list[dict]:
    """Raw page records, sorted by address."""
    pages = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(RAW_DIR.glob("*.json"))]
    return sorted(pages, key=lambda rec: rec["url"])


def main() -> None:
    seen = {norm(line) for line in SEEN_PATH.read_text(encoding="utf-8").splitlines()}
    seen.discard("")
    pages = load_pages()
    counts = {
        "pages": len(pages),
        "sites": len({p["site"] for p in pages}),
        "lines_split": 0,
        "after_word_count": 0,
        "after_personal_data": 0,
        "after_seen_texts": 0,
        "after_duplicates": 0,
        "after_keep_regex": 0,
    }
    taken: set[str] = set()
    eligible: dict[str, list[str]] = {}
    for page in pages:
        kept: list[str] = []
        for line in split_lines(page["results_text"]):
            counts["lines_split"] += 1
            if not MIN_WORDS <= len(line.split()) <= MAX_WORDS:
                continue
            counts["after_word_count"] += 1
            if has_personal_data(line):
                continue
            counts["after_personal_data"] += 1
            key = norm(line)
            if key in seen:
                continue
            counts["after_seen_texts"] += 1
            if key in taken:
                continue
            taken.add(key)
            counts["after_duplicates"] += 1
            if not KEEP_RE.search(line):
                continue
            counts["after_keep_regex"] += 1
            kept.append(line)
        eligible[page["url"]] = kept

    rng = random.Random(SEED)
    order = list(pages)
    rng.shuffle(order)
    records: list[dict] = []
    pages_drawn = 0
    for page in order:
        if len(records) >= TOTAL:
            break
        lines = eligible[page["url"]]
        if not lines:
            continue
        picked = list(lines) if len(lines) <= PER_PAGE else rng.sample(lines, PER_PAGE)
        pages_drawn += 1
        for line in picked:
            if len(records) >= TOTAL:
                break
            source = {"url": page["url"], "site": page["site"], "role": page["role"]}
            records.append({"text": line, "source": source, "resume": page["url"]})

    with OUT_PATH.open("w", encoding="utf-8") as fh:
        for i, rec in enumerate(records, start=1):
            row = {"id": f"hb75-{i:03d}", **rec}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts["pages_with_eligible_lines"] = sum(1 for v in eligible.values() if v)
    counts["pages_drawn"] = pages_drawn
    counts["drawn"] = len(records)
    for name, value in counts.items():
        print(f"{name}\t{value}")


if __name__ == "__main__":
    main()
