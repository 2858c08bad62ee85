"""Mechanical draw of stories16 (ss16-*) from the saved source texts under raw/.

Reruns offline: reads only raw/*.txt and /work/briefs/seen_stories.txt, writes stories16.jsonl
and prints a per-answer log plus the step counts to stderr. No answer is chosen for its wording:
every step below is a fixed, structural rule (markers, length, script, person, tense, overlap).
"""

from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_stories.txt")
OUT = HERE / "stories16.jsonl"

CAP_PER_SOURCE = 6
MIN_WORDS, MAX_WORDS = 60, 700
MAX_DRAW = 60
SEED = 1616
DUP_SHARE = 0.20


@dataclass
class Spec:
    """How to cut one saved file into answers (structural markers only)."""

    file: str
    source: dict[str, str]
    start: str  # regex for a line that opens an answer; optional group q = question text
    end: str | None = None  # regex for a line that closes the open answer (line not kept)
    drop: str | None = None  # regex for lines dropped inside an answer
    include_start: bool = False  # keep the opening line itself in the answer
    question: str | None = None  # fixed question for every answer of the file
    q_from_marker: bool = True  # question = group q of the opening line
    q_only_if_mark: bool = False  # keep group q as question only if it ends with "?"
    require_end: bool = False  # an answer no marker closes was cut by the excerpt: drop it
    blocks: str | None = None  # "numbered" pages: question/answer blocks, see cut_blocks()
    role: str | None = None  # overrides the source role for this file


@dataclass
class Source:
    address: str  # sort key: repository address or site origin
    specs: list[Spec]
    role: str | None = None
    redact: list[tuple[str, str]] = field(default_factory=list)


def gh(repo: str, path: str, commit: str) -> dict[str, str]:
    return {"repo": repo, "path": path, "commit": commit}


IC = "https://www.interviews.chat/star-questions/"
JI = "https://job-interviews.co/practice/"

