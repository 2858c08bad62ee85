"""Count candidate metric heads in the bullet pool: what a figure or a change verb measures.

Usage: python corpus/resume_bullets/metric_heads.py [OUT_TSV]

Reads bullets.jsonl (the pool) and dev.jsonl; never sealed.jsonl. Plain regex, no starkit
code, tuned for recall: a head is the noun (or a two-word compound) that
- follows a figure: "5,000+ users", "$1.5M in revenue", "40% increase in conversion",
  "10K monthly active users" -> users, "245% ARR growth" -> arr;
- is the object of a change verb: "increased conversion by 12%", "reduced churn",
  "quadrupling the active user base" -> user base;
- is the noun of "verb + N times": "viewed 5M times" -> views, "downloaded 10k times";
- follows a spelled-out magnitude: "tens of thousands of downloads" -> downloads.
Output: head<TAB>count<TAB>example_id, sorted by count (then head).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent

NUM = (
    r"(?:[$€£¥₹]\s?)?\d[\d,]*(?:\.\d+)?"
    r"(?:\s?%|\+|(?:x|k|m|mm|b|bn)\b|\s?(?:million|billion|thousand|hundred)\b)?\+?"
)
SPELLED = (
    r"(?:tens|hundreds|thousands|millions|billions|dozens)\s+of\s+"
    r"(?:thousands\s+of\s+|millions\s+of\s+)?"
)
CHANGE_VERB = (
    r"(?:increas|improv|boost|grew|grow|grown|rais|lift|doubl|tripl|quadrupl|expand|"
    r"accelerat|maximi[sz]|drove|driv|generat|reduc|decreas|cut|lower|minimi[sz]|"
    r"shrank|shrink|slash|halv|decreas|drop|declin|optimi[sz]|enhanc|scal|"
    r"deliver|achiev|attain|sav|increas)\w*"
)
TIMES_VERB = {
    "viewed": "views",
    "downloaded": "downloads",
    "installed": "installs",
    "starred": "stars",
    "forked": "forks",
    "played": "plays",
    "visited": "visits",
    "shared": "shares",
    "cloned": "clones",
    "watched": "watches",
    "read": "reads",
    "used": "uses",
    "accessed": "accesses",
    "streamed": "streams",
    "clicked": "clicks",
    "opened": "opens",
    "searched": "searches",
    "purchased": "purchases",
    "sold": "sales",
    "called": "calls",
    "run": "runs",
    "executed": "executions",
    "deployed": "deployments",
}
STOP = {
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "for",
    "to",
    "by",
    "from",
    "with",
    "and",
    "or",
    "across",
    "at",
    "into",
    "over",
    "per",
    "within",
    "through",
    "via",
    "while",
    "as",
    "than",
    "our",
    "their",
    "its",
    "his",
    "her",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "up",
    "down",
    "more",
    "less",
    "fewer",
    "about",
    "around",
    "approximately",
    "nearly",
    "almost",
    "roughly",
    "under",
    "above",
    "below",
    "each",
    "every",
    "all",
    "both",
    "new",
    "total",
    "overall",
    "average",
    "approx",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hours",
    "hour",
    "minutes",
    "minute",
    "seconds",
    "second",
    "quarter",
    "quarters",
    "yoy",
    "mom",
    "wow",
    "qoq",
    "annually",
    "using",
    "leading",
    "resulting",
    "including",
    "making",
    "allowing",
    "enabling",
    "among",
    "after",
    "before",
    "during",
    "without",
    "be",
    "being",
    "been",
    "is",
    "are",
    "was",
    "were",
    "it",
    "them",
    "they",
    "we",
    "i",
    "he",
    "she",
    "there",
}
# a change noun after the figure: look past it ("40% increase in conversion")
CHANGE_NOUN = {
    "increase",
    "increases",
    "decrease",
    "reduction",
    "improvement",
    "boost",
    "lift",
    "growth",
    "gain",
    "rise",
    "drop",
    "decline",
    "uplift",
    "jump",
    "cut",
    "savings",
    "speedup",
    "speed-up",
    "improvements",
    "reductions",
    "increment",
    "surge",
    "spike",
    "higher",
    "lower",
    "faster",
    "slower",
    "better",
    "fewer",
    "more",
    "less",
    "reduced",
    "increased",
    "improved",
    "decreased",
}
# a generic last word that needs its modifier ("conversion rate", "user base")
COMPOUND_TAIL = {
    "rate",
    "rates",
    "time",
    "times",
    "score",
    "scores",
    "count",
    "base",
    "list",
    "size",
    "value",
    "speed",
    "share",
    "volume",
    "usage",
    "coverage",
    "cost",
    "costs",
    "ratio",
    "growth",
    "numbers",
    "figures",
    "metrics",
    "levels",
    "level",
    "capacity",
    "traffic",
    "engagement",
    "retention",
    "satisfaction",
}
UNITS = {
    "ms",
    "s",
    "sec",
    "secs",
    "min",
    "mins",
    "hr",
    "hrs",
    "kb",
    "mb",
    "gb",
    "tb",
    "pb",
    "hz",
    "khz",
    "mhz",
    "ghz",
    "px",
    "fps",
    "rps",
    "qps",
    "tps",
    "kg",
    "km",
    "lbs",
    "m",
    "k",
    "b",
    "x",
    "pts",
    "bps",
    "mbps",
    "gbps",
    "am",
    "pm",
    "st",
    "nd",
    "rd",
    "th",
}
WORD = re.compile(r"[A-Za-z][A-Za-z&'/-]*")


def words_after(text: str, pos: int, limit: int = 5) -> list[str]:
    out = []
    for m in WORD.finditer(text, pos):
        gap = text[pos : m.start()]
        if re.search(r"[.;:()\[\]!?]|,\s", gap) and out:
            break
        out.append(m.group(0))
        pos = m.end()
        if len(out) >= limit:
            break
    return out


def head_of(ws: list[str]) -> str | None:
    """The noun phrase head: words up to the first stopword/verb; last word (+ modifier)."""
    phrase = []
    for w in ws:
        lw = w.lower()
        if lw in STOP or (lw.endswith("ing") and len(lw) > 5) or re.fullmatch(r"\w+ed", lw):
            break
        phrase.append(lw)
    if not phrase:
        return None
    last = phrase[-1]
    if last in COMPOUND_TAIL and len(phrase) >= 2:
        return f"{phrase[-2]} {last}"
    return last


def heads(text: str) -> list[str]:
    found: list[str] = []
    # 1. figure + noun phrase ("5,000+ users", "40% increase in conversion")
    for m in re.finditer(rf"(?<![\w.]){NUM}", text, re.I):
        ws = words_after(text, m.end())
        if not ws:
            continue
        if ws[0].lower() in {"times", "time"}:
            continue
        if ws[0].lower() in CHANGE_NOUN:
            rest = ws[1:]
            if rest and rest[0].lower() in {"in", "of", "on", "for"}:
                h = head_of(rest[1:])
            else:  # "245% ARR growth" style handled below; "2x faster builds"
                h = head_of(rest)
            if h:
                found.append(h)
            continue
        lw = [w.lower() for w in ws]
        if lw[0] in {"of", "in"} and len(ws) > 1:  # "$1.5M in revenue", "80% of users"
            h = head_of(ws[1:])
        else:
            h = head_of(ws)
            # "245% ARR growth" -> arr (growth is a change noun after the head)
            if h and len(lw) > 1 and lw[1] in CHANGE_NOUN:
                h = lw[0]
        if h:
            found.append(h)
    # 2. change verb + object ("increased conversion by 12%", "reducing the churn rate")
    for m in re.finditer(rf"\b{CHANGE_VERB}\b", text, re.I):
        if re.match(r"\s*(?:by\s+|to\s+|over\s+)?[$€£\d]", text[m.end() :]):
            continue  # the object is a figure, read by the figure rule
        ws = words_after(text, m.end())
        while ws and ws[0].lower() in {"the", "a", "an", "our", "their", "its", "overall", "total"}:
            ws = ws[1:]
        if ws and ws[0].lower() not in STOP:
            h = head_of(ws)
            if h and not re.fullmatch(r"\d.*", h):
                found.append(h)
    # 3. "viewed 5M times"
    for m in re.finditer(
        rf"\b({'|'.join(TIMES_VERB)})\s+(?:over\s+|more than\s+)?{NUM}\s+times\b", text, re.I
    ):
        found.append(TIMES_VERB[m.group(1).lower()])
    # 4. "tens of thousands of downloads"
    for m in re.finditer(rf"\b{SPELLED}", text, re.I):
        h = head_of(words_after(text, m.end()))
        if h:
            found.append(h)
    return found


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "metric_heads.tsv"
    rows = []
    for name in ("bullets.jsonl", "dev.jsonl"):
        rows += [json.loads(x) for x in (HERE / name).read_text().splitlines() if x.strip()]
    rows.sort(key=lambda r: r["id"])
    count: Counter[str] = Counter()
    example: dict[str, str] = {}
    for r in rows:
        for h in set(heads(r["text"])) - UNITS:
            count[h] += 1
            example.setdefault(h, r["id"])
    with out.open("w") as fh:
        fh.write("head\tcount\texample_id\n")
        for h, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0])):
            fh.write(f"{h}\t{n}\t{example[h]}\n")
    print(len(count), "heads from", len(rows), "bullets", file=sys.stderr)


if __name__ == "__main__":
    main()
