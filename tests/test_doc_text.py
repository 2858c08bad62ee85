"""The engine hands each unit context the text it gave the pipeline as the doc's text
(`UnitContext.normalised`): that holds only if the doc's text is its input, whatever the text."""

from __future__ import annotations

import pytest

from starkit.bench import SHAPES, text_shape
from starkit.nlp import get_nlp
from starkit.textio import normalise_for_matching

ODD = [
    "Grew app downloads 40% in Q3",
    "Hel\u200bped cut latency \u200b 30%",
    "\u202eRTL\u202c marks and \u00a0no-break\u2009spaces",
    "  leading and trailing  \n\n  lines \r\n",
    "x" * 5000 + " $" * 30 + "(" * 3000,
    "１２％ full-width and “curly” quotes — dashes",
]


@pytest.mark.parametrize("text", [*ODD, *(text_shape(s, 3000) for s in SHAPES)])
def test_doc_text_is_the_normalised_input(text: str) -> None:
    norm = normalise_for_matching(text)
    assert get_nlp()(norm).text == norm
