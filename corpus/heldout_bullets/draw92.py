"""Draw set92: real resume lines from resume DOCX files committed to GitHub (owners m-z).

Reads only files under /work/mine92d/raw/ (extracted text, contact lines removed, with the
hand annotation of experience / project / achievement lines) and /work/briefs/seen_texts.txt.
Deterministic: random.Random(92). Writes set92.jsonl and draw92.stats.json.
"""

import hashlib
import json
import random
import re
from pathlib import Path

BASE = Path("/work/mine92d")
RAW = BASE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = BASE / "set92.jsonl"
STATS = BASE / "draw92.stats.json"
MAX_PER_RESUME = 6
MAX_LINES = 150

KEEP_RE = re.compile(
    r"\b(users?|customers?|clients?|members?|traffic|downloads?|installs?|visitors?|views|"
    r"followers|subscribers|sign-?ups|leads|revenue|sales|conversion|retention|engagement|"
    r"growth|grew|grow\w*|increas\w*|boost\w*|drove|improv\w*|reduc\w*|doubl\w*|tripl\w*)\b"
    r"|\d+\s?%",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(r"\S+@\S+\.\w+")
URL_RE = re.compile(
    r"https?://|www\.|\b[\w-]+\.(com|org|net|io|ai|app|dev|me|co|in|ca|uk|live|edu|gov)\b",
    re.IGNORECASE,
)
PHONE_RE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
TOKEN_RE = re.compile(r"[A-Z][A-Za-z'-]+")
REMOVED = "[personal line removed]"


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.split()).lower()


def grams(texts: list[str]) -> set[tuple[str, ...]]:
    """Word 6-grams of each text (not across texts)."""
    out: set[tuple[str, ...]] = set()
    for t in texts:
        w = re.findall(r"[a-z0-9]+", t.lower())
        out.update(tuple(w[i : i + 6]) for i in range(len(w) - 5))
    return out


def name_hash(word: str) -> str:
    """sha256 prefix of a lowercased word (names are stored only as these prefixes)."""
    return hashlib.sha256(word.lower().encode("utf-8")).hexdigest()[:12]


def has_phone(text: str) -> bool:
    """A run of 9 or more digits written like a phone number."""
    return any(len(re.sub(r"\D", "", m.group(0))) >= 9 for m in PHONE_RE.finditer(text))


def personal(text: str, names: set[str]) -> bool:
    """True if the line holds an email, URL, phone number or a hashed person name."""
    if EMAIL_RE.search(text) or URL_RE.search(text) or has_phone(text):
        return True
    return any(name_hash(tok) in names for tok in TOKEN_RE.findall(text))


def resume_lines(raw: dict) -> list[str]:
    """Annotated experience / project / achievement lines; paragraphs split into sentences."""
    out: list[str] = []
    for idx in raw["content"]:
        is_bullet, text = raw["lines"][idx - 1]
        text = " ".join(text.split())
        if text == REMOVED or not text:
            continue
        if is_bullet:
            out.append(text)
        else:
            out.extend(s.strip() for s in SENT_RE.split(text) if s.strip())
    return out


def main() -> None:
    """Run the draw and write the set and its statistics."""
    manifest = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    names = set(json.loads((RAW / "name_hashes.json").read_text(encoding="utf-8")))
    seen_lines = SEEN.read_text(encoding="utf-8").splitlines()
    seen = {norm(t) for t in seen_lines if t.strip()}
    seen_grams = grams(seen_lines)

    kept = sorted((m for m in manifest if m["kept"]), key=lambda m: (m["repo"], m["path"]))
    steps = {k: 0 for k in ("resumes", "copies", "lines", "words", "personal", "seen", "dup")}
    steps["regex"] = 0
    per_resume: dict[str, dict] = {}
    eligible: dict[str, list[str]] = {}
    kept_grams: list[set[tuple[str, ...]]] = []
    dedup: set[str] = set()
    for m in kept:
        key = f"{m['repo']}#{m['path']}"
        raw = json.loads((BASE / m["raw"]).read_text(encoding="utf-8"))
        full = [t for _, t in raw["lines"] if t != REMOVED]
        g = grams(full)
        share_seen = len(g & seen_grams) / max(1, len(g))
        share_kept = max((len(g & k) / max(1, len(g)) for k in kept_grams), default=0.0)
        if max(share_seen, share_kept) >= 0.3:
            steps["copies"] += 1
            continue
        kept_grams.append(g)
        steps["resumes"] += 1
        lines = resume_lines(raw)
        stat = {"bullets_seen": m["bullets_seen"], "lines": len(lines)}
        ok: list[str] = []
        for t in lines:
            steps["lines"] += 1
            if not 6 <= len(t.split()) <= 60:
                continue
            steps["words"] += 1
            if personal(t, names):
                continue
            steps["personal"] += 1
            if norm(t) in seen:
                continue
            steps["seen"] += 1
            if norm(t) in dedup:
                continue
            dedup.add(norm(t))
            steps["dup"] += 1
            if not KEEP_RE.search(t):
                continue
            steps["regex"] += 1
            ok.append(t)
        stat["eligible"] = len(ok)
        eligible[key] = ok
        per_resume[key] = stat

    rng = random.Random(92)
    order = sorted(eligible)
    rng.shuffle(order)
    rows: list[dict] = []
    info = {m["repo"] + "#" + m["path"]: m for m in kept}
    for key in order:
        if len(rows) >= MAX_LINES:
            break
        pool = eligible[key]
        picked = rng.sample(pool, MAX_PER_RESUME) if len(pool) > MAX_PER_RESUME else list(pool)
        picked = picked[: MAX_LINES - len(rows)]
        per_resume[key]["drawn"] = len(picked)
        m = info[key]
        for t in picked:
            rows.append(
                {
                    "id": f"hb92-{len(rows) + 1:03d}",
                    "text": t,
                    "source": {
                        "repo": m["repo"],
                        "path": m["path"],
                        "commit": m["commit"],
                        "role": m["role"],
                    },
                    "resume": key,
                }
            )
    with OUT.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    stats = {
        "steps": steps,
        "drawn": len(rows),
        "draw_order": order,
        "per_resume": per_resume,
        "group_lines": {
            g: sum(1 for r in rows if info[r["resume"]]["group"] == g)
            for g in ("business", "engineer")
        },
    }
    STATS.write_text(json.dumps(stats, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
