"""The Notes model tells its view only what changed: rows inserted, removed or changed, not a reset."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.store import Annotation
from desktop.ui.notes_model import ID_ROLE, RESET_ROWS, NotesFilterModel, NotesModel


def note(annotation_id: int, start: int, text: str = "", detached: bool = False) -> Annotation:
    return Annotation(
        id=annotation_id, document_id=1, document_sha256="0" * 64, start=start, end=start + 5,
        exact=f"words{annotation_id}", prefix="", suffix="", note=text, detached=detached,
    )  # fmt: skip


class Signals:
    """What a model told its views, in order."""

    def __init__(self, model: NotesModel) -> None:
        self.seen: list[tuple] = []
        model.modelReset.connect(lambda: self.seen.append(("reset",)))
        model.rowsInserted.connect(lambda _p, first, last: self.seen.append(("inserted", first, last)))
        model.rowsRemoved.connect(lambda _p, first, last: self.seen.append(("removed", first, last)))
        model.dataChanged.connect(lambda a, b, _roles: self.seen.append(("changed", a.row(), b.row())))


def ids(model: NotesModel) -> list[int]:
    return [a.id for a in model.rows]


@pytest.fixture
def model(qapp):
    model = NotesModel()
    model.set_annotations([note(1, 10), note(2, 50), note(3, 90)])
    return model


def test_rows_are_in_reading_order_with_detached_ones_last(qapp):
    model = NotesModel()
    model.set_annotations([note(4, 5, detached=True), note(3, 90), note(1, 10), note(2, 50)])
    assert ids(model) == [1, 2, 3, 4]


def test_a_new_highlight_is_one_inserted_row_in_its_place(model):
    signals = Signals(model)
    model.set_annotations([*model.rows, note(7, 60)])
    assert signals.seen == [("inserted", 2, 2)]
    assert ids(model) == [1, 2, 7, 3]


def test_a_deleted_highlight_is_one_removed_row(model):
    signals = Signals(model)
    model.set_annotations([a for a in model.rows if a.id != 2])
    assert signals.seen == [("removed", 1, 1)]
    assert ids(model) == [1, 3]


def test_an_edited_note_is_one_changed_row_with_its_new_text(model):
    signals = Signals(model)
    edited = replace(model.rows[2], note="Check the source.")
    model.set_annotations([*model.rows[:2], edited])
    assert signals.seen == [("changed", 2, 2)]
    assert model.index(2, 1).data() == "Check the source."


def test_a_stored_highlight_replaces_its_provisional_row(model):
    signals = Signals(model)
    model.set_annotations([*model.rows, note(-1, 120)])
    stored = [*model.rows[:3], note(9, 120)]  # the library gave it its id
    model.set_annotations(stored)
    assert signals.seen == [("inserted", 3, 3), ("changed", 3, 3)]
    assert ids(model) == [1, 2, 3, 9]


def test_the_same_list_again_tells_the_view_nothing(model):
    signals = Signals(model)
    model.set_annotations(list(model.rows))
    assert signals.seen == []


def test_another_article_is_one_reset(model):
    signals = Signals(model)
    others = [note(100 + i, i * 10) for i in range(RESET_ROWS + 5)]
    model.set_annotations([note(1, 10)])
    model.set_annotations(others)
    assert signals.seen[-1] == ("reset",)
    assert ids(model) == [a.id for a in others]


def test_the_filter_keeps_reading_order_after_changes(model):
    proxy = NotesFilterModel()
    proxy.setSourceModel(model)
    model.set_annotations([*model.rows, note(5, 30, "checked"), note(6, 70, "checked")])
    proxy.setFilterFixedString("checked")
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == [5, 6]
    model.set_annotations([note(8, 80, "checked"), *model.rows])
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == [5, 6, 8]
