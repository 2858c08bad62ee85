"""Deterministic draw of set71 from A/B-test and experiment write-ups.

Reads the raw section texts kept under raw/ (one file per write-up, with a small
header giving repo, path, commit and role), applies the mechanical filters of
brief mine71 and writes set71.jsonl plus draw71_stats.json next to this script.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import unicodedata
from pathlib import Path

from set_filter import KEEP_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW_DIR = HERE / "raw"
SEEN_PATH = Path("/work/briefs/seen_texts.txt")
OUT_PATH = HERE / "set71.jsonl"
STATS_PATH = HERE / "draw71_stats.json"

SEED = 71
PER_WRITEUP = 4
MAX_LINES = 200
MIN_WORDS = 6
MAX_WORDS = 60
NGRAM = 6
OVERLAP_LIMIT = 0.30

SECTION_KEYS = (
    "result",
    "conclusion",
    "recommendation",
    "impact",
    "outcome",
    "key finding",
    "summary",
)


# sha256 prefixes (12 hex) of lowercase name words of people named in the source texts;
# the names themselves are not stored here.
NAME_HASHES = frozenset(
    {
        "55d4885cc0b7",
        "34f34a94c552",
        "38dbc0529d39",
    }
)

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL_RE = re.compile(r"(https?://|www\.|\b[\w-]+\.(com|io|org|net|app)/)", re.IGNORECASE)
PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")
HASH_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BOLD_HEADING_RE = re.compile(r"^\*\*([^*]+)\*\*\s*$")
LIST_RE = re.compile(r"^(\s*)(?:[-*+]\s+|\d+[.)](?:\s+|(?=[A-Z*_`])))(.*)$")
SENT_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
MATH_RE = re.compile(r"\$([A-Za-z]|[^$\n]*?[=\\^_{}<>][^$\n]*?)\$")


def name_hash(word: str) -> str:
    """Return the 12-hex sha256 prefix of a lowercase word."""
    return hashlib.sha256(word.lower().encode("utf-8")).hexdigest()[:12]


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.lower().split())


def words_of(text: str) -> list[str]:
    """Lowercase word tokens used for n-gram overlap."""
    return re.findall(r"[a-z0-9]+(?:[.,'][a-z0-9]+)*", text.lower())


def ngrams(tokens: list[str]) -> set[tuple[str, ...]]:
    """Word n-grams of a token list."""
    return {tuple(tokens[i : i + NGRAM]) for i in range(len(tokens) - NGRAM + 1)}


def strip_markup(text: str) -> str:
    """Remove Markdown / HTML markup and decorative symbols, keep words and figures."""
    text = text.replace("\\*", "")
    text = MATH_RE.sub(lambda m: m.group(1), text)
    text = text.replace("\\(", "").replace("\\)", "").replace("\\%", "%")
    text = text.replace("\\times", "×").replace("\\le", "≤").replace("\\ge", "≥")
    text = re.sub(r"\\([a-zA-Z]+)", r"\1", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("**", "").replace("__", "").replace("`", "")
    text = re.sub(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])", "", text)
    text = re.sub(r"(?<!\w)_(?=\S)|(?<=\S)_(?!\w)", "", text)
    text = text.replace("[!IMPORTANT]", "").replace("[!TIP]", "").replace("[!NOTE]", "")
    text = "".join(
        ch for ch in text if unicodedata.category(ch) != "So" and ch not in "\ufe0f\u200d"
    )
    text = text.replace("{", "").replace("}", "")
    return " ".join(text.split()).strip()


def read_raw(path: Path) -> tuple[dict[str, str], list[str]]:
    """Split a raw file into its header fields and body lines."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    meta: dict[str, str] = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    return meta, body.splitlines()


def find_headings(lines: list[str]) -> list[tuple[int, int, str]]:
    """Headings as (line index, level, text); bold-only lines if no '#' headings."""
    heads: list[tuple[int, int, str]] = []
    in_code = False
    for i, line in enumerate(lines):
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        match = HASH_HEADING_RE.match(line) if not in_code else None
        if match:
            heads.append((i, len(match.group(1)), match.group(2)))
    if heads:
        return heads
    for i, line in enumerate(lines):
        match = BOLD_HEADING_RE.match(line.strip())
        if match:
            heads.append((i, 1, match.group(1)))
    return heads


def heading_matches(text: str) -> bool:
    """Whether a heading names a results-type section."""
    low = strip_markup(text).lower()
    return any(key in low for key in SECTION_KEYS)


def sections_of(lines: list[str]) -> list[list[str]]:
    """Body lines of each matching section (outermost matches only)."""
    heads = find_headings(lines)
    out: list[list[str]] = []
    covered_to = -1
    for n, (idx, level, text) in enumerate(heads):
        if idx <= covered_to or not heading_matches(text):
            continue
        end = len(lines)
        for idx2, level2, _ in heads[n + 1 :]:
            if level2 <= level:
                end = idx2
                break
        out.append(lines[idx + 1 : end])
        covered_to = end - 1
    return out


