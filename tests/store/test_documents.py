"""Documents are their content: a changed file keeps its earlier version; nothing overwrites an article.

The second test is the lose-work scenario of issue 12: before version 3 of the schema, a different
article saved under the same file name replaced the stored text of the first and moved its notes onto it.
"""

from __future__ import annotations

import sqlite3

from desktop.documents.model import Document

from .conftest import article

PASSAGE = "expressed deep concern about the ongoing hostile Russian activity on the Ukrainian border"


def at(path, text: str, **extra) -> Document:
    return Document.from_text(text, format="txt", path=path, **extra)


def note_on(library, document: Document, passage: str, note: str):
    start = document.text.index(passage)
    return library.add_annotation(document, start, start + len(passage), note=note)


def test_an_edit_of_the_same_article_keeps_the_earlier_version_and_moves_the_notes(library, tmp_path):
    path = tmp_path / "story.txt"
    original = at(path, article().text)
    kept = note_on(library, original, PASSAGE, "kept")
    gone_passage = original.text.split("\n\n")[-1].strip()[:60]
    lost = note_on(library, original, gone_passage, "its paragraph is cut")
    edited = at(path, "Update: a correction was added.\n\n" + original.text.replace(original.text.split("\n\n")[-1], ""))
    stored = library.remember_document(edited)
    assert stored.id == kept.document_id and stored.new_version and stored.supersedes is None
    assert (stored.reanchored, stored.detached) == (1, 1)
    assert stored.versions == 2
    [(old_sha, _title, _first, _replaced)] = library.document_versions(stored.id)
    assert old_sha == original.sha256 and library.version_text(old_sha) == original.text
    assert library.document_text(stored.id) == (edited.sha256, edited.text)
    notes = {a.note: a for a in library.annotations_for(edited)}
    assert edited.text[notes["kept"].start : notes["kept"].end] == PASSAGE and not notes["kept"].detached
    assert notes["its paragraph is cut"].detached and notes["its paragraph is cut"].id == lost.id


def test_a_different_article_under_the_same_file_name_is_a_new_document(library, tmp_path):
    path = tmp_path / "article.txt"
    first = at(path, article("rferl-johnson-putin").text)
    note = note_on(library, first, PASSAGE, "about the border")
    second = at(path, article("aljazeera-nasa-moon-landers").text)
    stored = library.remember_document(second)
    assert stored.id != note.document_id
    assert stored.supersedes == note.document_id and not stored.new_version
    # The first article is exactly as it was: its text, and its note where the reader made it.
    assert library.document_text(note.document_id) == (first.sha256, first.text)
    assert library.annotations_for(first) == [note]
    assert library.annotations_for(second) == []
    assert library.document_versions(note.document_id) == []
    assert [d.id for d in library.documents()] == [note.document_id, stored.id]
    # Opening the first text again finds the first document, with its note.
    assert library.remember_document(first).id == note.document_id


def test_the_same_content_is_one_document_and_a_pasted_text_is_a_document_too(library, tmp_path):
    text = article().text
    one = library.remember_document(at(tmp_path / "a.txt", text))
    copy = library.remember_document(at(tmp_path / "copy-of-a.txt", text))
    assert copy.id == one.id
    pasted = library.remember_document(Document.from_text("Pasted words, about a bridge that opens in May.", format="txt"))
    assert pasted.path is None and pasted.id != one.id
    assert library.remember_document(Document.from_text("Pasted words, about a bridge that opens in May.", format="txt")).id == pasted.id
    assert library.has_content(sha256=pasted.sha256)


def test_metadata_and_the_page_map_are_kept_per_document(library, tmp_path):
    text = "First page of the report.\n\nSecond page, with the figures.\n\nThird page."
    metadata = {"site": "Example News", "author": "A. Writer", "date": "2024-03-05", "url": "https://example.org/a"}
    document = at(tmp_path / "report.txt", text, metadata=metadata, pages=(0, 27, 59))
    stored = library.remember_document(document)
    assert stored.metadata == metadata and stored.pages == (0, 27, 59)
    assert library.page_map(stored.id) == ((0, 27, 59), metadata)
    loaded = library.load_document(stored.id)
    assert (loaded.text, loaded.pages, loaded.metadata, loaded.sha256) == (text, (0, 27, 59), metadata, document.sha256)
    assert loaded.page_at(30) == 2
    [entry] = library.catalogue()
    assert (entry.source, entry.published, entry.words) == ("Example News", "2024-03-05", len(text.split()))


def test_texts_are_stored_once_by_content(library, db_path, tmp_path):
    text = article().text
    library.remember_document(at(tmp_path / "a.txt", text))
    library.remember_document(at(tmp_path / "b.txt", text))
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM texts").fetchone()[0] == 1
        assert "text" not in {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    finally:
        conn.close()


def test_removal_hides_an_article_until_undone_and_purging_deletes_it(library, tmp_path):
    (tmp_path / "a.txt").write_text(article("rferl-johnson-putin").text, encoding="utf-8")
    first = at(tmp_path / "a.txt", article("rferl-johnson-putin").text)
    second = at(tmp_path / "b.txt", article("latimes-disney-plus-mayer").text)
    note = note_on(library, first, PASSAGE, "mine")
    other = library.remember_document(second)
    assert library.remove_documents([note.document_id]) == [note.document_id]
    assert [e.id for e in library.catalogue()] == [other.id]
    assert library.find_documents(first.path) == []
    assert library.restore_documents([note.document_id]) == [note.document_id]
    assert [e.id for e in library.catalogue()] == [note.document_id, other.id]
    assert library.annotations_for(first) == [note]
    library.remove_documents([note.document_id])
    assert library.purge_removed() == 1
    assert library.count_annotations() == 0 and library.version_text(first.sha256) is None
    assert library.integrity_check() == "ok"
    # The file itself is never touched.
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == first.text
