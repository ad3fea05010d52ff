"""The xlsx renderer of the document model: places each table on its sheet, resolves every
reference to an A1 address and writes each live cell as a formula with Python's value cached.

Formula text comes only from `formulas.py`: an expression `Call("ratio", a, b)` becomes
`formulas.ratio(<a>, <b>)` with its references resolved here.
"""

from __future__ import annotations

import re
from collections.abc import Hashable

from xlsxwriter.utility import xl_col_to_name

from sakip_xlsx.document.spec import (
    NOT_APPLICABLE,
    Blank,
    Call,
    Cell,
    Chart,
    Column,
    Criterion,
    Expr,
    Filled,
    Here,
    Input,
    InputSpan,
    Layout,
    Num,
    Ref,
    Shape,
    Slot,
    Span,
    Style,
    Table,
    Text,
)
from sakip_xlsx.render.xlsx import formulas as X
from sakip_xlsx.render.xlsx.completed.book import Book, OrderedSheet
from sakip_xlsx.render.xlsx.styles import (
    LINE_HEIGHT,
    bar_chart,
    page_setup,
    row_height,
    value_labels,
)

HEADER_ROW = 4  # zero-based: title, subtitle, note, blank, header
NUMBER_ROW = HEADER_ROW + 1
"""The row of column numbers (1) (2) ... under the headings, which LKIP tables print so the
text can say "kolom (7)"."""
FIRST_DATA = NUMBER_ROW + 1
FORM_FIRST = 3
"""The first row of a form (Ringkasan): under its title and subtitle."""
HEADER_HEIGHT = 42

STYLE_FORMATS = {
    Style.TEXT: "cell",
    Style.CENTER: "cell_center",
    Style.STRONG: "cell_bold",
    Style.HEADING: "bold",
    Style.NUMBER: "tool_num",
    Style.COUNT: "tool_int",
    Style.PERCENT: "tool_pct",
    Style.RUPIAH: "tool_rupiah",
    Style.VERDICT: "tool_center",
    Style.TOTAL: "tool_bold",
    Style.TOTAL_PERCENT: "tool_bold_pct",
    Style.TOTAL_RUPIAH: "tool_bold_rupiah",
    Style.LABEL: "label",
    Style.NOTE: "note",
    Style.LINK: "link",
}


INPUT_CACHE = 4096


class Placement:
    """Where a table landed: its columns' letters and its rows' 1-based numbers."""

    __slots__ = ("body_first", "body_last", "letters", "rows")

    def __init__(self, letters: dict[str, str], rows: dict[Hashable, int], first: int, last: int):
        self.letters = letters
        self.rows = rows
        self.body_first = first
        self.body_last = last


