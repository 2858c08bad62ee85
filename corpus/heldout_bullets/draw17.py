#!/usr/bin/env python3
"""set17 / pool17: achievement lines of livecareer resumes.

Source: the public Kaggle "Resume Dataset" (snehaanbhawal/resume-dataset), drawn with seed 17.
No starkit import; lines are never chosen or dropped for what a rule would do.

Usage:  draw17.py DATA_DIR --out OUT_DIR [--corpus CORPUS_DIR] [--layout-cache FILE]
                  [--dump FILE]
        (needs pdfminer.six; ~6 minutes for the 1,231 PDFs; CORPUS_DIR defaults to the
        `corpus/` above this file)

DATA_DIR is the dataset's per-category PDF folder (`data/<CATEGORY>/<ID>.pdf`), as published
by the dataset's author in github.com/Sbhawal/resumeScraper @
6373d2dc71744f734a8876ae1de4a764960e777d (path `data/`).  Each PDF was rendered by the author
from the CSV's `Resume_html` column (`pdfkit.from_string(Resume_html, ID + ".pdf")`,
`create_pdfs.ipynb`), so its file name is the CSV `ID` and its folder the CSV `Category`.  The
CSV itself (`Resume.csv`, ~54 MB) is in the same repository but is over the 4 MiB a snapshot
here carries, in every copy found.

Steps:
 1. text rows of every PDF of the kept categories (pdfminer.six layout; segments on one
    baseline joined);
 2. rows joined into the writer's lines: a row continues the previous one only when the
    previous row was wrapped (it reaches the right margin so closely that the next row's first
    word could not have fitted, or the next row starts lower-case after a row without final
    punctuation); a bullet glyph starts a new line; cp1252/UTF-8 mojibake of the PDF rendering
    repaired ("â€™" -> "’", "Â " -> " "); HTML entities decoded;
 3. sections: lines under Experience / Professional Experience / Work History / Work Experience
    / Relevant Experience / Military Experience / Accomplishments / Core Accomplishments /
    Career Accomplishments / Achievements / Projects headings kept; every other section
    (Summary, Skills, Highlights, Education, Certifications, Interests, ...) not;
 4. each line split at sentence ends; role header rows (a date range, "Company Name",
    "City , State") and job-title rows next to them dropped, then pieces under 5 or over 60
    words, skills lists, pieces with an e-mail / phone / URL / postal address / person's name,
    pieces with mojibake the repair could not undo; whitespace normalised, words kept exactly
    as written;
 5. texts equal (lowercase, punctuation stripped, whitespace collapsed) to a
    `corpus/**/*.jsonl` text dropped, and repeats within the dataset kept once (first in ID
    order);
 6. resumes split at random (random.Random(17)) into halves A (set17) and B (pool17), then the
    draw (see draw()).
"""

import argparse
import contextlib
import glob
import html
import json
import os
import random
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

REPO = "Sbhawal/resumeScraper"
COMMIT = "6373d2dc71744f734a8876ae1de4a764960e777d"
KEEP = [
    "SALES",
    "BUSINESS-DEVELOPMENT",
    "DIGITAL-MEDIA",
    "PUBLIC-RELATIONS",
    "CONSULTANT",
    "INFORMATION-TECHNOLOGY",
    "BANKING",
    "FINANCE",
    "HR",
    "DESIGNER",
    "ARTS",
]
SEED = 17
N_SET_DIGIT, N_SET_PLAIN, SET_CAP = 200, 60, 3
N_POOL, POOL_CAP = 1500, 6
Row = dict[str, Any]
Resume = tuple[str, str]  # (id, category)
Line = tuple[str, str, str]  # (id, category, text)
MAX_WORDS = 60  # longer pieces are paragraphs whose sentence ends were lost, not lines


