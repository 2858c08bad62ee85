"""Draw set82: real resume lines from resume PDFs committed to GitHub.

Reads the extracted resume texts in raw/ (listed in raw/manifest.json), applies only
mechanical filters, and writes set82.jsonl. Deterministic: random.Random(82).
Run: python3 draw82.py   (no network, no third-party packages)
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

from set_filter import KEEP_RE as FILTER_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
MANIFEST = RAW / "manifest.json"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set82.jsonl"

SEED = 82
MAX_PER_RESUME = 6
MAX_LINES = 200
MIN_WORDS = 6
MAX_WORDS = 60
COPY_LIMIT = 0.30
GRAM = 6

# sha256(name word)[:12] for the name words of the kept resumes' owners (no names stored).
_NAME_HASH_BLOB = (
    "01e662a833d902d08359f7540398853a76500b33585432fe0bf798939d070fba4f860f721321447edaf9"
    "1398d1143cb21508b697895a175fe25e87631872c8ecf8651b3dd1b76ae324c46105d45b2582bb66ea3f"
    "265719f4e7ee2ac025b0e97431e9033aae6a3e3aa2502d33403693fe6360411d6743f3a843762f7506b7"
    "44104fcaef8446e8a893096d491b3dfcaf864b7bb8c30106502913bfdd4955579b557896560c48d6c73e"
    "580a4f28fb485ad3b0408f115b0e1ceb31735d4c0e99410d5d7f15f2fce85dbc1960d0365e2b5bca508b"
    "61fbd0ff6853624d68829868626b90273d08643af5613dcb67530b9793ba68be7550846e6c2d908d4726"
    "6d9541cb92c86e2403383a15755fb4c829ab7b22619628bf7e812cfbf7408da0a51e91c19517e44b03b2"
    "9f215debfefb9f362e1447b9a1c6cf1ec22fa6761ccff119abfd6370ab14b02e06485c54b5d9b5be6c0a"
    "b6f8d22c1476b918c3f9116cbe58414e65f0be68877fa734bf006403f1e1c3858f265f43c38640a4e6f2"
    "c541221ec5f5c55a54313647c6d17a3613b9c86fe9e9cc38c97bb3d1fa22cd16a2d9bb25cdaada7c4e52"
    "cdf30c6b3452cf44793be535cfe83e4cba45d81a65c1de02da61d340a010db381077dfefdbfdaba08fa1"
    "dc863cb6879fdcf32d7df3e5dee55bf8057adf57cb607d2ee2add8ae9640e2dd3c62471ce444bd3bca27"
    "e75a6cd43a16e9ba86457730f177e7f92ca0f2b95147ef43f33d6075511df4d25158ccddf5b6ca6bc375"
    "f87afaaf2b07fb2c99a87cdbfd0c70ac3371"
)
NAME_HASHES = frozenset(_NAME_HASH_BLOB[i : i + 12] for i in range(0, len(_NAME_HASH_BLOB), 12))


# Section headings, compared as lowercase letters and '&' only (spaces removed).
INCLUDE_KEYS = frozenset(
    {
        "experience",
        "workexperience",
        "professionalexperience",
        "relevantexperience",
        "internshipexperience",
        "internships",
        "internship",
        "employment",
        "employmenthistory",
        "workhistory",
        "professionalhistory",
        "careerhistory",
        "additionalexperience",
        "additionalprofessionalexperience",
        "previousexperience",
        "complementaryexperience",
        "otherexperience",
        "professional&strategicexperience",
        "projects",
        "keyprojects",
        "academicprojects",
        "technicalprojects",
        "universityprojects",
        "personalprojects",
        "selectedprojects",
        "relevantprojects",
        "achievements",
        "keyachievements",
        "accomplishments",
        "awards&achievements",
        "achievements&awards",
        "leadership&achievements",
        "careerhighlights",
        "highlights",
        "keyimpact",
    }
)
EXCLUDE_KEYS = frozenset(
    {
        "summary",
        "professionalsummary",
        "profile",
        "careerobjective",
        "objective",
        "about",
        "aboutme",
        "skills",
        "technicalskills",
        "keyskills",
        "coreskills",
        "relevantskills",
        "skillset",
        "corecompetencies",
        "areasofexpertise",
        "education",
        "education&honors",
        "education&certifications",
        "education&certification",
        "education&training",
        "education&credentials",
        "certifications",
        "certification",
        "certificates",
        "certifications&learning",
        "skills&certifications",
        "skills&additionalinformation",
        "publications",
        "languages",
        "languagesknown&interests",
        "interests",
        "contact",
        "additional",
        "additionalinfo",
        "additionalinformation",
        "honors&commendations",
        "leadership&research",
        "mentorshipengagement",
        "positionsofresponsibility",
        "extracurricular",
        "plusexperiencein",
        "references",
        "software&tools",
    }
)
EXCLUDE_WORDS = (
    "skill",
    "competenc",
    "expertise",
    "education",
    "certific",
    "language",
    "interest",
    "contact",
    "summary",
    "profile",
    "objective",
    "publication",
    "reference",
    "coursework",
)
INCLUDE_WORDS = (
    "experience",
    "project",
    "achievement",
    "accomplishment",
    "employment",
    "internship",
)

# Bullet glyphs; also unmapped glyphs (control and private-use characters, "/Name:" glyph names).
BULLET_RE = re.compile(
    r"^(?:[•●▪◦*○❖➢■►✓∗·>]|[-–](?=\s)|[\x00-\x1f\x7f-\x9f\ue000-\uf8ff]|/[A-Z][A-Za-z0-9]*:)\s*"
)
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_RE = re.compile(
    rf"\b{MONTH}\s*[-,']?\s*(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d\s*[-–—]\s*(?:(?:19|20)\d\d|present|current|now|till date)\b"
    r"|\b\d{1,2}/(?:19|20)\d\d\b"
    r"|\b(?:present|current)\s*$",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE_RE = re.compile(
    r"(?:\+\d{1,3}[\s-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"
    r"|\+\d{2}[\s-]?\d{5}[\s-]?\d{5}\b"
    r"|\+?\b\d{10,13}\b"
)
URL_RE = re.compile(
    r"https?://|www\.|linkedin|github\.com|\b[\w-]+\.(?:com|io|net|org|dev|me|ai|app|co|in|us)\b",
    re.IGNORECASE,
)
DOB_RE = re.compile(r"date of birth|\bd\.?o\.?b\b", re.IGNORECASE)
JOIN_WORDS = frozenset({"and", "or", "of", "to", "the", "a", "an", "in", "for", "with", "by", "on"})
SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def norm_space(text: str) -> str:
    """Collapse all whitespace to single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH)
    return " ".join(text.split())


