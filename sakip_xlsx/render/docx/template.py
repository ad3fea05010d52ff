"""A pemda's Word template (`--templat-dokumen`), reduced to what it is for.

A template contributes its styles, numbering, theme, fonts, the header and footer of its page
(the kop surat, with their own images), its margins and page size: nothing else. It arrives as
a file from anywhere, so it is rebuilt part by part into a fresh package before python-docx
opens it:

- a DTD or entity declaration in any XML part is refused (as for workbooks), and so is XML
  that does not parse (an undeclared `&xxe;`);
- active or external content is left behind and named: a remote `attachedTemplate`, every
  relationship with `TargetMode="External"`, DDE/DDEAUTO/INCLUDE*/IMPORT/LINK fields, macros
  (`vbaProject`), `altChunk`, ActiveX controls, embedded objects;
- a section without page size or margins (or none at all) gets Word's defaults, so a template
  saved by another program never stops the document.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as SafeET
from lxml import etree

from sakip_xlsx.safety.errors import InputFileError, os_reason

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
"""A letterhead template is tens of kilobytes; these only keep a hostile file from costing
memory."""

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


KEPT_DOCUMENT_RELS = {"styles", "numbering", "theme", "fontTable", "settings", "header", "footer"}
"""What the main document part may keep of its relationships: the parts a template is for."""

IMAGE_TYPES = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "emf": "image/x-emf",
    "wmf": "image/x-wmf",
    "tif": "image/tiff",
    "tiff": "image/tiff",
}
"""The images a header or footer may carry (a logo), by extension."""

PART_TYPES = {
    "styles": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    "numbering": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
    "fontTable": "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
    "settings": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
    "header": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
}

SECTION_CHILDREN = [
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
]
"""The children a section keeps, in the order the schema requires (a printer's settings and
tracked changes are not kept)."""

WORD_PAGE = {"w": "12240", "h": "15840"}
WORD_MARGINS = {
    "top": "1440",
    "right": "1440",
    "bottom": "1440",
    "left": "1440",
    "header": "720",
    "footer": "720",
    "gutter": "0",
}
"""Word's own defaults, in twentieths of a point: Letter, 2,54 cm margins, 1,27 cm header and
footer distance."""

DANGEROUS_FIELDS = re.compile(
    r"^\s*(DDE|DDEAUTO|INCLUDE|INCLUDETEXT|INCLUDEPICTURE|IMPORT|LINK|HYPERLINK|AUTOTEXT"
    r"|AUTOTEXTLIST|DATABASE|MERGEFIELD)\b",
    re.IGNORECASE,
)
"""Fields that fetch or run something outside the document, or link out of it."""

ACTIVE_ELEMENTS = {_w("object"), _w("control"), _w("altChunk"), _w("subDoc")}
"""Elements of a header or footer that are never taken (embedded objects, ActiveX)."""


@dataclass
class CleanTemplate:
    """The template as a fresh package holding only what a template is for."""

    data: bytes
    name: str
    removed: list[str] = field(default_factory=list)
    """What was left behind, in Indonesian, for the terminal: `makro (word/vbaProject.bin)`."""


def clean_template(path: Path) -> CleanTemplate:
    """Read and rebuild the Word template at `path`; every refusal is an `InputFileError`
    naming the file."""
    path = Path(path)
    parts = _read_package(path)
    for name, data in parts.items():
        if name.endswith((".xml", ".rels", ".vml")) or data[:5] == b"<?xml":
            _refuse_dtd(path, name, data)
    return _Rebuild(path, parts).run()


def _read_package(path: Path) -> dict[str, bytes]:
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputFileError(
            f"Templat dokumen {path} tidak dapat dibuka: {os_reason(exc)}."
        ) from exc
    if size > MAX_FILE_BYTES:
        raise InputFileError(
            f"Templat dokumen {name} terlalu besar ({size // (1024 * 1024)} MB; batas "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB)."
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if sum(i.file_size for i in infos) > MAX_UNCOMPRESSED_BYTES:
                raise InputFileError(
                    f"Templat dokumen {name} ditolak: isinya mengembang lebih dari "
                    f"{MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB (zip bomb?)."
                )
            return {i.filename: zf.read(i) for i in infos if not i.is_dir()}
    except InputFileError:
        raise
    except Exception as exc:  # not a zip, or a damaged one: zipfile raises many kinds
        raise InputFileError(
            f"Templat dokumen {name} tidak dapat dibuka sebagai dokumen Word (.docx): "
            f"{type(exc).__name__}. Simpan ulang templat itu dari Word sebagai .docx."
        ) from exc


def _refuse_dtd(path: Path, part: str, data: bytes) -> None:
    try:
        SafeET.fromstring(data, forbid_dtd=True)
    except (SafeET.DTDForbidden, SafeET.EntitiesForbidden, SafeET.ExternalReferenceForbidden):
        raise InputFileError(
            f"Templat dokumen {path.name} ditolak: bagian {part} berisi XML berbahaya "
            "(deklarasi DTD/entity). Simpan ulang templat itu dari Word sebagai .docx."
        ) from None
    except SafeET.ParseError as exc:
        raise InputFileError(
            f"Templat dokumen {path.name} ditolak: bagian {part} bukan XML yang utuh ({exc}). "
            "Simpan ulang templat itu dari Word sebagai .docx."
        ) from None


def _parse(data: bytes):
    """An XML part already checked by `_refuse_dtd`; entities are never resolved."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)


