"""A story, email or answer kept in a DOCX or PDF is linted as its kind from the text the
resume readers extract, each finding placed at its paragraph (DOCX) or page and line (PDF)."""

from __future__ import annotations

import io
import json

from docx import Document
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from starkit import engine
from starkit.cli import main

PARAS = [
    "Situation: Our checkout lost 70% of mobile users at the payment step.",
    "Task: I owned getting completion back above 40% before the holidays.",
    "Action: We ran 5 user interviews, we rewrote the flow as one page and we shipped it.",
    "Result: Completion rose from 30% to 41% in 6 weeks.",
]
STORY = "\n".join(PARAS)


def _docx() -> bytes:
    doc = Document()
    for p in PARAS:
        doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _pdf() -> bytes:
    buf = io.BytesIO()
    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
    flow = []
    for p in PARAS:
        flow += [Paragraph(p, style), Spacer(1, 8)]
    SimpleDocTemplate(buf, pagesize=LETTER).build(flow)
    return buf.getvalue()


def _run(tmp_path, capsys, name: str, data: bytes, *extra: str) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["lint", "--kind", "story", "--format", "json", str(path), *extra]) in (0, 1)
    return json.loads(capsys.readouterr().out)


def test_a_story_in_a_docx_is_linted_as_a_story(tmp_path, capsys):
    data = _run(tmp_path, capsys, "story.docx", _docx())
    assert data["kind"] == "story"
    expected = sorted(f.rule for f in engine.lint(STORY, "story").findings)
    assert sorted(f["rule"] for f in data["findings"]) == expected
    assert "we-not-i" in expected


def test_a_story_in_a_pdf_is_placed_by_page_and_line(tmp_path, capsys):
    path = tmp_path / "story.pdf"
    path.write_bytes(_pdf())
    code = main(["lint", "--kind", "story", str(path), str(path.with_name("none.txt"))])
    assert code == 2  # the missing file; the PDF itself is read
    out = capsys.readouterr().out
    lines = [ln for ln in out.splitlines() if ln.startswith(f"{path}:p1:")]
    assert any("we-not-i" in ln for ln in lines), out
    assert "cannot be read from a PDF or DOCX" not in out


def test_a_labelled_story_in_a_docx_is_found_without_kind(tmp_path, capsys):
    path = tmp_path / "story.docx"
    path.write_bytes(_docx())
    main(["lint", "--format", "json", str(path)])
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "story"
    assert "we-not-i" in {f["rule"] for f in data["findings"]}
