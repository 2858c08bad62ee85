"""LaTeX resumes in three template families (Jake's, moderncv, awesome-cv): macros stripped,
escapes resolved, bullets whole, roles from the template's own macros."""

from __future__ import annotations

import pytest

from starkit.resume import read_resume
from starkit.resume.latex import classify_user_macros, expandable_macros
from tests.resume.fixtures.build import to_latex_awesome, to_latex_jake, to_latex_moderncv
from tests.resume.helpers import assert_matches_fixture

TEMPLATES = {"jake": to_latex_jake, "moderncv": to_latex_moderncv, "awesome-cv": to_latex_awesome}


@pytest.mark.parametrize("template", TEMPLATES)
def test_latex_templates_extract_every_bullet_whole(template):
    resume = read_resume(TEMPLATES[template]().encode(), name="cv.tex")
    assert resume.format == "latex"
    assert_matches_fixture(resume)
    assert not any("\\" in b.text or "{" in b.text for b in resume.bullets)


def test_latex_positions_point_at_the_source_line():
    source = to_latex_jake()
    resume = read_resume(source.encode())
    lines = source.splitlines()
    for b in resume.achievement_bullets:
        assert "resumeItem" in lines[b.source.line - 1]


def test_user_macros_are_classified_from_their_bodies():
    preamble = r"""
\newcommand{\job}[3]{\item \textbf{#1} \hfill #3 \\ \emph{#2}}
\newcommand{\point}[1]{\item #1}
\newcommand{\head}[1]{\section*{#1}}
\newcommand{\startlist}{\begin{itemize}}
\newcommand{\accent}[1]{\textcolor{blue}{#1}}
"""
    specs = classify_user_macros(preamble)
    assert specs["job"].kind == "header" and len(specs["job"].args) == 3
    assert specs["head"].kind == "heading"
    assert specs["startlist"].kind == "break"
    assert "accent" not in specs
    # an item macro is expanded where used (its body's own words are kept), not classified
    assert "point" not in specs
    assert set(expandable_macros(preamble)) == {"point"}


def test_plain_article_with_itemize_and_custom_macros():
    source = r"""\documentclass{article}
\newcommand{\job}[3]{\item \textbf{#1} \hfill #3 \\ \emph{#2}}
\newcommand{\point}[1]{\item #1}
\begin{document}
{\Large Sam Lee} \\ sam@example.com % not shown
\section*{Work Experience}
\begin{itemize}
\job{Tailspin Toys}{Product Manager}{2019 -- 2023}
\begin{itemize}
  \point{Raised checkout conversion from 2.1\% to 2.9\% while refunds held at 1\%}
  \item Hired and onboarded 4 PMs in 6 months \& cut time-to-first-ship by 30\%
\end{itemize}
\end{itemize}
\section*{Skills}
SQL, Python, Figma \\
Caf\'e ordering, na\"ive Bayes
\end{document}
"""
    resume = read_resume(source.encode(), name="sam.tex")
    assert [b.text for b in resume.achievement_bullets] == [
        "Raised checkout conversion from 2.1% to 2.9% while refunds held at 1%",
        "Hired and onboarded 4 PMs in 6 months & cut time-to-first-ship by 30%",
    ]
    role = resume.roles[0]
    assert (role.organisation, role.title, role.dates) == (
        "Tailspin Toys",
        "Product Manager",
        "2019 – 2023",
    )
    skills = [ln.text for ln in resume.lines if ln.section == "skills" and ln.kind == "text"]
    assert skills == ["SQL, Python, Figma", "Café ordering, naïve Bayes"]
    assert "not shown" not in " ".join(ln.text for ln in resume.lines)


def test_template_macro_redefined_with_two_arguments():
    source = r"""\documentclass{article}
\newcommand{\resumeSubItem}[2]{\item \textbf{#1}{: #2}}
\newcommand{\resumeSubheading}[4]{\item \textbf{#1} & #2 \\ \textit{#3} & #4}
\begin{document}
\section{Experience}
\resumeSubheading{Northwind}{Remote}{Product Manager}{2020 -- 2022}
\resumeSubItem{Pricing}{Moved 1,400 accounts to usage-based plans}
\end{document}
"""
    resume = read_resume(source.encode())
    assert [b.text for b in resume.achievement_bullets] == [
        "Pricing: Moved 1,400 accounts to usage-based plans"
    ]
    assert resume.roles[0].location == "Remote"
