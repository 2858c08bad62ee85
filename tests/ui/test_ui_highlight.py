"""The app's highlighting must show hostile text inert and mark exactly the finding spans."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from starkit.models import Finding
from starkit.ui.highlight import (
    finding_card_html,
    highlight_html,
    list_html,
    md_escape,
    segments,
)

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "<a href='javascript:alert(1)'>click</a>",
    "&lt;script&gt; already-escaped looking",
    "' onmouseover='alert(1)' x='",
    "<style>body{display:none}</style>",
    "<!-- comment --> <iframe src=//evil>",
]


def finding(start, end, severity="warning", rule="vague-language", message="m", suggestion="s"):
    return Finding(
        rule=rule,
        severity=severity,
        message=message,
        start=start,
        end=end,
        suggestion=suggestion,
    )


class TagCollector(HTMLParser):
    """Collect every start tag and attribute the browser would see."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(markup)
    collector.close()
    return collector


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_produces_only_our_tags(payload):
    text = f"Grew {payload} sign-ups significantly"
    start = text.index("significantly")
    out = highlight_html(
        text,
        [
            finding(start, start + len("significantly")),
            finding(0, len(text), "error", "no-quantification", message=payload),
        ],
    )
    parsed = parse(out)
    assert {tag for tag, _ in parsed.tags} <= {"div", "mark"}
    for _, attrs in parsed.tags:
        assert set(attrs) <= {"class", "title", "data-rules"}
    # The text the browser shows is exactly the user's text, payload included, as text.
    assert "".join(parsed.text) == text


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_messages_and_suggestions_are_escaped_in_cards(payload):
    text = f"Helped {payload} the team"
    out = finding_card_html(
        finding(0, 6, rule=payload, message=payload, suggestion=payload), text
    ) + list_html([payload])
    parsed = parse(out)
    assert {tag for tag, _ in parsed.tags} <= {"div", "span", "b", "ul", "li"}
    assert payload in "".join(parsed.text)


def test_marks_cover_exactly_the_finding_span():
    text = "Drove numerous launches across teams"
    start = text.index("numerous")
    out = highlight_html(text, [finding(start, start + len("numerous"))])
    marked = re.findall(r"<mark[^>]*>(.*?)</mark>", out)
    assert marked == ["numerous"]
    assert 'class="sk-warning"' in out


def test_innermost_finding_colours_its_span_inside_a_whole_unit_finding():
    text = "Helped grow downloads"
    inner = text.index("downloads")
    out = highlight_html(
        text,
        [finding(0, len(text), "warning", "no-quantification"), finding(inner, len(text), "info")],
    )
    marks = re.findall(r'<mark class="sk-(\w+)"[^>]*>(.*?)</mark>', out)
    assert marks == [("warning", "Helped grow "), ("info", "downloads")]
    # The inner segment's tooltip names both findings.
    assert re.search(r'data-rules="no-quantification vague-language"', out)


def test_overlapping_spans_never_nest_marks():
    text = "abcdefghij"
    out = highlight_html(text, [finding(0, 6, "info"), finding(3, 9, "error")])
    assert out.count("<mark") == out.count("</mark>") == 3
    assert not re.search(r"<mark[^>]*>[^<]*<mark", out)
    assert "".join(parse(out).text) == text


def test_offset_shifts_findings_into_one_unit():
    full = "First bullet\nSecond numerous bullet"
    unit_start = full.index("Second")
    start = full.index("numerous")
    unit = full[unit_start:]
    out = highlight_html(unit, [finding(start, start + 8)], offset=unit_start)
    assert re.findall(r"<mark[^>]*>(.*?)</mark>", out) == ["numerous"]


def test_out_of_range_and_zero_width_spans_are_ignored():
    text = "short"
    segs = segments(text, [finding(3, 3), finding(10, 20), finding(2, 99)])
    assert [(s.start, s.end, len(s.findings)) for s in segs] == [(0, 2, 0), (2, 5, 1)]


def test_card_quotes_the_span_and_shows_the_fix():
    text = "Grew downloads by 40%"
    out = finding_card_html(
        finding(5, 14, rule="vanity-metric", message="vanity", suggestion="Add retention"), text
    )
    shown = html.unescape("".join(parse(out).text))
    assert "“downloads”" in shown
    assert "Try: Add retention" in shown


def test_md_escape_defuses_images_links_and_html():
    out = md_escape("![x](http://evil/p.png) [a](javascript:1) <b>x</b> **bold**")
    assert "![" not in out
    assert "](" not in out
    assert "<b>" not in out
    assert "**" not in out
    # Unescaping the backslashes gives back the original characters.
    assert (
        re.sub(r"\\(.)", r"\1", out)
        == "![x](http://evil/p.png) [a](javascript:1) <b>x</b> **bold**"
    )


def test_findings_about_the_whole_text_can_be_left_unpainted():
    text = "Dear [Name], thanks for the chat today."
    slot = text.index("[Name]")
    whole = finding(0, len(text), "warning", "email-no-metric")
    part = finding(slot, slot + 6, "error", "unfilled-placeholder")
    out = highlight_html(text, [whole, part], max_share=0.8)
    assert re.findall(r'<mark class="sk-(\w+)"[^>]*>(.*?)</mark>', out) == [("error", "[Name]")]
    # By default every finding is painted (a resume bullet's own span is the whole bullet).
    assert "email-no-metric" in highlight_html(text, [whole, part])


@pytest.mark.parametrize("payload", HOSTILE)
def test_story_section_cards_escape_and_wrap_a_long_unbroken_run(payload):
    from starkit.ui.highlight import STYLE, section_cards_html

    run = "#" * 5000
    out = section_cards_html({"situation": payload, "task": "", "action": f"I {run}"})
    parsed = parse(out)
    assert {tag for tag, _ in parsed.tags} <= {"div", "span"}
    shown = "".join(parsed.text)
    assert payload in shown and "(not found)" in shown and run in shown
    # A run with no break opportunity wraps inside its card instead of overflowing into the
    # column beside it (as it does on the Resume and Email pages).
    card_rule = re.search(r"\.sk-card\{([^}]*)\}", STYLE)
    assert card_rule and "overflow-wrap:anywhere" in card_rule.group(1)


def test_rows_html_is_an_escaped_list_and_the_stylesheet_swaps_it_in_on_a_phone():
    from starkit.ui.highlight import NARROW_PX, STYLE, rows_html

    body = rows_html(
        [{"title": "<img src=x onerror=alert(1)>", "words": 59, "note": "", "skip": "s"}],
        "title",
        skip=["skip"],
    )
    assert "<img" not in body and "&lt;img src=x" in body
    assert "words: 59" in body and "note" not in body and "skip" not in body
    assert f"@media (max-width:{NARROW_PX}px){{[class*=st-key-sk-wide-]{{display:none" in STYLE
    assert f"@media (min-width:{NARROW_PX + 1}px){{[class*=st-key-sk-narrow-]" in STYLE
