"""Draw set76: result lines from agency / consultant case studies (deterministic, offline).

Reads raw/manifest.json and the raw files it names, plus raw/_resources/ (seen texts and a
word list). Writes set76.jsonl and prints the counts of every step as JSON.
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from set_filter import KEEP_RE as KEEP  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
OUT = HERE / "set76.jsonl"
MAX_PER_REPO = 4
MAX_PER_CASE = 4
MAX_LINES = 200
DUP_SHARE = 0.30

RESULT_HEAD = re.compile(
    r"^(?:the\s+|our\s+|key\s+)?(?:results?|outcomes?|impact|what\s+we\s+achieved|key\s+results)\b",
    re.I,
)
RESULT_KEYS = ("results", "result", "outcomes", "outcome", "impact", "keyResults", "key_results")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|io|org|net|co|dev|app)\b", re.I)
TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+[A-Z]")
TWO_CAPS = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+)\b")
PERSON_KEYS = re.compile(r"author|person|cite|name|founder|contact|testimonial", re.I)
BLOCK_TAG = re.compile(
    r"<(?=/?(?:h[1-6]|p|li|ul|ol|div|section|tr|br|blockquote|footer|main|article|nav)\b)", re.I
)
PAGE_END = re.compile(r"^\s*<(?:/section|/main|/article|footer|nav)\b", re.I)
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def load_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def norm(text: str) -> str:
    return " ".join(text.lower().split())


def word_grams(text: str, n: int = 6) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def strip_markup(text: str) -> str:
    text = re.sub(r"<[^>]*>", " ", text)
    text = html.unescape(text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{\{[^}]*\}\}|\{%[^%]*%\}", " ", text)
    text = re.sub(r"[*_`~]+", "", text)
    text = re.sub(r"^\s*(?:#{1,6}|>)\s*", "", text)
    text = text.replace("|", " ")
    return " ".join(text.split())


def split_front(text: str) -> tuple[str, str]:
    if text.startswith("---"):
        parts = text.split("\n---", 2)
        if len(parts) >= 2:
            head = parts[0][3:]
            body = parts[1].split("\n", 1)[1] if "\n" in parts[1] else ""
            if len(parts) == 3:
                body = body + "\n---" + parts[2]
            return head, body
    return "", text


def heading_level(line: str) -> int:
    """0 if not a heading, else a level (Markdown #, HTML h-tag, bold-only line = 7)."""
    md = re.match(r"^\s*(#{1,6})\s+\S", line)
    if md:
        return len(md.group(1))
    tag = re.match(r"^\s*<h([1-6])\b", line, re.I)
    if tag:
        return int(tag.group(1))
    if re.match(r"^\s*\*\*[^*]+\*\*\s*:?\s*$", line):
        return 7
    return 0


def section_lines(body: str) -> list[str] | None:
    """Lines of the first results-type section in a Markdown / HTML body, or None."""
    lines = BLOCK_TAG.sub("\n<", body).split("\n")
    start = None
    level = 0
    for i, line in enumerate(lines):
        lvl = heading_level(line)
        if lvl and RESULT_HEAD.match(strip_markup(line)):
            start, level = i, lvl
            break
    if start is None:
        return None
    first = strip_markup(lines[start])
    rest = RESULT_HEAD.sub("", first).strip(" :-")
    out: list[str] = []
    if heading_level(lines[start]) == 7 and rest:
        out.append(rest)
    for line in lines[start + 1 :]:
        lvl = heading_level(line)
        if (lvl and (lvl <= level or level == 7)) or PAGE_END.match(line):
            break
        out.append(line)
    return out


def units_from_lines(lines: list[str]) -> list[str]:
    """List items become units; paragraph text is split into sentences."""
    units: list[str] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            units.extend(SENT_SPLIT.split(" ".join(para)))
            para.clear()

    for raw in lines:
        is_item = bool(ITEM.match(raw)) or raw.lstrip().lower().startswith("<li")
        text = strip_markup(ITEM.sub("", raw, count=1))
        if re.fullmatch(r"[-:| ]*", text):
            flush()
            continue
        if is_item or raw.lstrip().lower().startswith("<tr"):
            flush()
            units.append(text)
        else:
            para.append(text)
    flush()
    return [u for u in (strip_markup(x) for x in units) if u]


def units_from_value(value: Any) -> list[str]:
    if isinstance(value, str):
        return units_from_lines(value.split("\n"))
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            if isinstance(item, dict):
                parts = [str(v) for v in item.values() if isinstance(v, (str, int, float))]
                out.append(strip_markup(" ".join(parts)))
            else:
                out.extend(units_from_value(item))
        return [u for u in out if u]
    if isinstance(value, dict):
        return [strip_markup(f"{k} {v}") for k, v in value.items() if isinstance(v, (str, int))]
    return []


def find_field(data: Any) -> Any:
    """Breadth-first search for the first results-type key."""
    queue = [data]
    while queue:
        node = queue.pop(0)
        if isinstance(node, dict):
            for key in RESULT_KEYS:
                if node.get(key):
                    return node[key]
            queue.extend(node.values())
        elif isinstance(node, list):
            queue.extend(node)
    return None


def person_names(data: Any) -> set[str]:
    """Names given in person-type metadata fields of the file itself."""
    names: set[str] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, val in node.items():
                if isinstance(val, str) and PERSON_KEYS.search(str(key)):
                    names.update(re.findall(r"\b[A-Z][a-z]{2,}\b", val))
                else:
                    stack.append(val)
        elif isinstance(node, list):
            stack.extend(node)
    return names


def parse_data(text: str, suffix: str) -> Any:
    try:
        if suffix == ".json":
            return json.loads(text)
        return yaml.safe_load(text)
    except (ValueError, yaml.YAMLError):
        return None


def case_studies(entry: dict[str, str]) -> list[dict[str, Any]]:
    """One or more case studies (with their result units) from a manifest entry."""
    path = RAW / entry["file"]
    text = path.read_text(encoding="utf-8", errors="replace")
    suffix = path.suffix.lower()
    found: list[dict[str, Any]] = []
    if suffix in (".json", ".yml", ".yaml"):
        data = parse_data(text, suffix)
        if isinstance(data, dict) and len(data) == 1:
            data = next(iter(data.values()))
        items = data if isinstance(data, list) else [data]
        for idx, item in enumerate(items):
            value = find_field(item)
            if value:
                key = f"{entry['path']}#{idx}"
                found.append({"key": key, "units": units_from_value(value), "names": item})
        return found
    head, body = split_front(text)
    meta = parse_data(head, ".yml") if head else None
    lines = section_lines(body)
    if lines is not None:
        units = units_from_lines(lines)
    else:
        value = find_field(meta) if isinstance(meta, dict) else None
        units = units_from_value(value) if value else []
    if units:
        found.append({"key": entry["path"], "units": units, "names": meta})
    return found


def proper_nouns() -> tuple[set[str], set[str]]:
    """Dictionary-only proper nouns, and census first names that are not common words."""
    words = (RAW / "_resources" / "american-english").read_text(encoding="utf-8").split()
    lower = {w for w in words if w.islower()}
    proper = {w for w in words if w[:1].isupper() and w.lower() not in lower and "'" not in w}
    first: set[str] = set()
    for name in ("dist.male.first", "dist.female.first"):
        text = (RAW / "_resources" / name).read_text(encoding="utf-8")
        first.update(line.split()[0].capitalize() for line in text.splitlines() if line.strip())
    return proper, {n for n in first if n.lower() not in lower}


def has_personal(text: str, names: set[str], given: tuple[set[str], set[str]]) -> bool:
    if EMAIL.search(text) or PHONE.search(text) or URL.search(text) or TITLE.search(text):
        return True
    if any(re.search(rf"\b{re.escape(n)}\b", text) for n in names):
        return True
    proper, first = given
    if any(m.group(1) in proper for m in TWO_CAPS.finditer(text)):
        return True
    return any(tok in first for tok in re.findall(r"\b[A-Z][a-z]+\b", text))


def main() -> int:
    counts: dict[str, int] = {}
    manifest = load_json(RAW / "manifest.json")
    seen_lines = (RAW / "_resources" / "seen_texts.txt").read_text(encoding="utf-8").splitlines()
    seen = {norm(s) for s in seen_lines}
    seen_grams: set[tuple[str, ...]] = set()
    for s in seen_lines:
        seen_grams |= word_grams(s)
    given = proper_nouns()

    cases: list[dict[str, Any]] = []
    for entry in sorted(manifest, key=lambda e: (e["repo"], e["path"])):
        for cs in case_studies(entry):
            cs.update(repo=entry["repo"], path=entry["path"], commit=entry["commit"])
            cs["role"] = entry["role"]
            cases.append(cs)
    counts["manifest_files"] = len(manifest)
    counts["case_studies_with_results_part"] = len(cases)

    kept: list[dict[str, Any]] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    for cs in sorted(cases, key=lambda c: (c["repo"], c["key"])):
        grams = word_grams(" ".join(cs["units"]))
        if grams:
            if len(grams & seen_grams) / len(grams) >= DUP_SHARE:
                continue
            if any(len(grams & g) / len(grams) >= DUP_SHARE for g in kept_grams):
                continue
        kept.append(cs)
        kept_grams.append(grams)
    counts["case_studies_after_6gram_dedupe"] = len(kept)

    rng = random.Random(76)
    by_repo: dict[str, list[dict[str, Any]]] = {}
    for cs in kept:
        by_repo.setdefault(cs["repo"], []).append(cs)
    capped: list[dict[str, Any]] = []
    for repo in sorted(by_repo):
        group = by_repo[repo]
        if len(group) > MAX_PER_REPO:
            group = rng.sample(group, MAX_PER_REPO)
        capped.extend(group)
    capped.sort(key=lambda c: (c["repo"], c["key"]))
    counts["case_studies_after_repo_cap"] = len(capped)
    counts["repos"] = len(by_repo)

    step = {"units": 0, "len_6_60": 0, "no_personal": 0, "not_seen": 0, "unique": 0, "regex": 0}
    used: set[str] = set()
    for cs in capped:
        names = person_names(cs["names"])
        lines: list[str] = []
        for unit in cs["units"]:
            step["units"] += 1
            if not 6 <= len(unit.split()) <= 60:
                continue
            step["len_6_60"] += 1
            if has_personal(unit, names, given):
                continue
            step["no_personal"] += 1
            key = norm(unit)
            if key in seen:
                continue
            step["not_seen"] += 1
            if key in used:
                continue
            used.add(key)
            step["unique"] += 1
            if not KEEP.search(unit):
                continue
            step["regex"] += 1
            lines.append(unit)
        cs["lines"] = lines
    counts.update({f"lines_{k}": v for k, v in step.items()})

    pool = [cs for cs in capped if cs["lines"]]
    counts["case_studies_with_lines"] = len(pool)
    counts["repos_with_lines"] = len({cs["repo"] for cs in pool})
    rng.shuffle(pool)
    rows: list[dict[str, Any]] = []
    for cs in pool:
        picks = cs["lines"]
        if len(picks) > MAX_PER_CASE:
            picks = rng.sample(picks, MAX_PER_CASE)
        for text in picks:
            if len(rows) >= MAX_LINES:
                break
            src = {"repo": cs["repo"], "path": cs["path"], "commit": cs["commit"]}
            src["role"] = cs["role"]
            rows.append({"text": text, "source": src, "resume": f"{cs['repo']}#{cs['key']}"})
    with OUT.open("w", encoding="utf-8") as fh:
        for i, row in enumerate(rows, 1):
            record = {"id": f"hb76-{i:03d}", **row}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    counts["lines_written"] = len(rows)
    counts["case_studies_drawn"] = len({r["resume"] for r in rows})
    counts["repos_drawn"] = len({r["source"]["repo"] for r in rows})
    print(json.dumps(counts, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
