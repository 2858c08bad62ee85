"""Draw set58: real resume bullets of founders, designers, sales and customer-success people.

Reads the raw resume files kept under raw/ and writes set58.jsonl. Deterministic: random.Random(58).
"""

import hashlib
import html
import json
import random
import re
from pathlib import Path

from set_filter import KEEP_RE as KEEP

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEN = Path("/work/briefs/seen_texts.txt")
OUT = HERE / "set58.jsonl"
MAX_PER_RESUME = 4
MAX_TOTAL = 200
COPY_SHARE = 0.30

# repo, path, commit, role, format, start regex, end regex, sha256[:12] of the owner's name words
RESUMES: list[dict] = [
    {
        "repo": "fkhan747/Faraz-Khan-UX-Portfolio",
        "path": "frontend/src/pages/Resume.jsx",
        "commit": "d7dbae795beec973c985fcd6e9a2fad83646a5a8",
        "role": "Senior UX Lead",
        "fmt": "jsarr",
        "start": r"const EXPERIENCE",
        "end": r"\n\];",
        "name": ["14e9198ed403", "1ef393f2c077"],
    },
    {
        "repo": "Mthomaswicher/my-ux-portfolio",
        "path": "lib/career.ts",
        "commit": "7e06cd4a4f6054d8f99406c103b89068a72befca",
        "role": "Senior Product Designer",
        "fmt": "jsarr",
        "start": r"CAREER_STAGES",
        "end": r"",
        "name": ["d38681074467", "a244dc4062b6"],
    },
    {
        "repo": "weareuntitled/ux-portfolio",
        "path": "src/app/(site)/cv/page.tsx",
        "commit": "198f6aab4f16c41cb5bc355bf37cbe0c40c8dfce",
        "role": "Senior Product Designer & Process Analyst",
        "fmt": "li",
        "start": r"",
        "end": r"",
        "name": ["bd3dae5fb91f", "5b92408a0fd2"],
    },
    {
        "repo": "uxmeas/ux-portfolio",
        "path": "careers/resume.html",
        "commit": "7d7629257a6e6005b1fe675ef2bee9088a8a9609",
        "role": "Product Design Consultant",
        "fmt": "li",
        "start": r'section-title">Experience<',
        "end": r"",
        "name": ["4163291c997e", "39b03e6ed7e6"],
    },
    {
        "repo": "iamhtk/Product-Design-Portfolio",
        "path": "src/components/ResumePage.tsx",
        "commit": "a547d4a2daffc58ce16226b31a1cfd3f921ab88d",
        "role": "Product Designer, AI Applications",
        "fmt": "li",
        "start": r"EXPERIENCE",
        "end": r"AWARDS &(amp;)? FEATURES",
        "name": ["429590ad5e0c", "6f2bd17dc192"],
    },
    {
        "repo": "pcjitsu/React-Portfolio",
        "path": "src/pages/resume.jsx",
        "commit": "201d303f93904c7de6f233833247a8aca8c16360",
        "role": "Growth Business Revenue Cloud Account Executive",
        "fmt": "p",
        "start": r"<h2>(?!EDUCATION)",
        "end": r"<h2>ADDITIONAL INFORMATION",
        "name": [],
    },
    {
        "repo": "cloudbyharsh/PMPortfolio",
        "path": (
            "OneDrive - George Brown College/Desktop/PRODUCT MANAGEMENT/PERSONAL PROJECT/"
            "Harsh Shah PM CSM Site/portfolio-website-2-main/components/Experience.tsx"
        ),
        "commit": "31bdd040e5cae83cc907ab2edfd2e25eb130556b",
        "role": "Strategic Customer Success Manager",
        "fmt": "jsarr",
        "start": r"",
        "end": r"function RoleBlock",
        "name": ["bd878fa2293d", "24cba1263475"],
    },
    {
        "repo": "fojeiku/Faith-Ojeiku-Product-Portfolio",
        "path": "src/pages/Resume.jsx",
        "commit": "c00028d6fd1cadc8a6e726ea714b97a594569161",
        "role": "Chief Operating Officer",
        "fmt": "li",
        "start": r"PROFESSIONAL EXPERIE",
        "end": r">EDUCATION",
        "name": ["2b93b177b554", "0d0eb84f2cca"],
    },
    {
        "repo": "Avisav24/Product-Management-Portfolio",
        "path": "src/components/home/experience.tsx",
        "commit": "29bcc5fe0083d6238a6a140e64a9a61d423819c0",
        "role": "Co-Founder & Product Owner",
        "fmt": "jsarr",
        "start": r"const EXPERIENCES",
        "end": r"\n\];",
        "name": [],
    },
    {
        "repo": "Kenechi-Okonkwo/product-designer-portfolio",
        "path": "src/components/Experience.jsx",
        "commit": "63b26ca3ea3572030aa3150aa22c861f93d46837",
        "role": "Product Designer",
        "fmt": "jsarr",
        "start": r"",
        "end": r"\n\];",
        "name": ["849cd2fe57d2", "b91b954f5240", "d1eded4276f1"],
    },
    {
        "repo": "manasarapuru/product-designer-portfolio",
        "path": "src/pages/Resume.jsx",
        "commit": "1de4b9d2532f0d4cb81ec64b9958282eed74c089",
        "role": "Scientific Product Designer & Bioinformatics Scientist",
        "fmt": "jsarr",
        "start": r"role:\s*'",
        "end": r"",
        "name": ["81d06beb5cb0", "1da1ebc421f8"],
    },
    {
        "repo": "dreampink/ux-portfolio",
        "path": "src/routes/About.tsx",
        "commit": "32929f3533115a9a572e4a4ba36010813031fe63",
        "role": "Product Design Lead",
        "fmt": "jsarr",
        "start": r"Experience &(amp;)? Achieveme",
        "end": r"title: 'Computer Science Graduate'",
        "name": ["a6a517897f8f"],
    },
    {
        "repo": "kjsoo991207-jpg/ux-portfolio",
        "path": "public/resume/jinsoo-kim-cv.html",
        "commit": "b26d937912b06c7c0cc2ee4f859ea03dfa17f3af",
        "role": "Product Designer",
        "fmt": "li",
        "start": r'section-title">Projects<',
        "end": r'section-title">Skills<',
        "name": ["04d5a56b0af9", "26ae784d194a"],
    },
    {
        "repo": "mikegebremeskel/product-manager-portfolio",
        "path": "src/pages/experience.astro",
        "commit": "9f0a71eaba84b1d4b8f28dee275b08761290bf21",
        "role": "Co-Founder & COO",
        "fmt": "jsarr",
        "start": r"const roles",
        "end": r"\n\];",
        "name": ["64b4d0f47c93", "15eea231e622"],
    },
    {
        "repo": "lucashale1/product-portfolio",
        "path": "src/resources/content.tsx",
        "commit": "7163160a1b90cea01abb5b8e0b6ff6756135793d",
        "role": "Product Manager & Co-founder",
        "fmt": "frag",
        "start": r'title: "Experience"',
        "end": r'title: "Education"',
        "name": ["7cadab457ad8", "f4f4df455146"],
    },
    {
        "repo": "Kevinbad/pmportfolio",
        "path": "src/components/Experience.jsx",
        "commit": "abdfd27398f43e075c3dd84b407ab01c5e259040",
        "role": "Chief Business Officer | Technical Project Manager & Operations Lead",
        "fmt": "jsarr",
        "start": r"",
        "end": r"\n\s*\];",
        "name": ["85f5e10431f6", "2399dfaae5ab"],
    },
    {
        "repo": "morrowchristian/morrow-portfolio",
        "path": "src/data/experience.ts",
        "commit": "effc49f96f2cbe3d4812d23efa2de37843e77b9b",
        "role": "Team Lead, Emergency Roadside Operations",
        "fmt": "jsarr",
        "start": r"",
        "end": r"",
        "name": ["df59c257785d", "d4d2a85a6a4f"],
    },
    {
        "repo": "BasinLeon/basinleon.github.io",
        "path": "resume.html",
        "commit": "6ce5a77482f8d862aed50093b46b4a5b1bdb4113",
        "role": "Founding GTM Member, Business Development",
        "fmt": "li",
        "start": r'id="record-title"',
        "end": r'id="brief"',
        "name": ["1534cf2af76e", "163834bf87e4"],
    },
    {
        "repo": "jeon11/academic-kickstart",
        "path": "content/home/experience.md",
        "commit": "a2e5f98a4d60f2c5e3ee43b0582d964f1c002b7e",
        "role": "UX Research Associate",
        "fmt": "md",
        "start": r"",
        "end": r"",
        "name": ["4e766f099e98", "6440ffe3880c"],
    },
    {
        "repo": "serhii-kucherenko/marchenko.design",
        "path": "app/components/experience/experience.data.ts",
        "commit": "c913fa48eecb00954564b933da09825b09e9246e",
        "role": "Product Design Lead",
        "fmt": "jsarr",
        "start": r"",
        "end": r"",
        "name": ["f53460b9de69", "bab41ce15057"],
    },
    {
        "repo": "thkro1978/Portfolio",
        "path": "content/jobs",
        "commit": "088013dfff934460785ccca27163e86305def8e2",
        "role": "Head of UX",
        "fmt": "md",
        "start": r"",
        "end": r"",
        "name": ["d38681074467", "bdafda6651c2", "4bf9b1de2e46"],
    },
    {
        "repo": "samsongz/samdotcom",
        "path": "src/data.js",
        "commit": "db6cb22e7c4d494bdd1e6f6673b27c0bf8c0e642",
        "role": "Founder & CTO",
        "fmt": "li",
        "start": r"workHistory",
        "end": r'title: "Undergraduate Student"',
        "name": ["e96e02d8e47f", "d4a83e68937b"],
    },
    {
        "repo": "sobradob/sobradob.github.io",
        "path": "content/homepage/experience.md",
        "commit": "b11a26da819b9e975f0f34d0a708f63e956fe071",
        "role": "Founder",
        "fmt": "md",
        "start": r"",
        "end": r"",
        "name": ["dea808f21a5e", "c29514e457c6"],
    },
    {
        "repo": "Paigej/portfolio-site",
        "path": "src/data/resume/positions.js",
        "commit": "ca29989afec5b57218fa07aad174bce75f3b0b18",
        "role": "Technical UX Designer II",
        "fmt": "jsarr",
        "start": r"",
        "end": r"",
        "name": ["dc1f68437c6f", "06ef54e48ce1"],
    },
    {
        "repo": "mxmkhv/licheff",
        "path": "content/resume.js",
        "commit": "f1ab4ac0ba018ea45805ec0f8358d578ffd713a4",
        "role": "UX Designer",
        "fmt": "jsarr",
        "start": r"",
        "end": r"",
        "name": ["e9cad2ce273e"],
    },
]

