"""Draw set57: real resume lines from arefinnomi/curriculum_vitae_data (docx CVs).

Deterministic: random.Random(57). Reads only /work/mine57/raw and
/work/briefs/seen_texts.txt. Writes /work/mine57/set57.jsonl and prints step counts.
"""

from __future__ import annotations

import collections
import json
import random
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

from set_filter import KEEP_RE

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw" / "arefinnomi_curriculum_vitae_data" / "word"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set57.jsonl"

REPO = "arefinnomi/curriculum_vitae_data"
COMMIT = "3741146208486bff7b17679a8b924d0ef1382bf2"
N_LINES = 200
PER_RESUME = 2
HEADER_LINES = 20

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Step 2: role = first of these phrases found (by position) in the header, i.e. the first
# HEADER_LINES non-empty lines of the CV (title / applied-post / objective area).
ROLE_PATTERNS: list[tuple[str, str]] = [
    ("digital marketing", r"digital marketing"),
    ("content marketing", r"content marketing"),
    ("social media", r"social media"),
    ("seo/sem", r"seo|search engine (?:optimi[sz]ation|marketing)"),
    ("email marketing", r"e-?mail marketing"),
    ("performance marketing", r"performance marketing"),
    ("brand management", r"brand manager|brand management"),
    ("growth", r"growth (?:marketing|hacker|manager|lead)|head of growth"),
    ("marketing", r"marketing"),
    ("business development", r"business development"),
    ("account management", r"key account|account manager|account executive|account management"),
    ("customer success", r"customer success"),
    ("e-commerce", r"e-?commerce"),
    ("sales", r"sales"),
    ("product management", r"product manager|product owner|product management"),
    ("operations/general management", r"operations manager|general manager"),
    ("founder", r"co-?founder|founder"),
]
ROLE_RE = re.compile(
    "|".join(f"(?P<r{i}>\\b(?:{p})\\b)" for i, (_, p) in enumerate(ROLE_PATTERNS)), re.I
)

EMAIL_RE = re.compile(r"[\w.+-]+\s?@\s?[\w-]+(\.[\w-]+)*|\bemail\b|\be-mail\s*(id|:)", re.I)
PHONE_RE = re.compile(r"(\+?\d[\d\s().-]{6,}\d)|\b(mobile|phone|tel|cell|contact)\s*(no|:|#)", re.I)
URL_RE = re.compile(r"https?://|www\.|\b[\w-]+\.(com|in|org|net|co|io|ke|uk)\b(/\S*)?", re.I)
ADDRESS_RE = re.compile(
    r"\b(street|st\.|road|rd\.|nagar|sector|p\.?\s?o\.?\s?box|h\.?\s?no|house no|flat no|floor"
    r"|colony|lane|avenue|pin\s?(code)?\s*[:-]|zip|district|dist\.|post office|village"
    r"|address|residence|residing)\b",
    re.I,
)
PERSONAL_RE = re.compile(
    r"\b(name|father|mother|husband|wife|date of birth|d\.?o\.?b|birth|marital|nationality"
    r"|passport|religion|gender|sex|age\s*:|id card|caste|languages? known|hobbies"
    r"|signature|place\s*:|date\s*:|references?|referee|mr\.|mrs\.|ms\.|dr\.|shri|smt)\b",
    re.I,
)
ID_RE = re.compile(r"\b(no|number|id|reg(istration)?|roll|membership)\s*[.:#-]*\s*\d", re.I)
FOREIGN_RE = re.compile(
    r"\b(und|der|das|für|von|dem|ein|eine|einer|zur|zum|bei|auf|og|af|til|med|och|att|les|et"
    r"|el|los|las|del|para|por|une|dans|sur|pour)\b",
    re.I,
)
BULLET_RE = re.compile(
    r"\s*[\u2022\u25cf\u25aa\u25e6\u27a2\u2713\u2714\u25ba\u25b6\u00bb\uf0b7"
    r"\uf0d8\uf076\uf0a7\uf0fc\u2023\u2043\u25a0\u25a1\u2756\u2605\u2192\u27a4]\s*"
)
LEAD_RE = re.compile(r"^\s*(?:[-*\u2013\u2014>]+|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+", re.I)
SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
HEADER_STOP = {
    "resume",
    "curriculum",
    "vitae",
    "cv",
    "bio",
    "data",
    "biodata",
    "personal",
    "information",
    "profile",
    "objective",
    "career",
    "summary",
    "of",
    "the",
}


def docx_text(path: Path) -> str:
    """Plain text of a .docx: one line per paragraph, tabs as spaces, breaks as newlines."""
    with zipfile.ZipFile(path) as zf:
        root = ET.fromstring(zf.read("word/document.xml"))
    out: list[str] = []
    for para in root.iter(W + "p"):
        buf: list[str] = []
        for el in para.iter():
            if el.tag == W + "t":
                buf.append(el.text or "")
            elif el.tag == W + "tab":
                buf.append(" ")
            elif el.tag in (W + "br", W + "cr"):
                buf.append("\n")
        out.append("".join(buf))
    return "\n".join(out)


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.split()).lower()


