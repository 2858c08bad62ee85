"""Mechanical draw of stories14 (written STAR answers) from the saved texts under raw/.

Run from anywhere: ``python3 draw84.py``. Reads only raw/ and /work/briefs/seen_stories.txt,
writes stories14.jsonl next to this file and prints the counts per step. Deterministic.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_stories.txt")
OUT = HERE / "stories14.jsonl"

MAX_PER_SOURCE = 6
MIN_WORDS = 60
MAX_WORDS = 700
NGRAM = 5
DUP_SHARE = 0.20
MAX_TOTAL = 60
SEED = 84


@dataclass
class Source:
    """One source: a repository (one or more files, in document order) or one stored page."""

    address: str
    mode: str  # "star", "example" or "span"
    files: list[tuple[str, str, str]]  # (raw file name, path in repo or "", commit or "")
    repo: str | None = None
    url: str | None = None
    role: str | None = None
    options: dict[str, str] = field(default_factory=dict)


def _gh(repo: str, commit: str, files: list[tuple[str, str]], **kw: str | None) -> Source:
    """A GitHub source; raw file names are '<owner>+<name>__<path with / as _>'."""
    owner_name = repo.replace("/", "+")
    rows = [(f"{owner_name}__{raw}", path, commit) for raw, path in files]
    role = kw.pop("role", None)
    mode = kw.pop("mode", None) or "star"
    opts = {k: v for k, v in kw.items() if v is not None}
    return Source(f"https://github.com/{repo}", mode, rows, repo=repo, role=role, options=opts)


def _tpm(part: str) -> tuple[str, str]:
    path = f"src/03_Interview-Prep/04_TPM/10_STAR-Stories-Part1-{part}.md"
    return path.replace("/", "_"), path


KARANI = {
    "conflict": "ae5d537430fa996967a325ba40bcfcf53bfb6eb3",
    "failure": "f40bb39c6c9248ca9c06ddda4921e1bf58719b22",
    "ambiguity": "fb49384761bac6807e7ebf5a9a74fb172536c819",
    "customer-obsession": "2af464c1ad749348fc596f5fd2588aa3b46b2cdf",
}
# Order of the bank's own README index; leadership.md (an unfilled template) comes first.
KARANI_ORDER = ["leadership", "conflict", "failure", "ambiguity", "customer-obsession"]
KARANI_LEADERSHIP = "452a421dcf6184c0d63248075678b695e0d6c942"

# Case files in path order (folders alphabetical, cases numeric), as far as they were saved.
HUB_FILES = [
    f"src/data/{lp}/{lp}_case{n}.js"
    for lp, cases in (("are_right_a_lot", 5), ("best_employer", 5), ("bias_for_action", 4))
    for n in range(1, cases + 1)
]

SOURCES: list[Source] = [
    _gh(
        "saifeemustafaq/mustafa-pm-prep",
        "fc9e9fbefe271a187cf7a7b67a69991b334beee9",
        [("src_content_behavioral.md", "src/content/behavioral.md")],
        mode="example",
        role="sample (PM interview prep)",
        question_heading="### ",
        answer_heading="#### Example Answer",
    ),
    _gh(
        "NatashaXav/natashaxav.github.io",
        "fda9186e485a74d7b262ccc898bb923a340a7a14",
        [("INTERVIEW_PREP_GUIDE.md", "INTERVIEW_PREP_GUIDE.md")],
        role="marketing & HR professional",
    ),
    _gh(
        "rahuldha/rahuldhariwal-aipm-portfolio",
        "9c1be3532a38aa27eb5fe4c6a7a1fc73d28532bd",
        [
            (
                "02-interview-prep-playbook_01-question-banks_behavioral.md",
                "02-interview-prep-playbook/01-question-banks/behavioral.md",
            ),
            (
                "02-interview-prep-playbook_02-star-story-bank_discover-stories.md",
                "02-interview-prep-playbook/02-star-story-bank/discover-stories.md",
            ),
            (
                "02-interview-prep-playbook_02-star-story-bank_oportun-stories.md",
                "02-interview-prep-playbook/02-star-story-bank/oportun-stories.md",
            ),
        ],
        role="AI product manager",
    ),
    _gh(
        "JuiceDogoUi/manuelrocco",
        "8eca9b5933d019868cd2c8d9334d9a90d9be1151",
        [("applications__templates_story-bank.md", "applications/_templates/story-bank.md")],
    ),
    _gh(
        "SwamysArchitectJourney-2026/ArchitectJourney",
        "d9ab2bbe102e84cb72ca1a869d6e011f4c0a83ca",
        [_tpm("A"), _tpm("B"), _tpm("C")],
        role="technical project/program manager (TPM)",
    ),
    Source(
        "https://github.com/karaninjoroge/interview-story-bank",
        "star",
        [
            (
                f"karaninjoroge+interview-story-bank__{name}.md",
                f"{name}.md",
                KARANI.get(name, KARANI_LEADERSHIP),
            )
            for name in KARANI_ORDER
        ],
        repo="karaninjoroge/interview-story-bank",
        role="aspiring product manager",
    ),
    _gh(
        "ysyk2021/the-ultimate-interview-guidebook",
        "09f8718f8fa596b3660de5edd362d9c6071d951b",
        [(f"src_chapter-{n}.md", f"src/chapter-{n}.md") for n in (116, 157, 167, 187, 190, 192)],
        mode="example",
        role="sample",
        answer_heading="### Example",
    ),
    _gh(
        "hcoco1/Interview-Prep-Hub",
        "ccd15ef0fec48c7a87eb01a3f1ea05b79f72e9d2",
        [("docs_star.md", "docs/star.md")],
        role="sample (project manager)",
    ),
    _gh(
        "sahays/behavioral-interview-book",
        "b86e7317196dde88acd2a91b81bbed5dde9f54dc",
        [(f"chapters_ch{n:02d}.adoc", f"chapters/ch{n:02d}.adoc") for n in range(1, 14)],
        role="sample",
        para_only="1",
    ),
    _gh(
        "hubdogestor/amazon-lp-prep",
        "9469191ab63f7c8edc93cdb918fa3f0683ccfc8d",
        [(p.replace("/", "_"), p) for p in HUB_FILES],
        mode="js",
        role="product strategist / program manager (own stories)",
    ),
    _gh(
        "daihan054/Behavioral-Interview",
        "f02a6052aa43b8127c5165b360fcbe58db7488cc",
        [("README.md", "README.md")],
        mode="example",
        role="software engineer (own answers)",
        question_heading="### ",
        under_question="1",
    ),
    _gh(
        "bmutthoju/tutorials",
        "03405ce783d95007f8d775dbf15a44c37fdefef8",
        [
            (
                "Interviews_behavioral_interview_questions.md",
                "Interviews/behavioral_interview_questions.md",
            )
        ],
        role="sample",
    ),
    Source(
        "https://interviews.chat/questions/product-manager",
        "numbered",
        [("page__interviews.chat_questions_product-manager.txt", "", "")],
        url="https://interviews.chat/questions/product-manager",
        role="sample (product manager)",
    ),
    Source(
        "https://interviewquestionbank.com/q/MTUwN0hhdm",
        "star",
        [("page__interviewquestionbank.com_q_MTUwN0hhdm.txt", "", "")],
        url="https://interviewquestionbank.com/q/MTUwN0hhdm",
        role="sample (product manager)",
        options={"question_line": "1"},
    ),
    Source(
        "https://www.woberry.com/interview-guide/behavioral-interviews",
        "span",
        [("page__www.woberry.com_interview-guide_behavioral-interviews.txt", "", "")],
        url="https://www.woberry.com/interview-guide/behavioral-interviews",
        role="sample",
        options={
            "start_after": r"^See how a complete answer flows",
            "end_before": r"^Prepare answers for these",
        },
    ),
]

LABELS = r"situation|task|actions?|results?|learnings?|lessons?(?: learned)?|learning & response"
LABEL_RE = re.compile(
    rf"^(?:[STAR]\s*[—–-]\s*)?({LABELS})\b\s*(?:\([^)]*\))?\s*:?",
    re.IGNORECASE,
)
OTHER_LABEL_RE = re.compile(r"^\s*(?:[-*>]\s*)*(\*\*|\*|__)[^*_]{1,60}?:?\s*\1\s*:?")
QUESTION_LABEL_RE = re.compile(
    r"^\W*(?:\d+\.\s*)?\W*question(?: this answers)?\W*:\W*(.*)$", re.IGNORECASE
)
PROMPT_RE = re.compile(
    r"^(?:so,\s*)?(?:tell|describe|give|share|recall|walk|talk|explain|can|could|have|how|what|"
    r"when|why|which)\b",
    re.IGNORECASE,
)
PAST_PROMPT_RE = re.compile(
    r"\b(?:time|times|situation|example|instance|occasion|experience|ever|walk me through|share|"
    r"describe (?:a|an|the|your)|tell me about (?:a|an|the|your|how)|"
    r"you (?:\w+ed|did|led|made|took|had|were|was|ran|built|faced|went|got|saw|found))\b",
    re.IGNORECASE,
)
NOT_PAST_PROMPT_RE = re.compile(
    r"tell me about yourself|^why\b|where do you see|weakness|strength", re.IGNORECASE
)
HR_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
TEMPLATE_RE = re.compile(
    r"\[(?:write here[^\]]*|title[^\]]*|your [^\]]*|company|describe[^\]]*|insert[^\]]*)\]",
    re.IGNORECASE,
)
FIRST_PERSON_RE = re.compile(r"\b(?:I|I'm|I've|I'd|my|me|we|our|us)\b")
PAST_RE = re.compile(
    r"\b(?:I|we)\s+(?:\w+ly\s+)?(?:was|were|had|did|\w+ed|led|made|took|built|ran|saw|found|"
    r"began|wrote|got|set|sent|spent|met|brought|knew|thought|felt|told|chose|drove|gave|went|"
    r"kept|held|put|left|won|lost|sold|taught|became|broke|came|shipped|stopped)\b",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|io|net|org)/\S*")
PHONE_RE = re.compile(r"\+?\d[\d ().-]{8,}\d")


def strip_marks(line: str) -> str:
    """Drop markdown/asciidoc decoration: headings, quotes, bullets, bold/italic, stars."""
    s = line.strip()
    s = re.sub(r"^[#=]+\s*", "", s)
    s = re.sub(r"^>\s?", "", s)
    s = re.sub(r"^(?:[-*•]\s+)", "", s)
    s = s.replace("**", "").replace("__", "")
    s = re.sub(r"(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)", "", s)
    s = re.sub(r"^[^\w\"'(\[]+", "", s)
    return s.strip()


def label_of(line: str) -> str | None:
    """The STAR label a line opens with, lowercased, or None."""
    m = LABEL_RE.match(strip_marks(line))
    return m.group(1).lower() if m else None


def is_heading(line: str) -> bool:
    return bool(re.match(r"^\s*(?:#{1,6}\s|={1,6}\s)", line))


def clean_text(lines: list[str]) -> str:
    """Answer text: decoration dropped, STAR labels kept, single blank lines between blocks."""
    out: list[str] = []
    for raw in lines:
        s = raw.rstrip()
        indent = re.match(r"^\s*", s).group(0) if s else ""
        body = strip_marks(s) if s.strip() else ""
        m = LABEL_RE.match(body)
        if m:
            name = m.group(1)
            rest = body[m.end() :].strip()
            body = f"{name[:1].upper()}{name[1:]}:" + (f" {rest}" if rest else "")
        else:
            lm = re.match(r"^\s*([-*•]|\d+\.)\s+(?!\*\w[^*]*\*:)", s)
            if lm:
                marker = "-" if lm.group(1) in "-*•" else lm.group(1)
                body = f"{indent}{marker} {strip_marks(s[lm.end() :])}"
        out.append(body)
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text


def find_question(lines: list[str], start: int, floor: int) -> str | None:
    """Nearest question above line `start` (not above `floor`)."""
    for k in range(start - 1, floor - 1, -1):
        line = lines[k].strip()
        if not line:
            continue
        m = QUESTION_LABEL_RE.match(strip_marks(line).replace("*", ""))
        if m:
            q = m.group(1).strip().strip('"“”*').strip()
            return q or None
        bare = re.sub(r"^(?:Q\d*\s*[:.]\s*|\d+\.\s*)", "", strip_marks(line)).strip()
        quoted = re.match(r'^["“].+["”]$', bare)
        listed = re.match(r"^\s*\d+\.\s+\S", lines[k])
        if (is_heading(line) or quoted or listed) and is_prompt(bare.strip('"“”')):
            return bare.strip('"“”').strip()
    return None


def is_prompt(text: str) -> bool:
    """A question or an interview prompt ('Tell me about...', 'Describe...')."""
    return "?" in text or bool(PROMPT_RE.match(text))


def star_answers(lines: list[str], opts: dict[str, str]) -> list[tuple[str | None, str]]:
    """Answers opened by a Situation label and closed by the first non-STAR block."""
    para_only = opts.get("para_only") == "1"
    found: list[tuple[str | None, str]] = []
    floor = 0
    i = 0
    while i < len(lines):
        if label_of(lines[i]) != "situation":
            i += 1
            continue
        j = i + 1
        in_gap = False
        while j < len(lines):
            line = lines[j]
            lab = label_of(line)
            if lab == "situation":
                break
            if lab is None:
                if HR_RE.match(line) or is_heading(line) or OTHER_LABEL_RE.match(line):
                    break
                if line.strip().startswith("*") and re.match(r"^\*\w[^*]*\*:", line.strip()):
                    break
                if para_only and in_gap and line.strip():
                    break
            in_gap = not line.strip()
            j += 1
        if opts.get("question_line") == "1":
            question = strip_marks(lines[0]) or None
        else:
            question = find_question(lines, i, floor)
        found.append((question, clean_text(lines[i:j])))
        floor = j
        i = j
    return found


def example_answers(lines: list[str], opts: dict[str, str]) -> list[tuple[str | None, str]]:
    """Answers in sub-sections headed `answer_heading` (e.g. '#### Example Answer')."""
    qhead = opts.get("question_heading")
    ahead = opts.get("answer_heading", "\0")
    found: list[tuple[str | None, str]] = []
    question: str | None = None
    for line in lines:
        m = re.match(r'.*sample answers to the question "([^"]+)"', line)
        if m:
            question = m.group(1)
    i = 0
    while i < len(lines):
        line = lines[i]
        if qhead and line.startswith(qhead) and not line.startswith(qhead + "#"):
            question = line[len(qhead) :].strip()
        if opts.get("under_question") == "1" and qhead and line.startswith(qhead):
            question = re.sub(r"^\d+\.\s*", "", line[len(qhead) :].strip())
            j = i + 1
            while j < len(lines) and not lines[j].startswith("#"):
                j += 1
            found.append((question, clean_text(lines[i + 1 : j])))
            i = j
            continue
        if line.startswith(ahead):
            level = len(line) - len(line.lstrip("#"))
            j = i + 1
            while j < len(lines):
                nxt = lines[j]
                lvl = len(nxt) - len(nxt.lstrip("#"))
                if nxt.startswith("#") and lvl <= level:
                    break
                j += 1
            found.append((question, clean_text(lines[i + 1 : j])))
            i = j
            continue
        i += 1
    return found


JS_KEYS = (("s", "Situation"), ("t", "Task"), ("a", "Action"), ("r", "Result"), ("l", "Learning"))


def js_answers(lines: list[str], opts: dict[str, str]) -> list[tuple[str | None, str]]:
    """One case file of a JS story bank: the English `en: {s, t, a, r, l}` block, labelled."""
    src = "\n".join(lines)
    m = re.search(r"\ben:\s*\{", src)
    if not m:
        return []
    parts: list[str] = []
    for key, label in JS_KEYS:
        v = re.search(rf"\b{key}:\s*([\"`])(.*?)(?<!\\)\1", src[m.end() :], re.DOTALL)
        if v:
            body = v.group(2).replace('\\"', '"').replace("\\n", "\n").strip()
            parts.append(f"{label}: {body}")
    return [(None, clean_text("\n\n".join(parts).splitlines()))] if parts else []


EXCERPT_END = "[excerpt ends]"


def numbered_answers(lines: list[str], opts: dict[str, str]) -> list[tuple[str | None, str]]:
    """'N. Question?' lines, each answered by the lines up to the next one; an answer cut off
    by the end of the stored excerpt is left out."""
    qre = re.compile(r"^\d+\.\s+(.+\?)\s*$")
    starts = [k for k, v in enumerate(lines) if qre.match(v)]
    found: list[tuple[str | None, str]] = []
    for n, k in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = lines[k + 1 : end]
        if any(v.strip() == EXCERPT_END for v in body):
            continue
        found.append((qre.match(lines[k]).group(1), clean_text(body)))
    return found


def span_answers(lines: list[str], opts: dict[str, str]) -> list[tuple[str | None, str]]:
    """One answer between a start marker (+ the quoted question line) and an end marker."""
    start = next(k for k, v in enumerate(lines) if re.match(opts["start_after"], v))
    end = next(k for k, v in enumerate(lines) if re.match(opts["end_before"], v))
    question = lines[start + 1].strip().strip('"“”')
    return [(question, clean_text(lines[start + 2 : end]))]


def grams(text: str) -> set[tuple[str, ...]]:
    toks = " ".join(text.split()).lower().split()
    return {tuple(toks[k : k + NGRAM]) for k in range(len(toks) - NGRAM + 1)}


def load_seen() -> dict[tuple[str, ...], list[int]]:
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n, line in enumerate(SEEN.read_text(encoding="utf-8").splitlines()):
        for g in grams(line):
            index[g].append(n)
    return index


def dup_share(cand: set[tuple[str, ...]], index: dict[tuple[str, ...], list[int]]) -> float:
    """Largest share of the candidate's 5-grams found in any single indexed text."""
    if not cand:
        return 0.0
    hits: dict[int, int] = defaultdict(int)
    for g in cand:
        for n in index.get(g, ()):
            hits[n] += 1
    return max(hits.values(), default=0) / len(cand)


