"""Draw set70: progress lines from build-in-public, open-startup and year-in-review write-ups.

Reads only raw/ (manifest.json, the write-ups, name_hashes.txt) and the brief's
seen_texts.txt; writes set70.jsonl. Deterministic: random.Random(70).
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
import unicodedata
from pathlib import Path

from set_filter import KEEP_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set70.jsonl"
MAX_LINES = 200
PER_POST = 4
NGRAM = 6
OVERLAP = 0.30

# Headings of sections that look ahead rather than report (dropped whole).
AHEAD_RE = re.compile(
    r"goals? for|plans?\b|next year|looking ahead|looking forward|what'?s next|outlook"
    r"|the future|coming year|upcoming|resolutions?|20\d\d goals|intentions",
    re.IGNORECASE,
)
DRAFT_RE = re.compile(
    r"^\s*(draft\s*[:=]\s*true|published\s*[:=]\s*false|type\s*[:=]\s*[\"']?draft)",
    re.IGNORECASE | re.MULTILINE,
)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
HANDLE_RE = re.compile(r"(?<![\w/])@\w+")
URL_RE = re.compile(r"https?://|www\.", re.IGNORECASE)
PHONE_RE = re.compile(r"(?<!\w)(\+?\d{1,3}[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\w)")
CAP_RE = re.compile(r"\b[A-Z][a-z]+\b")
LIST_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
WORD_RE = re.compile(r"\w+")


def strip_front_matter(text: str) -> tuple[str, str]:
    """Return (front matter, body) for YAML (---), TOML (+++) or bare key = value heads."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[0].strip() in ("---", "+++"):
        fence = lines[0].strip()
        for i in range(1, len(lines)):
            if lines[i].strip() == fence:
                return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :])
    if lines and re.match(r"^\w+\s*=\s*", lines[0]):
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "+++"):
                return "\n".join(lines[:i]), "\n".join(lines[i + 1 :])
    return "", "\n".join(lines)


