"""Draw set95: real resume bullets from resume PDFs committed to GitHub.

Reads raw/manifest.json and raw/<sha16>.txt (text extracted by extract95.py, contact lines
removed) and writes set95.jsonl. Deterministic: random.Random(95). Only mechanical filters are
applied; no line is picked, kept or dropped for its wording beyond the fixed regexes below.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set95.jsonl"
COUNTS = HERE / "draw95.counts.json"
SEED = 95
PER_RESUME = 6
TOTAL = 200
COPY_SHARE = 0.30

# sha256 prefixes (12 hex) of the lowercased name words of each resume's owner (no names stored)
NAME_HASHES: dict[str, tuple[str, ...]] = {
    "01Maya/Rajnish-Project-Manager-Portfolio": ("70327789a444", "b26d28f46ceb"),
    "caguirre1378/Data-Analyst-Portfolio": ("3ca4511fd159", "df59c257785d"),
    "cassidybrook/Sue-Ryu-Project-Manager-Portfolio": ("0d015bafffbb", "b57b4a310c31"),
    "ikerson/streamlit-portfolio": ("1fd6227a4652", "93c4b89ad3f0"),
    "JahwonGrant/Analyst-portfolio": ("3492ad65d05a", "681c86e1a9a3"),
    "nomoragbon99/digital-marketing-portfolio": ("594786a7c7a7", "ca134f060672"),
    "pritamkhaple/Digital-Marketing-Portfolio": ("aed7e180c68c", "df947d67b77e"),
    "Salo996/Data-analyst-portfolio": ("038f270ca678", "49faaade493b", "fa1af6355ba7"),
    "StephanyC/Digital-Marketing-Portfolio": ("0867483ba62a", "f79b8c4e29a3"),
    "vallika123/data-analyst-resume": ("9c32b7c81df5", "e8794cb96b88"),
}

FILTER = re.compile(
    r"\b(users?|customers?|clients?|members?|traffic|downloads?|installs?|visitors?|views"
    r"|followers|subscribers|sign-?ups|leads|revenue|sales|conversion|retention|engagement"
    r"|growth|grew|grow\w*|increas\w*|boost\w*|drove|improv\w*|reduc\w*|doubl\w*|tripl\w*)\b"
    r"|\d+\s?%",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(
    r"\+\s?\d[\d\s().-]{7,}\d|\(?\b\d{3}\)?[\s.-]{0,3}\d{3}[\s.-]\d{4}\b|\b0?\d{10}\b"
)
URL = re.compile(
    r"https?://|www\.|linkedin|github\.com|behance\.net|dribbble\.com"
    r"|\b[\w-]+\.(com|io|dev|net|org|me|ai|app|zip|co|in|tech|site|xyz)(/\S*)?\b",
    re.IGNORECASE,
)
ADDRESS = re.compile(
    r"\b\d{1,5}\s+(\w+\s){1,3}(st|street|ave|avenue|road|rd|dr|drive|lane|ln|blvd|court|way"
    r"|crescent|estate)\b\.?|\b[A-Z]{2}\s\d{5}\b|\bBirth\b",
    re.IGNORECASE,
)
GLYPHS = "•●▪◦*-–−■○➢►▶✓·\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
O_BULLET = re.compile(r"^o\s+(?=[A-Z])")
LEAD = (
    r"(?:(?:work|professional|relevant|industry|internship|leadership|volunteer|volunteering"
    r"|research|additional|other|selected|career|employment|key|academic|personal|notable"
    r"|major|recent|technical|and|&)\s+){0,3}"
)
INCLUDE = re.compile(
    "^" + LEAD + r"(experiences?|employment( history)?|work history|career history|internships?"
    r"|projects?|achievements?|accomplishments?|awards?|hono(u)?rs|leadership)"
    r"(\s+(and|&)\s+(projects?|achievements?|awards?|hono(u)?rs|recognition|leadership"
    r"|accomplishments?|experiences?))?$"
)
EXCLUDE = re.compile(
    r"^(?:\w+\s+){0,2}(education|skills|competencies|certifications?|certificates?|summary"
    r"|profile|about me|objective|contacts?|languages?|interests|hobbies|references|tools"
    r"|publications|coursework|training|details|strengths|expertise|qualifications"
    r"|information|biography|courses|activities|technologies|overview)$"
)
MONTHS = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATEISH = re.compile(
    r"\b" + MONTHS + r"\s*[’']?\s*\d{2,4}\b|\b(19|20)\d{2}\s*[-–—‑]"
    r"|[-–—‑]\s*(present|current|now)\b"
    r"|\b\d{1,2}/(19|20)\d{2}\b|\b(19|20)\d{2}\s*$",
    re.IGNORECASE,
)
MASK = re.compile(r"<(email|phone|name)>")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
WORD = re.compile(r"\w+")


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.lower().split())


def name_hash(word: str) -> str:
    """sha256 prefix of a lowercased word."""
    return hashlib.sha256(word.lower().encode()).hexdigest()[:12]


def has_name(text: str, hashes: frozenset[str]) -> bool:
    """True when a word (or hyphenated part) of text is one of the owner's name words."""
    for tok in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text):
        parts = [tok, *tok.split("-")]
        if any(name_hash(p) in hashes for p in parts):
            return True
    return False


