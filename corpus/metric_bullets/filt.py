"""Bullet-shape filter: resume-style achievement lines (past-tense verb or figure first)."""

import re

IRREG = set(
    [
        "led",
        "grew",
        "built",
        "drove",
        "ran",
        "won",
        "cut",
        "made",
        "wrote",
        "took",
        "brought",
        "sold",
        "set",
        "oversaw",
        "began",
        "became",
        "held",
        "got",
        "gave",
        "kept",
        "taught",
        "met",
        "found",
        "lead",
        "manage",
        "drive",
        "own",
        "build",
        "grow",
        "launch",
        "define",
        "oversee",
        "partner",
        "develop",
        "create",
        "design",
        "deliver",
        "scale",
        "run",
        "spearhead",
        "increase",
        "reduce",
        "shipped",
        "owned",
    ]
)
BADPATH = re.compile(
    r"prompt|transition|linkedin|skill|agent|/docs?/|interview|question|blog|post|research|prd|(?<!resume)/readme",
    re.I,
)
NOREPO = {
    "Kegsworth/pm-portfolio",
    "aiirveon/ai-pm-portfolio",
    "Vj-shipped-anyway/ai-pm-portfolio",
    "JanBran/product-portfolio",
    "spallavi-stack/shubha-pm-portfolio",
    "omkarjaliparthi/tpm-portfolio",
    "ChewzyKids/pm-portfolio",
    "AdhamAbubakr/Adham-s-Marketing-Portfolio",
}
BADPATH2 = re.compile(
    r"standards|competitor|crosswalk|battle|tracker|demo|artifact|fake|chart|process|services|"
    r"changes|prototype|16bitfit|\[slug\]|dashboard/page|privacy|reflection|howithink|tools/|/projects?/[^/]+/page|work/[^/]+/page|guide|okr|backup|copy|layout|seo|jsonld|testimonial",
    re.I,
)
ING_OK = {
    "leading",
    "driving",
    "managing",
    "owning",
    "building",
    "growing",
    "scaling",
    "launching",
    "delivering",
}


def ok(r: dict) -> bool:
    if r["source"]["repo"] in NOREPO or BADPATH2.search(r["source"]["path"]):
        return False
    t = r["text"]
    p = r["source"]["path"]
    if re.fullmatch(r"(?i)readme\.md", p):
        p = ""
    if BADPATH.search(p):
        return False
    if t.endswith("?") or ":" in t[:40]:
        return False
    w = re.sub(r"[^A-Za-z-]", "", t.split()[0]).lower()
    if w.endswith("ing") and w not in ING_OK:
        return False
    if "-" in w or (w in {"learned", "crowded", "killed", "raised"} and t.split()[1:2] == ["by"]):
        return False
    if re.match(r"^\d+\+?\s*(years|yrs)", t, re.I) or t.count(". ") >= 3:
        return False
    if not (
        w.endswith(("ed", "ing"))
        or w in IRREG
        or re.match(r"^(co-?)?(led|founded|created)", w)
        or re.match(r"^[$₹€£~]?\d", t)
    ):
        return False
    if w in {
        "during",
        "bring",
        "thing",
        "nothing",
        "something",
        "everything",
        "king",
        "spring",
        "string",
        "bed",
        "red",
        "need",
        "speed",
        "seed",
        "feed",
        "indeed",
        "based",
        "used",
    }:
        return False
    return True