def heading_state(line: str) -> str | None:
    """Return 'in' or 'out' if the line is a section heading, else None."""
    key = re.sub(r"[^a-z&]", "", line.lower())
    if not key or len(key) > 45 or not line[0].isupper() or line.endswith("."):
        return None
    if key in INCLUDE_KEYS:
        return "in"
    if key in EXCLUDE_KEYS:
        return "out"
    letters = re.sub(r"[^A-Za-z]", "", line)
    if re.search(r"\d|@|\|", line) or len(line.split()) > 8 or not letters.isupper():
        return None
    if any(word in key for word in EXCLUDE_WORDS):
        return "out"
    if any(word in key for word in INCLUDE_WORDS):
        return "in"
    return None


def name_hit(text: str) -> bool:
    """True if a word of the text is one of the hashed name words."""
    for token in re.findall(r"[^\W\d_]+", text.lower()):
        if len(token) >= 3 and hashlib.sha256(token.encode()).hexdigest()[:12] in NAME_HASHES:
            return True
    return False


def has_personal_data(text: str) -> bool:
    """Emails, phone numbers, URLs, birth dates or owners' names."""
    return bool(
        EMAIL_RE.search(text)
        or PHONE_RE.search(text)
        or URL_RE.search(text)
        or DOB_RE.search(text)
        or name_hit(text)
    )


def continues(prev: str, line: str, width: float) -> bool:
    """Whether a physical line continues the previous one (a PDF wrap)."""
    if line[0].islower() or line[0] in ",;:)&":
        return True
    words = prev.split()
    if prev.endswith(("-", ",", "&", "/")) or (words and words[-1].lower() in JOIN_WORDS):
        return True
    return len(prev) >= 0.8 * width and not prev.endswith((".", "!", "?", ":"))


def join_parts(parts: list[str]) -> str:
    """Join wrapped physical lines into one line."""
    text = ""
    for part in parts:
        if text.endswith("-") and text[-2:-1].isalpha():
            text += part
        else:
            text = f"{text} {part}" if text else part
    # Unmapped glyphs inside a line: U+0019 is the PDF right single quote; drop other controls.
    text = CONTROL_RE.sub("", text.replace("\x19", "'"))
    return norm_space(text)


