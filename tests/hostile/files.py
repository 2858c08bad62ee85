"""Generators of hostile files (bytes), small for the tests and full size for the benchmark
(`python -m tests.hostile.bench_hostile`). Nothing here is read from disk or the network."""

from __future__ import annotations

import io
import zipfile
import zlib

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def _para(text: str, bullet: bool = False) -> str:
    num = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    return f"<w:p>{num if bullet else ''}<w:r><w:t>{text}</w:t></w:r></w:p>"


def docx(body: str | bytes, *, prolog: str = "", extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal DOCX whose body is `body` (WordprocessingML paragraphs)."""
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
    doc = f"{head}<w:document {_W}><w:body>".encode()
    doc += body.encode() if isinstance(body, str) else body
    doc += b"</w:body></w:document>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", doc)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def docx_paragraphs(n: int) -> bytes:
    """A DOCX of `n` short paragraphs (a heading, then bullets)."""
    body = _para("Experience") + "".join(
        _para(f"Led team {i} to cut latency by 20%", bullet=True) for i in range(n)
    )
    return docx(body)


def docx_empty_paragraphs(n: int) -> bytes:
    """A DOCX of `n` empty paragraphs: tiny compressed, huge once read."""
    return docx(_para("Experience") + "<w:p/>" * n)


def docx_inflating(mb: int) -> bytes:
    """A DOCX whose document inflates to `mb` MB (one paragraph of spaces)."""
    return docx(b"<w:p><w:r><w:t>" + b" " * (mb * 1_000_000) + b"</w:t></w:r></w:p>")


def docx_many_entries(n: int) -> bytes:
    """A DOCX with `n` extra archive entries."""
    return docx(_para("Led 3 teams"), extra={f"word/media/x{i}.bin": b"" for i in range(n)})


def docx_entities(levels: int = 9) -> bytes:
    """A DOCX with a billion-laughs DTD; a paragraph uses the top entity mid-text."""
    ents = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, levels + 1)
    )
    prolog = f"<!DOCTYPE w:document [{ents}]>"
    body = (
        _para("Experience")
        + f"<w:p><w:r><w:t>Led &l{levels}; the launch for 3 teams, cutting churn by 20%</w:t>"
        "</w:r></w:p>"
    )
    return docx(body, prolog=prolog)


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _stream(data: bytes, compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        return (
            f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode()
            + data
            + (b"\nendstream")
        )
    return f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def pdf(pages: int, content: bytes, *, size: tuple[int, int] = (612, 792), compress: bool = False):
    """A PDF of `pages` pages that all show the one content stream `content`."""
    first = 5
    kids = " ".join(f"{first + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(content, compress),
    ]
    for _ in range(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]} {size[1]}] "
            "/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>".encode()
        )
    return _pdf(objects)


def _lines(texts: list[str], top: int = 750, step: int = 14) -> bytes:
    out = [b"BT /F1 10 Tf"]
    y = top
    for t in texts:
        out.append(f"1 0 0 1 50 {y} Tm ({t}) Tj".encode())
        y -= step
    out.append(b"ET")
    return b"\n".join(out)


_RESUME_PAGE = [
    "Jordan Avery",
    "Experience",
    "- Led the checkout redesign for 3 teams, cutting p95 latency by 40%",
    "- Launched a referral program that grew sign-ups",
]


def pdf_pages(pages: int) -> bytes:
    """A PDF of `pages` identical resume pages (every line repeats on every page)."""
    return pdf(pages, _lines(_RESUME_PAGE))


def pdf_repeated_line(lines: int) -> bytes:
    """One page whose compressed content stream draws one text line `lines` times."""
    body = [b"BT /F1 10 Tf"] + [b"1 0 0 1 50 700 Tm (Led 3 teams to cut cost by 20%) Tj"] * lines
    return pdf(1, b"\n".join([*body, b"ET"]), compress=True)


def pdf_dense_text(lines: int) -> bytes:
    """One page of `lines` text lines, each at its own place (overlapping, as a hostile file
    may draw them): over 30 characters a line."""
    text = b"(Led 3 teams to cut cost by 20%) Tj"
    body = [b"BT /F1 10 Tf"] + [
        f"1 0 0 1 {50 + i // 700 * 3} {780 - i % 700} Tm ".encode() + text for i in range(lines)
    ]
    return pdf(1, b"\n".join([*body, b"ET"]), compress=True)


def pdf_heavy_page(shapes: int) -> bytes:
    """A resume page whose drawing instructions are mostly `shapes` small vector strokes (a
    designer's icons and rules): 0.9 MB for 40,000, with four lines of text."""
    strokes = [
        f"{50 + i % 400} {100 + i % 300} m {52 + i % 400} {101 + i % 300} l S"
        for i in range(shapes)
    ]
    return pdf(1, b"\n".join([*(s.encode() for s in strokes), _lines(_RESUME_PAGE)]), compress=True)


def pdf_form_drawn(shapes: int, uses: int, *, itself: bool = False) -> bytes:
    """A resume page that draws one form XObject of `shapes` small strokes `uses` times (a
    designer's icons kept in a form, or a crafted page whose few bytes draw a form again and
    again); with `itself`, the form also draws itself."""
    strokes = [
        f"{50 + i % 400} {100 + i % 300} m {52 + i % 400} {101 + i % 300} l S"
        for i in range(shapes)
    ]
    form = "\n".join([*strokes, *(["/Fm1 Do"] if itself else [])]).encode()
    data = zlib.compress(form, 9)
    resources = "/Resources << /XObject << /Fm1 5 0 R >> >> " if itself else ""
    content = b"\n".join([b"q /Fm1 Do Q"] * uses + [_lines(_RESUME_PAGE)])
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            _stream(content, compress=True),
            f"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] {resources}"
            f"/Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode()
            + data
            + b"\nendstream",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
            b"<< /F1 3 0 R >> /XObject << /Fm1 5 0 R >> >> /Contents 4 0 R >>",
        ]
    )


def pdf_zero_height_text() -> bytes:
    """A resume page with two runs of 0-point text (hidden keywords) on one baseline 7 points
    apart: lines of no height, on which a layout cut could fall."""
    hidden = b"BT /F1 0 Tf 1 0 0 1 50 400 Tm (keywords) Tj 1 0 0 1 57 400 Tm (more) Tj ET"
    return pdf(1, b"\n".join([_lines(_RESUME_PAGE), hidden]))


def pdf_huge_page(side: int = 14400) -> bytes:
    """One page `side` points square with a resume's text on it."""
    return pdf(1, _lines(_RESUME_PAGE, top=side - 50), size=(side, side))


def deep_json(depth: int) -> bytes:
    """JSON nested `depth` arrays deep."""
    return b"[" * depth + b"]" * depth


def yaml_aliases(levels: int = 9) -> bytes:
    """A JSON Resume in YAML whose anchors and aliases expand exponentially."""
    out = ["basics:", "  name: Jordan", 'a0: &a0 ["Led 3 teams"]']
    for i in range(1, levels + 1):
        out.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]")
    out += ["work:", "  - name: Acme", f"    highlights: *a{levels}"]
    return "\n".join(out).encode() + b"\n"


def latex_input_loop() -> bytes:
    """A LaTeX resume whose macro expands itself forever (and `\\input`s itself)."""
    return (
        rb"\documentclass{article}\def\loop{\loop\loop}\begin{document}\section{Experience}"
        rb"\begin{itemize}\item Led 3 teams \loop \input{resume}\end{itemize}\end{document}"
    )
