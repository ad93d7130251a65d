"""The reader's library in SQLite (via sqlite-utils): the only package that touches the database.

For the UI:
    library = open_library(default_db_path())          # LibraryError subclasses say what is wrong;
                                                       # offer open_library(fresh_library_path(path))
    library.notice                                     # why it is read-only, or None
    stored = library.remember_document(document)       # the document this text is (documents.py): an edit
                                                       # keeps the earlier version and re-anchors the notes;
                                                       # a different article under the same path is new
    library.page_map(stored.id)                        # (pages, metadata) of a stored document
    library.catalogue()                                # the Library view's rows (CatalogueEntry)
    library.remove_documents(ids); library.restore_documents(ids); library.purge_removed()
    analysis = library.cached_analysis(sha256, model_name, engine_version)   # or None
    library.save_analysis(sha256, analysis)
    shown = apply_corrections(analysis, library.annotations_for(document))
    note = library.add_annotation(document, start, end, category=..., note=..., tags=..., color=...)
    library.update_note(note.id, text) / update_tags / update_category / update_annotation(id, **fields)
    library.set_verdict(document, "quote", start, end, "corrected", speaker="Olaf Scholz")
    gone = library.delete_annotation(note.id); library.restore_annotation(gone)     # undo / redo
Every call commits before it returns. See connection.py for threads; library.py for the modules.
"""

from __future__ import annotations

from desktop.store.anchoring import reanchor
from desktop.store.corrections import apply_corrections
from desktop.store.errors import (
    AnnotationNotFoundError,
    CorruptLibraryError,
    LibraryError,
    LibraryLockedError,
    MissingLibraryError,
    NewerLibraryError,
    NotALibraryError,
    ReadOnlyLibraryError,
)
from desktop.store.library import Library, fresh_library_path, open_library
from desktop.store.records import Annotation, CatalogueEntry, StoredDocument, auto_key

__all__ = [
    "Annotation",
    "AnnotationNotFoundError",
    "CatalogueEntry",
    "CorruptLibraryError",
    "Library",
    "LibraryError",
    "LibraryLockedError",
    "MissingLibraryError",
    "NewerLibraryError",
    "NotALibraryError",
    "ReadOnlyLibraryError",
    "StoredDocument",
    "apply_corrections",
    "auto_key",
    "fresh_library_path",
    "open_library",
    "reanchor",
]
