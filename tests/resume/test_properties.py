"""Whatever it is given, `read_resume` returns a Resume or raises `ResumeReadError` with one
line, and what it returns is well formed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from starkit.errors import ResumeReadError
from starkit.resume import read_resume

LINES = st.sampled_from(
    [
        "EXPERIENCE",
        "Skills",
        "## Projects",
        "\\section{Education}",
        "<li>Led 3 launches</li>",
        "• Cut costs by 20%",
        "- shipped it",
        "Acme | PM | 2019 - 2021",
        "  continued line",
        "1. first",
        '{"work": [',
        "basics:",
        "",
        "\t",
        "(cid:127)",
        "Jan 2020 – Present",
        "SKILLS: Python",
    ]
)


def _check(data: bytes) -> None:
    try:
        resume = read_resume(data, name="fuzz")
    except ResumeReadError as exc:
        msg = str(exc)
        assert msg and "\n" not in msg
        return
    for b in resume.bullets:
        assert b.text == b.text.strip() and b.text
        assert b.source.line >= 1
    assert [b.index for b in resume.bullets] == list(range(len(resume.bullets)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES | st.text(max_size=40), max_size=25))
def test_text_like_input_never_crashes(lines):
    _check("\n".join(lines).encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"{"]))
def test_binary_input_never_crashes(tail, head):
    _check(head + tail)
