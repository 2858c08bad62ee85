"""Draw set87: real resume lines from resume DOCX files committed to GitHub.

Deterministic (random.Random(87)); reads only /work/mine87d/raw/ (offline) and the
briefing's seen_texts list. No starkit code. Lines are chosen by mechanical filters only.

Run: python3 draw87.py            -> writes set87.jsonl and prints counts per step
"""

import hashlib
import json
import random
import re
import sys
from pathlib import Path

from set_filter import KEEP_RE  # the briefs' keyword filter, one copy (set_filter.py)

BASE = Path(__file__).resolve().parent
RAW = BASE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = BASE / "set87.jsonl"
SEED = 87
PER_RESUME = 6
TOTAL = 150

EMAIL_RE = re.compile(r"\S+@\S+\.\w+")
URL_RE = re.compile(
    r"(https?://|www\.|linkedin\.com|github\.com|\.github\.io|"
    r"\b[\w-]+\.(com|org|net|io|me|co|uk|in|dev|ca)\b(/\S*)?)",
    re.IGNORECASE,
)
PHONE_RE = re.compile(r"\+?\(?\d[\d\s().-]{7,}\d")
HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+[A-Z][a-z]+")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]+")


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.split()).lower()


def has_phone(text: str) -> bool:
    """True when the text holds a run of 10+ digits that is not a year range."""
    for m in PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) >= 10 and not re.fullmatch(r"((19|20)\d{2}){2,}", digits):
            return True
    return False


def has_name(text: str, name_hash: set[str]) -> bool:
    """True when a capitalised word of the line hashes to a word of the person's name."""
    if HONORIFIC_RE.search(text):
        return True
    for w in WORD_RE.findall(text):
        if w[0].isupper() and hashlib.sha256(w.lower().encode()).hexdigest()[:12] in name_hash:
            return True
    return False


def personal(text: str, name_hash: set[str]) -> bool:
    """Emails, phones, URLs or person names."""
    return bool(
        EMAIL_RE.search(text) or URL_RE.search(text) or has_phone(text) or has_name(text, name_hash)
    )


def units(raw: dict) -> list[str]:
    """Experience / project / achievement lines (bullets, or sentences of a paragraph)."""
    return [u["text"].strip() for u in raw["units"]]


def strip_glyph(text: str) -> str:
    """Drop a leading bullet glyph (the DOCX list marker typed as text)."""
    return re.sub(r"^[•●▪◦\-*–]\s*", "", text).strip()


def load_seen() -> set[str]:
    """The whitespace-normalised lowercase lines already seen by earlier sets."""
    with SEEN.open(encoding="utf-8", errors="replace") as f:
        return {norm(line) for line in f if line.strip()}


def main() -> int:
    """Run the draw and write set87.jsonl."""
    manifest = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    kept = [e for e in manifest if e["kept"]]
    kept.sort(key=lambda e: (e["repo"].lower(), e["repo"], e["path"]))
    seen = load_seen()
    counts = {
        "resumes_kept": len(kept),
        "repos_kept": len({e["repo"] for e in kept}),
        "bullets_seen": 0,
        "after_6_60_words": 0,
        "after_personal_data": 0,
        "after_seen_texts": 0,
        "after_dedup": 0,
        "after_regex": 0,
    }
    pools: list[tuple[dict, list[str]]] = []
    dedup: set[str] = set()
    for e in kept:
        raw = json.loads((BASE / e["raw"]).read_text(encoding="utf-8"))
        name_hash = set(raw["name_hash"])
        lines = [strip_glyph(u) for u in units(raw)]
        # units holding personal data were left out of raw/ at extraction; only their
        # word counts are kept, so the counts per step stay exact
        removed = raw["personal_removed_word_counts"]
        if len(lines) + len(removed) != e["bullets_seen"]:
            raise SystemExit(f"bullets_seen mismatch for {e['repo']}#{e['path']}")
        counts["bullets_seen"] += e["bullets_seen"]
        lines = [t for t in lines if 6 <= len(t.split()) <= 60]
        counts["after_6_60_words"] += len(lines) + sum(1 for n in removed if 6 <= n <= 60)
        lines = [t for t in lines if not personal(t, name_hash)]
        counts["after_personal_data"] += len(lines)
        lines = [t for t in lines if norm(t) not in seen]
        counts["after_seen_texts"] += len(lines)
        uniq: list[str] = []
        for t in lines:
            if norm(t) not in dedup:
                dedup.add(norm(t))
                uniq.append(t)
        counts["after_dedup"] += len(uniq)
        pool = [t for t in uniq if KEEP_RE.search(t)]
        counts["after_regex"] += len(pool)
        pools.append((e, pool))
    rng = random.Random(SEED)
    rng.shuffle(pools)
    rows: list[dict] = []
    for e, pool in pools:
        if len(rows) >= TOTAL:
            break
        picks = rng.sample(pool, min(PER_RESUME, len(pool)))
        for text in picks:
            if len(rows) >= TOTAL:
                break
            rows.append(
                {
                    "id": f"hb87-{len(rows) + 1:03d}",
                    "text": text,
                    "source": {
                        "repo": e["repo"],
                        "path": e["path"],
                        "commit": e["commit"],
                        "role": e["role"],
                    },
                    "resume": f"{e['repo']}#{e['path']}",
                }
            )
    counts["drawn"] = len(rows)
    counts["resumes_drawn"] = len({r["resume"] for r in rows})
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for k, v in counts.items():
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