def personal(text: str, hashes: frozenset[str]) -> bool:
    """True when a line holds an email, phone, URL, address or the owner's name."""
    return bool(
        MASK.search(text)
        or EMAIL.search(text)
        or PHONE.search(text)
        or URL.search(text)
        or ADDRESS.search(text)
        or has_name(text, hashes)
    )


def heading_key(line: str) -> str:
    """Normalised form of a possible section heading."""
    s = line.strip().rstrip(":").strip()
    if re.fullmatch(r"(?:\w\s{1,3})+\w", s):
        s = " ".join(w.replace(" ", "") for w in re.split(r"\s{2,}", s))
    s = re.sub(r"\s{2,}", " ", s)
    s = re.sub(r"[^a-z& ]", "", s.lower()).strip()
    return " ".join(s.split())


def heading(line: str) -> str | None:
    """'in' for an experience/projects/achievements heading, 'out' for another one."""
    spaced = bool(re.fullmatch(r"(?:\w\s)+\w", " ".join(line.split())))
    if len(line.split()) > 6 and not spaced:
        return None
    key = heading_key(line)
    if not key or len(key.split()) > 5:
        return None
    keys = [key]
    if " " not in key and spaced:
        keys += [key[:i] + " " + key[i:] for i in range(2, len(key) - 1)]
    if any(INCLUDE.match(k) for k in keys):
        return "in"
    if any(EXCLUDE.match(k) for k in keys):
        return "out"
    return None


def glyph_start(line: str) -> str | None:
    """Text after a leading bullet glyph, or None when the line starts no bullet."""
    s = line.lstrip()
    if s[:1] and s[0] in GLYPHS and (len(s) == 1 or not s[1].isdigit()):
        return s[1:].strip()
    if O_BULLET.match(s):
        return O_BULLET.sub("", s, count=1).strip()
    return None


def header_like(line: str) -> bool:
    """A role/company/date line inside a section rather than bullet text."""
    words = line.split()
    if "|" in line or (DATEISH.search(line) and len(words) <= 12):
        return True
    return len(words) <= 6 and not re.search(r"[.!?,;:]$", line) and not line[:1].islower()


def continues(cur: str, line: str, prev_short: bool) -> bool:
    """True when a line without a glyph continues the current bullet (a wrapped line)."""
    if line[:1].islower():
        return True
    return (
        not prev_short
        and not re.search(r"[.!?]$", cur)
        and "|" not in line
        and not DATEISH.search(line)
    )


def join(cur: str, line: str) -> str:
    """Join a wrapped line onto the current bullet."""
    if re.search(r"[A-Za-z]-$", cur) and line[:1].islower():
        return cur[:-1] + line
    return cur + " " + line


def items(text: str) -> list[str]:
    """Bullets and paragraph sentences of the experience, projects and achievements sections."""
    out: list[tuple[str, bool]] = []
    inside = False
    cur: str | None = None
    bullet = False

    def flush() -> None:
        nonlocal cur
        if cur is not None and cur.strip():
            out.append((cur.strip(), bullet))
        cur = None

    lines = [" ".join(raw.split()) for raw in text.splitlines()]
    lines = [x for x in lines if x]
    lengths = sorted(len(x) for x in lines) or [0]
    width = lengths[int(0.9 * (len(lengths) - 1))]
    prev_short = True
    for line in lines:
        kind = heading(line)
        if kind is not None:
            flush()
            inside = kind == "in"
            prev_short = True
            continue
        if not inside:
            continue
        body = glyph_start(line)
        if body is not None:
            flush()
            cur, bullet = body, True
        elif cur is not None and continues(cur, line, prev_short):
            cur = join(cur, line)
        elif header_like(line):
            flush()
        else:
            flush()
            cur, bullet = line, False
        prev_short = len(line) < 0.75 * width
    flush()
    result: list[str] = []
    for body, is_bullet in out:
        parts = [body] if is_bullet else SENT_SPLIT.split(body)
        result.extend(" ".join(p.split()) for p in parts if p.strip())
    return result


