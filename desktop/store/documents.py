"""Documents and their versions: a document is its content, and nothing overwrites a stored article.

`remember_document` finds the document a text belongs to:
1. the same text (sha256) already in the library, preferably under the same path: that document;
2. else, for a file, the document last seen under its path: when the new text is an edit of it
   (revisions.is_same_article) its current text is kept as an earlier version, the new text becomes
   current and its annotations are re-anchored (those that cannot be placed are kept, detached);
   when it is a different article, it is a new document and the old one stays exactly as it was;
3. else a new document. A pasted text (no path) is a document too, found by its content.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desktop.store.analyses import Analyses, latest_analysis_in
from desktop.store.anchoring import quote_selector, reanchor
from desktop.store.connection import now
from desktop.store.errors import LibraryError
from desktop.store.indexing import drop_analysis_index, index_analysis, index_text
from desktop.store.records import Annotation, StoredDocument, auto_key, parse_auto_key
from desktop.store.revisions import is_same_article

if TYPE_CHECKING:
    # Only for annotations: importing the documents package would pull in every format loader.
    from desktop.documents.model import Document

_ANNOTATION_POSITION = 'id, start, "end", exact, prefix, suffix, auto_key'
_DOCUMENT_COLUMNS = (
    "id, path, sha256, title, format, first_opened, last_opened, metadata, pages, "
    "(SELECT count(*) FROM document_versions v WHERE v.document_id = documents.id) + 1"
)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def published_date(metadata: dict[str, str]) -> str | None:
    """The article's date as YYYY-MM-DD when its metadata gives one (trafilatura writes ISO dates)."""
    match = _DATE.search(metadata.get("date", "") or "")
    return "-".join(match.groups()) if match else None


