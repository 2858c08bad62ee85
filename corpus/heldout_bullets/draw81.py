"""Draw set81: real resume lines from resume PDFs committed to GitHub.

Reads the extracted PDF text kept under raw/ (one file per resume, contact lines already
removed), cuts the experience, projects and achievements sections into lines, applies the
mechanical filters of the brief and draws at most 6 lines per resume with random.Random(81).
Deterministic: run it twice and set81.jsonl is byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

from set_filter import KEEP_RE as METRIC_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
OUT = HERE / "set81.jsonl"
SEEN = Path("/work/briefs/seen_texts.txt")

PER_RESUME = 6
TOTAL = 200
COPY_SHARE = 0.30

KEEP_HEADINGS = {
    "experience",
    "professionalexperience",
    "workexperience",
    "workhistory",
    "relevantexperience",
    "leadershipexperience",
    "productexperience",
    "volunteerexperience",
    "internshipexperience",
    "internships",
    "internship",
    "employment",
    "employmenthistory",
    "experience&projects",
    "projects",
    "keyprojects",
    "featuredprojects",
    "mainprojects",
    "miniprojects",
    "academicprojects",
    "personalprojects",
    "projectwork",
    "projectsummary",
    "casestudies",
    "achievements",
    "keyachievements",
    "achievements&metrics",
    "achievements&certifications",
    "accomplishments",
    "awards",
    "awards&achievements",
    "honors&awards",
}
DROP_HEADINGS = {
    "education",
    "educationalqualification",
    "skills",
    "technicalskills",
    "keyskills",
    "coreskills",
    "skillssummary",
    "relevantskills",
    "languageskills",
    "tools",
    "tools&skillset",
    "marketingtools",
    "areaofexpertise",
    "summary",
    "professionalsummary",
    "profilesummary",
    "profile",
    "objective",
    "aboutme",
    "certifications",
    "certificates",
    "certificate",
    "languages",
    "personalinfo",
    "personalinformation",
    "additionalinformation",
    "contactdetails",
    "references",
    "declaration",
    "hobbies",
    "hobbiesandinterests",
    "interests",
    "extracurricular",
    "websitesportfoliosprofiles",
    "professionalwebsite",
    "coursework",
    "relevantcoursework",
    "publications",
}

BULLET_START = re.compile(r"^(?:[•●▪◦■➢►❖⋄✔]|[-–*](?=\s)|x(?=\s+[A-Z]))\s*")
BULLET_INLINE = re.compile(r"\s[•●▪◦■➢►❖⋄✔]\s*")
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_LIKE = re.compile(
    rf"\b{MONTH}\s*['’]?\s*\d{{2,4}}"
    r"|\b(?:19|20)\d{2}\s*[-–—]|[-–—]\s*(?:(?:19|20)\d{2}|present|current|now)\b"
    r"|\b\d{1,2}/(?:19|20)\d{2}\b",
    re.IGNORECASE,
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
URL = re.compile(
    r"https?://|www\.|linkedin|github|\b[\w-]+\.(?:com|io|in|org|net|dev|app|me|ai|co)\b(?:/|\s|$)",
    re.IGNORECASE,
)
PHONE = re.compile(r"[+(]?\d[\d\s().-]{8,}\d")
HONORIFIC_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+([A-Z][a-z]+)")
HANDLE = re.compile(r"(?<![\w.])@[A-Za-z0-9_.]{3,}")
ENDS_WITH_YEAR = re.compile(r"\b(?:19|20)\d{2}\)?\s*$")
WRAP_SHARE = 0.7
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text, the key used against seen_texts.txt."""
    return re.sub(r"\s+", " ", text).strip().lower()


def words_of(text: str) -> list[str]:
    """Lowercase word tokens for 6-gram comparison."""
    return re.findall(r"[a-z0-9%$']+", text.lower())


def grams6(tokens: list[str]) -> set[tuple[str, ...]]:
    """Set of word 6-grams."""
    return {tuple(tokens[i : i + 6]) for i in range(len(tokens) - 5)}