def _bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _target(part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


class _Rebuild:
    def __init__(self, path: Path, parts: dict[str, bytes]) -> None:
        self.path = path
        self.parts = parts
        self.out: dict[str, bytes] = {}
        self.types: dict[str, str] = {}
        self.removed: list[str] = []
        self.used: set[str] = set()

    def note(self, text: str) -> None:
        if text not in self.removed:
            self.removed.append(text)

    def run(self) -> CleanTemplate:
        main = self._main_part()
        document = _parse(self.parts[main])
        rels = self._relationships(main)
        kept_rels: list[tuple[str, str, str]] = []  # id, type, target part
        for rid, (kind, target, external) in rels.items():
            if external:
                self.note(f"tautan eksternal {kind} di {main} ({target[:80]})")
                continue
            if kind == "attachedTemplate":
                self.note(f"templat terlampir ({target[:80]})")
                continue
            if kind in KEPT_DOCUMENT_RELS and target in self.parts:
                kept_rels.append((rid, kind, target))
            elif kind in ("aFChunk", "oleObject", "package", "control", "vbaProject"):
                self.note(_active_name(kind, target))
        self._name_active_parts()
        section = self._section(document)
        referenced = {
            ref.get(f"{{{R}}}id")
            for ref in section
            if ref.tag in (_w("headerReference"), _w("footerReference"))
        }
        rel_root = etree.Element(f"{{{PR}}}Relationships", nsmap={None: PR})
        taken_ids = set()
        for rid, kind, target in kept_rels:
            if kind in ("header", "footer") and rid not in referenced:
                continue  # a header of a section whose body is not taken
            name = self._take(kind, target)
            if name is None:
                continue
            taken_ids.add(rid)
            etree.SubElement(
                rel_root,
                f"{{{PR}}}Relationship",
                Id=rid,
                Type=REL_TYPE + kind,
                Target=posixpath.relpath(name, posixpath.dirname(main)),
            )
        for ref in list(section):
            if ref.tag in (_w("headerReference"), _w("footerReference")) and (
                ref.get(f"{{{R}}}id") not in taken_ids
            ):
                section.remove(ref)
        body = document.find(_w("body"))
        for child in list(body):
            body.remove(child)
        body.append(section)
        for child in list(document):  # a page background (with its image) is not taken
            if child is not body:
                document.remove(child)
        self.out[main] = _bytes(document)
        self.types[main] = MAIN_TYPE
        self.out[_rels_name(main)] = _bytes(rel_root)
        return CleanTemplate(self._package(main), self.path.name, self.removed)

    def _main_part(self) -> str:
        root_rels = self.parts.get("_rels/.rels")
        if root_rels is not None:
            for rel in _parse(root_rels):
                if rel.get("Type", "").endswith("/officeDocument"):
                    target = _target("", rel.get("Target", ""))
                    if target in self.parts:
                        return target
        if "word/document.xml" in self.parts:
            return "word/document.xml"
        raise InputFileError(
            f"Templat dokumen {self.path.name} bukan dokumen Word (.docx): bagian dokumen "
            "utamanya tidak ada. Simpan ulang templat itu dari Word sebagai .docx."
        )

    def _relationships(self, part: str) -> dict[str, tuple[str, str, bool]]:
        data = self.parts.get(_rels_name(part))
        if data is None:
            return {}
        out = {}
        for rel in _parse(data):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            external = rel.get("TargetMode", "").lower() == "external"
            target = rel.get("Target", "")
            out[rel.get("Id", "")] = (kind, target if external else _target(part, target), external)
        return out

    def _name_active_parts(self) -> None:
        for name in self.parts:
            lower = name.lower()
            if lower.endswith("vbaproject.bin"):
                self.note(f"makro ({name})")
            elif "/activex/" in lower:
                self.note(f"kontrol ActiveX ({name})")
            elif "/embeddings/" in lower:
                self.note(f"objek tertanam ({name})")
            elif "afchunk" in lower or "altchunk" in lower:
                self.note(f"altChunk ({name})")

    def _section(self, document):
        """The body's own section properties, children kept in schema order, page size and
        margins completed with Word's defaults."""
        body = document.find(_w("body"))
        if body is None:
            body = etree.SubElement(document, _w("body"))
        found = body.find(_w("sectPr"))
        section = etree.Element(_w("sectPr"))
        children = list(found) if found is not None else []
        for name in SECTION_CHILDREN:
            for child in children:
                if child.tag == _w(name):
                    section.append(child)
        for name, defaults in (("pgSz", WORD_PAGE), ("pgMar", WORD_MARGINS)):
            element = section.find(_w(name))
            if element is None:
                element = etree.Element(_w(name))
                before = [section.index(c) for c in section if _order(c) < _order_of(name)]
                section.insert(max(before) + 1 if before else 0, element)
            for attr, value in defaults.items():
                if not re.fullmatch(r"-?\d+", element.get(_w(attr), "") or ""):
                    element.set(_w(attr), value)
        size = section.find(_w("pgSz"))
        for attr in list(size.attrib):
            if attr == _w("code"):
                del size.attrib[attr]  # a printer's paper code, meaningless elsewhere
        return section

    def _take(self, kind: str, part: str) -> str | None:
        data = self.parts[part]
        root = _parse(data)
        if kind == "settings":
            for tag in ("attachedTemplate", "mailMerge", "docVars", "recipientData"):
                for element in root.findall(_w(tag)):
                    if tag == "attachedTemplate":
                        self.note("templat terlampir (attachedTemplate)")
                    root.remove(element)
        if kind == "fontTable":  # embedded font files are not taken (their parts are not)
            for element in root.iter():
                for child in list(element):
                    if etree.QName(child).localname.startswith("embed"):
                        element.remove(child)
        if kind == "numbering":
            for element in root.findall(_w("numPicBullet")):
                root.remove(element)
            for element in root.iter(_w("lvlPicBulletId")):
                element.getparent().remove(element)
        kept_ids: set[str] = set()
        if kind in ("header", "footer"):
            kept_ids = self._header_parts(part, root)
        _drop_dangling(root, kept_ids)
        self.out[part] = _bytes(root)
        self.types[part] = PART_TYPES[kind]
        return part

    def _header_parts(self, part: str, root) -> set[str]:
        """A header or footer: its own images kept; everything active or external dropped."""
        rel_root = etree.Element(f"{{{PR}}}Relationships", nsmap={None: PR})
        kept: set[str] = set()
        short = posixpath.basename(part)
        for rid, (kind, target, external) in self._relationships(part).items():
            if external:
                self.note(f"tautan eksternal {kind} di {short} ({target[:80]})")
                continue
            ext = target.rsplit(".", 1)[-1].lower()
            if kind == "image" and ext in IMAGE_TYPES and target in self.parts:
                self.out[target] = self.parts[target]
                kept.add(rid)
                etree.SubElement(
                    rel_root,
                    f"{{{PR}}}Relationship",
                    Id=rid,
                    Type=REL_TYPE + "image",
                    Target=posixpath.relpath(target, posixpath.dirname(part)),
                )
            elif kind in ("oleObject", "package", "control", "aFChunk"):
                self.note(_active_name(kind, target) + f" di {short}")
        for element in list(root.iter()):
            if element.tag in ACTIVE_ELEMENTS and element.getparent() is not None:
                self.note(f"objek aktif ({etree.QName(element).localname}) di {short}")
                element.getparent().remove(element)
        for paragraph in root.iter(_w("p")):
            self._strip_fields(paragraph, short)
        for link in list(root.iter(_w("hyperlink"))):  # the text stays, the link goes
            parent = link.getparent()
            index = parent.index(link)
            for child in list(link):
                parent.insert(index, child)
                index += 1
            parent.remove(link)
        if kept:
            self.out[_rels_name(part)] = _bytes(rel_root)
        return kept

    def _strip_fields(self, paragraph, short: str) -> None:
        for simple in list(paragraph.iter(_w("fldSimple"))):
            if DANGEROUS_FIELDS.match(simple.get(_w("instr"), "")):
                self.note(f"bidang {simple.get(_w('instr'), '').split()[0].upper()} di {short}")
                parent = simple.getparent()
                index = parent.index(simple)
                for child in list(simple):  # its shown result stays as plain text
                    parent.insert(index, child)
                    index += 1
                parent.remove(simple)
        runs = [r for r in paragraph.iter(_w("r"))]
        stack: list[dict] = []
        for run in runs:
            char = run.find(_w("fldChar"))
            kind = char.get(_w("fldCharType")) if char is not None else None
            if kind == "begin":
                stack.append({"code": [run], "instr": "", "end": None, "separated": False})
            elif stack:
                top = stack[-1]
                if kind == "separate":
                    top["code"].append(run)
                    top["separated"] = True
                elif kind == "end":
                    top["end"] = run
                    field_ = stack.pop()
                    if DANGEROUS_FIELDS.match(field_["instr"]):
                        self.note(f"bidang {field_['instr'].split()[0].upper()} di {short}")
                        for item in [*field_["code"], run]:
                            if item.getparent() is not None:
                                item.getparent().remove(item)
                elif not top["separated"]:
                    top["code"].append(run)
                    for text in run.iter(_w("instrText")):
                        top["instr"] += text.text or ""

    def _package(self, main: str) -> bytes:
        types = etree.Element(f"{{{CT}}}Types", nsmap={None: CT})
        etree.SubElement(
            types,
            f"{{{CT}}}Default",
            Extension="rels",
            ContentType="application/vnd.openxmlformats-package.relationships+xml",
        )
        etree.SubElement(types, f"{{{CT}}}Default", Extension="xml", ContentType="application/xml")
        for ext, mime in IMAGE_TYPES.items():
            etree.SubElement(types, f"{{{CT}}}Default", Extension=ext, ContentType=mime)
        for part, mime in sorted(self.types.items()):
            etree.SubElement(types, f"{{{CT}}}Override", PartName="/" + part, ContentType=mime)
        root_rels = etree.Element(f"{{{PR}}}Relationships", nsmap={None: PR})
        etree.SubElement(
            root_rels,
            f"{{{PR}}}Relationship",
            Id="rId1",
            Type=REL_TYPE + "officeDocument",
            Target=main,
        )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("[Content_Types].xml", _bytes(types))
            zf.writestr("_rels/.rels", _bytes(root_rels))
            for name in sorted(self.out):
                zf.writestr(name, self.out[name])
        return buffer.getvalue()


def _active_name(kind: str, target: str) -> str:
    names = {
        "aFChunk": "altChunk",
        "oleObject": "objek tertanam",
        "package": "objek tertanam",
        "control": "kontrol ActiveX",
        "vbaProject": "makro",
    }
    return f"{names.get(kind, kind)} ({target[:80]})"


def _drop_dangling(root, kept_ids: set[str]) -> None:
    """A reference to a relationship that was not taken is removed with the drawing or
    picture that holds it, so the part never points at nothing."""
    holders = {_w("drawing"), _w("pict")}
    for element in list(root.iter()):
        for attr, value in list(element.attrib.items()):
            if attr.startswith(f"{{{R}}}") and value not in kept_ids:
                holder = element
                while holder is not None and holder.tag not in holders:
                    holder = holder.getparent()
                if holder is not None and holder.getparent() is not None:
                    holder.getparent().remove(holder)
                    break
                del element.attrib[attr]


def _order(child) -> int:
    return _order_of(etree.QName(child).localname)


def _order_of(name: str) -> int:
    return SECTION_CHILDREN.index(name) if name in SECTION_CHILDREN else len(SECTION_CHILDREN)
