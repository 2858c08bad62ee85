"""Extract achievement bullets from fetched public resume repositories.

Usage: python corpus/resume_bullets/extract.py MIRROR_DIR REPOS_FILE OUT_JSONL [--templates]

REPOS_FILE lists one ``owner/name`` a line; MIRROR_DIR holds ``owner+name/repo``
git directories (bare snapshots). Reads the HEAD tree with ``git show``.
Plain regex only; no starkit code.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

EXTS = (".tex", ".md", ".markdown", ".json", ".yaml", ".yml", ".html", ".htm", ".typ")
SKIP_PATH = re.compile(
    r"node_modules|vendor/|package(-lock)?\.json|tsconfig|composer|\.github/|_site/|dist/|"
    r"build/|public/assets|lock|schema|theme|template|example|sample|test|i18n|locale|"
    r"changelog|license|contributing|code_of_conduct|\.vscode|\.devcontainer",
    re.I,
)
WANT_PATH = re.compile(
    r"resume|(^|[/_.-])cv|experience|work[_-]?history|employment|(^|/)projects?(/|\\.)|career|vita|"
    r"(^|/)(index|readme|about)\.",
    re.I,
)
POSTS = re.compile(r"(^|/)_?(posts|blog|drafts|notes|docs)/", re.I)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\+?\d[\d\s().-]{8,}\d")
URL = re.compile(r"(https?://|www\.)\S+|\b[\w-]+\.(com|io|dev|me|org|net|app)/\S*", re.I)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, errors="replace"
    ).stdout


def balanced(s: str, i: int) -> tuple[str, int]:
    """Return the brace group starting at s[i] == '{'."""
    depth = 0
    for j in range(i, len(s)):
        c = s[j]
        if c == "\\":
            continue
        if c == "{" and (j == 0 or s[j - 1] != "\\"):
            depth += 1
        elif c == "}" and (j == 0 or s[j - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return s[i + 1 : j], j + 1
    return s[i + 1 :], len(s)


TEX_DROP_CMDS = re.compile(
    r"\\(vspace|hspace|vskip|hfill|noindent|small|footnotesize|scriptsize|"
    r"normalsize|large|Large|newline|linebreak|par|quad|qquad|centering|"
    r"raggedright|color\{[^}]*\}|textcolor\{[^}]*\})\*?(\{[^}]*\})?"
)


def clean_tex(t: str) -> str:
    t = re.sub(r"(?<!\\)%.*", "", t)
    t = re.sub(r"\\href\{[^}]*\}\{", "{", t)
    t = re.sub(r"\\url\{[^}]*\}", "", t)
    t = TEX_DROP_CMDS.sub(" ", t)
    t = re.sub(r"\\(fa[A-Za-z]+|icon\w*)\*?(\{[^}]*\})?", "", t)
    for _ in range(4):
        t = re.sub(r"\\[A-Za-z]+\*?(\[[^\]]*\])?\{([^{}]*)\}", r"\2", t)
    t = t.replace("\\%", "%").replace("\\$", "$").replace("\\&", "&").replace("\\#", "#")
    t = t.replace("\\_", "_").replace("~", " ").replace("--", "–").replace("``", '"')
    t = t.replace("''", '"').replace("\\\\", " ").replace("$\\sim$", "~").replace("\\sim", "~")
    t = re.sub(r"\$([^$]*)\$", r"\1", t)
    t = re.sub(r"\\[A-Za-z]+\*?", "", t)
    t = t.replace("{", "").replace("}", "")
    return t


def tex_items(src: str) -> list[str]:
    src = re.sub(r"(?<!\\)%.*", "", src)
    # drop macro definitions
    src = re.sub(r"\\(re)?newcommand.*", "", src)
    out = []
    for m in re.finditer(
        r"\\(resumeItem|resumeSubItem|cvitem|cvlistitem|itemi|cvbullet)\s*\{", src
    ):
        body, _ = balanced(src, m.end() - 1)
        if m.group(1) == "resumeSubItem":  # {title}{text}
            rest = src[m.end() - 1 + len(body) + 2 :]
            if rest.lstrip().startswith("{"):
                k = len(rest) - len(rest.lstrip())
                body2, _ = balanced(rest, k)
                body = body2
        if "\\item" in body or "\\begin" in body:
            continue
        out.append(body)
    # \item ... up to next \item or \end
    for m in re.finditer(
        r"\\item(\[[^\]]*\])?\s+(.+?)(?=\\item\b|\\end\{|\\resume\w*(ListEnd|Heading)|\\section|\\cventry|\\subsection)",
        src,
        re.S,
    ):
        body = m.group(2)
        if "\\resumeSubheading" in body or "tabular" in body or "\\begin" in body:
            continue
        out.append(body)
    return [clean_tex(b) for b in out]


MD_BULLET = re.compile(r"^\s{0,6}(?:[-*+•]|\d+[.)])\s+(.+)$")


def clean_md(t: str) -> str:
    t = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", t)
    t = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", t)
    t = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", t)  # reference-style link
    t = re.sub(r"<[^>]+>", "", t)
    t = re.sub(r"(\*\*|__)(.+?)\1", r"\2", t)
    t = re.sub(r"(?<![\w*])[*_](\S.*?\S|\S)[*_](?![\w*])", r"\1", t)
    t = t.replace("`", "")
    return html.unescape(t)


def md_items(src: str) -> list[str]:
    out, buf = [], None
    skip_section = False
    for line in src.splitlines():
        h = re.match(r"^\s*#{1,6}\s*(.*)", line)
        if h:
            skip_section = bool(
                re.search(
                    r"skill|education|contact|language|interest|certif|tool|stack|tech",
                    h.group(1),
                    re.I,
                )
            )
            if buf:
                out.append(buf)
            buf = None
            continue
        m = MD_BULLET.match(line)
        if m:
            if buf:
                out.append(buf)
            buf = None if skip_section else m.group(1)
        elif (
            buf is not None
            and line.strip()
            and line.startswith("  ")
            and not line.strip().startswith(("-", "*"))
        ):
            buf += " " + line.strip()
        else:
            if buf:
                out.append(buf)
            buf = None
    if buf:
        out.append(buf)
    return [clean_md(b) for b in out]


def json_items(obj: object, key_path: tuple[str, ...] = ()) -> list[str]:
    out = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            kl = str(k).lower()
            if kl in (
                "education",
                "skills",
                "languages",
                "interests",
                "basics",
                "references",
                "certificates",
                "meta",
            ):
                continue
            if kl in (
                "highlights",
                "achievements",
                "bullets",
                "responsibilities",
                "accomplishments",
                "details",
                "points",
                "tasks",
            ) and isinstance(v, list):
                out += [clean_md(str(x)) for x in v if isinstance(x, str)]
            else:
                out += json_items(v, (*key_path, kl))
    elif isinstance(obj, list):
        for x in obj:
            out += json_items(x, key_path)
    return out


YAML_TEXT_KEYS = {"text", "description", "summary", "highlight", "detail", "bullet"}


def yaml_items(src: str) -> list[str]:
    """RenderCV / jekyll data: list items under highlights-like keys."""
    cur: list[str] = []
    lines = src.splitlines()
    active_indent = None
    for line in lines:
        m = re.match(
            r"^(\s*)(-\s+)?(highlights|achievements|bullets|responsibilities|accomplishments|"
            r"details|points|description|summary)\s*:\s*(\|)?\s*$",
            line,
        )
        if m:
            active_indent = len(m.group(1)) + (2 if m.group(2) else 0)
            continue
        if active_indent is not None:
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            ind = len(line) - len(line.lstrip())
            if ind <= active_indent and not s.startswith("- "):
                active_indent = None
                continue
            if ind < active_indent:
                active_indent = None
                continue
            b = re.match(r"^-\s+(.+)$", s)
            kv = re.match(r"^(?:-\s+)?([A-Za-z_]+):\s*(.*)$", s)
            if kv and kv.group(1).lower() not in YAML_TEXT_KEYS:
                continue  # another field of a mapping item (source:, date:, url: ...)
            if kv:
                cur.append(kv.group(2).strip())
            elif b:
                cur.append(b.group(1).strip())
            elif cur:
                cur[-1] += " " + s  # folded continuation line
    return [clean_md(unquote(v)) for v in cur]


def unquote(v: str) -> str:
    if len(v) > 1 and v[0] in "'\"" and v[-1] == v[0]:
        v = v[1:-1].replace("''", "'").replace('\\"', '"')
    return v


def html_items(src: str) -> list[str]:
    src = re.sub(r"(?s)<(script|style|nav|head|footer)[^>]*>.*?</\1>", "", src)
    out = []
    for m in re.finditer(r"(?s)<li[^>]*>(.*?)</li>", src):
        t = re.sub(r"<[^>]+>", "", m.group(1))
        out.append(html.unescape(" ".join(t.split())))
    return out


SKILL_LINE = re.compile(r"^[A-Z][\w /&+-]{1,30}:\s*\S")
EDU = re.compile(
    r"\b(GPA|CGPA|coursework|course work|bachelor|master'?s? of|B\.?Sc|B\.?Tech|M\.?Sc|"
    r"high school|percentage|dean'?s list|graduat)",
    re.I,
)
CITATION = re.compile(
    r"\bdoi\b|\bpp\.\s*\d|\bvol\.\s*\d|arxiv|proceedings of|journal of|\bin press\b", re.I
)
VERBISH = re.compile(r"^[A-Z][a-z]+(ed|ing|s|t)?\b")


EN_WORDS = {
    "the",
    "and",
    "to",
    "of",
    "for",
    "with",
    "a",
    "in",
    "by",
    "on",
    "using",
    "from",
    "an",
    "as",
    "into",
    "over",
    "at",
    "that",
    "which",
}
OTHER_WORDS = {
    "de",
    "la",
    "le",
    "les",
    "des",
    "et",
    "pour",
    "avec",
    "une",
    "un",
    "du",
    "en",
    "und",
    "der",
    "die",
    "mit",
    "für",
    "von",
    "el",
    "los",
    "las",
    "con",
    "para",
    "y",
    "que",
    "da",
    "do",
    "em",
    "com",
    "het",
    "een",
    "van",
    "voor",
}


def english(t: str) -> bool:
    ws = re.findall(r"[a-zA-Z\u00c0-\u017f]+", t.lower())
    en = sum(w in EN_WORDS for w in ws)
    other = sum(w in OTHER_WORDS for w in ws)
    return other <= en


def keep(t: str) -> str | None:
    t = " ".join(t.split()).strip(" •·–-*,;")
    t = URL.sub("", t)
    t = re.sub(r"\(\s*\)", "", t)
    t = re.sub(
        r"(\s*\[(Read Article|Website|GitHub|Github|Demo|Link|Code|Paper|Slides|Video)\])+\s*$",
        "",
        t,
    )
    t = " ".join(t.split()).strip()
    if EMAIL.search(t) or (
        PHONE.search(re.sub(r"\d+(\.\d+)?\s*(%|x|k|m|ms|s)\b", "", t, flags=re.I))
        and re.search(r"\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}", t)
    ):
        return None
    words = t.split()
    if not 6 <= len(words) <= 80:
        return None
    if sum(c.isascii() for c in t) / len(t) < 0.97 or not english(t):
        return None
    if not re.match(r"^[\"'(A-Za-z0-9$~]", t):
        return None
    if SKILL_LINE.match(t) and t.count(",") >= 2:
        return None
    if EDU.search(t) or CITATION.search(t):
        return None
    if t.count(",") > len(words) / 2.5:
        return None
    if re.search(r"[{}\\<>]|\]\(|lorem ipsum|your name|\[your|xxx", t, re.I):
        return None
    if not re.search(r"[a-z]{3}", t):
        return None
    lw = [w for w in words if w[:1].isalpha()]
    if lw and sum(w[0].isupper() for w in lw) / len(lw) > 0.6:
        return None  # a title, not a sentence
    return t


def extract_file(path: str, src: str) -> list[str]:
    pl = path.lower()
    items: list[str] = []
    if pl.endswith(".tex"):
        items = tex_items(src)
    elif pl.endswith((".md", ".markdown")):
        items = md_items(src)
    elif pl.endswith(".json"):
        try:
            items = json_items(json.loads(src))
        except ValueError:
            items = []
    elif pl.endswith((".yaml", ".yml")):
        items = yaml_items(src)
    elif pl.endswith((".html", ".htm")) and re.search(r"resume|cv", pl):
        items = html_items(src)
    return items


def main() -> None:
    mirror, repos_file, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    every_path = (
        "--templates" in sys.argv
    )  # template origins: their samples live in example/ folders
    repos = [
        r.strip()
        for r in repos_file.read_text().splitlines()
        if r.strip() and not r.startswith("#")
    ]
    n = 0
    with out.open("w") as fh:
        for repo in repos:
            g = mirror / repo.replace("/", "+", 1) / "repo"
            if not g.exists():
                continue
            commit = git(g, "rev-parse", "HEAD").strip()
            files = [
                f
                for f in git(g, "ls-tree", "-r", "--name-only", "HEAD").splitlines()
                if f.lower().endswith(EXTS)
                and (
                    (every_path and "node_modules" not in f)
                    or (
                        not SKIP_PATH.search(f)
                        and WANT_PATH.search(f)
                        and not (POSTS.search(f) and not re.search(r"(^|/)_?resume/", f, re.I))
                    )
                )
            ]
            # a README only counts when the repo has no other resume source
            main_files = [f for f in files if not re.search(r"readme", f, re.I)]
            if main_files:
                files = main_files
            for f in files:
                src = git(g, "show", f"HEAD:{f}")
                if len(src) > 400_000:
                    continue
                for raw in extract_file(f, src):
                    t = keep(raw)
                    if t:
                        fh.write(
                            json.dumps(
                                {"text": t, "source": {"repo": repo, "path": f, "commit": commit}}
                            )
                            + "\n"
                        )
                        n += 1
    print(n, "bullets written", file=sys.stderr)


if __name__ == "__main__":
    main()
