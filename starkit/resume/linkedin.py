"""LinkedIn's data export: `Positions.csv` and `Projects.csv`, the files "Get a copy of your
data" writes.

The structure is explicit: each row is a role (`Company Name`, `Title`, `Started On`,
`Finished On`, `Location`) or a project (`Title`, `Url`, dates), and its `Description` holds the
achievements, as lines (one a line, a glyph stripped) or as a paragraph (read one achievement a
sentence, as any unmarked paragraph is). Only the header row tells the file apart (never its
name). A table with other columns is refused with its columns named, never read as prose.

Positions: the line in the file where each row starts, plus the line breaks before a piece of
its description.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

from starkit.errors import ResumeReadError
from starkit.resume.builder import Builder
from starkit.resume.model import Resume, Source
from starkit.resume.roles import RoleHint

_POSITION_COLUMNS = frozenset({"company name", "title", "description"})
_PROJECT_COLUMNS = frozenset({"title", "description", "url"})
_STARTS, _ENDS = ("started on", "start date"), ("finished on", "end date")  # older exports
_TABLE_ROWS = 3  # a header and two rows of as many fields: a table
_TABLE_FIELDS = 3
# a list flattened to one line keeps its glyphs after two spaces: "... models  - We based ..."
_BREAK = re.compile(r"\s{2,}(?=[-*•·▪◦‣]\s)")
_GLYPH = re.compile(r"^\s*(?:[-*•·▪◦‣–—]|\d{1,2}[.)])\s+")


_HEAD_CHARS = 4096  # a header and a few rows; the sniff never reads (or copies) the whole file


def _head(text: str) -> str:
    """The file's first characters, its byte-order mark dropped."""
    return text[1 : _HEAD_CHARS + 1] if text.startswith("\ufeff") else text[:_HEAD_CHARS]


def _header(head: str) -> list[str]:
    first = head.split("\n", 1)[0]
    try:
        row = next(csv.reader([first]), [])
    except csv.Error:
        return []
    return [c.strip().lower() for c in row]


def _linkedin(columns: set[str]) -> bool:
    return columns >= _POSITION_COLUMNS or columns >= _PROJECT_COLUMNS


def looks_csv(text: str) -> bool:
    """True for a table of comma-separated values: its first line a header of at least
    `_TABLE_FIELDS` fields and the next lines as many (a resume opens on a name), or the
    header row of LinkedIn's Positions.csv or Projects.csv, whose descriptions span lines.
    Reads the first `_HEAD_CHARS` characters only: every text sniffed passes here."""
    head = _head(text)
    if _linkedin(set(_header(head))):
        return True
    lines = [ln for ln in head.splitlines()[: _TABLE_ROWS * 4] if ln.strip()]
    if len(lines) < _TABLE_ROWS:
        return False
    try:
        widths = [len(row) for row in csv.reader(lines[:_TABLE_ROWS])]
    except csv.Error:
        return False
    return widths[0] >= _TABLE_FIELDS and len(set(widths)) == 1


def read_linkedin(text: str, name: str) -> Resume:
    """The roles (or projects) of a LinkedIn export, one role a row, the description's lines
    or sentences its bullets. A row the CSV reader cannot parse is refused with its line."""
    text = text.removeprefix("\ufeff")
    header = _header(_head(text))
    if not _linkedin(set(header)):
        shown = ", ".join(c for c in header[:6] if c)
        raise ResumeReadError(
            f"{name}: a table of comma-separated values ({shown[:120]}), not a resume; starkit "
            "reads LinkedIn's Positions.csv and Projects.csv, or a resume as PDF, DOCX, "
            "Markdown, LaTeX, JSON Resume, HTML or plain text"
        )
    b = Builder(name, "csv")
    b.section("contact", None, Source(line=1))
    rows = _add_table(b, text, name, None)
    warnings = [] if rows else [f"{name}: a LinkedIn export with a header and no rows"]
    return b.build(warnings=warnings)


def _add_table(b: Builder, text: str, name: str, title: str | None) -> int:
    """Add one LinkedIn table (its header checked) as a section of roles, titled `title` or
    by its kind; returns the rows read."""
    positions = set(_header(_head(text))) >= _POSITION_COLUMNS
    b.section(
        "experience" if positions else "projects",
        title or ("Positions" if positions else "Projects"),
        Source(line=1),
    )
    reader = csv.DictReader(io.StringIO(text, newline=""))
    start = reader.line_num + 2  # the header is line 1
    rows = 0
    try:
        for row in reader:
            # a row with more fields than the header keeps the rest under None: not a column
            fields = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
            _row(b, fields, start)
            rows += 1
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ResumeReadError(
            f"{name}: line {reader.line_num}: not a readable CSV row ({exc}); export the data "
            "from LinkedIn again"
        ) from None
    return rows


_ZIP_CSV_LOOKS = 200  # the CSV members whose header a zip sniff reads (an export has ~40)


def export_members(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The members of a zip that are LinkedIn's Positions or Projects tables, told by their
    header row (the first `_HEAD_CHARS` bytes, never the whole member)."""
    found = []
    csvs = [i for i in zf.infolist() if i.filename.lower().endswith(".csv") and not i.is_dir()]
    for info in sorted(csvs, key=lambda i: i.filename)[:_ZIP_CSV_LOOKS]:
        if info.flag_bits & 0x1:
            continue  # encrypted: never read
        try:
            with zf.open(info) as fh:
                head = fh.read(_HEAD_CHARS).decode("utf-8", "replace")
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
            continue
        if _linkedin(set(_header(_head(head)))):
            found.append(info)
    return found


def read_linkedin_zip(data: bytes, label: str) -> Resume:
    """The roles and projects of LinkedIn's whole data export, as downloaded: its Positions
    and Projects tables, each a section titled by its file name (a finding's line is a line of
    that file). Its other tables (connections, messages, profile) are read no further than the
    first `_HEAD_CHARS` bytes that tell them apart."""
    from starkit.resume.detect import decode
    from starkit.resume.project import ZipFiles

    files = ZipFiles(data, label)
    wanted = {i.filename for i in export_members(files.zf)}
    order = sorted(n for n, info in files.infos.items() if info.filename in wanted)
    b = Builder(label, "csv")
    b.section("contact", None, Source(line=1))
    rows, warnings = 0, []
    for member in order:
        raw = files.read(member)
        if raw is None:
            continue
        text, warning = decode(raw, f"{label}: {member}")
        if warning:
            warnings.append(warning)  # "... decoded as Windows-1252": said, not swallowed
        rows += _add_table(b, text.removeprefix("\ufeff"), f"{label}: {member}", member)
    if not rows:
        warnings.append(f"{label}: a LinkedIn export whose positions and projects are empty")
    return b.build(warnings=warnings)


def _row(b: Builder, row: dict[str, str], line: int) -> None:
    org = row.get("company name") or None
    title = row.get("title") or None
    start = next((row[k] for k in _STARTS if row.get(k)), "")
    end = next((row[k] for k in _ENDS if row.get(k)), "")
    dates = f"{start} – {end or 'present'}" if start else (end or None)
    header = " | ".join(p for p in (title, org, dates) if p) or "(untitled)"
    hint = RoleHint(org, title, dates, row.get("location") or None)
    b.role([(header, Source(line=line))], hint)
    description = row.get("description", "")
    for offset, physical in enumerate(description.split("\n")):
        here = Source(line=line + offset)
        for piece in _BREAK.split(physical):
            glyph = _GLYPH.match(piece)
            item = (piece[glyph.end() :] if glyph else piece).strip()
            if item:
                b.bullet([(item, here)], prose=glyph is None)
