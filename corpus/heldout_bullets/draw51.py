#!/usr/bin/env python3
"""draw51: deterministic draw of real resume bullets (set51).

Reads only the raw resume texts under raw/ (listed in RESUMES below with their
provenance), extracts the bullet items / highlights of work-experience and
project sections, applies mechanical filters, samples at most 5 lines per resume
with random.Random(51) (resumes sorted by repo), stops at 160 lines, and writes
set51.jsonl.  Run: python3 draw51.py   (offline; prints step counts to stderr)
"""

import hashlib
import json
import os
import random
import re
import sys
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
SEEN = "/work/briefs/seen_texts.txt"
OUT = os.path.join(HERE, "set51.jsonl")
STATS = os.path.join(HERE, "draw51.stats.json")
MAX_PER_RESUME = 5
MAX_TOTAL = 160

# (repo, path in repo, commit (40 hex), role (a job title from the resume));
# raw text in raw/<owner>+<name>__<path with / -> _>
RESUME_TABLE: list[tuple[str, str, str, str]] = [
    (
        "0xA1337/resume",
        "resume.json",
        "76645a4e5ec242bf8b0c8634d548e87cb7a097d7",
        "Full Stack Web3 Developer",
    ),
    (
        "0xPoe/resume",
        "resume.tex",
        "4f2e8755c83768cea16720d3c61f63e232d41e25",
        "Database R&D (PingCAP)",
    ),
    (
        "0xadada/resume",
        "resume.json",
        "dfb193eb186f161fa17d156ba253ede3c47a8a1c",
        "Senior Engineer (Consumer Tech Lead)",
    ),
    (
        "0xaira/resume",
        "resume.tex",
        "5d8aa4938e687d370bb88742c525c4d74311fe86",
        "Blockchain Developer",
    ),
    (
        "0xarash/resume",
        "resume.tex",
        "22511e3795501a1e63bfceac3b97b81514075740",
        "Senior Software Engineer",
    ),
    (
        "0xhaven/0xhaven.github.io",
        "resume.json",
        "9ec0c668bf9e3265bde0ab02506c1464c0f26c68",
        "Senior Site Reliability & DevOps Engineer",
    ),
    (
        "1024Adam/latex_resume",
        "resume.tex",
        "12a5bfb353cba2b39d055e55e933c0274180ec4c",
        "Software Developer",
    ),
    (
        "1235vishal/resume",
        "resume.tex",
        "08e73419bf3711b1b827d9f6e4169248973dda03",
        "Full Stack Development Engineer I",
    ),
    (
        "1987cr/cv",
        "resume.json",
        "84c70142ee6f7145ed7d83a240b9ef38c10f21ed",
        "Senior Full-Stack Developer",
    ),
    (
        "1player/resume",
        "resume.tex",
        "33cba9b43069b14a7c604d50e9645b64e55065a1",
        "Full-stack software engineer",
    ),
    ("2KAbhishek/resume", "resume.tex", "a7c4435191a47aa1ff1dbf82cac6186ebb2382cb", "Tech Lead"),
    ("4rmcyt/resume", "resume.tex", "417e19cad0d49610359abe87a82052cfdccf5b5a", "DevOps Engineer"),
    (
        "512720harshuuuu/Resume",
        "Resume.tex",
        "40caba1bd7358f983c114fcc00088ca016c48ce9",
        "Senior Data Scientist",
    ),
    (
        "56kyle/resume",
        "resume.json",
        "472eddb84243292d2b7ed4fd95880296523821e3",
        "Software Developer II",
    ),
    (
        "5c077m4n/cv",
        "resume.json",
        "0858ecfe43f9756894dc45aa83b3744d510792b6",
        "Full Stack Developer",
    ),
    (
        "6stars/resume",
        "resume.json",
        "6089523d86bc954c5cc603e0fe2fa930963ef46d",
        "Senior Software Engineer II",
    ),
    (
        "99pouria/my-resume",
        "resume.tex",
        "79a2587751c2d636be0d69c9397e7c36a5796f79",
        "Golang Developer",
    ),
    (
        "AJMansfield/resume",
        "resume.tex",
        "442089b98e2071e1b26e55ea4aec65ecf862bec5",
        "Senior Software Engineer",
    ),
    (
        "ASteinheiser/resume",
        "resume.tex",
        "0680ef4ad4e46fbcadb9d592e32e6db8dfad88e5",
        "Senior Software Engineer",
    ),
    (
        "AYastrebov/ayastrebov.github.io",
        "resume.json",
        "b9eaf6c0b53970085a55ef8be740a95da3e5dda0",
        "iOS Software Engineer",
    ),
    (
        "AanikaTahsin/Resume",
        "resume.tex",
        "c5a054b3a5e7607f7d4c340e820c72e3a1838aa3",
        "Software Engineer, Backend",
    ),
    (
        "Ayjrin/resume",
        "Resume.tex",
        "74a81d2bc6a5887f7b8e10ec548e6af0d2ff60f3",
        "Junior Software Engineer",
    ),
    (
        "BDannowitz/Resume",
        "Resume.tex",
        "c645b97f8852346ee76e63af89a16d776388c82d",
        "Data Scientist III",
    ),
    (
        "BraneXZ/Resume",
        "Resume.tex",
        "54e1f5a5b129e6be73c9ca0b4d861e545b12d4d9",
        "Junior Software Developer",
    ),
    (
        "ColeGreenlee/Resume",
        "Resume.tex",
        "b6e57a50f5caa15ff8f1f11cce11042a6d305be6",
        "Software Developer",
    ),
    (
        "CostaEp/my-resume",
        "resume.yaml",
        "5c3af116c7de4919b203c7c9db10ad8a3b5d12cb",
        "DevOps Engineer",
    ),
    (
        "Dawaad/Resume",
        "Resume.tex",
        "5dc9e0283257258896669555b47baea140e33287",
        "Software Engineer",
    ),
    (
        "DenisFuryaev/Resume",
        "src/resume.tex",
        "9f7eada8e96519f66b3e7801e83cf692285b31f3",
        "Backend developer",
    ),
    (
        "Er-Vishal-Kathpalia/Resume-2.0",
        "Resume.tex",
        "91911d45aeff5ce75264c5c3e010148300a7ee5c",
        "Associate Software Engineer",
    ),
    (
        "Ivoah/resume",
        "resume.yaml",
        "7b14c76887003184f4f375f7cfeb308c393d7e35",
        "Software Engineer",
    ),
    (
        "JPMendoza/resume",
        "src/resume.tex",
        "eb67087eaa23ec792461245523b7ca441193107d",
        "User Interface Developer",
    ),
    (
        "McRaeAlex/Resume",
        "src/resume.tex",
        "bb85051ce37b9af5f8c32140dbccfb0fadd50c90",
        "Graphics Programmer",
    ),
    (
        "Naveenksaragadam/Resume",
        "src/resume.tex",
        "8c18eec914595c51e61a6971dda02a80425a5817",
        "Data Engineer",
    ),
    (
        "NowanIlfideme/career.nowan.dev",
        "resume.yaml",
        "c80055efa72b182dbf17a8ac6b4218fd7aaa750d",
        "Lead Data Scientist",
    ),
    (
        "PROxZIMA/resume",
        "src/resume.tex",
        "fb230fd6e6c11c5ecbe0bd07c399eec551312337",
        "Software Engineer",
    ),
    (
        "PrestonTseng/resume",
        "resume.yaml",
        "3688e4362bedefc88a46619a2df06c7c8e706972",
        "Full Stack Engineer",
    ),
    (
        "Rainicy/Resume",
        "src/resume.tex",
        "59a7ce5d2c4f4a294ea92f13986fdc8d0cc7fd6c",
        "Software Engineer (Java)",
    ),
    (
        "StephenBrown2/resume",
        "resume.yaml",
        "b2bade9ab9fa80a5ba98749d8aa95673d13421f9",
        "Software Developer",
    ),
    (
        "allensg/resume",
        "src/resume.tex",
        "c0779c7418165d45b18d6fc7a987b37c6e9dab13",
        "Senior Software Developer",
    ),
    (
        "andgate/resume",
        "src/resume.tex",
        "729637228e3cfa35bc3f097db03610406fdf64f8",
        "Software Developer",
    ),
    (
        "7dpk/resume",
        "resume.tex",
        "4a0960f1b9ece3c8a44d5903bbb0158e08951a17",
        "Full Stack Developer, Co-founder",
    ),
    (
        "AChepurnoi/resume",
        "src/resume.tex",
        "63362d6645becb9bf8a3ad49ad36ad4aca7ac797",
        "Backend Engineer",
    ),
    (
        "AminHP/Resume",
        "Resume.tex",
        "7eb460d0f9c21e929c125502b86dd0bf8e7f3efa",
        "Senior Backend Developer (C#)",
    ),
    (
        "11bthornton/cv",
        "resume.tex",
        "418e49bf0a52dc8acfb413d5b983f5cfff5fbf3a",
        "Software Engineer",
    ),
    (
        "1128alex/resume",
        "resume.tex",
        "7b8641ab127633980257f3e2173fd11c3203ceb8",
        "Database Developer",
    ),
    (
        "CoryBond/MyResume",
        "Resume.tex",
        "4a3e34da75a774b5c63bd3dfce791aa6101815ec",
        "Senior Software Developer",
    ),
    (
        "Bhanudeep/Resume",
        "Resume.tex",
        "2342b0ced4eab81baa97039e0b1d4ff3b263e05a",
        "Full Stack Application Developer",
    ),
    (
        "Cyoger/Resume-",
        "Resume.tex",
        "45efb137057cf4abd671bc549a41a72b555dd702",
        "Software Developer",
    ),
    (
        "404Wolf/Resume",
        "resume.tex",
        "c531ddf2d169126a781a06bf55268b4036b6247b",
        "Co-founder; Solo Software Engineer",
    ),
    (
        "Ameet-Rakte/Resume_Latex_Based",
        "Resume.tex",
        "cf0a176fa89a2441c4ca98cb61416cae28503b90",
        "Software Development Engineer",
    ),
    (
        "AGibert13/engineerResume",
        "resume.json",
        "308a54f937a85cc86df10b53b8b10dd57d08d80b",
        "Software Engineer (Contract)",
    ),
    (
        "AlbertSuarez/resume",
        "src/resume.tex",
        "563bdf840cd4c56cae3f59beb6fc7945c73cb765",
        "Principal Software Engineer",
    ),
    (
        "KINFOO/resume",
        "resume.yaml",
        "d8ba4e6a7392bd1c6bd1eebc2ad790796beda521",
        "Senior Full Stack Front End Developer",
    ),
    (
        "Compulsed/resume",
        "src/resume.tex",
        "6b6fbcf275f1edb3b65c6c2a58414d6da35c4031",
        "Junior Developer",
    ),
    (
        "RichardBronosky/resume",
        "resume.yaml",
        "7c9cfd11c8fa1a21e842fd77f8b50e05ce926d63",
        "Principal DevOps Engineer and Trainer",
    ),
    (
        "argandas/resume",
        "src/resume.tex",
        "20f6b3d0e842001d246d4c7b04c4f341ab84394a",
        "Senior Software Developer",
    ),
    (
        "0xC0D3D00D/cv",
        "cv.tex",
        "369d8bde299f7e8bb6160605ef6fe6edcd953aa6",
        "Senior Software Engineer",
    ),
    ("1ast/cv", "cv.tex", "cdb4b5c2c289da5a9b7fd999cf102bd4957ea506", "Android Developer"),
    ("Adrian-Ng/cv", "cv.tex", "c5585640cbab3c3437c282d9935a5e80e5980106", "Data Engineer"),
]