def scrub(text: str) -> str:
    text = EMAIL_RE.sub("[email removed]", text)
    text = URL_RE.sub("[url removed]", text)
    return PHONE_RE.sub("[phone removed]", text)


def count_order(key: str) -> tuple[bool, int, str]:
    head = re.sub(r"\D+$", "", key.split()[0])
    return (not head.isdigit(), int(head) if head.isdigit() else 0, key)


def main() -> int:
    seen = load_seen()
    kept_index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    rows: list[dict[str, object]] = []
    for src in sorted(SOURCES, key=lambda s: s.address):
        taken = 0
        for raw_name, path, commit in src.files:
            lines = (RAW / raw_name).read_text(encoding="utf-8").splitlines()
            if src.mode == "star":
                answers = star_answers(lines, src.options)
            elif src.mode == "example":
                answers = example_answers(lines, src.options)
            elif src.mode == "js":
                answers = js_answers(lines, src.options)
            elif src.mode == "numbered":
                answers = numbered_answers(lines, src.options)
            else:
                answers = span_answers(lines, src.options)
            for question, text in answers:
                counts["1 candidate answers"] += 1
                if taken >= MAX_PER_SOURCE:
                    counts["2 over the 6-per-source cap"] += 1
                    continue
                if question and (
                    NOT_PAST_PROMPT_RE.search(question) or not PAST_PROMPT_RE.search(question)
                ):
                    counts["3a dropped: question asks for no past situation"] += 1
                    continue
                words = len(text.split())
                if TEMPLATE_RE.search(text):
                    counts["3 dropped: fill-in template"] += 1
                    continue
                if not MIN_WORDS <= words <= MAX_WORDS:
                    counts["4 dropped: outside 60-700 words"] += 1
                    continue
                if not FIRST_PERSON_RE.search(text):
                    counts["5 dropped: not first person"] += 1
                    continue
                if not PAST_RE.search(text):
                    counts["6 dropped: no first-person past-tense verb"] += 1
                    continue
                g = grams(text)
                if dup_share(g, seen) >= DUP_SHARE:
                    counts["7 dropped: copy of seen_stories.txt"] += 1
                    continue
                if dup_share(g, kept_index) >= DUP_SHARE:
                    counts["8 dropped: copy of a kept answer"] += 1
                    continue
                for gram in g:
                    kept_index[gram].append(len(rows))
                source: dict[str, str] = (
                    {"url": src.url}
                    if src.url
                    else {"repo": src.repo or "", "path": path, "commit": commit}
                )
                row: dict[str, object] = {
                    "text": scrub(text),
                    "question": scrub(question) if question else None,
                    "source": source,
                }
                if src.role:
                    row["role"] = src.role
                rows.append(row)
                taken += 1
        counts[f"kept from {src.address}"] = taken
    counts["9 kept"] = len(rows)
    if len(rows) > MAX_TOTAL:
        pick = sorted(random.Random(SEED).sample(range(len(rows)), MAX_TOTAL))
        rows = [rows[k] for k in pick]
    counts["10 drawn"] = len(rows)
    with OUT.open("w", encoding="utf-8") as fh:
        for n, row in enumerate(rows, 1):
            rec = {"id": f"ss14-{n:03d}", **row}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for key in sorted(counts, key=count_order):
        print(f"{key}: {counts[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
