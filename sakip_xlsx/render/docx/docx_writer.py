"""The LKIP document as a .docx file (python-docx), laid out from the format-neutral blocks.

With a pemda template (`--templat-dokumen`), its styles, margins and header/footer (the kop
surat) are used and its body is replaced; without one, python-docx's clean default with A4
margins. Numbers are printed the Indonesian way (97,75 %; 4.060.244.146). The file is
deterministic: fixed document properties and zip entry times.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor
from docx.text.paragraph import Paragraph

from sakip_xlsx.document.lkip import (
    Bullets,
    Contents,
    Heading,
    Labelled,
    LkipDocument,
    Logo,
    PageBreak,
    Para,
    Signatures,
    TableBlock,
)
from sakip_xlsx.document.spec import NOT_APPLICABLE, Cell, Style
from sakip_xlsx.lkip.values import format_id, shorten
from sakip_xlsx.render.docx.template import CleanTemplate
from sakip_xlsx.safety.errors import InputFileError
from sakip_xlsx.safety.marks import DOCX_KEYWORD, FIXED_TIMESTAMP

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text a .docx can hold: control characters (a Word table cell pasted into Excel brings
    `\r\x07`) become a space, never a crash."""
    return _NOT_XML.sub(" ", text) if _NOT_XML.search(text) else text


TABLE_FONT = Pt(8)
LOGO_HEIGHT = Cm(4)
"""The logo on the cover, as LKIP covers print it."""


def docx_bytes(doc: LkipDocument, template: CleanTemplate | None = None, footer: str = "") -> bytes:
    """The .docx file of `doc` as bytes (same blocks, same bytes); `template` is a pemda's
    Word template already reduced to what it is for (`template.clean_template`)."""
    word = _start(template)
    _ensure_styles(word)
    _properties(word, doc.title)
    if template is None:
        _default_page(word, footer)
    entries = [
        (b.level, b.text) for b in doc.blocks if isinstance(b, Heading) and b.toc and b.level <= 2
    ]
    for index, block in enumerate(doc.blocks):
        word.__dict__[NEXT] = doc.blocks[index + 1] if index + 1 < len(doc.blocks) else None
        if isinstance(block, Contents):
            _contents(word, entries)
        else:
            _block(word, block)
    raw = io.BytesIO()
    word.save(raw)
    return _fixed_zip(raw.getvalue(), word.__dict__.get("_sakip_tables"))


HEADING_SIZES = {"Title": 24, "Heading 1": 16, "Heading 2": 13, "Heading 3": 12}


def _ensure_styles(word) -> None:
    """A template saved by Word keeps Heading 1-3, Title and the list styles latent (not in
    styles.xml): define the missing ones, with their outline level, so that headings look
    like headings and the table of contents finds them."""
    names = {style.name for style in word.styles}
    for name, size in HEADING_SIZES.items():
        if name in names:
            continue
        style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = word.styles["Normal"]
        style.font.bold = True
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.keep_with_next = True
        if name.startswith("Heading"):
            level = OxmlElement("w:outlineLvl")
            level.set(qn("w:val"), str(int(name[-1]) - 1))
            style.element.get_or_add_pPr().append(level)
    for name in ("List Bullet", "List Number"):
        if name not in names:
            style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = word.styles["Normal"]
            style.paragraph_format.left_indent = Cm(0.8)


def _start(template: CleanTemplate | None):
    if template is None:
        return Document()
    try:
        word = Document(io.BytesIO(template.data))
    except Exception as exc:  # python-docx raises its own, zipfile's and lxml's errors
        raise InputFileError(
            f"Templat dokumen {template.name} tidak dapat dibuka sebagai dokumen Word (.docx): "
            f"{type(exc).__name__}. Simpan ulang templat itu dari Word sebagai .docx."
        ) from exc
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # keep the page setup, header and footer (kop surat)
            body.remove(child)
    return word


MAX_PROPERTY = 255
"""What Word (and python-docx) allow in a core document property."""