def role_of(text: str) -> str | None:
    """Role from the first HEADER_LINES non-empty lines, or None if out of scope."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:HEADER_LINES]
    match = ROLE_RE.search("\n".join(lines))
    if match is None:
        return None
    idx = int(next(k for k, v in match.groupdict().items() if v is not None)[1:])
    return ROLE_PATTERNS[idx][0]


def name_tokens(text: str) -> set[str]:
    """Likely own-name tokens: words of the first short, all-alphabetic header line."""
    for line in [ln.strip() for ln in text.splitlines() if ln.strip()][:6]:
        words = re.findall(r"[A-Za-z]+", line)
        if 2 <= len(words) <= 5 and not any(w.lower() in HEADER_STOP for w in words):
            if re.fullmatch(r"[A-Za-z.\s\"'-]+", line):
                return {w.lower() for w in words if len(w) >= 3}
    return set()


def split_lines(text: str) -> list[str]:
    """Bullet items / sentences: split on newlines, bullet glyphs and sentence ends."""
    raw = [ln.strip() for ln in text.replace("\r", "\n").splitlines()]
    joined: list[str] = []
    for ln in raw:
        if not ln:
            continue
        wrapped = joined and ln[0].islower() and not re.search(r"[.!?:;]$", joined[-1])
        if wrapped and not BULLET_RE.match(ln):
            joined[-1] = joined[-1] + " " + ln
        else:
            joined.append(ln)
    items: list[str] = []
    for ln in joined:
        for part in BULLET_RE.split(ln):
            for sent in SENT_RE.split(part):
                cleaned = LEAD_RE.sub("", " ".join(sent.split())).strip(" -*\u2013\u2014:;,")
                if cleaned:
                    items.append(cleaned)
    return items


def personal(line: str, names: set[str]) -> bool:
    """True if the line holds an email, phone, URL, address, name or other personal data."""
    for rx in (EMAIL_RE, PHONE_RE, URL_RE, ADDRESS_RE, PERSONAL_RE, ID_RE):
        if rx.search(line):
            return True
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", line)}
    return bool(words & names)


def english(line: str) -> bool:
    """Mechanical English check: at most 5% non-ASCII letters and no foreign function word."""
    letters = [c for c in line if c.isalpha()]
    if not letters or sum(not c.isascii() for c in letters) > 0.05 * len(letters):
        return False
    return FOREIGN_RE.search(line) is None


def cv_lines(
    text: str, seen: set[str], used: set[str], counts: collections.Counter[str] | None = None
) -> list[str]:
    """The candidate lines of one CV, in order (steps 3-4): 6-60 words, no personal data,
    English, not seen before, not a repeat of a line any CV gave (`used` collects them across
    CVs), and found by KEEP_RE. `counts`, if given, counts the lines left after each step."""
    tally: collections.Counter[str] = counts if counts is not None else collections.Counter()
    names = name_tokens(text)
    keep: list[str] = []
    for line in split_lines(text):
        tally["lines_all"] += 1
        if not 6 <= len(line.split()) <= 60:
            continue
        tally["after_length"] += 1
        if personal(line, names) or not english(line):
            continue
        tally["after_personal_english"] += 1
        key = norm(line)
        if key in seen:
            continue
        tally["after_seen"] += 1
        if key in used:
            continue
        used.add(key)
        tally["after_dedup"] += 1
        if not KEEP_RE.search(line):
            continue
        tally["after_regex"] += 1
        keep.append(line)
    return keep


def draw_rows(
    pool: dict[str, list[str]], roles: dict[str, str], seed: int, prefix: str
) -> list[dict[str, Any]]:
    """Step 5: CVs sorted by number and shuffled by `seed`, at most PER_RESUME lines a CV
    (`rng.sample`), N_LINES in all; ids `<prefix>-001`... in draw order."""
    rng = random.Random(seed)
    order = sorted(pool, key=int)
    rng.shuffle(order)
    rows: list[dict[str, Any]] = []
    for stem in order:
        if len(rows) >= N_LINES:
            break
        picks = rng.sample(pool[stem], min(PER_RESUME, len(pool[stem])))
        for text in picks[: N_LINES - len(rows)]:
            path = f"word/{stem}.docx"
            rows.append(
                {
                    "id": f"{prefix}-{len(rows) + 1:03d}",
                    "text": text,
                    "source": {
                        "repo": REPO,
                        "path": path,
                        "commit": COMMIT,
                        "row": f"{stem}.docx",
                        "role": roles[stem],
                    },
                    "resume": f"{REPO}#{path}#{stem}",
                }
            )
    return rows


def write_rows(rows: list[dict[str, Any]], out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    """Run the draw and write set57.jsonl."""
    seen = {norm(t) for t in SEEN.read_text(encoding="utf-8").splitlines() if t.strip()}
    files = sorted(RAW.glob("*.docx"), key=lambda p: int(p.stem))
    counts: collections.Counter[str] = collections.Counter()
    roles: dict[str, str] = {}
    pool: dict[str, list[str]] = {}
    used: set[str] = set()
    counts["files"] = len(files)
    for path in files:
        text = docx_text(path)
        role = role_of(text)
        if role is None:
            continue
        counts["resumes_in_role"] += 1
        counts[f"resumes_in_role:{role}"] += 1
        keep = cv_lines(text, seen, used, counts)
        if keep:
            counts[f"resumes_with_lines:{role}"] += 1
            roles[path.stem] = role
            pool[path.stem] = keep
    counts["resumes_with_lines"] = len(pool)
    rows = draw_rows(pool, roles, 57, "hb57")
    role_counts = collections.Counter(r["source"]["role"] for r in rows)
    write_rows(rows, OUT)
    counts["drawn_lines"] = len(rows)
    counts["drawn_resumes"] = len({r["resume"] for r in rows})
    for key, val in sorted(counts.items()):
        print(f"{key}\t{val}", file=sys.stderr)
    for key, val in sorted(role_counts.items()):
        print(f"drawn_lines:{key}\t{val}", file=sys.stderr)


if __name__ == "__main__":
    main()
