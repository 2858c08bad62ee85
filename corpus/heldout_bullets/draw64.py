"""Draw set64: first-person metric-regex sentences from public cover letters.

Deterministic: reads only files under raw/ (plus /work/briefs/seen_texts.txt), uses
random.Random(64), writes set64.jsonl. Every filter here is mechanical.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
import sys
from pathlib import Path

from set_filter import KEEP_RE as METRIC_RE

ROOT = Path(__file__).resolve().parent
RAW = ROOT / "raw"
LETTERS = ROOT / "letters64.tsv"
FIRST_NAMES = RAW / "_first_names.sha256"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = ROOT / "set64.jsonl"

MAX_LINES = 200
PER_LETTER = 5
OVERLAP = 0.30
PER_PERSON = 2

FIRST_PERSON_RE = re.compile(r"\b(I|my|me|we|our)\b", re.IGNORECASE)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL_RE = re.compile(
    r"https?://|www\.|\b[\w-]+\.(com|org|net|io|dev|me|co|ai|app)\b(/|\s|$)|github\.com"
)
PHONE_RE = re.compile(r"\+?\(?\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}\b")
HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Madam)\.?\s+[A-Z][a-z]+")
SALUTATION_RE = re.compile(
    r"^\s*(dear|to whom|hello|hi|greetings|good (morning|afternoon|day))\b", re.IGNORECASE
)
CLOSING_RE = re.compile(
    r"^\s*(sincerely|yours|best|kind regards|warm regards|best regards|regards|respectfully"
    r"|cheers|thanks|thank you|with (kind |best |warm )?regards|all the best)\b[^.!?]{0,30}"
    r"[,.!]?\s*$",
    re.IGNORECASE,
)
SENT_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
LIST_MARK = "\u2022 "


def sha12(word: str) -> str:
    """Return the first 12 hex digits of the sha256 of a lowercase word."""
    return hashlib.sha256(word.lower().encode("utf-8")).hexdigest()[:12]


def brace_arg(text: str, start: int) -> tuple[str, int]:
    """Return the balanced {...} argument starting at text[start] and the index after it."""
    if start >= len(text) or text[start] != "{":
        return "", start
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch == "\\":
            continue
        if ch == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif ch == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i], i + 1
    return text[start + 1 :], len(text)


def strip_comments(text: str) -> str:
    """Remove LaTeX % comments (not escaped \\%)."""
    return "\n".join(re.sub(r"(?<!\\)%.*", "", line) for line in text.split("\n"))


def collect_macros(text: str) -> dict[str, str]:
    """Collect zero-argument \\newcommand / \\renewcommand / \\def definitions."""
    macros: dict[str, str] = {}
    pat = re.compile(
        r"\\(?:re)?newcommand\*?\s*\{?\\([A-Za-z]+)\}?\s*(?=\{)|\\def\\([A-Za-z]+)\s*(?=\{)"
    )
    for m in pat.finditer(text):
        name = m.group(1) or m.group(2)
        value, _ = brace_arg(text, m.end())
        if "#" not in value:
            macros[name] = value
    return macros


def expand_macros(text: str, macros: dict[str, str]) -> str:
    """Substitute user macros a few times (values may use other macros)."""
    for _ in range(3):
        for name, value in macros.items():
            text = re.sub(r"\\" + name + r"(?![A-Za-z])(\{\})?", lambda _m, v=value: v, text)
    return text


def latex_body(text: str) -> str:
    """Cut a LaTeX letter to its body between the opening and the closing markers."""
    start = 0
    doc = text.find("\\begin{document}")
    if doc >= 0:
        start = doc + len("\\begin{document}")
    for marker in ("\\opening", "\\begin{letter}", "\\begin{cvletter}", "\\makelettertitle"):
        pos = text.rfind(marker)
        if pos < 0:
            continue
        end = pos + len(marker)
        while end < len(text) and text[end] in " \t\n{":
            if text[end] == "{":
                _, end = brace_arg(text, end)
            else:
                end += 1
        start = max(start, end)
    stop = len(text)
    for marker in (
        "\\closing",
        "\\makeletterclosing",
        "\\end{cvletter}",
        "\\end{letter}",
        "\\end{document}",
    ):
        pos = text.find(marker, start)
        if pos >= 0:
            stop = min(stop, pos)
    return text[start:stop]


DROP_ARG_CMDS = (
    "vspace|hspace|vskip|hskip|includegraphics|label|cite|setlength|addtolength|fontsize"
    "|url|email|phone|homepage|address|recipient|date|signature|photo|social|mobile|color"
    "|definecolor|colorlet|usepackage|input|include|bibliography|bibliographystyle|nocite"
    "|newtoggle|toggletrue|togglefalse|geometry|pagestyle|thispagestyle|setmainfont"
    "|letteropening|letterclosing|lettertitle|recipientname|letterdate|letterenclosure"
)


def latex_to_text(text: str) -> str:
    """Strip LaTeX markup from a letter, keeping paragraphs and list items."""
    text = strip_comments(text)
    macros = collect_macros(text)
    body = expand_macros(latex_body(text), macros)
    for esc, rep in (("\\%", "\x01"), ("\\&", "&"), ("\\$", "$"), ("\\#", "#"), ("\\_", "_")):
        body = body.replace(esc, rep)
    body = re.sub(r"\\item\b(\[[^\]]*\])?", "\n\n" + LIST_MARK, body)
    body = re.sub(r"\\\\(\[[^\]]*\])?|\\newline\b|\\par\b|\\linebreak\b", "\n", body)
    body = re.sub(r"\\href\s*\{[^{}]*\}", "", body)
    body = re.sub(r"\\(" + DROP_ARG_CMDS + r")\*?\s*(\[[^\]]*\])?\s*\{[^{}]*\}", "", body)
    body = re.sub(r"\\(begin|end)\s*\{[^{}]*\}(\{[^{}]*\}|\[[^\]]*\])*", "\n\n", body)
    body = re.sub(
        r"\\(lettersection|section|subsection|paragraph)\*?\s*\{([^{}]*)\}", r"\n\n\2\n\n", body
    )
    body = re.sub(r"\\[A-Za-z]+\*?\s*\[[^\]]*\]", "", body)
    body = re.sub(r"\\[A-Za-z]+\*?", "", body)
    body = re.sub(r"\\[,;:!' ]", " ", body)
    body = body.replace("{", "").replace("}", "")
    body = (
        body.replace("``", '"').replace("''", '"').replace("---", "\u2014").replace("--", "\u2013")
    )
    body = body.replace("~", " ").replace("\x01", "%")
    return body


def markdown_to_text(text: str) -> str:
    """Strip Markdown (and inline HTML) markup, keeping paragraphs and list items."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    out = []
    for line in text.split("\n"):
        m = re.match(r"^\s*([-*+]|\d+[.)])\s+(.*)$", line)
        if m:
            out.append("")
            out.append(LIST_MARK + m.group(2))
            continue
        if re.match(r"^\s*#{1,6}\s", line):
            out.extend(["", re.sub(r"^\s*#+\s*", "", line), ""])
            continue
        if re.match(r"^\s*([-*_=]\s*){3,}$", line):
            out.append("")
            continue
        out.append(re.sub(r"^\s*>\s?", "", line))
    text = "\n".join(out)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    text = re.sub(r"(?<!\w)_(\S[^_]*\S|\S)_(?!\w)", r"\1", text)
    return html.unescape(text).replace("\\", "")


