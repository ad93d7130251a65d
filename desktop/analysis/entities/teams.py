"""Sports sides named after places: "Leeds beat Bristol by five wickets", "Leeds 6 Bristol 0", "Leeds
captain Tom Walsh", "Hull City 5 3 0 2 8 6 9". The place's name stands for the side that plays
under it, an organisation; a nation's side keeps the country's kind, as news (and its annotation) names
it by the country ("France beat Japan 2-0").

A name is a side by its own context only: in a line of results or standings, as the subject or object
of a contest ("beat", "a win over"), or before a player's position; the vote then gives every other
mention of that name in the article the same kind, so "floods hit Leeds" stays a place in an article
where Leeds plays nobody.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from desktop.analysis.entities.gazetteers import is_known_place, is_nation
from desktop.analysis.entities.mentions import Mention, bare_word
from desktop.analysis.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from desktop.analysis.nlp import Paragraph, ParsedText

TEAM_ROLES = words("team_roles")
_DATE_WORDS = words("date_words")  # "July 24 June 24": a table of months, not of sides
CONTEST_WORDS = words("contest_words")
_SCORE = re.compile(r"\d{1,3}")
_NAME_BRIDGES = frozenset({"of", "'s", "’s", "&", "de", "la", "del"})
_FIXTURE_WORDS = frozenset({"v", "v.", "vs", "vs."})
_CONTEST_PREPOSITIONS = frozenset({"over", "with", "to", "against", "by"})
_STANDINGS_MIN_NUMBERS = 3
# What a line of sides has, a cheap test before the tokens: a name and a score ("Leeds 6", "Dunmore ( B ) 0"),
# or the "v" of a fixture; a short line, the "at" of a fixture list.
_LINE_OF_SIDES = re.compile(r"[A-Za-z)]\s+\d{1,3}(?![\d.,:/])|\s(?:v|vs)\.?\s")
_FIXTURE_AT = re.compile(r"\s(?:at|AT)\s")
_FIXTURE_LINE = 80  # characters


def sides_in_results(parsed: ParsedText, mentions: list[Mention]) -> list[Mention]:
    """The mentions with every side of a results or standings line cut to its name and made an
    organisation: the model runs "Leeds 3 Bristol" into one name and calls half the sides people."""
    by_para: dict[int, list[tuple[int, int, bool]]] = {}
    for para in parsed.paragraphs:
        sides = [side for a, b in _lines(parsed.text, para) for side in _sides_in_line(para.doc, a, b)]
        if sides:
            by_para[id(para)] = sides
    if not by_para:
        return mentions
    kept: list[Mention] = []
    old: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        sides = by_para.get(id(m.para))
        if sides and any(i < m.j and m.i < j for i, j, _ in sides):
            old[id(m.para)].append(m)
        else:
            kept.append(m)
    for para in parsed.paragraphs:
        for i, j, paired in by_para.get(id(para), ()):
            j = _with_letters(para.doc, j)
            before = [m for m in old[id(para)] if i < m.j and m.i < j]
            same = next((m for m in before if (m.i, m.j) == (i, j)), None)
            if same is not None and same.label == "PERSON" and len(same.words) >= 2 and not paired:
                kept.append(same)  # "Tom Varley 70 71 69 72": a golfer's card, not a side
                continue
            m = Mention(para, i, j, "ORG", "organization")
            m.locate()
            m.set_kind("place" if is_nation(m.text) else "organization")
            kept.append(m)
    return kept


def _lines(text: str, para: Paragraph) -> list[tuple[int, int]]:
    """Token ranges of the lines of a paragraph that could hold sides (a table keeps a row a line):
    those with a score, or the "v" or "at" of a fixture."""
    doc = para.doc
    if not len(doc):
        return []
    last = doc[-1]
    start, end = para.start, para.start + last.idx + len(last.text)
    lines = []
    while start < end:
        stop = text.find("\n", start, end)
        stop = end if stop < 0 else stop
        if _LINE_OF_SIDES.search(text, start, stop) or (
            stop - start < _FIXTURE_LINE and _FIXTURE_AT.search(text, start, stop)
        ):
            span = doc.char_span(start - para.start, stop - para.start, alignment_mode="expand")
            if span is not None and len(span):
                lines.append((span.start, span.end))
        start = stop + 1
    return lines


def _sides_in_line(doc: Doc, a: int, b: int) -> list[tuple[int, int, bool]]:
    """Token ranges of the sides in a line of results ("Leeds 6 Bristol 0", "Hull City v Sheffield"),
    with True, or in a standings row ("Hull City 5 3 0 2 8 6 9"), with False."""
    names = _name_runs(doc, a, b)
    if _is_schedule(doc, a, b, names):
        # "OMAHA AT DENVER": the visitors are a side; "at" says where the game is.
        return [(i, j, True) for i, j in names[::2]]
    sides: list[tuple[int, int, bool]] = []
    for n, (i, j) in enumerate(names):
        nxt = names[n + 1] if n + 1 < len(names) else None
        after = _skip_note(doc, j, b)
        fixture = after < b and doc[after].lower_ in _FIXTURE_WORDS and not _in_capitals(doc, i, j)
        if nxt is not None and fixture and after + 1 == nxt[0]:
            sides += [(i, j, True), (nxt[0], nxt[1], True)]
            continue
        if not _is_score(doc, after, b):
            continue
        # "Leeds 6 Bristol 0": the next side follows its rival's score.
        if nxt is not None and nxt[0] == after + 1 and _is_score(doc, _skip_note(doc, nxt[1], b), b):
            sides += [(i, j, True), (nxt[0], nxt[1], True)]
            continue
        if i == _first_word(doc, a, b) and _numbers_to_end(doc, after, b) >= _STANDINGS_MIN_NUMBERS:
            sides.append((i, j, False))
    return sorted(set(sides))


def _is_schedule(doc: Doc, a: int, b: int, names: list[tuple[int, int]]) -> bool:
    """A line of fixtures and nothing else: pairs of names, each pair joined by "at"."""
    if len(names) < 2 or len(names) % 2:
        return False
    inside = {k for i, j in names for k in range(i, j)}
    rest = [t for t in doc[a:b] if t.i not in inside and not t.is_space]
    visitors, hosts = names[::2], names[1::2]
    return len(rest) == len(hosts) and all(
        doc[j].lower_ == "at" and host[0] == j + 1 for (_, j), host in zip(visitors, hosts, strict=True)
    )


def _name_runs(doc: Doc, a: int, b: int) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    k = a
    while k < b:
        if not _name_word(doc[k]):
            k += 1
            continue
        j = k + 1
        while j < b and (
            _name_word(doc[j])
            or ((doc[j].lower_ in _NAME_BRIDGES or _hyphen_inside(doc, j)) and j + 1 < b and _name_word(doc[j + 1]))
        ):
            j += 1
        runs.append((k, j))
        k = j
    return runs


def _name_word(tok: Token) -> bool:
    text = tok.text
    return (
        text[:1].isupper()
        and text.replace(".", "").replace("-", "").isalpha()
        and tok.lower_ not in _FIXTURE_WORDS
        and tok.lower_ != "at"  # "DENVER AT BOSTON"
        and tok.lower_ not in _DATE_WORDS
    )


def _hyphen_inside(doc: Doc, j: int) -> bool:
    """ "Ashby-Vale": a hyphen written without spaces joins one name."""
    return doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_


def _skip_note(doc: Doc, k: int, b: int) -> int:
    """Past a bracketed note after a side's name: "Halden ( Norway ) 92", "Dunmore ( Z ) 0"."""
    if k < b and doc[k].text == "(":
        end = k + 1
        while end < b and end - k <= 4 and doc[end].text != ")":
            end += 1
        if end < b and doc[end].text == ")" and all(_name_word(t) for t in doc[k + 1 : end]):
            return end + 1
    return k