# ---------------------------------------------------------------- section choice
SECTION_INCLUDE = re.compile(
    r"experience|employment|work|projects?\b|career|professional|internship", re.I
)
SECTION_EXCLUDE = re.compile(
    r"education|skill|volunteer|leadership|extracurricular|activit|award|certif|"
    r"interest|summary|course|publication|honou?r|achievement|reference|language|objective",
    re.I,
)


def wanted_section(title: str) -> bool:
    return bool(SECTION_INCLUDE.search(title)) and not SECTION_EXCLUDE.search(title)


# ---------------------------------------------------------------- LaTeX helpers
def strip_comments(t: str) -> str:
    return "\n".join(re.split(r"(?<!\\)%", ln, maxsplit=1)[0] for ln in t.split("\n"))


def brace_arg(s: str, i: int) -> tuple[str | None, int]:
    """s[i] should be '{' (after optional whitespace).

    Return (content, index after closing brace) or (None, i).
    """
    j = i
    while j < len(s) and s[j] in " \t\r\n":
        j += 1
    if j >= len(s) or s[j] != "{":
        return None, i
    d = 0
    k = j
    while k < len(s):
        c = s[k]
        if c == "\\":
            k += 2
            continue
        if c == "{":
            d += 1
        elif c == "}":
            d -= 1
            if d == 0:
                return s[j + 1 : k], k + 1
        k += 1
    return s[j + 1 :], len(s)


