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
import contextlib
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import Field

from starkit.errors import ResumeReadError
from starkit.lexicons import StrictModel, read_toml, validate_model
from starkit.resume.model import Resume
from starkit.resume.roles import RoleHint, ends_with_date, has_date_range, has_title_word
from starkit.resume.structure import RawLine, build_resume

ArgRole = Literal["organisation", "title", "dates", "location", "text", "label", "content", "skip"]


class MacroSpec(StrictModel):
    """What a resume macro is and what each of its arguments holds."""

    name: str
    kind: Literal["heading", "role", "header", "bullet", "line", "break", "drop", "stop", "tag"]
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
    environment: tuple[dict, ...] = ()
    environments: Environments
    families: dict[str, tuple[str, ...]]
    symbols: dict[str, str]
    project: dict[str, Any]  # validated by starkit.resume.project.ProjectLimits


@dataclass(frozen=True)
class _Table:
    macros: dict[str, list[MacroSpec]]
    envs: Environments
    families: dict[str, tuple[str, ...]]
    env_specs: dict[str, MacroSpec]
    symbols: dict[str, str]


@cache
def _table() -> _Table:
    rel = "resume/latex.toml"
    data = validate_model(rel, None, read_toml(rel), LatexFile)
    out: dict[str, list[MacroSpec]] = {}
    for i, raw in enumerate(data.macro):
        entry = str(raw.get("name", f"#{i + 1}")) if isinstance(raw, dict) else f"#{i + 1}"
        spec = validate_model(rel, entry, raw, MacroSpec)
        out.setdefault(spec.name, []).append(spec)
    env_specs = {}
    for i, raw in enumerate(data.environment):
        entry = str(raw.get("name", f"env #{i + 1}")) if isinstance(raw, dict) else f"#{i + 1}"
        spec = validate_model(rel, entry, raw, MacroSpec)
        env_specs[spec.name] = spec
    return _Table(out, data.environments, data.families, env_specs, data.symbols)


def template_family(text: str, doc_class: str) -> str:
    """The document class, or for a file with none (a section file `\\input` by a main
    file) the template family its macros betray (`latex.toml` [families])."""
    if doc_class:
        return doc_class
    for family, markers in _table().families.items():
        if any(m in text for m in markers):
            return family
    return ""


_NEWCOMMAND = re.compile(
    r"\\(?:(?:re|provide)?newcommand|DeclareRobustCommand)\*?\s*\{?\s*\\([A-Za-z@]+)\s*\}?"
    r"\s*(?:\[(\d)\])?\s*(?:\[([^\]]*)\])?\s*\{"
)
_DEF = re.compile(r"\\[gex]?def\s*\\([A-Za-z@]+)((?:#\d)*)\s*\{")
_DOCUMENT_COMMAND = re.compile(
    r"\\(?:New|Renew|Provide|Declare)DocumentCommand\s*\{?\s*\\([A-Za-z@]+)\s*\}?\s*"
    r"\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{"
)
_MAX_EXPANSION_DEPTH = 8
_MAX_EXPANSIONS = 600  # per document (real resumes use < 100): '\\def\\a{\\a\\a\\a}' stays cheap
_PROSE_WORDS = 8  # a template's short slot (grade, date) holding this many words is prose
# macros that typeset a list bullet by hand ('\\cvitem{}{\\labelitemi\\ Led..}')
_GLYPH_MACROS = {"labelitemi": "• ", "labelitemii": "– ", "textbullet": "• ", "bullet": "• "}


@dataclass(frozen=True)
class UserMacro:
    """A macro the document defines: its brace arguments, the default of an optional first
    argument (`\\newcommand{\\x}[2][d]{..}`: `#1` is `d`), and its body."""

    name: str
    nargs: int
    body: str
    optional: int = 0
    default: str = ""

    @property
    def braces(self) -> int:
        """How many {arguments} a use of the macro takes."""
        return max(0, self.nargs - self.optional)

    def expand(self, args: list[str]) -> str:
        """The body with `#k` replaced by the arguments (optional ones by their default)."""
        values = [self.default] * self.optional + args
        values += [""] * (self.nargs - len(values))

        def sub(m: re.Match[str]) -> str:
            if m.group(0) == "\\#":
                return m.group(0)  # an escaped '#' sign, not a parameter
            if m.group(0) == "##":
                return "#"
            k = int(m.group(1)) - 1
            return values[k] if 0 <= k < len(values) else ""

        # a control word stays one token when a parameter follows it ('\\textlangle#1')
        body = re.sub(r"(\\[A-Za-z@]+)(?=#\d)", r"\1 ", self.body)
        return re.sub(r"\\#|##|#(\d)", sub, body)


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
        "parbox",
        "framebox",
        "fcolorbox",
        "shadowbox",
        "doublebox",
        "ovalbox",
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