EMAIL = re.compile(r"\S+@\S+\.\w+")
PHONE = re.compile(r"\+?\d[\d\s().-]{8,}\d")
URL = re.compile(r"https?://|www\.|\b[\w-]+\.(com|io|org|net|dev|me|co)\b", re.I)
STREET = re.compile(
    r"\b\d+\s+\w+(\s\w+)?\s(street|st\.|avenue|ave\.?|road|rd\.|blvd|lane|drive)\b", re.I
)
ARRAY_KEYS = r"(bulletPoints|points|bullets|description|highlights|achievements|items)"


def raw_file(rec: dict) -> Path:
    """Return the raw copy of a resume file."""
    return RAW / rec["repo"].replace("/", "+") / rec["path"].replace("/", "__")


def section(text: str, start: str, end: str) -> str:
    """Cut the text to the span between the start and end regexes (empty = file edge)."""
    if start:
        m = re.search(start, text)
        text = text[m.start() :] if m else ""
    if end:
        m = re.search(end, text)
        text = text[: m.start()] if m else text
    return text


def strip_markup(s: str) -> str:
    """Remove tags, JSX expressions and entities; collapse whitespace."""
    s = re.sub(r"\\\s*\n", " ", s)
    s = re.sub(r"\{\s*['\"]\s*['\"]\s*\}", " ", s)
    s = re.sub(r"\{['\"]([^{}]*)['\"]\}", r"\1", s)
    s = re.sub(r"<[^>]+>", " ", s)
    s = re.sub(r"\{[^{}]*\}", " ", s)
    s = html.unescape(s).replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip()
    return s.lstrip("-•*– ").strip()


