"""The format-neutral LKIP document: tables of cells whose live figures are expressions.

A table is declared by key — its columns are keys with a heading and a width hint, its rows are
keys with a cell per column key — and a live cell holds both the value Python computed and an
expression of the rule over other cells. An expression never names a column letter or a row
number: it names (table, row key, column key), or an input cell the user typed. A renderer
decides where each table, row and column goes and turns the references into addresses (the
xlsx renderer into A1 formulas; a document renderer reads only the values). So reordering the
columns of a table, or the tables of the document, cannot break a formula.

Nothing here imports a spreadsheet, document or CLI library.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from enum import StrEnum

RUPIAH_WIDTH = 20
"""Column width that shows Rp 999.999.999.999.999 whole (a kabupaten total in trillions)."""

NOT_APPLICABLE = "-"
"""What a table shows where a figure does not apply to the row."""


class Style(StrEnum):
    """What a cell shows, for every renderer: the xlsx renderer maps each to a cell format."""

    TEXT = "text"
    CENTER = "center"
    """Short text or a row number, centred."""
    STRONG = "strong"
    """Bold text inside the table (a program's name)."""
    HEADING = "heading"
    """A group heading inside a table, without a border."""
    NUMBER = "number"
    """A measured value, two decimals."""
    COUNT = "count"
    """A whole number (18 Orang/bulan)."""
    PERCENT = "percent"
    """Percent points stored as numbers (97.75 shown as 97,75 %)."""
    RUPIAH = "rupiah"
    VERDICT = "verdict"
    """A computed word (predikat, tren, Efisien)."""
    TOTAL = "total"
    """A computed total or its label, bold."""
    TOTAL_PERCENT = "total_percent"
    TOTAL_RUPIAH = "total_rupiah"
    FRACTION = "fraction"
    """A ratio stored as a fraction (0.12), shown as a percentage (12,00%)."""
    LABEL = "label"
    """The label of a row of a form (Ringkasan)."""
    NOTE = "note"
    """An explanatory line in grey italics."""
    LINK = "link"
    """Text that leads to another sheet (`Cell.link`)."""


# --- expressions ------------------------------------------------------------------------------


@dataclass(slots=True)
class Ref:
    """One cell of a table of this document."""

    table: str
    row: Hashable
    col: str


@dataclass(slots=True)
class Span:
    """One column of a table over a run of rows: from row `first` to row `last` (keys), or the
    table's whole body (every row above its total rows) when they are None. A span over no row
    resolves to nothing, and the formula functions say what that means (usually 0)."""

    table: str
    col: str
    first: Hashable | None = None
    last: Hashable | None = None


@dataclass(slots=True)
class Input:
    """A cell of an input sheet, where the user typed it (sheet name and A1 address)."""

    sheet: str
    cell: str


@dataclass(slots=True)
class InputSpan:
    """A column of an input sheet over rows `first`..`last` (1-based, as the user sees them)."""

    sheet: str
    column: str
    first: int
    last: int


@dataclass(slots=True)
class Text:
    """A text constant."""

    value: str


@dataclass(slots=True)
class Criterion:
    """A text matched exactly by a conditional sum (no wildcards, no operators)."""

    value: str


@dataclass(slots=True)
class Num:
    """A number constant."""

    value: float


@dataclass(slots=True)
class Blank:
    """Nothing: the result of a rule whose input is missing."""


BLANK = Blank()


@dataclass(slots=True)
class Call:
    """Rule `fn` (a function of the renderer's formula module) over `args`.

    Arguments are expressions, tuples of expressions, or plain Python parameters (a bound of a
    range target, a flag) that the rule writes into its text itself."""

    fn: str
    args: tuple = ()
    options: tuple[tuple[str, object], ...] = ()


def call(fn: str, *args: object, **options: object) -> Call:
    return Call(fn, args, tuple(sorted(options.items())) if options else ())


@dataclass(slots=True)
class Here:
    """A column of the row being written, in the table being written: with `Slot`, what lets
    one expression serve every row of a table (`Shape`)."""

    col: str


@dataclass(slots=True)
class Slot:
    """The `index`-th value of the row that fills a `Shape` (`Filled.values`)."""

    index: int


class Shape:
    """An expression shared by many rows of a table, its row-specific parts left as `Here`
    and `Slot`. A kabupaten's Rencana Aksi table has 6,000 rows of 21 formulas that differ
    only in the cells they name: built once as a shape, a renderer turns the expression into
    formula text once per table and fills in each row's cells, instead of building and
    walking 126,000 expression trees."""

    __slots__ = ("expr",)

    def __init__(self, expr: Expr) -> None:
        self.expr = expr

    def __repr__(self) -> str:
        return f"Shape({self.expr!r})"


class Filled:
    """A shape with one row's values for its slots. The cells of a row share one `values`
    tuple, so a renderer resolves each of the row's cells once."""

    __slots__ = ("shape", "values")

    def __init__(self, shape: Shape, values: tuple) -> None:
        self.shape = shape
        self.values = values

    @property
    def expr(self) -> Expr:
        """The expression this row's cell stands for, slots filled in (for checks and tests;
        renderers fill the shape's text)."""
        return fill(self.shape.expr, self.values)

    def __repr__(self) -> str:
        return f"Filled({self.shape!r}, {self.values!r})"


def fill(expr, values: tuple):
    """`expr` with each `Slot` replaced by its value."""
    if isinstance(expr, Slot):
        return values[expr.index]
    if isinstance(expr, tuple):
        return tuple(fill(item, values) for item in expr)
    if isinstance(expr, Call):
        return Call(expr.fn, tuple(fill(arg, values) for arg in expr.args), expr.options)
    return expr


Expr = Ref | Span | Input | InputSpan | Text | Criterion | Num | Blank | Call | Here | Slot | Filled


# --- tables -----------------------------------------------------------------------------------


class Cell:
    """A value to show and, when the cell is live, the expression that computes it."""

    __slots__ = ("expr", "link", "style", "value")

    def __init__(
        self,
        value: object = None,
        style: Style = Style.TEXT,
        expr: Expr | None = None,
        link: str | None = None,
    ) -> None:
        self.value = value
        self.style = style
        self.expr = expr
        self.link = link

    def __repr__(self) -> str:  # for test failures
        return f"Cell({self.value!r}, {self.style}, {self.expr!r})"


class Shown(Cell):
    """A cell whose printed text is the value as typed: a grade is `B (63)`, not 63,00. Only
    the few cells that carry a grade are of this kind (a table's cells stay small)."""

    __slots__ = ("text",)

    def __init__(self, cell: Cell, text: str) -> None:
        super().__init__(cell.value, cell.style, cell.expr, cell.link)
        self.text = text


def live(expr: Expr, value: object, style: Style) -> Cell:
    """A computed cell: `value` is what `expr` gives (the cached result of a formula)."""
    return Cell(value, style, expr)


class Row:
    """A row of cells by column key. In a body row a column without a cell is one that does not
    apply to the row (a program has no output realisasi): renderers show "-" there.

    The cells may be given as a function that makes them: a kabupaten's Rencana Aksi table has
    6,000 rows of some forty expression objects each, and a renderer that writes row by row
    then holds one row's cells at a time instead of the table's (50 MB). Such cells are made
    anew on every access, so a reader takes `row.cells` once per row."""

    __slots__ = ("_cells", "heading", "key", "total")

    def __init__(
        self,
        key: Hashable,
        cells: dict[str, Cell] | Callable[[], dict[str, Cell]],
        total: bool = False,
        heading: bool = False,
    ) -> None:
        self.key = key
        self._cells = cells
        self.total = total
        """A total row closes the table: spans of the body stop above it."""
        self.heading = heading
        """A heading inside the table (a group title): blank where it has no cell."""

    @property
    def cells(self) -> dict[str, Cell]:
        cells = self._cells
        return cells if isinstance(cells, dict) else cells()


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    width: float
    """A width hint in characters."""

    @property
    def unit(self) -> str:
        """The unit the heading names: `Rp` for "Pagu (Rp)", `%` for "Serapan (%)"."""
        for unit in ("Rp", "%"):
            if f"({unit})" in self.heading:
                return unit
        return ""


class Layout(StrEnum):
    GRID = "grid"
    """Headings, a numbered column row (1) (2) …, rows, a *Sumber data* line."""
    FORM = "form"
    """Label / value / note rows without headings (Ringkasan)."""


@dataclass(frozen=True)
class Chart:
    """A chart over the rows `first`..`last` of its table: `categories` labels them, each
    series is (name, column key); `reference` adds a dashed line (a target of 100 %)."""

    kind: str  # "column" or "bar"
    title: str
    categories: str
    series: tuple[tuple[str, str], ...]
    first: Hashable
    last: Hashable
    reference: tuple[str, str] | None = None
    axis: tuple[tuple[str, object], ...] = ()


@dataclass
class Table:
    name: str
    """The table's name; the xlsx renderer names its sheet so."""
    title: str
    note: str
    columns: list[Column]
    rows: list[Row]
    source: str = ""
    """Where its figures come from (the *Sumber data* line)."""
    layout: Layout = Layout.GRID
    charts: list[Chart] = field(default_factory=list)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)
