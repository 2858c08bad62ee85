"""Draw set52: real resume bullets of PMs, TPMs, growth and marketing people.

Deterministic: reads only the raw resume texts under raw/ (kept beside this script),
applies mechanical filters, samples with random.Random(52) and writes set52.jsonl.

Usage: python3 draw52.py [--preview]
  --preview  print per-resume counts only (no texts) and write nothing.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set52.jsonl"
COUNTS = HERE / "draw52_counts.json"
CONFIG = HERE / "resumes52.json"

MAX_PER_RESUME = 6
MAX_TOTAL = 180
MIN_WORDS = 6
MAX_WORDS = 60
NGRAM = 6
NEAR_DUP = 0.30

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
URL = re.compile(
    r"https?://|www\.|\b[\w-]+\.(?:com|io|org|net|dev|app|me|co|ai|in|uk)(?:/|\b)", re.I
)
PHONE = re.compile(
    r"\+\d{1,3}[\s-]?\(?\d{2,4}\)?[\s.-]?\d{3}|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"
)
STREET = re.compile(
    r"\b\d{1,5}\s+(?:[A-Za-z]+\s+){1,3}(?:street|st\.|avenue|ave\.?|road|rd\.|boulevard|"
    r"blvd\.?|lane|ln\.|drive|dr\.|suite)(?:\W|$)",
    re.I,
)


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text."""
    return " ".join(text.split()).lower()


def clean(text: str) -> str:
    """Unescape entities and collapse whitespace."""
    text = html.unescape(text).replace("\u00a0", " ")
    return " ".join(text.split()).strip()


def name_hash(word: str) -> str:
    """sha256 prefix of a lowercase name word."""
    return hashlib.sha256(word.lower().encode("utf-8")).hexdigest()[:12]


def cut_sections(text: str, sections: list[list[str]] | None) -> list[str]:
    """Segments between each (start, end) regex pair; a third item "all" takes every match."""
    if not sections:
        return [text]
    segs: list[str] = []
    for sec in sections:
        start, end = sec[0], sec[1]
        every = len(sec) > 2 and sec[2] == "all"
        for m in re.finditer(start, text):
            rest = text[m.end() :]
            if end:
                e = re.search(end, rest)
                if e:
                    rest = rest[: e.start()]
            segs.append(rest)
            if not every:
                break
    return segs


def strip_tags(text: str) -> str:
    """Remove HTML/JSX tags and JSX expression braces."""
    text = re.sub(r"(?s)<!--.*?-->", " ", text)
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"\{\s*['\"`]\s*['\"`]\s*\}", " ", text)
    return text.replace("{", " ").replace("}", " ")


def html_items(seg: str, tags: list[str]) -> list[str]:
    """Leaf elements of the given tags ("p" or "p.some-class"); containers are skipped."""
    seg = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", seg)
    items: list[tuple[int, str]] = []
    for spec in tags:
        tag, _, cls = spec.partition(".")
        attr = rf"[^>]*class(?:Name)?=\"[^\"]*\b{cls}\b[^\"]*\"" if cls else ""
        opens = [m for m in re.finditer(rf"(?i)<{tag}\b{attr}[^>]*>", seg)]
        for m in opens:
            close = re.compile(rf"(?i)</{tag}\s*>|<{tag}\b[^>]*>")
            nxt = close.search(seg, m.end())
            if not nxt or not nxt.group(0).startswith("</"):
                continue
            items.append((m.start(), seg[m.end() : nxt.start()]))
    items.sort()
    return [clean(strip_tags(body)) for _, body in items]


MD_BULLET = re.compile(r"^(\s*)(?:[-*+\u2022]|\d+[.)])\s+(.*)$")


