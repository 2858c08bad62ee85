"""Collect real first-person STAR-style behavioural answers, with sources, and split them.

Usage: python corpus/star_stories/build.py MIRROR_DIR

Sources (see README.md): spoken answers from the MIT Interview Dataset transcripts
(a copy in Riddle95/NLP_Detect-the-ideal-candidate-for-HR-Analytics) and written story
banks in people's own interview-prep repositories. Plain regex; no starkit code.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
SEED = 20261202

MIT_REPO = "Riddle95/NLP_Detect-the-ideal-candidate-for-HR-Analytics"
MIT_PATH = "interview_transcripts_by_turkers.csv"
# (repo, path) of written story banks; each heading section that tells one story is kept
WRITTEN = [
    (
        "omars-lab/omars-lab.github.io",
        "bytesofpurpose-blog/docs/craft/interview-prep/preparing/personal-story-bank.mdx",
    ),
    ("dougirrazabal/docs", "slip-box/story-toolbox.md"),
    ("SbrTa/Notes", "Behavioral/README.md"),
    ("george24601/george24601.github.io", "_posts/2019/2019-11-04-behaviorial.md"),
    ("george24601/george24601.github.io", "_posts/2021/2021-01-25-behavioral.md"),
    ("ramanagali/Interview_Guide", "Behavioral_interview_Questions.md"),
]

BEHAVIOURAL_Q = re.compile(
    r"tell (me )?about (a|one|how a|the) ?time|give (me )?an example|describe a (time|situation)|"
    r"time (when|that|where) you|demonstrated leadership|faced (a|with a) challenge|"
    r"team player",
    re.I,
)
MIN_WORDS = 60


def git(mirror: Path, repo: str, *args: str) -> str:
    g = mirror / repo.replace("/", "+", 1) / "repo"
    return subprocess.run(
        ["git", "-C", str(g), *args], capture_output=True, text=True, errors="replace"
    ).stdout


def mit_stories(mirror: Path) -> list[dict]:
    commit = git(mirror, MIT_REPO, "rev-parse", "HEAD").strip()
    rows = list(csv.reader(io.StringIO(git(mirror, MIT_REPO, "show", f"HEAD:{MIT_PATH}"))))
    out = []
    for code, details in rows[1:]:
        turns = [t.strip() for t in details.split("|") if t.strip()]
        i = 0
        while i < len(turns):
            who, _, said = turns[i].partition(":")
            if who.strip().lower() == "interviewer" and BEHAVIOURAL_Q.search(said):
                question = " ".join(said.split())
                answer: list[str] = []
                j = i + 1
                while j < len(turns):
                    w, _, s = turns[j].partition(":")
                    if w.strip().lower() == "interviewee":
                        answer.append(" ".join(s.split()))
                    elif "?" in s or len(s.split()) >= 6:
                        break  # the next question; short interviewer turns are backchannel
                    j += 1
                text = " ".join(answer).strip()
                if len(text.split()) >= MIN_WORDS and not re.search(r"my name is", text, re.I):
                    participant = re.sub(r"^p+", "", code)  # p12 and pp12 are one person
                    out.append(
                        {
                            "text": text,
                            "question": question,
                            "source": {
                                "repo": MIT_REPO,
                                "path": MIT_PATH,
                                "commit": commit,
                                "row": code,
                            },
                            "_group": f"mit-{participant}",
                        }
                    )
                i = j
            else:
                i += 1
    return out


def clean_md(t: str) -> str:
    t = re.sub(r"<[^>]+>", " ", t)
    t = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", t)
    t = re.sub(r"(\*\*|__)(.+?)\1", r"\2", t)
    t = re.sub(r"^\s*>\s?", "", t, flags=re.M)
    t = re.sub(r"^\s*[-*]\s+", "", t, flags=re.M)
    t = t.replace("`", "")
    return "\n".join(line.strip() for line in t.splitlines() if line.strip())


def written_stories(mirror: Path) -> list[dict]:
    out = []
    for repo, path in WRITTEN:
        src = git(mirror, repo, "show", f"HEAD:{path}")
        commit = git(mirror, repo, "rev-parse", "HEAD").strip()
        src = re.sub(r"(?s)^---.*?---", "", src)  # front matter
        # one story per heading section (### / ####) or per numbered bold question
        parts = re.split(r"(?m)^(#{2,4} .*|\d+\. \*\*.*\*\*.*)$", src)
        heading = ""
        for part in parts:
            if re.match(r"^(#{2,4} |\d+\. \*\*)", part):
                heading = clean_md(re.sub(r"^#+\s*|^\d+\.\s*", "", part)).strip("✅ ")
                continue
            text = clean_md(part)
            text = re.sub(r"(?m)^Tip:.*$|^.*Click to expand.*$", "", text)
            asked = re.search(r"(?m)^Example Question:\s*(.*)$", text)
            question = asked.group(1).strip('" ') if asked else heading
            text = re.sub(r"(?m)^Example Question:.*$", "", text).strip()
            text = "\n".join(x for x in text.splitlines() if x.strip())
            if re.search(
                r"follow-up|tips|guideline|usage|purpose|template|metadata", heading, re.I
            ):
                continue
            if not (BEHAVIOURAL_Q.search(question) or re.search(r"\bSituation\b", text)):
                continue  # not a behavioural story (e.g. "why this company?")
            words = text.split()
            first_person = len(re.findall(r"\b(I|my|me)\b", text))
            if len(words) < MIN_WORDS or first_person < 2:
                continue
            if re.search(r"\[(your|company|project|topic|colleague)", text, re.I):
                continue  # an unfilled template, not a story
            out.append(
                {
                    "text": text,
                    "question": question,
                    "source": {"repo": repo, "path": path, "commit": commit},
                    "_group": repo,
                }
            )
    return out


def main() -> None:
    mirror = Path(sys.argv[1])
    stories = mit_stories(mirror) + written_stories(mirror)
    seen, rows = set(), []
    for s in stories:
        k = re.sub(r"[^a-z0-9]+", "", s["text"].lower())
        if k in seen:
            continue
        seen.add(k)
        rows.append(s)
    for n, r in enumerate(rows, 1):
        r["id"] = f"st{n:04d}"

    def public(r: dict) -> dict:
        return {"id": r["id"], "text": r["text"], "question": r["question"], "source": r["source"]}

    groups = sorted({r["_group"] for r in rows})
    rng = random.Random(SEED)
    rng.shuffle(groups)
    # half of the groups to each split, alternating, so both hold written and spoken stories
    written = [g for g in groups if not g.startswith("mit-")]
    spoken = [g for g in groups if g.startswith("mit-")]
    dev_groups = set(written[0::2] + spoken[0::2])
    split = {"dev": [], "sealed": []}
    for r in rows:
        split["dev" if r["_group"] in dev_groups else "sealed"].append(public(r))
    for name, part in [("stories", [public(r) for r in rows]), *split.items()]:
        with (HERE / f"{name}.jsonl").open("w") as fh:
            for r in part:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(name, len(part), file=sys.stderr)


if __name__ == "__main__":
    main()