# ---------------------------------------------------------------- 1. layout
def rows_of(path: str) -> list[Row]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLineHorizontal

    def lines(obj: Any) -> Iterator[Any]:
        if isinstance(obj, LTTextLineHorizontal):
            yield obj
        elif isinstance(obj, LTTextContainer) or hasattr(obj, "__iter__"):
            try:
                for o in obj:
                    yield from lines(o)
            except TypeError:
                return

    out = []
    for pno, page in enumerate(extract_pages(path, laparams=LAParams())):
        segs = []
        for ln in lines(page):
            t = ln.get_text().rstrip("\n")
            if not t.strip():
                continue
            fw, started = 0.0, False
            for c in ln:
                if not isinstance(c, LTChar):
                    continue
                if c.get_text().isspace():
                    if started:
                        break
                    continue
                started = True
                fw += c.width
            segs.append(
                dict(
                    page=pno,
                    y=round((ln.y0 + ln.y1) / 2, 1),
                    h=round(ln.y1 - ln.y0, 1),
                    x0=round(ln.x0, 1),
                    x1=round(ln.x1, 1),
                    text=t,
                    fw=round(fw, 1),
                )
            )
        segs.sort(key=lambda s: (-s["y"], s["x0"]))
        rows = []
        for s in segs:
            if rows and abs(rows[-1]["y"] - s["y"]) <= 2.0:
                r = rows[-1]
                r["text"] = r["text"] + " " + s["text"]
                r["x1"] = max(r["x1"], s["x1"])
                if s["x0"] < r["x0"]:
                    r["x0"], r["fw"] = s["x0"], s["fw"]
            else:
                rows.append(dict(s))
        out.extend(rows)
    return out


# ---------------------------------------------------------------- 2. text repair
_CP = {}
for b in range(0x80, 0x100):
    with contextlib.suppress(UnicodeDecodeError):
        _CP[bytes([b]).decode("cp1252")] = b
# the PDF text shows a byte cp1252 cannot show (0x81 0x8d 0x8f 0x90 0x9d, soft hyphen 0xad)
# as U+200B
_LOST = "\u200b"
_MOJI = re.compile(
    "[\u00c2-\u00f4]["
    + re.escape("".join(sorted(set(list(_CP) + [chr(i) for i in range(0x80, 0xC0)] + [_LOST]))))
    + "]{1,3}"
)


def _cpbytes(seg: str) -> list[bytes]:
    """Every byte string seg may have been (a lost byte can be any of the five)."""
    opts = [b""]
    for ch in seg:
        o = ord(ch)
        if ch == _LOST:
            cands = [0xAD, 0x81, 0x8D, 0x8F, 0x90, 0x9D]
        elif o < 0x80:
            cands = [o]
        elif ch in _CP:
            cands = [_CP[ch]]
        elif o < 0x100:
            cands = [o]
        else:
            return []
        opts = [b + bytes([c]) for b in opts for c in cands]
    return opts


_COMMON = "\u201d\u25cf\uff0d\u2756\u2010\u00ad\u00ed"


def unmojibake(s: str) -> str:
    """Undo the PDF rendering's UTF-8-read-as-cp1252.

    E.g. "â€™" -> "’", "â€¢" -> "•"; words untouched.
    """

    def rep(m: re.Match[str]) -> str:
        seg = m.group(0)
        for k in range(len(seg), 1, -1):  # longest prefix that decodes
            outs = []
            for b in _cpbytes(seg[:k]):
                try:
                    outs.append(b.decode("utf-8"))
                except UnicodeDecodeError:
                    continue
            # a lost byte: the reading that gives a common mark
            # ("”", "●", "－", "❖", "‐", soft hyphen, "í")
            if outs:
                best = sorted((o for o in outs if o in _COMMON), key=_COMMON.index) or outs
                return best[0] + seg[k:]
        return seg

    for _ in range(2):  # a little text was encoded twice
        s = _MOJI.sub(rep, s)
    s = re.sub(
        "(?<=[A-Za-z])[\u00c2\u00ad](?=[A-Za-z])", "-", s
    )  # soft hyphen inside a word: "in-house"
    s = re.sub("[\u0080-\u009f\u00ad]", " ", s)  # C1 controls, stray soft hyphens
    s = re.sub("\u00c2(?=[\\s\u00a0]|$)", " ", s)  # "Â" left by a lost no-break space
    s = re.sub("[\u200b\u200c\u200d\u2028\ufeff]", " ", s)
    s = s.replace("\u00a0", " ")
    return s


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def unentity(s: str) -> str:
    """HTML entities left in the writer's text ("&ndash;", "&amp;") decoded."""
    return html.unescape(s) if "&" in s else s