def heading_kind(line: str) -> str | None:
    """'keep' or 'drop' when the line is a known section heading, else None."""
    if BULLET_START.match(line) or len(line.split()) > 6 or line[:1].islower():
        return None
    bare = re.sub(r"\(.*?\)", "", unicodedata.normalize("NFKC", line))
    key = re.sub(r"[^a-z&]", "", bare.lower())
    variants = {key, key.replace("and", "&"), key.replace("&", "and")}
    if variants & KEEP_HEADINGS:
        return "keep"
    if variants & DROP_HEADINGS:
        return "drop"
    return None


def read_raw(path: Path) -> tuple[dict[str, str], list[str]]:
    """Header fields and body lines of one raw/ file."""
    head_text, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    head = {}
    for row in head_text.splitlines():
        field, _, value = row.partition(": ")
        head[field] = value
    lines = [unicodedata.normalize("NFKC", ln).strip() for ln in body.splitlines()]
    return head, [ln for ln in lines if ln]


def split_inline_bullets(line: str) -> list[str]:
    """Split a line holding several bullet glyphs into one piece per bullet."""
    parts = BULLET_INLINE.split(line)
    if len(parts) == 1:
        return [line]
    return [parts[0]] + ["• " + p for p in parts[1:]]


def header_like(line: str) -> bool:
    """A role, project or date line: holds a date range or a month-year, or ends with a year."""
    return bool(DATE_LIKE.search(line) or ENDS_WITH_YEAR.search(line))


def full_width(lines: list[str]) -> int:
    """90th percentile of the body's line lengths: the width of a line the PDF wrapped."""
    lengths = sorted(len(ln) for ln in lines)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def continues(prev_item: str, prev_len: int, width: int, line: str) -> bool:
    """Whether a glyph-less line wraps the open item rather than starting a new one."""
    if line[:1].islower() or line[:1] in "(&%,;:–—-":
        return True
    if header_like(line) or prev_item.rstrip().endswith((".", "!", "?", ":")):
        return False
    return prev_len >= WRAP_SHARE * width


def section_items(lines: list[str]) -> list[tuple[str, str]]:
    """(kind, text) items of the kept sections; kind is 'bullet', 'para' or 'head'."""
    width = full_width(lines)
    items: list[list[str]] = []
    section: str | None = None
    open_item = False
    glyph_pending = False
    prev_len = 0
    for whole in lines:
        kind = heading_kind(whole)
        if kind is not None:
            section, open_item, glyph_pending = kind, False, False
            continue
        if section != "keep":
            continue
        for line in split_inline_bullets(whole):
            match = BULLET_START.match(line)
            if match:
                rest = line[match.end() :].strip()
                if not rest:
                    glyph_pending, open_item = True, False
                    continue
                items.append(["bullet", rest])
                open_item, glyph_pending = True, False
            elif glyph_pending:
                items.append(["bullet", line])
                open_item, glyph_pending = True, False
            elif open_item and continues(items[-1][1], prev_len, width, line):
                prev = items[-1][1]
                if prev.endswith("-") and line[:1].islower():
                    items[-1][1] = prev[:-1] + line
                else:
                    items[-1][1] = prev + " " + line
            elif header_like(line):
                items.append(["head", line])
                open_item = False
            else:
                items.append(["para", line])
                open_item = True
            prev_len = len(line)
    return [(k, t) for k, t in items]


def candidate_lines(items: list[tuple[str, str]]) -> list[str]:
    """Bullets whole; paragraphs cut into sentences; role/date header lines dropped."""
    out = []
    for kind, text in items:
        text = re.sub(r"\s+", " ", text).strip()
        if kind == "head":
            continue
        if kind == "bullet":
            out.append(text)
            continue
        out.extend(s.strip() for s in SENTENCE_END.split(text) if s.strip())
    return out


