"""Draw set84: real resume lines from resume PDFs committed to GitHub (offline, deterministic).

Reads raw/manifest.json and the extracted texts in raw/ (written once by extract84.py),
segments each resume into experience / projects / achievements items, applies the mechanical
filters of the brief, and samples with random.Random(84). Writes set84.jsonl and prints counts.
"""

import hashlib
import json
import random
import re
from pathlib import Path

from set_filter import KEEP_RE as FILTER  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set84.jsonl"
PER_RESUME = 6
TOTAL = 200

INCLUDE = {
    "experience",
    "work experience",
    "work experiences",
    "professional experience",
    "professional experiences",
    "relevant experience",
    "employment history",
    "employment",
    "work history",
    "career history",
    "internship experience",
    "internships",
    "internship",
    "freelance experience",
    "leadership experience",
    "volunteer experience",
    "project experience",
    "projects",
    "project",
    "academic projects",
    "personal projects",
    "key projects",
    "selected projects",
    "achievements",
    "key achievements",
    "accomplishments",
    "key accomplishments",
    "awards and achievements",
    "achievements and awards",
}
EXCLUDE = {
    "education",
    "skills",
    "technical skills",
    "soft skills",
    "core skills",
    "key skills",
    "professional skills",
    "additional skills",
    "programming languages",
    "tools",
    "tools used",
    "summary",
    "professional summary",
    "profile summary",
    "profile",
    "about me",
    "objective",
    "career objective",
    "certifications",
    "certification",
    "certificates",
    "licenses and certifications",
    "courses",
    "training",
    "languages",
    "references",
    "contact",
    "personal information",
    "personal details",
    "personal statement",
    "interests",
    "hobbies",
    "extra curricular",
    "activities",
    "additional information",
    "publications",
    "research",
    "core competencies",
    "competencies",
    "expertise",
}
HEADINGS = sorted(INCLUDE | EXCLUDE, key=len, reverse=True)

ANYWHERE_GLYPHS = "•●▪◦➢«\uf0b7\uf0a7\uf0d8"
START_GLYPHS = ANYWHERE_GLYPHS + "-*–"
GLYPH_SPLIT = re.compile("[" + re.escape(ANYWHERE_GLYPHS) + "]")
YEAR = re.compile(r"\b(19|20)\d\d\b|\bpresent\b|\bcurrent\b", re.I)
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")

