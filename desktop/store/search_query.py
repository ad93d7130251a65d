"""What a reader types into the search box, as FTS5 queries that cannot fail to parse.

    troops "combat troops" negot*  speaker:Kirby  tag:verify  in:quotes,notes  -Poland  Ukraine OR Kyiv

- words must all be there (in any order); "a phrase" must be there as written; word* is a prefix;
- -word leaves out the articles that have the word; OR between two terms takes either;
- speaker:NAME (or speaker:"John Kirby") keeps quotes by that speaker; tag:TAG keeps articles with a
  note tagged so; in:quotes, in:notes, in:text (or several, comma-separated) say where to look.

Every term reaches FTS5 as a quoted string (its own double quotes doubled), so no input can be read as
FTS5 syntax: a stray quote, a bracket or a lone operator is a word like any other, or nothing.
Something that cannot be searched for at all is a QueryError with a message for the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WHERE = ("quotes", "notes", "text")
FILTERS = ("speaker", "tag", "in")
# A term: -? then a "phrase" (closed or not) or a run of non-space characters, maybe followed by *.
_TOKEN = re.compile(r'(-?)(?:"([^"]*)"?|([^\s"]+))')
_FILTER = re.compile(r"^([A-Za-z]+):(.*)$", re.DOTALL)
_WORDY = re.compile(r"\w")


class QueryError(ValueError):
    """A query that cannot be searched for; str() says why, for the reader."""


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False
    negated: bool = False
    either: bool = False  # joined to the term before it by OR

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + " *" if self.prefix else quoted


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...] = ()
    speakers: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    where: frozenset[str] = field(default_factory=lambda: frozenset(WHERE))

    @property
    def has_terms(self) -> bool:
        return any(not t.negated for t in self.terms)

    def match(self) -> str | None:
        """The FTS5 expression of the terms (None when there are only filters)."""
        if not self.has_terms:
            return None
        positive: list[list[Term]] = []
        for term in self.terms:
            if term.negated:
                continue
            if term.either and positive:
                positive[-1].append(term)
            else:
                positive.append([term])
        parts = [g[0].fts() if len(g) == 1 else "(" + " OR ".join(t.fts() for t in g) + ")" for g in positive]
        return " AND ".join(parts)

    def exclusion(self) -> str | None:
        """The FTS5 expression of the -words: an article that has any of them is left out."""
        negative = [t.fts() for t in self.terms if t.negated]
        return " OR ".join(negative) or None

    def speaker_match(self) -> str | None:
        if not self.speakers:
            return None
        return " OR ".join("speaker : " + Term(s).fts() for s in self.speakers)


def parse_query(text: str) -> Query:
    """The reader's query (see the module docstring); QueryError when nothing in it can be searched."""
    terms: list[Term] = []
    speakers: list[str] = []
    tags: list[str] = []
    where: set[str] = set()
    pending_or = False
    for piece in _pieces(text):
        negated, body, quoted = piece
        named = None if quoted else _FILTER.match(body)
        if named and named.group(1).lower() in FILTERS:
            name, value = named.group(1).lower(), _unquote(named.group(2))
            if not value.strip():
                raise QueryError(f"Give a value after {name}: (for example {name}:{_EXAMPLES[name]}).")
            if name == "speaker":
                speakers.append(" ".join(value.split()))
            elif name == "tag":
                tags.append(" ".join(value.split()))
            else:
                where |= _places(value)
            continue
        if not quoted and body == "OR":
            pending_or = bool(terms)
            continue
        prefix = not quoted and body.endswith("*")
        words = body.rstrip("*") if prefix else body
        if not _WORDY.search(words):
            continue  # punctuation only: nothing FTS5 would index
        terms.append(Term(" ".join(words.split()), prefix=prefix, negated=negated, either=pending_or))
        pending_or = False
    if not terms and not speakers and not tags:
        raise QueryError("Type a word to search for (or speaker:NAME, tag:TAG).")
    query = Query(tuple(terms), tuple(speakers), tuple(tags), frozenset(where or WHERE))
    if terms and not query.has_terms:
        raise QueryError("Say what to look for, not only what to leave out (-word).")
    return query


_EXAMPLES = {"speaker": "Kirby", "tag": "verify", "in": "quotes"}


def _pieces(text: str) -> list[tuple[bool, str, bool]]:
    """(negated, text, was quoted) for each term; a filter keeps its quoted value (speaker:"John Kirby")."""
    pieces = []
    at = 0
    while at < len(text):
        if text[at].isspace():
            at += 1
            continue
        filter_head = re.match(r'([A-Za-z]+):"([^"]*)"?', text[at:])
        if filter_head and filter_head.group(1).lower() in FILTERS:
            pieces.append((False, f'{filter_head.group(1)}:"{filter_head.group(2)}"', False))
            at += filter_head.end()
            continue
        token = _TOKEN.match(text, at)
        if token is None or token.end() == at:
            at += 1
            continue
        negated = token.group(1) == "-" and (token.group(2) is not None or bool(token.group(3)))
        if token.group(2) is not None:
            pieces.append((negated, token.group(2), True))
        elif token.group(3):
            pieces.append((negated, token.group(3), False))
        at = token.end()
    return pieces


def _unquote(value: str) -> str:
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value.strip('"')


def _places(value: str) -> set[str]:
    places = set()
    for part in value.lower().split(","):
        part = part.strip()
        if not part:
            continue
        singular = {"quote": "quotes", "note": "notes", "texts": "text", "article": "text", "articles": "text"}
        part = singular.get(part, part)
        if part not in WHERE:
            raise QueryError(f"in:{part} is not a place to search; use in:quotes, in:notes or in:text.")
        places.add(part)
    return places
