"""Pure functions behind the pages: compose a story from fields, tabulate findings, estimate
spoken time. No Streamlit here, so each is unit-tested directly."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from starkit.models import SECTION_NAMES, Finding, Report, Severity, Story
from starkit.rules import rule_param
from starkit.rules.checks import format_duration  # the one speaking-time formatter

WORDS_PER_MINUTE = int(rule_param("answer-length", "words_per_minute"))  # type: ignore[arg-type]
"""Speaking pace used for the spoken-time estimate (the `answer-length` rule's parameter)."""

WINDOW_SECONDS = tuple(
    round(int(rule_param("answer-length", k)) * 60 / WORDS_PER_MINUTE)  # type: ignore[arg-type]
    for k in ("min_words", "max_words")
)
"""The window a spoken STAR answer should land in (2 to 4 minutes by the rule's parameters)."""

_LABEL = re.compile(
    r"^\s*(?:\*\*)?\s*(situation|task|action|actions|result|results)\s*(?:\*\*)?\s*[:\-–—]\s*",
    re.IGNORECASE,
)


def compose_story(fields: Mapping[str, str]) -> str:
    """Join the four STAR fields into one labelled story; empty fields are left out so the
    linter can report the missing section."""
    parts = []
    for name in SECTION_NAMES:
        body = (fields.get(name) or "").strip()
        if body:
            parts.append(f"{name.capitalize()}: {body}")
    return "\n\n".join(parts)


def strip_label(text: str) -> str:
    """A section's text without a leading 'Situation:'-style label."""
    return _LABEL.sub("", text, count=1).strip()


def fields_from_story(story: Story) -> dict[str, str]:
    """The four fields of a segmented story ('' for a section the segmenter did not find)."""
    return {name: strip_label(story.section_text(name)) for name in SECTION_NAMES}


def count_words(text: str) -> int:
    """Whitespace-separated words: the count a spoken-time estimate is based on."""
    return len(text.split())


def spoken_seconds(words: int, wpm: int = WORDS_PER_MINUTE) -> int:
    """Seconds it takes to say `words` words at `wpm`."""
    return round(words * 60 / wpm)


def window_verdict(seconds: int) -> str:
    """Where a spoken length sits against the 2-to-4-minute window, in plain words."""
    low, high = WINDOW_SECONDS
    lo_m, hi_m = f"{low / 60:g}", f"{high / 60:g}"
    if seconds < low:
        return f"short: under {lo_m} minutes, add the detail a panel will ask for"
    if seconds > high:
        return f"long: over {hi_m} minutes, cut to what you did and what changed"
    return f"inside the {lo_m}-to-{hi_m}-minute window"


def story_seconds(report: Report) -> int:
    """The spoken-time estimate of a linted story: the engine's figure when it gives one,
    else computed from the word count."""
    for unit in report.units:
        for key in ("spoken_seconds", "seconds"):
            value = unit.details.get(key)
            if isinstance(value, int | float):
                return int(value)
    words = sum(u.words for u in report.units) or count_words(report.text)
    return spoken_seconds(words)


def severity_order(findings: Iterable[Finding]) -> list[Finding]:
    """Findings most severe first, then in text order."""
    return sorted(findings, key=lambda f: (-Severity(f.severity).rank, f.start, f.rule))


def unit_findings(report: Report, index: int) -> list[Finding]:
    """The findings of one unit (bullet, story, email) of a report."""
    return [f for f in report.findings if f.unit == index]


def findings_frame(reports: Sequence[Report]) -> pd.DataFrame:
    """One row per finding across reports: where it is, what fired and the suggested fix."""
    rows = []
    for i, report in enumerate(reports):
        for f in report.findings:
            rows.append(
                {
                    "item": i + 1,
                    "rule": f.rule,
                    "severity": Severity(f.severity).value,
                    "flagged text": report.text[f.start : f.end],
                    "message": f.message,
                    "suggestion": f.suggestion,
                }
            )
    columns = ["item", "rule", "severity", "flagged text", "message", "suggestion"]
    return pd.DataFrame(rows, columns=columns)


def findings_by_rule(reports: Sequence[Report]) -> pd.DataFrame:
    """Finding counts per rule code with the rule's severity (most frequent first)."""
    counts: dict[str, int] = {}
    severity: dict[str, str] = {}
    for report in reports:
        for f in report.findings:
            counts[f.rule] = counts.get(f.rule, 0) + 1
            severity[f.rule] = Severity(f.severity).value
    rows = [
        {"rule": rule, "findings": n, "severity": severity[rule]}
        for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return pd.DataFrame(rows, columns=["rule", "findings", "severity"])


def mean_score(reports: Sequence[Report]) -> int | None:
    """The average 0-100 score of several reports, or None when there are none."""
    if not reports:
        return None
    return round(sum(r.score for r in reports) / len(reports))


def countdown(elapsed: float, window: tuple[int, int] = WINDOW_SECONDS) -> tuple[int, str, str]:
    """(seconds left before the window closes, phase, advice) for a practice answer.

    Phases: `early` before 2 minutes, `window` between 2 and 4, `over` after 4.
    """
    low, high = window
    elapsed = max(0.0, elapsed)
    left = max(0, round(high - elapsed))
    if elapsed < low:
        return (
            left,
            "early",
            f"Keep going: the window opens in {format_duration(round(low - elapsed))}.",
        )
    if elapsed <= high:
        return left, "window", "In the window: land the result and stop."
    over = format_duration(round(elapsed - high))
    return 0, "over", f"Over {high / 60:g} minutes by {over}: wrap up now."


_FILL_IT = re.compile(r"\.?\s+To fill it:\s*(?P<note>.*)$", re.DOTALL)
_OPEN_WITH = re.compile(r"\s+\(or open with:\s*(?P<alts>[^)]*)\)\.?\s*(?P<note>.*)$", re.DOTALL)


def split_suggestion(suggestion: str, original: str) -> tuple[str | None, str]:
    """(rewrite to accept, advice) from a finding's suggestion.

    Rewrites are the engine's data-backed versions of the whole line ("<rewrite>. To fill it:
    <question>" or "<rewrite> (or open with: A, B). <advice>"); other suggestions are advice
    only ("Replace 'X' …") and give no rewrite. A rewrite keeps the original's final full stop
    (or its absence), so accepting it does not change the line's style.
    """
    text = suggestion.strip()
    rewrite, note = None, text
    m = _FILL_IT.search(text)
    if m:
        rewrite, note = text[: m.start()], f"To fill it: {m.group('note').strip()}"
    else:
        m = _OPEN_WITH.search(text)
        if m:
            rewrite = text[: m.start()]
            note = f"Or open with: {m.group('alts').strip()}. {m.group('note').strip()}".strip()
    if rewrite is None or not _shares_words(rewrite, original):
        return None, text
    rewrite = rewrite.strip().rstrip(".")
    if original.rstrip().endswith("."):
        rewrite += "."
    return rewrite, note


def rewrite_and_note(finding: Any) -> tuple[str | None, str]:
    """(rewrite to accept, advice) from a finding: the rewrite is the engine's structured
    `Finding.rewrite` (None when the suggestion is advice only); the advice is what the
    suggestion says beyond the rewrite."""
    if not finding.rewrite:
        return None, finding.suggestion
    found, note = split_suggestion(finding.suggestion, finding.rewrite)
    head = finding.rewrite.rstrip().rstrip(".")
    if found is None and finding.suggestion.startswith(head):  # "<rewrite>. <advice>"
        note = finding.suggestion[len(head) :].lstrip(" .").strip() or note
    return finding.rewrite, note


def _shares_words(rewrite: str, original: str) -> bool:
    """True when a rewrite keeps at least half of the original's words (it is a version of the
    line, not a free-standing example)."""
    words = set(re.findall(r"[a-z0-9%$]+", original.lower()))
    if not words:
        return False
    kept = words & set(re.findall(r"[a-z0-9%$]+", rewrite.lower()))
    return len(kept) >= max(1, len(words) // 2)


def suggestion_excerpt(text: str, suggestion: str, context: int = 40) -> str:
    """The part of a suggestion that differs from `text`, with a little context.

    Story suggestions often repeat the whole story with one clause added; the card shows only
    the clause and the words around it.
    """
    if len(suggestion) <= 160:
        return suggestion
    prefix = 0
    limit = min(len(text), len(suggestion))
    while prefix < limit and text[prefix] == suggestion[prefix]:
        prefix += 1
    if prefix < 2 * context:
        return suggestion
    start = suggestion.rfind(" ", 0, prefix - context)
    return "…" + suggestion[(start + 1 if start >= 0 else prefix - context) :]


def _achievement(item: Any) -> bool:
    """An achievement bullet of a resume report (not a line, not a bullet of another section)."""
    return item.kind == "bullet" and item.achievement


def role_table(report: Any, no_role: str = "Other") -> pd.DataFrame:
    """Per role, in resume order: achievement bullets, the share that carry a measuring figure
    and their mean score. Bullets outside any role are grouped under `no_role`; a line that
    claims no work (a title, an employer described) counts in no row, as in the report's own
    share."""
    names = {r.index: r.name() for r in report.resume.roles}
    rows: dict[str, list[Any]] = {}
    for item in report.items:
        if not _achievement(item) or not item.claims_work:
            continue
        name = names.get(item.role, no_role) if item.role is not None else no_role
        rows.setdefault(name, []).append(item)
    out = [
        {
            "role": name,
            "bullets": len(items),
            "quantified share": round(sum(i.quantified for i in items) / len(items), 2),
            "mean score": round(sum(i.score for i in items) / len(items)),
        }
        for name, items in rows.items()
    ]
    return pd.DataFrame(out, columns=["role", "bullets", "quantified share", "mean score"])


def role_table_note(report: Any) -> str | None:
    """Why the rows of `role_table` may add up to fewer than the header's achievement bullets:
    those that claim no work count in no row (a browser check found 5 + 3 rows under a header
    of 9, and no word of why)."""
    n = sum(1 for i in report.items if _achievement(i) and not i.claims_work)
    if not n:
        return None
    one = n == 1
    return (
        f"{n} achievement bullet{'' if one else 's'} that claim{'s' if one else ''} no work (a "
        f"title, an employer described) count{'s' if one else ''} in no row, as in the share "
        "with a number."
    )


def _count(k: int, word: str) -> str:
    """'1 line', '3 lines': a count with its noun."""
    return f"{k} {word}{'' if k == 1 else 's'}"


def reading_rows(diagnosis: Any) -> list[dict[str, object]]:
    """'What starkit read': one row a section with anything in it, a section whose lines were
    all read as role headers (an education list read as roles) included, not left out."""
    return [
        {
            "section": s.name,
            "heading": s.heading or "",
            "lines": s.lines,
            "bullets": s.bullets,
            "role lines": s.roles,
            "claim-like": s.claims,
        }
        for s in diagnosis.sections
        if s.lines or s.bullets or s.roles
    ]


def mark_options(diagnosis: Any) -> dict[int, str]:
    """The sections a user may mark as experience (section index -> label): those with lines
    or bullets that are not achievement sections already ('Skills (3 lines)')."""
    from starkit.resume.lexicon import achievement_sections

    out = {}
    for s in diagnosis.sections:
        n = s.lines + s.bullets
        if n and s.name not in achievement_sections():
            out[s.index] = f"{s.heading or s.name} ({_count(n, 'line')})"
    return out


def role_rows(table: pd.DataFrame) -> list[dict[str, object]]:
    """The rows of `role_table` for the phone list, the share as a percentage ('50%')."""
    return [
        {**row, "quantified share": f"{round(100 * float(row['quantified share']))}%"}
        for row in table.to_dict("records")
    ]


def rule_choices(items: Sequence[Any]) -> list[str]:
    """The rule codes the lines' findings name, the most frequent first (ties by code): the
    resume page's filter ('Only lines with'), for a long resume of a hundred cards."""
    counts = Counter(f.rule for i in items for f in i.findings)
    return [rule for rule, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def with_rules(items: Sequence[Any], rules: Sequence[str]) -> list[Any]:
    """The lines with a finding of one of `rules`; every line when `rules` is empty."""
    if not rules:
        return list(items)
    wanted = set(rules)
    return [i for i in items if any(f.rule in wanted for f in i.findings)]


def filtered_note(shown: int, rules: Sequence[str], judged: int) -> str:
    """What the cards count when the page shows only some rules' lines."""
    return (
        f"Showing {_count(shown, 'line')} with {' or '.join(rules)}; "
        f"{_count(judged, 'line')} judged in all."
    )


def shown_note(items: Sequence[Any], judged: int, show_all: bool) -> str:
    """What the resume page's cards count, so that they agree with the header: `items` are the
    lines the page can show (every achievement bullet, and any other line with a finding),
    `judged` all the lines linted. 'Showing 15 lines: 10 of the 12 achievement bullets (those
    with a finding) and 5 other lines with a placeholder or vague word; 47 lines judged.'"""
    ach = [i for i in items if _achievement(i)]
    other = len(items) - len(ach)
    flagged = len(ach) if show_all else sum(1 for i in ach if i.findings)
    shown = flagged + other

    if flagged == len(ach):
        parts = [
            f"all {_count(flagged, 'achievement bullet')}"
            if flagged > 1
            else _count(flagged, "achievement bullet")
        ]
    else:
        total = _count(len(ach), "achievement bullet")
        parts = [f"{flagged} of the {total} (those with a finding)"]
    if other:
        parts.append(
            f"{_count(other, 'other line')} (contact, skills, education, role headers) with a "
            "placeholder or vague word"
        )
    return (
        f"Showing {_count(shown, 'line')}: {' and '.join(parts)}; "
        f"{_count(judged, 'line')} judged in all."
    )


def counts_frame(counts: Mapping[str, int], severities: Mapping[str, str]) -> pd.DataFrame:
    """Finding counts per rule as rows for the bar chart (most frequent first)."""
    rows = [
        {"rule": rule, "findings": n, "severity": severities.get(rule, "info")}
        for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return pd.DataFrame(rows, columns=["rule", "findings", "severity"])


def improved_text(originals: Sequence[str], edits: Mapping[int, str]) -> str:
    """The bullets with the user's edits in place, one a line."""
    return "\n".join(edits.get(i, text) for i, text in enumerate(originals)) + "\n"


def version_note(report: Report) -> str:
    """A line about the user's edited bullet. The `<…>` slots still to fill come first: each
    counts as an unfilled placeholder until the user puts a real figure in it. A version
    with no word in it ('#####') is not judged and says so (as `starkit lint` does)."""
    from starkit.units import WORDLESS

    if not report.units:
        return f"Your version: no words to judge ({WORDLESS}), so no score."
    slots = sum(1 for f in report.findings if f.rule == "unfilled-placeholder")
    others = len(report.findings) - slots
    if slots:
        tail = f"; then {others} other finding{'s' if others != 1 else ''}" if others else ""
        plural = "s" if slots != 1 else ""
        return f"Your version: fill the {slots} <…> slot{plural} with your real figures{tail}."
    if others:
        plural = "s" if others != 1 else ""
        return f"Your version: score {report.score}/100, {others} finding{plural} left."
    return f"Your version: score {report.score}/100, no findings."


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def merge_rewrite(original: str, current: str, rewrite: str) -> tuple[str, bool]:
    """Accept `rewrite` (a rewrite of `original`) into `current` (the user's version of
    `original`, which may already hold an accepted rewrite or an edit): each change the rewrite
    makes to the original is made to the current version where the words it touches are still
    there, so a second accepted rewrite builds on the first. Returns (merged text, True when
    every change was placed); a change over words the user already changed is left out."""
    if current in (original, rewrite):
        return rewrite, True
    o, c, r = (_TOKEN.findall(t) for t in (original, current, rewrite))
    from difflib import SequenceMatcher

    kept: dict[int, int] = {}  # original token -> current token, for tokens left alone
    for tag, i1, i2, j1, _ in SequenceMatcher(None, o, c, autojunk=False).get_opcodes():
        if tag == "equal":
            kept.update({i1 + k: j1 + k for k in range(i2 - i1)})
    edits: list[tuple[int, int, list[str]]] = []
    placed = True
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, o, r, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        new = r[j1:j2]
        added = "".join(new).strip()
        if i2 == i1 and len(added) > 3 and added in current:
            continue  # this clause was accepted before
        if i2 > i1:
            span = [kept.get(k) for k in range(i1, i2)]
            if None not in span and span[-1] - span[0] == i2 - 1 - i1:  # type: ignore[operator]
                edits.append((span[0], span[-1] + 1, new))  # type: ignore[operator]
                continue
        elif i1 - 1 in kept or i1 == 0 or i1 in kept or i1 == len(o):
            # An insertion goes after the word it follows in the original (so a second clause
            # appended after the same figure comes next to that figure), else before the next.
            if i1 - 1 in kept:
                at = kept[i1 - 1] + 1
            else:
                at = 0 if i1 == 0 else kept.get(i1, len(c))
            edits.append((at, at, new))
            continue
        done = added in current if added else "".join(o[i1:i2]).strip() not in current
        if not done:  # the change is not already in the user's version
            placed = False
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        c[start:end] = new
    return "".join(c), placed


def carry_edits(
    old: Mapping[int, str], old_edits: Mapping[int, str], new: Mapping[int, str]
) -> dict[int, str]:
    """The user's versions to keep when the pasted or uploaded text changes: `old` and `new`
    map item index to the bullet's text before and after the change, `old_edits` the user's
    version of each old item. An edited version follows its bullet to the bullet's new index
    when the bullet's text did not change (repeated bullets are matched in order)."""
    waiting: dict[str, list[str]] = {}
    for i, text in sorted(old.items()):
        mine = old_edits.get(i)
        if mine is not None and mine != text:
            waiting.setdefault(text, []).append(mine)
    kept: dict[int, str] = {}
    for i, text in sorted(new.items()):
        if waiting.get(text):
            kept[i] = waiting[text].pop(0)
    return kept


_TAG_GAPS = re.compile(r"[\s_-]+")


def _tag_norm(tag: str) -> str:
    return _TAG_GAPS.sub(" ", tag.casefold()).strip()


class TagIndex:
    """Tags told apart by meaning, not by spelling: 'Leadership', 'leadership' and a tag
    stored before tags were lower-cased are one tag, and 'technical depth' is the
    competency 'technical-depth'. For display and filtering only: the stored tags are left
    as the user wrote them.

    `key(tag)` is the competency id when the tag names one (by id or name, in any case, with
    spaces, hyphens or underscores alike), else the tag lower-cased with its gaps made single
    spaces; `label(key)` is the competency's name, else the tag's spelling with the most
    capitals (a first capital added when it has none): one label a key."""

    def __init__(self, tags: Iterable[str], names: Mapping[str, str]) -> None:
        self._ids = {_tag_norm(i): i for i in names} | {_tag_norm(n): i for i, n in names.items()}
        self._names = dict(names)
        spellings: dict[str, list[str]] = {}
        for tag in tags:
            k = self.key(tag)
            if k:
                spellings.setdefault(k, []).append(" ".join(tag.split()))
        self.labels: dict[str, str] = {}
        for k, seen in spellings.items():
            best = max(seen, key=lambda t: sum(c.isupper() for c in t))
            self.labels[k] = self._names.get(k) or best[:1].upper() + best[1:]

    def key(self, tag: str) -> str:
        norm = _tag_norm(tag)
        return self._ids.get(norm, norm)

    def keys(self, tags: Iterable[str]) -> list[str]:
        """The keys of a story's tags, in order, each once."""
        return list(dict.fromkeys(k for t in tags if (k := self.key(t))))

    def label(self, key: str) -> str:
        return self.labels.get(key) or self._names.get(key, key)

    def options(self) -> list[str]:
        """Every key, in the order of its label."""
        return sorted(self.labels, key=lambda k: self.labels[k].casefold())


def story_labels(stories: Iterable[Any]) -> dict[str, str]:
    """Story id -> the label a picker shows, telling apart stories with the same title: the
    title alone when no other story has it (ignoring case and spacing); with the day the story
    was first saved when titles repeat ('Checkout launch · 2026-12-03'); and with the start of
    its id as well when that repeats too ('Checkout launch · 2026-12-03 · 1a2b3c').  Every
    page that names a story takes its label from here, so a story is named alike everywhere.
    """
    items = list(stories)
    titles = {s.id: " ".join(str(s.title).split()) or "Untitled story" for s in items}
    days = {
        s.id: s.created_at.strftime("%Y-%m-%d") if getattr(s, "created_at", None) else ""
        for s in items
    }
    same_title = Counter(titles[s.id].casefold() for s in items)
    same_day = Counter((titles[s.id].casefold(), days[s.id]) for s in items)
    labels: dict[str, str] = {}
    for s in items:
        parts = [titles[s.id]]
        if same_title[titles[s.id].casefold()] > 1:
            parts.append(days[s.id])
            if same_day[(titles[s.id].casefold(), days[s.id])] > 1 or not days[s.id]:
                parts.append(str(s.id).replace("-", "")[:6])
        labels[s.id] = " · ".join(p for p in parts if p)
    repeated = Counter(labels.values())
    return {  # two ids that start alike (never for uuid4s in practice): the whole id
        sid: f"{label} · {sid}" if repeated[label] > 1 else label for sid, label in labels.items()
    }
