"""Property: lint never raises on arbitrary Unicode, and every span lies inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import starkit
from starkit.errors import InputError

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=400
) | st.from_regex(r"[A-Za-z0-9$%€£~+\-–—.,;:()\[\]<>{}#/×→ \n]{0,200}", fullmatch=True)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, kind=st.sampled_from(["bullet", "resume", "story", "email"]))
def test_lint_never_raises_and_spans_are_inside(text, kind):
    try:
        report = starkit.lint(text, kind)
    except InputError:
        assert not text.strip()
        return
    assert report.text == text
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.suggestion
    for u in report.units:
        assert 0 <= u.start <= u.end <= len(text)
        assert 0 <= u.score <= 100
