"""Draw set69: result lines from A/B-test and experiment write-ups (mechanical filters only)."""

import hashlib
import json
import random
import re
import unicodedata
from pathlib import Path

from set_filter import KEEP_RE as KEEP  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set69.jsonl"
STATS = HERE / "draw69.stats.json"

TARGET = re.compile(
    r"\b(results?|conclusions?|recommendations?|impact|outcomes?|key findings|summary)\b",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL = re.compile(r"(https?://|www\.)\S+|\b[\w-]+\.(com|org|io|net|dev|app)\b", re.IGNORECASE)
PHONE = re.compile(r"\+?\d[\d\s().-]{8,}\d")
BYLINE = re.compile(r"\b(by|author|authors|contact|made by|created by)\s*:?\s+[A-Z][a-z]+\s+[A-Z]")
# sha256 prefixes (12 hex) of lowercase name words to drop (none needed: owner logins are used).
NAME_HASHES: frozenset[str] = frozenset()
# plans, designs and assistant/prompt files are not write-ups of what a test did
NOT_WRITEUP = re.compile(
    r"pre_?registration|design|(^|[/_.-])plan|template|agents|claude|prompt", re.IGNORECASE
)
ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT = re.compile(r"^(=+|-+|~+|\^+)\s*$")
ITEM = re.compile(r"^\s*([-*+\u2022]|\d+[.)])\s+(.*)$")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
WORD = re.compile(r"[a-z0-9]+")
STOP = {"the", "and", "of", "to", "in", "is", "was", "for", "with", "that", "on", "are", "by"}
FOREIGN_WORDS = (
    "de la que el en los las por para con une les des est und der die das mit nicht uma com os"
    " um da och het van een dla jest na nie di il che per sono dan yang untuk dengan ini dari"
    " pada adalah tidak akan ke"
)
FOREIGN = set(FOREIGN_WORDS.split())


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.split()).lower()


def grams(text: str, n: int = 6) -> set[tuple[str, ...]]:
    """Word n-grams of a text."""
    words = WORD.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def strip_md(text: str) -> str:
    """Remove Markdown / HTML markup, keep words and figures."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"&nbsp;|&amp;", " ", text)
    text = re.sub(r"(\*\*|__|\*|`|~~)", "", text)
    text = re.sub(r"(?<!\w)_(?!\w)", " ", text)
    text = "".join(c for c in text if unicodedata.category(c) not in ("So", "Cs", "Co", "Sk"))
    text = text.replace("\ufe0f", "")
    return " ".join(text.split()).strip(" -:>")


def headings(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line index, level, text) of every heading outside code fences."""
    out: list[tuple[int, int, str]] = []
    fence = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
            continue
        if fence:
            continue
        m = ATX.match(line)
        if m:
            out.append((i, len(m.group(1)), m.group(2)))
        elif i > 0 and lines[i - 1].strip() and SETEXT.match(line) and len(line.strip()) >= 3:
            if not ITEM.match(lines[i - 1]) and not lines[i - 1].lstrip().startswith("|"):
                level = 1 if line.strip()[0] == "=" else 2
                out.append((i - 1, level, lines[i - 1].strip()))
    return out


def sections(text: str) -> list[str]:
    """Bodies of the target sections (topmost matching heading wins)."""
    lines = text.splitlines()
    heads = headings(lines)
    bodies: list[str] = []
    covered_to = -1
    for k, (idx, level, title) in enumerate(heads):
        if idx <= covered_to or not TARGET.search(strip_md(title)):
            continue
        end = len(lines)
        for idx2, level2, _ in heads[k + 1 :]:
            if level2 <= level:
                end = idx2
                break
        start = idx + 2 if idx + 1 < len(lines) and SETEXT.match(lines[idx + 1]) else idx + 1
        bodies.append("\n".join(lines[start:end]))
        covered_to = end - 1
    return bodies


def body_lines(body: str) -> list[str]:
    """List items, or sentences of paragraphs, of a section body."""
    units: list[str] = []
    para: list[str] = []
    item: list[str] = []
    fence = False

    def flush() -> None:
        if item:
            units.append(" ".join(item))
            item.clear()
        if para:
            units.extend(SENT_SPLIT.split(" ".join(para)))
            para.clear()

    for raw in body.splitlines():
        line = raw.rstrip()
        if line.lstrip().startswith(("```", "~~~")):
            flush()
            fence = not fence
            continue
        if fence:
            continue
        s = line.strip()
        if not s or s.startswith("|") or ATX.match(s) or SETEXT.match(s) or s.startswith("<img"):
            flush()
            continue
        m = ITEM.match(line)
        if m:
            flush()
            item.append(m.group(2))
        elif item and raw[:1].isspace():
            item.append(s)
        else:
            if item:
                flush()
            para.append(s.lstrip("> "))
    flush()
    return [strip_md(u) for u in units]


