"""The library's migrations: version -> the statements that take a library from version-1 to version.

History: a step is never edited once released; a change to the schema is a new version at the end.
schema.migrate runs them; schema.SCHEMA_VERSION is the last key.
"""

from __future__ import annotations

APPLICATION_ID = 0x46414354  # "FACT"

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            path TEXT,
            sha256 TEXT NOT NULL,
            title TEXT,
            format TEXT,
            text TEXT NOT NULL,
            first_opened TEXT NOT NULL,
            last_opened TEXT NOT NULL
        )""",
        "CREATE UNIQUE INDEX documents_path ON documents(path)",
        "CREATE INDEX documents_sha256 ON documents(sha256)",
        """CREATE TABLE analyses (
            id INTEGER PRIMARY KEY,
            document_sha256 TEXT NOT NULL,
            model TEXT NOT NULL,
            engine_version TEXT NOT NULL,
            model_version TEXT,
            payload TEXT NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (document_sha256, model, engine_version)
        )""",
        # AUTOINCREMENT so a deleted id is never handed out again: undo restores an annotation by its id.
        # No ON DELETE CASCADE: notes must never vanish because a document row went away.
        """CREATE TABLE annotations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            document_sha256 TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '',  -- "; "-joined; a tag never holds ";" (records.normalise_tags)
            color TEXT,
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        )""",
        "CREATE INDEX annotations_document ON annotations(document_id, start)",
        f"PRAGMA application_id = {APPLICATION_ID}",
    ),
    # Version 2: verdicts on automatic highlights (accept / reject / correct) live beside the reader's own.
    2: (
        "ALTER TABLE annotations ADD COLUMN source TEXT NOT NULL DEFAULT 'user'",
        "ALTER TABLE annotations ADD COLUMN category TEXT NOT NULL DEFAULT 'highlight'",
        "ALTER TABLE annotations ADD COLUMN label TEXT",
        "ALTER TABLE annotations ADD COLUMN speaker TEXT",
        "ALTER TABLE annotations ADD COLUMN value REAL",
        "ALTER TABLE annotations ADD COLUMN unit TEXT",
        "ALTER TABLE annotations ADD COLUMN bound TEXT",
        "ALTER TABLE annotations ADD COLUMN status TEXT NOT NULL DEFAULT 'active'",
        "ALTER TABLE annotations ADD COLUMN detached INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE annotations ADD COLUMN auto_key TEXT",
        "CREATE INDEX annotations_auto_key ON annotations(document_id, auto_key)",
    ),
    # Version 3 (the library, issue 12): a document is its content, with its earlier versions kept; the
    # page map and metadata of its file; what the Library view lists; the search index (FTS5) over article
    # text, quotes with their speakers, notes and tags; quotes, names and number claims across articles.
    # Passages, words and the derived tables of documents already in the library are filled by
    # indexing.finish_indexing when the library opens (Python splits the text; SQL cannot).
    3: (
        # Texts are stored once, by content, for the documents' current and earlier versions alike; the
        # documents table keeps only small columns, so listing 10,000 of them never reads their texts.
        "CREATE TABLE texts (sha256 TEXT PRIMARY KEY, text TEXT NOT NULL)",
        "INSERT OR IGNORE INTO texts (sha256, text) SELECT sha256, text FROM documents",
        "ALTER TABLE documents DROP COLUMN text",
        # Several documents may share a path: a different article saved under a file's name is a new one.
        "DROP INDEX documents_path",
        "CREATE INDEX documents_by_path ON documents(path)",
        "ALTER TABLE documents ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}'",  # JSON: site, author, date, url
        "ALTER TABLE documents ADD COLUMN pages TEXT NOT NULL DEFAULT '[]'",  # JSON: where each page starts
        "ALTER TABLE documents ADD COLUMN source_sha256 TEXT",  # of the file's bytes, so import skips it unread
        "ALTER TABLE documents ADD COLUMN published TEXT",  # the article's date (YYYY-MM-DD) when known
        "ALTER TABLE documents ADD COLUMN words INTEGER",
        "ALTER TABLE documents ADD COLUMN quote_count INTEGER",  # from its latest analysis; NULL before one
        "ALTER TABLE documents ADD COLUMN number_count INTEGER",
        "ALTER TABLE documents ADD COLUMN removed TEXT",  # removed from the Library view, undoable until purged
        "ALTER TABLE documents ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX documents_by_source ON documents(source_sha256)",
        "CREATE INDEX documents_pending ON documents(indexed) WHERE indexed = 0",
        """CREATE TABLE document_versions (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            sha256 TEXT NOT NULL,
            source_sha256 TEXT,
            title TEXT,
            format TEXT,
            metadata TEXT NOT NULL DEFAULT '{}',
            pages TEXT NOT NULL DEFAULT '[]',
            first_opened TEXT NOT NULL,
            replaced TEXT NOT NULL
        )""",
        "CREATE INDEX document_versions_document ON document_versions(document_id)",
        "CREATE INDEX document_versions_sha256 ON document_versions(sha256)",
        "CREATE INDEX document_versions_source ON document_versions(source_sha256)",
        # Paragraphs of the current text, each a row of the full-text index (rowid = passages.id).
        """CREATE TABLE passages (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        )""",
        "CREATE INDEX passages_document ON passages(document_id)",
        "CREATE VIRTUAL TABLE passages_fts USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')",
        # The quotes of each document's latest analysis; `speaker` is the reader's correction when there is
        # one, else the engine's (`engine_speaker`); a rejected quote keeps its row with verdict 'rejected'.
        """CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            engine_speaker TEXT,
            speaker_as_written TEXT,
            cue TEXT,
            verdict TEXT
        )""",
        "CREATE INDEX quotes_document ON quotes(document_id, start)",
        "CREATE INDEX quotes_speaker ON quotes(speaker)",
        "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content = 'quotes', content_rowid = 'id', "
        "tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')",
        """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
        END""",
        """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
        END""",
        """CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
            INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
        END""",
        # People and organisations named in each document: one row per name, with its mentions.
        """CREATE TABLE names (
            document_id INTEGER NOT NULL REFERENCES documents(id),
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (document_id, kind, name)
        ) WITHOUT ROWID""",
        "CREATE INDEX names_by_name ON names(name)",
        # Numbers a speaker claims: inside one of their quotes (quote_id), or in the reported speech of a
        # statement with a source.
        """CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            value REAL,
            unit TEXT,
            bound TEXT,
            kind TEXT,
            quote_id INTEGER REFERENCES quotes(id),
            source TEXT
        )""",
        "CREATE INDEX claims_document ON claims(document_id)",
        "CREATE INDEX claims_quote ON claims(quote_id)",
        "CREATE INDEX claims_source ON claims(source)",
        # Notes and tags, indexed straight from the annotations table and kept in step by triggers.
        "CREATE VIRTUAL TABLE notes_fts USING fts5(note, tags, content = 'annotations', content_rowid = 'id', "
        "tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')",
        """CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
            INSERT INTO notes_fts(rowid, note, tags) VALUES (new.id, new.note, new.tags);
        END""",
        """CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
            INSERT INTO notes_fts(notes_fts, rowid, note, tags) VALUES ('delete', old.id, old.note, old.tags);
        END""",
        """CREATE TRIGGER annotations_fts_update AFTER UPDATE OF note, tags ON annotations BEGIN
            INSERT INTO notes_fts(notes_fts, rowid, note, tags) VALUES ('delete', old.id, old.note, old.tags);
            INSERT INTO notes_fts(rowid, note, tags) VALUES (new.id, new.note, new.tags);
        END""",
        "INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')",
    ),
    # Version 4: the full-text indexes without Porter stemming. A stemmed index cannot answer a prefix
    # as typed ("negotia*" is stemmed differently from "negotiable"), and readers search for words as
    # they are written. The indexes are made again; passages are re-split by indexing.finish_indexing.
    4: (
        "DROP TRIGGER quotes_fts_insert",
        "DROP TRIGGER quotes_fts_delete",
        "DROP TRIGGER quotes_fts_update",
        "DROP TRIGGER annotations_fts_insert",
        "DROP TRIGGER annotations_fts_delete",
        "DROP TRIGGER annotations_fts_update",
        "DROP TABLE passages_fts",
        "DROP TABLE quotes_fts",
        "DROP TABLE notes_fts",
        "DELETE FROM passages",
        "UPDATE documents SET indexed = 0",
        "CREATE VIRTUAL TABLE passages_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
        "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content = 'quotes', content_rowid = 'id', "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
        """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
        END""",
        """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
        END""",
        """CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
            INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
        END""",
        "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
        "CREATE VIRTUAL TABLE notes_fts USING fts5(note, tags, content = 'annotations', content_rowid = 'id', "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
        """CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
            INSERT INTO notes_fts(rowid, note, tags) VALUES (new.id, new.note, new.tags);
        END""",
        """CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
            INSERT INTO notes_fts(notes_fts, rowid, note, tags) VALUES ('delete', old.id, old.note, old.tags);
        END""",
        """CREATE TRIGGER annotations_fts_update AFTER UPDATE OF note, tags ON annotations BEGIN
            INSERT INTO notes_fts(notes_fts, rowid, note, tags) VALUES ('delete', old.id, old.note, old.tags);
            INSERT INTO notes_fts(rowid, note, tags) VALUES (new.id, new.note, new.tags);
        END""",
        "INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')",
    ),
}
