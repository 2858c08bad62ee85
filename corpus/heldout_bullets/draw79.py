"""Draw set79: result statements from public handbook goal reviews, retrospectives, team updates.

Reads only files under raw/ (written once by export_raw.sh) and /work/briefs/seen_texts.txt,
applies mechanical filters and draws with random.Random(79). Writes set79.jsonl and
draw79.counts.json next to this file. Running it twice gives byte-identical output.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from set_filter import KEEP_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
LEX = RAW / "lexicon"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set79.jsonl"
COUNTS = HERE / "draw79.counts.json"

MAX_DOCS_PER_REPO = 6
MAX_LINES_PER_DOC = 5
MAX_LINES = 200
DUP_SHARE = 0.30


HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
LIST_RE = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")
SENT_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
HANDLE_RE = re.compile(r"(?<![\w/])@[A-Za-z0-9_][A-Za-z0-9_-]*")
URL_RE = re.compile(
    r"https?://|www\.|\b[\w-]+\.(?:com|org|io|net|dev|co|uk|xyz|app|ai|me|edu|gov)\b",
    re.IGNORECASE,
)
PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")
PROFILE_RE = re.compile(
    r"(?:twitter\.com|x\.com|linkedin\.com|mastodon\.[\w.]+|github\.com/[\w-]+/?\))",
    re.IGNORECASE,
)
NOT_NAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip


def read_text(path: Path) -> str:
    """Return a file's text as UTF-8, replacing undecodable bytes."""
    return path.read_bytes().decode("utf-8", errors="replace")


def load_name_lists() -> tuple[set[str], set[str], set[str]]:
    """Return given names, census last names and lowercase dictionary words.

    Given names are the census first names plus the nam_dict names that are not lowercase
    dictionary words.
    """
    first: set[str] = set()
    for name in ("dist.male.first", "dist.female.first"):
        for row in read_text(LEX / name).splitlines():
            if row.strip():
                first.add(row.split()[0].lower())
    words = {w for w in read_text(LEX / "american-english").splitlines() if w and w.islower()}
    for row in read_text(LEX / "nam_dict.txt").splitlines():
        name = row[3:29].strip().lower()
        if row[:1] in "MF?1" and row[1:3] in ("  ", "M ", "F ") and name.isalpha():
            if name not in words:
                first.add(name)
    last = {row.split()[0].lower() for row in read_text(LEX / "dist.all.last").splitlines() if row}
    return first - NOT_NAMES, last - NOT_NAMES, words


FIRST_NAMES, LAST_NAMES, DICT_WORDS = load_name_lists()


def norm(text: str) -> str:
    """Lowercase and collapse whitespace."""
    return " ".join(text.lower().split())


def strip_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split YAML front matter (flat key: value pairs only) from the body."""
    meta: dict[str, str] = {}
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            for row in text[4:end].splitlines():
                if ":" in row and not row.startswith(" "):
                    key, _, value = row.partition(":")
                    meta[key.strip()] = value.strip().strip("'\"")
            text = text[end + 4 :]
    return meta, text


def clean_source(text: str) -> list[str]:
    """Drop HTML comments and fenced code blocks; return the remaining lines."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    out: list[str] = []
    fenced = False
    for row in text.splitlines():
        if row.strip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            out.append(row.rstrip())
    return out


def section_lines(rows: list[str], mode: str, pattern: str) -> list[str]:
    """Return the rows of the results part named by mode and pattern."""
    if mode == "body":
        return rows
    pat = re.compile(pattern, re.IGNORECASE)
    picked: list[str] = []
    if mode == "heading":
        level = 0
        for row in rows:
            m = HEADING_RE.match(row)
            if m:
                depth = len(m.group(1))
                if level and depth <= level:
                    level = 0
                if not level and pat.search(m.group(2)):
                    level = depth
                continue
            if level:
                picked.append(row)
        return picked
    inside = False
    for row in rows:
        if pat.search(row):
            inside = True
            continue
        if inside and (re.match(r"^\s*\d+\.\s", row) or HEADING_RE.match(row)):
            inside = False
        if inside:
            picked.append(row)
    return picked