def _properties(word, title: str) -> None:
    props = word.core_properties
    props.title = shorten(xml_safe(title), MAX_PROPERTY)  # a long instansi name fits
    props.author = "sakip-xlsx"
    props.keywords = DOCX_KEYWORD  # what --force may replace (kept in the PDF)
    props.last_modified_by = "sakip-xlsx"
    props.created = FIXED_TIMESTAMP
    props.modified = FIXED_TIMESTAMP
    props.last_printed = FIXED_TIMESTAMP
    props.revision = 1
    props.comments = ""


def _default_page(word, footer: str) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
    normal = word.styles["Normal"]
    normal.font.size = Pt(11)
    _one_font_and_language(word)
    section.different_first_page_header_footer = True  # no page number on the cover
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(xml_safe(f"{footer} – Halaman ") if footer else "Halaman ")
    run.font.size = Pt(8)
    _field(paragraph, "PAGE", "1", Pt(8))


FONT = "Arial"
LANGUAGE = "id-ID"


def _one_font_and_language(word) -> None:
    """Every style in one font family and in Indonesian (python-docx's own template mixes
    Calibri, Cambria and Arial through its theme, in en-US, so Word marks every word as
    misspelt). Only without a pemda template: a template's styles win."""
    styles = word.styles.element
    themed = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
    for fonts in styles.iter(qn("w:rFonts")):
        for name in themed:
            fonts.attrib.pop(qn(f"w:{name}"), None)
        for name in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{name}"), FONT)
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)


def _field(paragraph, instruction: str, shown: str, size=None) -> None:
    """A Word field (PAGE, TOC): begin, instruction, separate, the text shown until the
    word processor updates it, end."""

    def run_with(element):
        run = paragraph.add_run()
        if size is not None:
            run.font.size = size
        run._r.append(element)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run_with(begin)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run_with(text)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    shown_run = paragraph.add_run(shown)
    if size is not None:
        shown_run.font.size = size
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _style(word, name: str, fallback: str = "Normal"):
    try:
        return word.styles[name]
    except KeyError:  # a pemda template without this style
        return word.styles[fallback]


def _paragraph(word, text: str = "", style=None) -> Paragraph:
    """`word.add_paragraph`, in constant time: python-docx looks for the body's closing
    section properties from the first child on every paragraph it adds, which made a
    document of 4,000 indicators quadratic (5 s of 19). The section properties are the body's
    last child, so the paragraph goes right before them."""
    body = word.element.body
    p = OxmlElement("w:p")
    try:
        last = body[-1]  # from the end: lxml counts children by walking them (len is O(n))
    except IndexError:
        last = None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(p)
    else:
        body.append(p)
    paragraph = Paragraph(p, word)
    if text:
        paragraph.add_run(text)
    if style is not None:
        paragraph.style = style
    return paragraph


def _block(word, block) -> None:
    # after a landscape table, headings (and a sentence between two tables) wait: the next
    # table may want landscape too
    between = isinstance(block, Para) and isinstance(word.__dict__.get(NEXT), TableBlock)
    waiting = isinstance(block, (Heading, TableBlock)) or between
    if word.__dict__.get(TURN_BACK) and not waiting:
        del word.__dict__[TURN_BACK]
        _turn(word, carry_headings=True)
        if isinstance(block, PageBreak):
            return  # the section break has started the new page already
    if isinstance(block, Heading):
        _heading(word, block)
    elif isinstance(block, Para):
        _para(word, block)
    elif isinstance(block, Bullets):
        style = _style(word, "List Number" if block.numbered else "List Bullet")
        for item in block.items:
            _paragraph(word, xml_safe(item), style)
    elif isinstance(block, Labelled):
        p = _paragraph(word)
        p.add_run(xml_safe(f"{block.label}: ")).bold = True
        run = p.add_run(xml_safe(block.text))
        if block.text.startswith("[diisi instansi"):
            run.italic = True
            run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
    elif isinstance(block, TableBlock):
        _table(word, block)
    elif isinstance(block, PageBreak):
        _paragraph(word).add_run().add_break(WD_BREAK.PAGE)
    elif isinstance(block, Signatures):
        _signatures(word, block)
    elif isinstance(block, Logo):
        p = _paragraph(word)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(48)
        p.paragraph_format.space_after = Pt(48)
        if block.image:
            try:
                p.add_run().add_picture(io.BytesIO(block.image), height=LOGO_HEIGHT)
                return
            except Exception:  # a picture python-docx cannot read: the placeholder says so
                p.clear()
        run = p.add_run("[logo pemerintah daerah]")
        run.italic = True
        run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
    else:  # pragma: no cover - a block type without a layout is a bug
        raise TypeError(block)


