"""`starkit bank ...`: the story bank from the command line (argument parsing and printing only;
the work is in `starkit.bank.StoryBank`).

Every subcommand takes `--db PATH_OR_URL` (else `STARKIT_DB`, else the user's data directory).
Story ids may be shortened to any unique prefix of 4 or more characters, as with git hashes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from starkit.errors import StarkitError
from starkit.textio import terminal_safe as _safe


def _bank(args: argparse.Namespace, *, create: bool = False) -> Any:
    from starkit.bank import StoryBank

    return StoryBank(getattr(args, "db", None), create=create)


def _read_text(file: str, *, limit: int | None = None) -> str:
    """The text of a file, or of standard input for '-', decoded like `starkit lint` does."""
    from starkit.textio import MAX_FILE_BYTES, decode_bytes, read_file, read_stream

    limit = limit or MAX_FILE_BYTES
    if file == "-":
        name = "<stdin>"
        data = read_stream(sys.stdin.buffer, name, limit=limit)
    else:
        name = file
        data = read_file(file, limit=limit)
    decoded = decode_bytes(data, name)
    if decoded.warning:
        print(f"starkit: warning: {decoded.warning}", file=sys.stderr)
    return decoded.text


def _emit(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _json(value: BaseModel | Sequence[BaseModel]) -> str:
    if isinstance(value, BaseModel):
        return value.model_dump_json(indent=2)
    return json.dumps([v.model_dump(mode="json") for v in value], indent=2, ensure_ascii=False)


def _story_line(story: Any) -> str:
    tags = f"  [{', '.join(story.tags)}]" if story.tags else ""
    gone = "  (deleted)" if story.deleted else ""
    return (
        f"{story.id[:8]}  r{story.revision:<3} {story.updated_at:%Y-%m-%d}  "
        f"{_safe(story.title)}{_safe(tags)}{gone}"
    )


def _show_story(story: Any, revision: Any = None) -> str:
    head = [
        f"id:       {story.id}",
        f"title:    {_safe((revision or story).title)}",
        f"tags:     {_safe(', '.join((revision or story).tags)) or '-'}",
    ]
    if revision is not None:
        head.append(f"revision: {revision.number} of {story.revision} ({revision.note})")
        head.append(f"saved:    {revision.created_at:%Y-%m-%d %H:%M} UTC")
    else:
        head.append(f"revision: {story.revision}")
        head.append(f"updated:  {story.updated_at:%Y-%m-%d %H:%M} UTC")
    if story.deleted:
        head.append(f"deleted:  {story.deleted_at:%Y-%m-%d %H:%M} UTC (restore to undelete)")
    return "\n".join([*head, "", _safe((revision or story).text).rstrip()])


# ----------------------------------------------------------------------------- commands


def _add(args: argparse.Namespace) -> int:
    text = _read_text(args.file)
    with _bank(args, create=True) as bank:
        story_id = bank.add(args.title, text, args.tags or ())
        story = bank.get(story_id)
    _emit(_json(story) if args.fmt == "json" else story_id)
    return 0


def _list(args: argparse.Namespace) -> int:
    with _bank(args) as bank:
        found = bank.list(tag=args.tag, include_deleted=args.deleted)
        where = bank.location.display
    if args.fmt == "json":
        _emit(_json(found))
    elif not found:
        _emit(f"no stories in {where}")
    else:
        _emit("\n".join(_story_line(s) for s in found))
    return 0


def _show(args: argparse.Namespace) -> int:
    with _bank(args) as bank:
        story_id = bank.resolve(args.id)
        story = bank.get(story_id)
        rev = bank.revision(story_id, args.revision) if args.revision is not None else None
    if args.fmt == "json":
        _emit(_json(rev if rev is not None else story))
    else:
        _emit(_show_story(story, rev))
    return 0


def _edit(args: argparse.Namespace) -> int:
    if args.file is None and args.title is None and args.tags is None:
        raise StarkitError(
            "nothing to change: give a FILE ('-' for standard input), --title or --tags"
        )
    text = None if args.file is None else _read_text(args.file)
    with _bank(args) as bank:
        story_id = bank.resolve(args.id)
        before = bank.get(story_id).revision
        rev = bank.update(story_id, text, title=args.title, tags=args.tags)
    if args.fmt == "json":
        _emit(_json(rev))
    elif rev.number == before:
        _emit(f"{story_id[:8]}: unchanged (revision {rev.number})")
    else:
        _emit(f"{story_id[:8]}: saved revision {rev.number} (revision {before} kept in history)")
    return 0


def _history(args: argparse.Namespace) -> int:
    with _bank(args) as bank:
        revs = bank.history(bank.resolve(args.id))
    if args.fmt == "json":
        _emit(_json(revs))
        return 0
    lines = []
    for r in revs:
        first = _safe(" ".join(r.text.split()))
        first = first if len(first) <= 60 else first[:57] + "..."
        lines.append(f"r{r.number:<3} {r.created_at:%Y-%m-%d %H:%M}  {r.note:<26} {first}")
    _emit("\n".join(lines))
    return 0


def _restore(args: argparse.Namespace) -> int:
    with _bank(args) as bank:
        story_id = bank.resolve(args.id)
        rev = bank.restore(story_id, args.revision)
    if args.fmt == "json":
        _emit(_json(rev))
    else:
        _emit(f"{story_id[:8]}: revision {args.revision} restored as revision {rev.number}")
    return 0


def _delete(args: argparse.Namespace) -> int:
    with _bank(args) as bank:
        story_id = bank.resolve(args.id)
        bank.delete(story_id, purge=args.purge)
    if args.purge:
        _emit(f"{story_id[:8]}: removed for good, with its history")
    else:
        _emit(f"{story_id[:8]}: deleted (history kept; `starkit bank restore` brings it back)")
    return 0


def _export(args: argparse.Namespace) -> int:
    with _bank(args) as bank:
        if args.fmt == "json":
            out = bank.export_json()
        elif args.fmt == "markdown":
            out = bank.export_markdown()
        else:
            out = bank.export_csv(include_deleted=args.deleted)
    if args.output in (None, "-"):
        sys.stdout.write(out)
    else:
        _write_atomically(Path(args.output), out)
        print(f"starkit: wrote {args.output}", file=sys.stderr)
    return 0


def _write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written export."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StarkitError(f"{path}: the folder {folder} does not exist")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only folder, a full disk, a name that is a folder...
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise StarkitError(f"{_safe(str(path))}: cannot write ({exc.strerror})") from None


def _import(args: argparse.Namespace) -> int:
    from starkit.bank.export import MAX_IMPORT_BYTES, parse_export

    export = parse_export(_read_text(args.file, limit=MAX_IMPORT_BYTES))
    with _bank(args, create=True) as bank:
        result = bank.import_json(export)
    if args.fmt == "json":
        _emit(_json(result))
    else:
        line = (
            f"imported: {result.added} added, {result.updated} updated, "
            f"{result.unchanged} already there"
        )
        if result.interviews_added or result.interviews_updated:
            line += (
                f"; interviews: {result.interviews_added} added, "
                f"{result.interviews_updated} updated"
            )
        _emit(line)
    return 0


def _coverage(args: argparse.Namespace) -> int:
    try:
        from starkit.story.coverage import run_cli
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("starkit.story"):
            raise StarkitError("story coverage is not available in this version") from None
        raise
    with _bank(args) as bank:
        found = bank.list()
    return int(run_cli(found, args))


# ----------------------------------------------------------------------------- parser


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `starkit bank` and its subcommands to the main parser."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH_OR_URL",
        help="the bank: an SQLite file or an SQLAlchemy URL (default: $STARKIT_DB, else "
        "stories.db in your data directory)",
    )
    bank = subparsers.add_parser(
        "bank",
        help="keep STAR stories with full revision history",
        description="Keep STAR stories with every revision. See docs/bank.md.",
        parents=[common],
    )
    sub = bank.add_subparsers(dest="bank_command", required=True, metavar="COMMAND")

    def cmd(
        name: str, func: Callable[[argparse.Namespace], int], help_: str, *, fmt: bool = True
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, parents=[common])
        if fmt:
            p.add_argument("--format", choices=["text", "json"], default="text", dest="fmt")
        p.set_defaults(func=func)
        return p

    def story_id(p: argparse.ArgumentParser) -> None:
        p.add_argument("id", help="the story id (a unique prefix of 4+ characters will do)")

    p = cmd("add", _add, "save a new story (its text from FILE or standard input)")
    p.add_argument("file", nargs="?", default="-", help="the story text; '-' or nothing: stdin")
    p.add_argument("--title", required=True, help="a short name, e.g. 'Checkout latency'")
    p.add_argument("--tags", default=None, help="competencies, comma-separated")

    p = cmd("list", _list, "list stories, most recently updated first")
    p.add_argument("--tag", default=None, help="only stories with this tag")
    p.add_argument("--deleted", action="store_true", help="include deleted stories")

    p = cmd("show", _show, "print a story (or one of its revisions)")
    story_id(p)
    p.add_argument("--revision", type=int, default=None, help="show this revision")

    p = cmd("edit", _edit, "save a new revision of a story (the old one is kept)")
    story_id(p)
    p.add_argument("file", nargs="?", default=None, help="new text; '-' reads standard input")
    p.add_argument("--title", default=None, help="a new title")
    p.add_argument("--tags", default=None, help="new tags, comma-separated ('' clears them)")

    p = cmd("history", _history, "list a story's revisions")
    story_id(p)

    p = cmd("restore", _restore, "make an old revision current again (as a new revision)")
    story_id(p)
    p.add_argument("revision", type=int, help="the revision number to bring back")

    p = cmd("delete", _delete, "delete a story (kept in history; restore undoes it)", fmt=False)
    story_id(p)
    p.add_argument("--purge", action="store_true", help="remove the story and its history for good")

    p = cmd("export", _export, "write the bank as JSON (lossless), Markdown or CSV", fmt=False)
    p.add_argument("--format", choices=["json", "markdown", "csv"], default="json", dest="fmt")
    p.add_argument("-o", "--output", default=None, help="write to this file (default: stdout)")
    p.add_argument("--deleted", action="store_true", help="CSV: include deleted stories")

    p = cmd("import", _import, "load a JSON export (all of it or nothing)")
    p.add_argument("file", help="the JSON export; '-' reads standard input")

    cmd("coverage", _coverage, "which interview questions your stories cover")


__all__ = ["register"]
