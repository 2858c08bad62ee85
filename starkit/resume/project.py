"""LaTeX projects (an Overleaf download: a folder or a `.zip`): find the main file and inline
the files it `\\input`s, `\\include`s, `\\subfile`s or `\\import`s, then read the result as one
LaTeX resume.  An included file is inlined on one line, so positions are lines of the main
file: what an included file holds is reported at the line of its `\\input`.

Only files inside the project are followed: an absolute path, a `..` step, a symlink, a loop
or a chain deeper than `[project] max_depth` is skipped with a warning.  A zip is checked
before it is read (entry count, declared sizes) and while it is read (the bytes actually
inflated), so a zip bomb is refused without being inflated.  A project with no main file
(section files only) is read as its `.tex` files in name order.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath

from pydantic import Field

from starkit.errors import ResumeReadError
from starkit.lexicons import StrictModel, read_toml, validate_model
from starkit.resume.model import Resume
from starkit.textio import MAX_FILE_BYTES

TEX_SUFFIXES = (".tex", ".ltx", ".xtx")


class ProjectLimits(StrictModel):
    """Bounds on what a project may make starkit read (`lexicons/resume/latex.toml`)."""

    max_depth: int = Field(ge=1, le=64)
    max_files: int = Field(ge=1, le=100_000)
    max_entries: int = Field(ge=1, le=1_000_000)
    max_ratio: int = Field(ge=1, le=100_000)
    main_names: tuple[str, ...]
    main_words: tuple[str, ...]
    main_avoid: tuple[str, ...]
    system_inputs: frozenset[str]


@cache
def limits() -> ProjectLimits:
    """The project limits, validated on first use."""
    rel = "resume/latex.toml"
    raw = read_toml(rel).get("project")
    return validate_model(rel, "project", raw, ProjectLimits)


LATEX_SUFFIXES = (".tex", ".ltx", ".xtx")
"""A file with one of these names, read from disk, has its `\\input`s read from beside it."""

_INCLUDE = re.compile(
    r"\\(?P<cmd>input|include|subfile|InputIfFileExists|includeonly)\s*\{(?P<arg>[^{}]*)\}"
    r"|\\(?P<cmd2>import|subimport|inputfrom|subinputfrom|includefrom|subincludefrom)\*?\s*"
    r"\{(?P<dir>[^{}]*)\}\s*\{(?P<arg2>[^{}]*)\}"
    r"|\\input[ \t]+(?P<bare>[\w./-]+)"
)
_SUBFILE = re.compile(r"\\documentclass\s*(?:\[[^\]]*\])?\s*\{(?:subfiles|standalone)\}")
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")


def strip_comments(text: str) -> str:
    """The text with each `%` comment removed (a commented-out `\\input` is not followed)."""
    return _COMMENT.sub("", text)


_SIMPLE_MACRO = re.compile(
    r"\\(?:(?:re|provide)?newcommand\*?\s*\{?\s*\\([A-Za-z@]+)\s*\}?|\\def\s*\\([A-Za-z@]+))"
    r"\s*\{([^{}\\#]*)\}"
)


def _simple_macros(text: str) -> dict[str, str]:
    """Macros a file defines as plain text with no arguments (`\\newcommand*{\\sectiondir}
    {resume/}`), for include paths that use them."""
    return {m.group(1) or m.group(2): m.group(3).strip() for m in _SIMPLE_MACRO.finditer(text)}


def _is_main(text: str) -> bool:
    t = strip_comments(text)
    return bool(re.search(r"\\documentclass", t) and re.search(r"\\begin\s*\{document\}", t))


def _safe_parts(rel: str) -> tuple[str, ...] | None:
    """The parts of a path inside the project, or None when it leaves it (absolute, `..`,
    a drive letter, a backslash)."""
    if not rel or "\\" in rel or "\x00" in rel or re.match(r"^[A-Za-z]:", rel):
        return None
    p = PurePosixPath(rel)
    if p.is_absolute() or rel.startswith("~"):
        return None
    parts = tuple(x for x in p.parts if x not in ("", "."))
    if not parts or ".." in parts:
        return None
    return parts


class _Files:
    """The project's files: `names` (posix paths) and `read(name)` within a byte budget."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.budget = MAX_FILE_BYTES
        self.names: list[str] = []

    def take(self, n: int) -> None:
        self.budget -= n
        if self.budget < 0:
            raise ResumeReadError(
                f"{self.label}: the project's files add up to more than "
                f"{MAX_FILE_BYTES // 1_000_000} MB"
            )

    def has(self, name: str) -> bool:
        raise NotImplementedError

    def read(self, name: str) -> bytes | None:
        raise NotImplementedError


