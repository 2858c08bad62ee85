"""Draw set66: achievement lines from hackathon write-ups' "Accomplishments" sections.

Reads only local files: raw/manifest.json, raw/<owner+name>.md (the mechanically cut section of
each README) and /work/briefs/seen_texts.txt. Writes set66.jsonl and prints step counts as JSON.
Deterministic: random.Random(66); no network, no clock.
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
OUT = HERE / "set66.jsonl"
MAX_PER_README = 4
MAX_LINES = 160
OVERLAP = 0.30

PLACEHOLDER_RE = re.compile(r"\b(lorem|ipsum|todo|tbd|tba)\b|\[replace\]|^\W*$", re.IGNORECASE)
GENERATED_RE = re.compile(r"as an? (ai )?language model", re.IGNORECASE)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE_RE = re.compile(r"(?:\+?\d[\d ().-]{7,}\d)")
URL_RE = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|io|app|dev|tech|co|me)\b", re.I)
# sha256(lowercase name word)[:12] of person names (team members, repository owners) met in the
# kept write-ups; see set66.mining.README.md. No name is stored in clear.
NAME_HASHES = frozenset(
    {
        "03fbe1b933af",
        "0acac46730c9",
        "0ca1cef90736",
        "136c67657614",
        "17ff962e3460",
        "189776ffb025",
        "19a4e6c63599",
        "1bb92eee4f25",
        "1c6f52a191c3",
        "1f53d3943fd0",
        "21297e6e966a",
        "212b6a150ca9",
        "265719f4e7ee",
        "267eed33dc45",
        "27652cad4994",
        "2be4e33aa3e2",
        "3037de29798f",
        "329f44354267",
        "33bbc2322fb1",
        "33bea234666b",
        "374a90f90c8d",
        "381d9ef64788",
        "3d3483a03ef3",
        "3f761ffc1a8a",
        "40253a34d827",
        "40747575c321",
        "44baba18b9c5",
        "470de92d2891",
        "48c4bbd515b5",
        "4d51fe9a04dd",
        "4e04d109a3a7",
        "4fb779c572d5",
        "519bf4ae66ce",
        "526d11fce895",
        "52ba9899d3b9",
        "55bd3a5913e5",
        "5771742f0ab1",
        "585dad7dfbc6",
        "5d7f15f2fce8",
        "638a882fe9e8",
        "646b6fb0a85c",
        "65212cd17143",
        "678d0e4417e7",
        "67fcba13ce9f",
        "69c7f2526bb5",
        "6deb58d452b4",
        "6fc6a55db549",
        "7148fe5f3a3d",
        "71c157b0ec74",
        "75f4f76b29a0",
        "765a29fffc13",
        "78602fc40e32",
        "7a9c82c7d52b",
        "7c1619deeb2b",
        "7d9d90fba722",
        "8813d406421e",
        "8c712a540b3e",
        "90cc33a41b54",
        "92b204a31a72",
        "9442a033ac6d",
        "95533be22529",
        "95cc811b5ab7",
        "962cd22346a7",
        "972964b66bdf",
        "9a5941935689",
        "9d0c52ae7023",
        "9ef29b05822a",
        "a260da9a7a61",
        "a54d0c0c43d5",
        "a76277092621",
        "a9d768a3b986",
        "af301cb14844",
        "af484094dc69",
        "b42f715aacce",
        "b48743fa2c95",
        "b5a7d3c79084",
        "b6e960ec6edf",
        "b9dc0623b607",
        "bd3f131a260c",
        "bdffb4fa68ec",
        "be879f7549cc",
        "c52df5672cfd",
        "c541221ec5f5",
        "c6b438b0c071",
        "ca0b642ed0c1",
        "ca8ebeccc6f1",
        "ca9cc86ee80f",
        "cbbb2b649498",
        "cc0b8a95a883",
        "cdf30c6b3452",
        "cf3a3bbe331c",
        "d7f26169d9af",
        "d979885447a4",
        "df4b1086ed85",
        "df8da7e4d84a",
        "e0e9cb05d1d3",
        "e1fc45f7880e",
        "e3ee57b4c1e2",
        "e5551d316001",
        "e7fbb7695f23",
        "ecce8ed2140c",
        "ed7bfcee7aac",
        "f251b0f7c078",
        "fd78ff2f2713",
        "fdb7d5c701a3",
        "fdeff52abf16",
    }
)
STOPWORDS = frozenset(
    {"the", "a", "an", "and", "of", "to", "in", "for", "we", "our", "was", "were", "is", "are"}
    | {"that", "with", "on", "it", "this", "as", "be", "by"}
)


def words(text: str) -> list[str]:
    """Whitespace tokens that hold at least one letter or digit."""
    return [t for t in text.split() if re.search(r"[A-Za-z0-9]", t)]


def strip_markup(text: str) -> str:
    """Remove Markdown/HTML markup and symbols, keep words and figures."""
    s = re.sub(r"<[^>]+>", " ", text)
    s = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", s)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = re.sub(r":[a-z0-9_+-]+:", " ", s)
    s = re.sub(r"(\*\*|__|`|~~)", "", s)
    s = re.sub(r"(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", s)
    s = "".join(" " if unicodedata.category(c) in ("So", "Sk", "Cs", "Co") else c for c in s)
    s = s.replace("\ufe0f", " ").replace("\u200d", " ")
    return re.sub(r"\s+", " ", s).strip()


ITEM_RE = re.compile(r"^\s*(?:>\s*)*(?:[-*+•]|\d+[.)])\s*(?=\S)")


def section_lines(body: str) -> list[str]:
    """List items as lines; paragraphs split into sentences on [.!?] + space + capital."""
    out: list[str] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            text = strip_markup(" ".join(para))
            out.extend(p.strip() for p in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if p.strip())
            para.clear()

    for raw_line in body.splitlines():
        line = re.sub(r"^\s*>\s?", "", raw_line)
        if ITEM_RE.match(raw_line):
            flush()
            item = strip_markup(ITEM_RE.sub("", raw_line, count=1))
            if item:
                out.append(item)
        elif not line.strip():
            flush()
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
    manifest = sorted(rows_in, key=lambda r: r["repo"])
    seen_lines = SEEN.read_text("utf-8", errors="replace").splitlines()
    seen = {norm(s) for s in seen_lines}
    seen_grams: set[tuple[str, ...]] = set()
    for s in seen_lines:
        seen_grams |= sixgrams(s)
    counts: dict[str, int] = {"readmes_in": len(manifest)}
    skipped: dict[str, list[str]] = {}
    kept: list[dict] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    for rec in manifest:
        text = (RAW / rec["file"]).read_text("utf-8")
        body = text.split("\n", 1)[1] if "\n" in text else ""
        plain = strip_markup(body)
        grams = sixgrams(plain)
        reason = ""
        if len(words(plain)) < 6 or PLACEHOLDER_RE.search(plain):
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
        kept.append({**rec, "body": body})
        kept_grams.append(grams)
    counts["readmes_kept"] = len(kept)
    steps = ["lines", "6-60 words", "no personal data", "not in seen_texts", "not duplicate"]
    steps.append("match regex")
    step_counts = dict.fromkeys(steps, 0)
    used: set[str] = set()
    for rec in kept:
        eligible: list[str] = []
        for line in section_lines(rec["body"]):
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
    rng = random.Random(66)
    order = list(kept)
    rng.shuffle(order)
    rows: list[dict] = []
    for rec in order:
        if len(rows) >= MAX_LINES:
            break
        pick = rng.sample(rec["eligible"], min(MAX_PER_README, len(rec["eligible"])))
        for line in pick[: MAX_LINES - len(rows)]:
            src = {"repo": rec["repo"], "path": rec["path"], "commit": rec["commit"]}
            src["role"] = rec["role"]
            rows.append(
                {
                    "id": f"hb66-{len(rows) + 1:03d}",
                    "text": line,
                    "source": src,
                    "resume": f"{rec['repo']}#{rec['path']}",
                }
            )
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts["drawn"] = len(rows)
    counts["readmes_drawn"] = len({r["source"]["repo"] for r in rows})
    roles: dict[str, int] = {}
    for r in rows:
        roles[r["source"]["role"]] = roles.get(r["source"]["role"], 0) + 1
    json.dump({"counts": counts, "skipped": skipped, "roles": roles}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