class Renderer:
    def __init__(self, book: Book) -> None:
        self.book = book
        self.placed: dict[str, Placement] = {}
        self.current: str | None = None
        """The table being written: references into it need no sheet name."""
        self._functions: dict[str, object] = {}
        self._shapes: dict[int, tuple[Shape, str]] = {}
        """The formula template of each shape of the table being written (by its id)."""
        self._row_values: tuple | None = None
        self._row_texts: list | None = None
        """The resolved slot values of the row being written."""
        self._inputs: dict[tuple[str, str], str] = {}
        """Input cells by (sheet, A1) as formula text: one cell is named by several formulas
        of a row. Emptied whenever it holds INPUT_CACHE references."""
        self._formats = {style: book.fmt[name] for style, name in STYLE_FORMATS.items()}
        self._formats[Style.FRACTION] = book.custom("tool", "0.00%")

    # --- references ---------------------------------------------------------------------------

    def place(self, table: Table, columns: list[Column]) -> Placement:
        first = FORM_FIRST if table.layout is Layout.FORM else FIRST_DATA
        rows: dict[Hashable, int] = {}
        body_last = None
        for i, row in enumerate(table.rows):
            if row.key in rows:
                raise ValueError(f"{table.name}: row key {row.key!r} twice")
            rows[row.key] = first + i + 1
            if row.total and body_last is None:
                body_last = first + i
        if body_last is None:
            body_last = first + len(table.rows)
        letters = {column.key: xl_col_to_name(i) for i, column in enumerate(columns)}
        placement = Placement(letters, rows, first + 1, body_last)
        self.placed[table.name] = placement
        return placement

    def formula(self, expr: Expr, row: int = 0) -> str:
        """The formula text (without `=`) of an expression; `row` (1-based) is where it is
        written, which a `Filled` shape's `Here` names."""
        if type(expr) is Filled:
            return self._filled(expr, row)
        text = self._resolve(expr)
        assert isinstance(text, str), expr
        return text

    def _filled(self, expr: Filled, row: int) -> str:
        if row < 1:
            raise ValueError(f"{expr!r} needs the row it is written on")
        shape = expr.shape
        made = self._shapes.get(id(shape))
        if made is None:  # kept with its shape, so that the id is not reused meanwhile
            made = self._shapes[id(shape)] = (shape, self._template(shape))
        values = expr.values
        if values is not self._row_values:  # the cells of a row share their values
            texts = [self._resolve(value) for value in values]
            if None in texts:
                raise ValueError(f"a slot value names no cell: {values!r}")
            self._row_values, self._row_texts = values, texts
        return made[1].format(row, *self._row_texts)

    def _template(self, shape: Shape) -> str:
        """The shape's formula text as a `str.format` template: `{0}` the row number, `{1}`...
        the slot values."""
        text = self._resolve(shape.expr)
        if not isinstance(text, str):
            raise ValueError(f"a shape that names no cell: {shape!r}")
        text = text.replace("{", "{{").replace("}", "}}")
        return _MARK.sub(lambda m: "{0}" if m[1] == "R" else f"{{{int(m[1]) + 1}}}", text)

    def begin(self, name: str | None) -> None:
        """Start writing table `name` (None: an input sheet): references into it need no sheet
        name, and a shape's `Here` names its columns."""
        self.current = name
        self._shapes.clear()
        self._row_values = self._row_texts = None

    def _resolve(self, expr: Expr) -> str | None:
        kind = type(expr)
        if kind is Ref:
            where = self._placement(expr.table)
            if expr.table == self.current:  # on its own sheet: no sheet name, shorter formulas
                return X.local_ref(where.letters[expr.col], where.rows[expr.row])
            return X.cell_ref(expr.table, where.letters[expr.col], where.rows[expr.row])
        if kind is Call:
            fn = self._functions.get(expr.fn)
            if fn is None:
                fn = self._functions[expr.fn] = getattr(X, expr.fn)
            args = []
            for arg in expr.args:
                kind = type(arg)
                if kind is tuple:  # a list of cells or areas; an empty area drops out
                    items = [self._resolve(a) for a in arg]
                    args.append([item for item in items if item is not None])
                elif kind in _EXPRESSION_TYPES:
                    args.append(self._resolve(arg))
                else:
                    args.append(arg)  # a parameter of the rule itself (a bound, a flag)
            return fn(*args, **dict(expr.options)) if expr.options else fn(*args)
        if kind is Input:
            key = (expr.sheet, expr.cell)
            text = self._inputs.get(key)
            if text is None:
                if len(self._inputs) >= INPUT_CACHE:
                    self._inputs.clear()  # reuse is within a row or a table's few rows
                text = self._inputs[key] = X.ref(expr.sheet, expr.cell)
            return text
        if kind is Span:
            where = self._placement(expr.table)
            first = where.body_first if expr.first is None else where.rows[expr.first]
            last = where.body_last if expr.last is None else where.rows[expr.last]
            if last < first:
                return None
            if expr.table == self.current:
                return X.local_area(where.letters[expr.col], first, last)
            return X.column_area(expr.table, where.letters[expr.col], first, last)
        if kind is Slot:
            return f"\x00{expr.index}\x01"
        if kind is Here:
            if self.current is None:
                raise ValueError(f"{expr!r} outside a table")
            return X.local_ref(self.placed[self.current].letters[expr.col], _ROW_MARK)
        if kind is Text:
            return X.text(expr.value)
        if kind is Num:
            return X.number(expr.value)
        if kind is Blank:
            return X.BLANK
        if kind is Criterion:
            return X.criteria(expr.value)
        if kind is InputSpan:
            return X.column_area(expr.sheet, expr.column, expr.first, expr.last)
        raise TypeError(f"not an expression: {expr!r}")

    def _placement(self, table: str) -> Placement:
        try:
            return self.placed[table]
        except KeyError:
            raise RuntimeError(f"{table} is referred to before it is written") from None

    # --- writing ------------------------------------------------------------------------------

    def style(self, style: Style) -> object:
        return self._formats[style]

    def live(self, ws, row: int, col: int, expr: Expr, value: object, style: Style) -> None:
        """A formula cell at a 0-based (row, col) whose cached result is `value`."""
        self.book.formula(ws, row, col, self.formula(expr, row + 1), value, self._formats[style])

    def cell(self, ws, row: int, col: int, cell: Cell) -> None:
        fmt = self._formats[cell.style]
        if cell.expr is not None:
            self.book.formula(ws, row, col, self.formula(cell.expr, row + 1), cell.value, fmt)
        elif cell.link is not None:
            ws.write_url(row, col, f"internal:{X.quote_sheet(cell.link)}!A1", fmt, cell.value)
        elif isinstance(cell.value, str):
            ws.write_string(row, col, cell.value, fmt)
        elif cell.value is not None:
            self.book.value(ws, row, col, cell.value, fmt)

    def table(self, ws: OrderedSheet, table: Table, columns: list[Column], subtitle: str) -> None:
        """Write `table` on `ws` (created empty, in the book's order) with `columns` in the order
        given, then finish the sheet."""
        f = self.book.fmt
        placement = self.place(table, columns)
        self.begin(table.name)
        keys = [column.key for column in columns]
        ws.write_string(0, 0, table.title, f["title"])
        if table.layout is Layout.FORM:
            ws.write_string(1, 0, table.note, f["subtitle"])
            for col, column in enumerate(columns):
                ws.set_column(col, col, column.width)
            first = FORM_FIRST
        else:
            # across the table and wrapped: a line running past it would widen the printed
            # page, and the table would be shrunk to fit
            width = sum(column.width for column in columns)
            banner(ws, 1, subtitle, f["subtitle_wrap"], len(columns) - 1, width)
            banner(ws, 2, table.note, f["note_wrap"], len(columns) - 1, width)
            ws.set_row(HEADER_ROW, heading_height(columns))
            for col, column in enumerate(columns):
                ws.write_string(HEADER_ROW, col, column.heading, f["header"])
                ws.set_column(col, col, column.width)
            for col in range(len(columns)):
                ws.write_string(NUMBER_ROW, col, f"({col + 1})", f["number_row"])
            ws.freeze_panes(FIRST_DATA, 0)
            if table.source:
                ws.closing = (
                    f"Sumber data: {table.source}.",
                    f["note_wrap"],
                    len(columns) - 1,
                    width,
                )
            first = FIRST_DATA
        grid = table.layout is Layout.GRID
        for i, row in enumerate(table.rows):
            cells = row.cells
            for col, key in enumerate(keys):
                item = cells.get(key)
                if item is not None:
                    self.cell(ws, first + i, col, item)
                elif grid and (row.total or row.heading):  # every cell has its border
                    ws.write_blank(first + i, col, None, f["cell"])
                elif grid:
                    ws.write_string(first + i, col, NOT_APPLICABLE, f["cell_center"])
        for number, chart in enumerate(table.charts):
            self._chart(ws, table, placement, chart, len(columns) + 1, number)
        if len(table.charts) > 1:  # each further chart starts a printed page: none is split
            ws.set_h_pagebreaks([FIRST_DATA + n * CHART_ROWS for n in range(1, len(table.charts))])
        repeat = None if table.layout is Layout.FORM else (HEADER_ROW, NUMBER_ROW)
        page_setup(ws, repeat_rows=repeat, footer=self.book.footer)
        ws.finish()
        self.begin(None)

    def _chart(self, ws, table: Table, where: Placement, chart: Chart, col: int, n: int) -> None:
        first, last = where.rows[chart.first], where.rows[chart.last]

        def area(key: str) -> str:
            return "=" + X.column_area(table.name, where.letters[key], first, last)

        wb = self.book.wb
        name, key = chart.series[0]
        axis = dict(chart.axis)
        bars = last - first + 1
        if chart.kind == "bar":
            out = bar_chart(wb, name, chart.title, area(chart.categories), area(key), axis, bars)
        else:
            out = wb.add_chart({"type": chart.kind})
            out.add_series(
                {
                    "name": name,
                    "categories": area(chart.categories),
                    "values": area(key),
                    "data_labels": value_labels(bars),
                }
            )
            if chart.reference is not None:
                line = wb.add_chart({"type": "line"})
                line.add_series(
                    {
                        "name": chart.reference[0],
                        "categories": area(chart.categories),
                        "values": area(chart.reference[1]),
                        "line": {"color": "#C00000", "dash_type": "dash"},
                        "marker": {"type": "none"},
                    }
                )
                out.combine(line)
            out.set_title({"name": chart.title})
            out.set_y_axis(axis)
            out.set_legend({"position": "bottom"})
        # below the heading rows, which are repeated on every page (and would repeat the chart)
        anchor = xl_col_to_name(col) + str(FIRST_DATA + 1 + n * CHART_ROWS)
        ws.insert_chart(anchor, out, {"x_scale": 1.4, "y_scale": 1.0, "y_offset": 10})


