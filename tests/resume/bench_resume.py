"""Benchmark: PDF extractors compared on the project's fixtures, reading time per format, and
how long each bad file takes to be refused.  Prints figures; asserts nothing.

    .venv/bin/python -m tests.resume.bench_resume
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from starkit.resume import read_resume
from starkit.resume.plaintext import read_text
from tests.resume.fixtures import build, docs, pdfs
from tests.resume.fixtures.content import RESUME


def _best(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _whole(texts: list[str]) -> int:
    want = [t for t, _, _ in RESUME.achievement_bullets()]
    return sum(1 for t in want if t in texts)


def pdf_extractors() -> None:
    import pdfplumber
    from pypdf import PdfReader

    layouts = {
        "latex-like": pdfs.latex_like(),
        "word-like": pdfs.word_like(),
        "two-column (sidebar first)": pdfs.two_column(sidebar_first=True),
        "two-column (main first)": pdfs.two_column(sidebar_first=False),
    }
    total = len(RESUME.achievement_bullets())
    print(f"PDF extraction: achievement bullets recovered whole (of {total}) and best-of-5 time")
    print(f"{'layout':30} {'pypdf text':>14} {'plumber text':>14} {'starkit':>14}")
    for name, data in layouts.items():

        def via_pypdf(data: bytes = data) -> str:
            return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)

        def via_plumber(data: bytes = data) -> str:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                return "\n".join(p.extract_text() for p in pdf.pages)

        cells = []
        for fn in (via_pypdf, via_plumber):
            text = fn()
            found = _whole([b.text for b in read_text(text, name).bullets])
            cells.append(f"{found:>2} {_best(fn) * 1000:6.0f} ms")
        found = _whole([b.text for b in read_resume(data).bullets])
        cells.append(f"{found:>2} {_best(lambda d=data: read_resume(d)) * 1000:6.0f} ms")
        print(f"{name:30} " + " ".join(f"{c:>14}" for c in cells))
    print("(pypdf/plumber text columns: their extract_text fed to the plain-text structure step)")


def formats() -> None:
    samples = {
        "text": build.to_text().encode(),
        "markdown": build.to_markdown().encode(),
        "html": build.to_html().encode(),
        "latex (Jake)": build.to_latex_jake().encode(),
        "JSON Resume": build.to_jsonresume().encode(),
        "YAML Resume": build.to_jsonresume_yaml().encode(),
        "docx": docs.word_resume(),
        "pdf (word-like)": pdfs.word_like(),
    }
    print("\nread_resume, best of 5:")
    for name, data in samples.items():
        print(f"  {name:18} {_best(lambda d=data: read_resume(d)) * 1000:7.1f} ms")


def bad_files() -> None:
    good = pdfs.latex_like()
    docx = docs.word_resume()
    cases = {
        "encrypted.pdf": pdfs.encrypted(),
        "scanned.pdf": pdfs.scanned(),
        "truncated.pdf": good[: len(good) // 2],
        "truncated.docx": docx[: len(docx) // 2],
        "image.png": b"\x89PNG\r\n\x1a\n" + bytes(4000),
        "unknown.bin": bytes(range(256)) * 40,
        "invalid.json": b'{"work": "not a list"}',
        "over-limit.pdf": b"%PDF-1.7\n" + b"0" * 10_000_001,
    }
    print("\nbad files through the CLI (a new process each: startup included):")
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in cases.items():
            path = Path(tmp) / name
            path.write_bytes(data)
            t = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "starkit.cli", "lint", str(path)],
                capture_output=True,
                text=True,
                check=False,
            )
            took = time.perf_counter() - t
            first = proc.stderr.strip().splitlines()[0] if proc.stderr.strip() else ""
            print(f"  {name:16} exit {proc.returncode}  {took:5.2f} s  {first[:90]}")


if __name__ == "__main__":
    pdf_extractors()
    formats()
    bad_files()