class _Folder(_Files):
    def __init__(self, root: Path, label: str, *, scan: bool = True) -> None:
        super().__init__(label)
        self.root = root
        lim = limits()
        found: list[str] = []
        stack = [(root, 0)] if scan else []
        seen = 0
        while stack:
            folder, depth = stack.pop()
            try:
                entries = sorted(folder.iterdir())
            except OSError:
                continue
            seen += len(entries)
            if seen > lim.max_entries:
                raise ResumeReadError(
                    f"{label}: more than {lim.max_entries:,} files and folders; "
                    "give the resume's project folder, not a parent of it"
                )
            for entry in entries:
                if entry.is_symlink() or entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    if depth < lim.max_depth:
                        stack.append((entry, depth + 1))
                elif entry.is_file() and entry.suffix.lower() in TEX_SUFFIXES:
                    found.append(entry.relative_to(root).as_posix())
                    if len(found) > lim.max_files:
                        raise ResumeReadError(
                            f"{label}: more than {lim.max_files} LaTeX files; "
                            "is this the resume's project folder?"
                        )
        self.names = sorted(found)

    def _path(self, name: str) -> Path | None:
        """The regular file `name` inside the root, reached through no symlink."""
        parts = _safe_parts(name)
        if parts is None:
            return None
        path = self.root
        mode = 0
        for part in parts:
            path = path / part
            try:
                mode = path.lstat().st_mode
            except OSError:
                return None
            if stat.S_ISLNK(mode):
                return None  # a symlink may point out of the project: never followed
        return path if stat.S_ISREG(mode) else None

    def has(self, name: str) -> bool:
        return self._path(name) is not None

    def read(self, name: str) -> bytes | None:
        path = self._path(name)
        if path is None:
            return None
        size = path.stat().st_size
        self.take(size)
        try:
            return path.read_bytes()[:size]
        except OSError:
            return None


class ZipFiles(_Files):
    """The members of a `.zip` starkit may read: folders, symlinks, encrypted entries and
    paths leaving the archive ('../x', '/etc/x') left out, the entry count and the declared
    inflated size bounded, each member read within the byte budget and never past its declared
    size. `names` lists its LaTeX files; `infos` every readable member (a LaTeX project, a
    LinkedIn data export)."""

    def __init__(self, data: bytes, label: str) -> None:
        super().__init__(label)
        lim = limits()
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise ResumeReadError(f"{label}: a corrupt or truncated ZIP file") from None
        if len(infos) > lim.max_entries:
            raise ResumeReadError(
                f"{label}: the ZIP holds {len(infos):,} entries, more than the "
                f"{lim.max_entries:,} a resume project may have"
            )
        declared = sum(i.file_size for i in infos)
        if declared > MAX_FILE_BYTES * lim.max_ratio:
            raise ResumeReadError(f"{label}: the ZIP inflates to far more than a resume project")
        self.infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            kind = (info.external_attr >> 16) & 0o170000
            if info.is_dir() or kind == stat.S_IFLNK or info.flag_bits & 0x1:
                continue  # folders, symlinks and encrypted entries are never read
            parts = _safe_parts(info.filename)
            if parts is None:
                continue  # '../x', '/etc/x': outside the project
            self.infos["/".join(parts)] = info
        tex = [n for n in self.infos if n.lower().endswith(TEX_SUFFIXES)]
        if len(tex) > lim.max_files:
            raise ResumeReadError(f"{label}: more than {lim.max_files} LaTeX files in the ZIP")
        self.names = sorted(tex)

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes | None:
        info = self.infos.get(name)
        if info is None:
            return None
        if info.file_size > self.budget:
            self.take(info.file_size)
        out = bytearray()
        try:
            with self.zf.open(info) as fh:
                while chunk := fh.read(65536):
                    out += chunk
                    if len(out) > info.file_size:
                        raise ResumeReadError(
                            f"{self.label}: {name} inflates beyond its declared size"
                        )
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
            raise ResumeReadError(f"{self.label}: {name} is corrupt in the ZIP") from None
        self.take(len(out))
        return bytes(out)


