"""Turn user input (bytes from a file or stdin, or a str) into text that is safe to lint.

Refuses what cannot be text (binary data, empty input, input over the size limit) with a
one-line `InputError`; decodes non-UTF-8 text with a stated fallback so nothing is silently
mangled.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from typing import Any

from starkit import limits
from starkit.errors import InputError

# The limits live in `starkit.limits`; these names stay for the modules that import them here.
MAX_CHARS = limits.MAX_CHARS
MAX_FILE_BYTES = limits.MAX_FILE_BYTES


def _file_kind(mode: int) -> str | None:
    """What a non-regular file is, in words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def too_big(name: str, limit: int = limits.MAX_FILE_BYTES, size: int | None = None) -> str:
    """The one-line message for input over a byte limit."""
    shown = f" ({size / 1e6:.1f} MB)" if size is not None else ""
    return (
        f"{name}{shown} is over the {limits.mb(limit)} file limit; split it or save a smaller copy"
    )


def read_file(
    path: str | os.PathLike[str],
    name: str | None = None,
    *,
    limit: int = limits.MAX_FILE_BYTES,
    error: type[InputError] = InputError,
) -> bytes:
    """The bytes of a regular file, reading at most `limit + 1` bytes.

    Devices, FIFOs and sockets (and links to them) are refused before they are opened, from
    `os.stat`; the file is then opened non-blocking and checked again (it may have been swapped),
    and its size is never trusted: `/dev/zero` or a growing file stops at the limit."""
    label = name or os.fspath(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise error(f"{label}: no such file") from None
    except OSError as exc:
        raise error(f"{label}: cannot read ({exc.strerror})") from None
    kind = _file_kind(st.st_mode)
    if kind == "a directory":
        raise error(f"{label}: is a directory, not a file")
    if kind is not None:
        raise error(f"{label}: is {kind}, not a regular file; starkit reads only regular files")
    if st.st_size > limit:
        raise error(too_big(label, limit, st.st_size))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise error(f"{label}: cannot read ({exc.strerror})") from None
    try:
        kind = _file_kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise error(f"{label}: is {kind}, not a regular file; starkit reads only regular files")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = _read_upto(fh, limit + 1)
    except OSError as exc:
        raise error(f"{label}: cannot read ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise error(too_big(label, limit))
    return data


def read_stream(
    stream: Any,
    name: str = "<stdin>",
    *,
    limit: int = limits.MAX_FILE_BYTES,
    error: type[InputError] = InputError,
) -> bytes:
    """At most `limit + 1` bytes of a binary (or text) stream; over the limit is refused without
    reading the rest."""
    data = _read_upto(stream, limit + 1)
    if len(data) > limit:
        raise error(too_big(name, limit))
    return data


def _read_upto(stream: Any, n: int) -> bytes:
    parts: list[bytes] = []
    got = 0
    while got < n:
        chunk = stream.read(min(1 << 20, n - got))
        if not chunk:
            break
        if isinstance(chunk, str):
            chunk = chunk.encode("utf-8", "surrogatepass")
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def json_depth(text: str | bytes) -> int:
    """How deeply the arrays and objects of a JSON text nest (strings skipped), in one pass,
    before any parser recurses into it."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    depth = deepest = 0
    for m in _JSON_TOKENS.finditer(text):
        ch = m.group()
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    return deepest


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
        try:
            return Decoded(data[3:].decode("utf-8", errors="strict"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: starts with a UTF-8 byte-order mark but holds bytes that are not UTF-8 "
                f"(at byte {exc.start + 3:,}); save it again as UTF-8"
            ) from None
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


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The lines of a text as editors and `PATH:LINE:COL` count them: broken at `\\n`,
    `\\r\\n` and `\\r` only. `str.splitlines` also breaks at form feeds (the page break in
    Word's and pdftotext's plain text), vertical tabs, U+0085, U+2028 and U+2029, which would
    move every later line number."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of non-space holding a letter or digit."""
    return sum(map(bool, map(_ALNUM.search, text.split())))


_ALNUM = re.compile(r"[^\W_]")  # a character str.isalnum() accepts (\w less the underscore)


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
_ESCAPABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def inert(text: str, keep: str = "") -> str:
    """User text for a terminal, one escape a character: control characters (escape sequences,
    newlines, tabs), bidi overrides and line separators shown as `\\x1b`, `\\n`, `\\u202e`...
    so a file's content or name cannot move the cursor, recolour the screen, reorder a line or
    split a `PATH:LINE:COL` line; characters in `keep` (e.g. a newline) are left as they are."""

    def esc(m: re.Match[str]) -> str:
        ch = m.group()
        if ch in keep:
            return ch
        named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch)
        if named:
            return named
        return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"

    return _ESCAPABLE.sub(esc, text)


def terminal_safe(text: str) -> str:
    """User text for a terminal: control characters (escape sequences) shown as '?'."""
    return _CONTROL.sub("?", text)


def normalise_for_matching(text: str) -> str:
    """Same-length normalisation used before matching: curly quotes, dashes, tildes ('∼3%', and
    a combining tilde on no letter, '̃35%' in copied PDF text), '≥' and '≤' and odd spaces become
    ASCII so lexicons match, full-width forms ('２Ｍ', '４０％') their ASCII letters, digits and
    signs so figures read, and directional marks a space, while every offset stays valid.
    Control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) but newline, tab and
    carriage return become spaces. One C-level pass (`str.translate`), none when no character
    needs it. A zero-width character (or soft hyphen) inside a word is kept, so the word stays
    one token ('Hel\u200bped'); the matcher and the rules read tokens without it
    (`strip_zero_width`). Elsewhere it becomes a space."""
    if _TO_MATCH_FORM.search(text) is None:
        return text
    out = text.translate(_MATCH_FORM)
    if _COMBINING_TILDE in out:
        out = _LONE_COMBINING_TILDE.sub("~", out)
    if _ANY_ZERO_WIDTH.search(text) is None:
        return out
    pieces, at = [], 0
    for m in _IN_WORD_ZERO_WIDTH.finditer(text):
        pieces += [out[at : m.start()], m.group()]
        at = m.end()
    return "".join([*pieces, out[at:]])


ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Zero-width space, non-joiner, joiner, word joiner, byte-order mark and the soft hyphen:
invisible characters that pasted text (web pages, PDFs, chat apps) carries inside words."""
_ANY_ZERO_WIDTH = re.compile(f"[{ZERO_WIDTH}]")
_IN_WORD_ZERO_WIDTH = re.compile(f"(?<=\\w)[{ZERO_WIDTH}]+(?=\\w)")


def has_zero_width(text: str) -> bool:
    """True when the text holds a zero-width character (`ZERO_WIDTH`)."""
    return _ANY_ZERO_WIDTH.search(text) is not None


def strip_zero_width(word: str) -> str:
    """A token's text without its zero-width characters ('hel\u200bped' -> 'helped')."""
    return _ANY_ZERO_WIDTH.sub("", word) if _ANY_ZERO_WIDTH.search(word) else word


_COMBINING_TILDE = "\u0303"
# A combining tilde with no letter before it to sit on: text copied out of a PDF through
# compatibility normalisation (NFKC turns the small tilde '˜' that PDF readers give into a space
# and a combining tilde) holds '̃35%' for '~35%', so the figure reads as an approximate one. On a
# letter ('São' written decomposed) it stays.
_LONE_COMBINING_TILDE = re.compile(r"(?<![^\W\d_])\u0303")
_MATCH_FORM = {
    **{ord(ch): "'" for ch in "\u2018\u2019\u201b\u2032"},
    **{ord(ch): '"' for ch in "\u201c\u201d\u201f\u2033"},
    **{ord(ch): "-" for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
    **{ord(ch): "~" for ch in "\u223c\u02dc"},  # tilde operator, small tilde: '∼3%' is '~3%'
    **{ord(ch): ">" for ch in "\u2265\u2a7e"},  # '≥98%': the figure reads as after '>'
    **{ord(ch): "<" for ch in "\u2264\u2a7d"},  # '≤2.5s'
    **{
        ord(ch): " "
        for ch in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u3000"
        "\u200b\u200c\u200d\u2060\ufeff"
    },
    ord("\u00ad"): " ",  # a soft hyphen: inside a word it is kept (see below)
    **{cp: " " for cp in (*range(0x20), *range(0x7F, 0xA0)) if chr(cp) not in "\n\t\r"},
    # directional formatting: marks, embeddings, overrides, isolates and their pops
    **{
        ord(ch): " "
        for ch in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    },
    **{cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)},  # full-width ASCII forms
}
# every character the matching form changes: the translated ones and the combining tilde
_TO_MATCH_FORM = re.compile(
    "[" + "".join(re.escape(chr(cp)) for cp in sorted({*_MATCH_FORM, ord(_COMBINING_TILDE)})) + "]"
)
