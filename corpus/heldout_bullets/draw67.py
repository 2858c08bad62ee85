"""Draw set67: result statements from A/B-test and experiment write-ups.

Reads only local files: raw/manifest.json, raw/<file> (the whole report file as stored at the
recorded commit) and /work/briefs/seen_texts.txt. Cuts the Results / Conclusion(s) /
Recommendation(s) / Impact / Outcome(s) / Key findings / Summary sections mechanically, splits them
into lines, filters and draws. Writes set67.jsonl and prints step counts as JSON.
Deterministic: random.Random(67); no network, no clock.
"""

import hashlib
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

from set_filter import KEEP_RE  # the briefs' keyword filter, one copy (set_filter.py)

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set67.jsonl"
MAX_PER_DOC = 4
MAX_LINES = 200
OVERLAP = 0.30

TARGET_RE = re.compile(
    r"\b(results?|conclusions?|recommendations?|impact|outcomes?|key findings|findings|summary)\b",
    re.IGNORECASE,
)
NOT_TARGET_RE = re.compile(
    r"how to|reproduc|install|setup|set up|\brun\b|running|structure|folder|files?\b|notebook"
    r"|table of contents|dataset|data set|licen[cs]e",
    re.IGNORECASE,
)
PLACEHOLDER_RE = re.compile(r"\b(lorem|ipsum|todo|tbd|tba)\b|\[replace\]|\[insert", re.I)
GENERATED_RE = re.compile(r"as an? (ai )?language model", re.IGNORECASE)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE_RE = re.compile(r"(?<![\d.,])(?:\+\d{1,3}[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\d.,%])")
URL_RE = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|io|app|dev|tech|co|me)\b", re.I)
# sha256(lowercase name word)[:12] of person-name words met in the candidate sections (owners,
# authors, colleagues); see set67.mining.README.md. No name is stored in clear.
NAME_HASHES: frozenset[str] = frozenset()
STOPWORDS = frozenset(
    {"the", "a", "an", "and", "of", "to", "in", "for", "we", "our", "was", "were", "is", "are"}
    | {"that", "with", "on", "it", "this", "as", "be", "by"}
)
ATX_RE = re.compile(r"^ {0,3}(#{1,6})\s*(.*?)\s*#*\s*$")
HTML_H_RE = re.compile(r"^\s*<h([1-6])[^>]*>(.*?)(?:</h[1-6]>)?\s*$", re.IGNORECASE)
BOLD_H_RE = re.compile(r"^\s*(?:\*\*|__)([^*_]{2,80})(?:\*\*|__)\s*:?\s*$")
ITEM_RE = re.compile(r"^\s*(?:>\s*)*(?:[-*+•]|\d+[.)])\s+(?=\S)")
FENCE_RE = re.compile(r"^\s*(```|~~~)")
RULE_RE = re.compile(r"^\s*([-*_=])(\s*\1){2,}\s*$")


def words(text: str) -> list[str]:
    """Whitespace tokens that hold at least one letter or digit."""
    return [t for t in text.split() if re.search(r"[A-Za-z0-9]", t)]


def strip_markup(text: str) -> str:
    """Remove Markdown/HTML markup and symbols, keep words and figures."""
    s = re.sub(r"<!--.*?-->", " ", text)
    s = re.sub(r"<[^>]+>", " ", s)
    s = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", s)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = re.sub(r":[a-z0-9_+-]+:", " ", s)
    s = re.sub(r"\$([^$]+)\$", r"\1", s)
    s = re.sub(r"(\*\*|__|`|~~)", "", s)
    s = re.sub(r"(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", s)
    s = "".join(" " if unicodedata.category(c) in ("So", "Sk", "Cs", "Co") else c for c in s)
    s = s.replace("\ufe0f", " ").replace("\u200d", " ")
    return re.sub(r"\s+", " ", s).strip()


def heading(lines: list[str], i: int) -> tuple[int, str] | None:
    """(level, text) when line i is a heading: ATX, HTML, setext, or a bold-only line (level 7)."""
    line = lines[i]
    m = ATX_RE.match(line)
    if m and (m.group(2) or not line.strip("# ")):
        return len(m.group(1)), m.group(2)
    m = HTML_H_RE.match(line)
    if m:
        return int(m.group(1)), m.group(2)
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    if line.strip() and not ITEM_RE.match(line) and re.match(r"^\s*(=+|-+)\s*$", nxt):
        if not line.lstrip().startswith("|"):
            return (1 if "=" in nxt else 2), line.strip()
    m = BOLD_H_RE.match(line)
    if m:
        return 7, m.group(1)
    return None


