"""The Facts list as a Qt item model: groups (Who said what, Numbers, Facts, People, …) with their items.

Each row knows the span to scroll to (its sentence) and, when it stands for a highlight, the record so
the Details panel can show it. Filtering is a QSortFilterProxyModel over this model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from desktop.analysis.records import Analysis
from desktop.pacing import paced
from desktop.ui import descriptions as d
from desktop.ui.highlights import entity_category
from desktop.ui.palette import colours

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1  # (start, end) of the sentence or span to show
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2  # ("entity" | "quote" | "number", index) or None
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 3
COLUMNS = ("Fact", "#")
# A news article has tens of items per group. A multi-megabyte text can have tens of thousands, and a
# Python item model that long makes every tree layout stall the window, so a group lists at most this many.
MAX_GROUP_ROWS = 1000


@dataclass(eq=False)
class FactNode:
    label: str
    count: int | None = None
    target: tuple[int, int] | None = None
    record: tuple[str, int] | None = None
    category: str | None = None
    tooltip: str | None = None
    parent: FactNode | None = None
    children: list[FactNode] = field(default_factory=list)
    row: int = 0  # position among the parent's children; kept so parent() is not a list search

    def add(self, child: FactNode) -> FactNode:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child

    def sort_children(self, key) -> None:
        self.children.sort(key=key)
        for row, child in enumerate(self.children):
            child.row = row


def build_fact_tree(analysis: Analysis, text: str) -> FactNode:
    root = FactNode("")
    _add_quotes(root, analysis)
    _add_numbers(root, analysis, text)
    _add_facts(root, analysis)
    for category, title in (("person", "People"), ("organization", "Organisations"), ("place", "Places")):
        _add_entities(root, analysis, category, title)
    for group in root.children:
        _cap(group)
    return root


def _cap(node: FactNode) -> None:
    if len(node.children) > MAX_GROUP_ROWS:
        hidden = len(node.children) - MAX_GROUP_ROWS
        del node.children[MAX_GROUP_ROWS:]
        node.add(FactNode(f"… and {hidden:,} more (the first {MAX_GROUP_ROWS:,} are listed)"))
    for child in node.children:
        _cap(child)


def _add_quotes(root: FactNode, analysis: Analysis) -> None:
    if not analysis.quotes:
        return
    # One row per statement: the pieces of a quote split by its attribution ("“A,” he said. “B.”") are one.
    firsts = [i for i, quote in enumerate(analysis.quotes) if d.statement_start(quote, i) == i]
    group = root.add(FactNode("Who said what", len(firsts), category="quote"))
    speakers: dict[str, FactNode] = {}
    for i in paced(firsts):
        quote = analysis.quotes[i]
        name = d.speaker_name(quote)
        speaker = speakers.get(name.casefold())
        if speaker is None:
            speaker = speakers[name.casefold()] = group.add(FactNode(name, 0, category="quote"))
        speaker.count += 1
        pieces = d.statement_pieces(analysis, i)
        said = d.statement_text(analysis, i)
        target = (quote.start, analysis.quotes[pieces[-1]].end)
        speaker.add(FactNode(d.shorten(said), target=target, record=("quote", i), category="quote", tooltip=said))
    group.sort_children(key=lambda n: (-(n.count or 0), n.label.casefold()))


def _add_numbers(root: FactNode, analysis: Analysis, text: str) -> None:
    if not analysis.numbers:
        return
    group = root.add(FactNode("Numbers", len(analysis.numbers), category="number"))
    for i, number in enumerate(paced(analysis.numbers)):
        cited = d.fact_citing(analysis, "number", i)
        if cited is not None:
            about, target = cited[1].text, (cited[1].start, cited[1].end)
        else:
            about, target = _sentence_around(text, number.start, number.end), (number.start, number.end)
        group.add(
            FactNode(
                f"{d.number_summary(number)} — {d.shorten(about, 70)}",
                target=target,
                record=("number", i),
                category="number",
                tooltip=about,
            )
        )


def _add_facts(root: FactNode, analysis: Analysis) -> None:
    # Quantity facts are listed under Numbers and statements under Who said what; the rest go here.
    others = [(i, f) for i, f in enumerate(analysis.facts) if not f.number_refs and not f.quote_refs]
    if not others:
        return
    group = root.add(FactNode("Facts", len(others)))
    for _i, fact in others:
        group.add(FactNode(d.shorten(fact.text), target=(fact.start, fact.end), tooltip=fact.text))


def _add_entities(root: FactNode, analysis: Analysis, category: str, title: str) -> None:
    names: dict[str, list[int]] = {}
    for i, entity in enumerate(paced(analysis.entities)):
        if entity_category(entity) == category:
            names.setdefault(d.entity_key(entity)[1], []).append(i)
    if not names:
        return
    group = root.add(FactNode(title, len(names), category=category))
    for indexes in paced(sorted(names.values(), key=lambda ix: (-len(ix), d.entity_name(analysis.entities[ix[0]]).casefold()))):
        first = analysis.entities[indexes[0]]
        role = d.role_of(analysis, indexes)
        label = d.entity_name(first) + (f" — {role}" if role else "")
        group.add(
            FactNode(label, len(indexes), target=(first.start, first.end), record=("entity", indexes[0]), category=category)
        )


def _sentence_around(text: str, start: int, end: int) -> str:
    """The line holding a span, for a number no fact cites yet (display only)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : line_end if line_end >= 0 else len(text)]


class FactsModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.root = FactNode("")
        self.dark = False

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        if self.root.children:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.root.children) - 1, 0))

    def set_tree(self, root: FactNode | None) -> None:
        self.beginResetModel()
        self.root = root or FactNode("")
        self.endResetModel()

    def node(self, index: QModelIndex | QPersistentModelIndex) -> FactNode:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self.node(parent)
        if 0 <= row < len(node.children) and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        if parent is None or parent is self.root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return node.label
            return node.count if node.count is not None else None
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and node.category and node.parent is self.root:
            return QColor(colours(node.category, self.dark).ink)
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == TARGET_ROLE:
            return node.target
        if role == RECORD_ROLE:
            return node.record
        if role == CATEGORY_ROLE:
            return node.category
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None


class FactsFilterModel(QSortFilterProxyModel):
    """Keeps rows whose label matches the filter text, with their groups (recursive filtering)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(0)
