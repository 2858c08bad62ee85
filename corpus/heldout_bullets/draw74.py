"""Draw set74: result lines from A/B-test and experiment write-ups (offline, deterministic)."""

import hashlib
import json
import random
import re
from pathlib import Path

from set_filter import KEEP_RE as FILTER  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set74.jsonl"
ROLE = "experiment write-up"
MAX_PER_DOC = 4
MAX_LINES = 200

SECTION = re.compile(
    r"\b(results?|conclusions?|recommendations?|impact|outcomes?|findings?|summary)\b", re.I
)
ATX = re.compile(r"^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$")
SETEXT = re.compile(r"^\s{0,3}(=+|-+|~+|\^+|\*+)\s*$")
BOLD_HEAD = re.compile(r"^\s*(\*\*|__)([^*_]{2,80})(\*\*|__)\s*:?\s*$")
LATEX = {
    "\\%": "%",
    "\\times": "×",
    "\\approx": "≈",
    "\\rightarrow": "→",
    "\\le": "≤",
    "\\ge": "≥",
    "\\neq": "≠",
    "\\alpha": "α",
    "\\beta": "β",
    "\\mu": "μ",
    "\\chi": "χ",
}
LIST_ITEM = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s+(.*)$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|io|net|app|dev)\b", re.I)
PHONE = re.compile(r"(?:\+\d{1,3}[\s-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")
HANDLE = re.compile(r"(?<!\w)@\w{2,}")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.lower().split())


def name_hash(word: str) -> str:
    """Short sha256 prefix of a lowercase word."""
    return hashlib.sha256(word.lower().encode("utf-8")).hexdigest()[:12]


def owner_hashes(repo: str) -> set[str]:
    """Hashes of the name-like parts of the repository owner's login."""
    owner = repo.split("/", 1)[0]
    owner = re.sub(r"([a-z])([A-Z])", r"\1 \2", owner)
    parts = re.split(r"[^A-Za-z]+", owner)
    return {name_hash(p) for p in parts if len(p) >= 4}


def strip_markup(text: str) -> str:
    """Remove Markdown / HTML markup, keeping words and figures."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"&nbsp;|&amp;", " ", text)
    text = re.sub(r"\\(?=\s|$)", " ", text)
    text = re.sub(r"(\*\*|__|`|~~)", "", text)
    text = re.sub(r"(?<![\w*])[*_](?=\S)([^*_]+?)(?<=\S)[*_](?![\w*])", r"\1", text)
    text = re.sub(r"^\s*>\s?", "", text)
    text = text.replace("\\$", "\x00")
    text = re.sub(r"\$([^$]*[=<>^_\\{}][^$]*)\$", r"\1", text)
    text = text.replace("\x00", "$")
    text = re.sub(r"\\(?:text|mathbf|mathrm)\{([^{}]*)\}", r"\1", text)
    for macro, plain in LATEX.items():
        text = re.sub(re.escape(macro) + r"(?![A-Za-z])", plain, text)
    return " ".join(text.split()).strip(" -*:")


def plain_heading(lines: list[str], i: int) -> bool:
    """A short standalone capitalised line between blank lines (Markdown already rendered)."""
    s = lines[i].strip()
    if not s or not s[0].isupper() or len(s.split()) > 8 or s[-1] in ".,;!?":
        return False
    if LIST_ITEM.match(lines[i]) or s.startswith("|"):
        return False
    before = i == 0 or not lines[i - 1].strip()
    after = i + 1 >= len(lines) or not lines[i + 1].strip()
    return before and after


def headings(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line index, level, title) of each heading; setext titles sit on the line before."""
    out: list[tuple[int, int, str]] = []
    fence = False
    for i, line in enumerate(lines):
        if line.strip().startswith(("```", "~~~")):
            fence = not fence
            continue
        if fence:
            continue
        m = ATX.match(line)
        if m and m.group(2):
            out.append((i, len(m.group(1)), m.group(2)))
            continue
        if i > 0 and lines[i - 1].strip() and SETEXT.match(line) and len(line.strip()) >= 3:
            if not LIST_ITEM.match(lines[i - 1]) and not ATX.match(lines[i - 1]):
                level = 1 if line.strip()[0] == "=" else 2
                out.append((i - 1, level, lines[i - 1].strip()))
                continue
        b = BOLD_HEAD.match(line)
        if b:
            out.append((i, 7, b.group(2)))
            continue
        if plain_heading(lines, i):
            out.append((i, 8, line.strip()))
    return sorted(out)