SOURCES: list[Source] = [
    Source(
        "https://github.com/igoryen/job_search",
        [
            Spec(
                "gh_igoryen.txt",
                gh(
                    "igoryen/job_search",
                    "star_stories.md",
                    "180af5850eae89e831b805c7abfb8b50308a8072",
                ),
                start=r"^(?:#{1,2} ?(?P<q>[^#\s].*?)|(?P<q2>[A-Z][^#*:\n]*\?))\s*$",
                end=r"^---\s*$",
                q_only_if_mark=True,
            )
        ],
        role="job seeker (former language teacher, software development student)",
    ),
    Source(
        "https://github.com/jitingxu1/interview-prep",
        [
            Spec(
                "gh_jitingxu1.txt",
                gh(
                    "jitingxu1/interview-prep",
                    "star_stories.md",
                    "326a871f25788fd1566a7446cf5e4d8fac36a01e",
                ),
                start=r"^## Story \d+: (?P<q>.+)$",
                end=r"^(---|## )",
                drop=r"^\*\*Key takeaway",
                q_from_marker=False,
            )
        ],
        role="tech lead manager (fraud / risk ML team)",
    ),
    Source(
        "https://github.com/kowshikmahankali/ai_customer_analytics",
        [
            Spec(
                "gh_kowshik_p0.txt",
                gh(
                    "KOWSHIKMAHANKALI/AI_customer_analytics",
                    "BEHAVIORAL_INTERVIEW_GUIDE.md",
                    "b06d17e9d343ebd35d58a4cb9e23a72865430d56",
                ),
                start=r'^## Question \d+: "(?P<q>.+)"\s*$',
                end=r"^(---|\*\*(?!Situation|Task|Action|Result)[^*]+:\*\*)\s*$",
                drop=r"^### STAR Answer:",
                require_end=True,
            )
        ],
        role="sample (candidate's prepared answers about a portfolio analytics project)",
    ),
    Source(
        "https://github.com/marrimg/dev-notes",
        [
            Spec(
                "gh_marrimg.txt",
                gh(
                    "marrimg/dev-notes",
                    "behavioral-interview.md",
                    "903703a6f7a5d6a71ca63b1894b784bef706bd38",
                ),
                start=r"^## (?P<q>.+)$",
                end=r"^# ",
            )
        ],
        role="software developer",
    ),
    Source(
        "https://indianingermany.de",
        [
            Spec(
                "pg_indianingermany_star.txt",
                {
                    "url": "https://indianingermany.de/blog/Dissecting-the-STAR-approach-for-"
                    "behavioral--situational-interview-questions-Yrfhs"
                },
                start=r"^A possible response \(STAR Approach\) for the first question",
                end=r"^Here, in the above example",
                require_end=True,
                question="Explain a situation where you made a mistake & how did you overcome "
                "the situation",
            )
        ],
        role="sample answer (business analyst)",
    ),
    Source(
        "https://job-interviews.co",
        [
            Spec(
                f"pg_jobinterviewsco_{slug}.txt",
                {"url": f"{JI}{slug}/questions"},
                start=r"^STAR Example$",
                end=r"^How to Answer$",
                drop=r"^[STAR]$",
                require_end=True,
                q_from_marker=False,
                role=f"sample answer ({slug.replace('-', ' ')})",
            )
            for slug in ("marketing-analyst", "senior-data-analyst")
        ],
    ),
    Source(
        "https://jobya.com",
        [
            Spec(
                "pg_jobya_program_manager.txt",
                {
                    "url": "https://jobya.com/library/roles/Z2a3B4C5/program_manager/senior/"
                    "questions/clqpes3oc9rqj18rwbxkc2ykt/"
                    "describe_a_time_when_you_had_to_manage_competing_priorities_within_a_program"
                },
                start=r"^(Sample answer to the question|A more solid answer)$",
                end=r"^(A more solid answer|Why this is a more solid answer)",
                require_end=True,
                question="Describe a time when you had to manage competing priorities within a "
                "program.",
            )
        ],
        role="sample answer (program manager)",
    ),
    Source(
        "https://mockfox.ai",
        [
            Spec(
                "pg_mockfox_product-analyst.txt",
                {"url": "https://mockfox.ai/questions-answers/product-analyst"},
                start=r"^Question \d+$",
                blocks="mockfox",
            )
        ],
        role="sample answer (product analyst)",
    ),
    Source(
        "https://www.applyvita.com",
        [
            Spec(
                "pg_applyvita_operations-manager.txt",
                {"url": "https://www.applyvita.com/interview-questions/operations-manager"},
                start=r"^\d+$",
                blocks="applyvita",
            )
        ],
        role="sample answer (operations manager)",
    ),
    Source(
        "https://www.interviews.chat",
        [
            Spec(
                f"pg_interviewschat_{slug}.txt",
                {"url": f"{IC}{slug}"},
                start=r"^\d+\. (?P<q>.+)$",
                require_end=True,
                role=f"sample answer ({slug.replace('-', ' ')})",
            )
            for slug in (
                "business-systems-analyst",
                "content-manager",
                "microsoft-business-analyst",
                "operations-manager",
                "product-analyst-intern",
            )
        ],
    ),
    Source(
        "https://www.ntro.io",
        [
            Spec(
                "pg_ntro_pm.txt",
                {"url": "https://www.ntro.io/star-interview-examples-product-manager-behavioral"},
                start=r'^\d+\. "(?P<q>.+)"\s*$',
                require_end=True,
            )
        ],
        role="sample answer (product manager)",
    ),
]

# ---- structural cutting -------------------------------------------------------------------

Cut = tuple[str | None, str]


def cut_blocks(lines: list[str], spec: Spec) -> list[Cut]:
    """Pages of numbered question blocks; a block is whole only if another block follows it."""
    start = re.compile(spec.start)
    blocks: list[list[str]] = []
    for line in lines:
        if start.match(line.strip()):
            blocks.append([])
        elif blocks:
            blocks[-1].append(line)
    out: list[Cut] = []
    for block in blocks[:-1]:  # the last block runs to the end of the excerpt: not whole
        rows = [x.strip() for x in block if x.strip()]
        if spec.blocks == "mockfox" and "Sample answer" in rows:
            k = rows.index("Sample answer")
            head = [x for x in rows[:k] if not x.startswith("Difficulty:")]
            out.append((head[-1] if head else None, "\n".join(rows[k + 1 :])))
        elif spec.blocks == "applyvita" and "Show sample answer" in rows:
            k = rows.index("Show sample answer")
            out.append((rows[k - 1] if k >= 2 else None, "\n".join(rows[k + 1 :])))
    return out


