"""Inline suppressions: the writer silences a finding they have judged, in the comment syntax
of the file's own format.

    <!-- starkit: disable=weak-verb -->            Markdown, HTML
    % starkit: disable=weak-verb                   LaTeX
    # starkit: disable=weak-verb                   YAML, TOML, plain text
    // starkit: disable=weak-verb                  JSON5-style or any other text

The directive forms follow ESLint's:

- `disable=CODE[,CODE...]` at the end of a line that holds other text silences those codes on
  that line only; alone on its own line it silences them from there to the end of the file (or
  to a later `enable=CODE`).
- `disable-next-line=CODE,...` silences the codes on the next line that holds text.
- `disable-file=CODE,...` anywhere silences the codes in the whole file.
- `all` in place of a code list silences every rule.

A directive naming an unknown code is itself reported (`unknown-suppression`); one that silences
nothing is reported with `--report-unused` (`unused-suppression`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from starkit.textio import split_lines

DIRECTIVE = re.compile(
    r"(?:<!--|%|#|//|;)\s*starkit:\s*(?P<verb>disable-file|disable-next-line|disable|enable)"
    r"\s*=\s*(?P<codes>[A-Za-z0-9_\-]+(?:\s*,\s*[A-Za-z0-9_\-]+)*)"
)

UNKNOWN_CODE = "unknown-suppression"
UNUSED_CODE = "unused-suppression"
META_RULES: dict[str, tuple[str, str]] = {
    UNKNOWN_CODE: (
        "warning",
        "A `starkit: disable=` comment names a rule code starkit does not know, so it "
        "silences nothing.",
    ),
    UNUSED_CODE: (
        "warning",
        "A `starkit: disable=` comment silences no finding (reported with --report-unused).",
    ),
}
"""Codes the suppression layer itself reports: code -> (severity, description)."""


@dataclass
class Directive:
    """One suppression comment: where it is and what it silences."""

    verb: str
    codes: tuple[str, ...]
    line: int  # 1-based line of the comment
    col: int  # 1-based column of the comment
    end_col: int
    first: int  # first line it covers
    last: int  # last line it covers (inclusive; a large number for 'to the end')
    used: set[str] = field(default_factory=set)

    def covers(self, rule: str, line: int) -> bool:
        """True when this directive silences `rule` at `line`."""
        return (rule in self.codes or "all" in self.codes) and self.first <= line <= self.last


def _has_text_outside(line: str, start: int, end: int) -> bool:
    rest = (line[:start] + line[end:]).replace("-->", "")
    return any(ch.isalnum() for ch in rest)


def parse(text: str) -> list[Directive]:
    """Every directive in `text`, with the lines each one covers."""
    lines = split_lines(text)
    out: list[Directive] = []
    open_ranges: dict[str, Directive] = {}
    end_of_file = max(len(lines), 1)
    for i, line in enumerate(lines, start=1):
        for m in DIRECTIVE.finditer(line):
            verb = m.group("verb")
            codes = tuple(c.strip() for c in m.group("codes").split(","))
            d = Directive(verb, codes, i, m.start() + 1, m.end() + 1, i, i)
            if verb == "enable":
                for code in codes:
                    started = open_ranges.pop(code, None)
                    if started is not None:
                        started.last = i
                continue
            if verb == "disable-file":
                d.first, d.last = 1, end_of_file
            elif verb == "disable-next-line":
                nxt = i + 1
                while nxt <= len(lines) and not lines[nxt - 1].strip():
                    nxt += 1
                d.first = d.last = nxt
            elif not _has_text_outside(line, m.start(), m.end()):
                d.last = end_of_file
                for code in codes:
                    open_ranges[code] = d
            out.append(d)
    return out


@dataclass
class Outcome:
    """Findings split into kept and suppressed, and problems with the directives themselves:
    `problems` holds `(code, line, col, end_col, message)`."""

    kept: list[int]
    suppressed: list[int]
    problems: list[tuple[str, int, int, int, str]]


def apply(
    text: str,
    findings: list[tuple[str, int]],
    known_codes: frozenset[str],
    report_unused: bool = False,
) -> Outcome:
    """Split `findings` (rule code, 1-based line) by the directives in `text`; indexes into
    `findings` are returned."""
    directives = parse(text)
    kept: list[int] = []
    suppressed: list[int] = []
    for idx, (rule, line) in enumerate(findings):
        hit = next((d for d in directives if d.covers(rule, line)), None)
        if hit is None:
            kept.append(idx)
        else:
            hit.used.add(rule if rule in hit.codes else "all")
            suppressed.append(idx)
    problems: list[tuple[str, int, int, int, str]] = []
    valid = known_codes | {"all"}
    for d in directives:
        for code in d.codes:
            if code not in valid:
                problems.append(
                    (
                        UNKNOWN_CODE,
                        d.line,
                        d.col,
                        d.end_col,
                        f"'{code}' is not a starkit rule code: this suppression silences nothing",
                    )
                )
            elif report_unused and code not in d.used:
                problems.append(
                    (
                        UNUSED_CODE,
                        d.line,
                        d.col,
                        d.end_col,
                        f"the suppression of '{code}' silences no finding: remove it",
                    )
                )
    return Outcome(kept, suppressed, problems)
