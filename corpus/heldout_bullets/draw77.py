"""Draw set77: result lines from agency / consultant / freelancer / portfolio case studies.

Reads only files under raw/ (manifest raw/manifest.tsv), so it reruns offline.
Selection is mechanical: results-part extraction, word-count, personal-data, seen-text,
duplicate and keyword-regex filters, then a seeded draw with random.Random(77).
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from set_filter import KEEP_RE as KEEP  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
MANIFEST = RAW / "manifest.tsv"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set77.jsonl"
COUNTS = HERE / "set77.counts.json"

SEED = 77
MAX_LINES = 200
PER_STUDY = 4
PER_REPO = 4
NGRAM = 6
OVERLAP = 0.30

RESULT_WORDS = r"(?:the |key |our |business )?(?:results?|outcomes?|impact|what we achieved)\b"
MD_HEAD = re.compile(r"^\s*(#{1,6})\s+(.*?)\s*#*\s*$")
RESULT_TITLE = re.compile(r"^\W*(?:\d+[.)]\s*)?" + RESULT_WORDS, re.IGNORECASE)
HTML_HEAD = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.IGNORECASE | re.DOTALL)
SECTION_TAG = re.compile(r"</?section\b", re.IGNORECASE)
BOLD_LABEL = re.compile(r"^\s*\*\*\s*([^*]{1,60}?)\s*:?\s*\*\*\s*:?\s*(.*)$")
CAPTURE = re.compile(
    r"\{%-?\s*capture\s+(results?|outcomes?|impact)\s*-?%\}(.*?)\{%-?\s*endcapture\s*-?%\}",
    re.IGNORECASE | re.DOTALL,
)
FIELD_KEYS = {"result", "results", "outcome", "outcomes", "impact", "keyresults", "key_results"}
LIST_ITEM = re.compile(r"^(\s*)(?:[-*+•]|\d+[.)])\s+(.*)$")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
URL = re.compile(
    r"https?://|www\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\."
    r"(?:com|org|net|io|gov|edu|co|uk|dev|ai|app|me|info|biz)\b",
    re.IGNORECASE,
)
PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"
    r"|\+\d{1,3}[\s.-]?\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}"
)
NAME_FIELD = re.compile(
    r"\b(?:author|authors|attribution|testimonial_author|source|cite)\s*[:=]\s*"
    r"[\"']?([^\"'\n]+)",
    re.IGNORECASE,
)
CITE = re.compile(r"<cite>(.*?)</cite>", re.IGNORECASE | re.DOTALL)
DASH_NAME = re.compile(r"^[>\s]*[—–]\s*\**\s*([A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,2})", re.M)


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.split()).lower()


def words(text: str) -> list[str]:
    """Lowercase word tokens for n-gram comparison."""
    return re.findall(r"\w+", text.lower())


def grams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text."""
    toks = words(text)
    return {tuple(toks[i : i + NGRAM]) for i in range(len(toks) - NGRAM + 1)}