def norm_heading(text: str) -> str:
    """Heading text without markup, emoji, numbering or a leading 'Step N:'."""
    s = strip_markup(text)
    s = re.sub(r"^[^A-Za-z0-9]+", "", s)
    s = re.sub(r"^(step|part|section)?\s*\d+(\.\d+)*[.):-]?\s*", "", s, flags=re.I)
    return s.strip(" :*_-")


def is_target(text: str) -> bool:
    """A results-type heading (mechanical)."""
    h = norm_heading(text)
    return 0 < len(h) <= 60 and bool(TARGET_RE.search(h)) and not NOT_TARGET_RE.search(h)


def cut_sections(doc: str) -> tuple[list[str], list[str]]:
    """Headings and bodies of the results-type sections, each to the next heading of its level."""
    lines = doc.splitlines()
    heads: list[str] = []
    body: list[str] = []
    fenced = False
    info: list[tuple[int, str] | None] = []
    for i, line in enumerate(lines):
        if FENCE_RE.match(line):
            fenced = not fenced
            info.append(None)
            continue
        info.append(None if fenced else heading(lines, i))
    i = 0
    while i < len(lines):
        h = info[i]
        if h is None or not is_target(h[1]):
            i += 1
            continue
        level = h[0]
        heads.append(norm_heading(h[1]))
        j = i + 1
        while j < len(lines):
            hj = info[j]
            if hj is not None and (level == 7 or hj[0] <= level):
                break
            j += 1
        body.extend(lines[i + 1 : j])
        body.append("")
        i = j
    return heads, body


def prose(body: list[str]) -> list[str]:
    """Drop code blocks, tables, images, rules, headings and setext underlines; keep the rest."""
    out: list[str] = []
    fenced = False
    for i, line in enumerate(body):
        if FENCE_RE.match(line):
            fenced = not fenced
            out.append("")
            continue
        s = line.strip()
        if fenced or s.startswith("|") or s.count("|") >= 2 or RULE_RE.match(line):
            out.append("")
            continue
        if re.match(r"^\s*!\[", s) or ATX_RE.match(line) or HTML_H_RE.match(line):
            out.append("")
            continue
        nxt = body[i + 1] if i + 1 < len(body) else ""
        if s and re.match(r"^\s*(=+|-+)\s*$", nxt) and not ITEM_RE.match(line):
            out.append("")
            continue
        if BOLD_H_RE.match(line):
            out.append("")
            continue
        out.append(line)
    return out


def section_lines(body: list[str]) -> list[str]:
    """List items as lines (with their wrapped continuation); paragraphs split into sentences."""
    out: list[str] = []
    para: list[str] = []
    item: list[str] = []

    def flush() -> None:
        if item:
            text = strip_markup(" ".join(item))
            if text:
                out.append(text)
            item.clear()
        if para:
            text = strip_markup(" ".join(para))
            out.extend(p.strip() for p in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if p.strip())
            para.clear()

    for raw_line in body:
        line = re.sub(r"^\s*>\s?", "", raw_line)
        if ITEM_RE.match(raw_line):
            flush()
            item.append(ITEM_RE.sub("", raw_line, count=1).strip())
        elif not line.strip():
            flush()
        elif item:
            item.append(line.strip())
        else:
            para.append(line.strip())
    flush()
    return out


def sixgrams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of lowercased text."""
    toks = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(toks[i : i + 6]) for i in range(len(toks) - 5)}


def is_english(text: str) -> bool:
    """Mechanical language check: Latin letters, and English function words in longer text."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isascii() for c in letters) / len(letters) < 0.9:
        return False
    toks = re.findall(r"[a-z']+", text.lower())
    if len(toks) < 30:
        return True
    return sum(t in STOPWORDS for t in toks) / len(toks) >= 0.05