def opt_arg(s: str, i: int) -> tuple[str | None, int]:
    j = i
    while j < len(s) and s[j] in " \t":
        j += 1
    if j < len(s) and s[j] == "[":
        d = 0
        k = j
        while k < len(s):
            if s[k] == "[":
                d += 1
            elif s[k] == "]":
                d -= 1
                if d == 0:
                    return s[j + 1 : k], k + 1
            k += 1
    return None, i


def remove_cmd_with_arg(t: str, name: str) -> str:
    """Remove \\name{...} including its (brace-balanced) argument."""
    out = []
    i = 0
    pat = re.compile(r"\\" + name + r"(?![A-Za-z])")
    while True:
        m = pat.search(t, i)
        if not m:
            out.append(t[i:])
            break
        out.append(t[i : m.start()])
        _, e = brace_arg(t, m.end())
        i = e
    return "".join(out)


HEADING_CMDS = (
    r"section|cvsection|CVSection|resumeSection|ressection|resheading|roottitle|header|"
    r"sectionTitle|mysection"
)
HEADING_RE = re.compile(
    r"\\(?:" + HEADING_CMDS + r")\*?(?![A-Za-z])|\\begin\{(?:rSection|resume_section)\}"
)


def latex_regions(body: str) -> list[tuple[str, str]]:
    """Split body at section headings; return list of (title, text) for wanted sections."""
    heads = []
    for m in HEADING_RE.finditer(body):
        e = m.end()
        _, e = opt_arg(body, e)
        title, e2 = brace_arg(body, e)
        if title is None:
            continue
        heads.append((m.start(), e2, title))
    regions = []
    for n, (_start, e, title) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(body)
        ttxt = clean_latex(title)
        if wanted_section(ttxt):
            regions.append((ttxt, body[e:end]))
    return regions