# ---------------------------------------------------------------- 3. sections
INCLUDE_RE = re.compile(
    r"^((relevant |professional |work |military |relevant professional |related |employment |"
    r"volunteer |leadership |teaching |additional |internship |industry )?(experience|history)|"
    r"work history|employment history|experience and accomplishments|"
    r"(core |career |key |selected |professional |major |notable )?(accomplishments|achievements)|"
    r"projects|key projects|selected projects)$",
    re.I,
)
HEADINGS = {
    h.lower()
    for h in """Skills|Education|Summary|Highlights|Additional Information|Education and Training|
Professional Summary|Interests|Languages|Professional Affiliations|Certifications|
Skill Highlights|Core Qualifications|Executive Profile|Affiliations|Qualifications|
Personal Information|Career Overview|Activities and Honors|Technical Skills|Presentations|
Professional Profile|Career Focus|Profile|Executive Summary|Summary of Skills|Publications|
Computer Skills|Core Strengths|Educational Background|Objective|Professional Overview|
Technical Skills and Qualifications|Community Service|Key Skills|Core Competencies|Licenses|
Awards|Areas of Expertise|Summary of Qualifications|Volunteer|Community Involvement|
Professional Development|Additional Skills|References|Honors|Honors and Awards|
Awards and Honors|Certifications and Licenses|Licenses and Certifications|Training|
Volunteer Work|Interests and Activities|Activities|Skills and Abilities|Software|
Memberships|Professional Memberships|Certificates|Credentials|Education and Certifications|
Accreditations|Hobbies|Military Service|Objective Statement|Career Objective|
Professional Skills|Summary of Experience|Experience Summary|Qualifications Summary|
Professional Qualifications|Technical Proficiencies|Skills Summary|Areas of Strength|
Strengths|Competencies|Expertise|Additional Training|Training and Certifications|
Conferences|Relevant Coursework|Coursework|Associations|Professional Associations|
Community Activities|Volunteer Activities|Leadership|Research|Research Experience|
Extracurricular Activities|Awards and Recognition|Recognition|Portfolio|Specialized Skills|
Work Preferences|Accomplishments and Awards""".replace("\n", "").split("|")
}


def heading(text: str) -> str | None:
    t = ws(text).rstrip(":").strip()
    if INCLUDE_RE.match(t):
        return "in"
    if t.lower() in HEADINGS:
        return "out"
    return None


# ---------------------------------------------------------------- 4. lines and pieces
BULLET = re.compile(r"^\s*(?:[•●▪◦·§➢❖\uf0a7\uf0b7\ufffd\-–*]|\?(?=[A-Z]))\s*")
INLINE_BULLET = re.compile(r"\s*[•●▪➢❖\uf0a7\uf0b7\uf046]\s*|\s+[◦·§](?:\s+|(?=[A-Z])|$)")
DATE_RANGE = re.compile(
    r"(\b\d{1,2}/\d{2,4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4}|"
    r"\b(?:19|20)\d{2})\s*(?:to|-|–|—)\s*(current|present|now|date|\d{1,2}/\d{2,4}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4}|(?:19|20)\d{2})\b",
    re.I,
)
HEADER_BITS = re.compile(
    r"Company Name|City\s*,\s*State|\bCity\b\s*$|^\s*State\s*$|^\s*(to|Current|Present)\s*$"
)


def is_header(text: str) -> bool:
    t = ws(text)
    if HEADER_BITS.search(t):
        return True
    m = DATE_RANGE.search(t)
    if m and len((t[: m.start()] + t[m.end() :]).split()) <= 14 and not re.search(r"[.!?]$", t):
        return True
    return False


def looks_title(text: str) -> bool:
    t = ws(text)
    w = t.split()
    if not w or len(w) > 10 or re.search(r"[.!?;:]$", t):
        return False
    caps = sum(1 for x in w if x[0].isupper() or not x[0].isalpha())
    return caps >= 0.7 * len(w)


