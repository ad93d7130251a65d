"""The plain records the library hands to the UI: frozen dataclasses, no SQL, no Qt.

An Annotation is either the reader's own highlight (`source="user"`) or the reader's verdict on an
automatic highlight (`source="auto"`, `status` accepted / rejected / corrected, `auto_key` naming the
record it judges). Its position is kept twice, as in the W3C Web Annotation model: a TextPositionSelector
(`start`, `end`, str offsets into the document text) and a TextQuoteSelector (`exact` with up to
CONTEXT_CHARS of `prefix` and `suffix`), so it can be found again when the article file changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONTEXT_CHARS = 32

SOURCES = ("user", "auto")
# The reader's verdict; `detached` is kept apart so a correction that lost its passage keeps its verdict.
STATUSES = ("active", "accepted", "rejected", "corrected")
AUTO_KINDS = ("entity", "quote", "number")


@dataclass(frozen=True)
class Annotation:
    id: int
    document_id: int
    document_sha256: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    source: str = "user"
    category: str = "highlight"
    label: str | None = None
    note: str = ""
    tags: tuple[str, ...] = ()
    color: str | None = None
    speaker: str | None = None
    value: float | None = None
    unit: str | None = None
    bound: str | None = None
    status: str = "active"
    detached: bool = False
    auto_key: str | None = None
    created: str = ""
    modified: str = ""

    @property
    def export_status(self) -> str:
        """What the export's status column says: `detached` wins, since the position is then stale."""
        return "detached" if self.detached else self.status


@dataclass(frozen=True)
class StoredDocument:
    """A document as the library remembers it (its current version).

    `reanchored` / `detached` count the annotations moved to a new text, or kept detached, when this
    opening found the file edited. `supersedes` is the document that was at this path before when the
    file now holds a different article (that one is kept, with its notes, as it was). `metadata` (site,
    author, date, url of a web page) and `pages` (where each page starts in the text, for paged formats)
    are those of the file the text came from.
    """

    id: int
    path: str | None
    sha256: str
    title: str | None
    format: str | None
    first_opened: str
    last_opened: str
    reanchored: int = 0
    detached: int = 0
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    pages: tuple[int, ...] = ()
    versions: int = 1
    supersedes: int | None = None
    new_version: bool = False

    @property
    def display_name(self) -> str:
        if self.title:
            return self.title
        return Path(self.path).name if self.path else "Untitled"


def auto_key(kind: str, start: int, end: int) -> str:
    """Names one automatic record by kind and span, e.g. `quote:120:250`."""
    if kind not in AUTO_KINDS:
        raise ValueError(f"unknown automatic record kind {kind!r}; expected one of {', '.join(AUTO_KINDS)}")
    return f"{kind}:{start}:{end}"


def parse_auto_key(key: str) -> tuple[str, int, int]:
    kind, start, end = key.split(":")
    return kind, int(start), int(end)


def join_tags(tags: str | tuple[str, ...] | list[str]) -> str:
    """Tags as stored and exported: normalised, joined with "; "."""
    return "; ".join(normalise_tags(tags))


def normalise_tags(tags: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Tags are trimmed, unique, in the order given; `;` separates tags in a string and in the CSV."""
    items = tags.split(";") if isinstance(tags, str) else [p for t in tags for p in str(t).split(";")]
    seen: dict[str, None] = {}
    for item in items:
        tag = " ".join(item.split())
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


@dataclass(frozen=True)
class CatalogueEntry:
    """One row of the Library view. `quotes` and `numbers` are None before the article is analysed;
    `published` is the article's own date (YYYY-MM-DD) when its file says, `added` when it came in."""

    id: int
    title: str
    source: str
    path: str | None
    published: str | None
    added: str
    words: int
    quotes: int | None
    numbers: int | None
    notes: int
    tags: tuple[str, ...]
    format: str | None = None
    sha256: str = ""

    @property
    def date(self) -> str:
        """The article's date where known, else the day it was added (for sorting and the date filter)."""
        return self.published or self.added[:10]


@dataclass(frozen=True)
class SearchHit:
    """One place an article matches: kind "text", "quote" or "note"; start..end is where to open the
    article (the first matched words); `snippet` is the text shown, `marks` the matched runs in it."""

    kind: str
    start: int
    end: int
    snippet: str
    marks: tuple[tuple[int, int], ...]
    rank: float = 0.0
    speaker: str | None = None  # a quote's speaker
    passage: str | None = None  # the passage a note is on
    tags: str | None = None  # a note's tags


@dataclass(frozen=True)
class SearchResult:
    """An article with its best hits (`total_hits` counts all the rows that matched in it)."""

    document_id: int
    title: str
    source: str
    date: str
    hits: tuple[SearchHit, ...]
    total_hits: int


@dataclass(frozen=True)
class SearchResults:
    query: Any  # search_query.Query
    results: tuple[SearchResult, ...]
    articles: int  # articles that matched (results may hold fewer: `truncated`)
    truncated: bool = False


@dataclass(frozen=True)
class Person:
    """Someone (or an organisation) quoted or named in the library, merged across articles.

    `names` are the names as the articles give them, all merged into this one ("Kirby", "John Kirby");
    `name` is the fullest of them. `articles` counts the articles that name or quote them.
    """

    name: str
    kind: str
    names: tuple[str, ...]
    articles: int
    quotes: int
    mentions: int


@dataclass(frozen=True)
class Statement:
    """A quote, or a number claimed in one (kind "number"), with its article; `date` is the article's
    date where known, else the day it was added. `variant_group` numbers the versions of one statement."""

    kind: str
    document_id: int
    title: str
    source: str
    date: str
    start: int
    end: int
    text: str
    speaker: str | None
    value: float | None = None
    unit: str | None = None
    quote_id: int | None = None
    path: str | None = None
    variant_group: int | None = None


@dataclass(frozen=True)
class Variant:
    """Another version of a quote: `marks` are the spans of its words the quote does not have."""

    statement: Statement
    marks: tuple[tuple[int, int], ...]
    shared: float
