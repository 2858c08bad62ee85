# ruff: noqa: E501  (expected bullets and HTML kept on one line each, as the files hold them)
"""The template zoo: each case is a resume file (a template project's own published sample
under fixtures/zoo/, see its README for sources, or one generated from fixtures/zoo_gen.py)
with the achievement bullets it holds, exactly as the template shows them, and their
sections.  `tests/resume/test_zoo.py` checks each; `python -m tests.resume.zoo` prints the
share of achievement bullets read whole and in the right section across the zoo."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.resume.fixtures import zoo_gen

ZOO = Path(__file__).resolve().parent / "fixtures" / "zoo"

EXP, PROJ, VOL = "experience", "projects", "volunteering"

# RenderCV's example CV (examples/John_Doe_ClassicTheme_CV.yaml): the highlights of its
# experience and projects entries, nested items included.
RENDERCV_EXPERIENCE = [
    "Built foundation model infrastructure serving 2M+ monthly API requests with 99.97% uptime",
    "Raised $18M Series A led by Sequoia Capital, with participation from a16z and Founders Fund",
    "Scaled engineering team from 3 to 28 across ML research, platform, and applied AI divisions",
    "Developed proprietary inference optimization reducing latency by 73% compared to baseline",
    "Designed sparse attention mechanism reducing transformer memory footprint by 4.2x",
    "Co-authored paper accepted at NeurIPS 2022 (spotlight presentation, top 5% of submissions)",
    "Developed reinforcement learning algorithms for multi-agent coordination",
    "Published research at top-tier venues with significant academic impact",
    "ICML 2022 main conference paper, cited 340+ times within two years",
    "NeurIPS 2022 workshop paper on emergent communication protocols",
    "Invited journal extension in JMLR (2023)",
    "Created on-device neural network compression pipeline deployed across 50M+ devices",
    "Filed 2 patents on efficient model quantization techniques for edge inference",
    "Implemented novel self-supervised learning framework for low-resource language modeling",
    "Research integrated into Azure Cognitive Services, reducing training data requirements by 60%",
]
RENDERCV_PROJECTS = [
    "Achieved 2.8x speedup over baseline attention implementations on A100 GPUs",
    "Adopted by 3 major AI labs, 8,500+ GitHub stars, 200+ contributors",
    "Reduced model size by 90% with less than 1% accuracy degradation on ImageNet",
    "Featured in PyTorch ecosystem tools, 4,200+ GitHub stars",
]


@dataclass
class Case:
    """A zoo file and what must be read from it."""

    name: str
    load: Callable[[], bytes]
    bullets: list[tuple[str, str]]  # (section, text) of every achievement bullet, in order
    roles: list[tuple[str | None, str | None, str | None]] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # section names that must be found
    extra: list[tuple[str, str]] = field(default_factory=list)  # may also be read as bullets
    needs: str | None = None  # a program the case needs ('chromium')


def _file(name: str) -> Callable[[], bytes]:
    return lambda: (ZOO / name).read_bytes()


def _text(text: str) -> Callable[[], bytes]:
    return lambda: text.encode("utf-8")


def chromium() -> str | None:
    """The headless browser the PDF cases print with, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def print_pdf(html: str) -> bytes:
    """`html` printed to PDF by headless Chromium (as a browser's 'Save as PDF' does)."""
    browser = chromium()
    if browser is None:
        raise RuntimeError("chromium is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "cv.html", Path(tmp) / "cv.pdf"
        src.write_text(html, encoding="utf-8")
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--print-to-pdf={out}",
                src.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return out.read_bytes()


CASES: list[Case] = [
    Case(
        "rendercv-classic.yaml",
        _file("rendercv-classic.yaml"),
        [(EXP, t) for t in RENDERCV_EXPERIENCE] + [(PROJ, t) for t in RENDERCV_PROJECTS],
        roles=[
            ("Nexus AI", "Co-Founder & CTO", "2023-06 – present"),
            ("NVIDIA Research", "Research Intern", "2022-05 – 2022-08"),
            ("Google DeepMind", "Research Intern", "2021-05 – 2021-08"),
            ("Apple ML Research", "Research Intern", "2020-05 – 2020-08"),
            ("Microsoft Research", "Research Intern", "2019-05 – 2019-08"),
            ("FlashInfer", None, "2023-01 – present"),
            ("NeuralPrune", None, "2021"),
        ],
        sections=["experience", "projects", "education", "skills"],
    ),
    Case(
        "rendercv-classic-typst.pdf",
        _file("rendercv-classic-typst.pdf"),
        [(EXP, t) for t in RENDERCV_EXPERIENCE]
        + [(PROJ, t) for t in RENDERCV_PROJECTS[:2]]
        + [(PROJ, "Automated neural network pruning toolkit with differentiable masks")]
        + [(PROJ, t) for t in RENDERCV_PROJECTS[2:]],
        roles=[
            ("Nexus AI", "Co-Founder & CTO", "June 2023 – present"),
            ("NVIDIA Research", "Research Intern", "May 2022 – Aug 2022"),
            ("Google DeepMind", "Research Intern", "May 2021 – Aug 2021"),
            ("Apple ML Research", "Research Intern", "May 2020 – Aug 2020"),
            ("Microsoft Research", "Research Intern", "May 2019 – Aug 2019"),
        ],
        sections=["experience", "projects", "education", "skills"],
    ),
    Case(
        "jsonresume-sample.json",
        _file("jsonresume-sample.json"),
        [
            (EXP, "Build an algorithm for artist to detect if their music was violating copy right infringement laws"),
            (EXP, "Successfully won Techcrunch Disrupt"),
            (EXP, "Optimized an algorithm that holds the current world record for Weisman Scores"),
            (VOL, "Awarded 'Teacher of the Month'"),
            (PROJ, "Won award at AIHacks 2016"),
            (PROJ, "Built by all women team of newbie programmers"),
            (PROJ, "Using modern technologies such as GoogleMaps, Chrome Extension and Javascript"),
        ],
        roles=[("Pied Piper", "CEO/President", "2013-12-01 – 2014-12-01")],
        sections=["experience", "volunteering", "projects", "education", "skills"],
    ),
    Case(
        "pandoc-resume.md",
        _file("pandoc-resume.md"),
        [
            (EXP, "Short text containing the type of work done, results obtained, lessons learned and other remarks. Can also include lists and links:"),
            (EXP, "First item"),
            (EXP, "Item with link. Links will work both in the html and pdf versions."),
            (EXP, "These items can also contain lists, but you need to mind the indentation levels in the markdown source."),
            (EXP, "Second item."),
        ],
        sections=["education", "experience", "skills"],
    ),
    Case(
        "markdown-cv.md",
        _text(zoo_gen.MARKDOWN_CV),
        [
            (EXP, "Launched the wine club app to 18,000 members in six months"),
            (EXP, "Raised club renewal from 61% to 70% by adding skip-a-shipment"),
            (PROJ, "Built a cellar inventory map used by 12 wineries"),
        ],
        sections=["skills", "experience", "projects"],
    ),
    Case(
        "unknown-heading.md",
        _text(zoo_gen.UNKNOWN_HEADING_MD),
        [
            (EXP, "Led the checkout redesign across 4 markets"),
            (EXP, "Cut support tickets by 30% in two quarters"),
        ],
        roles=[("Acme", "Product Manager", "2019 - 2023")],
        sections=["experience", "other", "education"],
    ),
    Case(
        "site-data.yml",
        _text(zoo_gen.SITE_YAML),
        [
            (EXP, "Led the billing migration for 1,200 enterprise accounts with zero downtime"),
            (EXP, "Cut invoice disputes by 35% in two quarters by redesigning proration"),
            (EXP, "Launched self-serve returns, lifting repeat purchase rate from 18% to 23%"),
        ],
        roles=[
            ("Fabrikam Cloud", "Senior Product Manager", "2020 - Present"),
            ("Contoso Retail", "Product Manager", "2017 - 2020"),
        ],
        sections=["experience"],
    ),
    Case(
        "projects-data.yml",
        _text(zoo_gen.PROJECTS_YAML),
        [
            (PROJ, "Built a cellar inventory map used by 12 wineries"),
            (PROJ, "Shipped a pour-timing app with 4,000 downloads"),
        ],
        roles=[("Cellar Map", None, None), ("Pour Timer", None, None)],
        sections=["projects", "skills"],
    ),
    Case(
        "custom.json",
        _text(zoo_gen.CUSTOM_JSON),
        [
            (EXP, "Drove the data-center exit of 42 services, saving $3.1M a year"),
            (EXP, "Cut release lead time from 9 days to 2 by introducing release trains"),
            (EXP, "Coordinated 6 teams to ship the loyalty app to 2M members"),
        ],
        roles=[
            ("Northwind Labs", "Senior TPM", "2021 - 2024"),
            ("Tailspin Toys", "TPM", "2018 - 2021"),
        ],
        sections=["experience", "skills", "education"],
    ),
    Case(
        "resume.toml",
        _text(zoo_gen.RESUME_TOML),
        [
            (EXP, "Grew trial-to-paid conversion from 4% to 6.5% with a guided setup flow"),
            (EXP, "Reduced onboarding time from 14 days to 5 for mid-market customers"),
        ],
        roles=[("Adventure Works", "Product Manager", "2019 – 2023")],
        sections=["experience", "skills"],
    ),
    Case(
        "fresh.json",
        _text(zoo_gen.FRESH_JSON),
        [
            (EXP, "Moved 3.2M accounts to the new ledger with no failed payments"),
            (EXP, "Cut month-end close from 6 days to 2"),
        ],
        roles=[("Woodgrove Bank", "Senior Program Manager", "2019-03 – 2024-01")],
        sections=["experience", "education", "skills"],
    ),
    Case(
        "hugo-data.yaml",
        _text(zoo_gen.HUGO_YAML),
        [
            (EXP, "Launched e-prescriptions to 400 clinics, cutting refill calls by 28%"),
            (EXP, "Reduced appointment no-shows from 14% to 9% with SMS reminders"),
            (EXP, "Shipped the reporting API used by 1,100 customers"),
        ],
        roles=[
            ("Lamna Healthcare", "Product Manager", "2020 - 2023"),
            ("Proseware", "Associate PM", "2018 - 2020"),
        ],
        sections=["experience"],
    ),
    Case(
        "loose-jsonresume.json",
        _text(zoo_gen.LOOSE_JSONRESUME),
        [(EXP, "Grew retention from 80% to 86%")],
        roles=[("Acme", "PM", "2020-01 – present")],
        sections=["experience", "skills"],
    ),
    *[
        Case(
            name,
            _text(text),
            [
                (EXP, "Shipped usage-based pricing to 900 accounts, raising net revenue retention from 104% to 112%"),
                (EXP, "Cut time-to-first-dashboard from 3 days to 40 minutes with templates"),
                (EXP, "Led the mobile checkout rebuild, lifting conversion from 2.1% to 2.9%"),
            ],
            roles=[
                ("Globex Analytics", "Senior Product Manager", "2019 - 2024"),
                ("Initech", "Product Manager", "2016 - 2019"),
            ],
            sections=["experience", "skills"],
        )
        for name, text in (("cv.rst", zoo_gen.CV_RST), ("cv.org", zoo_gen.CV_ORG))
    ],
    Case(
        "org-export.org",
        _text(zoo_gen.ORG_EXPORT),
        [
            (EXP, "Launched marketplace payouts to 3,400 sellers, cutting payout tickets by 45%"),
            (EXP, "Raised seller NPS from 21 to 38 in four quarters"),
            (EXP, "Built the freight quote API used by 240 partners"),
            (EXP, "Cut quote turnaround from 2 days to 3 hours"),
        ],
        roles=[
            ("Tailwind Traders", "Senior Product Manager", "Jan 2021 -- Current"),
            ("Wide World Importers", "Product Manager", "Feb 2017 -- Dec 2020"),
        ],
        sections=["experience", "education"],
    ),
    Case(
        "theme-data.yml",
        _text(zoo_gen.THEME_YAML),
        [
            (EXP, "Owned ordering and loyalty for 310 stores."),
            (EXP, "Built the loyalty wallet used by 90,000 members."),
            (EXP, "Cut checkout time from 70 to 25 seconds with saved cards."),
        ],
        roles=[("Fourth Coffee", "Product Manager", "Oct 2019 - Dec 2022")],
        sections=["experience"],
    ),
    Case(
        "fixed-width.txt",
        _text(zoo_gen.FIXED_WIDTH),
        [
            (EXP, "Led the billing migration for 1,200 enterprise accounts with zero downtime."),
            (EXP, "Launched self-serve returns, lifting repeat purchases from 18% to 23%."),
            (EXP, "Ran 40 pricing experiments and grew gross margin by 3 points."),
        ],
        roles=[
            ("Fabrikam Cloud", None, "2019-2023"),
            ("Contoso Retail", None, "2016-2019"),
            ("Tailspin Toys", None, "2014-2016"),
        ],
        sections=["experience", "education"],
    ),
    Case(
        "fixed-width-wrapped.txt",
        _text(zoo_gen.FIXED_WIDTH_WRAPPED),
        [
            (EXP, "Senior Product Manager. Owned billing for 1,200 enterprise accounts; migrated them with zero downtime."),
            (EXP, "Product Manager. Self-serve returns lifted repeat purchases from 18% to 23%."),
            (EXP, "Pricing analyst. 40 experiments, +3 points of gross margin."),
        ],
        roles=[
            ("Fabrikam Cloud", None, "2019-2023"),
            ("Contoso Retail", None, "2016-2019"),
            ("Tailspin Toys", None, "2014-2016"),
        ],
        sections=["experience", "education"],
    ),
    Case(
        "fixed-width-open.txt",
        _text(zoo_gen.FIXED_WIDTH_OPEN),
        [
            (EXP, "payments platform strategy, launch of instant payouts to 40,000 sellers."),
            (EXP, "checkout product, cut cart abandonment from 71% to 64%."),
            (EXP, "pricing analysis, 30 experiments."),
        ],
        roles=[("Fabrikam", None, "2019-"), ("Contoso", None, "2015-2019")],
        sections=["experience", "education"],
    ),
    Case(
        "inline-tags.txt",
        _text(zoo_gen.TAGS_TEXT),
        [
            (EXP, "Built Atlas, the pricing engine used by 40 teams"),
            (EXP, "Cut churn from 5% to 3% with win-back emails"),
        ],
        roles=[("Acme", "Product Manager", "2019 - 2023")],
        sections=["experience"],
    ),
    Case(
        "paren-dates.txt",
        _text(zoo_gen.PAREN_DATES),
        [
            (EXP, "Hackathon organiser for 120 engineers in three offices (2015-18)"),
            (EXP, "Mentor to 12 first-generation students in product careers (2015-18)"),
            (EXP, "Organised the quarterly planning offsite for 80 people and Eng leads of 6 teams (2016-18)"),
            (EXP, "Cut onboarding time from 10 days to 3"),
        ],
        roles=[
            ("Northwind Labs", "Product Manager", "2019 - 2023"),
            ("Contoso Corp", "Senior Product Manager", "2013-15"),
        ],
        sections=["experience"],
    ),
    Case(
        "inline-tags.html",
        _text(zoo_gen.INLINE_HTML),
        [
            (EXP, "Shipped the partner API to 300 integrators"),
            (EXP, "Cut onboarding time from 10 days to 3 with guided setup"),
            (EXP, "Rolled it out to 4 regions in one quarter"),
            (EXP, "Grew activation from 31% to 44% in six months"),
        ],
        roles=[("Northwind Labs", "Product Manager", "2019 – 2023")],
        sections=["experience", "education"],
    ),
    Case(
        "enter-split.docx",
        zoo_gen.enter_split_docx,
        [
            (EXP, "Led the migration of 40 internal services to the new billing platform, saving $1.4M a year"),
            (EXP, "Cut time to first invoice from 9 days to 2 by automating tax setup for 600 merchants"),
            (EXP, "Grew self-serve upgrades from 3% to 5.5% of accounts"),
        ],
        roles=[("Litware Inc.", "Senior Product Manager", "2021 - 2024")],
        sections=["experience", "skills"],
    ),
    Case(
        "markdown-languages.pdf",
        lambda: print_pdf(zoo_gen.MARKDOWN_HTML),
        [
            (EXP, "Shipped the partner API to 300 integrators, growing platform revenue from $2M to $5.5M a year"),
            (EXP, "Cut onboarding time from 10 days to 3 with a guided setup flow"),
            (EXP, "Rolled the flow out to 4 regions in one quarter"),
            (EXP, "Trained 25 support agents on the new flow"),
            (EXP, "Led a pricing experiment across 1,800 accounts that lifted conversion from 3.1% to 3.8% without raising churn"),
            (EXP, "Launched self-serve returns, lifting repeat purchase rate from 18% to 23%"),
            (EXP, "Reduced checkout errors by 40% by rebuilding address validation"),
        ],
        roles=[
            ("Northwind Labs", "Senior Product Manager", "2019 – 2023"),
            ("Contoso Retail", "Product Manager", "2016 – 2019"),
        ],
        sections=["summary", "experience", "education", "skills"],
        needs="chromium",
    ),
    Case(
        "nested-lists.pdf",
        lambda: print_pdf(zoo_gen.NESTED_HTML),
        [
            (EXP, "Owned the partner platform"),
            (EXP, "Partner API adoption grew from 40 to 300 integrators"),
            (EXP, "Developer docs rewritten with 12 guides"),
            (EXP, "Support tickets down 30% in two quarters"),
            (EXP, "Platform revenue from $2M to $5.5M a year"),
        ],
        roles=[("Northwind Labs", "Senior Product Manager", "2019 – 2023")],
        sections=["experience", "education"],
        needs="chromium",
    ),
    Case(
        "linkedin-like.pdf",
        lambda: print_pdf(zoo_gen.LINKEDIN_HTML),
        [
            (EXP, "Led the billing migration for 1,200 enterprise accounts with zero downtime."),
            (EXP, "Cut invoice disputes by 35% in two quarters by redesigning proration."),
            (EXP, "Launched self-serve returns, lifting repeat purchase rate from 18% to 23%."),
        ],
        roles=[
            ("Fabrikam", "Senior Product Manager", "March 2020 - Present"),
            ("Contoso", "Product Manager", "June 2016 - February 2020"),
        ],
        sections=["summary", "experience", "education", "skills"],
        needs="chromium",
    ),
]  # fmt: skip


def measure(cases: list[Case] = CASES) -> tuple[int, int, list[str]]:
    """(expected achievement bullets read whole and in their section, expected ones, names
    of files read with no achievement bullet at all)."""
    from starkit.resume import read_resume

    found = total = 0
    empty = []
    for case in cases:
        if case.needs and shutil.which(case.needs) is None:
            continue
        resume = read_resume(case.load(), name=case.name)
        got = {(b.section, b.text) for b in resume.achievement_bullets}
        total += len(case.bullets)
        found += sum(1 for b in case.bullets if b in got)
        if not resume.achievement_bullets:
            empty.append(case.name)
    return found, total, empty


if __name__ == "__main__":
    hit, n, empty = measure()
    print(f"zoo: {hit}/{n} achievement bullets whole and in their section ({hit / n:.1%})")
    print("files read with no achievement bullet: " + (", ".join(empty) or "none"))
