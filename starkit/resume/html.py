"""HTML resumes (a resume saved from a web page or exported by a resume builder), read with the
standard library's parser: `<li>` items are bullets, `<h1>`-`<h6>` are headings, block
elements and `<br>` end lines, table cells and side-by-side `<span>`s are separated by tabs
(so a role's dates part from its title); scripts, styles, SVG and the `<head>` are skipped.

An HTML block is one line however the source wraps it, so no re-joining is needed.
Positions are the source line and column where the line's first text sits.
"""

from __future__ import annotations

from html.parser import HTMLParser

from starkit.errors import ResumeReadError
from starkit.resume.model import Resume
from starkit.resume.structure import RawLine, build_resume

_BLOCK = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "hr",
        "blockquote",
        "pre",
        "address",
        "figure",
        "figcaption",
        "form",
        "fieldset",
        "details",
        "summary",
        "body",
        "html",
        "center",
    ]
)
_SKIP = frozenset(
    ["script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "math"]
)
_CELL = frozenset({"td", "th"})
_BOLD = frozenset({"b", "strong"})
_SEPARATED = frozenset({"span", "time", "div", "label", "small"})
_VOID = frozenset(
    [
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
    ]
)


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[RawLine] = []
        self.buf: list[str] = []
        self.pos: tuple[int, int] | None = None
        self.bullet = False
        self.heading: int | None = None
        self.skip = 0
        self.bold_depth = 0
        self.bold_chars = 0
        self.plain_chars = 0
        self.li_depth = 0

    def flush(self) -> None:
        text = "".join(self.buf)
        if text.strip() and self.pos is not None:
            line = " ".join(text.replace("\t", " \t ").split(" "))
            self.lines.append(
                RawLine(
                    line,
                    self.pos[0],
                    col=self.pos[1] + 1,
                    bullet=self.bullet,
                    heading=self.heading,
                    brk=True,
                    bold=self.bold_chars > 0 and self.plain_chars == 0,
                )
            )
        self.buf, self.pos, self.bullet, self.heading = [], None, False, None
        self.bold_chars = self.plain_chars = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip += 1
            return
        if self.skip:
            return
        if tag == "br":
            self.flush()
        elif tag == "li":
            self.flush()
            self.li_depth += 1
            self.bullet = True
        elif tag in _BLOCK:
            if not (self.li_depth and tag in ("p", "div", "span")):
                self.flush()
            if tag[0] == "h" and tag[1:].isdigit():
                self.heading = int(tag[1:])
        elif tag in _CELL:
            if self.buf and "".join(self.buf).strip():
                self.buf.append("\t")
        elif tag in _SEPARATED:
            if self.buf and not self.buf[-1][-1:].isspace():
                self.buf.append("\t")
        if tag in _BOLD:
            self.bold_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip and tag in ("br", "hr"):
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in _BOLD:
            self.bold_depth = max(0, self.bold_depth - 1)
        if tag == "li":
            self.flush()
            self.li_depth = max(0, self.li_depth - 1)
        elif tag in _BLOCK and not (self.li_depth and tag in ("p", "div", "span")):
            self.flush()
        elif tag in _SEPARATED and tag == "div":
            self.buf.append("\t")

    def handle_data(self, data: str) -> None:
        if self.skip or not data:
            return
        if self.pos is None and data.strip():
            line, col = self.getpos()
            lead = len(data) - len(data.lstrip())
            before = data[:lead]
            if "\n" in before:
                line += before.count("\n")
                col = len(before) - before.rfind("\n") - 1
            else:
                col += lead
            self.pos = (line, col)
        words = len(data.strip())
        if self.bold_depth:
            self.bold_chars += words
        else:
            self.plain_chars += words
        self.buf.append(" ".join(data.split()) if data.strip() else " ")
        if data[:1].isspace() and self.buf[-1] and not self.buf[-1][0].isspace():
            self.buf[-1] = " " + self.buf[-1]
        if data[-1:].isspace() and data.strip():
            self.buf[-1] += " "


def html_lines(text: str, name: str) -> list[RawLine]:
    """The text lines of an HTML document."""
    parser = _Lines()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # html.parser is lenient; this is a damaged file
        raise ResumeReadError(f"{name}: cannot parse this HTML ({type(exc).__name__})") from None
    parser.flush()
    return parser.lines


def read_html(text: str, name: str) -> Resume:
    """Read an HTML resume (see the module docstring)."""
    lines = html_lines(text, name)
    if not lines:
        raise ResumeReadError(f"{name}: the HTML page has no visible text")
    return build_resume(lines, name, "html")