def _heading(word, block: Heading) -> None:
    if block.level == 0:
        p = _paragraph(word, xml_safe(block.text), _style(word, "Title"))
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return
    if not block.toc:  # a heading that is not listed in the table of contents
        p = _paragraph(word)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(xml_safe(block.text))
        run.bold = True
        run.font.size = Pt(14)
        return
    p = _paragraph(word, xml_safe(block.text), _style(word, f"Heading {block.level}"))
    if block.level == 1:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _para(word, block: Para) -> None:
    p = _paragraph(word)
    run = p.add_run(xml_safe(block.text))
    if block.style in ("center", "strong_center"):
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run.bold = block.style == "strong_center"
        if block.style == "strong_center":
            run.font.size = Pt(14)
    elif block.style == "placeholder":
        run.italic = True
        run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
    elif block.style == "small":
        run.font.size = Pt(9)
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def shown(cell: Cell | None) -> str:
    """A table cell as the document prints it: Indonesian numbers, "-" where a figure does not
    apply, blank where it is missing."""
    if cell is None:
        return NOT_APPLICABLE
    typed = getattr(cell, "text", None)  # a grade as typed (spec.Shown)
    if typed:
        return typed
    value = cell.value
    if value is None or value == "":
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value).strip()
    style = cell.style
    if style in (Style.PERCENT, Style.TOTAL_PERCENT):
        return f"{format_id(value, 2)} %"
    if style is Style.FRACTION:
        return f"{format_id(value * 100, 2)} %"
    if style in (Style.RUPIAH, Style.TOTAL_RUPIAH, Style.COUNT):
        return format_id(value, 0)
    if style is Style.NUMBER:
        return format_id(value, 2)
    return format_id(value, 0) if float(value).is_integer() else format_id(value, 2)


NUMERIC = {
    Style.NUMBER,
    Style.COUNT,
    Style.PERCENT,
    Style.RUPIAH,
    Style.TOTAL_PERCENT,
    Style.TOTAL_RUPIAH,
    Style.FRACTION,
}


def _table(word, block: TableBlock) -> None:
    table = block.table
    columns = [table.column(key) for key in block.columns]
    wanted = None if block.rows is None else set(block.rows)
    rows = [r for r in table.rows if wanted is None or r.key in wanted]
    texts = [_row_texts(row, block.columns) for row in rows]
    need = _needs(columns, texts)
    # a table whose figures and words do not fit across a portrait page gets landscape pages
    # of its own, rather than amounts broken over two lines ("2.409.251.2/46")
    turned = sum(need) > _usable(word, portrait=True)
    if word.__dict__.pop(TURN_BACK, False):  # the page is still turned for the table before
        if not turned:
            _turn(word, carry_headings=True)
    elif turned and _portrait(word):
        _turn(word, carry_headings=True)
    else:
        turned = False  # the page is wide already (a landscape template): nothing to turn
    if block.caption:
        p = _paragraph(word)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        run = p.add_run(xml_safe(block.caption))
        run.bold = True
        run.font.size = Pt(10)
    style = _style(word, "Table Grid", "Normal Table")
    widths = [Length(w).twips for w in _widths(columns, need, _usable(word))]
    marks = []  # (bold, right, center) per cell, decided now; the XML is made at save time
    for row in rows:
        cells = row.cells  # made anew on each access for a large table's rows
        line = []
        for column in columns:
            cell = cells.get(column.key)
            numeric = cell is not None and cell.style in NUMERIC
            bold = row.total or (cell is not None and cell.style in (Style.STRONG, Style.TOTAL))
            line.append((bold, numeric))
        marks.append(line)
    headings = [column.heading for column in columns]
    borders = style.name != "Table Grid"  # a pemda template without it: borders of our own
    _defer(word, _table_xml(style.style_id, borders, widths, headings, texts, marks))
    if table.source:
        p = _paragraph(word)
        run = p.add_run(xml_safe(f"Sumber data: {table.source}."))
        run.italic = True
        run.font.size = Pt(8)
    if turned:  # back to the page before at the next block: none after the last table
        word.__dict__[TURN_BACK] = True


