"""Deterministic draw of set62 from the saved page excerpts in raw/.

Each raw/*.txt file holds one page: header fields (url, site, role, query, optional
note), the excerpt as returned by the pages search, and the lines taken from it in
document order. This script re-checks that every taken line occurs in its excerpt,
applies the mechanical filters, and draws the set with random.Random(62).

Run from anywhere: python3 draw62.py  (writes set62.jsonl next to this file and
prints the counts per step).
"""

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
OUT = HERE / "set62.jsonl"
SEEN = Path("/work/briefs/seen_texts.txt")

SEED = 62
PER_PAGE = 8
LIMIT = 160
MIN_WORDS = 6
MAX_WORDS = 60

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL_RE = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|io|ai|co|in)/", re.IGNORECASE)
PHONE_RE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
HONORIFIC_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+[A-Z][a-z]+")
FIRST_NAMES_TEXT = (
    "James John Robert Michael William David Richard Joseph Thomas Charles Christopher "
    "Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kevin Brian George "
    "Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen "
    "Larry Justin Scott Brandon Benjamin Samuel Gregory Frank Raymond Patrick Alexander "
    "Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nathan Peter Zachary Kyle Noah Ethan "
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa "
    "Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda "
    "Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela "
    "Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel "
    "Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria "
    "Olivia Kelly Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha "
    "Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Jean Alice Madison Doris "
    "Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa Sophia Marie "
    "Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Priya Amit Rahul Wei"
)
NAME_RE = re.compile(r"\b(?:" + "|".join(FIRST_NAMES_TEXT.split()) + r")\s+[A-Z][a-z]+")


def norm(text: str) -> str:
    """Whitespace-normalised lowercase form used for seen/duplicate checks."""
    return " ".join(text.split()).lower()


def loose(text: str) -> str:
    """Form used only to check that a taken line occurs in its excerpt."""
    return " ".join(text.replace("{", "").replace("}", "").split())


def parse_page(path: Path) -> dict:
    """Read one raw page file into its header fields, excerpt and taken lines."""
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("--- excerpt ---\n", 1)
    excerpt, lines_part = rest.split("--- lines ---\n", 1)
    page: dict = {"file": path.name}
    for row in head.splitlines():
        if row.strip():
            key, value = row.split(": ", 1)
            page[key.strip()] = value.strip()
    page["excerpt"] = excerpt
    page["lines"] = [ln.strip() for ln in lines_part.splitlines() if ln.strip()]
    for line in page["lines"]:
        if loose(line) not in loose(excerpt):
            raise ValueError(f"{path.name}: line not found in excerpt: {line!r}")
    return page


def personal_data(text: str) -> bool:
    """True if the line carries an email, URL, phone number or person name."""
    if EMAIL_RE.search(text) or URL_RE.search(text):
        return True
    for match in PHONE_RE.finditer(text):
        if sum(ch.isdigit() for ch in match.group()) >= 9:
            return True
    return bool(HONORIFIC_RE.search(text) or NAME_RE.search(text))


def main() -> None:
    """Run the draw and write set62.jsonl."""
    seen = {norm(t) for t in SEEN.read_text(encoding="utf-8").splitlines() if t.strip()}
    pages = sorted((parse_page(p) for p in sorted(RAW.glob("*.txt"))), key=lambda p: p["url"])
    counts = {"pages": len(pages), "lines_taken": sum(len(p["lines"]) for p in pages)}
    dropped = {"length": 0, "personal": 0, "seen": 0, "duplicate": 0}
    kept_keys: set[str] = set()
    for page in pages:
        survivors = []
        for line in page["lines"]:
            n_words = len(line.split())
            key = norm(line)
            if not MIN_WORDS <= n_words <= MAX_WORDS:
                dropped["length"] += 1
            elif personal_data(line):
                dropped["personal"] += 1
            elif key in seen:
                dropped["seen"] += 1
            elif key in kept_keys:
                dropped["duplicate"] += 1
            else:
                kept_keys.add(key)
                survivors.append(line)
        page["survivors"] = survivors
    counts.update({f"dropped_{k}": v for k, v in dropped.items()})
    counts["eligible"] = sum(len(p["survivors"]) for p in pages)
    counts["pages_with_eligible"] = sum(1 for p in pages if p["survivors"])

    rng = random.Random(SEED)
    order = list(pages)
    rng.shuffle(order)
    records = []
    for page in order:
        chosen = page["survivors"]
        if len(chosen) > PER_PAGE:
            chosen = rng.sample(chosen, PER_PAGE)
        for line in chosen:
            if len(records) >= LIMIT:
                break
            records.append(
                {
                    "id": f"hb62-{len(records) + 1:03d}",
                    "text": line,
                    "source": {"url": page["url"], "site": page["site"], "role": page["role"]},
                    "resume": page["url"],
                }
            )
    counts["drawn"] = len(records)
    counts["pages_drawn"] = len({r["source"]["url"] for r in records})
    counts["sites_drawn"] = len({r["source"]["site"] for r in records})
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(json.dumps(counts, indent=1))


if __name__ == "__main__":
    main()
