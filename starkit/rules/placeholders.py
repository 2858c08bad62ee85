"""Template-slot shapes (`lexicons/placeholders.toml`), compiled once and validated on load.

Used by `unfilled-placeholder` and by the unit context, which treats a slot as standing where a
figure goes.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from starkit.errors import LexiconError
from starkit.lexicons import StrictModel, read_toml, validate_model


class _PlaceholderPattern(StrictModel):
    id: str
    regex: str
    # a regular expression for what looks like this slot but is not one ("[sic]", a name in
    # brackets): a match of `regex` that `unless` also matches at its start is dropped
    unless: str = ""
    flags: str = ""
    note: str = ""


class _PlaceholderFile(StrictModel):
    description: str
    pattern: tuple[_PlaceholderPattern, ...]


@cache
def slot_scanners() -> tuple[tuple[str, re.Pattern[str], frozenset[str] | None], ...]:
    """`placeholder_patterns` with, for each, the characters a match of it can begin with
    (`first_chars`; None when any may): a text holding none of them is not searched."""
    return tuple((pid, rx, first_chars(rx)) for pid, rx in placeholder_patterns())


@cache
def slot_needles() -> tuple[re.Pattern[str] | None, ...]:
    """For each shape of `slot_scanners` (in the same order), its `needles` as one regex, or
    None: a text it finds nothing in holds no match of the shape and is not searched. The
    first characters of a match are often common letters ('name-slot' begins with a
    capital), its fixed words rarely ('Name', 'Company'), so this skips most of the searches
    that `first_chars` lets through. A shape with more than `_MAX_NEEDLES` needles has no such
    gate: searching for one of thirty words costs about what the shape's own search does."""
    gates = (needles(rx) for _, rx in placeholder_patterns())
    return tuple(
        re.compile("|".join(sorted(map(re.escape, g))))
        if g is not None and len(g) <= _MAX_NEEDLES
        else None
        for g in gates
    )


_MAX_NEEDLES = 16


_NEEDLE_CLASS = 8  # a character class of at most this many characters is a set of needles


