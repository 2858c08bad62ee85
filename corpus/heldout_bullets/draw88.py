"""Draw set88: real resume lines from resume DOCX files committed to GitHub.

Reads the stored extractions in raw/*.json (one per DOCX, contact lines removed), keeps
the experience / project / achievement lines marked by the structural annotation in each
file, applies the mechanical filters of the brief and draws at most 150 lines with
random.Random(88). Deterministic: two runs give byte-identical set88.jsonl.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path

from set_filter import KEEP_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set88.jsonl"
STATS = HERE / "draw88.stats.json"

SEED = 88
MAX_PER_RESUME = 6
MAX_LINES = 150
MIN_WORDS = 6
MAX_WORDS = 60
COPY_SHARE = 0.30
NGRAM = 6

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL_RE = re.compile(r"(https?://|www\.|\b[\w-]+\.(com|org|net|io|dev|edu|co)\b(/|\s|$))", re.I)
PHONE_RE = re.compile(r"\+?\d[\d\s().\-]{7,}\d")
CAP_RE = re.compile(r"\b[A-Z][A-Za-z'\-]+")
SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")

# sha256(lowercase word)[:12] of person-name words (resume owners, people named in lines).
# Matched only against capitalised tokens. No name is written here in clear.
NAME_HASHES = frozenset(
    {
        "057e3bb503f7",
        "07d046d5fac1",
        "0b5cc2477e41",
        "1446f495ffbe",
        "1706a64eefbc",
        "275ecd543817",
        "279bd04bbc32",
        "283454524a32",
        "355915da83ae",
        "3eb906846fa9",
        "461f09556c26",
        "4721b2cfc4ef",
        "4ca72c6d623d",
        "51fbc04ef0e7",
        "5654179bcb95",
        "5a4438457707",
        "5ba21fd4a70f",
        "628612b803c6",
        "7433a3b8626b",
        "7b561c2749ca",
        "7cadab457ad8",
        "7dbef27a673f",
        "7f0b629cbb9d",
        "8e9e36aba29a",
        "99bde068af2d",
        "9e6dd11e3b06",
        "a0e97f685e2a",
        "a6b70a8a5074",
        "b026bccaaff3",
        "b0e6036f293e",
        "b74db414f2ce",
        "bbb0b5b15842",
        "cccf52f3d03c",
        "cf01f8bc67f2",
        "cfbff47427fb",
        "d2caa82cdb5a",
        "d59d1e3f4540",
        "d8e259f725ff",
        "df256730fcc4",
        "e0e3a2b6471d",
        "e6ae6e617178",
        "eb571596a248",
        "eb70289267ab",
        "ec47860233d3",
        "edf3ab37f7cd",
        "eeac7816005f",
        "f4d25158ccdd",
        "fc902c216945",
    }
)


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.lower().split())


def grams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text (whitespace tokens of the normalised text)."""
    toks = norm(text).split()
    return {tuple(toks[i : i + NGRAM]) for i in range(len(toks) - NGRAM + 1)}


def word_hash(word: str) -> str:
    """Short sha256 prefix of a lowercase word."""
    return hashlib.sha256(word.lower().encode("utf-8")).hexdigest()[:12]


def has_name(text: str) -> bool:
    """True if a capitalised token is a listed person-name word."""
    return any(word_hash(tok.strip("'-")) in NAME_HASHES for tok in CAP_RE.findall(text))


def has_phone(text: str) -> bool:
    """True if the text holds a digit run that looks like a phone number (9+ digits)."""
    return any(sum(c.isdigit() for c in m.group()) >= 9 for m in PHONE_RE.finditer(text))


def personal(text: str) -> bool:
    """Emails, phone numbers, URLs or person names."""
    return bool(EMAIL_RE.search(text) or URL_RE.search(text) or has_phone(text)) or has_name(text)


