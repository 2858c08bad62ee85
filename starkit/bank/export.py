"""The bank's file formats: JSON (lossless, re-importable), Markdown (a printable cheat sheet)
and CSV (a spreadsheet of current stories).

JSON carries everything the bank keeps (ids, every revision, times, soft deletions), so export
then import into an empty bank gives back equal stories and revisions. Markdown and CSV show
only the current text and are for reading, not for restoring.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from starkit.bank.records import (
    EXPORT_FORMAT,
    BankExport,
    ExportedStory,
    Interview,
    StoredStory,
    normalise_tags,
    normalise_title,
)
from starkit.errors import BankError, InputError
from starkit.limits import MAX_JSON_DEPTH
from starkit.textio import json_depth
from starkit.textio import terminal_safe as _safe

MAX_IMPORT_BYTES = 50_000_000
"""Refuse imports larger than this (a bank of 15 stories with 100 revisions each is ~2 MB)."""


def to_json(export: BankExport, *, indent: int | None = 2) -> str:
    """Serialise an export; `parse_export(to_json(x)) == x`."""
    return export.model_dump_json(indent=indent) + "\n"


def parse_export(data: str | bytes | dict[str, Any]) -> BankExport:
    """Validate an export (JSON text, bytes or a parsed dict) and check every story's history
    is whole: revisions 1..n in order, the story's fields equal to its last revision's."""
    if isinstance(data, bytes | str):
        if len(data) > MAX_IMPORT_BYTES:
            raise BankError(f"the import is over the {MAX_IMPORT_BYTES // 1_000_000} MB limit")
        depth = json_depth(data)
        if depth > MAX_JSON_DEPTH:
            raise BankError(
                f"the import is nested {depth:,} levels deep, over the limit of {MAX_JSON_DEPTH} "
                "(an export is 4 deep); not a starkit bank export"
            )
        try:
            data = json.loads(data)
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
            detail = " ".join(str(exc).split())[:120] or type(exc).__name__
            raise BankError(f"the import is not valid JSON ({detail})") from None
    if not isinstance(data, dict):
        raise BankError("the import is not a starkit bank export (expected a JSON object)")
    if data.get("format") != EXPORT_FORMAT:
        raise BankError(
            f"the import is not a starkit bank export (its 'format' is not '{EXPORT_FORMAT}')"
        )
    try:
        export = BankExport.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        msg = "unknown field" if err["type"] == "extra_forbidden" else err["msg"]
        raise BankError(f"the import is malformed at '{loc}': {msg}") from None
    seen: set[str] = set()
    for story in export.stories:
        _check_story(story)
        if story.id in seen:
            raise BankError(f"the import has story '{story.id}' twice")
        seen.add(story.id)
    seen_attempts: set[str] = set()
    for attempt in export.attempts:
        if attempt.id in seen_attempts:
            raise BankError(f"the import has attempt '{attempt.id}' twice")
        seen_attempts.add(attempt.id)
        if (attempt.text is None) == (attempt.audio_seconds is None):
            raise BankError(
                f"the import's attempt '{attempt.id}' must hold either text or a recording length"
            )
        if any("\x00" in v for v in (attempt.question, attempt.text or "")):
            raise BankError(f"the import's attempt '{attempt.id}' contains a NUL character")
    seen_interviews: set[str] = set()
    for interview in export.interviews:
        if interview.id in seen_interviews:
            raise BankError(f"the import has interview '{_safe(interview.id)}' twice")
        seen_interviews.add(interview.id)
        _check_interview(interview)
    return export


def _check_interview(interview: Interview) -> None:
    """An imported interview is validated as `StoryBank.add_interview` validates what it saves
    (one-line fields, list items, NUL, surrogates), and must already be in that clean form."""
    from starkit.bank.store import valid_interview

    where = f"the import's interview '{_safe(interview.id)}'"
    try:
        clean = valid_interview(interview.model_dump())
    except InputError as exc:
        raise BankError(f"{where}: {exc}") from None
    if clean != interview:
        raise BankError(f"{where}: has untrimmed fields or repeated list items")


def _check_story(story: ExportedStory) -> None:
    where = f"the import's story '{_safe(story.id)}'"
    if not story.revisions:
        raise BankError(f"{where}: it has no revisions (every story has at least one)")
    # validated exactly as `StoryBank.add` validates what it saves (size, NUL, surrogates)
    from starkit.bank.store import _clean_text, _storable

    try:
        _storable(story.id, "its id")
        for rev in story.revisions:
            _clean_text(rev.text)
            _storable(rev.title, f"revision {rev.number}'s title")
            for tag in rev.tags:
                _storable(tag, f"a tag of revision {rev.number}")
            _storable(rev.note or "", f"revision {rev.number}'s note")
        _clean_text(story.text)
    except InputError as exc:
        raise BankError(f"{where}: {exc}") from None
    numbers = [r.number for r in story.revisions]
    if numbers != list(range(1, len(numbers) + 1)):
        raise BankError(f"{where}: revisions must be numbered 1, 2, 3... in order")
    last = story.revisions[-1]
    if story.revision != last.number or (story.title, story.text, story.tags) != (
        last.title,
        last.text,
        last.tags,
    ):
        raise BankError(f"{where}: its current text, title or tags differ from its last revision")
    for rev in story.revisions:
        if not rev.text.strip():
            raise BankError(f"{where}: revision {rev.number} has no text")
        if normalise_title(rev.title) != rev.title or normalise_tags(rev.tags) != rev.tags:
            raise BankError(f"{where}: revision {rev.number} has an unnormalised title or tags")


# ------------------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _md_inline(value: str) -> str:
    """Escape a title or tag so Markdown shows it literally (and never as HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", value)


def _md_body(text: str) -> str:
    """Story text as written, except `<`, so a Markdown renderer never turns it into HTML."""
    return text.strip().replace("<", "&lt;")


def to_markdown(stories: Sequence[StoredStory]) -> str:
    """A cheat sheet: a competency index (tag -> story titles), then each story in full."""
    lines = ["# Story bank", ""]
    if not stories:
        return "\n".join([*lines, "_No stories yet._", ""])
    ordered = sorted(stories, key=lambda s: s.title.lower())
    count = f"{len(ordered)} story" if len(ordered) == 1 else f"{len(ordered)} stories"
    lines += [f"{count}.", "", "## Competencies", ""]
    index: dict[str, list[str]] = {}
    for story in ordered:
        for tag in story.tags or ("untagged",):
            index.setdefault(tag, []).append(story.title)
    for tag in sorted(index):
        titles = "; ".join(_md_inline(t) for t in index[tag])
        lines.append(f"- **{_md_inline(tag)}** ({len(index[tag])}): {titles}")
    lines.append("")
    for story in ordered:
        tags = ", ".join(_md_inline(t) for t in story.tags) or "untagged"
        lines += [
            f"## {_md_inline(story.title)}",
            "",
            f"_{tags} · revision {story.revision} · updated {story.updated_at:%Y-%m-%d}_",
            "",
            _md_body(story.text),
            "",
        ]
    return "\n".join(lines)


# ------------------------------------------------------------------------- CSV

CSV_COLUMNS = (
    "id",
    "title",
    "tags",
    "revision",
    "words",
    "created_at",
    "updated_at",
    "deleted_at",
    "text",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula (CSV injection), with a quote."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(stories: Sequence[StoredStory]) -> str:
    """One row per story with its current text; user fields are formula-neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in stories:
        writer.writerow(
            [
                s.id,
                _cell(s.title),
                _cell(", ".join(s.tags)),
                s.revision,
                len(s.text.split()),
                s.created_at.isoformat(),
                s.updated_at.isoformat(),
                s.deleted_at.isoformat() if s.deleted_at else "",
                _cell(s.text),
            ]
        )
    return out.getvalue()
