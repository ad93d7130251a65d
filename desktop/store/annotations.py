"""Annotations: the reader's highlights and notes, and their verdicts on automatic highlights.

Every write is one committed transaction. The full-text index of notes and tags follows the table
through triggers (migrations, version 3); a verdict on a quote is carried onto the library's quote rows
(indexing.sync_quote_verdicts) in the same transaction, so search and the people view see it at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desktop.analysis.records import NUMBER_BOUNDS
from desktop.store.anchoring import quote_selector
from desktop.store.connection import now
from desktop.store.documents import Documents
from desktop.store.errors import AnnotationNotFoundError
from desktop.store.indexing import sync_quote_verdicts
from desktop.store.records import SOURCES, STATUSES, Annotation, auto_key, join_tags, normalise_tags

if TYPE_CHECKING:
    from pathlib import Path

    from desktop.documents.model import Document

# Fields a caller may change on an existing annotation; position and selector change only by re-anchoring.
EDITABLE = ("category", "label", "note", "tags", "color", "speaker", "value", "unit", "bound", "status")

ANNOTATION_COLUMNS = (
    'id, document_id, document_sha256, start, "end", exact, prefix, suffix, source, category, label, note, '
    "tags, color, speaker, value, unit, bound, status, detached, auto_key, created, modified"
)


class Annotations(Documents):
    def add_annotation(
        self,
        document: Document,
        start: int,
        end: int,
        *,
        source: str = "user",
        category: str = "highlight",
        label: str | None = None,
        note: str = "",
        tags: tuple[str, ...] | list[str] | str = (),
        color: str | None = None,
        speaker: str | None = None,
        value: float | None = None,
        unit: str | None = None,
        bound: str | None = None,
        status: str = "active",
        auto_key: str | None = None,
    ) -> Annotation:
        """Save a highlight of document.text[start:end] and return it, committed, with its new id.

        The document is remembered first if the library does not know this text yet.
        """
        if not 0 <= start < end <= len(document.text):
            raise ValueError(
                f"annotation span {start}..{end} is not inside the text (length {len(document.text)})"
            )
        _check_fields(source=source, status=status, bound=bound, value=value)
        exact, prefix, suffix = quote_selector(document.text, start, end)
        stamp = now()
        with self._writing() as db:
            document_id = self._ensure_document(db, document)
            cursor = db.execute(
                'INSERT INTO annotations (document_id, document_sha256, start, "end", exact, prefix, suffix, '
                "source, category, label, note, tags, color, speaker, value, unit, bound, status, detached, "
                "auto_key, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                [
                    document_id, document.sha256, start, end, exact, prefix, suffix, source, category, label,
                    note, join_tags(tags), color, speaker,
                    value, unit, bound, status, auto_key, stamp, stamp,
                ],
            )  # fmt: skip
            added = self._get(db, cursor.lastrowid)
            _follow_verdict(db, added)
            return added

    def set_verdict(
        self, document: Document, kind: str, start: int, end: int, status: str, **corrections: Any
    ) -> Annotation:
        """Accept, reject or correct the automatic record of `kind` at start..end (one verdict per record).

        corrections: speaker (a quote's right speaker), value / unit / bound (a number), label (an
        entity's canonical name), category (an entity's kind), note, tags.
        """
        key = auto_key(kind, start, end)
        with self._writing() as db:
            existing = self._verdict_id(db, document, key)
            if existing is not None:
                return self.update_annotation(existing, status=status, **corrections)
            fields = {"category": kind, **corrections}
            return self.add_annotation(
                document, start, end, source="auto", status=status, auto_key=key, **fields
            )

    def _verdict_id(self, db: Database, document: Document, key: str) -> int | None:
        row, relation = self._match(db, document)
        if relation != "same":
            return None
        found = db.execute(
            "SELECT id FROM annotations WHERE document_id = ? AND auto_key = ?", [row["id"], key]
        ).fetchone()
        return found[0] if found else None

    def update_annotation(self, annotation_id: int, **changes: Any) -> Annotation:
        """Change any of EDITABLE on one annotation; `modified` is stamped. Returns the new record."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}")
        _check_fields(status=changes.get("status"), bound=changes.get("bound"), value=changes.get("value"))
        if "tags" in changes:
            changes["tags"] = join_tags(changes["tags"])
        with self._writing() as db:
            self._get(db, annotation_id)
            if changes:
                sets = ", ".join(f"{name} = ?" for name in changes)
                db.execute(
                    f"UPDATE annotations SET {sets}, modified = ? WHERE id = ?",
                    [*changes.values(), now(), annotation_id],
                )
            after = self._get(db, annotation_id)
            _follow_verdict(db, after)
            return after

    def update_note(self, annotation_id: int, note: str) -> Annotation:
        return self.update_annotation(annotation_id, note=note)

    def update_tags(self, annotation_id: int, tags: tuple[str, ...] | list[str] | str) -> Annotation:
        return self.update_annotation(annotation_id, tags=tags)

    def update_category(self, annotation_id: int, category: str, color: str | None = None) -> Annotation:
        return self.update_annotation(annotation_id, category=category, color=color)

    def delete_annotation(self, annotation_id: int) -> Annotation:
        """Delete one annotation; returns it so Undo can hand it back to restore_annotation."""
        with self._writing() as db:
            gone = self._get(db, annotation_id)
            db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
            _follow_verdict(db, gone)
            return gone

    def restore_annotation(self, annotation: Annotation) -> Annotation:
        """Put a record back exactly as it was, same id (Undo of a delete or of an edit, Redo of an add)."""
        _check_fields(
            source=annotation.source, status=annotation.status, bound=annotation.bound, value=annotation.value
        )
        row = _row(annotation)
        columns = ", ".join(f'"{c}"' for c in row)
        with self._writing() as db:
            # A delete and an insert rather than INSERT OR REPLACE, whose implicit delete fires no trigger
            # and would leave the replaced note in the full-text index.
            db.execute("DELETE FROM annotations WHERE id = ?", [annotation.id])
            db.execute(
                f"INSERT INTO annotations ({columns}) VALUES ({', '.join('?' for _ in row)})", list(row.values())
            )
            restored = self._get(db, annotation.id)
            _follow_verdict(db, restored)
            return restored

    def annotation(self, annotation_id: int) -> Annotation:
        with self._reading() as db:
            return self._get(db, annotation_id)

    def annotations_for(self, key: Document | Path | str) -> list[Annotation]:
        """A document's annotations in reading order, detached ones last (they are kept, never dropped).

        key: a Document, its path (Path or str) or its sha256 (64 hex characters).
        """
        ids = self.find_documents(key)
        if not ids:
            return []
        with self._reading() as db:
            marks = ", ".join("?" for _ in ids)
            rows = db.execute(
                f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE document_id IN ({marks}) "
                'ORDER BY detached, start, "end", id',
                ids,
            )
            return [_annotation(r) for r in rows.fetchall()]

    def count_annotations(self) -> int:
        with self._reading() as db:
            return db.execute("SELECT count(*) FROM annotations").fetchone()[0]

    def _get(self, db: Database, annotation_id: int) -> Annotation:
        row = db.execute(
            f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE id = ?", [annotation_id]
        ).fetchone()
        if row is None:
            raise AnnotationNotFoundError(
                f"There is no annotation {annotation_id} in the library.", self.path
            )
        return _annotation(row)

    # ---- export ------------------------------------------------------------------------------------


