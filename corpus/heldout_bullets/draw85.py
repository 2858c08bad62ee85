"""Draw set85: real resume lines from resume PDFs committed to GitHub.

Runs offline on raw/ (text extracted from each PDF by prep85.py, contact lines removed).
Steps: split each kept resume into sections; take the experience, projects and
achievements sections; join lines a PDF wrapped mid-sentence; split at bullet glyphs
and at lines that start a new bullet (paragraphs are split into sentences); apply the
mechanical filters (6-60 words, personal data, seen_texts.txt, duplicates, the shared
regex); then draw with random.Random(85): resumes sorted by repo, shuffled, at most 6
lines per resume by rng.sample, 200 lines at most.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path
from typing import Any

from set_filter import KEEP_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set85.jsonl"
MAX_LINES = 200
PER_RESUME = 6

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL_RE = re.compile(
    r"https?://|www\.|linkedin\.com|github\.com"
    r"|\b[\w-]+\.(com|org|io|dev|me|app|ai|co|in|edu|site|tech)\b(/\S*)?",
    re.IGNORECASE,
)
PHONE_RE = re.compile(r"\+?\(?\d[\d\s().\-]{7,}\d")
DATE_RE = re.compile(
    r"\b(19|20)\d{2}\b|\bpresent\b|\bcurrent\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept"
    r"|oct|nov|dec)[a-z]*\.?\s+'?\d{2,4}\b",
    re.IGNORECASE,
)
BULLET_CHARS = "•●▪◦■□➢►▸‣⁃○◆♦✓✔·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8\uf02d"
BULLET_START_RE = re.compile(r"^\s*([" + BULLET_CHARS + r"]|[-*–]\s)")
MID_BULLET_RE = re.compile(r"\s[•●▪◦■➢►\uf0b7\uf0a7]\s")
SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")

HEAD_WORDS = frozenset(
    [
        "experience",
        "experiences",
        "professional",
        "work",
        "relevant",
        "employment",
        "history",
        "internship",
        "internships",
        "project",
        "projects",
        "key",
        "academic",
        "personal",
        "selected",
        "notable",
        "achievement",
        "achievements",
        "accomplishment",
        "accomplishments",
        "award",
        "awards",
        "honors",
        "and",
        "recognition",
        "summary",
        "profile",
        "objective",
        "statement",
        "about",
        "me",
        "skill",
        "skills",
        "technical",
        "core",
        "competencies",
        "competency",
        "education",
        "certification",
        "certifications",
        "certificate",
        "certificates",
        "license",
        "licenses",
        "language",
        "languages",
        "interest",
        "interests",
        "hobbies",
        "tools",
        "contact",
        "reference",
        "references",
        "publication",
        "publications",
        "course",
        "courses",
        "coursework",
        "training",
        "volunteer",
        "volunteering",
        "activities",
        "extracurricular",
        "leadership",
        "highlights",
        "career",
        "information",
        "expertise",
        "areas",
        "of",
        "strengths",
        "additional",
        "other",
        "technologies",
        "qualifications",
        "tech",
        "stack",
        "involvement",
        "community",
        "affiliations",
        "memberships",
        "research",
        "positions",
        "responsibility",
        "responsibilities",
        "case",
        "studies",
        "impact",
        "details",
    ]
)
HEAD_NOUNS = frozenset(
    [
        "experience",
        "experiences",
        "employment",
        "internship",
        "internships",
        "projects",
        "achievements",
        "accomplishments",
        "summary",
        "skills",
        "education",
        "certifications",
        "competencies",
        "languages",
        "profile",
        "objective",
        "highlights",
    ]
)
INCLUDE_WORDS = frozenset(
    [
        "experience",
        "experiences",
        "employment",
        "internship",
        "internships",
        "project",
        "projects",
        "achievement",
        "achievements",
        "accomplishment",
        "accomplishments",
        "highlights",
    ]
)
EXCLUDE_WORDS = frozenset(
    [
        "skill",
        "skills",
        "education",
        "certification",
        "certifications",
        "certificate",
        "certificates",
        "competencies",
        "competency",
        "summary",
        "profile",
        "objective",
        "languages",
    ]
)


def despace(text: str) -> str:
    """Undo letter-spacing ('E X P E R I E N C E') in a line; leave other lines as they are."""
    core = re.sub(r"^[^A-Za-z0-9]+", "", text.strip())
    tokens = core.split()
    if len(tokens) >= 4 and sum(len(t) == 1 for t in tokens) / len(tokens) >= 0.6:
        parts = re.split(r"\s{2,}", core)
        return " ".join(p.replace(" ", "") for p in parts)
    return text.strip()


def heading_words(line: str) -> list[str] | None:
    """Return the words of a section heading, or None when the line is not one."""
    stripped = line.strip()
    if not stripped or stripped[0].islower() or stripped.endswith((".", ",", ";")):
        return None
    text = despace(stripped)
    first = re.split(r"\s{2,}", text)[0]
    if len(first) > 60 or re.search(r"\d", first.replace("WEB3", "")):
        return None
    words = re.sub(r"[^a-z ]", " ", first.replace("&", " and ").lower()).split()
    if not 0 < len(words) <= 6:
        return None
    if all(w in HEAD_WORDS for w in words):
        return words
    letters = [c for c in first if c.isalpha()]
    upper = bool(letters) and all(c.isupper() for c in letters)
    if upper and any(w in HEAD_NOUNS for w in words):
        return words
    return None


def include_section(words: list[str]) -> bool:
    """Experience, projects and achievements sections (and a bare 'Work' heading)."""
    if any(w in EXCLUDE_WORDS for w in words):
        return False
    if words == ["work"] or ("work" in words and "history" in words):
        return True
    return any(w in INCLUDE_WORDS for w in words)


def split_mid_bullets(lines: list[str]) -> list[str]:
    """Split lines at bullet glyphs that sit inside a line."""
    out: list[str] = []
    for line in lines:
        pieces = MID_BULLET_RE.split(line)
        if len(pieces) == 1:
            out.append(line)
            continue
        out.append(pieces[0])
        out.extend("• " + p for p in pieces[1:])
    return out


def join_text(prev: str, nxt: str) -> str:
    if prev.endswith("-") and nxt[:1].islower():
        return prev + nxt
    return prev + " " + nxt


def header_like(line: str) -> bool:
    """An entry header (role, company, dates) rather than bullet text."""
    words = line.split()
    if DATE_RE.search(line) and len(words) <= 14:
        return True
    return " | " in line and len(words) <= 14


def section_items(lines: list[str]) -> list[str]:
    """Bullets and paragraph sentences of one included section, in order.

    A line continues the item above when it starts in lower case, or when the line above
    ran to (nearly) full width without ending a sentence and this line is no entry header.
    Otherwise it starts a new item: a bullet when it opens with a bullet glyph, else a
    paragraph (skipped when it is an entry header or a short title line).
    """
    pieces = [x for x in split_mid_bullets(lines) if x.strip()]
    lengths = sorted(len(x) for x in pieces)
    full_len = 0.85 * lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0.0
    items: list[tuple[str, str]] = []
    cur = ""
    kind = ""
    prev_len = 0
    pending_bullet = False
    for raw_line in pieces:
        line = raw_line.strip()
        is_bullet = bool(BULLET_START_RE.match(line))
        body = BULLET_START_RE.sub("", line, count=1).strip() if is_bullet else line
        if is_bullet or pending_bullet:
            if cur:
                items.append((kind, cur))
            cur, kind = (body, "bullet") if body else ("", "")
            pending_bullet = is_bullet and not body
            prev_len = len(raw_line)
            continue
        starts_lower = body[:1].islower() or body[:1] in "(&%$+,;:"
        wrapped = prev_len >= full_len and not cur.endswith((".", "!", "?"))
        if cur and (starts_lower or (wrapped and not header_like(body))):
            cur = join_text(cur, body)
            prev_len = len(raw_line)
            continue
        if cur:
            items.append((kind, cur))
        cur, kind = "", ""
        prev_len = len(raw_line)
        title = len(body.split()) <= 8 and not body.endswith(".") and len(raw_line) < full_len
        if header_like(body) or title:
            continue
        cur, kind = body, "para"
    if cur:
        items.append((kind, cur))
    out: list[str] = []
    for k, text in items:
        text = re.sub(r"\s+", " ", text).strip()
        out.extend(SENT_RE.split(text) if k == "para" else [text])
    return out


def resume_items(text: str) -> list[str]:
    """Items from the experience, projects and achievements sections of one resume."""
    lines = text.splitlines()
    items: list[str] = []
    section: list[str] = []
    active = False
    for line in lines:
        words = heading_words(line)
        if words is not None:
            if active:
                items.extend(section_items(section))
            section, active = [], include_section(words)
            continue
        if active:
            section.append(line)
    if active:
        items.extend(section_items(section))
    return items


def name_hash(word: str) -> str:
    return hashlib.sha256(word.encode()).hexdigest()[:16]


def personal(line: str, name_hashes: set[str]) -> bool:
    """Emails, URLs, phone numbers or the person's name words."""
    if EMAIL_RE.search(line) or URL_RE.search(line):
        return True
    for m in PHONE_RE.finditer(line):
        if sum(c.isdigit() for c in m.group()) >= 10:
            return True
    return any(name_hash(w) in name_hashes for w in re.findall(r"[a-z]+", line.lower()))