class Documents(Analyses):
    def remember_document(self, document: Document, *, source_sha256: str | None = None) -> StoredDocument:
        """Record that the document was opened (see the module docstring for which document it is).

        Returns the document as stored; after an edit of the file, `reanchored` and `detached` count
        its annotations moved to the new text and kept detached. `source_sha256`: the file's bytes, so an
        import skips a file it has seen without reading it.
        """
        with self._writing() as db:
            return self._remember(db, document, source_sha256)

    def add_analysed(
        self, document: Document, analysis: Any, payload: str, *, source_sha256: str | None = None
    ) -> StoredDocument:
        """Remember a document and cache its analysis (serialised as `payload`) in one transaction (import)."""
        with self._writing() as db:
            stored = self._remember(db, document, source_sha256)
            self._save_analysis(db, document.sha256, analysis, payload)
            return stored

    def _remember(self, db: Database, document: Document, source_sha256: str | None = None) -> StoredDocument:
        stamp = now()
        row, relation = self._match(db, document)
        if relation == "same":
            db.execute(
                "UPDATE documents SET title = ?, format = ?, last_opened = ?, metadata = ?, pages = ?, "
                "published = ?, source_sha256 = coalesce(source_sha256, ?) WHERE id = ?",
                [document.title, document.format, stamp, *_file_facts(document), source_sha256, row["id"]],
            )
            return self.stored_document(row["id"], db=db)
        if relation == "edit":
            return self._new_version(db, row, document, source_sha256, stamp)
        _keep_text(db, document)
        document_id = db.execute(
            "INSERT INTO documents (path, sha256, title, format, first_opened, last_opened, metadata, pages, "
            "published, source_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [document.path, document.sha256, document.title, document.format, stamp, stamp,
             *_file_facts(document), source_sha256],
        ).lastrowid  # fmt: skip
        self._index_document(db, document_id, document)
        stored = self.stored_document(document_id, db=db)
        if relation == "different":
            return _with(stored, supersedes=row["id"])
        return stored

    def _new_version(
        self, db: Database, row: dict[str, Any], document: Document, source_sha256: str | None, stamp: str
    ) -> StoredDocument:
        """The file was edited: keep its text as an earlier version, move the annotations to the new one."""
        db.execute(
            "INSERT INTO document_versions (document_id, sha256, source_sha256, title, format, metadata, pages, "
            "first_opened, replaced) SELECT id, sha256, source_sha256, title, format, metadata, pages, "
            "first_opened, ? FROM documents WHERE id = ?",
            [stamp, row["id"]],
        )
        moved, detached = self._reanchor_all(db, row["id"], document)
        _keep_text(db, document)
        db.execute(
            "UPDATE documents SET sha256 = ?, title = ?, format = ?, last_opened = ?, metadata = ?, "
            "pages = ?, published = ?, source_sha256 = ? WHERE id = ?",
            [document.sha256, document.title, document.format, stamp, *_file_facts(document),
             source_sha256, row["id"]],
        )  # fmt: skip
        drop_analysis_index(db, row["id"])
        self._index_document(db, row["id"], document)
        stored = self.stored_document(row["id"], db=db)
        return _with(stored, reanchored=moved, detached=detached, new_version=True)

    def _index_document(self, db: Database, document_id: int, document: Document) -> None:
        index_text(db, document_id, document.text)
        analysis = latest_analysis_in(db, document.sha256)
        if analysis is not None:
            index_analysis(db, document_id, analysis)

    def _reanchor_all(self, db: Database, document_id: int, document: Document) -> tuple[int, int]:
        moved = detached = 0
        rows = db.execute(
            f"SELECT {_ANNOTATION_POSITION} FROM annotations WHERE document_id = ?", [document_id]
        ).fetchall()
        for id_, start, end, exact, prefix, suffix, key in rows:
            selector = Annotation(id_, document_id, "", start, end, exact, prefix, suffix)
            placed = reanchor(selector, document.text)
            if placed is None:
                detached += 1
                # The selector is left as it was: it may still match if the text comes back.
                db.execute("UPDATE annotations SET detached = 1 WHERE id = ?", [id_])
                continue
            moved += 1
            new_start, new_end = placed
            new_exact, new_prefix, new_suffix = quote_selector(document.text, new_start, new_end)
            if key is not None:
                key = auto_key(parse_auto_key(key)[0], new_start, new_end)
            db.execute(
                'UPDATE annotations SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, detached = 0, '
                "document_sha256 = ?, auto_key = ? WHERE id = ?",
                [new_start, new_end, new_exact, new_prefix, new_suffix, document.sha256, key, id_],
            )
        return moved, detached

    def _match(self, db: Database, document: Document) -> tuple[dict[str, Any] | None, str]:
        """(row, "same" | "edit" | "different" | "new") for the document this text belongs to."""
        same = next(
            db.query(
                "SELECT id, sha256 FROM documents WHERE sha256 = ? AND removed IS NULL "
                "ORDER BY (path IS ?) DESC, id DESC LIMIT 1",
                [document.sha256, document.path],
            ),
            None,
        )
        if same is not None:
            return same, "same"
        if document.path is None:
            return None, "new"
        at_path = next(
            db.query(
                "SELECT d.id, d.sha256, t.text FROM documents d JOIN texts t ON t.sha256 = d.sha256 "
                "WHERE d.path = ? AND d.removed IS NULL ORDER BY d.id DESC LIMIT 1",
                [document.path],
            ),
            None,
        )
        if at_path is None:
            return None, "new"
        return at_path, "edit" if is_same_article(at_path["text"], document.text) else "different"

    def _ensure_document(self, db: Database, document: Document) -> int:
        row, relation = self._match(db, document)
        if relation == "same":
            return row["id"]
        return self._remember(db, document).id

    def documents(self) -> list[StoredDocument]:
        """Every document in the library (not those removed), oldest first."""
        with self._reading() as db:
            rows = db.execute(
                f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE removed IS NULL ORDER BY id"
            ).fetchall()
            return [_stored(r) for r in rows]

    def stored_document(self, document_id: int, *, db: Database | None = None) -> StoredDocument:
        """One document with its metadata and page map (see StoredDocument)."""
        if db is None:
            with self._reading() as reading:
                return self.stored_document(document_id, db=reading)
        row = db.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", [document_id]).fetchone()
        if row is None:
            raise LibraryError(f"No document {document_id} in the library {self.path}.", self.path)
        return _stored(row)

    def page_map(self, document_id: int) -> tuple[tuple[int, ...], dict[str, str]]:
        """(pages, metadata) of a stored document: where each page starts in its text (empty for a text
        without pages), and its file's metadata (site, author, date, url)."""
        stored = self.stored_document(document_id)
        return stored.pages, stored.metadata

    def load_document(self, document_id: int) -> Document:
        """The stored document's current version as a Document, as it was when the library saw it."""
        from desktop.documents.model import Document

        with self._reading() as db:
            row = db.execute(
                "SELECT t.text, d.title, d.format, d.path, d.sha256, d.metadata, d.pages FROM documents d "
                "JOIN texts t ON t.sha256 = d.sha256 WHERE d.id = ?",
                [document_id],
            ).fetchone()
        if row is None:
            raise LibraryError(f"No document {document_id} in the library {self.path}.", self.path)
        text, title, fmt, path, sha256, metadata, pages = row
        return Document(text, title, fmt or "txt", path, sha256, _json(metadata, {}), tuple(_json(pages, [])))

    def document_versions(self, document_id: int) -> list[tuple[str, str | None, str, str]]:
        """(sha256, title, first_opened, replaced) of each earlier version, oldest first."""
        with self._reading() as db:
            return [
                tuple(r)
                for r in db.execute(
                    "SELECT sha256, title, first_opened, replaced FROM document_versions WHERE document_id = ? "
                    "ORDER BY id",
                    [document_id],
                ).fetchall()
            ]

    def version_text(self, sha256: str) -> str | None:
        """The text of a version (current or earlier) with this sha256, or None."""
        with self._reading() as db:
            row = db.execute("SELECT text FROM texts WHERE sha256 = ?", [sha256]).fetchone()
        return row[0] if row else None

    def has_content(self, *, sha256: str | None = None, source_sha256: str | None = None) -> bool:
        """Whether a text (sha256) or a file's bytes (source_sha256) is in the library, in any version."""
        column, value = ("sha256", sha256) if sha256 is not None else ("source_sha256", source_sha256)
        with self._reading() as db:
            row = db.execute(
                f"SELECT 1 FROM documents WHERE {column} = ? AND removed IS NULL UNION ALL "
                f"SELECT 1 FROM document_versions v JOIN documents d ON d.id = v.document_id "
                f"WHERE v.{column} = ? AND d.removed IS NULL LIMIT 1",
                [value, value],
            ).fetchone()
        return row is not None

    def find_documents(self, key: Document | Path | str) -> list[int]:
        """Ids of the documents a key names: a Document, a path (Path or str), or a 64-hex sha256."""
        with self._reading() as db:
            if not isinstance(key, str | Path):
                row, relation = self._match(db, key)
                return [row["id"]] if relation in ("same", "edit") else []
            if isinstance(key, str) and len(key) == 64 and all(c in "0123456789abcdef" for c in key):
                rows = db.execute(
                    "SELECT id FROM documents WHERE sha256 = ? AND removed IS NULL ORDER BY id", [key]
                )
            else:
                rows = db.execute(
                    "SELECT id FROM documents WHERE path = ? AND removed IS NULL ORDER BY id", [str(key)]
                )
            return [r[0] for r in rows.fetchall()]

    def document_text(self, document_id: int) -> tuple[str, str]:
        """(sha256, text) of the text the library last saw for this document."""
        with self._reading() as db:
            row = db.execute(
                "SELECT d.sha256, t.text FROM documents d JOIN texts t ON t.sha256 = d.sha256 WHERE d.id = ?",
                [document_id],
            ).fetchone()
        if row is None:
            raise LibraryError(f"No document {document_id} in the library {self.path}.", self.path)
        return row[0], row[1]


def _keep_text(db: Database, document: Document) -> None:
    db.execute("INSERT OR IGNORE INTO texts (sha256, text) VALUES (?, ?)", [document.sha256, document.text])


def _file_facts(document: Document) -> list[Any]:
    metadata = dict(getattr(document, "metadata", {}) or {})
    pages = list(getattr(document, "pages", ()) or ())
    return [json.dumps(metadata, ensure_ascii=False), json.dumps(pages), published_date(metadata)]


def _json(value: str | None, default: Any) -> Any:
    try:
        return json.loads(value) if value else default
    except ValueError:
        return default


def _stored(row: tuple) -> StoredDocument:
    id_, path, sha, title, fmt, first, last, metadata, pages, versions = row
    return StoredDocument(
        id_, path, sha, title, fmt, first, last, metadata=_json(metadata, {}), pages=tuple(_json(pages, [])),
        versions=versions,
    )  # fmt: skip


def _with(stored: StoredDocument, **changes: Any) -> StoredDocument:
    return replace(stored, **changes)