def sections(text: str) -> list[list[str]]:
    """Body lines of each result-type section (up to the next heading of same or higher rank)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    heads = headings(lines)
    found: list[list[str]] = []
    used: set[int] = set()
    for k, (idx, level, title) in enumerate(heads):
        if idx in used or not SECTION.search(strip_markup(title)):
            continue
        if k == 0 and level in (1, 8):
            continue  # the document's own title, not a section
        end = len(lines)
        for idx2, level2, _ in heads[k + 1 :]:
            if level2 <= level or level >= 7:
                end = idx2
                break
        start = idx + 1
        if start < len(lines) and SETEXT.match(lines[start]):
            start += 1
        body = lines[start:end]
        used.update(range(idx, end))
        found.append(body)
    return found


def body_lines(body: list[str]) -> list[str]:
    """List items of a section, or sentences of its paragraphs; code and tables dropped."""
    items: list[str] = []
    para: list[str] = []
    fence = False

    def flush() -> None:
        if para:
            joined = strip_markup(" ".join(para))
            items.extend(s for s in SENT_SPLIT.split(joined) if s)
            para.clear()

    current: list[str] | None = None
    for raw in body:
        s = raw.rstrip()
        if s.strip().startswith(("```", "~~~")):
            fence = not fence
            flush()
            current = None
            continue
        if fence:
            continue
        if not s.strip() or s.lstrip().startswith("|") or ATX.match(s) or SETEXT.match(s):
            flush()
            current = None
            continue
        if BOLD_HEAD.match(s) or (s.startswith("    ") and not current):
            flush()
            current = None
            continue
        m = LIST_ITEM.match(s)
        if m:
            flush()
            current = [m.group(1)]
            items.append(strip_markup(m.group(1)))
            continue
        if current is not None and raw.startswith((" ", "\t")):
            current.append(s.strip())
            items[-1] = strip_markup(" ".join(current))
            continue
        current = None
        para.append(s.strip())
    flush()
    return [i for i in items if i]


def is_english(text: str) -> bool:
    """Mostly ASCII letters."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    return sum(c.isascii() for c in letters) / len(letters) >= 0.95


def grams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text."""
    words = re.findall(r"[a-z0-9%]+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def personal(line: str, owner: set[str]) -> bool:
    """Emails, URLs, phones, handles or the owner's name words."""
    if EMAIL.search(line) or URL.search(line) or PHONE.search(line) or HANDLE.search(line):
        return True
    return any(name_hash(w) in owner for w in re.findall(r"[A-Za-z]+", line))


def main() -> None:
    seen_lines = SEEN.read_text(encoding="utf-8").splitlines()
    seen = {norm(s) for s in seen_lines if s.strip()}
    seen_grams: set[tuple[str, ...]] = set()
    for s in seen_lines:
        seen_grams |= grams(s)
    manifest = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    extra = RAW / "manifest_index.json"
    if extra.exists():
        manifest += json.loads(extra.read_text(encoding="utf-8"))
    manifest.sort(key=lambda m: (m["repo"].lower(), m["path"]))
    counts = {"docs": len(manifest), "no_section": 0, "no_sentence": 0, "non_english": 0}
    counts.update({"dup_6gram": 0, "kept_docs": 0, "lines_raw": 0, "lines_len": 0})
    counts.update({"lines_personal": 0, "lines_seen": 0, "lines_dup": 0, "lines_regex": 0})
    kept_grams: list[set[tuple[str, ...]]] = []
    docs: list[tuple[dict[str, str], list[str]]] = []
    all_seen_lines: set[str] = set()
    for m in manifest:
        text = (HERE / m["local"]).read_text(encoding="utf-8")
        secs = sections(text)
        if not secs:
            counts["no_section"] += 1
            continue
        lines = [ln for body in secs for ln in body_lines(body)]
        if not any(len(ln.split()) >= 6 for ln in lines):
            counts["no_sentence"] += 1
            continue
        joined = " ".join(lines)
        if not is_english(joined):
            counts["non_english"] += 1
            continue
        g = grams(joined)
        if g and (
            len(g & seen_grams) / len(g) >= 0.3
            or any(len(g & k) / len(g) >= 0.3 for k in kept_grams)
        ):
            counts["dup_6gram"] += 1
            continue
        kept_grams.append(g)
        counts["kept_docs"] += 1
        owner = owner_hashes(m["repo"])
        good: list[str] = []
        for ln in lines:
            counts["lines_raw"] += 1
            if not 6 <= len(ln.split()) <= 60:
                counts["lines_len"] += 1
                continue
            if personal(ln, owner):
                counts["lines_personal"] += 1
                continue
            key = norm(ln)
            if key in seen:
                counts["lines_seen"] += 1
                continue
            if key in all_seen_lines:
                counts["lines_dup"] += 1
                continue
            all_seen_lines.add(key)
            if not FILTER.search(ln):
                counts["lines_regex"] += 1
                continue
            good.append(ln)
        if good:
            docs.append((m, good))
    rng = random.Random(74)
    rng.shuffle(docs)
    out: list[str] = []
    repos: set[str] = set()
    n_docs = 0
    for m, good in docs:
        if len(out) >= MAX_LINES:
            break
        picks = rng.sample(good, min(MAX_PER_DOC, len(good)))
        n_docs += 1
        repos.add(m["repo"])
        for ln in picks:
            if len(out) >= MAX_LINES:
                break
            src = {"repo": m["repo"], "path": m["path"], "commit": m["commit"], "role": ROLE}
            rec = {
                "id": f"hb74-{len(out) + 1:03d}",
                "text": ln,
                "source": src,
                "resume": f"{m['repo']}#{m['path']}",
            }
            out.append(json.dumps(rec, ensure_ascii=False))
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    counts.update({"docs_with_lines": len(docs), "drawn_docs": n_docs, "drawn_repos": len(repos)})
    counts["drawn_lines"] = len(out)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