def html_to_text(text: str) -> str:
    """Strip HTML, keeping block boundaries and list items."""
    text = re.sub(r"<(script|style|head)\b.*?</\1>", "", text, flags=re.S | re.I)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<li\b[^>]*>", "\n\n" + LIST_MARK, text, flags=re.I)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.I)
    text = re.sub(
        r"</?(p|div|ul|ol|h\d|section|article|tr|table|header|footer)\b[^>]*>",
        "\n\n",
        text,
        flags=re.I,
    )
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text)


def org_to_text(text: str) -> str:
    """Strip Org-mode markup."""
    text = "\n".join(line for line in text.split("\n") if not line.lstrip().startswith("#+"))
    text = re.sub(r"\[\[[^\]]*\]\[([^\]]*)\]\]", r"\1", text)
    text = re.sub(r"^\*+\s+", "\n", text, flags=re.M)
    return markdown_to_text(text)


def to_text(path: str, raw: str) -> str:
    """Dispatch markup stripping on the file extension."""
    low = path.lower()
    if low.endswith(".tex"):
        return latex_to_text(raw)
    if low.endswith((".html", ".htm")):
        return html_to_text(raw)
    if low.endswith(".org"):
        return org_to_text(raw)
    return markdown_to_text(raw)


def paragraphs(text: str) -> list[str]:
    """Split text into paragraphs (blank lines) and list items, whitespace-joined."""
    paras: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current: list[str] = []
        for line in block.split("\n"):
            if line.strip().startswith(LIST_MARK.strip()):
                if current:
                    paras.append(" ".join(current))
                current = [line.strip().lstrip("\u2022").strip()]
            elif line.strip():
                current.append(line.strip())
        if current:
            paras.append(" ".join(current))
    return [re.sub(r"\s+", " ", p).strip() for p in paras if p.strip()]


