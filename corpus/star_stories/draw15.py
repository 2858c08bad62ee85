"""Mechanical draw of stories15 (ss15-*) from the saved source texts under raw/.

Reruns offline: reads only raw/*.txt and /work/briefs/seen_stories.txt, writes stories15.jsonl.
No answer is chosen for its wording: every step below is a fixed, structural rule.
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
OUT = HERE / "stories15.jsonl"

CAP_PER_SOURCE = 6
MIN_WORDS, MAX_WORDS = 60, 700
MAX_DRAW = 60
SEED = 86
DUP_SHARE = 0.20


@dataclass
class Spec:
    """How to cut one saved file into answers (structural rules only)."""

    file: str
    source: dict[str, str]
    start: str  # regex: a line that opens an answer; named group q = question text
    end: str | None = None  # regex: a line that closes the open answer (not included)
    drop: str | None = None  # regex: lines dropped inside an answer (metadata)
    include_start: bool = False  # keep the opening line (minus strip_start) in the answer
    strip_start: str | None = None  # regex removed from the kept opening line
    question: str | None = None  # fixed question for the whole file (pages)
    question_quoted: bool = False  # question = first "..." string inside group q
    no_question: bool = False  # headings are story titles, not questions
    ts_fields: bool = False  # TypeScript objects with situation/task/action/result strings
    qa_blocks: bool = False  # "Question N / Difficulty / question / Sample answer / answer" pages
    require_end: bool = False  # drop an answer no marker closes (cut off by the excerpt)


@dataclass
class Source:
    address: str  # sort key: repository or site address
    specs: list[Spec]
    role: str | None = None
    redact: list[tuple[str, str]] = field(default_factory=list)


def gh(repo: str, path: str, commit: str) -> dict[str, str]:
    return {"repo": repo, "path": path, "commit": commit}


SOURCES: list[Source] = [
    Source(
        "https://github.com/aditiparvati27-cmyk/Portfolio",
        [
            Spec(
                "gh_aditiparvati.txt",
                gh(
                    "aditiparvati27-cmyk/Portfolio",
                    "references/Prep (1).md",
                    "5b7599c13c21788d29082a4875bf3a3cc46095f6",
                ),
                start=r"^### (?P<q>.+)$",
            )
        ],
        role="associate product manager",
    ),
    Source(
        "https://github.com/SwamysArchitectJourney-2026/ArchitectJourney",
        [
            Spec(
                f"gh_swamy_{part}.txt",
                gh(
                    "SwamysArchitectJourney-2026/ArchitectJourney",
                    f"src/03_Interview-Prep/04_TPM/10_STAR-Stories-Part1-{part}.md",
                    "d9ab2bbe102e84cb72ca1a869d6e011f4c0a83ca",
                ),
                start=r"^\*\*Use For:\*\*\s*(?P<q>.*)$",
                end=r"^(---|## )",
                question_quoted=True,
            )
            for part in ("A", "B", "C")
        ],
        role="technical program manager",
    ),
    Source(
        "https://github.com/BefConsulting/DBA",
        [
            Spec(
                "gh_befconsulting.txt",
                gh(
                    "BefConsulting/DBA",
                    "star-stories.md",
                    "cf0e8f4d3307fdf605a28451afb85c820a1ecf57",
                ),
                start=r"^## Story \d+ — (?P<q>.+)$",
                end=r"^(---|## )",
                drop=r"^\*Also answers:",
                no_question=True,
            )
        ],
        role="database reliability engineer",
    ),
    Source(
        "https://github.com/AkshaySatam/BehavioralInterview",
        [
            Spec(
                "gh_akshaysatam.txt",
                gh(
                    "AkshaySatam/BehavioralInterview",
                    "behavioral-questions.md",
                    "138861d2d63b2bec3d2e49911070a6950f9bcda8",
                ),
                start=r'^### "?(?P<q>.+?)"?\s*$',
                end=r"^## ",
            )
        ],
        role="software engineer",
    ),
    Source(
        "https://github.com/boyloe/behavioral-questions",
        [
            Spec(
                "gh_boyloe.txt",
                gh(
                    "boyloe/behavioral-questions",
                    "behavioral-questions.md",
                    "9311c3ffc3b51612f0e80ea05c831f16501ae454",
                ),
                start=r"^\d+\. \*\*(?P<q>.+?)\*\*\s*$",
                end=r"^## ",
            )
        ],
    ),
    Source(
        "https://github.com/AS230924/Behavioral-Interview-Story-telling",
        [
            Spec(
                "gh_as230924.txt",
                gh(
                    "AS230924/Behavioral-Interview-Story-telling",
                    "src/data/sampleStories.ts",
                    "fab72785f1b806bf0b167f4f951def8be95cecbd",
                ),
                start=r"^\s*\{\s*$",
                ts_fields=True,
                no_question=True,
            )
        ],
        role="senior product manager (sample data)",
    ),
    Source(
        "https://github.com/kodecocodes/ios-interview",
        [
            Spec(
                "gh_kodeco.txt",
                gh(
                    "kodecocodes/ios-interview",
                    "Behavioral Example/README.md",
                    "c0a08b21b0304956506547e50b20ad3bf41dd071",
                ),
                start=r'^### "(?P<q>.+)"\s*$',
                end=r"^### ",
            )
        ],
        role="product manager (sample answer)",
    ),
    Source(
        "https://github.com/ashley-leung/monzo-interview",
        [
            Spec(
                "gh_ashleyleung.txt",
                gh(
                    "ashley-leung/monzo-interview",
                    "behavioral.md",
                    "a8ada147686c6b7db8f729996b799c28c7a2834e",
                ),
                start=r'^## "?(?P<q>[^"]+?)"?\s*$',
                end=r"^(### |```|Q\d+\.)",
            )
        ],
        role="software engineer",
    ),
    Source(
        "https://github.com/JaewonJeung/notes",
        [
            Spec(
                "gh_jaewonjeung.txt",
                gh(
                    "JaewonJeung/notes", "behavioral.md", "4d12ae7d12acd23f8c0c0af24f7530568ba152cd"
                ),
                start=r"^## (?P<q>Story.*)$",
                end=r"^([A-Z][a-z]+\s*$|•)",
                no_question=True,
            )
        ],
    ),
    Source(
        "https://github.com/Chrisgmsl22/learning-swe-fundamentals",
        [
            Spec(
                "gh_chrisgmsl22.txt",
                gh(
                    "Chrisgmsl22/learning-swe-fundamentals",
                    "behavioral/stories.md",
                    "f3a3113432651063ea0fbb893773af88c7940655",
                ),
                start=r"^## \d+ · (?P<q>.+)$",
                end=r"^(---|## )",
                drop=r"^(\*\*(Skills|Also answers):\*\*|> )",
                no_question=True,
            )
        ],
    ),
    Source(
        "https://github.com/danielracca/story-bank",
        [
            Spec(
                "gh_danielracca.txt",
                gh(
                    "danielracca/story-bank",
                    "skills/build-story-bank/references/worked-example.md",
                    "c4a2e80fb43a516fca8aeb92ac38c5cf3bb3df53",
                ),
                start=r"^### (?P<q>Situation)$",
                end=r"^### Vivid details",
                include_start=True,
                strip_start=r"^### ",
                no_question=True,
            )
        ],
        role="sample (invented illustrative entry)",
    ),
    Source(
        "https://interviewquestionbank.com",
        [
            Spec(
                f"pg_iqb_{slug}.txt",
                {"url": f"https://interviewquestionbank.com/q/{slug}"},
                start=r"^(?P<q>Answer)$",
                question=question,
            )
            for slug, question in (
                ("MTE0OERlc2", "Describe one failure to meet a metric in the past two years."),
                ("MjI3MlRlbG", "Tell me about a time when you disagreed with your manager."),
                (
                    "MjQzN0lmJT",
                    "If you have ever made a decision that did not work out, "
                    "what have you learned from it?",
                ),
                ("MjU2OURlc2", "Describe a time when you had a disagreement with your manager."),
                ("MzQwMUklMj", "I want to know about a time you were proven wrong"),
                ("Mzk5N1BsZW", "Please share the lessons you learned from a major work failure."),
                (
                    "NTEyVGVsbC",
                    "Tell me about a time when you had to convince someone of an idea "
                    "and how did you do it?",
                ),
            )
        ],
        role="sample answer",
    ),
    Source(
        "https://www.productmanagementexercises.com",
        [
            Spec(
                "pg_pme_6342.txt",
                {
                    "url": "https://www.productmanagementexercises.com/6342/"
                    "tell-about-situation-where-things-planned-what-did-learn-from?show=7506"
                },
                start=r"^(?P<q>S): ",
                end=r"^Access expert answers",
                include_start=True,
                question="Tell me about a situation where things did not go as planned. "
                "What did you learn from it?",
            )
        ],
        role="product manager",
    ),
    Source(
        "https://discuss.boardinfinity.com",
        [
            Spec(
                "pg_boardinfinity_14504.txt",
                {
                    "url": "https://discuss.boardinfinity.com/t/"
                    "can-you-tell-me-about-a-difficult-work-situation-and-how-you-overcame-it/14504"
                },
                start=r"^(?P<q>Example): ",
                include_start=True,
                strip_start=r"^Example: ",
                question="Can you tell me about a difficult work situation "
                "and how you overcame it?",
            )
        ],
        role="sample answer",
    ),
    Source(
        "https://github.com/sjonnala/ai-pm",
        [
            Spec(
                "gh_sjonnala.txt",
                gh(
                    "sjonnala/ai-pm",
                    "weekly-plans/week-12/behavioral-interview-star-template.md",
                    "3a4ce7e63ebd2be47bef16d0ab7dbad91d471e17",
                ),
                start=r"^## (?P<q>🎬 Example: Complete STAR Story)$",
                end=r"^### \*\*Key Takeaway",
                drop=r"^\*\*(Question|Story):\*\*",
                question="Tell me about a time you had to make a difficult "
                "prioritization decision.",
            )
        ],
        role="sample (AI PM prep template example)",
    ),
    Source(
        "https://github.com/adian-acosta/big-tech-prep",
        [
            Spec(
                "gh_adianacosta.txt",
                gh(
                    "adian-acosta/big-tech-prep",
                    "notes/behavioral.md",
                    "1571151632455305d08a216c44a788dc115c46cd",
                ),
                start=r"^> (?P<q>.+)$",
            )
        ],
        role="undergraduate data science researcher",
    ),
    Source(
        "https://mockfox.ai",
        [
            Spec(
                f"pg_mockfox_{slug}.txt",
                {"url": f"https://mockfox.ai/questions-answers/{slug}"},
                start=r"^Question \d+$",
                qa_blocks=True,
            )
            for slug in (
                "operations-excellence-manager",
                "operations-manager",
                "process-excellence-analyst",
                "process-improvement-manager",
                "product-analyst",
            )
        ],
        role="sample answer",
    ),
    Source(
        "https://frai.ooboqoo.workers.dev",
        [
            Spec(
                "pg_frai_754.txt",
                {
                    "url": "https://frai.ooboqoo.workers.dev/754/"
                    "tell-me-about-a-time-when-you-had-a-disagreement-with-your-manager"
                },
                start=r"^(?P<q>Answer Example \d+)$",
                require_end=True,
                question="Tell me about a time when you had a disagreement with your manager.",
            )
        ],
        role="sample answer",
    ),
    Source(
        "https://jobya.com",
        [
            Spec(
                "pg_jobya_corporate_strategy_planner.txt",
                {
                    "url": "https://jobya.com/library/roles/y5z6a8b8/corporate_strategy_planner/"
                    "senior/questions/clqpeqw9q8imj18rwiycw7nb6/"
                    "tell_us_about_a_time_when_you_had_to_lead_a_cross-functional_project_team_"
                    "what_challenges_did_you_face_and_how_did_you_overcome_them"
                },
                start=r"^(?P<q>Sample answer to the question|A more solid answer)$",
                end=r"^(Why this is a more solid answer)",
                require_end=True,
                question="Tell us about a time when you had to lead a cross-functional project "
                "team. What challenges did you face and how did you overcome them?",
            )
        ],
        role="sample answer",
    ),
    Source(
        "https://palospublishing.com",
        [
            Spec(
                "pg_palos_48428.txt",
                {"url": "https://palospublishing.com/?p=48428"},
                start=r"^(?P<q>Situation): \u201c",
                end=r"^3\. ",
                include_start=True,
                require_end=True,
                question="Can you tell me about a time when you had to manage a cross-functional "
                "team to complete a project?",
            )
        ],
        role="sample answer",
    ),
]

# ---- structural cutting -------------------------------------------------------------------

TS_FIELD = re.compile(r"^\s*(situation|task|action|result):\s*'((?:[^'\\]|\\.)*)',?\s*$")


def cut_ts(lines: list[str]) -> list[tuple[str | None, str]]:
    out: list[tuple[str | None, str]] = []
    cur: dict[str, str] = {}
    for line in [*lines, "{"]:
        if re.match(r"^\s*\{\s*$", line) and cur:
            keys = ("situation", "task", "action", "result")
            out.append((None, "\n\n".join(f"{k.capitalize()}: {cur[k]}" for k in keys if k in cur)))
            cur = {}
        m = TS_FIELD.match(line)
        if m:
            cur[m.group(1)] = m.group(2).replace("\\'", "'")
    return out


def cut_qa_blocks(lines: list[str], start: re.Pattern[str]) -> list[tuple[str | None, str]]:
    """'Question N' blocks; a block is whole only if the next 'Question N' line follows it."""
    blocks: list[list[str]] = []
    for line in lines:
        if start.match(line):
            blocks.append([])
        elif blocks:
            blocks[-1].append(line)
    out: list[tuple[str | None, str]] = []
    for block in blocks[:-1]:  # the last block runs to the end of the excerpt: not whole
        if "Sample answer" not in block:
            continue
        k = block.index("Sample answer")
        head = [x for x in block[:k] if x.strip() and not x.startswith("Difficulty:")]
        out.append((head[-1] if head else None, "\n".join(block[k + 1 :])))
    return out


def cut(spec: Spec, text: str) -> list[tuple[str | None, str]]:
    lines = text.splitlines()
    if spec.ts_fields:
        return cut_ts(lines)
    start, end = re.compile(spec.start), re.compile(spec.end) if spec.end else None
    if spec.qa_blocks:
        return [(clean_q(q), b) for q, b in cut_qa_blocks(lines, start)]
    drop = re.compile(spec.drop) if spec.drop else None
    answers: list[tuple[str | None, str]] = []
    q: str | None = None
    body: list[str] | None = None

    def close(by_marker: bool) -> None:
        if body is not None and (by_marker or not spec.require_end):
            answers.append((q, "\n".join(body)))

    for line in lines:
        m = start.match(line)
        if m:
            close(True)
            q = m.group("q")
            body = []
            if spec.include_start:
                body.append(re.sub(spec.strip_start, "", line) if spec.strip_start else line)
            continue
        if body is None:
            continue
        if drop and drop.match(line):
            continue
        if end and end.match(line):
            close(True)
            body = None
            continue
        body.append(line)
    close(False)
    result: list[tuple[str | None, str]] = []
    for qq, b in answers:
        if spec.question is not None:
            qq = spec.question
        elif spec.no_question:
            qq = None
        elif spec.question_quoted and qq is not None:
            mq = re.search(r'"([^"]+)"', qq)
            qq = mq.group(1) if mq else None
        result.append((clean_q(qq), b))
    return result


def clean_q(q: str | None) -> str | None:
    if q is None:
        return None
    q = re.sub(r"[*_`]", "", q).strip().strip('"').strip()
    return q or None


def clean(text: str) -> str:
    text = text.replace("\r", "")
    text = re.sub(r"^#{1,6}\s*", "", text, flags=re.M)  # heading marks, keep the label text
    text = re.sub(r"^>[ \t]?", "", text, flags=re.M)  # quote marks
    text = re.sub(r"^[ \t]*-[ \t]*$", "", text, flags=re.M)  # lone list dashes
    text = re.sub(r"\*\*|__|`", "", text)  # bold and code marks
    text = re.sub(r"\\([-*_#.!\[\]()])", r"\1", text)  # markdown backslash escapes
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)\*(?![\w*])", r"\1", text)  # italics
    text = re.sub(r"^\s*A\. ", "", text, count=1)  # 'A. ' answer marker (numbered Q&A files)
    text = re.sub(r"^[ \t]*(---|\u00a0)[ \t]*$", "", text, flags=re.M)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if text.startswith("\u201c") and text.endswith("\u201d"):
        text = text[1:-1].strip()
    return text


# ---- mechanical filters -------------------------------------------------------------------

FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'd|my|My|me)\b")
IRREGULAR_WORDS = (
    "was were had led built ran made took found saw got went wrote brought began drove sent "
    "spent put gave told met chose knew thought felt became held kept left lost won paid sold "
    "taught understood did came shipped set rebuilt broke grew rose fell cut caught"
)
IRREGULAR = re.findall(r"\S+", IRREGULAR_WORDS)
PAST = re.compile(r"\b([A-Za-z]{3,}ed|" + "|".join(IRREGULAR) + r")\b")
NOT_STORY_Q = re.compile(
    r"(?i)\b(tell me about yourself|introduce yourself|your (greatest )?strengths?|weakness|"
    r"salary|where do you see|why (do you|should|are you|did you choose)|how would you)\b"
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
    if not FIRST_PERSON.search(text):
        return "not first person"
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

    def bump(k: str) -> None:
        counts[k] = counts.get(k, 0) + 1

    for src in sorted(SOURCES, key=lambda s: s.address.lower()):
        taken = 0
        for spec in src.specs:
            text = (RAW / spec.file).read_text(encoding="utf-8")
            for q, body in cut(spec, text):
                bump("candidates")
                if taken >= CAP_PER_SOURCE:
                    bump("skip: source cap reached")
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
                if src.role:
                    rec["role"] = src.role
                kept.append(rec)
                kept_grams.append(grams(answer))
                print(f"KEEP {spec.file} | {q} | {len(words(answer))} words", file=log)
        print(f"SOURCE {src.address}: kept {taken}", file=log)

    if len(kept) > MAX_DRAW:
        idx = sorted(random.Random(SEED).sample(range(len(kept)), MAX_DRAW))
        kept = [kept[i] for i in idx]
    with OUT.open("w", encoding="utf-8") as fh:
        for i, rec in enumerate(kept, 1):
            row = {"id": f"ss15-{i:03d}", **rec}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(json.dumps(counts, sort_keys=True), file=log)
    print(f"written {len(kept)} to {OUT.name}", file=log)


if __name__ == "__main__":
    main()