def units(rec: dict) -> list[str]:
    """Experience / project / achievement lines of one resume, in document order."""
    para = set(rec["para"])
    out: list[str] = []
    for start, end in rec["sections"]:
        for i in range(start, end):
            line = rec["lines"][i]
            if line["b"]:
                out.append(line["t"])
            elif i in para:
                out.extend(s.strip() for s in SENT_RE.split(line["t"]) if s.strip())
    return out


def resume_text(rec: dict) -> str:
    """All stored (non-removed) lines of a resume."""
    return "\n".join(x["t"] for x in rec["lines"] if not x.get("removed"))


def load() -> list[dict]:
    """Stored extractions, sorted by repository then path."""
    recs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(RAW.glob("*.json"))]
    recs = [r for r in recs if "lines" in r]
    return sorted(recs, key=lambda r: (r["repo"].lower(), r["path"]))


def main() -> None:
    """Run the draw and write set88.jsonl and draw88.stats.json."""
    seen_lines = [ln for ln in SEEN.read_text(encoding="utf-8").splitlines() if ln.strip()]
    seen_norm = {norm(ln) for ln in seen_lines}
    seen_grams: set[tuple[str, ...]] = set()
    for ln in seen_lines:
        seen_grams |= grams(ln)

    kept: list[dict] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    per: dict[str, dict] = {}
    for rec in load():
        key = f"{rec['repo']}#{rec['path']}"
        g = grams(resume_text(rec))
        share_seen = len(g & seen_grams) / len(g) if g else 0.0
        share_kept = max((len(g & k) / len(g) for k in kept_grams), default=0.0) if g else 0.0
        info = {
            "share_seen_6gram": round(share_seen, 4),
            "share_kept_6gram": round(share_kept, 4),
            "bullets_seen": len(units(rec)),
        }
        info["copy"] = share_seen >= COPY_SHARE or share_kept >= COPY_SHARE
        per[key] = info
        if not info["copy"]:
            kept.append(rec)
            kept_grams.append(g)

    steps = {"units": 0, "words_6_60": 0, "no_personal": 0, "not_seen": 0, "dedup": 0, "regex": 0}
    taken: set[str] = set()
    pools: dict[str, list[str]] = {}
    for rec in kept:
        key = f"{rec['repo']}#{rec['path']}"
        pool: list[str] = []
        for text in units(rec):
            steps["units"] += 1
            if not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                continue
            steps["words_6_60"] += 1
            if personal(text):
                continue
            steps["no_personal"] += 1
            n = norm(text)
            if n in seen_norm:
                continue
            steps["not_seen"] += 1
            if n in taken:
                continue
            taken.add(n)
            steps["dedup"] += 1
            if not KEEP_RE.search(text):
                continue
            steps["regex"] += 1
            pool.append(text)
        pools[key] = pool
        per[key]["eligible"] = len(pool)

    rng = random.Random(SEED)
    order = list(kept)
    rng.shuffle(order)
    rows: list[dict] = []
    for rec in order:
        if len(rows) >= MAX_LINES:
            break
        key = f"{rec['repo']}#{rec['path']}"
        pool = pools[key]
        pick = rng.sample(pool, min(MAX_PER_RESUME, len(pool)))
        for text in pick:
            if len(rows) >= MAX_LINES:
                break
            rows.append(
                {
                    "id": f"hb88-{len(rows) + 1:03d}",
                    "text": text,
                    "source": {
                        "repo": rec["repo"],
                        "path": rec["path"],
                        "commit": rec["commit"],
                        "role": rec["role"],
                    },
                    "resume": key,
                }
            )
        per[key]["drawn"] = len(pick)

    OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    stats = {
        "resumes_in_raw": len(per),
        "resumes_dropped_as_copies": sum(1 for v in per.values() if v["copy"]),
        "resumes_kept": len(kept),
        "resumes_with_drawn_lines": sum(1 for v in per.values() if v.get("drawn")),
        "steps": steps,
        "lines_drawn": len(rows),
        "per_resume": per,
    }
    STATS.write_text(json.dumps(stats, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in stats.items() if k != "per_resume"}, indent=1))


if __name__ == "__main__":
    main()
