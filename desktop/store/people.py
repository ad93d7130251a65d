"""Who said what across articles: people and organisations merged by name, their quotes and numbers.

Each article's analysis already gives the full name for "he" and "Kirby" within it (the canonical
speaker and entity names). Across articles, names are compared folded (case, accents, punctuation,
a possessive 's and middle initials set aside), and a single name ("Kirby") joins the one full name
that ends with it ("John Kirby") when the library has exactly one such person; with two Kirbys it
stays apart, since it could be either.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from sqlite_utils import Database

from desktop.store.catalogue import source_name
from desktop.store.records import Person, Statement, Variant
from desktop.store.search import Search
from desktop.store.variants import differing_spans, group_variants, is_variant, shared_words, words_of

_PUNCTUATION = re.compile(r"[^\w\s-]")
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
# Candidates asked of the quotes index for a quote's versions; the longest words of the quote ask.
VARIANT_CANDIDATES = 200
_QUERY_WORDS = 8

_NAMES_SQL = """
SELECT n.kind, n.name, count(DISTINCT n.document_id), sum(n.mentions) FROM names n
JOIN documents d ON d.id = n.document_id WHERE d.removed IS NULL GROUP BY n.kind, n.name
"""
_SPEAKERS_SQL = """
SELECT q.speaker, count(DISTINCT q.document_id), count(*) FROM quotes q JOIN documents d ON d.id = q.document_id
WHERE q.speaker IS NOT NULL AND d.removed IS NULL AND q.verdict IS NOT 'rejected' GROUP BY q.speaker
"""
_ARTICLE = "d.title, d.path, json_extract(d.metadata, '$.site'), coalesce(d.published, substr(d.first_opened, 1, 10))"


def name_key(name: str) -> str:
    """A name folded for comparing: "John F. Kirby's" -> "john kirby"."""
    text = unicodedata.normalize("NFKD", _POSSESSIVE.sub("", name).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    tokens = _PUNCTUATION.sub(" ", text).split()
    if len(tokens) > 2:
        tokens = [tokens[0]] + [t for t in tokens[1:-1] if len(t) > 1] + [tokens[-1]]
    if tokens and tokens[0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    return " ".join(tokens)


def same_person(a: str | None, b: str | None) -> bool:
    """Whether two speakers can be one person: either unknown, the same name, or a surname and a full
    name that ends with it."""
    if not a or not b:
        return True
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return True
    short, full = sorted((ka, kb), key=lambda k: len(k.split()))
    return len(short.split()) == 1 and full.split()[-1] == short


def merge_names(rows: Iterable[tuple[str, str, int, int, int]]) -> list[tuple[str, str, list[str], int, int, int]]:
    """(kind, name, articles, mentions, quotes) per name as stored -> (kind, shown name, names, articles,
    mentions, quotes) per person; articles are summed here (see People.people for the exact count)."""
    groups: dict[tuple[str, str], list[tuple[str, int, int, int]]] = defaultdict(list)
    for kind, name, articles, mentions, quotes in rows:
        key = name_key(name)
        if key:
            groups[(kind, key)].append((name, articles, mentions, quotes))
    surnames: dict[str, list[str]] = defaultdict(list)
    for kind, key in groups:
        if kind == "person" and len(key.split()) > 1:
            surnames[key.split()[-1]].append(key)
    for kind, key in list(groups):
        if kind == "person" and len(key.split()) == 1 and len(surnames.get(key, ())) == 1:
            groups[(kind, surnames[key][0])].extend(groups.pop((kind, key)))
    merged = []
    for (kind, _key), members in groups.items():
        shown = max(members, key=lambda m: (len(m[0].split()), m[2] + m[3], m[0]))[0]
        names = sorted({m[0] for m in members})
        merged.append((kind, shown, names, sum(m[1] for m in members), sum(m[2] for m in members), sum(m[3] for m in members)))
    return merged


class People(Search):
    def people(self) -> list[Person]:
        """Everyone quoted or named in the library (people and organisations), most quoted first."""
        with self._reading() as db:
            named = db.execute(_NAMES_SQL).fetchall()
            speakers = db.execute(_SPEAKERS_SQL).fetchall()
            kinds = {name: kind for kind, name, _a, _m in named}
            per_name: dict[tuple[str, str], list[int]] = {}
            for kind, name, articles, mentions in named:
                per_name[(kind, name)] = [articles, mentions, 0]
            for name, articles, quotes in speakers:
                # Quoted nearly always means named in the same article too, so the larger count is the
                # number of articles (exact for one name; merged names are counted exactly below).
                entry = per_name.setdefault((kinds.get(name, "person"), name), [0, 0, 0])
                entry[0], entry[2] = max(entry[0], articles), quotes
            merged = merge_names((k, n, a, m, q) for (k, n), (a, m, q) in per_name.items())
            people = []
            for kind, shown, names, articles, mentions, quotes in merged:
                if len(names) > 1:  # one article may name both "Kirby" and "John Kirby": count it once
                    articles = _articles(db, kind, names)
                people.append(Person(shown, kind, tuple(names), articles, quotes, mentions))
        people.sort(key=lambda p: (-p.quotes, -p.articles, p.name.casefold()))
        return people

    def find_people(self, name: str) -> list[Person]:
        """The people a name given by the reader means: whose names fold to it, and for a single name also
        everyone whose surname it is (so "Kirby" is ambiguous when the library has two)."""
        key = name_key(name)
        everyone = self.people()
        exact = [p for p in everyone if key in {name_key(n) for n in p.names}]
        if len(key.split()) != 1:
            return exact
        by_surname = [
            p for p in everyone
            if p.kind == "person" and p not in exact and any(name_key(n).split()[-1:] == [key] for n in p.names)
        ]  # fmt: skip
        return exact + by_surname

    def statements(self, names: Sequence[str] | None = None) -> list[Statement]:
        """The quotes and number claims of the speakers with these names (of everyone when None),
        newest article first; the versions of one statement share a variant_group."""
        where, args = "", []
        if names is not None:
            where = f"AND speaker IN ({', '.join('?' for _ in names)})"
            args = list(names)
        with self._reading() as db:
            rows = db.execute(
                f"""SELECT * FROM (
                    SELECT 'quote', q.document_id, q.start, q."end", q.text, q.speaker AS speaker, NULL, NULL, q.id,
                           {_ARTICLE} AS date
                    FROM quotes q JOIN documents d ON d.id = q.document_id
                    WHERE d.removed IS NULL AND q.verdict IS NOT 'rejected'
                    UNION ALL
                    SELECT 'number', c.document_id, c.start, c."end", c.text, coalesce(q.speaker, c.source) AS speaker,
                           c.value, c.unit, c.quote_id, {_ARTICLE} AS date
                    FROM claims c LEFT JOIN quotes q ON q.id = c.quote_id JOIN documents d ON d.id = c.document_id
                    WHERE d.removed IS NULL AND q.verdict IS NOT 'rejected'
                ) WHERE speaker IS NOT NULL {where} ORDER BY date DESC, 2 DESC, 3""",
                args,
            ).fetchall()
        made = [_statement(r) for r in rows]
        quotes = [s for s in made if s.kind == "quote"]
        groups = group_variants([(s.text, s.speaker) for s in quotes], same_person) if len(quotes) < 2000 else []
        group_of = {s.quote_id: g for s, g in zip(quotes, groups, strict=False)}
        return [_with_group(s, group_of.get(s.quote_id)) if s.kind == "quote" else s for s in made]

    def variants_of(self, document_id: int, start: int, end: int) -> list[Variant]:
        """Other versions of the quote at start..end of the document, in other articles or this one."""
        with self._reading() as db:
            this = db.execute(
                'SELECT id, text, speaker FROM quotes WHERE document_id = ? AND start < ? AND "end" > ? '
                'ORDER BY abs(start - ?) LIMIT 1',
                [document_id, end, start, start],
            ).fetchone()
            if this is None:
                return []
            quote_id, text, speaker = this
            words = words_of(text)
            asked = sorted(set(words.tokens), key=lambda w: (-len(w), w))[:_QUERY_WORDS]
            if not asked:
                return []
            match = " OR ".join('text : "' + w.replace('"', '""') + '"' for w in asked)
            rows = db.execute(
                f"""SELECT 'quote', q.document_id, q.start, q."end", q.text, q.speaker, NULL, NULL, q.id, {_ARTICLE}
                FROM quotes_fts f JOIN quotes q ON q.id = f.rowid JOIN documents d ON d.id = q.document_id
                WHERE quotes_fts MATCH ? AND q.id != ? AND d.removed IS NULL AND q.verdict IS NOT 'rejected'
                ORDER BY f.rank LIMIT ?""",
                [match, quote_id, VARIANT_CANDIDATES],
            ).fetchall()
        found = []
        for row in rows:
            other = _statement(row)
            theirs = words_of(other.text)
            if is_variant(words, theirs, same_person(speaker, other.speaker)):
                share = shared_words(words, theirs) / max(1, min(len(words.tokens), len(theirs.tokens)))
                found.append(Variant(other, differing_spans(words, theirs), round(share, 3)))
        found.sort(key=lambda v: (v.statement.date, v.statement.document_id), reverse=True)
        return found


def _articles(db: Database, kind: str, names: list[str]) -> int:
    marks = ", ".join("?" for _ in names)
    return db.execute(
        f"SELECT count(*) FROM (SELECT n.document_id FROM names n WHERE n.kind = ? AND n.name IN ({marks}) "
        f"UNION SELECT q.document_id FROM quotes q WHERE q.speaker IN ({marks}) AND q.verdict IS NOT 'rejected') x "
        "JOIN documents d ON d.id = x.document_id WHERE d.removed IS NULL",
        [kind, *names, *names],
    ).fetchone()[0]


def _statement(row: tuple) -> Statement:
    kind, document_id, start, end, text, speaker, value, unit, quote_id, title, path, site, date = row
    return Statement(
        kind, document_id, title or source_name(None, path), source_name(site, path), date, start, end, text,
        speaker, value, unit, quote_id, path,
    )  # fmt: skip


def _with_group(statement: Statement, group: int | None) -> Statement:
    return statement if group is None else replace(statement, variant_group=group)
