"""The LaTeX template zoo (`fixtures/latex_zoo/`, sources in its README): the public sample
resumes of Awesome-CV, moderncv, Jake's, sb2nov, Deedy and AltaCV, plus fictional ones for
the plain article class, user-defined item macros and moderncv line breaks.  Each is read
whole: its sections, its roles and every achievement bullet exactly as a reader sees it.

Also Overleaf projects built here: a folder or a zip with `\\input`ed section files, a loop,
and includes that leave the project (refused).
"""

from __future__ import annotations

import io
import os
import tomllib
import zipfile
from pathlib import Path

import pytest

from starkit.errors import ResumeReadError
from starkit.resume import Resume, read_resume
from starkit.resume.lexicon import achievement_sections

ZOO = Path(__file__).parent / "fixtures" / "latex_zoo"
CASES = tomllib.loads((ZOO / "expected.toml").read_text(encoding="utf-8"))["case"]


def _roles(resume: Resume) -> list[list[str]]:
    return [
        [r.organisation or "", r.title or "", r.dates or ""]
        for r in resume.roles
        if r.section in achievement_sections()
    ]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_zoo_resume_is_read_whole(case):
    resume = read_resume(ZOO / case["path"])
    assert resume.format == "latex"
    assert [b.text for b in resume.achievement_bullets] == case["bullets"]
    assert [s.name for s in resume.sections] == case["sections"]
    assert _roles(resume) == case["roles"]
    for b in resume.bullets:
        assert "\\" not in b.text and "{" not in b.text and "#" not in b.text, b.text


def test_zoo_covers_the_families_with_bullets_in_every_case():
    names = {c["name"] for c in CASES}
    assert {"awesome-cv", "awesome-cv-experience", "moderncv", "jake", "sb2nov", "deedy"} <= names
    assert {"altacv", "article", "user-macros", "moderncv-breaks", "treyhunner"} <= names
    assert all(c["bullets"] for c in CASES)  # never an empty expectation


def test_zoo_fixtures_hold_no_contact_lines():
    text = " ".join(p.read_text(encoding="utf-8") for p in ZOO.rglob("*.*x") if p.is_file())
    for leaked in ("@gmail.com", "sourabh@", "deedy@fb.com", "607.379", "10-9030"):
        assert leaked not in text