MARGINS = "_sakip_portrait_margins"
LANDSCAPE_MARGIN = Cm(1.5)
"""Side margins of a wide table's landscape pages (the portrait pages keep theirs)."""
NEXT = "_sakip_next"
"""The block written after the current one (a sentence between two wide tables stays with
them on their landscape pages)."""
TURN_BACK = "_sakip_turn_back"
"""Set while the last section is a landscape table's: the page turns back to portrait at the
next block that is neither a heading nor another wide table."""


def _usable(word, portrait: bool = False) -> int:
    """The width a table has across the page (across a portrait page with `portrait`)."""
    section = word.sections[-1]
    width = section.page_width
    if portrait:
        width = min(section.page_width, section.page_height)
    return width - section.left_margin - section.right_margin


def _portrait(word) -> bool:
    section = word.sections[-1]
    return section.page_width < section.page_height


def _turn(word, carry_headings: bool = False) -> None:
    """A new section on a new page, turned a quarter (portrait to landscape or back): its
    header, footer (the page numbers) and margins follow the section before. With
    `carry_headings`, the headings just written go onto the new page with their table, so no
    page holds a heading alone."""
    body = word.element.body
    headings = []
    if carry_headings:
        element = body[-1].getprevious() if len(body) else None  # before the sectPr
        while element is not None and _is_heading(element):
            headings.insert(0, element)
            element = element.getprevious()
    before = word.sections[-1]
    section = word.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False  # only the cover goes without a number
    if headings:
        closing = body[-1].getprevious()  # the paragraph that ends the section before
        for heading in reversed(headings):
            closing.addnext(heading)
    section.page_width, section.page_height = before.page_height, before.page_width
    landscape = section.page_width > section.page_height
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:  # a wide table takes the width the page has: narrower side margins
        word.__dict__.setdefault(MARGINS, (before.left_margin, before.right_margin))
        narrow = min(before.left_margin, LANDSCAPE_MARGIN)
        section.left_margin = section.right_margin = narrow
    elif MARGINS in word.__dict__:  # back on the portrait page: its own margins again
        section.left_margin, section.right_margin = word.__dict__[MARGINS]


def _is_heading(p) -> bool:
    """A paragraph of a Heading style (the chapters and sections of the document)."""
    if p.tag != qn("w:p"):
        return False
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is not None and (style.get(qn("w:val")) or "").startswith("Heading")


def _row_texts(row, keys: tuple[str, ...]) -> list[str]:
    """A row's texts in the columns shown; a total row's label sits in the first empty column
    shown when its own column is not among them (Tabel 3.1's "Rata-rata capaian instansi")."""
    out = []
    cells = row.cells  # made anew on each access for a large table's rows
    for key in keys:
        cell = cells.get(key)
        if cell is None and (row.total or row.heading):
            out.append("")
        else:  # 97,75 % is never broken before its sign
            out.append(shown(cell).replace(" %", "\u00a0%"))
    if row.total or row.heading:
        hidden = [
            c.value
            for k, c in cells.items()
            if k not in keys and c.expr is None and isinstance(c.value, str) and c.value
        ]
        empty = [i for i, key in enumerate(keys) if key not in cells]
        if hidden and empty:
            out[empty[0]] = xml_safe(hidden[0])
    return out


MIN_COLUMN = Cm(1.3)
"""The narrowest column: "Satuan" or "Target" in 8 pt bold, whole."""
CHAR = Cm(0.19)
"""About one character of 8 pt bold text."""
PADDING = 3
"""Characters' worth of a cell's left and right margins."""


