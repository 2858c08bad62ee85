"""Generate `docs/rules.md` from the rule files: for each code what it flags, why panels care,
an example that fires, and the better version (ruff's what / why / example / instead).

Run `python -m starkit.docs` to rewrite the file; a test keeps it in step with the data.
"""

from __future__ import annotations

import sys
from pathlib import Path

from starkit.rules import load_rules

DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
_ORDER = (
    "no-quantification", "vanity-metric", "missing-guardrail", "weak-verb", "vague-language",
    "unfilled-placeholder", "missing-baseline", "star-missing-section", "result-unquantified",
    "we-not-i", "answer-length", "email-no-metric", "email-length",
)  # fmt: skip


def render_rules_doc() -> str:
    """The Markdown text of docs/rules.md."""
    specs = load_rules()
    codes = [c for c in _ORDER if c in specs] + sorted(set(specs) - set(_ORDER))
    out = [
        "# starkit rules",
        "",
        "Generated from `lexicons/rules/*.toml` by `python -m starkit.docs`; do not edit by hand.",
        "Severity: `error` (not ready to send), `warning` (a panel would down-level it), `info`.",
        "",
        "| code | severity | applies to |",
        "|---|---|---|",
    ]
    out += [
        f"| [`{c}`](#{c}) | {specs[c].severity.value} | {', '.join(specs[c].kinds)} |"
        for c in codes
    ]
    for code in codes:
        spec = specs[code]
        out += ["", f"## {code}", "", f"**What it flags.** {spec.summary}", ""]
        out += [f"**Why panels care.** {spec.why}", ""]
        if spec.sections:
            out += [f"In a story it looks only at: {', '.join(spec.sections)}.", ""]
        if spec.types:
            types = ", ".join(spec.types)
            out += [f"For a metrics answer it applies to question types: {types}.", ""]
        if spec.examples.fires:
            ex = spec.examples.fires[0]
            text = ex.text.replace("\n", " ")
            out += ["**Fires on:**", "", f"> {text}", ""]
        if spec.examples.silent:
            ex = spec.examples.silent[0]
            text = ex.text.replace("\n", " ")
            out += ["**Stays silent on:**", "", f"> {text}", ""]
        out += ["**Instead:**", "", f"> {spec.instead}"]
    return "\n".join(out) + "\n"


def main() -> int:
    """Write docs/rules.md (or, with --check, exit 1 when it is out of date)."""
    text = render_rules_doc()
    if "--check" in sys.argv[1:]:
        current = DOC_PATH.read_text(encoding="utf-8") if DOC_PATH.exists() else ""
        if current != text:
            print("docs/rules.md is out of date: run python -m starkit.docs", file=sys.stderr)
            return 1
        return 0
    DOC_PATH.parent.mkdir(exist_ok=True)
    DOC_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {DOC_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
