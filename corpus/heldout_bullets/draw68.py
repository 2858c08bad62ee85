"""Draw set68: real progress statements from build-in-public and year-in-review posts.

Reads manifest.tsv (repo, path, commit, role, raw file name) and the raw post texts under raw/,
applies mechanical filters only, and writes set68.jsonl. Deterministic: random.Random(68).
"""

from __future__ import annotations

import calendar
import hashlib
import html
import json
import random
import re
import sys
from pathlib import Path

from set_filter import KEEP_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
MANIFEST = HERE / "manifest.tsv"
NAME_HASHES = HERE / "name_hashes.txt"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set68.jsonl"
STATS = HERE / "draw68.stats.json"

MAX_PER_DOC = 4
MAX_LINES = 200
MIN_WORDS = 6
MAX_WORDS = 60
DUP_SHARE = 0.30
NGRAM = 6

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE_RE = re.compile(r"(\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")
URL_RE = re.compile(
    r"https?://|www\.|\b[\w-]+\.(com|io|dev|org|net|co|app|me|ai|xyz|so|sh|gg|tv|fm|ly"
    r"|page|site|blog|email)\b",
    re.IGNORECASE,
)
HANDLE_RE = re.compile(r"(?<![\w.])@\w+")
LIST_RE = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+(.*)$")
SENT_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
WORD_RE = re.compile(r"[a-z0-9']+")
STOPWORDS = frozenset(
    [
        "the",
        "and",
        "to",
        "of",
        "a",
        "in",
        "is",
        "i",
        "it",
        "that",
        "for",
        "was",
        "my",
        "with",
        "on",
        "this",
        "we",
        "as",
        "be",
        "at",
        "have",
        "but",
        "not",
        "are",
        "so",
        "you",
    ]
)
MONTHS = frozenset(m.lower() for m in list(calendar.month_name) + list(calendar.day_name) if m)


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text, as in seen_texts.txt."""
    return " ".join(text.lower().split())


def split_front_matter(text: str) -> tuple[str, str]:
    """Return (front matter, body) for YAML (---) or TOML (+++) front matter."""
    for fence in ("---", "+++"):
        if text.startswith(fence + "\n"):
            end = text.find("\n" + fence, len(fence))
            if end != -1:
                return text[len(fence) + 1 : end], text[end + len(fence) + 1 :]
    return "", text


def author_words(front: str) -> set[str]:
    """Capitalised words of author/name fields in the front matter (owner's name words)."""
    words: set[str] = set()
    for match in re.finditer(r"(?im)^\s*-?\s*(author|authors|name)\s*[:=]\s*(.+)$", front):
        for word in re.findall(r"[A-Z][a-z]{2,}", match.group(2)):
            words.add(word)
    return words


def strip_blocks(body: str) -> str:
    """Remove code fences, comments, scripts, shortcodes and MDX import/export lines."""
    body = re.sub(r"(?ms)^\s*(```|~~~).*?^\s*(```|~~~)[^\n]*$", "", body)
    body = re.sub(r"(?s)<!--.*?-->", "", body)
    body = re.sub(r"(?is)<(script|style|iframe)\b.*?</\1>", "", body)
    body = re.sub(r"(?s)\{\{[<%].*?[>%]\}\}", "", body)
    body = re.sub(r"(?s)\{%.*?%\}", "", body)
    body = re.sub(r"(?m)^(import|export)\s.*$", "", body)
    return body


def clean_inline(text: str) -> str:
    """Strip Markdown / HTML markup from one unit, keeping words and figures."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"!\[[^\]]*\]\[[^\]]*\]", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"\[\^[^\]]*\]", "", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    text = re.sub(r"^\s*\[[ xX]\]\s+", "", text)
    text = text.replace("`", "")
    text = re.sub(r"(\*\*|__|~~)", "", text)
    text = re.sub(r"(?<![\w*])[*_]([^*_\n]+)[*_](?![\w*])", r"\1", text)
    return " ".join(text.split())


def units(body: str) -> list[str]:
    """List items whole; paragraph text split into sentences."""
    out: list[str] = []
    para: list[str] = []
    item: list[str] | None = None

    def flush_para() -> None:
        if para:
            joined = clean_inline(" ".join(para))
            out.extend(s.strip() for s in SENT_SPLIT_RE.split(joined) if s.strip())
            para.clear()

    def flush_item() -> None:
        nonlocal item
        if item:
            cleaned = clean_inline(" ".join(item))
            if cleaned:
                out.append(cleaned)
        item = None

    prev_blank = True
    for raw_line in body.split("\n"):
        line = raw_line.rstrip()
        stripped = line.strip()
        if not stripped:
            flush_item()
            flush_para()
            prev_blank = True
            continue
        skip = (
            stripped.startswith(("#", "|", ">"))
            or re.fullmatch(r"[-*_=]{3,}", stripped) is not None
            or re.match(r"^\s*\[[^\]]+\]:\s*\S+", line) is not None
        )
        if skip:
            flush_item()
            flush_para()
            prev_blank = False
            continue
        match = LIST_RE.match(line)
        if match:
            flush_item()
            flush_para()
            item = [match.group(3)]
        elif item is not None and (line.startswith((" ", "\t")) or not prev_blank):
            item.append(stripped)
        else:
            para.append(stripped)
        prev_blank = False
    flush_item()
    flush_para()
    return out


def grams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text."""
    toks = WORD_RE.findall(text.lower())
    return {tuple(toks[i : i + NGRAM]) for i in range(len(toks) - NGRAM + 1)}


def is_english(text: str) -> bool:
    """Mechanical language check: share of stopwords and of non-ASCII letters."""
    toks = WORD_RE.findall(text.lower())
    letters = [c for c in text if c.isalpha()]
    if not toks or not letters:
        return False
    non_ascii = sum(1 for c in letters if ord(c) > 127) / len(letters)
    stop = sum(1 for t in toks if t in STOPWORDS) / len(toks)
    return non_ascii < 0.10 and stop >= 0.15


def word_count(text: str) -> int:
    """Words holding at least one letter or digit."""
    return sum(1 for t in text.split() if re.search(r"\w", t))


def has_name(text: str, name_hashes: set[str], owner: set[str]) -> bool:
    """A capitalised first-name word (not line-initial), or an owner/author name word."""
    toks = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    for idx, tok in enumerate(toks):
        if tok in owner or tok.lower() in owner:
            return True
        if idx == 0 or not re.fullmatch(r"[A-Z][a-z]+", tok) or tok.lower() in MONTHS:
            continue
        if hashlib.sha256(tok.lower().encode()).hexdigest()[:12] in name_hashes:
            return True
    return False


def personal(text: str, name_hashes: set[str], owner: set[str]) -> bool:
    """Emails, phones, URLs, social handles, person names."""
    return bool(
        EMAIL_RE.search(text)
        or PHONE_RE.search(text)
        or URL_RE.search(text)
        or HANDLE_RE.search(text)
        or has_name(text, name_hashes, owner)
    )


def main() -> int:
    """Run the draw and write set68.jsonl."""
    name_hashes = set(NAME_HASHES.read_text().split())
    seen_lines = SEEN.read_text(encoding="utf-8").splitlines()
    seen = {norm(s) for s in seen_lines}
    seen_grams: set[tuple[str, ...]] = set()
    for s in seen_lines:
        seen_grams |= grams(s)
    rows = [r.split("\t") for r in MANIFEST.read_text().splitlines() if r.strip()]
    rows.sort(key=lambda r: (r[0], r[1]))
    stats: dict[str, int] = {"docs": len(rows)}
    docs: list[tuple[list[str], list[str]]] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    used: set[str] = set()
    for row in rows:
        repo, path, commit, role, fname = row
        text = (RAW / fname).read_text(encoding="utf-8", errors="replace")
        front, body = split_front_matter(text)
        doc_units = units(strip_blocks(body))
        joined = " ".join(doc_units)
        if not is_english(joined):
            stats["docs_non_english"] = stats.get("docs_non_english", 0) + 1
            print("skip non-English:", repo, path, file=sys.stderr)
            continue
        g = grams(joined)
        if g and (
            len(g & seen_grams) / len(g) >= DUP_SHARE
            or any(len(g & k) / len(g) >= DUP_SHARE for k in kept_grams)
        ):
            stats["docs_near_duplicate"] = stats.get("docs_near_duplicate", 0) + 1
            print("skip near-duplicate:", repo, path, file=sys.stderr)
            continue
        kept_grams.append(g)
        owner = author_words(front) | {repo.split("/")[0].lower()}
        lines: list[str] = []
        for u in doc_units:
            stats["units"] = stats.get("units", 0) + 1
            n = word_count(u)
            if n < MIN_WORDS or n > MAX_WORDS:
                continue
            stats["units_len_ok"] = stats.get("units_len_ok", 0) + 1
            if personal(u, name_hashes, owner):
                continue
            stats["units_no_personal"] = stats.get("units_no_personal", 0) + 1
            key = norm(u)
            if key in seen:
                continue
            stats["units_not_seen"] = stats.get("units_not_seen", 0) + 1
            if key in used:
                continue
            used.add(key)
            stats["units_unique"] = stats.get("units_unique", 0) + 1
            if not KEEP_RE.search(u):
                continue
            stats["units_regex"] = stats.get("units_regex", 0) + 1
            lines.append(u)
        docs.append(([repo, path, commit, role], lines))
    stats["docs_kept"] = len(docs)
    stats["docs_with_lines"] = sum(1 for _, ls in docs if ls)
    rng = random.Random(68)
    rng.shuffle(docs)
    out: list[str] = []
    n_id = 0
    per_doc: dict[str, int] = {}
    for (repo, path, commit, role), lines in docs:
        if n_id >= MAX_LINES:
            break
        picked = rng.sample(lines, min(MAX_PER_DOC, len(lines)))
        for text in picked:
            if n_id >= MAX_LINES:
                break
            n_id += 1
            per_doc[f"{repo}#{path}"] = per_doc.get(f"{repo}#{path}", 0) + 1
            rec = {
                "id": f"hb68-{n_id:03d}",
                "text": text,
                "source": {"repo": repo, "path": path, "commit": commit, "role": role},
                "resume": f"{repo}#{path}",
            }
            out.append(json.dumps(rec, ensure_ascii=False))
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    stats["lines_out"] = n_id
    stats["docs_drawn"] = len(per_doc)
    stats["writers_drawn"] = len({k.split("#")[0] for k in per_doc})
    STATS.write_text(json.dumps(stats, indent=1, sort_keys=True) + "\n")
    print(json.dumps(stats, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
