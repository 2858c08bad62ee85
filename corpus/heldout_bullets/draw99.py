"""Draw set99: real resume lines from resume PDF files committed to GitHub.

Offline and deterministic (random.Random(99)). Reads raw/manifest.json, the extracted text in
raw/<sha16>.json (personal lines already removed; kept resumes carry `content`, the hand
annotation of bullet and paragraph line indices), raw/name_hashes.json (sha256 prefixes of the
resume owners' name words) and /work/briefs/seen_texts.txt. Writes set99.jsonl and
draw99.stats.json next to this file.
"""

import hashlib
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEN = Path("/work/briefs/seen_texts.txt")
SEED = 99
PER_RESUME = 6
CAP = 150
COPY_SHARE = 0.3

KEEP_RE = re.compile(
    r"\b(users?|customers?|clients?|members?|traffic|downloads?|installs?|visitors?|views"
    r"|followers|subscribers|sign-?ups|leads|revenue|sales|conversion|retention|engagement"
    r"|growth|grew|grow\w*|increas\w*|boost\w*|drove|improv\w*|reduc\w*|doubl\w*|tripl\w*)\b"
    r"|\d+\s?%",
    re.IGNORECASE,
)
REACH_RE = re.compile(
    r"\b(views|visits|sessions|clicks|impressions|audience|readers|attendees|participants"
    r"|adoption|enrol?lment|stars|likes|MAU|DAU|WAU|launch\w*|rolled out|experiment\w*|pilot\w*)\b"
    r"|\bA/B\b",
    re.IGNORECASE,
)
SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"(])")
EMAIL = re.compile(r"\S+@\S+\.\w+")
URL = re.compile(
    r"https?://|www\.|\b[\w-]+\.(com|org|net|io|ai|dev|app|edu|gov|me|xyz|in|uk|au|ca|co|us|de|fr|eu"
    r"|info|biz|tech|site|online|store|ly|gg|tv|so)\b",
    re.IGNORECASE,
)
PHONE = re.compile(r"[+(]?\d[\d\s().+-]{8,}\d")
WORD = re.compile(r"[^\W\d_]+")
REMOVED = "[personal line removed]"


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.split()).lower()


def has_phone(text: str) -> bool:
    """True when a run of digits and separators holds 9 or more digits."""
    return any(sum(c.isdigit() for c in m.group()) >= 9 for m in PHONE.finditer(text))


def name_hash(word: str) -> str:
    """sha256 prefix of a lowercased word, as stored in raw/name_hashes.json."""
    return hashlib.sha256(word.lower().encode()).hexdigest()[:16]


def personal(text: str, names: set[str]) -> bool:
    """Emails, phones, URLs or domains, a removed personal line, or a resume owner's name word."""
    if REMOVED in text or EMAIL.search(text) or URL.search(text) or has_phone(text):
        return True
    return any(len(w) >= 3 and name_hash(w) in names for w in WORD.findall(text))


def grams(words: list[str]) -> set[tuple[str, ...]]:
    """Word 6-grams."""
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def indices(spec: str) -> list[int]:
    """`a-b` is lines a..b; `a,b,c` is exactly those lines (two-column layouts); `a` is one line."""
    if "," in spec:
        return [int(x) for x in spec.split(",")]
    if "-" in spec:
        a, b = spec.split("-")
        return list(range(int(a), int(b) + 1))
    return [int(spec)]


def join(parts: list[str]) -> str:
    """Join wrapped lines with one space; a line-end hyphen before a lowercase letter closes up."""
    out = ""
    for p in parts:
        p = " ".join(p.split())
        if not p:
            continue
        if out.endswith("-") and p[0].islower():
            out += p
        elif out:
            out += " " + p
        else:
            out = p
    return out


def resume_lines(raw: dict) -> list[str]:
    """Annotated lines: bullets whole, descriptive paragraphs split into sentences."""
    ls = raw["lines"]
    out: list[str] = []
    for spec in raw["content"]["b"]:
        out.append(join([ls[i] for i in indices(spec)]))
    for spec in raw["content"]["p"]:
        text = join([ls[i] for i in indices(spec)])
        out.extend(s.strip() for s in SENT.split(text) if s.strip())
    return out


