"""Draw set72: progress lines from year-in-review and maker-report posts.

Reads only files under raw/ (the posts, manifest.tsv, name_hashes.txt) and
/work/briefs/seen_texts.txt. Writes set72.jsonl and draw72.counts.json.
Deterministic: random.Random(72); run twice, the output is byte-identical.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import random
import re
from pathlib import Path

from set_filter import KEEP_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set72.jsonl"
COUNTS = HERE / "draw72.counts.json"

PER_DOC = 4
MAX_LINES = 200
MIN_WORDS = 6
MAX_WORDS = 60

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
HANDLE_RE = re.compile(r"(?<![\w.])@\w{2,}")
PHONE_RE = re.compile(r"\+?\d[\d ().-]{7,}\d")
URL_RE = re.compile(
    r"https?://|www\.|\b[\w-]+\.(?:com|net|org|io|dev|co|me|app|xyz|tech|ai|pub|uk|de)\b",
    re.IGNORECASE,
)
SENT_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
LIST_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
TOKEN_RE = re.compile(r"[A-Za-z][a-z]+")


def load_name_hashes() -> set[str]:
    """Return sha256 prefixes of given-name words (no names are stored in clear)."""
    text = (RAW / "name_hashes.txt").read_text(encoding="utf-8")
    return {h.strip() for h in text.splitlines() if h.strip()}


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.lower().split())


def strip_front_matter(text: str) -> str:
    """Drop a leading YAML/TOML/JSON front-matter block."""
    text = text.lstrip("\ufeff")
    for fence in ("---", "+++"):
        if text.startswith(fence + "\n") or text.startswith(fence + "json\n"):
            end = text.find("\n" + fence + "\n", len(fence))
            if end != -1:
                return text[end + len(fence) + 2 :]
    return text


def clean_block_markup(text: str) -> str:
    """Remove code blocks, comments, scripts, iframes and template tags."""
    text = re.sub(r"```.*?```", "\n", text, flags=re.DOTALL)
    text = re.sub(r"~~~.*?~~~", "\n", text, flags=re.DOTALL)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    text = re.sub(r"<(script|style|iframe)\b.*?</\1>", " ", text, flags=re.DOTALL | re.I)
    text = re.sub(r"\{\{[<%].*?[%>]\}\}", " ", text, flags=re.DOTALL)
    text = re.sub(r"\{%.*?%\}", " ", text, flags=re.DOTALL)
    text = re.sub(r"</?(p|div|h\d|li|ul|ol|br|tr|table|blockquote|figure)\b[^>]*>", "\n", text)
    return text


def strip_inline(text: str) -> str:
    """Strip inline Markdown/HTML markup, keeping words and figures."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"!\[[^\]]*\]\[[^\]]*\]", " ", text)
    text = re.sub(r"\[\^[^\]]*\]", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    text = re.sub(r"\{#[^}]*\}", " ", text)
    text = text.replace("**", "").replace("__", "").replace("`", "")
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])", r"\1", text)
    text = text.replace("\\", "")
    return " ".join(text.split())


def extract_lines(raw_text: str) -> list[str]:
    """List items as lines; paragraphs split mechanically into sentences."""
    text = clean_block_markup(strip_front_matter(raw_text))
    items: list[str] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            joined = strip_inline(" ".join(para))
            items.extend(s.strip() for s in SENT_SPLIT_RE.split(joined) if s.strip())
            para.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if (
            stripped.startswith(("#", ">", "|", "[^", "==", "--"))
            or re.match(r"^\[[^\]]+\]:", stripped)
            or re.match(r"^(-{3,}|\*{3,}|_{3,})$", stripped)
        ):
            flush()
            continue
        match = LIST_RE.match(line)
        if match:
            flush()
            item = strip_inline(match.group(1))
            item = re.sub(r"^\[[ xX]\]\s*", "", item)
            if item:
                items.append(item)
            continue
        para.append(stripped)
    flush()
    return items


def has_personal_data(line: str, name_hashes: set[str]) -> bool:
    """Emails, handles, phones, URLs, or a capitalised given-name word."""
    if EMAIL_RE.search(line) or HANDLE_RE.search(line) or URL_RE.search(line):
        return True
    if PHONE_RE.search(line):
        return True
    tokens = [m.group(0) for m in TOKEN_RE.finditer(line)]
    for tok in tokens:
        if not tok[0].isupper():
            continue
        digest = hashlib.sha256(tok.lower().encode("utf-8")).hexdigest()[:12]
        if digest in name_hashes:
            return True
    return False


def load_manifest() -> list[dict[str, str]]:
    """Rows of raw/manifest.tsv sorted by repo and path."""
    with (RAW / "manifest.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return sorted(rows, key=lambda r: (r["repo"], r["path"]))


def main() -> None:
    """Run the draw and write set72.jsonl plus counts."""
    name_hashes = load_name_hashes()
    seen = {norm(t) for t in SEEN.read_text(encoding="utf-8").splitlines() if t.strip()}
    docs = load_manifest()
    counts = {
        "docs": len(docs),
        "writers": len({d["repo"] for d in docs}),
        "lines_extracted": 0,
        "after_length": 0,
        "after_personal_data": 0,
        "after_seen": 0,
        "after_dedup": 0,
        "after_regex": 0,
        "docs_with_lines": 0,
    }
    used: set[str] = set()
    per_doc: list[tuple[dict[str, str], list[str]]] = []
    for doc in docs:
        raw_text = (RAW / doc["file"]).read_text(encoding="utf-8")
        lines = extract_lines(raw_text)
        counts["lines_extracted"] += len(lines)
        lines = [ln for ln in lines if MIN_WORDS <= len(ln.split()) <= MAX_WORDS]
        counts["after_length"] += len(lines)
        lines = [ln for ln in lines if not has_personal_data(ln, name_hashes)]
        counts["after_personal_data"] += len(lines)
        lines = [ln for ln in lines if norm(ln) not in seen]
        counts["after_seen"] += len(lines)
        unique: list[str] = []
        for ln in lines:
            key = norm(ln)
            if key not in used:
                used.add(key)
                unique.append(ln)
        counts["after_dedup"] += len(unique)
        kept = [ln for ln in unique if KEEP_RE.search(ln)]
        counts["after_regex"] += len(kept)
        if kept:
            counts["docs_with_lines"] += 1
        per_doc.append((doc, kept))

    rng = random.Random(72)
    rng.shuffle(per_doc)
    records: list[dict[str, object]] = []
    for doc, lines in per_doc:
        if len(records) >= MAX_LINES:
            break
        picks = rng.sample(lines, min(PER_DOC, len(lines)))
        for text in picks:
            if len(records) >= MAX_LINES:
                break
            records.append(
                {
                    "id": f"hb72-{len(records) + 1:03d}",
                    "text": text,
                    "source": {
                        "repo": doc["repo"],
                        "path": doc["path"],
                        "commit": doc["commit"],
                        "role": doc["role"],
                    },
                    "resume": f"{doc['repo']}#{doc['path']}",
                }
            )
    with OUT.open("w", encoding="utf-8", newline="\n") as handle:
        for rec in records:
            handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
    counts["drawn"] = len(records)
    counts["drawn_docs"] = len({str(r["resume"]) for r in records})
    counts["drawn_writers"] = len({str(r["resume"]).split("#")[0] for r in records})
    roles: dict[str, int] = {}
    for rec in records:
        source = rec["source"]
        assert isinstance(source, dict)
        roles[source["role"]] = roles.get(source["role"], 0) + 1
    counts["roles"] = dict(sorted(roles.items()))
    COUNTS.write_text(json.dumps(counts, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
