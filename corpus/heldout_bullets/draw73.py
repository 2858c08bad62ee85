"""Draw set73: result statements from A/B test and experiment write-ups.

Reads raw/manifest.jsonl and the raw documents it lists (copied from fetched snapshots), extracts
the Results / Conclusion / Recommendation / Impact / Outcome / Key findings / Summary sections,
splits them into lines, applies mechanical filters only, and samples with random.Random(73).
Runs offline; output is byte-identical across runs.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import unicodedata
from pathlib import Path

from set_filter import KEEP_RE as FILTER_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set73.jsonl"
STATS = HERE / "draw73.stats.json"

ROLE = "experiment write-up"
MAX_PER_DOC = 4
MAX_LINES = 200
NGRAM = 6
OVERLAP = 0.30

SECTION_RE = re.compile(
    r"\b(results?|conclusions?|recommendations?|impact|outcomes?|key\s+findings|summary)\b",
    re.I,
)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
URL_RE = re.compile(r"(https?://|www\.)\S+|\b[\w-]+\.(com|org|io|net|dev|app)\b", re.I)
PHONE_RE = re.compile(r"\+?\d[\d\s().-]{8,}\d")
AUTHOR_RE = re.compile(
    r"^\s*[*_#>\s-]*(?:by|author|authors|analyst|name|created by|written by|prepared by)"
    r"\s*[*_]*\s*:\s*[*_]*\s*(.+)$|^\s*[*_#>\s-]*by\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s*$",
    re.I,
)
NAME_CAP_RE = re.compile(r"\b[A-Z][a-z]+\b")
# sha256 prefixes (12 hex) of lower-cased name words to drop; none are needed beyond the
# owner handles and author lines the script reads at run time.
NAME_HASHES: frozenset[str] = frozenset()
STOPWORDS = frozenset(re.findall(r"\w+", "the a an and or of to in on for with is are was were be"))
STOPWORDS |= frozenset(re.findall(r"\w+", "that this it as by from at not than which we"))
STOPWORDS |= frozenset(re.findall(r"\w+", "our has have"))
FOREIGN = frozenset(re.findall(r"\w+", "de da do que em para com os uma um las los el la del"))
FOREIGN |= frozenset(re.findall(r"\w+", "por une le les des und der die das ist nicht ve bir bu"))
FOREIGN |= frozenset(re.findall(r"\w+", "ile yang dan di untuk"))
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
LIST_RE = re.compile(r"^\s*(?:->|=>|→|[-*+•]|\d+[.)])\s+(.*)$")
MD_HEAD_RE = re.compile(r"^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$")
BOLD_HEAD_RE = re.compile(
    r"^\s*(?:\*\*|__|<b>|<strong>)\s*([^*_<>]{1,80}?)\s*:?\s*(?:\*\*|__|</b>|</strong>)\s*:?\s*$",
    re.I,
)


def sha12(word: str) -> str:
    """Return the 12-hex sha256 prefix of a lower-cased word."""
    return hashlib.sha256(word.lower().encode("utf-8")).hexdigest()[:12]


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.lower().split())


def words_of(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return re.findall(r"[a-z0-9']+", text.lower())


def ngrams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text."""
    w = words_of(text)
    return {tuple(w[i : i + NGRAM]) for i in range(len(w) - NGRAM + 1)}


def heading_level(line: str) -> tuple[int, str] | None:
    """Return (level, title) when the line is a heading; bold-only lines count as level 7."""
    m = MD_HEAD_RE.match(line)
    if m:
        return len(m.group(1)), m.group(2)
    m = BOLD_HEAD_RE.match(line)
    if m:
        return 7, m.group(1)
    return None


def extract_sections(text: str) -> list[list[str]]:
    """Raw lines of every section whose heading names a result-type section."""
    sections: list[list[str]] = []
    current: list[str] | None = None
    cur_level = 0
    in_code = False
    for line in text.split("\n"):
        if line.strip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        head = heading_level(line)
        if head is not None:
            level, title = head
            if current is not None and level <= cur_level:
                sections.append(current)
                current = None
            if current is None and SECTION_RE.search(strip_markup(title)):
                current = []
                cur_level = level
            elif current is not None:
                current.append("")
            continue
        if current is not None:
            current.append(line)
    if current is not None:
        sections.append(current)
    return sections


def strip_markup(text: str) -> str:
    """Remove Markdown / HTML markup and symbols, keeping words and figures."""
    t = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
    t = re.sub(r"<[^>]+>", " ", t)
    t = re.sub(r"(\*\*|__|`|~~)", "", t)
    t = re.sub(r"^\s*(>\s*)+", "", t)
    t = re.sub(r"(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])", "", t)
    t = re.sub(r"\\([\[\]()*_#`>|.!-])", r"\1", t)
    drop = ("So", "Cs", "Co", "Mn")
    t = "".join(ch for ch in t if not unicodedata.category(ch).startswith(drop))
    t = t.replace("\u200d", "").replace("\ufe0f", "")
    return " ".join(t.split()).strip(" -–—:")


def section_lines(raw: list[str]) -> list[str]:
    """List items, or sentences of paragraphs, of one section."""
    out: list[str] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            joined = strip_markup(" ".join(para))
            out.extend(s.strip() for s in SENT_SPLIT.split(joined) if s.strip())
            para.clear()

    for line in raw:
        if not line.strip() or line.strip().startswith("|") or re.match(r"^\s*[-=]{3,}\s*$", line):
            flush()
            continue
        m = LIST_RE.match(line)
        if m:
            flush()
            item = strip_markup(m.group(1))
            if item:
                out.append(item)
        else:
            para.append(re.sub(r"^\s*>+\s?", "", line).strip())
    flush()
    return out