def _definitions(preamble: str) -> list[UserMacro]:
    """The macros the preamble (or a section file) defines, in order."""
    found: list[UserMacro] = []
    for m in _NEWCOMMAND.finditer(preamble):
        n = int(m.group(2) or 0)
        body = _balanced(preamble, m.end())
        if n and m.group(3) is not None:
            found.append(UserMacro(m.group(1), n, body, optional=1, default=m.group(3)))
        else:
            found.append(UserMacro(m.group(1), n, body))
    for m in _DEF.finditer(preamble):
        body = _balanced(preamble, m.end())
        found.append(UserMacro(m.group(1), len(m.group(2)) // 2, body))
    for m in _DOCUMENT_COMMAND.finditer(preamble):
        # xparse argument types: m (mandatory) and v take braces; o, O{..}, s, d.. do not
        spec = re.sub(r"[OD]\{[^{}]*\}|[rRdD]..|[!+>=]\{?[^{}]*\}?", "o", m.group(2))
        mandatory = len(re.findall(r"[mv]", spec))
        optional = len(re.findall(r"[oOs]", spec))
        body = _balanced(preamble, m.end())
        # simplification: the optional arguments are taken to come first
        found.append(UserMacro(m.group(1), mandatory + optional, body, optional=optional))
    return found


def classify_user_macros(preamble: str) -> dict[str, MacroSpec]:
    """Specs for macros the document defines: an `\\item` beside a tabular or `\\hfill`, or
    three or more arguments laid out in columns, make a role header; a `\\section` a
    heading; a list `\\begin`/`\\end` a line break."""
    out: dict[str, MacroSpec] = {}
    for macro in _definitions(preamble):
        name, body = macro.name, macro.body
        nargs = macro.braces
        if _expands(body):
            continue  # expanded where used (see `expandable_macros`)
        args: tuple[ArgRole, ...] = ("text",) * nargs
        columns = re.search(r"tabular|(?<!\\)&|\\hfill", body)
        if columns and (
            re.search(r"\\item\b", body) or (nargs >= 3 and "\\begin{itemize" not in body)
        ):
            # '\\item \\textbf{#1} \\hfill #2', a tabular of org, title, dates, place
            out[name] = MacroSpec(name=name, kind="header", args=args)
        elif re.search(r"\\(?:sub)*section\*?\b", body):
            level = 1 + body.count("sub", 0, body.find("section"))
            out[name] = MacroSpec(
                name=name, kind="heading", args=args[:1] or ("text",), level=level
            )
        elif re.search(r"\\(?:begin|end)\{(?:itemize|enumerate)\}", body) and nargs == 0:
            out[name] = MacroSpec(name=name, kind="break", args=())
    return out


def _uses_template_macro(body: str) -> bool:
    """True when a macro body calls a macro `latex.toml` knows as a role, bullet or
    line (`\\newcommand{\\job}[4]{\\resumeSubheading{#1}{#2}{#3}{#4}}`)."""
    macros = _table().macros
    for name in re.findall(r"\\([A-Za-z@]+\*?)", body):
        specs = macros.get(name) or []
        if any(s.kind in ("role", "header", "bullet", "line") for s in specs):
            return True
    return False


_PROGRAMMING = re.compile(
    r"\\(?:[gex]?def|(?:re|provide)?newcommand|let|csname|expandafter|futurelet|catcode"
    r"|makeatletter|if[a-z]*|newenvironment|NewDocumentCommand)\b"
)


def expandable_macros(text: str) -> dict[str, UserMacro]:
    """The user macros expanded where they are used, as TeX would: every one with a body
    that is not classified as a role header, heading or list break (see
    `classify_user_macros`) and that does no TeX programming of its own."""
    classified = classify_user_macros(text)
    return {
        m.name: m
        for m in _definitions(text)
        if m.name not in classified and m.body.strip() and not _PROGRAMMING.search(m.body)
    }


def _expands(body: str) -> bool:
    """A body that calls a template macro or holds an `\\item` (an item macro, or a whole
    list) is expanded where used; an `\\item` beside a tabular or `\\hfill` is a role
    header and classified instead."""
    if _uses_template_macro(body):
        return True
    if not re.search(r"\\item\b", body):
        return False
    header = re.search(r"tabular|&|\\hfill", body)
    return not header or bool(re.search(r"\\begin\s*\{(?!tabular)", body))


class _Emitter:
    """Turns the node walk into `RawLine`s: one per paragraph, `\\item`, row or macro line."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.lines: list[RawLine] = []
        self.buf: list[str] = []
        self.pos: int | None = None
        self.bullet = False
        self.fixed: int | None = None  # inside a macro expansion: its use's position

    def at(self, pos: int) -> int:
        """A position in the file: inside a macro expansion, the position of its use."""
        return self.fixed if self.fixed is not None else pos

    def where(self, pos: int) -> tuple[int, int]:
        """(line, column) of a file position."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i + 1, pos - self.starts[i] + 1

    def add(self, s: str, pos: int) -> None:
        if not s:
            return
        if self.pos is None and s.strip():
            self.pos = self.at(pos + (len(s) - len(s.lstrip())))
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
        line.line, line.col = self.where(self.at(pos))
        line.brk = True
        self.lines.append(line)


class _Stop(Exception):
    """A macro that ends the resume part of the file (moderncv's letter) was met."""


class _Walker:
    def __init__(self, text: str, doc_class: str, user: dict[str, MacroSpec]) -> None:
        from pylatexenc.latex2text import LatexNodes2Text

        self.text = text
        self.doc_class = doc_class
        self.user = user
        self.expand: dict[str, UserMacro] = {}
        self.depth = 0
        self.expansions = [0]  # shared with the sub-walkers of `inline`
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
        bracket = 0  # inside an optional [argument] ('\\framebox[\\textwidth][l]{..}')
        while j < len(nodes) and len(out) < want:
            n = nodes[j]
            if bracket:
                if isinstance(n, LatexCharsNode):
                    bracket += n.chars.count("[") - n.chars.count("]")
                    if bracket <= 0 and n.chars.rstrip()[-1:] not in ("]", "["):
                        break  # text follows the ']': not an argument list after all
                    bracket = max(bracket, 0)
            elif isinstance(n, LatexGroupNode):
                out.append(n)
            elif isinstance(n, LatexCommentNode) or (
                isinstance(n, LatexCharsNode) and not n.chars.strip() and "\n\n" not in n.chars
            ):
                pass
            elif isinstance(n, LatexCharsNode) and n.chars.lstrip().startswith("[") and not out:
                # an optional [argument] before the first group, maybe holding macros
                bracket = max(n.chars.count("[") - n.chars.count("]"), 0)
                if not bracket and n.chars.rstrip()[-1:] != "]":
                    break
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
                # '$^{th}$', '$_{2}$': a superscript reads as the letters themselves
                self.out.add(re.sub(r"[\^_]", "", self._text_of(n)), n.pos)
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
        spec = self.table.env_specs.get(name)
        if spec is not None:  # \begin{rSubsection}{Org}{Dates}{Title}{Place}: its args, then body
            nodes = [n, *body]
            j = self.apply(spec, n, nodes, 0)
            self.out.flush()
            self.walk(nodes[j:])
            self.out.flush()
            return
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
            self.out.pos = self.out.at(n.pos + n.len)
            return i + 1
        if name in _BREAK_MACROS:
            _, j = self._args(n, nodes, i, 0)
            if name in ("\\", "newline") and self.out.bullet and "\t" not in "".join(self.out.buf):
                self.out.add(" ", n.pos)  # a line break inside one item does not end it
            else:
                self.out.flush()
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
        if (
            name in self.expand
            and self.depth < _MAX_EXPANSION_DEPTH
            and self.expansions[0] < _MAX_EXPANSIONS
        ):
            self.expansions[0] += 1
            return self.expand_macro(self.expand[name], n, nodes, i)
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
        if name in _GLYPH_MACROS:
            self.out.add(_GLYPH_MACROS[name], n.pos)
            return i + 1
        if name in self.table.symbols:
            self.out.add(self.table.symbols[name], n.pos)
            _, j = self._args(n, nodes, i, 0)
            if j < len(nodes) and _empty_group(nodes[j]):
                j += 1  # '\textbar{}'
            return max(j, i + 1)
        parsed = [a for a in (getattr(n.nodeargd, "argnlist", None) or []) if a is not None]
        if parsed and self._structural(parsed[-1]):
            # '\fcolorbox{..}{..}{\section{..} ..}': a box around the resume itself
            self.out.flush()
            self.walk(self._arg_nodes(parsed[-1]))
            self.out.flush()
            return i + 1
        rendered = self._text_of(n)
        self.out.add(rendered, n.pos)
        return i + 1

    def expand_macro(self, macro: UserMacro, n: Any, nodes: list[Any], i: int) -> int:
        """Walk the body of a user macro with its arguments put in (`\\resitem{..}` ->
        `\\item ..`), reported at the position of its use."""
        from pylatexenc.latexwalker import LatexWalker

        args, j = self._args(n, nodes, i, macro.braces)
        values = [self.text[a.pos + 1 : a.pos + a.len - 1] for a in args]
        body = macro.expand(values)
        try:
            sub, _, _ = LatexWalker(body, tolerant_parsing=True).get_latex_nodes()
        except Exception:  # an odd body: its words are not worth a crash
            return j
        saved = (self.text, self.out.fixed)
        self.text = body
        self.out.fixed = saved[1] if saved[1] is not None else n.pos
        self.depth += 1
        try:
            self.walk(sub)
        finally:
            self.depth -= 1
            self.text, self.out.fixed = saved
        return j

    def _structural(self, arg: Any) -> bool:
        """True when an argument holds items, environments or resume macros (so it is
        walked, not flattened to text)."""
        from pylatexenc.latexwalker import LatexEnvironmentNode, LatexMacroNode

        for node in self._arg_nodes(arg):
            if isinstance(node, LatexEnvironmentNode):
                return True
            if isinstance(node, LatexMacroNode) and (
                node.macroname == "item" or self.spec(node.macroname) is not None
            ):
                return True
            if getattr(node, "nodelist", None) and self._structural(node):
                return True
        return False

    def _prose(self, arg: Any) -> bool:
        """True for an argument that holds a sentence or a list, not a short value."""
        if _holds_items(self._arg_nodes(arg)):
            return True
        return len(self.inline(self._arg_nodes(arg)).split()) >= _PROSE_WORDS

    def apply(self, spec: MacroSpec, n: Any, nodes: list[Any], i: int) -> int:
        args, j = self._args(n, nodes, i, len(spec.args))
        if spec.kind == "stop":
            raise _Stop
        if spec.kind == "drop":
            return j if spec.args else i + 1
        if spec.kind == "break":
            self.out.flush()
            return j if spec.args else i + 1
        if spec.kind == "tag":  # '\\cvtag{Vue.js}\\cvtag{Django}': boxed words, a space apart
            for k, a in zip(spec.args, args, strict=False):
                if k != "skip":
                    self.walk(self._arg_nodes(a))
                    self.out.add(" ", n.pos)
            return j
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
            hint = _by_content(hint)
            if parts:
                self.out.emit(RawLine("\t".join(parts), 1, role=hint, item="header"), n.pos)
            for k, a in pairs:
                # moderncv's fifth argument (a grade) is where many write the description
                if k == "content" or (k == "skip" and self._prose(a)):
                    self.out.flush()
                    start = len(self.out.lines)
                    self.walk(self._arg_nodes(a))
                    self.out.flush()
                    for ln in self.out.lines[start:]:
                        _describe(ln)
            return j
        words = []
        bodies: list[list[Any]] = []
        labelled = False
        for k, a in pairs:
            if k in ("skip", "content"):
                continue
            nodes_a = self._arg_nodes(a)
            if spec.kind == "line" and _holds_items(nodes_a):
                bodies.append(nodes_a)  # \cvitem{}{\begin{itemize}\item ..}: a list, not a line
                continue
            cut = self._unclosed(nodes_a)
            if cut is not None:  # '\resumeItem{..' never closed: the rest is the document
                bodies.append(nodes_a[cut:])
                nodes_a = nodes_a[:cut]
            t = self.inline(nodes_a).strip()
            if t:
                labelled = labelled or k == "label"
                words.append(t + ":" if k == "label" and not t.endswith(":") else t)
        text = " ".join(words) if spec.kind != "header" else "\t".join(words)
        if text:
            kind = {"bullet": "bullet", "header": "header"}.get(spec.kind)
            if spec.kind == "line" and labelled:
                kind = "text"  # '\cvitem{Languages}{..}': a labelled line, not a claim
            line = RawLine(text, 1, bullet=spec.kind == "bullet", item=kind)  # type: ignore[arg-type]
            self.out.emit(line, n.pos)
        for body in bodies:
            self.out.flush()
            self.walk(body)
            self.out.flush()
        return j

    def _unclosed(self, nodes: list[Any]) -> int | None:
        """Where a one-line argument runs into the document's structure (a section heading,
        a role or another bullet macro inside it: the brace was never closed), or None."""
        from pylatexenc.latexwalker import LatexMacroNode

        for k, node in enumerate(nodes):
            if isinstance(node, LatexMacroNode):
                spec = self.spec(node.macroname)
                if spec is not None and spec.kind in ("heading", "role", "bullet"):
                    return k
        return None


_SHELL = re.compile(
    r"\\(?:immediate\s*)?\\?(?:write|message|typeout|ShellEscape|shellescape|DTMsavenoparsing"
    r"|pdfshellescape|directlua|luaexec)\s*(?:\d+|-1)?\s*(?=\{)"
    r"|\\(?:openin|openout|closein|closeout|read)\s*\d+\s*(?:=\s*[^\s{}\\]*|to\s*\\\w+)?"
)


def _blank_shell(text: str) -> str:
    """The text with `\\write18{..}`, `\\directlua{..}`, `\\openin..` and the like blanked:
    commands that talk to the system are never text."""
    out = text
    for m in _SHELL.finditer(text):
        end = m.end()
        if end < len(text) and text[end] == "{":
            end += len(_balanced(text, end + 1)) + 2
        out = out[: m.start()] + re.sub(r"[^\n]", " ", text[m.start() : end]) + out[end:]
    return out


def _blank_definitions(text: str) -> str:
    """The text with each macro definition blanked (a section file defines its own macros
    among its content; their bodies are not text)."""
    spans = []
    for rx in (_NEWCOMMAND, _DEF, _DOCUMENT_COMMAND):
        for m in rx.finditer(text):
            body = _balanced(text, m.end())
            spans.append((m.start(), m.end() + len(body) + 1))
    for a, b in spans:
        text = text[:a] + re.sub(r"[^\n]", " ", text[a:b]) + text[b:]
    return text


def _describe(ln: RawLine) -> None:
    """A plain line in a role's description argument (moderncv writes whole achievements
    there) is a claim of that role; one ending in ':' introduces a list, and a short one
    that opens with no action verb labels what follows."""
    from starkit.resume.structure import starts_with_verb

    if ln.item is None and not ln.bullet and ln.heading is None and ln.role is None:
        text = ln.text.strip()
        label = len(text.split()) <= 4 and not re.search(r"[\d.]", text)
        if text.endswith(":") or (label and not starts_with_verb(text)):
            ln.item = "text"  # 'Detailed achievements:', a bold 'Client Engagement' label
        else:
            ln.item, ln.bullet = "bullet", True


def heading_macros(body: str, macros: dict[str, UserMacro]) -> dict[str, MacroSpec]:
    """One-argument user macros that the document uses for its section headings
    (`\\resheading{Experience}`, however the macro draws it): every use holds a short title
    and at least one names a known section; every use of them is then a heading."""
    from starkit.resume.lexicon import heading_key, section_headings

    known = section_headings()
    out: dict[str, MacroSpec] = {}
    for name, macro in macros.items():
        if macro.braces != 1 or re.search(r"\\item\b", macro.body):
            continue
        uses = [_balanced(body, m.end()) for m in re.finditer(rf"\\{re.escape(name)}\s*\{{", body)]
        titles = [re.sub(r"\\[A-Za-z]+|[{}]", " ", u).strip() for u in uses]
        if not titles or any(len(t.split()) > 6 or re.search(r"[.;]\s|\d{3}", t) for t in titles):
            continue
        if any(heading_key(t.rstrip(":")) in known for t in titles):
            out[name] = MacroSpec(name=name, kind="heading", args=("text",), level=1)
    return out


def _empty_group(node: Any) -> bool:
    from pylatexenc.latexwalker import LatexGroupNode

    return isinstance(node, LatexGroupNode) and not node.nodelist


def _holds_items(nodes: list[Any]) -> bool:
    """True when an `\\item` sits anywhere in the node list."""
    from pylatexenc.latexwalker import LatexMacroNode

    for node in nodes:
        if isinstance(node, LatexMacroNode) and node.macroname == "item":
            return True
        if _holds_items(list(getattr(node, "nodelist", None) or [])):
            return True
    return False


def _datey(text: str | None) -> bool:
    return bool(text) and bool(has_date_range(text or "") or ends_with_date(text or ""))


def _by_content(hint: RoleHint) -> RoleHint:
    """A template's argument order is a convention users break (Jake's own sample puts the
    title first under Experience and the school first under Education): the dates go to the
    part that holds a date, the title to the part that holds a title word."""
    slots = ["organisation", "title", "dates", "location"]
    values = {k: getattr(hint, k) for k in slots}
    if not _datey(values["dates"]):
        for k in ("location", "title", "organisation"):
            if _datey(values[k]):
                values["dates"], values[k] = values[k], values["dates"]
                break
    org, title = values["organisation"], values["title"]
    if org and title and has_title_word(org) and not has_title_word(title):
        values["organisation"], values["title"] = title, org
    elif org and not title and values["location"] and has_title_word(values["location"]):
        values["title"], values["location"] = values["location"], None
    return RoleHint(**values)


def latex_lines(text: str, name: str) -> list[RawLine]:
    """The lines of a LaTeX resume body (its preamble read only for macro definitions)."""
    from pylatexenc.latexwalker import LatexWalker

    begin = re.search(r"\\begin\s*\{document\}", text)
    end = re.search(r"\\end\s*\{document\}", text)
    preamble = text[: begin.start()] if begin else ""
    start = begin.end() if begin else 0
    stop = end.start() if end and end.start() > start else len(text)
    cls = re.search(r"\\documentclass\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}", preamble)
    doc_class = template_family(text, cls.group(1).strip() if cls else "")
    # macros defined anywhere count: a section file has no preamble, and a project may
    # \input its macro file after \begin{document}
    defs = text[:stop]
    user = classify_user_macros(defs)
    # same offsets and lines as the file: the preamble and comments blanked
    masked = re.sub(r"[^\n]", " ", text[:start]) + text[start:stop]
    masked = re.sub(r"(?<!\\)%[^\n]*", lambda m: " " * len(m.group(0)), masked)
    masked = _blank_shell(_blank_definitions(masked))
    try:
        nodes, _, _ = LatexWalker(masked, tolerant_parsing=True).get_latex_nodes(pos=start)
    except Exception as exc:
        raise ResumeReadError(
            f"{name}: cannot parse this LaTeX ({type(exc).__name__}); check that it compiles"
        ) from None
    walker = _Walker(masked, doc_class, user)
    walker.arity = {m.name: m.braces for m in _definitions(defs)}
    walker.expand = expandable_macros(defs)
    # uses inside other macros' bodies count ('\\blockSkills' calls '\\blocktitle{Skills}')
    headings = heading_macros(re.sub(r"(?<!\\)%[^\n]*", "", defs), walker.expand)
    walker.user.update(headings)
    for name in headings:
        walker.expand.pop(name)
    with contextlib.suppress(_Stop):
        walker.walk(nodes)
    walker.out.flush()
    return _sub_headings(walker.out.lines)


def _sub_headings(lines: list[RawLine]) -> list[RawLine]:
    """A `\\subsection` under a top heading that names a resume section ('Education' >
    'Cornell University', 'Honors' > 'Community') heads a group inside it, read as a role
    header, not a section of its own.  Under an unknown top heading (a name typeset with
    `\\section`) sub-headings stay headings."""
    from starkit.resume.lexicon import heading_key, keyword_section, section_headings

    known = section_headings()
    top: int | None = None
    inside = False
    for ln in lines:
        if ln.heading is None or ln.item is not None:
            continue
        if top is None or ln.heading <= top:
            top = ln.heading
            key = heading_key(ln.text.rstrip(":"))
            inside = key in known or keyword_section(ln.text) is not None
        elif inside:
            ln.heading, ln.item = None, "header"
    return lines


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