def _follow_verdict(db: Database, annotation: Annotation) -> None:
    """A verdict on a quote changes who the library says spoke it (or drops the quote)."""
    if annotation.auto_key is not None and annotation.auto_key.startswith("quote:"):
        sync_quote_verdicts(db, annotation.document_id)


def _check_fields(
    *, source: str | None = None, status: str | None = None, bound: str | None = None, value: Any = None
) -> None:
    # These columns are exported without formula neutralising, so only known words and numbers go in.
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise ValueError(f"value must be a number or None, not {value!r}")
    if source is not None and source not in SOURCES:
        raise ValueError(f"source must be one of {', '.join(SOURCES)}, not {source!r}")
    if status is not None and status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    if bound is not None and bound not in NUMBER_BOUNDS:
        raise ValueError(f"bound must be one of {', '.join(NUMBER_BOUNDS)}, not {bound!r}")



def _annotation(row: tuple) -> Annotation:
    (id_, document_id, sha, start, end, exact, prefix, suffix, source, category, label, note, tags, color,
     speaker, value, unit, bound, status, detached, key, created, modified) = row  # fmt: skip
    return Annotation(
        id=id_, document_id=document_id, document_sha256=sha, start=start, end=end, exact=exact,
        prefix=prefix, suffix=suffix, source=source, category=category, label=label, note=note,
        tags=normalise_tags(tags), color=color, speaker=speaker, value=value, unit=unit, bound=bound,
        status=status, detached=bool(detached), auto_key=key, created=created, modified=modified,
    )  # fmt: skip


def _row(annotation: Annotation) -> dict[str, Any]:
    row = {name: getattr(annotation, name) for name in ANNOTATION_COLUMNS.replace('"', "").split(", ")}
    row["tags"] = join_tags(annotation.tags)
    row["detached"] = int(annotation.detached)
    return row
