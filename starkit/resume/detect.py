"""Find a resume's format from its content (never from the file name), and refuse what starkit
cannot read with a one-line reason."""

from __future__ import annotations

import io
import re
import zipfile

from starkit.errors import InputError, ResumeReadError
from starkit.limits import (
    MAX_ARCHIVE_ENTRIES,
    MAX_ARCHIVE_INFLATED,
    MAX_ARCHIVE_RATIO,
    MAX_ARCHIVE_XML_BYTES,
    MAX_JSON_DEPTH,
    MAX_YAML_ALIASES,
    mb,
)
from starkit.resume.model import Format
from starkit.textio import decode_bytes, json_depth

SUPPORTED = (
    "PDF, DOCX, LaTeX, Markdown, reStructuredText, Org, JSON Resume or other resume data "
    "(JSON, YAML, TOML), LinkedIn's data export (its .zip, Positions.csv or Projects.csv), "
    "a LaTeX project's .zip, HTML or plain text"
)

UPLOAD_TYPES: tuple[str, ...] = (
    "pdf", "docx", "tex", "md", "markdown", "rst", "org", "json", "yaml", "yml", "toml", "txt",
    "html", "htm", "csv", "zip",
)  # fmt: skip
"""The file name endings the app's upload boxes offer (the content decides the format)."""

_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", None),  # too short a signature to trust alone
)
_LATEX = re.compile(
    r"\\(?:documentclass|begin\{|end\{|section\*?\{|subsection|item\b|resumeItem|resumeSubheading"
    r"|cventry|cvitem|cvsection|textbf\{|textit\{|emph\{|href\{|hfill|vspace|newcommand|usepackage)"
)
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|section|article|main|h[1-6]|p|ul|table)\b",
    re.I | re.S,
)
_HTML_TAG = re.compile(r"<(?:p|div|li|ul|ol|h[1-6]|span|br|table|tr|td|body|section)\b[^>]*>", re.I)
# Inline tags Markdown resumes carry inside their own headings and lines (`### <span>CEO</span>`).
_INLINE_TAG = re.compile(r"<(?:span|br|a|b|i|em|strong|small|sup|sub)\b[^>]*>", re.I)
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}\s+\S", re.M)
_YAML_KEYS = re.compile(
    r"^(basics|work|education|skills|projects|volunteer|awards|languages|interests|references"
    r"|publications|certificates|meta):[ \t]*(?:#.*)?$",
    re.M,
)
_MD = re.compile(r"^ {0,3}#{1,6}\s+\S|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\n]+\)|^__[^_\n]+__", re.M)


def _short(data: bytes) -> str:
    return f"{len(data):,} byte{'' if len(data) == 1 else 's'}"