def units(rows: list[str]) -> list[tuple[str, str]]:
    """Group rows into list items and paragraphs: (kind, raw text)."""
    out: list[tuple[str, str]] = []
    kind = ""
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append((kind, " ".join(buf)))
            buf.clear()

    for row in rows:
        stripped = row.strip()
        if not stripped or HEADING_RE.match(row) or stripped.startswith("|"):
            flush()
            kind = ""
            continue
        if re.fullmatch(r"[-=*_]{3,}", stripped):
            flush()
            kind = ""
            continue
        m = LIST_RE.match(row)
        if m:
            flush()
            kind = "item"
            buf.append(m.group(2))
        elif kind == "item" and row.startswith((" ", "\t")):
            buf.append(stripped)
        elif kind == "item":
            flush()
            kind = "para"
            buf.append(stripped)
        else:
            kind = kind or "para"
            buf.append(stripped)
    flush()
    return out


def strip_markup(text: str) -> str:
    """Remove Markdown and HTML markup, keeping words and figures."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"^\[[ xX]\]\s*", "", text)
    text = re.sub(r"(?<!\w):[a-z0-9_+-]+:(?!\w)", " ", text)
    text = text.replace("`", "")
    text = re.sub(r"~~|\*\*|__", "", text)
    text = re.sub(r"(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", text)
    text = text.replace("&amp;", "&").replace("&nbsp;", " ")
    return " ".join(text.split())


def has_person_name(text: str) -> bool:
    """True when a capitalised token is a given name or a non-dictionary census last name.

    A line-initial token that is also a lowercase dictionary word ("See", "So") is not
    taken for a first name.
    """
    for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
        low = m.group(0).lower()
        if low in FIRST_NAMES and (m.start() > 0 or low not in DICT_WORDS):
            return True
        if low in LAST_NAMES and low not in DICT_WORDS:
            return True
    return False


def personal(raw: str, text: str) -> bool:
    """True when a line holds an email, phone, URL, @handle, profile link or person name."""
    if EMAIL_RE.search(raw) or HANDLE_RE.search(raw) or PROFILE_RE.search(raw):
        return True
    return bool(
        EMAIL_RE.search(text)
        or HANDLE_RE.search(text)
        or URL_RE.search(text)
        or PHONE_RE.search(text)
        or has_person_name(text)
    )


def grams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text, lowercased."""
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def load_seen() -> tuple[set[str], set[tuple[str, ...]]]:
    """Normalised seen lines and their 6-grams."""
    lines = [row for row in read_text(SEEN).splitlines() if row.strip()]
    seen_grams: set[tuple[str, ...]] = set()
    for row in lines:
        seen_grams |= grams(row)
    return {norm(row) for row in lines}, seen_grams


def load_candidates() -> list[dict[str, str]]:
    """Rows of raw/candidates.tsv, sorted by repo and path."""
    keys = ("repo", "path", "commit", "role", "mode", "pattern")
    rows = [
        dict(zip(keys, r.split("\t"), strict=True))
        for r in read_text(RAW / "candidates.tsv").splitlines()
    ]
    return sorted(rows, key=lambda d: (d["repo"], d["path"]))


