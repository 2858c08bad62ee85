"""Deterministic draw of set53 (real resume bullets: PM / TPM / growth / marketing roles).

Reads the stored resume excerpts under raw/ (listed in raw/manifest.json), extracts the
bullet items of their work-experience sections, applies mechanical filters only and samples
at most 6 lines per resume with random.Random(53). Writes set53.jsonl next to this file.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
MANIFEST = RAW / "manifest.json"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set53.jsonl"

SEED = 53
PER_RESUME = 6
MAX_LINES = 180
MIN_WORDS = 6
MAX_WORDS = 60
NGRAM = 6
COPY_SHARE = 0.30

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")
URL_RE = re.compile(r"https?://|www\.", re.IGNORECASE)
STREET_RE = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}"
    r"(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.?|Lane|Ln\.|Drive|Dr\.)",
)
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
TAG_RE = re.compile(r"<[^>]+>")
JSX_STR_RE = re.compile(r'\{\s*"((?:[^"\\]|\\.)*)"\s*\}')
LI_RE = re.compile(r"<li\b[^>]*>(.*?)</li>", re.DOTALL | re.IGNORECASE)
JS_ESCAPES = {"n": " ", "t": " ", "r": " "}


def norm(text: str) -> str:
    """Whitespace-normalised lowercase form used for seen/duplicate checks."""
    return " ".join(text.split()).lower()


def clean(text: str) -> str:
    """Strip markup (HTML/JSX tags, entities) and join wrapped lines."""
    text = JSX_STR_RE.sub(lambda m: js_unescape(m.group(1)), text)
    text = TAG_RE.sub(" ", text)
    text = html.unescape(text)
    return " ".join(text.split())


def js_unescape(body: str) -> str:
    """Decode the backslash escapes of a JS string literal body."""
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append(JS_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def read_string(src: str, start: int) -> tuple[str, int]:
    """Read the JS string literal opening at src[start]; return (body, index after it)."""
    quote = src[start]
    i = start + 1
    while i < len(src):
        if src[i] == "\\":
            i += 2
            continue
        if src[i] == quote:
            return js_unescape(src[start + 1 : i]), i + 1
        i += 1
    raise ValueError("unterminated string literal")


def js_arrays(src: str, key: str) -> list[str]:
    """Return the string items of every `key: [ ... ]` array in a JS/TS source."""
    items: list[str] = []
    for match in re.finditer(r"\b" + re.escape(key) + r"\s*:\s*\[", src):
        i = match.end()
        depth = 1
        while i < len(src) and depth:
            ch = src[i]
            if ch in "\"'`":
                body, i = read_string(src, i)
                if depth == 1:
                    items.append(body)
                continue
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
            i += 1
    return items


def extract(entry: dict[str, str], src: str) -> list[str]:
    """Bullet items of one stored resume excerpt, markup stripped."""
    if entry["format"] == "jsarray":
        raw_items = js_arrays(src, entry["key"])
    elif entry["format"] == "html":
        raw_items = LI_RE.findall(src)
    else:
        raise ValueError(f"unknown format {entry['format']}")
    return [c for c in (clean(item) for item in raw_items) if c]


def name_hashes(words: list[str]) -> set[str]:
    """sha256 prefixes (12 hex) of the lowercase word tokens of a line."""
    return {hashlib.sha256(w.encode()).hexdigest()[:12] for w in words}


def personal(text: str, owner_hashes: set[str]) -> bool:
    """True when the line holds contact data, a URL, an address or the owner's name."""
    if EMAIL_RE.search(text) or PHONE_RE.search(text) or URL_RE.search(text):
        return True
    if STREET_RE.search(text):
        return True
    words = [w.lower() for w in WORD_RE.findall(text)]
    return bool(owner_hashes & name_hashes(words))


def grams(lines: list[str]) -> set[tuple[str, ...]]:
    """Word 6-grams of a list of lines (lowercase word tokens)."""
    out: set[tuple[str, ...]] = set()
    for line in lines:
        words = [w.lower() for w in WORD_RE.findall(line)]
        for i in range(len(words) - NGRAM + 1):
            out.add(tuple(words[i : i + NGRAM]))
    return out


def share(own: set[tuple[str, ...]], other: set[tuple[str, ...]]) -> float:
    """Fraction of own 6-grams also present in other."""
    if not own:
        return 0.0
    return len(own & other) / len(own)


def main() -> None:
    """Run the draw and write set53.jsonl; print step counts."""
    draw(extract, SEED, OUT, "hb53")


def draw(
    reader: Callable[[dict[str, str], str], list[str]], seed: int, out: Path, prefix: str
) -> None:
    """Draw from the resumes of raw/manifest.json read by `reader`, `Random(seed)` and
    ids `prefix-001`...; write the set to `out` and print the step counts (draw54 draws the
    same way with more readers)."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    manifest.sort(key=lambda e: (e["repo"].casefold(), e["path"]))
    seen_lines = SEEN.read_text(encoding="utf-8").splitlines()
    seen = {norm(line) for line in seen_lines}
    seen_grams = grams(seen_lines)

    rng = random.Random(seed)
    counts = {
        "resumes": len(manifest),
        "resumes_dropped_copy": 0,
        "extracted": 0,
        "length": 0,
        "personal": 0,
        "seen": 0,
        "duplicate": 0,
        "eligible": 0,
        "drawn": 0,
    }
    kept_grams: list[set[tuple[str, ...]]] = []
    used: set[str] = set()
    rows: list[dict[str, object]] = []
    for entry in manifest:
        src = (HERE / entry["raw"]).read_text(encoding="utf-8")
        items = reader(entry, src)
        own = grams(items)
        if share(own, seen_grams) >= COPY_SHARE or any(
            share(own, g) >= COPY_SHARE for g in kept_grams
        ):
            counts["resumes_dropped_copy"] += 1
            continue
        kept_grams.append(own)
        owner = set(entry["name_sha256_12"])
        pool: list[str] = []
        for text in items:
            counts["extracted"] += 1
            if not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                counts["length"] += 1
                continue
            if personal(text, owner):
                counts["personal"] += 1
                continue
            key = norm(text)
            if key in seen:
                counts["seen"] += 1
                continue
            if key in used:
                counts["duplicate"] += 1
                continue
            used.add(key)
            pool.append(text)
        counts["eligible"] += len(pool)
        picked = rng.sample(pool, min(PER_RESUME, len(pool)))
        for text in picked:
            if len(rows) >= MAX_LINES:
                break
            rows.append(
                {
                    "id": f"{prefix}-{len(rows) + 1:03d}",
                    "text": text,
                    "source": {
                        "repo": entry["repo"],
                        "path": entry["path"],
                        "commit": entry["commit"],
                        "role": entry["role"],
                    },
                    "resume": f"{entry['repo']}#{entry['path']}",
                }
            )
    counts["drawn"] = len(rows)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(json.dumps(counts, sort_keys=True))
    print(f"resumes in set: {len({r['resume'] for r in rows})}")


if __name__ == "__main__":
    main()