def trim_letter(paras: list[str]) -> list[str]:
    """Drop header (addresses, dates) up to the salutation, and the closing onwards."""
    start = 0
    for i, p in enumerate(paras[: max(1, int(len(paras) * 0.6))]):
        if SALUTATION_RE.match(p) and len(p.split()) <= 12:
            start = i + 1
            break
    stop = len(paras)
    for i in range(start, len(paras)):
        if CLOSING_RE.match(paras[i]):
            stop = i
            break
    return paras[start:stop]


def owner_names(path: str, raw: str, paras: list[str]) -> set[str]:
    """Hashes of the owner's name words: LaTeX name fields and the signature lines."""
    words: list[str] = []
    clean = strip_comments(raw)
    macros = collect_macros(clean)
    for cmd in ("name", "firstname", "familyname", "lastname", "signature", "author", "fullname"):
        for m in re.finditer(r"\\" + cmd + r"\s*(?=\{)", clean):
            arg, end = brace_arg(clean, m.end())
            args = [arg]
            if end < len(clean) and clean[end] == "{":
                args.append(brace_arg(clean, end)[0])
            for a in args:
                words += re.findall(r"[A-Z][a-z]+", re.sub(r"\\[A-Za-z]+", " ", a))
    for key in ("fullname", "myname", "name", "firstname", "lastname", "sender"):
        if key in macros:
            words += re.findall(r"[A-Z][a-z]+", macros[key])
    for i, p in enumerate(paras):
        if CLOSING_RE.match(p):
            for q in paras[i : i + 3]:
                tail = CLOSING_RE.sub("", q) if q is p else q
                if len(tail.split()) <= 5:
                    words += re.findall(r"[A-Z][a-z]+", tail)
            break
    lower_words = set(re.findall(r"\b[a-z]+\b", " ".join(paras)))
    return {sha12(w) for w in words if w.lower() not in lower_words and len(w) > 1}


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


def has_person_name(line: str, owner: set[str], first: set[str], common: set[str]) -> bool:
    """Mechanical name test: owner words, honorific + name, census first name + Surname,
    or a census first name standing alone mid-sentence (not a month, not a word the letter
    also uses in lowercase, not part of a run of capitalised words)."""
    if HONORIFIC_RE.search(line):
        return True
    tokens = re.findall(r"[A-Za-z][A-Za-z'\u2019-]*", line)
    cap = [bool(re.fullmatch(r"[A-Z][a-z]+", t)) for t in tokens]
    for i, tok in enumerate(tokens):
        if sha12(tok) in owner and tok[0].isupper():
            return True
        if not cap[i] or sha12(tok) not in first:
            continue
        if i + 1 < len(tokens) and cap[i + 1]:
            return True
        low = tok.lower()
        if i > 0 and not cap[i - 1] and low not in MONTHS and low not in common:
            return True
    return False


def norm(line: str) -> str:
    """Whitespace-normalised lowercase text."""
    return re.sub(r"\s+", " ", line).strip().lower()