def logical_lines(rows: list[Row]) -> list[dict[str, Any]]:
    """(section_state, text) for every line the writer wrote, wraps joined."""
    if not rows:
        return []
    right = max(r["x1"] for r in rows)
    out, cur, state = [], None, None
    prev = None
    for r in rows:
        text = unentity(unmojibake(r["text"]))
        h = heading(text)
        if h is not None:
            if cur:
                out.append(cur)
            cur, state, prev = None, h, None
            continue
        bullet = bool(BULLET.match(text)) and not re.match(r"^\s*-\s*\d", text)
        body = BULLET.sub("", text, count=1) if bullet else text
        hdr = is_header(body)
        slack = right - prev["x1"] - r["fw"] if prev is not None else None
        wrapped = (
            prev is not None
            and not bullet
            and not hdr
            and not prev["hdr"]
            and (
                slack <= 8.0
                or (
                    body.strip()[:1].islower()
                    and slack <= 80.0
                    and not re.search(r"[.!?:;]$", prev["text"].strip())
                )
            )
        )
        if wrapped and cur:
            cur["text"] = cur["text"] + " " + body.strip()
            cur["parts"].append(body.strip())
        else:
            if cur:
                out.append(cur)
            cur = dict(state=state, text=body.strip(), hdr=hdr, parts=[body.strip()])
        prev = dict(x1=r["x1"], hdr=hdr, text=body)
    if cur:
        out.append(cur)
    # a job-title row joined onto the end of the line before a header row: split off
    fixed = []
    for i, ln in enumerate(out):
        nxt = out[i + 1] if i + 1 < len(out) else None
        if len(ln["parts"]) > 1 and nxt is not None and nxt["hdr"] and looks_title(ln["parts"][-1]):
            last = ln["parts"].pop()
            ln["text"] = " ".join(ln["parts"])
            fixed.append(ln)
            fixed.append(dict(state=ln["state"], text=last, hdr=False, parts=[last]))
        else:
            fixed.append(ln)
    out = fixed
    # job-title rows standing next to a header row
    for i, ln in enumerate(out):
        if ln["hdr"] or len(ln["parts"]) > 1 or not looks_title(ln["text"]):
            continue
        near = [out[j] for j in (i - 1, i + 1) if 0 <= j < len(out)]
        if any(n["hdr"] for n in near):
            ln["title"] = True
    return out


ABBR = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "jr",
    "sr",
    "inc",
    "co",
    "corp",
    "ltd",
    "no",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "approx",
    "dept",
    "est",
    "u.s",
    "u.k",
    "govt",
    "assn",
    "bros",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mgr",
    "asst",
    "assoc",
    "univ",
    "avg",
    "ft",
    "lbs",
    "wk",
    "yr",
    "yrs",
    "hrs",
    "min",
    "max",
    "mo",
    "ave",
    "blvd",
    "fig",
    "ph",
    "b.s",
    "b.a",
    "m.s",
    "m.a",
    "m.b.a",
}
SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(‘]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    text = ws(text)
    parts, start = [], 0
    for m in SPLIT.finditer(text):
        before = text[start : m.start()].rstrip('"”’)')
        last = before.split()[-1] if before.split() else ""
        tok = last.rstrip(".!?").lower().lstrip('("“')
        if last.endswith(".") and (
            tok in ABBR or re.fullmatch(r"[a-z]", tok) or re.fullmatch(r"([a-z]\.)+[a-z]", tok)
        ):
            continue
        parts.append(text[start : m.start()].strip())
        start = m.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
