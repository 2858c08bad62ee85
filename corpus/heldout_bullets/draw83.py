"""Draw set83: real resume bullets from resume PDFs committed to GitHub.

Reads raw/manifest.json and the extracted texts in raw/ (made once by prep83.py),
and writes set83.jsonl. Deterministic: random.Random(83), no network.
Every filter is mechanical; no line is picked, kept or dropped for its wording
beyond the filters below.
"""

import hashlib
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

from set_filter import KEEP_RE as METRIC  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set83.jsonl"
SEED = 83
PER_RESUME = 6
TOTAL = 200
COPY_SHARE = 0.30


BULLETS = (
    "\u2022\u25cf\u25aa\u25e6-*\u2013\u2217\u25a0"  # bullet glyphs
    "\u25c6\u27a2\u25ba\u00b7\u2023\u25cb\u2713\u27a4"
)

KEEP_KEYS = {
    "experience",
    "workexperience",
    "professionalexperience",
    "relevantexperience",
    "priorexperience",
    "entrepreneurialexperience",
    "leadershipexperience",
    "volunteerexperience",
    "employment",
    "employmenthistory",
    "workhistory",
    "careerhistory",
    "careerhighlights",
    "projects",
    "keyprojects",
    "keyprojectsimpact",
    "recentprojects",
    "sideprojects",
    "techprojects",
    "productmanagementprojects",
    "aiproductprojects",
    "aibuiltprototypes",
    "casestudies",
    "productcasestudy",
    "productportfolio",
    "achievements",
    "keyachievements",
    "notableachievements",
    "achievementsawards",
    "awardsachievements",
    "awardsrecognition",
    "accomplishments",
    "starbasedachievements",
    "signatureachievement",
    "leadership",
    "leadershiproles",
    "internship",
    "internships",
    "volunteer",
    "volunteering",
}
DROP_KEYS = {
    "summary",
    "professionalsummary",
    "careersummary",
    "executivesummary",
    "profile",
    "profiles",
    "aboutme",
    "objective",
    "skills",
    "education",
    "certifications",
    "certificates",
    "languages",
    "hobbies",
    "contact",
    "tools",
    "references",
    "other",
    "additional",
    "additionalinformation",
    "relevantcoursework",
    "coursespursued",
    "interests",
    "publications",
    "awards",
    "extracurricularactivities",
    "socialactivities",
}
DROP_STEMS = (
    "summary",
    "skill",
    "education",
    "certific",
    "course",
    "language",
    "hobb",
    "contact",
    "tool",
    "reference",
    "additional",
    "competenc",
    "profile",
    "objective",
    "interest",
    "membership",
    "academic",
    "publication",
    "curricular",
)
KEEP_STEMS = (
    "experience",
    "project",
    "achievement",
    "accomplishment",
    "employment",
    "history",
    "highlight",
    "leadership",
    "volunteer",
    "internship",
    "casestud",
)

MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s*'?\d{2,4}\b"
DATE = re.compile(
    MONTH
    + r"|\b(19|20)\d\d\s*(-|\u2013|\u2014|to)\s*((19|20)\d\d|present|now|current)\b"
    + r"|\b\d{1,2}/(19|20)\d\d\b|\bpresent\b",
    re.I,
)
EMAIL = re.compile(r"\S+@\S+")
URL = re.compile(
    r"https?://|www\.|linkedin|github\.com|\b[\w-]+\.(com|io|me|dev|app|net|org|co|ie|in|uk)\b",
    re.I,
)
PHONE = re.compile(r"(\+?\(?\d[\d\s().\-]{6,}\d)")
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+[A-Z][a-z]+")
TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*")
WORD = re.compile(r"\w+")


def norm(text: str) -> str:
    """NFKC and whitespace-collapse a line."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def key_of(line: str) -> str:
    """Letters of a line, lower-cased, for heading matching (handles letter-spacing)."""
    return re.sub(r"[^a-z]", "", line.lower())


def heading(line: str) -> str | None:
    """Return 'keep' or 'drop' when the line is a section heading, else None."""
    line = re.sub(r"\([^)]*\)", " ", line).strip(" :")
    words = line.split()
    if words and all(len(w) <= 2 for w in words):
        words = ["".join(words)]
    if not words or len(words) > 8 or re.search(r"\d", line):
        return None
    key = key_of(line)
    if key in KEEP_KEYS:
        return "keep"
    if key in DROP_KEYS:
        return "drop"
    letters = [ch for ch in line if ch.isalpha()]
    if len(words) <= 6 and letters and all(ch.isupper() for ch in letters):
        if any(stem in key for stem in DROP_STEMS):
            return "drop"
        if any(stem in key for stem in KEEP_STEMS):
            return "keep"
    return None


def is_bullet(line: str) -> bool:
    """True when the line starts with a bullet glyph."""
    return line[:1] in BULLETS


def strip_bullet(line: str) -> str:
    """Remove leading and trailing bullet glyphs."""
    return line.lstrip(BULLETS + " ").rstrip(BULLETS + " ")


def header_like(line: str) -> bool:
    """Job-title, company or date lines that close an item."""
    if DATE.search(line) or " | " in line:
        return True
    words = [w for w in line.split() if any(ch.isalpha() for ch in w)]
    if 0 < len(words) <= 5 and line[-1:] not in ".!?":
        return all(w[0].isupper() or not w[0].isalpha() for w in words)
    return False


def continues(line: str, prev: str) -> bool:
    """True when the line is a wrapped continuation of the open item."""
    first = line[:1]
    if first.islower() or first in "(&$%+,;:)/":
        return True
    if first.isdigit() and not DATE.search(line):
        return True
    return prev[-1:] not in ".!?" and not header_like(line)


def join(prev: str, line: str) -> str:
    """Join a wrapped line onto an item, mending a word broken at a hyphen."""
    if prev.endswith("-") and prev[-2:-1].isalpha() and line[:1].islower():
        return prev + line
    return prev + " " + line


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph at sentence ends."""
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph) if s]