def _with_letters(doc: Doc, j: int) -> int:
    """ "Dunmore ( B )", "Dunmore ( BK )": a bracketed letter or two that tell apart sides of one name are
    part of the name; "Halden ( Norway )", a country, is not."""
    end = _skip_note(doc, j, len(doc))
    if end == j + 3 and doc[j + 1].text.isupper() and len(doc[j + 1].text) <= 2:
        return end
    return j


def _is_score(doc: Doc, k: int, b: int) -> bool:
    return k < b and bool(_SCORE.fullmatch(doc[k].text))


def _first_word(doc: Doc, a: int, b: int) -> int:
    k = a
    while k < b and (doc[k].is_space or doc[k].is_punct):
        k += 1
    return k


def _numbers_to_end(doc: Doc, k: int, b: int) -> int:
    """How many numbers fill the rest of the line from doc[k] (dashes and fractions between), or 0 when
    a word follows: "Hull City 5 3 0 2 8 6 9", "DENVER 71 62 .534 -"."""
    numbers = 0
    for tok in doc[k:b]:
        text = tok.text
        if text.isdigit() or (text.startswith(".") and text[1:].isdigit()):
            numbers += 1  # games won and lost, and the share won: "DENVER 71 62 .534"
        elif not (tok.is_punct or tok.is_space or text == "1/2"):
            return 0  # a word, or a decimal ("Tokyo 105.45 105.60" is a rate, not a side's record)
    return numbers