def latex_sources(names: list[str]) -> bool:
    """True for the member names of a ZIP that holds LaTeX sources and is not an Office
    document (an Overleaf project download)."""
    if "word/document.xml" in names or "[Content_Types].xml" in names:
        return False
    return any(n.lower().endswith(TEX_SUFFIXES) for n in names)


@dataclass
class _Inliner:
    files: _Files
    decode: Callable[[bytes, str], str]
    warnings: list[str] = field(default_factory=list)
    read_names: set[str] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)  # \sectiondir -> 'resume/'

    def resolve_names(self, arg: str) -> str:
        """An include argument with the project's text macros put in
        (`\\import{\\sectiondir}{..}`)."""
        return re.sub(
            r"\\([A-Za-z@]+)\s*(?:\{\})?", lambda m: self.names.get(m.group(1), m.group(0)), arg
        )

    def resolve(self, arg: str, folder: str) -> str | None:
        """The project file an include names (tried with `.tex` too), or None."""
        arg = arg.strip().strip('"')
        parts = _safe_parts(arg)
        if parts is None:
            self.warnings.append(
                f"skipped \\input{{{arg}}}: outside the project (absolute path or '..')"
            )
            return None
        rel = "/".join(parts)
        candidates = []
        for base in dict.fromkeys([folder, ""]):
            joined = f"{base}/{rel}" if base else rel
            candidates += [joined, joined + ".tex"]
        for c in candidates:
            if self.files.has(c):
                return c
        if rel not in limits().system_inputs:
            self.warnings.append(f"skipped \\input{{{arg}}}: no such file in the project")
        return None

    def inline(self, name: str, chain: tuple[str, ...]) -> str:
        """The text of project file `name` with its includes inlined."""
        data = self.files.read(name)
        if data is None:
            self.warnings.append(f"skipped {name}: not a regular file inside the project")
            return ""
        self.read_names.add(name)
        return self.inline_text(self.decode(data, name), name, chain)

    def inline_text(self, text: str, name: str, chain: tuple[str, ...]) -> str:
        """`text` (project file `name`) with its includes inlined."""
        lim = limits()
        text = strip_comments(text)
        if chain:  # a \subfile (a document of its own that the main file includes): its body
            body = re.search(r"\\begin\s*\{document\}(.*?)(?:\\end\s*\{document\}|$)", text, re.S)
            if body and _SUBFILE.search(text[: body.start()]):
                text = body.group(1)
        folder = str(PurePosixPath(name).parent) if "/" in name else ""
        chain = (*chain, name)
        self.names.update(_simple_macros(text))

        def sub(m: re.Match[str]) -> str:
            cmd = m.group("cmd") or m.group("cmd2") or "input"
            if cmd == "includeonly":
                return ""
            if m.group("cmd2"):
                folder_arg = self.resolve_names(m.group("dir")).strip()
                arg = f"{folder_arg.rstrip('/')}/{self.resolve_names(m.group('arg2')).strip()}"
                arg = arg.lstrip("/") if folder_arg in ("", "/") else arg
            else:
                arg = m.group("arg") if m.group("arg") is not None else m.group("bare")
                arg = self.resolve_names(arg)
            target = self.resolve(arg, folder)
            if target is None:
                return " "
            if target in chain:
                self.warnings.append(f"skipped \\input{{{arg}}} in {name}: it includes itself")
                return " "
            if len(chain) >= lim.max_depth:
                self.warnings.append(
                    f"skipped \\input{{{arg}}} in {name}: includes nested deeper than "
                    f"{lim.max_depth}"
                )
                return " "
            return _one_line(self.inline(target, chain))

        return _INCLUDE.sub(sub, text)