def cut(spec: Spec, text: str) -> list[Cut]:
    lines = text.replace("\r", "").split("\n")
    if spec.blocks:
        return [(spec.question or q, body) for q, body in cut_blocks(lines, spec)]
    start = re.compile(spec.start)
    end = re.compile(spec.end) if spec.end else None
    drop = re.compile(spec.drop) if spec.drop else None
    answers: list[Cut] = []
    q: str | None = None
    body: list[str] | None = None

    def close(by_marker: bool) -> None:
        if body is not None and (by_marker or not spec.require_end):
            answers.append((q, "\n".join(body)))

    for line in lines:
        m = start.match(line)
        if m:
            close(True)
            groups = m.groupdict()
            q = groups.get("q") or groups.get("q2")
            body = [line] if spec.include_start else []
            continue
        if body is None:
            continue
        if end and end.match(line):
            close(True)
            body = None
            continue
        if drop and drop.match(line):
            continue
        body.append(line)
    close(False)
    result: list[Cut] = []
    for qq, b in answers:
        if spec.question is not None:
            qq = spec.question
        elif not spec.q_from_marker or (spec.q_only_if_mark and not is_question(qq)):
            qq = None
        result.append((clean_q(qq), b))
    return result


def is_question(q: str | None) -> bool:
    return q is not None and q.rstrip().endswith("?")


def clean_q(q: str | None) -> str | None:
    if q is None:
        return None
    q = re.sub(r"[*_`]", "", q).strip().strip('"').strip()
    return q or None


def clean(text: str) -> str:
    text = text.replace("\r", "")
    text = re.sub(r"^#{1,6}\s*", "", text, flags=re.M)  # heading marks, keep the text
    text = re.sub(r"^(>[ \t]?)+", "", text, flags=re.M)  # quote marks
    text = re.sub(r"^[ \t]*```\w*[ \t]*$\n?", "", text, flags=re.M)  # code fence lines
    text = re.sub(r"^[ \t]*-[ \t]*$", "", text, flags=re.M)  # lone list dashes
    text = re.sub(r"\*\*|__|`", "", text)  # bold and code marks
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)\*(?![\w*])", r"\1", text)  # italics
    text = re.sub(r"(?<![\w_])_(?=\S)([^_\n]+?)_(?![\w_])", r"\1", text)  # underscore italics
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text


# ---- mechanical filters -------------------------------------------------------------------

FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'd|I'll|my|My|me|myself|Myself)\b")
SECOND_PERSON = re.compile(r"(?i)\b(you|your|yours|yourself|you're|you've|you'd|you'll)\b")
IRREGULAR_WORDS = (
    "was were had led built ran made took found saw got went wrote brought began drove sent "
    "spent put gave told met chose knew thought felt became held kept left lost won paid sold "
    "taught understood did came shipped set rebuilt broke grew rose fell cut caught"
)
PAST = re.compile(r"\b([A-Za-z]{3,}ed|" + "|".join(IRREGULAR_WORDS.split()) + r")\b")
NOT_STORY_Q = re.compile(
    r"(?i)\b(tell me about yourself|tell us about yourself|introduce yourself|"
    r"your (greatest )?strengths?|weakness|salary|where do you see|"
    r"why (do you|should|are you|did you choose)|how would you)\b"
)
PLACEHOLDER = re.compile(r"(?i)\[\?\]|\[(your|insert|describe|company|name|x|y)\b[^\]]*\]")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
URL = re.compile(r"https?://\S+|www\.\S+")
PHONE = re.compile(r"\+?\d[\d ()-]{8,}\d")


def words(text: str) -> list[str]:
    return text.split()


def latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c.isascii()) / len(letters)