def sixgrams(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text (lowercase)."""
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def letter_lines(paras: list[str]) -> list[str]:
    """Sentences of the letter body, salutation and closing removed."""
    lines: list[str] = []
    for p in trim_letter(paras):
        for s in SENT_SPLIT_RE.split(p):
            s = s.strip()
            if s and not SALUTATION_RE.match(s) and not CLOSING_RE.match(s):
                lines.append(s)
    return lines


def line_verdict(
    line: str, owner: set[str], first: set[str], seen: set[str], common: set[str]
) -> str:
    """Mechanical filters on one sentence (all but duplicates): '' keeps, else the reason."""
    if not FIRST_PERSON_RE.search(line):
        return "not_first_person"
    n = len(line.split())
    if n < 6 or n > 60:
        return "length_not_6_60"
    if "\\" in line or "{" in line or "}" in line:
        return "markup_left"
    if EMAIL_RE.search(line) or URL_RE.search(line) or PHONE_RE.search(line):
        return "personal_data_contact"
    if has_person_name(line, owner, first, common):
        return "personal_data_name"
    if norm(line) in seen:
        return "in_seen_texts"
    if not METRIC_RE.search(line):
        return "no_metric_regex"
    return ""


def load_letters() -> list[dict[str, str]]:
    """Read letters64.tsv rows marked keep."""
    rows = []
    for line in LETTERS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        repo, path, commit, role, status = line.split("\t")[:5]
        if status == "keep":
            rows.append({"repo": repo, "path": path, "commit": commit, "role": role})
    return sorted(rows, key=lambda r: (r["repo"].lower(), r["path"]))


def main() -> int:
    """Run the draw and print per-step counts."""
    first = set(FIRST_NAMES.read_text(encoding="utf-8").split())
    seen_lines = SEEN.read_text(encoding="utf-8").splitlines()
    seen = {norm(s) for s in seen_lines}
    seen_grams: set[tuple[str, ...]] = set()
    for s in seen_lines:
        seen_grams |= sixgrams(s)

    letters = load_letters()
    kept: list[dict[str, object]] = []
    per_person: dict[str, int] = {}
    counts = {"letters_listed": len(letters), "drop_overlap_seen": 0, "drop_overlap_kept": 0}
    counts["drop_person_cap"] = 0
    for row in letters:
        raw = (RAW / row["repo"].replace("/", "+") / row["path"]).read_text(
            encoding="utf-8", errors="replace"
        )
        text = to_text(row["path"], raw)
        paras = paragraphs(text)
        body = " ".join(trim_letter(paras))
        grams = sixgrams(body)
        if grams and len(grams & seen_grams) / len(grams) >= OVERLAP:
            counts["drop_overlap_seen"] += 1
            continue
        if any(
            grams and len(grams & k["grams"]) / len(grams) >= OVERLAP  # type: ignore[operator]
            for k in kept
        ):
            counts["drop_overlap_kept"] += 1
            continue
        person = row["repo"].split("/")[0].lower()
        if per_person.get(person, 0) >= PER_PERSON:
            counts["drop_person_cap"] += 1
            continue
        per_person[person] = per_person.get(person, 0) + 1
        owner = owner_names(row["path"], raw, paragraphs(to_text(row["path"], raw)))
        common = set(re.findall(r"\b[a-z]+\b", " ".join(paras)))
        kept.append(
            {
                "row": row,
                "grams": grams,
                "owner": owner,
                "common": common,
                "sents": letter_lines(paras),
            }
        )

    counts["letters_kept"] = len(kept)
    counts["repos_kept"] = len({k["row"]["repo"] for k in kept})  # type: ignore[index]
    reasons: dict[str, int] = {}
    total_sents = filtered = 0
    used: set[str] = set()
    for k in kept:
        sents: list[str] = k["sents"]  # type: ignore[assignment]
        owner: set[str] = k["owner"]  # type: ignore[assignment]
        common: set[str] = k["common"]  # type: ignore[assignment]
        good = []
        for s in sents:
            total_sents += 1
            why = line_verdict(s, owner, first, seen, common)
            if not why and norm(s) in used:
                why = "duplicate"
            reasons[why or "kept"] = reasons.get(why or "kept", 0) + 1
            if not why:
                used.add(norm(s))
                good.append(s)
        filtered += len(good)
        k["lines"] = good
    counts["sentences"] = total_sents
    for key in (
        "not_first_person",
        "length_not_6_60",
        "markup_left",
        "personal_data_contact",
        "personal_data_name",
        "in_seen_texts",
        "duplicate",
        "no_metric_regex",
    ):
        counts["drop_" + key] = reasons.get(key, 0)
    counts["lines_after_filters"] = filtered

    rng = random.Random(64)
    rng.shuffle(kept)
    out: list[str] = []
    for k in kept:
        lines: list[str] = k["lines"]  # type: ignore[assignment]
        row: dict[str, str] = k["row"]  # type: ignore[assignment]
        for text in rng.sample(lines, min(PER_LETTER, len(lines))):
            if len(out) >= MAX_LINES:
                break
            rec = {
                "id": f"hb64-{len(out) + 1:03d}",
                "text": text,
                "source": {
                    "repo": row["repo"],
                    "path": row["path"],
                    "commit": row["commit"],
                    "role": row["role"],
                },
                "resume": f"{row['repo']}#{row['path']}",
            }
            out.append(json.dumps(rec, ensure_ascii=False))
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    counts["drawn"] = len(out)
    counts["letters_contributing"] = len({json.loads(o)["resume"] for o in out})
    for key, val in counts.items():
        print(f"{key}: {val}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