def _zip_of(folder: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                zf.write(p, p.relative_to(folder).as_posix())
    return buf.getvalue()


def test_awesome_cv_project_as_a_zip_reads_like_the_folder():
    folder = read_resume(ZOO / "awesome-cv")
    zipped = read_resume(_zip_of(ZOO / "awesome-cv"), name="awesome-cv.zip")
    assert [b.text for b in zipped.bullets] == [b.text for b in folder.bullets]
    assert len(zipped.achievement_bullets) == 30
    assert zipped.name == "awesome-cv.zip"


def test_main_tex_path_follows_its_inputs_and_skips_commented_ones():
    resume = read_resume(ZOO / "awesome-cv" / "resume.tex")
    texts = [b.text for b in resume.bullets]
    assert len(resume.achievement_bullets) == 30
    # extracurricular.tex is \input only in a comment
    assert not any(t.startswith("Reformed the society") for t in texts)


# -- generated Overleaf projects ------------------------------------------------------------

MAIN = r"""\documentclass{article}
\newcommand{\resitem}[1]{\item #1}
\begin{document}
\section*{Experience}
\input{sections/experience}
\include{sections/projects}
\input{../outside}
\input{/etc/hostname}
\input{sections/loop-a}
%\input{sections/commented}
\end{document}
"""
EXPERIENCE = r"""\textbf{Tailspin} \hfill 2020 -- 2024 \\ \emph{Product Manager}
\begin{itemize}
  \resitem{Raised activation from 31\% to 44\% in one quarter, churn flat.}
  \item Cut p95 latency by 40\% \\ while error rate held under 0.1\%.
\end{itemize}
"""
PROJECTS = r"""\section*{Projects}
\begin{itemize}
  \item Built a pricing calculator used by 900 teams.
\end{itemize}
"""
LOOP_A = "\\input{sections/loop-b}\n"
LOOP_B = (
    "\\begin{itemize}\\item Shipped the loop guard in 2 days.\\end{itemize}\n"
    "\\input{sections/loop-a}\n"
)
SECRET = "\\begin{itemize}\\item SECRET must never be read\\end{itemize}\n"


def _project(root: Path) -> Path:
    proj = root / "proj"
    (proj / "sections").mkdir(parents=True)
    (proj / "main.tex").write_text(MAIN)
    (proj / "sections" / "experience.tex").write_text(EXPERIENCE)
    (proj / "sections" / "projects.tex").write_text(PROJECTS)
    (proj / "sections" / "loop-a.tex").write_text(LOOP_A)
    (proj / "sections" / "loop-b.tex").write_text(LOOP_B)
    (proj / "sections" / "commented.tex").write_text(SECRET)
    (root / "outside.tex").write_text(SECRET)
    return proj


EXPECTED = [
    "Raised activation from 31% to 44% in one quarter, churn flat.",
    "Cut p95 latency by 40% while error rate held under 0.1%.",
    "Built a pricing calculator used by 900 teams.",
    "Shipped the loop guard in 2 days.",
]


def _check(resume: Resume) -> None:
    assert [b.text for b in resume.achievement_bullets] == EXPECTED
    assert resume.roles[0].organisation == "Tailspin"
    warnings = " ".join(resume.warnings)
    assert "../outside" in warnings and "/etc/hostname" in warnings
    assert "includes itself" in warnings
    assert "SECRET" not in " ".join(b.text for b in resume.bullets)


def test_overleaf_folder(tmp_path):
    resume = read_resume(_project(tmp_path))
    _check(resume)
    # what an included file holds is reported at the line of its \input in main.tex
    lines = MAIN.splitlines()
    for bullet, include in zip(
        resume.achievement_bullets, ["experience", "experience", "projects", "loop-a"], strict=True
    ):
        assert f"sections/{include}" in lines[bullet.source.line - 1]


def test_overleaf_zip(tmp_path):
    proj = _project(tmp_path)
    data = _zip_of(proj)
    _check(read_resume(data, name="proj.zip"))


def test_zip_entries_outside_the_project_are_never_read(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("main.tex", MAIN.replace("../outside", "../evil"))
        zf.writestr("sections/experience.tex", EXPERIENCE)
        zf.writestr("../evil.tex", SECRET)
        zf.writestr("/abs.tex", SECRET)
    resume = read_resume(buf.getvalue(), name="p.zip")
    assert "SECRET" not in " ".join(b.text for b in resume.bullets)
    assert len(resume.achievement_bullets) == 2


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
def test_symlink_out_of_the_project_is_not_followed(tmp_path):
    proj = _project(tmp_path)
    (proj / "sections" / "projects.tex").unlink()
    (proj / "sections" / "projects.tex").symlink_to(tmp_path / "outside.tex")
    resume = read_resume(proj)
    assert "SECRET" not in " ".join(b.text for b in resume.bullets)
    assert any("sections/projects" in w for w in resume.warnings)


def test_include_chain_depth_is_bounded(tmp_path):
    proj = tmp_path / "deep"
    proj.mkdir()
    (proj / "main.tex").write_text(
        "\\documentclass{article}\\begin{document}\\section*{Experience}\\input{f0}\\end{document}"
    )
    for k in range(20):
        (proj / f"f{k}.tex").write_text(
            f"\\begin{{itemize}}\\item Level {k} shipped {k} features.\\end{{itemize}}"
            f"\\input{{f{k + 1}}}\n"
        )
    resume = read_resume(proj)
    assert 1 <= len(resume.achievement_bullets) < 20
    assert any("deeper than" in w for w in resume.warnings)


def test_folder_of_section_files_only(tmp_path):
    proj = tmp_path / "sections-only"
    proj.mkdir()
    src = (ZOO / "awesome-cv" / "resume" / "experience.tex").read_text(encoding="utf-8")
    (proj / "experience.tex").write_text(src)
    resume = read_resume(proj)
    case = next(c for c in CASES if c["name"] == "awesome-cv-experience")
    assert [b.text for b in resume.achievement_bullets] == case["bullets"]


def test_zip_with_too_many_entries_is_refused_before_reading():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("main.tex", MAIN)
        for k in range(2100):
            zf.writestr(f"x/{k}.tex", "")
    with pytest.raises(ResumeReadError, match="entries"):
        read_resume(buf.getvalue(), name="many.zip")


def test_zip_entry_that_inflates_past_the_limit_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        main = "\\documentclass{article}\\begin{document}\\input{big}\\end{document}"
        zf.writestr("main.tex", main)
        zf.writestr("big.tex", "%" * 12_000_000)
    data = buf.getvalue()
    assert len(data) < 200_000
    with pytest.raises(ResumeReadError, match="MB"):
        read_resume(data, name="bomb.zip")


def test_corrupt_project_zip_is_one_clear_error():
    data = _zip_of(ZOO / "awesome-cv")
    with pytest.raises(ResumeReadError):
        read_resume(data[: len(data) // 2], name="cut.zip")


def test_project_without_tex_files_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(ResumeReadError, match=r"no LaTeX"):
        read_resume(tmp_path)


def test_cli_lints_a_project_folder_and_a_zip(tmp_path, capsys):
    from starkit.cli import main

    proj = _project(tmp_path)
    # a folder is walked; the project is read once, through its main file (the section files,
    # included or not, are not resumes of their own)
    assert main(["lint", str(proj)]) in (0, 1)
    out = capsys.readouterr().out
    assert "1 file linted" in out and "main.tex:5:28" in out and "sections/" not in out
    assert main(["lint", str(proj / "main.tex")]) in (0, 1)
    assert "4 achievement bullets" in capsys.readouterr().out
    archive = tmp_path / "proj.zip"
    archive.write_bytes(_zip_of(proj))
    assert main(["lint", str(archive)]) in (0, 1)
    assert "4 achievement bullets" in capsys.readouterr().out


def test_cli_refuses_a_bad_project_zip_in_one_line(tmp_path, capsys):
    from starkit.cli import main

    archive = tmp_path / "cut.zip"
    data = _zip_of(ZOO / "awesome-cv")
    archive.write_bytes(data[: len(data) // 2])
    assert main(["lint", str(archive)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_import_through_a_folder_macro_and_a_cover_letter_beside_the_resume(tmp_path):
    proj = tmp_path / "cv"
    (proj / "resume").mkdir(parents=True)
    (proj / "coverletter.tex").write_text(
        "\\documentclass{article}\\begin{document}Dear hiring manager,\\end{document}"
    )
    (proj / "resume.tex").write_text(
        "\\documentclass{awesome-cv}\n\\newcommand*{\\sectiondir}{resume/}\n"
        "\\begin{document}\n\\import{\\sectiondir}{experience.tex}\n\\end{document}\n"
    )
    src = (ZOO / "awesome-cv" / "resume" / "experience.tex").read_text(encoding="utf-8")
    (proj / "resume" / "experience.tex").write_text(src)
    resume = read_resume(proj)
    case = next(c for c in CASES if c["name"] == "awesome-cv-experience")
    assert [b.text for b in resume.achievement_bullets] == case["bullets"]


def test_a_folder_with_too_many_entries_is_refused(tmp_path):
    from starkit.resume.project import limits

    for k in range(limits().max_entries + 1):
        (tmp_path / f"{k}.txt").touch()
    with pytest.raises(ResumeReadError, match="project folder"):
        read_resume(tmp_path)


def test_deep_nesting_in_a_project_file_is_one_clear_error(tmp_path):
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\\begin{document}\\input{deep}\\end{document}"
    )
    (tmp_path / "deep.tex").write_text("{" * 20000 + "x" + "}" * 20000)
    try:
        resume = read_resume(tmp_path)
    except ResumeReadError as exc:
        assert "\n" not in str(exc)
    else:
        assert not resume.achievement_bullets


def test_root_that_includes_the_preamble_file_and_subfiles(tmp_path):
    (tmp_path / "header.tex").write_text(
        "\\documentclass{article}\n\\newcommand{\\point}[1]{\\item #1}\n\\begin{document}\n"
        "{\\Large Sam Lee}\n"
    )
    (tmp_path / "cv.tex").write_text(
        "\\include{header}\n\\section*{Experience}\n\\subfile{exp}\n\\end{document}\n"
    )
    (tmp_path / "exp.tex").write_text(
        "\\documentclass[cv.tex]{subfiles}\n\\begin{document}\n\\begin{itemize}\n"
        "\\point{Grew paid seats by 35\\% in a year.}\n\\end{itemize}\n\\end{document}\n"
    )
    resume = read_resume(tmp_path)
    assert [b.text for b in resume.achievement_bullets] == ["Grew paid seats by 35% in a year."]
