"""`normalise_for_matching` (one `str.translate` pass) equals its per-character definition."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from starkit.textio import normalise_for_matching


def _reference(ch: str) -> str:
    """The definition, one character at a time: quotes, dashes, tildes and odd spaces to ASCII,
    control characters (category Cc) but newline, tab and return and directional marks to a
    space, full-width ASCII forms to ASCII. (Zero-width characters and the soft hyphen become a
    space too, but inside a word: `test_a_zero_width_character_inside_a_word_keeps_it_whole`.)"""
    if "\uff01" <= ch <= "\uff5e":
        return chr(ord(ch) - 0xFEE0)
    if ch in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        return " "
    if ch in "\u2018\u2019\u201b\u2032":
        return "'"
    if ch in "\u201c\u201d\u201f\u2033":
        return '"'
    if ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        return "-"
    if ch in "\u223c\u02dc":  # the tilde operator and small tilde: '∼3%' reads as '~3%'
        return "~"
    if ch in "\u2265\u2a7e":  # '≥98%' reads as '>98%'
        return ">"
    if ch in "\u2264\u2a7d":
        return "<"
    if (
        ch in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u3000"
        or ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad"
        or (unicodedata.category(ch) == "Cc" and ch not in "\n\t\r")
    ):
        return " "
    return ch


def _reference_after(prev: str, ch: str) -> str:
    """`_reference`, and a combining tilde with no letter before it ('̃35%', as PDF text
    extraction gives '~35%') reads as '~'."""
    if ch == "\u0303" and not prev.isalpha():
        return "~"
    return _reference(ch)


def test_every_code_point_is_normalised_as_defined() -> None:
    chars = [chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF]
    text = "".join(chars)
    expected = "".join(_reference_after(p, ch) for p, ch in zip(["", *chars], chars, strict=False))
    assert normalise_for_matching(text) == expected


def test_a_combining_tilde_on_no_letter_reads_as_a_tilde() -> None:
    """Resume text copied out of a PDF through NFKC holds '~35%' as a combining tilde before the
    figure: the figure must still read (it did not, and no-quantification fired on a quantified
    resume line)."""
    import starkit

    line = "Automated CRM workflows, reducing data-entry tasks by \u030335% in two quarters"
    out = normalise_for_matching(line)
    assert len(out) == len(line) and "by ~35%" in out
    assert "no-quantification" not in starkit.lint(line, "bullet").rules()
    assert normalise_for_matching("Opened the S\u0061\u0303o Paulo office") == (
        "Opened the S\u0061\u0303o Paulo office"
    )  # on a letter it is an accent and stays
    assert normalise_for_matching("\u0303") == "~"


def test_offsets_are_kept_and_plain_text_is_returned_unchanged() -> None:
    text = "Cut p95 \u2014 from 800ms to 350ms \u201cfast\u201d\x07\n"
    out = normalise_for_matching(text)
    assert len(out) == len(text)
    assert out == 'Cut p95 - from 800ms to 350ms "fast" \n'
    assert normalise_for_matching("Led 3 teams") == "Led 3 teams"


def test_a_zero_width_character_inside_a_word_keeps_it_whole() -> None:
    import starkit

    text = "Hel\u200bped 3 teams ship the bil\u00adling page \u200bnow\u200d"
    out = normalise_for_matching(text)
    assert len(out) == len(text)
    assert out == "Hel\u200bped 3 teams ship the bil\u00adling page  now "  # kept inside a word
    for ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad":
        bullet = f"Hel{ch}ped 3 teams ship the new billing page"
        weak = [f for f in starkit.lint(bullet, "bullet").findings if f.rule == "weak-verb"]
        assert [bullet[f.start : f.end] for f in weak] == [f"Hel{ch}ped"], repr(ch)
    vanity = starkit.lint("Grew app down\u200bloads 40% in Q3", "bullet").rules()
    assert "vanity-metric" in vanity


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Grew sign-ups 2\u200b0% in Q3", "2\u200b0%"),
        ("Cut p95 latency from 8\u200b00 ms to 300 ms", "8\u200b00 ms"),
        ("Grew revenue to \u200b$2M", "$2M"),  # at a word edge it reads as a space
    ],
)
def test_a_zero_width_character_inside_a_figure_keeps_the_figure(text: str, figure: str) -> None:
    """Pasted text with an invisible character inside a number still holds that number (it
    was read as no figure, and no-quantification fired on a quantified bullet)."""
    import starkit
    from starkit.quantities import find_quantities

    assert figure in [q.text for q in find_quantities(text)]
    assert "no-quantification" not in starkit.lint(text, "bullet").rules()