def norm(text: str) -> str:
    return " ".join(text.lower().split())


def main() -> None:
    manifest = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    hashes = json.loads((RAW / "name_hashes85.json").read_text(encoding="utf-8"))
    seen = {norm(x) for x in SEEN.read_text(encoding="utf-8").splitlines()}
    resumes = sorted(
        (m for m in manifest if m["status"] == "kept"), key=lambda m: (m["repo"], m["path"])
    )
    used: set[str] = set()
    pools: list[tuple[dict[str, Any], list[str]]] = []
    for res in resumes:
        text = (RAW / res["raw"]).read_text(encoding="utf-8")
        name_hashes = set(hashes[res["raw"].removesuffix(".txt")])
        pool: list[str] = []
        for item in resume_items(text):
            n_words = len(item.split())
            if not 6 <= n_words <= 60 or personal(item, name_hashes):
                continue
            key = norm(item)
            if key in seen or key in used:
                continue
            used.add(key)
            if KEEP_RE.search(item):
                pool.append(item)
        pools.append((res, pool))
    rng = random.Random(85)
    rng.shuffle(pools)
    rows: list[dict[str, object]] = []
    for res, pool in pools:
        picked = rng.sample(pool, PER_RESUME) if len(pool) > PER_RESUME else list(pool)
        for text in picked:
            if len(rows) >= MAX_LINES:
                break
            rows.append(
                {
                    "id": f"hb85-{len(rows) + 1:03d}",
                    "text": text,
                    "source": {
                        "repo": res["repo"],
                        "path": res["path"],
                        "commit": res["commit"],
                        "role": res["role"],
                    },
                    "resume": f"{res['repo']}#{res['path']}",
                }
            )
        if len(rows) >= MAX_LINES:
            break
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
