"""Draw set86: real resume bullets from resume PDFs committed to GitHub (offline, deterministic).

Reads raw/manifest.json and the extracted texts in raw/, keeps the experience, projects and
achievements sections, joins wrapped lines, splits bullets, applies the mechanical filters
of the brief and samples with random.Random(86). Writes set86.jsonl.
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
OUT = HERE / "set86.jsonl"

PER_RESUME = 6
TOTAL = 200
COPY_SHARE = 0.30

GLYPHS = "•●▪◦■➢○‣·"
LEAD = re.compile(r"^(?:[" + GLYPHS + r"\uf000-\uf8ff]|[-*–o](?=\s))\s*")
INLINE = re.compile(r"\s*[" + GLYPHS + r"]\s*")
HEAD = re.compile(
    r"^(?:(?:professional|work|relevant|employment|career|internship|leadership|key|selected|"
    r"academic|personal|technical|core|other|additional|industry|research)\s*(?:&|and)?\s*)?"
    r"(experiences?|history|summary|profile|skills|education|projects?|achievements|"
    r"accomplishments|certifications?|certificates|awards|languages|interests|contact|objective|"
    r"leadership|volunteer\w*|publications|courses|coursework|training|tools|competencies|"
    r"strengths|activities|extracurricular\w*|about me|references|hobbies|internships?|"
    r"details|information)\b",
    re.I,
)
DRAWN = {"experience", "experiences", "history", "projects", "project", "achievements"}
DRAWN |= {"accomplishments", "internship", "internships"}
DATE_RANGE = re.compile(
    r"\b(?:19|20)\d\d\s*[-–—]\s*(?:(?:19|20)\d\d|present|current|now|ongoing)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*[’']?\d{2,4}\s*"
    r"[-–—]|(?:present|current)\s*$",
    re.I,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"(?<!\w)\+?\(?\d[\d\s().-]{7,}\d(?!\w)")
URL = re.compile(
    r"https?://|www\.|\b[\w-]+\.(?:com|io|dev|me|net|org|ai|app|in|co)(?:/|\b)|linkedin|github",
    re.I,
)
TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*")
WORD = re.compile(r"[a-z0-9]+")


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.split()).lower()


def name_hashes() -> set[str]:
    """Sha256 prefixes of the resume owners' name words (no names are stored here)."""
    return set(json.loads((RAW / "name_hashes.json").read_text())["hashes"])


def has_name(line: str, hashes: set[str]) -> bool:
    """True when a capitalised token of the line hashes to an owner's name word."""
    for tok in TOKEN.findall(line):
        if tok[0].isupper() and hashlib.sha256(tok.lower().encode()).hexdigest()[:16] in hashes:
            return True
    return False


def personal(line: str, hashes: set[str]) -> bool:
    """True for a line holding an email, phone, URL or an owner's name."""
    if "@" in line or EMAIL.search(line) or URL.search(line) or has_name(line, hashes):
        return True
    digits = PHONE.search(line)
    return bool(digits and sum(c.isdigit() for c in digits.group()) >= 9)


def heading(line: str) -> str | None:
    """The section keyword when the line is a section heading, else None."""
    text = " ".join(line.split()).strip(" :|")
    if not text or len(text.split()) > 6:
        return None
    match = HEAD.match(text)
    return match.group(1).lower() if match else None


def sections(text: str) -> list[list[str]]:
    """Lines of the drawn sections (experience, projects, achievements), one list per section."""
    out: list[list[str]] = []
    current: list[str] | None = None
    for line in text.splitlines():
        key = heading(line)
        if key is not None:
            current = [] if key in DRAWN else None
            if current is not None:
                out.append(current)
            continue
        if current is not None and line.strip():
            current.append(" ".join(line.split()))
    return out


def items(lines: list[str], wrap_len: float) -> list[str]:
    """Join wrapped lines and split the section into bullets, or sentences if no glyphs."""
    bulleted = any(LEAD.match(ln) or INLINE.search(ln) for ln in lines)
    units: list[tuple[bool, str]] = []
    prev_len = 0
    for line in lines:
        parts = INLINE.split(line) if bulleted else [line]
        first, rest = parts[0], parts[1:]
        glyph = bool(LEAD.match(first))
        first = LEAD.sub("", first).strip()
        cont = units and not glyph and first and not units[-1][1].endswith((".", "!", "?"))
        cont = cont and (first[0].islower() or prev_len >= wrap_len)
        cont = cont and not DATE_RANGE.search(first)
        if first:
            if cont:
                units[-1] = (units[-1][0], units[-1][1] + " " + first)
            else:
                units.append((glyph, first))
        units.extend((True, p.strip()) for p in rest if p.strip())
        prev_len = len(line)
    if bulleted:
        return [text for glyph, text in units if glyph]
    out: list[str] = []
    for _, text in units:
        out.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if s)
    return out


def resume_lines(text: str) -> list[str]:
    """All candidate lines of one resume, in document order."""
    lengths = sorted(len(" ".join(ln.split())) for ln in text.splitlines() if ln.strip())
    wrap_len = 0.8 * lengths[int(0.95 * (len(lengths) - 1))] if lengths else 0.0
    out: list[str] = []
    for sec in sections(text):
        out.extend(items(sec, wrap_len))
    return out


def grams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text."""
    words = WORD.findall(text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def main() -> None:
    """Run the draw and write set86.jsonl."""
    hashes = name_hashes()
    seen_lines = SEEN.read_text().splitlines()
    seen = {norm(t) for t in seen_lines}
    seen_grams: set[tuple[str, ...]] = set()
    for t in seen_lines:
        seen_grams |= grams(t)
    manifest = json.loads((RAW / "manifest.json").read_text())
    manifest.sort(key=lambda e: (e["repo"].lower(), e["path"]))
    kept: list[tuple[dict, list[str]]] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    used: set[str] = set()
    counts = {"resumes": len(manifest), "copies": 0, "items": 0, "length": 0, "personal": 0}
    counts |= {"seen": 0, "dupe": 0, "regex_kept": 0}
    for entry in manifest:
        text = (RAW / entry["raw"]).read_text()
        g = grams(text) or {("",)}
        share = max([len(g & k) / len(g) for k in kept_grams] + [len(g & seen_grams) / len(g)])
        if share >= COPY_SHARE:
            counts["copies"] += 1
            continue
        kept_grams.append(g)
        lines: list[str] = []
        for line in resume_lines(text):
            counts["items"] += 1
            if not 6 <= len(line.split()) <= 60:
                counts["length"] += 1
            elif personal(line, hashes):
                counts["personal"] += 1
            elif norm(line) in seen:
                counts["seen"] += 1
            elif norm(line) in used:
                counts["dupe"] += 1
            else:
                used.add(norm(line))
                if FILTER.search(line):
                    lines.append(line)
        counts["regex_kept"] += len(lines)
        kept.append((entry, lines))
    rng = random.Random(86)
    order = sorted(kept, key=lambda k: (k[0]["repo"].lower(), k[0]["path"]))
    rng.shuffle(order)
    rows: list[dict] = []
    for entry, lines in order:
        for text in rng.sample(lines, min(PER_RESUME, len(lines))):
            if len(rows) >= TOTAL:
                break
            source = {k: entry[k] for k in ("repo", "path", "commit", "role")}
            rows.append(
                {
                    "id": f"hb86-{len(rows) + 1:03d}",
                    "text": text,
                    "source": source,
                    "resume": f"{entry['repo']}#{entry['path']}",
                }
            )
    with OUT.open("w") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts["kept_resumes"] = len(kept)
    counts["drawn"] = len(rows)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