def _needs(columns, texts: list[list[str]]) -> list[int]:
    """Each column's narrowest width: its longest figure (a rupiah amount is never broken) or
    word, and never under MIN_COLUMN."""
    need = []
    for i, column in enumerate(columns):
        figures = [t[i] for t in texts if t[i] and t[i][0] in "-0123456789"]
        words = [w for t in texts for w in t[i].split()] + column.heading.split()
        longest_figure = max((len(t) for t in figures), default=0)
        longest_word = min(max((len(w) for w in words), default=0), 16)
        need.append(max(MIN_COLUMN, int(CHAR * (max(longest_figure, longest_word) + PADDING))))
    return need


def _widths(columns, need: list[int], usable: int) -> list[int]:
    """Column widths across the page's usable width: by the hints, but never narrower than
    each column's need (shrunk alike only when even the needs do not fit)."""
    hints = [max(c.width, 1) for c in columns]
    if sum(need) >= usable:  # too many columns to give each its need: shrink them all alike
        return [max(1, int(n * usable / sum(need))) for n in need]
    widths = [max(need[i], int(usable * h / sum(hints))) for i, h in enumerate(hints)]
    excess = sum(widths) - usable
    room = [w - n for w, n in zip(widths, need, strict=True)]
    if excess > 0 and sum(room) > 0:  # taken from the columns above their need, in proportion
        widths = [
            w - min(r, int(excess * r / sum(room)) + 1) for w, r in zip(widths, room, strict=True)
        ]
    return widths


# --- large tables, written as XML text ---------------------------------------------------
#
# A kabupaten's Tabel 3.6 holds thousands of rows of a dozen cells: built through python-docx's
# element tree they took most of `dokumen`'s time and memory (nine elements a cell, each a
# Python proxy over lxml). A table is therefore only marked in the document while it is built
# (an empty paragraph holding a bookmark of ours) and its XML, the same elements python-docx
# would have written, is streamed into word/document.xml when the package is saved.

DEFERRED = "_sakipTabel"
"""Bookmark name of a table's place in the document until the table's XML takes it."""

BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)
"""Single borders on every cell, for a template whose styles lack "Table Grid"."""

TABLE_SIZE = f'<w:sz w:val="{TABLE_FONT.pt * 2:g}"/>'
HEADER_SHADE = '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>'


def _defer(word, xml) -> None:
    """Mark the table's place; `xml` (an iterator of text) is written there on save."""
    tables = word.__dict__.setdefault("_sakip_tables", [])
    p = _paragraph(word)
    mark = OxmlElement("w:bookmarkStart")
    mark.set(qn("w:id"), str(900000 + len(tables)))
    mark.set(qn("w:name"), f"{DEFERRED}{len(tables)}")
    p._p.append(mark)
    tables.append(xml)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _run_content(text: str) -> str:
    """A run's text as python-docx writes it: `<w:t>` pieces, a tab as `<w:tab/>`, a line
    break as `<w:br/>`, spaces kept where the text starts or ends with one."""
    out = []
    for piece in re.split(r"(\t|\r|\n)", text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            out.append("<w:br/>")
        elif piece:
            keep = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            out.append(f"<w:t{keep}>{_escape(piece)}</w:t>")
    return "".join(out)


def _cell_xml(width: int, text: str, bold: bool, align: str | None, shade: str = "") -> str:
    justify = f'<w:pPr><w:jc w:val="{align}"/></w:pPr>' if align else ""
    weight = "<w:b/>" if bold else '<w:b w:val="0"/>'
    return (
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shade}</w:tcPr><w:p>{justify}'
        f"<w:r><w:rPr>{weight}{TABLE_SIZE}</w:rPr>{_run_content(xml_safe(text))}</w:r></w:p></w:tc>"
    )