def js_strings(block: str) -> list[str]:
    """String literals of a JS/TS array body."""
    out = []
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'|`([^`]*)`', block):
        val = next(g for g in m.groups() if g is not None)
        out.append(val.replace("\\'", "'").replace('\\"', '"').replace("\\n", " "))
    return out


def md_bullets(text: str) -> list[str]:
    """Markdown list items, with wrapped continuation lines joined."""
    items: list[str] = []
    cur: list[str] | None = None
    for line in text.splitlines():
        m = re.match(r"\s*[-*•]\s+(.*)", line)
        if m:
            if cur:
                items.append(" ".join(cur))
            cur = [m.group(1)]
        elif cur is not None and line.strip() and not re.match(r"\s*([#<\[]|\*\*|\"\"\")", line):
            cur.append(line.strip())
        else:
            if cur:
                items.append(" ".join(cur))
            cur = None
    if cur:
        items.append(" ".join(cur))
    items = [x for x in items if not re.match(r"[a-z_]+:(\s|$)", x)]  # YAML keys, not bullets
    return [re.sub(r"\*\*|__|`", "", x) for x in items]


def extract(rec: dict) -> list[str]:
    """Bullet items of the experience/project part of one resume."""
    text = section(raw_file(rec).read_text(encoding="utf-8"), rec["start"], rec["end"])
    items: list[str] = []
    if rec["fmt"] == "jsarr":
        for m in re.finditer(ARRAY_KEYS + r"\s*:\s*\[", text):
            depth, i = 1, m.end()
            while i < len(text) and depth:
                depth += {"[": 1, "]": -1}.get(text[i], 0)
                i += 1
            items.extend(js_strings(text[m.end() : i - 1]))
    elif rec["fmt"] == "li":
        items = re.findall(r"<li\b[^>]*>(.*?)</li>", text, re.S)
    elif rec["fmt"] == "md":
        items = md_bullets(text)
    elif rec["fmt"] == "frag":
        items = re.findall(r"<>(.*?)</>", text, re.S)
    elif rec["fmt"] == "p":
        items = re.findall(r"<p\b[^>]*>(.*?)</p>", text, re.S)
    return [strip_markup(x) for x in items]