def macro_arity(full: str, name: str, default: int) -> int:
    m = re.search(r"\\(?:re)?newcommand\*?\s*\{?\\" + name + r"\}?\s*\[(\d)\](\s*\[)?", full)
    if not m:
        return default
    return int(m.group(1)) - (1 if m.group(2) else 0)  # [n][default]: first argument is optional


BULLET_MACROS = {
    "resumeItem": 1,
    "cvitem": 2,
    "cvlistitem": 1,
    "resitem": 1,
    "resumeSubItem": 2,
    "cvachievement": 3,
}
ITEM_STOP = re.compile(
    r"\\item(?![A-Za-z])|\\end\{|\\begin\{|\\resumeItemListEnd|\\resumeItemListStart|"
    r"\\(?:resumeSubheading|resumeProjectHeading|cventry|cvevent|datedsubsection|subsection|"
    r"runsubsection|company|ressubheading|resumeItemHeading)(?![A-Za-z])"
)


def latex_items(region: str, full: str) -> list[str]:
    items = []  # (pos, raw text)
    # 1) plain \item bullets
    for m in re.finditer(r"\\item(?![A-Za-z])", region):
        e = m.end()
        _, e = opt_arg(region, e)
        stop = ITEM_STOP.search(region, e)
        txt = region[e : stop.start() if stop else len(region)]
        items.append((m.start(), txt))
    # 2) bullet macros (\resumeItem{..}, \cvitem{label}{text}, ...): the last argument is the bullet
    for name, default in BULLET_MACROS.items():
        n = macro_arity(full, name, default)
        for m in re.finditer(r"\\" + name + r"(?![A-Za-z])", region):
            e = m.end()
            _, e = opt_arg(region, e)
            args = []
            for _ in range(n):
                a, e2 = brace_arg(region, e)
                if a is None:
                    break
                args.append(a)
                e = e2
            if name == "cvitem" and args and args[0].strip():
                # moderncv \cvitem{label}{..}: a labelled row (location, tools), not a bullet
                continue
            if args:
                items.append((m.start(), args[-1]))
    items.sort(key=lambda x: x[0])
    return [t for _, t in items]