def _table_xml(
    style_id: str | None,
    borders: bool,
    widths: list[int],
    headings: list[str],
    texts: list[list[str]],
    marks: list[list[tuple[bool, bool]]],
) -> Iterator[str]:
    """The table's XML, row by row: a fixed grid of `widths` (twips), centred, its heading
    row shaded and repeated on every page, no row split across pages, figures right-aligned,
    "-" centred."""
    style = f'<w:tblStyle w:val="{_escape(style_id)}"/>' if style_id else ""
    yield (
        f'<w:tbl><w:tblPr>{style}<w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" '
        'w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
        f"{BORDERS if borders else ''}</w:tblPr><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + '</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader w:val="true"/></w:trPr>'
        + "".join(
            _cell_xml(w, h, True, "center", HEADER_SHADE)
            for w, h in zip(widths, headings, strict=True)
        )
        + "</w:tr>"
    )
    for line, flags in zip(texts, marks, strict=True):
        yield (
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"  # a row is never split across pages
            + "".join(
                _cell_xml(w, t, bold, "center" if t == "-" else "right" if numeric else None)
                for w, t, (bold, numeric) in zip(widths, line, flags, strict=True)
            )
            + "</w:tr>"
        )
    yield "</w:tbl>"


def _signatures(word, block: Signatures) -> None:
    signers = block.signers
    table = word.add_table(rows=1, cols=max(2, len(signers)))
    for cell, signer in zip(table.rows[0].cells[-len(signers) :], signers, strict=True):
        lines = []
        if block.place_date:  # beside the last signer; a blank line keeps the others level
            lines.append((block.place_date if signer is signers[-1] else "", False, False))
        if signer.role:
            lines.append((signer.role, True, False))
        lines.append((signer.jabatan, False, False))
        lines += [("", False, False)] * 3
        lines.append((signer.nama, True, True))
        if signer.pangkat:
            lines.append((signer.pangkat, False, False))
        if signer.nip:
            lines.append((f"NIP. {signer.nip}", False, False))
        first = True
        for text, bold, underline in lines:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(xml_safe(text))
            run.bold = bold
            run.underline = underline


def _contents(word, entries: list[tuple[int, str]]) -> None:
    """A TOC field whose stored result already lists the chapters and sections (without page
    numbers), so a PDF printed without updating fields still shows them; Word fills in the
    page numbers when the file is opened."""

    def fld(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            element.set(qn("w:dirty"), "true")
        return element

    entries = entries or [(1, "")]
    for i, (level, text) in enumerate(entries):
        paragraph = _paragraph(word)
        paragraph.paragraph_format.left_indent = Cm(0.8 * (level - 1))
        if i == 0:
            paragraph.add_run()._r.append(fld("begin"))
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = ' TOC \\o "1-3" \\h \\z \\u '
            paragraph.add_run()._r.append(instruction)
            paragraph.add_run()._r.append(fld("separate"))
        run = paragraph.add_run(xml_safe(text))
        run.bold = level == 1
        if i == len(entries) - 1:
            paragraph.add_run()._r.append(fld("end"))
    _update_fields_on_open(word)


def _update_fields_on_open(word) -> None:
    """Ask the word processor to fill the table of contents when the file is opened."""
    settings = word.settings.element
    if settings.find(qn("w:updateFields")) is None:
        flag = OxmlElement("w:updateFields")
        flag.set(qn("w:val"), "true")
        settings.append(flag)


def _fixed_zip(data: bytes, tables: list[Iterator[str]] | None = None) -> bytes:
    """The same package with every entry's time fixed (python-docx stamps the current time,
    and a file that changes with the clock cannot be compared or cached), and each deferred
    table's XML streamed into the document at its mark."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            body = source.read(item.filename)
            if item.filename != "word/document.xml" or not tables:
                target.writestr(info, body)
                continue
            with target.open(info, "w") as fh:
                for piece in _with_tables(body, tables):
                    fh.write(piece)
    return out.getvalue()


def _with_tables(document: bytes, tables: list[Iterator[str]]) -> Iterator[bytes]:
    """document.xml in pieces, each table mark replaced by its table's XML."""
    rest = document
    for number, xml in enumerate(tables):
        mark = (
            f'<w:p><w:bookmarkStart w:id="{900000 + number}" w:name="{DEFERRED}{number}"/></w:p>'
        ).encode()
        before, found, rest = rest.partition(mark)
        if not found:  # pragma: no cover - every table was marked by `_defer`
            raise AssertionError(f"table {number} lost its place")
        yield before
        for piece in xml:
            yield piece.encode("utf-8")
    yield rest