def has_personal(line: str, name_hashes: list[str]) -> bool:
    """True when the line holds contact data or a word of the owner's name."""
    if EMAIL.search(line) or PHONE.search(line) or URL.search(line) or STREET.search(line):
        return True
    words = re.findall(r"[a-z]+", line.lower())
    return any(hashlib.sha256(w.encode()).hexdigest()[:12] in name_hashes for w in words)


def grams6(text: str) -> set[tuple[str, ...]]:
    """Word 6-grams of a text (lowercase, punctuation dropped)."""
    words = re.findall(r"[a-z0-9%$']+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def overlap(mine: set[tuple[str, ...]], other: set[tuple[str, ...]]) -> float:
    """Share of my 6-grams that also occur in the other set."""
    return len(mine & other) / len(mine) if mine else 0.0


def norm(s: str) -> str:
    """Whitespace-normalised lowercase text."""
    return re.sub(r"\s+", " ", s).strip().lower()


def main() -> None:
    """Run the draw and write set58.jsonl."""
    seen = {norm(x) for x in SEEN.read_text(encoding="utf-8").splitlines() if x.strip()}
    used: set[str] = set()
    counts = dict.fromkeys(
        [
            "resumes_dropped_as_copies",
            "items",
            "drop_length",
            "drop_personal",
            "drop_seen",
            "drop_duplicate",
            "drop_regex",
        ],
        0,
    )
    pools: list[tuple[dict, list[str]]] = []
    seen_grams: set[tuple[str, ...]] = set()
    for line in SEEN.read_text(encoding="utf-8").splitlines():
        seen_grams |= grams6(line)
    kept_grams: list[set[tuple[str, ...]]] = []
    for rec in sorted(RESUMES, key=lambda r: (r["repo"], r["path"])):
        g = grams6(" ".join(extract(rec)))
        if overlap(g, seen_grams) >= COPY_SHARE or any(
            overlap(g, h) >= COPY_SHARE for h in kept_grams
        ):
            counts["resumes_dropped_as_copies"] += 1
            print(f"  copy/seen (>=30% 6-grams): {rec['repo']}")
            continue
        kept_grams.append(g)
        kept = []
        for line in extract(rec):
            n = norm(line)
            counts["items"] += 1
            if not 6 <= len(line.split()) <= 60:
                counts["drop_length"] += 1
                continue
            if has_personal(line, rec["name"]):
                counts["drop_personal"] += 1
                continue
            if n in seen:
                counts["drop_seen"] += 1
                continue
            if n in used:
                counts["drop_duplicate"] += 1
                continue
            used.add(n)
            if not KEEP.search(line):
                counts["drop_regex"] += 1
                continue
            kept.append(line)
        pools.append((rec, kept))
    rng = random.Random(58)
    rng.shuffle(pools)
    rows = []
    for rec, kept in pools:
        pick = rng.sample(kept, min(MAX_PER_RESUME, len(kept)))
        for line in pick:
            if len(rows) >= MAX_TOTAL:
                break
            rows.append(
                {
                    "id": f"hb58-{len(rows) + 1:03d}",
                    "text": line,
                    "source": {
                        "repo": rec["repo"],
                        "path": rec["path"],
                        "commit": rec["commit"],
                        "role": rec["role"],
                    },
                    "resume": f"{rec['repo']}#{rec['path']}",
                }
            )
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(
        f"resumes={len(pools)} lines={len(rows)} " + " ".join(f"{k}={v}" for k, v in counts.items())
    )
    for rec, kept in sorted(pools, key=lambda p: p[0]["repo"]):
        print(f"  {rec['repo']}: {len(extract(rec))} items, {len(kept)} pass filters")


if __name__ == "__main__":
    main()
