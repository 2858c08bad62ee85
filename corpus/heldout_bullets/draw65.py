"""Draw set65: resume-like lines from LinkedIn data exports people committed to GitHub.

Reads only /work/mine65/raw (copied once from the fetched repositories) and the two brief
files named below, so it reruns offline. Deterministic: random.Random(65).
Usage: python3 draw65.py [out.jsonl]   (default: set65.jsonl beside this script)
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

from set_filter import KEEP_RE

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
MAX_PER_PERSON = 8
MAX_LINES = 200
COPY_SHARE = 0.30

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE_RE = re.compile(
    r"(\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}\b|\+\d[\d\s-]{8,}\d"
)
URL_RE = re.compile(
    r"(?i:https?://|www\.)|\b[\w-]+\.(com|org|net|io|ai|dev|co|in|edu|gov|me|app|ly|de|uk)\b"
)
BULLET_RE = re.compile(r"[•·]|(?:^|(?<=\s))[-*](?=\s)")
SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
TOKEN_RE = re.compile(r"[^\W\d_]+")
EN_STOP_TEXT = (
    "the and of to in for with on at by from as is was are were this that our my i "
    "we which into an a be been it its their has have had "
)
FOREIGN_STOP_TEXT = (
    "de la le les des du et en un une est pour avec dans sur par au aux que qui el "
    "los las del y con para por una es se al lo su da do dos das em com na no um uma "
    "os ao pelo pela il di che della per nel gli sono der die und mit von zu für auf "
    "ist im den dem ein eine bei och att av som för med på är jag till ett "
)
EN_STOP = frozenset(EN_STOP_TEXT.split())
FOREIGN_STOP = frozenset(FOREIGN_STOP_TEXT.split())
ARRAY_KEYS = {"positions", "position", "experience", "experiences", "work", "projects"}
DESC_KEYS = ("description", "summary", "highlights", "bullets", "points", "descriptions")
TITLE_KEYS = ("title", "position", "role")
START_KEYS = ("Started On", "Start Date", "startDate", "start_date", "starts_at", "period")
END_KEYS = ("Finished On", "End Date", "endDate", "end_date", "ends_at")
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}


def sha12(word: str) -> str:
    """sha256 prefix of a lowercase word, as stored in raw/*sha256_12*."""
    return hashlib.sha256(word.lower().encode()).hexdigest()[:12]


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text, the form seen_texts.txt is compared in."""
    return " ".join(text.split()).lower()


def parse_date(value: Any) -> tuple[int, int]:
    """(year, month) from 'Mar 2022', '2020', '2021-03', '3/2016' or a dict; (0, 0) if none."""
    if isinstance(value, dict):
        value = f"{value.get('month') or ''} {value.get('year') or ''}"
    text = str(value or "").lower()
    years = re.findall(r"(?:19|20)\d\d", text)
    if not years:
        return (0, 0)
    month = 0
    for name, num in MONTHS.items():
        if name in text[: text.find(years[0])]:
            month = num
    iso = re.search(r"(?:19|20)\d\d-(\d\d)", text)
    slash = re.search(r"\b(\d{1,2})[/ ](?:19|20)\d\d", text)
    if iso:
        month = int(iso.group(1))
    elif slash:
        month = int(slash.group(1))
    return (int(years[0]), month)


def read_csv(text: str) -> list[dict[str, str]]:
    """Rows of a LinkedIn export CSV, skipping any 'Notes:' preamble before the header."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    start = next((i for i, ln in enumerate(lines) if "Title" in ln and "Description" in ln), 0)
    return list(csv.DictReader(io.StringIO("".join(lines[start:]))))


def json_entries(obj: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Entries of positions/experience/work/projects arrays found near the top of a JSON."""
    found: list[dict[str, Any]] = []
    if depth > 3:
        return found
    if isinstance(obj, list):
        for item in obj[:1] if depth == 0 else []:
            found += json_entries(item, depth + 1)
        return found
    if not isinstance(obj, dict):
        return found
    for key, val in obj.items():
        if key in ARRAY_KEYS and isinstance(val, list):
            entries = [e for e in val if isinstance(e, dict)]
            found += [dict(e, _kind=key) for e in entries]
        elif isinstance(val, (dict, list)) and key not in ARRAY_KEYS:
            found += json_entries(val, depth + 1)
    return found


def desc_text(entry: dict[str, Any]) -> str:
    """All description-like fields of one entry joined by line breaks."""
    parts: list[str] = []
    low = {str(k).lower(): v for k, v in entry.items()}
    for key in DESC_KEYS:
        val = low.get(key)
        if isinstance(val, str):
            parts.append(val)
        elif isinstance(val, list):
            parts += [x for x in val if isinstance(x, str)]
    return "\n".join(parts)


def first_of(entry: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """Value of the first key of keys present and non-empty in entry."""
    low = {str(k).lower(): v for k, v in entry.items()}
    return next((low[k.lower()] for k in keys if low.get(k.lower())), None)


def recent_title(positions: list[dict[str, Any]]) -> str:
    """Title of the most recent position: current ones first, then latest start."""
    best: tuple[tuple[int, int], tuple[int, int], int] | None = None
    title = ""
    for idx, pos in enumerate(positions):
        name = str(first_of(pos, TITLE_KEYS) or "").strip()
        if not name:
            continue
        end = first_of(pos, END_KEYS)
        current = bool(first_of(pos, ("current", "isCurrent"))) or not end
        key = ((9999, 99) if current else parse_date(end), parse_date(first_of(pos, START_KEYS)))
        rank = (key[0], key[1], -idx)
        if best is None or rank > best:
            best, title = rank, name
    return " ".join(title.split())


def split_lines(desc: str) -> list[str]:
    """Lines at line breaks and bullet glyphs; paragraphs split into sentences."""
    desc = desc.replace("\r\n", "\n").replace("\r", "\n")
    structured = "\n" in desc.strip() or bool(BULLET_RE.search(desc))
    out: list[str] = []
    for line in desc.split("\n"):
        for piece in BULLET_RE.split(line):
            piece = " ".join(piece.split()).strip(" -*•·\t")
            if not piece:
                continue
            if not structured or len(piece.split()) > 60:
                out += [s.strip() for s in SENT_RE.split(piece) if s.strip()]
            else:
                out.append(piece)
    return out


def english(text: str) -> bool:
    """True when English function words outnumber those of the other common languages."""
    toks = [t.lower() for t in TOKEN_RE.findall(text)]
    en = sum(t in EN_STOP for t in toks)
    other = sum(t in FOREIGN_STOP and t not in EN_STOP for t in toks)
    return en > other


def grams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text (lowercase word tokens)."""
    toks = [t.lower() for t in TOKEN_RE.findall(text)]
    return {tuple(toks[i : i + 6]) for i in range(len(toks) - 5)}


def load_people() -> list[dict[str, Any]]:
    """One record per repository: role, (path, description) pairs, owner-name hashes."""
    owners: dict[str, set[str]] = {}
    for row in (RAW / "owner_name_sha256_12.tsv").read_text().splitlines()[1:]:
        repo, _, hashes = row.partition("\t")
        owners[repo] = set(hashes.split())
    people: dict[str, dict[str, Any]] = {}
    for row in (RAW / "manifest.tsv").read_text().splitlines()[1:]:
        repo, commit, path = row.split("\t")
        person = people.setdefault(
            repo, {"repo": repo, "commit": commit, "descs": [], "positions": []}
        )
        person["owners"] = owners.get(repo, set())
        text = (RAW / repo.replace("/", "+") / path).read_bytes().decode("utf-8-sig", "replace")
        if path.lower().endswith(".json"):
            entries = json_entries(json.loads(text))
            person["positions"] += [e for e in entries if e["_kind"] != "projects"]
        else:
            entries = read_csv(text)
            if Path(path).name.lower() == "positions.csv":
                person["positions"] += entries
        person["descs"] += [(path, desc_text(e)) for e in entries if desc_text(e).strip()]
    for person in people.values():
        person["role"] = recent_title(person["positions"])
    return [people[k] for k in sorted(people)]


def has_name(line: str, owners: set[str], first_names: set[str], common: set[str]) -> bool:
    """Owner-name word anywhere, or 'Firstname Lastname' after the line's first token."""
    toks = line.split()
    words = [re.sub(r"^\W+|\W+$", "", t) for t in toks]
    for i, word in enumerate(words):
        if not word[:1].isupper():
            continue
        if sha12(word) in owners:
            return True
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if (
            i > 0
            and word.isalpha()
            and word.istitle()
            and word.lower() not in common
            and sha12(word) in first_names
            and nxt.isalpha()
            and nxt.istitle()
            and not toks[i].endswith((",", ".", ":", ";"))
        ):
            return True
    return False


def main() -> None:
    out_path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "set65.jsonl"
    seen_lines = [norm(x) for x in SEEN.read_text(encoding="utf-8").splitlines() if x.strip()]
    seen = set(seen_lines)
    seen_grams: set[tuple[str, ...]] = set()
    for line in seen_lines:
        seen_grams |= grams(line)
    first_names = {
        x.strip()
        for x in (RAW / "first_name_sha256_12.txt").read_text().splitlines()
        if x.strip() and not x.startswith("#")
    }
    people = load_people()
    counts: dict[str, int] = {"people_files": len(people)}
    # person-level filters: English text, not a copy of a kept person or of seen_texts
    kept: list[dict[str, Any]] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    for person in people:
        full = "\n".join(d for _, d in person["descs"])
        if not full.strip():
            person["skip"] = "no descriptions"
            continue
        if not english(full):
            person["skip"] = "not English"
            continue
        mine = grams(full)
        shares = [len(mine & g) / len(mine) for g in [*kept_grams, seen_grams]] if mine else []
        if shares and max(shares) >= COPY_SHARE:
            person["skip"] = f"copy ({max(shares):.2f} of 6-grams shared)"
            continue
        kept.append(person)
        kept_grams.append(mine)
    counts["people_kept"] = len(kept)
    # words that also occur in lowercase in the pool are common words, not names
    common = {t for p in kept for _, d in p["descs"] for t in TOKEN_RE.findall(d) if t.islower()}
    dedup: set[str] = set()
    steps = ["split", "words_6_60", "personal_data", "non_english_line", "seen", "dup", "regex"]
    tally = dict.fromkeys(steps, 0)
    for person in kept:
        cands: list[tuple[str, str]] = []
        for path, desc in person["descs"]:
            for line in split_lines(desc):
                tally["split"] += 1
                if not 6 <= len(line.split()) <= 60:
                    continue
                tally["words_6_60"] += 1
                if (
                    EMAIL_RE.search(line)
                    or PHONE_RE.search(line)
                    or URL_RE.search(line)
                    or has_name(line, person["owners"], first_names, common)
                ):
                    continue
                tally["personal_data"] += 1
                if not english(line) and any(
                    t.lower() in FOREIGN_STOP for t in TOKEN_RE.findall(line)
                ):
                    continue
                tally["non_english_line"] += 1
                key = norm(line)
                if key in seen:
                    continue
                tally["seen"] += 1
                if key in dedup:
                    continue
                dedup.add(key)
                tally["dup"] += 1
                if not KEEP_RE.search(line):
                    continue
                tally["regex"] += 1
                cands.append((path, line))
        person["cands"] = cands
    counts.update({f"lines_after_{k}": v for k, v in tally.items()})
    rng = random.Random(65)
    order = [p for p in kept if p["cands"]]
    counts["people_with_lines"] = len(order)
    rng.shuffle(order)
    rows: list[dict[str, Any]] = []
    for person in order:
        if len(rows) >= MAX_LINES:
            break
        picks = rng.sample(person["cands"], min(MAX_PER_PERSON, len(person["cands"])))
        for path, line in picks[: MAX_LINES - len(rows)]:
            repo = person["repo"]
            rows.append(
                {
                    "id": f"hb65-{len(rows) + 1:03d}",
                    "text": line,
                    "source": {
                        "repo": repo,
                        "path": path,
                        "commit": person["commit"],
                        "role": person["role"],
                    },
                    "resume": f"{repo}#{path}",
                }
            )
    with out_path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts["lines_drawn"] = len(rows)
    counts["people_drawn"] = len({r["source"]["repo"] for r in rows})
    report = {
        "counts": counts,
        "skipped": {p["repo"]: p["skip"] for p in people if p.get("skip")},
        "candidates_per_person": {p["repo"]: len(p["cands"]) for p in kept},
        "roles": sorted({r["source"]["repo"]: r["source"]["role"] for r in rows}.items(), key=str),
    }
    out_path.with_suffix(".counts.json").write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
