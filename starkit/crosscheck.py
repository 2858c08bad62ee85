"""`inconsistent-figure`: the same metric of the same piece of work with different figures in
two places a user keeps together (a resume bullet, a saved story, an email).

    starkit.cross_check([("resume.md", resume_text, "resume"), ("story.md", story, "story")])

Each document is split into claims (a resume line, or a sentence of a story or an email);
each measuring figure of a claim is tied to the metric it measures (the nearest metric term
of the lexicons, or the noun it counts: "4 engineers") and read as an interval (its rounding:
"1.2M" is 1.15M to 1.25M; a hedge such as "about" allows 10%; "over 1,000" is a lower bound).
Two claims of different documents are compared when they name the same metric, share words
about the work (and no conflicting qualifier: "search latency" is not "checkout latency"), and
do not name different periods ("in Q2" against "in Q3", "a year" against "a month"). They
disagree when each holds a figure of the same kind that no figure of the other agrees with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import Field

from starkit.annotate import METRIC_CATEGORIES
from starkit.lexicons import StrictModel, read_toml, validate_model
from starkit.rules.checks import Hit, check

RULE = "inconsistent-figure"
_METRIC_CATS = frozenset(METRIC_CATEGORIES)  # the annotation stage's metric categories


class _Generic(StrictModel):
    words: tuple[str, ...]


class FigureWords(StrictModel):
    """lexicons/crosscheck/figures.toml."""

    description: str
    hedges: tuple[str, ...]
    hedge_share: float = Field(gt=0, lt=1)
    lower_bounds: tuple[str, ...]
    upper_bounds: tuple[str, ...]
    period_lead: tuple[str, ...]
    level_lead: tuple[str, ...]
    period_words: dict[str, str]
    number_words: dict[str, int]
    generic: _Generic


@cache
def figure_words() -> FigureWords:
    """The validated word lists of the cross-check."""
    rel = "crosscheck/figures.toml"
    return validate_model(rel, None, read_toml(rel), FigureWords)


def rule_spec() -> Any:
    """The rule's spec (severity, summary, message...) from lexicons/rules."""
    from starkit.rules import load_rules

    return load_rules()[RULE]


@check(RULE)
def _per_unit(ctx: Any) -> list[Hit]:
    """A cross-document rule never fires on one unit (see `cross_check`)."""
    return []


# -- places and findings ----------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A figure in one document: character offsets into its text, 1-based line and column."""

    name: str
    start: int
    end: int
    line: int
    col: int
    text: str  # the figures of the claim as written ("from 800 ms to 300 ms")
    claim: str  # the whole line or sentence


@dataclass(frozen=True)
class CrossFinding:
    """Two places that give the same metric of the same work different figures."""

    rule: str
    severity: str
    message: str
    suggestion: str
    metric: str
    first: Place
    second: Place


# -- claims -----------------------------------------------------------------------------------


@dataclass
class Figure:
    kind: str
    lo: float
    hi: float
    value: float
    start: int  # offsets into the document
    end: int
    metric: frozenset[str]


@dataclass
class Claim:
    doc: int
    start: int
    end: int
    text: str
    words: frozenset[str]
    qualifiers: dict[str, str]  # metric word -> the word before it
    periods: frozenset[str]
    figures: list[Figure] = field(default_factory=list)


_DURATION = {
    "ms": 0.001,
    "millisecond": 0.001,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "d": 86400,
    "day": 86400,
    "wk": 604800,
    "wks": 604800,
    "week": 604800,
    "mo": 2629800,
    "mos": 2629800,
    "month": 2629800,
    "yr": 31557600,
    "yrs": 31557600,
    "year": 31557600,
}
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*")
_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+(?=\s|$)|\.(?=\d)[^\n.!?]*)*", re.M)
_PERIOD_UNITS = r"(day|week|month|quarter|year)s?"
_ALNUM_TERM = re.compile(r"[A-Za-z]+\d+[A-Za-z\d]*", re.I)
_COUNTED = frozenset({"team", "month", "week", "day", "year"})  # "3 teams" counts teams
_RANGE_JOINS = frozenset({"to", "->", "→", "-", "–", "—", "down to", "up to", "and"})


def _norm(word: str) -> str:
    w = word.lower().strip("'")
    if len(w) > 3 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _units(text: str, kind: str) -> list[tuple[int, int]]:
    """Claims: one a line for a resume (or bullets), one a sentence for a story or email."""
    if kind in ("resume", "bullet"):
        out, pos = [], 0
        for line in text.splitlines(keepends=True):
            body = line.rstrip("\r\n")
            if body.strip():
                out.append((pos, pos + len(body)))
            pos += len(line)
        return out
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line_start = m.start()
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(\"'])", m.group()):
            off = text.index(s, line_start)
            spans.append((off, off + len(s)))
            line_start = off + len(s)
    return spans


