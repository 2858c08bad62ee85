"""Draw set94: real resume lines from text resumes of business roles.

Deterministic (random.Random(94)), offline: reads raw/manifest.json and the saved
raw files, extracts experience / project / achievement lines mechanically, filters
them mechanically and samples at most 6 lines per resume, 150 lines in total.
Writes set94.jsonl and draw94.stats.json next to this script.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set94.jsonl"
STATS = HERE / "draw94.stats.json"

SEED = 94
PER_RESUME = 6
TOTAL = 150
MIN_WORDS = 6
MAX_WORDS = 60
COPY_SHARE = 0.30

KEEP_RE = re.compile(
    r"\b(users?|customers?|clients?|members?|traffic|downloads?|installs?|visitors?|views"
    r"|followers|subscribers|sign-?ups|leads|revenue|sales|conversion|retention|engagement"
    r"|growth|grew|grow\w*|increas\w*|boost\w*|drove|improv\w*|reduc\w*|doubl\w*|tripl\w*)\b"
    r"|\d+\s?%",
    re.IGNORECASE,
)

# Section headings: ON = experience-like sections, OFF = other known sections.
# Headings matching neither (job titles, employers) leave the state unchanged.
ON_RE = re.compile(
    r"experience|employment|work history|career|projects?\b|achievements?|accomplishments?"
    r"|awards?|honou?rs",
    re.IGNORECASE,
)
OFF_RE = re.compile(
    r"education|skills?|certific|languages?|contact|references?|summary|profile|about"
    r"|strengths|courses?|interests|training|hobbies|publications",
    re.IGNORECASE,
)

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
URL_RE = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|io|org|net|dev|app)/", re.IGNORECASE)
PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}\b")

# sha256 prefixes (12 hex) of lower-cased name words (resume owners and people named in
# the saved text) and of lower-cased two-word names whose single words are common
# English words; no names in clear.
NAME_HASHES = frozenset(
    {
        "07d046d5fac1",
        "099b0d300b75",
        "267eed33dc45",
        "2e0b8d61fa2a",
        "3c05ee429205",
        "4dff5db565c4",
        "50a635940bf7",
        "6dbc81f0fa76",
        "71b3c44cdde8",
        "7ee8118150e0",
        "82d3042b9413",
        "9af2921d3fd5",
        "b27f4d4aa795",
        "b816a16cd037",
        "bb647e29b343",
        "bb8435714400",
        "cbd4b09575cb",
        "d0cfc2e5319b",
        "d49b8946d86d",
        "d4d72d7ce377",
        "ec47860233d3",
        "eecae277a867",
        "efe424e1ad83",
        "f4d25158ccdd",
    }
)
NAME_PAIR_HASHES = frozenset({"1ff16244d1c4"})

BULLET_RE = re.compile(r"^\s*(?:[-*+•▪◦●\uf0a7\uf0b7]|\d+[.)])\s+")
LEAD_BULLET_RE = re.compile(r"^[•▪◦●\uf0a7\uf0b7\-–*]\s*")
SENT_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(£$₹€])")
TERMINATOR_RE = re.compile(r"[.!?](?:\s|$)")


def norm(text: str) -> str:
    """Whitespace-normalised lower-case text."""
    return " ".join(text.split()).lower()


def clean(text: str) -> str:
    """Collapse whitespace and strip stray markup characters at the ends."""
    text = " ".join(text.split())
    return text.strip(" \t|")


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences."""
    return [s for s in (clean(p) for p in SENT_SPLIT_RE.split(clean(text))) if s]


def heading_state(title: str, state: bool) -> bool:
    """New section state after a heading."""
    if ON_RE.search(title):
        return True
    if OFF_RE.search(title):
        return False
    return state


def region_of(text: str, region: list[str] | None) -> str:
    """Part of text between a start marker (included) and an end marker (excluded)."""
    if not region:
        return text
    start = text.find(region[0]) if region[0] else 0
    if start < 0:
        raise ValueError(f"region start not found: {region[0]!r}")
    end = text.find(region[1], start + 1) if region[1] else -1
    return text[start : end if end >= 0 else len(text)]


# ---------------------------------------------------------------- plain text


def extract_txt(text: str) -> list[str]:
    """Bullet lines as lines; other lines with a sentence end split into sentences."""
    out: list[str] = []
    for line in text.splitlines():
        if not line.strip() or set(line.strip()) <= {"_", "-", "="}:
            continue
        if BULLET_RE.match(line):
            out.append(clean(BULLET_RE.sub("", line, count=1)))
            continue
        body = clean(line)
        if TERMINATOR_RE.search(body):
            out.extend(sentences(body))
    return out


# ---------------------------------------------------------------- markdown