def load_seen() -> tuple[set[str], set[tuple[str, ...]]]:
    """Normalised seen lines and their 6-grams."""
    texts: set[str] = set()
    seen_grams: set[tuple[str, ...]] = set()
    for line in SEEN.read_text(encoding="utf-8").splitlines():
        n = norm(line)
        if n:
            texts.add(n)
            seen_grams |= grams(n.split())
    return texts, seen_grams


def main() -> None:
    manifest = json.loads((HERE / "raw" / "manifest.json").read_text(encoding="utf-8"))
    hashes = json.loads((HERE / "raw" / "name_hashes.json").read_text(encoding="utf-8"))
    all_names = {h for hs in hashes.values() for h in hs}
    seen_texts, seen_grams = load_seen()
    kept = sorted((e for e in manifest if e["kept"]), key=lambda e: (e["repo"], e["path"]))
    stats: dict = {"resumes_kept_in_manifest": len(kept), "copies_dropped": [], "per_resume": {}}
    steps = dict.fromkeys(["lines", "words_6_60", "no_personal", "not_seen", "dedup", "regex"], 0)
    pool: list[tuple[dict, list[str]]] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    dedup: set[str] = set()
    for e in kept:
        raw = json.loads((HERE / e["raw"]).read_text(encoding="utf-8"))
        whole = grams(" ".join(t for t in raw["lines"] if t != REMOVED).lower().split())
        share_seen = len(whole & seen_grams) / max(1, len(whole))
        share_kept = max((len(whole & g) / max(1, len(whole)) for g in kept_grams), default=0.0)
        if max(share_seen, share_kept) >= COPY_SHARE:
            stats["copies_dropped"].append([e["repo"], round(share_seen, 3), round(share_kept, 3)])
            continue
        kept_grams.append(whole)
        lines = resume_lines(raw)
        c = {
            "lines": len(lines),
            "share_seen": round(share_seen, 4),
            "share_kept": round(share_kept, 4),
        }
        lines = [t for t in lines if 6 <= len(t.split()) <= 60]
        c["words_6_60"] = len(lines)
        lines = [t for t in lines if not personal(t, all_names)]
        c["no_personal"] = len(lines)
        lines = [t for t in lines if norm(t) not in seen_texts]
        c["not_seen"] = len(lines)
        uniq = []
        for t in lines:
            if norm(t) not in dedup:
                dedup.add(norm(t))
                uniq.append(t)
        c["dedup"] = len(uniq)
        lines = [t for t in uniq if KEEP_RE.search(t) or REACH_RE.search(t)]
        c["regex"] = len(lines)
        for k in steps:
            steps[k] += c[k]
        stats["per_resume"][f"{e['repo']}#{e['path']}"] = c
        pool.append((e, lines))
    rng = random.Random(SEED)
    rng.shuffle(pool)
    out: list[dict] = []
    order = []
    for e, lines in pool:
        if len(out) >= CAP:
            break
        pick = rng.sample(lines, min(PER_RESUME, len(lines)))
        pick = pick[: CAP - len(out)]
        order.append([e["repo"], len(pick)])
        for t in pick:
            src = {"repo": e["repo"], "path": e["path"], "commit": e["commit"], "role": e["role"]}
            out.append(
                {
                    "id": f"hb99-{len(out) + 1:03d}",
                    "text": t,
                    "source": src,
                    "resume": f"{e['repo']}#{e['path']}",
                }
            )
    stats["steps"] = steps
    stats["draw_order"] = order
    stats["drawn"] = len(out)
    groups = {e["repo"]: e["group"] for e, _ in pool}
    by_group: dict[str, int] = {}
    for r in out:
        g = groups[r["source"]["repo"]]
        by_group[g] = by_group.get(g, 0) + 1
    stats["drawn_by_group"] = dict(sorted(by_group.items()))
    with open(HERE / "set99.jsonl", "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    (HERE / "draw99.stats.json").write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({"drawn": len(out), "steps": steps, "by_group": stats["drawn_by_group"]}))


if __name__ == "__main__":
    main()