def banner(ws, row: int, text: str, fmt, last: int, width: float) -> None:
    """A line of text over a table's columns 0..`last` (merged, wrapped, as tall as it
    needs), so the printed page is as wide as the table."""
    if last < 1 or not text:
        ws.write_string(row, 0, text, fmt)
        return
    height = row_height([(text, width)])
    if height > LINE_HEIGHT:
        ws.set_row(row, height)
    ws.merge_range(row, 0, row, last, text, fmt)


def heading_height(columns: list[Column]) -> float:
    """The heading row's height: three lines at least, more for a heading that needs them
    (`Capaian s.d. TW3 thd target tahunan (%)` in a narrow column)."""
    return row_height([(c.heading, c.width) for c in columns], least=HEADER_HEIGHT)


CHART_ROWS = 18
"""Rows between the top of one chart and the next (a chart 1.0 high is about 14.4 rows)."""

_ROW_MARK = "\x00R\x01"
_MARK = re.compile("\x00(R|[0-9]+)\x01")
"""Where a shape's row number and slot values go in its text, until it becomes a template."""

EXPRESSIONS = (Ref, Span, Input, InputSpan, Text, Criterion, Num, Blank, Call, Here, Slot)
_EXPRESSION_TYPES = frozenset(EXPRESSIONS)
