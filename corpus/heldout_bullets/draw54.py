"""Deterministic draw of set54 (real resume bullets: marketing, SEO, community, DevRel roles).

Reads the stored resume excerpts under raw/ (listed in raw/manifest.json), extracts the
bullet items of their work-experience sections, applies mechanical filters only and samples
at most 6 lines per resume with random.Random(54). Writes set54.jsonl next to this file.
The filters, the sampling and the readers of JS arrays and HTML lists are draw53's, and the
brace reader draw51's (imported); this script adds readers for LaTeX commands and JSX `content`
fragments.
"""

from __future__ import annotations

import re
from pathlib import Path

from draw51 import brace_arg
from draw53 import TAG_RE, clean, draw
from draw53 import extract as extract53

HERE = Path(__file__).resolve().parent
OUT = HERE / "set54.jsonl"
SEED = 54

JSX_BLOCK_RE = re.compile(r"content:\s*\(\s*<>(.*?)</>\s*\)", re.DOTALL)
JSX_SPACE_RE = re.compile(r"\{\s*([\"'])\s*\1\s*\}|\{\s*([\"']) \2\s*\}")
TEX_ESCAPES = {"&": "&", "%": "%", "_": "_", "$": "$", "#": "#", "{": "{", "}": "}"}
TEX_CMD_RE = re.compile(r"\\[A-Za-z]+\*?")


def tex_items(src: str, key: str) -> list[str]:
    """Return the bodies of every `\\key{...}` command in a LaTeX source."""
    items: list[str] = []
    for match in re.finditer(r"\\" + re.escape(key) + r"\s*\{", src):
        body, _ = brace_arg(src, match.end() - 1)
        items.append(body or "")
    return items


def tex_clean(text: str) -> str:
    """Strip LaTeX markup: unescape specials, drop command names and braces and $."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in TEX_ESCAPES:
            out.append(TEX_ESCAPES[text[i + 1]])
            i += 2
            continue
        if ch == "\\":
            match = TEX_CMD_RE.match(text, i)
            if match:
                i = match.end()
                continue
        if ch in "{}$":
            i += 1
            continue
        out.append(ch)
        i += 1
    return " ".join("".join(out).split())


def jsx_blocks(src: str) -> list[str]:
    """Return the text of every `content: (<> ... </>)` fragment, inline tags removed."""
    bodies = [JSX_SPACE_RE.sub(" ", body) for body in JSX_BLOCK_RE.findall(src)]
    return [TAG_RE.sub("", body) for body in bodies]


def extract(entry: dict[str, str], src: str) -> list[str]:
    """Bullet items of one stored resume excerpt, markup stripped."""
    if entry["format"] == "latex":
        raw_items = [tex_clean(item) for item in tex_items(src, entry["key"])]
    elif entry["format"] == "jsxcontent":
        raw_items = jsx_blocks(src)
    else:
        return extract53(entry, src)  # JS arrays, HTML lists
    return [c for c in (clean(item) for item in raw_items) if c]


def main() -> None:
    """Run the draw and write set54.jsonl; print step counts."""
    draw(extract, SEED, OUT, "hb54")


if __name__ == "__main__":
    main()