LAYOUT_WITH_ARG = [
    "vspace",
    "hspace",
    "vskip",
    "hskip",
    "includegraphics",
    "color",
    "textcolor@",
    "label",
    "setlength",
    "addtolength",
    "zh",
    "fontsize",
    "raisebox@",
    "rule",
    "faIcon",
    "phantom",
]


def clean_latex(t: str) -> str:
    t = t.replace("\r", "")
    # \href{url}{text} -> text ; \url{x} -> x (URL filter handles it later)
    out = []
    i = 0
    while True:
        m = re.search(r"\\(?:href|hrefColored)(?![A-Za-z])", t[i:])
        if not m:
            out.append(t[i:])
            break
        s = i + m.start()
        out.append(t[i:s])
        e = i + m.end()
        if t[i + m.start() :].startswith("\\hrefColored"):
            _, e = brace_arg(t, e)  # colour
        _, e = brace_arg(t, e)  # url
        txt, e = brace_arg(t, e)  # text
        out.append(txt or "")
        i = e
    t = "".join(out)
    for name in LAYOUT_WITH_ARG:
        if name.endswith("@"):
            # drop first arg only (keep the content arg)
            base = name[:-1]
            t = re.sub(r"\\" + base + r"\s*\{[^{}]*\}", "", t)
        else:
            t = remove_cmd_with_arg(t, name)
    t = re.sub(r"\\en(?![A-Za-z])", "", t)
    t = re.sub(r"\\char`\\?(.)", r"\1", t)
    t = re.sub(r"\\text(?:right|)arrow(?![A-Za-z])", "->", t)
    reps = [
        (r"\\&", "&"),
        (r"\\%", "%"),
        (r"\\\$", "$"),
        (r"\\#", "#"),
        (r"\\_", "_"),
        (r"\\textbar(?![A-Za-z])", "|"),
        (r"\\textasciitilde(?![A-Za-z])\s*", "~"),
        (r"\\sim(?![A-Za-z])", "~"),
        (r"\\times(?![A-Za-z])", "x"),
        (r"\\approx(?![A-Za-z])", "~"),
        (r"\\rightarrow(?![A-Za-z])|\\to(?![A-Za-z])", "->"),
        (r"\\ldots(?![A-Za-z])|\\dots(?![A-Za-z])", "..."),
        (r"\\LaTeX(?![A-Za-z])", "LaTeX"),
        (r"\\TeX(?![A-Za-z])", "TeX"),
        (r"\\textgreater(?![A-Za-z])", ">"),
        (r"\\textless(?![A-Za-z])", "<"),
        (r"\\pm(?![A-Za-z])", "+/-"),
        (r"\\geq?(?![A-Za-z])", ">="),
        (r"\\leq?(?![A-Za-z])", "<="),
        (r"\\cdot(?![A-Za-z])", "·"),
        (r"\\bullet(?![A-Za-z])|\\textbullet(?![A-Za-z])", ""),
        (r"\\'\{?e\}?", "é"),
        (r'\\"\{?o\}?', "ö"),
        (r'\\"\{?u\}?', "ü"),
        (r"\\\\(\[[^\]]*\])?", " "),
        (r"\\newline(?![A-Za-z])", " "),
        (r"\\,", " "),
        (r"\\ ", " "),
        (r"\\\^", "^"),
        (r"\\!", ""),
        (r"\\[;:]", " "),
        (r"---", "—"),
        (r"--", "–"),
        (r"``", '"'),
        (r"''", '"'),
        (r"`", "'"),
    ]
    for a, b in reps:
        t = re.sub(a, b, t)
    # drop remaining command names, keep their {content}
    t = re.sub(r"\\[A-Za-z@]+\*?(\[[^\]]*\])?", " ", t)
    t = t.replace("$", "")
    t = re.sub(r"(?<!\\)[{}]", "", t)
    t = t.replace("~", " ") if re.search(r"\w~\w", t) else t
    t = re.sub(r"\s+", " ", t).strip()
    t = re.sub(r"\s+([,.;:!?)])", r"\1", t)
    t = re.sub(r"\(\s+", "(", t)
    return t.strip(" -–•*")