def grams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text."""
    w = WORD.findall(text.lower())
    return {tuple(w[i : i + 6]) for i in range(len(w) - 5)}


def seen_data() -> tuple[set[str], set[tuple[str, ...]]]:
    """Normalised lines and 6-grams of the project's seen texts."""
    lines = SEEN.read_text(encoding="utf-8").splitlines()
    texts = {norm(x) for x in lines if x.strip()}
    g: set[tuple[str, ...]] = set()
    for x in lines:
        g |= grams(x)
    return texts, g


def copy_status(manifest: list[dict[str, str]], seen_grams: set[tuple[str, ...]]) -> dict[str, str]:
    """'kept' or the reason a resume is a copy (>= 30% of its 6-grams shared), by sha16."""
    status: dict[str, str] = {}
    kept: list[tuple[str, set[tuple[str, ...]]]] = []
    for e in sorted(manifest, key=lambda x: (x["repo"].lower(), x["path"])):
        g = grams((RAW / e["raw"]).read_text(encoding="utf-8"))
        if not g:
            status[e["sha16"]] = "empty"
            continue
        if len(g & seen_grams) / len(g) >= COPY_SHARE:
            status[e["sha16"]] = "copy of seen_texts"
            continue
        hit = next((k for k, kg in kept if len(g & kg) / len(g) >= COPY_SHARE), None)
        if hit is not None:
            status[e["sha16"]] = f"copy of {hit}"
            continue
        status[e["sha16"]] = "kept"
        kept.append((e["repo"] + "#" + e["path"], g))
    return status


def main() -> None:
    """Run the draw and write set95.jsonl and draw95.counts.json."""
    manifest = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    seen_texts, seen_grams = seen_data()
    status = copy_status(manifest, seen_grams)
    resumes = sorted(
        (e for e in manifest if status[e["sha16"]] == "kept"),
        key=lambda x: (x["repo"].lower(), x["path"]),
    )
    steps = dict.fromkeys(
        ["section_lines", "len_6_60", "no_personal", "not_seen", "dedup", "regex"], 0
    )
    seen_now: set[str] = set()
    pools: dict[str, list[str]] = {}
    for e in resumes:
        hashes = frozenset(NAME_HASHES.get(e["repo"], ()))
        pool: list[str] = []
        for line in items((RAW / e["raw"]).read_text(encoding="utf-8")):
            steps["section_lines"] += 1
            if not 6 <= len(line.split()) <= 60:
                continue
            steps["len_6_60"] += 1
            if personal(line, hashes):
                continue
            steps["no_personal"] += 1
            key = norm(line)
            if key in seen_texts:
                continue
            steps["not_seen"] += 1
            if key in seen_now:
                continue
            seen_now.add(key)
            steps["dedup"] += 1
            if not FILTER.search(line):
                continue
            steps["regex"] += 1
            pool.append(line)
        pools[e["sha16"]] = pool
    rng = random.Random(SEED)
    order = list(resumes)
    rng.shuffle(order)
    rows: list[dict[str, object]] = []
    per_resume: dict[str, int] = {}
    for e in order:
        if len(rows) >= TOTAL:
            break
        pool = pools[e["sha16"]]
        picked = rng.sample(pool, min(PER_RESUME, len(pool)))
        for text in picked[: TOTAL - len(rows)]:
            rows.append(
                {
                    "id": f"hb95-{len(rows) + 1:03d}",
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
            per_resume[e["repo"]] = per_resume.get(e["repo"], 0) + 1
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    roles: dict[str, int] = {}
    for e in resumes:
        roles[e["role"]] = roles.get(e["role"], 0) + 1
    counts = {
        "manifest": len(manifest),
        "status": {
            k: sorted(e["repo"] for e in manifest if status[e["sha16"]] == k)
            for k in sorted(set(status.values()))
        },
        "kept_resumes": len(resumes),
        "steps": steps,
        "pool_per_resume": {e["repo"]: len(pools[e["sha16"]]) for e in resumes},
        "drawn": len(rows),
        "drawn_per_resume": per_resume,
        "resumes_drawn_from": len(per_resume),
        "roles": dict(sorted(roles.items())),
    }
    COUNTS.write_text(json.dumps(counts, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: counts[k] for k in ("kept_resumes", "steps", "drawn")}), file=sys.stderr)


if __name__ == "__main__":
    main()