def md_inline(text: str) -> str:
    """Remove inline Markdown markup, keep the words."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<!\w)[*_](.+?)[*_](?!\w)", r"\1", text)
    text = text.replace("`", "")
    return clean(text)


def extract_md(text: str, whole: bool) -> list[str]:
    """Bullets, and sentences of paragraph lines, inside experience-like sections."""
    out: list[str] = []
    state = whole
    for line in text.splitlines():
        if not line.strip():
            continue
        m = re.match(r"^\s*(#{1,6})\s+(.*)$", line)
        if m:
            if not whole:
                state = heading_state(md_inline(m.group(2)), state)
            continue
        if not state:
            continue
        if BULLET_RE.match(line):
            out.append(md_inline(BULLET_RE.sub("", line, count=1)))
            continue
        body = md_inline(line)
        if not TERMINATOR_RE.search(body):
            continue  # role / employer / date header line, table row, label
        out.extend(sentences(body))
    return out


# ---------------------------------------------------------------- html / jsx

TAG_RE = re.compile(r"<(?P<close>/?)(?P<tag>h[1-7]|li|p)\b[^>]*>", re.IGNORECASE)


def strip_tags(fragment: str) -> str:
    """Text of an HTML / JSX fragment."""
    fragment = re.sub(r"<!--.*?-->", " ", fragment, flags=re.DOTALL)
    fragment = re.sub(r"\{/\*.*?\*/\}", " ", fragment, flags=re.DOTALL)
    fragment = re.sub(r"<[^>]+>", " ", fragment)
    fragment = fragment.replace("{' '}", " ").replace('{" "}', " ")
    return clean(html.unescape(fragment))


def extract_html(text: str, whole: bool) -> list[str]:
    """li items, and p paragraphs with a sentence end, inside experience-like sections."""
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    text = re.sub(r"\{/\*.*?\*/\}", " ", text, flags=re.DOTALL)
    out: list[str] = []
    state = whole
    pos = 0
    while True:
        m = TAG_RE.search(text, pos)
        if not m:
            break
        pos = m.end()
        if m.group("close"):
            continue
        tag = m.group("tag").lower()
        end = re.compile(r"</" + tag + r"\s*>", re.IGNORECASE).search(text, pos)
        if not end:
            continue
        inner = text[pos : end.start()]
        if tag.startswith("h"):
            # whole: the saved excerpt holds only experience-like sections, so
            # headings (often job or project titles) do not switch the state
            if not whole:
                state = heading_state(strip_tags(inner), state)
            pos = end.end()
            continue
        if not state:
            continue
        if tag == "li":
            if re.search(r"<(?:li|ul|ol)\b", inner, re.IGNORECASE):
                continue
            out.append(LEAD_BULLET_RE.sub("", strip_tags(inner)))
            pos = end.end()
            continue
        # tag == "p": paragraphs without a sentence end are headers (role, employer, dates)
        body = strip_tags(inner)
        if TERMINATOR_RE.search(body):
            out.extend(sentences(body))
        pos = end.end()
    return out


# ---------------------------------------------------------------- js / ts data

JS_STRING_RE = re.compile(r"\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'")


def js_unquote(raw: str, quote: str) -> str:
    """Value of a quoted JS string literal body."""
    if quote == "'":
        raw = raw.replace("\\'", "'").replace('"', '\\"')
    return json.loads('"' + raw + '"')


def extract_jsdata(body: str, part: dict[str, object]) -> list[str]:
    """String values of given keys (sentences) and items of given list keys (lines)."""
    keys = part.get("keys") or []
    list_keys = part.get("list_keys") or []
    assert isinstance(keys, list) and isinstance(list_keys, list)
    found: list[tuple[int, list[str]]] = []
    for key in keys:
        pattern = re.compile(r"\b" + re.escape(str(key)) + r"\s*:\s*(\"|')")
        for m in pattern.finditer(body):
            lit = JS_STRING_RE.match(body, m.start(1))
            if lit:
                value = lit.group(1) if lit.group(1) is not None else lit.group(2)
                found.append((m.start(), sentences(js_unquote(value, m.group(1)))))
    for key in list_keys:
        pattern = re.compile(r"\b" + re.escape(str(key)) + r"\s*:\s*\[")
        for m in pattern.finditer(body):
            close = body.find("]", m.end())
            chunk = body[m.end() : close if close >= 0 else len(body)]
            items: list[str] = []
            for lit in JS_STRING_RE.finditer(chunk):
                if lit.group(1) is not None:
                    item = clean(js_unquote(lit.group(1), '"'))
                else:
                    item = clean(js_unquote(lit.group(2), "'"))
                # split_items: list items that are paragraphs are split into sentences
                items.extend(sentences(item) if part.get("split_items") else [item])
            found.append((m.start(), items))
    found.sort(key=lambda pair: pair[0])
    return [line for _, lines in found for line in lines]


# ---------------------------------------------------------------- filters


def has_personal_data(line: str) -> bool:
    """Emails, URLs, phone numbers or name words."""
    if EMAIL_RE.search(line) or URL_RE.search(line) or PHONE_RE.search(line):
        return True
    words = [w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]+", line)]
    for word in words:
        if hashlib.sha256(word.encode()).hexdigest()[:12] in NAME_HASHES:
            return True
    for first, second in itertools.pairwise(words):
        pair = f"{first} {second}"
        if hashlib.sha256(pair.encode()).hexdigest()[:12] in NAME_PAIR_HASHES:
            return True
    return False


def six_grams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text."""
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def extract_part(text: str, part: dict[str, object]) -> list[str]:
    """Candidate lines of one part (format + optional region) of a saved file."""
    region = part.get("region")
    assert region is None or isinstance(region, list)
    body = region_of(text, region)
    fmt = part["format"]
    whole = bool(part.get("whole"))
    if fmt == "txt":
        return extract_txt(body)
    if fmt == "md":
        return extract_md(body, whole)
    if fmt == "html":
        return extract_html(body, whole)
    if fmt == "jsdata":
        return extract_jsdata(body, part)
    raise ValueError(f"unknown format {fmt!r}")