def split_frontmatter(text: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter from the body; unparsable front matter gives {}."""
    m = re.match(r"^---\s*\n(.*?)\n---\s*\n?(.*)$", text, re.DOTALL)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        data = None
    return (data if isinstance(data, dict) else {}), m.group(2)


def strip_inline(line: str) -> str:
    """Strip Markdown / HTML markup from one line, keeping words and figures."""
    s = html.unescape(line)
    s = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", s)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"<[^>]+>", " ", s)
    s = s.replace("`", "")
    s = re.sub(r"(?<!\w)[*_]+|[*_]+(?!\w)", "", s)
    s = " ".join(s.split())
    while s and unicodedata.category(s[0]) in ("So", "Mn", "Cf"):
        s = s[1:].lstrip()
    while s and unicodedata.category(s[-1]) in ("So", "Mn", "Cf"):
        s = s[:-1].rstrip()
    return s


def clean_block(text: str) -> str:
    """Remove comments, template tags, code fences and HTML block structure."""
    s = re.sub(r"<\?php.*?\?>", " ", text, flags=re.DOTALL)
    s = re.sub(r"<!--.*?-->", " ", s, flags=re.DOTALL)
    s = re.sub(r"```.*?```", "\n", s, flags=re.DOTALL)
    s = re.sub(r"\{%.*?%\}", "\n", s, flags=re.DOTALL)
    s = re.sub(r"\{\{.*?\}\}", "\n", s, flags=re.DOTALL)
    s = re.sub(r"<blockquote.*?</blockquote>", "\n", s, flags=re.DOTALL | re.IGNORECASE)
    s = re.sub(r"<li[^>]*>", "\n- ", s, flags=re.IGNORECASE)
    s = re.sub(r"</(p|li|ul|ol|div|h[1-6]|section|figure)>|<br\s*/?>", "\n\n", s, flags=re.I)
    return s


def block_lines(text: str) -> list[str]:
    """List items as lines; paragraphs split into sentences."""
    out: list[str] = []
    para: list[str] = []
    item: list[str] | None = None

    def flush_para() -> None:
        if para:
            for sent in SENT_SPLIT.split(" ".join(para)):
                out.append(sent)
            para.clear()

    def flush_item() -> None:
        nonlocal item
        if item is not None:
            out.append(" ".join(item))
            item = None

    for raw in clean_block(text).splitlines():
        line = raw.rstrip()
        if not line.strip():
            flush_item()
            flush_para()
            continue
        stripped = line.strip()
        if stripped.startswith(("|", ">", "#")) or stripped in ("---", "***"):
            flush_item()
            flush_para()
            continue
        m = LIST_ITEM.match(line)
        if m:
            flush_item()
            flush_para()
            item = [m.group(2)]
        elif item is not None:
            item.append(stripped)
        else:
            para.append(stripped)
    flush_item()
    flush_para()
    return [t for t in (strip_inline(x) for x in out) if t]


def md_sections(body: str) -> list[str]:
    """Results-type sections under Markdown headings, HTML headings or bold labels."""
    lines = body.splitlines()
    found: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        head = MD_HEAD.match(line)
        bold = BOLD_LABEL.match(line)
        hhtml = HTML_HEAD.search(line)
        level = 0
        first = ""
        if head and RESULT_TITLE.match(strip_inline(head.group(2))):
            level = len(head.group(1))
        elif hhtml and RESULT_TITLE.match(strip_inline(hhtml.group(2))):
            level = int(hhtml.group(1))
            first = line[hhtml.end() :]
        elif bold and RESULT_TITLE.match(bold.group(1)) and len(bold.group(1).split()) <= 4:
            level = 7
            first = bold.group(2)
        if not level:
            i += 1
            continue
        part = [first]
        j = i + 1
        while j < len(lines):
            nxt = lines[j]
            h2 = MD_HEAD.match(nxt)
            hh = HTML_HEAD.search(nxt)
            if nxt.strip() == "---" or SECTION_TAG.search(nxt):
                break
            if h2 and len(h2.group(1)) <= min(level, 6):
                break
            if hh and int(hh.group(1)) <= min(level, 6):
                break
            if level == 7 and (h2 or hh or BOLD_LABEL.match(nxt)):
                break
            part.append(nxt)
            j += 1
        found.append("\n".join(part))
        i = j
    return found


def field_values(data: Any, inside: bool, out: list[tuple[str, bool]]) -> None:
    """Collect (string, is_list_item) under results-type keys, at any depth."""
    if isinstance(data, dict):
        for key, val in data.items():
            hit = inside or str(key).lower() in FIELD_KEYS
            field_values(val, hit, out)
    elif isinstance(data, list):
        for val in data:
            if isinstance(val, str) and inside:
                out.append((val, True))
            else:
                field_values(val, inside, out)
    elif isinstance(data, str) and inside:
        out.append((data, False))


def field_lines(data: Any) -> list[str]:
    """Lines from results/outcome/impact fields of YAML data."""
    vals: list[tuple[str, bool]] = []
    field_values(data, False, vals)
    out: list[str] = []
    for val, is_item in vals:
        if is_item:
            out.extend(block_lines("- " + " ".join(val.split())))
        else:
            out.extend(block_lines(val))
    return out


def results_lines(text: str) -> list[str]:
    """Results part of one case study: body sections first, else captures, else fields."""
    front, body = split_frontmatter(text)
    caps = [m.group(2) for m in CAPTURE.finditer(text)]
    if caps:
        return [x for c in caps for x in block_lines(c)]
    secs = md_sections(text if not front else body)
    if not secs and front:
        secs = md_sections(text)
    if secs:
        return [x for s in secs for x in block_lines(s)]
    return field_lines(front)


def harvest_names(text: str) -> set[str]:
    """Person-name strings named in the file's author / attribution / cite fields."""
    raw: list[str] = []
    raw += [m.group(1) for m in NAME_FIELD.finditer(text)]
    raw += [m.group(1) for m in CITE.finditer(text)]
    raw += [m.group(1) for m in DASH_NAME.finditer(text)]
    front, _ = split_frontmatter(text)
    members = front.get("project_members") if front else None
    if isinstance(members, list):
        raw += [str(x).replace("-", " ").title() for x in members]
    names: set[str] = set()
    for val in raw:
        name = strip_inline(val.split(",")[0]).strip(" .\"'")
        toks = [t for t in name.split() if re.fullmatch(r"[A-Z][\w'.-]{2,}", t)]
        if 1 <= len(toks) <= 4:
            names.update(toks)
    return names


def records(text: str, split: str) -> list[tuple[str, str, list[str]]]:
    """Split a file into (entry, text, results lines) case-study records."""
    if split == "yaml":
        data = yaml.safe_load(text)
        items = data if isinstance(data, list) else []
        return [(str(n), yaml.safe_dump(it), field_lines(it)) for n, it in enumerate(items, 1)]
    if split == "h2":
        _, body = split_frontmatter(text)
        parts = [p for p in re.split(r"(?m)^(?=## )", body) if p.startswith("## ")]
        return [(str(n), p, results_lines(p)) for n, p in enumerate(parts, 1)]
    return [("", text, results_lines(text))]


def personal(line: str, names: set[str]) -> bool:
    """True when a line holds an email, phone, URL or a harvested person name."""
    if EMAIL.search(line) or PHONE.search(line) or URL.search(line):
        return True
    toks = set(re.findall(r"[\w'.-]+", line))
    return bool(toks & names)


def main() -> int:
    """Run the draw and write set77.jsonl and set77.counts.json."""
    seen_lines = SEEN.read_text(encoding="utf-8").splitlines()
    seen_norm = {norm(x) for x in seen_lines}
    seen_grams: set[tuple[str, ...]] = set()
    for x in seen_lines:
        seen_grams |= grams(x)

    rows = [r.split("\t") for r in MANIFEST.read_text(encoding="utf-8").splitlines() if r]
    studies: list[dict[str, Any]] = []
    for repo, path, commit, role, split in rows:
        text = (RAW / repo.replace("/", "+") / path).read_text(encoding="utf-8")
        names = harvest_names(text)
        for entry, rec, lines in records(text, split)[:PER_REPO]:
            studies.append(
                {
                    "repo": repo,
                    "path": path,
                    "entry": entry,
                    "commit": commit,
                    "role": role,
                    "lines": lines,
                    "names": names | harvest_names(rec),
                }
            )
    studies.sort(key=lambda s: (s["repo"], s["path"], int(s["entry"] or 0)))

    c: dict[str, Any] = {"case_studies_in_manifest": len(studies)}
    per_repo: dict[str, int] = {}
    kept_grams: list[set[tuple[str, ...]]] = []
    seen_keep: set[str] = set()
    keys = ["raw_lines", "len_6_60", "no_personal", "not_seen", "not_dup", "regex"]
    for k in keys:
        c[k] = 0
    c["dropped_ngram_overlap"] = []
    c["dropped_repo_cap"] = 0
    pool: list[dict[str, Any]] = []
    for s in studies:
        if per_repo.get(s["repo"], 0) >= PER_REPO:
            c["dropped_repo_cap"] += 1
            continue
        g = grams(" ".join(s["lines"]))
        if g:
            worst = len(g & seen_grams) / len(g)
            for kg in kept_grams:
                worst = max(worst, len(g & kg) / len(g))
            if worst >= OVERLAP:
                c["dropped_ngram_overlap"].append(f"{s['repo']}#{s['path']}#{s['entry']}")
                continue
        kept_grams.append(g)
        per_repo[s["repo"]] = per_repo.get(s["repo"], 0) + 1
        good: list[str] = []
        for line in s["lines"]:
            c["raw_lines"] += 1
            if not 6 <= len(line.split()) <= 60:
                continue
            c["len_6_60"] += 1
            if personal(line, s["names"]):
                continue
            c["no_personal"] += 1
            n = norm(line)
            if n in seen_norm:
                continue
            c["not_seen"] += 1
            if n in seen_keep:
                continue
            seen_keep.add(n)
            c["not_dup"] += 1
            if not KEEP.search(line):
                continue
            c["regex"] += 1
            good.append(line)
        s["good"] = good
        pool.append(s)
    c["case_studies_kept"] = len(pool)
    c["case_studies_with_lines"] = sum(1 for s in pool if s["good"])
    c["repos_with_lines"] = len({s["repo"] for s in pool if s["good"]})

    rng = random.Random(SEED)
    order = list(pool)
    rng.shuffle(order)
    out: list[dict[str, Any]] = []
    for s in order:
        if len(out) >= MAX_LINES:
            break
        take = rng.sample(s["good"], min(PER_STUDY, len(s["good"])))
        for line in take:
            if len(out) >= MAX_LINES:
                break
            resume = f"{s['repo']}#{s['path']}" + (f"#{s['entry']}" if s["entry"] else "")
            out.append(
                {
                    "id": f"hb77-{len(out) + 1:03d}",
                    "text": line,
                    "source": {
                        "repo": s["repo"],
                        "path": s["path"],
                        "commit": s["commit"],
                        "role": s["role"],
                    },
                    "resume": resume,
                }
            )
    c["drawn_lines"] = len(out)
    c["drawn_case_studies"] = len({r["resume"] for r in out})
    c["drawn_repos"] = len({r["source"]["repo"] for r in out})
    with OUT.open("w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    COUNTS.write_text(json.dumps(c, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
