"""starkit judges English only: a text in another language or script is not judged and says
why (never "0 findings, score 100/100"); English with foreign names, styled letters or a
foreign company name is judged as before."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from starkit import language
from starkit.cli import main
from starkit.engine import lint, lint_many
from starkit.errors import LexiconError
from starkit.language import not_english
from starkit.lexicons import lexicon_root

FOREIGN = {
    "Spanish": "Aumenté las ventas un 20% con una nueva campaña de correo para los clientes "
    "del banco",
    "French": "Responsable de la stratégie produit et du lancement des nouvelles "
    "fonctionnalités pour les clients",
    "German": "Verantwortlich für die Einführung eines neuen Produkts und die Steigerung der "
    "Umsätze um 20%",
    "Dutch": "Verantwoordelijk voor de lancering van een nieuw product en de groei van de "
    "omzet met 20% bij de klanten",
}
SCRIPTS = {
    "Chinese or Japanese": "负责产品增长，用户数增长了三倍",
    "Cyrillic": "Увеличил выручку на 20% за квартал",
    "Arabic": "زيادة الإيرادات بنسبة 20% خلال ربع واحد",
}
ENGLISH = [
    "Led the migration of 40 services to Kubernetes with zero downtime",
    "Grew sign-ups 20%",
    "Studied at Universidad de los Andes; interned at Banco de la Nación in 2019",
    "Grew sales at 阿里巴巴 by 20% in a year with a new referral program",
    "Ｇｒｅｗ ｓａｌｅｓ ｂｙ ２０％ ｉｎ ａ ｑｕａｒｔｅｒ",  # fullwidth letters are Latin
    "𝐆𝐫𝐞𝐰 𝐬𝐚𝐥𝐞𝐬 𝐛𝐲 𝟐𝟎% with a new funnel",  # pasted 'bold' letters are Latin
    "Café con leche: launched the café's loyalty app, 12% more repeat visits in Q2",
]


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_another_latin_language_is_named(name: str):
    why = not_english(FOREIGN[name])
    assert why is not None and f"reads as {name}" in why


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_another_script_is_named(name: str):
    why = not_english(SCRIPTS[name])
    assert why is not None and f"letters are {name}" in why


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_judged(text: str):
    assert not_english(text) is None


def test_a_utf16_file_read_as_bytes_is_not_judged():
    # b'\xff\xfe' then ASCII bytes, decoded as UTF-16: four CJK characters, no English
    text = b"\xff\xfe\x00garbage".decode("utf-16")
    assert "wrong encoding" in (not_english(text) or "")


def test_engine_judges_nothing_and_says_why():
    english, spanish = lint_many(["Grew sign-ups 20% in Q2", FOREIGN["Spanish"]], "bullet")
    assert english.not_judged is None and english.findings and english.units
    assert spanish.not_judged and "Spanish" in spanish.not_judged
    assert spanish.units == [] and spanish.findings == []
    story = lint(FOREIGN["French"] * 3, "story")
    assert story.not_judged and story.units == []


def test_cli_refuses_to_pass_a_foreign_text_clean(tmp_path: Path, capsys):
    note = tmp_path / "merci.txt"
    note.write_text(
        "Hola,\n\nMuchas gracias por la entrevista de hoy. Me encantó conocer al equipo y "
        "hablar sobre los retos del producto para el próximo año.\n\nSaludos\n",
        encoding="utf-8",
    )
    code = main(["lint", str(note)])
    err = capsys.readouterr().err
    assert code == 2
    assert "not judged" in err and "Spanish" in err


def test_json_report_carries_the_reason(tmp_path: Path, capsys):
    bullet = tmp_path / "b.txt"
    bullet.write_text(FOREIGN["German"], encoding="utf-8")
    code = main(["lint", "--kind", "bullet", "--format", "json", str(bullet)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "German" in (out + err)


def test_resume_file_in_another_language_is_not_scored(tmp_path: Path, capsys):
    cv = tmp_path / "cv.md"
    cv.write_text(
        "# Ana\n\n## Experience\n\n### Gerente de producto, Banco Azul (2020-2023)\n\n"
        "- Aumenté las ventas un 20% con una nueva campaña de correo para los clientes\n"
        "- Lideré el equipo de producto de la empresa durante dos años con los socios\n"
        "- Reduje el tiempo de respuesta de la aplicación en un 40% para los usuarios\n",
        encoding="utf-8",
    )
    code = main(["lint", "--format", "json", str(cv)])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert report["score"] is None
    (finding,) = report["document_findings"]
    assert finding["rule"] == "resume-no-achievements" and "Spanish" in finding["message"]


def test_a_marker_listed_for_english_and_another_language_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    root = tmp_path / "lexicons"
    shutil.copytree(lexicon_root(), root)
    path = root / "language.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('words = ["el", ', 'words = ["the", "el", ', 1),
        encoding="utf-8",
    )
    monkeypatch.setenv("STARKIT_LEXICONS", str(root))
    language.language_cues.cache_clear()
    try:
        with pytest.raises(LexiconError, match="the"):
            language.language_cues()
    finally:
        monkeypatch.delenv("STARKIT_LEXICONS")
        language.language_cues.cache_clear()
        language._foreign_words.cache_clear()


def test_a_line_in_another_language_inside_an_english_resume_is_said(tmp_path: Path, capsys):
    cv = tmp_path / "cv.md"
    cv.write_text(
        "# Ana\n\n## Experience\n\n### Product Manager, Blue Bank (2020-2023)\n\n"
        "- Grew checkout conversion from 2.1% to 2.6% with a one-page flow, refunds held at 1%\n"
        "- Aumenté las ventas un 20% con una nueva campaña de correo para los clientes\n"
        "- Cut release cycle time from 3 weeks to 4 days by automating regression tests\n",
        encoding="utf-8",
    )
    main(["lint", str(cv)])
    err = capsys.readouterr().err
    assert "1 line not judged (not English" in err and "Aumenté" in err


def test_a_short_foreign_line_in_a_resume_counts_in_no_total():
    from starkit.resume import read_resume
    from starkit.resume.report import lint_resume

    cv = (
        "# Ana\n\n## Experience\n\n### Product Manager, Blue Bank (2020-2023)\n\n"
        "- Grew checkout conversion from 2.1% to 2.6% with a one-page flow, refunds held at 1%\n"
        "- Aumenté las ventas un 20% en 2023.\n"
        "- Cut release cycle time from 3 weeks to 4 days by automating regression tests\n"
    )
    report = lint_resume(read_resume(cv.encode(), name="cv.md"))
    foreign = [i for i in report.items if i.not_judged]
    assert [i.text for i in foreign] == ["Aumenté las ventas un 20% en 2023."]
    assert foreign[0].findings == []
    english = [i for i in report.items if i.achievement and not i.not_judged]
    assert report.score == round(sum(i.score for i in english) / len(english))
    assert report.quantified_share == 1.0  # the two English bullets, both measured
    assert any("1 line not judged" in w for w in report.resume.warnings)
