"""The People panel: everyone quoted or named in the library, and what the chosen one said.

The upper list (name, kind, articles, quotes; filter box; sortable) comes from `library.people()`;
choosing a row asks for that person's quotes and number claims, listed below newest first with their
article and date. Versions of one statement are marked with the same number. A click on a statement
asks to open its article there. Both lists load on the store worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.store.records import Person, Statement
from desktop.ui.library_model import SourceSortingProxy

_Index = QModelIndex | QPersistentModelIndex
PERSON_ROLE = Qt.ItemDataRole.UserRole + 20
TARGET_ROLE = Qt.ItemDataRole.UserRole + 21
PEOPLE_COLUMNS = ("Name", "Kind", "Articles", "Quotes")
STATEMENT_COLUMNS = ("Date", "Said", "Article")
_KINDS = {"person": "Person", "organization": "Organisation"}


class PeopleModel(QAbstractTableModel):
    """Everyone in the library (`people`); `rows` are those the filter keeps, in the sorted order. Like
    the Library view's model it filters and sorts itself, in Python, once per change."""

    _KEYS = (lambda p: p.name.casefold(), lambda p: p.kind, lambda p: p.articles, lambda p: p.quotes)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.people: list[Person] = []
        self.rows: list[Person] = []
        self.words: list[str] = []
        self.sort_column, self.sort_order = 3, Qt.SortOrder.DescendingOrder

    def set_people(self, people: Sequence[Person]) -> None:
        self.people = list(people)
        self._rebuild()

    def set_words(self, text: str) -> None:
        self.words = text.casefold().split()
        self._rebuild()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(PEOPLE_COLUMNS):
            self.sort_column, self.sort_order = column, order
            self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        words = self.words
        rows = [p for p in self.people if all(w in " ".join(p.names).casefold() for w in words)] if words else list(self.people)
        rows.sort(key=lambda p: p.name.casefold())
        rows.sort(key=self._KEYS[self.sort_column], reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(PEOPLE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return PEOPLE_COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (person.name, _KINDS.get(person.kind, person.kind), str(person.articles), str(person.quotes or ""))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and len(person.names) > 1:
            return "Also written: " + ", ".join(n for n in person.names if n != person.name)
        if role == PERSON_ROLE:
            return person
        return None


class PeopleFilterModel(SourceSortingProxy):
    def set_words(self, text: str) -> None:
        self.sourceModel().set_words(text)


class StatementsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Statement] = []
        self.versions: dict[int, int] = {}  # variant group -> how many versions are listed

    def set_statements(self, statements: Sequence[Statement]) -> None:
        self.beginResetModel()
        self.rows = list(statements)
        self.versions: dict[int, int] = {}
        for s in self.rows:
            if s.variant_group is not None:
                self.versions[s.variant_group] = self.versions.get(s.variant_group, 0) + 1
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(STATEMENT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return STATEMENT_COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (s.date, said(s, self.versions), s.title)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{s.text}\n\n{s.title} ({s.source}, {s.date})"
        if role == TARGET_ROLE:
            return (s.document_id, s.start, s.end)
        return None



def said(s: Statement, versions: dict[int, int]) -> str:
    text = " ".join(s.text.split())
    if s.kind == "number":
        return f"Number: {text}" + (f" ({s.unit})" if s.unit else "")
    count = versions.get(s.variant_group, 1) if s.variant_group is not None else 1
    return f"{text}  [{count} versions]" if count > 1 else text


class PeoplePanel(QWidget):
    person_chosen = Signal(object)  # Person
    statement_activated = Signal(int, int, int)  # document id, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people = PeopleModel(self)
        self.proxy = PeopleFilterModel(self)
        self.proxy.setSourceModel(self.people)
        self.statements = StatementsModel(self)
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter people and organisations")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.set_words)
        self.people_view = _table(self, self.proxy, sortable=True)
        self.people_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.people_view.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # most quoted first
        self.statements_view = _table(self, self.statements, sortable=False)
        self.statements_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.chosen_label = QLabel("Choose someone to see what they said, across the library.", self)
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setStyleSheet("color: gray")
        self.chosen: Person | None = None
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.chosen_label)
        lower_layout.addWidget(self.statements_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.people_view)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(splitter, 1)
        self.people_view.selectionModel().currentRowChanged.connect(self._on_person_changed)
        self.people_view.clicked.connect(self._on_person_clicked)
        self.statements_view.clicked.connect(self._on_statement)
        self.statements_view.activated.connect(self._on_statement)

    def set_people(self, people: Sequence[Person]) -> None:
        chosen = self.chosen
        self.people.set_people(people)
        if chosen is not None:
            self.choose(chosen.name)

    def choose(self, name: str) -> bool:
        """Select the person of that name (shown name or any merged one); False if not listed."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            person = index.data(PERSON_ROLE)
            if name == person.name or name in person.names:
                self.people_view.setCurrentIndex(index)
                self._ask(person)
                return True
        return False

    def show_statements(self, person: Person, statements: Sequence[Statement]) -> None:
        if self.chosen is None or person.name != self.chosen.name:
            return
        quotes = sum(1 for s in statements if s.kind == "quote")
        numbers = len(statements) - quotes
        self.chosen_label.setText(f"{person.name}: {quotes} quote{'s' if quotes != 1 else ''}, {numbers} number{'s' if numbers != 1 else ''} in {person.articles} article{'s' if person.articles != 1 else ''}, newest first")
        self.statements.set_statements(statements)

    def _on_person_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._ask(current.siblingAtColumn(0).data(PERSON_ROLE))

    def _on_person_clicked(self, index: QModelIndex) -> None:
        person = index.siblingAtColumn(0).data(PERSON_ROLE)
        if person is not None and (self.chosen is None or person.name != self.chosen.name):
            self._ask(person)

    def _ask(self, person: Person) -> None:
        if self.chosen is not None and person.name == self.chosen.name and self.statements.rows:
            return
        self.chosen = person
        self.chosen_label.setText(f"{person.name}: looking…")
        self.statements.set_statements(())
        self.person_chosen.emit(person)

    def _on_statement(self, index: QModelIndex) -> None:
        target = index.data(TARGET_ROLE)
        if target is not None:
            self.statement_activated.emit(*target)


def _table(parent: QWidget, model, sortable: bool) -> QTreeView:
    view = QTreeView(parent)
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(sortable)
    view.setAllColumnsShowFocus(True)
    return view