def has_personal_data(text: str, name_hashes: set[str]) -> bool:
    """Email, phone, URL, @handle, an honorific + name, or a name word (by sha256 prefix)."""
    if EMAIL.search(text) or URL.search(text) or HONORIFIC_NAME.search(text) or HANDLE.search(text):
        return True
    for match in PHONE.finditer(text):
        if sum(ch.isdigit() for ch in match.group()) >= 10:
            return True
    for word in re.findall(r"[a-z]+", text.lower()):
        if hashlib.sha256(word.encode()).hexdigest()[:12] in name_hashes:
            return True
    return False


def titled_name_hashes(lines: list[str]) -> set[str]:
    """sha256 prefixes of names that follow an honorific anywhere in the resume (third parties)."""
    found = set()
    for line in lines:
        for match in HONORIFIC_NAME.finditer(line):
            found.add(hashlib.sha256(match.group(1).lower().encode()).hexdigest()[:12])
    return found


def load_seen() -> tuple[set[str], set[tuple[str, ...]]]:
    """Normalised seen texts and their word 6-grams."""
    seen_norm: set[str] = set()
    seen_grams: set[tuple[str, ...]] = set()
    for row in SEEN.read_text(encoding="utf-8").splitlines():
        if row.strip():
            seen_norm.add(norm(row))
            seen_grams |= grams6(words_of(row))
    return seen_norm, seen_grams


def main() -> None:
    seen_norm, seen_grams = load_seen()
    counts: dict[str, int] = {}
    resumes = []
    kept_grams: list[set[tuple[str, ...]]] = []
    for path in sorted(RAW.glob("*.txt")):
        head, lines = read_raw(path)
        grams = grams6(words_of(" ".join(lines)))
        share_seen = len(grams & seen_grams) / max(1, len(grams))
        share_kept = max((len(grams & g) / max(1, len(grams)) for g in kept_grams), default=0.0)
        if share_seen >= COPY_SHARE or share_kept >= COPY_SHARE:
            print(f"copy dropped: {head['repo']} seen={share_seen:.2f} kept={share_kept:.2f}")
            counts["resumes_dropped_copy"] = counts.get("resumes_dropped_copy", 0) + 1
            continue
        kept_grams.append(grams)
        resumes.append((head, lines))
    counts["resumes_kept"] = len(resumes)

    used: set[str] = set()
    pools = []
    for head, lines in sorted(resumes, key=lambda r: (r[0]["repo"], r[0]["path"])):
        name_hashes = set(head.get("name_sha256_12", "").split()) | titled_name_hashes(lines)
        pool = []
        for text in candidate_lines(section_items(lines)):
            counts["lines_in_sections"] = counts.get("lines_in_sections", 0) + 1
            if not 6 <= len(text.split()) <= 60:
                continue
            counts["after_length"] = counts.get("after_length", 0) + 1
            if has_personal_data(text, name_hashes):
                continue
            counts["after_personal"] = counts.get("after_personal", 0) + 1
            key = norm(text)
            if key in seen_norm:
                continue
            counts["after_seen"] = counts.get("after_seen", 0) + 1
            if key in used:
                continue
            used.add(key)
            counts["after_dedupe"] = counts.get("after_dedupe", 0) + 1
            if not METRIC_RE.search(text):
                continue
            counts["after_regex"] = counts.get("after_regex", 0) + 1
            pool.append(text)
        pools.append((head, pool))

    rng = random.Random(81)
    rng.shuffle(pools)
    rows = []
    for head, pool in pools:
        if len(rows) >= TOTAL:
            break
        for text in rng.sample(pool, min(PER_RESUME, len(pool))):
            if len(rows) >= TOTAL:
                break
            rows.append((head, text))
    with OUT.open("w", encoding="utf-8") as fh:
        for n, (head, text) in enumerate(rows, 1):
            source = {
                "repo": head["repo"],
                "path": head["path"],
                "commit": head["commit"],
                "role": head["role"],
            }
            row = {
                "id": f"hb81-{n:03d}",
                "text": text,
                "source": source,
                "resume": f"{head['repo']}#{head['path']}",
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts["drawn"] = len(rows)
    counts["resumes_with_lines"] = sum(1 for _, pool in pools if pool)
    json.dump(counts, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
