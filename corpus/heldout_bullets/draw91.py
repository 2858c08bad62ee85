"""Draw set91: real resume lines from resume DOCX files committed to GitHub.

Reads only files under /work/mine91d/raw/ (extracted, tagged text of each DOCX, contact lines
removed) and /work/briefs/seen_texts.txt. Deterministic: random.Random(91).

raw/<sha16>.txt holds one line per paragraph unit as "<tag>\\t<text>"; tag B is a bullet (list
paragraph) and tag S a sentence of a descriptive paragraph of an experience, project or
achievement section. Other tags are context and are never drawn.
"""

import hashlib
import json
import random
import re
import sys
from pathlib import Path

BASE = Path("/work/mine91d")
RAW = BASE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = BASE / "set91.jsonl"
COUNTS = BASE / "set91.counts.json"
SEED = 91
PER_RESUME = 6
TOTAL = 150

GLYPHS = re.compile(r"^[\s•●▪◦■►➢✓❖·*\-–—]+")
REDACTED = re.compile(r"^\[REDACTED personal data; words=(\d+)\]$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
URL = re.compile(
    r"https?://|www\.|\b[\w-]+\.(com|io|org|net|in|me|dev|edu|ai|co|uk)\b"
    r"|linkedin\.com|github\.com|kaggle\.com",
    re.I,
)
PHONE = re.compile(r"\+?\d[\d\s().\-]{8,}\d")
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof)\.?\s*[A-Z]")
KEEP = re.compile(
    r"\b(users?|customers?|clients?|members?|traffic|downloads?|installs?|visitors?|views"
    r"|followers|subscribers|sign-?ups|leads|revenue|sales|conversion|retention|engagement"
    r"|growth|grew|grow\w*|increas\w*|boost\w*|drove|improv\w*|reduc\w*|doubl\w*|tripl\w*)\b"
    r"|\d+\s?%",
    re.I,
)


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text, as seen_texts.txt is compared."""
    return " ".join(text.split()).lower()


def clean(text: str) -> str:
    """Strip a leading bullet glyph and collapse whitespace."""
    return " ".join(GLYPHS.sub("", text).split())


def has_phone(text: str) -> bool:
    """True when the text holds a run of ten or more digits that is not a list of years."""
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) >= 10 and not re.fullmatch(r"((19|20)\d\d)+", digits):
            return True
    return False


def words_of(text: str) -> set[str]:
    """Lowercase word tokens, also splitting run-together capitalised words."""
    plain = set(re.findall(r"[a-z]+", text.lower()))
    camel = {w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", text)}
    return plain | camel


def has_name(text: str, hashes: set[str]) -> bool:
    """True when a word of the text has a sha256 prefix in the stored name hashes."""
    return any(hashlib.sha256(w.encode()).hexdigest()[:12] in hashes for w in words_of(text))


def personal(text: str, hashes: set[str]) -> bool:
    """Mechanical personal-data test: email, URL, phone, person name."""
    if REDACTED.match(text):
        return True
    return bool(
        EMAIL.search(text)
        or URL.search(text)
        or has_phone(text)
        or HONORIFIC.search(text)
        or has_name(text, hashes)
    )


def word_count(text: str) -> int:
    """Words of a unit; a redacted unit carries its count in the marker."""
    match = REDACTED.match(text)
    return int(match.group(1)) if match else len(text.split())


def load_units(sha16: str) -> list[str]:
    """Bullet and sentence units of one resume, in document order."""
    units = []
    for line in (RAW / f"{sha16}.txt").read_text(encoding="utf-8").splitlines():
        tag, _, text = line.partition("\t")
        if tag in ("B", "S"):
            units.append(clean(text))
    return units


def main() -> int:
    """Filter the kept resumes' lines, draw, write set91.jsonl and the step counts."""
    manifest = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    names = json.loads((RAW / "names.json").read_text(encoding="utf-8"))
    seen = {norm(t) for t in SEEN.read_text(encoding="utf-8", errors="replace").splitlines()}
    kept = sorted((e for e in manifest if e["kept"]), key=lambda e: (e["repo"], e["path"]))
    counts = dict.fromkeys(
        [
            "resumes_kept",
            "repos_kept",
            "bullets_seen",
            "after_6_60_words",
            "after_personal_data",
            "after_seen_texts",
            "after_dedup",
            "after_regex",
            "drawn",
            "resumes_drawn",
        ],
        0,
    )
    counts["resumes_kept"] = len(kept)
    counts["repos_kept"] = len({e["repo"] for e in kept})
    dedup: set[str] = set()
    pools: list[tuple[dict, list[str]]] = []
    for entry in kept:
        hashes = set(names.get(entry["sha16"], [])) | set(names.get("_other", []))
        pool = []
        for text in load_units(entry["sha16"]):
            counts["bullets_seen"] += 1
            if not 6 <= word_count(text) <= 60:
                continue
            counts["after_6_60_words"] += 1
            if personal(text, hashes):
                continue
            counts["after_personal_data"] += 1
            key = norm(text)
            if key in seen:
                continue
            counts["after_seen_texts"] += 1
            if key in dedup:
                continue
            dedup.add(key)
            counts["after_dedup"] += 1
            if not KEEP.search(text):
                continue
            counts["after_regex"] += 1
            pool.append(text)
        pools.append((entry, pool))
    rng = random.Random(SEED)
    order = list(pools)
    rng.shuffle(order)
    rows = []
    drawn_resumes = set()
    for entry, pool in order:
        if len(rows) >= TOTAL:
            break
        for text in rng.sample(pool, min(PER_RESUME, len(pool))):
            if len(rows) >= TOTAL:
                break
            drawn_resumes.add((entry["repo"], entry["path"]))
            rows.append(
                {
                    "id": f"hb91-{len(rows) + 1:03d}",
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
    counts["resumes_drawn"] = len(drawn_resumes)
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    COUNTS.write_text(json.dumps(counts, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