def has_name(line: str) -> bool:
    """True when a word of the line hashes to a known person-name word."""
    for tok in re.findall(r"[A-Za-z][A-Za-z'-]+", line):
        h = hashlib.sha256(tok.lower().encode("utf-8")).hexdigest()[:12]
        if h in NAME_HASHES:
            return True
    return False


def personal(line: str) -> bool:
    """Emails, phone numbers, URLs or person names."""
    return bool(
        EMAIL_RE.search(line) or PHONE_RE.search(line) or URL_RE.search(line) or has_name(line)
    )


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.lower().split())


def main() -> None:
    rows_in = json.loads((RAW / "manifest.json").read_text("utf-8"))
    manifest = sorted(rows_in, key=lambda r: (r["repo"], r["path"]))
    seen_lines = SEEN.read_text("utf-8", errors="replace").splitlines()
    seen = {norm(s) for s in seen_lines}
    seen_grams: set[tuple[str, ...]] = set()
    for s in seen_lines:
        seen_grams |= sixgrams(s)
    counts: dict[str, int] = {"documents_in": len(manifest)}
    skipped: dict[str, list[str]] = {}
    kept: list[dict] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    for rec in manifest:
        doc = (RAW / rec["file"]).read_text("utf-8")
        heads, body = cut_sections(doc)
        lines = section_lines(prose(body))
        plain = " ".join(lines)
        grams = sixgrams(plain)
        reason = ""
        if not heads:
            reason = "no results-type section"
        elif not any(len(words(x)) >= 6 for x in lines):
            reason = "no sentence (code/tables/figures only)"
        elif PLACEHOLDER_RE.search(plain):
            reason = "template/placeholder"
        elif GENERATED_RE.search(plain):
            reason = "generated text"
        elif not is_english(plain):
            reason = "non-English"
        elif grams and len(grams & seen_grams) / len(grams) >= OVERLAP:
            reason = "copy of seen_texts"
        elif grams and any(len(grams & g) / len(grams) >= OVERLAP for g in kept_grams):
            reason = "copy of a kept section"
        if reason:
            skipped.setdefault(reason, []).append(rec["repo"])
            continue
        kept.append({**rec, "lines": lines, "heads": heads})
        kept_grams.append(grams)
    counts["documents_kept"] = len(kept)
    steps = ["lines", "6-60 words", "no personal data", "not in seen_texts", "not duplicate"]
    steps.append("match regex")
    step_counts = dict.fromkeys(steps, 0)
    used: set[str] = set()
    for rec in kept:
        eligible: list[str] = []
        for line in rec["lines"]:
            step_counts["lines"] += 1
            if not 6 <= len(words(line)) <= 60:
                continue
            step_counts["6-60 words"] += 1
            if personal(line):
                continue
            step_counts["no personal data"] += 1
            if norm(line) in seen:
                continue
            step_counts["not in seen_texts"] += 1
            if norm(line) in used:
                continue
            used.add(norm(line))
            step_counts["not duplicate"] += 1
            if not KEEP_RE.search(line):
                continue
            step_counts["match regex"] += 1
            eligible.append(line)
        rec["eligible"] = eligible
    counts.update(step_counts)
    counts["documents_with_eligible"] = sum(1 for r in kept if r["eligible"])
    rng = random.Random(67)
    order = list(kept)
    rng.shuffle(order)
    rows: list[dict] = []
    for rec in order:
        if len(rows) >= MAX_LINES:
            break
        pick = rng.sample(rec["eligible"], min(MAX_PER_DOC, len(rec["eligible"])))
        for line in pick[: MAX_LINES - len(rows)]:
            src = {"repo": rec["repo"], "path": rec["path"], "commit": rec["commit"]}
            src["role"] = rec["role"]
            rows.append(
                {
                    "id": f"hb67-{len(rows) + 1:03d}",
                    "text": line,
                    "source": src,
                    "resume": f"{rec['repo']}#{rec['path']}",
                }
            )
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts["drawn"] = len(rows)
    counts["documents_drawn"] = len({r["source"]["repo"] for r in rows})
    roles: dict[str, int] = {}
    for r in rows:
        roles[r["source"]["role"]] = roles.get(r["source"]["role"], 0) + 1
    json.dump({"counts": counts, "skipped": skipped, "roles": roles}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
