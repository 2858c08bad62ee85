"""Every size, count and time limit starkit enforces, in one place (documented in
docs/limits.md and named in the error each one raises).

The limits hold *before* work starts: a file is never read past `MAX_FILE_BYTES + 1` bytes,
an archive's directory is checked before anything is inflated, a PDF's page count and page size
before its pages are read, and untrusted files are parsed in a worker process with a memory and
time budget (`starkit.worker`). A real resume, story or email is far below every one of them.
"""

from __future__ import annotations

# --- bytes and characters ---------------------------------------------------------------------
MAX_FILE_BYTES = 10_000_000
"""The largest file read (10 MB): the CLI, standard input, the resume reader, the bank's import
and the app's upload limit. At most this plus one byte is ever read."""

MAX_CHARS = 1_000_000
"""The largest text linted in one call (about 150,000 words, several hundred resumes)."""

MAX_UNIT_CHARS = 100_000
"""The largest single unit (one bullet, one story, one email): about 15,000 words, thirty times
the longest story an interview has time for."""

MAX_REWRITE_CHARS = 2_000
"""Longest sentence (or bullet) a suggestion rewrites; over it the finding gets advice only, so
thousands of findings in one huge sentence do not each repeat it."""

LONG_PIECE = 64
"""Characters without white space above which the tokenizer splits a run of punctuation itself
(spaCy's affix search is quadratic in the length of such a run)."""

# --- documents --------------------------------------------------------------------------------
MAX_LINES = 2_000
"""Lines (paragraphs) read from a resume document; a longer one is read up to this many lines
with a warning (the longest real CV is a few hundred lines)."""

MAX_TEXT_LINES = 8_000
"""Physical lines read from a text resume (plain, Markdown, LaTeX, HTML): blank and markup lines
count, so this is four times `MAX_LINES`; the rest is cut with a warning."""

MAX_LINE_CHARS = 5_000
"""Characters kept of one line (paragraph) of a resume document; the rest is cut with a
warning."""

MAX_PDF_PAGES = 30
"""PDF pages read; a longer PDF is read up to this page with a warning."""

MAX_PDF_PAGE_POINTS = 5_000
"""The largest PDF page side read, in points (about 1.8 m; A0 is 2,384 x 3,370)."""

MAX_PDF_CONTENT_BYTES = 500_000
"""Bytes of drawing instructions (decompressed content streams, and each form XObject they draw
once for every time it is drawn) of one PDF page read with pdfplumber, which parses them in
Python at about a second a megabyte (a dense page of text has about 100 KB); a page over it is
read with PDFium, in C (`starkit.resume.pdf_heavy`)."""

MAX_PDF_HEAVY_CONTENT_BYTES = 8_000_000
"""Bytes of drawing instructions of one PDF page read at all (a designer's resume page full of
vector icons has 1 to 4 MB, which PDFium read in 0.07 to 0.28 s; a crafted page of bare paths
costs more, bounded by `MAX_PDF_HEAVY_PAGE_OBJECTS` and the worker's limits); a page over it is
skipped with a warning."""

MAX_PDF_HEAVY_PAGE_OBJECTS = 50_000
"""Objects (text runs, paths, images, forms) on one PDF page read with PDFium, counted before
PDFium builds the page's text (the heavy designer pages seen had about 10,000); a page with
more is skipped with a warning."""

MAX_PDF_HEAVY_PAGE_CHARS = 30_000
"""Characters of one PDF page read with PDFium (a dense resume page has about 5,000; the heavy
designer pages seen had 2,400 to 7,600); a page with more is skipped with a warning, since each
character is then handled in Python."""

MAX_PDF_LAYOUT_LINES = 2_000
"""Lines of one PDF page that are put in layout order when the content stream's order reads
wrong (a dense resume page has about 80); a page with more keeps the stream's order."""

MAX_ARCHIVE_ENTRIES = 2_000
"""Entries in a DOCX or zip archive (a Word document has a few dozen)."""

MAX_ARCHIVE_INFLATED = 50_000_000
"""Total bytes an archive may inflate to (50 MB), from its directory and while inflating."""

MAX_ARCHIVE_XML_BYTES = 10_000_000
"""Inflated bytes of one XML part of a DOCX (10 MB; a five-page resume's text is about 0.3 MB)."""

MAX_ARCHIVE_RATIO = 200
"""Largest inflated/compressed ratio of one archive entry over 1 MB (XML compresses about 10x)."""

MAX_JSON_DEPTH = 100
"""Nesting depth of JSON or YAML (a JSON Resume is 4 deep)."""

MAX_YAML_ALIASES = 20
"""YAML alias uses (`*name`); more is refused (alias bombs)."""

# --- the parsing worker -----------------------------------------------------------------------
WORKER_SECONDS = 5.0
"""Wall-clock seconds a file may take to parse before its worker is killed (a five-page PDF
takes well under one)."""

WORKER_MEMORY_BYTES = 768_000_000
"""Extra address space a parsing worker may use (768 MB) on top of what it starts with."""


def lines_cut(name: str) -> str:
    """The warning for a resume cut after `MAX_LINES` lines with text: the document readers, a
    pasted resume in the app and `starkit lint` on one-bullet-a-line text all say it alike."""
    return (
        f"{name}: the document is longer than any resume; only its first {MAX_LINES:,} lines "
        "were read"
    )


def mb(n: int) -> str:
    """A byte count in MB as errors show it ('10 MB')."""
    return f"{n / 1_000_000:g} MB"