def strip_md(text: str) -> str:
    """Remove Markdown emphasis, links, code ticks and inline HTML."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = strip_tags(text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = re.sub(r"(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", text)
    return clean(text)


def md_items(seg: str) -> list[str]:
    """Markdown / YAML list items, joining wrapped continuation lines."""
    items: list[str] = []
    cur: list[str] | None = None
    indent = 0
    for line in seg.splitlines():
        m = MD_BULLET.match(line)
        if m:
            if cur is not None:
                items.append(" ".join(cur))
            cur = [m.group(2)]
            indent = len(m.group(1))
            continue
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        if cur is not None and stripped and lead > indent and not stripped.startswith("#"):
            if re.match(r"^[\w-]+:\s", stripped):
                items.append(" ".join(cur))
                cur = None
            else:
                cur.append(stripped)
            continue
        if cur is not None:
            items.append(" ".join(cur))
            cur = None
    if cur is not None:
        items.append(" ".join(cur))
    out = []
    for it in items:
        it = re.sub(r"^['\"](.*)['\"]$", r"\1", it.strip())
        out.append(strip_md(it))
    return out


def brace_arg(text: str, pos: int) -> tuple[str, int]:
    """Balanced {...} argument starting at text[pos] == '{'; returns (inner, end)."""
    depth = 0
    for i in range(pos, len(text)):
        ch = text[i]
        if ch == "\\":
            continue
        if ch == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif ch == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return text[pos + 1 : i], i + 1
    return text[pos + 1 :], len(text)


def strip_tex(text: str) -> str:
    """Remove LaTeX markup, keeping words and figures."""
    text = re.sub(r"\\href\s*\{[^{}]*\}\s*\{", "{", text)
    text = re.sub(r"\\(?:url)\s*\{[^{}]*\}", " ", text)
    text = text.replace("\\\\", " ")
    for esc, rep in (("\\%", "%"), ("\\&", "&"), ("\\$", "$"), ("\\#", "#"), ("\\_", "_")):
        text = text.replace(esc, rep)
    text = re.sub(r"\$([^$]*)\$", r"\1", text)
    text = re.sub(r"\\(?:textasciitilde|sim)\b\s*", "~", text)
    text = re.sub(r"\\[a-zA-Z@]+\*?(?:\[[^\]]*\])?", " ", text)
    text = text.replace("{", "").replace("}", "").replace("~", " ")
    text = text.replace("---", "\u2014").replace("--", "\u2013").replace("``", '"')
    text = text.replace("''", '"')
    return clean(text)


def tex_items(seg: str, macros: list[str]) -> list[str]:
    """\\item entries, plus one-argument bullet macros such as \\resumeItem{...}."""
    seg = re.sub(r"(?<!\\)%.*", "", seg)
    found: list[tuple[int, str]] = []
    for mac in macros:
        for m in re.finditer(rf"\\{mac}\s*(?=\{{)", seg):
            inner, _ = brace_arg(seg, m.end())
            found.append((m.start(), inner))
    stop = r"\\item\b|\\end\{[^}]*\}|\\begin\{|\\resume\w*|\\cv[a-z]*entry"
    for m in re.finditer(r"\\item\b(?:\[[^\]]*\])?", seg):
        rest = seg[m.end() :]
        e = re.search(stop, rest)
        body = rest[: e.start()] if e else rest
        found.append((m.start(), body))
    found.sort()
    return [strip_tex(body) for _, body in found]


def js_strings(body: str) -> list[str]:
    """String literals ('...', "...", `...`) directly inside an array body."""
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch in "'\"`":
            j = i + 1
            buf: list[str] = []
            while j < len(body) and body[j] != ch:
                if body[j] == "\\" and j + 1 < len(body):
                    nxt = body[j + 1]
                    buf.append({"n": " ", "t": " "}.get(nxt, nxt))
                    j += 2
                    continue
                buf.append(body[j])
                j += 1
            out.append("".join(buf))
            i = j + 1
            continue
        i += 1
    return out


def array_body(text: str, pos: int) -> tuple[str, int]:
    """Body of the [...] starting at text[pos] == '[' (strings respected)."""
    depth = 0
    i = pos
    while i < len(text):
        ch = text[i]
        if ch in "'\"`":
            j = i + 1
            while j < len(text) and text[j] != ch:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return text[pos + 1 : i], i + 1
        i += 1
    return text[pos + 1 :], len(text)


def js_items(seg: str, keys: list[str], scalars: list[str]) -> list[str]:
    """String items of arrays under `keys`, and string values of `scalars`, in JS/TS data."""
    found: list[tuple[int, str]] = []
    for key in keys:
        for m in re.finditer(rf"(?<![\w$])[\"']?{key}[\"']?\s*:\s*\[", seg):
            body, _ = array_body(seg, m.end() - 1)
            for s in js_strings(body):
                found.append((m.start(), s))
    for key in scalars:
        for m in re.finditer(rf"(?<![\w$])[\"']?{key}[\"']?\s*:\s*(?=['\"`])", seg):
            strs = js_strings(seg[m.end() : m.end() + 5000])
            if strs:
                found.append((m.start(), strs[0]))
    found.sort(key=lambda x: x[0])
    return [clean(strip_tags(s)) for _, s in found]


def jsonresume_items(text: str) -> list[str]:
    """highlights of work and projects in a JSON Resume."""
    data = json.loads(text)
    out: list[str] = []
    for sec in ("work", "projects"):
        for entry in data.get(sec) or []:
            for h in entry.get("highlights") or []:
                if isinstance(h, str):
                    out.append(strip_md(h))
    return out


def extract(cfg: dict[str, Any], text: str) -> list[str]:
    """Bullet items of one resume, markup stripped."""
    fmt = cfg["fmt"]
    if fmt == "jsonresume":
        return jsonresume_items(text)
    items: list[str] = []
    for seg in cut_sections(text, cfg.get("sections")):
        if fmt == "html":
            items += html_items(seg, cfg.get("tags", ["li"]))
        elif fmt in ("md", "yaml"):
            items += md_items(seg)
        elif fmt == "tex":
            items += tex_items(seg, cfg.get("macros", ["resumeItem", "cvitem"]))
        elif fmt == "js":
            items += js_items(seg, cfg.get("keys", []), cfg.get("scalars", []))
        else:
            raise ValueError(f"unknown fmt {fmt}")
    items = [re.sub(r"^(?:[\u2022\u25aa\u25cf\u2023*\-\u2013\u2014>]\s*)+", "", it) for it in items]
    return [it.strip() for it in items if it.strip()]


def grams(lines: list[str]) -> set[tuple[str, ...]]:
    """Word 6-grams inside each line."""
    out: set[tuple[str, ...]] = set()
    for line in lines:
        toks = re.findall(r"[a-z0-9]+", line.lower())
        for i in range(len(toks) - NGRAM + 1):
            out.add(tuple(toks[i : i + NGRAM]))
    return out


def personal(text: str, names: set[str]) -> bool:
    """True when the line holds contact data, an address or an owner name word."""
    if EMAIL.search(text) or URL.search(text) or PHONE.search(text) or STREET.search(text):
        return True
    return any(name_hash(tok) in names for tok in re.findall(r"[a-z]+", text.lower()))


def raw_path(cfg: dict[str, Any]) -> Path:
    """Where the raw text of a resume is kept."""
    flat = cfg["repo"].replace("/", "__") + "__" + cfg["path"].replace("/", "__")
    return RAW / flat


def main(argv: list[str]) -> int:
    """Run the draw."""
    preview = "--preview" in argv
    resumes: list[dict[str, Any]] = json.loads(CONFIG.read_text(encoding="utf-8"))
    resumes.sort(key=lambda c: (c["repo"].lower(), c["path"]))
    seen_lines = SEEN.read_text(encoding="utf-8").splitlines()
    seen = {norm(s) for s in seen_lines if s.strip()}
    seen_grams = grams(seen_lines)
    rng = random.Random(52)
    kept_grams: list[tuple[str, set[tuple[str, ...]]]] = []
    used: set[str] = set()
    rows: list[dict[str, Any]] = []
    counts: list[dict[str, Any]] = []
    for cfg in resumes:
        key = f"{cfg['repo']}#{cfg['path']}"
        text = raw_path(cfg).read_text(encoding="utf-8", errors="replace")
        items = extract(cfg, text)
        g = grams(items)
        c: dict[str, Any] = {"resume": key, "extracted": len(items)}
        if g:
            over_seen = len(g & seen_grams) / len(g)
            over_kept = max((len(g & kg) / len(g) for _, kg in kept_grams), default=0.0)
        else:
            over_seen = over_kept = 0.0
        c["overlap_seen"] = round(over_seen, 3)
        c["overlap_kept"] = round(over_kept, 3)
        if not items or over_seen >= NEAR_DUP or over_kept >= NEAR_DUP:
            c["dropped"] = "no items" if not items else "near-duplicate"
            counts.append(c)
            continue
        kept_grams.append((key, g))
        names = set(cfg.get("name_hashes", []))
        lines = [t for t in items if MIN_WORDS <= len(t.split()) <= MAX_WORDS]
        c["len_ok"] = len(lines)
        lines = [t for t in lines if not personal(t, names)]
        c["no_personal"] = len(lines)
        lines = [t for t in lines if norm(t) not in seen]
        c["not_seen"] = len(lines)
        uniq: list[str] = []
        for t in lines:
            if norm(t) not in used:
                used.add(norm(t))
                uniq.append(t)
        c["unique"] = len(uniq)
        room = MAX_TOTAL - len(rows)
        if room <= 0:
            c["sampled"] = 0
            counts.append(c)
            continue
        pick = rng.sample(uniq, min(MAX_PER_RESUME, len(uniq)))[:room]
        c["sampled"] = len(pick)
        counts.append(c)
        for t in pick:
            rows.append(
                {
                    "id": f"hb52-{len(rows) + 1:03d}",
                    "text": t,
                    "source": {
                        "repo": cfg["repo"],
                        "path": cfg["path"],
                        "commit": cfg["commit"],
                        "role": cfg["role"],
                    },
                    "resume": key,
                }
            )
    for c in counts:
        print(json.dumps(c), file=sys.stderr)
    print(f"resumes={len(counts)} lines={len(rows)}", file=sys.stderr)
    if preview:
        return 0
    with OUT.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    COUNTS.write_text(json.dumps(counts, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