def _one_line(text: str) -> str:
    """An included file's text on one line (a blank line becomes `\\par`, as in TeX), so
    that everything it holds is reported at the line of the main file's `\\input`."""
    text = re.sub(r"\n[ \t]*\n\s*", lambda _: " \\par ", text.strip("\n"))
    return " \\par " + text.replace("\n", " ") + " \\par "


def _main_file(files: _Files, decode: Callable[[bytes, str], str]) -> str | None:
    """The file with `\\documentclass` and `\\begin{document}`; when there are several, not a
    cover letter, then the shallowest, then by name (main.tex, resume.tex, a name holding
    'resume' or 'cv')."""
    mains = []
    includes: dict[str, set[str]] = {}
    for name in files.names:
        data = files.read(name)
        if data is None:
            continue
        text = decode(data, name)
        if _is_main(text):
            mains.append(name)
        includes[name] = {
            PurePosixPath(m.group("arg") or m.group("arg2") or m.group("bare") or "").stem
            for m in _INCLUDE.finditer(strip_comments(text))
        }
    files.budget = MAX_FILE_BYTES  # the scan does not count against the read
    if not mains:
        return None
    # a file that includes the one holding \documentclass ('\include{header}' at the top of
    # cv.tex), and that nothing includes, is the root the author compiles
    included = {stem for inc in includes.values() for stem in inc}
    roots = [
        n
        for n, inc in includes.items()
        if n not in mains
        and any(PurePosixPath(m).stem in inc for m in mains)
        and PurePosixPath(n).stem not in included
    ]
    if roots:
        mains = roots
    lim = limits()
    preferred = {n: i for i, n in enumerate(lim.main_names)}

    def rank(name: str) -> tuple[bool, int, int, bool, str]:
        low = name.lower()
        stem = PurePosixPath(low).name
        return (
            any(w in low for w in lim.main_avoid),  # a cover letter beside the resume
            name.count("/"),
            preferred.get(stem, len(preferred)),
            not any(w in stem for w in lim.main_words),
            name,
        )

    return min(mains, key=rank)


def _decoder() -> Callable[[bytes, str], str]:
    from starkit.resume.detect import decode

    return lambda data, name: decode(data, name)[0]


def _read_project(files: _Files, label: str) -> Resume:
    from starkit.resume.latex import read_latex

    decode = _decoder()
    if not files.names:
        raise ResumeReadError(f"{label}: no LaTeX (.tex) file in this project")
    inliner = _Inliner(files, decode)
    main = _main_file(files, decode)
    if main is not None:
        text = inliner.inline(main, ())
        where = f"{label}/{main}"
    else:  # section files only: each read in name order
        parts = [inliner.inline(n, ()) for n in files.names if n not in inliner.read_names]
        text = "\n\n".join(parts)
        where = label
    resume = read_latex(text, where)
    resume.name = label
    resume.warnings.extend(inliner.warnings)
    return resume


def read_folder(root: Path, label: str) -> Resume:
    """Read the LaTeX project in folder `root`."""
    if root.is_symlink():
        raise ResumeReadError(f"{label}: a symlink, not a project folder")
    return _read_project(_Folder(root, label), label)


def read_zip(data: bytes, label: str) -> Resume:
    """Read the LaTeX project in a `.zip` (an Overleaf download)."""
    return _read_project(ZipFiles(data, label), label)


def expand_beside(text: str, path: Path, label: str) -> tuple[str, list[str]]:
    """A main `.tex` file read from disk: what it includes inlined from the folder it sits
    in (the same rules as a project; the folder is not listed).  Returns (text, warnings)."""
    if not _INCLUDE.search(strip_comments(text)):
        return text, []
    inliner = _Inliner(_Folder(path.parent, label, scan=False), _decoder())
    return inliner.inline_text(text, path.name, ()), inliner.warnings


def is_main_file(path: Path) -> bool:
    """True for a `.tex` file on disk that a project compiles (`\\documentclass` and
    `\\begin{document}`); read bounded and refusing special files."""
    from starkit.errors import StarkitError
    from starkit.textio import read_file

    try:
        data = read_file(path, str(path), error=ResumeReadError)
    except StarkitError:
        return False
    return _is_main(data.decode("utf-8", "replace"))
