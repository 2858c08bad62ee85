"""Benchmark: every hostile case, full size, in a fresh `starkit lint` process measured with
`/usr/bin/time -v` (wall time and peak memory of the process and its parsing worker). Prints
figures and the first line of each answer; asserts nothing. Targets (issue 14): each file within
10 s and 1 GB; each 100,000-character text within 5 s.

    .venv/bin/python -m tests.hostile.bench_hostile [--only NAME ...]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from starkit.bench import SHAPES, text_shape
from tests.hostile import files as F

FILES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "inflating DOCX (2 GB)": ("bomb.docx", lambda: F.docx_inflating(2000)),
    "DOCX, 2M empty paragraphs": ("p2m.docx", lambda: F.docx_empty_paragraphs(2_000_000)),
    "DOCX, 50k paragraphs": ("p50k.docx", lambda: F.docx_paragraphs(50_000)),
    "DOCX, 9k entries": ("entries.docx", lambda: F.docx_many_entries(9_000)),
    "DOCX, entity expansion": ("lol.docx", F.docx_entities),
    "PDF, 5,000 pages": ("pages.pdf", lambda: F.pdf_pages(5_000)),
    "PDF, 100k-line stream": ("stream.pdf", lambda: F.pdf_repeated_line(100_000)),
    "PDF, 9k-line stream (<0.5MB)": ("worker.pdf", lambda: F.pdf_repeated_line(9_000)),
    "PDF, 14400 pt page": ("huge.pdf", F.pdf_huge_page),
    "PDF, 7 KB form drawn 1,000 times": ("forms.pdf", lambda: F.pdf_form_drawn(1_000, 1_000)),
    "JSON 100k deep": ("deep.json", lambda: F.deep_json(100_000)),
    "YAML alias bomb": ("lol.yaml", F.yaml_aliases),
    "LaTeX self-loop": ("loop.tex", F.latex_input_loop),
    "text, 290k lines": (
        "lines.txt",
        lambda: b"Experience\n" + b"- Led 3 teams by 20%\n" * 290_000,
    ),
}


def _measure(argv: list[str], stdin: Path | None = None) -> tuple[int, float, float, float, str]:
    """(exit code, wall seconds, CPU seconds, peak MB, first line of stderr) of a command under
    /usr/bin/time -v. On a shared machine the wall time includes waiting for a core; the CPU
    time (user + system, of the process and its worker) is the work done."""
    timer = shutil.which("time") and Path("/usr/bin/time").exists()
    cmd = (["/usr/bin/time", "-v"] if timer else []) + argv
    with open(stdin, "rb") if stdin else open("/dev/null", "rb") as fh:
        proc = subprocess.run(cmd, capture_output=True, stdin=fh, check=False, timeout=600)
    err = proc.stderr.decode("utf-8", "replace")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", err)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    secs = 0.0
    if wall:
        h, m, s = wall.groups()
        secs = int(h or 0) * 3600 + int(m) * 60 + float(s)
    cpu = sum(
        float(m.group(1)) for m in re.finditer(r"(?:User|System) time \(seconds\): ([\d.]+)", err)
    )
    first = next((ln for ln in err.splitlines() if ln.startswith("starkit:")), "")
    return proc.returncode, secs, cpu, int(rss.group(1)) / 1024 if rss else 0.0, first


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", default=None, help="substrings of case names to run")
    ap.add_argument("--no-texts", action="store_true", help="skip the 100k-character texts")
    args = ap.parse_args(argv)
    starkit = [sys.executable, "-m", "starkit.cli", "lint"]
    print(f"{'case':30} {'exit':>4} {'wall s':>7} {'CPU s':>6} {'peak MB':>8}  answer")
    with tempfile.TemporaryDirectory() as tmp:
        for case, (name, make) in FILES.items():
            if args.only and not any(o in case for o in args.only):
                continue
            path = Path(tmp) / name
            path.write_bytes(make())
            rc, secs, cpu, mb, first = _measure([*starkit, str(path)])
            first = first.replace(str(path), name)
            print(f"{case:30} {rc:4} {secs:7.2f} {cpu:6.2f} {mb:8.0f}  {first[:100]}", flush=True)
        if args.no_texts:
            return 0
        for shape in SHAPES:
            if args.only and not any(o in shape for o in args.only):
                continue
            path = Path(tmp) / f"{shape}.txt"
            path.write_text(text_shape(shape, 100_000), encoding="utf-8")
            for kind in ("bullet", "story"):
                rc, secs, cpu, mb, first = _measure([*starkit, "--kind", kind, str(path)])
                label = f"100k {shape} as {kind}"
                print(f"{label:30} {rc:4} {secs:7.2f} {cpu:6.2f} {mb:8.0f}  {first[:100]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