def clean_inline(text: str) -> str:
    """Strip Markdown and HTML markup, keeping words and figures."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"!\[[^\]]*\]\[[^\]]*\]", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"\{\{<.*?>\}\}|\{\{%.*?%\}\}|\{%.*?%\}|\{\{.*?\}\}", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])", r"\1", text)
    text = text.replace("**", "").replace("~~", "")
    text = re.sub(r"\[(\w[^\]]*)\]", r"\1", text)
    text = "".join(
        ch for ch in text if unicodedata.category(ch) not in ("So", "Cs", "Co", "Mn", "Cf")
    )
    return re.sub(r"\s+", " ", text).strip()


def blocks(body: str) -> list[tuple[str, str]]:
    """Split a body into ('item', text) list items and ('para', text) paragraphs."""
    body = re.sub(r"<!--.*?-->", " ", body, flags=re.DOTALL)
    body = re.sub(r"^(```|~~~).*?^\1\s*$", " ", body, flags=re.DOTALL | re.MULTILINE)
    out: list[tuple[str, str]] = []
    kind = ""
    buf: list[str] = []
    skip = False
    in_tag = False

    def flush() -> None:
        nonlocal kind, buf
        if buf and not skip:
            out.append((kind, " ".join(buf)))
        kind, buf = "", []

    for raw in body.split("\n"):
        line = raw.rstrip()
        stripped = line.strip()
        if in_tag:
            in_tag = ">" not in stripped
            continue
        if re.match(r"^<[A-Za-z]", stripped) and ">" not in stripped:
            flush()
            in_tag = True
            continue
        if not stripped:
            flush()
            continue
        heading = re.match(r"^#{1,6}\s+(.*)$", stripped)
        if heading or re.match(r"^(={3,}|-{3,})$", stripped):
            flush()
            if heading:
                skip = bool(AHEAD_RE.search(heading.group(1)))
            continue
        if re.match(r"^(\||>|!\[|\[[^\]]+\]:|import |export |<[A-Za-z/])", stripped):
            flush()
            continue
        item = LIST_RE.match(line)
        if item:
            flush()
            kind, buf = "item", [item.group(1)]
            continue
        if kind == "item" and raw[:1] in (" ", "\t"):
            buf.append(stripped)
            continue
        if kind == "item":
            flush()
        kind = "para"
        buf.append(stripped)
    flush()
    return out


def candidate_lines(body: str) -> list[str]:
    """List items whole; paragraphs split mechanically into sentences."""
    lines: list[str] = []
    for kind, text in blocks(body):
        text = clean_inline(text)
        if not text:
            continue
        if kind == "item":
            lines.append(text)
        else:
            lines.extend(s.strip() for s in SENT_RE.split(text) if s.strip())
    return lines


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def grams(text: str) -> set[tuple[str, ...]]:
    words = WORD_RE.findall(text.lower())
    return {tuple(words[i : i + NGRAM]) for i in range(len(words) - NGRAM + 1)}


def name_hit(text: str, name_hashes: set[str]) -> bool:
    for tok in CAP_RE.findall(text):
        if hashlib.sha256(tok.lower().encode()).hexdigest()[:16] in name_hashes:
            return True
    return False


def personal(text: str, name_hashes: set[str]) -> bool:
    return bool(
        EMAIL_RE.search(text)
        or HANDLE_RE.search(text)
        or URL_RE.search(text)
        or PHONE_RE.search(text)
        or name_hit(text, name_hashes)
    )


def main() -> None:
    manifest = json.loads((RAW / "manifest.json").read_text())
    name_hashes = set((RAW / "name_hashes.txt").read_text().split())
    seen_lines = SEEN.read_text(encoding="utf-8").splitlines()
    seen = {norm(s) for s in seen_lines}
    seen_grams: set[tuple[str, ...]] = set()
    for s in seen_lines:
        seen_grams |= grams(s)

    stats = {"posts": len(manifest), "draft": 0, "overlap": 0, "kept_posts": 0}
    counts = {"candidates": 0, "len": 0, "personal": 0, "seen": 0, "dup": 0, "regex": 0}
    kept_grams: list[set[tuple[str, ...]]] = []
    writeups: list[dict] = []
    used: set[str] = set()
    for rec in sorted(manifest, key=lambda r: (r["repo"], r["path"])):
        text = (RAW / rec["raw"]).read_text(encoding="utf-8", errors="replace")
        front, body = strip_front_matter(text)
        if DRAFT_RE.search(front):
            stats["draft"] += 1
            continue
        g = grams(clean_inline(body))
        if g and (
            len(g & seen_grams) / len(g) >= OVERLAP
            or any(len(g & k) / len(g) >= OVERLAP for k in kept_grams)
        ):
            stats["overlap"] += 1
            continue
        kept_grams.append(g)
        stats["kept_posts"] += 1
        lines: list[str] = []
        for line in candidate_lines(body):
            counts["candidates"] += 1
            if not 6 <= len(line.split()) <= 60:
                counts["len"] += 1
                continue
            if personal(line, name_hashes):
                counts["personal"] += 1
                continue
            key = norm(line)
            if key in seen:
                counts["seen"] += 1
                continue
            if key in used:
                counts["dup"] += 1
                continue
            used.add(key)
            if not KEEP_RE.search(line):
                counts["regex"] += 1
                continue
            lines.append(line)
        writeups.append({"rec": rec, "lines": lines})

    rng = random.Random(70)
    rng.shuffle(writeups)
    out: list[dict] = []
    for w in writeups:
        picked = rng.sample(w["lines"], min(PER_POST, len(w["lines"])))
        for line in picked:
            if len(out) >= MAX_LINES:
                break
            rec = w["rec"]
            out.append(
                {
                    "id": f"hb70-{len(out) + 1:03d}",
                    "text": line,
                    "source": {
                        "repo": rec["repo"],
                        "path": rec["path"],
                        "commit": rec["commit"],
                        "role": rec["role"],
                    },
                    "resume": f"{rec['repo']}#{rec['path']}",
                }
            )
    with OUT.open("w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    eligible = sum(len(w["lines"]) for w in writeups)
    print(json.dumps({**stats, **counts, "eligible": eligible, "drawn": len(out)}))


if __name__ == "__main__":
    main()
