"""The Notes and Facts lists read only the rows they show: no column measures every row of its model."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont

from desktop.store import Annotation
from desktop.ui.facts_model import FactNode, FactsModel
from desktop.ui.facts_panel import FactsPanel
from desktop.ui.notes_model import NotesModel
from desktop.ui.notes_panel import NotesPanel


def note(annotation_id: int, start: int) -> Annotation:
    return Annotation(
        id=annotation_id, document_id=1, document_sha256="0" * 64, start=start, end=start + 5,
        exact=f"words {annotation_id}", prefix="", suffix="", note=f"note {annotation_id}",
        tags=("tag", f"t{annotation_id}"),
    )  # fmt: skip


@pytest.fixture
def rows_read(monkeypatch):
    """The model rows (Notes: row numbers; Facts: nodes) whose data a view asked for."""
    seen: set = set()
    notes_data, facts_data = NotesModel.data, FactsModel.data

    def read_note(self, index, role=0):
        seen.add(index.row())
        return notes_data(self, index, role)

    def read_fact(self, index, role=0):
        seen.add(id(self.node(index)))
        return facts_data(self, index, role)

    monkeypatch.setattr(NotesModel, "data", read_note)
    monkeypatch.setattr(FactsModel, "data", read_fact)
    return seen


def test_a_new_note_reads_only_the_rows_in_view(qtbot, rows_read):
    panel = NotesPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    notes = [note(i, i * 10) for i in range(600)]
    panel.set_annotations(notes)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(10)
    rows_read.clear()
    panel.set_annotations([*notes, note(999, 5)])
    qtbot.wait(10)
    assert 0 < len(rows_read) < 60  # a 300 px list shows about 15 rows; sizing a column read all 601


def test_a_resized_facts_list_reads_only_the_rows_in_view(qtbot, rows_read):
    panel = FactsPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 300)
    root = FactNode("")
    for g in range(5):
        group = root.add(FactNode(f"Group {g}", 150, category="person"))
        for i in range(150):
            group.add(FactNode(f"Item {g}.{i}", target=(i, i + 1), category="person"))
    panel.set_tree(root)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(10)
    rows_read.clear()
    panel.resize(320, 340)
    qtbot.wait(10)
    assert 0 < len(rows_read) < 60  # sizing the count column read 755 rows at every layout


def test_the_count_and_tags_columns_follow_the_font(qtbot):
    facts, notes = FactsPanel(), NotesPanel()
    for panel in (facts, notes):
        qtbot.addWidget(panel)
    count_width = facts.tree.header().sectionSize(1)
    tags_width = notes.tree.header().sectionSize(2)
    assert count_width > facts.tree.fontMetrics().horizontalAdvance("20,723")
    assert tags_width > notes.tree.fontMetrics().horizontalAdvance("a tag, another")
    for panel in (facts, notes):
        font = QFont(panel.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        panel.setFont(font)
    assert facts.tree.header().sectionSize(1) > count_width * 1.5
    assert notes.tree.header().sectionSize(2) > tags_width * 1.5