def needles(rx: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of `rx` contains, read from its parsed form: a run of
    literal characters, or one such run from each branch of an alternation, or a small class
    of characters, whichever is longest; None when none can be told (a letter under
    IGNORECASE, whose other cases `re` also matches, gives none). Assertions and optional
    parts require nothing. tests/rules/test_placeholders.py checks every pattern's needles
    against generated matches of it."""
    try:
        from re import _constants as sre
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(rx.pattern, rx.flags)
        found = _needles_of_seq(sre, list(parsed), bool(rx.flags & re.IGNORECASE))
    except Exception:  # re's internals differ: no gate
        return None
    return None if found is None or "" in found else frozenset(found)


def _needles_of_seq(sre: Any, items: list[tuple[Any, Any]], ic: bool) -> set[str] | None:
    """The best needle set of a sequence: every item's match is a part of the sequence's."""
    best: set[str] | None = None

    def offer(found: set[str] | None) -> None:
        nonlocal best
        if found and (best is None or _needle_rank(found) > _needle_rank(best)):
            best = found

    run = ""
    for op, av in items:
        if op is sre.LITERAL and _plain_char(chr(av), ic):
            run += chr(av)
            continue
        offer({run} if run else None)
        run = ""
        offer(_needles_of_item(sre, op, av, ic))
    offer({run} if run else None)
    return best


def _needle_rank(found: set[str]) -> tuple[int, int]:
    return min(len(n) for n in found), -len(found)


def _plain_char(ch: str, ic: bool) -> bool:
    """A literal character matched only by itself (under IGNORECASE: an ASCII non-letter)."""
    return not ic or (ch.isascii() and not ch.isalpha())


def _needles_of_item(sre: Any, op: Any, av: Any, ic: bool) -> set[str] | None:
    if op is sre.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is sre.LITERAL:
                chars.add(chr(a))
            elif o is sre.RANGE and a[1] - a[0] < _NEEDLE_CLASS:
                chars.update(chr(c) for c in range(a[0], a[1] + 1))
            else:
                return None  # a negation, a category, a wide range
        ok = len(chars) <= _NEEDLE_CLASS and all(_plain_char(c, ic) for c in chars)
        return chars if ok else None
    if op is sre.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            found = _needles_of_seq(sre, alt, ic)
            if found is None:
                return None  # a branch that requires nothing
            out |= found
        return out
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        sub_ic = (ic or bool(add_flags & sre.SRE_FLAG_IGNORECASE)) and not bool(
            del_flags & sre.SRE_FLAG_IGNORECASE
        )
        return _needles_of_seq(sre, sub, sub_ic)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, sub = av
        return _needles_of_seq(sre, sub, ic) if low >= 1 else None
    if op is sre.ATOMIC_GROUP:
        return _needles_of_seq(sre, av, ic)
    return None  # assertions, anchors, any character, a back reference: no needle


_SPACE = frozenset(chr(c) for c in range(0x3000 + 1) if chr(c).isspace())
_MAX_RANGE = 512  # a class range wider than this ([^...], [\u0000-\uffff]) may begin anything


def first_chars(rx: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of `rx` can begin with, read from its parsed form (assertions
    such as lookbehinds, `\\b` and `^` take no character and are skipped, so the set may be
    larger than needed, never smaller); None when it cannot be told (a letter under
    IGNORECASE, a negated class, `\\w`, `.`, a pattern that can match nothing) or `re`'s
    parser differs from the one this reads. tests/rules/test_placeholders.py checks every
    pattern's set against generated matches of it."""
    try:
        from re import _constants as sre
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(rx.pattern, rx.flags)
        found, nullable = _first_of_seq(sre, list(parsed), bool(rx.flags & re.IGNORECASE))
    except Exception:  # re's internals differ: no gate
        return None
    return None if found is None or nullable else frozenset(found)


def _first_of_seq(
    sre: object, items: list[tuple[object, object]], ic: bool
) -> tuple[set[str] | None, bool]:
    """(characters a match of the sequence can begin with or None, whether it can be empty)."""
    out: set[str] = set()
    for op, av in items:
        found, nullable = _first_of_item(sre, op, av, ic)
        if found is None:
            return None, False
        out |= found
        if not nullable:
            return out, False
    return out, True


def _first_of_item(sre: Any, op: object, av: Any, ic: bool) -> tuple[set[str] | None, bool]:
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True  # takes no character
    if op is sre.LITERAL or op is sre.IN:
        chars: set[str] = set()
        for o, a in [(op, av)] if op is sre.LITERAL else av:
            if o is sre.LITERAL:
                chars.add(chr(a))
            elif o is sre.RANGE and a[1] - a[0] <= _MAX_RANGE:
                chars.update(chr(c) for c in range(a[0], a[1] + 1))
            elif o is sre.CATEGORY and a is sre.CATEGORY_SPACE:
                chars |= _SPACE
            else:
                return None, False  # a negation, \w, \d, a wide range
        if ic and any(c.isalpha() or not c.isascii() for c in chars):
            return None, False  # case folding reaches characters this does not list
        return chars, False
    if op is sre.BRANCH:
        out: set[str] = set()
        any_empty = False
        for alt in av[1]:
            found, nullable = _first_of_seq(sre, alt, ic)
            if found is None:
                return None, False
            out |= found
            any_empty = any_empty or nullable
        return out, any_empty
    if op is sre.SUBPATTERN:
        _, add_flags, _, sub = av
        return _first_of_seq(sre, sub, ic or bool(add_flags & sre.SRE_FLAG_IGNORECASE))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, sub = av
        found, nullable = _first_of_seq(sre, sub, ic)
        return found, low == 0 or nullable
    if op is sre.ATOMIC_GROUP:
        return _first_of_seq(sre, av, ic)
    return None, False  # anything else: any character may begin it


@cache
def placeholder_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(id, compiled regex) for every slot shape; a bad regex names its entry."""
    rel = "placeholders.toml"
    data = validate_model(rel, None, read_toml(rel), _PlaceholderFile)
    out = []
    for p in data.pattern:
        regex = f"(?!{p.unless}){p.regex}" if p.unless else p.regex
        try:
            out.append((p.id, re.compile(regex, re.IGNORECASE if "i" in p.flags else 0)))
        except re.error as exc:
            raise LexiconError(rel, p.id, f"invalid regular expression: {exc}") from None
    return tuple(out)