def english(text: str) -> bool:
    """Mechanical language check: English function words outnumber foreign ones, Latin script."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(1 for ch in letters if ord(ch) > 0x24F) / len(letters) > 0.3:
        return False
    w = words_of(text)
    eng = sum(1 for x in w if x in STOPWORDS)
    other = sum(1 for x in w if x in FOREIGN)
    return eng >= other


def name_hashes(repo: str, text: str) -> set[str]:
    """Hashes of the owner's handle parts and of words on author lines of the document."""
    found = set(NAME_HASHES)
    owner = repo.split("/")[0]
    for part in [*re.split(r"[^A-Za-z]+", owner), owner]:
        if len(part) >= 3:
            found.add(sha12(part))
    for line in text.split("\n"):
        m = AUTHOR_RE.match(line)
        if m:
            value = strip_markup(m.group(1) or m.group(2) or "").split("|")[0]
            parts = NAME_CAP_RE.findall(value)
            if 1 <= len(parts) <= 3 and len(value.split()) <= 4:
                found.update(sha12(p) for p in parts if len(p) >= 3)
    return found


def has_personal(line: str, hashes: set[str]) -> bool:
    """True when the line holds an email, URL, phone number or a hashed name word."""
    if EMAIL_RE.search(line) or URL_RE.search(line) or PHONE_RE.search(line):
        return True
    return any(sha12(w) in hashes for w in NAME_CAP_RE.findall(line) if len(w) >= 3)


def main() -> None:
    """Run the draw and write set73.jsonl plus a stats file."""
    seen_lines = SEEN.read_text(encoding="utf-8").split("\n")
    seen = {norm(s) for s in seen_lines if s.strip()}
    seen_grams: set[tuple[str, ...]] = set()
    for s in seen_lines:
        seen_grams |= ngrams(s)
    docs = [json.loads(x) for x in (RAW / "manifest.jsonl").read_text().split("\n") if x]
    docs.sort(key=lambda d: (d["repo"].lower(), d["path"]))
    stats: dict[str, int] = {
        "documents": len(docs),
        "docs_without_section": 0,
        "docs_non_english": 0,
        "sections": 0,
        "sections_dropped_overlap": 0,
        "raw_lines": 0,
        "drop_length": 0,
        "drop_non_english": 0,
        "drop_personal": 0,
        "drop_seen": 0,
        "drop_duplicate": 0,
        "drop_regex": 0,
        "eligible_lines": 0,
    }
    kept_grams: list[set[tuple[str, ...]]] = []
    seen_now: set[str] = set()
    writeups: list[tuple[dict[str, str], list[str]]] = []
    for d in docs:
        text = (RAW / d["file"]).read_text(encoding="utf-8")
        secs = extract_sections(text)
        if not secs:
            stats["docs_without_section"] += 1
            continue
        if not english(text):
            stats["docs_non_english"] += 1
            continue
        hashes = name_hashes(d["repo"], text)
        lines: list[str] = []
        for sec in secs:
            stats["sections"] += 1
            sec_text = "\n".join(sec)
            grams = ngrams(strip_markup(sec_text))
            if grams:
                in_seen = len(grams & seen_grams) / len(grams)
                in_kept = max((len(grams & k) / len(grams) for k in kept_grams), default=0.0)
                if in_seen >= OVERLAP or in_kept >= OVERLAP:
                    stats["sections_dropped_overlap"] += 1
                    continue
                kept_grams.append(grams)
            for line in section_lines(sec):
                stats["raw_lines"] += 1
                n = len(line.split())
                if n < 6 or n > 60:
                    stats["drop_length"] += 1
                elif not english(line):
                    stats["drop_non_english"] += 1
                elif has_personal(line, hashes):
                    stats["drop_personal"] += 1
                elif norm(line) in seen:
                    stats["drop_seen"] += 1
                elif norm(line) in seen_now:
                    stats["drop_duplicate"] += 1
                elif not FILTER_RE.search(line):
                    seen_now.add(norm(line))
                    stats["drop_regex"] += 1
                else:
                    seen_now.add(norm(line))
                    lines.append(line)
        stats["eligible_lines"] += len(lines)
        if lines:
            writeups.append((d, lines))
    stats["writeups_with_lines"] = len(writeups)
    stats["repos_with_lines"] = len({d["repo"] for d, _ in writeups})
    rng = random.Random(73)
    rng.shuffle(writeups)
    records: list[dict[str, object]] = []
    used_docs = 0
    for d, lines in writeups:
        if len(records) >= MAX_LINES:
            break
        pick = rng.sample(lines, MAX_PER_DOC) if len(lines) > MAX_PER_DOC else list(lines)
        used_docs += 1
        for line in pick:
            if len(records) >= MAX_LINES:
                break
            records.append(
                {
                    "id": f"hb73-{len(records) + 1:03d}",
                    "text": line,
                    "source": {
                        "repo": d["repo"],
                        "path": d["path"],
                        "commit": d["commit"],
                        "role": ROLE,
                    },
                    "resume": f"{d['repo']}#{d['path']}",
                }
            )
    stats["writeups_drawn"] = used_docs
    stats["lines_drawn"] = len(records)
    OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    STATS.write_text(json.dumps(stats, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