def english(text: str) -> bool:
    """Mechanical language check: ASCII letters, no more foreign than English function words."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isascii() for c in letters) / len(letters) < 0.95:
        return False
    words = WORD.findall(text.lower())
    return sum(w in FOREIGN for w in words) <= sum(w in STOP for w in words)


def personal(line: str, owner_words: set[str]) -> bool:
    """Personal data: emails, phones, URLs, bylines, owner or listed name words."""
    if EMAIL.search(line) or URL.search(line) or PHONE.search(line) or BYLINE.search(line):
        return True
    words = set(WORD.findall(line.lower()))
    if words & owner_words:
        return True
    return any(hashlib.sha256(w.encode()).hexdigest()[:12] in NAME_HASHES for w in words)


def owner_tokens(repo: str, vocab: set[str]) -> set[str]:
    """Alphabetic parts (4+ letters) of the owner's login that are not ordinary words."""
    owner = repo.split("/")[0].lower()
    return {t for t in re.split(r"[^a-z]+", owner) if len(t) >= 4 and t not in vocab}


def main() -> None:
    manifest = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    seen_lines = SEEN.read_text(encoding="utf-8").splitlines()
    seen = {norm(s) for s in seen_lines}
    seen_grams: set[tuple[str, ...]] = set()
    vocab: set[str] = set()
    for s in seen_lines:
        seen_grams |= grams(s)
        vocab.update(WORD.findall(s.lower()))
    stats: dict[str, int] = {
        "files": len(manifest),
        "files_not_writeup": 0,
        "files_with_sections": 0,
        "sections": 0,
        "sections_non_english": 0,
        "sections_overlap_seen": 0,
        "sections_overlap_kept": 0,
        "sections_kept": 0,
        "raw_lines": 0,
        "len_ok": 0,
        "no_personal": 0,
        "not_seen": 0,
        "unique": 0,
        "regex": 0,
    }
    kept_grams: list[set[tuple[str, ...]]] = []
    used: set[str] = set()
    writeups: list[tuple[dict[str, str], list[str]]] = []
    for m in sorted(manifest, key=lambda d: (d["repo"], d["path"])):
        if NOT_WRITEUP.search(m["path"]):
            stats["files_not_writeup"] += 1
            continue
        text = (RAW / m["file"]).read_text(encoding="utf-8")
        bodies = sections(text)
        if bodies:
            stats["files_with_sections"] += 1
        lines: list[str] = []
        for body in bodies:
            stats["sections"] += 1
            if not english(body):
                stats["sections_non_english"] += 1
                continue
            g = grams(body)
            if g and len(g & seen_grams) / len(g) >= 0.3:
                stats["sections_overlap_seen"] += 1
                continue
            if g and any(len(g & k) / len(g) >= 0.3 for k in kept_grams):
                stats["sections_overlap_kept"] += 1
                continue
            if g:
                kept_grams.append(g)
            stats["sections_kept"] += 1
            for line in body_lines(body):
                stats["raw_lines"] += 1
                if not 6 <= len(line.split()) <= 60:
                    continue
                stats["len_ok"] += 1
                if not english(line):
                    continue
                if personal(line, owner_tokens(m["repo"], vocab)):
                    continue
                stats["no_personal"] += 1
                key = norm(line)
                if key in seen:
                    continue
                stats["not_seen"] += 1
                if key in used:
                    continue
                used.add(key)
                stats["unique"] += 1
                if not KEEP.search(line):
                    continue
                stats["regex"] += 1
                lines.append(line)
        if lines:
            src = {
                "repo": m["repo"],
                "path": m["path"],
                "commit": m["commit"],
                "role": "experiment write-up",
            }
            writeups.append((src, lines))
    stats["writeups"] = len(writeups)
    stats["writeup_repos"] = len({w[0]["repo"] for w in writeups})
    rng = random.Random(69)
    rng.shuffle(writeups)
    out: list[str] = []
    drawn_repos: set[str] = set()
    for src, lines in writeups:
        if len(out) >= 200:
            break
        picks = rng.sample(lines, min(4, len(lines)))
        for line in picks[: 200 - len(out)]:
            rec = {
                "id": f"hb69-{len(out) + 1:03d}",
                "text": line,
                "source": src,
                "resume": f"{src['repo']}#{src['path']}",
            }
            out.append(json.dumps(rec, ensure_ascii=False))
            drawn_repos.add(src["repo"])
    stats["drawn_lines"] = len(out)
    stats["drawn_repos"] = len(drawn_repos)
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    STATS.write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