def units_of(section: list[str]) -> list[str]:
    """List items and paragraph sentences of a section, markup stripped."""
    units: list[str] = []
    item: list[str] = []
    para: list[str] = []

    def flush_item() -> None:
        if item:
            units.append(strip_markup(" ".join(item)))
            item.clear()

    def flush_para() -> None:
        if para:
            text = strip_markup(" ".join(para))
            units.extend(s.strip() for s in SENT_SPLIT_RE.split(text) if s.strip())
            para.clear()

    in_code = False
    for raw in section:
        line = raw.rstrip()
        stripped = line.strip()
        if stripped.startswith("```"):
            flush_item()
            flush_para()
            in_code = not in_code
            continue
        if in_code:
            continue
        if stripped.startswith(">"):
            stripped = stripped.lstrip(">").strip()
            line = stripped
        is_rule = re.fullmatch(r"[-*_]{3,}", stripped) is not None
        if not stripped or stripped.startswith("|") or is_rule:
            flush_item()
            flush_para()
            continue
        if HASH_HEADING_RE.match(stripped):
            flush_item()
            flush_para()
            continue
        match = LIST_RE.match(line)
        if match:
            flush_item()
            flush_para()
            item.append(match.group(2))
            continue
        if item and line[:1].isspace():
            item.append(stripped)
            continue
        flush_item()
        para.append(stripped)
    flush_item()
    flush_para()
    return [u for u in units if u]


def has_personal_data(text: str) -> bool:
    """Emails, URLs, phone numbers or listed person names."""
    if EMAIL_RE.search(text) or URL_RE.search(text) or PHONE_RE.search(text):
        return True
    return any(name_hash(w) in NAME_HASHES for w in re.findall(r"[A-Za-z]+", text))


def load_seen() -> tuple[set[str], set[tuple[str, ...]]]:
    """Seen lines (normalised) and their word 6-grams."""
    seen_lines: set[str] = set()
    seen_grams: set[tuple[str, ...]] = set()
    for line in SEEN_PATH.read_text(encoding="utf-8").splitlines():
        if line.strip():
            seen_lines.add(norm(line))
            seen_grams |= ngrams(words_of(line))
    return seen_lines, seen_grams


def main() -> None:
    """Run the draw and write set71.jsonl and draw71_stats.json."""
    seen_lines, seen_grams = load_seen()
    stats: dict[str, int] = {
        "raw_files": 0,
        "sections_found": 0,
        "sections_dropped_overlap": 0,
        "sections_kept": 0,
        "units": 0,
        "dropped_word_count": 0,
        "dropped_personal_data": 0,
        "dropped_seen": 0,
        "dropped_duplicate": 0,
        "dropped_regex": 0,
        "candidate_lines": 0,
        "writeups_with_lines": 0,
    }
    kept_grams: set[tuple[str, ...]] = set()
    seen_units: set[str] = set()
    writeups: list[tuple[dict[str, str], list[str]]] = []
    metas = sorted(
        (read_raw(p) for p in sorted(RAW_DIR.glob("*.md"))),
        key=lambda mb: (mb[0]["repo"], mb[0]["path"]),
    )
    for meta, body in metas:
        stats["raw_files"] += 1
        lines_out: list[str] = []
        for section in sections_of(body):
            stats["sections_found"] += 1
            grams = ngrams(words_of(" ".join(units_of(section))))
            if grams:
                shared = len(grams & (seen_grams | kept_grams)) / len(grams)
                if shared >= OVERLAP_LIMIT:
                    stats["sections_dropped_overlap"] += 1
                    continue
            kept_grams |= grams
            stats["sections_kept"] += 1
            for unit in units_of(section):
                stats["units"] += 1
                n_words = len(unit.split())
                key = norm(unit)
                if not MIN_WORDS <= n_words <= MAX_WORDS:
                    stats["dropped_word_count"] += 1
                elif has_personal_data(unit):
                    stats["dropped_personal_data"] += 1
                elif key in seen_lines:
                    stats["dropped_seen"] += 1
                elif key in seen_units:
                    stats["dropped_duplicate"] += 1
                elif not KEEP_RE.search(unit):
                    seen_units.add(key)
                    stats["dropped_regex"] += 1
                else:
                    seen_units.add(key)
                    lines_out.append(unit)
        stats["candidate_lines"] += len(lines_out)
        if lines_out:
            stats["writeups_with_lines"] += 1
        writeups.append((meta, lines_out))

    rng = random.Random(SEED)
    rng.shuffle(writeups)
    records: list[dict[str, object]] = []
    for meta, lines_out in writeups:
        if not lines_out or len(records) >= MAX_LINES:
            continue
        for text in rng.sample(lines_out, min(PER_WRITEUP, len(lines_out))):
            if len(records) >= MAX_LINES:
                break
            records.append(
                {
                    "id": f"hb71-{len(records) + 1:03d}",
                    "text": text,
                    "source": {
                        "repo": meta["repo"],
                        "path": meta["path"],
                        "commit": meta["commit"],
                        "role": meta["role"],
                    },
                    "resume": f"{meta['repo']}#{meta['path']}",
                }
            )
    with OUT_PATH.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    stats["drawn_lines"] = len(records)
    stats["drawn_writeups"] = len({str(r["resume"]) for r in records})
    STATS_PATH.write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
