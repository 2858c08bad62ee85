"""LaTeX resumes, parsed with pylatexenc: `\\section`, `\\item`, and the macros of the common
templates (Jake's `\\resumeSubheading`/`\\resumeItem`, moderncv and awesome-cv `\\cventry`,
AltaCV `\\cvevent`, Deedy) from `lexicons/resume/latex.toml`.  Macros a resume defines itself
are classified from their bodies.  Markup is stripped and escapes (`\\%`, `\\&`, `--`,
accents) resolved.

A LaTeX paragraph or `\\item` is one line however the source wraps it, so no re-joining is
needed; `\\\\` and table rows end lines, `&` and `\\hfill` separate a header's parts.
Positions are the source line and column where the item starts.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import Field

from starkit.errors import ResumeReadError
from starkit.lexicons import StrictModel, read_toml, validate_model
from starkit.resume.model import Resume
from starkit.resume.roles import RoleHint
from starkit.resume.structure import RawLine, build_resume

ArgRole = Literal["organisation", "title", "dates", "location", "text", "label", "content", "skip"]


class MacroSpec(StrictModel):
    """What a resume macro is and what each of its arguments holds."""

    name: str
    kind: Literal["heading", "role", "header", "bullet", "line", "break", "drop"]
    args: tuple[ArgRole, ...] = ()
    level: int = Field(default=1, ge=0, le=6)
    classes: tuple[str, ...] = ()


class Environments(StrictModel):
    lists: frozenset[str]
    layout_args: dict[str, int]
    skip: frozenset[str]


class LatexFile(StrictModel):
    description: str
    macro: tuple[dict, ...]
    environments: Environments


@dataclass(frozen=True)
class _Table:
    macros: dict[str, list[MacroSpec]]
    envs: Environments


@cache
def _table() -> _Table:
    rel = "resume/latex.toml"
    data = validate_model(rel, None, read_toml(rel), LatexFile)
    out: dict[str, list[MacroSpec]] = {}
    for i, raw in enumerate(data.macro):
        entry = str(raw.get("name", f"#{i + 1}")) if isinstance(raw, dict) else f"#{i + 1}"
        spec = validate_model(rel, entry, raw, MacroSpec)
        out.setdefault(spec.name, []).append(spec)
    return _Table(out, data.environments)


_NEWCOMMAND = re.compile(
    r"\\(?:re)?newcommand\*?\s*\{?\s*\\([A-Za-z@]+)\s*\}?\s*(?:\[(\d)\])?\s*(?:\[[^\]]*\])?\s*\{"
)
_DEF = re.compile(r"\\def\s*\\([A-Za-z@]+)((?:#\d)*)\s*\{")
_TEXT_MACROS = frozenset(
    [
        "textbf",
        "textit",
        "emph",
        "underline",
        "uline",
        "textsc",
        "textrm",
        "textsf",
        "texttt",
        "textup",
        "textmd",
        "textnormal",
        "mbox",
        "makebox",
        "fbox",
        "text",
        "hl",
        "small",
        "footnotesize",
        "scriptsize",
        "tiny",
        "large",
        "Large",
        "LARGE",
        "huge",
        "Huge",
        "normalsize",
        "bfseries",
        "itshape",
        "scshape",
        "MakeUppercase",
        "MakeLowercase",
        "uppercase",
        "lowercase",
        "textcolor",
        "colorbox",
        "centering",
        "raggedright",
        "raggedleft",
        "noindent",
        "strong",
        "mathbf",
    ]
)
_SPACE_MACROS = {"quad": " ", "qquad": " ", "enspace": " ", "thinspace": " ", ",": " ", " ": " "}
_TAB_MACROS = frozenset({"hfill", "hfil", "dotfill", "hspace*fill", "tab", ">", "extracolsep"})
_BREAK_MACROS = frozenset(
    {
        "\\",
        "newline",
        "linebreak",
        "par",
        "break",
        "cr",
        "bigskip",
        "medskip",
        "smallskip",
        "pagebreak",
        "newpage",
        "clearpage",
        "hline",
        "midrule",
        "toprule",
        "bottomrule",
    }
)
_DIMENSION = re.compile(r"^\s*\[\s*-?[\d.]+\s*(?:pt|em|ex|mm|cm|in|bp)\s*\]")
_SPECIALS = {"&": "\t", "~": " ", "--": "–", "---": "—", "``": "“", "''": "”", "!`": "¡"}


def _balanced(text: str, start: int) -> str:
    """The text of the brace group opening at `start - 1` (for a preamble macro body)."""
    depth, i = 1, start
    while i < len(text) and depth:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        depth += c == "{"
        depth -= c == "}"
        i += 1
    return text[start : i - 1]


def _definitions(preamble: str) -> list[tuple[str, int, int]]:
    """(name, number of arguments, offset of the body) of each macro the preamble defines."""
    found = [(m.group(1), int(m.group(2) or 0), m.end()) for m in _NEWCOMMAND.finditer(preamble)]
    found += [(m.group(1), len(m.group(2)) // 2, m.end()) for m in _DEF.finditer(preamble)]
    return found


def classify_user_macros(preamble: str) -> dict[str, MacroSpec]:
    """Specs for macros the document defines: an `\\item` in the body makes a bullet (a role
    when a tabular or `\\hfill` sits beside it), a `\\section` a heading, a list
    `\\begin`/`\\end` a line break."""
    out: dict[str, MacroSpec] = {}
    for name, nargs, end in _definitions(preamble):
        body = _balanced(preamble, end)
        args: tuple[ArgRole, ...] = ("text",) * nargs
        if re.search(r"\\item\b", body) and re.search(r"tabular|&|\\hfill", body):
            out[name] = MacroSpec(name=name, kind="header", args=args)
        elif re.search(r"\\item\b", body):
            out[name] = MacroSpec(name=name, kind="bullet", args=args)
        elif re.search(r"\\(?:sub)*section\*?\b", body):
            level = 1 + body.count("sub", 0, body.find("section"))
            out[name] = MacroSpec(
                name=name, kind="heading", args=args[:1] or ("text",), level=level
            )
        elif re.search(r"\\(?:begin|end)\{(?:itemize|enumerate)\}", body) and nargs == 0:
            out[name] = MacroSpec(name=name, kind="break", args=())
    return out


class _Emitter:
    """Turns the node walk into `RawLine`s: one per paragraph, `\\item`, row or macro line."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.lines: list[RawLine] = []
        self.buf: list[str] = []
        self.pos: int | None = None
        self.bullet = False

    def where(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i + 1, pos - self.starts[i] + 1

    def add(self, s: str, pos: int) -> None:
        if not s:
            return
        if self.pos is None and s.strip():
            self.pos = pos + (len(s) - len(s.lstrip()))
        self.buf.append(s)

    def flush(self) -> None:
        text = "".join(self.buf)
        text = re.sub(r"[ \n\r]+", " ", text)
        text = re.sub(r" *\t[\t ]*", "\t", text).strip(" \t")
        if text.strip() and self.pos is not None:
            line, col = self.where(self.pos)
            self.lines.append(RawLine(text, line, col=col, bullet=self.bullet, brk=True))
        self.buf, self.pos, self.bullet = [], None, False

    def emit(self, line: RawLine, pos: int) -> None:
        self.flush()
        line.line, line.col = self.where(pos)
        line.brk = True
        self.lines.append(line)


class _Walker:
    def __init__(self, text: str, doc_class: str, user: dict[str, MacroSpec]) -> None:
        from pylatexenc.latex2text import LatexNodes2Text

        self.text = text
        self.doc_class = doc_class
        self.user = user
        self.arity: dict[str, int] = {}
        self.table = _table()
        self.out = _Emitter(text)
        self.l2t = LatexNodes2Text(math_mode="text", strict_latex_spaces=False)

    def spec(self, name: str) -> MacroSpec | None:
        specs = self.table.macros.get(name) or []
        chosen = next((s for s in specs if self.doc_class in s.classes), None)
        chosen = chosen or next((s for s in specs if not s.classes), None)
        if chosen is None:
            return self.user.get(name)
        n = self.arity.get(name)
        if n is None or n == len(chosen.args) or chosen.kind in ("drop", "break"):
            return chosen
        # the document defines it with another arity (the old two-argument \resumeSubItem)
        if n > len(chosen.args):
            extra: tuple[ArgRole, ...] = ("text",) * (n - len(chosen.args))
            args = chosen.args + extra
            if chosen.kind == "bullet" and chosen.args == ("text",):
                args = ("label",) + ("text",) * (n - 1)
        else:
            args = chosen.args[:n]
        return chosen.model_copy(update={"args": args})

    # -- rendering a node list to inline text ---------------------------------------------

    def inline(self, nodes: list[Any]) -> str:
        sub = _Walker.__new__(_Walker)
        sub.__dict__.update(self.__dict__)
        sub.out = _Emitter(self.text)
        sub.walk(nodes)
        sub.out.flush()
        return " ".join(ln.text for ln in sub.out.lines)

    def _args(self, node: Any, nodes: list[Any], i: int, want: int) -> tuple[list[Any], int]:
        """The argument groups of macro `node`: those pylatexenc parsed, else the brace groups
        that follow it (skipping spaces and comments).  Returns (groups, next index)."""
        from pylatexenc.latexwalker import LatexCharsNode, LatexCommentNode, LatexGroupNode

        parsed = getattr(node.nodeargd, "argnlist", None) or []
        groups = [a for a in parsed if isinstance(a, LatexGroupNode)]
        if groups and (len(groups) >= want or want == 0):
            return groups, i + 1
        j = i + 1
        out = list(groups)
        while j < len(nodes) and len(out) < want:
            n = nodes[j]
            if isinstance(n, LatexGroupNode):
                out.append(n)
            elif isinstance(n, LatexCommentNode) or (
                isinstance(n, LatexCharsNode) and not n.chars.strip() and "\n\n" not in n.chars
            ):
                pass
            elif isinstance(n, LatexCharsNode) and n.chars.lstrip().startswith("[") and not out:
                pass  # an optional [argument] before the first group
            else:
                break
            j += 1
        return out, j

    def _arg_nodes(self, arg: Any) -> list[Any]:
        return list(getattr(arg, "nodelist", None) or [arg])

    # -- the walk -------------------------------------------------------------------------

    def walk(self, nodes: list[Any]) -> None:
        from pylatexenc.latexwalker import (
            LatexCharsNode,
            LatexCommentNode,
            LatexEnvironmentNode,
            LatexGroupNode,
            LatexMacroNode,
            LatexMathNode,
            LatexSpecialsNode,
        )

        i = 0
        while i < len(nodes):
            n = nodes[i]
            if isinstance(n, LatexCommentNode):
                i += 1
            elif isinstance(n, LatexCharsNode):
                parts = re.split(r"\n[ \t]*\n", n.chars)
                offset = n.pos
                for k, part in enumerate(parts):
                    if k:
                        self.out.flush()
                    self.out.add(_DIMENSION.sub("", part), offset)
                    offset += len(part) + 2
                i += 1
            elif isinstance(n, LatexGroupNode):
                self.walk(n.nodelist or [])
                i += 1
            elif isinstance(n, LatexMathNode):
                self.out.add(self._text_of(n), n.pos)
                i += 1
            elif isinstance(n, LatexSpecialsNode):
                self.out.add(_SPECIALS.get(n.specials_chars, n.specials_chars), n.pos)
                i += 1
            elif isinstance(n, LatexEnvironmentNode):
                self.environment(n)
                i += 1
            elif isinstance(n, LatexMacroNode):
                i = self.macro(n, nodes, i)
            else:
                i += 1

    def _text_of(self, node: Any) -> str:
        try:
            return self.l2t.node_to_text(node)
        except Exception:  # an odd construct: its words are not worth a crash
            return ""

    def environment(self, n: Any) -> None:
        name = n.environmentname
        envs = self.table.envs
        if name in envs.skip:
            return
        body = list(n.nodelist or [])
        skip = envs.layout_args.get(name, 0)
        if skip:
            from pylatexenc.latexwalker import LatexCharsNode, LatexGroupNode

            kept, dropped = [], 0
            for node in body:
                if dropped < skip and isinstance(node, LatexGroupNode):
                    dropped += 1
                    continue
                if dropped < skip and isinstance(node, LatexCharsNode) and not node.chars.strip():
                    continue
                if (
                    dropped < skip
                    and isinstance(node, LatexCharsNode)
                    and node.chars.startswith("[")
                ):
                    continue
                dropped = skip if not isinstance(node, LatexGroupNode) else dropped
                kept.append(node)
            body = kept
        self.out.flush()
        self.walk(body)
        self.out.flush()

    def macro(self, n: Any, nodes: list[Any], i: int) -> int:
        name = n.macroname
        if name == "item":
            self.out.flush()
            self.out.bullet = True
            args = [a for a in (getattr(n.nodeargd, "argnlist", None) or []) if a is not None]
            if args:  # \item[label]
                label = self.inline(self._arg_nodes(args[0])).strip()
                if label and label not in ("•", "-", "–", "$\\bullet$", "∙", "·"):
                    self.out.add(label + " ", n.pos)
            self.out.pos = n.pos + n.len
            return i + 1
        if name in _BREAK_MACROS:
            self.out.flush()
            _, j = self._args(n, nodes, i, 0)
            return j
        if name in _TAB_MACROS:
            self.out.add("\t", n.pos)
            return i + 1
        if name in _SPACE_MACROS:
            self.out.add(_SPACE_MACROS[name], n.pos)
            return i + 1
        spec = self.spec(name)
        if spec is not None:
            return self.apply(spec, n, nodes, i)
        if name in _TEXT_MACROS:
            args, j = self._args(n, nodes, i, 1)
            if name in ("textcolor", "colorbox") and len(args) >= 2:
                args = args[1:]
            for a in args[-1:]:
                self.walk(self._arg_nodes(a))
            return j
        if name in ("href",):
            args, j = self._args(n, nodes, i, 2)
            if args:
                self.walk(self._arg_nodes(args[-1]))
            return j
        if name in ("url", "nolinkurl"):
            args, j = self._args(n, nodes, i, 1)
            if args:
                self.out.add(self.text[args[0].pos + 1 : args[0].pos + args[0].len - 1], n.pos)
            return j
        # symbols, accents and escapes (\%, \&, \'e, \textbullet): pylatexenc's text
        rendered = self._text_of(n)
        self.out.add(rendered, n.pos)
        return i + 1

    def apply(self, spec: MacroSpec, n: Any, nodes: list[Any], i: int) -> int:
        args, j = self._args(n, nodes, i, len(spec.args))
        if spec.kind == "drop":
            return j if spec.args else i + 1
        if spec.kind == "break":
            self.out.flush()
            return j if spec.args else i + 1
        pairs = list(zip(spec.args, args, strict=False))
        if spec.kind == "heading":
            text = " ".join(self.inline(self._arg_nodes(a)) for _, a in pairs).strip()
            if text:
                self.out.emit(RawLine(text, 1, heading=spec.level), n.pos)
            return j
        if spec.kind == "role":
            hint = RoleHint()
            parts = []
            for k, a in pairs:
                if k in ("organisation", "title", "dates", "location"):
                    value = self.inline(self._arg_nodes(a)).strip() or None
                    setattr(hint, k, value)
                    if value:
                        parts.append(value)
            if parts:
                self.out.emit(RawLine("\t".join(parts), 1, role=hint, item="header"), n.pos)
            for k, a in pairs:
                if k == "content":
                    self.out.flush()
                    self.walk(self._arg_nodes(a))
                    self.out.flush()
            return j
        words = []
        for k, a in pairs:
            if k in ("skip", "content"):
                continue
            t = self.inline(self._arg_nodes(a)).strip()
            if t:
                words.append(t + ":" if k == "label" and not t.endswith(":") else t)
        text = " ".join(words) if spec.kind != "header" else "\t".join(words)
        if text:
            kind = {"bullet": "bullet", "header": "header"}.get(spec.kind)
            line = RawLine(text, 1, bullet=spec.kind == "bullet", item=kind)  # type: ignore[arg-type]
            self.out.emit(line, n.pos)
        return j


def latex_lines(text: str, name: str) -> list[RawLine]:
    """The lines of a LaTeX resume body (its preamble read only for macro definitions)."""
    from pylatexenc.latexwalker import LatexWalker

    begin = re.search(r"\\begin\s*\{document\}", text)
    end = re.search(r"\\end\s*\{document\}", text)
    preamble = text[: begin.start()] if begin else ""
    start = begin.end() if begin else 0
    stop = end.start() if end and end.start() > start else len(text)
    cls = re.search(r"\\documentclass\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}", preamble)
    doc_class = cls.group(1).strip() if cls else ""
    user = classify_user_macros(preamble)
    # same offsets and lines as the file: the preamble and comments blanked
    masked = re.sub(r"[^\n]", " ", text[:start]) + text[start:stop]
    masked = re.sub(r"(?<!\\)%[^\n]*", lambda m: " " * len(m.group(0)), masked)
    try:
        nodes, _, _ = LatexWalker(masked, tolerant_parsing=True).get_latex_nodes(pos=start)
    except Exception as exc:
        raise ResumeReadError(
            f"{name}: cannot parse this LaTeX ({type(exc).__name__}); check that it compiles"
        ) from None
    walker = _Walker(masked, doc_class, user)
    walker.arity = {name: n for name, n, _ in _definitions(preamble)}
    walker.walk(nodes)
    walker.out.flush()
    return walker.out.lines


_WRITE = re.compile(r"\\(?:immediate\s*\\)?write\s*(?:\d+|\\[A-Za-z@]+)?\s*\{")


def blank_writes(text: str) -> str:
    """`\\write18{...}` (and `\\immediate\\write...{...}`) blanked to spaces of the same
    length: what a document writes to a shell or a file is never resume text, and the offsets of
    everything else stay as they were."""
    out = []
    pos = 0
    for m in _WRITE.finditer(text):
        if m.start() < pos:
            continue
        depth, k = 1, m.end()
        while k < len(text) and depth:
            if text[k] == "\\":
                k += 2
                continue
            depth += {"{": 1, "}": -1}.get(text[k], 0)
            k += 1
        out.append(text[pos : m.start()])
        out.append(re.sub(r"[^\n]", " ", text[m.start() : k]))
        pos = k
    out.append(text[pos:])
    return "".join(out)


def read_latex(text: str, name: str) -> Resume:
    """Read a LaTeX resume (see the module docstring)."""
    lines = latex_lines(blank_writes(text), name)
    if not lines:
        raise ResumeReadError(f"{name}: the LaTeX document has no text")
    return build_resume(lines, name, "latex")
