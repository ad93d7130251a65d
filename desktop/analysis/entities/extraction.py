"""`extract_entities(parsed)`: spaCy's mentions mapped to the app's kinds, with canonical names and roles.

The small English model finds most names but trips in predictable ways: it keeps "the" and "’s" in
spans, splits "RFE/RL" at the slash, tags a capital as a person or a surname as a place, and gives
the same name different labels within one article. General rules repair these after the parse, in
this order; every pass is linear in the mentions.
"""

from __future__ import annotations

from desktop.analysis.entities.agreement import agree_with_conjuncts, vote_kinds
from desktop.analysis.entities.bodies import described_bodies
from desktop.analysis.entities.headlines import cut_headline_names
from desktop.analysis.entities.joined import join_split_names
from desktop.analysis.entities.kinds import fix_kind_from_context, fix_place
from desktop.analysis.entities.linking import link_people, link_short_names
from desktop.analysis.entities.mentions import Mention
from desktop.analysis.entities.places import untagged_places
from desktop.analysis.entities.repeats import repeated_names
from desktop.analysis.entities.roles import give_roles
from desktop.analysis.entities.spans import mentions_of
from desktop.analysis.entities.teams import sides_in_results
from desktop.analysis.entities.untagged import (
    person_full_names,
    untagged_dateline,
    untagged_opening_places,
    untagged_people,
)
from desktop.analysis.nlp import ParsedText
from desktop.analysis.records import Entity


def extract_entities(parsed: ParsedText) -> list[Entity]:
    mentions: list[Mention] = []
    for para in parsed.paragraphs:
        mentions.extend(mentions_of(para))
    mentions = sides_in_results(parsed, mentions)
    mentions = join_split_names(parsed, mentions)
    surnames = {m.words[-1] for m in mentions if m.label == "PERSON" and len(m.words) >= 2}
    for m in mentions:
        fix_kind_from_context(m, surnames)
    full_names = person_full_names(mentions)
    mentions.extend(untagged_people(parsed, mentions, full_names))
    mentions.extend(untagged_dateline(parsed, mentions))
    mentions.extend(untagged_opening_places(parsed, mentions))
    mentions.extend(repeated_names(parsed, mentions))
    mentions = described_bodies(parsed, mentions)
    mentions = untagged_places(parsed, mentions)
    mentions = cut_headline_names(mentions)
    full_names = person_full_names(mentions)
    link_people(mentions, full_names)
    for m in mentions:
        fix_place(m)
    agree_with_conjuncts(mentions)
    link_short_names(mentions)
    vote_kinds(mentions)
    give_roles(mentions)
    mentions.sort(key=lambda m: (m.start, m.end))
    return [
        Entity(m.start, m.end, m.text, m.label, m.kind, canonical=m.canonical or m.text, role=m.role)
        for m in mentions
    ]