def extract_tex(text: str) -> list[str]:
    full = strip_comments(text)
    m = re.search(r"\\begin\{document\}", full)
    body = full[m.end() :] if m else full
    body = remove_cmd_with_arg(body, "zh")  # bilingual (en/zh) resumes: keep the English side
    lines = []
    for _title, region in latex_regions(body):
        for raw in latex_items(region, full):
            lines.append(clean_latex(raw))
    return lines


# ---------------------------------------------------------------- JSON / YAML
BULLET_KEYS = {
    "highlights",
    "bullets",
    "responsibilities",
    "achievements",
    "accomplishments",
    "details",
    "items",
    "tasks",
}


def clean_markup(t: str) -> str:
    t = re.sub(r"<[^>]+>", " ", t)  # HTML tags
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)  # markdown links
    t = re.sub(r"\\([~^\-_*#&%$])", r"\1", t)  # backslash-escaped characters
    t = re.sub(r"(\*\*|__|`)", "", t)
    t = re.sub(r"(?<!\w)\*(?!\s)([^*]+)(?<!\s)\*(?!\w)", r"\1", t)
    t = (
        t.replace("&amp;", "&")
        .replace("&mdash;", "—")
        .replace("&ndash;", "–")
        .replace("&nbsp;", " ")
    )
    t = re.sub(r"\s+", " ", t).strip()
    return t.strip(" -•*")


