"""`starkit lint FILE` on resumes: positions in the file's own terms, every output format,
`--fail-on`, and each bad file refused with one line on stderr and exit code 2."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import zipfile

import pytest

from starkit.cli import main
from starkit.errors import ResumeReadError
from starkit.resume import cli as resume_cli
from starkit.textio import MAX_FILE_BYTES
from tests.resume.fixtures import pdfs
from tests.resume.fixtures.build import jsonresume_dict, to_markdown, to_text
from tests.resume.fixtures.docs import word_resume


def _run(capsys, path, *extra):
    code = main(["lint", str(path), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def cv_pdf(tmp_path_factory, pdf_fixtures):
    path = tmp_path_factory.mktemp("cli") / "cv.pdf"
    path.write_bytes(pdf_fixtures["latex-like"])
    return path


def test_pdf_findings_carry_page_line_and_column(cv_pdf, capsys):
    code, out, _ = _run(capsys, cv_pdf)
    assert code == 1  # no-quantification is a warning, the default --fail-on
    first = out.splitlines()[0]
    assert first.startswith(f"{cv_pdf}:p1:")
    assert " warning no-quantification " in first
    assert out.splitlines()[1].startswith("    ")  # the suggestion, indented
    assert "achievement bullets" in out.splitlines()[-1]


def test_fail_on_error_passes_when_only_warnings(cv_pdf, capsys):
    code, _, _ = _run(capsys, cv_pdf, "--fail-on", "error")
    assert code == 0


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_every_format_for_a_resume(tmp_path, capsys, fmt):
    path = tmp_path / "cv.docx"
    path.write_bytes(word_resume())
    code, out, _ = _run(capsys, path, "--format", fmt)
    assert code == 1
    if fmt == "json":
        data = json.loads(out)
        assert data["resume"]["format"] == "docx"
        assert data["achievement_bullets"] == 11
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert sum(r["kind"] == "bullet" for r in rows) == 12  # 11 + the education bullet
    else:
        assert out.startswith("# Resume report: ")


@pytest.mark.parametrize(
    ("name", "content"),
    [("cv.txt", to_text), ("cv.md", to_markdown)],
)
def test_kind_is_found_for_text_resumes(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_text(content(), encoding="utf-8")
    code, out, _ = _run(capsys, path)
    assert code == 1
    assert f"{path}:" in out and "no-quantification" in out


def test_unstructured_text_goes_to_the_generic_path():
    args = argparse.Namespace(fmt="text", fail_on="warning", kind=None)
    assert resume_cli.handler("notes.txt", b"Led 3 launches\nWorked on stuff\n", args) is None
    assert resume_cli.handler("notes.md", b"- Led 3 launches\n", args) is None
    assert resume_cli.handler("cv.txt", to_text().encode(), args) is not None


def test_handler_applies_the_size_limit_to_bytes():
    args = argparse.Namespace(fmt="text", fail_on="warning", kind=None)
    with pytest.raises(ResumeReadError, match="over the 10 MB"):
        resume_cli.handler("<stdin>", b"x" * (MAX_FILE_BYTES + 1), args)


def _bad_files(pdf_bytes: bytes) -> dict[str, tuple[bytes, str]]:
    docx = word_resume()
    other_zip = io.BytesIO()
    with zipfile.ZipFile(other_zip, "w") as zf:
        zf.writestr("a.txt", "hi")
    bad_json = jsonresume_dict()
    bad_json["work"][0]["highlights"] = "one string"
    return {
        "encrypted.pdf": (pdfs.encrypted(), "encrypted"),
        "scanned.pdf": (pdfs.scanned(), "no text layer"),
        "truncated.pdf": (pdf_bytes[: len(pdf_bytes) // 2], "corrupt or truncated"),
        "truncated.docx": (docx[: len(docx) // 2], "corrupt or truncated"),
        "photo.png": (b"\x89PNG\r\n\x1a\n" + os.urandom(2000), "does not do OCR"),
        "random.bin": (bytes(range(256)) * 40, "does not match any supported format"),
        "archive.zip": (other_zip.getvalue(), "not a resume"),
        "legacy.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "legacy Word"),
        "resume.json": (json.dumps(bad_json).encode(), "invalid JSON Resume"),
        "broken.json": (b'{"basics": {"name": "A"},,}', "invalid JSON at line 1"),
    }


def test_each_bad_file_exits_2_with_one_line(tmp_path, capsys, pdf_fixtures):
    for name, (data, expected) in _bad_files(pdf_fixtures["word-like"]).items():
        path = tmp_path / name
        path.write_bytes(data)
        code, out, err = _run(capsys, path)
        assert code == 2, name
        assert out == "", name
        lines = err.strip().splitlines()
        assert len(lines) == 1, (name, err)
        assert lines[0].startswith(f"starkit: error: {path}"), (name, err)
        assert expected in lines[0], (name, err)


def test_file_over_the_size_limit_exits_2(tmp_path, capsys):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(MAX_FILE_BYTES + 1)
    code, _, err = _run(capsys, path)
    assert code == 2
    assert "10 MB" in err and len(err.strip().splitlines()) == 1


def test_batch_reads_text_in_process_and_containers_in_the_worker(monkeypatch):
    """`isolate_text=False` (starkit batch) skips the worker for text formats only: a PDF or a
    zip still goes to the bounded worker."""
    import starkit.worker

    calls: list[str] = []
    real = starkit.worker.run_bounded

    def spy(fn, *args, label, **kwargs):
        calls.append(label)
        return real(fn, *args, label=label, **kwargs)

    monkeypatch.setattr(starkit.worker, "run_bounded", spy)
    md = b"# Jo\n\n## Experience\n\n### Acme, PM, 2020-2023\n\n- Cut churn from 9% to 6% in Q3\n"
    assert resume_cli.structured_resume("cv.md", md, isolate_text=False) is not None
    assert calls == []
    assert resume_cli.structured_resume("cv.md", md) is not None
    assert calls == ["cv.md"]
    with pytest.raises(ResumeReadError):
        resume_cli.structured_resume("cv.pdf", b"%PDF-1.4 broken", isolate_text=False)
    assert calls == ["cv.md", "cv.pdf"]
