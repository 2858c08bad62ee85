"""Mechanical draw of stories17 from the saved source texts under raw/.

Reruns offline: reads only raw/ and /work/briefs/seen_stories.txt, writes stories17.jsonl
(and a small counts file). Nothing here looks at what an answer says beyond the mechanical
filters of the brief: length, first person, past tense, no fill-in slots, no copies.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_stories.txt")
OUT = HERE / "stories17.jsonl"
COUNTS = HERE / "counts_s17.json"

MIN_WORDS = 60
MAX_WORDS = 700
PER_SOURCE = 6
MAX_TOTAL = 60
SEED = 1717
NGRAM = 5
COPY_SHARE = 0.20


@dataclass
class Doc:
    """One saved file of a source, with the rule that cuts it into answers."""

    raw: str
    boundary: str
    end: str | None = None
    q_in: str | None = None
    q_before: str | None = None
    q_boundary: str | None = None
    drop: str | None = None
    subsplit: str | None = None
    truncated_last: bool = False
    path: str | None = None
    commit: str | None = None


@dataclass
class Source:
    """A repository or a page; answers are taken from its docs in order."""

    address: str
    docs: list[Doc]
    repo: str | None = None
    url: str | None = None
    role: str | None = None
    names: dict[str, str] = field(default_factory=dict)


def gh(repo: str, role: str, docs: list[Doc], names: dict[str, str] | None = None) -> Source:
    return Source(f"https://github.com/{repo}", docs, repo=repo, role=role, names=names or {})


def page(url: str, role: str, doc: Doc) -> Source:
    return Source(url, [doc], url=url, role=role)


LA_COHORT = "learn-academy-2023-golf/week-4-assessment-"
LA_COMMITS = {
    "Abebe01": "68bd9dc88fc867c268b4930a223d6b0f92da4014",
    "Marshall2309": "8ca77f4115c373954cb6118594810e9826ddbbae",
    "MichaelReyes1": "e818eb1a996b1518706999ab7f77162d12a9a8e5",
    "Morelus": "87b849227d9b52b4bac5810546cf98cddde48766",
    "R1que007": "c129436426af7d8bf71474a235c3ff4a0a9aab56",
    "TheLavitz": "b78b74128ee70f9e882368bf8cc0f5402ea76aea",
    "amezolaj": "b505a414fa4592aa2d6059fc151338ec0fd8d835",
    "dmaly18": "9c221cd0f8763df526b177244a65a40f240d575d",
    "fmarte23": "eb2bb13622a3a419936b13b0e7251c48a3254a70",
    "gencalada": "3c151f14a1517ea6a24e4e53872b57ac7ea51155",
    "jerrod2023": "d2babab125d9125a25bce13a80be26568192ba1d",
    "lilGuzi": "fad6167f7989c956ede5b1ab16a1557e15335f90",
    "lyolayale": "57ddf2b6c82072142dbdd04d06d3eefbc507205d",
    "patsysaurer": "9710b39d1b32570d65effa7fd764f07033949bed",
    "swbriski": "b6c6bf315b1372c7feafdf5a0c5a061e977f9f0d",
}


def la_source(student: str) -> Source:
    doc = Doc(
        raw=f"gh/la2023golf__{student}__behavioral-questions.md",
        boundary=r"^\d+\.\s",
        q_boundary=r"^\d+\.\s+(.+?)\s*$",
        path="behavioral-questions.md",
        commit=LA_COMMITS[student],
    )
    return gh(LA_COHORT + student, "bootcamp student (graded written assessment)", [doc])


SWAMY_COMMIT = "d9ab2bbe102e84cb72ca1a869d6e011f4c0a83ca"
SWAMY_DIR = "src/03_Interview-Prep/04_TPM/"
NAMTRAN_COMMIT = "51d03ec373b34d15cf791cb5e57623a3d9fc081e"
PAGE_Q = r"^(.+\?)\s*$"

SOURCES: list[Source] = [
    gh(
        "omars-lab/omars-lab.github.io",
        "candidate's own story bank (software/ML engineer)",
        [
            Doc(
                raw="gh/omars-lab__personal-story-bank.mdx",
                boundary=r"^<summary>📖 Story",
                end=r"^</details>",
                q_before=r'^\*\*Example Question\*\*:\s*"(.+?)"',
                path="bytesofpurpose-blog/docs/craft/interview-prep/preparing/"
                "personal-story-bank.mdx",
                commit="d5becbbee94fa5cc3f0b78bc56339453ded3fac9",
            )
        ],
    ),
    gh(
        "SwamysArchitectJourney-2026/ArchitectJourney",
        "technical project manager (sample STAR stories)",
        [
            Doc(
                raw=f"gh/SwamysArchitectJourney__10_STAR-Stories-Part1-{part}.md",
                boundary=r"^\*\*Theme:\*\*",
                end=r"^## ",
                q_in=r'^\*\*Use For:\*\*\s*"(.+?)"',
                drop=r"^\*\*Use For:\*\*",
                path=f"{SWAMY_DIR}10_STAR-Stories-Part1-{part}.md",
                commit=SWAMY_COMMIT,
            )
            for part in ("A", "B", "C")
        ],
    ),
    *[la_source(s) for s in LA_COMMITS],
    gh(
        "dhruv-juneja-7/daily-soft-skills-practice",
        "analyst (own practice answers)",
        [
            Doc(
                raw="gh/dhruv-juneja-7__daily_communication.md",
                boundary=r"^## (Introduction|Question)",
                end=r"^### Follow-up",
                q_in=r"^>\s*(?:Question:\s*)?(.+?)\s*$",
                drop=r"^## Answer",
                subsplit=r"^### (Simple|Better) Answer",
                path="daily_communication.md",
                commit="8127f7c77844351a8d7e3369d5fdd037b97fcc7d",
            )
        ],
    ),
    gh(
        "kodecocodes/ios-interview",
        "sample (product manager)",
        [
            Doc(
                raw="gh/kodecocodes__Behavioral-Example-README.md",
                boundary=r'^### "',
                end=r"^#{2,3} ",
                q_boundary=r'^### "(.+?)"\s*$',
                path="Behavioral Example/README.md",
                commit="c0a08b21b0304956506547e50b20ad3bf41dd071",
            )
        ],
    ),
    gh(
        "alex-white-401-advanced-javascript/401-prework",
        "bootcamp student (401 prework)",
        [
            Doc(
                raw="gh/alex-white-401__behavioral.md",
                boundary=r"\?\s*$",
                q_boundary=r"^(.+\?)\s*$",
                path="behavioral.md",
                commit="2868687cd6508a88171806f0c0e29dc00d2f9eeb",
            )
        ],
    ),
    gh(
        "AkshaySatam/BehavioralInterview",
        "software engineer (own prep notes)",
        [
            Doc(
                raw="gh/AkshaySatam__behavioral-questions.md",
                boundary=r"^### ",
                end=r"^## ",
                q_boundary=r'^###\s+"?(.+?)"?\s*$',
                path="behavioral-questions.md",
                commit="138861d2d63b2bec3d2e49911070a6950f9bcda8",
            )
        ],
    ),
    gh(
        "namtran202/behavioral-interviews",
        "software/data engineer (own prep notes)",
        [
            Doc(
                raw=f"gh/namtran202__{name}",
                boundary=r"<summary>",
                end=r"</details>",
                q_boundary=r"<summary><b>(.+?)</b></summary>",
                path=f"amazon/{name}",
                commit=NAMTRAN_COMMIT,
            )
            for name in (
                "1_Customer_obsession.md",
                "2_Ownership.md",
                "3_Invent_and_simplify.md",
            )
        ],
    ),
    page(
        "https://www.interviewhelp.io/blog/posts/how-do-you-manage-missed-deadline/",
        "sample",
        Doc(
            raw="pages/interviewhelp.io__missed-deadline.txt",
            boundary=r"^A sample answer\s*$",
            q_before=r"^Answering '(.+)'\s*$",
        ),
    ),
    page(
        "https://rohanhandore.com/Behavioral%20interview/missed-deadline-recovery.html",
        "sample",
        Doc(
            raw="pages/rohanhandore.com__missed-deadline-recovery.txt",
            boundary=r"^✓ Strong Answer",
            q_before=r"^Interview Question: (.+)$",
        ),
    ),
    page(
        "https://mockfox.ai/questions-answers/operations-manager",
        "sample",
        Doc(
            raw="pages/mockfox.ai__operations-manager.txt",
            boundary=r"^Sample answer\s*$",
            end=r"^Question \d+\s*$",
            q_before=PAGE_Q,
            truncated_last=True,
        ),
    ),
    page(
        "https://interviewquestionbank.com/q/MTYxMldoZW",
        "sample",
        Doc(
            raw="pages/interviewquestionbank.com__MTYxMldoZW.txt",
            boundary=r"^Answer\s*$",
            q_before=PAGE_Q,
        ),
    ),
]

FIRST_PERSON = {"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"}
PAST_RE = re.compile(r"\b(was|were|had|did)\b|\b(I|we)\s+[a-z]+ed\b", re.IGNORECASE)
SLOT_RE = re.compile(r"\[[^\]]*\]")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL_RE = re.compile(r"(https?://\S+|www\.\S+)")
PHONE_RE = re.compile(r"\+?\d[\d\s().-]{7,}\d")


def clean(lines: list[str]) -> str:
    """Format only: drop markup, keep labels and line breaks."""
    text = "\n".join(lines)
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    out: list[str] = []
    for line in text.split("\n"):
        line = line.replace("**", "").rstrip()
        line = re.sub(r"^\s*#+\s*", "", line)
        line = re.sub(r"^\s*>\s?", "", line)
        if re.fullmatch(r"\s*-{3,}\s*", line):
            continue
        out.append(line)
    text = "\n".join(out).strip()
    text = re.sub(r"\n\s*\n(\s*\n)+", "\n\n", text)
    if len(text) > 1 and text[0] in '"“' and text[-1] in '"”' and text.count('"') <= 2:
        text = text[1:-1].strip()
    return text


def scrub(text: str, names: dict[str, str]) -> str:
    text = EMAIL_RE.sub("an email address", text)
    text = URL_RE.sub("a link", text)
    text = PHONE_RE.sub(
        lambda m: m.group(0) if len(re.sub(r"\D", "", m.group(0))) < 9 else "a phone number", text
    )
    for name, repl in names.items():
        text = text.replace(name, repl)
    return text


def first_match(pattern: str | None, lines: list[str]) -> tuple[int, str] | None:
    if pattern is None:
        return None
    rx = re.compile(pattern)
    for i, line in enumerate(lines):
        m = rx.search(line)
        if m:
            return i, m.group(1).strip()
    return None


def cut(doc: Doc) -> list[tuple[str | None, str]]:
    """Cut one saved document into (question, answer text) in document order."""
    lines = (RAW / doc.raw).read_text(encoding="utf-8").split("\n")
    b_rx = re.compile(doc.boundary)
    e_rx = re.compile(doc.end) if doc.end else None
    segments: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    for i, line in enumerate(lines):
        if b_rx.search(line):
            current = [line]
            segments.append((i, current))
        elif current is not None and e_rx is not None and e_rx.search(line):
            current = None
        elif current is not None:
            current.append(line)
    if doc.truncated_last and segments:
        segments = segments[:-1]
    answers: list[tuple[str | None, str]] = []
    for start, seg in segments:
        question: str | None = None
        body = seg[1:]
        if doc.q_boundary:
            hit = first_match(doc.q_boundary, seg[:1])
            question = hit[1] if hit else None
        if doc.q_in:
            hit = first_match(doc.q_in, body)
            if hit:
                question = hit[1]
                body = body[: hit[0]] + body[hit[0] + 1 :]
        if doc.q_before:
            rx = re.compile(doc.q_before)
            for line in reversed(lines[:start]):
                m = rx.search(line)
                if m:
                    question = m.group(1).strip()
                    break
        if doc.drop:
            d_rx = re.compile(doc.drop)
            body = [ln for ln in body if not d_rx.search(ln)]
        parts: list[list[str]] = [body]
        if doc.subsplit and any(re.search(doc.subsplit, ln) for ln in body):
            parts = []
            for ln in body:
                if re.search(doc.subsplit, ln):
                    parts.append([])
                elif parts:
                    parts[-1].append(ln)
        for part in parts:
            answers.append((question, clean(part)))
    return answers


def grams(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + NGRAM]) for i in range(len(words) - NGRAM + 1)}


def is_copy(g: set[tuple[str, ...]], pool: list[set[tuple[str, ...]]]) -> bool:
    if not g:
        return False
    return any(len(g & other) / len(g) >= COPY_SHARE for other in pool)


def check(text: str) -> str | None:
    """Return the reason an answer fails the mechanical filters, or None."""
    n = len(text.split())
    if n < MIN_WORDS:
        return "under_60_words"
    if n > MAX_WORDS:
        return "over_700_words"
    if SLOT_RE.search(text):
        return "fill_in_slot"
    tokens = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
    if sum(t in FIRST_PERSON for t in tokens) < 2:
        return "not_first_person"
    if len(PAST_RE.findall(text)) < 2:
        return "not_past_situation"
    return None


def main() -> None:
    seen = [grams(line) for line in SEEN.read_text(encoding="utf-8").split("\n") if line.strip()]
    kept: list[dict[str, object]] = []
    kept_grams: list[set[tuple[str, ...]]] = []
    per_source: dict[str, dict[str, int]] = {}
    counts: dict[str, object] = {"sources": per_source}
    reasons: dict[str, int] = {}
    total_candidates = 0
    for src in sorted(SOURCES, key=lambda s: s.address.lower()):
        n_cand = 0
        n_kept = 0
        for doc in src.docs:
            for question, raw_text in cut(doc):
                n_cand += 1
                text = scrub(raw_text, src.names)
                if n_kept >= PER_SOURCE:
                    reasons["over_source_cap"] = reasons.get("over_source_cap", 0) + 1
                    continue
                reason = check(text)
                g = grams(text)
                if reason is None and is_copy(g, seen):
                    reason = "copy_of_seen_story"
                if reason is None and is_copy(g, kept_grams):
                    reason = "copy_of_kept_answer"
                if reason is not None:
                    reasons[reason] = reasons.get(reason, 0) + 1
                    continue
                source: dict[str, str] = {}
                if src.repo:
                    source = {"repo": src.repo, "path": doc.path or "", "commit": doc.commit or ""}
                else:
                    source = {"url": src.url or ""}
                row: dict[str, object] = {"text": text, "question": question, "source": source}
                if src.role:
                    row["role"] = src.role
                kept.append(row)
                kept_grams.append(g)
                n_kept += 1
        total_candidates += n_cand
        per_source[src.address] = {"candidates": n_cand, "kept": n_kept}
    counts["candidates"] = total_candidates
    counts["dropped"] = reasons
    counts["kept_before_sample"] = len(kept)
    if len(kept) > MAX_TOTAL:
        idx = sorted(random.Random(SEED).sample(range(len(kept)), MAX_TOTAL))
        kept = [kept[i] for i in idx]
    counts["final"] = len(kept)
    with OUT.open("w", encoding="utf-8") as fh:
        for n, row in enumerate(kept, start=1):
            ordered = {"id": f"ss17-{n:03d}", **row}
            fh.write(json.dumps(ordered, ensure_ascii=False) + "\n")
    COUNTS.write_text(json.dumps(counts, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