def grams(text: str) -> set[tuple[str, ...]]:
    w = re.sub(r"\s+", " ", text.lower()).strip().split(" ")
    return {tuple(w[i : i + 5]) for i in range(len(w) - 4)}


def reason_to_skip(q: str | None, text: str) -> str | None:
    n = len(words(text))
    if n < MIN_WORDS or n > MAX_WORDS:
        return f"length outside {MIN_WORDS}-{MAX_WORDS} words ({n})"
    if latin_share(text) < 0.9:
        return "not English"
    if PLACEHOLDER.search(text):
        return "fill-in slot"
    n_first = len(FIRST_PERSON.findall(text))
    if n_first == 0 or n_first < len(SECOND_PERSON.findall(text)):
        return "not first person"  # no I/me/my, or fewer of them than you/your
    if q is not None and NOT_STORY_Q.search(q):
        return "question not about a past situation"
    if len(PAST.findall(text)) < 5:
        return "not a past situation"
    return None


def redact(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        text = text.replace(old, new)
    text = EMAIL.sub("an email address", text)
    text = URL.sub("a link", text)
    return PHONE.sub("a phone number", text)


# ---- the draw -----------------------------------------------------------------------------


def main() -> None:
    log = sys.stderr
    seen_index: dict[tuple[str, ...], set[int]] = {}
    with SEEN.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            for g in grams(line):
                seen_index.setdefault(g, set()).add(n)

    kept: list[dict[str, object]] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    counts: dict[str, int] = {}
    per_source: list[tuple[str, int, int]] = []

    def bump(k: str) -> None:
        counts[k] = counts.get(k, 0) + 1

    for src in sorted(SOURCES, key=lambda s: s.address.lower()):
        taken = 0
        seen_here = 0
        for spec in sorted(src.specs, key=lambda s: json.dumps(s.source, sort_keys=True)):
            text = (RAW / spec.file).read_text(encoding="utf-8")
            for q, body in cut(spec, text):
                bump("candidates")
                seen_here += 1
                if taken >= CAP_PER_SOURCE:
                    bump("skip: source cap reached")
                    print(f"SKIP {spec.file} | {q} | source cap", file=log)
                    continue
                answer = redact(clean(body), src.redact)
                why = reason_to_skip(q, answer)
                if why is None:
                    g = grams(answer)
                    hits: dict[int, int] = {}
                    for x in g:
                        for n in seen_index.get(x, ()):
                            hits[n] = hits.get(n, 0) + 1
                    best_seen = max(hits.values(), default=0) / max(1, len(g))
                    best_kept = max((len(g & k) / max(1, len(g)) for k in kept_grams), default=0)
                    if best_seen >= DUP_SHARE:
                        why = f"copy of a seen story ({best_seen:.2f})"
                    elif best_kept >= DUP_SHARE:
                        why = f"copy of a kept answer ({best_kept:.2f})"
                if why is not None:
                    bump("skip: " + why.split(" (")[0])
                    print(f"SKIP {spec.file} | {q} | {why}", file=log)
                    continue
                taken += 1
                bump("kept")
                rec: dict[str, object] = {"text": answer, "question": q, "source": spec.source}
                role = spec.role or src.role
                if role:
                    rec["role"] = role
                kept.append(rec)
                kept_grams.append(grams(answer))
                print(f"KEEP {spec.file} | {q} | {len(words(answer))} words", file=log)
        per_source.append((src.address, seen_here, taken))

    if len(kept) > MAX_DRAW:
        idx = sorted(random.Random(SEED).sample(range(len(kept)), MAX_DRAW))
        kept = [kept[i] for i in idx]
        counts["after random sample"] = len(kept)
    with OUT.open("w", encoding="utf-8") as fh:
        for i, rec in enumerate(kept, 1):
            row = {"id": f"ss16-{i:03d}", **rec}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    for address, n_cand, n_kept in per_source:
        print(f"SOURCE {address}: candidates {n_cand}, kept {n_kept}", file=log)
    print(json.dumps(counts, sort_keys=True), file=log)
    print(f"written {len(kept)} to {OUT.name}", file=log)


if __name__ == "__main__":
    main()