def _in_capitals(doc: Doc, i: int, j: int) -> bool:
    """A headline's capitals ("NORWAY V SWEDEN SCOREBOARD"), where a run of names has no edge."""
    return all(t.text.isupper() for t in doc[i:j])


def acts_as_side(m: Mention, surnames: set[str]) -> bool:
    """ "Leeds beat Bristol", "a win over Hull", "Leeds captain Tom Walsh": a place's (or an unknown
    name's) mention that plays, as a side does. People play too: a name the model took for a person's
    is judged only when it is a place's, or when the rival it plays is a side ("Leeds" against "Bristol")."""
    if m.kind not in ("place", "organization", "person") or m.label == "NORP" or m.text in surnames:
        return False
    if is_nation(m.text) or m.text.isupper():
        return False
    doc = m.para.doc
    if _name_goes_on(doc, m.i - 1) or _name_goes_on(doc, m.j):
        return False  # "Ilse Varga" with only one of the names tagged: a person's name
    place = is_known_place(m.text)
    if len(m.words) > 1 and not place and _nation_in_brackets(doc, m.j):
        return False  # "Maria Lenz ( Austria ) beat …": a player's full name and nationality
    rivals = _rivals(m.root)
    if m.label == "PERSON" and not place:
        return len(m.words) == 1 and any(_is_side_name(t) for t in rivals or ())
    if rivals is not None:
        return True
    return _before_position(m) and (place or m.label in ("GPE", "LOC", "FAC"))


def _rivals(root: Token) -> list[Token] | None:
    """The other sides of the contest `root` takes part in ("Bristol" for "Leeds" in "Leeds beat Bristol"),
    or None when it takes part in none."""
    head = root.head
    if root.dep_ in ("nsubj", "dobj", "nsubjpass") and head.lemma_.lower() in CONTEST_WORDS:
        verb = head
    elif root.dep_ == "pobj" and head.lower_ in _CONTEST_PREPOSITIONS and head.head.lemma_.lower() in CONTEST_WORDS:
        verb = head.head
    else:
        return None
    rivals = [c for c in verb.children if c.dep_ in ("nsubj", "dobj", "nsubjpass") and c.i != root.i]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _CONTEST_PREPOSITIONS:
            rivals += [c for c in prep.children if c.dep_ == "pobj" and c.i != root.i]
    return rivals


def _is_side_name(tok: Token) -> bool:
    """A rival that is a side: an organisation's name, or a place's other than a nation's."""
    if tok.ent_type_ == "ORG":
        return True
    return tok.ent_type_ in ("GPE", "LOC", "PERSON") and is_known_place(tok.text) and not is_nation(tok.text)


def _name_goes_on(doc: Doc, k: int) -> bool:
    return 0 <= k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper()


def _nation_in_brackets(doc: Doc, j: int) -> bool:
    end = _skip_note(doc, j, len(doc))
    return end > j and is_nation(doc[j + 1 : end - 1].text)


def _before_position(m: Mention) -> bool:
    """ "Leeds captain Tom Walsh": the name modifies a position followed by a player's name."""
    doc = m.para.doc
    j = m.j
    if j + 1 >= len(doc):
        return False
    role, after = doc[j], doc[j + 1]
    return bare_word(role) in TEAM_ROLES and m.root.head.i == role.i and after.text[:1].isupper() and after.pos_ == "PROPN"
