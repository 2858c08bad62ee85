"""Draw set63: achievement lines from public brag documents and accomplishment logs.

Reads only files under raw/ (documents, manifest.json) beside this script, the two
name-hash lists beside it, and /work/briefs/seen_texts.txt. Deterministic:
random.Random(63). Writes set63.jsonl and prints the step counts.
"""

import hashlib
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

from set_filter import KEEP_RE

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set63.jsonl"
NAME_HASH_FILES = [HERE / "name_hashes_census.txt", HERE / "name_hashes_extra.txt"]

MIN_WORDS = 6
MAX_WORDS = 60
PER_DOC = 6
TOTAL = 200
OVERLAP = 0.30

# label lines that list attributes rather than report work ("Skills: ...")
SKIP_LABELS = {
    "skills",
    "skills demonstrated",
    "keywords",
    "tags",
    "stack",
    "tech stack",
    "stack used",
    "technologies",
    "technologies used",
    "tools",
    "frameworks",
    "frameworks/libraries",
    "programming languages",
    "languages",
    "database",
    "categories",
    "date",
    "period",
    "duration",
    "location",
    "status",
}
MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}

# census first names that occur here as product, place or common words, never as people
NOT_PERSON = {"claude", "ruby", "delta", "florida", "georgia", "easter", "charity", "brain"}

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL_RE = re.compile(r"(https?://|www\.)\S+|\b[\w-]+\.(com|io|org|net|dev|ai|app|me)\b(/\S*)?")
PHONE_RE = re.compile(r"(\+\d[\d\s().-]{7,}\d)|\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b")
HANDLE_RE = re.compile(r"(?<![\w.])@[A-Za-z0-9_]{2,}")
BULLET_RE = re.compile(r"^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$")
HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s")
SETEXT_RE = re.compile(r"^\s*(=+|-+)\s*$")
RULE_RE = re.compile(r"^\s*([-*_]\s*){3,}$")
TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
LINK_ONLY_RE = re.compile(r"^\s*!?\[[^\]]*\]\([^)]*\)\s*[.,]?\s*$")
TIME_PREFIX_RE = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?\s+")
LABEL_RE = re.compile(r"^([A-Za-z][A-Za-z /&-]{0,40}):\s")
WORD_RE = re.compile(r"\w")


def read(path: Path) -> str:
    """Read a text file as UTF-8 with universal newlines."""
    return path.read_text(encoding="utf-8", errors="replace")


def norm(text: str) -> str:
    """Whitespace-normalised lowercase text, the form used for seen/duplicate checks."""
    return " ".join(text.lower().split())


def words(text: str) -> list[str]:
    """Whitespace tokens that hold at least one letter or digit."""
    return [w for w in text.split() if WORD_RE.search(w)]


def grams(text: str, n: int = 6) -> set[tuple[str, ...]]:
    """Word n-grams of a text (lowercase, punctuation-trimmed tokens)."""
    toks = [t.strip(".,;:!?()[]\"'*`") for t in text.lower().split()]
    toks = [t for t in toks if t]
    return {tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)}


