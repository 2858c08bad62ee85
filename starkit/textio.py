"""Turn user input (bytes from a file or stdin, or a str) into text that is safe to lint.

Refuses what cannot be text (binary data, empty input, input over the size limit) with a
one-line `InputError`; decodes non-UTF-8 text with a stated fallback so nothing is silently
mangled.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from starkit import limits
from starkit.errors import InputError

# The limits live in `starkit.limits`; these names stay for the modules that import them here.
MAX_CHARS = limits.MAX_CHARS
MAX_FILE_BYTES = limits.MAX_FILE_BYTES


@dataclass(frozen=True)
class Decoded:
    """Decoded text and, when a fallback was used, a one-line note naming the encoding."""

    text: str
    encoding: str
    warning: str | None = None


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control characters (not text in any encoding)."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with a BOM: text, decoded below
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, name: str = "input") -> Decoded:
    """Decode bytes as UTF-8 (BOM allowed), UTF-16 (with BOM), else cp1252 with a warning."""
    if looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(data[3:].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name}: invalid UTF-16 text") from None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        return Decoded(text, "latin-1", f"{name}: not valid UTF-8; decoded as latin-1")
    return Decoded(text, "cp1252", f"{name}: not valid UTF-8; decoded as cp1252 (Windows-1252)")


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of non-space holding a letter or digit."""
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def check_text(text: object, max_chars: int = MAX_CHARS) -> str:
    """Validate a text to lint; returns it unchanged (offsets must stay valid)."""
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    if not text.strip():
        raise InputError("the text is empty: paste a bullet, a story or an email")
    if len(text) > max_chars:
        raise InputError(
            f"the text has {len(text):,} characters, over the limit of {max_chars:,}; "
            "split it into smaller parts"
        )
    bad = _SURROGATE.search(text)
    if bad is not None:
        raise InputError(
            f"the text holds an invalid character (a lone surrogate, U+{ord(bad.group()):04X}) "
            f"at offset {bad.start():,}; it is not valid Unicode text"
        )
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """User text for a terminal: control characters (escape sequences) shown as '?'."""
    return _CONTROL.sub("?", text)


def normalise_for_matching(text: str) -> str:
    """Same-length normalisation used before matching: curly quotes, dashes and odd spaces
    become ASCII so lexicons match, while every offset stays valid."""
    out = []
    for ch in text:
        if ch in "\u2018\u2019\u201b\u2032":
            out.append("'")
        elif ch in "\u201c\u201d\u201f\u2033":
            out.append('"')
        elif ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
            out.append("-")
        elif (
            ch in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u3000"
            or ch in "\u200b\u200c\u200d\u2060\ufeff"
            or (unicodedata.category(ch) == "Cc" and ch not in "\n\t\r")
        ):
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)