def extract_lines(text: str) -> list[str]:
    """Bullets (or paragraph sentences) of experience, project and achievement sections."""
    phys = [norm_space(raw) for raw in text.splitlines()]
    lengths = sorted(len(s) for s in phys if s)
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    has_heading = any(heading_state(s) == "in" for s in phys if s)
    bullets_only = not has_heading
    state = "out" if has_heading else "in"
    items: list[str] = []
    cur: list[str] = []
    kind = ""
    prev = ""

    def close() -> None:
        nonlocal cur, kind
        if cur:
            joined = join_parts(cur)
            if kind == "b":
                items.append(joined)
            elif not bullets_only:
                items.extend(s.strip() for s in SENT_RE.split(joined) if s.strip())
        cur, kind = [], ""

    for s in phys:
        if not s:
            close()
            prev = ""
            continue
        found = heading_state(s)
        if found is not None:
            close()
            state = found
        elif state == "in":
            bullet = BULLET_RE.match(s)
            if bullet:
                close()
                cur, kind = [s[bullet.end() :]], "b"
            elif cur and s[0].islower():
                cur.append(s)
            elif DATE_RE.search(s):
                close()
            elif cur and prev and continues(prev, s, width):
                cur.append(s)
            elif len(s.split()) >= MIN_WORDS:
                close()
                cur, kind = [s], "p"
            else:
                close()
        prev = s
    close()
    return [item for item in items if item]


def grams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + GRAM]) for i in range(len(words) - GRAM + 1)}


def load_seen() -> tuple[set[str], set[tuple[str, ...]]]:
    """Normalised lines and the 6-grams of /work/briefs/seen_texts.txt."""
    lines: set[str] = set()
    seen_grams: set[tuple[str, ...]] = set()
    for raw in SEEN.read_text(encoding="utf-8").splitlines():
        norm = norm_space(raw).lower()
        if norm:
            lines.add(norm)
            seen_grams |= grams(norm)
    return lines, seen_grams


def main() -> int:
    """Build set82.jsonl and print the counts per step."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    manifest.sort(key=lambda r: (r["repo"].lower(), r["path"]))
    seen_lines, seen_grams = load_seen()
    counts: dict[str, int] = {"resumes_in_manifest": len(manifest)}

    kept: list[dict] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    copies: list[str] = []
    for rec in manifest:
        text = (RAW / rec["file"]).read_text(encoding="utf-8")
        own = grams(text)
        if own:
            share_seen = len(own & seen_grams) / len(own)
            share_kept = max((len(own & g) / len(own) for g in kept_grams), default=0.0)
            if max(share_seen, share_kept) >= COPY_LIMIT:
                copies.append(rec["repo"])
                continue
        kept.append({**rec, "text": text})
        kept_grams.append(own)
    counts["resumes_dropped_as_copies"] = len(copies)
    counts["resumes_kept"] = len(kept)

    steps = ["candidates", "words_6_60", "no_personal_data", "not_in_seen", "not_dup", "regex"]
    step_counts = dict.fromkeys(steps, 0)
    dup_keys: set[str] = set()
    pools: list[tuple[dict, list[str]]] = []
    for rec in kept:
        pool: list[str] = []
        for line in extract_lines(rec["text"]):
            step_counts["candidates"] += 1
            if not MIN_WORDS <= len(line.split()) <= MAX_WORDS:
                continue
            step_counts["words_6_60"] += 1
            if has_personal_data(line):
                continue
            step_counts["no_personal_data"] += 1
            key = norm_space(line).lower()
            if key in seen_lines:
                continue
            step_counts["not_in_seen"] += 1
            if key in dup_keys:
                continue
            dup_keys.add(key)
            step_counts["not_dup"] += 1
            if not FILTER_RE.search(line):
                continue
            step_counts["regex"] += 1
            pool.append(line)
        pools.append((rec, pool))
    counts.update({f"lines_{k}": v for k, v in step_counts.items()})

    rng = random.Random(SEED)
    rng.shuffle(pools)
    out: list[dict] = []
    for rec, pool in pools:
        if len(out) >= MAX_LINES:
            break
        for line in rng.sample(pool, min(MAX_PER_RESUME, len(pool))):
            if len(out) >= MAX_LINES:
                break
            out.append(
                {
                    "id": f"hb82-{len(out) + 1:03d}",
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
    counts["lines_drawn"] = len(out)
    counts["resumes_contributing"] = len({row["resume"] for row in out})
    roles: dict[str, int] = {}
    for row in out:
        roles[row["source"]["role"]] = roles.get(row["source"]["role"], 0) + 1
    for key, value in counts.items():
        print(f"{key}: {value}")
    print("copies:", ", ".join(copies) or "none")
    print("eligible lines per resume:")
    for rec, pool in sorted(pools, key=lambda p: p[0]["repo"].lower()):
        print(f"  {rec['repo']}: {len(pool)}")
    print("lines per role:")
    for role, n in sorted(roles.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {role}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
