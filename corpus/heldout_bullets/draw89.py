"""Draw set89: real resume lines from text resumes of business roles.

Deterministic (random.Random(89)), offline: reads raw/manifest.json and the saved
raw files, extracts experience / project / achievement lines mechanically, filters
them mechanically and samples at most 6 lines per resume, 150 lines in total.
Writes set89.jsonl and draw89.stats.json next to this script.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
from pathlib import Path

from set_filter import KEEP_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set89.jsonl"
STATS = HERE / "draw89.stats.json"

SEED = 89
PER_RESUME = 6
TOTAL = 150
MIN_WORDS = 6
MAX_WORDS = 60
COPY_SHARE = 0.30


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

# sha256 prefixes (12 hex) of lower-cased name words of the resume owners; no names in clear.
NAME_HASHES = frozenset(
    {
        "1370d09eb3a1",
        "1d1dad020cbf",
        "23ddda481006",
        "24964a2764be",
        "3460eb808752",
        "386c0b143d08",
        "4026ecb179bb",
        "45c35a3db150",
        "51845b4c3322",
        "528bbb760235",
        "7a4c416a2120",
        "7d56b309445c",
        "7f543835d473",
        "83daa1c602d1",
        "94aec9fbed98",
        "a111115006f2",
        "aec0553af61e",
        "b4472cf9e37c",
        "b6fa24e5443d",
        "c17323fc0b1b",
        "c49b876c05fd",
        "c7c084318b6f",
        "c97bb3d1fa22",
        "dafa4ab4dcf9",
        "e59442b68daa",
        "ebbfffd81f43",
        "ec3620470529",
    }
)

BULLET_RE = re.compile(r"^\s*(?:[-*+•▪◦●]|\d+[.)])\s+")
SENT_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(£$])")
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
            state = heading_state(md_inline(m.group(2)), state)
            continue
        if not state:
            continue
        if BULLET_RE.match(line):
            out.append(md_inline(BULLET_RE.sub("", line, count=1)))
            continue
        if line.lstrip().startswith(("**", "__")) or " | " in line:
            continue  # role / employer / date header line
        body = md_inline(line)
        if TERMINATOR_RE.search(body):
            out.extend(sentences(body))
    return out


# ---------------------------------------------------------------- html / jsx

TAG_RE = re.compile(
    r"<(?P<close>/?)(?P<tag>h[1-7]|li|p)\b[^>]*>",
    re.IGNORECASE,
)


def strip_tags(fragment: str) -> str:
    """Text of an HTML fragment."""
    fragment = re.sub(r"<!--.*?-->", " ", fragment, flags=re.DOTALL)
    fragment = re.sub(r"\{/\*.*?\*/\}", " ", fragment, flags=re.DOTALL)
    fragment = re.sub(r"<[^>]+>", " ", fragment)
    return clean(html.unescape(fragment))


def extract_html(text: str) -> list[str]:
    """li items and p paragraphs inside experience-like sections (headings h1-h7)."""
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    out: list[str] = []
    state = False
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
            state = heading_state(strip_tags(inner), state)
            pos = end.end()
            continue
        if not state:
            continue
        if tag == "li":
            if re.search(r"<(?:li|ul|ol)\b", inner, re.IGNORECASE):
                continue
            out.append(strip_tags(inner))
            pos = end.end()
            continue
        # tag == "p": a paragraph opening with bold text is a role header
        if re.match(r"\s*<(?:b|strong)\b", inner, re.IGNORECASE):
            pos = end.end()
            continue
        out.extend(sentences(strip_tags(inner)))
        pos = end.end()
    return out


# ---------------------------------------------------------------- json

JSON_SECTIONS = ("experience", "work", "projects", "awards", "volunteer")
JSON_TEXT_KEYS = ("summary", "description", "employerSummary", "awardSummary")
JSON_LIST_KEYS = ("highlights", "bullets", "achievements")


def extract_json(text: str) -> list[str]:
    """JSON-Resume-like data: highlights as lines, summaries as sentences."""
    data = json.loads(text)
    out: list[str] = []
    for section in JSON_SECTIONS:
        for item in data.get(section, []) or []:
            if not isinstance(item, dict):
                continue
            for key in JSON_TEXT_KEYS:
                value = item.get(key)
                if isinstance(value, list):
                    value = "".join(str(v) for v in value)
                if isinstance(value, str) and value.strip():
                    for para in value.split("\n\n"):
                        out.extend(sentences(para))
            for key in JSON_LIST_KEYS:
                for value in item.get(key, []) or []:
                    if isinstance(value, str) and value.strip():
                        out.append(clean(value))
    return out


# ---------------------------------------------------------------- yaml (simple)


def extract_yaml(text: str) -> list[str]:
    """al-folio style _data/resume.yml: quoted list items under experience-like titles."""
    out: list[str] = []
    state = False
    for line in text.splitlines():
        top = re.match(r'^- title:\s*"?(.*?)"?\s*$', line)
        if top:
            state = heading_state(top.group(1), False)
            continue
        if not state:
            continue
        item = re.match(r'^\s+-\s+"((?:[^"\\]|\\.)*)"\s*$', line)
        if item:
            out.append(clean(item.group(1).replace('\\"', '"')))
    return out


# ---------------------------------------------------------------- latex


def tex_text(text: str) -> str:
    """Remove LaTeX markup, keep the words."""
    text = re.sub(r"(?<!\\)%.*$", "", text, flags=re.MULTILINE)
    text = re.sub(r"\\(?:hfill|footnotesize|small|quad|newline|noindent)(?![a-zA-Z])", " ", text)
    text = re.sub(r"\\href\{[^{}]*\}\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\\(?:textbf|textit|emph|underline)\{([^{}]*)\}", r"\1", text)
    text = text.replace("\\\\", " ")
    text = re.sub(r"\\([%&$#_])", r"\1", text)
    text = text.replace("---", "—").replace("--", "–")
    text = re.sub(r"\\[a-zA-Z]+\*?(\[[^\]]*\])?", " ", text)
    text = text.replace("{", "").replace("}", "")
    return clean(text)


def extract_tex(text: str) -> list[str]:
    """\\item lines and sentences of paragraph lines inside experience-like sections."""
    out: list[str] = []
    state = False
    for line in text.splitlines():
        sec = re.match(r"^\s*\\section\*?\{([^}]*)\}", line)
        if sec:
            state = heading_state(sec.group(1), False)
            continue
        if not state or not line.strip() or line.lstrip().startswith("%"):
            continue
        item = re.match(r"^\s*\\item\s+(.*)$", line)
        if item:
            out.append(tex_text(item.group(1)))
            continue
        if re.match(r"^\s*\\(?:begin|end)\{", line):
            continue
        body = tex_text(line)
        if TERMINATOR_RE.search(body):
            out.extend(sentences(body))
    return out


# ---------------------------------------------------------------- js / ts data

JS_STRING_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')


def js_unquote(raw: str) -> str:
    """Value of a double-quoted JS string literal body."""
    return json.loads('"' + raw + '"')


def extract_jsdata(text: str, entry: dict[str, object]) -> list[str]:
    """String values of given keys (sentences) and of given list keys (lines)."""
    region = entry.get("region") or ["", ""]
    assert isinstance(region, list)
    start = text.find(str(region[0])) if region[0] else 0
    end = text.find(str(region[1]), max(start, 0)) if region[1] else -1
    body = text[max(start, 0) : end if end >= 0 else len(text)]
    keys = entry.get("keys") or []
    list_keys = entry.get("list_keys") or []
    assert isinstance(keys, list) and isinstance(list_keys, list)
    found: list[tuple[int, list[str]]] = []
    for key in keys:
        pattern = re.compile(r"\b" + re.escape(str(key)) + r'\s*:\s*"((?:[^"\\]|\\.)*)"')
        for m in pattern.finditer(body):
            found.append((m.start(), sentences(js_unquote(m.group(1)))))
    for key in list_keys:
        pattern = re.compile(r"\b" + re.escape(str(key)) + r"\s*:\s*\[")
        for m in pattern.finditer(body):
            close = body.find("]", m.end())
            chunk = body[m.end() : close if close >= 0 else len(body)]
            items = [clean(js_unquote(s)) for s in JS_STRING_RE.findall(chunk)]
            found.append((m.start(), items))
    found.sort(key=lambda pair: pair[0])
    return [line for _, lines in found for line in lines]


# ---------------------------------------------------------------- filters


def has_personal_data(line: str) -> bool:
    """Emails, URLs, phone numbers or owner name words."""
    if EMAIL_RE.search(line) or URL_RE.search(line) or PHONE_RE.search(line):
        return True
    for word in re.findall(r"[A-Za-zÀ-ÿ]+", line):
        if hashlib.sha256(word.lower().encode()).hexdigest()[:12] in NAME_HASHES:
            return True
    return False


def six_grams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text."""
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def extract(entry: dict[str, object]) -> list[str]:
    """Candidate lines of one resume, in document order."""
    text = (RAW / str(entry["raw"])).read_text(encoding="utf-8")
    fmt = entry["format"]
    if fmt == "md":
        return extract_md(text, bool(entry.get("whole_file_is_experience")))
    if fmt == "html":
        return extract_html(text)
    if fmt == "json":
        return extract_json(text)
    if fmt == "yaml":
        return extract_yaml(text)
    if fmt == "tex":
        return extract_tex(text)
    if fmt == "jsdata":
        return extract_jsdata(text, entry)
    raise ValueError(f"unknown format {fmt!r}")


def main() -> None:
    """Run the draw and write set89.jsonl and draw89.stats.json."""
    manifest = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    kept = sorted((e for e in manifest if e.get("kept")), key=lambda e: (e["repo"], e["path"]))
    seen_lines = SEEN.read_text(encoding="utf-8").splitlines()
    seen = {norm(s) for s in seen_lines if s.strip()}
    seen_grams: set[tuple[str, ...]] = set()
    for s in seen_lines:
        seen_grams |= six_grams(s)

    counts = {
        "manifest_entries_files_read": len(manifest),
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
        lines = [ln for ln in extract(entry) if ln]
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
            n_words = len(line.split())
            if not MIN_WORDS <= n_words <= MAX_WORDS:
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
                    "id": f"hb89-{len(rows) + 1:03d}",
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
    stats = {
        "counts": counts,
        "lines_after_filters_per_resume": {k: len(v) for k, v in sorted(per_resume.items())},
        "six_gram_share_per_resume": dict(sorted(shares.items())),
    }
    STATS.write_text(json.dumps(stats, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
