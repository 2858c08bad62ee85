"""Extract metric-reporting bullets from fetched public resume / portfolio repositories.

Usage: python corpus/metric_bullets/extract.py MIRROR_DIR REPOS_FILE OUT_JSONL

Reuses the bullet readers of corpus/resume_bullets/extract.py (LaTeX, Markdown, JSON, YAML,
HTML) and adds JS/TS/JSX/TSX/MDX data files (string literals and JSX text), which PM
portfolio sites use for their resume.
Keeps only bullets that name a product, business or growth metric (METRIC below).
Plain regex only; no starkit code.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import importlib.util

# the resume-bullet extractor of corpus/resume_bullets, reused (not copied)
_SPEC = importlib.util.spec_from_file_location(
    "resume_extract", Path(__file__).resolve().parents[1] / "resume_bullets" / "extract.py"
)
assert _SPEC is not None and _SPEC.loader is not None
B = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(B)

METRIC = re.compile(
    r"\b(users?|user base|customers?|clients?|downloads?|installs?|sign-?ups?|signups|"
    r"registrations?|traffic|visitors?|visits|page ?views?|pageviews|views|impressions|"
    r"followers?|subscribers?|subscriptions?|members|audience|readers|listeners|viewers|"
    r"engagement|conversions?|conversion rate|click-?through|ctr|clicks|open rate|"
    r"retention|retain\w*|churn\w*|activation|adoption|revenue|arr|mrr|gmv|sales|bookings|"
    r"leads|mqls?|sqls?|pipeline|nps|csat|dau|mau|wau|daily active|monthly active|"
    r"weekly active|ltv|cac|arpu|aov|roas|roi|profit|margins?|upsell|cross-sell|"
    r"funnel|trial|paying|purchases?|orders|transactions|gross|funding|raised|"
    r"stars|ratings?|reviews|market share|session\w*|time on (site|page|app)|bounce rate|"
    r"acquisition|growth|monetiz\w*|installs)\b",
    re.I,
)
JS_EXT = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mdx", ".astro", ".vue", ".svelte")
JS_PATH = re.compile(
    r"resume|(^|[/_.-])cv|experience|career|work|about|profile|timeline|journey|"
    r"(^|/)(data|content|constants?)/|portfolio",
    re.I,
)
JS_SKIP = re.compile(
    r"(^|/)docs/static/|\.min\.|node_modules|components/ui/|\.d\.ts$|config|test|spec|stories|vendor|dist/|build/|"
    r"\.next/|public/|lib/utils|hooks/|api/|prompt|agent|skill|\.claude|\.agents|bmad|"
    r"\.cursor|template|sample|example|mock|fixture|seed",
    re.I,
)


def js_items(src: str) -> list[str]:
    out = []
    src = re.sub(r"(?m)^\s*(import|export \{).*$", "", src)
    for m in re.finditer(r'"((?:[^"\\\n]|\\.){25,})"|\'((?:[^\'\\\n]|\\.){25,})\'', src):
        s = m.group(1) or m.group(2)
        out.append(s.replace("\\'", "'").replace('\\"', '"').replace("\\n", " "))
    for m in re.finditer(r"`([^`]{25,}?)`", src, re.S):
        if "${" not in m.group(1):
            out.append(m.group(1))
    # JSX text nodes: >text<
    for m in re.finditer(r">\s*([^<>{}]{25,}?)\s*<", src, re.S):
        out.append(m.group(1))
    res = []
    for s in out:
        s = html.unescape(" ".join(s.split()))
        if re.search(r"className|=>|\bfunction\b|\bconst\b|\breturn\b|https?:|\.(png|jpg|svg)", s):
            continue
        res.append(B.clean_md(s))
    return res


def main() -> None:
    mirror, repos_file, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
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
            commit = B.git(g, "rev-parse", "HEAD").strip()
            allf = B.git(g, "ls-tree", "-r", "--name-only", "HEAD").splitlines()
            files = []
            for f in allf:
                fl = f.lower()
                if (
                    fl.endswith(B.EXTS)
                    and not B.SKIP_PATH.search(f)
                    and (B.WANT_PATH.search(f) or fl.endswith((".md", ".markdown")))
                ):
                    if not (B.POSTS.search(f) and not re.search(r"(^|/)_?resume/", f, re.I)):
                        files.append(f)
                elif fl.endswith((*JS_EXT, ".html", ".htm")) and not JS_SKIP.search(f):
                    files.append(f)  # portfolio sites: any page or data file
            seen = set()
            for f in files:
                src = B.git(g, "show", f"HEAD:{f}")
                if len(src) > 400_000:
                    continue
                if f.lower().endswith((".html", ".htm")):
                    items = B.html_items(src) + js_items(src)
                elif f.lower().endswith(JS_EXT):
                    items = js_items(src) + B.html_items(src.replace('{" "}', " "))
                    if f.lower().endswith(".mdx"):
                        items += B.md_items(src)
                else:
                    items = B.extract_file(f, src)
                for raw in items:
                    t = B.keep(raw)
                    if not t or not METRIC.search(t) or t in seen:
                        continue
                    seen.add(t)
                    fh.write(
                        json.dumps(
                            {"text": t, "source": {"repo": repo, "path": f, "commit": commit}}
                        )
                        + "\n"
                    )
                    n += 1
    print(n, "bullets", file=sys.stderr)


if __name__ == "__main__":
    main()