EMAIL = re.compile(r"\S+@\S+")
URL = re.compile(r"https?://|www\.|\b\S+\.(com|org|net|io|in|np|me)\b/?|linkedin|github", re.I)
PHONE = re.compile(r"\+?\d[\d\s\-().]{6,}\d")


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text, as used for seen_texts and duplicates."""
    return " ".join(text.split()).lower()


def heading_key(line: str) -> str:
    """Normalise a candidate heading: collapse spaced capitals, keep letters, '&' and spaces."""
    s = line.strip()
    if re.search(r"\b[A-Z] [A-Z] [A-Z]\b", s):
        s = " ".join(part.replace(" ", "") for part in re.split(r"\s{2,}", s))
    s = s.lower().replace("&", " and ")
    s = re.sub(r"[^a-z ]", " ", s)
    return " ".join(s.split())


def heading_of(line: str) -> str | None:
    """Return the heading a line names, or None; headings are short lines or an upper-case lead."""
    key = heading_key(line)
    if key in INCLUDE or key in EXCLUDE:
        return key
    stripped = line.strip()
    for head in HEADINGS:
        if key.startswith(head + " ") and stripped[: len(head)].isupper():
            return head
    return None


def is_header(line: str) -> bool:
    """A role / company / date line (not bullet text)."""
    words = line.split()
    if YEAR.search(line) and len(words) <= 12:
        return True
    return "|" in line and len(words) <= 15


def items_of(text: str) -> list[str]:
    """Bullets and sentences of the experience, projects and achievements sections."""
    items: list[str] = []
    cur: list[str] = []
    cur_bullet = False
    pending = False
    section: str | None = None

    def flush() -> None:
        nonlocal cur, cur_bullet
        if cur:
            joined = " ".join(" ".join(cur).split())
            if cur_bullet:
                items.append(joined)
            else:
                items.extend(s for s in SENT_SPLIT.split(joined) if s)
        cur = []
        cur_bullet = False

    for raw_line in text.splitlines():
        for k, piece in enumerate(GLYPH_SPLIT.split(raw_line)):
            glyph = k > 0
            line = piece.strip()
            if not glyph and line[:1] in START_GLYPHS and line[1:2] == " ":
                glyph, line = True, line[1:].strip()
            if not line:
                pending = pending or glyph
                continue
            glyph, pending = glyph or pending, False
            head = heading_of(line) if not glyph else None
            if head is not None:
                flush()
                section = head
                continue
            if section not in INCLUDE:
                continue
            if glyph:
                flush()
                cur, cur_bullet = [line], True
                continue
            if is_header(line) and not line[:1].islower():
                flush()
                continue
            if cur and (line[:1].islower() or not re.search(r"[.!?]$", cur[-1])):
                cur.append(line)
            else:
                flush()
                cur = [line]
    flush()
    return items


def personal(line: str, name_hashes: set[str]) -> bool:
    """Emails, phones, URLs, redacted or hashed person names."""
    if "[NAME]" in line or EMAIL.search(line) or URL.search(line):
        return True
    if any(len(re.sub(r"\D", "", m)) >= 8 for m in PHONE.findall(line)):
        return True
    for word in re.findall(r"[A-Za-z]+", line):
        if hashlib.sha256(word.lower().encode()).hexdigest()[:12] in name_hashes:
            return True
    return False


def main() -> None:
    manifest = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    names = json.loads((RAW / "names.json").read_text(encoding="utf-8"))
    name_hashes = set(names["all"])
    seen = {norm(x) for x in SEEN.read_text(encoding="utf-8", errors="replace").splitlines()}
    resumes = sorted(
        (m for m in manifest if m["status"] == "kept"), key=lambda m: (m["repo"], m["path"])
    )
    counts = {"items": 0, "words": 0, "personal": 0, "seen": 0, "dup": 0, "regex": 0}
    used: set[str] = set()
    pools: list[tuple[dict[str, str], list[str]]] = []
    for m in resumes:
        text = (RAW / m["raw"]).read_text(encoding="utf-8")
        pool: list[str] = []
        for item in items_of(text):
            counts["items"] += 1
            if not 6 <= len(item.split()) <= 60:
                continue
            counts["words"] += 1
            if personal(item, name_hashes):
                continue
            counts["personal"] += 1
            key = norm(item)
            if key in seen:
                continue
            counts["seen"] += 1
            if key in used:
                continue
            used.add(key)
            counts["dup"] += 1
            if not FILTER.search(item):
                continue
            counts["regex"] += 1
            pool.append(" ".join(item.split()))
        pools.append((m, pool))
    rng = random.Random(84)
    rng.shuffle(pools)
    rows: list[dict[str, object]] = []
    per_role: dict[str, int] = {}
    contributing = 0
    for m, pool in pools:
        if len(rows) >= TOTAL:
            break
        picked = rng.sample(pool, min(PER_RESUME, len(pool)))
        picked = picked[: TOTAL - len(rows)]
        if picked:
            contributing += 1
            per_role[m["role"]] = per_role.get(m["role"], 0) + 1
        for text in picked:
            rows.append(
                {
                    "id": f"hb84-{len(rows) + 1:03d}",
                    "text": text,
                    "source": {
                        "repo": m["repo"],
                        "path": m["path"],
                        "commit": m["commit"],
                        "role": m["role"],
                    },
                    "resume": f"{m['repo']}#{m['path']}",
                }
            )
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"resumes kept: {len(resumes)}; contributing: {contributing}; lines: {len(rows)}")
    print("after step:", json.dumps(counts))
    print("pool sizes:", sorted(len(p) for _, p in pools))
    print("contributing resumes per role:", json.dumps(per_role, sort_keys=True))


if __name__ == "__main__":
    main()