def main() -> int:
    """Run the draw and write the outputs."""
    seen_lines, seen_grams = load_seen()
    counts: dict[str, object] = {}
    docs: list[dict[str, object]] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    per_repo: dict[str, int] = {}
    drops = {"draft": 0, "empty_results_part": 0, "dup_seen": 0, "dup_kept": 0, "repo_cap": 0}
    decisions: list[str] = []
    cands = load_candidates()
    for cand in cands:
        meta, body = strip_front_matter(
            read_text(RAW / cand["repo"].replace("/", "+") / cand["path"])
        )
        if meta.get("draft", "").lower() == "true":
            drops["draft"] += 1
            decisions.append(f"draft {cand['repo']}#{cand['path']}")
            continue
        rows = section_lines(clean_source(body), cand["mode"], cand["pattern"])
        parts = units(rows)
        if not parts:
            drops["empty_results_part"] += 1
            decisions.append(f"empty_results_part {cand['repo']}#{cand['path']}")
            continue
        doc_grams = grams(strip_markup(" ".join(clean_source(body))))
        if doc_grams and len(doc_grams & seen_grams) / len(doc_grams) >= DUP_SHARE:
            drops["dup_seen"] += 1
            decisions.append(f"dup_seen {cand['repo']}#{cand['path']}")
            continue
        if doc_grams and any(len(doc_grams & g) / len(doc_grams) >= DUP_SHARE for g in kept_grams):
            drops["dup_kept"] += 1
            decisions.append(f"dup_kept {cand['repo']}#{cand['path']}")
            continue
        if per_repo.get(cand["repo"], 0) >= MAX_DOCS_PER_REPO:
            drops["repo_cap"] += 1
            decisions.append(f"repo_cap {cand['repo']}#{cand['path']}")
            continue
        per_repo[cand["repo"]] = per_repo.get(cand["repo"], 0) + 1
        kept_grams.append(doc_grams)
        decisions.append(f"kept {cand['repo']}#{cand['path']}")
        docs.append({"cand": cand, "parts": parts})
    counts["candidate_documents"] = len(cands)
    counts["document_drops"] = drops
    counts["kept_documents"] = len(docs)
    counts["document_decisions"] = decisions
    counts["kept_documents_per_repo"] = dict(sorted(per_repo.items()))

    steps = {"raw_lines": 0, "words_6_60": 0, "no_personal": 0, "not_seen": 0, "not_dup": 0}
    steps["regex"] = 0
    seen_here: set[str] = set()
    for doc in docs:
        lines: list[str] = []
        for kind, raw in doc["parts"]:  # type: ignore[union-attr]
            pieces = [raw] if kind == "item" else SENT_SPLIT_RE.split(raw)
            for piece in pieces:
                text = strip_markup(piece)
                steps["raw_lines"] += 1
                if not 6 <= len(text.split()) <= 60:
                    continue
                steps["words_6_60"] += 1
                if personal(piece, text):
                    continue
                steps["no_personal"] += 1
                key = norm(text)
                if key in seen_lines:
                    continue
                steps["not_seen"] += 1
                if key in seen_here:
                    continue
                seen_here.add(key)
                steps["not_dup"] += 1
                if not KEEP_RE.search(text):
                    continue
                steps["regex"] += 1
                lines.append(text)
        doc["lines"] = lines
    counts["line_steps"] = steps
    counts["documents_with_lines"] = sum(1 for d in docs if d["lines"])

    rng = random.Random(79)
    order = list(docs)
    rng.shuffle(order)
    records: list[str] = []
    for doc in order:
        if len(records) >= MAX_LINES:
            break
        lines = doc["lines"]
        assert isinstance(lines, list)
        cand = doc["cand"]
        assert isinstance(cand, dict)
        for text in rng.sample(lines, min(MAX_LINES_PER_DOC, len(lines))):
            if len(records) >= MAX_LINES:
                break
            rec = {
                "id": f"hb79-{len(records) + 1:03d}",
                "text": text,
                "source": {
                    "repo": cand["repo"],
                    "path": cand["path"],
                    "commit": cand["commit"],
                    "role": cand["role"],
                },
                "resume": f"{cand['repo']}#{cand['path']}",
            }
            records.append(json.dumps(rec, ensure_ascii=False))
    counts["drawn_lines"] = len(records)
    counts["drawn_documents"] = len({json.loads(r)["resume"] for r in records})
    counts["drawn_repos"] = len({json.loads(r)["source"]["repo"] for r in records})
    OUT.write_text("".join(r + "\n" for r in records), encoding="utf-8")
    COUNTS.write_text(json.dumps(counts, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(json.dumps(counts, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
