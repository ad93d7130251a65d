"""Named entities: spaCy's mentions mapped to the app's kinds, with canonical names and roles."""

from __future__ import annotations

from desktop.analysis.pipeline import ParsedText
from desktop.analysis.records import Entity

KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "DATE": "date",
    "TIME": "date",
    "EVENT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
    "PRODUCT": "other",
    "LANGUAGE": "other",
}


def extract_entities(parsed: ParsedText) -> list[Entity]:
    entities: list[Entity] = []
    for para in parsed.paragraphs:
        for ent in para.doc.ents:
            kind = KIND_OF_LABEL.get(ent.label_)
            if kind is None:
                continue
            start, end = parsed.token_span(para, ent)
            entities.append(Entity(start, end, ent.text, ent.label_, kind, canonical=ent.text))
    return entities