def sniff_binary(data: bytes, name: str) -> Format | None:
    """'pdf' or 'docx' for those files, None for text; raises for other binary formats."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                check_archive(zf, name)
                names = set(zf.namelist())
                mimetype = (
                    zf.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
                )
        except ResumeReadError:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise ResumeReadError(
                f"{name}: a corrupt or truncated ZIP/DOCX file ({_short(data)}); "
                "open it in Word and save it again"
            ) from None
        if "word/document.xml" in names:
            return "docx"
        if "opendocument" in mimetype:
            raise ResumeReadError(
                f"{name}: OpenDocument files are not supported; save it as DOCX or PDF"
            )
        if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
            raise ResumeReadError(
                f"{name}: a spreadsheet or slide deck, not a resume; save it as DOCX or PDF"
            )
        raise ResumeReadError(f"{name}: a ZIP archive, not a resume file ({SUPPORTED})")
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ResumeReadError(
            f"{name}: a legacy Word .doc (Office 97-2003) file is not supported; "
            "save it as .docx or PDF"
        )
    for magic, what in _IMAGES:
        if what and data.startswith(magic):
            raise ResumeReadError(
                f"{name}: {what}, not a document; starkit does not do OCR, so export the "
                "resume as a PDF with text, DOCX or plain text"
            )
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1") or (
        data.startswith(b"RIFF") and data[8:12] == b"WEBP"
    ):
        raise ResumeReadError(
            f"{name}: an image, not a document; starkit does not do OCR, so export the "
            "resume as a PDF with text, DOCX or plain text"
        )
    if data.lstrip().startswith(b"{\\rtf"):
        raise ResumeReadError(f"{name}: RTF is not supported; save it as DOCX or PDF")
    _check_extension(data, name)
    return None


def check_archive(zf: zipfile.ZipFile, name: str) -> None:
    """Refuse a zip (DOCX) whose directory promises too many entries or too many inflated
    bytes, an entry that inflates far more than XML does, or an XML part with a DTD (entity
    declarations, which Word never writes). Python's zipfile also stops each entry at the size
    its directory declares, so a directory that lies cannot inflate past these checks."""
    infos = zf.infolist()
    if len(infos) > MAX_ARCHIVE_ENTRIES:
        raise ResumeReadError(
            f"{name}: the archive has {len(infos):,} entries, over the limit of "
            f"{MAX_ARCHIVE_ENTRIES:,} (a Word document has a few dozen)"
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_ARCHIVE_INFLATED:
        raise ResumeReadError(
            f"{name}: the archive inflates to {total / 1e6:,.0f} MB, over the "
            f"{mb(MAX_ARCHIVE_INFLATED)} limit"
        )
    for info in infos:
        if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_ARCHIVE_XML_BYTES:
            raise ResumeReadError(
                f"{name}: '{info.filename[:80]}' is {info.file_size / 1e6:,.1f} MB of XML, over "
                f"the "
                f"{mb(MAX_ARCHIVE_XML_BYTES)} limit of one part (a resume's is well under 1 MB)"
            )
        if info.file_size > 1_000_000 and info.file_size > MAX_ARCHIVE_RATIO * max(
            1, info.compress_size
        ):
            ratio = info.file_size // max(1, info.compress_size)
            raise ResumeReadError(
                f"{name}: '{info.filename[:80]}' inflates {ratio:,}"
                f" times (over {MAX_ARCHIVE_RATIO}x, a compression bomb)"
            )
    for info in infos:
        if info.filename.endswith((".xml", ".rels")) and info.file_size:
            with zf.open(info) as fh:
                head = fh.read(4096)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise ResumeReadError(
                    f"{name}: '{info.filename[:80]}' declares a DTD (entities), which Word never "
                    "writes; refused rather than expanded"
                )


def check_json_depth(text: str, name: str) -> None:
    """Refuse JSON nested deeper than `MAX_JSON_DEPTH` before any parser recurses into it."""
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise ResumeReadError(
            f"{name}: the JSON is nested {depth:,} levels deep, over the limit of "
            f"{MAX_JSON_DEPTH} (a JSON Resume is 4 deep)"
        )


def check_yaml(text: str, name: str) -> None:
    """Refuse YAML with more than `MAX_YAML_ALIASES` aliases (an alias bomb expands
    exponentially when walked) or nested deeper than `MAX_JSON_DEPTH`, from its parse events,
    before anything is built."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    aliases = depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_YAML_ALIASES:
                raise ResumeReadError(
                    f"{name}: the YAML uses more than {MAX_YAML_ALIASES} aliases (*name), which "
                    "a resume never needs (an alias bomb)"
                )
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise ResumeReadError(
                    f"{name}: the YAML is nested over {MAX_JSON_DEPTH} levels deep, which a "
                    "resume never is (a JSON Resume is 4 deep)"
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


_BINARY_EXTENSIONS = {".pdf": "PDF", ".docx": "DOCX"}


def _check_extension(data: bytes, name: str) -> None:
    """A file named .pdf or .docx whose content is not one (a 1-byte '.pdf', plain text saved
    as '.docx') is refused: reading it as text would lint something the user never wrote."""
    ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    what = _BINARY_EXTENSIONS.get(ext)
    if what is None:
        return
    raise ResumeReadError(
        f"{name}: named {ext} but the content ({_short(data)}) is not a {what} file; "
        f"export the resume again as {what}, or rename it to what it holds"
    )


def _looks_json(head: str) -> bool:
    """JSON, or meant to be ('{"basics": ...' with a typo), not '[Your Name]' or '{Name}'."""
    import json

    if json_depth(head) > MAX_JSON_DEPTH:
        return True  # refused with its reason by the JSON Resume reader
    try:
        json.loads(head)
        return True
    except ValueError:
        return bool(re.match(r'[\[{]\s*(?:"[^"\n]*"\s*:|[\[{"\]}]|-?\d)', head))


def _html_tags(text: str) -> int:
    """HTML tags that make a text HTML; in a text with Markdown headings, block tags only
    (a Markdown resume may wrap the halves of its headings in `<span>`)."""
    tags = _HTML_TAG.findall(text)
    if len(_MD_HEADING.findall(text)) >= 2:
        return sum(1 for t in tags if not _INLINE_TAG.match(t))
    return len(tags)


def sniff_text(text: str) -> Format:
    """The format of a decoded text: jsonresume (any JSON, or JSON Resume as YAML), csv (a
    table: LinkedIn's Positions.csv or Projects.csv is read, any other refused), data (other
    YAML or TOML), html, latex, org, rst, markdown or text."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith(("{", "[")) and _looks_json(head):
        return "jsonresume"
    from starkit.resume.linkedin import looks_csv

    if looks_csv(text):
        return "csv"
    if len(_YAML_KEYS.findall(text)) >= 2 and re.search(r"^(?:basics|work):", text, re.M):
        return "jsonresume"
    from starkit.resume.structured import looks_toml, looks_yaml

    if looks_toml(text) or looks_yaml(text):
        return "data"
    if _HTML_START.match(text) or _html_tags(text[:20000]) >= 8:
        return "html"
    if (
        re.search(r"\\documentclass|\\begin\{document\}", text)
        or len(_LATEX.findall(text[:50000])) >= 3
    ):
        return "latex"
    from starkit.resume.lightmarkup import looks_org, looks_rst

    if looks_org(text):
        return "org"
    if looks_rst(text):
        return "rst"
    if _MD.search(text):
        return "markdown"
    return "text"


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """(text, warning) of a text file; refuses binary content of no supported format."""
    try:
        decoded = decode_bytes(data, name)
    except InputError:
        raise ResumeReadError(
            f"{name}: the content does not match any supported format ({SUPPORTED})"
        ) from None
    return decoded.text, decoded.warning
