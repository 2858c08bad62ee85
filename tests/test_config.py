"""User configuration: discovery, disables, severities, lexicon edits, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import starkit
from starkit.config import config_from_dict, find_config, load_config
from starkit.errors import ConfigError


def test_found_from_a_subdirectory_upwards(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.starkit]\ndisable = ["weak-verb"]\n', encoding="utf-8"
    )
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub) == tmp_path / "pyproject.toml"
    assert load_config(start=sub).disable == {"weak-verb"}


def test_pyproject_without_starkit_table_is_skipped(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path) is None or find_config(tmp_path).parent != tmp_path


def test_disable_and_relevel():
    cfg = config_from_dict({"disable": ["weak-verb"], "severity": {"no-quantification": "error"}})
    report = starkit.lint("Helped with the roadmap", "bullet", config=cfg)
    assert "weak-verb" not in report.rules()
    nq = next(f for f in report.findings if f.rule == "no-quantification")
    assert nq.severity.value == "error"


def test_extend_and_remove_lexicon_terms():
    text = "Grew profile visits 40% in Q3 with new creator tools"
    assert "vanity-metric" in starkit.lint(text).rules()
    cfg = config_from_dict({"lexicons": {"vanity": {"remove": ["visits"]}}})
    assert "vanity-metric" not in starkit.lint(text, config=cfg).rules()
    cfg2 = config_from_dict({"lexicons": {"vanity": {"extend": ["profile taps"]}}})
    assert "vanity-metric" in starkit.lint("Grew profile taps 40% in Q3", config=cfg2).rules()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"disabel": ["weak-verb"]}, "unknown setting 'disabel'"),
        ({"disable": ["no-such-rule"]}, "unknown rule code 'no-such-rule'"),
        ({"severity": {"weak-verb": "fatal"}}, "severity.weak-verb"),
        ({"lexicons": {"vanity": {"remove": ["not a term"]}}}, "cannot remove 'not a term'"),
        ({"lexicons": {"nope": {"extend": ["x"]}}}, "unknown lexicon 'nope'"),
    ],
)
def test_bad_settings_are_config_errors(data, message):
    with pytest.raises(ConfigError, match=message):
        config_from_dict(data, "starkit.toml")


def test_named_config_must_exist(tmp_path: Path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


def test_config_edits_reach_the_rules_word_lists():
    """A function-word list the checks read (lexicons/terms/word_lists.toml) obeys extend and
    remove like any term category; unknown list names are errors."""
    import starkit
    from starkit.config import config_from_dict

    text = "Launched a newsletter that grew stakeholder engagement 40%"
    assert "missing-guardrail" not in {f.rule for f in starkit.lint(text).findings}
    removed = config_from_dict({"lexicons": {"not-product-modifiers": {"remove": ["stakeholder"]}}})
    assert "missing-guardrail" in {f.rule for f in starkit.lint(text, config=removed).findings}
    other = "Launched a redesign that grew newsletter engagement 40%"
    extended = config_from_dict({"lexicons": {"not_product_modifiers": {"extend": ["newsletter"]}}})
    assert "missing-guardrail" in {f.rule for f in starkit.lint(other).findings}
    assert "missing-guardrail" not in {
        f.rule for f in starkit.lint(other, config=extended).findings
    }


def test_config_edits_reach_the_metric_ontology():
    """Heads of lexicons/metrics/ontology.toml are merged into their categories, so a config
    removes them like any term."""
    import starkit
    from starkit.config import config_from_dict

    text = "Increased website sessions by 45% in Q2 with a new SEO strategy"
    assert "vanity-metric" in starkit.lint(text).rules()
    cfg = config_from_dict({"lexicons": {"vanity": {"remove": ["website sessions", "sessions"]}}})
    assert "vanity-metric" not in starkit.lint(text, config=cfg).rules()
