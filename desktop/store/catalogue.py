"""What the Library view lists: every article with its counts and tags; removal that can be undone.

Removing articles only marks them (`removed`): they leave the view, the search and the people at once,
and `restore_documents` brings them back as they were. `purge_removed` deletes them for good (the
window calls it when it closes, so Undo works until then); their files on disk are never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlite_utils import Database

from desktop.store.annotations import Annotations
from desktop.store.connection import now
from desktop.store.indexing import drop_analysis_index, drop_text_index
from desktop.store.records import CatalogueEntry, normalise_tags

# One row per document: correlated sub-queries on indexed columns, so 10,000 rows read in tens of ms.
_ENTRY_SQL = """
SELECT d.id, d.title, d.path, json_extract(d.metadata, '$.site'), d.published, d.first_opened, d.words,
       d.quote_count, d.number_count,
       (SELECT count(*) FROM annotations a WHERE a.document_id = d.id AND a.source = 'user'),
       (SELECT group_concat(a.tags, '; ') FROM annotations a WHERE a.document_id = d.id AND a.tags != ''),
       d.format, d.sha256
FROM documents d WHERE d.removed IS NULL
"""


class Catalogue(Annotations):
    def catalogue(self) -> list[CatalogueEntry]:
        """Every article in the library (not removed), in the order added."""
        with self._reading() as db:
            return [_entry(r) for r in db.execute(_ENTRY_SQL + " ORDER BY d.id").fetchall()]

    def catalogue_entries(self, document_ids: Iterable[int]) -> list[CatalogueEntry]:
        """The entries of these documents (those still in the library), for a view that updates in place."""
        ids = list(document_ids)
        if not ids:
            return []
        with self._reading() as db:
            marks = ", ".join("?" for _ in ids)
            return [_entry(r) for r in db.execute(_ENTRY_SQL + f" AND d.id IN ({marks}) ORDER BY d.id", ids)]

    def library_tags(self) -> list[str]:
        """Every tag used in the library, sorted case-insensitively."""
        with self._reading() as db:
            joined = db.execute(
                "SELECT group_concat(a.tags, '; ') FROM annotations a JOIN documents d ON d.id = a.document_id "
                "WHERE a.tags != '' AND d.removed IS NULL"
            ).fetchone()[0]
        return sorted(normalise_tags(joined or ""), key=str.casefold)

    def count_documents(self) -> int:
        with self._reading() as db:
            return db.execute("SELECT count(*) FROM documents WHERE removed IS NULL").fetchone()[0]

    def remove_documents(self, document_ids: Iterable[int]) -> list[int]:
        """Take articles out of the library (undoable with restore_documents); returns those removed."""
        ids = list(document_ids)
        with self._writing() as db:
            stamp = now()
            removed = []
            for document_id in ids:
                cursor = db.execute(
                    "UPDATE documents SET removed = ? WHERE id = ? AND removed IS NULL", [stamp, document_id]
                )
                if cursor.rowcount:
                    removed.append(document_id)
            return removed

    def restore_documents(self, document_ids: Iterable[int]) -> list[int]:
        """Undo a removal: the articles come back with their notes, versions and analyses."""
        ids = list(document_ids)
        with self._writing() as db:
            restored = []
            for document_id in ids:
                cursor = db.execute(
                    "UPDATE documents SET removed = NULL WHERE id = ? AND removed IS NOT NULL", [document_id]
                )
                if cursor.rowcount:
                    restored.append(document_id)
            return restored

    def purge_removed(self, document_ids: Iterable[int] | None = None) -> int:
        """Delete removed articles for good (all removed ones when no ids are given); returns how many."""
        with self._writing() as db:
            if document_ids is None:
                ids = [r[0] for r in db.execute("SELECT id FROM documents WHERE removed IS NOT NULL")]
            else:
                wanted = list(document_ids)
                marks = ", ".join("?" for _ in wanted) or "NULL"
                ids = [
                    r[0]
                    for r in db.execute(
                        f"SELECT id FROM documents WHERE removed IS NOT NULL AND id IN ({marks})", wanted
                    )
                ]
            for document_id in ids:
                _delete_document(db, document_id)
            if ids:
                # Texts and cached analyses that no document holds any more.
                unheld = "NOT IN (SELECT sha256 FROM documents) AND {0} NOT IN (SELECT sha256 FROM document_versions)"
                db.execute("DELETE FROM analyses WHERE document_sha256 " + unheld.format("document_sha256"))
                db.execute("DELETE FROM texts WHERE sha256 " + unheld.format("sha256"))
            return len(ids)


def _delete_document(db: Database, document_id: int) -> None:
    drop_text_index(db, document_id)
    drop_analysis_index(db, document_id)
    db.execute("DELETE FROM annotations WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM document_versions WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM documents WHERE id = ?", [document_id])


def source_name(site: str | None, path: str | None) -> str:
    """What the Source column says: the site of a web page, else the file's name."""
    if site:
        return site
    if path:
        return Path(path).name
    return "Pasted text"


def _entry(row: tuple) -> CatalogueEntry:
    (id_, title, path, site, published, added, words, quotes, numbers, notes, tags, fmt, sha) = row
    return CatalogueEntry(
        id=id_, title=title or (Path(path).name if path else "Untitled"), source=source_name(site, path),
        path=path, published=published, added=added, words=words or 0, quotes=quotes, numbers=numbers,
        notes=notes, tags=normalise_tags(tags or ""), format=fmt, sha256=sha,
    )  # fmt: skip