def _periods(text: str) -> frozenset[str]:
    fw = figure_words()
    low = text.lower()
    found = set(re.findall(r"\b([qh][1-4])\b", low))
    found |= {f"fy{y}" for y in re.findall(r"\bfy ?(\d{2,4})\b", low)}
    found |= set(re.findall(r"\b((?:19|20)\d\d)\b", low))
    number = "|".join(map(re.escape, fw.number_words))
    for n, unit in re.findall(rf"\b(\d+|{number})[ -]{_PERIOD_UNITS}\b", low):
        count = int(n) if n.isdigit() else fw.number_words[n]
        found.add(f"{count}-{unit}")
    for word in re.findall(r"[a-z\-]+", low):
        if word in fw.period_words:
            found.add(fw.period_words[word])
    return frozenset(found)


def _period_type(period: str) -> str:
    if re.fullmatch(r"[qh][1-4]", period):
        return period[0]  # a quarter or a half of the year
    if re.fullmatch(r"(?:19|20)\d\d|fy\d+", period):
        return "year"
    return "span"  # "6-month", "1-year": how long, or per how long


def _other_periods(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two claims name different periods of one type ("Q1 2023" and "Q4 2023"
    differ by quarter; "in 2023" and "a year" are not of one type and do not conflict)."""
    for kind in {_period_type(p) for p in a} & {_period_type(p) for p in b}:
        pa = {p for p in a if _period_type(p) == kind}
        pb = {p for p in b if _period_type(p) == kind}
        if not pa & pb:
            return True
    return False


def _before(text: str, start: int, phrases: tuple[str, ...]) -> bool:
    head = text[max(0, start - 24) : start].lower().rstrip()
    return any(
        head.endswith(p) and (len(head) == len(p) or not head[-len(p) - 1].isalnum())
        for p in phrases
    )


def _unhedged(text: str, start: int) -> str:
    """`text` with a hedge right before `start` blanked ("at about 3%" reads as "at 3%")."""
    head = text[:start]
    stripped = head.rstrip()
    for h in sorted(figure_words().hedges, key=len, reverse=True):
        if stripped.lower().endswith(h) and (
            len(stripped) == len(h) or not stripped[-len(h) - 1].isalnum()
        ):
            cut = len(stripped) - len(h)
            return text[:cut] + " " * (start - cut) + text[start:]
    return text


def _interval(q: Any, text: str, start: int) -> tuple[float, float, float]:
    """(low, high, value) of a figure from its rounding, hedges and bounds."""
    fw = figure_words()
    value = float(q.value)
    m = _NUM.search(q.text)
    tol = 0.49
    if m:
        written = m.group().replace(",", "")
        decimals = len(written.split(".")[1]) if "." in written else 0
        num = float(written) or 1.0
        scale = value / num if num else 1.0
        tol = 0.49 * 10**-decimals * abs(scale)  # 3.5% is not 4%; 40.3% is 40%
    if _before(text, start, fw.hedges) or q.text.startswith(("~", "≈")):
        tol = max(tol, abs(value) * fw.hedge_share)
    lo, hi = value - tol, value + tol
    if _before(text, start, fw.lower_bounds) or q.text.rstrip().endswith("+"):
        hi = float("inf")
    elif _before(text, start, fw.upper_bounds):
        lo = float("-inf")
    return lo, hi, value


def _kind_and_scale(q: Any) -> tuple[str, float] | None:
    if q.kind == "duration":
        words = [_norm(w) for w in _WORD.findall(q.text)] + [q.unit.lower()]
        for w in words:
            if w in _DURATION:
                return "duration", _DURATION[w]
        return None
    if q.kind == "percent":
        return ("points", 1.0) if q.unit in ("pts", "pp", "bps", "points") else ("percent", 1.0)
    if q.kind in ("rate", "multiplier") and q.text.split()[0].isalpha():
        return "multiplier", 1.0  # "tripled" is 3x
    if q.kind in ("money", "count", "multiplier", "rate", "ratio", "size"):
        return q.kind, 1.0
    return None


def _claims(doc_index: int, text: str, kind: str) -> list[Claim]:
    from starkit.nlp import get_nlp
    from starkit.quantities import find_quantities_in_doc
    from starkit.textio import normalise_for_matching

    nlp = get_nlp()
    fw = figure_words()
    generic = set(fw.generic.words)
    spans = _units(text, kind)
    docs = nlp.pipe(normalise_for_matching(text[s:e]) for s, e in spans)
    out = []
    for (s, e), doc in zip(spans, docs, strict=True):
        sent = text[s:e]
        metric_spans = [
            (ms, me) for cat, _eid, ms, me in (doc._.starkit_matches or []) if cat in _METRIC_CATS
        ]
        metric_tokens = {i for ms, me in metric_spans for i in range(ms, me)}
        qualifiers = {}
        for ms, me in metric_spans:
            if ms > 0 and doc[ms - 1].is_alpha and (ms - 1) not in metric_tokens:
                prev = _norm(doc[ms - 1].text)
                if prev not in generic:
                    for i in range(ms, me):
                        qualifiers[_norm(doc[i].text)] = prev
        words = frozenset(
            _norm(t.text)
            for t in doc
            if len(t.text) > 2
            and t.text[0].isalpha()
            and (t.is_alpha or _ALNUM_TERM.fullmatch(t.text))  # "p95", "k8s", not "Q2"
            and _norm(t.text) not in generic
        )
        claim = Claim(doc_index, s, e, sent, words, qualifiers, frozenset())
        quantities = find_quantities_in_doc(doc)
        in_figure = {i for q in quantities for i in range(q.token_start, q.token_end)}
        # a metric term inside a figure ("six weeks") names no metric
        figure_free = [(ms, me) for ms, me in metric_spans if not in_figure & set(range(ms, me))]
        previous: Figure | None = None
        for q in quantities:
            if not q.measure or q.value is None:
                continue
            ks = _kind_and_scale(q)
            if ks is None:
                continue
            kind_name, scale = ks
            if kind_name == "duration" and _before(sent, q.start, fw.period_lead):
                continue  # "in 6 months": the period of the claim, not its figure
            if kind_name == "percent" and not _before(
                _unhedged(sent, q.start), q.start, fw.level_lead
            ):
                kind_name = "percent-change"  # "grew retention 40%": a change, not a level
            between = sent[previous.end - s : q.start].strip().lower() if previous else ""
            if previous is not None and previous.kind == kind_name and between in _RANGE_JOINS:
                metric = previous.metric  # "from 800 ms to 300 ms": one metric
            else:
                metric = _metric_of(doc, q, figure_free)
            lo, hi, value = _interval(q, sent, q.start)
            previous = Figure(
                kind_name, lo * scale, hi * scale, value * scale, s + q.start, s + q.end, metric
            )
            claim.figures.append(previous)
        if claim.figures:
            masked = list(sent)
            for f in claim.figures:  # "from 5 days to 2 days" are figures, not periods
                masked[f.start - s : f.end - s] = " " * (f.end - f.start)
            claim.periods = _periods("".join(masked))
            out.append(claim)
    return out


def _metric_of(doc: Any, q: Any, metric_spans: list[tuple[int, int]]) -> frozenset[str]:
    """The metric a figure measures: the noun it counts ("4 engineers") or the nearest metric
    term of the sentence (preferring one before it)."""
    generic = set(figure_words().generic.words)
    te = q.token_end
    in_metric = {i: (ms, me) for ms, me in metric_spans for i in range(ms, me)}
    ts = q.token_start
    if q.kind == "count" and ts >= 2 and doc[ts - 1].lower_ == "of" and doc[ts - 2].is_alpha:
        return frozenset({f"noun:{_norm(doc[ts - 2].text)}"})  # "a team of 12"
    if q.kind == "count" and te < len(doc) and doc[te].is_alpha and te not in in_metric:
        noun = _norm(doc[te].text)
        if not doc[te].is_stop and (noun not in generic or noun in _COUNTED):
            return frozenset({f"noun:{noun}"})
    best = None
    for ms, me in metric_spans:
        if me <= q.token_start:
            dist = q.token_start - me
        elif ms >= te:
            dist = (ms - te) * 1.5 + 0.5
        else:
            dist = 0
        if best is None or dist < best[0]:
            best = (dist, ms, me)
    if best is None:
        return frozenset({"_"})
    words = {_norm(t.text) for t in doc[best[1] : best[2]]}
    # a multi-word metric keeps its specific words ("error rate" -> error)
    specific = words - {"rate", "time", "p95", "p99", "p50", "total", "average"}
    return frozenset(specific or words)


def _same_work(
    a: Claim, b: Claim, metric: frozenset[str], fa: list[Figure], fb: list[Figure]
) -> bool:
    """The claims are about the same piece of work: they share a word beside the metric, or
    a figure of it ("from 800 ms to 300 ms" and "from 900 ms to 300 ms"), and no qualifier of
    the metric conflicts ("search latency" and "checkout latency")."""
    shared = (a.words & b.words) - metric
    if "_" in metric:  # no metric named: the claims must be about the same thing
        small = min(len(a.words), len(b.words)) or 1
        return len(shared) >= 3 and len(shared) / small >= 0.5
    for word in metric:
        qa, qb = a.qualifiers.get(word), b.qualifiers.get(word)
        if qa and qb and qa != qb and qa not in b.words and qb not in a.words:
            return False
    return len(shared) >= 1 or any(_agrees(f, [g for g in fb if g.kind == f.kind]) for f in fa)


def _agrees(f: Figure, others: list[Figure]) -> bool:
    """One figure is the other rounded: either value lies in the other's interval."""
    return any(g.lo <= f.value <= g.hi or f.lo <= g.value <= f.hi for g in others)


def _same_metric(ma: frozenset[str], mb: frozenset[str], a: Claim, b: Claim) -> bool:
    """The same metric named alike ("latency"), or in other words that each claim also uses
    ("onboarding time-to-first-value" and "onboarding time to first value")."""
    if ma == mb:
        return True
    if "_" in ma or "_" in mb or any(m.startswith("noun:") for m in ma | mb):
        return False
    return bool(ma & mb) or bool(ma & b.words and mb & a.words)


def _relate(
    a: Claim, b: Claim
) -> list[tuple[frozenset[str], str, list[Figure], list[Figure], bool, bool]]:
    """Every comparable (metric, kind) of two claims: `(metric, kind, figures of a, figures
    of b, disagree, covered)`; they disagree when each holds a figure the other does not agree
    with; `b` covers `a` when every figure of `a` agrees with one of `b`."""
    if _other_periods(a.periods, b.periods):
        return []
    out = []
    for ma in sorted({f.metric for f in a.figures}, key=sorted):
        for mb in sorted({f.metric for f in b.figures}, key=sorted):
            fa = [f for f in a.figures if f.metric == ma]
            fb = [f for f in b.figures if f.metric == mb]
            if not _same_metric(ma, mb, a, b) or not _same_work(a, b, ma | mb, fa, fb):
                continue
            for kind in sorted({f.kind for f in fa} & {f.kind for f in fb}):
                ka = [f for f in fa if f.kind == kind]
                kb = [f for f in fb if f.kind == kind]
                lone_a = [f for f in ka if not _agrees(f, kb)]
                lone_b = [f for f in kb if not _agrees(f, ka)]
                out.append((ma, kind, ka, kb, bool(lone_a and lone_b), not lone_a))
    return out


def _agreeing(a: Claim, others: list[Claim]) -> set[tuple[frozenset[str], str]]:
    """The (metric, kind) of `a` that some claim of the other document states alike: a story
    that gives the resume's figures in its Result may give other ones for another time in its
    Situation ("latency had crept up from 500 ms to 900 ms")."""
    return {
        (metric, kind)
        for b in others
        for metric, kind, _fa, _fb, _disagree, covered in _relate(a, b)
        if covered
    }


def _place(name: str, text: str, claim: Claim, figures: list[Figure]) -> Place:
    start = min(f.start for f in figures)
    end = max(f.end for f in figures)
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    return Place(name, start, end, line, col, text[start:end], claim.text.strip())


def cross_check(documents: list[tuple[str, str, str]]) -> list[CrossFinding]:
    """Findings for figures that disagree across `documents`, a list of `(name, text, kind)`
    (kind: resume, bullet, story or email). Each finding names both places."""
    from starkit.units import parse_kind

    claims: list[list[Claim]] = []
    for i, (_name, text, kind) in enumerate(documents):
        parse_kind(kind)
        claims.append(_claims(i, text, str(kind)))
    spec = rule_spec()
    out: list[CrossFinding] = []
    for i in range(len(documents)):
        for j in range(i + 1, len(documents)):
            for a in claims[i]:
                agreed = _agreeing(a, claims[j])
                # per metric, the claim of the other document closest to this one: the most
                # figures in common, then the most words
                best: dict[frozenset[str], tuple[tuple[int, int], Claim, list, list]] = {}
                for b in claims[j]:
                    for metric, kind, fa, fb, disagree, _covered in _relate(a, b):
                        if not disagree or (metric, kind) in agreed:
                            continue  # agrees, or another claim of that document agrees
                        same = sum(_agrees(f, fb) for f in fa)
                        score = (same, len(a.words & b.words))
                        if metric not in best or score > best[metric][0]:
                            best[metric] = (score, b, fa, fb)
                for metric, (_score, b, fa, fb) in best.items():
                    first = _place(documents[i][0], documents[i][1], a, fa)
                    second = _place(documents[j][0], documents[j][1], b, fb)
                    out.append(_finding(spec, metric, first, second))
    return out


def _finding(spec: Any, metric: frozenset[str], first: Place, second: Place) -> CrossFinding:
    metric_name = " ".join(sorted(m.removeprefix("noun:") for m in metric if m != "_")) or "figure"
    message = spec.format(
        {
            "first": f"'{first.text}'",
            "second": f"'{second.text}'",
            "here": f"{first.name}:{first.line}:{first.col}",
            "other": f"{second.name}:{second.line}:{second.col}",
            "metric": metric_name,
        }
    )
    suggestion = _suggestion(
        first, second, f"{first.name}:{first.line}", f"{second.name}:{second.line}"
    )
    return CrossFinding(RULE, spec.severity.value, message, suggestion, metric_name, first, second)


def _suggestion(first: Place, second: Place, first_at: str, second_at: str) -> str:
    return (
        f"Check the source and use one figure in both places: {first_at} says "
        f"'{first.claim}'; {second_at} says '{second.claim}'."
    )


def cross_check_run(run: Any) -> None:
    """Add `inconsistent-figure` findings to the files of a lint run (`starkit.lintrun.Run`),
    to both places of each disagreement."""
    from starkit.lintrun import Item, _clamp
    from starkit.lintrun import Place as FilePlace

    documents, owners = [], []
    for result in run.files:
        if result.error or result.native is None:
            continue
        native = result.native
        if hasattr(native, "items"):  # a resume document: its lines, at their file positions
            lines = list(native.items)
            text = "\n".join(item.text.replace("\n", " ") for item in lines)
            documents.append((result.path, text, "resume"))
            owners.append(
                (result, [(it.source.line, it.source.col, it.source.page) for it in lines])
            )
        else:
            documents.append((result.path, native.text, result.kind or "resume"))
            owners.append((result, None))

    def file_place(here: Place) -> tuple[Any, Any]:
        """The run's file and the position in it of a place of the joined document."""
        idx = next(i for i, d in enumerate(documents) if d[0] == here.name)
        result, sources = owners[idx]
        if sources is None:
            place = FilePlace(here.line, here.col, here.line, here.col + len(here.text))
        else:
            line, col, page = sources[here.line - 1]
            col += here.col - 1
            place = FilePlace(line, col, line, col + len(here.text), page, page is None)
        if result.text is not None:
            place = _clamp(result.text.splitlines(), place.line, place.col, len(here.text))
        return result, place

    for cf in cross_check(documents):
        placed = {id(p): file_place(p) for p in (cf.first, cf.second)}
        # a resume is compared as its lines joined: each place is named at its file position
        at = {
            id(p): f"{p.name}:" + (f"p{fp.page}:" if fp.page is not None else "") + str(fp.line)
            for p in (cf.first, cf.second)
            for fp in (placed[id(p)][1],)
        }
        suggestion = _suggestion(cf.first, cf.second, at[id(cf.first)], at[id(cf.second)])
        for here, there in ((cf.first, cf.second), (cf.second, cf.first)):
            result, place = placed[id(here)]
            message = (
                f"'{here.text}' here, but '{there.text}' in {at[id(there)]}: both measure "
                f"'{cf.metric}' in the same piece of work, so the figures should match."
            )
            result.findings.append(Item(cf.rule, cf.severity, message, suggestion, place))
    for result, _ in owners:
        result.findings.sort(key=lambda i: (i.place.page or 0, i.place.line, i.place.col))


def resume_against_stories(
    resume_name: str, resume_lines: list[str], stories: list[tuple[str, str]]
) -> list[dict[str, str]]:
    """Rows for the Story bank's consistency panel: the resume's lines (bullets) against the
    saved stories `(title, text)`; one row a disagreement, resume first."""
    docs = [(resume_name, "\n".join(line.replace("\n", " ") for line in resume_lines), "resume")]
    docs += [(title, text, "story") for title, text in stories]
    rows = []
    for f in cross_check(docs):
        if f.first.name != resume_name:
            continue  # two stories that disagree: shown by the Story builder, not here
        rows.append(
            {
                "metric": f.metric,
                "resume says": f.first.text,
                "resume line": f.first.claim,
                "story": f.second.name,
                "story says": f.second.text,
                "story sentence": f.second.claim,
            }
        )
    return rows