def collect_bullets(node: Any, out: list[str]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            if str(k).lower() in BULLET_KEYS and isinstance(v, list):
                for x in v:
                    if isinstance(x, str):
                        out.append(clean_markup(x))
            elif isinstance(v, (dict, list)):
                collect_bullets(v, out)
    elif isinstance(node, list):
        for x in node:
            collect_bullets(x, out)


def extract_struct(data: Any) -> list[str]:
    """JSON Resume / YAML resumes: bullets under work/experience/projects sections (any nesting)."""
    lines = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                key = str(k)
                if wanted_section(key.replace("_", " ")) or key in (
                    "work",
                    "workExperience",
                    "jobHistory",
                ):
                    collect_bullets(v, lines)
                elif isinstance(v, (dict, list)):
                    walk(v)
        elif isinstance(node, list):
            for x in node:
                walk(x)

    walk(data)
    return lines


def extract(path: str, text: str) -> list[str]:
    if path.endswith(".tex"):
        return extract_tex(text)
    if path.endswith(".json"):
        return extract_struct(json.loads(text))
    if path.endswith(".yaml") or path.endswith(".yml"):
        import yaml

        return extract_struct(yaml.safe_load(text))
    raise ValueError(path)


# ------------------------------------------------------------- owner names (personal-data filter)
# names the header parser cannot read (custom header macros); read off the resume header by hand
# (as sha256 prefixes of each name word, so no name is published here; a line holding a word whose
# hash is listed is dropped, as a line holding a parsed name word is)
MANUAL_NAME_HASHES = {
    "Rainicy/Resume": ["1c8e2c2ba9636343", "41ec196561648a0a"],
    "404Wolf/Resume": ["b4aa13e43f976d0e", "ea858afbf837aae7"],
    "Compulsed/resume": ["4ba2abfae98eca69", "8c8c3aec3e2c76da"],
}


def _word_hash(w: str) -> str:
    return hashlib.sha256(w.encode()).hexdigest()[:16]


def owner_names(path: str, text: str, repo: str = "") -> tuple[set[str], set[str]]:
    names = []
    if path.endswith(".json"):
        d = json.loads(text)
        names.append(((d.get("basics") or {}).get("name")) or "")
    elif path.endswith((".yaml", ".yml")):
        import yaml

        d = yaml.safe_load(text)
        for k in ("basics", "cv", "contact"):
            if isinstance(d.get(k), dict) and d[k].get("name"):
                names.append(d[k]["name"])
        if d.get("name"):
            names.append(d["name"])
    else:
        t = strip_comments(text)
        for m in re.finditer(r"\\(?:name|namesection|cvheading)(?![A-Za-z])", t):
            e = m.end()
            for _ in range(2):
                a, e2 = brace_arg(t, e)
                if a is None:
                    break
                names.append(clean_latex(a))
                e = e2
        for pat in (
            r"\\name\s*\{",
            r"\\maintitle\s*\{",
            r"\\author\s*\{",
            r"\\firstname\s*\{",
            r"\\familyname\s*\{",
            r"\\lastname\s*\{",
            r"\\centering\{\\textbf\{\\huge\s",
        ):
            for m in re.finditer(pat, t):
                a, _ = brace_arg(t, m.end() - 1)
                if a:
                    names.append(clean_latex(a))
        m = re.search(r"\\begin\{document\}", t)
        head = t[m.end() : m.end() + 1500] if m else t[:1500]
        for m2 in re.finditer(r"\\(?:Huge|huge|LARGE|Large)(?![A-Za-z])", head):
            names.append(clean_latex(head[m2.end() : m2.end() + 80].split("\\\\")[0].split("}")[0]))
    toks = set()
    for n in names:
        for w in re.findall(r"[A-Za-z][A-Za-z'\-]+", n or ""):
            if (
                len(w) >= 3
                and w[0].isupper()
                and w.lower()
                not in ("resume", "curriculum", "vitae", "scshape", "textbf", "name", "your", "the")
            ):
                toks.add(w)
    return toks, set(MANUAL_NAME_HASHES.get(repo, ()))


# ---------------------------------------------------------------- mechanical filters
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"(?<!\w)(\+?\d[\d\s().-]{7,}\d)(?!\w)")
URL = re.compile(
    r"https?://|www\.|\b[\w-]+\."
    r"(com|org|net|io|dev|me|ai|co|app|edu|gov|ca|in|uk|de|xyz|tech|info|site)(/|\b)(?!\.\w)",
    re.I,
)
STREET = re.compile(
    r"\b\d{1,5}\s+([A-Z][a-z]+\s+){1,3}"
    r"(Street|St\.|Avenue|Ave\.?|Road|Rd\.|Boulevard|Blvd|Lane|Drive|Dr\.|Court|Way|Suite)\b"
)


def phone_like(s: str) -> bool:
    for m in PHONE.finditer(s):
        digits = re.sub(r"\D", "", m.group(1))
        g = m.group(1)
        if (
            10 <= len(digits) <= 15
            and not re.fullmatch(r"(19|20)\d\d\s*[-–]\s*(19|20)\d\d", g.strip())
            and re.search(r"[\s().-]", g)
            and not re.search(r"\d\.\d", g)
        ):
            return True
    return False


def personal(s: str, names: tuple[set[str], set[str]]) -> bool:
    name_words, hashes = names
    if EMAIL.search(s) or URL.search(s) or STREET.search(s) or phone_like(s):
        return True
    words = set(re.findall(r"[A-Za-z][A-Za-z'\-]+", s))
    return bool(words & name_words) or any(_word_hash(w) in hashes for w in words)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def ngrams(lines: Any, n: int = 6) -> set[tuple[str, ...]]:
    g = set()
    for ln in lines:
        w = re.findall(r"\w+", ln.lower())
        for i in range(len(w) - n + 1):
            g.add(tuple(w[i : i + n]))
    return g