URL = re.compile(r"https?://|www\.|\b[\w-]+\.(com|org|net|edu|gov|io|co)(/|\b)", re.I)
PHONE = re.compile(r"(\(\d{3}\)\s*\d{3}[-.\s]\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b)")
HONORIFIC = re.compile(
    r"\b(Mr|Mrs|Ms|Miss|Dr|President|Senator|Governor|Mayor|Congressman|Congresswoman|Judge)\.?\s+"
    r"[A-Z][a-z]+"
)
ADDRESS = re.compile(
    r"\b[A-Z]{2},?\s+\d{5}(?:-\d{4})?\b|,\s*\d{5}\s+[A-Z][a-z]+|\bJalan\b"
)  # postal addresses
GARBLED = re.compile("\u00e2\u00e2|\u00e2\u20ac|\u00c3")  # mojibake the repair could not undo
AUTHOR = re.compile(r"\b[A-Z]\. (?:[A-Z]\. )?[A-Z][a-z]{2,},")  # "K. S. Raja," in an author list
FIRST_NAMES = """
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew
Anthony Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Edward Ronald Timothy Jason
Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin
Samuel Gregory Frank Alexander Raymond Patrick Jack Dennis Jerry Tyler Aaron Jose Adam Henry
Nathan Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald
Carl Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie
Gabriel Logan Alan Juan Wayne Roy Ralph Randy Eugene Vincent Russell Elijah Louis Bobby Philip
Johnny Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty
Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah
Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela
Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria Heather
Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith Megan
Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Jean Alice
Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa Sophia
Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Tim Tom Jim Mike Bob Dave
Steve Chris Matt Dan Joe Tony Nick Greg Jeff Ron Ken Rick Rich Don Ed Al Andy Pete Sam Ben Alex
Jon Jake Josh Zach Ray Phil Gene Vince Lou Bill Jamie Jessie Kim Pam Deb Sue Liz Beth Becky
Cathy Kathy Kate Katie Jen Jenny Jenn Jill Jackie Julia Tina Tracy Tammy Terri Wendy Sandy Cindy
Mandy Amy Molly Holly Kelly Shelly Melanie Monica Veronica Erica Erika Jessica Vanessa Tiffany
Crystal Courtney Chelsea Lindsay Lindsey Whitney Kristen Kristin Kirsten Krista Heidi Leah Lori
Lorraine Maureen Colleen Eileen Kathleen Noreen Darlene Charlene Arlene Marlene Jolene Yvonne
Yolanda Wanda Rhonda Tonya Latoya Keisha Tasha Natasha Aisha Cassandra Miranda Amanda Samantha
Brianna Gabrielle Gabriela Adriana Mariana Carmen Rosa Lucia Elena Sofia Camila Valentina Ana
Luis Carlos Jorge Miguel Pedro Manuel Ricardo Fernando Rafael Alejandro Javier Roberto Eduardo
Francisco Antonio Mario Sergio Raul Oscar Hector Ruben Marco Marcus Marc Derek Travis Trevor
Troy Todd Chad Brad Brent Brett Bryce Cody Colin Conor Connor Corey Craig Curtis Dale Darren
Darryl Dean Devin Dustin Dwayne Earl Elliot Evan Gavin Glen Glenn Grant Hunter Ian Isaac Ivan
Jared Jay Jeremiah Jerome Joel Julian Kurt Lance Lee Leon Leonard Leroy Lloyd Luke Malcolm
Marshall Martin Marvin Maurice Max Mitchell Neil Nathaniel Norman Omar Owen Perry Preston
Quentin Reginald Rex Rodney Ross Roland Ron Seth Shane Shawn Spencer Stanley Stuart Ted Terrence
Tristan Victor Wade Warren Wesley Clayton Clifford Calvin Cameron Casey Cecil Chester Clarence
Clyde Cole Damon Darius Duane Edgar Edwin Elliott Ernest Felix Floyd Francis Fred Frederick
Gilbert Gordon Harvey Herbert Howard Hugh Irving Jerald Jimmy Johnnie Kirk Lester Lewis Lorenzo
Luther Melvin Milton Morris Neal Nelson Otis Pat Ramon Ray Roderick Rudy Salvador Sidney
Terrance Tyrone Vernon Wallace Willard Alicia Allison Alyssa Angelina Annie Audrey Autumn
Bethany Bonnie Brandi Brandy Brooke Caitlin Candace Carla Carrie Cassie Claire Claudia Connie
Constance Dana Dawn Delores Dolores Eleanor Elaine Ellen Erin Esther Ethel Eva Faith Felicia
Gail Gina Gwendolyn Hailey Haley Hazel Hilda Irene Jacqueline Jane Janet Jasmine Jeanette Jenna
Jillian Jocelyn Josephine Joy Juanita Kara Karla Katrina Kendra Kristina Kristy Lacey Leslie
Lillian Lily Linda Loretta Lucille Lydia Mabel Marcia Margarita Marian Marianne Marissa Marjorie
Marsha Megan Meredith Mildred Misty Nadia Naomi Nina Nora Norma Olga Paige Paula Pauline Peggy
Penny Phyllis Priscilla Rachael Regina Renee Rita Roberta Robin Robyn Rosemary Roxanne Sabrina
Sally Shannon Sheila Sherry Shelby Sonia Sonya Stacy Stacey Stella Sylvia Tabitha Tamara Tanya
Tara Terry Toni Tracey Valerie Vera Vicki Vickie Viola Vivian Whitney Yesenia Raj Rahul Amit
Sanjay Vijay Anil Sunil Ravi Priya Anjali Deepak Rajesh Suresh Ramesh Mohammed Muhammad Ahmed
Ali Hassan Wei Li Chen Yuki Hiroshi Kenji Abbey Abby"""
FIRST = set(FIRST_NAMES.split())
NAME_INITIAL = re.compile(r"\b([A-Z][a-z]+)\s+[A-Z]\.(?=\s|$)")  # "Michael R."
NAME_START = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:is|was|has|had|served|also|will|would|can|worked|helped|works)\b"
)
PAGE_HEADER = re.compile(
    r"\b[A-Z][a-z]+ Page \d+\b"
)  # "Miller Page 2": the writer's surname in a page header
NAME_PAIR = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][a-z]{2,})\b")