def items_of(text: str) -> list[str]:
    """Bullets (or paragraph sentences) of the experience/projects/achievements sections."""
    out: list[str] = []
    item: str | None = None
    para: list[str] = []

    def close() -> None:
        nonlocal item
        if item:
            out.append(item)
        item = None

    def close_para() -> None:
        if para:
            out.extend(sentences(" ".join(para)))
            para.clear()

    lines = [x for x in (norm(raw) for raw in text.splitlines()) if x]
    first = next((i for i, x in enumerate(lines) if heading(x)), len(lines))
    keep = sum(1 for x in lines[:first] if is_bullet(x)) >= 3
    for line in lines:
        kind = heading(line)
        if kind:
            close()
            close_para()
            keep = kind == "keep"
            continue
        if not keep:
            continue
        if is_bullet(line):
            close()
            close_para()
            body = strip_bullet(line)
            item = body or None
        elif item is not None and continues(line, item):
            item = join(item, line)
        elif header_like(line):
            close()
            close_para()
        else:
            close()
            if para and not continues(line, para[-1]):
                close_para()
            para.append(line)
    close()
    close_para()
    return [norm(strip_bullet(x)) for x in out if strip_bullet(x)]


def has_name(line: str, hashes: set[str]) -> bool:
    """True when a capitalised token is one of the owner's hashed name words."""
    for tok in TOKEN.findall(line):
        for part in tok.split("-"):
            if part[:1].isupper() and len(part) >= 2:
                if hashlib.sha256(part.lower().encode()).hexdigest()[:16] in hashes:
                    return True
    return False


def phone_like(line: str) -> bool:
    """True when the line holds a run of 8+ digits written as a phone number."""
    for m in PHONE.finditer(line):
        digits = re.sub(r"\D", "", m.group(1))
        if len(digits) >= 8 and not re.fullmatch(r"(19|20)\d\d(19|20)\d\d", digits):
            return True
    return False


def personal(line: str, hashes: set[str]) -> bool:
    """Emails, URLs, phone numbers, person names."""
    return bool(
        EMAIL.search(line)
        or URL.search(line)
        or phone_like(line)
        or HONORIFIC.search(line)
        or has_name(line, hashes)
    )


def grams(lines: list[str]) -> set[tuple[str, ...]]:
    """Word 6-grams within each line."""
    out: set[tuple[str, ...]] = set()
    for line in lines:
        words = WORD.findall(line.lower())
        out.update(tuple(words[i : i + 6]) for i in range(len(words) - 5))
    return out


def main() -> None:
    manifest = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    manifest.sort(key=lambda m: m["repo"].lower())
    seen_lines = SEEN.read_text(encoding="utf-8").splitlines()
    seen = {" ".join(s.split()).lower() for s in seen_lines}
    seen_grams = grams(seen_lines)
    stats: dict[str, int] = {
        "resumes": len(manifest),
        "copies_dropped": 0,
        "items": 0,
        "len_6_60": 0,
        "no_personal": 0,
        "not_seen": 0,
        "not_dup": 0,
        "regex": 0,
    }
    kept: list[tuple[dict, list[str]]] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    dup: set[str] = set()
    per_resume: dict[str, list[int]] = {}
    for res in manifest:
        items = items_of((RAW / res["text"]).read_text(encoding="utf-8"))
        g = grams(items)
        if g:
            shares = [len(g & seen_grams) / len(g)] + [len(g & k) / len(g) for k in kept_grams]
            if max(shares) >= COPY_SHARE:
                stats["copies_dropped"] += 1
                per_resume[res["repo"]] = [len(items), -1]
                continue
        hashes = set(res["name_sha256_16"])
        lines: list[str] = []
        stats["items"] += len(items)
        for text in items:
            if not 6 <= len(text.split()) <= 60:
                continue
            stats["len_6_60"] += 1
            if personal(text, hashes):
                continue
            stats["no_personal"] += 1
            low = text.lower()
            if low in seen:
                continue
            stats["not_seen"] += 1
            if low in dup:
                continue
            dup.add(low)
            stats["not_dup"] += 1
            if not METRIC.search(text):
                continue
            stats["regex"] += 1
            lines.append(text)
        per_resume[res["repo"]] = [len(items), len(lines)]
        kept.append((res, lines))
        kept_grams.append(g)

    rng = random.Random(SEED)
    rng.shuffle(kept)
    rows: list[dict] = []
    for res, lines in kept:
        if len(rows) >= TOTAL:
            break
        for text in rng.sample(lines, min(PER_RESUME, len(lines))):
            if len(rows) >= TOTAL:
                break
            rows.append(
                {
                    "id": f"hb83-{len(rows) + 1:03d}",
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
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    stats["drawn"] = len(rows)
    stats["resumes_contributing"] = len({r["source"]["repo"] for r in rows})
    json.dump({"stats": stats, "per_resume": per_resume}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
