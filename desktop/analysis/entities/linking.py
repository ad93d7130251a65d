"""Canonical names: each mention linked to the fullest name of the same thing in the document.

"Johnson" -> "Boris Johnson" (people by surname or first name), "UN" -> "United Nations" (acronyms),
"Tyvak" -> "Tyvak Nano-Satellite Systems Inc" (a company's first words).
"""

from __future__ import annotations

from collections import defaultdict

from desktop.analysis.entities.gazetteers import is_known_place
from desktop.analysis.entities.mentions import Mention
from desktop.analysis.entities.name_words import COMPANY_LAST_WORDS, CORPORATE
from desktop.analysis.records import NAME_KINDS

_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "la", "du", "&", "/"})


def link_people(mentions: list[Mention], full_names: dict[tuple[str, ...], list[Mention]]) -> None:
    """Each mention that is the end ("Johnson", "Eriksson Ek") or first name of a person's full name
    becomes that person; when two people share a surname the nearest earlier full name wins."""
    by_part: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for words in full_names:
        for k in range(1, len(words)):
            by_part[words[-k:]].append(words)
        by_part[words[:1]].append(words)
    for m in mentions:
        if m.kind not in NAME_KINDS or m.kind == "group":
            continue
        if m.kind != "person" and m.fixed:
            continue
        words = m.words
        candidates = [c for c in dict.fromkeys(by_part.get(words, ())) if len(c) > len(words)]
        candidates = [c for c in candidates if not any(o != c and o[-len(c) :] == c for o in candidates)]
        if not candidates:
            if m.kind == "person":
                m.canonical = m.text
            continue
        if m.kind != "person" and m.label != "PERSON" and is_known_place(m.text):
            continue
        best = _nearest(candidates, full_names, m.start)
        m.canonical = full_names[best][0].text
        # Linked, not proven: protected from later table fixes but voting with its own weight.
        m.kind, m.label, m.fixed = "person", "PERSON", True


def _nearest(
    candidates: list[tuple[str, ...]], full_names: dict[tuple[str, ...], list[Mention]], offset: int
) -> tuple[str, ...]:
    def key(c: tuple[str, ...]) -> tuple[int, int]:
        earlier = [x.start for x in full_names[c] if x.start <= offset]
        return (max(earlier) if earlier else -offset - min(x.start for x in full_names[c]), len(c))

    return max(candidates, key=key)


def link_short_names(mentions: list[Mention]) -> None:
    """Acronyms to their spelled-out name ("US" -> "United States", "RFE/RL" -> "Radio Free Europe /
    Radio Liberty") and short company names to the registered one ("Tyvak" -> "Tyvak … Inc")."""
    long_names: dict[str, Mention] = {}
    companies: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.kind not in ("organization", "place"):
            continue
        words = m.words
        if len(words) >= 2:
            initials = _initials(words)
            if len(initials) >= 2:
                long_names.setdefault(initials, m)
            last = words[-1].lower().rstrip(".")
            if last in CORPORATE:
                # "Tyvak" for "Tyvak Nano-Satellite Systems Inc", never the bare designator-less "Tyvak Inc".
                for k in range(1, len(words) - 1):
                    companies[words[:k]].append(m)
            elif m.kind == "organization" and last in COMPANY_LAST_WORDS:
                for k in range(1, len(words)):
                    companies[words[:k]].append(m)
    for m in mentions:
        if m.kind not in ("organization", "place"):
            if not m.canonical:
                m.canonical = m.text
            continue
        acronym = m.text.replace("/", "").replace("&", "").replace(".", "")
        full = (
            long_names.get(acronym) if acronym.isupper() and acronym.isalpha() and len(acronym) >= 2 else None
        )
        if full is not None and full is not m:
            m.canonical = full.text
            if not m.fixed or full.kind == m.kind:
                m.kind, m.label = full.kind, full.label
        elif m.words in companies and len({c.text for c in companies[m.words]}) == 1 and not is_known_place(m.text):
            m.canonical = companies[m.words][0].text
            m.set_kind("organization")
        else:
            m.canonical = m.canonical or m.text


def _initials(words: tuple[str, ...]) -> str:
    letters = []
    for w in words:
        if w.lower() in _ACRONYM_SKIP:
            continue
        if not w[:1].isupper():
            return ""
        letters.append(w[0])
    return "".join(letters)