def strip_front_matter(text: str) -> str:
    """Drop a leading YAML front-matter block."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            return text[end + 4 :]
    return text


def strip_markup(text: str) -> str:
    """Remove Markdown and HTML markup, keeping words and figures."""
    t = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    t = re.sub(r"<(br|li|/li|p|/p)\s*/?>", "; ", t, flags=re.I)
    t = re.sub(r"<[^>]+>", " ", t)
    t = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", t)
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
    t = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", t)
    t = re.sub(r"^\s*\[[ xX]\]\s*", "", t)
    t = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", " ", t)
    t = t.replace("**", "").replace("__", "").replace("`", "").replace("~~", "")
    t = re.sub(r"(?<!\w)[*_](\S[^*_]*?)[*_](?!\w)", r"\1", t)
    t = re.sub(r":[a-z0-9_+-]+:", " ", t)
    t = t.replace("&nbsp;", " ").replace("&amp;", "&").replace("&#39;", "'")
    t = t.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
    t = "".join(c for c in t if unicodedata.category(c) not in ("So", "Sk", "Cf", "Co"))
    t = re.sub(r"\s*;\s*(;\s*)+", "; ", t)
    t = re.sub(r"\s+", " ", t).strip(" ;")
    return t


def entries(text: str) -> list[str]:
    """List items (continuations joined), table rows and paragraph entries of a document."""
    text = strip_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"<!--.*?-->", "\n", text, flags=re.S)
    text = re.sub(r"<(style|script)\b.*?</\1>", "\n", text, flags=re.S | re.I)
    out: list[str] = []
    cur: list[str] = []
    cur_indent = -1
    in_fence = False
    lines = text.split("\n")

    def flush() -> None:
        nonlocal cur, cur_indent
        if cur:
            out.append(" ".join(cur))
        cur, cur_indent = [], -1

    for i, line in enumerate(lines):
        if line.strip().startswith("```"):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not line.strip() or HEADING_RE.match(line) or RULE_RE.match(line):
            flush()
            continue
        if SETEXT_RE.match(nxt) and not BULLET_RE.match(line):
            flush()
            continue
        if SETEXT_RE.match(line):
            flush()
            continue
        if line.lstrip().startswith("|"):
            flush()
            if not TABLE_SEP_RE.match(line):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                out.append("; ".join(c for c in cells if c))
            continue
        m = BULLET_RE.match(line)
        if m:
            flush()
            cur, cur_indent = [m.group(3)], len(m.group(1))
            continue
        body = line.strip()
        if body.startswith(">"):
            # quotations and quoted form prompts are not the writer's own entries
            flush()
            continue
        indent = len(line) - len(line.lstrip())
        if cur and (cur_indent < 0 or indent > cur_indent):
            cur.append(body)
        else:
            flush()
            cur, cur_indent = [body], -1
    flush()
    return out


def load_name_hashes() -> set[str]:
    """sha256 prefixes (16 hex) of lowercase name words."""
    found: set[str] = set()
    for f in NAME_HASH_FILES:
        if f.exists():
            found |= {h.strip() for h in read(f).split() if h.strip()}
    return found


def hname(word: str) -> str:
    """sha256 prefix of a lowercase word."""
    return hashlib.sha256(word.lower().encode("utf-8")).hexdigest()[:16]


def non_latin(text: str) -> bool:
    """True if the text holds letters from a non-Latin script."""
    return any(c.isalpha() and not unicodedata.name(c, "X").startswith("LATIN") for c in text)


def has_name(text: str, hashes: set[str], lower_vocab: set[str]) -> bool:
    """Mechanical person-name test over capitalised tokens.

    A capitalised token whose hash is a listed name word flags the line unless the same
    word also occurs in lowercase somewhere in the corpus (a common word, e.g. "will")
    or it is a month name or a listed product/place word. All-capital tokens (acronyms)
    are skipped. Sentence-initial position does not exempt a token.
    """
    for raw in re.findall(r"[^\W\d_][^\W\d_'’-]*", text):
        tok = raw.strip("'’-").split("'")[0].split("’")[0]
        if not tok or not tok[0].isupper() or (len(tok) > 1 and tok.isupper()):
            continue
        low = tok.lower()
        if low in MONTHS or low in NOT_PERSON or low in lower_vocab:
            continue
        if hname(low) in hashes:
            return True
    return False


def personal(text: str) -> bool:
    """Emails, URLs, phone numbers or @handles."""
    return bool(
        EMAIL_RE.search(text)
        or URL_RE.search(text)
        or PHONE_RE.search(text)
        or HANDLE_RE.search(text)
    )


def doc_lines(doc: dict, stats: dict[str, int]) -> list[str]:
    """Clean candidate lines of one document, before the line filters."""
    out: list[str] = []
    for item in entries(read(RAW / doc["raw"])):
        stats["entries"] += 1
        if LINK_ONLY_RE.match(item):
            stats["link_only"] += 1
            continue
        clean = TIME_PREFIX_RE.sub("", strip_markup(item)).strip()
        if not clean:
            continue
        lab = LABEL_RE.match(clean)
        if lab and lab.group(1).strip().lower() in SKIP_LABELS:
            stats["label_skip"] += 1
            continue
        if clean.endswith("?"):
            stats["prompt_question"] += 1
            continue
        out.append(clean)
    return out


def documents(manifest: list[dict]) -> list[dict]:
    """One document per kept file, sorted by repo then path."""
    docs = [
        {
            "repo": g["repo"],
            "commit": g["commit"],
            "role": g["role"],
            "path": f["path"],
            "raw": f["raw"],
        }
        for g in manifest
        for f in g["files"]
    ]
    return sorted(docs, key=lambda d: (d["repo"].lower(), d["repo"], d["path"]))


def main() -> None:
    """Run the draw and write set63.jsonl."""
    manifest = json.loads(read(RAW / "manifest.json"))
    seen_lines = [norm(s) for s in read(SEEN).split("\n") if s.strip()]
    seen = set(seen_lines)
    seen_grams: set[tuple[str, ...]] = set()
    for s in seen_lines:
        seen_grams |= grams(s)
    hashes = load_name_hashes()
    stats = {k: 0 for k in ["entries", "link_only", "label_skip", "prompt_question"]}

    docs = documents(manifest)
    kept_docs: list[dict] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    dropped_docs: list[str] = []
    for d in docs:
        label = f"{d['repo']}#{d['path']}"
        g = grams("\n".join(strip_markup(e) for e in entries(read(RAW / d["raw"]))))
        if not g:
            dropped_docs.append(f"{label} (no text)")
            continue
        share_seen = len(g & seen_grams) / len(g)
        share_kept = max((len(g & k) / len(g) for k in kept_grams), default=0.0)
        if share_seen >= OVERLAP or share_kept >= OVERLAP:
            dropped_docs.append(f"{label} (6-gram overlap {max(share_seen, share_kept):.2f})")
            continue
        kept_docs.append(d)
        kept_grams.append(g)

    per_doc = [doc_lines(d, stats) for d in kept_docs]
    lower_vocab = {
        w for lines in per_doc for t in lines for w in re.findall(r"\b[a-z][a-z'-]*\b", t)
    }

    counts = {
        k: 0 for k in ["candidates", "len", "non_latin", "personal", "name", "seen", "dup", "regex"]
    }
    done: set[str] = set()
    pools: list[list[str]] = []
    for lines in per_doc:
        pool: list[str] = []
        for text in lines:
            counts["candidates"] += 1
            n = len(words(text))
            if n < MIN_WORDS or n > MAX_WORDS:
                counts["len"] += 1
                continue
            if non_latin(text):
                counts["non_latin"] += 1
                continue
            if personal(text):
                counts["personal"] += 1
                continue
            if has_name(text, hashes, lower_vocab):
                counts["name"] += 1
                continue
            key = norm(text)
            if key in seen:
                counts["seen"] += 1
                continue
            if key in done:
                counts["dup"] += 1
                continue
            done.add(key)
            if not KEEP_RE.search(text):
                counts["regex"] += 1
                continue
            pool.append(text)
        pools.append(pool)

    rng = random.Random(63)
    order = list(range(len(kept_docs)))
    rng.shuffle(order)
    rows: list[dict] = []
    for i in order:
        d, pool = kept_docs[i], pools[i]
        for text in rng.sample(pool, min(PER_DOC, len(pool))):
            if len(rows) >= TOTAL:
                break
            rows.append(
                {
                    "id": f"hb63-{len(rows) + 1:03d}",
                    "text": text,
                    "source": {
                        "repo": d["repo"],
                        "path": d["path"],
                        "commit": d["commit"],
                        "role": d["role"],
                    },
                    "resume": f"{d['repo']}#{d['path']}",
                }
            )
        if len(rows) >= TOTAL:
            break

    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")

    roles: dict[str, int] = {}
    for r in rows:
        roles[r["source"]["role"]] = roles.get(r["source"]["role"], 0) + 1
    report = {
        "repositories_in_manifest": len(manifest),
        "documents_in_manifest": len(docs),
        "documents_dropped": dropped_docs,
        "documents_kept": len(kept_docs),
        "repositories_kept": len({d["repo"] for d in kept_docs}),
        "extraction": stats,
        "filters": counts,
        "pool_per_doc": {
            f"{d['repo']}#{d['path']}": len(p) for d, p in zip(kept_docs, pools, strict=True)
        },
        "docs_contributing": len({r["resume"] for r in rows}),
        "repos_contributing": len({r["source"]["repo"] for r in rows}),
        "lines_written": len(rows),
        "roles": dict(sorted(roles.items())),
    }
    json.dump(report, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