def extract(entry: dict[str, object]) -> list[str]:
    """Candidate lines of one resume, in document order."""
    text = (RAW / str(entry["raw"])).read_text(encoding="utf-8")
    parts = entry.get("parts")
    if parts is None:
        parts = [entry]
    assert isinstance(parts, list)
    lines: list[str] = []
    for part in parts:
        lines.extend(ln for ln in extract_part(text, part) if ln)
    return lines


def main() -> None:
    """Run the draw and write set94.jsonl and draw94.stats.json."""
    manifest = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    kept = sorted((e for e in manifest if e.get("kept")), key=lambda e: (e["repo"], e["path"]))
    seen_lines = SEEN.read_text(encoding="utf-8").splitlines()
    seen = {norm(s) for s in seen_lines if s.strip()}
    seen_grams: set[tuple[str, ...]] = set()
    for s in seen_lines:
        seen_grams |= six_grams(s)

    counts = {
        "manifest_entries": len(manifest),
        "resumes_kept_before_copy_check": len(kept),
        "dropped_as_copies": 0,
        "candidate_lines": 0,
        "after_length_6_60": 0,
        "after_personal_data": 0,
        "after_seen_texts": 0,
        "after_duplicates": 0,
        "after_regex": 0,
    }
    per_resume: dict[str, list[str]] = {}
    shares: dict[str, float] = {}
    kept_grams: set[tuple[str, ...]] = set()
    used: set[str] = set()
    resumes = []
    for entry in kept:
        key = f"{entry['repo']}#{entry['path']}"
        lines = extract(entry)
        grams = six_grams(" \n ".join(lines))
        share = len(grams & (seen_grams | kept_grams)) / len(grams) if grams else 0.0
        shares[key] = round(share, 4)
        if share >= COPY_SHARE:
            counts["dropped_as_copies"] += 1
            continue
        kept_grams |= grams
        resumes.append(entry)
        counts["candidate_lines"] += len(lines)
        good: list[str] = []
        for line in lines:
            if not MIN_WORDS <= len(line.split()) <= MAX_WORDS:
                continue
            counts["after_length_6_60"] += 1
            if has_personal_data(line):
                continue
            counts["after_personal_data"] += 1
            if norm(line) in seen:
                continue
            counts["after_seen_texts"] += 1
            if norm(line) in used:
                continue
            used.add(norm(line))
            counts["after_duplicates"] += 1
            if not KEEP_RE.search(line):
                continue
            counts["after_regex"] += 1
            good.append(line)
        per_resume[key] = good

    rng = random.Random(SEED)
    order = list(resumes)
    rng.shuffle(order)
    rows: list[dict[str, object]] = []
    for entry in order:
        if len(rows) >= TOTAL:
            break
        key = f"{entry['repo']}#{entry['path']}"
        lines = per_resume[key]
        picks = rng.sample(lines, PER_RESUME) if len(lines) > PER_RESUME else list(lines)
        for line in picks[: TOTAL - len(rows)]:
            rows.append(
                {
                    "id": f"hb94-{len(rows) + 1:03d}",
                    "text": line,
                    "source": {
                        "repo": entry["repo"],
                        "path": entry["path"],
                        "commit": entry["commit"],
                        "role": entry["role"],
                    },
                    "resume": key,
                }
            )
    OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    counts["drawn_lines"] = len(rows)
    counts["resumes_contributing"] = len({r["resume"] for r in rows})
    roles: dict[str, int] = {}
    for r in rows:
        source = r["source"]
        assert isinstance(source, dict)
        roles[str(source["role"])] = roles.get(str(source["role"]), 0) + 1
    stats = {
        "counts": counts,
        "candidate_lines_per_resume": {f"{e['repo']}#{e['path']}": len(extract(e)) for e in kept},
        "lines_after_filters_per_resume": {k: len(v) for k, v in sorted(per_resume.items())},
        "six_gram_share_per_resume": dict(sorted(shares.items())),
        "drawn_lines_per_role": dict(sorted(roles.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
    STATS.write_text(json.dumps(stats, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
