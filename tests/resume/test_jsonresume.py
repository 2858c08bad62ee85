"""JSON Resume documents (JSON and YAML): highlights are the bullets, the schema's sections
map to starkit's, and invalid documents are refused with the field named."""

from __future__ import annotations

import json

import pytest

from starkit.errors import ResumeReadError
from starkit.resume import read_resume
from tests.resume.fixtures.build import jsonresume_dict, to_jsonresume, to_jsonresume_yaml
from tests.resume.helpers import achievement, assert_matches_fixture


@pytest.mark.parametrize("build", [to_jsonresume, to_jsonresume_yaml], ids=["json", "yaml"])
def test_json_resume_highlights_are_the_bullets(build):
    resume = read_resume(build().encode(), name="resume.json")
    assert resume.format == "jsonresume"
    assert_matches_fixture(resume)


def test_json_resume_positions_are_file_lines():
    text = to_jsonresume()
    resume = read_resume(text.encode())
    lines = text.splitlines()
    for b in resume.bullets:
        assert json.dumps(b.text, ensure_ascii=False)[1:-1] in lines[b.source.line - 1]


def test_json_resume_summary_is_a_bullet_only_without_highlights():
    doc = {
        "basics": {"name": "Ana"},
        "work": [
            {"name": "Acme", "position": "PM", "summary": "Owned billing for 2,000 accounts"},
            {
                "name": "Globex",
                "position": "APM",
                "summary": "A logistics start-up.",
                "highlights": ["Shipped route planning to 40 depots"],
            },
        ],
    }
    resume = read_resume(json.dumps(doc).encode())
    assert achievement(resume) == [
        ("Owned billing for 2,000 accounts", "experience", "Acme"),
        ("Shipped route planning to 40 depots", "experience", "Globex"),
    ]
    assert any(ln.text == "A logistics start-up." for ln in resume.lines)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["work"][1].update(highlights="Drove a migration"), r"work\[1\]\.highlights"),
        (
            lambda d: d["work"][0]["highlights"].insert(0, {"text": "x"}),
            r"work\[0\]\.highlights\[0\]",
        ),
        (lambda d: d.update(basics=["Jordan"]), r"basics must be an object"),
        (lambda d: d.update(work={"name": "Acme"}), r"work must be a list"),
    ],
    ids=["highlights-string", "highlight-object", "basics-list", "work-object"],
)
def test_invalid_json_resume_names_the_field(mutate, message):
    doc = jsonresume_dict()
    mutate(doc)
    with pytest.raises(ResumeReadError, match=r"^r\.json: invalid JSON Resume: .*" + message):
        read_resume(json.dumps(doc).encode(), name="r.json")


def test_broken_json_gives_line_and_column():
    text = to_jsonresume().replace('"work": [', '"work": [,', 1)
    with pytest.raises(ResumeReadError, match=r"^r\.json: invalid JSON at line \d+ column \d+"):
        read_resume(text.encode(), name="r.json")


def test_json_that_is_not_a_resume_is_refused():
    with pytest.raises(ResumeReadError, match="not a JSON Resume"):
        read_resume(b'{"name": "package", "version": "1.0.0"}', name="package.json")
    with pytest.raises(ResumeReadError, match="not a JSON Resume"):
        read_resume(b"[1, 2, 3]", name="list.json")