def has_name(t: str) -> bool:
    if HONORIFIC.search(t) or AUTHOR.search(t):
        return True
    if PAGE_HEADER.search(t):
        return True
    for m in NAME_START.finditer(t):
        if m.group(1) in FIRST:
            return True
    for m in NAME_INITIAL.finditer(t):
        if m.group(1) in FIRST:
            return True
    return any(m.group(1) in FIRST for m in NAME_PAIR.finditer(t))


def skills_list(t: str) -> bool:
    seps = len(re.findall(r"[,;|•]| / ", t))
    words = len(t.split())
    if seps >= 4 and words / (seps + 1) < 3.0:
        return True
    return bool(
        re.match(
            r"^(skills|technologies|technical skills|tools|environment|software|languages|"
            r"key skills|core competencies)\s*:",
            t,
            re.I,
        )
    )


def pieces(rows: list[Row]) -> list[str]:
    out = []
    for ln in logical_lines(rows):
        if ln["state"] != "in" or ln["hdr"] or ln.get("title"):
            continue
        for s in (x for chunk in INLINE_BULLET.split(ln["text"]) for x in sentences(chunk)):
            s = ws(s)
            if not (5 <= len(s.split()) <= MAX_WORDS) or is_header(s) or skills_list(s):
                continue
            if (
                EMAIL.search(s)
                or URL.search(s)
                or PHONE.search(s)
                or ADDRESS.search(s)
                or has_name(s)
            ):
                continue
            if GARBLED.search(s):
                continue
            out.append(s)
    return out


# ---------------------------------------------------------------- 5. dedup key
def norm(t: str) -> str:
    t = unicodedata.normalize("NFKC", t).lower()
    t = re.sub(r"[^\w\s]", "", t)
    return re.sub(r"\s+", " ", t).strip()


def corpus_texts(corpus_dir: str, skip: tuple[str, ...] = ()) -> set[str]:
    """Every text of the corpus's line files, normalised; `skip` names more files to leave out."""
    keys = set()
    for p in glob.glob(os.path.join(corpus_dir, "**", "*.jsonl"), recursive=True):
        if ".labels" in os.path.basename(p) or os.sep + "results" + os.sep in p:
            continue
        # this draw's own output, once committed
        if os.path.basename(p) in ("set17.jsonl", "pool17.jsonl", *skip):
            continue
        with open(p, encoding="utf-8") as fh:
            for raw in fh:
                line = raw.strip()
                if not line:
                    continue
                try:
                    d = json.loads(line)
                except ValueError:
                    continue
                if isinstance(d, dict) and isinstance(d.get("text"), str):
                    keys.add(norm(d["text"]))
    return keys


# ---------------------------------------------------------------- 6. draw
def draw(
    resumes: list[Resume], lines_by_resume: dict[str, list[str]]
) -> tuple[list[Resume], list[Resume], list[Line], list[Line]]:
    """resumes: sorted list of (id, category); lines_by_resume: id -> list of eligible texts."""
    rng = random.Random(SEED)
    order = [r for r in resumes]
    rng.shuffle(order)
    half = len(order) // 2
    A, B = order[:half], order[half:]

    def pool_of(group: list[Resume], digit: bool) -> list[Line]:
        return [
            (rid, cat, t)
            for rid, cat in group
            for t in lines_by_resume.get(rid, [])
            if bool(re.search(r"\d", t)) == digit
        ]

    # set17: 200 digit lines then 60 no-digit lines, each by seeded shuffle over all eligible
    # lines of half A, at most 3 a resume (one cap over both shapes)
    per, chosen = {}, []
    for digit, want in ((True, N_SET_DIGIT), (False, N_SET_PLAIN)):
        cand = pool_of(A, digit)
        rng.shuffle(cand)
        got = 0
        for rid, cat, t in cand:
            if got == want:
                break
            if per.get(rid, 0) >= SET_CAP:
                continue
            per[rid] = per.get(rid, 0) + 1
            chosen.append((rid, cat, t))
            got += 1
    rng.shuffle(chosen)

    # pool17: up to 1,500 lines of half B, at most 6 a resume, digit lines first
    perb, pool = {}, []
    for digit in (True, False):
        cand = pool_of(B, digit)
        rng.shuffle(cand)
        for rid, cat, t in cand:
            if len(pool) == N_POOL:
                break
            if perb.get(rid, 0) >= POOL_CAP:
                continue
            perb[rid] = perb.get(rid, 0) + 1
            pool.append((rid, cat, t))
    return A, B, chosen, pool