def main() -> None:
    with open(SEEN, encoding="utf-8") as f:
        seen = {norm(x) for x in f.read().split("\n") if x.strip()}
    table = sorted(RESUME_TABLE, key=lambda r: (r[0], r[1]))
    stats: dict[str, Any] = {"resumes_listed": len(table), "per_resume": []}
    seen_grams = ngrams(seen)
    kept_grams: list[set[tuple[str, ...]]] = []
    out_rows: list[dict[str, Any]] = []
    global_seen: set[str] = set()
    tot = {"extracted": 0, "len_ok": 0, "no_personal": 0, "not_seen": 0, "not_dup": 0}
    rng = random.Random(51)
    dropped_overlap: list[str] = []
    dropped_seen: list[str] = []
    for repo, path, commit, role in table:
        fn = os.path.join(RAW, repo.replace("/", "+") + "__" + path.replace("/", "_"))
        with open(fn, encoding="utf-8") as f:
            text = f.read()
        lines = [ln for ln in extract(path, text) if ln]
        names = owner_names(path, text, repo)
        # near-duplicate resume check (forks/copies): >=30% of its word 6-grams shared with a
        # kept resume
        g = ngrams(lines)
        overlap = max((len(g & k) / len(g) for k in kept_grams), default=0.0) if g else 0.0
        rec: dict[str, Any] = {"repo": repo, "path": path, "extracted": len(lines)}
        overlap_seen = len(g & seen_grams) / len(g) if g else 0.0
        if overlap_seen >= 0.30:
            rec["dropped"] = (
                "shares >=30% word 6-grams with already-seen texts (copy of a used resume) "
                f"({overlap_seen:.2f})"
            )
            dropped_seen.append(repo)
            stats["per_resume"].append(rec)
            continue
        if overlap >= 0.30:
            rec["dropped"] = f"shares >=30% word 6-grams with a kept resume ({overlap:.2f})"
            dropped_overlap.append(repo)
            stats["per_resume"].append(rec)
            continue
        kept_grams.append(g)
        tot["extracted"] += len(lines)
        c1 = [ln for ln in lines if 6 <= len(ln.split()) <= 60]
        c2 = [ln for ln in c1 if not personal(ln, names)]
        c3 = [ln for ln in c2 if norm(ln) not in seen]
        c4 = []
        for ln in c3:
            k = norm(ln)
            if k in global_seen:
                continue
            global_seen.add(k)
            c4.append(ln)
        for key, c in (("len_ok", c1), ("no_personal", c2), ("not_seen", c3), ("not_dup", c4)):
            tot[key] += len(c)
        rec.update(
            {"len_ok": len(c1), "no_personal": len(c2), "not_seen": len(c3), "eligible": len(c4)}
        )
        if len(out_rows) >= MAX_TOTAL:
            rec["sampled"] = 0
            stats["per_resume"].append(rec)
            continue
        pick = rng.sample(c4, min(MAX_PER_RESUME, len(c4)))
        pick = pick[: MAX_TOTAL - len(out_rows)]
        rec["sampled"] = len(pick)
        stats["per_resume"].append(rec)
        for ln in pick:
            out_rows.append(
                {
                    "text": ln,
                    "source": {"repo": repo, "path": path, "commit": commit, "role": role},
                    "resume": repo + "#" + path,
                }
            )
    with open(OUT, "w", encoding="utf-8") as f:
        for i, r in enumerate(out_rows, 1):
            row = {
                "id": f"hb51-{i:03d}",
                "text": r["text"],
                "source": r["source"],
                "resume": r["resume"],
            }
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    stats.update(tot)
    stats["dropped_overlap"] = dropped_overlap
    stats["dropped_seen_copy"] = dropped_seen
    stats["resumes_used"] = sum(1 for r in stats["per_resume"] if r.get("sampled"))
    stats["lines_out"] = len(out_rows)
    with open(STATS, "w") as f:
        json.dump(stats, f, indent=1)
    print(json.dumps({k: v for k, v in stats.items() if k != "per_resume"}), file=sys.stderr)


if __name__ == "__main__":
    main()
