"""The tokenizer with special cases added as texts need them (`starkit.nlp.LazyRulesTokenizer`)
against spaCy's way (all 1,347 added up front): the same tokens on every text under `corpus/`
and `tests/`, and on texts built from the special cases themselves.

Each JSONL record's `text` (and `question`) under corpus/, and each readable text file under
tests/ (whole, and line by line), is tokenized by both; a token is its text, trailing
whitespace, NORM and character offset. The lazy tokenizer is one instance fed every text in
turn (rules pile up as on a server), and a fresh one is used per file as well (few rules). Any
difference is printed and the exit code is 1.

    .venv/bin/python bench/lazy_rules.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from spacy.language import Language

from starkit.nlp import make_blank

ROOT = Path(__file__).resolve().parent.parent


def special_case_texts() -> list[str]:
    """Every special case's key alone, wrapped in punctuation, inside other text, split at
    its first character, and all of them in one text (the cases most likely to differ)."""
    from spacy.lang.en import English

    keys = sorted(English.Defaults.tokenizer_exceptions)
    out = []
    for k in keys:
        out += [k, f"({k})", f'"{k}".', f"I said {k}, then {k}!", f"x{k}y", f"{k[:1]} {k[1:]}"]
    out.append(" ".join(keys))
    out.append("".join(keys))
    return out


def texts() -> Iterator[tuple[str, list[str]]]:
    """(file, its texts) for every corpus record, every test file and the special cases."""
    for path in sorted((ROOT / "corpus").rglob("*.jsonl")):
        found = []
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            found += [rec[k] for k in ("text", "question") if isinstance(rec.get(k), str)]
        if found:
            yield str(path.relative_to(ROOT)), found
    for path in sorted((ROOT / "tests").rglob("*")):
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        try:
            body = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        yield str(path.relative_to(ROOT)), [body, *body.splitlines()]
    yield "<special cases>", special_case_texts()


def tokens(nlp: Language, text: str) -> list[tuple[str, str, str, int]]:
    return [(t.text, t.whitespace_, t.norm_, t.idx) for t in nlp(text)]


def main() -> int:
    eager = make_blank(reference=True)
    shared = make_blank()
    n_texts = n_tokens = diffs = 0
    for name, found in texts():
        fresh = make_blank()
        for text in found:
            want = tokens(eager, text)
            for nlp in (shared, fresh):
                got = tokens(nlp, text)
                if got != want:
                    diffs += 1
                    print(f"DIFF {name}: {text[:80]!r}\n  lazy  {got[:20]}\n  eager {want[:20]}")
            n_texts += 1
            n_tokens += len(want)
    added = len(shared.tokenizer.base.rules) - sum(
        len(b) for b in shared.tokenizer.base._pending.values()
    )
    print(
        f"{n_texts} texts, {n_tokens} tokens: {diffs} differences; the shared lazy tokenizer "
        f"added {added} of {len(shared.tokenizer.base.rules)} special cases"
    )
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