def rec(i: int, prefix: str, width: int, rid: str, cat: str, t: str) -> dict[str, Any]:
    return {
        "id": f"{prefix}{i:0{width}d}",
        "text": t,
        "source": {
            "repo": REPO,
            "path": f"data/{cat}/{rid}.pdf",
            "commit": COMMIT,
            "row": int(rid),
            "category": cat,
        },
        "resume": f"lc-{rid}",
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir")
    ap.add_argument(
        "--corpus", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    )
    ap.add_argument("--out", required=True)
    ap.add_argument(
        "--layout-cache", help="JSON lines {id, category, rows} from an earlier layout pass"
    )
    ap.add_argument("--dump", help="write every eligible line (before the draw) here")
    a = ap.parse_args()

    if a.layout_cache:
        with open(a.layout_cache) as fh:
            docs = [json.loads(row) for row in fh]
    else:
        docs = []
        for cat in KEEP:
            for fn in sorted(os.listdir(os.path.join(a.data_dir, cat))):
                if fn.endswith(".pdf"):
                    docs.append(
                        dict(
                            id=fn[:-4],
                            category=cat,
                            rows=rows_of(os.path.join(a.data_dir, cat, fn)),
                        )
                    )
    docs = [d for d in docs if d["category"] in KEEP]
    docs.sort(key=lambda d: int(d["id"]))

    seen = corpus_texts(a.corpus)
    n_corpus = len(seen)
    lines, stats = {}, dict(pieces=0, in_corpus=0, repeat=0)
    for d in docs:
        keep = []
        for t in pieces(d["rows"]):
            stats["pieces"] += 1
            k = norm(t)
            if k in seen:
                stats["repeat" if k in lines.get("_keys", set()) else "in_corpus"] += 1
                continue
            seen.add(k)
            lines.setdefault("_keys", set()).add(k)
            keep.append(t)
        lines[d["id"]] = keep
    lines.pop("_keys", None)
    resumes = [(d["id"], d["category"]) for d in docs]
    if a.dump:
        with open(a.dump, "w") as fh:
            for rid, cat in resumes:
                for t in lines[rid]:
                    fh.write(json.dumps({"resume": rid, "category": cat, "text": t}) + "\n")

    A, B, chosen, pool = draw(resumes, lines)
    with open(os.path.join(a.out, "set17.jsonl"), "w") as fh:
        for i, (rid, cat, t) in enumerate(chosen, 1):
            fh.write(json.dumps(rec(i, "hb17-", 3, rid, cat, t), ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "pool17.jsonl"), "w") as fh:
        for i, (rid, cat, t) in enumerate(pool, 1):
            fh.write(json.dumps(rec(i, "p17-", 4, rid, cat, t), ensure_ascii=False) + "\n")
    elig = sum(len(v) for v in lines.values())

    def dig(g: list[tuple[str, str]]) -> int:
        return sum(1 for rid, _ in g for t in lines[rid] if re.search(r"\d", t))

    print(
        json.dumps(
            dict(
                resumes=len(resumes),
                corpus_texts=n_corpus,
                **stats,
                eligible=elig,
                resumes_with_lines=sum(1 for v in lines.values() if v),
                half_A=len(A),
                half_B=len(B),
                A_lines=sum(len(lines[r]) for r, _ in A),
                A_digit=dig(A),
                B_lines=sum(len(lines[r]) for r, _ in B),
                B_digit=dig(B),
                set17=len(chosen),
                set17_digit=sum(1 for *_, t in chosen if re.search(r"\d", t)),
                set17_resumes=len({r for r, _, _ in chosen}),
                pool17=len(pool),
                pool17_digit=sum(1 for *_, t in pool if re.search(r"\d", t)),
                pool17_resumes=len({r for r, _, _ in pool}),
            )
        )
    )


if __name__ == "__main__":
    main()
